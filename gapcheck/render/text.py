"""The terminal report: readable at a glance, every line at most 100 characters.

ANSI colour only when asked (``color=True``); the CLI decides from ``isatty`` and
``NO_COLOR``. Without colour the output is plain text that diffs and greps cleanly.
"""
from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING

from . import _common as c

if TYPE_CHECKING:
    from ..match import FoundSkill
    from ..report import Report
    from ..score import SkillGap

WIDTH = 100
BAR = 40
#: A list longer than this is split into one line per category.
GROUP_OVER = 8
#: C0/C1 control characters (ESC among them), dropped from every piece of report text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "1;36",
          "good": "1;32", "fair": "1;33", "low": "1;31"}


class _Style:
    """Wraps text in ANSI codes, or does nothing when colour is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, style: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_CODES[style]}m{text}\x1b[0m"


def render_text(report: Report, color: bool = False) -> str:
    """The report as terminal text.

    >>> print(render_text(report))  # doctest: +SKIP
    gapcheck report
    Resume   sample_resumes/ml_engineer.pdf
    ...
    """
    s = _Style(color)
    out: list[str] = []
    _header(report, s, out)
    _score(report, s, out)
    _skills(report, s, out)
    _strengths(report, s, out)
    _profile(report, s, out)
    _steps(report, s, out)
    _career(report, s, out)
    _roles(report, s, out)
    if report.warnings:
        out += ["", s("Warnings", "cyan")]
        for w in report.warnings:
            out += _wrap(w, "  ! ", s("  ! ", "yellow"))
    return "\n".join(out).rstrip() + "\n"


def _wrap(body: str, prefix: str, styled_prefix: str | None = None,
          indent: int | None = None) -> list[str]:
    """``body`` wrapped to ``WIDTH`` after ``prefix``; continuation lines are indented to
    the end of the prefix (or ``indent``). The prefix may carry colour; the body not."""
    body = _CONTROL.sub("", body)  # resume text must not drive the terminal
    pad = " " * (len(prefix) if indent is None else indent)
    lines = textwrap.wrap(body, WIDTH, initial_indent=prefix, subsequent_indent=pad,
                          break_on_hyphens=False, break_long_words=True) or [prefix.rstrip()]
    if styled_prefix is not None and lines[0].startswith(prefix):
        lines[0] = styled_prefix + lines[0][len(prefix):]
    return lines


def _header(report: Report, s: _Style, out: list[str]) -> None:
    t = report.target
    out.append(s("gapcheck report", "bold"))
    out += _wrap(report.source, "Resume   ", s("Resume   ", "dim"))
    kind = {"role": "role", "posting": "job posting", "suggested": "suggested role"}.get(
        t.kind, t.kind)
    out += _wrap(f"{t.title} ({kind})", "Target   ", s("Target   ", "dim"))
    if t.note:
        out += _wrap(t.note, "         ")
    asks = c.target_asks(t)
    if asks:
        out += _wrap(asks, "Asks     ", s("Asks     ", "dim"))


def _score(report: Report, s: _Style, out: list[str]) -> None:
    fit = report.fit
    band = c.score_band(fit.score)
    filled = round(fit.score / 100 * BAR)
    bar = s("\u2588" * filled, band) + s("\u2591" * (BAR - filled), "dim")
    out += ["", f"  {s(f'Fit {c.fmt_num(fit.score)}/100', band)}   {bar}   {band}", ""]
    out.append(s("How the score is made", "cyan"))
    head = f"  {'part':<18} {'weight':>6} {'value':>6} {'points':>7}   detail"
    out.append(s(head, "dim"))
    for comp in fit.components:
        row = (f"  {comp.name:<18} {comp.weight:>6.0%} {comp.value:>6.0%} "
               f"{comp.points:>7.1f}   ")
        out += _wrap(comp.detail, row)
    out.append(f"  {'total':<18} {'':>6} {'':>6} {s(f'{fit.score:>7.1f}', 'bold')}")
    if fit.left_out:
        out += _wrap(f"{', '.join(fit.left_out)} (the target does not ask; the other weights "
                     "are scaled up to fill their share)", "  Left out: ")


def _names(items: list[SkillGap], with_note: bool) -> str:
    return ", ".join(f"{g.name} ({c.gap_note(g)})" if with_note else g.name for g in items)


def _skill_line(report: Report, s: _Style, out: list[str], label: str, style: str,
                items: list[SkillGap], with_note: bool = False) -> None:
    if not items:
        return
    prefix = f"    {label} ({len(items)}):".ljust(20)
    groups = c.group_by_category(report, items)
    if len(items) <= GROUP_OVER or len(groups) < 2:
        out += _wrap(_names(items, with_note), prefix, s(prefix, style))
        return
    out.append(s(prefix.rstrip(), style))
    for cat, group in groups:
        out += _wrap(_names(group, with_note), f"      {cat}: ".ljust(20))


def _skills(report: Report, s: _Style, out: list[str]) -> None:
    out += ["", s("Skills", "cyan")]
    for required, label in ((True, "Required"), (False, "Preferred")):
        mine = [g for g in report.fit.skills if g.required == required]
        if not mine:
            continue
        held = sum(1 for g in mine if g.status == "have")
        out.append(f"  {s(label, 'bold')}: {held} of {len(mine)} held")
        _skill_line(report, s, out, "Have", "green", c.gaps(report, required, "have"))
        _skill_line(report, s, out, "Partial", "yellow", c.gaps(report, required, c.PARTIAL),
                    with_note=True)
        _skill_line(report, s, out, "Missing", "red", c.gaps(report, required, "missing"))
    if not report.fit.skills:
        out.append("  The target lists no skills.")
    extra = c.unasked_held(report)
    if extra:
        shown = ", ".join(x.name for x in extra[:15])
        more = f" (+{len(extra) - 15} more)" if len(extra) > 15 else ""
        out += _wrap(shown + more, f"  Also found, not asked ({len(extra)}): ")
    for found, label in ((report.skills.learning, "Learning"),
                         (report.skills.negated, "Said not to have")):
        if found:
            out += _wrap("; ".join(_mention_phrase(f) for f in found), f"  {label}: ")


def _mention_phrase(found: FoundSkill) -> str:
    m = next((m for m in found.mentions if m.status == found.status), found.mentions[0])
    return f"{found.name} (\u201c{c.quote(m.text, 50)}\u201d, {m.section})"


def _strengths(report: Report, s: _Style, out: list[str], limit: int = 6) -> None:
    if not report.strengths:
        return
    out += ["", s("Strongest evidence", "cyan")]
    for x in report.strengths[:limit]:
        out += _wrap(f"{x.name} ({x.strength:.2f}): {x.basis}", "  ")


def _profile(report: Report, s: _Style, out: list[str]) -> None:
    p, t = report.profile, report.target
    out += ["", s("Experience and education", "cyan")]
    years = c.experience_text(report)
    out += _wrap(years, "  Experience      ")
    if p.titles:
        out += _wrap(", ".join(p.titles[:4]), "  Titles          ")
    degree = c.degree_text(p)
    if t.degree_level:
        degree += f"; asked {t.degree_level}"
    out += _wrap(degree, "  Highest degree  ")
    certs = "; ".join(c.certifications_text(p)) or "none found"
    if t.certifications:
        certs += f"; asked: {' or '.join(t.certifications[:3])}"
    out += _wrap(certs, "  Certifications  ")


def _steps(report: Report, s: _Style, out: list[str]) -> None:
    out += ["", s("Next steps", "cyan")]
    if not report.next_steps:
        out.append("  Nothing to add: you meet everything the target asks.")
        return
    for i, step in enumerate(report.next_steps, 1):
        gain = f"+{step.gain:.1f} pts"
        prefix = f"  {i:>2}. {gain:>9}  "
        out += _wrap(step.action, prefix, f"  {i:>2}. {s(f'{gain:>9}', 'green')}  ")
        out += _wrap(step.reason, " " * len(prefix))


def _career(report: Report, s: _Style, out: list[str]) -> None:
    cp = report.career
    if cp is None:
        return
    out += ["", s(_CONTROL.sub("", f"Career path: {cp.ladder}"), "cyan")]
    now = c.level_line(cp.current) if cp.current else "not placed on this ladder yet"
    out += _wrap(f"{now} \u2014 {cp.basis}" if cp.basis else now, "  Now    ")
    if cp.next is not None:
        nxt = c.level_line(cp.next)
        if cp.years_to_next:
            nxt += f" \u2014 about {cp.years_to_next:g} more years of experience"
        elif cp.years_to_next == 0:
            nxt += " \u2014 your years already qualify"
        out += _wrap(nxt, "  Next   ", s("  Next   ", "bold"))
    else:
        out.append("  Next   top of this ladder")


def _roles(report: Report, s: _Style, out: list[str]) -> None:
    for title, roles in c.role_lists(report):
        out += ["", s(title, "cyan") + s("  (share of the role's skills you have)", "dim")]
        for r in roles:
            prefix = f"  {r.overlap:>3.0f}%  "
            miss = ("missing " + ", ".join(r.missing[:5])) if r.missing else "nothing missing"
            out += _wrap(f"{r.title} \u00b7 {miss}", prefix, s(prefix, "bold"))
