"""Recruiter-sense tests of ``analyze`` on the bundled sample resumes."""
from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from gapcheck.analyze import analyze
from gapcheck.posting import requirements_from_posting

TODAY = date(2026, 11, 1)
SAMPLES = Path(__file__).parent.parent / "sample_resumes"
POSTINGS = Path(__file__).parent / "postings"
RESUMES = ["ml_engineer.pdf", "data_scientist.pdf", "backend_engineer.pdf",
           "frontend_engineer.docx", "data_analyst.txt", "registered_nurse.docx",
           "accountant.docx", "electrician.txt"]
ROLES = ["Machine Learning Engineer", "Registered Nurse", "Accountant", "Electrician",
         "Frontend Engineer", "Data Analyst"]


@cache
def run(resume: str, role: str | None = None, posting: str | None = None):
    return analyze(SAMPLES / resume, role=role, today=TODAY,
                   posting=POSTINGS / posting if posting else None)


def test_ml_fits_ml_far_better_than_frontend():
    assert run("ml_engineer.pdf", "Machine Learning Engineer").score >= (
        run("frontend_engineer.docx", "Machine Learning Engineer").score + 20)


@pytest.mark.parametrize(("role", "fits", "other"), [
    ("Registered Nurse", "registered_nurse.docx", "accountant.docx"),
    ("Accountant", "accountant.docx", "registered_nurse.docx"),
    ("Electrician", "electrician.txt", "accountant.docx"),
    ("Data Analyst", "data_analyst.txt", "registered_nurse.docx"),
])
def test_own_field_fits_better(role, fits, other):
    assert run(fits, role).score > run(other, role).score + 10


def test_clearly_missing_skills_listed():
    missing = set(run("frontend_engineer.docx", "Machine Learning Engineer").missing_required)
    assert {"PyTorch", "Machine Learning"} <= missing
    nurse = set(run("registered_nurse.docx", "Machine Learning Engineer").missing_required)
    assert {"Python", "Machine Learning"} <= nurse
    assert not run("ml_engineer.pdf", "Machine Learning Engineer").missing_required


@pytest.mark.parametrize("resume", RESUMES)
@pytest.mark.parametrize("role", ROLES)
def test_held_skill_never_missing(resume, role):
    report = run(resume, role)
    held = report.skills.ids("held")
    for gap in report.fit.skills:
        if gap.status == "missing":
            assert gap.skill_id not in held, gap.name
    assert not {s.action for s in report.next_steps} & {f"Learn {s.name}"
                                                        for s in report.skills.held}


@pytest.mark.parametrize("posting", sorted(p.name for p in POSTINGS.iterdir()))
@pytest.mark.parametrize("resume", ["ml_engineer.pdf", "registered_nurse.docx"])
def test_held_skill_never_missing_posting(resume, posting):
    report = run(resume, posting=posting)
    held = report.skills.ids("held")
    assert not [g.name for g in report.fit.skills
                if g.status == "missing" and g.skill_id in held]


@pytest.mark.parametrize(("resume", "words"), [
    ("ml_engineer.pdf", ("machine learning", "data")),
    ("data_scientist.pdf", ("data",)),
    ("registered_nurse.docx", ("nurs",)),
    ("accountant.docx", ("account",)),
    ("electrician.txt", ("electric",)),
])
def test_suggestions_without_target(resume, words):
    report = run(resume)
    assert report.target.kind == "suggested" and report.target.note
    titles = [r.title.lower() for r in report.suggested_roles]
    assert any(w in t for t in titles[:3] for w in words), titles
    assert any(w in report.target.title.lower() for w in words)


def test_nearest_match_note():
    report = run("ml_engineer.pdf", "AI and Machine Learning Engineer")
    assert report.target.title == "Machine Learning Engineer"
    assert "nearest match" in report.target.note
    assert "AI and Machine Learning Engineer" in report.target.note
    assert run("ml_engineer.pdf", "Machine Learning Engineer").target.note == ""


def test_to_dict_json():
    data = run("ml_engineer.pdf", "Machine Learning Engineer").to_dict()
    assert data["schema_version"]
    again = json.loads(json.dumps(data))
    assert again["fit"]["score"] == data["fit"]["score"]
    assert {c["name"] for c in again["fit"]["components"]} >= {"required skills"}


@pytest.mark.parametrize(("posting", "fits", "other"), [
    ("ml_engineer.txt", "ml_engineer.pdf", "frontend_engineer.docx"),
    ("frontend_engineer.txt", "frontend_engineer.docx", "ml_engineer.pdf"),
    ("registered_nurse.txt", "registered_nurse.docx", "accountant.docx"),
    ("staff_accountant.txt", "accountant.docx", "registered_nurse.docx"),
    ("electrician.txt", "electrician.txt", "backend_engineer.pdf"),
    ("data_scientist.md", "data_scientist.pdf", "electrician.txt"),
])
def test_posting_ranks_the_right_resume(posting, fits, other):
    good, bad = run(fits, posting=posting), run(other, posting=posting)
    assert good.target.kind == "posting"
    assert good.score > bad.score + 20
    assert good.career is None  # a posting has no ladder


def test_posting_as_target_is_reused():
    target = requirements_from_posting(POSTINGS / "ml_engineer.txt")
    a = analyze(SAMPLES / "ml_engineer.pdf", target=target, today=TODAY)
    b = run("ml_engineer.pdf", posting="ml_engineer.txt")
    assert a.to_dict()["fit"] == b.to_dict()["fit"]


def test_one_target_only():
    with pytest.raises(ValueError):
        analyze(SAMPLES / "ml_engineer.pdf", role="Data Scientist",
                posting=POSTINGS / "ml_engineer.txt", today=TODAY)


def test_weights_through_analyze():
    report = analyze(SAMPLES / "data_analyst.txt", role="Data Analyst", today=TODAY,
                     weights={"required skills": 0.7})
    w = {c.name: c.weight for c in report.fit.components}
    assert w["required skills"] > 0.5
    with pytest.raises(ValueError):
        analyze(SAMPLES / "data_analyst.txt", role="Data Analyst", today=TODAY,
                weights={"skills": 1})


def test_strength_says_where_and_how_recent():
    from gapcheck import read_text

    doc = read_text("SKILLS\nPython, Excel\n\nEXPERIENCE\nData Analyst, Acme\n"
                    "Jan 2021 - Present\n- Python and SQL models every day\n"
                    "Analyst, Beta Corp\n2015 - 2017\n- Tableau dashboards\n")
    report = analyze(doc, role="Data Analyst", today=date(2026, 11, 1))
    by_name = {s.name: s for s in report.strengths}
    assert by_name["Python"].last_used == "present"
    assert by_name["Python"].strength > by_name["Microsoft Excel"].strength
    assert by_name["Tableau"].last_used == "2017"
    assert set(by_name["Python"].sections) == {"skills", "experience"}
