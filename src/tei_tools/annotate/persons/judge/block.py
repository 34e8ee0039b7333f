"""One block judged: its words and runs found once, each run's words classed, cut into
segments, made candidates with their cues and scored, again whenever the document knows more."""
from __future__ import annotations

import re

from tei_tools.annotate.names import Lexicon, zipf
from tei_tools.annotate.persons.judge.candidate import Candidate, Knowledge
from tei_tools.annotate.persons.judge.classes import class_key, classify
from tei_tools.annotate.persons.judge.context import QUOTE_MARKS, Context, context_cues
from tei_tools.annotate.persons.judge.old_spelling import verb_form
from tei_tools.annotate.persons.judge.scoring import score
from tei_tools.annotate.persons.judge.segments import RunClasses, classes_between, cut_run
from tei_tools.annotate.persons.words import LETTER_MARKS, Run, Word, find_runs, sentence_starts, words_of

# The lines of a letter that hold a name and nothing else: there a word in capitals is a name
# written as printed collections set signatures and address lines ("W. COWPER.").
NAME_LINES = frozenset({"signed", "addrLine"})
CAPITALS_WORD = re.compile(r"\b[^\W\d_][^\W\d_'’]+\b")


def _capitals_as_names(text: str) -> str:
    """Words in capitals written as names ("COWPER" as "Cowper"), each the same length, so that
    every offset into the block stays where it was."""
    def as_name(match: re.Match) -> str:
        word = match.group()
        if not word.isupper():
            return word
        written = word[0] + word[1:].lower()
        return written if len(written) == len(word) else word
    return CAPITALS_WORD.sub(as_name, text) if any(c.isupper() for c in text[1:]) else text


