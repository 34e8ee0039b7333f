"""The persons judge (tei_tools.annotate.persons.judge), on sentences of our own."""
from __future__ import annotations

import pytest

from tei_tools.annotate.names import Lexicon
from tei_tools.annotate.persons import annotate_persons
from tei_tools.annotate.persons.evidence import DocumentKnowledge
from tei_tools.annotate.persons.judge import JudgedBlock, classify
from tei_tools.model import Block
from tei_tools.personography import Personography


def persons_by_block(*paragraphs: str) -> list[list[str]]:
    """The persNames of each paragraph, as written."""
    blocks = [Block("p", text, 0) for text in paragraphs]
    spans = annotate_persons(blocks, Personography.empty())
    return [[block.text[s.start:s.end] for s in sorted(found) if s.tag == "persName"]
            for block, found in zip(blocks, spans)]


# ---------------------------------------------------------------- a word's class, kept per document

NAMED = "Ivan Zorbulin was a printer in Kazan."
POSSESSIVE = "He read Zorbulins’ letters aloud."  # "Zorbulins" with a possessive apostrophe
FAMILY = "Both Zorbulins left for Perm."  # "Zorbulins": the family of the Zorbulin named


def test_a_possessive_and_a_plain_word_of_the_same_text_keep_each_its_own_class():
    """The document keeps each word's class, but the class of "Zorbulins" depends on whether it
    is a possessive: whichever form comes first, each is classed as `classify` classes it."""
    lexicon = Lexicon.default()
    for paragraphs in ([NAMED, POSSESSIVE, FAMILY], [NAMED, FAMILY, POSSESSIVE]):
        blocks = [JudgedBlock(n, text, lexicon) for n, text in enumerate(paragraphs)]
        knowledge = DocumentKnowledge(Personography.empty().baseline, blocks)
        knowledge.learn(c for c in blocks[0].candidates(lexicon, knowledge) if c.kind == "name")
        seen = set()
        for block in blocks:
            for run in block.runs:
                words = block.words[run.first:run.last + 1]
                assert block._classes(run, lexicon, knowledge) == tuple(classify(w, lexicon, knowledge) for w in words)
                seen.update((w.text, w.possessive) for w in words if w.text == "Zorbulins")
        assert seen == {("Zorbulins", True), ("Zorbulins", False)}  # both forms were classed
    family = next(w for w in JudgedBlock(0, FAMILY, lexicon).words if w.text == "Zorbulins")
    assert classify(family, lexicon, knowledge) == "group"  # what the wrong key lost for one of them


@pytest.mark.parametrize("first, second", [(POSSESSIVE, FAMILY), (FAMILY, POSSESSIVE)])
def test_a_family_is_no_person_whichever_form_of_its_name_comes_first(first, second):
    found = persons_by_block(NAMED, first, second)
    assert found[0] == ["Ivan Zorbulin"]
    assert found[1 + [first, second].index(FAMILY)] == []  # "Both Zorbulins": a family


def test_the_order_of_the_forms_does_not_change_how_either_is_read():
    one, other = persons_by_block(NAMED, POSSESSIVE, FAMILY), persons_by_block(NAMED, FAMILY, POSSESSIVE)
    assert one[1:] == other[:0:-1]


def test_the_class_key_is_the_words_text_kind_and_possessive():
    """`class_key` picks fields of a Word by position (it runs for every word of every run):
    it must still pick these if Word's fields change."""
    from tei_tools.annotate.persons.judge.classes import class_key

    for word in JudgedBlock(0, "He read Zorbulins’ letters to L.D. Trotsky in 1905.", Lexicon.default()).words:
        assert class_key(word) == (word.text, word.kind, word.possessive)


def test_a_word_ending_in_ss_is_no_plural_of_an_ordinary_word():
    # "Gass" is no plural of "gas" (nor "Moss" of "mos"): a surname, not an ordinary word
    from tei_tools.annotate.persons.judge.classes import is_ordinary_word
    lexicon = Lexicon.default()
    assert not is_ordinary_word("gass", lexicon)
    assert is_ordinary_word("traitors", lexicon)


# ---------------------------------------------------------------- very common words as surnames

@pytest.mark.parametrize("sentence, name", [
    ("After that Frank Little came to town, and they hanged him.", "Frank Little"),
    ("The minister Walter Long spoke for two hours.", "Walter Long"),
    ("Who was Malcolm Little?", "Malcolm Little"),
])
def test_a_listed_common_word_after_a_given_name_is_its_surname(sentence, name):
    assert persons_by_block(sentence) == [[name]]


