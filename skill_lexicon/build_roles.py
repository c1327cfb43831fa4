"""Build ``skill_lexicon/roles.json`` from O*NET 29.2 and the curated career ladders.

Usage::

    python skill_lexicon/build_roles.py [--onet DIR] [--out FILE]

Every O*NET occupation becomes one role record; the curated ladders in
``curated/ladders.toml`` are validated (through ``gapcheck.roles``, so the loader and the
build agree on the schema) and stored next to them. The output is compact JSON with
sorted keys, so rebuilding from the same inputs gives the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
import types
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ONET = REPO.parent / "shared" / "data" / "onet"
MAX_ALT_TITLES = 60
MAX_RELATED = 10

# O*NET flags -> skill weight. "In Demand" (often named in this occupation's job
# postings) outranks "Hot Technology" (often named in postings across all occupations).
WEIGHT_PLAIN, WEIGHT_HOT, WEIGHT_IN_DEMAND = 1.0, 1.5, 2.0

# RW (Related Work Experience) category -> (lower, upper, midpoint) in years. The open
# top category "Over 10 years" is read as 10-14 years, midpoint 12.
RW_YEARS: dict[int, tuple[float, float, float]] = {
    1: (0.0, 0.0, 0.0),  # None
    2: (0.0, 1 / 12, 1 / 24),  # up to 1 month
    3: (1 / 12, 0.25, 2 / 12),  # 1-3 months
    4: (0.25, 0.5, 0.375),  # 3-6 months
    5: (0.5, 1.0, 0.75),  # 6 months - 1 year
    6: (1.0, 2.0, 1.5),
    7: (2.0, 4.0, 3.0),
    8: (4.0, 6.0, 5.0),
    9: (6.0, 8.0, 7.0),
    10: (8.0, 10.0, 9.0),
    11: (10.0, 14.0, 12.0),  # "Over 10 years"
}

# RL (Required Level of Education) category -> short degree level used by the scorer.
RL_LEVEL: dict[int, str] = {
    1: "none", 2: "high school", 3: "certificate", 4: "some college", 5: "associate",
    6: "bachelor", 7: "bachelor", 8: "master", 9: "master", 10: "professional",
    11: "doctorate", 12: "doctorate",
}
BACHELOR_OR_HIGHER = range(6, 13)

_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)]\.)\s+(?=[A-Z])")
_PAREN = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of an O*NET tab-separated file as dicts keyed by its header.

    >>> read_tsv(Path("Job Zones.txt"))[0]["Job Zone"]  # doctest: +SKIP
    '5'
    """
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def first_sentence(text: str) -> str:
    """The first sentence of an O*NET description.

    >>> first_sentence("Plan budgets. Direct staff.")
    'Plan budgets.'
    """
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def split_title(title: str) -> list[str]:
    """An O*NET title and, when it has one, its parenthesised abbreviation or expansion.

    Nearly every parenthesis in the title files is an abbreviation or its expansion
    ("CEO (Chief Executive Officer)"), so both halves are useful search keys.

    >>> split_title("Registered Nurse (RN)")
    ['Registered Nurse', 'RN']
    """
    m = _PAREN.match(title.strip())
    if not m or not m.group(1):
        return [title.strip()]
    return [m.group(1).strip(), m.group(2).strip()]


def alt_titles(code: str, title: str, reported: dict, alternates: dict) -> list[str]:
    """Deduplicated alternate names for one occupation, most prominent first, capped.

    >>> alt_titles("x", "Nurses", {"x": ["Nurse"]}, {"x": [("Nurse", "RN", 3)]})
    ['Nurse', 'RN']
    """
    seen = {title.casefold()}
    out: list[str] = []
    # Reported titles are what incumbents call themselves, so they go first; then
    # alternate titles ordered by how many O*NET sources name them.
    names = list(reported.get(code, []))
    for alt, short, _n in sorted(alternates.get(code, []), key=lambda a: -a[2]):
        names.append(alt)
        if short and short != "n/a":
            names.append(short)
    for name in names:
        for part in split_title(name):
            key = part.casefold()
            if part and key not in seen:
                seen.add(key)
                out.append(part)
    return out[:MAX_ALT_TITLES]


