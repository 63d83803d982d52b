"""Word-wrapping an article into display lines that remember their character offsets.

The text pane needs to know which line holds a given character (to scroll a quote or a
figure into view), so it wraps the text itself instead of letting a renderable do it.
"""

from __future__ import annotations

import bisect
import re

from rich.cells import cell_len

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Display lines as (start, end) offsets into ``text``.

    Paragraphs are the text's lines; between two non-empty paragraphs an empty display line
    is added, so single-newline articles read as separated paragraphs. Words wider than the
    line are folded. ``end`` may include trailing spaces (they are cropped when drawn).
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    previous_blank = True
    for para in text.split("\n"):
        start, end = pos, pos + len(para)
        pos = end + 1
        blank = not para.strip()
        if blank:
            lines.append((start, start))
        else:
            if not previous_blank:
                lines.append((start, start))
            lines.extend(_wrap_paragraph(text, start, end, width))
        previous_blank = blank
    return lines


def _wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    line_start, line_cells = start, 0
    for match in _TOKEN.finditer(text, start, end):
        token = match.group()
        word = token.rstrip()
        word_cells = len(word) if word.isascii() else cell_len(word)
        if line_cells and line_cells + word_cells > width:
            out.append((line_start, match.start()))
            line_start, line_cells = match.start(), 0
        if word_cells > width:
            # A word too wide for any line: cut it into line-wide pieces.
            offset, word_end = match.start(), match.start() + len(word)
            while offset < word_end:
                take = max(1, _fit(text, offset, word_end, width))
                if offset + take < word_end:
                    out.append((line_start, offset + take))
                    line_start = offset + take
                else:
                    line_cells = cell_len(text[offset:word_end])
                offset += take
            line_cells += len(token) - len(word)
        else:
            line_cells += word_cells + len(token) - len(word)
    if line_start < end or not out:
        out.append((line_start, end))
    return out


def _fit(text: str, start: int, end: int, cells: int) -> int:
    """How many characters from ``start`` fit in ``cells`` cells."""
    used = 0
    for i in range(start, end):
        used += cell_len(text[i])
        if used > cells:
            return i - start
    return end - start


def line_of(starts: list[int], offset: int) -> int:
    """Index of the display line holding character ``offset``, given each line's start."""
    return max(0, bisect.bisect_right(starts, offset) - 1)
