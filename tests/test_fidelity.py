"""tei_tools.fidelity: a lost, changed or added word is reported where it is, at once, on the
largest document there is (a fidelity failure must be a message, not a CI time-out)."""
from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED, needs_shared
from tei_tools import fidelity
from tei_tools.fidelity import Difference, compare
from tei_tools.xml import parse_file

CORPUS = SHARED / "corpus"


def text_of(count: int) -> list[str]:
    return [f"w{n % 977}" for n in range(count)]  # repetitive, like real prose


def test_identical_texts_have_no_difference():
    assert compare(text_of(5000), text_of(5000)) == []
    assert compare([], []) == []


def test_a_lost_word_is_reported_at_its_place_and_nothing_else():
    source = text_of(50_000)
    edition = source[:31_234] + source[31_235:]
    assert compare(source, edition) == [Difference("missing", 31_234, (source[31_234],))]


def test_a_changed_word_is_missing_and_added_at_one_place():
    source = text_of(20_000)
    edition = source[:100] + ["Stalin"] + source[101:]
    assert compare(source, edition) == [Difference("missing", 100, (source[100],)), Difference("added", 100, ("Stalin",))]


def test_a_long_insertion_is_reported_as_added_only():
    source = text_of(30_000)
    inserted = [f"ad{n}" for n in range(3000)]
    edition = source[:12_000] + inserted + source[12_000:]
    assert compare(source, edition) == [Difference("added", 12_000, tuple(inserted))]


def test_a_lost_paragraph_at_the_very_end_is_reported():
    source = text_of(10_000)
    assert compare(source, source[:-40]) == [Difference("missing", 9960, tuple(source[-40:]))]


def test_a_difference_reads_as_one_line():
    line = str(Difference("missing", 7, ("Anna", "came")))
    assert line == "missing at word 7 of the source: 'Anna came'" and "\n" not in line


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=60), data=st.data())
def test_the_first_difference_is_where_the_texts_first_part(words, data):
    edited = list(words)
    if data.draw(st.booleans()) and words:
        del edited[data.draw(st.integers(0, len(words) - 1))]
    else:
        edited.insert(data.draw(st.integers(0, len(words))), "e")
    differences = compare(words, edited)
    first = next((i for i, (x, y) in enumerate(zip(words, edited)) if x != y), min(len(words), len(edited)))
    assert differences and differences[0].position == first
    assert compare(words, list(words)) == []


def _largest_corpus_document():
    documents = sorted(CORPUS.glob("*/*.xml"), key=lambda p: p.stat().st_size)
    return documents[-1]


@needs_shared
@pytest.mark.slow
def test_a_planted_change_in_the_largest_corpus_document_is_found_with_a_bounded_diff(monkeypatch):
    words = fidelity.tei_text_words(parse_file(_largest_corpus_document()).getroot())
    assert len(words) > 100_000
    middle = len(words) // 2
    planted = words[:middle] + ["PLANTED"] + words[middle + 1:]
    sizes = []
    real = difflib.SequenceMatcher

    def recording(*args, a=(), b=(), **kwargs):
        sizes.append((len(a), len(b)))
        return real(*args, a=a, b=b, **kwargs)

    monkeypatch.setattr(fidelity, "SequenceMatcher", recording)
    assert compare(words, planted) == [Difference("missing", middle, (words[middle],)),
                                       Difference("added", middle, ("PLANTED",))]
    assert compare(words, words[:middle] + words[middle + 1:]) == [Difference("missing", middle, (words[middle],))]
    # The quadratic diff only ever sees a window, never the 100,000+ words.
    assert sizes and max(max(pair) for pair in sizes) <= fidelity.WINDOW_MAX
