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


# The diff looks at this many words from the first mismatch on (more when nothing in them
# lines up): SequenceMatcher is quadratic, so diffing a whole novel would never finish, and the
# first difference is the one to fix first.
WINDOW = 500
WINDOW_MAX = 16_000


@dataclass(frozen=True)
class Difference:
    kind: str  # "missing" (in the source, not the edition) or "added"
    position: int  # index of the first word concerned, in the source (missing) or edition (added)
    words: tuple[str, ...]

    def __str__(self) -> str:
        shown = " ".join(self.words[:12]) + (" ..." if len(self.words) > 12 else "")
        where = "source" if self.kind == "missing" else "edition"
        return f"{self.kind} at word {self.position} of the {where}: {shown!r}"


def compare(expected: list[str], found: list[str]) -> list[Difference]:
    """The differences around the first place where two word sequences part; [] when identical.

    Time is linear in the length of the texts plus a diff of a bounded window, so a fidelity
    failure on the largest document is reported in well under a second. Later differences
    (past the window) are not listed: fix the first, then run again.
    """
    if expected == found:
        return []
    start = _common_prefix(expected, found)
    expected_end, found_end = _common_suffix_starts(expected, found, start)
    window = WINDOW
    while True:
        a = expected[start:min(expected_end, start + window)]
        b = found[start:min(found_end, start + window)]
        truncated = start + window < max(expected_end, found_end)
        opcodes = SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
        if not truncated or any(tag == "equal" for tag, *_ in opcodes) or window >= WINDOW_MAX:
            break
        window *= 4  # nothing lines up yet: a long insertion or loss; look further
    differences = []
    for tag, a1, a2, b1, b2 in opcodes:
        if truncated and differences and (a1 >= len(a) // 2 or b1 >= len(b) // 2):
            break  # near the cut the window's edges misalign: not a real difference
        if tag in ("delete", "replace"):
            differences.append(Difference("missing", start + a1, tuple(a[a1:a2])))
        if tag in ("insert", "replace"):
            differences.append(Difference("added", start + b1, tuple(b[b1:b2])))
    return differences


def _common_prefix(a: list[str], b: list[str]) -> int:
    """Length of the common prefix, by halving (list slices compare in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix_starts(a: list[str], b: list[str], floor: int) -> tuple[int, int]:
    """Where the common suffix of a and b begins in each, never before `floor`."""
    length, most = 0, min(len(a), len(b)) - floor
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle:len(a) - length] == b[len(b) - middle:len(b) - length]:
            low, length = middle, middle
        else:
            high = middle - 1
    return len(a) - low, len(b) - low
