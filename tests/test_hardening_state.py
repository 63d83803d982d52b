"""Broken state: a full disk, a signal mid-write, a damaged cache or review database, data
dirs that cannot be written. The user's files are either the old ones or the complete new
ones, and every problem is one line, never a traceback.

Export tests run the real CLI (``briefing.cli.main``) in this process with the analysis
replaced by hand-built results (no spaCy); the cache tests run the installed command with the
real analysis, since the cache is what they are about.
"""

from __future__ import annotations

import errno
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import briefing.cli as cli
from briefing.config import data_dir
from briefing.storage.review import FILENAME
from conftest import ROOT
from tui_support import FERRY, ORCHARD, fake_analysis

OLD = "# my edited summary\n\nkept by hand\n"


@pytest.fixture
def fake_cli(monkeypatch):
    """``cli.main`` with the hand-built analysis and without touching this process's signals."""

    def run_analyses(articles, model_name, use_cache=True):
        return [fake_analysis(a) for a in articles], "fake 1.0"

    monkeypatch.setattr(cli, "run_analyses", run_analyses)
    monkeypatch.setattr(cli, "_exit_cleanly_on_signals", lambda: None)
    return cli.main


@pytest.fixture
def articles(tmp_path) -> list[str]:
    paths = []
    for name, text in (("ferry.txt", FERRY), ("orchard.txt", ORCHARD)):
        path = tmp_path / "news" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def _stderr_lines(capsys) -> list[str]:
    return [ln for ln in capsys.readouterr().err.splitlines() if ln.strip()]


# -- a full disk --------------------------------------------------------------------------------


