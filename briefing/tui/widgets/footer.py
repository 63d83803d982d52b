"""The key hints at the bottom: Textual's Footer, updated in place.

Textual's Footer removes and re-creates every key widget whenever the focus moves (each new
widget is styled from scratch): measured, about three quarters of the work of a pane switch
(``1``/``2``...). This one keeps its key widgets and rewrites their labels, hides the ones not
needed now, and rebuilds only when more keys are to show than it has widgets for (or when
bindings come in groups, which it leaves to Footer). It looks like Footer, with shorter
labels for a few keys (``SHORT``) so that ``? Help`` and ``q Quit`` still fit in 80 columns;
the full description is the key's tooltip, and the help screen and the palette use it.
"""

from __future__ import annotations

from itertools import zip_longest

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# Footer labels by binding id, where the description is too long for an 80-column footer.
SHORT = {
    "article.previous": "Prev",
    "article.next": "Next",
    "actors.back": "Back",
}


def label(binding) -> str:
    return SHORT.get(binding.id or "", binding.description)


class ReaderFooter(Footer):
    """A Footer whose key widgets are reused when the focus moves."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        rows = self._rows()
        if rows is None:
            yield from super().compose()
            return
        self.styles.grid_size_columns = len(rows)
        for binding, enabled, tooltip in rows:
            yield FooterKey(
                binding.key, self.app.get_key_display(binding), label(binding), binding.action,
                disabled=not enabled, tooltip=tooltip or binding.description,
            ).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                yield FooterKey(
                    binding.key, self.app.get_key_display(binding), binding.description, binding.action,
                    classes="-command-palette", disabled=not enabled, tooltip=binding.tooltip or binding.description,
                )

    def bindings_changed(self, screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._show_bindings)

    def _rows(self) -> list[tuple] | None:
        """(binding, enabled, tooltip) per key to show, as Footer picks them; None when
        Footer's own layout is needed (grouped bindings)."""
        rows: dict[str, tuple] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            rows.setdefault(binding.action, (binding, enabled, tooltip))
        return list(rows.values())

    async def _show_bindings(self) -> None:
        rows = self._rows()
        children = list(self.children)
        keys = [child for child in children if isinstance(child, FooterKey)
                and not child.has_class("-command-palette")]
        plain = all(isinstance(child, FooterKey) for child in children)
        if rows is None or not plain or not keys or len(rows) > len(keys):
            await self.recompose()
            return
        with self.app.batch_update():
            for widget, row in zip_longest(keys, rows):
                if row is None:
                    widget.display = False
                    continue
                binding, enabled, tooltip = row
                widget.key = binding.key
                widget.key_display = self.app.get_key_display(binding)
                widget.description = label(binding)
                widget.action = binding.action
                widget._disabled = not enabled
                widget.set_class(not enabled, "-disabled")
                widget.tooltip = tooltip or binding.description
                widget.display = True
                widget.refresh(layout=True)
            self.styles.grid_size_columns = len(rows)
