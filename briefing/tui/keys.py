"""Every key binding of the reader, with the ids users rebind in the config file.

The config's ``[keymap]`` table maps a binding id to one key or a comma-separated list::

    [keymap]
    "article.next" = "right_square_bracket,ctrl+n"
    quit = "ctrl+q"

The help screen and the command palette are generated from these lists.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding

# Anywhere in the reader (the reader screen's bindings).
READER = [
    Binding("1", "show_pane('text')", "Text", id="pane.text", show=False),
    Binding("2", "show_pane('quotes')", "Quotes", id="pane.quotes", show=False),
    Binding("3", "show_pane('actors')", "Actors", id="pane.actors", show=False),
    Binding("4", "show_pane('figures')", "Figures", id="pane.figures", show=False),
    Binding("tab", "next_pane", "Next pane", id="pane.next", show=False),
    Binding("shift+tab", "previous_pane", "Previous pane", id="pane.previous", show=False),
    Binding("left_square_bracket", "previous_article", "Prev article", id="article.previous"),
    Binding("right_square_bracket", "next_article", "Next article", id="article.next"),
    Binding("0", "articles", "Article list", id="articles", show=False),
    Binding("slash", "search", "Search", id="search"),
    Binding("n", "search_next", "Next match", id="search.next", show=False),
    Binding("N", "search_previous", "Prev match", id="search.previous", show=False),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("q", "quit", "Quit", id="quit"),
]

# Moving in any pane.
MOVE = [
    Binding("j,down", "cursor_down", "Down", id="cursor.down", show=False),
    Binding("k,up", "cursor_up", "Up", id="cursor.up", show=False),
    Binding("g,home", "first", "Top", id="cursor.top", show=False),
    Binding("G,end", "last", "Bottom", id="cursor.bottom", show=False),
    Binding("pagedown", "page_down", "Page down", id="cursor.page_down", show=False),
    Binding("pageup", "page_up", "Page up", id="cursor.page_up", show=False),
]

# The text pane: its cursor moves between highlighted things (quotes, names, figures).
TEXT = [
    Binding("l,right", "next_item", "Next highlight", id="text.next_item", show=False),
    Binding("h,left", "previous_item", "Prev highlight", id="text.previous_item", show=False),
    Binding("c", "cycle", "Same actor/figure", id="text.cycle", show=False),
    Binding("enter", "open", "Show in list", id="text.open", show=False),
]

# The lists (quotes, actors, figures, articles).
LISTS = [
    Binding("enter", "select", "Go to text", id="list.open"),
]

ARTICLES = [
    Binding("enter", "select", "Open article", id="articles.open"),
]

QUOTES = [
    Binding("s", "next_speaker", "Speaker", id="quotes.speaker"),
    Binding("S", "all_speakers", "All speakers", id="quotes.all", show=False),
]

# Reviewing: on the highlighted item of any list (or the highlight under the text cursor).
REVIEW = [
    Binding("space", "toggle_reviewed", "Toggle reviewed", id="review.reviewed", show=False),
    Binding("f", "toggle_flag", "Toggle flag", id="review.flag", show=False),
    Binding("a", "edit_note", "Add or edit note", id="review.note", show=False),
    Binding("y", "copy_item", "Copy item to clipboard", id="review.copy", show=False),
    Binding("e", "export", "Export Markdown summary", id="export", show=False),
]

ACTOR_DETAIL = [
    Binding("escape", "back", "Back to actors", id="actors.back"),
]

GROUPS: list[tuple[str, list[Binding]]] = [
    ("Anywhere", READER),
    ("Moving", MOVE),
    ("Text pane", TEXT),
    ("Lists", LISTS),
    ("Article list", ARTICLES),
    ("Review", REVIEW),
    ("Quotes", QUOTES),
    ("Actor detail", ACTOR_DETAIL),
]

# Groups whose bindings are live at the same time (the screen's, then the focused widget's):
# a key may mean one thing in each of these. "enter" opens in the text pane and in the lists,
# never both at once.
CONTEXTS: list[tuple[str, ...]] = [
    ("Anywhere", "Review", "Moving", "Text pane"),
    ("Anywhere", "Review", "Moving", "Lists", "Quotes"),
    ("Anywhere", "Review", "Moving", "Lists", "Actor detail"),
    ("Anywhere", "Review", "Moving", "Lists", "Article list"),
]


def known_ids() -> set[str]:
    return {b.id for _, group in GROUPS for b in group if b.id}


def normal_key(key: str) -> str:
    """A key as Textual names it ("?" -> "question_mark"), so "?" and "question_mark" are one."""
    from textual.keys import _character_to_key

    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def shown_key(key: str) -> str:
    from textual.keys import key_to_character

    return key_to_character(key) or key


def _shown(keys: list[str]) -> str:
    return ", ".join(f"'{shown_key(k)}'" for k in keys)


# Keys Textual itself answers in every screen, with no binding id of ours to rebind: a
# rebinding may take one only for the same action (quit on ctrl+q).
TEXTUAL_HELD: dict[str, tuple[str, str]] = {
    "ctrl+p": ("command_palette", "opens the command palette"),
    "ctrl+q": ("quit", "quits"),
    "ctrl+c": ("help_quit", "says how to quit"),
}


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split a config keymap into what can be applied and one line per problem.

    A key the keymap gives to one binding while another binding live at the same time still
    holds it (``quit = "j"``: j moves down) is refused; the other keys of that rebinding are
    kept, and with none left the binding keeps its default keys. Two bindings may swap keys;
    of two rebindings asking for one key, the first in the config gets it. Textual's own keys
    (``TEXTUAL_HELD``) are refused the same way.
    """
    by_id: dict[str, tuple[Binding, str]] = {}
    for title, group in GROUPS:
        for binding in group:
            if binding.id:
                by_id.setdefault(binding.id, (binding, title))

    def together(a: str, b: str) -> bool:
        ga, gb = by_id[a][1], by_id[b][1]
        return any(ga in context and gb in context for context in CONTEXTS)

    def defaults(binding_id: str) -> list[str]:
        return [normal_key(k) for k in by_id[binding_id][0].key.split(",")]

    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in by_id:
            problems.append(f"keymap: unknown binding id '{binding_id}'")
            continue
        asked = list(dict.fromkeys(normal_key(k) for k in keys.split(",") if k.strip()))
        if not asked:
            problems.append(f"keymap: no key given for '{binding_id}'")
            continue
        wanted[binding_id] = asked

    # Who holds which key: defaults for the bindings left alone; a rebound binding holds only
    # what it is given, so two bindings can swap keys.
    held: dict[str, list[str]] = {b: ([] if b in wanted else defaults(b)) for b in by_id}

    def holder(binding_id: str, key: str) -> str | None:
        action = by_id[binding_id][0].action
        if key in TEXTUAL_HELD and TEXTUAL_HELD[key][0] != action:
            return key  # Textual's own, everywhere in the app
        for other, keys in held.items():
            if other != binding_id and key in keys and by_id[other][0].action != action and together(binding_id, other):
                return other
        return None

    good: dict[str, str] = {}
    for binding_id, asked in wanted.items():
        taken = {key: holder(binding_id, key) for key in asked}
        given = [key for key in asked if taken[key] is None]
        refused = [key for key in asked if taken[key] is not None]
        if not given:  # back to the default keys still free
            given = [key for key in defaults(binding_id) if holder(binding_id, key) is None]
        held[binding_id] = given
        if given:
            good[binding_id] = ",".join(given)
        if refused:
            clashes = ", ".join(
                f"'{shown_key(key)}' already {TEXTUAL_HELD[key][1]}" if taken[key] in TEXTUAL_HELD
                else f"'{shown_key(key)}' already means {taken[key]} ({by_id[taken[key]][0].description})"
                for key in refused
            )
            keeps = f"{binding_id} keeps {_shown(given)}" if given else f"{binding_id} has no key left"
            problems.append(f"keymap: {clashes}, so {keeps}")
    return good, problems
