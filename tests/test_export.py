"""Export: golden files for the seed, valid CommonMark, escaping, atomic no-overwrite writes, CLI."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing import __version__
from briefing.atomic import atomic_write_text
from briefing.export import (EXPORT_SCHEMA, ExportError, OutputExists, copy_text, default_filename,
                             export_document, md_escape, render, render_markdown, write_export)
from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
from briefing.storage.review import ItemRef, ReviewStore

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"
MD = MarkdownIt("commonmark")


def _load_fixture():
    spec = importlib.util.spec_from_file_location(
        "briefing_test_seed_analysis", Path(__file__).resolve().parent / "fixtures" / "seed_analysis.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SEED_FIXTURE = _load_fixture()


def seed_with_marks():
    """The fixed seed analysis, and a store with a few marks of every sort on it."""
    an = SEED_FIXTURE.seed_analysis()
    aid = an.article.id
    figure = {f.text: f for f in an.figures}
    store = ReviewStore.memory()
    store.set_reviewed(aid, ItemRef.of(an.quotes[1]))
    store.set_reviewed(aid, ItemRef.of(an.actors[0]))
    store.set_reviewed(aid, ItemRef.of(figure["four"]))
    store.toggle_flag(aid, ItemRef.of(an.quotes[3]))
    store.set_note(aid, ItemRef.of(an.quotes[3]), "Check against the *full* transcript <b>today</b>")
    store.toggle_flag(aid, ItemRef.of(figure["More than 1,700"]))
    store.set_note(aid, ItemRef.of(an.actors[3]), "Not quoted directly")
    store.toggle_flag(aid, ItemRef("quote", "1:9", "an old quote span # no longer found"))
    store.set_note(aid, ItemRef.of(an.article), "Background for Monday's meeting")
    return an, store


def _compare_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path} (run with BRIEFING_UPDATE_GOLDEN=1)"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (BRIEFING_UPDATE_GOLDEN=1 rewrites it)"


def test_markdown_golden_for_the_seed():
    an, store = seed_with_marks()
    _compare_golden("seed.md", render([an], SEED_FIXTURE.MODEL, "markdown", store.for_articles([an.article.id])))


def test_json_golden_for_the_seed():
    an, store = seed_with_marks()
    doc = json.loads(render([an], SEED_FIXTURE.MODEL, "json", store.for_articles([an.article.id])))
    assert doc["generator"] == f"briefing {__version__}"
    doc["generator"] = "briefing VERSION"  # the golden file does not churn with the version
    _compare_golden("seed.json", json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


# -- what the Markdown says, checked with a CommonMark parser ---------------------------------


def _blocks(markdown: str):
    """(headings [(level, text)], list item texts, every token) of a CommonMark document."""
    tokens = MD.parse(markdown)
    headings, items = [], []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            headings.append((int(tok.tag[1]), tokens[i + 1].content and _plain(tokens[i + 1])))
        if tok.type == "list_item_open":
            items.append(_plain(tokens[i + 2]))  # list_item_open, paragraph_open, inline
    return headings, items, tokens


def _plain(inline) -> str:
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "text_special"))


def _all_tokens(tokens):
    for tok in tokens:
        yield tok
        yield from _all_tokens(tok.children or [])


def test_seed_markdown_structure():
    an, store = seed_with_marks()
    text = render([an], "m", "markdown", store)
    headings, items, tokens = _blocks(text)
    assert headings == [
        (1, "Briefing summary"),
        (2, "1. UN chief urges restraint as Gaza fighting goes on"),
        (3, "Key quotes"), (3, "Actors"), (3, "Key figures"),
        (2, "Flagged items"), (3, "UN chief urges restraint as Gaza fighting goes on"),
    ]
    types = {t.type for t in _all_tokens(tokens)}
    assert not types & {"html_block", "html_inline", "link_open", "image", "code_inline", "fence",
                        "code_block"}
    assert "Source: seeds/gaza-ceasefire.txt" in items
    assert "Review: 3/13 reviewed, 2 flagged" in items
    # key quotes: full ones (without the trailing comma) before the partial ones, with speakers
    quote_items = [i for i in items if "“" in i and not i.startswith("Quote")]
    assert quote_items[0].startswith("Ban Ki-Moon: “The entire world is concerned")
    assert quote_items[0].endswith("tragic for both sides”")
    assert quote_items[-1] == "Avigdor Lieberman: “forced” (partial)"
    assert "Benjamin Netanyahu, Israeli Prime Minister (person): 1 quote" in items
    assert "Hamas (org): 0 quotes" in items
    assert "More than 1,700: missiles launched from Gaza (flagged)" in items
    assert "seven-day (what it counts was not found)" in items
    assert "Note: Check against the *full* transcript <b>today</b>" in items  # escaped, not HTML
    assert "Figure: More than 1,700: missiles launched from Gaza" in items
    assert "Quote: “an old quote span # no longer found” (no longer found by the analysis)" in items
    assert any(i.startswith("Quote by Benjamin Netanyahu: “If there is") for i in items)


def test_json_has_the_same_content_as_markdown():
    an, store = seed_with_marks()
    marks = store.for_articles([an.article.id])
    doc = json.loads(render([an], "m", "json", marks))
    assert doc["schema"] == EXPORT_SCHEMA == "briefing.export/1"
    assert render_markdown(doc) + "\n" == render([an], "m", "markdown", marks)
    art = doc["articles"][0]
    assert [q["kind"] for q in art["quotes"]] == ["quote"] * 3 + ["partial"] * 2
    assert [a["name"] for a in art["actors"]] == [a.name for a in an.actors]
    assert [(f["text"], f["what"]) for f in art["figures"]] == [(f.text, f.what) for f in an.figures]
    assert [(f["kind"], f["found"], f["note"]) for f in doc["flagged"]] == [
        ("quote", True, "Check against the *full* transcript <b>today</b>"),
        ("figure", True, None),
        ("quote", False, None),
    ]
    assert doc["totals"] == {"articles": 1, "items": 13, "reviewed": 3, "flagged": 3}


def _hostile_analysis() -> tuple[ArticleAnalysis, dict]:
    nasty = {
        "title": "# Breaking <script>alert(1)</script> [click](http://evil.example) ##",
        "source": "feeds/`rm -rf`_x_.html | *bold* \\",
        "speaker": "**Mr** _Evil_ <img src=x onerror=alert(1)>",
        "quote": "- not a list\n\n# not a heading\n> nor a quote &amp; &#35; ![img](x.png) `code` ~~gone~~",
        "role": "1. first | second | <!-- comment -->",
        "figure": "+ 5 *",
        "what": "<http://autolink.example> and https://bare.example [ref]: /url",
        "note": "===\n---\n1) list? \\*still text\\*",
    }
    text = " ".join(nasty.values())
    article = Article("hostile", nasty["source"], nasty["title"], text, url="javascript:alert(1)")
    q_at = text.index(nasty["quote"])
    f_at = text.index(nasty["figure"])
    analysis = ArticleAnalysis(
        article,
        quotes=(Quote(q_at, q_at + len(nasty["quote"]), nasty["quote"], nasty["speaker"], None),),
        actors=(Actor("a1", nasty["speaker"], "PERSON", nasty["role"], (), (), 1),),
        figures=(Figure(f_at, f_at + len(nasty["figure"]), nasty["figure"], 5, None, None, nasty["what"]),),
    )
    return analysis, nasty


def test_hostile_text_stays_text():
    an, nasty = _hostile_analysis()
    store = ReviewStore.memory()
    for item in (an.quotes[0], an.actors[0], an.figures[0], an.article):
        store.toggle_flag(an.article.id, ItemRef.of(item))
        store.set_note(an.article.id, ItemRef.of(item), nasty["note"])
    text = render([an], "m <model>", "markdown", store)
    headings, items, tokens = _blocks(text)
    one = {k: " ".join(v.split()) for k, v in nasty.items()}
    assert [h for h, _ in headings] == [1, 2, 3, 3, 3, 2, 3]
    assert headings[1][1] == f"1. {one['title']}"
    assert headings[-1][1] == one["title"]
    found = set(items)
    assert f"Source: {one['source']}" in found
    assert "URL: javascript:alert(1)" in found
    assert f"{one['speaker']}: “{one['quote']}” (flagged)" in found
    assert f"{one['speaker']}, {one['role']} (person): 1 quote (flagged)" in found
    assert f"{one['figure']}: {one['what']} (flagged)" in found
    assert f"Quote by {one['speaker']}: “{one['quote']}”" in found
    assert f"Actor: {one['speaker']}, {one['role']}" in found
    assert f"Figure: {one['figure']}: {one['what']}" in found
    assert f"Article: {one['title']}" in found
    assert f"Note: {one['note']}" in found
    kinds = {t.type for t in _all_tokens(tokens)}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_inline", "fence",
                        "code_block", "blockquote_open", "hr", "ordered_list_open", "em_open", "s_open"}
    # the only strong text is ours: speaker and actor names, figures
    strong = [c for t in _all_tokens(tokens) if t.type == "inline" for c in t.children if c.type == "strong_open"]
    assert len(strong) == 6  # speaker, actor, figure; and the same three under "Flagged items"
    # every list item is a single paragraph (nothing split an item into blocks)
    assert text.count("\n- ") + text.count("\n  - ") == len(items)


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_md_escape_round_trips_as_a_paragraph(value):
    collapsed = " ".join(value.split())
    tokens = MD.parse(md_escape(value, start=True))
    if not collapsed:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert {c.type for c in tokens[1].children} <= {"text", "text_special"}
    assert _plain(tokens[1]) == collapsed


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(lambda v: v.split()), _TEXT)
def test_md_escape_in_list_items_headings_and_strong(name, rest):
    source = (f"## 1. {md_escape(name)}\n\n- **{md_escape(name)}**: “{md_escape(rest)}”\n"
              f"  - Note: {md_escape(rest)}\n")
    tokens = MD.parse(source)
    types = [t.type for t in tokens]
    assert types[:3] == ["heading_open", "inline", "heading_close"]
    assert _plain(tokens[1]) == "1. " + " ".join(name.split())
    inline = [t for t in tokens if t.type == "inline"]
    assert len(inline) == 3 and types.count("bullet_list_open") == 2
    children = [c.type for c in inline[1].children if c.content or c.type != "text"]
    assert children.count("strong_open") == 1 and children[0] == "strong_open"
    assert _plain(inline[1]) == f"{' '.join(name.split())}: “{' '.join(rest.split())}”"
    assert _plain(inline[2]) == f"Note: {' '.join(rest.split())}".rstrip()


def test_md_escape_keeps_plain_words_readable():
    assert md_escape("snake_case and U.S. 1,700 (approx)") == "snake_case and U.S. 1,700 (approx)"
    assert md_escape("_lead_ a*b") == "\\_lead\\_ a\\*b"
    assert md_escape("1. first", start=True) == "1\\. first"
    assert md_escape("1. first") == "1. first"
    assert md_escape("AT&T &amp;") == "AT&T \\&amp;"


def test_empty_briefing_pieces():
    art = Article("e1", "empty.txt", "", "nothing here")
    text = render([ArticleAnalysis(art)], "", "markdown", {})
    headings, items, _ = _blocks(text)
    assert headings[1] == (2, "1. Untitled")
    assert "No quotes found." in text and "No actors found." in text and "No figures found." in text
    assert "Nothing flagged." in text
    assert "Review: 0/0 reviewed" in items


def test_copy_text_names_speaker_and_source():
    an = SEED_FIXTURE.seed_analysis()
    text, said = copy_text(an, an.quotes[3])
    assert text.startswith("“If there is a diplomatic solution")
    assert text.endswith("our citizens” — Benjamin Netanyahu, UN chief urges restraint as Gaza fighting"
                         " goes on (seeds/gaza-ceasefire.txt)")
    assert said == "Copied quote by Benjamin Netanyahu"
    figure = next(f for f in an.figures if f.text == "At least 125")
    text, said = copy_text(an, figure)
    assert text.startswith("At least 125: Palestinians killed — UN chief") and said == "Copied figure At least 125"
    text, _ = copy_text(an, an.actors[1])
    assert text.startswith("Benjamin Netanyahu, Israeli Prime Minister — ")
    orphan = Quote(0, 4, "Baku", None, None)
    assert copy_text(an, orphan)[1] == "Copied unattributed quote"
    with pytest.raises(TypeError):
        copy_text(an, an.article)  # type: ignore[arg-type]


# -- writing files ------------------------------------------------------------------------------


def _doc():
    an, store = seed_with_marks()
    return [an], store


def test_write_never_overwrites_without_force(tmp_path):
    analyses, store = _doc()
    out = tmp_path / "summary.md"
    assert write_export(analyses, "m", str(out), force=False, marks=store) == str(out)
    first = out.read_text(encoding="utf-8")
    assert first.startswith("# Briefing summary\n")
    out.write_text("my own edits\n", encoding="utf-8")
    with pytest.raises(OutputExists, match="already exists; use --force"):
        write_export(analyses, "m", str(out), force=False, marks=store)
    assert out.read_text(encoding="utf-8") == "my own edits\n"
    assert write_export(analyses, "m", str(out), force=True, marks=store) == str(out)
    assert out.read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.md"]  # no temp files left


def test_write_to_stdout_folder_and_bad_places(tmp_path, capsys):
    analyses, store = _doc()
    assert write_export(analyses, "m", "-", fmt="json", marks=store) is None
    assert json.loads(capsys.readouterr().out)["schema"] == EXPORT_SCHEMA
    where = write_export(analyses, "m", str(tmp_path), fmt="md", marks=store)
    assert Path(where) == tmp_path / default_filename("markdown")
    with pytest.raises(ExportError, match="does not exist"):
        write_export(analyses, "m", str(tmp_path / "no" / "such.md"), marks=store)
    with pytest.raises(ExportError, match="unknown export format"):
        write_export(analyses, "m", "-", fmt="pdf", marks=store)


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    analyses, store = _doc()
    out = tmp_path / "summary.md"
    out.write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="No space left"):
        write_export(analyses, "m", str(out), force=True, marks=store)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]


def test_atomic_write_modes_and_links(tmp_path, monkeypatch):
    old_mask = os.umask(0o022)
    try:
        new = atomic_write_text(tmp_path / "new.txt", "a")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        private = tmp_path / "private.txt"
        private.write_text("x")
        private.chmod(0o600)
        atomic_write_text(private, "y")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_text() == "y"
        link = tmp_path / "link.txt"
        link.symlink_to(private)
        atomic_write_text(link, "through the link")
        assert link.is_symlink() and private.read_text() == "through the link"
        with pytest.raises(FileExistsError):
            atomic_write_text(private, "z", overwrite=False)

        def no_hard_links(src, dst):
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_hard_links)
        atomic_write_text(tmp_path / "fallback.txt", "ok", overwrite=False)
        assert (tmp_path / "fallback.txt").read_text() == "ok"
        with pytest.raises(FileExistsError):
            atomic_write_text(tmp_path / "fallback.txt", "again", overwrite=False)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["fallback.txt", "link.txt", "new.txt",
                                                              "private.txt"]
    finally:
        os.umask(old_mask)


def test_export_document_without_marks_reads_none():
    an = SEED_FIXTURE.seed_analysis()
    doc = export_document([an], "m")
    assert doc["flagged"] == [] and doc["totals"]["reviewed"] == 0


# -- the command ---------------------------------------------------------------------------------


def _cli(*args: str):
    return subprocess.run([sys.executable, "-m", "briefing", "export", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_cli_export_end_to_end(tmp_path):
    seed = str(ROOT / "seeds" / "gaza-ceasefire.txt")
    from briefing.sources.text import article_from_text

    art = article_from_text((ROOT / "seeds" / "gaza-ceasefire.txt").read_text(encoding="utf-8"), seed)
    with ReviewStore.open() as store:  # the same XDG dirs the command will use
        store.set_note(art.id, ItemRef.of(art), "flagged from a previous session")
        store.toggle_flag(art.id, ItemRef.of(art))
    out = tmp_path / "brief.md"
    first = _cli(seed, "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stderr.strip() == f"briefing: wrote {out}"
    text = out.read_text(encoding="utf-8")
    headings, items, tokens = _blocks(text)
    assert [lvl for lvl, _ in headings] == [1, 2, 3, 3, 3, 2, 3]
    assert [h for _, h in headings[2:5]] == ["Key quotes", "Actors", "Key figures"]
    assert any(i.startswith("Ban Ki-Moon") for i in items)
    assert "Note: flagged from a previous session" in items
    assert not {t.type for t in _all_tokens(tokens)} & {"html_block", "html_inline", "link_open"}

    again = _cli(seed, "-o", str(out))
    assert again.returncode != 0
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "already exists" in lines[0] and "--force" in lines[0]
    assert out.read_text(encoding="utf-8") == text

    out.write_text("stale\n", encoding="utf-8")
    forced = _cli(seed, "-o", str(out), "--force", "--format", "json")
    assert forced.returncode == 0, forced.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["schema"] == EXPORT_SCHEMA and doc["flagged"][0]["kind"] == "article"

    to_stdout = _cli(seed)
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("# Briefing summary\n")
