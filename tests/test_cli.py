import json
import subprocess
import sys

from conftest import ROOT, SEED


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, **kw)


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("briefing ")


def test_analyze_json_follows_the_schema():
    r = run("analyze", "--format", "json", str(SEED))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema"] == "briefing.analysis/1"
    assert "core_web_sm" in doc["model"]
    (art,) = doc["articles"]
    assert art["source"].endswith("gaza-ceasefire.txt")
    # One shape for every article: metadata a plain text file lacks is null, not missing.
    assert (art["url"], art["byline"], art["date"]) == (None, None, None)
    assert art["text"] == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    text = art["text"]
    assert art["quotes"] and art["actors"] and art["figures"]
    for item in art["quotes"] + art["figures"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for actor in art["actors"]:
        assert actor["type"] in {"PERSON", "ORG", "GROUP"}
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text)
    ids = {a["id"] for a in art["actors"]}
    for q in art["quotes"]:
        assert q["actor_id"] is None or q["actor_id"] in ids
        assert (q["speaker"] or "").lower() not in {"he", "she", "they", "i", "we"}


def test_unknown_model_is_one_clear_line_and_exit_2():
    r = run("analyze", "--model", "no_such_model_xyz", "--no-cache", str(SEED))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "no_such_model_xyz" in r.stderr
    assert "pip install" not in r.stderr  # never invite installing whatever name was typed


def test_a_broken_config_is_reported_by_analyze_and_export(tmp_path):
    import os

    config = tmp_path / "XDG_CONFIG_HOME" / "briefing" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('model = "unterminated\n', encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config.parent.parent)}
    for cmd in (["analyze"], ["export", "-o", str(tmp_path / "out.md")]):
        r = run(*cmd, str(SEED), env=env)
        assert r.returncode == 0, r.stderr
        assert f"{config}: ignored" in r.stderr and "Traceback" not in r.stderr


def test_text_report_counts_read_as_english():
    from briefing.model import Actor, Article, ArticleAnalysis, Quote
    from briefing.report import text_report

    art = Article(id="a", source="s.txt", title="T", text='"Yes to all of it," Ann said.')
    an = ArticleAnalysis(art, quotes=(Quote(0, 20, art.text[:20], "Ann", "p1", "said"),),
                         actors=(Actor("p1", "Ann", "PERSON", mentions=((21, 24),), quote_count=1),))
    report = text_report([an])
    assert "1 quote, 1 actor, 0 figures" in report
    assert "Ann (PERSON): 1 mention, 1 quote" in report


def test_missing_path_is_one_line_and_nonzero():
    r = run("analyze", "does-not-exist.txt")
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "does-not-exist.txt: no such file" in r.stderr


def test_options_before_paths_open_the_reader_parser():
    from briefing.cli import build_parser, main  # noqa: F401

    import briefing.cli as cli

    seen = {}
    original = cli.cmd_open
    cli.cmd_open = lambda args: seen.setdefault("args", args) and 0
    try:
        cli.main(["--model", "some_model", "a.txt", "b.txt"])
    finally:
        cli.cmd_open = original
    assert seen["args"].model == "some_model"
    assert seen["args"].paths == ["a.txt", "b.txt"]
