"""Cutting a run of capitalised words into name segments: without leading titles, places,
organisation words; with the surnames that ordinary words make after given names."""
from __future__ import annotations

from operator import itemgetter

from tei_tools.annotate.names import Lexicon, zipf
from tei_tools.annotate.persons.words import Run, Word

# At or above this a capitalised word is never a surname, even after a given name ("But"), unless
# names_surname_words.txt lists it ("Frank Little") and given names written out stand before it.
FUNCTION_WORD = 5.6
NAME_CLASSES = frozenset({"given", "rare", "known", "initial"})
# Titles only persons bear, after which even a word for a people or party is a surname ("Mr. White",
# "Mrs. French"); after "General" or "Tsar" it stays what it is ("the White General").
HONORIFICS = frozenset({"mr", "mrs", "miss", "ms", "messrs", "mistress", "dr", "madame", "mme", "mlle",
                        "monsieur"})
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
    title = ""
    position = cut
    while position <= run.last:
        if not current:
            length = _title_length(position, run.last, words, classes, lexicon)
            if length:
                title = " ".join(words[i].key for i in range(position, position + length))
                titled, position = True, position + length
                continue
        cls = classes[position]
        if words[position].text == "the" and current and position < run.last:
            current.extend((position, position + 1))  # "Edward the Fourth" (a run holds "the" only so)
            classes[position + 1] = "generation"
            position += 2
            continue
        if cls in NAME_CLASSES or cls == "particle" or (cls == "generation" and current):
            current.append(position)
        elif cls in ("common", "place", "cue", "title") \
                and _can_be_surname(current, position, run, classes, words, lexicon, titled):
            current.append(position)
        elif cls == "common" and _common_middle_name(current, position, run, classes, words):
            current.extend((position, position + 1))  # "John Couch Adams": a middle name and a surname
            position += 1
        elif (cls in ("common", "place") or _people_word_as_surname(cls, title, words[position])) and titled \
                and not current and _titled_surname(position, run, classes, words):
            current.append(position)  # "Mr. Cooper", "Mrs. Coffin", "Miss Wood", "Mr. White": a surname
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
        while len(before) > 1 and classes[before[0]] == "title":
            before = before[1:]  # "Sir Richard Temple": the given name after the title
        if len(before) == 1 and (classes[before[0]] == "given" or words[before[0]].key in lexicon.given
                                 or words[before[0]].key in HONORIFICS) \
                and words[i].key in lexicon.cue_after_surnames:
            classes[i] = "rare"  # "Stuart Hall", "Shirley Temple", "Mr. Hill", "Sir Richard Temple": a surname
            continue
        cut = i + 1
    return cut


def _title_length(position: int, last: int, words: list[Word], classes: RunClasses, lexicon: Lexicon) -> int:
    """Words of the longest title at `position` that has a name word after it in the run."""
    for length in range(min(lexicon.longest_title, last - position), 0, -1):
        phrase = " ".join(words[i].key for i in range(position, position + length))
        after = classes[position + length]
        if phrase in lexicon.titles and (after in NAME_CLASSES | {"common", "particle", "cue", "place"}
                                         or after == "group" and phrase in HONORIFICS):
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
    if classes[position] == "title" and position != run.last and classes[position + 1] != "generation":
        return False  # (before "Jr." it is the surname: "Martin Luther King Jr.")
    if classes[position] == "cue" and words[position].key not in lexicon.cue_after_surnames:
        return False
    if zipf(words[position].key) >= FUNCTION_WORD and not (words[position].key in lexicon.surname_words
                                                           and _after_given_names(naming, classes)):
        return False  # "G.P.U. But ...": a new sentence
    return position == run.last or classes[position + 1] not in ("cue", "common", "place")


def _after_given_names(naming: list[int], classes: RunClasses) -> bool:
    """Given names written out, no initial (whose dot may end a sentence: "G.P.U. But")."""
    return all(classes[i] == "given" for i in naming)


def _common_middle_name(current: list[int], position: int, run: Run, classes: RunClasses, words: list[Word]) -> bool:
    """"John Couch Adams", "Julia Ward Howe": a given name, then two ordinary words that end the
    run, are one person's middle name and surname (not "John" and two words of the sentence)."""
    if len(current) != 1 or classes[current[0]] != "given" or position + 1 != run.last or classes[run.last] != "common":
        return False
    middle, surname = words[position], words[run.last]
    return not middle.possessive and zipf(middle.key) < FUNCTION_WORD and zipf(surname.key) < FUNCTION_WORD


def _ends_a_full_name(naming: list[int], position: int, run: Run, classes: RunClasses, words: list[Word]) -> bool:
    """"Morgan Philips Price, a journalist": an ordinary word that closes a run of a given name
    and another name word, before a comma, is the surname, not a word of the sentence."""
    return len(naming) >= 2 and classes[naming[0]] == "given" and classes[position] == "common" \
        and position == run.last and position + 1 < len(words) and words[position + 1].text == ","


def _people_word_as_surname(cls: str, title: str, word: Word) -> bool:
    """"Mr. White", "Mrs. French": a word for a people or party, singular, after an honorific.
    A plural stays a group or a family ("Miss Woods" is Miss Wood's house)."""
    return cls == "group" and title in HONORIFICS and not word.key.endswith("s")


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
