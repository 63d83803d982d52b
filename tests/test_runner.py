"""The runner: batching plans, long texts in pieces, the worker pool, cache-first order."""

from __future__ import annotations

import json
import multiprocessing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis import runner
from briefing.analysis.nlp import ModelError
from briefing.analysis.pipeline import analyse_articles, split_text
from briefing.analysis.workers import PoolFailed, analyse_in_pool, plan_batches
from briefing.sources.text import article_from_text
from briefing.storage.cache import AnalysisCache, predict_model_id

PEOPLE = ["Anna Kowalczyk", "Tomas Lindqvist", "Grace Mbeki", "Rafael Ortega", "Yuki Tanaka"]
FIRMS = ["Northgate Rail", "Copperfield Bank", "Siltstone Mining"]


def paragraph(k: int) -> str:
    person = PEOPLE[k % len(PEOPLE)]
    firm = FIRMS[k % len(FIRMS)]
    return (
        f"{firm} reported a profit of {100 + 7 * k} million dollars for the quarter, "
        f"up {3 + k % 9}% on a year earlier. "
        f'"We expect the next year to be harder than this one for everybody," said {person}, '
        f"who runs the company's operations in {['Leeds', 'Lyon', 'Lagos'][k % 3]}.\n\n"
    )


def long_text(paragraphs: int = 30) -> str:
    return "Quarterly results season\n\n" + "".join(paragraph(k) for k in range(paragraphs))


SHORT = [
    'Harbour fees will rise by 4% next spring, the port authority said on Tuesday. '
    '"Nobody likes paying more for the same berth," said harbour master Ivo Brandt.',
    "Riverside Council approved 35 new homes on the old dairy site after a long debate. "
    'Councillor Petra Hale said: "This is the right place for family housing."',
    "The cycling club counted 1,200 members in March, twice as many as two years ago. "
    "Its chair, Olu Adeyemi, said the new lanes had made the difference.",
    'Shares in Copperfield Bank fell 6% after it warned on profits. '
    '"The outlook for lending has clearly weakened this quarter," said analyst Dana Reyes.',
]


def articles(texts):
    return [article_from_text(t, f"a{k}.txt") for k, t in enumerate(texts)]


# --- plans -------------------------------------------------------------------------------

@given(st.integers(0, 2000), st.integers(1, 8))
def test_batches_cover_everything_first_alone(n, workers):
    sizes = plan_batches(n, workers)
    assert sum(sizes) == n
    assert all(1 <= s <= 12 for s in sizes)
    if n:
        assert sizes[0] == 1
    if n > 100:  # the tail shrinks so the workers finish together
        assert sizes[-1] <= 2 < max(sizes)


def test_workers_only_for_many_articles_and_cores():
    assert runner.plan_workers(runner.PARALLEL_FROM - 1, cpus=2) == 0
    assert runner.plan_workers(240, cpus=1) == 0
    assert runner.plan_workers(240, cpus=2) == 2
    assert runner.plan_workers(240, cpus=64) == runner.MAX_WORKERS
    assert runner.plan_workers(30, cpus=8) == 2


# --- splitting ---------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n\t\"'!?"), max_size=600), st.integers(2, 80))
def test_split_gives_the_text_back_in_bounded_pieces(text, limit):
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(pieces) or text == ""
    assert all(len(p) <= limit for p in pieces)


def test_split_prefers_paragraph_breaks():
    text = long_text(20)
    pieces = split_text(text, 1000)
    assert len(pieces) > 3
    for piece in pieces[:-1]:
        assert piece.endswith("\n\n")
    for piece in pieces[1:]:
        assert not piece[0].isspace()


def test_split_without_any_break_still_bounded():
    text = "x" * 2500
    assert [len(p) for p in split_text(text, 1000)] == [1000, 1000, 500]


# --- long documents ----------------------------------------------------------------------

