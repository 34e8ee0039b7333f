"""The one serializer: Document (blocks + spans + metadata) -> TEI P5 tree and bytes.

Spans become nested inline elements. Where two spans cross, the one of lower rank (see
SPAN_RANK) is left out, so the result is always well-formed and a quotation keeps the persons and
dates inside it. Leaves' text is written exactly as the reader cut it from the source.
"""
from __future__ import annotations

import datetime
import hashlib
import os
import re
from collections import Counter

from lxml import etree

from tei_tools import __version__, text_xml
from tei_tools.model import Block, Container, Document, Mention, Node, Responsibility, Span
from tei_tools.xml import TEI_NS, XML_NS

TOOL_ID = "tei-tools"
JULIAN_POINTER = "#julian"  # @datingMethod of a date the text gives in the Julian calendar
DIGEST_TYPE = "tei-tools-digest"
DIGEST_PLACEHOLDER = "sha256:" + "0" * 64
DIGEST_PATTERN = re.compile(rb'(<idno type="' + DIGEST_TYPE.encode() + rb'">)(sha256:[0-9a-f]{64})(</idno>)')
# Outer elements first when spans share their extent; lower rank wins a crossing.
SPAN_RANK = {"ref": 0, "quote": 1, "q": 1, "said": 1, "persName": 2, "roleName": 3, "date": 4}
LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
             "ru": "Russian", "la": "Latin"}


def E(tag: str, *children, **attrs) -> etree._Element:
    """A TEI element; string children become text, attrs with None values are skipped."""
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for name, value in attrs.items():
        if value is not None:
            element.set(_attribute_name(name), str(value))
    for child in children:
        if isinstance(child, str):
            _append_text(element, child)
        elif child is not None:
            element.append(child)
    return element


def _attribute_name(name: str) -> str:
    if name.startswith("xml_"):
        return f"{{{XML_NS}}}{name[4:]}"
    return name.rstrip("_")  # from_ -> from


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


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


# ---------------------------------------------------------------- header


def header(doc: Document, source_digest: str) -> etree._Element:
    generated = generation_date()
    return E("teiHeader", _file_desc(doc, source_digest, generated), _encoding_desc(doc),
             _profile_desc(doc), _revision_desc(doc, source_digest, generated))


def _file_desc(doc: Document, source_digest: str, generated: str) -> etree._Element:
    """What the edition is: its title, who made it (the tool; the source's own credits stay with
    the source, in sourceDesc), who publishes it and under what terms, and what it is made from."""
    meta = doc.meta
    title = meta.title or doc.source_name.rsplit(".", 1)[0]
    title_stmt = E("titleStmt", E("title", title, type="main"),
                   E("title", f"A TEI edition of the {_kind_label(doc.kind)}", type="sub"),
                   *[E("author", name) for name in meta.authors])
    title_stmt.append(E("respStmt", E("resp", "Conversion to TEI and automatic markup of persons, dates and quotations"),
                        E("name", f"tei-tools {__version__}"), xml_id=TOOL_ID))
    return E("fileDesc", title_stmt, _publication_stmt(doc, generated), E("sourceDesc", _source_bibl(doc, source_digest)))


def _publication_stmt(doc: Document, generated: str) -> etree._Element:
    """The publisher of the edition is whoever the sidecar names (edition_authority): never the
    software. The date is the day the edition was generated; the licence, when one is known."""
    meta = doc.meta
    authority = meta.extra.get("edition_authority", "").strip()
    publication = E("publicationStmt",
                    E("authority", authority or "No publisher or authority was named for this edition"),
                    E("idno", DIGEST_PLACEHOLDER, type=DIGEST_TYPE))
    publication.append(E("date", generated, when=generated))
    if meta.licence:
        availability = E("availability", E("licence", meta.licence, target=licence_url(meta.licence)))
    else:
        availability = E("availability", E("p", "No licence was given for this edition. The source text's rights "
                                                "remain with its rights holders; see the source description."),
                         status="unknown")
    publication.append(availability)
    return publication


