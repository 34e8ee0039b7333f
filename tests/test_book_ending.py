"""A book excerpt that ends in a credit line (and perhaps a note about the author) keeps every
paragraph of the excerpt, the last one above the credit line too, in the edition's body; the
credit line and the note go to the back. Over many shapes of excerpt, not one example.

Black-box: `convert_text` and the edition's XML.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools import fidelity
from tei_tools.convert import convert_text
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS

T = {"t": TEI_NS}
SENTENCES = ["The harbour was quiet that winter.", "Nobody spoke of the well at the crossing.",
             "She kept the ledger in a drawer by the stove.", "The ferry came twice a week, then once.",
             "He counted the boats and wrote the number down.", "By spring the ice had gone from the bay.",
             "Her brother sent letters that arrived out of order.", "They sold the house in the autumn."]
CREDITS = [
    "From The Harbour Years by Maria Keller. Published by Northway Press. Copyright \u00a9 2024 by Maria Keller.",
    "Excerpted from The Salt Road by Amara Okafor, published by Harbor & Finch Books. Copyright \u00a9 2023.",
    "From Winter Ledger: A Memoir of Two Cities by Tomas Lindqvist, published by Northlight Editions. "
    "Copyright \u00a9 2022 by Tomas Lindqvist. Used with permission of the publisher.",
]


@st.composite
def excerpts(draw):
    count = draw(st.integers(2, 9))
    paragraphs = [" ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3))) + f" ({n})"
                  for n in range(1, count + 1)]
    blocks = list(paragraphs)
    if count > 3 and draw(st.booleans()):
        blocks.insert(draw(st.integers(1, count - 1)), "*")
    credit = draw(st.sampled_from(CREDITS))
    note = "Maria Keller is a writer who lives by the sea. This is her second book."
    ending = draw(st.sampled_from([[credit], [credit, note], ["_____", credit], [credit, "_____", note],
                                   ["_____", credit, note]]))
    return "\n\n".join(["A Title", *blocks, *ending]) + "\n", paragraphs, credit


def body_paragraphs(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    return [" ".join("".join(p.itertext()).split()) for p in root.iterfind(".//t:body//t:p", T)]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(excerpt=excerpts())
def test_the_last_paragraph_before_the_credit_line_is_kept_in_the_body(excerpt):
    source, paragraphs, credit = excerpt
    _, data, _ = convert_text(source, "excerpt.txt", Personography.empty(), kind="book")
    body = body_paragraphs(data)
    assert body[-1] == paragraphs[-1]
    assert [p for p in body if p in paragraphs] == paragraphs
    root = etree.fromstring(data)
    back = " ".join(root.xpath("string(//t:back)", namespaces=T).split())
    assert " ".join(credit.split()) in back and paragraphs[-1] not in back
    assert fidelity.compare(fidelity.words(source), fidelity.tei_text_words(root)) == []
