"""A fake analysis for the reader's tests: hand-written articles, hand-built dataclasses.

Nothing here imports spaCy. Offsets are found in the text, so the fixtures stay right when
the wording changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

from briefing.config import Config
from briefing.model import Actor, Article, ArticleAnalysis, Briefing, Figure, Quote

FERRY = """Harbour council approves ferry link to Marrow Island
The Harbour Council on Monday approved a ferry link between Port Ellis and Marrow Island, a project expected to cost 42 million pounds over four years.
"This link will change daily life for 3,000 islanders," said council leader Maria Okafor after the vote.
Transport minister Daniel Reyes welcomed the decision. "We have waited twelve years for this moment, and the island deserves it," Reyes told reporters at the quay.
Okafor said the first boats would sail in the spring and carry up to 400 passengers a day, with a night service at weekends.
The crossing now takes almost two hours on the old cargo boat, which leaves only when the tide allows. Shop owners on the island say deliveries arrive late and fresh food is scarce in winter.
Critics, including the Island Residents' Association, warned that fares could rise by 15 percent within two years. "Nobody asked us what we need," the association said in a statement.
Reyes rejected that view. He said the ministry would cap fares for residents and that a review would follow after the first season.
The council will publish the timetable in the autumn. Okafor called it "a promise kept".
A public meeting is planned at the village hall, where residents can ask questions about the route, the fares and the new pier.
Engineers from the port authority will survey the seabed next month before work on the pier begins."""

ORCHARD = """Orchard growers report record apple harvest
Growers in the Vale reported a record harvest this autumn, picking 18,000 tonnes of apples, up from 12,500 tonnes last year.
"The weather was kind to us for once," said grower Tom Lindqvist, who farms 60 hectares near Brookfield.
The Vale Growers' Cooperative said prices had fallen by 8 percent because of the glut."""

QUIET = """A quiet day at the lighthouse
Nothing much happened at the lighthouse today. The keeper painted the door and watched the boats come in."""


