"""Actors: one entry per real person or organisation named in an article.

``find_actors(doc)`` builds an ``ActorIndex`` in four steps:

1. person mentions (``mentions``): the model's PERSON entities, repaired (leading
   affiliations and titles, trailing dashes, possessives, parties tagged as people), names
   after Mr/Dr/Lord..., and every player in a team sheet (``lineups``);
2. clustering (``clusters``): full names first, then short forms ("Mr Kennedy", "Kennedy",
   "J Robinson", "Sonny") attach to the full name they fit, the nearest one when two people
   share a surname; a later scan picks up surnames the model tagged as places or organisations;
3. roles, types, gender and display names (``attributes``, ``roles``);
4. one pass in text order over names, pronouns and role nominals ("the UN chief",
   "the 30-year-old") that links each pronoun and nominal to the most salient agreeing actor
   (``resolution``, ``nominals``).

The quote extractor asks the index to ``resolve`` a speaker token and ``finish(quotes)``
freezes it into ``Actor`` objects in salience order.
"""

from __future__ import annotations

import bisect
import os
import re

from briefing.analysis.cues import SPEECH_VERBS, THOUGHT_VERBS, lemma
from briefing.analysis.doctext import ents_of, text_of, tokens_of
from briefing.analysis import names as N
from briefing.analysis.attributes import assign_gender, assign_roles, name_clusters, name_one, retype_people
from briefing.analysis.clusters import (
    Cluster, add_orgs, cluster_people, filter_people, org_display, org_key, org_same, plausible_lineup, rescan,
)
from briefing.analysis.lineups import find_lineups
from briefing.analysis.mentions import (
    Mention, POSSESSIVE, core_words, name_fit, person_mention, quote_regions, title_mentions,
)
from briefing.analysis.roles import is_job_noun
from briefing.analysis.resolution import (  # noqa: F401 - re-exported for callers
    COMPANY_NOUNS, FEMALE_PRONOUNS, MALE_PRONOUNS, NEUTER_PRONOUNS, ORG_NOUNS, PLURAL_PRONOUNS, PRONOUNS,
    SPOKES_NOUNS, Resolver, coref_pass,
)
from briefing.model import Actor, Quote

_ACRONYM_PLURAL = re.compile(r"^[A-Z]{2,}s$")
_DAY_MONTH_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                    "may", "june", "april", "august"}


