"""Who is who within one document: the mentions grouped into the document's persons.

Only the document's own evidence counts here (the personography comes after, in `identify`):
- a full name joins the person of an earlier name it fits ("Lev Bronstein" after "Lev Davidovich
  Bronstein"; "Sergi Witte" spelt otherwise), else is a new person;
- a lone word (surname, given name, nickname, initials after a title) joins the person it most
  plausibly means: the one the document already calls so, else the most prominent and most
  recent of those whose names hold it; never a person of another gender by title ("Mrs.
  Dickinson" is not "Mr. Dickinson"), and never a person named earlier in the sentence when a
  kinship word stands before it ("Anton and Marta, with their son Anton");
- a name used before its full name joins that full name ("The Death of Halvorsen" ... "Erik
  Halvorsen");
- aliases the text declares (`aliases`) merge the persons they tie together.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Sequence

from tei_tools.annotate.names import Lexicon, NameParts, looks_patronymic, name_key, name_parts
from tei_tools.annotate.persons.aliases import FOCUS, AliasStatement, alias_statements
from tei_tools.annotate.persons.judge import Candidate
from tei_tools.personography import PersonIndex

SIMILAR_NAMES = 0.85  # SequenceMatcher ratio above which two spellings are one name (Sergi/Sergei)
MISSPELLING_MIN_LENGTH = 6
# A given name alone joins a person named within this many blocks before, one the document
# already calls so, or its main person; else it is somebody new ("No news of Sergi" long after
# "Sergei Witte").
RECENT_BLOCKS = 3  # shorter surnames differ by a letter too often (Sedov/Sedova, Dan/Don)
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
SENTENCE_END = re.compile(r"[.!?…]\s")
# A letter's greetings to the addressee's household: "Love to all--", "remember me kindly to".
GREETING = re.compile(r"\b(?:love|remember me|remembrances?|compliments|regards|respects|wishes)\b[^.!?]*?\bto\b"
                      r"[^.!?]*$", re.IGNORECASE)
GREETING_REACH = 120
KIN_WORD_BEFORE = re.compile(r"\b([a-z]+)\W*$")
TITLE_BEFORE = re.compile(r"\b([a-z]+)\.?\s+$")
LOOK_AHEAD = 60  # mentions after an initial ("Mr. D.") to look through for the name it stands for
# "her mother, ", "his younger brother ": whose relative the name after it is
KIN_POSSESSOR = re.compile(r"\b([Hh]er|[Hh]is)\s+(?:[a-z]+\s+)?([a-z]+)\s*,?\s*$")
POSSESSOR = re.compile(r"\b(my|our|your|his|her|their)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)


@dataclass
class Entity:
    """One person as this document names them."""

    index: int
    forms: list[str] = field(default_factory=list)  # names of more than one word, as written, in order
    form_keys: set[str] = field(default_factory=set)  # their name keys
    first_text: str = ""  # the first mention as written (with its title)
    first_block: int = 0
    words: set[str] = field(default_factory=set)  # words of the names used
    givens: set[str] = field(default_factory=set)
    surnames: set[str] = field(default_factory=set)
    alone: Counter = field(default_factory=Counter)  # word -> times used alone
    genders: set[str] = field(default_factory=set)  # from titles: "m", "f"
    kin_titles: set[str] = field(default_factory=set)  # "aunt" for "Aunt Mary": not the Mary of the letter
    initials: set[str] = field(default_factory=set)  # first letters of given names written as initials
    kin_owner: str | None = None  # for "Papa": whose ("my", "your", "his" ...)
    kin_word: str = ""  # "son" for "their son Lev": what they are to the persons of kin_of
    kin_of: list[int] = field(default_factory=list)  # the persons named before the kinship word
    titles: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)  # names the text declares to be theirs
    mentions: int = 0
    merged_into: int | None = None  # set when an alias statement merged this person into another
    known_id: str | None = None  # a personography person one of its full names is a form of
    last_seen: int = -1  # index of the latest mention
    last_end: tuple[int, int] = (-1, -1)  # block and end offset of the latest mention
    last_full_end: tuple[int, int] = (-1, -1)  # the same for the latest mention by a full name
    last_full_as_kin: bool = False  # that mention introduced them as a relative ("her father, X")
    # The Zipf frequency of each word used alone, worked out where the document was recognised
    # (`recognise` fills it) so that reconciling, in the batch's one serial process, need not
    # load the word-frequency table; `identify` asks wordfreq for any word missing here.
    frequencies: dict[str, float] = field(default_factory=dict)

    def surname_words(self) -> set[str]:
        """The surnames and each half of a double-barrelled one."""
        return {half for surname in self.surnames for half in (surname, *surname.split("-"))}

    def absorb(self, other: "Entity") -> None:
        for form in other.forms:
            if name_key(form) not in self.form_keys:
                self.forms.append(form)
                self.form_keys.add(name_key(form))
        self.words |= other.words
        self.givens |= other.givens
        self.surnames |= other.surnames
        self.alone.update(other.alone)
        self.genders |= other.genders
        self.kin_titles |= other.kin_titles
        self.initials |= other.initials
        self.titles |= other.titles
        self.mentions += other.mentions
        for alias in other.aliases:
            if alias not in self.aliases:
                self.aliases.append(alias)
        if other.last_seen > self.last_seen:
            self.last_seen, self.last_end = other.last_seen, other.last_end


@dataclass
class Clustering:
    """The document's persons and, for each mention, its person and how it was joined."""

    entities: list[Entity]
    person_of: list[int]  # mention index -> entity index
    how: list[str]  # mention index -> "new", "form", "fits", "similar", "word", "ahead", "misspelt", "alias", ...


