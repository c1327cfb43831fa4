"""What to do next: steps ranked by the points they would add, the career ladder, and the
roles the person's skills already cover.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon
from .profile import Profile
from .roles import Level, Role, RoleCatalog
from .score import Fit
from .target import Target, role_requirements

#: Skills a related role must share with the person before it ranks at full similarity.
MIN_SHARED = 3
#: Skills a role must list before it ranks at full similarity.
MIN_LISTED = 8
#: A ladder rung counts as "the person's" when a title held matches it this closely.
TITLE_MATCH = 88
_MANAGER = re.compile(r"\b(?:manager|director|head|vice president|vp|chief)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Step:
    """One thing to do, with why and what it is worth."""

    kind: str  # "skill" | "certification" | "experience" | "degree"
    action: str
    reason: str
    gain: float  # fit points it would add


@dataclass(frozen=True)
class CareerPath:
    ladder: str
    current: Level | None
    next: Level | None
    years_to_next: float | None
    basis: str  # how the current rung was placed
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class RelatedRole:
    title: str
    overlap: float  # percent of the role's skills the person has
    have: tuple[str, ...]
    missing: tuple[str, ...]
    source: str


def next_steps(target: Target, fit: Fit, profile: Profile, held_names: set[str],
               limit: int = 8) -> tuple[Step, ...]:
    """Steps ranked by the fit points each would add, most valuable first."""
    weights = {c.name: c.weight for c in fit.components}
    values = {c.name: c.value for c in fit.components}
    steps: list[Step] = []
    for required, part in ((True, "required skills"), (False, "preferred skills")):
        mine = [g for g in fit.skills if g.required == required]
        for g in mine:
            if g.credit >= 1:
                continue
            gain = weights.get(part, 0) * (1 - g.credit) / len(mine) * 100
            kind = "required" if required else "preferred"
            reason = f"{kind} by {target.title}"
            if g.status == "related":
                reason += f"; you know {g.via}, which makes it quicker to pick up"
            elif g.status == "implied":
                reason += f"; {g.via} shows some of it: name it on your resume explicitly"
            elif g.status == "learning":
                reason += "; you are learning it: finish and show it in a project"
            steps.append(Step("skill", f"Learn {g.name}", reason, round(gain, 1)))
    if "certifications" in values and values["certifications"] < 1:
        cert = _best_cert(target, held_names)
        gain = weights["certifications"] * (1 - values["certifications"]) * 100
        steps.append(Step("certification", f"Earn {cert}",
                          f"{target.title} roles value it", round(gain, 1)))
    if "experience" in values and values["experience"] < 1 and target.years_min:
        from .score import relevant_years

        relevant = relevant_years(target, profile)[0]
        short = max(0.1, target.years_min - relevant)
        gain = weights["experience"] * (1 - values["experience"]) * 100
        steps.append(Step("experience", f"Gain {short:.1f} more years of relevant experience",
                          f"{target.title} asks {target.years_min:g}+ years; you have "
                          f"{relevant:.1f} in this kind of work", round(gain, 1)))
    if "degree" in values and values["degree"] < 1:
        gain = weights["degree"] * (1 - values["degree"]) * 100
        fields = ", ".join(target.degree_fields[:3]) or "a related field"
        share = (f" ({target.degree_share:.0%} of people in the role hold one)"
                 if target.degree_share else "")
        steps.append(Step("degree", f"A {target.degree_level} degree in {fields}",
                          f"{target.title} expects one{share}", round(gain, 1)))
    order = {"skill": 0, "certification": 1, "experience": 2, "degree": 3}
    steps.sort(key=lambda s: (-s.gain, order[s.kind], s.action))
    return tuple(steps[:limit])


def _best_cert(target: Target, held_names: set[str]) -> str:
    from .certifications import load_certifications

    by_name = {c.name.lower(): c for c in load_certifications()}

    def overlap(name: str) -> int:
        entry = by_name.get(name.lower())
        return len(set(entry.related_skills) & held_names) if entry else 0

    return max(target.certifications, key=lambda n: (overlap(n), -target.certifications.index(n)))


def career_path(role: Role, profile: Profile) -> CareerPath | None:
    """Where the person stands on ``role``'s ladder and the rung above."""
    if not role.levels:
        return None
    from rapidfuzz import fuzz

    from .roles import normalize_titles

    levels = role.levels
    keys = normalize_titles([lv.title for lv in levels])
    current, basis = None, ""
    for title in profile.titles[:2]:
        mine = normalize_titles([title])[0]  # "Sr. ML Engineer" meets its rung
        scored = [(fuzz.token_sort_ratio(mine, key), i) for i, key in enumerate(keys)]
        best, i = max(scored)
        if best >= TITLE_MATCH:
            current, basis = i, f"title held: {title}"
            break
    years = profile.years_experience or 0.0
    if current is None and profile.titles and not _in_field(profile.titles[:2], levels):
        # Years in another field place nobody on this ladder: the way in is its entry rung.
        nxt = next((lv for lv in levels if "intern" not in lv.title.lower()), levels[0])
        return CareerPath(role.title, None, nxt, _years_to(nxt, years),
                          "no title held in this field yet", levels)
    if current is None:
        # By years alone, place people on the individual-contributor track: years do not
        # make anyone a manager.
        manages = any(_MANAGER.search(t) for t in profile.titles[:2])
        fits = [i for i, lv in enumerate(levels)
                if lv.years_min is not None and lv.years_min <= years
                and (manages or not _MANAGER.search(lv.title))]
        if fits:
            current = fits[0]
            for i in fits:
                if levels[i].years_max is None or years <= levels[i].years_max:
                    current = i
                    break
            else:
                current = fits[-1]
            basis = f"{years:.1f} years of experience"
    if current is None:
        nxt = levels[0]
        return CareerPath(role.title, None, nxt, _years_to(nxt, years),
                          "no matching title or years yet", levels)
    nxt = levels[current + 1] if current + 1 < len(levels) else None
    return CareerPath(role.title, levels[current], nxt, _years_to(nxt, years), basis, levels)


