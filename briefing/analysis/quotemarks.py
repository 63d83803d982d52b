"""Stage 1 of quote extraction: find the spans that quotation marks enclose.

Pure text work, no spaCy. Handles straight and curly double quotes, guillemets, and single
quotes used as quote marks (British style) while leaving apostrophes alone ("Britain's",
"'90s", "rock 'n' roll", "the players' union").

Robust by construction: any string gives a list of valid, non-overlapping, non-empty spans.
An unbalanced mark never fails the scan. A quote that reopens before it closes (flattened
paragraphs: ``...talent. "The next...``) ends where the new one opens, and a quote left open
at the end of a paragraph ends there.

Nested quotes (singles inside doubles, or doubles inside singles) are not reported: only the
outer span is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

DOUBLE_MARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
_CURLY_OPEN = "\u201c\u00ab\u201e"
_CURLY_CLOSE = "\u201d\u00bb"
SINGLE_MARKS = "'\u2018\u2019"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

# Lowercase words a title keeps between its capitalised ones ("Pillar of Defense").
TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "in", "on", "for", "a", "an", "to", "at", "by", "with",
                               "from", "de", "la", "le", "von", "van", "du", "da", "&"})
TITLE_PUNCT = ".,;:!?()[]\"'\u2018\u2019\u201c\u201d"


def title_words(content: str) -> list[str] | None:
    """The words of ``content`` if it is written as a name or title (every word capitalised or
    a number, small linking words aside, no ! or ?), without their punctuation; else None."""
    if "!" in content or "?" in content:
        return None
    words = [w for w in (w.strip(TITLE_PUNCT) for w in content.split()) if w]
    if not words or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return None
    return words


# A mark right after one of these (or whitespace, or the start of a paragraph) opens.
_BEFORE_OPEN = "([{<\u2014\u2013-/" + ALL_MARKS
# A mark right before one of these (or whitespace, or the end) closes.
_AFTER_CLOSE = ".,;:!?)]}>\u2014\u2013-/\u2026" + ALL_MARKS

# Words that start with an apostrophe rather than an opening single quote.
_ELISIONS = {"em", "n", "til", "cause", "cos", "coz", "tis", "twas", "bout", "round", "ello",
             "allo", "s", "d", "ll", "re", "ve", "t", "m", "un", "ere", "appen", "nuff", "neath"}
_DECADE = re.compile(r"\d\d(s\b|\b)")
_WORD = re.compile(r"[A-Za-z]+")
_HAS_WORD = re.compile(r"\w")
_SENTENCE_END = ".!?\u2026"


@dataclass(frozen=True)
class MarkedSpan:
    """The content of one quoted passage.

    ``start``/``end`` delimit the content without the marks and without surrounding
    whitespace. ``open_at`` is the index of the opening mark; ``close_at`` the index of the
    closing mark, or None when the quote was left open (ended by a new opening mark or by
    the end of its paragraph).
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    style: str  # "double" or "single"

    @property
    def outer_end(self) -> int:
        """Index just after the closing mark (or the content, when left open)."""
        return self.close_at + 1 if self.close_at is not None else self.end


# -- paragraphs -------------------------------------------------------------------------

def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph. A line break is soft (no paragraph end) when the line
    stops mid-sentence and the next one carries on in lower case (hard-wrapped text)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = text.find("\n")
    while i >= 0:
        prev = text[start:i].rstrip()
        nxt = i + 1
        if (prev and prev[-1] not in _SENTENCE_END + ":" + ALL_MARKS and nxt < n
                and text[nxt].islower()):
            i = text.find("\n", nxt)
            continue
        if i > start:
            out.append((start, i))
        start = i + 1
        i = text.find("\n", start)
    if start < n:
        out.append((start, n))
    return out


# -- flanking -----------------------------------------------------------------------------

def _space_before(text: str, i: int, a: int) -> bool:
    return i == a or text[i - 1].isspace() or text[i - 1] in _BEFORE_OPEN


def _space_after(text: str, i: int, b: int) -> bool:
    return i + 1 >= b or text[i + 1].isspace()


def _punct_after(text: str, i: int, b: int) -> bool:
    return i + 1 < b and text[i + 1] in _AFTER_CLOSE


def double_role(text: str, i: int, a: int, b: int) -> str:
    """'open', 'close' or 'either' for the double mark at ``i`` in paragraph [a, b)."""
    before = _space_before(text, i, a)
    after = _space_after(text, i, b) or _punct_after(text, i, b)
    if before and not after:
        flank = "open"
    elif after and not before:
        flank = "close"
    else:
        flank = "either"
    ch = text[i]
    if ch in _CURLY_OPEN:
        return "either" if flank == "close" else "open"
    if ch in _CURLY_CLOSE:
        return "either" if flank == "open" else "close"
    return flank


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _make(text: str, open_at: int, content_end: int, close_at: int | None, style: str) -> MarkedSpan | None:
    s, e = _trimmed(text, open_at + 1, content_end)
    if e <= s or not _HAS_WORD.search(text, s, e):
        return None
    return MarkedSpan(s, e, open_at, close_at, style)


def _introducer_start(text: str, open_at: int, i: int) -> int:
    """Where a quote left open should end when the text before the next opening mark at
    ``i`` introduces that one with a colon: at the start of the introducing sentence."""
    j = i - 1
    while j > open_at and text[j].isspace():
        j -= 1
    if text[j] != ":":
        return i
    k = j - 1
    while k > open_at:
        if text[k] in _SENTENCE_END and text[k + 1] == " " and text[k + 2:k + 3].isupper():
            return k + 1
        k -= 1
    return i


