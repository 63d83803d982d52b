"""Review marks: item keys, the SQLite store, persistence across runs, concurrency, damage."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
from briefing.sources.text import article_from_text
from briefing.storage import review
from briefing.storage.review import (NO_MARK, ItemRef, Mark, Progress, ReviewError, ReviewStore,
                                     item_key, item_refs, load_marks, progress_of)

ROOT = Path(__file__).resolve().parent.parent

TEXT = ("Jane Smith, the finance minister, said: \"We will cut 300 jobs this year.\"\n"
        "The union said 40 members were angry.")


def make_analysis(text: str = TEXT, source: str = "a.txt") -> ArticleAnalysis:
    article = article_from_text(text, source)
    q_start = text.index("We will")
    q_end = text.index('."') + 1
    quote = Quote(q_start, q_end, text[q_start:q_end], "Jane Smith", "a1")
    actors = (Actor("a1", "Jane Smith", "PERSON", "finance minister", (), ((0, 10),), 1),
              Actor("a2", "union", "GROUP"))
    figs = []
    for piece, what in (("300", "jobs cut"), ("40", "union members angry")):
        at = text.index(piece)
        figs.append(Figure(at, at + len(piece), piece, int(piece), None, None, what))
    return ArticleAnalysis(article, (quote,), actors, tuple(figs), "m")


# -- keys ---------------------------------------------------------------------------------------


def test_item_keys_are_spans_and_names():
    an = make_analysis()
    q, f = an.quotes[0], an.figures[0]
    assert item_key("quote", q) == f"{q.start}:{q.end}"
    assert item_key("figure", f) == f"{f.start}:{f.end}"
    assert item_key("actor", Actor("x9", "  Jane\n SMITH ", "PERSON")) == "jane smith"
    assert ItemRef.of(an.actors[0]) == ItemRef.of(Actor("other-id", "Jane Smith", "ORG"))
    assert ItemRef.of(an.article).id == "article:"
    assert ItemRef.of(q).label == q.text
    ref = ItemRef.of(f)
    assert ItemRef.parse(ref.id) == ref and ref.id == f"figure:{f.start}:{f.end}"
    with pytest.raises(ValueError):
        ItemRef("paragraph", "1")
    with pytest.raises(TypeError):
        ItemRef.of("not an item")  # type: ignore[arg-type]


def test_item_refs_count_each_item_once():
    an = make_analysis()
    twin = ArticleAnalysis(an.article, an.quotes, an.actors + (Actor("a3", "JANE SMITH", "PERSON"),),
                           an.figures)
    refs = item_refs(twin)
    assert len(refs) == 5 == len({r.id for r in refs})
    assert [r.kind for r in refs] == ["quote", "actor", "actor", "figure", "figure"]


def test_mark_symbols_and_progress_label():
    assert NO_MARK.symbol == "  " and NO_MARK.empty
    assert Mark(reviewed=True).symbol == "✓ "
    assert Mark(flagged=True, note="x").symbol == " ⚑"
    assert Mark(note="x").symbol == " ✎"
    assert Progress(7, 12, 2).label == "7/12 reviewed, 2 flagged"
    assert Progress(3, 12, 0).label == "3/12 reviewed"
    assert Progress(2, 2, 0).done and not Progress(1, 2, 0).done and not Progress(0, 0, 0).done


# -- the store in one process ---------------------------------------------------------------


def test_marks_round_trip_in_one_store(tmp_path):
    an = make_analysis()
    aid = an.article.id
    q, actor, fig = ItemRef.of(an.quotes[0]), ItemRef.of(an.actors[0]), ItemRef.of(an.figures[1])
    with ReviewStore.open(tmp_path / "r.sqlite3") as store:
        assert store.message is None and store.persistent
        assert store.get(aid, q) == NO_MARK
        assert store.toggle_reviewed(aid, q).reviewed
        assert store.toggle_flag(aid, actor).flagged
        m = store.set_note(aid, fig, "  check\x1b[31m this  ")
        assert m.note == "check\u241b[31m this"  # sanitised: no escape sequences, trimmed
        assert store.set_reviewed(aid, fig).reviewed
        marks = store.for_article(aid)
        assert set(marks) == {q.id, actor.id, fig.id}
        assert marks[q.id].label == an.quotes[0].text
        assert store.progress(an) == (2, 5, 1)
        assert progress_of(an, marks).label == "2/5 reviewed, 1 flagged"
        # toggling back: rows that carry nothing are removed
        assert not store.toggle_reviewed(aid, q).reviewed
        assert q.id not in store.for_article(aid)
        assert store.set_note(aid, fig, "").note == ""
        assert store.get(aid, fig) == Mark(reviewed=True, label="40", updated_at=store.get(aid, fig).updated_at)
        assert store.for_article("no-such-article") == {}
        assert store.integrity_ok()


def test_article_reviewed_when_all_items_are(tmp_path):
    an = make_analysis()
    with ReviewStore.open(tmp_path / "r.sqlite3") as store:
        store.toggle_flag(an.article.id, ItemRef.of(an.figures[0]))
        assert store.toggle_article_reviewed(an) == (5, 5, 1)
        assert store.progress(an).done
        assert store.toggle_article_reviewed(an) == (0, 5, 1)  # all were reviewed: space undoes
        store.set_reviewed(an.article.id, ItemRef.of(an.quotes[0]))
        assert store.toggle_article_reviewed(an) == (5, 5, 1)  # some were: space completes
        assert store.get(an.article.id, ItemRef.of(an.figures[0])).flagged  # flags untouched


def test_marks_follow_the_content_not_the_file(tmp_path):
    an = make_analysis(source="old/name.txt")
    moved = make_analysis(source="new/place/renamed.txt")
    edited = make_analysis(TEXT + "\nA late paragraph.", source="old/name.txt")
    with ReviewStore.open(tmp_path / "r.sqlite3") as store:
        store.toggle_flag(an.article.id, ItemRef.of(an.quotes[0]))
        assert store.progress(moved).flagged == 1
        assert store.progress(edited).flagged == 0


def test_memory_store_and_articles_batch():
    store = ReviewStore.memory()
    assert not store.persistent
    ids = [f"art{i}" for i in range(1200)]  # more than one IN (...) chunk
    ref = ItemRef("article", "")
    for aid in ids[::100]:
        store.set_note(aid, ref, f"note {aid}")
    got = store.for_articles(ids)
    assert sorted(got) == sorted(ids[::100])
    assert got["art1100"][ref.id].note == "note art1100"


# -- persistence across runs ----------------------------------------------------------------

_RUN = """
import json, sys
from briefing.sources.text import article_from_text
from briefing.storage.review import ReviewStore, ItemRef, default_path
from briefing.model import Quote, Actor
text = sys.argv[2]
art = article_from_text(text, sys.argv[3])
store = ReviewStore.open()
quote = ItemRef("quote", "0:5", "Hello")
actor = ItemRef.of(Actor("x", "Jane Smith", "PERSON"))
if sys.argv[1] == "write":
    store.set_reviewed(art.id, quote)
    store.toggle_flag(art.id, actor)
    store.set_note(art.id, actor, "ask about the date")
