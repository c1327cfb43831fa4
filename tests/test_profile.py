from __future__ import annotations

from datetime import date
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.certifications import find_certifications, load_certifications
from gapcheck.degrees import find_degrees
from gapcheck.document import Document, Section
from gapcheck.profile import Profile, build_profile, current_title, find_jobs

TODAY = date(2024, 6, 15)


def make_doc(*parts: tuple[str, str]) -> Document:
    """A Document from (section name, body) pairs; "header" has no heading line.

    Built by hand so these tests do not depend on gapcheck.sections.
    """
    text, sections = "", []
    for name, body in parts:
        body = body.strip("\n") + "\n"
        heading_start = len(text)
        if name != "header":
            text += name.upper() + "\n"
        start = len(text)
        text += body + "\n"
        heading = name.upper() if name != "header" else ""
        sections.append(Section(name, heading, start, len(text), heading_start))
    return Document("<test>", text, "text", sections=tuple(sections))


def profile_of(*parts: tuple[str, str]) -> Profile:
    return build_profile(make_doc(*parts), today=TODAY)


# --- jobs and years -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "title", "employer"),
    [
        ("Senior Data Scientist\nAcme Corp | Jan 2019 - Present", "Senior Data Scientist", "Acme Corp"),
        ("Globex — Data Engineer (2017-2020)", "Data Engineer", "Globex"),
        ("Business Analyst, Initech, Austin, TX  03/2018 to 06/2021", "Business Analyst", "Initech"),
        ("Software Engineer at Hooli, Jan 2019 - Dec 2020", "Software Engineer", "Hooli"),
        ("Software Engineer @ Hooli | 2019 – 2021", "Software Engineer", "Hooli"),
        ("Umbrella Health    Jan 2019 – Present\nRegistered Nurse, ICU", "Registered Nurse", "Umbrella Health"),
        ("Jan 2019 – Dec 2020\nMarketing Manager | Vandelay Industries", "Marketing Manager", "Vandelay Industries"),
        ("Data Analyst\nStark Industries\nMay 2015 – Aug 2016", "Data Analyst", "Stark Industries"),
        ("Electrician Apprentice | Sparks LLC | 2020", "Electrician Apprentice", "Sparks LLC"),
        ("Barista\nBlue Bottle Coffee | 2019 - 2020", "Barista", "Blue Bottle Coffee"),
    ],
)  # fmt: skip
def test_job_title_and_employer_layouts(body: str, title: str, employer: str) -> None:
    jobs = find_jobs(make_doc(("experience", body)), today=TODAY)
    assert len(jobs) == 1
    assert (jobs[0].title, jobs[0].employer) == (title, employer)


def test_present_is_today_and_years_count_to_it() -> None:
    p = profile_of(("experience", "Data Analyst\nAcme | Jul 2022 - Present"))
    assert p.jobs[0].is_current and p.jobs[0].end == TODAY
    assert p.years_experience == 2.0


def test_overlapping_jobs_count_once() -> None:
    body = """
Data Scientist, Acme — Jan 2018 - Dec 2020
Adjunct Lecturer, State University — Jan 2020 - Dec 2021
Consultant, Self-employed — Jun 2019 - Jun 2020
"""
    assert profile_of(("experience", body)).years_experience == 4.0


def test_gaps_are_not_counted() -> None:
    body = "Analyst, Acme — Jan 2015 - Dec 2015\nAnalyst, Globex — Jan 2018 - Dec 2019"
    assert profile_of(("experience", body)).years_experience == 3.0


@pytest.mark.parametrize(
    "intern_line",
    [
        "Data Science Intern, Acme | Jun 2021 - Aug 2021",
        "Software Engineering Internship — Globex (Summer 2020)",
        "Co-op Engineer, Initech, Jan 2020 - Jun 2020",
        "Summer Intern\nHooli | Jun 2019 - Aug 2019",
    ],
)
def test_internships_are_listed_but_not_counted(intern_line: str) -> None:
    body = "Data Analyst\nAcme | Jan 2022 - Dec 2023\n\n" + intern_line
    p = profile_of(("experience", body))
    assert p.years_experience == 2.0
    assert [j.is_internship for j in p.jobs] == [False, True]


def test_dates_outside_experience_are_ignored_when_it_exists() -> None:
    p = profile_of(
        ("summary", "Analyst since 2010 - 2012 era tooling."),
        ("experience", "Data Analyst\nAcme | Jan 2020 - Dec 2020"),
        ("education", "B.S. Statistics, State University, 2015 - 2019"),
        ("projects", "Churn model (Jan 2018 - Dec 2019)"),
    )
    assert p.years_experience == 1.0 and len(p.jobs) == 1