def education(rows: list[dict[str, str]], rl_names: dict[int, str]) -> dict | None:
    """Modal required-education category and the share with a bachelor's or higher.

    >>> education([], {}) is None
    True
    """
    dist = {int(r["Category"]): float(r["Data Value"]) for r in rows if r["Scale ID"] == "RL"}
    if not dist or sum(dist.values()) <= 0:
        return None
    modal = max(sorted(dist), key=lambda c: dist[c])
    share = sum(v for c, v in dist.items() if c in BACHELOR_OR_HIGHER) / sum(dist.values())
    return {"modal_category": rl_names[modal], "level": RL_LEVEL[modal],
            "share_bachelor_or_higher": round(share, 3)}


def experience(rows: list[dict[str, str]]) -> dict | None:
    """Typical related work experience in years from the RW distribution.

    ``years_typical`` is the share-weighted mean of the category midpoints (RW_YEARS);
    ``years_min``/``years_max`` are the bounds of the category holding the median.

    >>> experience([{"Scale ID": "RW", "Category": "7", "Data Value": "100"}])["years_max"]
    4.0
    """
    dist = {int(r["Category"]): float(r["Data Value"]) for r in rows if r["Scale ID"] == "RW"}
    total = sum(dist.values())
    if total <= 0:
        return None
    mean = sum(RW_YEARS[c][2] * v for c, v in dist.items()) / total
    cum = 0.0
    median_cat = max(dist)
    for cat in sorted(dist):
        cum += dist[cat]
        if cum >= total / 2:
            median_cat = cat
            break
    lo, hi, _mid = RW_YEARS[median_cat]
    return {"years_typical": round(mean, 1), "years_min": round(lo, 2), "years_max": round(hi, 2)}


def attribution_text(onet: Path) -> str:
    """The quoted attribution paragraph from ATTRIBUTION.md, unwrapped to one line.

    >>> attribution_text(Path("/work/shared/data/onet")).startswith("This product")  # doctest: +SKIP
    True
    """
    text = (onet / "ATTRIBUTION.md").read_text(encoding="utf-8")
    m = re.search(r'"(This product includes.*?)"', text, re.DOTALL)
    if not m:
        raise SystemExit(f"{onet / 'ATTRIBUTION.md'}: attribution paragraph not found")
    return " ".join(m.group(1).split())


def build_occupations(onet: Path) -> tuple[list[dict], dict[str, dict]]:
    """One record per O*NET occupation, plus the job zone reference table.

    >>> occs, zones = build_occupations(DEFAULT_ONET)  # doctest: +SKIP
    """
    occupations = read_tsv(onet / "Occupation Data.txt")
    reported: dict[str, list[str]] = defaultdict(list)
    for r in sorted(read_tsv(onet / "Sample of Reported Titles.txt"),
                    key=lambda r: r["Shown in My Next Move"] != "Y"):  # stable: Y first
        reported[r["O*NET-SOC Code"]].append(r["Reported Job Title"])
    alternates: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for r in read_tsv(onet / "Alternate Titles.txt"):
        n_sources = len([s for s in r["Source(s)"].split(",") if s.strip()])
        alternates[r["O*NET-SOC Code"]].append((r["Alternate Title"], r["Short Title"], n_sources))

    skills: dict[str, dict[str, float]] = defaultdict(dict)
    for r in read_tsv(onet / "Technology Skills.txt"):
        weight = (WEIGHT_IN_DEMAND if r["In Demand"] == "Y"
                  else WEIGHT_HOT if r["Hot Technology"] == "Y" else WEIGHT_PLAIN)
        per = skills[r["O*NET-SOC Code"]]
        per[r["Example"]] = max(weight, per.get(r["Example"], 0.0))

    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in read_tsv(onet / "Job Zones.txt")}
    zone_ref = {
        r["Job Zone"]: {"name": r["Name"], "education": r["Education"],
                        "experience": r["Experience"], "training": r["Job Training"]}
        for r in read_tsv(onet / "Job Zone Reference.txt")
    }
    rl_names = {int(r["Category"]): r["Category Description"].split(" - ")[0].strip()
                for r in read_tsv(onet / "Education, Training, and Experience Categories.txt")
                if r["Scale ID"] == "RL"}
    ete: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in read_tsv(onet / "Education, Training, and Experience.txt"):
        if r["Scale ID"] in ("RL", "RW"):
            ete[r["O*NET-SOC Code"]].append(r)
    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for r in read_tsv(onet / "Related Occupations.txt"):
        related[r["O*NET-SOC Code"]].append(
            (int(r["Index"]), r["Related O*NET-SOC Code"], r["Relatedness Tier"]))

    records = []
    for occ in occupations:
        code = occ["O*NET-SOC Code"]
        records.append({
            "code": code,
            "title": occ["Title"],
            "description": first_sentence(occ["Description"]),
            "alt_titles": alt_titles(code, occ["Title"], reported, alternates),
            "skills": [[name, w] for name, w in
                       sorted(skills.get(code, {}).items(), key=lambda kv: (-kv[1], kv[0]))],
            "job_zone": zones.get(code),
            "education": education(ete.get(code, []), rl_names),
            "experience": experience(ete.get(code, [])),
            "related": [[c, tier] for _i, c, tier in sorted(related.get(code, []))[:MAX_RELATED]],
        })
    records.sort(key=lambda r: r["code"])
    return records, zone_ref


