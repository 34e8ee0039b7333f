"""The class of each capitalised word (given name, place, title, common word, rare word ...),
from the word lists and what the document knows."""
from __future__ import annotations

import re
from operator import itemgetter
from typing import Callable

from tei_tools.annotate.names import Lexicon, fold, is_roman_numeral, plural_stems, zipf
from tei_tools.annotate.persons.judge.candidate import Knowledge
from tei_tools.annotate.persons.word_facts import PerLexicon
from tei_tools.annotate.persons.words import LETTER_MARKS, SHIP_PREFIXES, STEAMSHIP, SUFFIXES, Word

# Zipf frequency at or above which a capitalised word is read as an ordinary English word
# ("Army" 5.1, "Plot" 4.2) rather than a name ("Stalin" 3.7, "Trotsky" 2.9).
COMMON_WORD = 4.0
# Above this even a name the personography knows needs the document's support when used alone
# ("Service" as Robert Service's surname, "Frank").
AMBIGUOUS_WORD = 4.0
# Endings of words for peoples, movements and doctrines: Marxist, Trotskyism, Stalinite, Georgian.
GROUP_ENDING = re.compile(r"(?:isms?|ists?|ites?|ians|ese)$")
# Endings of ordinary English words that a rare-word test would miss (Imagining, Hounded).
ENGLISH_ENDING = re.compile(r"(?:ing|ings|ed|ly|ness|ment|ments|tion|tions|sion|sions|able|ible|ful|less|ous|ive|"
                            r"fold|wise|wards?|hood|ships?|dom|ity|ities|ize|ized|ical|ically)$")
# Endings of adjectives made from words: suburbian, heathish, bluish.
DERIVED_ENDING = re.compile(r"(?:ish|ian|ean|esque|like)$")
MIN_STEM = 3  # letters before an English ending for it to make an English word ("Hounded", not "Ling")


WordClassKey = tuple[str, str, bool]


# All of a Word that `classify` reads: its text, its kind and whether it is a possessive ("the
# Trotskys" is a family, in "the Trotskys’ flat" the same text is a possessive). What a class is
# kept under, per process (`word_class_facts`) and per document (`Knowledge.class_cache`). An
# itemgetter: it is asked for every word of every run, each time a block is judged.
class_key: Callable[[Word], WordClassKey] = itemgetter(0, 3, 4)  # (text, kind, possessive)


def classify(word: Word, lexicon: Lexicon, knowledge: Knowledge) -> str:
    """One of: initial, particle, generation, lower, never, title, group, org, cue, known, given,
    place, common, rare.

    What the word lists say of the word is worked out once per process (`_word_class_facts`);
    only the questions about the document are asked here, in the order the tests stand in."""
    key, early, plural_stem, adjective_stems, organisation, late, ordinary, rare_enough = \
        word_class_facts(lexicon)(class_key(word))
    if early:
        return early
    if plural_stem and knowledge.word_strength(plural_stem) >= 3.0:
        return "group"  # "Napoleons of socialism", "the Trotskys": a kind of person, a family
    if any(knowledge.word_strength(stem) >= 3.0 for stem in adjective_stems):
        return "group"
    if organisation:
        return "org"
    if knowledge.word_strength(key) > 0:
        return "known"
    if late:
        return late
    if ordinary and not (knowledge.is_recurring(key) and rare_enough):
        return "common"
    return "rare"


WordClassFacts = tuple[str, str, str, tuple[str, ...], bool, str, bool, bool]


def _word_class_facts(lexicon: Lexicon, word: WordClassKey) -> WordClassFacts:
    """What `classify` needs to know of a word (text, kind, possessive) beyond the document:
    (key, the class if the lists alone decide it, the stem whose being a name makes a plural a
    family, the stems whose being names make an adjective one, whether it is an organisation
    word, the class of the lists if the document does not know it as a name, whether it is an
    ordinary English word, whether it is rarer than a common word)."""
    text, kind, possessive = word
    key = fold(text).rstrip(".")
    undecided = (key, "", "", (), False, "", False, False)
    if kind == "initials":
        if key.replace(".", "") in LETTER_MARKS or key.replace(".", "") in SHIP_PREFIXES and text != STEAMSHIP:
            return (key, "never") + undecided[2:]  # "P.S.", "N.B.", "H.M.S."; "G.A. Henty" are initials
        return (key, "initial" if text.count(".") < 3 else "acronym") + undecided[2:]  # L.D. but not G.P.U.
    if kind != "word":
        return (key, "lower") + undecided[2:]
    if is_roman_numeral(text) or key in SUFFIXES or text == "the":  # "the" stands in a run only before
        return (key, "generation") + undecided[2:]  # a regnal epithet ("Edward the Fourth", `words`)
    if not text[0].isupper():
        return (key, "particle" if key in lexicon.particles else "lower") + undecided[2:]
    if key in lexicon.not_persons or key in lexicon.ordinary_abbreviations or key in SHIP_PREFIXES:
        return (key, "never") + undecided[2:]
    if key in lexicon.titles:
        return (key, "title") + undecided[2:]
    if key not in lexicon.given and (key in lexicon.groups or _group_word(key) or is_demonym(key, lexicon.places)):
        return (key, "group") + undecided[2:]
    plural = "" if possessive else _plural_of_a_name(key, lexicon)
    adjective = _adjective_of_a_name(key, lexicon)
    if plural is True or adjective is True:
        return (key, "group") + undecided[2:]
    if key in lexicon.cue_after:
        late = "cue"
    elif key in lexicon.given or key in lexicon.given_abbreviations or _compound_given_name(text, key, lexicon):
        late = "given"
    elif key in lexicon.places:
        late = "place"
    elif key in lexicon.kinship_names:
        late = "rare"  # "Mama", as frequent as a common word, is a name when written so (see score)
    else:
        late = ""
    return (key, "", plural or "", adjective or (), key in lexicon.organisations, late,
            is_ordinary_word(key, lexicon), zipf(key) < COMMON_WORD)


