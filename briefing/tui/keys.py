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

def known_ids() -> set[str]:
    return {b.id for _, group in GROUPS for b in group if b.id}


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split a config keymap into what can be applied and one line per problem."""
    known = known_ids()
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keymap: unknown binding id '{binding_id}'")
        elif not keys.strip():
            problems.append(f"keymap: no key given for '{binding_id}'")
        else:
            good[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return good, problems
