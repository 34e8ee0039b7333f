"""Journals and diaries: dated entries, under month and year headings, by one writer or several.

Shape: a title; perhaps a few paragraphs before the first entry; entries that open with their
date, on a line of their own ("Sunday Ev. Jan. 13th——", "Cincinnati O. Jan. 22d. 1839.") or at the
head of their first paragraph ("Jan 9th. It is a blessing ...", "Sunday — 3d. Went to ...",
"1st. Young Soeffjes — Party at Millers."); month and year headings ("February.", "1839") that set
the month and year of the entries below them; where the text says so, the writer of an entry
("[Clark]", "Entry by M. Lewis", "Lewis:").

Encoded as TEI diaries are: `div type="entry"` with its date in a `dateline` (and the place
before it as `placeName`), a writer's line as `byline`; month and year headings as `head` of a
`div type="month"` or `type="year"` that holds the entries below them. The datelines and headings
frame the dates after them (`Block.frames_dates`): "Saturday 2" under "February. 1839" is
1839-02-02, with cert="high".
"""
from __future__ import annotations

import re

from tei_tools.model import Block, Container, Document, Node, Span
from tei_tools.readers.common import (RawBlock, dates_in, drop_furniture, is_heading_like, leading_date,
                                      place_before_date, split_blocks, title_page, verse, TIME_OF_DAY)

KIND = "journal"

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
YEAR_HEADING = re.compile(r"^(?:(?:Journal|Diary|Year)[.,:]?\s+)?\d{4}\.?$")
MONTH_HEADING = re.compile(rf"^(?P<month>{MONTHS})[.,]?(?:\s+(?P<year>\d{{4}})\.?)?\s*[—–-]*$")
MONTH_WORD = re.compile(rf"\b(?:{MONTHS}|Jan|Feb|Mar|Apr|Ap|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
BYLINE = re.compile(
    r"^\[(?P<a>[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})\]\.?$"
    r"|^(?:(?:Entry|Written|Journal|Diary|Notes)\s+(?:by|of)\s+)(?P<b>[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,3})[.:]?$"
    r"|^(?P<c>[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*){0,2})(?:[’']s\s+(?:entry|journal))?:$")
# after a dateline's date: its punctuation and dashes ("Jan 9th. ", "June 24th—— ", "Ap. 23d. — ")
DATELINE_END = re.compile(r"[.,:;]?(?:\s*[—–-]+)?\s*(?=\S)")
HEADING_MAX = 100
# a weekday's name, the Quakers' numbered days too ("First-day" is Sunday)
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh)-day)"
# a weekday alone opening a paragraph, with a full stop or a dash after it: "Sunday. Church twice."
WEEKDAY_HEADING = re.compile(rf"^(?P<day>{WEEKDAY}(?:\.|\s*[—–-]+))[ \t]+(?=\S)")
# the weekday after an entry's opening date, with its stop: "1st mo. 5th. First-day. Attended ..."
WEEKDAY_AFTER_DATE = re.compile(rf"{WEEKDAY}[.,;:](?:\s*[—–-]+)?[ \t]*(?=\S)")


def read(source: str, name: str) -> Document:
    doc = Document(name, source, KIND)
    blocks = drop_furniture(split_blocks(source), doc.omissions)
    if len(blocks) > 1 and _is_title(blocks[0]):  # a title needs a text after it
        doc.meta.title = blocks[0].text
        doc.front = [title_page(blocks[0])]
        blocks = blocks[1:]
    builder = _Builder()
    for block in blocks:
        builder.add(block)
    doc.body = builder.finish()
    writers = list(dict.fromkeys(builder.writers))
    if writers:
        doc.meta.authors = writers
    return doc


def _is_title(block: RawBlock) -> bool:
    """The first line, if it names the journal rather than dating an entry: it may give years
    ("The Diary of Eliza Penrose, 1852–1853"), not a month or a day."""
    text = block.text
    if not is_heading_like(text) or YEAR_HEADING.match(text) or MONTH_HEADING.match(text):
        return False
    return not dates_in(text) or (not MONTH_WORD.search(text) and not re.search(r"\b\d{1,2}(?:st|nd|rd|th|d)\b", text))


