"""Recognise the names of persons in a document and link each to a personography entry.

No model, no download: offline, deterministic and fast. The steps:

1. `names_judge` finds name-like stretches in every block and scores them from their words
   (given names, initials, rare words, titles) and their context ("born in X", "X said").
2. The whole document adds its evidence: the words of the full names it accepted make a lone
   surname or given name a name ("Trotsky" after "Leon Trotsky"); a word used as a place or a
   thing somewhere is not a person anywhere ("the town of Alma Ata"); a word listed beside
   persons is one ("Aristotle, Goethe, Marx").
3. Linking, in document order: a full name is looked up in the personography, else joins the
   person of an earlier full name it fits ("Lev Bronstein" after "Lev Davidovich Bronstein"),
   else is a new person; a lone word joins the most recent person whose name holds it, else the
   personography's, else is a new person. New people are added to the personography
   (resp="#tei-tools", cert="low").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Iterable, Sequence

from tei_tools.annotate.names import Lexicon, NameParts, fold, looks_patronymic, name_key, name_parts, zipf
from tei_tools.annotate.names_judge import AMBIGUOUS_WORD, Candidate, JudgedBlock, coordinated
from tei_tools.model import Block, Span
from tei_tools.personography import Personography

RESP = "#tei-tools"
REF_PREFIX = "persons.xml#"
# How strongly a word found in a personography name form marks a name when used alone.
ROLE_STRENGTH = {"form": 3.0, "surname": 3.0, "given": 2.0, "word": 1.0}
DOCUMENT_WORD_STRENGTH = 3.0
LIST_WEIGHT = 1.5  # what standing in a list of persons (or of places) adds (or takes away)
SALIENT_COUNT = 3  # a word written this often in a document is one of its main names
EVERYWHERE = (-1, -1)  # a position before every block
SIMILAR_NAMES = 0.85  # SequenceMatcher ratio above which two spellings are one name (Sergi/Sergei)
MISSPELLING_MIN_LENGTH = 6  # shorter surnames differ by a letter too often (Sedov/Sedova, Dan/Don)
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
SENTENCE_END = re.compile(r"[.!?…]\s")


def annotate_persons(blocks: Sequence[Block], personography: Personography) -> list[list[Span]]:
    """One list of persName spans per block; unknown people are added to `personography`."""
    lexicon = Lexicon.default()
    judged = [JudgedBlock(n, block.text, lexicon) for n, block in enumerate(blocks)]
    knowledge = DocumentKnowledge(personography, judged)
    mentions = find_mentions(judged, knowledge)
    knowledge.learn(m for m in mentions if m.is_full_name)
    mentions = find_mentions(judged, knowledge)  # again, knowing the document's names
    links = Linker(personography, lexicon).link(mentions, [block.text for block in blocks])
    spans: list[list[Span]] = [[] for _ in blocks]
    for mention, (person_id, cert) in zip(mentions, links):
        spans[mention.block].append(
            Span.make(mention.start, mention.end, "persName", ref=REF_PREFIX + person_id, cert=cert, resp=RESP))
    return spans


# ---------------------------------------------------------------- what the document knows

class DocumentKnowledge:
    """The personography's name words plus what this document shows (see names_judge.Knowledge)."""

    def __init__(self, personography: Personography, blocks: Sequence[JudgedBlock]):
        self.personography = personography
        self.document_words: dict[str, tuple[int, int]] = {}  # word -> where a full name first held it
        self.document_surnames: set[str] = set()
        self.class_cache: dict[tuple[str, str], str] = {}
        lowercase = {w.text for block in blocks for w in block.words if w.text[0].islower()}
        self.lowercase_words = {fold(word) for word in lowercase}
        self.capitalised_at: dict[str, list[tuple[int, int]]] = defaultdict(list)  # in document order
        for block in blocks:
            for run in block.runs:
                for word in block.words[run.first:run.last + 1]:
                    self.capitalised_at[word.key].append((block.index, word.start))

    def learn(self, full_names: Iterable[Candidate]) -> None:
        """Words of accepted full names count as name words everywhere in the document."""
        self.class_cache.clear()
        for candidate in full_names:
            parts = name_parts(candidate.text)
            if parts.surname:
                self.document_surnames.add(parts.surname)
            for person_id in self._reviewed(self.personography.find(candidate.text)):
                for alias in self.personography.one_word_forms(person_id):  # "Koba" where Stalin is named
                    self.document_words[name_key(alias)] = EVERYWHERE
            for word in parts.word_set():
                if len(word) > 1 and (word not in self.document_words
                                      or candidate.position < self.document_words[word]):
                    self.document_words[word] = candidate.position

    def word_strength(self, key: str, position: tuple[int, int] | None = None) -> float:
        """How surely `key` alone is a name word at `position`. A word of a full name seen
        earlier, or already used often, is surer than one whose full name comes only later
        ("in Nikolayev" long before "Leonid Nikolayev")."""
        if key in self.document_words:
            if position is None or self.document_words[key] <= position \
                    or bisect_left(self.capitalised_at.get(key, []), position) >= SALIENT_COUNT:
                return DOCUMENT_WORD_STRENGTH
            return DOCUMENT_WORD_STRENGTH / 2
        if zipf(key) >= AMBIGUOUS_WORD:  # "Frank", "Service": only with the document's support
            return 0.0
        for role, strength in ROLE_STRENGTH.items():
            ids = self.personography.find_word(key, role)
            if role == "form":
                ids = self._reviewed(ids)
            if ids:
                return strength
        return 0.0

    def is_known_form(self, key: str) -> bool:
        """A name form of the personography. One-word forms of entries tei-tools added itself
        do not count: the evidence that made them was thin, and errors must not spread."""
        if " " in key:
            return bool(self.personography.find(key))
        if zipf(key) >= AMBIGUOUS_WORD and key not in self.document_words:
            return False
        return bool(self._reviewed(self.personography.find(key)))

    def is_surname(self, key: str) -> bool:
        return key in self.document_surnames or bool(self.personography.find_word(key, "surname"))

    def _reviewed(self, ids: list[str]) -> list[str]:
        return [i for i in ids if not self.personography.person(i).automatic]

    def is_lowercase_in_document(self, key: str) -> bool:
        return key in self.lowercase_words


