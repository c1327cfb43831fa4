"""The document model every later stage reads: text, pages and sections."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

#: Canonical section names. "header" is the text before the first heading (name,
#: contact line); "other" is a heading gapcheck recognises as a heading but not as one
#: of the known kinds.
SECTION_NAMES = (
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "certifications",
    "projects",
    "publications",
    "other",
)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) offsets of the line of ``text`` that holds ``pos``.

    >>> line_bounds("a\\nbcd\\ne", 3)
    (2, 5)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


@dataclass(frozen=True)
class Section:
    """A part of the document text under one heading.

    ``start``/``end`` are character offsets into ``Document.text`` covering the body
    (the heading line itself is ``heading_start``..``start``).
    """

    name: str
    heading: str
    start: int
    end: int
    heading_start: int


@dataclass(frozen=True)
class Document:
    """A read resume or job posting: normalised text with its sections."""

    source: str
    text: str
    format: str  # "pdf" | "docx" | "text"
    pages: int = 1
    sections: tuple[Section, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def section_at(self, offset: int) -> Section | None:
        """The section whose span (heading included) holds ``offset``."""
        i = bisect.bisect_right(self._section_starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i]
        return None

    @cached_property
    def _section_starts(self) -> list[int]:
        # Sections tile the text in order, so their starts are sorted.
        return [s.heading_start for s in self.sections]

    def section_name_at(self, offset: int) -> str:
        section = self.section_at(offset)
        return section.name if section else "header"

    def section_text(self, section: Section) -> str:
        return self.text[section.start : section.end]
