"""Quote rules from a trial on real pages: manner verbs as cues, participle cues after a
pronoun, quoted titles of films and shows that are not speech. Texts written for these tests."""

from __future__ import annotations

import pytest


def speakers(quotes):
    return {q.text.rstrip(",. "): q.speaker for q in quotes}


@pytest.mark.parametrize("cue", ["Brandt chuckled", "Brandt fumed", "sighed Brandt", "quipped Brandt",
                                 "Brandt grinned", "he shrugged"])
def test_any_intransitive_verb_after_a_comma_quote_is_a_cue(analyse, cue):
    text = ("Film star wins award\n\nThe actor Tom Brandt won the prize on Sunday. "
            f"\"It was a tough part to play,\" {cue}.")
    assert speakers(analyse(text).quotes) == {"It was a tough part to play": "Tom Brandt"}


def test_a_verb_with_an_object_after_a_quote_is_no_cue(analyse):
    text = ("Film star wins award\n\nThe actor Tom Brandt won the prize on Sunday. Nora Quist, his agent, "
            "was not there. \"It was a tough part to play,\" Brandt closed the door behind him.")
    qs = analyse(text).quotes
    assert all(q.cue != "closed" for q in qs)


def test_quoted_film_titles_are_not_speech(analyse):
    text = ("'Nightjar' wins top prize at film awards\n\n"
            "Korean thriller \"Nightjar\" was the surprise winner on Sunday. \"Nightjar,\" a satire about "
            "money, is the first foreign film to win. \"Nightjar\" director Kim Sun said backstage that "
            "\"nobody could have predicted this.\" Actress Ada Lenz said the prize should have gone to "
            "British comedy \"Moorhen.\"")
    texts = [q.text for q in analyse(text).quotes]
    assert not any(t.strip(",.'\" ") in ("Nightjar", "Moorhen") for t in texts), texts
    assert any("nobody could have predicted" in t for t in texts)


def test_a_one_word_quote_with_a_cue_is_still_speech(analyse):
    text = ("Ferry strike\n\nThe union met on Friday. \"Never,\" said union leader Tom Rudd when asked "
            "whether the strike would end.")
    assert speakers(analyse(text).quotes).get("Never") == "Tom Rudd"


def test_he_added_after_a_womans_quote_is_not_hers(analyse):
    text = "Budget row\n\n\"It is unfair,\" said opposition leader Anna Berg. \"We will not change course,\" he added."
    sp = speakers(analyse(text).quotes)
    assert sp["It is unfair"] == "Anna Berg"
    assert sp["We will not change course"] != "Anna Berg"


def test_he_added_goes_to_the_man_named_as_subject_before(analyse):
    text = ("Budget row\n\nAnna Berg, the opposition leader, attacked the minister, Karl Weiss, on Monday. "
            "\"It is unfair,\" she said. Mr Weiss rejected the claim. \"We will not change course,\" he added.")
    sp = speakers(analyse(text).quotes)
    assert sp == {"It is unfair": "Anna Berg", "We will not change course": "Karl Weiss"}


def test_a_quoted_word_as_subject_takes_the_cue_closing_its_sentence(analyse):
    text = ("Family life\n\nMary Colt spoke to us at home. \"Hydrate\" was her son's favourite word, "
            "Mary Colt said. She ended the interview there.")
    assert speakers(analyse(text).quotes) == {"Hydrate": "Mary Colt"}
