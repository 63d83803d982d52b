"""Start-up: time from launching ``briefing FILE`` to the article text on screen, in a pty.

    python benchmarks/bench_startup.py [--repeat 5] [--file ARTICLE] [--size 120x40]

For each round, side by side:

* ``python -c "import spacy"`` (the yardstick; the target is first paint <= 0.5x of it);
* cold: ``briefing FILE`` with an empty cache dir. Timed until a word from the article's
  body appears in the terminal output (escape sequences stripped), and on until the analysis
  has arrived (the panes' "analysed" markers appear);
* warm: the same after ``briefing analyze FILE`` filled the cache: first paint, and the time
  until the panes are filled from the cache.

It also checks, with ``-X importtime``, that a warm (cached) reopen never imports spaCy.
The app is quit with ``q`` (killed if it does not go). Plain standard library, POSIX only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import ROOT, SHARED, PtyApp, clean_env, compile_bytecode, load_note, median

PY = sys.executable
# Shown by the reader only once the open article's analysis is in (quotes header, legend).
FILLED = ("All speakers", "c same actor")


def default_file() -> Path:
    for cand in (SHARED / "corpus" / "bbc" / "business" / "001.txt", ROOT / "seeds" / "gaza-ceasefire.txt"):
        if cand.is_file():
            return cand
    raise SystemExit("no article found; pass --file")


def body_marker(path: Path) -> str:
    """A long word from the start of the body (not the title line), to spot on screen."""
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    title = set(lines[0].split()) if lines else set()
    body = " ".join(lines[1:])[:160]
    words = [w for w in re.findall(r"[A-Za-z]{6,}", body) if w not in title]
    if not words:
        raise SystemExit(f"{path}: no distinctive word near the top; pass --marker")
    return max(words, key=len)


def run_app(cmd: list[str], env: dict, marker: str, size: tuple[int, int],
            timeout: float) -> tuple[float | None, float | None, str]:
    """(seconds to ``marker`` on screen, seconds to a FILLED marker after it, all output)."""
    app = PtyApp(cmd, env, size)
    seen, painted, filled = "", None, None
    try:
        while app.elapsed() < timeout and filled is None:
            chunk = app.read(0.05)
            if chunk is None:
                break
            now = app.elapsed()
            seen += chunk
            if painted is None and marker in seen:
                painted = now
                seen = ""  # what fills the panes must come after the first paint
            if painted is not None and any(m in seen for m in FILLED):
                filled = now
            seen = seen[-4000:]
    finally:
        app.quit()
    return painted, filled, "".join(app.raw)


def fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description="briefing start-up vs import spacy, in a pty")
    ap.add_argument("--file", type=Path, default=None, help="article to open")
    ap.add_argument("--marker", help="text of the article to wait for (default: a body word)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--size", default="120x40", help="terminal COLSxROWS (default 120x40)")
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()
    path = (args.file or default_file()).resolve()
    marker = args.marker or body_marker(path)
    cols, rows = (int(v) for v in args.size.lower().split("x"))
    app = [PY, "-m", "briefing", str(path)]
    print(f"opening {path} ({cols}x{rows}), waiting for {marker!r}; {load_note()}; {compile_bytecode()}")

    rows_out = {"import spacy": [], "cold paint": [], "cold filled": [], "warm paint": [],
                "warm filled": []}
    # One untimed round so every run after it finds files in the OS page cache.
    subprocess.run([PY, "-c", "import spacy"], check=False)
    run_app(app, clean_env(), marker, (cols, rows), args.timeout)
    for r in range(args.repeat):
        t = time.perf_counter()
        subprocess.run([PY, "-c", "import spacy"], check=True)
        rows_out["import spacy"].append(time.perf_counter() - t)
        cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
        try:
            env = clean_env(cache)
            p, f, _ = run_app(app, env, marker, (cols, rows), args.timeout)
            rows_out["cold paint"].append(p)
            rows_out["cold filled"].append(f)
            subprocess.run([PY, "-m", "briefing", "analyze", str(path)], env=env,
                           stdout=subprocess.DEVNULL, check=True)
            p, f, _ = run_app(app, env, marker, (cols, rows), args.timeout)
            rows_out["warm paint"].append(p)
            rows_out["warm filled"].append(f)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
        print(f"round {r + 1}: " + "  ".join(f"{k} {fmt(v[-1])}" for k, v in rows_out.items()),
              flush=True)

    med = {k: median([x for x in v if x is not None]) for k, v in rows_out.items()}
    print()
    for k, v in med.items():
        missing = sum(x is None for x in rows_out[k])
        print(f"{k:14} {v:6.3f} s" + (f"   ({missing} runs never showed it)" if missing else ""))
    base = med["import spacy"]
    print()
    print(f"cold first paint / import spacy = {med['cold paint'] / base:.2f}   (target <= 0.5)")
    print(f"warm first paint / import spacy = {med['warm paint'] / base:.2f}   (target <= 0.5)")
    print(f"warm panes filled / import spacy = {med['warm filled'] / base:.2f}")

    # Does a cached reopen import spaCy? Ask the interpreter (-X importtime goes to stderr).
    cache = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    try:
        env = clean_env(cache)
        subprocess.run([PY, "-m", "briefing", "analyze", str(path)], env=env,
                       stdout=subprocess.DEVNULL, check=True)
        p, f, out = run_app([PY, "-X", "importtime", "-m", "briefing", str(path)], env, marker,
                            (cols, rows), args.timeout)
        imported = re.findall(r"import time:[^\n]*\|\s*(?:spacy|thinc)\b", out)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(f"warm reopen imports spaCy: {'YES' if imported else 'no'}"
          f" (panes filled: {'yes' if f is not None else 'NOT SEEN'})")
    print(load_note())
    return 0 if not imported and f is not None else 1


if __name__ == "__main__":
    sys.exit(main())
