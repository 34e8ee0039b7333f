"""Old Style and New Style, and the weekday beside a date.

Which calendar a day is in, in order of authority:
1. the text says so: "O.S.", "Old Style" after the date (Julian); "N.S.", "New Style" (Gregorian);
   a date followed by another in parentheses marked N.S. ("October 25, 1917 (November 7, 1917,
   N.S.)") is the Old Style reading of that day; double dates are read by `diary`;
2. the source's sidecar: "calendar": {"julian-until": "1918-02-13"} makes the days and months up to
   that day Old Style unless marked (Russian sources before the reform, British before 1752-09-14);
3. a day that histories usually give in the Old Style (data/dates.toml, calendar.old_style_events),
   written exactly so in a sentence with one of the event's cue words, is read as Old Style with
   cert="medium": the tool's reading, for an editor to confirm.
Everything else is Gregorian, as written.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tei_tools import calendars
from tei_tools.annotate.dates.context import MEDIUM, Found
from tei_tools.annotate.dates.values import Values, as_julian, parse_day
from tei_tools.annotate.dates.vocabulary import Vocabulary

ABBREVIATIONS = frozenset("st mr mrs messrs ms dr rev col gen capt lt sgt prof sr jr vol no pp ch ed jan feb mar apr "
                          "ap jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun mond tuesd wedn "
                          "wednesd thursd frid satd saturd sund ev "
                          "morng inst ult prox viz cf etc".split())
_LAST_WORD = re.compile(r"([A-Za-z]+)\.\Z")
SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class CalendarPolicy:
    """What the source's sidecar says about its calendar."""

    julian_until: str | None = None  # YYYY-MM-DD: days up to this one are Old Style unless marked
    cert: str | None = None  # how sure that is: None when the source's sidecar says so

    def is_old_style(self, values: Values) -> bool:
        if not self.julian_until:
            return False
        written = [v for k, v in values.items() if k in ("when", "from", "to") and not v.startswith("--")]
        return bool(written) and all(_comparable(v) <= self.julian_until for v in written)


def _comparable(value: str) -> str:
    """A value as a string that sorts like the day it starts on (years >= 1000)."""
    return value if len(value) == 10 else value + "-01" if len(value) == 7 else value + "-01-01"


