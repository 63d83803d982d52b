"""What a cluster is: its role (titles, appositions, copulas), whether it is really an
organisation, its gender, its display name, and whether an organisation speaks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis import names as N
from briefing.analysis.clusters import Cluster, in_lineup
from briefing.analysis.mentions import POSSESSIVE, core_words, head_of
from briefing.analysis.roles import role_around, role_before

if TYPE_CHECKING:
    from briefing.analysis.actors import ActorIndex

_SPEECH = {"say", "tell", "add", "state", "claim", "argue", "insist", "warn", "explain", "admit",
           "announce", "confirm", "deny", "predict", "report", "reveal", "urge", "accuse", "call",
           "criticise", "criticize", "describe", "suggest", "believe", "vow", "pledge", "promise"}


def assign_roles(index: ActorIndex, doc) -> None:
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
            if c.lineup and in_lineup(index, s):
                continue
            role = role_before(doc, span.start, blocked - set(range(span.start, span.end)))
            if role is None:
                root = head_of(doc, span.start, span.end)
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
                if span.start > 1 and doc[span.start - 1].text in POSSESSIVE:
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
                root = head_of(doc, span.start, span.end)
                if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH:
                    c.speaks = True
                    break


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


def retype_people(index: ActorIndex, doc) -> None:
    """People whose role says they are a company or a place ("oil group Yukos"), or that the
    text calls "which" ("Opus Dei, which means ..."), are organisations."""
    text = index.text
    for c in index.clusters:
        if c.type != "PERSON" or c.hidden or c.titles or c.lineup:
            continue
        core = core_words(c.words)
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


def _nationality_from(role: str, c: Cluster) -> None:
    for w in role.lower().replace("'s", " ").split():
        if w in N.NATIONALITIES:
            c.nationality.add(w)


def assign_gender(index: ActorIndex, doc) -> None:
    for c in index.clusters:
        if c.type != "PERSON":
            continue
        g = None
        for t in c.titles:
            g = g or N.HONORIFICS.get(t)
        if g is None and len(core_words(c.words)) >= 2:
            g = N.first_name_gender(core_words(c.words)[0])
        if g is None and len(c.words) == 1 and N.is_first_name(c.words[0]):
            g = N.first_name_gender(c.words[0])
        if g is None and c.role:
            last = c.role.lower().split()[-1] if c.role.split() else ""
            g = "f" if last in N.FEMALE_NOUNS else "m" if last in N.MALE_NOUNS else None
        c.gender = g


def name_clusters(index: ActorIndex) -> None:
    for c in index.clusters:
        if c.type == "PERSON":
            name_one(index, c)


def name_one(index: ActorIndex, c: Cluster) -> None:
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
        rank = (len(core_words(words)), len(words), -sum(1 for w in words if N.is_initial(w)))
        if best is None or rank > best[0]:
            best = (rank, words)
    words = best[1] if best else c.words
    c.words = words
    name = " ".join(words)
    if len(core_words(words)) <= 1 and not any(N.is_initial(w) for w in words):
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
