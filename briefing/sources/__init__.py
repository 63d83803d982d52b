"""Loading briefings: every source becomes sanitised ``Article`` objects.

``load_briefing(sources)`` takes what the user typed and returns a ``Briefing``: the articles
that loaded and one ``LoadError`` (a one-line message) per source, item or record that did
not. A bad source never stops the rest.

A source is a file, a folder (searched recursively for the suffixes in ``FOLDER_SUFFIXES``),
an ``http(s)://`` URL, or ``-`` for standard input. Files are read by suffix: ``.txt``/``.md``
as plain text, ``.html``/``.htm`` as web pages, ``.rss``/``.atom`` as feeds, ``.json``/
``.jsonl`` as article records; a ``.xml`` file, a URL's response and standard input are
sniffed (feed, HTML, JSON or text). The heavy parsers (trafilatura, feedparser, httpx) are
imported only when a source needs them, so importing this package stays cheap.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import BinaryIO

from briefing.model import Article, Briefing, LoadError
from briefing.sanitize import sanitise
from briefing.sources.text import (MAX_BYTES, SourceError, article_from_text, collecting_notes, decode_bytes,
                                   load_text_file, note, read_source_file)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom"}
XML_SUFFIXES = {".xml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | XML_SUFFIXES | JSON_SUFFIXES

STDIN = "-"
STDIN_SOURCE = "<stdin>"

_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>/]", re.IGNORECASE)
_HTML_MARK = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|article|main|div|p|h1|h2|title|meta|section)[\s>/]",
    re.IGNORECASE,
)

Loaded = tuple[list[Article], list[LoadError]]


def sniff(data: bytes) -> str:
    """What a blob of bytes holds: "feed", "html", "json", "xml" (some other XML) or "text"."""
    head = data[:4096]
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom):]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            head = head.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return "text"
    start = head.lstrip()
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"<"):
        # Skip the XML declaration, comments and doctype before looking at the root element.
        body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", start, flags=re.DOTALL | re.IGNORECASE).lstrip()
        if _FEED_ROOT.match(body):
            return "feed"
        if _HTML_MARK.search(start):
            return "html"
        if start.startswith(b"<?xml"):
            return "xml"
        return "html" if re.match(rb"<[a-zA-Z!]", start) else "text"
    return "text"


def _is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def _kind_for_suffix(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSON_SUFFIXES:
        return "json"
    return None  # .xml and anything else: sniff


def _one_line(message: str, source: str) -> str:
    """A message for the user: one line, starting with the source, safe to print."""
    message = " ".join(message.split())
    if not message.startswith(source):
        message = f"{source}: {message}"
    return " ".join(sanitise(message).split())


def load_bytes(data: bytes, source: str, kind: str | None = None, url: str | None = None) -> Loaded:
    """Articles from the bytes of one source. Raises ``SourceError`` for a source that fails whole."""
    kind = kind or sniff(data)
    if kind == "xml":
        found = sniff(data)
        if found == "feed":
            kind = "feed"
        elif found == "html":
            kind = "html"
        else:
            raise SourceError("an XML file that is neither an RSS/Atom feed nor a web page")
    if kind == "feed":
        from briefing.sources.feeds import load_feed

        return load_feed(data, source)
    if kind == "html":
        from briefing.sources.html import load_html_bytes

        return [load_html_bytes(data, source, url=url)], []
    text, message = decode_bytes(data, source)
    if not text.strip():
        raise SourceError("empty")
    if kind == "json":
        from briefing.sources.records import load_records

        loaded = load_records(text, source)
    else:
        loaded = [article_from_text(text, source, url=url)], []
    if loaded[0]:
        note(source, message)
    return loaded


def load_path(path: Path) -> list[Article]:
    """Load one file (kept for callers that want articles only). Raises ``SourceError``."""
    articles, errors = _load_file(path)
    if not articles and errors:
        raise SourceError(errors[0].message)
    return articles


def _load_file(path: Path) -> Loaded:
    source = str(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    if path.is_dir():
        raise SourceError(f"{path}: is a folder")
    kind = _kind_for_suffix(path)
    if kind == "text":
        return [load_text_file(path)], []
    data = read_source_file(path)
    if not data.strip():
        raise SourceError("empty file")
    return load_bytes(data, source, kind)


def _expand(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    return [path]


def _guarded(source: str, load) -> Loaded:
    """Run one loader; any failure becomes a one-line ``LoadError`` for that source."""
    try:
        articles, errors = load()
    except SourceError as exc:
        return [], [LoadError(source, _one_line(str(exc), source))]
    except RecursionError:
        return [], [LoadError(source, f"{source}: too deeply nested to read")]
    except MemoryError:
        return [], [LoadError(source, f"{source}: too large to read")]
    except Exception as exc:  # noqa: BLE001 - a bad source must never stop the briefing
        return [], [LoadError(source, f"{source}: could not be read ({exc.__class__.__name__})")]
    return articles, [LoadError(e.source, _one_line(e.message, e.source)) for e in errors]


def _load_url(url: str, fetch_settings) -> Loaded:
    from briefing.sources.fetch import FEED_TYPES, HTML_TYPES, JSON_TYPES, fetch

    page = fetch(url, fetch_settings)
    kind = None
    if page.content_type in HTML_TYPES:
        kind = "html"
    elif page.content_type in FEED_TYPES:
        kind = "feed"
    elif page.content_type in JSON_TYPES:
        kind = "json"
    if kind is None:
        found = sniff(page.body)
        kind = "xml" if found == "xml" else found
    if not page.body.strip():
        raise SourceError("empty response")
    return load_bytes(page.body, url, kind, url=page.final_url)


def _reattach_terminal() -> None:
    """Standard input was a pipe and is now used up: point file descriptor 0 at the
    controlling terminal, so the interactive reader can still take keys. Without a
    terminal (a script, CI) nothing changes."""
    try:
        fd = os.open("/dev/tty", os.O_RDONLY | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return
    try:
        os.dup2(fd, 0)
    except OSError:
        pass
    finally:
        os.close(fd)


def _read_stdin(stream: BinaryIO | None) -> bytes:
    if stream is not None:
        return _read_stream(stream)
    try:
        return _read_stream(_system_stdin())
    finally:
        _reattach_terminal()


def _system_stdin():
    stdin = sys.stdin
    if stdin is None:
        raise SourceError("no standard input to read")
    if stdin.isatty():
        raise SourceError("standard input is a terminal: pipe an article in (e.g. `cat a.txt | briefing -`)")
    return getattr(stdin, "buffer", None) or stdin


def _read_stream(stream) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if len(data) > MAX_BYTES:
        raise SourceError(f"too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    if not data.strip():
        raise SourceError("nothing on standard input")
    return data


def load_briefing(sources: list[str], *, fetch_settings=None, stdin: BinaryIO | None = None) -> Briefing:
    """Load every source. ``fetch_settings`` (a ``FetchSettings``) and ``stdin`` are for tests
    and embedding; the defaults fetch with the standard limits and read ``sys.stdin``.

    ``Briefing.notes`` says, one line per source, what was guessed for sources that loaded
    but were not quite as written (bytes that were not valid UTF-8)."""
    with collecting_notes() as notes:
        briefing = _load_all(sources, fetch_settings, stdin)
    return Briefing(briefing.articles, briefing.errors,
                    tuple(LoadError(src, _one_line(msg, src)) for src, msg in notes))


def _load_all(sources: list[str], fetch_settings, stdin: BinaryIO | None) -> Briefing:
    articles: list[Article] = []
    errors: list[LoadError] = []
    stdin_read = False

    def add(loaded: Loaded) -> None:
        articles.extend(loaded[0])
        errors.extend(loaded[1])

    for raw in sources:
        if raw == STDIN:
            if stdin_read:
                errors.append(LoadError(STDIN_SOURCE, f"{STDIN_SOURCE}: standard input can be read only once"))
                continue
            stdin_read = True
            add(_guarded(STDIN_SOURCE, lambda: load_bytes(_read_stdin(stdin), STDIN_SOURCE)))
            continue
        if _is_url(raw):
            add(_guarded(raw, lambda raw=raw: _load_url(raw, fetch_settings)))
            continue
        path = Path(raw)
        if not path.exists():
            errors.append(LoadError(raw, _one_line("no such file or folder", raw)))
            continue
        files = _expand(path)
        if path.is_dir() and not files:
            errors.append(LoadError(raw, _one_line("no articles found in this folder", raw)))
        for file in files:
            add(_guarded(str(file), lambda file=file: _load_file(file)))
    return Briefing(tuple(articles), tuple(errors))
