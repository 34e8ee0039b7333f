"""Linking a word used alone (a surname, a given name, a kinship name) to a person of the document
(`Clusterer`'s part for them)."""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from typing import Iterator

from tei_tools.annotate.persons.aliases import SENTENCE_END
from tei_tools.annotate.persons.cluster.entity import Entity
from tei_tools.annotate.persons.cluster.sexes import (MARRIED_TITLES, gender_of, rank_fits, same_standing,
                                                      titles_fit_a_woman)
from tei_tools.annotate.persons.cluster.spelling import MISSPELLING_MIN_LENGTH, similar_spelling
from tei_tools.annotate.persons.judge import Candidate

# A given name alone joins a person named within this many blocks before, one the document
# already calls so, or its main person; else it is somebody new ("No news of Sergi" long after
# "Sergei Witte").
# What being named in the document's title adds to a person's claim on an untitled word alone;
# more where the person named last was named in another paragraph ("William Nightingale gave his
# daughter an allowance." / "Sidney Herbert asked Nightingale to take nurses": the daughter)
TITLE_PERSON = 0.5
TITLE_PERSON_ACROSS = 1.5
WOMAN_IN_PASSING = 2.0  # what a bare surname loses for a woman named in passing (`_woman_in_passing`)
KIN_LOOK_AHEAD = 60  # mentions to look through for a relative's given name ("his son Edmund")
RECENT_BLOCKS = 3  # shorter surnames differ by a letter too often (Sedov/Sedova, Dan/Don)
CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")
AND_WORD = re.compile(r"\b(?:and|or)\b|&")
# A letter's greetings to the addressee's household: "Love to all--", "remember me kindly to".
GREETING = re.compile(r"\b(?:love|remember me|remembrances?|compliments|regards|respects|wishes)\b[^.!?]*?\bto\b"
                      r"[^.!?]*$", re.IGNORECASE)
