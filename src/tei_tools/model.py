"""The in-between form that readers build, annotators read and the serializer writes.

A reader cuts a source into a tree of TEI-shaped nodes. Leaves (`Block`) carry a stretch of the
source text exactly as it is on disk, with its offset; containers (`Container`) group leaves and
other containers (div, figure, cit, quote, list ...). Annotators never edit text: they return
`Span`s over a block's text, and the serializer alone turns spans into nested elements. Fidelity
then holds by construction, and `Omission`s list everything the reader deliberately left out.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Union


@dataclass(frozen=True, order=True)
class Span:
    """A stretch [start, end) of one block's text to wrap in a TEI element.

    `tag` is a TEI local name (persName, roleName, date, q, quote, said, ref ...); `attrs` are
    the element's attributes as sorted (name, value) pairs so that spans hash and sort
    deterministically.
    """

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def make(cls, start: int, end: int, tag: str, **attrs: str | None) -> "Span":
        """Build a span; attribute names use `_` for `:` (xml_id -> xml:id) and None drops."""
        pairs = tuple(sorted((k.replace("_", ":", 1) if k.startswith("xml_") else k, str(v))
                             for k, v in attrs.items() if v is not None))
        return cls(start, end, tag, pairs)

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass
class Block:
    """A leaf element whose text is `source[offset:offset + len(text)]`, unchanged."""

    tag: str
    text: str
    offset: int
    attrs: dict[str, str] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    # A letter's dateline or a diary entry's (or month's, year's) heading: the date it gives
    # fixes the dates after it that lack their year or month (they get cert="high").
    frames_dates: bool = False

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Container:
    """An element that holds other nodes and no text of its own (div, figure, cit, quote ...)."""

    tag: str
    children: list["Node"] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


Node = Union[Block, Container]


@dataclass(frozen=True)
class Omission:
    """Source text the reader left out on purpose, with where and why (reported and declared)."""

    text: str
    offset: int
    line: int
    reason: str  # a short, stable key such as "advertisement"
    description: str  # the sentence the header's editorialDecl uses for this kind

    action = "Removed"  # how the header's normalization says what was done (a class constant)

    @property
    def example(self) -> str:
        return repr(self.text)


@dataclass(frozen=True)
class Repair(Omission):
    """Source characters that XML cannot hold, replaced one for one (reported and declared like omissions).

    `text` is what the source has at `offset`, `replacement` what the edition has instead (as long).
    """

    replacement: str = "\ufffd"

    action = "Replaced"

    @property
    def example(self) -> str:
        return " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(self.text))


@dataclass(frozen=True)
class Responsibility:
    """One credit: what someone did ("Host", "Audio editing"), who, and for whom ("Steven
    Walters for Airship": the affiliation is "Airship", never part of the name)."""

    resp: str
    name: str
    affiliation: str = ""


@dataclass
class Metadata:
    """What the header says about the source, as far as the text (or a sidecar) reveals it."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    publisher: str = ""
    pub_place: str = ""
    date: str = ""  # ISO value of the original's publication or copyright date
    date_text: str = ""  # that date as written in the source
    series: str = ""  # a podcast or website name
    responsibilities: list[Responsibility] = field(default_factory=list)
    source_statement: str = ""  # the source's own credit line, verbatim
    source_url: str = ""
    licence: str = ""
    language: str = "en"
    extra: dict[str, str] = field(default_factory=dict)
    julian_until: str = ""  # YYYY-MM-DD: days up to this one are Old Style unless marked (sidecar)


@dataclass
class Mention:
    """A stretch of a block's text that a header fact is taken from (a letter's signature ...)."""

    block: Block
    start: int = 0
    end: int | None = None
    is_firm: bool = False  # a firm's name ("Messrs. Bramwell & Co."): an orgName, no person

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end if self.end is not None else len(self.block.text)]


@dataclass
class Correspondence:
    """What a letter's text says about its sending and receiving, for the header's correspDesc
    (CMIF). Only what the text gives: a salutation ("My dear Sir") is not the addressee's name,
    but the person one names ("My dear Hooker,") is the addressee where nothing else names them."""

    letter_id: str = ""  # the xml:id of the letter's div
    sender: Mention | None = None  # the signature
    addressee: Mention | None = None  # "To Miss Webb", an address panel's name line
    salutation: Block | None = None  # the opener's salute: the persons marked in it are addressed
    place: Mention | None = None  # the place in the dateline
    dateline: Block | None = None  # the block whose date is the date of writing


@dataclass
class Document:
    """A source cut into front, body and back, plus what is known about it."""

    source_name: str
    source_text: str
    kind: str
    meta: Metadata = field(default_factory=Metadata)
    front: list[Node] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    back: list[Node] = field(default_factory=list)
    omissions: list[Omission] = field(default_factory=list)
    correspondence: list[Correspondence] = field(default_factory=list)  # one per letter

    def blocks(self) -> list[Block]:
        """Every leaf in document order (front, body, back)."""
        return [b for part in (self.front, self.body, self.back) for b in iter_blocks(part)]


def iter_blocks(nodes: list[Node]) -> Iterator[Block]:
    for node in nodes:
        if isinstance(node, Block):
            yield node
        else:
            yield from iter_blocks(node.children)
