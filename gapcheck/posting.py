"""Read a job posting into a ``Target``: required and preferred skills, years, degree,
certifications.

Postings say what is optional in two ways: by section ("Nice to have", "Preferred
qualifications", "Bonus points") and by wording ("... is a plus", "ideally",
"preferred"). The wording of a mention's own clause wins over its section, so in
"Experience with Jest; Cypress is a plus" only Cypress is optional.

Some text asks for nothing: the company blurb before the first heading, sections such as
"About us" or "Benefits", and sentences like "No prior Kubernetes experience needed".
Skills named only there are not requirements.
"""
from __future__ import annotations

import re
from pathlib import Path

from .document import Document, line_bounds
from .lexicon import Lexicon, load_lexicon
from .match import find_skills
from .target import Requirement, Target

#: Modes of a stretch of text: what a skill named there is.
REQUIRED, PREFERRED, CONTEXT = "required", "preferred", "context"

_PREFERRED_HEAD = re.compile(
    r"\b(nice[- ]to[- ]haves?|preferred|bonus|pluses|plus points|desirable|desired|"
    r"good to have|extra credit|ideally|would be great|optional|not required)\b", re.IGNORECASE)
_REQUIRED_HEAD = re.compile(
    r"\b(requirements?|required|qualifications|must[- ]haves?|what you(?:'ll| will)? need|"
    r"what you bring|who you are|you have|you bring|minimum|basic qualifications|"
    r"skills|experience|responsibilities|what you'll do|what you will do|about you|"
    r"the role|your role)\b", re.IGNORECASE)
#: Headings whose text describes the employer or the offer, not the candidate.
_CONTEXT_HEAD = re.compile(
    r"^(?:about(?! (?:you|the role)\b)|who we are|our (?:company|story|team|mission|values)|"
    r"benefits|perks|what we offer|we offer|compensation|salary|pay|why (?:join|work)|"
    r"equal (?:opportunity|employment)|how to apply|schedule|location)\b", re.IGNORECASE)
_PREFERRED_LINE = re.compile(
    r"\b(is a (?:big |huge )?plus|a plus|nice[- ]to[- ]have|preferred|bonus|ideally|"
    r"desirable|would be (?:great|nice|a plus)|helpful|advantageous|optional|"
    r"familiarity with)\b", re.IGNORECASE)
_REQUIRED_LINE = re.compile(r"\b(must|required|requires?|need|essential|mandatory)\b",
                            re.IGNORECASE)
#: "No prior Kubernetes experience needed", "Go is not required", "we'll teach you SQL".
_NOT_ASKED = re.compile(
    r"\bno (?:prior |previous |professional )?(?:[\w/+.#-]+ ){0,4}(?:experience|knowledge|"
    r"background)\b[^.;]*?\b(?:needed|required|necessary|expected)\b|"
    r"\b(?:is|are) not (?:required|needed|necessary|expected)\b|"
    r"\b(?:you )?(?:don'?t|do not) need\b|\bno need\b|\bwe(?:'ll| will) (?:teach|train)\b",
    re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦●○■□➢►–—]|\d+[.)])\s")
#: Clause ends inside a line: "Experience with Jest; Cypress is a plus."
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")

_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}
_YEARS = re.compile(
    r"(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?"
    r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)"
    r"\s*(?:\+|\s*(?:-|–|to)\s*(\d{1,2}))?\s*\+?\s*(?:\(\d+\)\s*)?(?:years?|yrs?)\b'?"
    r"(?:(?:\s+of)?(?:\s+[\w-]+){0,4}?\s+(?:experience|exp\b)|"
    r"\s+(?:of|with|in|as|working|building|developing|using)\s)",
    re.IGNORECASE)
#: Degree levels, highest first; each pattern names the level on its own.
_DEGREE = [
    ("doctorate", re.compile(r"\b(ph\.?\s?d|doctorate|doctoral)\b", re.IGNORECASE)),
    ("master", re.compile(r"\b(master'?s?|m\.s\.|msc|m\.sc|mba|msn|advanced degree)\b|"
                          r"\b(?-i:MS)(?= in\b| degree\b|/| or\b)", re.IGNORECASE)),
    ("bachelor", re.compile(r"\b(bachelor'?s?|b\.s\.|bsc|b\.sc|b\.a\.|ba/bs|bs/ba|bsn|"
                            r"undergraduate degree|4-year degree|college degree)\b|"
                            r"\b(?-i:BS|BA)(?= in\b| degree\b|/| or\b| required\b)",
                            re.IGNORECASE)),
    ("associate", re.compile(r"\bassociate'?s? degree\b", re.IGNORECASE)),
    ("high school", re.compile(r"\b(high school diploma|ged)\b", re.IGNORECASE)),
]
#: "a degree in X" without a level word means a bachelor's.
_BARE_DEGREE = re.compile(r"\bdegree in\b", re.IGNORECASE)
_FIELDS = (
    "computer science", "mathematics", "math", "statistics", "physics", "data science",
    "electrical engineering", "software engineering", "engineering", "economics", "finance",
    "accounting", "nursing", "business administration", "business", "marketing",
    "information systems", "information technology", "operations research",
)
_RELATED_FIELD = re.compile(r"\b(?:a )?related (?:technical |quantitative )?field\b",
                            re.IGNORECASE)
