"""Who speaks each turn of a transcript: `sp/@who`, from the persons the document names.

A turn's label names its speaker in one of two ways the persons annotator can vouch for:
- a name marked inside the label ("HOST (<persName>Sarah Lin</persName>):"): its person;
- a label in capitals or another case that is, folded, exactly a name marked elsewhere in the
  document ("SARAH LIN:" where "Sarah Lin" is marked): that name's person, if only one person
  bears it there.
- a label of one word that is the surname of exactly one person named in full before the turns
  begin ("REILLY:" under "Interviewer: Thomas Reilly", as oral histories label their speakers),
  where no other person the document marks bears that word; or, in capitals, the initials of
  exactly one such person ("SM:" under "Interviewer: Susan Mayhew"), where no other full name
  the document marks has those initials;
- a role ("HOST:") that a label of the document ties to one person, and one only ("HOST (Sarah
  Lin):" in the first turn): that person, in every turn of that role.
Otherwise the turn gets no @who: a role no label ties to a name ("Q:"), or a first name alone,
claims no one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterator

from tei_tools.annotate.names import name_key
from tei_tools.model import Block, Container, Document, Node
from tei_tools.readers.speakers import TIME_CODE

LEADING_TIME_CODE = re.compile(rf"{TIME_CODE}[ \t]+")
INITIALS_LABEL = re.compile(r"[A-Z]{2,3}")  # "SM", "JFK": a speaker's initials, in capitals
ROLE_WITH_NAME = re.compile(r"^\s*([^\W\d][^()\[\]]*?)\s*[(\[][^()\[\]]*[)\]]\s*$")  # "HOST (Priya Natarajan)"


def ascribe_turns(doc: Document) -> int:
    """Set @who on the document's turns (readers.speakers) whose speaker is known; return how many."""
    turns = list(_turns(doc.body))
    if not turns:
        return 0
    persons_by_name = _persons_by_name(doc)
    introduced = _introduced_by_surname(doc, persons_by_name)
    initialled = _introduced_by_initials(doc, persons_by_name)
    roles = _roles_named(turns)
    ascribed = 0
    for turn, speaker in turns:
        written = _without_time_code(speaker.text).rstrip(": \t")
        label = name_key(written)
        ref = _marked_in(speaker) or _named_elsewhere(label, persons_by_name) or introduced.get(label) \
            or (initialled.get(label) if INITIALS_LABEL.fullmatch(written) else None) or roles.get(label)
        if ref:
            turn.attrs["who"] = ref
            ascribed += 1
    return ascribed


def _without_time_code(label: str) -> str:
    """The label's words without the time code a transcript may put before them ("[00:01:17] ")."""
    found = LEADING_TIME_CODE.match(label)
    return label[found.end():] if found else label


def has_turns(doc: Document) -> bool:
    """Whether the document has turns for `ascribe_turns`: the one annotator whose result
    depends on which marked names share a person (tei_tools.convert's drafts rely on this)."""
    return next(_turns(doc.body), None) is not None


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


def _named_elsewhere(label: str, persons_by_name: dict[str, set[str]]) -> str | None:
    """The one person a full name (folded) is marked as in the document."""
    refs = persons_by_name.get(label, set())
    return next(iter(refs)) if len(refs) == 1 and " " in label else None  # a full name, not "Anna"


def _introduced_by_surname(doc: Document, persons_by_name: dict[str, set[str]]) -> dict[str, str]:
    """Surname -> the one person named in full (two words or more) before the label's first turn
    whose surname it is, for surnames no other marked person bears anywhere in the document."""
    bearers: dict[str, set[str]] = defaultdict(set)  # every marked person a word of whose name it is
    for name, refs in persons_by_name.items():
        for word in name.split():
            bearers[word] |= refs
    return {surname: ref for surname, ref in _introduced(doc, lambda words: words[-1]).items()
            if bearers[surname] == {ref}}


def _introduced_by_initials(doc: Document, persons_by_name: dict[str, set[str]]) -> dict[str, str]:
    """Initials ("sm") -> the one person named in full before the label's first turn with those
    initials (of each word of the name), where no other full name the document marks has them."""
    bearers: dict[str, set[str]] = defaultdict(set)
    for name, refs in persons_by_name.items():
        if " " in name:
            bearers[_initials(name)] |= refs
    return {letters: ref for letters, ref in _introduced(doc, lambda words: _initials(" ".join(words))).items()
            if bearers[letters] == {ref}}


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split())


def _introduced(doc: Document, label_of: Callable[[list[str]], str]) -> dict[str, str]:
    """Label -> the one person named in full, before the first turn so labelled, whose name
    gives that label (`label_of` its words): the host's introduction of the guests counts
    ("... Professor Amara Okafor ..." in the first turn, then "OKAFOR:")."""
    named: dict[str, set[str]] = defaultdict(set)  # label -> the persons named so far who give it
    found: dict[str, set[str]] = {}  # label -> the persons named before its first turn
    for block in doc.blocks():
        if block.tag == "speaker":
            label = name_key(_without_time_code(block.text).rstrip(": \t"))
            if label not in found:
                found[label] = set(named.get(label, ()))
            continue
        for span in block.spans:
            words = name_key(block.text[span.start:span.end]).split()
            if span.tag == "persName" and span.attr("ref") and len(words) > 1:
                named[label_of(words)].add(span.attr("ref"))
    return {label: next(iter(refs)) for label, refs in found.items() if len(refs) == 1}


def _roles_named(turns: list[tuple[Container, Block]]) -> dict[str, str]:
    """Role (folded) -> the one person the labels that name someone beside it name ("HOST
    (Priya Natarajan):" ties "host" to her), for roles tied to one person only."""
    tied: dict[str, set[str]] = defaultdict(set)
    for _, speaker in turns:
        ref = _marked_in(speaker)
        role = ROLE_WITH_NAME.match(_without_time_code(speaker.text).rstrip(": \t"))
        if ref and role:
            tied[name_key(role.group(1))].add(ref)
    return {role: next(iter(refs)) for role, refs in tied.items() if len(refs) == 1 and role}


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
