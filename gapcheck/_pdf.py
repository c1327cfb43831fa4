"""PDF text extraction with pdfminer.six, guarded for untrusted files.

Imported lazily by ``gapcheck.read`` so that reading a .txt never loads pdfminer.
"""
from __future__ import annotations

import io
import re
import zlib
from typing import TYPE_CHECKING, Any

from gapcheck.errors import (
    CorruptDocumentError,
    DecompressionBombError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GapcheckError,
    NoTextLayerError,
    TooManyPagesError,
)

if TYPE_CHECKING:
    from gapcheck._limits import Deadline
    from gapcheck.read import Limits

# Layout analysis settings. boxes_flow=0.5 orders text boxes by position with some
# weight on x, so a two-column resume or a side bar comes out column by column instead
# of interleaving lines across columns; all_texts also lays out text inside Form
# XObjects (Canva and some designers' exports put everything there); vertical text in
# resumes is decoration, not content.
_LAPARAMS: dict[str, Any] = {
    "line_overlap": 0.5,
    "char_margin": 2.0,
    "line_margin": 0.5,
    "word_margin": 0.1,
    "boxes_flow": 0.5,
    "detect_vertical": False,
    "all_texts": True,
}

_STREAM_START = re.compile(rb"stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 20

OCR_HINT = "looks scanned: no text layer; run OCR first, e.g. `ocrmypdf in.pdf out.pdf`"


def check_stream_sizes(data: bytes, source: str, budget: int) -> None:
    """Raise DecompressionBombError if the Flate streams inflate past ``budget`` bytes.

    pdfminer inflates every stream it touches in one go, so a 10 MB file could ask for
    10 GB. Inflating incrementally here, counting and discarding, costs a few ms for a
    normal resume and stops a bomb after ``budget`` bytes.
    """
    total = 0
    for match in _STREAM_START.finditer(data):
        if data[max(0, match.start() - 3):match.start()] == b"end":
            continue  # "endstream" followed by a newline
        start = match.end()
        end = data.find(b"endstream", start)
        buf = data[start:end if end >= 0 else len(data)]
        inflater = zlib.decompressobj()
        try:
            while True:
                out = inflater.decompress(buf, _CHUNK)
                total += len(out)
                if total > budget:
                    raise DecompressionBombError(
                        f"PDF streams expand past {budget:,} bytes (compression bomb?)",
                        source,
                    )
                buf = inflater.unconsumed_tail
                if inflater.eof or (not buf and len(out) < _CHUNK):
                    break
        except zlib.error:
            continue  # not Flate (images, fonts in other filters) or damaged: pdfminer decides


def extract_pdf(
    data: bytes, source: str, limits: Limits, dl: Deadline
) -> tuple[str, int, list[str]]:
    """Return (text with pages separated by form feeds, page count, warnings)."""
    check_stream_sizes(data, source, limits.max_decompressed_bytes)
    # Imports here, not at module level: pdfminer is large and only PDFs need it.
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    truncated = b"%%EOF" not in data[-4096:]
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        # Count pages before any layout work so a 10,000-page file fails fast.
        pages = []
        for page in PDFPage.create_pages(document):
            pages.append(page)
            if len(pages) > limits.max_pages:
                raise TooManyPagesError(
                    f"more than {limits.max_pages} pages; a resume is rarely over 3 "
                    "(raise Limits.max_pages to read it anyway)",
                    source,
                )
            dl.check()
        if not pages:
            if truncated:
                raise CorruptDocumentError(_truncated_reason(), source)
            raise EmptyDocumentError("the PDF has no pages", source)
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=LAParams(**_LAPARAMS))
        interpreter = PDFPageInterpreter(resources, device)
        texts = []
        for page in pages:
            dl.check()
            interpreter.process_page(page)
            texts.append(_layout_text(device.get_result()))
    except GapcheckError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocumentError(
            "the PDF is password-protected or encrypted; save an unprotected copy "
            f"(e.g. print to PDF) and try again ({type(exc).__name__})",
            source,
        ) from None
    except (MemoryError, RecursionError) as exc:
        raise CorruptDocumentError(
            f"the PDF is too deeply nested or too large to parse ({type(exc).__name__})",
            source,
        ) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises PSEOF, KeyError, ... on junk
        reason = _truncated_reason() if truncated else "the PDF is damaged and cannot be parsed"
        detail = f"{reason} ({type(exc).__name__}: {exc})"[:300]
        raise CorruptDocumentError(detail, source) from None

    warnings = []
    empty = [n for n, text in enumerate(texts, 1) if not text.strip()]
    if len(empty) == len(texts):
        if truncated:
            raise CorruptDocumentError(_truncated_reason(), source)
        raise NoTextLayerError(OCR_HINT, source)
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (", ..." if len(empty) > 10 else "")
        warnings.append(f"page(s) {shown} have no text layer (scanned?); their content is missing")
    if truncated:
        warnings.append("the PDF looks truncated (no %EOF marker); some text may be missing")
    return "\f".join(texts), len(pages), warnings


def _truncated_reason() -> str:
    return "the PDF is truncated or damaged (no %EOF marker); download or export it again"


def _layout_text(container: Any) -> str:
    """Text of a laid-out page in reading order, one text box per paragraph."""
    from pdfminer.layout import LTFigure, LTTextContainer

    parts = []
    for element in container:
        if isinstance(element, LTTextContainer):
            parts.append(element.get_text())
        elif isinstance(element, LTFigure):
            parts.append(_layout_text(element))
    return "\n".join(part.strip("\n") for part in parts if part.strip())
