"""The actors pane: who appears, most salient first (the core's order); below, the selected actor's quotes and mentions."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static

from briefing.model import Actor, ArticleAnalysis, Quote
from briefing.tui import keys
from briefing.storage.review import ItemRef
from briefing.tui.colours import SpeakerColours
from briefing.tui.messages import Target
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.quote_list import quoted
from briefing.wording import plural

CONTEXT = 36  # characters of text either side of a mention


def snippet(text: str, start: int, end: int, style, context: int = CONTEXT) -> Text:
    """'…words before NAME words after…' on one line, the span in ``style``."""
    left, right = max(0, start - context), min(len(text), end + context)
    before, after = text[left:start], text[end:right]
    if left > 0:  # drop the cut-off first word
        cut = before.find(" ")
        before = before[cut + 1:] if cut != -1 else before
    if right < len(text):  # and the cut-off last one
        cut = after.rfind(" ")
        after = after[:cut] if cut > 0 else after
    out = Text("\u2026" if left else "", style="dim")
    out.append(before.replace("\n", " ").lstrip())
    out.append(text[start:end].replace("\n", " "), style=style)
    out.append(after.replace("\n", " ").rstrip())
    if right < len(text):
        out.append("\u2026", style="dim")
    return out


class ActorList(ItemList[Actor]):
    """Actors with role, type, and mention and quote counts."""

    empty_message = "No people or organisations found."
    dividers = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis: ArticleAnalysis | None = None
        self.colours = SpeakerColours(None)

    def show(self, analysis: ArticleAnalysis, colours: SpeakerColours) -> None:
        same = self.analysis is not None and self.analysis.article.id == analysis.article.id
        keep = self.item_id(self.current) if same and self.current is not None else None
        self.analysis = analysis
        self.colours = colours
        self.set_items(analysis.actors, keep)  # in the core's salience order, as `briefing analyze`

    def item_id(self, item: Actor) -> str:
        return self.item_id_for(item.id)

    def item_id_for(self, actor_id: str) -> str:
        article = self.analysis.article.id if self.analysis else ""
        return f"actor:{article}:{actor_id}"

    def review_item(self, item: Actor) -> Actor:
        return item

    def item_prompt(self, item: Actor) -> Text:
        prompt = Text.assemble((item.name, self.colours.name_style(item.id)))
        counts = f"  {plural(len(item.mentions), 'mention')} \u00b7 {plural(item.quote_count, 'quote')}"
        prompt.append(counts, style="dim")
        prompt.append("\n")
        detail = item.type.lower() if item.type else ""
        if item.role:
            detail = f"{item.role} \u00b7 {detail}" if detail else item.role
        prompt.append(detail or " ", style="dim italic")
        return prompt

    def item_text(self, item: Actor) -> str:
        return " ".join([item.name, item.role or "", item.type, *item.aliases])

    def on_resize(self) -> None:
        """Shorter while the detail has the focus: keep the highlighted actor in view."""
        self.call_after_refresh(self.scroll_to_highlight)

    def item_selected(self, item: Actor) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane):
            pane.open_detail()


@dataclass(frozen=True)
class Appearance:
    """One line of the actor detail: a quote by the actor or a mention of them."""

    kind: str  # "quote" or "mention"
    start: int
    end: int
    text: str = ""
    quote: Quote | None = field(default=None, compare=False)


class ActorDetail(ItemList[Appearance]):
    """The selected actor's quotes, then every mention in context."""

    BINDINGS = keys.ACTOR_DETAIL
    empty_message = "Select an actor to see their quotes and mentions."
    dividers = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis: ArticleAnalysis | None = None
        self.actor: Actor | None = None
        self.colours = SpeakerColours(None)

    def show_actor(self, analysis: ArticleAnalysis, actor: Actor | None, colours: SpeakerColours) -> None:
        self.analysis, self.actor, self.colours = analysis, actor, colours
        if actor is None:
            self.show_message(self.empty_message)
            return
        rows = [Appearance("quote", q.start, q.end, q.text, q) for q in analysis.quotes_by(actor.id)]
        rows += [Appearance("mention", s, e) for s, e in sorted(actor.mentions)]
        self.set_items(rows)

    def item_id(self, item: Appearance) -> str:
        article = self.analysis.article.id if self.analysis else ""
        return f"{item.kind}:{article}:{item.start}-{item.end}"

    def review_item(self, item: Appearance) -> Quote | Actor | None:
        """A quote row reviews the quote; a mention row reviews the actor."""
        return item.quote if item.kind == "quote" else self.actor

    def mark_key(self, item: Appearance) -> str:
        """Only quote rows show marks (every mention would repeat the actor's)."""
        return ItemRef.of(item.quote).id if item.quote is not None else ""

    def item_prompt(self, item: Appearance) -> Text:
        actor_id = self.actor.id if self.actor else None
        if item.kind == "quote":
            return Text(quoted(item.text), style=self.colours.quote_style(actor_id))
        assert self.analysis is not None
        return snippet(self.analysis.article.text, item.start, item.end, self.colours.name_style(actor_id))

    def item_text(self, item: Appearance) -> str:
        if item.kind == "quote" or self.analysis is None:
            return item.text
        text = self.analysis.article.text
        return text[max(0, item.start - CONTEXT): item.end + CONTEXT]

    def item_target(self, item: Appearance) -> Target:
        return Target(item.start, item.end, item.kind, self.actor.id if self.actor else None)

    def action_back(self) -> None:
        pane = self.parent
        if isinstance(pane, ActorPane):
            pane.actor_list.focus()


