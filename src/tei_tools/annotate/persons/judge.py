"""Which stretches of a block are personal names, judged from the words and their context.

Each run of capitalised words (see `names_text`) is cut into *segments*: the words that can be
part of a name, without a leading title ("Tsar", "Comrade", "Mr."), sentence-initial ordinary
words ("When", "Kill"), places, peoples or organisation words. Each segment becomes a `Candidate`
with a score: evidence for a person (a given name, initials, a title before it, a speech verb
after it, "the writer X") counts up; evidence for a place or a thing ("born in X", "the town of X",
"the journal X", "a X pipe") counts down. The caller adds what only the whole document shows
(the same word elsewhere, lists of names) and keeps candidates whose score is above zero.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Protocol

from tei_tools.annotate.names import Lexicon, fold, is_roman_numeral, name_key, zipf
from tei_tools.annotate.persons.word_facts import PerLexicon
from tei_tools.annotate.persons.words import SUFFIXES, Run, Word, find_runs, starts_sentence, words_of

# Zipf frequency at or above which a capitalised word is read as an ordinary English word
# ("Army" 5.1, "Plot" 4.2) rather than a name ("Stalin" 3.7, "Trotsky" 2.9).
COMMON_WORD = 4.0
# At or above this a capitalised word is never a surname, even after a given name ("But").
FUNCTION_WORD = 5.6
# Above this even a name the personography knows needs the document's support when used alone
# ("Service" as Robert Service's surname, "Frank").
AMBIGUOUS_WORD = 4.0
# Cues that a capitalised word is a person even where nouns are capitalised: "Dido's passion",
# "poor Sancho", "old Chaucer".
PERSONAL = frozenset({"possessive", "fond-before"})
FOND_ADJECTIVES = frozenset({"poor", "dear", "old", "young", "little", "good", "honest", "worthy", "excellent"})
# In a document that capitalises common nouns, a lone capitalised word at least this common
# needs more than its rarity to be a name ("Champagne" 3.9, "Adieu" 2.8; "Froissart" 1.7).
OLD_STYLE_WORD = 2.5
# What "Papa", "Mama" (names_kinship_names.txt) written with a capital are worth: a name, if the
# document never writes the word in lower case.
KINSHIP_NAME = 2.0
ABBREVIATED_NAME = 2.0  # "Ch." for the Channing a document names again and again
# Endings of words for peoples, movements and doctrines: Marxist, Trotskyism, Stalinite, Georgian.
GROUP_ENDING = re.compile(r"(?:isms?|ists?|ites?|ians|ese)$")
# Endings of ordinary English words that a rare-word test would miss (Imagining, Hounded).
ENGLISH_ENDING = re.compile(r"(?:ing|ings|ed|ly|ness|ment|ments|tion|tions|sion|sions|able|ible|ful|less|ous|ive|"
                            r"fold|wise|wards?|hood|ships?|dom|ity|ities|ize|ized|ical|ically)$")
# Endings of adjectives made from words: suburbian, heathish, bluish.
DERIVED_ENDING = re.compile(r"(?:ish|ian|ean|esque|like)$")
# Endings of place names: Kazakhstan, Stalingrad, Tomsk, Indianapolis, Hyderabad.
PLACE_ENDING = re.compile(r"(?:stan|grad|gorod|sk|polis|abad|pur|shire)$")
AUXILIARIES = frozenset("has had have was is were are would will could did does also later then never "
                        "always once soon finally now only often still had just".split())
# What stands between two members of a list, matched in place (fullmatch between the two, no
# copy of the text between them, which may be most of a long block)
COORDINATION = re.compile(r"\s*(?:,|,?\s+and|,?\s+&|\s*&|\s*(?:--|—|–)\s*)\s*")

# Weights of the evidence. Positive for a person, negative against.
POSITIVE = {"titled": 3.0, "verb-after": 2.0, "who-after": 2.0, "role-before": 2.0, "role-after": 1.5,
            "possessive": 0.5, "kin-before": 0.0, "fond-before": 0.5}
NEGATIVE = {"thing-before": -4.0, "place-noun-of": -4.0, "thing-after": -3.0, "place-apposition": -3.0,
            "thing-apposition": -3.0, "determiner": -2.5, "motion-to": -2.0, "place-preposition": -1.5,
            "beside-place": -1.5, "in-phrase": -1.5, "from": -1.0, "place-verb": -2.0, "gloss": -3.0,
            "of-capitalised": -2.0, "after-possessive": -2.5, "the-possessive": -3.0, "work-title": -6.0,
            "epithet": -4.0, "credit-firm": -4.0, "determiner-adjective": -1.5}
DECISIVE_POSITIVE = frozenset(POSITIVE) - {"possessive", "kin-before", "fond-before"}
DECISIVE_NEGATIVE = frozenset(NEGATIVE) - {"from", "in-phrase", "beside-place", "place-verb", "after-possessive",
                                            "determiner-adjective"}
# "Published by Dutton": the name after these and "by" is a firm.
PUBLISHING = frozenset({"published", "printed", "issued", "distributed", "imprint"})


class Knowledge(Protocol):
    """What the caller knows beyond the word lists: the personography and the document."""

    def word_strength(self, key: str, position: tuple[int, int] | None = None) -> float:
        """0 unknown ... 3 certainly a name word (a surname seen in a full name, say), at
        `position` (block, offset) in the document or anywhere."""

    def is_known_form(self, key: str) -> bool:
        """True for a whole name form the personography or the document already holds."""

    def is_lowercase_in_document(self, key: str) -> bool:
        """True when the word also occurs in lower case in the document (an ordinary word)."""

    def is_surname(self, key: str) -> bool:
        """True when the word is the surname of a full name of the document or personography."""

    def is_recurring(self, key: str) -> bool:
        """True when the document writes the word capitalised inside sentences again and again
        and never in lower case."""

    def is_recurring_name(self, key: str) -> bool:
        """True for a recurring word the document accepted as a name inside a sentence."""

    def abbreviated_name(self, key: str) -> str:
        """The one name word the document uses often that `key` ("ch") abbreviates, or ''."""

    def may_score_otherwise(self, candidate: "Candidate") -> bool:
        """False when nothing learnt since the candidate was last scored can change its score."""

    @property
    def capitalises_nouns(self) -> bool:
        """True for a document that capitalises common nouns (letters of the early 1800s)."""

    @property
    def class_cache(self) -> dict[tuple[str, str], str]:
        """Where `JudgedBlock` keeps each word's class while the knowledge stays the same."""


