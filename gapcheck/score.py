"""Compare a person with a target: a 0-100 fit score whose every point is explained.

The score is a weighted mean of parts (required skills, preferred skills, experience,
degree, certifications). A part the target does not ask about is left out and the other
weights are scaled up, and the report says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon, alias_key
from .match import SkillSet
from .profile import Profile, merged_years
from .target import DEGREE_RANK, Requirement, Target

DEFAULT_WEIGHTS = {
    "required skills": 0.50,
    "preferred skills": 0.15,
    "experience": 0.20,
    "degree": 0.10,
    "certifications": 0.05,
}
#: Years in related work (a job title sharing a word with the target's) count this much;
#: years in other work do not count: "9 years as an accountant" is no nursing experience.
KINDRED_YEARS = 0.5
#: A job title this close (rapidfuzz token_set_ratio on normalised titles) to one of the
#: target's titles makes the job's years relevant.
TITLE_MATCH = 80
#: Credit for a requirement by how the person meets it.
CREDIT = {"have": 1.0, "implied": 0.8, "related": 0.5, "learning": 0.2, "missing": 0.0}


@dataclass(frozen=True)
class SkillGap:
    """How the person meets one requirement."""

    name: str
    skill_id: str | None
    required: bool
    status: str  # "have" | "implied" | "related" | "learning" | "missing"
    credit: float
    via: str | None = None  # the person's skill that gives implied/related credit
    evidence: str = ""  # where the resume shows it


@dataclass(frozen=True)
class Component:
    """One part of the fit score."""

    name: str
    weight: float  # share of the score after leaving out parts the target does not ask
    value: float  # 0..1
    detail: str

    @property
    def points(self) -> float:
        return round(self.weight * self.value * 100, 1)


@dataclass(frozen=True)
class Fit:
    score: float
    components: tuple[Component, ...]
    skills: tuple[SkillGap, ...]
    left_out: tuple[str, ...]  # parts the target does not ask about


def skill_gaps(target: Target, found: SkillSet, lexicon: Lexicon) -> tuple[SkillGap, ...]:
    """Each requirement of ``target`` with the person's standing on it."""
    held = {s.id: s for s in found.held}
    learning = found.ids("learning")
    implied = lexicon.implied(set(held))
    out = []
    # Skills the lexicon does not know meet a requirement by name ("Pantone").
    by_name = {alias_key(s.name): s.id for s in found.held if s.id not in lexicon.skills}
    for req in target.requirements:
        sid = req.skill_id or by_name.get(alias_key(req.name))
        out.append(_gap(req, sid, held, learning, implied, lexicon))
    return tuple(out)


def _gap(req: Requirement, sid: str | None, held, learning, implied, lex: Lexicon) -> SkillGap:
    if sid in held:
        m = held[sid].mentions[0]
        where = f"{m.section}: \u201c{m.text}\u201d"
        return SkillGap(req.name, sid, req.required, "have", 1.0, None, where)
    if sid and sid in implied:
        via = lex.skills[implied[sid]].name
        return SkillGap(req.name, sid, req.required, "implied", CREDIT["implied"], via,
                        f"implied by {via}")
    if sid:
        related = set(lex.skills[sid].related) if sid in lex.skills else set()
        related |= {h for h in held if h in lex.skills and sid in lex.skills[h].related}
        via_ids = sorted(related & set(held))
        if via_ids:
            via = lex.skills[via_ids[0]].name
            return SkillGap(req.name, sid, req.required, "related", CREDIT["related"], via,
                            f"related to {via}, which you have")
        if sid in learning:
            return SkillGap(req.name, sid, req.required, "learning", CREDIT["learning"], None,
                            "mentioned as being learned")
    return SkillGap(req.name, sid, req.required, "missing", 0.0)


def fit_score(target: Target, found: SkillSet, profile: Profile, lexicon: Lexicon,
              weights: dict[str, float] | None = None) -> Fit:
    """The fit of a person with ``target``, as a 0-100 score and its parts.

    ``weights`` overrides any of ``DEFAULT_WEIGHTS`` by name.
    """
    w = dict(DEFAULT_WEIGHTS)
    for name, value in (weights or {}).items():
        if name not in w:
            raise ValueError(f"unknown score part {name!r}; parts: {', '.join(w)}")
        w[name] = float(value)
    gaps = skill_gaps(target, found, lexicon)
    parts: dict[str, tuple[float, str]] = {}
    for required, name in ((True, "required skills"), (False, "preferred skills")):
        mine = [g for g in gaps if g.required == required]
        if mine:
            value = sum(g.credit for g in mine) / len(mine)
            full = sum(1 for g in mine if g.status == "have")
            partial = sum(1 for g in mine if 0 < g.credit < 1)
            parts[name] = (value, f"{full} of {len(mine)} held, {partial} partly")
    if target.years_min:
        parts["experience"] = _experience_part(target, profile)
    if target.degree_level:
        parts["degree"] = _degree_part(target, profile)
    if target.certifications:
        parts["certifications"] = _cert_part(target, profile)
    total = sum(w[name] for name in parts) or 1.0
    components = tuple(
        Component(name, round(w[name] / total, 4), round(value, 4), detail)
        for name, (value, detail) in parts.items()
    )
    score = round(sum(c.weight * c.value for c in components) * 100, 1)
    left_out = tuple(name for name in w if name not in parts)
    return Fit(score, components, gaps, left_out)


