"""Rich/Textual markup inside article text is shown literally, everywhere, and never raises.

The reader runs on hand-built analyses (no spaCy) whose every string carries markup: the
title, the text, a quote, an actor's name and role, a figure and what it counts, a source that
failed to load. Each pane, the article list, the notifications, the export and the JSON must
show those strings character for character (a ``[link=...]`` that became a link, a ``[bold]``
that became bold or a ``[@click=...]`` that became an action would lose its brackets).
"""

from __future__ import annotations

import ast
import html
import json
import re
from pathlib import Path

import pytest

from briefing.export import copy_text, render
from briefing.config import Config
from briefing.model import Actor, Article, ArticleAnalysis, Briefing, Figure, LoadError, Quote
from briefing.serialize import document, dump_document
from tui_support import make_app

SIZE = (120, 40)

TITLE = "[bold]B0LD[/bold] budget [link=http://evil.example]L1NK[/link]"
SAID = "[@click=app.quit]CL1CK[/] and $var and [/] stray"
NAME = "[b]Ad4[/b] Moss"
ROLE = "[i]mayor[/i] of $town"
WHAT = "[red]rise[/red] in [/]fares"
TEXT = (f"{TITLE}\n\n{NAME}, {ROLE}, said \"{SAID}\" on Monday.\n"
        f"Fares went up 15 percent, a {WHAT} [link=http://evil.example]click[/link].\n")
PIECES = (TITLE, SAID, NAME, ROLE, WHAT)


def hostile_analysis(index: int = 0) -> ArticleAnalysis:
    art = Article(id=f"m{index}", source=f"news/[b]{index}[/b].txt", title=TITLE, text=TEXT)
    q_at = TEXT.index(SAID)
    n_at = TEXT.index(NAME)
    f_at = TEXT.index("15 percent")
    actor = Actor("a1", NAME, "PERSON", ROLE, (NAME,), ((n_at, n_at + len(NAME)),), 1)
    quote = Quote(q_at, q_at + len(SAID), SAID, NAME, "a1", "said")
    sentence = (TEXT.index("Fares"), TEXT.index("[link=http://evil.example]click") - 1)
    figure = Figure(f_at, f_at + len("15 percent"), "15 percent", 15, "percent", "rise", WHAT, sentence)
    return ArticleAnalysis(art, (quote,), (actor,), (figure,), "fake 1.0")


def analyse_hostile(articles, model_name):
    for i, _art in enumerate(articles):
        yield i, hostile_analysis(i)


def hostile_briefing(n: int = 1, errors: tuple[LoadError, ...] = ()) -> Briefing:
    return Briefing(tuple(hostile_analysis(i).article for i in range(n)), errors)


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


_SVG_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.DOTALL)


def screen_text(app) -> str:
    """What the screen shows, one row per line (read back from the SVG screenshot)."""
    rows: dict[int, list[str]] = {}
    for line, content in _SVG_TEXT.findall(app.export_screenshot()):
        rows.setdefault(int(line), []).append(html.unescape(content).replace("\xa0", " "))
    return "\n".join("".join(rows[n]) for n in sorted(rows))


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_literal(shown: str, *pieces: str) -> None:
    compact = flat(shown)
    for piece in pieces:
        assert flat(piece) in compact, f"{piece!r} not shown literally"


