"""Words of a block and the runs of capitalised words in it that may be personal names.

A *run* is a stretch of words written like a name, joined by single spaces: capitalised words,
initials ("D.", "L.D."), lower-case particles inside a name ("de", "von"), regnal numbers ("II")
and "Jr."/"Sr.". "the Tsar Nicholas II’s court" gives the run "Tsar Nicholas II" (possessive
noted). A run never starts inside a token: a word glued after a digit ("3Anna Petrova") opens
none, as a word that starts with a small letter ("xAnna") is no capitalised word; the whole
words after it ("Petrova") may. Deciding what in a run is a person's name is left to `judge`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import compress, count
from operator import itemgetter, not_, or_
from typing import NamedTuple

from tei_tools.annotate.names import REGNAL_EPITHETS, fold, is_roman_numeral, zipf

HYPHEN_CHARS = "-\u2010\u2011"
APOSTROPHE_CHARS = "'\u2019"
# Letters, with inner apostrophes (O'Brien) and hyphens (Antonov-Ovseenko, Lenin-teacher-friend).
LETTERS = r"[^\W\d_]+"
WORD_PART = rf"{LETTERS}(?:[{APOSTROPHE_CHARS}]{LETTERS})*"
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f"
WORD_RE = re.compile(
    rf"(?P<initials>(?:[{UPPER}]\.){{2,}}|[{UPPER}]\.(?=\s*[^\W\d_]))"
    rf"|(?P<word>{WORD_PART}(?:[{HYPHEN_CHARS}]{WORD_PART})*)"
    r"|(?P<number>\d+)"
    r"|(?P<punct>\S)")
# The same tokens, each with the spaces before it, for `re.findall` (far quicker than a Python
# loop over `finditer`'s match objects): (spaces, initials, word, number, punct).
TOKEN_RE = re.compile(r"(\s*)(?:" + WORD_RE.pattern.replace("(?P<initials>", "(").replace("(?P<word>", "(")
                      .replace("(?P<number>", "(").replace("(?P<punct>", "(") + ")")
POSSESSIVE_RE = re.compile(rf"[{APOSTROPHE_CHARS}]s$")
# Characters after which a capital letter starts a sentence (or a quotation, or a clause
# that behaves like one).
SENTENCE_BREAKS = set(".!?:;\"“”‘(—–…[") | {"\n"}
SUFFIXES = frozenset({"jr", "sr", "jnr", "snr"})
# A letter's marks written like initials, as their letters: "P.S.", "P. P. S.", "N.B." are no one's initials
LETTER_MARKS = frozenset({"ps", "pps", "nb"})
# What stands before a ship's name, with dots or without ("H.M.S. Beagle", "RMS Titanic"): no initials.
# "S.S." may be a person's ("S.S. Van Dine"): a steamship's only after "the", "per", "aboard"
# (judge.context); "SS" without dots is one too.
SHIP_PREFIXES = frozenset({"ss", "hms", "rms", "uss", "hmas", "hmcs", "hmt", "hmy"})
STEAMSHIP = "S.S."
_KEYS: dict[str, str] = {}  # a word's text -> its key, for Word.key, asked for again and again
KEYS_KEPT = 200_000


class Word(NamedTuple):
    """A word (or punctuation mark) of a block, at text[start:end]."""

    text: str
    start: int
    end: int
    kind: str  # "word", "initials", "number" or "punct"
    possessive: bool = False  # followed by 's (not part of text/end)
    joined_before: bool = False  # glued to the previous word by a hyphen ("anti-Stalin")

    @property
    def key(self) -> str:
        try:
            return _KEYS[self.text]
        except KeyError:
            if len(_KEYS) > KEYS_KEPT:
                _KEYS.clear()
            key = _KEYS[self.text] = fold(self.text).rstrip(".")
            return key

    @property
    def is_capitalised(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()

    @property
    def is_all_caps(self) -> bool:
        if not self.text.isupper():  # the common case, and exact: some letter is not a capital
            return False
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


def words_of(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Word]:
    """The block's words; hyphenated words split where a part is not capitalised, possessive 's
    removed from the word and noted, so "Lenin‑teacher‑friend" gives "Lenin" and "Stalin’s"
    gives "Stalin". A word on `abbreviations` (folded, without its dot: "mr", "st") keeps the
    dot that follows it ("Mr.", "St.").

    The words are those `tokens_of` finds, found faster: no token spans white space, so the
    text is cut at white space (`str.split`, which knows the same white space as the pattern
    does) and only the pieces that are not plain letters are tokenised, each once per process:
    a piece is tokenised alike wherever it stands, except that initials ("L.") at its end need
    a letter after the spaces that follow (the pattern's look-ahead), so that is part of its key."""
    found: list[Word] = []
    append, new, find = found.append, tuple.__new__, text.find  # new: a Word without a Python call
    pieces = text.split()
    tokenised = _piece_tokens(abbreviations)
    end = 0
    for n, piece in enumerate(pieces):
        start = find(piece, end)  # its first occurrence after the previous piece: only spaces lie between
        end = start + len(piece)
        if piece.isalpha():  # a word of letters alone, the common case
            append(new(Word, (piece, start, end, "word", False, False)))
            continue
        letter_follows = piece[-1] == "." and n + 1 < len(pieces) and bool(LETTER_RE.match(pieces[n + 1]))
        for token, token_start, token_end, kind, possessive, joined_before in tokenised(piece, letter_follows):
            append(new(Word, (token, start + token_start, start + token_end, kind, possessive, joined_before)))
    return found


LETTER_RE = re.compile(r"[^\W\d_]")
_text_of = itemgetter(0)  # a Word's text
_first_letter = itemgetter(0)  # a text's first character
PIECES_KEPT = 100_000
_PIECE_TABLES: dict[int, tuple[frozenset[str], dict[tuple[str, bool], tuple[tuple, ...]]]] = {}


def _piece_tokens(abbreviations: frozenset[str]):
    """A memoised `tokens_of` for one piece of text between white space, per set of abbreviations
    (by identity, the lexicon's one set in practice): (piece, whether a letter follows it after
    white space) -> the piece's words as tuples, offsets from the piece's start."""
    held = _PIECE_TABLES.get(id(abbreviations))
    if held is None or held[0] is not abbreviations:
        if len(_PIECE_TABLES) > 8:
            _PIECE_TABLES.clear()
        held = _PIECE_TABLES[id(abbreviations)] = (abbreviations, {})
    table = held[1]

    def tokenised(piece: str, letter_follows: bool) -> tuple[tuple, ...]:
        try:
            return table[piece, letter_follows]
        except KeyError:
            if len(table) > PIECES_KEPT:
                table.clear()
            # a space and a letter stand for what follows the piece: white space, then a letter
            found = table[piece, letter_follows] = tuple(
                tuple(word) for word in tokens_of(piece + " a" if letter_follows else piece, abbreviations)
                if word.end <= len(piece))
            return found
    return tokenised


def clear_piece_tables() -> None:
    """Forget the pieces tokenised so far (tests; mutmut, through `cache_clear`)."""
    _PIECE_TABLES.clear()


clear_piece_tables.cache_clear = clear_piece_tables  # type: ignore[attr-defined]


def tokens_of(text: str, abbreviations: frozenset[str] = frozenset()) -> list[Word]:
    """`words_of` by the token pattern over the whole text: its definition, and what it uses for
    the pieces that are not plain letters."""
    found: list[Word] = []
    append, length, new = found.append, len(text), tuple.__new__  # new: a Word without a Python call
    end = 0
    for spaces, initials, word, number, punct in TOKEN_RE.findall(text):
        start = end + len(spaces)
        if word:
            end = start + len(word)
            if word.isalpha() and (end == length or text[end] not in APOSTROPHE_CHARS):
                append(new(Word, (word, start, end, "word", False, False)))  # no hyphen, no apostrophe
            else:
                found.extend(_split_word(word, start, text))
        elif punct:
            end = start + 1
            if punct == "." and found and found[-1].end == start and found[-1].kind == "word" \
                    and not found[-1].possessive and found[-1].key in abbreviations:
                abbreviation = found.pop()
                append(Word(abbreviation.text + ".", abbreviation.start, end, "word", False,
                            abbreviation.joined_before))
            else:
                append(new(Word, (punct, start, end, "punct", False, False)))
        else:
            raw, kind = (initials, "initials") if initials else (number, "number")
            end = start + len(raw)
            append(new(Word, (raw, start, end, kind, False, False)))
    return found


def _split_word(raw: str, start: int, text: str) -> list[Word]:
    end = start + len(raw)
    possessive = bool(POSSESSIVE_RE.search(raw)) and len(raw) > 2
    if possessive:
        raw, end = raw[:-2], end - 2
    elif raw.endswith("s") and end < len(text) and text[end] in APOSTROPHE_CHARS \
            and (end + 1 == len(text) or not text[end + 1].isalpha()):
        possessive = True  # the Trotskys’ apartment
    parts = re.split(rf"([{HYPHEN_CHARS}])", raw)
    pieces = parts[0::2]
    if len(pieces) == 1 or all(p[:1].isupper() for p in pieces) or not any(p[:1].isupper() for p in pieces) \
            or _syllables_of_a_name(pieces):
        return [Word(raw, start, end, "word", possessive)]
    # Mixed: keep each maximal group of capitalised parts as its own word, lower-case parts apart.
    words, position, group_start, group = [], start, None, []
    for n, piece in enumerate(pieces):
        piece_start = position
        position += len(piece) + (1 if n < len(pieces) - 1 else 0)
        if piece[:1].isupper():
            group_start = piece_start if not group else group_start
            group.append(piece)
            continue
        if group:  # the group ends at the hyphen before this piece; its text is the source's
            words.append(Word(text[group_start:piece_start - 1], group_start, piece_start - 1, "word",
                              joined_before=group_start > start))
            group = []
        words.append(Word(piece, piece_start, piece_start + len(piece), "word", joined_before=piece_start > start))
    if group:
        words.append(Word(text[group_start:end], group_start, end, "word", possessive, group_start > start))
    return words


SYLLABLE = 6  # the longest lower-case part of a name written in syllables ("Torto-hongar")
ENGLISH_PART = 3.0  # Zipf at or above which a lower-case part is an English word ("era", "ton")
SUFFIX_PART = re.compile(r"(?:isms?|ists?|ites?|ians?|ese|ish|ean|esque|like)")  # "Trotsky-ite", "Byron-esque"


def _syllables_of_a_name(pieces: list[str]) -> bool:
    """"Tar-ton-gar-wa-ker", "Sah-cah-gar-weah", "Torto-hongar": a capitalised part, then short
    lower-case parts of which one at least is no English word nor a suffix: a name written down
    by ear syllable by syllable, one word. "Stalin-era", "Lenin-teacher-friend", "Close-mouthed"
    are a name (or a word) and English words."""
    if not pieces[0][:1].isupper() or any(not p[:1].islower() or len(p) > SYLLABLE for p in pieces[1:]):
        return False
    return any(zipf(p) < ENGLISH_PART and not SUFFIX_PART.fullmatch(p) for p in pieces[1:])


def written_in_syllables(text: str) -> bool:
    """Whether a word's text is a name written in syllables (`_syllables_of_a_name`)."""
    pieces = re.split(rf"[{HYPHEN_CHARS}]", text)
    return len(pieces) > 1 and _syllables_of_a_name(pieces)


@dataclass(frozen=True)
class Run:
    """Consecutive name-like words of one block: words[first:last + 1] of that block."""

    first: int
    last: int

    def span(self, words: list[Word]) -> tuple[int, int]:
        return words[self.first].start, words[self.last].end


def find_runs(text: str, words: list[Word], particles: frozenset[str]) -> list[Run]:
    """Maximal runs of capitalised words, initials, particles and regnal numbers."""
    runs: list[Run] = []
    count, after_last_run = len(words), 0
    openers = _openers(words, particles)
    for n in openers:
        if n < after_last_run or not _can_start(words, n, particles):
            continue
        last = n
        while last + 1 < count and not words[last].possessive and _continues(text, words, last, particles):
            last += 1
        while last > n and (words[last].key in particles or words[last].kind == "initials"
                            and words[last].text.count(".") == 1 and last + 1 < count
                            and _gap(text, words[last], words[last + 1]) not in (" ", "")):
            last -= 1  # a run does not end on a particle
        runs.append(Run(n, last))
        after_last_run = last + 1
    return runs


def _openers(words: list[Word], particles: frozenset[str]) -> list[int]:
    """Indexes of the words that may open a run: a capital first, or a particle (as written, or
    folded: "dé"). Only these can open one, so the rest are skipped without a Python loop."""
    texts = list(map(_text_of, words))
    capital = map(str.isupper, map(_first_letter, texts))
    openers = list(compress(count(), map(or_, capital, map(particles.__contains__, texts))))
    longest = max(map(len, particles), default=0)
    folded = [n for n in compress(count(), map(not_, map(str.isascii, texts)))
              if len(texts[n]) <= longest and texts[n] not in particles and fold(texts[n]).rstrip(".") in particles]
    return sorted(openers + folded) if folded else openers


def _can_start(words: list[Word], n: int, particles: frozenset[str]) -> bool:
    word = words[n]
    if word.kind == "word" and word.text[0].islower() and len(word.text) > 3:
        return False  # the common case: an ordinary lower-case word (particles are short)
    if n and words[n - 1].end == word.start and words[n - 1].kind == "number":
        return False  # "3Anna", "1905Anna": no clean start (as "xAnna" is no capitalised word)
    if word.kind == "initials":
        return True
    if word.kind != "word" or word.joined_before and not word.is_capitalised:
        return False
    if word.is_capitalised and not word.is_all_caps:
        return True
    # a particle may open a name: "de Gaulle"
    return word.key in particles and n + 1 < len(words) and words[n + 1].is_capitalised \
        and words[n + 1].start == word.end + 1


def _continues(text: str, words: list[Word], last: int, particles: frozenset[str]) -> bool:
    current, following = words[last], words[last + 1]
    if _gap(text, current, following) != " ":
        return False
    if following.kind == "initials":
        return True
    if following.kind != "word":
        return False
    if following.text == "I" and last + 2 < len(words) and words[last + 2].text[:1].islower():
        return False  # "my dear Mary I would": the pronoun, not a regnal number
    if following.is_capitalised and not following.is_all_caps:
        # "from Uncle Fred. Fred says": a name that can be an abbreviation, then the same name:
        # the sentence ended
        return not (current.text[-1] == "." and current.key == following.key)
    if is_roman_numeral(following.text) or following.key in SUFFIXES:
        return current.is_capitalised
    if following.text == "the":  # "Edward the Fourth", "Catherine the Great": a regnal number in words
        return current.is_capitalised and last + 2 < len(words) and words[last + 2].is_capitalised \
            and words[last + 2].key in REGNAL_EPITHETS and _gap(text, following, words[last + 2]) == " "
    if following.key in particles:  # only inside a name: a capitalised word must follow it
        return last + 2 < len(words) and words[last + 2].is_capitalised \
            and _gap(text, following, words[last + 2]) == " "
    return False


def _gap(text: str, left: Word, right: Word) -> str:
    """What stands between two words, with non-breaking spaces read as spaces."""
    return text[left.end:right.start].replace("\u00a0", " ")


def sentence_starts(text: str, words: list[Word]) -> frozenset[int]:
    """The indexes of the words that `starts_sentence`, found for the whole block at once
    (it is asked of most words of a block, some many times): only the words after a sentence
    break, after a line break or after a quotation mark can be one, and those are found without
    a Python loop over the others."""
    if not words:
        return frozenset()
    texts = list(map(_text_of, words))
    # only a punctuation token is a single mark, so a text among the marks is a punctuation mark
    starts = {0, *compress(count(1), map(SENTENCE_BREAKS.__contains__, texts[:-1]))}
    if "\n" in text:  # the word after each line break; no word holds white space
        word_starts = list(map(_start_of, words))
        at = text.find("\n")
        while at >= 0:
            starts.add(bisect_right(word_starts, at))
            at = text.find("\n", at + 1)
        starts.discard(len(words))  # a line break after the last word
    for n in compress(count(1), map(QUOTES.__contains__, texts[:-1])):  # in order: ." ’ ’ chains
        if n >= 2 and n - 1 in starts:
            starts.add(n)
    return frozenset(starts)


_start_of = itemgetter(1)  # a Word's start
QUOTES = frozenset("'‘’")


def starts_sentence(text: str, words: list[Word], n: int) -> bool:
    """True when words[n] opens the block, a sentence, a line, a quotation or a parenthesis."""
    if n == 0:
        return True
    previous = words[n - 1]
    if "\n" in text[previous.end:words[n].start]:
        return True
    if previous.kind == "punct" and previous.text in SENTENCE_BREAKS:
        return True
    if previous.kind == "punct" and previous.text in "'‘’" and n >= 2:  # ." ’ or a single quote
        return starts_sentence(text, words, n - 1)
    return False