class _Builder:
    """Entries into month and year divisions, as the headings come."""

    def __init__(self) -> None:
        self.top: list[Node] = []
        self.year: Container | None = None
        self.month: Container | None = None
        self.month_number: int | None = None
        self.year_number: int | None = None
        self.entry: Container | None = None
        self.writers: list[str] = []
        self.pending_bylines: list[Block] = []  # a writer's line heads the entries after it

    def add(self, block: RawBlock) -> None:
        text = block.text
        opens_entry = (not YEAR_HEADING.match(text) and not MONTH_HEADING.match(text)
                       and (_is_entry_heading(block) or _inline_dateline(block) is not None))
        if self.pending_bylines and not opens_entry and not BYLINE.match(text):
            self._flush_bylines()  # a writer's line heads an entry only when one follows it
        if YEAR_HEADING.match(text):
            self._close_entry(), self._close_month(), self._close_year()
            self.year = Container("div", [_heading(block, "head")], {"type": "year"})
            self.year_number = int(re.search(r"\d{4}", text).group())
        elif match := MONTH_HEADING.match(text):
            self._close_entry(), self._close_month()
            if match["year"] and self.year_number is not None and int(match["year"]) != self.year_number:
                self._close_year()  # "January 1853." after the entries of "1852"
            self.month = Container("div", [_heading(block, "head")], {"type": "month"})
            self.month_number = MONTHS.split("|").index(match["month"]) + 1
        elif _is_entry_heading(block):
            self._open_entry(block, [_dateline(block)])
        elif (cut := _inline_dateline(block)) is not None or (cut := self._weekday_heading(text)) is not None:
            dateline, rest = block.part(0, cut), block.part(cut, len(text))
            self._open_entry(dateline, [_dateline(dateline)] + ([rest.block("p")] if rest else []))
        elif match := BYLINE.match(text):
            self.writers.append(next(g for g in match.groups() if g))
            self.pending_bylines.append(block.block("byline"))
        else:  # a stanza copied into the entry (lg), else a paragraph
            self._container().children.append(verse(block) or block.block("p"))

    def _flush_bylines(self) -> None:
        """A writer's line that no dated entry follows starts an undated entry of that writer."""
        bylines, self.pending_bylines = self.pending_bylines, []
        self._close_entry()
        self.entry = Container("div", bylines, {"type": "entry"})

    def _weekday_heading(self, text: str) -> int | None:
        """Where a day's heading that names only its weekday ends ("Sunday. Church twice."), in a
        diary whose entries are dated already: that day's entry. None elsewhere."""
        if self.entry is None or not any(isinstance(n, Block) and n.tag == "dateline" for n in self.entry.children):
            return None
        match = WEEKDAY_HEADING.match(text)
        return match.end("day") if match else None

    def _container(self) -> Container | None:
        if self.entry is not None:
            return self.entry
        holder = self.month or self.year
        # once a holder has divisions its last child is one (paragraphs after them join an entry)
        if holder is not None and not (isinstance(holder.children[-1], Container) and holder.children[-1].tag == "div"):
            return holder
        if holder is None:
            return _Top(self.top)
        self.entry = Container("div", [], {"type": "entry"})  # narrative after entries: an undated entry
        return self.entry

    def _open_entry(self, block: RawBlock, children: list[Node]) -> None:
        self._close_entry()
        month = _written_month(block.text[:HEADING_MAX])
        if self.month is not None and month is not None and month != self.month_number:
            self._close_month()  # an entry of another month: the month's heading no longer holds
        self.entry = Container("div", self.pending_bylines + children, {"type": "entry"})  # in the source's order
        self.pending_bylines = []

    def _close_entry(self) -> None:
        if self.entry is not None:
            (self.month or self.year or _Top(self.top)).children.append(self.entry)
            self.entry = None

    def _close_month(self) -> None:
        if self.month is not None:
            (self.year or _Top(self.top)).children.append(self.month)
            self.month, self.month_number = None, None

    def _close_year(self) -> None:
        if self.year is not None:
            self.top.append(self.year)
            self.year, self.year_number = None, None

    def finish(self) -> list[Node]:
        if self.pending_bylines:  # a writer's line with no entry after it closes what it follows
            self._flush_bylines()
        self._close_entry(), self._close_month(), self._close_year()
        return _valid_order(self.top)


class _Top:
    """The body's list, with the interface of a container."""

    def __init__(self, nodes: list[Node]) -> None:
        self.children = nodes


def _valid_order(nodes: list[Node]) -> list[Node]:
    """Paragraphs may only come before the divisions of a body: later ones join an entry."""
    if nodes and not any(isinstance(n, Container) or n.tag == "p" for n in nodes):
        return [Container("div", nodes, {"type": "entry"})]  # only a writer's line: an entry of its own
    ordered: list[Node] = []
    for node in nodes:
        if isinstance(node, Block) and any(isinstance(n, Container) for n in ordered):
            ordered.append(Container("div", [node], {"type": "entry"}))
        else:
            ordered.append(node)
    return ordered


def _heading(block: RawBlock, tag: str) -> Block:
    heading = block.block(tag)
    heading.frames_dates = True
    return heading


def _dateline(block: RawBlock) -> Block:
    dateline = _heading(block, "dateline")
    if place := place_before_date(block.text):
        dateline.spans.append(Span.make(*place, "placeName"))
    return dateline


def _is_entry_heading(block: RawBlock) -> bool:
    """A line of its own that dates an entry: a date, perhaps with a place, a weekday, a time."""
    text = block.text
    if "\n" in text or len(text) > HEADING_MAX:
        return False
    if len(re.findall(r"\b[a-z]{3,}\b", text)) > 3:
        return False  # a sentence about a date
    found = dates_in(text)
    if not found or found[0][0] > 48:
        return False
    rest = re.sub(rf"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:{TIME_OF_DAY}|Ev)\b", "",
                  text[found[-1][1]:])
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2  # else the entry's first words follow its date


def _inline_dateline(block: RawBlock) -> int | None:
    """Where an entry's opening date ends in its first paragraph ("Jan 9th. It is ..."), or None."""
    text = block.text
    found = leading_date(text, within=40)
    if found is None or (found[0] > 0 and place_before_date(text[:found[1]]) is None):
        return None  # only a place may stand before an entry's date ("Ambleside, 22nd.")
    end = found[1]
    match = DATELINE_END.match(text, end)
    if match is None or match.end() == end or text[end:match.end()].strip() == "" and not text[end:end + 1] in "—–-":
        return None  # no punctuation after the date: it is part of a sentence ("January 5 was cold")
    if weekday := WEEKDAY_AFTER_DATE.match(text, match.end()):  # the entry's heading names its weekday too
        return weekday.start() + len(weekday.group().rstrip())
    return end + len(text[end:match.end()].rstrip())


def _written_month(text: str) -> int | None:
    match = MONTH_WORD.search(text)
    if not match:
        return None
    word = match.group().lower()
    return next(n for n, name in enumerate(MONTHS.lower().split("|"), 1) if name.startswith(word[:3]))
