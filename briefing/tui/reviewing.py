"""Reviewing inside the reader: marks (space, f, a), copying (y) and exporting (e).

A mixin of ``ReaderScreen``. The keys act on the highlighted row of the focused list, or, in
the text pane, on the highlight under the text cursor; on the article list they act on the
article (space: all its items). Marks live in the app's ``ReviewStore``; the screen keeps a
copy of each article's marks (``marks``), reread from the store after every change, which the
lists draw in their mark column (``mark_for``) and under the row (``note_for``).

A mark that cannot be saved (``ReviewError``) is one line on screen; the reader goes on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from briefing.model import Actor, ArticleAnalysis, Figure, Quote
from briefing.storage.review import NO_MARK, ItemRef, Mark, ReviewError, ReviewStore, progress_of
from briefing.tui.widgets.actor_list import ActorDetail
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.item_list import ItemList
from briefing.tui.widgets.text_pane import TextPane
from briefing.wording import plural

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen

Item = Quote | Actor | Figure


@dataclass(frozen=True)
class Subject:
    """What a review key acts on: an item of an article, or (``item`` None) the article itself."""

    index: int
    analysis: ArticleAnalysis
    item: Item | None
    where: str  # "text", "list" or "articles"

    @property
    def ref(self) -> ItemRef:
        return ItemRef.of(self.item if self.item is not None else self.analysis.article)

    @property
    def article_id(self) -> str:
        return self.analysis.article.id


def describe(item: Item | None, analysis: ArticleAnalysis) -> str:
    """A few words naming an item, for notifications and the note editor."""
    if item is None:
        return f"Article: {' '.join(analysis.article.title.split()) or '(untitled)'}"
    if isinstance(item, Quote):
        actor = analysis.actor(item.actor_id)
        who = actor.name if actor else (item.speaker or "unattributed")
        words = " ".join(item.text.split())
        if len(words) > 60:
            words = words[:59] + "\u2026"
        return f"Quote by {who}: \u201c{words}\u201d"
    if isinstance(item, Actor):
        return f"Actor: {item.name}"
    return f"Figure: {' '.join(item.text.split())}" + (f" ({item.what})" if item.what else "")


def item_at(analysis: ArticleAnalysis, kind: str, start: int, end: int, actor_id: str | None) -> Item | None:
    """The quote, actor or figure a text-pane highlight stands for."""
    if kind == "quote":
        return next((q for q in analysis.quotes if (q.start, q.end) == (start, end)), None)
    if kind == "mention":
        return analysis.actor(actor_id)
    if kind == "figure":
        return next((f for f in analysis.figures if (f.start, f.end) == (start, end)), None)
    return None


def export_folder(export_dir: str | None) -> Path:
    """The configured export folder (``~`` expanded), or the current directory."""
    return Path(export_dir).expanduser().absolute() if export_dir else Path.cwd()


class Reviewing:
    """Review actions of the reader screen (see the module docstring)."""

    review: ReviewStore
    marks: dict[str, dict[str, Mark]]

    # -- setting up ------------------------------------------------------------------------------

    def init_review(self: "ReaderScreen") -> None:
        self.marks = {}
        try:
            self.marks = self.review.for_articles(a.id for a in self.articles)
        except ReviewError as exc:
            self.notify(str(exc), title="Review", severity="warning", timeout=8, markup=False)
        for widget in self.review_lists():
            widget.mark_for = self._mark_symbol
            widget.note_for = self._mark_note

    def review_lists(self: "ReaderScreen") -> list[ItemList]:
        actors = self.actor_pane
        return [self.quote_pane.quote_list, actors.actor_list, actors.detail, self.figure_list]

    def current_marks(self: "ReaderScreen") -> dict[str, Mark]:
        return self.marks.get(self.articles[self.index].id, {})

    def _mark_symbol(self: "ReaderScreen", key: str) -> str:
        return self.current_marks().get(key, NO_MARK).symbol

    def _mark_note(self: "ReaderScreen", key: str) -> str:
        return self.current_marks().get(key, NO_MARK).note

    # -- showing marks -----------------------------------------------------------------------------

    def show_review(self: "ReaderScreen", index: int) -> None:
        """Progress of article ``index`` in the article list (it must be analysed)."""
        analysis = self.analyses.get(index)
        if analysis is None:
            return
        marks = self.marks.get(analysis.article.id, {})
        article_mark = marks.get(ItemRef.of(analysis.article).id, NO_MARK)
        self.article_list.set_review(index, progress_of(analysis, marks), article_mark)

    def show_current_review(self: "ReaderScreen", relist: bool = False) -> None:
        """Marks of the article on screen: flagged spans in the text, the status line, and
        (``relist``) the mark column of every list."""
        analysis = self.analyses.get(self.index)
        status = self.query_one("#review-status", Static)
        if analysis is None:
            self.text_pane.set_flagged([])
            status.update("")
            return
        marks = self.current_marks()
        if relist:
            for widget in self.review_lists():
                widget.refresh_marks()
        flagged: list[tuple[int, int]] = []
        for quote in analysis.quotes:
            if marks.get(ItemRef.of(quote).id, NO_MARK).flagged:
                flagged.append((quote.start, quote.end))
        for figure in analysis.figures:
            if marks.get(ItemRef.of(figure).id, NO_MARK).flagged:
                flagged.append((figure.start, figure.end))
        for actor in analysis.actors:
            if marks.get(ItemRef.of(actor).id, NO_MARK).flagged:
                flagged.extend(actor.mentions)
        self.text_pane.set_flagged(flagged)
        progress = progress_of(analysis, marks)
        if progress.reviewed or progress.flagged:
            style = "bold" if progress.done else "dim"
            status.update(Text(f" {progress.label} ", style=style))
        else:
            status.update("")

    def refresh_marks_from_store(self: "ReaderScreen", article_id: str) -> None:
        """Reread one article's marks (another copy of the app may have changed them)."""
        try:
            self.marks[article_id] = self.review.for_article(article_id)
        except ReviewError:
            pass  # keep what we have; a failing store is reported when marks are changed

    def _reload_marks(self: "ReaderScreen", article_id: str) -> None:
        try:
            self.marks[article_id] = self.review.for_article(article_id)
        except ReviewError as exc:
            self.notify(str(exc), title="Review", severity="error", markup=False)
            return
        for index, article in enumerate(self.articles):
            if article.id == article_id:
                self.show_review(index)
        if self.articles[self.index].id == article_id:
            self.show_current_review(relist=True)

    # -- what the keys act on ----------------------------------------------------------------------

    def review_subject(self: "ReaderScreen", doing: str) -> Subject | None:
        """The item under the focus, or None (after saying why) when there is none."""
        focused = self.focused
        if isinstance(focused, ArticleList):
            row = focused.current
            if row is None:
                return None
            analysis = self.analyses.get(row.index)
            if analysis is None:
                self.notify(f"Cannot {doing} yet: this article is not analysed.", timeout=3, markup=False)
                return None
            return Subject(row.index, analysis, None, "articles")
        analysis = self.analyses.get(self.index)
        if analysis is None:
            self.notify(f"Cannot {doing} yet: the analysis of this article is not in.", timeout=3, markup=False)
            return None
        if isinstance(focused, TextPane):
            cursor = focused.cursor
            item = item_at(analysis, cursor.kind, cursor.start, cursor.end, cursor.actor_id) if cursor else None
            if item is None:
                self.notify(f"Move to a quote, name or figure with h/l to {doing} it.", timeout=3, markup=False)
                return None
            return Subject(self.index, analysis, item, "text")
        if isinstance(focused, ItemList):
            row = focused.current
            item = focused.review_item(row) if row is not None else None
            if item is None:
                self.notify(f"Nothing here to {doing}.", timeout=3, markup=False)
                return None
            return Subject(self.index, analysis, item, "list")
        self.notify(f"Go to a list (2, 3, 4) to {doing} an item.", timeout=3, markup=False)
        return None

    # -- space, f, a -------------------------------------------------------------------------------

    def action_toggle_reviewed(self: "ReaderScreen") -> None:
        subject = self.review_subject("mark")
        if subject is None:
            return
        try:
            if subject.item is None:
                progress = self.review.toggle_article_reviewed(subject.analysis)
                said = (f"all {progress.total} items reviewed" if progress.done
                        else "nothing to review" if not progress.total else "review cleared")
                message = f"Article {subject.index + 1}: {said}"
            else:
                mark = self.review.toggle_reviewed(subject.article_id, subject.ref)
                message = f"{describe(subject.item, subject.analysis)}: " + (
                    "reviewed" if mark.reviewed else "not reviewed")
        except ReviewError as exc:
            self.notify(str(exc), title="Review", severity="error", markup=False)
            return
        self._reload_marks(subject.article_id)
        if subject.where != "list":  # a list shows the tick itself
            self.notify(message, timeout=2, markup=False)

    def action_toggle_flag(self: "ReaderScreen") -> None:
        subject = self.review_subject("flag")
        if subject is None:
            return
        try:
            mark = self.review.toggle_flag(subject.article_id, subject.ref)
        except ReviewError as exc:
            self.notify(str(exc), title="Review", severity="error", markup=False)
            return
        self._reload_marks(subject.article_id)
        if subject.where != "list":
            said = "flagged" if mark.flagged else "flag removed"
            self.notify(f"{describe(subject.item, subject.analysis)}: {said}", timeout=2, markup=False)

    def action_edit_note(self: "ReaderScreen") -> None:
        from briefing.tui.screens.note import NoteScreen

        subject = self.review_subject("annotate")
        if subject is None:
            return
        old = self.marks.get(subject.article_id, {}).get(subject.ref.id, NO_MARK).note

        def save(note: str | None) -> None:
            if note is None or note == old:
                return
            try:
                self.review.set_note(subject.article_id, subject.ref, note)
            except ReviewError as exc:
                self.notify(str(exc), title="Review", severity="error", markup=False)
                return
            self._reload_marks(subject.article_id)
            self.notify("Note saved." if note else "Note removed.", timeout=2, markup=False)

        self.app.push_screen(NoteScreen(describe(subject.item, subject.analysis), old), save)

    # -- y -------------------------------------------------------------------------------------------

    def action_copy_item(self: "ReaderScreen") -> None:
        from briefing.export import copy_text

        subject = self.review_subject("copy")
        if subject is None:
            return
        if subject.item is None:
            self.notify("Pick a quote, actor or figure to copy.", timeout=3, markup=False)
            return
        text, said = copy_text(subject.analysis, subject.item)
        self.app.copy_to_clipboard(text)
        shown = text if len(text) <= 200 else text[:199] + "\u2026"
        self.notify(shown, title=said, timeout=4, markup=False)

    # -- e ---------------------------------------------------------------------------------------------

    def action_export(self: "ReaderScreen") -> None:
        from briefing.export import ExportError, resolve_output

        analysed = [self.analyses[i] for i in sorted(self.analyses)]
        total = len(self.articles)
        if len(analysed) < total and self.failure is None:
            self.notify(f"Still analysing ({len(analysed)} of {total} done); export when it is finished.",
                        timeout=4, markup=False)
            return
        if not analysed:
            self.notify("Nothing to export: no article could be analysed.", severity="warning", markup=False)
            return
        export_dir = getattr(self.app, "config", None) and self.app.config.export_dir
        folder = export_folder(export_dir)
        if not folder.is_dir():
            self.notify(f"The export folder {folder} does not exist (export_dir in the config file).",
                        title="Export", severity="error", timeout=8, markup=False)
            return
        try:
            path = resolve_output(folder)
        except ExportError as exc:
            self.notify(str(exc), title="Export", severity="error", timeout=8, markup=False)
            return
        self._write_export(analysed, path, force=False)

    def _write_export(self: "ReaderScreen", analysed: list[ArticleAnalysis], path: Path, force: bool) -> None:
        from briefing.export import ExportError, OutputExists, write_export
        from briefing.tui.screens.confirm import ConfirmScreen

        model = next((a.model for a in analysed if a.model), "") or (getattr(self.app, "model_name", "") or "")
        try:
            where = write_export(analysed, model, path, "markdown", force=force, marks=self.review)
        except OutputExists as exc:
            existing = exc.path  # ``exc`` itself is gone once the except block ends

            def answer(yes: bool | None) -> None:
                if yes:
                    self._write_export(analysed, existing, force=True)
                else:
                    self.notify(f"Kept the old {existing.name}; nothing written.", title="Export", timeout=4,
                                markup=False)

            self.app.push_screen(
                ConfirmScreen("Export", f"{existing} already exists. Overwrite it?",
                              yes="Overwrite", no="Keep the old file"),
                answer,
            )
            return
        except (ExportError, ReviewError) as exc:
            self.notify(str(exc), title="Export", severity="error", timeout=8, markup=False)
            return
        skipped = len(self.articles) - len(analysed)
        tail = f"\n({plural(skipped, 'article')} could not be analysed)" if skipped else ""
        self.notify(f"Wrote {where}{tail}", title="Exported", timeout=8, markup=False)
