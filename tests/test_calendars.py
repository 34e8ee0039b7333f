"""tei_tools.calendars: Julian and Gregorian days by Julian day numbers, checked against the
standard library (Gregorian) and against double dates that history records."""
from __future__ import annotations

import datetime
import random

import pytest

from tei_tools import calendars
from tei_tools.calendars import Day


@pytest.mark.parametrize("julian, gregorian", [
    ((1917, 10, 25), (1917, 11, 7)),  # the October Revolution
    ((1752, 9, 2), (1752, 9, 13)),  # Britain's last Julian day; the next day was 14 September
    ((1752, 9, 3), (1752, 9, 14)),
    ((1582, 10, 4), (1582, 10, 14)),  # the Gregorian reform: 4 October was followed by 15 October
    ((1918, 1, 31), (1918, 2, 13)),  # Russia's last Julian day
    ((1918, 2, 1), (1918, 2, 14)),
    ((1700, 2, 29), (1700, 3, 11)),  # a leap day in the Julian calendar only
    ((-43, 3, 15), (-43, 3, 13)),  # the Ides of March, 44 BC (astronomical year -43)
])
def test_known_double_dates_convert_both_ways(julian, gregorian):
    assert calendars.julian_to_gregorian(*julian) == Day(*gregorian)
    assert calendars.gregorian_to_julian(*gregorian) == Day(*julian)


def test_the_day_after_britains_last_julian_day_is_the_14th_of_september():
    last = calendars.to_jdn(1752, 9, 2, calendars.JULIAN)
    assert calendars.from_jdn(last + 1, calendars.GREGORIAN) == Day(1752, 9, 14)


def test_gregorian_day_numbers_and_weekdays_agree_with_the_standard_library():
    generator = random.Random(3)
    for _ in range(5000):
        day = datetime.date.fromordinal(generator.randint(1, 3652059))
        jdn = calendars.to_jdn(day.year, day.month, day.day)
        assert jdn == day.toordinal() + 1721425
        assert calendars.from_jdn(jdn) == Day(day.year, day.month, day.day)
        assert calendars.weekday(day.year, day.month, day.day) == day.weekday()


def test_julian_days_round_trip():
    generator = random.Random(5)
    for _ in range(5000):
        jdn = generator.randint(0, 4_000_000)
        day = calendars.from_jdn(jdn, calendars.JULIAN)
        assert calendars.to_jdn(day.year, day.month, day.day, calendars.JULIAN) == jdn


def test_the_gap_between_the_calendars_grows_by_century():
    assert [calendars.gap(year, 6, 1) for year in (1600, 1750, 1850, 1917, 2050)] == [10, 11, 12, 13, 13]


def test_leap_years_and_validity_differ_by_calendar():
    assert calendars.is_valid(1900, 2, 29, calendars.JULIAN)
    assert not calendars.is_valid(1900, 2, 29, calendars.GREGORIAN)
    assert calendars.is_valid(2000, 2, 29, calendars.GREGORIAN)
    assert not calendars.is_valid(1917, 4, 31)


def test_weekdays_are_the_same_day_in_both_calendars():
    """25 October 1917 (O.S.) and 7 November 1917 (N.S.) were both a Wednesday."""
    assert calendars.weekday(1917, 10, 25, calendars.JULIAN) == calendars.weekday(1917, 11, 7) == 2


def test_iso_days_parse_and_print():
    assert calendars.parse_iso_day("-0043-03-15") == Day(-43, 3, 15)
    assert Day(-43, 3, 15).iso() == "-0043-03-15"
    assert calendars.parse_iso_day("1917-10") is None


def test_an_unknown_calendar_is_an_error():
    with pytest.raises(ValueError):
        calendars.to_jdn(1917, 1, 1, "hebrew")
