"""Analyse a list of articles, using the on-disk cache where it has them."""

from __future__ import annotations

from briefing.analysis.nlp import load_nlp, model_label
from briefing.analysis.pipeline import analyse_articles
from briefing.model import Article, ArticleAnalysis

PARALLEL_FROM = 24  # articles; below this a second process costs more than it saves


def analyse_all(articles: list[Article], model_name: str | None, use_cache: bool = True):
    """Return ([ArticleAnalysis in input order], model label). Raises ModelError."""
    from briefing.storage.cache import AnalysisCache, predict_model_id

    cache = AnalysisCache.default() if use_cache else None
    predicted = predict_model_id(model_name)
    results: list[ArticleAnalysis | None] = [None] * len(articles)
    if cache is not None and predicted:
        for i, article in enumerate(articles):
            results[i] = cache.get(article, predicted)
    todo = [i for i, r in enumerate(results) if r is None]
    label = predicted or ""
    if todo:
        nlp = load_nlp(model_name)
        label = model_label(nlp)
        n_process = 2 if len(todo) >= PARALLEL_FROM else 1
        for i, analysis in zip(todo, analyse_articles(nlp, [articles[i] for i in todo], label, n_process)):
            results[i] = analysis
            if cache is not None:
                cache.put(analysis, predicted or label)
    return [r for r in results if r is not None], label
