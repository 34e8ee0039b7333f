"""Readers cut a source into a Document; `detect_kind` picks the reader for a source.

Each reader module has `KIND` and `read(source, name) -> Document`. Detection scores cues that
are typical of each kind of source; a user can always override it with `--kind`.
"""
from __future__ import annotations

import re

from tei_tools.readers import biography, book, transcript

READERS = {module.KIND: module for module in (book, biography, transcript)}
KINDS = tuple(READERS)

CUES = {
    "transcript": [r"(?im)^(act|part) (one|two|three|four|\d+)\b.*$", r"(?im)^cold open$",
                   r"(?i)\bI[’']m [A-Z][\w.-]+(?: [A-Z][\w.-]+)* and this is\b",
                   r"(?im)^(audio editing|sound design|music|produced) by\b", r"(?im)^next on\s*\w"],
    "biography": [r"(?im)^(primary|original) sources$", r"(?m)^\(\d{1,3}\) [A-Z]",
                  r"\w[.\"”] \(\d{1,3}\)$"],
    "book": [r"(?im)^(article|story) continues (after|below) advertisement$", r"(?m)^[_]{5,}$",
             r"(?i)\bfrom .{3,200}? by [^.]+\. (published|used) by\b", r"(?i)copyright ©", r"(?m)^\*$"],
}


def detect_kind(source: str) -> str:
    """The kind whose cues are found most often; prose with no cues reads as a book excerpt."""
    scores = {kind: sum(min(len(re.findall(cue, source)), 5) for cue in cues)
              for kind, cues in CUES.items()}
    best = max(KINDS, key=lambda kind: (scores.get(kind, 0), kind == "book"))
    return best if scores[best] > 0 else "book"


def read(source: str, name: str, kind: str | None = None):
    kind = kind or detect_kind(source)
    return READERS[kind].read(source, name)
