"""Shared helpers for the benchmark scripts: finding the corpus, timing whole processes.

Plain standard library. Peak memory comes from ``/usr/bin/time`` when it is installed (the
largest single process) and from sampling ``/proc`` every 50 ms (the whole process tree,
summed: an upper bound, since forked or shared pages count once per process).
Without ``/usr/bin/time`` the largest process comes from ``resource.getrusage`` in a wrapper.
"""

from __future__ import annotations

import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))
CATEGORIES = ("business", "politics", "sport")
GNU_TIME = "/usr/bin/time"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

_RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.call(sys.argv[2:])\n"
    "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(rc)\n"
)


def corpus_files(n: int, corpus: Path | None = None) -> list[Path]:
    """The first ``n`` BBC articles, taken in turn from each category (sorted by name)."""
    base = corpus or SHARED / "corpus" / "bbc"
    per = [sorted((base / c).glob("*.txt")) for c in CATEGORIES]
    if not any(per):
        raise SystemExit(f"no corpus at {base} (set BRIEFING_SHARED or pass --corpus)")
    files: list[Path] = []
    k = 0
    while len(files) < n and any(k < len(p) for p in per):
        for p in per:
            if k < len(p) and len(files) < n:
                files.append(p[k])
        k += 1
    return files


@dataclass
class Run:
    wall: float  # seconds
    max_rss: float  # MB, the largest single process
    tree_rss: float  # MB, peak of the summed RSS of the process tree
    returncode: int


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return out


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


class _Sampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self.stop = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc/self/task"):
            return
        while not self.stop.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            self.stop.wait(self.every)


def measure(cmd: list[str], env: dict[str, str] | None = None, stdout=subprocess.DEVNULL) -> Run:
    """Run ``cmd`` to the end; wall time and peak memory of the whole process tree."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        if os.path.exists(GNU_TIME):
            full = [GNU_TIME, "-f", "%M", "-o", out.name, *cmd]
        else:
            full = [sys.executable, "-c", _RUSAGE_WRAPPER, out.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(full, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
        sampler = _Sampler(proc.pid)
        sampler.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        try:
            kb = int(out.read().strip().splitlines()[-1])
        except (ValueError, IndexError):
            kb = 0
    if proc.returncode:
        sys.stderr.write(f"warning: {' '.join(cmd[:4])}... exited {proc.returncode}\n{err[-2000:]}\n")
    return Run(wall, kb / 1024, sampler.peak / 2**20, proc.returncode)


def compile_bytecode() -> str:
    """Compile the package's modules, as ``pip install`` does for an installed copy.

    A checkout run in place (an editable install) otherwise compiles every module from source
    at each start when ``PYTHONDONTWRITEBYTECODE`` is set, which adds ~60 ms to a start-up
    no user sees. Returns a note for the report."""
    import compileall

    ok = compileall.compile_dir(str(ROOT / "briefing"), quiet=1, force=False)
    return "bytecode compiled" if ok else "bytecode NOT compiled (see errors above)"


def clean_env(cache: Path | None = None, config: Path | None = None) -> dict[str, str]:
    """The environment with briefing's cache and config dirs pointed at fresh folders."""
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = str(cache or Path(tempfile.mkdtemp(prefix="bench-cache-")))
    env["XDG_CONFIG_HOME"] = str(config or Path(tempfile.mkdtemp(prefix="bench-config-")))
    env.pop("BRIEFING_DEBUG", None)
    return env


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load_note() -> str:
    try:
        one, five, _ = os.getloadavg()
        return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"
    except OSError:
        return "load average unknown"


ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


class PtyApp:
    """A program running in a pseudo-terminal of a given size (POSIX only).

    Textual draws on stderr, so the pty is stdin, stdout and stderr alike. ``read`` returns
    the new output with escape sequences stripped ("" if none came, None once the program
    has closed the terminal); ``raw`` keeps everything it printed.
    """

    def __init__(self, cmd: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)):
        import fcntl
        import pty
        import termios

        self.master, slave = pty.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(env, TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows))
        env.pop("NO_COLOR", None)
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.raw: list[str] = []

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def read(self, wait: float = 0.05) -> str | None:
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return "" if self.proc.poll() is None else None
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the program has gone and closed the terminal
            return None
        text = data.decode("utf-8", errors="ignore")
        self.raw.append(text)
        return ANSI.sub("", text)

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def wait_for(self, markers: tuple[str, ...], timeout: float) -> float | None:
        """Seconds until one of ``markers`` appears in new output (None: timed out / gone)."""
        t0 = time.perf_counter()
        seen = ""
        while time.perf_counter() - t0 < timeout:
            chunk = self.read(0.02)
            if chunk is None:
                return None
            seen = (seen + chunk)[-8000:]
            if any(m in seen for m in markers):
                return time.perf_counter() - t0
        return None

    def quit(self, keys: bytes = b"q", grace: float = 10.0) -> None:
        try:
            self.send(keys)
        except OSError:
            pass
        stop = time.perf_counter() + grace
        while time.perf_counter() < stop and self.proc.poll() is None:
            if self.read(0.05) is None:
                break
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        os.close(self.master)
