"""Figures: numbers that matter, their value, unit and what they count.

Candidates come from the text itself, not from spaCy's numeric entities: a regular scan finds
number cores (digits, cardinal words, fractions, "a million", "hundreds of"), then grows each
one rightwards over scale words and units ("£35bn", "4.75 per cent", "100 trillion won",
"£170 a week") and leftwards over currency signs and approximators ("More than 1,700").
spaCy's tokens, tags and parse then decide what is not a figure (dates, years, times, ages,
durations, numbers inside names, ranks, sports scores) and what each figure counts:
``head`` is the lemma of the counted or measured thing, ``what`` a short phrase built from the
parse around it ("missiles launched", "net income", "base rates stay").

Ranges ("between 4.7% and 4.8%", "$6.0-$6.5", "£5-6bn") are two figures; the first borrows the
unit and scale of the second when it has none of its own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.analysis.numbers import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    FRACTIONS,
    MEASURE_WORDS,
    SCALE_ABBREVS,
    TENS,
    TIME_WORDS,
    UNITS,
    parse_number,
)
from briefing.model import Figure

# --- the scan -------------------------------------------------------------------------------

_FIRST = "|".join(sorted(set(UNITS) | set(TENS), key=len, reverse=True))
_NUMW = "|".join(sorted(set(UNITS) | set(TENS) | {"hundred", "thousand", "million", "billion", "trillion"},
                        key=len, reverse=True))
_WORDNUM = rf"(?:{_FIRST})(?:(?:\s+and\s+|[ -])(?:{_NUMW}))*"
_FRAC = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_DIGITS = r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![.,]\d)"

CORE_RE = re.compile(
    rf"""
    (?P<frac>\b(?:{_WORDNUM}|an?|\d+)[ -](?:{_FRAC})\b)
  | (?P<ratio>\b(?:one|\d+)\s+in\s+(?:{_WORDNUM}|\d+)\b)
  | (?P<vague>\b(?:tens|dozens|scores|hundreds|thousands|millions|billions)
        (?:\s+of\s+(?:thousands|millions|billions))?(?=\s+of\b))
  | (?P<aword>\ban?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)
  | (?P<half>\bhalf(?=\s+(?:of|the|its|their|his|her|all)\b))
  | (?P<words>\b{_WORDNUM}\b(?:\s+and\s+a\s+half\b)?(?:\s+dozen\b)?)
  | (?P<digits>{_DIGITS}(?:\s+and\s+a\s+half\b)?)
    """,
    re.I | re.X,
)

_SUFFIX_RE = re.compile(r"[A-Za-z]+")
_SPACED_SCALE_RE = re.compile(r"\s*-?\s*(million|billion|trillion|thousand|bn|mn|tn)\b", re.I)
_PERCENT_RE = re.compile(r"\s*%|\s+per\s*cent\b|\s+percent\b", re.I)
_POINTS_RE = re.compile(r"\s+percentage\s+points?\b", re.I)
_CURRENCY_WORD_RE = re.compile(
    r"\s+(" + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in CURRENCY_WORDS if w != "p"),
                              key=len, reverse=True)) + r")\b", re.I)
_MEASURE_RE = re.compile(
    r"\s*-?\s*(" + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True)) + r")\b(?!-)", re.I)
_TIME_RE = re.compile(r"(?:\s+|\s*-\s*)(" + "|".join(sorted(TIME_WORDS, key=len, reverse=True)) + r")\b", re.I)
_AGE_RE = re.compile(r"(?:\s+|-)years?(?:\s+|-)old\b", re.I)
_RATE_RE = re.compile(
    r"\s+(?:a|an|per|each)\s+(?:year|annum|month|week|day|hour|share|head|person|barrel|tonne|ton|"
    r"ounce|litre|gallon|kilo|kg|unit|capita|night|game|match)\b", re.I)
_APPROX_RE = re.compile(
    r"(?<![\w-])((?:more|less|fewer|greater)\s+than|at\s+least|at\s+most|up\s+to|"
    r"as\s+(?:many|much|few|little)\s+as|close\s+to|in\s+excess\s+of|upwards\s+of|"
    r"(?:just|well|slightly)\s+(?:over|under|short\s+of)|an\s+estimated|almost|nearly|about|"
    r"around|roughly|approximately|some|over|under|only|just)\s+$", re.I)
_RANGE_SEP_RE = re.compile(r"\s*(?:-|\u2013|\u2014|to|and|or)\s*$", re.I)
_CURRENCY_PREFIXES = sorted(CURRENCY_SIGNS, key=len, reverse=True)

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
TIME_ZONES = {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "cet", "est", "edt", "pst", "utc", "hrs",
              "et", "pt", "local"}
# Words before a number that make it a label, not a quantity: "number one", "page 5".
LABEL_WORDS = {"number", "no", "no.", "nos", "page", "pages", "article", "clause", "section",
               "chapter", "paragraph", "route", "flight", "platform", "room", "junction",
               "channel", "vol", "volume", "issue", "grade", "category", "division", "class",
               "size", "type", "version", "model", "gate", "terminal", "box", "row", "seat",
               "table", "figure", "step", "item", "rule", "part", "schedule", "annex", "tier",
               "league", "level", "stage", "phase", "round", "pool", "bay", "radio", "apollo",
               "windows", "formula"}
# Track-and-field and swimming distances: "the 1500m", "world 5,000m" name events.
SPORT_DISTANCES = {50, 60, 100, 110, 200, 400, 800, 1500, 1600, 3000, 5000, 10000}
NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PERSON", "GPE", "LOC"}
# Ambiguous currency words need spaCy to agree they are nouns ("25, won £2,450").
AMBIGUOUS_CURRENCY = {"won", "rand", "pound", "cent", "cents", "lira"}

_ATTACHED_UNITS = {"p": "pence", "km": "km", "kg": "kg", "mph": "mph", "cm": "cm", "mm": "mm",
                   "ft": "feet", "lb": "lb", "lbs": "lb", "mw": "MW", "gw": "GW", "kwh": "kWh",
                   "gb": "GB", "mb": "MB", "bp": "basis points"}


@dataclass
class _Cand:
    start: int           # span start (with approximator and currency sign)
    end: int             # span end (with scale, unit and rate)
    core_start: int      # the number itself
    core_end: int
    kind: str            # regex group: digits, words, frac, ratio, vague, aword, half
    number: str          # the number text that parse_number reads (scale included)
    unit: str | None = None
    scaled: bool = False
    currency: bool = False
    approx: bool = False
    reject: str | None = None
    value: float | int | None = None
    partner: "_Cand | None" = None
    pending_word: tuple[int, str] | None = None  # (offset, word) of a currency word to confirm
    num_start: int = 0   # start without the approximator (currency sign included)


def _extend(text: str, m: re.Match) -> _Cand:
    kind = m.lastgroup or "digits"
    cs, ce = m.span()
    number = m.group()
    c = _Cand(cs, ce, cs, ce, kind, number)
    pos = ce
    if kind == "digits":
        suf = _SUFFIX_RE.match(text, pos)
        if suf:
            s = suf.group().lower()
            if s in SCALE_ABBREVS:
                c.scaled = True
                c.number += s
            elif s in _ATTACHED_UNITS:
                c.unit = _ATTACHED_UNITS[s]
            elif s in ("st", "nd", "rd", "th"):
                c.reject = "ordinal"
            elif s in ("am", "pm", "h", "hrs", "gmt"):
                c.reject = "time"
            elif s == "s":
                c.reject = "decade"
            else:
                c.reject = "name"  # 4x4, 3G, 747s...
            pos = suf.end()
        elif text[pos:pos + 1] == ":" and text[pos + 1:pos + 2].isdigit():
            c.reject = "time"
    if not c.scaled and kind in ("digits", "words"):
        sc = _SPACED_SCALE_RE.match(text, pos)
        if sc and not (kind == "words" and sc.group(1).lower() in ("million", "billion", "trillion", "thousand")):
            c.scaled = True
            c.number += " " + sc.group(1)
            pos = sc.end()
    if c.unit is None and not c.reject:
        for regex, unit in ((_PERCENT_RE, "%"), (_POINTS_RE, "percentage points")):
            u = regex.match(text, pos)
            if u:
                c.unit, pos = unit, u.end()
                break
    if c.unit is None and not c.reject:
        u = _CURRENCY_WORD_RE.match(text, pos)
        if u:
            word = re.sub(r"\s+", " ", u.group(1).lower())
            c.unit, c.currency = CURRENCY_WORDS[word], True
            c.pending_word = (u.start(1), word)  # checked against the parse later
            pos = u.end()
    if c.unit is None and not c.reject:
        t = _AGE_RE.match(text, pos)
        if t:
            c.reject = "age"
        else:
            t = _TIME_RE.match(text, pos)
            if t:
                c.reject = "duration"
            else:
                u = _MEASURE_RE.match(text, pos)
                if u and not (u.group(1).lower() == "points" and kind == "frac"):
                    c.unit = MEASURE_WORDS[u.group(1).lower()]
                    pos = u.end()
    if not c.reject:
        r = _RATE_RE.match(text, pos)
        if r:
            pos = r.end()
    c.end = pos
    # Leftwards: a currency sign, then an approximator.
    start = cs
    for sign in _CURRENCY_PREFIXES:
        k = start - len(sign)
        if k >= 0 and text[k:start] == sign and (k == 0 or not text[k - 1].isalnum() or sign[0].isalpha() is False):
            if sign[0].isalpha() and k > 0 and text[k - 1].isalpha():
                continue
            c.unit, c.currency = CURRENCY_SIGNS[sign], True
            start = k
            break
        if sign in ("Rs", "Rs.") and text[max(0, start - len(sign) - 1):start].rstrip() == sign:
            c.unit, c.currency = "INR", True
            start = start - len(sign) - 1
            break
    c.num_start = start
    a = _APPROX_RE.search(text, max(0, start - 30), start)
    if a:
        c.approx = True
        start = a.start(1)
    c.start = start
    return c


def scan(text: str) -> list[_Cand]:
    """Every number in ``text`` with its attached signs, scale, unit and approximator."""
    cands = []
    for m in CORE_RE.finditer(text):
        c = _extend(text, m)
        c.value = parse_number(c.number)
        if c.value is None:
            c.reject = c.reject or "unparsed"
        cands.append(c)
    _link_ranges(text, cands)
    return cands


def _link_ranges(text: str, cands: list[_Cand]) -> None:
    for a, b in zip(cands, cands[1:]):
        gap = text[a.end:b.start]
        if len(gap) > 5 or not _RANGE_SEP_RE.fullmatch(gap):
            continue
        if a.reject or b.reject:
            continue
        plain = lambda c: c.unit is None and not c.scaled and c.kind == "digits" and not c.approx  # noqa: E731
        if plain(a) and plain(b) and gap.strip() in ("-", "\u2013") and "." not in a.number + b.number:
            a.reject = b.reject = "score"  # 27-13, 2004-05
            continue
        a.partner, b.partner = b, a
        if a.unit is None and b.unit is not None:
            a.unit, a.currency = b.unit, b.currency
        if not a.scaled and b.scaled and a.kind == "digits" and a.value is not None and b.value is not None:
            scale = b.value / parse_number(re.sub(r"[a-zA-Z\s]+$", "", b.number) or "0") if \
                parse_number(re.sub(r"[a-zA-Z\s]+$", "", b.number) or "0") else 1
            if scale > 1 and a.value * scale <= b.value * 1.0001 + scale * 1000:
                a.value = _num(a.value * scale)
                a.scaled = True


def _num(v: float) -> float | int:
    v = float(f"{v:.12g}")
    return int(v) if v == int(v) else v


# --- the parse --------------------------------------------------------------------------------

GENERIC_NOUNS = {"total", "number", "amount", "sum", "figure", "level", "share", "proportion",
                 "rest", "majority", "minority", "part", "percentage", "lot", "one", "average"}
CHANGE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "jump", "slip",
                "decline", "gain", "lose", "surge", "soar", "slump", "plunge", "dip", "tumble",
                "rally", "ease", "edge", "fell", "slide", "shrink", "expand", "advance", "retreat",
                "contract", "rebound", "leap", "sink"}
# The measured quantity a verb names when its object is money or a share ("grew 0.4%").
VERB_NOUNS = {"grow": "growth", "spend": "spending", "save": "saving", "earn": "earnings",
              "cost": "cost", "pay": "payment", "invest": "investment", "borrow": "borrowing",
              "lend": "lending", "lose": "loss", "sell": "sales", "raise": "funding",
              "owe": "debt", "earmark": "spending", "allocate": "spending", "budget": "spending", "fine": "fine", "charge": "charge", "award": "award", "bid": "bid",
              "rise": "rise", "fall": "fall", "increase": "increase", "cut": "cut",
              "inflate": "inflation", "produce": "production", "export": "exports",
              "import": "imports", "employ": "employment", "vote": "vote"}
UNIT_NOUNS = {"share", "year", "week", "month", "day", "head", "person", "barrel", "annum",
              "cent", "percent", "%", "point", "pound", "dollar", "euro", "pence", "penny", "p",
              "won", "yen", "franc", "rupee", "yuan", "m", "bn", "billion", "million", "trillion",
              "thousand", "hundred", "time", "hour", "minute", "second"}
_NOUNISH = ("NOUN", "PROPN")
OPENERS = {'"', "'", "(", "[", "\u201c", "\u2018"}


LEMMA_FIXES = {"taxes": "tax", "taxis": "tax", "data": "data", "media": "media", "earnings": "earnings",
               "savings": "saving", "sales": "sales", "people": "people", "police": "police"}


def _lemma(tok) -> str:
    if tok.lower_ in LEMMA_FIXES:
        return LEMMA_FIXES[tok.lower_]
    if tok.pos_ == "PROPN":
        word = tok.text
        if tok.tag_ == "NNPS" and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        return word
    if tok.text in ("%",):
        return "%"
    return tok.lemma_.lower()


def _phrase(tok, skip: set[int], limit: int = 4) -> str:
    """The noun with the modifiers before it, as written: "net income", "party's candidates"."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.pos_ not in ("NUM", "SYM", "PRON"):
            left = min(left, child.left_edge.i)
            break
    # Nothing of the figure itself, no determiners or numbers at the front.
    while left < tok.i and (doc[left].i in skip or doc[left].pos_ in ("DET", "PUNCT", "NUM", "SYM", "PRON", "ADP")
                            or doc[left].like_num or any(t.i in skip for t in doc[left:tok.i])):
        left += 1
    # At most `limit` words, starting at a word boundary ("anti-missiles battery" is two words).
    while left < tok.i and (len(doc[left:tok.i + 1].text.split()) > limit or
                            (left > 0 and not doc[left - 1].whitespace_ and doc[left - 1].text not in OPENERS and
                             doc[left - 1].i not in skip) or
                            doc[left].pos_ in ("PUNCT", "ADP", "CCONJ", "PART")):
        left += 1
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "per" and child.i == right:
            right = child.right_edge.i + 1
            break
    return doc[left:right].text


