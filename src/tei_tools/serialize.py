"""The one serializer: Document (blocks + spans + metadata) -> TEI P5 tree and bytes.

Spans become nested inline elements. Where two spans cross, the one of lower rank (see
SPAN_RANK) is left out, so the result is always well-formed and a quotation keeps the persons and
dates inside it. Leaves' text is written exactly as the reader cut it from the source.
"""
from __future__ import annotations

import hashlib
import re

from lxml import etree

from tei_tools import text_xml
from tei_tools.model import Block, Document, Node, Span
from tei_tools.tei_elements import (DIGEST_PLACEHOLDER, DIGEST_TYPE, JULIAN_POINTER, LANGUAGES, TOOL_ID, E,
                                    _attribute_name)
from tei_tools.teiheader import _grouped_credits, generation_date, header, licence_url
from tei_tools.xml import TEI_NS

__all__ = ["DIGEST_PLACEHOLDER", "DIGEST_TYPE", "JULIAN_POINTER", "LANGUAGES", "TOOL_ID", "E", "generation_date",
           "header", "licence_url", "_grouped_credits", "to_tei", "to_bytes"]  # also the header's, as before

DIGEST_PATTERN = re.compile(rb'(<idno type="' + DIGEST_TYPE.encode() + rb'">)(sha256:[0-9a-f]{64})(</idno>)')
# Outer elements first when spans share their extent; lower rank wins a crossing.
SPAN_RANK = {"ref": 0, "quote": 1, "q": 1, "said": 1, "persName": 2, "roleName": 3, "date": 4}


# ---------------------------------------------------------------- text


def _write_nodes(parent: etree._Element, nodes: list[Node], leaves: list[etree._Element]) -> None:
    """The nodes' elements, made in place (SubElement: the parent's namespace declaration serves
    them; most of a document's elements are made here); `leaves` gets the elements that hold
    source text, which indent() must not touch."""
    for node in nodes:
        element = etree.SubElement(parent, _tei_name(node.tag), _attributes(node.attrs.items()))
        if isinstance(node, Block):
            leaves.append(element)
            _fill(element, node.text, nest_spans(node.spans, len(node.text)))
        else:
            _write_nodes(element, node.children, leaves)


def _tei_name(tag: str, names: dict[str, str] = {}) -> str:
    """{TEI}tag, made once per tag."""
    name = names.get(tag)
    if name is None:
        name = names[tag] = f"{{{TEI_NS}}}{tag}"
    return name


def _attributes(attrs, names: dict[str, str] = {}) -> dict[str, str]:
    """The attributes as E() sets them: None values left out, names as _attribute_name makes them."""
    found = {}
    for name, value in attrs:
        if value is not None:
            attribute = names.get(name)
            if attribute is None:
                attribute = names[name] = _attribute_name(name)
            found[attribute] = str(value)
    return found


def nest_spans(spans: list[Span], length: int) -> list[tuple[Span, list]]:
    """Spans as a forest [(span, children)], dropping empty, out-of-range and crossing spans."""
    if not spans:
        return []
    # equal spans once (keyed by their fields: a tuple hashes faster than the dataclass does)
    distinct = {(s.start, s.end, s.tag, s.attrs): s for s in spans if 0 <= s.start < s.end <= length}
    ordered = sorted(distinct.values(), key=lambda s: (s.start, -s.end, SPAN_RANK.get(s.tag, 9), s.attrs))
    forest: list[tuple[Span, list]] = []
    stack: list[tuple[Span, list]] = []
    for span in ordered:
        while stack and stack[-1][0].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1][0].end:
            continue  # crosses the enclosing span: keep the enclosing (earlier, wider) one
        entry = (span, [])
        (stack[-1][1] if stack else forest).append(entry)
        stack.append(entry)
    return forest


def _fill(element: etree._Element, text: str, forest: list, start: int = 0, end: int | None = None) -> None:
    end = len(text) if end is None else end
    position = start
    # The text after a child goes into that child's tail. The last child is kept at hand:
    # asking lxml for it (len(element), element[-1]) walks every child, which made a block
    # with thousands of spans (a long one-line source) cost the square of its size.
    last = element[-1] if len(element) else None
    for span, children in forest:
        last = _add_text(element, last, text[position:span.start])
        child = etree.SubElement(element, _tei_name(span.tag), _attributes(dict(span.attrs).items()))
        _fill(child, text, children, span.start, span.end)
        last = child
        position = span.end
    _add_text(element, last, text[position:end])


def _add_text(element: etree._Element, last: etree._Element | None, text: str) -> etree._Element | None:
    if not text:  # an empty text node would be written <p></p>, not <p/>
        return last
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text
    return last


def indent(element: etree._Element, level: int = 0, leaves: set[etree._Element] | frozenset = frozenset()) -> None:
    """Indent structure for people who read the XML; never touch the inside of a leaf (an element
    in `leaves`, or one with text of its own)."""
    if element in leaves or not len(element) or (element.text or "").strip():
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        indent(child, level + 1, leaves)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


# ---------------------------------------------------------------- the generation date


_GENERATION_DATE = re.compile(rb'<change when="(\d{4}-\d\d-\d\d)" who="#' + TOOL_ID.encode() + rb'" type="generated">')


def recorded_generation_date(data: bytes) -> str | None:
    """The generation date an edition written by tei-tools records, if any."""
    match = _GENERATION_DATE.search(data)
    return match.group(1).decode() if match else None


