"""Batch scoring on a Dask distributed cluster: a folder of files, or a table of texts.

Nothing here is imported by ``import gapcheck``: dask, pandas and pyarrow are imported
inside the functions, and only when the ``distributed`` extra is installed
(``pip install "gapcheck[distributed]"``).

How the work is split:

- The target (the role's or posting's requirements, a small frozen dataclass) is worked
  out once, on the client, and shipped to the workers as one shared graph key.
- The lexicon, role catalogue and matcher are built once per worker process, by the
  first task that lands there (``_prepare``, a locked ``lru_cache``), and reused by every
  later task. They are never pickled into tasks.
- One task scores one partition of the table (or one chunk of files). A row that cannot
  be scored (no text, empty text, a number, text over ``Limits.max_chars``) becomes a row
  with its ``error``; no row can fail a task.

See ``score_dataframe`` for the library use, ``gapcheck batch --scheduler`` for the
command.
"""
from __future__ import annotations

import functools
import math
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .batch import BatchSettings, score_file
from .errors import GapcheckError
from .render.tabular import COLUMNS, row_from_error, row_from_report

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client

    from .document import Document
    from .read import Limits
    from .target import Target

#: The one line the CLI prints when the extra is missing.
INSTALL_HINT = 'install the distributed extra: pip install "gapcheck[distributed]"'
#: Table files a batch reads as rows of (id, text); anything else is a folder of resumes.
TABLE_SUFFIXES = (".parquet", ".jsonl", ".csv")
#: Bytes of JSON Lines per partition: about 650 three-page resumes, ~10 s of one core.
JSONL_BLOCKSIZE = "2MB"
#: Rows per partition aimed at when a table arrives in too few partitions to share out.
ROWS_PER_PARTITION = 500
#: Files per task for a folder: enough to hide the scheduler's per-task overhead.
FILES_PER_TASK = 8

_STRING_COLUMNS = ("file", "target", "degree", "missing_required", "held_skills", "error")
_FLOAT_COLUMNS = ("score", "years")