def _subject(verb):
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp") and verb.head is not verb:
            if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNISH:
                return verb.head
            verb = verb.head
            seen += 1
            continue
        break
    return None


def _object(verb):
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    return None


def _verb_phrase(verb) -> str:
    parts = [verb.text]
    for child in verb.rights:
        if child.dep_ == "prt":
            parts.append(child.text)
    return " ".join(parts)


def _clause(noun, skip: set[int]) -> str:
    """A short phrase for a counted noun: "missiles launched", "cut jobs", "deaths of Israelis"."""
    np = _phrase(noun, skip)
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_ != "be":
        return f"{np} {_verb_phrase(head)}"
    if noun.dep_ in ("dobj", "obj") and head.pos_ == "VERB":
        subj = _subject(head)
        lead = ""
        if subj is not None and subj.pos_ in _NOUNISH:
            lead = _phrase(subj, skip, limit=2) + " "
        return f"{lead}{_verb_phrase(head)} {np}"
    if noun.dep_ == "pobj" and head.pos_ == "ADP":
        gov = head.head
        if gov.pos_ in _NOUNISH and gov.i not in skip:
            return f"{_phrase(gov, skip, limit=2)} {head.text} {np}"
        if gov.pos_ in ("VERB", "AUX"):
            subj = _subject(gov)
            lead = ""
            if subj is not None and subj.pos_ in _NOUNISH and subj.i not in skip:
                lead = _phrase(subj, skip, limit=2) + " "
            prep = "" if head.i in skip else f" {head.text}"
            return f"{lead}{_verb_phrase(gov)}{prep} {np}"
    return np


