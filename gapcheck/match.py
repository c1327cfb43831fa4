"""Find the skills in a document, each with its evidence.

How a mention is found, in order of trust:

1. exact: the longest run of words whose normalised form is an alias in the lexicon
   ("scikit-learn", "Scikit Learn" and "sklearn" all meet);
2. joined: two words that are one alias when written together ("Quick Books", "Tensor
   Flow");
3. fuzzy: one word within an edit or two of a long alias ("Tensoflow", "Kubernets"), never
   when the word is itself an English word ("docket" is not "Docker").

Then each mention is judged in context (see ``judge`` and ``cues``): an ambiguous name must be backed by
evidence that it means the skill, and a learned or negated mention is kept apart from the
skills the person holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import cues
from .document import Document
from .judge import (
    HELD,
    Candidate,
    inside,
    is_english,
    judge_ambiguous,
    judge_context,
    judge_status,
)
from .lexicon import WORD, Lexicon, alias_key, load_lexicon
from .listed import listed_skills

#: E-mail addresses and links: "brianna.ts@example.com" holds no TypeScript.
_ADDRESS = re.compile(  # bounded runs: a megabyte without spaces must not backtrack
    r"(?<![^\s<(\[,;:|])[^\s@]{1,64}@[^\s@]{1,255}|\b(?:https?://|www\.)\S{1,2000}|"
    r"(?<![^\s<(\[,;:|/])[\w-]{1,63}\.(?:com|org|net|io|dev)\b\S{0,2000}", re.IGNORECASE)
#: What every address or link holds; found fast, then the full pattern runs near it.
_ADDRESS_ANCHOR = re.compile(r"@|://|www\.|\.(?:com|org|net|io|dev)\b", re.IGNORECASE)


def _address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses and links: ``_ADDRESS.finditer`` over just the words
    that hold an anchor, so a resume pays for a few words, not every position."""
    spans: list[tuple[int, int]] = []
    for a in _ADDRESS_ANCHOR.finditer(text):
        if spans and a.start() < spans[-1][1]:
            continue
        lo = max(0, a.start() - 320)
        word_start = max(text.rfind(ch, lo, a.start()) for ch in " \n\t") + 1
        for m in _ADDRESS.finditer(text, max(lo, word_start, spans[-1][1] if spans else 0),
                                   a.end() + 2001):
            if m.start() <= a.start() < m.end() and not (spans and m.start() < spans[-1][1]):
                spans.append((m.start(), m.end()))
                break
    return spans


#: Longest word worth a typo lookup: no alias is longer, and a megabyte-long "word"
#: must not cost a megabyte of deletions.
_MAX_FUZZY = 40
#: What may stand between the words of one alias: "scikit-learn", "CI/CD", "Node.js".
_WRAP_GAP = re.compile(r"^ {0,2}\n {0,4}$")
_JOIN_GAP = re.compile(r"^(?: {1,2}|[-/_.&]| ?[-/] ?)$")


@dataclass(frozen=True)
class SkillMention:
    """One place where a skill is named."""

    skill_id: str
    name: str
    text: str  # as written
    start: int
    end: int
    section: str
    status: str  # "held" | "learning" | "negated" | "rejected"
    method: str  # "exact" | "joined" | "fuzzy"
    confidence: float
    reason: str = ""  # why it was judged so, when context decided


@dataclass(frozen=True)
class FoundSkill:
    """A skill with all the mentions that show it."""

    id: str
    name: str
    category: str
    status: str  # "held" | "learning" | "negated"
    mentions: tuple[SkillMention, ...]

    @property
    def confidence(self) -> float:
        return max(m.confidence for m in self.mentions if m.status == self.status)

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.section for m in self.mentions if m.status == self.status))


