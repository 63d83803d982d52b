"""Batch analysis speed: ``briefing analyze`` against a bare spaCy script, whole processes.

    python benchmarks/bench_analyze.py [--n 240] [--repeat 3] [--corpus DIR]

On the same N BBC corpus articles, in turn for each repeat (so background load hits all
alike), it times:

* bare      - ``bare_pipe.py``: ``nlp.pipe(texts, batch_size=64, n_process=2)``, nothing else;
* uncached  - ``briefing analyze --no-cache --format json`` (parse, extract, write JSON);
* first     - ``briefing analyze --format json`` on an empty cache (the same, plus cache writes);
* cached    - the same command again, every article now in the cache.

and prints the medians, peak memory, and the ratios the targets are stated in:
uncached / bare (target <= 1.1), cached / uncached (target < 0.1), peak memory (< 1 GB).
``--breakdown`` also times, in one process, spaCy alone against the extractors alone.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import ROOT, clean_env, compile_bytecode, corpus_files, load_note, measure, median

PY = sys.executable


def breakdown(files: list[Path]) -> str:
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from briefing.analysis.nlp import load_nlp\n"
        "from briefing.analysis.pipeline import analyse_doc\n"
        "from briefing.sources.text import load_text_file\n"
        "arts = [load_text_file(Path(p)) for p in sys.argv[1:]]\n"
        "nlp = load_nlp()\n"
        "t0 = time.perf_counter()\n"
        "docs = list(nlp.pipe([a.text for a in arts], batch_size=16))\n"
        "t1 = time.perf_counter()\n"
        "for d, a in zip(docs, arts): analyse_doc(d, a)\n"
        "t2 = time.perf_counter()\n"
        "words = sum(len(a.text.split()) for a in arts)\n"
        "print(f'one process: spaCy {t1-t0:.2f} s ({words/(t1-t0):,.0f} words/s), '\n"
        "      f'extractors {t2-t1:.2f} s = {100*(t2-t1)/(t1-t0):.1f}% on top')\n"
    )
    out = subprocess.run([PY, "-c", code, *map(str, files)], capture_output=True, text=True,
                         env=clean_env())
    return (out.stdout or out.stderr).strip()


def main() -> int:
    ap = argparse.ArgumentParser(description="briefing analyze vs bare nlp.pipe, whole processes")
    ap.add_argument("--n", type=int, default=240, help="articles (default 240)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds (default 3; medians shown)")
    ap.add_argument("--corpus", type=Path, help="BBC corpus folder (default ../shared/corpus/bbc)")
    ap.add_argument("--breakdown", action="store_true", help="also time spaCy vs extractors")
    args = ap.parse_args()

    files = corpus_files(args.n, args.corpus)
    paths = [str(f) for f in files]
    words = sum(len(f.read_text(encoding="utf-8", errors="replace").split()) for f in files)
    print(f"{len(files)} articles, {words:,} words; {load_note()}; {compile_bytecode()}")
    bare_cmd = [PY, str(ROOT / "benchmarks" / "bare_pipe.py"), "--batch-size", "64",
                "--n-process", "2", *paths]
    analyze = [PY, "-m", "briefing", "analyze", "--format", "json"]
    runs: dict[str, list] = {"bare": [], "uncached": [], "first": [], "cached": []}
    for r in range(args.repeat):
        cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
        env = clean_env(cache)
        try:
            runs["bare"].append(measure(bare_cmd, env))
            runs["uncached"].append(measure([*analyze, "--no-cache", *paths], env))
            runs["first"].append(measure([*analyze, *paths], env))
            runs["cached"].append(measure([*analyze, *paths], env))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        line = "  ".join(f"{k} {v[-1].wall:.2f}s" for k, v in runs.items())
        print(f"round {r + 1}: {line}", flush=True)

    print()
    print(f"{'':10} {'wall s':>8} {'max RSS MB':>11} {'tree RSS MB':>12}   (medians of {args.repeat})")
    med = {}
    for name, rs in runs.items():
        med[name] = median([x.wall for x in rs])
        print(f"{name:10} {med[name]:8.2f} {max(x.max_rss for x in rs):11.0f} "
              f"{max(x.tree_rss for x in rs):12.0f}")
    peak = max(x.tree_rss for rs in runs.values() for x in rs if rs is not runs["bare"])
    print()
    print(f"uncached / bare      = {med['uncached'] / med['bare']:.3f}   (target <= 1.1)")
    print(f"first run / bare     = {med['first'] / med['bare']:.3f}")
    print(f"cached / uncached    = {med['cached'] / med['uncached']:.3f}   (target < 0.1)")
    print(f"peak tree RSS        = {peak:.0f} MB   (target < 1024 MB; bare "
          f"{max(x.tree_rss for x in runs['bare']):.0f} MB)")
    if any(x.returncode for rs in runs.values() for x in rs):
        print("some runs FAILED (see warnings above)")
        return 1
    if args.breakdown:
        print(breakdown(files))
    print(load_note())
    return 0


if __name__ == "__main__":
    sys.exit(main())
