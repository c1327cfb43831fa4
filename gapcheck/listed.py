"""Skills a person lists that the lexicon does not know yet.

A skills list is the one place where every item is meant as a skill: "Dielines · Press
checks · Pantone" names three even if no lexicon has them. Items of such lists that no
lexicon entry covers are kept as skills of their own (category "unlisted"), so a niche
tool or technique is reported rather than lost.
"""
from __future__ import annotations

import bisect
import re

from . import cues
from .document import Document
from .judge import Candidate, english_zipf

_SEPARATORS = re.compile(r"\s*(?:[,;|•·▸►▪■●★✓✔]|\s\+\s|\s/\s| {3,}|\t)\s*")
_LEAD = re.compile(r"^[\s\-*+>–—\d.)]*")
_STOP = frozenset(
    """i me my we our you your he she they is are was were be been have has had will would
    can could should the a an to for with from at by on as that this these those who which
    very also etc including such using used in into over under years year yrs months and or
    but nor plus then so""".split()
)
_LEVELS = frozenset(
    """advanced intermediate beginner proficient expert familiar native fluent basic
    conversational working knowledge strong excellent good""".split()
)
_SMALL = frozenset("of and in on for to the a an or with".split())
#: A list line outside a skills section counts when it also names known skills.
_MIN_KNOWN_ON_LINE = 2
_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\bpresent\b", re.I)
#: A one-word item this common is an ordinary word ("Cloud"), not a named skill.
_EVERYDAY_ZIPF = 4.0


def listed_skills(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """Candidates for the unknown items of the document's skills lists."""
    text = doc.text
    starts = sorted((c.start, c.end) for c in cands)
    out: list[Candidate] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        body = _list_body(doc, line, line_start, starts)
        if body is None:
            continue
        offset = line_start + body
        for item_start, item in _items(line[body:]):
            start = offset + item_start
            end = start + len(item)
            k = bisect.bisect_left(starts, (end, -1))  # spans starting before the item ends
            if _overlaps(starts, k, start) or not _is_skill_like(item):
                continue
            name = _display(item)
            out.append(Candidate("listed:" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
                                 name, False, False, start, end, "listed", 0.5))
    return out


def _overlaps(starts: list[tuple[int, int]], k: int, start: int) -> bool:
    """Whether any span before index ``k`` reaches past ``start`` (spans are short, so a
    few steps back suffice)."""
    for _, e in reversed(starts[max(0, k - 8) : k]):
        if e > start:
            return True
    return False


def _list_body(doc: Document, line: str, line_start: int, spans) -> int | None:
    """Where the items of ``line`` begin, or None if the line is not a skills list."""
    label = cues.LABEL_LINE.match(line)
    if label:
        return label.end()
    section = doc.section_at(line_start + len(line) // 2)
    if section is None or section.heading_start <= line_start < section.start:
        return None  # the heading line itself
    if _YEAR.search(line) or "@" in line or _prose(line):
        return None  # a job line, a contact line or a sentence, not a list
    seps = len(_SEPARATORS.findall(line.strip()))
    if section.name == "skills":
        return 0 if seps or len(line.split()) <= 4 else None
    if section.name in ("header", "summary", "other") and seps >= 2:
        known = sum(1 for s, _ in spans if line_start <= s < line_start + len(line))
        return 0 if known >= _MIN_KNOWN_ON_LINE else None
    return None


def _prose(line: str) -> bool:
    """A sentence rather than a list: it ends like one, or an item runs past four words."""
    body = line.strip()
    if body.endswith(".") and len(body.split()) > 6:
        return True
    return any(len(piece.split()) > 4 for piece in _SEPARATORS.split(body))


def _items(body: str):
    """(offset, item) for each item of a list line; bracketed sub-lists are items too."""
    depth, start = 0, 0
    pieces: list[tuple[int, str]] = []
    for i, ch in enumerate(body + ","):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and (i == len(body) or _SEPARATORS.match(body, i) and
                           _SEPARATORS.match(body, i).end() > i):
            pieces.append((start, body[start:i]))
            m = _SEPARATORS.match(body, i)
            start = m.end() if m and i < len(body) else i + 1
    for offset, piece in pieces:
        # A bracket after an item gives examples or detail ("Immunizations (Tdap, ...)"),
        # not skills of their own.
        inner = re.search(r"[(\[]", piece)
        yield from _clean(offset, piece[: inner.start()] if inner else piece)


def _clean(offset: int, raw: str):
    lead = _LEAD.match(raw).end()
    item = raw[lead:].rstrip(" .:;-–—")
    stripped = item.lstrip()
    if stripped:
        yield offset + lead + (len(item) - len(stripped)), stripped


def _is_skill_like(item: str) -> bool:
    words = item.split()
    if not 1 <= len(words) <= 4 or not 2 <= len(item) <= 40 or not item[0].isalpha():
        return False
    if item.endswith(":") or "@" in item or "http" in item.lower():
        return False
    lower = [w.lower().strip("&,.") for w in words]
    if any(w in _STOP for w in lower) or all(w in _LEVELS for w in lower):
        return False
    if len(words) == 1 and english_zipf().get(lower[0], 0.0) >= _EVERYDAY_ZIPF:
        return False  # "Cloud", "Platforms", "Freelance": a word, not a named skill
    if len(item) <= 2 and item.isupper():
        return False  # "TX", "UK": places
    return sum(ch.isdigit() for ch in item) <= len(item) // 3


def _display(item: str) -> str:
    if item.islower():
        return " ".join(w if w in _SMALL and i else w[:1].upper() + w[1:]
                        for i, w in enumerate(item.split()))
    return item
