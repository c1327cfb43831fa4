"""Turn text pulled out of PDFs, DOCX files and pastes into plain, predictable text.

Everything later (section finding, skill matching) assumes this shape: NFC, ASCII
quotes, plain spaces, LF line ends, "- " bullets at line starts and no invisible
characters. All work is done with a few compiled regexes and ``str.translate`` on
the rare special characters, so a 5 KB resume normalises in well under a millisecond.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text"]

# --- character tables -------------------------------------------------------------

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",  # long s + t
    "\ufb06": "st",
}

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2032": "'", "\u2035": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2033": '"', "\u2036": '"',
    # Typographic hyphens become the ASCII one so "full‑stack" matches "full-stack".
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
}

# Spaces that look like a space but are not " ": NBSP, en/em/thin/hair spaces, the
# narrow NBSP, the math space, ideographic space, Ogham space; plus the tab.
_SPACES = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)

# Invisible characters that only get in the way of matching: zero-width space/joiners,
# word joiner, BOM, soft hyphen, bidi marks and embeddings, the replacement of
# invisible operators, and the interlinear annotation marks.
_INVISIBLE = (
    "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff\ufff9\ufffa\ufffb"
)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # C0/C1 control characters except LF.
    for cp in list(range(0x20)) + list(range(0x7F, 0xA0)):
        if cp != 0x0A:
            table[cp] = None
    # Line and page separators: VT, NEL, U+2028/9 end a line; a form feed (PDF page
    # break) becomes a blank line so pages do not run into each other.
    for ch in "\v\x85\u2028\u2029":
        table[ord(ch)] = "\n"
    table[ord("\f")] = "\n\n"
    # Lone surrogates can arrive from `surrogateescape` decoding; they are not text.
    for cp in range(0xD800, 0xE000):
        table[cp] = None
    for ch in _INVISIBLE:
        table[ord(ch)] = None
    for ch in _SPACES:
        table[ord(ch)] = " "
    for src, dst in {**_LIGATURES, **_QUOTES}.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()
# str.translate looks every character up in the dict, which costs ~80 ns a char; a
# regex that finds the rare runs of special characters and translates only those is
# several times faster on resume text.
_SPECIAL = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE) if not 0xD800 <= cp < 0xE000)
    + "\ud800-\udfff]+"
)

# Bullet glyphs seen in resumes. The private-use ones are Symbol/Wingdings bullets that
# Word and PDF exporters leave behind ( U+F0B7,  U+F0A7, and friends).
_BULLETS = (
    "\u2022\u25e6\u25aa\u25a0\u25cf\u25cb\u25ba\u25b8\u2023\u2043\u2219\u00b7"
    "\u25c6\u25c7\u2666\u25a1\u25fc\u2981\u26ab\u26ac\u2756\u27a2\u27a4\u2713\u2714"
    "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0a0"
)
# Middle dots are also ordinary punctuation (Catalan "l·l", "a·b"): only treat them as
# separators when spaced out.
_WEAK_BULLETS = frozenset("\u00b7\u2219")
_B = re.escape(_BULLETS)

# Every pattern starts with a literal or a character class so the regex engine can
# skip ahead quickly, and none can backtrack quadratically on hostile input (a
# megabyte of spaces or bullets).
# Line-start bullets (also a bullet alone on its line, followed by its item), and
# dashes used as bullets. Matched after a "\n" rather than with ^ because a literal first
# character is much faster to scan for; the text gets a "\n" prepended for line 1.
_LINE_BULLET = re.compile(rf"\n([ ]*)[{_B}](?:[ ]*[{_B}])*[ ]*(?:\n[ ]*)?(?=\S)")
_LINE_DASH = re.compile(r"\n([ ]*)[\u2013\u2014][ ]+(?=\S)")
# The common in-line form, "Python • SQL", without a Python callback.
_SPACED_BULLET = re.compile(rf" (?<=\S )[{_B}]+ +(?=\S)")
# Whatever bullets are left (no spaces around them, at a line end...) go through _bullet.
_BULLET_RUN = re.compile(rf"[{_B}](?:[ ]*[{_B}])*[ ]*(\n[ ]*)?")
_SOFT_HYPHEN_BREAK = re.compile(r"\u00ad(?<=[^\W\d_]\u00ad)[ ]*\n[ ]*(?=[^\W\d_])")
_HYPHEN_BREAK = re.compile(r"-(?<=[^\W\d_]-)\n[ ]*(?=([^\W\d_]))")
_BLANK_RUNS = re.compile(r"\n{4,}")
_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")

# Prefixes that form real compounds even when the line break falls on the hyphen:
# "self-\nmotivated" stays "self-motivated".
_KEEP_HYPHEN = frozenset((
    "self", "well", "cross", "full", "part", "high", "low", "long", "short", "real", "front",
    "back", "end", "open", "non", "multi", "co", "re", "pre", "post", "sub", "inter", "cloud",
    "data", "client", "server", "user", "team", "cost", "time", "fast", "hands", "e", "x",
))


def _join_hyphen(match: re.Match[str]) -> str:
    if not match.group(1).islower():
        return match.group(0)  # "Jean-\nPaul", "ISO-\n9001": a real hyphen
    # Walk back over the word before the hyphen; the kept prefixes are short, so a
    # word longer than 8 letters cannot be one of them.
    text, end = match.string, match.start()
    start = end
    while start > end - 8 and start > 0 and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    if (start == 0 or not text[start - 1].isalpha()) and word.lower() in _KEEP_HYPHEN:
        return "-"
    return ""


def normalize_text(text: str) -> str:
    """Normalise extracted resume text; never raises on any ``str``.

    >>> normalize_text("\\ufb01nance \\u2022 SQL\\r\\n\\u2022 manage-\\nment\\u00a0skills")
    'finance | SQL\\n- management skills'
    """
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or _ASCII_CONTROL.search(text):
        if "\u00ad" in text:
            text = _SOFT_HYPHEN_BREAK.sub("", text)
        text = _SPECIAL.sub(_translate, text)
        if not text.isascii():
            if not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            text = _LINE_BULLET.sub(r"\n\1- ", "\n" + text)[1:]
            text = _SPACED_BULLET.sub(" | ", text)
            if _BULLET_RUN.search(text):
                text = _BULLET_RUN.sub(_bullet, text)
            if "\u2013" in text or "\u2014" in text:
                text = _LINE_DASH.sub(r"\n\1- ", "\n" + text)[1:]
    if "|\n" in text or "│" in text or "║" in text:
        text = _unbox(text)
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub(_join_hyphen, text)
    if "\n\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")


#: A box drawn with characters around a side bar: "+-----+", "| Python, SQL |".
_BOX_RULE = re.compile(r"^[ ]*[+┌└╔╚├╠][-=─━═+┬┴┼╦╩╬]{3,}[+┐┘╗╝┤╣]?[ ]*$")
_BOX_LINE = re.compile(r"^[ ]*[|│║][ ]?(.*?)[ ]*[|│║][ ]*$")


def _unbox(text: str) -> str:
    """Take the borders off a box of lines, so a side bar reads as the lines inside it:
    a box's rules become blank lines, its walls go."""
    lines = text.split("\n")
    boxed = [bool(_BOX_LINE.match(ln)) for ln in lines]
    if sum(boxed) < 2:
        return text
    out = []
    for line, inside in zip(lines, boxed):
        if inside:
            inner = _BOX_LINE.match(line).group(1)
            out.append("" if _BOX_RULE.match("+" + inner) else inner)
        elif _BOX_RULE.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def _translate(match: re.Match[str]) -> str:
    return match.group(0).translate(_TABLE)


def _bullet(match: re.Match[str]) -> str:
    """Rewrite one run of bullet glyphs according to where it stands on its line."""
    s = match.string
    start, end = match.start(), match.end()
    newline = match.group(1)
    glyphs = match.group(0).rstrip(" \n")
    before = start
    while before > 0 and s[before - 1] == " ":
        before -= 1
    at_line_start = before == 0 or s[before - 1] == "\n"
    content_follows = end < len(s) and s[end] != "\n"
    if at_line_start:
        # _LINE_BULLET took the bullets that start an item; this one has nothing after.
        return "- " if content_follows else (newline or "")
    if newline or not content_follows:
        return newline or ""  # a stray bullet at a line end separates nothing
    spaced = before < start and len(match.group(0)) > len(glyphs)
    if not spaced and all(ch in _WEAK_BULLETS for ch in glyphs):
        return match.group(0)  # "l·l", "a·b": a middle dot inside a word
    # "Python • SQL • Spark" -> "Python | SQL | Spark": keep the items apart.
    return "| " if before < start else " | "
