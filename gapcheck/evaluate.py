"""Measure the matcher on a labelled set of resumes: precision, recall, F1 and traps.

A labelled set is a folder of resumes with a ``labels.json`` beside them::

    {"01_nurse.txt": {"held": ["Patient Assessment", ...], "learning": ["Python"],
                      "traps": ["Go"]}}

Gold names are resolved through the lexicon; a label that names a found skill in other
words ("Load Calculations" for "Load Calculation", token-sort similarity >= 90) is
counted as that skill. A name the lexicon does not know stays a miss, so gaps in the
lexicon cost recall here as they would for a user.

    python -m gapcheck.evaluate tests/devset [--verbose]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import Lexicon, load_lexicon
from .match import find_skills
from .read import read_document


@dataclass
class FileResult:
    name: str
    true_pos: set[str]
    false_pos: set[str]
    false_neg: set[str]
    learning_as_held: set[str]  # learning/negated mentions counted as held
    traps_hit: set[str]  # trap words tagged as held skills
    learning_found: int = 0
    learning_total: int = 0


@dataclass
class Evaluation:
    files: list[FileResult] = field(default_factory=list)

    def _sum(self, attr: str) -> int:
        return sum(len(getattr(f, attr)) for f in self.files)

    @property
    def precision(self) -> float:
        tp, fp = self._sum("true_pos"), self._sum("false_pos")
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        tp, fn = self._sum("true_pos"), self._sum("false_neg")
        return tp / (tp + fn) if tp + fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def learning_recall(self) -> float:
        total = sum(f.learning_total for f in self.files)
        return sum(f.learning_found for f in self.files) / total if total else 1.0

    @property
    def resumes_with_trap_or_learning_errors(self) -> int:
        return sum(1 for f in self.files if f.traps_hit or f.learning_as_held)


_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def _spellings(name: str) -> list[str]:
    """A label and the names inside it: "Variable Frequency Drives (VFD)" is also
    "Variable Frequency Drives" and "VFD"."""
    inner = _PAREN.findall(name)
    bare = _PAREN.sub(" ", name).strip()
    return list(dict.fromkeys([name, bare, *(i.strip() for i in inner if len(i.strip()) > 1)]))


def _ids(names: list[str], lex: Lexicon) -> set[str]:
    out = set()
    for name in names:
        skill = next(filter(None, (lex.resolve(n) for n in _spellings(name))), None)
        out.add(skill.id if skill else f"?{name}")
    return out


#: Two names for one skill: "Load Calculations" ~ "Load Calculation".
SAME_NAME = 90


def _align(gold: set[str], predicted: set[str], lex: Lexicon) -> set[str]:
    """``gold`` with each unmatched label that names a predicted skill in other words
    replaced by that skill's id. Word order and plurals differ between labellers; the
    concept is the same one."""
    from rapidfuzz import fuzz

    def names(i: str) -> list[str]:
        if i.startswith("?"):
            return _spellings(i[1:])
        if i.startswith("listed:"):
            return [i[7:].replace("-", " ")]
        s = lex.skills[i]
        return [s.name, *s.aliases]

    out = set(gold & predicted)
    free = predicted - gold
    for g in sorted(gold - predicted):
        best, best_score = None, 0.0
        for p in sorted(free):
            score = max(fuzz.token_sort_ratio(a.lower(), b.lower())
                        for a in names(g) for b in names(p))
            if score > best_score:
                best, best_score = p, score
        if best is not None and best_score >= SAME_NAME:
            out.add(best)
            free.discard(best)
        else:
            out.add(g)
    return out


def evaluate(folder: str | Path, lexicon: Lexicon | None = None) -> Evaluation:
    """Score the matcher on the labelled resumes in ``folder``.

    >>> evaluate("tests/devset").f1 > 0.5
    True
    """
    lex = lexicon or load_lexicon()
    folder = Path(folder)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    result = Evaluation()
    for name in sorted(labels):
        gold = labels[name]
        found = find_skills(read_document(folder / name), lex)
        held = found.ids("held")
        not_held = found.ids("learning") | found.ids("negated")
        gold_held = _align(_ids(gold.get("held", []), lex), held, lex)
        gold_learning = _ids(gold.get("learning", []), lex) - gold_held
        traps = _ids(gold.get("traps", []), lex) - gold_held
        result.files.append(
            FileResult(
                name,
                held & gold_held,
                held - gold_held,
                gold_held - held,
                held & gold_learning,
                held & traps,
                len(gold_learning & not_held),
                len(gold_learning),
            )
        )
    return result


def _names(ids: set[str], lex: Lexicon) -> str:
    return ", ".join(sorted(lex.skills[i].name if i in lex.skills else i.split(":")[-1].lstrip("?")
                            for i in ids))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate gapcheck's skill matcher.")
    parser.add_argument("folder", nargs="?", default="tests/devset")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    lex = load_lexicon()
    ev = evaluate(args.folder, lex)
    for f in ev.files:
        if args.verbose or f.traps_hit or f.learning_as_held:
            print(f"{f.name}: tp={len(f.true_pos)} fp={len(f.false_pos)} fn={len(f.false_neg)}")
            for label, ids in (("false hits", f.false_pos), ("misses", f.false_neg),
                               ("TRAPS tagged", f.traps_hit),
                               ("LEARNING counted as held", f.learning_as_held)):
                if ids and (args.verbose or label.isupper() or label.startswith(("TR", "LE"))):
                    print(f"  {label}: {_names(ids, lex)}")
    print(
        f"resumes={len(ev.files)} precision={ev.precision:.3f} recall={ev.recall:.3f} "
        f"f1={ev.f1:.3f} learning_recall={ev.learning_recall:.3f} "
        f"resumes_with_trap_or_learning_errors={ev.resumes_with_trap_or_learning_errors}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
