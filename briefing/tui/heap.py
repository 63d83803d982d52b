"""Keep Python's full garbage collections out of the way of keys.

A reader holding a briefing has a large heap of long-lived objects (Textual's widgets and
styles, Rich's texts, every analysis). CPython's oldest-generation collection walks all of
them: measured in the reader with 200 BBC articles, each full collection took 50-70 ms, and
one ran every second or so while analyses arrived, so a key that met one waited 100 ms or
more. Objects that will live as long as the app are moved out of the collector's sight
(``gc.freeze``) once they are made: after the first paint and after each batch of arriving
analyses. The young generations are collected first, so the short-lived cycles made since the
last time are not frozen with them. When the analysis ends, one full collection (the only
pause of that size) gives back anything frozen that has since become garbage.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect the young generations (a few ms), then freeze what survived."""
    gc.collect(1)
    gc.freeze()


def tidy() -> None:
    """Unfreeze, collect everything once, freeze again: after the burst of arrivals is over."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def release() -> None:
    """Hand everything back to the collector (when the app ends, or in a test)."""
    gc.unfreeze()