def find_mentions(blocks: list[JudgedBlock], knowledge: DocumentKnowledge) -> list[Candidate]:
    """Candidates of every block, with the document's evidence added, that score above zero."""
    lexicon = Lexicon.default()
    per_block = [block.candidates(lexicon, knowledge) for block in blocks]
    for block, candidates in zip(blocks, per_block):
        _weigh_lists(block.text, candidates)
    names = [c for candidates in per_block for c in candidates if c.kind == "name"]
    _one_sense_per_document(names, knowledge)
    return [c for c in names if c.score > 0]


def _weigh_lists(text: str, candidates: list[Candidate]) -> None:
    """In a list, the clear members tell what the others are: "Aristotle, Goethe, Marx" or
    "Dzerzhinsky, Joffe, and ..." are persons, "Moscow, Vilno, Kovno, Riga, Revel and Kiev" or
    "the Daily Telegraph, Prospect, Spectator" are not."""
    groups: list[list[Candidate]] = []
    for candidate in candidates:
        if groups and coordinated(text, groups[-1][-1], candidate):
            groups[-1].append(candidate)
        else:
            groups.append([candidate])
    for group in groups:
        if len(group) < 3 and not _joined_by_and(text, group):
            continue  # "the Soviet, Nosar-Khrustalyov, was": two names and a comma are an apposition
        persons = sum(c.kind == "name" and c.score >= 2.0 for c in group)
        others = sum(c.kind != "name" or c.score < 0 for c in group)
        for member in group:
            if member.kind != "name":
                continue
            if others and others >= persons and not member.decisive_for:
                member.score -= LIST_WEIGHT
            elif persons and not member.decisive_against and member.score > -LIST_WEIGHT:
                member.score += LIST_WEIGHT