class ActorIndex(Resolver):
    """The actors of one parsed article: clusters, which token names whom, and resolution."""

    def __init__(self, doc):
        self.doc = doc
        self.text = text_of(doc)
        self.clusters: list[Cluster] = []
        self._by_id: dict[str, Cluster] = {}
        self._by_token: dict[int, str] = {}
        self._links: dict[int, str] = {}  # pronoun / nominal token -> actor id
        self._events: list[tuple[int, str, float, bool]] = []  # (token, actor id, weight, subject)
        self._sent_of: list[int] = []
        self._para_of: list[int] = []
        self._quotes: list[tuple[int, int]] = []
        self._lineup_spans: list[tuple[int, int]] = []
        self._quote_starts: list[int] = []
        self._prepare()

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
        self._para_of = [bisect.bisect_right(breaks, t.idx) for t in tokens_of(doc)]
        self._quotes = quote_regions(self.text)
        self._quote_starts = [a for a, _ in self._quotes]

    def in_quote(self, char: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, char) - 1
        return k >= 0 and self._quotes[k][0] <= char < self._quotes[k][1]

    def _new(self, type_: str, name: str, kind: str = "person") -> Cluster:
        cluster = Cluster(id=f"a{len(self.clusters) + 1}", type=type_, name=name, kind=kind)
        self.clusters.append(cluster)
        self._by_id[cluster.id] = cluster
        return cluster

    def _attach(self, cluster: Cluster, m: Mention) -> None:
        """``m`` is a mention of ``cluster``: its alias, offsets, tokens and head token."""
        m.cluster = cluster
        surface = self.text[m.start:m.end]
        if surface not in cluster.aliases:
            cluster.aliases.append(surface)
        if (m.start, m.end) not in cluster.mentions:
            cluster.mentions.append((m.start, m.end))
        for i in range(m.tok_start, m.tok_end):
            self._by_token[i] = cluster.id
        cluster.tokens.append(m.tok_end - 1)
        if m.title:
            cluster.titles.add(m.title)
        if m.territory:
            cluster.territory = m.territory
        if m.kind == "lineup":
            cluster.lineup = True

    def _org_cluster(self, text: str, kind: str) -> Cluster:
        key = org_key(text)
        for c in self.clusters:
            if c.type == "ORG" and c.kind in ("org", "gpe", "party") and org_same(key, c):
                return c
        c = self._new("ORG", org_display(text), kind)
        c.words = text.split()
        return c

    def cluster(self, actor_id: str | None) -> Cluster | None:
        return self._by_id.get(actor_id) if actor_id else None

    def at_token(self, i: int) -> str | None:
        return self._by_token.get(i)

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
            m = person_mention(doc, span.start, span.end)
            if m is not None:
                c = self._new("PERSON", " ".join(m.words))
                c.words = list(m.words)
                self._attach(c, m)
                name_one(self, c)
                return c.id
        person = self._person_by_surname(span, words)
        if person is not None:
            return person
        toks = [t for t in span if not (t.lower_ in ("the", "a", "an", "some", "many", "several") or t.is_punct)]
        text = text_of(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)] if toks else span.text
        if toks and all(t.text[:1].isupper() or t.text[:1].isdigit() for t in toks) \
                and all(t.pos_ == "PROPN" or t.ent_type_ or not t.is_sent_start for t in toks) \
                and not any((t.tag_ == "NNS" and not t.ent_type_) or _ACRONYM_PLURAL.match(t.text) for t in toks):
            # a proper name nobody typed ("said Swiss Re", "4Cast"): an organisation
            # (not "MPs", "MEPs": plural people)
            end = toks[-1].idx + len(toks[-1].text)
            if text.endswith(".") and len(text) > 2 and (end >= len(self.text) or self.text[end].isspace()):
                text, end = text[:-1], end - 1  # "said M&S.": the full stop ends the sentence
            org = self._org_cluster(text, "org")
            m = Mention(toks[0].idx, end, toks[0].i, toks[-1].i + 1, text.split(), None, "name")
            self._attach(org, m)
            return org.id
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

    def _person_by_surname(self, span, words: list[str]) -> str | None:
        """ "Her coach Aston Moore told the paper" with "Moore" a person elsewhere, or with a
        person's job right before the name: a full name the model left untyped."""
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            return None
        doc = span.doc
        surname = N.norm_word(words[-1])
        known = [c for c in self.clusters if c.type == "PERSON" and not c.hidden and c.words
                 and N.norm_word(core_words(c.words)[-1] if core_words(c.words) else c.words[-1]) == surname]
        firsts = {N.norm_word(c.words[0]) for c in known if len(core_words(c.words)) >= 2}
        if len(known) > 1 or (firsts and N.norm_word(words[0]) not in firsts):
            return None
        prev = doc[span.start - 1] if span.start > 0 else None
        role = prev is not None and is_job_noun(prev)
        if not known and not role:
            return None
        m = person_mention(doc, span.start, span.end)
        if m is None or len(m.words) != len(words):
            return None
        c = known[0] if known else self._new("PERSON", " ".join(m.words))
        if len(m.words) > len(c.words):
            c.words = list(m.words)
        self._attach(c, m)
        name_one(self, c)
        return c.id

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
    mentions: list[Mention] = []
    taken: set[int] = set()

    def claim(m: Mention | None) -> None:
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
            group_m.append(Mention(s, e, span.start, span.end, words, None, "lineup"))
        if plausible_lineup(doc, group_m):
            for m in group_m:
                claim(m)
            if group_m:
                line_start = text.rfind("\n", 0, group_m[0].start) + 1
                line_end = text.find("\n", group_m[-1].end)
                index._lineup_spans.append((line_start, len(text) if line_end < 0 else line_end))
    # Names after courtesy titles.
    for a, b in title_mentions(doc):
        ent = doc[a].ent_type_
        if ent and ent not in ("PERSON",) and doc[a].ent_iob_ == "I":
            continue
        claim(person_mention(doc, a, b))
    # The model's people; two person spans with nothing between them are one name.
    people_spans: list[list[int]] = []
    for ent in ents_of(doc):
        if ent.label_ == "PERSON":
            if people_spans and people_spans[-1][1] == ent.start and doc[ent.start - 1].whitespace_ \
                    and doc[ent.start].text[:1].isupper() and doc[ent.start - 1].text not in POSSESSIVE:
                people_spans[-1][1] = ent.end
            else:
                people_spans.append([ent.start, ent.end])
    for span in people_spans:
        a, b = span
        # "Mike Friday's England side", "Theresa May": a surname the model read as a date
        if b - a <= 2 and b < len(doc) and N.is_first_name(doc[b - 1].text) and doc[b].ent_type_ == "DATE" \
                and doc[b].lower_ in _DAY_MONTH_NAMES and doc[b].text[:1].isupper() and doc[b - 1].whitespace_ \
                and not (b + 1 < len(doc) and (doc[b + 1].like_num or doc[b + 1].ent_type_ == "DATE")):
            span[1] = b + 1
    for a, b in people_spans:
        for x, y in _line_pieces(doc, a, b):  # "Howard\n\nTony Blair": a headline and a name
            claim(person_mention(doc, x, y))
    # "Finlay Calder" tagged as an organisation while "Calder" alone is a person elsewhere.
    lone = {N.norm_word(e.text) for e in ents_of(doc) if e.label_ == "PERSON" and len(e) == 1}
    for ent in ents_of(doc):
        if ent.label_ in ("ORG", "GPE", "NORP") and 2 <= len(ent) <= 3 and N.norm_word(ent[-1].text) in lone \
                and all(t.text[:1].isupper() and t.is_alpha for t in ent):
            claim(person_mention(doc, ent.start, ent.end))
    # "Liverpool forward Milan Baros" tagged as an organisation or a place: a job noun before it.
    for ent in ents_of(doc):
        words = [t for t in ent if t.text != "-"]  # "Sven-Goran Eriksson"
        if ent.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and 1 <= len(words) <= 3 and ent.start > 0 \
                and ent[0].text != "-" and ent[-1].text != "-" \
                and all(t.text[:1].isupper() and t.is_alpha and not t.is_upper for t in words):
            prev = doc[ent.start - 1]
            job = prev.pos_ == "NOUN" or (ent.start > 1 and doc[ent.start - 2].text[:1].isupper()
                                          and doc[ent.start - 2].is_alpha)  # "Liverpool forward"
            if prev.is_lower and job and prev.lower_ in N.ROLE_NOUNS and (
                    len(ent) > 1 or N.norm_word(ent.text) not in N.PLACES | N.NOT_NAMES):
                claim(person_mention(doc, ent.start, ent.end))
    # "Barcelona star Ronaldinho" tagged as one organisation: the name after the job noun.
    for ent in ents_of(doc):
        if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or len(ent) < 3:
            continue
        k = next((t.i for t in ent[1:-1] if t.is_alpha and is_job_noun(t)), None)
        if k is not None and 1 <= ent.end - k - 1 <= 3 \
                and all(t.text[:1].isupper() and t.is_alpha for t in doc[k + 1:ent.end]):
            claim(person_mention(doc, k + 1, ent.end))
    # "Rio Ferdinand has said he is unsure ..." tagged as a place: an organisation or a place
    # never says "he" or "she" of itself.
    for ent in ents_of(doc):
        if ent.label_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and 2 <= len(ent) <= 3 \
                and all(t.text[:1].isupper() and t.is_alpha and not t.is_upper for t in ent) \
                and _says_he(ent.root):
            claim(person_mention(doc, ent.start, ent.end, evidence=True))
    # "said Isabelle Kronawitter at Hypovereinsbank": a first name and a surname left untagged.
    for a, b in _untagged_names(doc, taken):
        claim(person_mention(doc, a, b))

    _share_surnames(doc, mentions)
    cluster_people(index, mentions)
    rescan(index, doc, taken)
    filter_people(index, doc)
    add_orgs(index, doc)
    assign_roles(index, doc)
    retype_people(index, doc)
    assign_gender(index, doc)
    name_clusters(index)
    coref_pass(index, doc)


