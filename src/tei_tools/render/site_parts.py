"""The site's own pages (front page, register, person cards, chronology, search page) made in
parts, with memory that does not grow with the corpus.

Each edition's parts are made where the edition is (a worker), from that edition's index alone:
its front-page entry (xslt/html/site-parts.xsl: the header's facts need the stylesheets), and
here, from the index's plain data, per person it mentions the register's list of those
mentions and the card's share, per date the chronology's entry: small fixed pieces of HTML that
Saxon made at about 40 µs a mention (the index parsed again, a template per mention), written
here as Saxon's HTML serializer writes them (`html_text`, `html_attribute`, `html_uri_attribute`).
This process keeps the parts in a spool file on disk (`SiteParts`), with only their places and
sort keys in memory; each page's frame is rendered once, from the site's summary (how many
editions, who is mentioned how often, the chronology's years), with markers where the parts go,
and the page is written by copying the frame and the parts in, in the order of the site.
"""
from __future__ import annotations

import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import unquote

from lxml import etree

from tei_tools.render.edition_index import SITE_NS, DatedPassage, EditionIndex


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


def read_entry(output: str, marker: str) -> tuple[list[str], str]:
    """(the records, the entry's HTML) from what site-parts.xsl writes: <?MARKER-records
    RECORDS>, RECORDS its strings each as "." and its encode-for-uri(), separated by spaces,
    then the HTML of the edition's front-page entry."""
    head = re.match(r"<\?" + re.escape(marker) + r"-records ?([^>]*)>", output)
    if head is None:
        raise ValueError("site-parts.xsl wrote no records")
    records = [unquote(token[1:], errors="strict") for token in head.group(1).split(" ") if token]
    return records, output[head.end():]


@dataclass(frozen=True)
class RegisterData:
    """What the register's parts need of the personography and the parameters, worked out once
    per run by site-parts.xsl (f:register-data): each person's display name, by id; how many
    mentions of a person in one edition are listed openly (parameter mentions-open)."""

    names: dict[str, str]
    open_limit: int


def edition_parts(index: EditionIndex, entry: str, page_json: str, title_json: str,
                  register: RegisterData) -> EditionParts:
    """One edition's parts of the site's pages: its front-page entry (rendered by
    site-parts.xsl), and from its index, per person it mentions (in the order of their first
    mention) the register's list of those mentions and the card's share, per date its
    chronology entry. `page_json`, `title_json`: the edition's page and title as JSON strings."""
    groups: dict[str, list] = {}
    for mention in index.mentions:
        groups.setdefault(mention.person, []).append(mention)
    page, title = index.page, index.title
    persons = [PersonPart(person, len(mentions),
                          _mentions_in(page, title, mentions, register.names.get(person, person), register.open_limit),
                          f'{{"page": {page_json}, "title": {title_json}, "count": {len(mentions)}}}')
               for person, mentions in groups.items()]
    dates = [DatePart(date.start, date.end, date.has_year, year_of(date.start) if date.has_year else "",
                      _chronology_entry(page, title, date))
             for date in index.dates]
    return EditionParts(entry, persons, dates)


def year_of(start: str) -> str:
    """The year of a sort key (edition_index.sort_key: era digit, five digits of year) as it is
    read: "101905-10-26" is "1905", "099955-03-15" "44 BCE"."""
    digits = int(start[1:6])
    return f"{99999 - digits} BCE" if start.startswith("0") else str(digits)


def _mentions_in(page: str, title: str, mentions: list, name: str, open_limit: int) -> str:
    """The mentions of one person in one edition, each with its context, under the edition's
    title; folded when there are more than `open_limit`."""
    count = f"{len(mentions)} mention" + ("" if len(mentions) == 1 else "s")
    href, title_text = html_uri_attribute(page), html_text(title)
    items = []
    for mention in mentions:
        item = [f'<li><a class="mention" href="{html_uri_attribute(page + "#" + mention.id)}"><span class="context">',
                html_text(mention.before), "<mark>", html_text(mention.text), "</mark>", html_text(mention.after),
                "</span></a>"]
        if mention.cert in ("medium", "low"):
            item.append(f' <span class="cert cert-{html_attribute(mention.cert)}" title="identified by the tool with '
                        f'{html_attribute(mention.cert)} certainty">{html_text(mention.cert)}</span>')
        if mention.section:
            item.append(f'<span class="section"> — {html_text(mention.section)}</span>')
        item.append("</li>")
        items.append("".join(item))
    listing = (f'<ol class="mentions" aria-label="{html_attribute(f"Mentions of {name} in {title}")}">'
               + "".join(items) + "</ol>")
    if len(mentions) <= open_limit:
        head = f'<h4><a class="edition" href="{href}">{title_text}</a> <span class="count">({count})</span></h4>'
        return f'<div class="mentions-in">{head}{listing}</div>'
    return f'<div class="mentions-in"><details><summary><cite>{title_text}</cite> ({count})</summary>{listing}</details></div>'


def _chronology_entry(page: str, title: str, date: DatedPassage) -> str:
    """A date's entry in the chronology: its normalised value linked to its place, the sentence
    it stands in (the date's own words marked), the edition and section, its certainty."""
    sentence, text = date.sentence, date.text
    if text and text in sentence:
        before, _, after = sentence.partition(text)
        shown = f"{html_text(before)}<mark>{html_text(text)}</mark>{html_text(after)}"
    else:
        shown = html_text(sentence)
    section = f", {html_text(date.section)}" if date.section else ""
    cert = (f' <span class="cert cert-{html_attribute(date.cert)}">{html_text(date.cert)} certainty</span>'
            if date.cert in ("medium", "low") else "")
    return (f'<li class="event" data-start="{html_attribute(date.start)}"><a class="when" '
            f'href="{html_uri_attribute(page + "#" + date.id)}">{html_text(_date_label(date.values))}</a> '
            f'<span class="sentence">{shown}</span> <span class="source">— <cite>{html_text(title)}</cite>{section}'
            f"</span>{cert}</li>")


