"""The note editor: one line of text for the highlighted item; enter saves, escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.storage.review import NOTE_MAX


class NoteScreen(ModalScreen["str | None"]):
    """Dismisses with the new note ("" removes it), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    DEFAULT_CSS = """
    NoteScreen { align: center middle; }
    NoteScreen > Vertical {
        width: 90%; max-width: 90; height: auto;
        border: round $border; padding: 0 1; background: $surface;
    }
    NoteScreen #note-title { text-style: bold; }
    NoteScreen #note-input { margin: 1 0 0 0; }
    """

    def __init__(self, what: str, note: str = "") -> None:
        super().__init__()
        self.what = what
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Text("Note", style="bold"), id="note-title")
            yield Static(Text(self.what, no_wrap=True, overflow="ellipsis"), id="note-what")
            yield Input(value=" ".join(self.note.split()), max_length=NOTE_MAX,
                        placeholder="your note", id="note-input")
            hint = "enter saves \u00b7 escape cancels" + (" \u00b7 empty removes the note" if self.note else "")
            yield Static(Text(hint, style="dim"), id="note-hint")

    def on_mount(self) -> None:
        self.query_one("#note-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