@dataclass
class Candidate:
    """A stretch of a block that may be a personal name, with the evidence found for it."""

    block: int
    start: int
    end: int
    text: str
    words: tuple[Word, ...]
    classes: tuple[str, ...]
    titled: bool = False
    sentence_initial: bool = False
    cues: set[str] = field(default_factory=set)
    own_score: float = 0.0  # from the candidate's own words and context
    score: float = 0.0  # with what the document adds
    kind: str = "name"  # or "place", "organisation", "other": a run that names no person
    title_start: int = -1  # where the title before the name begins ("Mrs." in "Mrs. Dickinson"), or -1
    title_end: int = -1
    title: str = ""  # that title as a key ("mrs", "grand duke")
    run_end: int = -1  # where the run of capitalised words the name was cut from ends
    expansion: str = ""  # for an abbreviation ("Ch."), the document's name word it stands for

    # Worked out once (in __post_init__) from text, words and classes, which never change once
    # the candidate is made, and asked for again and again.
    key: str = field(init=False)  # the text as a name key
    naming_count: int = field(init=False)  # words that are neither particles, generations nor initials
    is_full_name: bool = field(init=False)
    is_single_word: bool = field(init=False)

    def __post_init__(self) -> None:
        classes = self.classes
        self.key = name_key(self.text)
        self.naming_count = sum(c not in ("particle", "generation", "initial") for c in classes)
        # Two naming words, initials and a surname ("Bertram D. Wolfe", "L. D. Trotsky"), or a
        # name and a regnal number ("Nicholas II").
        self.is_full_name = self.naming_count >= 2 or (self.naming_count == 1 and (
            "initial" in classes or "generation" in classes))
        self.is_single_word = len(self.words) == 1 and classes[0] != "initial"

    @property
    def position(self) -> tuple[int, int]:
        return self.block, self.start

    @property
    def decisive_for(self) -> bool:
        return bool(self.cues & DECISIVE_POSITIVE)

    @property
    def decisive_against(self) -> bool:
        return bool(self.cues & DECISIVE_NEGATIVE)


# ---------------------------------------------------------------- classifying words

def classify(word: Word, lexicon: Lexicon, knowledge: Knowledge) -> str:
    """One of: initial, particle, generation, lower, never, title, group, org, cue, known, given,
    place, common, rare.

    What the word lists say of the word is worked out once per process (`_word_class_facts`);
    only the questions about the document are asked here, in the order the tests stand in."""
    key, early, plural_stem, adjective_stems, organisation, late, ordinary, rare_enough = \
        word_class_facts(lexicon)((word.text, word.kind, word.possessive))
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


def _word_class_facts(lexicon: Lexicon, word: tuple[str, str, bool]) -> WordClassFacts:
    """What `classify` needs to know of a word (text, kind, possessive) beyond the document:
    (key, the class if the lists alone decide it, the stem whose being a name makes a plural a
    family, the stems whose being names make an adjective one, whether it is an organisation
    word, the class of the lists if the document does not know it as a name, whether it is an
    ordinary English word, whether it is rarer than a common word)."""
    text, kind, possessive = word
    key = fold(text).rstrip(".")
    undecided = (key, "", "", (), False, "", False, False)
    if kind == "initials":
        return (key, "initial" if text.count(".") < 3 else "acronym") + undecided[2:]  # L.D. but not G.P.U.
    if kind != "word":
        return (key, "lower") + undecided[2:]
    if is_roman_numeral(text) or key in SUFFIXES:
        return (key, "generation") + undecided[2:]
    if not text[0].isupper():
        return (key, "particle" if key in lexicon.particles else "lower") + undecided[2:]
    if key in lexicon.not_persons or key in lexicon.ordinary_abbreviations:
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
    elif key in lexicon.given or key in lexicon.given_abbreviations:
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
    if frequency >= 2.0 and ENGLISH_ENDING.search(key):
        return True
    return _plural_of_ordinary_word(key, lexicon)


