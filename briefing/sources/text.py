"""Plain text and Markdown articles."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from briefing.model import Article
from briefing.sanitize import sanitise

MAX_BYTES = 50 * 1024 * 1024
_TITLE_MAX = 120
_LEAD_WORDS = 12


class SourceError(Exception):
    """A source could not be loaded; the message is one line for the user."""


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode file bytes. Returns (text, note) where note says what was guessed, if anything."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), None
    if b"\x00" in data[:4096]:
        raise SourceError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        return text, f"{name}: not valid UTF-8, read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), f"{name}: not valid UTF-8, bad bytes replaced"


def _looks_like_headline(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _TITLE_MAX:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return len(line.split()) <= 20


def _lead(text: str) -> str:
    words: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        words.extend(sentence.split())
        if len(words) >= 6:  # a dateline ("Baku-APA.") is not a lead on its own
            break
    lead = " ".join(words[:_LEAD_WORDS])
    return lead + ("…" if len(words) > _LEAD_WORDS else "")


def make_title(text: str) -> str:
    """The first line when it reads as a headline, else a short lead of the first sentence."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return "(empty)"
    first = lines[0].strip().lstrip("#").strip()
    if _looks_like_headline(first) and len(lines) > 1:
        return first
    return _lead(lines[0]) or "(untitled)"


def one_line(value: str | None) -> str:
    """A sanitised single line (titles, bylines, dates, URLs, sources)."""
    return " ".join(sanitise(value).split()) if value else ""


def article_from_text(text: str, source: str, title: str | None = None, **extra) -> Article:
    """The one way every source builds an ``Article``: everything it holds is sanitised."""
    text = sanitise(text)
    clean_title = one_line(title)
    fields = {k: (one_line(v) or None) if isinstance(v, str) else v for k, v in extra.items()}
    return Article(
        id=article_id(text),
        source=sanitise(source).replace("\n", " "),
        title=clean_title or make_title(text),
        text=text,
        **fields,
    )


def load_text_file(path: Path) -> Article:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is 50 MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text, _note = decode_bytes(data, str(path))
    if not text.strip():
        raise SourceError(f"{path}: empty file")
    return article_from_text(text, str(path))
