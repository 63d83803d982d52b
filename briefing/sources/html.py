"""HTML articles: trafilatura finds the body and the metadata; general rules tidy the result.

trafilatura (imported lazily, only when an HTML source is loaded) picks the main content of a
page and reads the headline, byline, date and canonical URL. On real news pages it does well
but not perfectly, so its output goes through three general rules (see
``benchmarks/html_extraction.py`` for the comparison on 20 real pages):

* **continuation**: some sites split one story into several sibling containers with an
  advert between them; trafilatura keeps the first. Later siblings that look like the kept
  container (same tag, mostly the same classes) and hold prose are appended.
* **boilerplate**: link lists ("related stories"), newsletter and subscription prompts,
  "Advertisement"/"Read more" stubs and the tail of a page (standards notes, "posted by",
  letters-to-the-editor prompts) are dropped by shape and wording, never by site.
* **headline**: the visible ``<h1>`` when it agrees with the page's metadata titles (a kicker
  line in the ``<h1>`` is left out), else the metadata title, never the site name.

The text is the headline, then the body's paragraphs, separated by blank lines.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from briefing.model import Article
from briefing.sources.text import SourceError, article_from_text

_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)

# Class/id tokens of containers that hold no article prose.
_NOISE_TOKEN = re.compile(
    r"(?:^|[-_\s])(?:ad|ads|adv|advert\w*|advertising|promo\w*|related|newsletter\w*|social|"
    r"share\w*|sharing|recirc\w*|subscri\w*|signup|sign-up|sponsor\w*|outbrain|taboola|"
    r"recommend\w*|callout|comments?|byline|caption|credit|breadcrumbs?|nav\w*|menu|"
    r"footer|header|toolbar|tags?|topics?|most-?read|popular|more-?stories|paywall|"
    r"cookie\w*|consent|modal|popup)(?:$|[-_\s])",
    re.IGNORECASE,
)
_SKIP_TAGS = {
    "script", "style", "noscript", "aside", "figure", "figcaption", "nav", "footer", "header",
    "form", "button", "iframe", "svg", "template", "select", "input", "label", "table",
}
_BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
# A <div> styled as a heading ("h4", "heading-h3", "headline") with nothing else inside.
_HEADING_CLASS = re.compile(r"(?:^|\s)(?:h[2-6]|heading(?:-h[2-6])?|headline|subhead(?:ing)?)(?:\s|$)", re.I)

# Short blocks that are page furniture wherever they stand.
_STUB = re.compile(
    r"^(?:advertisement|advertising|sponsored( content)?|story continues below|read more|"
    r"keep reading|continue reading( the main story)?|related( stories| articles| topics| content| coverage)?|"
    r"more on this( story)?|more from [\w .'’-]+|more stories|see also|most (?:read|popular|viewed)|"
    r"recommended( for you)?|share this( story| article)?|share on \w+|follow us( on \w+)?|"
    r"watch( live| now)?|click here|skip (?:to|ad)\b.*|listen to this( article)?|"
    r"photo|image|video)\W*$",
    re.IGNORECASE,
)
_PROMO_CUE = re.compile(
    r"\b(?:sign(?:ing)? up|signup|subscribe|subscription|newsletters?|inbox|get the latest|"
    r"email (?:updates|alerts)|delivered (?:to|straight to)|free daily|register (?:for|now)|"
    r"join us|follow us|download (?:the|our) app)\b",
    re.IGNORECASE,
)
# A prompt talks to the reader ("sign up here", "your inbox"); a news sentence about a
# newsletter ("readers can sign up for it") does not.
_ADDRESS = re.compile(r"\b(?:you|your|our|here|now|today|free)\b|^(?:get|sign|subscribe|join|follow)\b",
                      re.IGNORECASE)
# Blocks that end a page rather than an article (checked from the last block backwards).
_TAIL = re.compile(
    r"^(?:our standards\b|posted (?:by|in)\b|published (?:by|in)\b|filed under\b|"
    r"tags?\s*:|topics?\s*:|related\s*:|share (?:this|on)\b|we want to hear what you think|"
    r"(?:copyright|©)\s|all rights reserved|report a correction|read (?:next|more)\b|"
    r"sign up\b|subscribe\b|follow us\b|more (?:about|from|on)\b|"
    r"have (?:a|your) (?:say|news tip|story)|got a (?:story|tip|news tip)|"
    r"contact (?:the|our) (?:author|newsroom|reporter)|"
    r".*\b(?:letter to the editor|letters to the editor)\b)",
    re.IGNORECASE,
)


@dataclass
class Block:
    kind: str  # "p", "head", "item", "quote"
    text: str
    link_chars: int = 0
    group: int = 0  # list items of one list share a group

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def link_ratio(self) -> float:
        return self.link_chars / max(1, len(self.text))


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _key(text: str) -> str:
    """A comparison key: lower-case words only (quotes, dashes and spacing don't matter)."""
    return " ".join(w.lower() for w in _WORD.findall(text))


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


# -- trafilatura's output as blocks ---------------------------------------------------------


def _blocks_from_body(body) -> list[Block]:
    """trafilatura's output tree (its own XML dialect) as a flat list of blocks."""
    blocks: list[Block] = []
    group = 0

    def walk(el) -> None:
        nonlocal group
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "list":
                group += 1
                for item in child.iter("item"):
                    text = _norm("".join(item.itertext()))
                    if text:
                        blocks.append(Block("item", text, 0, group))
            elif tag in ("p", "head", "quote"):
                text = _norm("".join(child.itertext()))
                if text:
                    kind = "head" if tag == "head" else "quote" if tag == "quote" else "p"
                    blocks.append(Block(kind, text))
            elif tag in ("table", "graphic", "code", "ref", "hi", "lb", ""):
                continue
            else:
                walk(child)

    walk(body)
    return blocks


class PageIndex:
    """Paragraph-like elements of the page by their text key (last one wins), with link text."""

    TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd")

    def __init__(self, tree) -> None:
        self.by_key: dict[str, object] = {}
        for el in tree.iter(*self.TAGS):
            key = _key("".join(el.itertext()))
            if key:
                self.by_key[key] = el

    def element(self, text: str):
        return self.by_key.get(_key(text))

    def annotate(self, blocks: list[Block]) -> None:
        """Fill in each block's link share from the page (trafilatura's text drops links)."""
        for block in blocks:
            el = self.element(block.text)
            if el is not None:
                block.link_chars = sum(len(_norm("".join(a.itertext()))) for a in el.iter("a"))


# -- the page itself ------------------------------------------------------------------------


def _is_noise(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _SKIP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in ("navigation", "banner", "complementary", "contentinfo"):
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(marks.strip()) and _NOISE_TOKEN.search(marks) is not None


def _dom_blocks(root) -> list[Block]:
    """Prose blocks under ``root`` in document order, skipping furniture and nested blocks."""
    out: list[Block] = []
    group = 0

    def walk(el, in_list: int) -> None:
        nonlocal group
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or _is_noise(child):
                continue
            tag = tag.lower()
            if tag in ("ul", "ol"):
                group += 1
                walk(child, group)
                continue
            if tag in _BLOCK_TAGS and not any(
                isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS for d in child.iterdescendants()
            ):
                text = _norm("".join(child.itertext()))
                if text:
                    links = sum(len(_norm("".join(a.itertext()))) for a in child.iter("a"))
                    kind = ("item" if tag == "li" else "head" if tag.startswith("h")
                            else "quote" if tag == "blockquote" else "p")
                    out.append(Block(kind, text, links, in_list if tag == "li" else 0))
                continue
            if tag in ("div", "span") and _HEADING_CLASS.search(child.get("class") or "") and not any(
                isinstance(d.tag, str) and d.tag.lower() in _BLOCK_TAGS | {"div"} for d in child.iterdescendants()
            ):
                text = _norm("".join(child.itertext()))
                if text and len(text.split()) <= 20:
                    out.append(Block("head", text))
                continue
            walk(child, in_list)

    walk(root, 0)
    return out


def _signature(el) -> tuple[str, frozenset[str]]:
    return el.tag, frozenset((el.get("class") or "").split())


def _alike(a, b) -> bool:
    ta, ca = _signature(a)
    tb, cb = _signature(b)
    if ta != tb or not ca or not cb:
        return False
    return len(ca & cb) / len(ca | cb) >= 0.5


def _prose(blocks: list[Block]) -> bool:
    return any(b.kind == "p" and b.words >= 20 and b.link_ratio < 0.3 for b in blocks)


def _continuation(index: PageIndex, blocks: list[Block]) -> list[Block]:
    """Blocks from sibling containers that continue the one trafilatura stopped in."""
    anchor = None
    for block in reversed(blocks):
        if block.kind in ("p", "item", "quote") and block.words >= 12 and block.link_ratio < 0.5:
            anchor = index.element(block.text)
            break
    if anchor is None:
        return []
    seen = {_key(b.text) for b in blocks}
    node = anchor
    while node is not None and node.getparent() is not None:
        parent = node.getparent()
        if not isinstance(parent.tag, str) or parent.tag.lower() in ("body", "html"):
            break
        if node.tag == "article":
            break  # a sibling <article> is another story
        later = [s for s in node.itersiblings() if isinstance(s.tag, str) and _alike(node, s)]
        if later:
            extra: list[Block] = []
            for sibling in later:
                if sibling.find(".//h1") is not None:
                    break  # a new headline starts another story
                found = [b for b in _dom_blocks(sibling) if _key(b.text) not in seen]
                if not _prose(found):
                    continue
                extra.extend(found)
            if extra:
                return extra
        node = parent
    return []


# -- boilerplate ----------------------------------------------------------------------------


def _promo(block: Block) -> bool:
    if block.words > 45:
        return False
    cues = {m.group(0).lower() for m in _PROMO_CUE.finditer(block.text)}
    return len(cues) >= 2 and _ADDRESS.search(block.text) is not None


def _stub(block: Block) -> bool:
    return block.words <= 8 and _STUB.match(block.text) is not None


def _link_filler(block: Block) -> bool:
    """A block that is (almost) all link text: a pointer to another page."""
    return block.words <= 25 and block.link_ratio >= 0.8


def _drop_boilerplate(blocks: list[Block]) -> list[Block]:
    # Lists whose items are mostly links are navigation or "related stories".
    groups: dict[int, list[Block]] = {}
    for b in blocks:
        if b.kind == "item":
            groups.setdefault(b.group, []).append(b)
    link_lists = {g for g, items in groups.items()
                  if all(0 < i.link_ratio and i.words <= 30 for i in items)
                  and sum(i.link_ratio for i in items) / len(items) >= 0.4}
    kept = [b for b in blocks
            if not (b.kind == "item" and b.group in link_lists)
            and not _stub(b) and not _promo(b) and not _link_filler(b)]
    # The tail of a page: notes, prompts and credits that follow the last paragraph.
    trimmed = False
    while kept:
        last = kept[-1]
        if last.words <= 40 and (_TAIL.match(last.text) or _promo(last)):
            kept.pop()
            trimmed = True
            continue
        if trimmed and (last.kind == "head" or (last.words <= 12 and last.text.endswith(("?", ":")))):
            kept.pop()  # the lead-in to a prompt just removed ("Interested in more?")
            continue
        break
    # Headings left with nothing under them.
    while kept and kept[-1].kind == "head":
        kept.pop()
    return kept


# -- headline and metadata ------------------------------------------------------------------

_DATELINE_END = re.compile(r"(?:—|–|--|-|:)\s*$")
_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


def _overlap(a: str, b: str) -> float:
    ta, tb = set(_tokens(a)), set(_tokens(b))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _h1_lines(h1) -> list[str]:
    """An ``<h1>``'s text, and its separate lines when it has several (a kicker and a headline
    split by ``<br>`` or by classed spans): candidates for the headline."""
    segments: list[str] = []
    current = h1.text or ""
    for child in h1:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "br":
            segments.append(current)
            current = child.tail or ""
        elif tag in ("span", "div", "p", "small", "strong", "b") and child.get("class"):
            segments.append(current)
            segments.append("".join(child.itertext()))
            current = child.tail or ""
        else:
            current += ("".join(child.itertext()) if tag else "") + (child.tail or "")
    segments.append(current)
    segments = [s for s in (_norm(seg) for seg in segments) if s]
    whole = " ".join(segments)
    return [whole] + (segments if len(segments) > 1 else [])


def _jaccard(a: str, b: str) -> float:
    ta, tb = set(_tokens(a)), set(_tokens(b))
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _meta(tree, *names: str) -> list[str]:
    out = []
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for value in tree.xpath(f'//meta[@{attr}="{name}"]/@content'):
                value = _norm(value)
                if value:
                    out.append(value)
    return out


def _plausible_title(text: str, site_names: set[str]) -> bool:
    words = text.split()
    if len(words) < 2 and not (len(words) == 1 and len(text) > 12):
        return False
    return _key(text) not in site_names


def _headline(tree, doc) -> str | None:
    site_names = {_key(s) for s in _meta(tree, "og:site_name", "application-name") if s}
    if doc is not None and getattr(doc, "sitename", None):
        site_names.add(_key(doc.sitename))
    titles = [_norm(t) for t in tree.xpath("//title//text()") if _norm(t)]
    page_title = ""
    if titles:
        parts = _TITLE_SPLIT.split(titles[0])
        parts = [p for p in parts if _key(p) not in site_names] or parts
        page_title = max(parts, key=len)
    metas = _meta(tree, "og:title", "twitter:title", "headline")
    if doc is not None and getattr(doc, "title", None):
        metas.append(_norm(doc.title))
    if page_title:
        metas.append(page_title)
    metas = [m for m in metas if _plausible_title(m, site_names)]
    for h1 in tree.iter("h1"):
        lines = [ln for ln in _h1_lines(h1) if len(ln.split()) >= 3 and _key(ln) not in site_names]
        if not lines or not metas:
            continue
        best = max(lines, key=lambda ln: (round(max(_jaccard(ln, m) for m in metas), 3), -len(ln)))
        if max(_overlap(best, m) for m in metas) >= 0.5:
            return best
    if metas:
        return metas[0]
    for h1 in tree.iter("h1"):
        lines = [ln for ln in _h1_lines(h1) if len(ln.split()) >= 3]
        if lines:
            return max(lines, key=len)
    return None


_MONTHS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)|\d", re.IGNORECASE
)