def _plural_of_ordinary_word(key: str, lexicon: Lexicon) -> bool:
    """Traitors, Deputies; not Daniels or Williams, whose stems are given names."""
    if not key.endswith("s") or len(key) < 4:
        return False
    stems = [key[:-1]] + ([key[:-3] + "y"] if key.endswith("ies") else [])
    return any(zipf(stem) >= 3.5 and stem not in lexicon.given for stem in stems)


# ---------------------------------------------------------------- cutting runs into segments

NAME_CLASSES = frozenset({"given", "rare", "known", "initial"})
# The classes of a run's words, by each word's index in the block: a run is looked at without
# building anything as long as the block (a one-line source is a single block of millions of words).
RunClasses = dict[int, str]


def classes_between(classes: RunClasses, first: int, last: int) -> tuple[str, ...]:
    return tuple(classes[i] for i in range(first, last + 1))


def segments_of(run: Run, words: list[Word], classes: RunClasses, lexicon: Lexicon) -> list[tuple[list[int], bool]]:
    """The name segments of a run, as (word indexes, whether a title stood before)."""
    indexes = list(range(run.first, run.last + 1))
    if words[run.first].key in lexicon.cue_before and classes[run.first] != "known" and len(indexes) > 1:
        return []  # St. Petersburg, Fort Knox, Lake Baikal: a place or an institution
    _mark_place_phrases(indexes, words, classes, lexicon)
    for i in indexes[:-1]:  # "June Hannam": a month that is also a given name, before a surname
        if classes[i] == "never" and words[i].key in lexicon.given and classes[i + 1] in ("rare", "known"):
            classes[i] = "given"
    cut = _organisation_cut(indexes, words, classes, lexicon)
    segments: list[tuple[list[int], bool]] = []
    current: list[int] = []
    titled = False
    position = cut
    while position <= run.last:
        if not current:
            length = _title_length(position, run.last, words, classes, lexicon)
            if length:
                titled, position = True, position + length
                continue
        cls = classes[position]
        if cls in NAME_CLASSES or cls == "particle" or (cls == "generation" and current):
            current.append(position)
        elif cls in ("common", "place", "cue", "title") \
                and _can_be_surname(current, position, run, classes, words, lexicon, titled):
            current.append(position)
        elif cls in ("common", "place") and titled and not current and _titled_surname(position, run, classes, words):
            current.append(position)  # "Mr. Cooper", "Mrs. Coffin", "Miss Wood": a title makes a surname
        else:
            closed = bool(current)
            if current:
                segments.append((current, titled))
            current, titled = [], False
            if closed and cls == "title":
                continue  # "your Devonshire Patriot Mr. Northmore": the title opens the next name
        position += 1
    if current:
        segments.append((current, titled))
    trimmed = [(_trim_particles(segment, classes), titled) for segment, titled in segments]
    return [(segment, titled) for segment, titled in trimmed if segment]


def cut_run(run: Run, words: list[Word], run_classes: tuple[str, ...], lexicon: Lexicon) \
        -> tuple[RunClasses, list[tuple[list[int], bool]]]:
    """`segments_of` the run, with the classes it leaves (it marks places, given names and
    surnames as it cuts). Kept per process: the cut depends only on the run's words as written,
    their classes and whether a comma follows the run, so the same run is cut once, in whatever
    document it stands."""
    first, last = run.first, run.last
    follows = last + 1 < len(words) and words[last + 1].text == ","
    key = (tuple(map(_text_of, words[first:last + 1])), run_classes, follows)
    table = _cuts(lexicon)
    found = table.get(key)
    if found is None:
        classes: RunClasses = dict(zip(range(first, last + 1), run_classes))
        segments = segments_of(run, words, classes, lexicon)
        if len(table) > CUTS_KEPT:
            table.clear()
        found = table[key] = (classes_between(classes, first, last),
                              tuple((tuple(i - first for i in indexes), titled) for indexes, titled in segments))
        return classes, segments
    cut_classes, segments = found
    return (dict(zip(range(first, last + 1), cut_classes)),
            [([first + i for i in indexes], titled) for indexes, titled in segments])


CUTS_KEPT = 100_000
_text_of = itemgetter(0)  # a Word's text
_CUT_TABLES: dict[int, tuple[Lexicon, dict]] = {}


def _cuts(lexicon: Lexicon) -> dict:
    held = _CUT_TABLES.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        if len(_CUT_TABLES) > 8:
            _CUT_TABLES.clear()
        held = _CUT_TABLES[id(lexicon)] = (lexicon, {})
    return held[1]


def clear_cuts() -> None:
    """Forget the runs cut so far (tests; mutmut, through `cache_clear`)."""
    _CUT_TABLES.clear()


