"""The reader keeps full garbage collections away from keys (briefing.tui.heap)."""

from __future__ import annotations

import gc
import weakref

from briefing.model import Briefing
from briefing.tui import heap
from tui_support import GatedAnalyse, article, make_app, FERRY


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_settle_collects_young_cycles_before_freezing():
    try:
        garbage = Cycle()
        dead = weakref.ref(garbage)
        del garbage
        heap.settle()
        assert dead() is None, "a garbage cycle was frozen instead of collected"
        assert gc.get_freeze_count() > 0
    finally:
        heap.release()
    assert gc.get_freeze_count() == 0


def test_tidy_gives_back_frozen_garbage():
    try:
        cycle = Cycle()
        dead = weakref.ref(cycle)
        heap.settle()  # frozen while alive
        del cycle  # garbage now, but out of the collector's sight
        gc.collect()
        assert dead() is not None, "frozen objects are not collected"
        heap.tidy()
        assert dead() is None
    finally:
        heap.release()


async def test_arrivals_freeze_the_heap_and_quitting_releases_it():
    arts = tuple(article(FERRY, f"n/{i}.txt", i) for i in range(3))
    gated = GatedAnalyse()
    app = make_app(Briefing(arts), analyse=gated)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        heap.release()
        gated.release(0)
        while 0 not in app.reader.analyses:
            await pilot.pause()
        assert gc.get_freeze_count() > 0, "an arrival froze what the app now holds"
        for i in range(3):
            gated.release(i)
        while len(app.reader.analyses) < 3:
            await pilot.pause()
    assert gc.get_freeze_count() == 0, "the app left the heap frozen"


def gated_app(n: int, quiet: float):
    """A reader on ``n`` articles whose analyses arrive when released, and the gate."""
    arts = tuple(article(FERRY, f"n/{i}.txt", i) for i in range(n))
    gated = GatedAnalyse()
    app = make_app(Briefing(arts), analyse=gated)
    app.QUIET_BEFORE_TIDY = quiet
    return app, gated


async def finish_analysis(app, gated, pilot) -> None:
    for i in range(len(app.briefing.articles)):
        gated.release(i)
    while len(app.reader.analyses) < len(app.briefing.articles) or app.workers:
        await pilot.pause()
    await pilot.pause()


async def test_the_full_collection_waits_until_the_keys_are_left_alone(monkeypatch):
    tidied: list[bool] = []
    monkeypatch.setattr(heap, "tidy", lambda: tidied.append(True))
    app, gated = gated_app(2, quiet=3600.0)  # "recently" is anything this session
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await finish_analysis(app, gated, pilot)
        assert tidied == [], "the pause came while the user was pressing keys"
        app._last_input = float("-inf")  # long quiet
        app._tidy_when_idle()
        assert tidied == [True]


async def test_the_full_collection_runs_when_the_analysis_ends_and_all_is_quiet(monkeypatch):
    tidied: list[bool] = []
    monkeypatch.setattr(heap, "tidy", lambda: tidied.append(True))
    app, gated = gated_app(2, quiet=0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert tidied == []
        await finish_analysis(app, gated, pilot)
        assert tidied == [True]
