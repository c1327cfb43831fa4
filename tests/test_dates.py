from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gapcheck.dates import DateRange, find_date_ranges, years_stated

TODAY = date(2024, 6, 15)


def only_range(text: str) -> DateRange:
    ranges = find_date_ranges(text, TODAY)
    assert len(ranges) == 1, ranges
    return ranges[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2019 - Present", date(2019, 1, 1), TODAY, True),
        ("January 2019 – Current", date(2019, 1, 1), TODAY, True),
        ("Jan. 2019 to Now", date(2019, 1, 1), TODAY, True),
        ("2017-2020", date(2017, 1, 1), date(2020, 1, 1), False),
        ("2017 – present", date(2017, 1, 1), TODAY, True),
        ("03/2018 to 06/2021", date(2018, 3, 1), date(2021, 6, 30), False),
        ("3/2018-6/2021", date(2018, 3, 1), date(2021, 6, 30), False),
        ("2018.03 - 2021.06", date(2018, 3, 1), date(2021, 6, 30), False),
        ("Summer 2016", date(2016, 6, 1), date(2016, 8, 31), False),
        ("Fall 2019", date(2019, 9, 1), date(2019, 11, 30), False),
        ("May 2015 – Aug 2016", date(2015, 5, 1), date(2016, 8, 31), False),
        ("Sept 2020 - Mar 2022", date(2020, 9, 1), date(2022, 3, 31), False),
        ("Q3 2019 - Q1 2021", date(2019, 7, 1), date(2021, 3, 31), False),
        ("2019 - Today", date(2019, 1, 1), TODAY, True),
        ("Jun '19 - Aug '21", date(2019, 6, 1), date(2021, 8, 31), False),
        ("Jun ’19 – Aug ’21", date(2019, 6, 1), date(2021, 8, 31), False),
        ("Feb 2020 — Nov 2020", date(2020, 2, 1), date(2020, 11, 30), False),
        ("Jan 2019 until Dec 2019", date(2019, 1, 1), date(2019, 12, 31), False),
        ("Mar 2017 through Feb 2018", date(2017, 3, 1), date(2018, 2, 28), False),
        ("September, 2012 to June, 2014", date(2012, 9, 1), date(2014, 6, 30), False),
        ("Fall 2019 - Spring 2021", date(2019, 9, 1), date(2021, 5, 31), False),
        ("Jun - Aug 2019", date(2019, 6, 1), date(2019, 8, 31), False),
        ("Nov - Feb 2020", date(2019, 11, 1), date(2020, 2, 29), False),
        ("2019 – Till Date", date(2019, 1, 1), TODAY, True),
        ("Apr 2022–Present", date(2022, 4, 1), TODAY, True),
        ("12.2015 - 01.2018", date(2015, 12, 1), date(2018, 1, 31), False),
        ("2020 - 2020", date(2020, 1, 1), date(2020, 12, 31), False),
    ],
)
def test_date_forms(text: str, start: date, end: date, current: bool) -> None:
    r = only_range(text)
    assert (r.start, r.end, r.is_current) == (start, end, current)
    assert r.text == text
    assert r.span == (0, len(text))


def test_span_and_text_inside_a_line() -> None:
    line = "Acme Corp | Jan 2019 - Present | Boston"
    r = only_range(line)
    assert line[r.span[0] : r.span[1]] == r.text == "Jan 2019 - Present"


def test_several_ranges_in_order() -> None:
    text = "Acme, 2020 - Present\nGlobex, Mar 2015 – Dec 2019\nInitech, Summer 2014"
    ranges = find_date_ranges(text, TODAY)
    assert [r.text for r in ranges] == ["2020 - Present", "Mar 2015 – Dec 2019", "Summer 2014"]


@pytest.mark.parametrize(
    "text",
    [
        "Data Analyst, Acme Corp (2020)",
        "Acme Corp | 2020",
        "Data Analyst — Acme Corp — 2020",
        "Data Analyst, Acme Corp\n2020",
    ],
)
def test_single_year_after_a_role_is_that_year(text: str) -> None:
    r = only_range(text)
    assert (r.start, r.end, r.text) == (date(2020, 1, 1), date(2020, 12, 31), "2020")


@pytest.mark.parametrize(
    "text",
    [
        "Founded the analytics guild in 2020 and grew it to 40 people",
        "Migrated the stack to Python 3 during 2019.",
        "Call 555-2019",
        "Reduced costs by 2019%",
        "Acme Corp | 2031",  # a lone future year is not a job date
        "Windows Server 2019",
        "Skills: Excel 2016",
    ],
)
def test_lone_years_that_are_not_job_dates(text: str) -> None:
    assert find_date_ranges(text, TODAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "2020 - 2017",  # reversed
        "1850 - 1860",  # out of range
        "13/2018 - 14/2019",  # no such months
        "Marketing manager, ISO 27001-2013 audits",
    ],
)
def test_not_ranges(text: str) -> None:
    assert [r for r in find_date_ranges(text, TODAY) if "-" in r.text] == []


def test_two_digit_years_pivot_on_today() -> None:
    r = only_range("Jun '98 - Aug '01")
    assert (r.start, r.end) == (date(1998, 6, 1), date(2001, 8, 31))


def test_present_follows_today() -> None:
    r = find_date_ranges("Jan 2019 - Present", date(2030, 1, 31))[0]
    assert r.end == date(2030, 1, 31) and r.is_current


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Data scientist with 5 years of experience in NLP.", 5.0),
        ("5+ years building data pipelines", 5.0),
        ("Engineer with over seven years in fintech.", 7.0),
        ("A decade of experience in retail management", 10.0),
        ("Over two decades leading teams", 20.0),
        ("10+ yrs exp. in Java; 3 years of experience in Go", 10.0),
        ("Twelve years' experience as an RN", 12.0),
        ("Nearly 4 years of professional experience", 4.0),
        ("3-5 years of experience with AWS", 3.0),
        ("Led a 3 year project to rebuild billing.", None),
        ("Managed a 2-year, $4M program", None),
        ("Saved 5 years of manual work per year", None),
        ("", None),
    ],
)
def test_years_stated(text: str, years: float | None) -> None:
    assert years_stated(text) == years


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_unicode(text: str) -> None:
    for r in find_date_ranges(text, TODAY):
        assert text[r.span[0] : r.span[1]] == r.text
        assert r.start <= r.end
    years_stated(text)


_PIECES = ["Jan", "2019", " - ", "Present", "'19", "/", ".", "Q3", "Summer", "\n", " ", "to",
           "ſep", "İ", "03", "–", "years", "+", "over", "decade", "ʼ", "２０１９"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_never_raises_on_date_like_noise(text: str) -> None:
    for r in find_date_ranges(text, TODAY):
        assert text[r.span[0] : r.span[1]] == r.text
    years_stated(text)


def test_fast_on_a_large_input() -> None:
    chunk = "Acme | Jan 2019 - Present\n• Built 2,019 things over 5+ years - 2017-2020 -- 03/\n"
    text = chunk * 3000 + "-" * 20000 + " 2019" * 5000
    started = time.perf_counter()
    find_date_ranges(text, TODAY)
    years_stated(text)
    assert time.perf_counter() - started < 3.0
