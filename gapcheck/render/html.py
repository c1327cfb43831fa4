"""The report as one self-contained HTML page: inline CSS and SVG, no script, no external
resource. Every piece of text from the resume or the target goes through ``html.escape``
(a resume may hold ``<script>``).
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from . import _common as c
from ._svg import coverage_chart, score_parts_chart

if TYPE_CHECKING:
    from ..match import FoundSkill
    from ..report import Report

#: Mentions listed per skill before "+N more".
MAX_MENTIONS = 4

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f1f3f5;color:#212529;line-height:1.5;
 font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
main{max-width:960px;margin:0 auto;padding:28px 20px 48px}
h1{font-size:28px;margin:2px 0 6px;line-height:1.2}
h2{font-size:19px;margin:0 0 12px}
h3{font-size:15px;margin:18px 0 8px;color:#495057}
.card{background:#fff;border-radius:12px;padding:20px 24px;margin:0 0 18px;
 box-shadow:0 1px 3px rgba(0,0,0,.08)}
.hero{display:flex;gap:24px;align-items:center;justify-content:space-between}
.eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#868e96;margin:0}
.meta{margin:0;color:#495057}.meta code{font-size:13px;word-break:break-all}
.note{margin:10px 0 0;padding:8px 12px;background:#e7f5ff;border-radius:8px;color:#1864ab}
.asks{margin:8px 0 0;color:#495057;font-size:14px}
.score{flex:none;width:150px;height:150px;border-radius:50%;display:flex;flex-direction:column;
 align-items:center;justify-content:center;border:10px solid;background:#fff}
.score .num{font-size:44px;font-weight:800;line-height:1}
.score .of{font-size:14px;color:#868e96}
.good{border-color:#2f9e44;color:#2b8a3e}.fair{border-color:#f0a202;color:#e67700}
.low{border-color:#e03131;color:#c92a2a}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:7px 8px;border-bottom:1px solid #e9ecef;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#868e96;font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
.muted{color:#868e96}.small{font-size:13px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;
 white-space:nowrap}
.b-have{background:#d3f9d8;color:#2b8a3e}.b-partial{background:#fff3bf;color:#e67700}
.b-missing{background:#ffe3e3;color:#c92a2a}.b-req{background:#e7f5ff;color:#1864ab}
.b-pref{background:#f1f3f5;color:#495057}
ul.ev{margin:0;padding:0;list-style:none}ul.ev li{margin:0 0 2px}
.sec{display:inline-block;min-width:100px;color:#868e96;font-size:12px}
q{font-style:italic}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:18px;margin:0 0 18px}.grid .card{margin:0}
dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:6px 14px}
dt{color:#868e96}dd{margin:0}
ol.steps{margin:0;padding-left:22px}ol.steps li{margin:0 0 10px}
.gain{float:right;margin-left:8px;font-weight:700;color:#2b8a3e;white-space:nowrap}
.reason{display:block;color:#495057;font-size:13px}
.ladder{margin:0;padding:0;list-style:none}
.ladder li{display:grid;grid-template-columns:1fr 110px 130px 110px;gap:8px;align-items:center;
 padding:7px 12px;margin:0 0 4px;border-left:4px solid #dee2e6;border-radius:6px;
 background:#f8f9fa;font-size:14px}
.ladder li.current{border-left-color:#2f9e44;background:#ebfbee;font-weight:600}
.ladder li.next{border-left-color:#3b5bdb;background:#edf2ff;font-weight:600}
.ladder .tag{font-size:11px;font-weight:700;letter-spacing:.05em;text-align:right}
.current .tag{color:#2b8a3e}.next .tag{color:#3b5bdb}
.bar{background:#e9ecef;border-radius:4px;height:10px;width:120px;display:inline-block;
 vertical-align:middle;margin-right:8px}.bar span{display:block;height:10px;border-radius:4px;
 background:#3b5bdb}
.chips{margin:6px 0 0}.chip{display:inline-block;background:#f1f3f5;border-radius:10px;
 padding:1px 9px;margin:0 4px 4px 0;font-size:13px}
.warn{background:#fff9db;border-left:4px solid #f0a202}
footer{text-align:center;color:#adb5bd;font-size:12px}
@media (max-width:700px){.grid{grid-template-columns:1fr}.hero{flex-direction:column-reverse}}
"""


