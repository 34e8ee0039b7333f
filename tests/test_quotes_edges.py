"""Quotation marks at the edges: at the very start or end of a paragraph, next to a single mark
(a quotation inside a quotation), next to an apostrophe inside a word. A reader sees the q run
from mark to mark; a mistake at an edge swallows or drops the first or last words.

Black-box: `quoted_stretches` (what becomes `q`) and `paragraph_cues` (first-person voice).
"""
from __future__ import annotations

import pytest

from tei_tools.annotate.quotes import paragraph_cues, quoted_stretches


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quoted_stretches(text)]


@pytest.mark.parametrize("text, expected", [
    ("\u201c\u2018Koba\u2019 was his name,\u201d she said.", ["\u201c\u2018Koba\u2019 was his name,\u201d"]),
    ("She said, \u201cthey called him \u2018Koba\u2019\u201d", ["\u201cthey called him \u2018Koba\u2019\u201d"]),
    ("\"'Koba' was his name,\" she said.", ["\"'Koba' was his name,\""]),
    ("She said, \"they called him 'Koba'\"", ["\"they called him 'Koba'\""]),
    ("\"Koba\"", ["\"Koba\""]),
    ("\u201cKoba\u201d", ["\u201cKoba\u201d"]),
    ("\"It's Trotsky's,\" he said, \"and the sparrows' nests.\"",
     ["\"It's Trotsky's,\"", "\"and the sparrows' nests.\""]),
    ("He said \"don't\" and left \"at once\"", ["\"don't\"", "\"at once\""]),
    ("\"'Tis late,\" she said.", ["\"'Tis late,\""]),
])
def test_double_quotations_at_the_edges_run_from_mark_to_mark(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text, count", [
    ("'I left at once,' he said. Nobody followed him.", 0),  # speech in single marks
    ("He said 'I left at once' and sat down.", 0),
    ("He said 'I left at once'", 0),
    ("I didn't leave, and I won't.", 2),  # apostrophes inside words are not quotation marks
    ("It was the sparrows' nests I saw.", 1),
    ("'Tis I who left.", 1),
])
def test_single_quoted_speech_is_not_the_paragraphs_own_first_person(text, count):
    assert paragraph_cues(text).first_singular == count
