"""Facts about a parsed Doc that spaCy rebuilds on every read, built once.

``Doc.text`` joins every token's text each time it is read and ``Doc.ents`` builds a new tuple
of spans, so reading them once per mention or per quote makes the extractors quadratic in the
length of an article. The extractors ask here instead: the facts of the last Doc asked about
are kept (by identity, holding the Doc so that its id cannot be reused by another). A Doc is
not changed once the extractors have it (nothing here retokenizes or sets entities).
"""

from __future__ import annotations


class _Facts:
    __slots__ = ("doc", "text", "ents", "tokens")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.text: str | None = None
        self.ents: tuple | None = None
        self.tokens: list | None = None


_last = _Facts(None)


def _facts(doc) -> _Facts:
    global _last
    facts = _last
    if facts.doc is not doc:
        facts = _last = _Facts(doc)
    return facts


def text_of(doc) -> str:
    """``doc.text``, computed once per Doc."""
    facts = _facts(doc)
    if facts.text is None:
        facts.text = doc.text
    return facts.text


def ents_of(doc) -> tuple:
    """``doc.ents``, computed once per Doc."""
    facts = _facts(doc)
    if facts.ents is None:
        facts.ents = doc.ents
    return facts.ents


def tokens_of(doc) -> list:
    """``list(doc)``, computed once per Doc (indexing it is cheaper than ``doc[i]``)."""
    facts = _facts(doc)
    if facts.tokens is None:
        facts.tokens = list(doc)
    return facts.tokens


def span_text(doc, start: int, end: int) -> str:
    """The verbatim text from token ``start`` up to the end of token ``end - 1``."""
    toks = tokens_of(doc)
    last = toks[end - 1]
    return text_of(doc)[toks[start].idx: last.idx + len(last.text)]
