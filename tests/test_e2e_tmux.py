"""End to end: the installed ``briefing`` in a real pty (tmux), keys pressed, screen read back.

Runs the real analysis (spaCy) on the seed article. Waits are polls with a generous overall
limit, never timing assertions.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEED

pytestmark = pytest.mark.e2e

LIMIT = 120.0  # seconds: the overall ceiling for anything to appear (spaCy loads on 2 busy cores)


def _briefing_exe() -> Path:
    exe = Path(sys.executable).with_name("briefing")
    if not exe.exists():
        pytest.skip(f"the briefing command is not installed next to {sys.executable}")
    return exe


class Tmux:
    def __init__(self, socket: str, session: str) -> None:
        self.socket, self.session = socket, session

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                              capture_output=True, text=True, check=check, timeout=30)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.session).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.session, key)

    def wait_for(self, pattern: str, limit: float = LIMIT) -> str:
        deadline = time.monotonic() + limit
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen() if self.alive() else screen
            if re.search(pattern, screen):
                return screen
            if not self.alive():
                break
            time.sleep(0.2)
        raise AssertionError(f"{pattern!r} never appeared; last screen:\n{screen}")

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.session, "-l", text)

    def alive(self) -> bool:
        return self.run("has-session", "-t", self.session, check=False).returncode == 0

    def wait_gone(self, limit: float = 30) -> bool:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if not self.alive():
                return True
            time.sleep(0.2)
        return False


@pytest.fixture
def tmux(isolated_dirs):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt-get install tmux)")
    socket = f"briefing-e2e-{os.getpid()}-{time.monotonic_ns()}"
    session = "reader"
    t = Tmux(socket, session)
    yield t
    t.run("kill-server", check=False)


def _start(tmux: Tmux, *paths: str, width: int = 100, height: int = 30, env: dict[str, str] | None = None) -> None:
    environment = {k: os.environ[k] for k in os.environ if k.startswith("XDG_")}
    environment.update(env or {})
    environment.setdefault("TERM", "xterm-256color")
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in environment.items())
    # COLUMNS/LINES from the test runner would override the pty's real size.
    command = f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES {exports} {shlex.quote(str(_briefing_exe()))} " + " ".join(
        shlex.quote(p) for p in paths
    )
    tmux.run("new-session", "-d", "-s", tmux.session, "-x", str(width), "-y", str(height), command)


def test_reader_in_a_real_terminal(tmux):
    _start(tmux, str(SEED.relative_to(ROOT)))
    # The text paints first; the counts appear in the pane bar when the analysis is in.
    screen = tmux.wait_for(r"UN Secretary-General")
    assert "1 Text" in screen
    screen = tmux.wait_for(r"2 Quotes \d+")
    quotes = int(re.search(r"2 Quotes (\d+)", screen).group(1))
    assert quotes > 0

    tmux.keys("2")
    screen = tmux.wait_for(r"All speakers")
    assert "\u201c" in screen, "quotes are shown in quote marks"

    tmux.keys("Enter")
    screen = tmux.wait_for(r"quote 1 of \d+")

    tmux.keys("4")
    tmux.wait_for(r"Go to text")
    tmux.keys("1")
    tmux.wait_for(r"h/l move|c next")
    tmux.keys("/")
    tmux.wait_for(r"search this pane")
    tmux.type("Gaza")
    tmux.keys("Enter")
    tmux.wait_for(r"match 1 of \d+ for Gaza")
    tmux.keys("n")
    tmux.wait_for(r"match 2 of \d+ for Gaza")

    tmux.keys("?")
    tmux.wait_for(r"binding id")
    tmux.keys("Escape")
    tmux.wait_for(r"\? Help")  # back on the reader (an ESC followed at once by q reads as alt+q)
    tmux.keys("q")
    assert tmux.wait_gone(), "q did not quit"


def test_no_color_linux_console_and_small_screen(tmux):
    _start(tmux, str(SEED.relative_to(ROOT)), width=80, height=24, env={"TERM": "linux", "NO_COLOR": "1"})
    tmux.wait_for(r"2 Quotes \d+")
    tmux.keys("3")
    screen = tmux.wait_for(r"mentions?")
    assert "Ban Ki-Moon" in screen
    tmux.keys("q")
    assert tmux.wait_gone()


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_codes(screen_with_escapes: str) -> set[str]:
    """Every colour set by an SGR sequence (38/48 extended, 30-37, 40-47, 90-97, 100-107)."""
    found = set()
    for params in SGR.findall(screen_with_escapes):
        parts = params.split(";")
        i = 0
        while i < len(parts):
            p = parts[i]
            if p in ("38", "48"):
                kind = parts[i + 1] if i + 1 < len(parts) else ""
                width = 3 if kind == "5" else 5 if kind == "2" else 2
                found.add(";".join(parts[i:i + width]))
                i += width
                continue
            if p.isdigit() and (30 <= int(p) <= 37 or 40 <= int(p) <= 47 or 90 <= int(p) <= 97 or 100 <= int(p) <= 107):
                found.add(p)
            i += 1
    return found


def test_no_color_with_a_remembered_rgb_theme_draws_no_colour(tmux):
    """The trial: a theme picked earlier (nord), then NO_COLOR=1: quotes were grey on grey."""
    from briefing.config import save_setting

    save_setting("theme", "nord")  # the test's own XDG config dir
    _start(tmux, str(SEED.relative_to(ROOT)), width=80, height=24, env={"NO_COLOR": "1"})
    tmux.wait_for(r"2 Quotes \d+")
    tmux.keys("2")
    tmux.wait_for(r"All speakers")
    captured = tmux.run("capture-pane", "-e", "-p", "-t", tmux.session).stdout
    assert "All speakers" in captured
    assert colour_codes(captured) == set(), "NO_COLOR: no colour at all, whatever the theme"
    assert "\x1b[" in captured, "bold/italic/underline still mark things"
    tmux.keys("q")
    assert tmux.wait_gone()


def test_a_linux_console_with_a_remembered_rgb_theme_uses_the_ansi_theme(tmux):
    from briefing.config import save_setting

    save_setting("theme", "nord")
    _start(tmux, str(SEED.relative_to(ROOT)), width=100, height=30, env={"TERM": "linux"})
    tmux.wait_for(r"needs more than 16\s+colours")
    tmux.wait_for(r"2 Quotes \d+")
    tmux.keys("q")
    assert tmux.wait_gone()


def test_missing_model_is_a_message_not_a_traceback(tmux):
    _start(tmux, str(SEED.relative_to(ROOT)), "--model", "no_such_model_xyz")
    screen = tmux.wait_for(r"Analysis unavailable|analysis failed")
    assert "Traceback" not in screen
    assert "UN Secretary-General" in screen, "the text is still there to read"
    tmux.keys("q")
    assert tmux.wait_gone()


def test_large_briefing_is_analysed_in_parallel_inside_the_app(tmux, tmp_path):
    """From PARALLEL_FROM articles the runner uses worker processes; they must start under Textual."""
    from briefing.analysis.runner import PARALLEL_FROM

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(PARALLEL_FROM):
        (folder / f"{i:02}.txt").write_text(
            f"Town hall vote number {i}\n"
            f"The town council voted on Tuesday to spend {i + 2} million pounds on new bus lanes. "
            f'"This will cut journey times for {i + 100} commuters," said councillor Jane Moss.\n',
            encoding="utf-8",
        )
    _start(tmux, str(folder), width=100, height=30)
    tmux.wait_for(r"Town hall vote number 0")
    screen = tmux.wait_for(rf"analysed {PARALLEL_FROM - 1} of|2 Quotes \d+.*|analysis failed", limit=LIMIT)
    deadline = time.monotonic() + LIMIT
    while "analysed" in screen and "failed" not in screen and time.monotonic() < deadline:
        time.sleep(0.5)
        screen = tmux.screen()
    assert "analysis failed" not in screen, screen
    assert "analysed" not in screen, f"the analysis did not finish:\n{screen}"
    tmux.keys("q")
    assert tmux.wait_gone()


def test_review_copy_export_and_two_copies_in_real_terminals(tmux, isolated_dirs, tmp_path):
    """Two copies of the reader mark the same article at once; y reaches tmux as OSC 52; e writes
    the export and asks before overwriting; a third run shows every mark."""
    import sqlite3

    from briefing.config import config_path, data_dir

    exports = tmp_path / "exports"
    exports.mkdir()
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(f'export_dir = "{exports.as_posix()}"\n', encoding="utf-8")
    seed = str(SEED.relative_to(ROOT))
    _start(tmux, seed, width=80, height=24)
    tmux.run("set-option", "-s", "set-clipboard", "on")
    tmux.wait_for(r"2 Quotes \d+")
    other = Tmux(tmux.socket, "second")
    environment = " ".join(f"{k}={shlex.quote(os.environ[k])}" for k in os.environ if k.startswith("XDG_"))
    tmux.run("new-session", "-d", "-s", "second", "-x", "80", "-y", "24",
             f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u LINES {environment} TERM=xterm-256color "
             f"{shlex.quote(str(_briefing_exe()))} {shlex.quote(seed)}")
    other.wait_for(r"2 Quotes \d+")

    tmux.keys("2")
    tmux.wait_for(r"All speakers")
    tmux.keys("Space")
    tmux.wait_for(r"1/\d+ reviewed")
    other.keys("2")
    other.wait_for(r"All speakers")
    other.keys("j", "f")
    # Its write rereads the store: the first copy's mark shows here too.
    other.wait_for(r"1/\d+ reviewed, 1 flagged")

    tmux.keys("y")
    screen = tmux.wait_for(r"Copied quote")
    buffer = tmux.run("show-buffer", check=False).stdout
    assert buffer.startswith("\u201c") and "\u2014" in buffer, (buffer, screen)

    tmux.keys("e")
    tmux.wait_for(r"Exported")
    (written,) = exports.glob("briefing-*.md")
    assert written.read_text(encoding="utf-8").startswith("# Briefing summary")
    written.write_text("OLD", encoding="utf-8")
    tmux.keys("e")
    tmux.wait_for(r"Overwrite")
    tmux.keys("n")
    tmux.wait_for(r"Kept")
    assert written.read_text(encoding="utf-8") == "OLD"

    for t in (tmux, other):
        t.keys("q")
        assert t.wait_gone(), "q did not quit"
    db = data_dir() / "review.sqlite3"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = conn.execute("SELECT reviewed, flagged FROM marks WHERE kind = 'quote'").fetchall()
    assert sorted(rows) == [(0, 1), (1, 0)], "both copies' marks are kept"

    _start(tmux, seed, width=80, height=24)
    tmux.wait_for(r"2 Quotes \d+")
    tmux.keys("2")
    screen = tmux.wait_for(r"All speakers")
    assert "1/" in screen and "1 flagged" in screen
    rows = [line for line in screen.splitlines() if line[:1] in ("\u2713",) or line[1:2] == "\u2691"]
    assert len(rows) == 2, screen
    tmux.keys("q")
    assert tmux.wait_gone()
