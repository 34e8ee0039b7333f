"""Ranges of months and days, over every month and many years, as a reader of the edition checks
them: the span covers the words, @from is the first month or day, @to the last (not one later,
not one earlier), and the edition with the range stays valid.

Black-box: `tei_tools.annotate.dates.annotate_dates` and `convert_text`.
"""
from __future__ import annotations

import calendar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.annotate.dates import annotate_dates
from tei_tools.convert import convert_text
from tei_tools.model import Block
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS

MONTHS = list(calendar.month_name)[1:]
ABBREVIATIONS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DASHES = st.sampled_from(["-", "\u2013", "\u2014", " \u2013 "])
YEARS = st.integers(min_value=1000, max_value=2099)
CONTEXTS = st.sampled_from([("The strikes of ", " spread to the ports."), ("In ", " the city rose."),
                            ("It rained without a break (", ") in the valley."), ("", ".")])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def dates_in(text: str) -> list[tuple[str, dict[str, str]]]:
    block = Block("p", text, 0)
    return [(span.text_in(text), dict(span.attrs)) for span in annotate_dates([block])[0]]


@st.composite
def month_ranges(draw):
    first = draw(st.integers(1, 11))
    last = draw(st.integers(first + 1, 12))
    names = draw(st.sampled_from([MONTHS, ABBREVIATIONS]))
    year = draw(YEARS)
    written = f"{names[first - 1]}{draw(DASHES)}{names[last - 1]}{draw(st.sampled_from(['', ',']))} {year}"
    return written, {"from": f"{year:04d}-{first:02d}", "to": f"{year:04d}-{last:02d}"}


@FAST
@given(month_range=month_ranges(), context=CONTEXTS)
def test_a_range_of_months_runs_from_its_first_to_its_last_month(month_range, context):
    written, values = month_range
    before, after = context
    assert dates_in(before + written + after) == [(written, values)]


@st.composite
def day_ranges(draw):
    year, month = draw(YEARS), draw(st.integers(1, 12))
    days = calendar.monthrange(year, month)[1]
    first = draw(st.integers(1, days - 1))
    last = draw(st.integers(first + 1, days))
    dash = draw(st.sampled_from(["-", "\u2013"]))
    written = draw(st.sampled_from([f"{first}{dash}{last} {MONTHS[month - 1]} {year}",
                                    f"{MONTHS[month - 1]} {first}{dash}{last}, {year}"]))
    day = f"{year:04d}-{month:02d}"
    return written, {"from": f"{day}-{first:02d}", "to": f"{day}-{last:02d}"}


@FAST
@given(day_range=day_ranges(), context=CONTEXTS)
def test_a_range_of_days_runs_from_its_first_to_its_last_day(day_range, context):
    written, values = day_range
    before, after = context
    assert dates_in(before + written + after) == [(written, values)]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(month_range=month_ranges())
def test_a_month_range_reaches_the_edition_as_from_and_to(month_range):
    written, values = month_range
    source = f"A Chronicle\n\nThe strikes of {written} spread to the ports.\n\nNothing else happened.\n"
    _, data, _ = convert_text(source, "chronicle.txt", Personography.empty(), kind="book")
    dates = etree.fromstring(data).findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}date")
    assert [("".join(d.itertext()), dict(d.attrib)) for d in dates] == [(written, values)]


def test_every_month_can_end_a_range_that_starts_in_january():
    for last in range(2, 13):
        written = f"January\u2013{MONTHS[last - 1]} 1917"
        assert dates_in(f"In {written} the city rose.") == [(written, {"from": "1917-01", "to": f"1917-{last:02d}"})]


@pytest.mark.parametrize("written, values", [
    ("from 1 March – 4 April 1865 he was ill", {"from": "1865-03-01", "to": "1865-04-04"}),
    ("March 1 – April 4, 1865", {"from": "1865-03-01", "to": "1865-04-04"}),
    ("the holidays, 28 December – 3 January 1865, were cold", {"from": "1864-12-28", "to": "1865-01-03"})])
def test_a_day_without_its_year_before_a_dash_takes_the_year_of_the_day_after_it(written, values):
    (span,) = annotate_dates([Block("p", written, 0)])[0]
    assert dict(span.attrs) == values


def test_a_day_the_year_after_the_dash_does_not_have_is_no_range():
    spans = annotate_dates([Block("p", "29 February – 3 March 1901", 0)])[0]
    assert [dict(s.attrs) for s in spans] == [{"when": "--02-29"}, {"when": "1901-03-03"}]


@pytest.mark.parametrize("text, span, values", [
    ("It was printed in 1795-6 at Bath.", "1795-6", {"from": "1795", "to": "1796"}),
    ("He was away in 1819–0, they say.", "1819–0", {"from": "1819", "to": "1820"}),
    ("The winter of 1812-3 was hard.", "winter of 1812-3", {"notBefore": "1812-12", "notAfter": "1813-02"})])
def test_the_second_year_of_a_range_by_its_last_digit_after_a_dash(text, span, values):
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.model import Block

    block = Block("p", text, 0)
    [spans] = annotate_dates([block])
    assert [(s.text_in(text), dict(s.attrs)) for s in spans] == [(span, values)]


@pytest.mark.parametrize("text", ["It was dated 1665/6 in the register.", "See 1795-6.5 of the table."])
def test_a_slash_and_one_digit_or_a_decimal_is_no_range(text):
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.model import Block

    [spans] = annotate_dates([Block("p", text, 0)])
    assert not any("from" in s.attrs for s in spans)
