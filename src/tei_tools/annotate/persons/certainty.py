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

import re
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from tei_tools.annotate.names import Lexicon
from tei_tools.annotate.persons.cluster import Clustering, Entity
from tei_tools.annotate.persons.judge import Candidate
from tei_tools.personography import PersonIndex

if TYPE_CHECKING:
    from tei_tools.annotate.persons import FoundPerson

LEVELS = ("low", "medium", "high")
SURE_NAME = 4.0  # a score at least this is a name beyond reasonable doubt
LIKELY_NAME = 1.5
# The ways a name meets its person that are guesses: further on, by a similar spelling or an initial
GUESSED = frozenset({"ahead", "similar", "misspelt", "initial", "glued"})


def mention_certs(mentions: Sequence[Candidate], clustering: Clustering, persons: Sequence["FoundPerson"],
                  lexicon: Lexicon, texts: Sequence[str], known: PersonIndex) -> list[str]:
    """One @cert per mention. Only entries an editor reviewed count as the personography's
    confirmation: entries tei-tools added itself must not make a second conversion surer than
    the first."""
    certs = []
    sharing = _persons_sharing_words(clustering)
    written = Counter(mention.key for mention in mentions)  # how often the document writes each name
    first_titled: dict[tuple[int, str, str], int] = {}  # (person, title, word) -> the level its guess set
    for n, mention in enumerate(mentions):
        person = persons[clustering.person_of[n]]
        reviewed = person.known_id is not None and not known.person(person.known_id).automatic
        name = _name_level(mention, person.entity, reviewed, texts[mention.block], lexicon, written)
        identity = _identity_level(mention, clustering.how[n], person, sharing, reviewed and person.known_id in
                                   known.find(mention.text))
        if mention.title and mention.is_single_word:
            # "Mrs. Penrose" met "Amy Penrose" only further on (a guess: her mother?): each later
            # "Mrs. Penrose" is that person for no better reason than the first was
            titled = (clustering.person_of[n], mention.title, mention.key)
            first = first_titled.setdefault(titled, identity if clustering.how[n] in GUESSED else len(LEVELS))
            identity = min(identity, first)
        certs.append(LEVELS[min(name, identity)])
    return certs


def _name_level(mention: Candidate, entity: Entity, reviewed: bool, text: str, lexicon: Lexicon,
                written: Counter) -> int:
    if "read-before" in mention.cues and not reviewed:
        return 0  # "reading Jane Eyre": a novel, or "reading Byron", its author: for an editor to say
    if mention.is_full_name and not mention.titled and not reviewed and not mention.decisive_for \
            and not _opens_with_a_given_name(mention, lexicon):
        # "Greenswith Channing", "Childe Harolde": no title, given name or initial opens it, no
        # verb or role speaks for a person, and the personography does not know it: perhaps a
        # work, a place, or two words glued; sure enough only when the document names them again
        return 0 if entity.mentions == 1 and written[mention.key] == 1 else 1
    if mention.titled and mention.is_single_word and _old_possessive(mention, text):
        return 0  # "at Mrs. Stetsons": Mrs. Stetson's (house) written the old way, or Mrs. Stetsons?
    if mention.end < mention.run_end:
        return 1  # "Sr Wm Elford Bart": capitalised words go on after the name; where does it end?
    if mention.score >= SURE_NAME or (mention.is_full_name and mention.score >= 2.5) or mention.titled:
        return 2
    if mention.score >= LIKELY_NAME:
        return 1
    return 0


def _identity_level(mention: Candidate, how: str, person: "FoundPerson", sharing: dict[str, int],
                    listed_form: bool) -> int:
    entity = person.entity
    if person.known_id is not None and person.evidence in ("alias", "surname", "similar"):
        cross = 1
    else:
        cross = 2
    if how in ("form", "fits"):
        level = 2
    elif how == "alias":  # the text says it is another name of someone; editions often keep a
        # pseudonym or a character a person stands for apart from the person: for review, unless
        # the personography lists the name as theirs ("he assumed the name Leon Trotsky")
        level = 2 if listed_form else 0
    elif how == "word":
        level = 2 if sharing.get(mention.key, 0) <= 1 else 1
    elif how == "new":
        if all(c == "initial" for c in mention.classes) and person.known_id is None:
            level = 1  # "M.R.M." signing a letter: whose initials, neither document nor personography says
        elif entity.forms:
            level = 2
        else:  # known by lone words only: a new person of this document, for an editor to check
            level = 1 if entity.mentions > 1 else 0
    elif how in ("ahead", "similar", "initial"):
        level = 1
    elif how == "kin" and person.evidence == "kin":
        level = 1  # "their son Lev": the child of the named parents the personography knows by that name
    else:  # "misspelt", "glued", "kin"
        level = 0
    return min(level, cross)


def _opens_with_a_given_name(mention: Candidate, lexicon: Lexicon) -> bool:
    first = mention.words[0]
    return first.kind == "initials" or mention.classes[0] == "initial" or first.key in lexicon.given \
        or first.key in lexicon.given_abbreviations


OLD_POSSESSIVE = re.compile(r"\bat\s+\S+\s*$", re.IGNORECASE)


def _old_possessive(mention: Candidate, text: str) -> bool:
    """A titled name ending in s after "at", with no apostrophe ("at Mrs. Stetsons")."""
    word = mention.words[-1].text
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or mention.words[-1].possessive:
        return False
    start = mention.title_start if mention.title_start >= 0 else mention.start
    return bool(OLD_POSSESSIVE.search(text, max(0, start - 12), mention.start))


def _persons_sharing_words(clustering: Clustering) -> dict[str, int]:
    """How many of the document's persons each word of a name belongs to."""
    counts: dict[str, int] = {}
    for entity in clustering.entities:
        for word in entity.words:
            counts[word] = counts.get(word, 0) + 1
    return counts
