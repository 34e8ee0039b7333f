"""Feasts on a fixed day (tei_tools.annotate.dates.feasts): with their year, a day; alone, the day
of the year the context gives, or the day without a year."""
from __future__ import annotations

import pytest

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block


def dated(*blocks: tuple[str, bool]) -> list[list[tuple[str, dict]]]:
    made = [Block("head" if heading else "p", text, 0, frames_dates=heading) for text, heading in blocks]
    return [[(s.text_in(b.text), dict(s.attrs)) for s in spans] for b, spans in zip(made, annotate_dates(made))]


@pytest.mark.parametrize("text, span, when", [
    ("On Christmas Day 1840 we dined at home.", "Christmas Day 1840", "1840-12-25"),
    ("The rent fell due at Michaelmas, 1820.", "Michaelmas, 1820", "1820-09-29"),
    ("It was Lady Day of 1752.", "Lady Day of 1752", "1752-03-25"),
    ("She wrote on St Valentine’s Day 1845.", "St Valentine’s Day 1845", "1845-02-14"),
    ("Saint Patrick's Day, 1916 was wet.", "Saint Patrick's Day, 1916", "1916-03-17"),
    ("We sat up on New Year’s\nEve, 1899.", "New Year’s\nEve, 1899", "1899-12-31"),
    # hyphened, the day in lower case, as older letters wrote them
    ("The rent is due at Lady-day 1665.", "Lady-day 1665", "1665-03-25"),
    ("We came home on Christmas-day, 1790.", "Christmas-day, 1790", "1790-12-25")])
def test_a_feast_with_its_year_is_its_day(text, span, when):
    assert dated((text, False)) == [[(span, {"when": when})]]


@pytest.mark.parametrize("text", ["At Christmas we dined with the Lymans.", "The Michaelmas term began.",
                                  "He kept Easter 1916 at home."])
def test_a_feast_that_names_no_day_or_a_movable_one_is_no_day(text):
    assert all("-" not in values.get("when", "") for _, values in dated((text, False))[0])


def test_a_feast_alone_in_no_year_we_know_is_the_day_without_a_year():
    assert dated(("Christmas Day was quiet.", False)) == [[("Christmas Day", {"when": "--12-25"})]]
    assert dated(("The ships will be ready by Lady-day.", False)) == [[("Lady-day", {"when": "--03-25"})]]
    assert dated(("The lady-in-waiting and a Christmas-tree.", False)) == [[]]  # no feast's name


def test_a_feast_alone_in_a_letter_takes_the_year_nearest_its_date():
    dates = dated(("London, Decr. 2d. 1843.", True), ("I hope to see you before Christmas Day, and my brother "
                                                      "returns on New Year's Day.", False))
    assert dates[1] == [("Christmas Day", {"when": "1843-12-25", "cert": "high", "resp": "#tei-tools"}),
                        ("New Year's Day", {"when": "1844-01-01", "cert": "medium", "resp": "#tei-tools"})]


def test_a_feast_heading_an_entry_takes_the_year_of_the_entries_before():
    dates = dated(("December 20th, 1839.", True), ("Snow all day.", False), ("Christmas Day.", True),
                  ("Church, then dinner with the Lymans.", False))
    assert dates[2] == [("Christmas Day", {"when": "1839-12-25", "cert": "high", "resp": "#tei-tools"})]
    assert dated(("Christmas Day.", True)) == [[("Christmas Day", {"when": "--12-25"})]]  # no year to go by
