"""Analyse a list of articles, using the on-disk cache where it has them.

``iter_analyses`` is the one entry point for every front end: it yields cached analyses
first (without importing spaCy), then loads the pipeline and yields the rest as each is done.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.model import Article, ArticleAnalysis

PARALLEL_FROM = 24  # articles; below this a second process costs more than it saves


def iter_analyses(
    articles: list[Article], model_name: str | None, use_cache: bool = True
) -> Iterator[tuple[int, ArticleAnalysis]]:
    """Yield (index in ``articles``, analysis), cached ones first. Raises ModelError."""
    from briefing.storage.cache import AnalysisCache, predict_model_id

    cache = AnalysisCache.default() if use_cache else None
    predicted = predict_model_id(model_name)
    todo: list[int] = []
    for i, article in enumerate(articles):
        hit = cache.get(article, predicted) if cache is not None and predicted else None
        if hit is not None:
            yield i, hit
        else:
            todo.append(i)
    if not todo:
        return
    from briefing.analysis.nlp import load_nlp, model_label
    from briefing.analysis.pipeline import analyse_articles

    nlp = load_nlp(model_name)
    label = model_label(nlp)
    n_process = 2 if len(todo) >= PARALLEL_FROM else 1
    for i, analysis in zip(todo, analyse_articles(nlp, [articles[i] for i in todo], label, n_process)):
        if cache is not None:
            cache.put(analysis, predicted or label)
        yield i, analysis


def analyse_all(articles: list[Article], model_name: str | None, use_cache: bool = True):
    """Return ([ArticleAnalysis in input order], model label). Raises ModelError."""
    results: list[ArticleAnalysis | None] = [None] * len(articles)
    for i, analysis in iter_analyses(articles, model_name, use_cache):
        results[i] = analysis
    done = [r for r in results if r is not None]
    label = next((r.model for r in done if r.model), "")
    return done, label