# Licences whose names are unambiguous, and where their text is (a claim of the edition: only
# the well-known Creative Commons names, as written in a sidecar's "licence").
_CC_LICENCE = re.compile(r"(?i)^\s*(?:CC[ -]?)?(BY(?:[ -](?:NC|SA|ND)){0,2})[ -](\d\.\d)(?:[ -]international)?\s*$")


def licence_url(licence: str) -> str | None:
    """The address of a Creative Commons licence named like "CC BY 4.0" or "CC0 1.0", else None."""
    if re.fullmatch(r"(?i)\s*CC0(?:[ -]1\.0)?\s*", licence):
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = _CC_LICENCE.match(licence)
    if not match:
        return None
    kind = "-".join(match.group(1).lower().replace(" ", "-").split("-"))
    return f"https://creativecommons.org/licenses/{kind}/{match.group(2)}/"


def _kind_label(kind: str) -> str:
    return {"book": "book excerpt", "biography": "biography", "transcript": "podcast transcript"}.get(kind, kind)


def _source_bibl(doc: Document, source_digest: str) -> etree._Element:
    """The source as far as it (or its sidecar) tells: title, authors, its own credits as clean
    respStmts (names only; an affiliation in a note), publisher, date, address, credit line,
    and a plain statement of what was not given."""
    meta = doc.meta
    level = {"book": "m", "transcript": "a"}.get(doc.kind, "a")
    bibl = E("bibl", E("title", meta.title, level=level) if meta.title else None,
             *[E("author", name) for name in meta.authors], type=doc.kind)
    if meta.series:
        bibl.append(E("title", meta.series, level="s" if doc.kind == "transcript" else "j"))
    for roles, name, affiliation in _grouped_credits(meta.responsibilities):
        statement = E("respStmt", *[E("resp", role) for role in roles], E("name", name))
        if affiliation:
            statement.append(E("note", E("orgName", affiliation), type="affiliation"))
        bibl.append(statement)
    if meta.publisher:
        bibl.append(E("publisher", meta.publisher))
    if meta.pub_place:
        bibl.append(E("pubPlace", meta.pub_place))
    if meta.date:
        bibl.append(E("date", meta.date_text or meta.date, when=meta.date))
    if meta.source_url:
        bibl.append(E("ref", meta.source_url, target=meta.source_url))
    if meta.source_statement:
        bibl.append(E("note", meta.source_statement, type="credit"))
    missing = [label for label, value in (("author", meta.authors), ("publisher", meta.publisher),
                                          ("date", meta.date), ("address (URL)", meta.source_url)) if not value]
    if missing:
        bibl.append(E("note", f"Not given by the source text or a sidecar file: {', '.join(missing)}.",
                      type="not-given"))
    bibl.append(E("note", f"Plain-text file {doc.source_name}, {source_digest}.", type="file"))
    return bibl