class _FullDisk:
    """A file object that takes half of what it is given, then fails as a full disk does."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def _no_space(*_args, **_kw):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["write", "fsync", "rename"])
def test_disk_full_during_export_keeps_the_old_file(fake_cli, articles, tmp_path, monkeypatch, capsys, where):
    out = tmp_path / "out" / "summary.md"
    out.parent.mkdir()
    out.write_text(OLD, encoding="utf-8")
    real_fdopen = os.fdopen
    if where == "write":
        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k)))
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", _no_space)
    else:
        monkeypatch.setattr(os, "replace", _no_space)
        monkeypatch.setattr(os, "link", _no_space)
    assert fake_cli(["export", *articles, "-o", str(out), "--force"]) == 1
    monkeypatch.undo()
    assert out.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in out.parent.iterdir()) == ["summary.md"], "a temp file was left"
    (line,) = _stderr_lines(capsys)
    assert line == f"briefing: cannot write {out} (No space left on device)"


def test_disk_full_on_a_new_export_leaves_nothing(fake_cli, articles, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k)))
    assert fake_cli(["export", *articles, "-o", str(out / "new.md")]) == 1
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert len(_stderr_lines(capsys)) == 1


@pytest.mark.parametrize("command", [["analyze", "--format", "json"], ["analyze"], ["export"]])
def test_a_full_standard_output_is_one_line(tmp_path, command):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY, encoding="utf-8")
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "briefing", *command, str(article)], stdout=full,
                           stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 1
    assert r.stderr.strip() == "briefing: cannot write the output (No space left on device)"


# -- a signal mid-write ---------------------------------------------------------------------------

# A child process runs ``briefing export`` through the real CLI (its own signal handlers) with
# a writer that stops half way (or after writing, before the rename) and says "ready"; the
# test then signals it.
_CHILD = textwrap.dedent("""
    import os, sys, time
    import briefing.cli as cli
    from briefing.model import ArticleAnalysis

    stage, target, article = sys.argv[1:4]

    def run_analyses(articles, model_name, use_cache=True):
        return [ArticleAnalysis(a, model="fake 1.0") for a in articles], "fake 1.0"

    def pause():
        print("ready", flush=True)
        time.sleep(120)

    class HalfWay:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            pause()
            self.handle.write(data[len(data) // 2:])
        def __getattr__(self, name):
            return getattr(self.handle, name)

    cli.run_analyses = run_analyses
    if stage == "write":
        real_fdopen = os.fdopen
        os.fdopen = lambda fd, *a, **k: HalfWay(real_fdopen(fd, *a, **k))
    else:
        real_fsync = os.fsync
        def fsync(fd):
            real_fsync(fd)
            pause()
        os.fsync = fsync
    sys.exit(cli.main(["export", article, "-o", target, "--force"]))
""")


def _wait_ready(proc: subprocess.Popen, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    line = b""
    while time.monotonic() < deadline and b"\n" not in line:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 100)
            if not chunk:
                break
            line += chunk
    assert line.strip() == b"ready", f"the child never got to the write: {line!r}"


@pytest.mark.parametrize("stage", ["write", "fsync"])
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP", "SIGINT", "SIGKILL"])
def test_a_signal_mid_export_leaves_the_old_file_whole(tmp_path, stage, signame):
    sig = getattr(signal, signame, None)
    if sig is None:
        pytest.skip(f"no {signame} here")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.md"
    target.write_text(OLD, encoding="utf-8")
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, stage, str(target), str(article)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        _wait_ready(proc)
        half_written = [p for p in out.iterdir() if p.name != "summary.md"]
        assert len(half_written) == 1 and half_written[0].name.startswith(".summary.md.")
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
    assert target.read_text(encoding="utf-8") == OLD
    assert "Traceback" not in stderr
    if sig == signal.SIGKILL:
        # Nothing can clean up after SIGKILL: the half-written temp file stays, hidden, and is
        # never mistaken for the export.
        assert proc.returncode == -signal.SIGKILL
        assert all(p.name == "summary.md" or (p.name.startswith(".summary.md.") and p.suffix == ".tmp")
                   for p in out.iterdir())
    else:
        expected = 130 if sig == signal.SIGINT else 128 + sig
        assert proc.returncode == expected, stderr
        assert [p.name for p in out.iterdir()] == ["summary.md"], "the temp file was left behind"


# -- a damaged review database ----------------------------------------------------------------------


def test_export_with_a_damaged_review_database_keeps_a_copy_and_goes_on(fake_cli, articles, tmp_path, capsys):
    db = data_dir() / FILENAME
    db.parent.mkdir(parents=True)
    junk = b"SQLite format 3\x00" + os.urandom(3000)
    db.write_bytes(junk)
    out = tmp_path / "summary.md"
    assert fake_cli(["export", *articles, "-o", str(out)]) == 0
    lines = _stderr_lines(capsys)
    assert len(lines) == 2 and lines[-1] == f"briefing: wrote {out}"
    assert "damaged" in lines[0] and "kept a copy" in lines[0]
    kept = [p for p in db.parent.iterdir() if p.name.startswith(f"{FILENAME}.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == junk
    assert out.read_text(encoding="utf-8").startswith("# Briefing summary")
    # The next run finds a good (fresh) database and says nothing about it.
    again = tmp_path / "again.md"
    assert fake_cli(["export", *articles, "-o", str(again)]) == 0
    assert _stderr_lines(capsys) == [f"briefing: wrote {again}"]


def test_export_with_a_folder_where_the_database_should_be(fake_cli, articles, tmp_path, capsys):
    (data_dir() / FILENAME).mkdir(parents=True)
    out = tmp_path / "summary.md"
    assert fake_cli(["export", *articles, "-o", str(out)]) == 0
    lines = _stderr_lines(capsys)
    assert lines[-1] == f"briefing: wrote {out}" and len(lines) <= 2
    assert "Traceback" not in "\n".join(lines)


# -- data, cache and config dirs that cannot be used ----------------------------------------------


def _env_with_dirs_as_files(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        blocker = tmp_path / f"{var.lower()}-is-a-file"
        blocker.write_text("not a folder\n", encoding="utf-8")
        env[var] = str(blocker)
    return env


def test_unusable_data_cache_and_config_dirs_cost_nothing_but_speed(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY, encoding="utf-8")
    env = _env_with_dirs_as_files(tmp_path)
    analysed = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json", str(article)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert analysed.returncode == 0, analysed.stderr
    assert analysed.stderr == ""
    assert json.loads(analysed.stdout)["articles"][0]["quotes"]
    out = tmp_path / "summary.md"
    exported = subprocess.run([sys.executable, "-m", "briefing", "export", str(article), "-o", str(out)],
                              capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr.strip() == f"briefing: wrote {out}"
    assert out.read_text(encoding="utf-8").startswith("# Briefing summary")


# -- a damaged analysis cache, through the command ---------------------------------------------------

CACHE_ARTICLES = {
    "garbage": FERRY,
    "truncated": ORCHARD,
    "wrong-shape": FERRY.replace("Harbour", "Harbour town"),
    "folder": ORCHARD.replace("Vale", "Dale"),
    "empty": FERRY.replace("ferry", "boat"),
    "offsets": ORCHARD.replace("apples", "pears"),
    "null": FERRY.replace("Port Ellis", "Port Ames"),
}


def _analyze(paths: list[str], cache_home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    return subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json", *paths],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)


@pytest.fixture(scope="module")
def cached_run(tmp_path_factory):
    """One real analysis of the articles above with the cache on: (paths, output, cache home)."""
    base = tmp_path_factory.mktemp("cached")
    paths = []
    for name, text in CACHE_ARTICLES.items():
        path = base / "news" / f"{name}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    home = base / "cache-home"
    first = _analyze(paths, home)
    assert first.returncode == 0, first.stderr
    return paths, first.stdout, home


def _entries(home: Path) -> dict[str, Path]:
    """Cache entry file by the name of the article it holds."""
    found = {}
    for entry in home.rglob("*.json"):
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for name, text in CACHE_ARTICLES.items():
            if isinstance(data, dict) and data.get("text") == text:
                found[name] = entry
    return found


def test_damaged_cache_entries_are_ignored_through_the_command(cached_run, tmp_path):
    paths, first, original = cached_run
    home = tmp_path / "cache-home"
    shutil.copytree(original, home)
    entries = _entries(home)
    assert set(entries) == set(CACHE_ARTICLES), "every article was cached"
    entries["garbage"].write_bytes(b"\x00\xff\xfe not json at all")
    whole = entries["truncated"].read_bytes()
    entries["truncated"].write_bytes(whole[: len(whole) // 2])
    data = json.loads(entries["wrong-shape"].read_text(encoding="utf-8"))
    data.update(quotes="not a list", actors={"a": 1}, figures=[None])
    entries["wrong-shape"].write_text(json.dumps(data), encoding="utf-8")
    entries["folder"].unlink()
    (entries["folder"] / "inside").mkdir(parents=True)
    entries["empty"].write_bytes(b"")
    data = json.loads(entries["offsets"].read_text(encoding="utf-8"))
    for figure in data["figures"]:
        figure["start"], figure["end"] = figure["start"] + 1, figure["end"] + 10**6
    entries["offsets"].write_text(json.dumps(data), encoding="utf-8")
    entries["null"].write_text("null", encoding="utf-8")

    second = _analyze(paths, home)
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""
    assert second.stdout == first, "a damaged entry changed the output"
    # The damaged files were replaced by good entries (the folder stays: it costs one article's speed).
    third = _entries(home)
    assert set(third) >= set(CACHE_ARTICLES) - {"folder"}


def test_an_unreadable_cache_costs_only_speed(cached_run, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their permissions")
    paths, first, original = cached_run
    home = tmp_path / "cache-home"
    shutil.copytree(original, home)
    for entry in home.rglob("*.json"):
        entry.chmod(0)
    second = _analyze(paths, home)
    assert second.returncode == 0 and second.stderr == "" and second.stdout == first


def test_cache_entries_with_wrong_types_or_unsafe_text_are_ignored(cached_run, tmp_path):
    paths, first, original = cached_run
    home = tmp_path / "cache-home"
    shutil.copytree(original, home)
    entries = _entries(home)
    data = json.loads(entries["garbage"].read_text(encoding="utf-8"))
    assert data["actors"] and data["quotes"]
    data["actors"][0]["name"] = 5
    data["quotes"][0]["speaker"] = "\x1b]0;owned\x07"
    entries["garbage"].write_text(json.dumps(data), encoding="utf-8")
    second = _analyze(paths, home)
    assert second.returncode == 0 and second.stdout == first
