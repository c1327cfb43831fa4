"""The matcher: what it finds, what it refuses, and the evidence it keeps."""
from __future__ import annotations

import pytest

from gapcheck import find_skills, load_lexicon, read_text


def _id(name: str) -> str:
    skill = load_lexicon().resolve(name)
    assert skill is not None, f"{name} is not in the lexicon"
    return skill.id


def held(text: str) -> set[str]:
    return {s.id for s in find_skills(text).held}


def status_of(text: str, name: str) -> str | None:
    for s in find_skills(text).skills:
        if s.id == _id(name):
            return s.status
    return None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Skills: Python, Go, Kubernetes", "Go"),
        ("Wrote the ingestion service in Go and deployed it on Kubernetes.", "Go"),
        ("Languages: R, Python, SQL", "R"),
        ("Built survival models in R and Python.", "R"),
        ("Firmware in C and C++ for ARM microcontrollers.", "C"),
        ("Languages: ANSI C, Python, Bash", "C"),
        ("Skills: Excel, Word, PowerPoint", "Microsoft Excel"),
        ("Built pivot tables and VLOOKUP models in Excel.", "Microsoft Excel"),
        ("Ran Spark jobs on EMR; tuned Spark SQL queries.", "Apache Spark"),
        ("iOS apps in Swift and SwiftUI.", "Swift"),
        ("Tools: Chef, Puppet, Ansible", "Chef"),
    ],
)
def test_ambiguous_names_count_with_skill_context(text, name):
    assert _id(name) in held(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("I always go the extra mile for customers.", "Go"),
        ("Go-to person for escalations.", "Go"),
        ("Led R&D budgeting for the C-suite.", "R"),
        ("Led R&D budgeting for the C-suite.", "C"),
        ("I excel at building relationships.", "Microsoft Excel"),
        ("Excel at calming anxious patients.", "Microsoft Excel"),
        ("Sparked interest in recycling across the plant.", "Apache Spark"),
        ("Known for a swift response to outages.", "Swift"),
        ("Sous Chef at Bistro Lumen, 2019-2021.", "Chef"),
        ("Passed the course with grade C.", "C"),
        ("Applied rust-proofing to trailer frames.", "Rust"),
        ("Resolved rejected claims with Express Scripts.", "Express.js"),
        ("Skills: Form 1040 | Schedule C | Schedule E | Drake Tax", "C"),
        ("Patients on Vitamin C infusions were monitored hourly.", "C"),
        ("I investigate alerts, write detections, and brief IT teams and leadership "
         "in plain language.", "Microsoft Teams"),
    ],
)
def test_ordinary_words_are_not_skills(text, name):
    assert _id(name) not in held(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Built reactive dashboards with JavaScript.", "React"),
        ("Built reactive dashboards with JavaScript.", "Java"),
        ("Designed scalable services.", "Scala"),
    ],
)
def test_no_substring_hits(text, absent):
    assert _id(absent) not in held(text)


@pytest.mark.parametrize(
    "text, name, status",
    [
        ("Currently learning Rust.", "Rust", "learning"),
        ("I want to learn Tableau next year.", "Tableau", "learning"),
        ("No experience with Kubernetes yet.", "Kubernetes", "negated"),
        ("Not yet familiar with SAP.", "SAP", "negated"),
        ("Taking a course on AWS.", "Amazon Web Services", "learning"),
        ("Learning: Rust, Go", "Go", "learning"),
        ("Python (learning)", "Python", "learning"),
        ("Built machine learning pipelines in Python.", "Python", "held"),
        ("Currently learning Rust, proficient in Python.", "Python", "held"),
        ("No experience with Kubernetes, but strong Docker skills.", "Docker", "held"),
        ("I'd love to work with React someday.", "React", "learning"),
        ("Eager to use Terraform on a real project.", "Terraform", "learning"),
        ("CAREER GOALS\nBecome fluent in Rust.\n", "Rust", "learning"),
    ],
)
def test_learning_and_negation(text, name, status):
    assert status_of(text, name) == status


