"""Pilot tests of the reader at 80x24, driven by a fake analysis (no spaCy)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from textual.command import CommandPalette

from briefing.config import Config, load_config
from briefing.model import Article, Briefing
from briefing.tui.messages import Target
from briefing.tui.screens.help import HelpScreen
from conftest import ROOT
from tui_support import FERRY, GatedAnalyse, make_app, one_article, span, static_text, three_articles

SIZE = (80, 24)


async def settle(app, pilot) -> None:
    """Wait for the analysis worker to finish and its messages to be handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def visible(widget) -> bool:
    node = widget
    while node is not None and hasattr(node, "display"):
        if not node.display:
            return False
        node = node.parent
    return widget.region.width > 0 and widget.region.height > 0


# -- the text paints before spaCy -------------------------------------------------------------


def test_spacy_not_imported_after_mount_with_fake_analysis():
    """In a fresh interpreter (other tests may have imported spaCy already)."""
    script = textwrap.dedent(
        """
        import asyncio, sys
        sys.path.insert(0, %r)
        from tui_support import make_app

        async def main():
            app = make_app()
            async with app.run_test(size=(80, 24)) as pilot:
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app.reader.text_pane.items, "analysis did not arrive"
                assert "spacy" not in sys.modules, "spaCy was imported"
                assert "briefing.analysis.pipeline" not in sys.modules
            print("ok")

        asyncio.run(main())
        """
    ) % str(ROOT / "tests")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")


def test_importing_the_tui_does_not_import_spacy():
    done = subprocess.run(
        [sys.executable, "-c", "import sys, briefing.tui, briefing.tui.app; print('spacy' in sys.modules)"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert done.stdout.strip() == "False", done.stderr


# -- panes -------------------------------------------------------------------------------------


async def test_number_keys_switch_panes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.pane == "text" and app.focused is reader.text_pane
        assert reader.has_class("-narrow")
        await pilot.press("2")
        assert reader.pane == "quotes"
        assert app.focused is reader.quote_pane.quote_list
        assert not visible(reader.text_pane), "one pane at a time at 80x24"
        await pilot.press("3")
        assert reader.pane == "actors" and app.focused is reader.actor_pane.actor_list
        await pilot.press("4")
        assert reader.pane == "figures" and app.focused is reader.figure_list
        await pilot.press("1")
        await pilot.pause()
        assert reader.pane == "text" and visible(reader.text_pane)
        assert not visible(reader.figure_list)


async def test_tab_and_shift_tab_cycle_panes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.reader.pane)
        assert seen == ["quotes", "actors", "figures", "text"]
        await pilot.press("shift+tab")
        assert app.reader.pane == "figures"


async def test_wide_terminal_shows_text_beside_lists():
    app = make_app(three_articles())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.has_class("-wide")
        await pilot.press("2")
        await pilot.pause()
        assert visible(reader.text_pane) and visible(reader.quote_pane.quote_list)
        assert visible(reader.article_list), "several articles: the list shows on a wide screen"


async def test_article_list_hidden_for_one_article():
    app = make_app(one_article())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        assert not visible(app.reader.article_list)
        await pilot.press("0")
        assert not visible(app.reader.article_list)


# -- moving ----------------------------------------------------------------------------------


async def test_j_k_g_G_scroll_the_text():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = app.reader.text_pane
        assert text.max_scroll_y > 0, "the fixture must be taller than the pane"
        await pilot.press("j", "j", "down")
        assert text.scroll_y == 3
        await pilot.press("k", "up")
        assert text.scroll_y == 1
        await pilot.press("G")
        assert text.scroll_y == text.max_scroll_y
        await pilot.press("g")
        assert text.scroll_y == 0
        await pilot.press("end")
        assert text.scroll_y == text.max_scroll_y
        await pilot.press("home")
        assert text.scroll_y == 0


async def test_j_k_g_G_move_in_lists():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        figures = app.reader.figure_list
        assert figures.highlighted == 0
        await pilot.press("j", "j")
        assert figures.highlighted == 2
        await pilot.press("k")
        assert figures.highlighted == 1
        await pilot.press("G")
        assert figures.highlighted == len(figures.items) - 1
        await pilot.press("g")
        assert figures.highlighted == 0


# -- linking ---------------------------------------------------------------------------------


async def test_enter_on_quote_jumps_to_it_in_the_text():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j", "j", "enter")
        await pilot.pause()
        reader = app.reader
        quote = reader.analyses[0].quotes[2]
        assert reader.pane == "text" and app.focused is reader.text_pane
        assert reader.text_pane.cursor == Target(quote.start, quote.end, "quote", quote.actor_id)
        line = reader.text_pane.line_for(quote.start)
        top = reader.text_pane.scroll_y
        assert top <= line < top + reader.text_pane.scrollable_content_region.height
        assert "quote 1 of 1" in str(reader.query_one("#text-info").render())


async def test_enter_on_figure_jumps_to_it():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "G", "enter")
        await pilot.pause()
        figure = app.reader.analyses[0].figures[-1]
        cursor = app.reader.text_pane.cursor
        assert (cursor.start, cursor.end, cursor.kind) == (figure.start, figure.end, "figure")


