"""Guess what a block of resume lines is when no known heading names it.

Resumes put skills under headings no list can hold ("Arsenal", "What I bring", "Where
I've Been") or under none at all (a box of tools at the top, jobs straight after the
contact line). The shape of the lines says what they are: dated lines are jobs or
degrees, lines of short items between separators are a skills list, sentences are a
summary.
"""
from __future__ import annotations

import re

#: A year, a month/year or "present": the date of a job or a degree.
_DATE = re.compile(
    r"\b(?:19[5-9]\d|20[0-4]\d)\b|\b(?:present|current|now|today)\b\s*\)?\s*$|"
    r"\b\d{1,2}/(?:19|20)?\d\d\b", re.IGNORECASE)
#: "since 2017", "from March 2019": a start with no end.
_SINCE = re.compile(r"\b(?:since|from)\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d\b",
                    re.IGNORECASE)
_RANGE = re.compile(
    r"(?:\b(?:19|20)\d\d|\b\d{1,2}/\d{2,4})\s*(?:-|–|—|to|through|until)\s*"
    r"(?:(?:19|20)\d\d|\d{1,2}/\d{2,4}|present|current|now|today|date|[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"|" + _SINCE.pattern,
    re.IGNORECASE)
_DEGREE = re.compile(
    r"\b(?:B\.?S\.?c?|B\.?A|M\.?S\.?c?|M\.?A|MBA|Ph\.?D|BSN|MSN|B\.?Eng|M\.?Eng|A\.?A\.?S|"
    r"Bachelor'?s?|Master'?s?|Associate'?s? (?:of|in|degree)|Diploma|GED|High School|"
    r"University|College|Academy|Institute)\b")
_CREDENTIAL = re.compile(
    r"\b(?:certified|certification|certificate|licen[cs]ed?|registered|credential|"
    r"endorsement|CPR|BLS|ACLS|OSHA)\b", re.IGNORECASE)
#: An e-mail address, link or phone number: a contact line, not content.
CONTACT = re.compile(r"@|\bhttps?://|www\.|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|linkedin",
                     re.IGNORECASE)
#: What separates the items of a one-line list.
_SEPARATORS = re.compile(r"[,|;•·▸►●◆■/]|\s[-–—]\s|\.{3,}| {3,}")
_BULLET = re.compile(r"^\s*(?:[-*•·▸►●◆■+]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")



def _prose(line: str) -> bool:
    """A sentence or more of running text, not a list item."""
    return (not _BULLET.match(line) and len(line.split()) >= 10
            and bool(_SENTENCE_END.search(line))
            and len(_SEPARATORS.findall(line)) * 4 < len(line.split()))


def _list_like(line: str) -> bool:
    body = _BULLET.sub("", line).strip(" |+")
    if not body:
        return False
    words = len(body.split())
    seps = len(_SEPARATORS.findall(body))
    if seps >= 2:
        return not _SENTENCE_END.search(body[:-1]) or words <= 24
    if seps == 1 and words <= 6 and not body.endswith("."):
        return True  # "Terraform, Puppet", "AWS / GCP"
    # A short bullet without a full stop: "Conduit bending", "Wound care".
    # An indented line stands for a bullet: "    Groundwater sampling".
    marked = bool(_BULLET.match(line)) or line.startswith(("  ", "\t"))
    return marked and words <= 9 and not body.endswith(".")


def guess_block(lines: list[str], allow_summary: bool = True) -> str | None:
    """The section a block of lines reads as, or None when it says nothing clear.

    >>> guess_block(["Terraform, Ansible, Helm", "Go | Python | Bash"])
    'skills'
    >>> guess_block(["SRE Lead, Cobaltline (04/2020 - present)", "- Ran the on-call"])
    'experience'
    """
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return None
    text = "\n".join(lines)
    if any(CONTACT.search(ln) for ln in lines[:3]):
        return None
    prose = sum(1 for ln in lines if _prose(ln))
    if prose * 2 > len(lines):
        # "I've helped 140+ families since 2017." A story, whatever dates it holds,
        # unless it tells of a job with its dates: "a Reporting Assistant (2018 - 2020)".
        if any(_RANGE.search(ln) and not _SINCE.search(ln) for ln in lines):
            return "experience"
        return "summary" if allow_summary else None
    dated = sum(1 for ln in lines if _RANGE.search(ln))
    if _DEGREE.search(text) and (dated or _DATE.search(text)) and dated <= 1 and len(lines) <= 6:
        return "education"
    if dated:
        return "experience"
    if sum(1 for ln in lines if _CREDENTIAL.search(ln)) * 2 > len(lines):
        return "certifications"
    if sum(1 for ln in lines if _list_like(ln)) * 3 >= len(lines) * 2:
        return "skills"
    if allow_summary and any(_SENTENCE_END.search(ln) for ln in lines):
        return "summary"
    return None
