"""Actors decided by evidence in the text: a bare surname shared by several people, company
names spaced differently, companies and titles the model tags as people.
Every text here is written for the test; none comes from the shared corpus."""

from __future__ import annotations

import pytest

from test_actors import _debug, actors_of, people  # noqa: F401 - the same fixtures and helper


def owner_of(doc, index, actors, char: int) -> str | None:
    by_id = {a.id: a.name for a in actors}
    for a in actors:
        if any(s <= char < e for s, e in a.mentions):
            return a.name
    return None


SHARED = (
    "Senator Paul Garrow quits race\n\n"
    "Senator Paul Garrow will not seek another term, his office said on Friday. "
    "Paul Garrow has held the seat since 2004. "
    "His decision surprised Helen Garrow, his sister, who runs a bakery in the town. "
    "A website for a new candidate was registered by a Dennis Garrow, a cousin. "
    "Hours later Garrow announced he would leave politics. "
    "Critics said Senator Garrow had timed it to help a friend."
)


def test_bare_shared_surname_goes_to_the_most_salient_person(actors_of):
    doc, index, actors = actors_of(SHARED)
    ps = people(actors)
    assert {"Paul Garrow", "Helen Garrow", "Dennis Garrow"} <= set(ps)
    announced = SHARED.index("Garrow announced")
    assert owner_of(doc, index, actors, announced) == "Paul Garrow"
    titled = SHARED.index("Garrow had timed")
    assert owner_of(doc, index, actors, titled) == "Paul Garrow"
    assert len(ps["Dennis Garrow"].mentions) == 1 and len(ps["Helen Garrow"].mentions) == 1


def test_a_pronoun_after_the_bare_surname_chooses_by_gender(actors_of):
    text = ("Helen Garrow kept the shop. Paul Garrow ran the farm for years. Paul Garrow then sold it. "
            "Later Garrow said she would close the shop.")
    doc, index, actors = actors_of(text)
    assert owner_of(doc, index, actors, text.index("Garrow said")) == "Helen Garrow"


def test_bare_surname_named_in_the_same_sentence_keeps_that_person(actors_of):
    text = ("Paul Garrow won the race. Paul Garrow was delighted. "
            "His brother Dennis Garrow finished second, and Garrow said he was tired.")
    doc, index, actors = actors_of(text)
    assert owner_of(doc, index, actors, text.index("Garrow said")) == "Dennis Garrow"


@pytest.mark.parametrize("a, b", [("TimeNorth", "Time North"), ("Bright-Path", "BrightPath")])
def test_org_names_spaced_differently_are_one_actor(nlp, a, b):
    from briefing.analysis.clusters import org_key, org_same, Cluster
    c = Cluster(id="o1", type="ORG", name=b, words=b.split())
    assert org_same(org_key(a), c)
    assert not org_same(org_key("Time"), Cluster(id="o2", type="ORG", name="Time North", words=["Time", "North"]))


def test_org_spacing_variants_merge_in_a_text(analyse):
    text = ("Media group TimeNorth lifts profit\n\nMedia group Time North said on Monday its profit rose. "
            "TimeNorth said sales of films were strong.")
    orgs = [a for a in analyse(text).actors if a.type == "ORG" and "time" in a.name.lower()]
    assert len(orgs) == 1


def test_company_with_business_possessive_is_an_organisation(actors_of):
    text = ("The deal was reviewed by regulators. It concerned German printer Hallbeck's purchase of a "
            "stake in a radio network, which was booked as revenue.")
    _, _, actors = actors_of(text)
    assert "Hallbeck" not in people(actors)


def test_employer_after_of_is_not_a_person(actors_of):
    text = ("Fuel costs rose again. Yet aviation analyst Mark Penrose of Dransfeld Kleiber Wasserberg "
            "says the surcharge falls short.")
    _, _, actors = actors_of(text)
    ps = people(actors)
    assert "Mark Penrose" in ps
    assert not any("Wasserberg" in n for n in ps)


def test_real_people_after_of_stay_people(actors_of):
    text = "The house of Martin Fell was sold. Martin Fell said he was sad."
    _, _, actors = actors_of(text)
    assert "Martin Fell" in people(actors)


def test_quoted_titles_and_awards_are_not_people(actors_of):
    text = ("Thriller wins top prize, boosting Oscar chances\n\n"
            "The thriller \"Nightjar\" won the ensemble prize. The actor who won a posthumous Oscar "
            "was remembered. The comedy \"The Curious Mrs Pellow\" also won, and \"Mrs Pellow\" star "
            "Anna Ferris said thanks. The film was snubbed by the Baftas, Golden Globes and critics. "
            "Anna Ferris said she was thrilled.")
    _, _, actors = actors_of(text)
    ps = people(actors)
    assert "Anna Ferris" in ps
    for name in ("Oscar", "Mrs Pellow", "Pellow", "Globes", "Golden Globes", "Nightjar"):
        assert name not in ps, ps


