"""Podcast transcripts, as daily history podcasts publish them.

Shape: a date line (the episode's release date), the episode title (often twice), a one-paragraph
summary, a "Cold Open" section, the host's introduction ("From X, I'm HOST and this is SHOW."),
acts with headings ("Act One: ..."), a teaser for the next episode ("Next on SHOW ...") and
credit lines ("Audio editing by NAME.") that also become respStmts in the header.
"""
from __future__ import annotations

import re

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block, Container, Document, Metadata, Node, Responsibility
from tei_tools.readers.common import (RawBlock, furniture_reason, is_heading_like, omission,
                                      split_blocks)

KIND = "transcript"

ACT_HEADING = re.compile(r"(?i)^(act|part|chapter|episode)\s+(?P<n>[\w-]+)\b")
INTRO = re.compile(r"(?i)^from (?P<publisher>.+?), I[’']m (?P<host>.+?),? and (?:this is|you[’']re listening to) (?P<show>.+?)\.?$")
NEXT_EPISODE = re.compile(r"^(?:[Cc]oming up )?[Nn]ext (?:[Tt]ime )?on(?:\b|(?=[A-Z]))")  # "Next onHistory" too
CREDIT = re.compile(
    r"(?i)^(?:this (?:episode|show|series) (?:is|was) )?(?P<what>[\w ,&-]+?)\s+(?:is |are )?by (?P<who>.+?)\.?$")
CREDIT_ARE = re.compile(r"(?i)^(?P<what>(?:executive |associate |senior )?producers?|hosts?|editors?) (?:are|is) (?P<who>.+?)\.?$")
SHOW_CREDIT = re.compile(r"(?i)^from (?P<publisher>.+?), this is (?P<show>[^,]+), (?P<what>.+?) by (?:me, )?(?P<who>.+?)\.?$")
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND, Metadata())
    blocks = [b for b in split_blocks(source) if not _dropped(doc, b)]
    front, rest = _front(doc, blocks)
    doc.front = front
    body, back = _split_back(rest)
    doc.body = _divisions(body)
    for block in body:
        _record_intro(doc.meta, block.text)
    doc.back = _back(doc, back)
    return doc


def _record_intro(meta: Metadata, text: str) -> None:
    match = INTRO.match(" ".join(text.split()))
    if match:
        meta.publisher = meta.publisher or match["publisher"]
        meta.series = meta.series or match["show"]
        meta.authors = meta.authors or [match["host"]]


def _dropped(doc: Document, block: RawBlock) -> bool:
    found = furniture_reason(block)
    if found:
        doc.omissions.append(omission(block, *found))
    return bool(found)


def _front(doc: Document, blocks: list[RawBlock]) -> tuple[list[Node], list[RawBlock]]:
    """Date line, title line(s) and the summary before the first heading make the title page."""
    index = 0
    page: list[Node] = []
    if blocks and _is_date_line(blocks[0]):
        page.append(blocks[0].block("docDate"))  # the date annotator marks the date inside
        doc.meta.date_text = blocks[0].text
        index = 1
    titles: list[str] = []
    while index < len(blocks) and is_heading_like(blocks[index].text) and not _starts_section(blocks[index]):
        attrs = {"type": "repeated"} if blocks[index].text in titles else {"type": "main"}
        page.append(Container("docTitle", [blocks[index].block("titlePart", **attrs)]))
        titles.append(blocks[index].text)
        index += 1
    doc.meta.title = titles[0] if titles else ""
    front: list[Node] = [Container("titlePage", page)] if page else []
    summary = []
    while index < len(blocks) and not _starts_section(blocks[index]) and not is_heading_like(blocks[index].text):
        summary.append(blocks[index].block("p"))
        index += 1
    if summary:
        front.append(Container("argument", summary))
    return front, blocks[index:]


