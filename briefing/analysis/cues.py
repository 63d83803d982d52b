"""Word lists and token tests for attributing quotes: cue verbs, speaker nouns, pronouns.

Kept apart from ``quotes.py`` so that the lists can be read (and extended) on their own.
"""

from __future__ import annotations

# Verbs that introduce speech or writing: "he said", "she told reporters", "X added".
SPEECH_VERBS = frozenset("""
    say tell add state claim argue insist warn explain admit note declare write ask reply respond
    answer urge suggest announce stress comment confirm deny predict conclude acknowledge report
    agree reveal recall maintain contend assert observe remark mention intimate concede complain
    protest boast joke quip laugh shout cry scream whisper mutter tweet recount testify vow promise
    pledge threaten demand caution advise recommend emphasise emphasize underline highlight
    reiterate repeat forecast estimate reckon counter retort rebut dismiss assure reassure inform
    proclaim affirm allege charge criticise criticize condemn slam blast praise hail welcome
    describe accuse blame brand label exclaim lament plead beg implore interject sigh snap enthuse
    confess disclose signal indicate imply hint summarise summarize characterise characterize
    concur disagree object appeal caution grumble muse wonder acknowledge quote cite tell brief
    write post blog announce insist point continue put read begin
""".split())

# Verbs whose meaning is speech only in a tight pattern ("he continued:", "she began:",
# "as he put it", "the statement read:"); elsewhere they are ordinary verbs.
WEAK_SPEECH_VERBS = frozenset({"continue", "put", "read", "begin", "point", "post", "charge",
                               "answer", "signal", "indicate", "object", "quote", "cite",
                               "wonder", "appeal"})

# Verbs of thought and belief: enough to attribute a quoted fragment or to carry a speaker
# over to the next, cue-less quote ("Mr Kennedy believes ... . "...").
THOUGHT_VERBS = frozenset("""
    believe think feel hope fear expect consider know worry doubt suspect want accept
""".split())

# Verbs that put a name or label in quotation marks, not speech: the so-called "X".
NAMING_WORDS = frozenset("""
    so-called dubbed nicknamed codenamed code-named titled entitled named called known
    term word phrase slogan motto nickname headline label title song album book film
    novel play show programme series operation campaign
""".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
                   "i": None, "me": None, "we": None, "they": None, "them": None}
ORG_PRONOUNS = {"it", "its", "they", "them", "their", "we"}
ALL_PRONOUNS = set(PERSON_PRONOUNS) | ORG_PRONOUNS | {"you", "who", "which", "that", "this", "one"}
RELATIVE = {"who", "which", "that", "whom"}

# A spokesman and his kin speak for an organisation named near them.
SPOKES_NOUNS = frozenset("""
    spokesman spokeswoman spokesperson spokespeople spokeman representative statement source sources
    aide aides official officials insider insiders release announcement letter report memo
    document paper study survey dossier manifesto leaflet website email e-mail note minutes
    communique bulletin review
""".split())

# People who speak for an organisation rather than for themselves.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokeman", "representative"})

# Nouns that stand for an organisation ("the company said").
ORG_NOUNS = frozenset("""
    company firm group ministry department bank government executive party club team union
    council agency commission committee authority body organisation organization association
    board court regulator carmaker airline retailer maker giant operator lender insurer broker
    chain network broadcaster newspaper office administration parliament police force service
    charity institute federation league side corporation business manufacturer producer
    supermarket store watchdog tribunal cabinet opposition consortium partnership trust fund
    embassy army military school university college hospital exchange
""".split())

# Organisation nouns that, alone, mean the company or team the story is about.
FIRM_NOUNS = frozenset("""
    company firm group club bank carmaker airline retailer maker giant operator lender insurer
    broker chain side team corporation business manufacturer producer supermarket store
    consortium
""".split())

# Plural nouns for unnamed collective sources ("analysts said").
GROUP_HINT = frozenset("""
    analysts officials experts economists critics campaigners residents witnesses sources
    observers diplomats aides investors traders dealers doctors police ministers observers
    organisers organizers officers spokesmen activists protesters demonstrators researchers
    scientists lawyers leaders members executives managers workers unions fans players
    strategists insiders commentators authorities people staff bosses chiefs fans mps meps
    peers voters rebels allies families parents teachers nurses students police
""".split())