def gender_of(title: str, lexicon: Lexicon) -> str | None:
    if title in lexicon.female_titles:
        return "f"
    if title in lexicon.male_titles:
        return "m"
    return None


MARRIED_TITLES = frozenset({"mrs", "mistress", "madame", "mme", "frau", "señora", "senora"})
UNMARRIED_TITLES = frozenset({"miss", "mademoiselle", "mlle", "fräulein", "fraulein", "señorita", "senorita"})


def _same_standing(entity: Entity, title: str) -> bool:
    """"Miss Jellyby" is not "Mrs. Jellyby": a woman called by one of the married and unmarried
    titles is not one the document calls only by the other (mother and daughter, as a rule)."""
    if title in UNMARRIED_TITLES:
        return not (entity.titles & MARRIED_TITLES) or bool(entity.titles & UNMARRIED_TITLES)
    if title in MARRIED_TITLES:
        return not (entity.titles & UNMARRIED_TITLES) or bool(entity.titles & MARRIED_TITLES)
    return True


def gender_of_given(given: str | None, lexicon: Lexicon) -> str | None:
    """The gender a given name tells ("Ada": a woman), where the name is given to one sex only."""
    if given in lexicon.female_given:
        return "f"
    if given in lexicon.male_given:
        return "m"
    return None


