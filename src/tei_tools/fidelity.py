"""Word-level fidelity: does an edition keep every word of its source, in order?

Used by the tests and available to users who want to check a hand-corrected edition. Words are
runs of letters and digits (with inner apostrophes); punctuation and whitespace do not count,
so typographic choices in markup cannot hide a lost or changed word.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml import etree

from tei_tools.xml import TEI_NS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).replace("’", "'")
    return WORD.findall(text)


def tei_text_words(root: etree._Element) -> list[str]:
    """Words of the first tei:text, in document order (blocks separate words)."""
    text = root.find(f".//{{{TEI_NS}}}text") if root.tag != f"{{{TEI_NS}}}text" else root
    if text is None:
        return []
    return words("".join(_itertext_with_breaks(text)))


def _itertext_with_breaks(element: etree._Element):
    """Text in order; a space at each element boundary so blocks never glue words together,
    except inside inline markup where the source had no space either."""
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            inline = etree.QName(child).localname in INLINE
            if not inline:
                yield " "
            yield from _itertext_with_breaks(child)
            if not inline:
                yield " "
        yield child.tail or ""


INLINE = {"persName", "roleName", "date", "q", "quote", "said", "ref", "hi", "emph", "foreign", "title",
          "name", "placeName", "orgName", "term", "num", "lb", "seg", "w", "pc", "choice", "sic", "corr",
          "abbr", "expan", "orig", "reg", "add", "del", "unclear", "supplied", "gap", "note", "ptr", "rs"}


@dataclass(frozen=True)
class Difference:
    kind: str  # "missing" (in the source, not the edition) or "added"
    position: int  # index of the first word concerned, in the source (missing) or edition (added)
    words: tuple[str, ...]


def compare(expected: list[str], found: list[str]) -> list[Difference]:
    """Differences between two word sequences; empty when identical."""
    if expected == found:
        return []
    differences = []
    matcher = SequenceMatcher(a=expected, b=found, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            differences.append(Difference("missing", a1, tuple(expected[a1:a2])))
        if tag in ("insert", "replace"):
            differences.append(Difference("added", b1, tuple(found[b1:b2])))
    return differences
