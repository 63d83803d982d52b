"""Typed messages between the analysis worker, the panes and the reader screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefing.model import ArticleAnalysis


class AnalysisReady(Message):
    """One article's analysis arrived (from the cache or from spaCy), with how far the analysis
    has come (``done`` of ``total``), so the two are shown together."""

    def __init__(self, index: int, analysis: ArticleAnalysis, done: int, total: int) -> None:
        super().__init__()
        self.index = index
        self.analysis = analysis
        self.done = done
        self.total = total


class AnalysisFailed(Message):
    """The analysis could not run (no model, or an internal error); ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


@dataclass(frozen=True)
class Target:
    """A place in the article text that a list item points at."""

    start: int
    end: int
    kind: str  # "quote", "mention" or "figure"
    actor_id: str | None = None


class JumpTo(Message):
    """A list asks the reader to show ``target`` in the text pane."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target


class ShowInList(Message):
    """The text pane asks the reader to show the item under its cursor in its list."""

    def __init__(self, target: Target) -> None:
        super().__init__()
        self.target = target