def render_html(report: Report) -> str:
    """The report as a self-contained HTML page.

    >>> render_html(report).startswith("<!DOCTYPE html>")  # doctest: +SKIP
    True
    """
    from ..report import SCHEMA_VERSION

    title = escape(f"Gap report: {report.target.title}")
    body = "\n".join([
        _hero(report), _score(report), _coverage(report), _skills(report),
        '<div class="grid">' + _profile(report) + _steps(report) + "</div>",
        _career(report), _roles(report), _warnings(report),
        f"<footer>gapcheck report \u00b7 schema {escape(SCHEMA_VERSION)}</footer>",
    ])
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def _hero(report: Report) -> str:
    t, score = report.target, report.fit.score
    kind = {"role": "role", "posting": "job posting", "suggested": "suggested role"}.get(
        t.kind, t.kind)
    note = f'<p class="note">{escape(t.note)}</p>' if t.note else ""
    asks = c.target_asks(t)
    asks_html = f'<p class="asks"><b>Asks:</b> {escape(asks)}</p>' if asks else ""
    return (f'<header class="card hero"><div><p class="eyebrow">gapcheck report \u00b7 '
            f'{escape(kind)}</p><h1>{escape(t.title)}</h1><p class="meta">Resume: '
            f'<code>{escape(report.source)}</code></p>{note}{asks_html}</div>'
            f'<div class="score {c.score_band(score)}" aria-label="fit score">'
            f'<span class="num">{escape(c.fmt_num(score))}</span><span class="of">/ 100 fit'
            f"</span></div></header>")


def _score(report: Report) -> str:
    fit = report.fit
    rows = "".join(
        f"<tr><td>{escape(comp.name)}</td><td class=\"num\">{comp.weight:.0%}</td>"
        f"<td class=\"num\">{comp.value:.0%}</td><td class=\"num\"><b>{comp.points:.1f}</b></td>"
        f"<td>{escape(comp.detail)}</td></tr>" for comp in fit.components)
    rows += (f'<tr><td><b>total</b></td><td></td><td></td><td class="num"><b>{fit.score:.1f}'
             "</b></td><td></td></tr>")
    left = ""
    if fit.left_out:
        left = (f'<p class="muted small">Left out: {escape(", ".join(fit.left_out))} \u2014 '
                "the target does not ask, so the other weights are scaled up.</p>")
    return ('<section class="card"><h2>How the score is made</h2>'
            + score_parts_chart(fit.components, fit.score)
            + '<table><thead><tr><th>Part</th><th class="num">Weight</th><th class="num">'
            'Value</th><th class="num">Points</th><th>Detail</th></tr></thead><tbody>'
            + rows + "</tbody></table>" + left + "</section>")


def _coverage(report: Report) -> str:
    rows = c.coverage_by_category(report)
    if not rows:
        return ""
    return ('<section class="card"><h2>Skill coverage by category</h2>'
            '<p class="muted small">Share of the target\u2019s skills in each category that '
            "you hold, partly meet (implied, related or being learned) or miss.</p>"
            + coverage_chart(rows) + "</section>")


def _evidence(found: FoundSkill | None, status: str = "held") -> str:
    if found is None:
        return ""
    # The same words in the same section say nothing new: list each once.
    mentions = list({(m.section, m.text.lower()): m for m in reversed(found.mentions)
                     if m.status == status}.values())[::-1]
    items = []
    for m in mentions[:MAX_MENTIONS]:
        how = f' <span class="muted small">({escape(m.method)} match)</span>' \
            if m.method != "exact" else ""
        why = f' <span class="muted small">\u2014 {escape(m.reason)}</span>' \
            if status != "held" and m.reason else ""
        items.append(f'<li><span class="sec">{escape(m.section)}</span>'
                     f"<q>{escape(c.quote(m.text, 100))}</q>{how}{why}</li>")
    if len(mentions) > MAX_MENTIONS:
        items.append(f'<li class="muted small">+{len(mentions) - MAX_MENTIONS} more</li>')
    return f'<ul class="ev">{"".join(items)}</ul>' if items else ""


def _skills(report: Report) -> str:
    held = c.found_by_id(report)
    learning = {s.id: s for s in report.skills.learning}
    cats = c.category_of(report)
    order = {"have": 0, "implied": 1, "related": 2, "learning": 3, "missing": 4}
    rows = []
    for g in sorted(report.fit.skills, key=lambda g: (not g.required, order.get(g.status, 9))):
        kind = "b-have" if g.status == "have" else (
            "b-missing" if g.status == "missing" else "b-partial")
        need = '<span class="badge b-req">required</span>' if g.required else \
            '<span class="badge b-pref">preferred</span>'
        if g.status == "have":
            ev = _evidence(held.get(g.skill_id or "")) or escape(g.evidence)
        elif g.status == "learning":
            ev = _evidence(learning.get(g.skill_id or ""), "learning") or escape(g.evidence)
        elif g.status in c.PARTIAL:
            ev = escape(c.gap_note(g))
        else:
            ev = '<span class="muted">not found in the resume</span>'
        rows.append(f"<tr><td><b>{escape(g.name)}</b></td><td>{need}</td>"
                    f"<td class=\"muted\">{escape(cats.get(g.skill_id or '', 'other'))}</td>"
                    f'<td><span class="badge {kind}">{escape(g.status)}</span></td>'
                    f"<td>{ev}</td></tr>")
    head = ("<thead><tr><th>Skill</th><th>Asked</th><th>Category</th><th>Status</th>"
            "<th>Evidence</th></tr></thead>")
    out = ['<section class="card"><h2>Skills the target asks for</h2>']
    out.append(f"<table>{head}<tbody>{''.join(rows)}</tbody></table>" if rows
               else '<p class="muted">The target lists no skills.</p>')
    extra = c.unasked_held(report)
    if extra:
        out.append(f"<h3>Also in your resume, not asked ({len(extra)})</h3>")
        body = "".join(
            f"<tr><td><b>{escape(s.name)}</b></td><td class=\"muted\">{escape(s.category)}</td>"
            f"<td>{_evidence(s)}</td></tr>" for s in extra)
        out.append("<table><thead><tr><th>Skill</th><th>Category</th><th>Evidence</th></tr>"
                   f"</thead><tbody>{body}</tbody></table>")
    for found, label, status in ((report.skills.learning, "Being learned", "learning"),
                                 (report.skills.negated, "Said not to have", "negated")):
        if found:
            body = "".join(
                f"<tr><td><b>{escape(s.name)}</b></td><td class=\"muted\">"
                f"{escape(s.category)}</td><td>{_evidence(s, status)}</td></tr>" for s in found)
            out.append(f"<h3>{label} ({len(found)})</h3><table><thead><tr><th>Skill</th>"
                       "<th>Category</th><th>Evidence</th></tr></thead>"
                       f"<tbody>{body}</tbody></table>")
    out.append("</section>")
    return "".join(out)