@dataclass(frozen=True)
class SkillSet:
    """Everything the matcher found in one document."""

    skills: tuple[FoundSkill, ...]
    rejected: tuple[SkillMention, ...]  # ambiguous words judged ordinary, with reasons

    def by_status(self, status: str) -> tuple[FoundSkill, ...]:
        return tuple(s for s in self.skills if s.status == status)

    @property
    def held(self) -> tuple[FoundSkill, ...]:
        return self.by_status(HELD)

    @property
    def learning(self) -> tuple[FoundSkill, ...]:
        return self.by_status(cues.LEARNING)

    @property
    def negated(self) -> tuple[FoundSkill, ...]:
        return self.by_status(cues.NEGATED)

    def ids(self, status: str = HELD) -> set[str]:
        return {s.id for s in self.skills if s.status == status}


def find_skills(doc: Document | str, lexicon: Lexicon | None = None,
                listed: bool = True) -> SkillSet:
    """The skills in ``doc``, held, learning and negated, each with its mentions.

    With ``listed``, items of a skills list that the lexicon does not know are reported
    too, as skills of category "unlisted" (ids starting "listed:").

    >>> s = find_skills("Skills: Python, SQL. Currently learning Rust.")
    >>> sorted(f.name for f in s.held), [f.name for f in s.learning]
    (['Python', 'SQL'], ['Rust'])
    """
    if isinstance(doc, str):
        from .read import read_text

        doc = read_text(doc)
    lex = lexicon or load_lexicon()
    text = doc.text
    masked = _address_spans(text)
    # "1.6s" is a number with its unit, not the word "6s" (an alias of 5S).
    words = [(m.group(0).lower(), m.start(), m.end()) for m in WORD.finditer(text)
             if not (m.start() > 1 and text[m.start() - 1] == "." and text[m.start() - 2].isdigit()
                     and m.group(0)[0].isdigit())]
    if masked:
        words = _unmasked(words, masked)
    index = _fuzzy_index(lex)
    cands = _exact(text, words, lex, index)
    cands += _fuzzy(words, cands, lex, index)
    cands = _expansions(text, cands, lex, masked)
    cands.sort(key=lambda c: c.start)
    cue_index = cues.CueIndex(text, words)
    from .certifications import certification_spans

    certs = certification_spans(doc)
    for c in cands:
        if any(s <= c.start and c.end <= e for s, e in certs):
            c.status, c.reason = "rejected", "part of a certification's name"
    judge_context(doc, cands, lex, cue_index)
    judge_ambiguous(doc, cands, cue_index, lex)
    if listed:
        cands = sorted(cands + listed_skills(doc, cands), key=lambda c: c.start)
    judge_status(doc, cands, cue_index)
    return _collect(doc, cands, lex)


