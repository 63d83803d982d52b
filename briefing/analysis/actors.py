"""Actors: one entry per real person or organisation named in an article.

``find_actors(doc)`` builds an ``ActorIndex`` in four steps:

1. person mentions: the model's PERSON entities, repaired (leading affiliations and titles,
   trailing dashes, possessives, parties tagged as people), names after Mr/Dr/Lord...,
   and every player in a team sheet (``lineups``);
2. clustering: full names first, then short forms ("Mr Kennedy", "Kennedy", "J Robinson",
   "Sonny") attach to the full name they fit, the nearest one when two people share a
   surname; a later scan picks up surnames the model tagged as places or organisations;
3. roles from titles, appositions and copulas (``roles``);
4. one pass in text order over names, pronouns and role nominals ("the UN chief",
   "the 30-year-old") that links each pronoun and nominal to the most salient agreeing actor.

The quote extractor asks the index to ``resolve`` a speaker token and ``finish(quotes)``
freezes it into ``Actor`` objects in salience order.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field

from briefing.analysis import names as N
from briefing.analysis.lineups import find_lineups
from briefing.analysis.roles import role_around, role_before
from briefing.model import Actor, Quote

TITLES = N.COURTESY  # kept for callers of the first version
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
NEUTER_PRONOUNS = {"it", "its", "itself"}
PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative", "source", "sources", "statement"}
ORG_NOUNS = {
    "government", "ministry", "department", "office", "executive", "committee", "commission",
    "company", "firm", "group", "bank", "party", "council", "authority", "agency", "union",
    "club", "board", "regulator", "watchdog", "body", "organisation", "organization",
    "carmaker", "maker", "retailer", "airline", "operator", "insurer", "lender", "bank",
    "supermarket", "chain", "giant", "business", "corporation", "association", "federation",
    "court", "tribunal", "team", "side", "squad", "administration", "cabinet", "treasury",
    "police", "force", "army", "consultancy", "broadcaster", "network", "channel", "paper",
    "newspaper", "exchange", "fund", "institute", "university", "charity", "campaign",
}
COMPANY_NOUNS = {"company", "firm", "group", "carmaker", "maker", "retailer", "airline", "operator",
                 "insurer", "lender", "bank", "supermarket", "chain", "giant", "business",
                 "corporation", "broadcaster", "consultancy", "network", "channel", "newspaper"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}


@dataclass
class _Mention:
    start: int
    end: int
    tok_start: int
    tok_end: int
    words: list[str]
    title: str | None = None
    kind: str = "name"  # name | lineup | rescan | nominal
    cluster: "_Cluster | None" = None


@dataclass
class _Cluster:
    id: str
    type: str
    name: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    explicit: bool = True  # named in the text (not only created as a quoted group)
    words: list[str] = field(default_factory=list)
    gender: str | None = None
    titles: set = field(default_factory=set)
    nationality: set = field(default_factory=set)
    kind: str = "person"  # person | org | gpe | party | group
    speaks: bool = False
    hidden: bool = False
    lineup: bool = False  # named in a team sheet
    tokens: list[int] = field(default_factory=list)  # token index of each mention's head


def _key(words) -> tuple[str, ...]:
    return tuple(N.norm_word(w) for w in words)


def _core(words) -> list[str]:
    return [w for w in words if not N.is_initial(w)]


def _is_full(words) -> bool:
    return len(_core(words)) >= 2 and not N.is_initial(words[0])


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


def _same_first_name(a: str, b: str) -> bool:
    """"Steve"/"Steven", "Danny"/"Daniel": one first name and its short form."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    ca, cb = _NICKNAMES.get(a, a), _NICKNAMES.get(b, b)
    return ca == cb or (min(len(ca), len(cb)) >= 4 and (ca.startswith(cb) or cb.startswith(ca)))


def _match(mwords, cwords) -> int:
    """How well mention words fit a cluster's name: 5 exact ... 1 first name only, 0 none."""
    m, c = _key(mwords), _key(cwords)
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
        if len(m) == len(c) == 2 and m[-1] == c[-1] and _same_first_name(m[0], c[0]):
            return 4  # "Steve Gerrard" and "Steven Gerrard"
        return 0
    w = m[0]
    if w in N.PARTICLES:
        return 0
    if w == c[-1]:
        return 2
    if len(c) >= 2 and (c[-1] == w or (len(c) >= 3 and " ".join(c[-2:]) == w)):
        return 2
    if len(c) >= 2 and w == c[0] and not N.is_initial(cwords[0]) and c[0] not in N.PARTICLES:
        return 1
    return 0