def _counted_noun(root, skip):
    """The noun a number modifies: "1,700 missiles", "£35bn efficiency savings", "2% target"."""
    if root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "appos", "npadvmod") and \
            root.head.pos_ in _NOUNISH and root.head.i > root.i and root.head.i not in skip:
        noun = root.head
        if noun.lower_ not in UNIT_NOUNS and noun.lemma_.lower() not in UNIT_NOUNS:
            return noun
    return None


def _of_object(root, skip):
    """"40% of the party's candidates" -> candidates (None for generic words and pronouns)."""
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


@dataclass
class _Head:
    noun: object = None     # token
    lemma: str | None = None
    what: str | None = None
    counted: bool = False   # the number directly counts this noun


def _find_head(root, c: _Cand, skip: set[int]) -> _Head:
    # A counted noun right after the number.
    noun = _counted_noun(root, skip)
    if noun is not None:
        return _Head(noun, _lemma(noun), _clause(noun, skip), counted=True)
    # "NUM of Y": a share of something.
    obj = _of_object(root, skip)
    if obj is not None:
        if obj.pos_ in _NOUNISH and obj.lemma_.lower() not in GENERIC_NOUNS:
            what = _phrase(obj, skip)
            if root.dep_ in ("dobj", "nsubj", "nsubjpass") and root.head.pos_ == "VERB" and root.head.lemma_ != "be":
                what = f"{what} {_verb_phrase(root.head)}" if root.dep_ != "dobj" else f"{_verb_phrase(root.head)} {what}"
            return _Head(obj, _lemma(obj), what, counted=c.unit is None)
        return _Head()  # generic or pronoun: inherit later
    gov = root.head
    # "X of NUM": net income of $2.5bn, a payout of $6.0.
    if root.dep_ == "pobj" and gov.pos_ == "ADP":
        prep = gov
        target = prep.head
        if prep.lower_ in ("of", "than", "on") and target.pos_ in _NOUNISH and target.i not in skip \
                and target.lemma_.lower() not in UNIT_NOUNS:
            if target.lemma_.lower() in GENERIC_NOUNS | {"rate", "target"} and target.dep_ == "pobj":
                pass
            return _Head(target, _lemma(target), _phrase(target, skip))
        if target.pos_ in ("VERB", "AUX"):
            return _from_verb(target, prep, c, skip)
        if target.pos_ in ("ADJ", "ADV") and target.head.pos_ in ("VERB", "AUX"):
            return _from_verb(target.head, prep, c, skip)
    if root.dep_ in ("attr", "acomp", "dobj", "npadvmod", "advmod", "oprd", "nsubj", "nsubjpass", "obj") \
            and gov.pos_ in ("VERB", "AUX"):
        return _from_verb(gov, None, c, skip, role=root.dep_)
    if root.dep_ == "pobj" and gov.pos_ == "ADP" and gov.head.pos_ in _NOUNISH:
        return _Head(gov.head, _lemma(gov.head), _phrase(gov.head, skip))
    # "earnings over £100,000": the noun just before the figure and its approximator.
    first = min(skip) if skip else root.i
    if c.approx and first > 0:
        prev = root.doc[first - 1]
        if prev.pos_ == "NOUN" and prev.lemma_.lower() not in UNIT_NOUNS | GENERIC_NOUNS:
            return _Head(prev, _lemma(prev), _phrase(prev, skip))
    return _Head()


