"""Quotes: who said what.

The extractor runs in small, separately testable stages:

1. **marks** (``quotemarks.find_spans``): the spans quotation marks enclose, apostrophes and
   nested quotes left out, unbalanced marks survived.
2. **classify** (``classify``): speech or not (titles, names, scare quotes are dropped), and
   ``quote`` (a full stretch of speech) or ``partial`` (a fragment inside a sentence).
3. **cue** (``find_cue``): the verb or phrase that attributes it: ``"...," he said`` /
   ``"...," said X`` / ``X said: "..."`` / ``according to X`` / ``X told reporters`` / a
   colon introducer / a speech verb earlier in the sentence for fragments.
4. **speaker phrase** (``subject_phrase``): the words naming the source: the subject of the
   cue verb, its inverted subject, the agent of a passive, the object of "according to".
5. **resolve** (``resolve_speaker``): the phrase's head goes to ``ActorIndex.resolve``; a few
   fallbacks cover what it leaves unresolved (role nouns, unnamed groups).
6. **inherit** (``_inherit``): a quote with no cue of its own (a floating quote) carries on
   the quote just before it, or takes the cue that closes a quote it runs into, or the
   speaker of the reported speech in the sentence before, else the previous quote's.

Every attributed quote says how in ``cue``: the cue word(s) ("said", "according to", ":",
"heading") or, when inherited, "continued", "before <verb>", "after <verb>", "mention",
"topic", and for a headline quote "lead <verb>" (the first sentence's speaker).
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import dataclass

from briefing.analysis.doctext import text_of, tokens_of
from briefing.analysis import cues
from briefing.analysis.actors import ActorIndex
from briefing.analysis.quotemarks import (
    ALL_MARKS, TITLE_PUNCT, TITLE_SMALL_WORDS, MarkedSpan, find_spans, paragraphs, title_words,
)
from briefing.model import Quote

_TERMINATORS = {".", "!", "?", "...", "\u2026"}
_DASHES = {"-", "\u2013", "\u2014", "--"}
_BOUNDARY_CHARS = ".!?:;\u2014\u2013-" + ALL_MARKS
_DASHES_CHARS = "\u2014\u2013-"
_MAX_SUBJECT = 14  # tokens between a quote and a trailing cue verb
_MAX_SUBJECT_LONG = 30  # ... when the subject carries an aside between commas


@dataclass
class Cue:
    """What attributes a quote: the cue word(s) and the speaker phrase."""

    text: str              # "said", "told", "according to", ":"
    verb: object | None    # the cue token (None for a bare colon introducer)
    phrase: list           # tokens naming the speaker
    head: object | None    # the phrase's head token
    where: str             # "after", "before", "colon", "heading", "sentence"


@dataclass
class Candidate:
    span: MarkedSpan
    text: str
    words: int
    embedded: bool = False
    headline: bool = False
    cue: Cue | None = None
    drop: str | None = None  # why it is not a quote (title, name, scare quote)

    @property
    def kind(self) -> str:
        return "quote" if self.words >= 4 and not self.embedded else "partial"


# -- the pipeline ----------------------------------------------------------------------

def extract_quotes(doc, actors: ActorIndex) -> list[Quote]:
    """The quotes of a parsed document, in text order, attributed through ``actors``."""
    spans = find_spans(text_of(doc))                                  # stage 1
    ctx = Context(doc, spans, actors)
    cands: list[Candidate] = []
    for sp in spans:
        cand = classify(ctx, sp)                                  # stage 2
        cand.cue = find_cue(ctx, cand)                            # stage 3
        if cand.drop and not _speech_despite_looks(ctx, cand):
            continue
        if cand.cue is not None and (cand.cue.where == "heading" or
                                     cand.cue.where == "before" and _says_it(ctx, cand)):
            cand.embedded = False
        if cand.cue is None and not cand.headline and (
                cand.embedded or (cand.words < 4 and cand.text.rstrip()[-1:] not in ".!?,")):
            continue  # a scare quote or a term, not speech
        cands.append(cand)
    # stages 4 and 5
    speakers = [resolve_speaker(ctx, c.cue) if c.cue is not None else None for c in cands]
    cue_texts = [c.cue.text if c.cue is not None else None for c in cands]
    last: str | None = None
    for k, cand in enumerate(cands):
        if cand.cue is None and cand.headline:
            speakers[k], how = _lead_speaker(ctx)
            cue_texts[k] = how if speakers[k] else None
        elif cand.cue is None:                                    # stage 6
            speakers[k], how = _inherit(ctx, cands, speakers, k, last)
            cue_texts[k] = how if speakers[k] else None
        if not cand.headline and (not cand.embedded or speakers[k]):
            last = speakers[k]
    _pronoun_chains(ctx, cands, speakers)
    return [_quote(ctx, c, a, t) for c, a, t in zip(cands, speakers, cue_texts)]


def _pronoun_chains(ctx: Context, cands: list[Candidate], speakers: list) -> None:
    """``He declared: "..." He continued: "..."``: a he/she cue right after a quote whose own
    cue was the same pronoun, with no person named outside quotes in between, is the same
    speaker (whatever the salience of people named inside the quotes says)."""
    for k in range(1, len(cands)):
        cue, prev = cands[k].cue, cands[k - 1].cue
        if cue is None or prev is None or cue.head is None or prev.head is None or speakers[k - 1] is None:
            continue
        if cue.head.lower_ not in ("he", "she") or prev.head.lower_ != cue.head.lower_ or len(cue.phrase) != 1:
            continue
        if cue.head.i <= prev.head.i:
            continue
        if any(not ctx.quoted[i] and (_person_at(ctx, i) or ctx.doc[i].ent_type_ == "PERSON"
                                      or (ctx.doc[i].pos_ in ("PROPN", "NOUN") and ctx.doc[i].dep_ == "nsubj")
                                      or ctx.doc[i].lower_ in ("he", "she", "him", "her"))
               for i in range(prev.head.i + 1, cue.head.i)):
            continue  # someone else named (or another pronoun) in between
        speakers[k] = speakers[k - 1]


def _person_at(ctx: Context, i: int) -> bool:
    cluster = ctx.actors.cluster(ctx.actors.at_token(i))
    return cluster is not None and cluster.type == "PERSON"


# -- token look-ups --------------------------------------------------------------------

class Context:
    """The document with its quoted spans: which tokens are quoted, where sentences end."""

    @functools.cached_property
    def work_keys(self) -> Counter:
        """How often each quoted span's words (``_work_key``) are quoted in the article."""
        return Counter(_work_key(self.text[sp.start:sp.end]) for sp in self.spans)

    def __init__(self, doc, spans: list[MarkedSpan], actors: ActorIndex | None = None):
        self.doc = doc
        self.text = text_of(doc)
        self.spans = spans
        self.actors = actors
        self.tokens = tokens_of(doc)
        self.starts = [t.idx for t in self.tokens]
        self.quoted = [False] * len(doc)
        for sp in spans:
            for i in self.token_range(sp.open_at, sp.outer_end):
                self.quoted[i] = True
        self.paras = paragraphs(self.text)
        self._para_starts = [a for a, _ in self.paras]
        # a quote whose content ends a sentence ("... irresponsible." "I condemn ...") ends
        # the sentence around it too
        self._quote_ends: set[int] = set()
        for sp in spans:
            after = self.text[sp.outer_end:sp.outer_end + 3].lstrip()
            if sp.close_at is not None and self.text[sp.end - 1] in ".!?" and (
                    not after or after[0].isupper() or after[0] in ALL_MARKS):
                marks = self.token_range(sp.close_at, sp.close_at + 1)
                if len(marks):
                    self._quote_ends.add(marks[-1])

    def token_range(self, a: int, b: int) -> range:
        """Indices of the tokens that start in [a, b)."""
        return range(bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b))

    def para(self, char: int) -> tuple[int, int]:
        k = bisect.bisect_right(self._para_starts, char) - 1
        return self.paras[k] if k >= 0 else (0, len(self.text))

    def is_terminal(self, i: int) -> bool:
        tok = self.tokens[i]
        if i in self._quote_ends:
            return True
        return not self.quoted[i] and (tok.text in _TERMINATORS or "\n" in tok.text)

    def sentence_start(self, char: int) -> int:
        """Char where the sentence holding ``char`` starts (outside quotes, same paragraph)."""
        a, _ = self.para(char)
        for i in reversed(self.token_range(a, char)):
            if self.is_terminal(i):
                tok = self.doc[i]
                return tok.idx + len(tok.text)
        return a

    def sentence_end(self, char: int) -> int:
        _, b = self.para(char)
        for i in self.token_range(char, b):
            if self.is_terminal(i):
                return self.doc[i].idx
        return b

    def previous_sentence(self, char: int) -> range:
        """Token indices of the sentence before the one holding ``char`` (any paragraph)."""
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0 and not self.is_terminal(i):  # the rest of this sentence
            i -= 1
        while i >= 0 and (self.is_terminal(i) or self.doc[i].is_space):  # its boundary
            i -= 1
        end = i + 1
        while i >= 0 and not self.is_terminal(i):
            i -= 1
        return range(i + 1, end)

    def outside(self, a: int, b: int) -> list:
        """Unquoted tokens starting in [a, b)."""
        return [self.doc[i] for i in self.token_range(a, b) if not self.quoted[i]]

    def span_before(self, sp: MarkedSpan) -> MarkedSpan | None:
        k = self.spans.index(sp)
        return self.spans[k - 1] if k > 0 else None

    def span_after(self, sp: MarkedSpan) -> MarkedSpan | None:
        k = self.spans.index(sp)
        return self.spans[k + 1] if k + 1 < len(self.spans) else None


