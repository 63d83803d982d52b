"""Reviewing inside the reader (Pilot, 80x24, fake analysis): marks, notes, copy, export."""

from __future__ import annotations

import os

import pytest
from markdown_it import MarkdownIt
from textual.command import CommandPalette
from textual.widgets import Input

from briefing.config import Config, data_dir
from briefing.storage.review import FILENAME, ItemRef, ReviewError, ReviewStore
from briefing.tui.messages import Target
from briefing.tui.screens.confirm import ConfirmScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.note import NoteScreen
from tui_support import FERRY, GatedAnalyse, make_app, one_article, span, static_text, three_articles

SIZE = (80, 24)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def row_text(item_list, index: int, width: int = 78) -> str:
    """What row ``index`` of a list shows (mark column, prompt, note), as plain text."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)
    console.print(item_list.get_option_at_index(index).prompt)
    return console.export_text()


def marks(store: ReviewStore, article_id: str = "art0") -> dict:
    return store.for_article(article_id)


def messages(app) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


# -- space, f, a in each list ---------------------------------------------------------------------


async def test_space_marks_a_quote_reviewed_and_again_unmarks_it():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j", "space")
        quotes = app.reader.quote_pane.quote_list
        quote = quotes.items[1]
        assert marks(store)[ItemRef.of(quote).id].reviewed
        assert row_text(quotes, 1).startswith("\u2713"), row_text(quotes, 1)
        assert not row_text(quotes, 0).startswith("\u2713")
        await pilot.press("space")
        assert ItemRef.of(quote).id not in marks(store)
        assert not row_text(quotes, 1).startswith("\u2713")


async def test_f_flags_a_figure_and_the_text_shows_it():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "G", "f")
        figures = app.reader.figure_list
        figure = figures.items[-1]
        assert marks(store)[ItemRef.of(figure).id].flagged
        assert row_text(figures, len(figures.items) - 1)[1] == "\u2691"
        assert (figure.start, figure.end) in app.reader.text_pane.flagged
        await pilot.press("f")
        assert not marks(store)
        assert app.reader.text_pane.flagged == []


async def test_actor_marks_show_in_the_actor_list_and_quotes_in_the_detail():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # A quote marked in the quotes pane shows in the actor detail too.
        await pilot.press("2", "space")
        first = app.reader.quote_pane.quote_list.items[0]
        await pilot.press("3")
        actors = app.reader.actor_pane
        okafor = actors.actor_list.current
        assert okafor.id == first.actor_id
        await pilot.press("space", "enter")
        assert marks(store)[ItemRef.of(okafor).id].reviewed
        assert row_text(actors.actor_list, 0).startswith("\u2713")
        detail = actors.detail
        assert detail.items[0].kind == "quote" and (detail.items[0].start, detail.items[0].end) == (first.start, first.end)
        assert row_text(detail, 0).startswith("\u2713"), "the quote's mark shows in the detail"
        mention = next(i for i, row in enumerate(detail.items) if row.kind == "mention")
        assert row_text(detail, mention).startswith("   "), "mention rows repeat no mark"
        # f on a mention row flags the actor.
        detail.highlighted = mention
        await pilot.press("f")
        assert marks(store)[ItemRef.of(okafor).id].flagged
        assert row_text(actors.actor_list, 0).startswith("\u2713\u2691")


async def test_review_keys_in_the_text_act_on_the_highlight_under_the_cursor():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("space")
        assert not marks(store), "no cursor: nothing marked"
        assert any("h/l" in m for m in messages(app))
        quote = app.reader.analyses[0].quotes[1]
        app.reader.text_pane.set_cursor(Target(quote.start, quote.end, "quote", quote.actor_id))
        await pilot.press("space", "f")
        mark = marks(store)[ItemRef.of(quote).id]
        assert mark.reviewed and mark.flagged
        assert (quote.start, quote.end) in app.reader.text_pane.flagged
        assert any("Quote by Daniel Reyes" in m and "flagged" in m for m in messages(app))
        await pilot.press("2")
        assert row_text(app.reader.quote_pane.quote_list, 1).startswith("\u2713\u2691")


async def test_title_bar_shows_the_articles_progress_once_something_is_marked():
    app = make_app(review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        status = app.reader.query_one("#review-status")
        assert static_text(status).strip() == ""
        analysis = app.reader.analyses[0]
        total = len(analysis.quotes) + len(analysis.actors) + len(analysis.figures)
        await pilot.press("2", "space", "j", "f")
        assert static_text(status).strip() == f"1/{total} reviewed, 1 flagged"


# -- the article list -------------------------------------------------------------------------------


async def test_article_list_shows_progress_and_space_reviews_a_whole_article():
    store = ReviewStore.memory()
    app = make_app(three_articles(), review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        articles = reader.article_list
        ferry = reader.analyses[0]
        total = len(ferry.quotes) + len(ferry.actors) + len(ferry.figures)
        assert f"0/{total} reviewed" in row_text(articles, 0, 32)
        await pilot.press("4", "space", "f")  # one figure reviewed and flagged
        await pilot.press("0")
        assert app.focused is articles
        assert f"1/{total} reviewed, 1 flagged" in row_text(articles, 0, 32)
        assert row_text(articles, 0, 32).startswith(" \u2691"), "a flagged item flags its article"
        await pilot.press("space")
        progress = store.progress(ferry)
        assert progress.done and progress.reviewed == total
        assert row_text(articles, 0, 32).startswith("\u2713\u2691")
        assert f"{total}/{total} reviewed, 1 flagged" in row_text(articles, 0, 32)
        await pilot.press("space")
        assert store.progress(ferry).reviewed == 0, "space again clears the article"
        # f on an article flags the article itself; the quiet one has nothing to review.
        await pilot.press("j", "j", "f")
        quiet = reader.analyses[2]
        assert marks(store, quiet.article.id)[ItemRef.of(quiet.article).id].flagged
        assert row_text(articles, 2, 32).startswith(" \u2691")
        assert "nothing to review" in row_text(articles, 2, 32)


async def test_article_list_says_when_an_article_is_not_analysed_yet():
    gated = GatedAnalyse()
    app = make_app(three_articles(), analyse=gated, review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("0", "space")
        assert any("not analysed" in m for m in messages(app))
        for i in range(3):
            gated.release(i)
        await settle(app, pilot)


# -- notes ------------------------------------------------------------------------------------------


async def test_note_editor_saves_edits_cancels_and_removes():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j", "a")
        assert isinstance(app.screen, NoteScreen)
        field = app.screen.query_one("#note-input", Input)
        assert app.focused is field and field.value == ""
        await pilot.press(*"check the date", "enter")
        assert not isinstance(app.screen, NoteScreen)
        quotes = app.reader.quote_pane.quote_list
        ref = ItemRef.of(quotes.items[1]).id
        assert marks(store)[ref].note == "check the date"
        shown = row_text(quotes, 1)
        assert "\u270e" in shown.splitlines()[0] and "check the date" in shown
        # Editing starts from the old note; escape keeps it.
        await pilot.press("a")
        field = app.screen.query_one("#note-input", Input)
        assert field.value == "check the date"
        await pilot.press(*" later", "escape")
        assert not isinstance(app.screen, NoteScreen)
        assert marks(store)[ref].note == "check the date"
        # An emptied note is removed.
        await pilot.press("a")
        app.screen.query_one("#note-input", Input).value = ""
        await pilot.press("enter")
        assert ref not in marks(store)
        assert "check the date" not in row_text(quotes, 1)
        assert any("Note removed" in m for m in messages(app))


async def test_note_text_is_shown_as_text_not_markup():
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "a", *"[bold]x[/bold]", "enter")
        assert "[bold]x[/bold]" in row_text(app.reader.figure_list, 0)


# -- failures ---------------------------------------------------------------------------------------


class BrokenStore(ReviewStore):
    """Reads work, every write fails (a full disk, a read-only file...)."""

    def _change(self, *args, **kwargs):
        raise ReviewError("review marks: cannot save (disk I/O error)")


async def test_a_failed_write_is_one_line_and_the_reader_goes_on():
    plain = ReviewStore.memory()
    store = BrokenStore(plain._conn, None)
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "space", "f")
        assert sum("cannot save" in m for m in messages(app)) == 2
        assert not row_text(app.reader.quote_pane.quote_list, 0).startswith("\u2713")
        await pilot.press("j")
        assert app.reader.quote_pane.quote_list.highlighted == 1


async def test_store_message_is_shown_at_start():
    store = ReviewStore.memory()
    store.message = "review marks were damaged; kept a copy as review.sqlite3.corrupt-1 and started afresh"
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert any("kept a copy" in m for m in messages(app))


# -- y: copy ----------------------------------------------------------------------------------------


async def test_y_copies_a_quote_with_speaker_and_source():
    app = make_app(review=ReviewStore.memory())
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.copy_to_clipboard = copied.append  # a spy: what would go out as OSC 52
        await pilot.press("2", "y")
        title = FERRY.split("\n", 1)[0]
        words = "This link will change daily life for 3,000 islanders"
        assert copied == [f"\u201c{words}\u201d \u2014 Maria Okafor, {title} (news/ferry.txt)"]
        assert any("Copied quote by Maria Okafor" in m for m in messages(app))


async def test_y_copies_a_figure_and_the_item_under_the_text_cursor():
    app = make_app(review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "y")
        assert app.clipboard.startswith("42 million pounds: project cost \u2014 ")
        assert app.clipboard.endswith("(news/ferry.txt)")
        assert any("Copied figure 42 million pounds" in m for m in messages(app))
        await pilot.press("1")
        start, end = span(FERRY, "400")
        app.reader.text_pane.set_cursor(Target(start, end, "figure"))
        await pilot.press("y")
        assert app.clipboard.startswith("400: passengers a day \u2014 ")


async def test_y_with_a_very_long_title_copies_one_line_and_shows_a_short_notice():
    """A title can be a whole first paragraph (the loaders cap theirs, a hand-built or JSON
    article need not): the clipboard gets one line, the notice stays short and ends in '…'."""
    from briefing.model import Article, Briefing
    from tui_support import fake_analysis

    long_title = ("Harbour council approves ferry link to Marrow Island after a long night of talks "
                  "in which every member of the council, the port authority and the residents spoke, "
                  "some of them twice, about fares, timetables, the new pier and winter storms " * 2).strip()
    text = FERRY.replace(FERRY.split("\n", 1)[0], long_title, 1)
    art = Article(id="long", source="news/long.txt", title=long_title, text=text)
    app = make_app(Briefing((art,)), analyse=lambda arts, m: iter([(0, fake_analysis(arts[0]))]),
                   review=ReviewStore.memory())
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.copy_to_clipboard = copied.append
        await pilot.press("2", "y")
        assert len(copied) == 1 and "\n" not in copied[0]
        assert copied[0].startswith("\u201cThis link will change daily life")
        assert copied[0].endswith("(news/long.txt)")
        (notice,) = [str(n.message) for n in app._notifications if "This link" in str(n.message)]
        assert len(notice) <= 200 and notice.endswith("\u2026")
        title_shown = str(app.reader.query_one("#title").render())
        assert "\n" not in title_shown


async def test_y_on_the_article_list_copies_nothing():
    app = make_app(three_articles(), review=ReviewStore.memory())
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.copy_to_clipboard = copied.append
        await pilot.press("0", "y")
        assert copied == []
        assert any("Pick a quote" in m for m in messages(app))


# -- e: export ----------------------------------------------------------------------------------------


def export_config(folder) -> Config:
    return Config(theme="textual-dark", export_dir=str(folder))


async def test_export_writes_then_asks_before_overwriting(tmp_path):
    store = ReviewStore.memory()
    app = make_app(three_articles(), config=export_config(tmp_path), review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "f")  # a flagged quote goes into the summary
        await pilot.press("e")
        await pilot.pause()
        written = list(tmp_path.glob("briefing-*.md"))
        assert len(written) == 1
        path = written[0]
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Briefing summary")
        tokens = MarkdownIt("commonmark").parse(text)
        headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
        assert "Flagged items" in headings and len([h for h in headings if h[:2] in ("1.", "2.", "3.")]) == 3
        assert "Maria Okafor" in text.split("## Flagged items", 1)[1]
        assert any(str(path) in m for m in messages(app))

        # A second export asks; "n" keeps the old file.
        path.write_text("OLD", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.focused.id == "no", "the safe answer has the focus"
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert path.read_text(encoding="utf-8") == "OLD"
        assert any("Kept the old" in m for m in messages(app))

        # enter on the focused "keep" button keeps it too.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == "OLD"

        # "y" overwrites.
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert path.read_text(encoding="utf-8") == text
        assert list(tmp_path.glob("briefing-*.md")) == [path]
        assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"


async def test_export_waits_for_the_analysis(tmp_path):
    gated = GatedAnalyse()
    app = make_app(three_articles(), analyse=gated, config=export_config(tmp_path), review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        gated.release(0)
        while 0 not in app.reader.analyses:
            await pilot.pause()
        await pilot.press("e")
        assert list(tmp_path.iterdir()) == []
        assert any("Still analysing (1 of 3" in m for m in messages(app))
        gated.release(1)
        gated.release(2)
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert len(list(tmp_path.glob("briefing-*.md"))) == 1


async def test_export_after_a_failure_writes_what_was_analysed(tmp_path):
    def analyse(articles, model_name):
        from tui_support import fake_analysis

        yield 0, fake_analysis(articles[0])
        raise RuntimeError("boom")

    app = make_app(three_articles(), analyse=analyse, config=export_config(tmp_path), review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        (path,) = tmp_path.glob("briefing-*.md")
        text = path.read_text(encoding="utf-8")
        assert "Harbour council" in text and "Orchard" not in text
        assert any("2 articles could not be analysed" in m for m in messages(app))


async def test_export_to_a_missing_folder_says_so(tmp_path):
    missing = tmp_path / "nope"
    app = make_app(config=export_config(missing), review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert not missing.exists()
        assert any("does not exist" in m for m in messages(app))
        assert app.screen is app.reader


async def test_export_without_a_configured_folder_uses_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make_app(review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert len(list(tmp_path.glob("briefing-*.md"))) == 1


# -- persistence and two copies -----------------------------------------------------------------------


async def test_marks_survive_a_restart(isolated_dirs):
    """Two app runs on the default store (the test's own XDG dirs): marks, flags, notes come back."""
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(first, pilot)
        await pilot.press("2", "space", "j", "f", "j", "a", *"ask the council", "enter")
        await pilot.press("q")
    assert (data_dir() / FILENAME).is_file()
    assert str(data_dir()).startswith(str(isolated_dirs))

    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(second, pilot)
        await pilot.press("2")
        quotes = second.reader.quote_pane.quote_list
        assert row_text(quotes, 0).startswith("\u2713")
        assert row_text(quotes, 1)[1] == "\u2691"
        assert "ask the council" in row_text(quotes, 2)
        assert "1 flagged" in static_text(second.reader.query_one("#review-status"))


async def test_two_copies_on_one_store_keep_each_others_marks(tmp_path):
    path = tmp_path / "review.sqlite3"
    one, two = ReviewStore.open(path), ReviewStore.open(path)
    try:
        app_one = make_app(review=one)
        async with app_one.run_test(size=SIZE) as pilot:
            await settle(app_one, pilot)
            await pilot.press("2", "space")
        app_two = make_app(review=two)
        async with app_two.run_test(size=SIZE) as pilot:
            await settle(app_two, pilot)
            await pilot.press("2")
            quotes = app_two.reader.quote_pane.quote_list
            assert row_text(quotes, 0).startswith("\u2713"), "the other copy's mark is seen"
            await pilot.press("j", "space")
        got = one.for_article("art0")
        assert len([m for m in got.values() if m.reviewed]) == 2
        assert one.integrity_ok()
    finally:
        one.close()
        two.close()


# -- keys: rebinding, help, palette -------------------------------------------------------------------


async def test_review_keys_can_be_rebound():
    store = ReviewStore.memory()
    config = Config(theme="textual-dark", keymap={"review.flag": "x", "review.reviewed": "m"})
    app = make_app(config=config, review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "f", "space")
        assert not marks(store), "the old keys no longer mark"
        await pilot.press("x", "m")
        mark = marks(store)[ItemRef.of(app.reader.quote_pane.quote_list.items[0]).id]
        assert mark.flagged and mark.reviewed


async def test_help_lists_the_review_keys():
    app = make_app(review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rendered = static_text(app.screen.query_one("#help-table"))
        for ident in ("review.reviewed", "review.flag", "review.note", "review.copy", "export"):
            assert ident in rendered
        for words in ("Toggle reviewed", "Toggle flag", "Add or edit note", "Copy item", "Export Markdown"):
            assert words in rendered


@pytest.mark.parametrize("command", ["Review: Toggle flag"])
async def test_palette_runs_review_commands_on_the_focused_item(command):
    store = ReviewStore.memory()
    app = make_app(review=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "j")
        figure = app.reader.figure_list.current
        await pilot.press("ctrl+p", *command)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert marks(store)[ItemRef.of(figure).id].flagged


def test_every_review_binding_has_an_id():
    from briefing.tui import keys

    ids = [b.id for b in keys.REVIEW]
    assert all(ids) and len(set(ids)) == len(ids)
    assert {b.key for b in keys.REVIEW} == {"space", "f", "a", "y", "e"}
    assert set(ids) <= keys.known_ids()


async def test_one_article_briefing_is_unchanged_without_marks():
    """No marks: the lists look as before (an empty mark column), nothing in the title bar."""
    app = make_app(one_article(), review=ReviewStore.memory())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        assert row_text(app.reader.quote_pane.quote_list, 0).startswith("   ")
        assert static_text(app.reader.query_one("#review-status")).strip() == ""
