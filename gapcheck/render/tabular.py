"""The batch formats: one flat row per resume, written as CSV, JSON Lines or a Markdown
table.

A row is a plain dict with the keys of ``COLUMNS``; a file that could not be scored gets
a row with its ``error`` and empty fields, so every file of a batch has a row.
"""
from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..report import Report

COLUMNS = ("file", "score", "target", "years", "degree", "missing_required", "held_skills",
           "error")
#: First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection);
#: tab and carriage return too, which some spreadsheets strip before looking.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_from_report(path: str, report: Report) -> dict[str, Any]:
    """The batch row for a scored resume.

    >>> row_from_report("cv.pdf", report)["score"]  # doctest: +SKIP
    72.5
    """
    degree = report.profile.highest_degree
    return {
        "file": str(path),
        "score": report.score,
        "target": report.target.title,
        "years": round(report.profile.years_experience, 1),
        "degree": (degree.level + (f" in {degree.field}" if degree.field else "")) if degree
        else "",
        "missing_required": "; ".join(report.missing_required),
        "held_skills": "; ".join(s.name for s in report.skills.held),
        "error": "",
    }


def row_from_error(path: str, error: str) -> dict[str, Any]:
    """The batch row for a resume that could not be scored.

    >>> row_from_error("x.pdf", "encrypted PDF")["error"]
    'encrypted PDF'
    """
    return {"file": str(path), "score": None, "target": "", "years": None, "degree": "",
            "missing_required": "", "held_skills": "", "error": error or "unknown error"}


def safe_cell(value: Any) -> str:
    """``value`` as a CSV cell that a spreadsheet shows as text, never runs as a formula.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell(None), safe_cell(72.5)
    ('', '72.5')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def write_csv(rows: list[dict[str, Any]], fh: IO[str]) -> None:
    """``rows`` as CSV with a header line. Open ``fh`` with ``newline=""``; the CLI uses
    ``encoding="utf-8-sig"`` so that Excel reads the file as UTF-8."""
    writer = csv.writer(fh)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([safe_cell(row.get(col)) for col in COLUMNS])


def write_jsonl(rows: list[dict[str, Any]], fh: IO[str]) -> None:
    """``rows`` as JSON Lines: one object per line, keys in ``COLUMNS`` order."""
    for row in rows:
        fh.write(json.dumps({col: row.get(col) for col in COLUMNS}, ensure_ascii=False) + "\n")


def _md_cell(value: Any) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    for ch in "\\|`*_[]<>":
        text = text.replace(ch, "\\" + ch)
    return text


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """``rows`` as a GitHub-flavoured Markdown table, numbers right-aligned.

    >>> print(markdown_table([row_from_error("a.pdf", "empty")]), end="")
    | file | score | target | years | degree | missing_required | held_skills | error |
    |---|--:|---|--:|---|---|---|---|
    | a.pdf |  |  |  |  |  |  | empty |
    """
    numeric = {"score", "years"}
    out = ["| " + " | ".join(COLUMNS) + " |",
           "|" + "|".join("--:" if col in numeric else "---" for col in COLUMNS) + "|"]
    for row in rows:
        out.append("| " + " | ".join(_md_cell(row.get(col)) for col in COLUMNS) + " |")
    return "\n".join(out) + "\n"
