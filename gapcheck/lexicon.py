"""The skill lexicon: canonical skills, their aliases, and the index the matcher reads.

The built data (``skill_lexicon/skills.json``) is loaded once per process with
``importlib.resources``; a user's own TOML/JSON file of skills can be laid on top.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import LexiconError

#: A word as the matcher sees it: letters/digits with trailing + or # (C++, C#), and a
#: leading dot only at the start of a word (".NET", but "Node.js" is two words).
WORD = re.compile(r"(?:(?<![^\s(\[{,;/|])\.)?[^\W_]+[+#]*")
CATEGORIES = (
    "language", "framework", "tool", "platform", "database", "concept", "domain", "soft",
    "certification",
)


def alias_key(text: str) -> str:
    """The form two spellings of a skill share.

    >>> alias_key("Node.js") == alias_key("node js")
    True
    """
    if text.isascii():  # the same words, found in one pass (most names are ASCII)
        return " ".join(WORD.findall(text.lower()))
    return " ".join(m.group(0).lower() for m in WORD.finditer(text))


@dataclass(frozen=True)
class Skill:
    """One canonical skill."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    hot: bool = False


@dataclass(frozen=True)
class Alias:
    """One written form of a skill, with how much trust it needs."""

    skill_id: str
    text: str
    ambiguous: bool  # also an ordinary word: needs context
    case_sensitive: bool  # counts only in this casing (or an all-caps line)


@dataclass(eq=False)  # compared (and cached) by identity: one per process
class Lexicon:
    """Skills by id and their aliases by normalised key."""

    skills: dict[str, Skill]
    aliases: dict[str, Alias]
    # first word -> the word counts of the aliases it starts, longest first
    max_words: dict[str, tuple[int, ...]] = field(default_factory=dict)
    attribution: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._by_name = {alias_key(s.name): s.id for s in self.skills.values()}

    def get(self, skill_id: str) -> Skill:
        return self.skills[skill_id]

    def resolve(self, name: str) -> Skill | None:
        """The skill a name or alias denotes, or None.

        >>> load_lexicon().resolve("sklearn").name
        'scikit-learn'
        """
        k = alias_key(name)
        if k in self.aliases:
            return self.skills[self.aliases[k].skill_id]
        sid = self._by_name.get(k)
        return self.skills.get(sid) if sid else self.skills.get(name)

    def implied(self, skill_ids: set[str]) -> dict[str, str]:
        """Skills implied by ``skill_ids`` (transitively), each with the skill it came from."""
        out: dict[str, str] = {}
        stack = [(sid, sid) for sid in sorted(skill_ids) if sid in self.skills]
        while stack:
            sid, origin = stack.pop()
            for parent in self.skills[sid].implies:
                if parent not in skill_ids and parent not in out:
                    out[parent] = origin
                    stack.append((parent, origin))
        return out

    def search(self, query: str, limit: int = 20) -> list[Skill]:
        """Skills whose name or alias contains ``query`` (case-insensitive), best first."""
        q = alias_key(query)
        hits = {a.skill_id for k, a in self.aliases.items() if q and q in k}
        return sorted((self.skills[h] for h in hits), key=lambda s: (len(s.name), s.name))[:limit]


def _number_variants(key: str) -> tuple[str, ...]:
    """The same many-word alias with its last noun in the other number: "pivot tables"
    for "pivot table", "unit tests" for "unit testing". One-word names are left alone:
    "Windows" is not "window"."""
    head, _, last = key.rpartition(" ")
    if not head or len(last) < 4 or not last.isalpha():
        return ()
    if last == "testing":
        return (f"{head} tests", f"{head} test")
    if last.endswith("ies"):
        return (f"{head} {last[:-3]}y",)
    if last.endswith(("is", "us")):  # "analysis", "campus": no number to change
        return ()
    if last.endswith("ss") or last.endswith("ing"):
        return (f"{head} {last}es",) if last.endswith("ss") else ()
    if last.endswith("s"):
        return (f"{head} {last[:-1]}",)
    if last.endswith("y") and last[-2] not in "aeiou":
        return (f"{head} {last[:-1]}ies",)
    if last.endswith(("sh", "ch", "x")):
        return (f"{head} {last}es",)
    return (f"{head} {last}s",)


