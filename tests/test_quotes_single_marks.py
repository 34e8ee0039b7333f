"""Texts that quote with single marks, as British printing does: ‘…’ for speech, “…” inside.
Single marks are quotations only in such a text (elsewhere they are mostly apostrophes), and even
there an apostrophe inside a word, an elision (’Tis, ’em) and a plural's possessive (the boys’
school) are not. Invented passages."""
from __future__ import annotations

import pytest

from tei_tools.annotate.quotes import annotate_quotes, writes_single_quotes
from tei_tools.model import Block

BRITISH = [
    "‘You look tired,’ said her brother, without lifting his eyes from the paper.",
    "‘I am tired,’ she said. ‘He kept saying, “Mind the river, Meg.”’",
    "He folded the paper. ‘The river is high,’ he admitted. ‘’Tis the worst since the boys’ school was built.’",
    "By noon the bridge had gone, and the Thornes’ cellar was full of water.",
]


def quoted(paragraphs: list[str]) -> list[list[str]]:
    blocks = [Block("p", text, 0) for text in paragraphs]
    return [[span.text_in(block.text) for span in spans] for block, spans in zip(blocks, annotate_quotes(blocks))]


def test_a_text_that_quotes_with_single_marks_has_its_single_quotations_marked():
    assert quoted(BRITISH) == [
        ["‘You look tired,’"],
        ["‘I am tired,’", "‘He kept saying, “Mind the river, Meg.”’", "“Mind the river, Meg.”"],
        ["‘The river is high,’", "‘’Tis the worst since the boys’ school was built.’"],
        [],
    ]


def test_straight_single_marks_count_too():
    straight = [text.replace("‘", "'").replace("’", "'") for text in BRITISH]
    assert quoted(straight)[0] == ["'You look tired,'"]


def test_a_text_that_quotes_with_double_marks_keeps_its_single_marks_unmarked():
    american = ["“You look tired,” said her brother.", "“He kept saying, ‘Mind the river.’ Then he slept.”",
                "“I am,” she said. “It’s the boys’ fault,” she added, “and ’tis late.”"]
    assert not writes_single_quotes(american)
    assert quoted(american)[1] == ["“He kept saying, ‘Mind the river.’ Then he slept.”"]


@pytest.mark.parametrize("texts", [["It’s the boys’ turn.", "’Tis late, and ’twas cold.", "Don’t."],
                                   ["He said ‘yes’ once."]])
def test_apostrophes_and_a_single_aside_do_not_make_a_single_mark_text(texts):
    assert not writes_single_quotes(texts)
