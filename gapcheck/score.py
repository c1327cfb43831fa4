"""Compare a person with a target: a 0-100 fit score whose every point is explained.

The score is a weighted mean of parts (required skills, preferred skills, experience,
degree, certifications). A part the target does not ask about is left out and the other
weights are scaled up, and the report says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import Lexicon, alias_key
from .match import SkillSet
from .profile import Profile
from .target import DEGREE_RANK, Requirement, Target

DEFAULT_WEIGHTS = {
    "required skills": 0.50,
    "preferred skills": 0.15,
    "experience": 0.20,
    "degree": 0.10,
    "certifications": 0.05,
}
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
        years = profile.years_experience or 0.0
        if not years and profile.years_stated:
            years = profile.years_stated
        rng = (f"{target.years_min:g}-{target.years_max:g}" if target.years_max
               else f"{target.years_min:g}+")
        parts["experience"] = (min(1.0, years / target.years_min),
                               f"{years:.1f} years against {rng} asked")
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