def _grouped_credits(credits: list[Responsibility]) -> list[tuple[list[str], str, str]]:
    """[(roles, name, affiliation)]: one entry per person (and affiliation), in the order of
    first credit, with every role they are credited for ("Host", "Editor", ...)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for credit in credits:
        roles = grouped.setdefault((credit.name, credit.affiliation), [])
        if credit.resp not in roles:
            roles.append(credit.resp)
    return [(roles, name, affiliation) for (name, affiliation), roles in grouped.items()]


def _encoding_desc(doc: Document) -> etree._Element:
    app = E("application", E("label", "tei-tools"), ident="tei-tools", version=__version__)
    paragraphs = [
        f"Converted automatically from a plain-text {_kind_label(doc.kind)} by tei-tools {__version__}. "
        "Blocks of text separated by blank lines became headings, paragraphs, captions (figure/head), "
        "bibliographic lines and block quotations; the words of the source are kept unchanged and in order.",
        "Persons (persName) were recognised and linked to the personography persons.xml by the tool: "
        "each @cert says how sure the identification is and @resp names the tool, for an editor to review.",
        _dates_paragraph(doc),
        "Lines that the source repeats (titles, captions) are kept and marked type=\"repeated\".",
    ]
    paragraphs += _note_marker_statement(doc)
    editorial = E("editorialDecl", *[E("p", text) for text in paragraphs])
    normalization = _normalization(doc)
    if normalization is not None:
        editorial.append(normalization)
    return E("encodingDesc", E("appInfo", app), editorial)


def _note_marker_statement(doc: Document) -> list[str]:
    """What the source's note markers ("(12)") are in this edition, and whether their notes are."""
    markers = [(span.attr("n"), span.attr("target")) for block in doc.blocks() for span in block.spans
               if span.tag == "ref" and span.attr("type") == "noteref"]
    if not markers:
        return []
    unlinked = [n for n, target in markers if not target]
    numbers = sorted({int(n) for n, _ in markers if n and n.isdigit()})
    extent = f"({numbers[0]})–({numbers[-1]})" if len(numbers) > 1 else f"({numbers[0]})" if numbers else ""
    if unlinked:
        return [f"The source's note markers {extent} are kept as ref type=\"noteref\" without a target: they refer "
                "to the source's own list of notes or references, which was not part of the text converted and is "
                "not included in this edition. They are not linked to any passage of this edition (the numbered "
                "Primary Sources, where the source has them, have a numbering of their own)."]
    return [f"The source's note markers {extent} are ref type=\"noteref\" elements pointing at the source's own "
            "notes, kept at the end of the text (div type=\"notes\", note place=\"end\")."]


def _normalization(doc: Document) -> etree._Element | None:
    if not doc.omissions:
        return None
    counts = Counter(o.reason for o in doc.omissions)
    element = E("normalization")
    for reason in sorted(counts):
        found = [o for o in doc.omissions if o.reason == reason]
        lines = ", ".join(str(o.line) for o in found)
        examples = list(dict.fromkeys(example for _, example in sorted({o.text: o.example for o in found}.items())))
        element.append(E("p", f"{found[0].description} {found[0].action} {counts[reason]} "
                              f"({reason}: {'; '.join(examples[:3])}) at source lines {lines}.",
                         n=reason))
    return element


def _profile_desc(doc: Document) -> etree._Element:
    code = doc.meta.language or "en"
    return E("profileDesc", E("langUsage", E("language", LANGUAGES.get(code, code), ident=code)),
             _calendar_desc(doc), *_corresp_descs(doc))


# ---------------------------------------------------------------- dates and correspondence (header)


def _old_style_dates(doc: Document) -> list[Span]:
    return [span for block in doc.blocks() for span in block.spans
            if span.tag == "date" and span.attr("datingMethod") == JULIAN_POINTER]


def _dates_paragraph(doc: Document) -> str:
    """What the date values mean, and what was converted from which calendar."""
    text = ("Dates carry normalised ISO 8601 values in @when, @from/@to or @notBefore/@notAfter, always in the "
            "proleptic Gregorian calendar. A value taken from the context (a dateline, an entry or month heading, "
            "or the narrative) rather than from the date's own words carries @cert and @resp; where nothing fixes "
            "the year, the value has none (--MM-DD).")
    old_style = _old_style_dates(doc)
    if old_style:
        text += (f" {len(old_style)} date(s) given in the Julian calendar (Old Style) were converted by Julian day "
                 "numbers: the Julian reading is kept in @when-custom (@from-custom, @to-custom) with "
                 "@datingMethod=\"#julian\" (see calendarDesc).")
        if doc.meta.julian_until:
            text += f" Days up to {doc.meta.julian_until} are read as Old Style unless the text marks them New Style."
    else:
        text += " The text gives no Old Style dates: no calendar conversion was made."
    return text + " Quotation marks are kept in the text inside q and quote."


def _calendar_desc(doc: Document) -> etree._Element | None:
    """The calendars the dates use, declared exactly when a date is in a calendar besides the Gregorian."""
    if not _old_style_dates(doc):
        return None
    return E("calendarDesc",
             E("calendar", E("p", "Gregorian calendar (New Style), proleptic before 1582: the values of @when, "
                                  "@from, @to, @notBefore and @notAfter."), xml_id="gregorian"),
             E("calendar", E("p", "Julian calendar (Old Style): the values of @when-custom, @from-custom and "
                                  "@to-custom on dates with @datingMethod=\"#julian\", as the text writes them."),
               xml_id="julian"))