def _date_label(values: dict[str, str]) -> str:
    """"1905-10-26", "1889 to 1914", "between 1843-07 and 1843-09", "not before 1850"."""
    when, start, end = values.get("when"), values.get("from"), values.get("to")
    low, high = values.get("not-before"), values.get("not-after")
    if when:
        return when
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    if low and high:
        return f"between {low} and {high}"
    return f"not before {low}" if low else f"not after {high or ''}"


# ---------------------------------------------------------------------------------------------
# HTML as Saxon's serializer writes it (xsl:output method="html" html-version="5", UTF-8): the
# parts written here must have the bytes a transformation would have given them. Checked against
# Saxon for every character XML allows (tests/test_site_parts.py).
# ---------------------------------------------------------------------------------------------

_C1_CONTROLS = {chr(code): f"&#x{code:x};" for code in range(0x80, 0xA0)}
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;", "\x7f": "", "\xa0": "&nbsp;",
                       **_C1_CONTROLS})
_ATTRIBUTE = str.maketrans({'"': "&#34;", ">": "&gt;", "\t": "&#x9;", "\n": "&#xA;", "\r": "&#xD;", "\x7f": "",
                            "\xa0": "&nbsp;", **_C1_CONTROLS})
_AMPERSAND = re.compile(r"&(?!\{)")  # HTML leaves "&{" alone in attributes
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]+")
# what needs escaping at all: most strings need none, and a search costs less than a translate
_TEXT_SPECIAL = re.compile("[&<>\r\x7f-\xa0]")
_ATTRIBUTE_SPECIAL = re.compile('[&"<>\t\n\r\x7f-\xa0]')


def html_text(text: str) -> str:
    """Text content as Saxon's HTML5 output writes it."""
    return text.translate(_TEXT) if _TEXT_SPECIAL.search(text) else text


def html_attribute(value: str) -> str:
    """An attribute value (between double quotes) as Saxon's HTML5 output writes it."""
    if not _ATTRIBUTE_SPECIAL.search(value):
        return value
    return _AMPERSAND.sub("&amp;", value).translate(_ATTRIBUTE)


def html_uri_attribute(value: str) -> str:
    """A URI attribute (href) as Saxon's HTML5 output writes it (escape-uri-attributes): in
    Unicode normalization form C, what is not printable ASCII %-escaped in UTF-8."""
    if _NOT_PRINTABLE_ASCII.search(value):
        value = _NOT_PRINTABLE_ASCII.sub(lambda run: "".join(f"%{byte:02X}" for byte in run.group().encode("utf-8")),
                                         unicodedata.normalize("NFC", value))
    return html_attribute(value)


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
        self._spool = tempfile.TemporaryFile(prefix="tei-tools-site-parts-", buffering=0)  # written with pwrite
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
        position, an edition rendered again beside one that failed, is ignored). Written to the
        spool in one piece."""
        if position in self._seen:
            return
        self._seen.add(position)
        pieces: list[bytes] = []
        self.entries.append(self._store(position, parts.entry, pieces))
        for person in parts.persons:
            self.registers.setdefault(person.person, []).append(self._store(position, person.register, pieces))
            self.cards.setdefault(person.person, []).append(self._store(position, person.card, pieces))
            self.mentions[person.person] = self.mentions.get(person.person, 0) + person.mentions
        for number, date in enumerate(parts.dates):
            stored = self._store(position, date.entry, pieces)
            self.dates.append(_StoredDate(date.start, date.end, date.has_year, date.year, position, number,
                                          stored.offset, stored.length))
        data = b"".join(pieces)
        written = 0
        while written < len(data):
            written += os.pwrite(self._spool.fileno(), data[written:], self._size - len(data) + written)

    def _store(self, position: int, text: str, pieces: list[bytes]) -> _Stored:
        """Where `text` goes in the spool: after what is there and in `pieces` (written by add)."""
        data = text.encode("utf-8")
        pieces.append(data)
        stored = _Stored(position, self._size, len(data))
        self._size += len(data)
        return stored

    def read(self, stored) -> bytes:
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


# what assemble hands on at a time: a write per part (a register holds tens of thousands) cost
# more than the parts' reading; a block this size keeps memory flat all the same
_BLOCK = 1 << 20


def assemble(frame: str, marker: str, parts_for: dict[str, list], read: Callable[[object], bytes],
             separator: bytes = b"") -> Iterator[bytes]:
    """The page: the frame with each "MARKER:key;" replaced by the parts stored for key (read
    with `read`, joined by `separator`; a key may stand more than once), as blocks of bytes
    (about _BLOCK each); a final newline added if the page has none."""
    pieces = re.split(re.escape(marker) + r":([^;]*);", frame)
    block: list[bytes] = []
    size = 0
    last = b""  # the last bytes that were not empty
    for number, piece in enumerate(pieces):
        if number % 2 == 0:
            data = piece.encode("utf-8")
            if data:
                block.append(data)
                size += len(data)
                last = data
        else:
            for count, stored in enumerate(parts_for.get(piece, ())):
                if count and separator:
                    block.append(separator)
                    size += len(separator)
                    last = separator
                data = read(stored)
                if data:
                    block.append(data)
                    size += len(data)
                    last = data
                if size >= _BLOCK:
                    yield b"".join(block)
                    block, size = [], 0
    if not last.endswith(b"\n"):
        block.append(b"\n")
    if block:
        yield b"".join(block)
