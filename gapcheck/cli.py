"""The ``gapcheck`` command: a thin skin over the library.

Exit codes: 0 ok; 1 a score below --min-score; 2 a usage or input error.
"""
from __future__ import annotations

import contextlib
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
@click.argument("source", type=click.Path())
@_target_options
@click.option("--recursive", "-R", is_flag=True, help="Look in sub-folders too.")
@click.option("--workers", "-w", type=click.IntRange(1, 64),
              help="Processes (default: cores); with --scheduler local, its workers.")
@click.option("--format", "-f", "fmt", default="csv", show_default=True,
              type=click.Choice(["csv", "jsonl", "markdown", "parquet"]),
              help="parquet: a Parquet dataset folder at -o (needs the distributed extra).")
@click.option("--output", "-o", type=click.Path(), help="Write here, not stdout.")
@click.option("--min-score", type=float, help="Keep rows at or above this; exit 1 if none.")
@click.option("--scheduler", metavar="ADDRESS|local",
              help="Run on a Dask cluster (tcp://host:8786), or 'local' for one on this "
                   "machine.")
@click.option("--id-column", default="id", show_default=True,
              help="Table sources: the column that names each resume.")
@click.option("--text-column", default="text", show_default=True,
              help="Table sources: the column holding each resume's text.")
def batch(source, role, posting, lexicon_files, role_files, today, recursive, workers, fmt,
          output, min_score, scheduler, id_column, text_column):
    """Score every resume in SOURCE into one table, best fit first.

    SOURCE is a folder of resume files, or a table (.parquet, .jsonl, .csv) with an id
    and a text column, scored on a Dask cluster (--scheduler; 'local' when not given).
    """
    _one_target(role, posting)
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a folder: give it with -o")
    if fmt != "parquet" and output and os.path.isdir(output):
        raise click.BadParameter(f"File {output!r} is a directory.",
                                 param_hint="'--output' / '-o'")
    if scheduler and scheduler != "local" and workers:
        raise click.UsageError("--workers sets the size of --scheduler local only; a "
                               "remote cluster has the workers it was started with")
    from .distributed import is_table

    table = is_table(source)
    if scheduler or table:
        rows_or_none = _batch_on_dask(source, table, role, posting, lexicon_files,
                                      role_files, today, recursive, workers, fmt, output,
                                      min_score, scheduler or "local", id_column,
                                      text_column)
        if rows_or_none is None:
            return
        rows, start = rows_or_none
    else:
        rows, start = _batch_here(source, role, posting, lexicon_files, role_files, today,
                                  recursive, workers, fmt)
    _batch_output(rows, start, fmt, output, min_score)


def _batch_here(source, role, posting, lexicon_files, role_files, today, recursive, workers,
                fmt):
    from .batch import BatchSettings, iter_resumes, score_folder

    start = time.monotonic()
    try:
        if fmt == "parquet":
            from .distributed import require

            require(parquet=True)
        settings = BatchSettings(_batch_target(role, posting, lexicon_files, role_files),
                                 _today(today), (), tuple(lexicon_files), tuple(role_files))
        paths = list(iter_resumes(source, recursive))
        if sys.stderr.isatty() and paths:
            with click.progressbar(length=len(paths), label="scoring", file=sys.stderr) as bar:
                rows = score_folder(paths, settings, workers, on_row=lambda _row: bar.update(1))
        else:
            rows = score_folder(paths, settings, workers)
    except GapcheckError as err:
        _fail(err)
    return rows, start


def _batch_output(rows, start, fmt, output, min_score):
    from .render.tabular import markdown_table, write_csv, write_jsonl

    failed = sum(1 for r in rows if r["error"])
    kept = [r for r in rows if min_score is None or r["error"] or r["score"] >= min_score]
    if fmt == "parquet":
        from .distributed import write_parquet_rows

        try:
            write_parquet_rows(kept, output)
        except GapcheckError as err:
            _fail(err)
        except OSError as err:
            _fail(GapcheckError(f"cannot write: {err.strerror or err}", output))
        data = None
    elif fmt == "markdown":
        data = markdown_table(kept) + "\n"
    else:
        import io

        buf = io.StringIO()
        (write_csv if fmt == "csv" else write_jsonl)(kept, buf)
        data = buf.getvalue()
    if data is None:
        pass
    elif output:
        _write(output, data, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    else:
        click.echo(data, nl=False)
    _summary(len(rows) - failed, failed, start)
    if min_score is not None and not any(r["score"] is not None and r["score"] >= min_score
                                         for r in rows):
        sys.exit(EXIT_BELOW_MIN)


def _summary(scored, failed, start):
    click.echo(f"scored {scored}, failed {failed}, {time.monotonic() - start:.1f}s", err=True)


def _batch_on_dask(source, table, role, posting, lexicon_files, role_files, today, recursive,
                   workers, fmt, output, min_score, scheduler, id_column, text_column):
    """The batch on a Dask cluster. Returns (rows, start) for the usual writers, or None
    when it wrote a table's Parquet output itself (from the workers)."""
    from . import distributed as gd

    start = time.monotonic()
    client = cluster = None
    today = _today(today)
    try:
        gd.require(parquet=fmt == "parquet" or str(source).lower().endswith(".parquet"))
        settings = gd.make_settings(role, Path(posting) if posting else None,
                                    today=today, lexicon_files=lexicon_files,
                                    role_files=role_files)
        if table:
            ddf = gd.read_table(source, id_column, text_column)
        else:
            from .batch import iter_resumes

            paths = list(iter_resumes(source, recursive))
        client, cluster = gd.connect(scheduler, workers,
                                     echo=lambda line: click.echo(line, err=True))
        if not table:
            if sys.stderr.isatty() and paths:
                with click.progressbar(length=len(paths), label="scoring",
                                       file=sys.stderr) as bar:
                    rows = gd.score_paths(paths, settings, client,
                                          on_row=lambda _row: bar.update(1))
            else:
                rows = gd.score_paths(paths, settings, client)
            return rows, start
        scored = gd.score_dataframe(ddf, text_column=text_column, id_column=id_column,
                                    settings=settings)
        with _part_bar(scored.npartitions) as tick:
            if fmt != "parquet":
                return gd.rank(gd.compute_rows(client, scored, tick)), start
            done, failed, above = gd.write_scored_parquet(client, scored, output, min_score,
                                                          tick)
        _summary(done, failed, start)
        below = min_score is not None and not above
    except GapcheckError as err:
        _fail(err)
    except OSError as err:
        _fail(GapcheckError(f"cannot write: {err.strerror or err}", output or source))
    except Exception as err:  # noqa: BLE001 - a lost worker or cluster: one line, exit 2
        _fail(GapcheckError(f"the cluster failed: {type(err).__name__}: {err}", scheduler))
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    if below:
        sys.exit(EXIT_BELOW_MIN)
    return None


@contextlib.contextmanager
def _part_bar(parts):
    """A progress bar over a table's partitions when stderr is a terminal; yields the
    callback to call as each partition is done."""
    if not sys.stderr.isatty() or not parts:
        yield None
        return
    with click.progressbar(length=parts, label="scoring partitions", file=sys.stderr) as bar:
        yield lambda: bar.update(1)


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
