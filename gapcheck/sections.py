"""Split resume text into sections (summary, experience, skills...) by their headings.

A heading is a short line ("Work Experience", "SKILLS:", "## Projects", "**Education**",
a line underlined with "-----") whose words are a known heading, or the start of a line
such as "Skills: Python, SQL". Known headings are matched on their words, not by
prefix, so a sentence that starts with "Experience" never opens a section.
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from gapcheck.cues import SPOKEN_LANGUAGES
from gapcheck.document import Section
from gapcheck.section_guess import CONTACT, guess_block

__all__ = ["canonical_section", "find_sections"]

# --- known headings ---------------------------------------------------------------
# Keys are written as _key() produces them: lowercase words, punctuation and "and"
# dropped ("Licenses & Certifications" -> "licenses certifications").

_EXACT: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "career summary", "executive summary",
        "profile", "professional profile", "career profile", "personal profile",
        "profile summary", "about", "about me", "objective", "objectives",
        "career objective", "professional objective", "overview",
        "professional overview", "career overview", "introduction", "bio", "biography",
        "personal statement", "summary of qualifications", "qualifications summary",
        "key qualifications", "highlights", "career highlights",
        "highlights of qualifications",
    ),
    "experience": (
        "experience", "experiences", "work experience", "professional experience",
        "employment", "employment history", "work history", "career history",
        "professional history", "relevant experience", "clinical experience",
        "leadership experience", "industry experience", "research experience",
        "teaching experience", "related experience", "professional background",
        "positions held", "internships", "internship experience", "military service",
        "military experience", "relevant work experience", "professional employment",
    ),
    "education": (
        "education", "academic background", "education training",
        "educational background", "academic qualifications",
        "educational qualifications", "academics", "academic history",
        "qualifications", "education certifications", "education qualifications",
        "degrees", "academic credentials", "schooling", "training",
        "education professional development", "academic training",
    ),
    "skills": (
        "skills", "technical skills", "core competencies", "competencies",
        "areas of expertise", "expertise", "technologies", "tech stack", "toolbox",
        "toolkit", "tools", "tools technologies", "technologies tools", "key skills",
        "skills tools", "strengths", "proficiencies", "technical proficiencies",
        "languages frameworks", "software", "clinical skills", "skill set", "skillset",
        "skills summary", "summary of skills", "skills expertise", "skills abilities",
        "core skills", "hard skills", "soft skills", "professional skills",
        "relevant skills", "computer skills", "it skills", "programming languages",
        "programming", "technical expertise", "technical competencies",
        "key competencies", "technology", "technical summary", "skills competencies",
        "skills qualifications", "skills interests", "technical skills tools",
        "computer languages", "coding languages", "scripting languages",
        "languages tools", "languages technologies", "languages libraries",
        "programming languages frameworks", "frameworks", "platforms", "stack",
        "tools platforms", "software tools", "technical toolbox", "core strengths",
        "skills certifications",
    ),
    "certifications": (
        "certifications", "certification", "certificates", "certificate", "licenses",
        "licences", "license", "licence", "licensure", "licenses certifications",
        "licences certifications", "certifications licenses", "credentials",
        "accreditations", "professional certifications", "professional qualifications",
        "training certifications", "certifications training", "courses certifications",
        "certifications courses", "professional development",
    ),
    "projects": (
        "projects", "selected projects", "personal projects", "side projects",
        "portfolio", "key projects", "academic projects", "notable projects",
        "open source", "open source projects", "open source contributions",
        "project experience", "project highlights", "projects portfolio",
    ),
    "publications": (
        "publications", "papers", "research", "talks", "presentations",
        "publications presentations", "conference presentations",
        "selected publications", "patents", "research publications", "speaking",
        "speaking engagements", "talks presentations", "publications patents",
        "research papers", "conference talks", "invited talks",
    ),
    "other": (
        "awards", "honors", "honours", "awards honors", "honors awards",
        "awards honours", "honours awards", "awards achievements", "achievements",
        "accomplishments", "volunteer", "volunteering", "volunteer work",
        "volunteer experience", "community service", "community involvement",
        "interests", "hobbies", "hobbies interests", "interests hobbies",
        "personal interests", "languages", "spoken languages", "language skills",
        "foreign languages", "references", "activities", "extracurricular activities",
        "extracurriculars", "affiliations", "professional affiliations", "memberships",
        "professional memberships", "associations", "courses", "coursework",
        "relevant coursework", "relevant courses", "additional information",
        "personal information", "personal details", "leadership", "leadership activities",
        "scholarships", "grants", "honors activities", "miscellaneous", "additional",
    ),
}

_BY_KEY: dict[str, str] = {key: name for name, keys in _EXACT.items() for key in keys}
# "W O R K   E X P E R I E N C E" loses its word gaps in some PDFs; match it squashed.
_BY_SQUASHED: dict[str, str] = {key.replace(" ", ""): name for key, name in _BY_KEY.items()}

# Fallback for headings not listed above: every word must be a known heading word and
# the first head noun decides ("Data Engineering Projects" -> projects,
# "Research Experience" -> experience). "Acme Technologies" or "I have experience"
# fail because "acme", "i", "have" are not heading words.
_HEAD_NOUNS: dict[str, str] = {
    **dict.fromkeys(("experience", "experiences", "employment", "history",
                     "internships", "positions", "appointments", "roles", "jobs",
                     "work"), "experience"),
    **dict.fromkeys(("education", "academics", "degrees", "schooling"), "education"),
    **dict.fromkeys(("skills", "competencies", "competences", "proficiencies",
                     "expertise", "technologies", "tools", "toolbox", "toolkit",
                     "stack", "strengths", "abilities", "capabilities", "platforms",
                     "software", "specialties", "specialities"), "skills"),
    **dict.fromkeys(("certifications", "certificates", "licenses", "licences",
                     "credentials", "accreditations"), "certifications"),
    **dict.fromkeys(("projects", "portfolio", "opensource", "contributions"), "projects"),
    **dict.fromkeys(("publications", "papers", "talks", "presentations", "patents",
                     "writing", "writings", "blog", "speaking"), "publications"),
    **dict.fromkeys(("summary", "profile", "objective", "overview"), "summary"),
    **dict.fromkeys(("awards", "honors", "honours", "achievements", "interests",
                     "hobbies", "activities", "affiliations", "memberships",
                     "coursework", "courses", "references", "volunteering", "goals",
                     "aspirations"), "other"),
}
_MODIFIERS = frozenset((
    "professional", "work", "relevant", "related", "technical", "technology", "core", "key",
    "selected", "select", "personal", "side", "academic", "clinical", "leadership", "teaching",
    "research", "industry", "additional", "other", "career", "employment", "software",
    "programming", "computer", "soft", "hard", "transferable", "notable", "recent", "major",
    "featured", "open", "source", "community", "volunteer", "military", "international",
    "previous", "prior", "of", "in", "my", "the", "areas", "area", "it", "digital",
    "management", "business", "engineering", "data", "laboratory", "lab", "design", "creative",
    "analytical", "general", "main", "primary", "specialized", "specialised", "special",
    "domain", "functional", "extracurricular", "university", "college", "graduate",
    "undergraduate", "continuing", "further", "formal", "executive", "consulting", "freelance",
    "independent", "entrepreneurial", "project", "course", "training", "client", "nursing",
    "medical", "legal", "sales", "marketing", "financial", "language", "foreign", "spoken",
    "systems", "cloud", "web", "mobile", "trade", "trades", "publications", "awards", "honors",
    "certifications",
    "skills", "experience", "education", "projects", "scientific", "conference", "invited",
))
_PROGRAMMING_WORDS = frozenset((
    "programming", "computer", "coding", "scripting", "frameworks", "framework", "tools",
    "libraries", "technologies", "software", "technical",
))

# Programming languages that tell a bare "Languages" heading is about code.
_CODE_LANGUAGES = re.compile(
    r"(?<![\w+#])(?:python|java|javascript|typescript|c\+\+|c#|golang|rust|ruby|php|"
    r"kotlin|swift|scala|sql|bash|perl|matlab|html|css|haskell|elixir|dart|julia|"
    r"fortran|cobol|lua|objective-c|shell|groovy|clojure|f#|vb\.net|assembly|"
    r"solidity|sas|stata|powershell|verilog|vhdl)(?![\w+#])",
    re.IGNORECASE,
)
_SPOKEN_LANGUAGES = re.compile(
    r"\b(?:" + "|".join(sorted(SPOKEN_LANGUAGES)) + r"|native|fluent|bilingual|"
    r"conversational|proficient|intermediate|basic|[abc][12])\b",
    re.IGNORECASE,
)

# --- heading syntax ---------------------------------------------------------------

_MD_PREFIX = re.compile(r"^#{1,6}[ ]+")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(.+?)\1$")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)][ ]+", re.IGNORECASE)
_UNDERLINE = re.compile(r"^[ ]*([-=_~*\u2500\u2501\u2550])\1{2,}[ ]*$")
_SPACED_LETTERS = re.compile(r"^(?:\w[ ]{1,3}){2,}\w$")
_WORD = re.compile(r"[^\W_]+")
_INLINE = re.compile(
    r"[ ]*(?:#{1,6}[ ]+)?(\*\*|__)?([A-Za-z][A-Za-z &/,+'-]{0,48}?)[ ]*(?:\1)?[ ]*:"
    r"(?:[ ]*(?:\*\*|__)(?=[ ]*\S))?[ ]*(?=\S)"
)
#: "— SUMMARY —", "== Skills ==", "[ EXPERIENCE ]", ":: Tools ::": decoration on both sides.
_DECORATED = re.compile(
    r"^[ ]*[—–~=*#|\[<>•·▸►:_-]{1,6}[ ]*([^\W\d_][^\n]*?)[ ]*[—–~=*#|\]<>•·◂◄:_-]{1,6}[ ]*$")
_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 6


def _key(heading: str) -> str:
    """Lowercase words of a heading, without punctuation, markers or "and"."""
    words = [w for w in _WORD.findall(heading.lower()) if w != "and"]
    return " ".join(words)


def _strip_markers(line: str) -> tuple[str, bool]:
    """Remove markdown/emphasis/numbering/colon decoration; say whether any was there."""
    s = line.strip()
    marked = False
    m = _DECORATED.match(s)
    if m and not _MD_PREFIX.match(s):
        s, marked = m.group(1).strip(), True
    m = _MD_PREFIX.match(s)
    if m:
        s, marked = s[m.end():].strip(), True
    m = _EMPHASIS.match(s)
    if m:
        s, marked = m.group(2).strip(), True
    if s.endswith((":", "\uff1a")):
        s, marked = s[:-1].rstrip(), True
        m = _EMPHASIS.match(s)  # "**Skills**:"
        if m:
            s = m.group(2).strip()
    m = _NUMBERING.match(s)
    if m:
        s = s[m.end():]
    return s, marked


def canonical_section(heading: str) -> str | None:
    """The section name a heading stands for, or None if it is not a known heading.

    >>> canonical_section("PROFESSIONAL EXPERIENCE:"), canonical_section("Experience with SQL")
    ('experience', None)
    """
    text, _ = _strip_markers(heading)
    if not text or len(text) > _MAX_HEADING_CHARS * 2:
        return None
    if _SPACED_LETTERS.match(text):
        # "S K I L L S", "W O R K  E X P E R I E N C E"
        return _BY_SQUASHED.get(re.sub(r"[^\w]", "", text.lower()))
    key = _key(text)
    if not key:
        return None
    name = _BY_KEY.get(key)
    if name:
        return name
    words = key.split()
    if len(words) > _MAX_HEADING_WORDS:
        return None
    if "languages" in words or "language" in words:
        return "skills" if _PROGRAMMING_WORDS.intersection(words) else None
    words = " ".join(words).replace("open source", "opensource").split()
    found = [_HEAD_NOUNS[w] for w in words if w in _HEAD_NOUNS]
    if not found or not all(w in _HEAD_NOUNS or w in _MODIFIERS for w in words):
        return None
    # In "Projects & Writing" the first kind leads; a summary word only names the
    # section when nothing else does ("Skills Summary" is a skills section).
    specific = [n for n in found if n != "summary"]
    return specific[0] if specific else found[0]


class _Heading(NamedTuple):
    name: str
    heading: str
    heading_start: int
    body_start: int


def _looks_like_heading_line(line: str, underlined: bool) -> tuple[str, bool] | None:
    """(cleaned heading, was it marked) if the line's shape allows a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS:
        return None
    if (stripped[0] in "-+>|" or stripped.startswith("* ")) and not _DECORATED.match(stripped):
        return None  # a list item or a quote, not a heading
    text, marked = _strip_markers(stripped)
    if not text or text[-1] in ".,;!?":
        return None
    if not _SPACED_LETTERS.match(text) and len(text.split()) > _MAX_HEADING_WORDS:
        return None
    if any(ch.isdigit() for ch in text):
        return None  # "Skills 2024", "Experience 5 years": dates and counts mean content
    first_alpha = next((ch for ch in text if ch.isalpha()), "")
    if not (marked or underlined) and not first_alpha.isupper():
        return None  # "experience" alone in lowercase is a wrapped sentence
    return text, marked


