"""Clusters: one per real-world actor, built from mentions.

People: full names first, then short forms attach to the full name they fit (the nearest
when two people share a surname); ``rescan`` picks up surnames the model tagged as places or
organisations; ``filter_people`` hides one-word "people" that are places, brands or clubs.
Organisations come from the model's ORG/GPE/NORP entities and capitalised names ending in an
organisation word.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.analysis.doctext import ents_of, span_text, tokens_of
from briefing.analysis import names as N
from briefing.analysis.mentions import (
    POSSESSIVE, Mention, core_words, head_of, is_full_name, name_fit,
)
from briefing.analysis.quotemarks import DOUBLE_MARKS, title_words
from briefing.analysis.roles import is_job_noun, is_person_noun

if TYPE_CHECKING:
    from briefing.analysis.actors import ActorIndex

@dataclass
class Cluster:
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
    territory: str | None = None  # "of Birkenhead": a peer's territorial designation
    age: int | None = None  # from "the 28-year-old" once linked
    other_roles: list[str] = field(default_factory=list)  # later mentions' roles (for nominal fit)


def plausible_lineup(doc, group: list[Mention]) -> bool:
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


def cluster_people(index: ActorIndex, mentions: list[Mention]) -> None:
    mentions.sort(key=lambda m: m.start)
    full = [m for m in mentions if is_full_name(m.words)]
    short = [m for m in mentions if not is_full_name(m.words)]
    people: list[Cluster] = []
    for m in full:
        best, best_score = None, 0
        for c in people:
            s = name_fit(m.words, c.words)
            if s >= 4 and s > best_score:
                best, best_score = c, s
        if best is None:
            best = index._new("PERSON", " ".join(m.words))
            best.words = list(m.words)
            people.append(best)
        elif len(core_words(m.words)) > len(core_words(best.words)):
            best.words = list(m.words)
        index._attach(best, m)
    for m in short:
        target = pick_cluster(m, people, index)
        if target is None:
            target = index._new("PERSON", " ".join(m.words))
            target.words = list(m.words)
            people.append(target)
        elif N.is_initial(target.words[0]) and not N.is_initial(m.words[0]) and len(m.words) > 1:
            target.words = list(m.words)
        index._attach(target, m)


def pick_cluster(m: Mention, people: list[Cluster], index: ActorIndex | None = None) -> Cluster | None:
    """The cluster a short mention names. When several people fit equally ("Meadows" with Mark,
    Debbie and Scott Meadows in the story), the gender of a courtesy title or of the pronoun
    that refers back to the mention decides, then salience: the one named most often so far
    (a relative introduced once is rarely the bare surname), the nearer one on a tie."""
    scored = [(name_fit(m.words, c.words), c) for c in people]
    scored = [(s, c) for s, c in scored if s > 0]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    cands = [c for s, c in scored if s == top]
    if m.title and len(cands) > 1:
        titled = [c for c in cands if m.title in c.titles]
        if titled and N.HONORIFICS.get(m.title) is None:
            cands = titled  # "Senator Garrow" is the Garrow called senator before
    if index is not None and len(cands) > 1:
        job = _word_before(index.text, m.start)
        if job[:1].isupper() and N.HONORIFICS.get(job.lower().rstrip(".")) is None and (
                is_person_noun(job) or job.lower().rstrip(".") in N.HONORIFICS):
            titled = [c for c in cands if any(_word_before(index.text, s).lower() == job.lower() for s, _ in c.mentions)]
            if titled:
                cands = titled  # "Senator Garrow", "Congressman Meadows": the one given that job
    gender = N.HONORIFICS.get(m.title) if m.title else None
    if gender is None and len(cands) > 1 and index is not None:
        gender = pronoun_gender_after(index, m.tok_start, m.tok_end)
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
        def salience(c):
            return (sum(1 for s, _ in c.mentions if s < m.start), last_before(c))
        if index is not None and m.tok_start < len(index._sent_of):
            nearest = max(before, key=last_before)
            here = index._sent_of[m.tok_start]
            end = next((e for s, e in nearest.mentions if s == last_before(nearest)), last_before(nearest) + 1)
            near = index.doc.char_span(last_before(nearest), end, alignment_mode="expand")
            if near is not None and near.start < len(index._sent_of):
                gap = here - index._sent_of[near.start]
                if gap == 0:
                    return nearest  # named in the same sentence: "Ralf Schumacher ... said Schumacher"
                if gap == 1 and head_of(index.doc, near.start, near.end).dep_ in ("nsubj", "nsubjpass"):
                    return nearest  # the subject of the sentence before: "... Jason Robinson would be
                    # the sole Englishman. Robinson has been blamed ..."
        return max(before, key=salience)
    return min(cands, key=lambda c: min(s for s, _ in c.mentions) if c.mentions else 10**9)


_ADDRESS_VERBS = {"ask", "tell", "urge", "warn", "order", "wonder", "inquire", "enquire", "question", "invite",
                  "persuade", "beg", "press", "remind", "accuse", "thank", "congratulate", "interview", "meet",
                  "call", "challenge", "force", "allow", "want", "expect", "help", "encourage", "advise"}


def pronoun_gender_after(index: ActorIndex, tok_start: int, tok_end: int) -> str | None:
    """The gender of the first he/she after a subject mention in its sentence, when no other
    person is named in between ("Meadows said he never planned ...")."""
    doc = index.doc
    if tok_end >= len(doc) or tok_start >= len(index._sent_of):
        return None
    head = head_of(doc, tok_start, tok_end)
    if head.dep_ not in ("nsubj", "nsubjpass") or head.head.lemma_ in _ADDRESS_VERBS:
        return None  # "Colby asked if he ...": the pronoun is whom she asked
    sent = index._sent_of[tok_start]
    for i in range(tok_end, min(len(doc), tok_end + 40)):
        if index._sent_of[i] != sent:
            return None
        t = doc[i]
        if t.ent_type_ == "PERSON" or i in index._by_token:
            return None
        low = t.lower_
        if low not in ("he", "she"):
            continue  # possessives and objects often belong to someone else ("not his father")
        return "m" if low == "he" else "f"
    return None


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 40):start].split()
    return words[-1] if words else ""


def _cluster_gender_hint(c: Cluster) -> str | None:
    for t in c.titles:
        g = N.HONORIFICS.get(t)
        if g:
            return g
    first = next((w for w in c.words if not N.is_initial(w)), None)
    return N.first_name_gender(first) if first and len(core_words(c.words)) >= 2 else None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _occurrences(text: str, form: str):
    """(start, end) of each whole-word occurrence of ``form``, left to right, not overlapping:
    not glued to a word character, apostrophe or hyphen before, nor a word character or hyphen
    after. (A plain search: one regular expression per name form cost a compile each.)"""
    pos = 0
    n = len(form)
    while True:
        k = text.find(form, pos)
        if k < 0:
            return
        before = text[k - 1] if k > 0 else ""
        after = text[k + n] if k + n < len(text) else ""
        if (before and (_word_char(before) or before in "'\u2019-")) or (after and (_word_char(after) or after == "-")):
            pos = k + 1
            continue
        yield k, k + n
        pos = k + n


def rescan(index: ActorIndex, doc, taken: set[int]) -> None:
    """Surnames and full names the model tagged as places or organisations, or missed."""
    text = index.text
    people = [c for c in index.clusters if c.type == "PERSON"]
    forms: dict[str, list[Cluster]] = {}
    for c in people:
        core = core_words(c.words)
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
        for m_start, m_end in _occurrences(text, form):
            span = doc.char_span(m_start, m_end, alignment_mode="expand")
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if span.start_char != m_start or span.end_char != m_end:
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
                ent_span = next((e for e in ents_of(doc) if e.start <= span.start < e.end), None)
                if ent_span is not None and (ent_span.end - ent_span.start) > (span.end - span.start) + (1 if prev is not None and prev.text == "-" else 0):
                    # "- Ireland" counts as the place alone; longer entities are something else
                    extra = [doc[k] for k in range(ent_span.start, ent_span.end) if not span.start <= k < span.end]
                    crosses_quote = all(t.is_punct or t.is_lower for t in extra) and any(
                        t.text in QUOTE_CHARS or t.is_lower for t in extra)  # 'Brandt grinned', '," Brandt'

                    if not (ent_span.start == span.start - 1 and doc[ent_span.start].is_punct) and not crosses_quote:
                        continue  # ('"It was hard," Brandt' as one title: the name is after the quote)
            start_tok = span.start - 1 if title else span.start
            ms = Mention(doc[start_tok].idx, span.end_char, start_tok, span.end, form.split(), title, "rescan")
            target = pick_cluster(ms, cands, index) if len(cands) > 1 else cands[0]
            if target is None:
                continue
            index._attach(target, ms)
            taken.update(range(start_tok, span.end))


def filter_people(index: ActorIndex, doc) -> None:
    text = index.text
    non_person_words: dict[str, int] = {}
    for ent in ents_of(doc):
        if ent.label_ not in ("PERSON",) and len(ent) > 1:
            if any(is_job_noun(t) for t in ent[1:-1]):
                continue  # "Barcelona star Ronaldinho": a job and a name, not one organisation
            for t in ent:
                non_person_words[t.lower_] = non_person_words.get(t.lower_, 0) + 1
    labels: dict[str, dict[str, int]] = {}
    for ent in ents_of(doc):
        if len(ent) == 1:
            d = labels.setdefault(N.norm_word(ent.text), {})
            d[ent.label_] = d.get(ent.label_, 0) + 1
    for c in index.clusters:
        if c.type != "PERSON":
            continue
        forms = [text[s:e] for s, e in c.mentions]
        if forms and all(_in_title_quote(index, s, e) for s, e in c.mentions):
            c.hidden = True  # only ever inside a quoted title: "Joker", "The Marvelous Mrs Maisel"
            for i, cid in list(index._by_token.items()):
                if cid == c.id:
                    del index._by_token[i]
            continue
        multi = any(len(core_words(f.split())) >= 2 for f in forms)
        lineup = c.lineup or any(N.is_initial(f.split()[0]) for f in forms if f.split())
        titled = bool(c.titles)
        if multi or titled:
            continue
        word = N.norm_word(c.words[-1]) if c.words else ""
        if lineup:
            continue
        bad = (
            word in N.NOT_NAMES or word in N.PLACES or word in N.NATIONALITIES
            or (word.endswith("s") and word[:-1] in N.NATIONALITIES)  # "Britons"
            or _camel_case(c.words[-1] if c.words else "")  # "OpenAI", "PlayStation"
            or N.looks_like_party(c.name) or word in N.ORG_WORDS
            or (c.name.isupper() and len(c.name) > 1)
        )
        if not bad and non_person_words.get(word, 0) > 0:
            # the word is part of a place or organisation name elsewhere ("Barlinnie Prison"),
            # unless the model mostly calls it a person and a he/she follows it ("Dion ... she")
            bad = labels.get(word, {}).get("PERSON", 0) <= 2 * non_person_words[word] or not pronoun_votes(index, doc, c)
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
            bad = _placey_or_listed(index, doc, c) or _common_word(doc, c)
        if bad:
            c.hidden = True
            for i, cid in list(index._by_token.items()):
                if cid == c.id:
                    del index._by_token[i]


def pronoun_votes(index: ActorIndex, doc, c: Cluster) -> set[str]:
    """The genders of the he/she that follow the cluster's mentions as subjects
    (``pronoun_gender_after``): the text's own word on whether, and which, a person it is."""
    votes = set()
    for s, e in c.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            g = pronoun_gender_after(index, span.start, span.end)
            if g:
                votes.add(g)
    return votes


