"""The article list of a briefing: title, source, and how far its analysis has come."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from rich.text import Text
from textual.message import Message

from briefing.model import Article, ArticleAnalysis
from briefing.tui import keys
from briefing.tui.widgets.item_list import ItemList


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

    def show_articles(self, articles) -> None:
        self.set_items([ArticleRow(i, a) for i, a in enumerate(articles)])

    def set_analysis(self, index: int, analysis: ArticleAnalysis) -> None:
        self.analyses[index] = analysis
        self.refresh_item(index)

    def set_failed(self, message: str) -> None:
        self.failed = message
        self.refresh_marks()

    def item_id(self, item: ArticleRow) -> str:
        return f"article:{item.index}"

    def mark_key(self, item: ArticleRow) -> str:
        return f"article:{item.article.id}"

    def item_prompt(self, item: ArticleRow) -> Text:
        article = item.article
        prompt = Text(f"{item.index + 1}. ", style="dim")
        prompt.append(" ".join(article.title.split()) or "(untitled)", style="bold")
        prompt.append("\n")
        prompt.append(PurePath(article.source).name or article.source, style="dim")
        analysis = self.analyses.get(item.index)
        if analysis is not None:
            q, f = len(analysis.quotes), len(analysis.figures)
            counts = f" \u00b7 {q} quote{'s' * (q != 1)} \u00b7 {f} figure{'s' * (f != 1)}"
            prompt.append(counts, style="dim")
        elif self.failed:
            prompt.append(" \u00b7 not analysed", style="dim")
        else:
            prompt.append(" \u00b7 analysing\u2026", style="dim italic")
        return prompt

    def item_text(self, item: ArticleRow) -> str:
        return f"{item.article.title} {item.article.source}"

    def item_selected(self, item: ArticleRow) -> None:
        self.post_message(self.Chosen(item.index))
