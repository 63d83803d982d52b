"""Numbers in English news text: the value a number expression denotes, and its unit.

``parse_number`` turns the number part of a figure ("1,700", "35bn", "1.5 million",
"two million", "two-thirds", "a fifth", "two and a half million", "hundreds") into a float.
Compound cardinals in words ("three hundred and forty-five thousand") are read by
``text2num`` (a small, dependency-free Rust library); digits, scale words and abbreviations
(bn, m, k), fractions, "a"/"an", "and a half" and vague plurals are read here, since
text2num does not cover them.

``unit_code`` maps a currency sign or unit word to the unit a figure reports (GBP, USD, %, ...).
"""

from __future__ import annotations

import re

from text_to_num import text2num

UNITS = {
    "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviations written after digits: "£35bn", "3.3m", "$2 mn", "50k".
SCALE_ABBREVS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
                 "trn": 1e12}
SCALES = {**SCALE_WORDS, **SCALE_ABBREVS, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALE_WORDS)
# Denominators of fraction words: "two-thirds", "a fifth", "three quarters".
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# Vague plurals: "hundreds of people" counts at least a hundred.
VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9}

CURRENCY_SIGNS = {
    "£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "¥": "JPY", "A$": "AUD", "C$": "CAD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "Rs": "INR", "Rs.": "INR",
}
# Currency words after a number ("100 trillion won", "1bn CFA francs"); keys are lower case
# and may be two words.
CURRENCY_WORDS = {
    "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "pounds sterling": "GBP",
    "pence": "pence", "penny": "pence", "p": "pence",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "cents": "cents", "cent": "cents",
    "euros": "EUR", "euro": "EUR", "yen": "JPY", "won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "reais": "BRL", "peso": "MXN", "dinar": "DZD", "riyal": "SAR", "shekel": "ILS",
    "rand": "ZAR", "pesos": "MXN", "naira": "NGN", "shillings": "KES",
    "cfa francs": "XAF", "cfa franc": "XAF", "swiss francs": "CHF", "francs": "CHF",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "krona": "SEK", "kronor": "SEK", "kroner": "NOK", "zloty": "PLN", "lira": "TRY",
    "shekels": "ILS", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "rials": "IRR", "rial": "IRR",
    "riyals": "SAR", "dinars": "DZD", "hryvnia": "UAH", "forints": "HUF", "koruna": "CZK", "pesos mexicanos": "MXN",
}
PERCENT_WORDS = {"%": "%", "per cent": "%", "percent": "%", "pc": "%",
                 "percentage point": "percentage points", "percentage points": "percentage points"}
MEASURE_WORDS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "miles": "miles",
    "mile": "miles", "metres": "m", "meters": "m", "metre": "m", "feet": "feet", "ft": "feet",
    "yards": "yards", "cm": "cm", "mm": "mm", "kg": "kg", "kilos": "kg", "kilograms": "kg",
    "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "lbs": "lb", "lb": "lb",
    "barrels": "barrels", "litres": "litres", "liters": "litres", "gallons": "gallons",
    "acres": "acres", "hectares": "hectares", "mph": "mph", "degrees": "degrees",
    "megawatts": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW", "kwh": "kWh", "points": "points",
    "gb": "GB", "mb": "MB", "bpd": "barrels a day",
}
TIME_WORDS = {
    "year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks",
    "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
    "minute": "minutes", "minutes": "minutes", "second": "seconds", "seconds": "seconds",
    "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
    "secs": "seconds", "sec": "seconds", "mins": "minutes", "hrs": "hours",
}

_WORD_RE = re.compile(r"\d+(?:\.\d+)?|[a-z]+")
_ATTACHED_SCALE = re.compile(r"(\d)(bn|mn|mln|tn|trn|[kmb])\b")