def _in_title_quote(index: ActorIndex, s: int, e: int) -> bool:
    """Is the name inside a short quotation of capitalised words only (a film, show or book)?"""
    k = bisect.bisect_right(index._quote_starts, s) - 1
    if k < 0 or e > index._quotes[k][1]:
        return False
    a, b = index._quotes[k]
    words = title_words(index.text[a:b])
    return words is not None and len(words) <= 5


QUOTE_CHARS = frozenset(DOUBLE_MARKS)

_PLACE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "around",
                "throughout", "via", "towards", "toward", "between"}


_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St", "O'", "D'")


def _camel_case(word: str) -> bool:
    """A capital inside a word that no surname prefix explains: a brand, not a name."""
    for k in range(1, len(word)):
        if word[k].isupper() and word[k - 1].islower() and word[:k] not in _NAME_PREFIXES:
            return True
    return False


def _common_word(doc, c: Cluster) -> bool:
    """A capitalised common word at the start of its sentences ("Jobs will be lost", "Coal has
    vanished") whose lowercase form the text also uses."""
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in c.mentions]
    if not spans or any(sp is None or not sp[0].is_sent_start for sp in spans):
        return False
    low = spans[0].text.lower()
    return any(t.text == low for t in tokens_of(doc))


_SEAT_NOUNS = {"mp", "mep", "msp", "am", "member", "seat", "constituency", "candidate", "mla"}


