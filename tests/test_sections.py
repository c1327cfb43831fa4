from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.document import SECTION_NAMES, Section
from gapcheck.sections import canonical_section, find_sections


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # summary
        ("Summary", "summary"), ("Professional Summary", "summary"), ("Profile", "summary"),
        ("About Me", "summary"), ("Objective", "summary"), ("Career Objective", "summary"),
        ("Overview", "summary"), ("Summary of Qualifications", "summary"),
        # experience
        ("Experience", "experience"), ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"), ("Employment History", "experience"),
        ("Work History", "experience"), ("Career History", "experience"),
        ("Relevant Experience", "experience"), ("Clinical Experience", "experience"),
        ("Leadership Experience", "experience"), ("Research Experience", "experience"),
        # education
        ("Education", "education"), ("Academic Background", "education"),
        ("Education & Training", "education"), ("Education and Training", "education"),
        ("Academic Qualifications", "education"), ("Qualifications", "education"),
        # skills
        ("Skills", "skills"), ("Technical Skills", "skills"), ("Core Competencies", "skills"),
        ("Competencies", "skills"), ("Areas of Expertise", "skills"), ("Expertise", "skills"),
        ("Technologies", "skills"), ("Tech Stack", "skills"), ("Toolbox", "skills"),
        ("Tools", "skills"), ("Tools & Technologies", "skills"), ("Key Skills", "skills"),
        ("Skills & Tools", "skills"), ("Strengths", "skills"), ("Proficiencies", "skills"),
        ("Technical Proficiencies", "skills"), ("Languages & Frameworks", "skills"),
        ("Software", "skills"), ("Clinical Skills", "skills"), ("Skill Set", "skills"),
        ("Programming Languages", "skills"), ("Skills Summary", "skills"),
        ("Summary of Skills", "skills"), ("Cloud Skills", "skills"),
        # certifications
        ("Certifications", "certifications"), ("Certificates", "certifications"),
        ("Licenses", "certifications"), ("Licenses & Certifications", "certifications"),
        ("Credentials", "certifications"), ("Accreditations", "certifications"),
        # projects
        ("Projects", "projects"), ("Selected Projects", "projects"),
        ("Personal Projects", "projects"), ("Side Projects", "projects"),
        ("Portfolio", "projects"), ("Data Engineering Projects", "projects"),
        ("Open Source & Writing", "projects"), ("Projects & Publications", "projects"),
        # publications
        ("Publications", "publications"), ("Papers", "publications"),
        ("Research", "publications"), ("Talks", "publications"),
        ("Presentations", "publications"),
        # other
        ("Awards", "other"), ("Honors", "other"), ("Volunteer", "other"),
        ("Volunteering", "other"), ("Interests", "other"), ("Hobbies", "other"),
        ("Languages", "other"), ("References", "other"), ("Activities", "other"),
        ("Affiliations", "other"), ("Memberships", "other"), ("Courses", "other"),
        ("Coursework", "other"), ("Awards & Honors", "other"),
        # decoration
        ("## Skills", "skills"), ("**Education**", "education"), ("SKILLS:", "skills"),
        ("**Skills:**", "skills"), ("1. Experience", "experience"),
        ("S K I L L S", "skills"), ("W O R K   E X P E R I E N C E", "experience"),
        # not headings
        ("Experience with Python and SQL in production.", None),
        ("I have experience", None), ("Acme Technologies", None), ("Python", None),
        ("", None), ("Senior Software Engineer", None), ("Skills that pay the bills", None),
    ],
)
def test_canonical_section(heading: str, expected: str | None) -> None:
    assert canonical_section(heading) == expected


def _names(text: str) -> list[str]:
    return [s.name for s in find_sections(text)]


def _assert_tiles(text: str, sections: tuple[Section, ...]) -> None:
    if not text:
        assert sections == ()
        return
    assert sections[0].heading_start == 0
    assert sections[-1].end == len(text)
    for section in sections:
        assert section.name in SECTION_NAMES
        assert 0 <= section.heading_start <= section.start <= section.end <= len(text)
    for a, b in itertools.pairwise(sections):
        assert a.end == b.heading_start


