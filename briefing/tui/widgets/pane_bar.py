"""The one-line bar of pane names ("1 Text  2 Quotes 12 ..."); click or press the number."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

PANES = ("text", "quotes", "actors", "figures")
TITLES = {"text": "Text", "quotes": "Quotes", "actors": "Actors", "figures": "Figures"}


class PaneBar(Widget):
    """Shows which pane is active; the list shown beside the text is underlined on wide screens."""

    COMPONENT_CLASSES = {"pane-bar--active", "pane-bar--shown", "pane-bar--key", "pane-bar--count"}

    DEFAULT_CSS = """
    PaneBar {
        height: 1;
        & > .pane-bar--active { text-style: bold reverse; }
        & > .pane-bar--shown { text-style: bold underline; }
        & > .pane-bar--key { text-style: bold; color: $text-accent; }
        & > .pane-bar--count { text-style: dim; }
    }
    """

    class Chosen(Message):
        def __init__(self, pane: str) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.active = "text"
        self.shown: str | None = None
        self.counts: dict[str, int | None] = {}
        self._extents: list[tuple[int, int, str]] = []

    def update_state(self, active: str, shown: str | None, counts: dict[str, int | None]) -> None:
        self.active, self.shown, self.counts = active, shown, dict(counts)
        self.refresh()

    def render(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        self._extents = []
        for number, pane in enumerate(PANES, 1):
            start = out.cell_len
            label = Text(" ")
            label.append(str(number), style=self.get_component_rich_style("pane-bar--key", partial=True))
            label.append(f" {TITLES[pane]}")
            count = self.counts.get(pane)
            if count is not None:
                label.append(f" {count}", style=self.get_component_rich_style("pane-bar--count", partial=True))
            label.append(" ")
            if pane == self.active:
                label.stylize(self.get_component_rich_style("pane-bar--active", partial=True))
            elif pane == self.shown:
                label.stylize(self.get_component_rich_style("pane-bar--shown", partial=True), 1, len(label) - 1)
            out.append_text(label)
            self._extents.append((start, out.cell_len, pane))
            out.append(" ")
        return out

    def on_click(self, event: events.Click) -> None:
        for start, end, pane in self._extents:
            if start <= event.x < end:
                self.post_message(self.Chosen(pane))
                return
