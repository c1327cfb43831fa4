"""Build ``skills.json``: the skill lexicon gapcheck matches resumes against.

Sources, merged in this order:

1. ``curated/skills.toml`` and ``curated/skills_*.toml``: the hand-written core
   (concepts, methods, domain knowledge, soft skills, and the aliases and relations of
   the common tech skills).
2. O*NET 29.2 Technology Skills (``../shared/data/onet``): every software example named
   for any occupation. O*NET names are long ("The MathWorks MATLAB", "Structured query
   language SQL", "ESRI ArcGIS software"), so each gets the short forms people write on a
   resume as aliases, and joins a curated skill when one of its forms is already known.

An alias that is also an ordinary word ("Slack", "Canvas") or very short is marked
ambiguous: the matcher then asks for context before counting it.

Run from the repository root::

    python skill_lexicon/build_skills.py [--onet ../shared/data/onet]
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
DEFAULT_ONET = HERE.parent.parent / "shared" / "data" / "onet"
CATEGORIES = {
    "language", "framework", "tool", "platform", "database", "concept", "domain", "soft",
    "certification",
}
#: A lower-case alias ending in a person's job ("forklift operator", "art director",
#: "fry cook"): a job title, which resumes write over jobs, not a skill claim.
JOB_TITLE = re.compile(
    r"^(?:[a-z][a-z &/-]* )?(?:administrator|engineer|technician|tech|nurse|manager|operator|"
    r"specialist|assistant|analyst|developer|designer|coordinator|clerk|cook|driver|jockey|"
    r"hostler|generalist|representative|agent|officer|supervisor|director|worker|installer|"
    r"mechanic|electrician|plumber|welder|carpenter|teacher|therapist|aide|attendant|barista|"
    r"cashier|dispatcher|inspector|accountant|bookkeeper|auditor|recruiter|programmer|"
    r"architect|scientist|consultant|trainer|instructor|estimator|machinist|fabricator|"
    r"underwriter|paralegal|secretary|receptionist|hygienist|pharmacist|paramedic|"
    r"firefighter|custodian|housekeeper|bartender|chef|baker|foreman|superintendent)s?$")
#: Companies whose name prefixes a product ("Microsoft Excel" is written "Excel").
VENDORS = {
    "Microsoft", "Oracle", "IBM", "Autodesk", "Adobe", "SAP", "Apache", "Google", "Apple",
    "Amazon", "Siemens", "ESRI", "Cisco", "Intuit", "Bentley", "Corel", "Trimble", "Cadence",
    "Symantec", "Infor", "Avid", "McKesson", "Cerner", "Allscripts", "MEDITECH", "Teradata",
    "Hewlett-Packard", "HP", "Atlassian", "Salesforce", "Epic", "Meta", "Facebook", "Red",
    "The", "MathWorks", "Thomson", "LexisNexis", "Synopsys", "PTC", "Dassault", "Systemes",
    "Minitab", "SAS", "Tableau", "Elastic", "JetBrains", "VMware", "Citrix", "Novell",
    "Sage", "ADP", "Workday", "Kronos", "Epicor", "Blackbaud", "Bloomberg", "Wolters",
    "Kluwer", "Hyland", "Unit4", "QAD", "Lawson", "Deltek", "Unify", "NetSuite",
}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+#/-]{1,}$")
sys.path.insert(0, str(HERE.parent))
from gapcheck.lexicon import alias_key as key  # noqa: E402


def slug(name: str) -> str:
    s = name.lower().replace("+", "plus").replace("#", "sharp").replace(".", "-")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "skill"


def load_zipf(path: Path) -> dict[str, float]:
    words: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            w, z = line.split()
            words[w] = int(z) / 10
    return words


class Builder:
    def __init__(self, zipf: dict[str, float]) -> None:
        self.zipf = zipf
        self.first_words: Counter[str] = Counter()  # O*NET products each first word leads
        self.skills: dict[str, dict] = {}
        self.by_key: dict[str, str] = {}

    def is_ordinary(self, alias: str) -> bool:
        """True for an alias that is an ordinary word or too short to trust alone."""
        words = key(alias).split()
        if len(words) != 1:
            return False
        w = words[0]
        return len(w) <= 2 or self.zipf.get(w, 0.0) >= 3.0

    def add_alias(self, sid: str, alias: str, ambiguous: bool | None = None) -> None:
        alias = alias.strip()
        k = key(alias)
        if not k:
            return
        rec = self.skills[sid]
        owner = self.by_key.get(k)
        if owner is not None:
            return  # first claim wins: curated before O*NET, and keeps its own ambiguity
        self.by_key[k] = sid
        if alias not in rec["aliases"] and alias != rec["name"]:
            rec["aliases"].append(alias)
        if ambiguous is None:
            ambiguous = self.is_ordinary(alias)
        if ambiguous and alias not in rec["ambiguous_aliases"]:
            rec["ambiguous_aliases"].append(alias)
        if alias.isupper() and len(k) > 2 and self.zipf.get(k, 0.0) >= 3.0:
            if alias not in rec["case_sensitive"]:
                rec["case_sensitive"].append(alias)  # "BASIC" is not "basic UI design"

    def add_curated(self, item: dict) -> None:
        sid = item.get("id") or slug(item["name"])
        if item.get("category") not in CATEGORIES:
            raise SystemExit(f"curated skill {sid}: bad category {item.get('category')!r}")
        ambiguous_aliases = set(item.get("ambiguous_aliases", []))
        if item.get("ambiguous") and not ambiguous_aliases:
            ambiguous_aliases.add(item["name"])
        self.skills[sid] = {
            "id": sid,
            "name": item["name"],
            "category": item["category"],
            "aliases": [],
            "ambiguous_aliases": [],
            "case_sensitive": list(item.get("case_sensitive_aliases", [])),
            "implies": list(item.get("implies", [])),
            "related": list(item.get("related", [])),
            "sources": ["curated"],
            "hot": False,
        }
        for alias in [item["name"], *item.get("aliases", [])]:
            if alias != item["name"] and JOB_TITLE.search(alias):
                continue  # "forklift operator" is who someone was, not what they can do
            # Curated entries say themselves what is ambiguous; trust them.
            self.add_alias(sid, alias, alias in ambiguous_aliases)

    def _same_form(self, form: str, sid: str) -> bool:
        """Whether ``form`` names skill ``sid``: a short acronym must be written the same
        way ("PMS" is not "PMs"); longer forms meet on their normalised key."""
        if not (ACRONYM.match(form) and len(form) <= 4):
            return True
        rec = self.skills[sid]
        return form == rec["name"] or form in rec["aliases"]

    def add_onet(self, example: str, commodity: str, hot: bool) -> None:
        forms = onet_forms(example, lambda w: self.zipf.get(w.lower(), 0.0) >= 3.0,
                           lambda w: self.first_words[w] > 1)
        if not forms:
            return
        name, aliases = forms
        # Join a known skill by a name, not by a short acronym ("PMS" is property
        # management systems here, "PMs" preventive maintenance there).
        known = next((self.by_key[key(f)] for f in [name, *aliases]
                      if key(f) in self.by_key and self._same_form(f, self.by_key[key(f)])),
                     None)
        if known is None:
            sid = slug(name)
            while sid in self.skills:
                sid += "-x"
            self.skills[sid] = {
                "id": sid,
                "name": name,
                "category": onet_category(commodity),
                "aliases": [],
                "ambiguous_aliases": [],
                "case_sensitive": [],
                "implies": [],
                "related": [],
                "sources": ["onet"],
                "hot": hot,
            }
            self.add_alias(sid, name)
        else:
            sid = known
            rec = self.skills[sid]
            if "onet" not in rec["sources"]:
                rec["sources"].append("onet")
            rec["hot"] = rec["hot"] or hot
        self.add_alias(sid, example)
        for alias in aliases:
            if self.is_ordinary(alias) and not ACRONYM.match(alias):
                continue  # "Clinical" from "Oracle Clinical" would match every nurse
            if ACRONYM.match(alias) and len(alias) <= 4:
                continue  # "PMP" here is Pathogen Modeling Program; on a resume, never
            claimed = key(alias) in self.by_key
            self.add_alias(sid, alias)
            parts = re.findall(r"[A-Z]?[a-z]+", alias)
            if (" " not in alias and len(parts) > 1 and not claimed
                    and all(self.zipf.get(p.lower(), 0.0) >= 3.0 for p in parts)):
                # "CashFlow", "TrackWise": two words run together count only as written,
                # or every "cash flow" would be the product.
                cs = self.skills[sid]["case_sensitive"]
                if alias not in cs:
                    cs.append(alias)


def onet_forms(example: str, is_word=lambda w: False,
               vendor=lambda w: False) -> tuple[str, list[str]] | None:
    """The display name and extra aliases of an O*NET example, or None if generic.

    ``is_word(w)`` says whether ``w`` is an ordinary word (then "Accounting software"
    is a description, not a product); ``vendor(w)`` whether ``w`` leads the names of
    several products (then it names the maker, not this product).

    >>> onet_forms("Structured query language SQL")
    ('SQL', ['Structured query language'])
    """
    text = re.sub(r"\s+", " ", example).strip()
    aliases: list[str] = []
    paren = re.search(r"\s*\(([^)]*)\)\s*$", text)
    if paren:
        inner = paren.group(1).strip()
        text = text[: paren.start()].strip()
        if ACRONYM.match(inner) and len(inner) >= 3:
            aliases.append(inner)
    words = text.split(" ")
    generic_tail = words[-1].lower() in {"software", "systems", "system"} and len(words) > 1
    if generic_tail:
        words = words[:-1]
    # A described acronym: "Enterprise resource planning ERP", "Amazon Web Services AWS".
    if len(words) >= 3 and ACRONYM.match(words[-1]):
        long_form = " ".join(words[:-1])
        initials = "".join(w[0] for w in words[:-1]).upper()
        if all(w.islower() for w in words[1:-1]):
            return words[-1], [long_form] + aliases
        if initials == words[-1].upper():
            return long_form, [words[-1]] + aliases
    descriptive = len(words) > 1 and all(w.islower() or w.isdigit() for w in words[1:])
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", words[0]) if p]
    brand = bool(ACRONYM.match(words[0])) or bool(re.search(r"[a-z][A-Z]|\d", words[0])) or not (
        words[0].islower() or all(is_word(p) for p in parts))
    if generic_tail and (descriptive or len(words) == 1):
        if not brand:
            return None  # "Accounting software", "Web browser software"
        if descriptive:  # "ANSYS simulation software" is ANSYS
            return words[0], [" ".join(words)] + aliases
    name = " ".join(words)
    # Vendor prefixes: "Microsoft Excel" is also written "Excel".
    rest = words[:]
    while len(rest) > 1 and rest[0] in VENDORS:
        rest = rest[1:]
    if rest != words and rest:
        short = " ".join(rest)
        if not all(w.islower() for w in rest):
            aliases.append(short)
    # Products known by a brand word inside a long vendor name: "inData TrialDirector",
    # "Sparta Systems TrackWise", "REDCap Research Electronic Data Capture",
    # "GraphPad Software GraphPad Prism" are written "TrialDirector", "TrackWise",
    # "REDCap", "GraphPad Prism" on resumes.
    if len(words) > 1:
        if words[0] in words[1:]:
            again = words.index(words[0], 1)
            if len(words) - again >= 2:
                aliases.append(" ".join(words[again:]))
        for w in (words[-1],) if vendor(words[0]) else (words[0], words[-1]):
            if (len(w) >= 4 and w.isalnum() and re.search(r"[a-z]", w)
                    and re.search(r"[A-Z]", w[1:]) and not is_word(w.lower())):
                aliases.append(w)
    name = name.removeprefix("The ")
    return name, list(dict.fromkeys(aliases))


def onet_category(commodity: str) -> str:
    c = commodity.lower()
    if "data base management" in c:
        return "database"
    if "operating system" in c or "cloud" in c or "application server" in c:
        return "platform"
    if "object or component oriented" in c or "development environment" in c:
        return "tool"
    return "tool"


def curated_files() -> list[Path]:
    """The hand-written skill files: the core first, then the domain files."""
    folder = HERE / "curated"
    return [folder / "skills.toml", *sorted(folder.glob("skills_*.toml"))]


def build(onet_dir: Path, curated: list[Path] | None = None) -> dict:
    zipf = load_zipf(HERE / "common_words.txt")
    builder = Builder(zipf)
    for path in curated or curated_files():
        for item in tomllib.loads(path.read_text(encoding="utf-8")).get("skill", []):
            builder.add_curated(item)
    with open(onet_dir / "Technology Skills.txt", encoding="utf-8", newline="") as fh:
        rows = sorted(
            csv.DictReader(fh, delimiter="\t"), key=lambda r: (r["Example"], r["O*NET-SOC Code"])
        )
    hot: dict[str, bool] = {}
    commodity: dict[str, str] = {}
    for row in rows:
        ex = row["Example"]
        hot[ex] = hot.get(ex, False) or row["Hot Technology"] == "Y" or row["In Demand"] == "Y"
        commodity.setdefault(ex, row["Commodity Title"])
    builder.first_words = Counter(ex.split(" ", 1)[0] for ex in hot)
    for ex in sorted(hot):
        builder.add_onet(ex, commodity[ex], hot[ex])
    ids = set(builder.skills)
    for rec in builder.skills.values():
        rec["implies"] = [i for i in rec["implies"] if i in ids and i != rec["id"]]
        rec["related"] = [i for i in rec["related"] if i in ids and i != rec["id"]]
    attribution = (onet_dir / "ATTRIBUTION.md").read_text(encoding="utf-8")
    quote = re.search(r'"(This product includes.*?)"', attribution, re.DOTALL)
    return {
        "schema_version": 1,
        "attribution": [
            " ".join(quote.group(1).split()) if quote else "O*NET 29.2, CC BY 4.0",
            "Word frequencies used to mark ordinary-word aliases: wordfreq (CC BY-SA 4.0).",
        ],
        "skills": sorted(builder.skills.values(), key=lambda r: r["id"]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--onet", type=Path, default=DEFAULT_ONET)
    parser.add_argument("--curated", type=Path, nargs="*",
                        help="curated skill files (default: curated/skills*.toml)")
    parser.add_argument("--out", type=Path, default=HERE / "skills.json")
    args = parser.parse_args(argv)
    data = build(args.onet, args.curated)
    args.out.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    n_alias = sum(len(s["aliases"]) for s in data["skills"])
    print(f"{len(data['skills'])} skills, {n_alias} aliases -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
