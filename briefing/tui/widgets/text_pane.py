"""The text pane: the article, with quotes, names and figures styled by spans.

A Line-API widget: it wraps the article itself (``briefing.tui.wrap``) so it knows which
display line holds any character, which is what jumping to a quote or a figure needs. Its
cursor moves between the highlighted things in the text (``h``/``l``), and ``c`` cycles
through the other mentions of the actor (or the other figures) under it.
"""

from __future__ import annotations

import bisect
import re

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.model import Article, ArticleAnalysis
from briefing.tui import keys
from briefing.tui.colours import SpeakerColours
from briefing.tui.messages import ShowInList, Target
from briefing.tui.wrap import line_of, wrap_offsets


def targets_of(analysis: ArticleAnalysis) -> list[Target]:
    """Everything the text cursor can stop on, in reading order."""
    items = [Target(q.start, q.end, "quote", q.actor_id) for q in analysis.quotes]
    for actor in analysis.actors:
        items.extend(Target(s, e, "mention", actor.id) for s, e in actor.mentions)
    items.extend(Target(f.start, f.end, "figure") for f in analysis.figures)
    items.sort(key=lambda t: (t.start, -t.end, t.kind))
    return items


class TextPane(ScrollView, can_focus=True):
    """The article text with its analysis drawn on it."""

    BINDINGS = keys.MOVE + keys.TEXT

    COMPONENT_CLASSES = {
        "text-pane--figure",
        "text-pane--name",
        "text-pane--quote",
        "text-pane--cursor",
        "text-pane--match",
        "text-pane--flagged",
    }

    DEFAULT_CSS = """
    TextPane {
        scrollbar-gutter: stable;
        overflow-x: hidden;
        padding: 0 1;
        & > .text-pane--figure { text-style: bold underline; color: $text-warning; }
        & > .text-pane--name { text-style: bold; }
        & > .text-pane--quote { text-style: italic; }
        & > .text-pane--cursor { text-style: reverse; }
        & > .text-pane--match { text-style: bold underline; background: $warning 30%; }
        & > .text-pane--flagged { background: $error-muted; }
        &:ansi > .text-pane--flagged { background: ansi_red; color: ansi_bright_white; }
        &:nocolor > .text-pane--flagged { text-style: underline; }
    }
    """

    class CursorMoved(Message):
        """The text cursor now rests on ``target`` (None: nowhere)."""

        def __init__(self, pane: "TextPane", target: Target | None, position: str = "") -> None:
            super().__init__()
            self.pane = pane
            self.target = target
            self.position = position

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.analysis: ArticleAnalysis | None = None
        self.colours = SpeakerColours(None)
        self.items: list[Target] = []
        self.cursor: Target | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index: int | None = None
        self.flagged: list[tuple[int, int]] = []  # spans of flagged quotes, figures, actor mentions
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._wrap_width = 0
        self._spans: list[tuple[int, int, Style]] = []
        self._line_cache: dict[int, Strip] = {}
        self._pending: tuple[int, int] | None = None

    # -- content -------------------------------------------------------------------------

    def show(self, article: Article, analysis: ArticleAnalysis | None, colours: SpeakerColours) -> None:
        """Show an article (its analysis may come later, through ``set_analysis``)."""
        same = self.article is not None and self.article.id == article.id
        self.article = article
        self.analysis = analysis
        self.colours = colours
        self.items = targets_of(analysis) if analysis else []
        if not same:
            self.cursor = None
            self.matches, self.match_index = [], None
            self.flagged = []
            self._wrap_width = 0
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._rewrap()
        self._restyle()

    def set_flagged(self, spans: list[tuple[int, int]]) -> None:
        """Mark these spans (flagged items) with a subtle background."""
        spans = sorted(spans)
        if spans != self.flagged:
            self.flagged = spans
            self._restyle()

    def restyle(self, colours: SpeakerColours) -> None:
        self.colours = colours
        self._restyle()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def _restyle(self) -> None:
        spans: list[tuple[int, int, Style]] = []
        analysis = self.analysis
        if analysis is not None:
            quote = self.get_component_rich_style("text-pane--quote", partial=True)
            name = self.get_component_rich_style("text-pane--name", partial=True)
            figure = self.get_component_rich_style("text-pane--figure", partial=True)
            for q in analysis.quotes:
                spans.append((q.start, q.end, quote + self.colours.quote_style(q.actor_id)))
            for actor in analysis.actors:
                style = name + self.colours.name_style(actor.id)
                spans.extend((s, e, style) for s, e in actor.mentions)
            spans.extend((f.start, f.end, figure) for f in analysis.figures)
        if self.flagged:
            flagged = self.get_component_rich_style("text-pane--flagged", partial=True)
            spans.extend((s, e, flagged) for s, e in self.flagged)
        if self.matches:
            match = self.get_component_rich_style("text-pane--match", partial=True)
            spans.extend((s, e, match) for s, e in self.matches)
        if self.cursor is not None:
            cursor = self.get_component_rich_style("text-pane--cursor", partial=True)
            spans.append((self.cursor.start, self.cursor.end, cursor))
        self._spans = spans
        self._line_cache.clear()
        self.refresh()

    def _rewrap(self) -> None:
        region = self.scrollable_content_region
        if self.article is None or region.width <= 0:
            return
        if region.width != self._wrap_width or not self._lines:
            row = int(self.scroll_y)
            top = self._starts[row] if row < len(self._starts) else None
            self._lines = wrap_offsets(self.article.text, region.width)
            self._starts = [s for s, _ in self._lines]
            self._wrap_width = region.width
            self._line_cache.clear()
            self.virtual_size = Size(region.width, len(self._lines))
            if top is not None:
                self.scroll_to(y=line_of(self._starts, top), animate=False, immediate=True)
            self.refresh()
        if self._pending is not None and region.height:
            start, end = self._pending
            self._pending = None
            self.scroll_to_offset(start, end)

    def on_resize(self) -> None:
        self._rewrap()

    def on_show(self) -> None:
        self._rewrap()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        if width > 0 and width != self._wrap_width and self.article is not None:
            # The first frame is drawn before the Resize event arrives: wrap for it now rather
            # than show a blank pane for a frame or two (the article's first paint waited ~50 ms).
            self._rewrap()
        base = self.rich_style
        if index >= len(self._lines) or self.article is None:
            return Strip.blank(width, base)
        strip = self._line_cache.get(index)
        if strip is None:
            strip = self._render_text_line(index, base)
            self._line_cache[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_text_line(self, index: int, base: Style) -> Strip:
        assert self.article is not None
        start, end = self._lines[index]
        text = Text(self.article.text[start:end].rstrip(), no_wrap=True, end="")
        length = len(text.plain)
        for s, e, style in self._spans:
            if s < start + length and e > start:
                text.stylize(style, max(s, start) - start, min(e, start + length) - start)
        # Every segment gets the base style (Text.render leaves unstyled runs as None).
        segments = list(Segment.apply_style(text.render(self.app.console), base))
        return Strip(segments, text.cell_len)

    # -- positions -------------------------------------------------------------------------

    def line_for(self, offset: int) -> int:
        return line_of(self._starts, offset) if self._starts else 0

    def scroll_to_offset(self, start: int, end: int | None = None) -> None:
        """Scroll so the text from ``start`` is in view (about a third of the way down)."""
        self._rewrap()
        if not self._lines or not self.scrollable_content_region.height:
            self._pending = (start, end if end is not None else start)  # once laid out
            return
        first = self.line_for(start)
        last = self.line_for(max(start, (end or start) - 1))
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_y)
        if first >= top and last < top + height:
            return
        top = max(0, first - height // 3)
        if last - top >= height:  # a long quote: show its start
            top = first
        self.scroll_to(y=top, animate=False, immediate=True)

    def _visible_range(self) -> tuple[int, int]:
        top = int(self.scroll_y)
        return top, top + (self.scrollable_content_region.height or 1)

    def _in_view(self, target: Target) -> bool:
        top, bottom = self._visible_range()
        return top <= self.line_for(target.start) < bottom

    # -- cursor ----------------------------------------------------------------------------

    def set_cursor(self, target: Target | None, scroll: bool = True) -> None:
        self.cursor = target
        if target is not None and scroll:
            self.scroll_to_offset(target.start, target.end)
        self._restyle()
        self.post_message(self.CursorMoved(self, target, self.describe_position(target)))

    def describe_position(self, target: Target | None) -> str:
        """'mention 2 of 5' and the like, for the info line."""
        if target is None:
            return ""
        same = self._same_kind(target)
        if target in same:
            return f"{target.kind} {same.index(target) + 1} of {len(same)}"
        return ""

    def _same_kind(self, target: Target) -> list[Target]:
        if target.kind in ("mention", "quote") and target.actor_id:
            return [t for t in self.items if t.kind == target.kind and t.actor_id == target.actor_id]
        return [t for t in self.items if t.kind == target.kind]

    def action_next_item(self) -> None:
        self._step_item(+1)

    def action_previous_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, direction: int) -> None:
        if not self.items:
            self.notify("Nothing highlighted in this article yet.", timeout=3, markup=False)
            return
        if self.cursor is not None and self.cursor in self.items and self._in_view(self.cursor):
            i = self.items.index(self.cursor) + direction
            if 0 <= i < len(self.items):
                self.set_cursor(self.items[i])
            return
        # No cursor in view: start from the first (or last) highlight on screen.
        top, bottom = self._visible_range()
        lines = [self.line_for(t.start) for t in self.items]
        if direction > 0:
            i = bisect.bisect_left(lines, top)
        else:
            i = bisect.bisect_left(lines, bottom) - 1
        i = min(max(i, 0), len(self.items) - 1)
        self.set_cursor(self.items[i])

    def action_cycle(self) -> None:
        """Next mention of the same actor (or next quote of the speaker, or next figure)."""
        if self.cursor is None:
            self._step_item(+1)
            return
        same = self._same_kind(self.cursor)
        if not same:
            return
        later = [t for t in same if (t.start, t.end) > (self.cursor.start, self.cursor.end)]
        self.set_cursor(later[0] if later else same[0])

    def action_open(self) -> None:
        if self.cursor is None:
            self.notify("Move to a highlight with h/l first.", timeout=3, markup=False)
            return
        self.post_message(ShowInList(self.cursor))

    # -- scrolling ---------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        self.scroll_up(animate=False)

    def action_first(self) -> None:
        self.scroll_home(animate=False)

    def action_last(self) -> None:
        self.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Highlight every match of ``query`` (case-insensitive); returns how many."""
        self.matches = []
        self.match_index = None
        if self.article is not None and query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self.matches = [(m.start(), m.end()) for m in pattern.finditer(self.article.text)]
        self._restyle()
        return len(self.matches)

    def clear_search(self) -> None:
        self.matches, self.match_index = [], None
        self._restyle()

    def goto_match(self, forward: bool = True) -> tuple[int, int] | None:
        """Move to the next (or previous) match from the cursor or the top of the view."""
        if not self.matches:
            return None
        if self.match_index is None:
            top = self._starts[int(self.scroll_y)] if self._starts else 0
            starts = [s for s, _ in self.matches]
            i = bisect.bisect_left(starts, top)
            if not forward:
                i -= 1
        else:
            i = self.match_index + (1 if forward else -1)
        i %= len(self.matches)
        self.match_index = i
        s, e = self.matches[i]
        self.set_cursor(Target(s, e, "match"))
        return i + 1, len(self.matches)

