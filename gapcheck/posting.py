"""Read a job posting into a ``Target``: required and preferred skills, years, degree,
certifications.

Postings say what is optional in two ways: by section ("Nice to have", "Preferred
qualifications", "Bonus points") and by wording on the line ("... is a plus", "ideally",
"preferred"). A line's own wording wins over its section.
"""
from __future__ import annotations

import re
from pathlib import Path

from .document import Document
from .lexicon import Lexicon, load_lexicon
from .match import find_skills
from .target import Requirement, Target

_PREFERRED_HEAD = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|bonus|pluses|plus points|desirable|desired|"
    r"good to have|extra credit|ideally|would be great|optional|not required)\b", re.IGNORECASE)
_REQUIRED_HEAD = re.compile(
    r"\b(requirements?|required|qualifications|must[- ]haves?|what you(?:'ll| will)? need|"
    r"what you bring|who you are|you have|you bring|minimum|basic qualifications|"
    r"skills|experience|responsibilities|what you'll do|about you)\b", re.IGNORECASE)
_PREFERRED_LINE = re.compile(
    r"\b(is a (?:big |huge )?plus|a plus|nice[- ]to[- ]have|preferred|bonus|ideally|"
    r"desirable|would be (?:great|nice|a plus)|helpful|advantageous|optional|not required|"
    r"familiarity with)\b", re.IGNORECASE)
_REQUIRED_LINE = re.compile(r"\b(must|required|requires?|need|essential|mandatory)\b", re.IGNORECASE)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_YEARS = re.compile(
    r"(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?"
    r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
    r"\s*(?:\+|\s*(?:-|–|to)\s*(\d{1,2}))?\s*\+?\s*(?:\(\d+\)\s*)?(?:years?|yrs?)\b"
    r"(?:\s+of)?(?:\s+\w+){0,4}?\s+(?:experience|exp\b)",
    re.IGNORECASE)
_DEGREE = [
    ("doctorate", re.compile(r"\b(ph\.?\s?d|doctorate|doctoral)\b", re.IGNORECASE)),
    ("master", re.compile(r"\b(master'?s?|m\.s\.|msc|m\.sc|mba|advanced degree)\b", re.IGNORECASE)),
    ("bachelor", re.compile(r"\b(bachelor'?s?|b\.s\.|bsc|b\.sc|b\.a\.|ba/bs|bs/ba|bs/ms|"
                            r"undergraduate degree|4-year degree|college degree|degree in)\b",
                            re.IGNORECASE)),
    ("associate", re.compile(r"\bassociate'?s? degree\b", re.IGNORECASE)),
    ("high school", re.compile(r"\b(high school diploma|ged)\b", re.IGNORECASE)),
]
_FIELD = re.compile(
    r"\b(?:in|of)\s+((?:computer science|mathematics|math|statistics|physics|data science|"
    r"engineering|electrical engineering|software engineering|economics|finance|accounting|"
    r"nursing|business(?: administration)?|marketing|information systems|information "
    r"technology|a related (?:technical |quantitative )?field|related field))", re.IGNORECASE)


def requirements_from_posting(posting: str | Path | Document,
                              lexicon: Lexicon | None = None) -> Target:
    """The requirements of a job posting, given as text, a path, or a read Document.

    >>> t = requirements_from_posting("Requirements:\\n- 3+ years of Python\\n"
    ...     "Nice to have:\\n- Kubernetes")
    >>> [(r.name, r.required) for r in t.requirements], t.years_min
    ([('Python', True), ('Kubernetes', False)], 3.0)
    """
    doc = _as_document(posting)
    lex = lexicon or load_lexicon()
    text = doc.text
    modes = _line_modes(text)
    found = find_skills(doc, lex)
    reqs: dict[str, Requirement] = {}
    for skill in found.skills:
        if skill.status != "held":
            continue  # "no Kubernetes experience needed" asks for nothing
        first = min(skill.mentions, key=lambda m: m.start)
        required = any(_mode_at(modes, text, m.start) for m in skill.mentions)
        line = _line(text, first.start).strip(" -*•\t")
        reqs[skill.id] = Requirement(skill.name, skill.id, required, 1.0, line[:200])
    years_min, years_max = _years(text)
    level, fields = _degree(text)
    from .certifications import find_certifications

    certs = tuple(dict.fromkeys(c.name for c in find_certifications(doc)))
    return Target(
        kind="posting",
        title=_title(doc),
        requirements=tuple(sorted(reqs.values(), key=lambda r: (not r.required, r.name))),
        years_min=years_min,
        years_max=years_max,
        degree_level=level,
        degree_fields=fields,
        certifications=certs,
    )


def _as_document(posting: str | Path | Document) -> Document:
    from .read import read_document, read_text

    if isinstance(posting, Document):
        return posting
    if isinstance(posting, Path) or ("\n" not in posting and len(posting) < 4096
                                     and Path(posting).is_file()):
        return read_document(posting)
    return read_text(posting, source="<posting>")


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : end if end >= 0 else len(text)]


def _line_modes(text: str) -> list[tuple[int, bool]]:
    """(offset, required?) at each heading-like line that switches the mode."""
    modes: list[tuple[int, bool]] = [(0, True)]
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip().strip("#*_ ").rstrip(":").strip()
        words = stripped.split()
        heading = 0 < len(words) <= 7 and (line.strip().endswith(":") or stripped.isupper()
                                           or line.lstrip().startswith("#")
                                           or stripped.istitle())
        if heading:
            if _PREFERRED_HEAD.search(stripped):
                modes.append((pos, False))
            elif _REQUIRED_HEAD.search(stripped):
                modes.append((pos, True))
        pos += len(line)
    return modes


def _mode_at(modes: list[tuple[int, bool]], text: str, pos: int) -> bool:
    line = _line(text, pos)
    if _PREFERRED_LINE.search(line):
        return False
    if _REQUIRED_LINE.search(line):
        return True
    required = True
    for start, mode in modes:
        if start > pos:
            break
        required = mode
    return required


def _years(text: str) -> tuple[float | None, float | None]:
    found = []
    for m in _YEARS.finditer(text):
        lo = m.group(1).lower()
        low = float(_NUM.get(lo, lo) if not lo.isdigit() else lo)
        high = float(m.group(2)) if m.group(2) else None
        if 0 < low <= 40:
            found.append((low, high))
    if not found:
        return None, None
    # The main requirement is usually the largest minimum the posting states.
    return max(found, key=lambda f: f[0])


def _degree(text: str) -> tuple[str | None, tuple[str, ...]]:
    level = None
    for name, rx in reversed(_DEGREE):  # lowest first: a posting's floor is its minimum
        if rx.search(text):
            level = name
            break
    fields = tuple(dict.fromkeys(m.group(1).lower() for m in _FIELD.finditer(text)))
    return level, fields


def _title(doc: Document) -> str:
    for line in doc.text.splitlines():
        line = line.strip().strip("#*_ ")
        if line:
            m = re.match(r"(?:job title|position|role)\s*:\s*(.+)", line, re.IGNORECASE)
            return (m.group(1) if m else line)[:80]
    return Path(doc.source).stem
