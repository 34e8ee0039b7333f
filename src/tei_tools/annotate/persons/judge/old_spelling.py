"""Common words an older hand spelt its own way, or inflected, and capitalised: "Speek",
"Servent", "Comeing", "Buffaloe", "Cincerity", "Camped", "Squashes". Where a document capitalises
its nouns (`DocumentKnowledge.capitalises_nouns`), such a word standing alone is that word, not a
name, however rare its spelling makes it look.

Only wordfreq's frequencies are read (no list to keep): a written form is a spelling of an English
word when both sound alike (the same consonant skeleton, `skeleton`) and differ by a letter or two
(`_close`), and the English word is common while the written form is not."""
from __future__ import annotations

import re
from functools import lru_cache

from tei_tools.annotate.names import Lexicon, plural_stems, zipf
from tei_tools.annotate.persons.word_facts import PerLexicon

NEAR_WORD = 4.0  # how common (Zipf) the English word a spelling stands for must be ("servant" 4.1)
RARER_BY = 2.0  # ... and how much more common than the form written ("Servent" 1.5; "Greene" 3.8 is no "green")
STEM_WORD = 3.5  # how common the stem of a plural or of a verb form must be ("squash" 3.6, "camp" 4.8)
RARE_PLURAL = 2.5  # a plural rarer than this whose singular is common ("Squashes" 2.3; "Fields" is a surname)
SHORT = 6  # up to this length a spelling may differ by one letter only ("Speek"; "Pulci" is no "pulse"), else by two
_SOFT_C = re.compile(r"c(?=[eiy])")
_VOWELS = str.maketrans("", "", "aeiouy")
_PLAIN = re.compile(r"[a-z]+")


def skeleton(word: str) -> str:
    """What a word sounds like, roughly: its first letter and its consonants, c and k and q alike,
    soft c as s, doubled letters once ("Cincerity" and "sincerity": snsrt)."""
    s = _SOFT_C.sub("s", word.lower()).replace("ck", "k").replace("ph", "f").replace("q", "k") \
        .replace("c", "k").replace("z", "s")
    s = s[:1] + s[1:].translate(_VOWELS)
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=1)
def _common_by_skeleton() -> dict[str, tuple[str, ...]]:
    """The common English words (Zipf NEAR_WORD and more), by skeleton. Made once per process,
    the first time a document that capitalises its nouns has a rare word alone."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # optional, as in `names.zipf`: without it no spelling is recognised
        return {}
    floor = 10 ** (NEAR_WORD - 9)
    found: dict[str, list[str]] = {}
    for word, frequency in get_frequency_dict("en", "best").items():
        if frequency >= floor and len(word) >= 3 and _PLAIN.fullmatch(word):
            found.setdefault(skeleton(word), []).append(word)
    return {key: tuple(sorted(words)) for key, words in found.items()}


def _close(a: str, b: str, most: int) -> bool:
    """Whether a and b differ by at most `most` letters inserted, removed, changed or swapped."""
    if abs(len(a) - len(b)) > most:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > most:
            return False
        previous2, previous = previous, current
    return previous[-1] <= most


def _is_common_word_spelt_otherwise(lexicon: Lexicon, key: str) -> bool:
    word = key.lower()
    if not _PLAIN.fullmatch(word) or len(word) < 4 or word in lexicon.given:
        return False
    frequency = zipf(word)
    stems = _verb_stems(word) + (_noun_stems(word) if frequency < RARE_PLURAL else [])
    for stem in stems:  # "Camped", "Squashes": a verb, a noun
        if len(stem) >= 4 and zipf(stem) >= STEM_WORD and stem not in lexicon.given and stem not in lexicon.places:
            return True
    most = 1 if len(word) <= SHORT else 2
    for near in _common_by_skeleton().get(skeleton(word), ()):
        if near != word and abs(len(near) - len(word)) <= 1 and near not in lexicon.given and near not in lexicon.places \
                and near not in lexicon.famous and zipf(near) >= frequency + RARER_BY and _close(word, near, most):
            return True
    return False


def _noun_stems(word: str) -> list[str]:
    """"squashes" -> squashe, squash; "bottles" -> bottle."""
    return plural_stems(word) + ([word[:-2]] if word.endswith("es") else [])


def _verb_stems(word: str) -> list[str]:
    """"camped" -> camp, campe; "comeing" -> come, comeing's own stem."""
    if word.endswith("ed") and len(word) > 5:
        return [word[:-2], word[:-1]]
    if word.endswith("ing") and len(word) > 6:
        return [word[:-3], word[:-3] + "e"]
    return []


common_word_spelt_otherwise = PerLexicon(_is_common_word_spelt_otherwise)


def _is_verb_form(lexicon: Lexicon, key: str) -> bool:
    """A verb a person does ("spoke", names_verbs.txt), or a past tense, spelt right or by ear,
    of a common verb ("Shewed", "Huged", "Delivered"): what "Capt. Lewis Shewed them" goes on
    with after the name, where a document capitalises such words. A given name that ends so
    ("Alfred") is none, nor a stem too short to be a verb's ("Reed")."""
    word = key.lower()
    if word in lexicon.verbs:
        return True
    if not (_PLAIN.fullmatch(word) and word.endswith("ed") and len(word) >= 5) or word in lexicon.given:
        return False
    return any(len(stem) >= 3 and zipf(stem) >= STEM_WORD for stem in (word[:-1], word[:-2])) \
        or _is_common_word_spelt_otherwise(lexicon, word)


verb_form = PerLexicon(_is_verb_form)