class JudgedBlock:
    """One block: its words and runs, found once, and the candidates of each run.

    `candidates` may be called again once more is known about the document; a run whose words
    keep their classes keeps its segments and context cues and is only scored again.
    """

    def __init__(self, index: int, text: str, lexicon: Lexicon, tag: str = "p"):
        self.is_signature = tag == "signed"  # a letter's signature: its initials are the writer's name
        self.is_salutation = tag == "salute"  # "Dear Tom,": the given name is the person written to
        if tag in NAME_LINES:
            text = _capitals_as_names(text)  # "W. COWPER.", "TO THE REV. WILLIAM UNWIN."
        self.index, self.text = index, text
        self.words: list[Word] = words_of(text, lexicon.abbreviations)
        self.runs: list[Run] = _without_letter_marks(find_runs(text, self.words, lexicon.particles), self.words)
        self.sentence_starts: frozenset[int] = sentence_starts(text, self.words)  # `words.starts_sentence`
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
            key = class_key(word)
            found = cache.get(key)
            if found is None:
                found = cache[key] = classify(word, lexicon, knowledge)
            classes.append(found)
        return tuple(classes)

    def _judge_run(self, run: Run, run_classes: tuple[str, ...], lexicon: Lexicon, knowledge: Knowledge) -> list[Candidate]:
        text, words = self.text, self.words
        kin = _kinship_word_as_name(run, words, run_classes, lexicon)
        if kin is not None:  # "my Dear Father", "your dear Mother": a relative named as Papa is
            word = words[kin]
            candidate = Candidate(self.index, word.start, word.end, word.text, (word,), ("rare",))
            candidate.cues = self._context_cues(kin, kin, lexicon) - {"determiner"}
            return [candidate]
        if _signed_initials(run, words, self.is_signature):
            first, last = run.first, run.last
            candidate = Candidate(self.index, words[first].start, words[last].end,
                                  text[words[first].start:words[last].end], tuple(words[first:last + 1]),
                                  ("initial",) * (last - first + 1), cues={"signature"})
            return [candidate]  # "Ever yours M.R.M.": the writer, by initials
        if run.first == run.last and run_classes[0] in ("common", "never", "title") \
                and not _next_to_comma_or_and(words, run.first):
            return []  # "He", "The", "When": the usual capitalised word, no name and in no list
        classes, cut = cut_run(run, words, run_classes, lexicon)
        sentence_words: set[int] = set()  # ordinary words found inside a name ("Read"), see below
        segments = [(piece, titled and part[0] == indexes[0]) for indexes, titled in cut
                    for part in _split_at_ordinary_words(indexes, words, classes, knowledge, sentence_words)
                    for listed in _split_listed_full_names(part, words, lexicon)
                    for pair in _split_given_name_before_and(listed, words, lexicon)
                    for piece in _split_adjacent_surnames(pair, words, classes, lexicon, knowledge)]
        if knowledge.capitalises_nouns:
            segments = [(_without_verb_at_end(indexes, words, lexicon, knowledge), titled)
                        for indexes, titled in segments]
        else:  # a short letter or journal that capitalises at will: "Capt. Heald Called a Council"
            segments = [(_without_word_after_titled_surname(indexes, words, classes, lexicon, knowledge)
                         if titled else indexes, titled) for indexes, titled in segments]
        if not segments:
            return [_not_a_name(self.index, text, words, run, classes)]
        found = []
        for indexes, titled in segments:
            if len(indexes) > 2 and not titled and classes[indexes[0]] == "initial" \
                    and words[indexes[1]].key in lexicon.given \
                    and len(words[indexes[0]].text.rstrip(".")) == 1 and _after_abbreviation(words, indexes[0], lexicon):
                indexes = indexes[1:]  # "his brother Sam is in Co. F. Sam Hartley was taken": a company's letter
            first, last = indexes[0], indexes[-1]
            if words[last].end < len(text) and text[words[last].end].isdigit():
                continue  # "Igo6", "U2": a code or a misread number, not a name
            if _time_of_day(words[first:last + 1]):
                continue  # "at half past 4 o'Clock P. M;": the afternoon, not a person P. M.
            if _bearing(words, first) or _place_initials(words, first):  # "a gale from the N.W. Shipped a sea": a bearing, no initials
                if len(indexes) == 1:
                    continue
                indexes = indexes[1:]
                first = indexes[0]
                titled = False
            if len(indexes) == 1 and not words[last].possessive and _number_follows(words, last):
                continue  # "Jan 31", "Jan. 31, 2023", "May 1937": a date
            if len(indexes) == 1 and len(words[first].text) == 1 and first > 0 \
                    and words[first - 1].kind == "initials" and words[first - 1].end == words[first].start:
                continue  # "the County M.P's": the last letter of an abbreviation, glued to it
            if len(indexes) > 1 and words[last].key in lexicon.months and _number_follows(words, last):
                indexes = indexes[:-1]  # "Cincinnati O. Jan. 22d.": a dateline, the month is no name
                last = indexes[-1]
                if len(indexes) == 1 and classes[last] == "initial" or classes[indexes[0]] == "place":
                    continue
            candidate = Candidate(
                self.index, words[first].start, words[last].end, text[words[first].start:words[last].end],
                tuple(words[first:last + 1]), classes_between(classes, first, last), titled,
                sentence_initial=not titled and first in self.sentence_starts and len(indexes) < len(words),
                run_end=words[run.last].end)  # (a block that is the name alone, "Ordway" over his entry: no sentence)
            context_first = first - _title_words_before(first, run, titled, words, lexicon)
            candidate.cues = self._context_cues(context_first, last, lexicon)
            if self.is_signature and words[first].key in lexicon.given \
                    and all(w.kind == "punct" for w in words[:first] + words[last + 1:]):
                candidate.cues.add("signature")  # "Your brother, / Will.": the writer, by the name signed
            if self.is_salutation and first > 0 and words[first - 1].key in ("dear", "dearest") \
                    and all(words[i].key in lexicon.given for i in indexes):
                candidate.cues.add("addressed")  # "Dear Tom,", "My dearest Frank," (not "Dear Friend,")
            if "determiner" in candidate.cues and _loved_one(words, context_first, first, last, lexicon):
                candidate.cues.discard("determiner")  # "our Eliza", "my Harriet": a person, not a thing
            if titled:
                candidate.cues.add("titled")
                if context_first < first:
                    candidate.title_start, candidate.title_end = words[context_first].start, words[first - 1].end
                    candidate.title = " ".join(w.key for w in words[context_first:first])
            elif len(indexes) == 1 and _in_capitalised_phrase(indexes[0], run, classes, self.sentence_starts,
                                                              sentence_words):
                candidate.cues.add("in-phrase")
            if _quoted_after_naming_verb(words, first, lexicon):
                candidate.cues.add("thing-before")  # 'a paint called "Lumiglow"': a thing's name
            if _epithet(first, run, words, classes, lexicon):
                candidate.cues.add("epithet")
            if _credited_firm(text, words, first, last, self._credit_line()):
                candidate.cues.add("credit-firm")
            found.append(candidate)
        return found


