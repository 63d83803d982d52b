"""The analysis cache: round trip, damaged entries, unwritable dirs, versioning, no spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from briefing.model import Actor, Article, ArticleAnalysis, Figure, Quote
from briefing.storage import cache as cache_mod
from briefing.storage.cache import AnalysisCache, extractor_fingerprint, predict_model_id
from conftest import ROOT

TEXT = (
    "Harbour Lights\n\n"
    "The ferry company Bluewater said on Monday it would cut 120 jobs.\n\n"
    '"We have no other choice this winter," said chief executive Mara Olsen.\n'
)
MODEL = "test_model 1.0"


def _analysis(text: str = TEXT, source: str = "harbour.txt") -> ArticleAnalysis:
    article = Article(id="a1", source=source, title="Harbour Lights", text=text)
    q_text = '"We have no other choice this winter,"'
    qs = text.index(q_text)
    fig = "120 jobs"
    fs = text.index(fig)
    ms = text.index("Mara Olsen")
    bs = text.index("Bluewater")
    return ArticleAnalysis(
        article=article,
        quotes=(Quote(qs, qs + len(q_text), q_text, "Mara Olsen", "p1", "said"),),
        actors=(Actor("p1", "Mara Olsen", "PERSON", "chief executive", ("Olsen",),
                      ((ms, ms + 10),), 1),
                Actor("o1", "Bluewater", "ORG", None, (), ((bs, bs + 9),), 0)),
        figures=(Figure(fs, fs + len(fig), fig, 120, None, "jobs", "jobs cut",
                        (text.index("The ferry"), text.index("\n\n\"We"))),),
        model=MODEL,
    )


@pytest.fixture
def cache(tmp_path):
    return AnalysisCache(tmp_path / "analyses")


def test_round_trip_keeps_every_field(cache):
    an = _analysis()
    cache.put(an, MODEL)
    got = cache.get(an.article, MODEL)
    assert got is not None
    assert got.quotes == an.quotes and got.actors == an.actors and got.figures == an.figures
    assert got.model == MODEL


def test_identity_comes_from_the_load_not_the_cache(cache):
    cache.put(_analysis(source="old/place.txt"), MODEL)
    moved = Article(id="a1", source="new/place.txt", title="Renamed", text=TEXT)
    got = cache.get(moved, MODEL)
    assert got is not None and got.article is moved


def test_other_text_model_or_version_misses(cache, tmp_path):
    an = _analysis()
    cache.put(an, MODEL)
    assert cache.get(an.article, "test_model 1.1") is None
    edited = Article(id="a1", source="harbour.txt", title="t", text=TEXT.replace("120", "130"))
    assert cache.get(edited, MODEL) is None
    assert AnalysisCache(cache.root, version="v-other").get(an.article, MODEL) is None


@pytest.mark.parametrize("damage", [
    b"", b"\x00\xff\xfe garbage", b'{"text": ', b"[1, 2, 3]", b'"just a string"',
    b'{"id": "a1"}',
])
def test_corrupt_entry_is_ignored_and_then_replaced(cache, damage):
    an = _analysis()
    path = cache.path(an.article, MODEL)
    path.parent.mkdir(parents=True)
    path.write_bytes(damage)
    assert cache.get(an.article, MODEL) is None
    cache.put(an, MODEL)
    assert cache.get(an.article, MODEL) is not None


def _rewrite(cache, an, change) -> None:
    path = cache.path(an.article, MODEL)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change", [
    lambda d: d["quotes"][0].update(start=d["quotes"][0]["start"] + 1),
    lambda d: d["figures"][0].update(end=10**6),
    lambda d: d["figures"][0].update(start="7"),
    lambda d: d["actors"][0].update(mentions=[[5, 2]]),
    lambda d: d["actors"][0].update(mentions=[[1, 2, 3]]),
    lambda d: d["quotes"].append(7),
    lambda d: d.update(text=d["text"] + " "),
])
def test_entry_whose_offsets_do_not_fit_is_ignored(cache, change):
    an = _analysis()
    cache.put(an, MODEL)
    _rewrite(cache, an, change)
    assert cache.get(an.article, MODEL) is None


@pytest.mark.parametrize("change", [
    lambda d: d["actors"][0].update(name=5),
    lambda d: d["actors"][0].update(name=None),
    lambda d: d["actors"][0].update(type="ROBOT"),
    lambda d: d["actors"][0].update(role=["chief"]),
    lambda d: d["actors"][0].update(aliases=[3]),
    lambda d: d["actors"][0].update(quote_count=-1),
    lambda d: d["actors"][0].update(quote_count=True),
    lambda d: d["actors"][1].update(id=d["actors"][0]["id"]),
    lambda d: d["quotes"][0].update(speaker="\x1b]0;owned\x07"),
    lambda d: d["quotes"][0].update(cue="said\u202e"),
    lambda d: d["quotes"][0].update(actor_id="nobody"),
    lambda d: d["quotes"][0].update(kind="shout"),
    lambda d: d["figures"][0].update(value="120"),
    lambda d: d["figures"][0].update(value=float("nan")),
    lambda d: d["figures"][0].update(head="jobs\x9b31m"),
    lambda d: d["figures"][0].update(sentence=[0, 10**6]),
])
def test_entry_with_wrong_types_or_unsafe_text_is_ignored(cache, change):
    # The reader draws these strings on a terminal: a damaged or hand-edited entry must never
    # smuggle an escape sequence or a non-string into it; it is recomputed instead.
    an = _analysis()
    cache.put(an, MODEL)
    assert cache.get(an.article, MODEL) is not None
    _rewrite(cache, an, change)
    assert cache.get(an.article, MODEL) is None


def test_a_file_where_the_cache_dir_should_be_costs_only_speed(tmp_path):
    blocker = tmp_path / "analyses"
    blocker.write_text("not a folder")
    cache = AnalysisCache(blocker)
    an = _analysis()
    cache.put(an, MODEL)  # must not raise
    assert cache.get(an.article, MODEL) is None
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="file modes do not stop root (or are not POSIX here)")
def test_read_only_cache_dir_costs_only_speed(tmp_path):
    root = tmp_path / "analyses"
    root.mkdir()
    root.chmod(0o500)
    try:
        cache = AnalysisCache(root)
        an = _analysis()
        cache.put(an, MODEL)
        assert cache.get(an.article, MODEL) is None
    finally:
        root.chmod(0o700)


def test_write_is_atomic_no_temp_files_left(cache):
    cache.put(_analysis(), MODEL)
    files = [p.name for p in cache.root.rglob("*") if p.is_file()]
    assert len(files) == 1 and files[0].endswith(".json") and not files[0].startswith(".tmp")


def test_old_versions_are_pruned_recent_ones_kept(tmp_path):
    root = tmp_path / "analyses"
    old, recent = root / "v1-old", root / "v1-recent"
    for d in (old, recent):
        (d / "ab").mkdir(parents=True)
        (d / "ab" / "x.json").write_text("{}")
    long_ago = time.time() - 30 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    cache = AnalysisCache(root, version="v2-now")
    cache.put(_analysis(), MODEL)
    assert not old.exists() and recent.exists()
    assert cache.get(_analysis().article, MODEL) is not None


def test_fingerprint_follows_the_analysis_code(tmp_path, monkeypatch):
    pkg = tmp_path / "briefing"
    (pkg / "analysis").mkdir(parents=True)
    for name in ("model.py", "serialize.py", "analysis/quotes.py", "analysis/figures.py"):
        (pkg / name).write_text(f"# {name}\n")
    monkeypatch.setattr(cache_mod, "_PACKAGE", pkg)
    extractor_fingerprint.cache_clear()
    try:
        first = extractor_fingerprint()
        extractor_fingerprint.cache_clear()
        assert extractor_fingerprint() == first
        (pkg / "analysis" / "figures.py").write_text("# a changed rule\n")
        extractor_fingerprint.cache_clear()
        assert extractor_fingerprint() != first
    finally:
        extractor_fingerprint.cache_clear()


def test_predicted_model_id_needs_no_spacy():
    code = ("import sys; from briefing.storage.cache import predict_model_id as p; "
            "print(p(None)); print(p('no_such_model_xyz')); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    lines = out.stdout.split("\n")
    assert "core_web_sm" in lines[0]
    assert lines[1:3] == ["None", "False"]
    assert predict_model_id("no_such_model_xyz") is None


def test_cached_analyze_run_does_not_import_spacy(tmp_path):
    """Fill the cache with one real run, then a second run must answer from it alone."""
    article = tmp_path / "harbour.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ)  # carries the per-test XDG dirs from conftest
    first = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json",
                            str(article)], capture_output=True, text=True, cwd=ROOT, env=env,
                           timeout=300)
    assert first.returncode == 0, first.stderr
    probe = (
        "import io, sys, contextlib\n"
        "from briefing.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    rc = main(['analyze', '--format', 'json', sys.argv[1]])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print(rc, len(heavy), heavy[:3])\n"
        "sys.stderr.write(buf.getvalue())\n"
    )
    second = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=300)
    assert second.stdout.split()[:2] == ["0", "0"], second.stdout + second.stderr
    assert json.loads(second.stderr) == json.loads(first.stdout)
