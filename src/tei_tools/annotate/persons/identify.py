"""Which person of a personography a document's person is, on evidence that holds across documents.

A person known only from other documents is linked only on one of:
- a full name: one of the document's full names is a name form of theirs, or holds a form's
  given name and surname ("Lev Bronstein" for "Lev Davidovich Bronstein"), or spells one nearly
  alike ("Maihail Tomsky");
- a listed alias: a one-word name form an editor wrote for them ("Koba"), used alone;
- a distinctive surname: a rare surname, used alone, that one person of the personography has,
  with no given name, initial or title in the document that contradicts theirs.
- a kinship reference with a name ("their son Lev" once the parents are named): the child of
  the identified parents whom the personography's relations give that name (else a listed person
  of that given name with a parent's surname), linked with less certainty.
A shared given name is never enough ("Joe" is not the Joe of another document); without such
evidence the person is new. The same rule serves the recogniser (against the personography as the
batch began) and the reconciliation (against the people the batch has added since).
"""
from __future__ import annotations

from dataclasses import dataclass

from tei_tools.annotate.names import Lexicon, name_parts, zipf
from tei_tools.annotate.persons.cluster import Entity, gender_of_given, similar_full_names
from tei_tools.personography import PersonIndex

# A surname used alone is distinctive when it is at most this common as an English word and is
# not a given name: "Trotsky", "Kollontai", but not "Brown", "Hunt" or "Wood".
DISTINCTIVE_SURNAME = 3.0


@dataclass(frozen=True)
class Identification:
    person_id: str
    evidence: str  # "form", "contains", "similar", "alias", "surname"


def identify(entity: Entity, index: PersonIndex, lexicon: Lexicon, document: str = "",
             identified: dict[int, str] | None = None) -> Identification | None:
    """The person of `index` the document's `entity` is, or None. `document` (the source's
    name) lets a document converted again meet the entries it made the first time;
    `identified` (the document's persons already identified, by entity index) lets a
    kinship reference meet the child of the parents it names ("their son Lev")."""
    if not len(index):
        return None
    taken = frozenset(identified.values()) if identified else frozenset()
    found = _identify(entity, index, lexicon, document, taken)
    if found is None and entity.kin_of and identified:
        found = _identify_kin(entity, index, lexicon, identified)
    return found


def _identify(entity: Entity, index: PersonIndex, lexicon: Lexicon, document: str,
              taken: frozenset[str] = frozenset()) -> Identification | None:
    particles = lexicon.particles
    if document and not entity.forms:
        # two of the document's persons wrote alike ("Mrs. Hofland", "Mr. Hofland") made two
        # entries the first time: each meets its own again, in the order they were made
        for person_id in index.find_made_from(entity.first_text):
            if person_id not in taken and f"“{entity.first_text}” in {document}." in index.person(person_id).evidence:
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
        ids = [i for i in index.find_listed_alias(word) if _compatible(entity, index, i, particles)]
        if len(ids) == 1 and (_zipf(entity, word) < DISTINCTIVE_SURNAME or not entity.forms):
            return Identification(ids[0], "alias")
    for word in sorted(entity.alone, key=lambda w: (-entity.alone[w], w)):
        if word in lexicon.given or _zipf(entity, word) >= DISTINCTIVE_SURNAME or len(word) < 3:
            continue
        if entity.givens and word not in entity.surnames:
            continue  # the document names them in full, and this word is not their surname
        ids = index.find_word(word, "surname") + [i for i in index.find_word(word, "form")
                                                 if index.person(i).automatic]
        ids = list(dict.fromkeys(ids))
        if len(ids) == 1 and _compatible(entity, index, ids[0], particles):
            return Identification(ids[0], "surname")
    return None


def _zipf(entity: Entity, word: str) -> float:
    """The word's frequency as the recogniser noted it for the entity, else from wordfreq."""
    found = entity.frequencies.get(word)
    return zipf(word) if found is None else found


# Kinship words that make the person a child of the persons named before them, and the sex they say.
CHILD_WORDS = {"son": "m", "sons": "m", "daughter": "f", "daughters": "f", "child": "", "children": "",
               "stepson": "m", "stepdaughter": "f", "boy": "m", "girl": "f", "baby": ""}


def _identify_kin(entity: Entity, index: PersonIndex, lexicon: Lexicon,
                  identified: dict[int, str]) -> Identification | None:
    """"Trotsky and Natalia, with their son Lev": the one child of the named parents the
    personography knows whose given name (or one-word name) it is, and of the sex the word
    says. The children are those its relations give (listRelation); where it has none for
    these parents, a listed person with that given name and a parent's surname (Sedov for
    Sedova) is one."""
    if entity.kin_word not in CHILD_WORDS or entity.forms or len(entity.alone) != 1:
        return None
    [word] = entity.alone
    sex = CHILD_WORDS[entity.kin_word]
    parents = [identified[i] for i in entity.kin_of if i in identified]
    children = [c for p in parents for c in index.children(p)]
    if not children and parents:
        stems = {_family_stem(s) for p in parents for s in _surnames(index, p, lexicon)}
        children = [c for c in index.find_word(word, "given")
                    if stems & {_family_stem(s) for s in _surnames(index, c, lexicon)} and c not in parents]
    fitting = {c for c in children if _named(index, c, word, lexicon) and (not sex or index.person(c).sex in ("", sex))}
    if len(fitting) == 1:
        return Identification(fitting.pop(), "kin")
    return None


def _named(index: PersonIndex, person_id: str, word: str, lexicon: Lexicon) -> bool:
    """Whether `word` is the person's given name in one of their name forms, or a one-word form."""
    for text, _ in index.person(person_id).names:
        parts = name_parts(text, lexicon.particles)
        if parts.given == word or parts.words == (word,):
            return True
    return False


def _surnames(index: PersonIndex, person_id: str, lexicon: Lexicon) -> set[str]:
    return {s for text, _ in index.person(person_id).names if (s := name_parts(text, lexicon.particles).surname)}


FEMININE_ENDINGS = (("skaya", "sky"), ("tskaya", "tsky"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("yna", "yn"))


def _family_stem(surname: str) -> str:
    """A surname without the feminine ending of Slavic families: Sedova and Sedov, Kollontai."""
    for feminine, masculine in FEMININE_ENDINGS:
        if surname.endswith(feminine) and len(surname) > len(feminine) + 2:
            return surname[:-len(feminine)] + masculine
    return surname


def _first(ids: list[str]) -> str:
    return ids[0]


def _compatible(entity: Entity, index: PersonIndex, person_id: str, particles: frozenset[str]) -> bool:
    """No given name, and no sex a title or given name tells, of the document's person
    contradicts theirs ("Lord Byron" is not the personography's "Ada Byron")."""
    if not _same_sex(entity, index, person_id, particles):
        return False
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


def _same_sex(entity: Entity, index: PersonIndex, person_id: str, particles: frozenset[str]) -> bool:
    """Whether the sex the document tells of its person (titles, given names: `Entity.genders`)
    fits theirs: their @sex, else what the given names of their name forms tell."""
    if len(entity.genders) != 1:
        return True
    person = index.person(person_id)
    lexicon = Lexicon.default()
    theirs = {person.sex} if person.sex else {
        sex for text, _ in person.names if (sex := gender_of_given(name_parts(text, particles).given, lexicon))}
    return len(theirs) != 1 or theirs == entity.genders
