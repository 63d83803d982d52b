"""RSS and Atom feeds: one article per item (feedparser, imported only when a feed is loaded).

An item's full content (``content:encoded``, Atom ``content``) is used when the feed carries
it, else its summary/description. Each article's ``source`` is ``FEED#N`` (N counts items from
1), its ``url`` the item's link.
"""

from __future__ import annotations

import io
import time

from briefing.model import Article, LoadError
from briefing.sources.fragment import fragment_to_text, plain_paragraphs
from briefing.sources.text import SourceError, article_from_text

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _as_text(detail_value: str, detail_type: str | None) -> str:
    kind = (detail_type or "text/html").lower()
    if kind in _HTML_TYPES or "html" in kind:
        return fragment_to_text(detail_value)
    return plain_paragraphs(detail_value)


def _body(entry) -> str:
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = _as_text(value, content.get("type"))
        if len(text) > len(best):
            best = text
    if best.strip():
        return best
    summary = entry.get("summary") or entry.get("description") or ""
    detail = entry.get("summary_detail") or {}
    return _as_text(summary, detail.get("type"))


def _title(entry) -> str:
    title = entry.get("title") or ""
    detail = entry.get("title_detail") or {}
    if "html" in (detail.get("type") or ""):
        title = fragment_to_text(title).replace("\n", " ")
    return title.strip()


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return time.strftime("%Y-%m-%d", parsed)
            except (TypeError, ValueError):
                continue
    for key in ("published", "updated"):
        if entry.get(key):
            return str(entry[key])
    return None


def load_feed(data: bytes, source: str) -> tuple[list[Article], list[LoadError]]:
    """Articles of an RSS/Atom document. Raises ``SourceError`` when it is not a usable feed."""
    import feedparser  # lazy: only needed for feeds

    try:
        # A stream, never a string: feedparser would treat a string as a URL or a file name.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a parser failure is a bad source
        raise SourceError(f"not a readable RSS or Atom feed ({exc.__class__.__name__})") from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("version"):
            raise SourceError("not a readable RSS or Atom feed")
        raise SourceError("the feed has no items")
    articles: list[Article] = []
    errors: list[LoadError] = []
    for number, entry in enumerate(entries, start=1):
        item = f"{source}#{number}"
        try:
            title = _title(entry)
            body = _body(entry).strip()
        except Exception as exc:  # noqa: BLE001 - one odd item must not sink the feed
            errors.append(LoadError(item, f"{item}: unreadable item ({exc.__class__.__name__})"))
            continue
        if not body:
            if not title:
                errors.append(LoadError(item, f"{item}: item has no title and no text"))
                continue
            body = ""
        text = f"{title}\n\n{body}" if title and body else (body or title)
        articles.append(article_from_text(
            text, item, title=title or None,
            url=entry.get("link") or None,
            byline=(entry.get("author_detail") or {}).get("name") or entry.get("author") or None,
            date=_date(entry),
        ))
    return articles, errors
