"""Person mentions: a repaired name span and how well a short form fits a full name.

``person_mention`` cleans the model's PERSON spans (leading affiliations and titles, trailing
dashes, possessives, parties tagged as people); ``title_mentions`` finds names after Mr/Dr/
Lord...; ``name_fit`` scores a mention ("Mr Kennedy", "J Robinson", "Sonny") against a
cluster's full name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.analysis.doctext import span_text, text_of, tokens_of
from briefing.analysis import names as N
from briefing.analysis.quotemarks import find_spans
from briefing.analysis.roles import is_job_noun

if TYPE_CHECKING:
    from briefing.analysis.clusters import Cluster

@dataclass
class Mention:
    start: int
    end: int
    tok_start: int
    tok_end: int
    words: list[str]
    title: str | None = None
    kind: str = "name"  # name | lineup | rescan | nominal
    cluster: "Cluster | None" = None
    territory: str | None = None  # "of Birkenhead" in "Lord Nicholls of Birkenhead"


def name_key(words) -> tuple[str, ...]:
    return tuple(N.norm_word(w) for w in words)


def core_words(words) -> list[str]:
    return [w for w in words if not N.is_initial(w)]


def is_full_name(words) -> bool:
    return len(core_words(words)) >= 2 and not N.is_initial(words[0])


_NICKNAMES = {
    "danny": "daniel", "dan": "daniel", "mike": "michael", "mick": "michael", "bill": "william",
    "billy": "william", "will": "william", "bob": "robert", "rob": "robert", "robbie": "robert",
    "jim": "james", "jimmy": "james", "tony": "anthony", "andy": "andrew", "tom": "thomas",
    "tommy": "thomas", "dave": "david", "nick": "nicholas", "ben": "benjamin", "sam": "samuel",
    "joe": "joseph", "pete": "peter", "phil": "philip", "jon": "jonathan", "jonny": "jonathan",
    "johnny": "john", "ed": "edward", "eddie": "edward", "ted": "edward", "ken": "kenneth",
    "kenny": "kenneth", "steve": "stephen", "stevie": "steven", "chris": "christopher",
    "matt": "matthew", "alex": "alexander", "fred": "frederick", "freddie": "frederick",
    "harry": "henry", "charlie": "charles", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "katie": "katherine", "sue": "susan", "jenny": "jennifer",
    "maggie": "margaret", "jo": "joanne", "di": "diana", "gerry": "gerald", "greg": "gregory",
    "nicky": "nicholas", "ricky": "richard", "rick": "richard", "dick": "richard", "rich": "richard",
    "tim": "timothy", "vince": "vincent", "les": "leslie", "ron": "ronald", "don": "donald",
}


def same_first_name(a: str, b: str) -> bool:
    """"Steve"/"Steven", "Danny"/"Daniel": one first name and its short form."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    ca, cb = _NICKNAMES.get(a, a), _NICKNAMES.get(b, b)
    if ca == cb or (min(len(ca), len(cb)) >= 4 and (ca.startswith(cb) or cb.startswith(ca))):
        return True
    # transliterations: "Viktor"/"Victor", "Mohammed"/"Mohamed"
    return min(len(a), len(b)) >= 5 and a[0] == b[0] and _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    """Do two words differ by one substituted, inserted or deleted letter?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[k:] == long_[k + 1:]


def name_fit(mwords, cwords) -> int:
    """How well mention words fit a cluster's name: 5 exact ... 1 first name only, 0 none."""
    m, c = name_key(mwords), name_key(cwords)
    if not m or not c:
        return 0
    if m == c:
        return 5
    m_init = [w for w in mwords if N.is_initial(w)]
    if m_init and mwords[0] in m_init:
        k = 0
        while k < len(mwords) and N.is_initial(mwords[k]):
            k += 1
        rest = m[k:]
        letters = "".join(N.initial_letters(w) for w in mwords[:k])
        if rest and len(rest) == len(c) and rest == c:
            return 2  # "A Brown" and a "Brown" known only by surname
        if not rest or len(rest) >= len(c) or c[-len(rest):] != rest:
            return 0
        cfirst = cwords[: len(cwords) - len(rest)]
        cletters = "".join(N.initial_letters(w) for w in cfirst)
        if cletters.startswith(letters) or (cletters and letters.startswith(cletters)) or (
            cletters and cletters[0] == letters[0]
        ):
            return 3
        return 0
    if len(m) >= 2:
        if len(m) < len(c) and c[-len(m):] == m and N.norm_word(mwords[0]) in N.PARTICLES | {w.lower() for w in mwords[:1] if w[:1].isupper()}:
            return 4
        if len(c) < len(m) and m[-len(c):] == c and not N.is_initial(cwords[0]):
            return 4
        if m[0] == c[0] and m[-1] == c[-1] and not N.is_initial(cwords[0]):
            return 4
        if len(m) == len(c) == 2 and m[-1] == c[-1] and same_first_name(m[0], c[0]):
            return 4  # "Steve Gerrard" and "Steven Gerrard"
        return 0
    w = m[0]
    if w in N.PARTICLES:
        return 0
    if w == c[-1]:
        return 2
    if len(c) >= 2 and (c[-1] == w or (len(c) >= 3 and " ".join(c[-2:]) == w)):
        return 2
    if len(c) >= 3 and any(c[k] == w and c[k + 1] in N.PARTICLES for k in range(1, len(c) - 1)):
        return 2  # "Mr Lula" for "Luiz Inacio Lula da Silva"
    if len(c) >= 2 and w == c[0] and not N.is_initial(cwords[0]) and c[0] not in N.PARTICLES:
        return 1
    return 0


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks (the quote extractor's mark scanner:
    a quote reopened before it closes ends where the new one opens)."""
    return [(sp.start, sp.end) for sp in find_spans(text) if sp.style == "double"]


POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


def person_mention(doc, start: int, end: int, kind: str = "name", evidence: bool = False) -> Mention | None:
    """Repair a PERSON span: drop determiners, affiliations, job titles, dashes and
    possessives around the name; None when what is left is not a person's name. With
    ``evidence`` (the text treats it as a person) a place word does not rule a name out."""
    # "Prince" + "Harry": an honorific the model left outside the name
    if start > 0 and doc[start - 1].text[:1].isupper() and \
            N.norm_word(doc[start - 1].text).rstrip(".") in N.COURTESY | N.PEERAGE:
        start -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in POSSESSIVE
                           or (doc[end - 1].is_lower and doc[end - 1].lower_ not in N.PARTICLES)
                           or doc[end - 1].text[:1].isdigit()):  # "beat Tim Henman 6-4 6-3"
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in ("the", "a", "an")
                           or (doc[start].is_lower and doc[start].lower_ not in N.PARTICLES)
                           or doc[start].lower_ in ("said", "says", "told", "added", "asked")
                           or (doc[start].pos_ in ("VERB", "AUX", "ADJ") and end - start > 1
                               and not N.is_first_name(doc[start].text)
                               and doc[start].lower_ not in N.NATIONALITIES)):
        start += 1
    if end <= start:
        return None
    # "Florian Hamm - Borussia Dortmund's": a spaced dash ends the name
    for k in range(start + 1, end):
        if doc[k].text in ("-", "--", "\u2013", "\u2014") and doc[k - 1].whitespace_:
            end = k
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    # An inner possessive: "Britain's Paula Radcliffe" -> the right part,
    # "Lib Dem's Citizen's Pension" -> the left part (which then fails as a party).
    for k in range(start + 1, end - 1):
        if doc[k].text in ("'s", "\u2019s") or (doc[k].text in ("'", "\u2019") and doc[k - 1].text.endswith("s")):
            left = doc[start:k]
            right_first = doc[k + 1]
            left_low = left.text.lower()
            if (left_low in N.PLACES or left_low in N.NATIONALITIES or left[-1].ent_type_ in ("GPE", "ORG", "NORP", "LOC")
                    or N.looks_like_party(left.text) or N.is_first_name(right_first.text)):
                start = k + 1
            else:
                end = k
            break
    # Leading affiliation and job words: "Lib Dem Norman Baker", "Judge Lord Cullen".
    while end - start > 1 and (
        (doc[start].lower_ in N.AFFILIATION_WORDS or doc[start].lower_ in N.TITLE_WORDS
         or doc[start].lower_ in N.NATIONALITIES or doc[start].ent_type_ == "NORP")
        and N.norm_word(doc[start].text) not in N.HONORIFICS
        and not N.is_first_name(doc[start].text)
    ):
        start += 1
    # "Chef Jamie Oliver", "Rapper Kendrick Lamar": a job noun before a first name
    if end - start > 2 and N.norm_word(doc[start].text).rstrip("s") in N.ROLE_NOUNS \
            and N.norm_word(doc[start].text) not in N.HONORIFICS and N.is_first_name(doc[start + 1].text) \
            and not N.is_first_name(doc[start].text):
        start += 1
    # A first name after other capitalised words is where the name starts: "Fellow Lib Dem Norman Baker".
    for k in range(start + 1, end - 1):
        if N.is_first_name(doc[k].text) and all(
            (doc[j].lower_ in N.AFFILIATION_WORDS or doc[j].ent_type_ in ("NORP", "GPE", "ORG")) and not N.is_first_name(doc[j].text)
            for j in range(start, k)
        ):
            start = k
            break
    title = None
    while end - start > 1 and N.norm_word(doc[start].text).rstrip(".") in N.HONORIFICS:
        t = N.norm_word(doc[start].text).rstrip(".")
        if t in N.COURTESY or t in N.PEERAGE:
            title = title or t
        elif title is None:
            # a job title glued to the name ("President Bush"): not part of the name
            pass
        start += 1
        if title and start < end and N.norm_word(doc[start].text).rstrip(".") not in N.HONORIFICS:
            break
    # keep the courtesy title inside the mention span ("Mr Kennedy")
    span_start = start
    if title and start > 0 and N.norm_word(doc[start - 1].text).rstrip(".") == title:
        span_start = start - 1
    while end - start > 1 and doc[end - 1].text.rstrip(".") in N.POST_NOMINALS:
        end -= 1  # "William Haughey OBE"
    # "Lord Nicholls of Birkenhead": a peer's territorial designation is part of the full name
    span_end = end
    territory = None
    if title in N.PEER_TITLES:
        inner = next((k for k in range(start + 1, end) if doc[k].lower_ == "of"), None)
        if inner is not None and inner + 1 < end and doc[inner + 1].text[:1].isupper():
            end = inner
        elif end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() \
                and doc[end + 1].is_alpha:
            span_end = end + 1
            while span_end < len(doc) and span_end - end <= 3 and doc[span_end].text[:1].isupper() \
                    and doc[span_end].is_alpha:
                span_end += 1
        if span_end > end:
            territory = span_text(doc, end, span_end)
    name_tokens = doc[start:end]
    text = text_of(doc)[name_tokens.start_char:name_tokens.end_char]
    words = text.split()
    if not words or len(words) > 5:
        return None
    for w in words:
        core = w.strip("'\u2019")
        if not core or any(ch.isdigit() for ch in core) or "&" in core or "@" in core or "/" in core:
            return None
        if not (core[0].isupper() or N.norm_word(core) in N.PARTICLES):
            return None
    low = [N.norm_word(w) for w in words]
    if N.looks_like_party(text) or N.norm_word(text) in N.NOT_NAMES:
        return None
    if all(w in N.TITLE_WORDS or w in N.ROLE_NOUNS or w in N.HONORIFICS or w in ("consort", "justice", "royal", "duke", "duchess", "earl")
           for w in low):
        return None  # "Lord Chief Justice", "Princess Consort", "Businessman"
    if len(words) > 1 and not N.is_first_name(words[0]) and not title and any(w in N.PLACES for w in low) \
            and not evidence and not _after_job(doc, span_start):
        return None  # "Aston Villa", "Nottingham Forest", "Buenos Aires" (not "her coach Aston Moore")
    if len(words) > 1 and low[0] in ("st", "st.", "saint", "san", "santa", "sao", "port", "fort", "mount", "lake") \
            and not title:
        return None  # "St Helens", "San Marino": places and clubs
    if len(words) == 1 and (low[0] in N.NATIONALITIES or low[0] in N.NOT_NAMES or low[0] in N.AFFILIATION_WORDS and not title):
        return None
    if len(words) > 1 and low[-1] in N.ORG_WORDS and (not N.is_first_name(words[-1]) or (
            not title and not any(N.is_first_name(w) for w in words[:-1]))) \
            and not (N.is_first_name(words[0]) and (evidence or _after_job(doc, span_start)
                                                   or _person_apposition(doc, span_end))):
        return None  # "the Agriculture Bill" (not "Alexandra Tower, a spokeswoman for ...")
    if all(w.isupper() and len(w) > 1 for w in words) and len(words) == 1:
        return None  # an acronym
    if _eponym(doc, span_start, span_end) or _product(doc, span_start, low):
        return None
    span_doc = doc[span_start:span_end]
    return Mention(span_doc.start_char, span_doc.end_char, span_start, span_end, words, title, kind,
                   territory=territory)


def _person_apposition(doc, end: int) -> bool:
    """", a spokeswoman for ...", ", the bank's chief economist": a person noun in apposition."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    for k in range(end + 2, min(len(doc), end + 7)):
        tok = doc[k]
        if tok.is_punct or tok.lower_ in ("of", "for", "at", "who"):
            return False
        if is_job_noun(tok):
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            if nxt is None or not (nxt.pos_ == "NOUN" and nxt.is_lower):
                return True
    return False