clear_cuts.cache_clear = clear_cuts  # type: ignore[attr-defined]


def _mark_place_phrases(indexes: list[int], words: list[Word], classes: RunClasses, lexicon: Lexicon) -> None:
    """Multi-word places ("Mexico City", "New York") are places whatever their words are."""
    n = 0
    while n < len(indexes):
        if words[indexes[n]].key not in lexicon.place_phrase_starts:
            n += 1
            continue
        for length in range(min(lexicon.longest_place, len(indexes) - n), 1, -1):
            phrase = " ".join(words[i].key for i in indexes[n:n + length])
            if phrase in lexicon.places:
                for i in indexes[n:n + length]:
                    classes[i] = "place"
                n += length - 1
                break
        n += 1


def _organisation_cut(indexes: list[int], words: list[Word], classes: RunClasses, lexicon: Lexicon) -> int:
    """Index from which the run may hold names: after the last organisation/place cue word
    ("Putilov Iron Works", "Shidlovsky Commission", "Leon Trotsky Memorial")."""
    cut = indexes[0]
    for n, i in enumerate(indexes[1:], start=1):
        if classes[i] != "cue":
            continue
        before = indexes[:n]
        if len(before) == 1 and classes[before[0]] == "given" and words[i].key in lexicon.cue_after_surnames:
            classes[i] = "rare"  # "Stuart Hall", "Shirley Temple": a surname, not a building
            continue
        cut = i + 1
    return cut


def _title_length(position: int, last: int, words: list[Word], classes: RunClasses, lexicon: Lexicon) -> int:
    """Words of the longest title at `position` that has a name word after it in the run."""
    for length in range(min(lexicon.longest_title, last - position), 0, -1):
        phrase = " ".join(words[i].key for i in range(position, position + length))
        after = classes[position + length]
        if phrase in lexicon.titles and after in NAME_CLASSES | {"common", "particle", "cue", "place"}:
            return length
    return 0


def _can_be_surname(current: list[int], position: int, run: Run, classes: RunClasses, words: list[Word],
                    lexicon: Lexicon, titled: bool) -> bool:
    """An ordinary word, a place or a title after given names or initials is a surname ("Josh
    Ireland", "George Bernard Shaw", "Alexander Pope"), and so is one after any lone name word
    that follows a title ("President Woodrow Wilson"), unless an organisation word follows it."""
    if not current:
        return False
    naming = [i for i in current if classes[i] not in ("particle", "generation")]
    all_given = all(classes[i] in ("given", "initial") or words[i].key in lexicon.given for i in naming)
    if not all_given and not (titled and len(naming) == 1 and classes[naming[0]] in NAME_CLASSES) \
            and not _ends_a_full_name(naming, position, run, classes, words):
        return False
    if classes[position] == "title" and position != run.last:
        return False
    if classes[position] == "cue" and words[position].key not in lexicon.cue_after_surnames:
        return False
    if zipf(words[position].key) >= FUNCTION_WORD:  # "G.P.U. But ...": a new sentence
        return False
    return position == run.last or classes[position + 1] not in ("cue", "common", "place")


def _ends_a_full_name(naming: list[int], position: int, run: Run, classes: RunClasses, words: list[Word]) -> bool:
    """"Morgan Philips Price, a journalist": an ordinary word that closes a run of a given name
    and another name word, before a comma, is the surname, not a word of the sentence."""
    return len(naming) >= 2 and classes[naming[0]] == "given" and classes[position] == "common" \
        and position == run.last and position + 1 < len(words) and words[position + 1].text == ","


def _titled_surname(position: int, run: Run, classes: RunClasses, words: list[Word]) -> bool:
    """A common word right after a title is a surname unless an organisation word follows it
    ("King Street") or it is a function word ("Lord The")."""
    if zipf(words[position].key) >= FUNCTION_WORD:
        return False
    return position == run.last or classes[position + 1] not in ("cue", "org")


def _trim_particles(segment: list[int], classes: RunClasses) -> list[int]:
    while segment and classes[segment[-1]] == "particle":
        segment = segment[:-1]
    for i in segment:
        if classes[i] not in ("particle", "generation"):
            return segment
    return []


# ---------------------------------------------------------------- context

GLOSS_OPENERS = frozenset({"means", "meaning", "(", ",", "which"})  # the first words of a gloss after a word
QUOTE_MARKS = frozenset("\"“”‘’'«»„")


class Context:
    """The words around a segment, lower-cased, for the cue tests."""

    def __init__(self, text: str, words: list[Word], first: int, last: int):
        self.text, self.words = text, words
        while first > 0 and words[first - 1].kind == "punct" and words[first - 1].text in QUOTE_MARKS:
            first -= 1  # the drama “Boris Godunov”: the context is outside the quotation marks
        while last + 1 < len(words) and words[last + 1].kind == "punct" and words[last + 1].text in QUOTE_MARKS:
            last += 1
        self.first, self.last = first, last

    def before(self, k: int) -> str:
        """The k-th word before the segment (1 = just before), '' at the block's start."""
        n = self.first - k
        return self.words[n].text.lower() if n >= 0 else ""

    def after(self, k: int) -> str:
        n = self.last + k
        return self.words[n].text.lower() if n < len(self.words) else ""

    def lowercase_before(self, k: int) -> str:
        """The k-th word before the segment if it is written in lower case, else ''."""
        word = self.word_before(k)
        return word.text if word is not None and word.text[:1].islower() else ""

    def word_before(self, k: int) -> Word | None:
        n = self.first - k
        return self.words[n] if n >= 0 else None

    def word_after(self, k: int) -> Word | None:
        n = self.last + k
        return self.words[n] if n < len(self.words) else None


