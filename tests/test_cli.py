"""The ``gapcheck`` command, in process (click's CliRunner) and as real processes.

Scores drift while the matcher is tuned, so these tests compare scores with each other
and never with fixed numbers.
"""
from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import _docgen as gen
import pytest
from click.testing import CliRunner

from gapcheck import __version__
from gapcheck.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_resumes"
ML = SAMPLES / "ml_engineer.pdf"
FRONTEND = SAMPLES / "frontend_engineer.docx"
ANSI = re.compile(r"\x1b\[")
TIMEOUT = 60  # seconds for one real process; they take a few


def gapcheck_command() -> list[str]:
    """The installed ``gapcheck`` script (``pip install -e .``)."""
    script = shutil.which("gapcheck")
    if script is None:
        pytest.skip("the gapcheck script is not installed; run `pip install -e .`")
    return [script]


MODULE = [sys.executable, "-m", "gapcheck"]


def run_process(command: list[str], *args: object, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True,
                          timeout=TIMEOUT, **kwargs)


@pytest.fixture
def cli() -> Callable[..., object]:
    runner = CliRunner()

    def invoke(*args: object, **kwargs):
        result = runner.invoke(main, [str(a) for a in args], **kwargs)
        # Only a deliberate exit, never an exception that escaped the command.
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception, result.output)
        return result

    return invoke


def report_json(cli, *args: object) -> dict:
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- small files written by the tests ------------------------------------------------

POSTING = """Senior Data Engineer
Requirements:
- 3+ years of Python
- SQL and Apache Spark
Nice to have:
- Kubernetes
"""

LEXICON = """[[skill]]
name = "Quux Tuning"
category = "concept"
aliases = ["quuxtune"]
"""

ROLES = """[[ladder]]
id = "quux-wrangler"
name = "Quux Wrangler"
description = "Wrangles quux."
aliases = ["Quux Herder"]
skills.required = ["Quux Tuning", "Python"]
skills.preferred = ["SQL"]

[[ladder.levels]]
title = "Quux Wrangler"
years_min = 0
years_max = 3
"""

QUUX_RESUME = """Jane Doe
SKILLS
Python, SQL, quuxtune
EXPERIENCE
Quux Wrangler, Acme Corp, January 2020 - Present
"""


@pytest.fixture
def quux(tmp_path: Path) -> dict[str, Path]:
    files = {"resume": ("cv.txt", QUUX_RESUME), "lexicon": ("skills.toml", LEXICON),
             "roles": ("roles.toml", ROLES), "posting": ("job.txt", POSTING)}
    out = {}
    for key, (name, text) in files.items():
        out[key] = tmp_path / name
        out[key].write_text(text, encoding="utf-8")
    return out


# --- one resume ---------------------------------------------------------------------


def test_no_target_scores_against_the_suggested_role(cli):
    data = report_json(cli, ML)
    assert data["target"]["kind"] == "suggested"
    assert data["target"]["title"] == "Machine Learning Engineer"
    assert "No target given" in data["target"]["note"]
    assert data["suggested_roles"], "the suggestions the target came from"
    text = cli(ML)
    assert text.exit_code == 0
    assert "suggested role" in text.stdout


def test_fuzzy_role_name_says_which_role_it_took(cli):
    query = "AI and Machine Learning Engineer"
    result = cli(ML, "--role", query)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())  # the note may be wrapped
    assert "nearest match" in flat and query in flat
    data = report_json(cli, ML, "-r", query)
    assert (data["target"]["kind"], data["target"]["query"]) == ("role", query)
    assert data["target"]["title"] == "Machine Learning Engineer"


def test_scores_rank_resumes_by_fit(cli):
    def score(resume: Path, role: str) -> float:
        return report_json(cli, resume, "--role", role)["fit"]["score"]

    assert score(ML, "Machine Learning Engineer") > score(FRONTEND, "Machine Learning Engineer")
    assert score(FRONTEND, "Frontend Engineer") > score(ML, "Frontend Engineer")