#: Words that name a rung, not a field: "Senior", "Manager", "II".
_RANK_WORDS = frozenset(
    """senior sr junior jr lead principal staff manager director vice president head chief
    intern summer of and the i ii iii iv associate assistant engineer developer specialist
    technician analyst""".split())


def _in_field(titles: tuple[str, ...] | list[str], levels: tuple[Level, ...]) -> bool:
    """Whether a title held shares a field word with the ladder ("Nurse" with "Charge
    Nurse"): years in another field place nobody on this ladder."""
    field = {w for lv in levels for w in re.findall(r"[a-z]+", lv.title.lower())} - _RANK_WORDS
    held = {w.rstrip("s") for t in titles for w in re.findall(r"[a-z]+", t.lower())}
    return bool(held & {w.rstrip("s") for w in field})


def _years_to(level: Level | None, years: float) -> float | None:
    if level is None or level.years_min is None:
        return None
    return round(max(0.0, level.years_min - years), 1)


@lru_cache(maxsize=4)
def _role_index(catalog: RoleCatalog, lexicon: Lexicon):
    """Every role's TF-IDF skill weights, as flat numpy arrays: (roles, vocab, ptr, cols,
    weights). The bundled roles come from ``role_index.json`` (fitted with scikit-learn by
    ``skill_lexicon/build_role_index.py``); a user's own roles are weighted here with the
    same IDF, so they rank on the same scale."""
    import json
    from importlib import resources

    import numpy as np

    data = json.loads(resources.files("skill_lexicon").joinpath("role_index.json")
                      .read_text(encoding="utf-8"))
    vocab = {s: i for i, s in enumerate(data["skills"])}
    idf = list(data["idf"])
    rare = max(idf)
    stored = {r["id"]: r for r in data["roles"]}
    roles, cols, weights = [], [], []
    for role in catalog:
        rec = stored.get(role.id) if role.source != "user" else None
        if rec is not None:
            roles.append(role)
            cols.append(rec["skills"])
            weights.append(rec["weights"])
            continue
        if role.source != "user":
            continue
        reqs = [r for r in role_requirements(role, lexicon) if r.skill_id]
        if len(reqs) < 3:
            continue
        c = [vocab.setdefault(q.skill_id, len(vocab)) for q in reqs]
        idf += [rare] * (len(vocab) - len(idf))  # skills no bundled role has: rarest
        w = [(1.5 if q.required else 1.0) * idf[k] for q, k in zip(reqs, c)]
        norm = sum(x * x for x in w) ** 0.5
        roles.append(role)
        cols.append(c)
        weights.append([x / norm for x in w])
    ptr = np.cumsum([0] + [len(c) for c in cols])
    return (roles, vocab, ptr, np.array([k for c in cols for k in c], dtype=np.int64),
            np.array([x for w in weights for x in w]))


