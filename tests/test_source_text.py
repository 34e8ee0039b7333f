"""source_text: the quick test for a forbidden character agrees with the repair's own pattern."""
from __future__ import annotations

from tei_tools import source_text


def test_any_forbidden_finds_exactly_the_characters_the_repair_replaces():
    every = "".join(chr(code) for code in range(0x110000))
    assert source_text.ANY_FORBIDDEN.findall(every) == list("".join(source_text.FORBIDDEN.findall(every)))


def test_a_text_without_forbidden_characters_is_returned_as_it_is():
    text = "Plain words, “quotes”, tabs\tand lines\n, \U0001F600 and \ufffd."
    assert source_text.repair(text) == (text, [])
    repaired, repairs = source_text.repair("a\x0cb\x00c\ufdd0")
    assert repaired == "a b\ufffdc\ufffd" and [r.offset for r in repairs] == [1, 3, 5]
