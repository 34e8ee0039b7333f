"""What the whole document shows about its names, beyond each block's own evidence.

The words of the full names it accepted make a lone surname or given name a name ("Trotsky"
after "Leon Trotsky"); a word used as a place or a thing somewhere is not a person anywhere
("the town of Alma Ata"); the clear members of a list tell what the others are ("Aristotle,
Goethe, Marx").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import compress, count
from operator import and_, itemgetter
from typing import Iterable, Sequence

from tei_tools.annotate.names import Lexicon, fold, name_key, name_parts, plural_stems, zipf
from tei_tools.annotate.persons.judge import AMBIGUOUS_WORD, Candidate, JudgedBlock, coordinated, words_a_class_depends_on
from tei_tools.annotate.persons.word_facts import counted_common_texts
from tei_tools.personography import PersonIndex

# How strongly a word found in a personography name form marks a name when used alone.
ROLE_STRENGTH = {"form": 3.0, "surname": 3.0, "given": 2.0, "word": 1.0}
DOCUMENT_WORD_STRENGTH = 3.0
FAMOUS_STRENGTH = 2.0  # a word of names_famous.txt, used alone
RECURRING = 2  # times a word is written capitalised inside sentences to count as a name's
SURE_ALONE = 2.5  # the score at which a single word's own evidence makes it a name of the document
# The share of common words a document capitalises inside sentences above which it follows the
# older habit of capitalising nouns ("a glass of Champagne", "my dear Friend"); modern prose
# stays under half a per cent, letters of the early nineteenth century reach two and more.
CAPITALISED_NOUNS = 0.012
ENOUGH_WORDS = 3000  # common words to read before judging that habit
LIST_WEIGHT = 1.5  # what standing in a list of persons (or of places) adds (or takes away)
SALIENT_COUNT = 3  # a word written this often in a document is one of its main names
EVERYWHERE = (-1, -1)  # a position before every block


# ---------------------------------------------------------------- what the document knows

class DocumentKnowledge:
    """The personography's name words plus what this document shows (see names_judge.Knowledge)."""

    def __init__(self, personography: PersonIndex, blocks: Sequence[JudgedBlock]):
        self.personography = personography
        self.document_words: dict[str, tuple[int, int]] = {}  # word -> where a full name first held it
        self.document_surnames: set[str] = set()
        self.surname_forms: dict[str, set[str]] = {}  # surname -> the full names (keys) it is the surname of
        self.document_forms: set[str] = set()  # name keys of the document's full names of three words or more
        self.class_cache: dict[tuple[str, str, bool], str] = {}  # classes.class_key -> class
        texts: set[str] = set()
        for block in blocks:
            texts.update(map(itemgetter(0), block.words))  # each word's text
        texts_once = list(texts)
        lowercase = compress(texts_once, map(str.islower, map(_first_letter, texts_once)))  # by the first letter
        self.lowercase_words = set(map(fold, lowercase))
        self.capitalised_at: dict[str, list[tuple[int, int]]] = defaultdict(list)  # in document order
        inside_sentences: dict[str, int] = defaultdict(int)
        for block in blocks:
            words, sentence_starts = block.words, block.sentence_starts
            for run in block.runs:
                for n in range(run.first, run.last + 1):
                    word = words[n]
                    key = word.key
                    self.capitalised_at[key].append((block.index, word.start))
                    if n not in sentence_starts:  # (the block's first word starts one)
                        inside_sentences[key] += 1
        # Written with a capital inside sentences again and again, never in lower case: a name
        # even if it looks like an English word ("Channing", "Harding").
        self.recurring = {key for key, count in inside_sentences.items()
                          if count >= RECURRING and key not in self.lowercase_words}
        self.capitalises_nouns = _capitalises_common_nouns(blocks)
        self.recurring_names: set[str] = set()  # recurring words accepted as names inside sentences
        self._by_prefix: dict[str, list[str]] | None = None
        self._changed: set[str] | None = None  # keys `learn` changed the knowledge of (None: all)
        self._strengths: dict[str, float] = {}  # key -> what word_strength says beyond the document
        self._forms: dict[str, bool] = {}  # key -> whether it is a form of a reviewed entry

    def learn(self, mentions: Iterable[Candidate]) -> None:
        """Words of accepted full names, and single words accepted on their own evidence inside
        a sentence, count as name words everywhere in the document."""
        known_before, recurring_before = dict(self.document_words), set(self.recurring_names)
        self._by_prefix = None
        mentions = list(mentions)
        for candidate in mentions:
            if candidate.is_single_word and not candidate.sentence_initial and candidate.score > 0 \
                    and candidate.key in self.recurring:
                self.recurring_names.add(candidate.key)  # "Perkins I am getting to know"
            if candidate.is_single_word and candidate.key not in self.document_words and (
                    not candidate.sentence_initial and candidate.own_score >= SURE_ALONE
                    or candidate.titled and candidate.score > 0 and candidate.key not in self.lowercase_words):
                self.document_words[candidate.key] = candidate.position  # its own evidence, or "Mr. Holmes"
        for candidate in (m for m in mentions if m.is_full_name):
            parts = name_parts(candidate.text)
            if parts.surname:
                self.document_surnames.add(parts.surname)
                self.surname_forms.setdefault(parts.surname, set()).add(" ".join(parts.words))
                if len(parts.words) > 2:
                    self.document_forms.add(" ".join(parts.words))
            for person_id in self._reviewed(self.personography.find(candidate.text)):
                for alias in self.personography.one_word_forms(person_id):  # "Koba" where Stalin is named
                    self.document_words[name_key(alias)] = EVERYWHERE
            for word in parts.word_set():
                if len(word) > 1 and (word not in self.document_words
                                      or candidate.position < self.document_words[word]):
                    self.document_words[word] = candidate.position
        # A word's class changes only where it, or a stem of it, has become a name of the document.
        learned = set(self.document_words) - set(known_before)
        self._changed = {key for key, where in self.document_words.items() if known_before.get(key) != where} \
            | (self.recurring_names - recurring_before)
        for cached in [c for c in self.class_cache if words_a_class_depends_on(fold(c[0]).rstrip(".")) & learned]:
            del self.class_cache[cached]

    def word_strength(self, key: str, position: tuple[int, int] | None = None) -> float:
        """How surely `key` alone is a name word at `position`. A word of a full name seen
        earlier, or already used often, is surer than one whose full name comes only later
        ("in Nikolayev" long before "Leonid Nikolayev")."""
        if key in self.document_words:
            if position is None or self.document_words[key] <= position \
                    or bisect_left(self.capitalised_at.get(key, []), position) >= SALIENT_COUNT:
                return DOCUMENT_WORD_STRENGTH
            return DOCUMENT_WORD_STRENGTH / 2
        found = self._strengths.get(key)
        if found is None:
            found = self._strengths[key] = self._strength_beyond_the_document(key)
        return found

    def _strength_beyond_the_document(self, key: str) -> float:
        """What the lists, the word frequencies and the personography say of `key` (asked often:
        `word_strength` keeps it, as none of them changes while a document is recognised)."""
        lexicon = Lexicon.default()
        if key in lexicon.famous:  # "Dante", "Handel"; "Bacon" and "Washington" only weakly
            if key not in lexicon.famous_ambiguous:
                return FAMOUS_STRENGTH
            return FAMOUS_STRENGTH / 2 if zipf(key) < AMBIGUOUS_WORD else FAMOUS_STRENGTH / 4
        if zipf(key) >= AMBIGUOUS_WORD:  # "Frank", "Service": only with the document's support
            return 0.0
        for role, strength in ROLE_STRENGTH.items():
            # entries tei-tools made itself do not make a word a name: a document converted
            # again must be recognised as it was the first time
            if self._reviewed(self.personography.find_word(key, role)):
                return strength
        return 0.0

    def is_known_form(self, key: str) -> bool:
        """A name form of the personography. One-word forms of entries tei-tools added itself
        do not count: the evidence that made them was thin, and errors must not spread."""
        if " " not in key and zipf(key) >= AMBIGUOUS_WORD and key not in self.document_words:
            return False
        found = self._forms.get(key)
        if found is None:
            found = self._forms[key] = bool(self._reviewed(self.personography.find(key)))
        return found

    def is_part_of_document_form(self, key: str) -> bool:
        padded = f" {key} "
        return any(padded in f" {form} " for form in self.document_forms)

    def is_surname(self, key: str, besides: str = "") -> bool:
        if bool(self.surname_forms.get(key, set()) - {besides}):
            return True
        return bool(self._reviewed(self.personography.find_word(key, "surname")))

    def _reviewed(self, ids: list[str]) -> list[str]:
        return [i for i in ids if not self.personography.person(i).automatic]

    def is_lowercase_in_document(self, key: str) -> bool:
        return key in self.lowercase_words

    def is_recurring(self, key: str) -> bool:
        return key in self.recurring

    def is_recurring_name(self, key: str) -> bool:
        return key in self.recurring_names

    def may_score_otherwise(self, candidate: Candidate) -> bool:
        """A candidate's score depends on what `learn` changes only through the document's name
        words and recurring names (for a single word: its own key) and abbreviations ("Ch.")."""
        if self._changed is None:
            return True
        return candidate.is_single_word and (candidate.key in self._changed or len(candidate.text) <= 3)

    def abbreviated_name(self, key: str) -> str:
        if self._by_prefix is None:  # the document's salient name words by their first letters
            self._by_prefix = defaultdict(list)
            for word in self.document_words:
                if len(word) >= 5 and len(self.capitalised_at.get(word, ())) >= SALIENT_COUNT:
                    for length in (2, 3):
                        self._by_prefix[word[:length]].append(word)
        found = self._by_prefix.get(key, [])
        return found[0] if len(found) == 1 else ""


