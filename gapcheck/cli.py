"""The ``gapcheck`` command: a thin skin over the library.

Exit codes: 0 ok; 1 a score below --min-score; 2 a usage or input error.
"""
from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .errors import GapcheckError

EXIT_BELOW_MIN = 1
EXIT_ERROR = 2

_EXAMPLES = """
\b
Examples:
  gapcheck resume.pdf                          best-fitting roles and the gaps to them
  gapcheck resume.pdf --role "ML engineer"     fit with a role, matched by name
  gapcheck resume.docx --posting job.txt -f html -o report.html
  gapcheck batch resumes/ --role "Data Scientist" -f csv -o ranked.csv
  gapcheck roles nurse                         browse the role catalogue
  gapcheck skills spark                        browse the skill lexicon
\b
Exit codes: 0 ok, 1 a score below --min-score, 2 a usage or input error.
"""


_GROUP_OPTIONS = ("-h", "--help", "--version")


class _DefaultToReport(click.Group):
    """``gapcheck FILE`` means ``gapcheck report FILE``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Options may come first too: ``gapcheck -f json FILE``.
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
            args = ["report", *args]
        return super().parse_args(ctx, args)


def _fail(err: Exception) -> NoReturn:
    click.echo(f"gapcheck: {err}", err=True)
    sys.exit(EXIT_ERROR)


def _one_target(role: str | None, posting: str | None) -> None:
    if role and posting:
        raise click.UsageError("give --role or --posting, not both")


def _write(output: str, text: str, encoding: str = "utf-8") -> None:
    from .batch import write_atomically

    try:
        write_atomically(output, text, encoding=encoding)
    except OSError as err:
        _fail(GapcheckError(f"cannot write: {err.strerror or err}", output))


def _today(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-11-25") from None


def _use_color(output: str | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _target_options(f):
    f = click.option("--role", "-r", help="Target role by name (fuzzy: 'sr ml eng').")(f)
    f = click.option("--posting", "-p", type=click.Path(dir_okay=False),
                     help="Target job posting file (PDF, DOCX or text).")(f)
    f = click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path(),
                     help="Extra skills file (TOML/JSON) on top of the lexicon.")(f)
    f = click.option("--role-file", "role_files", multiple=True, type=click.Path(),
                     help="Extra roles file (TOML/JSON) on top of the catalogue.")(f)
    f = click.option("--today", help="Date that 'Present' means (YYYY-MM-DD).")(f)
    return f


@click.group(cls=_DefaultToReport, epilog=_EXAMPLES, context_settings={"help_option_names":
             ["-h", "--help"]})
@click.version_option(__version__, prog_name="gapcheck")
def main() -> None:
    """Read a resume, find its skills, and show the gap to a target role."""


@main.command(epilog=_EXAMPLES)
@click.argument("resume", type=click.Path())
@_target_options
@click.option("--format", "-f", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "markdown", "html"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option("--min-score", type=float, help="Exit 1 when the fit is below this.")
def report(resume, role, posting, lexicon_files, role_files, today, fmt, output, min_score):
    """Full gap report for one RESUME."""
    from .analyze import analyze
    from .render import render

    _one_target(role, posting)
    try:
        # A Path, not a str: analyze() reads a str posting as the posting's text.
        rep = analyze(resume, role=role, posting=Path(posting) if posting else None,
                      today=_today(today), lexicon_files=lexicon_files, role_files=role_files)
        text = render(rep, fmt, color=_use_color(output))
    except GapcheckError as err:
        _fail(err)
    if output:
        _write(output, text)
    else:
        click.echo(text)
    if min_score is not None and rep.score < min_score:
        sys.exit(EXIT_BELOW_MIN)


@main.command(epilog=_EXAMPLES)
@click.argument("folder", type=click.Path())
@_target_options
@click.option("--recursive", "-R", is_flag=True, help="Look in sub-folders too.")
@click.option("--workers", "-w", type=click.IntRange(1, 64), help="Processes (default: cores).")
@click.option("--format", "-f", "fmt", default="csv", show_default=True,
              type=click.Choice(["csv", "jsonl", "markdown"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option("--min-score", type=float, help="Keep rows at or above this; exit 1 if none.")
def batch(folder, role, posting, lexicon_files, role_files, today, recursive, workers, fmt,
          output, min_score):
    """Score every resume in FOLDER into one table, best fit first."""
    from .batch import BatchSettings, iter_resumes, score_folder
    from .render.tabular import markdown_table, write_csv, write_jsonl

    _one_target(role, posting)
    start = time.monotonic()
    try:
        settings = BatchSettings(_batch_target(role, posting, lexicon_files, role_files),
                                 _today(today), (), tuple(lexicon_files), tuple(role_files))
        paths = list(iter_resumes(folder, recursive))
        if sys.stderr.isatty() and paths:
            with click.progressbar(length=len(paths), label="scoring", file=sys.stderr) as bar:
                rows = score_folder(paths, settings, workers, on_row=lambda _row: bar.update(1))
        else:
            rows = score_folder(paths, settings, workers)
    except GapcheckError as err:
        _fail(err)
    failed = sum(1 for r in rows if r["error"])
    kept = [r for r in rows if min_score is None or r["error"] or r["score"] >= min_score]
    if fmt == "markdown":
        data = markdown_table(kept) + "\n"
    else:
        import io

        buf = io.StringIO()
        (write_csv if fmt == "csv" else write_jsonl)(kept, buf)
        data = buf.getvalue()
    if output:
        _write(output, data, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    else:
        click.echo(data, nl=False)
    click.echo(f"scored {len(rows) - failed}, failed {failed}, "
               f"{time.monotonic() - start:.1f}s", err=True)
    if min_score is not None and not any(r["score"] is not None and r["score"] >= min_score
                                         for r in rows):
        sys.exit(EXIT_BELOW_MIN)


def _batch_target(role, posting, lexicon_files, role_files):
    from .lexicon import load_lexicon
    from .roles import load_roles
    from .target import target_from_role

    # Load both files here, so a bad one is one error line, not a failure in every worker.
    lex = load_lexicon(tuple(lexicon_files))
    catalog = load_roles(tuple(role_files))
    if role:
        return target_from_role(catalog.find(role), lex)
    if posting:
        from .posting import requirements_from_posting

        return requirements_from_posting(Path(posting), lex)
    return None


@main.command()
@click.argument("query", required=False)
@click.option("--role-file", "role_files", multiple=True, type=click.Path())
@click.option("--limit", "-n", default=15, show_default=True)
def roles(query, role_files, limit):
    """Browse the role catalogue (curated ladders and O*NET occupations)."""
    from .roles import load_roles

    try:
        catalog = load_roles(tuple(role_files))
        if not query:
            curated = [r for r in catalog if r.source != "onet"]
            for r in curated:
                click.echo(f"{r.title}  ({len(r.levels)} levels)")
            click.echo(f"... and {len(catalog) - len(curated)} O*NET occupations; "
                       "`gapcheck roles QUERY` to search")
            return
        for m in catalog.search(query, limit=limit):
            code = f" [{m.role.onet_code}]" if m.role.onet_code else ""
            click.echo(f"{m.score:5.1f}  {m.role.title}{code}  ({m.role.source})"
                       + (f"  via '{m.matched_title}'" if m.matched_title != m.role.title
                          else ""))
    except GapcheckError as err:
        _fail(err)


@main.command()
@click.argument("query", required=False, default="")
@click.option("--lexicon", "lexicon_files", multiple=True, type=click.Path())
@click.option("--limit", "-n", default=25, show_default=True)
def skills(query, lexicon_files, limit):
    """Browse the skill lexicon."""
    from .lexicon import load_lexicon

    try:
        lex = load_lexicon(tuple(lexicon_files))
    except GapcheckError as err:
        _fail(err)
    if not query:
        click.echo(f"{len(lex.skills)} skills; `gapcheck skills QUERY` to search")
        return
    for s in lex.search(query, limit):
        extra = f"  aliases: {', '.join(s.aliases[:5])}" if s.aliases else ""
        click.echo(f"{s.name}  [{s.category}]{extra}")