class ActorIndex:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.clusters: list[_Cluster] = []
        self._by_id: dict[str, _Cluster] = {}
        self._by_token: dict[int, str] = {}
        self._links: dict[int, str] = {}  # pronoun / nominal token -> actor id
        self._events: list[tuple[int, str, float, bool]] = []  # (token, actor id, weight, subject)
        self._sent_of: list[int] = []
        self._para_of: list[int] = []
        self._quotes: list[tuple[int, int]] = []
        self._lineup_spans: list[tuple[int, int]] = []
        self._quote_starts: list[int] = []
        self._prepare()

    # -- text geometry ---------------------------------------------------------------
    def _prepare(self) -> None:
        doc = self.doc
        sent_of = [0] * len(doc)
        try:
            for k, sent in enumerate(doc.sents):
                for i in range(sent.start, sent.end):
                    sent_of[i] = k
        except ValueError:  # no sentence boundaries (blank pipeline)
            pass
        self._sent_of = sent_of
        breaks = [m.start() for m in re.finditer(r"\n", self.text)]
        self._para_of = [bisect.bisect_right(breaks, t.idx) for t in doc]
        self._quotes = _quote_regions(self.text)
        self._quote_starts = [a for a, _ in self._quotes]

    def in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, char) - 1
        return k >= 0 and self._quotes[k][0] <= char < self._quotes[k][1]

    # -- building --------------------------------------------------------------------
    def _new(self, type_: str, name: str, kind: str = "person") -> _Cluster:
        cluster = _Cluster(id=f"a{len(self.clusters) + 1}", type=type_, name=name, kind=kind)
        self.clusters.append(cluster)
        self._by_id[cluster.id] = cluster
        return cluster

    def _attach(self, cluster: _Cluster, m: _Mention) -> None:
        m.cluster = cluster
        surface = self.text[m.start:m.end]
        if surface not in cluster.aliases:
            cluster.aliases.append(surface)
        if (m.start, m.end) not in cluster.mentions:
            cluster.mentions.append((m.start, m.end))
        for i in range(m.tok_start, m.tok_end):
            self._by_token[i] = cluster.id
        if m.title:
            cluster.titles.add(m.title)
        if m.kind == "lineup":
            cluster.lineup = True

    def add_mention(self, span, type_: str) -> _Cluster | None:
        """Add a named span by hand (kept for callers of the first version)."""
        if type_ == "PERSON":
            m = _person_mention(span.doc, span.start, span.end)
            if m is None:
                return None
            best = None
            for c in self.clusters:
                if c.type == "PERSON" and _match(m.words, c.words) >= 2:
                    best = c
                    break
            if best is None:
                best = self._new("PERSON", " ".join(m.words))
                best.words = list(m.words)
            self._attach(best, m)
            return best
        cluster = self._org_cluster(self.text[span.start_char:span.end_char], "org")
        m = _Mention(span.start_char, span.end_char, span.start, span.end, span.text.split(), kind="name")
        self._attach(cluster, m)
        return cluster

    def _org_cluster(self, text: str, kind: str) -> _Cluster:
        key = _org_key(text)
        for c in self.clusters:
            if c.type == "ORG" and c.kind in ("org", "gpe", "party") and _org_same(key, c):
                return c
        c = self._new("ORG", _org_display(text), kind)
        c.words = text.split()
        return c

    # -- resolving -------------------------------------------------------------------
    def cluster(self, actor_id: str | None) -> _Cluster | None:
        return self._by_id.get(actor_id) if actor_id else None

    def at_token(self, i: int) -> str | None:
        return self._by_token.get(i)

    def resolve(self, token) -> str | None:
        """The actor a speaker token refers to, or None.

        The token may be a name inside a mention, a pronoun, a role noun ("minister", "chief"),
        "spokesman" in "a spokesman for X" / "X's spokeswoman", or an organisation noun
        ("the ministry", "the company").
        """
        return self._resolve(token, depth=0)

    def _resolve(self, token, depth: int) -> str | None:
        if token is None or depth > 3:
            return None
        i = token.i
        found = self._by_token.get(i) or self._links.get(i)
        if found and not self._by_id[found].hidden:
            return found
        low = token.lower_
        if low in PRONOUNS:
            return self._resolve_pronoun(token)
        # Names inside the noun phrase: "Wales coach Mike Ruddock", "the minister, Ken Clarke".
        for child in token.children:
            if child.dep_ in ("appos", "compound", "flat", "nmod") and child.i in self._by_token:
                cid = self._by_token[child.i]
                if self._by_id[cid].type == "PERSON":
                    return cid
        if low in SPOKES_NOUNS or token.lemma_.lower() in SPOKES_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self._resolve(pobj, depth + 1)
                            if found:
                                return found
            for child in token.children:
                if child.dep_ in ("poss", "compound", "nmod", "amod"):
                    found = self._resolve(child, depth + 1) or self._org_by_word(child)
                    if found:
                        return found
            return None
        if token.pos_ in ("NOUN", "PROPN"):
            nominal = self._resolve_nominal(token)
            if nominal:
                return nominal
            org = self._resolve_org_noun(token)
            if org:
                return org
        return None

    # -- salience ----------------------------------------------------------------------
    def _salience(self, before: int, accept, window: int = 6, subject: bool = False) -> list[tuple[float, str]]:
        """Salience of each accepted actor at token ``before``, best first.

        Each sentence counts once per actor, by its strongest mention there (subjects count
        most), halved for every sentence back, lowered across paragraphs and for mentions
        inside quotations; actors last seen beyond ``window`` sentences keep a tiny score so
        that strong role evidence can still reach them.
        """
        if not self._sent_of or not len(self.doc):
            return []
        before = min(before, len(self.doc) - 1)
        here_sent = self._sent_of[before]
        here_para = self._para_of[before]
        here_quoted = self.in_quote(self.doc[before].idx)
        best: dict[tuple[str, int], float] = {}
        latest: dict[str, int] = {}
        k = bisect.bisect_left(self._events, (before, "", 0.0, False))
        for tok, cid, weight, subj in self._events[:k]:
            cl = self._by_id[cid]
            if cl.hidden or not accept(cl):
                continue
            latest[cid] = max(latest.get(cid, -1), tok)
            dist = here_sent - self._sent_of[tok]
            if dist > window:
                continue
            w = weight * (0.5 ** dist)
            if subject and subj:
                w *= 1.4  # parallel roles: a subject anaphor prefers a subject antecedent
            if self._para_of[tok] != here_para:
                w *= 0.6
            if self.in_quote(self.doc[tok].idx) and not here_quoted:
                w *= 0.3
            key = (cid, self._sent_of[tok])
            best[key] = max(best.get(key, 0.0), w)
        scores: dict[str, float] = {}
        for (cid, _), w in best.items():
            scores[cid] = scores.get(cid, 0.0) + w
        counts: dict[str, int] = {}
        for tok, cid, _, _ in self._events[:k]:
            counts[cid] = counts.get(cid, 0) + 1
        for cid, tok in latest.items():
            dist = here_sent - self._sent_of[tok]
            scores[cid] = scores.get(cid, 0.0) + 0.001 * (0.9 ** min(dist, 60)) + 0.01 * min(counts.get(cid, 0), 10)
        return sorted(((sc, c) for c, sc in scores.items()), reverse=True)

    def _resolve_pronoun(self, token) -> str | None:
        found = self._links.get(token.i)
        if found:
            return found
        low = token.lower_
        if low in ("himself", "herself", "itself", "themselves"):
            verb = token.head
            while verb.dep_ in ("prep", "pobj") and verb.head is not verb:
                verb = verb.head
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = self._by_token.get(child.i) or self._links.get(child.i)
                    if found:
                        return found
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            want = "m" if low in MALE_PRONOUNS else "f"
            exclude = _clause_mates(token, self._by_token) if token.dep_ in ("dobj", "pobj", "dative") else set()
            ranked = self._salience(token.i, lambda c: c.type == "PERSON" and c.gender in (want, None) and c.id not in exclude,
                                    subject=token.dep_ in _SUBJ)
            if not ranked:
                return None
            best = [(s * (1.3 if self._by_id[c].gender == want else 1.0), c) for s, c in ranked]
            best.sort(reverse=True)
            return best[0][1]
        if low in NEUTER_PRONOUNS:
            ranked = self._salience(token.i, lambda c: c.type in ("ORG",) and c.kind != "party", window=4)
            return ranked[0][1] if ranked else None
        if low in PLURAL_PRONOUNS:
            ranked = self._salience(token.i, lambda c: c.type in ("ORG", "GROUP") and c.kind in ("party", "group", "org"), window=3)
            return ranked[0][1] if ranked else None
        return None

    def _resolve_nominal(self, token) -> str | None:
        found = self._links.get(token.i)
        if found:
            return found
        nom = _nominal_at(token.doc, token.i, self._person_tokens())
        if nom is None:
            return None
        return self._pick_for_nominal(nom)

    def _person_tokens(self) -> set[int]:
        return {i for i, cid in self._by_token.items() if self._by_id[cid].type == "PERSON"}

    def _pick_for_nominal(self, nom: "_Nominal") -> str | None:
        """The person a role nominal names.

        A person whose role or earlier descriptions fit the nominal wins ("the UN chief" ->
        the UN Secretary-General), the most salient one if several; with none fitting, a
        later-named holder of the office ("the Home Secretary" ... "Home Secretary Charles
        Clarke"); then, for descriptions ("the 30-year-old", "the Moroccan"), the most salient
        person; an office nobody holds ("the minister") stays unresolved unless the salient
        person has no role yet and the noun is not a capitalised title.
        """
        doc = self.doc
        quoted = self.in_quote(doc[nom.head_i].idx)

        def accept(c):
            if c.type != "PERSON" or c.hidden:
                return False
            if nom.gender and c.gender and c.gender != nom.gender:
                return False
            if nom.nationality and c.nationality and nom.nationality not in c.nationality:
                return False
            if _role_clash(nom.head, c):
                return False
            return True

        ranked = self._salience(nom.start, accept, window=8, subject=doc[nom.head_i].dep_ in _SUBJ)
        fits = []
        for score, cid in ranked:
            fit = _role_fit(nom.head, nom.mods, self._by_id[cid], nom.nationality)
            if fit:
                fits.append(((2 if fit == "strong" else 1), score, cid))
        if fits:
            fits.sort(reverse=True)
            rank, score, cid = fits[0]
            if rank == 2 or not quoted:
                return cid
        if quoted:
            return None
        seen = {cid for _, cid in ranked}
        later = [c for c in self.clusters if c.id not in seen and accept(c)
                 and _role_fit(nom.head, nom.mods, c, nom.nationality)]
        if len(later) == 1 and not nom.epithet:
            return later[0].id
        if not ranked:
            return None
        best_score, best = ranked[0]
        if nom.epithet:
            return best if best_score >= 0.1 else None
        if doc[nom.head_i].text[:1].isupper():
            return None
        # "the Lib Dem leader": an office qualified by a name, and the person in focus has none yet
        named_mod = any(doc[k].text[:1].isupper() for k in range(nom.start + 1, nom.head_i) if doc[k].is_alpha)
        if named_mod and self._by_id[best].role is None and best_score >= 0.3:
            return best
        return None

    def _np_people(self, token) -> set[str]:
        out = set()
        for t in token.subtree:
            cid = self._by_token.get(t.i)
            if cid:
                out.add(cid)
        return out

    def _org_by_word(self, token) -> str | None:
        low = N.norm_word(token.text)
        best = None
        for c in self.clusters:
            if c.type == "ORG" and not c.hidden and c.kind != "group":
                if low in {N.norm_word(w) for w in c.words} or low == N.norm_word(c.name):
                    if best is None or self._last_before(c, token.i) > self._last_before(best, token.i):
                        best = c
        return best.id if best else None

    def _last_before(self, c: _Cluster, i: int) -> int:
        toks = [t for t in c.tokens if t < i]
        return max(toks) if toks else -1

    def _resolve_org_noun(self, token) -> str | None:
        low = token.lemma_.lower()
        if low not in ORG_NOUNS:
            return None
        if not any(c.lower_ in ("the", "its", "this", "that") or c.dep_ == "poss" or c.dep_ == "compound" for c in token.children):
            return None
        # a compound naming the organisation: "the executive", "the ministry"
        direct = self._org_by_word(token)
        if direct:
            return direct
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss"):
                found = self._org_by_word(child)
                if found:
                    return found
        if low in ("government", "administration", "executive", "cabinet"):
            ranked = self._salience(token.i, lambda c: c.kind == "gpe", window=30)
            return ranked[0][1] if ranked else None
        if low in COMPANY_NOUNS:
            ranked = self._salience(token.i, lambda c: c.kind == "org", window=12)
            return ranked[0][1] if ranked else None
        return None

    def ensure_group(self, span) -> str:
        """An actor for an unnamed collective source ("analysts"), created on demand.

        A span that holds a known actor's name returns that actor; one that looks like a
        person's name ("Prince Harry") becomes a person."""
        doc = span.doc
        for t in span:
            cid = self._by_token.get(t.i)
            if cid and not self._by_id[cid].hidden and self._by_id[cid].type in ("PERSON", "ORG"):
                return cid
        words = [t.text for t in span if not t.is_punct]
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and (
                N.norm_word(words[0]).rstrip(".") in N.COURTESY | N.PEERAGE or N.is_first_name(words[0])):
            m = _person_mention(doc, span.start, span.end)
            if m is not None:
                c = self._new("PERSON", " ".join(m.words))
                c.words = list(m.words)
                self._attach(c, m)
                c.tokens.append(m.tok_end - 1)
                _name_one(self, c)
                return c.id
        toks = [t for t in span if not (t.lower_ in ("the", "a", "an", "some", "many", "several") or t.is_punct)]
        text = doc.text[toks[0].idx: toks[-1].idx + len(toks[-1].text)] if toks else span.text
        cluster = next((c for c in self.clusters if c.kind == "group" and c.name.lower() == text.lower()), None)
        if cluster is None:
            cluster = self._new("GROUP", text, "group")
            cluster.words = text.split()
            cluster.explicit = False
        if text not in cluster.aliases:
            cluster.aliases.append(text)
        s, e = (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else (span.start_char, span.end_char)
        if (s, e) not in cluster.mentions:
            cluster.mentions.append((s, e))
        return cluster.id

    # -- freezing --------------------------------------------------------------------
    def finish(self, quotes: list[Quote]) -> tuple[Actor, ...]:
        counts: dict[str, int] = {}
        for q in quotes:
            if q.actor_id:
                counts[q.actor_id] = counts.get(q.actor_id, 0) + 1
        actors = []
        for c in self.clusters:
            if c.hidden:
                continue
            if c.type != "PERSON" and not counts.get(c.id) and not c.speaks:
                continue
            mentions = tuple(sorted({m for m in c.mentions if 0 <= m[0] < m[1] <= len(self.text)}))
            actors.append(Actor(
                id=c.id, name=c.name, type=c.type, role=c.role,
                aliases=tuple(dict.fromkeys(c.aliases)), mentions=mentions,
                quote_count=counts.get(c.id, 0),
            ))
        actors.sort(key=lambda a: (-a.quote_count, -len(a.mentions), a.mentions[0] if a.mentions else (0, 0)))
        return tuple(actors)


# -- helpers: quotes -----------------------------------------------------------------------

def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks, paragraph by paragraph."""
    out = []
    pos = 0
    for para in text.split("\n"):
        open_at = None
        for k, ch in enumerate(para):
            if ch == "\u201c":
                open_at = pos + k + 1
            elif ch == "\u201d" or ch == '"':
                if open_at is None and ch == '"':
                    open_at = pos + k + 1
                elif open_at is not None:
                    out.append((open_at, pos + k))
                    open_at = None
        if open_at is not None:
            out.append((open_at, pos + len(para)))
        pos += len(para) + 1
    return out


# -- helpers: person mentions --------------------------------------------------------------

_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


def _person_mention(doc, start: int, end: int, kind: str = "name") -> _Mention | None:
    """Repair a PERSON span: drop determiners, affiliations, job titles, dashes and
    possessives around the name; None when what is left is not a person's name."""
    # "Prince" + "Harry": an honorific the model left outside the name
    if start > 0 and doc[start - 1].text[:1].isupper() and \
            N.norm_word(doc[start - 1].text).rstrip(".") in N.COURTESY | N.PEERAGE:
        start -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _POSSESSIVE
                           or (doc[end - 1].is_lower and doc[end - 1].lower_ not in N.PARTICLES)):
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
    name_tokens = doc[start:end]
    text = doc.text[name_tokens.start_char:name_tokens.end_char]
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
    if len(words) > 1 and not N.is_first_name(words[0]) and not title and any(w in N.PLACES for w in low):
        return None  # "Aston Villa", "Nottingham Forest", "Buenos Aires"
    if len(words) == 1 and (low[0] in N.NATIONALITIES or low[0] in N.NOT_NAMES or low[0] in N.AFFILIATION_WORDS and not title):
        return None
    if len(words) > 1 and low[-1] in N.ORG_WORDS and not N.is_first_name(words[-1]):
        return None
    if all(w.isupper() and len(w) > 1 for w in words) and len(words) == 1:
        return None  # an acronym
    span_doc = doc[span_start:end]
    return _Mention(span_doc.start_char, span_doc.end_char, span_start, end, words, title, kind)


