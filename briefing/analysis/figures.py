"""Figures: numbers that matter, their value, unit and what they count.

Candidates come from the text, not from spaCy's numeric entities (which split "£35bn" and
"$2m" and call "over 1350 targets" a DATE): a regular scan finds number cores (digits,
cardinal words, fractions, "a million", "hundreds of"), then grows each one rightwards over
scale words and units ("£35bn", "4.75 per cent", "100 trillion won", "£170 a week") and
leftwards over currency signs and approximators ("More than 1,700"). Ranges ("between 4.7%
and 4.8%", "$6.0-$6.5", "£5-6bn") are two figures; the first borrows the unit and scale of
the second when it has none of its own.

spaCy's tokens, tags and parse then decide what is not a figure (dates, years, times, ages,
durations, numbers inside names, ranks, sports scores, "one" used as a pronoun) and what each
figure counts: ``head`` is the lemma of the counted or measured thing ("missile", "profit"),
``what`` a short phrase from the parse around it ("missiles launched", "net income",
"base rates stay"). A bare number with no noun ("as nearly 700 landed") counts what the
previous figure in its sentence counted; a conversion in brackets ("£7.5bn ($13.99bn)")
measures what the amount before it measures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefing.analysis.doctext import text_of
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
# After digits only a plural fraction word is a fraction: "2 thirds", but not "6 half-time".
_PLURAL_FRAC = "|".join(sorted((f for f in FRACTIONS if f.endswith("s") and f != "halves"), key=len, reverse=True))
# Digits not glued to a word before them ("G8", "BBC1", "F-16", "Covid-19") nor the minutes of
# a time ("2:30"). A comma before four or more digits is a decimal comma ("$1,8923").
_DIGITS = r"(?<![\w.,/])(?<![A-Za-z]-)(?<!\d:)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3},\d{4,}|\d+)(?:\.\d+)?(?![.,]\d)"

# Proportions: "one in five", "nine in 10", "two out of three", "one in every four", and with the
# counted noun inside, "one household in three", "one person in 20". The denominator is no year
# ("one in 2004") and no duration ("one in 10 minutes": a rate of scoring, not a share).
_RATIO_DEN = rf"(?:{_WORDNUM}|an?\s+(?:hundred|thousand|million)|\d{{1,3}}(?:,\d{{3}})+|\d+)"
_RATIO_NUM = rf"(?:{_WORDNUM}|\d+)"
_RATIO = (rf"\b{_RATIO_NUM}(?P<rnoun>\s+(?!(?:in|out|of|and|hundred|thousand|million|billion|dozen)\b)[a-z]+)?"
          rf"(?:[ -]in[ -]|\s+out\s+of\s+)(?:every\s+)?(?!(?:1[89]|20)\d\d\b){_RATIO_DEN}\b(?!\s*-)(?![.,]\d)"
          rf"(?!\s+(?:more\s+|other\s+)?(?:{'|'.join(sorted(TIME_WORDS, key=len, reverse=True))}|%|per\s*cent)\b)")

# Every number starts a word, so the scan first checks that no letter comes before: most
# positions in a text are inside words, and there this fails at once instead of trying each
# alternative (half the time of the scan; the same matches on the whole BBC corpus).
CORE_RE = re.compile(
    rf"""
    (?<![^\W\d_])(?:
    (?P<frac>\b(?:(?:{_WORDNUM}|an?)[ -](?:{_FRAC})|\d+[ -](?:{_PLURAL_FRAC}))\b)
  | (?P<ratio>{_RATIO})
  | (?P<vague>\b(?:tens|dozens|scores|hundreds|thousands|millions|billions)
        (?:\s+of\s+(?:thousands|millions|billions)\b|(?=\s+of\b))
        (?!\s+of\s+(?:years|months|weeks|days|hours|minutes|seconds|miles)\b))
  | (?P<aword>\b(?:half\s+)?an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)
  | (?P<half>\bhalf(?=\s+(?:of|the|its|their|his|her|all)\b))
  | (?P<words>\b{_WORDNUM}\b(?:\s+and\s+a\s+half\b)?(?:\s+dozen\b)?)
  | (?P<digits>{_DIGITS}(?:\s+and\s+a\s+half\b)?)
    )""",
    re.I | re.X,
)

# The same scan without proportions: the numbers inside a rejected one.
_NO_RATIO_RE = re.compile(re.sub(r"\|\s*\(\?P<ratio>.*\n", "", CORE_RE.pattern), re.I | re.X)

_SUFFIX_RE = re.compile(r"[A-Za-z]+")
_SPACED_SCALE_RE = re.compile(r"\s*-?\s*(million|billion|trillion|thousand|bn|mn|tn)\b", re.I)
_PERCENT_RE = re.compile(r"\s*%|\s+per\s*cent\b|\s+percent\b", re.I)
_POINTS_RE = re.compile(r"\s+percentage\s+points?\b", re.I)
_CURRENCY_WORD_RE = re.compile(
    r"\s+((?-i:[A-Z][a-z]+\s+){0,2}?)("
    + "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in CURRENCY_WORDS if w != "p"),
                      key=len, reverse=True))
    + r")\b", re.I)
_MEASURE_RE = re.compile(
    r"\s*-?\s*(" + "|".join(sorted(MEASURE_WORDS, key=len, reverse=True)) + r")\b(?!-)", re.I)
_TIME_RE = re.compile(r"(?:\s+|\s*-\s*)(?:(?:more|extra|additional|further|straight|consecutive|successive)\s+)?("
                      + "|".join(sorted(TIME_WORDS, key=len, reverse=True)) + r")\b", re.I)
_AGE_RE = re.compile(r"(?:\s+|-)years?(?:\s+|-)old\b", re.I)
_RATE_RE = re.compile(
    r"\s+(?:a|an|per|each)\s+(?:year|annum|month|week|day|hour|share|head|person|barrel|tonne|ton|"
    r"ounce|litre|gallon|kilo|kg|unit|capita|night|game|match)\b", re.I)
_APPROX_RE = re.compile(
    r"(?<![\w-])((?:more|less|fewer|greater)\s+than|at\s+least|at\s+most|up\s+to|"
    r"as\s+(?:many|much|few|little)\s+as|close\s+to|in\s+excess\s+of|upwards\s+of|"
    r"(?:just|well|slightly)\s+(?:over|under|short\s+of)|an\s+estimated|almost|nearly|about|"
    r"around|roughly|approximately|some|over|under|only|just)\s+$", re.I)
# Two figures of one thing: "£106m or 47.3%", "from 157,000 to 133,000", "$4bn, or 5%".
_JOINED_RE = re.compile(r"\s*,?\s*(?:or|and|to)\s+|\s*\u2013\s*|\s*-\s*|\s*,\s*(?:up|down)\s+(?:by\s+)?", re.I)
# Approximators that make even "one" a figure: "at least one supporter", "more than one".
_STRONG_APPROX_RE = re.compile(r"(?:more|less|fewer)\s+than\s|at\s+(?:least|most)\s|up\s+to\s|"
                               r"as\s+many\s+as\s", re.I)
# "5-6", "5\u20136", "5 to 6", "between 5 and 6", "5 or 6"; a spaced hyphen is a dash: "- 65% -".
_RANGE_SEP_RE = re.compile(r"-|\u2013|\s*\u2013\s*|\s+(?:to|and|or)\s+", re.I)
_CURRENCY_PREFIXES = sorted(CURRENCY_SIGNS, key=len, reverse=True)
_ATTACHED_UNITS = {"p": "pence", "km": "km", "kg": "kg", "mph": "mph", "cm": "cm", "mm": "mm",
                   "ft": "feet", "lb": "lb", "lbs": "lb", "mw": "MW", "gw": "GW", "kwh": "kWh",
                   "gb": "GB", "mb": "MB", "bp": "basis points"}
# Ambiguous currency words need spaCy to agree they are nouns ("Napier, 25, won £2,450").
AMBIGUOUS_CURRENCY = {"won", "rand", "pound", "cent", "cents", "lira"}


@dataclass
class _Cand:
    start: int           # span start (with approximator and currency sign)
    end: int             # span end (with scale, unit and rate)
    core_start: int      # the number itself
    core_end: int
    kind: str            # which CORE_RE group: digits, words, frac, ratio, vague, aword, half
    number: str          # the text parse_number reads (attached scale included)
    num_start: int = 0   # start without the approximator (currency sign included)
    unit_end: int = 0    # end without a rate ("a week", "a share")
    tok_first: int = 0   # the figure's first and last token in the parse
    tok_last: int = 0
    unit: str | None = None
    scaled: bool = False
    currency: bool = False
    approx: bool = False
    reject: str | None = None
    value: float | int | None = None
    rnoun: int | None = None                     # the counted noun inside "one household in three"
    partner: _Cand | None = None                 # the other end of a range
    neighbour: _Cand | None = None               # a number joined by "-", "to", "and", "or"
    pending_word: tuple[int, str] | None = None  # (offset, word): an ambiguous currency word

    @property
    def measured(self) -> bool:
        return self.unit is not None or self.currency

    @property
    def plain(self) -> bool:
        return self.unit is None and not self.scaled and not self.currency


def _extend(text: str, m: re.Match) -> _Cand:
    """Grow a number core over its scale, unit, rate, currency sign and approximator."""
    kind = m.lastgroup or "digits"
    cs, ce = m.span()
    c = _Cand(cs, ce, cs, ce, kind, m.group())
    if kind == "digits" and re.fullmatch(r"\d{1,3},\d{4,}", c.number):
        c.number = c.number.replace(",", ".")  # a decimal comma: "$1,8923"
    if kind == "ratio":
        # "one household in three": the number is "one in three", the noun inside is counted.
        if m.group("rnoun"):
            c.rnoun = m.start("rnoun") + len(m.group("rnoun")) - len(m.group("rnoun").lstrip())
            c.number = text[cs:m.start("rnoun")] + text[m.end("rnoun"):ce]
        c.number = re.sub(r"[ -]in[ -]|\s+out\s+of\s+", " in ", c.number, count=1)
        c.number = re.sub(r"\bin\s+every\s+", "in ", c.number)
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
                # "the 1990s", "in his 30s"; but "747s", "the 787s" are planes
                c.reject = "decade" if c.number.endswith("0") else "name"
            else:
                c.reject = "name"  # 4x4, 3G, 747s
            pos = suf.end()
        elif text[pos:pos + 1] in (":", ".") and text[pos + 1:pos + 2].isdigit():
            c.reject = "time"  # 6:30, 7.30 (a decimal would have been read whole)
        elif text[pos:pos + 1] == "/" and text[pos + 1:pos + 2].isdigit():
            c.reject = "date"  # 19/20 February, 2004/05
    if not c.scaled and kind in ("digits", "words"):
        sc = _SPACED_SCALE_RE.match(text, pos)
        if sc:
            c.scaled = True
            c.number += " " + sc.group(1)
            pos = sc.end()
    # Nothing attaches on the right of a proportion: what follows it is what it counts
    # ("one in five pounds").
    free = kind != "ratio"
    if free and c.unit is None and not c.reject:
        for regex, unit in ((_PERCENT_RE, "%"), (_POINTS_RE, "percentage points")):
            u = regex.match(text, pos)
            if u:
                c.unit, pos = unit, u.end()
                break
    if free and c.unit is None and not c.reject:
        u = _CURRENCY_WORD_RE.match(text, pos)
        if u:
            word = re.sub(r"\s+", " ", u.group(2).lower())
            full = re.sub(r"\s+", " ", (u.group(1) + u.group(2)).lower())
            c.unit, c.currency = CURRENCY_WORDS.get(full, CURRENCY_WORDS[word]), True
            c.pending_word = (u.start(2), word)
            pos = u.end()
    if free and c.unit is None and not c.reject:
        t = _AGE_RE.match(text, pos) or _TIME_RE.match(text, pos)
        if t:
            # "six months", "30-year-old": the span covers the time word, so that "from six
            # months to nine" makes "nine" its neighbour.
            c.reject = "age" if t.re is _AGE_RE else "duration"
            pos = t.end()
        else:
            u = _MEASURE_RE.match(text, pos)
            if u:
                c.unit = MEASURE_WORDS[u.group(1).lower()]
                pos = u.end()
    c.unit_end = pos
    if free and not c.reject:
        r = _RATE_RE.match(text, pos)
        if r:
            pos = r.end()
    c.end = pos
    # Leftwards: a currency sign, then an approximator.
    start = cs
    for sign in _CURRENCY_PREFIXES:
        k = start - len(sign)
        if sign[0].isalpha():  # "Rs 500", "US$5"
            before = text[max(0, start - 8):start]
            gap = len(before) - len(before.rstrip(" ")) if sign in ("Rs", "Rs.") else 0
            k -= gap
            if k < 0 or text[k:k + len(sign)] != sign or (k > 0 and text[k - 1].isalnum()):
                continue
        elif k < 0 or text[k:start] != sign:
            continue
        c.unit, c.currency = CURRENCY_SIGNS[sign], True
        start = k
        break
    c.num_start = start
    a = _APPROX_RE.search(text, max(0, start - 30), start)
    if a:
        c.approx = True
        start = a.start(1)
    c.start = start
    return c


def scan(text: str, ctx: _Context | None = None) -> list[_Cand]:
    """Every number in ``text`` with its attached signs, scale, unit and approximator.

    With the parsed document's ``ctx``, a proportion whose words are no proportion ("scored one
    goal in three games": a noun after the denominator) is read as the numbers in it."""
    cands = []
    for m in CORE_RE.finditer(text):
        c = _read(text, m)
        if c.kind == "ratio" and not _ratio_ok(c, ctx):
            cands.extend(_read(text, sub) for sub in _NO_RATIO_RE.finditer(text, m.start(), m.end()))
        else:
            cands.append(c)
    _link_ranges(text, cands)
    return cands


