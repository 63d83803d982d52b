"""Roles: the title or job the text gives an actor.

Three places a news text states a role, tried in this order for each mention:
- before the name: "UN Secretary-General Ban Ki-Moon", "Wales coach Mike Ruddock",
  "Labour's deputy minister for women Jacqui Smith";
- in apposition: "Dr Julian Lewis, the Conservative spokesman for the Cabinet Office, said";
- with a copula: "Mr Smith is chief executive of BP", "Smith, who is chairman of ...".
"""

from __future__ import annotations

from briefing.analysis.names import (
    AFFILIATION_WORDS, NATIONALITIES, ROLE_NOUNS, TITLE_WORDS, looks_like_party,
)

TEMPORAL = {
    "time", "times", "year", "years", "week", "weeks", "day", "days", "month", "months",
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night",
    "season", "weekend", "spring", "summer", "autumn", "winter", "moment", "hour", "hours",
    "minute", "minutes", "side", "way", "game", "match", "half", "case", "news", "report",
    "statement", "interview", "speech", "letter", "name", "return", "absence", "injury",
    "view", "decision", "move", "plan", "plans", "move", "fact", "help", "support", "lack",
}
_STOP_ENTS = {"DATE", "TIME", "PERCENT", "MONEY"}
_LEAD_DROP = {"fellow", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
_CONNECT = {"of", "for", "and", "&", "-", "'s", "\u2019s", "'", "\u2019", "at", "to"}


def _is_role_word(tok) -> bool:
    low = tok.lower_
    if low in ROLE_NOUNS or low in TITLE_WORDS:
        return True
    if tok.pos_ == "NOUN" and tok.is_lower and low not in TEMPORAL and tok.is_alpha:
        return True
    return False


def _affiliation(tokens) -> bool:
    text = " ".join(t.text for t in tokens)
    return bool(tokens) and looks_like_party(text)


def _clean(tokens) -> str | None:
    """The role text of a token run, with leading determiners and connectors removed."""
    toks = list(tokens)
    while toks and (toks[0].lower_ in _LEAD_DROP or toks[0].lower_ in _CONNECT or toks[0].is_punct):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in _CONNECT or toks[-1].is_punct or toks[-1].lower_ in {"who", "which", "that"}):
        toks = toks[:-1]
    if not toks:
        return None
    if len(toks) > 14:
        return None
    doc = toks[0].doc
    text = doc.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    return " ".join(text.split()) or None