def _title_mentions(doc) -> list[tuple[int, int]]:
    """Token ranges "Mr X", "Dr Julian X", "Lord X" whatever the entity model said."""
    out = []
    n = len(doc)
    for i, tok in enumerate(doc):
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


def _head_of(doc, start: int, end: int):
    span = doc[start:end]
    try:
        return span.root
    except Exception:  # noqa: BLE001 - spans of unparsed docs
        return doc[end - 1]


def _org_key(text: str) -> tuple[str, ...]:
    t = re.sub(r"^(the|The)\s+", "", text.strip())
    t = re.sub(r"['\u2019]s?$", "", t)
    return tuple(N.norm_word(w) for w in t.split())


def _org_display(text: str) -> str:
    t = re.sub(r"^(the|The)\s+", "", text.strip())
    return re.sub(r"['\u2019]s?$", "", t).strip()


def _acronym(words) -> str:
    return "".join(w[0] for w in words if w and w[0].isalpha() and (w[0].isupper() or w.lower() not in ("of", "and", "for", "the", "&")))


def _org_same(key: tuple[str, ...], c: _Cluster) -> bool:
    ckey = _org_key(" ".join(c.words))
    if key == ckey:
        return True
    a, b = " ".join(key), " ".join(ckey)
    pa, pb = N.PARTY_FORMS.get(a), N.PARTY_FORMS.get(b)
    if pa and pa == pb:
        return True
    if len(key) == 1 and key[0].upper() == key[0].upper() and key[0] == _acronym(list(ckey)).lower() and len(key[0]) >= 2:
        return True
    if len(ckey) == 1 and ckey[0] == _acronym(list(key)).lower() and len(ckey[0]) >= 2:
        return True
    # "BoE" for "Bank of England"
    if len(key) == 1 and len(key[0]) >= 2 and key[0] == "".join(w[0] for w in ckey):
        return True
    if len(ckey) == 1 and len(ckey[0]) >= 2 and ckey[0] == "".join(w[0] for w in key):
        return True
    # "Lib Dems" for "Liberal Democrats": word-wise prefixes
    if len(key) == len(ckey) and len(key) >= 2 and all(x.startswith(y) or y.startswith(x) for x, y in zip(key, ckey)):
        return True
    return False


