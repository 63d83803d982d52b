"""Figures: the `what` phrase a reader scans in the Figures pane and the Markdown export.

Each class of nonsense found on real pages has a sentence here (written for these tests):
a bare copula or auxiliary, a lone verb that says nothing, a proper noun that is not what is
counted, a fragment across a sentence end, a name cut in half, phrases that run too long; and
multipliers ("three times as contagious") read as comparisons.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.analysis.figures import extract_figures

AUX = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
       "will", "would", "can", "could", "may", "might", "should", "must"}


@pytest.fixture(scope="module")
def figs(nlp):
    def run(text):
        return extract_figures(nlp(text))
    return run


def _find(figures, text):
    hits = [f for f in figures if f.text == text]
    assert hits, f"no figure {text!r} in {[f.text for f in figures]}"
    return hits[0]


def _sane(what: str | None) -> None:
    if what is None:
        return
    words = what.split()
    assert words, "an empty phrase should be None"
    assert words[-1].lower() not in AUX, what
    assert len(words) <= 6, what


# --- a copula or auxiliary is never the phrase, nor its last word ------------------------------

@pytest.mark.parametrize("sentence,figure,expect", [
    ('"Three is enough," the coach told reporters.', "Three", None),
    ("Of those admitted to hospital, 40% are over seventy.", "40%", None),
    ("Rail shares were up 12 pence, or 2.5%, at 480 pence.", "2.5%", "Rail shares"),
    ("Officials said the two brothers have the same lawyer.", "two", "brothers"),
    ("Critics said the city had only four buses.", "only four", "buses"),
])
def test_no_copula_or_auxiliary(figs, sentence, figure, expect):
    f = _find(figs(sentence), figure)
    _sane(f.what)
    assert f.what == expect


def test_a_light_have_adds_nothing(figs):
    fs = figs("The studio's $90 million film had six nominations.")
    assert _find(fs, "$90 million").what == "film"
    assert _find(fs, "six").what == "nominations"


# --- a lone verb must say what the figure is ----------------------------------------------------

def test_lone_verb_that_says_nothing_is_dropped(figs):
    f = _find(figs("The builder said it would only break even on the 900m Australian dollars (£480m) rebuild."),
              "900m Australian dollars")
    assert f.what is None or f.what.lower() not in ("break", "break even")


def test_lone_change_verb_is_kept(figs):
    f = _find(figs("Official data showed 4,200 died in the floods."), "4,200")
    assert f.what == "died"


# --- multipliers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,figure,expect,head", [
    ("Doctors said the new strain was about four times as infectious as the old one.", "about four",
     "times as infectious", None),
    ("The drought has made wildfires six times more likely to start.", "six", "times more likely", None),
    ("The new dam is five times bigger than the old one.", "five", "times bigger", None),
    ("Rents in the capital are three times the national average.", "three", "times the national average", "average"),
])
def test_multipliers(figs, sentence, figure, expect, head):
    f = _find(figs(sentence), figure)
    assert f.what == expect
    assert f.head == head


def test_a_frequency_is_no_multiplier(figs):
    f = _find(figs("She has stood for the council three times unsuccessfully in a small town."), "three")
    assert f.what is None or "unsuccessfully" not in f.what


def test_multiplier_proper_noun_subject_is_not_the_head(figs):
    f = _find(figs("Experts said Ebola was nearly two times as deadly as cholera."), "nearly two")
    assert f.head is None
    assert "Ebola" not in (f.what or "")


# --- "N% of those <verb>ed" -----------------------------------------------------------------------

def test_share_of_those_who(figs):
    f = _find(figs("Nurses said 45% of those vaccinated were over sixty."), "45%")
    assert f.what == "those vaccinated"


# --- a sentence end inside a token is a barrier ---------------------------------------------------

def test_no_phrase_across_a_sentence_end(figs):
    text = ("The airline's fares - £90m - will not cover its extra fuel bills - a forecast extra £140m. "
            "Revenue for the half was up 2.1% to £2.3bn.")
    fs = figs(text)
    assert _find(fs, "£140m").head == "bill"
    assert _find(fs, "£140m").what == "extra fuel bills"
    for t in ("2.1%", "£2.3bn"):
        f = _find(fs, t)
        assert f.head.lower() == "revenue"
        assert "extra" not in f.what


# --- names cut by the word limit, hyphenated verbs ------------------------------------------------

def test_a_name_is_not_cut_in_half(figs):
    f = _find(figs("The Dow Jones share index closed more than 2% lower at 10,500."), "more than 2%")
    assert f.what == "share index closed"


def test_hyphenated_verb_is_whole(figs):
    f = _find(figs("Five Welsh swimmers have been pre-selected for the games."), "Five")
    assert f.what == "Welsh swimmers pre-selected"


# --- dangling ends and long phrases ---------------------------------------------------------------

def test_agent_phrase_dropped_when_too_long(figs):
    f = _find(figs("Air Lanka has ordered 12 Boeing 737 MAX planes in a $1.1bn deal."), "12")
    assert f.head == "plane"
    _sane(f.what)
    assert not f.what.endswith(("by", "Air"))


def test_idiom_in_phrase_is_no_head(figs):
    f = _find(figs("Revenue was down 9% from the previous year to 3.1bn rupees in the face of fierce rivalry."),
              "3.1bn rupees")
    assert f.head == "revenue"


def test_copula_before_a_dash_measures_the_subject(figs):
    f = _find(figs("The number of arrests made in the city on Monday was 312 - down from 340 a day earlier."), "312")
    assert f.head == "arrest"


def test_points_count_points(figs):
    f = _find(figs("Leeds slipped 12 points behind the leaders after the defeat."), "12 points")
    assert f.head == "point"


def test_a_place_is_not_what_a_height_measures(figs):
    f = _find(figs("Petrova broke the record by clearing 4.91 metres in Donetsk on Sunday."), "4.91 metres")
    assert f.head != "Donetsk"


def test_model_number_that_rises_is_a_name(figs):
    fs = figs("Porsche said sales of the 928 rose 7% last year.")
    assert [f.text for f in fs] == ["7%"]


# --- property: every phrase is scannable -----------------------------------------------------------

_WORDS = ["the", "shares", "were", "up", "is", "are", "had", "have", "people", "three", "times", "as",
          "many", "£5m", "12%", "400", "of", "those", "polled", "rose", "fell", "by", "-", ".", "Two", "it"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=18))
def test_every_what_is_scannable(figs, words):
    for f in figs(" ".join(words)):
        _sane(f.what)
        if f.what is not None:
            assert not all(w.lower() in AUX | {"it", "the", "of", "those", "by", "as"} for w in f.what.split())


# --- proper nouns and dates that are not what is counted ----------------------------------------

def test_a_buyer_is_not_the_price(figs):
    fs = figs("Volvo sold a minority stake to Dutch bank Rabobank for 640m euros ($830m).")
    for t in ("640m euros", "$830m"):
        f = _find(fs, t)
        assert f.head != "Rabobank"
        assert "Rabobank" not in (f.what or "")


def test_a_month_is_not_what_a_loss_measures(figs):
    f = _find(figs("The group made a trading loss for the six months to June of 2.4bn yen ($22m)."), "2.4bn yen")
    assert f.head == "loss"


def test_the_day_is_not_what_rose(figs):
    fs = figs("The Hang Seng index ended the day up 1.4% at 14,250.30 points.")
    assert _find(fs, "1.4%").head == "index"


def test_a_scale_letter_is_not_a_noun(figs):
    f = _find(figs("Roughly 2.2m of the region's 3.4m voters are over forty."), "3.4m")
    assert f.head == "voter"
    assert f.what is not None and not f.what.startswith("m ")


def test_a_hyphenated_up_noun_is_a_head(figs):
    f = _find(figs("The Welsh line-up shows seven changes from last week."), "seven")
    assert f.head == "change"
    assert "line-up" in f.what


# --- who reports a figure is not what it counts ---------------------------------------------------

def test_a_speaker_is_not_what_is_counted(figs):
    f = _find(figs("Tom Reid says 24 UK top 250 companies reported for the first time."), "24")
    assert f.head == "company"
    assert "says" not in f.what


def test_a_reporting_verb_does_not_give_a_head(figs):
    f = _find(figs("The agency said rents rose 9.2% over the year, but by only 1.3% in the last quarter."), "only 1.3%")
    assert f.head != "agency"
    assert "said" not in (f.what or "")


def test_thanks_to_is_no_verb_link(figs):
    f = _find(figs("The airline avoided collapse thanks to a $2.5bn bail-out last spring."), "$2.5bn")
    assert f.what == "bail-out"


def test_add_jobs_keeps_its_verb(figs):
    f = _find(figs("The German economy added 212,000 jobs in March."), "212,000")
    assert f.head == "job"
    assert "added" in f.what


def test_an_abbreviation_is_no_sentence_end(figs):
    f = _find(figs("The Acme Corp. factory made 900 engines."), "900")
    assert f.what == "engines made by Acme Corp. factory"


def test_points_alone_still_read_points(figs):
    f = _find(figs("They are in 15th place, just two points above the relegation zone."), "just two points")
    assert f.head == "point"
    assert f.what == "points"


def test_a_quantifier_is_no_counted_noun(figs):
    f = _find(figs("The storm hit several of the 12 islands in the chain."), "12")
    assert f.head == "island"
    assert f.what == "islands"