def relevant_years(target: Target, profile: Profile) -> tuple[float, float, float]:
    """(relevant, kindred, total) years of work for ``target``.

    A job is relevant when its title is close to the target's title, one of the role's
    other titles or a rung of its ladder (a job without a readable title gets the benefit
    of the doubt); kindred when it shares a title word ("Software Engineer" for "Machine
    Learning Engineer"). ``kindred`` includes ``relevant``. Overlapping jobs count once.
    Without dated jobs, the years the resume states count as relevant.
    """
    total = profile.years_experience or 0.0
    if not profile.jobs:
        stated = profile.years_stated or 0.0
        return stated, stated, stated
    titles, kin_titles = _target_titles(target)
    jobs = [j for j in profile.jobs if not j.is_internship]
    close = [j for j in jobs if not j.title or _title_score(j.title, titles, ()) == 1.0]
    kin = [j for j in jobs if not j.title or _title_score(j.title, titles, kin_titles) > 0]
    close_years = merged_years((j.start, j.end) for j in close)
    kin_years = merged_years((j.start, j.end) for j in kin)
    return min(total, close_years), min(total, kin_years), total




_LEVEL_WORDS = frozenset(("senior", "junior", "lead", "staff", "principal", "chief", "head",
                          "associate", "assistant", "manager", "director", "i", "ii", "iii",
                          "journeyman", "apprentice", "intern", "of", "specialist"))


def _role_titles(role) -> list[str]:
    return [role.title, *role.alt_titles, *(lv.title for lv in role.levels)]


def _target_titles(target: Target) -> tuple[list[str], list[str]]:
    """Normalised titles of the target, and of the roles its ladder names as related."""
    from .roles import load_roles, normalize_titles

    titles, kin = [target.title], []
    if target.role is not None:
        titles += _role_titles(target.role)
        catalog = load_roles()
        for rid, _overlap in target.role.related:
            other = catalog.get(rid)
            if other is not None:
                kin += _role_titles(other)
    return ([t for t in normalize_titles(titles) if t],
            [t for t in normalize_titles(kin) if t] if kin else [])


def _title_score(title: str, targets: list[str], kin: list[str]) -> float:
    """1.0 for a title close to one of ``targets``; 0.5 for one close to a related role's
    title (``kin``) or sharing a word that names the work (not a level word such as
    "senior") with a target title; else 0.0."""
    from rapidfuzz import fuzz

    from .roles import normalize_titles

    key = normalize_titles([title])[0]
    if any(fuzz.token_set_ratio(key, t) >= TITLE_MATCH for t in targets):
        return 1.0
    if any(fuzz.token_set_ratio(key, t) >= TITLE_MATCH for t in kin):
        return 0.5
    words = set(key.split()) - _LEVEL_WORDS
    return 0.5 if any(words & set(t.split()) for t in targets) else 0.0


def _experience_part(target: Target, profile: Profile) -> tuple[float, str]:
    relevant, kindred, total = relevant_years(target, profile)
    years = relevant + KINDRED_YEARS * (kindred - relevant)
    rng = (f"{target.years_min:g}-{target.years_max:g}" if target.years_max
           else f"{target.years_min:g}+")
    detail = f"{relevant:.1f} relevant years against {rng} asked"
    if kindred - relevant >= 0.1:
        detail += f"; {kindred - relevant:.1f} in related work, counted at {KINDRED_YEARS:.0%}"
    if total - kindred >= 0.1:
        detail += f"; {total - kindred:.1f} in other work, not counted"
    return min(1.0, years / target.years_min), detail


def _degree_part(target: Target, profile: Profile) -> tuple[float, str]:
    want = DEGREE_RANK.get(target.degree_level, 3)
    degree = profile.highest_degree
    if degree is None:
        return 0.0, f"{target.degree_level} degree asked; none found in the resume"
    have = DEGREE_RANK.get(degree.level, 0)
    field = (degree.field or "").lower()
    fields = [f.lower() for f in target.degree_fields]
    field_ok = not fields or any(f in field or field in f for f in fields if field) or (
        any("related" in f for f in fields) and bool(field))
    what = f"{degree.level}{' in ' + degree.field if degree.field else ''}"
    if have >= want:
        if field_ok:
            return 1.0, f"{what} meets the {target.degree_level} asked"
        return 0.8, f"{what} meets the level; the field asked is {', '.join(fields[:4])}"
    if have == want - 1:
        return 0.5, f"{what} is one level below the {target.degree_level} asked"
    return 0.0, f"{what} is below the {target.degree_level} asked"


def _cert_part(target: Target, profile: Profile) -> tuple[float, str]:
    from rapidfuzz import fuzz

    best, label = 0.0, ""
    for cert in profile.certifications:
        for want in target.certifications:
            if fuzz.token_set_ratio(cert.name.lower(), want.lower()) >= 90:
                value = 1.0 if cert.status == "held" else 0.5
                if value > best:
                    best, label = value, f"{cert.name} ({cert.status})"
    if best:
        return best, f"has {label}"
    return 0.0, f"none of: {'; '.join(target.certifications[:3])}"
