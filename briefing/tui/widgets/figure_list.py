"""The figures pane: each number as written, what it counts, and the sentence it stands in."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from briefing.model import ArticleAnalysis, Figure
from briefing.tui.messages import Target
from briefing.tui.widgets.item_list import ItemList

FIGURE_STYLE = Style(bold=True, underline=True)


def figure_sentence(text: str, figure: Figure) -> Text:
    """The figure's sentence (dim), the figure itself stressed; falls back to nearby text."""
    if figure.sentence:
        start, end = figure.sentence
    else:
        start, end = max(0, figure.start - 60), min(len(text), figure.end + 60)
    start, end = min(start, figure.start), max(end, figure.end)
    out = Text(style="dim")
    out.append(" ".join(text[start:figure.start].split("\n")).lstrip())
    out.append(text[figure.start:figure.end], style=Style(dim=False, bold=True))
    out.append(" ".join(text[figure.end:end].split("\n")).rstrip())
    return out


class FigureList(ItemList[Figure]):
    """Figures in reading order."""

    empty_message = "No figures found in this article."

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis: ArticleAnalysis | None = None

    def show(self, analysis: ArticleAnalysis, figure_style: Style | None = None) -> None:
        same = self.analysis is not None and self.analysis.article.id == analysis.article.id
        keep = self.item_id(self.current) if same and self.current is not None else None
        self.analysis = analysis
        self.figure_style = figure_style or FIGURE_STYLE
        self.set_items(list(analysis.figures), keep)

    def item_id(self, item: Figure) -> str:
        article = self.analysis.article.id if self.analysis else ""
        return f"figure:{article}:{item.start}-{item.end}"

    def review_item(self, item: Figure) -> Figure:
        return item

    def item_prompt(self, item: Figure) -> Text:
        assert self.analysis is not None
        prompt = Text.assemble((item.text, getattr(self, "figure_style", FIGURE_STYLE)))
        what = item.what or item.head
        if what:
            prompt.append(f"  {what}")
        else:
            prompt.append("  (what it counts is not clear)", style="dim italic")
        prompt.append("\n")
        prompt.append_text(figure_sentence(self.analysis.article.text, item))
        return prompt

    def item_text(self, item: Figure) -> str:
        sentence = ""
        if self.analysis is not None and item.sentence:
            sentence = self.analysis.article.text[item.sentence[0]:item.sentence[1]]
        return f"{item.text} {item.what or item.head or ''} {sentence}"

    def item_target(self, item: Figure) -> Target:
        return Target(item.start, item.end, "figure")