def _placey_or_listed(index: ActorIndex, doc, c: Cluster) -> bool:
    """A bare one-word "person" that only ever stands after "in/at/to/from" ("at Tynecastle")
    or in a list of places and brands ("Chernigov, Nikolaev and Kharkov")."""
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in c.mentions]
    spans = [sp for sp in spans if sp is not None]
    if not spans:
        return False
    for sp in spans:
        # "the Association of Payment Clearing Services (Apacs)": an organisation's short name
        if sp.start > 1 and doc[sp.start - 1].text == "(" and sp.end < len(doc) and doc[sp.end].text == ")" \
                and doc[sp.start - 2].text[:1].isupper():
            return True
    roots = [head_of(doc, sp.start, sp.end) for sp in spans]
    bad = 0
    for sp, r in zip(spans, roots):
        if any((ch.dep_ == "det" and (ch.lower_ in ("a", "an") or ch.lower_ == "the" and ch.i == sp.start - 1)
                and ch.i < sp.start)
               or (ch.dep_ == "amod" and ch.i == sp.start - 1 and ch.text[:1].isupper() and not ch.is_sent_start
                   and ch.pos_ == "ADJ" and N.norm_word(ch.text) not in N.NATIONALITIES
                   and sp.text.endswith("s") and not sp.text.endswith("ss"))  # a plural: "Golden Globes"
               for ch in r.children):
            bad += 1  # "won a posthumous Oscar", "the Golden Globes": an article or a capitalised
            continue  # adjective before a lone name makes it a thing
        nxt = doc[sp.end] if sp.end < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.is_alpha and not is_person_noun(nxt.text) and not sp[0].is_sent_start \
                and (r.dep_ == "compound" and r.head.i == nxt.i and nxt.tag_ in ("NN", "NNS")
                     or nxt.tag_ == "VBZ" and r.dep_ in ("dobj", "pobj") and nxt.text.endswith("s")):
            bad += 1  # "Oscar chances", "Oscar success": a word modifying a common noun
            continue
        if r.dep_ == "pobj" and r.head.lower_ in _PLACE_PREPS:
            bad += 1
            continue
        if r.dep_ == "pobj" and r.head.lower_ in ("for", "of") and r.head.head.lower_ in _SEAT_NOUNS:
            bad += 1  # "the MP for Sedgefield": a constituency
            continue
        if r.dep_ in ("compound", "amod") and r.head.i == sp.end and r.head.is_lower and r.head.pos_ == "NOUN":
            bad += 1  # "Foster carers": a word modifying a common noun
            continue
        first = r
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ in ("at", "with") and is_person_noun(first.head.head.text) \
                and first.head.head.is_lower:
            bad += 1  # "an analyst with Purvin and Gertz": an employer
            continue
        if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.i in index._by_token \
                and index._by_token[r.head.head.i] != c.id:
            bad += 1  # "Bob Wellington, of Torfaen": where someone is from
            continue
        mates = list(r.conjuncts)
        types = {t.ent_type_ for t in mates}
        if mates and types & {"GPE", "ORG", "LOC", "PRODUCT", "FAC", "NORP"} and "PERSON" not in types:
            bad += 1
    return bad == len(roots)


