"""Run the extractors over articles: one spaCy ``Doc`` in, one ``ArticleAnalysis`` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from briefing.analysis.actors import find_actors
from briefing.analysis.figures import extract_figures
from briefing.analysis.quotes import extract_quotes
from briefing.model import Article, ArticleAnalysis

BATCH_SIZE = 16
# Bump when extractor output changes, so cached analyses are recomputed (issue 8).
EXTRACTOR_VERSION = "1"


def analyse_doc(doc, article: Article, model: str = "") -> ArticleAnalysis:
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


def analyse_articles(nlp, articles: Iterable[Article], model: str = "", n_process: int = 1) -> Iterator[ArticleAnalysis]:
    """Analyse many articles with ``nlp.pipe`` (small batches keep memory low)."""
    articles = list(articles)
    texts = (a.text for a in articles)
    for doc, article in zip(nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process), articles):
        yield analyse_doc(doc, article, model)
