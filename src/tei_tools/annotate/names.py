"""What tei-tools knows about personal names in general: word lists, word frequencies, name keys.

The curated lists live in `tei_tools/data/names_*.txt` (one entry a line, `#` comments) so that an
editor can extend them without touching code. Word frequencies come from the `wordfreq` package
(code Apache-2.0, data CC-BY-SA 4.0) when it is installed; without it every word counts as rare
and the recogniser leans on the lists and on context alone.

Both the personography (to index name forms) and the person recogniser (to judge candidates)
use `name_key` and `NameParts`, so a form written in persons.xml and a form found in a text meet
in the same normalised shape.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from tei_tools.resources import data_dir

APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u2032`"})
HYPHENS = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"})
ROMAN_NUMERAL = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
GENERATION_SUFFIXES = frozenset({"jr", "sr", "jnr", "snr"})
# What follows "the" after a ruler's or a saint's name: "Edward the Fourth", "Catherine the Great".
REGNAL_EPITHETS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                            "thirteenth fourteenth fifteenth sixteenth great elder younger conqueror confessor".split())


# ---------------------------------------------------------------- normalised keys

@lru_cache(maxsize=131072)
def fold(text: str) -> str:
    """Case-folded text without accents, with one kind of apostrophe and hyphen."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.translate(APOSTROPHES).translate(HYPHENS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The form names are compared in: folded, dots dropped, one space between words.

    "L. D." and "L.D." both become "l d"; "Bertram D. Wolfe" becomes "bertram d wolfe".
    """
    return " ".join(fold(text).replace(".", " ").split())


def slug(text: str) -> str:
    """A readable xml:id (an NCName of a-z, 0-9 and '-') from a name in any script.

    "Lev Davidovich Bronstein" -> "lev-davidovich-bronstein", "Лев Толстой" -> "lev-tolstoy",
    "Σωκράτης" -> "sokratis", "Søren Kierkegaard" -> "soren-kierkegaard", "毛泽东" -> "mao-ze-dong".
    Uniqueness is the personography's business (it adds -2, -3 ...).
    """
    words = re.findall(r"[a-z0-9]+", transliterate(text).lower())
    ident = "-".join(words) or "person"
    return ident if ident[0].isalpha() else f"p-{ident}"


def transliterate(text: str) -> str:
    """Latin letters for a name in any script, by `anyascii`; ASCII text is returned as it is.

    anyascii writes each ideograph as a capitalised syllable ("毛泽东" -> "MaoZeDong"); a space
    between such syllables keeps them apart as words.
    """
    if text.isascii():
        return text
    from anyascii import anyascii

    pieces = []
    for character in text:
        latin = anyascii(character) if not character.isascii() else character
        syllable = len(latin) > 1 and latin[0].isupper() and not character.isupper() and not character.istitle()
        pieces.append(f" {latin} " if syllable else latin)
    return "".join(pieces)


# Russian and neighbouring patronymics: Davidovich, Ilyich, Ilyinichna, Petrovna.
PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|inichna|inishna)$")


def looks_patronymic(word: str) -> bool:
    return len(word) > 4 and bool(PATRONYMIC.search(fold(word)))


def plural_stems(key: str) -> list[str]:
    """The singulars a plural may have: "traitors" -> ["traitor"], "deputies" -> ["deputie",
    "deputy"]; none for a word that does not end in s."""
    if not key.endswith("s"):
        return []
    return [key[:-1]] + ([key[:-3] + "y"] if key.endswith("ies") else [])


def is_roman_numeral(word: str) -> bool:
    """II, III, IV ... XXXIX (not "I", which is far more often the pronoun)."""
    return len(word) > 1 and word.isupper() and bool(ROMAN_NUMERAL.match(word))


def generation_mark(text: str) -> str:
    """The mark that tells one of a family's namesakes from another: "iii" of "Josiah Wedmore
    III", "jr" of "John Hale Jr.", "" for a name without one."""
    words = text.replace(".", " ").replace(",", " ").split()
    if len(words) < 2:
        return ""
    last = words[-1]
    return fold(last) if is_roman_numeral(last) or fold(last) in GENERATION_SUFFIXES else ""


# ---------------------------------------------------------------- the parts of a name

