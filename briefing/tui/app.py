"""The Textual app: config, theme, keymap, and the analysis worker feeding the reader screen.

The analysis source is injectable (``analyse``), so tests drive the app with hand-built
analyses and never import spaCy. Nothing here imports spaCy: the default source imports the
runner inside the worker thread, after the text has painted.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from textual import events, work
from textual.app import App
from textual.worker import Worker, WorkerState, get_current_worker

from briefing.config import Config, load_config, save_setting
from briefing.model import Article, ArticleAnalysis, Briefing, LoadError
from briefing.storage.review import ReviewStore
from briefing.tui import heap
from briefing.tui.commands import ReaderCommands
from briefing.tui.keys import check_keymap
from briefing.tui.messages import AnalysisFailed, AnalysisReady
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.terminal import hang_up_safe, install_exit_signals
from briefing.wording import plural

Analyse = Callable[..., Iterable[tuple[int, ArticleAnalysis]]]  # (articles, model name[, cancelled=])

# Analyses arriving closer together than this are shown together: each arrival redraws the
# article list, the progress bar and the status line, and one redraw per batch keeps keys
# answered at once while a large briefing streams in (the first arrival after a quiet spell
# is shown at once).
SHOW_EVERY = 0.1

DEFAULT_THEME = "textual-dark"
FEW_COLOURS_THEME = "ansi-dark"
FEW_COLOURS_LIGHT_THEME = "ansi-light"


def default_analyse(
    articles: list[Article], model_name: str | None, cancelled: Callable[[], bool] | None = None,
) -> Iterable[tuple[int, ArticleAnalysis]]:
    """The real analysis: cached articles first, then spaCy (imported here, in the worker).

    The runner may hand uncached articles to worker processes however few there are, so the
    resource tracker those need is started first, always (once per process, off the UI thread).
    ``cancelled`` is polled by the runner, which stops its worker processes when it says so.
    """
    from briefing.analysis.runner import iter_analyses

    start_resource_tracker()
    return iter_analyses(articles, model_name, use_cache=True, cancelled=cancelled)


def takes_cancelled(analyse: Callable[..., object]) -> bool:
    """Whether an analysis source accepts ``cancelled=`` (test fakes need not)."""
    import inspect

    try:
        return "cancelled" in inspect.signature(analyse).parameters
    except (TypeError, ValueError):
        return False


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker hands ``sys.stderr.fileno()`` to its child process; inside a Textual app
    stderr is a capture object whose fileno is -1, and the parallel analysis of a large
    briefing fails with "bad value(s) in fds_to_keep". Give it /dev/null for the moment
    it starts (it is started once per process).
    """
    import os
    import sys
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        with open(os.devnull, "w") as devnull:
            sys.stderr = devnull
            resource_tracker.ensure_running()
    except OSError:
        pass
    finally:
        sys.stderr = saved


AGAIN = "\n(? lists them again)"
SHOWN_AT_START = 5  # load errors (or notes) listed in the start-up notification


def summary(problems: tuple[LoadError, ...]) -> str:
    """The first few one-line messages, and how many more there are."""
    lines = [p.message for p in problems[:SHOWN_AT_START]]
    if len(problems) > SHOWN_AT_START:
        lines.append(f"(and {len(problems) - SHOWN_AT_START} more)")
    return "\n".join(lines)


