"""The analysis document (schema ``briefing.analysis/1``) and back."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from briefing.model import SCHEMA, Actor, Article, ArticleAnalysis, Figure, Quote


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
            "actor_id": q.actor_id, "cue": q.cue, "kind": q.kind}


def actor_to_dict(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "type": a.type, "role": a.role,
            "aliases": list(a.aliases), "mentions": [list(m) for m in a.mentions],
            "quote_count": a.quote_count}


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {"start": f.start, "end": f.end, "text": f.text, "value": f.value, "unit": f.unit,
            "head": f.head, "what": f.what,
            "sentence": list(f.sentence) if f.sentence else None}


def analysis_to_dict(an: ArticleAnalysis) -> dict[str, Any]:
    art = an.article
    out: dict[str, Any] = {"id": art.id, "source": art.source, "title": art.title}
    for key in ("url", "byline", "date"):  # always present (null when unknown): one shape
        out[key] = getattr(art, key) or None
    out["text"] = art.text
    out["quotes"] = [quote_to_dict(q) for q in an.quotes]
    out["actors"] = [actor_to_dict(a) for a in an.actors]
    out["figures"] = [figure_to_dict(f) for f in an.figures]
    return out


def document(analyses: list[ArticleAnalysis], model: str) -> dict[str, Any]:
    return {"schema": SCHEMA, "model": model, "articles": [analysis_to_dict(a) for a in analyses]}


def dump_document(analyses: Iterable[ArticleAnalysis], out: TextIO, model: str | None = None) -> None:
    """Write ``document(analyses, model)`` as JSON to ``out``, one article at a time.

    The text is exactly ``json.dump(document(list(analyses), model), out, ensure_ascii=False)``,
    but only one article's dict exists at a time, so a 10,000-article briefing needs no more
    memory than one article. ``model=None``: the first non-empty ``model`` of the analyses (as
    ``runner.analyse_all`` reports it); articles before that one are held until it is known.
    """
    iterator = iter(analyses)
    held: list[ArticleAnalysis] = []
    if model is None:
        for an in iterator:
            held.append(an)
            if an.model:
                model = an.model
                break
    dumps = _compact_dumps
    out.write(f'{{"schema": {dumps(SCHEMA)}, "model": {dumps(model or "")}, "articles": [')
    first = True
    for batch in (held, iterator):
        for an in batch:
            out.write(("" if first else ", ") + dumps(analysis_to_dict(an)))
            first = False
        held = []
    out.write("]}")


def _compact_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def analysis_from_dict(d: dict[str, Any], model: str = "") -> ArticleAnalysis:
    """Inverse of ``analysis_to_dict`` (used by the cache)."""
    article = Article(id=d["id"], source=d["source"], title=d["title"], text=d["text"],
                      url=d.get("url"), byline=d.get("byline"), date=d.get("date"))
    quotes = tuple(Quote(q["start"], q["end"], q["text"], q.get("speaker"), q.get("actor_id"),
                         q.get("cue"), q.get("kind", "quote")) for q in d.get("quotes", []))
    actors = tuple(Actor(a["id"], a["name"], a["type"], a.get("role"), tuple(a.get("aliases", [])),
                         tuple(tuple(m) for m in a.get("mentions", [])), a.get("quote_count", 0))
                   for a in d.get("actors", []))
    figures = tuple(Figure(f["start"], f["end"], f["text"], f.get("value"), f.get("unit"),
                           f.get("head"), f.get("what"),
                           tuple(f["sentence"]) if f.get("sentence") else None)
                    for f in d.get("figures", []))
    return ArticleAnalysis(article=article, quotes=quotes, actors=actors, figures=figures, model=model)
