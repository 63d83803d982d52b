"""The model of an analysed briefing: frozen, terminal-free dataclasses.

Everything the TUI, the exporter and the JSON writer show comes from these objects. Offsets
are Python string indices into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "briefing.analysis/1"


@dataclass(frozen=True)
class Article:
    """One loaded article. ``text`` is already sanitised (see ``briefing.sanitize``)."""

    id: str
    source: str
    title: str
    text: str
    url: str | None = None
    byline: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None
    actor_id: str | None = None
    cue: str | None = None
    kind: str = "quote"  # "quote" (4+ words of speech) or "partial" (a short fragment)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # PERSON, ORG or GROUP
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    quote_count: int = 0


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | int | None = None
    unit: str | None = None
    head: str | None = None
    what: str | None = None
    sentence: tuple[int, int] | None = None  # the sentence the figure stands in


@dataclass(frozen=True)
class ArticleAnalysis:
    article: Article
    quotes: tuple[Quote, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    model: str = ""

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def quotes_by(self, actor_id: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.actor_id == actor_id)


@dataclass(frozen=True)
class LoadError:
    """A source that could not be loaded, with a one-line reason for the user."""

    source: str
    message: str


@dataclass(frozen=True)
class Briefing:
    """What loaded. ``errors``: sources that failed; ``notes``: one-line warnings about
    sources that did load, but not quite as written (e.g. bytes that were not UTF-8)."""

    articles: tuple[Article, ...]
    errors: tuple[LoadError, ...] = field(default=())
    notes: tuple[LoadError, ...] = field(default=())
