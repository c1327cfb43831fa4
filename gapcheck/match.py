"""Find the skills in a document, each with its evidence.

How a mention is found, in order of trust:

1. exact: the longest run of words whose normalised form is an alias in the lexicon
   ("scikit-learn", "Scikit Learn" and "sklearn" all meet);
2. joined: two words that are one alias when written together ("Quick Books", "Tensor
   Flow");
3. fuzzy: one word within an edit or two of a long alias ("Tensoflow", "Kubernets"), never
   when the word is itself an English word ("docket" is not "Docker").

Then each mention is judged in context (see ``cues``): an ambiguous name must be backed by
evidence that it means the skill, and a learned or negated mention is kept apart from the
skills the person holds.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from . import cues
from .document import Document
from .lexicon import WORD, Lexicon, load_lexicon

HELD = "held"
#: E-mail addresses and links: "brianna.ts@example.com" holds no TypeScript.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|dev)\S*",
                      re.IGNORECASE)
#: A line naming a degree: its subjects are a field of study, not skills shown.
_DEGREE_LINE = re.compile(
    r"\b(?:B\.?S\.?c?|B\.?A|M\.?S\.?c?|M\.?A|MBA|Ph\.?D|BSN|MSN|B\.?Eng|M\.?Eng|Bachelor'?s?|"
    r"Master'?s?|Associate'?s?|Diploma|Degree|Major|Minor)\b")
#: A line dating a job: "Payroll Specialist — Peachline Hospitality Group (2019–present)".
_DATED_LINE = re.compile(r"\b(?:19|20)\d\d\b")
#: Categories of skills whose names are ordinary nouns ("Marketing", "Safety").
_GENERIC_CATEGORIES = {"domain", "concept", "soft"}
#: Zipf frequency above which a one-word skill name is everyday English.
_EVERYDAY_ZIPF = 3.5
#: What may stand between the words of one alias: "scikit-learn", "CI/CD", "Node.js".
_JOIN_GAP = re.compile(r"^(?: {1,2}|[-/_.]| ?[-/] ?)$")


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


@dataclass
class _Candidate:
    skill_id: str
    alias_text: str
    ambiguous: bool
    case_sensitive: bool
    start: int
    end: int
    method: str
    confidence: float
    status: str = HELD
    reason: str = ""


def find_skills(doc: Document | str, lexicon: Lexicon | None = None) -> SkillSet:
    """The skills in ``doc``, held, learning and negated, each with its mentions.

    >>> s = find_skills("Skills: Python, SQL. Currently learning Rust.")
    >>> sorted(f.name for f in s.held), [f.name for f in s.learning]
    (['Python', 'SQL'], ['Rust'])
    """
    if isinstance(doc, str):
        from .read import read_text

        doc = read_text(doc)
    lex = lexicon or load_lexicon()
    text = doc.text
    masked = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    words = [(m.group(0).lower(), m.start(), m.end()) for m in WORD.finditer(text)
             if not _inside(masked, m.start())]
    index = _fuzzy_index(lex)
    cands = _exact(text, words, lex, index)
    cands += _fuzzy(words, cands, lex, index)
    cands.sort(key=lambda c: c.start)
    breaks = [m.start() for m in cues.CLAUSE_BREAK.finditer(text)]
    _judge_context(doc, cands, lex)
    _judge_ambiguous(doc, cands, breaks)
    _judge_status(doc, cands, breaks)
    return _collect(doc, cands, lex)


def _exact(text: str, words: list[tuple[str, int, int]], lex: Lexicon,
           index: _FuzzyIndex) -> list[_Candidate]:
    out: list[_Candidate] = []
    i, n = 0, len(words)
    while i < n:
        joined = _joined(text, words, i, index)
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        longest = lex.max_words.get(words[i][0], 0)
        hit = None
        for size in range(min(longest, n - i), 0, -1):
            j = i + size - 1
            if size > 1 and not all(
                _JOIN_GAP.match(text[words[k][2] : words[k + 1][1]]) for k in range(i, j)
            ):
                continue
            alias = lex.aliases.get(" ".join(w[0] for w in words[i : j + 1]))
            if alias is not None:
                hit = (alias, j)
                break
        if hit is None:
            i += 1
            continue
        alias, j = hit
        out.append(
            _Candidate(alias.skill_id, alias.text, alias.ambiguous, alias.case_sensitive,
                       words[i][1], words[j][2], "exact", 1.0)
        )
        i = j + 1
    return out


def _joined(text, words, i, index) -> _Candidate | None:
    """Two words that one alias writes as one: "Quick Books", "Java Script"."""
    if i + 1 >= len(words) or text[words[i][2] : words[i + 1][1]] != " ":
        return None
    (w1, s1, _), (w2, _, e2) = words[i], words[i + 1]
    alias = index.solid.get(w1 + w2)
    if alias is None or not (w1.isalpha() and w2.isalpha()) or min(len(w1), len(w2)) < 3:
        return None
    return _Candidate(alias.skill_id, alias.text, False, False, s1, e2, "joined", 0.9)


def _fuzzy(words, found, lex, index) -> list[_Candidate]:
    covered = {c.start for c in found}
    out: list[_Candidate] = []
    for w, start, end in words:
        if start in covered or len(w) < 5 or not w.isalpha():
            continue
        alias = index.spaced.get(w)  # "PowerBI", "NodeJS" for "Power BI", "Node JS"
        if alias is not None:
            out.append(_Candidate(alias.skill_id, alias.text, False, False, start, end,
                                  "joined", 0.9))
            continue
        if w in lex.aliases or _is_english(w):
            continue
        best = index.lookup(w)
        if best is not None:
            alias, score = best
            out.append(_Candidate(alias.skill_id, alias.text, False, False, start, end,
                                  "fuzzy", round(score / 100 * 0.9, 3)))
    return out


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


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    """English words with their zipf frequency (see skill_lexicon/make_common_words.py)."""
    from importlib import resources

    lines = resources.files("skill_lexicon").joinpath("common_words.txt").read_text("utf-8")
    out = {}
    for line in lines.splitlines()[1:]:
        word, _, zipf = line.partition(" ")
        out[word] = int(zipf) / 10
    return out


def _is_english(word: str) -> bool:
    return word in _english() or (word.endswith("s") and word[:-1] in _english())


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _line_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _clause_of(breaks: list[int], text: str, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(breaks, pos)
    start = breaks[i - 1] + 1 if i else 0
    end = breaks[i] if i < len(breaks) else len(text)
    return start, end


def _skills_context(doc: Document, pos: int) -> bool:
    """In a skills section, on a "Tools: ..." line, or on a line listing several items."""
    text = doc.text
    line_start, _ = _line_of(text, pos)
    return (doc.section_name_at(pos) == "skills" or _list_line(text, pos)
            or bool(cues.LABEL_LINE.match(text[line_start:pos])))


def _context_verdict(doc: Document, c: _Candidate, lex: Lexicon) -> str | None:
    """Why a mention of a clear skill name still does not show the skill, or None."""
    text = doc.text
    surface = text[c.start : c.end]
    category = lex.skills[c.skill_id].category
    generic = category in _GENERIC_CATEGORIES
    line_start, line_end = _line_of(text, c.start)
    line = text[line_start:line_end]
    before = text[max(0, c.start - 2) : c.start]
    if len(surface) <= 4 and re.match(r"[A-Za-z]-$", before):
        return f"{surface!r} is the end of a hyphenated word"
    if surface.isupper() and before.endswith("(") and _defines(text, c.start - 1, surface):
        return f"{surface!r} abbreviates the words before it"
    if surface.isupper() and re.match(r"\s+[A-Z]\d+(?:\.\d+)+\b", text[c.end : c.end + 12]):
        return f"{surface!r} names the body of a code or standard ({line.strip()[:40]!r})"
    if not generic or _skills_context(doc, c.start):
        return None
    if doc.section_name_at(c.start) == "education" and _DEGREE_LINE.search(line):
        return f"{surface!r} names a field of study"
    if _DATED_LINE.search(line) and len(line) < 120:
        return f"{surface!r} is part of a job title or employer name"
    word = c.alias_text.lower()
    if category == "soft" or (" " not in word and _english().get(word, 0) >= _EVERYDAY_ZIPF):
        return f"{surface!r} is an everyday word here, not listed as a skill"
    return None


def _defines(text: str, paren: int, acronym: str) -> bool:
    """True when the words before ``(`` spell ``acronym``: "Certified Payroll Professional"."""
    words = re.findall(r"[A-Za-z]+", text[max(0, paren - 80) : paren])
    initials = "".join(w[0] for w in words[-len(acronym) :]).upper()
    return len(words) >= len(acronym) and initials == acronym.upper()


def _judge_context(doc: Document, cands: list[_Candidate], lex: Lexicon) -> None:
    for c in cands:
        verdict = _context_verdict(doc, c, lex)
        if verdict:
            c.status, c.reason = "rejected", verdict


def _judge_ambiguous(doc: Document, cands: list[_Candidate], breaks: list[int]) -> None:
    text = doc.text
    for c in cands:
        surface = text[c.start : c.end]
        if c.case_sensitive and not _case_ok(surface, c.alias_text, text, c.start):
            c.status, c.reason = "rejected", (
                f"{surface!r} reads as an ordinary word: the skill is written {c.alias_text!r}")
    # Two passes: an ambiguous name accepted beside another lets a third lean on it.
    for _ in range(2):
        for k, c in enumerate(cands):
            if c.ambiguous and c.status == HELD and not c.reason.startswith("accepted"):
                verdict = _ambiguous_verdict(doc, cands, k, breaks)
                if verdict.startswith("accepted"):
                    c.reason = verdict
                elif _ == 1:
                    c.status, c.reason = "rejected", verdict


def _case_ok(surface: str, alias: str, text: str, start: int) -> bool:
    if surface == alias or surface.upper() == alias.upper() and surface.isupper():
        return True
    line_start, line_end = _line_of(text, start)
    line = text[line_start:line_end]
    if sum(ch.isupper() for ch in line) > 3 * max(1, sum(ch.islower() for ch in line)):
        return True  # an all-caps line says nothing about case
    return surface.islower() and _list_line(text, start)


def _list_line(text: str, pos: int) -> bool:
    """True on a line that lists items: "python, sql, spark"."""
    line_start, line_end = _line_of(text, pos)
    return len(re.findall(r"[,|;•]", text[line_start:line_end])) >= 2


def _ambiguous_verdict(doc: Document, cands: list[_Candidate], k: int, breaks) -> str:
    text, c = doc.text, cands[k]
    surface = text[c.start : c.end]
    if (re.match(r"[&'’]|-[A-Za-z0-9]|/\s*no\b", text[c.end : c.end + 4], re.IGNORECASE)
            or (c.start and text[c.start - 1] in "-&'’")):
        return f"{surface!r} is part of a longer word ({text[max(0, c.start - 3) : c.end + 4]!r})"
    prev = re.findall(r"[\w']+", text[max(0, c.start - 30) : c.start])
    nxt = re.findall(r"[\w']+", text[c.end : c.end + 30])
    prev_w = prev[-1].lower() if prev else ""
    next_w = nxt[0].lower() if nxt else ""
    if next_w in cues.ORDINARY_NEXT or prev_w in cues.ORDINARY_PREV:
        phrase = " ".join(filter(None, [prev_w, surface, next_w]))
        return f"{surface!r} reads as an ordinary word in {phrase!r}"
    in_skills = doc.section_name_at(c.start) == "skills"
    if len(surface) > 2 and surface[0].islower() and not (in_skills and _list_line(text, c.start)):
        return f"{surface!r} in lower case outside a skills list reads as an ordinary word"
    if in_skills:
        return "accepted: in the skills section"
    line_start, _ = _line_of(text, c.start)
    if cues.LABEL_LINE.match(text[line_start : c.start]):
        return "accepted: in a labelled skills line"
    if prev_w in cues.SKILL_PREV:
        return f"accepted: {prev_w!r} before it marks it as a skill"
    if next_w in cues.SKILL_NEXT:
        return f"accepted: {next_w!r} after it marks it as a skill"
    for j in (k - 1, k + 1):
        if 0 <= j < len(cands):
            o = cands[j]
            if o.status != HELD or (o.ambiguous and not o.reason.startswith("accepted")):
                continue
            gap = text[o.end : c.start] if j < k else text[c.end : o.start]
            if LIST_SEP_OK(gap):
                return f"accepted: listed with {text[o.start:o.end]!r}"
    return f"{surface!r} has no skill context (not in a skills list, no neighbouring skill)"


def LIST_SEP_OK(gap: str) -> bool:
    return bool(cues.LIST_SEP.match(gap)) and "\n" not in gap


def _judge_status(doc: Document, cands: list[_Candidate], breaks: list[int]) -> None:
    text = doc.text
    cue_cache: dict[tuple[int, int], list] = {}
    spans = [(c.start, c.end) for c in cands]
    for c in cands:
        if c.status != HELD:
            continue
        section = doc.section_at(c.start)
        if section and cues.LEARNING_HEADING.match(section.heading or ""):
            c.status, c.reason = cues.LEARNING, f"under the heading {section.heading!r}"
            continue
        if cues.POST_CUE.match(text, c.end):
            c.status, c.reason = cues.LEARNING, "marked as in progress right after it"
            continue
        clause = _clause_of(breaks, text, c.start)
        if clause not in cue_cache:
            cue_cache[clause] = [
                (label, clause[0] + s, clause[0] + e)
                for label, s, e in cues.find_cues(text[clause[0] : clause[1]])
            ]
        for label, s, e in reversed(cue_cache[clause]):
            if e <= c.start and _in_scope(text, e, c.start, spans):
                c.status, c.reason = label, f"after {text[s:e]!r}"
                break


def _in_scope(text: str, cue_end: int, start: int, spans) -> bool:
    """True when only function words and other skills stand between cue and mention."""
    gap = text[cue_end:start]
    for s, e in spans:
        if cue_end <= s and e <= start:
            gap = gap.replace(text[s:e], " ", 1)
    return all(w.lower() in cues.SCOPE_WORDS for w in re.findall(r"[A-Za-z']+", gap))


def _collect(doc: Document, cands: list[_Candidate], lex: Lexicon) -> SkillSet:
    by_skill: dict[str, list[SkillMention]] = {}
    rejected = []
    for c in cands:
        skill = lex.skills[c.skill_id]
        mention = SkillMention(
            c.skill_id, skill.name, doc.text[c.start : c.end], c.start, c.end,
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
        skill = lex.skills[sid]
        found.append(FoundSkill(sid, skill.name, skill.category, status, tuple(mentions)))
    found.sort(key=lambda f: (f.mentions[0].start, f.name))
    return SkillSet(tuple(found), tuple(rejected))
