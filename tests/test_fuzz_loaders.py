"""A bounded, seeded fuzz run over every loader.

Hand-written samples of each source kind (plain text, Markdown, a web page, RSS, Atom, JSON,
JSON Lines) are mutated at random: bytes flipped, inserted, deleted and duplicated, pieces of
other samples spliced in, escape sequences, markup, NULs, bad UTF-8, byte-order marks and
truncation. Each mutant goes through ``load_bytes`` with its own kind and sniffed, and a batch
of them through ``load_briefing`` as files, so every loader and the sniffer see it. Nothing may
raise (a refused source is a ``SourceError``, and ``load_briefing`` turns even that into a
one-line error); whatever loads is sanitised, titles are one line, the same bytes load the same
way twice. The seed is fixed: a failure is reproducible, and ``FUZZ_SEED``/``FUZZ_ROUNDS``
let a developer search further.
"""

from __future__ import annotations

import os
import random

import pytest

from briefing.model import Article
from briefing.sanitize import is_safe
from briefing.sources import load_briefing, load_bytes, sniff
from briefing.sources.text import SourceError

# feedparser warns about its own date fallback on mutated feeds; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")

SEED = int(os.environ.get("FUZZ_SEED", "20240611"))
ROUNDS = int(os.environ.get("FUZZ_ROUNDS", "200"))

TEXT = """Harbour council approves ferry link

The Harbour Council on Monday approved a ferry link costing \u00a342m. "This link will change
daily life for 3,000 islanders," said council leader Maria Okafor.

Critics warned fares could rise by 15% within two years.
"""

MARKDOWN = """# Growers report record harvest

*Growers* in the Vale picked **18,000 tonnes** of apples, up from 12,500 last year.

> "The weather was kind to us," said grower [Tom Lindqvist](http://example.com/tom).

- prices fell 8%
- exports rose
"""

HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry link approved | Harbour News</title>
<meta property="og:title" content="Ferry link approved">
<meta name="author" content="Jo Writer"><meta property="article:published_time" content="2005-03-01">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry link approved</h1><p class="byline">By Jo Writer</p>
<p>The Harbour Council on Monday approved a ferry link between Port Ellis and Marrow Island,
a project expected to cost 42 million pounds over four years.</p>
<p>&ldquo;This link will change daily life for 3,000 islanders,&rdquo; said council leader
Maria Okafor after the vote. Transport minister Daniel Reyes welcomed the decision.</p>
<aside>Related: <a href="/x">Other story</a></aside>
<p>Critics warned that fares could rise by 15&nbsp;percent within two years.</p></article>
<footer>&copy; Harbour News <script>var x = "<p>not text</p>";</script></footer></body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour News</title><link>http://example.com/</link>
<item><title>Ferry link approved</title><link>http://example.com/ferry</link>
<pubDate>Tue, 01 Mar 2005 10:00:00 GMT</pubDate><author>jo@example.com (Jo Writer)</author>
<description>The council approved a ferry link.</description>
<content:encoded><![CDATA[<p>The Harbour Council approved a ferry link costing &pound;42m.</p>
<p>"It will change daily life," said Maria Okafor.</p>]]></content:encoded></item>
<item><title>Harvest record</title><link>http://example.com/apples</link>
<description>&lt;p&gt;Growers picked 18,000 tonnes of apples.&lt;/p&gt;</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour News</title>
<entry><title type="html">Ferry &lt;b&gt;link&lt;/b&gt; approved</title>
<link href="http://example.com/ferry"/><updated>2005-03-01T10:00:00Z</updated>
<author><name>Jo Writer</name></author>
<content type="html">&lt;p&gt;The council approved a ferry link costing 42 million pounds, said Maria Okafor.&lt;/p&gt;</content>
</entry></feed>
"""

JSON = """[{"title": "Ferry link approved", "text": "The council approved a ferry link costing \\u00a342m, said Maria Okafor.",
  "url": "http://example.com/ferry", "date": "2005-03-01", "author": "Jo Writer"},
 {"title": "Harvest", "html": "<p>Growers picked <b>18,000 tonnes</b>.</p>"},
 {"headline": "No text here"}]