def _read(text: str, m: re.Match) -> _Cand:
    """One candidate: the number grown over what attaches to it, and its value."""
    c = _extend(text, m)
    c.value = parse_number(c.number)
    if c.value is None:
        c.reject = c.reject or "unparsed"
    return c


# Occasions a record counts over: "four goals in eight games" is no share of games.
OCCASION_NOUNS = {"game", "match", "start", "attempt", "appearance", "race", "innings", "outing", "tournament",
                  "round", "fight", "event", "try", "shot", "set", "frame", "leg", "test", "meeting", "visit",
                  "season", "fixture", "contest", "bout", "leg", "inning"}


def _ratio_ok(c: _Cand, ctx: _Context | None) -> bool:
    """A proportion is less than one; the noun inside "one household in three" is a noun, and
    no noun follows it ("one goal in three games" is a count and a count)."""
    if c.value is None or c.value >= 1:
        return False
    if ctx is None:
        return True
    last = ctx.tok_at(c.core_end - 1)
    if last is not None and last.i + 1 < len(ctx.doc):
        counted = _noun_run(ctx.doc, last.i + 1, frozenset(), limit=3)
        if counted is not None and counted.lemma_.lower() in OCCASION_NOUNS:
            return False  # "scored four in eight games", "won three out of four matches": a record
    if c.rnoun is None:
        return True
    noun = ctx.tok_at(c.rnoun)
    if noun is None or noun.idx != c.rnoun or noun.pos_ != "NOUN":
        return False
    after = last.nbor(1) if last is not None and last.i + 1 < len(ctx.doc) else None
    return after is None or after.idx < c.core_end or after.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")


def _bare_value(c: _Cand) -> float | int | None:
    """The value without its scale word: 6 for "6bn"."""
    return parse_number(re.sub(r"\s*[a-zA-Z]+$", "", c.number)) if c.scaled else c.value


def _link_ranges(text: str, cands: list[_Cand]) -> None:
    for a, b in zip(cands, cands[1:]):
        gap = text[a.end:b.start]
        if len(gap) > 5 or not _RANGE_SEP_RE.fullmatch(gap):
            continue
        a.neighbour, b.neighbour = b, a
        if a.reject == "score" and gap == "-" and b.kind == "digits" and b.plain:
            b.reject = "score"  # "2-3-2", "6-4 6-3": every number of the chain
        if a.reject or b.reject or a.kind not in ("digits", "words") or b.kind not in ("digits", "words"):
            continue
        if a.plain and b.plain and a.kind == b.kind == "digits" and not a.approx and gap in ("-", "\u2013") \
                and "." not in a.number + b.number:
            a.reject = b.reject = "score"  # 27-13, 2004-05
            continue
        if a.currency and b.unit is None and gap.strip() in ("-", "\u2013"):
            b.unit, b.currency = a.unit, True  # "£5-6bn"
        if (a.unit is not None or a.currency) and (a.unit, a.currency) != (b.unit, b.currency):
            continue  # "rose by 46% to 420 million": two figures, not a range
        bare = _bare_value(b)
        if a.unit is None and not a.currency and (a.value is None or bare is None or a.value > bare):
            continue  # "halved in 2004 to $200m": a range runs upwards
        a.partner, b.partner = b, a
        if a.unit is None and b.unit is not None:
            a.unit, a.currency = b.unit, b.currency
        if not a.scaled and b.scaled and a.kind == "digits" and a.value is not None and b.value is not None:
            bare = _bare_value(b)
            if bare:
                scale = b.value / bare
                if a.value <= bare * 10:  # "£5-6bn": 5bn; but not "1,500-2bn"
                    a.value = _num(a.value * scale)
                    a.scaled = True


def _num(v: float) -> float | int:
    v = float(f"{v:.12g}")
    return int(v) if v == int(v) else v


# --- what a figure counts --------------------------------------------------------------------

# Nouns that say how big a figure is, not what it measures ("widened to a record $60bn"), or
# are adverbs or comparisons ("sent $16bn home", "to the tune of £1m", "10 more"):
NON_HEADS = {"record", "high", "low", "peak", "all-time", "best", "tune", "home", "thanks", "more", "less", "fewer",
             "up", "down"}
# "the number of Americans": the figure counts what these nouns are of.
GENERIC_OF = {"number", "total", "amount", "level", "proportion", "majority", "minority", "percentage",
              "sum", "rest", "tally", "toll", "count"}
# A bare "the rate" (or "the level") takes its topic from the sentence: "unemployment ... the rate".
TOPIC_NOUNS = {"rate", "level"}
RATE_TOPICS = {"unemployment", "inflation", "interest", "jobless", "growth", "mortality", "crime", "tax",
               "exchange", "vacancy", "employment", "turnout", "birth", "death", "poverty", "literacy",
               "infection", "default", "saving", "participation", "obesity", "poverty", "absence"}
# Verbs that move their object by the figure: "lifted interest rates 0.25%", "cut prices 5%".
# Units that a plain count counts: "1.9m shares", "2,000 barrels".
COUNTABLE_UNITS = {"share", "barrel", "person", "tonne"}
MOVE_VERBS = {"raise", "lift", "cut", "lower", "reduce", "boost", "increase", "decrease", "push", "drive",
              "trim", "slash", "hike", "mark", "revise", "double", "halve", "treble"}
# Verbs whose bare count object or adverb measures their subject: "unemployment rose 7,000",
# "claims topped 6 million" (but "lost eight" in sport counts something else).
COUNT_CHANGE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "jump", "slip",
                      "decline", "surge", "soar", "slump", "plunge", "dip", "tumble", "top", "exceed",
                      "reach", "total", "hit", "double", "treble", "halve", "stand", "remain", "swell",
                      "number", "shrink", "widen", "narrow"}
GENERIC_NOUNS = {"total", "number", "amount", "sum", "figure", "level", "share", "proportion",
                 "rest", "majority", "minority", "part", "percentage", "lot", "one", "average",
                 "other", "those", "these", "whom", "which", "them"}
CHANGE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "jump", "slip",
                "decline", "gain", "lose", "surge", "soar", "slump", "plunge", "dip", "tumble",
                "rally", "ease", "edge", "slide", "shrink", "expand", "advance", "retreat",
                "contract", "rebound", "leap", "sink", "fell", "rose", "go", "come", "be", "stand",
                "remain", "stay", "hold", "close", "end", "finish", "open", "trade", "reach", "hit",
                "top", "exceed", "total", "amount", "double", "treble", "halve", "cut", "raise", "lift",
                "lower", "reduce", "boost", "plummet", "shed", "add", "recover", "slip"}
# Verbs whose percentage object is a change in their subject: "shares lost 5%".
SHARE_VERBS = CHANGE_VERBS | {"lose", "add", "shed", "plummet", "sell", "own", "control", "hold"}
# Nouns of change whose "in" object is what changed: "a 5% rise in sales".
CHANGE_NOUNS = {"rise", "fall", "increase", "decrease", "drop", "growth", "decline", "jump", "cut",
                "gain", "slump", "reduction", "boost", "hike", "surge", "dip", "change", "improvement"}
# The measured quantity a verb names when money or a share is its object ("grew 0.4%").
VERB_NOUNS = {"grow": "growth", "spend": "spending", "save": "saving", "earn": "earnings",
              "cost": "cost", "pay": "payment", "invest": "investment", "borrow": "borrowing",
              "lend": "lending", "lose": "loss", "sell": "sales", "owe": "debt",
              "earmark": "spending", "allocate": "spending", "budget": "spending", "fine": "fine",
              "charge": "charge", "award": "award", "bid": "bid", "produce": "production",
              "export": "exports", "import": "imports", "employ": "employment", "inflate": "inflation",
              "value": "value", "price": "price", "raise": "funding", "fund": "funding"}
# Verbs whose money object is moved by their subject, not a change in it: "the Tories would cut
# £35bn", "the plan will save £1bn".
AGENT_VERBS = {"cut": "cut", "slash": "cut", "trim": "cut", "shave": "cut", "wipe": "cut", "save": "saving",
               "knock": "cut"}
# "in the face of", "in the wake of": an "in" phrase that is no part of what an amount is.
_IN_IDIOMS = {"face", "wake", "light", "event", "case", "midst", "absence", "run-up", "aftermath", "lead-up",
              "teeth", "course", "process", "hope", "view", "spite", "line", "name", "way", "place"}
# Verbs whose "in" phrase is where money goes, not what it is: "invest £5m in new pipes".
INTO_VERBS = {"invest", "put", "pump", "inject", "plough", "sink", "spend", "pour"}
UNIT_NOUNS = {"share", "year", "week", "month", "day", "head", "person", "barrel", "annum",
              "cent", "percent", "%", "point", "pound", "dollar", "euro", "pence", "penny", "p",
              "won", "yen", "franc", "rupee", "yuan", "m", "bn", "billion", "million", "trillion",
              "thousand", "hundred", "time", "hour", "minute", "second", "sterling"} | \
    {w.split()[-1] for w in CURRENCY_WORDS} | {w.split()[-1][:-1] for w in CURRENCY_WORDS if w.endswith("s")} | \
    set(MEASURE_WORDS)
