"""Speaker labels of transcribed speech: "DAVID OKAFOR: Well, ...", "HOST (Sarah Lin): Welcome",
"Q: And then?", "Maria Lopez: Thank you.", "[00:01:17] Alan Reid: Right."

A turn is encoded as TEI's `sp` (Guidelines 7.2.2, as for drama): the label, colon included, in
`speaker`, the words spoken in `p`; paragraphs after it without a label of their own continue
the turn. `sp/@who` is added once the persons are known (tei_tools.annotate.speakers).

A label in capitals (or "Q"/"A") is a speaker's wherever it stands. A label in title case ("Note:",
"Act One:", "Update:" begin lines of prose too) only when the same label opens two or more
paragraphs of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from tei_tools.readers.common import RawBlock

_CAPITALS = r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}"
_TITLE_CASE = r"[A-Z][a-z'’-]+(?: (?:[A-Z][a-z'’.-]+|[A-Z]\.|(?:de|van|von|da|del|al|bin|ibn)))" r"{0,3}"
# a time code before the label, kept in `speaker`: "[00:01:17] ", "(12:04) ", "00:01:17 "
TIME_CODE = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?"
# the label, an optional gloss in parentheses ("HOST (Sarah Lin)"), the colon, then the speech
LABEL = re.compile(rf"^(?P<time>{TIME_CODE}[ \t]+)?(?P<label>(?:(?P<caps>{_CAPITALS})|(?P<title>{_TITLE_CASE}))"
                   rf"(?: \((?P<gloss>[^()\n]{{1,40}})\))?:)[ \t]+(?=\S)")
# what opens a line of prose or a heading in title case with a colon, never a speaker
NOT_SPEAKERS = frozenset("""act part chapter episode section note notes source sources update editor editor's
    editors summary transcript warning correction introduction epilogue prologue answer question""".split())
SHORTEST_CAPITALS = 2  # letters of a capitals label other than "Q" and "A" ("HOST", "MAN 1")


def speaker_label(block: RawBlock, recurring: frozenset[str]) -> re.Match[str] | None:
    """The speaker label the block opens with, if it is one (see the module's rules)."""
    match = LABEL.match(block.text)
    if match is None or match["label"].split()[0].lower().rstrip(":") in NOT_SPEAKERS:
        return None
    if match["caps"]:
        letters = sum(c.isalpha() for c in match["caps"])
        return match if letters >= SHORTEST_CAPITALS or match["caps"] in ("Q", "A") else None
    return match if match["label"] in recurring else None


def recurring_labels(blocks: Sequence[RawBlock]) -> frozenset[str]:
    """The title-case labels that open two or more of the blocks."""
    counts = Counter(m["label"] for block in blocks if (m := LABEL.match(block.text)) and m["title"])
    return frozenset(label for label, count in counts.items() if count >= 2)