def in_lineup(index: ActorIndex, start: int) -> bool:
    return any(a <= start < b for a, b in index._lineup_spans)


def _org_pieces(doc, ents) -> list[tuple[str, int, int]]:
    """(label, start, end) of the entities, each cut at line breaks ("Next\n\nNext": a
    headline's last word and the first word of the story are two mentions)."""
    out = []
    for ent in ents:
        a = ent.start
        for k in range(ent.start, ent.end):
            if "\n" in doc[k].text:
                if k > a:
                    out.append((ent.label_, a, k))
                a = k + 1
            elif "\n" in doc[k].whitespace_:
                out.append((ent.label_, a, k + 1))
                a = k + 1
        if ent.end > a:
            out.append((ent.label_, a, ent.end))
    return out


def add_orgs(index: ActorIndex, doc) -> None:
    ents = [e for e in ents_of(doc) if e.label_ in ("ORG", "GPE", "NORP")]
    for label, start, end in _org_pieces(doc, ents):
        if label == "ORG":
            # "the Finance and Economy Ministry": the model often starts after "X and"
            while start >= 2 and doc[start - 1].lower_ in ("and", "&") and doc[start - 2].text[:1].isupper() \
                    and doc[start - 2].is_alpha and not doc[start - 2].ent_type_ and not doc[start - 2].is_sent_start \
                    and doc[start - 2].i not in index._by_token:
                start -= 2
        while start < end and (doc[start].lower_ in ("the",) or doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in POSSESSIVE or doc[end - 1].is_space):
            end -= 1
        if end <= start or any(i in index._by_token for i in range(start, end)):
            continue
        surface = span_text(doc, start, end)
        if label == "NORP" and not N.looks_like_party(surface):
            continue
        kind = "gpe" if label == "GPE" else "party" if N.looks_like_party(surface) else "org"
        if kind == "org" and any(ch.isdigit() for ch in surface) and len(surface) < 3:
            continue
        cluster = index._org_cluster(surface, kind)
        if kind == "gpe" and cluster.kind != "gpe":
            pass
        m = Mention(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), start, end, surface.split(), None, "name")
        index._attach(cluster, m)
    # Capitalised names ending in an organisation word the model missed: "the Scottish Executive".
    doc = tokens_of(doc)  # a list of the tokens: indexing it is cheaper than the Doc
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
            surface = index.text[doc[i].idx: doc[last_org].idx + len(doc[last_org].text)]
            cluster = index._org_cluster(surface, "org")
            m = Mention(doc[i].idx, doc[last_org].idx + len(doc[last_org].text), i, last_org + 1, surface.split(), None, "name")
            index._attach(cluster, m)
            i = last_org + 1
        else:
            i = max(j, i + 1)