def _from_verb(verb, prep, c: _Cand, skip, role=None) -> _Head:
    """What a figure governed by a verb measures: its object, its subject or the verb's noun."""
    subj = _subject(verb)
    if subj is not None and (subj.i in skip or subj.pos_ not in _NOUNISH):
        subj = None
    obj = _object(verb)
    if obj is not None and (obj.i in skip or obj.pos_ not in _NOUNISH):
        obj = None
    lemma = verb.lemma_.lower()
    vp = _verb_phrase(verb)
    lead = _phrase(subj, skip, limit=3) + " " if subj is not None else ""
    measured = c.unit is not None or c.currency
    if role in ("nsubj", "nsubjpass"):
        # "nearly 700 landed": the counted thing is elsewhere in the sentence.
        return _Head(what=vp)
    if prep is not None:
        if prep.lower_ in ("by", "to", "from") and obj is not None:
            # "increase taxes by one penny", "cut rates to 4.5%".
            return _Head(obj, _lemma(obj), f"{vp} {_phrase(obj, skip)}")
        if subj is not None:
            what = lead.strip() if lemma == "be" else f"{lead}{vp}"
            if lemma == "grow":
                return _Head(subj, "growth", f"{what} (growth)")
            return _Head(subj, _lemma(subj), what)
        return _Head(what=vp)
    if role in ("attr", "acomp", "oprd") and subj is not None:
        return _Head(subj, _lemma(subj), lead.strip() if lemma == "be" else f"{lead}{vp}")
    if not measured:
        # A bare count as object or adverb: "lost eight", "up 22,000".
        return _Head(what=f"{lead}{vp}".strip())
    # Money or a share as object: "profits rose 5%", "corruption has cost it 1bn CFA francs".
    if lemma in CHANGE_VERBS and subj is not None:
        if lemma == "grow":
            return _Head(subj, "growth", f"{lead}{vp} (growth)")
        return _Head(subj, _lemma(subj), f"{lead}{vp}")
    if lemma in VERB_NOUNS:
        noun = VERB_NOUNS[lemma]
        what = f"{lead}{vp}"
        return _Head(None, noun, what if noun in what.lower() else f"{what} ({noun})")
    return _Head(what=f"{lead}{vp}".strip())