TIME_NOUNS = {"year", "quarter", "month", "week", "day", "period", "half", "decade", "season",
              "term", "time", "run", "past", "future", "future", "end", "start", "beginning"}
LEMMA_FIXES = {"taxes": "tax", "taxis": "tax", "data": "data", "media": "media", "earnings": "earnings",
               "savings": "saving", "sales": "sales", "people": "people", "police": "police",
               "arms": "arms", "news": "news", "species": "species", "series": "series"}
_NOUNISH = ("NOUN", "PROPN")
_OPENERS = {'"', "'", "(", "[", "\u201c", "\u2018"}
_PERSONAL = {"i", "he", "she", "we", "they", "you"}
# "several of the 10 countries" counts countries; the quantifier says nothing of them.
_QUANTIFIERS = {"several", "many", "some", "all", "most", "each", "both", "none", "few", "any", "one", "either",
                "neither", "half", "much", "lots", "plenty", "dozens", "hundreds", "thousands", "millions"}
# Verbs that report a figure rather than do something with it: "Knight says 24 companies ...",
# "the lender said only 2.8%" - the speaker is not what is counted.
REPORT_VERBS = {"say", "tell", "believe", "think", "suggest", "argue", "insist", "note", "warn",
                "state", "explain", "admit", "reckon"}


def _hyphen_start(tok) -> int:
    """The first token of a hyphenated word the token ends: "bail-out" -> "bail"."""
    doc, i = tok.doc, tok.i
    while i >= 2 and doc[i - 1].text in ("-", "\u2011") and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_ and doc[i - 2].text[-1:].isalnum():
        i -= 2
    return i


def _nounlike(tok, skip) -> bool:
    # The small model sometimes tags a noun in a noun's place as ADJ ("an $850m payout").
    if not (tok is not None and tok.i not in skip and not tok.like_num
            and (tok.pos_ in _NOUNISH or tok.pos_ == "ADJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"))
            and not tok.text[:1].isdigit() and tok.text != "%"  # "A300s" is a name
            and (tok.lower_ not in NON_HEADS or _hyphen_start(tok) < tok.i)  # but "line-up", "mark-up"
            and not (tok.pos_ == "PROPN" and tok.lower_ in _CALENDAR)):  # "the three months to December"
        return False
    if tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ and tok.doc[tok.i - 1].text[-1:].isdigit():
        return False  # the "m" of "1.6m", the "m." of "£40m." is part of a number
    # "£10 one-way", "a two-year deal": a word hyphenated to a number is a modifier.
    start = _hyphen_start(tok)
    return start == tok.i or not (tok.doc[start].like_num or tok.doc[start].i in skip)


def _lemma(tok) -> str:
    if tok.lower_ in LEMMA_FIXES:
        return LEMMA_FIXES[tok.lower_]
    if tok.pos_ == "PROPN":
        word = tok.text
        names = [t.text for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == tok.i - 1]
        if word.endswith("s") and not word.endswith("ss") and not (names and tok.ent_type_ in ("ORG", "FAC")) and (
                tok.tag_ == "NNPS" or tok.ent_type_ == "NORP" or re.fullmatch(r"[A-Z][A-Za-z-]*\d+[A-Za-z]*s", word)):
            word = word[:-1]  # "Palestinians" -> "Palestinian"; but "United Breweries" is a name
        return " ".join(names + [word])  # "Virgin Blue", not "Blue"
    if re.fullmatch(r"[A-Z]{2,}s|[A-Z][A-Za-z-]*\d+[A-Za-z]*s", tok.text):
        return tok.text[:-1]  # "CSOs" -> "CSO", "MPs" -> "MP", "A300s" -> "A300"
    start = _hyphen_start(tok)
    if start < tok.i:  # "bail-out", "take-over": the whole word
        return (tok.doc[start:tok.i].text + tok.lemma_).lower()
    return tok.lemma_.lower()


def _phrase(tok, skip: set[int], limit: int = 4) -> str:
    """The noun with the modifiers before it, as written: "net income", "party's candidates"."""
    doc = tok.doc
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss") and child.pos_ not in ("NUM", "SYM", "PRON"):
            left = min(left, child.left_edge.i)
            break
    # Nothing of the figure itself, no determiners or numbers in front; at most `limit`
    # words, starting at a word boundary ("anti-missiles battery" is two words).
    while left < tok.i and (
            any(t.i in skip for t in doc[left:tok.i])
            or doc[left].pos_ in ("DET", "PUNCT", "NUM", "SYM", "PRON", "ADP", "CCONJ", "PART")
            or doc[left].like_num
            or len(doc[left:tok.i + 1].text.split()) > limit
            or "\n" in doc[left:tok.i].text
            or _sentence_end_between(text_of(doc), doc[left].idx, tok.idx + 1)  # "extra £250m. Turnover"
            or (left > 0 and not doc[left - 1].whitespace_ and doc[left - 1].text not in _OPENERS
                and doc[left - 1].i not in skip)):
        left += 1
    if 0 < left < tok.i and doc[left].pos_ == "PROPN" and doc[left - 1].pos_ == "PROPN" \
            and doc[left - 1].i not in skip:
        while left < tok.i and (doc[left].pos_ == "PROPN" or doc[left].tag_ == "POS"):
            left += 1  # not the tail of a name the limit cut: "Jones share index" -> "share index"
    right = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "per" and child.i == right:
            right = child.right_edge.i + 1
            break
    # No other number inside ("Britain's 659 MPs" -> "Britain's MPs").
    def number_part(t) -> bool:
        if t.i == tok.i:
            return False
        if t.like_num:  # but "No 9 prospects" keeps its label
            return not (t.i > 0 and doc[t.i - 1].lower_ in LABEL_WORDS)
        return t.pos_ == "SYM" or t.text == "%" or \
            (t.i > 0 and doc[t.i - 1].like_num and not doc[t.i - 1].whitespace_)  # the "m" of "£250m"
    return "".join(t.text_with_ws for t in doc[left:right] if not number_part(t)).strip()


def _subject(verb):
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                    return verb.head  # "the group, which is worth $17bn"
                return child
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in _NOUNISH:
            return verb.head
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return None


def _object(verb):
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    return None


def _verb_phrase(verb, skip=frozenset()) -> str:
    doc, end = verb.doc, verb.i
    while end + 2 < len(doc) and doc[end + 1].text in ("-", "\u2011") and not doc[end].whitespace_ \
            and not doc[end + 1].whitespace_ and doc[end + 2].text[:1].isalpha():
        end += 2  # "pre-selected", not "pre"
    parts = [doc[_hyphen_start(verb):end + 1].text]
    for child in verb.rights:
        if child.dep_ == "prt" and child.i not in skip:
            parts.append(child.text)
    return " ".join(parts)


def _clause(noun, skip: set[int]) -> str:
    """A short phrase for a counted noun: "missiles launched", "cut jobs", "deaths of Israelis"."""
    np = _phrase(noun, skip)
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_ not in ("be", "have") \
            and head.i not in skip:
        return f"{np} {_verb_phrase(head, skip)}"
    if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.i in skip and head.head.pos_ == "VERB":
        noun_dep, head = "dobj", head.head  # "struck down over 1350 targets": "over" is the figure's
    else:
        noun_dep = noun.dep_
    if noun_dep in ("dobj", "obj") and head.pos_ == "VERB" and head.lemma_ != "have" \
            and head.lemma_.lower() not in REPORT_VERBS:  # not "nominations had", "Knight says companies"
        subj = _subject(head)
        subj = _phrase(subj, skip, limit=4) if _nounlike(subj, skip) else ""
        vp = _verb_phrase(head, skip)
        if head.tag_ in ("VBD", "VBN"):
            # Counted noun first, as a reader scans: "files destroyed by Department".
            return f"{np} {vp} by {subj}" if subj else f"{np} {vp}"
        return f"{subj} {vp} {np}".strip()
    if noun.dep_ == "pobj" and head.pos_ == "ADP":
        gov = head.head
        prep = "" if head.i in skip else f" {head.text}"
        # Only a few prepositions say what a count is of: "deaths of Israelis", "wrote to all
        # three parties"; "a customer with an 80% success rate" is about the rate alone.
        if _nounlike(gov, skip) and (head.lower_ == "of" or head.i in skip) and gov.lower_ not in _QUANTIFIERS:
            return f"{_phrase(gov, skip, limit=2)}{prep} {np}"
        if head.i > 0 and head.doc[head.i - 1].lower_ in ("thanks", "due", "owing", "according"):
            return np  # "avoided bankruptcy thanks to a $4.5bn bail-out"
        if gov.pos_ in ("VERB", "AUX") and head.i > gov.i and (
                head.lower_ in ("to", "from", "for", "among") and gov.lemma_.lower() not in CHANGE_VERBS
                or gov.lemma_.lower() in ("be", "remain", "stay") and head.lower_ != "with" or head.i in skip):
            # "wrote to all three parties", "inflation was below the 2% target"
            subj = _subject(gov)
            lead = _phrase(subj, skip, limit=3) + " " if _nounlike(subj, skip) else ""
            return f"{lead}{_verb_phrase(gov, skip)}{prep} {np}"
    return np


@dataclass
class _Head:
    noun: object = None     # the token counted or measured, if any
    lemma: str | None = None
    what: str | None = None
    counted: bool = False   # the number directly counts this noun
    verb: str | None = None  # the verb of a bare count ("landed" in "as nearly 700 landed")
    subject: str | None = None  # "nsubj"/"nsubjpass" when the figure is the subject of `verb`
    fallback: _Head | None = None  # what a bare count measures when nothing before it in the
    #                                sentence does: the subject of "unemployment rose 7,000"


def _noun_head(noun, skip, what=None, counted=False) -> _Head:
    """Head for a noun; "a 5% rise in sales" measures sales, "the number of Americans" counts
    Americans; a bare "the rate" takes the rate's topic from its sentence ("unemployment")."""
    lemma = noun.lemma_.lower()
    if lemma in CHANGE_NOUNS or lemma in GENERIC_OF:
        for child in noun.rights:
            if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "in" and lemma in CHANGE_NOUNS):
                for obj in child.children:
                    if obj.dep_ == "pobj" and _nounlike(obj, skip) and obj.lemma_.lower() not in TIME_NOUNS \
                            and not (child.lower_ == "in" and obj.ent_type_ in ("GPE", "LOC", "DATE", "NORP")):
                        return _Head(obj, _lemma(obj), f"{_phrase(noun, skip)} {child.text} {_phrase(obj, skip)}",
                                     counted)
    what = what or _phrase(noun, skip)
    if lemma in TOPIC_NOUNS and not any(ch.dep_ in ("compound", "amod", "nmod", "poss") for ch in noun.lefts):
        topic = next((t for t in reversed(noun.sent[:noun.i - noun.sent.start]) if t.lemma_.lower() in RATE_TOPICS
                      and t.pos_ in ("NOUN", "ADJ")), None)
        if topic is not None and topic.text.lower() not in what.lower():
            what = f"{topic.text.lower()} {what}"  # "where the rate is 18.8%": the unemployment rate
    return _Head(noun, _lemma(noun), what, counted)


