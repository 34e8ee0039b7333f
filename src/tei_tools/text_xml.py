"""An edition's <text> (front, body, back) written as one string of XML and parsed once.

Most of an edition's elements are in its text: one per block and one per span. Made one at a
time with lxml they cost most of the serializer's time; written as XML text and parsed in one
call (libxml2), the same tree comes out several times faster. The string is indented as
`serialize.indent` indents a tree (structure indented, the inside of a block never touched), so
the tree needs no further walk.

The tree is the same as the one `serialize` builds element by element: same elements, attributes
in the same order, same text. What the parser would change is escaped: `&`, `<`, `>` and carriage
returns in text (the parser turns a CR into a line feed); in attribute values also `"`, tabs and
line feeds (which the parser turns into spaces). Where this path cannot stand for the other
(a name that is not a plain XML name, text lxml refuses), `text_element` returns None and the
serializer builds the tree element by element, failing exactly as it always did.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from lxml import etree

from tei_tools.model import Block, Node
from tei_tools.xml import TEI_NS, XML_NS

_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*\Z")
_XML_PREFIXED = f"{{{XML_NS}}}"
# Our own markup, no DTD: nothing to resolve, nothing to fetch.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


class _NotPlain(Exception):
    """A tag or attribute name this path does not write: the tree is made element by element."""


def text_element(parts: list[tuple[str, list[Node]]], attributes: Callable[[Iterable], dict[str, str]],
                 forest_of: Callable[[Block], list]) -> etree._Element | None:
    """The <text> element (at level 1 of the document) holding `parts` [(front|body|back, nodes)];
    None if it must be made element by element. `attributes` maps a node's or span's (name,
    value) pairs to the attributes serialize sets; `forest_of` nests a block's spans."""
    try:
        written = _text(parts, attributes, forest_of, f'<text xmlns="{TEI_NS}">')
        return etree.fromstring(written, _PARSER)
    except (_NotPlain, etree.XMLSyntaxError, ValueError):
        return None


def text_as_serialized(parts: list[tuple[str, list[Node]]], attributes: Callable[[Iterable], dict[str, str]],
                       forest_of: Callable[[Block], list]) -> str | None:
    """The <text> element as `etree.tostring(..., encoding="unicode")` writes it inside the TEI
    element (no namespace declaration of its own), without making the tree, provided its
    characters are all written as they are (`written_as_is`, on the encoded edition); None
    where a name is not plain (then `text_element` or the element-by-element path decides).

    It writes what libxml2 writes: the escapes of `_escape_text` and `_escape_attribute` (checked
    for every character `written_as_is` allows, tests/test_text_xml.py), `<x/>` for an element
    with nothing in it, attributes as ` name="value"` in their order.
    """
    try:
        return _text(parts, attributes, forest_of, "<text>", empty_elements_closed=True)
    except _NotPlain:
        return None


# What lxml refuses or libxml2 might write otherwise: controls but tab and line breaks (C0, DEL,
# C1), noncharacters U+FFFE and U+FFFF; lone surrogates do not encode in UTF-8 at all.
_C0_AND_DEL = bytes(code for code in range(0x20) if code not in (0x09, 0x0A, 0x0D)) + b"\x7f"
_C1 = re.compile(rb"\xc2[\x80-\x9f]")


def written_as_is(data: bytes) -> bool:
    """Whether UTF-8 `data` holds only characters libxml2 writes as they are (or escaped as
    text_as_serialized escapes them): no control but tab and line breaks, no U+FFFE or U+FFFF.
    (Byte scans: a search for the characters over the text costs more than writing it.)"""
    if len(data.translate(None, _C0_AND_DEL)) != len(data):
        return False
    if b"\xc2" in data and _C1.search(data):
        return False
    return b"\xef\xbf\xbe" not in data and b"\xef\xbf\xbf" not in data


