"""How sure each mention is: the @cert an editor reviews by.

A mention is as sure as the weaker of two judgements: that the words are a person's name, and
that the person is the one its @ref names. The levels are calibrated on gold (see
benchmarks/score_persons.py, which prints per level the share of mentions that are right):
`high` is meant to be right at least 98 times in 100, `medium` at least 85; `low` is what an
editor should read.

- name: a full name, a name after a title, a name the document uses often or in a full name
  elsewhere is sure; a lone word with little support is not.
- person: a full name seen before, a lone word only one person of the document could be, a person
  identified by a full name in the personography are sure; a lone word that several persons
  share, a name that met its person only further on or through a misspelling, a new person known
  by one mention are less so.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from tei_tools.annotate.names import Lexicon
from tei_tools.annotate.persons.cluster import Clustering
from tei_tools.annotate.persons.judge import Candidate

if TYPE_CHECKING:
    from tei_tools.annotate.persons import FoundPerson

LEVELS = ("low", "medium", "high")
SURE_NAME = 4.0  # a score at least this is a name beyond reasonable doubt
LIKELY_NAME = 1.5


def mention_certs(mentions: Sequence[Candidate], clustering: Clustering, persons: Sequence["FoundPerson"],
                  lexicon: Lexicon) -> list[str]:
    certs = []
    sharing = _persons_sharing_words(clustering)
    for n, mention in enumerate(mentions):
        person = persons[clustering.person_of[n]]
        name = _name_level(mention)
        identity = _identity_level(mention, clustering.how[n], person, sharing)
        certs.append(LEVELS[min(name, identity)])
    return certs


def _name_level(mention: Candidate) -> int:
    if mention.score >= SURE_NAME or (mention.is_full_name and mention.score >= 2.5) or mention.titled:
        return 2
    if mention.score >= LIKELY_NAME:
        return 1
    return 0


def _identity_level(mention: Candidate, how: str, person: "FoundPerson", sharing: dict[str, int]) -> int:
    entity = person.entity
    if person.known_id is not None and person.evidence in ("alias", "surname", "similar"):
        cross = 1
    else:
        cross = 2
    if how in ("form", "fits", "alias"):
        level = 2
    elif how == "word":
        level = 2 if sharing.get(mention.key, 0) <= 1 else 1
    elif how == "new":
        if entity.forms:
            level = 2
        else:  # known by lone words only: a new person of this document, for an editor to check
            level = 1 if entity.mentions > 1 else 0
    elif how in ("ahead", "similar", "initial"):
        level = 1
    else:  # "misspelt", "glued", "kin"
        level = 0
    return min(level, cross)


def _persons_sharing_words(clustering: Clustering) -> dict[str, int]:
    """How many of the document's persons each word of a name belongs to."""
    counts: dict[str, int] = {}
    for entity in clustering.entities:
        for word in entity.words:
            counts[word] = counts.get(word, 0) + 1
    return counts
