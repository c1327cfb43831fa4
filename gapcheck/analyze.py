"""``analyze``: one call from a resume to a gap report."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from os import PathLike
from pathlib import Path

from .advise import career_path, next_steps, related_roles, suggest_roles
from .document import Document
from .lexicon import load_lexicon
from .match import find_skills
from .profile import build_profile
from .read import Limits, read_document
from .report import Report, TargetInfo
from .roles import RoleMatch, load_roles
from .score import fit_score
from .strength import skill_strengths
from .target import Target, target_from_role


def analyze(
    resume: str | PathLike[str] | Document,
    role: str | None = None,
    posting: str | PathLike[str] | Document | None = None,
    *,
    target: Target | None = None,
    today: date | None = None,
    weights: dict[str, float] | None = None,
    lexicon_files: tuple[str, ...] = (),
    role_files: tuple[str, ...] = (),
    limits: Limits | None = None,
) -> Report:
    """Read ``resume`` and report how it fits ``role`` (a name) or ``posting`` (a file,
    text or Document); with neither, against the role its skills fit best. A ``target``
    made once (``target_from_role`` or ``requirements_from_posting``) saves redoing it
    for every resume of a batch.

    >>> report = analyze("sample_resumes/ml_engineer.pdf", role="Machine Learning Engineer")
    >>> report.score > 70
    True
    """
    if sum(x is not None for x in (role, posting, target)) > 1:
        raise ValueError("give one of role, posting or target")
    doc = resume if isinstance(resume, Document) else read_document(resume, limits)
    lex = load_lexicon(tuple(str(p) for p in lexicon_files))
    catalog = load_roles(tuple(str(p) for p in role_files))
    found = find_skills(doc, lex)
    profile = build_profile(doc, today=today)
    held = found.ids("held")
    shown = held | set(lex.implied(held))
    # Suggestions answer "what could I be?": only asked when no target is given.
    suggested = () if any(x is not None for x in (role, posting, target)) else suggest_roles(
        shown, profile, catalog, lex, limit=5)
    query = None
    if target is not None:
        kind = target.kind
    elif posting is not None:
        from .posting import requirements_from_posting

        target = requirements_from_posting(
            posting if isinstance(posting, (Document, str)) else Path(posting), lex)
        kind = "posting"
    elif role is not None:
        query = role
        target = target_from_role(catalog.find(role), lex)
        kind = "role"
    else:
        target = _suggested_target(suggested, catalog, lex)
        kind = "suggested"
    fit = fit_score(target, found, profile, lex, weights)
    names = {s.name for s in found.held}
    steps = next_steps(target, fit, profile, names)
    ladder_role = target.role
    career = career_path(ladder_role, profile) if ladder_role is not None else None
    exclude = ladder_role.id if ladder_role is not None else target.title
    related = related_roles(shown, catalog, lex, exclude=exclude, limit=5)
    info = TargetInfo(kind, target.title, query, target.note, target.years_min,
                      target.years_max, target.degree_level, target.degree_fields,
                      target.certifications)
    return Report(doc.source, info, fit, found, profile, steps, career, related, suggested,
                  doc.warnings, skill_strengths(found, profile, today))


def _suggested_target(suggested, catalog, lex) -> Target:
    from .errors import GapcheckError

    if not suggested:
        raise GapcheckError("no known skills found to suggest a role from; give --role or "
                            "--posting")
    best = suggested[0]
    role = next(r for r in catalog if r.title == best.title)
    target = target_from_role(RoleMatch(role, best.title, best.title, 100.0, True), lex)
    note = (f"No target given: scored against {role.title}, the role your skills fit best "
            f"({best.overlap:g}% skills overlap).")
    return replace(target, note=note)