def _profile(report: Report) -> str:
    p, t = report.profile, report.target
    rows = [("Experience", c.experience_text(report))]
    if p.titles:
        rows.append(("Titles", ", ".join(p.titles[:4])))
    rows.append(("Degree", c.degree_text(p)
                 + (f"; asked {t.degree_level}" if t.degree_level else "")))
    rows.append(("Certifications", "; ".join(c.certifications_text(p)) or "none found"))
    if t.certifications:
        rows.append(("Asked", " or ".join(t.certifications[:3])))
    items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    return (f'<section class="card"><h2>Experience and education</h2><dl>{items}</dl>'
            "</section>")


def _steps(report: Report) -> str:
    if not report.next_steps:
        inner = '<p class="muted">Nothing to add: you meet everything the target asks.</p>'
    else:
        inner = '<ol class="steps">' + "".join(
            f'<li><span class="gain">+{s.gain:.1f} pts</span><b>{escape(s.action)}</b>'
            f'<span class="reason">{escape(s.reason)}</span></li>'
            for s in report.next_steps) + "</ol>"
    return f'<section class="card"><h2>Next steps</h2>{inner}</section>'


def _career(report: Report) -> str:
    cp = report.career
    if cp is None or not cp.levels:
        return ""
    rungs = []
    for lv in cp.levels:
        cls = "current" if lv == cp.current else "next" if lv == cp.next else ""
        tag = {"current": "YOU ARE HERE", "next": "NEXT"}.get(cls, "")
        years = c.years_range(lv.years_min, lv.years_max) or ""
        rungs.append(f'<li class="{cls}"><span>{escape(lv.title)}</span>'
                     f'<span class="muted">{escape(years)}</span>'
                     f"<span>{escape(c.pay_range(lv) or '')}</span>"
                     f'<span class="tag">{tag}</span></li>')
    summary = []
    if cp.current is None:
        summary.append(f"Not placed on this ladder yet ({cp.basis}).")
    elif cp.basis:
        summary.append(f"Placed by {cp.basis}.")
    if cp.next is not None:
        wait = (f"about {cp.years_to_next:g} more years of experience"
                if cp.years_to_next else "your years already qualify"
                if cp.years_to_next == 0 else "no years given for it")
        summary.append(f"Next: {c.level_line(cp.next)} \u2014 {wait}.")
    else:
        summary.append("You are at the top of this ladder.")
    return (f'<section class="card"><h2>Career path: {escape(cp.ladder)}</h2>'
            f'<p class="muted">{escape(" ".join(summary))}</p>'
            f'<ol class="ladder">{"".join(rungs)}</ol></section>')


def _roles(report: Report) -> str:
    lists = [("Related roles", report.related_roles)]
    if report.target.kind == "suggested":
        lists.append(("Suggested roles", report.suggested_roles))
    out = []
    for title, roles in lists:
        if not roles:
            continue
        rows = "".join(
            f"<tr><td><b>{escape(r.title)}</b></td><td class=\"num\"><span class=\"bar\">"
            f"<span style=\"width:{max(0.0, min(100.0, r.overlap)):.0f}%\"></span></span>"
            f"{r.overlap:.0f}%</td><td class=\"small\">{escape(', '.join(r.missing[:6]))}"
            "</td></tr>" for r in roles)
        out.append(f'<section class="card"><h2>{title}</h2><p class="muted small">Overlap: '
                   "the share of the role\u2019s skills you have.</p><table><thead><tr>"
                   '<th>Role</th><th class="num">Overlap</th><th>Missing</th></tr></thead>'
                   f"<tbody>{rows}</tbody></table></section>")
    return "".join(out)


def _warnings(report: Report) -> str:
    if not report.warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    return f'<section class="card warn"><h2>Warnings</h2><ul>{items}</ul></section>'