def test_a_real_person_called_oscar_stays(actors_of):
    text = "Oscar Lindqvist scored twice. Oscar said after the game that he was happy."
    _, _, actors = actors_of(text)
    assert "Oscar Lindqvist" in people(actors)


def test_gender_of_an_unknown_first_name_comes_from_she_after_it(analyse):
    text = ("Royal interview\n\nPresenter Zorvana Colby asked Prince Edwin about his family. Colby said "
            "she was surprised by the answers. When Colby asked if he could name the relative, he "
            "declined, saying \"I am not comfortable with sharing that.\" Colby later said the relative "
            "was not his father.\n\n\"But it was right at the start,\" he added.")
    qs = analyse(text).quotes
    assert [q.speaker for q in qs] == ["Prince Edwin", "Prince Edwin"]


def test_asking_verbs_and_possessives_teach_no_gender(actors_of):
    text = ("Zorvana Colby asked if he could stay. Colby later said the relative was not his father.")
    doc, index, _ = actors_of(text)
    c = next(c for c in index.clusters if c.name == "Zorvana Colby")
    assert c.gender is None


def test_a_surname_mostly_tagged_as_a_person_stays_a_person(actors_of):
    text = ("Singer Marisol Quenby sold out the arena. Quenby sang for two hours. Later Quenby thanked "
            "fans, and Quenby said she would return. The Quenby Foundation gave money to a school. "
            "Quenby smiled.")
    _, index, actors = actors_of(text)
    assert any("Quenby" in a.name for a in actors if a.type == "PERSON")


def test_the_adjective_before_a_surname_keeps_the_person(actors_of):
    text = ("Jauzet would have started instead of the South African-born Liebenhof had he been fit. "
            "Liebenhof wins his first cap.")
    _, _, actors = actors_of(text)
    assert "Liebenhof" in people(actors)


def test_title_nominal_goes_to_the_salient_holder(actors_of):
    text = ("Prince Edwin spoke about his life. Edwin said he had been lonely. Edwin said his wife "
            "had helped. He said the question had not come from Prince Osric, his grandfather. "
            "But the prince hit back at reports that he had misled the family.")
    doc, index, actors = actors_of(text)
    ps = people(actors)
    nominal = text.index("the prince")
    assert owner_of(doc, index, actors, nominal) == "Prince Edwin"


def test_a_one_word_name_before_a_job_and_a_person_is_the_employer(actors_of):
    text = ("Tech chiefs clash\n\nThe row grew on Monday as Quorvo CEO Jack Delmar and Salesforce chief "
            "Marc Benning traded barbs. Jack Delmar said he was not worried. Quorvo shares fell.")
    _, index, actors = actors_of(text)
    ps = people(actors)
    assert {"Jack Delmar", "Marc Benning"} <= set(ps)
    assert "Quorvo" not in ps


def test_a_person_known_by_full_name_before_a_job_stays_a_person(actors_of):
    text = ("Tony Marsh spoke first. Later the Marsh aide Tom Cole said the plan was sound. "
            "Tony Marsh agreed.")
    _, _, actors = actors_of(text)
    assert "Tony Marsh" in people(actors)


@pytest.mark.parametrize("text, name", [
    ("She told the Dan Weston Interview podcast that she was happy.", "Dan Weston Interview"),
    ("Samaritans and Helpers Worldwide also give advice.", "Helpers Worldwide"),
])
def test_a_name_ending_in_a_programme_or_org_word_is_no_person(nlp, text, name):
    from briefing.analysis.mentions import person_mention
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    assert person_mention(doc, start, start + len(name.split())) is None


def test_a_title_on_a_bare_surname_picks_the_holder(actors_of):
    text = ("Ada Garrow opened the shop. Ada Garrow thanked customers. Ada Garrow also spoke to "
            "reporters. Senator Paul Garrow, her cousin, was not there. Later Senator Garrow said the "
            "shop was good.")
    doc, index, actors = actors_of(text)
    assert owner_of(doc, index, actors, text.index("Garrow said")) == "Paul Garrow"


def test_bare_surname_after_a_sentence_whose_subject_is_the_other_namesake(actors_of):
    text = ("Coach Andy Marlow attacked the referee. Marlow said the tries were good. Critics said "
            "full-back Jason Marlow would be the only Englishman in the team. Marlow has been blamed "
            "for poor leadership this year.")
    doc, index, actors = actors_of(text)
    assert owner_of(doc, index, actors, text.index("Marlow has been")) == "Jason Marlow"
    assert owner_of(doc, index, actors, text.index("Marlow said")) == "Andy Marlow"

