from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _docgen import (
    LEFT_COLUMN,
    RIGHT_COLUMN,
    lines,
    make_docx,
    make_pdf,
    sidebar_pdf,
    two_column_pdf,
)

from gapcheck._limits import deadline
from gapcheck.errors import ParseTimeoutError
from gapcheck.read import Limits, read_bytes, read_document, read_text


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- PDF --------------------------------------------------------------------------


def test_pdf_single_page(tmp_path: Path) -> None:
    pdf = make_pdf([lines(50, 700, ["Jane Doe", "SKILLS", "Python, SQL"])])
    doc = read_document(_write(tmp_path, "cv.pdf", pdf))
    assert (doc.format, doc.pages, doc.warnings) == ("pdf", 1, ())
    assert doc.source.endswith("cv.pdf")
    assert doc.text == "Jane Doe\nSKILLS\nPython, SQL"
    assert [s.name for s in doc.sections] == ["header", "skills"]


def test_pdf_pages_are_separated_by_a_blank_line() -> None:
    pdf = make_pdf([[(50, 700, "page one")], [(50, 700, "page two")], [(50, 700, "three")]],
                   compress=True)
    doc = read_bytes(pdf, "cv.pdf")
    assert doc.pages == 3
    assert doc.text == "page one\n\npage two\n\nthree"


def test_pdf_two_columns_come_out_column_by_column() -> None:
    data = two_column_pdf()
    # The generator writes rows across both columns; layout analysis must undo that.
    assert data.index(b"(Kubernetes and Terraform)") < data.index(b"(Built data pipelines")
    text = read_bytes(data, "two-column.pdf").text
    positions = [text.index(line) for line in LEFT_COLUMN + RIGHT_COLUMN]
    assert positions == sorted(positions), text
    assert text.startswith("Jane Doe\njane@example.com")


def test_pdf_sidebar_comes_out_as_its_own_block() -> None:
    doc = read_bytes(sidebar_pdf(), "sidebar.pdf")
    text = doc.text
    assert text.index("Docker") < text.index("English") < text.index("PROFILE")
    assert "Python\nSQL\nDocker" in text
    assert [s.name for s in doc.sections] == ["skills", "other", "summary", "experience"]


def test_pdf_special_characters_survive() -> None:
    pdf = make_pdf([[(50, 700, "C++ (expert) \\ caf\u00e9 \u2013 50%")]])
    assert read_bytes(pdf).text == "C++ (expert) \\ caf\u00e9 \u2013 50%"


def test_pdf_with_some_scanned_pages_warns() -> None:
    from _docgen import IMAGE_PAGE

    doc = read_bytes(make_pdf([[(50, 700, "text page")], IMAGE_PAGE]), "mixed.pdf")
    assert doc.pages == 2
    assert doc.text == "text page"
    assert any("page(s) 2" in w for w in doc.warnings)


# --- DOCX -------------------------------------------------------------------------


def test_docx_body_order_tables_headers_and_text_boxes(tmp_path: Path) -> None:
    data = make_docx(
        ["Jane Doe", "EXPERIENCE", "Acme Corp"],
        table=[["Python", "SQL"], ["Docker", ""]],
        after_table=["EDUCATION", "BSc Physics"],
        header="jane@example.com | London",
        footer="References on request",
        text_box="Certified Kubernetes Administrator",
    )
    doc = read_document(_write(tmp_path, "cv.docx", data))
    assert doc.format == "docx"
    assert doc.text.split("\n") == [
        "jane@example.com | London",
        "Jane Doe",
        "EXPERIENCE",
        "Acme Corp",
        "Python | SQL",
        "Docker",
        "EDUCATION",
        "BSc Physics",
        "Certified Kubernetes Administrator",
        "References on request",
    ]
    assert doc.text.count("Certified Kubernetes Administrator") == 1  # no VML duplicate
    assert [s.name for s in doc.sections] == ["header", "experience", "education"]


def test_docx_with_misleading_extension_is_read_by_content(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "resume.pdf", make_docx()))
    assert doc.format == "docx"
    assert "Python, SQL" in doc.text


# --- text ---------------------------------------------------------------------------

_SAMPLE = "Jos\u00e9 Garc\u00eda\nSKILLS\nPython \u2013 \u201cpandas\u201d"
_NORMALISED = 'Jos\u00e9 Garc\u00eda\nSKILLS\nPython \u2013 "pandas"'