def _corresp_descs(doc: Document) -> list[etree._Element]:
    """One correspDesc per letter (CMIF): sender, place and date of writing, addressee, as the text
    gives them; nothing where the text names nothing."""
    descriptions = []
    for facts in doc.correspondence:
        sent = [child for child in (_mention_name(facts.sender), _mention_place(facts.place),
                                    _dateline_date(facts.dateline)) if child is not None]
        received = [child for child in (_mention_name(facts.addressee),) if child is not None]
        if not sent and not received:
            continue
        description = E("correspDesc", ref=f"#{facts.letter_id}" if facts.letter_id else None)
        if sent:
            description.append(E("correspAction", *sent, type="sent"))
        if received:
            description.append(E("correspAction", *received, type="received"))
        descriptions.append(description)
    return descriptions


def _mention_name(mention: Mention | None) -> etree._Element | None:
    if mention is None or not mention.text.strip():
        return None
    end = len(mention.block.text) if mention.end is None else mention.end
    ref = next((span.attr("ref") for span in mention.block.spans
                if span.tag == "persName" and span.attr("ref") and span.start < end and mention.start < span.end), None)
    return E("persName", mention.text.strip(), ref=ref)


def _mention_place(mention: Mention | None) -> etree._Element | None:
    return None if mention is None or not mention.text.strip() else E("placeName", mention.text.strip())


def _dateline_date(dateline: Block | None) -> etree._Element | None:
    if dateline is None:
        return None
    span = next((s for s in sorted(dateline.spans) if s.tag == "date" and
                 (s.attr("when") or s.attr("from") or s.attr("notBefore"))), None)
    if span is None:
        return None
    return E("date", span.text_in(dateline.text), **{name.replace(":", "_"): value for name, value in span.attrs})


def _revision_desc(doc: Document, source_digest: str, generated: str) -> etree._Element:
    return E("revisionDesc", E("change", f"Generated by tei-tools {__version__} from {doc.source_name} "
                                         f"({source_digest}).", when=generated,
                               who=f"#{TOOL_ID}", type="generated"))


# ---------------------------------------------------------------- the generation date


def generation_date() -> str:
    """The day the edition is generated (UTC), or the day SOURCE_DATE_EPOCH names: the
    reproducible-builds convention, for byte-identical rebuilds on another day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()


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
    source_digest = "sha256:" + hashlib.sha256(doc.source_text.encode("utf-8")).hexdigest()
    # One tree from the root down: every element in it is served by the one default namespace
    # declaration, on TEI (the header's elements, made apart, lose theirs when appended).
    root = E("TEI", header(doc, source_digest), xml_lang=doc.meta.language or "en")
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
            return seal(data)
    body = etree.tostring(to_tei(doc), encoding="unicode")
    data = f'<?xml version="1.0" encoding="UTF-8"?>\n{pis}{body}\n'.encode("utf-8")
    return seal(data)


def _serialized_without_text_tree(doc: Document) -> str | None:
    """etree.tostring(to_tei(doc), encoding="unicode"), the <text> written by text_xml as lxml
    writes it and put in place of an empty one: no tree of it made, parsed or walked. None
    where text_xml cannot tell how lxml would write it."""
    text = text_xml.text_as_serialized(_text_parts(doc), _attributes, _forest_of)
    if text is None:
        return None
    root = E("TEI", header(doc, "sha256:" + hashlib.sha256(doc.source_text.encode("utf-8")).hexdigest()),
             xml_lang=doc.meta.language or "en")
    etree.SubElement(root, _tei_name("text"))
    root.text, root[0].tail, root[1].tail = "\n  ", "\n  ", "\n"
    indent(root[0], 1)
    etree.cleanup_namespaces(root)
    written = etree.tostring(root, encoding="unicode")
    place = written.rindex("<text/>")
    return written[:place] + text + written[place + len("<text/>"):]


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
