"""Feeds, JSON / JSON Lines, standard input, folders of mixed sources, sniffing, lazy imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from briefing.sanitize import is_safe
from briefing.sources import load_briefing, sniff

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour News</title><link>https://harbour.example/</link><description>Local</description>
<item>
  <title>Harbour reopens after the storm</title>
  <link>https://harbour.example/reopens</link>
  <description>Short summary that must not win.</description>
  <content:encoded><![CDATA[<p>The harbour reopened on Monday after three days, officials said.</p>
  <p>"We are back in business," said the harbour master, Ann Lee.</p>
  <ul><li>Ferries resume at 6am</li><li>Fish market opens on Tuesday</li></ul>]]></content:encoded>
  <pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
  <dc:creator>Ann Lee</dc:creator>
</item>
<item>
  <title>Council meets twice</title>
  <link>https://harbour.example/council</link>
  <description>&lt;p&gt;The council met &lt;b&gt;twice&lt;/b&gt; this week &amp;amp; agreed the budget.&lt;/p&gt;</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Times</title><id>urn:valley</id><updated>2025-02-01T00:00:00Z</updated>
  <entry>
    <title type="html">Mill &lt;em&gt;closes&lt;/em&gt; after 90 years</title>
    <id>urn:valley:1</id><link href="https://valley.example/mill"/>
    <updated>2025-02-01T08:30:00Z</updated>
    <author><name>Priya Shah</name></author>
    <summary>The summary.</summary>
    <content type="html">&lt;p&gt;The mill closed on Friday.&lt;/p&gt;&lt;p&gt;About 120 people worked there.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Only a summary</title><id>urn:valley:2</id><link href="https://valley.example/two"/>
    <updated>2025-02-02T08:30:00Z</updated>
    <summary type="text">A plain summary with 3 figures.</summary>
  </entry>
</feed>
"""


def test_rss_items_use_full_content_when_the_feed_carries_it(tmp_path):
    path = tmp_path / "harbour.rss"
    path.write_text(RSS, encoding="utf-8")
    b = load_briefing([str(path)])
    assert not b.errors
    first, second = b.articles
    assert first.source == f"{path}#1" and second.source == f"{path}#2"
    assert first.title == "Harbour reopens after the storm"
    assert first.text.startswith("Harbour reopens after the storm\n\nThe harbour reopened on Monday")
    assert "Short summary" not in first.text
    assert '"We are back in business," said the harbour master, Ann Lee.' in first.text
    assert "• Ferries resume at 6am\n\n• Fish market opens on Tuesday" in first.text
    assert first.url == "https://harbour.example/reopens"
    assert first.date == "2025-01-06"
    assert first.byline == "Ann Lee"
    # No full content: the summary, with its markup turned into text.
    assert second.text == "Council meets twice\n\nThe council met twice this week &amp; agreed the budget." \
        or second.text == "Council meets twice\n\nThe council met twice this week & agreed the budget."
    assert "<b>" not in second.text


def test_atom_entries(tmp_path):
    path = tmp_path / "valley.atom"
    path.write_text(ATOM, encoding="utf-8")
    b = load_briefing([str(path)])
    assert not b.errors
    mill, other = b.articles
    assert mill.title == "Mill closes after 90 years"
    assert mill.text == "Mill closes after 90 years\n\nThe mill closed on Friday.\n\nAbout 120 people worked there."
    assert (mill.byline, mill.date, mill.url) == ("Priya Shah", "2025-02-01", "https://valley.example/mill")
    assert other.text == "Only a summary\n\nA plain summary with 3 figures."