def _unit_noun(tok, counted: bool) -> bool:
    """A unit, not what a figure is of ("$6 per share"); but "1.9m shares" counts shares."""
    lemma = _lemma(tok)
    return lemma in UNIT_NOUNS and not (counted and lemma in COUNTABLE_UNITS)


def _noun_run(doc, i: int, skip, limit: int = 5, counted: bool = False):
    """The noun that a noun phrase starting at token i ends in ("long term care places", "worst
    hit schools", "Airbus A321 aircraft"), or None if the words there are no noun phrase."""
    noun = None
    for t in doc[i:min(len(doc), i + limit)]:
        if t.i in skip:
            if noun is not None:
                break
            return None
        if t.pos_ == "NOUN" or t.pos_ == "PROPN" and t.tag_ == "NNPS":
            if t.like_num or t.text[:1].isdigit():
                return None
            noun = t
            continue
        if noun is not None:
            break
        glued_hyphen = t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_
        if not (t.pos_ in ("ADJ", "PROPN") or glued_hyphen or
                t.pos_ == "VERB" and (t.tag_ in ("VBN", "VBG") or t.dep_ in ("amod", "compound")) or
                t.pos_ == "ADV" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("ADJ", "VERB")):
            return None
    if noun is not None and noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_ \
            and not doc[noun.i + 1].whitespace_ and doc[noun.i + 2].is_alpha:
        # "a $4.5bn bail-out": the hyphenated word's last part, read whole; not "year-on-year".
        parts = [noun]
        while parts[-1].i + 2 < len(doc) and doc[parts[-1].i + 1].text == "-" and not parts[-1].whitespace_ \
                and not doc[parts[-1].i + 1].whitespace_ and doc[parts[-1].i + 2].is_alpha:
            parts.append(doc[parts[-1].i + 2])
        if any(p.i in skip or p.lemma_.lower() in UNIT_NOUNS | TIME_NOUNS for p in parts):
            return None
        return parts[-1]
    if noun is None or not _nounlike(noun, skip) or _lemma(noun) in TIME_NOUNS or _unit_noun(noun, counted) \
            or noun.ent_type_ in ("DATE", "TIME") or noun.dep_ == "advmod":  # "sent $16bn home"
        return None
    return noun


def _after_figure(doc, c: _Cand, skip) -> int:
    """The token after a figure and a conversion in brackets after it ("$6.75bn (£3.6bn) buyout")."""
    after = c.tok_last + 1
    if after < len(doc) and doc[after].text == "(":
        for t in doc[after + 1:min(len(doc), after + 16)]:
            if t.text == ")":
                inside = doc[after + 1:t.i]
                if any(x.like_num or any(ch.isdigit() for ch in x.text) for x in inside):
                    return t.i + 1
                break
    return after


def _find_head(root, c: _Cand, skip: set[int]) -> _Head:
    doc = root.doc
    gov = root.head
    if gov.lower_ in NON_HEADS and gov.pos_ in ("NOUN", "ADJ") and gov.i != root.i:
        # "widened to a record $40bn": the figure stands where "record" stands.
        return _find_head(gov, c, skip | {gov.i})
    # A counted noun right after the number: "1,700 missiles", "£35bn savings", "2% target".
    if root.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "appos", "npadvmod") and \
            gov.i > root.i and _nounlike(gov, skip) and not _unit_noun(gov, not c.measured):
        # A modifier noun is not the head of its phrase: "80,000 long term care places".
        while gov.dep_ in ("compound", "amod", "nmod") and 0 < gov.head.i - gov.i <= 3 \
                and (c.measured or gov.head.tag_ in ("NNS", "NNPS")) \
                and _nounlike(gov.head, skip) and _lemma(gov.head) not in UNIT_NOUNS | TIME_NOUNS:
            gov = gov.head
        return _noun_head(gov, skip, _clause(gov, skip), counted=True)
    # "40% of the party's candidates", "eight of their last 13 matches", "four out of five issues".
    for child in root.rights:
        if child.dep_ != "prep" or child.lower_ not in ("of", "out", "in") or child.i in skip:
            continue
        preps = [child] if child.lower_ != "out" else [g for g in child.children if g.lower_ == "of"]
        for prep in preps:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.like_num:
                    nouns = [t for t in obj.ancestors if _nounlike(t, skip) and t.i > obj.i] + \
                            [t for t in obj.children if _nounlike(t, skip)]
                    obj = nouns[0] if nouns else obj
                if prep.lower_ == "in" and (not c.measured or obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "ORG")
                                            or obj.lemma_.lower() in TIME_NOUNS | _IN_IDIOMS
                                            or obj.pos_ == "PROPN"):  # "cleared 4.89 metres in Lievin"
                    continue
                if _nounlike(obj, skip) and (obj.lemma_.lower() not in GENERIC_NOUNS or obj.lower_ == "shares"):
                    what = _phrase(obj, skip)
                    verb = root.head
                    if root.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB":
                        what = f"{what} {_verb_phrase(verb, skip)}"
                    elif root.dep_ == "dobj" and verb.pos_ == "VERB":
                        what = f"{_verb_phrase(verb, skip)} {what}"
                    return _Head(obj, _lemma(obj), what, counted=not c.measured)
                if prep.lower_ == "of":
                    return _Head()  # "of whom", "of the total": inherit below
    # The words right after the figure, whatever the parse made of them: "the 128 worst hit
    # schools", "a $6.75bn (£3.6bn) buyout", "417m yuan ($50.4m) of company funds".
    after = _after_figure(doc, c, skip)
    if after < len(doc):
        noun = _noun_run(doc, after, skip, counted=not c.measured)
        if noun is not None:
            return _noun_head(noun, skip, _clause(noun, skip), counted=not c.measured)
        if doc[after].lower_ == "of" and after + 1 < len(doc):
            objs = [t for t in doc[after].children if t.dep_ == "pobj" and _nounlike(t, skip)]
            if objs and objs[0].lemma_.lower() not in GENERIC_NOUNS | TIME_NOUNS and objs[0].pos_ == "NOUN":
                return _Head(objs[0], _lemma(objs[0]), _phrase(objs[0], skip), counted=not c.measured)
    # "incomes over £100,000", "a fine up to 200,000 yuan": the noun just before the approximator.
    first = c.tok_first
    if c.approx and first > 0:
        prev = doc[first - 1]
        if prev.pos_ == "NOUN" and _nounlike(prev, skip) and _lemma(prev) not in UNIT_NOUNS | GENERIC_NOUNS \
                and prev.ent_type_ not in ("DATE", "TIME") and _lemma(prev) not in TIME_NOUNS:
            return _noun_head(prev, skip)
    # "revenues - £160m - will", "fuel costs - a predicted extra £250m".
    if root.dep_ == "appos" and gov.i < root.i and gov.pos_ == "NOUN" and _nounlike(gov, skip) \
            and _lemma(gov) not in UNIT_NOUNS \
            and all(t.pos_ in ("PUNCT", "DET", "ADJ", "VERB") for t in doc[gov.i + 1:c.tok_first]):
        return _noun_head(gov, skip)
    dash = _dash_noun(doc, c, skip)
    if dash is not None:  # the same, however parsed: "fuel costs - a predicted extra £250m"
        return _noun_head(dash, skip)
    if root.dep_ == "pobj" and (gov.pos_ == "ADP" or gov.dep_ in ("prep", "agent")):
        target = gov.head
        if gov.lower_ == "of" and target.lower_ in NON_HEADS and target.i not in skip:
            # "at an all-time low of 3.25%", "the record high of 799": the figure stands there.
            return _find_head(target, c, skip | {target.i, gov.i})
        if gov.lower_ == "of" and (target.lower_ in _CALENDAR or _lemma(target) in TIME_NOUNS
                                   or target.ent_type_ == "DATE"):
            # "a loss for the three months to December of 7.5bn yen": what the period is of
            t = target
            for _ in range(5):
                t = t.head
                if t.i == t.head.i:
                    break
                if t.pos_ == "NOUN" and _nounlike(t, skip) and _lemma(t) not in TIME_NOUNS | UNIT_NOUNS:
                    return _noun_head(t, skip)
        # "net income of $2.5bn", "a payout of $6.0", "growth than the 0.4%".
        if gov.lower_ in ("of", "than") and _nounlike(target, skip) and (
                _lemma(target) not in UNIT_NOUNS or _lemma(target) == "share" and c.unit == "%"):  # "market share of 29%"
            return _noun_head(target, skip)
        # "the deficit - far bigger than the $54bn expected".
        if gov.lower_ == "than" and target.pos_ in ("ADJ", "ADV") and target.dep_ == "amod" \
                and _nounlike(target.head, skip):
            return _noun_head(target.head, skip)
        # "exports down 2.3% to $95.6bn".
        if target.lower_ in ("up", "down") and target.i > 0 and _nounlike(doc[target.i - 1], skip):
            return _up_down_head(doc[target.i - 1], skip)
        if target.pos_ in ("VERB", "AUX"):
            return _from_verb(target, gov, c, skip)
        if target.pos_ in ("ADJ", "ADV") and target.head.pos_ in ("VERB", "AUX"):
            return _from_verb(target.head, gov, c, skip)
        if target.pos_ == "PROPN" and gov.lower_ == "for":
            # "sold a stake to Italian bank Mediobanca for 775m euros": a price, not the buyer
            verb = None
            for t in reversed(doc[max(0, gov.i - 12):gov.i]):  # the parser may end a sentence at the name
                if t.is_sent_start and t.text[:1].isupper() and t.i > 0 and doc[t.i - 1].text in ".!?":
                    break
                if t.pos_ == "VERB":
                    verb = t
                    break
            if verb is not None:
                return _from_verb(verb, gov, c, skip)
        elif _nounlike(target, skip) and _lemma(target) not in UNIT_NOUNS:
            return _noun_head(target, skip)
    if gov.lower_ == "worth":
        # "the group, which is worth $17bn", "a deal worth $9.4bn".
        subj = _subject(gov.head) if gov.head.pos_ in ("VERB", "AUX") else gov.head
        if gov.i > 0 and _nounlike(doc[gov.i - 1], skip) and doc[gov.i - 1].pos_ == "NOUN":
            subj = doc[gov.i - 1]  # "by signing a deal worth 1bn euros", however it was parsed
        if _nounlike(subj, skip):
            return _noun_head(subj, skip, f"{_phrase(subj, skip)} worth")
    if gov.lower_ in ("more", "fewer", "less") and _nounlike(gov.head, skip):
        return _noun_head(gov.head, skip, _clause(gov.head, skip))  # "8% fewer consumers"
    # "highlighted £35bn in wasteful spending", "give $717m (£379m) in disaster relief": an "in"
    # phrase right after the amount (and its conversion).
    after = _after_figure(doc, c, skip)
    if c.measured and after < len(doc) and doc[after].lower_ == "in" and root.dep_ in ("dobj", "nsubj", "nsubjpass") \
            and not (root.dep_ == "dobj" and gov.lemma_.lower() in INTO_VERBS):  # "invest £5m in new pipes"
        for obj in doc[after].children:
            if obj.dep_ == "pobj" and _nounlike(obj, skip) and obj.lemma_.lower() not in TIME_NOUNS | _IN_IDIOMS \
                    and obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "ORG") and obj.pos_ != "PROPN":
                return _noun_head(obj, skip)
    if gov.lower_ in ("up", "down") and gov.i > 0 and _nounlike(doc[gov.i - 1], skip):
        # "Fiat shares down 1.2%".
        return _up_down_head(doc[gov.i - 1], skip)
    if root.dep_ in ("attr", "acomp", "dobj", "npadvmod", "advmod", "oprd", "nsubj", "nsubjpass", "obj",
                     "conj", "appos", "prep") and gov.pos_ in ("VERB", "AUX"):
        return _from_verb(gov, None, c, skip, role=root.dep_)
    if root.dep_ in ("npadvmod", "advmod") and (gov.pos_ in ("ADJ", "ADV") and gov.dep_ in ("acomp", "advmod", "oprd")
                                                or gov.pos_ == "ADP" and gov.dep_ == "prep") \
            and gov.head.pos_ in ("VERB", "AUX"):  # ... and "demand was 14% above normal"
        return _from_verb(gov.head, None, c, skip, role="attr")  # "profit will be 10% lower", "close 12% down"
    return _Head()


