"""The <text> written as XML and parsed (text_xml): byte for byte the edition that the serializer
makes element by element, and the element-by-element way wherever it cannot be."""
from __future__ import annotations

import pytest

from tei_tools import serialize, text_xml
from tei_tools.model import Block, Container, Document, Metadata, Span


def _document(body, front=(), back=()) -> Document:
    doc = Document("x.txt", "source", "book", Metadata(title="X"))
    doc.body, doc.front, doc.back = list(body), list(front), list(back)
    return doc


def _both_ways(doc: Document, monkeypatch) -> tuple[bytes, bytes]:
    """(as written, element by element); also checks the tree text_xml parses gives the same."""
    fast = serialize.to_bytes(doc, "schema/x")
    with monkeypatch.context() as patched:
        patched.setattr(text_xml, "text_as_serialized", lambda *args: None)
        parsed = serialize.to_bytes(doc, "schema/x")
        patched.setattr(text_xml, "text_element", lambda *args: None)
        slow = serialize.to_bytes(doc, "schema/x")
    assert parsed == slow
    return fast, slow


TRICKY = "a & b < c > d ]]> e \"f\" 'g' \t tab\r\n crlf \r cr — “é” 𝔘 &amp; <p>"


@pytest.mark.parametrize("doc", [
    _document([Block("p", TRICKY, 0)]),
    _document([Container("div", [Block("head", "H & I", 0), Block("p", TRICKY, 5, spans=[
        Span.make(0, 5, "q"), Span.make(2, 3, "persName", ref="#a&b"), Span.make(0, 5, "q"),  # twice: once
        Span.make(8, 40, "said", who="#x\ty\nz\r\"q\"<>&"), Span.make(10, 12, "date", when="1900"),
        Span.make(9, 11, "persName", ref="#crosses")])])]),
    _document([Container("div", [])], front=[Block("p", "", 0)], back=[Container("div", [Container("div", [
        Block("p", "deep", 0, attrs={"n": "1", "rend": None, "xml_id": "n1"})])])]),
    _document([Block("p", "x", 0, attrs={"type": "caption"}), Container("figure", [Block("head", "cap", 2)],
                                                                          attrs={"xml_id": "f1"})]),
    _document([]),  # an empty body
    _document([Block("p", "Anna met Boris in 1901.", 0, spans=[
        Span.make(0, 4, "persName", ref="persons.xml#anna", cert="high", resp="#tei-tools"),
        Span.make(9, 14, "persName", ref="persons.xml#boris"), Span.make(18, 22, "date", when="1901"),
        Span.make(0, 23, "q")])] * 3),
])
def test_the_edition_is_the_same_byte_for_byte(doc, monkeypatch):
    fast, slow = _both_ways(doc, monkeypatch)
    assert fast == slow
    assert b"<text>" in fast and b"</TEI>" in fast


def test_every_character_written_as_is_is_escaped_as_lxml_writes_it():
    from lxml import etree

    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    allowed = [c for c in every if text_xml.written_as_is(c.encode())]
    assert len(allowed) > 1_100_000 and "\x85" not in allowed and "\ufffe" not in allowed
    for start in range(0, len(allowed), 20_000):
        chunk = "".join(allowed[start:start + 20_000])
        element = etree.Element("p", a=chunk)
        element.text = chunk
        assert etree.tostring(element, encoding="unicode") == \
            f'<p a="{text_xml._escape_attribute(chunk)}">{text_xml._escape_text(chunk)}</p>'


def test_characters_not_written_as_is_are_told():
    for character in ["\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff"]:
        assert not text_xml.written_as_is(f"a{character}b".encode("utf-8", "surrogatepass"))
    assert text_xml.written_as_is("tab\t lf\n cr\r nbsp\xa0 \xc2\xa9 \ufffd \U0010fffd".encode())


def test_a_name_that_is_not_plain_is_made_element_by_element(monkeypatch):
    calls = []
    real = serialize._write_nodes
    monkeypatch.setattr(serialize, "_write_nodes", lambda *args: calls.append(1) or real(*args))
    serialize.to_bytes(_document([Block("p", "x", 0)]))
    assert not calls  # plain: written as XML
    with pytest.raises(ValueError):  # the error lxml has always given for such a name
        serialize.to_bytes(_document([Block("p", "x", 0, attrs={"bad name": "1"})]))
    assert calls


@pytest.mark.parametrize("character", ["\x7f", "\x85", "\x9f"])
def test_characters_lxml_takes_but_that_are_not_written_as_is_come_out_as_lxml_writes_them(character, monkeypatch):
    fast, slow = _both_ways(_document([Block("p", f"a{character}b", 0)]), monkeypatch)
    assert fast == slow and f"a{character}b".encode() in fast


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\ufffe", "\uffff", "\ud800"])
def test_text_lxml_refuses_fails_as_it_always_did(character, monkeypatch):
    doc = _document([Block("p", f"a{character}b", 0)])
    with pytest.raises(ValueError) as fast:
        serialize.to_bytes(doc)
    monkeypatch.setattr(text_xml, "text_as_serialized", lambda *args: None)
    monkeypatch.setattr(text_xml, "text_element", lambda *args: None)
    with pytest.raises(ValueError) as slow:
        serialize.to_bytes(doc)
    assert str(fast.value) == str(slow.value)


def test_the_seeds_editions_are_the_same_both_ways(monkeypatch):
    from pathlib import Path

    from tei_tools.convert import convert_text, read_source
    from tei_tools.personography import Personography

    for seed in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")):
        doc, fast, _ = convert_text(read_source(seed), seed.name, Personography.empty(), schema_href="s")
        with monkeypatch.context() as patched:
            patched.setattr(text_xml, "text_element", lambda *args: None)
            slow = serialize.to_bytes(doc, "s")
        assert fast == slow, seed.name