def test_long_text_in_pieces_keeps_offsets_exact(nlp):
    text = long_text(30)
    (article,) = articles([text])
    assert len(split_text(article.text, 1000)) > 5
    (an,) = analyse_articles(nlp, [article], "m", long_text=2000, piece_size=1000)
    t = an.article.text
    assert an.quotes and an.figures and an.actors
    for q in an.quotes:
        assert t[q.start:q.end] == q.text
    for f in an.figures:
        assert t[f.start:f.end] == f.text
        if f.sentence:
            assert 0 <= f.sentence[0] <= f.start < f.end <= f.sentence[1] <= len(t)
    for a in an.actors:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(t)
    # Results from the last piece are found, with offsets into the whole text.
    last = t.rindex("We expect the next year")
    assert any(q.start <= last < q.end for q in an.quotes)
    assert any(f.start > len(t) - 1000 for f in an.figures)
    # One actor per person across pieces, with mentions from several pieces.
    names = [a.name for a in an.actors]
    assert len(names) == len(set(names))
    people = [a for a in an.actors if a.name in PEOPLE]
    assert people
    for person in people:
        starts = [s for s, _ in person.mentions]
        assert max(starts) - min(starts) > 2000


def test_long_text_finds_what_the_whole_text_finds(nlp):
    (article,) = articles([long_text(12)])
    (whole,) = analyse_articles(nlp, [article], "m")
    (split,) = analyse_articles(nlp, [article], "m", long_text=1500, piece_size=800)
    assert {f.text for f in split.figures} == {f.text for f in whole.figures}
    assert len(split.quotes) == len(whole.quotes)


# --- the runner and the pool -------------------------------------------------------------

def _content(an):
    return (an.quotes, an.actors, an.figures, an.model)


def test_pool_gives_the_same_results_as_in_process():
    arts = articles(SHORT * 2)
    here = dict(runner.iter_analyses(arts, None, use_cache=False, workers=0))
    pooled = list(runner.iter_analyses(arts, None, use_cache=False, workers=2))
    assert sorted(i for i, _ in pooled) == list(range(len(arts)))
    for i, an in pooled:
        assert an.article is arts[i]
        assert _content(an) == _content(here[i])
    assert not multiprocessing.active_children()


def test_closing_early_stops_the_workers():
    gen = analyse_in_pool(list(enumerate(articles(SHORT * 3))), None, workers=2)
    i, an = next(gen)
    assert an.quotes or an.figures
    gen.close()
    assert not multiprocessing.active_children()


def test_pool_that_cannot_load_the_model_reports_everything_left():
    arts = articles(SHORT)
    with pytest.raises(PoolFailed) as failed:
        list(analyse_in_pool(list(enumerate(arts)), "no_such_model_xyz", workers=2))
    assert failed.value.remaining == [0, 1, 2, 3]
    assert "no_such_model_xyz" in failed.value.reason


def test_runner_falls_back_and_raises_the_real_error():
    with pytest.raises(ModelError, match="no_such_model_xyz"):
        list(runner.iter_analyses(articles(SHORT), "no_such_model_xyz", use_cache=False,
                                  workers=2))


def test_cached_articles_come_first_and_the_rest_are_cached(monkeypatch):
    arts = articles(SHORT)
    model = predict_model_id(None)
    cache = AnalysisCache.default()
    (warm,) = [an for _, an in runner.iter_analyses([arts[2]], None, workers=0)]
    assert cache.get(arts[2], model) is not None
    stages = []
    order = [i for i, _ in runner.iter_analyses(arts, None, workers=0, progress=stages.append)]
    assert order[0] == 2 and sorted(order) == [0, 1, 2, 3]
    assert any("loading" in s for s in stages)
    assert all(cache.get(a, model) is not None for a in arts)
    # Now nothing is left to do: no stage is reported, nothing is loaded.
    stages.clear()
    again, label = runner.analyse_all(arts, None, progress=stages.append)
    assert [a.article for a in again] == arts and stages == [] and "core_web_sm" in label


def test_no_cache_neither_reads_nor_writes():
    arts = articles(SHORT[:1])
    list(runner.iter_analyses(arts, None, use_cache=False, workers=0))
    assert AnalysisCache.default().get(arts[0], predict_model_id(None)) is None


