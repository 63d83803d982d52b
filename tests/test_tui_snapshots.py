"""SVG snapshots of the reader on a fake analysis, at 80x24 and 160x48.

Regenerate after a deliberate change with ``pytest tests/test_tui_snapshots.py --snapshot-update``
and look at the SVGs in ``tests/__snapshots__/`` before committing them.
"""

from __future__ import annotations

import pytest
from tui_support import make_app, one_article, three_articles


def _after(*keys: str):
    """Wait for the analysis, press ``keys`` one by one, and let the layout settle."""

    async def run_before(pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param((), id="text"),
        pytest.param(("l", "l", "l"), id="text-cursor"),
        pytest.param(("2",), id="quotes"),
        pytest.param(("3", "j"), id="actors"),
        pytest.param(("4",), id="figures"),
        pytest.param(("question_mark",), id="help"),
        pytest.param(("2", "space", "j", "f", "j", "space", "f"), id="quotes-marked"),
        pytest.param(("2", "j", "a"), id="note"),
    ],
)
def test_narrow(snap_compare, keys):
    assert snap_compare(make_app(one_article()), terminal_size=(80, 24), run_before=_after(*keys))


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param((), id="text"),
        pytest.param(("3", "enter"), id="actors"),
        pytest.param(("right_square_bracket", "4"), id="figures-second-article"),
        pytest.param(("right_square_bracket", "2", "space", "f", "4", "space"), id="review-progress"),
    ],
)
def test_wide(snap_compare, keys):
    assert snap_compare(make_app(three_articles()), terminal_size=(160, 48), run_before=_after(*keys))


def test_narrow_article_list(snap_compare):
    assert snap_compare(make_app(three_articles()), terminal_size=(80, 24), run_before=_after("0"))
