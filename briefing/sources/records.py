"""JSON arrays and JSON Lines of article records.

A record is an object with ``text`` (or ``body``/``content``; ``html`` for markup) and
optionally ``title``, ``url``, ``date`` and ``byline``/``author``. A file may hold one record,
an array of them, an object with an ``articles``/``items``/``entries`` array (so an analysis
document from ``briefing analyze --format json`` loads again), or one record per line. Each
article's ``source`` is ``FILE#N`` (N counts records, or lines for JSON Lines, from 1). A bad
record or line is reported on its own; the rest still load.
"""

from __future__ import annotations

import json

from briefing.model import Article, LoadError
from briefing.sources.fragment import fragment_to_text
from briefing.sources.text import SourceError, article_from_text

_TEXT_KEYS = ("text", "body", "content", "article", "full_text")
_HTML_KEYS = ("html", "content_html")
_TITLE_KEYS = ("title", "headline")
_URL_KEYS = ("url", "link", "href")
_DATE_KEYS = ("date", "published", "published_at", "pubDate", "datetime", "time")
_BYLINE_KEYS = ("byline", "author", "authors")
_LIST_KEYS = ("articles", "items", "entries", "records", "data", "documents")


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _scalar(value) -> str | None:
    if value is None or isinstance(value, (dict, bool)):
        return None
    if isinstance(value, list):
        parts = [str(v.get("name", "")) if isinstance(v, dict) else str(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    return str(value)


def record_to_article(record, source: str) -> Article:
    """One record as an article. Raises ``SourceError`` (message without the source)."""
    if not isinstance(record, dict):
        raise SourceError("not an article record (expected an object with a \"text\" field)")
    text = _first(record, _TEXT_KEYS)
    if text is None:
        markup = _first(record, _HTML_KEYS)
        if isinstance(markup, str):
            text = fragment_to_text(markup)
    if not isinstance(text, str) or not text.strip():
        raise SourceError("record has no \"text\"")
    title = _scalar(_first(record, _TITLE_KEYS))
    body = text.strip()
    if title and not body.startswith(title.strip()):
        body = f"{title.strip()}\n\n{body}"
    return article_from_text(
        body, source, title=title,
        url=_scalar(_first(record, _URL_KEYS)),
        date=_scalar(_first(record, _DATE_KEYS)),
        byline=_scalar(_first(record, _BYLINE_KEYS)),
    )


def load_records(text: str, source: str) -> tuple[list[Article], list[LoadError]]:
    """Articles from JSON or JSON Lines text. Raises ``SourceError`` when nothing is usable."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    whole_error = "not valid JSON"
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        whole, lines = None, True
        whole_error = f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
    except (ValueError, RecursionError):
        whole, lines = None, True
    else:
        lines = False
    if not lines:
        if isinstance(whole, dict):
            listed = next((whole[k] for k in _LIST_KEYS if isinstance(whole.get(k), list)), None)
            records = listed if listed is not None else [whole]
        elif isinstance(whole, list):
            records = whole
        else:
            raise SourceError("JSON that holds no article records")
        numbered = list(enumerate(records, start=1))
    else:
        numbered = []
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except (ValueError, RecursionError):
                errors.append(LoadError(f"{source}#{number}", f"{source}#{number}: not valid JSON"))
        if not numbered:
            raise SourceError(whole_error)
    for number, record in numbered:
        item = f"{source}#{number}"
        try:
            articles.append(record_to_article(record, item))
        except SourceError as exc:
            errors.append(LoadError(item, f"{item}: {exc}"))
    if not numbered:
        raise SourceError("no article records")
    return articles, errors
