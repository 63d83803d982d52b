"""Words shown to people: counts with their nouns ("1 quote", "3 quotes")."""

from __future__ import annotations


def plural(n: int, noun: str) -> str:
    """``n`` and ``noun``, the noun plural unless ``n`` is 1 (regular nouns only)."""
    return f"{n} {noun}{'s' * (n != 1)}"
