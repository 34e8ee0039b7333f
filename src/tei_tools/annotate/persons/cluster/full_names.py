"""Linking a full name, or initials, to a person of the document (`Clusterer`'s part for them)."""
from __future__ import annotations

from tei_tools.annotate.names import NameParts, looks_patronymic, name_key
from tei_tools.annotate.persons.cluster.entity import Entity
from tei_tools.annotate.persons.cluster.lone_words import RECENT_BLOCKS
from tei_tools.annotate.persons.cluster.sexes import gender_of, gender_of_given
from tei_tools.annotate.persons.cluster.spelling import similar_full_names
from tei_tools.annotate.persons.judge import Candidate

LOOK_AHEAD = 60  # mentions after an initial ("Mr. D.") to look through for the name it stands for


class FullNames:
    """Full names and initials: the same form, a name that fits an earlier one, another
    spelling, initials that stand for a name of the document."""

    def _link_full(self, mention: Candidate) -> tuple[Entity, str]:
        parts = self._parts(mention.text)
        key = name_key(mention.text)
        gender = self._gender_of(mention)
        same = [e for e in self.by_form.get(key, ()) if e.merged_into is None and self._gender_fits(e, gender)]
        if same:
            return max(same, key=lambda e: e.last_seen), "form"
        words = frozenset(w for w in parts.word_set() if len(w) > 1 and w not in self.particles)
        # "Patrick Branwell Brontë, the only son of Patrick Brontë": the father, not the son again
        relatives = self._named_in_sentence(mention) if {"kin-before", "kin-of"} & mention.cues else []
        entity = self._entity_containing(parts, words, gender, relatives)
        if entity:
            return entity, "fits"
        entity = self._initialled_entity(parts, gender)
        if entity:
            return entity, "initial"
        entity = self._similar_entity(mention.text, parts)
        if entity:
            return entity, "similar"
        if all(len(word) == 1 for word in key.split()):  # "E. H": letters only, the last read as a word
            entity = self._person_of_initials(mention)
            if entity:
                return entity, "initial"
        known = self._known_id(mention.text)
        if known:
            same_person = [e for e in self._alive() if e.known_id == known]
            if same_person:
                return max(same_person, key=lambda e: e.last_seen), "known"
        entity = self._new_entity()
        entity.known_id = known
        return entity, "new"

    def _known_id(self, text: str) -> str | None:
        if self.known is None:
            return None
        ids = self.known.find(text)
        return ids[0] if len(ids) == 1 else None

    def _alive(self) -> list[Entity]:
        return self.alive

    def _entity_containing(self, parts: NameParts, words: frozenset[str], gender: str | None,
                           not_them: list[Entity] = ()) -> Entity | None:
        """The most recent person whose names hold all `words`, with the same given name (or
        matching initials) and the mention's surname among theirs; not one of `not_them` (the
        persons a kinship word before the name sets apart)."""
        initials = [w for w in parts.words if len(w) == 1]
        fitting = []
        for entity in self._entities_with(words):
            if not self._gender_fits(entity, gender) or entity in not_them:
                continue
            if parts.given and entity.givens and parts.given not in entity.givens:
                continue
            if parts.surname and entity.surnames and parts.surname not in entity.surname_words() \
                    and not looks_patronymic(parts.surname):  # "Lev Davidovich" may be Lev Bronstein
                continue  # "C. L. R. James" is not "James Cannon"
            if initials and entity.givens and not any(g[0] == initials[0] for g in entity.givens):
                continue  # "N. D. Lurie" is not "Emel Lurie"
            fitting.append(entity)
        if gender is None and {"m", "f"} <= {g for e in fitting for g in e.genders}:
            return None  # "B.R. Haydon" after "Mrs. Haydon" and "Mr. Haydon": which, the name does not say
        return max(fitting, key=lambda e: e.last_seen, default=None)

    def _initialled_entity(self, parts: NameParts, gender: str | None) -> Entity | None:
        """"Wm Elford" after "W. Elford": the surname, and an initial that fits the given name."""
        if not (parts.given and parts.surname):
            return None
        fitting = [e for e in self.by_word.get(parts.surname, ()) if e.merged_into is None
                   and parts.surname in e.surnames and not e.givens
                   and parts.given[0] in e.initials and self._gender_fits(e, gender)]
        return fitting[0] if len(fitting) == 1 else None

    def _entities_with(self, words: frozenset[str]) -> list[Entity]:
        if not words:
            return []
        pools = sorted((self.by_word.get(w, []) for w in words), key=len)
        return [e for e in pools[0] if e.merged_into is None and all(w in e.words for w in words)]

    def _similar_entity(self, text: str, parts: NameParts) -> Entity | None:
        """A person named with another spelling of this full name ("Sergi Witte", "Natalya Sedova")."""
        if not (parts.given and parts.surname):
            return None
        pool = {e.index: e for e in self.by_initials.get((parts.given[0], parts.surname[0]), ())
                if e.merged_into is None}
        for entity in sorted(pool.values(), key=lambda e: -e.last_seen):
            if any(similar_full_names(parts, text, self._parts(form), form) for form in entity.forms):
                return entity
        return None

    def _link_initials(self, mention: Candidate, position: int) -> tuple[Entity, str]:
        """"Mr. D.": a title and an initial stand for a person of this document whose surname
        begins with it, the most recent one of that gender."""
        letter = name_key(mention.text)[:1]
        gender = gender_of(mention.title, self.lexicon)
        called_so = [e for e in self._alive() if (mention.title, letter) in e.titled_initials]
        if mention.title and called_so:  # "Mr. H. called" ... "Tell Tom that Mr. H. has not forgot"
            return max(called_so, key=lambda e: e.last_seen), "initial"  # as sure as the first
        if mention.title and letter:
            fitting = [e for e in self._alive() if self._gender_fits(e, gender)
                       and any(s.startswith(letter) for s in e.surnames | {w for w in e.alone if w not in e.givens
                                                                          and self._given_sex_fits(w, gender)})]
            if fitting:  # one called by the same title first ("Mr. Dickinson" for "Mr D's")
                return max(fitting, key=lambda e: (mention.title in e.titles, e.last_seen)), "initial"
        same = [e for e in self.by_form.get(name_key(mention.text), ()) if e.merged_into is None]
        if same:
            return max(same, key=lambda e: e.last_seen), "form"
        initialled = self._person_of_initials(mention)
        if initialled is not None:
            return initialled, "initial"
        later = self._named_soon_after(mention, position, letter) if mention.title and letter else None
        if later is not None:  # "Mr. D. was ...--Mrs. Dickinson ... Mr. Dickinson read": named in full soon after
            entity = self._new_entity()
            self._note_form(entity, later)
            return entity, "initial"
        return self._new_entity(), "new"

    def _given_sex_fits(self, word: str, gender: str | None) -> bool:
        """Whether a word used alone may be the name a titled initial stands for: not a woman's
        given name under a man's title ("Harriet" for "Mr. H."), nor the reverse."""
        given = gender_of_given(word, self.lexicon)
        return gender is None or given is None or given == gender

    def _person_of_initials(self, mention: Candidate) -> Entity | None:
        """"E. H." signing a letter of "Emily Hart": initials alone (two or more, no title) stand
        for the one person of the document named in full with that given name's and surname's
        first letters."""
        letters = [word[0] for word in name_key(mention.text).split()]
        if mention.title or len(letters) < 2:
            return None
        fitting = {e.index: e for e in self.by_initials.get((letters[0], letters[-1]), ()) if e.merged_into is None}
        return next(iter(fitting.values())) if len(fitting) == 1 else None

    def _named_soon_after(self, mention: Candidate, position: int, letter: str) -> Candidate | None:
        """The first mention within RECENT_BLOCKS blocks after, under the same title, whose
        surname (or word) begins with `letter`."""
        for later in self._mentions[position + 1:position + 1 + LOOK_AHEAD]:
            if self.blocks_apart(mention.block, later.block) > RECENT_BLOCKS:
                break
            if later.title != mention.title or all(c == "initial" for c in later.classes):
                continue
            parts = self._parts(later.text)
            surname = parts.surname or (later.key if later.is_single_word else None)
            if surname and surname.startswith(letter) and len(surname) > 1:
                return later
        return None