@functools.lru_cache(maxsize=8192)
def org_key(text: str) -> tuple[str, ...]:
    t = re.sub(r"^(the|The)\s+", "", text.strip())
    t = re.sub(r"['\u2019]s?$", "", t)
    return tuple(N.norm_word(w) for w in t.split())


def org_display(text: str) -> str:
    t = re.sub(r"^(the|The)\s+", "", text.strip())
    if t.count("(") > t.count(")"):
        t = t[:t.rfind("(")].rstrip() or t  # "Institute for Fiscal Studies (IFS": the name without the cut-off acronym
    return re.sub(r"['\u2019]s?$", "", t).strip()


def _acronym(words) -> str:
    return "".join(w[0] for w in words if w and w[0].isalpha() and (w[0].isupper() or w.lower() not in ("of", "and", "for", "the", "&")))


@functools.lru_cache(maxsize=8192)
def _squeezed(key: tuple[str, ...]) -> str:
    return re.sub(r"[^0-9a-z]", "", "".join(key))


def org_same(key: tuple[str, ...], c: Cluster) -> bool:
    ckey = org_key(" ".join(c.words))
    if key == ckey:
        return True
    if _squeezed(key) == _squeezed(ckey) and len(_squeezed(key)) >= 4:
        return True  # "TimeWarner" / "Time Warner" / "Time-Warner": one name spaced differently
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
