"""``gapcheck batch --scheduler`` and ``gapcheck.distributed``: a real two-process Dask
cluster gives the same rows as scoring here, and no row can fail a task.

Scores drift while the matcher is tuned, so the cluster's rows are compared with rows
scored locally, never with fixed numbers.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_resumes"
TODAY = date(2026, 11, 1)
ROLE = "Data Analyst"
INSTALL_LINE = 'gapcheck: install the distributed extra: pip install "gapcheck[distributed]"\n'


def test_gapcheck_never_imports_dask():
    """The one-resume paths stay light: no dask, distributed, pyarrow or pandas."""
    code = (
        "import sys, gapcheck\n"
        "gapcheck.analyze('sample_resumes/data_analyst.txt', role='Data Analyst')\n"
        "from gapcheck.cli import main\n"
        "for args in (['sample_resumes/data_analyst.txt', '--role', 'Data Analyst'],\n"
        "             ['batch', 'sample_resumes', '-w', '1']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, exit.code\n"
        "heavy = [m for m in ('dask', 'distributed', 'pyarrow', 'pandas') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize("args", [
    ["batch", "{table}"],
    ["batch", "{folder}", "--scheduler", "local"],
    ["batch", "{folder}", "--scheduler", "tcp://127.0.0.1:1"],
    ["batch", "{folder}", "-f", "parquet", "-o", "{out}"],
], ids=["table", "scheduler-local", "scheduler-address", "parquet-output"])
def test_without_dask_one_line_and_exit_2(monkeypatch, tmp_path, args):
    (tmp_path / "t.jsonl").write_text('{"id": "a", "text": "Skills: Python"}\n',
                                      encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.txt").write_text("Jane Doe\nSKILLS\nPython", encoding="utf-8")
    for name in ("dask", "dask.dataframe", "distributed", "pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)  # ``import dask`` raises ImportError
    subs = {"table": tmp_path / "t.jsonl", "folder": tmp_path / "in", "out": tmp_path / "o"}
    result = CliRunner().invoke(main, [a.format(**subs) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr == INSTALL_LINE
    assert result.stdout == ""


# --- on a real cluster ---------------------------------------------------------------

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")

import dask  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402
from _corpus import varied_texts  # noqa: E402

from gapcheck import analyze, read_text  # noqa: E402
from gapcheck.batch import BatchSettings, iter_resumes, score_folder  # noqa: E402
from gapcheck.distributed import (  # noqa: E402
    make_settings,
    read_table,
    rows_from_frame,
    score_dataframe,
    score_paths,
)
from gapcheck.render.tabular import COLUMNS, row_from_report  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                           dashboard_address=":0")
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def settings() -> BatchSettings:
    return make_settings(ROLE, today=TODAY)


def local_row(row_id: str, text: str, settings: BatchSettings) -> dict:
    report = analyze(read_text(text, source=row_id), target=settings.target, today=TODAY)
    return row_from_report(row_id, report)


def test_folder_on_the_cluster_gives_the_local_rows(client, settings):
    paths = list(iter_resumes(SAMPLES))
    assert len(paths) >= 8
    here = score_folder(paths, settings, workers=1)
    there = score_paths(paths, settings, client)
    assert there == here


def test_2000_resumes_from_parquet_match_local_scoring(client, settings, tmp_path):
    texts = varied_texts(2000)
    table = pd.DataFrame({"id": [f"cv-{i:04d}" for i in range(2000)], "text": texts})
    table.to_parquet(tmp_path / "resumes.parquet", row_group_size=500)
    ddf = read_table(tmp_path / "resumes.parquet")
    assert ddf.npartitions >= 2, "shared out across the workers"
    scored = client.compute(score_dataframe(ddf, role=ROLE, today=TODAY)).result()
    assert list(scored.columns) == list(COLUMNS)
    rows = rows_from_frame(scored)
    assert [r["file"] for r in rows] == list(table["id"]), "one row per input row, in order"
    assert all(r["error"] == "" for r in rows), [r for r in rows if r["error"]][:3]
    assert len({r["score"] for r in rows}) > 20, "the texts vary"
    for i in range(0, 2000, 8):  # a deterministic sample of 250, scored here
        assert rows[i] == local_row(f"cv-{i:04d}", texts[i], settings), i
    # The lexicon and matcher were built once per worker process, then reused.
    built = client.run(lambda: __import__("gapcheck.distributed").distributed
                       ._prepared.cache_info().misses)
    assert set(built.values()) == {1}, built


def test_broken_rows_become_error_rows(client, settings, tmp_path):
    good = varied_texts(6, seed=3)
    cases = [  # (id, text, expected error fragment; "" for a good row)
        ("g0", good[0], ""), ("none", None, "missing"), ("empty", "", "empty text"),
        ("blank", " \n\t ", "empty text"), ("g1", good[1], ""),
        ("huge", good[2] * (5_000_000 // len(good[2]) + 1), "Limits.max_chars"),
        ("int", 42, "int"), ("nan", float("nan"), "missing"), ("g2", good[3], ""),
        ("float", 3.5, "float"), ("bytes", b"Skills: Python", "bytes"), ("g3", good[4], ""),
    ]
    frame = pd.DataFrame({"id": [c[0] for c in cases],
                          "text": pd.Series([c[1] for c in cases], dtype=object)})
    with dask.config.set({"dataframe.convert-string": False}):  # else 42 becomes "42"
        ddf = dd.from_pandas(frame, npartitions=3)
    scored = client.compute(score_dataframe(ddf, settings=settings)).result()
    rows = {r["file"]: r for r in rows_from_frame(scored)}
    assert list(rows) == [c[0] for c in cases]
    for row_id, text, reason in cases:
        row = rows[row_id]
        if reason:
            assert row["score"] is None and reason in row["error"], (row_id, row["error"])
            assert "internal error" not in row["error"]
        else:
            assert row == local_row(row_id, text, settings)

    # The same from files: JSON Lines keeps a number a number, Parquet keeps a None.
    with open(tmp_path / "t.jsonl", "w", encoding="utf-8") as fh:
        for row_id, text in [("a", good[0]), ("b", 42), ("c", None), ("d", ""), ("e", good[5]),
                             ("007", ["a list"])]:
            fh.write(json.dumps({"id": row_id, "text": text}) + "\n")
    pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [good[0], None, "", good[2] * 2000]}
                 ).to_parquet(tmp_path / "t.parquet")
    for name, bad in [("t.jsonl", {"b", "c", "d", "007"}), ("t.parquet", {"b", "c", "d"})]:
        out = client.compute(score_dataframe(read_table(tmp_path / name),
                                             settings=settings)).result()
        got = {r["file"]: r for r in rows_from_frame(out)}
        assert {k for k, r in got.items() if r["error"]} == bad, (name, got)
        assert all(r["score"] is not None for k, r in got.items() if k not in bad)


def test_cli_table_to_parquet_on_a_local_cluster(tmp_path):
    texts = varied_texts(30, seed=7)
    texts[5] = ""
    pd.DataFrame({"key": [f"r{i}" for i in range(30)], "body": texts}).to_parquet(
        tmp_path / "table.parquet")
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(main, [
        "batch", str(tmp_path / "table.parquet"), "--scheduler", "local", "--workers", "2",
        "--role", ROLE, "--today", TODAY.isoformat(), "--id-column", "key",
        "--text-column", "body", "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("dashboard: http"), lines
    assert lines[-1].startswith("scored 29, failed 1, "), lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.parquet", "table.parquet"], \
        "no temporary folder left behind"
    written = pd.read_parquet(out)
    assert list(written.columns) == list(COLUMNS)
    assert list(written["file"]) == [f"r{i}" for i in range(30)]
    assert written.loc[5, "error"] == "empty text"
    settings = make_settings(ROLE, today=TODAY)
    for i in (0, 17, 29):
        assert rows_from_frame(written.iloc[[i]]) == [local_row(f"r{i}", texts[i], settings)]

    # Again into the same place, as CSV ranked like the local batch.
    again = CliRunner().invoke(main, [
        "batch", str(tmp_path / "table.parquet"), "--scheduler", "local", "-w", "2",
        "-r", ROLE, "--today", TODAY.isoformat(), "--id-column", "key",
        "--text-column", "body", "-f", "csv"])
    assert again.exit_code == 0, again.output
    csv_rows = again.stdout.splitlines()
    assert csv_rows[0] == ",".join(COLUMNS) and len(csv_rows) == 31
    assert csv_rows[-1].startswith("r5,,"), "the error row comes last"
