"""The reader screen: the article list, the text, and the three lists, linked together.

Below 120 columns one pane shows at a time (the pane bar says which); from 120 columns the
text stays on screen beside the lists. The article list shows on wide screens when the
briefing has several articles, and on narrow ones when asked for (``0``).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, ProgressBar, Static

from briefing.model import ArticleAnalysis, Briefing
from briefing.storage.review import ReviewStore
from briefing.tui import keys
from briefing.tui.colours import SpeakerColours
from briefing.tui.messages import JumpTo, ShowInList, Target
from briefing.tui.reviewing import Reviewing
from briefing.tui.widgets.actor_list import ActorPane
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.figure_list import FigureList
from briefing.tui.widgets.footer import ReaderFooter
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.pane_bar import PANES, PaneBar
from briefing.tui.widgets.quote_list import QuotePane
from briefing.tui.widgets.text_pane import TextPane
from briefing.wording import plural

LOADING = "Analysing this article\u2026"
LEGEND = Text.assemble(
    ("names", "bold"), " \u00b7 ", ("quotes", "italic"), " \u00b7 ", ("figures", "bold underline"),
    ("   h/l move \u00b7 c same actor \u00b7 enter show in list", "dim"),
    no_wrap=True, overflow="ellipsis",
)


class SearchInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    def action_cancel(self) -> None:
        screen = self.screen
        if isinstance(screen, ReaderScreen):
            screen.close_search()


class ReaderScreen(Reviewing, Screen):
    """Everything the reader shows of one briefing (reviewing: see ``briefing.tui.reviewing``)."""

    BINDINGS = keys.READER + keys.REVIEW
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]

    def __init__(self, briefing: Briefing, review: ReviewStore) -> None:
        super().__init__(id="reader")
        self.briefing = briefing
        self.review = review
        self.marks = {}
        self.articles = briefing.articles
        self.analyses: dict[int, ArticleAnalysis] = {}
        self.failure: str | None = None
        self.index = 0
        self.pane = "text"
        self.shown_list = "quotes"
        self.search_query = ""
        self.search_pane = "text"
        self.done = 0
        self._status_width = -1
        self._colours: dict[tuple[int, bool], SpeakerColours] = {}

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-bar"):
            yield Static(id="title")
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield Static(id="status")
            yield Static(id="review-status")
        yield PaneBar(id="pane-bar")
        with Horizontal(id="body"):
            yield ArticleList(id="articles")
            with Vertical(id="text-column"):
                yield TextPane(id="text")
                yield Static(id="text-info")
            with ContentSwitcher(id="lists", initial="quotes"):
                yield QuotePane(id="quotes")
                yield ActorPane(id="actors")
                yield FigureList(id="figures")
        with Horizontal(id="search-bar"):
            yield Static("/", id="search-prompt")
            yield SearchInput(placeholder="search this pane; enter to find, escape to cancel", id="search")
        yield ReaderFooter()

    @property
    def text_pane(self) -> TextPane:
        return self.query_one("#text", TextPane)

    @property
    def quote_pane(self) -> QuotePane:
        return self.query_one("#quotes", QuotePane)

    @property
    def actor_pane(self) -> ActorPane:
        return self.query_one("#actors", ActorPane)

    @property
    def figure_list(self) -> FigureList:
        return self.query_one("#figures", FigureList)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    def on_mount(self) -> None:
        if len(self.articles) > 1:
            self.add_class("-multi")
        self.init_review()
        self.article_list.show_articles(self.articles)
        self.query_one("#search-bar").display = False
        self.set_progress(0, len(self.articles))
        self.show_article(0)
        self._set_pane("text")
        self.text_pane.focus()

    # -- analysis arriving -------------------------------------------------------------------------

    def add_analyses(self, arrived: dict[int, ArticleAnalysis]) -> None:
        """Analyses that arrived (index -> analysis): redraw their rows, and the panes if the
        article on screen is one of them; nothing else."""
        for index, analysis in arrived.items():
            self.analyses[index] = analysis
            self.article_list.set_analysis(index, analysis, redraw=False)
            self.show_review(index)  # redraws the row
        if self.index in arrived:
            self._fill_panes()

    def set_progress(self, done: int, total: int) -> None:
        self.done = done
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=total, progress=done)
        bar.display = total > 1 and done < total
        if done >= total:
            line = Text("")
        elif total > 1:
            line = Text(f" analysed {done} of {total} ", style="dim")
        else:
            line = Text(" analysing\u2026 ", style="dim italic")
        # The title bar is laid out again only when the status changes width (9 -> 10, done):
        # a layout of the whole screen for each batch of arrivals is what keys would wait on.
        width = line.cell_len
        self.query_one("#status", Static).update(line, layout=width != self._status_width)
        self._status_width = width

    def set_failure(self, message: str) -> None:
        self.failure = message
        self.article_list.set_failed(message)
        self.query_one("#progress", ProgressBar).display = False
        self.query_one("#status", Static).update(Text(" analysis failed ", style="bold"))
        if self.index not in self.analyses:
            self._fill_panes()

    # -- showing an article ------------------------------------------------------------------------

    def colours_for(self, index: int) -> SpeakerColours:
        dark = self.app.current_theme.dark
        key = (index, dark)
        if key not in self._colours:
            self._colours[key] = SpeakerColours(self.analyses.get(index), dark)
        return self._colours[key]

    def show_article(self, index: int) -> None:
        self.index = index
        article = self.articles[index]
        self.refresh_marks_from_store(article.id)
        title = Text(no_wrap=True, overflow="ellipsis")
        if len(self.articles) > 1:
            title.append(f"{index + 1}/{len(self.articles)} ", style="bold")
        title.append(" ".join(article.title.split()) or "(untitled)", style="bold")
        self.query_one("#title", Static).update(title)
        if len(self.articles) > 1:
            self.article_list.highlighted = index
            self.article_list.scroll_to_highlight()
        self._fill_panes()

    def _fill_panes(self) -> None:
        index = self.index
        article = self.articles[index]
        analysis = self.analyses.get(index)
        self._colours.pop((index, self.app.current_theme.dark), None)
        colours = self.colours_for(index)
        self.text_pane.show(article, analysis, colours)
        if analysis is not None:
            self.quote_pane.quote_list.show(analysis, colours)
            self.actor_pane.show(analysis, colours)
            self.figure_list.show(analysis)
        else:
            message = f"Analysis unavailable: {self.failure}" if self.failure else LOADING
            style = "bold" if self.failure else "dim italic"
            self.quote_pane.quote_list.show_message(message, style)
            self.quote_pane.query_one("#quotes-header", Static).update(Text("Quotes", style="bold"))
            self.actor_pane.show_message(message, style)
            self.figure_list.show_message(message, style)
        self.show_current_review()
        self._update_pane_bar()
        self._update_text_info(None, "")

    def restyle(self) -> None:
        """The theme changed between dark and light: recolour the speakers."""
        self._colours.clear()
        self._fill_panes()

    # -- panes -------------------------------------------------------------------------------------

    def pane_widget(self, pane: str) -> Widget:
        if pane == "text":
            return self.text_pane
        if pane == "quotes":
            return self.quote_pane.quote_list
        if pane == "actors":
            actors = self.actor_pane
            return actors.detail if actors.detail.has_focus else actors.actor_list
        return self.figure_list

    def _set_pane(self, pane: str) -> None:
        self.pane = pane
        if pane != "text":
            self.shown_list = pane
            self.query_one("#lists", ContentSwitcher).current = pane
        self._fit_panes()
        self._update_pane_bar()

    def _fit_panes(self) -> None:
        """Below 120 columns show the text or the lists, from 120 both.

        Set on the two columns, not as a class of the screen: a class change restyles every
        widget on the screen, some 40 ms a key on a slow machine, for a change of two.
        """
        narrow = not self.has_class("-wide")
        self.query_one("#lists").display = not (narrow and self.pane == "text")
        self.query_one("#text-column").display = not (narrow and self.pane != "text")

    def _update_pane_bar(self) -> None:
        analysis = self.analyses.get(self.index)
        counts: dict[str, int | None] = {"text": None}
        if analysis is not None:
            counts.update(quotes=len(analysis.quotes), actors=len(analysis.actors), figures=len(analysis.figures))
        shown = self.shown_list if self.has_class("-wide") else None
        self.query_one(PaneBar).update_state(self.pane, shown, counts)

    def on_screen_resume(self) -> None:
        self._update_pane_bar()

    def on_resize(self) -> None:
        self._fit_panes()  # the -wide/-narrow classes are already set for the new width
        self.call_after_refresh(self._update_pane_bar)

    def action_show_pane(self, pane: str) -> None:
        self.remove_class("-show-articles")
        self._set_pane(pane)
        self.pane_widget(pane).focus()

    def action_next_pane(self) -> None:
        self.action_show_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.action_show_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    def on_pane_bar_chosen(self, event: PaneBar.Chosen) -> None:
        self.action_show_pane(event.pane)

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        for pane in PANES:
            container = self.query_one(f"#{pane}" if pane != "text" else "#text-column")
            if widget is container or container in widget.ancestors:
                if pane != self.pane:
                    self._set_pane(pane)
                return

    # -- articles ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_article", "previous_article", "articles"):
            return len(self.articles) > 1
        return True

    def action_next_article(self) -> None:
        self._go_article(self.index + 1)

    def action_previous_article(self) -> None:
        self._go_article(self.index - 1)

    def _go_article(self, index: int) -> None:
        if not 0 <= index < len(self.articles):
            self.notify("No more articles that way.", timeout=2, markup=False)
            return
        self.show_article(index)

    def action_articles(self) -> None:
        if self.has_class("-show-articles") and self.article_list.has_focus:
            self.remove_class("-show-articles")
            self.pane_widget(self.pane).focus()
            return
        self.add_class("-show-articles")
        self.article_list.focus()

    def on_article_list_chosen(self, event: ArticleList.Chosen) -> None:
        event.stop()
        self.show_article(event.index)
        self.remove_class("-show-articles")
        self.pane_widget(self.pane).focus()

    # -- linking -----------------------------------------------------------------------------------

    def on_jump_to(self, event: JumpTo) -> None:
        event.stop()
        self.jump_to(event.target)

    def jump_to(self, target: Target) -> None:
        self.action_show_pane("text")
        # After the layout settles, so the text knows its width.
        self.call_after_refresh(self.text_pane.set_cursor, target)

    def on_show_in_list(self, event: ShowInList) -> None:
        event.stop()
        self.show_in_list(event.target)

    def show_in_list(self, target: Target) -> None:
        analysis = self.analyses.get(self.index)
        if analysis is None:
            return
        article = analysis.article.id
        if target.kind == "quote":
            quotes = self.quote_pane.quote_list
            if quotes.speaker is not None and quotes.speaker != target.actor_id:
                quotes.set_speaker(None)
            self.action_show_pane("quotes")
            quotes.highlight_id(f"quote:{article}:{target.start}-{target.end}")
        elif target.kind == "mention":
            self.action_show_pane("actors")
            actors = self.actor_pane
            actors.select_actor(target.actor_id)
            actors.open_detail()
            actors.detail.highlight_id(f"mention:{article}:{target.start}-{target.end}")
        elif target.kind == "figure":
            self.action_show_pane("figures")
            self.figure_list.highlight_id(f"figure:{article}:{target.start}-{target.end}")

    def on_text_pane_cursor_moved(self, event: TextPane.CursorMoved) -> None:
        self._update_text_info(event.target, event.position)

    def _update_text_info(self, target: Target | None, position: str) -> None:
        info = self.query_one("#text-info", Static)
        if target is None:
            info.update(LEGEND if self.index in self.analyses else Text(" "))
            return
        if target.kind == "match":
            return
        analysis = self.analyses.get(self.index)
        line = Text(no_wrap=True, overflow="ellipsis")
        if target.kind in ("quote", "mention") and analysis is not None:
            actor = analysis.actor(target.actor_id)
            colours = self.colours_for(self.index)
            if actor is not None:
                line.append(actor.name, style=colours.name_style(actor.id))
            else:
                line.append("unattributed", style="italic")
        elif target.kind == "figure" and analysis is not None:
            figure = next((f for f in analysis.figures if f.start == target.start), None)
            if figure is not None:
                line.append(figure.text, style="bold")
                if figure.what or figure.head:
                    line.append(f" \u2014 {figure.what or figure.head}")
        line.append(f"  {position}", style="dim")
        line.append("   c next \u00b7 enter list", style="dim")
        info.update(line)

    # -- search ------------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.search_pane = self.pane
        bar = self.query_one("#search-bar")
        bar.display = True
        search = self.query_one("#search", SearchInput)
        search.value = self.search_query
        search.focus()

    def close_search(self) -> None:
        self.query_one("#search-bar").display = False
        self.pane_widget(self.search_pane).focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.search_query = event.value.strip()
        self.close_search()
        if not self.search_query:
            self.text_pane.clear_search()
            self.refresh_bindings()
            return
        self.refresh_bindings()
        if self.search_pane == "text":
            count = self.text_pane.search(self.search_query)
            if not count:
                self.notify(f"No match for {self.search_query!r} in the text.", timeout=3, markup=False)
                return
            self._report_match(self.text_pane.goto_match(True))
        else:
            self._find_in_list(True, announce=True)

    def _find_in_list(self, forward: bool, announce: bool = False) -> None:
        widget = self.pane_widget(self.pane)
        if not isinstance(widget, ItemList):
            return
        if widget.find(self.search_query, forward) is None:
            self.notify(f"No match for {self.search_query!r} in this list.", timeout=3, markup=False)
        elif announce:
            count = widget.count_matches(self.search_query)
            self.notify(f"{plural(count, 'item')} match {self.search_query!r}", timeout=2, markup=False)

    def _report_match(self, where: tuple[int, int] | None) -> None:
        if where is None:
            return
        number, total = where
        info = self.query_one("#text-info", Static)
        line = Text(f"match {number} of {total} for ", style="dim")
        line.append(self.search_query, style="bold")
        line.append("   n next \u00b7 N previous", style="dim")
        info.update(line)

    def _search_step(self, forward: bool) -> None:
        if not self.search_query:
            self.notify("Press / to search first.", timeout=2, markup=False)
            return
        if self.pane == "text":
            if not self.text_pane.matches:
                if not self.text_pane.search(self.search_query):
                    self.notify(f"No match for {self.search_query!r} in the text.", timeout=3, markup=False)
                    return
            self._report_match(self.text_pane.goto_match(forward))
        else:
            self._find_in_list(forward)

    def action_search_next(self) -> None:
        self._search_step(True)

    def action_search_previous(self) -> None:
        self._search_step(False)

    # -- help and quit -----------------------------------------------------------------------------

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit(0)
