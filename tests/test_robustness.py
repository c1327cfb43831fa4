"""Arbitrary and hostile input: gapcheck answers with a report or its own error, never a
crash."""
from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gapcheck
from gapcheck import GapcheckError, find_skills, read_text

# Text that looks like resumes: skill names, cue words, separators, dates, any unicode.
_PIECES = st.sampled_from([
    "Python", "R", "C", "Go", "go", "Excel", "excel at", "Spark", "learning", "no experience with",
    "Skills:", "SKILLS\n", "Experience\n", "Jan 2019 - Present", "2017-2020", "|", ",", "•",
    "(", ")", "&", "-", "\n", "  ", "C++", "C#", ".NET", "R&D", "AWS (S3, Glue)", "k8s",
    "Machine Learning", "currently learning", "want to learn", "BSc", "PhD in", "@", "é", "ﬁ",
])
_RESUMEISH = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map(" ".join)
_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.text(max_size=400))
def test_matcher_survives_any_unicode(text):
    try:
        doc = read_text(text)
    except GapcheckError:
        return  # nothing readable: gapcheck's own error is the right answer
    for skill in find_skills(doc).skills:
        for m in skill.mentions:
            assert doc.text[m.start : m.end] == m.text


@_SETTINGS
@given(_RESUMEISH)
def test_matcher_spans_point_at_their_text(text):
    try:
        doc = read_text(text)
    except GapcheckError:
        return
    for skill in find_skills(doc).skills:
        for m in skill.mentions:
            assert doc.text[m.start : m.end] == m.text


@_SETTINGS
@given(_RESUMEISH)
def test_analyze_gives_a_report_or_its_own_error(text):
    try:
        report = gapcheck.analyze(read_text(text or " "), role="Data Analyst",
                                  today=date(2026, 11, 1))
    except GapcheckError:
        return
    assert 0 <= report.score <= 100
    report.to_dict()


@pytest.mark.parametrize("text", [
    "x" * 1_000_000,                                    # one-megabyte line
    "Python\x00SQL\x00" * 1000,                          # NUL bytes
    ("Skills: " + ", ".join(string.ascii_uppercase)) * 2000,  # endless list of letters
    "(" * 50_000 + "Python" + ")" * 50_000,              # deep brackets
    "learning " * 20_000,                               # cue words everywhere
])
def test_hostile_text_is_analysed_or_refused(text):
    try:
        report = gapcheck.analyze(read_text(text), role="Software Engineer")
    except GapcheckError:
        return
    assert 0 <= report.score <= 100
