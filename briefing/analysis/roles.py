"""Roles: the title or job the text gives an actor.

Three places a news text states a role, tried in this order for each mention:
- before the name: "UN Secretary-General Ban Ki-Moon", "Wales coach Mike Ruddock",
  "Labour's deputy minister for women Jacqui Smith";
- in apposition: "Dr Julian Lewis, the Conservative spokesman for the Cabinet Office, said";
- with a copula: "Mr Smith is chief executive of BP", "Smith, who is chairman of ...".
"""

from __future__ import annotations

import re

from briefing.analysis.doctext import text_of
from briefing.analysis.names import (
    AFFILIATION_WORDS, FEMALE_NOUNS, HONORIFICS, MALE_NOUNS, NATIONALITIES, ROLE_NOUNS, TITLE_WORDS,
    looks_like_party,
)

TEMPORAL = {
    "time", "times", "year", "years", "week", "weeks", "day", "days", "month", "months",
    "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night",
    "season", "weekend", "spring", "summer", "autumn", "winter", "moment", "hour", "hours",
    "minute", "minutes", "side", "way", "game", "match", "half", "case", "news", "report",
    "statement", "interview", "speech", "letter", "name", "return", "absence", "injury",
    "view", "decision", "move", "plan", "plans", "move", "fact", "help", "support", "lack",
}
_SUBJECT_PRONOUNS = {"i", "we", "you", "they", "he", "she", "it", "who", "which"}
_TITLE_MODIFIERS = {"shadow", "deputy", "vice", "acting", "junior", "former", "interim", "caretaker",
                    "assistant", "associate", "senior", "chief", "joint", "co"}
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
    while toks and (toks[0].lower_ in _LEAD_DROP or toks[0].lower_ in _CONNECT or toks[0].is_punct
                    or (toks[0].pos_ == "ADV" and toks[0].lower_ not in ("vice",))):  # "now effectively"
        toks = toks[1:]
    while toks and (toks[-1].lower_ in _CONNECT or toks[-1].is_punct
                    or toks[-1].lower_ in {"who", "which", "that", "in", "on", "as", "with", "by", "from"}):
        toks = toks[:-1]
    if not toks:
        return None
    if len(toks) > 14:
        return None
    doc = toks[0].doc
    text = text_of(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    return " ".join(text.split()) or None


def role_before(doc, start: int, blocked: set[int]) -> str | None:
    """The role words right before a name starting at token ``start``."""
    if start <= 0 or doc[start - 1].lower_ in {"of", "for", "and", "&", "to", "at"}:
        return None  # "over the head of Mr Brown": the name is the object, the noun not its role
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
    if len(zone) > 1 and zone[0].i > 0 and doc[zone[0].i - 1].lower_ in _SUBJECT_PRONOUNS and zone[0].is_lower:
        zone = zone[1:]  # "as they eye captain Steven Gerrard": after a subject pronoun, a verb
    # "his cabinet colleagues Foreign Secretary Jack Straw", "the announcement WLGA finance
    # spokesman Bob Wellington": a common noun followed by a capitalised word ends another
    # noun phrase; the role starts after it
    for k in range(len(zone) - 2, -1, -1):
        t, nxt = zone[k], zone[k + 1]
        if t.pos_ == "NOUN" and t.is_lower and t.is_alpha and nxt.text[:1].isupper() and nxt.is_alpha \
                and t.lower_ not in _TITLE_MODIFIERS and (t.tag_ in ("NNS", "NNPS") or not is_person_noun(t.text)):
            zone = zone[k + 1:]
            break
    # "the head of chairman Keith Haslam": an office right before the name is the role
    if len(zone) >= 3 and zone[-1].is_lower and (zone[-1].lower_ in ROLE_NOUNS or zone[-1].lower_ in TITLE_WORDS):
        last_of = max((k for k, t in enumerate(zone) if t.lower_ in ("of", "for")), default=-1)
        if last_of >= 0 and all(t.is_lower for t in zone[last_of + 1:]):
            zone = zone[last_of + 1:]
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


def _np_role(head, stop_at=None, left: int | None = None) -> str | None:
    """The text of a role noun phrase headed by ``head``: modifiers and a following "of/for"
    phrase, without determiners or relative clauses."""
    doc = head.doc
    left = head.left_edge.i if left is None else min(left, head.left_edge.i)
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


def _succession_office(noun) -> str | None:
    """The office in "predecessor/successor as <office>"."""
    if noun.lower_ not in ("predecessor", "successor"):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _np_role(pobj)
    return None


def role_around(mention_root) -> str | None:
    """Role from an apposition or a copula around a name's head token."""
    tok = mention_root
    # "Dr Julian Lewis, the Conservative spokesman for the Cabinet Office, said"
    for child in tok.children:
        if child.dep_ == "appos" and child.lower_ not in TEMPORAL and child.tag_ not in ("NNS", "NNPS") and (
                (child.pos_ == "NOUN" and child.is_lower) or child.lower_ in TITLE_WORDS or child.lower_ in ROLE_NOUNS):
            doc = child.doc
            last = child.i
            while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
                    and not doc[last + 1].whitespace_:
                last += 2  # "vice-chairman of X" parsed as three appositions
            role = _np_role(doc[last], left=child.left_edge.i) if last != child.i else _np_role(child)
            if role:
                return role
    # "X's predecessor as chief schools inspector, Chris Woodhead": both held the office
    if tok.dep_ == "poss" or tok.dep_ == "appos":
        noun = tok.head
        if tok.dep_ == "appos" and noun.dep_ == "pobj" and noun.head.lower_ == "as":
            noun = noun.head.head  # the name hangs on the office: "predecessor as inspector, X"
        office = _succession_office(noun)
        if office:
            earlier = (noun.lower_ == "predecessor") == (tok.dep_ == "appos")
            return f"former {office}" if earlier else office
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


_DASHES = {"-", "--", "\u2013", "\u2014"}


def role_after_dash(doc, end: int) -> str | None:
    """ "Lord Bingham - a senior law lord - said": a role between spaced dashes after a name."""
    if end + 2 >= len(doc) or doc[end].text not in _DASHES or not doc[end - 1].whitespace_:
        return None
    if doc[end + 1].lower_ not in ("a", "an", "the"):
        return None
    k = end + 2
    while k < len(doc) and k - end <= 14 and doc[k].text not in _DASHES and doc[k].text not in {",", ";", ".", "(", ":"} \
            and "\n" not in doc[k].text and not doc[k].is_quote:
        k += 1
    if k >= len(doc) or doc[k].text not in _DASHES or k == end + 2:
        return None
    role = _clean(doc[end + 2: k])
    return role if role and is_person_role(role) else None


# -- is it a person's role? ------------------------------------------------------------------
# A role names a job, an office, a position, a rank or a relation: its head noun denotes a
# person. Arbitrary nouns that happen to stand next to a name ("In the tunnel Wenger",
# "Cup history", "a blessing in disguise") are not roles.

# Person nouns that no suffix rule finds.
PERSON_HEADS = {
    "boss", "chief", "head", "chair", "star", "captain", "coach", "prop", "lock", "wing", "centre",
    "center", "back", "half", "mp", "mep", "msp", "am", "qc", "peer", "lord", "lady", "judge",
    "justice", "king", "queen", "prince", "princess", "wife", "husband", "son", "daughter",
    "mother", "niece", "nephew", "cousin", "aunt", "uncle", "widow", "friend", "colleague", "boy",
    "girl", "man", "woman", "child", "chef", "pilot", "nurse", "cop", "clerk", "spy", "poet",
    "monk", "nun", "priest", "pope", "bishop", "cardinal", "imam", "rabbi", "cleric", "saint",
    "aide", "envoy", "ally", "rival", "heir", "host", "icon", "hero", "heroine", "legend", "great",
    "youngster", "rookie", "newcomer", "replacement", "substitute", "understudy", "team-mate",
    "teammate", "stalwart", "favourite", "favorite", "seed", "champion", "incumbent", "fan",
    "graduate", "expert", "deputy", "candidate", "nominee", "appointee", "trainee", "employee",
    "refugee", "pupil", "victim", "suspect", "hostage", "casualty", "general", "colonel", "major",
    "corporal", "marshal", "tycoon", "magnate", "mogul", "millionaire", "billionaire", "heiress",
    "counsel", "sheriff", "mayor", "consul", "official", "bureaucrat", "delegate", "critic",
    "pundit", "anchor", "model", "architect", "academic", "principal", "scholar", "medic",
    "physio", "chemist", "jockey", "all-rounder", "tight-head", "loose-head", "openside",
    "blindside", "tighthead", "loosehead", "fly-half", "scrum-half", "full-back", "number",
    "international", "veteran", "debutant", "chairman", "chairwoman", "spokesman",
    "spokeswoman", "spokesperson", "counterpart", "predecessor", "successor", "owner", "partner",
    "patron", "steward", "tsar", "czar", "guru", "maestro", "diva", "dj", "mc", "ceo", "cfo",
    "coo", "cto", "md", "vp",
}
# Nouns that end like a person noun but are not one.
NOT_PERSON_HEADS = {
    "order", "letter", "paper", "power", "matter", "corner", "water", "border", "quarter",
    "chapter", "winter", "summer", "manner", "banner", "dinner", "offer", "cover", "after",
    "under", "filter", "layer", "character", "computer", "container", "disaster", "finger",
    "hunger", "ladder", "monster", "newspaper", "river", "rubber", "shelter", "shoulder",
    "silver", "slaughter", "soccer", "thunder", "tower", "trigger", "weather", "wonder",
    "barrier", "tier", "carrier", "frontier", "career", "charter", "register", "semester",
    "header", "lever", "liver", "meter", "parameter", "powder", "cancer", "chamber", "cluster",
    "danger", "encounter", "fever", "ginger", "lager", "litter", "mortar", "pillar", "poster",
    "printer", "sticker", "tiger", "corridor", "sector", "factor", "error", "motor", "mirror",
    "floor", "door", "color", "colour", "honour", "honor", "favour", "labour", "labor", "rumour",
    "humour", "tumour", "vigour", "flavour", "behaviour", "harbour", "minor", "event", "accident",
    "incident", "percent", "per cent", "content", "intent", "extent", "current", "component",
    "patent", "torrent", "talent", "plant", "grant", "restaurant", "want", "chant", "pageant",
    "variant", "implant", "median", "list", "twist", "wrist", "fist", "mist", "gist", "answer",
    "member-state", "letter", "thriller", "blocker", "shocker", "opener", "decider", "leveller",
    "equaliser", "winner's", "header", "corner", "cracker", "stunner", "scorer's", "year",
    "fixture", "centre-piece", "contract", "season", "quarter-final", "semi-final", "final",
    "budget", "transfer", "tender", "merger", "filter", "outlier", "boomer", "trailer", "cylinder",
    "calendar", "radar", "bar", "car", "star-studded", "tractor", "reactor", "vector", "mentor",
}
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "men", "ee", "eer",
                    "ier", "yst", "ess", "ster", "ive", "arch", "crat", "naut", "smith", "wright")
