"""Tests for gapcheck/posting.py: required vs preferred, years, degree, certifications."""
from __future__ import annotations

from pathlib import Path

import pytest

from gapcheck.posting import requirements_from_posting
from gapcheck.read import read_document, read_text

POSTINGS = Path(__file__).parent / "postings"


@pytest.fixture(scope="module")
def parsed():
    return {p.stem: requirements_from_posting(p) for p in sorted(POSTINGS.iterdir())}


def _split(target):
    return {r.name for r in target.required}, {r.name for r in target.preferred}


# posting, skills that must be required, skills that must be preferred
SPLITS = [
    ("ml_engineer", {"Python", "SQL", "PyTorch", "TensorFlow", "scikit-learn"},
     {"Apache Spark", "Apache Kafka", "Docker", "MLflow"}),
    ("data_scientist", {"SQL", "Python", "pandas", "Hypothesis Testing"},
     {"R", "Tableau", "Apache Spark", "Bayesian Statistics"}),
    ("frontend_engineer", {"JavaScript", "TypeScript", "React", "HTML", "CSS", "Jest"},
     {"Cypress", "Next.js", "GraphQL", "Figma"}),
    ("registered_nurse", {"Patient Assessment", "Medication Administration", "IV Therapy",
                          "Wound Care"}, {"Discharge Planning", "Patient Education"}),
    ("staff_accountant", {"GAAP", "General Ledger", "Microsoft Excel"},
     {"QuickBooks", "Oracle NetSuite", "Power BI"}),
    ("electrician", {"Conduit Bending", "Blueprint Reading", "National Electrical Code"},
     {"PLC Programming", "Fire Alarm Systems"}),
]


@pytest.mark.parametrize(("name", "required", "preferred"), SPLITS)
def test_required_preferred_split(parsed, name, required, preferred):
    req, pref = _split(parsed[name])
    assert required <= req, required - req
    assert preferred <= pref, preferred - pref
    assert not req & pref


@pytest.mark.parametrize("name", ["ml_engineer", "frontend_engineer"])
def test_no_experience_needed_is_not_a_requirement(parsed, name):
    """ "No prior Kubernetes experience needed" asks for nothing."""
    assert "Kubernetes" not in {r.name for r in parsed[name].requirements}


def test_clause_wording_beats_section():
    """ "Jest; Cypress is a plus": only Cypress is optional."""
    t = requirements_from_posting("Requirements:\n- Experience with Jest; Cypress is a plus.\n")
    req, pref = _split(t)
    assert "Jest" in req and "Cypress" in pref


def test_company_blurb_and_benefits_ask_nothing():
    text = ("Data Engineer\n\nAcme runs its whole business on Salesforce and Tableau.\n\n"
            "Requirements:\n- Strong Python and SQL.\n\nBenefits:\n- Free Excel training.\n")
    names = {r.name for r in requirements_from_posting(text).requirements}
    assert {"Python", "SQL"} <= names
    assert not names & {"Salesforce", "Tableau", "Microsoft Excel"}


def test_lowercase_nice_to_have_heading():
    t = requirements_from_posting("Requirements\n- Python\n\nNice to have\n- Apache Kafka\n")
    assert _split(t) == ({"Python"}, {"Apache Kafka"})


# text, years_min, years_max
YEARS = [
    ("Requirements:\n- 3+ years of experience with Python.", 3, None),
    ("Requirements:\n- At least five years of experience in analytics.", 5, None),
    ("Requirements:\n- Minimum of 2 years of acute care nursing experience.", 2, None),
    ("Requirements:\n- 3-5 years of professional experience.", 3, 5),
    ("Requirements:\n- 3 to 5 years experience building APIs.", 3, 5),
    ("Requirements:\n- two (2) years of related experience.", 2, None),
    ("Requirements:\n- 4+ yrs of experience in commercial work.", 4, None),
    ("Requirements:\n- 5 years' experience in audit.", 5, None),
    ("Requirements:\n- 3+ years of Python", 3, None),
    ("Requirements:\n- 3+ years of experience.\n\nPreferred:\n- 7+ years of experience.", 3, None),
    ("Requirements:\n- Python and SQL.", None, None),
]


@pytest.mark.parametrize(("text", "low", "high"), YEARS)
def test_years(text, low, high):
    t = requirements_from_posting(text)
    assert (t.years_min, t.years_max) == (low, high)


# text, level, fields that must be among the fields
DEGREES = [
    ("Requirements:\n- BS in Computer Science or related field.", "bachelor",
     {"computer science", "related field"}),
    ("Requirements:\n- BSN required.", "bachelor", {"nursing"}),
    ("Requirements:\n- Bachelor's degree in Accounting or Finance.", "bachelor",
     {"accounting", "finance"}),
    ("Requirements:\n- Master's degree in Statistics, Mathematics or a related field.",
     "master", {"statistics", "mathematics"}),
    ("Requirements:\n- PhD in Physics.", "doctorate", {"physics"}),
    ("Requirements:\n- Bachelor's degree required; Master's preferred.", "bachelor", set()),
    ("Requirements:\n- High school diploma or GED.", "high school", set()),
    ("Requirements:\n- Associate's degree in electrical technology.", "associate", set()),
    ("Requirements:\n- Proficiency with MS Office.", None, set()),
    ("Requirements:\n- Solid grounding in statistics.", None, set()),
]


@pytest.mark.parametrize(("text", "level", "fields"), DEGREES)
def test_degree(text, level, fields):
    t = requirements_from_posting(text)
    assert t.degree_level == level
    assert fields <= set(t.degree_fields)


# posting, certifications that must be found
CERTS = [
    ("ml_engineer", {"AWS Certified Machine Learning – Specialty"}),
    ("registered_nurse", {"Registered Nurse (RN) License", "Basic Life Support (BLS)",
                          "Advanced Cardiovascular Life Support (ACLS)"}),
    ("staff_accountant", {"Certified Public Accountant (CPA)"}),
    ("electrician", {"OSHA 30-Hour Safety Certification"}),
    ("frontend_engineer", set()),
]


@pytest.mark.parametrize(("name", "certs"), CERTS)
def test_certifications(parsed, name, certs):
    assert certs <= set(parsed[name].certifications)
    if not certs:
        assert parsed[name].certifications == ()


def test_posting_forms_agree():
    """Text, a path (str or Path) and a Document give the same requirements."""
    path = POSTINGS / "staff_accountant.txt"
    forms = [path, str(path), read_document(path), read_text(path.read_text())]
    targets = [requirements_from_posting(f) for f in forms]
    first = targets[0]
    for t in targets[1:]:
        assert t.requirements == first.requirements
        assert (t.years_min, t.degree_level, t.certifications) == (
            first.years_min, first.degree_level, first.certifications)
    assert first.kind == "posting" and first.title == "Staff Accountant"


def test_title_line():
    t = requirements_from_posting(POSTINGS / "frontend_engineer.txt")
    assert t.title == "Senior Frontend Engineer"


def test_evidence_is_the_asking_line(parsed):
    reqs = {r.name: r for r in parsed["frontend_engineer"].requirements}
    assert "Cypress" in reqs["Cypress"].evidence
