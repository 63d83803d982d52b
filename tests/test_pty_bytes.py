"""The raw bytes the real reader writes to its terminal, for an article full of escape sequences.

``briefing`` (the installed command next to ``sys.executable``) runs in a pseudo-terminal of
100x30 on an article carrying a window-title OSC, an OSC 52 clipboard write, a screen clear,
an 8-bit CSI and bidi overrides. The test reads everything the app writes while it visits
every pane, and checks that none of those payloads reaches the terminal as a control sequence,
and that their visible stand-ins (U+241B for ESC, U+FFFD for C1 and bidi controls) do.

Textual writes its own control sequences (cursor moves, colours, the mouse pointer's OSC 22),
so the checks look for the article's payloads (each followed by a unique marker), not for ESC
in general. Waits are polls with a generous overall limit; nothing depends on timing.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import sqlite3
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")

pytestmark = pytest.mark.e2e

LIMIT = 180.0  # seconds for anything to appear (spaCy loads on 2 busy cores)
COLS, ROWS = 100, 30

ESC_PICTURE = "\u241b"
BEL_PICTURE = "\u2407"
REPLACEMENT = "\ufffd"

# Each payload is followed by a marker found nowhere else, so its bytes can be told apart from
# whatever Textual itself writes.
ARTICLE = (
    "Zanzibarite harbour plan backed by mayor\n\n"
    "Mayor Ada Okonkwo said on Monday that the harbour plan would cost 42 million pounds. "
    "\"This plan \x1b]0;PWNTITLE\x07 is good for every family in the town,\" said Okonkwo.\n\n"
    "Critics said fares could rise by 15 percent \x1b[2JPWNCLEAR within two years "
    "\x1b]52;c;UFdOQ0xJUA==\x07 and more. The council \u009bKPWNCSI voted \u202ePWNBIDI\u202c on it "
    "\x1b]2;PWNTITLE2\x1b\\ yesterday \u2066PWNISOLATE\u2069 and \x1bPPWNDCS\x1b\\ again.\n"
)

# (raw bytes that must never be written, the visible form that must be)
PAYLOADS = [
    (b"\x1b]0;PWNTITLE", ESC_PICTURE + "]0;PWNTITLE" + BEL_PICTURE),
    (b"\x1b[2JPWNCLEAR", ESC_PICTURE + "[2JPWNCLEAR"),
    (b"\x1b]52;c;UFdOQ0xJUA", ESC_PICTURE + "]52;c;UFdOQ0xJUA=="),
    ("\u009bKPWNCSI".encode(), REPLACEMENT + "KPWNCSI"),
    (b"\x9bKPWNCSI", REPLACEMENT + "KPWNCSI"),
    ("\u202ePWNBIDI".encode(), REPLACEMENT + "PWNBIDI" + REPLACEMENT),
    ("\u2066PWNISOLATE".encode(), REPLACEMENT + "PWNISOLATE" + REPLACEMENT),
    (b"\x1b]2;PWNTITLE2", ESC_PICTURE + "]2;PWNTITLE2" + ESC_PICTURE + "\\"),
    (b"\x1bPPWNDCS", ESC_PICTURE + "PPWNDCS" + ESC_PICTURE + "\\"),
]

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def _briefing_exe() -> Path:
    exe = Path(sys.executable).with_name("briefing")
    if not exe.exists():
        pytest.skip(f"the briefing command is not installed next to {sys.executable}")
    return exe


class Terminal:
    """The app in a pty: everything it writes is kept in ``out``."""

    def __init__(self, argv: list[str], cwd: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        env.pop("NO_COLOR", None)
        self.out = bytearray()
        self.status: int | None = None
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, then become the app
            try:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd

    def read_some(self, wait: float = 0.2) -> bool:
        """Read what is there; False once the app has closed the terminal."""
        if self.fd < 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the other side is gone
            data = b""
        if not data:
            return False
        self.out.extend(data)
        return True

    def wait_for(self, needle: bytes, since: int = 0, limit: float = LIMIT) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if needle in self.out[since:]:
                return
            if not self.read_some():
                break
        tail = bytes(self.out[-3000:]).decode("utf-8", "replace")
        raise AssertionError(f"{needle!r} never appeared; the last output was:\n{tail}")

    def press(self, key: bytes, then_wait_for: bytes) -> None:
        since = len(self.out)
        os.write(self.fd, key)
        self.wait_for(then_wait_for, since)

    def wait_exit(self, limit: float = 60.0) -> int | None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            self.read_some(0.1)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = status
                while self.read_some(0.1):  # what it wrote last is still in the pty's buffer
                    pass
                return status
        return None

    def hang_up(self) -> None:
        """Close our side of the terminal: the app gets SIGHUP, as when an SSH link drops."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.hang_up()