async def test_actor_lists_quotes_and_mentions_and_enter_jumps_to_mention():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        actors = app.reader.actor_pane
        top = actors.actor_list.current
        assert top.name == "Maria Okafor", "most salient first"
        await pilot.press("enter")
        detail = actors.detail
        assert app.focused is detail
        kinds = [row.kind for row in detail.items]
        assert kinds == ["quote", "quote", "mention", "mention", "mention"]
        await pilot.press("j", "j", "enter")  # the first mention
        await pilot.pause()
        cursor = app.reader.text_pane.cursor
        assert (cursor.start, cursor.end) == span(FERRY, "Maria Okafor")
        assert cursor.kind == "mention" and cursor.actor_id == "a1"


async def test_escape_in_actor_detail_goes_back_to_actor_list():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "j", "enter")
        assert app.reader.actor_pane.detail.actor.name == "Daniel Reyes"
        await pilot.press("escape")
        assert app.focused is app.reader.actor_pane.actor_list


async def test_text_cursor_moves_between_highlights_and_cycles_an_actor():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = app.reader.text_pane
        await pilot.press("l")
        assert text.cursor == text.items[0]
        # Walk to the first mention of Okafor, then cycle through her mentions.
        while not (text.cursor.kind == "mention" and text.cursor.actor_id == "a1"):
            await pilot.press("l")
        first = text.cursor
        await pilot.press("c")
        assert text.cursor.actor_id == "a1" and text.cursor.start > first.start
        assert (text.cursor.start, text.cursor.end) == span(FERRY, "Okafor", 1)
        await pilot.press("c", "c")
        assert text.cursor == first, "cycling wraps round"
        await pilot.press("h")
        assert text.cursor == text.items[text.items.index(first) - 1]


async def test_enter_in_text_shows_the_item_in_its_list():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = app.reader.text_pane
        figure = app.reader.analyses[0].figures[0]
        text.set_cursor(Target(figure.start, figure.end, "figure"))
        await pilot.press("enter")
        assert app.reader.pane == "figures"
        assert app.reader.figure_list.current == figure
        reyes = next(a for a in app.reader.analyses[0].actors if a.name == "Daniel Reyes")
        await pilot.press("1")
        text.set_cursor(Target(*reyes.mentions[1], "mention", reyes.id))
        await pilot.press("enter")
        assert app.reader.pane == "actors"
        detail = app.reader.actor_pane.detail
        assert detail.actor == reyes
        assert (detail.current.start, detail.current.end) == reyes.mentions[1]


async def test_speaker_filter_in_quotes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2")
        quotes = app.reader.quote_pane.quote_list
        assert len(quotes.items) == 4
        await pilot.press("s")
        assert quotes.speaker == "a1" and {q.actor_id for q in quotes.items} == {"a1"}
        assert "Only Maria Okafor" in str(app.reader.query_one("#quotes-header").render())
        await pilot.press("s")
        assert {q.actor_id for q in quotes.items} == {quotes.speaker} != {"a1"}
        await pilot.press("S")
        assert quotes.speaker is None and len(quotes.items) == 4


# -- search ----------------------------------------------------------------------------------