def keep_generation_date(existing: bytes, regenerated: bytes) -> bytes:
    """The existing edition itself when regenerating it changed nothing but the date (a rebuild
    on another day leaves an unchanged edition byte for byte as it was), else `regenerated`."""
    old, new = recorded_generation_date(existing), recorded_generation_date(regenerated)
    if not old or not new or old == new or is_untouched(existing) is not True:
        return regenerated
    return existing if _dated(unseal(regenerated), new, old) == unseal(existing) else regenerated


def _dated(data: bytes, old: str, new: str) -> bytes:
    """Replace the generation date `old` by `new` where the header records it (change/@when and
    the publication date), nowhere else."""
    for pattern in (b'<date when="%s">%s</date>', b'<change when="%s" who="#' + TOOL_ID.encode() + b'"'):
        count = pattern.count(b"%s")
        data = data.replace(pattern % ((old.encode(),) * count), pattern % ((new.encode(),) * count), 1)
    return data


# ---------------------------------------------------------------- document


def to_tei(doc: Document) -> etree._Element:
    """The TEI element for a document, indented, without processing instructions."""
    root = _root_with_header(doc)
    parts = _text_parts(doc)
    text = text_xml.text_element(parts, _attributes, _forest_of)
    if text is not None:  # written as XML and parsed: indented already
        root.append(text)
        root.text, root[0].tail, text.tail = "\n  ", "\n  ", "\n"
        indent(root[0], 1)
    else:  # element by element
        text = etree.SubElement(root, _tei_name("text"))
        leaves: list[etree._Element] = []
        for part, nodes in parts:
            _write_nodes(etree.SubElement(text, _tei_name(part)), nodes, leaves)
        indent(root, leaves=set(leaves))
    etree.cleanup_namespaces(root)
    return root


def to_bytes(doc: Document, schema_href: str | None = None) -> bytes:
    """Serialized edition with xml-model PIs and the digest of these very bytes in the header."""
    return seal(unsealed_bytes(doc, schema_href))


def unsealed_bytes(doc: Document, schema_href: str | None = None) -> bytes:
    """`to_bytes` before `seal` writes the digest (its placeholder still in the header)."""
    pis = ""
    if schema_href:
        pis = (f'<?xml-model href="{schema_href}.rng" type="application/xml" '
               f'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
               f'<?xml-model href="{schema_href}.sch" type="application/xml" '
               f'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n')
    body = _serialized_without_text_tree(doc)
    if body is not None:
        try:
            data = f'<?xml version="1.0" encoding="UTF-8"?>\n{pis}{body}\n'.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: lxml says what is wrong
            data = None
        if data is not None and text_xml.written_as_is(data):
            return data
    body = etree.tostring(to_tei(doc), encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{pis}{body}\n'.encode("utf-8")


def _serialized_without_text_tree(doc: Document) -> str | None:
    """etree.tostring(to_tei(doc), encoding="unicode"), the <text> written by text_xml as lxml
    writes it and put in place of an empty one: no tree of it made, parsed or walked. None
    where text_xml cannot tell how lxml would write it."""
    text = text_xml.text_as_serialized(_text_parts(doc), _attributes, _forest_of)
    if text is None:
        return None
    root = _root_with_header(doc)
    etree.SubElement(root, _tei_name("text"))
    root.text, root[0].tail, root[1].tail = "\n  ", "\n  ", "\n"
    indent(root[0], 1)
    etree.cleanup_namespaces(root)
    written = etree.tostring(root, encoding="unicode")
    place = written.rindex("<text/>")
    return written[:place] + text + written[place + len("<text/>"):]


def _root_with_header(doc: Document) -> etree._Element:
    """The TEI element with its teiHeader. One tree from the root down: every element in it is
    served by the one default namespace declaration, on TEI (the header's elements, made apart,
    lose theirs when appended)."""
    source_digest = "sha256:" + hashlib.sha256(doc.source_text.encode("utf-8")).hexdigest()
    return E("TEI", header(doc, source_digest), xml_lang=doc.meta.language or "en")


def _text_parts(doc: Document) -> list[tuple[str, list[Node]]]:
    return [(part, nodes) for part, nodes in (("front", doc.front), ("body", doc.body), ("back", doc.back))
            if nodes or part == "body"]


def _forest_of(block: Block) -> list:
    return nest_spans(block.spans, len(block.text))


def seal(data: bytes) -> bytes:
    """Write the digest of the file (taken with the placeholder in place) into the file."""
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    return data.replace(DIGEST_PLACEHOLDER.encode(), digest.encode(), 1)


def unseal(data: bytes) -> bytes:
    """The bytes as they were before seal() wrote their digest."""
    match = DIGEST_PATTERN.search(data)
    return data if not match else data[:match.start(2)] + DIGEST_PLACEHOLDER.encode() + data[match.end(2):]


def is_untouched(data: bytes) -> bool | None:
    """True when the bytes are exactly as tei-tools wrote them; None when no digest is there."""
    match = DIGEST_PATTERN.search(data)
    if not match:
        return None
    unsealed = data[:match.start(2)] + DIGEST_PLACEHOLDER.encode() + data[match.end(2):]
    return hashlib.sha256(unsealed).hexdigest() == match.group(2).decode()[len("sha256:"):]