def context_cues(ctx: Context, lexicon: Lexicon, possessive: bool) -> set[str]:
    """Names of the cues found around a segment (keys of POSITIVE and NEGATIVE)."""
    cues: set[str] = set()
    before1, before2 = ctx.before(1), ctx.before(2)
    after1, after2 = ctx.after(1), ctx.after(2)
    if possessive:
        cues.add("possessive")
    if before1 in lexicon.determiners:
        cues.add("determiner")
        if before1 == "the" and possessive:
            cues.add("the-possessive")  # "the Bronstein's success": a family, a firm
    if (before1 == "of" and before2 == "author") or before1 in ("biography", "novel", "book"):
        if after1 == "(" and ctx.after(2).isdigit() or after1 == ":" and ctx.word_after(2) is not None \
                and ctx.word_after(2).is_capitalised:
            cues.add("work-title")  # "the author of Stalin (1949)", "Stalin: A Biography"
    elif after1 == ":" and ctx.after(2) in ("a", "the") and ctx.after(3) in ("biography", "life", "study", "portrait") \
            and before1 not in ("of", "and", "to", "for", "on", "with"):
        cues.add("work-title")  # "Stalin: A Biography", not "The Death of Kessler: A Life"
    if before1 in ("the", "a") and after1 in ("works", "mill", "mills", "plant", "shipyard", "yards", "foundry"):
        cues.add("thing-after")  # "the Putilov works"
    if before1 in lexicon.place_prepositions:
        cues.add("place-preposition")
    of_what = ctx.word_before(2)
    if before1 == "of" and of_what is not None and of_what.is_capitalised and not of_what.possessive \
            and zipf(of_what.key) < COMMON_WORD and of_what.key not in lexicon.titles:
        cues.add("of-capitalised")  # "Mr. Dickinson of Farley Hill", "the Votary of Vulcan"
    previous = ctx.word_before(1)
    if previous is not None and previous.possessive and previous.is_capitalised \
            and previous.end + 2 >= ctx.words[ctx.first].start - 1:
        cues.add("after-possessive")  # "Dante's Inferno", "Swedenborg's Arcana": a work or a thing
    if before1 in ("to", "from", "into", "towards") and any(ctx.before(k) in lexicon.motion for k in range(2, 6)):
        cues.add("motion-to")
    elif before1 == "from":
        cues.add("from")  # "a mill worker from Oldham", though also "a letter from Lenin"
    if ctx.lowercase_before(1) in lexicon.place_verbs:
        cues.add("place-verb")  # "captured Gatchina", "reached Okhotny Ryad"
    glossed = [after1] + ([ctx.after(k) for k in (2, 3, 4)] if after1 in GLOSS_OPENERS else ["", "", ""])
    if glossed[0] in ("means", "meaning") or (glossed[0] in ("(", ",") and (
            glossed[1] in ("means", "meaning") or glossed[1] == "which" and (
                glossed[2] in ("means", "meant", "translates", "translated")
                or glossed[2] == "literally" and glossed[3] in ("means", "meant", "translated")))) \
            or (glossed[0] == "which" and glossed[1] in ("means", "meant", "literally", "translates", "translated")):
        cues.add("gloss")  # "Tovarisch (which means Comrade)": a word explained, not a name
    place_before = ctx.word_before(2)
    if before1 in ("to", "and", "or", "-", "–") and place_before is not None and place_before.key in lexicon.places:
        cues.add("beside-place")  # "from Pskov to Luga"
    if before1 == "of" and before2 in lexicon.place_nouns:
        cues.add("place-noun-of")
    lower1, lower2 = ctx.lowercase_before(1), ctx.lowercase_before(2)
    if before1 in lexicon.things or (before1 == "," and before2 in lexicon.things) \
            or (before1 == "by" and before2 in PUBLISHING):
        cues.add("thing-before")
    if not possessive and after1 in lexicon.things:
        cues.add("thing-after")
    if after1 == "," and _place_follows(ctx, lexicon):
        cues.add("place-apposition")  # "Yanovka, Russia", "Lakehurst, New Jersey"
    if lower1 in FOND_ADJECTIVES:
        cues.add("fond-before")  # "poor Sancho", "old Chaucer"
    elif lower1 and before2 in ("a", "an", "the") and "determiner" not in cues:
        cues.add("determiner-adjective")  # "an ungrateful Dandy", "the new Mint"
    if lower1 in lexicon.roles or (before1 == "," and lower2 in lexicon.roles):
        cues.add("role-before")
    if lower1 in lexicon.kinship or (before1 == "," and lower2 in lexicon.kinship):
        cues.add("kin-before")  # "their son Lev": not the Lev named earlier in the sentence
    if not possessive:
        verb = after2 if after1 in AUXILIARIES else after1
        if verb in lexicon.verbs:
            cues.add("verb-after")
    if after1 == "who" or (after1 == "," and after2 == "who"):
        cues.add("who-after")
    if after1 == "," and after2 in lexicon.determiners:  # "Max Eastman, the American writer"
        for k in (3, 4, 5):
            noun = ctx.word_after(k)
            if noun is None or noun.kind != "word" or noun.text[0].isupper():
                continue
            if noun.key in lexicon.roles:
                cues.add("role-after")
                break
            if noun.key in lexicon.things:  # "Anmer, the King's horse"
                cues.add("thing-apposition")
                break
    return cues


