"""Score every resume in a folder, in parallel processes, one row per file.

A bad file gives a row with its error instead of a score; nothing a file does can stop
the batch or lose another file's row. Rows stream back as files finish, so memory stays
flat however large the folder: only the small row dicts are kept, for ranking.
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import GapcheckError
from .target import Target

#: Files a batch looks at; anything else in the folder is not a resume.
RESUME_SUFFIXES = {".pdf", ".docx", ".doc", ".txt", ".md", ".markdown", ".text", ".rtf",
                   ".odt"}


@dataclass(frozen=True)
class BatchSettings:
    target: Target | None
    today: date | None = None
    weights: tuple[tuple[str, float], ...] = ()
    lexicon_files: tuple[str, ...] = ()
    role_files: tuple[str, ...] = ()


def iter_resumes(folder: str | os.PathLike[str], recursive: bool = False) -> Iterator[Path]:
    """Resume files under ``folder`` in a stable order, without following symlinked folders
    (so a symlink loop cannot trap the walk) and without opening anything."""
    root = Path(folder)
    if not root.is_dir():
        raise GapcheckError("not a folder", str(root))
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if recursive else []
        for name in sorted(filenames):
            if not name.startswith(".") and Path(name).suffix.lower() in RESUME_SUFFIXES:
                yield Path(dirpath) / name


def score_file(path: str | os.PathLike[str], settings: BatchSettings) -> dict:
    """One batch row for ``path``: its score, or the reason it could not be scored."""
    from .render.tabular import row_from_error, row_from_report

    try:
        problem = _not_a_file(Path(path))
        if problem:
            raise GapcheckError(problem, str(path))
        from .analyze import analyze

        report = analyze(path, target=settings.target, today=settings.today,
                         weights=dict(settings.weights) or None,
                         lexicon_files=settings.lexicon_files, role_files=settings.role_files)
        return row_from_report(str(path), report)
    except GapcheckError as exc:
        return row_from_error(str(path), str(exc.reason))
    except Exception as exc:  # noqa: BLE001 - one file's bug must not lose the batch
        return row_from_error(str(path), f"internal error: {type(exc).__name__}: {exc}")


def _not_a_file(path: Path) -> str | None:
    try:
        st = path.stat()  # follows a symlink; a dangling or looping one fails here
    except OSError as exc:
        return f"cannot open: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, device or socket is never read)"
    if not os.access(path, os.R_OK):
        return "permission denied"
    return None


_SETTINGS: BatchSettings | None = None


def _init_worker(settings: BatchSettings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    # Warm the per-process caches once, not per file.
    from .lexicon import load_lexicon
    from .roles import load_roles

    load_lexicon(settings.lexicon_files)
    load_roles(settings.role_files)


def _score_in_worker(path: str) -> dict:
    assert _SETTINGS is not None
    return score_file(path, _SETTINGS)


def score_folder(
    paths: list[Path],
    settings: BatchSettings,
    workers: int | None = None,
    on_row: Callable[[dict], None] | None = None,
) -> list[dict]:
    """Rows for ``paths`` ranked by score (errors last), scored in ``workers`` processes.

    ``on_row`` is called as each row arrives (for a progress bar).
    """
    workers = max(1, workers or min(len(paths), os.cpu_count() or 1))
    rows: list[dict] = []
    # Here first: a bad lexicon or role file raises once in this process (a failing pool
    # initializer would restart workers for ever), and forked workers start warm.
    _init_worker(settings)
    if workers == 1 or len(paths) < 2:
        results: Iterator[dict] = (_score_in_worker(str(p)) for p in paths)
        for row in results:
            rows.append(row)
            if on_row:
                on_row(row)
    else:
        import multiprocessing

        # Forked workers share the caches loaded above; elsewhere each loads once.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(workers, _init_worker, (settings,), maxtasksperchild=500) as pool:
            for row in pool.imap_unordered(_score_in_worker, [str(p) for p in paths],
                                           chunksize=4):
                rows.append(row)
                if on_row:
                    on_row(row)
    rows.sort(key=lambda r: (r["error"] != "", -(r["score"] or 0), r["file"]))
    return rows


def write_atomically(path: str | os.PathLike[str], data: str, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` so that a reader never sees half a file.

    The file gets the mode a plain ``open()`` would give it (mkstemp's is 0600), or keeps
    the mode of the file it replaces. Characters the encoding cannot hold, such as the
    undecodable bytes of a file name, are written as backslash escapes.
    """
    target = Path(path)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors="backslashreplace",
                       newline="") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
