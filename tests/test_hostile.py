"""Damaged, disguised and malicious inputs: each must end in the right error, fast."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import _docgen as gen
import pytest

from gapcheck.errors import (
    CorruptDocumentError,
    DecompressionBombError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    FileTooLargeError,
    NoTextLayerError,
    TooManyPagesError,
    UnsupportedFormatError,
)
from gapcheck.read import Limits, read_bytes, read_document


def _truncated_pdf() -> bytes:
    full = gen.make_pdf([[(50, 700, "Jane Doe")], [(50, 700, "Skills")]])
    return full[: len(full) // 2]


def _deeply_nested_pdf() -> bytes:
    pdf = gen.make_pdf([[(50, 700, "x")]])
    return pdf.replace(b"/Type /Catalog", b"/Junk " + b"[" * 100_000 + b" /Type /Catalog", 1)


HOSTILE: list[tuple[str, Callable[[], bytes], type[Exception], str]] = [
    ("image-only.pdf", lambda: gen.make_pdf([gen.IMAGE_PAGE]), NoTextLayerError, "ocrmypdf"),
    ("encrypted.pdf", lambda: gen.make_pdf([[(50, 700, "secret")]], encrypt=True),
     EncryptedDocumentError, "password"),
    ("truncated.pdf", _truncated_pdf, CorruptDocumentError, "truncated"),
    ("junk.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 20, CorruptDocumentError, "PDF"),
    ("too-many-pages.pdf", lambda: gen.make_pdf([[(50, 700, "p")]] * 51),
     TooManyPagesError, "50 pages"),
    ("entity-bomb.docx", gen.entity_bomb_docx, CorruptDocumentError, "entit"),
    ("archive.zip", gen.plain_zip, UnsupportedFormatError, "not a DOCX"),
    ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 100, CorruptDocumentError, "damaged"),
    ("legacy.doc", gen.ole_doc, UnsupportedFormatError, "save it as DOCX or PDF"),
    ("protected.docx", lambda: gen.ole_doc(encrypted=True), EncryptedDocumentError,
     "password"),
    ("binary.txt", lambda: bytes(range(256)) * 64, UnsupportedFormatError, "binary"),
    ("nul-laden.txt", lambda: b"Jane\x00\x00\x00Doe\x00" * 500 + b"\x01\x02\x03" * 99,
     UnsupportedFormatError, "binary"),
    ("photo.png", lambda: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, UnsupportedFormatError, "PNG"),
    ("cv.rtf", lambda: b"{\\rtf1\\ansi Jane Doe}", UnsupportedFormatError, "RTF"),
    ("empty.txt", lambda: b"", EmptyDocumentError, "empty"),
    ("blank.txt", lambda: b" \n\t\r\n\xc2\xa0\n", EmptyDocumentError, "no text"),
    ("invisible.txt", lambda: "\u200b\ufeff\u00ad".encode(), EmptyDocumentError, "no text"),
]


@pytest.mark.parametrize(("name", "build", "error", "hint"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_hostile_file(tmp_path: Path, name: str, build: Callable[[], bytes],
                      error: type[Exception], hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(build())
    start = time.perf_counter()
    with pytest.raises(error) as info:
        read_document(path)
    assert time.perf_counter() - start < 5
    assert str(path) in str(info.value)
    assert hint.lower() in str(info.value).lower()
    assert isinstance(info.value, DocumentError)


def test_deeply_nested_pdf_does_not_crash() -> None:
    # pdfminer's parser is iterative and copes; whatever happens must be quick and
    # either a Document or a CorruptDocumentError, never a RecursionError.
    start = time.perf_counter()
    try:
        doc = read_bytes(_deeply_nested_pdf(), "nested.pdf")
    except CorruptDocumentError:
        pass
    else:
        assert doc.text == "x"
    assert time.perf_counter() - start < 5


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.docx"
    gen.zip_bomb_docx(str(path), megabytes=200)
    return path


def test_docx_zip_bomb_is_refused_without_inflating(zip_bomb: Path) -> None:
    assert zip_bomb.stat().st_size < 2_000_000
    start = time.perf_counter()
    with pytest.raises(DecompressionBombError) as info:
        read_document(zip_bomb)
    assert time.perf_counter() - start < 1
    assert str(zip_bomb) in str(info.value)


def test_docx_zip_bomb_by_ratio(zip_bomb: Path) -> None:
    # Under a generous total limit, the 1000:1 ratio of one part still gives it away.
    limits = Limits(max_decompressed_bytes=1 << 30)
    with pytest.raises(DecompressionBombError, match="compresses"):
        read_document(zip_bomb, limits)


def test_docx_with_too_many_parts() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(2001):
            archive.writestr(f"word/media/{n}.bin", b"")
    with pytest.raises(DecompressionBombError, match="parts"):
        read_bytes(out.getvalue(), "many.docx")


def test_pdf_stream_bomb() -> None:
    pdf = gen.make_pdf([[(50, 700, "Jane")]], extra_stream=b"\0" * (3 << 20))
    with pytest.raises(DecompressionBombError, match="bomb.pdf"):
        read_bytes(pdf, "bomb.pdf", Limits(max_decompressed_bytes=1 << 20))
    assert read_bytes(pdf, "ok.pdf").text == "Jane"  # fine under the default limit


def test_more_pages_than_a_custom_limit() -> None:
    pdf = gen.make_pdf([[(50, 700, f"page {n}")] for n in range(4)])
    with pytest.raises(TooManyPagesError, match="more than 3 pages"):
        read_bytes(pdf, "cv.pdf", Limits(max_pages=3))
    assert read_bytes(pdf, "cv.pdf", Limits(max_pages=4)).pages == 4


def test_file_larger_than_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Jane Doe\n" * 100)
    with pytest.raises(FileTooLargeError) as info:
        read_document(path, Limits(max_bytes=500))
    assert str(path) in str(info.value)
    with pytest.raises(FileTooLargeError):
        read_bytes(path.read_bytes(), "big.txt", Limits(max_bytes=500))


def test_megabyte_single_line(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_bytes(b"Skills: " + b"python sql " * 95_000)
    start = time.perf_counter()
    doc = read_document(path)
    assert time.perf_counter() - start < 3
    assert len(doc.text) == 1_000_000  # no line break to cut at: cut mid-line
    assert "truncated" in doc.warnings[0]
    assert doc.sections[0].name == "skills"


@pytest.mark.parametrize(
    ("make", "hint"),
    [
        (lambda p: p.mkdir(), "directory"),
        (lambda p: None, "no such file"),
    ],
    ids=["directory", "missing"],
)
def test_paths_that_are_not_files(tmp_path: Path, make: Callable[[Path], None],
                                  hint: str) -> None:
    path = tmp_path / "cv.pdf"
    make(path)
    with pytest.raises(DocumentError, match=hint) as info:
        read_document(path)
    assert str(path) in str(info.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    os.mkfifo(path)
    start = time.perf_counter()
    with pytest.raises(DocumentError, match="FIFO") as info:
        read_document(path)  # opening a FIFO for reading would wait for a writer
    assert time.perf_counter() - start < 1
    assert str(path) in str(info.value)
    link = tmp_path / "link.txt"
    link.symlink_to(path)
    with pytest.raises(DocumentError, match="FIFO"):
        read_document(link)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_device_is_refused() -> None:
    with pytest.raises(DocumentError, match="device"):
        read_document("/dev/zero")  # would never end if read


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"Jane")
    path.chmod(0)
    try:
        with pytest.raises(DocumentError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o600)


def test_sixty_megabyte_text_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    start = time.monotonic()
    with pytest.raises(FileTooLargeError) as err:
        read_document(path)
    assert "huge.txt" in str(err.value)
    assert time.monotonic() - start < 2
