from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.normalize import normalize_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ""),
        ("plain ascii", "plain ascii"),
        # ligatures
        ("\ufb01nance \ufb02ow o\ufb00er o\ufb03ce wa\ufb04e", "finance flow offer office waffle"),
        # NFC: e + combining acute -> é
        ("Cafe\u0301", "Caf\u00e9"),
        # bullets at line start
        ("\u2022 Python", "- Python"),
        ("  \u25aa indented", "  - indented"),
        ("\u25cf SQL\n\u25e6 Spark\n\u25a0 Go\n\u25cb Rust", "- SQL\n- Spark\n- Go\n- Rust"),
        ("\u25ba a\n\u25b8 b\n\u2023 c\n\u2043 d\n\u2219 e\n\u00b7 f",
         "- a\n- b\n- c\n- d\n- e\n- f"),
        ("\uf0b7 Symbol bullet\n\uf0a7 Wingdings", "- Symbol bullet\n- Wingdings"),
        ("\u2022Python", "- Python"),
        ("\u2013 Led a team\n\u2014 Built", "- Led a team\n- Built"),
        ("\u2022\nPython", "- Python"),  # bullet alone on its line (PDF output)
        ("\u2022 \u2022 Python", "- Python"),
        # bullets inside a line keep items apart
        ("Python \u2022 SQL \u2022 Spark", "Python | SQL | Spark"),
        ("Python\u2022SQL", "Python | SQL"),
        ("English \u00b7 German", "English | German"),
        ("Python \u2022", "Python"),
        # a middle dot inside a word and dashes inside a line are punctuation
        ("Catal\u00e0 l\u00b7l", "Catal\u00e0 l\u00b7l"),
        ("2019 \u2013 2021", "2019 \u2013 2021"),
        # spaces and invisible characters
        ("a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"),
        ("zero\u200bwidth\u200c\u200djoin\u2060er", "zerowidthjoiner"),
        ("\ufeffBOM at start", "BOM at start"),
        ("soft\u00adhyphen", "softhyphen"),
        ("manage\u00ad\nment", "management"),
        ("tab\tseparated", "tab separated"),
        # quotes
        ("\u201cquoted\u201d and it\u2019s \u2018single\u2019", "\"quoted\" and it's 'single'"),
        ("full\u2011stack", "full-stack"),
        # hyphenation across line ends
        ("manage-\nment", "management"),
        ("experi-\n  ence", "experience"),
        ("Jean-\nPaul", "Jean-\nPaul"),
        ("self-\nmotivated", "self-motivated"),
        ("ISO-\n9001", "ISO-\n9001"),
        ("- item\n- next", "- item\n- next"),
        # line ends, trailing spaces, blank lines
        ("a\r\nb\rc", "a\nb\nc"),
        ("trailing   \nspaces \t", "trailing\nspaces"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("a\n\n\nb", "a\n\n\nb"),
        ("a\n \n\t\n  \n \nb", "a\n\nb"),
        ("\n\nleading blank lines", "leading blank lines"),
        ("page one\fpage two", "page one\n\npage two"),
        ("line\u2028sep", "line\nsep"),
        # control characters and lone surrogates
        ("nul\x00bell\x07esc\x1bdel\x7fc1\x85x", "nulbellescdelc1\nx"),
        ("a\ud800b", "ab"),
    ],
)
def test_normalize_table(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_is_idempotent_on_typical_text() -> None:
    once = normalize_text(_RESUME)
    assert normalize_text(once) == once


def test_normalize_keeps_resume_structure() -> None:
    text = normalize_text(_RESUME)
    assert "- Designed and built a streaming platform" in text
    assert "Python | SQL | Scala" in text
    assert "Passionate" in text
    assert "team's" in text
    assert "\u2022" not in text and "\u00a0" not in text


def test_normalize_is_fast() -> None:
    doc = (_RESUME * 5)[:5000]
    normalize_text(doc)
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        normalize_text(doc)
    per_call = (time.perf_counter() - start) / runs
    assert per_call < 0.005  # ~0.2 ms on a laptop; generous for slow CI machines


@pytest.mark.parametrize(
    "hostile",
    [
        "a" + " " * 300_000 + "b",
        "\u2022" * 300_000,
        " \u2022" * 150_000 + "x",
        "x" + " " * 200_000 + "\u2022" + " " * 200_000 + "y",
        "a-\n" * 100_000,
        "\n" * 300_000,
        "\u00ad\n" * 100_000,
    ],
    ids=["spaces", "bullets", "spaced-bullets", "bullet-in-spaces", "hyphens", "newlines",
         "soft-hyphens"],
)
def test_normalize_is_linear_on_hostile_input(hostile: str) -> None:
    start = time.perf_counter()
    normalize_text(hostile)
    assert time.perf_counter() - start < 2.0


# exclude_categories=() lets lone surrogates (category Cs) in too.
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
@settings(max_examples=300, deadline=None)
def test_normalize_never_raises(text: str) -> None:
    out = normalize_text(text)
    assert isinstance(out, str)
    assert "\r" not in out and "\t" not in out and "\x00" not in out
    assert not out.startswith("\n") and not out.endswith("\n")
    assert all(not line.endswith(" ") for line in out.split("\n"))
    assert "\n\n\n\n" not in out


_TRICKY = list("ab -|\n\u2022\u00b7\u2013\u00ad\u00a0\t\r\ufb01\u201c")


@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=60))
@settings(max_examples=300, deadline=None)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


_RESUME = """JANE DOE
Senior Data Engineer \u2022 Berlin, Germany \u2022 jane.doe@example.com

PROFESSIONAL SUMMARY
Data engineer with 8+ years building batch and streaming pipelines. Pas-
sionate about data quality.

EXPERIENCE
Senior Data Engineer \u2014 Acme Analytics GmbH, Berlin            2020 \u2013 Present
\u2022 Designed and built a streaming platform on Kafka and Flink.
\u2022 Mentored four engineers; ran the team\u2019s hiring loop and on\u2011call rotation.
\u2022 Built cost dashboards in Looker that saved \u20ac400k/year.

SKILLS
Languages: Python \u2022 SQL \u2022 Scala \u2022 Java
Cloud:\u00a0AWS \u2022 GCP \u2022 Terraform
"""


def test_a_boxed_side_bar_reads_as_its_lines() -> None:
    boxed = ("+--------------------+\n|  KIM LEE           |\n|--------------------|\n"
             "|  TECH I USE        |\n|  Go, Python, Bash  |\n+--------------------+\n\nEXPERIENCE")
    text = normalize_text(boxed)
    assert "|" not in text and "+--" not in text
    assert "TECH I USE\n Go, Python, Bash" in text
    assert "KIM LEE\n\n TECH I USE" in text  # the inner rule splits the box into blocks