def _text(parts, attributes, forest_of, opening: str, empty_elements_closed: bool = False) -> str:
    out = [opening]
    writer = _Writer(out, attributes, forest_of, empty_elements_closed)
    for tag, nodes in parts:
        out.append(_pad(2))
        writer.container(tag, {}, nodes, 2)
    out.append(_pad(1) + "</text>")
    return "".join(out)


class _Writer:
    def __init__(self, out: list[str], attributes, forest_of, empty_elements_closed: bool):
        self.out, self.attributes, self.forest_of = out, attributes, forest_of
        self.empty_elements_closed = empty_elements_closed  # <p/>, as libxml2 writes an empty <p>
        self.start_tags: dict[tuple, str] = {}  # (tag, attribute pairs) -> its start tag: a person's
        # persName, a paragraph's <p>, written once

    def start_tag(self, tag: str, pairs: tuple) -> str:
        key = (tag, pairs)
        written = self.start_tags.get(key)
        if written is None:
            written = self.start_tags[key] = _start_tag(tag, self.attributes(dict(pairs).items()))
        return written

    def node(self, node: Node, level: int) -> None:
        if isinstance(node, Block):
            start = self.start_tag(node.tag, tuple(node.attrs.items()))
            forest = self.forest_of(node)
            if not node.text and not forest and self.empty_elements_closed:
                self.out.append(start[:-1] + "/>")
                return
            self.out.append(start)
            self.leaf(node.text, forest, 0, len(node.text))
            self.out.append(f"</{node.tag}>")
        else:
            self.container(node.tag, node.attrs, node.children, level)

    def container(self, tag: str, attrs: dict, children: list[Node], level: int) -> None:
        start = self.start_tag(tag, tuple(attrs.items()))
        if not children:
            self.out.append(start[:-1] + "/>")
            return
        self.out.append(start)
        for child in children:
            self.out.append(_pad(level + 1))
            self.node(child, level + 1)
        self.out.append(_pad(level) + f"</{tag}>")

    def leaf(self, text: str, forest: list, start: int, end: int) -> None:
        append, start_tag, escape = self.out.append, self.start_tag, _escape_text  # the innermost loop
        position = start
        for span, children in forest:
            append(escape(text[position:span.start]))
            append(start_tag(span.tag, span.attrs))
            if children:
                self.leaf(text, children, span.start, span.end)
            else:  # most spans hold text alone
                append(escape(text[span.start:span.end]))
            append(_end_tag(span.tag))
            position = span.end
        append(escape(text[position:end]))


def _pad(level: int, pads: dict[int, str] = {}) -> str:
    pad = pads.get(level)
    if pad is None:
        pad = pads[level] = "\n" + "  " * level
    return pad


def _end_tag(tag: str, written: dict[str, str] = {}) -> str:
    end = written.get(tag)
    if end is None:
        end = written[tag] = f"</{tag}>"
    return end


def _start_tag(tag: str, attributes: dict[str, str]) -> str:
    _check_name(tag)
    if not attributes:
        return f"<{tag}>"
    written = "".join([_attribute_opening(name) + _escape_attribute(value) + '"' for name, value in attributes.items()])
    return f"<{tag}{written}>"


def _attribute_opening(name: str, written: dict[str, str] = {}) -> str:
    """' name="' for an attribute name as lxml takes it ({XML namespace}id: xml:id)."""
    opening = written.get(name)
    if opening is None:
        if name.startswith(_XML_PREFIXED):
            _check_name(name[len(_XML_PREFIXED):])
            opening = f' xml:{name[len(_XML_PREFIXED):]}="'
        else:
            _check_name(name)
            opening = f' {name}="'
        written[name] = opening
    return opening


def _check_name(name: str, plain: set[str] = set()) -> None:
    if name not in plain:
        if not _PLAIN_NAME.match(name):
            raise _NotPlain(name)
        plain.add(name)


def _escape_text(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _escape_attribute(value: str) -> str:
    value = _escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    return value