def _dash_noun(doc, c: _Cand, skip):
    """The noun before a dash that opens an aside holding the figure: "costs - a predicted extra
    £250m", "revenues - about £160m -"."""
    i = c.tok_first - 1
    while i >= 0 and i >= c.tok_first - 4 and doc[i].i not in skip and (
            doc[i].pos_ in ("DET", "ADJ", "ADV") or doc[i].pos_ in ("VERB", "NOUN") and doc[i].dep_ in ("amod", "nmod")):
        i -= 1
    if i < 1 or doc[i].text not in ("-", "\u2013", "\u2014") or not doc[i].whitespace_:
        return None
    noun = doc[i - 1]
    if noun.pos_ == "NOUN" and _nounlike(noun, skip) and not (noun.dep_ == "pobj" and noun.head.lower_ == "by" or doc[i - 2].lower_ == "by") and _lemma(noun) not in UNIT_NOUNS | TIME_NOUNS | GENERIC_NOUNS:
        return noun
    return None


def _up_down_head(before, skip) -> _Head:
    """The noun before "up"/"down" ("Fiat shares down 1.2%"); after a time noun, the verb's
    subject ("the index ended the day up 0.7%")."""
    if _lemma(before) in TIME_NOUNS and before.head.pos_ == "VERB" and before.head.i < before.i:
        subj = _subject(before.head)
        return _noun_head(subj, skip) if _nounlike(subj, skip) else _Head()
    return _noun_head(before, skip)


def _noun_before(doc, i: int, skip):
    """The noun ending just before token i, over a date or place phrase: "wine sales in 2003"."""
    if i < 0:
        return None
    tok = doc[i]
    if tok.lemma_ == "be" and i > 0:
        tok = doc[i - 1]  # "Shares in Manchester United were up over 5%"
    for _ in range(3):  # "shares in the firm up 8.5p": the noun the phrase hangs from
        prep = tok.head
        if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.i > 0 and doc[prep.i - 1].pos_ in _NOUNISH:
            tok = doc[prep.i - 1]  # by position: the parser may hang "in the firm" on the verb
    return tok if _nounlike(tok, skip) and tok.pos_ in _NOUNISH and _lemma(tok) not in UNIT_NOUNS | TIME_NOUNS else None


def _positional_head(doc, c: _Cand, skip) -> _Head | None:
    """When the parse hangs a figure somewhere odd ("reach £50bn - 14% higher" with the amount a
    compound of "%"), read the words before it: "<noun> up 25%", "<verb> £50bn", "remains at a
    breakneck 9.1%"."""
    i = c.tok_first - 1
    while i >= 0 and (doc[i].pos_ in ("DET", "ADJ", "ADV") and doc[i].lower_ not in ("up", "down")
                      or doc[i].dep_ == "pobj" and doc[i].pos_ == "NOUN" and i + 1 == c.tok_first
                      and any(t.i in skip for t in doc[i].children)):
        i -= 1  # "at a breakneck 9.1%": the parser made "breakneck" the noun
    if i < 0 or i < c.tok_first - 4:
        return None
    tok = doc[i]
    if tok.lower_ in ("up", "down"):
        noun = _noun_before(doc, i - 1, skip)
        if noun is None and i > 0 and doc[i - 1].pos_ == "VERB" and doc[i - 1].lemma_.lower() in CHANGE_VERBS:
            subj = _subject(doc[i - 1])  # "Shares in Cairn have closed down 18%"
            noun = subj if _nounlike(subj, skip) and subj.pos_ in _NOUNISH else None
        return _noun_head(noun, skip, f"{_phrase(noun, skip)} {tok.text}") if noun is not None else None
    if tok.pos_ == "VERB" and tok.dep_ != "amod":
        h = _from_verb(tok, None, c, skip, role="dobj")
        return h if h.lemma is not None else None
    if tok.lemma_ == "be" and tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"):
        h = _from_verb(tok, None, c, skip, role="attr")  # "the number of deaths ... was 777 - down"
        return h if h.lemma is not None else None
    if tok.pos_ == "ADP" and tok.dep_ in ("prep", "agent") and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
        h = _from_verb(tok.head, tok, c, skip)
        return h if h.lemma is not None else None
    return None


def _from_verb(verb, prep, c: _Cand, skip, role=None) -> _Head:
    """What a figure governed by a verb measures: its object, its subject or the verb's noun."""
    subj = _subject(verb)
    subj = subj if _nounlike(subj, skip) else None
    obj = _object(verb)
    obj = obj if _nounlike(obj, skip) and _lemma(obj) not in TIME_NOUNS else None  # not "ended the day at $8"
    lemma = verb.lemma_.lower()
    vp = _verb_phrase(verb, skip)
    lead = _phrase(subj, skip, limit=3) + " " if subj is not None else ""
    # The small model's lemmas are sometimes off ("fined" -> "fin"): try the past-tense stems too.
    noun = VERB_NOUNS.get(lemma) or VERB_NOUNS.get(re.sub(r"d$", "", verb.lower_)) or \
        VERB_NOUNS.get(re.sub(r"ed$", "", verb.lower_))
    fallback = None
    if lemma in REPORT_VERBS and role not in ("nsubj", "nsubjpass"):
        return _Head()  # "the lender said only 2.8%": who said it is not what it measures
    if subj is not None and lemma in COUNT_CHANGE_VERBS and role not in ("nsubj", "nsubjpass"):
        fallback = _noun_head(subj, skip, f"{lead}{vp}")  # "unemployment rose 7,000"
    if role in ("nsubj", "nsubjpass"):
        if c.measured and noun:
            return _Head(None, noun, vp)
        # "as nearly 700 landed": the counted thing is elsewhere in the sentence.
        return _Head(what=vp, verb=vp, subject=role)
    if prep is not None:
        if prep.lower_ == "for" and c.measured and lemma in ("buy", "sell", "acquire", "purchase", "auction",
                                                            "value", "price", "bid", "offer", "pay"):
            return _Head(subj, "price", f"{lead}{vp} for")
        if prep.lower_ in ("by", "to", "from", "at") and obj is not None and obj.i < prep.i:
            # "increase taxes by one penny", "cut rates to 4.5%".
            return _noun_head(obj, skip, f"{vp} {_phrase(obj, skip)}")
        if subj is None and lemma == "grow" and c.measured:
            return _Head(None, "growth", vp)  # "grew at a faster rate than the 0.4% reported"
        if subj is not None and (c.measured or lemma in CHANGE_VERBS and prep.lower_ in ("to", "from", "by", "at")):
            # "base rates will stay at 4.75%", "the death toll rose to 45".
            what = lead.strip() if lemma == "be" else f"{lead}{vp}"
            if lemma == "grow" and (c.unit == "%" or prep.lower_ not in ("to", "from")):
                return _Head(subj, "growth", what)  # but "the surplus grew to 12 trillion yen"
            return _noun_head(subj, skip, what)
        return _Head(what=f"{lead}{vp}".strip())
    if role in ("attr", "acomp", "oprd") and subj is not None:
        return _noun_head(subj, skip, lead.strip() if lemma == "be" else f"{lead}{vp}")
    if not c.measured:
        # A bare count as object or adverb: "lost eight", "up 22,000".
        return _Head(what=f"{lead}{vp}".strip(), verb=vp, fallback=fallback)
    # Money or a share as object: "profits rose 5%", "corruption has cost it 1bn CFA francs".
    if lemma == "grow" and subj is not None:
        return _Head(subj, "growth", f"{lead}{vp}")
    if obj is not None and obj.i < c.tok_first and lemma in MOVE_VERBS:
        return _noun_head(obj, skip, f"{vp} {_phrase(obj, skip)}")  # "lifted interest rates 0.25%"
    if role == "dobj" and lemma in AGENT_VERBS:
        # "the Tories would cut £35bn from public services": the subject does the cutting; what
        # is cut is the "from" phrase, or else the cut itself.
        for prep in verb.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "off") and prep.i > c.tok_last:
                objs = [t for t in prep.children if t.dep_ == "pobj" and _nounlike(t, skip)
                        and _lemma(t) not in TIME_NOUNS | UNIT_NOUNS]
                if objs:
                    return _noun_head(objs[0], skip, f"{lead}{vp} from {_phrase(objs[0], skip)}")
        return _Head(None, AGENT_VERBS[lemma], f"{lead}{vp}")
    if subj is not None and (lemma in CHANGE_VERBS and lemma not in VERB_NOUNS or
                             c.unit == "%" and lemma in SHARE_VERBS):
        return _noun_head(subj, skip, f"{lead}{vp}")
    if noun:
        what = f"{lead}{vp}"
        return _Head(None, noun, what)
    return _Head(what=f"{lead}{vp}".strip())


# --- what is not a figure --------------------------------------------------------------------

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_CALENDAR = MONTHS | WEEKDAYS
TIME_ZONES = {"am", "pm", "gmt", "bst", "cet", "est", "edt", "pst", "utc", "hrs", "et", "pt"}
# Words before a number that make it a label, not a quantity: "number one", "page 5".
LABEL_WORDS = {"number", "no", "nos", "page", "pages", "article", "clause", "section", "chapter",
               "paragraph", "route", "flight", "platform", "room", "junction", "channel", "vol",
               "volume", "issue", "grade", "category", "division", "class", "size", "type",
               "version", "model", "gate", "terminal", "box", "row", "seat", "table", "figure",
               "step", "item", "rule", "part", "schedule", "annex", "tier", "league", "level",
               "stage", "phase", "round", "pool", "bay", "radio", "apollo", "windows", "formula"}
# Track and swimming distances: "the 1500m", "world 5,000m" name events, not millions.
SPORT_DISTANCES = {50, 60, 100, 110, 200, 400, 800, 1500, 1600, 3000, 5000, 10000}
NAME_LABELS = {"ORG", "PRODUCT", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PERSON", "GPE", "LOC"}
_SINGULAR_FRACTIONS = {"half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
_FRACTION_CUES = {"by", "than", "about", "nearly", "almost", "around", "roughly", "some", "over", "under",
                  "just", "only", "to", "least"}


_AGE_GROUP_RE = re.compile(r"\b(?:people|persons?|those|adults|children|pensioners|men|women|anyone|everyone|"
                           r"workers|drivers|voters)\s+(?:(?:are|were|is|aged)\s+)?(?:over|under|above|below)\s+$",
                           re.I)


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\W*?(\w+)", text[pos:pos + 40])
    return m.group(1).lower() if m else ""


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 6):pos].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:\n"


