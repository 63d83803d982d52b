"""Actors: one entry per real person or organisation named in an article.

``find_actors(doc)`` builds an ``ActorIndex``; the quote extractor asks it to ``resolve`` a
speaker phrase (a name, a pronoun, a role noun) to an actor; ``finish(quotes)`` freezes the
index into ``Actor`` objects in salience order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Actor, Quote

TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "prof", "professor", "dame", "rev"}
PRONOUNS = {"he", "she", "him", "her", "they", "them", "his", "hers", "their", "i", "we"}


@dataclass
class _Cluster:
    id: str
    type: str
    name: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    explicit: bool = True  # named in the text (not only created as a quoted group)


def _clean(span):
    """Trim determiners, titles-as-punctuation and possessives off an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "'s", "’s"}):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'"}):
        end -= 1
    return doc[start:end] if end > start else None


def _name_key(text: str) -> list[str]:
    words = [w for w in text.replace(".", " ").split() if w.lower() not in TITLES]
    return words


class ActorIndex:
    def __init__(self, doc):
        self.doc = doc
        self.clusters: list[_Cluster] = []
        self._by_token: dict[int, str] = {}

    # -- building --------------------------------------------------------------------
    def _new(self, type_: str, name: str) -> _Cluster:
        cluster = _Cluster(id=f"a{len(self.clusters) + 1}", type=type_, name=name)
        self.clusters.append(cluster)
        return cluster

    def _match_person(self, words: list[str]) -> _Cluster | None:
        if not words:
            return None
        for cluster in self.clusters:
            if cluster.type != "PERSON":
                continue
            cwords = _name_key(cluster.name)
            if words == cwords:
                return cluster
            if len(words) == 1 and words[0] in cwords:
                return cluster
        return None

    def add_mention(self, span, type_: str) -> _Cluster | None:
        span = _clean(span)
        if span is None:
            return None
        text = span.text
        if type_ == "PERSON":
            words = _name_key(text)
            if not words:
                return None
            cluster = self._match_person(words)
            if cluster is None:
                cluster = self._new("PERSON", " ".join(words))
            elif len(words) > len(_name_key(cluster.name)):
                cluster.name = " ".join(words)
        else:
            cluster = next((c for c in self.clusters if c.type == type_ and c.name.lower() == text.lower()), None)
            if cluster is None:
                cluster = self._new(type_, text)
        if text not in cluster.aliases:
            cluster.aliases.append(text)
        cluster.mentions.append((span.start_char, span.end_char))
        for tok in span:
            self._by_token[tok.i] = cluster.id
        if cluster.role is None:
            cluster.role = _role_before(span)
        return cluster

    # -- resolving -------------------------------------------------------------------
    def cluster(self, actor_id: str | None) -> _Cluster | None:
        return next((c for c in self.clusters if c.id == actor_id), None)

    def at_token(self, i: int) -> str | None:
        return self._by_token.get(i)

    def resolve(self, token) -> str | None:
        """The actor a speaker token refers to: a name in an actor mention, or a pronoun."""
        found = self.at_token(token.i)
        if found:
            return found
        for child in token.subtree:
            found = self.at_token(child.i)
            if found:
                return found
        if token.lower_ in PRONOUNS:
            return self._previous_person(token.i)
        return None

    def _previous_person(self, i: int) -> str | None:
        for j in range(i - 1, -1, -1):
            found = self._by_token.get(j)
            if found and self.cluster(found).type == "PERSON":
                return found
        return None

    def ensure_group(self, span) -> str:
        """An actor for an unnamed collective source ("analysts"), created on demand."""
        text = span.text
        cluster = next((c for c in self.clusters if c.name.lower() == text.lower()), None)
        if cluster is None:
            cluster = self._new("GROUP", text)
            cluster.aliases.append(text)
        cluster.mentions.append((span.start_char, span.end_char))
        return cluster.id

    # -- freezing --------------------------------------------------------------------
    def finish(self, quotes: list[Quote]) -> tuple[Actor, ...]:
        counts: dict[str, int] = {}
        for q in quotes:
            if q.actor_id:
                counts[q.actor_id] = counts.get(q.actor_id, 0) + 1
        actors = [
            Actor(
                id=c.id, name=c.name, type=c.type, role=c.role,
                aliases=tuple(c.aliases), mentions=tuple(sorted(set(c.mentions))),
                quote_count=counts.get(c.id, 0),
            )
            for c in self.clusters
            if c.type == "PERSON" or counts.get(c.id)
        ]
        actors.sort(key=lambda a: (-a.quote_count, -len(a.mentions), a.mentions[0] if a.mentions else (0, 0)))
        return tuple(actors)


def _role_before(span) -> str | None:
    """Capitalised title words right before a name: "UN Secretary-General Ban Ki-Moon"."""
    doc = span.doc
    i = span.start - 1
    words = []
    while i >= 0 and doc[i].ent_type_ in ("", "ORG", "NORP", "GPE") and (
        doc[i].is_title or doc[i].is_upper or doc[i].text in {"-", "of", "and"}
    ) and doc[i].head.i >= span.start and doc[i].head.i < span.end + 1:
        words.insert(0, doc[i].text_with_ws)
        i -= 1
    role = "".join(words).strip()
    if role.lower() in TITLES or role.lower().rstrip(".") in TITLES:
        return None
    return role or None


def find_actors(doc) -> ActorIndex:
    index = ActorIndex(doc)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            index.add_mention(ent, "PERSON")
        elif ent.label_ == "ORG":
            index.add_mention(ent, "ORG")
    return index
