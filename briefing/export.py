"""Export a briefing: a Markdown (CommonMark) summary, or the same content as JSON.

``export_document`` builds the content once (schema ``briefing.export/1``): per article its
title and source, key quotes with speakers, the actors (name, role, quote count), the key
figures with what they count, review progress, and the flagged items with their notes.
``render_markdown`` and ``render_json`` only lay that content out, so both formats always say
the same thing. Every piece of article or user text goes through ``md_escape``, so nothing in
an article can become a heading, a link, HTML or emphasis in the summary.

``write_export`` writes atomically (``briefing.atomic``) and never replaces an existing file
unless asked to (``force``); ``-`` means standard output.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.atomic import atomic_write_text
from briefing.model import Actor, ArticleAnalysis, Figure, Quote
from briefing.storage.review import NO_MARK, ItemRef, Mark, item_refs, progress_of
from briefing.wording import plural

EXPORT_SCHEMA = "briefing.export/1"
FORMATS = {"markdown": "markdown", "md": "markdown", "json": "json"}
SUFFIX = {"markdown": ".md", "json": ".json"}

AllMarks = Mapping[str, Mapping[str, Mark]]  # article id -> ref id -> Mark


class ExportError(Exception):
    """The export could not be written; the message is one line for the user."""


class OutputExists(ExportError):
    """The output file exists and overwriting was not allowed (ask, then pass ``force``)."""

    def __init__(self, path: Path):
        super().__init__(f"{path} already exists; use --force to overwrite it")
        self.path = path


# -- the content --------------------------------------------------------------------------------


def export_document(analyses: Sequence[ArticleAnalysis], model: str,
                    marks: Any = None) -> dict[str, Any]:
    """The export's content as plain data (what the JSON export writes).

    ``marks``: ``{article_id: {ref_id: Mark}}``, a ``ReviewStore``, or None for no marks.
    """
    if hasattr(marks, "for_articles"):  # a ReviewStore
        marks = marks.for_articles([an.article.id for an in analyses])
    marks = marks or {}
    articles = []
    flagged = []
    for an in analyses:
        art = an.article
        article_marks = marks.get(art.id, {})
        entry = _article_entry(an, article_marks)
        articles.append(entry)
        flagged.extend(_flagged_entries(an, article_marks, entry))
    totals = {"articles": len(articles),
              "items": sum(a["progress"]["total"] for a in articles),
              "reviewed": sum(a["progress"]["reviewed"] for a in articles),
              "flagged": len(flagged)}
    return {"schema": EXPORT_SCHEMA, "generator": f"briefing {__version__}", "model": model,
            "totals": totals, "articles": articles, "flagged": flagged}


def _review(mark: Mark) -> dict[str, Any]:
    out: dict[str, Any] = {"reviewed": mark.reviewed, "flagged": mark.flagged}
    if mark.note:
        out["note"] = mark.note
    return out


def _speaker(an: ArticleAnalysis, q: Quote) -> str | None:
    actor = an.actor(q.actor_id)
    name = actor.name if actor else q.speaker
    return name.strip() if name and name.strip() else None


def key_quotes(an: ArticleAnalysis) -> list[Quote]:
    """Full quotes first, then partial ones, each in text order."""
    return sorted(an.quotes, key=lambda q: (q.kind == "partial", q.start, q.end))


def _quote_text(text: str) -> str:
    """The words of a quote without the comma the reporting clause leaves on them."""
    return " ".join(text.split()).rstrip(",;: ").strip()


def _article_entry(an: ArticleAnalysis, marks: Mapping[str, Mark]) -> dict[str, Any]:
    art = an.article

    def mark_of(item) -> Mark:
        return marks.get(ItemRef.of(item).id, NO_MARK)

    prog = progress_of(an, marks)
    entry: dict[str, Any] = {"id": art.id, "title": art.title, "source": art.source}
    for key in ("url", "byline", "date"):
        if getattr(art, key):
            entry[key] = getattr(art, key)
    article_mark = marks.get(ItemRef.of(art).id, NO_MARK)
    if article_mark.note:
        entry["note"] = article_mark.note
    entry["progress"] = {"reviewed": prog.reviewed, "total": prog.total, "flagged": prog.flagged,
                         "done": prog.done, "label": prog.label}
    entry["quotes"] = [{"ref": ItemRef.of(q).id, "text": _quote_text(q.text), "speaker": _speaker(an, q),
                        "kind": q.kind, **_review(mark_of(q))} for q in key_quotes(an)]
    entry["actors"] = [{"ref": ItemRef.of(a).id, "name": a.name, "type": a.type, "role": a.role,
                        "quote_count": a.quote_count, "mentions": len(a.mentions), **_review(mark_of(a))}
                       for a in an.actors]
    entry["figures"] = [{"ref": ItemRef.of(f).id, "text": f.text, "what": f.what, "value": f.value,
                         "unit": f.unit, **_review(mark_of(f))} for f in an.figures]
    return entry


def _flagged_entries(an: ArticleAnalysis, marks: Mapping[str, Mark],
                     entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Flagged items of one article in pane order, then flagged marks no item matches any more."""
    art = an.article
    out: list[dict[str, Any]] = []
    base = {"article_id": art.id, "article_title": art.title}
    article_ref = ItemRef.of(art)
    if marks.get(article_ref.id, NO_MARK).flagged:
        out.append({**base, "ref": article_ref.id, "kind": "article", "text": art.title,
                    "speaker": None, "detail": None, "found": True,
                    "note": marks[article_ref.id].note or None})
    found = {article_ref.id}
    for kind, items in (("quote", entry["quotes"]), ("actor", entry["actors"]), ("figure", entry["figures"])):
        for item in items:
            found.add(item["ref"])
            if item["flagged"]:
                text = item["name"] if kind == "actor" else item["text"]
                detail = item.get("role") if kind == "actor" else item.get("what")
                out.append({**base, "ref": item["ref"], "kind": kind, "text": text,
                            "speaker": item.get("speaker"), "detail": detail, "found": True,
                            "note": item.get("note")})
    for ref_id in sorted(set(marks) - found, key=_ref_order):
        mark = marks[ref_id]
        if mark.flagged:
            ref = ItemRef.parse(ref_id)
            out.append({**base, "ref": ref_id, "kind": ref.kind, "text": mark.label or ref.key,
                        "speaker": None, "detail": None, "found": False, "note": mark.note or None})
    return out


