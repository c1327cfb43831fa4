"""The report as GitHub-flavoured Markdown: headings, tables and lists that read well on a
code host. Every piece of resume text is escaped, so a resume cannot inject links, HTML
or table breaks.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import _common as c

if TYPE_CHECKING:
    from ..report import Report

_SPECIAL = re.compile(r"([\\`*_\[\]{}|#~!])")
_STATUS = {"have": "\u2705 have", "implied": "\U0001f7e1 implied",
           "related": "\U0001f7e1 related", "learning": "\U0001f7e1 learning",
           "missing": "\u274c missing"}


def md(text: object) -> str:
    """``text`` on one line, with Markdown's special characters escaped and ``<``/``>`` as
    entities, so that no renderer can read resume text as HTML.

    >>> print(md("a|b <script> *x*"))
    a\\|b &lt;script&gt; \\*x\\*
    """
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def _table(head: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; ``align`` has one letter per column: l, r or c (default l)."""
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    align = align.ljust(len(head), "l")
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(marks[a] for a in align) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def render_markdown(report: Report) -> str:
    """The report as Markdown.

    >>> render_markdown(report).startswith("# Gap report")  # doctest: +SKIP
    True
    """
    out: list[str] = []
    _header(report, out)
    _score(report, out)
    _skills(report, out)
    _profile(report, out)
    _steps(report, out)
    _career(report, out)
    _roles(report, out)
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- \u26a0\ufe0f {md(w)}" for w in report.warnings]
    return "\n".join(out).rstrip() + "\n"


def _header(report: Report, out: list[str]) -> None:
    t = report.target
    kind = {"role": "role", "posting": "job posting", "suggested": "suggested role"}.get(
        t.kind, t.kind)
    out += [f"# Gap report: {md(t.title)}", "",
            f"- **Resume:** {md(report.source)}", f"- **Target:** {md(t.title)} ({kind})"]
    asks = c.target_asks(t)
    if asks:
        out.append(f"- **Asks:** {md(asks)}")
    if t.note:
        out += ["", f"> {md(t.note)}"]


def _score(report: Report, out: list[str]) -> None:
    fit = report.fit
    filled = round(fit.score / 5)
    bar = "\u2588" * filled + "\u2591" * (20 - filled)
    out += ["", f"## Fit: {c.fmt_num(fit.score)}/100", "",
            f"`{bar}` **{c.fmt_num(fit.score)}/100** ({c.score_band(fit.score)})", ""]
    rows = [[comp.name, f"{comp.weight:.0%}", f"{comp.value:.0%}", f"{comp.points:.1f}",
             md(comp.detail)] for comp in fit.components]
    rows.append(["**total**", "", "", f"**{fit.score:.1f}**", ""])
    out += _table(["Part", "Weight", "Value", "Points", "Detail"], rows, "lrrrl")
    if fit.left_out:
        out += ["", (f"*Left out:* {', '.join(fit.left_out)} \u2014 the target does not "
                     "ask, so the other weights are scaled up to fill their share.")]


def _skills(report: Report, out: list[str]) -> None:
    out += ["", "## Skills"]
    cats = c.category_of(report)
    order = {"have": 0, "implied": 1, "related": 2, "learning": 3, "missing": 4}
    for required, label in ((True, "Required"), (False, "Preferred")):
        mine = [g for g in report.fit.skills if g.required == required]
        if not mine:
            continue
        held = sum(1 for g in mine if g.status == "have")
        partial = sum(1 for g in mine if g.status in c.PARTIAL)
        out += ["", f"### {label}: {held} of {len(mine)} held, {partial} partly", ""]
        rows = []
        for g in sorted(mine, key=lambda g: order.get(g.status, 9)):
            how = c.gap_note(g) if g.status in c.PARTIAL else g.evidence
            rows.append([md(g.name), cats.get(g.skill_id or "", "other"),
                         _STATUS.get(g.status, g.status), md(c.quote(how, 90))])
        out += _table(["Skill", "Category", "Status", "Evidence / via"], rows)
    if not report.fit.skills:
        out += ["", "The target lists no skills."]
    extra = c.unasked_held(report)
    lines = []
    if extra:
        names = ", ".join(md(x.name) for x in extra[:25])
        more = f" (+{len(extra) - 25} more)" if len(extra) > 25 else ""
        lines.append(f"- **Also found, not asked ({len(extra)}):** {names}{more}")
    for found, label in ((report.skills.learning, "Learning"),
                         (report.skills.negated, "Said not to have")):
        if found:
            bits = []
            for f in found:
                m = next((m for m in f.mentions if m.status == f.status), f.mentions[0])
                bits.append(f"{md(f.name)} (\u201c{md(c.quote(m.text, 60))}\u201d, "
                            f"{md(m.section)})")
            lines.append(f"- **{label}:** " + "; ".join(bits))
    if lines:
        out += [""] + lines


def _profile(report: Report, out: list[str]) -> None:
    p, t = report.profile, report.target
    years = c.experience_text(report)
    degree = c.degree_text(p) + (f"; asked {t.degree_level}" if t.degree_level else "")
    certs = "; ".join(c.certifications_text(p)) or "none found"
    if t.certifications:
        certs += f"; asked: {' or '.join(t.certifications[:3])}"
    out += ["", "## Experience and education", "", f"- **Experience:** {md(years)}"]
    if p.titles:
        out.append(f"- **Titles:** {md(', '.join(p.titles[:4]))}")
    out += [f"- **Highest degree:** {md(degree)}", f"- **Certifications:** {md(certs)}"]


def _steps(report: Report, out: list[str]) -> None:
    out += ["", "## Next steps", ""]
    if not report.next_steps:
        out.append("Nothing to add: you meet everything the target asks.")
    for i, step in enumerate(report.next_steps, 1):
        out.append(f"{i}. **{md(step.action)}** (+{step.gain:.1f} points) \u2014 "
                   f"{md(step.reason)}")


def _career(report: Report, out: list[str]) -> None:
    cp = report.career
    if cp is None:
        return
    out += ["", f"## Career path: {md(cp.ladder)}", ""]
    if cp.current is None:
        out.append(f"Not placed on this ladder yet ({md(cp.basis)}).")
    if cp.next is not None and cp.years_to_next is not None:
        wait = (f"about {cp.years_to_next:g} more years of experience" if cp.years_to_next
                else "your years already qualify")
        out.append(f"**Next:** {md(cp.next.title)} \u2014 {wait}.")
    out.append("")
    rows = []
    for lv in cp.levels:
        mark = ""
        if lv == cp.current:
            mark = f"\u2b05 you ({md(cp.basis)})" if cp.basis else "\u2b05 you"
        elif lv == cp.next:
            mark = "next"
        name = f"**{md(lv.title)}**" if lv in (cp.current, cp.next) else md(lv.title)
        rows.append([name, c.years_range(lv.years_min, lv.years_max) or "",
                     c.pay_range(lv) or "", mark])
    out += _table(["Rung", "Experience", "Pay", ""], rows)


def _roles(report: Report, out: list[str]) -> None:
    for title, roles in c.role_lists(report):
        rows = [[md(r.title), f"{r.overlap:.0f}%", md(", ".join(r.missing[:6])) or "\u2014"]
                for r in roles]
        out += ["", f"## {title}", ""] + _table(["Role", "Overlap", "Missing"], rows, "lrl")
