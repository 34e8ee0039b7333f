"""Recognise the names of persons in a document and link each to a personography entry.

No model, no download: offline, deterministic and fast. Two phases, so that the documents of a
batch can be recognised in parallel and still give the same editions, byte for byte, whatever the
number of workers:

1. **recognise** (`recognise`, one document, read-only): `judge` finds name-like stretches in
   every block and scores them from their words and context; `evidence` adds what the whole
   document shows; `cluster` groups the mentions into the document's persons (with the aliases
   the text declares, `aliases`); `identify` links each person to the personography *as it was
   when the batch began* (`Personography.baseline`), on evidence that holds across documents;
   `certainty` gives each mention its @cert. The result, a small picklable `Recognition`, also
   describes each person not found (name forms, first mention, aliases). Nothing is changed.
2. **reconcile** (`reconcile`, once per document, serially, in the batch's order): each new person
   of the document is matched, by the same cross-document rule, against the people that earlier
   documents of the batch added (`Personography.added`), else added to the personography with the
   evidence it was made from; new name forms of automatic entries are recorded; the persName (and
   roleName) spans come back with their final @ref and @cert.

`annotate_persons` runs both for one document: the serial path is exactly these two phases.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from tei_tools.annotate.names import Lexicon, name_key, zipf
from tei_tools.annotate.persons.certainty import mention_certs
from tei_tools.annotate.persons.cluster import Clusterer, Entity
from tei_tools.annotate.persons.collector import collector_paused
from tei_tools.annotate.persons.evidence import DocumentKnowledge, find_mentions
from tei_tools.annotate.persons.identify import identify
from tei_tools.annotate.persons.judge import Candidate, JudgedBlock
from tei_tools.annotate.persons.references import without_inverted_authors
from tei_tools.model import Block, Span
from tei_tools.personography import PersonIndex, Personography

RESP = "#tei-tools"
REF_PREFIX = "persons.xml#"
CERT_ORDER = ("low", "medium", "high")

__all__ = ["FoundMention", "FoundPerson", "Recognition", "annotate_persons", "person_ids", "person_spans",
           "recognise", "reconcile"]


@dataclass(frozen=True)
class FoundMention:
    """A name in a block: text[start:end] (its title, if any, included up to title_end)."""

    block: int
    start: int
    end: int
    person: int  # index into Recognition.persons
    cert: str
    title_end: int = -1  # end of a title at the start of the span ("Mrs." in "Mrs. Dickinson"), or -1


@dataclass
class FoundPerson:
    """One person of the document: who the personography says they are, or what to add."""

    entity: Entity
    known_id: str | None = None  # the personography's person, when identified
    evidence: str = ""  # how: "form", "contains", "similar", "alias", "surname", "same-document"

    @property
    def main_name(self) -> str:
        names = self.entity.forms or [self.entity.first_text]
        return max(names, key=lambda f: (len(f.split()), -names.index(f)))


@dataclass
class Recognition:
    """What `recognise` found in one document: picklable, and made without changing anything."""

    document: str
    block_count: int
    mentions: list[FoundMention] = field(default_factory=list)
    persons: list[FoundPerson] = field(default_factory=list)


def annotate_persons(blocks: Sequence[Block], personography: Personography, document: str = "") -> list[list[Span]]:
    """One list of persName (and roleName) spans per block; new people go into `personography`."""
    return reconcile(recognise(blocks, personography.baseline, document), personography)


# ---------------------------------------------------------------- phase 1

def recognise(blocks: Sequence[Block], known: PersonIndex, document: str = "") -> Recognition:
    """Find, group and identify the document's persons against `known` (never changed)."""
    with collector_paused():  # see `collector`: a sixth of the time went to collecting live objects
        return _recognise(blocks, known, document)