def _says_he(root) -> bool:
    """The subject of a speech or thought verb whose clause has "he"/"she" as its subject:
    "X has said he is unsure", "X admitted she had erred"."""
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    if lemma(verb) not in SPEECH_VERBS and lemma(verb) not in THOUGHT_VERBS:
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < root.i:
            continue
        for t in clause.children:
            if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she"):
                return True
    return False


def _untagged_names(doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of a known first name and one or two capitalised words that the entity
    model tagged as nothing at all (a longer capitalised run is a title or an organisation)."""
    out = []
    n = len(doc)
    for i, tok in enumerate(tokens_of(doc)):
        if i in taken or tok.ent_type_ or not tok.is_alpha or not tok.text[:1].isupper() \
                or not N.is_first_name(tok.text) or tok.is_upper:
            continue
        if i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start:
            continue  # inside a longer name
        j = i + 1
        while j < n and j - i <= 2 and j not in taken and not doc[j].ent_type_ and doc[j].pos_ == "PROPN" \
                and doc[j].text[:1].isupper() and doc[j].is_alpha and not doc[j].is_upper:
            j += 1
        if j == i + 1 or (j < n and doc[j].text[:1].isupper() and doc[j].is_alpha):
            continue
        out.append((i, j))
    return out


def _share_surnames(doc, mentions: list[Mention]) -> None:
    """ "Mike and Bob Bryan", "Venus and Serena Williams": the first name takes the surname."""
    by_start = {m.tok_start: m for m in mentions}
    for m in mentions:
        if len(m.words) != 1 or not N.is_first_name(m.words[0]) or m.tok_end + 1 >= len(doc):
            continue
        if doc[m.tok_end].lower_ not in ("and", "&"):
            continue
        other = by_start.get(m.tok_end + 1)
        if other is not None and len(other.words) >= 2 and N.is_first_name(other.words[0]) and not other.title:
            m.words = [m.words[0]] + other.words[1:]


def _line_pieces(doc, start: int, end: int) -> list[tuple[int, int]]:
    """A token range cut at line breaks."""
    out, a = [], start
    for k in range(start, end):
        if "\n" in doc[k].text:
            if k > a:
                out.append((a, k))
            a = k + 1
        elif "\n" in doc[k].whitespace_:
            out.append((a, k + 1))
            a = k + 1
    if end > a:
        out.append((a, end))
    return out
