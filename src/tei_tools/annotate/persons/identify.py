"""Which person of a personography a document's person is, on evidence that holds across documents.

A person known only from other documents is linked only on one of:
- a full name: one of the document's full names is a name form of theirs, or holds a form's
  given name and surname ("Lev Bronstein" for "Lev Davidovich Bronstein"), or spells one nearly
  alike ("Maihail Tomsky");
- a listed alias: a one-word name form an editor wrote for them ("Koba"), used alone;
- a distinctive surname: a rare surname, used alone, that one person of the personography has,
  with no given name, initial or title in the document that contradicts theirs.
A shared given name is never enough ("Joe" is not the Joe of another document); without such
evidence the person is new. The same rule serves the recogniser (against the personography as the
batch began) and the reconciliation (against the people the batch has added since).
"""
from __future__ import annotations

from dataclasses import dataclass

from tei_tools.annotate.names import Lexicon, name_key, name_parts, zipf
from tei_tools.annotate.persons.cluster import Entity, similar_full_names
from tei_tools.personography import PersonIndex

# A surname used alone is distinctive when it is at most this common as an English word and is
# not a given name: "Trotsky", "Kollontai", but not "Brown", "Hunt" or "Wood".
DISTINCTIVE_SURNAME = 3.0


@dataclass(frozen=True)
class Identification:
    person_id: str
    evidence: str  # "form", "contains", "similar", "alias", "surname"


def identify(entity: Entity, index: PersonIndex, lexicon: Lexicon, document: str = "") -> Identification | None:
    """The person of `index` the document's `entity` is, or None. `document` (the source's
    name) lets a document converted again meet the entries it made the first time."""
    if not len(index):
        return None
    particles = lexicon.particles
    if document and not entity.forms:
        for person_id in index.find(entity.first_text):
            person = index.person(person_id)
            if person.automatic and f"“{entity.first_text}” in {document}." in person.evidence:
                return Identification(person_id, "same-document")
    for form in entity.forms:
        ids = index.find(form)
        if ids:
            return Identification(_first(ids), "form")
    for form in entity.forms:
        parts = name_parts(form, particles)
        words = frozenset(w for w in parts.word_set() if len(w) > 1 and w not in particles)
        if parts.given and parts.surname:
            ids = [i for i in index.find_containing(words, parts.given) if _compatible(entity, index, i, particles)]
            if ids:
                return Identification(_first(ids), "contains")
            ids = [i for i in index.find_word(parts.surname, "surname")
                   if any(similar_full_names(parts, form, name_parts(text, particles), text)
                          for text, _ in index.person(i).names)]
            if ids:
                return Identification(_first(ids), "similar")
    for word in sorted(entity.alone, key=lambda w: (-entity.alone[w], w)):
        ids = [i for i in index.find_word(word, "form")
               if _listed_alias(index, i, word) and _compatible(entity, index, i, particles)]
        if len(ids) == 1 and (zipf(word) < DISTINCTIVE_SURNAME or not entity.forms):
            return Identification(ids[0], "alias")
    for word in sorted(entity.alone, key=lambda w: (-entity.alone[w], w)):
        if word in lexicon.given or zipf(word) >= DISTINCTIVE_SURNAME or len(word) < 3:
            continue
        if entity.givens and word not in entity.surnames:
            continue  # the document names them in full, and this word is not their surname
        ids = index.find_word(word, "surname") + [i for i in index.find_word(word, "form")
                                                 if index.person(i).automatic]
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1 and _compatible(entity, index, ids[0], particles):
            return Identification(ids[0], "surname")
    return None


def _listed_alias(index: PersonIndex, person_id: str, word: str) -> bool:
    """A one-word form an editor wrote, or one the text declared an alias (type="alias")."""
    person = index.person(person_id)
    return not person.automatic or any(kind == "alias" and name_key(text) == word for text, kind in person.names)


def _first(ids: list[str]) -> str:
    return ids[0]


def _compatible(entity: Entity, index: PersonIndex, person_id: str, particles: frozenset[str]) -> bool:
    """No given name of the document's person contradicts theirs."""
    if not entity.givens:
        return True
    theirs = set()
    for text, _ in index.person(person_id).names:
        parts = name_parts(text, particles)
        if parts.given:
            theirs.add(parts.given)
    if not theirs:
        return True
    return bool(entity.givens & theirs) or any(g[0] == t[0] and (len(g) == 1 or len(t) == 1)
                                               for g in entity.givens for t in theirs)
