"""Quotes: spans inside quotation marks, their cue verb and their speaker.

First version: pairs double quotation marks (straight and curly), skips titles and names,
and attributes a quote to the subject of the nearest speech verb outside it, resolved through
the ``ActorIndex``; a quote with no cue in its paragraph inherits the previous speaker.
"""

from __future__ import annotations

import re

from briefing.analysis.actors import ActorIndex
from briefing.model import Quote

SPEECH_VERBS = {
    "say", "tell", "add", "state", "claim", "argue", "insist", "warn", "explain", "admit",
    "note", "declare", "describe", "call", "write", "ask", "reply", "urge", "believe",
    "suggest", "announce", "accuse", "stress", "comment", "confirm", "deny", "predict",
    "continue", "conclude", "acknowledge", "report", "agree", "point", "reveal", "recall",
}

_OPENERS = {'"': '"', "\u201c": "\u201d"}


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Content spans (without marks) of double-quoted passages."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS or ch == "\u201d":
            close = _OPENERS.get(ch, '"')
            j = i + 1
            stop = text.find("\n", j)
            stop = n if stop < 0 else stop
            end = -1
            k = j
            while k < stop:
                if text[k] == close or (close == "\u201d" and text[k] == '"') or text[k] == "\u201d":
                    end = k
                    break
                if text[k] in "\u201c" or (text[k] == '"' and close != '"'):
                    break
                k += 1
            if end < 0:
                end = k
            s, e = j, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
            i = end + 1 if end >= 0 and end < n and text[end] in '"\u201d' else max(end, i + 1)
        else:
            i += 1
    return spans


def _speech_verb(token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _cue_for(doc, start: int, end: int):
    """The speech verb outside the quote that governs it: same sentence first, nearest wins."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sents = {span[0].sent, span[-1].sent}
    best = None
    for sent in sents:
        for tok in sent:
            if span.start <= tok.i < span.end:
                continue
            if _speech_verb(tok) and _subject(tok) is not None:
                dist = min(abs(tok.i - span.start), abs(tok.i - span.end))
                if best is None or dist < best[0]:
                    best = (dist, tok)
    return best[1] if best else None


def _is_title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 6:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps == len(words) and len(words) >= 2


def extract_quotes(doc, actors: ActorIndex) -> list[Quote]:
    text = doc.text
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    for start, end in find_quote_spans(text):
        content = text[start:end]
        if _is_title_like(content.strip(" ,.")):
            continue
        words = len(content.split())
        cue = _cue_for(doc, start, end)
        actor_id, speaker, cue_text = None, None, None
        if cue is not None:
            subj = _subject(cue)
            actor_id = actors.resolve(subj) if subj is not None else None
            cluster = actors.cluster(actor_id)
            speaker = cluster.name if cluster else None
            cue_text = cue.text
        elif words >= 4:
            actor_id, speaker = last_speaker
        if actor_id:
            last_speaker = (actor_id, speaker)
        quotes.append(Quote(
            start=start, end=end, text=content, speaker=speaker, actor_id=actor_id,
            cue=cue_text, kind="quote" if words >= 4 else "partial",
        ))
    return quotes
