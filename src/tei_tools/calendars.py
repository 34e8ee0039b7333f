"""The Julian and the (proleptic) Gregorian calendar, by Julian day numbers.

A Julian day number (JDN) counts days continuously, whatever the calendar, so a date converts
from one calendar to the other by way of it: 1917-10-25 in the Julian calendar (Old Style) and
1917-11-07 in the Gregorian (New Style) are the same JDN, 2421540. Years are astronomical (1 BC
is year 0, 2 BC is -1), as XML Schema and ISO 8601 number them. The formulas are the exact
integer arithmetic of E. G. Richards ("Calendars", Explanatory Supplement to the Astronomical
Almanac, 3rd ed., 2013, ch. 15), valid for every JDN >= 0 (4713 BC onwards).

Why not `datetime`: it knows only the Gregorian calendar and only years 1..9999; the weekday
check and the Old Style conversion both need the Julian calendar too.
"""
from __future__ import annotations

from dataclasses import dataclass

JULIAN = "julian"
GREGORIAN = "gregorian"
CALENDARS = (JULIAN, GREGORIAN)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The Gregorian reform took effect on JDN 2299161 (1582-10-15 Gregorian = 1582-10-05 Julian);
# Britain and its colonies followed on 1752-09-14 (after 1752-09-02 Julian), Russia on
# 1918-02-14 (after 1918-01-31 Julian). Before a place's reform its dates are Old Style.


@dataclass(frozen=True, order=True)
class Day:
    """A calendar date: year (astronomical), month 1-12, day 1-31."""

    year: int
    month: int
    day: int

    def iso(self) -> str:
        year = f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"


def is_leap(year: int, calendar: str = GREGORIAN) -> bool:
    if calendar == JULIAN:
        return year % 4 == 0
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int, calendar: str = GREGORIAN) -> int:
    if month == 2:
        return 29 if is_leap(year, calendar) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_valid(year: int, month: int, day: int, calendar: str = GREGORIAN) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month, calendar)


def to_jdn(year: int, month: int, day: int, calendar: str = GREGORIAN) -> int:
    """The Julian day number of a date (noon of that day)."""
    if calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}")
    # Shift the year to start in March, so that the leap day falls at its end.
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    if calendar == GREGORIAN:
        jdn += y // 400 - y // 100 + 38
    return jdn


def from_jdn(jdn: int, calendar: str = GREGORIAN) -> Day:
    """The date of a Julian day number in the calendar asked for."""
    if calendar not in CALENDARS:
        raise ValueError(f"unknown calendar {calendar!r}")
    f = jdn + 1401
    if calendar == GREGORIAN:
        f += (((4 * jdn + 274277) // 146097) * 3) // 4 - 38
    e = 4 * f + 3
    g = (e % 1461) // 4
    h = 5 * g + 2
    day = (h % 153) // 5 + 1
    month = ((h // 153 + 2) % 12) + 1
    year = e // 1461 - 4716 + (12 + 2 - month) // 12
    return Day(year, month, day)


def julian_to_gregorian(year: int, month: int, day: int) -> Day:
    return from_jdn(to_jdn(year, month, day, JULIAN), GREGORIAN)


def gregorian_to_julian(year: int, month: int, day: int) -> Day:
    return from_jdn(to_jdn(year, month, day, GREGORIAN), JULIAN)


def weekday(year: int, month: int, day: int, calendar: str = GREGORIAN) -> int:
    """0 = Monday ... 6 = Sunday, as `datetime.date.weekday`."""
    return to_jdn(year, month, day, calendar) % 7


def gap(year: int, month: int, day: int, calendar: str = JULIAN) -> int:
    """How many days the Gregorian calendar is ahead of the Julian on that date (13 in 1917)."""
    jdn = to_jdn(year, month, day, calendar)
    julian, gregorian = from_jdn(jdn, JULIAN), from_jdn(jdn, GREGORIAN)
    return to_jdn(gregorian.year, gregorian.month, gregorian.day, JULIAN) - to_jdn(
        julian.year, julian.month, julian.day, JULIAN)


def parse_iso_day(value: str) -> Day | None:
    """A YYYY-MM-DD value (negative years allowed) as a Day, or None for other shapes."""
    negative = value.startswith("-")
    parts = value[1:].split("-") if negative else value.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) < 4:
        return None
    year, month, day = int(parts[0]), int(parts[1]), int(parts[2])
    return Day(-year if negative else year, month, day)
