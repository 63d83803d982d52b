"""Run the extractors over articles: one spaCy ``Doc`` in, one ``ArticleAnalysis`` out.

``analyse_doc`` runs the three extractors over one parsed article. ``analyse_articles`` streams
many articles through ``nlp.pipe`` in small batches (batch size barely changes spaCy's speed
past 4, while memory grows with it).

A text longer than ``LONG_TEXT`` characters is cut into pieces of about ``PIECE_SIZE`` at
paragraph breaks (``split_text``); each piece is parsed and analysed on its own and the results
are merged (``merge_pieces``): offsets shifted so they index the whole text, actors of the same
name (or alias, or a surname of one full name) merged into one. This keeps both the parser's
memory and the extractors' time linear in the length of the text (the extractors grow faster
than linearly within one ``Doc``: a 150,000-character text took ~100 s in one piece).

This module imports neither spaCy nor the extractors at import time: the cache reads
``EXTRACTOR_VERSION`` from here on the no-spaCy path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote

BATCH_SIZE = 16
BATCH_CHARS = 60_000  # a batch also stops at this many characters (the parser's memory)
# Bump when extractor output changes in a way the source fingerprint the cache also keys on
# (see briefing.storage.cache.extractor_fingerprint) would not notice, e.g. a data file elsewhere.
EXTRACTOR_VERSION = "2"
LONG_TEXT = 40_000  # characters; longer texts are analysed in pieces
PIECE_SIZE = 20_000  # the most one piece holds

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")
_SPACE = re.compile(r"\s+")


def analyse_doc(doc, article: Article, model: str = "") -> ArticleAnalysis:
    from briefing.analysis.actors import find_actors
    from briefing.analysis.figures import extract_figures
    from briefing.analysis.quotes import extract_quotes

    actors = find_actors(doc)
    quotes = extract_quotes(doc, actors)
    figures = extract_figures(doc)
    return ArticleAnalysis(
        article=article,
        quotes=tuple(quotes),
        actors=actors.finish(quotes),
        figures=tuple(figures),
        model=model,
    )


def split_text(text: str, limit: int = PIECE_SIZE) -> list[str]:
    """Cut ``text`` into pieces of at most about ``limit`` characters; ``"".join`` gives it back.

    A cut falls after a paragraph break when there is one in the second half of the window,
    else after a line break, a sentence end, any whitespace, and only as a last resort
    mid-word. Whitespace after a cut stays with the piece before it, so every piece after the
    first starts on a word.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2")
    pieces: list[str] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start:start + limit]
        low = limit // 2
        cut = None
        for pattern in (_PARAGRAPH_END, _LINE_END, _SENTENCE_END, _SPACE):
            last = None
            for m in pattern.finditer(window, low):
                if m.end() < len(window):  # the whitespace must end inside the window
                    last = m
            if last is not None:
                cut = last.end()
                break
        if cut is None:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _pieces(articles: Iterable[Article], long_text: int, piece_size: int):
    """(text, (article number, piece number, piece count, offset)) for every piece."""
    for n, article in enumerate(articles):
        text = article.text
        parts = split_text(text, piece_size) if len(text) > long_text else [text]
        offset = 0
        for k, part in enumerate(parts):
            yield part, (n, k, len(parts), offset)
            offset += len(part)


