"""Run the extractors over articles: one spaCy ``Doc`` in, one ``ArticleAnalysis`` out.

``analyse_doc`` runs the three extractors over one parsed article. ``analyse_articles`` streams
many articles through ``nlp.pipe`` in small batches (batch size barely changes spaCy's speed
past 4, while memory grows with it). A text longer than ``LONG_TEXT`` characters is parsed
in pieces cut at paragraph breaks and the piece ``Doc``s are joined back with
``Doc.from_docs`` before extraction, so every offset is still an index into the whole text.

This module imports neither spaCy nor the extractors at import time: the cache reads
``EXTRACTOR_VERSION`` from here on the no-spaCy path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from briefing.model import Article, ArticleAnalysis

BATCH_SIZE = 16
# Bump when extractor output changes in a way the source fingerprint the cache also keys on
# (see briefing.storage.cache.extractor_fingerprint) would not notice, e.g. a data file elsewhere.
EXTRACTOR_VERSION = "2"
LONG_TEXT = 100_000  # characters; longer texts are parsed in pieces
PIECE_SIZE = 50_000  # the target size of one piece

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
    """(text, (article number, piece number, piece count)) for every piece of every article."""
    for n, article in enumerate(articles):
        text = article.text
        parts = split_text(text, piece_size) if len(text) > long_text else [text]
        for k, part in enumerate(parts):
            yield part, (n, k, len(parts))


def _join(docs: list) -> object:
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


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
    stream = nlp.pipe(
        _pieces(articles, long_text, piece_size), as_tuples=True,
        batch_size=batch_size, n_process=n_process,
    )
    held: list = []
    for doc, (n, k, count) in stream:
        if count == 1:
            yield analyse_doc(doc, articles[n], model)
            continue
        if doc.tensor is not None and len(doc.tensor):
            doc.tensor = doc.tensor[:0]  # not needed, and the bulk of a piece's memory
        held.append(doc)
        if k == count - 1:
            whole = _join(held)
            held = []
            yield analyse_doc(whole, articles[n], model)
