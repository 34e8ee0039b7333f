"""What the word lists and the word frequencies say of a word, worked out once per word.

These facts depend only on the word and the `Lexicon` (never on the document or the
personography), so they are kept for the whole process, one table per lexicon: documents of a
batch share them, and a document converted again is judged exactly as before. Anything that
depends on what a document knows is asked of its `DocumentKnowledge`, never kept here.
"""
from __future__ import annotations

from typing import Callable, Hashable

from tei_tools.annotate.names import Lexicon, fold, zipf

WORDS_KEPT = 200_000  # words per table; past it a table starts again (a bound, not a policy)


def word_key(text: str) -> str:
    """A word's key from its text, as `Word.key` makes it."""
    return fold(text).rstrip(".")


class PerLexicon:
    """`facts(lexicon)` is a function of a word (its text, or a tuple of what is known of it),
    memoised per lexicon (by identity: a Lexicon holds a dict and cannot be hashed). It is a
    dict's own look-up, so that `map` over a block's words runs without a Python call for the
    words already seen. `cache_clear` empties every table (tests/conftest.py calls it under
    mutmut)."""

    def __init__(self, decide: Callable[[Lexicon, Hashable], object]):
        self._decide = decide
        self._tables: dict[int, tuple[Lexicon, Callable[[Hashable], object]]] = {}

    def __call__(self, lexicon: Lexicon) -> Callable[[Hashable], object]:
        found = self._tables.get(id(lexicon))
        if found is None or found[0] is not lexicon:
            if len(self._tables) > 8:  # lexicons made by tests: keep only the latest few
                self._tables.clear()
            found = self._tables[id(lexicon)] = (lexicon, _Table(self._decide, lexicon).__getitem__)
        return found[1]

    def cache_clear(self) -> None:
        self._tables.clear()


class _Table(dict):
    """Words already decided; a new one is decided on its first look-up."""

    def __init__(self, decide: Callable[[Lexicon, Hashable], object], lexicon: Lexicon):
        super().__init__()
        self._decide, self._lexicon = decide, lexicon

    def __missing__(self, key: Hashable) -> object:
        if len(self) > WORDS_KEPT:
            self.clear()
        found = self[key] = self._decide(self._lexicon, key)
        return found


def _counted_common_text(lexicon: Lexicon, text: str) -> bool:
    """A word (as written) `_capitalises_common_nouns` counts: common in English (Zipf 4 and
    up) and none of the words the lists give a capital of their own (given names, titles,
    places ...). Asked of any token's text: the caller checks that it is a word."""
    key = word_key(text)
    return not (key in ("i", "o") or zipf(key) < 4.0 or key in lexicon.given or key in lexicon.titles
                or key in lexicon.not_persons or key in lexicon.places or key in lexicon.groups)


counted_common_texts = PerLexicon(_counted_common_text)