@pytest.mark.parametrize(
    "encoded",
    [
        _SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + _SAMPLE.encode("utf-8"),
        _SAMPLE.encode("utf-16"),  # with BOM
        b"\xff\xfe" + _SAMPLE.encode("utf-16-le"),
        b"\xfe\xff" + _SAMPLE.encode("utf-16-be"),
        _SAMPLE.encode("utf-16-le"),  # no BOM
        _SAMPLE.encode("utf-16-be"),  # no BOM
        _SAMPLE.encode("utf-32"),
        _SAMPLE.encode("cp1252"),
        _SAMPLE.replace("\r", "").replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be",
         "utf32", "cp1252", "crlf"],
)
def test_text_encodings(tmp_path: Path, encoded: bytes) -> None:
    doc = read_document(_write(tmp_path, "cv.txt", encoded))
    assert doc.format == "text"
    assert doc.text == _NORMALISED
    assert [s.name for s in doc.sections] == ["header", "skills"]


def test_latin1_fallback_for_bytes_cp1252_cannot_decode() -> None:
    # 0x81 is unassigned in cp1252, so this is neither UTF-8 nor cp1252.
    assert read_bytes(b"Ren\xe9 \x81 M\xfcller").text == "Ren\u00e9  M\u00fcller"


def test_markdown_is_read_as_text() -> None:
    doc = read_bytes(b"# Jane Doe\n\n## Skills\n- Python\n\n## Experience\nAcme\n", "cv.md")
    assert doc.text.startswith("# Jane Doe")
    assert [s.name for s in doc.sections] == ["header", "skills", "experience"]


def test_text_named_pdf_warns(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "cv.pdf", b"Jane Doe\nSkills: Python"))
    assert doc.format == "text"
    assert any("plain text" in w for w in doc.warnings)


def test_read_text() -> None:
    doc = read_text("Requirements:\r\n\u2022 Python\u00a05+ years", "posting")
    assert (doc.source, doc.format, doc.pages) == ("posting", "text", 1)
    assert doc.text == "Requirements:\n- Python 5+ years"
    with pytest.raises(TypeError):
        read_text(b"bytes")  # type: ignore[arg-type]


def test_max_chars_truncates_with_a_warning() -> None:
    text = "\n".join(f"line {n} " + "x" * 40 for n in range(100))
    doc = read_text(text, limits=Limits(max_chars=1000))
    assert len(doc.text) <= 1000
    assert doc.text.endswith("x")  # cut at a line break
    assert doc.warnings and "truncated" in doc.warnings[0]
    assert doc.sections[-1].end == len(doc.text)


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="max_pages"):
        Limits(max_pages=0)
    assert Limits(max_bytes=5).max_bytes == 5


def test_reading_text_does_not_import_pdf_or_docx_libraries(tmp_path: Path) -> None:
    path = _write(tmp_path, "cv.txt", b"Jane Doe\nSkills: Python")
    code = (
        "import sys; from gapcheck.read import read_document; "
        f"read_document({str(path)!r}); "
        "print(sorted(m for m in ('pdfminer', 'docx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"


# --- time limit -------------------------------------------------------------------


def _alarm_state() -> tuple[object, tuple[float, float]]:
    return signal.getsignal(signal.SIGALRM), signal.getitimer(signal.ITIMER_REAL)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM")
def test_deadline_interrupts_a_stuck_parse_and_restores_the_timer() -> None:
    before = _alarm_state()
    start = time.perf_counter()
    with pytest.raises(ParseTimeoutError, match="cv.pdf"), deadline(0.05, "cv.pdf"):
        time.sleep(5)
    assert time.perf_counter() - start < 2
    assert _alarm_state() == before
    assert before[1] == (0.0, 0.0)


def test_deadline_passes_when_fast() -> None:
    before = _alarm_state()
    with deadline(5.0, "cv.pdf") as dl:
        dl.check()
    assert _alarm_state() == before


def test_pdf_parse_timeout() -> None:
    pdf = make_pdf([[(50, 700, f"page {n}")] for n in range(20)])
    before = _alarm_state()
    with pytest.raises(ParseTimeoutError) as info:
        read_bytes(pdf, "slow.pdf", Limits(timeout_s=1e-6))
    assert "slow.pdf" in str(info.value)
    assert _alarm_state() == before
