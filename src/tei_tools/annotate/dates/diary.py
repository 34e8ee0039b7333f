"""Dates as letters and diaries write them: days without their month, and double dates.

- a weekday and a day ("Saturday 2", "Sunday — 3d."), and, at the head of a diary entry, a day
  alone ("1st.", "the 3d") or a weekday alone ("Monday"): the month (and year) come from the
  entry or month heading before them;
- "the 14th inst." (this month), "the 3d ult." (last month), "the 5th prox." (next month);
- a month alone as a heading ("February."), which sets the month of the entries below it;
- double dates, Old Style first: "25 October (7 November) 1917", "October 25 (November 7), 1917",
  "February 1/14, 1918", "1/14 February 1918". They are one date: the Gregorian reading in
  @when, the Julian in @when-custom. Where the two readings are not the same day (the gap is 10
  days before 1700, 11 in the 18th century, 12 in the 19th, 13 from 1900 to 2099), the Old Style
  reading is kept, with cert="low".
"""
from __future__ import annotations

import re
from typing import Iterator

from tei_tools import calendars
from tei_tools.annotate.dates.context import LOW, MEDIUM, Context, Found, Reading
from tei_tools.annotate.dates.values import iso_day, iso_month, is_real_day
from tei_tools.annotate.dates.vocabulary import Vocabulary

_DIGITS = re.compile(r"[0-9][0-9]*")  # as [0-9]+, but opening with a set re can scan for
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
SUFFIX = r"(?:\.?(?:st|nd|rd|th|d)(?![a-z]))"
DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2212]"
# how many days apart a day's Julian and Gregorian numbers are written in one month (10 to 13
# from 1582 to 2099), with a slip of one either way
CALENDARS_APART = (9, 14)
# the time of day a diarist writes beside the weekday: "Sunday Ev.", "Thursday Evening"
TIME_OF_DAY = r"(?:Ev\.|[Ee]ve\.?|[Ee]vening|[Mm]orning|[Mm]orng\.|[Aa]fternoon|[Nn]ight)"
# what may stand between a weekday and its date: "Sunday, ", "Sunday Ev. ", "Sunday — "
WEEKDAY_GAP = rf"[,.]?\s*(?:{TIME_OF_DAY},?\s*)?(?:{DASH}+\s*)?"
# what may follow "the 10th of" and leave it a day of the letter's month: "of this month", "of the same"
OF_THIS_MONTH = r"(?:(?:this|that|present|same|current|instant)\b|the\s+(?:present|same|current|month)\b|inst\.)"


CLAUSE_REACH = 300
CLAUSE_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|'ll")


