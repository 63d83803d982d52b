"""Plain text and Markdown articles."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from briefing.model import Article
from briefing.sanitize import REPLACEMENT, sanitise
from briefing.wording import plural

MAX_BYTES = 50 * 1024 * 1024
_TITLE_MAX = 120
_LEAD_WORDS = 12


class SourceError(Exception):
    """A source could not be loaded; the message is one line for the user."""


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode file bytes. Returns (text, note): ``note`` is one line for the user when the
    bytes were not valid UTF-8 (and says what was done instead), else None.

    A byte-order mark decides (UTF-8, UTF-16). Without one: UTF-8; bytes that are mostly
    valid UTF-8 with a few broken sequences (a truncated or spliced file) keep UTF-8 and the
    broken bytes become U+FFFD; otherwise the file is read as Windows-1252 (a superset of
    Latin-1, the usual legacy encoding of English text). NUL bytes mean a binary file.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[3:], name, marked=True)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = data.decode("utf-16", errors="replace")
        bad = text.count(REPLACEMENT)
        return text, (f"{name}: {plural(bad, 'byte')} that were not valid UTF-16 shown as {REPLACEMENT}"
                      if bad else None)
    if b"\x00" in data[:4096]:
        raise SourceError(f"{name}: looks like a binary file, not text")
    return _decode_utf8(data, name)


def _decode_utf8(data: bytes, name: str, marked: bool = False) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # Invalid UTF-8: mostly UTF-8 with a few bad bytes, or some legacy 8-bit encoding?
    lossy = data.decode("utf-8", errors="replace")
    bad = lossy.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))
    good = sum(1 for ch in lossy if ord(ch) > 0x7F and ch != REPLACEMENT)
    if marked or good >= bad:  # a UTF-8 byte-order mark settles the question
        return lossy, f"{name}: not valid UTF-8; {plural(bad, 'bad byte')} shown as {REPLACEMENT}"
    text = data.decode("cp1252", errors="replace")  # 5 byte values are undefined in cp1252
    return text, f"{name}: not valid UTF-8; read as Windows-1252 (Latin-1)"


_NOTES: ContextVar[list[tuple[str, str]] | None] = ContextVar("briefing_load_notes", default=None)


def note(source: str, message: str | None) -> None:
    """Tell the user something about a source that did load (collected by ``load_briefing``)."""
    sink = _NOTES.get()
    if message and sink is not None:
        sink.append((source, message))


@contextmanager
def collecting_notes():
    """Collect ``note()`` calls made inside the block; yields the list they go to."""
    sink: list[tuple[str, str]] = []
    token = _NOTES.set(sink)
    try:
        yield sink
    finally:
        _NOTES.reset(token)


def _looks_like_headline(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _TITLE_MAX:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    return len(line.split()) <= 20


# A dateline before the lead: "Baku-APA. UN chief ...", "LONDON (Reuters) - Shares ...".
_DATELINE = re.compile(r"^(?:(?:[A-Z][\w'-]*\s+){0,2}(?:[A-Z][\w']*-[A-Z]{2,}|[A-Z]{3,})\.\s+(?=[A-Z\"\u201c])"
                       r"|[A-Z][A-Z .,'()/-]{1,40}(?:\([^()]{1,30}\))?\s+[-\u2013\u2014]{1,2}\s+(?=[A-Z\"\u201c]))")


def _lead(text: str) -> str:
    words: list[str] = []
    text = text.strip()
    rest = _DATELINE.sub("", text, count=1)
    if len(rest.split()) >= 6:
        text = rest
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        words.extend(sentence.split())
        if len(words) >= 6:  # a short opening ("Baku-APA.") is not a lead on its own
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


def read_source_file(path: Path) -> bytes:
    """The bytes of a file named on the command line or found in a folder, at most
    ``MAX_BYTES``. Raises ``SourceError`` (message starting with the path).

    Never hangs and never reads without end: a device (``/dev/zero``) is refused, a named
    pipe with no writer reads as empty, and anything longer than the limit stops at it. A pipe
    that has a writer (``briefing <(curl -s URL)``) is read as usual.
    """
    try:
        info = path.stat()
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise SourceError(f"{path}: not a file (a device)")
        if info.st_size > MAX_BYTES:
            raise SourceError(f"{path}: too large ({info.st_size // (1024 * 1024)} MB; "
                              f"the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
        if stat.S_ISFIFO(info.st_mode):
            flags |= getattr(os, "O_NONBLOCK", 0)  # opening a pipe nobody writes to would block
        fd = os.open(path, flags)
        if stat.S_ISFIFO(info.st_mode) and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with open(fd, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"{path}: too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    return data


def load_text_file(path: Path) -> Article:
    data = read_source_file(path)
    text, message = decode_bytes(data, str(path))
    if not text.strip():
        raise SourceError(f"{path}: empty file")
    article = article_from_text(text, str(path))
    note(str(path), message)
    return article