def _refine(name: str, head: str, text: str, body_start: int) -> str:
    """A bare "Languages" heading lists code when its body names programming languages."""
    if name == "other" and _key(head) in ("languages", "language"):
        body = text[body_start:body_start + 400]
        code = len({m.group(0).lower() for m in _CODE_LANGUAGES.finditer(body)})
        spoken = len(_SPOKEN_LANGUAGES.findall(body))
        if code and code >= spoken:
            return "skills"
    return name


def _line_offsets(lines: list[str]) -> list[int]:
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return offsets


def _inline_extent(lines: list[str], i: int) -> int:
    """Last line of an inline heading's list: its own line plus wrapped continuations."""
    while (i + 1 < len(lines) and lines[i + 1].strip()
           and (lines[i].rstrip().endswith((",", ";", "|"))
                or lines[i + 1].lstrip()[:1].islower())):
        i += 1
    return i


def _find_headings(text: str) -> list[_Heading]:
    headings: list[_Heading] = []
    lines = text.split("\n")
    offsets = _line_offsets(lines)
    offsets.append(len(text))  # "start of the line after the last one"
    enclosing: _Heading | None = None  # the last stand-alone heading
    first_break = _first_blank(lines)
    i = 0
    while i < len(lines):
        line, start = lines[i], offsets[i]
        underlined = i + 1 < len(lines) and bool(_UNDERLINE.match(lines[i + 1]))
        shape = _looks_like_heading_line(line, underlined)
        name = canonical_section(shape[0]) if shape else None
        if shape and not name and i > first_break and _unknown_heading(lines, i, underlined):
            # "Arsenal", "Where I've Been": a heading by its shape, named by its body.
            name = guess_block(_block_after(lines, i + (2 if underlined else 1)))
            if enclosing and name == enclosing.name:
                name = None  # "ACME CORP" over its jobs: part of the section it is in
            elif enclosing and name == "summary":
                name = "other"  # prose under an odd heading late in the resume
        if shape and name:
            skip = 2 if underlined else 1
            body_start = min(offsets[i + skip], len(text))
            enclosing = _Heading(_refine(name, shape[0], text, body_start), shape[0],
                                 start, body_start)
            headings.append(enclosing)
            i += skip
            continue
        inline = _match_inline(line)
        name = canonical_section(inline[0]) if inline else None
        if inline and name:
            head, body_start = inline[0], start + inline[1]
            name = _refine(name, head, text, body_start)
            if enclosing is None:
                # "Platforms / tools: ..." above any heading labels its own lines; what
                # follows is named by its shape (see _header_blocks).
                headings.append(_Heading(name, head, start, body_start))
                i = _inline_extent(lines, i)
                resume = offsets[i + 1]
                headings.append(_Heading("header", "", resume, resume))
            elif name != enclosing.name:
                # "Tools: Python, Airflow" under a job in EXPERIENCE labels one list;
                # the experience section resumes after it instead of ending there.
                headings.append(_Heading(name, head, start, body_start))
                i = _inline_extent(lines, i)
                resume = offsets[i + 1]
                after = enclosing.name
                if i + 1 < len(lines) and not lines[i + 1].strip():
                    # A blank line after the list: what follows may be something else
                    # ("Certification: ...", then a line about hobbies).
                    guess = guess_block(_block_after(lines, i + 2))
                    if guess and guess != after:
                        after = "other" if guess == "summary" else guess
                headings.append(_Heading(after, enclosing.heading if after == enclosing.name
                                         else "", resume, resume))
        i += 1
    headings = _header_blocks(lines, offsets, headings, first_break)
    # Drop resumptions that hold nothing (another heading or the end follows at once).
    kept: list[_Heading] = []
    for n, h in enumerate(headings):
        nxt = headings[n + 1].heading_start if n + 1 < len(headings) else len(text)
        if h.heading_start == h.body_start and nxt <= h.heading_start:
            continue
        kept.append(h)
    return kept