def test_without_experience_section_education_dates_are_excluded() -> None:
    p = profile_of(
        ("header", "Sam Lee\nData Analyst, Acme | 2019 - 2022"),
        ("education", "B.A. Economics, State University, 2015 - 2019"),
    )
    assert p.years_experience == 3.0
    assert [j.employer for j in p.jobs] == ["Acme"]


def test_dates_in_bullets_are_not_jobs() -> None:
    body = "Data Analyst\nAcme | Jan 2020 - Dec 2021\n• Rebuilt reporting used from 2010 - 2019 by finance"
    p = profile_of(("experience", body))
    assert len(p.jobs) == 1 and p.years_experience == 2.0


def test_titles_most_recent_first_and_current_title() -> None:
    body = """
Data Analyst
Globex | 2016 - 2019

Senior Data Analyst
Acme | Mar 2019 - Present

Analytics Intern
Initech | Summer 2015
"""
    p = profile_of(("experience", body))
    assert p.titles == ("Senior Data Analyst", "Data Analyst", "Analytics Intern")
    assert current_title(p) == "Senior Data Analyst"


def test_current_title_without_current_job() -> None:
    p = profile_of(("experience", "Nurse Aide, Mercy | 2015 - 2018"))
    assert current_title(p) == "Nurse Aide"
    assert current_title(profile_of(("skills", "Python"))) is None


def test_years_stated_is_a_separate_hint() -> None:
    p = profile_of(("summary", "Engineer with 8+ years of experience."), ("skills", "Go"))
    assert (p.years_experience, p.years_stated) == (0.0, 8.0)


# --- degrees ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "level", "field", "in_progress"),
    [
        ("B.S. in Computer Science, University of Texas, 2019", "bachelor", "computer science", False),
        ("Bachelor of Science in Nursing (BSN), 2016", "bachelor", "nursing", False),
        ("BSc Mathematics, University of Leeds, 2014", "bachelor", "mathematics", False),
        ("Computer Science (BS), Ohio State University, 2018", "bachelor", "computer science", False),
        ("B.S., Statistics — Rutgers University, 2017", "bachelor", "statistics", False),
        ("Bachelor's in Business Administration, 2012", "bachelor", "business administration", False),
        ("BA, Economics, Wesleyan University, 2011", "bachelor", "economics", False),
        ("B.Tech in Electrical Engineering, IIT Bombay, 2015", "bachelor", "electrical engineering", False),
        ("M.S. in Data Science, Columbia University, Expected May 2026", "master", "data science", True),
        ("Master of Science (MS) in Applied Mathematics, 2020", "master", "mathematics", False),
        ("MBA, Wharton School, 2015", "master", "business administration", False),
        ("Master of Public Health, Emory University, 2019", "master", "public health", False),
        ("MS Physics, Stanford University, 2018", "master", "physics", False),
        ("Ph.D. in Statistics, UC Berkeley, 2021", "doctorate", "statistics", False),
        ("PhD Candidate, Computer Science, MIT (2022 - Present)", "doctorate", "computer science", True),
        ("Doctor of Pharmacy (PharmD), 2013", "doctorate", "pharmacy", False),
        ("Associate of Applied Science (AAS), Electrical Technology, 2010", "associate", "electrical technology", False),
        ("ADN, Nursing, Valencia College, 2012", "associate", "nursing", False),
        ("High School Diploma, Lincoln High School, 2008", "high school", None, False),
        ("GED, 2009", "high school", None, False),
        ("Certificate in Data Science, Harvard Extension School, 2021", "certificate", "data science", False),
        ("Master's, Finance, in progress", "master", "finance", True),
    ],
)  # fmt: skip
def test_degree_lines(line: str, level: str, field: str | None, in_progress: bool) -> None:
    degrees = find_degrees(make_doc(("education", line)), today=TODAY)
    assert len(degrees) == 1, degrees
    d = degrees[0]
    assert (d.level, d.field, d.in_progress) == (level, field, in_progress)


def test_degree_institution_and_year_across_lines() -> None:
    body = """
Massachusetts Institute of Technology, Cambridge, MA
M.S. in Electrical Engineering, 2017
University of Michigan — Ann Arbor, MI
B.S. in Physics | 2013 - 2015
"""
    ms, bs = find_degrees(make_doc(("education", body)), today=TODAY)
    assert (ms.level, ms.institution, ms.year) == (
        "master", "Massachusetts Institute of Technology", 2017
    )  # fmt: skip
    assert (bs.level, bs.institution, bs.year) == ("bachelor", "University of Michigan", 2015)