def _byline(author: str | None, site_names: set[str]) -> str | None:
    if not author:
        return None
    names = []
    for part in re.split(r"\s*[;|]\s*", author):
        part = _norm(part)
        if not part or _MONTHS.search(part) or _key(part) in site_names or len(part) > 80:
            continue
        if part not in names:
            names.append(part)
    return ", ".join(names) or None


# -- entry point ----------------------------------------------------------------------------


def _quiet_library_logs() -> None:
    """trafilatura and its helpers log warnings about odd pages; with no handler configured
    Python would print them on stderr, over the CLI's own one-line messages."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def extract(data: bytes | str, url: str | None = None) -> tuple[str | None, str, dict[str, str]]:
    """(headline, body text, metadata) of an HTML page. Raises ``SourceError``."""
    import trafilatura  # lazy: heavy, and only needed for HTML sources

    _quiet_library_logs()

    try:
        tree = trafilatura.load_html(data)
    except Exception:  # noqa: BLE001 - a parser failure is a bad source, not a crash
        tree = None
    if tree is None:
        raise SourceError("not a readable HTML page")
    _separate_inline_datelines(tree)
    try:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(tree), url=url, with_metadata=True, include_links=False,
            include_tables=False, include_images=False, include_comments=False,
            include_formatting=False, deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura failing on odd input: fall back below
        doc = None
    blocks = _blocks_from_body(doc.body) if doc is not None and doc.body is not None else []
    if blocks:
        index = PageIndex(tree)
        index.annotate(blocks)
        blocks = _drop_boilerplate(blocks)
        blocks = _drop_boilerplate(blocks + _continuation(index, blocks))
    else:
        body = tree.find(".//body")
        blocks = _drop_boilerplate(_dom_blocks(body if body is not None else tree))
    headline = _headline(tree, doc)
    if headline and blocks and _key(blocks[0].text) == _key(headline):
        blocks = blocks[1:]
    paragraphs: list[str] = []
    carry = ""
    for b in blocks:
        text = ("• " + b.text) if b.kind == "item" else b.text
        if b.kind == "p" and b.words <= 4 and _DATELINE_END.search(text):
            carry += text + " "  # "WASHINGTON —" standing alone: it opens the next paragraph
            continue
        paragraphs.append(carry + text)
        carry = ""
    if carry:
        paragraphs.append(carry.strip())
    body_text = "\n\n".join(paragraphs)
    site_names = {_key(s) for s in _meta(tree, "og:site_name") if s}
    meta: dict[str, str] = {}
    if doc is not None:
        byline = _byline(getattr(doc, "author", None), site_names)
        if byline:
            meta["byline"] = byline
        if getattr(doc, "date", None):
            meta["date"] = str(doc.date)
        page_url = getattr(doc, "url", None)
        if page_url and re.match(r"https?://", page_url):
            meta["url"] = page_url
    if url and "url" not in meta:
        meta["url"] = url
    return headline, body_text, meta


def _separate_inline_datelines(tree) -> None:
    """``<p><cite>London (CNN)</cite>It was ...``: a dateline set in its own inline element
    and spaced by the site's CSS reads "London (CNN)It was" once the tags go; give it its space."""
    for el in tree.iter("cite"):
        tail = el.tail or ""
        if tail[:1].isalnum() and "".join(el.itertext()).strip():
            el.tail = " " + tail


def _as_fragment(data: bytes | str) -> str:
    from briefing.sources.fragment import fragment_to_text
    from briefing.sources.text import decode_bytes

    if isinstance(data, bytes):
        try:
            data, _note = decode_bytes(data, "page")
        except SourceError:
            return ""
    try:
        return fragment_to_text(data)
    except Exception:  # noqa: BLE001 - nothing readable
        return ""


def load_html_bytes(data: bytes | str, source: str, url: str | None = None) -> Article:
    """One article from an HTML page. Raises ``SourceError`` (message without the source)."""
    try:
        headline, body, meta = extract(data, url=url)
    except SourceError:
        # Too small or odd for a page parser: read it as a fragment of markup.
        headline, body, meta = None, _as_fragment(data), {}
        if not body.strip():
            raise
    except Exception as exc:  # noqa: BLE001 - never a traceback for a bad page
        raise SourceError(f"could not read the HTML ({exc.__class__.__name__})") from None
    if not body.strip():
        raise SourceError("no article text found in the page")
    text = f"{headline}\n\n{body}" if headline else body
    return article_from_text(text, source, title=headline, **meta)
