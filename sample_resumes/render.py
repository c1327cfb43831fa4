"""Render the fictional sample resumes in ``src/`` into PDF, DOCX and TXT files.

Run from anywhere:  ``python sample_resumes/render.py``

* PDFs are produced by a tiny hand-written PDF writer (base-14 Helvetica fonts,
  WinAnsi encoding, approximate word wrapping, multiple pages, correct xref).
* DOCX files are produced with python-docx.
* Everything else is copied verbatim.

Output is deterministic: fixed PDF dates, fixed DOCX core properties and fixed
zip timestamps, so re-running produces byte-identical files.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import docx
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FIXED_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
PAGE_W, PAGE_H, MARGIN = 612, 792, 54          # US Letter, points

PDF_ONE_COLUMN = ["ml_engineer", "backend_engineer"]
PDF_TWO_COLUMN = {"data_scientist": {"Skills", "Education", "Certifications"}}
DOCX_STYLE = {"frontend_engineer": "markdown", "registered_nurse": "bold-header",
              "accountant": "skills-table"}
COPY_AS_IS = ["data_analyst", "electrician"]


# --------------------------------------------------------------------------- parsing
def is_heading(line: str) -> bool:
    """Heuristic: a short line in CAPS, 'Title Case:' with a colon, or Title Case."""
    s = line.strip()
    if not s or len(s) > 40 or re.search(r"[,|\u2014\u00b7()0-9]", s):
        return False
    if s.endswith(":"):
        return s.count(":") == 1
    words = [w for w in s.split() if w not in {"&", "and", "of"}]
    return s.isupper() or all(w[0].isupper() for w in words)


def parse(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Split a plain-text resume into header lines and (heading, lines) sections.

    The header is everything before the first blank line.  A heading must be
    preceded by a blank line; blank lines inside a section are kept as ''.
    """
    lines = text.strip().splitlines()
    cut = lines.index("") if "" in lines else len(lines)
    header, sections, prev = lines[:cut], [], ""
    for line in lines[cut + 1:]:
        if prev == "" and is_heading(line):
            sections.append((line.strip(), []))
        elif sections:
            sections[-1][1].append(line.rstrip())
        prev = line.strip()
    for _, body in sections:            # drop trailing blank lines
        while body and body[-1] == "":
            body.pop()
    return header, sections


# --------------------------------------------------------------------------- PDF writer
def text_width(s: str, size: float, bold: bool = False) -> float:
    """Approximate Helvetica string width in points (no font metrics needed)."""
    w = 0.0
    for c in s:
        if c in " ijlI.,;:'!|()[]ft\u00b7-":
            w += 0.29
        elif c in "mwMW@\u2014":
            w += 0.86
        elif c.isupper():
            w += 0.68
        else:
            w += 0.55
    return w * size * (1.07 if bold else 1.0)