_FUNCTION_WORDS = frozenset(
    "or it us as at am an in on do go me no so to up we is be by of if my he".split())


def _is_short(alias: str) -> bool:
    """A short all-letter form ("ML", "PR", "IT") that could be an ordinary word or unit;
    "k8s" or "C++" could not."""
    if len(alias) > 8:
        return False  # more than three letters however it is punctuated
    letters = re.sub(r"[^A-Za-z0-9+#]", "", alias)
    return len(letters) <= 3 and letters.isalpha()


def _add_records(records: list[dict], skills: dict[str, Skill], aliases: dict[str, Alias],
                 override: bool) -> None:
    for rec in records:
        sid = rec["id"]
        ambiguous = set(rec.get("ambiguous_aliases", ()))
        case_sensitive = set(rec.get("case_sensitive", rec.get("case_sensitive_aliases", ())))
        names = [rec["name"], *rec.get("aliases", ())]
        skills[sid] = Skill(
            id=sid,
            name=rec["name"],
            category=rec.get("category", "tool"),
            aliases=tuple(rec.get("aliases", ())),
            implies=tuple(rec.get("implies", ())),
            related=tuple(rec.get("related", ())),
            hot=bool(rec.get("hot", False)),
        )
        for text in names:
            k = alias_key(text)
            if not k or (k in aliases and not override):
                continue
            amb = text in ambiguous or bool(rec.get("ambiguous")) and text == rec["name"]
            # A two- or three-letter abbreviation of a longer name ("MRR", "ARR") has many
            # meanings across fields: it counts with context only.
            amb = amb or (text != rec["name"] and text.isupper() and _is_short(text))
            # Short forms ("ML", "JS", "PR") are acronyms: "ml" in "500 ml" is not ML; and
            # "OR nursing" must not be read in "hospitals or nursing homes".
            first = text.split(" ", 1)[0]
            cased = (text in case_sensitive or _is_short(text)
                     or (first.isupper() and first.lower() in _FUNCTION_WORDS))
            aliases[k] = Alias(sid, text, amb, cased)


def _read_user_file(path: Path) -> list[dict]:
    try:
        raw = path.read_text(encoding="utf-8")
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            import tomllib

            data = tomllib.loads(raw)
    except (OSError, ValueError) as exc:
        raise LexiconError(f"cannot read lexicon file: {exc}", str(path)) from None
    records = data.get("skills", data.get("skill")) if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise LexiconError("expected a list of [[skill]] tables or {\"skills\": [...]}", str(path))
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict) or not isinstance(rec.get("name"), str):
            raise LexiconError(f"skill #{i + 1} has no name", str(path))
        rec = dict(rec)
        rec.setdefault("id", re.sub(r"[^a-z0-9]+", "-", rec["name"].lower()).strip("-"))
        if rec.get("category", "tool") not in CATEGORIES:
            raise LexiconError(f"skill {rec['name']!r}: unknown category {rec['category']!r}",
                               str(path))
        out.append(rec)
    return out


def load_lexicon(extra_files: tuple[str, ...] | list[str] = ()) -> Lexicon:
    """The bundled lexicon, with the skills of ``extra_files`` (TOML or JSON) on top.
    Built once per process for each set of files.

    >>> load_lexicon().resolve("k8s").name
    'Kubernetes'
    """
    # One cache key however it is called: load_lexicon() and load_lexicon(()) are the same.
    return _load_lexicon(tuple(str(p) for p in extra_files))


@lru_cache(maxsize=8)
def _load_lexicon(extra_files: tuple[str, ...]) -> Lexicon:
    data = json.loads(
        resources.files("skill_lexicon").joinpath("skills.json").read_text(encoding="utf-8")
    )
    skills: dict[str, Skill] = {}
    aliases: dict[str, Alias] = {}
    _add_records(data["skills"], skills, aliases, override=False)
    for path in extra_files:
        _add_records(_read_user_file(Path(path)), skills, aliases, override=True)
    for k, alias in list(aliases.items()):
        for variant in _number_variants(k):
            aliases.setdefault(variant, alias)
    lengths: dict[str, set[int]] = {}
    for k in aliases:
        words = k.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    max_words = {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}
    return Lexicon(skills, aliases, max_words, tuple(data.get("attribution", ())))
