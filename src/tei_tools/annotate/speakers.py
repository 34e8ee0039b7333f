"""Who speaks each turn of a transcript: `sp/@who`, from the persons the document names.

A turn's label names its speaker in one of two ways the persons annotator can vouch for:
- a name marked inside the label ("HOST (<persName>Sarah Lin</persName>):"): its person;
- a label in capitals or another case that is, folded, exactly a name marked elsewhere in the
  document ("SARAH LIN:" where "Sarah Lin" is marked): that name's person, if only one person
  bears it there.
Otherwise the turn gets no @who: a role ("HOST:", "Q:") or a first name alone claims no one.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from tei_tools.annotate.names import name_key
from tei_tools.model import Block, Container, Document, Node


def ascribe_turns(doc: Document) -> int:
    """Set @who on the document's turns (readers.speakers) whose speaker is known; return how many."""
    turns = list(_turns(doc.body))
    if not turns:
        return 0
    persons_by_name = _persons_by_name(doc)
    ascribed = 0
    for turn, speaker in turns:
        ref = _marked_in(speaker) or _named_elsewhere(speaker, persons_by_name)
        if ref:
            turn.attrs["who"] = ref
            ascribed += 1
    return ascribed


def _turns(nodes: list[Node]) -> Iterator[tuple[Container, Block]]:
    for node in nodes:
        if isinstance(node, Container):
            if node.tag == "sp" and node.children and isinstance(node.children[0], Block) \
                    and node.children[0].tag == "speaker":
                yield node, node.children[0]
            else:
                yield from _turns(node.children)


def _marked_in(speaker: Block) -> str | None:
    refs = {span.attr("ref") for span in speaker.spans if span.tag == "persName" and span.attr("ref")}
    return refs.pop() if len(refs) == 1 else None


def _named_elsewhere(speaker: Block, persons_by_name: dict[str, set[str]]) -> str | None:
    label = name_key(speaker.text.rstrip(": \t"))
    refs = persons_by_name.get(label, set())
    return next(iter(refs)) if len(refs) == 1 and " " in label else None  # a full name, not "Anna"


def _persons_by_name(doc: Document) -> dict[str, set[str]]:
    """Each marked name's folded form -> the persons it is marked as (roleNames left out)."""
    found: dict[str, set[str]] = defaultdict(set)
    for block in doc.blocks():
        roles = {span.start: span.end for span in block.spans if span.tag == "roleName"}
        for span in block.spans:
            if span.tag == "persName" and span.attr("ref"):
                start = roles.get(span.start, span.start)
                found[name_key(block.text[start:span.end])].add(span.attr("ref"))
    return found
