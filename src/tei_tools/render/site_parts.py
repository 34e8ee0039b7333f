"""The site's own pages (front page, register, person cards, chronology, search page) made in
parts, with memory that does not grow with the corpus.

Each edition's parts are rendered where the edition is (a worker; xslt/html/site-parts.xsl,
from that edition's index alone): its front-page entry, per person it mentions the register's
list of those mentions and the card's share, per date the chronology's entry. This process
keeps them in a spool file on disk (`SiteParts`), with only their places and sort keys in
memory; each page's frame is rendered once, from the site's summary (how many editions, who
is mentioned how often, the chronology's years), with markers where the parts go, and the page
is written by copying the frame and the parts in, in the order of the site. The bytes are
those one transformation over the whole site would have written.
"""
from __future__ import annotations

import os
import re
import secrets
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence
from urllib.parse import unquote

from lxml import etree

from tei_tools.render.edition_index import SITE_NS


@dataclass
class PersonPart:
    person: str
    mentions: int
    register: str  # the register's list of this edition's mentions of the person (HTML)
    card: str  # the person card's share: {"page": ..., "title": ..., "count": ...}


@dataclass
class DatePart:
    start: str
    end: str
    has_year: bool
    year: str  # the chronology's heading for it ("1905", "44 BCE"); "" without a year
    entry: str  # HTML


@dataclass
class EditionParts:
    """One edition's parts of the site's pages (plain data: it pickles, for workers)."""

    entry: str  # the front page's entry (HTML)
    persons: list[PersonPart] = field(default_factory=list)
    dates: list[DatePart] = field(default_factory=list)


def read_parts(output: str, marker: str) -> EditionParts:
    """The parts from what site-parts.xsl writes (see there): <?MARKER-records RECORDS>, then
    the HTML of the parts, each followed by <?MARKER>."""
    head = re.match(r"<\?" + re.escape(marker) + r"-records ?([^>]*)>", output)
    if head is None:
        raise ValueError("site-parts.xsl wrote no records")
    records = [unquote(token[1:], errors="strict") for token in head.group(1).split(" ") if token]
    return parse_parts(records + [output[head.end():]], marker)


def parse_parts(strings: Sequence[str], marker: str) -> EditionParts:
    """The records site-parts.xsl returns (see there) as EditionParts: the records, then the
    HTML of their parts, each followed by <?MARKER>."""
    *items, joined = strings if strings else ["entry", f"<?{marker}>"]
    html = re.split(r"<\?" + re.escape(marker) + r"\s*\??>", joined)  # Saxon writes "<?MARKER >"
    parts = EditionParts(entry="")
    at = number = 0
    while at < len(items):
        kind, part = items[at], html[number]
        if kind == "entry":
            parts.entry, at = part, at + 1
        elif kind == "person":
            person, count, card = items[at + 1:at + 4]
            parts.persons.append(PersonPart(person, int(count), part, card))
            at += 4
        elif kind == "date":
            start, end, dated, year = items[at + 1:at + 5]
            parts.dates.append(DatePart(start, end, dated == "yes", year, part))
            at += 5
        else:
            raise ValueError(f"site-parts.xsl returned an unknown record {kind!r}")
        number += 1
    return parts


@dataclass(frozen=True)
class _Stored:
    position: int  # of the edition, in the order of the site
    offset: int
    length: int


@dataclass(frozen=True)
class _StoredDate:
    start: str
    end: str
    has_year: bool
    year: str
    position: int
    number: int  # in its edition
    offset: int
    length: int


