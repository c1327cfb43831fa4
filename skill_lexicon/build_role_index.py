"""Build ``role_index.json``: every role's skills as TF-IDF weights, for ranking the roles
a person's skills fit best.

scikit-learn fits the weights here, once, so that a resume run needs only numpy to rank
roles (and never pays scikit-learn's import time). Run after ``build_skills.py`` and
``build_roles.py``, from the repository root::

    python skill_lexicon/build_role_index.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gapcheck.lexicon import load_lexicon  # noqa: E402
from gapcheck.roles import load_roles  # noqa: E402
from gapcheck.target import role_requirements  # noqa: E402

#: A role with fewer known skills than this says too little to rank against.
MIN_SKILLS = 3


def build() -> dict:
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfTransformer

    lex = load_lexicon()
    roles, rows, cols, vals, vocab = [], [], [], [], {}
    for role in load_roles():
        reqs = [r for r in role_requirements(role, lex) if r.skill_id]
        if len(reqs) < MIN_SKILLS:
            continue
        for req in reqs:
            rows.append(len(roles))
            cols.append(vocab.setdefault(req.skill_id, len(vocab)))
            vals.append(1.0 + (0.5 if req.required else 0.0))
        roles.append(role.id)
    counts = csr_matrix((vals, (rows, cols)), shape=(len(roles), len(vocab)))
    tfidf = TfidfTransformer()
    weights = tfidf.fit_transform(counts).tocsr()
    skills = sorted(vocab, key=vocab.get)
    return {
        "schema_version": 1,
        "skills": skills,
        "idf": [round(float(x), 5) for x in tfidf.idf_],
        "roles": [
            {
                "id": role_id,
                "skills": [int(c) for c in weights[r].indices],
                "weights": [round(float(w), 5) for w in weights[r].data],
            }
            for r, role_id in enumerate(roles)
        ],
    }


def main() -> int:
    data = build()
    out = HERE / "role_index.json"
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(data['roles'])} roles x {len(data['skills'])} skills -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
