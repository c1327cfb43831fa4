"""Read a resume or job posting (PDF, DOCX or text) into a ``Document``.

The format is chosen from the bytes, never the file name. Every input is treated as
hostile: sizes are checked before reading, special files are never opened, ZIPs and
PDF streams are checked for bombs, and parsing runs under a time limit. PDF and DOCX
support is imported only when such a file shows up.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from gapcheck._limits import deadline
from gapcheck.document import Document
from gapcheck.errors import (
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    FileTooLargeError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from gapcheck.normalize import normalize_text
from gapcheck.sections import find_sections

__all__ = ["Limits", "read_bytes", "read_document", "read_text"]

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Safety limits for reading one untrusted file."""

    max_bytes: int = 10 * _MB
    max_pages: int = 50
    max_decompressed_bytes: int = 50 * _MB
    max_chars: int = 1_000_000
    timeout_s: float = 20.0

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "max_decompressed_bytes", "max_chars",
                     "timeout_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"Limits.{name} must be positive, got {getattr(self, name)!r}")


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OTHER_FORMATS = (
    (b"{\\rtf", "an RTF file; save it as DOCX or PDF"),
    (b"\x89PNG", "a PNG image; export the resume as PDF or DOCX, or OCR it first"),
    (b"\xff\xd8\xff", "a JPEG image; export the resume as PDF or DOCX, or OCR it first"),
    (b"GIF8", "a GIF image; export the resume as PDF or DOCX"),
    (b"II*\x00", "a TIFF image; OCR it first, e.g. `ocrmypdf`"),
    (b"MM\x00*", "a TIFF image; OCR it first, e.g. `ocrmypdf`"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; extract the resume first"),
    (b"Rar!", "a RAR archive; extract the resume first"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Bytes that never appear in text files (TAB, LF, VT, FF, CR and ESC excluded).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def read_document(path: str | os.PathLike[str], limits: Limits | None = None) -> Document:
    """Read a resume or posting from a file.

    >>> doc = read_document("resume.pdf")  # doctest: +SKIP
    >>> [s.name for s in doc.sections]  # doctest: +SKIP
    ['header', 'summary', 'experience', 'education', 'skills']
    """
    limits = limits or Limits()
    source = os.fsdecode(path)
    data = _read_file(path, source, limits)
    document = read_bytes(data, source, limits)
    suffix = os.path.splitext(source)[1].lower()
    if document.format == "text" and suffix in (".pdf", ".docx", ".doc"):
        warning = f"named {suffix} but holds plain text; read it as text"
        document = _with_warning(document, warning)
    return document


def read_bytes(data: bytes, source: str = "<bytes>", limits: Limits | None = None) -> Document:
    """Read a resume or posting from bytes; the format is sniffed from the content.

    >>> read_bytes(b"Jane Doe\\nSKILLS\\nPython, SQL").sections[-1].name
    'skills'
    """
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(_too_large(len(data), limits), source)
    if not data:
        raise EmptyDocumentError("the file is empty (0 bytes)", source)
    kind = _sniff(data, source)
    with deadline(limits.timeout_s, source) as dl:
        if kind == "pdf":
            from gapcheck._pdf import extract_pdf

            raw, pages, warnings = extract_pdf(data, source, limits, dl)
        elif kind == "docx":
            from gapcheck._docx import extract_docx

            raw, pages, warnings = extract_docx(data, source, limits, dl)
        else:
            raw, pages, warnings = _decode(data, source), 1, []
        return _build(raw, source, kind, pages, warnings, limits)


def read_text(text: str, source: str = "<text>", limits: Limits | None = None) -> Document:
    """Make a Document from text already in memory (a pasted job posting, say).

    >>> read_text("Requirements:\\n- Python").text
    'Requirements:\\n- Python'
    """
    if not isinstance(text, str):
        raise TypeError(f"read_text() needs str, not {type(text).__name__}; use read_bytes()")
    return _build(text, source, "text", 1, [], limits or Limits())


# --- helpers ----------------------------------------------------------------------


def _read_file(path: str | os.PathLike[str], source: str, limits: Limits) -> bytes:
    """The file's bytes, after making sure it is a regular file of acceptable size."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DocumentError("no such file", source) from None
    except NotADirectoryError:
        reason = "no such file (a parent in the path is not a directory)"
        raise DocumentError(reason, source) from None
    except PermissionError:
        raise DocumentError("permission denied: cannot access the file", source) from None
    except (OSError, ValueError) as exc:
        raise DocumentError(f"cannot access the file ({_os_reason(exc)})", source) from None
    _require_regular(info.st_mode, source)
    if info.st_size > limits.max_bytes:
        raise FileTooLargeError(_too_large(info.st_size, limits), source)
    # O_NONBLOCK: if the path was swapped for a FIFO after the stat, open() still
    # returns at once instead of waiting for a writer; fstat then rejects it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise DocumentError("permission denied: cannot read the file", source) from None
    except OSError as exc:
        raise DocumentError(f"cannot open the file ({_os_reason(exc)})", source) from None
    try:
        _require_regular(os.fstat(fd).st_mode, source)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    try:
        with handle:
            data = handle.read(limits.max_bytes + 1)  # +1 tells "too large" from "exact"
    except OSError as exc:
        raise DocumentError(f"cannot read the file ({_os_reason(exc)})", source) from None
    if len(data) > limits.max_bytes:
        raise FileTooLargeError(_too_large(len(data), limits), source)
    return data


def _require_regular(mode: int, source: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise DocumentError("is a directory, not a file; pass the resume file itself", source)
    kind = (
        "named pipe (FIFO)" if stat.S_ISFIFO(mode)
        else "socket" if stat.S_ISSOCK(mode)
        else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "special file"
    )
    raise DocumentError(f"is a {kind}, not a regular file; save the resume to a file first", source)


def _os_reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _too_large(size: int, limits: Limits) -> str:
    return (f"{size:,} bytes is more than the {limits.max_bytes:,}-byte limit "
            "(Limits.max_bytes); a resume is usually under 1 MB")


def _sniff(data: bytes, source: str) -> str:
    """"pdf", "docx" or "text"; raise for formats gapcheck cannot read."""
    if b"%PDF-" in data[:1024]:
        return "pdf"  # some generators put junk before the header; readers accept 1 KB
    if data.startswith(_ZIP):
        from gapcheck._docx import classify_zip

        classify_zip(data, source)
        return "docx"
    if data.startswith(_OLE2):
        # Word stores a password-protected DOCX inside an OLE2 container with an
        # "EncryptedPackage" stream; anything else in OLE2 is a legacy .doc/.xls.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                "a password-protected Word document; remove the password and save it "
                "as DOCX or PDF",
                source,
            )
        raise UnsupportedFormatError(
            "a legacy Word .doc (OLE2) file, which gapcheck cannot read; open it in "
            "Word or LibreOffice and save it as DOCX or PDF",
            source,
        )
    for magic, what in _OTHER_FORMATS:
        if data.startswith(magic):
            raise UnsupportedFormatError(what, source)
    return "text"


def _decode(data: bytes, source: str) -> str:
    """Decode text bytes: BOM, UTF-16 without BOM, UTF-8, cp1252, then latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    sample = data[:65536]
    # UTF-16 must be tried before UTF-8: ASCII text in UTF-16 is valid UTF-8 (NULs and
    # all). Its tell is NUL bytes at every other position.
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return data.decode(utf16, errors="replace")
    nuls = sample.count(0)
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if nuls > max(2, len(sample) // 100) or controls > max(8, len(sample) // 10):
        raise UnsupportedFormatError(
            "binary data, not a PDF, DOCX or text file; export the resume as PDF or DOCX",
            source,
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(len(odd), 1)
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _build(raw: str, source: str, fmt: str, pages: int, warnings: list[str],
           limits: Limits) -> Document:
    """Normalise, check for emptiness, truncate to max_chars and find sections."""
    warnings = list(warnings)
    # Normalising cannot grow text much, so 4x max_chars of raw text is plenty and
    # keeps the work bounded for a 10 MB text file.
    cut_raw = len(raw) > 4 * limits.max_chars
    text = normalize_text(raw[:4 * limits.max_chars] if cut_raw else raw)
    if not text.strip():
        if fmt == "pdf":
            from gapcheck._pdf import OCR_HINT

            raise NoTextLayerError(OCR_HINT, source)
        raise EmptyDocumentError("no text found in the file", source)
    if cut_raw or len(text) > limits.max_chars:
        full = len(text)
        cut = text.rfind("\n", 0, limits.max_chars + 1)
        if cut < limits.max_chars * 0.9:
            cut = limits.max_chars  # no line break near the limit: cut mid-line
        text = text[:cut]
        warnings.append(
            f"text truncated to its first {cut:,} of {full:,}{'+' if cut_raw else ''} "
            f"characters (Limits.max_chars={limits.max_chars:,})"
        )
    return Document(source=source, text=text, format=fmt, pages=pages,
                    sections=find_sections(text), warnings=tuple(warnings))


def _with_warning(document: Document, warning: str) -> Document:
    from dataclasses import replace

    return replace(document, warnings=(*document.warnings, warning))