# -- stage 2: classify -----------------------------------------------------------------

def _title_like(content: str) -> bool:
    """Capitalised words only ("Operation Pillar of Defense"): a name or title, not speech."""
    words = title_words(content)
    return (words is not None and 2 <= len(words) <= 8 and words[0][:1].isupper()
            and any(w.lower() not in TITLE_SMALL_WORDS for w in words) and not content.rstrip().endswith("."))


def _left_text(ctx: Context, sp: MarkedSpan) -> str:
    a, _ = ctx.para(sp.open_at)
    return ctx.text[a:sp.open_at].rstrip()


def _named_by_context(ctx: Context, sp: MarkedSpan) -> bool:
    """``the so-called "..."``, ``known as "..."``, ``the word "..."``, ``the "..." practice``."""
    before = ctx.outside(ctx.sentence_start(sp.open_at), sp.open_at)
    after = ctx.outside(sp.outer_end, ctx.sentence_end(sp.outer_end))
    prev = before[-1] if before else None
    if prev is not None and prev.lower_ in cues.NAMING_WORDS and (prev.lower_ not in {"called", "named"}
                                                                  or prev.tag_ == "VBN"):
        return True
    if prev is not None and prev.lower_ == "as" and len(before) > 1 and before[-2].lower_ == "known":
        return True
    nxt = after[0] if after else None
    if (prev is not None and nxt is not None and len(sp_words(ctx, sp)) <= 3
            and prev.pos_ in ("DET", "PRON") and prev.lower_ not in {"that", "this", "which", "what"}
            and nxt.pos_ == "NOUN" and nxt.text[:1].islower()):
        return True  # modifier use: the "slopping out" practice
    return False


def sp_words(ctx: Context, sp: MarkedSpan) -> list[str]:
    return ctx.text[sp.start:sp.end].split()


def _is_headline(ctx: Context, sp: MarkedSpan) -> bool:
    a, b = ctx.para(sp.open_at)
    if a != ctx.paras[0][0] or len(ctx.paras) < 2:
        return False
    line = ctx.text[a:b].strip().rstrip(ALL_MARKS)
    return len(line.split()) <= 20 and not line.endswith((".", ":", "!", "?"))


def classify(ctx: Context, sp: MarkedSpan) -> Candidate:
    """Speech or not; full quote or embedded fragment (refined once the cue is known)."""
    content = ctx.text[sp.start:sp.end]
    cand = Candidate(span=sp, text=content, words=len(content.split()))
    cand.headline = _is_headline(ctx, sp)
    left = _left_text(ctx, sp)
    cand.embedded = bool(left) and left[-1] not in _BOUNDARY_CHARS
    if left.endswith(",") and content[:1].isupper() and cand.words >= 4:
        cand.embedded = False  # "..." he said, referring to X, "I knew it was wrong."
    if left and left[-1] in _DASHES_CHARS and len(left.split()) > 1:
        cand.embedded = True  # "... messages - "lowest rates ..."": a dash inside a sentence
    if _work_title(ctx, sp, content):
        cand.drop = "work"
    elif _title_like(content):
        cand.drop = "title"
    elif _named_by_context(ctx, sp):
        cand.drop = "name"
    return cand


def _work_key(content: str) -> str:
    return " ".join(w.strip(TITLE_PUNCT) for w in content.split()).lower()


def _work_title(ctx: Context, sp: MarkedSpan, content: str) -> bool:
    """A short capitalised span used as a noun: the title of a film, show or book, not speech.
    It stands after a lowercase noun (thriller "Parasite", comedy "Fleabag."), before one
    ("Parasite" director), or the article quotes the same words again."""
    bare = title_words(content) if len(content.split()) <= 4 else None
    if not bare or not bare[0][:1].isupper():
        return False
    if content.rstrip()[-1:] == "." and len(bare) > 1:
        return False  # "Thank You." reads as speech
    before = ctx.outside(ctx.sentence_start(sp.open_at), sp.open_at)
    after = ctx.outside(sp.outer_end, ctx.sentence_end(sp.outer_end))
    prev = before[-1] if before else None
    nxt = after[0] if after else None
    if prev is not None and prev.pos_ == "NOUN" and prev.is_lower and not prev.is_punct \
            and prev.lower_ not in cues.SPOKES_NOUNS and not cues.is_person_noun(prev):
        return True
    if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and not ctx.text[sp.end:nxt.idx].strip(ALL_MARKS + " ") \
            and content.rstrip()[-1:] not in ",.":
        return True  # "Parasite" director Bong Joon Ho
    key = _work_key(content)
    return ctx.work_keys[key] >= 2 and len(key) >= 3


