from hypothesis import given, strategies as st

from briefing.sanitize import is_safe, sanitise


def test_escape_sequences_become_visible():
    out = sanitise("title\x1b]0;pwned\x07 and \x1b[2J clear")
    assert "\x1b" not in out and "\x07" not in out
    assert "\u241b]0;pwned\u2407" in out


def test_c1_del_and_bidi_are_replaced():
    out = sanitise("a\x9b31mb\x7fc\u202eevil\u2066x")
    assert is_safe(out)
    assert out == "a\ufffd31mb\u2421c\ufffdevil\ufffdx"


def test_newlines_normalised_tabs_kept():
    assert sanitise("a\r\nb\rc\td") == "a\nb\nc\td"


def test_bom_dropped():
    assert sanitise("\ufeffHello") == "Hello"


@given(st.text())
def test_any_text_comes_out_safe(text):
    out = sanitise(text)
    assert is_safe(out)
    assert sanitise(out) == out
