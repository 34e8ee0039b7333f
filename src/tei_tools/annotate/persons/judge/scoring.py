"""A candidate's own score: what its words, their classes and its cues are worth, before what
the rest of the document adds."""
from __future__ import annotations

import re

from tei_tools.annotate.names import Lexicon, zipf
from tei_tools.annotate.persons.judge.candidate import DECISIVE_POSITIVE, NEGATIVE, POSITIVE, Candidate, Knowledge
from tei_tools.annotate.persons.judge.classes import COMMON_WORD, ENGLISH_ENDING
from tei_tools.annotate.persons.judge.old_spelling import common_word_spelt_otherwise, verb_form
from tei_tools.annotate.persons.judge.segments import NAME_CLASSES
from tei_tools.annotate.persons.words import written_in_syllables

# Cues that a capitalised word is a person even where nouns are capitalised: "Dido's passion",
# "poor Sancho", "old Chaucer".
PERSONAL = frozenset({"possessive", "fond-before"})
# Cues that count against a name even after a title: "Messrs. Hargreaves & Dunn" is a firm.
AGAINST_A_TITLE = frozenset({"firm-after"})
# In a document that capitalises common nouns, a lone capitalised word at least this common
# needs more than its rarity to be a name ("Champagne" 3.9, "Adieu" 2.8; "Froissart" 1.7).
OLD_STYLE_WORD = 2.5
OLD_SPELLING = 1.5  # what a common word spelt the old way or inflected ("Speek", "Camped") takes, alone
# What "Papa", "Mama" (names_kinship_names.txt) written with a capital are worth: a name, if the
# document never writes the word in lower case.
KINSHIP_NAME = 2.0
NOUN_PAIR = 2.0  # what `_plural_nouns` takes from a full name of an old-style document
PLURAL_STEM = 2.5  # "godfather" 3.4, "harem" 3.1: the singular of a capitalised plural is an English noun
ABBREVIATED_NAME = 2.0  # "Ch." for the Channing a document names again and again
PLACE = 4.0  # what being a listed place takes from a word alone
TITLED_PLACE = 1.0  # ... after a title: "Dr. Holland", "Mr. Paris" are surnames
# Endings of place names: Kazakhstan, Stalingrad, Tomsk, Indianapolis, Hyderabad.
PLACE_ENDING = re.compile(r"(?:stan|grad|gorod|sk|polis|abad|pur|shire)$")


def score(candidate: Candidate, lexicon: Lexicon, knowledge: Knowledge) -> float:
    """The candidate's own evidence, before what the rest of the document adds."""
    known_form = knowledge.is_known_form(candidate.key)
    if all(c == "initial" for c in candidate.classes):
        total = 4.0 if known_form else -5.0  # bare initials are a name only when known ("L.D.")
        if candidate.titled and not known_form:
            total = -1.0  # "Mr. D.": with the title's 3, a person named by an initial
    elif candidate.is_full_name:
        total = 4.0 if known_form else 1.0
        if candidate.classes[0] in ("given", "initial", "known"):
            total += 2.0
        if all(c in NAME_CLASSES | {"particle", "generation"} for c in candidate.classes):
            total += 1.0
        if not known_form and knowledge.capitalises_nouns and _plural_nouns(candidate, lexicon):
            total -= NOUN_PAIR  # "Godfathers Godmothers" where nouns are capitalised
    else:
        total = 4.0 if known_form else _single_word_score(candidate, lexicon, knowledge)
        if candidate.expansion:
            total = max(total, ABBREVIATED_NAME)
    for cue in candidate.cues:
        if cue in POSITIVE:
            total += POSITIVE[cue]
        elif cue == "after-possessive" and knowledge.word_strength(candidate.key) >= 2.0:
            continue  # "Dryden's Virgil": a person the document or the lists know
        elif not candidate.titled or cue in AGAINST_A_TITLE:
            total += NEGATIVE[cue]
    return total


def _plural_nouns(candidate: Candidate, lexicon: Lexicon) -> bool:
    """No title, no decisive cue, no word a given name, its abbreviation or an initial, and a
    word the plural of an English noun ("Godfathers Godmothers", "Seraglios Harems"): in a
    document that capitalises its nouns, nouns side by side, not a person."""
    words = candidate.words
    if candidate.titled or candidate.decisive_for or any(
            w.kind == "initials" or w.key in lexicon.given or w.key in lexicon.given_abbreviations for w in words):
        return False
    return any(len(w.key) > 4 and w.key.endswith("s") and not w.possessive and zipf(w.key[:-1]) >= PLURAL_STEM
               for w in words)


def _single_word_score(candidate: Candidate, lexicon: Lexicon, knowledge: Knowledge) -> float:
    key = candidate.key
    strength = knowledge.word_strength(key, candidate.position)
    total = strength
    if strength == 0:
        # a name written in syllables ("Tar-ton-gar-wa-ker", words.py) is as rare as it looks,
        # whatever the frequencies of its syllables make of it
        frequency = 0.0 if written_in_syllables(candidate.text) else zipf(key)
        if candidate.classes[0] == "given" and key not in lexicon.given_ordinary:
            total += 1.0 if candidate.sentence_initial else 1.5  # "Caroline": frequent, but only as a name
        elif candidate.sentence_initial and not knowledge.is_recurring_name(key):
            total += 0.5 if frequency < 1.5 and not ENGLISH_ENDING.search(key) else -1.0
        else:
            total += 1.0 if frequency < 3.0 else 0.5 if frequency < COMMON_WORD else -1.0
        if candidate.classes[0] == "given" and key in lexicon.given_ordinary:
            total += 1.0
        if knowledge.is_lowercase_in_document(key):
            total -= 3.0
        if PLACE_ENDING.search(key):
            total -= 2.0
        if knowledge.capitalises_nouns and candidate.classes[0] != "given" and frequency >= OLD_STYLE_WORD \
                and not knowledge.is_recurring(key) and not candidate.cues & (DECISIVE_POSITIVE | PERSONAL):
            total -= 1.5  # "a glass of Champagne", "Adieu": a noun written the old way
        elif knowledge.capitalises_nouns and candidate.classes[0] != "given" and not candidate.titled \
                and not candidate.cues & (DECISIVE_POSITIVE | PERSONAL) \
                and (common_word_spelt_otherwise(lexicon)(key) or verb_form(lexicon)(key)):
            total -= OLD_SPELLING  # "we would Speek to", "my black Servent", "& Camped", "Huged": a word spelt by ear
    if key in lexicon.places:
        total -= TITLED_PLACE if candidate.titled else PLACE  # "Dr. Holland", "Mr. Paris": a surname
    if key in lexicon.kinship_names and not knowledge.is_lowercase_in_document(key):
        total = max(total, KINSHIP_NAME)  # "Papa & Mama join in kindest remembrances": used as names
    return total