def _recognise(blocks: Sequence[Block], known: PersonIndex, document: str) -> Recognition:
    lexicon = Lexicon.default()
    judged = [JudgedBlock(n, block.text, lexicon, block.tag) for n, block in enumerate(blocks)]
    knowledge = DocumentKnowledge(known, judged)
    mentions = find_mentions(judged, knowledge)
    knowledge.learn(mentions)
    mentions = find_mentions(judged, knowledge)  # again, knowing the document's names
    mentions = _without_address_places(mentions, _address_places(blocks, lexicon))
    texts = [block.text for block in blocks]
    mentions = without_inverted_authors(mentions, texts)  # "Toole, Betty Alexandra (1998)"
    # the document's title: a title page's, or the heading it opens with (a biography's name)
    titles = frozenset(n for n, block in enumerate(blocks) if block.tag == "titlePart" or n == 0 and block.tag == "head")
    tagged: dict[str, set[int]] = {}  # tag -> its blocks
    for n, block in enumerate(blocks):
        tagged.setdefault(block.tag, set()).add(n)

    def blocks_tagged(tag: str) -> frozenset[int]:
        return frozenset(tagged.get(tag, ()))

    # letters and journals (their datelines, salutations, signatures): "my" is the writer
    first_person = any(tag in tagged for tag in ("dateline", "salute", "signed"))
    clustering = Clusterer(lexicon, known).cluster(mentions, texts, titles, blocks_tagged("speaker"), first_person,
                                                   blocks_tagged("addrLine"), blocks_tagged("salute"))
    persons = []
    identified: dict[int, str] = {}  # entity index -> personography id, for kinship references
    for entity in clustering.entities:
        entity.frequencies = {word: zipf(word) for word in entity.alone}  # for `reconcile` (see Entity)
        found = identify(entity, known, lexicon, document, identified)
        if found:
            identified[entity.index] = found.person_id
        persons.append(FoundPerson(entity, found.person_id if found else None, found.evidence if found else ""))
    certs = mention_certs(mentions, clustering, persons, lexicon, texts, known)
    recognition = Recognition(document, len(blocks))
    for mention, person, cert in zip(mentions, clustering.person_of, certs):
        start = mention.title_start if mention.title_start >= 0 else mention.start
        recognition.mentions.append(FoundMention(mention.block, start, mention.end, person, cert,
                                                 mention.title_end if mention.title_start >= 0 else -1))
    recognition.persons = persons
    return recognition


def _address_places(blocks: Sequence[Block], lexicon: Lexicon) -> frozenset[str]:
    """The words that make a whole line of a letter's address alone ("Bickham", "Devon"): the
    places it is sent to, however rare the word. Not a given name, nor a word written with more
    than its first capital ("CFPalmer", a franking signature)."""
    found = set()
    for block in blocks:
        word = block.text.strip().rstrip(".,;") if block.tag == "addrLine" else ""
        if word.isalpha() and word[0].isupper() and word[1:].islower() and name_key(word) not in lexicon.given:
            found.add(name_key(word))
    return frozenset(found)


def _without_address_places(mentions: list[Candidate], places: frozenset[str]) -> list[Candidate]:
    """A word the address gives as a place is one throughout the letter, unless a title or a
    speech verb makes it a person's name there."""
    if not places:
        return mentions
    return [m for m in mentions if not (m.is_single_word and m.key in places and not m.decisive_for)]


# ---------------------------------------------------------------- phase 2

def reconcile(recognition: Recognition, personography: Personography) -> list[list[Span]]:
    """Give the document's persons their ids, adding the new ones to `personography`."""
    return person_spans(recognition, person_ids(recognition, personography))


def person_ids(recognition: Recognition, personography: Personography) -> list[str]:
    """Each person's id (one per `recognition.persons`), new people added to `personography`."""
    lexicon = Lexicon.default()
    ids: list[str] = []
    made_here: set[str] = set()  # the document's own new people are not another document's
    for person in recognition.persons:
        person_id = person.known_id
        if person_id is None:
            found = identify(person.entity, personography.added, lexicon, recognition.document)
            person_id = found.person_id if found and found.person_id not in made_here else None
        if person_id is None:
            person_id = _add_person(person, personography, recognition.document)
            made_here.add(person_id)
        else:
            _record_forms(person, person_id, personography)
        ids.append(person_id)
    return ids


def person_spans(recognition: Recognition, ids: Sequence[str]) -> list[list[Span]]:
    """The persName (and roleName) spans of every block, each person's mentions under ids[person]."""
    spans: list[list[Span]] = [[] for _ in range(recognition.block_count)]
    for mention in recognition.mentions:
        spans[mention.block].append(Span.make(mention.start, mention.end, "persName",
                                              ref=REF_PREFIX + ids[mention.person], cert=mention.cert, resp=RESP))
        if mention.title_end > mention.start:
            spans[mention.block].append(Span.make(mention.start, mention.title_end, "roleName"))
    return spans


def _add_person(person: FoundPerson, personography: Personography, document: str) -> str:
    """A new entry under the person's fullest name, with the document's other forms, the aliases
    it declared, and the evidence: the first mention as written and where."""
    entity = person.entity
    main = person.main_name
    aliases = {name_key(a) for a in entity.aliases}
    variants = tuple(f for f in entity.forms if name_key(f) != name_key(main) and name_key(f) not in aliases)
    where = f" in {document}" if document else ""
    note = f"Added by tei-tools from the mention “{entity.first_text}”{where}."
    person_id = personography.add(main, variants, note=note, found=True)
    for alias in entity.aliases:
        personography.add_name(person_id, alias, "alias", found=True)
    return person_id


def _record_forms(person: FoundPerson, person_id: str, personography: Personography) -> None:
    """New full forms and declared aliases of an automatic entry (reviewed ones are left alone)."""
    for form in person.entity.forms:
        personography.add_name(person_id, form, "alias" if form in person.entity.aliases else "variant", found=True)
    for alias in person.entity.aliases:
        personography.add_name(person_id, alias, "alias", found=True)
