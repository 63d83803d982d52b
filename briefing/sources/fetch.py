"""Fetching a URL for ``briefing https://...``: a careful HTTP client and a small page cache.

httpx (imported only when a URL is loaded) does the work, with connect and read timeouts,
an overall deadline, a redirect limit and a size limit enforced while the body streams in.
Every failure becomes one line for the user ("https://x: HTTP 404", "...: timed out after
20 s", "...: too large (over 10 MB)"). Fetched pages are kept in
``cache_dir()/fetched/<sha256 of the URL>.json`` (written atomically; a corrupt entry is
ignored and fetched again) and reused while younger than ``max_age``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from briefing import __version__
from briefing.config import cache_dir
from briefing.sources.text import SourceError

# Content types we can read, by what they are.
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
XML_TYPES = {"application/xml", "text/xml"}
JSON_TYPES = {"application/json", "application/x-ndjson", "application/jsonl",
              "application/x-jsonlines", "application/feed+json", "text/json"}
TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
READABLE = HTML_TYPES | FEED_TYPES | XML_TYPES | JSON_TYPES | TEXT_TYPES


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    use_cache: bool = True
    max_age: float = 24 * 3600.0
    cache_root: Path | None = None  # default: cache_dir() / "fetched"
    trust_env: bool = True  # honour HTTP(S)_PROXY / NO_PROXY and the system CA settings
    user_agent: str = f"briefing/{__version__} (terminal news reader)"

    def cache_path(self) -> Path:
        return self.cache_root or (cache_dir() / "fetched")


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type only, lower case ("" when the server sent none)
    body: bytes
    fetched_at: float
    from_cache: bool = False


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB" if limit >= 1024 else f"{limit} bytes"


def media_type(header: str | None) -> str:
    return (header or "").split(";")[0].strip().lower()


def fetch(url: str, settings: FetchSettings | None = None) -> Fetched:
    """The page at ``url``, from the cache when fresh. Raises ``SourceError`` (one line)."""
    settings = settings or FetchSettings()
    cache = PageCache(settings.cache_path()) if settings.use_cache else None
    if cache is not None:
        hit = cache.get(url, settings.max_age)
        if hit is not None:
            return hit
    page = _download(url, settings)
    if cache is not None:
        cache.put(page)
    return page


def _download(url: str, settings: FetchSettings) -> Fetched:
    import httpx  # lazy: only needed for URL sources

    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    started = time.monotonic()
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            trust_env=settings.trust_env,
            headers={"User-Agent": settings.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"},
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = f" {response.reason_phrase}" if response.reason_phrase else ""
                    raise SourceError(f"HTTP {response.status_code}{reason}")
                ctype = media_type(response.headers.get("content-type"))
                if ctype and ctype not in READABLE and not ctype.endswith(("+xml", "+json")):
                    raise SourceError(f"not an article (content type {ctype})")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > settings.max_bytes:
                    raise SourceError(f"too large (over {_size(settings.max_bytes)})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise SourceError(f"too large (over {_size(settings.max_bytes)})")
                    if time.monotonic() - started > settings.total_timeout:
                        raise SourceError(f"timed out after {_seconds(settings.total_timeout)}")
                    chunks.append(chunk)
                return Fetched(url=url, final_url=str(response.url), content_type=ctype,
                               body=b"".join(chunks), fetched_at=time.time())
    except SourceError:
        raise
    except httpx.ConnectTimeout:
        raise SourceError(f"timed out connecting after {_seconds(settings.connect_timeout)}") from None
    except httpx.TimeoutException:
        raise SourceError(f"timed out after {_seconds(settings.read_timeout)}") from None
    except httpx.TooManyRedirects:
        raise SourceError(f"too many redirects (more than {settings.max_redirects})") from None
    except (httpx.UnsupportedProtocol, httpx.InvalidURL):
        raise SourceError("not a web address briefing can fetch") from None
    except httpx.ConnectError as exc:
        raise SourceError(f"cannot connect ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"fetch failed ({_reason(exc)})") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"fetch failed ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or exc.__class__.__name__
    return text[:160]


class PageCache:
    """Fetched pages on disk, one JSON file per URL. Never raises: a broken cache is no cache."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        return self.root / f"{hashlib.sha256(url.encode('utf-8', 'surrogatepass')).hexdigest()}.json"

    def get(self, url: str, max_age: float) -> Fetched | None:
        try:
            raw = json.loads(self.path(url).read_text(encoding="utf-8"))
            if raw.get("url") != url:
                return None
            fetched_at = float(raw["fetched_at"])
            if not (0 <= time.time() - fetched_at <= max_age):
                return None
            return Fetched(url=url, final_url=str(raw["final_url"]),
                           content_type=str(raw.get("content_type", "")),
                           body=base64.b64decode(raw["body"], validate=True),
                           fetched_at=fetched_at, from_cache=True)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, page: Fetched) -> None:
        record = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type,
                  "fetched_at": page.fetched_at, "body": base64.b64encode(page.body).decode("ascii")}
        target = self.path(page.url)
        tmp = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(record, fh)
            os.replace(tmp, target)
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
