"""Work the quotation rules share (marks found once, the phrases as one pattern) decides as before."""
from __future__ import annotations

import random
import re
from pathlib import Path

from tei_tools.annotate import quotes

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _paragraphs() -> list[str]:
    texts = []
    for seed in sorted(SEEDS.glob("*.txt")):
        texts += seed.read_text(encoding="utf-8").split("\n\n")
    rng = random.Random(3)
    words = ["as follows", "in these words", "put it", "the following", "follows", "put", "it", "wrote", ":",
             "“", "”", "\"", "'", "’", "I", "my", ".", " ", "said", "him"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 14))) for _ in range(2000)]
    return texts


def test_the_phrases_pattern_finds_a_phrase_where_one_of_their_own_patterns_does():
    phrases = quotes.vocabulary().announcement_phrases
    assert phrases
    pattern = quotes._phrases_pattern(phrases)
    for text in _paragraphs():
        last = text.lower()
        assert (pattern.search(last) is not None) == any(
            re.search(rf"\b{re.escape(phrase)}\b", last) for phrase in phrases), text


def test_cues_with_the_marks_found_once_are_those_found_apart():
    for text in _paragraphs():
        cues = quotes.paragraph_cues(text)
        assert cues.balanced == quotes._balanced(text)
        narration = quotes._outside_quotations(text)
        assert cues.words == len(quotes.WORD.findall(narration))
        assert quotes.quoted_stretches(text, marks=quotes._marks(text, quotes.DOUBLE_MARKS)) == \
            quotes.quoted_stretches(text)