def _as_number(value: float) -> float | int:
    value = float(f"{value:.12g}")  # drop float noise: 3.3 * 1e6 is 3300000, not 3299999.99...
    if value == int(value) and abs(value) < 1e18:
        return int(value)
    return round(value, 6)


def _words_value(words: list[str]) -> float | None:
    """Value of a run of cardinal words ("two", "forty-five", "three hundred and six")."""
    if not words or words[0] not in UNITS and words[0] not in TENS:
        return None
    if words[-1] == "and":
        return None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def parse_number(text: str) -> float | int | None:
    """The scaled value of a number expression, or None if it is not one.

    Accepts digits with thousands commas and decimals, optionally followed by scale words or
    abbreviations ("1,700", "35bn", "1.5 million"); cardinal words ("two million",
    "twenty-five"); "a"/"an" before a scale, "dozen" or fraction ("a million", "a fifth");
    fractions ("two-thirds" -> 0.6667, "one in five" -> 0.2); "and a half"; vague plurals
    ("hundreds" -> 100, "tens of thousands" -> 10000). Currency signs and units are not part
    of the number: strip them first.
    """
    t = text.lower().replace("\u2013", "-").replace("\u2011", "-")
    t = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", t)
    t = _ATTACHED_SCALE.sub(r"\1 \2", t)
    words = _WORD_RE.findall(t.replace("-", " "))
    if not words or len(re.sub(r"[\w\s.,-]", "", t)) > 0:
        return None
    # "one in five": a proportion.
    if len(words) >= 3 and "in" in words:
        k = words.index("in")
        num, den = parse_number(" ".join(words[:k])), parse_number(" ".join(words[k + 1:]))
        if num is None or not den:
            return None
        return _as_number(float(f"{num / den:.4g}"))  # "one in a million" is no 0
    # Vague plurals: "hundreds", "tens of thousands", "dozens".
    if words[0] in VAGUE:
        value = VAGUE[words[0]]
        rest = words[1:]
        if rest[:1] == ["of"] and len(rest) == 2 and rest[1] in VAGUE and VAGUE[rest[1]] >= 1000:
            value *= VAGUE[rest[1]]
            rest = []
        return _as_number(value) if not rest else None
    i = 0
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        value = float(words[0])
        i = 1
    elif words[0] == "half" and words[1:2] in (["a"], ["an"]) and len(words) > 2:
        value, i = 0.5, 2  # "half a million"
    elif words[0] == "half":
        value = 1.0
    elif words[0] in ("a", "an"):
        value, i = 1.0, 1
        if len(words) == 1 or not (words[1] in SCALES or words[1] in FRACTIONS or words[1] == "dozen"):
            return None
    else:
        j = 0
        # text2num reads cardinals up to billions; "trillion" is left to the scale loop below.
        while j < len(words) and words[j] != "trillion" and (words[j] in NUMBER_WORDS or
                                  (words[j] == "and" and j + 1 < len(words) and words[j + 1] in NUMBER_WORDS)):
            j += 1
        value = _words_value(words[:j])
        if value is None:
            return None
        i = j
    if words[i:i + 3] == ["and", "a", "half"]:
        value += 0.5
        i += 3
    if i < len(words) and words[i] in FRACTIONS:
        denominator = FRACTIONS[words[i]]
        value = round(value / denominator, 4)
        i += 1
    elif i < len(words) and words[i] == "dozen":
        value *= 12
        i += 1
    while i < len(words) and words[i] in SCALES:
        value *= SCALES[words[i]]
        i += 1
    if i != len(words):
        return None
    return _as_number(value)


def unit_code(word: str) -> str | None:
    """The unit a currency sign or unit word stands for: "£" -> GBP, "per cent" -> "%"."""
    w = re.sub(r"\s+", " ", word.strip())
    if w in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[w]
    low = w.lower()
    for table in (PERCENT_WORDS, CURRENCY_WORDS, MEASURE_WORDS, TIME_WORDS):
        if low in table:
            return table[low]
    return None