#: How far down the name and contact lines can reach.
_TOP_LINES = 8


def _first_blank(lines: list[str]) -> int:
    """Index of the blank line that ends the first block (name and contact lines), or,
    where no blank line comes early (a DOCX laid out with paragraph spacing, a PDF whose
    gaps were lost), the line after the last contact line near the top."""
    seen = False
    for i, line in enumerate(lines):
        if line.strip():
            seen = True
        elif seen:
            if i <= _TOP_LINES:
                return i
            break
    contact = [i for i, line in enumerate(lines[:_TOP_LINES]) if CONTACT.search(line)]
    return contact[-1] + 1 if contact else len(lines)


_HEAD_WORD_AT_END = re.compile(r"\b(\w+)$")


def _unknown_heading(lines: list[str], i: int, underlined: bool) -> bool:
    """True when a line stands as a heading by its shape alone: underlined, decorated,
    marked up, in capitals, or a short title ending in a heading noun ("Trade Skills"),
    with a blank line (or the start) before it and text after it."""
    line = lines[i].strip()
    if i + 1 + underlined >= len(lines):
        return False
    text, marked = _strip_markers(line)
    letters = [ch for ch in text if ch.isalpha()]
    capitals = (len(letters) >= 4 and all(ch.isupper() for ch in letters)
                and len(text.split()) <= 4)
    if i and lines[i - 1].strip() and not (underlined or marked or capitals and not
                                           _continues(lines[i - 1])):
        # Without a blank line before it, only a marked line or one in capitals after
        # a finished line is a heading (DOCX and PDF text often has no blank lines).
        return False
    if underlined or marked or capitals:
        return True
    words = text.split()
    last = _HEAD_WORD_AT_END.search(text.lower())
    return (len(words) <= 4 and all(w[0].isupper() for w in words if w[0].isalpha())
            and last is not None and _HEAD_NOUNS.get(last.group(1)) is not None)


