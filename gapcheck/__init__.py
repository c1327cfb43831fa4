"""gapcheck: read a resume, find its skills, compare them with a target role, and say what
to do next.

>>> import gapcheck
>>> report = gapcheck.analyze("sample_resumes/data_analyst.txt", role="Data Analyst")
>>> report.score > 50
True
"""
from __future__ import annotations

from .analyze import analyze
from .document import Document, Section
from .errors import (
    CorruptDocumentError,
    DecompressionBombError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    FileTooLargeError,
    GapcheckError,
    LexiconError,
    LimitExceededError,
    NoTextLayerError,
    ParseTimeoutError,
    RoleNotFoundError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from .lexicon import load_lexicon
from .match import FoundSkill, SkillMention, SkillSet, find_skills
from .posting import requirements_from_posting
from .read import Limits, read_bytes, read_document, read_text
from .report import SCHEMA_VERSION, Report
from .roles import load_roles

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION", "CorruptDocumentError", "DecompressionBombError", "Document",
    "DocumentError", "EmptyDocumentError", "EncryptedDocumentError", "FileTooLargeError",
    "FoundSkill", "GapcheckError", "LexiconError", "LimitExceededError", "Limits",
    "NoTextLayerError", "ParseTimeoutError", "Report", "RoleNotFoundError", "Section",
    "SkillMention", "SkillSet", "TooManyPagesError", "UnsupportedFormatError", "analyze",
    "find_skills", "load_lexicon", "load_roles", "read_bytes", "read_document", "read_text",
    "requirements_from_posting",
]
