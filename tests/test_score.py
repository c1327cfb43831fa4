"""Tests for gapcheck/score.py: weights, left-out parts, partial credit, determinism."""
from __future__ import annotations

from datetime import date

import pytest

from gapcheck.analyze import analyze
from gapcheck.lexicon import load_lexicon
from gapcheck.match import find_skills
from gapcheck.profile import build_profile
from gapcheck.read import read_text
from gapcheck.score import CREDIT, DEFAULT_WEIGHTS, fit_score
from gapcheck.target import Requirement, Target

TODAY = date(2026, 11, 1)
RESUME = """Dana Example
Machine Learning Engineer

EXPERIENCE
Machine Learning Engineer, Acme Corp
Jan 2020 - Present
- Built image models in Keras and TensorFlow.
- Currently learning Rust.

SKILLS
Keras, TensorFlow, SQL

EDUCATION
B.S. in Computer Science, State University, 2015-2019
"""


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


@pytest.fixture(scope="module")
def person(lex):
    doc = read_text(RESUME)
    return find_skills(doc, lex), build_profile(doc, today=TODAY)


def req(lex, name, required=True):
    skill = lex.resolve(name)
    return Requirement(skill.name, skill.id, required)


def target(lex, required=(), preferred=(), **kw):
    reqs = tuple(req(lex, n) for n in required) + tuple(req(lex, n, False) for n in preferred)
    return Target(kind="posting", title="Test Role", requirements=reqs, **kw)


def fit(lex, person, t, weights=None):
    found, profile = person
    return fit_score(t, found, profile, lex, weights)


def test_weights_are_stated_and_sum_to_one(lex, person):
    t = target(lex, ["SQL", "Python"], ["Docker"], years_min=2, degree_level="bachelor",
               certifications=("AWS Certified Machine Learning – Specialty",))
    f = fit(lex, person, t)
    assert {c.name for c in f.components} == set(DEFAULT_WEIGHTS)
    assert sum(c.weight for c in f.components) == pytest.approx(1, abs=1e-3)
    for c in f.components:
        assert c.weight == pytest.approx(DEFAULT_WEIGHTS[c.name], abs=1e-3)
        assert 0 <= c.value <= 1 and c.detail
    assert f.score == pytest.approx(sum(c.points for c in f.components), abs=0.3)
    assert f.left_out == ()


def test_weights_settable(lex, person):
    t = target(lex, ["SQL", "Docker"], years_min=50)
    base = fit(lex, person, t)
    heavy = fit(lex, person, t, {"required skills": 0.7})
    w = {c.name: c.weight for c in heavy.components}
    assert w["required skills"] > {c.name: c.weight for c in base.components}["required skills"]
    assert sum(w.values()) == pytest.approx(1, abs=1e-3)
    # all weight on skills: the score is the skills value alone
    only = fit(lex, person, t, {"experience": 0, "degree": 0})
    skills = next(c for c in only.components if c.name == "required skills")
    assert only.score == pytest.approx(skills.value * 100, abs=0.2)


@pytest.mark.parametrize("bad", [{"skills": 0.5}, {"Required Skills": 0.5}])
def test_unknown_weight_raises(lex, person, bad):
    with pytest.raises(ValueError, match="unknown score part"):
        fit(lex, person, target(lex, ["SQL"]), bad)


def test_parts_not_asked_are_left_out(lex, person):
    f = fit(lex, person, target(lex, ["SQL"]))
    assert [c.name for c in f.components] == ["required skills"]
    assert f.components[0].weight == pytest.approx(1)
    assert set(f.left_out) == set(DEFAULT_WEIGHTS) - {"required skills"}
    f2 = fit(lex, person, target(lex, ["SQL"], years_min=3))
    assert sum(c.weight for c in f2.components) == pytest.approx(1, abs=1e-3)
    assert "preferred skills" in f2.left_out and "experience" not in f2.left_out


def _gap(f, name):
    return next(g for g in f.skills if g.name == name)


def test_partial_credit_with_via(lex, person):
    f = fit(lex, person, target(lex, ["Deep Learning", "PyTorch", "Rust", "Keras", "Go"]))
    implied, related = _gap(f, "Deep Learning"), _gap(f, "PyTorch")
    assert implied.status == "implied" and implied.via in {"Keras", "TensorFlow"}
    assert implied.credit == CREDIT["implied"] and implied.via in implied.evidence
    assert related.status == "related" and related.via in {"TensorFlow", "Keras"}
    assert related.credit == CREDIT["related"] and related.via in related.evidence
    assert _gap(f, "Rust").status == "learning"
    assert _gap(f, "Rust").credit == CREDIT["learning"]
    assert _gap(f, "Keras").status == "have" and _gap(f, "Keras").credit == 1
    assert _gap(f, "Go").status == "missing" and _gap(f, "Go").credit == 0
    assert CREDIT["have"] > CREDIT["implied"] > CREDIT["related"] > CREDIT["learning"] > 0


def test_keras_alone_implies_deep_learning(lex):
    doc = read_text("SKILLS\nKeras\n")
    f = fit_score(target(lex, ["Deep Learning"]), find_skills(doc, lex),
                  build_profile(doc, today=TODAY), lex)
    assert (f.skills[0].status, f.skills[0].via) == ("implied", "Keras")


def test_a_missing_skill_lowers_the_score(lex, person):
    missing_more = fit(lex, person, target(lex, ["SQL", "Kubernetes"])).score
    assert missing_more < fit(lex, person, target(lex, ["SQL"])).score


def test_relevant_experience_only(lex):
    """Years as an accountant are no nursing experience; years as a nurse are."""
    nurse = read_text("Registered Nurse, Mercy Hospital\nJan 2018 - Present\n- Triage\n")
    clerk = read_text("Staff Accountant, Acme Corp\nJan 2018 - Present\n- GAAP\n")
    t = Target(kind="posting", title="Registered Nurse", requirements=(), years_min=2)
    values = {}
    for name, doc in (("nurse", nurse), ("clerk", clerk)):
        f = fit_score(t, find_skills(doc, lex), build_profile(doc, today=TODAY), lex)
        values[name] = next(c for c in f.components if c.name == "experience").value
    assert values["nurse"] == 1 and values["clerk"] < 0.5


@pytest.mark.parametrize("resume", ["ml_engineer.pdf", "accountant.docx", "electrician.txt"])
@pytest.mark.parametrize("role", ["Machine Learning Engineer", "Accountant"])
def test_deterministic_and_bounded(resume, role):
    a = analyze(f"sample_resumes/{resume}", role=role, today=TODAY)
    b = analyze(f"sample_resumes/{resume}", role=role, today=TODAY)
    assert a.to_dict() == b.to_dict()
    assert 0 <= a.score <= 100
    assert all(0 <= c.value <= 1 for c in a.fit.components)