def require(parquet: bool = False) -> None:
    """Raise a one-line GapcheckError unless dask (and pyarrow, for ``parquet``) import."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401

        if parquet:
            import pyarrow  # noqa: F401
    except ImportError:
        raise GapcheckError(INSTALL_HINT) from None


def is_table(source: str | os.PathLike[str]) -> bool:
    """Whether ``source`` names a table (``.parquet``, ``.jsonl``, ``.csv``; a file, a
    Parquet dataset folder or a glob) rather than a folder of resume files."""
    return str(source).lower().rstrip("/").endswith(TABLE_SUFFIXES)


# --- on the workers ------------------------------------------------------------------

_PREPARE_LOCK = threading.Lock()


@functools.lru_cache(maxsize=8)
def _prepared(lexicon_files: tuple[str, ...], role_files: tuple[str, ...]) -> float:
    """Build the lexicon, catalogue and matcher in this process; the seconds it took."""
    import time

    from .lexicon import load_lexicon
    from .match import find_skills
    from .read import read_text
    from .roles import load_roles

    start = time.perf_counter()
    lex = load_lexicon(lexicon_files)
    load_roles(role_files)
    find_skills(read_text("Skills: Python, SQL, Excel"), lex)  # the matcher's lazy indexes
    return time.perf_counter() - start


def _prepare(settings: BatchSettings) -> float:
    """Once per worker process and settings; later calls are a dictionary look-up."""
    with _PREPARE_LOCK:  # a worker with several threads builds it once, not per thread
        return _prepared(tuple(settings.lexicon_files), tuple(settings.role_files))


def _row_id(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def score_text(row_id: Any, text: Any, settings: BatchSettings,
               limits: Limits | None = None) -> dict:
    """One batch row for the resume ``text`` (its ``file`` column is ``row_id``): its
    score, or the reason it could not be scored. Never raises for a bad ``text``."""
    from .analyze import analyze
    from .read import Limits, read_text

    name = _row_id(row_id)
    limits = limits or Limits()
    try:
        if not isinstance(text, str):
            kind = "missing" if text is None or _row_id(text) == "" else type(text).__name__
            return row_from_error(name, f"no text: the text column holds {kind}, not text")
        if not text.strip():
            return row_from_error(name, "empty text")
        if len(text) > limits.max_chars:
            return row_from_error(
                name, f"text of {len(text):,} characters is more than the "
                f"{limits.max_chars:,}-character limit (Limits.max_chars); a resume is "
                "usually under 20,000")
        report = analyze(read_text(text, source=name or "<text>", limits=limits),
                         target=settings.target, today=settings.today,
                         weights=dict(settings.weights) or None,
                         lexicon_files=settings.lexicon_files,
                         role_files=settings.role_files, limits=limits)
        return row_from_report(name, report)
    except GapcheckError as exc:
        return row_from_error(name, str(exc.reason))
    except Exception as exc:  # noqa: BLE001 - one row's bug must not fail the partition
        return row_from_error(name, f"internal error: {type(exc).__name__}: {exc}")


def _frame(rows: list[dict], index: Any = None) -> pd.DataFrame:
    """Rows as a DataFrame with the batch columns and fixed dtypes (also the ``meta``)."""
    import pandas as pd

    data = {col: pd.Series([r[col] for r in rows], dtype="float64" if col in _FLOAT_COLUMNS
                           else "string", index=index) for col in COLUMNS}
    return pd.DataFrame(data, index=index, columns=list(COLUMNS))


def _score_partition(part: pd.DataFrame, id_column: str, text_column: str,
                     settings: BatchSettings, limits: Limits | None) -> pd.DataFrame:
    _prepare(settings)
    rows = [score_text(i, t, settings, limits)
            for i, t in zip(part[id_column].tolist(), part[text_column].tolist())]
    return _frame(rows, index=part.index)


def _score_paths_chunk(paths: list[tuple[str, str]], settings: BatchSettings) -> list[dict]:
    _prepare(settings)
    rows = []
    for shown, opened in paths:
        row = score_file(opened, settings)
        row["file"] = shown
        rows.append(row)
    return rows


# --- on the client -------------------------------------------------------------------


def make_settings(
    role: str | None = None,
    posting: str | os.PathLike[str] | Document | None = None,
    *,
    target: Target | None = None,
    today: date | None = None,
    weights: dict[str, float] | None = None,
    lexicon_files: Iterable[str] = (),
    role_files: Iterable[str] = (),
) -> BatchSettings:
    """Batch settings with the target worked out here, once: ``role`` by name, ``posting``
    as a file (a Path) or its text (a str or Document), or a ready ``target``."""
    from .lexicon import load_lexicon
    from .roles import load_roles
    from .target import target_from_role

    if sum(x is not None for x in (role, posting, target)) > 1:
        raise ValueError("give one of role, posting or target")
    lexicon_files = tuple(str(p) for p in lexicon_files)
    role_files = tuple(str(p) for p in role_files)
    lex = load_lexicon(lexicon_files)  # a bad file is one error here, not one per worker
    catalog = load_roles(role_files)
    if role is not None:
        target = target_from_role(catalog.find(role), lex)
    elif posting is not None:
        from .document import Document
        from .posting import requirements_from_posting

        target = requirements_from_posting(
            posting if isinstance(posting, (Document, str)) else Path(posting), lex)
    return BatchSettings(target, today, tuple(sorted((weights or {}).items())),
                         lexicon_files, role_files)


def score_dataframe(
    ddf: dd.DataFrame,
    role: str | None = None,
    posting: str | os.PathLike[str] | Document | None = None,
    text_column: str = "text",
    id_column: str = "id",
    today: date | None = None,
    *,
    target: Target | None = None,
    weights: dict[str, float] | None = None,
    lexicon_files: Iterable[str] = (),
    role_files: Iterable[str] = (),
    limits: Limits | None = None,
    settings: BatchSettings | None = None,
) -> dd.DataFrame:
    """Score the resume texts of ``ddf`` (lazily): a Dask DataFrame with the batch
    columns (``file`` = the id, ``score``, ``target``, ``years``, ``degree``,
    ``missing_required``, ``held_skills``, ``error``), one row per input row, in input
    order and with the input's index and partitions.

    The target is ``role`` (a name), ``posting`` (a Path to a file, or its text) or a
    ready ``target``; with none, each resume is scored against the role it fits best.
    It is worked out here, once. Each partition is one task; aim for about 1,000 rows
    per partition (``ddf.repartition(npartitions=...)``). A row whose text is missing,
    empty, not a string or longer than ``limits.max_chars`` gets an ``error`` and no
    score; it never fails the task. (Dask turns object columns into text unless
    ``dask.config.set({"dataframe.convert-string": False})`` is in force when ``ddf`` is
    made; ``read_table`` keeps JSON numbers as numbers, so they become error rows.)

    Example, runnable as a script from the repository root (a cluster starts worker
    processes, hence the ``__main__`` guard)::

        import dask.dataframe as dd
        import pandas as pd
        from distributed import Client, LocalCluster

        from gapcheck.distributed import score_dataframe

        if __name__ == "__main__":
            text = open("sample_resumes/src/data_analyst.txt", encoding="utf-8").read()
            table = pd.DataFrame({"id": ["a", "b", "c"], "text": [text, "", None]})
            with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, \\
                    Client(cluster):
                ddf = dd.from_pandas(table, npartitions=2)
                scored = score_dataframe(ddf, role="Data Analyst")
                print(scored[["file", "score", "error"]].compute())
                # A big table: read it in partitions, let the workers write the result.
                # score_dataframe(dd.read_parquet("resumes.parquet"), role="Data Analyst")
                #     .to_parquet("scores.parquet")

    prints::

          file  score                                             error
        0    a   91.8
        1    b    NaN                                        empty text
        2    c    NaN  no text: the text column holds missing, not text
    """
    require()
    import dask

    for col in (id_column, text_column):
        if col not in ddf.columns:
            flag = "--id-column" if col == id_column else "--text-column"
            raise GapcheckError(f"no column {col!r} in the table (its columns: "
                                f"{', '.join(map(str, ddf.columns))}); name it with {flag}")
    if settings is None:
        settings = make_settings(role, posting, target=target, today=today, weights=weights,
                                 lexicon_files=lexicon_files, role_files=role_files)
    elif any(x is not None for x in (role, posting, target)):
        raise ValueError("give settings or role/posting/target, not both")
    shared = dask.delayed(settings, pure=True)  # one key the tasks share, not 1 copy each
    return ddf[[id_column, text_column]].map_partitions(
        _score_partition, id_column, text_column, shared, limits, meta=_frame([]),
        enforce_metadata=False)


def read_table(source: str | os.PathLike[str], id_column: str = "id",
               text_column: str = "text") -> dd.DataFrame:
    """The (id, text) columns of a Parquet, JSON Lines or CSV table, in partitions of
    about ``ROWS_PER_PARTITION`` rows (or ``JSONL_BLOCKSIZE`` bytes) each."""
    source = str(source)
    suffix = next(s for s in TABLE_SUFFIXES if source.lower().rstrip("/").endswith(s))
    require(parquet=suffix == ".parquet")
    import dask.dataframe as dd

    local = "://" not in source and not any(ch in source for ch in "*?[")
    if local and not os.path.exists(source):
        raise GapcheckError("no such file", source)
    import dask

    try:
        with dask.config.set({"dataframe.convert-string": False}):  # 42 stays a number
            ddf = _read(source, suffix, dd)
    except GapcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - an unreadable table is one line, not a trace
        raise GapcheckError(f"cannot read the table: {type(exc).__name__}: {exc}",
                            source) from None
    for col in (id_column, text_column):
        if col not in ddf.columns:
            flag = "--id-column" if col == id_column else "--text-column"
            raise GapcheckError(f"no column {col!r} in the table (its columns: "
                                f"{', '.join(map(str, ddf.columns))}); name it with {flag}",
                                source)
    ddf = ddf[[id_column, text_column]]
    if suffix != ".jsonl":  # Parquet row groups and whole CSV files can be far too big
        rows = int(ddf[id_column].map_partitions(len).sum().compute())
        wanted = max(1, math.ceil(rows / ROWS_PER_PARTITION))
        if wanted > ddf.npartitions:
            ddf = ddf.repartition(npartitions=wanted)
    return ddf


def _read(source: str, suffix: str, dd: Any) -> dd.DataFrame:
    if suffix == ".parquet":
        return dd.read_parquet(source)
    if suffix == ".jsonl":
        # dtype=False keeps each value as JSON has it: "007" stays text, 42 a number.
        return dd.read_json(source, lines=True, blocksize=JSONL_BLOCKSIZE, dtype=False)
    # Resumes have line breaks inside quoted cells, so a CSV file cannot be cut at byte
    # offsets: it is read whole, then split. Parquet or JSON Lines scale better.
    return dd.read_csv(source, blocksize=None, dtype=str, keep_default_na=False)


def score_paths(
    paths: Sequence[str | os.PathLike[str]],
    settings: BatchSettings,
    client: Client,
    on_row: Callable[[dict], None] | None = None,
) -> list[dict]:
    """``batch.score_folder`` on a cluster: rows for ``paths``, ranked by score (errors
    last). Workers open the files by absolute path, so on a cluster of several machines
    the folder must be on a file system they all mount at the same place."""
    from distributed import as_completed

    pairs = [(str(p), os.path.abspath(p)) for p in paths]
    chunks = [pairs[i:i + FILES_PER_TASK] for i in range(0, len(pairs), FILES_PER_TASK)]
    rows: list[dict] = []
    if chunks:
        [shared] = client.scatter([settings], broadcast=True, hash=False)
        futures = client.map(_score_paths_chunk, chunks, settings=shared, pure=False)
        for _future, chunk_rows in as_completed(futures, with_results=True):
            for row in chunk_rows:
                rows.append(row)
                if on_row:
                    on_row(row)
    rows.sort(key=lambda r: (r["error"] != "", -(r["score"] or 0), r["file"]))
    return rows


def rows_from_frame(frame: pd.DataFrame) -> list[dict]:
    """Batch rows (plain dicts, ``None`` for a missing number) from a scored pandas
    DataFrame, in its order."""
    rows = []
    columns = {col: frame[col].tolist() for col in COLUMNS}
    for i in range(len(frame)):
        row = {}
        for col in COLUMNS:
            value = columns[col][i]
            missing = value is None or value is _na() or (isinstance(value, float)
                                                          and math.isnan(value))
            if col in _FLOAT_COLUMNS:
                row[col] = None if missing else float(value)
            else:
                row[col] = "" if missing else str(value)
        rows.append(row)
    return rows


def _na() -> Any:
    import pandas as pd

    return pd.NA


def rank(rows: list[dict]) -> list[dict]:
    """Best score first, errors last, as the local batch orders them."""
    return sorted(rows, key=lambda r: (r["error"] != "", -(r["score"] or 0), r["file"]))


# --- clusters and output -------------------------------------------------------------


def connect(scheduler: str, workers: int | None = None,
            echo: Callable[[str], None] | None = None) -> tuple[Client, Any]:
    """A client for ``scheduler`` (an address such as ``tcp://host:8786``) or, for
    ``"local"``, for a new LocalCluster of ``workers`` processes with one thread each.
    Returns (client, cluster or None); close both when done."""
    require()
    from distributed import Client, LocalCluster

    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
        if echo:
            echo(f"dashboard: {cluster.dashboard_link}{_dashboard_hint()}")
        return client, cluster
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise GapcheckError(f"cannot reach the scheduler: {exc}", scheduler) from None
    if echo:
        echo(f"dashboard: {client.dashboard_link}")
    return client, None


def _dashboard_hint() -> str:
    import importlib.util

    return "" if importlib.util.find_spec("bokeh") else " (served once bokeh is installed)"


def write_parquet_rows(rows: list[dict], output: str) -> None:
    """``rows`` as a Parquet dataset folder ``output`` (one part file), replacing it
    whole: a reader sees the old table or the new one, never half."""
    require(parquet=True)
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(_frame(rows), preserve_index=False)
    replace_dir(output, lambda tmp: pq.write_table(table, os.path.join(tmp, "part.0.parquet")))


def _write_part(part: pd.DataFrame, path: str, min_score: float | None
                ) -> tuple[int, int, int]:
    """Write one scored partition; (scored, failed, at or above min_score)."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    total, failed = len(part), int((part["error"] != "").sum())
    above = 0
    if min_score is not None:
        above = int((part["score"] >= min_score).sum())
        part = part[(part["error"] != "") | (part["score"] >= min_score)]
    table = pa.Table.from_pandas(part, preserve_index=False)
    with fsspec.open(path, "wb") as fh:
        pq.write_table(table, fh)
    return total - failed, failed, above


def write_scored_parquet(
    client: Client,
    scored: dd.DataFrame,
    output: str,
    min_score: float | None = None,
    on_part: Callable[[], None] | None = None,
) -> tuple[int, int, int]:
    """Write ``scored`` (from ``score_dataframe``) as a Parquet dataset folder
    ``output``: the workers write one part file per partition, in input order, and keep
    nothing, so a table of any size fits. Rows below ``min_score`` are left out (error
    rows stay). ``on_part`` is called as each part is written. Returns (rows scored,
    rows failed, rows at or above ``min_score``). A local ``output`` is replaced whole;
    on a cluster of several machines it must be on storage they all see (a shared file
    system, or a URL such as ``s3://bucket/scores.parquet``)."""
    require(parquet=True)
    import dask
    from distributed import as_completed

    parts = scored.to_delayed()
    width = max(5, len(str(len(parts))))
    write = dask.delayed(_write_part, pure=False)
    totals = [0, 0, 0]

    def fill(directory: str) -> None:
        futures = client.compute([write(part, f"{directory}/part.{i:0{width}d}.parquet",
                                        min_score) for i, part in enumerate(parts)])
        for _future, counts in as_completed(futures, with_results=True):
            for k in range(3):
                totals[k] += counts[k]
            if on_part:
                on_part()

    if "://" in output:
        fill(output.rstrip("/"))
    else:
        replace_dir(output, fill)
    return totals[0], totals[1], totals[2]


def compute_rows(client: Client, scored: dd.DataFrame,
                 on_part: Callable[[], None] | None = None) -> list[dict]:
    """All rows of ``scored`` here, in input order (for the CSV, JSONL and Markdown
    writers); ``on_part`` is called as each partition arrives."""
    from distributed import as_completed

    futures = client.compute(scored.to_delayed())
    order = {f.key: i for i, f in enumerate(futures)}
    frames: list[Any] = [None] * len(futures)
    for future, frame in as_completed(futures, with_results=True):
        frames[order[future.key]] = frame
        if on_part:
            on_part()
    return [row for frame in frames for row in rows_from_frame(frame)]


def replace_dir(output: str, fill: Callable[[str], None]) -> None:
    """Make a sibling temporary folder, ``fill`` it, and swap it in for ``output``."""
    target = Path(output)
    parent = target.parent if str(target.parent) else Path(".")
    tmp = parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    old = None
    try:
        tmp.mkdir()
        fill(str(tmp))
        if target.is_dir() and not target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            os.replace(target, old / "x")
        elif target.exists() or target.is_symlink():
            target.unlink()  # a file where the table goes: -o replaces it, as for CSV
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not target.exists() and (old / "x").exists():
            os.replace(old / "x", target)  # put the previous table back
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
