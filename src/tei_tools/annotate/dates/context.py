"""What the text so far says about the date: the context a date without its year takes it from.

Two kinds of context, because they deserve different trust:
- a *heading*: the date of a letter's dateline or of a diary entry's heading (blocks the reader
  marks `frames_dates`), and month and year headings; it fixes the dates after it (cert high);
- the *narrative*: the last year named in the running text; it only suggests (cert medium when
  the year was named in the same or the previous sentence, low when further back, nothing when
  more than RECENT_YEAR_DISTANCE characters back, since the narrative has likely moved on).

A date without its year takes the year that puts it nearest the context's date (a diary entry of
8 January 1839 that mentions "the 28th of October" means October 1838); a heading without its
year takes the first such day on or after the previous heading (entries move forward, across a
year's end too). When nothing fixes the year, the value has none ("--10-28").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from tei_tools import calendars
from tei_tools.annotate.dates.values import Values, is_real_day

# A day and month without a year take the last year named at most this many characters before
# (about two printed pages); further back, the narrative has likely moved on.
RECENT_YEAR_DISTANCE = 6000
HIGH, MEDIUM, LOW = "high", "medium", "low"


@dataclass(frozen=True)
class Anchor:
    """A point in time the text has fixed, and where."""

    year: int
    month: int | None = None
    day: int | None = None
    position: int = 0  # in characters of all blocks so far
    block: int = -1
    sentence: int = 0  # index of the sentence in its block
    heading: bool = False  # from a dateline or an entry, month or year heading
    julian: bool = False  # the day is an Old Style one: days read from it are Old Style too


@dataclass
class Reading:
    """A resolved date: its values, how sure the year (or month) taken from context is, and the
    day it names (for the weekday check and the context after it)."""

    values: Values
    cert: str | None = None  # None: nothing was taken from the context
    year: int | None = None
    month: int | None = None
    day: int | None = None
    from_context: bool = False  # the year came from the context, not the text


@dataclass
class Found:
    """A recognised date: its span, and its values now (`values`) or once the context is known."""

    start: int
    end: int
    values: Values | None = None
    resolve: Callable[["Context"], Reading | None] | None = None
    year: int | None = None  # an explicit year that later mentions may inherit
    month: int | None = None  # the explicit month and day, with that year
    day: int | None = None
    weekday: int | None = None  # a weekday written beside the date (0 = Monday)
    counted_from_weekday: bool = False  # a weekday alone ("Monday"): its day is counted from it
    style: str | None = None  # the calendar the text marks: calendars.JULIAN or GREGORIAN
    custom: Values | None = None  # a double date's Julian reading ("25 October (7 November) 1917")
    sets_context: bool = True  # False for a year inside a name ("the 1905 Revolution")
    julian_only: bool = False  # a day that exists only in the Julian calendar: a day only if read Old Style
    double_year: bool = False  # written with the legal and the historical year ("10th January 1665/6")
    yearless: tuple[int, int | None] | None = None  # (month, day or None) of a day or month written without a year

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Context:
    """What earlier text (and headings) say about the date, for the mention being resolved."""

    narrative: Anchor | None = None
    heading: Anchor | None = None
    current_block: int = 0
    position: int = 0  # where the mention being resolved starts, counted in all blocks so far
    sentence: int = 0  # its sentence in the block
    in_heading: bool = False  # the mention is in a block that frames the dates after it
    first_year: int | None = None  # the document's first explicit year, for decades before it

    # ---------------------------------------------------------------- the anchors

    def latest(self) -> Anchor | None:
        anchors = [a for a in (self.narrative, self.heading) if a is not None]
        return max(anchors, key=lambda a: a.position) if anchors else None

    @property
    def year(self) -> int | None:
        """The last year named or fixed, however far back ("February of that year")."""
        anchor = self.latest()
        return anchor.year if anchor else None

    def recent(self) -> Anchor | None:
        """The anchor that frames this mention: a heading always; the narrative while recent."""
        narrative = self.narrative
        if narrative is not None and self.position - narrative.position > RECENT_YEAR_DISTANCE:
            narrative = None
        if self.in_heading:  # a heading takes its year from the headings before it first
            return self.heading or narrative
        candidates = [a for a in (narrative, self.heading) if a is not None]
        return max(candidates, key=lambda a: a.position) if candidates else None

    def block_anchor(self) -> Anchor | None:
        """The narrative's year, if it was named in the block being read."""
        narrative = self.narrative
        return narrative if narrative and narrative.block == self.current_block else None

    def certainty(self, anchor: Anchor, moved: bool = False) -> str:
        """How sure a year taken from `anchor` is (moved: a year before or after the anchor's)."""
        if anchor.heading:
            return HIGH if not moved or self.in_heading else MEDIUM
        if moved:
            return LOW
        near = anchor.block == self.current_block and self.sentence - anchor.sentence <= 1
        return MEDIUM if near else LOW

    # ---------------------------------------------------------------- resolving

    def year_of_day(self, month: int, day: int, past: bool = False, future: bool = False) -> tuple[int, str] | None:
        """The year of a day and month the text gives without it, and how sure it is. `past`: the
        text looks back ("since the 3rd of March", "the 3rd of March last"), so the day is not after
        the context's; `future`: it looks ahead ("the 1st of May next"), so the day is after it."""
        anchor = self.recent()
        if anchor is None:
            return None
        if anchor.month is None:
            year, moved = anchor.year, False
        elif past and not self.in_heading and (anchor.heading or anchor.day is not None):
            # "since 3 May" looks back from the day the letter, the entry or the narration is at
            reference = (anchor.month, anchor.day or 31)
            year = anchor.year if (month, day) <= reference else anchor.year - 1
            moved = year != anchor.year
        elif future and not self.in_heading and (anchor.heading or anchor.day is not None):
            reference = (anchor.month, anchor.day or 1)
            year = anchor.year if (month, day) > reference else anchor.year + 1
            moved = year != anchor.year
        else:
            year = self._nearest_year(anchor, month, day)
            moved = year != anchor.year
        if not is_real_day(year, month, day):
            return None
        return year, self.certainty(anchor, moved)

    def _nearest_year(self, anchor: Anchor, month: int, day: int) -> int:
        """The year of month/day from the anchor's date: in narration the anchor's, or the next
        across a year's end; from one heading to the next, the first such day on or after the
        previous one; in the body of a letter or an entry, the one nearest its date."""
        reference_day = anchor.day or 15  # a month alone: its middle
        reference = calendars.to_jdn(anchor.year, anchor.month, min(reference_day, 28))
        options = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if is_real_day(y, month, day)]
        if not options:
            return anchor.year
        if not anchor.heading:
            # narration moves on, and flashes back too: only across a year's end ("towards the
            # end of 1937 ... On 9th February") is a day before the anchor's read as the next year's
            crosses = anchor.month >= 9 and month <= 4 and (month, day) < (anchor.month, anchor.day or 1)
            return anchor.year + 1 if crosses and is_real_day(anchor.year + 1, month, day) else anchor.year
        if self.in_heading:
            # diary entries move forward: the first such day from the previous heading on
            after = [y for y in options if calendars.to_jdn(y, month, day) >= reference - (anchor.day is None) * 14]
            if after:
                return min(after)
        # a letter or entry speaks of days around the day it was written, before or after
        return min(options, key=lambda y: (abs(calendars.to_jdn(y, month, day) - reference), y != anchor.year))

    def year_of_month(self, month: int, past: bool = False, future: bool = False) -> tuple[int, str] | None:
        """The year of a bare month ("In April"): named in this block, or fixed by a heading.
        `past`, `future`: "in October last" is before the context's month, "in June next" after it."""
        anchor = self.block_anchor()
        if anchor is None and self.heading is not None and self.latest() is self.heading:
            anchor = self.heading
        if anchor is None:
            return None
        if anchor.month is not None and (past or future) and not self.in_heading:
            year = anchor.year - (month >= anchor.month) if past else anchor.year + (month <= anchor.month)
            return year, self.certainty(anchor, year != anchor.year)
        if anchor.month is not None and anchor.heading:
            year = self._nearest_year(anchor, month, 1)
            return year, self.certainty(anchor, year != anchor.year)
        return anchor.year, self.certainty(anchor)

    def month_of_day(self, day: int, offset: int = 0, letters_month: bool = False,
                     tense: str | None = None) -> tuple[int, int, str] | None:
        """(year, month, cert) for a day without its month: the month of the context's date,
        moved by `offset` months ("ult." -1, "prox." +1). Only an anchor that names a month counts;
        a diary heading whose day is before the previous heading's is in the next month.
        `letters_month`: "inst.", "ult." count from the month of the letter (its dateline) first.
        `tense` ("past", "future") of the clause in a letter's or entry's body: a past day after the
        heading's is the month before's, a future day before it the next month's (cert medium)."""
        anchor = (self.heading if letters_month and self.heading is not None else None) or self.recent()
        if anchor is None or anchor.month is None:
            return None
        if self.in_heading and anchor.heading and anchor.day is not None and day < anchor.day and not offset:
            offset = 1
        if (tense and not (offset or letters_month or self.in_heading) and anchor.heading and anchor.day is not None
                and (day > anchor.day if tense == "past" else day < anchor.day)):
            index = anchor.year * 12 + anchor.month - 1 + (-1 if tense == "past" else 1)
            if is_real_day(index // 12, index % 12 + 1, day):
                return index // 12, index % 12 + 1, MEDIUM
        index = anchor.year * 12 + anchor.month - 1 + offset
        year, month = index // 12, index % 12 + 1
        if not is_real_day(year, month, day):
            if offset or self.in_heading or not anchor.heading or not is_real_day((index - 1) // 12, (index - 1) % 12 + 1, day):
                return None
            # "received on the 31st" in a letter of 3 September: a day its month lacks is the month
            # before's, which has it (cert low: the text does not say so)
            return (index - 1) // 12, (index - 1) % 12 + 1, LOW
        cert = self.certainty(anchor, moved=year != anchor.year and not self.in_heading)
        if cert == HIGH and not (offset or letters_month or self.in_heading) and anchor.day is not None and day > anchor.day:
            cert = MEDIUM  # "on the 25th" in a letter of the 3d: this month's, or the last's if it is past
        return year, month, cert

    def next_weekday(self, weekday: int) -> tuple[int, int, int, str] | None:
        """The first `weekday` after the previous heading's day (a diary entry headed "Monday")."""
        anchor = self.heading
        if anchor is None or anchor.month is None or anchor.day is None:
            return None
        start = calendars.to_jdn(anchor.year, anchor.month, anchor.day) + 1
        jdn = start + (weekday - start % 7) % 7
        day = calendars.from_jdn(jdn)
        return day.year, day.month, day.day, MEDIUM

    def weekday_from_heading(self, weekday: int, step: int) -> tuple[int, int, int] | None:
        """The `weekday` before (step -1) or after (+1) the day of the letter's or entry's heading,
        in the body that heading frames (in its calendar: an Old Style dateline counts Old Style)."""
        anchor = self.heading
        if (self.in_heading or anchor is None or anchor.month is None or anchor.day is None
                or self.recent() is not anchor):
            return None
        calendar = calendars.JULIAN if anchor.julian else calendars.GREGORIAN
        if not calendars.is_valid(anchor.year, anchor.month, anchor.day, calendar):
            return None
        jdn = calendars.to_jdn(anchor.year, anchor.month, anchor.day, calendar)  # jdn % 7: 0 = Monday
        target = jdn - 1 - (jdn - 1 - weekday) % 7 if step < 0 else jdn + 1 + (weekday - jdn - 1) % 7
        day = calendars.from_jdn(target, calendar)
        return day.year, day.month, day.day

    # ---------------------------------------------------------------- moving on

    def note(self, year: int, month: int | None, day: int | None, julian: bool = False,
             read_from: Anchor | None = None) -> None:
        """A date the text fixed (or that was read from context) frames what follows; an Old Style
        one is noted as written (Julian), so that "the 20th ult." is read in that calendar too.
        `read_from`: the anchor a date was read from; the new one keeps its place, so that a chain
        of dates without years does not carry a year further than the text named it."""
        position, block, sentence = ((read_from.position, read_from.block, read_from.sentence) if read_from
                                     else (self.position, self.current_block, self.sentence))
        anchor = Anchor(year, month, day if month else None, position, block, sentence, self.in_heading, julian)
        if self.in_heading:
            self.heading = anchor
        else:
            self.narrative = anchor