def test_held_elsewhere_beats_learning():
    text = "Skills: Python, Docker\nCurrently learning more Docker networking."
    assert status_of(text, "Docker") == "held"


@pytest.mark.parametrize(
    "written, name",
    [
        ("sklearn", "scikit-learn"),
        ("scikit learn", "scikit-learn"),
        ("Scikit-Learn", "scikit-learn"),
        ("NodeJS", "Node.js"),
        ("node js", "Node.js"),
        ("Postgres", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("Tensoflow", "TensorFlow"),
        ("Pytorch", "PyTorch"),
        ("Quick Books", "QuickBooks"),
    ],
)
def test_variants_and_typos(written, name):
    assert _id(name) in held(f"Skills: {written}, Git")


def test_english_words_are_not_fuzzed_into_skills():
    assert _id("Docker") not in held("Managed the court docket for three judges.")


def test_mentions_carry_evidence():
    doc = read_text("SUMMARY\nData person.\n\nSKILLS\nPython, SQL\n")
    skills = {s.name: s for s in find_skills(doc).held}
    mention = skills["Python"].mentions[0]
    assert doc.text[mention.start : mention.end] == "Python"
    assert mention.section == "skills"
    assert mention.method == "exact"


def test_rejected_mentions_say_why():
    found = find_skills("I go the extra mile.")
    assert found.rejected and "ordinary" in found.rejected[0].reason


def test_short_acronyms_need_their_case():
    assert _id("Machine Learning") not in held("Administered 500 ml of saline.")


@pytest.mark.parametrize(
    "text, name",
    [
        ("Languages: English (native), Polish (fluent)", "Polish"),
        ("Bilingual: English / Spanish", "English"),
        ("On call with PagerDuty; dashboards in Grafana, logs in Loki.", "PagerDuty"),
        ("CI runs ESLint and Prettier on every pull request.", "ESLint"),
        ("Routing & switching: Cisco IOS-XE, Catalyst 9300", "Cisco IOS"),
    ],
)
def test_skills_added_after_the_blind_sets(text, name):
    assert _id(name) in held(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Polish the brass fittings before inspection.", "Polish"),
        ("Routing & switching: Cisco IOS/IOS-XE, Catalyst 9300", "iOS Development"),
        ("Monitoring: SolarWinds NPM, Wireshark, PRTG", "npm"),
        ("Scripted patching and backups in Bash and Python.", "Drywall Repair Patching"),
    ],
)
def test_everyday_words_and_capitals_do_not_make_skills(text, name):
    assert _id(name) not in held(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hoping to become a notary public next year.", "Notary Public"),
        ("I would like to earn my QuickBooks skills next.", "QuickBooks"),
        ("Plan to pick up Salesforce soon.", "Salesforce"),
        ("Teaching myself Python to automate comps pulls.", "Python"),
        ("My manager suggested that I learn Tableau.", "Tableau"),
        ("Kim Lee\n\nTRAINING IN PROGRESS\n- Evening course in SolidWorks", "SolidWorks"),
    ],
)
def test_aspirations_are_not_held(text, name):
    assert _id(name) not in held(text)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Skills: MIG, TIG and stick welding", {"MIG Welding", "TIG Welding", "Stick Welding"}),
        ("Plasma & oxy-fuel cutting on site.", {"Plasma Cutting", "Oxy-Fuel Cutting"}),
        ("Surface water and stormwater sampling", {"Surface Water Sampling"}),
    ],
)
def test_items_sharing_their_last_word(text, names):
    assert {_id(n) for n in names} <= held(text)


def test_a_learning_line_under_an_odd_heading_is_learning():
    text = ("Kim Lee\n\n## Education\nB.S. Information Systems, 2013\n\n## Currently\n"
            "Learning Pulumi for a client that prefers general-purpose languages.")
    assert status_of(text, "Pulumi") == "learning"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Mentored by our VP of Customer Experience, Sage Whitcombe, who pushed me.", "Sage"),
        ("Thanks to my colleague Ruby Alvarez for the review.", "Ruby"),
    ],
)
def test_an_ambiguous_name_before_a_capitalised_word_is_a_proper_name(text, name):
    assert _id(name) not in held(text)