class _Context:
    def __init__(self, doc):
        self.doc = doc
        self.text = text_of(doc)
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []  # far cheaper than a token loop

    def tok_at(self, char: int):
        if char < 0 or not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None


def _reject_reason(c: _Cand, ctx: _Context) -> str | None:
    if c.reject:
        return c.reject
    text, doc = ctx.text, ctx.doc
    core = text[c.core_start:c.core_end]
    prev = _prev_word(text, c.start)
    nxt = _next_word(text, c.end)
    last = ctx.tok_at(c.core_end - 1)
    after = last.nbor(1) if last is not None and last.i + 1 < len(doc) else None
    if c.plain and c.kind == "digits" and re.match(r"-\d+[A-Za-z]", text[c.end:c.end + 8]):
        return "name"  # the 777-200LR
    if c.plain and re.match(r"-[A-Za-z]", text[c.end:c.end + 2]):
        return "compound"  # "seven-day", "four-time", "a 49-match run": modifiers, not counts
    if c.plain and c.kind == "words" and c.value == 1 and not _STRONG_APPROX_RE.match(text, c.start):
        return "one"  # "one of the", "one official": not a key figure; but "at least one fan"
    if c.plain and c.kind == "digits" and re.match(r"[.)](?:[ \t]|$)", text[c.end:c.end + 2]) and \
            re.search(r"(?:^|\n)[ \t]*$", text[max(0, c.start - 20):c.start]):
        return "label"  # a numbered list item or section: "2. Surveillance ..."
    if c.plain and c.kind == "words" and isinstance(c.value, int) and c.value <= 10 and \
            prev in ("the", "these", "those") and (after is None or after.pos_ not in _NOUNISH + ("ADJ", "NUM")):
        return "pronoun"  # "a bidding war between the two"
    if c.plain and c.kind in ("digits", "words") and (
            prev in ("seeded", "ranked", "seed") or
            prev == "last" and (after is None or after.pos_ not in _NOUNISH + ("ADJ",))):
        return "label"  # "seeded three", "through to the last 16", "beyond the last eight"
    if c.plain and c.approx and c.kind in ("digits", "words") and isinstance(c.value, int) and c.value < 130 \
            and _AGE_GROUP_RE.search(text, max(0, c.start - 40), c.num_start) \
            and (after is None or after.pos_ not in _NOUNISH):
        return "age"  # "people over 60", "where people are over 80", "children under five"
    if c.plain and c.kind == "digits":
        partner_next = _next_word(text, c.partner.end) if c.partner is not None else ""
        if prev in MONTHS or nxt in MONTHS or prev in WEEKDAYS or partner_next in MONTHS:
            return "date"
        if nxt in TIME_ZONES or re.match(r"\s*(?:a\.m|p\.m|local\s+time)", text[c.end:c.end + 12], re.I):
            return "time"
        v = c.value
        if isinstance(v, int) and 1800 <= v <= 2100 and "," not in core and \
                (not c.approx or after is None or after.pos_ not in _NOUNISH + ("ADJ", "NUM")):
            return "year"  # counts this large are written with a comma: 1,350 targets; "about 2005"
        if isinstance(v, int) and 1000 <= v < 1800 and "," not in core and not c.approx and (
                prev in ("in", "since", "until", "till", "from", "of", "by", "before", "after") and
                (after is None or after.pos_ not in _NOUNISH) or
                after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()):
            return "year"  # "confirmed in 1701", "the 1701 Act of Settlement"
        if isinstance(v, int) and re.fullmatch(r"[0-2]\d[0-5]\d", core) and v < 2400 and \
                prev in ("at", "by", "until", "till", "from", "before", "after") and \
                (after is None or after.pos_ not in _NOUNISH):
            return "time"  # "due at the stadium at 1330" (the 24-hour clock)
        if re.fullmatch(r"\)", text[c.end:c.end + 1]) and text[c.start - 1:c.start] == "(":
            ptok = ctx.tok_at(c.start - 3)
            if ptok is not None and (ptok.pos_ == "PROPN" or ptok.text[:1].isupper()):
                return "label"  # "Everitt for Mapletoft (53)": a minute, a seeding, a shirt number
        if isinstance(v, int) and v < 130:
            if prev in ("aged", "age", "turns", "turned", "turning") or \
                    re.search(r"\bage\s+of\s+$", text[max(0, c.start - 12):c.start], re.I):
                return "age"
            if re.search(r"[A-Z][\w'\u2019-]+,\s*$", text[max(0, c.start - 30):c.start]) \
                    and re.match(r"\s*[,)]", text[c.end:c.end + 3]):
                ptok = ctx.tok_at(text.rfind(",", 0, c.start) - 1)
                if ptok is not None and (ptok.pos_ == "PROPN" or ptok.ent_type_ == "PERSON"):
                    return "age"  # "Robert Napier, 25, won"
            if last is not None and last.dep_ in ("attr", "acomp") and last.head.lemma_ == "be":
                subj = _subject(last.head)
                if subj is not None and (subj.lower_ in _PERSONAL or subj.ent_type_ == "PERSON"):
                    return "age"  # "I'm 30 now"
    if c.plain or (c.unit is None and c.kind == "digits"):
        if prev in LABEL_WORDS and not c.approx or text[max(0, c.start - 1):c.start] == "#":
            return "label"
        reason = _designation(c, ctx, prev, nxt, after)
        if reason:
            return reason
        ptok = ctx.tok_at(c.start - 1) if c.start > 0 else None
        if ptok is not None and ptok.idx + len(ptok.text) + 1 >= c.start and not ptok.text.islower() \
                and ptok.pos_ == "PROPN" and ptok.lower_ not in MONTHS | WEEKDAYS and ptok.ent_type_ != "NORP" \
                and not c.approx:
            return "name"  # Radio 4, Section 28, Boeing 747, RBS 6 Nations
        if re.search(r"(?<![\w-])[a-z]+[A-Z][A-Za-z]*\s$", text[max(0, c.start - 20):c.start]) and not c.approx:
            return "name"  # iOS 13, iPhone 11: a brand's capital inside the word, whatever the tagger says
        if c.kind == "words" and core[:1].isupper() and not _sentence_initial(text, c.core_start):
            return "name"  # Six Nations, Formula One
        first = ctx.tok_at(c.core_start)
        if first is not None and first.ent_type_ in NAME_LABELS and first.ent_iob_ == "I":
            return "name"
        if c.kind == "digits" and after is not None and after.idx == c.end + 1 and after.pos_ == "PROPN" \
                and after.text[:1].isupper() and first is not None and first.ent_iob_ == "B" \
                and first.ent_type_ in ("FAC", "ORG", "GPE", "LOC") and after.ent_iob_ == "I":
            return "name"  # an address or a name that starts with a number: "10 Downing Street"
    if c.kind == "digits" and c.scaled and c.number.lower().endswith("m") and not c.currency \
            and c.unit is None and (_bare_value(c) in SPORT_DISTANCES or "," in core):
        return "distance"  # the 1500m, world 5,000m
    if c.kind in ("words", "aword") and c.value == 1 and c.currency and c.unit not in ("pence", "cents") \
            and re.match(r"\s+(?:[a-z]+\s+){0,2}(?:[$\u00a3\u20ac\u00a5]|US\$)\d", text[c.end:c.end + 40]):
        return "rate base"  # "one euro worth $1.3218": the unit of an exchange rate, not an amount
    if c.kind == "ratio" and (c.value is None or c.value >= 1):
        return "unparsed"  # "since 1912 in 38.07 seconds" is no proportion
    if c.kind == "frac":
        words = core.lower().replace("-", " ").split()
        if words[-1] == "quarters" and nxt != "of":
            return "duration"  # "the next two quarters": periods, not three-quarters of something
        if words[-1] in _SINGULAR_FRACTIONS:
            # "a third of", "cut by a fifth" are fractions; "a third term", "a quarter" are not.
            if nxt != "of" and prev not in _FRACTION_CUES:
                if words[-1] == "quarter" or re.match(r"-\w", text[c.end:c.end + 2]) or \
                        (after is not None and after.pos_ in ("NOUN", "ADJ", "PROPN", "NUM")):
                    return "ordinal"
            # "to a ninth successive game", "for a third straight win": an ordinal before a noun.
            if nxt != "of" and after is not None and after.idx >= c.end and \
                    _noun_run(doc, after.i, frozenset(), limit=3) is not None:
                return "ordinal"
        elif prev in ("the", "first", "last", "next", "final", "opening"):
            return "ordinal"
    if c.kind == "half" and prev in ("the", "first", "second", "a", "one", "other"):
        return "period"
    if c.pending_word is not None and c.pending_word[1] in AMBIGUOUS_CURRENCY and not c.scaled \
            and not (c.value or 0) >= 1e6:  # "a one trillion won bail-out" even when tagged a verb
        wt = ctx.tok_at(c.pending_word[0])
        if wt is not None and wt.pos_ not in _NOUNISH:
            return "verb"
    return None


_WEAR = {"wear", "wears", "wore", "worn", "wearing"}
# What may follow a count standing for its noun ("the 300 who were freed", "the 150 were
# arrested"); a model number is singular ("the 787 is", "the 717 next year", "the 911, which").
_COUNT_FOLLOWERS = {"of", "who", "whom", "that", "were", "are", "have", "had", "say", "said", "and", "or", "to"}


# What a model does in business news and a crowd does not: "sales of the 911 rose 12%".
_MODEL_VERBS = {"rise", "fall", "climb", "jump", "slip", "drop", "sell", "soar", "slump", "plunge", "dip", "tumble",
                "gain", "grow", "decline", "surge", "rally", "ease", "edge", "slide", "outsell", "cost", "debut"}


def _designation(c: _Cand, ctx: _Context, prev: str, nxt: str, after) -> str | None:
    """Numbers that name something rather than count it: a shirt number ("the 9 shirt", "wore
    23"), a rank ("in the top 10"), a model or product ("the 787", "a 747", "the 911")."""
    if not c.plain or c.approx:
        return None
    text = ctx.text
    core = text[c.core_start:c.core_end]
    v = c.value
    no_noun = after is None or after.idx < c.end or _noun_run(ctx.doc, after.i, frozenset(), limit=3) is None
    if c.kind == "digits" and isinstance(v, int) and v < 100 and (
            nxt in ("shirt", "shirts", "jersey") or prev in _WEAR and no_noun):
        return "label"  # a shirt number
    top = ctx.tok_at(c.start - 2) if prev == "top" else None
    if top is not None and top.lower_ == "top" and not top.tag_.startswith("VB") and c.kind in ("digits", "words") \
            and no_noun:
        return "label"  # a rank: "finished in the top 10", "a top five place"
    if c.kind == "digits" and isinstance(v, int) and v >= 100 and "," not in core and prev in ("the", "a", "an") \
            and re.search(r"\b(?:the|an?)\s+$", text[max(0, c.start - 5):c.start], re.I) and no_noun \
            and (after is None or after.lower_ not in _COUNT_FOLLOWERS and (
                after.tag_ not in ("VBP", "VBD", "VBN") or after.tag_ == "VBD" and after.lemma_.lower() in _MODEL_VERBS)):
        # Counts this size are written "the 300 who..." or carry their noun ("the 300 staff");
        # "the 787 will enter service", "Boeing will stop making the 717 next year" name a model.
        return "name"
    return None


_JUMP_VERBS = {"clear", "cleared", "throw", "threw", "thrown", "jump", "jumped", "leap", "leapt", "vault",
               "vaulted", "hurl", "hurled", "reach", "reached", "measure", "measured", "clearance", "mark",
               "best", "throw", "jump", "height", "distance"}