def _capitalises_common_nouns(blocks: Sequence[JudgedBlock]) -> bool:
    """Whether the document writes common words with a capital inside sentences, on their own
    (not in a run of capitalised words, which may be a name of an institution or a work)."""
    counted = counted_common_texts(Lexicon.default())
    common = capitalised = 0
    for block in blocks:
        if common >= ENOUGH_WORDS:
            break
        words = block.words
        texts = list(map(_text_of, words))
        # the counted words inside sentences, found without a Python loop over the words
        inside = set(compress(count(), map(and_, map(counted, texts), map("word".__eq__, map(_kind_of, words))))) \
            - block.sentence_starts  # (the block's first word starts one)
        common += len(inside)
        for n in compress(count(), map(str.isupper, map(_first_letter, texts))):  # the few capitalised
            if n in inside and not words[n].is_all_caps and not _beside_capital(words, n):
                capitalised += 1
    return common > 200 and capitalised / common > CAPITALISED_NOUNS


_text_of, _kind_of, _first_letter = itemgetter(0), itemgetter(3), itemgetter(0)  # a Word's text, kind; a text's first


def _beside_capital(words, n: int) -> bool:
    return any(0 <= i < len(words) and words[i].kind == "word" and words[i].text[0].isupper() for i in (n - 1, n + 1))


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
        others = sum((c.kind != "name" or c.score < 0) and c.text != "I" for c in group)  # "Lucy & I" tells nothing
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
    things: set[str] = set()  # the keys found to be things or places
    for candidate in candidates:
        if not knowledge.is_known_form(candidate.key) and not (
                candidate.is_single_word and knowledge.word_strength(candidate.key) > 0):
            by_key[candidate.key].append(candidate)
    for group in by_key.values():
        against = sum(c.decisive_against and c.score < 0 for c in group)
        for_person = sum(c.decisive_for and c.score > 0 for c in group)
        if against >= 3 * max(for_person, 1) and all(not c.is_full_name for c in group):
            for_person = 0  # "The Dandy", "this Dandy", "the Dandy's phrase" ... and once "Mr. Dandy"
        if against and not for_person:
            for c in group:
                c.score = min(c.score, -1.0)
            things.add(group[0].key)
        elif for_person and not against:
            for c in group:
                c.score = max(c.score, 1.0)
    given = Lexicon.default().given
    for key, group in by_key.items():  # "Don't you like Dandies" where "the Dandy" is a thing
        if len(key) > 3 and not key.endswith("ss") and things.intersection(plural_stems(key)) \
                and key not in given and not any(c.decisive_for for c in group):
            for c in group:
                c.score = min(c.score, -1.0)


