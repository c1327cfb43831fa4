"""Read a candidate profile from a resume: jobs, years of experience, degrees, certifications.

>>> from datetime import date
>>> from gapcheck.document import Document
>>> doc = Document("<text>", "Data Analyst\\nAcme Corp | Jan 2020 - Dec 2021", "text")
>>> p = build_profile(doc, today=date(2024, 1, 1))
>>> (p.years_experience, p.titles)
(2.0, ('Data Analyst',))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from gapcheck.certifications import Certification, find_certifications
from gapcheck.dates import DateRange, find_date_ranges, years_stated
from gapcheck.degrees import Degree, find_degrees, highest_degree
from gapcheck.document import Document, line_bounds

__all__ = [
    "Certification", "Degree", "Job", "Profile", "build_profile", "current_title", "find_jobs",
]  # fmt: skip


@dataclass(frozen=True)
class Job:
    """One dated position; ``span`` covers the lines it was read from."""

    title: str | None
    employer: str | None
    start: date
    end: date
    is_current: bool
    is_internship: bool
    span: tuple[int, int]


@dataclass(frozen=True)
class Profile:
    """What a resume says about experience and credentials."""

    years_experience: float
    years_stated: float | None
    jobs: tuple[Job, ...]  # most recent first
    degrees: tuple[Degree, ...]
    highest_degree: Degree | None
    certifications: tuple[Certification, ...]
    titles: tuple[str, ...]  # most recent first


# Words that make a phrase a job title rather than an employer or a place.
JOB_TITLE_WORDS = _TITLE_RE = re.compile(
    r"\b(?:engineer|developer|programmer|scientist|analyst|manager|director|lead|head|officer"
    r"|consultant|specialist|coordinator|administrator|architect|designer|intern|internship"
    r"|co-?op|assistant|associate|technician|tech|nurse|rn|lpn|cna|therapist|teacher|tutor"
    r"|instructor|professor|lecturer|researcher|fellow|representative|rep|agent|clerk|cashier"
    r"|accountant|auditor|bookkeeper|controller|electrician|plumber|welder|mechanic|operator"
    r"|driver|supervisor|foreman|apprentice|journeyman|carpenter|vp|president|ceo|cto|cfo|coo"
    r"|founder|co-founder|owner|partner|principal|executive|strategist|editor|writer"
    r"|recruiter|generalist|planner|buyer|advisor|adviser|counselor|pharmacist|physician"
    r"|aide|paralegal|attorney|lawyer|server|barista|bartender|cook|chef|scrum\s+master"
    r"|product\s+owner|sales\w*|marketer|trainer|inspector|installer|machinist|dispatcher"
    r"|receptionist|secretary|librarian|investigator|underwriter|estimator|staff|member)\b",
    re.IGNORECASE,
)
# Training placements, not employment: internships, co-ops and clinical rotations.
_INTERN_RE = re.compile(
    r"\b(?:intern|interns|internship|co-?op|extern|externship|practicum|clinical\s+rotations?"
    r"|student\s+nurse)\b",
    re.IGNORECASE,
)
# An employer names an organisation; "Emergency Department" names a part of one.
_ORG_RE = re.compile(
    r"\b(?:inc|llc|llp|ltd|corp|corporation|co|company|group|center|centre|hospital|clinic"
    r"|health|university|college|bank|labs?|systems|technologies|solutions|services|partners"
    r"|associates|agency|foundation|institute|studios?|industries|international)\b\.?",
    re.IGNORECASE,
)
_DEPARTMENT_RE = re.compile(r"\b(?:department|dept|unit|team|division|floor|ward)\b", re.IGNORECASE)
_BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦●○■□➢►–—]|\d+[.)])\s")
_SEGMENT_RE = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|[–—]|,\s|\t|\s{2,})\s*")
_AT_RE = re.compile(r"\s+(?:at|@)\s+|\s*@\s*", re.IGNORECASE)
_LOCATION_RE = re.compile(
    r"^(?:[A-Z]{2}|remote|hybrid|on-?site|usa|us|united states|uk|canada|india)$", re.IGNORECASE
)
_NOISE_RE = re.compile(r"^[\s,|:;()\[\]\-–—•·]+|[\s,|:;(\[\-–—•·]+$")
_MAX_ENTRY_LINE = 100  # longer lines are prose (bullets), not a job's heading
_JOB_SECTIONS_EXCLUDED = ("education", "certifications", "projects", "publications")


def _segments(line: str) -> list[str]:
    out = []
    for seg in _SEGMENT_RE.split(line):
        seg = _NOISE_RE.sub("", seg).strip()
        if seg and any(c.isalpha() for c in seg):
            out.append(seg)
    return out


def _is_heading_line(line: str) -> bool:
    return bool(line.strip()) and not _BULLET_RE.match(line) and len(line) <= _MAX_ENTRY_LINE


def _neighbours(
    text: str, bounds: tuple[int, int], region: tuple[int, int], dated: set[int]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Up to two heading-like lines before the date line and one after, within the region.

    Stops at a line holding another date (that belongs to another job) or at a bullet.
    """
    before: list[tuple[int, str]] = []
    pos = bounds[0]
    while len(before) < 2 and pos > region[0]:
        start, end = line_bounds(text, pos - 1)
        start = max(start, region[0])
        line = text[start:end]
        pos = start
        if not line.strip():
            if before:
                break
            continue
        if start in dated or not _is_heading_line(line):
            break
        before.append((start, line))
    after: list[tuple[int, str]] = []
    if bounds[1] + 1 < region[1]:
        start, end = line_bounds(text, bounds[1] + 1)
        line = text[start : min(end, region[1])]
        if start not in dated and _is_heading_line(line):
            after.append((start, line))
    return before, after