def _read_metres(c: _Cand, ctx: _Context) -> None:
    """"cleared 1.76m", "a best of 7.95m": metres, not millions, in field events."""
    if not (c.kind == "digits" and c.scaled and not c.currency and c.unit is None and not c.reject
            and c.number.lower().endswith("m") and not c.number.lower().endswith(("bn", "mn"))):
        return
    core = ctx.text[c.core_start:c.core_end]
    bare = _bare_value(c)
    if bare is None or bare >= 100:
        return
    last = ctx.tok_at(c.end - 1)
    nxt = last.nbor(1) if last is not None and last.i + 1 < len(ctx.doc) else None
    if nxt is not None and (nxt.pos_ in _NOUNISH or nxt.lower_ == "of"):
        return  # "3.25m people", "1.5m of them"
    before = {t.lower_ for t in ctx.doc[max(0, (last.i if last else 0) - 6):(last.i if last else 0)]}
    if re.fullmatch(r"\d+\.\d\d", core) or before & _JUMP_VERBS:
        c.value, c.unit, c.scaled = bare, "m", False


_CURRENCY_NOUNS = {"euro": "EUR", "pound": "GBP", "sterling": "GBP", "dollar": "USD", "yen": "JPY",
                   "yuan": "CNY", "franc": "CHF", "rupee": "INR", "rouble": "RUB", "won": "KRW", "real": "BRL"}
_CURRENCY_NAMES = {"EUR": "euros", "GBP": "pounds", "USD": "dollars", "JPY": "yen", "CNY": "yuan", "CHF": "francs",
                   "INR": "rupees", "RUB": "roubles", "KRW": "won", "BRL": "reais", "pence": "pence",
                   "cents": "cents"}


def _exchange_rate(c: _Cand, ctx: _Context, sent) -> _Head | None:
    """"the dollar was trading against the euro at $1.3280", "one pound buying $1.9094", "the
    dollar was buying 104.76 yen": the price of one currency in another measures that currency."""
    if not c.currency or c.scaled or c.value is None or c.value >= 1000 or c.unit not in _CURRENCY_NAMES:
        return None
    first = ctx.tok_at(c.num_start)
    if first is None:
        return None
    for t in reversed(ctx.doc[sent.start:first.i]):
        code = _CURRENCY_NOUNS.get(t.lemma_.lower()) or _CURRENCY_NOUNS.get(t.lower_)
        if code is None or t.pos_ not in ("NOUN", "PROPN") or t.i == 0:
            continue
        if code == c.unit or (c.unit in ("pence", "cents") and code in ("GBP", "USD", "EUR")):
            continue  # "the dollar ... at $1.8923": the currency the price is in
        if ctx.doc[t.i - 1].lower_ not in ("the", "one", "a", "per", "each", "every"):
            continue  # "reports in euros" is no exchange rate
        return _Head(t, t.lower_ if t.lower_ != "sterling" else "pound",
                     f"{_CURRENCY_NAMES[c.unit]} per {t.lower_}")
    return None


def _read_weight(c: _Cand, ctx: _Context) -> None:
    """"she had lost 70 pounds", "weighs 200 pounds": pounds of weight, not sterling."""
    if not (c.pending_word is not None and c.pending_word[1] in ("pounds", "pound") and not c.scaled
            and c.value is not None and c.value < 1000):
        return
    tok = ctx.tok_at(c.core_start)
    verbs = [t for t in list(tok.ancestors)[:3] if t.pos_ in ("VERB", "AUX")] if tok is not None else []
    if any(v.lemma_.lower() in ("weigh", "lose", "gain", "shed", "pile") for v in verbs) or \
            re.match(r"\s+(?:overweight|heavier|lighter)\b", ctx.text[c.end:c.end + 12]):
        c.unit, c.currency, c.pending_word = "lb", False, None
        p = c.partner
        if p is not None and p.unit == "GBP" and p.pending_word is None and not p.scaled:
            p.unit, p.currency = "lb", False  # "gained 40 or 100 pounds"


def _drop_currency_word(c: _Cand, text: str) -> None:
    """Undo an ambiguous currency word that turned out to be a verb: "25 won" -> "25"."""
    c.end = len(text[:c.pending_word[0]].rstrip())
    c.unit, c.currency, c.pending_word = None, False, None


# --- extraction -----------------------------------------------------------------------------

# A full stop after a word, before a capital: a sentence end the parser may have missed.
_SENT_END_RE = re.compile(r"[a-z0-9%][.!?][\"'\u201d\u2019]?\s+[A-Z\"'\u201c\u2018]")
_LAST_WORD_RE = re.compile(r"(\w+)$")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "gov", "sen", "rep", "jr", "sr",
                  "prof", "gen", "col", "capt", "lt", "vs", "etc", "bros"}


def _sentence_end_between(text: str, start: int, end: int) -> bool:
    """A sentence end inside text[start:end] the parser missed ("a predicted extra £250m. Turnover");
    not an abbreviation ("Mr. Marcus")."""
    for m in _SENT_END_RE.finditer(text, start, end):
        word = _LAST_WORD_RE.search(text[max(0, m.start() - 12):m.start() + 1])
        if word is None or word.group(1).lower() not in _ABBREVIATIONS:
            return True
    return False


# Where one phrase cannot reach across: a line break (a headline the parser ran into the first
# paragraph) or a full stop before a capital (a sentence end the parser missed).
_BARRIER_RE = re.compile(r"\n|[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"'\u201c\u2018])")


_SHARE_OF_RE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|all)?\s*", re.I)


def _joined(a: _Cand, b: _Cand, text: str) -> bool:
    """Two figures of one thing side by side: "£106m or 47.3%", "from 157,000 to 133,000"."""
    gap = text[a.end:b.start]
    return bool(_JOINED_RE.fullmatch(gap)) and (a.unit == b.unit or (a.measured and b.measured)
                                                or re.search(r"\bor\b", gap) is not None)


# What a sum of money with nothing else to say is likely to be, when the sentence or the one
# before or after names it: "has lost an appeal against an inmate's compensation ... Napier won
# £2,450", "he sought £5,000. He was awarded compensation".
MONEY_NOUNS = {"compensation", "damages", "payout", "settlement", "fine", "bonus", "salary", "wage", "fee",
               "grant", "pension", "ransom", "prize", "reward", "refund", "subsidy", "rebate", "bail",
               "award", "donation", "bribe", "transfer", "dividend"}


def _money_noun_nearby(sents, si: int, c: _Cand, reach: int = 150) -> _Head | None:
    """The nearest such noun within ``reach`` characters, in this sentence or a neighbour."""
    best = None
    for k in (si - 1, si, si + 1):
        if 0 <= k < len(sents):
            for t in sents[k]:
                if t.pos_ == "NOUN" and (t.lemma_.lower() in MONEY_NOUNS or t.lower_ == "damages"):
                    gap = c.start - t.idx - len(t.text) if t.idx < c.start else t.idx - c.end
                    gap *= 2 if k > si else 1  # a later sentence names it less surely than an earlier one
                    if gap <= reach and (best is None or gap < best[0]):
                        best = (gap, t)
    if best is None:
        return None
    t = best[1]
    return _Head(t, "damages" if t.lower_ == "damages" else t.lemma_.lower(), t.text.lower())


def _in_brackets(text: str, pos: int, since: int) -> bool:
    """An opening bracket between ``since`` and ``pos`` that is still open at ``pos``."""
    k = text.rfind("(", since, pos)
    return k >= 0 and ")" not in text[k:pos]


# Words a `what` phrase must not end in: a copula or auxiliary says nothing of what is counted
# ("shares were", "Two is it" -> "is").
_AUX_WORDS = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "has", "have", "had",
              "having", "do", "does", "did", "will", "would", "can", "could", "may", "might", "shall",
              "should", "must", "'ll", "'d", "get", "gets", "got"}
_FUNCTION_WORDS = _AUX_WORDS | {"it", "that", "this", "those", "these", "which", "who", "whom", "there", "what",
                                "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "and", "or", "not",
                                "he", "she", "they", "we", "i", "you", "them", "him", "her", "us", "its", "their"}
# A bare verb that says what a figure is when nothing else does: "93% -> fell", "£5m -> paid";
# not "break" (even), "made", "wipe".
_SAYING_VERBS = CHANGE_VERBS | set(VERB_NOUNS) | set(AGENT_VERBS) | SHARE_VERBS | {
    "offer", "bid", "pay", "spend", "raise", "receive", "win", "claim", "seek", "ask", "demand", "estimate",
    "predict", "forecast", "expect", "die", "kill", "injure", "wound", "arrest", "vote", "attend", "sign",
    "join", "leave", "lose", "score", "kick", "run", "land", "fire", "launch", "sell", "buy", "owe"}
_MAX_WHAT_WORDS = 6
_DANGLING = {"per", "with", "from", "into", "than", "as", "about"}
_COMPARE_WORDS = {"as", "more", "less", "fewer"}


def _multiplier(doc, c: _Cand) -> tuple[str, object] | None:
    """'three times as contagious', 'five times more likely', 'four times the average': the
    phrase from "times" on, and the counted noun if it names one ('three times as many people')."""
    i = c.tok_last + 1
    if i >= len(doc) or doc[i].lower_ != "times" or c.measured:
        return None
    words, noun = [doc[i].text], None
    j = i + 1
    if j < len(doc) and doc[j].lower_ in _COMPARE_WORDS:
        words.append(doc[j].text)
        j += 1
    if j < len(doc) and (doc[j].tag_ in ("JJR", "RBR") or len(words) > 1 and (
            doc[j].tag_ in ("JJ", "RB") or doc[j].lower_ in ("many", "much"))):  # not "ran three times successfully"
        words.append(doc[j].text)
        if doc[j].lower_ in ("many", "much", "more") and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN":
            noun = doc[j + 1]
            words.append(noun.text)
        return " ".join(words), noun
    if len(words) == 1 and j < len(doc) and doc[j].pos_ == "DET":
        k = j + 1  # "four times the national average"
        while k < len(doc) and k <= j + 3 and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and not (
                doc[k].pos_ == "NOUN" and k + 1 < len(doc) and doc[k + 1].pos_ != "NOUN"):
            k += 1
        if k < len(doc) and doc[k].pos_ == "NOUN":
            return " ".join([doc[i].text] + [t.text for t in doc[j:k + 1]]), doc[k]
    return None


