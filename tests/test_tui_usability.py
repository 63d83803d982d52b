"""Pilot tests for what a new user's trial of the reader ran into (fake analysis, no spaCy):
readable text under NO_COLOR and on 16-colour consoles whatever theme is remembered, every key
the help lists working there, keymap clashes, the core's actor order, pane sizes, toasts and
the export path."""

from __future__ import annotations

import io

import pytest
from rich.color import Color, ColorSystem
from rich.console import Console

from briefing.config import Config, load_config
from briefing.tui.screens.help import HelpScreen
from tui_support import make_app, one_article, static_text

SIZE = (80, 24)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


# -- colours ----------------------------------------------------------------------------------------


def screen_segments(app):
    """The segments of the whole screen as the terminal would get them (line filters applied)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", legacy_windows=False)
    return [s for s in console.render(update) if s.text.strip() and s.style is not None and not s.control]


def luminance(color: Color) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: Color, bg: Color) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def faint_text(app, minimum: float = 3.0) -> list[str]:
    """Text drawn in a colour too close to its own background (both set by the app)."""
    faint = []
    for seg in screen_segments(app):
        fg, bg = seg.style.color, seg.style.bgcolor
        if fg is None or bg is None or fg.is_default or bg.is_default:
            continue
        if seg.style.reverse:
            fg, bg = bg, fg
        if contrast(fg, bg) < minimum:
            faint.append(seg.text.strip())
    return faint


@pytest.mark.parametrize("theme", ["nord", "textual-light", "gruvbox", ""])
async def test_no_color_text_is_readable_whatever_theme_is_remembered(monkeypatch, theme):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(config=Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.no_color
        for keys in ((), ("l",), ("2",), ("3",), ("4",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert faint_text(app) == [], (keys, app.theme)
        # highlights are still told apart without colour
        app.reader.action_show_pane("text")
        await pilot.pause()
        styles = {(s.style.bold, s.style.italic, s.style.underline) for s in screen_segments(app)
                  if s.text.strip() in ("Maria Okafor", "42 million pounds")}
        assert (True, None, None) in styles or any(b for b, _i, _u in styles)


async def test_no_color_keeps_the_remembered_theme_in_the_config(monkeypatch):
    from briefing.config import save_setting

    save_setting("theme", "nord")
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(config=load_config(), remember_theme=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "ansi-dark"
    assert load_config().theme == "nord"


async def test_no_color_theme_changed_in_the_session_stays_readable(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(config=Config(theme=""))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
        await pilot.pause()
        assert faint_text(app) == []


def row_looks(app, words: str) -> set[tuple]:
    """How the segments holding ``words`` look on a 16-colour console: (bg, reverse, bold, underline)."""
    looks = set()
    for seg in screen_segments(app):
        if words in seg.text:
            bg = seg.style.bgcolor
            bg = bg.downgrade(ColorSystem.STANDARD).number if bg is not None and not bg.is_default else None
            looks.add((bg, bool(seg.style.reverse), bool(seg.style.bold), bool(seg.style.underline)))
    return looks


@pytest.mark.parametrize(("theme", "expected"), [("nord", "ansi-dark"), ("textual-light", "ansi-light"),
                                                 ("ansi-light", "ansi-light")])
async def test_sixteen_colours_use_the_ansi_theme_of_the_remembered_darkness(theme, expected):
    """TERM=linux: an RGB theme's backgrounds all fall on one of 16 colours, so the list
    highlight vanished; the ANSI theme of the same darkness keeps it."""
    app = make_app(config=Config(theme=theme), color_system="standard")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.console.color_system == "standard"
        assert app.theme == expected
        await pilot.press("3")
        await pilot.pause()
        # the highlighted actor's row (first) looks different from the next one
        highlighted, other = row_looks(app, "3 mentions \u00b7 2 quotes"), row_looks(app, "3 mentions \u00b7 1 quote")
        assert highlighted and other
        assert highlighted != other


# -- the help screen ------------------------------------------------------------------------------


async def test_every_moving_key_the_help_lists_scrolls_the_help():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        await pilot.pause()
        assert body.max_scroll_y > body.size.height, "the help is longer than two screens at 80x24"
        steps = [("G", body.max_scroll_y), ("g", 0), ("j", 1), ("j", 2), ("k", 1), ("end", body.max_scroll_y),
                 ("home", 0)]
        for key, where in steps:
            await pilot.press(key)
            await pilot.pause()
            assert body.scroll_y == where, key
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y >= body.size.height - 1
        await pilot.press("pageup")
        await pilot.pause()
        assert body.scroll_y == 0
        assert isinstance(app.screen, HelpScreen), "no key closed it"
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_the_help_follows_the_keymap():
    config = Config(theme="textual-dark", keymap={"cursor.bottom": "b", "help": "f1"})
    app = make_app(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        await pilot.press("b")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y > 0
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)


# -- keymap clashes ---------------------------------------------------------------------------------


def footer_keys(app) -> list[tuple[str, str]]:
    from textual.widgets._footer import FooterKey

    footer = app.reader.query_one("ReaderFooter")
    return [(k.key_display, k.description) for k in footer.children
            if isinstance(k, FooterKey) and k.display and not k.has_class("-command-palette")]


async def test_a_keymap_clash_is_refused_with_a_warning_and_the_default_kept():
    config = Config(theme="textual-dark", keymap={"quit": "j"})
    app = make_app(config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        warnings = [str(n.message) for n in app._notifications if n.severity == "warning"]
        assert any("'j'" in w and "quit" in w and "cursor.down" in w for w in warnings), warnings
        assert ("q", "Quit") in footer_keys(app)
        text = app.reader.text_pane
        await pilot.press("j")
        await pilot.pause()
        assert app.is_running
        assert text.scroll_y == 1
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_clashing_key_is_dropped_and_the_others_kept():
    config = Config(theme="textual-dark", keymap={"quit": "j,ctrl+q"})
    app = make_app(config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert any("'j'" in str(n.message) for n in app._notifications)
        await pilot.press("j")
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")  # rebound away from q on purpose
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


def test_keymap_check_refuses_textual_own_keys_but_allows_quit_on_ctrl_q():
    from briefing.tui.keys import check_keymap

    good, problems = check_keymap({"export": "ctrl+p,x"})
    assert good == {"export": "x"}
    assert len(problems) == 1 and "'ctrl+p' already opens the command palette" in problems[0]
    good, problems = check_keymap({"review.flag": "ctrl+c"})
    assert good == {"review.flag": "f"} and "ctrl+c" in problems[0]  # the default kept
    good, problems = check_keymap({"quit": "ctrl+q"})
    assert problems == [] and good == {"quit": "ctrl+q"}


def test_keymap_check_allows_swaps_and_keys_used_in_other_panes():
    from briefing.tui.keys import check_keymap

    good, problems = check_keymap({"search.next": "j", "cursor.down": "n"})
    assert problems == [] and good == {"search.next": "j", "cursor.down": "n"}
    # s picks a speaker in the quotes list; the text pane's cursor may use it
    good, problems = check_keymap({"text.next_item": "s"})
    assert problems == [] and good == {"text.next_item": "s"}
    # "?" and "question_mark" are one key
    good, problems = check_keymap({"search": "?"})
    assert good["search"] == "slash" and len(problems) == 1 and "'?'" in problems[0]
    # two rebindings asking for one key: the first gets it
    good, problems = check_keymap({"export": "x", "review.flag": "x"})
    assert good["export"] == "x" and good["review.flag"] == "f" and len(problems) == 1


def test_the_key_contexts_match_the_widgets_bindings():
    """Every widget's bindings, with the screen's, fall in one of ``keys.CONTEXTS``: the clash
    check knows which bindings are live together."""
    from briefing.tui import keys
    from briefing.tui.screens.reader import ReaderScreen
    from briefing.tui.widgets.actor_list import ActorDetail, ActorList
    from briefing.tui.widgets.article_list import ArticleList
    from briefing.tui.widgets.figure_list import FigureList
    from briefing.tui.widgets.quote_list import QuoteList
    from briefing.tui.widgets.text_pane import TextPane

    group_of = {b.id: title for title, group in keys.GROUPS for b in group if b.id}

    def groups(cls) -> set[str]:
        return {group_of[b.id] for _key, b in cls._merge_bindings() if b.id}

    screen = groups(ReaderScreen)
    assert screen == {"Anywhere", "Review"}
    for widget in (TextPane, ArticleList, QuoteList, ActorList, ActorDetail, FigureList):
        live = screen | groups(widget)
        assert any(live <= set(context) for context in keys.CONTEXTS), widget.__name__


# -- the core's actor order ------------------------------------------------------------------------


def reordered(analysis, order):
    """The same analysis with its actors in another order (as the core might give them)."""
    from dataclasses import replace

    by_name = {a.name: a for a in analysis.actors}
    return replace(analysis, actors=tuple(by_name[name] for name in order))


async def test_actors_and_speakers_keep_the_cores_order():
    """The reader shows actors in the order the analysis gives them (the core's salience,
    which `briefing analyze` prints), never re-sorted by a rule of its own."""
    from tui_support import fake_analysis

    order = ["Harbour Council", "Daniel Reyes", "Island Residents' Association", "Maria Okafor"]

    def analyse(articles, model_name):
        for i, art in enumerate(articles):
            yield i, reordered(fake_analysis(art), order)

    app = make_app(analyse=analyse)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        actors = app.reader.actor_pane.actor_list
        assert [a.name for a in actors.items] == order
        assert actors.current.name == order[0]
        await pilot.press("2")
        quotes = app.reader.quote_pane.quote_list
        names = {a.id: a.name for a in actors.items}
        assert [names[i] for i in quotes.speakers] == ["Daniel Reyes", "Island Residents' Association", "Maria Okafor"]
        await pilot.press("s")
        assert names[quotes.speaker] == "Daniel Reyes"


# -- pane sizes --------------------------------------------------------------------------------------


async def test_the_actor_list_has_most_of_the_height_until_the_detail_is_entered():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        pane = app.reader.actor_pane
        actors, detail = pane.actor_list, pane.detail
        assert actors.size.height >= 2 * detail.size.height, (actors.size, detail.size)
        assert actors.size.height // 2 >= 6, "six or more two-line actor rows at 80x24"
        assert detail.size.height >= 3, "the detail still shows a few lines"
        await pilot.press("enter")
        await pilot.pause()
        assert detail.has_focus
        assert detail.size.height > actors.size.height
        await pilot.press("escape")
        await pilot.pause()
        assert actors.has_focus
        assert actors.size.height >= 2 * detail.size.height


async def test_the_article_list_grows_with_a_wide_terminal():
    from tui_support import three_articles

    widths = {}
    for columns in (120, 160, 220):
        app = make_app(three_articles())
        async with app.run_test(size=(columns, 40)) as pilot:
            await settle(app, pilot)
            articles = app.reader.article_list
            assert articles.display
            widths[columns] = articles.outer_size.width
            text = app.reader.text_pane
            assert text.size.width >= 40, "the text keeps a readable width"
    assert widths[120] >= 32
    assert widths[160] >= 44 > widths[120]
    assert widths[220] > widths[160]


# -- notifications ------------------------------------------------------------------------------------


def on_screen(app) -> str:
    """Every character on the terminal, as drawn (the screens under a modal one included)."""
    return "".join(seg.text for seg in screen_segments(app))


async def test_notifications_do_not_cover_the_help():
    from briefing.model import Briefing, LoadError

    briefing = one_article()
    briefing = Briefing(briefing.articles, errors=(LoadError("bad.pdf", "bad.pdf: not a text file"),))
    config = Config(theme="textual-dark", keymap={"nonsense.id": "x"})
    app = make_app(briefing, config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        assert "lists them again" in on_screen(app), "the start-up warnings show on the reader"
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        drawn = on_screen(app)
        assert "Keys" in drawn and "lists them again" not in drawn
        # what the hidden warnings said is in the help itself
        assert "nonsense.id" in static_text(app.screen.query_one("#config-report"))
        assert "not a text file" in static_text(app.screen.query_one("#loading-report"))
        app.notify("while the help is open", markup=False)
        await pilot.pause()
        await pilot.pause()
        assert "while the help is open" not in on_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert "lists them again" in on_screen(app), "still there (until they time out) once the help closes"


async def test_the_help_has_no_config_section_when_the_config_is_fine():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert not app.screen.query("#config-report")


# -- export ----------------------------------------------------------------------------------------------


async def test_the_export_notification_gives_the_full_path(tmp_path, monkeypatch):
    """A relative export_dir is taken from the current folder, and the notification says
    where exactly the file went."""
    from briefing.storage.review import ReviewStore

    (tmp_path / "exports").mkdir()
    monkeypatch.chdir(tmp_path)
    app = make_app(config=Config(theme="textual-dark", export_dir="exports"), review=ReviewStore.memory())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        written = list((tmp_path / "exports").glob("briefing-*.md"))
        assert len(written) == 1
        said = [str(n.message) for n in app._notifications if n.title == "Exported"]
        assert said and str(written[0].resolve()) in said[0].replace("\n", "")


async def test_the_actor_stays_in_view_when_its_detail_takes_the_height():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3", "j", "j", "j")
        actors = app.reader.actor_pane.actor_list
        assert actors.highlighted == 3
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.reader.actor_pane.detail.has_focus
        height = actors.scrollable_content_region.height
        top = int(actors.scroll_y)
        row = actors._line_cache.index_to_line[3]
        assert top <= row and row + 2 <= top + height, (top, row, height)
