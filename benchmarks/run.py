"""gapcheck benchmarks: speed and memory, printed as a table.

    python benchmarks/run.py            # all
    python benchmarks/run.py match cold # some

Figures are medians of repeated runs on this machine; the README keeps the latest table.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_resumes"
sys.path.insert(0, str(ROOT))


def _median_ms(fn, repeat: int = 50) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def resume_700_words() -> str:
    """A 700-word resume made of the bundled samples' text."""
    from gapcheck.read import read_document

    words: list[str] = []
    for name in ("ml_engineer.pdf", "data_analyst.txt", "backend_engineer.pdf"):
        words += read_document(SAMPLES / name).text.split(" ")
    text = " ".join(words[:700])
    return text


def bench_match() -> list[tuple[str, str]]:
    from gapcheck import analyze, find_skills, read_text
    from gapcheck.lexicon import load_lexicon

    t = time.perf_counter()
    lex = load_lexicon()
    load_s = time.perf_counter() - t
    doc = read_text(resume_700_words())
    find_skills(doc, lex)  # warm: spaCy, fuzzy index, word list
    match_ms = _median_ms(lambda: find_skills(doc, lex), 200)
    analyze(doc, role="Machine Learning Engineer")
    analyze_ms = _median_ms(lambda: analyze(doc, role="Machine Learning Engineer"), 100)
    read_ms = _median_ms(lambda: read_text(doc.text), 200)
    return [
        ("lexicon load (s)", f"{load_s:.3f}"),
        ("read+sections, 700-word text (median ms)", f"{read_ms:.2f}"),
        ("find_skills, 700-word resume (median ms, warm)", f"{match_ms:.2f}"),
        ("analyze vs a role, 700-word resume (median ms, warm)", f"{analyze_ms:.2f}"),
    ]


def bench_cold() -> list[tuple[str, str]]:
    sample = SAMPLES / "data_analyst.txt"
    times = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "gapcheck", str(sample), "--role", "Data Analyst"],
                       check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    return [("cold start, `gapcheck sample.txt --role` (median s)",
             f"{statistics.median(times):.2f}")]


def bench_pdf() -> list[tuple[str, str]]:
    from pdfminer.high_level import extract_text

    from gapcheck import analyze
    from gapcheck.read import read_document

    pdfs = sorted(SAMPLES.glob("*.pdf"))
    pages = sum(read_document(p).pages for p in pdfs)
    extract = _median_ms(lambda: [extract_text(p) for p in pdfs], 5)
    whole = _median_ms(lambda: [analyze(p, role="Machine Learning Engineer") for p in pdfs], 5)
    return [
        ("pdfminer extract_text alone (ms per page)", f"{extract / pages:.1f}"),
        ("gapcheck analyze of the same PDFs (ms per page)", f"{whole / pages:.1f}"),
        ("gapcheck on top of extraction", f"{(whole - extract) / extract:+.0%}"),
    ]


def bench_batch() -> list[tuple[str, str]]:
    rows = []
    texts = [p.read_bytes() for p in sorted((SAMPLES / "src").glob("*.txt"))]
    pdfs = [p.read_bytes() for p in sorted(SAMPLES.glob("*.pdf"))]
    for kind, n, sources in (("text", 200, texts), ("text", 1000, texts), ("PDF", 200, pdfs)):
        suffix = ".txt" if kind == "text" else ".pdf"
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(n):
                Path(tmp, f"r{i:05d}{suffix}").write_bytes(sources[i % len(sources)])
            t = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c",
                 "import resource,sys; from gapcheck.cli import main\n"
                 "try: main(['batch', sys.argv[1], '--role', 'Data Scientist', '-w', '2',"
                 " '-o', sys.argv[2]])\n"
                 "except SystemExit: pass\n"
                 "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
                 " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
                 tmp, os.path.join(tmp, "out.csv")],
                check=True, capture_output=True, text=True, cwd=ROOT)
            secs = time.perf_counter() - t
            child, parent = (int(x) for x in out.stdout.split()[-2:])
            rows.append((f"batch {n} {kind} resumes, 2 workers (resumes/s)", f"{n / secs:.0f}"))
            rows.append((f"batch {n} {kind}: peak RSS parent / worker (MB)",
                         f"{parent / 1024:.0f} / {child / 1024:.0f}"))
    return rows


def bench_memory() -> list[tuple[str, str]]:
    out = subprocess.run(
        [sys.executable, "-c",
         "import resource, gapcheck\n"
         "gapcheck.analyze('sample_resumes/ml_engineer.pdf', role='Machine Learning Engineer')\n"
         "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
        check=True, capture_output=True, text=True, cwd=ROOT)
    return [("peak memory of one run, PDF resume (MB)", f"{int(out.stdout) / 1024:.0f}")]


BENCHES = {"match": bench_match, "cold": bench_cold, "pdf": bench_pdf, "memory": bench_memory,
           "batch": bench_batch}


def main(names: list[str]) -> None:
    rows = []
    for name in names or list(BENCHES):
        rows += BENCHES[name]()
    width = max(len(r[0]) for r in rows)
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for label, value in rows:
        print(f"| {label.ljust(width)} | {value} |")
    print(f"\n(python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"self peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