def _tidy_what(what: str | None, head: _Head, c: _Cand, doc) -> str | None:
    """A `what` a reader can scan: no trailing auxiliary, never only function words, at most
    six words, no bare verb that says nothing; else the head's own phrase, else nothing."""
    words = (what or "").split()
    while words and words[-1].lower() in _AUX_WORDS:
        words.pop()  # "Barclays shares were" -> "Barclays shares"
    if words and all(w.lower().strip("\"'\u201c\u201d") in _FUNCTION_WORDS for w in words):
        words = []
    if len(words) == 1 and head.lemma is None and head.subject is None:
        # A lone verb: keep only one that says what the figure is ("fell", "paid").
        toks = [t for t in doc[max(0, c.tok_first - 12):c.tok_last + 12] if t.text == words[0]]
        if toks and toks[0].pos_ in ("VERB", "AUX") and toks[0].lemma_.lower() not in _SAYING_VERBS:
            words = []
    if len(words) > _MAX_WHAT_WORDS and "by" in words[2:]:
        words = words[:len(words) - 1 - words[::-1].index("by")]  # "planes ordered by Air Deccan"
    if len(words) > _MAX_WHAT_WORDS:
        # Keep the end that holds the counted noun.
        noun_at = next((k for k, w in enumerate(words) if head.noun is not None and w == head.noun.text), None)
        if noun_at is not None and noun_at >= _MAX_WHAT_WORDS:
            words = words[noun_at - _MAX_WHAT_WORDS + 1:noun_at + 1]
        else:
            words = words[:_MAX_WHAT_WORDS]
    while len(words) > 1 and (words[-1] in (_FUNCTION_WORDS - {"for"}) | _DANGLING  # "sold for" says price
                              or words[-1].endswith(("'s", "\u2019s"))):
        words.pop()  # "planes ordered by India's", "people per"
    if not words and head.noun is not None:
        words = _phrase(head.noun, set(range(c.tok_first, c.tok_last + 1))).split()
    if not words and head.lemma is not None:
        words = [head.lemma]
    if all(w.lower().strip("\"'\u201c\u201d") in _FUNCTION_WORDS for w in words):
        return None  # nor when the parse made a function word the noun ("the is were £5m")
    return " ".join(words)


def _those_who(doc, c: _Cand) -> str | None:
    """'33% of those hospitalised', 'half of those polled': the verb says who is counted."""
    m = _THOSE_RE.match(text_of(doc), c.end)
    if m is None:
        return None
    tok = next((t for t in doc[c.tok_last:c.tok_last + 6] if t.idx == m.start(1)), None)
    return f"those {m.group(1)}" if tok is not None and tok.tag_ in ("VBN", "VBD") else None


_THOSE_RE = re.compile(r"\s*of\s+those\s+([a-z]+)\b")


def extract_figures(doc) -> list[Figure]:
    """The figures in a parsed document, in text order."""
    text = text_of(doc)
    ctx = _Context(doc)
    cands = scan(text, ctx)
    if not cands:
        return []
    for c in cands:
        _read_metres(c, ctx)
        _read_weight(c, ctx)
        reason = _reject_reason(c, ctx)
        if reason == "verb":
            _drop_currency_word(c, text)
            reason = _reject_reason(c, ctx)
        c.reject = reason
    # A model number named once ("Boeing 747", "787s", "the 777-200LR") is a name wherever else
    # it stands alone ("sold 300 of its 747 jets"); round numbers ("FTSE 100") may be counts too.
    names = {text[c.core_start:c.core_end] for c in cands
             if c.reject == "name" and c.kind == "digits" and isinstance(c.value, int) and c.value >= 100
             and c.value % 50 and "," not in text[c.core_start:c.core_end]}
    for c in cands:
        if names and c.reject is None and c.plain and c.kind == "digits" and not c.approx \
                and text[c.core_start:c.core_end] in names:
            c.reject = "name"
    for c in cands:
        # "18 to 24 year olds", "16 or 17 March": a bare number shares its neighbour's fate.
        n = c.neighbour
        if c.reject is None and c.plain and n is not None and n.reject in ("date", "duration", "age", "time"):
            c.reject = n.reject
    kept = [c for c in cands if c.reject is None]
    if not kept:
        return []

    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]
    heads: dict[int, _Head] = {}
    positionals: dict[int, _Head] = {}
    last_counted: dict[int, _Head] = {}
    last_measured: dict[tuple[int, str | None], _Head] = {}
    prev: _Cand | None = None
    for c in kept:
        si = bisect.bisect_right(sent_starts, c.start) - 1
        span = doc.char_span(c.num_start, max(c.unit_end, c.core_end), alignment_mode="expand")
        head = _Head()
        positional = None  # what the words before a figure say, when nothing else does
        if span is not None and len(span):
            whole = doc.char_span(c.start, c.end, alignment_mode="expand") or span
            inside = {t.i for t in whole}
            c.tok_first, c.tok_last = whole.start, whole.end - 1
            root = span.root
            if root.head.i in inside and root.head.i != root.i:
                root = whole.root  # "in excess of £200m": the approximator carries the figure
            if c.rnoun is not None and ctx.tok_at(c.rnoun) is not None:
                noun = ctx.tok_at(c.rnoun)  # "one household in three"
                head = _noun_head(noun, inside - {noun.i}, _clause(noun, inside - {noun.i}), counted=True)
            else:
                head = _find_head(root, c, inside)
                if head.lemma is None and head.subject is None:
                    positional = _positional_head(doc, c, inside)
            if head.noun is not None and _BARRIER_RE.search(text, min(head.noun.idx, c.start),
                                                             max(head.noun.idx, c.end) + 1):
                # A headline run into the first paragraph is not one phrase: look again with
                # the words beyond the line break out of reach.
                sent = sents[si]
                before = list(_BARRIER_RE.finditer(text, sent.start_char, c.start))
                line_start = before[-1].start() if before else -1
                later = _BARRIER_RE.search(text, c.end, sent.end_char)
                line_end = later.start() if later else -1
                away = {t.i for t in sent if t.idx < line_start or 0 <= line_end <= t.idx}
                head = _find_head(root, c, inside | away)
        if head.lemma is None or head.lemma in _CURRENCY_NOUNS:
            rate = _exchange_rate(c, ctx, sents[si]) if si >= 0 else None
            head = rate or head
        if head.what:
            head.what = " ".join(head.what.split())
        if prev is not None and id(prev) in heads and re.fullmatch(r"\s*[(;,/:]\s*|\s+or\s+", text[prev.end:c.start]) \
                and "(" in text[max(0, c.start - 40):c.start] and (
                    head.lemma is None or c.currency and prev.currency and heads[id(prev)].lemma is not None
                    and _in_brackets(text, c.start, prev.start)):
            # "£7.5bn ($13.99bn)", "400m pesos ($136m; £72.3m) in improvements": a conversion of
            # the amount before it measures what that amount measures.
            head = heads[id(prev)]
        if head.lemma is None and prev is not None and id(prev) in heads and heads[id(prev)].noun is not None \
                and heads[id(prev)].counted:
            # "by another 10,000 vehicles, or 1.2%": the same count again, after its noun
            noun = heads[id(prev)].noun
            noun_end = noun.idx + len(noun.text)
            if prev.end < noun.idx and noun_end <= c.start and re.fullmatch(r"\s*,?\s*or\s+", text[noun_end:c.start]) \
                    and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", text[prev.end:noun.idx]):
                head = heads[id(prev)]
        if head.lemma is None and c.partner is not None and id(c.partner) in heads:
            head = heads[id(c.partner)]
        if head.lemma is None and not c.measured and si in last_counted:
            prior = last_counted[si]
            what = prior.what
            if head.verb:
                what = f"{prior.noun.text} {head.verb}"  # "Palestinians injured"
            head = _Head(prior.noun, prior.lemma, what)
        if head.lemma is None and head.verb and head.subject and c.kind not in ("ratio", "frac") and (
                c.unit == "%" and not c.scaled and not c.currency or c.plain and head.subject == "nsubjpass"):
            # "they asked 2,234 adults ... The survey found that 63% supported a ban": a share
            # or count that does something counts what the sentences before counted.
            prior = next((last_counted[k] for k in (si - 1, si - 2) if k in last_counted), None)
            if prior is not None:
                head = _Head(prior.noun, prior.lemma, f"{prior.noun.text} {head.verb}")
        if head.lemma is None and c.measured and (si, c.unit) in last_measured:
            head = last_measured[si, c.unit]  # "Labour's campaign cost £1.7m, the Lib Dems' £1.19m"
        if head.lemma is None and prev is not None and id(prev) in heads and heads[id(prev)].lemma is not None \
                and _joined(prev, c, text):
            head = heads[id(prev)]  # "rose by £106m or 47.3%", "from 157,000 to 133,000"
        if head.lemma is None and head.fallback is not None:
            head = head.fallback
        if head.lemma is None and c.scaled and c.unit is None and not c.currency and prev is not None \
                and prev.currency and id(prev) in heads and heads[id(prev)].lemma is not None \
                and bisect.bisect_right(sent_starts, prev.start) - 1 == si \
                and re.search(r"\b(?:against|compared\s+with|compared\s+to|from|versus|vs)\s+$", text[prev.end:c.start]):
            # "net income was 4.3bn rupees, against 2.7bn a year earlier": the same amount a year ago
            head = heads[id(prev)]
            # in the currency of the amount, not of its conversions in brackets
            first = next((x for x in reversed(kept[:kept.index(c)]) if x.currency and x.start >= sents[si].start_char
                          and not _in_brackets(text, x.start, max(sents[si].start_char, x.start - 60))), prev)
            c.unit, c.currency = first.unit, True
        if head.lemma is None and positional is not None:
            if c.partner is None:
                head = positional
            else:
                positionals[id(c)] = positional  # after the other end of the range has its say
        if head.counted or c.plain and head.noun is not None and head.noun.tag_ in ("NNS", "NNPS"):
            last_counted[si] = head  # "New loans rose to 83,000, ... a low of 77,000": loans again
        if c.measured and head.lemma is not None:
            last_measured[si, c.unit] = head
        heads[id(c)] = head
        prev = c
    for a, b in zip(reversed(kept[:-1]), reversed(kept[1:])):
        # "up 8.5p, or 8.1%, to 113.5p": a headless figure joined to the next one measures the same
        if heads[id(a)].lemma is None and heads[id(b)].lemma is not None and _joined(a, b, text):
            heads[id(a)] = heads[id(b)]
        # "only 12% of the 5.8 million who needed them": a share of a count counts what it counts
        elif heads[id(a)].lemma is None and heads[id(b)].lemma is not None and b.unit is None and not b.currency and \
                _SHARE_OF_RE.fullmatch(text, a.end, b.start):
            heads[id(a)] = heads[id(b)]
    out = []
    for c in kept:
        head = heads[id(c)]
        if head.lemma is None and c.partner is not None:
            head = heads.get(id(c.partner), head)  # "between $4.0-$5.0": the second end's head
        if head.lemma is None and id(c) in positionals:
            head = positionals[id(c)]
        si = bisect.bisect_right(sent_starts, c.start) - 1
        if head.lemma is None and c.currency and si >= 0:
            head = _money_noun_nearby(sents, si, c) or head
        sent = sents[si] if si >= 0 else None
        lemma, what = head.lemma, head.what
        mult = _multiplier(doc, c)
        if mult is not None:
            # "three times as contagious as flu" compares; it counts nothing but what it names
            what, noun = mult
            lemma = _lemma(noun) if noun is not None else (lemma if head.noun is None or head.noun.i > c.tok_last
                                                            else None)
        elif lemma is None:
            what = _those_who(doc, c) or what
        if c.unit == "points" and (lemma is None or head.noun is not None and head.noun.pos_ == "PROPN"):
            lemma = "point"  # "Arsenal slip 10 points behind": points count points, not the team
        what = _tidy_what(what, head, c, doc)
        if what is None and lemma == "point":
            what = "points"
        out.append(Figure(
            start=c.start, end=c.end, text=text[c.start:c.end], value=c.value, unit=c.unit,
            head=lemma, what=what,
            # A sentence end the parser put inside the figure ("DQL\u00a415%") must not cut it.
            sentence=(sent.start_char, max(sent.end_char, c.end)) if sent is not None else None,
        ))
    return out
