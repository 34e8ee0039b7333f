"""Quotations: inline stretches in double quotation marks, and block quotations in narratives.

Inline (`annotate_quotes`): every stretch enclosed in double quotation marks, curly (“…”) or
straight ("…"), becomes a `q` span that includes its marks, whatever its function (speech,
citation, scare quotes, titles); TEI's `q` is the element for quoted material when nothing finer
is reliable. Single quotation marks are annotated only in a text that quotes with them, as
British printing does (‘…’ outside, “…” inside: `writes_single_quotes`); elsewhere they are mostly
apostrophes and nest inside double ones, so "don't", "Trotsky's" and "sparrows' nests" never
matter. A straight mark opens or closes according to what stands on either side of it (after
a space or at the start it opens; after a word or punctuation and before a space it closes), and
the marks pair like brackets, so a double-quoted title inside a quotation is a `q` inside a `q`.

Markup cannot cross the boundary of a block, so every span stays inside one block. A mark that
opens and is never closed in its block is the typographic convention for a quotation running
over several paragraphs (each paragraph opens with a mark, only the last one closes) when the
next block opens with a mark too; the quotation's part in this block then runs to the block's end.
Otherwise an unclosed mark is a typing error, and it yields a span only where its end can be told
(see `_end_of_unclosed`), never more than the rest of its block.

Block quotations (`find_block_quotations`): in a third-person narrative, a paragraph without
quotation marks that is written in the first person, or that the paragraph before announces (a
colon, "in one passage he wrote") and whose register differs from the narration, reproduces
another text. The vocabulary of these cues is in data/quotes.toml.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from tei_tools.model import Block, Span
from tei_tools.resources import data_dir

VOCABULARY_FILE = "quotes.toml"
QUOTE_TAG = "q"

OPENS, CLOSES, EITHER = "opens", "closes", "either"
# Direction a mark has by its shape; the straight marks have none. "„" opens in German and
# Polish typography, where "“" then closes: position overrides shape for such a pair.
DOUBLE_MARKS = {'"': EITHER, "\u201c": OPENS, "\u201e": OPENS, "\u201f": OPENS, "\u201d": CLOSES}
SINGLE_MARKS = {"'": EITHER, "\u2018": OPENS, "\u201a": OPENS, "\u201b": OPENS, "\u2019": CLOSES}
ALL_MARKS = frozenset(DOUBLE_MARKS) | frozenset(SINGLE_MARKS)

# What stands beside a mark: an opening mark follows a space or an opening bracket and precedes a
# word; a closing mark follows a word or punctuation and precedes a space or punctuation.
OPENING_BRACKETS = frozenset("([{<")
CLOSING_PUNCTUATION = frozenset(".,;:!?)]}>%\u2026")

NOTE_MARKER_AT_END = re.compile(r"\s*[(\[]\d{1,3}[)\]]\s*$")  # "... bred fleas." (1)
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
COLON_AT_END = re.compile(r":[\s\u2013\u2014-]*$")  # "He wrote as follows: \u2014"
PREVIOUS_WORD = re.compile(r"(\w+)[^\w]*\Z")
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+(?=\S)")


# ---------------------------------------------------------------- inline quotations


def annotate_quotes(blocks: Sequence[Block]) -> list[list[Span]]:
    """One list per block. Each double-quoted stretch -> Span.make(start, end, "q") covering the
    quotation marks too; single-quoted ones as well in a text that quotes with single marks."""
    double_marks = [_marks(block.text, DOUBLE_MARKS) for block in blocks]
    singles = _quotes_with_single_marks([block.text for block in blocks], double_marks)
    found = []
    for index, (block, marks) in enumerate(zip(blocks, double_marks)):
        continued = index + 1 < len(blocks) and _opens_with_mark(blocks[index + 1].text)
        stretches = quoted_stretches(block.text, continues_in_next=continued, marks=marks)
        if singles:
            stretches = sorted(stretches + _single_quotations(block.text, stretches),
                               key=lambda stretch: (stretch[0], -stretch[1]))
        found.append([Span.make(start, end, QUOTE_TAG) for start, end in stretches])
    return found


# What an opening-looking single mark is when it elides letters: ’tis, ’twas, ’em, ’cause, ’80s
ELISION = re.compile(r"(?i)(?:tis|twas|twere|twill|em|cause|til|n|round)\b|\d")
LEAST_SINGLE_OPENINGS = 3
PLURAL_POSSESSIVE = re.compile(r"s['\u2019] [a-z]")


def writes_single_quotes(texts: Sequence[str]) -> bool:
    """Whether a text quotes with single marks, as British printing does (‘Mind the river,’ he
    said), and double ones only inside them: more single marks open a quotation than double
    ones, and at least LEAST_SINGLE_OPENINGS do."""
    return _quotes_with_single_marks(texts, [_marks(text, DOUBLE_MARKS) for text in texts])


def _quotes_with_single_marks(texts: Sequence[str], double_marks: Sequence[list[tuple[int, str]]]) -> bool:
    """`writes_single_quotes`, given each text's double marks (`_marks(text, DOUBLE_MARKS)`)."""
    double = sum(direction == OPENS for marks in double_marks for _, direction in marks)
    single = sum(direction == OPENS for text in texts if "'" in text or "\u2018" in text or "\u2019" in text
                 for _, direction in _single_quotation_marks(text))
    return single >= LEAST_SINGLE_OPENINGS and single > double


