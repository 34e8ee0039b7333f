"""Dates read from their context where an earlier reading went wrong: a weekday after an Old Style
date checked in the Julian calendar, a season of "the following year" moving the narrative's
year, a leap day that exists only in the Julian calendar, "March–April" as one range, "since"
looking back from a dated day. Invented texts; values worked out by hand from the calendars."""
from __future__ import annotations

import pytest

from tei_tools import calendars
from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block

SURE_OF_CONTEXT = {"cert": "medium", "resp": "#tei-tools"}


def dated(*paragraphs: str, **options) -> list[tuple[str, dict[str, str]]]:
    """(text, every attribute) of each date of the paragraphs, in order."""
    blocks = [Block("p", text, 0) for text in paragraphs]
    return [(span.text_in(block.text), dict(span.attrs))
            for block, spans in zip(blocks, annotate_dates(blocks, **options)) for span in spans]


def test_a_weekday_after_an_old_style_date_is_checked_in_the_julian_calendar():
    # 14 March 1839 (Julian) is 26 March (Gregorian), a Tuesday; the Julian 19th is a Sunday,
    # the Gregorian 19 March 1839 a Tuesday: checked in the wrong calendar the year was dropped
    assert calendars.weekday(1839, 3, 19, calendars.JULIAN) == 6 != calendars.weekday(1839, 3, 19)
    _, sunday = dated("On 14/26 March 1839 we left. On Sunday 19 we arrived.")
    # the weekday agrees with the context's month and year: surer than the context alone
    assert sunday == ("Sunday 19", {"when": "1839-03-31", "when-custom": "1839-03-19", "datingMethod": "#julian",
                                    "cert": "high", "resp": "#tei-tools"})


def test_a_wrong_weekday_after_an_old_style_date_still_drops_the_year():
    _, monday = dated("On 14/26 March 1839 we left. On Monday 19 we arrived.")
    assert monday == ("Monday 19", {"when": "--03-19", "cert": "low", "resp": "#tei-tools"})


@pytest.mark.parametrize("relation, year", [("the following year", "1851"), ("the previous year", "1849")])
def test_a_season_of_a_year_named_by_relation_moves_the_narratives_year(relation, year):
    _, season, march = dated(f"In 1850 he married. In the summer of {relation} he died. In March his widow left.")
    assert season[1] == {"notBefore": f"{year}-06", "notAfter": f"{year}-08", **SURE_OF_CONTEXT}
    assert march == ("March", {"when": f"{year}-03", "cert": "low", "resp": "#tei-tools"})


def test_a_leap_day_only_the_julian_calendar_has_is_a_day_when_read_old_style():
    # 1900 is a leap year in the Julian calendar only; its 29 February is the Gregorian 13 March
    assert dated("He was born on 29 February 1900.", julian_until="1918-01-31") == [
        ("29 February 1900", {"when": "1900-03-13", "when-custom": "1900-02-29", "datingMethod": "#julian"})]


def test_a_leap_day_only_the_julian_calendar_has_gives_only_its_year_when_read_new_style():
    assert dated("He was born on 29 February 1900.") == [("29 February 1900", {"when": "1900"})]
    assert dated("He was born on 29 February 1900.", julian_until="1899-12-31") == [
        ("29 February 1900", {"when": "1900"})]


@pytest.mark.parametrize("dash", ["–", "-", "—"])
def test_two_months_joined_by_a_dash_are_one_range_in_the_narratives_year(dash):
    assert dated(f"In 1905, in March{dash}April, they travelled.")[1] == (
        f"March{dash}April", {"from": "1905-03", "to": "1905-04", **SURE_OF_CONTEXT})


def test_two_months_joined_by_a_dash_without_a_year_are_two_months():
    assert dated("In March–April they travelled.") == [("March", {"when": "--03"}), ("April", {"when": "--04"})]


def test_the_second_of_two_dashed_months_is_not_a_date_when_the_first_is_not():
    # "1905, March–April": no cue makes March a date; April alone would claim half the range
    assert dated("He wrote in 1905, March–April.") == [("1905", {"when": "1905"})]


def test_since_looks_back_from_the_day_the_narration_is_at():
    assert dated("Petrograd, 1 March 1917.", "We have waited since 3 May for news.")[1] == (
        "3 May", {"when": "1916-05-03", "cert": "low", "resp": "#tei-tools"})
    assert dated("Petrograd, 10 May 1917.", "We have waited since 3 May for news.")[1][1]["when"] == "1917-05-03"