def _ref_order(ref_id: str) -> tuple:
    kind, _, key = ref_id.partition(":")
    start = key.split(":")[0]
    return (kind, int(start) if start.isdigit() else 0, key)


# -- Markdown ------------------------------------------------------------------------------------

# Characters escaped wherever they are: they open code, emphasis, links, HTML, tables (GFM),
# strikethrough (GFM) or escapes, and '#' could close an ATX heading. ('_' too, unless it
# stands inside a word, where CommonMark gives it no meaning: snake_case stays readable.)
_ALWAYS = frozenset("\\`*[]<>|~#")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def md_escape(text: str | None, *, start: bool = False) -> str:
    """``text`` as inline CommonMark that renders as exactly that text, on one line.

    Runs of whitespace (newlines included) become one space. ``start=True`` also escapes what
    would open a block at the start of a line or list item (``-``, ``+``, ``=``, ``1.``, ``1)``).
    """
    s = " ".join(str(text or "").split())
    s = "".join("\\" + ch if ch in _ALWAYS or (ch == "_" and not _intraword(s, i)) else ch
                for i, ch in enumerate(s))
    s = _ENTITY.sub(r"\\&", s)
    if start:
        if s[:1] in ("-", "+", "="):
            s = "\\" + s
        else:
            s = _ORDERED.sub(r"\1\\\2", s)
    return s


def _intraword(s: str, i: int) -> bool:
    """An underscore between two letters or digits can neither open nor close emphasis."""
    return 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum()


def _strong(text: str | None, fallback: str) -> str:
    escaped = md_escape(text)
    return f"**{escaped}**" if escaped else fallback


