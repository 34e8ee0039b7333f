"""The persons recogniser's words: the fast tokeniser against its definition, and the word caches."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_tools.annotate.names import Lexicon, fold
from tei_tools.annotate.persons import word_facts
from tei_tools.annotate.persons.words import (clear_piece_tables, find_runs, sentence_starts, starts_sentence,
                                              tokens_of, words_of, written_in_syllables)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ABBREVIATIONS = Lexicon.default().abbreviations

# What a block is made of where the tokeniser has choices to make: capitals and dots
# (initials, abbreviations), apostrophes and hyphens (possessives, compounds), digits, all kinds
# of white space (non-breaking, line breaks, the separators str.split knows), letters outside ASCII.
PIECES = ["L.", "D.", "L.D.", "G.P.U.", "Mr", "Mr.", "St", ".", ",", "Trotsky", "Trotskys", "’", "'", "s", "’s",
          "'s", "Lenin-teacher-friend", "anti", "-", "‐", "O'Brien", "de", "von", "Dé", "1905", "²", "_", "a", "A",
          "x", "Ж", "Ωmega", "Nicholas", "II", "Jr.", "(", "“", "”", "—", "Ch"]
SPACES = [" ", "  ", "\n", "\u00a0", "\t", "\u2003", "\x1c", "\u2028", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=30))
def test_words_are_those_the_token_pattern_finds(parts):
    text = "".join(piece + space for piece, space in parts)
    assert words_of(text, ABBREVIATIONS) == tokens_of(text, ABBREVIATIONS)
    assert words_of(text) == tokens_of(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_words_of_any_text_are_those_the_token_pattern_finds(text):
    assert words_of(text, ABBREVIATIONS) == tokens_of(text, ABBREVIATIONS)


def test_the_seeds_give_the_same_words_both_ways():
    for seed in sorted(SEEDS.glob("*.txt")):
        for paragraph in seed.read_text(encoding="utf-8").split("\n\n"):
            assert words_of(paragraph, ABBREVIATIONS) == tokens_of(paragraph, ABBREVIATIONS), seed.name


SENTENCE_PIECES = PIECES + ["!", "?", ":", ";", "\"", "‘", "’", "'", "…", "[", "—", "Then", "said"]


def _sentence_starts_one_by_one(text):
    words = words_of(text, ABBREVIATIONS)
    return words, {n for n in range(len(words)) if starts_sentence(text, words, n)}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SENTENCE_PIECES), st.sampled_from(SPACES)), max_size=30))
def test_the_sentence_starts_of_a_block_are_the_words_that_start_a_sentence(parts):
    """Found at once for a block, they must be exactly the words `starts_sentence` says open a
    sentence: after breaks, line breaks (white space of every kind around them), chains of
    quotation marks ("." ’ ’), at the block's start and never past its end."""
    text = "".join(piece + space for piece, space in parts)
    words, expected = _sentence_starts_one_by_one(text)
    assert sentence_starts(text, words) == expected


@pytest.mark.parametrize("text, starts", [
    ("", set()), ("\n", set()), ("Then he said. ’ ’ Lenin\nwent", {0, 4, 5, 6, 7}),
    ("a ’ b . ’ c", {0, 4, 5}), ("said\n", {0}), ("\n\nLenin spoke", {0}),
])
def test_sentence_starts_in_examples(text, starts):
    words, expected = _sentence_starts_one_by_one(text)
    assert sentence_starts(text, words) == expected == starts


def test_the_seeds_give_the_same_sentence_starts_both_ways():
    for seed in sorted(SEEDS.glob("*.txt")):
        for paragraph in seed.read_text(encoding="utf-8").split("\n\n"):
            words, expected = _sentence_starts_one_by_one(paragraph)
            assert sentence_starts(paragraph, words) == expected, seed.name


