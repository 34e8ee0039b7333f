"""Book excerpts as literary websites publish them.

Shape: paragraphs of narrative, "*" lines between sections, advertising interjections between
paragraphs, then a rule line and back matter: a credit line ("From TITLE by AUTHOR. Published by
PUBLISHER ... Copyright © YEAR ..."), the author's name (often twice) and a short biography.
Paragraphs that reproduce another text without quotation marks become block quotations.
"""
from __future__ import annotations

import re

from tei_tools.annotate.quotes import find_block_quotations
from tei_tools.model import Block, Container, Document, Metadata, Node
from tei_tools.readers.common import (RawBlock, furniture_reason, is_heading_like, is_rule_line,
                                      is_section_break, omission, split_blocks)

KIND = "book"

CREDIT = re.compile(
    r"^(?:Excerpted |Adapted |Reprinted )?from\s+(?P<title>.+?),?\s+by\s+(?P<author>[^.]+?(?:\b[A-Z]\.\s*)*[^.]*?)\."
    r"(?:.*?\b(?:Published|Publication) by\s+(?P<publisher>[^.,]+(?:, (?:an|a) imprint of [^.]+?)?)[.,])?"
    r"(?:.*?Copyright\s*(?:©|\(c\))?\s*(?P<year>\d{4}))?",
    re.IGNORECASE | re.DOTALL,
)


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND)
    main, back = _split_at_rule(_drop_furniture(doc, split_blocks(source)))
    doc.body = _body(main)
    doc.back, doc.meta = _back(back)
    return doc


def _drop_furniture(doc: Document, blocks: list[RawBlock]) -> list[RawBlock]:
    kept = []
    for block in blocks:
        found = furniture_reason(block)
        if found:
            doc.omissions.append(omission(block, *found))
        else:
            kept.append(block)
    return kept


def _split_at_rule(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """The last rule line, or else the credit line, separates the excerpt from back matter."""
    for index in range(len(blocks) - 1, -1, -1):
        if is_rule_line(blocks[index].text):
            return blocks[:index], blocks[index:]
    for index, block in enumerate(blocks):
        if CREDIT.match(block.text) and index > len(blocks) // 2:
            return blocks[:index], blocks[index:]
    return blocks, []


def _body(blocks: list[RawBlock]) -> list[Node]:
    """A div per "*"-separated section. Block quotations are judged over the whole excerpt, so
    that a section's first paragraph can be announced by the end of the section before it."""
    paragraphs = [b for b in blocks if not is_section_break(b.text)]
    quoted = dict(zip((b.offset for b in paragraphs), find_block_quotations([b.text for b in paragraphs])))
    sections: list[list[RawBlock]] = [[]]
    for block in blocks:
        if is_section_break(block.text):
            sections.append([])
        else:
            sections[-1].append(block)
    return [Container("div", _section_nodes(part, quoted), {"type": "section", "n": str(number)})
            for number, part in enumerate((s for s in sections if s), start=1)]


def _section_nodes(blocks: list[RawBlock], quoted: dict[int, bool]) -> list[Node]:
    nodes: list[Node] = []
    for index, block in enumerate(blocks):
        if index == 0 and is_heading_like(block.text) and len(blocks) > 1:
            nodes.append(block.block("head"))
        elif quoted[block.offset]:
            nodes.append(Container("quote", [block.block("p")], {"type": "block"}))
        else:
            nodes.append(block.block("p"))
    return nodes


def _back(blocks: list[RawBlock]) -> tuple[list[Node], Metadata]:
    meta = Metadata()
    if not blocks:
        return [], meta
    blocks = [b for b in blocks if not is_rule_line(b.text)]
    nodes: list[Node] = []
    rest = blocks
    if blocks and CREDIT.match(blocks[0].text):
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
    match = CREDIT.match(credit)
    assert match  # the caller checked
    meta = Metadata(title=match["title"].strip(), source_statement=" ".join(credit.split()))
    meta.authors = [" ".join(match["author"].split())]
    if match["publisher"]:
        meta.publisher = " ".join(match["publisher"].split())
    if match["year"]:
        meta.date = meta.date_text = match["year"]
    return meta