def _tags(item: Mapping[str, Any]) -> str:
    return " (flagged)" if item.get("flagged") else ""


def _note_line(note: str | None, indent: str = "  ") -> list[str]:
    return [f"{indent}- Note: {md_escape(note)}"] if note else []


def render_markdown(doc: Mapping[str, Any]) -> str:
    """Lay out an ``export_document`` as CommonMark."""
    out: list[str] = ["# Briefing summary", ""]
    t = doc["totals"]
    summary = (f"{plural(t['articles'], 'article')}; {t['reviewed']} of {plural(t['items'], 'item')}"
               f" reviewed, {t['flagged']} flagged.")
    if doc.get("model"):
        summary += f" Analysed with {md_escape(doc['model'])}."
    out += [summary, ""]
    for n, art in enumerate(doc["articles"], 1):
        out += [f"## {n}. {md_escape(art['title']) or 'Untitled'}", ""]
        out.append(f"- Source: {md_escape(art['source'])}")
        for key, label in (("url", "URL"), ("byline", "By"), ("date", "Date")):
            if art.get(key):
                out.append(f"- {label}: {md_escape(art[key])}")
        out.append(f"- Review: {art['progress']['label']}")
        if art.get("note"):
            out.append(f"- Note: {md_escape(art['note'])}")
        out.append("")
        out += ["### Key quotes", ""]
        if art["quotes"]:
            for q in art["quotes"]:
                who = _strong(q["speaker"], "*Unattributed*")
                partial = " (partial)" if q["kind"] == "partial" else ""
                out.append(f"- {who}: “{md_escape(q['text'])}”{partial}{_tags(q)}")
                out += _note_line(q.get("note"))
        else:
            out.append("No quotes found.")
        out += ["", "### Actors", ""]
        if art["actors"]:
            for a in art["actors"]:
                role = f", {md_escape(a['role'])}" if a.get("role") else ""
                kind = md_escape(str(a["type"]).lower()) if a.get("type") else ""
                kind = f" ({kind})" if kind else ""
                out.append(f"- {_strong(a['name'], '*Unnamed*')}{role}{kind}: "
                           f"{plural(a['quote_count'], 'quote')}{_tags(a)}")
                out += _note_line(a.get("note"))
        else:
            out.append("No actors found.")
        out += ["", "### Key figures", ""]
        if art["figures"]:
            for f in art["figures"]:
                what = f": {md_escape(f['what'])}" if f.get("what") else " (what it counts was not found)"
                out.append(f"- {_strong(f['text'], '*?*')}{what}{_tags(f)}")
                out += _note_line(f.get("note"))
        else:
            out.append("No figures found.")
        out.append("")
    out += ["## Flagged items", ""]
    if not doc["flagged"]:
        out += ["Nothing flagged.", ""]
    current = None
    for item in doc["flagged"]:
        if item["article_id"] != current:
            if current is not None:
                out.append("")
            current = item["article_id"]
            out += [f"### {md_escape(item['article_title']) or 'Untitled'}", ""]
        out.append("- " + _flagged_line(item))
        out += _note_line(item.get("note"))
    if current is not None:
        out.append("")
    return "\n".join(out)


def _flagged_line(item: Mapping[str, Any]) -> str:
    kind, text, detail = item["kind"], item.get("text"), item.get("detail")
    if not item.get("found", True):
        label = {"quote": "Quote", "actor": "Actor", "figure": "Figure"}.get(kind, "Item")
        shown = f"“{md_escape(_quote_text(text or ''))}”" if kind == "quote" else md_escape(text)
        return f"{label}: {shown} (no longer found by the analysis)"
    if kind == "quote":
        who = item.get("speaker")
        by = f"Quote by {_strong(who, '')}" if md_escape(who) else "Quote (unattributed)"
        return f"{by}: “{md_escape(_quote_text(text or ''))}”"
    if kind == "actor":
        role = f", {md_escape(detail)}" if detail else ""
        return f"Actor: {_strong(text, '*Unnamed*')}{role}"
    if kind == "figure":
        what = f": {md_escape(detail)}" if detail else ""
        return f"Figure: {_strong(text, '*?*')}{what}"
    return f"Article: {md_escape(text) or 'Untitled'}"


