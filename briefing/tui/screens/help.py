"""The ``?`` help screen: what went wrong loading (if anything), then every key, generated
from the bindings (with the user's keymap applied)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui import keys


def binding_rows(app: App, group: list[Binding]) -> list[tuple[str, str, str]]:
    """(keys, description, binding id) for each binding of ``group``, as currently bound."""
    bindings = BindingsMap(group)
    keymap = getattr(app, "_keymap", {})
    if keymap:
        bindings.apply_keymap(keymap)
    rows: dict[str, tuple[list[str], str]] = {}
    for _key, binding in bindings:
        ident = binding.id or binding.action
        shown, _ = rows.setdefault(ident, ([], binding.description))
        display = app.get_key_display(binding)
        if display not in shown:
            shown.append(display)
    return [(" ".join(shown), description, ident) for ident, (shown, description) in rows.items()]


def help_table(app: App) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    table.add_column(style="dim", no_wrap=True)
    for title, group in keys.GROUPS:
        table.add_row(Text(title, style="bold underline"), Text(""), Text("binding id", style="dim italic"))
        for shown, description, ident in binding_rows(app, group):
            table.add_row(Text(shown), Text(description), Text(ident))
        table.add_row(Text(""), Text(""), Text(""))
    palette = app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "command_palette", ""))
    table.add_row(Text(palette), Text("Command palette: every action, themes, articles"), Text(""))
    return table


def _section(heading: str, lines) -> Text:
    """A bold heading with its count, then one line per entry (whitespace folded), as plain text."""
    lines = [" ".join(str(line).split()) for line in lines]
    out = Text(f"{heading} ({len(lines)})", style="bold underline")
    for line in lines:
        out.append("\n")
        out.append(line)
    out.append("\n")
    return out


def loading_report(briefing) -> Text | None:
    """Every source that failed to load and every note on one that did, or None if none.

    Messages hold file names: plain text, never markup."""
    sections = [_section(heading, [p.message.strip() or p.source for p in problems])
                for heading, problems in (("Could not load", getattr(briefing, "errors", ())),
                                          ("Loaded with a note", getattr(briefing, "notes", ())))
                if problems]
    return Text("\n").join(sections) if sections else None


def config_report(problems) -> Text | None:
    """What was wrong in the config file (an unknown theme, a keymap clash...), or None."""
    problems = list(problems)
    return _section("Config file", problems) if problems else None


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works. Rebind keys in the config's [keymap] table."""

    # The "Moving" keys the help lists scroll it (under their ids, so a rebinding in the
    # keymap applies here too); ? and q close it, as rebound.
    BINDINGS = [
        Binding("escape", "dismiss_help", "Close help"),
        Binding("question_mark", "dismiss_help", "Close help", id="help", show=False),
        Binding("q", "dismiss_help", "Close help", id="quit", show=False),
        *keys.MOVE,
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100%; max-width: 100; height: 100%;
        border: round $border; padding: 0 1; background: $surface;
    }
    HelpScreen #help-title { text-style: bold; }
    HelpScreen #loading-report, HelpScreen #config-report { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            report = loading_report(getattr(self.app, "briefing", None))
            if report is not None:
                yield Static(Text("Loading (escape closes)", style="bold"), id="loading-title")
                yield Static(report, id="loading-report")
            config = config_report(getattr(self.app, "config_problems", ()))
            if config is not None:
                yield Static(config, id="config-report")
            yield Static(Text("Keys (escape closes)", style="bold"), id="help-title")
            yield Static(help_table(self.app), id="help-table")
            from briefing.config import config_path

            note = Text("Rebind a key in ", style="dim")
            note.append(str(config_path()))
            note.append(': [keymap] "binding id" = "key"', style="dim")
            yield Static(note, id="help-note")

    def on_mount(self) -> None:
        """No notifications over the keys: without a toast rack the help shows none, and they
        come back on the reader (until they time out); the start-up ones are listed here."""
        from textual.widgets._toast import ToastRack

        for rack in self.query_children(ToastRack):
            rack.remove()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_cursor_down(self) -> None:
        self.body.scroll_down(animate=False)

    def action_cursor_up(self) -> None:
        self.body.scroll_up(animate=False)

    def action_first(self) -> None:
        self.body.scroll_home(animate=False)

    def action_last(self) -> None:
        self.body.scroll_end(animate=False)

    def action_page_down(self) -> None:
        self.body.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.body.scroll_page_up(animate=False)
