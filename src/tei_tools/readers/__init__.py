"""Readers cut a source into a Document; `detect_kind` picks the reader for a source.

Kinds: book, biography, transcript (modern web texts), letter and journal (correspondence and
diaries, the most common TEI editions).

Each reader module has `KIND` and `read(source, name) -> Document`. Detection scores cues that
are typical of each kind of source; a user can always override it with `--kind`.
"""
from __future__ import annotations

from tei_tools.readers import biography, book, journal, letter, transcript
from tei_tools.readers.cue_counts import Cue, Source
from tei_tools.readers.speakers import NUMBERED_SPEAKER, TIME_CODE

READERS = {module.KIND: module for module in (book, biography, transcript, letter, journal)}
KINDS = tuple(READERS)

CUES = {
    "transcript": [r"(?im)^act (one|two|three|four|five|six|[ivx]{1,4}|\d+)\b.*$", r"(?im)^cold open$",
                   r"(?i)\bI[’']m [A-Z][\w.-]+(?: [A-Z][\w.-]+)*,? and (this is|you[’']re listening to)\b",
                   r"(?im)^(audio editing|sound design|(theme )?music|produced|written) by\b",
                   r"(?im)^(coming up )?next (time )?on(\b|(?=[A-Z]))", r"(?im)^executive producers are\b",
                   # a speaker's label in capitals: "DAVID OKAFOR: Well, ...", "HOST (Sarah Lin): Welcome"
                   r"(?m)^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?: \([^()\n]{1,40}\))?:[ \t]+\S",
                   # a time code and a speaker's label: "[00:01:17] Alan Reid: Right."
                   rf"(?m)^{TIME_CODE}[ \t]+[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}:[ \t]+\S",
                   r"(?m)^Q:[ \t]+\S",  # an interview's questions: "Q: When did you first meet him?"
                   rf"(?m)^(?:{TIME_CODE}[ \t]+)?{NUMBERED_SPEAKER}:[ \t]+\S"],  # "Speaker 1: I think ..."
    "biography": [r"(?im)^(primary|original) sources$", r"(?m)^\(\d{1,3}\) [A-Z]",
                  r"(?m)\w[.\"”] \(\d{1,3}\)$",  # a paragraph ending with a note marker
                  r"[\w.,;:\"”’)]\[\d{1,3}\](?=[\s.,;:\[]|$)",  # an encyclopedia's note marker: "Engine.[1]"
                  r"(?m)^([A-Z][^\n]{0,60})\n\1$",  # a picture's title repeated as its caption
                  r"\b\d{1,2}(?:st|nd|rd|th) (?:January|February|March|April|May|June|July|August|September|"
                  r"October|November|December), \d{4}\b",  # "born ... on 7th November, 1879"
                  # an encyclopedia's first sentence: "Ada Wong (4 June 1902 – 17 November 1981) was a ...",
                  # also with what she was known as between: "(née Pryce; 1874 – 1951), known as "Dot", was"
                  r"\A(?:[^\n]*\n+){0,2}[A-Z][^\n()]{1,100} \((?:born |b\. )?[^()\n]{0,30}\d{3,4}"
                  r"(?:\s*[–—-]\s*[^()\n]{0,30}\d{3,4})?\)(?:,[^\n,]{1,80},)? (?:was|is)\b",
                  # or a life told from its start: "Florence Nightingale was born in Florence ..."
                  r"\A(?:[^\n]*\n+){0,2}(?:[A-Z][\w'’.-]+ ){1,4}(?:was|is) born\b"],
    "letter": [r"(?im)^(?:my\s+)?(?:very\s+|most\s+)?dear(?:est)?\s+[A-Za-z][^\n]{0,40}$",  # a salutation line
               r"(?i)\b(?:yours\s+(?:ever|truly|sincerely|affectionately|faithfully|obediently)"
               r"|(?:affectionately|faithfully|sincerely|truly|ever|cordially)\s*yours"
               r"|your\s+(?:affectionate|obedient|devoted|loving|faithful)\b)",  # a complimentary close
               r"(?m)^To\s+(?:Sir|Mr|Mrs|Miss|Ms|Dr|Rev|Lady|Lord|the|my|his|her)\b[^\n]{0,50}$",  # an address line
               r"(?m)^P\.\s?S\.", r"(?i)\A\s*(?:an?\s+|the\s+)?letters?\b",  # a postscript; a title "Letter ..."
               # the forms of address and of close of formal letters: "My Lord," / "humble servant"
               r"(?im)^(?:my\s+lord|my\s+lady|sir|madam|dear\s+sirs?|gentlemen|reverend\s+sir)[,:;.!—–-]*[ \t]*$",
               r"(?i)\b(?:humble|obedient|obliged)\s+servants?\b"],
    "journal": [r"(?m)^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[,.]?\s*(?:[A-Z][a-z]+\.?\s*)?[—–-]*\s*)?"
                r"(?:Jan|Feb|Mar|Apr|Ap|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th|d)?\b",
                r"(?m)^\d{1,2}(?:st|nd|rd|th|d)\.\s",  # "1st. Young Soeffjes ..."
                r"(?m)^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b[^\n]{0,12}\b\d{1,2}(?:st|nd|rd|th|d)?\b",
                r"(?m)^(?:January|February|March|April|May|June|July|August|September|October|November|December)\.?$",
                r"(?i)\A[^\n]*\b(?:journal|diary)\b"],  # the title says so
    "book": [r"(?im)^(article|story) continues (after|below) advertisement$", r"(?m)^[_]{5,}$",
             r"(?i)\bfrom .{3,200}? by [^.]+\. (published|used) by\b", r"(?i)copyright ©", r"(?m)^\*$",
             r"(?im)^(chapter|part) (one|two|three|\d+|[ivx]{1,4})\b.{0,60}$", r"(?im)^(prologue|epilogue)$",
             r"(?i)\b(used|reprinted|excerpted) (with|by) (the )?permission\b"],
}


# Each cue counts up to this many times: one kind's cue repeated all through a text must not
# outweigh the other kinds' cues.
MOST_PER_CUE = 5
_COMPILED: dict[str, tuple[str, list[Cue]]] = {}  # kind -> (the cues as compiled, compiled)


def detect_kind(source: str) -> str:
    """The kind whose cues are found most often; prose with no cues reads as a book excerpt."""
    text = Source(source)
    scores = {kind: sum(cue.count(text, MOST_PER_CUE) for cue in _compiled(kind, cues))
              for kind, cues in CUES.items()}
    best = max(KINDS, key=lambda kind: (scores.get(kind, 0), kind == "book"))
    return best if scores[best] > 0 else "book"


def read(source: str, name: str, kind: str | None = None):
    kind = kind or detect_kind(source)
    return READERS[kind].read(source, name)


def _compiled(kind: str, cues: list[str]) -> list[Cue]:
    """The kind's cues compiled once (again if CUES was changed since)."""
    key = "\0".join(cues)
    known = _COMPILED.get(kind)
    if known is None or known[0] != key:
        known = _COMPILED[kind] = (key, [Cue(cue) for cue in cues])
    return known[1]