_SUFFIX_EXCEPT_ENDINGS = ("ment", "ness", "ress", "ess", "ive")
_PERSON_IVE = {"executive", "representative", "detective", "relative", "native", "operative",
               "captive", "conservative"}
_PERSON_ESS = {"actress", "hostess", "princess", "heiress", "waitress", "stewardess", "duchess",
               "countess", "baroness", "mistress", "goddess", "empress", "lioness", "headmistress",
               "authoress", "poetess", "seamstress", "songstress", "manageress"}
_ROLE_CUT = (" of ", " for ", " at ", " in ", " to ", " with ", " based ", " against ", " from ",
             " representing ", " who ", " on ")
_GENERIC_HEADS = {"man", "woman", "person", "guy", "boy", "girl", "child", "figure", "character", "one", "type"}
_NOT_HEADS = {"vice", "prime", "senior", "acting", "former", "junior", "assistant", "associate", "deputy's"}


def is_job_noun(tok) -> bool:
    """A lowercase noun token denoting a person ("coach", "star"): a job before a name."""
    return tok.is_lower and tok.pos_ == "NOUN" and is_person_noun(tok.text)


def is_person_noun(word: str) -> bool:
    """Does this (single, lowercase) noun denote a person: a job, office, rank, relation?"""
    w = word.lower().strip(".,'\u2019")
    if w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    if not w or not w.replace("-", "").isalpha():
        return False
    if w in NOT_PERSON_HEADS:
        return False
    if w in PERSON_HEADS or w in ROLE_NOUNS or w in TITLE_WORDS or w in HONORIFICS or w in NATIONALITIES \
            or w in FEMALE_NOUNS or w in MALE_NOUNS:
        return True
    if "-" in w:  # "vice-chairman", "co-founder", "ex-minister", "team-mate"
        return is_person_noun(w.rsplit("-", 1)[1])
    if w.endswith("ive"):
        return w in _PERSON_IVE
    if w.endswith("ess"):
        return w in _PERSON_ESS
    if w.endswith("ment") or w.endswith("ness"):
        return False
    return len(w) >= 4 and w.endswith(_PERSON_SUFFIXES)


def role_head(role: str) -> str:
    """The head word of a role text: the last word before "of/for/at/in ..."."""
    low = " " + " ".join(role.split()).lower() + " "
    cut = len(low)
    for sep in _ROLE_CUT:
        k = low.find(sep, 1)
        if 0 < k < cut:
            cut = k
    words = low[:cut].split()
    return words[-1] if words else ""


def is_person_role(role: str | None) -> bool:
    """A role text whose head denotes a person ("Arsenal boss", "chief economist at X",
    "world number two", "Lib Dem"), not any noun phrase ("tunnel", "Cup history")."""
    if not role:
        return False
    words = role.split()
    low = [w.lower() for w in words]
    if looks_like_party(role):
        return True  # "Lib Dem", "Tory"
    if re.search(r"\bnumber\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", role.lower()):
        return True  # "world number two", "number eight"
    if role_head(role) in _GENERIC_HEADS:
        return False  # "man", "the new boy": a person, but no role
    for head in (role_head(role), low[-1].strip(".,")):
        # "Bank of England deputy governor": the head may also be the last word
        if head not in _NOT_HEADS and is_person_noun(head):
            return True
    return False
