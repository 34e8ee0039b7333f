"""What every reader needs: cutting a source into raw blocks, and recognising page furniture.

A raw block is a maximal run of non-blank lines. Its text is a slice of the source, so offsets
stay exact; readers decide what each block is (heading, paragraph, caption ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tei_tools.model import Block, Omission

BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
TERMINAL_PUNCTUATION = tuple(".?!:;…\"”’)]")

# Page furniture that websites interleave with an article's text. Each entry is
# (reason key, pattern over the whole block, sentence for the header's editorialDecl).
FURNITURE = (
    ("advertisement",
     re.compile(r"(?i)(article|story) continues (after|below) (the )?advertisement|advertisement"),
     "Advertising interjections inserted by the website between paragraphs were removed."),
)
RULE_LINE = re.compile(r"^[_\-=*~]{3,}$")  # a typographic rule separating back matter
SECTION_BREAK = re.compile(r"^(\*\s*){1,3}$|^#$|^§$")


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


def split_blocks(source: str) -> list[RawBlock]:
    """Cut the source at blank lines; surrounding whitespace of a block is left out."""
    blocks: list[RawBlock] = []
    position = 0
    for match in [*BLANK_LINE.finditer(source), None]:
        end = match.start() if match else len(source)
        _append_block(blocks, source, position, end)
        if match:
            position = match.end() - 1  # keep the last newline as the next block's separator
    return blocks


def _append_block(blocks: list[RawBlock], source: str, start: int, end: int) -> None:
    chunk = source[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    offset = start + chunk.index(stripped)
    blocks.append(RawBlock(stripped, offset, source.count("\n", 0, offset) + 1))


def furniture_reason(block: RawBlock) -> tuple[str, str] | None:
    """(reason, description) when the block is website furniture to leave out, else None."""
    for reason, pattern, description in FURNITURE:
        if pattern.fullmatch(block.text.strip()):
            return reason, description
    return None


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


def is_section_break(text: str) -> bool:
    return bool(SECTION_BREAK.fullmatch(text.strip()))


def is_rule_line(text: str) -> bool:
    return bool(RULE_LINE.fullmatch(text.strip()))
