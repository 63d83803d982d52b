"""Property tests: no loader crashes on arbitrary input, and what loads is always safe text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.model import Article
from briefing.sanitize import is_safe
from briefing.sources import load_briefing, load_bytes, sniff
from briefing.sources.fragment import fragment_to_text
from briefing.sources.text import SourceError

# Text that leans on what goes wrong: controls, escapes, bidi, markup and JSON punctuation.
NASTY = st.sampled_from(["\x1b[31m", "\x1b]0;x\x07", "\x9b", "\u202e", "\r", "\x00", "<", ">", "&", "&#27;",
                         "&#x9b;", "&amp;", "\"", "{", "[", "]]>", "<!--", "\ufeff", "\u2028"])
TEXT = st.lists(st.one_of(st.text(max_size=20), NASTY), max_size=12).map("".join)
TAGS = st.sampled_from(["p", "div", "h1", "h2", "li", "ul", "article", "script", "style", "a", "br",
                        "title", "meta", "nav", "span", "table", "td"])


@st.composite
def html_pages(draw):
    parts = ["<!doctype html><html><head><title>", draw(TEXT), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(TAGS)
        parts.append(f"<{tag}>{draw(TEXT)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    parts.append("</body></html>")
    return "".join(parts)


@st.composite
def feeds(draw):
    items = "".join(
        f"<item><title>{draw(TEXT)}</title><description>{draw(TEXT)}</description>"
        f"<link>{draw(TEXT)}</link></item>"
        for _ in range(draw(st.integers(0, 3)))
    )
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>{draw(TEXT)}</title>{items}</channel></rss>"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "text", "url", "date", "author", "html", "body", "x"]), children, max_size=6),
    max_leaves=12,
)


def _check(loader_input: bytes, kind: str | None) -> None:
    try:
        articles, errors = load_bytes(loader_input, "src", kind)
    except SourceError:
        return  # a refused source: load_briefing turns it into a one-line error (tested below)
    for article in articles:
        assert isinstance(article, Article)
        for value in (article.text, article.title, article.source, article.url, article.byline, article.date):
            assert value is None or is_safe(value)
        assert "\n" not in article.title
    assert all(error.source.startswith("src#") for error in errors)


COMMON = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(st.binary(max_size=600), st.sampled_from([None, "html", "feed", "json", "xml", "text"]))
def test_arbitrary_bytes_never_crash_any_loader(data, kind):
    _check(data, kind)


@COMMON
@given(html_pages())
def test_generated_html_pages(page):
    _check(page.encode("utf-8", "surrogatepass"), "html")


@COMMON
@given(feeds())
def test_generated_feeds(feed):
    _check(feed.encode("utf-8", "surrogatepass"), "feed")


@COMMON
@given(JSON_VALUES, st.booleans())
def test_generated_json_and_json_lines(value, as_lines):
    if as_lines and isinstance(value, list):
        data = "\n".join(json.dumps(v) for v in value)
    else:
        data = json.dumps(value)
    _check(data.encode("utf-8", "surrogatepass"), "json")


@COMMON
@given(TEXT)
def test_fragments_become_text_without_markup_crashes(fragment):
    out = fragment_to_text(fragment)
    assert isinstance(out, str) and "\n\n\n" not in out


@COMMON
@given(st.binary(max_size=300))
def test_sniff_always_answers(data):
    assert sniff(data) in {"feed", "html", "json", "xml", "text"}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.html", "b.rss", "c.json", "d.jsonl", "e.xml", "f.txt"]),
                          st.binary(max_size=300)), max_size=5))
def test_load_briefing_on_arbitrary_files_reports_one_line_safe_errors(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("arb")
    for name, data in files:
        (folder / name).write_bytes(data)
    briefing = load_briefing([str(folder)])
    for article in briefing.articles:
        assert is_safe(article.text) and is_safe(article.title) and is_safe(article.source)
    for error in briefing.errors:
        assert error.message and "\n" not in error.message and is_safe(error.message)
