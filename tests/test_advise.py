"""Tests for gapcheck/advise.py: next steps, the career ladder, related roles."""
from __future__ import annotations

from datetime import date

import pytest

from gapcheck.advise import career_path, next_steps, related_roles
from gapcheck.analyze import analyze
from gapcheck.lexicon import load_lexicon
from gapcheck.match import find_skills
from gapcheck.profile import build_profile
from gapcheck.read import read_text
from gapcheck.roles import load_roles
from gapcheck.score import fit_score
from gapcheck.target import Requirement, Target

TODAY = date(2026, 11, 1)
JUNIOR = """Sam Example

EXPERIENCE
Data Analyst, Acme Corp
Jan 2025 - Present
- Reports in SQL and Python; built one model in TensorFlow.

SKILLS
Python, SQL, TensorFlow
"""


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def catalog():
    return load_roles()


@pytest.fixture(scope="module")
def junior(lex):
    doc = read_text(JUNIOR)
    return find_skills(doc, lex), build_profile(doc, today=TODAY)


def _req(lex, name, required=True):
    skill = lex.resolve(name)
    return Requirement(skill.name, skill.id, required)


@pytest.fixture(scope="module")
def steps(lex, junior):
    found, profile = junior
    target = Target(
        kind="posting", title="ML Engineer",
        requirements=(_req(lex, "PyTorch"), _req(lex, "Kubernetes"), _req(lex, "Python"),
                      _req(lex, "Docker", False)),
        years_min=5, degree_level="master", degree_fields=("computer science",),
        certifications=("AWS Certified Machine Learning – Specialty",))
    fit = fit_score(target, found, profile, lex)
    return fit, next_steps(target, fit, profile, {s.name for s in found.held}, limit=20)


def test_steps_sorted_by_gain(steps):
    _fit, out = steps
    gains = [s.gain for s in out]
    assert gains == sorted(gains, reverse=True) and all(g > 0 for g in gains)


def test_step_kinds(steps):
    _fit, out = steps
    kinds = {s.kind: s for s in out}
    assert set(kinds) == {"skill", "certification", "experience", "degree"}
    assert "AWS Certified Machine Learning" in kinds["certification"].action
    assert "master" in kinds["degree"].action and "computer science" in kinds["degree"].action
    assert "relevant experience" in kinds["experience"].action
    assert "5+" in kinds["experience"].reason


def test_related_skill_named_in_reason(steps):
    _fit, out = steps
    pytorch = next(s for s in out if s.action == "Learn PyTorch")
    kube = next(s for s in out if s.action == "Learn Kubernetes")
    assert "TensorFlow" in pytorch.reason
    assert pytorch.gain < kube.gain  # partial credit already earned
    assert not any(s.action == "Learn Python" for s in out)  # held: no step


def test_gains_add_up_to_what_is_missing(steps):
    fit, out = steps
    assert sum(s.gain for s in out) == pytest.approx(100 - fit.score, abs=1.0)


def _ml(catalog):
    return catalog.get("machine-learning-engineer")


def test_career_from_title(catalog):
    report = analyze("sample_resumes/ml_engineer.pdf", role="Machine Learning Engineer",
                     today=TODAY)
    career = report.career
    assert career.ladder == "Machine Learning Engineer"
    assert career.current.title == "Senior Machine Learning Engineer"
    assert "title held" in career.basis
    titles = [lv.title for lv in career.levels]
    assert titles.index(career.next.title) == titles.index(career.current.title) + 1


def test_career_from_another_field_points_at_the_entry_rung_with_pay(lex, catalog, junior):
    _found, profile = junior  # a data analyst: years in another field place them nowhere
    career = career_path(_ml(catalog), profile)
    assert career.current is None
    assert "field" in career.basis
    nxt = career.next
    assert nxt.title == "Machine Learning Engineer"
    assert (nxt.pay_min, nxt.pay_max) == (125000, 186000)
    assert (nxt.years_min, nxt.years_max) == (2, 4)
    assert career.years_to_next == pytest.approx(2 - profile.years_experience, abs=0.1)


def test_career_normalises_titles(catalog):
    doc = read_text("EXPERIENCE\nSr. ML Engineer, Acme Corp\nJan 2024 - Present\n")
    career = career_path(_ml(catalog), build_profile(doc, today=TODAY))
    assert career.current is not None
    assert career.current.title == "Senior Machine Learning Engineer"


def test_years_do_not_make_a_manager(catalog):
    report = analyze("sample_resumes/data_scientist.pdf", role="Machine Learning Engineer",
                     today=TODAY)
    current = report.career.current
    assert current is None or "manager" not in current.title.lower()


def test_years_place_people_on_their_own_ladder(catalog):
    doc = read_text("EXPERIENCE\nMachine Learning Engineer, Acme\nJan 2019 - Present\n")
    career = career_path(_ml(catalog), build_profile(doc, today=TODAY))
    assert career.current is not None and "years" in career.basis or "title" in career.basis


def test_related_roles_with_overlap(lex, catalog):
    held = {lex.resolve(n).id for n in ("Python", "SQL", "pandas", "scikit-learn",
                                         "Statistics", "Machine Learning", "NumPy")}
    out = related_roles(held, catalog, lex, limit=5)
    assert 0 < len(out) <= 5
    assert any("Data Scien" in r.title for r in out[:3])
    for r in out:
        assert 0 < r.overlap <= 100 and r.have
        assert not set(r.have) & set(r.missing)
    excluded = related_roles(held, catalog, lex, exclude="data-scientist", limit=5)
    assert "Data Scientist" not in [r.title for r in excluded]