def test_initials_at_the_end_of_a_piece_depend_on_what_follows():
    """The same piece, "L.", is an initial before a name and a letter and a full stop before a
    number: the piece's cache must not give one the other's words."""
    clear_piece_tables()
    before_name = words_of("L. Trotsky", ABBREVIATIONS)
    before_number = words_of("L. 1905", ABBREVIATIONS)
    assert [(w.text, w.kind) for w in before_name] == [("L.", "initials"), ("Trotsky", "word")]
    assert [(w.text, w.kind) for w in before_number] == [("L", "word"), (".", "punct"), ("1905", "number")]
    assert words_of("L. Trotsky", ABBREVIATIONS) == before_name  # now from the cache
    assert words_of("at the end L.", ABBREVIATIONS)[-2:] == tokens_of("at the end L.", ABBREVIATIONS)[-2:]


def test_pieces_are_kept_apart_for_each_set_of_abbreviations():
    clear_piece_tables()
    assert [w.text for w in words_of("Zq. said", frozenset({"zq"}))] == ["Zq.", "said"]
    assert [w.text for w in words_of("Zq. said", frozenset())] == ["Zq", ".", "said"]
    assert [w.text for w in words_of("Zq. said", frozenset({"zq"}))] == ["Zq.", "said"]


def test_the_offsets_are_the_texts_own():
    text = "\u00a0 the  Trotskys’ flat,\n\nMr. L.D. Bronstein’s — anti-Stalin  "
    for word in words_of(text, ABBREVIATIONS):
        assert text[word.start:word.end] == word.text


def test_runs_open_on_capitals_and_particles_as_written_or_folded():
    lexicon = Lexicon.default()
    text = "then de Gaulle and dé Gaulle met Stalin, not von"
    words = words_of(text, lexicon.abbreviations)
    runs = [text[words[r.first].start:words[r.last].end] for r in find_runs(text, words, lexicon.particles)]
    assert runs == ["de Gaulle", "dé Gaulle", "Stalin"]
    assert fold("dé") in lexicon.particles and "dé" not in lexicon.particles  # the folded path is the one tried


def test_word_facts_are_kept_per_lexicon_and_can_be_emptied():
    default = Lexicon.default()
    given = word_facts.counted_common_texts(default)
    assert given("Thomas") is False  # a given name: not counted as a common word
    assert given("house") is True
    other = dataclasses.replace(default, given=default.given - {"thomas"})
    assert word_facts.counted_common_texts(other)("Thomas") is True  # the other lexicon's own answer
    assert word_facts.counted_common_texts(default)("Thomas") is False
    word_facts.counted_common_texts.cache_clear()
    assert word_facts.counted_common_texts(default)("Thomas") is False


@pytest.mark.parametrize("text", ["Trotsky", "Mr.", "STALIN"])
def test_word_key_is_the_words_own(text):
    assert word_facts.word_key(text) == words_of(text, ABBREVIATIONS)[0].key


class _Knowing:
    """A document's knowledge that holds the given words as names (strength 3)."""

    def __init__(self, names=(), recurring=()):
        self.names, self.recurring = set(names), set(recurring)

    def word_strength(self, key, position=None):
        return 3.0 if key in self.names else 0.0

    def is_recurring(self, key):
        return key in self.recurring


def _word(text, possessive=False):
    found = words_of(text, ABBREVIATIONS)[0]
    return found._replace(possessive=possessive)


def test_word_classes_kept_per_process_still_follow_each_document():
    """The lists' part of a word's class is kept across documents; what a document knows is
    asked each time, so the same word is classed by each document's own knowledge."""
    from tei_tools.annotate.persons.judge import classify

    lexicon = Lexicon.default()
    for _ in range(2):  # the second time from the kept facts
        assert classify(_word("Zorbulins"), lexicon, _Knowing({"zorbulin"})) == "group"  # a family
        assert classify(_word("Zorbulins"), lexicon, _Knowing()) == "rare"
        # "the Zorbulins’ flat": a possessive is no plural of a name
        assert classify(_word("Zorbulins", possessive=True), lexicon, _Knowing({"zorbulin"})) == "rare"
        assert classify(_word("Zorbulinian"), lexicon, _Knowing({"zorbulin"})) == "group"  # an adjective
        assert classify(_word("Zorbulin"), lexicon, _Knowing({"zorbulin"})) == "known"
        assert classify(_word("Zorbulin"), lexicon, _Knowing()) == "rare"
        assert classify(_word("Channing"), lexicon, _Knowing(recurring={"channing"})) == "rare"
        assert classify(_word("Channing"), lexicon, _Knowing()) == "common"  # shaped like an English word