def _speech_despite_looks(ctx: Context, cand: Candidate) -> bool:
    """A title-like or name-like span still counts when a cue frames it as an utterance:
    ``"Thank You Very Much," he said`` / ``She said: "Go Home Now"``. A work's title does only
    with a colon or a cue after it (``"Hydrate," she said``)."""
    cue = cand.cue
    if cue is None:
        return False
    if cue.where == "colon":
        return True
    if cand.drop == "work":
        return cue.where == "after" and not cand.embedded and cand.text.rstrip()[-1:] == ","
    if cue.where == "after":
        return not cand.embedded
    return cue.where == "before" and _says_it(ctx, cand)


def _says_it(ctx: Context, cand: Candidate) -> bool:
    """The quote is what the cue verb says (``said "We ..."``, ``told reporters "We ..."``,
    ``he said, "and ..."``), not a fragment built into the sentence (``urged him to "act"``)."""
    left = _left_text(ctx, cand.span)
    verb = cand.cue.verb
    if left.endswith(",") or verb is None:
        return True
    if not ctx.text[verb.idx + len(verb.text):cand.span.open_at].strip():
        return True  # the verb stands right before the mark
    last = left.split()[-1].lower() if left.split() else ""
    return cand.text[:1].isupper() and last not in {"to", "of", "as", "the", "a", "an", "that"}


# -- stage 3: cue ----------------------------------------------------------------------

def find_cue(ctx: Context, cand: Candidate) -> Cue | None:
    before = _cue_before(ctx, cand)
    if before is not None and before.where in ("colon", "heading") and not cand.embedded:
        return before
    if cand.embedded:
        # a fragment belongs to the speech verb of its own clause first:
        # Ferguson called him "a disgrace", Wenger added: -> Ferguson
        inside = _cue_earlier(ctx, cand)
        if inside is not None and resolve_speaker(ctx, inside):
            return inside
        # ... unless that verb has no source and a cue closes the sentence:
        # Guidance said e-mails had "no current purpose", Mr Thomas said.
        tail = _cue_tail(ctx, cand)
        if tail is not None or inside is not None:
            return tail or inside
    if before is not None and before.where == "before" and _left_text(ctx, cand.span).endswith(":") \
            and cand.text.rstrip()[-1:] in (".", "?", "!"):
        return before  # 'He continued: "...?" Mr Blair said ...': the next sentence has its own cue
    after = _cue_after(ctx, cand)
    if after is not None:
        return after
    if before is not None:
        return before
    return _cue_in_sentence(ctx, cand)


def _cue_text(verb) -> str:
    if verb.lower_ == "according":
        return "according to"
    parts = [verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join(parts)


def _cue_after(ctx: Context, cand: Candidate) -> Cue | None:
    """``"...," he said`` / ``"...," said X`` / ``"...", according to X``."""
    sp = cand.span
    if sp.close_at is None:
        return None
    nxt = ctx.span_after(sp)
    _, pend = ctx.para(sp.open_at)
    stop = min(nxt.open_at if nxt else pend, pend)
    tokens = [t for t in ctx.outside(sp.outer_end, stop)]
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].text in {",", ";"} or tokens[0].text in _DASHES):
        tokens = tokens[1:]
    if not tokens:
        return None
    last = cand.text.rstrip()[-1:]
    if last in {".", ";", ":"} and not tokens[0].text[:1].islower():
        return None  # the sentence ended inside the quote
    # "...," he said / "...", he said / "...?" he asked: punctuation marks the handover
    marked = last in {",", "?", "!"} or last in _DASHES or \
        ctx.text[sp.outer_end:sp.outer_end + 2].lstrip()[:1] in {",", "-", "\u2013", "\u2014"}
    for k, tok in enumerate(tokens[:_MAX_SUBJECT_LONG]):
        if tok.text in _TERMINATORS or tok.text in {";", ":"} or "\n" in tok.text:
            return None
        aside = _in_aside(tokens[:k])
        if k >= _MAX_SUBJECT and not aside:
            return None
        if cues.is_cue_verb(tok) or tok.lower_ == "according" or _manner_cue(ctx, cand, tokens, k, tok, aside):
            if cues.lemma(tok) in cues.WEAK_SPEECH_VERBS and not marked:
                return None
            before = _trim([t for t in tokens[:k] if t.pos_ not in ("AUX", "PART")])
            commas = [n for n, t in enumerate(before) if t.text == ","]
            if commas and not cand.embedded:
                # '"Hydrate" was his favourite word, Mary Colt said': the verb's subject after the comma
                tail = before[commas[-1] + 1:]
                if tail and any(t.dep_ == "nsubj" and t.head.i == tok.i for t in tail) \
                        and all(t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ") for t in tail) \
                        and not any(t.dep_ == "nsubj" and t.head.i != tok.i for t in tokens[:k]) \
                        and any(cues.is_verbal(t) for t in tokens[:k]):
                    before = tail
            if before:
                main = _main_part(before)
                if not main or main[0].pos_ in ("CCONJ", "SCONJ", "ADP", "VERB", "ADV") or \
                        any(cues.is_verbal(t) and t.pos_ != "AUX" for t in main):
                    return None
                if not marked and (cand.embedded or not (main[0].pos_ in ("PRON", "PROPN")
                                                         or main[0].lower_ == "the")):
                    return None
                phrase, head = before, _head_of(main)
            else:
                if not marked and cand.embedded:
                    return None
                rest = tokens[k + 1:]
                if tok.lower_ == "according" and rest and rest[0].lower_ == "to":
                    rest = rest[1:]
                phrase = _phrase_after(rest) or subject_phrase(tok, ctx)
                head = _head_of(_main_part(phrase)) if phrase else None
            quoted_person = [c for c in tok.children if c.dep_ == "dobj" and not ctx.quoted[c.i]]
            if cues.lemma(tok) in ("quote", "cite") and quoted_person:
                # "..., Reuters quoted one trader as saying": the trader speaks
                phrase = base_phrase(quoted_person[0], ctx)
                head = _head_of(phrase) if phrase else None
            if head is None:
                return None
            return Cue(_cue_text(tok), tok, phrase, head, "after")
        if cues.is_verbal(tok) and tok.pos_ != "AUX" and tok.lower_ != "according":
            if aside and (tok.tag_ in ("VBN", "VBG") or _relative_aside(tokens[:k])):
                continue  # "X, a spokeswoman for the Carolina-based bank, told ..."
            return None
    return None


def _manner_cue(ctx: Context, cand: Candidate, tokens: list, k: int, verb, aside: bool) -> bool:
    """``"...," Brandt chuckled`` / ``"...," fumed the actor``: after a quote that hands over with
    a comma, question or exclamation mark, any past or present verb with a person for subject
    and nothing it acts on says how the words were said."""
    if aside or cand.text.rstrip()[-1:] not in (",", "?", "!") or cand.embedded:
        return False
    if verb.tag_ not in ("VBD", "VBZ") or k > 4:
        return False
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "dative", "oprd") and not ctx.quoted[c.i]
           for c in verb.children):
        return False
    if k == 0:
        subject = [t for t in tokens[1:6] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i]
    else:
        subject = [t for t in tokens[:k] if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i]
        if any(t.pos_ not in ("PROPN", "PRON", "DET", "NOUN", "ADJ", "PUNCT") for t in tokens[:k]):
            return False
    if not subject:
        return False
    head = subject[0]
    if head.lower_ in ("he", "she"):
        return True
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        return head.ent_type_ not in ("GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME") or _person_at(ctx, head.i)
    return head.pos_ == "NOUN" and cues.is_person_noun(head)