# -- double quotes ------------------------------------------------------------------------

def _double_spans(text: str, a: int, b: int) -> list[MarkedSpan]:
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for i in range(a, b):
        if text[i] not in DOUBLE_MARKS:
            continue
        role = double_role(text, i, a, b)
        if open_at is None:
            if role != "close":  # a stray closing mark is skipped
                open_at = i
        elif role == "open":
            # reopened without closing: the first quote ends where the new one starts, or
            # before the sentence that introduces the new one ('... Smith said: "')
            span = _make(text, open_at, _introducer_start(text, open_at, i), None, "double")
            if span:
                spans.append(span)
            open_at = i
        else:
            span = _make(text, open_at, i, i, "double")
            if span:
                spans.append(span)
            open_at = None
    if open_at is not None:
        span = _make(text, open_at, b, None, "double")
        if span:
            spans.append(span)
    return spans


# -- single quotes ------------------------------------------------------------------------

def _single_opener(text: str, i: int, a: int, b: int) -> bool:
    ch = text[i]
    if ch == "\u2019" or not _space_before(text, i, a):
        return False
    if _space_after(text, i, b) or _punct_after(text, i, b):
        return False
    if _DECADE.match(text, i + 1, b):
        return False
    word = _WORD.match(text, i + 1, b)
    # "'n'" in "rock 'n' roll", "'em", "'til": an elision, not a quotation
    return not (word and word.group().lower() in _ELISIONS and not _WORD.match(text, word.end(), b))


def _single_closer(text: str, i: int, a: int, b: int) -> bool:
    if text[i] == "\u2018" or i == a or text[i - 1].isspace():
        return False
    return _space_after(text, i, b) or _punct_after(text, i, b)


def _possessive_like(text: str, i: int, b: int) -> bool:
    """``players' union``: an s-final word, the mark, then a lower-case word."""
    return (text[i - 1] in "sSzZ" and i + 2 < b and text[i + 1] == " " and text[i + 2].islower())


def _crosses(s: int, e: int, spans: list[MarkedSpan]) -> bool:
    for d in spans:
        inner = [s < d.open_at < e, s < d.outer_end - 1 < e]
        if any(inner) and not all(inner):
            return True
    return False


def _sentence_start_opener(text: str, i: int, a: int) -> bool:
    j = i - 1
    while j >= a and text[j].isspace():
        j -= 1
    return j < a or text[j] in _SENTENCE_END + ":"


def _single_spans(text: str, a: int, b: int, doubles: list[MarkedSpan]) -> list[MarkedSpan]:
    openers = [i for i in range(a, b) if text[i] in SINGLE_MARKS and _single_opener(text, i, a, b)]
    closers = [i for i in range(a, b) if text[i] in SINGLE_MARKS and _single_closer(text, i, a, b)]
    spans: list[MarkedSpan] = []
    taken_until = a
    for k, o in enumerate(openers):
        if o < taken_until:
            continue
        later = [c for c in closers if c > o + 1 and not _crosses(o, c + 1, doubles)]
        # a clear new opener before any closer ends this quote (reopened quote)
        nxt = openers[k + 1] if k + 1 < len(openers) else None
        close = None
        for idx, c in enumerate(later):
            if _possessive_like(text, c, b) and idx + 1 < len(later) and later[idx + 1] - c < 300:
                continue
            close = c
            break
        if (nxt is not None and (close is None or nxt < close) and _sentence_start_opener(text, o, a)
                and _sentence_start_opener(text, nxt, a)):
            span = _make(text, o, nxt, None, "single")
            if span:
                spans.append(span)
            taken_until = nxt
            continue
        if close is None:
            # left open: only a quotation opening a paragraph or after a colon runs to the end
            if _sentence_start_opener(text, o, a) and len(text[o:b].split()) >= 4 and text[o] == "\u2018":
                span = _make(text, o, b, None, "single")
                if span:
                    spans.append(span)
                taken_until = b
            continue
        word = _WORD.fullmatch(text, o + 1, close)
        if word and word.group().lower() in _ELISIONS:
            continue
        span = _make(text, o, close, close, "single")
        if span:
            spans.append(span)
            taken_until = close + 1
    return spans


def _inside(inner: MarkedSpan, outer: MarkedSpan) -> bool:
    return outer.open_at < inner.open_at and inner.end <= outer.end


def find_spans(text: str) -> list[MarkedSpan]:
    """Every outermost quoted span in ``text``, in order."""
    return list(_find_spans(text))


@functools.lru_cache(maxsize=4)  # the actor and quote extractors both ask, about one text
def _find_spans(text: str) -> tuple[MarkedSpan, ...]:
    out: list[MarkedSpan] = []
    for a, b in paragraphs(text):
        doubles = _double_spans(text, a, b)
        singles = _single_spans(text, a, b, doubles)
        keep = [d for d in doubles if not any(_inside(d, s) for s in singles)]
        keep += [s for s in singles if not any(_inside(s, d) for d in doubles)]
        last_end = a
        for sp in sorted(keep, key=lambda sp: sp.open_at):
            if sp.open_at >= last_end:  # overlapping leftovers of broken marks: first wins
                out.append(sp)
                last_end = sp.outer_end
    return tuple(out)
