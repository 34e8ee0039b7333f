"""What a name-like stretch of a block is while it is judged (`Candidate`), what the judge asks of
the document (`Knowledge`), and the weights of the evidence found around it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from tei_tools.annotate.names import name_key
from tei_tools.annotate.persons.words import Word

# What stands between two members of a list, matched in place (fullmatch between the two, no
# copy of the text between them, which may be most of a long block)
COORDINATION = re.compile(r"\s*(?:,|,?\s+and|,?\s+&|\s*&|\s*(?:--|—|–)\s*)\s*")

# Weights of the evidence. Positive for a person, negative against.
POSITIVE = {"signature": 9.0, "titled": 3.0, "verb-after": 2.0, "who-after": 2.0, "role-before": 2.0, "role-after": 1.5,
            "possessive": 0.5, "kin-before": 0.0, "kin-of": 0.0, "fond-before": 0.5, "addressed": 2.0}
NEGATIVE = {"thing-before": -4.0, "place-noun-of": -4.0, "thing-after": -3.0, "place-apposition": -3.0,
            "thing-apposition": -3.0, "determiner": -2.5, "motion-to": -2.0, "place-preposition": -1.5,
            "beside-place": -1.5, "in-phrase": -1.5, "from": -1.0, "place-verb": -2.0, "gloss": -3.0,
            "of-capitalised": -2.0, "after-possessive": -2.5, "the-possessive": -3.0, "work-title": -6.0,
            "epithet": -4.0, "article-given-names": -2.0, "descent": -4.0, "credit-firm": -4.0, "firm-after": -4.0, "read-before": 0.0, "determiner-adjective": -1.5,
            "possessive-landmark": -4.0}
DECISIVE_POSITIVE = frozenset(POSITIVE) - {"possessive", "kin-before", "kin-of", "fond-before"}
DECISIVE_NEGATIVE = frozenset(NEGATIVE) - {"from", "in-phrase", "beside-place", "place-verb", "after-possessive",
                                            "determiner-adjective", "possessive-landmark", "read-before"}


class Knowledge(Protocol):
    """What the caller knows beyond the word lists: the personography and the document."""

    def word_strength(self, key: str, position: tuple[int, int] | None = None) -> float:
        """0 unknown ... 3 certainly a name word (a surname seen in a full name, say), at
        `position` (block, offset) in the document or anywhere."""

    def is_known_form(self, key: str) -> bool:
        """True for a whole name form the personography or the document already holds."""

    def is_lowercase_in_document(self, key: str) -> bool:
        """True when the word also occurs in lower case in the document (an ordinary word)."""

    def is_surname(self, key: str, besides: str = "") -> bool:
        """True when the word is the surname of a full name of the document (other than the
        name key `besides`) or of the personography."""

    def is_part_of_document_form(self, key: str) -> bool:
        """True when the words are the end or the middle of a longer full name of the document
        ("Branwell Brontë" of "Patrick Branwell Brontë")."""

    def is_recurring(self, key: str) -> bool:
        """True when the document writes the word capitalised inside sentences again and again
        and never in lower case."""

    def is_recurring_name(self, key: str) -> bool:
        """True for a recurring word the document accepted as a name inside a sentence."""

    def abbreviated_name(self, key: str) -> str:
        """The one name word the document uses often that `key` ("ch") abbreviates, or ''."""

    def may_score_otherwise(self, candidate: "Candidate") -> bool:
        """False when nothing learnt since the candidate was last scored can change its score."""

    @property
    def capitalises_nouns(self) -> bool:
        """True for a document that capitalises common nouns (letters of the early 1800s)."""

    @property
    def class_cache(self) -> dict[tuple[str, str, bool], str]:
        """Where `JudgedBlock` keeps each word's class while the knowledge stays the same, under
        `classes.class_key`."""


@dataclass
class Candidate:
    """A stretch of a block that may be a personal name, with the evidence found for it."""

    block: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    classes: tuple[str, ...]
    titled: bool = False
    sentence_initial: bool = False
    cues: set[str] = field(default_factory=set)
    own_score: float = 0.0  # from the candidate's own words and context
    score: float = 0.0  # with what the document adds
    kind: str = "name"  # or "place", "organisation", "other": a run that names no person
    title_start: int = -1  # where the title before the name begins ("Mrs." in "Mrs. Dickinson"), or -1
    title_end: int = -1
    title: str = ""  # that title as a key ("mrs", "grand duke")
    run_end: int = -1  # where the run of capitalised words the name was cut from ends
    expansion: str = ""  # for an abbreviation ("Ch."), the document's name word it stands for

    # Worked out once (in __post_init__) from text, words and classes, which never change once
    # the candidate is made, and asked for again and again.
    key: str = field(init=False)  # the text as a name key
    naming_count: int = field(init=False)  # words that are neither particles, generations nor initials
    is_full_name: bool = field(init=False)
    is_single_word: bool = field(init=False)

    def __post_init__(self) -> None:
        classes = self.classes
        self.key = name_key(self.text)
        self.naming_count = sum(c not in ("particle", "generation", "initial") for c in classes)
        # Two naming words, initials and a surname ("Bertram D. Wolfe", "L. D. Trotsky"), or a
        # name and a regnal number ("Nicholas II").
        self.is_full_name = self.naming_count >= 2 or (self.naming_count == 1 and (
            "initial" in classes or "generation" in classes))
        self.is_single_word = len(self.words) == 1 and classes[0] != "initial"

    @property
    def position(self) -> tuple[int, int]:
        return self.block, self.start

    @property
    def decisive_for(self) -> bool:
        return bool(self.cues & DECISIVE_POSITIVE)

    @property
    def decisive_against(self) -> bool:
        return bool(self.cues & DECISIVE_NEGATIVE)



def coordinated(text: str, left: Candidate, right: Candidate) -> bool:
    """True when two candidates of a block stand in a list: "Aristotle, Goethe, Marx"."""
    return left.end <= right.start and bool(COORDINATION.fullmatch(text, left.end, right.start))
