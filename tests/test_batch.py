"""``gapcheck batch``: one row per file, good and hostile alike, and nothing blocks.

Scores drift while the matcher is tuned, so rows are compared with each other, never
with fixed numbers.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import _docgen as gen
import pytest
from click.testing import CliRunner

from gapcheck.batch import BatchSettings, iter_resumes, score_file, write_atomically
from gapcheck.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_resumes"
ML_ROLE = "Machine Learning Engineer"
GOOD = {  # copied into the folder; ml_engineer must outrank frontend_engineer for ML_ROLE
    "ml_engineer.pdf": "ml_engineer.pdf",
    "frontend_engineer.docx": "frontend_engineer.docx",
    "data_scientist.pdf": "data_scientist.pdf",
    "sub/electrician.txt": "electrician.txt",
}
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def never_hang():
    """Fail a test that blocks (a FIFO opened for reading waits for a writer for ever)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def hung(signum, frame):
        raise TimeoutError("the batch blocked for 40 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(40)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _truncated_pdf() -> bytes:
    full = gen.make_pdf([[(50, 700, "Jane Doe")], [(50, 700, "SKILLS")]])
    return full[: len(full) // 2]


def build_folder(root: Path) -> dict[str, str]:
    """Fill ``root`` with good and hostile files; return {relative path: expected error
    fragment} for every file a recursive batch must give a row ("" for a good one)."""
    expected = {}
    (root / "sub").mkdir()
    for rel, sample in GOOD.items():
        shutil.copy(SAMPLES / sample, root / rel)
        expected[rel] = ""
    broken = {
        "encrypted.pdf": (gen.make_pdf([[(50, 700, "Jane Doe")]], encrypt=True), "password"),
        "truncated.pdf": (_truncated_pdf(), "truncated"),
        "empty.txt": (b"", "empty"),
        "junk.pdf": (bytes(range(256)) * 16, "binary data"),
        "scan.pdf": (gen.make_pdf([gen.IMAGE_PAGE]), "OCR"),
        "sub/archive.docx": (gen.plain_zip(), "not a DOCX"),
    }
    for rel, (data, reason) in broken.items():
        (root / rel).write_bytes(data)
        expected[rel] = reason
    gen.zip_bomb_docx(str(root / "bomb.docx"), megabytes=60)
    expected["bomb.docx"] = "compression bomb"
    with open(root / "huge.txt", "wb") as fh:  # sparse: 11 MB on paper, nothing on disk
        fh.truncate(11 * 1024 * 1024)
    expected["huge.txt"] = "byte limit"
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.pdf")
        expected["pipe.pdf"] = "not a regular file"
    try:
        os.symlink("nowhere.pdf", root / "dangling.pdf")
        expected["dangling.pdf"] = "No such file"
        os.symlink("selfloop.txt", root / "selfloop.txt")
        expected["selfloop.txt"] = "symbolic links"
        os.symlink("..", root / "sub" / "loop", target_is_directory=True)  # never followed
    except (OSError, NotImplementedError):
        pass
    if not IS_ROOT and hasattr(os, "geteuid"):  # root reads a chmod 000 file anyway
        locked = root / "locked.txt"
        locked.write_text("Jane Doe\nSKILLS\nPython", encoding="utf-8")
        locked.chmod(0)
        expected["locked.txt"] = "permission denied"
    # Not resumes, so no rows: other suffixes, hidden files, a hidden folder.
    (root / "notes.xyz").write_text("Python", encoding="utf-8")
    (root / ".hidden.txt").write_text("Python", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    return expected


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("resumes")
    expected = build_folder(root)
    yield root, expected
    for path in root.rglob("*"):  # let pytest clean up the chmod 000 file
        if path.is_file() and not path.is_symlink():
            path.chmod(0o644)


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: object):
        result = runner.invoke(main, [str(a) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception, result.output)
        assert "Traceback" not in result.output
        return result

    return invoke


def relative(rows: list[dict], root: Path) -> dict[str, dict]:
    return {Path(r["file"]).relative_to(root).as_posix(): r for r in rows}


def check_rows(rows: list[dict], root: Path, expected: dict[str, str]) -> None:
    """One row per file; good ones scored and first, ranked; bad ones with their reason."""
    by_file = relative(rows, root)
    assert len(by_file) == len(rows), "one row per file"
    assert set(by_file) == set(expected)
    assert not any("loop/" in name for name in by_file), "a symlinked folder is not followed"
    for name, reason in expected.items():
        row = by_file[name]
        if reason:
            assert row["score"] in (None, ""), name
            assert reason.lower() in row["error"].lower(), (name, row["error"])
            assert "internal error" not in row["error"], (name, row["error"])
        else:
            assert row["error"] == "", (name, row["error"])
            assert 0 <= float(row["score"]) <= 100
            assert row["target"] == ML_ROLE
    scores = [float(r["score"]) for r in rows if not r["error"]]
    assert scores == sorted(scores, reverse=True)
    assert all(not r["error"] for r in rows[:len(scores)]), "errors come last"
    assert float(by_file["ml_engineer.pdf"]["score"]) > float(
        by_file["frontend_engineer.docx"]["score"])


def summary(stderr: str) -> tuple[int, int]:
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("scored "), stderr
    scored, failed = (int(part.split()[1]) for part in last.split(",")[:2])
    return scored, failed


def good_and_bad(expected: dict[str, str], recursive: bool = True) -> tuple[int, int]:
    chosen = [reason for name, reason in expected.items() if recursive or "/" not in name]
    return sum(1 for r in chosen if not r), sum(1 for r in chosen if r)


def test_csv_to_a_file_with_two_workers(cli, folder, tmp_path):
    root, expected = folder
    out = tmp_path / "ranked.csv"
    result = cli("batch", root, "--role", ML_ROLE, "--recursive", "--workers", "2",
                 "-f", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert summary(result.stderr) == good_and_bad(expected)
    assert os.listdir(tmp_path) == ["ranked.csv"], "no temporary file left behind"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    check_rows(rows, root, expected)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "markdown"])
def test_formats_on_stdout(cli, folder, fmt):
    root, expected = folder
    result = cli("batch", root, "-r", ML_ROLE, "-R", "-w", "1", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        lines = result.stdout.splitlines()
        assert lines[0].startswith("| file | score |") and lines[1].startswith("|---|--:|")
        header = [c.strip() for c in lines[0].strip("|").split("|")]
        rows = [dict(zip(header, (c.strip() for c in line.strip("|").split(" | "))))
                for line in lines[2:] if line]
        for row in rows:  # undo the Markdown escapes in what the checks look at
            row["file"] = row["file"].replace("\\_", "_")
    check_rows(rows, root, expected)


def test_workers_give_the_same_rows_as_one_process(cli, folder):
    root, _ = folder
    one = cli("batch", root, "-r", ML_ROLE, "-R", "-w", "1", "-f", "jsonl")
    many = cli("batch", root, "-r", ML_ROLE, "-R", "-w", "3", "-f", "jsonl")
    assert one.exit_code == many.exit_code == 0
    assert one.stdout == many.stdout


def test_not_recursive_stays_in_the_folder(cli, folder):
    root, expected = folder
    result = cli("batch", root, "-r", ML_ROLE, "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(relative(rows, root)) == {name for name in expected if "/" not in name}
    assert summary(result.stderr) == good_and_bad(expected, recursive=False)


def test_min_score_keeps_rows_at_or_above_it(cli, folder):
    root, _ = folder
    every = cli("batch", root, "-r", ML_ROLE, "-R", "-f", "jsonl")
    scores = sorted(json.loads(line)["score"] for line in every.stdout.splitlines()
                    if not json.loads(line)["error"])
    cut = (scores[0] + scores[-1]) / 2
    result = cli("batch", root, "-r", ML_ROLE, "-R", "-f", "jsonl", "--min-score", cut)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    kept = [r["score"] for r in rows if not r["error"]]
    assert kept == [s for s in reversed(scores) if s >= cut]
    assert sum(1 for r in rows if r["error"]) == summary(result.stderr)[1], "errors stay"
    none = cli("batch", root, "-r", ML_ROLE, "-R", "-f", "jsonl", "--min-score", "100.5")
    assert none.exit_code == 1
    assert all(json.loads(line)["error"] for line in none.stdout.splitlines())


def test_no_target_scores_each_against_its_suggested_role(cli, tmp_path):
    shutil.copy(SAMPLES / "ml_engineer.pdf", tmp_path)
    shutil.copy(SAMPLES / "registered_nurse.docx", tmp_path)
    result = cli("batch", tmp_path, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    targets = {Path(r["file"]).name: r["target"]
               for r in map(json.loads, result.stdout.splitlines())}
    assert targets["ml_engineer.pdf"] == ML_ROLE
    assert "Nurse" in targets["registered_nurse.docx"]


def test_posting_as_the_target(cli, tmp_path):
    posting = tmp_path / "job.txt"
    posting.write_text("Machine Learning Engineer\nRequirements:\n- Python\n- PyTorch\n"
                       "- Machine Learning\nNice to have:\n- React\n", encoding="utf-8")
    resumes = tmp_path / "in"
    resumes.mkdir()
    for name in ("ml_engineer.pdf", "frontend_engineer.docx"):
        shutil.copy(SAMPLES / name, resumes)
    result = cli("batch", resumes, "--posting", posting, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["ml_engineer.pdf",
                                                    "frontend_engineer.docx"]


def test_empty_folder(cli, tmp_path):
    result = cli("batch", tmp_path, "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "file,score,target,years,degree,missing_required,held_skills,error"]
    assert summary(result.stderr) == (0, 0)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                    reason="needs a file system that takes any bytes in a name")
def test_file_name_that_is_not_utf8(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    shutil.copy(SAMPLES / "electrician.txt", folder / name)
    out = tmp_path / "ranked.csv"
    result = cli("batch", folder, "-o", out)
    assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8-sig", newline="") as fh:  # valid UTF-8 throughout
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1 and rows[0]["error"] == "" and "caf" in rows[0]["file"]


# --- errors that stop a batch before it starts: one line, exit 2 ----------------------


@pytest.mark.parametrize(("args", "fragments"), [
    (["batch", "no-such-folder"], ["gapcheck: no-such-folder: not a folder"]),
    (["batch", "{file}"], ["gapcheck: ", "not a folder"]),
    (["batch", "{dir}", "--role", "xyzzy plumbus"], ["'xyzzy plumbus'", "closest: "]),
    (["batch", "{dir}", "--role-file", "{bad}", "-w", "2"],
     ["gapcheck: ", "bad.toml", "cannot read role file"]),
    (["batch", "{dir}", "--lexicon", "{bad}"], ["gapcheck: ", "bad.toml", "lexicon"]),
    (["batch", "{dir}", "--posting", "missing.txt"], ["gapcheck: missing.txt: no such file"]),
    (["batch", "{dir}", "--role", ML_ROLE, "--posting", "{file}"], ["not both"]),
    (["batch", "{dir}", "--workers", "0"], ["--workers"]),
], ids=["missing", "a-file", "unknown-role", "bad-role-file", "bad-lexicon", "no-posting",
        "role-and-posting", "zero-workers"])
def test_errors_before_the_batch(cli, tmp_path, monkeypatch, args, fragments):
    monkeypatch.chdir(tmp_path)
    for name in ("cv.txt", "cv2.txt"):  # two, so that -w 2 would start a pool
        (tmp_path / name).write_text("Jane Doe\nSKILLS\nPython", encoding="utf-8")
    (tmp_path / "bad.toml").write_text("[[[", encoding="utf-8")
    subs = {"file": str(tmp_path / "cv.txt"), "dir": str(tmp_path), "bad": "bad.toml"}
    result = cli(*(a.format(**subs) for a in args))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in result.stderr


# --- the library below the command ---------------------------------------------------


def test_iter_resumes_skips_what_is_not_a_resume(folder):
    root, expected = folder
    found = {p.relative_to(root).as_posix() for p in iter_resumes(root, recursive=True)}
    assert found == set(expected)
    assert list(iter_resumes(root, recursive=True)) == list(iter_resumes(root, True))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_never_opened(tmp_path):
    fifo = tmp_path / "cv.pdf"
    os.mkfifo(fifo)
    row = score_file(fifo, BatchSettings(None))
    assert row["score"] is None and "not a regular file" in row["error"]


def test_write_atomically_keeps_the_old_file_when_it_fails(tmp_path, monkeypatch):
    out = tmp_path / "ranked.csv"
    write_atomically(out, "old\n")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(out, "new\n")
    assert out.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["ranked.csv"]


# --- real processes ------------------------------------------------------------------


def test_batch_in_a_real_process(folder, tmp_path):
    root, expected = folder
    script = shutil.which("gapcheck")
    if script is None:
        pytest.skip("the gapcheck script is not installed; run `pip install -e .`")
    out = tmp_path / "ranked.csv"
    proc = subprocess.run([script, "batch", str(root), "--role", ML_ROLE, "-R", "-w", "2",
                           "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert summary(proc.stderr) == good_and_bad(expected)
    assert os.listdir(tmp_path) == ["ranked.csv"]
    with open(out, encoding="utf-8-sig", newline="") as fh:
        check_rows(list(csv.DictReader(fh)), root, expected)


def test_batch_error_with_python_m(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "gapcheck", "batch", str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip() == f"gapcheck: {tmp_path / 'nope'}: not a folder"