def role_before(doc, start: int, blocked: set[int]) -> str | None:
    """The role words right before a name starting at token ``start``."""
    if start <= 0:
        return None
    sent_start = doc[start].sent.start
    i = start - 1
    zone = []
    while i >= sent_start:
        t = doc[i]
        if i in blocked or t.ent_type_ in _STOP_ENTS:
            break
        if t.text in {",", "(", ")", ":", ";", "\"", "\u201c", "\u201d", "--", "\u2013", "\u2014"} or t.is_quote:
            break
        if t.is_space or "\n" in t.text:
            break
        ok = (
            t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
            or t.tag_ == "POS"
            or t.text in {"-", "'s", "\u2019s"}
            or (t.pos_ == "VERB" and t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound"))
            or t.lower_ in {"of", "for", "and", "&"}
        )
        if t.text == "-" and i > 0 and doc[i - 1].whitespace_:
            # a spaced dash is punctuation, not a hyphen inside a compound
            break
        if not ok:
            break
        if t.lower_ in {"of", "for"}:
            left = doc[i - 1] if i - 1 >= sent_start else None
            right = doc[i + 1]
            if left is None or left.i in blocked or not (
                    left.lower_ in ROLE_NOUNS or left.lower_ in TITLE_WORDS
                    or (left.is_title and right.is_title and not left.is_sent_start)):
                break
        if t.lower_ in {"and", "&"}:
            left = doc[i - 1] if i - 1 >= sent_start else None
            right = doc[i + 1]
            if left is None or left.i in blocked or not (left.is_title and right.is_title):
                break
        zone.insert(0, t)
        i -= 1
    while zone and zone[0].lower_ in _CONNECT:
        zone = zone[1:]
    if not zone:
        return None
    cut = next((k for k, t in enumerate(zone) if t.lower_ in ("of", "for") and k > 0), len(zone))
    head = zone[cut - 1]
    if head.tag_ in ("NNS", "NNPS") and head.lower_ not in ROLE_NOUNS:
        return None  # "his two sons, Avi": a plural is not one person's role
    if not any(_is_role_word(t) for t in zone) and not _affiliation(zone) and not any(
        t.lower_ in AFFILIATION_WORDS and t.lower_ not in NATIONALITIES and t.lower_ not in {"britain", "england", "wales", "scotland", "ireland", "france", "germany", "italy", "spain"}
        and t.lower_ in {"lib", "dem", "democrat", "liberal", "tory", "labour", "conservative", "republican", "snp", "ukip", "unionist", "mp", "mep", "msp", "peer"}
        for t in zone
    ):
        return None
    return _clean(zone)


def _np_role(head, stop_at=None) -> str | None:
    """The text of a role noun phrase headed by ``head``: modifiers and a following "of/for"
    phrase, without determiners or relative clauses."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "in", "to", "with", "based"}:
            right = max(right, child.right_edge.i)
        elif child.dep_ in ("acl",) and child.i == head.i + 1:
            right = max(right, child.right_edge.i)
        else:
            break
    toks = [doc[k] for k in range(left, right + 1)]
    cut = []
    for t in toks:
        if stop_at is not None and t.i in stop_at:
            break
        if t.text in {",", ";", "(", ")"} or t.lower_ in {"who", "which", "that"} or t.is_quote:
            break
        cut.append(t)
    return _clean(cut)


def role_around(mention_root) -> str | None:
    """Role from an apposition or a copula around a name's head token."""
    tok = mention_root
    # "Dr Julian Lewis, the Conservative spokesman for the Cabinet Office, said"
    for child in tok.children:
        if child.dep_ == "appos" and child.lower_ not in TEMPORAL and child.tag_ not in ("NNS", "NNPS") and (
                (child.pos_ == "NOUN" and child.is_lower) or child.lower_ in TITLE_WORDS or child.lower_ in ROLE_NOUNS):
            role = _np_role(child)
            if role:
                return role
    # "the information commissioner, Richard Thomas" / "its chief executive, John Smith"
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.is_lower and tok.head.lower_ not in TEMPORAL \
            and tok.head.tag_ not in ("NNS", "NNPS"):
        head = tok.head
        doc = tok.doc
        toks = [doc[k] for k in range(head.left_edge.i, head.i + 1)]
        role = _clean(toks)
        if role:
            return role
    # "England have lost two tighthead props in Julian White and Phil Vickery"
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ in ("in", "including") and first.head.head.tag_ == "NNS":
        group = first.head.head
        lemma = group.lemma_.lower()
        if lemma in ROLE_NOUNS:
            mods = [t.text for t in group.lefts if t.dep_ in ("amod", "compound") and t.pos_ != "NUM"]
            return " ".join(mods + [lemma])
    # "Smith is chief executive of BP"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in ("be", "become"):
        for child in tok.head.children:
            if child.dep_ in ("attr", "acomp") and child.pos_ == "NOUN" and child.lower_ not in TEMPORAL \
                    and child.tag_ not in ("NNS", "NNPS"):
                if any(c.lower_ in {"not", "n't", "never"} for c in tok.head.children):
                    return None
                return _np_role(child)
    # "Smith, who is chairman of ..."
    for child in tok.children:
        if child.dep_ == "relcl" and child.lemma_ in ("be", "become"):
            subj = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ == "who"]
            attr = [c for c in child.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            if subj and attr and not any(c.lower_ in {"not", "n't"} for c in child.children):
                return _np_role(attr[0])
    return None
