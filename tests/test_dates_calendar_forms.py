"""Dates a reader of old letters and of modern texts meets, checked beyond one example each:
double dates (Old Style and New Style together) and what they tell the dates after them, Julian
months and leap days, the sidecar's julian-until at its boundary, ISO dates and short decades
("the '60s"). Invented texts; every expected value worked out by hand from the calendars."""
from __future__ import annotations

import pytest

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block

JULIAN = {"datingMethod": "#julian"}


def dated(*paragraphs: str, **options) -> list[list[tuple[str, dict[str, str]]]]:
    """(text, every attribute, @cert and @resp included) of each date, per paragraph."""
    blocks = [Block("p", text, 0) for text in paragraphs]
    return [[(span.text_in(block.text), dict(span.attrs)) for span in spans]
            for block, spans in zip(blocks, annotate_dates(blocks, **options))]


def one(text: str, **options) -> tuple[str, dict[str, str]]:
    (date,) = dated(text, **options)[0]
    return date


# ---------------------------------------------------------------- double dates


@pytest.mark.parametrize("text, span, values", [
    ("On 25 October (7 November) 1917 power passed.", "25 October (7 November) 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25"}),
    ("On October 25 (November 7), 1917 power passed.", "October 25 (November 7), 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25"}),
    ("dated Feb. 1/14, 1918 in Petrograd", "Feb. 1/14, 1918", {"when": "1918-02-14", "when-custom": "1918-02-01"}),
    ("dated 1/14 February 1918 in Petrograd", "1/14 February 1918", {"when": "1918-02-14", "when-custom": "1918-02-01"}),
    # the year's end: the New Style reading is already in the next year
    ("On 31 December (12 January) 1899 it snowed.", "31 December (12 January) 1899",
     {"when": "1900-01-12", "when-custom": "1899-12-31"}),
    ("On December 31 (January 12), 1899 it snowed.", "December 31 (January 12), 1899",
     {"when": "1900-01-12", "when-custom": "1899-12-31"}),
    # 1900 was a leap year in the Julian calendar only: its 29 February is a real Old Style day
    ("On 29 February (13 March) 1900 it snowed.", "29 February (13 March) 1900",
     {"when": "1900-03-13", "when-custom": "1900-02-29"}),
])
def test_a_double_date_whose_readings_agree_is_one_sure_date(text, span, values):
    """No @cert: both readings were written and they name the same day."""
    assert one(text) == (span, {**values, **JULIAN})


@pytest.mark.parametrize("text, span, values", [
    ("On 25 October (8 November) 1917 power passed.", "25 October (8 November) 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25"}),
    ("On October 25 (December 7), 1917 power passed.", "October 25 (December 7), 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25"}),
])
def test_a_double_date_whose_readings_disagree_keeps_the_old_style_reading_marked_unsure(text, span, values):
    assert one(text) == (span, {**values, **JULIAN, "cert": "low", "resp": "#tei-tools"})


def test_a_double_date_on_a_day_that_never_was_is_not_a_date():
    # 30 February exists in no calendar; 29 February 1918 not in the Julian one either
    for text in ("On 30 February (14 March) 1900 nothing happened.", "On 29 February (14 March) 1918 nothing happened."):
        # no day of that year is claimed (a day without its year may stay: "--02-29")
        assert not [values for _, values in dated(text)[0]
                    if "datingMethod" in values or values.get("when", "").startswith(("1900-", "1918-"))]


def test_the_days_after_a_double_date_are_read_in_its_year_and_its_old_style():
    """A writer who gives one double date goes on in the Old Style: "2 November" a week later is
    the Julian 2 November 1917, the Gregorian 15 November."""
    (first, later), = dated("On 25 October (7 November) 1917 power passed. On 2 November the Duma met.")
    assert first == ("25 October (7 November) 1917", {"when": "1917-11-07", "when-custom": "1917-10-25", **JULIAN})
    assert later == ("2 November", {"when": "1917-11-15", "when-custom": "1917-11-02", **JULIAN,
                                    "cert": "medium", "resp": "#tei-tools"})


