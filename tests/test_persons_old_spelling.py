"""Common words spelt by ear or inflected (persons/judge/old_spelling.py)."""
from __future__ import annotations

import pytest

from tei_tools.annotate.names import Lexicon
from tei_tools.annotate.persons.judge.old_spelling import _close, common_word_spelt_otherwise, skeleton, verb_form


def test_a_skeleton_keeps_the_first_letter_and_the_consonants_as_they_sound():
    assert skeleton("Cincerity") == skeleton("sincerity") == "snsrt"
    assert skeleton("Buffaloe") == skeleton("buffalo") == "bfl"
    assert skeleton("Speek") != skeleton("Spain")


def test_close_counts_a_swap_as_one_change():
    assert _close("priaries", "prairies", 1)
    assert not _close("reubin", "robin", 1)
    assert _close("comeing", "coming", 1)


@pytest.mark.parametrize("word", ["speek", "servent", "comeing", "buffaloe", "camped", "squashes"])
def test_common_words_spelt_otherwise(word):
    assert common_word_spelt_otherwise(Lexicon.default())(word)


@pytest.mark.parametrize("word", [
    "pulci",  # an Italian poet: two letters from "pulse", but a short word may differ by one only
    "reubin",  # near "Ruben", a given name, not a common word
    "greene",  # "green" is common, but "Greene" is itself too common a name to be a spelling of it
    "fields",  # a common plural is left to the rules for common words: Fields is a surname
    "crouzatt", "charbono", "regnard",
])
def test_names_that_are_no_spelling_of_a_common_word(word):
    assert not common_word_spelt_otherwise(Lexicon.default())(word)


@pytest.mark.parametrize("word", ["spoke", "shewed", "huged", "delivered", "camped"])
def test_verb_forms(word):
    # a verb of names_verbs.txt, or a past tense of a common verb, spelt right or by ear
    assert verb_form(Lexicon.default())(word)


@pytest.mark.parametrize("word", ["reed", "alfred", "creed", "shed", "lewis", "strung"])
def test_words_that_are_no_verb_forms(word):
    assert not verb_form(Lexicon.default())(word)
