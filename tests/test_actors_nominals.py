"""Nominals and names added for unseen text: nationality keys across demonyms and places,
scores glued to a name. Texts written for these tests."""

from __future__ import annotations

import pytest

from briefing.analysis import names as N


@pytest.mark.parametrize("word, key", [
    ("Britain", "british"), ("Briton", "british"), ("British", "british"), ("Britain's", "british"),
    ("Kenya", "kenyan"), ("Kenyan", "kenyan"), ("Italy", "italian"), ("Canada", "canadian"),
    ("France", "french"), ("Frenchman", "french"), ("US", "american"), ("American", "american"),
    ("Egypt", "egyptian"), ("Scotland", "scottish"), ("Scot", "scottish"),
])
def test_nation_key(word, key):
    assert N.nation_key(word) == key


def test_the_briton_is_the_person_from_britain(analyse):
    text = ("Roddick into final\n\nAmerican Andy Roddick beat Britain's Tim Henman 6-4 6-3 to reach the "
            "final in Dubai on Saturday.\n\nHenman had won their last two meetings. \"I served well today "
            "and that was the key,\" said the American. The Briton was disappointed. \"I never got going,\" "
            "the 30-year-old said.")
    an = analyse(text)
    speakers = [q.speaker for q in an.quotes]
    assert speakers == ["Andy Roddick", "Tim Henman"]


def test_a_score_after_a_name_is_not_part_of_it(analyse):
    an = analyse("Results\n\nMaria Lenz beat Tina Ober 6-4 6-3 on Monday in the first round.")
    names = {a.name for a in an.actors}
    assert "Tina Ober" in names