# ---------------------------------------------------------------- Julian months and julian-until


@pytest.mark.parametrize("text, span, bounds", [
    ("in October 1917 O.S. the city", "October 1917 O.S.", ("1917-10-14", "1917-11-13")),
    # the Julian February of 1900 has 29 days: it ends on the Gregorian 13 March
    ("in February 1900 O.S. the city", "February 1900 O.S.", ("1900-02-13", "1900-03-13")),
    ("in February 1901 O.S. the city", "February 1901 O.S.", ("1901-02-14", "1901-03-13")),
    ("in December 1699 O.S. the city", "December 1699 O.S.", ("1699-12-11", "1700-01-10")),  # ten days before 1700
])
def test_an_old_style_month_spans_the_gregorian_days_it_covered(text, span, bounds):
    month = span.split()[1] + "-" + {"October": "10", "February": "02", "December": "12"}[span.split()[0]]
    assert one(text) == (span, {"when-custom": month, "notBefore": bounds[0], "notAfter": bounds[1], **JULIAN})


def test_julian_until_includes_its_own_day_and_month():
    options = {"julian_until": "1918-01-31"}
    assert one("on 31 January 1918 the assembly met", **options) == (
        "31 January 1918", {"when": "1918-02-13", "when-custom": "1918-01-31", **JULIAN})
    assert one("in January 1918 the city froze", **options) == (
        "January 1918", {"when-custom": "1918-01", "notBefore": "1918-01-14", "notAfter": "1918-02-13", **JULIAN})
    assert one("on 1 February 1918 the new calendar", **options) == ("1 February 1918", {"when": "1918-02-01"})
    assert one("in February 1918 the new calendar", **options) == ("February 1918", {"when": "1918-02"})


# ---------------------------------------------------------------- ISO dates and short decades


@pytest.mark.parametrize("text, expected", [
    ("the minutes of 1917-05-03 say", [("1917-05-03", {"when": "1917-05-03"})]),
    ("filed 2024-02-29, a leap day", [("2024-02-29", {"when": "2024-02-29"})]),
    ("filed 1000-01-01 and 2099-12-31", [("1000-01-01", {"when": "1000-01-01"}),
                                         ("2099-12-31", {"when": "2099-12-31"})]),
    ("not a day: 1917-13-03, 1917-02-29, 1999-04-31", []),
    ("not a year of the range: 0999-01-01, 2100-01-01", []),
])
def test_iso_dates_are_read_as_written_and_impossible_ones_are_not_dates(text, expected):
    assert dated(text)[0] == expected


@pytest.mark.parametrize("paragraphs, decade, cert", [
    (("In the '60s the town grew.",), ("1960", "1969"), "low"),  # nothing to go by
    (("In 1905 they left.", "In the '60s the town had grown."), ("1860", "1869"), "medium"),
    (("In 1975 they left.", "In the '60s the town had grown."), ("1960", "1969"), "medium"),
    (("In 2010 they left.", "In the '90s the town had grown."), ("1990", "1999"), "medium"),
    (("In 2010 they left.", "In the '20s the town grew again."), ("2020", "2029"), "medium"),
    (("In 1995 they left.", "In the '00s the town grew."), ("2000", "2009"), "medium"),  # the next century's
    # the decade whose middle is nearest the year: from 1956, 2005 (49 years) beats 1905 (51); from 1954 not
    (("In 1956 they left.", "In the '00s the town grew."), ("2000", "2009"), "medium"),
    (("In 1954 they left.", "In the '00s the town grew."), ("1900", "1909"), "medium"),
])
def test_a_short_decade_is_the_decade_nearest_the_narratives_year(paragraphs, decade, cert):
    last = dated(*paragraphs)[-1]
    (text, values), = last
    assert text.startswith("'") and text.endswith("0s")
    assert values == {"notBefore": decade[0], "notAfter": decade[1], "cert": cert, "resp": "#tei-tools"}


# ---------------------------------------------------------------- centuries, eras, years named by relation


