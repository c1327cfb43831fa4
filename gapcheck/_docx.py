"""DOCX text extraction: zip safety checks with zipfile, then python-docx.

Imported lazily by ``gapcheck.read``. The zip is inspected before python-docx sees it
because python-docx trusts the archive: it would inflate a 200 MB entry or hand an
entity-laden XML part to lxml.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

from gapcheck.errors import (
    CorruptDocumentError,
    DecompressionBombError,
    GapcheckError,
    UnsupportedFormatError,
)

if TYPE_CHECKING:
    from gapcheck._limits import Deadline
    from gapcheck.read import Limits

MAX_ENTRIES = 2000  # a big DOCX has a few hundred parts (mostly images)
# Word's XML compresses about 5-20x; zeros compress ~1000x. Only big entries are judged
# on their ratio, since tiny parts can legitimately compress very well.
MAX_RATIO = 200
_RATIO_MIN_SIZE = 1 << 20

_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_UTF16 = [s.encode(enc) for s in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
              for enc in ("utf-16-le", "utf-16-be")]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_P, _TBL, _TR, _TC = (f"{{{_W}}}{t}" for t in ("p", "tbl", "tr", "tc"))
_T, _TAB, _BR, _CR = (f"{{{_W}}}{t}" for t in ("t", "tab", "br", "cr"))
_TXBX = f"{{{_W}}}txbxContent"
_FALLBACK = f"{{{_MC}}}Fallback"
_DEL = f"{{{_W}}}del"
_SKIP_IN_PARAGRAPH = {_TXBX, _FALLBACK, _DEL, f"{{{_W}}}pPr", f"{{{_W}}}rPr"}


def classify_zip(data: bytes, source: str) -> None:
    """Raise UnsupportedFormatError unless the ZIP is a Word document.

    >>> classify_zip(open("cv.docx", "rb").read(), "cv.docx")  # doctest: +SKIP
    """
    names = set(_open_zip(data, source).namelist())
    if "word/document.xml" in names:
        return
    if "mimetype" in names and any(n.startswith("content.xml") for n in names):
        what = "an OpenDocument file (.odt/.ods), not a DOCX; save it as DOCX or PDF"
    elif any(n.startswith("xl/") for n in names):
        what = "an Excel workbook, not a DOCX; export the resume as DOCX or PDF"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint file, not a DOCX; export the resume as DOCX or PDF"
    else:
        what = "a ZIP archive, not a DOCX; unzip it and pass the resume itself"
    raise UnsupportedFormatError(what, source)


def _open_zip(data: bytes, source: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocumentError(
            f"the ZIP/DOCX container is damaged ({exc}); save the file again", source
        ) from None


def check_zip(data: bytes, source: str, limits: Limits) -> None:
    """Refuse decompression bombs and XML with DTDs before python-docx opens the file.

    The sizes checked are the ones in the ZIP directory; zipfile never inflates an
    entry past its declared size, so a lying header cannot get past this check.
    """
    archive = _open_zip(data, source)
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise DecompressionBombError(
            f"the DOCX has {len(infos):,} parts (max {MAX_ENTRIES})", source
        )
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_decompressed_bytes:
            raise DecompressionBombError(
                f"the DOCX expands past {limits.max_decompressed_bytes:,} bytes "
                "(compression bomb?)",
                source,
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= _RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise DecompressionBombError(
                f"part {info.filename!r} compresses {ratio:,.0f}:1 (compression bomb?)", source
            )
    for info in infos:
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            raw = archive.read(info)
        except Exception as exc:  # noqa: BLE001 - bad CRC, odd compression, truncated data
            reason = f"part {info.filename!r} is damaged ({exc})"
            raise CorruptDocumentError(reason, source) from None
        if _DTD.search(raw) or any(marker in raw for marker in _DTD_UTF16):
            # Word never writes a DTD; entity declarations are how "billion laughs"
            # and external-entity attacks start.
            raise CorruptDocumentError(
                f"part {info.filename!r} declares a DTD/entities, which Word never "
                "writes; refusing it as a possible entity-expansion attack",
                source,
            )


def extract_docx(
    data: bytes, source: str, limits: Limits, dl: Deadline
) -> tuple[str, int, list[str]]:
    """Return (text, page count from docProps/app.xml or 1, warnings)."""
    check_zip(data, source, limits)
    dl.check()
    import docx  # python-docx; lazily, only DOCX needs it
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        headers, footers = _header_footer_parts(document, RT)
        # Name and contact details often live in the page header: put it first.
        blocks = _unique_parts(headers) + _blocks(body) + _unique_parts(footers)
    except GapcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx/lxml raise KeyError, XMLSyntaxError...
        raise CorruptDocumentError(
            f"the DOCX is damaged and cannot be read ({type(exc).__name__}: {exc})"[:300], source
        ) from None
    return "\n".join(blocks), _page_count(data), []


def _header_footer_parts(document: Any, rt: Any) -> tuple[list[Any], list[Any]]:
    """Header and footer XML roots, each once, in part-name order."""
    headers, footers = {}, {}
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype == rt.HEADER:
            headers[str(rel.target_part.partname)] = rel.target_part.element
        elif rel.reltype == rt.FOOTER:
            footers[str(rel.target_part.partname)] = rel.target_part.element
    return [headers[k] for k in sorted(headers)], [footers[k] for k in sorted(footers)]


def _unique_parts(parts: list[Any]) -> list[str]:
    """Lines of several headers (or footers); the first-page and default header are
    often the same text, which should appear once."""
    seen: set[tuple[str, ...]] = set()
    lines: list[str] = []
    for part in parts:
        blocks = tuple(_blocks(part))
        if blocks and blocks not in seen:
            seen.add(blocks)
            lines.extend(blocks)
    return lines


def _blocks(container: Any) -> list[str]:
    """Lines of text from the paragraphs and tables of a body, cell or header, in order."""
    lines: list[str] = []
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            text = _paragraph_text(child)
            if text.strip():
                lines.append(text)
            # Text boxes anchored in this paragraph follow it, once each: the VML copy
            # in mc:Fallback is skipped by _text_boxes.
            for box in _text_boxes(child):
                lines.extend(_blocks(box))
        elif tag == _TBL:
            lines.extend(_table_rows(child))
        elif isinstance(tag, str) and not tag.endswith("}sectPr"):
            # w:sdt, w:customXml, w:ins...: containers whose children are blocks.
            lines.extend(_blocks(child))
    return [line for line in lines if line.strip()]


def _paragraph_text(element: Any) -> str:
    parts: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag not in _SKIP_IN_PARAGRAPH or node is element:
            stack.extend(reversed(list(node)))
    return "".join(parts)


def _text_boxes(paragraph: Any) -> list[Any]:
    """Outermost w:txbxContent elements in a paragraph, skipping mc:Fallback copies."""
    boxes: list[Any] = []
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if node.tag == _TXBX:
            boxes.append(node)  # nested boxes are reached through _blocks(node)
        elif node.tag != _FALLBACK:
            stack.extend(reversed(node))
    return boxes


def _table_rows(table: Any) -> list[str]:
    rows = []
    for tr in table.iterchildren(_TR):
        cells = []
        for tc in tr.iterchildren(_TC):
            text = " ".join(line.strip() for line in _blocks(tc))
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d{1,6})\s*</(?:\w+:)?Pages>")


def _page_count(data: bytes) -> int:
    """Word's own page count from docProps/app.xml (already size-checked), else 1."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            match = _PAGES.search(archive.read("docProps/app.xml"))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return 1
    return max(1, int(match.group(1))) if match else 1