@pytest.mark.parametrize(
    "parts",
    [
        (("education", "Relevant skills: MS Excel, MS Office, MS-Word"),),
        (("skills", "Proficient in MS Office and MS Excel"),),
        (("summary", "Led LLM evaluation; drove at 65 MPH; BS detector"),),
        (("education", "Boston College Extension, Boston, MA"),),
        (("education", "Johns Hopkins University, Baltimore, MD 21218"),),
        (("experience", "Certified Scrum Master at Acme | 2019 - 2021"),),
        (("experience", "Associate Data Scientist\nAcme | 2019 - 2021"),),
        (("header", "Jane Doe, MA resident | Master Electrician"),),
    ],
)
def test_degree_traps(parts: tuple[tuple[str, str], ...]) -> None:
    assert find_degrees(make_doc(*parts), today=TODAY) == ()


def test_weak_abbreviation_outside_education_needs_a_field() -> None:
    doc = make_doc(("summary", "Analyst with an MS in Data Science and a BA in Economics."))
    assert [(d.level, d.field) for d in find_degrees(doc, today=TODAY)] == [
        ("master", "data science"), ("bachelor", "economics"),
    ]  # fmt: skip


def test_only_education_section_is_read_when_present() -> None:
    doc = make_doc(
        ("summary", "Pursuing a Master of Science in Data Science"),
        ("education", "B.A. Psychology, 2015"),
    )
    assert [d.level for d in find_degrees(doc, today=TODAY)] == ["bachelor"]


def test_highest_degree_skips_degrees_in_progress() -> None:
    p = profile_of(
        ("education", "Ph.D. Physics, expected 2026\nM.S. Physics, 2021\nB.S. Physics, 2019"),
    )
    assert [d.level for d in p.degrees] == ["doctorate", "master", "bachelor"]
    assert p.highest_degree is not None and p.highest_degree.level == "master"


def test_future_year_means_in_progress() -> None:
    (d,) = find_degrees(make_doc(("education", "B.S. Biology, 2027")), today=TODAY)
    assert d.in_progress and d.year == 2027


# --- certifications -------------------------------------------------------------------


def certs_in(*parts: tuple[str, str]) -> dict[str, str]:
    return {c.id: c.status for c in find_certifications(make_doc(*parts))}


@pytest.mark.parametrize(
    ("line", "cert_id"),
    [
        ("AWS Certified Machine Learning – Specialty (2022)", "aws-machine-learning-specialty"),
        ("AWS Certified Machine Learning - Specialty", "aws-machine-learning-specialty"),
        ("AWS ML Specialty", "aws-machine-learning-specialty"),
        ("aws certified machine learning specialty", "aws-machine-learning-specialty"),
        ("AWS Machine Learning Specialty certification", "aws-machine-learning-specialty"),
        ("Microsoft Certified: Azure AI Engineer Associate", "azure-ai-engineer-associate"),
        ("AI-102: Designing an Azure AI Solution", "azure-ai-engineer-associate"),
        ("Azure Data Scientist Associate (DP-100)", "azure-data-scientist-associate"),
        ("Google Cloud Professional Machine Learning Engineer", "google-cloud-professional-machine-learning-engineer"),
        ("Google Professional Machine Learning Engineer, 2023", "google-cloud-professional-machine-learning-engineer"),
        ("Google Cloud Professional Data Engineer", "google-cloud-professional-data-engineer"),
        ("AWS Solutions Architect Associate", "aws-solutions-architect-associate"),
        ("AWS Certified Cloud Practitioner", "aws-cloud-practitioner"),
        ("CKA, 2021", "certified-kubernetes-administrator"),
        ("HashiCorp Certified: Terraform Associate", "terraform-associate"),
        ("SnowPro Core Certified", "snowflake-snowpro-core"),
        ("PMP®", "pmp"),
        ("CompTIA Security+", "comptia-security-plus"),
        ("Lean Six Sigma Green Belt", "six-sigma-green-belt"),
        ("SHRM-CP", "shrm-cp"),
        ("Google Analytics (GA4) Certification", "google-analytics"),
        ("AWS Certified Machine Lerning Specialty", "aws-machine-learning-specialty"),
    ],
)  # fmt: skip
def test_certification_aliases(line: str, cert_id: str) -> None:
    assert certs_in(("certifications", line)) == {cert_id: "held"}


def test_nursing_certifications() -> None:
    found = certs_in(
        ("certifications", "RN License (Florida)\nBLS, ACLS, PALS\nNCLEX-RN, 2015\nCCRN")
    )
    assert set(found) == {"rn-license", "bls", "acls", "pals", "nclex", "ccrn"}


