"""The base of every list in the reader: an OptionList of items with a mark column.

OptionList draws only the lines on screen, so a list of thousands of items stays cheap.
Each row starts with a narrow mark column (empty unless ``mark_for`` says otherwise), which
the review features use to show reviewed / flagged items; the rest is the item's own
prompt, wrapped with a hanging indent, and under it the item's note (``note_for``) if any.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from rich.cells import set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Actor, Figure, Quote
from briefing.storage.review import ItemRef
from briefing.tui import keys
from briefing.tui.messages import JumpTo, Target

T = TypeVar("T")

MARK_WIDTH = 3  # two signs (reviewed, flag or note) and a space
NOTE_SHOWN = 160  # characters of a note shown under its item


class MarkedRow:
    """A row: the mark column (``MARK_WIDTH`` cells), then ``body`` wrapping under itself.

    A two-column ``Table.grid`` drew the same, but a list measures every row's height by
    drawing it, and the table took twice as long (200 article rows: 47 ms against 22 ms,
    time that the first key after the first paint waited for)."""

    def __init__(self, mark: str, body: RenderableType) -> None:
        self.mark = set_cell_size(mark, MARK_WIDTH)
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        inner = options.update_width(max(1, options.max_width - MARK_WIDTH))
        lines = console.render_lines(self.body, inner, pad=True)
        first, under = Segment(self.mark), Segment(" " * MARK_WIDTH)
        for i, line in enumerate(lines):
            yield first if i == 0 else under
            yield from line
            yield Segment.line()


class ItemList(OptionList, Generic[T]):
    """A list of items (quotes, actors, figures, articles) that can point into the text."""

    BINDINGS = keys.MOVE + keys.LISTS

    DEFAULT_CSS = """
    ItemList {
        /* Rows are measured once; a scrollbar appearing later must not narrow them. */
        scrollbar-gutter: stable;
        height: 1fr;
        max-height: 100%;
        border: none;
        padding: 0;
        &:focus { border: none; }
        & > .option-list--option { padding: 0 1 0 0; }
        /* A tint, not a solid bar, so speakers keep their colours on the highlighted row. */
        &:focus > .option-list--option-highlighted {
            background: $primary 30%; color: $foreground; text-style: none;
        }
        & > .option-list--option-highlighted { background: $primary 12%; color: $foreground; }
        &:ansi:focus > .option-list--option-highlighted { background: ansi_bright_black; text-style: bold; }
        &:ansi > .option-list--option-highlighted { background: ansi_default; text-style: underline; }
        &:nocolor > .option-list--option-highlighted { text-style: underline; }
        &:nocolor:focus > .option-list--option-highlighted { text-style: underline; }
    }
    """

    dividers = True
    empty_message = "Nothing here."

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.items: list[T] = []
        self.mark_for: Callable[[str], str] | None = None
        self.note_for: Callable[[str], str] | None = None

    # -- what subclasses say about their items ---------------------------------------------

    def item_id(self, item: T) -> str:
        raise NotImplementedError

    def item_prompt(self, item: T) -> RenderableType:
        raise NotImplementedError

    def review_item(self, item: T) -> Quote | Actor | Figure | None:
        """The quote, actor or figure that reviewing this row marks (None: nothing)."""
        return None

    def mark_key(self, item: T) -> str:
        """The key ``mark_for`` and ``note_for`` are asked about: the reviewed item's ``ItemRef.id``."""
        target = self.review_item(item)
        return ItemRef.of(target).id if target is not None else ""

    def row_mark(self, item: T) -> tuple[str, str]:
        """(mark column, note) of a row."""
        key = self.mark_key(item)
        if not key:
            return "", ""
        mark = self.mark_for(key) if self.mark_for else ""
        note = self.note_for(key) if self.note_for else ""
        return mark, note

    def item_text(self, item: T) -> str:
        """Plain text of an item, for search."""
        return ""

    def item_target(self, item: T) -> Target | None:
        """Where ``enter`` on this item goes in the text (None: nowhere)."""
        return None

    # -- filling ---------------------------------------------------------------------------------

    def set_items(self, items: Sequence[T], keep: str | None = None) -> None:
        """Replace the items; keep the highlight on the item with id ``keep`` if still there."""
        self.items = list(items)
        if not self.items:
            self.show_message(self.empty_message)
            return
        options: list[Any] = []
        for item in self.items:
            options.append(Option(self._row(item), id=self.item_id(item)))
            if self.dividers:
                options.append(None)
        if self.dividers:
            options.pop()
        self.set_options(options)
        index = 0
        if keep is not None:
            index = next((i for i, it in enumerate(self.items) if self.item_id(it) == keep), 0)
        self.highlighted = index

    def show_message(self, message: str, style: str = "dim italic") -> None:
        """Show one line of text instead of items (loading, failure, nothing found)."""
        self.items = []
        self.set_options([Option(Text(message, style=style), disabled=True)])
        self.highlighted = None

    def _row(self, item: T) -> RenderableType:
        mark, note = self.row_mark(item)
        body = self.item_prompt(item)
        if note:
            note = " ".join(note.split())
            if len(note) > NOTE_SHOWN:
                note = note[: NOTE_SHOWN - 1] + "\u2026"
            body = Group(body, Text.assemble(("\u270e ", "bold"), (note, "italic")))
        return MarkedRow(mark, body)

    def refresh_marks(self) -> None:
        """Redraw every row's mark column and note (after ``mark_for``/``note_for`` changed)."""
        for index, item in enumerate(self.items):
            self.replace_option_prompt_at_index(index, self._row(item))

    def refresh_item(self, index: int) -> None:
        """Redraw one row (its item, mark or note changed)."""
        if 0 <= index < len(self.items):
            self._replace_row(index, self._row(self.items[index]))

    def _replace_row(self, index: int, prompt: RenderableType) -> None:
        """Replace one row, measuring only that row when its height stays the same.

        ``OptionList.replace_option_prompt_at_index`` drops every row's measured height, and
        measuring a row means rendering it: in a list of 200 articles each arriving
        analysis re-measured all 200, some 150 ms, which keys waited behind. This measures
        and renders the one row again and shifts the line table of the rows under it when its
        height changed (OptionList's own way is kept when its internals are not as expected).
        """
        option = self.get_option_at_index(index)
        lines = getattr(self, "_line_cache", None)
        renders = getattr(self, "_option_render_cache", None)
        old = getattr(lines, "heights", {}).get(index)
        usable = renders is not None and hasattr(option, "_set_prompt") and bool(self.scrollable_content_region)
        if old is None or not usable:
            self.replace_option_prompt_at_index(index, prompt)
            return
        option._set_prompt(prompt)
        for key in [key for key in renders.keys() if key[0] is option]:
            renders.discard(key)
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        padding = self.get_component_styles("option-list--option").padding
        new = self._get_visual(option).get_height(self.styles, width - padding.width) + option._divider
        if new != old:
            first = lines.index_to_line.get(index)
            if first is None:
                self._clear_caches()
                return
            lines.lines[first:first + old] = [(index, line) for line in range(new)]
            lines.heights[index] = new
            shift = new - old
            for later in range(index + 1, len(self.options)):
                if later in lines.index_to_line:
                    lines.index_to_line[later] += shift
            self._update_lines()  # the new virtual size (nothing is measured again)
        self.refresh()

    # -- reading -----------------------------------------------------------------------------------

    @property
    def current(self) -> T | None:
        index = self.highlighted
        if index is None or not (0 <= index < len(self.items)):
            return None
        return self.items[index]

    def highlight_id(self, item_id: str) -> bool:
        for index, item in enumerate(self.items):
            if self.item_id(item) == item_id:
                self.highlighted = index
                self.scroll_to_highlight()
                return True
        return False

    def find(self, query: str, forward: bool = True) -> int | None:
        """Move to the next item (after the highlighted one) whose text contains ``query``."""
        if not self.items or not query:
            return None
        needle = query.casefold()
        count = len(self.items)
        here = self.highlighted if self.highlighted is not None else (-1 if forward else count)
        for step in range(1, count + 1):
            index = (here + step if forward else here - step) % count
            if needle in self.item_text(self.items[index]).casefold():
                self.highlighted = index
                self.scroll_to_highlight()
                return index
        return None

    def count_matches(self, query: str) -> int:
        needle = query.casefold()
        return sum(needle in self.item_text(item).casefold() for item in self.items)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self:
            return
        event.stop()
        item = self.current
        if item is None:
            return
        self.item_selected(item)

    def item_selected(self, item: T) -> None:
        target = self.item_target(item)
        if target is not None:
            self.post_message(JumpTo(target))