_FIELD_BY_DEGREE = {"bsn": "nursing", "msn": "nursing"}


def requirements_from_posting(posting: str | Path | Document,
                              lexicon: Lexicon | None = None) -> Target:
    """The requirements of a job posting, given as text, a path, or a read Document.

    >>> t = requirements_from_posting("Requirements:\\n- 3+ years of Python experience\\n"
    ...     "Nice to have:\\n- Kubernetes")
    >>> [(r.name, r.required) for r in t.requirements], t.years_min
    ([('Python', True), ('Kubernetes', False)], 3.0)
    """
    doc = _as_document(posting)
    lex = lexicon or load_lexicon()
    text = doc.text
    modes = _section_modes(text)
    found = find_skills(doc, lex)
    reqs: dict[str, Requirement] = {}
    for skill in found.skills:
        if skill.status != "held":
            continue  # the matcher's own negation: "no experience with Kubernetes"
        asked = [(m, _mode_at(modes, text, m.start)) for m in skill.mentions]
        asked = [(m, mode) for m, mode in asked if mode != CONTEXT]
        if not asked:
            continue  # named only in the blurb, the benefits or a "no X needed"
        required = any(mode == REQUIRED for _, mode in asked)
        first = min((m for m, mode in asked if (mode == REQUIRED) == required),
                    key=lambda m: m.start)
        line = _line(text, first.start).strip(" -*•\t")
        reqs[skill.id] = Requirement(skill.name, skill.id, required, 1.0, line[:200])
    years_min, years_max = _years(text, modes)
    level, fields = _degree(text, modes)
    from .certifications import find_certifications

    certs = [c.name for c in find_certifications(doc)
             if _mode_at(modes, text, c.span[0]) != CONTEXT]
    certs += _loose_certifications(text, modes)
    return Target(
        kind="posting",
        title=_title(doc),
        requirements=tuple(sorted(reqs.values(), key=lambda r: (not r.required, r.name))),
        years_min=years_min,
        years_max=years_max,
        degree_level=level,
        degree_fields=fields,
        certifications=tuple(dict.fromkeys(certs)),
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
    start, end = line_bounds(text, pos)
    return text[start:end]


def _clause(text: str, pos: int) -> str:
    """The clause of its line that holds ``pos`` (lines split at ";" and full stops)."""
    start = text.rfind("\n", 0, pos) + 1
    line = _line(text, pos)
    at = pos - start
    lo, hi = 0, len(line)
    for m in _CLAUSE_END.finditer(line):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = m.start()
            break
    return line[lo:hi]


def _heading_mode(line: str) -> str | None:
    """The mode a heading line switches to, or None when the line is not a heading."""
    if not line.strip() or _BULLET.match(line):
        return None
    stripped = line.strip().strip("#*_ ").rstrip(":").strip("*_ ")
    words = stripped.split()
    if not 0 < len(words) <= 7:
        return None
    shaped = (line.strip().rstrip("*_ ").endswith(":") or stripped.isupper()
              or line.lstrip().startswith("#") or stripped.istitle())
    if _CONTEXT_HEAD.match(stripped) and (shaped or len(words) <= 4):
        return CONTEXT
    if _PREFERRED_HEAD.search(stripped) and (shaped or _PREFERRED_HEAD.match(stripped)):
        return PREFERRED
    if _REQUIRED_HEAD.search(stripped) and (shaped or _REQUIRED_HEAD.match(stripped)):
        return REQUIRED
    return None


def _section_modes(text: str) -> list[tuple[int, str]]:
    """(offset, mode) at each heading that switches the mode.

    The text before the first heading (the company blurb) asks for nothing when the
    posting has sections that do; its first line, the job title, always asks.
    """
    heads: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        mode = _heading_mode(line)
        if mode is not None:
            heads.append((pos, mode))
        pos += len(line)
    if not any(mode != CONTEXT for _, mode in heads):
        return [(0, REQUIRED), *heads]
    title = re.match(r"\s*[^\n]*\n?", text)
    return [(0, REQUIRED), (title.end() if title else 0, CONTEXT), *heads]


def _mode_at(modes: list[tuple[int, str]], text: str, pos: int) -> str:
    clause = _clause(text, pos)
    if _PREFERRED_LINE.search(clause):
        return PREFERRED
    if _NOT_ASKED.search(clause):
        return CONTEXT
    if _REQUIRED_LINE.search(clause):
        return REQUIRED
    mode = REQUIRED
    for start, section_mode in modes:
        if start > pos:
            break
        mode = section_mode
    return mode


def _clauses(text: str, modes: list[tuple[int, str]]):
    """Each clause of the text with its mode: (clause, mode)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        lo = 0
        for m in [*_CLAUSE_END.finditer(line), None]:
            hi = m.start() if m else len(line)
            clause = line[lo:hi]
            if clause.strip():
                yield clause, _mode_at(modes, text, pos + lo + len(clause) - len(
                    clause.lstrip()))
            lo = m.end() if m else hi
        pos += len(line)


def _years(text: str, modes) -> tuple[float | None, float | None]:
    """The years of experience asked: the largest minimum stated in a required clause
    ("7+ years preferred" does not raise the floor), else in any clause that asks."""
    found: dict[str, list[tuple[float, float | None]]] = {REQUIRED: [], PREFERRED: []}
    for clause, mode in _clauses(text, modes):
        if mode == CONTEXT:
            continue
        for m in _YEARS.finditer(clause):
            lo = m.group(1).lower()
            low = float(_NUM.get(lo, lo))
            high = float(m.group(2)) if m.group(2) else None
            if 0 < low <= 40 and (high is None or high >= low):
                found[mode].append((low, high))
    best = found[REQUIRED] or found[PREFERRED]
    if not best:
        return None, None
    return max(best, key=lambda f: f[0])


def _degree(text: str, modes) -> tuple[str | None, tuple[str, ...]]:
    """The lowest degree level a required clause names (a posting's floor), else the
    lowest a preferred clause names; the fields named in those clauses."""
    by_mode: dict[str, list[tuple[str, tuple[str, ...]]]] = {REQUIRED: [], PREFERRED: []}
    for clause, mode in _clauses(text, modes):
        if mode == CONTEXT:
            continue
        levels = [name for name, rx in _DEGREE if rx.search(clause)]
        if not levels and _BARE_DEGREE.search(clause):
            levels = ["bachelor"]
        if levels:
            by_mode[mode].append((levels[-1], _fields(clause)))
    named = by_mode[REQUIRED] or by_mode[PREFERRED]
    if not named:
        return None, ()
    from .target import DEGREE_RANK

    level = min((lv for lv, _ in named), key=lambda lv: DEGREE_RANK[lv])
    fields = tuple(dict.fromkeys(f for _, fs in named for f in fs))
    return level, fields


def _fields(clause: str) -> tuple[str, ...]:
    """The fields of study a degree clause names, in order: "BS in Computer Science or
    related field" -> ("computer science", "related field")."""
    low = clause.lower()
    hits = []
    for word, field in _FIELD_BY_DEGREE.items():
        if re.search(rf"\b{word}\b", low):
            hits.append((0, field))
    m = re.search(r"\b(?:in|of)\s+", low)
    if m:
        rest = low[m.end():]
        taken: list[tuple[int, int]] = []
        for field in _FIELDS:  # longest names first within the tuple's order
            for fm in re.finditer(rf"\b{re.escape(field)}\b", rest):
                if not any(a <= fm.start() < b for a, b in taken):
                    taken.append((fm.start(), fm.end()))
                    hits.append((m.end() + fm.start(), field))
        rel = _RELATED_FIELD.search(rest)
        if rel:
            hits.append((m.end() + rel.start(), "related field"))
    return tuple(dict.fromkeys(f for _, f in sorted(hits)))


_CERT_LEVEL = re.compile(r"\s*[-–—:]?\s*\b(?:specialty|associate|professional|expert)$")


def _loose_certifications(text: str, modes) -> list[str]:
    """Certifications a posting names without their level ("AWS Certified Machine
    Learning is a plus" for "... – Specialty"): a clause that says "certif..." and holds
    the name, less its level, of exactly one known certification."""
    from .certifications import load_certifications

    out = []
    for clause, mode in _clauses(text, modes):
        low = " ".join(re.sub(r"[^\w+#]+", " ", clause.lower()).split())
        if mode == CONTEXT or "certif" not in low:
            continue
        hits: dict[str, int] = {}
        for entry in load_certifications():
            for name in (entry.name, *entry.aliases):
                base = " ".join(re.sub(r"[^\w+#]+", " ", _CERT_LEVEL.sub(
                    "", name.lower())).split())
                if len(base.split()) >= 3 and re.search(rf"(?<!\S){re.escape(base)}(?!\S)",
                                                        low):
                    hits[entry.name] = max(hits.get(entry.name, 0), len(base))
        if hits:
            longest = max(hits.values())
            best = [name for name, n in hits.items() if n == longest]
            if len(best) == 1:
                out.append(best[0])
    return out


def _title(doc: Document) -> str:
    for line in doc.text.splitlines():
        line = line.strip().strip("#*_ ")
        if line:
            m = re.match(r"(?:job title|position|role)\s*:\s*(.+)", line, re.IGNORECASE)
            return (m.group(1) if m else line)[:80]
    return Path(doc.source).stem
