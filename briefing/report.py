"""A plain-text report of analyses, for ``briefing analyze`` without ``--format json``."""

from __future__ import annotations

from briefing.model import ArticleAnalysis
from briefing.wording import plural


def text_report(analyses: list[ArticleAnalysis]) -> str:
    out: list[str] = []
    for an in analyses:
        out.append(f"# {an.article.title}")
        out.append(f"  source: {an.article.source}")
        out.append(f"  {plural(len(an.quotes), 'quote')}, {plural(len(an.actors), 'actor')}, "
                   f"{plural(len(an.figures), 'figure')}")
        if an.actors:
            out.append("  Actors:")
            for a in an.actors:
                role = f", {a.role}" if a.role else ""
                out.append(f"    {a.name} ({a.type}{role}): "
                           f"{plural(len(a.mentions), 'mention')}, {plural(a.quote_count, 'quote')}")
        if an.quotes:
            out.append("  Quotes:")
            for q in an.quotes:
                who = q.speaker or "unattributed"
                out.append(f"    {who}: \u201c{q.text}\u201d")
        if an.figures:
            out.append("  Figures:")
            for f in an.figures:
                what = f" - {f.what}" if f.what else ""
                out.append(f"    {f.text}{what}")
        out.append("")
    return "\n".join(out)
