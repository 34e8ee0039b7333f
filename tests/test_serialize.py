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


# ---------------------------------------------------------------- properties of any set of spans

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TAGS = ["q", "persName", "date", "roleName", "quote"]


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ab c\u201c\u201d.", min_size=1, max_size=40))
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text) + 1))
        end = draw(st.integers(start - 1, len(text) + 2))
        spans.append(Span.make(start, end, draw(st.sampled_from(TAGS)), n=str(draw(st.integers(0, 2)))))
    return text, spans


def _written(text: str, spans: list[Span]) -> etree._Element:
    doc = Document("x.txt", text, "book", Metadata(title="X"))
    doc.body = [Container("div", [Block("p", text, 0, spans=spans)])]
    return serialize.to_tei(doc).find(".//t:body//t:p", T)


def _extents(element: etree._Element, start: int = 0) -> tuple[list[tuple[int, int, str, tuple]], int]:
    """(start, end, tag, attrs) of every element inside, from their text positions."""
    found, position = [], start + len(element.text or "")
    for child in element:
        inner, end = _extents(child, position)
        found.append((position, end, etree.QName(child).localname, tuple(sorted(child.attrib.items()))))
        found += inner
        position = end + len(child.tail or "")
    return found, position


@settings(max_examples=150, deadline=None)
@given(case=text_and_spans())
def test_any_spans_keep_the_text_and_become_elements_over_exactly_their_extent(case):
    text, spans = case
    paragraph = _written(text, spans)
    assert "".join(paragraph.itertext()) == text  # never a character lost, added or moved
    written, _ = _extents(paragraph)
    usable = {(s.start, s.end, s.tag, s.attrs) for s in spans if 0 <= s.start < s.end <= len(text)}
    assert set(written) <= usable and len(written) == len(set(written))
    for start, end, tag, attrs in usable:
        crosses = any(o[0] < start < o[1] < end or start < o[0] < end < o[1] for o in usable)
        if not crosses:  # a span that crosses none is always written
            assert (start, end, tag, attrs) in written


@settings(max_examples=100, deadline=None)
@given(case=text_and_spans())
def test_written_elements_never_cross(case):
    written, _ = _extents(_written(*case))
    for a in written:
        for b in written:
            assert not (a[0] < b[0] < a[1] < b[1]), (a, b)


def test_spans_of_equal_extent_nest_by_rank_whatever_their_order():
    text = "Koba"
    for order in ([("date", "d"), ("persName", "p"), ("q", "q")], [("q", "q"), ("date", "d"), ("persName", "p")]):
        spans = [Span.make(0, 4, tag, n=n) for tag, n in order]
        inner = _written(text, spans)
        assert [etree.QName(e).localname for e in inner.iter()][1:] == ["q", "persName", "date"]


def test_leaves_keep_leading_and_trailing_spaces_and_line_breaks():
    text = "  Anna\ncame  "
    paragraph = _written(text, [Span.make(2, 6, "persName", ref="#a")])
    assert paragraph.text == "  " and paragraph[0].tail == "\ncame  "


def test_structure_attributes_reach_the_edition():
    doc = Document("x.txt", "One\n\nTwo", "book", Metadata(title="X"))
    doc.body = [Container("div", [Block("head", "One", 0, attrs={"type": "repeated"}),
                                  Block("p", "Two", 5, attrs={"n": "7"})], {"type": "chapter", "n": "2"})]
    root = serialize.to_tei(doc)
    div = root.find(".//t:body/t:div", T)
    assert dict(div.attrib) == {"type": "chapter", "n": "2"}
    assert root.find(".//t:head", T).get("type") == "repeated" and root.find(".//t:body//t:p", T).get("n") == "7"


def test_a_source_quoting_the_digest_placeholder_keeps_it_and_the_seal_still_holds():
    """The seal replaces the placeholder in the header only: the text is sacred, whatever it holds."""
    text = f"The file said {serialize.DIGEST_PLACEHOLDER} twice: {serialize.DIGEST_PLACEHOLDER}."
    doc = Document("x.txt", text, "book", Metadata(title="X"))
    doc.body = [Block("p", text, 0)]
    data = serialize.to_bytes(doc)
    body = etree.fromstring(data).find(".//t:body/t:p", T)
    assert body.text == text
    assert serialize.is_untouched(data) is True


def test_the_xml_is_indented_two_spaces_a_level_for_people_who_read_it():
    doc = Document("x.txt", "One\n\nTwo", "book", Metadata(title="X"))
    doc.body = [Container("div", [Block("head", "One", 0), Block("p", "Two", 5)], {"type": "section"})]
    lines = serialize.to_bytes(doc).decode("utf-8").splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[1].startswith("<TEI ") and lines[-1] == "</TEI>"
    indents = {line.strip().split(">")[0] + ">": len(line) - len(line.lstrip()) for line in lines}
    assert indents["<teiHeader>"] == 2 and indents["<fileDesc>"] == 4 and indents["<titleStmt>"] == 6
    assert indents["<text>"] == 2 and indents["<body>"] == 4 and indents['<div type="section">'] == 6
    assert "        <head>One</head>" in lines and "        <p>Two</p>" in lines
    assert "      </div>" in lines and "  </text>" in lines


def test_adjacent_spans_are_both_written():
    text = "AnnaBob met in 1913."
    spans = [Span.make(0, 4, "persName", ref="#a"), Span.make(4, 7, "persName", ref="#b"),
             Span.make(15, 19, "date", when="1913")]
    assert leaf_xml(text, spans) == ('<persName ref="#a">Anna</persName><persName ref="#b">Bob</persName> met in '
                                     '<date when="1913">1913</date>.')


def test_a_kind_of_source_the_serializer_has_no_label_for_is_named_as_it_is():
    doc = Document("x.txt", "a", "letter", Metadata(title="X"))
    doc.body = [Block("p", "a", 0)]
    root = serialize.to_tei(doc)
    assert root.xpath("string(//t:titleStmt/t:title[@type='sub'])", namespaces=T) == "A TEI edition of the letter"


def test_without_a_title_the_file_name_less_its_extension_is_the_title():
    doc = Document("letters.1913.txt", "a", "book", Metadata())
    doc.body = [Block("p", "a", 0)]
    root = serialize.to_tei(doc)
    assert root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=T) == "letters.1913"
    assert not root.xpath("//t:sourceDesc/t:bibl/t:title", namespaces=T)  # no empty title for the source