def suggest_roles(skill_ids: set[str], profile: Profile, catalog: RoleCatalog,
                  lexicon: Lexicon, limit: int = 5) -> tuple[RelatedRole, ...]:
    """The roles to suggest without a target: first the role named by the person's
    current job title (a recruiter reads "Registered Nurse, 6 years" before the skills
    list, and O*NET roles list software, not clinical skills), then ``related_roles``."""
    by_skills = related_roles(skill_ids, catalog, lexicon, limit=limit)
    own = _title_role(profile, catalog)
    if own is None:
        return by_skills
    reqs = tuple(r for r in role_requirements(own, lexicon) if r.skill_id)
    if not reqs:
        return by_skills
    first = _related(own, reqs, skill_ids)
    rest = tuple(r for r in by_skills if r.title != own.title)
    return (first, *rest)[:limit]


_LEVEL_PREFIX = ("senior ", "sr. ", "sr ", "junior ", "jr. ", "jr ", "lead ", "staff ",
                 "principal ", "journeyman ", "apprentice ", "chief ", "head ")


def _title_role(profile: Profile, catalog: RoleCatalog) -> Role | None:
    """The catalogue role the newest non-internship job title names, if any."""
    from .errors import RoleNotFoundError

    title = next((j.title for j in profile.jobs if j.title and not j.is_internship), None)
    if not title:
        return None
    plain = re.sub(r"\s+(?:i{1,3}|iv|\d)$", "", title.strip(), flags=re.IGNORECASE)
    for prefix in _LEVEL_PREFIX:
        if plain.lower().startswith(prefix):
            plain = plain[len(prefix):]
            break
    for query in dict.fromkeys((title, plain)):
        try:
            return catalog.find(query).role
        except RoleNotFoundError:
            continue
    return None


def _related(role: Role, reqs: tuple, skill_ids: set[str]) -> RelatedRole:
    have = tuple(q.name for q in reqs if q.skill_id in skill_ids)
    missing = tuple(q.name for q in reqs if q.skill_id not in skill_ids)
    overlap = round(100 * len(have) / len(reqs), 1)
    return RelatedRole(role.title, overlap, have, missing[:8], role.source)


def related_roles(skill_ids: set[str], catalog: RoleCatalog, lexicon: Lexicon,
                  exclude: str | None = None, limit: int = 5) -> tuple[RelatedRole, ...]:
    """The roles whose skills the person's skills cover best (cosine similarity over
    TF-IDF-weighted skill vectors), each with its plain overlap percentage."""
    import numpy as np

    roles, vocab, ptr, cols, weights = _role_index(catalog, lexicon)
    person = [vocab[s] for s in skill_ids if s in vocab]
    if not person or not roles:
        return ()
    hits = np.isin(cols, person)
    sims = np.add.reduceat(weights * hits, ptr[:-1])
    # A role that shares one or two tools (a spreadsheet, an office suite) is no career
    # move: damp similarity until at least three of its skills are shared.
    # Likewise a role that lists only a few skills says too little to rank high on.
    shared = np.add.reduceat(hits.astype(float), ptr[:-1])
    sizes = np.diff(ptr)
    sims = sims * np.minimum(1.0, shared / MIN_SHARED) * np.minimum(1.0, sizes / MIN_LISTED)
    out = []
    for r in np.argsort(-sims, kind="stable"):
        role = roles[r]
        if sims[r] <= 0 or role.id == exclude or (exclude and role.title == exclude):
            continue
        reqs = tuple(q for q in role_requirements(role, lexicon) if q.skill_id)
        out.append(_related(role, reqs, skill_ids))
        if len(out) == limit:
            break
    return tuple(out)