def test_interactive_mode_plans_a_worker_even_for_one_article():
    assert runner.plan_workers(1, cpus=2, interactive=True) == 1
    assert runner.plan_workers(1, cpus=2) == 0
    assert runner.plan_workers(0, cpus=2, interactive=True) == 0


def test_interactive_analysis_never_imports_spacy_in_the_caller():
    """What the TUI relies on: its own process stays light while the workers parse."""
    import subprocess
    import sys

    from conftest import ROOT

    probe = (
        "import json, sys\n"
        "from briefing.analysis.runner import iter_analyses\n"
        "from briefing.sources.text import article_from_text\n"
        "texts = sys.stdin.read().split('\\n---\\n')\n"
        "arts = [article_from_text(t, f'a{k}.txt') for k, t in enumerate(texts)]\n"
        "got = dict(iter_analyses(arts, None, use_cache=False))\n"
        "heavy = any(m.split('.')[0] in ('spacy', 'thinc') for m in sys.modules)\n"
        "print(json.dumps([sorted(got), sum(len(a.quotes) for a in got.values()), heavy]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], input="\n---\n".join(SHORT[:2]),
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    indices, quotes, imported = json.loads(out.stdout)
    assert indices == [0, 1] and quotes >= 1 and imported is False


def test_cancelled_ends_the_iteration_and_stops_the_workers():
    arts = articles(SHORT * 6)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    got = list(runner.iter_analyses(arts, None, use_cache=False, workers=2, cancelled=cancelled))
    assert len(got) < len(arts)
    assert not multiprocessing.active_children()


def test_merge_pieces_shifts_offsets_and_merges_actors_by_name():
    from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
    from briefing.analysis.pipeline import merge_pieces

    one = 'Mara Olsen runs Bluewater. "We will grow," said Mara Olsen.\n\n'
    two = 'Olsen added: "Ten ships is the plan." Bluewater has 120 staff.\n'
    whole = Article(id="w", source="w.txt", title="W", text=one + two)

    def span(text, part, at=0):
        s = text.index(part, at)
        return s, s + len(part)

    q1 = span(one, '"We will grow,"')
    p1 = ArticleAnalysis(
        Article("w", "w.txt", "W", one),
        quotes=(Quote(*q1, '"We will grow,"', "Mara Olsen", "a1", "said"),),
        actors=(Actor("a1", "Mara Olsen", "PERSON", "chief", (), (span(one, "Mara Olsen"),), 1),
                Actor("a2", "Bluewater", "ORG", None, (), (span(one, "Bluewater"),), 0)))
    q2 = span(two, '"Ten ships is the plan."')
    f2 = span(two, "120 staff")
    p2 = ArticleAnalysis(
        Article("w", "w.txt", "W", two),
        quotes=(Quote(*q2, '"Ten ships is the plan."', "Olsen", "a2", "added"),),
        actors=(Actor("a1", "Bluewater", "ORG", None, (), (span(two, "Bluewater"),), 0),
                Actor("a2", "Olsen", "PERSON", None, (), (span(two, "Olsen"),), 1)),
        figures=(Figure(*f2, "120 staff", 120, None, "staff", "staff", (span(two, "Bluewater")[0], len(two) - 1)),))
    merged = merge_pieces([(0, p1), (len(one), p2)], whole, "m")
    t = whole.text
    assert [a.name for a in merged.actors] == ["Mara Olsen", "Bluewater"]
    olsen, blue = merged.actors
    assert olsen.quote_count == 2 and olsen.aliases == ("Olsen",) and olsen.role == "chief"
    assert [t[s:e] for s, e in olsen.mentions] == ["Mara Olsen", "Olsen"]
    assert [t[s:e] for s, e in blue.mentions] == ["Bluewater", "Bluewater"]
    assert [q.actor_id for q in merged.quotes] == [olsen.id, olsen.id]
    for q in merged.quotes:
        assert t[q.start:q.end] == q.text
    (fig,) = merged.figures
    assert t[fig.start:fig.end] == "120 staff"
    assert t[fig.sentence[0]:fig.sentence[1]].startswith("Bluewater has 120")