def _split_title(seg: str) -> tuple[str, str | None]:
    """ "Data Scientist at Acme" -> ("Data Scientist", "Acme")."""
    parts = _AT_RE.split(seg, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return seg, None


def _title_and_employer(
    residual: str, before: list[tuple[int, str]], after: list[tuple[int, str]]
) -> tuple[str | None, str | None]:
    same = _segments(residual)
    groups = (
        [same] + [_segments(line) for _, line in before] + [_segments(line) for _, line in after]
    )
    title = employer = None
    title_group: list[str] = []
    for segs in groups:
        for seg in segs:
            if _TITLE_RE.search(seg):
                title, employer = _split_title(seg)
                title_group = segs
                break
        if title:
            break
    if title is None:
        # No title word anywhere: assume the classic "Title" line above "Employer | dates".
        above = _segments(before[0][1]) if before else []
        if same and above:
            title, employer = above[0], same[0]
        elif len(above) >= 2:
            title, employer = above[0], above[1]
        return title, employer
    if employer is None:
        # The employer sits on the date line ("Acme | 2019 - 2021") more often than beside
        # the title ("Registered Nurse, ICU"), then beside the title, then anywhere near.
        for segs in [same, title_group, *groups]:
            rest = [s for s in segs if not _TITLE_RE.search(s) and not _LOCATION_RE.match(s)]
            if rest:
                employer = _pick_employer(rest)
                break
    return title, employer


def _pick_employer(candidates: list[str]) -> str:
    for seg in candidates:
        if _ORG_RE.search(seg):
            return seg
    for seg in candidates:
        if not _DEPARTMENT_RE.search(seg):
            return seg
    return candidates[0]


def _job_regions(doc: Document) -> list[tuple[int, int]]:
    experience = [(s.start, s.end) for s in doc.sections if s.name == "experience"]
    if experience:
        return experience
    # No experience heading: the whole resume, less the parts whose dates are not jobs
    # (study years, certification validity, project and publication dates).
    excluded = sorted(
        (s.heading_start, s.end) for s in doc.sections if s.name in _JOB_SECTIONS_EXCLUDED
    )
    regions, pos = [], 0
    for start, end in excluded:
        if start > pos:
            regions.append((pos, start))
        pos = max(pos, end)
    if pos < len(doc.text):
        regions.append((pos, len(doc.text)))
    return regions


def _job(doc: Document, r: DateRange, region: tuple[int, int], dated: set[int]) -> Job | None:
    text = doc.text
    bounds = line_bounds(text, r.span[0])
    bounds = (max(bounds[0], region[0]), min(bounds[1], region[1]))
    line = text[bounds[0] : bounds[1]]
    if _BULLET_RE.match(line) or len(line) > _MAX_ENTRY_LINE + 40:
        return None  # a date inside a sentence describes something else
    before, after = _neighbours(text, bounds, region, dated)
    residual = text[bounds[0] : r.span[0]] + " | " + text[r.span[1] : bounds[1]]
    title, employer = _title_and_employer(residual, before, after)
    context = " ".join([line, title or ""] + [b for _, b in before[:1]])
    is_intern = bool(_INTERN_RE.search(context))
    start = min([bounds[0]] + [s for s, _ in before])
    return Job(title, employer, r.start, r.end, r.is_current, is_intern, (start, bounds[1]))


def find_jobs(doc: Document, today: date | None = None) -> tuple[Job, ...]:
    """Dated positions in the experience section (or the whole resume), newest first."""
    today = today or date.today()
    ranges = find_date_ranges(doc.text, today)
    jobs = []
    for region in _job_regions(doc):
        inside = [r for r in ranges if region[0] <= r.span[0] and r.span[1] <= region[1]]
        dated = {line_bounds(doc.text, r.span[0])[0] for r in inside}
        for r in inside:
            job = _job(doc, r, region, dated)
            if job is not None:
                jobs.append(job)
    jobs.sort(key=lambda j: (j.end, j.start), reverse=True)
    return tuple(jobs)


def _years(jobs: tuple[Job, ...], today: date) -> float:
    """Total years in non-internship jobs, counting overlapping periods once."""
    return merged_years((j.start, min(j.end, today)) for j in jobs if not j.is_internship)


def merged_years(spans) -> float:
    """Years covered by (start, end) date spans, overlapping or adjoining ones counted once.

    >>> merged_years([(date(2019, 1, 1), date(2020, 12, 31)), (date(2020, 6, 1), date(2021, 12, 31))])
    3.0
    """
    total_days = 0
    current: list[date] | None = None
    for start, end in sorted(spans):
        if end < start:
            continue
        if current and start <= current[1] + timedelta(days=1):
            current[1] = max(current[1], end)
            continue
        if current:
            total_days += (current[1] - current[0]).days + 1
        current = [start, end]
    if current:
        total_days += (current[1] - current[0]).days + 1
    return round(total_days / 365.25, 1)


def _titles(jobs: tuple[Job, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for job in jobs:
        if job.title and job.title.lower() not in seen:
            seen[job.title.lower()] = job.title
    return tuple(seen.values())


def build_profile(doc: Document, today: date | None = None) -> Profile:
    """Everything gapcheck reads about the candidate from ``doc``.

    ``today`` fixes what "Present" means (tests pass it; the default is the real date).
    """
    today = today or date.today()
    jobs = find_jobs(doc, today)
    degrees = find_degrees(doc, today)
    return Profile(
        years_experience=_years(jobs, today),
        years_stated=years_stated(doc.text),
        jobs=jobs,
        degrees=degrees,
        highest_degree=highest_degree(degrees),
        certifications=find_certifications(doc),
        titles=_titles(jobs),
    )


def current_title(profile: Profile) -> str | None:
    """The title of the newest current non-internship job, else of the newest job."""
    for job in profile.jobs:
        if job.is_current and not job.is_internship and job.title:
            return job.title
    return profile.titles[0] if profile.titles else None
