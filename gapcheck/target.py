"""What a target asks for: a role from the catalogue or a job posting, as one shape.

The scorer compares a person with a ``Target``; where it came from only changes the
wording of the report.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, load_lexicon
from .roles import Level, Role, RoleMatch

#: Degree levels in order; the scorer compares their ranks.
DEGREE_RANK = {
    None: 0, "high school": 1, "certificate": 1, "associate": 2, "bachelor": 3, "master": 4,
    "doctorate": 5,
}


@dataclass(frozen=True)
class Requirement:
    """One skill the target asks for."""

    name: str
    skill_id: str | None  # None when the lexicon does not know the name
    required: bool
    weight: float = 1.0
    evidence: str = ""  # for postings: the line that asked for it


@dataclass(frozen=True)
class Target:
    """Everything a role or posting asks of a candidate."""

    kind: str  # "role" | "posting"
    title: str
    requirements: tuple[Requirement, ...]
    years_min: float | None = None
    years_max: float | None = None
    degree_level: str | None = None
    degree_fields: tuple[str, ...] = ()
    degree_share: float | None = None
    certifications: tuple[str, ...] = ()
    role: Role | None = None
    level: Level | None = None
    note: str = ""  # e.g. "... was the nearest match for your query ..."

    @property
    def required(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.required)

    @property
    def preferred(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if not r.required)


#: O*NET lists dozens of tools per occupation; the heaviest few are what a job asks for.
MAX_ONET_REQUIRED = 8
MAX_ONET_SKILLS = 25
#: O*NET weights: 2.0 "In Demand" (employers ask for it), 1.5 "Hot" (popular across the
#: whole economy), 1.0 listed.
ONET_IN_DEMAND, ONET_HOT = 2.0, 1.5


def role_requirements(role: Role, lexicon: Lexicon | None = None,
                      read_description: bool = True) -> tuple[Requirement, ...]:
    """The role's skills as requirements, resolved to lexicon ids, deduplicated.

    O*NET marks no skill required and lists mostly software tools, so for an O*NET role
    the skills its description names ("Assess patient health problems ... nursing care
    plans") come first and are required, then its tools: the "In Demand" ones required,
    "Hot" ones only when nothing else is (a hot tool such as Apache Spark is popular
    everywhere, not what a nurse is hired for), the rest preferred.
    ``read_description=False`` skips the description (the related-roles matrix reads
    1,000 roles at once).
    """
    return _role_requirements(role, lexicon or load_lexicon(), read_description)


@lru_cache(maxsize=4096)
def _role_requirements(role: Role, lex: Lexicon,
                       read_description: bool) -> tuple[Requirement, ...]:
    skills = list(role.skills)
    described: list[str] = []
    if role.source == "onet":
        skills.sort(key=lambda s: -s.weight)  # stable: keeps the data's order within a tier
        skills = skills[:MAX_ONET_SKILLS]
        described = _described_skills(role.description, lex) if read_description else []
    floor = ONET_IN_DEMAND if described or any(
        s.weight >= ONET_IN_DEMAND for s in skills) else ONET_HOT
    out: list[Requirement] = []
    seen: set[str] = set()
    for sid in described:
        seen.add(sid)
        out.append(Requirement(lex.get(sid).name, sid, True, ONET_IN_DEMAND))
    tools = 0
    for rs in skills:
        skill = lex.resolve(rs.name)
        sid = skill.id if skill else None
        key = sid or rs.name.lower()
        if key in seen:
            continue
        seen.add(key)
        if role.source == "onet":
            required = tools < MAX_ONET_REQUIRED and rs.weight >= floor
            tools += 1
        else:
            required = rs.required
        out.append(Requirement(skill.name if skill else rs.name, sid, required, rs.weight))
    return tuple(out)


def _described_skills(description: str, lex: Lexicon) -> list[str]:
    """Ids of the skills a role description names, in order (none for generic words)."""
    if not description:
        return []
    from .match import find_skills

    found = find_skills(description, lex)
    return [s.id for s in sorted(found.held, key=lambda s: s.mentions[0].start)]


def target_from_role(match: RoleMatch, lexicon: Lexicon | None = None) -> Target:
    """A target for a role found by name; the level found by the query, if any, sets years.

    >>> from gapcheck.roles import load_roles
    >>> target_from_role(load_roles().find("machine learning engineer")).title
    'Machine Learning Engineer'
    """
    role, level = match.role, match.level
    years_min, years_max = role.years_min, role.years_max
    if level is not None and level.years_min is not None:
        years_min, years_max = level.years_min, level.years_max
    elif role.levels:
        entry = _entry_level(role)
        if entry is not None:
            years_min, years_max = entry.years_min, entry.years_max
    title = level.title if level is not None else role.title
    return Target(
        kind="role",
        title=title,
        requirements=role_requirements(role, lexicon),
        years_min=years_min,
        years_max=years_max,
        degree_level=role.degree_level,
        degree_fields=role.degree_fields,
        degree_share=role.degree_share,
        certifications=role.certifications,
        role=role,
        level=level or _entry_level(role),
        note="" if match.exact else match.note,
    )


def _entry_level(role: Role) -> Level | None:
    """The level named like the role itself ("Machine Learning Engineer"), else the first
    non-intern level."""
    for level in role.levels:
        if level.title.lower() == role.title.lower():
            return level
    return next((lv for lv in role.levels if "intern" not in lv.title.lower()), None)