@pytest.mark.parametrize(
    ("line", "cert_id"),
    [
        ("OSHA 30-Hour Construction", "osha-30"),
        ("OSHA 10", "osha-10"),
        ("EPA 608 Universal", "epa-608"),
        ("CDL Class A with tanker endorsement", "cdl-class-a"),
        ("Class B CDL", "cdl-class-b"),
        ("Licensed Journeyman Electrician (Texas)", "journeyman-electrician-license"),
        ("Master Electrician License #12345", "master-electrician-license"),
        ("NATE Certified: Air Conditioning", "nate"),
    ],
)
def test_trade_certifications(line: str, cert_id: str) -> None:
    assert certs_in(("certifications", line)) == {cert_id: "held"}


def test_aws_certified_welder_is_not_amazon() -> None:
    (cert,) = find_certifications(make_doc(("certifications", "AWS Certified Welder, D1.1")))
    assert cert.id == "aws-certified-welder"
    assert cert.issuer == "American Welding Society"
    assert "Welding" in cert.related_skills


@pytest.mark.parametrize(
    "line",
    [
        "Currently preparing for the CPA exam",
        "CPA candidate (passed FAR and AUD)",
        "Pursuing CPA licensure",
        "CPA (in progress)",
        "CPA - expected 2025",
        "Studying for CPA",
    ],
)
def test_certification_in_progress(line: str) -> None:
    assert certs_in(("summary", line)) == {"cpa": "in progress"}


def test_status_is_per_mention_on_a_line() -> None:
    found = certs_in(("certifications", "PMP, CISSP, CPA (in progress)"))
    assert found == {"pmp": "held", "cissp": "held", "cpa": "in progress"}


def test_licensed_cpa_is_held() -> None:
    assert certs_in(("summary", "Licensed CPA with 10 years in audit")) == {"cpa": "held"}


@pytest.mark.parametrize(
    "parts",
    [
        (("experience", "Built forecasts from BLS employment data\nAcme | 2019 - 2021"),),
        (("experience", "Liaison with the CIA and FBI on records requests"),),
        (("experience", "QA tester at EA Sports | 2018 - 2020"),),
        (("header", "NATE JOHNSON\nnate@example.com"),),
        (("skills", "Google Ads, Google Analytics, SEO"),),
        (("summary", "Learning rn and pmp tooling"),),
        (("experience", "Deployed on AWS; Certified in-house welders"),),
    ],
)
def test_certification_traps(parts: tuple[tuple[str, str], ...]) -> None:
    assert certs_in(*parts) == {}


def test_ambiguous_acronym_counts_in_certifications_section() -> None:
    assert certs_in(("certifications", "CIA\nEA")) == {"cia": "held", "enrolled-agent": "held"}


def test_certification_span_points_at_the_text() -> None:
    doc = make_doc(("certifications", "Certified: AWS ML Specialty (2023)"))
    (cert,) = find_certifications(doc)
    assert doc.text[cert.span[0] : cert.span[1]] == cert.text == "AWS ML Specialty"


def test_certification_list_is_sound() -> None:
    entries = load_certifications()
    assert len(entries) >= 60
    assert len({e.id for e in entries}) == len(entries)
    assert all(e.name and e.issuer and e.related_skills for e in entries)


def test_ladder_certifications_are_all_known() -> None:
    import tomllib

    ladders = files("skill_lexicon") / "curated" / "ladders.toml"
    if not ladders.is_file():
        pytest.skip("no ladders.toml")
    known = {e.name for e in load_certifications()}
    data = tomllib.loads(ladders.read_text(encoding="utf-8"))
    wanted = {c for ladder in data.get("ladder", []) for c in ladder.get("certifications", [])}
    assert wanted - known == set()


# --- whole resumes ---------------------------------------------------------------------

ML_RESUME = (
    ("header", "PRIYA SHAH\npriya@example.com | (555) 123-4567 | Seattle, WA"),
    ("summary", "Machine learning engineer with 6+ years of experience in NLP and search."),
    (
        "experience",
        """
Senior Machine Learning Engineer
Acme Corp | Jan 2021 - Present
• Built a retrieval system serving 2M queries a day
• Cut inference cost 40% in 2023

Globex — Data Scientist (2017-2020)
- Churn models in scikit-learn; MS Excel reporting

Research Intern, Initech, Austin, TX  06/2016 to 08/2016
""",
    ),
    (
        "education",
        """
University of Washington, Seattle, WA
M.S. in Computer Science, 2017
B.S., Mathematics — University of Michigan, 2015
""",
    ),
    (
        "certifications",
        """
AWS Certified Machine Learning – Specialty (2022)
Google Cloud Professional Data Engineer (in progress)
""",
    ),
)


