"""The date annotator: reads a document's blocks in order and resolves each date in its context.

Why in order: some dates take their year (or month) from what came before ("February of that
year", "on 8th January", "Saturday 2" under the heading "February. 1839"). A value taken from
the context carries @cert and @resp="#tei-tools" (see `context` for how sure each kind of context
is); a weekday written with the date must agree with the day computed, or the context's year is
not used. The calendar step (`styles`) then writes Old Style days in both calendars.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Sequence

from tei_tools import calendars
from tei_tools.annotate.dates.context import HIGH, LOW, MEDIUM, Context, Found, Reading
from tei_tools.annotate.dates.recogniser import DASH, Recogniser, default_recogniser
from tei_tools.annotate.dates.styles import CalendarPolicy, in_calendar, sentence_around, sentence_starts
from tei_tools.annotate.dates.values import Values, is_real_day, iso_day, iso_year, parse_day
from tei_tools.model import Block, Span

TOOL = "#tei-tools"


def annotate_dates(blocks: Sequence[Block], recogniser: Recogniser | None = None, *,
                   julian_until: str | None = None) -> list[list[Span]]:
    """One list of spans per block, in document order. Each span: Span.make(start, end, "date", when=...).

    `julian_until` (YYYY-MM-DD): days up to that one are Old Style unless the text marks them."""
    recogniser = recogniser or default_recogniser()
    found_per_block = [recogniser.find(block.text, heading=block.frames_dates) for block in blocks]
    policy = CalendarPolicy(julian_until) if julian_until else _policy_of_the_writer(blocks, found_per_block)
    context = Context(first_year=next((f.year for found in found_per_block for f in found if f.year), None))
    spans_per_block = []
    read = 0  # characters of the blocks before this one
    for index, (block, found) in enumerate(zip(blocks, found_per_block)):
        context.current_block, context.in_heading = index, block.frames_dates
        starts: list[int] = []  # where the block's sentences start: found only when needed (costly)
        dated = []
        for item in found:
            context.position = read + item.start
            if item.resolve is not None or item.day is not None:
                starts = starts or sentence_starts(block.text)
                context.sentence = bisect.bisect_right(starts, item.start) - 1
            reading = Reading(item.values) if item.resolve is None else item.resolve(context)
            if reading is None or (reading.from_context and block.tag == "l"):
                continue  # verse's "news of May" is no day of the letter's year
            sentence = sentence_around(block.text, starts, item.start) if starts else block.text
            frame = context.recent() if reading.from_context else None  # the date it was read from
            old_style = bool(frame and frame.julian)
            values, calendar_cert = _in_calendar(item, reading, sentence, policy, recogniser, old_style)
            checked = _checked_weekday(item, reading, values.get("when", ""))
            if checked is not reading:  # a wrong weekday: read again without what it contradicts
                reading = checked
                values, calendar_cert = _in_calendar(item, reading, sentence, policy, recogniser, old_style)
            cert = _least_sure(reading.cert, calendar_cert, values.pop("cert", None), _legal_year_cert(item, values))
            values.pop("resp", None)
            if cert:
                values.update(cert=cert, resp=TOOL)
            dated.append((item.start, item.end, values))
            _move_context(context, item, reading, julian=values.get("datingMethod") == "#julian")
        spans_per_block.append([Span.make(start, end, "date", **values)
                                for start, end, values in _merge_dash_ranges(block.text, dated)])
        read += len(block.text) + 1
    return spans_per_block


# The eve of Great Britain's calendar reform: 2 September 1752 (Old Style) was followed by 14 September.
BRITISH_REFORM_EVE = "1752-09-02"


def _policy_of_the_writer(blocks: Sequence[Block], found_per_block: list[list[Found]]) -> CalendarPolicy:
    """A writer who dates a letter or an entry with a double year ("March 22, 1717/18") counts in
    the Old Style: the other days they write up to Britain's reform are Old Style too (cert
    medium: the text marks only some of them)."""
    writes_double_years = any(item.double_year for block, found in zip(blocks, found_per_block)
                              if block.frames_dates for item in found)
    return CalendarPolicy(BRITISH_REFORM_EVE, cert=MEDIUM) if writes_double_years else CalendarPolicy()


def _in_calendar(item: Found, reading: Reading, sentence: str, policy: CalendarPolicy, recogniser: Recogniser,
                 old_style: bool) -> tuple[Values, str | None]:
    """The values in the calendar the date is read in, and that reading's cert (styles.in_calendar);
    a day only the Julian calendar has ("29 February 1900") read New Style is its year alone."""
    values, cert = in_calendar(item, reading.values, sentence, policy, recogniser.vocabulary,
                               old_style_context=old_style)
    if item.julian_only and "when-custom" not in values:
        values = {"when": iso_year(item.year)}
    return values, cert


def _legal_year_cert(item: Found, values: Values) -> str | None:
    """An Old Style day from 1 January to 24 March up to 1752, written with one year ("11 February
    1731 O.S."), may give the legal year, which began on 25 March: the Gregorian @when is then a
    year early (1731-02-22 for 1732-02-22). Low, unless a double year ("1731/2") or a double date
    (both readings written) says which year it is; a year from the context is the context's."""
    custom = values.get("when-custom", "")
    if (values.get("datingMethod") != "#julian" or item.year is None or item.double_year or item.custom is not None
            or not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", custom) or int(custom[:4]) > 1752):
        return None
    month, day = int(custom[5:7]), int(custom[8:10]) if len(custom) == 10 else 1
    return LOW if (month, day) < (3, 25) else None


SURER = {LOW: MEDIUM, MEDIUM: HIGH}


def _checked_weekday(item: Found, reading: Reading, gregorian_when: str) -> Reading:
    """A weekday written with the date must fall on the day computed, checked on the Gregorian
    @when of the date as read (an Old Style "Sunday 19" is the same day as its Gregorian one); if
    it does not, a year taken from the context is dropped (the text's own year is kept, with cert
    low)."""
    day = parse_day(gregorian_when)
    if item.weekday is None or day is None:
        return reading
    if calendars.weekday(*day) == item.weekday:
        # a year from the context that puts the written weekday on the written day is surer than the
        # context alone: a wrong year would do so once in seven
        if reading.from_context and not item.counted_from_weekday and reading.cert in SURER:
            return dataclasses.replace(reading, cert=SURER[reading.cert])
        return reading
    if reading.from_context:
        written = parse_day(reading.values.get("when", "")) or day  # the day as the text gives it
        # its month may be the context's too ("Friday 8th" under "June 3"): the day is no surer
        # than the context the weekday contradicts
        return Reading({"when": iso_day(None, written[1], written[2])}, LOW, None, written[1], written[2])
    return Reading(reading.values, LOW, reading.year, reading.month, reading.day)


def _move_context(context: Context, item: Found, reading: Reading, julian: bool = False) -> None:
    """What this date says about the time of what follows (an Old Style date: as written)."""
    if item.year is not None:
        if item.sets_context:
            context.note(item.year, item.month, item.day, julian)
    elif reading.year is not None and (reading.from_context or item.resolve is None):
        frame = context.recent()
        if not context.in_heading and frame is context.heading:
            return  # in a letter or an entry, its dateline stays the frame of the days it names
        context.note(reading.year, reading.month, reading.day, julian,
                     read_from=frame if reading.from_context and not context.in_heading else None)
    elif reading.month is not None and context.in_heading and context.heading is not None:
        context.note(context.heading.year, reading.month, None)  # "February." under a year heading


_CERTAINTY = {None: 3, "high": 2, "medium": 1, "low": 0}


def _least_sure(*certs: str | None) -> str | None:
    return min(certs, key=lambda c: _CERTAINTY[c])


def _first_day_of_range(previous: Values, values: Values) -> str | None:
    """"1 March – 4 April 1865": a day without a year (--03-01) before a dash and a full day
    takes the full day's year (the year before, if its month and day come later in the year)."""
    first, last = previous.get("when", ""), values.get("when", "")
    if set(previous) != {"when"} or not re.fullmatch(r"--\d\d-\d\d", first) \
            or not re.fullmatch(r"\d{4}-\d\d-\d\d", last):
        return None
    year = int(last[:4]) - (first[2:] > last[5:])
    month, day = int(first[2:4]), int(first[5:])
    return iso_day(year, month, day) if is_real_day(year, month, day) else None


def _merge_dash_ranges(text: str, dated: list[tuple[int, int, Values]]) -> list[tuple[int, int, Values]]:
    """Two single dates joined by a dash ("7 November 1879 - 21 August 1940") are one range."""
    merged: list[tuple[int, int, Values]] = []
    for start, end, values in dated:
        if merged:
            previous_start, previous_end, previous = merged[-1]
            dashed = re.fullmatch(rf"\s*{DASH}\s*", text[previous_end:start]) is not None
            others = {k: v for k, v in values.items() if k != "when"}  # cert, resp: as sure of both
            if (dashed and "when" in values and "when" in previous
                    and set(others) <= {"cert", "resp"} and others == {k: v for k, v in previous.items() if k != "when"}
                    and not previous["when"].startswith("-") and len(previous["when"]) == len(values["when"])
                    and previous["when"] < values["when"]):
                merged[-1] = (previous_start, end, {"from": previous["when"], "to": values["when"], **others})
                continue
            if dashed and (first := _first_day_of_range(previous, values)):
                merged[-1] = (previous_start, end, {"from": first, "to": values["when"], **others})
                continue
        merged.append((start, end, values))
    return merged


