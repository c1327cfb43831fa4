"""Batch throughput: the local process pool on files vs a Dask LocalCluster on a table.

    python benchmarks/bench_distributed.py                 # 1,000 and 10,000 resumes
    python benchmarks/bench_distributed.py --sizes 1000    # quicker

Prints a table: resumes per second for ``score_folder`` (2 processes, one text file per
resume) and for ``gapcheck.distributed`` on a LocalCluster (2 worker processes, one
thread each) reading the same resumes from a Parquet table and writing a Parquet result;
peak memory per worker; and the one-time cost of building the matcher in a fresh
worker. Needs the distributed extra (pip install "gapcheck[distributed]").
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from _corpus import varied_texts  # noqa: E402  (the same corpus the tests score)

ROLE = "Data Analyst"
TODAY = date(2026, 11, 1)
WORKERS = 2


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KB on Linux)."""
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _build_matcher() -> float:
    """Seconds to build the lexicon and run a first find_skills, in this process."""
    t = time.perf_counter()
    from gapcheck import find_skills, read_text
    from gapcheck.lexicon import load_lexicon

    lex = load_lexicon()
    find_skills(read_text("Skills: Python, SQL, Excel pivot tables"), lex)
    return time.perf_counter() - t


def bench_local(texts: list[str], work: Path) -> tuple[float, float]:
    """(resumes/s, peak MB of the largest pool process) for score_folder on files."""
    import subprocess

    folder = work / f"files-{len(texts)}"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"cv-{i:05d}.txt").write_text(text, encoding="utf-8")
    # A fresh process, so that RUSAGE_CHILDREN sees only this batch's pool workers.
    code = (
        "import resource, sys, time\n"
        "from gapcheck.batch import iter_resumes, score_folder\n"
        "from gapcheck.distributed import make_settings\n"
        f"s = make_settings({ROLE!r}, today=__import__('datetime').date(2026, 11, 1))\n"
        f"paths = list(iter_resumes({str(folder)!r}))\n"
        "t = time.perf_counter()\n"
        f"rows = score_folder(paths, s, workers={WORKERS})\n"
        "dt = time.perf_counter() - t\n"
        "assert len(rows) == len(paths) and not any(r['error'] for r in rows)\n"
        "kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(len(paths) / dt, kb / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    shutil.rmtree(folder)
    return float(out[0]), float(out[1])


def bench_cluster(client, texts: list[str], work: Path) -> float:
    """Resumes/s for Parquet in -> score on the cluster -> Parquet out (by the workers)."""
    import pandas as pd

    from gapcheck.distributed import (
        make_settings,
        read_table,
        score_dataframe,
        write_scored_parquet,
    )

    table = work / f"resumes-{len(texts)}.parquet"
    pd.DataFrame({"id": [f"cv-{i:05d}" for i in range(len(texts))], "text": texts}
                 ).to_parquet(table)
    out = work / f"scores-{len(texts)}.parquet"
    t = time.perf_counter()
    settings = make_settings(ROLE, today=TODAY)
    scored = score_dataframe(read_table(table), settings=settings)
    write_scored_parquet(client, scored, str(out))  # what `gapcheck batch -f parquet` does
    dt = time.perf_counter() - t
    written = pd.read_parquet(out)
    assert len(written) == len(texts) and (written["error"] == "").all()
    return len(texts) / dt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    results: list[tuple[str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="gapcheck-bench-"))
    try:
        texts = varied_texts(max(args.sizes))

        t = time.perf_counter()
        cluster = LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True,
                               dashboard_address=":0")
        client = Client(cluster)
        client.wait_for_workers(WORKERS)
        start_s = time.perf_counter() - t
        build = client.run(_build_matcher)  # fresh workers: nothing built yet
        again = client.run(_build_matcher)  # the per-process caches now hold it
        results.append((f"LocalCluster start, {WORKERS} workers (s)", f"{start_s:.2f}"))
        results.append(("matcher build in a fresh worker: load_lexicon + first find_skills"
                         " (s, per worker)",
                         " / ".join(f"{v:.2f}" for v in build.values())))
        results.append(("same call again in that worker (s)",
                         " / ".join(f"{v:.3f}" for v in again.values())))
        bench_cluster(client, texts[:200], work)  # warm: imports, the target's roles

        for n in args.sizes:
            rate, peak = bench_local(texts[:n], work)
            results.append((f"local batch, score_folder, {WORKERS} processes, {n:,} files "
                            "(resumes/s)", f"{rate:.1f}"))
            results.append((f"  peak memory of a pool process, {n:,} files (MB)",
                            f"{peak:.0f}"))
        for n in args.sizes:
            rate = bench_cluster(client, texts[:n], work)
            peaks = client.run(_peak_rss_mb)
            results.append((f"LocalCluster, {WORKERS} workers, {n:,} rows Parquet -> "
                            "Parquet (resumes/s)", f"{rate:.1f}"))
            results.append((f"  peak memory per worker after {n:,} rows (MB)",
                            " / ".join(f"{v:.0f}" for v in peaks.values())))
        client.close()
        cluster.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(name) for name, _ in results)
    print(f"{'benchmark':<{width}}  value")
    print(f"{'-' * width}  -----")
    for name, value in results:
        print(f"{name:<{width}}  {value}")
    print(f"\n{os.cpu_count()} cores; Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