def _continues(line: str) -> bool:
    """Whether the next line may carry on this one (it ends mid-phrase)."""
    return line.rstrip().endswith((",", "&", "-", "–", "and", "of", "for", "with", "|"))


def _block_after(lines: list[str], i: int, limit: int = 12) -> list[str]:
    """The lines of the block that starts at ``i``: up to the next known heading."""
    out: list[str] = []
    for line in lines[i:]:
        if out and canonical_section(line) and len(line.strip()) <= _MAX_HEADING_CHARS:
            break
        if not line.strip() and any(ln.strip() for ln in out):
            break  # the block is its first paragraph; what follows may be another part
        out.append(line)
        if sum(1 for ln in out if ln.strip()) >= limit:
            break
    return out


def _header_blocks(lines: list[str], offsets: list[int], headings: list[_Heading],
                   first_break: int) -> list[_Heading]:
    """``headings`` with the blocks that no heading covers (after the contact lines,
    before the first heading or after an inline list above it) named by their shape:
    a summary paragraph, a box of tools, jobs with no heading over them."""
    out: list[_Heading] = []
    start = 0
    for h in [*headings, None]:
        end = h.heading_start if h else offsets[-1]
        if not out or out[-1].name == "header" and not out[-1].heading:
            i = max(first_break, bisect.bisect_left(offsets, start))
            out.extend(_guess_blocks(lines, offsets, i, end))
        if h:
            out.append(h)
            start = h.body_start
    return out