def _place_follows(ctx: Context, lexicon: Lexicon) -> bool:
    """True when the words after the comma that follows the segment name a listed place."""
    following = [ctx.word_after(k) for k in range(2, 2 + lexicon.longest_place)]
    for length in range(len(following), 0, -1):
        words = following[:length]
        if any(w is None or not w.is_capitalised for w in words) or words[-1].possessive:
            continue
        if " ".join(w.key for w in words) in lexicon.places:
            return True
    return False


# ---------------------------------------------------------------- scoring

def score(candidate: Candidate, lexicon: Lexicon, knowledge: Knowledge) -> float:
    """The candidate's own evidence, before what the rest of the document adds."""
    known_form = knowledge.is_known_form(candidate.key)
    if all(c == "initial" for c in candidate.classes):
        total = 4.0 if known_form else -5.0  # bare initials are a name only when known ("L.D.")
        if candidate.titled and not known_form:
            total = -1.0  # "Mr. D.": with the title's 3, a person named by an initial
    elif candidate.is_full_name:
        total = 4.0 if known_form else 1.0
        if candidate.classes[0] in ("given", "initial", "known"):
            total += 2.0
        if all(c in NAME_CLASSES | {"particle", "generation"} for c in candidate.classes):
            total += 1.0
    else:
        total = 4.0 if known_form else _single_word_score(candidate, lexicon, knowledge)
        if candidate.expansion:
            total = max(total, ABBREVIATED_NAME)
    for cue in candidate.cues:
        if cue in POSITIVE:
            total += POSITIVE[cue]
        elif cue == "after-possessive" and knowledge.word_strength(candidate.key) >= 2.0:
            continue  # "Dryden's Virgil": a person the document or the lists know
        elif not candidate.titled:
            total += NEGATIVE[cue]
    return total


def _single_word_score(candidate: Candidate, lexicon: Lexicon, knowledge: Knowledge) -> float:
    key = candidate.key
    strength = knowledge.word_strength(key, candidate.position)
    total = strength
    if strength == 0:
        frequency = zipf(key)
        if candidate.classes[0] == "given" and key not in lexicon.given_ordinary:
            total += 1.0 if candidate.sentence_initial else 1.5  # "Caroline": frequent, but only as a name
        elif candidate.sentence_initial and not knowledge.is_recurring_name(key):
            total += 0.5 if frequency < 1.5 and not ENGLISH_ENDING.search(key) else -1.0
        else:
            total += 1.0 if frequency < 3.0 else 0.5 if frequency < COMMON_WORD else -1.0
        if candidate.classes[0] == "given" and key in lexicon.given_ordinary:
            total += 1.0
        if knowledge.is_lowercase_in_document(key):
            total -= 3.0
        if PLACE_ENDING.search(key):
            total -= 2.0
        if knowledge.capitalises_nouns and candidate.classes[0] != "given" and frequency >= OLD_STYLE_WORD \
                and not knowledge.is_recurring(key) and not candidate.cues & (DECISIVE_POSITIVE | PERSONAL):
            total -= 1.5  # "a glass of Champagne", "Adieu": a noun written the old way
    if key in lexicon.places:
        total -= 4.0
    if key in lexicon.kinship_names and not knowledge.is_lowercase_in_document(key):
        total = max(total, KINSHIP_NAME)  # "Papa & Mama join in kindest remembrances": used as names
    return total


# ---------------------------------------------------------------- a block's candidates

