"""Figures: numbers that matter, their value, unit and what they count.

First version: spaCy's numeric entities (CARDINAL, MONEY, PERCENT, QUANTITY), minus dates and
ordinals, with a value parser and the counted noun as head.
"""

from __future__ import annotations

import re

from briefing.model import Figure

NUMERIC_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
CURRENCIES = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {"pounds": "GBP", "pound": "GBP", "dollars": "USD", "dollar": "USD",
                  "euros": "EUR", "euro": "EUR", "pence": "GBP", "penny": "GBP", "p": "GBP"}
SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "million": 1e6, "k": 1e3,
          "thousand": 1e3, "trillion": 1e12, "tn": 1e12, "hundred": 100}
WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
              "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12})
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
             "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
APPROX = {"about", "around", "nearly", "almost", "over", "more", "than", "less", "fewer",
          "at", "least", "most", "up", "to", "some", "roughly", "approximately", "just", "under",
          "some", "only", "barely", "below", "above", "estimated"}


def parse_value(text: str) -> float | None:
    """The scaled number a figure's text denotes, or None."""
    t = text.lower().replace(",", "")
    t = re.sub(r"per\s*cent|percent|%", " ", t)
    for sym in CURRENCIES:
        t = t.replace(sym, " ")
    m = re.search(r"(\d+(?:\.\d+)?)\s*-?\s*(bn|billion|mn|m|million|k|thousand|trillion|tn)?\b", t)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value *= SCALES[m.group(2)]
        return value
    words = re.findall(r"[a-z]+", t)
    total, current, frac = 0.0, 0.0, None
    seen = False
    for w in words:
        if w in WORDS:
            current += WORDS[w]
            seen = True
        elif w in FRACTIONS and seen:
            frac = (current or 1) * FRACTIONS[w]
            current = 0
        elif w in FRACTIONS:
            frac = FRACTIONS[w]
        elif w in SCALES and (seen or current):
            total += (current or 1) * SCALES[w]
            current = 0
    if frac is not None:
        return round(frac, 4)
    total += current
    return total if seen else None


def unit_of(span_text: str, following: str) -> str | None:
    for sym, code in CURRENCIES.items():
        if sym in span_text:
            return code
    low = span_text.lower()
    if "%" in low or "per cent" in low or "percent" in low:
        return "%"
    words = low.split()
    if words and words[-1] in CURRENCY_WORDS:
        return CURRENCY_WORDS[words[-1]]
    return None


def _head_noun(span):
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    for tok in span.doc[span.end:span.end + 3]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def extract_figures(doc) -> list[Figure]:
    figures = []
    for ent in doc.ents:
        if ent.label_ not in NUMERIC_LABELS:
            continue
        if not any(ch.isdigit() for ch in ent.text) and parse_value(ent.text) is None:
            continue
        value = parse_value(ent.text)
        if value is None:
            continue
        head = _head_noun(ent)
        what = None
        if head is not None and head.i >= ent.end:
            verb = head.head if head.head.pos_ == "VERB" else None
            what = head.text + (f" {verb.text}" if verb is not None else "")
        sent = ent.sent
        figures.append(Figure(
            start=ent.start_char, end=ent.end_char, text=ent.text,
            value=int(value) if float(value).is_integer() else value,
            unit=unit_of(ent.text, doc[ent.end:ent.end + 1].text),
            head=head.lemma_.lower() if head is not None and head.i >= ent.end else None,
            what=what, sentence=(sent.start_char, sent.end_char),
        ))
    return figures
