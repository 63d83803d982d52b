"""The command palette (ctrl+p): every reader action, the articles, the speakers, the themes.

Names shown here can come from article text (titles, speaker names, file names), so every
prompt and every help line is a ``Content`` built from plain strings: the palette parses a
plain ``str`` as markup, so nothing is handed to it as one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from briefing.tui import keys

ANSI_THEMES = ("ansi-dark", "ansi-light")


def _highlight(matcher, candidate: str) -> Content:
    """Like ``Matcher.highlight`` but never reading the candidate as markup."""
    content = Content(candidate)
    try:
        score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    except Exception:  # noqa: BLE001 - highlighting is cosmetic
        return content
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
    return content


def _literal(text: str) -> Content:
    """``text`` as it is: the palette reads a ``str`` help line as markup, a ``Content`` as is."""
    return Content(text)


class ReaderCommands(Provider):
    """Commands for the reader screen."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str, bool]]:
        """(name, callback, help, discoverable)."""
        from briefing.tui.screens.reader import ReaderScreen

        app = self.app
        reader = next((s for s in app.screen_stack if isinstance(s, ReaderScreen)), None)
        if reader is None:
            return []
        out: list[tuple[str, Callable[[], object], str, bool]] = []
        seen: set[str] = set()

        def key_of(binding) -> str:
            return app.get_key_display(binding.with_key(binding.key.split(",")[0]))

        def add_group(group, target_of: Callable[[], object], prefix: str) -> None:
            for binding in group:
                name = f"{prefix}{binding.description}"
                if name in seen:
                    continue
                seen.add(name)
                out.append((name, partial(_run_on, target_of, binding.action), f"key: {key_of(binding)}", True))

        add_group(keys.READER, lambda: reader, "")
        add_group(keys.REVIEW, lambda: reader, "Review: ")
        add_group(keys.TEXT, lambda: reader.text_pane, "Text: ")
        add_group(keys.QUOTES, lambda: reader.quote_pane.quote_list, "Quotes: ")
        add_group(keys.MOVE, lambda: reader.pane_widget(reader.pane), "Move: ")
        for theme in ANSI_THEMES:
            label = "dark" if theme.endswith("dark") else "light"
            out.append((f"Theme: follow the terminal's colours ({label})", partial(setattr, app, "theme", theme),
                        f"theme {theme}, remembered", True))
        briefing = reader.briefing
        if briefing.errors or briefing.notes:
            said = ", ".join(part for part in (
                f"{len(briefing.errors)} could not load" if briefing.errors else "",
                f"{len(briefing.notes)} with a note" if briefing.notes else "") if part)
            out.append(("Loading problems and notes", partial(_show_help, app), f"sources: {said}", True))
        analysis = reader.analyses.get(reader.index)
        if analysis is not None:
            quotes = reader.quote_pane.quote_list
            for actor_id in quotes.speakers:
                actor = analysis.actor(actor_id)
                if actor is not None:
                    out.append((f"Quotes by {actor.name}", partial(_filter_quotes, reader, actor_id),
                                "show only this speaker's quotes", False))
        for index, article in enumerate(reader.articles):
            title = " ".join(article.title.split())[:80]
            out.append((f"Article {index + 1}: {title}", partial(reader.show_article, index), article.source,
                        len(reader.articles) <= 20))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text, discoverable in self._commands():
            if discoverable:
                yield DiscoveryHit(Content(name), callback, text=name, help=_literal(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text, _ in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=_literal(help_text))


async def _run_on(target_of: Callable[[], object], action: str) -> None:
    target = target_of()
    await target.run_action(action)  # type: ignore[attr-defined]


def _show_help(app) -> None:
    from briefing.tui.screens.help import HelpScreen

    app.push_screen(HelpScreen())


def _filter_quotes(reader, actor_id: str) -> None:
    reader.action_show_pane("quotes")
    reader.quote_pane.quote_list.set_speaker(actor_id)
