"""HTML article extraction compared on the 20 real news pages in ../shared/corpus/html.

    python benchmarks/html_extraction.py [--pages]

Extractors compared (each on the same bytes):

* trafilatura     - ``trafilatura.bare_extraction`` 2.x, defaults (text, title);
* traf-recall     - the same with ``favor_recall=True``;
* readability     - readability-lxml's ``Document.summary()``/``short_title()`` (only when
                    installed: ``pip install readability-lxml``; not a briefing dependency);
* briefing        - ``briefing.sources.html`` (trafilatura plus the general post-rules).

For every page the expectations in ``tests/test_sources_html.py`` (checked by eye) say the
headline, the first paragraph, the article's last paragraph and a late fragment. Per page and
extractor it reports body length, whether the headline, lead, end (the true last paragraph
is the extractor's last) and late fragment are right, and the boilerplate markers found.
The summary counts pages right on each score, and the mean time per page.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from test_sources_html import HTML_DIR, PAGES, boilerplate_in  # noqa: E402


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\n\n", "\n").split("\n") if p.strip()]


def run_trafilatura(data: bytes, **options) -> tuple[str, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                      include_tables=False, **options)
    if doc is None:
        return "", ""
    return doc.title or "", doc.text or ""


def run_readability(data: bytes) -> tuple[str, str]:
    import lxml.html
    from readability import Document

    doc = Document(data)
    root = lxml.html.fromstring(doc.summary(html_partial=True))
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h2", "h3", "h4", "blockquote")]
    return doc.short_title(), "\n".join(b for b in blocks if b)


def run_briefing(data: bytes) -> tuple[str, str]:
    from briefing.sources.html import extract

    title, body, _meta = extract(data)
    return title or "", body


def extractors() -> dict[str, object]:
    found = {
        "trafilatura": run_trafilatura,
        "traf-recall": lambda data: run_trafilatura(data, favor_recall=True),
    }
    if importlib.util.find_spec("readability") is not None:
        found["readability"] = run_readability
    found["briefing"] = run_briefing
    return found


def score(name: str, title: str, body: str) -> dict[str, object]:
    headline, lead, last, late = PAGES[name]
    paras = _paragraphs(body)
    head = " ".join(body[:1200].split())
    return {
        "len": len(body),
        "headline": headline in title and len(title) <= len(headline) + 60,
        "lead": " ".join(lead.split()) in head,
        "end": bool(paras) and last in paras[-1],
        "late": late is None or late in body,
        "boiler": boilerplate_in(body),
        "title": title,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="print the per-page table")
    args = parser.parse_args()
    if not HTML_DIR.is_dir():
        print(f"no HTML corpus at {HTML_DIR}", file=sys.stderr)
        return 1
    runs = extractors()
    if "readability" not in runs:
        print("(readability-lxml not installed: pip install readability-lxml to compare it)")
    totals = {k: {"headline": 0, "lead": 0, "end": 0, "late": 0, "clean": 0, "all": 0, "secs": 0.0}
              for k in runs}
    for name in sorted(PAGES):
        data = (HTML_DIR / name).read_bytes()
        if args.pages:
            print(f"\n{name}")
        for key, run in runs.items():
            started = time.perf_counter()
            try:
                title, body = run(data)
            except Exception as exc:  # noqa: BLE001 - a crashing extractor scores zero
                title, body = "", ""
                print(f"  {key}: failed ({exc.__class__.__name__}: {exc})")
            totals[key]["secs"] += time.perf_counter() - started
            s = score(name, title, body)
            t = totals[key]
            for field in ("headline", "lead", "end", "late"):
                t[field] += bool(s[field])
            t["clean"] += not s["boiler"]
            t["all"] += all(s[f] for f in ("headline", "lead", "end", "late")) and not s["boiler"]
            if args.pages:
                marks = "".join(c if s[f] else "." for c, f in zip("HLEX", ("headline", "lead", "end", "late")))
                print(f"  {key:12} {s['len']:6} {marks} boiler={','.join(s['boiler']) or '-':28} "
                      f"title={s['title'][:60]!r}")
    n = len(PAGES)
    print(f"\n{'extractor':12} {'headline':>8} {'lead':>5} {'end':>5} {'late':>5} {'clean':>6} "
          f"{'all ok':>7} {'ms/page':>8}   (of {n} pages)")
    for key, t in totals.items():
        print(f"{key:12} {t['headline']:8} {t['lead']:5} {t['end']:5} {t['late']:5} {t['clean']:6} "
              f"{t['all']:7} {1000 * t['secs'] / n:8.0f}")
    print("\nH headline right, L lead paragraph present at the start, E the article's last paragraph "
          "is the last one extracted (complete, nothing after), X late fragment present, "
          "clean = no boilerplate markers.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
