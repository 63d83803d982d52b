"""Quotes: marks, classification, cues, speakers, inheritance. Texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis.quotemarks import find_spans, paragraphs

PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "his", "its", "their"}


def spans_of(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_spans(text)]


# -- stage 1: quotation marks -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "we will win the cup" today.', ["we will win the cup"]),
    ("He said \u201cwe will win the cup\u201d today.", ["we will win the cup"]),
    ("He said \u00abwe will win\u00bb today.", ["we will win"]),
    ('"One," he said. "Two," she said.', ["One,", "Two,"]),
    ('are going to " great lengths" to help', ["great lengths"]),
    ('a "vote of no confidence " in him', ["vote of no confidence"]),
    ('"unacceptable and reckless." "I condemn these attacks."', ["unacceptable and reckless.", "I condemn these attacks."]),
])
def test_double_quotes(text, expected):
    assert spans_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shares 'set to fall' says bank", ["set to fall"]),
    ("Britain's economy grew, Jones' firm said.", []),
    ("Music of the '90s was mostly rock 'n' roll.", []),
    ("He called it 'a disgrace' and 'a farce'.", ["a disgrace", "a farce"]),
    ("\u2018We don\u2019t know what the players\u2019 wages are,\u2019 he said.",
     ["We don\u2019t know what the players\u2019 wages are,"]),
    ("'The players' union will fight,' he said.", ["The players' union will fight,"]),
    ("They'll say it's 'over' when it's over.", ["over"]),
])
def test_single_quotes_are_not_apostrophes(text, expected):
    assert spans_of(text) == expected


def test_reopened_quote_ends_at_the_new_opener():
    text = 'A spokesman said: "We will study this. Much has changed. "The ruling stands." Mr Brown, a lawyer, left.'
    spans = find_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["We will study this. Much has changed.", "The ruling stands."]
    assert spans[0].close_at is None and spans[1].close_at is not None


def test_unclosed_quote_stops_at_the_paragraph_end():
    text = 'He said: "We will win the league\n\nThe club has not won since 1990.'
    assert spans_of(text) == ["We will win the league"]


def test_odd_number_of_marks_and_stray_closers_never_fail():
    assert spans_of('He is 6\'2" tall and said "fine') == ["fine"]
    assert spans_of('ends here." Then nothing') == []
    assert spans_of('"') == []
    assert spans_of('""') == []


def test_nested_quotes_are_not_separate_items():
    text = 'He said: "They told me \'never again\' and I agreed."'
    assert spans_of(text) == ["They told me 'never again' and I agreed."]
    text = "He said: \u2018They told me \u201cnever again\u201d and I agreed.\u2019"
    assert spans_of(text) == ["They told me \u201cnever again\u201d and I agreed."]


def test_hard_wrapped_lines_do_not_end_a_quote():
    text = 'He said: "We will win the league\nthis year, I am sure."'
    assert spans_of(text) == ["We will win the league\nthis year, I am sure."]
    assert len(paragraphs("One.\nTwo.")) == 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,:\n'\"\u2018\u2019\u201c\u201d\u00ab\u00bb-s9")), max_size=80))
def test_spans_are_always_valid(text):
    spans = find_spans(text)
    prev_end = -1
    for sp in spans:
        assert 0 <= sp.open_at < sp.start < sp.end <= len(text)
        assert sp.close_at is None or sp.end <= sp.close_at < len(text)
        assert text[sp.start:sp.end] == text[sp.start:sp.end].strip()
        assert sp.open_at >= prev_end
        prev_end = sp.outer_end
    assert all(text[s.start:s.end] for s in spans)


# -- the extractor --------------------------------------------------------------------------

def quotes_of(analyse, text):
    return analyse(text).quotes


def only(quotes, fragment):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ('Rail prices rose again.\n\n"Passengers are paying more for less," John Smith said on Monday.',
     "Passengers", "John Smith", "said"),
    ('Rail prices rose again.\n\n"Passengers are paying more for less," said John Smith, the union leader.',
     "Passengers", "John Smith", "said"),
    ('Rail prices rose again.\n\nJohn Smith said: "Passengers are paying more for less."',
     "Passengers", "John Smith", "said"),
    ('Rail prices rose again.\n\nJohn Smith told reporters: "Passengers are paying more for less."',
     "Passengers", "John Smith", "told"),
    ('Rail prices rose again.\n\nJohn Smith told reporters "passengers are paying more for less".',
     "passengers", "John Smith", "told"),
    ('Rail prices rose again, Mary Jones said. She added: "Passengers are paying more for less."',
     "Passengers", "Mary Jones", "added"),
    ('Rail prices rose again.\n\n"Passengers are paying more for less," according to John Smith.',
     "Passengers", "John Smith", "according to"),
    ('Rail prices rose again.\n\n"Passengers are paying more for less," chairman and chief executive Richard '
     'Parsons said.', "Passengers", "Richard Parsons", "said"),
    ('The plan was described as "a recipe for disaster and more delays" by Mary Jones on Monday.',
     "recipe", "Mary Jones", "described"),
    ('John Smith was quoted as saying "passengers are paying more for less".',
     "passengers", "John Smith", "saying"),
])
def test_cue_patterns(analyse, text, fragment, speaker, cue):
    q = only(quotes_of(analyse, text), fragment)
    assert q.speaker == speaker
    assert q.cue == cue


def test_interrupted_quote_is_two_items_with_one_speaker(analyse):
    text = ('Fares rose by 5% in January.\n\n"We warned the minister about this," Mary Jones said, '
            '"and nobody listened to us at all."')
    quotes = quotes_of(analyse, text)
    assert [q.text for q in quotes] == ["We warned the minister about this,", "and nobody listened to us at all."]
    assert {q.speaker for q in quotes} == {"Mary Jones"}


def test_floating_quotes_inherit_the_previous_speaker(analyse):
    text = ('Fares rose by 5% in January.\n\n"We warned the minister about this," Mary Jones said. '
            '"Nobody listened to us at all."\n\n"We will keep campaigning until fares come down."')
    quotes = quotes_of(analyse, text)
    assert [q.speaker for q in quotes] == ["Mary Jones"] * 3
    assert quotes[1].cue == "continued"


def test_floating_quote_after_reported_speech_takes_its_speaker(analyse):
    text = ('Fares rose by 5% in January, John Smith said. Mary Jones insisted the rise was fair. '
            '"Rail companies have to pay for new trains somehow."')
    q = only(quotes_of(analyse, text), "Rail companies")
    assert q.speaker == "Mary Jones"
    assert q.cue == "after insisted"


def test_reopened_quote_takes_the_speaker_of_its_continuation(analyse):
    text = ('Kelly Brown won the race in Glasgow.\n\n"It was nice to get that one out of the way. '
            '"I felt good and just had to relax," said Brown.')
    quotes = quotes_of(analyse, text)
    assert [q.speaker for q in quotes] == ["Kelly Brown", "Kelly Brown"]


def test_pronouns_resolve_by_gender_and_never_appear_as_speakers(analyse):
    text = ('John Smith met Mary Jones in London on Monday.\n\n'
            '"We will not accept these cuts to our budget," she said.')
    q = only(quotes_of(analyse, text), "cuts")
    assert q.speaker == "Mary Jones"


def test_role_nouns_resolve_to_the_person_described(analyse):
    text = ('Double champion Hamid Rashid will run in Paris next month. '
            '"I only race when I feel I can win the title," said the 30-year-old, who retires next year.')
    assert only(quotes_of(analyse, text), "I only race").speaker == "Hamid Rashid"


def test_spokesman_for_an_organisation_speaks_for_it(analyse):
    text = ('Acme Holdings cut 500 jobs on Monday. A spokesman for Acme Holdings said: '
            '"This was a painful decision for everyone involved."')
    assert only(quotes_of(analyse, text), "painful").speaker == "Acme Holdings"


def test_unnamed_groups_become_group_speakers(analyse):
    text = 'Oil prices rose sharply on Monday.\n\nAnalysts said: "The market will stay nervous for some weeks."'
    an = analyse(text)
    q = only(an.quotes, "market")
    assert q.speaker == "Analysts"
    assert an.actor(q.actor_id).type == "GROUP"


def test_names_inside_a_quote_are_never_the_speaker(analyse):
    text = 'Talks resumed on Monday.\n\n"John Smith is wrong about everything," Mary Jones said.'
    assert only(quotes_of(analyse, text), "wrong").speaker == "Mary Jones"


def test_embedded_fragments_are_partial_with_a_speaker(analyse):
    text = 'Talks resumed on Monday. Mary Jones said the offer was "unacceptable" and walked out.'
    q = only(quotes_of(analyse, text), "unacceptable")
    assert q.kind == "partial"
    assert q.speaker == "Mary Jones"


@pytest.mark.parametrize("text", [
    'The army began "Operation Pillar of Defense" on Wednesday.',
    'Prisoners still follow the so-called "slopping out" routine, the report found.',
    'Civil cases are settled on the test of "a balance of probabilities" in Scotland.',
    'Her new novel "The Long Walk Home" sold well this year.',
    'The "slopping out" practice ended in 2004.',
])
def test_titles_names_and_scare_quotes_are_not_quotes(analyse, text):
    assert quotes_of(analyse, text) == ()


def test_a_title_like_quote_framed_by_a_cue_is_kept(analyse):
    text = 'Talks ended on Monday.\n\n"Thank You Very Much," Mary Jones said as she left.'
    assert only(quotes_of(analyse, text), "Thank You").speaker == "Mary Jones"


def test_headline_quotes_are_kept_as_partial(analyse):
    text = "Economy 'stronger than forecast'\n\nThe UK economy grew faster than thought, the Bank of England said."
    q = only(quotes_of(analyse, text), "stronger")
    assert q.kind == "partial"


def test_curly_and_single_quote_styles_attribute_alike(analyse):
    text = ("Talks ended on Monday.\n\n\u2018We will not sign this deal,\u2019 Mary Jones said. "
            "\u201cWe will never sign it,\u201d John Smith added.")
    quotes = quotes_of(analyse, text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will not sign this deal,", "Mary Jones"), ("We will never sign it,", "John Smith")]


def test_heading_lines_attribute_the_quote_that_follows(analyse):
    text = ("City 2-1 Rovers\n\n- City boss Sam Allen \"I am delighted with the way the lads kept going.\""
            "\n\n- Rovers boss Tom Baker \"We did not defend well enough today.\"")
    quotes = quotes_of(analyse, text)
    assert [q.speaker for q in quotes] == ["Sam Allen", "Tom Baker"]


_WORDS = st.sampled_from([
    "John Smith", "Mary Jones", "he", "she", "said", "told reporters", "added", "the minister",
    "according to", "analysts", "Acme Holdings", "a spokesman for", "win", "the cup", "it", "was",
    "'", '"', "\u201c", "\u201d", "\u2018", "\u2019", ",", ".", ":", "\n\n", "-", "?", "'s", "the so-called",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40))
def test_no_input_crashes_the_extractor_and_every_quote_is_valid(analyse, words):
    text = " ".join(words)
    an = analyse(text)
    ids = {a.id for a in an.actors}
    for q in an.quotes:
        assert 0 <= q.start < q.end <= len(an.article.text)
        assert an.article.text[q.start:q.end] == q.text
        assert q.kind in ("quote", "partial")
        assert q.speaker is None or q.speaker.lower() not in PRONOUNS
        if q.speaker is not None:
            assert q.cue
            assert q.actor_id in ids


def test_every_attributed_quote_on_a_longer_text_has_a_cue(analyse):
    text = ('Fares rose by 5% in January.\n\n"We warned the minister," Mary Jones said. "Nobody listened."\n\n'
            'John Smith, the transport secretary, said: "The rise is fair." He added: "Trains cost money."\n\n'
            '"We will keep campaigning until fares come down."')
    quotes = quotes_of(analyse, text)
    assert len(quotes) == 5
    assert all(q.speaker and q.cue for q in quotes)


def test_an_open_quote_ends_before_the_sentence_introducing_the_next():
    text = ('Cole added: "I hope they learn. "Of course he will. Smith is likely to play up front. '
            'Coach Tom Baker said: "Smith is an option."')
    assert spans_of(text) == ["I hope they learn.", "Of course he will. Smith is likely to play up front.",
                              "Smith is an option."]


def test_one_paragraph_is_never_a_headline(analyse):
    text = 'Robert Jackson joined Labour. Mr Howard was dismissive. "These things happen from time to time."'
    q = only(quotes_of(analyse, text), "These things")
    assert q.kind == "quote"
    assert q.speaker is not None and "Howard" in q.speaker
    assert q.cue == "mention"


def test_a_bare_spokesman_speaks_for_the_organisation_in_the_sentence_before(analyse):
    text = ('Civil rights groups attacked the plans.\n\nBut the Home Office defended the measures. '
            'A spokesman said: "These men cannot currently be prosecuted in open court."')
    assert only(quotes_of(analyse, text), "prosecuted").speaker == "Home Office"


def test_a_medium_quoting_someone_is_not_the_speaker(analyse):
    text = ('Shares rose on Monday.\n\n"The chief executive would be wrong not to talk to rivals," '
            'Reuters quoted Mark Lee as saying.')
    assert only(quotes_of(analyse, text), "chief executive").speaker == "Mark Lee"


def test_a_quote_that_ends_its_sentence_starts_a_new_one(analyse):
    text = ('Mary Jones also criticised the attacks, saying they were "reckless and wrong." '
            '"I strongly condemn these attacks and call for them to stop."')
    quotes = quotes_of(analyse, text)
    assert [q.speaker for q in quotes] == ["Mary Jones", "Mary Jones"]
    assert quotes[1].cue == "continued"


def test_a_headline_quote_belongs_to_the_speaker_of_the_first_sentence(analyse):
    text = ("'We will not give up the rebate'\n\n"
            "Britain will not renegotiate its budget rebate at next week's summit, Jack Straw said.\n\n"
            "The foreign secretary told MPs the rebate was fair.")
    q = only(quotes_of(analyse, text), "give up")
    assert q.speaker == "Jack Straw"
    assert q.cue == "lead said"
