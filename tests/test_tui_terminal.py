"""The reader when its terminal goes away: writes that fail never block, signals end it cleanly.

The cause of a rare hang after a terminal hang-up: Textual's output thread died on the first
failed write (EIO), and the app's later writes waited forever on the thread's full queue.
"""

from __future__ import annotations

import signal

import pytest

from briefing.tui.terminal import HangUpSafeFile, hang_up_safe, restore_handlers, saved_handlers

pytest.importorskip("termios")


class DeadTerminal:
    """A terminal that has hung up: every write and flush fails with EIO."""

    def __init__(self) -> None:
        self.attempts = 0

    def write(self, text: str) -> int:
        self.attempts += 1
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")

    def fileno(self) -> int:
        return 2


def test_writes_after_a_hang_up_are_dropped_not_raised():
    dead = DeadTerminal()
    safe = HangUpSafeFile(dead)
    assert safe.write("frame") == 5
    safe.flush()
    assert safe.gone
    for _ in range(100):
        safe.write("more")
    assert dead.attempts == 1, "once the terminal is gone nothing more is tried"
    assert safe.fileno() == 2


def test_the_output_thread_survives_a_dead_terminal_and_stops():
    """Textual's writer queue holds 30 writes: with a dead output thread the 31st blocks for
    ever. Through HangUpSafeFile the thread keeps draining and stop() returns."""
    from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

    writer = WriterThread(HangUpSafeFile(DeadTerminal()))
    writer.start()
    for _ in range(MAX_QUEUED_WRITES * 10):
        writer.write("\x1b[?25h frame")
    writer.stop()  # joins the thread
    assert not writer.is_alive()


def test_the_reader_drives_the_terminal_through_the_safe_file():
    from textual.drivers.linux_driver import LinuxDriver

    safe_class = hang_up_safe(LinuxDriver)
    assert issubclass(safe_class, LinuxDriver) and safe_class is not LinuxDriver
    from tui_support import make_app

    app = make_app()
    assert issubclass(app.driver_class, LinuxDriver)
    assert app.driver_class.__name__ == "HangUpSafeLinuxDriver"


def test_the_exit_signal_handlers_are_given_back_after_the_app():
    def mine(signum, frame):  # pragma: no cover - never called
        raise SystemExit(1)

    before = signal.getsignal(signal.SIGHUP)
    signal.signal(signal.SIGHUP, mine)
    try:
        saved = saved_handlers()
        signal.signal(signal.SIGHUP, signal.SIG_DFL)  # what a closing event loop leaves
        restore_handlers(saved)
        assert signal.getsignal(signal.SIGHUP) is mine
    finally:
        signal.signal(signal.SIGHUP, before)