def test_runs_cut_from_the_cache_are_cut_as_segments_of_cuts_them():
    """Every run of the seeds, cut the first time and again from the kept cuts, gives the
    segments and the classes `segments_of` gives; a comma after the run is part of the key
    ("Morgan Philips Price, a journalist": the ordinary word before the comma is a surname)."""
    from tei_tools.annotate.persons.evidence import DocumentKnowledge
    from tei_tools.annotate.persons.judge import JudgedBlock, clear_cuts, cut_run, segments_of
    from tei_tools.personography import Personography

    lexicon = Lexicon.default()
    texts = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text(encoding="utf-8").split("\n\n")]
    texts += ["Morgan Philips Price, a journalist", "Morgan Philips Price was there"]
    blocks = [JudgedBlock(n, text, lexicon) for n, text in enumerate(texts)]
    knowledge = DocumentKnowledge(Personography.empty().baseline, blocks)
    clear_cuts()
    compared = 0
    for _ in range(2):
        for block in blocks:
            for run in block.runs:
                run_classes = block._classes(run, lexicon, knowledge)
                expected_classes = dict(zip(range(run.first, run.last + 1), run_classes))
                expected = segments_of(run, block.words, expected_classes, lexicon)
                classes, segments = cut_run(run, block.words, run_classes, lexicon)
                assert (classes, segments) == (expected_classes, expected), block.text[:80]
                compared += 1
    assert compared > 2000
    last_two = [cut_run(b.runs[0], b.words, b._classes(b.runs[0], lexicon, knowledge), lexicon)[1] for b in blocks[-2:]]
    assert last_two[0] != last_two[1]


def test_list_gaps_are_matched_in_place_as_the_anchored_pattern_matched_a_copy():
    """`coordinated` matches the gap between two candidates where it stands; every gap made of
    these bits is a list's gap exactly when the anchored pattern matched the gap cut out."""
    import itertools
    import re

    from tei_tools.annotate.persons.judge import Candidate, coordinated

    anchored = re.compile(r"^\s*(?:,|,?\s+and|,?\s+&|\s*&|\s*(?:--|—|–)\s*)\s*$")
    bits = [",", " ", "and", "&", "--", "—", "\n", "x", "an"]
    listed = 0
    for length in range(1, 4):
        for gap in map("".join, itertools.product(bits, repeat=length)):
            text = "Aristotle" + gap + "Goethe"
            left = Candidate(0, 0, 9, "Aristotle", (), ("rare",))
            right = Candidate(0, 9 + len(gap), len(text), "Goethe", (), ("rare",))
            assert coordinated(text, left, right) == bool(anchored.match(gap)), repr(gap)
            listed += coordinated(text, left, right)
    assert listed > 20


def test_the_mutmut_hook_empties_the_judges_kept_word_classes_and_cuts():
    """tests/conftest.py empties tei-tools' caches before each mutant's tests: it must reach the
    tables the persons judge keeps per process (word classes, run cuts), wherever they live."""
    import conftest

    from tei_tools.annotate.persons.evidence import DocumentKnowledge
    from tei_tools.annotate.persons.judge import JudgedBlock, classes, segments
    from tei_tools.personography import Personography

    lexicon = Lexicon.default()
    block = JudgedBlock(0, "Then Leon Trotsky met Anna Petrova in Moscow.", lexicon)
    block.candidates(lexicon, DocumentKnowledge(Personography.empty().baseline, [block]))
    assert classes.word_class_facts._tables and segments._CUT_TABLES
    conftest._empty_tei_tools_caches()
    assert not classes.word_class_facts._tables and not segments._CUT_TABLES