class Clusterer:
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

    def cluster(self, mentions: Sequence[Candidate], texts: Sequence[str]) -> Clustering:
        self.texts, self._mentions = texts, mentions
        person_of: list[int] = []
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
            person_of.append(entity.index)
            how.append(way)
            for statement in statements.get(position, []):
                if self._merge_alias(statement, mentions, person_of):
                    how[statement.alias] = "alias"
        return self._result(person_of, how)

    # ------------------------------------------------------------ full names

    def _link_full(self, mention: Candidate) -> tuple[Entity, str]:
        parts = self._parts(mention.text)
        key = name_key(mention.text)
        gender = self._gender_of(mention)
        same = [e for e in self.by_form.get(key, ()) if e.merged_into is None and self._gender_fits(e, gender)]
        if same:
            return max(same, key=lambda e: e.last_seen), "form"
        words = frozenset(w for w in parts.word_set() if len(w) > 1 and w not in self.particles)
        entity = self._entity_containing(parts, words, gender)
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

    def _entity_containing(self, parts: NameParts, words: frozenset[str], gender: str | None) -> Entity | None:
        """The most recent person whose names hold all `words`, with the same given name (or
        matching initials) and the mention's surname among theirs."""
        initials = [w for w in parts.words if len(w) == 1]
        fitting = []
        for entity in self._entities_with(words):
            if not self._gender_fits(entity, gender):
                continue
            if parts.given and entity.givens and parts.given not in entity.givens:
                continue
            if parts.surname and entity.surnames and parts.surname not in entity.surname_words() \
                    and not looks_patronymic(parts.surname):  # "Lev Davidovich" may be Lev Bronstein
                continue  # "C. L. R. James" is not "James Cannon"
            if initials and entity.givens and not any(g[0] == initials[0] for g in entity.givens):
                continue  # "N. D. Lurie" is not "Emel Lurie"
            fitting.append(entity)
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
        if mention.title and letter:
            fitting = [e for e in self._alive() if self._gender_fits(e, gender)
                       and any(s.startswith(letter) for s in e.surnames | {w for w in e.alone if w not in e.givens})]
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
            if later.block - mention.block > RECENT_BLOCKS:
                break
            if later.title != mention.title or all(c == "initial" for c in later.classes):
                continue
            parts = self._parts(later.text)
            surname = parts.surname or (later.key if later.is_single_word else None)
            if surname and surname.startswith(letter) and len(surname) > 1:
                return later
        return None

    # ------------------------------------------------------------ lone words

    def _link_word(self, mention: Candidate, position: int) -> tuple[Entity, str]:
        key = mention.expansion or self._word_key(mention.key)  # "Ch." stands for Channing
        if key in self.lexicon.kinship_names:
            return self._link_kinship_name(mention, key)
        gender = gender_of(mention.title, self.lexicon)
        kin = mention.title if mention.title in self.lexicon.kin_titles else None
        relatives = self._named_in_sentence(mention) if "kin-before" in mention.cues else []
        not_them = relatives + self._possessor_in_focus(mention) if "kin-before" in mention.cues else relatives
        seen = [e for e in self.by_word.get(key, []) if e.merged_into is None and e not in not_them
                and self._gender_fits(e, gender) and (kin is None or kin in e.kin_titles)
                and _same_standing(e, mention.title)]
        if seen:  # a given name alone means someone close at hand
            most = self.most_mentions
            seen = [e for e in seen if key not in e.givens or key in e.surnames or e.alone[key]
                    or mention.block - e.last_end[0] <= RECENT_BLOCKS or e.mentions == most]
        if seen:
            return self._most_plausible(seen, key, mention), "word"
        if kin:
            return self._new_entity(), "new"  # "Aunt Mary" is not the Mary the letter is written to
        title = mention.title or self._title_before(mention)
        if title and mention.classes[0] == "given":  # "sir William" after "Sir W. Elford"
            initialled = [e for e in self._alive() if title in e.titles and key[:1] in e.initials
                          and not e.givens]
            if len(initialled) == 1:
                return initialled[0], "initial"
        if relatives:  # "Trotsky and Natalia, with their son Lev": another Lev, their son
            entity = self._new_entity()
            word = KIN_WORD_BEFORE.search(self.texts[mention.block], max(0, mention.start - 40), mention.start)
            entity.kin_word = word.group(1).lower() if word else ""
            entity.kin_of = [relative.index for relative in relatives]
            return entity, "kin"
        glued = CAMEL_CASE.sub(" ", mention.text)  # "JoshIreland": a full name that lost its space
        if glued != mention.text:
            parts = self._parts(glued)
            entity = self._entity_containing(parts, frozenset(w for w in parts.words if len(w) > 1), gender)
            if entity:
                return entity, "glued"
        holding = self._full_names_with.get(key, [])
        first_after = bisect_right(holding, position, key=lambda pair: pair[0])
        later = next((m for _, m in holding[first_after:]
                      if self._gender_fits_title(gender, m) and (not m.title or m.title == mention.title)
                      and (gender is None or self._gender_of(m) in (None, gender))), None)  # not "Mrs. W." ... "John W."
        if later is not None:  # named in full further on ("The Death of Trotsky" ... "Leon Trotsky")
            entity, _ = self._link_full(later)
            self._note_form(entity, later)
            return entity, "ahead"
        similar = self._misspelt_surname(key, gender)
        if similar and similar not in not_them:
            return similar, "misspelt"
        return self._new_entity(), "new"

    def _title_before(self, mention: Candidate) -> str:
        """A title written in lower case just before the name ("my dear sir William")."""
        before = TITLE_BEFORE.search(self.texts[mention.block], max(0, mention.start - 12), mention.start)
        word = before.group(1).lower() if before else ""
        return word if word in self.lexicon.titles else ""

    def _link_kinship_name(self, mention: Candidate, key: str) -> tuple[Entity, str]:
        """"Papa", "Mama" used as names: the writer's unless another's possessive stands before
        ("your dear Papa" is the addressee's father) or the name is among those a letter sends
        its love to ("Love to all--Papa--Eliza--Aunt Mary": the addressee's household)."""
        text = self.texts[mention.block]
        before = text[max(0, mention.start - 40):mention.start]
        owner = POSSESSOR.search(before)
        greeted = GREETING.search(text, max(0, mention.start - GREETING_REACH), mention.start)
        whose = owner.group(1).lower() if owner else "your" if greeted else "my"
        whose = "my" if whose in ("my", "our") else whose
        same = [e for e in self._alive() if e.kin_owner == whose and key in e.words]
        if same:
            return same[-1], "word"
        entity = self._new_entity()
        entity.kin_owner = whose
        return entity, "new"

    def _most_plausible(self, entities: list[Entity], key: str, mention: Candidate) -> Entity:
        """Of the persons whose names hold the word: the one just named in full (the person in
        focus), else the one the document already calls so alone, then the most prominent and
        most recent. A relative who shares the surname and is named in passing ("her father, Nils
        Lindqvist, was a pastor") does not take the subject's mentions: the subject has been
        named more often."""
        latest = max(entities, key=lambda e: e.last_seen)
        if self._just_named_in_full(latest, mention):  # "... knew David Voss. Voss was tired."
            return latest
        latest = max(e.last_seen for e in entities)

        def plausibility(entity: Entity) -> tuple[float, int]:
            value = 2.0 if entity.alone[key] else 0.0
            value += math.log2(1 + entity.mentions)
            if entity.last_seen == latest:
                value += 1.0
            if entity.last_end[0] == mention.block:
                value += 0.5
            return value, entity.last_seen
        return max(entities, key=plausibility)

    def _just_named_in_full(self, entity: Entity, mention: Candidate) -> bool:
        """Named by a full name in this sentence or the one before, other than as somebody's
        relative in passing: the person in focus."""
        block, end = entity.last_full_end
        if entity.last_full_as_kin or block != mention.block or end > mention.start:
            return False
        return len(SENTENCE_END.findall(self.texts[mention.block], end, mention.start)) <= 1

    def _misspelt_surname(self, key: str, gender: str | None = None) -> Entity | None:
        """A person of this document whose long surname this word misspells ("Kollantai",
        "Dzerhinsky"): same first letter, nearly the same letters, and no other sex by title."""
        if len(key) < MISSPELLING_MIN_LENGTH:
            return None
        pool = {e.index: e for e in self.by_surname_letter.get(key[0], ())
                if e.merged_into is None and self._gender_fits(e, gender)}
        for entity in sorted(pool.values(), key=lambda e: -e.last_seen):
            for surname in entity.surname_words():
                if len(surname) >= MISSPELLING_MIN_LENGTH and surname[0] == key[0] \
                        and _similar_spelling(key, surname):
                    return entity
        return None

    def _possessor_in_focus(self, mention: Candidate) -> list[Entity]:
        """The person in focus that "her" or "his" before a kinship word stands for, who is
        therefore not the relative named after it ("... Ada was eight. Her mother, Lady Byron,
        ..."): the latest person of that sex, or of none known."""
        start = mention.title_start if mention.title_start >= 0 else mention.start
        owner = KIN_POSSESSOR.search(self.texts[mention.block], max(0, start - 40), start)
        if not owner or owner.group(2).lower() not in self.lexicon.kinship:
            return []
        sex = "f" if owner.group(1).lower() == "her" else "m"
        in_focus = max((e for e in self._alive() if not e.genders or sex in e.genders),
                       key=lambda e: e.last_seen, default=None)
        return [in_focus] if in_focus is not None and in_focus.last_seen >= 0 else []

    def _named_in_sentence(self, mention: Candidate) -> list[Entity]:
        """The persons named earlier in the mention's sentence."""
        text = self.texts[mention.block]
        return [e for e in self._alive() if e.last_end[0] == mention.block and e.last_end[1] <= mention.start
                and not SENTENCE_END.search(text, e.last_end[1], mention.start)]

    # ------------------------------------------------------------ bookkeeping

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

    def _gender_fits_title(self, gender: str | None, mention: Candidate) -> bool:
        other = gender_of(mention.title, self.lexicon)
        return gender is None or other is None or gender == other

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
        gender = self._gender_of(mention)
        if gender:
            entity.genders.add(gender)
        if mention.title:
            entity.titles.add(mention.title)
            if mention.title in self.lexicon.kin_titles:
                entity.kin_titles.add(mention.title)
        entity.mentions += 1
        self.most_mentions = max(self.most_mentions, entity.mentions)
        entity.last_seen = max(entity.last_seen, position)
        entity.last_end = (mention.block, mention.end)
        if not mention.is_single_word:
            entity.last_full_end = (mention.block, mention.end)
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

    # ------------------------------------------------------------ aliases

    def _root(self, index: int) -> Entity:
        entity = self.entities[index]
        while entity.merged_into is not None:
            entity = self.entities[entity.merged_into]
        return entity

    def _merge_alias(self, statement: AliasStatement, mentions: Sequence[Candidate], person_of: list[int]) -> bool:
        """Merge the persons an alias statement ties together; the earlier keeps the other."""
        alias_entity = self._root(person_of[statement.alias])
        if statement.owner == FOCUS:  # the person of the latest mention before that is someone else
            owner_entity = next((root for root in (self._root(person_of[k]) for k in range(statement.alias - 1, -1, -1))
                                 if root is not alias_entity), None)
            if owner_entity is None:
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


def _similar_spelling(a: str, b: str) -> bool:
    """SequenceMatcher's ratio at least SIMILAR_NAMES, its cheap upper bounds tried first."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SIMILAR_NAMES and matcher.quick_ratio() >= SIMILAR_NAMES \
        and matcher.ratio() >= SIMILAR_NAMES


def similar_full_names(parts: NameParts, text: str, other: NameParts, other_text: str) -> bool:
    """Two spellings of one full name: same initials of given name and surname, nearly the same
    letters, and either the same given name, the same surname or a long surname."""
    if not (parts.given and other.given and parts.surname and other.surname):
        return False
    if parts.given[0] != other.given[0] or parts.surname[0] != other.surname[0]:
        return False
    if not _similar_spelling(name_key(text), name_key(other_text)):
        return False
    return parts.given == other.given or parts.surname == other.surname \
        or min(len(parts.surname), len(other.surname)) >= MISSPELLING_MIN_LENGTH
