"""Make untrusted article text safe to hold, analyse and show in a terminal.

Runs once, at load time. Line endings become ``\\n``. Every character a terminal could act
on is replaced by one visible, inert character, so nothing later (analysis, panes, export,
JSON) ever carries an escape sequence:

* C0 controls other than newline and tab -> the matching Unicode "control picture"
  (ESC -> U+241B), DEL -> U+2421;
* C1 controls (U+0080-U+009F) -> U+FFFD;
* bidirectional overrides, embeddings and isolates -> U+FFFD.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_table: dict[int, str] = {}
for _code in range(0x20):
    if _code not in (0x09, 0x0A):
        _table[_code] = chr(0x2400 + _code)
_table[0x7F] = "\u2421"
for _code in range(0x80, 0xA0):
    _table[_code] = REPLACEMENT
for _ch in BIDI_CONTROLS:
    _table[ord(_ch)] = REPLACEMENT
_TABLE = _table

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sanitise(text: str) -> str:
    """Return ``text`` with normalised newlines and every unsafe character made visible."""
    text = normalise_newlines(text)
    if text.startswith("\ufeff"):
        text = text[1:]
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_TABLE)


def is_safe(text: str) -> bool:
    """True when ``text`` holds nothing a terminal would interpret."""
    return "\r" not in text and _UNSAFE.search(text) is None