class BriefingApp(App[int]):
    """Read a briefing: text, quotes, actors, figures."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        briefing: Briefing,
        model_name: str | None = None,
        analyse: Analyse | None = None,
        config: Config | None = None,
        remember_theme: bool = True,
        review: ReviewStore | None = None,
    ) -> None:
        """``review``: where review marks are kept (default: the user's store, opened here and
        closed at exit); tests pass their own."""
        super().__init__()
        self.briefing = briefing
        self.model_name = model_name
        self.analyse = analyse or default_analyse
        self.config = config if config is not None else load_config()
        self.remember_theme = remember_theme
        self._own_review = review is None
        self.review = review if review is not None else ReviewStore.open()
        self.reader = ReaderScreen(briefing, self.review)
        self.driver_class = hang_up_safe(self.driver_class)
        self._theme_name = ""
        self.config_problems: list[str] = []
        self._arrived: dict[int, ArticleAnalysis] = {}
        self._progress: tuple[int, int] | None = None
        self._show_pending = False
        self._last_shown = 0.0
        self._last_input = float("-inf")
        self._last_settled = float("-inf")

    def get_default_screen(self) -> ReaderScreen:
        return self.reader

    def on_mount(self) -> None:
        if not self.is_headless:
            import asyncio

            install_exit_signals(asyncio.get_running_loop(), self._exit_on_signal)
        self.theme = self._initial_theme()
        self._fit_no_color_filter()
        keymap, problems = check_keymap(self.config.keymap)
        if keymap:
            self.set_keymap(keymap)
        self.config_problems[:0] = self.config.problems  # all listed again in the help
        self.config_problems += problems
        for problem in (*self.config.problems, *problems):
            self.notify(problem, title="Config", severity="warning", timeout=8, markup=False)
        if self.review.message:
            self.notify(self.review.message, title="Review marks", severity="warning", timeout=10, markup=False)
        self._announce_loading()

    def _announce_loading(self) -> None:
        """Say once, at start, which sources failed to load and which loaded with a note (an
        encoding guessed, ...); the help screen and the palette show them all again later."""
        errors, notes = self.briefing.errors, self.briefing.notes
        if errors:
            self.notify(summary(errors) + AGAIN, title=f"Could not load {plural(len(errors), 'source')}",
                        severity="warning", timeout=10, markup=False)
        if notes:
            self.notify(summary(notes) + AGAIN, title=f"Loaded with {plural(len(notes), 'note')}", timeout=10,
                        markup=False)

    def _exit_on_signal(self, signum: int) -> None:
        """SIGHUP or SIGTERM: exit the way ``q`` does (workers cancelled, the review store
        closed), with the status a signal gives."""
        self.exit(128 + signum)

    def terminal_gone(self) -> None:
        """Reading the terminal failed: it hung up (SIGHUP may be ignored, e.g. under nohup)."""
        import signal

        self.exit(128 + getattr(signal, "SIGHUP", 1))

    def on_unmount(self) -> None:
        heap.release()
        if self._own_review:
            self.review.close()

    def on_ready(self) -> None:
        """The first frame (the article text) is on screen: now start the analysis."""
        self._theme_name = self.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        heap.settle()  # the app as first drawn lives as long as the app
        self.run_analysis()

    def _initial_theme(self) -> str:
        """The remembered theme, unless the terminal cannot show it.

        Under NO_COLOR, or on a 16-colour console (TERM=linux), a theme of RGB colours is
        not readable: NO_COLOR turned its colours into greys of nearly one shade (quote text
        grey 237 on 236), and 16 colours collapse its backgrounds into one (the list
        highlight vanished). There the ANSI theme of the same darkness is used for the
        session; the remembered choice is kept for other terminals.
        """
        wanted = self.config.theme
        if wanted and wanted not in self.available_themes:
            problem = f"theme '{wanted}' is unknown; using the default"
            self.config_problems.append(problem)
            self.notify(problem, title="Config", severity="warning", markup=False)
            wanted = ""
        few_colours = self.console.color_system in ("standard", "windows")
        if not (self.no_color or few_colours):
            return wanted or DEFAULT_THEME
        theme = self.get_theme(wanted) if wanted else None
        if theme is not None and theme.ansi:
            return wanted
        fallback = FEW_COLOURS_THEME if theme is None or theme.dark else FEW_COLOURS_LIGHT_THEME
        if theme is not None and few_colours and not self.no_color:
            self.notify(f"theme '{wanted}' needs more than 16 colours; using {fallback} here (ctrl+p changes it)",
                        title="Config", timeout=5, markup=False)
        return fallback

    def _fit_no_color_filter(self) -> None:
        """Under NO_COLOR, drop every colour whatever the theme.

        Textual picks a grey-scale filter for RGB themes, which turns a theme's colours into
        greys of nearly one shade (unreadable); the filter that drops colours altogether
        leaves the terminal's own foreground and background, and the reader marks its
        highlights with bold, italic, underline and reverse.
        """
        if not self.no_color:
            return
        from textual.filter import Monochrome, NoColor

        filters = [f for f in self._filters if not isinstance(f, (Monochrome, NoColor))]
        self._filters = [*filters, NoColor()]
        self.refresh(repaint=True)

    def _theme_changed(self, theme) -> None:
        if theme.name == self._theme_name:
            return
        self._theme_name = theme.name
        self._fit_no_color_filter()
        self.reader.restyle()
        if not self.remember_theme:
            return
        try:
            save_setting("theme", theme.name)
        except OSError as exc:
            self.notify(f"could not remember the theme: {exc}", severity="warning", markup=False)

    # -- the analysis worker -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def run_analysis(self) -> None:
        worker = get_current_worker()
        articles = list(self.briefing.articles)
        total = len(articles)
        done = 0

        def cancelled() -> bool:
            return worker.is_cancelled

        pairs: Iterable[tuple[int, ArticleAnalysis]] = ()
        try:
            if takes_cancelled(self.analyse):
                pairs = self.analyse(articles, self.model_name, cancelled=cancelled)
            else:
                pairs = self.analyse(articles, self.model_name)
            for index, analysis in pairs:
                if worker.is_cancelled:
                    return
                done += 1
                self.post_message(AnalysisReady(index, analysis, done, total))
        except Exception as exc:  # noqa: BLE001 - shown in the app, never as a traceback
            if worker.is_cancelled:
                return
            from briefing.analysis.nlp import ModelError  # no spaCy import at module level

            if isinstance(exc, ModelError):
                message = str(exc)
            else:
                message = f"internal error: {exc.__class__.__name__}: {exc}"
            self.post_message(AnalysisFailed(message))
            return
        finally:
            close = getattr(pairs, "close", None)
            if close is not None:
                close()  # a generator stopped early stops its worker processes now
        if done < total and not worker.is_cancelled:
            self.post_message(AnalysisFailed(f"only {done} of {total} articles could be analysed"))

    # Arrivals are kept here and shown in batches (see SHOW_EVERY).

    def on_analysis_ready(self, message: AnalysisReady) -> None:
        self._arrived[message.index] = message.analysis
        self._progress = (message.done, message.total)
        self._show_soon()

    def _show_soon(self) -> None:
        if self._show_pending:
            return
        self._show_pending = True
        wait = self._last_shown + SHOW_EVERY - time.monotonic()
        if wait <= 0:
            self.call_later(self._show_arrived)  # after the messages already queued: a burst is one batch
        else:
            self.set_timer(wait, self._show_arrived)

    def _show_arrived(self) -> None:
        self._show_pending = False
        self._last_shown = time.monotonic()
        arrived, self._arrived = self._arrived, {}
        if arrived:
            self.reader.add_analyses(arrived)
            self._settle_heap()
        if self._progress is not None:
            self.reader.set_progress(*self._progress)
            self._progress = None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The analysis ended: show what is still held back at once."""
        if event.worker.group == "analysis" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._show_arrived()
            self._tidy_when_idle()

    # Freezing (heap.settle) also freezes the render caches of the moment, which die soon
    # after and then wait for the full collection: at most once a second keeps that small.
    SETTLE_EVERY = 1.0

    def _settle_heap(self) -> None:
        now = time.monotonic()
        if now - self._last_settled >= self.SETTLE_EVERY:
            self._last_settled = now
            heap.settle()  # the analyses and their rows live as long as the app

    # The full collection after the analysis (heap.tidy) pauses the app for as long as a few
    # keys take (~0.2 s with 200 articles): it waits until the user has left the keys alone.
    QUIET_BEFORE_TIDY = 2.0

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.InputEvent, events.Paste)):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _tidy_when_idle(self) -> None:
        quiet = time.monotonic() - self._last_input
        if quiet >= self.QUIET_BEFORE_TIDY:
            heap.tidy()
        else:
            self.set_timer(self.QUIET_BEFORE_TIDY - quiet, self._tidy_when_idle)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self._show_arrived()
        self.reader.set_failure(message.message)
        self.notify(message.message, title="Analysis failed", severity="error", timeout=15, markup=False)