MIDDLE_WORD = 4.5  # at or above this an ordinary word inside a name may be a word of the sentence ("read" 5.5)

# The last words of a complimentary close, after which initials that end the block sign it
CLOSING_WORDS = frozenset({"yours", "your's", "thine", "affectionately", "sincerely", "faithfully", "truly",
                           "obediently", "respectfully", "gratefully"})


def _signed_initials(run: Run, words: list[Word], in_signature: bool) -> bool:
    """Initials ("M.R.M.", "M. R. M.") that are a signature's only words, or that end a block
    right after a complimentary close ("Ever yours M.R.M."). Cheap tests first, and the words
    around read only as far as the nearest word (why: a block may hold a million words)."""
    span = words[run.first:run.last + 1]
    if not all(w.kind == "initials" for w in span) or sum(w.text.count(".") for w in span) < 2 \
            or "".join(w.key.replace(".", "") for w in span) in LETTER_MARKS:
        return False
    if any(words[i].kind != "punct" for i in range(run.last + 1, len(words))):
        return False
    previous = next((words[i] for i in range(run.first - 1, -1, -1) if words[i].kind != "punct"), None)
    if in_signature:
        return previous is None
    return previous is not None and previous.key in CLOSING_WORDS


# Determiners that, before a given name, make it someone close ("our Eliza"), not a thing ("his Browning")
POSSESSIVE_PRONOUNS = frozenset({"my", "our", "your", "his", "her", "their"})


def _loved_one(words: list[Word], context_first: int, first: int, last: int, lexicon: Lexicon) -> bool:
    """A given name or a kinship name ("my Papa") alone right after a possessive pronoun."""
    return first == last == context_first and first > 0 and words[first - 1].key in POSSESSIVE_PRONOUNS \
        and (words[first].key in lexicon.given or words[first].key in lexicon.kinship_names)


# Capitalised words that may stand between a possessive pronoun and a kinship word in one run ("My Dear Father")
KIN_ADJECTIVES = frozenset({"dear", "dearest", "own", "poor", "good", "honoured", "honored", "beloved", "kind"})


def _kinship_word_as_name(run: Run, words: list[Word], classes: tuple[str, ...], lexicon: Lexicon) -> int | None:
    """The index of a kinship word that is also a title ("Father", "Mother", names_kinship_names.txt)
    ending the run after a possessive pronoun and at most two adjectives ("my admirable Mother",
    "My Dear Father", "your dear Father's"): a relative called by the word, as "Papa" is. Not
    "Father Brown" (a title), "God the Father" or "Mother" opening a sentence."""
    last = run.last
    if classes[-1] != "title" or words[last].key not in lexicon.kinship_names:
        return None
    n = last - 1
    while n >= run.first and words[n].key in KIN_ADJECTIVES:
        n -= 1
    if n >= run.first and not (n == run.first and words[n].key in POSSESSIVE_PRONOUNS):
        return None  # another capitalised word of the run stands before it
    if n < run.first:  # the pronoun is before the run, perhaps after lower-case adjectives
        n = run.first - 1
        while n >= max(0, run.first - 3) and words[n].kind == "word" and words[n].text.islower() \
                and words[n].key not in POSSESSIVE_PRONOUNS:
            n -= 1
        if n < 0 or words[n].key not in POSSESSIVE_PRONOUNS:
            return None
    return last


# The points of the compass written as initials ("N.W.", "S.S.E."): a bearing after these words
COMPASS_POINTS = frozenset("ne nw se sw nne nnw sse ssw ene ese wnw wsw".split())
BEFORE_BEARINGS = frozenset({"the", "from", "to", "towards", "wind", "winds", "breeze", "gale", "course", "bore",
                             "bearing", "steered", "stood"})


# Initials that follow a place and its comma as part of its name: "Washington, D.C."
PLACE_INITIALS = frozenset({"dc"})


