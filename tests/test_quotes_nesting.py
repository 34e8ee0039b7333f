"""Quotations inside quotations, over many shapes: each `q` runs from its own opening mark to its
own closing mark, marks included, so an outer quotation never ends at an inner one's mark.

Black-box: `tei_tools.annotate.quotes.annotate_quotes` and `convert_text`.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.annotate.quotes import annotate_quotes
from tei_tools.convert import convert_text
from tei_tools.model import Block
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS

WORDS = st.lists(st.sampled_from(["the", "war", "was", "fought", "against", "Moderates", "and", "their",
                                  "allies", "we", "sang", "all", "night", "Red", "Flag"]), min_size=1, max_size=4)
MARKS = st.sampled_from([("\u201c", "\u201d"), ('"', '"'), ("\u201e", "\u201c")])
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def quotation(draw, marks: tuple[str, str], depth: int):
    """(text, [(start, end) of each quotation in it, relative]) of one quotation, nesting others."""
    opening, closing = marks
    parts: list[tuple[str, list]] = [(" ".join(draw(WORDS)), [])]
    if depth < 3:
        for _ in range(draw(st.integers(0, 2))):
            parts.append(draw(quotation(marks, depth + 1)))
            parts.append((" ".join(draw(WORDS)) + draw(st.sampled_from(["", ",", "."])), []))
    text, stretches = opening, []
    for index, (piece, inner) in enumerate(parts):
        if index:
            text += " "
        stretches += [(start + len(text), end + len(text)) for start, end in inner]
        text += piece
    text += closing
    return text, [(0, len(text)), *stretches]


@st.composite
def paragraphs(draw):
    marks = draw(MARKS)
    before = " ".join(draw(WORDS)) + draw(st.sampled_from([" said:", " wrote", ","]))
    quoted, stretches = draw(quotation(marks, 1))
    after = draw(st.sampled_from(["", " he said.", " and left."]))
    start = len(before) + 1
    return f"{before} {quoted}{after}", sorted(((s + start, e + start) for s, e in stretches),
                                               key=lambda stretch: (stretch[0], -stretch[1]))


def q_spans(text: str) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in annotate_quotes([Block("p", text, 0)])[0]]


@FAST
@given(paragraph=paragraphs())
def test_each_quotation_runs_from_its_own_opening_to_its_own_closing_mark(paragraph):
    text, expected = paragraph
    assert q_spans(text) == expected, [text[s:e] for s, e in q_spans(text)]


def test_an_outer_quotation_goes_on_after_the_inner_one_closes():
    text = "She said: \u201cWe sang \u201cThe Red Flag\u201d and \u201cThe Internationale\u201d all night.\u201d"
    found = [text[s:e] for s, e in q_spans(text)]
    assert found == ["\u201cWe sang \u201cThe Red Flag\u201d and \u201cThe Internationale\u201d all night.\u201d",
                     "\u201cThe Red Flag\u201d", "\u201cThe Internationale\u201d"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph=paragraphs())
def test_nested_quotations_reach_the_edition_as_nested_q(paragraph):
    text, expected = paragraph
    source = f"A Story\n\n{text}\n\nThe end came later.\n"
    _, data, _ = convert_text(source, "story.txt", Personography.empty(), kind="book")
    paragraph = next(p for p in etree.fromstring(data).iter(f"{{{TEI_NS}}}p") if "".join(p.itertext()) == text)
    written = ["".join(q.itertext()) for q in paragraph.iter(f"{{{TEI_NS}}}q")]
    assert written == [text[s:e] for s, e in expected]
