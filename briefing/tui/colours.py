"""Stable per-speaker colours: the same actor has the same colour in every pane.

Colours are the terminal's own ANSI hues, so they survive 16-colour terminals and follow an
ANSI theme. A name prefers a slot chosen by a stable hash of the name (so a person usually
keeps their colour from article to article); when two actors of one article want the same
slot, the more salient one (earlier in the core's order) keeps it and the other takes the
next free one. Actors beyond the palette get no colour (they are still bold).
"""

from __future__ import annotations

import zlib

from rich.style import Style

from briefing.model import ArticleAnalysis

# Hues that read on both dark and light backgrounds; bright variants on dark themes.
HUES = ("cyan", "magenta", "green", "yellow", "blue", "red")


def _preferred_slot(name: str) -> int:
    return zlib.crc32(" ".join(name.casefold().split()).encode("utf-8", "surrogatepass")) % len(HUES)


def assign_slots(analysis: ArticleAnalysis) -> dict[str, int]:
    """actor id -> palette slot, for as many actors as the palette allows."""
    slots: dict[str, int] = {}
    taken: set[int] = set()
    for actor in analysis.actors:  # the core's salience order, most salient first
        if len(taken) == len(HUES):
            break
        slot = _preferred_slot(actor.name)
        while slot in taken:
            slot = (slot + 1) % len(HUES)
        taken.add(slot)
        slots[actor.id] = slot
    return slots


class SpeakerColours:
    """Rich styles for one article's actors, for a dark or a light background."""

    def __init__(self, analysis: ArticleAnalysis | None, dark: bool = True):
        self.slots = assign_slots(analysis) if analysis is not None else {}
        self.dark = dark

    def colour(self, actor_id: str | None) -> str | None:
        slot = self.slots.get(actor_id) if actor_id else None
        if slot is None:
            return None
        hue = HUES[slot]
        return f"bright_{hue}" if self.dark else hue

    def name_style(self, actor_id: str | None) -> Style:
        """A speaker's name: bold, in their colour."""
        return Style(bold=True, color=self.colour(actor_id))

    def quote_style(self, actor_id: str | None) -> Style:
        """Quoted words: italic, in the speaker's colour."""
        return Style(italic=True, color=self.colour(actor_id))