@pytest.mark.parametrize("text, span, bounds", [
    ("in the 1st century AD the road", "1st century AD", ("0001", "0100")),
    ("in the 1st century BC the road", "1st century BC", ("-0100", "-0001")),
    ("in the first century BC the road", "first century BC", ("-0100", "-0001")),
    ("in the 10th century the abbey", "10th century", ("0901", "1000")),
    ("in the 21st century the town", "21st century", ("2001", "2100")),
])
def test_a_century_spans_its_hundred_years_from_the_first_to_the_last(text, span, bounds):
    assert one(text) == (span, {"notBefore": bounds[0], "notAfter": bounds[1]})


def test_a_century_beyond_the_twenty_first_is_not_a_date():
    assert dated("in the 22nd century the town")[0] == []


def test_the_first_year_of_an_era_is_a_year_and_sets_the_year_of_what_follows():
    assert dated("In AD 1 it began. In May of that year it rained.")[0] == [
        ("AD 1", {"when": "0001"}), ("May of that year", {"when": "0001-05", "cert": "medium", "resp": "#tei-tools"})]
    assert dated("In 1 BC it began.")[0] == [("1 BC", {"when": "-0001"})]
    assert dated("In 49 BC Caesar crossed. In May of the same year he won.")[0][1] == (
        "May of the same year", {"when": "-0049-05", "cert": "medium", "resp": "#tei-tools"})


@pytest.mark.parametrize("relation, year", [("the following year", "1918"), ("the previous year", "1916"),
                                            ("that year", "1917")])
def test_a_month_of_a_year_named_by_relation_is_read_and_moves_the_narratives_year(relation, year):
    (first, month, day), = dated(f"In 1917 he left. In June of {relation} he returned. On 3 July he wrote.")
    assert first == ("1917", {"when": "1917"})
    assert month == (f"June of {relation}", {"when": f"{year}-06", "cert": "medium", "resp": "#tei-tools"})
    assert day[1]["when"] == f"{year}-07-03"  # the day after it is in that year, not in 1917


def test_a_month_of_that_year_with_no_year_before_it_keeps_only_its_month():
    assert dated("In May of that year nothing happened.")[0] == [("May of that year", {"when": "--05"})]


# ---------------------------------------------------------------- diary headings


def test_weekday_headings_count_on_from_the_last_day_and_keep_their_place_in_the_text():
    blocks = [("Journal. February. 1839", True), ("Feb 17th. Sunday afternoon", True), ("Monday", True),
              ("We rested.", False), ("   Tuesday", True), ("Wednesday", True), ("Wednesday", True),
              ("March.", True), ("  2d.", True)]
    made = [Block("head" if heading else "p", text, 0, frames_dates=heading) for text, heading in blocks]
    found = [[(s.start, s.end, s.attr("when")) for s in spans] for spans in annotate_dates(made)]
    assert found[2] == [(0, 6, "1839-02-18")]  # the Monday after Sunday the 17th
    assert found[4] == [(3, 10, "1839-02-19")]  # its span is the word, after the indentation
    assert found[5] == [(0, 9, "1839-02-20")]
    assert found[6] == [(0, 9, "1839-02-27")]  # a second Wednesday is the next week's
    assert found[8] == [(2, 4, "1839-03-02")]


def headed(*blocks: tuple[str, bool]) -> list[list[tuple[str, str, str | None]]]:
    """(text, @when, @cert) per block; each block is (text, is a dateline or an entry heading)."""
    made = [Block("head" if heading else "p", text, 0, frames_dates=heading) for text, heading in blocks]
    return [[(s.text_in(b.text), s.attr("when"), s.attr("cert")) for s in spans]
            for b, spans in zip(made, annotate_dates(made))]


def test_inst_and_ult_count_from_the_letters_own_month_not_from_a_month_it_mentions():
    dates = headed(("London, 3rd May 1905", True),
                   ("In March I wrote to you; your letter of the 14th inst. came, and the one of the 28th ult.", False))
    assert dates[1] == [("March", "1905-03", "high"), ("14th inst.", "1905-05-14", "high"),
                        ("28th ult.", "1905-04-28", "high")]