class Styles:
    """Marks found next to a date: a weekday before or after it, an O.S./N.S. marker after it."""

    def __init__(self, vocabulary: Vocabulary, weekday_before: re.Pattern[str], weekday_after: re.Pattern[str],
                 weekday_number) -> None:
        self.vocabulary = vocabulary
        self.weekday_before = weekday_before
        self.weekday_after = weekday_after
        self.weekday_number = weekday_number
        old = "|".join(re.escape(m) for m in sorted(vocabulary.old_style_markers, key=len, reverse=True))
        new = "|".join(re.escape(m) for m in sorted(vocabulary.new_style_markers, key=len, reverse=True))
        # the marker joins the date's span: "October 25, 1917 (O.S.)", "7 November 1917 N.S."
        self.old_after = re.compile(rf"[ \t]*,?[ \t]*(?:\([ \t]*(?:{old})[ \t]*\)|(?:{old})(?!\w))")
        self.new_after = re.compile(rf"[ \t]*,?[ \t]*(?:\([ \t]*(?:{new})[ \t]*\)|(?:{new})(?!\w))")
        # "[O.S. February 11, 1731]", "(N.S. 7 November)": a marker opening a bracket before the date
        self.old_before = re.compile(rf"[(\[][ \t]*(?:{old})[ \t]*,?[ \t]*\Z")
        self.new_before = re.compile(rf"[(\[][ \t]*(?:{new})[ \t]*,?[ \t]*\Z")
        # "October 25, 1917 (November 7, N.S.)": the parenthesis ends with an N.S. marker
        self.new_in_parentheses = re.compile(rf"\s*\(([^()]{{3,40}}?),?\s*(?:{new})\s*\)")

    def mark_weekdays(self, text: str, found: list[Found], weekdays: list[int]) -> None:
        """Set each date's weekday; a weekday just before the date joins its span. `weekdays`:
        where weekday names start in the text."""
        if not weekdays:
            return
        for item in found:
            if item.weekday is not None or (item.values is not None and len(item.values.get("when", "")) != 10
                                            and item.custom is None):
                continue  # a weekday goes with a day, not with a month or a year
            window = max(0, item.start - 40)
            nearby = bisect.bisect_left(weekdays, window)
            if nearby == len(weekdays) or weekdays[nearby] > item.end + 12:
                continue  # no weekday's name anywhere near
            if before := self.weekday_before.search(text, window, item.start):
                item.weekday = self.weekday_number(before["wd"])
                item.start = before.start()
            elif after := self.weekday_after.match(text, item.end):
                item.weekday = self.weekday_number(after["wd"])

    def mark_calendars(self, text: str, found: list[Found]) -> None:
        """Set the calendar the text marks for each date (the dates in text order)."""
        for item in found:
            if item.style is None:
                if marker := self.old_after.match(text, item.end):
                    item.style, item.end = calendars.JULIAN, marker.end()
                elif marker := self.new_after.match(text, item.end):
                    item.style, item.end = calendars.GREGORIAN, marker.end()
                elif self.old_before.search(text, max(0, item.start - 24), item.start):
                    item.style = calendars.JULIAN
                elif self.new_before.search(text, max(0, item.start - 24), item.start):
                    item.style = calendars.GREGORIAN
        for first, second in zip(found, found[1:]):
            marked = self.new_in_parentheses.match(text, first.end)
            if first.style is None and marked and second.start < marked.end():
                first.style, second.style = calendars.JULIAN, calendars.GREGORIAN


def old_style_event(values: Values, sentence: str, vocabulary: Vocabulary) -> bool:
    """Whether a day is written as the Old Style day of a known event, in that event's words."""
    day = parse_day(values.get("when", ""))
    if day is None:
        return False
    lowered = sentence.lower()
    return any(event.julian == day and any(re.search(rf"\b{re.escape(cue)}", lowered) for cue in event.cues)
               for event in vocabulary.old_style_events)


def in_calendar(item: Found, values: Values, sentence: str, policy: CalendarPolicy,
                vocabulary: Vocabulary, old_style_context: bool = False) -> tuple[Values, str | None]:
    """The values to write and the cert of the calendar reading (None: as the text says).
    `old_style_context`: the date was read from an Old Style date (its dateline, its entry)."""
    if item.custom is not None:  # a double date carries both readings already
        return {**values, **item.custom}, None
    if item.style == calendars.GREGORIAN:
        return values, None
    cert = None
    if item.style == calendars.JULIAN or old_style_context:
        pass
    elif policy.is_old_style(values):
        cert = policy.cert
    elif item.year is not None and old_style_event(values, sentence, vocabulary):  # written with its year
        cert = MEDIUM
    else:
        return values, None
    converted = as_julian(values)
    if converted is None:
        return values, None
    return converted, cert


def sentence_around(text: str, starts: list[int], start: int) -> str:
    """The sentence of the text that holds `start` (`starts`: where its sentences start)."""
    index = bisect.bisect_right(starts, start) - 1
    return text[starts[index]:starts[index + 1] if index + 1 < len(starts) else len(text)]


def sentence_starts(text: str) -> list[int]:
    """Where the sentences of a text start; a period after an abbreviation ("St.", "Mr.", "Jan.",
    an initial) does not end one."""
    starts = [0]
    for match in SENTENCE_END.finditer(text):
        word = _LAST_WORD.search(text, max(0, match.start() - 12), match.start() + 1)
        if match.group().startswith(".") and word and (len(word[1]) == 1 or word[1].lower() in ABBREVIATIONS):
            continue
        starts.append(match.end())
    return starts