def _shift(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return None if span is None else (span[0] + by, span[1] + by)


class _Group:
    """One merged actor."""

    def __init__(self, ident: str, actor: Actor):
        self.id, self.name, self.type, self.role = ident, actor.name, actor.type, actor.role
        self.aliases: dict[str, None] = {}
        self.mentions: set[tuple[int, int]] = set()
        self.quote_count = 0

    def names(self) -> set[str]:
        return {self.name.casefold(), *(a.casefold() for a in self.aliases)}

    def add(self, actor: Actor, offset: int) -> None:
        if len(actor.name) > len(self.name) and actor.name.endswith(self.name):
            self.aliases[self.name] = None  # "Smith" then "John Smith": the full name leads
            self.name = actor.name
        elif actor.name != self.name:
            self.aliases[actor.name] = None
        for alias in actor.aliases:
            self.aliases[alias] = None
        self.aliases.pop(self.name, None)
        self.role = self.role or actor.role
        self.mentions.update(_shift(m, offset) for m in actor.mentions)
        self.quote_count += actor.quote_count

    def actor(self) -> Actor:
        return Actor(id=self.id, name=self.name, type=self.type, role=self.role,
                     aliases=tuple(self.aliases), mentions=tuple(sorted(self.mentions)),
                     quote_count=self.quote_count)


def _find_group(groups: list[_Group], actor: Actor) -> _Group | None:
    names = {actor.name.casefold(), *(a.casefold() for a in actor.aliases)}
    same_type = [g for g in groups if g.type == actor.type]
    for g in same_type:
        if names & g.names():
            return g
    if actor.type == "PERSON":
        # A surname alone, or a full name whose surname is a group's name: if exactly one fits.
        last = actor.name.split()[-1].casefold() if actor.name.split() else ""
        fits = [g for g in same_type
                if (" " not in actor.name and g.name.split()[-1].casefold() == last)
                or (" " not in g.name and g.name.casefold() == last)]
        if len(fits) == 1:
            return fits[0]
    return None


def merge_pieces(parts: list[tuple[int, ArticleAnalysis]], article: Article,
                 model: str = "") -> ArticleAnalysis:
    """One analysis of ``article`` from analyses of its pieces, each given with its offset."""
    groups: list[_Group] = []
    ids: dict[tuple[int, str], str] = {}
    for k, (offset, part) in enumerate(parts):
        for actor in part.actors:
            group = _find_group(groups, actor)
            if group is None:
                group = _Group(f"a{len(groups) + 1}", actor)
                groups.append(group)
            group.add(actor, offset)
            ids[(k, actor.id)] = group.id
    quotes = tuple(
        Quote(q.start + offset, q.end + offset, q.text, q.speaker,
              ids.get((k, q.actor_id)) if q.actor_id else None, q.cue, q.kind)
        for k, (offset, part) in enumerate(parts) for q in part.quotes
    )
    figures = tuple(
        Figure(f.start + offset, f.end + offset, f.text, f.value, f.unit, f.head, f.what,
               _shift(f.sentence, offset))
        for offset, part in parts for f in part.figures
    )
    actors = [g.actor() for g in groups]
    actors.sort(key=lambda a: (-a.quote_count, -len(a.mentions), a.mentions[0] if a.mentions else (0, 0)))
    return ArticleAnalysis(article=article, quotes=quotes, actors=tuple(actors), figures=figures,
                           model=model)


def analyse_articles(
    nlp,
    articles: Iterable[Article],
    model: str = "",
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
    long_text: int = LONG_TEXT,
    piece_size: int = PIECE_SIZE,
) -> Iterator[ArticleAnalysis]:
    """Analyse many articles with ``nlp.pipe``, yielding in input order.

    ``n_process`` is passed to spaCy as is; the runner's own worker pool
    (``briefing.analysis.workers``) is faster for many articles, since it extracts in the
    workers instead of sending whole ``Doc``s back.
    """
    articles = list(articles)
    pieces = _pieces(articles, long_text, piece_size)
    if n_process > 1:
        stream = nlp.pipe(pieces, as_tuples=True, batch_size=batch_size, n_process=n_process)
    else:
        stream = (
            pair
            for group in _batches(pieces, batch_size, BATCH_CHARS)
            for pair in zip(nlp.pipe([t for t, _ in group], batch_size=len(group)),
                            [ctx for _, ctx in group])
        )
    parts: list[tuple[int, ArticleAnalysis]] = []
    for doc, (n, k, count, offset) in stream:
        article = articles[n]
        if count == 1:
            yield analyse_doc(doc, article, model)
            continue
        piece = Article(id=article.id, source=article.source, title=article.title, text=doc.text)
        parts.append((offset, analyse_doc(doc, piece, model)))
        del doc  # only the small analysis is kept, not the parse
        if k == count - 1:
            yield merge_pieces(parts, article, model)
            parts = []


def _batches(items, size: int, max_chars: int):
    """Lists of up to ``size`` (text, context) items and about ``max_chars`` characters."""
    group: list = []
    chars = 0
    for item in items:
        if group and (len(group) >= size or chars + len(item[0]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += len(item[0])
    if group:
        yield group