class ActorPane(Vertical):
    """Actor list above, the highlighted actor's quotes and mentions below (larger when focused)."""

    # The list has most of the height; the detail is a few lines under it while you browse,
    # and takes two thirds once you go into it (enter) to read the quotes and mentions.
    DEFAULT_CSS = """
    ActorPane > .pane-header { height: 1; padding: 0 1; }
    ActorPane > ActorList { height: 1fr; }
    ActorPane > ActorDetail { height: 30%; min-height: 3; max-height: 12; }
    ActorPane > ActorDetail:focus { height: 2fr; max-height: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield ActorList(id="actor-list")
        yield Static(" ", classes="pane-header", id="actor-detail-header")
        yield ActorDetail(id="actor-detail")

    @property
    def actor_list(self) -> ActorList:
        return self.query_one(ActorList)

    @property
    def detail(self) -> ActorDetail:
        return self.query_one(ActorDetail)

    def show(self, analysis: ArticleAnalysis, colours: SpeakerColours) -> None:
        self.actor_list.show(analysis, colours)
        self._show_detail(force=True)

    def _show_detail(self, force: bool = False) -> None:
        actor_list = self.actor_list
        analysis = actor_list.analysis
        if analysis is None:
            return
        actor = actor_list.current
        detail = self.detail
        if not force and detail.actor == actor and detail.analysis is analysis and detail.colours is actor_list.colours:
            return  # already showing (keeps the highlight)
        self.detail.show_actor(analysis, actor, actor_list.colours)
        header = self.query_one("#actor-detail-header", Static)
        if actor is None:
            header.update(" ")
            return
        title = Text.assemble((actor.name, actor_list.colours.name_style(actor.id)))
        title.append(
            f": {plural(actor.quote_count, 'quote')}, {plural(len(actor.mentions), 'mention')}",
            style="bold",
        )
        header.update(title)

    def open_detail(self) -> None:
        self._show_detail()
        if self.detail.items:
            self.detail.focus()

    def select_actor(self, actor_id: str | None) -> None:
        if actor_id is None or self.actor_list.analysis is None:
            return
        self.actor_list.highlight_id(self.actor_list.item_id_for(actor_id))

    def show_message(self, message: str, style: str = "dim italic") -> None:
        self.actor_list.show_message(message, style)
        self.detail.show_message(" ")
        self.query_one("#actor-detail-header", Static).update(" ")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.actor_list:
            self._show_detail()
