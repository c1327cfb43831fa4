"""Tests for ``gapcheck.render``: text, JSON, Markdown, HTML and the batch row formats."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

import gapcheck
from gapcheck.advise import CareerPath, RelatedRole, Step
from gapcheck.match import FoundSkill, SkillMention, SkillSet
from gapcheck.profile import Profile
from gapcheck.render import FORMATS, render
from gapcheck.render.tabular import (
    COLUMNS,
    markdown_table,
    row_from_error,
    row_from_report,
    write_csv,
    write_jsonl,
)
from gapcheck.report import Report, TargetInfo
from gapcheck.roles import Level
from gapcheck.score import Component, Fit, SkillGap

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_resumes"
SCHEMA = ROOT / "gapcheck" / "report.schema.json"
TODAY = date(2026, 11, 1)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def ml_report() -> Report:
    return gapcheck.analyze(SAMPLES / "ml_engineer.pdf", role="Machine Learning Engineer",
                            today=TODAY)


@pytest.fixture(scope="module")
def suggested_report() -> Report:
    return gapcheck.analyze(SAMPLES / "data_analyst.txt", today=TODAY)


@pytest.fixture(scope="module")
def planted_report() -> Report:
    text = ("Jane <script>alert('x')</script> Doe\n\nSKILLS\nPython, SQL, <b>Excel</b>\n\n"
            "EXPERIENCE\nData Analyst <script>alert(1)</script>, Acme | Jan 2020 - Dec 2023\n"
            "- Built dashboards in Tableau & Power BI | =HYPERLINK(\"x\")\n")
    doc = gapcheck.read_text(text, source="<script>evil.txt</script>")
    return gapcheck.analyze(doc, role="Data Analyst", today=TODAY)


def _mention(sid: str, name: str, text: str, section: str, status: str = "held"):
    return SkillMention(sid, name, text, 0, len(text), section, status, "exact", 0.9)


@pytest.fixture(scope="module")
def hand_report() -> Report:
    """A report built from the dataclasses, with every status and every optional part."""
    py = FoundSkill("python", "Python", "language", "held",
                    (_mention("python", "Python", "Python | <i>", "skills"),))
    k8s = FoundSkill("kubernetes", "Kubernetes", "platform", "held",
                     (_mention("kubernetes", "Kubernetes", "k8s", "experience"),))
    rust = FoundSkill("rust", "Rust", "language", "learning",
                      (_mention("rust", "Rust", "Rust", "summary", "learning"),))
    go = FoundSkill("go", "Go", "language", "negated",
                    (_mention("go", "Go", "Go", "summary", "negated"),))
    gaps = (
        SkillGap("Python", "python", True, "have", 1.0, None, "skills: \u201cPython\u201d"),
        SkillGap("Docker", "docker", True, "implied", 0.8, "Kubernetes", "implied by Kubernetes"),
        SkillGap("Helm", "helm", True, "related", 0.5, "Kubernetes", "related"),
        SkillGap("Rust", "rust", False, "learning", 0.2, None, "mentioned as being learned"),
        SkillGap("Terraform", "terraform", False, "missing", 0.0),
    )
    fit = Fit(61.0, (Component("required skills", 0.75, 0.7667, "1 of 3 held, 2 partly"),
                     Component("experience", 0.25, 0.14, "0.7 years against 5+ asked")),
              gaps, ("preferred skills", "degree", "certifications"))
    levels = (Level("Junior SRE", 0, 2, 90000, 120000), Level("SRE", 2, 5, 125000, 186000),
              Level("Senior SRE", 5, 8))
    return Report(
        source="hand|made <report>.pdf",
        target=TargetInfo("posting", "Site Reliability Engineer", None,
                          "Azure SRE was the nearest match for your query", 5.0, None, None,
                          (), ()),
        fit=fit,
        skills=SkillSet((py, k8s, rust, go), ()),
        profile=Profile(0.7, None, (), (), None, (), ("Junior SRE",)),
        next_steps=(Step("skill", "Learn Terraform", "preferred by Site Reliability Engineer",
                         1.5),
                    Step("experience", "Gain 4.3 more years of relevant experience",
                         "Site Reliability Engineer usually asks 5+ years", 17.2)),
        career=CareerPath("SRE", levels[0], levels[1], 1.3, "title held: Junior SRE", levels),
        related_roles=(RelatedRole("DevOps Engineer", 55.0, ("Python",), ("Ansible",), "curated"),),
        suggested_roles=(),
        warnings=("page 2 had no text layer",),
    )


# --- dispatch and JSON ----------------------------------------------------------------

def test_formats_and_unknown(ml_report):
    assert FORMATS == ("text", "json", "markdown", "html")
    for fmt in FORMATS:
        assert render(ml_report, fmt).strip()
    with pytest.raises(ValueError, match="unknown format"):
        render(ml_report, "yaml")


def test_json_round_trips(ml_report):
    data = json.loads(render(ml_report, "json"))
    assert data == json.loads(json.dumps(ml_report.to_dict()))
    assert data["schema_version"] == "1.0"
    assert data["fit"]["score"] == ml_report.score


# --- schema ---------------------------------------------------------------------------

_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


def _is(value, name: str) -> bool:
    if name in ("number", "integer"):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return ok and (name == "number" or float(value).is_integer())
    return isinstance(value, _TYPES[name])


def _errors(value, schema: dict, root: dict, where: str = "$") -> list[str]:
    """A small validator for the subset of JSON Schema that report.schema.json uses."""
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    if "oneOf" in schema:
        hits = [s for s in schema["oneOf"] if not _errors(value, s, root, where)]
        return [] if len(hits) == 1 else [f"{where}: matches {len(hits)} of oneOf"]
    errs: list[str] = []
    if "const" in schema and value != schema["const"]:
        errs.append(f"{where}: {value!r} != {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errs.append(f"{where}: {value!r} not in {schema['enum']}")
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, n) for n in names):
            return errs + [f"{where}: {type(value).__name__} is not {names}"]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errs.append(f"{where}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errs.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        errs += [f"{where}: missing {k}" for k in schema.get("required", ()) if k not in value]
        for k, sub in schema.get("properties", {}).items():
            if k in value:
                errs += _errors(value[k], sub, root, f"{where}.{k}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            errs.append(f"{where}: {len(value)} items")
        for i, item in enumerate(value):
            errs += _errors(item, schema.get("items", {}), root, f"{where}[{i}]")
    return errs


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_schema_is_draft_2020_12(schema, ml_report):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {"const": gapcheck.SCHEMA_VERSION}
    assert set(schema["required"]) == set(schema["properties"]) == set(ml_report.to_dict())


@pytest.mark.parametrize("name", ["ml", "suggested", "planted", "hand"])
def test_json_matches_schema(name, schema, request):
    report = request.getfixturevalue(f"{name}_report")
    data = json.loads(render(report, "json"))
    assert _errors(data, schema, schema) == []
    bad = {**data, "schema_version": "2.0", "fit": {**data["fit"], "score": "high"}}
    assert len(_errors(bad, schema, schema)) == 2
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)


# --- text -----------------------------------------------------------------------------

def test_text_has_score_components_and_steps(ml_report):
    text = render(ml_report, "text")
    assert f"Fit {ml_report.score:g}/100" in text
    for comp in ml_report.fit.components:
        assert comp.name in text and f"{comp.points:.1f}" in text
    assert "Next steps" in text
    for i, step in enumerate(ml_report.next_steps, 1):
        assert f"{i:>2}. " in text and step.action in text
        assert f"+{step.gain:.1f} pts" in text
    assert "Career path" in text and "Related roles" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_text_colour_only_when_asked(ml_report):
    plain = render(ml_report, "text", color=False)
    coloured = render(ml_report, "text", color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


def test_text_suggested_target(suggested_report):
    text = render(suggested_report, "text")
    assert "suggested role" in text and "No target given" in text
    assert "Suggested roles" in text
    assert all(len(line) <= 100 for line in text.splitlines())


def test_text_partial_learning_and_extras(hand_report):
    text = render(hand_report, "text")
    assert "Docker (implied by Kubernetes)" in text
    assert "Helm (related: you have Kubernetes)" in text
    assert "Rust (being learned)" in text
    assert "Missing (1):" in text and "Terraform" in text
    assert "Said not to have: Go" in text and "Learning: Rust" in text
    assert "nearest match" in text
    assert "Left out: preferred skills, degree, certifications" in text
    assert "SRE (2-5 years, $125K-$186K)" in text and "1.3 more years" in text
    assert "55%  DevOps Engineer" in text
    assert "! page 2 had no text layer" in text


def test_text_drops_control_characters(hand_report):
    evil = dataclasses.replace(hand_report, source="cv\x1b]0;owned\x07\x1b[2J.pdf",
                               warnings=("bad\x1b[31m byte",))
    text = render(evil, "text")
    assert "\x1b" not in text and "\x07" not in text
    assert "cv]0;owned[2J.pdf" in text


# --- markdown -------------------------------------------------------------------------

def test_markdown_has_tables_and_sections(ml_report):
    md = render(ml_report, "markdown")
    assert md.startswith("# Gap report: Machine Learning Engineer")
    assert "| Part | Weight | Value | Points | Detail |" in md
    assert "|---|--:|--:|--:|---|" in md
    assert "## Next steps" in md and f"1. **{ml_report.next_steps[0].action}**" in md
    assert "## Career path" in md and "## Related roles" in md


def test_markdown_escapes_resume_text(planted_report, hand_report):
    md = render(planted_report, "markdown")
    assert "<script" not in md
    md = render(hand_report, "markdown")
    assert "hand\\|made &lt;report&gt;.pdf" in md
    assert "\U0001f7e1 implied" in md and "\u274c missing" in md


# --- html -----------------------------------------------------------------------------

class _Checker(HTMLParser):
    VOID: ClassVar[frozenset[str]] = frozenset({"meta", "br", "img", "hr", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _check_html(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    return checker


@pytest.mark.parametrize("name", ["ml", "suggested", "hand"])
def test_html_well_formed_and_self_contained(name, request):
    report = request.getfixturevalue(f"{name}_report")
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>")
    seen = _check_html(page).seen
    for tag in ("html", "head", "body", "main", "svg", "table", "style"):
        assert tag in seen
    assert "script" not in seen
    for external in ("src=", "href=", "@import", "url(", "<link"):
        assert external not in page


def test_html_content(ml_report, hand_report):
    page = render(ml_report, "html")
    assert page.count("<svg") == 2
    assert "Skill coverage by category" in page and "How the score is made" in page
    for step in ml_report.next_steps:
        assert step.action in page
    assert "YOU ARE HERE" in page and "Related roles" in page
    page = render(hand_report, "html")
    assert "$125K-$186K" in page and "implied by Kubernetes" in page
    assert "Being learned" in page and "Said not to have" in page and "Warnings" in page


def test_html_escapes_planted_script(planted_report):
    page = render(planted_report, "html")
    _check_html(page)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page  # the source label, shown escaped


# --- batch rows -----------------------------------------------------------------------

def test_rows(ml_report):
    row = row_from_report("cv.pdf", ml_report)
    assert tuple(row) == COLUMNS
    assert row["score"] == ml_report.score and row["error"] == ""
    assert row["missing_required"] == "; ".join(ml_report.missing_required)
    assert "Python" in row["held_skills"].split("; ")
    err = row_from_error("bad.pdf", "encrypted PDF: remove the password first")
    assert tuple(err) == COLUMNS and err["score"] is None and err["error"].startswith("encr")


@pytest.mark.parametrize("value, cell", [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("+1+1", "'+1+1"), ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("plain.pdf", "plain.pdf"),
    ("a=b", "a=b"), ("Zoë Ünal.pdf", "Zoë Ünal.pdf"),
])
def test_csv_neutralises_formulas(value, cell):
    buf = io.StringIO(newline="")
    write_csv([{**row_from_error(value, value), "score": 72.5}], buf)
    header, row = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert header == list(COLUMNS)
    assert row[0] == cell and row[-1] == cell
    assert row[1] == "72.5"


def test_csv_utf8_sig_file(ml_report, tmp_path):
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        write_csv([row_from_report("Zoë.pdf", ml_report), row_from_error("x.pdf", "empty")],
                  fh)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Zoë".encode() in raw
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig", newline="")))
    assert [r["file"] for r in rows] == ["Zoë.pdf", "x.pdf"] and rows[1]["score"] == ""


def test_jsonl_and_markdown_table(ml_report):
    rows = [row_from_report("a|b.pdf", ml_report), row_from_error("c.pdf", "empty")]
    buf = io.StringIO()
    write_jsonl(rows, buf)
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == rows
    table = markdown_table(rows).splitlines()
    assert table[0].startswith("| file | score |") and len(table) == 4
    assert "a\\|b.pdf" in table[2] and table[3].endswith("| empty |")


# --- browser --------------------------------------------------------------------------

@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")
def test_html_in_browser(ml_report, tmp_path):
    page, png = tmp_path / "report.html", tmp_path / "report.png"
    page.write_text(render(ml_report, "html"), encoding="utf-8")
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           "--disable-sync", f"--user-data-dir={profile}", f"--screenshot={png}",
           "--window-size=1200,2000", page.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    shutil.rmtree(profile, ignore_errors=True)
    assert png.exists()
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 30_000  # a blank 1200x2000 page compresses to a few KB
