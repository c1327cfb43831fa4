"""Tests for gapcheck/roles.py: the role catalogue, the ML ladder and title lookup."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from gapcheck.errors import LexiconError, RoleNotFoundError
from gapcheck.roles import Level, RoleCatalog, load_roles, normalize_titles


@pytest.fixture(scope="module")
def catalog() -> RoleCatalog:
    return load_roles()


# query, expected role title, expected level title (None: no level matched)
LOOKUPS = [
    ("AI and Machine Learning Engineer", "Machine Learning Engineer", None),
    ("sr ml eng", "Machine Learning Engineer", "Senior Machine Learning Engineer"),
    ("Data Scientst", "Data Scientist", "Data Scientist"),
    ("nurse", "Registered Nurse", None),  # the curated ladder on 29-1141.00
    ("accountant", "Accountant", None),
    ("electrician", "Electrician", None),
    ("Machine Learning Engineer", "Machine Learning Engineer", "Machine Learning Engineer"),
    ("Principal ML Engineer", "Machine Learning Engineer", "Principal Machine Learning Engineer"),
    ("Director of ML", "Machine Learning Engineer", "Director of Machine Learning"),
    ("Senior Software Engineer", "Software Engineer", "Senior Software Engineer"),
    ("swe", "Software Engineer", "Software Engineer"),
    ("Softwre Engineer", "Software Engineer", "Software Engineer"),
    ("jr data analyst", "Data Analyst", "Junior Data Analyst"),
    ("Data Analist", "Data Analyst", "Data Analyst"),
    ("Senior Data Engineer", "Data Engineer", "Senior Data Engineer"),
    ("frontend developer", "Frontend Engineer", None),
    ("Software Engineer, Backend", "Backend Engineer", None),
    ("SRE", "DevOps Engineer", None),
    ("Senior Data Scientist - NLP", "Data Scientist", "Senior Data Scientist"),
    ("Machine Learning Engineer II", "Machine Learning Engineer", "Machine Learning Engineer"),
    ("registered nurse", "Registered Nurse", "Registered Nurse"),
    ("Registred Nurse", "Registered Nurse", "Registered Nurse"),
    ("lawyer", "Lawyers", None),
    ("Head Chef", "Chefs and Head Cooks", None),
    ("Customer Service Representative", "Customer Service Representatives", None),
    ("cybersecurity analyst", "Information Security Analysts", None),
    ("Computer Programmer", "Computer Programmers", None),
    ("Elementary School Teacher", "Elementary School Teachers, Except Special Education",
     None),
]


@pytest.mark.parametrize(("query", "title", "level"), LOOKUPS)
def test_find(catalog: RoleCatalog, query: str, title: str, level: str | None) -> None:
    match = catalog.find(query)
    assert match.role.title == title
    assert (match.level.title if match.level else None) == level
    assert match.score >= 80


@pytest.mark.parametrize(("query", "code"), [
    ("nurse", "29-1141.00"), ("accountant", "13-2011.00"), ("electrician", "47-2111.00"),
])
def test_find_onet_codes(catalog: RoleCatalog, query: str, code: str) -> None:
    assert catalog.find(query).role.onet_code == code


def test_nearest_match_note(catalog: RoleCatalog) -> None:
    match = catalog.find("AI and Machine Learning Engineer")
    assert match.role.source == "curated" and not match.exact
    assert match.note == ('"Machine Learning Engineer" was the nearest match for your query '
                          '"AI and Machine Learning Engineer".')


def test_exact_match_has_no_note(catalog: RoleCatalog) -> None:
    match = catalog.find("Senior Machine Learning Engineer")
    assert match.exact and match.note == ""


def test_alias_is_not_the_ml_seed_title() -> None:
    ml = load_roles().get("machine-learning-engineer")
    assert ml is not None
    assert "AI and Machine Learning Engineer" not in ml.alt_titles


@pytest.mark.parametrize("query", ["xyzzy plumbus", "underwater basket weaving", "the"])
def test_not_found_raises_with_suggestions(catalog: RoleCatalog, query: str) -> None:
    with pytest.raises(RoleNotFoundError) as info:
        catalog.find(query)
    assert info.value.query == query
    if query != "the":  # only a stopword: nothing to compare
        assert len(info.value.suggestions) == 3
        assert all(isinstance(s, str) and s for s in info.value.suggestions)


def test_all_onet_occupations_loaded(catalog: RoleCatalog) -> None:
    onet = [r for r in catalog if r.source == "onet"]
    assert len(onet) >= 1000 and len(catalog) == len(onet) + 13
    rn = catalog.get("29-1141.00")
    assert rn is not None and rn.job_zone == 4 and rn.skills and rn.alt_titles
    assert rn.degree_level and 0 < (rn.degree_share or 0) <= 1
    assert rn.years_min is not None and rn.years_max is not None
    assert all(code for code, _overlap in rn.related)
    weights = {s.weight for r in onet for s in r.skills}
    assert weights == {1.0, 1.5, 2.0}


def test_ml_ladder_complete(catalog: RoleCatalog) -> None:
    ml = catalog.get("machine-learning-engineer")
    assert ml is not None and ml.source == "curated"
    assert [lv.title for lv in ml.levels] == [
        "Summer Intern Machine Learning Engineer", "Machine Learning Engineer",
        "Senior Machine Learning Engineer", "Machine Learning Engineer Manager",
        "Lead Machine Learning Engineer", "Senior Manager of Machine Learning",
        "Principal Machine Learning Engineer", "Senior Principal Machine Learning Engineer",
        "Director of Machine Learning", "Vice President of Machine Learning",
    ]
    by_title = {lv.title: lv for lv in ml.levels}
    assert by_title["Machine Learning Engineer"] == Level(
        "Machine Learning Engineer", 2, 4, 125000, 186000, 0.32, "careers page")
    assert by_title["Senior Machine Learning Engineer"] == Level(
        "Senior Machine Learning Engineer", 2, 4, 144000, 207000, None, "careers page")
    assert by_title["Lead Machine Learning Engineer"] == Level(
        "Lead Machine Learning Engineer", 5, 7, 140000, 199000, None, "careers page")
    for lv in ml.levels:  # pay is only known for the three careers-page levels
        if lv.years_source == "estimate":
            assert lv.pay_min is None and lv.pay_max is None
        assert lv.years_min is not None and lv.years_max is not None
    assert ml.degree_level == "bachelor" and ml.degree_share == 0.68
    assert {"computer science", "statistics", "physics"} <= set(ml.degree_fields)
    required = {s.name for s in ml.skills if s.required}
    assert required == {"Machine Learning", "Python", "PyTorch", "TensorFlow", "Deep Learning",
                        "Statistics", "scikit-learn"}
    assert "Apache Kafka" in {s.name for s in ml.skills if not s.required}
    assert "AWS Certified Machine Learning – Specialty" in ml.certifications
    assert ("software-engineer", 0.14) in ml.transitions
    assert (ml.years_min, ml.years_max) == (2, 4)


def test_curated_ladders_have_depth(catalog: RoleCatalog) -> None:
    curated = [r for r in catalog if r.source == "curated"]
    assert {"data-scientist", "data-engineer", "software-engineer", "frontend-engineer",
            "backend-engineer", "devops-engineer", "data-analyst"} <= {r.id for r in curated}
    for role in curated:
        assert 6 <= len(role.levels) <= 10, role.id
        if role.id != "machine-learning-engineer":  # no sourced pay for other ladders
            assert all(lv.pay_min is None for lv in role.levels), role.id


def test_search_returns_distinct_roles(catalog: RoleCatalog) -> None:
    matches = catalog.search("data scientist", limit=5)
    assert matches[0].role.id == "data-scientist"
    assert len({m.role.id for m in matches}) == len(matches) <= 5


def test_lookup_is_fast(catalog: RoleCatalog) -> None:
    start = time.perf_counter()
    for query in ("Senior Data Engineer", "nurse", "Data Scientst", "sr ml eng"):
        catalog.find(query)
    assert (time.perf_counter() - start) / 4 < 0.05  # a few ms each; generous for CI


def test_user_role_file_extends_catalogue(tmp_path: Path) -> None:
    toml = tmp_path / "roles.toml"
    toml.write_text('''
[[ladder]]
id = "prompt-engineer"
name = "Prompt Engineer"
aliases = ["LLM Prompt Designer"]
onet_codes = ["15-1252.00"]
skills.required = ["Python", "Prompt Engineering"]
[[ladder.levels]]
title = "Senior Prompt Engineer"
years_min = 3
years_max = 6
''', encoding="utf-8")
    data = {"ladder": [{"id": "quantum-dev", "name": "Quantum Software Developer",
                        "skills": {"required": ["Qiskit"]}}]}
    (tmp_path / "q.json").write_text(json.dumps(data), encoding="utf-8")
    catalog = load_roles([toml, tmp_path / "q.json"])
    assert len(catalog) == len(load_roles()) + 2
    match = catalog.find("llm prompt designer")
    assert match.role.id == "prompt-engineer" and match.role.source == "user"
    assert catalog.find("sr prompt engineer").level.title == "Senior Prompt Engineer"
    assert catalog.find("Quantum Software Developer").role.skills[0].name == "Qiskit"
    assert match.role.job_zone == catalog.get("15-1252.00").job_zone  # from its O*NET code


@pytest.mark.parametrize("content", [
    "this is = not [toml",
    '[[ladder]]\nname = "No Id"\n',
    '[[ladder]]\nid = "x"\nname = "X"\nlevles = []\n',
    '[[ladder]]\nid = "x"\nname = "X"\n[[ladder.levels]]\ntitle = "A"\nyears_min = "two"\n',
    'title = "no ladder tables"\n',
    '[[ladder]]\nid = "x"\nname = "X"\ndegree = { share_with_degree = 68 }\n',
])
def test_bad_user_file_raises_lexicon_error(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_roles([bad])
    assert str(bad) in str(info.value)


def test_bad_json_user_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.json"):
        load_roles([bad])


def test_normalize_titles() -> None:
    assert normalize_titles(["Sr. ML Eng", "Accountants & Auditors", "QA Mgr", "Front-End Dev"]) \
        == ["senior machine learning engineer", "accountant auditor",
            "quality assurance manager", "front end developer"]


def test_roles_json_has_attribution() -> None:
    from importlib.resources import files

    doc = json.loads(files("skill_lexicon").joinpath("roles.json").read_text(encoding="utf-8"))
    assert "O*NET 29.2 Database" in doc["attribution"] and "CC BY 4.0" in doc["attribution"]
    assert len(doc["occupations"]) >= 1000
