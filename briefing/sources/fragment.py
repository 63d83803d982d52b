"""HTML fragments (feed item content, JSON ``html`` fields) as plain paragraphs.

Not for whole pages (that is ``briefing.sources.html``): a fragment is already the article,
so every block of it is kept; only scripts, styles and embedded media are dropped.
"""

from __future__ import annotations

import html as htmllib
import re

_BLOCKS = {
    "p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
    "figure", "figcaption", "hr", "address", "details", "summary",
}
_DROP = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "template", "head",
         "form", "button", "select", "video", "audio", "canvas"}
_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"[ \t\f\v\r\n]+")


def _strip_tags(fragment: str) -> str:
    text = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h[1-6])\b[^>]*>", "\n\n", fragment)
    return htmllib.unescape(_TAG.sub("", text))


def fragment_to_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment separated by blank lines; list items start with "• "."""
    if "<" not in fragment:
        return plain_paragraphs(htmllib.unescape(fragment))
    try:
        import lxml.html  # lazy: only feeds and JSON with HTML need it

        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - unparseable markup: strip the tags instead
        return plain_paragraphs(_strip_tags(fragment))
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(current)).strip()
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _DROP or not tag:
            return
        block = tag in _BLOCKS
        if block:
            flush()
            if tag == "li":
                current.append("• ")
        if tag == "br":
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(p for p in paragraphs if p != "•")


def plain_paragraphs(text: str) -> str:
    """Plain text tidied into paragraphs separated by blank lines."""
    parts = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n\n".join(p for p in (_WS.sub(" ", part).strip() for part in parts) if p)