def _after_job(doc, start: int) -> bool:
    """A lower-case person noun right before the name: "her coach Aston Moore"."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and is_job_noun(prev)


_GROUP_NUMBERS = {"Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "new"}


def _eponym(doc, start: int, end: int) -> bool:
    """A name that names a place or a thing: "the Matthew Harding stand", "Frankfurt's
    Rhein-Main airport", "the John Smith Memorial Trophy"."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.text in _GROUP_NUMBERS:
        return True  # "the Guildford Four"
    if N.norm_word(nxt.text) not in N.EPONYM_NOUNS or not nxt.is_alpha:
        return False
    if nxt.text[:1].isupper():
        return not nxt.is_sent_start
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and (prev.lower_ in _DETERMINERS or prev.tag_ == "POS" or prev.text in POSSESSIVE)


def _product(doc, start: int, low: list[str]) -> bool:
    """A make and model, not a person: "a red Vauxhall Corsa", "his Ford Focus"."""
    if len(low) >= 2 and low[0] in N.PRODUCT_MAKERS:
        return True
    k = start - 1
    while k >= 0 and start - k <= 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NUM", "VERB") and doc[k].is_alpha:
        k -= 1
    return k >= 0 and k < start - 1 and doc[k].lower_ in ("a", "an")


def title_mentions(doc) -> list[tuple[int, int]]:
    """Token ranges "Mr X", "Dr Julian X", "Lord X" whatever the entity model said."""
    out = []
    n = len(doc)
    for i, tok in enumerate(tokens_of(doc)):
        t = N.norm_word(tok.text).rstrip(".")
        if t not in N.COURTESY or not tok.text[:1].isupper():
            continue
        j = i + 1
        if j < n and doc[j].text == ".":
            j += 1
        k = j
        while k < n and k - j < 4 and (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text in ("-",) or doc[k].lower_ in N.PARTICLES and k > j):
            if doc[k].text == "-" and (k + 1 >= n or not doc[k + 1].text[:1].isupper()):
                break
            if doc[k].lower_ in ("i",):
                break
            k += 1
        if k > j:
            out.append((i, k))
    return out


def head_of(doc, start: int, end: int):
    span = doc[start:end]
    try:
        return span.root
    except Exception:  # noqa: BLE001 - spans of unparsed docs
        return doc[end - 1]
