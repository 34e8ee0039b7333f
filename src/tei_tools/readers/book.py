"""Book excerpts as literary websites publish them.

Shape: paragraphs of narrative, possibly opened by a chapter heading ("Chapter 1", "One",
"Prologue", "2.") with a subtitle and an epigraph; "*" lines between sections; advertising
interjections between paragraphs; then (often after a rule line) back matter: a credit line
("From TITLE by AUTHOR. Published by PUBLISHER ... Copyright © YEAR ...", "Excerpted from ...
Reprinted by permission of ...", "Used with permission of the publisher, ..."), the author's name
(sometimes twice, sometimes not at all) and a short biography. Paragraphs that reproduce another
text without quotation marks become block quotations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tei_tools.annotate.quotes import find_block_quotations
from tei_tools.model import Block, Container, Document, Metadata, Node
from tei_tools.readers.common import (RawBlock, drop_furniture, is_heading_like, is_rule_line,
                                      is_section_break, split_blocks)

KIND = "book"

NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                "fifteen|sixteen|seventeen|eighteen|nineteen|twenty")
# A line that opens a chapter (or a part, prologue ...) and so starts a new division.
CHAPTER_HEADING = re.compile(
    rf"(?i)^(?:(?:chapter|part|book)\s+(?:\d{{1,3}}|[ivxlc]{{1,7}}|{NUMBER_WORDS})\b[^\n]{{0,80}}"
    rf"|(?:prologue|epilogue|preface|foreword|introduction|afterword|interlude|coda)\b[^\n]{{0,80}}"
    rf"|(?:\d{{1,3}}|(?-i:[IVXLC]{{1,7}}))\.?"
    rf"|(?:{NUMBER_WORDS}))$")
EPIGRAPH_ATTRIBUTION = re.compile(r"^[—–-]{1,2}\s*\S|^~\s*\S")
EPIGRAPH_MAX = 500  # an epigraph is a short quotation, never a page

# The credit line and its parts. A credit line is recognised by its cues; its parts are then
# looked for one by one, since sites order the sentences differently.
CREDIT_CUE = re.compile(
    r"(?i)^(?:excerpted |adapted |reprinted |taken )?from\s+(?:the book\s+)?\S.{0,300}?\s+by\s+[A-Z]"
    r"|copyright\s*(?:©|\(c\))|\b(?:used|reprinted|excerpted) (?:with|by) (?:the )?permission\b")
INITIAL = r"(?<![A-Za-z])[A-Z]\.\s*"  # "J. R." in a name: a period that does not end the sentence
CREDIT_TITLE_AUTHOR = re.compile(  # case matters: initials are capitals followed by a period
    r"(?:^|(?<=[.!?]\s))(?:(?:Excerpted|Adapted|Reprinted|Taken) from|[Ff]rom)\s+(?:the book\s+)?"
    rf"(?P<title>.+?),?\s+by\s+(?P<author>(?:{INITIAL}|[^.,(])+?)\s*"
    r"(?=[.(]|,\s*(?:[a-z]|(?i:published|copyright|used|an? ))|$)", re.DOTALL)
CREDIT_PUBLISHER = re.compile(
    r"(?i:\b(?:published|publication) by|\b(?:used|reprinted|excerpted|republished) (?:with|by) "
    r"(?:the )?permission of(?: the publisher,)?)\s+"
    rf"(?P<publisher>(?:{INITIAL}|[^.,])+(?:, (?:an|a) imprint of (?:{INITIAL}|[^.,])+)?)"
    rf"|\((?P<imprint>(?:{INITIAL}|[^.,()])+), (?:\d{{4}})\)")
CREDIT_YEAR = re.compile(r"(?i)copyright\s*(?:©|\(c\))?\s*(?P<year>\d{4})(?:\s+by\s+(?P<holder>[^.,]+))?"
                         r"|\([^()]+, (?P<year_only>\d{4})\)")


# The site's own note before an excerpt: "The following is excerpted from ...".
EDITORIAL_NOTE = re.compile(
    r"(?i)^the following (?:is|was|has been) (?:an? )?(?:excerpt(?:ed)?|adapted|taken|reprinted|from)\b")


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND)
    blocks = drop_furniture(split_blocks(source), doc.omissions)
    note = blocks[0] if blocks and EDITORIAL_NOTE.match(blocks[0].text) else None
    main, back = _split_back(blocks[1:] if note else blocks)
    doc.body = _body(main)
    doc.back, doc.meta = _back(back)
    if note:
        doc.front = [Container("div", [note.block("p")], {"type": "editorial-note"})]
        if not doc.meta.title:
            doc.meta = _credit_metadata(note.text)
    return doc


def is_credit(text: str) -> bool:
    return "\n" not in text.strip() and bool(CREDIT_CUE.search(text))


def _split_back(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """The last rule line (if back matter follows it), or else the credit line, separates the
    excerpt from its back matter."""
    for index in range(len(blocks) - 1, -1, -1):
        if is_rule_line(blocks[index].text) and _looks_like_back(blocks[index + 1:]):
            if index and is_credit(blocks[index - 1].text):  # the credit line above the rule
                index -= 1
            return blocks[:index], blocks[index:]
    for index, block in enumerate(blocks):
        if is_credit(block.text) and index > len(blocks) // 2:
            return blocks[:index], blocks[index:]
    return blocks, []


def _looks_like_back(blocks: list[RawBlock]) -> bool:
    """Back matter is a credit line or a few short blocks about the author, not more chapters."""
    return bool(blocks) and (is_credit(blocks[0].text) or len(blocks) <= 4)


@dataclass
class _Section:
    heads: list[RawBlock] = field(default_factory=list)
    epigraph: list[RawBlock] = field(default_factory=list)
    paragraphs: list[RawBlock] = field(default_factory=list)
    chapter: bool = False
    opened_by: RawBlock | None = None  # the section-break line ("*") that starts it, if any


def _body(blocks: list[RawBlock]) -> list[Node]:
    """A div per section ("*" breaks and chapter headings start one). Block quotations are judged
    over the whole excerpt, so that a section's first paragraph can be announced by the end of
    the section before it."""
    sections = _non_empty(_sections(blocks))
    paragraphs = [b for s in sections for b in s.paragraphs]
    quoted = dict(zip((b.offset for b in paragraphs), find_block_quotations([b.text for b in paragraphs])))
    nodes: list[Node] = []
    for number, section in enumerate(sections, start=1):
        if section.opened_by is not None and nodes:
            nodes.append(_section_break(section.opened_by))
        nodes.append(Container("div", _section_nodes(section, quoted),
                               {"type": "chapter" if section.chapter else "section", "n": str(number)}))
    return nodes


def _section_break(line: RawBlock) -> Block:
    """The break between two sections, as TEI marks it: an empty milestone, the source's
    ornament ("*", "* * *") kept in @rend so that renderers can show it as printed."""
    return Block("milestone", "", line.offset, {"unit": "section", "rend": "".join(line.text.split())})


def _non_empty(sections: list[_Section]) -> list[_Section]:
    """Sections with content; a break line that opened an empty one passes to the next."""
    kept: list[_Section] = []
    pending: RawBlock | None = None
    for section in sections:
        if not (section.heads or section.epigraph or section.paragraphs):
            pending = pending or section.opened_by
            continue
        section.opened_by = section.opened_by or pending
        pending = None
        kept.append(section)
    return kept


def _sections(blocks: list[RawBlock]) -> list[_Section]:
    sections = [_Section()]
    for index, block in enumerate(blocks):
        current = sections[-1]
        if is_section_break(block.text):
            sections.append(_Section(opened_by=block))
        elif CHAPTER_HEADING.match(block.text.strip()) and index + 1 < len(blocks):
            sections.append(_Section([block], chapter=True))
        elif not current.paragraphs and not current.epigraph and _is_head(block, current, blocks[index + 1:]):
            current.heads.append(block)
        elif _may_open_epigraph(current, len(sections) == 1) and _opens_epigraph(blocks, index, current):
            current.epigraph.append(block)
        else:
            current.paragraphs.append(block)
    return sections


def _may_open_epigraph(section: _Section, first: bool) -> bool:
    """Epigraphs stand at the top of the excerpt or of a headed chapter, before any paragraph."""
    return not section.paragraphs and (bool(section.heads) or first)


def _is_head(block: RawBlock, section: _Section, rest: list[RawBlock]) -> bool:
    """A heading-like line at the top of a section (a chapter's subtitle too) heads it."""
    if not rest or not is_heading_like(block.text, max_length=80):
        return False
    return not section.heads or (section.chapter and len(section.heads) == 1)


def _opens_epigraph(blocks: list[RawBlock], index: int, section: _Section) -> bool:
    """At a section's top, a short quotation whose attribution line starts with a dash."""
    block = blocks[index]
    if section.epigraph:  # the attribution after the quotation, if it is a block of its own
        return len(section.epigraph) == 1 and _is_attribution(block.text)
    lines = block.lines
    if len(block.text) > EPIGRAPH_MAX:
        return False
    if len(lines) > 1 and _is_attribution(lines[-1]):
        return True
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return following is not None and _is_attribution(following.text) and not _is_attribution(block.text)


def _is_attribution(text: str) -> bool:
    """"—Virginia Woolf, The Waves", not a line of dialogue set with a dash ("—Come in," she said)."""
    text = text.strip()
    if "\n" in text or len(text) > 150 or not EPIGRAPH_ATTRIBUTION.match(text):
        return False
    words = text.lstrip("—–-~ ").split()
    return bool(words) and words[0][:1].isupper() and len(words) <= 16 and not re.search(r"[?!\"“”]|\bsaid\b", text)


def _section_nodes(section: _Section, quoted: dict[int, bool]) -> list[Node]:
    nodes: list[Node] = [head.block("head", **({"type": "sub"} if index else {}))
                         for index, head in enumerate(section.heads)]
    if section.epigraph:
        nodes.append(_epigraph(section.epigraph))
    for block in section.paragraphs:
        if quoted[block.offset]:
            nodes.append(Container("quote", [block.block("p")], {"type": "block"}))
        else:
            nodes.append(block.block("p"))
    return nodes


def _epigraph(blocks: list[RawBlock]) -> Container:
    """epigraph/cit with the quotation and its attribution (bibl)."""
    if len(blocks) == 1:
        quotation, attribution = blocks[0].split_lines(len(blocks[0].lines) - 1)
    else:
        quotation, attribution = blocks
    children: list[Node] = []
    if quotation:
        children.append(Container("quote", [quotation.block("p")]))
    if attribution:
        children.append(attribution.block("bibl"))
    return Container("epigraph", [Container("cit", children)])


def _back(blocks: list[RawBlock]) -> tuple[list[Node], Metadata]:
    meta = Metadata()
    if not blocks:
        return [], meta
    blocks = [b for b in blocks if not is_rule_line(b.text)]
    nodes: list[Node] = []
    rest = blocks
    if blocks and is_credit(blocks[0].text):
        meta = _credit_metadata(blocks[0].text)
        nodes.append(Container("div", [blocks[0].block("p")], {"type": "colophon"}))
        rest = blocks[1:]
    if rest:
        nodes.append(Container("div", _about_author(rest), {"type": "about-author"}))
    return nodes, meta


def _about_author(blocks: list[RawBlock]) -> list[Node]:
    """The author's name lines become heads (a repeated one marked as such), the rest paragraphs."""
    nodes: list[Node] = []
    heads: list[str] = []
    for block in blocks:
        if is_heading_like(block.text, max_length=60) and len(nodes) == len(heads):
            attrs = {"type": "repeated"} if block.text in heads else {}
            nodes.append(Block("head", block.text, block.offset, attrs))
            heads.append(block.text)
        else:
            nodes.append(block.block("p"))
    return nodes


def _credit_metadata(credit: str) -> Metadata:
    text = " ".join(credit.split())
    meta = Metadata(source_statement=text)
    title_author = CREDIT_TITLE_AUTHOR.search(text)
    year = CREDIT_YEAR.search(text)
    publisher = CREDIT_PUBLISHER.search(text)
    if title_author:
        meta.title = title_author["title"].strip()
        meta.authors = [title_author["author"].strip()]
    elif year and year["holder"]:  # "Used with permission ... Copyright © 2024 by NAME."
        meta.authors = [year["holder"].strip()]
    name = publisher and (publisher["publisher"] or publisher["imprint"]).strip()
    if name and name.lower() not in {"the publisher", "the author"}:
        meta.publisher = name
    if year:
        meta.date = meta.date_text = year["year"] or year["year_only"]
    return meta