def test_posting_file_is_the_target(cli, quux):
    data = report_json(cli, SAMPLES / "data_scientist.pdf", "--posting", quux["posting"])
    assert data["target"]["kind"] == "posting"
    asked = {s["name"]: s["required"] for s in data["fit"]["skills"]}
    assert asked.get("Python") is True
    assert asked.get("Kubernetes") is False


def test_missing_posting_file_is_an_error_not_a_posting(cli, tmp_path):
    # A str posting is text to analyze(); the CLI must pass the file as a path.
    missing = tmp_path / "nope.txt"
    result = cli(ML, "--posting", missing)
    assert result.exit_code == 2
    assert result.stderr.startswith("gapcheck: ") and "nope.txt" in result.stderr
    assert "no such file" in result.stderr


@pytest.mark.parametrize(("fmt", "looks_like"), [
    ("text", lambda out: "Fit" in out and "How the score is made" in out),
    ("json", lambda out: json.loads(out)["schema_version"]),
    ("markdown", lambda out: out.lstrip().startswith("#") and "|" in out),
    ("html", lambda out: "<html" in out.lower() and "</html>" in out.lower()),
])
def test_formats(cli, fmt, looks_like):
    result = cli(ML, "--role", "Machine Learning Engineer", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert looks_like(result.stdout)
    assert not ANSI.search(result.stdout)


def test_output_file_is_written_atomically(cli, tmp_path):
    out = tmp_path / "report.html"
    old_umask = os.umask(0o022)
    try:
        result = cli(ML, "-f", "html", "-o", out)
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "</html>" in out.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["report.html"], "no temporary file left behind"
    assert out.stat().st_mode & 0o777 == 0o644, "the mode of a plain open(), not 0600"
    # Replacing a file keeps its mode.
    out.chmod(0o640)
    assert cli(ML, "-f", "text", "-o", out).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640
    assert "How the score is made" in out.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["report.html"]


def test_output_file_that_cannot_be_written(cli, tmp_path):
    out = tmp_path / "no-such-dir" / "report.txt"
    result = cli(ML, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"gapcheck: {out}: cannot write: No such file or directory"


def test_min_score_sets_the_exit_code(cli):
    below = cli(ML, "--role", "Machine Learning Engineer", "--min-score", "100.5")
    assert below.exit_code == 1
    assert "How the score is made" in below.stdout, "the report is still shown"
    assert cli(ML, "--role", "Machine Learning Engineer", "--min-score", "0").exit_code == 0
    ml = report_json(cli, ML, "--role", "Machine Learning Engineer")["fit"]["score"]
    assert cli(ML, "--role", "Machine Learning Engineer", "--min-score", ml).exit_code == 0


def test_today_is_what_present_means(cli, quux):
    def years(today: str) -> float:
        data = report_json(cli, quux["resume"], "--lexicon", quux["lexicon"],
                           "--role-file", quux["roles"], "--role", "Quux Wrangler",
                           "--today", today)
        return data["profile"]["years_experience"]

    assert years("2030-01-01") > years("2024-01-01") > years("2021-01-01") > 0
    bad = cli(quux["resume"], "--today", "next tuesday")
    assert bad.exit_code == 2 and "2026-11-25" in bad.stderr


def test_lexicon_and_role_files_extend_the_catalogue(cli, quux):
    data = report_json(cli, quux["resume"], "--lexicon", quux["lexicon"],
                       "--role-file", quux["roles"], "--role", "Quux Wrangler")
    assert data["target"]["title"] == "Quux Wrangler"
    held = {s["name"] for s in data["skills"]["held"]}
    assert {"Quux Tuning", "Python", "SQL"} <= held
    status = {s["name"]: s["status"] for s in data["fit"]["skills"]}
    assert status["Quux Tuning"] == "have"
    # Without the files neither the skill nor the role exists.
    without = cli(quux["resume"], "--role", "Quux Wrangler")
    assert without.exit_code == 2 and "no role matches 'Quux Wrangler'" in without.stderr


def test_options_may_come_before_the_file(cli):
    result = cli("-f", "json", "--role", "Machine Learning Engineer", ML)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["target"]["title"] == "Machine Learning Engineer"


def test_role_and_posting_together_is_a_usage_error(cli, quux):
    result = cli(ML, "--role", "Data Engineer", "--posting", quux["posting"])
    assert result.exit_code == 2
    assert "give --role or --posting, not both" in result.stderr


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"gapcheck, version {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["report", "--help"]])
def test_help_shows_examples_and_exit_codes(cli, args):
    result = cli(*args)
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert 'gapcheck resume.pdf --role "ML engineer"' in result.stdout
    assert "2 a usage or input error" in result.stdout


# --- input errors: one line, exit 2, no traceback -----------------------------------


def _write(name: str, data: bytes | Callable[[Path], None]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if callable(data):
            data(path)
        else:
            path.write_bytes(data)
        return path
    return make


BAD_INPUTS = [
    # (id, make the resume in a folder, extra arguments, what the line names, reason)
    ("missing", lambda d: d / "gone.pdf", [], "gone.pdf", "no such file"),
    ("directory", _write("cv.pdf", lambda p: p.mkdir()), [], "cv.pdf", "is a directory"),
    ("encrypted", _write("locked.pdf", gen.make_pdf([[(50, 700, "Jane")]], encrypt=True)),
     [], "locked.pdf", "password"),
    ("scanned", _write("scan.pdf", gen.make_pdf([gen.IMAGE_PAGE])), [], "scan.pdf", "OCR"),
    ("empty", _write("empty.docx", b""), [], "empty.docx", "empty"),
    ("zip-not-docx", _write("cv.docx", gen.plain_zip()), [], "cv.docx", "not a DOCX"),
    ("bad-lexicon", lambda d: ML, ["--lexicon", "broken.toml"], "broken.toml",
     "cannot read lexicon file"),
    ("unknown-role", lambda d: ML, ["--role", "xyzzy plumbus"], "'xyzzy plumbus'",
     "closest: "),
]
FAST_BAD_INPUTS = [case for case in BAD_INPUTS if case[0] not in ("unknown-role",)]


def _check_error_line(stdout: str, stderr: str, names: str, reason: str) -> None:
    assert "Traceback" not in stdout + stderr
    assert stdout == ""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("gapcheck: ")
    assert names in lines[0] and reason in lines[0]


@pytest.mark.parametrize(("make", "args", "names", "reason"),
                         [case[1:] for case in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_input_error_in_process(cli, tmp_path, make, args, names, reason):
    (tmp_path / "broken.toml").write_text("not = [toml", encoding="utf-8")
    resume = make(tmp_path)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = cli(resume, *args)
    assert result.exit_code == 2, result.output
    _check_error_line(result.stdout, result.stderr, names, reason)


@pytest.mark.parametrize(("make", "args", "names", "reason"),
                         [case[1:] for case in FAST_BAD_INPUTS],
                         ids=[c[0] for c in FAST_BAD_INPUTS])
def test_input_error_in_a_real_process(tmp_path, make, args, names, reason):
    (tmp_path / "broken.toml").write_text("not = [toml", encoding="utf-8")
    proc = run_process(gapcheck_command(), make(tmp_path), *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    _check_error_line(proc.stdout, proc.stderr, names, reason)


# --- real processes -------------------------------------------------------------------
# Each report in a real process loads the lexicon first (about 2 s of CPU), so the slow
# runs start together, in threads, the first time a test asks for one.


def _run_in_terminal(env: dict[str, str]) -> tuple[int, bytes, str]:
    """Run a report with stdout on a pseudo-terminal: (exit code, stdout bytes, stderr)."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*gapcheck_command(), str(SAMPLES / "electrician.txt"), "--role", "Electrician"],
        stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    os.close(follower)
    out = b""
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the process has closed the terminal
                    break
                if not chunk:
                    break
                out += chunk
            elif proc.poll() is not None:
                break
    finally:
        os.close(leader)
        if proc.poll() is None:
            proc.kill()
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        proc.wait(timeout=TIMEOUT)
    return proc.returncode, out, err


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> dict[str, Future]:
    script = gapcheck_command()
    work = tmp_path_factory.mktemp("real")
    posting = work / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    (work / "out").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    jobs: dict[str, Callable[[], object]] = {
        "fuzzy": lambda: run_process(script, ML, "--role", "AI and Machine Learning Engineer"),
        "unknown-role": lambda: run_process(MODULE, ML, "--role", "xyzzy plumbus"),
        "posting": lambda: run_process(
            MODULE, SAMPLES / "backend_engineer.pdf", "--posting", posting, "-f", "markdown",
            "-o", work / "out" / "report.md", "--min-score", "100.5", "--today",
            "2026-11-01"),
    }
    if sys.platform != "win32":
        jobs["tty"] = lambda: _run_in_terminal(env)
        jobs["tty-no-color"] = lambda: _run_in_terminal({**env, "NO_COLOR": "1"})
    with ThreadPoolExecutor(len(jobs)) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        yield {**futures, "out": work / "out"}


def test_unknown_role_in_a_real_process(real):
    proc = real["unknown-role"].result()
    assert proc.returncode == 2, proc.stderr
    _check_error_line(proc.stdout, proc.stderr, "'xyzzy plumbus'", "closest: ")


def test_installed_script_with_a_fuzzy_role(real):
    proc = real["fuzzy"].result()
    assert proc.returncode == 0, proc.stderr
    assert "nearest match" in proc.stdout and "Machine Learning Engineer" in proc.stdout
    assert not ANSI.search(proc.stdout), "no colour when stdout is not a terminal"
    assert "Traceback" not in proc.stderr


def test_python_m_with_posting_output_and_min_score(real):
    proc = real["posting"].result()
    assert proc.returncode == 1, proc.stderr  # below --min-score, but the file is written
    assert proc.stdout == "" and "Traceback" not in proc.stderr
    assert "Senior Data Engineer" in (real["out"] / "report.md").read_text(encoding="utf-8")
    assert os.listdir(real["out"]) == ["report.md"], "no temporary file left behind"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(real):
    code, coloured, err = real["tty"].result()
    assert code == 0, err
    assert b"Electrician" in coloured and b"\x1b[" in coloured, "colour on a terminal"
    code, plain, err = real["tty-no-color"].result()
    assert code == 0, err
    assert b"Electrician" in plain and b"\x1b[" not in plain


# --- browsing roles and skills ----------------------------------------------------------


def test_roles_search(cli):
    result = cli("roles", "nurse")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert "Nurse" in first
    assert "Registered Nurses" in result.stdout


def test_roles_lists_the_curated_ladders(cli):
    result = cli("roles")
    assert result.exit_code == 0
    assert re.search(r"^Machine Learning Engineer  \(\d+ levels\)$", result.stdout, re.M)
    assert "Frontend Engineer" in result.stdout
    assert re.search(r"\.\.\. and \d+ O\*NET occupations", result.stdout)


def test_roles_with_a_role_file(cli, quux):
    result = cli("roles", "quux", "--role-file", quux["roles"])
    assert result.exit_code == 0
    assert "Quux Wrangler" in result.stdout.splitlines()[0]


def test_skills_search(cli):
    result = cli("skills", "spark")
    assert result.exit_code == 0
    assert re.search(r"^Apache Spark  \[\w+\]", result.stdout, re.M)
    assert cli("skills").stdout.strip().endswith("`gapcheck skills QUERY` to search")


def test_roles_and_skills_in_real_processes():
    roles = run_process(gapcheck_command(), "roles", "nurse")
    assert roles.returncode == 0 and "Registered Nurses" in roles.stdout
    skills = run_process(MODULE, "skills", "spark")
    assert skills.returncode == 0 and "Apache Spark" in skills.stdout