@pytest.fixture
def hostile_article(tmp_path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_article_escape_sequences_never_reach_the_terminal(hostile_article, tmp_path):
    term = Terminal([str(_briefing_exe()), str(hostile_article)], tmp_path)
    try:
        term.wait_for(b"PWNCLEAR")  # the text pane paints before the analysis is in
        # Each pane in turn, waiting until it shows what the analysis found there.
        term.press(b"2", b"PWNTITLE")  # the quote carries the title payload
        term.press(b"3", b"Okonkwo")
        term.press(b"4", b"percent")
        term.press(b"1", b"PWNDCS")
        os.write(term.fd, b"q")
        status = term.wait_exit()
        assert status is not None, "the app did not quit on q"
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        term.close()

    raw = bytes(term.out)
    text = raw.decode("utf-8", "surrogateescape")
    for payload, visible in PAYLOADS:
        assert payload not in raw, f"{payload!r} reached the terminal"
    # The app itself sets no window title and writes no clipboard (it copies only on y).
    for sequence in (b"\x1b]0;", b"\x1b]1;", b"\x1b]2;", b"\x1b]52;"):
        assert sequence not in raw, f"{sequence!r} written"
    # No 8-bit C1 control, neither as a character nor as a stray byte outside UTF-8.
    assert not [c for c in text if 0x80 <= ord(c) <= 0x9F], "a C1 control was written"
    assert not [c for c in text if 0xDC80 <= ord(c) <= 0xDCFF], "bytes that are not UTF-8 were written"
    assert not [c for c in text if c in BIDI], "a bidi control was written"
    # What the article said is on screen, made visible (colours stripped between the characters).
    plain = _CSI.sub("", text)
    for payload, visible in PAYLOADS:
        if payload.startswith(b"\x9b"):
            continue  # the same visible form as the UTF-8 C1 payload
        assert visible in plain, f"{visible!r} not shown"
    assert "[2JPWNCLEAR" in plain


def test_a_terminal_hang_up_ends_the_app_and_leaves_no_half_written_state(hostile_article, tmp_path):
    """SIGHUP (the terminal went away) while the reader runs: it ends, and what it keeps on
    disk (review marks, cache entries) is whole: no temp files, a database that checks out."""
    term = Terminal([str(_briefing_exe()), str(hostile_article)], tmp_path)
    try:
        term.wait_for(b"PWNCLEAR")
        term.press(b"2", b"PWNTITLE")  # the analysis is in (and being cached)
        os.write(term.fd, b" ")  # mark the first quote reviewed: a write to the review store
        term.read_some(0.5)
        term.hang_up()
        status = term.wait_exit(limit=60.0)
        assert status is not None, "the app kept running after its terminal hung up"
    finally:
        term.close()

    state = [Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")]
    leftovers = [p for root in state for p in root.rglob("*")
                 if p.is_file() and (p.name.startswith(".") or p.suffix == ".tmp")]
    assert leftovers == []
    databases = [p for p in state[0].rglob("*.sqlite3")]
    assert databases, "the reader opened no review store"
    for db in databases:
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    for entry in state[1].rglob("*.json"):
        json.loads(entry.read_text(encoding="utf-8"))  # every cache entry is whole JSON


def test_a_hang_up_while_the_app_is_drawing_ends_it(hostile_article, tmp_path):
    """The terminal goes away while the app has frames to write (a burst of pane switches):
    the writes fail (EIO) and must not pile up until the app blocks on them. Hanging up
    mid-draw is what made the reader hang now and then; here it is the common case."""
    for _ in range(3):
        term = Terminal([str(_briefing_exe()), str(hostile_article)], tmp_path)
        try:
            term.wait_for(b"PWNCLEAR")
            os.write(term.fd, b"2143" * 25)  # a hundred keys, each a redraw
            term.hang_up()
            status = term.wait_exit(limit=60.0)
            assert status is not None, "the app kept running after its terminal hung up"
        finally:
            term.close()
