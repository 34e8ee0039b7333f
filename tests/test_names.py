"""General knowledge about names (annotate/names.py): keys, parts, word frequencies."""
import pytest

from tei_tools.annotate.names import name_key, name_parts, zipf

wordfreq = pytest.importorskip("wordfreq")


@pytest.mark.parametrize("word", ["the", "The", "trotsky", "Stalin", "service", "xqzvw", "champagne", "adieu",
                                  "don't", "o'brien", "co-operate", "née", "Élan", "moskva", "i", "lenin's"])
def test_zipf_agrees_with_wordfreq_on_plain_and_other_words(word):
    # zipf looks plain words up directly; the figure must be the one wordfreq computes
    assert zipf(word) == wordfreq.zipf_frequency(word.lower(), "en")


def test_zipf_tells_common_from_rare_words():
    assert zipf("house") > 4.5 > zipf("kollontai")
    assert zipf("xqzvw") == 0.0


def test_name_key_and_parts():
    assert name_key("L.D.") == name_key("L. D.") == "l d"
    parts = name_parts("Lev Davidovich Bronstein")
    assert (parts.given, parts.surname) == ("lev", "bronstein")
    assert name_parts("Nicholas II").surname is None
