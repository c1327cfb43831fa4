"""Find certifications and licenses in a resume, from ``curated/certifications.toml``.

>>> from gapcheck.document import Document, line_bounds
>>> doc = Document("<text>", "Certifications: AWS ML Specialty (2023)", "text")
>>> [c.id for c in find_certifications(doc)]
['aws-machine-learning-specialty']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from gapcheck.document import Document, line_bounds
from gapcheck.errors import LexiconError

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = [
    "Certification", "CertificationEntry", "certification_spans", "find_certifications",
    "load_certifications",
]


@dataclass(frozen=True)
class CertificationEntry:
    """One certification of the curated list."""

    id: str
    name: str
    issuer: str
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...] = ()
    related_skills: tuple[str, ...] = ()
    level: str | None = None


@dataclass(frozen=True)
class Certification:
    """A certification the resume mentions; ``status`` is "held" or "in progress"."""

    id: str
    name: str
    issuer: str
    text: str
    span: tuple[int, int]
    status: str
    related_skills: tuple[str, ...] = ()
    level: str | None = None


_KEEP = "+#"  # "Network+" and "Security+" differ from plain words only by these
_IN_PROGRESS_RE = re.compile(
    r"prepar(?:ing|ation)|pursuing|in[\s-]progress|expected|anticipated|studying|candidate"
    r"|working\s+toward|enrolled|scheduled|sitting\s+for|planned|in\s+training",
    re.IGNORECASE,
)
# Words that make a line about certification, so an ambiguous acronym there counts.
_CONTEXT_RE = re.compile(r"certif|licen[cs]|credential|accredit|\bexam\b|\bpassed\b", re.IGNORECASE)
_FUZZY_MIN_ALIAS = 20  # long names only: short ones are too easy to confuse
_FUZZY_CUTOFF = 92.0


def _norm_with_index(text: str) -> tuple[str, list[int]]:
    """Lower-cased text with every run of punctuation/space made one space.

    Returns the normalised string and, for each of its characters, the offset of the
    original character, so a match maps back to a span of ``text``.
    """
    out: list[str] = []
    index: list[int] = []
    space = True
    for i, ch in enumerate(text):
        if ch.isalnum() or ch in _KEEP:
            for c in ch.lower():
                out.append(c)
                index.append(i)
            space = False
        elif not space:
            out.append(" ")
            index.append(i)
            space = True
    return "".join(out), index


def _norm(text: str) -> str:
    return _norm_with_index(text)[0].strip()


@lru_cache(maxsize=1)
def load_certifications() -> tuple[CertificationEntry, ...]:
    """The curated certifications, loaded once per process."""
    resource = files("skill_lexicon") / "curated" / "certifications.toml"
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
        return tuple(
            CertificationEntry(
                id=c["id"],
                name=c["name"],
                issuer=c["issuer"],
                aliases=tuple(c.get("aliases", ())),
                context_aliases=tuple(c.get("context_aliases", ())),
                related_skills=tuple(c.get("related_skills", ())),
                level=c.get("level"),
            )
            for c in data["certification"]
        )
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"cannot load certifications: {exc}; reinstall gapcheck") from exc


@dataclass(frozen=True)
class _Matcher:
    phrase_re: re.Pattern[str] | None  # over normalised text
    phrase_ids: dict[str, tuple[str, bool]]  # normalised alias -> (id, needs context)
    word_re: re.Pattern[str] | None  # over original text, case-sensitive
    word_ids: dict[str, tuple[str, bool]]
    long_aliases: dict[str, str]  # normalised long alias -> id, for fuzzy matching
    by_id: dict[str, CertificationEntry]


def _alternation(keys: list[str]) -> str:
    # Longest first so "Class A CDL" wins over "CDL" at the same place.
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    phrases: dict[str, tuple[str, bool]] = {}
    words: dict[str, tuple[str, bool]] = {}
    for entry in load_certifications():
        forms = [(a, False) for a in (entry.name, *entry.aliases)]
        forms += [(a, True) for a in entry.context_aliases]
        for alias, needs_context in forms:
            if " " in alias.strip():
                phrases.setdefault(_norm(alias), (entry.id, needs_context))
            else:
                # Acronyms and exam codes: exact case, or "RN"/"EA" would match "rn"/"ea".
                words.setdefault(alias.strip(), (entry.id, needs_context))
    b = re.escape(_KEEP)
    phrase_re = re.compile(rf"(?<![a-z0-9{b}])(?:{_alternation(list(phrases))})(?![a-z0-9{b}])")
    word_re = re.compile(rf"(?<![A-Za-z0-9])(?:{_alternation(list(words))})(?![A-Za-z0-9{b}])")
    long_aliases = {k: v[0] for k, v in phrases.items() if len(k) >= _FUZZY_MIN_ALIAS and not v[1]}
    return _Matcher(
        phrase_re, phrases, word_re, words, long_aliases,
        {e.id: e for e in load_certifications()},
    )  # fmt: skip


@dataclass
class _Hit:
    id: str
    start: int
    end: int
    needs_context: bool


def _exact_hits(text: str, m: _Matcher) -> list[_Hit]:
    hits: list[_Hit] = []
    normed, index = _norm_with_index(text)
    if m.phrase_re is not None:
        for found in m.phrase_re.finditer(normed):
            cid, ctx = m.phrase_ids[found.group(0)]
            start, end = index[found.start()], index[found.end() - 1] + 1
            # "... Support (PALS)": keep the closing bracket the normalised text dropped.
            if (
                end < len(text)
                and text[end] == ")"
                and text.count("(", start, end) > text.count(")", start, end)
            ):
                end += 1
            hits.append(_Hit(cid, start, end, ctx))
    if m.word_re is not None:
        for found in m.word_re.finditer(text):
            cid, ctx = m.word_ids[found.group(0)]
            hits.append(_Hit(cid, found.start(), found.end(), ctx))
    # Overlapping hits: the longest wins ("NCLEX-RN" over "RN", "Class A CDL" over "CDL").
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            if h.end - h.start > kept[-1].end - kept[-1].start:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def _in_cert_section(doc: Document, pos: int) -> bool:
    return doc.section_name_at(pos) == "certifications"


def _fuzzy_hits(doc: Document, m: _Matcher, taken: list[_Hit]) -> list[_Hit]:
    """Near spellings of long names, on certifications-section lines with no exact hit."""
    from rapidfuzz import fuzz, process  # only needed for the rare misspelt name

    hits: list[_Hit] = []
    choices = list(m.long_aliases)
    for section in doc.sections:
        if section.name != "certifications":
            continue
        pos = section.start
        for line in doc.text[section.start : section.end].split("\n"):
            line_start, pos = pos, pos + len(line) + 1
            if any(line_start <= h.start < line_start + len(line) for h in taken):
                continue
            for seg in re.finditer(r"[^|•·;,()\t]+", line):
                key = _norm(seg.group(0))
                if len(key) < _FUZZY_MIN_ALIAS - 4:
                    continue
                best = process.extractOne(
                    key, choices, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
                )
                if best is not None:
                    s = line_start + seg.start() + (len(seg.group(0)) - len(seg.group(0).lstrip()))
                    e = line_start + seg.start() + len(seg.group(0).rstrip())
                    hits.append(_Hit(m.long_aliases[best[0]], s, e, False))
    return hits


def _status(text: str, hit: _Hit, line_hits: list[_Hit]) -> str:
    # Look only at this mention's share of the line: from the previous mention's end
    # (or the line start) to the next mention's start, so "CPA (in progress)" does not
    # taint "PMP" listed before it.
    line_start, line_end = line_bounds(text, hit.start)
    before = [h.end for h in line_hits if h.end <= hit.start]
    after = [h.start for h in line_hits if h.start >= hit.end]
    window = text[max(before, default=line_start) : min(after, default=line_end)]
    return "in progress" if _IN_PROGRESS_RE.search(window) else "held"


@lru_cache(maxsize=16)
def _kept_hits(doc: Document) -> tuple[_Hit, ...]:
    """The certification mentions of ``doc``, cached: the profile and the skill matcher
    both ask."""
    text = doc.text
    m = _matcher()
    hits = _exact_hits(text, m)
    hits += _fuzzy_hits(doc, m, hits)
    firm_lines = {line_bounds(text, h.start) for h in hits if not h.needs_context}
    kept = []
    for h in hits:
        if h.needs_context:
            bounds = line_bounds(text, h.start)
            line = text[bounds[0] : bounds[1]]
            in_context = (
                _in_cert_section(doc, h.start) or bounds in firm_lines or _CONTEXT_RE.search(line)
            )
            if not in_context:
                continue
        kept.append(h)
    kept.sort(key=lambda h: h.start)
    return tuple(kept)


def certification_spans(doc: Document) -> list[tuple[int, int]]:
    """Every place ``doc`` names a certification (the skill matcher leaves them alone)."""
    return [(h.start, h.end) for h in _kept_hits(doc)]


def find_certifications(doc: Document) -> tuple[Certification, ...]:
    """Certifications mentioned anywhere in ``doc``, one per id, in order of appearance.

    A certification mentioned both as held and as in progress is reported in progress:
    claiming less than the resume says is the safer mistake.
    """
    text = doc.text
    m = _matcher()
    kept = _kept_hits(doc)

    result: dict[str, Certification] = {}
    for h in kept:
        bounds = line_bounds(text, h.start)
        line_hits = [o for o in kept if bounds[0] <= o.start < bounds[1] and o is not h]
        status = _status(text, h, line_hits)
        entry = m.by_id[h.id]
        cert = Certification(
            entry.id, entry.name, entry.issuer, text[h.start : h.end], (h.start, h.end),
            status, entry.related_skills, entry.level,
        )  # fmt: skip
        previous = result.get(h.id)
        if previous is None:
            result[h.id] = cert
        elif status == "in progress" and previous.status == "held":
            result[h.id] = replace(previous, status="in progress")
    return tuple(result.values())
