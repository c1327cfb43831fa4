"""Find employment-style date ranges and stated years of experience in resume text.

>>> from datetime import date
>>> [r.text for r in find_date_ranges("Acme | Jan 2019 - Present", today=date(2024, 6, 1))]
['Jan 2019 - Present']

Conventions (so durations come out the way a reader counts them):

* A month endpoint covers the whole month: a range starts on the 1st of its first month
  and ends on the last day of its last month, so "Jan 2019 - Dec 2019" is one year.
* A year-only start is 1 January. A year-only end is 1 January of that year when the
  range began in an earlier year ("2017-2020" reads as three years, not four) and
  31 December when the whole range is that one year (a lone "2020" is that year only).
* Present/Current/Now/Today end on ``today`` and set ``is_current``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

__all__ = ["DateRange", "find_date_ranges", "years_stated"]


@dataclass(frozen=True)
class DateRange:
    """A period found in text; ``span`` is the (start, end) offset of ``text``."""

    start: date
    end: date
    is_current: bool
    text: str
    span: tuple[int, int]


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# First and last month of each season, northern-hemisphere academic usage.
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (1, 2),
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])"
)
_Y4 = r"(?:19[5-9]\d|20\d\d)"
_APOS = "'\u2019\u2018`"
# One endpoint of a range. Named groups are used when parsing a single endpoint; a
# copy without names is embedded twice in the range pattern (re forbids repeats).
_ENDPOINT = rf"""(?:
    (?<![a-z])(?P<mon>{_MONTH})\.?,?\s{{0,2}}(?:(?P<y1>{_Y4})|[{_APOS}]\s?(?P<yy>\d\d))(?!\d)
  | (?<![a-z])(?P<season>summer|fall|autumn|spring|winter)\s(?P<y2>{_Y4})(?!\d)
  | (?<![a-z0-9])q(?P<q>[1-4])\s?(?P<y3>{_Y4})(?!\d)
  | (?<![\d/.])(?P<nm>1[0-2]|0?[1-9])[/.](?P<y4>{_Y4})(?![\d/.])
  | (?<![\d/.])(?P<y5>{_Y4})[/.](?P<nm2>0[1-9]|1[0-2])(?![\d/.])
  | (?<![\d/.$£€#])(?P<y6>{_Y4})(?![\d%])
)"""
_ENDPOINT_PLAIN = re.sub(r"\(\?P<\w+>", "(?:", _ENDPOINT)
_SEP = r"\s*(?:[-\u2010-\u2015\u2212~]+|to|until|till|through|thru)\s*"
_PRESENT = r"(?:(?:till|to)\s+)?(?:present|current(?:ly)?|now|today|ongoing|date)(?![a-z])"
_FLAGS = re.IGNORECASE | re.VERBOSE

_ENDPOINT_RE = re.compile(_ENDPOINT, _FLAGS)
_RANGE_RE = re.compile(
    rf"(?P<a>{_ENDPOINT_PLAIN}){_SEP}(?:(?P<present>{_PRESENT})|(?P<b>{_ENDPOINT_PLAIN}))",
    _FLAGS,
)
# "Jun - Aug 2019": the start month borrows the end's year.
_SHARED_YEAR_RE = re.compile(rf"(?<![a-z])(?P<m>{_MONTH})\.?{_SEP}(?P<b>{_ENDPOINT_PLAIN})", _FLAGS)
_SEASON_RE = re.compile(
    rf"(?<![a-z])(?:summer|fall|autumn|spring|winter)\s(?:{_Y4})(?!\d)", re.IGNORECASE
)
# A lone year closing a short line after a separator ("Acme Corp | 2020",
# "Analyst, Acme (2020)") or alone on the line after a role line. Anything looser
# ("in 2020", "since 2020") is prose, not a job date.
_LONE_YEAR_END_RE = re.compile(
    rf"(?:[|,\u2013\u2014]|\s-|\t|[ ]{{2}}|[ ](?=[(\[]))[ \t]*[(\[]?(?P<y>{_Y4})[)\]]?[ \t]*$",
    re.MULTILINE,
)
_LONE_YEAR_LINE_RE = re.compile(rf"^[ \t]*[(\[]?(?P<y>{_Y4})[)\]]?[ \t]*$", re.MULTILINE)


def _month(name: str) -> int | None:
    # casefold, not lower: re.IGNORECASE also matches letters such as "ſ" (long s).
    return _MONTHS.get(name.casefold()[:3])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _endpoint(text: str, today: date) -> tuple[date, date, bool] | None:
    """(first day, last day, year_only) of one endpoint, or None if not a date."""
    m = _ENDPOINT_RE.fullmatch(text.strip())
    if m is None:
        return None
    g = m.groupdict()
    if g["mon"]:
        month = _month(g["mon"])
        if month is None:
            return None
        if g["y1"]:
            year = int(g["y1"])
        else:
            # Two-digit years: close to today means this century, otherwise last.
            yy = int(g["yy"])
            year = 2000 + yy if yy <= today.year % 100 + 5 else 1900 + yy
        return date(year, month, 1), _month_end(year, month), False
    if g["season"]:
        year = int(g["y2"])
        if g["season"].casefold() not in _SEASONS:
            return None  # IGNORECASE lets odd Unicode letters through; casefold maps most
        first, last = _SEASONS[g["season"].casefold()]
        return date(year, first, 1), _month_end(year, last), False
    if g["q"]:
        year, q = int(g["y3"]), int(g["q"])
        return date(year, 3 * q - 2, 1), _month_end(year, 3 * q), False
    if g["nm"] or g["nm2"]:
        year = int(g["y4"] or g["y5"])
        month = int(g["nm"] or g["nm2"])
        return date(year, month, 1), _month_end(year, month), False
    year = int(g["y6"])
    return date(year, 1, 1), date(year, 12, 31), True


def _plausible(start: date, end: date, today: date) -> bool:
    # Future ends are allowed (expected graduation, contract end) but not far-off ones.
    return start <= end and start.year <= today.year + 1 and end.year <= today.year + 10


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _make(text: str, m: re.Match[str], start: date, end: date, current: bool) -> DateRange:
    return DateRange(start, end, current, m.group(0), (m.start(), m.end()))


#: Every date form has a year in it ("2019", "'19", "03/2018", "2018.03"); the lines
#: that have none are skipped before the full patterns run.
_DATE_HINT = re.compile(r"\d{4}|['\u2019]\d\d|\d/\d\d")
_YEARS_HINT = re.compile(r"y(?:ea)?rs?\b|decade", re.IGNORECASE)


#: Stretches of a text, (start, end), that a pattern needs to read.
_Windows = tuple[tuple[int, int], ...]


def _scan(pattern: re.Pattern[str], text: str, windows: _Windows):
    """``pattern.finditer(text)`` over just the ``windows`` (see ``_windows``): same
    matches, less work."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def _windows(text: str, hint: re.Pattern[str]) -> _Windows:
    """The lines ``hint`` finds something on, with their neighbours (for dates broken
    across a line end): found once for all the patterns that share the hint."""
    out: list[tuple[int, int]] = []
    last_end = -1
    for h in hint.finditer(text):
        if h.start() < last_end:
            continue
        line_start = text.rfind("\n", 0, h.start())  # -1 on the first line
        start = 0 if line_start < 0 else text.rfind("\n", 0, line_start) + 1
        line_end = text.find("\n", h.end())
        end = -1 if line_end < 0 else text.find("\n", line_end + 1)
        end = len(text) if end < 0 else end
        out.append((max(start, last_end), end))
        last_end = end
    return tuple(out)


def _ranges(text: str, today: date, windows: _Windows) -> list[DateRange]:
    found: list[DateRange] = []
    for m in _scan(_RANGE_RE, text, windows):
        a = _endpoint(m.group("a"), today)
        if a is None:
            continue
        if m.group("present"):
            start, end, current = a[0], today, True
        else:
            b = _endpoint(m.group("b"), today)
            if b is None:
                continue
            start, current = a[0], False
            # Year-only end after an earlier start: count to the start of that year.
            end = date(b[0].year, 1, 1) if b[2] and b[0].year > start.year else b[1]
        if _plausible(start, end, today):
            found.append(_make(text, m, start, end, current))
    return found


def _shared_year(text: str, today: date, taken: list[tuple[int, int]],
                 windows: _Windows) -> list[DateRange]:
    found = []
    for m in _scan(_SHARED_YEAR_RE, text, windows):
        b = _endpoint(m.group("b"), today)
        if b is None or b[2] or _overlaps(m.span(), taken):
            continue
        month = _month(m.group("m"))
        if month is None:
            continue
        year = b[0].year if month <= b[0].month else b[0].year - 1  # "Nov - Feb 2020"
        start = date(year, month, 1)
        if _plausible(start, b[1], today):
            found.append(_make(text, m, start, b[1], False))
    return found


def _singles(text: str, today: date, taken: list[tuple[int, int]],
             windows: _Windows) -> list[DateRange]:
    found = []
    for m in _scan(_SEASON_RE, text, windows):
        parsed = _endpoint(m.group(0), today)
        if parsed and not _overlaps(m.span(), taken) and _plausible(*parsed[:2], today):
            found.append(_make(text, m, parsed[0], parsed[1], False))
    for m in _scan(_LONE_YEAR_END_RE, text, windows):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = text[line_start : m.start()]
        if len(head) > 100 or sum(c.isalpha() for c in head) < 2 or head.rstrip().endswith("."):
            continue
        found.extend(_lone_year(text, m, today, taken))
    for m in _scan(_LONE_YEAR_LINE_RE, text, windows):
        prev = text[: m.start()].rstrip().rsplit("\n", 1)[-1].strip()
        if 2 <= sum(c.isalpha() for c in prev) and len(prev) <= 100 and not prev.endswith("."):
            found.extend(_lone_year(text, m, today, taken))
    return found


def _lone_year(
    text: str, m: re.Match[str], today: date, taken: list[tuple[int, int]]
) -> list[DateRange]:
    year = int(m.group("y"))
    span = m.span("y")
    if year > today.year or _overlaps(span, taken):
        return []
    taken.append(span)
    return [DateRange(date(year, 1, 1), date(year, 12, 31), False, m.group("y"), span)]


def find_date_ranges(text: str, today: date) -> list[DateRange]:
    """All date ranges in ``text``, in order of appearance, never overlapping.

    >>> find_date_ranges("2017-2020", date(2024, 1, 1))[0].end
    datetime.date(2020, 1, 1)
    """
    windows = _windows(text, _DATE_HINT)
    found = _ranges(text, today, windows)
    taken = [r.span for r in found]
    extra = _shared_year(text, today, taken, windows)
    taken += [r.span for r in extra]
    found += extra
    found += _singles(text, today, taken, windows)
    return sorted(found, key=lambda r: r.span)


# --- stated years ------------------------------------------------------------------

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "twenty-five": 25, "thirty": 30, "a": 1, "an": 1,
}  # fmt: skip
_NUM = (
    r"(?:\d{1,2}(?:\.\d)?|twenty-five|"
    + "|".join(
        w
        for w in sorted(_WORD_NUMBERS, key=len, reverse=True)
        if w not in ("a", "an", "twenty-five")
    )
    + ")"
)
_QUALIFIER = (
    r"(?P<q>over|more\s+than|nearly|almost|about|approximately|around|close\s+to|at\s+least)"
)
# "5 years" alone is too often a duration of something else ("a 3 year project"), so a
# bare number needs "+"/a qualifier or an experience word shortly after it.
_YEARS_RE = re.compile(
    rf"""(?<![\w.])(?:{_QUALIFIER}\s+)?(?:(?P<lo>{_NUM})\s*(?:-|\u2013|to)\s*)?
    (?P<n>{_NUM})\s*(?P<plus>\+|plus)?\s*-?\s*(?:years?|yrs?)(?![a-z])['\u2019]?
    (?P<ctx>(?=[^.;\n]{{0,60}}?\b(?:experience|exp\b|expertise|background|career|industry
      |professional|working|hands-on|track\s+record)))?""",
    re.IGNORECASE | re.VERBOSE,
)
_DECADES_RE = re.compile(
    rf"(?<![\w])(?:{_QUALIFIER}\s+)?(?P<n>a|one|two|three|\d)\s+decades?(?![a-z])",
    re.IGNORECASE,
)


def _number(word: str) -> float | None:
    word = word.casefold()
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    try:
        return float(word)
    except ValueError:  # an IGNORECASE look-alike of a number word
        return None


def years_stated(text: str) -> float | None:
    """The largest number of years of experience the text claims, or None.

    >>> years_stated("Data scientist with 5+ years of experience in NLP.")
    5.0
    """
    best: float | None = None
    windows = _windows(text, _YEARS_HINT)
    for m in _scan(_YEARS_RE, text, windows):
        if not (m.group("plus") or m.group("q") or m.group("ctx") is not None):
            continue
        # A range ("5-7 years") is a hint of at least the lower bound.
        value = _number(m.group("lo") or m.group("n"))
        if value is not None and 0 < value <= 60 and (best is None or value > best):
            best = value
    for m in _scan(_DECADES_RE, text, windows):
        n = _number(m.group("n"))
        if n is not None and 0 < 10 * n <= 60 and (best is None or 10 * n > best):
            best = 10 * n
    return best