# ---------------------------------------------------------------- names glued into a token

def _runs(text):
    lexicon = Lexicon.default()
    words = words_of(text, lexicon.abbreviations)
    return [text[words[r.first].start:words[r.last].end] for r in find_runs(text, words, lexicon.particles)]


@pytest.mark.parametrize("text, runs", [
    ("we met 3Anna Petrova there", ["Petrova"]),  # "Anna" starts inside "3Anna"
    ("we met 1905Anna Petrova there", ["Petrova"]),
    ("we met xAnna Petrova there", ["Petrova"]),  # "xAnna" is no capitalised word
    ("we met Anna 3Petrova there", ["Anna"]),
    ("we met 3A. Petrova there", ["Petrova"]),  # initials too
    ("we met 3 Anna Petrova there", ["Anna Petrova"]),  # a number apart: a clean start
    ("we met 3-Anna Petrova there", ["Anna Petrova"]),
    ("we met (Anna Petrova) there", ["Anna Petrova"]),
    ("we met Mr.Petrov there", ["Mr.", "Petrov"]),  # glued after a dot, as before
])
def test_a_run_never_starts_inside_a_token(text, runs):
    assert _runs(text) == runs


def _persnames(text):
    from tei_tools.annotate.persons import annotate_persons
    from tei_tools.model import Block
    from tei_tools.personography import Personography

    [spans] = annotate_persons([Block("p", text, 0)], Personography.empty())
    return [(s.start, s.end) for s in sorted(spans) if s.tag == "persName"]


@pytest.mark.parametrize("glued", ["3Anna", "1905Anna", "xAnna", "²Anna"])
def test_a_name_glued_after_a_digit_or_a_small_letter_is_not_cut_out_of_its_token(glued):
    """"3Anna Petrova" and "xAnna Petrova" read alike: no name starts inside "3Anna"; what
    is marked is whole tokens ("Petrova"), on the unchanged text."""
    clean = "Yesterday Anna Petrova came to Kazan with her brother."
    text = clean.replace("Anna", glued)
    assert [clean[s:e] for s, e in _persnames(clean)] == ["Anna Petrova"]  # the name, written cleanly
    found = _persnames(text)
    for start, end in found:
        assert (start == 0 or text[start - 1].isspace()) and (end == len(text) or not text[end].isalnum())
    assert [text[s:e] for s, e in found] in ([], ["Petrova"])
    other = clean.replace("Anna", "xAnna")
    assert [text[s:e] for s, e in found] == [other[s:e] for s, e in _persnames(other)]


@pytest.mark.parametrize("text, expected", [
    # a name written down by ear, syllable by syllable: one word
    ("the Chief Tar-ton-gar-wa-ker came", ["the", "Chief", "Tar-ton-gar-wa-ker", "came"]),
    ("and Torto-hongar,", ["and", "Torto-hongar", ","]),
    # a name and English words or a suffix: the name apart, as before
    ("a Stalin-era plan", ["a", "Stalin", "era", "plan"]),
    ("Lenin-teacher-friend", ["Lenin", "teacher", "friend"]),
    ("a Trotsky-ite", ["a", "Trotsky", "ite"]),
    ("Close-mouthed", ["Close", "mouthed"]),
])
def test_a_name_written_in_syllables_is_one_word(text, expected):
    assert [w.text for w in words_of(text, ABBREVIATIONS)] == expected
    assert words_of(text, ABBREVIATIONS) == tokens_of(text, ABBREVIATIONS)


def test_written_in_syllables_is_the_tokeniser_s_own_test():
    assert written_in_syllables("Tar-ton-gar-wa-ker") and written_in_syllables("Torto-hongar")
    assert not written_in_syllables("Antonov-Ovseenko")  # capitalised parts: two surnames
    assert not written_in_syllables("Tarton") and not written_in_syllables("Stalin-era")
