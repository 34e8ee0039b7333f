"""Speaker labels of transcribed speech: "DAVID OKAFOR: Well, ...", "HOST (Sarah Lin): Welcome",
"Q: And then?", "Maria Lopez: Thank you.", "[00:01:17] Alan Reid: Right."

A turn is encoded as TEI's `sp` (Guidelines 7.2.2, as for drama): the label, colon included, in
`speaker`, the words spoken in `p`; paragraphs after it without a label of their own continue
the turn. `sp/@who` is added once the persons are known (tei_tools.annotate.speakers).

A label in capitals (or "Q"/"A", a role: "Moderator", a role and a number: "Speaker 1") is a speaker's
wherever it stands. A label in title case ("Note:",
"Act One:", "Update:" begin lines of prose too) only when the same label opens two or more
paragraphs of the text.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from tei_tools.readers.common import RawBlock

# capital and small letters, those of names in European languages too ("SJÖBERG:", "Łukasz Nowak:")
_UPPER = "A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŐŒŘŚŠŤŮŰŹŻŽ"
_LOWER = "a-zß-öø-ÿąćčďęěłńňőœřśšťůűźżž"
_CAPITALS = rf"[{_UPPER}][{_UPPER}.'’-]*(?: [{_UPPER}][{_UPPER}.'’-]*){{0,3}}"
_TITLE_CASE = rf"[{_UPPER}][{_LOWER}'’-]+(?: (?:[{_UPPER}][{_LOWER}'’.-]+|[{_UPPER}]\.|(?:de|van|von|da|del|al|bin|ibn)))" \
    r"{0,3}"
# a speaker known only by a role and a number, as transcription services label them: "Speaker 1:"
NUMBERED_SPEAKER = r"(?:Speaker|Participant|Respondent|Interviewee|Interviewer|Caller|Guest|Voice|Student|Panell?ist" \
    r"|Man|Woman|Child|Person|Witness) \d{1,2}"
# the roles of transcribed speech, a speaker's label in title case wherever it stands ("Moderator:")
ROLE_LABELS = frozenset("""Moderator Interviewer Interviewee Host Co-host Narrator Facilitator Chair Chairman
    Chairwoman Reporter Caller Announcer Respondent Participant Presenter""".split())
# a time code before the label, kept in `speaker`: "[00:01:17] ", "(12:04) ", "00:01:17 "
TIME_CODE = r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?"
# the label, an optional gloss in parentheses ("HOST (Sarah Lin)"), the colon, then the speech
LABEL = re.compile(rf"^(?P<time>{TIME_CODE}[ \t]+)?(?P<label>(?:(?P<caps>{_CAPITALS})|(?P<numbered>{NUMBERED_SPEAKER})"
                   rf"|(?P<title>{_TITLE_CASE}))"
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
    if match["numbered"] or match["title"] in ROLE_LABELS and not _is_field_list(block.text):
        return match
    if match["caps"]:
        letters = sum(c.isalpha() for c in match["caps"])
        return match if letters >= SHORTEST_CAPITALS or match["caps"] in ("Q", "A") else None
    return match if match["label"] in recurring else None


FIELD_LINE = re.compile(r"^[A-Z][\w ]{0,30}:[ \t]")


def _is_field_list(text: str) -> bool:
    """Lines of "Field: value" ("Interviewer: Thomas Reilly" / "Date: March 14, 1987"): a record's
    description, not a turn."""
    lines = text.splitlines()
    return len(lines) > 1 and all(FIELD_LINE.match(line) for line in lines)


def recurring_labels(blocks: Sequence[RawBlock]) -> frozenset[str]:
    """The title-case labels that open two or more of the blocks."""
    counts = Counter(m["label"] for block in blocks if (m := LABEL.match(block.text)) and m["title"])
    return frozenset(label for label, count in counts.items() if count >= 2)

