"""Judging each mention in its context: is it the skill, and does the person hold it?

The matcher finds every place a skill's name is written; the rules here decide which of
those show the skill. Each rejection keeps its reason, so a report can say why "go" in
"go the extra mile" was not counted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import cues
from .document import Document, line_bounds
from .lexicon import Lexicon, alias_key
from .profile import JOB_TITLE_WORDS

HELD = "held"
#: A line naming a degree: its subjects are a field of study, not skills shown.
_DEGREE_LINE = re.compile(
    r"\b(?:B\.?S\.?c?|B\.?A|M\.?S\.?c?|M\.?A|MBA|Ph\.?D|BSN|MSN|B\.?Eng|M\.?Eng|Bachelor'?s?|"
    r"Master'?s?|Associate'?s?|Diploma|Degree|Major|Minor)\b")
#: A short line of capitalised words, perhaps with a date or place: a job title
#: ("Inside Sales Representative — Acme, 2019-2022") or a heading, not a skills claim.
_TITLE_LINE = re.compile(
    r"^\s*(?:[-*]\s*)?(?:(?:[A-Z][\w.&'/-]*|[a-z]{1,3}[A-Z][\w.&'/-]*|of|and|&|for|the|in|at|"
    r"now|present|current|today|to|date|[-–—|,@()]|\d[\d/.–-]*|['’]\d\d)\s*){1,14}$")
#: A short line without sentence punctuation: a job title under the name at the top.
_HEADER_TITLE = re.compile(r"^[^.!?;:@]{2,90}$")
_COURSEWORK = re.compile(r"\b(?:coursework|courses|thesis|capstone|dissertation|project|"
                         r"concentration|focus|minor)\b|:", re.IGNORECASE)
_HOBBY_HEADING = re.compile(r"\b(?:interests|hobbies|activities|personal)\b", re.I)
#: A line dating a job: "Payroll Specialist — Peachline Hospitality Group (2019–present)".
_DATED_LINE = re.compile(r"\b(?:19|20)\d\d\b")
#: Categories of skills whose names are ordinary nouns ("Marketing", "Safety").
_GENERIC_CATEGORIES = {"domain", "concept", "soft"}
#: Zipf frequency above which a one-word skill name is everyday English.
_EVERYDAY_ZIPF = 3.5
#: Above this, a product name written in lower case may be the ordinary word.
_LOWERCASE_ZIPF = 2.5


#: "in" and "with" are too weak a cue for a lower-case word: "said in jest".
_STRONG_PREV = cues.SKILL_PREV - {"in", "with", "through", "via"}


def _neighbours(text: str, c: Candidate) -> tuple[str, str]:
    """The words just before and after a mention, as written, when only spaces stand
    between: "Excel (US GAAP)" has no next word."""
    prev = re.search(r"([\w']+) {1,2}$", text[max(0, c.start - 30) : c.start])
    nxt = re.match(r" {1,2}([\w']+)", text[c.end : c.end + 30])
    return (prev.group(1) if prev else ""), (nxt.group(1) if nxt else "")


def _skill_cue(text: str, c: Candidate) -> bool:
    """A word just before or after that marks a skill: "scripts in bash", "python scripts"."""
    prev_w, next_w = _neighbours(text, c)
    return prev_w.lower() in _STRONG_PREV or next_w.lower() in cues.SKILL_NEXT

@dataclass
class Candidate:
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


@lru_cache(maxsize=1)
def english_zipf() -> dict[str, float]:
    """English words with their zipf frequency (see skill_lexicon/make_common_words.py)."""
    from importlib import resources

    lines = resources.files("skill_lexicon").joinpath("common_words.txt").read_text("utf-8")
    out = {}
    for line in lines.splitlines()[1:]:
        word, _, zipf = line.partition(" ")
        out[word] = int(zipf) / 10
    return out


def is_english(word: str) -> bool:
    return word in english_zipf() or (word.endswith("s") and word[:-1] in english_zipf())


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _skills_context(doc: Document, pos: int) -> bool:
    """In a skills section, on a "Tools: ..." line, or on a line listing several items."""
    text = doc.text
    line_start, _ = line_bounds(text, pos)
    return (doc.section_name_at(pos) == "skills" or _list_line(text, pos)
            or bool(cues.LABEL_LINE.match(text[line_start:pos])))


def _context_verdict(doc: Document, c: Candidate, lex: Lexicon) -> str | None:
    """Why a mention of a clear skill name still does not show the skill, or None."""
    text = doc.text
    surface = text[c.start : c.end]
    category = lex.skills[c.skill_id].category
    generic = category in _GENERIC_CATEGORIES
    line_start, line_end = line_bounds(text, c.start)
    line = text[line_start:line_end]
    before = text[max(0, c.start - 2) : c.start]
    if len(surface) <= 4 and re.match(r"[A-Za-z]-$", before):
        return f"{surface!r} is the end of a hyphenated word"
    if surface.isupper() and before.endswith("(") and _defines(text, c.start - 1, surface):
        return f"{surface!r} abbreviates the words before it"
    if surface.isupper() and re.match(r"\s+[A-Z]\d+(?:\.\d+)+\b", text[c.end : c.end + 12]):
        return f"{surface!r} names the body of a code or standard ({line.strip()[:40]!r})"
    if c.status != HELD:
        return None
    section = doc.section_name_at(c.start)
    if section == "header" and _HEADER_TITLE.match(line) and JOB_TITLE_WORDS.search(line):
        # "Civil Engineer (Site Development & Stormwater)", "iOS Engineer" under the name
        return f"{surface!r} is part of the job title at the top ({line.strip()[:50]!r})"
    if (section == "education" and _DEGREE_LINE.search(line)
            and not _COURSEWORK.search(line)):
        return f"{surface!r} names a field of study"
    if section == "certifications":
        # Credentials are reported as certifications; a skill named only in one
        # ("Digital Marketing Certificate") is not shown by it.
        return f"{surface!r} is named in a certification, not shown as a skill"
    word = c.alias_text.lower()
    if (not c.ambiguous and surface.islower() and " " not in word
            and not c.alias_text.islower()  # "pandas", "dbt" are written in lower case
            and english_zipf().get(word, 0) >= _LOWERCASE_ZIPF
            and not _skills_context(doc, c.start) and not _skill_cue(text, c)):
        # "caught a python", "said in jest": the product is written with a capital.
        return f"{surface!r} in lower case reads as an ordinary word here"
    if not generic:
        return None
    if section in ("experience", "header") and _TITLE_LINE.match(line) and (
            _DATED_LINE.search(line) or JOB_TITLE_WORDS.search(line)
            or not _list_line(text, c.start)):
        return f"{surface!r} is part of a job title or heading ({line.strip()[:50]!r})"
    heading = doc.section_at(c.start)
    if heading and _HOBBY_HEADING.search(heading.heading or ""):
        return f"{surface!r} is under {heading.heading!r}, not a skill claim"
    if re.match(r"[\s-]{0,2}(?:team|teams|department|dept|group|org|organization)\b",
                text[c.end : c.end + 16], re.I):
        return f"{surface!r} names a team, not a skill ({text[c.start : c.end + 12]!r})"
    if _skills_context(doc, c.start):
        return None
    if _DATED_LINE.search(line) and len(line) < 120 and _in_proper_name(text, c):
        return f"{surface!r} is part of an employer's name"
    plain = c.alias_text[1:].islower()  # "Marketing", not "iOS" or "SQL"
    # A one-word alias other than the skill's own name ("patching" for Drywall Repair,
    # "firefighting" for Structural Firefighting) is a common word for more than one
    # thing: it needs a skills list even when it is not a very common word.
    everyday = (_EVERYDAY_ZIPF if alias_key(c.alias_text) == alias_key(lex.skills[c.skill_id].name)
                else _LOWERCASE_ZIPF)
    if word in cues.SPOKEN_LANGUAGES:
        return None  # "Spanish" in a sentence is the language
    if category == "soft" or (" " not in word and plain
                              and english_zipf().get(word, 0) >= everyday):
        return f"{surface!r} is an everyday word here, not listed as a skill"
    return None


#: Words that end an organisation's name.
_ORG_WORDS = frozenset(
    """group inc llc ltd co corp corporation company services solutions partners associates
    carriers hospital clinic center centre university college school bank agency studio
    studios labs systems health foundation institute""".split()
)


def _in_proper_name(text: str, c: Candidate) -> bool:
    """True for "Peachline Hospitality Group": the name stands in a run of capitalised
    words with a proper noun or an organisation word in it."""
    before = re.search(r"((?:[A-Z][\w&'-]* )+)$", text[max(0, c.start - 40) : c.start])
    after = re.match(r"((?: [A-Z][\w&'-]*)+)", text[c.end : c.end + 40])
    if not text[c.start].isupper():
        return False
    neighbours = (before.group(1).split() if before else []) + (
        after.group(1).split() if after else [])
    eng = english_zipf()
    return any(w.lower().strip("'&-") in _ORG_WORDS or eng.get(w.lower(), 0) < 3.0
               for w in neighbours)


def _defines(text: str, paren: int, acronym: str) -> bool:
    """True when the words before ``(`` spell ``acronym``: "Certified Payroll Professional"."""
    words = re.findall(r"[A-Za-z]+", text[max(0, paren - 80) : paren])
    initials = "".join(w[0] for w in words[-len(acronym) :]).upper()
    return len(words) >= len(acronym) and initials == acronym.upper()


def judge_context(doc: Document, cands: list[Candidate], lex: Lexicon,
                  index: cues.CueIndex) -> None:
    for c in cands:
        verdict = _context_verdict(doc, c, lex)
        # "Currently learning Spanish": a cue names what follows as a skill.
        if verdict and not _cue_before(doc.text, c, cands, index):
            c.status, c.reason = "rejected", verdict


def judge_ambiguous(doc: Document, cands: list[Candidate], index: cues.CueIndex,
                    lex: Lexicon) -> None:
    starts = lex.max_words
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
                verdict = _ambiguous_verdict(doc, cands, k, starts)
                if not verdict.startswith("accepted") and _cue_before(doc.text, c, cands, index):
                    verdict = "accepted: named as something learned or not known"
                if verdict.startswith("accepted"):
                    c.reason = verdict
                elif _ == 1:
                    c.status, c.reason = "rejected", verdict


def _case_ok(surface: str, alias: str, text: str, start: int) -> bool:
    if surface == alias:
        return True
    # "Cisco IOS" is not iOS, "SolarWinds NPM" is not npm: capitals count as the
    # skill's case only on a line written in capitals.
    if " " in alias and surface.split(" ", 1)[0] == alias.split(" ", 1)[0]:
        return True  # "IT general controls": the acronym in its case is what counts
    line_start, line_end = line_bounds(text, start)
    line = text[line_start:line_end]
    if sum(ch.isupper() for ch in line) > 3 * max(1, sum(ch.islower() for ch in line)):
        return True  # an all-caps line says nothing about case
    if alias.isupper() and english_zipf().get(alias.lower(), 0) >= 3.0:
        return False  # "BASIC" the language, "basic" the word, whatever the line
    return surface.islower() and _list_line(text, start)


_LIST_SEPARATOR = re.compile(r"[,|;•]")


def _list_line(text: str, pos: int) -> bool:
    """True on a line that lists items: "python, sql, spark"."""
    line_start, line_end = line_bounds(text, pos)
    # Look near the mention only: a list is a list locally, and a megabyte-long line must
    # not be scanned once per mention.
    lo = max(line_start, pos - 200)
    window = text[lo : min(line_end, pos + 200)]
    parts = _LIST_SEPARATOR.split(window)
    if len(parts) < 3:
        return False
    # The item that holds the mention: "brief IT teams and leadership in plain language"
    # is a clause of a sentence, not an item of a list.
    before = _LIST_SEPARATOR.split(window[: pos - lo])[-1]
    after = _LIST_SEPARATOR.split(window[pos - lo :])[0]
    if len((before + after).split()) > 8:
        return False
    # "I brief IT teams, managers, and leadership in plain language, weekly" is a
    # sentence with commas; a list's items are short.
    inner = sorted(len(p.split()) for p in parts[1:-1]) or [0]
    return inner[len(inner) // 2] <= 5


def _ambiguous_verdict(doc: Document, cands: list[Candidate], k: int,
                       lex_starts: dict[str, tuple[int, ...]]) -> str:
    text, c = doc.text, cands[k]
    surface = text[c.start : c.end]
    if (re.match(r"[&'’]|-[A-Za-z0-9]|/\s*no\b", text[c.end : c.end + 4], re.IGNORECASE)
            or (c.start and text[c.start - 1] in "-&'’")):
        return f"{surface!r} is part of a longer word ({text[max(0, c.start - 3) : c.end + 4]!r})"
    prev_raw, next_raw = _neighbours(text, c)
    prev_w, next_w = prev_raw.lower(), next_raw.lower()
    if (len(surface) == 1 and prev_raw[:1].isupper() and prev_raw.isalpha()
            and prev_w not in cues.LETTER_NAME_PREV):
        # "Schedule C", "Vitamin C", "Part B": a letter that names a thing with the word
        # before it ("Embedded C", "ANSI C" are the language).
        return f"{surface!r} completes the name {prev_raw + ' ' + surface!r}"
    if next_w in cues.ORDINARY_NEXT or prev_w in cues.ORDINARY_PREV:
        phrase = " ".join(filter(None, [prev_w, surface, next_w]))
        return f"{surface!r} reads as an ordinary word in {phrase!r}"
    on_list = _list_line(text, c.start)
    in_skills = (doc.section_name_at(c.start) == "skills"
                 and (on_list or not _in_sentence(text, c.start)))
    if (prev_raw[:1].isupper() and prev_w not in lex_starts and not on_list
            and text[c.start - 1 : c.start] == " " and not _sentence_start(text, c.start)):
        # "the Chevy Express", "Java House", "Ruby Tuesday": a name with the word before.
        return f"{surface!r} completes the name {prev_raw + ' ' + surface!r}"
    if (surface.islower() and next_raw.islower() and next_w not in cues.SKILL_NEXT
            and text[c.end : c.end + 1] == " "):
        # "slack adjusters", "spark plugs", "rust inhibitor": the first word of a noun.
        return f"{surface!r} is part of {surface + ' ' + next_raw!r}"
    if (not in_skills and next_raw.istitle() and next_w not in lex_starts
            and text[c.end : c.end + 1] == " "):
        # "Sage Whitcombe", "Ruby Alvarez", "Express Freight": the capitalised word
        # after it makes a name of the pair.
        return f"{surface!r} starts a proper name ({surface} {next_raw})"
    if len(surface) > 2 and surface[0].islower() and not on_list:
        return f"{surface!r} in lower case outside a skills list reads as an ordinary word"
    if in_skills:
        return "accepted: in the skills section"
    line_start, _ = line_bounds(text, c.start)
    if cues.LABEL_LINE.match(text[line_start : c.start]):
        return "accepted: in a labelled skills line"
    # "written in Go", "Go services", "Spark SQL" mark a skill; but in "with Express
    # Scripts" a capitalised word after the name makes a proper noun of the pair.
    proper_pair = next_raw.istitle()
    if prev_w in cues.SKILL_PREV and not proper_pair:
        return f"accepted: {prev_w!r} before it marks it as a skill"
    if next_w in cues.SKILL_NEXT and not proper_pair:
        return f"accepted: {next_w!r} after it marks it as a skill"
    for j in (k - 1, k + 1):
        if 0 <= j < len(cands):
            o = cands[j]
            gap = text[o.end : c.start] if j < k else text[c.end : o.start]
            if o.status != HELD or not _list_gap(gap):
                continue
            if not o.ambiguous or o.reason.startswith("accepted"):
                return f"accepted: listed with {text[o.start:o.end]!r}"
            if surface[0].isupper() and text[o.start].isupper() and gap.strip() in "/,":
                # "Flutter/Dart": two names written as names, side by side.
                return f"accepted: paired with {text[o.start:o.end]!r}"
    return f"{surface!r} has no skill context (not in a skills list, no neighbouring skill)"


def _in_sentence(text: str, pos: int) -> bool:
    """Whether the line of ``pos`` is ten words or more that read as sentences ("Nine
    years on domestic makes, from ... the Chevy Express"); the caller has ruled out a
    list."""
    start, end = line_bounds(text, pos)
    line = text[start:end]
    return len(line.split()) >= 10 and bool(re.search(r"[a-z][.!?](?:\s|$)", line))


def _sentence_start(text: str, pos: int) -> bool:
    """Whether the word before ``pos`` opens its line or sentence (so its capital says
    nothing)."""
    before = text[max(0, pos - 40) : pos].rstrip()
    m = re.search(r"(?:^|[\n.!?:;•|-]\s*)\S+$", before)
    return m is not None


def _list_gap(gap: str) -> bool:
    return bool(cues.LIST_SEP.match(gap)) and "\n" not in gap


def _cue_before(text: str, c: Candidate, cands: list[Candidate],
                index: cues.CueIndex) -> tuple[str, int, int] | None:
    """The learning or negation cue that governs ``c``, if one does."""
    clause, found = index.before(c.start)
    if not found:
        return None
    spans = [(o.start, o.end) for o in cands if clause[0] <= o.start < c.start]
    for label, s, e in reversed(found):
        if _in_scope(text, e, c.start, spans):
            return label, s, e
    return None


def judge_status(doc: Document, cands: list[Candidate], index: cues.CueIndex) -> None:
    text = doc.text
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
        if cues.COURSE_AFTER.match(text, c.end):
            # "Enrolled in an evening medical Spanish course", "taking Portuguese classes"
            start, _ = cues.clause_of(index.breaks, text, c.start)
            enrolled = cues.ENROLLED.search(text, start, c.start)
            if enrolled:
                c.status, c.reason = cues.LEARNING, f"a course after {enrolled.group(0)!r}"
                continue
        cue = _cue_before(text, c, cands, index)
        if cue:
            label, s, e = cue
            c.status, c.reason = label, f"after {text[s:e]!r}"


def _in_scope(text: str, cue_end: int, start: int, spans) -> bool:
    """True when only function words and other skills stand between cue and mention."""
    gap = text[cue_end:start]
    for s, e in spans:
        if cue_end <= s and e <= start:
            gap = gap.replace(text[s:e], " ", 1)
    return all(w.lower() in cues.SCOPE_WORDS for w in re.findall(r"[A-Za-z']+", gap))