async def test_search_in_text_with_n_and_N():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = app.reader.text_pane
        await pilot.press("slash")
        await pilot.pause()
        assert app.focused.id == "search"
        assert visible(app.focused) and app.focused.region.y < 23, "above the footer"
        await pilot.press(*"island", "enter")
        assert app.focused is text
        expected = [m for m in range(len(FERRY)) if FERRY.lower().startswith("island", m)]
        assert [s for s, _ in text.matches] == expected
        assert text.match_index == 0 and text.cursor.start == expected[0]
        await pilot.press("n")
        assert text.match_index == 1 and text.cursor.start == expected[1]
        await pilot.press("N", "N")
        assert text.match_index == len(expected) - 1, "N wraps to the last match"
        assert "match" in str(app.reader.query_one("#text-info").render())


async def test_search_escape_cancels():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "x", "escape")
        assert app.focused is app.reader.text_pane
        assert not app.reader.query_one("#search-bar").display
        assert app.reader.search_query == ""


async def test_search_in_a_list_moves_the_highlight():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "slash", *"nobody", "enter")
        quotes = app.reader.quote_pane.quote_list
        assert quotes.current.text.startswith("Nobody")
        await pilot.press("slash", *"okafor", "enter", "n")
        first = quotes.highlighted
        await pilot.press("n")
        assert quotes.highlighted != first and "Okafor" in quotes.current.speaker


async def test_no_match_says_so():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zebra", "enter")
        await pilot.pause()
        assert app.reader.text_pane.matches == []
        assert any("No match" in str(n.message) for n in app._notifications)


# -- articles ---------------------------------------------------------------------------------


