"""Names written surname first, as reference lists write them: "1. Toole, Betty Alexandra (1998).
Ada, the Enchantress of Numbers." The recogniser reads the given names after the comma as a name
of their own ("Betty Alexandra"), which is not the person's name; until inverted names are read
whole, no name is claimed there at all, rather than a wrong one.
"""
from __future__ import annotations

import re
from typing import Sequence

# At the start of a block (or a line of it, or after the semicolon between two authors:
# "Hammerman, Robin; Russell, Andrew L. (2015)"): an optional number, a capitalised surname and a comma
INVERTED_OPENING = re.compile(r"(?:^|\n|;)[ \t]*(?:\[?\d{1,3}[.)\]][ \t]+)?([A-Z][\w'’-]+),[ \t]+\Z")
# Words that open a line before a comma and a name in speech, never as a surname: "Thanks, Maria."
GREETINGS = frozenset("thanks thank yes no well oh ah hello hi hey sorry okay ok right so now please goodbye bye "
                      "welcome congratulations cheers listen look dear morning evening indeed sure great".split())
# After the given names: the year of the work, or the full stop that ends the author part, or the
# peerage or rank a biographical dictionary's heading ends with ("Ashcombe, Henry Fitzalan, 3rd Baron")
AUTHOR_ENDS = re.compile(r"\.?[ \t]*\(\d{4}[a-z]?\)|\.[ \t]+[A-Z(\d]|\.?\Z|,[ \t]+(?:\d+(?:st|nd|rd|th)[ \t]+)?"
                         r"(?:Baron|Baroness|Baronet|Bart|Bt|Earl|Countess|Viscount|Viscountess|Marquess|Marquis|"
                         r"Duke|Duchess|Lord|Lady|Sir|Dame)\b")


def in_inverted_author(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the given-name part of a surname-first author ("Toole, Betty
    Alexandra (1998)")."""
    opening = INVERTED_OPENING.search(text, max(0, start - 40), start)
    return bool(opening) and opening.group(1).lower() not in GREETINGS and bool(AUTHOR_ENDS.match(text, end))


def without_inverted_authors(mentions: Sequence, texts: Sequence[str]) -> list:
    """The mentions (Candidates) that are not the given names of a surname-first author."""
    return [m for m in mentions if not in_inverted_author(texts[m.block], m.start, m.end)]