def _joined_by_and(text: str, group: list[Candidate]) -> bool:
    return len(group) > 1 and bool(re.search(r"\band\b|&", text[group[-2].end:group[-1].start]))


def _one_sense_per_document(candidates: list[Candidate], knowledge: DocumentKnowledge) -> None:
    """A name the personography does not know means one kind of thing throughout a document:
    a place or a thing somewhere ("the town of Alma Ata", "the journal Iskra") is one
    everywhere, a person somewhere ("Gnyeditch wrote") is one everywhere."""
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if not knowledge.is_known_form(candidate.key) and not (
                candidate.is_single_word and knowledge.word_strength(candidate.key) > 0):
            by_key[candidate.key].append(candidate)
    for group in by_key.values():
        against = any(c.decisive_against and c.score < 0 for c in group)
        for_person = any(c.decisive_for and c.score > 0 for c in group)
        if against and not for_person:
            for c in group:
                c.score = min(c.score, -1.0)
        elif for_person and not against:
            for c in group:
                c.score = max(c.score, 1.0)


# ---------------------------------------------------------------- linking to persons

def _similar_full_names(parts: NameParts, text: str, other: NameParts, other_text: str) -> bool:
    """Two spellings of one full name: same initials of given name and surname, nearly the same
    letters, and either the same given name, the same surname or a long surname."""
    if not (parts.given and other.given and parts.surname and other.surname):
        return False
    if parts.given[0] != other.given[0] or parts.surname[0] != other.surname[0]:
        return False
    if SequenceMatcher(None, name_key(text), name_key(other_text)).ratio() < SIMILAR_NAMES:
        return False
    return parts.given == other.given or parts.surname == other.surname \
        or min(len(parts.surname), len(other.surname)) >= MISSPELLING_MIN_LENGTH


@dataclass
class Entity:
    """One person as this document names them."""

    person_id: str | None  # None until a new person is added to the personography
    forms: list[str] = field(default_factory=list)  # full names used, in order
    first_text: str = ""  # the first mention as written
    words: set[str] = field(default_factory=set)  # words of the names used in the document
    givens: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    known_words: set[str] = field(default_factory=set)  # words of the personography's forms
    last_seen: int = -1
    last_end: tuple[int, int] = (-1, -1)  # block and end offset of the latest mention

    def surname_words(self) -> set[str]:
        """The surnames and each half of a double-barrelled one."""
        return {half for surname in self.surnames for half in (surname, *surname.split("-"))}

    def note(self, text: str, particles: frozenset[str], position: int) -> None:
        self.first_text = self.first_text or text
        parts = name_parts(text, particles)
        self.words |= parts.word_set()
        if parts.given:
            self.givens.add(parts.given)
        if parts.surname:
            self.surnames.add(parts.surname)
        if len(parts.words) > 1 and name_key(text) not in {name_key(f) for f in self.forms}:
            self.forms.append(text)
        self.last_seen = max(self.last_seen, position)


