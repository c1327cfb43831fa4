"""What every human-readable format says, computed once: pay ranges, skill groups,
coverage by category, the person's skills the target did not ask for.

The renderers only lay these out; the wording of a fact lives here so that the text,
Markdown and HTML reports never disagree.
"""
from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..match import FoundSkill
    from ..profile import Profile
    from ..report import Report, TargetInfo
    from ..roles import Level
    from ..score import SkillGap

#: Statuses that give part credit, in the order the reports list them.
PARTIAL = ("implied", "related", "learning")
#: The three columns of skill coverage.
COVERAGE = ("held", "partial", "missing")
#: Categories in the order the reports list them (the lexicon's order).
CATEGORY_ORDER = (
    "language", "framework", "tool", "platform", "database", "concept", "domain", "soft",
    "certification", "other",
)


def money(amount: float) -> str:
    """A yearly pay figure, short: ``money(125000) == "$125K"``."""
    if amount >= 1_000_000:
        return f"${amount / 1_000_000:.1f}M".replace(".0M", "M")
    if amount >= 1000:
        return f"${amount / 1000:.0f}K"
    return f"${amount:,.0f}"


def pay_range(level: Level | None) -> str | None:
    """``"$125K-$186K"`` for a rung with pay, None when the ladder has none."""
    if level is None or (level.pay_min is None and level.pay_max is None):
        return None
    if level.pay_min is not None and level.pay_max is not None:
        return f"{money(level.pay_min)}-{money(level.pay_max)}"
    if level.pay_min is not None:
        return f"from {money(level.pay_min)}"
    return f"up to {money(level.pay_max or 0)}"


def years_range(low: float | None, high: float | None) -> str | None:
    """``"3-5 years"``, ``"3+ years"`` or None."""
    if low is None and high is None:
        return None
    if low is not None and high is not None:
        return f"{low:g}-{high:g} years"
    if low is not None:
        return f"{low:g}+ years"
    return f"up to {high:g} years"


def level_line(level: Level) -> str:
    """A rung as one phrase: title, years, pay."""
    bits = [b for b in (years_range(level.years_min, level.years_max), pay_range(level)) if b]
    return f"{level.title} ({', '.join(bits)})" if bits else level.title


def gap_note(gap: SkillGap) -> str:
    """How a part-credit requirement is met, in a few words."""
    if gap.status == "implied":
        return f"implied by {gap.via}" if gap.via else "implied"
    if gap.status == "related":
        return f"related: you have {gap.via}" if gap.via else "related skill held"
    if gap.status == "learning":
        return "being learned"
    return gap.evidence


def target_asks(target: TargetInfo) -> str:
    """What the target asks beyond skills, as one line (empty when nothing)."""
    bits = []
    years = years_range(target.years_min, target.years_max)
    if years:
        bits.append(f"{years} of experience")
    if target.degree_level:
        fields = ", ".join(target.degree_fields[:3])
        bits.append(f"a {target.degree_level} degree" + (f" in {fields}" if fields else ""))
    if target.certifications:
        bits.append("certification: " + " or ".join(target.certifications[:3]))
    return "; ".join(bits)


def role_lists(report: Report) -> list[tuple[str, tuple]]:
    """The role lists a report shows: related roles, and suggestions when no target was
    given; empty lists left out."""
    lists = [("Related roles", report.related_roles)]
    if report.target.kind == "suggested":
        lists.append(("Suggested roles (by skill overlap)", report.suggested_roles))
    return [(title, roles) for title, roles in lists if roles]


def experience_text(report: Report) -> str:
    """"6.5 years from the dates of 3 job(s); 7 stated; asked 2-4 years"."""
    p, t = report.profile, report.target
    years = f"{p.years_experience:.1f} years from the dates of {len(p.jobs)} job(s)"
    if p.years_stated:
        years += f"; {p.years_stated:g} stated"
    asked = years_range(t.years_min, t.years_max)
    return years + (f"; asked {asked}" if asked else "")


def degree_text(profile: Profile) -> str:
    """The highest degree as a phrase, or ``"none found"``."""
    d = profile.highest_degree
    if d is None:
        return "none found"
    text = d.level + (f" in {d.field}" if d.field else "")
    extra = [x for x in (d.institution, str(d.year) if d.year else None) if x]
    if extra:
        text += f" ({', '.join(extra)})"
    if d.in_progress:
        text += ", in progress"
    return text


def certifications_text(profile: Profile) -> list[str]:
    """Each certification with its status when not plainly held."""
    return [c.name + ("" if c.status == "held" else f" ({c.status})")
            for c in profile.certifications]


@dataclass(frozen=True)
class CategoryCoverage:
    """How many of the target's skills in one category the person holds."""

    category: str
    held: int
    partial: int
    missing: int

    @property
    def total(self) -> int:
        return self.held + self.partial + self.missing


def category_of(report: Report) -> dict[str, str]:
    """Skill id -> category, from the report's own skills, then the bundled lexicon."""
    cats = {s.id: s.category for s in report.skills.skills}
    wanted = {g.skill_id for g in report.fit.skills if g.skill_id and g.skill_id not in cats}
    if wanted:
        from ..lexicon import load_lexicon

        # A category is a nicety: a lexicon that fails to load must not fail the render.
        with contextlib.suppress(Exception):
            lex = load_lexicon()
            cats.update({sid: lex.skills[sid].category for sid in wanted if sid in lex.skills})
    return cats


def coverage_by_category(report: Report) -> list[CategoryCoverage]:
    """For each category among the target's skills: held / partial / missing counts."""
    cats = category_of(report)
    counts: dict[str, Counter[str]] = {}
    for g in report.fit.skills:
        cat = cats.get(g.skill_id or "", "other")
        kind = "held" if g.status == "have" else "missing" if g.status == "missing" else "partial"
        counts.setdefault(cat, Counter())[kind] += 1
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return [CategoryCoverage(cat, c["held"], c["partial"], c["missing"])
            for cat, c in sorted(counts.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))]


def gaps(report: Report, required: bool, status: str | tuple[str, ...]) -> list[SkillGap]:
    """The requirements of one kind (required or preferred) with the given status(es)."""
    wanted = (status,) if isinstance(status, str) else status
    return [g for g in report.fit.skills if g.required == required and g.status in wanted]


def group_by_category(report: Report, items: list[SkillGap]) -> list[tuple[str, list[SkillGap]]]:
    """``items`` grouped by category, in the lexicon's category order."""
    cats = category_of(report)
    groups: dict[str, list[SkillGap]] = {}
    for g in items:
        groups.setdefault(cats.get(g.skill_id or "", "other"), []).append(g)
    order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return sorted(groups.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))


def unasked_held(report: Report) -> list[FoundSkill]:
    """Skills the resume shows that the target does not ask for, surest first."""
    asked = {g.skill_id for g in report.fit.skills if g.skill_id}
    extra = [s for s in report.skills.held if s.id not in asked]
    return sorted(extra, key=lambda s: (-s.confidence, -len(s.mentions), s.name.lower()))


def found_by_id(report: Report) -> dict[str, FoundSkill]:
    """The report's held skills by id."""
    return {s.id: s for s in report.skills.held}


def quote(text: str, limit: int = 80) -> str:
    """``text`` on one line, shortened to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def score_band(score: float) -> str:
    """``"good"`` (70+), ``"fair"`` (40+) or ``"low"``: the colour of a score."""
    return "good" if score >= 70 else "fair" if score >= 40 else "low"


def fmt_num(value: float) -> str:
    """A score or point value without a trailing ``.0``."""
    return f"{value:.1f}".removesuffix(".0")
