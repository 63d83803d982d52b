"""Broken input through the real CLI: one clear line each, never a traceback.

The CLI exits non-zero only when nothing at all could be loaded.
"""

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

GOOD = "Council approves budget\n\nThe council approved a budget of \u00a32m on Monday.\n"


def run(*args):
    return subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def make(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


@pytest.mark.parametrize("name,data,expect", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary"),
])
def test_unloadable_file_alone_fails_with_one_line(tmp_path, name, data, expect):
    r = run(make(tmp_path, name, data))
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert expect in r.stderr
    assert r.stdout == ""


def test_missing_path_alone_fails(tmp_path):
    r = run(str(tmp_path / "nope.txt"))
    assert r.returncode != 0 and "Traceback" not in r.stderr and "no such file" in r.stderr


def test_bad_sources_beside_a_good_one_still_succeed(tmp_path):
    good = make(tmp_path, "good.txt", GOOD.encode())
    r = run(str(tmp_path / "nope.txt"), make(tmp_path, "empty.txt", b""), good)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert len([ln for ln in r.stderr.splitlines() if ln.strip()]) == 2
    doc = json.loads(r.stdout)
    assert [a["title"] for a in doc["articles"]] == ["Council approves budget"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_bom_encodings_load(tmp_path, encoding):
    r = run(make(tmp_path, "bom.txt", GOOD.encode(encoding)))
    assert r.returncode == 0, r.stderr
    (art,) = json.loads(r.stdout)["articles"]
    assert art["text"] == GOOD and "\ufeff" not in art["text"]


def test_crlf_becomes_lf_with_valid_offsets(tmp_path):
    r = run(make(tmp_path, "crlf.txt", GOOD.replace("\n", "\r\n").encode()))
    (art,) = json.loads(r.stdout)["articles"]
    assert "\r" not in art["text"]
    for f in art["figures"]:
        assert art["text"][f["start"]:f["end"]] == f["text"]


def test_invalid_utf8_is_decoded_not_fatal(tmp_path):
    data = "Caf\u00e9 owners protest\n\nOwners said prices rose 5%.\n".encode("latin-1")
    r = run(make(tmp_path, "latin.txt", data))
    assert r.returncode == 0, r.stderr
    (art,) = json.loads(r.stdout)["articles"]
    assert art["title"] == "Caf\u00e9 owners protest"


def test_terminal_escapes_never_reach_json(tmp_path):
    evil = "Title \x1b]0;owned\x07\n\nHe said \"\x1b[2Jclear \x9b now\" in \u202eevil text.\n"
    r = run(make(tmp_path, "evil.txt", evil.encode()))
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    blob = json.dumps(out, ensure_ascii=False)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in blob


# -- saying what was guessed -----------------------------------------------------------------


def _lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


def test_latin1_file_loads_and_says_how_it_was_read(tmp_path):
    data = "Caf\u00e9 owners protest\n\nOwners said prices rose 5% at the caf\u00e9.\n".encode("cp1252")
    path = make(tmp_path, "latin.txt", data)
    r = run(path)
    assert r.returncode == 0, r.stderr
    (line,) = _lines(r.stderr)
    assert line.startswith(f"briefing: {path}: ") and "not valid UTF-8" in line and "Windows-1252" in line
    (art,) = json.loads(r.stdout)["articles"]
    assert "caf\u00e9" in art["text"]


def test_mostly_utf8_file_keeps_utf8_and_counts_bad_bytes(tmp_path):
    good = "Caf\u00e9 owners protest\n\nThe caf\u00e9 owners said \u201cprices rose\u201d on Monday.\n"
    path = make(tmp_path, "spliced.txt", good.encode() + b"\xff\xfe tail\n")
    r = run(path)
    assert r.returncode == 0, r.stderr
    (line,) = _lines(r.stderr)
    assert "not valid UTF-8" in line and "2 bad bytes" in line
    (art,) = json.loads(r.stdout)["articles"]
    assert art["text"].startswith(good) and "\ufffd\ufffd tail" in art["text"]


def test_valid_files_say_nothing(tmp_path):
    r = run(make(tmp_path, "good.txt", GOOD.encode()))
    assert r.returncode == 0 and r.stderr == ""


# -- files that are not files ------------------------------------------------------------------


def test_a_folder_where_nothing_loads_fails_with_one_line_each(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    (folder / "b.json").write_bytes(b"{not json")
    (folder / "c.html").write_bytes(b"<html><body><nav>menu</nav></body></html>")
    r = run(str(folder))
    assert r.returncode == 1 and r.stdout == "" and "Traceback" not in r.stderr
    lines = _lines(r.stderr)
    assert len(lines) == 4 and lines[-1] == "briefing: nothing to read: no article could be loaded"
    for name in ("a.txt", "b.json", "c.html"):
        assert sum(name in ln for ln in lines) == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_not_read_forever(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    r = run(device)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"{device}: not a file" in r.stderr


def test_a_named_pipe_nobody_writes_to_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = run(str(fifo), make(tmp_path, "good.txt", GOOD.encode()))
    assert r.returncode == 0, r.stderr
    assert _lines(r.stderr) == [f"briefing: {fifo}: empty file"]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    from briefing.sources.text import MAX_BYTES

    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(MAX_BYTES + 1)
    r = run(str(big))
    assert r.returncode == 1 and "too large" in r.stderr and "Traceback" not in r.stderr


def test_deeply_nested_json_is_one_line(tmp_path):
    r = run(make(tmp_path, "deep.json", b"[" * 200_000 + b"]" * 200_000))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert len(_lines(r.stderr)) == 2


def test_symlink_loops_in_a_folder_are_not_followed(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "self").symlink_to(".")
    (folder / "up").symlink_to("..")
    r = run(str(folder))
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["articles"]) == 1


def test_escape_sequences_in_file_names_never_reach_stderr(tmp_path):
    name = "evil\x1b]0;owned\x07\x1b[2J\u202e.txt"
    path = make(tmp_path, name, b"")
    r = subprocess.run([sys.executable, "-m", "briefing", "analyze", "--format", "json", path],
                       capture_output=True, cwd=ROOT, timeout=300)
    assert r.returncode == 1
    err = r.stderr.decode("utf-8")
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "\u241b]0;owned\u2407" in err
    assert len(_lines(err)) == 2


def test_terminal_escapes_never_reach_the_report_or_the_export(tmp_path):
    evil = ("Council \x1b]0;owned\x07 vote\n\nMayor Ada Moss said \"the \x1b[2Jbudget \x9b31m is \u202efine\" "
            "on Monday, and spending rose 5% \x1b]52;c;eA==\x07 this year.\n")
    path = make(tmp_path, "evil.txt", evil.encode())
    report = subprocess.run([sys.executable, "-m", "briefing", "analyze", path], capture_output=True,
                            cwd=ROOT, timeout=300)
    out = tmp_path / "summary.md"
    export = subprocess.run([sys.executable, "-m", "briefing", "export", path, "-o", str(out)],
                            capture_output=True, cwd=ROOT, timeout=300)
    assert report.returncode == 0 and export.returncode == 0, (report.stderr, export.stderr)
    for blob in (report.stdout, report.stderr, export.stderr, out.read_bytes()):
        text = blob.decode("utf-8")
        assert not [c for c in text if c in "\x1b\x07\u202e" or 0x80 <= ord(c) <= 0x9F], text
    assert "\u241b]0;owned\u2407" in report.stdout.decode() and "owned" in out.read_text(encoding="utf-8")