async def test_every_pane_shows_markup_literally():
    app = make_app(hostile_briefing(), analyse=analyse_hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1")
        await pilot.pause()
        assert_literal(screen_text(app), TITLE, SAID, NAME, "[link=http://evil.example]click[/link]")
        await pilot.press("2")
        await pilot.pause()
        assert_literal(screen_text(app), SAID, NAME)
        await pilot.press("3")
        await pilot.pause()
        assert_literal(screen_text(app), NAME, ROLE)
        await pilot.press("enter")  # the actor's detail: quotes and mentions
        await pilot.pause()
        assert_literal(screen_text(app), NAME)
        await pilot.press("escape", "4")
        await pilot.pause()
        assert_literal(screen_text(app), WHAT)
        await pilot.press("enter")  # jump into the text at the figure
        await pilot.pause()
    assert app.return_code in (None, 0), "a [@click=app.quit] in the text must not quit the app"


async def test_article_list_titles_and_sources_are_literal():
    app = make_app(hostile_briefing(3), analyse=analyse_hostile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("0")
        await pilot.pause()
        shown = screen_text(app)
        rows = [row for row in shown.splitlines() if "B0LD" in row]
        assert len(rows) >= 3, shown
        for row in rows:  # titles are cut to fit, but never lose their brackets
            assert row.count("B0LD") == row.count("[bold]B0LD[/bold]"), row
        assert any("[link=http://evil.example]L1NK[/link]" in row for row in shown.splitlines()), shown
        await pilot.press("right_square_bracket")
        await pilot.pause()
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("name", ["[/bold].txt", "[red]r3d[/red].txt", "[@click=app.quit]x[/].txt"])
async def test_load_errors_with_markup_in_their_names_are_shown_literally(name):
    errors = (LoadError(name, f"{name}: no such file or folder"),)
    app = make_app(hostile_briefing(1, errors), analyse=analyse_hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        assert_literal(screen_text(app), f"{name}: no such file")
    assert app.return_code in (None, 0)


async def test_load_error_notification_is_shown():
    """The same path as above with a plain name: the notification is on screen (so the test
    above fails for the markup, not because toasts are not drawn in tests)."""
    errors = (LoadError("plain.txt", "plain.txt: no such file or folder"),)
    app = make_app(hostile_briefing(1, errors), analyse=analyse_hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        assert_literal(screen_text(app), "plain.txt: no such file")


async def test_copying_a_quote_with_markup_shows_it_literally():
    copied: list[str] = []
    app = make_app(hostile_briefing(), analyse=analyse_hostile)
    app.copy_to_clipboard = copied.append  # no OSC 52 to a test terminal
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "y")
        await pilot.pause()
        assert copied and SAID in copied[0]
        assert_literal(screen_text(app), SAID)
    assert app.return_code in (None, 0)


HOSTILE_NAME = "[/bold]x[link=http://e]"


async def test_command_palette_search_shows_titles_and_sources_literally():
    """The palette parses a plain-string prompt or help line as markup: a title or a file name
    holding '[/bold]' would raise there (inside the palette's worker) and '[link=..]' would
    become a link."""
    from textual.command import CommandPalette

    arts = tuple(Article(id=f"p{i}", source=f"news/{HOSTILE_NAME}{i}.txt", title=f"Budget {HOSTILE_NAME} {i}",
                         text=f"Budget {HOSTILE_NAME} {i}\n\nSome text.\n") for i in range(3))
    app = make_app(Briefing(arts), analyse=lambda articles, m: iter(()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"budget")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        shown = screen_text(app)
        assert f"Budget {HOSTILE_NAME} 0" in shown, shown
        assert f"news/{HOSTILE_NAME}0.txt" in shown, shown
        await pilot.press("enter")  # runs the first hit: opens that article
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
    assert app.return_code in (None, 0)


async def test_export_notification_with_markup_in_the_folder_name_is_literal(tmp_path):
    # A '/' cannot be in one folder name: nest folders so the path reads '.../[/bold]x[link=http:/e]'.
    hostile = "[/bold]x[link=http:/e]"
    folder = Path(f"{tmp_path}/{hostile}")
    folder.mkdir(parents=True)
    app = make_app(hostile_briefing(), analyse=analyse_hostile,
                   config=Config(theme="textual-dark", export_dir=str(folder)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        written = list(folder.glob("briefing-*.md"))
        assert len(written) == 1
        messages = [str(n.message) for n in app._notifications]
        assert any(str(written[0]) in m for m in messages), messages
        assert hostile in flat(screen_text(app)).replace(" ", "")
    assert app.return_code in (None, 0)


def _notify_calls_without_markup_false() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "briefing" / "tui"
    bad = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "notify":
                markup = next((k.value for k in node.keywords if k.arg == "markup"), None)
                if not (isinstance(markup, ast.Constant) and markup.value is False):
                    bad.append(f"{path.name}:{node.lineno}")
    return bad


def test_every_notification_in_the_reader_is_literal():
    """Notifications carry file names, titles, quotes and error texts: none may be read as markup."""
    assert _notify_calls_without_markup_false() == []


def test_export_and_json_keep_markup_as_text():
    an = hostile_analysis()
    markdown = render([an], "fake 1.0", "markdown", {})
    # Markdown escapes its own specials with backslashes; unescaped, every piece is there as is.
    plain = flat(markdown.replace("\\", ""))
    for piece in PIECES:
        assert flat(piece) in plain, piece
    exported = json.loads(render([an], "fake 1.0", "json", {}))
    blob = json.dumps(exported, ensure_ascii=False)
    for piece in PIECES:
        assert json.dumps(piece, ensure_ascii=False)[1:-1] in blob, piece
    text, _said = copy_text(an, an.quotes[0])
    assert SAID in text

    import io

    out = io.StringIO()
    dump_document([an], out)
    assert json.loads(out.getvalue()) == document([an], "fake 1.0")
    assert json.loads(out.getvalue())["articles"][0]["quotes"][0]["text"] == SAID


@pytest.mark.parametrize("piece", PIECES)
def test_text_report_keeps_markup(piece):
    from briefing.report import text_report

    assert flat(piece) in flat(text_report([hostile_analysis()]))