def _place_initials(words: list[Word], first: int) -> bool:
    """"in Washington, D.C. Martin Luther King Jr. spoke": the district, not initials of the name after it."""
    word = words[first]
    return (word.kind == "initials" and word.key.replace(".", "") in PLACE_INITIALS and first > 1
            and words[first - 1].text == "," and words[first - 2].text[:1].isupper())


def _bearing(words: list[Word], first: int) -> bool:
    """Initials that are a compass point after "the", "from", "wind" ... ("from the N.W."), where
    no one's initials stand ("S.E. Hinton" at a sentence's start stays a name)."""
    word = words[first]
    return (word.kind == "initials" and word.text.isupper() and word.key.replace(".", "") in COMPASS_POINTS
            and first > 0 and words[first - 1].key in BEFORE_BEARINGS)


def _without_letter_marks(runs: list[Run], words: list[Word]) -> list[Run]:
    """Runs without the spaced initials of a postscript or nota bene mark at the block's start ("P. S.
    Anna Kessler sends her love" names Anna Kessler; "P. S. Remember me" names nobody). Written
    without spaces ("P.S.") the mark is one word, which `classify` makes no name."""
    if not runs or runs[0].first != 0:
        return runs
    run = runs[0]
    letters = ""
    for n in range(run.first, run.last + 1):
        if words[n].kind != "initials" or len(words[n].key) != 1:
            break
        letters += words[n].key
        if letters in LETTER_MARKS:
            rest = [Run(n + 1, run.last)] if n < run.last else []
            return rest + runs[1:]
    return runs


NAMING_VERBS = frozenset({"called", "named", "dubbed", "labelled", "labeled", "branded", "christened", "entitled"})


def _quoted_after_naming_verb(words: list[Word], first: int, lexicon: Lexicon) -> bool:
    """A name in quotation marks right after "called" ('a paint called "Lumiglow"'): the name of a
    thing or a work; a given name so quoted may still be a person's ('a boy called "Tom"')."""
    return first >= 2 and words[first - 1].kind == "punct" and words[first - 1].text in QUOTE_MARKS \
        and words[first - 2].key in NAMING_VERBS and words[first].key not in lexicon.given


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


def _after_abbreviation(words: list[Word], n: int, lexicon: Lexicon) -> bool:
    """Whether words[n] comes right after an ordinary abbreviation and its dot ("Co. F.", "No. 4")."""
    return n > 1 and words[n - 1].text == "." and words[n - 2].key in lexicon.ordinary_abbreviations


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
    pair = " ".join(words[i].key for i in indexes)
    # each a surname of another of the document's names: not "Zhao Wen-Hsiung", whose own surname
    # "Wen-Hsiung" is (surname first, as Chinese names are written), beside "Mei-Ling Zhao"
    if all(knowledge.is_surname(words[i].key, besides=pair) for i in indexes) \
            and not knowledge.is_known_form(pair) \
            and not knowledge.is_part_of_document_form(pair):  # "Branwell Brontë"
        return [[i] for i in indexes]
    return [indexes]


def _without_word_after_titled_surname(indexes: list[int], words: list[Word], classes: RunClasses, lexicon: Lexicon,
                                       knowledge: Knowledge) -> list[int]:
    """"Capt. Heald Called a Council", "Lieut. Helm Sick with the ague": after a title, a surname
    (no given name or initial before it) and then an ordinary word, a verb or an adjective with
    the sentence going on in lower case, is the surname alone: the word is the sentence's, not a
    second surname. Too few words for `_capitalises_common_nouns` to tell, in a short letter."""
    if len(indexes) != 2:
        return indexes
    first, last = indexes
    if classes[first] in ("given", "initial") or words[first].key in lexicon.given or words[last].possessive \
            or classes[last] != "common" or knowledge.word_strength(words[last].key) > 0:
        return indexes
    following = words[last + 1] if last + 1 < len(words) else None
    if following is None or following.kind != "word" or not following.text.islower():
        return indexes
    return indexes[:1]