word_class_facts = PerLexicon(_word_class_facts)


def _compound_given_name(text: str, key: str, lexicon: Lexicon) -> bool:
    """"Jean-Paul", "Marie-Louise", "Anna-Lena": capitalised parts joined by a hyphen, the first a
    given name (the whole, as wordfreq counts its parts, would pass for a common word)."""
    parts = text.split("-")
    return len(parts) > 1 and all(part[:1].isupper() for part in parts) and key.split("-")[0] in lexicon.given


def _group_word(key: str) -> bool:
    """Marxist, Trotskyism, Stalinite, Georgians; not Lindqvist or Holmquist (surnames)."""
    if not GROUP_ENDING.search(key):
        return False
    return not key.endswith(("qvist", "quist", "kvist", "vist"))


def _plural_of_a_name(key: str, lexicon: Lexicon) -> bool | str:
    """False, True ("Napoleons": a famous name's plural), or the stem whose being a name of the
    document (a word strength of 3) makes the word a plural of a name."""
    if len(key) < 5 or not key.endswith("s") or key in lexicon.given or key in lexicon.famous:
        return False
    stem = key[:-1]
    if stem in lexicon.famous_ambiguous or (stem in lexicon.given and stem not in lexicon.famous):
        return False  # "Daniels", "Williams": surnames
    return True if stem in lexicon.famous else stem


ADJECTIVE_ENDINGS = (("ean", "e"), ("ean", ""), ("ian", ""), ("ian", "e"), ("esque", ""), ("esque", "e"), ("ic", ""))
ADJECTIVE_ENDS = tuple(dict.fromkeys(ending for ending, _ in ADJECTIVE_ENDINGS))


def _adjective_of_a_name(key: str, lexicon: Lexicon) -> bool | tuple[str, ...]:
    """"Carlylean", "Dantesque", "Byronic": an adjective made of a person's name. True when the
    stem is a famous name, else the stems whose being a name of the document (a word strength
    of 3) would make it one (none: False)."""
    if not key.endswith(ADJECTIVE_ENDS):
        return False
    stems = []
    for ending, restored in ADJECTIVE_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 3:
            stem = key[:-len(ending)] + restored
            if stem in lexicon.famous:
                return True
            stems.append(stem)
    return tuple(stems) or False


def words_a_class_depends_on(key: str) -> set[str]:
    """The words whose being a name of the document can change the class of `key` (`classify`
    asks `word_strength` of the word, of its stem as a plural and of its stems as an adjective)."""
    found = {key, key[:-1]}
    if key.endswith(ADJECTIVE_ENDS):
        found.update(key[:-len(ending)] + restored for ending, restored in ADJECTIVE_ENDINGS if key.endswith(ending))
    return found


DEMONYM_ENDINGS = (("ian", ""), ("ian", "a"), ("an", ""), ("an", "a"), ("n", ""), ("ine", "ina"), ("ese", ""),
                   ("ese", "a"), ("i", ""), ("ish", ""), ("ers", ""), ("er", ""))


DEMONYM_ENDS = tuple(dict.fromkeys(ending for ending, _ in DEMONYM_ENDINGS))


def is_demonym(key: str, places: frozenset[str]) -> bool:
    """A word for the people of a listed place: Siberian, Argentine, Viennese, Kronstadters."""
    if not key.endswith(DEMONYM_ENDS):
        return False
    for ending, restored in DEMONYM_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending) + 3 and key[:-len(ending)] + restored in places:
            return True
    return False


def is_ordinary_word(key: str, lexicon: Lexicon) -> bool:
    """A frequent English word, or a rarer one shaped like English (Imagining, Traitors), or one
    made from an ordinary word or a place (Suburbian, Hampstead-Heathish), or a poet's
    contraction (Where'er)."""
    frequency = zipf(key)
    if frequency >= COMMON_WORD:
        return True
    if "'" in key and key.rsplit("'", 1)[1] in ("er", "en", "d", "t", "ll", "re", "ve"):
        return True
    derived = DERIVED_ENDING.search(key)
    if derived:
        stem = key[:derived.start()].rsplit("-", 1)[-1]
        if zipf(stem) >= 3.5 or stem in lexicon.places or zipf(stem + "e") >= 3.5:
            return True
    ending = ENGLISH_ENDING.search(key)
    if frequency >= 2.0 and ending and ending.start() - (key.rfind("-") + 1) >= MIN_STEM:
        return True  # not "Mei-Ling", "Ling": no English word is "l" + "ing"
    return _plural_of_ordinary_word(key, lexicon)


def _plural_of_ordinary_word(key: str, lexicon: Lexicon) -> bool:
    """Traitors, Deputies; not Daniels or Williams, whose stems are given names, nor Gass or
    Moss, which end as no plural does."""
    return len(key) >= 4 and not key.endswith("ss") and any(zipf(stem) >= 3.5 and stem not in lexicon.given for stem in plural_stems(key))