def test_ult_and_prox_across_a_years_end_change_the_year_and_say_they_are_less_sure():
    assert headed(("London, 3rd January 1905", True), ("Your letter of the 28th ult. came; I write on the 2d prox.", False))[1] == [
        ("28th ult.", "1904-12-28", "medium"), ("2d prox.", "1905-02-02", "high")]
    assert headed(("London, 3rd December 1905", True), ("I write again on the 2d prox.", False))[1] == [
        ("2d prox.", "1906-01-02", "medium")]


def test_entry_headings_of_a_day_stay_in_the_month_until_the_day_goes_back():
    dates = headed(("February 1839.", True), ("14th.", True), ("14th.", True), ("27th.", True), ("3d.", True))
    assert [d[0][1] for d in dates[1:]] == ["1839-02-14", "1839-02-14", "1839-02-27", "1839-03-03"]


def test_an_entry_heading_of_a_day_the_month_does_not_have_is_not_a_date():
    assert headed(("February 1839.", True), ("29th.", True))[1] == []
    assert headed(("February 1840.", True), ("29th.", True))[1] == [("29th", "1840-02-29", "high")]


# ---------------------------------------------------------------- seasons and parts of a year


@pytest.mark.parametrize("relation, year", [("the following year", "1918"), ("the previous year", "1916"),
                                            ("that year", "1917"), ("the same year", "1917")])
def test_a_season_of_a_year_named_by_relation_spans_that_years_months(relation, year):
    (first, season, _), = dated(f"In 1917 he left. In the summer of {relation} he returned. On 3 July he wrote.")
    assert season == (f"summer of {relation}",
                      {"notBefore": f"{year}-06", "notAfter": f"{year}-08", "cert": "medium", "resp": "#tei-tools"})


def test_a_season_of_a_year_named_by_relation_with_no_year_before_it_is_not_a_date():
    assert dated("In the summer of that year nothing happened.")[0] == []


@pytest.mark.parametrize("text, span, values", [
    ("In the summer of 1000 the abbey", "summer of 1000", {"notBefore": "1000-06", "notAfter": "1000-08"}),
    ("In the summer of 2099 the town", "summer of 2099", {"notBefore": "2099-06", "notAfter": "2099-08"}),
    ("In the winter of 1917 it froze", "winter of 1917", {"notBefore": "1916-12", "notAfter": "1917-02"}),
])
def test_a_season_of_a_year_spans_its_months_and_a_winter_begins_in_the_year_before(text, span, values):
    assert one(text) == (span, values)


def test_the_days_after_a_season_are_read_in_its_year():
    assert dated("In the summer of 1917 it was hot. On 3 July they met.")[0][1] == (
        "3 July", {"when": "1917-07-03", "cert": "medium", "resp": "#tei-tools"})
    assert dated("In the winter of 1917 it froze. On 3 January it thawed.")[0][1] == (
        "3 January", {"when": "1917-01-03", "cert": "medium", "resp": "#tei-tools"})


@pytest.mark.parametrize("text, expected", [
    ("in the 1920s", [("1920s", {"notBefore": "1920", "notAfter": "1929"})]),
    ("in the 1800s", [("1800s", {"notBefore": "1800", "notAfter": "1899"})]),  # the hundred years
    ("in the 2000s", [("2000s", {"notBefore": "2000", "notAfter": "2009"})]),  # a century still running
    ("in the 1010s", [("1010s", {"notBefore": "1010", "notAfter": "1019"})]),
    ("1000s of men marched", []),  # thousands
])
def test_a_decade_written_in_figures_spans_its_years(text, expected):
    assert dated(text)[0] == expected


# ---------------------------------------------------------------- ranges of years