def _in_aside(tokens: list) -> bool:
    return any(t.text == "," for t in tokens)


def _relative_aside(tokens: list) -> bool:
    """A relative clause opened after a comma: "Smith, who chairs the committee, said"."""
    seen_comma = False
    for t in tokens:
        if t.text == ",":
            seen_comma = not seen_comma
        elif seen_comma and t.lower_ in cues.RELATIVE:
            return True
    return False


def _cue_before(ctx: Context, cand: Candidate) -> Cue | None:
    """``X said: "..."`` / ``X told reporters "..."`` / ``He added, "..."``."""
    sp = cand.span
    prev = ctx.span_before(sp)
    start = ctx.sentence_start(sp.open_at)
    if prev is not None and prev.outer_end > start:
        start = prev.outer_end
    tokens = [t for t in ctx.outside(start, sp.open_at) if not t.is_space]
    if not tokens:
        return None
    colon = tokens[-1].text == ":"
    tail = list(tokens)
    while tail and (tail[-1].is_punct or tail[-1].lower_ == "that"):
        tail = tail[:-1]
    for k in range(len(tail) - 1, max(-1, len(tail) - 12), -1):
        tok = tail[k]
        if cues.is_cue_verb(tok) or tok.lower_ == "according":
            if cues.lemma(tok) in cues.WEAK_SPEECH_VERBS and tokens[-1].text not in {":", ","}:
                return None  # "began "Operation ..."" is no speech; "he began: "..."" is
            phrase = subject_phrase(tok, ctx)
            if tok.lower_ == "according":
                phrase = phrase or _phrase_after(tail[k + 2:])
            if not phrase:
                phrase = [] if _passive(tok) else _phrase_left(tail[:k])
            if phrase:
                return Cue(_cue_text(tok), tok, phrase, _head_of(phrase), "before")
            return None
        if cues.is_verbal(tok):
            break  # a clause of its own stands between the verb and the quote
    if colon:
        phrase = _colon_phrase(tokens[:-1])
        if phrase:
            return Cue(":", None, phrase, _head_of(phrase), "colon")
        return None
    return _cue_heading(ctx, cand, start, tokens)


def _cue_heading(ctx: Context, cand: Candidate, start: int, tokens: list) -> Cue | None:
    """A paragraph opening with a name and then the quote: ``- Bolton boss Sam Allardyce "I am
    bitterly disappointed ..."`` (match reports, lists of reactions)."""
    if start != ctx.para(cand.span.open_at)[0] or cand.headline or cand.words < 4 or \
            not cand.text[:1].isupper():
        return None
    phrase = _trim([t for t in tokens if t.text not in _DASHES and t.text not in {"*", "\u2022"}])
    if not phrase or len(phrase) > 10 or phrase[-1].pos_ != "PROPN":
        return None
    if not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM") or t.tag_ == "POS" for t in phrase):
        return None
    return Cue("heading", None, phrase, phrase[-1], "heading")


def _cue_in_sentence(ctx: Context, cand: Candidate, tail: bool = True) -> Cue | None:
    """A fragment's cue: a speech or thought verb elsewhere in its sentence."""
    return _cue_earlier(ctx, cand) or (_cue_tail(ctx, cand) if tail else None)


def _cue_earlier(ctx: Context, cand: Candidate) -> Cue | None:
    """The nearest speech or thought verb before the quote in its sentence:
    ``Mr Kennedy said the plan was "unworkable"``."""
    sp = cand.span
    tokens = [t for t in ctx.outside(ctx.sentence_start(sp.open_at), sp.open_at) if not t.is_space]
    for tok in reversed(tokens):
        if cues.is_cue_verb(tok, strict=True) or cues.is_thought_verb(tok) or tok.lower_ == "according":
            phrase = subject_phrase(tok, ctx)
            if not phrase and not _passive(tok):
                phrase = _phrase_left([t for t in tokens if t.i < tok.i])
            if phrase:
                return Cue(_cue_text(tok), tok, phrase, _head_of(phrase), "sentence")
    return None


def _cue_tail(ctx: Context, cand: Candidate) -> Cue | None:
    """A cue closing the sentence: ``... "priority number one" even if it came in May, he said.``"""
    sp = cand.span
    if cand.text.rstrip()[-1:] in (".", "!", "?"):
        return None  # the sentence ended inside the quote
    after = [t for t in ctx.outside(sp.outer_end, ctx.sentence_end(sp.outer_end)) if not t.is_space]
    commas = [k for k, t in enumerate(after) if t.text == ","]
    if not commas:
        return None
    tail = after[commas[-1] + 1:]
    for k, tok in enumerate(tail[:_MAX_SUBJECT]):
        if cues.is_cue_verb(tok, strict=True):
            before = [t for t in tail[:k] if t.pos_ not in ("AUX", "ADV", "PART")]
            phrase = before if before and all(_nominal(t) for t in before) else _phrase_after(tail[k + 1:])
            head = _head_of(phrase) if phrase else None
            return Cue(_cue_text(tok), tok, phrase, head, "sentence") if head is not None else None
        if cues.is_verbal(tok) and tok.pos_ != "AUX":
            return None
    return None


# -- stage 4: speaker phrase -----------------------------------------------------------

def subject_phrase(verb, ctx: Context, depth: int = 0) -> list:
    """The tokens naming who performs a cue verb (never reaching across a sentence or
    paragraph boundary, where the parser sometimes wanders)."""
    lo = ctx.sentence_start(verb.idx)
    hi = ctx.sentence_end(verb.idx + len(verb.text))
    phrase = _subject_phrase(verb, ctx, depth)
    if phrase and all(lo <= t.idx < hi for t in phrase):
        return phrase
    return []


