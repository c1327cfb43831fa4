"""Write ``common_words.txt``: the commonest English words, one per line.

gapcheck uses the list to decide when a skill name is also an ordinary word ("Slack",
"Canvas", "Spark") and must be backed by context, and to keep typo matching from turning
an ordinary word ("docket") into a skill ("Docker").

Needs the ``wordfreq`` package (only here, never at run time)::

    pip install wordfreq && python skill_lexicon/make_common_words.py

The word frequencies come from wordfreq (data CC BY-SA 4.0, Robyn Speer and
contributors); see ATTRIBUTION.md.
"""
from __future__ import annotations

import re
from pathlib import Path

#: Zipf 2.0 is about once per hundred million words: wide enough that a real word
#: ("docket", "tableaux") is never mistaken for a typo. Each line keeps the word's zipf
#: value so callers can ask "is this ordinary?" (>= 3.0) separately.
MIN_ZIPF = 2.0
OUT = Path(__file__).with_name("common_words.txt")


def main() -> None:
    from wordfreq import top_n_list, zipf_frequency

    rows = sorted(
        (w, zipf_frequency(w, "en"))
        for w in top_n_list("en", 200000)
        if re.fullmatch(r"[a-z]+", w)
    )
    lines = [f"{w} {round(z * 10)}" for w, z in rows if z >= MIN_ZIPF]
    OUT.write_text(
        f"# word zipf*10 (wordfreq, English, zipf >= {MIN_ZIPF:.1f}; data CC BY-SA 4.0). "
        "Built by make_common_words.py.\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    words = lines
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
