"""Responsiveness: key-to-screen latency in the reader while a briefing is being analysed.

    python benchmarks/bench_responsiveness.py [--n 200] [--size 120x40]

Opens ``briefing`` on N BBC corpus articles with an empty cache, in a pty, and as soon as the
first article's text is on screen keeps switching panes (``2`` quotes, ``1`` text), timing
each key to the first output that redraws the pane bar, with a short random pause between.
It goes on until all N are analysed (counted in the cache folder, which the runner fills as
each lands), then takes a few more samples with the app idle, for comparison. Prints the
median, 95th percentile and worst latency, and the share within 100 ms, for both. The idle
figures are the app's own drawing cost; the difference is what the analysis costs.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _harness import PtyApp, clean_env, compile_bytecode, corpus_files, load_note, median
from bench_startup import body_marker

# The pane bar ("1 Text  2 Quotes  3 Actors  4 Figures") is redrawn when the pane changes.
PANE_BAR = re.compile(r"1 Text\s+2 Quotes")
PROGRESS = re.compile(r"analysed (\d+) of (\d+)")


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def summary(name: str, values: list[float], missed: int) -> str:
    if not values:
        return f"{name:18} no samples"
    ms = [v * 1000 for v in values]
    within = sum(v <= 100 for v in ms) / len(ms)
    return (f"{name:18} n={len(ms):3}  median {median(ms):6.1f} ms  p95 {pct(ms, 0.95):6.1f} ms  "
            f"max {max(ms):6.1f} ms  within 100 ms {100 * within:5.1f}%"
            + (f"  ({missed} never answered within 5 s)" if missed else ""))


def main() -> int:
    ap = argparse.ArgumentParser(description="key latency in the reader during analysis")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--size", default="120x40")
    ap.add_argument("--timeout", type=float, default=300.0, help="give up after this long")
    ap.add_argument("--idle-samples", type=int, default=10)
    args = ap.parse_args()
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    files = corpus_files(args.n, args.corpus)
    marker = body_marker(files[0])
    # The corpus repeats a few stories; the cache keeps one entry per distinct text.
    distinct = len({f.read_bytes().replace(b"\r\n", b"\n").strip() for f in files})
    print(f"{len(files)} articles, waiting for {marker!r}; {load_note()}; {compile_bytecode()}")
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    busy: list[float] = []
    idle: list[float] = []
    missed_busy = missed_idle = 0
    done = total = 0
    app = PtyApp([sys.executable, "-m", "briefing", *map(str, files)], clean_env(cache), (cols, rows))
    try:
        painted = app.wait_for((marker,), 60)
        if painted is None:
            print("the article text never appeared")
            return 1
        print(f"first paint after {painted:.2f} s")
        start = time.perf_counter()
        idle_left = args.idle_samples

        def progress(chunk: str) -> None:
            nonlocal done, total
            for m in PROGRESS.finditer(chunk):
                done, total = max(done, int(m.group(1))), int(m.group(2))

        def finished() -> bool:
            # The runner caches each analysis as it lands: the surest count of what is done
            # (the status line skips numbers and is cleared at the end).
            nonlocal done, total
            cached = sum(1 for _ in cache.rglob("*.json"))
            done, total = max(done, cached), distinct
            return cached >= distinct

        key = b"1"
        while time.perf_counter() - start < args.timeout and idle_left > 0:
            analysing = not finished()
            key = b"2" if key == b"1" else b"1"
            app.send(key)
            t0 = time.perf_counter()
            seen = ""
            latency = None
            while time.perf_counter() - t0 < 5:
                chunk = app.read(0.005)
                if chunk is None:
                    break
                seen = (seen + chunk)[-8000:]
                progress(chunk)
                if PANE_BAR.search(seen):
                    latency = time.perf_counter() - t0
                    break
            if latency is not None:
                (busy if analysing else idle).append(latency)
            elif analysing:
                missed_busy += 1
            else:
                missed_idle += 1
            # A pause of random length, reading progress meanwhile.
            until = time.perf_counter() + random.uniform(0.15, 0.4)
            while time.perf_counter() < until:
                chunk = app.read(0.02)
                if chunk is None:
                    break
                progress(chunk)
            if not analysing:
                idle_left -= 1
            if (len(busy) + len(idle)) % 25 == 0:
                print(f"{app.elapsed():6.1f} s: {len(busy)} samples while analysing, {len(idle)} idle; "
                      f"analysed {done} of {total or '?'}", flush=True)
    finally:
        app.quit()
        shutil.rmtree(cache, ignore_errors=True)
    print(summary("while analysing", busy, missed_busy))
    print(summary("idle", idle, missed_idle))
    print(load_note())
    return 0


if __name__ == "__main__":
    sys.exit(main())