def _without_verb_at_end(indexes: list[int], words: list[Word], lexicon: Lexicon, knowledge: Knowledge) -> list[int]:
    """"Capt. Lewis Shewed them the air Gun", "Capt. Clark Spoke to all": where a document
    capitalises its words at will, a verb after a name, with the sentence going on in lower
    case after it, is the verb the person does, not a surname. Not a word the document or the
    personography knows as a name word."""
    last = indexes[-1]
    if len(indexes) < 2 or last + 1 >= len(words) or words[last].possessive:
        return indexes
    following = words[last + 1]
    if following.kind != "word" or not following.text.islower() or following.key in lexicon.particles:
        return indexes
    key = words[last].key
    if not verb_form(lexicon)(key) or knowledge.word_strength(key) > 0:
        return indexes
    return indexes[:-1]


def _time_of_day(words: list[Word]) -> bool:
    """"A. M", "P. M.", "P.M": the initials of ante and post meridiem, written with spaces or without."""
    return len(words) <= 2 and "".join(w.text.replace(".", "") for w in words).upper() in ("AM", "PM") \
        and all(w.kind in ("initials", "word") for w in words)


def _split_at_ordinary_words(indexes: list[int], words: list[Word], classes: RunClasses,
                             knowledge: Knowledge, sentence_words: set[int]) -> list[list[int]]:
    """"Wrote to dear Miss James Read Bisset's Life of Burke": a very common word inside a name,
    one the document also writes in lower case ("read"), is a word of the sentence between two
    names, not a middle name. "John Couch Adams" keeps his where "couch" is no word of the text.
    A letter ("Bertrand M Patenaude") is an initial without its dot, never such a word. The words
    cut out are added to `sentence_words`."""
    if len(indexes) < 3:
        return [indexes]
    parts, current = [], [indexes[0]]
    for i in indexes[1:-1]:
        word = words[i]
        if classes[i] == "common" and len(word.key) > 2 and not word.possessive and zipf(word.key) >= MIDDLE_WORD \
                and knowledge.is_lowercase_in_document(word.key):
            parts.append(current)
            current = []
            sentence_words.add(i)  # a word of the sentence: it makes no title-case phrase of the names
        else:
            current.append(i)
    current.append(indexes[-1])
    return [part for part in parts + [current] if part]


def _split_listed_full_names(indexes: list[int], words: list[Word], lexicon: Lexicon) -> list[list[int]]:
    """"John Shields George Gibson George Shannon": given name and surname, again and again, with
    no comma between: a list of persons, not one with five middle names. Only an even run of four
    or more words, each pair a given name and a word that is none (George Bernard Shaw, Mary Ann
    Evans stay one)."""
    if len(indexes) < 4 or len(indexes) % 2 or any(words[i].possessive for i in indexes[:-1]):
        return [indexes]
    pairs = [indexes[n:n + 2] for n in range(0, len(indexes), 2)]
    if all(words[g].kind == "word" and words[g].key in lexicon.given and words[s].kind == "word"
           and words[s].key not in lexicon.given and words[s].text[:1].isupper() for g, s in pairs):
        return pairs
    return [indexes]


COORDINATORS = frozenset({"&", "and"})


def _split_given_name_before_and(indexes: list[int], words: list[Word], lexicon: Lexicon) -> list[list[int]]:
    """"John Colter Joseph & Reubin Fields": a full name, then a given name right before "&" and
    another name, is two persons, the second sharing the surname that follows ("Joseph Fields"),
    not one whose surname is "Joseph". Only after a word that is no given name ("Mary Ann &
    John" stays one)."""
    if len(indexes) < 3:
        return [indexes]
    last = indexes[-1]
    if last + 2 >= len(words) or words[last + 1].text not in COORDINATORS or not words[last + 2].is_capitalised:
        return [indexes]
    given, before = words[last], words[last - 1]
    if given.kind != "word" or given.possessive or given.key not in lexicon.given \
            or before.kind != "word" or before.key in lexicon.given:
        return [indexes]
    return [indexes[:-1], [last]]


def _in_capitalised_phrase(n: int, run: Run, classes: RunClasses, sentence_starts: frozenset[int],
                           sentence_words: set[int] = frozenset()) -> bool:
    """True when the word stands among capitalised ordinary words ("Economic Revival", "Holy
    Writ", "Socialist Fatherland"): a title-case phrase, not a name. A sentence's first word
    does not count."""
    for i in range(run.first, run.last + 1):
        if i == n or i in sentence_words or classes[i] not in ("common", "cue", "group", "org", "never", "place"):
            continue
        if i == run.first and i in sentence_starts:
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
