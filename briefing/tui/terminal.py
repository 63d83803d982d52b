"""The terminal going away (an SSH link dropping, a closed window): end the reader cleanly.

When the terminal hangs up, the process gets SIGHUP and every read and write on the terminal
fails (EIO). Textual, left alone, copes with neither:

* its output thread dies on the first failed write, and every later write waits forever on
  the thread's full queue, the last ones while the app shuts down: the app hangs;
* a SIGHUP handler that raises (the command line's, which makes a plain exit unwind) lands
  anywhere in the event loop, and skips Textual's shutdown (workers are not cancelled, the
  review store is not closed).

So the reader writes through ``HangUpSafeFile`` (a failed write means the terminal is gone:
later output is dropped, never queued without end), ends on a read error on the terminal as
on a hang-up, and takes SIGHUP and SIGTERM as requests to exit, run in the event loop.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any

EXIT_SIGNALS = ("SIGHUP", "SIGTERM")


class HangUpSafeFile:
    """A text file whose writes stop, silently, at the first failure (the terminal is gone)."""

    def __init__(self, file: Any) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self._file.write(text)
            except (OSError, ValueError):
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self.gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def hang_up_safe(driver_class: type) -> type:
    """``driver_class`` writing through a ``HangUpSafeFile`` and ending the app when reading
    the terminal fails (drivers without a ``_file`` are returned as they are)."""
    try:
        from textual.drivers.linux_driver import LinuxDriver
    except ImportError:  # no termios (Windows)
        return driver_class
    if not issubclass(driver_class, LinuxDriver):
        return driver_class

    class HangUpSafeDriver(driver_class):  # type: ignore[misc, valid-type]
        def __init__(self, app, **kwargs) -> None:
            super().__init__(app, **kwargs)
            self._file = HangUpSafeFile(self._file)

        def run_input_thread(self) -> None:
            try:
                super().run_input_thread()
            except OSError:  # EIO: the terminal is gone
                ended = getattr(self._app, "terminal_gone", None)
                if ended is None:
                    raise
                self._app.call_later(ended)

    HangUpSafeDriver.__name__ = f"HangUpSafe{driver_class.__name__}"
    return HangUpSafeDriver


def install_exit_signals(loop, on_signal: Callable[[int], None]) -> list[int]:
    """Run ``on_signal(signum)`` in ``loop`` on SIGHUP and SIGTERM; returns the signals set."""
    installed = []
    for name in EXIT_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            loop.add_signal_handler(signum, on_signal, signum)
        except (NotImplementedError, RuntimeError, ValueError, OSError):
            continue
        installed.append(signum)
    return installed


def saved_handlers() -> dict[int, Any]:
    """The process's handlers of the exit signals (the event loop resets them when it closes)."""
    saved = {}
    for name in EXIT_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is not None:
            saved[signum] = signal.getsignal(signum)
    return saved


def restore_handlers(saved: dict[int, Any]) -> None:
    for signum, handler in saved.items():
        if handler is None:
            continue
        try:
            signal.signal(signum, handler)
        except (ValueError, OSError, TypeError):
            pass
