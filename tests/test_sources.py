from briefing.sources import load_briefing
from briefing.sources.text import make_title


def test_headline_first_line_is_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Mayor opens new bridge\r\n\r\nThe mayor said it was \"a great day\".\r\n", encoding="utf-8")
    b = load_briefing([str(p)])
    (art,) = b.articles
    assert art.title == "Mayor opens new bridge"
    assert "\r" not in art.text
    assert art.text.startswith("Mayor opens new bridge\n\nThe mayor")


def test_long_first_sentence_gives_a_lead():
    text = ("Officials in the northern town said on Monday that the flooding had forced hundreds "
            "of families from their homes. More rain is expected.")
    title = make_title(text)
    assert title.startswith("Officials in the northern town")
    assert len(title) < 90


def test_folder_is_recursive_and_errors_do_not_stop_the_rest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One\n\nBody one.", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Two\n\nBody two.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    b = load_briefing([str(tmp_path), str(tmp_path / "missing.txt")])
    assert sorted(a.title for a in b.articles) == ["One", "Two"]
    messages = " | ".join(e.message for e in b.errors)
    assert "empty file" in messages and "no such file" in messages


def test_control_characters_never_reach_the_article(tmp_path):
    p = tmp_path / "evil.txt"
    p.write_bytes(b"Head\x1b[31mline\n\nBody \x9b with \xe2\x80\xae bidi")
    (art,) = load_briefing([str(p)]).articles
    assert "\x1b" not in art.text and "\u202e" not in art.text
    assert "\x1b" not in art.title


def test_seed_ships_with_the_project():
    from conftest import SEED

    (art,) = load_briefing([str(SEED)]).articles
    assert art.title.startswith("UN Secretary-General Ban Ki-Moon")  # no "Baku-APA." dateline


def test_a_dateline_is_not_the_title():
    assert make_title("Portree-WNS. The harbour wall gave way overnight after a week of storms, "
                      "the council said.").startswith("The harbour wall gave way")
    assert make_title("OSLO (Wire) - Ferry crews voted on Friday to end a strike over pay "
                      "and rotas.").startswith("Ferry crews voted")
    # Not datelines: a title abbreviation, a name in dashes, an initialism.
    assert make_title("Mr. Lund went to the harbour on Monday to meet the ferry crews and "
                      "owners.").startswith("Mr. Lund went")
    assert make_title("FERRYCO - the operator - said on Monday it would add two sailings "
                      "a day.").startswith("FERRYCO - the operator")
    assert make_title("U.S. ferry fares rose on Monday as fuel costs climbed for a third "
                      "week.").startswith("U.S. ferry fares")
