"""Many varied resumes made from the bundled samples, for scale tests and benchmarks."""
from __future__ import annotations

import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_resumes"
_EXTRA = ["Python", "SQL", "Tableau", "Power BI", "Excel pivot tables", "Kubernetes",
          "Docker", "React", "statistics", "Looker", "dbt", "Apache Airflow", "Java"]


def varied_texts(n: int, seed: int = 10) -> list[str]:
    """``n`` resumes made from the sample texts: renamed, lines dropped, skills added."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "src").glob("*.txt"))]
    texts = []
    for i in range(n):
        lines = bases[i % len(bases)].splitlines()
        kept = [f"Candidate {i}"] + [line for line in lines[1:] if rng.random() > 0.15]
        if rng.random() < 0.5:
            kept += ["", "Additional Skills", ", ".join(rng.sample(_EXTRA, rng.randint(1, 5)))]
        texts.append("\n".join(kept))
    return texts
