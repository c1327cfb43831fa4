"""The bundled lexicon: built by the script from the shared data, and readable."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import tomllib

from gapcheck import load_lexicon

ROOT = Path(__file__).resolve().parent.parent
ONET = ROOT.parent / "shared" / "data" / "onet"
sys.path.insert(0, str(ROOT / "skill_lexicon"))

from build_skills import build, curated_files, onet_forms  # noqa: E402


@pytest.mark.skipif(not (ONET / "Technology Skills.txt").exists(),
                    reason="the O*NET files are not beside this checkout")
def test_bundled_lexicon_is_what_the_script_builds():
    committed = json.loads((ROOT / "skill_lexicon" / "skills.json").read_text("utf-8"))
    assert build(ONET) == committed, (
        "skill_lexicon/skills.json is stale: run python skill_lexicon/build_skills.py")


def test_role_index_names_only_skills_the_lexicon_has():
    index = json.loads((ROOT / "skill_lexicon" / "role_index.json").read_text("utf-8"))
    assert set(index["skills"]) <= set(load_lexicon().skills)


def test_curated_ids_are_unique_across_files():
    ids = [item["id"] for path in curated_files()
           for item in tomllib.loads(path.read_text("utf-8")).get("skill", [])]
    assert len(ids) == len(set(ids))


def test_lexicon_size_and_attribution():
    lex = load_lexicon()
    assert len(lex.skills) >= 10_000
    assert any("O*NET" in line for line in lex.attribution)


@pytest.mark.parametrize(
    "example, alias",
    [
        ("Sparta Systems TrackWise", "TrackWise"),
        ("REDCap Research Electronic Data Capture", "REDCap"),
        ("GraphPad Software GraphPad Prism", "GraphPad Prism"),
        ("Microsoft Excel", "Excel"),
    ],
)
def test_products_known_by_a_word_of_a_long_onet_name(example, alias):
    assert alias in onet_forms(example)[1]


def test_a_maker_of_many_products_is_not_an_alias_of_one():
    many = {"Bentley"}
    assert "Bentley" not in onet_forms("Bentley Systems gINT", vendor=many.__contains__)[1]