def _subject_phrase(verb, ctx: Context, depth: int = 0) -> list:
    if verb.lower_ == "according":
        for child in verb.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj" and not ctx.quoted[obj.i]:
                        return base_phrase(obj, ctx)
        return []
    children = list(verb.children)
    for child in children:
        if child.dep_ in ("nsubj", "csubj") and not ctx.quoted[child.i]:
            if child.lower_ in cues.RELATIVE and verb.dep_ == "relcl":
                return base_phrase(verb.head, ctx)
            owned = _possessed_name(child, ctx)
            if owned:
                return owned
            if depth > 0 and _expletive(child) and verb.dep_ in ("ccomp", "conj", "xcomp") and verb.head is not verb:
                # "X said it was impossible to wait and urged ...": "urged" hangs off the
                # clause of an empty "it"; the speaker is the subject of the verb above
                return subject_phrase(verb.head, ctx, depth + 1)
            return base_phrase(child, ctx)
    passive = [c for c in children if c.dep_ in ("nsubjpass", "auxpass")]
    if passive:
        for child in verb.subtree:
            if child.i > verb.i and (child.dep_ == "agent" or (child.lower_ == "by" and child.head.i >= verb.i)):
                for obj in child.children:
                    if obj.dep_ == "pobj" and not ctx.quoted[obj.i]:
                        return base_phrase(obj, ctx)
        if cues.lemma(verb) in {"quote", "report", "cite"}:  # "he was quoted as saying"
            for child in children:
                if child.dep_ == "nsubjpass" and not ctx.quoted[child.i]:
                    return base_phrase(child, ctx)
        return []
    if depth < 3 and verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl", "dep") and verb.head is not verb:
        head = verb.head
        if head.pos_ == "ADP" and head.head is not head:  # "quoted as saying"
            head = head.head
        if cues.is_verbal(head):
            if cues.lemma(head) in ("quote", "cite") and verb.dep_ == "pcomp":
                # "Reuters quoted one trader as saying": the trader speaks
                for child in head.children:
                    if child.dep_ == "dobj" and not ctx.quoted[child.i]:
                        return base_phrase(child, ctx)
            phrase = subject_phrase(head, ctx, depth + 1)
            if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ in ("ccomp", "conj") \
                    and head.head is not head and _inanimate(phrase):
                # "Hodgson believes a winter break helps, explaining: ...": the participle
                # hangs off the wrong clause; its speaker is the believer, not the break
                return subject_phrase(head.head, ctx, depth + 1) or phrase
            return phrase
    return []


def _inanimate(phrase: list) -> bool:
    """A subject that cannot speak: a common noun that names no person or organisation."""
    head = _head_of(phrase) if phrase else None
    return head is not None and head.pos_ == "NOUN" and head.is_lower and not head.ent_type_ \
        and not cues.is_person_noun(head) and not cues.is_people_noun(head) \
        and cues.lemma(head) not in cues.ORG_NOUNS and cues.lemma(head) not in cues.SPOKES_NOUNS


def _possessed_name(subject, ctx: Context) -> list:
    """``War on Want's John Hilary said``, parsed with "War" as the subject: the person's
    name that ends the subject after a possessive."""
    doc = subject.doc
    last = subject.right_edge
    if last.ent_type_ != "PERSON" or last.i <= subject.i or ctx.quoted[last.i]:
        return []
    first = last.i
    while first > subject.i and doc[first].ent_iob_ == "I":
        first -= 1
    if first - 1 <= subject.left_edge.i or doc[first - 1].tag_ != "POS" or doc[first].ent_type_ != "PERSON":
        return []
    return [doc[k] for k in range(first, last.i + 1)]