def span(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def article(text: str, source: str, index: int = 0) -> Article:
    title = text.split("\n", 1)[0]
    return Article(id=f"art{index}", source=source, title=title, text=text)


def _quote(text: str, words: str, actor: Actor | None, cue: str, kind: str = "quote") -> Quote:
    s, e = span(text, words)
    return Quote(s, e, words, actor.name if actor else None, actor.id if actor else None, cue, kind)


def _figure(text: str, words: str, value, what: str | None, occurrence: int = 0) -> Figure:
    s, e = span(text, words, occurrence)
    sentence_start = text.rfind("\n", 0, s) + 1
    dot = text.find(". ", e)
    newline = text.find("\n", e)
    ends = [x for x in (dot + 1 if dot != -1 else -1, newline) if x != -1]
    sentence_end = min(ends) if ends else len(text)
    return Figure(s, e, words, value, None, what.split()[-1] if what else None, what, (sentence_start, sentence_end))


def analyse_ferry(art: Article) -> ArticleAnalysis:
    t = art.text
    okafor = Actor("a1", "Maria Okafor", "PERSON", "council leader", ("Maria Okafor", "Okafor"),
                   (span(t, "Maria Okafor"), span(t, "Okafor", 1), span(t, "Okafor", 2)), 2)
    reyes = Actor("a2", "Daniel Reyes", "PERSON", "Transport minister", ("Daniel Reyes", "Reyes"),
                  (span(t, "Daniel Reyes"), span(t, "Reyes", 1), span(t, "Reyes", 2)), 1)
    council = Actor("a3", "Harbour Council", "ORG", None, ("Harbour Council",), (span(t, "Harbour Council"),), 0)
    residents = Actor("a4", "Island Residents' Association", "ORG", None, ("Island Residents' Association",),
                      (span(t, "Island Residents' Association"),), 1)
    quotes = (
        _quote(t, "This link will change daily life for 3,000 islanders,", okafor, "said"),
        _quote(t, "We have waited twelve years for this moment, and the island deserves it,", reyes, "told"),
        _quote(t, "Nobody asked us what we need,", residents, "said"),
        _quote(t, "a promise kept", okafor, "called", "partial"),
    )
    figures = (
        _figure(t, "42 million pounds", 42_000_000, "project cost"),
        _figure(t, "3,000", 3000, "islanders"),
        _figure(t, "400", 400, "passengers a day"),
        _figure(t, "15 percent", 15, "fare rise"),
    )
    # in the core's salience order: most quoted, then most mentioned
    return ArticleAnalysis(art, quotes, (okafor, reyes, residents, council), figures, "fake 1.0")


def analyse_orchard(art: Article) -> ArticleAnalysis:
    t = art.text
    tom = Actor("a1", "Tom Lindqvist", "PERSON", "grower", ("Tom Lindqvist",), (span(t, "Tom Lindqvist"),), 1)
    coop = Actor("a2", "Vale Growers' Cooperative", "ORG", None, (), (span(t, "Vale Growers' Cooperative"),), 0)
    quotes = (_quote(t, "The weather was kind to us for once,", tom, "said"),)
    figures = (
        _figure(t, "18,000 tonnes", 18000, "apples picked"),
        _figure(t, "12,500 tonnes", 12500, "apples last year"),
        _figure(t, "60 hectares", 60, None),
        _figure(t, "8 percent", 8, "price fall"),
    )
    return ArticleAnalysis(art, quotes, (tom, coop), figures, "fake 1.0")


def fake_analysis(art: Article) -> ArticleAnalysis:
    if art.text.startswith("Harbour"):
        return analyse_ferry(art)
    if art.text.startswith("Orchard"):
        return analyse_orchard(art)
    return ArticleAnalysis(art, model="fake 1.0")


def fake_analyse(articles: list[Article], model_name: str | None) -> Iterator[tuple[int, ArticleAnalysis]]:
    for i, art in enumerate(articles):
        yield i, fake_analysis(art)


class GatedAnalyse:
    """A fake analysis that yields each article only when the test lets it through."""

    def __init__(self) -> None:
        self.gates: dict[int, threading.Event] = {}
        self.fail_with: Exception | None = None

    def gate(self, index: int) -> threading.Event:
        return self.gates.setdefault(index, threading.Event())

    def release(self, index: int) -> None:
        self.gate(index).set()

    def __call__(self, articles, model_name):
        for i, art in enumerate(articles):
            if not self.gate(i).wait(timeout=30):
                return
            if self.fail_with is not None:
                raise self.fail_with
            yield i, fake_analysis(art)


def one_article() -> Briefing:
    return Briefing((article(FERRY, "news/ferry.txt", 0),))


def three_articles() -> Briefing:
    return Briefing((
        article(FERRY, "news/ferry.txt", 0),
        article(ORCHARD, "news/orchard.txt", 1),
        article(QUIET, "news/quiet.txt", 2),
    ))


def make_app(briefing: Briefing | None = None, analyse=fake_analyse, config: Config | None = None,
             color_system: str = "truecolor", **kw):
    """The reader on a fake analysis. ``color_system``: what the terminal is taken to show
    (Rich would guess from $TERM, and TERM=xterm means 16 colours, where the reader swaps an
    RGB theme for an ANSI one); the tests choose, so they do not depend on the shell's $TERM."""
    import textual.constants

    from briefing.tui.app import BriefingApp

    saved = textual.constants.COLOR_SYSTEM
    textual.constants.COLOR_SYSTEM = color_system  # read once, when the app makes its console
    try:
        return BriefingApp(
            briefing or one_article(),
            analyse=analyse,
            config=config if config is not None else Config(theme="textual-dark"),
            remember_theme=kw.pop("remember_theme", False),
            **kw,
        )
    finally:
        textual.constants.COLOR_SYSTEM = saved


def static_text(widget, width: int = 120) -> str:
    """The plain text of a Static's content (a Text, a Table...)."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)
    console.print(widget.content)
    return console.export_text()