def _clause_mates(token, by_token) -> set[str]:
    """Actors that are the subject of the verb a pronoun object hangs on ("X met him")."""
    verb = token.head
    while verb.dep_ == "prep":
        verb = verb.head
    out = set()
    for child in verb.children:
        if child.dep_ in _SUBJ:
            for t in child.subtree:
                if t.i in by_token:
                    out.add(by_token[t.i])
    return out


# -- helpers: nominals ---------------------------------------------------------------------

@dataclass
class _Nominal:
    start: int  # token range of "the ... head"
    end: int
    head_i: int
    head: str
    mods: list[str]
    gender: str | None
    nationality: str | None
    epithet: bool  # describes rather than names an office: "the 30-year-old", "the Moroccan"


_NOMINAL_MODS = {"ADJ", "NOUN", "PROPN", "NUM", "VERB"}


def _glued_word(doc, i: int) -> tuple[int, str]:
    """(first token, text) of the hyphenated word ending at token i: "full-back", "30-year-old"."""
    k = i
    while k - 2 >= 0 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_:
        k -= 2
    return k, doc.text[doc[k].idx: doc[i].idx + len(doc[i].text)]


def _nominal_at(doc, i: int, person_tokens: set[int]) -> _Nominal | None:
    """A definite singular role nominal whose head ends at token i ("the UN chief")."""
    tok = doc[i]
    if not tok.is_alpha or i in person_tokens:
        return None
    if i + 1 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_:
        return None  # inside a longer hyphenated word
    first, glued = _glued_word(doc, i)
    low = glued.lower()
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
    if head in {"veteran", "youngster", "teenager", "star", "international", "champion", "rookie", "debutant",
                "newcomer", "player", "runner", "athlete", "sprinter", "winner", "finalist"} or head in N.POSITIONS:
        epithet = True
    return _Nominal(k, i + 1, i, head, mods, gender, nationality, epithet)


