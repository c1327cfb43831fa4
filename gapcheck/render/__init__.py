"""Turn a ``Report`` into bytes for people and programs: text, JSON, Markdown, HTML.

>>> from gapcheck.render import render, FORMATS
>>> FORMATS
('text', 'json', 'markdown', 'html')
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report import Report

#: The formats ``render`` knows, in the order the CLI lists them.
FORMATS = ("text", "json", "markdown", "html")

__all__ = ["FORMATS", "render", "render_json"]


def render_json(report: Report) -> str:
    """``report.to_dict()`` as indented JSON (see ``gapcheck/report.schema.json``)."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)


def render(report: Report, fmt: str, color: bool = False) -> str:
    """``report`` in format ``fmt`` (one of ``FORMATS``); ``color`` adds ANSI colour to
    the text format and is ignored by the others.

    >>> render(report, "json").startswith("{")  # doctest: +SKIP
    True
    """
    if fmt == "text":
        from .text import render_text

        return render_text(report, color=color)
    if fmt == "json":
        return render_json(report)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