def test_an_unlisted_common_word_after_a_given_name_is_still_a_word_of_the_sentence():
    """'Then' is no surname: only the words names_surname_words.txt lists pass the frequency
    at which a capitalised word after a given name reads as a word of the sentence."""
    assert "Jonas Then" not in persons_by_block("We met Jonas Then we left.")[0]


@pytest.mark.parametrize("sentence, name", [
    ("He worked in India under Sir Richard Temple, returning in 1880.", "Sir Richard Temple"),
    ("The estate went to Lady Mary Hall in 1790.", "Lady Mary Hall"),
])
def test_a_surname_that_names_buildings_after_a_title_and_a_given_name_is_a_surname(sentence, name):
    assert persons_by_block(sentence) == [[name]]


@pytest.mark.parametrize("sentence, names", [
    ("Pryce was born at Llanidloes, Montgomeryshire, the eldest son of Evan Pryce.", ["Pryce", "Evan Pryce"]),
    ("She was born at Tregaron, Ceredigion, in 1850.", []),
    ("He was born in Moscow, Kameneva said, in a cellar.", ["Kameneva"]),  # a verb after: a person
    ("He lived in Moscow, Lenin said, like a monk.", ["Lenin"]),  # not a birth's or death's place
])
def test_the_word_after_the_place_of_a_birth_or_death_and_a_comma_is_its_county(sentence, names):
    assert persons_by_block(sentence) == [names]


@pytest.mark.parametrize("sentence, names", [
    ("The consignment per S.S. Lusitania has been landed in good order.", []),
    ("We sailed from Suez in the S.S. Arabia with Mr. Ambrose.", ["Mr. Ambrose"]),
    ("Darwin joined HMS Beagle as naturalist; H.M.S. Victory lay at Portsmouth.", ["Darwin"]),
    ("The novels of S.S. Van Dine sold well.", ["S.S. Van Dine"]),  # a person's initials
    ("Dear Sirs, we are, dear Sirs, yours faithfully.", []),
    ("Our agents, Messrs. Dunlop Brothers, will reply direct.", []),
])
def test_ships_salutations_and_firms_are_no_persons(sentence, names):
    assert persons_by_block(sentence) == [names]


def test_a_letter_after_an_abbreviation_and_its_dot_is_no_initial_of_the_name_after():
    """"his brother Sam is in Co. F. Sam Hartley was taken prisoner": F is the company's letter."""
    assert persons_by_block("Joe Hartley's brother Sam is in Co. F. Sam Hartley was taken prisoner.") == \
        [["Joe Hartley", "Sam", "Sam Hartley"]]
    assert persons_by_block("I wrote to Mr. J. T. Wilson at once.") == [["Mr. J. T. Wilson"]]


@pytest.mark.parametrize("sentence, names", [
    ("The hunters returned with two Elk and 3 Buffaloe.", []),
    ("In 1905 Trotsky returned to Petersburg.", ["Trotsky"]),  # a year, no count
    ("We met one Rivet, a trader from the Mandans.", ["Rivet"]),  # "one" names a person too
    ("Remit per H. C. Wilcox, Sec'y.", ["H. C. Wilcox"]),
])
def test_counted_words_and_offices_written_short_are_no_persons(sentence, names):
    assert persons_by_block(sentence) == [names]


@pytest.mark.parametrize("signature", ["Will.", "Frank"])
def test_a_signature_that_is_one_given_name_is_the_writer(signature):
    blocks = [Block("p", "Tell Mother I will be well and frank with her.", 0), Block("signed", signature, 0)]
    spans = annotate_persons(blocks, Personography.empty())[1]
    assert [signature[s.start:s.end] for s in spans if s.tag == "persName"] == [signature.rstrip(".")]


@pytest.mark.parametrize("sentence, name", [
    ("Shannon lost his horse in the night.", "Shannon"),
    ("Drouillard shot a fat buck near the camp.", "Drouillard"),
])
def test_a_rare_word_before_a_verb_of_a_journals_people_is_a_person(sentence, name):
    assert persons_by_block("The hunters returned late.", sentence) == [[], [name]]


def test_a_compass_point_after_from_the_or_wind_is_a_bearing_and_no_ones_initials():
    found = persons_by_block("Fresh gale from the N.W. Shipped a heavy sea. Mr. Bigelow is sick.",
                             "The wind S.S.E. Capt. Ellery took a sight.",
                             "S.E. Hinton wrote the book. We read S.E. Hinton at school.")
    assert found[0] == ["Mr. Bigelow"] and found[1] == ["Capt. Ellery"]
    assert found[2] == ["S.E. Hinton", "S.E. Hinton"]  # initials where no bearing word stands before them