class JudgedBlock:
    """One block: its words and runs, found once, and the candidates of each run.

    `candidates` may be called again once more is known about the document; a run whose words
    keep their classes keeps its segments and context cues and is only scored again.
    """

    def __init__(self, index: int, text: str, lexicon: Lexicon):
        self.index, self.text = index, text
        self.words: list[Word] = words_of(text, lexicon.abbreviations)
        self.runs: list[Run] = find_runs(text, self.words, lexicon.particles)
        self._judged: dict[int, tuple[tuple[str, ...], list[Candidate]]] = {}
        self._credit: list[re.Match | None] = []
        self._cues: dict[tuple[int, int], frozenset[str]] = {}  # (first, last) -> the context's cues
        self._cues_lexicon: Lexicon | None = None

    def _credit_line(self) -> re.Match | None:
        """The credit line ("From Acme, I'm ...") the block opens with, looked for once."""
        if not self._credit:
            self._credit.append(CREDIT_LINE.match(self.text))
        return self._credit[0]

    def candidates(self, lexicon: Lexicon, knowledge: Knowledge) -> list[Candidate]:
        """Every name-like segment of the block (and every run that names nobody), scored."""
        found = []
        for n, run in enumerate(self.runs):
            classes = self._classes(run, lexicon, knowledge)
            judged = self._judged.get(n)
            fresh = judged is None or judged[0] != classes or _has_adjacent_known(classes)
            if fresh:
                judged = self._judged[n] = (classes, self._judge_run(run, classes, lexicon, knowledge))
            for candidate in judged[1]:
                if candidate.kind == "name" and (fresh or knowledge.may_score_otherwise(candidate)):
                    candidate.expansion = self._expansion(candidate, lexicon, knowledge)
                    candidate.own_score = score(candidate, lexicon, knowledge)
                candidate.score = candidate.own_score
                found.append(candidate)
        return found

    def _context_cues(self, first: int, last: int, lexicon: Lexicon) -> set[str]:
        """`context_cues` of words[first:last + 1], looked for once: they depend on the block's
        words alone, and a run cut again once more is known mostly gives the same segments.
        A new set each time: the caller adds to it."""
        if self._cues_lexicon is not lexicon:
            self._cues, self._cues_lexicon = {}, lexicon
        found = self._cues.get((first, last))
        if found is None:
            found = self._cues[first, last] = frozenset(
                context_cues(Context(self.text, self.words, first, last), lexicon, self.words[last].possessive))
        return set(found)

    def _expansion(self, candidate: Candidate, lexicon: Lexicon, knowledge: Knowledge) -> str:
        """"Took tea with Ch. at Greens'": a capital and a letter or two, then a dot, where the
        document often names one person whose name begins so (Channing)."""
        text, key = candidate.text, candidate.key
        if not (candidate.is_single_word and 2 <= len(text) <= 3 and text[0].isupper() and text[1:].islower()
                and self.text[candidate.end:candidate.end + 1] == "."):
            return ""
        if key in lexicon.titles or key in lexicon.abbreviations or key in lexicon.months \
                or key in lexicon.ordinary_abbreviations or key in lexicon.places or key in lexicon.not_persons:
            return ""
        return knowledge.abbreviated_name(key)

    def _classes(self, run: Run, lexicon: Lexicon, knowledge: Knowledge) -> tuple[str, ...]:
        cache = knowledge.class_cache
        classes = []
        for word in self.words[run.first:run.last + 1]:
            found = cache.get((word.text, word.kind))
            if found is None:
                found = cache[(word.text, word.kind)] = classify(word, lexicon, knowledge)
            classes.append(found)
        return tuple(classes)

    def _judge_run(self, run: Run, run_classes: tuple[str, ...], lexicon: Lexicon, knowledge: Knowledge) -> list[Candidate]:
        text, words = self.text, self.words
        if run.first == run.last and run_classes[0] in ("common", "never", "title") \
                and not _next_to_comma_or_and(words, run.first):
            return []  # "He", "The", "When": the usual capitalised word, no name and in no list
        classes, cut = cut_run(run, words, run_classes, lexicon)
        segments = [(piece, titled) for indexes, titled in cut
                    for piece in _split_adjacent_surnames(indexes, words, classes, lexicon, knowledge)]
        if not segments:
            return [_not_a_name(self.index, text, words, run, classes)]
        found = []
        for indexes, titled in segments:
            first, last = indexes[0], indexes[-1]
            if words[last].end < len(text) and text[words[last].end].isdigit():
                continue  # "Igo6", "U2": a code or a misread number, not a name
            if len(indexes) == 1 and not words[last].possessive and _number_follows(words, last):
                continue  # "Jan 31", "Jan. 31, 2023", "May 1937": a date
            if len(indexes) > 1 and words[last].key in lexicon.months and _number_follows(words, last):
                indexes = indexes[:-1]  # "Cincinnati O. Jan. 22d.": a dateline, the month is no name
                last = indexes[-1]
                if len(indexes) == 1 and classes[last] == "initial" or classes[indexes[0]] == "place":
                    continue
            candidate = Candidate(
                self.index, words[first].start, words[last].end, text[words[first].start:words[last].end],
                tuple(words[first:last + 1]), classes_between(classes, first, last), titled,
                sentence_initial=not titled and starts_sentence(text, words, first), run_end=words[run.last].end)
            context_first = first - _title_words_before(first, run, titled, words, lexicon)
            candidate.cues = self._context_cues(context_first, last, lexicon)
            if titled:
                candidate.cues.add("titled")
                if context_first < first:
                    candidate.title_start, candidate.title_end = words[context_first].start, words[first - 1].end
                    candidate.title = " ".join(w.key for w in words[context_first:first])
            elif len(indexes) == 1 and _in_capitalised_phrase(indexes[0], run, words, classes, text):
                candidate.cues.add("in-phrase")
            if _epithet(first, run, words, classes, lexicon):
                candidate.cues.add("epithet")
            if _credited_firm(text, words, first, last, self._credit_line()):
                candidate.cues.add("credit-firm")
            found.append(candidate)
        return found


