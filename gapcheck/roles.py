"""Target roles: every O*NET occupation plus curated tech career ladders, and lookup by title.

``load_roles()`` reads ``skill_lexicon/roles.json`` once (built by
``skill_lexicon/build_roles.py``) and ``RoleCatalog.find`` turns what a user typed
("sr ml eng", "nurse") into a ``Role``, saying so when it is only the nearest match.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from itertools import repeat
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from gapcheck.errors import LexiconError, RoleNotFoundError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

#: Below this score (0-100, see RoleCatalog) a query matches nothing: 80 keeps a typo or
#: an extra word ("Machine Learning Engineer II") while "underwater basket weaving" (best:
#: "Basket Operator", 54) is refused.
MIN_SCORE = 80.0
#: Curated and user roles win over O*NET when within this many points: they carry ladders,
#: required skills and degree data that the O*NET records lack.
CURATED_BONUS = 4.0
REQUIRED_WEIGHT, PREFERRED_WEIGHT = 2.0, 1.0

_ABBREVIATIONS = {
    "sr": "senior", "snr": "senior", "jr": "junior", "eng": "engineer", "engr": "engineer",
    "dev": "developer", "ml": "machine learning", "ai": "artificial intelligence",
    "swe": "software engineer", "ds": "data scientist", "mgr": "manager",
    "rn": "registered nurse", "pm": "project manager", "qa": "quality assurance",
    "sre": "site reliability engineer", "vp": "vice president", "admin": "administrator",
    "frontend": "front end", "backend": "back end", "fullstack": "full stack",
}
_STOPWORDS = frozenset(("and", "of", "the", "for", "in", "a", "an", "to"))
_JUNK_RE = re.compile(r"[^a-z0-9+#\n]+")


def _normalize_token(word: str) -> str:
    if word in _STOPWORDS:
        return ""
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    # Plural -> singular so "Electricians" (O*NET titles) meets "electrician" (queries).
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class _TokenCache(dict):
    # Word -> normalised word, filled on first sight: titles share ~8,000 words, so
    # normalising 40,000 titles becomes one C-level dict lookup per word.

    def __missing__(self, word: str) -> str:
        self[word] = norm = _normalize_token(word)
        return norm


_TOKEN_CACHE = _TokenCache()


#: Names the normalisation rules; roles.json stores keys made under it (see build_roles.py).
NORMALIZER_ID = hashlib.sha1(repr(
    (2, sorted(_ABBREVIATIONS.items()), sorted(_STOPWORDS))).encode()).hexdigest()[:12]


def normalize_titles(titles: Iterable[str]) -> list[str]:
    """Search keys for job titles: lowercase, abbreviations expanded, plurals and stopwords gone.

    >>> normalize_titles(["Sr. ML Eng", "Accountants & Auditors"])
    ['senior machine learning engineer', 'accountant auditor']
    """
    blob = "\n".join(t.replace("\n", " ") for t in titles).lower().replace("&", " and ")
    lookup = _TOKEN_CACHE.__getitem__
    return [" ".join(filter(None, map(lookup, line.split())))
            for line in _JUNK_RE.sub(" ", blob).split("\n")]


@dataclass(frozen=True)
class Level:
    """One rung of a career ladder; ``advance_share`` is the share that moved to the next."""

    title: str
    years_min: int | None = None
    years_max: int | None = None
    pay_min: int | None = None
    pay_max: int | None = None
    advance_share: float | None = None
    years_source: str | None = None


@dataclass(frozen=True)
class RoleSkill:
    """A skill a role asks for; ``weight`` is 1.0-2.0, ``required`` marks must-haves."""

    name: str
    weight: float
    required: bool


@dataclass(frozen=True)
class Role:
    """A target role: an O*NET occupation, a curated ladder or a user-defined role.

    For O*NET roles ``required`` marks the "In Demand" technologies, ``years_*`` are the
    bounds of the median related-experience category, ``related`` holds O*NET codes with
    ``None`` (skills overlap is computed at scoring time).
    """

    id: str
    title: str
    source: str  # "onet" | "curated" | "user"
    onet_code: str | None
    description: str
    alt_titles: tuple[str, ...]
    skills: tuple[RoleSkill, ...]
    degree_level: str | None
    degree_fields: tuple[str, ...]
    degree_share: float | None
    certifications: tuple[str, ...]
    years_min: float | None
    years_max: float | None
    levels: tuple[Level, ...]
    related: tuple[tuple[str, float | None], ...]
    job_zone: int | None
    typical_education: str | None = None
    years_typical: float | None = None
    job_zone_education: str | None = None
    job_zone_experience: str | None = None
    transitions: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class RoleMatch:
    """The role a query resolved to; ``level`` is set when a ladder level title matched."""

    role: Role
    query: str
    matched_title: str
    score: float
    exact: bool
    level: Level | None = None

    @property
    def display_title(self) -> str:
        """The level title when one matched, else the role title."""
        return self.level.title if self.level else self.role.title

    @property
    def note(self) -> str:
        """What to tell the user; empty when the match is exact (the query names the role).

        >>> load_roles().find("AI and Machine Learning Engineer").note  # doctest: +SKIP
        '"Machine Learning Engineer" was the nearest match for your query "AI and ...".'
        """
        if self.exact:
            return ""
        return f'"{self.display_title}" was the nearest match for your query "{self.query}".'


_SOURCE_RANK = {"onet": 0, "curated": 1, "user": 2}
#: Two words are "the same" from this rapidfuzz ratio up: one typo in a 5+ letter word.
_WORD_SIMILARITY = 80.0
#: Whole-title similarity that counts on its own: typos only, not "widget"/"budget".
_STRING_SIMILARITY = 90.0


class RoleCatalog:
    """All known roles with a word index over their titles.

    A title's score is the mean of how much of the query it covers and how much of it the
    query covers, each weighted by word rarity (idf). Covering both ways is what refuses
    "underwater basket weaving" -> "Underwater Welder" while "AI and Machine Learning
    Engineer" still reaches the ML ladder; rarity keeps "widget specialist" from matching
    a bare "Specialist".

    >>> load_roles().find("electrician").role.onet_code  # doctest: +SKIP
    '47-2111.00'
    """

    def __init__(self, roles: Iterable[Role],
                 title_keys: dict[str, list[str]] | None = None) -> None:
        self._found: dict[str, RoleMatch] = {}
        by_id: dict[str, Role] = {}
        for role in roles:  # later wins, so user files can replace a built-in role
            by_id[role.id] = role
        self._roles = list(by_id.values())
        self._by_id = by_id
        self._by_code = {r.onet_code: r for r in self._roles if r.source == "onet"}
        # A role's title slots: 0 its title, 1..n its alt titles, then its level titles.
        # ``title_keys`` (role id -> normalised slots, stored in roles.json) skips
        # normalising the 40,000 O*NET titles at every start.
        title_keys = title_keys or {}
        keys: list[str] = []
        todo: list[str] = []
        todo_at: list[int] = []
        owners: list[tuple[int, int]] = []
        for i, role in enumerate(self._roles):
            n = len(keys)
            titles = (role.title, *role.alt_titles, *(lv.title for lv in role.levels))
            known = title_keys.get(role.id)
            if known is not None and len(known) == len(titles):
                keys.extend(known)
            else:
                keys.extend(titles)
                todo.extend(titles)
                todo_at.extend(range(n, n + len(titles)))
            owners.extend(zip(repeat(i), range(len(titles))))
        for at, key in zip(todo_at, normalize_titles(todo)):
            keys[at] = key
        self._keys = list(dict.fromkeys(keys))
        index = {key: k for k, key in enumerate(self._keys)}
        self._owners: list[list[tuple[int, int]]] = [[] for _ in self._keys]
        for k, owner in zip(map(index.__getitem__, keys), owners):
            self._owners[k].append(owner)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for k, key in enumerate(self._keys):
            for word in key.split():
                self._postings[word].append(k)
        self._postings = dict(self._postings)
        self._vocab = list(self._postings)
        self._key_weight: dict[int, float] = {}

    def __iter__(self) -> Iterator[Role]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)

    def get(self, role_id: str) -> Role | None:
        """A role by id: a ladder slug or an O*NET code.

        >>> load_roles().get("29-1141.00").title  # doctest: +SKIP
        'Registered Nurses'
        """
        return self._by_id.get(role_id) or self._by_code.get(role_id)

    def _idf(self, word: str) -> float:
        return math.log(1.0 + len(self._keys) / (len(self._postings.get(word, ())) or 1))

    def _score_keys(self, key: str) -> dict[int, float]:
        """Score 0-100 of every title key sharing a word (or a near-typo) with ``key``."""
        words = list(dict.fromkeys(key.split()))
        similar: list[dict[str, float]] = []  # per query word: index word -> similarity
        for word in words:
            if word in self._postings:
                similar.append({word: 1.0})
            elif len(word) >= 4:  # short words are acronyms, too easily one letter apart
                hits = process.extract(word, self._vocab, scorer=fuzz.ratio, limit=None,
                                       score_cutoff=_WORD_SIMILARITY)
                similar.append({w: s / 100 for w, s, _i in hits})
            else:
                similar.append({})
        # An unknown word weighs as much as the rarest known one: it is what the user meant.
        rarest = math.log(1.0 + len(self._keys))
        q_weights = [self._idf(max(sim, key=sim.get)) if sim else rarest for sim in similar]
        best_sim: dict[str, float] = {}
        for sim in similar:
            for w, s in sim.items():
                best_sim[w] = max(s, best_sim.get(w, 0.0))
        covered: dict[int, float] = {}  # key -> idf-weighted share of its words matched
        for w, s in best_sim.items():
            gain = self._idf(w) * s
            for k in self._postings[w]:
                covered[k] = covered.get(k, 0.0) + gain
        found: dict[int, float] = dict.fromkeys(covered, 0.0)  # weighted query words found
        for weight, sim in zip(q_weights, similar):
            best: dict[int, float] = {}
            for w, s in sim.items():
                for k in self._postings[w]:
                    if best.get(k, 0.0) < s:
                        best[k] = s
            for k, s in best.items():
                found[k] += weight * s
        q_total = sum(q_weights)
        scores = {}
        for k, gain in covered.items():
            if k not in self._key_weight:
                self._key_weight[k] = sum(self._idf(w) for w in self._keys[k].split())
            scores[k] = 50.0 * (min(1.0, gain / self._key_weight[k]) + found[k] / q_total)
        # Whole-string similarity catches what word splitting misses ("machinelearning
        # engineer"); a single word is left to the word match, or "manager" -> "mangler".
        if len(words) > 1:
            for _key, s, k in process.extract(key, self._keys, scorer=fuzz.ratio, limit=20,
                                              score_cutoff=_STRING_SIMILARITY):
                scores[k] = max(s, scores.get(k, 0.0))
        return scores

    def search(self, query: str, limit: int = 10, min_score: float = 0.0) -> list[RoleMatch]:
        """The best-matching distinct roles for ``query``, best first.

        >>> [m.role.title for m in load_roles().search("data scientst", limit=2)]  # doctest: +SKIP
        ['Data Scientist', 'Data Scientists']
        """
        key = normalize_titles([query])[0]
        if not key:
            return []
        scores = self._score_keys(key)
        best: dict[int, tuple[tuple, float, int, int]] = {}  # role -> (rank, score, key, slot)
        for k, score in scores.items():
            if score < min_score:
                continue
            for ri, slot in self._owners[k]:
                role = self._roles[ri]
                rank = _SOURCE_RANK[role.source]
                kind = 1 if slot == 0 else 2 if slot > len(role.alt_titles) else 0
                # Ties (three occupations list "Nurse") go to base occupations (".00"),
                # then to the title listed first (reported titles, most-cited sources).
                base = role.onet_code is not None and role.onet_code.endswith(".00")
                sort_key = (score + (CURATED_BONUS if rank else 0.0), rank, kind, base,
                            -slot, -ri)
                if ri not in best or best[ri][0] < sort_key:
                    best[ri] = (sort_key, score, k, slot)
        ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)[:limit]
        return [self._match(query, key, ri, slot, score) for ri, (_r, score, _k, slot) in ranked]

    def _match(self, query: str, key: str, ri: int, slot: int, score: float) -> RoleMatch:
        role = self._roles[ri]
        n_alt = len(role.alt_titles)
        level = role.levels[slot - 1 - n_alt] if slot > n_alt else None
        title = level.title if level else role.alt_titles[slot - 1] if slot else role.title
        # Exact only when the query names what is shown (the role or level title), so an
        # alternate title ("nurse" -> "Registered Nurses") still gets its note.
        exact = normalize_titles([level.title if level else role.title])[0] == key
        return RoleMatch(role, query, title, round(score, 1), exact, level)

    def find(self, query: str) -> RoleMatch:
        """The one role ``query`` names, or ``RoleNotFoundError`` with the 3 closest titles.

        >>> load_roles().find("sr ml eng").level.title  # doctest: +SKIP
        'Senior Machine Learning Engineer'
        """
        if query in self._found:
            return self._found[query]
        matches = self.search(query, limit=3)
        if matches and matches[0].score >= MIN_SCORE:
            found = self._curated_for(matches[0])
            self._found[query] = found  # a batch asks the same query many times
            return found
        raise RoleNotFoundError(query, [m.display_title for m in matches]
                                or self._closest_by_spelling(query))

    def _curated_for(self, match: RoleMatch) -> RoleMatch:
        """The curated ladder built on the O*NET occupation ``match`` found, if there is
        one: it knows the role's skills, levels and certifications; O*NET lists software."""
        if match.role.source != "onet":
            return match
        ladder = next((r for r in self._roles if r.source != "onet"
                       and r.onet_code == match.role.onet_code), None)
        if ladder is None:
            return match
        return RoleMatch(ladder, match.query, match.matched_title, match.score, False)

    def _closest_by_spelling(self, query: str, n: int = 3) -> list[str]:
        # Only for the error message, when no title shares a word with the query.
        key = normalize_titles([query])[0]
        titles: list[str] = []
        if not key:
            return titles
        for _key, _s, k in process.extract(key, self._keys, scorer=fuzz.WRatio, limit=30):
            for ri, slot in self._owners[k]:
                match = self._match(query, key, ri, slot, 0.0)
                if match.display_title not in titles:
                    titles.append(match.display_title)
        return titles[:n]


