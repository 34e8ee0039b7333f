"""ISO 8601 values as TEI writes them (@when, @from/@to, @notBefore/@notAfter), and their
conversion from the Julian calendar.

Values follow the gold guidelines: `when` for a day, month or year; `from`/`to` for ranges;
`notBefore`/`notAfter` for seasons, parts of years, decades and centuries. Years before the
common era are negative without a year zero ("44 BC" -> "-0044"), as TEI projects write them.
`@when` and its siblings always hold the proleptic Gregorian value; a date the text gives in the
Julian calendar keeps that reading in `@when-custom` (`@from-custom` ...) with
`@datingMethod="#julian"`.
"""
from __future__ import annotations

from tei_tools import calendars

Values = dict[str, str]
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
JULIAN_POINTER = "#julian"


def iso_year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def iso_month(year: int | None, month: int) -> str:
    return f"--{month:02d}" if year is None else f"{iso_year(year)}-{month:02d}"


def iso_day(year: int | None, month: int, day: int) -> str:
    return f"{iso_month(year, month)}-{day:02d}"


def is_real_day(year: int | None, month: int, day: int, calendar: str = calendars.GREGORIAN) -> bool:
    """Whether the day exists in the calendar (proleptic Gregorian by default; any leap year if
    no year is given)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    reference = 2000 if year is None or year < 1 else year  # 2000 is a leap year in both calendars
    return calendars.is_valid(reference, month, day, calendar)


def month_span(year: int, first: int, last: int, last_year: int | None = None) -> Values:
    """notBefore/notAfter for months first..last; a span that wraps (winter) starts a year early."""
    if last_year is not None:
        return {"notBefore": iso_month(year, first), "notAfter": iso_month(last_year, last)}
    start_year = year - 1 if first > last else year
    return {"notBefore": iso_month(start_year, first), "notAfter": iso_month(year, last)}


def year_span(first: int, last: int) -> Values:
    return {"notBefore": iso_year(first), "notAfter": iso_year(last)}


def parse_day(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a YYYY-MM-DD value, else None."""
    day = calendars.parse_iso_day(value)
    return None if day is None else (day.year, day.month, day.day)


def _gregorian_of_julian_day(value: str) -> str | None:
    parsed = parse_day(value)
    if parsed is None or not is_real_day(parsed[0], parsed[1], parsed[2], calendars.JULIAN):
        return None
    return calendars.julian_to_gregorian(*parsed).iso()


def _gregorian_bounds_of_julian_month(value: str) -> tuple[str, str] | None:
    """The first and last Gregorian day of a Julian month ("1917-10" -> 1917-10-14, 1917-11-13)."""
    parts = value.lstrip("-").split("-")
    if len(parts) != 2:
        return None
    year = -int(parts[0]) if value.startswith("-") else int(parts[0])
    month = int(parts[1])
    last = calendars.days_in_month(year, month, calendars.JULIAN)
    return (calendars.julian_to_gregorian(year, month, 1).iso(),
            calendars.julian_to_gregorian(year, month, last).iso())


def as_julian(values: Values) -> Values | None:
    """Values read in the Julian calendar, as TEI writes them: the Gregorian day in @when (and
    siblings), the Julian reading in @when-custom (siblings), @datingMethod="#julian".

    Days convert exactly; a month becomes the Gregorian days it spans (@notBefore/@notAfter)
    beside its Julian @when-custom; a year alone or a value without a year is not converted
    (None): the reading would claim more than the text gives."""
    converted: Values = {}
    for name, value in values.items():
        if name not in DATE_ATTRIBUTES:
            converted[name] = value
            continue
        if value.startswith("--"):
            return None
        if (gregorian := _gregorian_of_julian_day(value)) is not None:
            converted[name] = gregorian
            converted[f"{name}-custom"] = value
        elif name == "when" and (bounds := _gregorian_bounds_of_julian_month(value)) is not None:
            converted["notBefore"], converted["notAfter"] = bounds
            converted["when-custom"] = value
        else:
            return None
    converted["datingMethod"] = JULIAN_POINTER
    return converted


def julian_of_gregorian(value: str) -> str | None:
    """The Julian reading of a Gregorian YYYY-MM-DD value."""
    parsed = parse_day(value)
    return None if parsed is None else calendars.gregorian_to_julian(*parsed).iso()
