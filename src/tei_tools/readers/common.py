"""What every reader needs: cutting a source into raw blocks, and recognising page furniture.

A raw block is a maximal run of non-blank lines. Its text is a slice of the source, so offsets
stay exact; readers decide what each block is (heading, paragraph, caption ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tei_tools.model import Block, Container, Omission

BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
TERMINAL_PUNCTUATION = tuple(".?!:;…\"”’)]")

# Page furniture that websites interleave with an article's text. Each entry is
# (reason key, pattern over the whole block, sentence for the header's editorialDecl).
FURNITURE = (
    ("advertisement",
     re.compile(r"(?i)(article|story) continues (after|below) (the )?advertisement|advertisement"),
     "Advertising interjections inserted by the website between paragraphs were removed."),
)
# A typographic rule separating back matter: a long run of rule characters. Runs of asterisks
# ("***") or short ornaments are section breaks inside the text, not rules.
RULE_LINE = re.compile(r"^(?:[_]{5,}|[-=~—–]{5,})$")
SECTION_BREAK = re.compile(r"^(?:[*•·◆◇❖✦~#§]\s*){1,5}$|^-{3,4}$")


@dataclass(frozen=True)
class RawBlock:
    text: str
    offset: int
    line: int  # 1-based line number of the block's first line in the source

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def block(self, tag: str, **attrs: str) -> Block:
        return Block(tag, self.text, self.offset, dict(attrs))

    def part(self, start: int, end: int) -> "RawBlock | None":
        """The stretch text[start:end] as a raw block of its own (stripped), or None if blank."""
        chunk = self.text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return None
        relative = start + chunk.index(stripped)
        return RawBlock(stripped, self.offset + relative, self.line + self.text.count("\n", 0, relative))

    def line_parts(self) -> list["RawBlock"]:
        """Each non-blank line as a raw block of its own."""
        parts, position = [], 0
        for line in self.lines:
            part = self.part(position, position + len(line))
            if part:
                parts.append(part)
            position += len(line) + 1
        return parts

    def split_lines(self, first: int) -> tuple["RawBlock | None", "RawBlock | None"]:
        """(lines before line `first`, the lines from it on), each as a raw block or None."""
        cut = sum(len(line) + 1 for line in self.lines[:first])
        return self.part(0, max(cut - 1, 0)), self.part(cut, len(self.text))


# the time of day a dateline or an entry heading may give beside its weekday ("Tuesday night")
TIME_OF_DAY = r"(?:morning|afternoon|evening|night|noon)"
VERSE_LINE_MAX = 80  # characters: a line of verse, not a paragraph's line wrapped by the typist
VERSE_WORDS_PER_LINE = 2.5  # lower-case words a line has on average: names and places have few
QUOTE_OPENERS = "\"“‘'(["


def verse(block: RawBlock) -> Container | None:
    """A stanza (lines of verse on lines of their own) as `lg` with an `l` per line: three lines
    or more, each short, nearly all opening with a capital, all with the words of sentences (an
    address panel's names and places have few lower-case words). A stanza in quotation marks
    from its first line to its last is a quotation: `quote` around the `lg`."""
    lines = block.line_parts()
    if len(lines) < 3 or any(len(line.text) > VERSE_LINE_MAX for line in lines):
        return None
    capitals = sum(line.text.lstrip(QUOTE_OPENERS)[:1].isupper() for line in lines)
    words = sum(len(re.findall(r"\b[a-z]{2,}\b", line.text)) for line in lines)
    if capitals < 0.75 * len(lines) or words < VERSE_WORDS_PER_LINE * len(lines):
        return None
    stanza = Container("lg", [line.block("l") for line in lines])
    text = block.text.strip().rstrip(".,;")
    quoted = text[:1] in "\"“" and text[-1:] in "\"”" and not any(mark in text[1:-1] for mark in "\"“”")
    return Container("quote", [stanza]) if quoted else stanza


def title_page(block: RawBlock) -> Container:
    """A source's title line as the front matter's title page (docTitle/titlePart)."""
    return Container("titlePage", [Container("docTitle", [block.block("titlePart", type="main")])])


def split_blocks(source: str) -> list[RawBlock]:
    """Cut the source at blank lines; surrounding whitespace of a block is left out."""
    blocks: list[RawBlock] = []
    position = 0
    lines = _LineCounter(source)
    for match in [*BLANK_LINE.finditer(source), None]:
        end = match.start() if match else len(source)
        _append_block(blocks, source, position, end, lines)
        if match:
            position = match.end() - 1  # keep the last newline as the next block's separator
    return blocks


class _LineCounter:
    """Line numbers of offsets that only grow, counted from the last one asked for: counting
    from the start of the source for each block cost the square of the source's size."""

    def __init__(self, source: str):
        self.source, self.offset, self.line = source, 0, 1

    def line_at(self, offset: int) -> int:
        self.line += self.source.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _append_block(blocks: list[RawBlock], source: str, start: int, end: int, lines: _LineCounter) -> None:
    chunk = source[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    blocks.append(RawBlock(stripped, offset, lines.line_at(offset)))


def furniture_reason(block: RawBlock) -> tuple[str, str] | None:
    """(reason, description) when the block is website furniture to leave out, else None."""
    for reason, pattern, description in FURNITURE:
        if pattern.fullmatch(block.text.strip()):
            return reason, description
    return None


def drop_furniture(blocks: list[RawBlock], omissions: list[Omission]) -> list[RawBlock]:
    """The blocks without website furniture; each piece left out is recorded in `omissions`.

    Furniture usually stands between paragraphs, but a copy-paste can glue it to a paragraph as
    a line of its own; such a block is cut around the furniture line, the rest kept."""
    kept: list[RawBlock] = []
    for block in blocks:
        pieces = [block] if "\n" not in block.text else block.line_parts()
        if len(pieces) > 1 and not any(furniture_reason(piece) for piece in pieces):
            kept.append(block)
            continue
        run: list[RawBlock] = []
        for piece in pieces:
            found = furniture_reason(piece)
            if found:
                kept.extend(_joined(block, run))
                run = []
                omissions.append(omission(piece, *found))
            else:
                run.append(piece)
        kept.extend(_joined(block, run))
    return kept


def _joined(block: RawBlock, pieces: list[RawBlock]) -> list[RawBlock]:
    """Consecutive lines of one block as a single raw block again."""
    if not pieces:
        return []
    start, end = pieces[0].offset - block.offset, pieces[-1].offset - block.offset + len(pieces[-1].text)
    joined = block.part(start, end)
    return [joined] if joined else []


def omission(block: RawBlock, reason: str, description: str) -> Omission:
    return Omission(block.text, block.offset, block.line, reason, description)


def is_heading_like(text: str, max_length: int = 90) -> bool:
    """One short line that does not end like a sentence: a section heading or a title."""
    text = text.strip()
    if "\n" in text or not text or len(text) > max_length:
        return False
    if text.endswith(TERMINAL_PUNCTUATION) and not text.endswith(")"):
        return False
    if text.endswith(")") and re.search(r"\(\d+\)$", text):
        return False  # a paragraph ending in a note marker
    first = text.lstrip("\"“‘'(")[:1]
    return first.isupper() or first.isdigit()


def is_question_heading(text: str, max_length: int = 80) -> bool:
    """One short line asking a question, as encyclopedia sites use for section headings."""
    text = text.strip()
    return ("\n" not in text and 0 < len(text) <= max_length and text.endswith("?")
            and text[:1].isupper() and len(text.split()) >= 2)


def is_section_break(text: str) -> bool:
    return bool(SECTION_BREAK.fullmatch(text.strip()))


def is_rule_line(text: str) -> bool:
    return bool(RULE_LINE.fullmatch(text.strip()))


# ---------------------------------------------------------------- dates at the head of a block
# (letters and journals: a dateline, an entry's date)


def dates_in(text: str, heading: bool = True) -> list[tuple[int, int]]:
    """Where the date annotator's grammar finds dates in `text` (read as a heading by default)."""
    from tei_tools.annotate.dates import default_recogniser

    return [(found.start, found.end) for found in default_recogniser().find(text, heading=heading)]


def leading_date(text: str, within: int = 48) -> tuple[int, int] | None:
    """The date a block opens with ("Jan 9th. It is ...", "Sunday — 3d. Went ..."), if it starts
    within the first `within` characters and only a place or a weekday stands before it."""
    found = dates_in(text[:within + 40])
    if not found or found[0][0] > within:
        return None
    start, end = found[0]
    before = text[:start]
    if re.search(r"[.!?;:]\s+[a-z]|\b(?:I|we|he|she|they|it)\b", before):
        return None  # a sentence runs before it: a date in the narrative, not a dateline
    return start, end


WEEKDAY_NAME = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
PLACE_NAME = re.compile(r"^(?P<place>[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Z][\w'’.-]*|on|upon|by|near|de|la|le)){0,6})"
                        r"[\s,.;:—–-]*$")
THE_BEFORE_DAY = re.compile(r",\s+(?:the|this)$")  # after the comma only: not "It’s the winter of 1901"
NOT_PLACES = frozenset("journal diary entry letter notes memorandum in on at by the last this since from before "
                       "after dear my".split())


def place_before_date(text: str) -> tuple[int, int] | None:
    """The place a dateline names before its date or weekday ("Bertram House", "London")."""
    found = dates_in(text)
    cut = found[0][0] if found else len(text)
    if weekday := WEEKDAY_NAME.search(text, 0, cut):
        cut = weekday.start()
    before = text[:cut]
    # "London, the 12th of March": the article before the day is no part of the place
    match = PLACE_NAME.match(THE_BEFORE_DAY.sub("", before.strip().rstrip("[(").strip()))
    if cut == 0 or not match or match["place"].split()[0].rstrip(".,").lower() in NOT_PLACES:
        return None
    start = before.index(match["place"])
    return start, start + len(match["place"].rstrip(",. "))