def load_roles(extra_files: Iterable[str | Path] = ()) -> RoleCatalog:
    """The role catalogue, built once per process (per set of ``extra_files``).

    ``extra_files`` are user role files (TOML or JSON) in the ``ladders.toml`` schema;
    their roles are added, replacing built-in roles with the same id.

    >>> len(load_roles())  # doctest: +SKIP
    1026
    """
    return _load_catalog(tuple(str(Path(f)) for f in extra_files))


@functools.lru_cache(maxsize=8)
def _load_catalog(extra_files: tuple[str, ...]) -> RoleCatalog:
    builtin, title_keys = _builtin_roles()
    roles = list(builtin)
    onet = {r.onet_code: r for r in roles if r.source == "onet"}
    for name in extra_files:
        roles.extend(parse_ladder_file(Path(name), onet, source="user")[1])
    return RoleCatalog(roles, title_keys)


@functools.lru_cache(maxsize=1)
def _builtin_roles() -> tuple[tuple[Role, ...], dict[str, list[str]]]:
    resource = files("skill_lexicon").joinpath("roles.json")
    try:
        doc = json.loads(resource.read_text(encoding="utf-8"))
        zones = doc["job_zones"]
        onet_roles = [_onet_role(rec, zones) for rec in doc["occupations"]]
        # Keys normalised by the build are only good while the rules are the same.
        title_keys = ({rec["code"]: rec["title_keys"].split("\n") for rec in doc["occupations"]}
                      if doc.get("normalizer") == NORMALIZER_ID else {})
    except FileNotFoundError:
        raise LexiconError("not found: build it with python skill_lexicon/build_roles.py",
                           str(resource)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise LexiconError(f"damaged ({exc!r}): rebuild it with "
                           "python skill_lexicon/build_roles.py", str(resource)) from None
    onet = {r.onet_code: r for r in onet_roles}
    curated = [_ladder_role(raw, onet, "curated", str(resource)) for raw in doc["ladders"]]
    return (*onet_roles, *curated), title_keys


@functools.cache
def _onet_skill(name: str, weight: float) -> RoleSkill:
    # 32,600 skill links hold only ~9,000 distinct (name, weight) pairs: share them.
    return RoleSkill(name, weight, weight >= REQUIRED_WEIGHT)


def _onet_role(rec: dict[str, Any], zones: dict[str, dict[str, str]]) -> Role:
    edu, exp = rec.get("education") or {}, rec.get("experience") or {}
    zone = zones.get(str(rec["job_zone"])) if rec.get("job_zone") else None
    return Role(
        id=rec["code"], title=rec["title"], source="onet", onet_code=rec["code"],
        description=rec["description"], alt_titles=tuple(rec["alt_titles"]),
        skills=tuple(_onet_skill(n, w) for n, w in rec["skills"]),
        degree_level=edu.get("level"), degree_fields=(),
        degree_share=edu.get("share_bachelor_or_higher"), certifications=(),
        years_min=exp.get("years_min"), years_max=exp.get("years_max"), levels=(),
        related=tuple((code, None) for code, _tier in rec["related"]),
        job_zone=rec.get("job_zone"), typical_education=edu.get("modal_category"),
        years_typical=exp.get("years_typical"),
        job_zone_education=zone["education"] if zone else None,
        job_zone_experience=zone["experience"] if zone else None,
    )


# Allowed keys and their types, so a typo in a user file is reported, not ignored.
_NUM, _STRS, _TABLES = (int, float), "list of strings", "list of tables"
_Spec = dict[str, Any]
_LADDER_KEYS: _Spec = {
    "id": str, "name": str, "description": str, "aliases": _STRS, "onet_codes": _STRS,
    "certifications": _STRS, "source": str, "degree": dict, "skills": dict,
    "related": _TABLES, "levels": _TABLES,
}
_LEVEL_KEYS: _Spec = {
    "title": str, "years_min": _NUM, "years_max": _NUM, "pay_min": _NUM, "pay_max": _NUM,
    "advance_share": _NUM, "years_source": str,
}
_DEGREE_KEYS: _Spec = {"level": str, "share_with_degree": _NUM, "fields": _STRS}
_SKILL_KEYS: _Spec = {"required": _STRS, "preferred": _STRS}
_RELATED_KEYS: _Spec = {"id": str, "title": str, "skills_overlap": _NUM,
                        "transition_share": _NUM}


def _check(table: Any, allowed: _Spec, where: str, source: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise LexiconError(f"{where} must be a table, not {type(table).__name__}", source)
    for key, value in table.items():
        if key not in allowed:
            raise LexiconError(f"{where}: unknown key {key!r} (allowed: "
                               f"{', '.join(sorted(allowed))})", source)
        want = allowed[key]
        if isinstance(want, str):  # a list of strings or of tables
            item = str if want == _STRS else dict
            ok = isinstance(value, list) and all(isinstance(v, item) for v in value)
        else:
            ok = isinstance(value, want) and not isinstance(value, bool)
        share = "share" in key or key.endswith("overlap")
        if ok and share:  # fractions, so 0.68 and not 68
            ok = 0.0 <= value <= 1.0
        if not ok:
            expected = ("a fraction 0-1" if share else "a number" if want is _NUM
                        else getattr(want, "__name__", want))
            raise LexiconError(f"{where}: {key!r} = {value!r:.40} is not {expected}", source)
    return table


def parse_ladder_file(path: Path, onet: dict[str, Role] | None = None,
                      source: str = "curated") -> tuple[list[dict[str, Any]], list[Role]]:
    """Read a ladders file (TOML, or JSON with the same shape): raw tables and their roles.

    >>> raw, roles = parse_ladder_file(Path("my_roles.toml"))  # doctest: +SKIP
    >>> roles[0].source
    'curated'
    """
    try:
        text = path.read_text(encoding="utf-8")
        doc = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LexiconError(f"cannot read role file ({exc}); it must be TOML or JSON "
                           "in the ladders.toml schema", str(path)) from None
    ladders = doc.get("ladder") if isinstance(doc, dict) else None
    if not isinstance(ladders, list) or not ladders:
        raise LexiconError("no [[ladder]] tables (a JSON file needs a 'ladder' list); "
                           "see skill_lexicon/curated/ladders.toml for the schema", str(path))
    roles = [_ladder_role(raw, onet or {}, source, str(path)) for raw in ladders]
    return ladders, roles


def _ladder_role(raw: Any, onet: dict[str, Role], source: str, origin: str) -> Role:
    raw = _check(raw, _LADDER_KEYS, "[[ladder]]", origin)
    where = f"ladder {raw.get('id', '?')!r}"
    for key in ("id", "name"):
        if not raw.get(key):
            raise LexiconError(f"{where}: {key!r} is required", origin)
    degree = _check(raw.get("degree", {}), _DEGREE_KEYS, f"{where} degree", origin)
    skills = _check(raw.get("skills", {}), _SKILL_KEYS, f"{where} skills", origin)
    levels = tuple(Level(**_check(lv, _LEVEL_KEYS, f"{where} level", origin))
                   for lv in raw.get("levels", []))
    for lv in levels:
        if not lv.title:
            raise LexiconError(f"{where}: every level needs a title", origin)
        if lv.years_min is not None and lv.years_max is not None and lv.years_min > lv.years_max:
            raise LexiconError(f"{where} level {lv.title!r}: years_min > years_max", origin)
    related = [_check(r, _RELATED_KEYS, f"{where} related", origin)
               for r in raw.get("related", [])]
    codes = [str(c) for c in raw.get("onet_codes", [])]
    primary = onet.get(codes[0]) if codes else None
    # The role's own experience range is that of the level named like the ladder.
    own = next((lv for lv in levels if lv.title.casefold() == raw["name"].casefold()),
               levels[0] if levels else None)
    return Role(
        id=raw["id"], title=raw["name"], source=source,
        onet_code=codes[0] if codes else None,
        description=raw.get("description") or (primary.description if primary else ""),
        alt_titles=tuple(raw.get("aliases", [])),
        skills=(*(RoleSkill(s, REQUIRED_WEIGHT, True) for s in skills.get("required", [])),
                *(RoleSkill(s, PREFERRED_WEIGHT, False) for s in skills.get("preferred", []))),
        degree_level=degree.get("level") or (primary.degree_level if primary else None),
        degree_fields=tuple(degree.get("fields", [])),
        # Without a sourced share, the primary O*NET occupation's bachelor-or-higher share.
        degree_share=degree.get("share_with_degree",
                                primary.degree_share if primary else None),
        certifications=tuple(raw.get("certifications", [])),
        years_min=own.years_min if own else None, years_max=own.years_max if own else None,
        levels=levels,
        related=tuple((r.get("id") or r.get("title", ""), r.get("skills_overlap"))
                      for r in related),
        job_zone=primary.job_zone if primary else None,
        typical_education=primary.typical_education if primary else None,
        job_zone_education=primary.job_zone_education if primary else None,
        job_zone_experience=primary.job_zone_experience if primary else None,
        transitions=tuple((r.get("id") or r.get("title", ""), r["transition_share"])
                          for r in related if "transition_share" in r),
    )
