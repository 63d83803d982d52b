"""Analyse a list of articles, using the on-disk cache where it has them.

``iter_analyses`` is the one entry point for every front end: it yields cached analyses
first (without importing spaCy), then the rest as each is done, from worker processes
(``briefing.analysis.workers``) that parse and extract and send back only the results.

Two modes:

* interactive (the default of ``iter_analyses``, for the TUI): every uncached article goes to
  worker processes running at a lower CPU priority, one worker for a few articles and one per
  core for many, so this process never imports spaCy and keeps answering keys at once;
* batch (``analyse_all``, for ``briefing analyze`` and ``export``): a few articles are
  analysed in this process, since starting a worker (importing spaCy, loading the model) costs
  more than it saves; many go to one worker per core at normal priority.

If the pool breaks, what it did not deliver is analysed in this process (raising the real
error, e.g. ``ModelError``, if there is one). A caller that stops early (a TUI quitting
mid-briefing) should ``close()`` the generator, which stops the workers at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from briefing.model import Article, ArticleAnalysis

PARALLEL_FROM = 24  # uncached articles; below this a second process costs more than it saves
PER_WORKER = 12  # at least this many articles for each extra worker process
MAX_WORKERS = 4  # each worker holds its own copy of the model (~250 MB)
BACKGROUND_NICE = 10  # interactive mode: the workers yield the CPU to the app

Progress = Callable[[str], None]


def plan_workers(todo: int, cpus: int | None = None, interactive: bool = False) -> int:
    """How many worker processes to use for ``todo`` uncached articles (0: in-process)."""
    from briefing.analysis.workers import default_workers

    cpus = default_workers() if cpus is None else cpus
    if todo < PARALLEL_FROM or cpus < 2:
        return 1 if interactive and todo else 0
    return max(2, min(cpus, MAX_WORKERS, todo // PER_WORKER))


def iter_analyses(
    articles: list[Article],
    model_name: str | None,
    use_cache: bool = True,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    interactive: bool = True,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, ArticleAnalysis]]:
    """Yield (index in ``articles``, analysis): cached ones first, the rest as they finish.

    ``workers``: worker processes to use (None: decide from the article and CPU count and the
    mode; 0: all in this process). ``interactive``: see the module docstring. ``progress`` is
    called with a short phrase when the stage changes. ``cancelled`` is polled (every 0.2 s
    while waiting on workers, and between articles) and ends the iteration early when true;
    so does the program's main thread ending, so an app that quits from under a worker thread
    exits at once. Raises ModelError when no pipeline can be loaded.
    """
    from briefing.storage.cache import AnalysisCache, predict_model_id

    say = progress or (lambda _msg: None)
    cache = AnalysisCache.default() if use_cache else None
    predicted = predict_model_id(model_name) if cache is not None else None
    todo: list[int] = []
    for i, article in enumerate(articles):
        hit = cache.get(article, predicted) if cache is not None and predicted else None
        if hit is not None:
            yield i, hit
        else:
            todo.append(i)
    if not todo:
        return

    def keep(analysis: ArticleAnalysis) -> None:
        if cache is not None and predicted:
            cache.put(analysis, predicted)

    def stop() -> bool:
        return (cancelled is not None and cancelled()) or not threading.main_thread().is_alive()

    n_workers = plan_workers(len(todo), interactive=interactive) if workers is None else workers
    if n_workers >= 1 and (interactive or len(todo) >= 2):
        from briefing.analysis.workers import PoolFailed, analyse_in_pool

        say(f"analysing {len(todo)} articles in {n_workers} process{'es' * (n_workers > 1)}")
        pool = analyse_in_pool([(i, articles[i]) for i in todo], model_name, workers=n_workers,
                               nice=BACKGROUND_NICE if interactive else 0, should_stop=stop)
        try:
            for i, analysis in pool:
                keep(analysis)
                yield i, analysis
            return  # finished, or told to stop
        except PoolFailed as failed:
            # Do the rest here: this either works or raises the real error (e.g. ModelError).
            todo = failed.remaining
            say(f"analysis worker failed ({failed.reason}); continuing in this process")
        finally:
            pool.close()

    from briefing.analysis.nlp import load_nlp, model_label
    from briefing.analysis.pipeline import analyse_articles

    say("loading the language model")
    nlp = load_nlp(model_name)
    label = model_label(nlp)
    say(f"analysing {len(todo)} articles")
    for i, analysis in zip(todo, analyse_articles(nlp, [articles[i] for i in todo], label)):
        keep(analysis)
        yield i, analysis
        if stop():
            return


def analyse_all(
    articles: list[Article],
    model_name: str | None,
    use_cache: bool = True,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
):
    """Return ([ArticleAnalysis in input order], model label), in batch mode. Raises ModelError."""
    results: list[ArticleAnalysis | None] = [None] * len(articles)
    for i, analysis in iter_analyses(articles, model_name, use_cache, workers=workers,
                                     progress=progress, interactive=False):
        results[i] = analysis
    done = [r for r in results if r is not None]
    label = next((r.model for r in done if r.model), "")
    return done, label