GREETING_REACH = 120
KIN_WORD_BEFORE = re.compile(r"\b([a-z]+)\W*$")
TITLE_BEFORE = re.compile(r"\b([a-z]+)\.?\s+$")
# "her mother, ", "his younger brother ": whose relative the name after it is
KIN_POSSESSOR = re.compile(r"\b([Hh]er|[Hh]is)\s+(?:[a-z]+\s+)?([a-z]+)\s*,?\s*$")
# "my daughter ", "our cousin ": the writer's relative
MY_KIN = re.compile(r"\b(?:[Mm]y|[Oo]ur)\s+(?:[a-z]+\s+)?([a-z]+)\s*,?\s*$")
# ", his father,", " her sister.": what the name before it is to the person "his" or "her" stands for
# (not "Halvorsen, his wife Ingrid": a name after the kinship word is the relative)
KIN_APPOSITION = re.compile(r",?\s+([Hh]er|[Hh]is)\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")
NAME_NEXT = re.compile(r"[\s,]+(?:[A-Z]|(?:and|or|&)\b)")  # "Halvorsen, his wife and sons, set off": a list
POSSESSOR = re.compile(r"\b(my|our|your|his|her|their)\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
# "the dear Papa": someone's, not the writer's (the addressee's household's in a greeting); not "the
# night that Papa"
THE_KIN = re.compile(r"\b(the)\s+(?:(?:dear|poor|good|old|kind|excellent|beloved|little|sweet|worthy)\s+){0,2}$",
                     re.IGNORECASE)


# "young Mr. Tresham", "old Tresham": father and son, as a rule; not "the young Marx", "his old
# friend Engels" (a determiner before), one person at two ages or a friend of long standing
AGE_BEFORE = re.compile(r"(?<![A-Za-z])(?<!the )(?<!The )(?<!a )(?<!an )(?<!my )(?<!his )(?<!her )(?<!our )"
                        r"(?<!your )(?<!their )([Oo]ld|[Yy]oung)\s+$")
OTHER_AGE = {"old": "young", "young": "old"}
# "they had four sons. The eldest, Duncan, ...": one of the children, named after the order of
# their births, never the parent of that name named before
BIRTH_ORDER_BEFORE = re.compile(r"\b[Tt]he\s+(?:eldest|youngest|elder|younger|oldest|middle|second|third|fourth|"
                                r"fifth|sixth|seventh)(?:\s+(?:son|daughter|child|boy|girl|brother|sister))?,?\s+\Z")


# Kinship names for the same relative: the writer's "Papa" is the writer's "Father"
KIN_SENSE = {"papa": "father", "pappa": "father", "mama": "mother", "mamma": "mother"}


def _initials_and_surname(mention: Candidate) -> bool:
    """"B.R. Haydon": initials for the given names, which tell no sex."""
    return len(mention.words) > 1 and all(w.kind == "initials" for w in mention.words[:-1])


class LoneWords:
    """Words used alone: the person the document already calls so, the one just named in full,
    the most prominent and recent, never one of another sex or standing, nor the relative a
    kinship word sets apart."""

    def _link_word(self, mention: Candidate, position: int) -> tuple[Entity, str]:
        key = mention.expansion or self._word_key(mention.key)  # "Ch." stands for Channing
        if key in self.lexicon.kinship_names:
            return self._link_kinship_name(mention, key)
        gender = gender_of(mention.title, self.lexicon)
        kin = mention.title if mention.title in self.lexicon.kin_titles else None
        kin_before = "kin-before" in mention.cues
        relatives = self._named_in_sentence(mention) if kin_before else []  # another Lev: "their son Lev"
        possessor = self._possessor_in_focus(mention) if kin_before else []  # "Her brother Tomás": not her
        not_them = relatives + possessor + self._whose_relative(mention)  # "Old Dorion his father": not the son
        if "kin-of" in mention.cues:  # "Wong was born in Portland, the second daughter of Wong Sun": not her
            not_them = not_them + self._named_in_sentence(mention)
        if kin_before and self.written_by_title_person and self._writers_relative(mention):
            not_them = not_them + [e for e in self.by_word.get(key, []) if e.in_title]  # "my daughter Eliza": not the writer
        if mention.is_single_word and BIRTH_ORDER_BEFORE.search(self.texts[mention.block], max(0, mention.start - 40),
                                                                mention.start):
            not_them = not_them + [e for e in self.by_word.get(key, []) if key in e.givens]  # "The eldest, Duncan": a son
        age = self._age_before(mention)
        other_age = OTHER_AGE.get(age)
        if other_age:  # "Young Mr. Tresham" ... "old Tresham's temper": his father
            not_them = not_them + [e for e in self.by_word.get(key, []) if other_age in e.ages]
        seen = [e for e in self.by_word.get(key, []) if e.merged_into is None and e not in not_them
                and self._gender_fits(e, gender) and (kin is None or kin in e.kin_titles)
                and same_standing(e, mention.title) and titles_fit_a_woman(e, gender, key, self.lexicon)
                and rank_fits(e, mention.title, self.lexicon)
                and key not in e.birth_surnames
                # her husband's surname, which only a woman's title makes hers ("Lady Ashcombe")
                and (gender == "f" or key not in e.married_surnames or e.alone[key] > e.alone_as_woman[key])]
        if kin is None and any(not e.only_with_kin_title(key) for e in seen):
            seen = [e for e in seen if not e.only_with_kin_title(key)]  # "Mary" after "Aunt Mary": the other Mary
        if seen:  # a given name alone means someone close at hand
            most = self.most_mentions
            seen = [e for e in seen if key not in e.givens or key in e.surnames or e.alone[key]
                    or self.blocks_apart(e.last_end[0], mention.block) <= RECENT_BLOCKS or e.mentions == most
                    or e.in_title  # named in full in the document's title
                    or e.in_address and mention.block in self.salutation_blocks]  # "To Mary Hays." ... "Dear Mary,"
        if len(seen) > 1 and age:  # "Old Duncan" of a father and a son of that name: the one named first
            seen = [(min if age == "old" else max)(seen, key=lambda e: e.index)]
        if seen:
            return self._most_plausible(seen, key, mention), "word"
        if kin:
            return self._new_entity(), "new"  # "Aunt Mary" is not the Mary the letter is written to
        title = mention.title or self._title_before(mention)
        if title and (mention.classes[0] == "given" or key in self.lexicon.given):  # "sir William" after "Sir W. Elford"
            initialled = [e for e in self._alive() if title in e.titles and key[:1] in e.initials
                          and not e.givens]
            if len(initialled) == 1:
                return initialled[0], "initial"
        if relatives:  # "Trotsky and Natalia, with their son Lev": another Lev, their son
            named = self._named_in_full_later(key, position, gender, relatives)
            if named is not None:  # "Isidor Straus ... with his wife Ida" ... "Ida Straus refused"
                return named, "ahead"
            entity = self._new_entity()
            word = KIN_WORD_BEFORE.search(self.texts[mention.block], max(0, mention.start - 40), mention.start)
            entity.kin_word = word.group(1).lower() if word else ""
            entity.kin_of = [relative.index for relative in relatives]
            return entity, "kin"
        if possessor:  # "... Nora O'Sullivan. Her brother Tomás" ... "not Tomás Ó Criomhthain" ... "Tomás O'Sullivan"
            named = self._named_in_full_later(key, position, gender, possessor)
            if named is not None:
                return named, "ahead"
        glued = CAMEL_CASE.sub(" ", mention.text)  # "TomWaring": a full name that lost its space
        if glued != mention.text:
            parts = self._parts(glued)
            entity = self._entity_containing(parts, frozenset(w for w in parts.words if len(w) > 1), gender)
            if entity:
                return entity, "glued"
        # (not an alias the text gives someone: "known after her second marriage as Lady Dunmore"
        # is hers, not the "Violet Dunmore" further on)
        later = None if position in self._aliases else self._full_name_further_on(mention, key, position, gender)
        if later is not None:  # named in full further on ("The Death of Trotsky" ... "Leon Trotsky")
            entity, _ = self._link_full(later)
            if self._gender_fits(entity, gender):  # not the Mrs. Haydon the later "B.R. Haydon" joined
                self._note_form(entity, later)
                return entity, "ahead"
        similar = self._misspelt_surname(key, gender)
        # one called by this very word was weighed above and set aside: no misspelling of it
        if similar and similar not in not_them and similar not in self.by_word.get(key, ()):
            return similar, "misspelt"
        return self._new_entity(), "new"

    def _full_name_further_on(self, mention: Candidate, key: str, position: int, gender: str | None) -> Candidate | None:
        """The first full name after the word alone that holds it and may be the same person."""
        return next((m for n, m in self._full_names_after(key, position, with_positions=True)
                     # of the same sex: not "Mrs. W." ... "John W."
                     if (not m.title or m.title == mention.title) and self._sex_fits(gender, m)
                     # a woman's title: her given name must say she is one ("Mrs. Baxter ... her two
                     # boys, Ronnie and Keith. Ronnie Baxter is nearly fourteen": not Ronnie)
                     and (gender != "f" or m.title or self._gender_of(m) == "f")
                     # a man's rank: not a woman ("General Denikin" ... "Greta Denikin")
                     and not (mention.title in self.lexicon.rank_titles and self._gender_of(m) == "f")
                     and not (gender and _initials_and_surname(m))  # "Mrs. H." ... "B.R. H.": whose?
                     and not self._introduced_as_kin(m, position, n)
                     and not self._coordinated_after(mention, m)), None)

    def _age_before(self, mention: Candidate) -> str:
        """"old" or "young" just before a word alone (and its title): "Old Mr. Ashford"."""
        if not mention.is_single_word:
            return ""
        start = mention.title_start if mention.title_start >= 0 else mention.start
        found = AGE_BEFORE.search(self.texts[mention.block], max(0, start - 12), start)
        return found.group(1).lower() if found else ""

    def _full_names_after(self, key: str, position: int, with_positions: bool = False) -> Iterator:
        """The document's full names that hold the word `key`, after mention `position`, in order
        (with their positions, as pairs, if `with_positions`)."""
        holding = self._full_names_with.get(key, [])
        after = holding[bisect_right(holding, position, key=lambda pair: pair[0]):]
        return iter(after) if with_positions else (mention for _, mention in after)

    def _coordinated_after(self, mention: Candidate, later: Candidate) -> bool:
        """Whether `later` follows in the same sentence after an "and" ("the second daughter of
        Wong Sun, a merchant, and Mary Lee Wong"): two people of a list, not one named twice."""
        if later.block != mention.block or later.start - mention.end > 200:
            return False
        between = self.texts[mention.block][mention.end:later.start]
        return not SENTENCE_END.search(between) and bool(AND_WORD.search(between))

    def _introduced_as_kin(self, full: Candidate, position: int, full_position: int) -> bool:
        """Whether the given name of `full` (at `full_position`) is used alone after a kinship
        word between mention `position` and it: "Mr. Ashford has taken the house, and his son
        Edmund ..." / "Edmund Ashford is unlike his father": Mr. Ashford is not the one named in
        full later, the relative is. Looks through KIN_LOOK_AHEAD mentions at most."""
        given = self._parts(full.text).given
        if not given:
            return False
        end = min(full_position, position + 1 + KIN_LOOK_AHEAD)
        return any(m.is_single_word and "kin-before" in m.cues and self._word_key(m.key) == given
                   for m in self._mentions[position + 1:end])

    def _named_in_full_later(self, key: str, position: int, gender: str | None,
                             relatives: list[Entity]) -> Entity | None:
        """The person a later full name makes of a relative's given name: the next full name
        with that given name and the surname of one of the relatives just named (or the word
        one is called by alone, not a given name of theirs: "Mr. Ashford ... his son Edmund")."""
        surnames = {surname for relative in relatives
                    for surname in relative.surname_words() | (relative.alone.keys() - relative.givens)}
        for later in self._full_names_after(key, position):
            parts = self._parts(later.text)
            if parts.surname in surnames and parts.given == key and self._sex_fits(gender, later):
                entity, _ = self._link_full(later)
                self._note_form(entity, later)
                return entity
        return None

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
        owner = POSSESSOR.search(before) or THE_KIN.search(before)
        greeted = GREETING.search(text, max(0, mention.start - GREETING_REACH), mention.start)
        whose = owner.group(1).lower() if owner else "your" if greeted else "my"
        whose = "my" if whose in ("my", "our") else "your" if whose == "the" and greeted else whose
        sense = KIN_SENSE.get(key, key)
        same = [e for e in self._alive() if e.kin_owner == whose and any(KIN_SENSE.get(w, w) == sense for w in e.words)]
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
        entities = self._called_so_with_title(entities, key, mention.title)
        latest = max(entities, key=lambda e: e.last_seen)
        passing_women = {e.index for e in entities if self._woman_in_passing(e, key, mention)}
        if len(passing_women) == len(entities):
            passing_women = set()
        if self._just_named_in_full(latest, mention) and latest.index not in passing_women:
            return latest  # "... knew David Voss. Voss was tired."
        latest = max(e.last_seen for e in entities)
        # the person named last is named in this paragraph: "Anton Vessel made a success of his
        # farm ... As Vessel grew in wealth" is the father, though the title names his son
        latest_here = any(e.last_seen == latest and e.last_end[0] == mention.block for e in entities)

        def plausibility(entity: Entity) -> tuple[float, int]:
            # "Hardie" after "Mrs. Hardie": a surname alone without a title is not what the
            # document calls a woman it has called so only with her title; and, untitled, most
            # often the person its title names ("Keir Hardie": "Hardie married", after his
            # stepfather David Hardie)
            called_so = entity.alone[key] - (0 if mention.title else entity.alone_as_woman[key])
            value = 2.0 if called_so else 0.0
            if mention.title in MARRIED_TITLES and key in entity.married_surnames and not called_so:
                value += 2.0  # "He married Catherine Aldridge" ... "Mrs. Wedmore": his wife, not his sister
            if entity.in_title and not mention.title:
                value += TITLE_PERSON if latest_here else TITLE_PERSON_ACROSS
            value += math.log2(1 + entity.mentions)
            if entity.index in passing_women:
                value -= WOMAN_IN_PASSING
            if entity.last_seen == latest:
                value += 1.0
            if entity.last_end[0] == mention.block:
                value += 0.5
            return value, entity.last_seen
        return max(entities, key=plausibility)

    def _woman_in_passing(self, entity: Entity, key: str, mention: Candidate) -> bool:
        """A woman the document last named in full as somebody's relative, and has never called
        by the surname alone: a bare surname ("His sister Eliza Wedmore married Robert Stannard.
        Wedmore died in 1871.") is, as a rule in the prose editions hold, a man's or the main
        person's, not hers."""
        return not mention.title and entity.genders == {"f"} and not entity.alone[key] \
            and not entity.in_title and entity.last_full_as_kin

    @staticmethod
    def _called_so_with_title(entities: list[Entity], key: str, title: str) -> list[Entity]:
        """For a titled word alone, where one of the persons has been called by it alone with
        that title: not those the document has never called by the word alone nor by the title
        ("Mr. Ashford has taken the house ... his son Edmund" / "Edmund Ashford is unlike his
        father; Mr. Ashford talks of nothing else": the father)."""
        if not title or not any(title in e.titles and e.alone[key] for e in entities):
            return entities
        return [e for e in entities if e.alone[key] or title in e.titles]

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
                        and similar_spelling(key, surname):
                    return entity
        return None

    def _writers_relative(self, mention: Candidate) -> bool:
        """Whether "my" or "our" and a kinship word stand before the name ("my daughter Eliza")."""
        start = mention.title_start if mention.title_start >= 0 else mention.start
        found = MY_KIN.search(self.texts[mention.block], max(0, start - 40), start)
        return found is not None and found.group(1).lower() in self.lexicon.kinship

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

    def _whose_relative(self, mention: Candidate) -> list[Entity]:
        """The person in focus that "his" or "her" in a kinship word just after the name stands
        for ("Mr. Dorion interpreted. Old Dorion his father lived among the Yanktons"), who is not
        the relative so named: the latest person of that sex, or of none known."""
        text = self.texts[mention.block]
        found = KIN_APPOSITION.match(text, mention.end)
        kin = next((n for n in (2, 3) if found and found.group(n) in self.lexicon.kinship), None)
        if kin is None or NAME_NEXT.match(text, found.end(kin)):
            return []
        sex = "f" if found.group(1).lower() == "her" else "m"
        in_focus = max((e for e in self._alive() if not e.genders or sex in e.genders),
                       key=lambda e: e.last_seen, default=None)
        if in_focus is None or in_focus.last_seen < 0 or self._just_named_in_full(in_focus, mention):
            return []  # "Trotsky loved Lev Sedov. Sedov, his son, ...": Sedov is the one just named
        return [in_focus]

    def _named_in_sentence(self, mention: Candidate) -> list[Entity]:
        """The persons named earlier in the mention's sentence."""
        text = self.texts[mention.block]
        return [e for e in self._alive() if e.last_end[0] == mention.block and e.last_end[1] <= mention.start
                and not SENTENCE_END.search(text, e.last_end[1], mention.start)]
