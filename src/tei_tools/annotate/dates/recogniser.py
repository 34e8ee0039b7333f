"""The grammar of English date expressions: finds the dates of one block of text.

What is recognised (see data/dates.toml for the vocabulary, which users can extend):
- years ("1907", "44 BC", "AD 79"), year ranges ("1879-1940", "1905-06", "1914/15"),
- months with a year ("February 1917", "May, 1905", "February of 1917", "January. 1839"),
- full dates in the usual English orders ("May 17, 1917", "7th November, 1879",
  "the 17th of May 1917", "Jan. 31, 2023", "1917-05-17", "Jan. 22d. 1839"), day ranges
  ("17-19 May 1917"),
- days and months without a year ("8th January", "the twenty-second of January"), and bare
  months after a preposition ("in December"), which take the year from context,
- a weekday before a date ("Sunday, Jan. 27th", "Saturday 2"), kept in the span and checked,
- days without their month: after a weekday ("Saturday 2"), at the head of a diary entry
  ("1st.", "the 3d"), or with "inst.", "ult.", "prox." ("the 14th inst."),
- Old and New Style: a date marked "O.S." or "(N.S.)", and double dates ("25 October
  (7 November) 1917", "February 1/14, 1918"), read in both calendars,
- seasons and parts of a year ("winter of 1918", "early 1917", "end of 1917"), decades
  ("the 1920s", "the eighties", "the '20s") and centuries ("the twentieth century"),
- two dates joined by a dash ("7 November 1879 - 21 August 1940") as one range.

Impossible calendar dates ("February 30, 1917") are marked as a whole, since they are calendar
expressions, but their value is only the year, the one part that can be trusted; a day that
exists in no year ("30th February" with no year) is not marked.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

from tei_tools import calendars
from tei_tools.annotate.dates.context import LOW, MEDIUM, Context, Found, Reading
from tei_tools.annotate.dates.diary import DiaryRecogniser
from tei_tools.annotate.dates.feasts import FeastRecogniser
from tei_tools.annotate.dates.grammar import (ALONE, DASH, DASHES, FIRST_YEAR, FOLLOWING_WORDS, LAST_YEAR,
                                              MORE_AFTER_YEAR, NOT_BEFORE_NUMBER, PARTITIVE, WORD, Pieces)
from tei_tools.annotate.dates.styles import Styles
from tei_tools.annotate.dates.text import (group_of, in_parentheses, longest_first, names_an_event, occurrences,
                                           second_year, spaced, word_before)
from tei_tools.annotate.dates.values import (Values, iso_day, iso_month, iso_year, is_real_day, month_span,
                                             year_span)
from tei_tools.annotate.dates.vocabulary import Vocabulary, load_vocabulary

# "the 3rd of March last", "in June next": the last such day or month before the letter's date, the next after
LAST_OR_NEXT = re.compile(r"\s+(last|next)\b(?!\s+(?:but|one|time|night|week|year|month)\b)")
# a year written by its last two digits after a day: "June 6, '44", "3d May '09"
SHORT_YEAR = r"[,.]?\s+['’](?P<yy>\d\d)\b(?!['’]?s\b|[.,:/]\d)"
SHORT_YEAR_NEAR = 30  # years from the narrative's within which a two-digit year's century is likely
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|d)?\.?\s+(?:of\s+)?\Z")
Handler = Callable[[re.Match[str], str], Iterator[Found]]
Rule = tuple[re.Pattern[str], Handler]


class Recogniser:
    """Finds the date expressions of one block of text; stateless once built.

    Why triggers: running two dozen patterns over every character costs several times the
    time budget, so cheap scans find what every date contains (a number, a month name, the
    words "year", "century" or a decade word) and the full patterns are tried only there,
    anchored at the date's first word, which a short backward pattern finds when it precedes
    the trigger ("winter of" before "1918").
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        pieces = Pieces(vocabulary)
        # Scans for what every date contains (literal searches are the cheap ones).
        # [0-9][0-9]* finds what [0-9]+ finds, but opens with a set re can scan for
        self.number_trigger = re.compile(r"[0-9][0-9]*")
        self.month_trigger = re.compile(pieces.month_names)
        self.head_words = frozenset([*(w for h in (*vocabulary.seasons, *vocabulary.parts_of_year) for w in h.split()),
                                     *(era.lower() for era in vocabulary.anno_domini)])
        self._compile_number_rules(pieces)
        self._compile_headed_rules(pieces)
        self._compile_month_rules(pieces)
        self._compile_word_rules(pieces)
        self.diary = DiaryRecogniser(vocabulary)
        self.feasts = FeastRecogniser(vocabulary)
        self.styles = Styles(vocabulary, self.diary.weekday_before, self.diary.weekday_after,
                             self.diary.weekday_number)

    def _compile_number_rules(self, p: "Pieces") -> None:
        """Rules anchored at a number, chosen by its count of digits: "7th November, 1879",
        "44 BC", "1920s", "1917-05-17", "1905-06", "1907", "'20s"."""
        # "3d. Jany 1838": diarists put a full stop after the day's suffix
        # "the 4th day of July, 1776", as deeds and old letters write it
        day_month = (re.compile(rf"(?<![\d,.:/])\b{p.day}(?:(?<=[a-z])\.)?(?:\s+day\s+of|\s+(?i:of))?\s+{p.month}"
                                rf"{p.optional_year}"),
                     self._day_month)
        era_year = (re.compile(rf"(?<![\w$£€#])(?P<n>\d{{1,4}})\s?(?P<era>{p.eras})(?!\w)"), self._era_year)
        year = (re.compile(rf"{ALONE}(?P<y>\d{{4}})\b(?![{DASHES}/.,:]\d|['’]?s\b|%)"), self._year)
        self.short_year_day_month = (re.compile(rf"(?<![\d,.:/])\b{p.day}(?:(?<=[a-z])\.)?(?:\s+(?i:of))?\s+{p.month}"
                                                rf"{SHORT_YEAR}"), self._day_month_short_year)
        # Quakers' numbered months: "3d of 5th Month, 1790", "5th mo. 3d, 1790" (see _numbered_month)
        suffix = r"(?:st|nd|rd|th|d)"
        numbered = rf"(?P<qm>1[0-2]|0?[1-9]){suffix}?\.?\s+(?i:mo\b\.?|month\b)"
        quaker_year = r"(?:[,.]?\s+(?P<y>\d{4})\b(?![-–/]\d))?"
        self.numbered_month_rules: list[Rule] = [
            (re.compile(rf"(?<![\d,.:/])\b(?P<d>[12]\d|3[01]|0?[1-9]){suffix}?\.?\s+(?:day\s+)?of\s+(?:the\s+)?"
                        rf"{numbered}{quaker_year}"), self._numbered_month),
            (re.compile(rf"(?<![\d,.:/])\b{numbered},?\s+(?P<d>[12]\d|3[01]|0?[1-9]){suffix}?\b{quaker_year}"),
             self._numbered_month)]
        # "between 1 and 15 May 1890", "between the 12th and 15th of March": one range
        between = (re.compile(rf"(?:(?<=[Bb]etween\s)|(?<=[Bb]etween\sthe\s))(?P<d>[12]\d|3[01]|0?[1-9]){suffix}?\s+and"
                              rf"\s+(?:the\s+)?(?P<d2>[12]\d|3[01]|0?[1-9]){suffix}?\b(?:\s+(?i:of))?\s+{p.month}"
                              rf"{p.optional_year}"), self._day_month)
        self.short_number_rules: list[Rule] = [day_month, era_year]
        self.between_rule: Rule = between
        self.year_rules: list[Rule] = [year, era_year]
        self.year_and_more_rules: list[Rule] = [
            (re.compile(r"\b(?P<y>\d{3}0)['’]?s\b"), self._decade),
            (re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b"), self._iso_date),
            (re.compile(rf"{ALONE}(?P<y>\d{{4}}){p.second_year}\b(?![{DASHES}/]\d|['’]?s\b)"), self._year_range),
            year,
        ]
        self.short_decade_rule: Rule = (re.compile(r"(?<![\w'’])['’](?P<yy>\d)0['’]?s\b"), self._short_decade)
        # "the winter of '62": a season of a year written by its last two digits
        self.short_year_season_rule: Rule = (
            re.compile(rf"(?i:\b(?P<s>{p.seasons}))(?:\s+of)?\s+['’](?P<yy>\d\d)\b(?![{DASHES}/.,:]\d|['’]?s\b)"),
            self._short_year_season)

    def _compile_headed_rules(self, p: "Pieces") -> None:
        """Rules whose first word comes before a number or "that year": "winter of 1918",
        "early 1917", "end of that year", "AD 79"; the backward patterns find that word."""
        self.head_before_number = re.compile(
            rf"(?:(?i:\b{p.heads})(?:\s+of|\s+in)?(?:\s+the\s+year)?(?:\s+|-)|\b{p.eras_before}\s?)\Z")
        self.head_before_relative = re.compile(rf"(?i:\b{p.heads})\s+of\s+{p.relative_prefix}\s+\Z")
        season_year = rf"{p.year}{p.second_year}?{NOT_BEFORE_NUMBER}"
        self.headed_rules: list[Rule] = [
            (re.compile(rf"(?i:\b(?P<s>{p.seasons}))(?P<of>\s+of)?\s+(?:(?:the\s+year\s+)?{season_year}|{p.relative})"),
             self._season),
            (re.compile(rf"(?i:\b(?P<p>early|mid|late))(?:-|\s+in\s+(?:the\s+year\s+)?|\s+){p.year}{NOT_BEFORE_NUMBER}"),
             self._part_of_year),
            (re.compile(rf"(?i:\b(?P<p>{p.parts_of}))\s+of\s+(?:(?:the\s+year\s+)?{p.year}{NOT_BEFORE_NUMBER}|{p.relative})"),
             self._part_of_year),
            (re.compile(rf"\b(?P<era>{p.eras_before})\s?(?P<n>\d{{1,4}})\b{NOT_BEFORE_NUMBER}"), self._era_year),
        ]

    def _compile_month_rules(self, p: "Pieces") -> None:
        """Rules anchored at a month name: "May 17, 1917", "May, 1905", "May-June 1917",
        "February of that year", "in April"; and "the twenty-second of January" before it."""
        self.month_rules: list[Rule] = [
            (re.compile(rf"\b{p.month}\s+(?:the\s+)?{p.day}{p.optional_year}"), self._day_month),
            (re.compile(rf"\b{p.month}\s+(?:the\s+)?{p.day}{SHORT_YEAR}"),
             self._day_month_short_year),
            (re.compile(rf"\b{p.month}(?:[,.]?\s+|\s+of\s+){p.year_or_era}(?!{DASH}\d)"), self._month_year),
            (re.compile(rf"\b(?P<m1>{p.any_month})\s*{DASH}\s*{p.month},?\s+{p.year_or_era}"), self._month_range),
            (re.compile(rf"\b{p.full_month}\s+of\s+{p.relative}"), self._month_relative),
            (re.compile(rf"\b{p.full_month}"), self._bare_month),
        ]
        self.ordinal_before_month = re.compile(rf"(?i:\b{p.ordinal_word})(?:\s+day)?\s+of\s+\Z")
        self.ordinal_day_rule: Rule = (
            re.compile(rf"(?i:\b(?P<dw>{p.ordinal_word}))(?:\s+day)?\s+of\s+{p.month}{p.optional_year}"),
            self._day_month)

    def _compile_word_rules(self, p: "Pieces") -> None:
        """"the twentieth century", "the 19th-century novel" (found from "century"); "the
        eighties", "the 'twenties" (found from the ending "ties")."""
        self.ordinal_before_century = re.compile(rf"\b{p.ordinal}[\s-]+\Z")
        self.century_rule: Rule = (
            re.compile(rf"(?P<c>\b(?P<o>{p.ordinal})[\s-]+(?i:century)\b)(?:\s+(?P<era>{p.eras})(?!\w))?"),
            self._century)
        the = rf"(?i:\bthe\s+(?:{p.decade_modifiers}[\s-]+)?)"
        self.the_before_decade_word = re.compile(rf"{the}['’]?[A-Za-z]+\Z")
        self.decade_word_rule: Rule = (re.compile(rf"{the}(?P<w>['’]?{p.decade_words})\b"), self._decade_word)

    # -------------------------------------------------------------- entry point

    def find(self, text: str, heading: bool = False) -> list[Found]:
        """The block's dates: longest first among overlapping candidates, then in text order.
        `heading`: the block heads a letter or a diary entry (a day alone is a date there)."""
        weekdays = self.diary.weekday_positions(text)
        numbers = list(self.number_trigger.finditer(text))
        candidates: list[Found] = self.diary.find(text, heading, weekdays, [number.start() for number in numbers])
        candidates.extend(self.feasts.find(text, heading))
        for trigger in numbers:
            position = trigger.start()
            self._try(self._number_rules(text, position, trigger.end()), text, position, candidates)
            if text[position - 1:position] in ("'", "’"):
                self._try([self.short_decade_rule], text, position - 1, candidates)
                if self._head_word_before(text, position):
                    self._try_before(self.head_before_number, [self.short_year_season_rule], text, position - 1,
                                     candidates)
            if self._head_word_before(text, position):
                self._try_before(self.head_before_number, self.headed_rules, text, position, candidates)
        for trigger in self.month_trigger.finditer(text):
            self._try(self.month_rules, text, trigger.start(), candidates)
            if text.endswith(" of ", 0, trigger.start()):
                self._try_before(self.ordinal_before_month, [self.ordinal_day_rule], text, trigger.start(),
                                 candidates)
        for position in occurrences(text, "year", "Year"):
            if self._head_word_before(text, position):
                self._try_before(self.head_before_relative, self.headed_rules, text, position, candidates)
        for position in occurrences(text, "century", "Century"):
            self._try_before(self.ordinal_before_century, [self.century_rule], text, position, candidates)
        for position in occurrences(text, "ties"):
            self._try_before(self.the_before_decade_word, [self.decade_word_rule], text, position + 4, candidates)
        self.styles.mark_weekdays(text, candidates, weekdays)
        chosen = _with_editors_years(text, _join_open_ranges(text, longest_first(candidates)))
        self.styles.mark_calendars(text, chosen)
        return chosen

    def _number_rules(self, text: str, start: int, end: int) -> list[Rule]:
        """The rules worth trying on a number, from its length and the character after it."""
        if end - start <= 3:
            # the rarer forms only where their words are near (cheap scans): "between 1 and 15 May",
            # "5th mo. 3d", "June 6, '44"
            rules = self.short_number_rules
            if "etween" in text[max(0, start - 13):start]:
                rules = [*rules, self.between_rule]
            after = text[end:end + 24]
            if "mo" in after.lower():
                rules = [*rules, *self.numbered_month_rules]
            if "'" in after or "’" in after:
                rules = [*rules, self.short_year_day_month]
            return rules
        if end - start > 4:
            return []
        following = text[end:end + 2].lstrip()[:1]
        return self.year_and_more_rules if following and following in MORE_AFTER_YEAR else self.year_rules

    def _head_word_before(self, text: str, position: int) -> bool:
        """Whether one of the few words before `position` may start a season, part of year or era."""
        words = WORD.findall(text[max(0, position - 32):position].lower())[-5:]
        return not self.head_words.isdisjoint(words)

    @staticmethod
    def _try(rules: list[Rule], text: str, position: int, found: list[Found]) -> None:
        for pattern, handler in rules:
            if match := pattern.match(text, position):
                found.extend(handler(match, text))

    def _try_before(self, head: re.Pattern[str], rules: list[Rule], text: str, position: int,
                    found: list[Found]) -> None:
        """Try `rules` where `head` ends just before `position` (a date's first words)."""
        if match := head.search(text, max(0, position - 48), position):
            self._try(rules, text, match.start(), found)

    # -------------------------------------------------------------- days and months

    def _month(self, name: str) -> int:
        return self.vocabulary.months[name.rstrip(".").lower()]

    def _day_month(self, match: re.Match[str], text: str) -> Iterator[Found]:
        """A day and month, with or without a year; day ranges give from/to."""
        month = self._month(match["m"])
        if word := group_of(match, "dw"):
            first, last = self.vocabulary.ordinals[spaced(word)], None
        else:
            first, last = int(match["d"]), int(match["d2"]) if group_of(match, "d2") else None
            if last is not None and last <= first:
                return
        start, end = match.span()
        weekday = self.vocabulary.weekdays[match["wd"].lower()] if group_of(match, "wd") else None
        if match["y"] or group_of(match, "ey"):
            year = self._written_year(match, month, last or first)
            if year is None:
                return
            style = _dual_year_style(match)
            if is_real_day(year, month, first) and (last is None or is_real_day(year, month, last)):
                yield Found(start, end, self._days(year, month, first, last), year=year, month=month, day=last or first,
                            weekday=weekday, **style)
            elif last is None and is_real_day(year, month, first, calendars.JULIAN):
                # "29 February 1900" exists only in the Julian calendar: the day if the date is Old Style
                yield Found(start, end, self._days(year, month, first, None), year=year, month=month, day=first,
                            weekday=weekday, julian_only=True)
            else:  # an impossible day ("February 30, 1917"): only the year it names is sure
                yield Found(start, end, {"when": iso_year(year)}, year=year)
            return

        looks_back = word_before(text, start) in ("since", "the") and bool(
            re.search(r"(?i)\bsince\s+(?:the\s+)?\Z", text[max(0, start - 12):start]))
        end, past, looks_ahead = _last_or_next(text, end)  # "the 3rd of March last": the span takes the word
        looks_back = looks_back or past

        def resolve(context: Context) -> Reading | None:
            if not is_real_day(None, month, first) or (last is not None and not is_real_day(None, month, last)):
                return None  # a day that exists in no year is not a date
            found = context.year_of_day(month, last or first, past=looks_back, future=looks_ahead)
            if found and is_real_day(found[0], month, first):  # a 29th of February may not fit that year
                year, cert = found
                return Reading(self._days(year, month, first, last), cert, year, month, first, from_context=True)
            return Reading(self._days(None, month, first, last))

        yield Found(start, end, resolve=resolve, yearless=(month, first) if last is None and not (past or looks_ahead) else None)

    def _numbered_month(self, match: re.Match[str], text: str) -> Iterator[Found]:
        """A Quaker's date, the month by its number: "3d of 5th Month, 1790" is 3 May 1790. Up to
        1751 Friends counted from March (First Month), in the Julian calendar with the year from 25
        March: such a date is left alone rather than misread."""
        month, day = int(match["qm"]), int(match["d"])
        if match["y"]:
            year = int(match["y"])
            if 1752 <= year <= LAST_YEAR and is_real_day(year, month, day):
                yield Found(*match.span(), {"when": iso_day(year, month, day)}, year=year, month=month, day=day)
            return
        if not is_real_day(None, month, day):
            return

        def resolve(context: Context) -> Reading | None:
            found = context.year_of_day(month, day)
            if found is None or found[0] < 1752:
                return None  # no year, or one in which the months were counted from March
            return Reading({"when": iso_day(found[0], month, day)}, found[1], found[0], month, day,
                           from_context=True)

        yield Found(*match.span(), resolve=resolve)

    def _day_month_short_year(self, match: re.Match[str], text: str) -> Iterator[Found]:
        """"June 6, '44": a day of a year written by its last two digits, in the century nearest the
        narrative's year; with none to go by, the day without a year."""
        month = self._month(match["m"])
        if group_of(match, "d2") or not is_real_day(None, month, int(match["d"])):
            return
        day, short = int(match["d"]), int(match["yy"])

        def resolve(context: Context) -> Reading | None:
            year, cert = _short_year_in_context(short, context)
            if year is None or not is_real_day(year, month, day):
                return Reading({"when": iso_day(None, month, day)})
            return Reading({"when": iso_day(year, month, day)}, cert, year, month, day, from_context=True)

        yield Found(*match.span(), resolve=resolve)

    def _written_year(self, match: re.Match[str], month: int | None = None, day: int | None = None) -> int | None:
        """The year after a month: four digits in the years' range, or any number with an era.
        A double year ("10th January 1665/6") gives the historical year (see `_dual_year`)."""
        if written := group_of(match, "ey"):
            number = int(written)
            return None if number < 1 else -number if match["era"] in self.vocabulary.before_christ else number
        year = int(match["y"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        if written := group_of(match, "dy") or group_of(match, "dyd"):
            return _dual_year(year, written, month, day)
        return year

    @staticmethod
    def _days(year: int | None, month: int, first: int, last: int | None) -> Values:
        if last is None:
            return {"when": iso_day(year, month, first)}
        return {"from": iso_day(year, month, first), "to": iso_day(year, month, last)}

    def _month_year(self, match: re.Match[str], text: str) -> Iterator[Found]:
        month = self._month(match["m"])
        year = self._written_year(match, month)
        if year is not None and (group_of(match, "dy") or group_of(match, "dyd")) and DAY_BEFORE.search(text, max(0, match.start() - 12),
                                                                          match.start()):
            return  # "28 March 1665/6": the day was no double year's, so neither is its month
        if year is not None:
            yield Found(*match.span(), {"when": iso_month(year, month)}, year=year, month=month,
                        sets_context=not names_an_event(text, *match.span()), **_dual_year_style(match))

    def _month_range(self, match: re.Match[str], text: str) -> Iterator[Found]:
        first, last = self._month(match["m1"]), self._month(match["m"])
        year = self._written_year(match, last)
        if year is not None and first < last:
            yield Found(*match.span(), {"from": iso_month(year, first), "to": iso_month(year, last)}, year=year,
                        **_dual_year_style(match))

    def _month_relative(self, match: re.Match[str], text: str) -> Iterator[Found]:
        month, offset = self._month(match["m"]), self.vocabulary.relative_years[spaced(group_of(match, "rel"))]

        def resolve(context: Context) -> Reading:
            if context.year is None:
                return Reading({"when": iso_month(None, month)})
            year = context.year + offset  # the text names the year ("that year"): the antecedent is ours
            return Reading({"when": iso_month(year, month)}, MEDIUM, year, month, from_context=True)

        yield Found(*match.span(), resolve=resolve)

    def _bare_month(self, match: re.Match[str], text: str) -> Iterator[Found]:
        """A month alone is a date only after a cue such as "in" ("In April", not "April Theses")."""
        start = match.start()
        cue = word_before(text, start)
        # "March–April": word_before reads one hyphenated word and gives "march"
        dashed = start > 0 and text[start - 1] in DASHES and cue in self.vocabulary.months
        if cue in ("and", "or", "to") or cue in DASHES or dashed:
            first = self._month_before(text, start)
            if first is None:
                return
            if dashed and word_before(text, first) not in self.vocabulary.month_cues:
                return  # "1905, March–April": March is no date, so April ends no range
        elif cue not in self.vocabulary.month_cues:
            return
        if cue in self.vocabulary.month_name_risk_cues and re.match(r" [A-Z][a-z]", text[match.end():]):
            return  # "a novel by April Smith"
        month = self._month(match["m"])
        end = match.end()
        end, past, future = _last_or_next(text, end)  # "in October last", "in June next"

        def resolve(context: Context) -> Reading:
            found = context.year_of_month(month, past=past, future=future)
            if found is None:
                return Reading({"when": iso_month(None, month)})
            return Reading({"when": iso_month(found[0], month)}, found[1], found[0], month, from_context=True)

        yield Found(start, end, resolve=resolve, yearless=None if past or future else (month, None))

    def _month_before(self, text: str, position: int) -> int | None:
        """Where the month name that stands just before the cue word starts ("from March to May"),
        if one does."""
        window = max(0, position - 30)
        before = re.search(r"([A-Za-z]+)\.?\s*(?:and|or|to|[" + DASHES + r"])\s*$", text[window:position])
        if before and before[1].lower() in self.vocabulary.months and before[1][0].isupper():
            return window + before.start(1)
        return None

    # -------------------------------------------------------------- seasons, parts, decades, centuries

    def _season(self, match: re.Match[str], text: str) -> Iterator[Found]:
        first, last = self.vocabulary.seasons[match["s"].lower()]
        if group_of(match, "rel"):
            if not group_of(match, "of"):
                return
            offset = self.vocabulary.relative_years[spaced(group_of(match, "rel"))]
            yield Found(*match.span(), resolve=lambda c: _relative_span(c, offset, first, last))
            return
        year = int(match["y"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return
        if group_of(match, "y2"):  # "the winter of 1917-18": the season runs from the first year into the next
            second = second_year(year, group_of(match, "y2"))
            if second != year + 1:
                return
            yield Found(*match.span(), month_span(year, first, last, last_year=second), year=year)
        else:
            yield Found(*match.span(), month_span(year, first, last), year=year,
                        month=first if first <= last else None)  # a winter spans two years

    def _part_of_year(self, match: re.Match[str], text: str) -> Iterator[Found]:
        first, last = self.vocabulary.parts_of_year[spaced(match["p"])]
        if group_of(match, "rel"):
            offset = self.vocabulary.relative_years[spaced(group_of(match, "rel"))]
            yield Found(*match.span(), resolve=lambda c: _relative_span(c, offset, first, last))
            return
        year = int(match["y"])
        if FIRST_YEAR <= year <= LAST_YEAR:
            yield Found(*match.span(), month_span(year, first, last), year=year,
                        month=first if first <= last else None)  # a winter spans two years

    def _decade(self, match: re.Match[str], text: str) -> Iterator[Found]:
        """ "the 1920s"; "the 1800s" means the hundred years, as it usually does, but "the 2000s"
        the decade, since that century has not run its course."""
        start = int(match["y"])
        if not FIRST_YEAR < start <= LAST_YEAR:  # "1000s of men" are thousands
            return
        hundred_years = start % 100 == 0 and start < 2000
        yield Found(*match.span(), year_span(start, start + (99 if hundred_years else 9)))

    def _short_year_season(self, match: re.Match[str], text: str) -> Iterator[Found]:
        first, last = self.vocabulary.seasons[match["s"].lower()]
        short = int(match["yy"])

        def resolve(context: Context) -> Reading | None:
            year, cert = _short_year_in_context(short, context)
            if year is None:
                return None  # "the winter of '62" in no century we know
            return Reading(month_span(year, first, last), cert, year, first if first <= last else None,
                           from_context=True)

        yield Found(*match.span(), resolve=resolve)

    def _short_decade(self, match: re.Match[str], text: str) -> Iterator[Found]:
        decade = int(match["yy"]) * 10
        yield Found(*match.span(), resolve=lambda c: _decade_in_context(decade, c))

    def _decade_word(self, match: re.Match[str], text: str) -> Iterator[Found]:
        decade = self.vocabulary.decade_words[match["w"].lstrip("'’").lower()]
        yield Found(*match.span("w"), resolve=lambda c: _decade_in_context(decade, c))

    def _century(self, match: re.Match[str], text: str) -> Iterator[Found]:
        ordinal = match["o"].lower()
        number = int(ordinal[:-2]) if ordinal[0].isdigit() else self.vocabulary.ordinals[spaced(ordinal)]
        if not 1 <= number <= 21:
            return
        end = match.end() if group_of(match, "era") else match.end("c")
        if group_of(match, "era") in self.vocabulary.before_christ:
            yield Found(match.start(), end, year_span(-number * 100, -(number - 1) * 100 - 1))
        else:
            yield Found(match.start(), end, year_span((number - 1) * 100 + 1, number * 100))

    # -------------------------------------------------------------- years

    def _iso_date(self, match: re.Match[str], text: str) -> Iterator[Found]:
        year, month, day = int(match["y"]), int(match["mo"]), int(match["d"])
        if FIRST_YEAR <= year <= LAST_YEAR and is_real_day(year, month, day):
            yield Found(*match.span(), {"when": iso_day(year, month, day)}, year=year, month=month, day=day)

    def _year_range(self, match: re.Match[str], text: str) -> Iterator[Found]:
        first = int(match["y"])
        last = second_year(first, group_of(match, "y2"))
        if (FIRST_YEAR <= first <= LAST_YEAR and last is not None and first < last <= LAST_YEAR
                and self._reads_as_year(text, match.start(), match.end(), first)):
            yield Found(*match.span(), {"from": iso_year(first), "to": iso_year(last)},
                        year=None if in_parentheses(text, *match.span()) else first)

    def _year(self, match: re.Match[str], text: str) -> Iterator[Found]:
        year = int(match["y"])
        if FIRST_YEAR <= year <= LAST_YEAR and self._reads_as_year(text, match.start(), match.end(), year):
            # a year alone in parentheses is a cited work's date, not the narrative's year
            yield Found(*match.span(), {"when": iso_year(year)},
                        year=None if in_parentheses(text, *match.span()) else year,
                        sets_context=not (names_an_event(text, *match.span())
                                          or word_before(text, match.start()) in self.vocabulary.looking_back_cues))

    def _era_year(self, match: re.Match[str], text: str) -> Iterator[Found]:
        number = int(match["n"])
        if number < 1:
            return
        year = -number if group_of(match, "era") in self.vocabulary.before_christ else number
        yield Found(*match.span(), {"when": iso_year(year)}, year=year)

    def _reads_as_year(self, text: str, start: int, end: int, number: int) -> bool:
        """Whether a four-digit number is a year here rather than a quantity or a page number."""
        v = self.vocabulary
        cue = word_before(text, start)
        if cue in v.not_year_cues:
            return False
        if cue in v.year_cues or cue == "(" or cue in v.months or cue in v.seasons:
            return True
        if cue in v.capitalised_year_cues and text[:start].rstrip()[-len(cue):].istitle():
            return True
        following = FOLLOWING_WORDS.match(text, end)
        if following and (self._is_quantity_noun(following[1]) or following[1] == "of" and following[2] in PARTITIVE):
            # "the 1917 elections" is a year, "the 1500 men" a quantity: years are rarely round
            return cue == "the" and number % 50 != 0
        return True

    def _is_quantity_noun(self, word: str) -> bool:
        v = self.vocabulary
        if word in v.quantity_nouns:
            return True
        return (len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
                and word not in v.not_plural)


# ---------------------------------------------------------------- helpers


def _decade_in_context(decade: int, context: Context) -> Reading:
    """The decade in whichever century puts it nearest the narrative's year."""
    reference = context.year if context.year is not None else context.first_year
    cert = MEDIUM
    if reference is None:
        reference, cert = 1950, LOW  # nothing to go by: the twentieth century's decades
    start = min((century + decade for century in (reference // 100 * 100 - 100, reference // 100 * 100,
                                                   reference // 100 * 100 + 100)),
                key=lambda candidate: abs(candidate + 5 - reference))
    return Reading(year_span(start, start + 9), cert)


def _short_year_in_context(short: int, context: Context) -> tuple[int | None, str]:
    """(year, cert) of a year written by its last two digits ("'62"): in the century that puts it
    nearest the narrative's year (or the document's first), medium within SHORT_YEAR_NEAR years
    of it, else low (either century may be meant); (None, "") with no year to go by."""
    reference = context.year if context.year is not None else context.first_year
    if reference is None:
        return None, ""
    century = reference // 100 * 100
    year = min((century - 100 + short, century + short, century + 100 + short),
               key=lambda candidate: (abs(candidate - reference), candidate))
    return year, MEDIUM if abs(year - reference) <= SHORT_YEAR_NEAR else LOW


def _last_or_next(text: str, end: int) -> tuple[int, bool, bool]:
    """(where the date ends, looks back, looks ahead): "last" or "next" after it belongs to it."""
    relative = LAST_OR_NEXT.match(text, end)
    if relative is None:
        return end, False, False
    return relative.end(), relative[1] == "last", relative[1] == "next"


def _relative_span(context: Context, offset: int, first: int, last: int) -> Reading | None:
    """ "the summer of that year": the months of the last year named, plus offset."""
    if context.year is None:
        return None
    year = context.year + offset  # the text names the year ("the following year"): what follows is in it
    return Reading(month_span(year, first, last), MEDIUM, year, from_context=True)


# what joins the two ends of a range: "12 June to 30 September 1979", "from May till August 1812"
RANGE_JOIN = re.compile(rf"\s*(?:{DASH}|to|till|until|and)\s+|\s*{DASH}\s*")
BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+(?:the\s+)?\Z")


# an editor's year after a day without one: "Septr 20th [1825]", "March 3d [1820?]"
EDITORS_YEAR = re.compile(r"\s*\[\s*(\?)?\s*(\d{4})\s*(\?)?\s*\]")


def _with_editors_years(text: str, chosen: list[Found]) -> list[Found]:
    """A day and month followed by the year an editor supplies in brackets take that year (cert
    low where the editor doubts it): the dateline then frames the letter's days as a full one."""
    for first, second in zip(chosen, chosen[1:]):
        if first.yearless is None or first.yearless[1] is None or first.resolve is None:
            continue
        bracket = EDITORS_YEAR.match(text, first.end)
        if bracket is None or second.start != bracket.start(2) or second.values is None or second.year is None:
            continue
        year, (month, day) = int(bracket[2]), first.yearless
        if str(second.year) != bracket[2] or not is_real_day(year, month, day):
            continue
        values = {"when": iso_day(year, month, day)}
        if bracket[1] or bracket[3]:
            values.update(cert=LOW)
            second.values = {**second.values, "cert": LOW}
        first.values, first.resolve, first.yearless = values, None, None
        first.year, first.month, first.day = year, month, day
        second.sets_context = False  # the day is the frame, not its year alone
    return chosen


def _join_open_ranges(text: str, chosen: list[Found]) -> list[Found]:
    """A day or month without its year that opens a range whose other end has one ("12 June to
    30 September 1979", "from May to August 1812", "between 3 and ... ") is one range in that
    year (the year before, if the first end comes later in the year): the year is the text's,
    where the context's ("12 June" read in the last year named) would be a guess, and often wrong."""
    joined: list[Found] = []
    for found in chosen:
        first = joined[-1] if joined else None
        if first is not None and first.yearless and (range_end := _range_from(text, first, found)):
            joined[-1] = range_end
            continue
        joined.append(found)
    return joined


def _range_from(text: str, first: Found, last: Found) -> Found | None:
    join = RANGE_JOIN.fullmatch(text, first.end, last.start)
    if (join is None or last.values is None or last.custom is not None or last.style or last.double_year
            or last.year is None or set(last.values) != {"when"}):
        return None
    if join.group().strip() == "and" and not BETWEEN_BEFORE.search(text, max(0, first.start - 16), first.start):
        return None  # "in June and 30 September 1979": no range
    month, day = first.yearless
    written = last.values["when"]
    if not re.fullmatch(r"\d{4}-\d\d" if day is None else r"\d{4}-\d\d-\d\d", written):
        return None  # a day to a month, a month to a day: not read
    last_month, last_day = int(written[5:7]), int(written[8:10]) if day is not None else None
    year = last.year - ((month, day or 0) > (last_month, last_day or 0))
    if (month, day or 0) == (last_month, last_day or 0) or day is not None and not is_real_day(year, month, day):
        return None
    start = iso_month(year, month) if day is None else iso_day(year, month, day)
    return Found(first.start, last.end, {"from": start, "to": written}, year=last.year, month=last.month,
                 day=last.day)


@lru_cache(maxsize=1)
def default_recogniser() -> Recogniser:
    return Recogniser(load_vocabulary())


def _dual_year(legal: int, written: str, month: int | None, day: int | None) -> int | None:
    """The historical year of a double year: "10th January 1665/6" is a day of 1666 by our count
    and of 1665 by the legal year of England and its colonies, which began on 25 March (Lady Day)
    until 1752. Only 1 January to 24 March were written so, and the second year is the first plus
    one ("1717/18", "1699/700" is not written): anything else is no double year we can read (None)."""
    if int(written) != (legal + 1) % 10 ** len(written) or len(written) > len(str(legal + 1)):
        return None
    if month is not None and (month > 3 or month == 3 and day is not None and day > 24):
        return None
    return legal + 1


def _dual_year_style(match: re.Match[str]) -> dict[str, object]:
    """A double year is Old Style: only the Julian calendar's countries wrote the year so."""
    return {"style": calendars.JULIAN, "double_year": True} if group_of(match, "dy") or group_of(match, "dyd") else {}