async def test_brackets_move_between_articles():
    app = make_app(three_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.index == 0
        await pilot.press("right_square_bracket")
        assert reader.index == 1 and reader.text_pane.article.title.startswith("Orchard")
        await pilot.press("2")
        assert reader.quote_pane.quote_list.items[0].speaker == "Tom Lindqvist"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.index == 2, "stays on the last article"
        assert reader.quote_pane.quote_list.items == []
        await pilot.press("left_square_bracket")
        assert reader.index == 1


async def test_article_list_on_narrow_screen():
    app = make_app(three_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert not visible(reader.article_list)
        await pilot.press("0")
        await pilot.pause()
        assert visible(reader.article_list) and app.focused is reader.article_list
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert reader.index == 2
        assert not visible(reader.article_list)


# -- help, palette, quit -----------------------------------------------------------------------


async def test_help_screen_lists_the_bindings():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rendered = static_text(app.screen.query_one("#help-table"))
        for words in ("Next article", "article.next", "Same actor/figure", "Speaker", "Quit"):
            assert words in rendered
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keymap_from_config_rebinds_keys():
    config = Config(theme="textual-dark", keymap={"article.next": "ctrl+n", "nonsense.id": "x"})
    app = make_app(three_articles(), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("right_square_bracket")
        assert app.reader.index == 0, "the old key no longer works"
        await pilot.press("ctrl+n")
        assert app.reader.index == 1
        assert any("nonsense.id" in str(n.message) for n in app._notifications)
        await pilot.press("question_mark")
        rendered = static_text(app.screen.query_one("#help-table"))
        assert "^n" in rendered or "ctrl+n" in rendered


async def test_command_palette_runs_actions():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Figures")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.reader.pane == "figures"


def briefing_with_load_problems(errors: int = 2, notes: int = 1) -> Briefing:
    from briefing.model import LoadError

    return Briefing(
        one_article().articles,
        tuple(LoadError(f"gone{i}.txt", f"gone{i}.txt: no such file or folder") for i in range(errors)),
        tuple(LoadError(f"latin{i}.txt", f"latin{i}.txt: not UTF-8; read as cp1252") for i in range(notes)),
    )


async def test_load_errors_and_notes_are_shown_once_at_start():
    app = make_app(briefing_with_load_problems())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        shown = [(n.title, str(n.message), n.severity) for n in app._notifications]
        errors = [s for s in shown if "gone0.txt: no such file" in s[1]]
        notes = [s for s in shown if "latin0.txt: not UTF-8; read as cp1252" in s[1]]
        assert len(errors) == 1 and len(notes) == 1, shown
        assert errors[0][2] == "warning" and "gone1.txt" in errors[0][1] and "2 sources" in errors[0][0]
        assert notes[0][2] == "information" and "1 note" in notes[0][0]
        await pilot.press("right_square_bracket", "j")  # moving around does not repeat them
        await pilot.pause()
        assert len([n for n in app._notifications if "gone0.txt" in str(n.message)]) == 1


async def test_many_load_errors_are_summed_up_at_start():
    app = make_app(briefing_with_load_problems(errors=8, notes=0))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        (message,) = [str(n.message) for n in app._notifications if "gone0.txt" in str(n.message)]
        assert "gone4.txt" in message and "gone5.txt" not in message and "and 3 more" in message


async def test_load_errors_and_notes_are_in_the_help_screen_and_the_palette():
    app = make_app(briefing_with_load_problems(errors=8, notes=2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        report = static_text(app.screen.query_one("#loading-report"))
        for i in range(8):
            assert f"gone{i}.txt: no such file or folder" in report
        for i in range(2):
            assert f"latin{i}.txt: not UTF-8" in report
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+p", *"loading")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "gone7.txt" in static_text(app.screen.query_one("#loading-report"))


async def test_help_screen_has_no_loading_section_when_all_loaded():
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert not list(app._notifications)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("#loading-report")


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- progress and failure ------------------------------------------------------------------------


async def test_lists_show_loading_then_fill_in_per_article():
    gated = GatedAnalyse()
    app = make_app(three_articles(), analyse=gated)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        assert reader.text_pane.article.text.startswith("Harbour"), "the text paints at once"
        quotes = reader.quote_pane.quote_list
        assert quotes.items == [] and "Analysing" in str(quotes.get_option_at_index(0).prompt)
        assert "analysed 0 of 3" in str(reader.query_one("#status").render())
        assert reader.query_one("#progress").display
        gated.release(0)
        while 0 not in reader.analyses:
            await pilot.pause()
        assert len(quotes.items) == 4
        assert "analysed 1 of 3" in str(reader.query_one("#status").render())
        gated.release(1)
        gated.release(2)
        await settle(app, pilot)
        assert set(reader.analyses) == {0, 1, 2}
        assert not reader.query_one("#progress").display


async def test_model_error_shows_a_message_not_a_traceback():
    from briefing.analysis.nlp import ModelError

    gated = GatedAnalyse()
    gated.fail_with = ModelError("no English spaCy model found; install one")
    gated.release(0)
    app = make_app(analyse=gated)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        quotes = app.reader.quote_pane.quote_list
        assert "no English spaCy model found" in str(quotes.get_option_at_index(0).prompt)
        assert "failed" in str(app.reader.query_one("#status").render())
        await pilot.press("2", "3", "4", "1", "l")  # still usable
        assert app.reader.text_pane.article is not None


async def test_unexpected_error_is_reported_in_the_app():
    gated = GatedAnalyse()
    gated.fail_with = RuntimeError("boom")
    gated.release(0)
    app = make_app(analyse=gated)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "internal error: RuntimeError: boom" in str(app.reader.figure_list.get_option_at_index(0).prompt)
    assert app.return_code in (None, 0)


# -- terminals, themes, untrusted text ------------------------------------------------------------


async def test_no_color(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.no_color
        await pilot.press("2", "enter")
        assert app.reader.text_pane.cursor is not None


async def test_theme_choice_is_remembered():
    app = make_app(config=load_config(), remember_theme=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "ansi-light"
        await pilot.pause()
        await pilot.pause()
    assert load_config().theme == "ansi-light"
    again = make_app(config=load_config())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "ansi-light"


async def test_ansi_theme_in_palette():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "ansi-dark" in app.available_themes
        await pilot.press("ctrl+p", *"follow the terminal")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme.startswith("ansi-")


async def test_article_text_is_never_markup():
    text = "Tricky [bold]title[/bold] and [@click=app.quit]x[/]\nShe said \"[red]not markup[/red] at all here\" said [b]Bob[/b]."
    art = Article(id="t1", source="t.txt", title="Tricky [bold]title[/bold] and [@click=app.quit]x[/]", text=text)
    from briefing.model import Actor, ArticleAnalysis, Quote

    s = text.index("[red]")
    e = text.index(" at all here") + len(" at all here")
    bob = Actor("a1", "[b]Bob[/b]", "PERSON", "[i]role[/i]", (), ((text.index("[b]Bob"), text.index("[b]Bob") + 10),), 1)
    analysis = ArticleAnalysis(art, (Quote(s, e, text[s:e], "[b]Bob[/b]", "a1", "said"),), (bob,), ())
    app = make_app(Briefing((art,)), analyse=lambda arts, m: iter([(0, analysis)]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        line = app.reader.text_pane.render_line(0)
        assert "[bold]title[/bold]" in line.text
        assert "[@click=app.quit]x[/]" in line.text
        await pilot.press("2")
        await pilot.pause()
        prompt = app.reader.quote_pane.quote_list.items[0]
        assert prompt.text.startswith("[red]")
        rendered = app.export_screenshot()
        assert "[b]Bob[/b]" in rendered.replace("&#160;", " ")
        assert "[red]not" in rendered.replace("&#160;", " ")
        await pilot.press("ctrl+p", *"title")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
    assert app.return_code in (None, 0)


async def test_two_hundred_articles_stay_responsive():
    from tui_support import FERRY, ORCHARD, article

    arts = tuple(article(FERRY if i % 2 else ORCHARD, f"n/{i}.txt", i) for i in range(200))
    app = make_app(Briefing(arts))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert len(reader.analyses) == 200
        assert reader.article_list.option_count == 200
        assert len(list(reader.article_list.children)) == 0, "options are drawn, not mounted"
        await pilot.press("right_square_bracket")
        assert reader.index == 1
        await pilot.press("0", "G", "enter")
        assert reader.index == 199


@pytest.mark.parametrize("width", [60, 100])
async def test_resizing_keeps_working(width):
    app = make_app()
    async with app.run_test(size=(width, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press("4", "enter")
        await pilot.pause()
        assert app.reader.text_pane.cursor.kind == "figure"
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert app.reader.has_class("-wide")


# -- analyses streaming in: cheap to show, stoppable ------------------------------------------------


def _line_tables(option_list):
    cache = option_list._line_cache
    return list(cache.lines), dict(cache.heights), dict(cache.index_to_line)


async def test_an_arriving_analysis_redraws_only_its_own_row(monkeypatch):
    """Each arrival used to make the article list measure every row again (a Table rendered
    per row): 200 rows for each of 200 arrivals. Now one row is measured, and the line table
    it keeps is the one a full measure would give."""
    from textual.visual import RichVisual

    from tui_support import ORCHARD, article

    # Names long enough that "· 4 quotes · 4 figures" would wrap the line at this width.
    arts = tuple(article(FERRY if i % 2 else ORCHARD, f"news/bbc.co.uk.politics-{i:05d}-report.html", i)
                 for i in range(60))
    gated = GatedAnalyse()
    app = make_app(Briefing(arts), analyse=gated)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        articles = app.reader.article_list
        articles._update_lines()
        before = dict(articles._line_cache.heights)
        size_before = articles.virtual_size
        assert len(before) == 60, "rows measured"
        measured = []
        original = RichVisual.get_height

        def counting(self, *args, **kwargs):
            measured.append(self)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(RichVisual, "get_height", counting)
        gated.release(0)
        while 0 not in app.reader.analyses:
            await pilot.pause()
        await pilot.pause()
        assert 0 < len(measured) <= 2, f"{len(measured)} rows measured for one arrival"
        for i in range(60):
            gated.release(i)
        await settle(app, pilot)
        assert len(app.reader.analyses) == 60
        monkeypatch.setattr(RichVisual, "get_height", original)
        kept = _line_tables(articles)
        # A row keeps its height (its status line changes from "analysing..." to the review
        # progress), so the list's virtual size, a layout-changing reactive, stays as it was.
        assert kept[1] == before, "rows changed height as their analyses arrived"
        assert articles.virtual_size == size_before
        articles._clear_caches()
        articles._update_lines()
        assert _line_tables(articles) == kept, "the patched line table is the one a full measure gives"


async def test_a_row_that_grows_shifts_the_rows_under_it():
    """A note under an article makes its row taller: the rows below move down, and the line
    table patched for that one row is the one a full measure gives."""
    from briefing.storage.review import Mark, Progress as ReviewProgress

    from tui_support import ORCHARD, article

    arts = tuple(article(FERRY if i % 2 else ORCHARD, f"n/{i}.txt", i) for i in range(12))
    app = make_app(Briefing(arts))
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        articles = app.reader.article_list
        articles._update_lines()
        lines, heights, starts = _line_tables(articles)
        size = articles.virtual_size
        articles.set_review(3, ReviewProgress(0, 5, 0), Mark(note="check the ferry cost against the budget"))
        await pilot.pause()
        new_lines, new_heights, new_starts = _line_tables(articles)
        grown = new_heights[3] - heights[3]
        assert grown >= 1, "the note adds a line"
        assert all(new_heights[i] == heights[i] for i in range(12) if i != 3)
        assert all(new_starts[i] == starts[i] + grown for i in range(4, 12)), "rows below moved down"
        assert articles.virtual_size.height == size.height + grown
        kept = _line_tables(articles)
        articles._clear_caches()
        articles._update_lines()
        assert _line_tables(articles) == kept, "the patched line table is the one a full measure gives"


async def test_a_burst_of_arrivals_is_shown_in_one_go():
    from briefing.tui.messages import AnalysisReady
    from tui_support import fake_analysis

    arts = tuple(FERRY_ARTICLE(i) for i in range(30))
    app = make_app(Briefing(arts), analyse=lambda articles, m: iter(()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        batches: list[int] = []
        add = app.reader.add_analyses
        app.reader.add_analyses = lambda arrived: (batches.append(len(arrived)), add(arrived))
        for i, art in enumerate(arts):
            app.post_message(AnalysisReady(i, fake_analysis(art), i + 1, len(arts)))
        while len(app.reader.analyses) < len(arts):
            await pilot.pause()
        assert sum(batches) == len(arts) and len(batches) <= 2, batches
        assert app.reader.done == len(arts)


def FERRY_ARTICLE(i: int):
    from tui_support import article

    return article(FERRY, f"n/{i}.txt", i)


async def test_quitting_tells_the_analysis_to_stop():
    import threading
    import time

    started, stopped, closed = threading.Event(), threading.Event(), threading.Event()

    def analyse(articles, model_name, cancelled):
        from tui_support import fake_analysis

        try:
            yield 0, fake_analysis(articles[0])
            started.set()
            while not cancelled():
                time.sleep(0.01)
            stopped.set()
        finally:
            closed.set()

    app = make_app(three_articles(), analyse=analyse)
    async with app.run_test(size=SIZE) as pilot:
        while 0 not in app.reader.analyses:
            await pilot.pause()
        assert started.wait(10)
        await pilot.press("q")
    assert stopped.wait(10), "the analysis was never told the app had quit"
    assert closed.wait(10)


def _footer_shows(app) -> list[tuple[str, str]]:
    from textual.widgets._footer import FooterKey

    footer = app.reader.query_one("ReaderFooter")
    return [(k.key_display, k.description) for k in footer.children
            if isinstance(k, FooterKey) and k.display and not k.has_class("-command-palette")]


def _footer_expected(app) -> list[tuple[str, str]]:
    from briefing.tui.widgets.footer import label

    rows: dict[str, tuple[str, str]] = {}
    for _node, binding, _enabled, _tip in app.screen.active_bindings.values():
        if binding.show:
            rows.setdefault(binding.action, (app.get_key_display(binding), label(binding)))
    return list(rows.values())


async def test_the_footer_follows_the_focus_and_reuses_its_keys():
    """The footer rewrites its key widgets in place (Textual's rebuilds them all on every
    focus move); what it shows is what the focused pane's bindings say."""
    from textual.widgets._footer import FooterKey

    app = make_app(three_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for key in "2141321434":
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert _footer_shows(app) == _footer_expected(app), key
        shown_keys = {d for _k, d in _footer_shows(app)}
        assert {"Quit", "Help", "Prev", "Next"} <= shown_keys
        before = {id(k) for k in app.reader.query(FooterKey)}
        for key in "21212":
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
        assert {id(k) for k in app.reader.query(FooterKey)} == before, "no key widget made anew"
        assert _footer_shows(app) == _footer_expected(app)


async def test_the_first_frame_shows_the_text_before_the_pane_hears_its_size():
    """Textual draws the first frame before the text pane's Resize event is handled: the pane
    wraps for the width it is drawn at, instead of painting blank for a frame or two."""
    app = make_app(one_article())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.reader.text_pane
        pane._lines, pane._starts, pane._wrap_width = [], [], 0  # as before its Resize event
        pane._line_cache.clear()
        first = pane.render_line(0).text
        assert first.strip() and first.strip() in pane.article.text
        assert pane._wrap_width == pane.scrollable_content_region.width