def _role_clash(head: str, c: _Cluster) -> bool:
    """Two different playing positions never name the same player."""
    if head not in N.POSITIONS or not c.role:
        return False
    words = {N.norm_word(w) for w in re.split(r"[\s,]+", c.role) if w}
    return bool(words & N.POSITIONS) and head not in words


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


def _role_fit(head: str, mods: list[str], c: _Cluster, nationality: str | None) -> str | None:
    """How a role nominal fits an actor: "strong" (its office and a qualifier match, or its
    nationality), "weak" (the office matches and nothing in the nominal contradicts), None."""
    role_words = set()
    if c.role:
        role_words = {N.norm_word(w) for w in re.split(r"[\s,]+", c.role) if w}
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
    head_ok = bool(family & role_words) or head in alias_heads or any(w.endswith("-" + head) for w in role_words)
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


# -- the builder -----------------------------------------------------------------------------

def find_actors(doc) -> ActorIndex:
    index = ActorIndex(doc)
    if len(doc) == 0:
        return index
    try:
        _build(index, doc)
    except Exception:  # noqa: BLE001 - a broken parse must not lose the whole article
        if os.environ.get("BRIEFING_DEBUG"):
            raise
    return index


def _build(index: ActorIndex, doc) -> None:
    text = index.text
    mentions: list[_Mention] = []
    taken: set[int] = set()

    def claim(m: _Mention | None) -> None:
        if m is None:
            return
        if any(i in taken for i in range(m.tok_start, m.tok_end)):
            return
        mentions.append(m)
        taken.update(range(m.tok_start, m.tok_end))

    # Team sheets first: the model's tags are least reliable there.
    for group in find_lineups(text):
        group_m = []
        for s, e in group:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            words = text[s:e].split()
            group_m.append(_Mention(s, e, span.start, span.end, words, None, "lineup"))
        if _plausible_lineup(doc, group_m):
            for m in group_m:
                claim(m)
            if group_m:
                line_start = text.rfind("\n", 0, group_m[0].start) + 1
                line_end = text.find("\n", group_m[-1].end)
                index._lineup_spans.append((line_start, len(text) if line_end < 0 else line_end))
    # Names after courtesy titles.
    for a, b in _title_mentions(doc):
        ent = doc[a].ent_type_
        if ent and ent not in ("PERSON",) and doc[a].ent_iob_ == "I":
            continue
        claim(_person_mention(doc, a, b))
    # The model's people; two person spans with nothing between them are one name.
    people_spans: list[list[int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            if people_spans and people_spans[-1][1] == ent.start and doc[ent.start - 1].whitespace_ \
                    and doc[ent.start].text[:1].isupper() and doc[ent.start - 1].text not in _POSSESSIVE:
                people_spans[-1][1] = ent.end
            else:
                people_spans.append([ent.start, ent.end])
    for a, b in people_spans:
        claim(_person_mention(doc, a, b))
    # "Finlay Calder" tagged as an organisation while "Calder" alone is a person elsewhere.
    lone = {N.norm_word(e.text) for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
    for ent in doc.ents:
        if ent.label_ in ("ORG", "GPE", "NORP") and 2 <= len(ent) <= 3 and N.norm_word(ent[-1].text) in lone \
                and all(t.text[:1].isupper() and t.is_alpha for t in ent):
            claim(_person_mention(doc, ent.start, ent.end))

    _cluster_people(index, mentions)
    _rescan(index, doc, taken)
    _filter_people(index, doc)
    _add_orgs(index, doc)
    _assign_roles(index, doc)
    _retype_people(index, doc)
    _assign_gender(index, doc)
    _name_clusters(index)
    _coref_pass(index, doc)


def _plausible_lineup(doc, group: list[_Mention]) -> bool:
    if not group:
        return False
    plain = [m for m in group if not N.is_initial(m.words[0])]
    if not plain:
        return True
    placey = 0
    for m in plain:
        ents = {doc[i].ent_type_ for i in range(m.tok_start, m.tok_end)}
        if ents & {"GPE", "LOC", "NORP", "FAC"} or " ".join(m.words).lower() in N.PLACES:
            placey += 1
        elif any(N.norm_word(w) in N.ORG_WORDS for w in m.words[1:]):
            placey += 1
    return placey * 2 < len(plain)


def _cluster_people(index: ActorIndex, mentions: list[_Mention]) -> None:
    mentions.sort(key=lambda m: m.start)
    full = [m for m in mentions if _is_full(m.words)]
    short = [m for m in mentions if not _is_full(m.words)]
    people: list[_Cluster] = []
    for m in full:
        best, best_score = None, 0
        for c in people:
            s = _match(m.words, c.words)
            if s >= 4 and s > best_score:
                best, best_score = c, s
        if best is None:
            best = index._new("PERSON", " ".join(m.words))
            best.words = list(m.words)
            people.append(best)
        elif len(_core(m.words)) > len(_core(best.words)):
            best.words = list(m.words)
        index._attach(best, m)
        best.tokens.append(m.tok_end - 1)
    for m in short:
        target = _pick_cluster(m, people)
        if target is None:
            target = index._new("PERSON", " ".join(m.words))
            target.words = list(m.words)
            people.append(target)
        elif N.is_initial(target.words[0]) and not N.is_initial(m.words[0]) and len(m.words) > 1:
            target.words = list(m.words)
        index._attach(target, m)
        target.tokens.append(m.tok_end - 1)


def _pick_cluster(m: _Mention, people: list[_Cluster]) -> _Cluster | None:
    scored = [(_match(m.words, c.words), c) for c in people]
    scored = [(s, c) for s, c in scored if s > 0]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    cands = [c for s, c in scored if s == top]
    gender = N.HONORIFICS.get(m.title) if m.title else None
    if gender and len(cands) > 1:
        agree = [c for c in cands if _cluster_gender_hint(c) in (gender, None)]
        cands = agree or cands
    if len(cands) == 1:
        return cands[0]

    def last_before(c):
        starts = [s for s, _ in c.mentions if s < m.start]
        return max(starts) if starts else -1

    before = [c for c in cands if last_before(c) >= 0]
    if before:
        return max(before, key=last_before)
    return min(cands, key=lambda c: min(s for s, _ in c.mentions) if c.mentions else 10**9)


def _cluster_gender_hint(c: _Cluster) -> str | None:
    for t in c.titles:
        g = N.HONORIFICS.get(t)
        if g:
            return g
    first = next((w for w in c.words if not N.is_initial(w)), None)
    return N.first_name_gender(first) if first and len(_core(c.words)) >= 2 else None


def _rescan(index: ActorIndex, doc, taken: set[int]) -> None:
    """Surnames and full names the model tagged as places or organisations, or missed."""
    text = index.text
    people = [c for c in index.clusters if c.type == "PERSON"]
    forms: dict[str, list[_Cluster]] = {}
    for c in people:
        core = _core(c.words)
        if len(core) >= 2:
            forms.setdefault(" ".join(c.words), []).append(c)
            surname = core[-1]
            if len(core) >= 3 and N.norm_word(core[-2]) in N.PARTICLES:
                surname = " ".join(core[-2:])
            forms.setdefault(surname, []).append(c)
        elif len(core) == 1 and c.words:
            forms.setdefault(core[0], []).append(c)
    if not forms:
        return
    for form, cands in forms.items():
        if len(form) < 3 or form.lower() in N.NOT_NAMES or form.lower() in N.NATIONALITIES:
            continue
        for m in re.finditer(r"(?<![\w'\u2019-])" + re.escape(form) + r"(?![\w-])", text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if span.start_char != m.start() or span.end_char != m.end():
                continue
            if not all(t.pos_ in ("PROPN", "NOUN") or t.ent_type_ or t.text == "-" or (not t.is_sent_start and t.text[:1].isupper())
                       for t in span):
                continue
            if span[0].is_sent_start and span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].is_lower:
                continue  # "Brown bread": a capitalised adjective starting a sentence
            prev = doc[span.start - 1] if span.start > 0 else None
            nxt = doc[span.end] if span.end < len(doc) else None
            title = None
            if prev is not None and N.norm_word(prev.text).rstrip(".") in N.COURTESY and prev.text[:1].isupper():
                title = N.norm_word(prev.text).rstrip(".")
            elif prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.i not in taken \
                    and not prev.is_sent_start and N.norm_word(prev.text) not in N.AFFILIATION_WORDS | N.TITLE_WORDS:
                continue
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not nxt.is_sent_start:
                continue
            ent = span[0].ent_type_
            if ent and ent != "PERSON":
                ent_span = next((e for e in doc.ents if e.start <= span.start < e.end), None)
                if ent_span is not None and (ent_span.end - ent_span.start) > (span.end - span.start) + (1 if prev is not None and prev.text == "-" else 0):
                    # "- Ireland" counts as the place alone; longer entities are something else
                    if not (ent_span.start == span.start - 1 and doc[ent_span.start].is_punct):
                        continue
            start_tok = span.start - 1 if title else span.start
            ms = _Mention(doc[start_tok].idx, span.end_char, start_tok, span.end, form.split(), title, "rescan")
            target = _pick_cluster(ms, cands) if len(cands) > 1 else cands[0]
            if target is None:
                continue
            index._attach(target, ms)
            target.tokens.append(ms.tok_end - 1)
            taken.update(range(start_tok, span.end))


def _filter_people(index: ActorIndex, doc) -> None:
    text = index.text
    non_person_words: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON",) and len(ent) > 1:
            for t in ent:
                non_person_words[t.lower_] = non_person_words.get(t.lower_, 0) + 1
    labels: dict[str, dict[str, int]] = {}
    for ent in doc.ents:
        if len(ent) == 1:
            d = labels.setdefault(N.norm_word(ent.text), {})
            d[ent.label_] = d.get(ent.label_, 0) + 1
    for c in index.clusters:
        if c.type != "PERSON":
            continue
        forms = [text[s:e] for s, e in c.mentions]
        multi = any(len(_core(f.split())) >= 2 for f in forms)
        lineup = c.lineup or any(N.is_initial(f.split()[0]) for f in forms if f.split())
        titled = bool(c.titles)
        if multi or titled:
            continue
        word = N.norm_word(c.words[-1]) if c.words else ""
        if lineup:
            continue
        bad = (
            word in N.NOT_NAMES or word in N.PLACES or word in N.NATIONALITIES
            or N.looks_like_party(c.name) or word in N.ORG_WORDS
            or (c.name.isupper() and len(c.name) > 1)
        )
        if not bad and non_person_words.get(word, 0) > 0:
            # the word is part of a place or organisation name elsewhere ("Barlinnie Prison")
            bad = True
        if not bad and labels.get(word):
            # tagged as something else more often than as a person
            other = sum(n for lab, n in labels[word].items() if lab != "PERSON")
            if other > labels[word].get("PERSON", 0):
                bad = True
        if not bad:
            for s, e in c.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None and span.end < len(doc):
                    nxt = doc[span.end]
                    if nxt.text[:1].isupper() and N.norm_word(nxt.text) in N.ORG_WORDS:
                        bad = True
        if not bad:
            bad = _placey_or_listed(index, doc, c)
        if bad:
            c.hidden = True
            for i, cid in list(index._by_token.items()):
                if cid == c.id:
                    del index._by_token[i]


def _add_orgs(index: ActorIndex, doc) -> None:
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "GPE", "NORP"):
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "ORG":
            # "the Finance and Economy Ministry": the model often starts after "X and"
            while start >= 2 and doc[start - 1].lower_ in ("and", "&") and doc[start - 2].text[:1].isupper() \
                    and doc[start - 2].is_alpha and not doc[start - 2].ent_type_ and not doc[start - 2].is_sent_start \
                    and doc[start - 2].i not in index._by_token:
                start -= 2
        while start < end and (doc[start].lower_ in ("the",) or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_space):
            end -= 1
        if end <= start or any(i in index._by_token for i in range(start, end)):
            continue
        surface = doc.text[doc[start].idx: doc[end - 1].idx + len(doc[end - 1].text)]
        if ent.label_ == "NORP" and not N.looks_like_party(surface):
            continue
        kind = "gpe" if ent.label_ == "GPE" else "party" if N.looks_like_party(surface) else "org"
        if kind == "org" and any(ch.isdigit() for ch in surface) and len(surface) < 3:
            continue
        cluster = index._org_cluster(surface, kind)
        if kind == "gpe" and cluster.kind != "gpe":
            pass
        m = _Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), start, end, surface.split(), None, "name")
        index._attach(cluster, m)
        cluster.tokens.append(end - 1)
    # Capitalised names ending in an organisation word the model missed: "the Scottish Executive".
    n = len(doc)
    i = 0
    while i < n:
        t = doc[i]
        if not (t.text[:1].isupper() and t.is_alpha) or i in index._by_token or (t.is_sent_start and t.pos_ != "PROPN"):
            i += 1
            continue
        j = i
        last_org = -1
        while j < n and j not in index._by_token and (
                (doc[j].text[:1].isupper() and doc[j].is_alpha)
                or (doc[j].lower_ in ("of", "and", "for", "&") and j + 1 < n and doc[j + 1].text[:1].isupper())):
            if N.norm_word(doc[j].text) in N.ORG_WORDS and doc[j].text[:1].isupper():
                last_org = j
            j += 1
        if last_org > i and not any(N.norm_word(doc[k].text) in N.HONORIFICS for k in range(i, last_org)):
            surface = doc.text[doc[i].idx: doc[last_org].idx + len(doc[last_org].text)]
            cluster = index._org_cluster(surface, "org")
            m = _Mention(doc[i].idx, doc[last_org].idx + len(doc[last_org].text), i, last_org + 1, surface.split(), None, "name")
            index._attach(cluster, m)
            cluster.tokens.append(last_org)
            i = last_org + 1
        else:
            i = max(j, i + 1)


