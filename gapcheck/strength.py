"""How strongly a resume shows each skill: where, how recently, how often.

A skill named under a dated job that runs to the present is better evidence than one
listed once in a skills section; the report shows both the signal and what it rests on.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .match import FoundSkill, SkillSet
from .profile import Job, Profile

#: What each place of a mention is worth on its own (0..1).
_PLACE = {"experience": 0.5, "projects": 0.4, "skills": 0.35, "summary": 0.3,
          "header": 0.25, "publications": 0.35, "certifications": 0.3, "education": 0.2,
          "other": 0.2}


@dataclass(frozen=True)
class SkillStrength:
    """The evidence for one held skill, summed up."""

    skill_id: str
    name: str
    strength: float  # 0..1
    mentions: int
    sections: tuple[str, ...]
    last_used: str | None  # "present", a year, or None when no dated job names it
    basis: str


def skill_strengths(found: SkillSet, profile: Profile,
                    today: date | None = None) -> tuple[SkillStrength, ...]:
    """One ``SkillStrength`` per held skill, strongest first.

    >>> from gapcheck import find_skills, read_text
    >>> from gapcheck.profile import build_profile
    >>> doc = read_text("EXPERIENCE\\nData Analyst, Acme\\nJan 2020 - Present\\n- SQL daily")
    >>> skill_strengths(find_skills(doc), build_profile(doc))[0].last_used
    'present'
    """
    today = today or date.today()
    jobs = sorted(profile.jobs, key=lambda j: j.span[0])
    out = [_strength(skill, jobs, today) for skill in found.held]
    out.sort(key=lambda s: (-s.strength, s.name))
    return tuple(out)


def _strength(skill: FoundSkill, jobs: list[Job], today: date) -> SkillStrength:
    mentions = [m for m in skill.mentions if m.status == "held"]
    sections = tuple(dict.fromkeys(m.section for m in mentions))
    base = max(_PLACE.get(s, 0.2) for s in sections)
    used = [job for m in mentions if m.section == "experience"
            if (job := _job_at(jobs, m.start)) is not None]
    last = max(used, key=lambda j: j.end, default=None)
    recency = 0.0
    last_used = None
    if last is not None:
        last_used = "present" if last.is_current else str(last.end.year)
        age = (today - last.end).days / 365.25
        recency = 0.3 if last.is_current else 0.2 if age <= 2 else 0.1 if age <= 5 else 0.0
    breadth = 0.1 if len(sections) > 1 else 0.0
    repeat = min(0.1, 0.05 * (len(mentions) - 1))
    value = round(min(1.0, base + recency + breadth + repeat) * min(1.0, skill.confidence / 0.9),
                  2)
    where = ", ".join(sections)
    basis = f"{len(mentions)} mention(s) in {where}" + (
        f"; used in a job to {last_used}" if last_used else "")
    return SkillStrength(skill.id, skill.name, value, len(mentions), sections, last_used,
                         basis)


def _job_at(jobs: list[Job], pos: int) -> Job | None:
    """The dated job whose entry holds ``pos``: the last one starting before it."""
    best = None
    for job in jobs:
        if job.span[0] <= pos:
            best = job
        else:
            break
    return best