def _single_quotation_marks(text: str) -> list[tuple[int, str]]:
    """The single marks that open or close (`_single_marks`), without the elisions that look
    like openings."""
    return [(position, direction) for position, direction in _single_marks(text)
            if not (direction == OPENS and ELISION.match(text, position + 1))]


def _single_quotations(text: str, double: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The single-quoted stretches of a block that quotes with single marks: marks paired like
    brackets, apostrophes inside words and elisions left out; a stretch that would cross a
    double-quoted one is a misread apostrophe and is dropped (markup must nest)."""
    marks = _single_quotation_marks(text)
    closings = [position for position, direction in marks if direction == CLOSES]
    # "the boys’ school": a plural's apostrophe before a lower-case word, where a later mark can close
    marks = [(position, direction) for position, direction in marks
             if not (direction == CLOSES and PLURAL_POSSESSIVE.match(text, position - 1) and position < closings[-1])]
    return [(start, end) for start, end in _pair_marks(text, marks)[0]
            if not any(a < start < b < end or start < a < end < b for a, b in double)]


def quoted_stretches(text: str, continues_in_next: bool = False,
                     marks: list[tuple[int, str]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted stretch of one block, marks included, sorted.

    `continues_in_next`: the next block opens with a quotation mark, so a quotation left open at
    the end of this one is the first part of a quotation over several paragraphs. `marks`: the
    block's double marks (`_marks(text, DOUBLE_MARKS)`), when the caller has them already.
    """
    stretches, unclosed = _pair_marks(text, _marks(text, DOUBLE_MARKS) if marks is None else marks)
    if unclosed:
        outermost = unclosed[0]  # marks opened inside an unclosed quotation cannot be told apart
        end = _end_of_unclosed(text, outermost, continues_in_next)
        if end is not None:
            stretches.append((outermost, end))
    return sorted(stretches, key=lambda stretch: (stretch[0], -stretch[1]))


def _marks(text: str, shapes: dict[str, str]) -> list[tuple[int, str]]:
    """(position, OPENS | CLOSES | EITHER) of each quotation mark of the given shapes."""
    marks = []
    for match in _mark_pattern("".join(sorted(shapes))).finditer(text):
        position, shape = match.start(), shapes[match.group()]
        by_position = _direction_by_position(text, position)
        # Where the position decides, it wins over the shape: word processors turn a straight
        # mark after a dash the wrong way round ("neglect—“;").
        marks.append((position, shape if by_position == EITHER else by_position))
    return marks


@lru_cache(maxsize=None)
def _mark_pattern(characters: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(characters)}]")


def _direction_by_position(text: str, position: int) -> str:
    left, right = _left_side(text, position), _right_side(text, position)
    if left == right:
        return left
    if left == EITHER or right == EITHER:
        return right if left == EITHER else left
    return EITHER  # " between two spaces, or word"word: the pairing decides


def _left_side(text: str, position: int) -> str:
    """Which direction the character before a mark suggests (other marks are looked through)."""
    index = position - 1
    while index >= 0 and text[index] in ALL_MARKS and _is_mark_beside(text, index):
        index -= 1
    if index < 0 or text[index].isspace() or text[index] in OPENING_BRACKETS:
        return OPENS
    if text[index].isalnum() or text[index] in CLOSING_PUNCTUATION:
        return CLOSES
    return EITHER  # dashes, slashes, asterisks