_SPEECH = {"say", "tell", "add", "state", "claim", "argue", "insist", "warn", "explain", "admit",
           "announce", "confirm", "deny", "predict", "report", "reveal", "urge", "accuse", "call",
           "criticise", "criticize", "describe", "suggest", "believe", "vow", "pledge", "promise"}


def _assign_roles(index: ActorIndex, doc) -> None:
    blocked = {i for i, cid in index._by_token.items() if index._by_id[cid].type == "PERSON"}
    for c in index.clusters:
        if c.type not in ("PERSON", "ORG"):
            continue
        for s, e in sorted(c.mentions):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            if c.type == "ORG" and c.kind in ("gpe", "party"):
                break
            if c.lineup and _in_lineup(index, s):
                continue
            role = role_before(doc, span.start, blocked - set(range(span.start, span.end)))
            if role is None:
                root = _head_of(doc, span.start, span.end)
                role = role_around(root)
            if role and c.type == "PERSON":
                _nationality_from(role, c)
            if role:
                c.role = role
                break
        if c.type == "PERSON":
            for s, e in c.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                if span.start > 1 and doc[span.start - 1].text in _POSSESSIVE:
                    owner = doc[span.start - 2].lower_
                    if owner in N.PLACES:
                        c.nationality.add(owner)
                if span.start > 0 and doc[span.start - 1].lower_ in N.NATIONALITIES:
                    c.nationality.add(doc[span.start - 1].lower_)
        # speaking organisations: subjects of speech verbs
        if c.type == "ORG":
            for s, e in c.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                root = _head_of(doc, span.start, span.end)
                if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH:
                    c.speaks = True
                    break


