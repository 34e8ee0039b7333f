"""Encyclopedia-style biographies, as on educational history websites.

Shape: the subject's name as title; paragraphs with numbered note markers "(12)"; one-line
section headings (some of them questions); image captions as blocks of several short lines (a
repeated line is the image's title repeated as its caption) or as one line that names a picture
and its date; then a "Primary Sources" heading followed by numbered extracts: a bibliographic
line "(N) Author, Title (date)" and the extract's paragraphs. The last extract may be a list of
one-line quotations.

Note markers "(12)" refer to the source's own numbered notes. When the source carries them (a
"Notes" or "References" heading near the end, then numbered entries), the notes become
`note place="end"` in a notes division and each marker a `ref type="noteref"` pointing at its
note; otherwise the marker is kept as a `ref type="noteref"` without a target: a reference to a
note that is not in this text. The "Primary Sources" extracts have a numbering of their own and
are never what a marker points at.
"""
from __future__ import annotations

import re

from tei_tools.model import Block, Container, Document, Metadata, Node, Span
from tei_tools.readers.common import (RawBlock, drop_furniture, is_heading_like, is_question_heading,
                                      split_blocks)

KIND = "biography"

SOURCES_HEADING = re.compile(r"(?i)^(primary|original) sources?$|^sources$|^documents$")
NOTES_HEADING = re.compile(r"(?i)^(?:notes|footnotes|endnotes|references|notes and references|citations)$")
NOTE_NUMBER = re.compile(r"^(?:\((\d{1,3})\)|\[(\d{1,3})\]|(\d{1,3})\.)\s")
SOURCE_NUMBER = re.compile(r"^\((\d{1,3})\)\s")
# "(12)" after a space or a mark, as the educational sites write it; "[12]" right after a word too,
# as encyclopedias do ("Engine.[1]", "computer[4][5]")
NOTE_MARKER = re.compile(r"(?<![^\s.,;:!?\"”’)])\((\d{1,3})\)(?=[\s.,;:]|$)"
                         r"|(?<=[\w.,;:!?\"”’)\]])\[(\d{1,3})\](?=[\s.,;:!?\[]|$)")
QUOTATIONS_CUE = re.compile(r"(?i)\bquotations?\b|\bsayings\b|\baphorisms\b")
CAPTION_LINE_MAX = 120
# A caption of one line: it credits the picture and dates it in brackets ("X by John Opie (1797)",
# "Artist, Title (May, 1905)"), or says what kind of picture it is. A heading may end with dates
# too ("The Civil War (1936-1939)"), but it names no artist.
ONE_LINE_CAPTION = re.compile(
    r"(?:,| by ).*\([^()]*\b\d{4}\)$|^(?i:an? )?(?i:photograph|photo|portrait|painting|poster|cartoon|drawing|"
    r"sketch|engraving|illustration|title page|map|statue|lithograph|woodcut|postcard|banner)\b")
LIST_ITEM = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s")  # "(a) ...", "1. ...", "ii) ..."


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND, Metadata())
    blocks = drop_furniture(split_blocks(source), doc.omissions)
    if blocks and is_heading_like(blocks[0].text):
        doc.meta.title = blocks[0].text
        doc.front = [_title_page(blocks[0])]
        blocks = blocks[1:]
    blocks, notes_heading, notes = _split_notes(blocks)
    main, sources = _split_sources(blocks)
    doc.body = _sections(main, {number for number, _ in notes})
    if sources:
        doc.body.append(_sources_div(sources))
    if notes_heading:
        doc.back = [_notes_div(notes_heading, notes)]
    return doc


def _split_notes(blocks: list[RawBlock]) -> tuple[list[RawBlock], RawBlock | None, list[tuple[str, list[RawBlock]]]]:
    """(the other blocks, the notes heading, [(n, blocks of note n)]): the source's own notes,
    when its last notes heading is followed by entries numbered 1, 2, 3 ... to the end."""
    for index in range(len(blocks) - 1, -1, -1):
        if not NOTES_HEADING.match(blocks[index].text.strip()):
            continue
        notes: list[tuple[str, list[RawBlock]]] = []
        for block in _note_lines(blocks[index + 1:]):
            match = NOTE_NUMBER.match(block.text)
            number = next((g for g in match.groups() if g), None) if match else None
            if number and int(number) == len(notes) + 1:
                notes.append((number, [block]))
            elif notes:
                notes[-1][1].append(block)
            else:
                break  # text before the first numbered note: not a list of notes
        if notes:
            return blocks[:index], blocks[index], notes
        break
    return blocks, None, []


def _note_lines(blocks: list[RawBlock]) -> list[RawBlock]:
    """The blocks after a notes heading, a block whose lines are numbered notes ("1. Toole, ...",
    "2. Stein, ...", written without blank lines between) cut into its lines."""
    cut: list[RawBlock] = []
    for block in blocks:
        lines = block.line_parts()
        if len(lines) > 1 and sum(bool(NOTE_NUMBER.match(line.text)) for line in lines) > 1:
            cut.extend(lines)
        else:
            cut.append(block)
    return cut


