"""Build small test documents (PDF, DOCX, ZIP, OLE, text) in memory.

PDFs are written by hand, object by object, with a correct xref table, so the tests
need no PDF library and control exactly what is on each page.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Sequence

# (x, y, text) in PDF points; the page is US Letter, origin bottom left.
TextItem = tuple[float, float, str]

_IMAGE = object()  # marker: a page that only paints an image


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _stream(dictionary: bytes, data: bytes, compress: bool) -> bytes:
    if compress:
        data = zlib.compress(data)
        dictionary += b" /Filter /FlateDecode"
    return (b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data
            + b"\nendstream")


def make_pdf(
    pages: Sequence[Sequence[TextItem] | object],
    *,
    font_size: float = 11,
    compress: bool = False,
    encrypt: bool = False,
    extra_stream: bytes | None = None,
) -> bytes:
    """A PDF with Helvetica text at the given positions, one list of items per page.

    Pass ``IMAGE_PAGE`` instead of a list for a page that only paints an image (a scan).
    ``encrypt`` adds a Standard security handler whose password is not empty, so
    readers must refuse it. ``extra_stream`` becomes a compressed, unreferenced stream.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    image = add(_stream(b"/Type /XObject /Subtype /Image /Width 2 /Height 2 "
                        b"/ColorSpace /DeviceGray /BitsPerComponent 8", b"\x00\xff\xff\x00",
                        compress=False))
    kids = []
    for page in pages:
        if page is _IMAGE:
            content = b"q 400 0 0 500 100 150 cm /Im1 Do Q"
        else:
            ops = [b"BT /F1 %g Tf 1 0 0 1 %g %g Tm %s Tj ET" % (font_size, x, y, _pdf_string(t))
                   for x, y, t in page]  # type: ignore[union-attr]
            content = b"\n".join(ops)
        content_obj = add(_stream(b"", content, compress))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
            % (pages_obj, content_obj, font, image)
        ))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [%s] /Count %d >>"
                              % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    if extra_stream is not None:
        add(_stream(b"", extra_stream, compress=True))
    trailer_extra = b""
    if encrypt:
        enc = add(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>"
                  % (b"ab" * 32, b"cd" * 32))
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, b"01" * 16, b"01" * 16)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, catalog, trailer_extra, xref))
    return out.getvalue()


IMAGE_PAGE = _IMAGE


def lines(x: float, top: float, texts: Sequence[str], leading: float = 14) -> list[TextItem]:
    """Text items for lines starting at (x, top), going down."""
    return [(x, top - n * leading, t) for n, t in enumerate(texts)]


LEFT_COLUMN = [
    "EXPERIENCE", "Senior Engineer at Acme", "Built data pipelines in Python",
    "Led a team of four engineers", "Engineer at Globex", "Maintained Java services",
]
RIGHT_COLUMN = [
    "SKILLS", "Kubernetes and Terraform", "PostgreSQL and Redis",
    "EDUCATION", "BSc Computer Science", "University of Leeds",
]


def two_column_pdf() -> bytes:
    """A one-page resume whose two columns share the same baselines.

    The content stream is written row by row (left, right, left, right...), as many
    generators do, so only layout analysis can give the columns back in order.
    """
    items = lines(50, 700, LEFT_COLUMN) + lines(330, 700, RIGHT_COLUMN)
    items.sort(key=lambda item: (-item[1], item[0]))
    header = [(50, 750, "Jane Doe"), (50, 736, "jane@example.com")]
    return make_pdf([header + items])


def sidebar_pdf() -> bytes:
    """A narrow left side bar with skills next to a wide main column."""
    side = lines(30, 700, ["SKILLS", "Python", "SQL", "Docker", "LANGUAGES", "English"])
    main = lines(200, 700, [
        "PROFILE",
        "Backend developer with eight years of experience in fintech.",
        "EXPERIENCE",
        "Lead Developer, Initech, building payment APIs in Go.",
        "Developer, Hooli, working on search ranking services.",
    ])
    return make_pdf([side + main])


# --- DOCX -------------------------------------------------------------------------

_TEXTBOX_XML = """<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
 xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>
<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>
</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r>
</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r></w:p>"""


def make_docx(
    paragraphs: Sequence[str] = ("Jane Doe", "SKILLS", "Python, SQL"),
    *,
    table: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    footer: str | None = None,
    text_box: str | None = None,
    after_table: Sequence[str] = (),
) -> bytes:
    """A DOCX made with python-docx; a text box is injected as raw XML (with the VML
    fallback copy Word writes, which readers must not duplicate)."""
    import docx
    from lxml import etree

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    for text in after_table:
        document.add_paragraph(text)
    if text_box is not None:
        body = document.element.body
        body.insert(len(body) - 1, etree.fromstring(_TEXTBOX_XML.format(text=text_box)))
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_part(docx_bytes: bytes, name: str, content: bytes) -> bytes:
    """The same ZIP with one part's content replaced."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == name else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def entity_bomb_docx() -> bytes:
    """A DOCX whose document.xml starts with a "billion laughs" DTD."""
    original = zipfile.ZipFile(io.BytesIO(make_docx())).read("word/document.xml")
    dtd = (b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (n, _previous_entity(n) * 10)
                      for n in range(1, 10))
           + b"]>")
    patched = re.sub(rb"(<\?xml[^>]*\?>\s*)", lambda m: m.group(1) + dtd, original, count=1)
    patched = patched.replace(b"Python, SQL", b"&lol9;")
    return replace_part(make_docx(), "word/document.xml", patched)


def _previous_entity(n: int) -> bytes:
    return b"&lol%d;" % (n - 1) if n > 1 else b"&lol;"


def zip_bomb_docx(path: str, megabytes: int = 200) -> None:
    """Write a "DOCX" whose document.xml inflates to ``megabytes`` MB of zeros.

    Streams the entry so neither memory nor disk sees the full size (~200 KB on disk).
    """
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            for _ in range(megabytes):
                entry.write(chunk)


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes/readme.txt", "just a zip")
    return out.getvalue()


def ole_doc(encrypted: bool = False) -> bytes:
    """The first sector of an OLE2 compound file, as legacy .doc files start."""
    data = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00")
    data += b"\xfe\xff\x09\x00" + b"\x00" * (512 - len(data) - 4)
    name = "EncryptedPackage" if encrypted else "WordDocument"
    data += name.encode("utf-16-le") + b"\x00" * (128 - 2 * len(name))
    return bytes(data)