_PLACE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "around",
                "throughout", "via", "towards", "toward", "between"}


def _placey_or_listed(index: ActorIndex, doc, c: _Cluster) -> bool:
    """A bare one-word "person" that only ever stands after "in/at/to/from" ("at Tynecastle")
    or in a list of places and brands ("Chernigov, Nikolaev and Kharkov")."""
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in c.mentions]
    spans = [sp for sp in spans if sp is not None]
    if not spans:
        return False
    roots = [_head_of(doc, sp.start, sp.end) for sp in spans]
    bad = 0
    for r in roots:
        if r.dep_ == "pobj" and r.head.lower_ in _PLACE_PREPS:
            bad += 1
            continue
        mates = list(r.conjuncts)
        types = {t.ent_type_ for t in mates}
        if mates and types & {"GPE", "ORG", "LOC", "PRODUCT", "FAC", "NORP"} and "PERSON" not in types:
            bad += 1
    return bad == len(roots)


def _in_lineup(index: ActorIndex, start: int) -> bool:
    return any(a <= start < b for a, b in index._lineup_spans)


ORG_ROLE_HEADS = {
    "group", "company", "firm", "brokerage", "bank", "miner", "movement", "giant", "body",
    "organisation", "organization", "agency", "charity", "party", "union", "broadcaster",
    "retailer", "carrier", "airline", "maker", "carmaker", "producer", "operator", "supplier",
    "developer", "lender", "insurer", "conglomerate", "consortium", "club", "side", "team",
    "network", "chain", "subsidiary", "unit", "division", "firm", "manufacturer", "rival",
    "exchange", "regulator", "watchdog", "newspaper", "paper", "magazine", "website", "channel",
    "station", "label", "studio", "band", "consultancy", "partner", "venture", "business",
    "drug", "product", "brand", "service", "scheme", "programme", "plan", "report", "review",
    "place", "town", "city", "village", "region", "country", "state", "prison", "hospital",
    "school", "university", "college", "stadium", "ground", "venue", "hotel", "restaurant",
}


def _retype_people(index: ActorIndex, doc) -> None:
    """People whose role says they are a company or a place ("oil group Yukos"), or that the
    text calls "which" ("Opus Dei, which means ..."), are organisations."""
    text = index.text
    for c in index.clusters:
        if c.type != "PERSON" or c.hidden or c.titles or c.lineup:
            continue
        core = _core(c.words)
        if core and N.is_first_name(core[0]) and len(core) >= 2:
            continue
        org = False
        if c.role:
            head = re.split(r"\s+(?:of|for|at|in|based)\s+", c.role.lower())[0].split()
            if head and head[-1] in ORG_ROLE_HEADS:
                org = True
        if not org:
            for s, e in c.mentions:
                after = text[e:e + 8]
                if re.match(r"['’]?s?,? (which|whose shares)\b", after):
                    org = True
                    break
        if org:
            c.type, c.kind = "ORG", "org"
            c.name = " ".join(c.words)