def test_xml_is_sniffed_as_feed_or_refused(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><settings><a>1</a></settings>', encoding="utf-8")
    b = load_briefing([str(tmp_path / "feed.xml"), str(tmp_path / "config.xml")])
    assert [a.title for a in b.articles] == ["Harbour reopens after the storm", "Council meets twice"]
    (error,) = b.errors
    assert error.message.startswith(str(tmp_path / "config.xml") + ": ")
    assert "neither an RSS/Atom feed nor a web page" in error.message


def test_a_broken_feed_is_one_line_and_the_rest_loads(tmp_path):
    (tmp_path / "broken.rss").write_text("<rss><channel><item><title>x", encoding="utf-8")
    (tmp_path / "empty.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')
    (tmp_path / "junk.rss").write_text("garbage <<<>>> not xml at all", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("A headline\n\nA body.", encoding="utf-8")
    b = load_briefing([str(tmp_path)])
    assert [a.title for a in b.articles] == ["A headline"]
    messages = sorted(e.message for e in b.errors)
    assert messages == [
        f"{tmp_path / 'broken.rss'}#1: item has no title and no text",
        f"{tmp_path / 'empty.atom'}: the feed has no items",
        f"{tmp_path / 'junk.rss'}: not a readable RSS or Atom feed",
    ]


def test_jsonl_records_bad_lines_reported_alone(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"title": "Rates held", "text": "The bank held rates at 4%.", "url": "https://w.example/1",
                    "date": "2025-03-01", "author": "Kim Ito"}),
        "{not json",
        "",
        json.dumps({"title": "No text here"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"headline": "Second", "body": "Exports rose 3% in May."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b = load_briefing([str(path)])
    rates, second = b.articles
    assert rates.source == f"{path}#1" and second.source == f"{path}#6"
    assert rates.title == "Rates held" and rates.text == "Rates held\n\nThe bank held rates at 4%."
    assert (rates.url, rates.date, rates.byline) == ("https://w.example/1", "2025-03-01", "Kim Ito")
    assert second.title == "Second"
    errors = {e.source: e.message for e in b.errors}
    assert set(errors) == {f"{path}#2", f"{path}#4", f"{path}#5"}
    assert errors[f"{path}#2"] == f"{path}#2: not valid JSON"
    assert 'no "text"' in errors[f"{path}#4"]


def test_json_array_and_analysis_document_shapes(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([
        {"title": "One", "text": "First body."},
        {"text": "Untitled body that is long enough to make a lead. It goes on."},
    ]), encoding="utf-8")
    (tmp_path / "doc.json").write_text(json.dumps({
        "schema": "briefing.analysis/1",
        "articles": [{"source": "x.txt", "title": "Again", "text": "Again\n\nAnalysed before."}],
    }), encoding="utf-8")
    (tmp_path / "html.json").write_text(json.dumps({"title": "Marked up", "html": "<p>One.</p><p>Two.</p>"}))
    b = load_briefing([str(tmp_path / "list.json"), str(tmp_path / "doc.json"), str(tmp_path / "html.json")])
    assert not b.errors
    titles = [a.title for a in b.articles]
    assert titles[0] == "One" and titles[1].startswith("Untitled body") and titles[2:] == ["Again", "Marked up"]
    assert b.articles[2].text == "Again\n\nAnalysed before."  # the title is not doubled
    assert b.articles[3].text == "Marked up\n\nOne.\n\nTwo."
    assert b.articles[0].source == f"{tmp_path / 'list.json'}#1"


def test_invalid_json_file_is_one_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{[}", encoding="utf-8")
    b = load_briefing([str(path)])
    assert not b.articles
    (error,) = b.errors
    assert error.message == f"{path}: not valid JSON (Expecting property name enclosed in double quotes at line 1, column 2)"


def test_stdin_plain_text_json_and_html():
    plain = load_briefing(["-"], stdin=io.BytesIO(b"Storm hits coast\n\nWinds reached 90mph."))
    (art,) = plain.articles
    assert (art.source, art.title) == ("<stdin>", "Storm hits coast")
    jsonl = load_briefing(["-"], stdin=io.BytesIO(b'{"title": "A", "text": "Body A."}\n{"title": "B", "text": "Body B."}\n'))
    assert [a.source for a in jsonl.articles] == ["<stdin>#1", "<stdin>#2"]
    page = ("<!doctype html><html><head><title>Ferry strike ends</title></head><body><article>"
            "<h1>Ferry strike ends</h1>" + "<p>Crews went back to work on Tuesday after a deal on pay was agreed "
            "by both sides, the union said in a statement to members.</p>" * 4 + "</article></body></html>")
    html = load_briefing(["-"], stdin=io.BytesIO(page.encode()))
    (art,) = html.articles
    assert art.title == "Ferry strike ends" and art.text.startswith("Ferry strike ends\n\nCrews went back")
    feed = load_briefing(["-"], stdin=io.BytesIO(RSS.encode()))
    assert [a.source for a in feed.articles] == ["<stdin>#1", "<stdin>#2"]


def test_stdin_read_once_and_empty_reported():
    b = load_briefing(["-", "-"], stdin=io.BytesIO(b"Title here\n\nBody."))
    assert len(b.articles) == 1
    assert [e.message for e in b.errors] == ["<stdin>: standard input can be read only once"]
    empty = load_briefing(["-"], stdin=io.BytesIO(b"  \n"))
    assert [e.message for e in empty.errors] == ["<stdin>: nothing on standard input"]


def test_cli_reads_stdin(tmp_path):
    """End to end: `briefing analyze --format json -` with a piped JSON Lines briefing."""
    records = b'{"title": "Mayor quits", "text": "The mayor resigned on Friday, aides said."}\n'
    proc = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json", "-"],
                          input=records, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    (article,) = doc["articles"]
    assert (article["source"], article["title"]) == ("<stdin>#1", "Mayor quits")


def test_folder_of_mixed_sources_keeps_going_past_bad_ones(tmp_path):
    (tmp_path / "a.txt").write_text("Plain one\n\nBody of one.", encoding="utf-8")
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "h.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "recs.jsonl").write_text('{"title": "R", "text": "Record body."}\n', encoding="utf-8")
    (tmp_path / "bin.html").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n")  # not an article suffix: not picked up
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden\n\nNot loaded.")
    b = load_briefing([str(tmp_path)])
    sources = sorted(a.source for a in b.articles)
    assert sources == sorted([str(tmp_path / "a.txt"), f"{tmp_path / 'feeds' / 'h.rss'}#1",
                              f"{tmp_path / 'feeds' / 'h.rss'}#2", f"{tmp_path / 'recs.jsonl'}#1"])
    (error,) = b.errors
    assert error.source == str(tmp_path / "bin.html") and "\n" not in error.message


def test_plain_text_source_stays_the_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\nBody.", encoding="utf-8")
    (art,) = load_briefing([str(path)]).articles
    assert art.source == str(path)


def test_sniff():
    assert sniff(b'  {"a": 1}') == "json"
    assert sniff(b"[1, 2]") == "json"
    assert sniff(RSS.encode()) == "feed"
    assert sniff(ATOM.encode()) == "feed"
    assert sniff(b'<?xml version="1.0"?>\n<!-- c -->\n<rdf:RDF xmlns:rdf="x">') == "feed"
    assert sniff(b"<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff(b'<?xml version="1.0"?><settings/>') == "xml"
    assert sniff(b"Just some words.") == "text"
    assert sniff(b"\xef\xbb\xbf<html><p>x</p></html>") == "html"


def test_metadata_is_sanitised(tmp_path):
    path = tmp_path / "evil.jsonl"
    path.write_text(json.dumps({"title": "T\x1b[2J", "text": "Body\x07 text.", "url": "http://x/\x1b]8;;",
                                "date": "2025\x9b1", "author": "Eve\u202e"}) + "\n", encoding="utf-8")
    (art,) = load_briefing([str(path)]).articles
    for value in (art.title, art.text, art.url, art.date, art.byline, art.source):
        assert is_safe(value)


def test_heavy_parsers_are_not_imported_with_the_package():
    code = ("import sys, briefing.sources, briefing.cli; "
            "print(sorted(m for m in ('trafilatura', 'feedparser', 'httpx', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_bare_html_fragment_is_read_as_markup():
    b = load_briefing(["-"], stdin=io.BytesIO(b"<p>Rain closed the pier, officials said.</p><p>It reopens Friday.</p>"))
    (art,) = b.articles
    assert art.text == "Rain closed the pier, officials said.\n\nIt reopens Friday."
