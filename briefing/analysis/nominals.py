"""Role nominals ("the UN chief", "the Sale full-back", "the 30-year-old") and how well one
fits an actor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.analysis.doctext import span_text
from briefing.analysis import names as N

if TYPE_CHECKING:
    from briefing.analysis.clusters import Cluster

@dataclass
class Nominal:
    start: int  # token range of "the ... head"
    end: int
    head_i: int
    head: str
    mods: list[str]
    gender: str | None
    nationality: str | None
    epithet: bool  # describes rather than names an office: "the 30-year-old", "the Moroccan"
    age: int | None = None  # 30 in "the 30-year-old"


_NOMINAL_MODS = {"ADJ", "NOUN", "PROPN", "NUM", "VERB"}


def _glued_word(doc, i: int) -> tuple[int, str]:
    """(first token, text) of the hyphenated word ending at token i: "full-back", "30-year-old"."""
    k = i
    while k - 2 >= 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        k -= 2
    return k, span_text(doc, k, i + 1)


def nominal_at(doc, i: int, person_tokens: set[int]) -> Nominal | None:
    """A definite singular role nominal whose head ends at token i ("the UN chief")."""
    tok = doc[i]
    if not tok.is_alpha or i in person_tokens:
        return None
    if i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_:
        return None  # inside a longer hyphenated word
    first, glued = _glued_word(doc, i)
    low = glued.lower()
    if low in N.NATIONALITIES and (low.endswith("ish") or low in ("french", "dutch", "welsh", "british", "latin")):
        return None  # "the British", "the Scottish": a people or a body, never one person
    if low.endswith("year-old") or low.endswith("years-old"):
        head, epithet = "year-old", True
    elif low in N.ROLE_NOUNS or low in N.NATIONALITIES:
        head, epithet = low, low in N.NATIONALITIES
    elif tok.lower_ in N.ROLE_NOUNS and first == i:
        head, epithet = tok.lower_, False
    else:
        return None
    if tok.tag_ in ("NNS", "NNPS") and not low.endswith("ss"):
        return None
    if head[:1].isalpha() and tok.text[:1].isupper() and head not in N.NATIONALITIES and not (i > 0 and doc[i - 1].lower_ == "the"):
        # a capitalised job word in a title ("Prime Minister Ephraim Inoni") or a name
        if i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            return None
    # followed by a name: a title, handled by roles ("the UN chief Ban Ki-moon")
    j = i + 1
    while j < len(doc) and doc[j].text in (",",):
        j += 1
    if j < len(doc) and j in person_tokens:
        return None
    if j < len(doc) and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].is_alpha and (
            doc[j].text[:1].islower() or head in N.NATIONALITIES):
        return None  # the head continues: "the chief executive", "the Palestinian Authority"
    # walk left over modifiers to "the"
    k = first - 1
    mods: list[str] = []
    while k >= 0:
        t = doc[k]
        if t.lower_ == "the":
            break
        if k in person_tokens:
            return None
        if t.pos_ in _NOMINAL_MODS or t.text in ("-", "'s", "\u2019s") or t.tag_ == "POS":
            if t.is_alpha:
                mods.insert(0, N.norm_word(t.text))
            k -= 1
            continue
        return None
    if k < 0 or doc[k].lower_ != "the" or first - k > 7:
        return None
    if head == "executive" and not ({"chief", "managing", "top"} & set(mods)):
        return None
    if head in N.AMBIGUOUS_ROLE_HEADS:
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if tok.dep_ not in ("nsubj", "nsubjpass") and not (tok.dep_ in ("attr", "appos")):
            if not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[k: i + 1]):
                return None
        if nxt is not None and nxt.lower_ in ("of", "for") and head not in ("chief",):
            return None
    gender = "f" if head in N.FEMALE_NOUNS else "m" if head in N.MALE_NOUNS else None
    nationality = head if head in N.NATIONALITIES else next((m for m in mods if m in N.NATIONALITIES), None)
    nationality = N.nation_key(nationality) if nationality else None  # "the Briton" ~ "Britain's X"
    if head in {"veteran", "youngster", "teenager", "star", "international", "champion", "rookie", "debutant",
                "newcomer", "player", "runner", "athlete", "sprinter", "winner", "finalist"} or head in N.POSITIONS:
        epithet = True
    age = None
    if head == "year-old":
        m = re.match(r"(\d{1,3})-years?-old$", low)
        age = int(m.group(1)) if m else None
    return Nominal(k, i + 1, i, head, mods, gender, nationality, epithet, age)


# Nominals that describe a player, and offices that a player does not hold.
PLAYER_NOUNS = N.POSITIONS | {
    "player", "international", "youngster", "teenager", "rookie", "debutant", "striker",
    "midfielder", "defender", "winger", "goalkeeper", "keeper", "forward", "batsman", "bowler",
    "sprinter", "runner", "athlete", "substitute", "replacement", "newcomer", "seed", "finalist",
}
NON_PLAYING_OFFICES = {
    "manager", "coach", "boss", "chairman", "chairwoman", "chief", "executive", "director",
    "president", "minister", "secretary", "spokesman", "spokeswoman", "referee", "owner",
    "physio", "physiotherapist", "agent", "commissioner", "chancellor", "official",
    "billionaire", "millionaire", "tycoon", "magnate", "businessman", "businesswoman", "investor",
    "entrepreneur", "financier", "shareholder", "politician", "mp", "judge", "lawyer", "umpire",
    "analyst", "economist", "journalist", "pundit", "commentator", "presenter", "doctor", "surgeon",
}


def role_clash(head: str, c: Cluster, age: int | None = None) -> bool:
    """Two different playing positions never name the same player, and a player nominal
    ("the teenager", "the Czech international") or a young age ("the 28-year-old") never
    names a manager or an official."""
    if c.age is not None and (age is not None and abs(age - c.age) > 1 or head == "teenager" and c.age >= 20):
        return True  # "the 28-year-old" is not "the teenager"
    if not c.role:
        return False
    words = {N.norm_word(w) for w in re.split(r"[\s,]+", c.role) if w}
    if head in N.POSITIONS and words & N.POSITIONS and head not in words:
        return True
    young = age is not None and age < 35
    if (head in PLAYER_NOUNS or young) and head not in words and not words & PLAYER_NOUNS:
        last = N.norm_word(re.split(r"\s+(?:of|for|at|in)\s+", c.role)[0].split()[-1]) if c.role.split() else ""
        return last.split("-")[-1] in NON_PLAYING_OFFICES
    return False


OFFICE_FAMILY = {
    "minister": {"minister", "secretary", "chancellor", "premier"},
    "secretary": {"secretary", "minister"},
    "chief": {"chief", "head", "secretary-general", "director", "director-general", "executive",
              "chairman", "chairwoman", "president", "boss", "commissioner", "governor", "leader"},
    "boss": {"boss", "manager", "coach", "chief", "executive", "chairman", "director"},
    "manager": {"manager", "boss", "coach"},
    "coach": {"coach", "manager", "boss"},
    "leader": {"leader", "head", "chief", "president", "premier"},
    "skipper": {"skipper", "captain"},
    "captain": {"captain", "skipper"},
    "chairman": {"chairman", "chair", "chairwoman"},
    "chairwoman": {"chairwoman", "chair", "chairman"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson"},
    "premier": {"premier", "prime", "minister", "president"},
    "keeper": {"keeper", "goalkeeper"},
    "goalkeeper": {"keeper", "goalkeeper"},
}


def role_fit(head: str, mods: list[str], c: Cluster, nationality: str | None) -> str | None:
    """How a role nominal fits an actor: "strong" (its office and a qualifier match, or its
    nationality), "weak" (the office matches and nothing in the nominal contradicts), None.
    Every role the text gives the actor is tried ("Former civil service chief" and, from
    "his predecessor as Cabinet Secretary", "Cabinet Secretary")."""
    best = None
    for role in [c.role, *c.other_roles] if c.role else [None]:
        fit = _fit_one(head, mods, c, nationality, role)
        if fit == "strong":
            return fit
        best = best or fit
    return best


def _fit_one(head: str, mods: list[str], c: Cluster, nationality: str | None, role: str | None) -> str | None:
    role_words = set()
    if role:
        role_words = {N.norm_word(w) for w in re.split(r"[\s,]+", role) if w}
    alias_words, alias_heads = set(), set()
    for a in c.aliases:
        if a.lower().startswith("the "):
            ws = [N.norm_word(w) for w in a.split()[1:]]
            alias_words |= set(ws)
            if ws:
                alias_heads.add(ws[-1])
    if nationality and nationality in c.nationality:
        return "strong"
    content = [m for m in mods if len(m) > 1 and not m.isdigit() and m not in ("former", "new", "current", "then", "outgoing", "incoming")]
    family = OFFICE_FAMILY.get(head, {head})
    titles = {N.norm_word(t) for t in c.titles}
    head_ok = bool(family & role_words) or head in alias_heads or any(w.endswith("-" + head) for w in role_words) \
        or bool(family & titles)  # "the prince" fits every Prince X; salience picks among them
    if head in N.POSITIONS and role_words & N.POSITIONS and head not in role_words:
        head_ok = False
    if not head_ok:
        return None
    # "the prime minister" is not the deputy prime minister
    ranks = {"deputy", "vice", "assistant", "shadow", "junior", "acting", "former", "ex", "under", "associate"}
    if (role_words & ranks) - set(mods):
        return None
    matched = [m for m in content if m in role_words or m in alias_words]
    if matched:
        return "strong"
    if not content:
        return "weak"
    return None