def _right_side(text: str, position: int) -> str:
    """Which direction the character after a mark suggests (other marks are looked through)."""
    index = position + 1
    while index < len(text) and text[index] in ALL_MARKS and _is_mark_beside(text, index):
        index += 1
    if index >= len(text) or text[index].isspace():
        return CLOSES
    if text.startswith("...", index) or text[index] == "\u2026":
        return EITHER  # "...and so on" opens, "and so on..." closes: the left side decides
    if text[index] in CLOSING_PUNCTUATION:
        return CLOSES
    if text[index].isalnum() or text[index] in OPENING_BRACKETS:
        return OPENS
    return EITHER


def _is_mark_beside(text: str, index: int) -> bool:
    """A quotation mark next to another (“‘ or ’”) rather than an apostrophe inside a word."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def _pair_marks(text: str, marks: list[tuple[int, str]]) -> tuple[list[tuple[int, int]], list[int]]:
    """Pair marks like brackets: (start, end) of each closed stretch, and the still open marks.

    A closing mark with nothing open is dropped (a quotation whose opening was lost, an inch
    sign); an undecided straight mark closes if something is open, else opens.
    """
    open_marks: list[int] = []
    stretches: list[tuple[int, int]] = []
    for position, direction in marks:
        if direction == EITHER:
            direction = CLOSES if open_marks else OPENS
        if direction == OPENS:
            open_marks.append(position)
        elif open_marks:
            stretches.append((open_marks.pop(), position + 1))
    return stretches, open_marks


def _end_of_unclosed(text: str, start: int, continues_in_next: bool) -> int | None:
    """Where a quotation opened at `start` and never closed in its block ends, if that can be told.

    - A single closing mark after sentence punctuation, with no single opening mark before it,
      is a mistyped closing mark ("...not much more important.' In March"): it ends there.
    - When the next block opens with a mark, or the quotation is introduced by a colon (a long
      citation that runs to the paragraph's end but lost its closing mark), it runs to the end of
      the block, without a trailing note marker "(12)".
    - Otherwise the opening mark is a stray one: no span, rather than a guess.
    """
    mistyped = _mistyped_closing_mark(text, start)
    if mistyped is not None:
        return mistyped
    if continues_in_next or _introduced_by_colon(text, start):
        end = len(text.rstrip())
        note = NOTE_MARKER_AT_END.search(text, start + 1)
        return note.start() if note and note.start() > start + 1 else end
    return None


def _mistyped_closing_mark(text: str, start: int) -> int | None:
    for position, direction in _marks(text, SINGLE_MARKS):
        if position <= start:
            continue
        if direction == OPENS:
            return None  # a nested single quotation: its closing mark is its own
        if direction == CLOSES and text[position - 1] in ".,!?" and _right_side(text, position) == CLOSES:
            return position + 1
    return None


def _introduced_by_colon(text: str, start: int) -> bool:
    return text[:start].rstrip().endswith(":")


def _opens_with_mark(text: str) -> bool:
    """The text begins with an opening double mark, perhaps inside a single one ('"I have ...)."""
    stripped = text.lstrip().lstrip("".join(SINGLE_MARKS))
    return bool(stripped) and stripped[0] in DOUBLE_MARKS and _direction_by_position(stripped, 0) != CLOSES


# ---------------------------------------------------------------- block quotations


@dataclass(frozen=True)
class Vocabulary:
    first_person_singular: frozenset[str]
    announcement_words: frozenset[str]
    announcement_phrases: tuple[str, ...]
    past_tense: frozenset[str]
    present_tense: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The word lists of data/quotes.toml, lower-cased for lookup ("I" keeps its capital)."""
    with open(data_dir() / VOCABULARY_FILE, "rb") as handle:
        data = tomllib.load(handle)
    announcement = [entry.lower() for entry in data["announcement"]["words"]]
    return Vocabulary(
        first_person_singular=frozenset(w if w == "I" else w.lower() for w in data["first_person"]["singular"]),
        announcement_words=frozenset(entry for entry in announcement if " " not in entry),
        announcement_phrases=tuple(entry for entry in announcement if " " in entry),
        past_tense=frozenset(w.lower() for w in data["tense"]["past"]),
        present_tense=frozenset(w.lower() for w in data["tense"]["present"]),
    )


@dataclass(frozen=True)
class ParagraphCues:
    """What the block-quotation rules look at in one paragraph (outside its quotation marks)."""

    words: int
    first_singular: int
    past: int
    present: int
    opens_with_mark: bool
    balanced: bool  # every double mark pairs: no line of dialogue begun or ended elsewhere
    has_ellipsis: bool
    ends_with_colon: bool
    announces: bool  # its last sentence announces a passage of another text

    @property
    def first_person_dense(self) -> bool:
        """Singular first-person words throughout: two in a short paragraph (under 67 words), or
        three and more at one in a hundred words at least (a narrator's aside has one or two)."""
        if self.first_singular == 2:
            return self.words * 3 <= 200
        return self.first_singular >= 3 and self.first_singular * 100 >= self.words

    @property
    def present_register(self) -> bool:
        return self.present >= 2 and self.present >= 3 * self.past


# A paragraph this short (in words) is a heading, a date line or a fragment, not a quotation.
MIN_QUOTATION_WORDS = 8
# The narrative is in the third person when at most this share of its other paragraphs uses
# "I/me/my" outside quotation marks; a memoir's first person is no cue.
FIRST_PERSON_NARRATIVE_SHARE = 0.2
MIN_NARRATIVE_PARAGRAPHS = 2


def find_block_quotations(paragraphs: Sequence[str]) -> list[bool]:
    """For the paragraphs of a narrative text (book excerpt, in order), which ones are block quotations:
    passages reproduced from another text and set off as their own paragraph, without quotation marks."""
    cues = [paragraph_cues(text) for text in paragraphs]
    everything = Narration.of(cues)
    result: list[bool] = []
    for index, cue in enumerate(cues):
        previous = cues[index - 1] if index else None
        previous_is_quotation = bool(result) and result[-1]
        result.append(_is_block_quotation(cue, previous, previous_is_quotation, everything.without(cue)))
    return result


@dataclass(frozen=True)
class Narration:
    """Totals over the paragraphs long enough to tell the narrative's person and tense."""

    paragraphs: int = 0
    in_first_person: int = 0  # paragraphs with "I/me/my" outside quotation marks
    past: int = 0
    present: int = 0

    @classmethod
    def of(cls, cues: Sequence[ParagraphCues]) -> "Narration":
        counted = [c for c in cues if c.words >= MIN_QUOTATION_WORDS]
        return cls(len(counted), sum(c.first_singular > 0 for c in counted),
                   sum(c.past for c in counted), sum(c.present for c in counted))

    def without(self, cue: ParagraphCues) -> "Narration":
        """The narration around one paragraph: the totals less that paragraph's own."""
        if cue.words < MIN_QUOTATION_WORDS:
            return self
        return Narration(self.paragraphs - 1, self.in_first_person - (cue.first_singular > 0),
                         self.past - cue.past, self.present - cue.present)

    @property
    def third_person(self) -> bool:
        return self.in_first_person <= FIRST_PERSON_NARRATIVE_SHARE * self.paragraphs

    @property
    def in_past(self) -> bool:
        return self.past >= self.present


def _is_block_quotation(cue: ParagraphCues, previous: ParagraphCues | None, previous_is_quotation: bool,
                        around: Narration) -> bool:
    if cue.opens_with_mark or not cue.balanced or cue.words < MIN_QUOTATION_WORDS:
        return False  # a paragraph in quotation marks, or a part of a dialogue: inline q's business
    if around.paragraphs < MIN_NARRATIVE_PARAGRAPHS:
        return False  # no narration around it to differ from
    if around.third_person and cue.first_person_dense:
        return True
    introduced = previous is not None and not previous_is_quotation and (previous.ends_with_colon or previous.announces)
    # a passage of several paragraphs: the next one goes on in the register of the first
    continued = previous_is_quotation
    if not (introduced or continued):
        return False
    own_voice = around.third_person and cue.first_singular >= 2
    other_register = around.in_past and cue.present_register
    return own_voice or other_register or (introduced and cue.has_ellipsis)


def paragraph_cues(text: str) -> ParagraphCues:
    vocab = vocabulary()
    double_marks = _marks(text, DOUBLE_MARKS)  # found once for the stretches and the balance
    narration = _outside_quotations(text, double_marks)
    words = WORD.findall(narration)
    lowered = list(map(str.lower, words))
    stripped = text.strip()
    return ParagraphCues(
        words=len(words),
        first_singular=_count_first_person_singular(narration, vocab),
        past=sum(map(vocab.past_tense.__contains__, lowered)),  # map: the counting loop in C
        present=sum(map(vocab.present_tense.__contains__, lowered)),
        opens_with_mark=bool(stripped) and stripped[0] in ALL_MARKS,
        balanced=_balanced(text, double_marks),
        has_ellipsis="..." in narration or "\u2026" in narration,
        ends_with_colon=bool(COLON_AT_END.search(stripped)),
        announces=_announces(stripped, vocab),
    )


def _outside_quotations(text: str, double_marks: list[tuple[int, str]] | None = None) -> str:
    """The text with every double- or single-quoted stretch blanked (offsets kept).

    Built in one pass over the stretches in order (they may nest or overlap): cutting and
    joining the whole text once per stretch made a long one-line paragraph cost its square.
    """
    pieces, position = [], 0
    for start, end in sorted(quoted_stretches(text, marks=double_marks) + _single_quoted_stretches(text)):
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue  # inside a stretch already blanked
        pieces += [text[position:start], " " * (end - start)]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _balanced(text: str, marks: list[tuple[int, str]] | None = None) -> bool:
    marks = _marks(text, DOUBLE_MARKS) if marks is None else marks
    stretches, unclosed = _pair_marks(text, marks)
    return not unclosed and 2 * len(stretches) == len(marks)


def _single_quoted_stretches(text: str) -> list[tuple[int, int]]:
    """Single-quoted stretches ('soft'). A mark between two letters is an apostrophe (don't,
    Trotsky’s); one after a word before a space (sparrows' nests) may close a stretch early,
    which costs only a few words of the narration."""
    return _pair_marks(text, _single_marks(text))[0]


def _single_marks(text: str) -> list[tuple[int, str]]:
    """The single marks whose place says they open or close, apostrophes inside words left out."""
    return [(position, direction) for position, direction in _marks(text, SINGLE_MARKS)
            if direction != EITHER and not _inside_word(text, position)]


def _inside_word(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalnum()


def _count_first_person_singular(text: str, vocab: Vocabulary) -> int:
    count = 0
    for match in _first_person_pattern(vocab.first_person_singular).finditer(text):
        if match.group() == "I":  # also the I of I'm, I've, I'd
            # "Nicholas I", "World War I": a numeral after a capitalised word inside a sentence
            previous = PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start())
            count += not (previous is not None and previous.group(1)[:1].isupper()
                          and not _starts_sentence(text, previous.start(1)))
        else:
            count += not _before_title(text, match.end())  # "my Lady", "my Lord": a form of address
    return count


@lru_cache(maxsize=4)
def _first_person_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Whole words: "I" in capitals only, the others in any case."""
    others = "|".join(re.escape(w) for w in sorted(words - {"I"}))
    return re.compile(rf"\bI\b|(?i:\b(?:{others})\b)" if others else r"\bI\b")


def _before_title(text: str, end: int) -> bool:
    following = text[end:end + 2]
    return len(following) == 2 and following[0] == " " and following[1].isupper()


def _starts_sentence(text: str, position: int, look_back: int = 20) -> bool:
    before = text[max(0, position - look_back):position].rstrip(" \t\n\"'\u201c\u2018(")
    if not before:
        return position <= look_back  # nothing but spaces and marks since the start
    return before[-1] in ".!?:\u2026"


def _announces(text: str, vocab: Vocabulary) -> bool:
    """The paragraph's last sentence speaks of a written or spoken passage."""
    sentences = SENTENCE_END.split(text)
    last = _outside_quotations(sentences[-1]).lower() if sentences else ""
    words = set(WORD.findall(last))
    phrases = _phrases_pattern(vocab.announcement_phrases)
    return bool(words & vocab.announcement_words) or (phrases is not None and phrases.search(last) is not None)


@lru_cache(maxsize=4)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One of the phrases as whole words: one pattern, found where any phrase's own would be."""
    if not phrases:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(phrase) for phrase in phrases)})\b")