RESUME = """Jane Doe
jane@example.com | +44 20 7946 0958

PROFESSIONAL SUMMARY
Experience with Python and SQL in production.
Experienced engineer.

Work Experience
---------------
Senior Engineer, Acme (2019 - 2024)
- Built pipelines
Tools: Airflow, Spark, Kafka
Engineer, Globex (2016 - 2019)
- Maintained services

## Education
BSc Computer Science

**Skills**
Python, SQL, Docker

Certifications: AWS Solutions Architect
Languages
English (native), French (fluent)
"""


def test_find_sections_on_a_resume() -> None:
    sections = find_sections(RESUME)
    _assert_tiles(RESUME, sections)
    assert [(s.name, s.heading) for s in sections] == [
        ("header", ""),
        ("summary", "PROFESSIONAL SUMMARY"),
        ("experience", "Work Experience"),
        ("skills", "Tools"),
        ("experience", "Work Experience"),  # the job list resumes after "Tools:"
        ("education", "Education"),
        ("skills", "Skills"),
        ("certifications", "Certifications"),
        ("other", "Languages"),
    ]
    by_name = {s.name: RESUME[s.start:s.end] for s in sections}
    assert by_name["header"].startswith("Jane Doe")
    assert "Experience with Python" in by_name["summary"]  # a sentence, not a heading
    experience = [RESUME[s.start:s.end] for s in sections if s.name == "experience"]
    assert experience[0].startswith("Senior Engineer")  # the underline is not body
    assert experience[1].startswith("Engineer, Globex")
    tools = sections[3]
    assert RESUME[tools.start:tools.end] == "Airflow, Spark, Kafka\n"
    assert by_name["certifications"].startswith("AWS Solutions Architect")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("", []),
        ("Just a name", ["header"]),
        ("SKILLS\nPython", ["skills"]),
        ("Skills: Python, SQL", ["skills"]),
        ("Name\nExperience with Python and SQL in production.", ["header"]),
        ("Name\nexperience\nmore", ["header"]),  # lowercase, unmarked: wrapped sentence
        ("Name\n# experience\nAcme", ["header", "experience"]),
        ("Name\nExperience\nAcme\nEducation\nMIT", ["header", "experience", "education"]),
        ("Name\n- Skills\nx", ["header"]),  # a list item is not a heading
        ("Name\nSkills 2024\nx", ["header"]),
        ("Name\nLanguages\nPython, Java, Go", ["header", "skills"]),
        ("Name\nLanguages: English, German", ["header", "other"]),
        ("Name\nLanguages: Python, JavaScript", ["header", "skills"]),
        ("Name\nProgramming Languages\nPython", ["header", "skills"]),
        ("Name\nSKILLS\nLanguages: Python, SQL\nFrameworks: Django", ["header", "skills"]),
        ("Name\nEducation\n=========\nMIT", ["header", "education"]),
        ("Name\nE D U C A T I O N\nMIT", ["header", "education"]),
        # decorated headings
        ("Name\n\n— SUMMARY —\nI fix pumps.", ["header", "summary"]),
        ("Name\n\n== Skills ==\nWelding", ["header", "skills"]),
        ("Name\n\n[ EXPERIENCE ]\nAcme", ["header", "experience"]),
        # headings no list holds, named by what is under them
        ("Name\n\nArsenal\n=======\nTerraform, Ansible, Helm\nGo | Python | Bash",
         ["header", "skills"]),
        ("Name\n\nWhere I've Been\n===============\nSRE Lead, Acme (04/2020 - present)\n"
         "- Ran on-call", ["header", "experience"]),
        ("Name\n\nTRADE SKILLS\n- Conduit bending\n- Motor controls", ["header", "skills"]),
        ("Name\n\nWelding Skills\n- MIG\n- TIG", ["header", "skills"]),
        # blocks with no heading over them
        ("Rosa Delgado\nrosa@example.com\n\nHard-working MA who keeps a busy family "
         "practice running for five years.\n\nHillcountry Medicine - Medical Assistant\n"
         "March 2020 to 2024\n- Room patients", ["header", "summary", "experience"]),
        ("Ray Jones\nray@example.com\n\n- Dry van, reefer and flatbed\n"
         "- Pre-trip inspections (DVIR)\n- Load securement\n\nExperience\nAcme",
         ["header", "skills", "experience"]),
        # an inline list above the first heading covers only its own lines
        ("Jo\njo@example.com\n\nPlatforms / tools: Instagram / TikTok / Canva\n\n"
         "Social Lead | Pipsqueak Toys | May 2022 - Present\nGrew the account.",
         ["header", "skills", "header", "experience"]),
        # an unknown first line over a list names the block
        ("Dana Moss\ndana@example.com\n\nTools & Methods\n- SQL (BigQuery)\n- Python\n\n"
         "Experience\nAcme", ["header", "skills", "experience"]),
        ("Jo Tall\njo@example.org\n\nWhat I'm good at\n    Groundwater sampling\n"
         "    Soil and sediment sampling\n    Trimble GPS data collection\n\nExperience\nAcme",
         ["header", "skills", "experience"]),
        # no blank lines at all, as DOCX paragraphs and PDF lines often come
        ("DANA MOSS | Data Analyst | dana@example.com\nTools & Methods\n- SQL | R | Python\n"
         "- Tableau | Power BI\nExperience\nData Analyst, Acme, 2020 - 2024",
         ["header", "skills", "experience"]),
        ("Kim Lee\nkim@example.com\nWHAT I BRING\n- Wound care\n- IV therapy\nEXPERIENCE\nRN",
         ["header", "skills", "experience"]),
        # a job title in capitals over its jobs stays in the experience section
        ("Name\nExperience\nJob one 2019-2020\n\nACME CORP\nEngineer 2016 - 2019",
         ["header", "experience"]),
    ],
)
def test_find_sections_table(text: str, names: list[str]) -> None:
    sections = find_sections(text)
    _assert_tiles(text, sections)
    assert [s.name for s in sections] == names