# Person nouns that describe someone new rather than point back to someone named: "the man
# shouted" is not the last person mentioned.
GENERIC_PERSON_NOUNS = frozenset("""
    man woman boy girl person people guy attacker suspect victim driver passenger witness
    resident neighbour neighbor stranger caller reader viewer listener customer someone
    somebody child baby gunman intruder reporter journalist interviewer questioner
""".split())


def lemma(token) -> str:
    return token.lemma_.lower()


def is_verbal(token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def is_cue_verb(token, strict: bool = False) -> bool:
    """A speech verb. ``strict`` leaves out verbs that speak only in tight patterns."""
    lem = lemma(token)
    if lem not in SPEECH_VERBS:
        return False
    if not is_verbal(token):
        # the tagger now and then calls "says" or "told" a noun
        return token.lower_ in {"says", "said", "told", "tells", "adds", "added", "warned", "warns"}
    return not (strict and lem in WEAK_SPEECH_VERBS)


def is_thought_verb(token) -> bool:
    return is_verbal(token) and lemma(token) in THOUGHT_VERBS


def is_pronoun(token) -> bool:
    # (a name the tagger called a pronoun, "said M&S.", is not one)
    return token.lower_ in ALL_PRONOUNS or (token.pos_ == "PRON" and token.text.isalpha()
                                            and not any(ch.isupper() for ch in token.text[1:]))


_PEOPLE_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "eers", "ees", "men", "women",
                    "people", "folk")
_NOT_PEOPLE = {"comments", "documents", "statements", "arguments", "payments", "investments",
               "agreements", "elements", "events", "moments", "components", "instruments",
               "departments", "segments", "treatments", "achievements", "governments", "numbers",
               "papers", "letters", "reports", "orders", "figures", "others", "matters", "centres",
               "centers", "markets", "markers", "factors", "sectors", "errors", "errands", "items",
               "objectives", "initiatives", "incentives", "alternatives", "motives", "archives",
               "measures", "pressures", "waters", "powers", "towers", "answers", "restaurants",
               "grants", "plants", "variants", "accounts", "amounts", "percents", "contents",
               "talents", "parents_"}


def is_people_noun(token) -> bool:
    """A plural noun for people: "analysts", "officials", "campaigners", "residents"."""
    low = token.lower_
    if low in GROUP_HINT or token.lemma_.lower() in GROUP_HINT:
        return True
    if low in _NOT_PEOPLE or low.endswith("ments"):
        return False
    return low.endswith(_PEOPLE_SUFFIXES)


# Singular nouns for a person's role or description ("the chancellor", "the 30-year-old",
# "the Frenchman"); suffixes catch most ("manager", "director", "economist", "Moroccan").
PERSON_ROLE_NOUNS = frozenset("""
    chief boss coach captain skipper minister secretary chancellor president premier champion
    star striker winger keeper goalkeeper defender midfielder forward back full-back fly-half
    scrum-half prop hooker flanker centre veteran youngster official mp mep peer lord lady judge
    chairman chairwoman head director governor leader aide adviser advisor analyst economist
    king queen prince princess duke duchess pope cardinal archbishop bishop general colonel
    commander chief-executive boxer batsman bowler sprinter athlete runner driver rider
    international
""".split())
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "an", "ent", "ant", "man", "woman", "year-old", "old")
_NOT_PERSON = {"paper", "letter", "number", "order", "matter", "quarter", "center", "water",
               "power", "tower", "answer", "offer", "border", "chapter", "register", "sector",
               "factor", "error", "mirror", "plan", "loan", "scan", "ban", "span", "pan",
               "statement", "event", "moment", "agreement", "element", "percent", "cent",
               "content", "extent", "talent", "plant", "grant", "account", "amount", "restaurant",
               "document", "report", "email", "study", "survey", "government", "parliament",
               "department", "market", "weather", "summer", "winter", "november", "december",
               "october", "september", "manner", "banner", "dinner", "corner", "cancer", "fever"}


def is_person_noun(token) -> bool:
    """A singular noun that can describe a person (for role nouns the index left open)."""
    low = token.lower_
    if low in GENERIC_PERSON_NOUNS or low in _NOT_PERSON or token.lemma_.lower() in _NOT_PERSON:
        return False
    if low in PERSON_ROLE_NOUNS:
        return True
    return low.endswith(_PERSON_SUFFIXES)