def test_resume_machine_learning_engineer() -> None:
    p = profile_of(*ML_RESUME)
    assert p.years_experience == 6.5  # Jan 2021-Jun 2024 plus 2017-2020; intern not counted
    assert p.years_stated == 6.0
    assert p.titles == ("Senior Machine Learning Engineer", "Data Scientist", "Research Intern")
    assert [j.employer for j in p.jobs] == ["Acme Corp", "Globex", "Initech"]
    assert p.highest_degree is not None
    assert (p.highest_degree.level, p.highest_degree.field) == ("master", "computer science")
    assert {c.id: c.status for c in p.certifications} == {
        "aws-machine-learning-specialty": "held",
        "google-cloud-professional-data-engineer": "in progress",
    }
    assert current_title(p) == "Senior Machine Learning Engineer"


def test_resume_nurse() -> None:
    p = profile_of(
        ("header", "Maria Lopez, RN\nTampa, FL"),
        (
            "experience",
            """
Registered Nurse, Medical-Surgical Unit
Tampa General Hospital | Aug 2018 - Present
Certified Nursing Assistant
Sunrise Senior Living | May 2015 – Jul 2018
""",
        ),
        (
            "education",
            (
                "Bachelor of Science in Nursing, University of South Florida, 2018\n"
                "Associate Degree in Nursing (ADN), Hillsborough CC, 2015"
            ),
        ),
        ("certifications", "BLS, ACLS (American Heart Association)\nPreparing for CCRN exam"),
    )
    assert p.years_experience == 9.1  # May 2015 to mid-June 2024
    assert p.titles[0] == "Registered Nurse"
    assert p.highest_degree is not None and p.highest_degree.level == "bachelor"
    assert p.highest_degree.field == "nursing"
    assert {c.id: c.status for c in p.certifications} == {
        "rn-license": "held", "bls": "held", "acls": "held", "ccrn": "in progress",
        "cna": "held",
    }  # fmt: skip


def test_resume_electrician_without_headings_for_jobs() -> None:
    p = profile_of(
        (
            "header",
            """
DEREK MILLER — Journeyman Electrician
Licensed Journeyman Electrician (TX #55012) · OSHA 30 · AWS Certified Welder
Lead Electrician, Bright Power Co., Houston TX   03/2019 to Present
Electrician Apprentice, Sparks LLC, Houston TX   06/2014 to 02/2019
""",
        ),
        (
            "education",
            (
                "High School Diploma, Lamar High School, 2013\n"
                "Certificate, Electrical Technology, Houston Community College, 2015"
            ),
        ),
    )
    assert p.years_experience == 10.0
    assert p.titles == ("Lead Electrician", "Electrician Apprentice")
    assert p.highest_degree is not None and p.highest_degree.level == "certificate"
    assert {c.id for c in p.certifications} == {
        "journeyman-electrician-license", "osha-30", "aws-certified-welder",
    }  # fmt: skip


def test_resume_new_graduate() -> None:
    p = profile_of(
        ("header", "Alex Kim\nalex@example.com"),
        (
            "education",
            (
                "B.S. in Statistics, Purdue University — Expected May 2025\n"
                "Relevant coursework: MS Excel, regression, R"
            ),
        ),
        (
            "experience",
            """
Data Analyst Intern
Eli Lilly | Jun 2024 - Aug 2024
Teaching Assistant, Purdue Statistics Department, Aug 2022 - Dec 2023
""",
        ),
        (
            "certifications",
            "Google Data Analytics Professional Certificate\nTableau Desktop Specialist",
        ),
    )
    assert p.years_experience == 1.4
    assert [j.is_internship for j in p.jobs] == [True, False]
    assert p.highest_degree is None
    assert [(d.level, d.in_progress) for d in p.degrees] == [("bachelor", True)]
    assert {c.id for c in p.certifications} == {
        "google-data-analytics-certificate", "tableau-desktop-specialist",
    }  # fmt: skip


# --- robustness ----------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["experience", "education", "certifications"]))
def test_build_profile_never_raises(text: str, name: str) -> None:
    doc = Document("<fuzz>", text, "text")
    build_profile(doc, today=TODAY)
    cut = len(text) // 2
    sectioned = Document(
        "<fuzz>", text, "text", sections=(Section(name, "X", cut, len(text), cut),)
    )
    build_profile(sectioned, today=TODAY)
