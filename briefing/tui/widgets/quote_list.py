"""The quotes pane: each quote with its speaker and role, filterable by speaker."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from briefing.model import ArticleAnalysis, Quote
from briefing.tui import keys
from briefing.tui.colours import SpeakerColours
from briefing.tui.messages import Target
from briefing.tui.widgets.item_list import ItemList
from briefing.wording import plural

OPEN, CLOSE = "\u201c", "\u201d"


def quoted(text: str) -> str:
    text = " ".join(text.split())
    if text[:1] in "\"'\u201c\u2018\u00ab":
        return text
    return f"{OPEN}{text}{CLOSE}"


def speaker_label(analysis: ArticleAnalysis, quote: Quote, colours: SpeakerColours) -> Text:
    """'Name · role' with the name in the speaker's colour; 'unattributed' when unknown."""
    actor = analysis.actor(quote.actor_id)
    name = actor.name if actor else quote.speaker
    if not name:
        return Text("unattributed", style="dim italic")
    label = Text.assemble((name, colours.name_style(quote.actor_id if actor else None)))
    if actor and actor.role:
        label.append(f" \u00b7 {actor.role}", style="dim")
    return label


class QuoteList(ItemList[Quote]):
    """Quotes in reading order, optionally only one speaker's."""

    BINDINGS = keys.QUOTES
    empty_message = "No quotes found in this article."

    class FilterChanged(Message):
        def __init__(self, quote_list: "QuoteList") -> None:
            super().__init__()
            self.quote_list = quote_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis: ArticleAnalysis | None = None
        self.colours = SpeakerColours(None)
        self.speaker: str | None = None  # actor id, or None for everyone

    def show(self, analysis: ArticleAnalysis, colours: SpeakerColours) -> None:
        same = self.analysis is not None and self.analysis.article.id == analysis.article.id
        keep = self.item_id(self.current) if same and self.current is not None else None
        if not same:
            self.speaker = None
        self.analysis = analysis
        self.colours = colours
        self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        if self.analysis is None:
            return
        quotes = [q for q in self.analysis.quotes if self.speaker is None or q.actor_id == self.speaker]
        self.set_items(quotes, keep)
        self.post_message(self.FilterChanged(self))

    @property
    def speakers(self) -> list[str]:
        """Actor ids of everyone quoted, most salient first."""
        if self.analysis is None:
            return []
        quoted_ids = {q.actor_id for q in self.analysis.quotes if q.actor_id}
        return [a.id for a in self.analysis.actors if a.id in quoted_ids]  # the core's order

    def set_speaker(self, actor_id: str | None) -> None:
        self.speaker = actor_id
        self._fill()

    def action_next_speaker(self) -> None:
        options: list[str | None] = [None, *self.speakers]
        here = options.index(self.speaker) if self.speaker in options else 0
        self.set_speaker(options[(here + 1) % len(options)])

    def action_all_speakers(self) -> None:
        self.set_speaker(None)

    def describe_filter(self) -> Text:
        if self.analysis is None:
            return Text("Quotes", style="bold")
        total = len(self.analysis.quotes)
        if self.speaker is None:
            label = Text(f"All speakers \u00b7 {plural(total, 'quote')}", style="bold")
        else:
            actor = self.analysis.actor(self.speaker)
            label = Text("Only ", style="bold")
            label.append(actor.name if actor else "?", style=self.colours.name_style(self.speaker))
            label.append(f" \u00b7 {len(self.items)} of {total}", style="bold")
        if self.speakers:
            label.append("   s: next speaker", style="dim")
        return label

    def item_id(self, item: Quote) -> str:
        article = self.analysis.article.id if self.analysis else ""
        return f"quote:{article}:{item.start}-{item.end}"

    def review_item(self, item: Quote) -> Quote:
        return item

    def item_prompt(self, item: Quote) -> Text:
        assert self.analysis is not None
        prompt = speaker_label(self.analysis, item, self.colours)
        prompt.append("\n")
        prompt.append(quoted(item.text), style=self.colours.quote_style(item.actor_id))
        return prompt

    def item_text(self, item: Quote) -> str:
        return f"{item.speaker or ''} {item.text}"

    def item_target(self, item: Quote) -> Target:
        return Target(item.start, item.end, "quote", item.actor_id)


class QuotePane(Vertical):
    """The filter line above the quote list."""

    DEFAULT_CSS = """
    QuotePane > .pane-header { height: 1; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("Quotes", style="bold"), classes="pane-header", id="quotes-header")
        yield QuoteList(id="quote-list")

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    def on_quote_list_filter_changed(self, event: QuoteList.FilterChanged) -> None:
        self.query_one("#quotes-header", Static).update(event.quote_list.describe_filter())
