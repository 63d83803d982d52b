"""The reader: a Textual app over a ``Briefing``. Importing this package does not import spaCy."""

from __future__ import annotations

from briefing.model import Briefing


def run_app(briefing: Briefing, model_name: str | None = None) -> int:
    """Open the reader on ``briefing``; returns the exit status."""
    from briefing.tui.app import BriefingApp
    from briefing.tui.terminal import restore_handlers, saved_handlers

    app = BriefingApp(briefing, model_name)
    saved = saved_handlers()  # the app's event loop takes SIGHUP/SIGTERM, and resets them when it closes
    try:
        app.run()
    finally:
        restore_handlers(saved)
    return app.return_code or 0