def _expletive(subject) -> bool:
    """An empty "it": "it was not possible to ...", "it is time to ..."."""
    if subject.lower_ != "it":
        return False
    verb = subject.head
    return cues.lemma(verb) == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children) and \
        any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def base_phrase(tok, ctx: Context) -> list:
    """The noun phrase a subject token heads, without appositions and relative clauses."""
    doc = tok.doc
    start = tok.left_edge.i
    # an apposition or relative clause to the left cannot start the phrase
    for i in range(tok.i - 1, start - 1, -1):
        if doc[i].text in {",", "(", ")"} or doc[i].text in _DASHES and doc[i].whitespace_:
            start = i + 1
            break
    end = tok.i + 1
    right = tok.right_edge.i
    while end <= right and (doc[end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or
                            (doc[end].text in _DASHES and not doc[end].whitespace_ and not doc[end - 1].whitespace_)):
        end += 1
    toks = [doc[i] for i in range(start, end) if not ctx.quoted[i]]
    return _trim(toks)


def _phrase_after(tokens: list) -> list:
    """An inverted subject: ``said GM chief executive Rick Waggoner, who ...``."""
    out = []
    for tok in tokens:
        if tok.text in {",", ";", ":", "(", ")"} or tok.text in _TERMINATORS or tok.is_space:
            break
        if tok.lower_ in cues.RELATIVE or (cues.is_verbal(tok) and tok.pos_ != "AUX" and out):
            break
        if tok.pos_ == "ADP" and tok.lower_ not in {"of", "for"} and out and not tok.text[:1].isupper():
            break  # (a capitalised one belongs to a title: "Treasury Under Secretary X")
        if tok.pos_ == "ADV" and not out and not tok.text[:1].isupper():
            continue  # ("admitted Kiely" with the name tagged as an adverb is kept)
        out.append(tok)
    # "said Smith yesterday": drop a trailing date, but keep "the 30-year-old"
    k = len(out)
    while k > 0 and out[k - 1].ent_type_ in ("DATE", "TIME"):
        k -= 1
    if 0 < k < len(out) and out[k - 1].pos_ in ("PROPN", "NOUN"):
        out = out[:k]
    return _trim(out)


def _phrase_left(tokens: list) -> list:
    """The noun phrase right before a verb whose subject the parser missed."""
    out: list = []
    for tok in reversed(tokens):
        if tok.pos_ in ("AUX", "ADV", "PART") and not out:
            continue
        if not _nominal(tok) or tok.text == ",":
            break
        out.insert(0, tok)
    return _trim(out)


def _colon_phrase(tokens: list) -> list:
    """``Mr Kelly's verdict: "..."`` -> Mr Kelly. The first name or pronoun before a colon;
    a person's name first of all ("Manchester City boss Kevin Keegan:" -> Kevin Keegan)."""
    person = next((k for k, tok in enumerate(tokens) if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"), None)
    if person is not None:
        end = person + 1
        while end < len(tokens) and tokens[end].pos_ == "PROPN" and tokens[end].ent_type_ == "PERSON":
            end += 1
        return tokens[person:end]
    for k, tok in enumerate(tokens):
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or tok.lower_ in cues.PERSON_PRONOUNS:
            end = k + 1
            while end < len(tokens) and tokens[end].pos_ == "PROPN":
                end += 1
            start = k
            while start > 0 and tokens[start - 1].pos_ == "PROPN":
                start -= 1
            return tokens[start:end]
    return []


def _main_part(phrase: list) -> list:
    """The phrase before an apposition: "Alexandra Tower, a spokeswoman for ..." -> name."""
    for k, t in enumerate(phrase):
        if t.text in {",", "(", ")"} or (t.text in _DASHES and t.whitespace_):
            return _trim(phrase[:k])
    return phrase


def _head_of(tokens: list):
    """The head of a base noun phrase: its last nominal word ("the Sale full-back" -> back);
    a person's name before "of"/"at"/"from" heads it ("Brian Smith of Acme Bank" -> Smith)."""
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if tok.lower_ in ("of", "at", "from") and not tok.ent_type_ and tokens[k - 1].ent_type_ == "PERSON" \
                and tokens[k - 1].pos_ == "PROPN":
            tokens = tokens[:k]
            break
    person = max((k for k, t in enumerate(tokens) if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"), default=None)
    if person is not None and person + 1 < len(tokens) and tokens[person + 1].pos_ == "NOUN" \
            and tokens[person + 1].is_lower and not any(t.pos_ == "PROPN" or t.tag_ == "POS" or t.text in ("'s", "\u2019s")
                                                       for t in tokens[person + 1:]):
        return tokens[person]  # "Dr Mike Watts head of exploration said": the person, not the job
    k = len(tokens)
    while k > 1 and tokens[k - 1].ent_type_ in ("DATE", "TIME"):
        k -= 1
    if 1 < k < len(tokens) and tokens[k - 1].pos_ == "ADP":
        tokens = tokens[:k - 1]  # "the commission on Thursday": not the day ("the 30-year-old" is kept)
    for tok in reversed(tokens):
        if tok.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or (tok.pos_ == "ADJ" and tok.i > tokens[0].i):
            return tok
    if len(tokens) == 1 and tokens[0].is_alpha and tokens[0].text[:1].isupper() and tokens[0].ent_type_ in ("", "PERSON"):
        return tokens[0]  # a lone name the tagger took for another part of speech ("admitted Kiely")
    return None


def _nominal(tok) -> bool:
    return tok.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM", "DET", "X") or tok.text in _DASHES \
        or tok.text in {"'s", "\u2019s", "'", "&", ".", ","} or tok.tag_ == "POS"


def _trim(tokens: list) -> list:
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _passive(verb) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


# -- stage 5: resolve ------------------------------------------------------------------

def resolve_speaker(ctx: Context, cue: Cue) -> str | None:
    """The actor id the cue's speaker phrase refers to, or None."""
    actors = ctx.actors
    head = cue.head
    if head is None:
        return None
    low = head.lower_
    if low in ("he", "she"):
        # "A spokeswoman for X said ... . "...," she said": the pronoun is the spokeswoman, who
        # speaks for X, and no named person of the text
        found, spokes = _spokes_antecedent(ctx, head)
        if found:
            return spokes
        decided, reporter = _reporter_before(ctx, head)
        if decided:
            return reporter
    found = actors.resolve(head)
    if found:
        return found
    if low in cues.PERSON_PRONOUNS and low not in {"they", "them", "we"}:
        return _actor_near(ctx, head.i, "PERSON", gender=cues.PERSON_PRONOUNS.get(low))
    if low in cues.ORG_PRONOUNS:
        return _actor_near(ctx, head.i, "ORG")
    if cues.is_pronoun(head):
        return None
    lem = cues.lemma(head)
    # "an executive spokesman", "a GM spokeswoman": the modifier names the organisation
    if lem in cues.SPOKES_NOUNS or low in cues.SPOKES_NOUNS:
        owner = _owner_after(ctx, head)
        if owner:
            return owner
        if lem in cues.SPOKESPEOPLE and any(t.lower_ == "the" for t in cue.phrase):
            earlier = _earlier_spokes(ctx, head)
            if earlier:
                return earlier
        for tok in reversed(cue.phrase):
            if tok is head:
                continue
            found = actors.resolve(tok) if (tok.ent_type_ or tok.pos_ == "PROPN") else None
            cluster = actors.cluster(found) if found else None
            if cluster is not None and (cluster.type != "PERSON" or head.tag_ not in ("NNS", "NNPS")):
                return found
            if cues.lemma(tok) in cues.ORG_NOUNS:
                found = _actor_near(ctx, head.i, "ORG", prefer=cues.lemma(tok), strict=True)
                if found:
                    return found
        names = [t for t in cue.phrase if t.i < head.i and _name_like(t) and t.tag_ != "POS"]
        if names:
            # "an FA statement" with no FA among the actors: the name still says whose
            return actors.ensure_group(ctx.doc[names[0].i:names[-1].i + 1])
        if head.tag_ not in ("NNS", "NNPS"):
            # a bare "spokesman" / "the statement": the organisation of the sentences around
            return _org_in_context(ctx, head)
    if head.tag_ in ("NNS", "NNPS") or low in cues.GROUP_HINT:
        if not cues.is_people_noun(head):
            return None  # "her comments", "the figures": not a source
        span = _group_span(ctx, cue.phrase)
        return actors.ensure_group(span) if span is not None else None
    if lem in cues.ORG_NOUNS:
        named = _actor_near(ctx, head.i, "ORG", prefer=lem, strict=lem not in cues.FIRM_NOUNS)
        if named:
            return named
        span = _group_span(ctx, cue.phrase)
        return actors.ensure_group(span) if span is not None else None
    if _name_like(head):
        names = [t for t in cue.phrase if _name_like(t)]
        run = [t for t in cue.phrase if t.i <= head.i]
        k = len(run)
        while k > 0 and _name_like(run[k - 1]):
            k -= 1
        if k > 0 and run[k:]:
            names = run[k:]  # "Newcastle boss Graeme Souness": the name next to the head
        first = names[0].i
        in_phrase = {t.i for t in cue.phrase}
        while first - 1 in in_phrase and ctx.doc[first - 1].is_alpha and ctx.doc[first - 1].text[:1].isupper() \
                and ctx.doc[first - 1].lower_ not in ("the", "a", "an") and not cues.is_pronoun(ctx.doc[first - 1]):
            first -= 1  # "said Swiss Re": the adjective the tagger left out of the name
        span = ctx.doc[first:names[-1].i + 1]
        return actors.ensure_group(span)
    return _role_holder(ctx, cue, head)


def _role_holder(ctx: Context, cue: Cue, head) -> str | None:
    """A role noun: "the minister", "the 30-year-old", "the Sale full-back".

    A person met earlier whose name or role holds the noun wins ("the prince" -> Prince
    Charles); else a lower-case description ("the two-time champion") is taken to mean the
    person mentioned last. A capitalised title nobody holds yet stays unresolved."""
    word = head.lower_
    match = _actor_near(ctx, head.i, "PERSON", prefer=word, strict=True)
    if match:
        return match
    definite = any(t.lower_ == "the" or t.tag_ in ("POS", "PRP$") for t in cue.phrase)
    if definite and not head.text[:1].isupper() and cues.is_person_noun(head):
        nearest = _actor_near(ctx, head.i, "PERSON")
        if word in _OFFICES and nearest and not _named_as_subject(ctx, head.i, nearest):
            return None  # "... told Gordon Brown he would quit. "...," the prime minister said"
        return nearest
    return None


def _named_as_subject(ctx: Context, before: int, actor_id: str) -> bool:
    """Was the actor's last mention before token ``before`` the subject of its clause?"""
    for i in range(before - 1, -1, -1):
        if ctx.quoted[i] or ctx.actors.at_token(i) != actor_id:
            continue
        tok = ctx.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass")
    return False


# Offices whose unnamed holder is not simply the person mentioned last ("... told Gordon
# Brown he would quit. "...," the prime minister said": not Brown).
_OFFICES = {"minister", "president", "chancellor", "secretary", "premier", "governor", "mayor",
            "ambassador", "senator", "commissioner", "chairman", "chairwoman", "king", "queen"}


def _actor_near(ctx: Context, before: int, want: str, prefer: str | None = None,
                strict: bool = False, gender: str | None = None) -> str | None:
    """The actor of type ``want`` mentioned last before token ``before`` (outside quotes).
    With ``prefer``, an actor whose name or role contains that word wins over a nearer one
    (and with ``strict`` is the only one accepted)."""
    actors = ctx.actors
    first = None
    for i in range(before - 1, -1, -1):
        tok = ctx.doc[i]
        if ctx.quoted[i] or not (tok.ent_type_ or tok.pos_ == "PROPN"):
            continue
        actor_id = actors.resolve(tok)
        cluster = actors.cluster(actor_id) if actor_id else None
        if cluster is None or cluster.type != want:
            continue
        if gender in ("m", "f") and getattr(cluster, "gender", None) not in (gender, None):
            continue  # "...," he added after a woman's quote is not hers
        if prefer is None or prefer in f"{cluster.name} {getattr(cluster, 'role', '') or ''}".lower():
            return actor_id
        if first is None:
            first = actor_id
    return None if strict else first


def _group_span(ctx: Context, phrase: list):
    """``several diplomatic analysts in local news outlets`` -> ``diplomatic analysts``."""
    toks = [t for t in phrase if t.pos_ not in ("DET",) and t.lower_ not in
            {"some", "several", "many", "most", "few", "other", "all", "both", "two", "three"}]
    toks = _trim(toks)
    if not toks:
        return None
    return ctx.doc[toks[0].i:toks[-1].i + 1]


def _org_in_context(ctx: Context, head) -> str | None:
    """The organisation a bare spokesman speaks for: the subject of the same sentence or of
    the one before ("The Home Office defended the plans. A spokesman said: ..."). A source
    that only quotes someone ("Reuters quoted an official as saying") does not count."""
    prev = ctx.previous_sentence(head.idx)
    if len(prev):
        before = ctx.previous_sentence(ctx.doc[prev.start].idx)
        start = before.start if len(before) else prev.start
    else:
        start = ctx.token_range(ctx.sentence_start(head.idx), head.idx).start
    best = None
    for i in range(start, head.i):
        tok = ctx.doc[i]
        if ctx.quoted[i] or not (tok.ent_type_ or tok.pos_ == "PROPN"):
            continue
        found = ctx.actors.resolve(tok)
        cluster = ctx.actors.cluster(found) if found else None
        if cluster is None or cluster.type != "ORG" or getattr(cluster, "kind", "org") == "gpe":
            continue
        chain = [tok, *tok.ancestors][:3]
        subject = next((t for t in chain if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and cues.lemma(subject.head) not in ("quote", "cite", "report"):
            best = found
    return best


def _owner_after(ctx: Context, head) -> str | None:
    """``a spokesperson for the Universities and Colleges Employers' Association (UCEA)``."""
    doc = ctx.doc
    i = head.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("for", "of", "at", "from"):
        return None
    for j in range(i + 1, min(len(doc), i + 12)):
        tok = doc[j]
        if ctx.quoted[j] or tok.text in {",", ";", ":"} or tok.text in _TERMINATORS or cues.is_verbal(tok):
            break
        if tok.ent_type_ or tok.pos_ == "PROPN":
            found = ctx.actors.resolve(tok)
            cluster = ctx.actors.cluster(found) if found else None
            if cluster is not None and cluster.type != "PERSON":
                return found
    return None


def _earlier_spokes(ctx: Context, head) -> str | None:
    """``A spokesman for Mr Howard said ... . "...," the spokesman said.``: whom the
    spokesperson of the two sentences before speaks for."""
    prev = ctx.previous_sentence(head.idx)
    start = prev.start if len(prev) else ctx.token_range(ctx.sentence_start(head.idx), head.idx).start
    if len(prev):
        before = ctx.previous_sentence(ctx.doc[prev.start].idx)
        if len(before):
            start = before.start
    found = None
    for i in range(start, head.i):
        tok = ctx.doc[i]
        if ctx.quoted[i] or cues.lemma(tok) not in cues.SPOKESPEOPLE:
            continue
        found = ctx.actors.resolve(tok) or found
    return found


def _spokes_antecedent(ctx: Context, pronoun) -> tuple[bool, str | None]:
    """(found, actor): a spokesperson who spoke in the sentence before ``pronoun`` and the
    organisation behind them (None when the text does not say whose spokesperson)."""
    prev = ctx.previous_sentence(pronoun.idx)
    for i in range(prev.start, pronoun.i):
        tok = ctx.doc[i]
        if ctx.quoted[i] or not cues.is_cue_verb(tok):
            continue
        phrase = subject_phrase(tok, ctx)
        head = _head_of(_main_part(phrase)) if phrase else None
        if head is not None and cues.lemma(head) not in cues.SPOKESPEOPLE:
            # "A Department for Constitutional Affairs spokeswoman said", parsed with
            # "Department" as the subject and the spokeswoman inside it
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            spokes = [t for t in subj.subtree if t.i < tok.i and cues.lemma(t) in cues.SPOKESPEOPLE
                      and not ctx.quoted[t.i]] if subj is not None else []
            if spokes and spokes[-1].i == subj.right_edge.i:
                head, phrase = spokes[-1], [t for t in subj.subtree if not ctx.quoted[t.i]]
        if head is None or head.tag_ in ("NNS", "NNPS") or cues.lemma(head) not in cues.SPOKESPEOPLE:
            continue
        return True, resolve_speaker(ctx, Cue(_cue_text(tok), tok, phrase, head, "sentence"))
    return False, None


def _reporter_before(ctx: Context, pronoun) -> tuple[bool, str | None]:
    """``Yet Ann Lee, an analyst, said the plan would fail. "...," she said.``: a he/she
    speaking right after a sentence of reported speech or thought ("Lee feels that ...") is its
    speaker (when the gender fits), whoever else that sentence names."""
    doc = ctx.doc
    own = ctx.token_range(ctx.sentence_start(pronoun.idx), pronoun.idx)
    if any(not ctx.quoted[i] and not (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("CCONJ", "ADV"))
           for i in own):
        return False, None  # "Smith said he believed ...": the pronoun does not open its sentence
    prev = ctx.previous_sentence(pronoun.idx)
    if not len(prev):
        return False, None
    want = "m" if pronoun.lower_ == "he" else "f"
    for i in prev:
        tok = doc[i]
        if ctx.quoted[i] or not (cues.is_cue_verb(tok, strict=True) or cues.is_thought_verb(tok)) \
                or any(t.dep_ in ("relcl", "acl", "advcl") for t in [tok, *tok.ancestors]):
            continue
        if not (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.dep_ == "ROOT")):
            return False, None  # only the sentence's own reporting verb
        phrase = subject_phrase(tok, ctx)
        head = _head_of(_main_part(phrase)) if phrase else None
        if head is None:
            return False, None
        found = ctx.actors.resolve(head)
        cluster = ctx.actors.cluster(found) if found else None
        if cluster is None and head.pos_ == "NOUN" and head.tag_ == "NN" and head.is_lower \
                and cues.is_person_noun(head) and not cues.is_pronoun(head) \
                and any(c.lower_ in ("a", "an", "one", "another") for c in head.children):
            return True, None  # "one dealer", "a senior official"
        if cluster is None or cluster.type != "PERSON" or cluster.gender not in (want, None):
            return False, None  # the first speech verb of the sentence decides
        # "X claimed ... but Y is unfazed": a later clause about someone else
        inside = {t.i for t in tok.subtree}
        for j in range(tok.i + 1, prev.stop):
            if j in inside or doc[j].dep_ not in ("nsubj", "nsubjpass"):
                continue
            other = ctx.actors.resolve(doc[j])
            if other and other != found:
                return False, None
        return True, found
    return False, None


def _name_like(tok) -> bool:
    """A proper name the tagger may have missed ("consultancy 4Cast")."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return False  # "the Electoral Commission on Thursday"
    if tok.pos_ == "PROPN":
        return True
    return (tok.pos_ in ("NOUN", "X", "PRON") and not tok.is_sent_start and tok.lower_ not in cues.ORG_NOUNS
            and any(ch.isupper() for ch in tok.text) and not cues.is_pronoun(tok))


# -- stage 6: inherit ------------------------------------------------------------------

def _inherit(ctx: Context, cands: list[Candidate], speakers: list, k: int,
             last: str | None) -> tuple[str | None, str]:
    """The speaker of a floating quote (one with no cue of its own), and how it was found
    (the quote's ``cue`` in the output: "continued", "after <verb>", "before <verb>", "topic")."""
    sp = cands[k].span
    holds_quote, reported, subject = _previous_sentence(ctx, sp)
    if holds_quote:
        return last, "continued"  # a quote just before: this one carries it on
    # an unclosed quote runs on into the next one: "A. "B," said Holmes.
    j = k
    while cands[j].span.close_at is None and j + 1 < len(cands):
        nxt = cands[j + 1]
        if ctx.text[cands[j].span.end:nxt.span.open_at].strip():
            break
        if nxt.cue is not None and nxt.cue.where == "after":
            return speakers[j + 1], f"before {nxt.cue.text}"
        j += 1
    if reported:
        return reported  # "Ms Lomax intimated. "In economic assessment, ...""
    if subject and last is None:
        return subject, "topic"  # "Holmes cruised to victory. "It was nice ...""
    return last, "continued"


def _lead_speaker(ctx: Context) -> tuple[str | None, str]:
    """A headline quote (``'UK will stand firm on EU rebate'``) is the words of whoever the
    first sentence of the story reports ("..., Jack Straw said.")."""
    if len(ctx.paras) < 2:
        return None, ""
    a, b = ctx.paras[1]
    end = ctx.sentence_end(a)
    for i in ctx.token_range(a, end):
        tok = ctx.doc[i]
        if ctx.quoted[i] or not (cues.is_cue_verb(tok, strict=True) or tok.lower_ == "according"):
            continue
        phrase = subject_phrase(tok, ctx)
        if tok.lower_ == "according" and not phrase:
            phrase = _phrase_after([t for t in ctx.doc[i + 2:ctx.token_range(a, end).stop]])
        head = _head_of(_main_part(phrase)) if phrase else None
        if head is None or cues.is_pronoun(head):
            continue
        actor = resolve_speaker(ctx, Cue(_cue_text(tok), tok, phrase, head, "sentence"))
        if actor:
            return actor, f"lead {_cue_text(tok)}"
    return None, ""


def _previous_sentence(ctx: Context, sp: MarkedSpan) -> tuple[bool, tuple | None, str | None]:
    """What the sentence just before a floating quote offers:
    (holds a quote, speaker of its reported speech, the person it is about)."""
    rng = ctx.previous_sentence(sp.open_at)
    if any(ctx.quoted[i] for i in rng):
        return True, None, None
    subject = None
    attitude = False
    for i in rng:
        tok = ctx.doc[i]
        speech = (cues.is_cue_verb(tok, strict=True) or cues.is_thought_verb(tok)) and not any(
            t.dep_ in ("relcl", "acl") for t in [tok, *tok.ancestors])  # not "X, who had advised ..."
        if not speech and not (subject is None and tok.dep_ == "ROOT"):
            continue
        phrase = subject_phrase(tok, ctx)
        head = _head_of(_main_part(phrase)) if phrase else None
        if head is None:
            continue
        actor = resolve_speaker(ctx, Cue(_cue_text(tok), tok, phrase, head, "sentence"))
        if actor and speech:
            return False, (actor, f"after {_cue_text(tok)}"), None
        cluster = ctx.actors.cluster(actor) if actor else None
        if cluster is not None and cluster.type == "PERSON" and subject is None:
            subject = actor
            attitude = _attitude(tok)
    if attitude:
        # "Mr Howard, however, was dismissive. "These things happen ..."": he speaks next
        return False, (subject, "mention"), None
    return False, None, subject


def _attitude(verb) -> bool:
    """A clause that sets up its subject's next words: "was dismissive", "appears bullish",
    "remained defiant"."""
    if cues.lemma(verb) not in {"be", "appear", "seem", "remain", "sound", "look"}:
        return False
    return any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in verb.children)


def _quote(ctx: Context, cand: Candidate, actor_id: str | None, cue: str | None) -> Quote:
    cluster = ctx.actors.cluster(actor_id) if actor_id else None
    return Quote(
        start=cand.span.start, end=cand.span.end, text=cand.text,
        speaker=cluster.name if cluster else None, actor_id=actor_id if cluster else None,
        cue=cue, kind=cand.kind,
    )
