"""A small process pool for analysing many articles on several cores.

Each worker process loads the spaCy pipeline once, then takes batches of articles from a
shared queue, runs ``nlp.pipe`` *and the extractors* on them, and sends back each article's
quotes, actors and figures as soon as it is done. Only small frozen dataclasses cross the
process boundary (spaCy's own ``n_process`` sends whole ``Doc``s back for the parent to
unpickle), and the parent never imports spaCy, so a front end that runs this in a thread
stays light and responsive.

Workers are started with ``spawn``: the caller may be a threaded program (the TUI runs the
analysis in a thread), where ``fork`` is unsafe. Batches shrink towards the end of the queue
so the two workers finish together.

If a worker fails in any way (a crash, the model not loading, an extractor raising), the
pool stops and ``PoolFailed`` is raised with the articles still to do; the runner then
analyses those in its own process, which raises the real error if there is one.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
from collections.abc import Callable, Iterator

from briefing.model import Article, ArticleAnalysis

MAX_BATCH = 12
MIN_BATCH = 2
POLL = 0.2  # seconds between checks that the workers are still alive


class PoolFailed(Exception):
    """The pool stopped early; ``remaining`` are the indices it did not deliver."""

    def __init__(self, remaining: list[int], reason: str):
        super().__init__(reason)
        self.remaining = remaining
        self.reason = reason


def default_workers() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, cpus)


def plan_batches(n: int, workers: int, largest: int = MAX_BATCH, smallest: int = MIN_BATCH) -> list[int]:
    """Batch sizes summing to ``n``: one article first (the one a reader is looking at comes
    back soonest), then large, shrinking so the workers end together."""
    sizes = [1] if n else []
    left = n - 1
    while left > 0:
        size = max(smallest, min(largest, left // (2 * workers)))
        size = min(size, left)
        sizes.append(size)
        left -= size
    return sizes


def _worker(model_name: str | None, tasks, results, nice: int = 0) -> None:
    # Ctrl-C goes to the whole process group; the parent decides what happens, not us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if nice:
        try:
            os.nice(nice)  # behind an interactive parent, which must answer keys at once
        except (AttributeError, OSError):
            pass
    # The caller may be drawing on this terminal: nothing of ours may reach it. Failures are
    # reported to the parent as messages instead.
    _silence()
    try:
        from briefing.analysis.nlp import load_nlp, model_label
        from briefing.analysis.pipeline import analyse_articles

        nlp = load_nlp(model_name)
        label = model_label(nlp)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        results.put(("failed", f"{exc.__class__.__name__}: {exc}"))
        return
    results.put(("ready", label))
    while True:
        batch = tasks.get()
        if batch is None:
            break
        indices = [i for i, _ in batch]
        try:
            done = analyse_articles(nlp, [a for _, a in batch], label)
            for i, an in zip(indices, done):
                results.put(("done", i, an.quotes, an.actors, an.figures, label))
        except BaseException as exc:  # noqa: BLE001
            results.put(("failed", f"{exc.__class__.__name__}: {exc}"))
            return


def _silence() -> None:
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def analyse_in_pool(
    items: list[tuple[int, Article]],
    model_name: str | None,
    workers: int = 2,
    start_method: str = "spawn",
    max_batch: int = MAX_BATCH,
    nice: int = 0,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[int, ArticleAnalysis]]:
    """Yield ``(index, analysis)`` for every item, in the order they finish.

    ``nice`` lowers the workers' CPU priority (for an interactive parent). ``should_stop`` is
    asked every ``POLL`` seconds while waiting; when it says yes, the workers are stopped and
    the generator ends early, quietly.

    Raises ``PoolFailed`` (with the indices not yet yielded) if the pool breaks. Closing the
    generator early stops the workers.
    """
    ctx = multiprocessing.get_context(start_method)
    tasks = ctx.Queue()
    results = ctx.Queue()
    articles = dict(items)
    pos = 0
    for size in plan_batches(len(items), workers, max_batch):
        tasks.put(items[pos:pos + size])
        pos += size
    workers = max(1, min(workers, len(items)))
    for _ in range(workers):
        tasks.put(None)
    procs = [
        ctx.Process(target=_worker, args=(model_name, tasks, results, nice), daemon=True,
                    name=f"briefing-analysis-{k}")
        for k in range(workers)
    ]
    pending = set(articles)
    try:
        for p in procs:
            p.start()
        while pending:
            if should_stop is not None and should_stop():
                return
            try:
                msg = results.get(timeout=POLL)
            except queue.Empty:
                crashed = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
                if crashed or all(p.exitcode is not None for p in procs):
                    # Whatever a dead worker sent before it died is already in the pipe.
                    for msg in _drain(results):
                        if msg[0] == "done":
                            pending.discard(msg[1])
                            yield msg[1], _analysis(articles, msg)
                    if pending:
                        why = f"exit code {crashed[0]}" if crashed else "exited early"
                        raise PoolFailed(sorted(pending), f"analysis worker {why}") from None
                continue
            if msg[0] == "done":
                pending.discard(msg[1])
                yield msg[1], _analysis(articles, msg)
            elif msg[0] == "failed":
                raise PoolFailed(sorted(pending), msg[1])
    finally:
        _stop(procs, tasks, results)


def _analysis(articles: dict[int, Article], msg) -> ArticleAnalysis:
    _, i, quotes, actors, figures, label = msg
    return ArticleAnalysis(article=articles[i], quotes=quotes, actors=actors, figures=figures,
                           model=label)


def _drain(results):
    while True:
        try:
            yield results.get(timeout=0.05)
        except (queue.Empty, OSError, EOFError):
            return


def _stop(procs, tasks, results) -> None:
    procs = [p for p in procs if p.pid is not None]  # started ones only
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(timeout=2)
        if p.is_alive():
            p.kill()
            p.join(timeout=1)
    for q in (tasks, results):
        q.cancel_join_thread()
        q.close()