def _notes_div(heading: RawBlock, notes: list[tuple[str, list[RawBlock]]]) -> Container:
    div = Container("div", [heading.block("head")], {"type": "notes"})
    for number, parts in notes:
        attrs = {"n": number, "place": "end", "xml_id": note_id(number)}
        if len(parts) == 1:
            div.children.append(parts[0].block("note", **attrs))
        else:
            div.children.append(Container("note", [p.block("p") for p in parts], attrs))
    return div


def note_id(number: str) -> str:
    return f"note-{int(number)}"


def _title_page(block: RawBlock) -> Container:
    part = Container("docTitle", [block.block("titlePart", type="main")])
    return Container("titlePage", [part])


def _split_sources(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    for index, block in enumerate(blocks):
        if SOURCES_HEADING.match(block.text.strip()):
            return blocks[:index], blocks[index:]
    return blocks, []


def _sections(blocks: list[RawBlock], notes: set[str] = frozenset()) -> list[Node]:
    """A div per heading; what comes before the first heading is the opening section. The
    source's notes heading (when it has notes) is the head of the notes division, in the back."""
    divs: list[Container] = []
    current = Container("div", [], {"type": "section"})
    for block in blocks:
        if _is_one_line_caption(block):
            current.children.append(_figure(block))
        elif is_heading_like(block.text) or is_question_heading(block.text):
            if current.children:
                divs.append(current)
            current = Container("div", [block.block("head")], {"type": "section"})
        elif _is_caption(block):
            current.children.append(_figure(block))
        else:
            current.children.append(_paragraph(block, notes))
    if current.children:
        divs.append(current)
    return list(divs)


def _is_caption(block: RawBlock) -> bool:
    lines = block.lines
    return (len(lines) > 1 and all(0 < len(line) <= CAPTION_LINE_MAX for line in lines)
            and not any(LIST_ITEM.match(line) for line in lines))


def _is_one_line_caption(block: RawBlock) -> bool:
    text = block.text.strip()
    return "\n" not in text and len(text) <= CAPTION_LINE_MAX and bool(ONE_LINE_CAPTION.search(text))


def _figure(block: RawBlock) -> Container:
    """Each caption unit (a line plus its lower-case continuation lines) becomes a head."""
    heads: list[Node] = []
    seen: set[str] = set()
    for text, offset in _caption_units(block):
        attrs = {"type": "repeated"} if text in seen else {}
        heads.append(Block("head", text, offset, attrs))
        seen.add(text)
    return Container("figure", heads)


def _caption_units(block: RawBlock) -> list[tuple[str, int]]:
    units: list[tuple[int, int]] = []
    position = block.offset
    for line in block.lines:
        start, end = position, position + len(line)
        continues = units and line[:1].islower()
        units[-1:] = [(units[-1][0], end)] if continues else units[-1:] + [(start, end)]
        position = end + 1
    text = block.text
    return [(text[s - block.offset:e - block.offset], s) for s, e in units]


def _paragraph(block: RawBlock, notes: set[str] = frozenset()) -> Block:
    """A paragraph; its note markers point at the source's notes when the source has them."""
    paragraph = block.block("p")
    paragraph.spans = [Span.make(m.start(), m.end(), "ref", type="noteref", n=m[m.lastindex],
                                 target=f"#{note_id(m[m.lastindex])}" if m[m.lastindex] in notes else None)
                       for m in NOTE_MARKER.finditer(block.text)]  # one of its two groups matched: "(12)", "[12]"
    return paragraph


def _sources_div(blocks: list[RawBlock]) -> Container:
    heading, rest = blocks[0], blocks[1:]
    div = Container("div", [heading.block("head")], {"type": "sources"})
    groups = _group_sources(rest)
    for number, bibl, paragraphs in groups:
        div.children.append(_source(number, bibl, paragraphs))
    return div


def _group_sources(blocks: list[RawBlock]):
    """[(n, bibl block, extract blocks)]; a number must follow the previous one to start a source."""
    groups: list[tuple[str, RawBlock | None, list[RawBlock]]] = []
    expected = 1
    for block in blocks:
        match = SOURCE_NUMBER.match(block.text)
        if match and int(match.group(1)) == expected:
            bibl, extract = block.split_lines(1)  # the extract may follow without a blank line
            groups.append((match.group(1), bibl, [extract] if extract else []))
            expected += 1
        elif groups:
            groups[-1][2].append(block)
        else:
            groups.append(("0", None, [block]))
    return groups


def _source(number: str, bibl: RawBlock | None, paragraphs: list[RawBlock]) -> Container:
    children: list[Node] = [bibl.block("bibl")] if bibl else []
    if bibl and _is_quotation_list(bibl, paragraphs):
        items = [Container("item", [p.block("quote")]) for p in paragraphs]
        children.append(Container("list", items, {"type": "quotations"}))
        return Container("div", children, {"type": "source", "n": number})
    children += [Container("quote", [p.block("p")], {"type": "block"}) for p in paragraphs]
    return Container("div", [Container("cit", children)], {"type": "source", "n": number})


def _is_quotation_list(bibl: RawBlock, paragraphs: list[RawBlock]) -> bool:
    return bool(paragraphs) and bool(QUOTATIONS_CUE.search(bibl.text)) and all(
        "\n" not in p.text and len(p.text) < 400 for p in paragraphs)