def load_ladders(path: Path) -> list[dict]:
    """The curated ladders, validated by the same code that loads user role files.

    >>> len(load_ladders(HERE / "curated" / "ladders.toml")) >= 8  # doctest: +SKIP
    True
    """
    raw, _roles = roles_module().parse_ladder_file(path)
    return raw


def roles_module() -> Any:
    """``gapcheck.roles``, imported without running ``gapcheck/__init__`` (and its
    dependencies): the build needs only the role schema and title normalisation.

    >>> roles_module().normalize_titles(["Sr. Eng"])  # doctest: +SKIP
    ['senior engineer']
    """
    if "gapcheck.roles" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "gapcheck.roles", REPO / "gapcheck" / "roles.py")
        if "gapcheck" not in sys.modules:  # a bare package, so gapcheck.errors resolves
            pkg = types.ModuleType("gapcheck")
            pkg.__path__ = [str(REPO / "gapcheck")]
            sys.modules["gapcheck"] = pkg
        module = importlib.util.module_from_spec(spec)
        sys.modules["gapcheck.roles"] = module
        spec.loader.exec_module(module)
    return sys.modules["gapcheck.roles"]


def main(argv: list[str] | None = None) -> int:
    """Build roles.json; returns the process exit code.

    >>> main(["--onet", "/work/shared/data/onet"])  # doctest: +SKIP
    0
    """
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--onet", type=Path, default=DEFAULT_ONET, help="O*NET text files dir")
    ap.add_argument("--ladders", type=Path, default=HERE / "curated" / "ladders.toml")
    ap.add_argument("--out", type=Path, default=HERE / "roles.json")
    args = ap.parse_args(argv)
    if not (args.onet / "Occupation Data.txt").is_file():
        ap.error(f"{args.onet}: no 'Occupation Data.txt' here; pass --onet DIR")

    occupations, zone_ref = build_occupations(args.onet)
    roles = roles_module()
    for occ in occupations:  # search keys, so loading skips normalising 40,000 titles
        occ["title_keys"] = "\n".join(roles.normalize_titles([occ["title"], *occ["alt_titles"]]))
    ladders = load_ladders(args.ladders)
    known = {o["code"] for o in occupations}
    for ladder in ladders:
        missing = [c for c in ladder.get("onet_codes", []) if c not in known]
        if missing:
            raise SystemExit(f"{args.ladders}: ladder {ladder['id']!r} names unknown "
                             f"O*NET codes {missing}")
    doc = {
        "format": 1,
        "source": "O*NET 29.2 Database (February 2025 release); curated/ladders.toml",
        "license": "CC BY 4.0",
        "attribution": attribution_text(args.onet),
        "rw_years": {str(k): list(v) for k, v in RW_YEARS.items()},
        "job_zones": zone_ref,
        "occupations": occupations,
        "ladders": ladders,
        "normalizer": roles.NORMALIZER_ID,
    }
    data = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(data + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(occupations)} occupations, {len(ladders)} ladders, "
          f"{sum(len(o['skills']) for o in occupations)} skill links, "
          f"{len(data.encode()) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