def _is_date_line(block: RawBlock) -> bool:
    if "\n" in block.text or len(block.text) > 40:
        return False
    spans = annotate_dates([block.block("p")])[0]
    return len(spans) == 1 and spans[0].end - spans[0].start >= len(block.text.strip(" .")) - 1


def _starts_section(block: RawBlock) -> bool:
    return is_heading_like(block.text) and (bool(ACT_HEADING.match(block.text))
                                            or block.text.strip().lower() in {"cold open", "prologue", "introduction"})


def _split_back(blocks: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """The teaser for the next episode, or else the first credit line after the last act, starts the back."""
    last_heading = max((i for i, b in enumerate(blocks) if is_heading_like(b.text)), default=0)
    for index in range(last_heading, len(blocks)):
        if NEXT_EPISODE.match(blocks[index].text) or _credit(blocks[index].text):
            return blocks[:index], blocks[index:]
    return blocks, []


def _divisions(blocks: list[RawBlock]) -> list[Node]:
    divs: list[Container] = []
    current: Container | None = None
    for block in blocks:
        if is_heading_like(block.text):
            current = Container("div", [block.block("head")], _section_attrs(block.text))
            divs.append(current)
        elif INTRO.match(block.text) or current is None:
            current = Container("div", [block.block("p")], {"type": "intro" if INTRO.match(block.text) else "section"})
            divs.append(current)
        else:
            current.children.append(block.block("p"))
    return list(divs)


def _section_attrs(heading: str) -> dict[str, str]:
    match = ACT_HEADING.match(heading)
    if not match:
        return {"type": "section"}
    number = match["n"].lower()
    return {"type": match.group(1).lower(), "n": NUMBER_WORDS.get(number, number)}


def _back(doc: Document, blocks: list[RawBlock]) -> list[Node]:
    if not blocks:
        return []
    nodes: list[Node] = []
    credits: list[Node] = []
    for block in blocks:
        if NEXT_EPISODE.match(block.text):
            nodes.append(Container("div", [block.block("p")], {"type": "next-episode"}))
        else:
            credits.append(block.block("p"))
            _record_credit(doc.meta, block.text)
    if credits:
        nodes.append(Container("div", credits, {"type": "credits"}))
    return nodes


def _credit(text: str) -> list[Responsibility]:
    text = " ".join(text.split())
    match = SHOW_CREDIT.match(text)
    if match:
        return [Responsibility(role, match["who"]) for role in _roles(match["what"])]
    match = CREDIT_ARE.match(text) or CREDIT.match(text)
    if not match or len(match["what"].split()) > 6:
        return []
    return [Responsibility(_capitalise(match["what"]), name) for name in _names(match["who"])]


def _record_credit(meta: Metadata, text: str) -> None:
    show = SHOW_CREDIT.match(" ".join(text.split()))
    if show:
        meta.publisher = meta.publisher or show["publisher"]
        meta.series = meta.series or show["show"]
        if re.search(r"(?i)\bhosted\b", show["what"]):
            meta.authors = meta.authors or [show["who"]]
    for resp in _credit(text):
        if resp not in meta.responsibilities:
            meta.responsibilities.append(resp)


def _roles(what: str) -> list[str]:
    """'hosted, edited, and executive produced' -> ['Host', 'Editor', 'Executive producer']."""
    agent = {"hosted": "Host", "edited": "Editor", "produced": "Producer", "written": "Writer",
             "researched": "Researcher", "narrated": "Narrator", "executive produced": "Executive producer"}
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", what) if p.strip()]
    return [agent.get(p.lower(), _capitalise(p)) for p in parts]


def _names(who: str) -> list[str]:
    """'A for X and B for Y' -> ['A (X)', 'B (Y)']; 'A and B' -> ['A', 'B']."""
    names = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", who):
        part = re.sub(r"^me,?\s*", "", part.strip())
        if not part:
            continue
        person, _, organisation = part.partition(" for ")
        names.append(f"{person.strip()} ({organisation.strip()})" if organisation else person.strip())
    return names


def _capitalise(text: str) -> str:
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]