class SiteParts:
    """The editions' parts, spooled to a temporary file as they come (in any order); in memory
    only where each part is, the counts and the sort keys."""

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile(prefix="tei-tools-site-parts-")
        self._size = 0
        self._seen: set[int] = set()
        self.entries: list[_Stored] = []
        self.registers: dict[str, list[_Stored]] = {}
        self.cards: dict[str, list[_Stored]] = {}
        self.mentions: dict[str, int] = {}
        self.dates: list[_StoredDate] = []

    def close(self) -> None:
        self._spool.close()

    def __enter__(self) -> "SiteParts":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def add(self, position: int, parts: EditionParts) -> None:
        """An edition's parts; `position` its place in the site (a second call for the same
        position, an edition rendered again beside one that failed, is ignored)."""
        if position in self._seen:
            return
        self._seen.add(position)
        self.entries.append(self._store(position, parts.entry))
        for person in parts.persons:
            self.registers.setdefault(person.person, []).append(self._store(position, person.register))
            self.cards.setdefault(person.person, []).append(self._store(position, person.card))
            self.mentions[person.person] = self.mentions.get(person.person, 0) + person.mentions
        for number, date in enumerate(parts.dates):
            stored = self._store(position, date.entry)
            self.dates.append(_StoredDate(date.start, date.end, date.has_year, date.year, position, number,
                                          stored.offset, stored.length))

    def _store(self, position: int, text: str) -> _Stored:
        data = text.encode("utf-8")
        self._spool.seek(self._size)
        self._spool.write(data)
        stored = _Stored(position, self._size, len(data))
        self._size += len(data)
        return stored

    def read(self, stored) -> bytes:
        self._spool.flush()
        return os.pread(self._spool.fileno(), stored.length, stored.offset)

    # -- what the frames need ---------------------------------------------------------------

    def chronology(self) -> tuple[list[tuple[str, list[_StoredDate]]], list[_StoredDate]]:
        """The dates with a year in time order, grouped by year ([(year, dates)]), and those
        without one by month and day; ties in the order of the site and of the text (the
        stable sorts of chronology.xsl, by code point)."""
        in_order = sorted(self.dates, key=lambda d: (d.position, d.number))
        dated = sorted((d for d in in_order if d.has_year), key=lambda d: (d.start, d.end))
        years: list[tuple[str, list[_StoredDate]]] = []
        for date in dated:
            if not years or years[-1][0] != date.year:
                years.append((date.year, []))
            years[-1][1].append(date)
        yearless = sorted((d for d in in_order if not d.has_year), key=lambda d: d.start)
        return years, yearless

    def summary(self, years: list[str], yearless: bool) -> bytes:
        """The site's summary for the frames (namespace urn:tei-tools:site)."""
        root = etree.Element(f"{{{SITE_NS}}}summary", nsmap={"s": SITE_NS})
        root.set("editions", str(len(self.entries)))
        root.set("dates", str(len(self.dates)))
        root.set("dated-editions", str(len({d.position for d in self.dates})))
        root.set("yearless", "yes" if yearless else "no")
        for person in sorted(self.mentions):
            etree.SubElement(root, f"{{{SITE_NS}}}person", id=person, mentions=str(self.mentions[person]),
                             editions=str(len(self.registers[person])))
        for year in years:
            etree.SubElement(root, f"{{{SITE_NS}}}year", label=year)
        return etree.tostring(root, encoding="utf-8")


def new_marker() -> str:
    """A marker no page can hold by chance: chosen afresh for each run."""
    return "tt-part-" + secrets.token_hex(12)


def assemble(frame: str, marker: str, parts_for: dict[str, list], read: Callable[[object], bytes],
             separator: bytes = b"") -> Iterator[bytes]:
    """The page: the frame with each "MARKER:key;" replaced by the parts stored for key (read
    with `read`, joined by `separator`; a key may stand more than once), as chunks of bytes; a
    final newline added if the page has none."""
    pieces = re.split(re.escape(marker) + r":([^;]*);", frame)
    last = b""
    for number, piece in enumerate(pieces):
        if number % 2 == 0:
            chunks: Iterable[bytes] = [piece.encode("utf-8")]
        else:
            chunks = _joined((read(stored) for stored in parts_for.get(piece, ())), separator)
        for chunk in chunks:
            if chunk:
                last = chunk
                yield chunk
    if not last.endswith(b"\n"):
        yield b"\n"


def _joined(chunks: Iterable[bytes], separator: bytes) -> Iterator[bytes]:
    for number, chunk in enumerate(chunks):
        if number and separator:
            yield separator
        yield chunk