@dataclass(frozen=True)
class NameParts:
    """The words of a name (as keys) and which of them are the given name and the surname.

    A one-word name has neither: it may be a surname ("Lenin"), a given name ("Natalia") or an
    alias ("Koba"); the caller decides from context.
    """

    words: tuple[str, ...]
    given: str | None = None
    surname: str | None = None

    @property
    def key(self) -> str:
        return " ".join(self.words)

    def word_set(self) -> frozenset[str]:
        """Every word and each half of a double-barrelled one (antonov-ovseenko, antonov, ovseenko);
        not "the" and its epithet in "Edward the Fourth"."""
        found = {w for i, w in enumerate(self.words) if not _regnal(self.words, i)}
        for word in self.words:
            if "-" in word:
                found.update(half for half in word.split("-") if half)
        return frozenset(found)


@lru_cache(maxsize=16384)
def name_parts(text: str, particles: frozenset[str] = frozenset()) -> NameParts:
    """Split a name into given name and surname by position.

    The given name is the first word when it is neither an initial nor a particle; the surname is
    the last word that is not a generation mark (II, Jr.), an initial or a particle. "Nicholas II"
    has a given name and no surname; "de Gaulle" and "L. D. Trotsky" have a surname only.
    """
    original = text.replace(".", " ").split()
    words = tuple(fold(w) for w in original)
    naming = [i for i, w in enumerate(words)
              if len(w) > 1 and w not in particles and w not in GENERATION_SUFFIXES
              and not is_roman_numeral(original[i]) and not _regnal(words, i)]
    if len(words) < 2 or not naming:
        return NameParts(words)
    given = words[0] if naming[0] == 0 else None
    surname = words[naming[-1]] if len(naming) > 1 or given is None else None
    return NameParts(words, given=given, surname=surname)


def _regnal(words: tuple[str, ...], i: int) -> bool:
    """"the Fourth" of "Edward the Fourth": a regnal number in words, no given name or surname."""
    return i > 0 and (words[i] == "the" and i + 1 < len(words) and words[i + 1] in REGNAL_EPITHETS
                      or words[i] in REGNAL_EPITHETS and words[i - 1] == "the")


# ---------------------------------------------------------------- curated lists and frequencies

def read_list(name: str) -> list[str]:
    """The entries of data/<name>.txt: stripped lines, comments and blank lines left out."""
    path = data_dir() / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def _keys(entries: list[str]) -> frozenset[str]:
    return frozenset(name_key(e) for e in entries)


