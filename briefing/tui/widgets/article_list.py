"""The article list of a briefing: title, source, how far its analysis and its review have come."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from rich.console import Group
from rich.text import Text
from textual.message import Message

from briefing.model import Article, ArticleAnalysis
from briefing.storage.review import NO_MARK, Mark, Progress
from briefing.tui import keys
from briefing.tui.widgets.item_list import ItemList
from briefing.wording import plural


@dataclass(frozen=True)
class ArticleRow:
    index: int
    article: Article


class ArticleList(ItemList[ArticleRow]):
    """One row per article; ``enter`` opens it."""

    BINDINGS = keys.ARTICLES
    dividers = False

    class Chosen(Message):
        """The user picked the article at ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analyses: dict[int, ArticleAnalysis] = {}
        self.failed: str | None = None
        self.reviews: dict[int, tuple[Progress, Mark]] = {}  # index -> (item progress, article's own mark)

    def show_articles(self, articles) -> None:
        self.set_items([ArticleRow(i, a) for i, a in enumerate(articles)])

    def set_analysis(self, index: int, analysis: ArticleAnalysis, redraw: bool = True) -> None:
        self.analyses[index] = analysis
        if redraw:
            self.refresh_item(index)

    def set_review(self, index: int, progress: Progress, article_mark: Mark = NO_MARK) -> None:
        """Review progress of an analysed article (and its own flag and note)."""
        self.reviews[index] = (progress, article_mark)
        self.refresh_item(index)

    def set_failed(self, message: str) -> None:
        self.failed = message
        self.refresh_marks()

    def item_id(self, item: ArticleRow) -> str:
        return f"article:{item.index}"

    def row_mark(self, item: ArticleRow) -> tuple[str, str]:
        """A tick when every item is reviewed; a flag when the article or any item is flagged."""
        progress, mark = self.reviews.get(item.index, (None, NO_MARK))
        first = "\u2713" if progress is not None and progress.done else " "
        flagged = mark.flagged or (progress is not None and progress.flagged > 0)
        second = "\u2691" if flagged else ("\u270e" if mark.note else " ")
        return (first + second).rstrip(), mark.note

    def item_prompt(self, item: ArticleRow) -> Group:
        """The title (wrapped), then two lines that never wrap: the counts and the file name, and
        the status. A row so keeps its height when its analysis and review arrive: a row that
        grew would cost the list a layout pass, with keys waiting behind it, for every batch of
        arriving analyses."""
        article = item.article
        title = Text(f"{item.index + 1}. ", style="dim")
        title.append(" ".join(article.title.split()) or "(untitled)", style="bold")
        name = PurePath(article.source).name or article.source
        # Counts first: where the list is narrow, the file name is what the ellipsis cuts.
        source = Text(no_wrap=True, overflow="ellipsis", style="dim")
        status = Text(no_wrap=True, overflow="ellipsis")
        analysis = self.analyses.get(item.index)
        review = self.reviews.get(item.index)
        if analysis is not None:
            source.append(f"{plural(len(analysis.quotes), 'quote')} \u00b7 {plural(len(analysis.figures), 'figure')} \u00b7 ")
            if review is not None:
                progress = review[0]
                label = progress.label if progress.total else "nothing to review"
                status.append(label, style="bold" if progress.done else "dim")
        elif self.failed:
            status.append("not analysed", style="dim")
        else:
            status.append("analysing\u2026", style="dim italic")
        source.append(name)
        return Group(title, source, status)

    def item_text(self, item: ArticleRow) -> str:
        return f"{item.article.title} {item.article.source}"

    def item_selected(self, item: ArticleRow) -> None:
        self.post_message(self.Chosen(item.index))