# --- filters --------------------------------------------------------------------------------

def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w.'’]+)\W*$", text[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W*?(\w+)", text[pos:pos + 40])
    return m.group(1) if m else ""


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _reject_reason(c: _Cand, text: str, doc, tok_at) -> str | None:
    if c.reject:
        return c.reject
    core = text[c.core_start:c.core_end]
    plain = c.unit is None and not c.scaled and not c.currency
    prev = _prev_word(text, c.start)
    nxt = _next_word(text, c.end)
    first = tok_at(c.core_start)
    last = tok_at(c.core_end - 1)
    # "one" alone is an article-like word, not a figure ("one of the", "one official").
    if plain and c.kind == "words" and c.value == 1:
        return "one"
    if plain and c.kind == "digits":
        if prev.lower() in MONTHS or nxt.lower() in MONTHS or prev.lower() in WEEKDAYS:
            return "date"
        if nxt.lower() in TIME_ZONES or text[c.end:c.end + 5].lower().startswith(("a.m", "p.m")):
            return "time"
        v = c.value
        if isinstance(v, int) and 1800 <= v <= 2100 and "," not in core and not c.approx:
            return "year"  # counts this large are written with a comma: 1,350 targets
        if isinstance(v, int) and v < 130 and re.search(r"\b(aged|age)\s*$", text[max(0, c.start - 8):c.start], re.I):
            return "age"
        if isinstance(v, int) and v < 130 and re.search(r"[A-Z][\w'’-]+,\s*$", text[max(0, c.start - 30):c.start]) \
                and re.match(r"\s*[,)]", text[c.end:c.end + 3]):
            # "Robert Napier, 25, won ...": an age in apposition.
            prev_tok = tok_at(c.start - 3) if c.start >= 3 else None
            if prev_tok is None or prev_tok.pos_ == "PROPN" or prev_tok.ent_type_ == "PERSON":
                return "age"
    if plain or (c.unit is None and c.kind == "digits"):
        if prev.lower() in LABEL_WORDS or text[max(0, c.start - 1):c.start] == "#":
            return "label"
        ptok = tok_at(c.start - 1) if c.start > 0 else None
        if ptok is not None and ptok.i + 1 < len(doc) and doc[ptok.i + 1].idx >= c.start and \
                ptok.idx + len(ptok.text) >= c.start - 1 and ptok.text[:1].isupper() and \
                ptok.pos_ == "PROPN" and ptok.lower_ not in MONTHS | WEEKDAYS and \
                not _sentence_initial(text, ptok.idx) | False and ptok.ent_type_ not in ("NORP",):
            return "name"
        if c.kind == "words" and core[:1].isupper() and not _sentence_initial(text, c.core_start):
            return "name"
        if first is not None and first.ent_type_ in NAME_LABELS and first.ent_iob_ == "I":
            return "name"
    if c.unit == "m" and c.kind == "digits":
        pass
    if c.kind == "digits" and c.scaled and c.number.lower().endswith("m") and not c.currency \
            and c.unit is None and isinstance(c.value, int):
        raw = parse_number(re.sub(r"m$", "", c.number, flags=re.I))
        if raw in SPORT_DISTANCES or "," in core:
            return "distance"  # the 1500m, world 5,000m: events, not millions
    if c.kind == "frac":
        words = core.lower().replace("-", " ").split()
        singular = words[-1] in ("half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
        if singular:
            if nxt.lower() != "of" and prev.lower() not in ("by", "than", "about", "nearly", "almost", "around",
                                                             "roughly", "some", "over", "under", "just", "only", "to"):
                nt = last.nbor(1) if last is not None and last.i + 1 < len(doc) else None
                if words[-1] == "quarter" or (nt is not None and nt.pos_ in ("NOUN", "ADJ", "PROPN", "NUM")):
                    return "ordinal"
        elif prev.lower() in ("the", "first", "last", "next", "final", "opening"):
            return "ordinal"
    if c.kind == "half" and prev.lower() in ("the", "first", "second", "a", "one", "other"):
        return "period"
    if c.kind == "ratio" and not re.search(r"\d|one", core.split()[0], re.I):
        return "unparsed"
    pending = c.pending_word
    if pending is not None and pending[1] in AMBIGUOUS_CURRENCY:
        wt = tok_at(pending[0])
        if wt is not None and wt.pos_ not in ("NOUN", "PROPN") and not c.scaled:
            return "verb"
    return None


def _drop_currency_word(c: _Cand, text: str) -> None:
    """Undo an ambiguous currency word that turned out to be a verb: "25 won" -> "25"."""
    pos, _ = c.pending_word
    c.end = len(text[:pos].rstrip())
    c.unit, c.currency = None, False


# --- extraction -----------------------------------------------------------------------------

def extract_figures(doc) -> list[Figure]:
    text = doc.text
    cands = scan(text)
    if not cands:
        return []
    starts = [t.idx for t in doc]

    def tok_at(char: int):
        if char < 0 or not len(doc):
            return None
        i = bisect.bisect_right(starts, char) - 1
        return doc[i] if i >= 0 else None

    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]

    kept: list[_Cand] = []
    for c in cands:
        pending = c.pending_word
        reason = _reject_reason(c, text, doc, tok_at)
        if reason == "verb" and pending is not None:
            _drop_currency_word(c, text)
            reason = _reject_reason(c, text, doc, tok_at)
        if reason is None:
            kept.append(c)

    figures: list[Figure] = []
    last_counted: dict[int, _Head] = {}
    heads: dict[int, _Head] = {}
    for c in kept:
        span = doc.char_span(c.num_start, c.end, alignment_mode="expand")
        si = bisect.bisect_right(sent_starts, c.start) - 1
        sent = sents[si] if si >= 0 else None
        head = _Head()
        if span is not None and len(span):
            skip = {t.i for t in doc.char_span(c.start, c.end, alignment_mode="expand") or span}
            root = span.root
            # Currency signs and unit words can end up as the span's root: climb to the number.
            head = _find_head(root, c, skip)
        partner_head = heads.get(id(c.partner)) if c.partner is not None else None
        if head.lemma is None and partner_head is not None and partner_head.lemma is not None:
            head = partner_head
        if head.lemma is None and c.unit is None and si in last_counted:
            prior = last_counted[si]
            what = prior.what
            if head.what:
                noun_text = _phrase(prior.noun, set())
                what = head.what if prior.noun.text in head.what else f"{noun_text} {head.what}"
            head = _Head(prior.noun, prior.lemma, what)
        if head.counted and head.lemma is not None:
            last_counted[si] = head
        heads[id(c)] = head
        figures.append(Figure(
            start=c.start, end=c.end, text=text[c.start:c.end], value=c.value, unit=c.unit,
            head=head.lemma, what=head.what,
            sentence=(sent.start_char, sent.end_char) if sent is not None else None,
        ))
    # A range's first figure learns its head from the second: "between $4.0-$5.0".
    by_id = {id(c): f for c, f in zip(kept, figures)}
    out = []
    for c, f in zip(kept, figures):
        if f.head is None and c.partner is not None and id(c.partner) in by_id:
            other = by_id[id(c.partner)]
            if other.head is not None:
                f = Figure(f.start, f.end, f.text, f.value, f.unit, other.head, other.what, f.sentence)
        out.append(f)
    return out