@pytest.mark.parametrize("text, expected", [
    ("from 1000–1005 the abbey", [("1000–1005", {"from": "1000", "to": "1005"})]),
    ("from 2098–2099 the town", [("2098–2099", {"from": "2098", "to": "2099"})]),
    ("in 1914–18 the war", [("1914–18", {"from": "1914", "to": "1918"})]),
    ("from 1990–99 he", [("1990–99", {"from": "1990", "to": "1999"})]),
    ("from 1899–00 he", [("1899–00", {"from": "1899", "to": "1900"})]),  # into the next century
    ("from 1995–02 he", [("1995–02", {"from": "1995", "to": "2002"})]),
    ("from 1917–1917 the war", []),  # a range ends after it starts
    ("from 1989–10 the war", []),
    ("the 1917–1918 elections were", [("1917–1918", {"from": "1917", "to": "1918"})]),
    ("the 1900–1905 men were", []),  # a round number before a noun of things counted: a quantity
])
def test_a_range_of_years_runs_forward_within_the_years_a_text_can_mean(text, expected):
    assert dated(text)[0] == expected


def test_a_range_of_years_sets_the_year_of_what_follows_unless_it_is_in_parentheses():
    assert dated("During 1914–1918 the war raged. In May he left.")[0][1] == (
        "May", {"when": "1914-05", "cert": "medium", "resp": "#tei-tools"})
    assert dated("The war (1914–1918) ended. In May he left.")[0][1] == ("May", {"when": "--05"})


# ---------------------------------------------------------------- parts of a year


@pytest.mark.parametrize("text, span, months", [
    ("In early 1917 he left.", "early 1917", ("1917-01", "1917-04")),
    ("In mid-1917 he left.", "mid-1917", ("1917-05", "1917-08")),
    ("In late 1917 he left.", "late 1917", ("1917-09", "1917-12")),
    ("At the end of 1917 he left.", "end of 1917", ("1917-09", "1917-12")),
    ("In early 1000 the abbey", "early 1000", ("1000-01", "1000-04")),
    ("In late 2099 the town", "late 2099", ("2099-09", "2099-12")),
])
def test_a_part_of_a_year_spans_its_months(text, span, months):
    assert one(text) == (span, {"notBefore": months[0], "notAfter": months[1]})


def test_a_part_of_a_year_outside_the_years_a_text_can_mean_is_not_a_date():
    assert dated("In early 999 and in late 2100")[0] == []


@pytest.mark.parametrize("part, months", [
    ("the first half of the following year", ("1918-01", "1918-06")),
    ("the second half of the previous year", ("1916-07", "1916-12")),
    ("the latter half of that year", ("1917-07", "1917-12")),
    ("the end of the following year", ("1918-09", "1918-12")),
])
def test_a_part_of_a_year_named_by_relation_spans_that_years_months(part, months):
    (_, found), = dated(f"In 1917 he left. In {part} he returned.")
    assert found == (part.removeprefix("the "),
                     {"notBefore": months[0], "notAfter": months[1], "cert": "medium", "resp": "#tei-tools"})


def test_a_part_of_a_year_named_by_relation_with_no_year_before_it_is_not_a_date():
    assert dated("In the first half of that year he was ill.")[0] == []


def test_the_days_after_a_part_of_a_year_are_read_in_its_year():
    assert dated("In mid-1917 he left. On 3 June he wrote.")[0][1] == (
        "3 June", {"when": "1917-06-03", "cert": "medium", "resp": "#tei-tools"})


# ---------------------------------------------------------------- the year of a day named without one


@pytest.mark.parametrize("before, day, when, cert", [
    ("In October 1937 he left.", "9 February", "1938-02-09", "low"),  # narration across a year's end
    ("In September 1937 he left.", "30 April", "1938-04-30", "low"),
    ("In December 1937 he left.", "1 January", "1938-01-01", "low"),
    ("In October 1935 he left.", "29 February", "1936-02-29", "low"),  # a leap day: the year that has it
    ("In August 1937 he left.", "9 February", "1937-02-09", "medium"),  # too early in the year to cross
    ("In October 1937 he left.", "9 May", "1937-05-09", "medium"),  # too late in the year to be the next
    ("On 20 October 1937 he left.", "9 October", "1937-10-09", "medium"),  # a flashback in the same year
])
def test_a_day_without_its_year_in_narration_is_in_the_year_told_or_just_after_its_end(before, day, when, cert):
    (_, found), = dated(f"{before} On {day} he returned.")
    assert found == (day, {"when": when, "cert": cert, "resp": "#tei-tools"})