def test_inline_heading_body_starts_after_colon() -> None:
    text = "Jane\nSkills: Python, SQL\nEducation\nMIT"
    skills = find_sections(text)[1]
    assert (skills.name, skills.heading) == ("skills", "Skills")
    assert text[skills.heading_start:skills.start] == "Skills: "
    assert text[skills.start:skills.end] == "Python, SQL\n"


def test_heading_at_end_without_newline() -> None:
    text = "Jane\nSkills"
    last = find_sections(text)[-1]
    assert (last.name, last.start, last.end) == ("skills", len(text), len(text))


def test_find_sections_is_fast_on_a_long_line() -> None:
    text = "Skills: " + "python " * 150_000
    start = time.perf_counter()
    sections = find_sections(text)
    assert time.perf_counter() - start < 1.0
    _assert_tiles(text, sections)


_HEADINGISH = st.sampled_from([
    "SKILLS", "Experience", "## Education", "**Projects**", "Skills: Python", "Languages",
    "Tools: Docker", "-----", "=====", "Summary:", "W O R K", "- item", "Acme Corp", "",
    " ", "Experience with SQL.", "x",
])


@given(st.lists(st.one_of(_HEADINGISH, st.text(max_size=20)), max_size=25))
@settings(max_examples=300, deadline=None)
def test_sections_tile_resume_like_text(parts: list[str]) -> None:
    text = "\n".join(parts)
    _assert_tiles(text, find_sections(text))


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
@settings(max_examples=300, deadline=None)
def test_sections_tile_arbitrary_text(text: str) -> None:
    _assert_tiles(text, find_sections(text))
    canonical_section(text)  # never raises


@pytest.mark.parametrize("text", [
    "Skills: a, b\nfoo bar\n\n" * 20000,
    "EXPERIENCE\nAcme 2019-2020\n\nWHAT I BRING\n- a\n- b\n\n" * 10000,
])
def test_find_sections_is_linear_in_headings(text):
    start = time.perf_counter()
    sections = find_sections(text)
    assert time.perf_counter() - start < 3.0
    _assert_tiles(text, sections)