@dataclass(frozen=True)
class Lexicon:
    """The curated word lists, as name keys (see `name_key`), plus a word-frequency lookup."""

    given: frozenset[str]
    given_ordinary: frozenset[str]  # given names that are also English words ("frank", "grant")
    titles: frozenset[str]  # one or more words: "tsar", "grand duke", "mr"
    particles: frozenset[str]
    places: frozenset[str]  # one or more words: "moscow", "mexico city"
    groups: frozenset[str]
    organisations: frozenset[str]
    cue_after: frozenset[str]
    cue_after_surnames: frozenset[str]  # cue words that are also common surnames ("Hill")
    cue_before: frozenset[str]
    things: frozenset[str]
    roles: frozenset[str]
    verbs: frozenset[str]
    not_persons: frozenset[str]
    determiners: frozenset[str]
    place_prepositions: frozenset[str]
    motion: frozenset[str]
    place_nouns: frozenset[str]
    place_verbs: frozenset[str]
    kinship: frozenset[str]
    abbreviations: frozenset[str]  # words written with a dot: "mr", "st", "gen"
    place_phrase_starts: frozenset[str]  # first words of the places of more than one word
    female_titles: frozenset[str] = frozenset()  # "mrs", "lady": the person is a woman
    male_titles: frozenset[str] = frozenset()
    rank_titles: frozenset[str] = frozenset()  # "captain", "sergeant": held by men as a rule
    female_given: frozenset[str] = frozenset()  # "ada", "mary": given names of women only
    male_given: frozenset[str] = frozenset()
    given_abbreviations: dict[str, str] = field(default_factory=dict)  # "jas" -> "James"
    famous: frozenset[str] = frozenset()  # well-known persons named by one word: "dante", "handel"
    famous_ambiguous: frozenset[str] = frozenset()  # ... that are also ordinary words or places: "bacon"
    kin_titles: frozenset[str] = frozenset()  # "aunt", "uncle": a title that names a relative
    months: frozenset[str] = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                                        "oct", "nov", "dec", "january", "february", "march", "april", "june",
                                        "july", "august", "september", "october", "november", "december"})
    kinship_names: frozenset[str] = frozenset()  # "papa", "mama": kinship words used as names
    ordinary_abbreviations: frozenset[str] = frozenset()  # "ev" (evening), "ky" (Kentucky): never a name
    surname_words: frozenset[str] = frozenset()  # very common words that are surnames: "little", "long"
    longest_title: int = 1
    longest_place: int = 1

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Lexicon":
        cue_after, given = read_list("names_cue_after"), read_list("names_given")
        title_entries, cue_before = read_list("names_titles"), read_list("names_cue_before")
        titles = _keys(title_entries)
        dotted = [e for e in title_entries + cue_before if e.endswith(".") and " " not in e]
        places = _keys(read_list("names_places"))
        famous = read_list("names_famous")
        given_abbreviations = {name_key(short): full for short, full in
                               (line.split(None, 1) for line in read_list("names_given_abbreviations"))}
        return cls(
            given=_keys([g.rstrip(" *") for g in given]),
            given_ordinary=_keys([g.rstrip(" *") for g in given if g.endswith("*")]),
            titles=titles,
            particles=frozenset(fold(p) for p in read_list("names_particles")),
            places=places,
            groups=_keys(read_list("names_groups")),
            organisations=_keys(read_list("names_organisations")),
            cue_after=_keys([c.rstrip(" *") for c in cue_after]),
            cue_after_surnames=_keys([c.rstrip(" *") for c in cue_after if c.endswith("*")]),
            cue_before=_keys(cue_before),
            things=_keys(read_list("names_things")),
            roles=_keys(read_list("names_roles")),
            verbs=_keys(read_list("names_verbs")),
            not_persons=_keys(read_list("names_not_persons")),
            determiners=_keys(read_list("names_determiners")),
            place_prepositions=_keys(read_list("names_place_prepositions")),
            motion=_keys(read_list("names_motion")),
            place_nouns=_keys(read_list("names_place_nouns")),
            place_verbs=_keys(read_list("names_place_verbs")),
            kinship=_keys(read_list("names_kinship")),
            abbreviations=_keys(dotted) | GENERATION_SUFFIXES | frozenset(given_abbreviations),
            place_phrase_starts=frozenset(p.split()[0] for p in places if " " in p),
            female_titles=_keys(read_list("names_titles_female")),
            male_titles=_keys(read_list("names_titles_male")),
            rank_titles=_keys(read_list("names_titles_ranks")),
            female_given=_keys(read_list("names_given_female")),
            male_given=_keys(read_list("names_given_male")),
            given_abbreviations=given_abbreviations,
            famous=_keys([f.rstrip(" *") for f in famous]),
            famous_ambiguous=_keys([f.rstrip(" *") for f in famous if f.endswith("*")]),
            ordinary_abbreviations=_keys(read_list("names_abbreviations")),
            kinship_names=_keys(read_list("names_kinship_names")),
            surname_words=_keys(read_list("names_surname_words")),
            kin_titles=frozenset(t for t in titles if t in _keys(read_list("names_kinship"))
                                 or t in ("auntie", "grandpa", "grandma", "bro")),
            longest_title=max(len(t.split()) for t in titles),
            longest_place=max(len(p.split()) for p in places),
        )


PLAIN_WORD = re.compile(r"[a-z]+")
ZIPF_FLOOR = 1e-9  # the frequency wordfreq gives an unknown word: 0 on the Zipf scale


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common `word` is in English on the Zipf scale (0 unknown ... 7.7 "the")."""
    try:
        from wordfreq import get_frequency_dict, zipf_frequency
    except ImportError:  # optional: without it every word counts as rare
        return 0.0
    word = word.lower()
    if PLAIN_WORD.fullmatch(word):
        # The common case, looked up directly: wordfreq would tokenize the word first (most of
        # its cost), and a word of plain letters is its own single token. The rounding is
        # wordfreq's own (three significant digits, then hundredths of a Zipf unit), so the
        # figure is the one zipf_frequency gives (tests/test_names.py checks it).
        # (called as wordfreq calls it, so that its cache holds one table, not two)
        frequency = max(get_frequency_dict("en", "best").get(word, 0.0), ZIPF_FLOOR)
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
        return round(math.log(frequency, 10) + 9, 2)
    return zipf_frequency(word, "en")