"""

JSONL = """{"title": "Ferry link approved", "text": "The council approved a ferry link costing 42 million pounds."}
{"title": "Harvest", "text": "Growers picked 18,000 tonnes of apples, up 44%."}
not json at all
{"text": "A third record without a title, said Tom Lindqvist."}
"""

SAMPLES: dict[str, tuple[str, str, bytes]] = {  # name: (kind, file suffix, bytes)
    "text": ("text", ".txt", TEXT.encode()),
    "markdown": ("text", ".md", MARKDOWN.encode()),
    "html": ("html", ".html", HTML.encode()),
    "rss": ("feed", ".rss", RSS.encode()),
    "atom": ("feed", ".atom", ATOM.encode()),
    "json": ("json", ".json", JSON.encode()),
    "jsonl": ("json", ".jsonl", JSONL.encode()),
}

NASTY = [
    b"\x1b]0;owned\x07", b"\x1b[2J", b"\x1bP+q\x1b\\", "\u009b31m".encode(), b"\x9b", b"\x85",
    "\u202e".encode(), "\u2066".encode(), b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xfe\xff", b"\xc3",
    b"\xed\xa0\x80", b"\r", b"\r\n", b"\n\n", b"&#27;]0;x&#7;", b"&#x9b;", b"&#0;", b"&#xD800;",
    b"&#1114112;", b"&amp;", b"&", b"<", b">", b"</p>", b"<p>", b"<script>", b"<![CDATA[", b"]]>",
    b"<!--", b"-->", b"<?xml version='1.0'?>", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"&a;",
    b"[bold]", b"[/]", b"[@click=app.quit]", b"$var", b'"', b"'", b"{", b"}", b"[", b"]", b",",
    b":", b"\\", b'\\u001b', b'\\ud800', b"null", b"1e999", b"-0", b"\t", b" " * 40,
    "\U0001f600".encode(), "e\u0301".encode(), b"\xf0\x9f", b"x" * 500,
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(8)
        at = rng.randint(0, len(out))
        if op == 0 and out:  # flip a byte
            i = rng.randrange(len(out))
            out[i] = rng.randrange(256)
        elif op == 1:  # insert something nasty
            out[at:at] = rng.choice(NASTY)
        elif op == 2 and out:  # delete a range
            out[at:at + rng.randint(1, 64)] = b""
        elif op == 3 and out:  # duplicate a range
            start = rng.randrange(len(out))
            out[at:at] = out[start:start + rng.randint(1, 200)]
        elif op == 4:  # splice in part of another sample
            other = rng.choice(list(SAMPLES.values()))[2]
            start = rng.randrange(len(other))
            out[at:at] = other[start:start + rng.randint(1, 300)]
        elif op == 5:  # truncate
            del out[at:]
        elif op == 6:  # random bytes
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:  # a run of one nasty piece
            out[at:at] = rng.choice(NASTY) * rng.randint(2, 30)
    if rng.random() < 0.05:
        out = bytearray(out.decode("utf-8", "replace").encode("utf-16"))
    return bytes(out)


def check_loaded(articles, errors) -> None:
    for article in articles:
        assert isinstance(article, Article)
        for value in (article.text, article.title, article.source, article.url, article.byline, article.date):
            assert value is None or (isinstance(value, str) and is_safe(value))
        assert "\n" not in article.title and article.text.strip()
    for error in errors:
        assert error.message and "\n" not in error.message and is_safe(error.message)


def fingerprint(loaded):
    articles, errors = loaded
    return [(a.id, a.title, a.text, a.url, a.byline, a.date) for a in articles], [e.message for e in errors]


def load_or_refuse(data: bytes, kind: str | None):
    try:
        return load_bytes(data, "fuzz", kind)
    except SourceError as exc:
        message = str(exc)
        assert "\n" not in message.strip()
        return [], []


@pytest.mark.parametrize("name", list(SAMPLES))
def test_mutated_samples_never_break_a_loader(name):
    kind, _suffix, sample = SAMPLES[name]
    assert load_bytes(sample, "fuzz", kind)[0], "the unmutated sample loads"
    rng = random.Random(f"{SEED}-{name}")
    loaded_any = 0
    for round_ in range(ROUNDS):
        data = mutate(sample, rng)
        for as_kind in (kind, None):  # by the source's own kind, and sniffed (URL, stdin, .xml)
            loaded = load_or_refuse(data, as_kind)
            check_loaded(*loaded)
            loaded_any += bool(loaded[0])
            if round_ % 10 == 0:
                assert fingerprint(load_or_refuse(data, as_kind)) == fingerprint(loaded), "not deterministic"
        assert sniff(data) in {"feed", "html", "json", "xml", "text"}
    # Broken JSON is refused whole, so few JSON mutants load; other kinds mostly do.
    assert loaded_any > ROUNDS // 10, "the mutations destroyed nearly everything: the fuzz tests little"


def test_mutated_files_and_stdin_through_load_briefing(tmp_path):
    import io

    rng = random.Random(f"{SEED}-files")
    folder = tmp_path / "fuzz"
    folder.mkdir()
    names = []
    for i in range(ROUNDS):
        kind, suffix, sample = SAMPLES[rng.choice(list(SAMPLES))]
        suffix = rng.choice([suffix, suffix, ".xml", ".txt", ".html"])
        path = folder / f"f{i:04d}{suffix}"
        path.write_bytes(mutate(sample, rng))
        names.append(path.name)
    briefing = load_briefing([str(folder)])
    check_loaded(briefing.articles, briefing.errors)
    check_loaded([], briefing.notes)
    sources = {a.source.split("#")[0] for a in briefing.articles} | {e.source.split("#")[0] for e in briefing.errors}
    assert {os.path.basename(s) for s in sources} == set(names), "every file either loads or says why not"
    again = load_briefing([str(folder)])
    assert [a.id for a in again.articles] == [a.id for a in briefing.articles]
    for i in range(0, ROUNDS, 4):
        data = (folder / names[i]).read_bytes()
        one = load_briefing(["-"], stdin=io.BytesIO(data))
        check_loaded(one.articles, one.errors)
        assert one.articles or one.errors
