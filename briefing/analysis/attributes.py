"""What a cluster is: its role (titles, appositions, copulas), whether it is really an
organisation, its gender, its display name, and whether an organisation speaks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.analysis.doctext import span_text
from briefing.analysis import names as N
from briefing.analysis.clusters import Cluster, in_lineup, pronoun_votes
from briefing.analysis.mentions import POSSESSIVE, core_words, head_of
from briefing.analysis.roles import is_person_role, role_after_dash, role_around, role_before, role_head

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
        spans = []
        for s, e in sorted(c.mentions):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and not (c.lineup and in_lineup(index, s)):
                spans.append(span)
        if c.type == "ORG" and c.kind in ("gpe", "party"):
            spans = []
        relation = None
        for span in spans:
            role = _mention_role(doc, span, blocked - set(range(span.start, span.end)), c.type == "PERSON")
            if role and c.type == "PERSON":
                _nationality_from(role, c)
                if role_head(role) in RELATION_HEADS:
                    relation = relation or role  # "the son of a minister": kept if nothing better
                    continue
            if role and c.role is None:
                c.role = role
                if c.type != "PERSON":
                    break
            elif role and role != c.role and role not in c.other_roles:
                c.other_roles.append(role)
        if c.type == "PERSON" and c.role is None:
            # "Brian Taylor of Wells Fargo", "Ruth Kelly MP": weaker evidence, used last
            c.role = relation \
                or next((r for r in (_affiliation_after(doc, span) for span in spans) if r), None) \
                or next((r for r in (_post_nominal(doc, span) for span in spans) if r), None)
        if c.type == "PERSON":
            for s, e in c.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                if span.start > 1 and doc[span.start - 1].text in POSSESSIVE:
                    owner = doc[span.start - 2].lower_
                    if owner in N.PLACES:
                        c.nationality.add(N.nation_key(owner))
                if span.start > 0 and doc[span.start - 1].lower_ in N.NATIONALITIES:
                    c.nationality.add(N.nation_key(doc[span.start - 1].lower_))
        if c.type == "ORG":
            c.speaks = _speaks(doc, c)


def _speaks(doc, c: Cluster) -> bool:
    """An organisation speaks when a mention is the subject of a speech verb."""
    for s, e in c.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        root = head_of(doc, span.start, span.end)
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH:
            return True
    return False


def _mention_role(doc, span, blocked: set[int], person: bool) -> str | None:
    """The role a mention's context states: a title before the name, else an apposition or a
    copula. A person's role must name a person (a job, office, relation): "In the tunnel
    Wenger" gives none. Company words pass ("oil group Yukos"): ``retype_people`` reads them."""
    def candidates():
        yield role_before(doc, span.start, blocked)
        yield role_around(head_of(doc, span.start, span.end))
        if span.end < len(doc) and doc[span.end].text in N.POST_NOMINALS:
            yield role_around(doc[span.end])  # "William Haughey OBE, a refrigerator magnate"
        yield role_after_dash(doc, span.end)

    for role in candidates():
        if role and (not person or is_person_role(role) or role_head(role) in ORG_ROLE_HEADS):
            return role
    return None


# Family and personal relations: a role only when the text gives no job or office.
RELATION_HEADS = {
    "son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "widow",
    "widower", "friend", "cousin", "uncle", "aunt", "niece", "nephew", "grandson", "granddaughter",
    "grandfather", "grandmother", "partner", "girlfriend", "boyfriend", "fiancee", "fiance",
    "stepson", "stepdaughter", "man", "woman", "boy", "girl", "child", "mum", "dad",
}
_AFFIL_PREPS = {"of", "at", "from"}
_NOT_AFFIL_ENTS = {"GPE", "LOC", "NORP", "DATE", "TIME", "PERSON", "MONEY", "PERCENT", "CARDINAL", "FAC"}