def _alternation(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


class DiaryRecogniser:
    """The forms of dates that need a letter's or an entry's context, or read two calendars."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        weekday_forms = [form for name in vocabulary.weekdays for form in (name.capitalize(), name.upper())]
        self.weekday = rf"(?P<wd>{_alternation(weekday_forms)})(?![\w])"
        month_forms = [form for name in vocabulary.months for form in (name.capitalize(), name.upper())]
        full_forms = [form for name in vocabulary.full_months for form in (name.capitalize(), name.upper())]
        month = rf"(?:{_alternation(full_forms)}\b|{_alternation(month_forms)}\b\.?)"
        year = r"(?P<y>\d{4})\b"
        cues = _alternation(list(vocabulary.day_only_cues) + [c.capitalize() for c in vocabulary.day_only_cues])
        self.weekday_before = re.compile(rf"{self.weekday}{WEEKDAY_GAP}(?:the\s+)?\Z")
        self.weekday_after = re.compile(rf"\s*[,.]?\s*{self.weekday}")
        # "on Friday last", "by Sunday next": in a letter, the weekday before or after its date
        self.weekday_last_next = re.compile(rf"{self.weekday}\s+(?P<rel>last|next)\b(?!\s+(?:week|but)\b)")
        self.weekday_day = re.compile(
            rf"\b{self.weekday}{WEEKDAY_GAP}(?:the\s+)?(?P<d>{DAY}){SUFFIX}?\b(?![.,:]?\d|\s*(?:of\s+)?{month}|\s*{DASH}\s*\d)")
        # at the head of an entry, perhaps after its place: "1st.", "the 3d", "Ambleside, 22nd."
        self.heading_day = re.compile(
            rf"(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}},\s+)?(?:the\s+)?(?P<d>{DAY})(?P<suffix>{SUFFIX})\b"
            rf"(?!\.?\d|\s*(?:of\s+)?{month})")
        # in the body of a letter or an entry: "on the 10th", "since the 3d", "yesterday, the 16th"
        # (found from the ordinal's ending, then the words before it: cheap scans first)
        self.ordinal_trigger = re.compile(rf"(?<![\d.,:/])(?:[12]\d|3[01]|0?[1-9]){SUFFIX}\b")
        self.narrative_day_before = re.compile(
            r"\b(?:(?:[Oo]n|[Ss]ince|[Bb]etween|[Aa]bout|[Tt]owards?|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|of)"
            r"|(?:[Yy]esterday|[Tt]o-?day|[Tt]o-?morrow)(?:\s+(?:morning|evening|afternoon|night))?,?)"
            r"\s+the\s+(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|d)\s+(?:or|and|to)\s+)?\Z")
        # "yesterday, the 16th", "yesterday evening, the 9th", "before the 20th or 21st"
        # "on the 3d and 4th of May", "from the 5th to the 8th of June 1776": the first day is in the month
        # named after the second (not the letter's)
        self.month_of_next_day = re.compile(
            rf"\s+(?:or|and|to|till|until)\s+(?:the\s+)?{DAY}{SUFFIX}?\s+(?:of\s+)?(?P<m>{month})"
            rf"(?:[,.]?\s+{year})?")
        # not "the 4th of Hebrews", "the 3d of his journey": after "of", only this or that month
        not_day = rf"|\s+{_alternation(sorted(vocabulary.not_day_after))}\b" if vocabulary.not_day_after else ""
        self.narrative_day = re.compile(
            rf"(?P<d>{DAY}){SUFFIX}\b(?![^\S\n]*(?:of\s+)?{month}|\s+[A-Z]|[^\S\n]*(?:{cues})"
            rf"|\s+of\s+(?!{OF_THIS_MONTH}){not_day})")
        # "Monday", "Thursday Evening.": a weekday heading an entry, perhaps with the time of day
        self.heading_weekday = re.compile(
            rf"{self.weekday}\.?(?:,?\s+{TIME_OF_DAY})?\.?\s*(?:{DASH}+)?\s*\Z")
        self.heading_month = re.compile(rf"(?P<m>{_alternation(full_forms)})\b\.?\s*(?:{DASH}+)?\s*\Z")
        self.day_with_cue = re.compile(rf"\b(?:the\s+)?(?P<d>{DAY}){SUFFIX}?\s+(?P<cue>{cues})(?!\w)")
        self.double_day_month = re.compile(
            rf"\b(?P<d>{DAY}){SUFFIX}?\s+(?P<m>{month})\s*\(\s*(?P<d2>{DAY}){SUFFIX}?\s+(?P<m2>{month})"
            rf"(?:,?\s*N\.\s?S\.)?\s*\)(?:\s*,?\s+{year})?")
        self.double_month_day = re.compile(
            rf"\b(?P<m>{month})\s+(?P<d>{DAY}){SUFFIX}?\s*\(\s*(?P<m2>{month})\s+(?P<d2>{DAY}){SUFFIX}?"
            rf"(?:,?\s*N\.\s?S\.)?\s*\)(?:\s*,?\s+{year})?")
        # "12 (24) March 1855", "March 12 (24), 1855": the New Style day alone in the parentheses
        self.parenthesised_day_month = re.compile(
            rf"\b(?P<d>{DAY}){SUFFIX}?\s*\(\s*(?P<d2>{DAY}){SUFFIX}?\s*\)\s*(?P<m>{month}),?\s+{year}")
        self.parenthesised_month_day = re.compile(
            rf"\b(?P<m>{month})\s+(?P<d>{DAY}){SUFFIX}?\s*\(\s*(?P<d2>{DAY}){SUFFIX}?\s*\)\s*,?\s+{year}")
        self.slash_month_day = re.compile(
            rf"\b(?P<m>{month})\s+(?P<d>{DAY})\s*/\s*(?P<d2>{DAY}){SUFFIX}?,?\s+{year}")
        self.slash_day_month = re.compile(
            rf"\b(?P<d>{DAY})\s*/\s*(?P<d2>{DAY}){SUFFIX}?\s+(?P<m>{month}),?\s+{year}")
        # Cheap scans first (why: the full patterns over every paragraph cost more than all the
        # other rules together): where a double date, a weekday or an "inst." may be.
        self.slash_trigger = re.compile(r"\d\s*/\s*\d")
        self.weekday_trigger = re.compile(_alternation(weekday_forms))
        self.cue_trigger = re.compile(rf"\d\w*\s+{cues}(?!\w)")

    # ---------------------------------------------------------------- entry point

    def find(self, text: str, heading: bool = False, weekdays: list[int] | None = None,
             numbers: list[int] | None = None) -> list[Found]:
        """Dates of the forms above; `weekdays`: where weekday names start (see weekday_positions);
        `numbers`: where the runs of ASCII digits start (see number_positions)."""
        found: list[Found] = []
        for position in self._double_date_places(text):
            window = (max(0, position - 24), min(len(text), position + 48))
            for pattern in (self.double_day_month, self.double_month_day, self.parenthesised_day_month,
                            self.parenthesised_month_day, self.slash_month_day, self.slash_day_month):
                found.extend(f for m in pattern.finditer(text, *window) for f in self._double(m))
        for position in self.weekday_positions(text) if weekdays is None else weekdays:
            if match := self.weekday_day.match(text, position):
                found.append(self._day_only(match.start(), match.end(), int(match["d"]), self._weekday(match["wd"])))
            elif match := self.weekday_last_next.match(text, position):
                found.append(self._weekday_last_or_next(match))
        for trigger in self._ordinals(text, self.number_positions(text) if numbers is None else numbers):
            if not self.narrative_day_before.search(text, max(0, trigger.start() - 40), trigger.start()):
                continue
            if match := self.narrative_day.match(text, trigger.start()):
                # the span starts at the day, as "the 17th of May" is marked "17th of May"
                if named := self.month_of_next_day.match(text, match.end()):
                    found.extend(self._day_of_next_month(match.start("d"), match.end(), int(match["d"]), named))
                    continue
                found.append(self._day_only(match.start("d"), match.end(), int(match["d"]), None,
                                            in_letter_or_entry=True, tense=self._tense(text, match.start("d"))))
        if self.cue_trigger.search(text):
            for match in self.day_with_cue.finditer(text):
                offset = self.vocabulary.day_only_cues[match["cue"].lower()]
                found.append(self._day_only(match.start("d"), match.end(), int(match["d"]), None, offset,
                                        letters_month=True))
        if heading:
            found.extend(self._heading(text))
        return found

    def _double_date_places(self, text: str) -> Iterator[int]:
        """Where a double date may be: an opening parenthesis just after a number, or a slash
        between numbers (literal scans: cheap)."""
        position = text.find("(")
        while position >= 0:
            if any(c.isdigit() for c in text[max(0, position - 16):position]):  # "20th September ("
                yield position
            position = text.find("(", position + 1)
        if "/" in text:
            for match in self.slash_trigger.finditer(text):
                yield match.start()

    def _ordinals(self, text: str, numbers: list[int]) -> Iterator[re.Match]:
        """ordinal_trigger.finditer(text), tried only where a run of digits starts: a match starts
        with an ASCII digit not after a digit, so only there; and it ends before the next run (no
        digit follows its first two), so these are the matches finditer finds, without trying the
        pattern (which no quick scan can start: it opens with a look-behind) at every character."""
        for position in numbers:
            if match := self.ordinal_trigger.match(text, position):
                yield match

    def number_positions(self, text: str) -> list[int]:
        """Where each run of ASCII digits starts, in text order."""
        return [m.start() for m in _DIGITS.finditer(text)]

    def weekday_positions(self, text: str) -> list[int]:
        """Where a weekday's name starts, in text order (one scan per block, shared with `styles`)."""
        return [m.start() for m in self.weekday_trigger.finditer(text)]

    def weekday_number(self, name: str) -> int:
        return self._weekday(name)

    def _weekday(self, name: str) -> int:
        return self.vocabulary.weekdays[name.lower()]

    def _month(self, name: str) -> int:
        return self.vocabulary.months[name.rstrip(".").lower()]

    # ---------------------------------------------------------------- days without their month

    def _heading(self, text: str) -> Iterator[Found]:
        """A diary entry's heading may be a day alone ("1st.", "Monday") or a month ("February.")."""
        stripped = text.lstrip()
        lead = len(text) - len(stripped)
        if match := self.heading_day.match(stripped):
            yield self._day_only(lead + match.start("d"), lead + match.end("suffix"), int(match["d"]), None)
        elif match := self.heading_weekday.match(stripped):
            weekday = self._weekday(match["wd"])
            end = lead + match.end("wd")

            def resolve(context: Context) -> Reading | None:
                day = context.next_weekday(weekday)
                if day is None:
                    return None
                year, month, number, cert = day
                return Reading({"when": iso_day(year, month, number)}, cert, year, month, number, from_context=True)

            yield Found(lead, end, resolve=resolve, weekday=weekday, counted_from_weekday=True)
        elif match := self.heading_month.match(stripped):
            month = self._month(match["m"])

            def resolve_month(context: Context) -> Reading:
                found = context.year_of_month(month)
                if found is None:
                    return Reading({"when": iso_month(None, month)}, month=month)
                return Reading({"when": iso_month(found[0], month)}, found[1], found[0], month, from_context=True)

            yield Found(lead + match.start("m"), lead + match.end("m"), resolve=resolve_month)

    def _day_of_next_month(self, start: int, end: int, day: int, named: re.Match[str]) -> Iterator[Found]:
        """The first day of "the 3d and 4th of May": a day of the month (and year) named after the second."""
        month = self._month(named["m"])
        if named["y"]:
            year = int(named["y"])
            if is_real_day(year, month, day):
                yield Found(start, end, {"when": iso_day(year, month, day)}, year=year, month=month, day=day,
                            sets_context=False)
            return
        if not is_real_day(None, month, day):
            return

        def resolve(context: Context) -> Reading:
            found = context.year_of_day(month, day)
            if found is None:
                return Reading({"when": iso_day(None, month, day)})
            return Reading({"when": iso_day(found[0], month, day)}, found[1], found[0], month, day, from_context=True)

        yield Found(start, end, resolve=resolve)

    def _weekday_last_or_next(self, match: re.Match[str]) -> Found:
        """"Friday last" in a letter dated Wednesday 14 August is Friday 9 August, "Sunday next"
        the first Sunday after the date (cert medium: a writer may mean the week after); only in
        the body of a letter or an entry whose heading gives the day."""
        weekday, step = self._weekday(match["wd"]), -1 if match["rel"] == "last" else 1

        def resolve(context: Context) -> Reading | None:
            day = context.weekday_from_heading(weekday, step)
            if day is None:
                return None
            year, month, number = day
            return Reading({"when": iso_day(year, month, number)}, MEDIUM, year, month, number, from_context=True)

        return Found(match.start(), match.end(), resolve=resolve, weekday=weekday, counted_from_weekday=True)

    def _tense(self, text: str, position: int) -> str | None:
        """"past" or "future" for the clause around `position`, from its words (data/dates.toml,
        [tense]); None where it has words of two lists, a present one, or none."""
        # within CLAUSE_REACH characters either side: a block without punctuation costs no more
        low, high = max(0, position - CLAUSE_REACH), min(len(text), position + CLAUSE_REACH)
        start = max((text.rfind(mark, low, position) for mark in ".;!?"), default=-1) + 1
        start = max(start, low)
        ends = [end for end in (text.find(mark, position, high) for mark in ".;!?") if end >= 0]
        words = set(CLAUSE_WORD.findall(text[start:min(ends) if ends else high].lower()))
        past = not self.vocabulary.past_words.isdisjoint(words)
        future = not self.vocabulary.future_words.isdisjoint(words)
        if not self.vocabulary.present_words.isdisjoint(words) or past == future:
            return None
        return "past" if past else "future"

    def _day_only(self, start: int, end: int, day: int, weekday: int | None, offset: int = 0,
                  in_letter_or_entry: bool = False, letters_month: bool = False, tense: str | None = None) -> Found:
        """A day without its month. `in_letter_or_entry`: a date only where a dateline or an entry
        heading gives the month ("on the 10th" in a novel is no date we can read); `tense`: of its
        clause (see Context.month_of_day)."""
        def resolve(context: Context) -> Reading | None:
            if in_letter_or_entry and (context.heading is None or context.recent() is not context.heading):
                return None
            found = context.month_of_day(day, offset, letters_month, tense)
            if found is None:
                return None  # a day without any month to go by is not a date we can write
            year, month, cert = found
            return Reading({"when": iso_day(year, month, day)}, cert, year, month, day, from_context=True)

        return Found(start, end, resolve=resolve, weekday=weekday)

    # ---------------------------------------------------------------- double dates

    def _double(self, match: re.Match[str]) -> Iterator[Found]:
        """A day written in both calendars ("14/26 March 1839"), or, with its days too near or too
        far apart for that, two days ("14/15 April 1912")."""
        old_month = self._month(match["m"])
        new_month = self._month(match["m2"]) if match.groupdict().get("m2") else old_month
        old_day, new_day = int(match["d"]), int(match["d2"])
        if match["y"] is None:
            yield from self._double_without_year(match, old_month, old_day, new_month, new_day)
            return
        year = int(match["y"])
        if not is_real_day(year, old_month, old_day, calendars.JULIAN):
            return
        gregorian = calendars.julian_to_gregorian(year, old_month, old_day)
        consistent = (gregorian.month, gregorian.day) == (new_month, new_day)
        if not consistent and not match.groupdict().get("m2") and _two_days(year, old_month, old_day, new_day):
            yield Found(match.start(), match.end(), {"from": iso_day(year, old_month, old_day),
                                                     "to": iso_day(year, new_month, new_day)},
                        year=year, month=old_month, day=old_day)
            return
        values = {"when": gregorian.iso()}
        custom = {"when-custom": iso_day(year, old_month, old_day), "datingMethod": "#julian"}
        found = Found(match.start(), match.end(), values, year=year, month=old_month, day=old_day,
                      style=calendars.JULIAN, custom=custom)  # the context goes on in the Julian calendar
        if not consistent:
            found.custom = {**custom, "cert": LOW, "resp": "#tei-tools"}
        yield found


    def _double_without_year(self, match: re.Match[str], old_month: int, old_day: int, new_month: int,
                             new_day: int) -> Iterator[Found]:
        """"your letter of the 20th December (1st January)": a day in both calendars, the year from
        the context (of the Old Style day); where the context's year does not make the two one day,
        nothing is claimed. Without a year to go by, the New Style day alone ("--01-01")."""
        if not (is_real_day(None, old_month, old_day) and is_real_day(None, new_month, new_day)):
            return
        if (old_month, old_day) == (new_month, new_day):
            return

        def resolve(context: Context) -> Reading | None:
            found = context.year_of_day(old_month, old_day)
            if found is None:
                return Reading({"when": iso_day(None, new_month, new_day)})  # the New Style day; a Julian
                # @when-custom needs its year
            year, cert = found
            if not is_real_day(year, old_month, old_day, calendars.JULIAN):
                return None
            gregorian = calendars.julian_to_gregorian(year, old_month, old_day)
            if (gregorian.month, gregorian.day) != (new_month, new_day):
                return None  # not one day in two calendars in the context's year: no reading we trust
            return Reading({"when": gregorian.iso(), "when-custom": iso_day(year, old_month, old_day),
                            "datingMethod": "#julian"}, cert, year, old_month, old_day, from_context=True)

        # GREGORIAN: the values are written in both calendars already (nothing to convert)
        yield Found(match.start(), match.end(), resolve=resolve, style=calendars.GREGORIAN)


def _two_days(year: int, month: int, first: int, second: int) -> bool:
    """"the night of 14/15 April 1912": two days of the month, not one day in two calendars,
    whose numbers stand 10 to 13 apart (give or take a writer's slip)."""
    low, high = CALENDARS_APART
    return first < second and not low <= second - first <= high and is_real_day(year, month, second)
