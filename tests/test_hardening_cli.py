"""Broken input through the real CLI: one clear line each, never a traceback.

The CLI exits non-zero only when nothing at all could be loaded.
"""

import json
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
