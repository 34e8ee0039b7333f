"""`Clusterer`: the document's mentions grouped into persons, in document order (see the package)."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Sequence

from tei_tools.annotate.names import Lexicon, NameParts, name_key, name_parts
from tei_tools.annotate.persons.aliases import FOCUS, PRONOUN, SENTENCE_END, AliasStatement, alias_statements
from tei_tools.annotate.persons.cluster.entity import Clustering, Entity
from tei_tools.annotate.persons.cluster.full_names import FullNames
from tei_tools.annotate.persons.cluster.lone_words import LoneWords
from tei_tools.annotate.persons.cluster.sexes import gender_of, gender_of_given
from tei_tools.annotate.persons.cluster.spelling import MISSPELLING_MIN_LENGTH
from tei_tools.annotate.persons.judge import Candidate
from tei_tools.personography import PersonIndex


# what stands before a surname alone that names a woman's family: "née Byron", "born Goulden"
BIRTH_CUE = re.compile(r"\b(?:née|nee|born)\s+\Z", re.IGNORECASE)
# what stands before the full name of the woman a man marries: "In 1868 he married Margaret Ellison",
# "he married the widow Anne Davies"
MARRIED_CUE = re.compile(r"\b(?:married|marrying|wed|wedded|marriage to)\s+(?:(?:the|a|an|his)\s+)?"
                         r"(?:[a-z]+\s+){0,2}\Z")
MARRIED_REACH = 48
PRONOUN_HE = re.compile(r"\b[Hh]e\b")


class Clusterer(FullNames, LoneWords):
    """Groups a document's mentions into persons, in document order.

    `known` (the personography, read only) lets two full names that are forms of one person
    there ("Lev Bronstein", "Leon Trotsky") be one person of the document from the start."""

    def __init__(self, lexicon: Lexicon, known: PersonIndex | None = None):
        self.lexicon = lexicon
        self.known = known
        self.particles = lexicon.particles
        self.entities: list[Entity] = []
        self.alive: list[Entity] = []  # the entities not merged into another, in order of creation
        self.most_mentions = 0  # the most mentions any person has so far
        # Indexes, so that linking a mention looks at the persons it could join, not at all of them.
        self.by_word: dict[str, list[Entity]] = {}  # a word of their names -> persons
        self.by_form: dict[str, list[Entity]] = {}  # name key of a full name -> persons
        self.by_initials: dict[tuple[str, str], list[Entity]] = {}  # initials of given name and surname
        self.by_surname_letter: dict[str, list[Entity]] = {}  # first letter of a long surname
        self._parts_cache: dict[str, NameParts] = {}

    def cluster(self, mentions: Sequence[Candidate], texts: Sequence[str],
                title_blocks: frozenset[int] = frozenset(), label_blocks: frozenset[int] = frozenset(),
                written_by_title_person: bool = False, address_blocks: frozenset[int] = frozenset(),
                salutation_blocks: frozenset[int] = frozenset()) -> Clustering:
        """`title_blocks`: the blocks that are the document's title (a person named in full there
        is the one the document is about: a given name alone joins them however far).
        `label_blocks`: the blocks that only label what follows (a transcript's speaker labels),
        which do not count in how far apart two blocks are (`blocks_apart`).
        `written_by_title_person`: the document is letters or a journal, whose "my" is its writer,
        the person its title names ("Letters of Eliza Fenwick": "my daughter Eliza" is not her)."""
        self.written_by_title_person = written_by_title_person
        # a letter's address lines and salutations: "Dear Mary" greets the Mary Hays of an address
        self.address_blocks, self.salutation_blocks = address_blocks, salutation_blocks
        self.texts, self._mentions, self.title_blocks = texts, mentions, title_blocks
        self._labels_before = [0]  # block -> the label blocks before it
        for n in range(len(texts)):
            self._labels_before.append(self._labels_before[-1] + (n in label_blocks))
        person_of: list[int] = []
        self._person_of = person_of
        self._sentence_ends: dict[int, list[int]] = {}  # block -> the ends of its sentences (_sentence_start)
        how: list[str] = []
        # word -> the full names that hold it, in document order, as (position, mention)
        self._full_names_with: dict[str, list[tuple[int, Candidate]]] = {}
        for n, full in enumerate(mentions):
            if not full.is_single_word:
                for word in self._parts(full.text).word_set():
                    self._full_names_with.setdefault(word, []).append((n, full))
        statements: dict[int, list[AliasStatement]] = {}
        for statement in alias_statements(mentions, texts):
            later = statement.alias if statement.owner == FOCUS else max(statement.alias, statement.owner)
            statements.setdefault(later, []).append(statement)
        self._aliases = {statement.alias for found in statements.values() for statement in found}
        for position, mention in enumerate(mentions):
            if mention.is_single_word and len(mention.key) == 1 and mention.title:
                entity, way = self._link_initials(mention, position)  # "Mr D's"
            elif mention.is_single_word:
                entity, way = self._link_word(mention, position)
            elif all(c == "initial" for c in mention.classes):
                entity, way = self._link_initials(mention, position)
            else:
                entity, way = self._link_full(mention)
            self._note(entity, mention, position)
            if not mention.is_single_word:
                self._note_marriage(entity, mention, position)
            person_of.append(entity.index)
            how.append(way)
            for statement in statements.get(position, []):
                if self._merge_alias(statement, mentions, person_of):
                    how[statement.alias] = "alias"
                    self._note_birth_surname(mentions[statement.alias], person_of[statement.alias])
        return self._result(person_of, how)

    def _pronoun_sex(self, alias: Candidate) -> str | None:
        """The sex of the pronoun before an alias in its sentence ("he took the name ..."), if one."""
        text = self.texts[alias.block]
        start = self._sentence_start(alias.block, alias.start)
        sexes = {"m" if found["m"] else "f" for found in PRONOUN.finditer(text, start, alias.start)}
        return sexes.pop() if len(sexes) == 1 else None

    def _sentence_start(self, block: int, position: int) -> int:
        """Where the sentence holding text position `position` of a block starts: the block's
        sentence ends are found once (a scan from the block's start per question cost the square
        of a long one-line block)."""
        ends = self._sentence_ends.get(block)
        if ends is None:
            ends = self._sentence_ends[block] = [m.end() for m in SENTENCE_END.finditer(self.texts[block])]
        before = bisect_right(ends, position) - 1
        return ends[before] if before >= 0 else 0

    def _note_birth_surname(self, alias: Candidate, entity_index: int) -> None:
        """"Augusta Ada King (née Byron)": the surname she was born with is her family's; a later
        "Byron" alone is her father, not her."""
        if alias.is_single_word and BIRTH_CUE.search(self.texts[alias.block], max(0, alias.start - 8), alias.start):
            self._root(entity_index).birth_surnames.add(self._word_key(alias.key))

    def _note_marriage(self, wife: Entity, mention: Candidate, position: int) -> None:
        """"In 1868 he married Margaret Ellison": the woman a man marries is the "Lady Ashcombe" or
        "Mrs. Ashcombe" of his surname after (not his mother, "Lady Caroline Ashcombe"). The man
        is the one named just before in the sentence ("Otto married Anna Weber"), else the one "he"
        stands for there: the document's main man (its title's, else the man named most)."""
        text = self.texts[mention.block]
        start = mention.title_start if mention.title_start >= 0 else mention.start
        if self._gender_of(mention) == "m" or not MARRIED_CUE.search(text, max(0, start - MARRIED_REACH), start):
            return
        sentence = self._sentence_start(mention.block, start)
        before = self._mentions[position - 1] if position else None
        if before is not None and before.block == mention.block and before.start >= sentence:
            husband = self._root(self._person_of[position - 1])
        elif PRONOUN_HE.search(text, sentence, start):
            men = [e for e in self._alive() if "f" not in e.genders and e.surnames and e is not wife]
            husband = max(men, key=lambda e: (e.in_title, e.mentions, e.last_seen), default=None)
        else:
            return
        if husband is None or husband is wife or "f" in husband.genders:
            return
        for surname in husband.surname_words() - wife.words:
            wife.married_surnames.add(surname)
            self.by_word.setdefault(surname, []).append(wife)

    def _gender_of(self, mention: Candidate) -> str | None:
        """The gender a mention tells: by its title ("Mrs.", "Lord"), else, for a full name, by its
        given name ("Ada Byron"). A word alone tells nothing by itself: "Arthur" may be the
        surname of "Emma Arthur"."""
        by_title = gender_of(mention.title, self.lexicon)
        if by_title or mention.is_single_word:
            return by_title
        return gender_of_given(self._parts(mention.text).given, self.lexicon)

    def _gender_fits(self, entity: Entity, gender: str | None) -> bool:
        return gender is None or not entity.genders or gender in entity.genders

    def _sex_fits(self, gender: str | None, mention: Candidate) -> bool:
        """Whether a mention's sex, by its title or given name (`_gender_of`), is not other than `gender`."""
        other = self._gender_of(mention)
        return gender is None or other is None or gender == other

    def blocks_apart(self, first: int, last: int) -> int:
        """How many blocks of text `last` is after `first`, labels not counted: in a transcript,
        "HOST:" and "SJÖBERG:" between two turns leave them one turn apart."""
        return last - first - (self._labels_before[last] - self._labels_before[first])

    def _parts(self, text: str) -> NameParts:
        parts = self._parts_cache.get(text)
        if parts is None:
            parts = self._parts_cache[text] = name_parts(self._expand(text), self.particles)
        return parts

    def _expand(self, text: str) -> str:
        """Abbreviated given names written out ("Jas. F. Clarke" -> "James F. Clarke")."""
        abbreviations = self.lexicon.given_abbreviations
        if not abbreviations:
            return text
        words = text.split()
        for n, word in enumerate(words):
            full = abbreviations.get(name_key(word))
            if full and (n < len(words) - 1 or len(words) == 1):
                words[n] = full
        return " ".join(words)

    def _word_key(self, key: str) -> str:
        return name_key(self.lexicon.given_abbreviations.get(key, key))

    def _new_entity(self) -> Entity:
        entity = Entity(len(self.entities))
        self.entities.append(entity)
        self.alive.append(entity)
        return entity

    def _note(self, entity: Entity, mention: Candidate, position: int) -> None:
        """Record a mention of the person, and index the words it adds to their names."""
        if not entity.first_text:
            entity.first_text = mention.text
            entity.first_block = mention.block
        self._note_form(entity, mention)
        if mention.is_single_word:
            entity.alone[self._word_key(mention.key)] += 1
            age = self._age_before(mention)
            if age:
                entity.ages.add(age)
            if mention.title in self.lexicon.female_titles:
                entity.alone_as_woman[self._word_key(mention.key)] += 1
            # "Aunt Mary", "Uncle John": a relative's given name; not "Father Gapon", a priest's surname
            if mention.title in self.lexicon.kin_titles and mention.key in self.lexicon.given:
                entity.kin_alone[self._word_key(mention.key)] += 1
        gender = self._gender_of(mention)
        if gender:
            entity.genders.add(gender)
        if mention.title:
            entity.titles.add(mention.title)
            if all(c == "initial" for c in mention.classes):
                entity.titled_initials.add((mention.title, name_key(mention.text)[:1]))
            if mention.title in self.lexicon.kin_titles:
                entity.kin_titles.add(mention.title)
        entity.mentions += 1
        self.most_mentions = max(self.most_mentions, entity.mentions)
        entity.last_seen = max(entity.last_seen, position)
        entity.last_end = (mention.block, mention.end)
        if not mention.is_single_word:
            entity.last_full_end = (mention.block, mention.end)
            entity.in_title = entity.in_title or mention.block in self.title_blocks
            entity.in_address = entity.in_address or mention.block in self.address_blocks
            entity.last_full_as_kin = "kin-before" in mention.cues

    def _note_form(self, entity: Entity, mention: Candidate) -> None:
        before = set(entity.words)
        parts = self._parts(mention.text)
        if all(c == "initial" for c in mention.classes):
            words = set()
        else:
            words = {w for w in parts.word_set() if len(w) > 1}
        if mention.is_single_word:
            words = {self._word_key(mention.key)}
        entity.words |= words
        if parts.given:
            entity.givens.add(parts.given)
        if parts.surname and parts.surname not in entity.surnames:
            entity.surnames.add(parts.surname)
            self._index_surname(entity, parts.surname)
        if len(parts.words) > 1 and len(parts.words[0]) == 1:
            entity.initials.add(parts.words[0])
        if len(parts.words) > 1 and name_key(mention.text) not in entity.form_keys:
            self._add_form(entity, mention.text)
        for word in entity.words - before:
            self.by_word.setdefault(word, []).append(entity)

    def _add_form(self, entity: Entity, form: str) -> None:
        entity.forms.append(form)
        entity.form_keys.add(name_key(form))
        self._index_form(entity, form)

    def _index_form(self, entity: Entity, form: str) -> None:
        self.by_form.setdefault(name_key(form), []).append(entity)
        parts = self._parts(form)
        if parts.given and parts.surname:
            self.by_initials.setdefault((parts.given[0], parts.surname[0]), []).append(entity)

    def _index_surname(self, entity: Entity, surname: str) -> None:
        for half in {surname, *surname.split("-")}:
            if len(half) >= MISSPELLING_MIN_LENGTH:
                self.by_surname_letter.setdefault(half[0], []).append(entity)

    def _root(self, index: int) -> Entity:
        entity = self.entities[index]
        while entity.merged_into is not None:
            entity = self.entities[entity.merged_into]
        return entity

    def _merge_alias(self, statement: AliasStatement, mentions: Sequence[Candidate], person_of: list[int]) -> bool:
        """Merge the persons an alias statement ties together; the earlier keeps the other."""
        alias_entity = self._root(person_of[statement.alias])
        if statement.owner == FOCUS:  # the person of the latest mention before that is someone else
            sex = self._pronoun_sex(mentions[statement.alias])  # "he took the name X": not the wife named last
            owner_entity = next((root for root in (self._root(person_of[k]) for k in range(statement.alias - 1, -1, -1))
                                 if self._gender_fits(root, sex)), None)
            if owner_entity is None or owner_entity is alias_entity:
                return False  # the person in focus is the alias's own: "Douglass escaped ... he took the name F. D."
            if alias_entity.mentions > 1 and mentions[statement.alias].block != owner_entity.last_end[0]:
                # a name the document already gives someone, and a focus named in another paragraph:
                # "Marie Curie" ... "her mother Bronisława Boguska." / "In Paris she called herself Marie"
                return False
        else:
            owner_entity = self._root(person_of[statement.owner])
        if owner_entity is not alias_entity:
            keep, gone = sorted((owner_entity, alias_entity), key=lambda e: e.index)
            if keep.known_id and gone.known_id and keep.known_id != gone.known_id:
                return False  # the personography knows them as two people
            keep.absorb(gone)
            keep.known_id = keep.known_id or gone.known_id
            gone.merged_into = keep.index
            self.alive.remove(gone)
            self.most_mentions = max(self.most_mentions, keep.mentions)
            for word in keep.words:
                pool = self.by_word.setdefault(word, [])
                if keep not in pool:
                    pool.append(keep)
            for form in keep.forms:  # the absorbed forms and surnames lead to the one kept now
                self._index_form(keep, form)
            for surname in keep.surnames:
                self._index_surname(keep, surname)
        alias = mentions[statement.alias].text
        owner = self._root(owner_entity.index)
        if alias not in owner.aliases:
            owner.aliases.append(alias)
        return True

    def _result(self, person_of: list[int], how: list[str]) -> Clustering:
        alive = self._alive()
        renumber = {entity.index: new for new, entity in enumerate(alive)}
        person_of = [renumber[self._root(i).index] for i in person_of]
        for entity in alive:
            entity.kin_of = list(dict.fromkeys(renumber[self._root(i).index] for i in entity.kin_of))
        for entity in alive:
            entity.index = renumber[entity.index]
        return Clustering(alive, person_of, how)
