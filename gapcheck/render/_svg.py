"""The inline SVG charts of the HTML report: score parts and skill coverage by category.

Plain SVG with no script and no external font or stylesheet, so the report stays one
self-contained file. Every label goes through ``html.escape``.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..score import Component
    from ._common import CategoryCoverage

#: Status colours shared with the report's CSS.
HELD, PARTIAL, MISSING = "#2f9e44", "#f0a202", "#e03131"
#: One colour per score part, in the order of ``DEFAULT_WEIGHTS``.
PART_COLORS = ("#3b5bdb", "#0ca678", "#f08c00", "#7048e8", "#d6336c", "#1098ad")
_FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\""


def _open(width: int, height: int, label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
            f'width="100%" role="img" aria-label="{escape(label)}" {_FONT}>')


def _text(x: float, y: float, label: str, *, size: int = 13, anchor: str = "start",
          fill: str = "#343a40", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}" font-weight="{weight}">{escape(label)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, title: str = "",
          rx: float = 3) -> str:
    tip = f"<title>{escape(title)}</title>" if title else ""
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" '
            f'rx="{rx}" fill="{fill}">{tip}</rect>')


def score_parts_chart(components: tuple[Component, ...], score: float,
                      width: int = 872) -> str:
    """One row per score part: a track as wide as its weight, filled by the points it
    earned; above them, the total as segments of one 0-100 bar."""
    label_w, num_w = 150, 110
    bar_w = width - label_w - num_w
    row_h, top = 30, 54
    height = top + row_h * len(components) + 8
    out = [_open(width, height, "Fit score by part"),
           _text(0, 22, "total", weight="600"),
           _rect(label_w, 8, bar_w, 18, "#e9ecef")]
    x = label_w
    for i, comp in enumerate(components):
        w = bar_w * comp.points / 100
        out.append(_rect(x, 8, w, 18, PART_COLORS[i % len(PART_COLORS)],
                         f"{comp.name}: {comp.points:g} points", rx=0))
        x += w
    out.append(_text(width, 22, f"{score:.1f} / 100", anchor="end", weight="700"))
    for i, comp in enumerate(components):
        y = top + i * row_h
        color = PART_COLORS[i % len(PART_COLORS)]
        track = bar_w * comp.weight
        out += [_text(0, y + 14, comp.name),
                _rect(label_w, y + 2, track, 16, "#e9ecef"),
                _rect(label_w, y + 2, track * comp.value, 16, color,
                      f"{comp.name}: {comp.value:.0%} of {comp.weight:.0%}"),
                _text(width, y + 14, f"{comp.points:.1f} of {comp.weight * 100:.0f}",
                      anchor="end", fill="#495057")]
    out.append("</svg>")
    return "\n".join(out)


def coverage_chart(rows: list[CategoryCoverage], width: int = 872) -> str:
    """For each category of the target's skills, a stacked bar of the share held, partly
    met and missing, with the counts at its end."""
    label_w, num_w = 150, 150
    bar_w = width - label_w - num_w
    row_h, top = 32, 34
    height = top + row_h * len(rows) + 4
    out = [_open(width, height, "Skill coverage by category")]
    x = label_w
    for color, name in ((HELD, "held"), (PARTIAL, "partly"), (MISSING, "missing")):
        out += [_rect(x, 6, 12, 12, color, rx=2), _text(x + 18, 17, name, size=12)]
        x += 90
    for i, row in enumerate(rows):
        y = top + i * row_h
        out.append(_text(0, y + 16, row.category))
        x = float(label_w)
        for count, color, name in ((row.held, HELD, "held"), (row.partial, PARTIAL, "partly"),
                                   (row.missing, MISSING, "missing")):
            if not count:
                continue
            w = bar_w * count / row.total
            out.append(_rect(x, y + 2, w, 20, color, f"{row.category}: {count} {name}", rx=0))
            if w >= 22:
                out.append(_text(x + w / 2, y + 16, str(count), size=12, anchor="middle",
                                 fill="#fff", weight="600"))
            x += w
        out.append(_text(width, y + 16, f"{row.held} of {row.total} held",
                         anchor="end", fill="#495057"))
    out.append("</svg>")
    return "\n".join(out)