def _epithet(first: int, run: Run, words: list[Word], classes: RunClasses, lexicon: Lexicon) -> bool:
    """"a “Little Judas”", "the Iron Chancellor": a determiner, a capitalised adjective or noun,
    then the name-like word: a nickname made of a comparison, not a name."""
    if first == run.first or any(classes[i] != "common" for i in range(run.first, first)):
        return False
    n = run.first - 1
    while n >= 0 and words[n].kind == "punct" and words[n].text in QUOTE_MARKS:
        n -= 1
    return n >= 0 and words[n].key in ("a", "an", "the", "this", "that")


CREDIT_LINE = re.compile(r"\s*From ([^,.;]{1,80}), (?:I[’']m|I am|this is|we are)\b")
SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _credited_firm(text: str, words: list[Word], first: int, last: int, credit: re.Match | None) -> bool:
    """The firms of a credit line: "From Acme and Zenith, I'm ...", "Ann Lee for Acme". `credit`
    is the credit line the block opens with, if any."""
    start = words[first].start
    if credit and credit.start(1) <= start and words[last].end <= credit.end(1) \
            and not SENTENCE_BREAK.search(text, 0, start):
        return True
    return first >= 3 and words[first - 1].key == "for" and words[first - 2].is_capitalised \
        and words[first - 3].is_capitalised and (last + 1 >= len(words) or words[last + 1].key in ("and", ".", ","))


def _number_follows(words: list[Word], n: int) -> bool:
    following = words[n + 1:n + 3]
    if following and following[0].text == ".":
        following = following[1:]
    return bool(following) and following[0].kind == "number"


def _has_adjacent_known(classes: tuple[str, ...]) -> bool:
    """Whether two known words stand side by side, which `_split_adjacent_surnames` judges with
    what the document knows, so the run is cut again each time."""
    return any(a == b == "known" for a, b in zip(classes, classes[1:]))


def _split_adjacent_surnames(indexes: list[int], words: list[Word], classes: RunClasses, lexicon: Lexicon,
                             knowledge: Knowledge) -> list[list[int]]:
    """"Zinoviev and Kamenev Stalin knew": two known surnames side by side, with no given name,
    are two people whose comma the source lost."""
    if len(indexes) < 2 or any(classes[i] != "known" or words[i].key in lexicon.given for i in indexes):
        return [indexes]
    if all(words[i].key in lexicon.famous for i in indexes):  # "great men Bacon Shakespeare"
        return [[i] for i in indexes]
    if all(knowledge.is_surname(words[i].key) for i in indexes) \
            and not knowledge.is_known_form(" ".join(words[i].key for i in indexes)):
        return [[i] for i in indexes]
    return [indexes]


def _in_capitalised_phrase(n: int, run: Run, words: list[Word], classes: RunClasses, text: str) -> bool:
    """True when the word stands among capitalised ordinary words ("Economic Revival", "Holy
    Writ", "Socialist Fatherland"): a title-case phrase, not a name. A sentence's first word
    does not count."""
    for i in range(run.first, run.last + 1):
        if i == n or classes[i] not in ("common", "cue", "group", "org", "never", "place"):
            continue
        if i == run.first and starts_sentence(text, words, i):
            continue
        return True
    return False


def _next_to_comma_or_and(words: list[Word], n: int) -> bool:
    neighbours = [words[i].text for i in (n - 1, n + 1) if 0 <= i < len(words)]
    return any(text in (",", "and", "&", "-", "—", "–") for text in neighbours)


def _not_a_name(block_index: int, text: str, words: list[Word], run: Run, classes: RunClasses) -> Candidate:
    """A run that names no person, kept so that lists can see what stands beside a name
    ("Moscow, Vilno, Kovno, Riga, Revel and Kiev")."""
    run_classes = classes_between(classes, run.first, run.last)
    kind = "place" if "place" in run_classes else "organisation" if {"cue", "org"} & set(run_classes) else "other"
    start, end = run.span(words)
    return Candidate(block_index, start, end, text[start:end], tuple(words[run.first:run.last + 1]),
                     tuple(run_classes), own_score=-10.0, score=-10.0, kind=kind)


def _title_words_before(first: int, run: Run, titled: bool, words: list[Word], lexicon: Lexicon) -> int:
    """How many title words stand between the run's context and the segment."""
    if not titled:
        return 0
    for length in range(min(lexicon.longest_title, first - run.first), 0, -1):
        if " ".join(w.key for w in words[first - length:first]) in lexicon.titles:
            return length
    return 0


def coordinated(text: str, left: Candidate, right: Candidate) -> bool:
    """True when two candidates of a block stand in a list: "Aristotle, Goethe, Marx"."""
    return left.end <= right.start and bool(COORDINATION.fullmatch(text, left.end, right.start))
