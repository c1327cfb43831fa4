"""The gap report: everything ``analyze`` found, as frozen dataclasses with a JSON form."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .advise import CareerPath, RelatedRole, Step
from .match import FoundSkill, SkillMention, SkillSet
from .profile import Profile
from .score import Fit
from .strength import SkillStrength

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class TargetInfo:
    kind: str  # "role" | "posting" | "suggested"
    title: str
    query: str | None
    note: str
    years_min: float | None
    years_max: float | None
    degree_level: str | None
    degree_fields: tuple[str, ...]
    certifications: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    """The result of ``gapcheck.analyze``."""

    source: str
    target: TargetInfo
    fit: Fit
    skills: SkillSet
    profile: Profile
    next_steps: tuple[Step, ...]
    career: CareerPath | None
    related_roles: tuple[RelatedRole, ...]
    suggested_roles: tuple[RelatedRole, ...]
    warnings: tuple[str, ...] = ()
    strengths: tuple[SkillStrength, ...] = ()  # per held skill: where, how recent, how often

    @property
    def score(self) -> float:
        return self.fit.score

    @property
    def missing_required(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.fit.skills if g.required and g.status == "missing")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with ``schema_version`` (see ``report.schema.json``)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "target": _plain(self.target),
            "fit": {
                "score": self.fit.score,
                "components": [
                    {**_plain(c), "points": c.points} for c in self.fit.components
                ],
                "left_out": list(self.fit.left_out),
                "skills": [_plain(g) for g in self.fit.skills],
            },
            "skills": {
                status: [_skill(s) for s in self.skills.by_status(status)]
                for status in ("held", "learning", "negated")
            },
            "rejected_mentions": [_mention(m) for m in self.skills.rejected],
            "profile": _plain(self.profile),
            "next_steps": [_plain(s) for s in self.next_steps],
            "career": _plain(self.career) if self.career else None,
            "related_roles": [_plain(r) for r in self.related_roles],
            "suggested_roles": [_plain(r) for r in self.suggested_roles],
            "warnings": list(self.warnings),
            "strengths": [_plain(x) for x in self.strengths],
        }


def _skill(s: FoundSkill) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "category": s.category,
        "confidence": round(s.confidence, 3),
        "sections": list(s.sections),
        "mentions": [_mention(m) for m in s.mentions],
    }


def _mention(m: SkillMention) -> dict[str, Any]:
    d = _plain(m)
    d["span"] = [d.pop("start"), d.pop("end")]
    return d


def _plain(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return obj