# -- copying one item (the reader's ``y``) ----------------------------------------------------------


def copy_text(analysis: ArticleAnalysis, item: Quote | Actor | Figure) -> tuple[str, str]:
    """What ``y`` puts on the clipboard for an item, and a short line saying what was copied.

    Plain text (not Markdown), on one line: a quote with its speaker and source, a figure with
    what it counts and its source, an actor with role and source.
    """
    source = analysis.article.title or analysis.article.source
    where = f" ({analysis.article.source})" if analysis.article.source else ""
    if isinstance(item, Quote):
        who = _speaker(analysis, item)
        text = f"“{_quote_text(item.text)}” — {who or 'unattributed'}, {source}{where}"
        said = f"quote by {who}" if who else "unattributed quote"
    elif isinstance(item, Figure):
        what = " ".join(item.what.split()) if item.what else ""
        text = f"{' '.join(item.text.split())}{': ' + what if what else ''} — {source}{where}"
        said = f"figure {' '.join(item.text.split())}"
    elif isinstance(item, Actor):
        role = f", {item.role}" if item.role else ""
        text = f"{item.name}{role} — {source}{where}"
        said = f"actor {item.name}"
    else:
        raise TypeError(f"nothing to copy from {type(item).__name__}")
    return " ".join(text.split()), f"Copied {_shorten(said)}"


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- formats and writing ----------------------------------------------------------------------------


def render_json(doc: Mapping[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def normalise_format(fmt: str) -> str:
    try:
        return FORMATS[fmt.lower()]
    except (KeyError, AttributeError):
        raise ExportError(f"unknown export format {fmt!r} (use markdown or json)") from None


def render(analyses: Sequence[ArticleAnalysis], model: str, fmt: str = "markdown",
           marks: Any = None) -> str:
    doc = export_document(analyses, model, marks)
    return render_json(doc) if normalise_format(fmt) == "json" else render_markdown(doc) + "\n"


def default_filename(fmt: str = "markdown", today: _dt.date | None = None) -> str:
    today = today or _dt.date.today()
    return f"briefing-{today.isoformat()}{SUFFIX[normalise_format(fmt)]}"


def resolve_output(output: str | os.PathLike[str], fmt: str = "markdown") -> Path:
    """The file an export to ``output`` writes: a folder gets ``default_filename`` inside it."""
    path = Path(output).expanduser()
    if path.is_dir():
        path = path / default_filename(fmt)
    return path


def check_output(output: str | os.PathLike[str] | None, fmt: str = "markdown",
                 force: bool = False) -> Path | None:
    """Fail early (before any analysis) when the export could not be written; None for stdout."""
    if output is None or str(output) in ("", "-"):
        return None
    path = resolve_output(output, fmt)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    if os.path.lexists(path):
        if not force:
            raise OutputExists(path)
        if path.is_dir():
            raise ExportError(f"cannot write {path}: it is a folder")
    return path


def write_export(analyses: Sequence[ArticleAnalysis], model: str, output: str | os.PathLike[str] | None,
                 fmt: str = "markdown", force: bool = False, marks: Any = None) -> str | None:
    """Write the export; return the path written, or None when it went to standard output.

    ``marks``: a ``ReviewStore``, a ``{article_id: {ref_id: Mark}}`` mapping, or None to read
    the user's saved marks. Raises ``OutputExists`` (an ``ExportError``) when the file exists
    and ``force`` is false, ``ExportError`` for any other failure; a failed write leaves any old
    file as it was.
    """
    fmt = normalise_format(fmt)
    path = check_output(output, fmt, force)
    if marks is None:
        from briefing.storage.review import load_marks

        marks = load_marks(an.article.id for an in analyses)[0]
    text = render(analyses, model, fmt, marks)
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    try:
        atomic_write_text(path, text, overwrite=force)
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError as exc:
        raise ExportError(f"cannot write {path} ({exc.strerror or exc})") from None
    return str(path)