_SEPARATOR_IN_HEADING = re.compile(r"[,|;•·]|\s[-–—]\s")


def _guess_blocks(lines: list[str], offsets: list[int], i: int, end: int) -> list[_Heading]:
    out: list[_Heading] = []
    while i < len(lines) and offsets[i] < end:
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip() and offsets[j] < end:
            j += 1
        block = [ln for ln in lines[i:j] if not _UNDERLINE.match(ln)]
        shape = _looks_like_heading_line(block[0], False) if len(block) > 1 else None
        if shape and _SEPARATOR_IN_HEADING.search(shape[0]) is None:
            # "Tools & Methods" over its list: the first line names the block.
            name = guess_block(block[1:])
            if name:
                out.append(_Heading(name, shape[0], offsets[i], offsets[i + 1]))
                i = j
                continue
        name = guess_block(block)
        if name and not (out and out[-1].name == name):
            out.append(_Heading(name, "", offsets[i], offsets[i]))
        elif not name and out:
            out.append(_Heading("header", "", offsets[i], offsets[i]))
        i = j
    return out


def _match_inline(line: str) -> tuple[str, int] | None:
    """("Skills", offset of "Python") for "Skills: Python, SQL"."""
    m = _INLINE.match(line)
    if not m:
        return None
    head = m.group(2).strip()
    if len(head.split()) > _MAX_HEADING_WORDS or not head[0].isupper():
        return None
    return head, m.end()


def find_sections(text: str) -> tuple[Section, ...]:
    """Split ``text`` into sections that tile it in order; text before the first
    heading is the "header" section (name and contact details).

    >>> [s.name for s in find_sections("Jane Doe\\nSKILLS\\nPython\\nExperience\\nAcme")]
    ['header', 'skills', 'experience']
    """
    if not text:
        return ()
    headings = _find_headings(text)
    sections: list[Section] = []
    first = headings[0].heading_start if headings else len(text)
    if first > 0:
        sections.append(Section("header", "", 0, first, 0))
    for n, h in enumerate(headings):
        end = headings[n + 1].heading_start if n + 1 < len(headings) else len(text)
        sections.append(Section(h.name, h.heading, h.body_start, end, h.heading_start))
    return tuple(sections)
