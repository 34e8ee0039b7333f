"""Feasts on a fixed day (tei_tools.annotate.dates.feasts): with their year, a day; alone, a day
only where they head an entry or a letter and the context gives the year."""
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
    ("We sat up on New Year’s\nEve, 1899.", "New Year’s\nEve, 1899", "1899-12-31")])
def test_a_feast_with_its_year_is_its_day(text, span, when):
    assert dated((text, False)) == [[(span, {"when": when})]]


@pytest.mark.parametrize("text", ["At Christmas we dined with the Lymans.", "Christmas Day was quiet.",
                                  "The Michaelmas term began.", "He kept Easter 1916 at home."])
def test_a_feast_without_its_year_or_a_movable_one_is_no_day(text):
    assert all("-" not in values.get("when", "") for _, values in dated((text, False))[0])


def test_a_feast_heading_an_entry_takes_the_year_of_the_entries_before():
    dates = dated(("December 20th, 1839.", True), ("Snow all day.", False), ("Christmas Day.", True),
                  ("Church, then dinner with the Lymans.", False))
    assert dates[2] == [("Christmas Day", {"when": "1839-12-25", "cert": "high", "resp": "#tei-tools"})]
    assert dated(("Christmas Day.", True)) == [[]]  # no year to go by