def _unmasked(words: list[tuple[str, int, int]],
              masked: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """``words`` without those that start inside a masked span (both lists in order)."""
    out, k = [], 0
    for w in words:
        while k < len(masked) and masked[k][1] <= w[1]:
            k += 1
        if k == len(masked) or w[1] < masked[k][0]:
            out.append(w)
    return out


def _exact(text: str, words: list[tuple[str, int, int]], lex: Lexicon,
           index: _FuzzyIndex) -> list[Candidate]:
    out: list[Candidate] = []
    n = len(words)
    aliases, sizes_of, solid = lex.aliases, lex.max_words, index.solid
    joins: dict[int, bool] = {}  # k -> may words k and k+1 be one phrase? (asked lazily)

    def joinable(k: int) -> bool:
        if k not in joins:
            gap = text[words[k][2] : words[k + 1][1]]
            joins[k] = gap == " " or _JOIN_GAP.match(gap) is not None or (
                # a line wrapped inside a phrase ("blood\ntransfusions"), as PDF and
                # DOCX text often is: the next line goes on in lower case
                _WRAP_GAP.match(gap) is not None and text[words[k + 1][1]].islower())
        return joins[k]

    i = 0
    while i < n:
        first = words[i][0]
        if i + 1 < n and first + words[i + 1][0] in solid:
            joined = _joined(text, words, i, index)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        hit = None
        sizes = sizes_of.get(first, ())  # alias lengths starting with this word, longest first
        reach = 1  # words from i on that may form one phrase, up to the longest alias
        while sizes and reach < sizes[0] and i + reach < n and joinable(i + reach - 1):
            reach += 1
        for size in sizes:
            j = i + size - 1
            if size > reach:
                continue
            alias = aliases.get(first if size == 1 else " ".join(w[0] for w in words[i : j + 1]))
            if alias is not None:
                hit = (alias, j)
                break
        if hit is None:
            i += 1
            continue
        alias, j = hit
        out.append(
            Candidate(alias.skill_id, alias.text, alias.ambiguous, alias.case_sensitive,
                       words[i][1], words[j][2], "exact", 1.0)
        )
        i = j + 1
    return out


def _joined(text, words, i, index) -> Candidate | None:
    """Two words that one alias writes as one: "Quick Books", "Java Script"."""
    if i + 1 >= len(words) or words[i][2] + 1 != words[i + 1][1] or text[words[i][2]] != " ":
        return None
    (w1, s1, _), (w2, _, e2) = words[i], words[i + 1]
    alias = index.solid.get(w1 + w2)
    if alias is None or not (w1.isalpha() and w2.isalpha()) or min(len(w1), len(w2)) < 3:
        return None
    if not (text[s1].isupper() or any(ch.isupper() for ch in alias.text[1:])):
        return None  # "unit test" is not the unittest library; "Zen desk" is Zendesk
    return Candidate(alias.skill_id, alias.text, False, False, s1, e2, "joined", 0.9)


def _fuzzy(words, found, lex, index) -> list[Candidate]:
    covered = {c.start for c in found}
    out: list[Candidate] = []
    for w, start, end in words:
        if start in covered or not 5 <= len(w) <= _MAX_FUZZY or not w.isalpha():
            continue
        alias = index.spaced.get(w)  # "PowerBI", "NodeJS" for "Power BI", "Node JS"
        if alias is not None:
            out.append(Candidate(alias.skill_id, alias.text, False, False, start, end,
                                  "joined", 0.9))
            continue
        if w in lex.aliases or is_english(w):
            continue
        best = index.lookup(w)
        if best is not None:
            alias, score = best
            out.append(Candidate(alias.skill_id, alias.text, False, False, start, end,
                                  "fuzzy", round(score / 100 * 0.9, 3)))
    return out


#: "AWS (S3, Glue, EMR)": a platform with its products in brackets.
_VENDOR_LIST = re.compile(
    r"\b(AWS|Amazon|Azure|GCP|Google Cloud|Google|Microsoft Office|MS Office|Office 365|"
    r"Microsoft|Adobe Creative (?:Suite|Cloud)|Adobe|Apache|Atlassian|Autodesk|Oracle|SAP)"
    r"\s*\(([^()\n]{1,200})\)")
_VENDOR_NAMES = {"aws": ("aws", "amazon"), "amazon": ("amazon", "aws"),
                 "azure": ("azure", "microsoft azure"), "gcp": ("google cloud", "gcp", "google"),
                 "google cloud": ("google cloud", "gcp", "google")}
#: "plasma & oxy-fuel cutting", "MIG, TIG and stick welding", "Phase I and Phase II ESAs":
#: items that share the last word.
_ITEM = r"[A-Za-z][A-Za-z-]+(?: (?:[IVX]{1,3}|[A-Za-z][A-Za-z-]*))?"
_SHARED_HEAD = re.compile(
    # The lookahead fails fast where the first word is not followed by a list mark.
    rf"\b(?={_ITEM}(?:,|,? ?(?:&|/|and\b|or\b)))((?:{_ITEM}, ?){{0,4}}{_ITEM}),? ?"
    r"(?:&|/|\band\b|\bor\b) ?"
    r"([A-Za-z][A-Za-z-]+(?: [A-Za-z][A-Za-z-]+)?) ([A-Za-z][A-Za-z-]+)\b")


def _expansions(text: str, cands: list[Candidate], lex: Lexicon,
                masked: list[tuple[int, int]]) -> list[Candidate]:
    """Skills written in shorthand that the word-by-word pass cannot see."""
    found = {(c.skill_id, c.start) for c in cands}
    extra: list[Candidate] = []
    for m in _VENDOR_LIST.finditer(text):
        vendor = m.group(1).lower()
        prefixes = _VENDOR_NAMES.get(vendor, (vendor.split()[0],))
        for item in re.finditer(r"[^,;/|&]+", m.group(2)):
            name = item.group(0).strip()
            alias = next((lex.aliases[k] for p in prefixes
                          if (k := alias_key(f"{p} {name}")) in lex.aliases), None)
            if alias is None or not name:
                continue
            start = m.start(2) + item.start() + item.group(0).index(name)
            # The bracket names the vendor's product: drop other readings of the item.
            cands = [c for c in cands if not (start <= c.start < start + len(name))]
            extra.append(Candidate(alias.skill_id, alias.text, False, False, start,
                                    start + len(name), "exact", 0.95))
    for m in _SHARED_HEAD.finditer(text):
        if inside(masked, m.start()):
            continue
        # The shared word is the last one, or the one before it ("plasma & oxy-fuel
        # cutting on site").
        heads = [(m.group(3), m.end())]
        if " " in m.group(2):
            heads.append((m.group(2).rsplit(" ", 1)[1], m.end(2)))
        for item in re.finditer(r"[^,]+", m.group(1)):
            start = m.start(1) + item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
            for head, end in heads:
                alias = lex.aliases.get(alias_key(f"{item.group(0)} {head}"))
                if alias and not alias.ambiguous and (alias.skill_id, start) not in found:
                    extra.append(Candidate(alias.skill_id, alias.text, False, False, start,
                                           end, "exact", 0.9))
                    break
    return cands + extra


class _FuzzyIndex:
    """Aliases by their one-letter deletions, for typo lookup in O(word length)."""

    def __init__(self, lex: Lexicon) -> None:
        self.solid: dict = {}  # one-word aliases of 6+ letters, to meet two written words
        self.spaced: dict = {}  # many-word aliases with the spaces taken out
        self.deletes: dict[str, list] = {}
        for k, alias in lex.aliases.items():
            if alias.ambiguous or alias.case_sensitive or not k.replace(" ", "").isalpha():
                continue
            if " " in k:
                if len(k) >= 7:
                    self.spaced.setdefault(k.replace(" ", ""), alias)
            elif len(k) >= 6:
                self.solid[k] = alias
                for d in _deletions(k):
                    self.deletes.setdefault(d, []).append((k, alias))

    def lookup(self, word: str):
        from rapidfuzz.distance import OSA
        from rapidfuzz.fuzz import ratio

        best = None
        for d in _deletions(word):
            for k, alias in self.deletes.get(d, ()):
                limit = 2 if len(k) >= 10 else 1
                if OSA.distance(word, k) <= limit and k[0] == word[0]:
                    score = ratio(word, k)
                    if best is None or score > best[1]:
                        best = (alias, score)
        return best


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _fuzzy_index(lex: Lexicon) -> _FuzzyIndex:
    # Built on first use and kept with the lexicon it indexes.
    index = lex.__dict__.get("_fuzzy_index")
    if index is None:
        index = lex.__dict__["_fuzzy_index"] = _FuzzyIndex(lex)
    return index


def _collect(doc: Document, cands: list[Candidate], lex: Lexicon) -> SkillSet:
    by_skill: dict[str, list[SkillMention]] = {}
    rejected = []
    names: dict[str, tuple[str, str]] = {}
    for c in cands:
        skill = lex.skills.get(c.skill_id)
        name, category = (skill.name, skill.category) if skill else (c.alias_text, "unlisted")
        names[c.skill_id] = (name, category)
        mention = SkillMention(
            c.skill_id, name, doc.text[c.start : c.end], c.start, c.end,
            doc.section_name_at(c.start), c.status, c.method,
            c.confidence * (0.85 if c.ambiguous else 1.0), c.reason,
        )
        if c.status == "rejected":
            rejected.append(mention)
        else:
            by_skill.setdefault(c.skill_id, []).append(mention)
    found = []
    for sid, mentions in by_skill.items():
        statuses = {m.status for m in mentions}
        status = next(s for s in (HELD, cues.LEARNING, cues.NEGATED) if s in statuses)
        found.append(FoundSkill(sid, *names[sid], status, tuple(mentions)))
    found.sort(key=lambda f: (f.mentions[0].start, f.name))
    return SkillSet(tuple(found), tuple(rejected))