def _nationality_from(role: str, c: _Cluster) -> None:
    for w in role.lower().replace("'s", " ").split():
        if w in N.NATIONALITIES:
            c.nationality.add(w)


def _assign_gender(index: ActorIndex, doc) -> None:
    for c in index.clusters:
        if c.type != "PERSON":
            continue
        g = None
        for t in c.titles:
            g = g or N.HONORIFICS.get(t)
        if g is None and len(_core(c.words)) >= 2:
            g = N.first_name_gender(_core(c.words)[0])
        if g is None and len(c.words) == 1 and N.is_first_name(c.words[0]):
            g = N.first_name_gender(c.words[0])
        if g is None and c.role:
            last = c.role.lower().split()[-1] if c.role.split() else ""
            g = "f" if last in N.FEMALE_NOUNS else "m" if last in N.MALE_NOUNS else None
        c.gender = g


def _name_clusters(index: ActorIndex) -> None:
    for c in index.clusters:
        if c.type == "PERSON":
            _name_one(index, c)


def _name_one(index: ActorIndex, c: _Cluster) -> None:
    """The display name: the fullest form the text uses, with "Lord"/"Ms" kept when the
    text never gives a first name."""
    text = index.text
    forms = [text[s:e].split() for s, e in sorted(c.mentions)]
    best = None
    for f in forms:
        words = list(f)
        while words and N.norm_word(words[0]).rstrip(".") in N.HONORIFICS:
            words = words[1:]
        if not words:
            continue
        rank = (len(_core(words)), len(words), -sum(1 for w in words if N.is_initial(w)))
        if best is None or rank > best[0]:
            best = (rank, words)
    words = best[1] if best else c.words
    c.words = words
    name = " ".join(words)
    if len(_core(words)) <= 1 and not any(N.is_initial(w) for w in words):
        peer = next((t for t in c.titles if t in N.PEERAGE), None)
        if peer:
            name = f"{peer.capitalize()} {name}"
        elif c.titles:
            # "Ms Lomond": keep the title the text uses when it never gives a first name
            for s0, e0 in sorted(c.mentions):
                first = text[s0:e0].split()[0]
                if N.norm_word(first).rstrip(".") in N.COURTESY:
                    name = f"{first} {name}"
                    break
    c.name = name


def _coref_pass(index: ActorIndex, doc) -> None:
    """Walk the text in order; record name mentions as salience events and link each
    third-person pronoun and definite role nominal to the most salient agreeing actor."""
    events: list[tuple[int, str, float, bool]] = []
    by_token = index._by_token
    person_tokens = index._person_tokens()
    nominals: dict[int, _Nominal] = {}
    for i in range(len(doc)):
        if doc[i].lower_ in N.ROLE_NOUNS or doc[i].lower_ in N.NATIONALITIES or doc[i].lower_ in ("old", "back", "half", "general", "rounder"):
            nom = _nominal_at(doc, i, person_tokens)
            if nom is not None:
                nominals[i] = nom
    seen_mentions: set[tuple[str, int]] = set()
    index._events = events
    for tok in doc:
        i = tok.i
        cid = by_token.get(i)
        if cid is not None and i not in nominals:
            cl = index._by_id[cid]
            # one event per mention, at its last token
            if i + 1 < len(doc) and by_token.get(i + 1) == cid:
                continue
            if (cid, i) in seen_mentions:
                continue
            seen_mentions.add((cid, i))
            root = tok
            while root.dep_ in ("compound", "flat") and root.head.i in by_token and by_token.get(root.head.i) == cid and root.head is not root:
                root = root.head
            events.append((i, cid, _weight(root), _main_subject(root)))
            continue
        low = tok.lower_
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            found = index._resolve_pronoun(tok)
            if found:
                index._links[i] = found
                events.append((i, found, _weight(tok) * (0.5 if index.in_quote(tok.idx) else 1.0), _main_subject(tok)))
            continue
        if low in NEUTER_PRONOUNS or low in PLURAL_PRONOUNS:
            if not index.in_quote(tok.idx):
                found = index._resolve_pronoun(tok)
                if found:
                    index._links[i] = found
            continue
        nom = nominals.get(i)
        if nom is None:
            continue
        found = None
        # "the Ethiopian is the defending world champion": the subject's actor
        if tok.dep_ == "attr" and tok.head.lemma_ in ("be", "become"):
            for child in tok.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = by_token.get(child.i) or index._links.get(child.i)
        if found is None:
            found = index._pick_for_nominal(nom)
        if not found:
            continue
        cl = index._by_id[found]
        span = doc[nom.start: nom.end]
        for t in span:
            index._links[t.i] = found
            cid_t = by_token.get(t.i)
            if cid_t is None or index._by_id[cid_t].type != "PERSON":
                by_token[t.i] = found
        strong = _role_fit(nom.head, nom.mods, cl, nom.nationality) == "strong"
        if nom.nationality and cl.type == "PERSON":
            cl.nationality.add(nom.nationality)
        if (strong or not index.in_quote(tok.idx)) and tok.dep_ != "poss":
            if span.text not in cl.aliases:
                cl.aliases.append(span.text)
            if (span.start_char, span.end_char) not in cl.mentions:
                cl.mentions.append((span.start_char, span.end_char))
            if cl.role is None and not nom.epithet or (cl.role is None and nom.head in ("champion",)):
                cl.role = " ".join(span.text.split()[1:]) or None
        events.append((i, found, _weight(tok), _main_subject(tok)))
    events.sort()


def _main_subject(tok) -> bool:
    """The subject of the sentence's main verb (or of a verb joined to it by "and")."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _weight(tok) -> float:
    """How prominent a mention is: main-clause subjects most, then objects, then the rest."""
    dep = tok.dep_
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    who = nxt is not None and nxt.lower_ in ("who", "whose") or any(c.dep_ == "relcl" for c in tok.children)
    if dep in ("nsubj", "nsubjpass"):
        head = tok.head
        main = head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")
        w = 1.0 if main else 0.7
    elif dep in ("dobj", "attr", "appos", "dative"):
        w = 0.6
    elif dep == "pobj":
        w = 0.5
    elif dep == "poss":
        w = 0.4
    else:
        w = 0.35
    if who:
        w = max(w, 0.8)
    # later in its sentence: a little more present for what follows
    try:
        sent = tok.sent
        rel = (tok.i - sent.start) / max(1, len(sent) - 1)
    except ValueError:
        rel = 0.5
    return w * (0.9 + 0.1 * rel)
