"""Find academic degrees (level, field, institution, year) in a resume.

>>> from gapcheck.document import Document
>>> doc = Document("<text>", "B.S. in Computer Science, MIT, 2019", "text")
>>> d = find_degrees(doc)[0]
>>> (d.level, d.field, d.year)
('bachelor', 'computer science', 2019)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from gapcheck.document import Document

__all__ = ["DEGREE_LEVELS", "Degree", "find_degrees", "highest_degree"]

#: Degree levels, lowest first (a certificate is a post-secondary non-degree award).
DEGREE_LEVELS = ("high school", "certificate", "associate", "bachelor", "master", "doctorate")


@dataclass(frozen=True)
class Degree:
    """A degree the resume states; ``text`` is the line it was read from."""

    level: str
    field: str | None
    institution: str | None
    year: int | None
    text: str
    in_progress: bool


# (level, pattern, kind). "word": full words, any case. "abbr": an abbreviation that is a
# degree wherever it appears. "weak": an abbreviation that is also something else ("MS"
# Excel, "MA" the state, "MD" Maryland), trusted only in an education section or when
# followed by "in <Field>"/"of <Field>".
_DEGREE_TYPES = (
    r"(?:science|arts|engineering|applied\s+science|fine\s+arts|technology|commerce|laws)"
)
_PATTERNS: list[tuple[str, str, str]] = [
    ("doctorate", (r"(?i:doctor\s+of\s+(?:philosophy|medicine|pharmacy|nursing\s+practice|education"
                  r"|jurisprudence|dental\s+surgery|veterinary\s+medicine|psychology|public\s+health"
                  r"|business\s+administration|physical\s+therapy|osteopathic\s+medicine)"
                  r"|doctorate|doctoral\s+degree)"), "word"),
    ("doctorate", (r"Ph\.?\s?D\.?|PHD|D\.?Phil\.?|Pharm\.?\s?D\.?|M\.D\.|J\.D\.|Ed\.?D\.?|"
                  r"D\.?N\.?P\.?|Psy\.?D\.?|D\.?V\.?M\.?|D\.?D\.?S\.?"), "abbr"),
    ("doctorate", r"MD|JD", "weak"),
    ("master", (rf"(?i:master(?:(?:'s|’s|s)?\s+(?:of|in)\s+(?:{_DEGREE_TYPES}|[a-z]+(?:\s+[a-z]+)?)"
               r"|(?:'s|’s)(?:\s+degree)?|s?\s+degree))"), "word"),
    ("master", (r"M\.?Sc\.?|M\.S\.|M\.A\.|M\.?B\.?A\.?|M\.?Eng\.?|M\.?Tech\.?|M\.P\.H\.|M\.S\.N\."
               r"|M\.?Ed\.?|M\.F\.A\.|MSW|M\.S\.W\.|LL\.M\.|M\.?Phil\.?"), "abbr"),
    # Not "LLM" (language models) nor "MPH" (miles per hour) unless clearly a degree.
    ("master", r"MS|MA|MSN|MFA|MPA|MPH", "weak"),
    ("bachelor", (rf"(?i:bachelor(?:'s|’s|s)?(?:\s+(?:of|in)\s+(?:{_DEGREE_TYPES}|[a-z]+(?:\s+[a-z]+)?)"
                 r"|\s+degree)?|baccalaureate)"), "word"),
    ("bachelor", (r"B\.?Sc\.?|B\.S\.|B\.A\.|B\.?Eng\.?|B\.?Tech\.?|B\.?B\.?A\.?|B\.?S\.?N\.?|B\.F\.A\."
                 r"|B\.?Com\.?|B\.E\.|B\.?A\.?Sc\.?"), "abbr"),
    ("bachelor", r"BS|BA|BFA", "weak"),
    ("associate", (r"(?i:associate(?:'s|’s|s)?(?:\s+degree|\s+(?:of|in)\s+(?:applied\s+)?"
                  r"(?:science|arts|business|nursing)))"), "word"),
    ("associate", r"A\.?A\.?S\.?|A\.S\.|A\.A\.|A\.?D\.?N\.?", "abbr"),
    ("associate", r"AS|AA", "weak"),
    ("high school", (r"(?i:high\s+school\s+(?:diploma|graduate|equivalency)|secondary\s+school\s+diploma)"
                    r"|GED"), "abbr"),
    ("high school", r"(?i:high\s+school)", "weak"),
    ("certificate", r"(?i:(?:graduate\s+|post-?baccalaureate\s+|professional\s+)?certificate)", "weak"),
]  # fmt: skip
_COMPILED = [
    (level, re.compile(rf"(?<![A-Za-z0-9.])(?:{p})(?![A-Za-z0-9])"), kind)
    for level, p, kind in _PATTERNS
]
# "MS Excel", "MS-Office": Microsoft, not a degree.
_PRODUCT_RE = re.compile(
    r"[\s-]*(?:excel|office|word|access|powerpoint|outlook|project|visio|teams|sql|sharepoint"
    r"|dynamics|windows|azure|paint|publisher|exchange|365|suite|power|onenote|edwards)\b",
    re.IGNORECASE,
)
_FIELD_AFTER_RE = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?[,:\-–—]?\s*(?:in|of)\s+[A-Z]")
_STATE_AFTER_RE = re.compile(r"\s*(?:$|\d{5}|[,|)•·–—-])")
_INSTITUTION_WORDS = re.compile(
    r"\b(?:university|college|institute|school|academy|polytechnic|universit[éàa]|conservatory)\b",
    re.IGNORECASE,
)
_IN_PROGRESS_RE = re.compile(
    r"expected|anticipated|in[\s-]progress|candidate|pursuing|currently\s+enrolled"
    r"|to\s+be\s+completed|\bABD\b|\bpresent\b|\bongoing\b",
    re.IGNORECASE,
)
# On the line after the degree only an explicit status counts: that line also carries
# honours ("Sigma Theta Tau candidate") and side notes ("Ongoing: PLC course").
_NEXT_LINE_IN_PROGRESS_RE = re.compile(
    r"^\W*(?:expected|anticipated|in[\s-]progress|currently\s+enrolled|to\s+be\s+completed)\b"
    r"|\d{4}\s*[-–—]\s*(?:present|current|now)\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
_SEGMENT_SPLIT = re.compile(r"\s*(?:[|•·;,()]|\s[-–—]\s|[–—]|\t|\s{2,})\s*")
_FIELD_STOP = re.compile(
    r"[,|;()\n•·\d\t]|\.(?:\s|$)|\s[-–—]\s|[–—]|\s{2,}|\band\s+(?:a|an|the)\s"
    r"|\b(?:from|at|with|minor|concentration|gpa|expected|honors|cum|magna|summa)\b",
    re.IGNORECASE,
)
_FILLER_RE = re.compile(
    r"^\s*(?:candidate|degree|student|program(?:me)?|diploma)\b[\s,:\-–—]*", re.IGNORECASE
)
_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)

#: Common fields in the spellings people use, to one name each (the names ladders use).
_FIELDS = {
    "computer science": "computer science", "cs": "computer science",
    "comp sci": "computer science", "computer sciences": "computer science",
    "computer engineering": "computer engineering", "software engineering": "software engineering",
    "mathematics": "mathematics", "math": "mathematics", "maths": "mathematics",
    "applied mathematics": "mathematics", "applied math": "mathematics",
    "statistics": "statistics", "applied statistics": "statistics", "physics": "physics",
    "data science": "data science", "data analytics": "data analytics",
    "business analytics": "business analytics",
    "electrical engineering": "electrical engineering", "ee": "electrical engineering",
    "electrical and computer engineering": "electrical engineering",
    "mechanical engineering": "mechanical engineering", "civil engineering": "civil engineering",
    "chemical engineering": "chemical engineering", "nursing": "nursing",
    "accounting": "accounting", "accountancy": "accounting", "finance": "finance",
    "business administration": "business administration", "business": "business",
    "marketing": "marketing", "economics": "economics", "information technology":
    "information technology", "it": "information technology", "information systems":
    "information systems", "management information systems": "information systems",
    "computer information systems": "information systems", "mis": "information systems",
    "biology": "biology", "chemistry": "chemistry", "psychology": "psychology",
    "public health": "public health", "human resources": "human resources",
    "human resource management": "human resources", "engineering": "engineering",
}  # fmt: skip
_NOT_FIELD_TYPES = re.compile(rf"^(?:{_DEGREE_TYPES})$", re.IGNORECASE)


def _normal_field(raw: str) -> str | None:
    text = re.sub(r"\s+", " ", raw.replace("&", " and ")).strip(" .:-–—").lower()
    text = re.sub(r"^(?:in|of)\s+", "", text)
    if not text or _MONTHS.match(text) or _INSTITUTION_WORDS.search(text):
        return None
    if text in _FIELDS:
        return _FIELDS[text]
    words = text.split()
    if len(words) > 6 or not text[0].isalpha() or _NOT_FIELD_TYPES.match(text):
        return None
    return text


def _field_after(rest: str) -> str | None:
    rest = re.sub(r"^\s*\([^)]{1,12}\)", "", rest)  # "Master of Science (MS) in ..."
    rest = _FILLER_RE.sub("", rest)  # "PhD Candidate, Computer Science"
    m = re.match(r"\s*[,:\-–—]?\s*(?:(?:in|of)\s+)?", rest)
    rest = rest[m.end() :] if m else rest
    stop = _FIELD_STOP.search(rest)
    return _normal_field(rest[: stop.start()] if stop else rest)


def _field_before(line: str, start: int) -> str | None:
    """ "Computer Science (BS)", "Statistics, B.S." """
    head = line[:start].rstrip()
    if not head.endswith(("(", ",")):
        return None
    head = head[:-1]
    seg = _SEGMENT_SPLIT.split(head)[-1] if head.strip() else ""
    return _normal_field(seg)


def _field_in_match(matched: str) -> str | None:
    # "Master of Public Health" names its field; "Bachelor of Science" does not.
    m = re.search(r"\s(?:of|in)\s+(.+)$", matched, re.IGNORECASE)
    if m is None or re.fullmatch(r"philosophy", m.group(1), re.IGNORECASE):
        return None
    return _normal_field(m.group(1))


def _accept(kind: str, line: str, start: int, end: int, in_education: bool) -> bool:
    if _PRODUCT_RE.match(line, end):
        return False
    if kind != "weak":
        return True
    followed_by_field = bool(_FIELD_AFTER_RE.match(line, end))
    if not in_education:
        return followed_by_field
    token = line[start:end]
    before = line[:start].rstrip()
    if token in ("MA", "MD", "MS") and not followed_by_field and before.endswith(","):
        # "Boston, MA" / "Baltimore, MD 21218": a state after a city, not a degree;
        # "Stanford University, MS, 2019" is a degree.
        place = before[:-1].rsplit(",", 1)[-1]
        if not _INSTITUTION_WORDS.search(place):
            return not _STATE_AFTER_RE.match(line, end)
    # "AS" mid-line is too often a word written in capitals.
    return not (token in ("AS", "AA") and not followed_by_field and start > 0)


def _institution(lines: list[str], degree_text: str) -> str | None:
    for line in lines:
        for seg in _SEGMENT_SPLIT.split(line):
            seg = seg.strip()
            if seg and _INSTITUTION_WORDS.search(seg) and degree_text.lower() not in seg.lower():
                return re.sub(r"\s+", " ", seg)
    return None


def _lines_of(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _regions(doc: Document) -> list[tuple[int, int, bool]]:
    edu = [(s.start, s.end, True) for s in doc.sections if s.name == "education"]
    return edu or [(0, len(doc.text), False)]


def find_degrees(doc: Document, today: date | None = None) -> tuple[Degree, ...]:
    """Degrees in the education section (anywhere when there is none), in order."""
    today = today or date.today()
    found: list[Degree] = []
    for start, end, in_edu in _regions(doc):
        lines = [line for _, line in _lines_of(doc.text, start, end)]
        matches = [_line_matches(line, in_edu) for line in lines]
        above = _institution_above(lines, matches)
        for i, line in enumerate(lines):
            for level, s, e in matches[i]:
                near = _entry_lines(lines, matches, i, above)
                nxt = lines[i + 1] if i + 1 < len(lines) and not matches[i + 1] else ""
                found.append(_degree(level, line, s, e, near, nxt, today))
    return tuple(found)


def _institution_above(lines: list[str], matches: list[list[tuple[str, int, int]]]) -> bool:
    """Whether this section writes the school on the line above each degree.

    Decided once from the first degree, so "School / Degree / School / Degree" does not
    hand the second school to the first degree, nor the first to the second.
    """
    for i, hits in enumerate(matches):
        if hits:
            before = next((ln for ln in reversed(lines[:i]) if ln.strip()), "")
            return bool(_INSTITUTION_WORDS.search(before)) and not _INSTITUTION_WORDS.search(
                lines[i]
            )
    return False


def _entry_lines(
    lines: list[str], matches: list[list[tuple[str, int, int]]], i: int, above: bool
) -> list[str]:
    """The lines around line ``i`` that belong to its entry, nearest first."""

    def free(j: int) -> str | None:
        return lines[j] if 0 <= j < len(lines) and not matches[j] else None

    if above:
        order = [free(i - 1), free(i + 1)]
    else:
        nxt = free(i + 1)
        order = [nxt, free(i + 2) if nxt is not None else None, free(i - 1)]
    return [ln for ln in order if ln is not None]


def _line_matches(line: str, in_edu: bool) -> list[tuple[str, int, int]]:
    hits = []
    for level, rx, kind in _COMPILED:
        for m in rx.finditer(line):
            if _accept(kind, line, m.start(), m.end(), in_edu):
                hits.append((level, m.start(), m.end()))
    hits.sort(key=lambda h: (h[1], -(h[2] - h[1])))
    kept: list[tuple[str, int, int]] = []
    for h in hits:
        if kept and h[1] < kept[-1][2]:
            continue  # overlapping: the earlier, longer one already stands
        # "Master of Science (MS)": one degree written twice on a line.
        if any(k[0] == h[0] for k in kept):
            continue
        kept.append(h)
    return kept


def _degree(
    level: str, line: str, s: int, e: int, near: list[str], nxt: str, today: date
) -> Degree:
    field = _field_in_match(line[s:e]) or _field_after(line[e:]) or _field_before(line, s)
    if field is None and re.fullmatch(r"M\.?B\.?A\.?", line[s:e]):
        field = "business administration"
    years: list[int] = []
    for text in [line, *near]:
        years = [int(y) for y in _YEAR_RE.findall(text)]
        if years:
            break
    year = max(years) if years else None  # "2014 - 2018": the end is the graduation
    in_progress = bool(_IN_PROGRESS_RE.search(line) or _NEXT_LINE_IN_PROGRESS_RE.search(nxt))
    if year is not None and (year > today.year or (year == today.year and in_progress)):
        in_progress = True
    return Degree(
        level=level,
        field=field,
        institution=_institution([line, *near], line[s:e]),
        year=year,
        text=line.strip(),
        in_progress=in_progress,
    )


def highest_degree(degrees: tuple[Degree, ...]) -> Degree | None:
    """The completed degree of the highest level (the most recent among equals)."""
    done = [d for d in degrees if not d.in_progress]
    if not done:
        return None
    return max(done, key=lambda d: (DEGREE_LEVELS.index(d.level), d.year or 0))
