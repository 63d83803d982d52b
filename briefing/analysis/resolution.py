"""Resolution: which actor a token refers to.

``Resolver`` (mixed into ``ActorIndex``) resolves speaker tokens: names, pronouns by salience
and agreement, role nominals by fit, "a spokesman for X", organisation nouns ("the ministry").
``coref_pass`` walks the text once in order, recording name mentions as salience events and
linking each pronoun and role nominal to the most salient agreeing actor.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from briefing.analysis import names as N
from briefing.analysis.clusters import Cluster
from briefing.analysis.doctext import tokens_of
from briefing.analysis.nominals import Nominal, nominal_at, role_clash, role_fit

if TYPE_CHECKING:
    from briefing.analysis.actors import ActorIndex

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
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


class Resolver:
    """Token -> actor id, for ``ActorIndex`` (needs its clusters, token maps and events)."""

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
        toks = tokens_of(self.doc)
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
            if not here_quoted and self.in_quote(toks[tok].idx):
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
            ahead = self._cataphor(token, want)
            if ahead:
                return ahead
            exclude = _clause_mates(token, self._by_token) if token.dep_ in ("dobj", "pobj", "dative") else set()
            ranked = self._salience(token.i, lambda c: c.type == "PERSON" and c.gender in (want, None) and c.id not in exclude,
                                    subject=token.dep_ in SUBJECT_DEPS)
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

    def _cataphor(self, token, want: str) -> str | None:
        """``Asked whether he would stand, Mr Howard said ...``: a pronoun in a clause that
        opens the sentence refers to the subject of the main clause after it."""
        clause = next((t for t in [token, *token.ancestors] if t.dep_ == "advcl"), None)
        if clause is None or clause.head is clause:
            return None
        main = clause.head
        if clause.i > main.i:
            return None  # the clause follows the main verb: no cataphora
        for child in main.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i > token.i and child.i > clause.right_edge.i:
                cid = self._by_token.get(child.i)
                cluster = self._by_id.get(cid) if cid else None
                if cluster is not None and cluster.type == "PERSON" and not cluster.hidden \
                        and cluster.gender in (want, None):
                    return cid
        return None

    def _resolve_nominal(self, token) -> str | None:
        found = self._links.get(token.i)
        if found:
            return found
        nom = nominal_at(token.doc, token.i, self._person_tokens())
        if nom is None:
            return None
        return self._pick_for_nominal(nom)

    def _person_tokens(self) -> set[int]:
        return {i for i, cid in self._by_token.items() if self._by_id[cid].type == "PERSON"}

    def _pick_for_nominal(self, nom: "Nominal") -> str | None:
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
        # "Wenger stepped up his feud with Ferguson by claiming the Manchester United manager
        # is ...": a nominal inside what someone claims or says is not that speaker
        speakers = _reporting_subjects(doc[nom.head_i], self._by_token, self._links)
        if doc[nom.head_i].dep_ in ("dobj", "pobj", "dative"):
            # "Wenger praised the Frenchman": an object is not its own verb's subject
            speakers |= _clause_mates(doc[nom.head_i], {**self._links, **self._by_token})

        def accept(c):
            if c.type != "PERSON" or c.hidden or c.id in speakers:
                return False
            if nom.gender and c.gender and c.gender != nom.gender:
                return False
            if nom.nationality and c.nationality and nom.nationality not in c.nationality:
                return False
            if role_clash(nom.head, c, nom.age):
                return False
            return True

        ranked = self._salience(nom.start, accept, window=8, subject=doc[nom.head_i].dep_ in SUBJECT_DEPS)
        fits = []
        for score, cid in ranked:
            fit = role_fit(nom.head, nom.mods, self._by_id[cid], nom.nationality)
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
                 and role_fit(nom.head, nom.mods, c, nom.nationality)]
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

    def _last_before(self, c: Cluster, i: int) -> int:
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


def _clause_mates(token, by_token) -> set[str]:
    """Actors that are the subject of the verb a pronoun object hangs on ("X met him")."""
    verb = token.head
    while verb.dep_ == "prep":
        verb = verb.head
    out = set()
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            for t in child.subtree:
                if t.i in by_token:
                    out.add(by_token[t.i])
    return out


def _reporting_subjects(token, by_token, links) -> set[str]:
    """Actors that are subjects of a verb governing the clause complement ``token`` sits in
    (or the adverbial clause: "X said he was unsure after the billionaire launched a bid":
    the billionaire is not X)."""
    out: set[str] = set()
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ not in ("ccomp", "advcl"):
        return out
    inside = False
    named_only = token.head.dep_ == "advcl"  # there a pronoun's link is too weak to exclude by
    cur = token
    for _ in range(12):
        if cur.head is cur:
            break
        if cur.dep_ in ("ccomp", "advcl"):
            inside = True
        cur = cur.head
        if inside:
            for child in cur.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    found = by_token.get(child.i) or (None if named_only else links.get(child.i))
                    if found:
                        out.add(found)
    return out


def coref_pass(index: ActorIndex, doc) -> None:
    """Walk the text in order; record name mentions as salience events and link each
    third-person pronoun and definite role nominal to the most salient agreeing actor."""
    events: list[tuple[int, str, float, bool]] = []
    by_token = index._by_token
    person_tokens = index._person_tokens()
    nominals: dict[int, Nominal] = {}
    toks = tokens_of(doc)
    lowers = [t.lower_ for t in toks]
    for i, low in enumerate(lowers):
        if low in N.ROLE_NOUNS or low in N.NATIONALITIES or low in ("old", "back", "half", "general", "rounder"):
            nom = nominal_at(doc, i, person_tokens)
            if nom is not None:
                nominals[i] = nom
    seen_mentions: set[tuple[str, int]] = set()
    index._events = events
    for tok in toks:
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
        low = lowers[i]
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
        # "The chief inspector of schools, David Bell, said": the person in apposition
        if found is None:
            mates = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                mates.append(tok.head)
            for mate in mates:
                cid = by_token.get(mate.i)
                if cid and index._by_id[cid].type == "PERSON" and not index._by_id[cid].hidden:
                    found = cid
                    break
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
        strong = role_fit(nom.head, nom.mods, cl, nom.nationality) == "strong"
        if nom.nationality and cl.type == "PERSON":
            cl.nationality.add(nom.nationality)
        if nom.age is not None and cl.type == "PERSON" and cl.age is None:
            cl.age = nom.age
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