def test_currently_completing_training_is_learning():
    text = "I am currently completing EMDR training and am not yet using EMDR with clients."
    assert status_of(text, "EMDR") == "learning"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Toolbox: replace slack adjusters, brake chambers, S-cams", "Slack"),
        ("Skills: tune-ups, spark plugs, belts, hoses", "Apache Spark"),
    ],
)
def test_a_lower_case_name_that_starts_a_noun_is_not_the_skill(text, name):
    assert _id(name) not in held(text)


def test_a_job_title_is_not_an_alias():
    from gapcheck import load_lexicon

    assert load_lexicon().aliases.get("forklift operator") is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Experience\nSenior iOS Engineer, Fjordline Health — 2020 to date\n- Shipped apps",
         "iOS Development"),
        ("Load time dropped from 4.1s to 1.6s after code splitting.", "5S"),
        ("Barista and shift lead, Java House café, 2015–2018", "Coffee Preparation"),
    ],
)
def test_titles_and_numbers_are_not_skill_claims(text, name):
    assert _id(name) not in held(text)


def test_machine_learning_is_a_name_not_a_cue():
    text = "Machine learning engineer. Deep learning in PyTorch; self-learning Rust now."
    assert status_of(text, "PyTorch") == "held"
    assert status_of(text, "Rust") == "learning"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ADDRESSY = st.lists(st.sampled_from(list("ab.@:/-_ \n(|") + ["com", "org", "www.", "http",
                                                                 "io"]),
                     max_size=40).map("".join)


@given(_ADDRESSY)
@settings(max_examples=400, deadline=None)
def test_address_spans_are_the_full_patterns_matches(text):
    from gapcheck.match import _ADDRESS, _address_spans

    assert _address_spans(text) == [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]


def test_a_spoken_language_in_a_sentence_is_the_language():
    text = "Interview clients in English and Spanish for landlord-tenant cases."
    assert {_id("Spanish"), _id("English")} <= held(text)


@pytest.mark.parametrize(
    "text, name, status",
    [
        ("Enrolled in an evening medical Spanish course.", "Spanish", "learning"),
        ("I am also taking evening Portuguese classes.", "Portuguese", "learning"),
        ("Taught Spanish classes to adults for two years.", "Spanish", "held"),
    ],
)
def test_a_course_being_taken_teaches_what_it_names(text, name, status):
    assert status_of(text, name) == status


@pytest.mark.parametrize("written, name", [("P&L management", "P&L Management"),
                                           ("M&A due diligence", "Mergers and Acquisitions")])
def test_names_joined_by_an_ampersand(written, name):
    assert _id(name) in held(f"Skills: {written}, Excel")


def test_two_lower_case_words_are_not_a_one_word_product():
    found = find_skills("Helped put away stock; drew blood by finger sticks.").held
    assert [s.name for s in found if any(m.method == "joined" for m in s.mentions)] == []


@pytest.mark.parametrize("written, name", [("Zen desk", "Zendesk"), ("Mail Chimp", "Mailchimp")])
def test_a_product_name_split_in_two(written, name):
    assert _id(name) in held(f"Skills: {written}, Excel")


def test_a_phrase_wrapped_across_lines_is_one_phrase():
    assert _id("Blood Transfusion") in held("Managed PCA pumps and blood\ntransfusions daily.")


def test_a_name_after_a_capitalised_word_in_a_skills_sentence():
    text = ("Kim Lee\nkim@example.com\n\nWHAT I'M GOOD AT\nNine years on domestic makes, from "
            "sedans to fleet vans like the Chevy Express and Ford Transit.\n- Brake repair\n"
            "- Wheel alignment\n")
    assert _id("Express.js") not in held(text)
