"""Double years ("10th January 1665/6"): the legal year of England and its colonies began on
25 March until 1752, so a day from 1 January to 24 March was written with both years. The date is
the historical (second) year's, in the Julian calendar. Invented texts; values worked out by hand
(the Julian calendar was 10 days behind the Gregorian until February 1700, 11 after)."""
from __future__ import annotations

import pytest

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block

JULIAN = {"datingMethod": "#julian"}


def dated(*paragraphs: str, dateline: bool = False) -> list[tuple[str, dict[str, str]]]:
    blocks = [Block("dateline" if dateline and n == 0 else "p", text, 0, frames_dates=dateline and n == 0)
              for n, text in enumerate(paragraphs)]
    return [(span.text_in(block.text), dict(span.attrs))
            for block, spans in zip(blocks, annotate_dates(blocks)) for span in spans]


@pytest.mark.parametrize("text, span, when, julian", [
    ("London, 10th January 1665/6", "10th January 1665/6", "1666-01-20", "1666-01-10"),
    ("I had yours of Feb. 1, 1708/9 today.", "Feb. 1, 1708/9", "1709-02-12", "1709-02-01"),
    ("on the 3d of March 1688/9 he sailed", "3d of March 1688/9", "1689-03-13", "1689-03-03"),
    ("Boston, 24 March 1717/18", "24 March 1717/18", "1718-04-04", "1718-03-24"),
])
def test_a_double_year_is_the_historical_year_in_the_julian_calendar(text, span, when, julian):
    assert dated(text) == [(span, {"when": when, "when-custom": julian, **JULIAN})]


def test_a_month_of_a_double_year_spans_its_gregorian_days():
    assert dated("In January 1717/18 he came.") == [
        ("January 1717/18", {"notBefore": "1718-01-12", "notAfter": "1718-02-11", "when-custom": "1718-01", **JULIAN})]


def test_a_day_of_the_month_after_a_double_dated_dateline_is_of_that_year_and_calendar():
    dateline, instant = dated("London, 10th January 1665/6", "I received yours of the 2d instant.", dateline=True)
    assert dateline[1]["when-custom"] == "1666-01-10"
    assert instant == ("2d instant", {"when": "1666-01-12", "when-custom": "1666-01-02", "cert": "high",
                                      "resp": "#tei-tools", **JULIAN})


@pytest.mark.parametrize("text", ["On 10 May 1665/6 he came.", "On 10 January 1665/7 he came.",
                                  "On 28 March 1665/6 he came."])
def test_what_no_double_year_can_be_gives_no_day_with_a_year_it_does_not_name(text):
    # after 24 March, or a second year that is not the next: not a double year, so not 1665 either
    assert all("1665-" not in value and "1666-" not in value
               for _, attrs in dated(text) for name, value in attrs.items() if name in ("when", "when-custom"))


def test_a_writer_who_double_dates_an_entry_writes_the_other_days_before_the_reform_in_old_style():
    blocks = [Block("dateline", "March 22, 1717/18.", 0, frames_dates=True), Block("p", "Went to the Exchange.", 0),
              Block("dateline", "March 25, 1718.", 0, frames_dates=True), Block("p", "Paid my rent.", 0),
              Block("p", "On 14 September 1752 the new calendar began.", 0)]
    values = [dict(span.attrs) for spans in annotate_dates(blocks) for span in spans]
    assert values[1] == {"when": "1718-04-05", "when-custom": "1718-03-25", "cert": "medium", "resp": "#tei-tools",
                         **JULIAN}
    assert values[2] == {"when": "1752-09-14"}  # after the reform: as written


def test_a_double_year_quoted_in_running_text_makes_no_writers_calendar():
    values = [dict(span.attrs) for spans in annotate_dates([Block("p", "The deed of 10 January 1665/6 survives; "
                                                                      "the fire began on 2 September 1666.", 0)])
              for span in spans]
    assert values[1] == {"when": "1666-09-02"}