def test_days_in_a_letter_are_the_nearest_to_its_date_on_either_side_of_a_years_end():
    assert headed(("Paris, 20 December 1905", True), ("On the 2d of January I go; on the 10th of December I came.", False))[1] == [
        ("2d of January", "1906-01-02", "medium"), ("10th of December", "1905-12-10", "high")]
    assert headed(("Paris, 2 January 1906", True), ("On the 20th of December I came; on the 5th of January I go.", False))[1] == [
        ("20th of December", "1905-12-20", "medium"), ("5th of January", "1906-01-05", "high")]


def test_an_iso_date_frames_the_days_after_it_like_a_date_in_words():
    assert dated("On 1917-10-20 he left. On 9 February he returned.")[0][1] == (
        "9 February", {"when": "1918-02-09", "cert": "low", "resp": "#tei-tools"})
    assert headed(("1839-02-17", True), ("Monday", True)) == [[("1839-02-17", "1839-02-17", None)],
                                                            [("Monday", "1839-02-18", "medium")]]


def test_a_month_heading_takes_the_year_above_it_and_without_one_stays_a_month_alone():
    assert headed(("February.", True), ("3d.", True)) == [[("February", "--02", None)], []]
    made = [Block("head", text, 0, frames_dates=True) for text in ("Journal 1839", "  February.", "3d.")]
    found = [[(s.start, s.end, s.attr("when")) for s in spans] for spans in annotate_dates(made)]
    assert found == [[(8, 12, "1839")], [(2, 10, "1839-02")], [(0, 2, "1839-02-03")]]


# ---------------------------------------------------------------- days and months in running text


@pytest.mark.parametrize("text, expected", [
    ("from 3–5 May 1917 they met", [("3–5 May 1917", {"from": "1917-05-03", "to": "1917-05-05"})]),
    ("on 5–5 May 1917 they met", [("5 May 1917", {"when": "1917-05-05"})]),  # no range of one day
    ("on 28–29 February 1917 they met", [("28–29 February 1917", {"when": "1917"})]),  # 1917 had no 29th
    ("on Monday, 3 May 1917 they met", [("Monday, 3 May 1917", {"when": "1917-05-03", "cert": "low",
                                                                 "resp": "#tei-tools"})]),  # a Thursday
])
def test_days_and_ranges_of_days_are_real_days_or_only_their_year_is_claimed(text, expected):
    assert dated(text)[0] == expected


def test_an_impossible_day_still_gives_its_year_to_what_follows():
    assert dated("On February 30, 1917 nothing happened. In May he left.")[0] == [
        ("February 30, 1917", {"when": "1917"}), ("May", {"when": "1917-05", "cert": "medium", "resp": "#tei-tools"})]


@pytest.mark.parametrize("joined", ["and", "or", "to"])
def test_a_month_joined_to_a_month_before_it_is_a_month_of_the_narratives_year(joined):
    assert dated(f"In 1917, from March {joined} April, he left.")[0][1:] == [
        ("March", {"when": "1917-03", "cert": "medium", "resp": "#tei-tools"}),
        ("April", {"when": "1917-04", "cert": "medium", "resp": "#tei-tools"})]


def test_a_month_name_after_and_without_a_month_before_it_is_not_a_date():
    assert [span for span, _ in dated("In 1917 Jane and May left.")[0]] == ["1917"]


@pytest.mark.parametrize("text, year", [
    ("the 1900 guns were", False), ("the 1900 cars were", False),  # a round number of things counted
    ("the 1917 guns were", True),  # years are rarely round: this one is a year
    ("the 1900 census was", True), ("the 1900 class was", True), ("the 1900 thesis was", True),  # not plurals
    ("the 1900 ems were", True),  # too short a word to be told a plural
])
def test_a_four_digit_number_before_a_plural_noun_is_a_quantity_when_round(text, year):
    assert [span for span, _ in dated(text)[0]] == ([text.split()[1]] if year else [])
