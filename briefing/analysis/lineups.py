"""Team sheets and line-ups: "G Murphy; G Dempsey, B O'Driscoll (capt), S Horgan, D Hickie."

Sport reports end with lists of players that the entity model mostly misses or tags as
places. A line-up is a paragraph (or a "Label: ..." segment of one) made only of short
capitalised names separated by commas and semicolons, with optional "(capt)", substitutions
"(Biscan 67)" and goal minutes "Rooney 68". Every name in it is a person mention.
"""

from __future__ import annotations

import re

from briefing.analysis.names import PARTICLES, PLACES, is_initial

_PARTICLE_RE = "|".join(sorted((re.escape(p) for p in PARTICLES if "." not in p), key=len, reverse=True))
_WORD = r"(?:[A-Z][a-zA-Z\u00C0-\u017F]*(?:['\u2019][A-Za-z\u00C0-\u017F]+)?(?:-[A-Z][a-zA-Z\u00C0-\u017F']*)*)"
_INIT = r"(?:[A-Z]{1,2}(?:-[A-Z])?\.?)"
_NAME = rf"(?:(?:{_INIT}\s+)?(?:(?:{_PARTICLE_RE}|[A-Z][a-z]{{0,2}})\s+){{0,2}}{_WORD}(?:\s+{_WORD}){{0,2}})"
_NAME_RE = re.compile(rf"^{_NAME}$")
# "(capt)", "(captain)", "(Bourgoin)", "(Biscan 67)", "(Sub Name 67)"
_PAREN_RE = re.compile(r"\(([^()]{1,40})\)")
_MINUTES_RE = re.compile(r"(?:\s+\d{1,3}(?:\s*(?:og|pen|p|o\.g\.))?)+\s*$")
LABELS = {
    "subs", "subs not used", "substitutes", "replacements", "booked", "sent off", "goals",
    "scorers", "ref", "referee", "bench", "team", "line-up", "starting line-up", "squad",
    "forwards", "backs", "try", "tries", "cons", "con", "pens", "pen", "drop goal", "dropped",
    "yellow card", "red card", "sin-bin", "att", "attendance", "captain", "coach", "manager",
}
_UNIT_WORDS = {"capt", "captain", "sub", "rep"}


def _items(segment: str) -> list[tuple[int, int]]:
    """Split on , ; / and return item spans (relative), stripped."""
    spans = []
    start = 0
    for m in re.finditer(r"[,;/]|\s+and\s+|\.\s*$", segment):
        if segment.count("(", 0, m.start()) > segment.count(")", 0, m.start()):
            continue  # inside brackets: "(Sale Sharks, capt)"
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(segment)))
    out = []
    for s, e in spans:
        while s < e and segment[s] in " \t.":
            s += 1
        while e > s and segment[e - 1] in " \t.":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _names_in_item(item: str) -> list[tuple[int, int]] | None:
    """Name spans inside one item, or None when the item is not a player entry."""
    names = []
    body_end = len(item)
    paren = _PAREN_RE.search(item)
    if paren:
        body_end = paren.start()
        inner = paren.group(1).strip()
        inner_clean = _MINUTES_RE.sub("", inner).strip()
        inner_clean = re.sub(r"^(?:sub|rep|replaced by|for)\s+", "", inner_clean, flags=re.I)
        had_minutes = inner_clean != inner.strip()
        if had_minutes and _NAME_RE.match(inner_clean):
            off = item.index(inner_clean, paren.start())
            names.append((off, off + len(inner_clean)))
        if item[paren.end():].strip(" .") and not re.fullmatch(r"\s*\d{1,3}\s*", item[paren.end():]):
            return None
    body = item[:body_end].rstrip()
    m = _MINUTES_RE.search(body)
    if m:
        body = body[: m.start()].rstrip()
    if not body or not _NAME_RE.match(body):
        return None
    words = body.split()
    if any(w.lower() in _UNIT_WORDS for w in words):
        return None
    names.insert(0, (0, len(body)))
    return names


def _segments(paragraph: str) -> list[tuple[int, int, str | None]]:
    """A paragraph split into "Label: list" segments (label may be None)."""
    out = []
    # Split where a new "Label:" starts after a full stop: "... Bent. Subs: Wright, ..."
    pieces = []
    start = 0
    for m in re.finditer(r"(?<=[.)])\s+(?=[A-Z][A-Za-z .'-]{0,30}:\s)", paragraph):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(paragraph)))
    for s, e in pieces:
        seg = paragraph[s:e]
        label = None
        m = re.match(r"^\s*(?:-\s*)?([A-Z][A-Za-z .'&-]{0,30}?)\s*:\s*", seg)
        if m:
            label = m.group(1).strip()
            s += m.end()
        elif seg.lstrip().startswith(":"):
            s += seg.index(":") + 1
        out.append((s, e, label))
    return out


def find_lineups(text: str) -> list[list[tuple[int, int]]]:
    """Team sheets of ``text``: one list of player-name character spans per list found."""
    found: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n"):
        base = pos
        pos += len(line) + 1
        if not line.strip() or len(line) > 2000:
            continue
        for s, e, label in _segments(line):
            seg = line[s:e]
            items = _items(seg)
            if not items:
                continue
            parsed = []
            for a, b in items:
                names = _names_in_item(seg[a:b])
                parsed.append(None if names is None else [(a + x, a + y) for x, y in names])
            good = [p for p in parsed if p]
            labelled = label is not None and label.lower() in LABELS
            if len(good) != len(parsed) and not (len(good) >= 6 and len(parsed) - len(good) <= 1):
                continue  # one stray item ("Others to be added") is tolerated in a long sheet
            if len(good) < (1 if labelled else 3):
                continue
            if label is None and len(good) < 4:
                # Short unlabelled lists need initials, or minutes ("Riise 1, Nunez 113").
                items_text = [seg[a:b] for a, b in items]
                if not (all(is_initial(seg[n[0][0]:n[0][1]].split()[0]) for n in good)
                        or (len(good) >= 2 and all(_MINUTES_RE.search(t) for t in items_text))):
                    continue
            spans = [span for p in good for span in p]
            texts = [seg[x:y] for x, y in spans]
            # Lists of places or clubs are not team sheets.
            if sum(1 for t in texts if t.lower() in PLACES) > max(1, len(texts) // 4):
                continue
            if sum(1 for t in texts if len(t.split()) > 3) > 0:
                continue
            found.append([(base + s + x, base + s + y) for x, y in spans])
    return found


def find_lineup_names(text: str) -> list[tuple[int, int]]:
    """Character spans of every player name in the team sheets of ``text``."""
    return [span for group in find_lineups(text) for span in group]
