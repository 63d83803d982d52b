"""The reader: a Textual app over a ``Briefing``. Importing this package does not import spaCy."""

from __future__ import annotations

from briefing.model import Briefing


def run_app(briefing: Briefing, model_name: str | None = None) -> int:
    """Open the reader on ``briefing``; returns the exit status."""
    from briefing.tui.app import BriefingApp

    app = BriefingApp(briefing, model_name)
    app.run()
    return app.return_code or 0