marks = store.for_article(art.id)
print(json.dumps({"path": str(default_path()), "message": store.message,
                  "marks": {k: [m.reviewed, m.flagged, m.note] for k, m in marks.items()}}))
"""


def _run(mode: str, source: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", _RUN, mode, "Hello there, Jane Smith said.", source],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_marks_persist_across_two_runs(isolated_dirs):
    first = _run("write", "one.txt")
    second = _run("read", "somewhere/else.txt")  # a new process; the same text under another name
    assert first["message"] is None and second["message"] is None
    expected = {"quote:0:5": [True, False, ""], "actor:jane smith": [False, True, "ask about the date"]}
    assert first["marks"] == expected
    assert second["marks"] == expected
    path = Path(second["path"])
    assert path == isolated_dirs / "XDG_DATA_HOME" / "briefing" / "review.sqlite3"
    assert path.is_file()


# -- two writers at once ----------------------------------------------------------------------


def _writer(path: str, who: int, rounds: int, barrier) -> None:
    store = ReviewStore.open(path)
    shared = ItemRef("quote", "10:20", "shared")
    own = ItemRef("figure", f"{who}:{who + 1}")
    barrier.wait()
    for i in range(rounds):
        store.toggle_flag("art", shared)
        store.toggle_reviewed("art", shared)
        store.set_note("art", own, f"writer {who} round {i}")
        store.toggle_reviewed("art", own)
    store.close()


def test_two_processes_toggling_the_same_marks(tmp_path):
    path = tmp_path / "review.sqlite3"
    ReviewStore.open(path).close()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    rounds = (60, 61)  # 121 toggles of the shared item in all: it must end flagged and reviewed
    procs = [ctx.Process(target=_writer, args=(str(path), who, n, barrier)) for who, n in enumerate(rounds)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0, 0]
    with ReviewStore.open(path) as store:
        assert store.message is None
        assert store.integrity_ok()
        marks = store.for_article("art")
    assert marks["quote:10:20"].flagged and marks["quote:10:20"].reviewed  # no toggle was lost
    for who, n in enumerate(rounds):
        mark = marks[f"figure:{who}:{who + 1}"]
        assert mark.note == f"writer {who} round {n - 1}"
        assert mark.reviewed == (n % 2 == 1)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


# -- damage and unwritable places -----------------------------------------------------------


def test_a_file_that_is_not_a_database_is_set_aside(tmp_path):
    path = tmp_path / "review.sqlite3"
    path.write_bytes(b"this is not SQLite at all\n" * 200)
    store = ReviewStore.open(path)
    assert store.persistent
    assert "damaged" in store.message and ".corrupt-" in store.message
    kept = list(tmp_path.glob("review.sqlite3.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not SQLite")
    store.toggle_flag("a", ItemRef("article", ""))
    store.close()
    with ReviewStore.open(path) as again:
        assert again.message is None and again.get("a", ItemRef("article", "")).flagged


def test_a_damaged_page_is_found_and_set_aside(tmp_path):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        for i in range(400):
            store.set_note(f"article-{i:04d}", ItemRef("quote", f"{i}:{i + 9}"), "n" * 50)
    con = sqlite3.connect(path)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    assert pages > 4
    with open(path, "r+b") as fh:  # scribble over the pages after the first
        fh.seek(page)
        fh.write(b"\xa5" * page * 3)
    store = ReviewStore.open(path)
    assert store.message and "damaged" in store.message
    assert list(tmp_path.glob("review.sqlite3.corrupt-*"))
    assert store.for_articles([f"article-{i:04d}" for i in range(400)]) == {}
    assert store.integrity_ok()
    store.close()


def test_unwritable_data_dir_works_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    store = ReviewStore.open(blocker / "briefing" / "review.sqlite3")
    assert not store.persistent
    assert "session only" in store.message
    assert store.toggle_flag("a", ItemRef("article", "")).flagged
    assert store.progress(make_analysis()) == (0, 5, 0)


def test_unwritable_saved_store_shows_its_marks(tmp_path, monkeypatch):
    path = tmp_path / "review.sqlite3"
    with ReviewStore.open(path) as store:
        store.toggle_flag("a", ItemRef("quote", "1:2"))
    before = path.read_bytes()

    def read_only(_path):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(review, "_connect", read_only)
    store = ReviewStore.open(path)
    assert not store.persistent
    assert "readonly" in store.message and "showing saved marks" in store.message
    assert store.get("a", ItemRef("quote", "1:2")).flagged
    store.toggle_flag("a", ItemRef("quote", "1:2"))  # works, in memory
    assert path.read_bytes() == before and not list(tmp_path.glob("*.corrupt-*"))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file modes")
def test_read_only_folder_on_disk(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with ReviewStore.open(folder / "review.sqlite3") as store:
        store.toggle_flag("a", ItemRef("quote", "1:2"))
    folder.chmod(0o555)
    try:
        store = ReviewStore.open(folder / "review.sqlite3")
        assert store.get("a", ItemRef("quote", "1:2")).flagged
        store.toggle_reviewed("a", ItemRef("quote", "1:2"))
        store.close()
    finally:
        folder.chmod(0o755)


def test_a_busy_database_is_not_mistaken_for_damage(tmp_path, monkeypatch):
    path = tmp_path / "review.sqlite3"
    ReviewStore.open(path).close()
    monkeypatch.setattr(review, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another copy of the app in the middle of a write
    try:
        store = ReviewStore.open(path)
        assert not store.persistent and "locked" in store.message
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.corrupt-*"))
    with ReviewStore.open(path) as store:
        assert store.message is None


def test_a_newer_schema_is_left_alone(tmp_path):
    path = tmp_path / "review.sqlite3"
    ReviewStore.open(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    store = ReviewStore.open(path)
    assert not store.persistent and "newer briefing" in store.message
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 99
    con.close()


def test_write_failures_raise_review_error(tmp_path):
    store = ReviewStore.open(tmp_path / "r.sqlite3")
    store.close()
    with pytest.raises(ReviewError, match="review marks: cannot save"):
        store.toggle_flag("a", ItemRef("article", ""))


def test_load_marks_creates_nothing(isolated_dirs):
    marks, message = load_marks(["abc"])
    assert marks == {} and message is None
    assert not (isolated_dirs / "XDG_DATA_HOME" / "briefing").exists()
    with ReviewStore.open() as store:
        store.toggle_flag("abc", ItemRef("article", ""))
    marks, message = load_marks(["abc", "other"])
    assert list(marks) == ["abc"] and marks["abc"]["article:"].flagged


def test_article_ref_label_is_its_title():
    art = Article("id1", "s.txt", "A  title\nover lines", "text")
    assert ItemRef.of(art).label == "A title over lines"
    assert ItemRef.of(ArticleAnalysis(art)).key == ""