def _affiliation_after(doc, span) -> str | None:
    """The organisation right after a full name: "Brian Taylor of Wells Fargo",
    "Isabelle Kronawitter at Hypovereinsbank" (not places: "Nicolas Sarkozy of France")."""
    i = span.end
    if i + 1 >= len(doc) or doc[i].lower_ not in _AFFIL_PREPS or len(core_words(span.text.split())) < 2:
        return None
    j = i + 1
    if doc[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and (doc[k].text[:1].isupper() and not doc[k].is_sent_start
                            or (k > j and doc[k].lower_ in ("&", "of") and k + 1 < len(doc)
                                and doc[k + 1].text[:1].isupper())):
        k += 1
    if k == j or k - j > 6 or doc[j].ent_type_ in _NOT_AFFIL_ENTS or doc[k - 1].lower_ in ("&", "of"):
        return None
    if k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower:
        return None  # "Cara Diemont of IT firm Dimension Data": a modifier, not the name
    if doc[j].lower_ in N.PLACES or N.norm_word(doc[j].text) in N.HONORIFICS:
        return None
    return span_text(doc, j, k)


_POST_NOMINALS = {"MP", "MEP", "MSP", "AM", "QC", "MLA", "TD"}


def _post_nominal(doc, span) -> str | None:
    """ "Ruth Kelly MP": a parliamentary or legal post-nominal right after the name."""
    i = span.end
    if i < len(doc) and doc[i].text in _POST_NOMINALS:
        return doc[i].text
    return None


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
        last = N.norm_word(c.role.split()[-1]) if c.role and c.role.split() else ""
        if c.role and not (last in N.ROLE_NOUNS and last not in ORG_ROLE_HEADS):  # not "Bank of Japan chief"
            head = re.split(r"\s+(?:of|for|at|in|based)\s+", c.role.lower())[0].split()
            words = c.role.lower().split()
            if head and head[-1] in ORG_ROLE_HEADS:
                org = True
            elif len(words) >= 3 and words[-1] in ORG_ROLE_HEADS and words[-2] not in ("the", "a", "an", "its") \
                    and words[-3] in ("of", "at", "for"):
                org = True  # "joint founder of merchant bank Hambro Magan"
        if not org:
            for s, e in c.mentions:
                if _WHICH_OR_WHOSE_BUSINESS.match(text, e) or _BUSINESS_OWNED.match(text, e):
                    org = True
                    break
        if not org:
            org = _employer_of_person(index, doc, c) or _employer_before_job(index, doc, c)
        if org:
            c.type, c.kind = "ORG", "org"
            c.name = " ".join(c.words)
            c.speaks = _speaks(doc, c)


# "Opus Dei, which ...", "Deutsche Boerse - whose market capitalisation is ...": no person
_WHICH_OR_WHOSE_BUSINESS = re.compile(
    r"['’]?s?(?:,| -| –)? (?:which|whose (?:shares|share price|market (?:value|capitalisation|capitalization)|"
    r"profits?|revenues?|sales|turnover|stock))\b")

# "Bertelsmann's purchase of a stake", "Acme's shares": what a company has, not a person
_BUSINESS_OWNED = re.compile(
    r"['’]s? (?:shares|share price|stake|purchase|takeover|acquisition|profits?|pre-tax|revenues?|turnover|"
    r"subsidiar(?:y|ies)|shareholders|stock|board|chief executive|chairman|headquarters|earnings|"
    r"annual results|stores|factories|plants|brands|operations)\b")


def _employer_of_person(index: ActorIndex, doc, c: Cluster) -> bool:
    """A name without a first name that only stands after another person's name and "of", "at"
    or "from" ("analyst Mike Powell of Dresdner Kleinwort Wasserstein") is where that person works."""
    if not c.mentions:
        return False
    for s, e in c.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return False
        k = span.start - 1
        while k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha and k not in index._by_token:
            k -= 1  # "of Dresdner Kleinwort ...": the model may start the name late
        if k < 1 or doc[k].lower_ not in ("of", "at", "from") or doc[k - 1].ent_type_ != "PERSON":
            return False
        owner = index._by_token.get(doc[k - 1].i)
        other = index._by_id.get(owner) if owner else None
        if other is None or other is c or other.type != "PERSON":
            return False
    return True


_EMPLOYER_JOBS = {
    "ceo", "chief", "boss", "founder", "co-founder", "chairman", "chairwoman", "president", "executive",
    "director", "owner", "striker", "coach", "manager", "captain", "midfielder", "defender", "goalkeeper",
    "winger", "analyst", "economist", "editor", "correspondent", "reporter", "engineer", "researcher",
}


def _employer_before_job(index: ActorIndex, doc, c: Cluster) -> bool:
    """A one-word name right before a job and another person's name ("Twitter CEO Jack Dorsey",
    "Salesforce chief Marc Benioff") is that person's employer."""
    if len(core_words(c.words)) != 1:
        return False
    for s, e in c.mentions:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or span.end + 2 >= len(doc):
            continue
        job, name = doc[span.end], doc[span.end + 1]
        if N.norm_word(job.text) in _EMPLOYER_JOBS and name.ent_type_ == "PERSON" and name.text[:1].isupper():
            other = index._by_id.get(index._by_token.get(name.i) or "")
            if other is not None and other is not c and other.type == "PERSON":
                return True
    return False


def _nationality_from(role: str, c: Cluster) -> None:
    for w in role.lower().replace("'s", " ").split():
        if w in N.NATIONALITIES:
            c.nationality.add(N.nation_key(w))


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
        if g is None:
            g = _gender_from_pronouns(index, doc, c)
        c.gender = g


def _gender_from_pronouns(index: ActorIndex, doc, c: Cluster) -> str | None:
    """An unknown first name ("Oprah Winfrey"): the he/she that follows the person as a subject
    with nobody else named in between ("Winfrey said she ..."), when every such pronoun agrees."""
    votes = pronoun_votes(index, doc, c)
    return votes.pop() if len(votes) == 1 else None


def name_clusters(index: ActorIndex) -> None:
    for c in index.clusters:
        if c.type == "PERSON":
            name_one(index, c)


def name_one(index: ActorIndex, c: Cluster) -> None:
    """The display name: the fullest form the text uses, with "Lord"/"Ms" kept when the
    text never gives a first name."""
    text = index.text
    forms = [text[s:e].split() for s, e in sorted(c.mentions)]
    forms.append(list(c.words))  # "Mike" in "Mike and Bob Bryan" is known as "Mike Bryan"
    terr = c.territory.split() if c.territory else []
    best = None
    for f in forms:
        words = list(f)
        if terr and words[-len(terr):] == terr:
            words = words[: -len(terr)]
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
    if c.territory and any(t in N.PEER_TITLES for t in c.titles):
        name = f"{name} {c.territory}"
    c.name = name
