"""URL sources against a local HTTP server on 127.0.0.1 (never the network).

The slow endpoint waits on an event rather than sleeping a fixed time and the client gets a
tiny read timeout, so the test asserts the message, never a duration.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.sources import load_briefing
from briefing.sources.fetch import FetchSettings, PageCache, fetch

PARA = ("<p>Crews went back to work on Tuesday after a deal on pay was agreed by both sides, "
        "the union said in a statement to its members across the region.</p>")
ARTICLE = ("<!doctype html><html><head><meta charset='utf-8'><title>Ferry strike ends | Coast News</title>"
           "<meta property='og:title' content='Ferry strike ends'></head><body>"
           "<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>Ferry strike ends</h1>"
           + PARA * 5 + "<p>\"We are glad it is over,\" said Jo Park, a passenger.</p></article></body></html>")
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Coast</title>"
       "<item><title>Tide record</title><link>http://coast.example/tide</link>"
       "<description>The tide reached a record 7.2 metres.</description></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    release = threading.Event()

    def log_message(self, *args):  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the http.server API
        path = self.path.split("?")[0]
        Handler.hits[path] = Handler.hits.get(path, 0) + 1
        if path in ("/article", "/counted"):
            self._send(200, ARTICLE.encode(), "text/html; charset=utf-8")
        elif path == "/feed":
            self._send(200, RSS.encode(), "application/rss+xml")
        elif path == "/text":
            self._send(200, b"Plain headline\n\nA plain body from the server.", "text/plain; charset=utf-8")
        elif path == "/redirect":
            self._send(302, b"", "text/plain", {"Location": "/article"})
        elif path == "/loop":
            self._send(302, b"", "text/plain", {"Location": "/loop"})
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        elif path == "/declared-big":
            self._declared_big()
        elif path == "/streamed-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the body streams until the connection closes
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"y" * 16380 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/slow":
            Handler.release.wait(timeout=10)  # bounded: the server never hangs the suite
            try:
                self._send(200, ARTICLE.encode(), "text/html")
            except (BrokenPipeError, ConnectionResetError):
                pass
        else:
            self._send(404, b"not here", "text/plain")

    def _declared_big(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()
        self.close_connection = True


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


@pytest.fixture
def settings(tmp_path):
    return FetchSettings(read_timeout=10, connect_timeout=10, total_timeout=60, max_bytes=512 * 1024,
                         max_redirects=3, trust_env=False, cache_root=tmp_path / "fetched")


def _one(url, settings):
    b = load_briefing([url], fetch_settings=settings)
    return b.articles, [e.message for e in b.errors]


def test_fetches_and_extracts_a_page(server, settings):
    (art,), errors = _one(f"{server}/article", settings)
    assert not errors
    assert art.source == f"{server}/article"
    assert art.title == "Ferry strike ends"
    assert art.url == f"{server}/article"
    assert art.text.startswith("Ferry strike ends\n\nCrews went back to work")
    assert art.text.rstrip().endswith('"We are glad it is over," said Jo Park, a passenger.')
    assert "Home" not in art.text


def test_follows_redirects_and_keeps_the_typed_url_as_source(server, settings):
    (art,), errors = _one(f"{server}/redirect", settings)
    assert not errors
    assert art.source == f"{server}/redirect" and art.url == f"{server}/article"


def test_feed_and_plain_text_urls(server, settings):
    (tide,), _ = _one(f"{server}/feed", settings)
    assert tide.source == f"{server}/feed#1" and tide.title == "Tide record"
    (plain,), _ = _one(f"{server}/text", settings)
    assert plain.title == "Plain headline" and plain.source == f"{server}/text"


@pytest.mark.parametrize(("path", "message"), [
    ("/missing", "HTTP 404 Not Found"),
    ("/loop", "too many redirects (more than 3)"),
    ("/image", "not an article (content type image/png)"),
    ("/declared-big", "too large (over 512 KB)"),
    ("/streamed-big", "too large (over 512 KB)"),
    ("/slow", "timed out after 0.3 s"),
])
def test_failures_are_one_clear_line(server, settings, path, message):
    if path == "/slow":  # a tiny read timeout, only here: the endpoint answers when released
        settings = dataclasses.replace(settings, read_timeout=0.3)
    articles, errors = _one(f"{server}{path}", settings)
    assert not articles
    assert errors == [f"{server}{path}: {message}"]


def test_connection_refused_is_reported(settings):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    articles, errors = _one(f"http://127.0.0.1:{port}/x", settings)
    assert not articles
    (message,) = errors
    assert message.startswith(f"http://127.0.0.1:{port}/x: cannot connect (")


def test_a_bad_url_does_not_stop_the_rest(server, settings, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Local story\n\nBody.", encoding="utf-8")
    b = load_briefing([f"{server}/missing", str(good), f"{server}/article"], fetch_settings=settings)
    assert [a.title for a in b.articles] == ["Local story", "Ferry strike ends"]
    assert [e.message for e in b.errors] == [f"{server}/missing: HTTP 404 Not Found"]


def test_fetched_pages_are_cached_and_corrupt_entries_ignored(server, settings):
    url = f"{server}/counted"
    before = Handler.hits.get("/counted", 0)
    first = fetch(url, settings)
    second = fetch(url, settings)
    assert not first.from_cache and second.from_cache
    assert second.body == first.body and second.final_url == first.final_url
    assert Handler.hits["/counted"] == before + 1
    cache = PageCache(settings.cache_path())
    entry = cache.path(url)
    assert json.loads(entry.read_text())["url"] == url
    assert not list(entry.parent.glob(".tmp-*"))  # atomic writes leave no temp files
    entry.write_text("{ not json")
    third = fetch(url, settings)
    assert not third.from_cache and Handler.hits["/counted"] == before + 2
    stale = dataclasses.replace(settings, max_age=0.0)
    entry.write_text(json.dumps({**json.loads(entry.read_text()), "fetched_at": 0}))
    assert not fetch(url, stale).from_cache


def test_default_cache_lives_in_the_user_cache_dir(server):
    from briefing.config import cache_dir

    page = fetch(f"{server}/article", FetchSettings(trust_env=False))
    assert not page.from_cache
    assert list((cache_dir() / "fetched").glob("*.json"))


def test_cli_mixed_urls_report_failures_on_stderr(server):
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "analyze", "--no-cache", "--format", "json",
         f"{server}/missing", f"{server}/article"],
        capture_output=True, timeout=300, env={**os.environ, "NO_PROXY": "127.0.0.1"},
    )
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    (article,) = doc["articles"]
    assert article["source"] == f"{server}/article" and article["title"] == "Ferry strike ends"
    assert article["url"] == f"{server}/article"
    assert proc.stderr.decode().strip().splitlines() == [f"briefing: {server}/missing: HTTP 404 Not Found"]