class Linker:
    """Gives each mention a person id and a certainty, adding new people to the personography."""

    def __init__(self, personography: Personography, lexicon: Lexicon):
        self.personography = personography
        self.particles = lexicon.particles
        self.entities: list[Entity] = []
        self.by_person: dict[str, Entity] = {}
        self.by_word: dict[str, list[Entity]] = defaultdict(list)  # any word of their names -> persons

    def link(self, mentions: list[Candidate], texts: list[str]) -> list[tuple[str, str]]:
        """(person id, cert) for each mention, in order; new people go into the personography.
        `texts` are the blocks' texts, which the mentions' offsets point into."""
        self.texts = texts
        assigned: list[tuple[Entity, str]] = []
        full_names = [(n, m) for n, m in enumerate(mentions) if not m.is_single_word]
        for position, mention in enumerate(mentions):
            if not mention.is_single_word:  # a full name, or initials such as "L.D."
                entity, cert = self._link_full(mention, position)
            else:
                entity, cert = self._link_word(mention, position, full_names)
            self._note(entity, mention.text, position)
            entity.last_end = (mention.block, mention.end)
            assigned.append((entity, cert))
        self._add_new_people()
        return [(entity.person_id or "", cert) for entity, cert in assigned]

    # ------------------------------------------------------------ full names

    def _link_full(self, mention: Candidate, position: int) -> tuple[Entity, str]:
        ids = self.personography.find(mention.text)
        if ids:
            return self._entity_for(self._prefer_present(ids)), "high"
        parts = name_parts(mention.text, self.particles)
        words = frozenset(w for w in parts.word_set() if len(w) > 1 and w not in self.particles)
        entity = self._entity_containing(parts, words) or self._similar_entity(mention.text)
        if entity:
            return entity, "high"
        ids = self.personography.find_containing(words, parts.given) or self._similar_in_personography(mention.text)
        if ids:
            return self._entity_for(self._prefer_present(ids)), "medium"
        return self._new_entity(), "medium"

    def _similar_in_personography(self, text: str) -> list[str]:
        """Persons of the personography with the same surname and a full name spelt nearly
        alike ("Maihail Tomsky" for Mikhail Tomsky)."""
        parts = name_parts(text, self.particles)
        if not (parts.given and parts.surname):
            return []
        return [person_id for person_id in self.personography.find_word(parts.surname, "surname")
                if any(_similar_full_names(parts, text, name_parts(form, self.particles), form)
                       for form, _ in self.personography.person(person_id).names)]

    def _entity_containing(self, parts: NameParts, words: frozenset[str]) -> Entity | None:
        """The most recent person whose names hold all `words`, with the same given name (or
        matching initials) and the mention's surname among theirs."""
        initials = [w for w in parts.words if len(w) == 1]
        fitting = []
        for entity in self._entities_with(words):
            if parts.given and entity.givens and parts.given not in entity.givens:
                continue
            if parts.surname and entity.surnames and parts.surname not in entity.surname_words() \
                    and not looks_patronymic(parts.surname):  # "Lev Davidovich" may be Lev Bronstein
                continue  # "C. L. R. James" is not "James Cannon"
            if initials and entity.givens and not any(g[0] == initials[0] for g in entity.givens):
                continue  # "N. D. Lurie" is not "Emel Lurie"
            fitting.append(entity)
        return max(fitting, key=lambda e: e.last_seen, default=None)

    def _entities_with(self, words: frozenset[str]) -> list[Entity]:
        """The persons whose names (in the document or the personography) hold all `words`."""
        if not words:
            return []
        pools = sorted((self.by_word.get(w, []) for w in words), key=len)
        return [e for e in pools[0] if all(w in e.words or w in e.known_words for w in words)]

    def _similar_entity(self, text: str) -> Entity | None:
        """A person named with another spelling of this full name ("Sergi Witte", "Natalya Sedova")."""
        parts = name_parts(text, self.particles)
        for entity in sorted(self.entities, key=lambda e: -e.last_seen):
            if any(_similar_full_names(parts, text, name_parts(form, self.particles), form) for form in entity.forms):
                return entity
        return None

    # ------------------------------------------------------------ lone words

    def _link_word(self, mention: Candidate, position: int,
                   full_names: list[tuple[int, Candidate]]) -> tuple[Entity, str]:
        key = mention.key
        relatives = self._named_in_sentence(mention) if "kin-before" in mention.cues else []
        seen = [e for e in self.by_word.get(key, []) if key in e.words and e not in relatives]
        if seen:
            return max(seen, key=lambda e: e.last_seen), "medium"
        if relatives:  # "Trotsky and Natalia, with their son Lev": another Lev
            person_id = self._personography_word(key, exclude={e.person_id for e in relatives})
            return (self._entity_for(person_id), "low") if person_id else (self._new_entity(), "low")
        glued = CAMEL_CASE.sub(" ", mention.text)  # "JoshIreland": a full name that lost its space
        if glued != mention.text:
            parts = name_parts(glued, self.particles)
            entity = self._entity_containing(parts, frozenset(w for w in parts.words if len(w) > 1))
            if entity:
                return entity, "low"
        later = next((m for n, m in full_names if n > position and key in name_parts(m.text).word_set()), None)
        if later is not None:  # named in full further on ("The Death of Trotsky" ... "Leon Trotsky")
            entity, _ = self._link_full(later, position)
            self._note(entity, later.text, position)
            return entity, "medium"
        known = [e for e in self.by_word.get(key, []) if key in e.known_words]
        if known:
            return max(known, key=lambda e: e.last_seen), "medium"
        person_id = self._personography_word(key)
        if person_id:
            return self._entity_for(person_id), "medium"
        similar = self._misspelt_surname(key)
        if similar:
            return similar, "low"
        return self._new_entity(), "low"

    def _misspelt_surname(self, key: str) -> Entity | None:
        """A person of this document whose long surname this word misspells ("Kollantai",
        "Dzerhinsky"): same first letter, nearly the same letters."""
        if len(key) < MISSPELLING_MIN_LENGTH:
            return None
        for entity in sorted(self.entities, key=lambda e: -e.last_seen):
            for surname in entity.surname_words():
                if len(surname) >= MISSPELLING_MIN_LENGTH and surname[0] == key[0] \
                        and SequenceMatcher(None, key, surname).ratio() >= SIMILAR_NAMES:
                    return entity
        return None

    def _personography_word(self, key: str, exclude: set[str | None] = frozenset()) -> str | None:
        """The person a lone word names in the personography: a one-word form or a surname;
        a given name or another word only when one person has it."""
        for role in ("form", "surname"):
            ids = [i for i in self.personography.find_word(key, role) if i not in exclude]
            if ids:
                return self._prefer_present(ids)
        for role in ("given", "word"):
            ids = [i for i in self.personography.find_word(key, role) if i not in exclude]
            if len(ids) == 1:
                return ids[0]
        return None

    def _named_in_sentence(self, mention: Candidate) -> list[Entity]:
        """The persons named earlier in the mention's sentence."""
        text = self.texts[mention.block]
        return [e for e in self.entities if e.last_end[0] == mention.block and e.last_end[1] <= mention.start
                and not SENTENCE_END.search(text, e.last_end[1], mention.start)]

    # ------------------------------------------------------------ entities and new people

    def _prefer_present(self, ids: list[str]) -> str:
        """Of several persons, the one this document already names (most recently), else the first."""
        present = [self.by_person[i] for i in ids if i in self.by_person]
        if present:
            return max(present, key=lambda e: e.last_seen).person_id or ids[0]
        return ids[0]

    def _entity_for(self, person_id: str) -> Entity:
        if person_id not in self.by_person:
            entity = Entity(person_id)
            for text, _ in self.personography.person(person_id).names:
                parts = name_parts(text, self.particles)
                entity.known_words |= {w for w in parts.word_set() if len(w) > 1}
                if parts.given:
                    entity.givens.add(parts.given)
                if parts.surname:
                    entity.surnames.add(parts.surname)
            self.by_person[person_id] = entity
            self.entities.append(entity)
            for word in entity.known_words:
                self.by_word[word].append(entity)
        return self.by_person[person_id]

    def _note(self, entity: Entity, text: str, position: int) -> None:
        """Record a mention of the person, and index the words it adds to their names."""
        before = entity.words | entity.known_words
        entity.note(text, self.particles, position)
        for word in entity.words - before:
            self.by_word[word].append(entity)

    def _new_entity(self) -> Entity:
        entity = Entity(None)
        self.entities.append(entity)
        return entity

    def _add_new_people(self) -> None:
        """Add each person met for the first time under its fullest name; record new full
        forms of people tei-tools added before."""
        for entity in self.entities:
            if entity.person_id is None:
                names = entity.forms or [entity.first_text]
                main = max(names, key=lambda f: (len(f.split()), -names.index(f)))
                variants = tuple(f for f in names if f != main)
                entity.person_id = self.personography.add(main, variants)
            else:
                for form in entity.forms:
                    self.personography.add_name(entity.person_id, form)
