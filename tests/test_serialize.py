"""The serializer: nesting spans, indentation that never touches text, the digest seal."""
from __future__ import annotations

from lxml import etree

from tei_tools import serialize
from tei_tools.model import Block, Container, Document, Metadata, Omission, Span
from tei_tools.xml import TEI_NS

T = {"t": TEI_NS}


def leaf_xml(text: str, spans: list[Span]) -> str:
    doc = Document("x.txt", text, "book", Metadata(title="X"))
    doc.body = [Container("div", [Block("p", text, 0, spans=spans)])]
    root = serialize.to_tei(doc)
    p = root.find(".//t:body//t:p", T)
    return etree.tostring(p, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0]


def test_spans_nest_inside_quotations():
    text = "He said “Anna came in 1907” twice."
    spans = [Span.make(8, 27, "q"), Span.make(9, 13, "persName", ref="persons.xml#anna"),
             Span.make(22, 26, "date", when="1907")]
    assert leaf_xml(text, spans) == (
        'He said <q>“<persName ref="persons.xml#anna">Anna</persName> came in <date when="1907">1907</date>”</q> twice.')


def test_a_crossing_span_is_left_out_and_text_is_kept():
    text = "one two three four"
    spans = [Span.make(0, 7, "q"), Span.make(4, 13, "persName", ref="#x")]
    assert leaf_xml(text, spans) == "<q>one two</q> three four"


def test_equal_extents_put_the_quotation_outside():
    text = "“Koba”"
    assert leaf_xml(text, [Span.make(0, 6, "persName", ref="#k"), Span.make(0, 6, "q")]) == \
        '<q><persName ref="#k">“Koba”</persName></q>'


def test_empty_and_out_of_range_spans_are_ignored():
    assert leaf_xml("abc", [Span.make(1, 1, "q"), Span.make(2, 9, "q")]) == "abc"


def test_indentation_never_enters_text():
    doc = Document("x.txt", "Anna\n\nB", "book", Metadata(title="X"))
    doc.body = [Container("div", [Block("head", "Anna", 0, spans=[Span.make(0, 4, "persName", ref="#a")]),
                                  Block("p", "B", 6)])]
    root = serialize.to_tei(doc)
    head = root.find(".//t:head", T)
    assert head.text is None and head[0].tail is None
    assert root.find(".//t:body/t:div", T).text.strip() == ""


def test_omissions_are_declared_with_lines():
    doc = Document("x.txt", "a", "book", Metadata(title="X"),
                   omissions=[Omission("Advertisement", 5, 3, "advertisement", "Ads were removed.")])
    doc.body = [Block("p", "a", 0)]
    root = serialize.to_tei(doc)
    text = root.xpath("string(//t:normalization/t:p)", namespaces=T)
    assert "Ads were removed." in text and "Removed 1" in text and "lines 3" in text


def test_the_seal_detects_any_change():
    doc = Document("x.txt", "a", "book", Metadata(title="X"))
    doc.body = [Block("p", "a", 0)]
    data = serialize.to_bytes(doc, "../schema/tei-tools")
    assert serialize.is_untouched(data) is True
    assert b'<?xml-model href="../schema/tei-tools.rng"' in data
    assert serialize.is_untouched(data.replace(b">a<", b">b<")) is False
