"""One exception hierarchy for everything gapcheck reports to a user.

Every error carries the file (or "<text>") it is about and a reason that says what to
do next; ``str(err)`` is the one line the CLI prints.
"""
from __future__ import annotations


class GapcheckError(Exception):
    """Base of every error gapcheck raises on purpose."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(f"{source}: {reason}" if source else reason)


class DocumentError(GapcheckError):
    """A resume or posting could not be read."""


class UnsupportedFormatError(DocumentError):
    """Not a PDF, DOCX or text file, or the content does not match the extension."""


class EncryptedDocumentError(DocumentError):
    """A password-protected PDF or DOCX."""


class NoTextLayerError(DocumentError):
    """A PDF whose pages carry no text: a scan that needs OCR first."""


class EmptyDocumentError(DocumentError):
    """The file opened but holds no usable text."""


class CorruptDocumentError(DocumentError):
    """The file is damaged or truncated."""


class LimitExceededError(DocumentError):
    """A safety limit (size, pages, decompressed size, time) was hit."""


class FileTooLargeError(LimitExceededError):
    """More bytes than ``Limits.max_bytes``."""


class TooManyPagesError(LimitExceededError):
    """More pages than ``Limits.max_pages``."""


class DecompressionBombError(LimitExceededError):
    """Compressed content that expands past ``Limits.max_decompressed_bytes``."""


class ParseTimeoutError(LimitExceededError):
    """Reading took longer than ``Limits.timeout_s``."""


class LexiconError(GapcheckError):
    """A skill lexicon or role file that cannot be loaded."""


class RoleNotFoundError(GapcheckError):
    """No known role is close enough to the query; ``suggestions`` holds the nearest."""

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f"; closest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no role matches {query!r} well enough{hint}")