def wrap(s: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap of ``s`` into lines no wider than ``width`` points."""
    out, cur = [], ""
    for word in s.split():
        trial = f"{cur} {word}" if cur else word
        if cur and text_width(trial, size, bold) > width:
            out.append(cur)
            cur = word
        else:
            cur = trial
    return out + [cur] if cur else out


def pdf_string(s: str) -> str:
    """Encode to WinAnsi (cp1252) and escape as a PDF literal string."""
    out = []
    for b in s.encode("cp1252", errors="replace"):
        ch = chr(b)
        if ch in "\\()":
            out.append("\\" + ch)
        elif 32 <= b < 127:
            out.append(ch)
        else:
            out.append(f"\\{b:03o}")
    return "(" + "".join(out) + ")"


class Canvas:
    """A growing list of pages, each a list of PDF content-stream operators."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []

    def page(self, i: int) -> list[str]:
        while len(self.pages) <= i:
            self.pages.append([])
        return self.pages[i]

    def to_bytes(self, title: str) -> bytes:
        """Serialise all pages into a complete PDF file with a correct xref table."""
        kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(self.pages)))
        font = "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding >>"
        objs = ["<< /Type /Catalog /Pages 2 0 R >>",
                f"<< /Type /Pages /Count {len(self.pages)} /Kids [{kids}] >>",
                font.format("Helvetica"), font.format("Helvetica-Bold")]
        for i, ops in enumerate(self.pages):             # content is pure ASCII
            stream = "\n".join(ops)
            objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                        f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                        f"/Contents {6 + 2 * i} 0 R >>")
            objs.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        objs.append(f"<< /Title {pdf_string(title)} /Producer (gapcheck sample_resumes/render.py)"
                    " /CreationDate (D:20240101000000Z) /ModDate (D:20240101000000Z) >>")
        out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
        for num, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += f"{num} 0 obj\n{body}\nendobj\n".encode("ascii")
        xref, size = len(out), len(objs) + 1
        out += f"xref\n0 {size}\n0000000000 65535 f \n".encode("ascii")
        out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode("ascii")
        out += (f"trailer\n<< /Size {size} /Root 1 0 R /Info {size - 1} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode("ascii")
        return bytes(out)


class Flow:
    """A column of text that flows down the page and onto new pages."""

    def __init__(self, canvas: Canvas, x: float, width: float, size: float = 10) -> None:
        self.c, self.x, self.w, self.size = canvas, x, width, size
        self.page_no, self.y = 0, PAGE_H - MARGIN

    def _line(self, text: str, size: float, bold: bool, indent: float = 0) -> None:
        if self.y - size * 1.25 < MARGIN:                      # overflow: next page
            self.page_no, self.y = self.page_no + 1, PAGE_H - MARGIN
        self.y -= size * 1.25
        font, x = ("F2" if bold else "F1"), self.x + indent
        self.c.page(self.page_no).append(
            f"BT /{font} {size:g} Tf {x:.2f} {self.y:.2f} Td {pdf_string(text)} Tj ET")

    def para(self, text: str, size: float | None = None, bold: bool = False) -> None:
        """Write a wrapped paragraph; '- ' lines become indented '\u2022' bullets."""
        size = size or self.size
        if not text.strip():
            self.y -= size * 0.6
            return
        if text.startswith("- "):    # bullet: glyph inline, continuation lines flush
            for ln in wrap("\u2022 " + text[2:], self.w - 8, size, bold):
                self._line(ln, size, bold, 8)
        else:
            for ln in wrap(text, self.w, size, bold):
                self._line(ln, size, bold)

    def section(self, heading: str, body: list[str]) -> None:
        """Write a bold heading (slightly larger, with space above) and its body."""
        self.y -= self.size * 0.7
        if self.y - self.size * 5 < MARGIN:             # keep heading with its first lines
            self.page_no, self.y = self.page_no + 1, PAGE_H - MARGIN
        self.para(heading, self.size + 1.5, bold=True)
        self.y -= 2
        for line in body:
            self.para(line)


def render_pdf(name: str, text: str, sidebar: set[str] | None = None) -> bytes:
    """Render one resume as a one-column PDF, or two-column when ``sidebar`` is given.

    In two-column mode the header (contact) and the sections named in
    ``sidebar`` go into a left bar of about 1/3 page width; all other sections
    go into the right main column, both starting at the top of page 1.
    """
    header, sections = parse(text)
    canvas, bar_w = Canvas(), (PAGE_W - 2 * 40) / 3 - 12
    if sidebar is None:
        side = main = Flow(canvas, MARGIN, PAGE_W - 2 * MARGIN)
    else:
        side = Flow(canvas, 40, bar_w, size=9)
        main = Flow(canvas, 40 + bar_w + 30, PAGE_W - 80 - bar_w - 30, size=9.5)
    side.para(header[0], 18 if sidebar is None else 15, bold=True)
    for line in header[1:]:
        side.para(line, side.size + 0.5)
    for heading, body in sections:
        (side if heading.rstrip(":") in (sidebar or ()) else main).section(heading, body)
    if sidebar is not None:
        for ops in canvas.pages:                        # light grey side bar background
            ops.insert(0, f"0.94 g 30 0 {bar_w + 20:.2f} {PAGE_H} re f 0 g")
    return canvas.to_bytes(name)


# --------------------------------------------------------------------------- DOCX
def add_inline_md(par, text: str) -> None:
    """Add runs to ``par``, honouring **bold** and *italic* markdown markers."""
    for part in re.split(r"(\*\*[^*]+\*\*|\*[^*]+\*)", text):
        if part.startswith("**"):
            par.add_run(part[2:-2]).bold = True
        elif part.startswith("*") and len(part) > 1:
            par.add_run(part[1:-1]).italic = True
        elif part:
            par.add_run(part)


def docx_from_markdown(d, text: str) -> None:
    """Map markdown '#', '##', '###' and '- ' lines onto Word styles."""
    styles = {"# ": "Title", "## ": "Heading 1", "### ": "Heading 2", "- ": "List Bullet"}
    for line in text.strip().splitlines():
        if not line.strip():
            continue
        prefix = next((p for p in styles if line.startswith(p)), None)
        if prefix in ("# ", "## ", "### "):
            d.add_paragraph(line[len(prefix):], style=styles[prefix])
        else:
            par = d.add_paragraph(style=styles.get(prefix, "Normal"))
            add_inline_md(par, line[len(prefix or ""):])


def docx_from_text(d, text: str, style: str) -> None:
    """Plain-text resume to DOCX. ``style`` picks header/heading/skills variants."""
    header, sections = parse(text)
    name = d.add_paragraph()
    name.add_run(header[0]).bold = True
    name.runs[0].font.size = Pt(18)
    if style == "bold-header":                          # contact line in page header
        d.sections[0].header.paragraphs[0].text = " | ".join(header[1:])
    else:
        for line in header[1:]:
            d.add_paragraph(line)
    for heading, body in sections:
        if style == "bold-header":
            run = d.add_paragraph().add_run(heading)
            run.bold, run.font.size = True, Pt(12)
        else:
            d.add_paragraph(heading, style="Heading 1")
        if style == "skills-table" and "skill" in heading.lower():
            items = [s.strip() for s in " ".join(body).split("\u00b7") if s.strip()]
            table = d.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for i in range(0, len(items), 2):
                cells = table.add_row().cells
                for cell, item in zip(cells, items[i:i + 2], strict=False):
                    cell.text = item
            continue
        for line in body:
            if line.startswith("- "):
                d.add_paragraph(line[2:], style="List Bullet")
            elif line:
                d.add_paragraph(line)


def render_docx(name: str, text: str, style: str) -> bytes:
    """Build a DOCX with fixed core properties and normalised zip timestamps."""
    d = docx.Document()
    if style == "markdown":
        docx_from_markdown(d, text)
    else:
        docx_from_text(d, text, style)
    cp = d.core_properties
    cp.title, cp.author, cp.last_modified_by = name, "gapcheck sample", "gapcheck sample"
    cp.created = cp.modified = cp.last_printed = FIXED_DATE
    cp.revision, cp.comments = 1, "Fictional sample resume generated by render.py"
    raw = io.BytesIO()
    d.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, zin.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- main
def main() -> None:
    """Render every resume in ``src/`` into ``sample_resumes/``."""
    def read(name: str) -> str:
        return (SRC / f"{name}.txt").read_text(encoding="utf-8")

    written = []
    for name in PDF_ONE_COLUMN:
        (HERE / f"{name}.pdf").write_bytes(render_pdf(name, read(name)))
        written.append(f"{name}.pdf")
    for name, sidebar in PDF_TWO_COLUMN.items():
        (HERE / f"{name}.pdf").write_bytes(render_pdf(name, read(name), sidebar))
        written.append(f"{name}.pdf")
    for name, style in DOCX_STYLE.items():
        (HERE / f"{name}.docx").write_bytes(render_docx(name, read(name), style))
        written.append(f"{name}.docx")
    for name in COPY_AS_IS:
        shutil.copyfile(SRC / f"{name}.txt", HERE / f"{name}.txt")
        written.append(f"{name}.txt")
    print("wrote:", ", ".join(written))


if __name__ == "__main__":
    main()
