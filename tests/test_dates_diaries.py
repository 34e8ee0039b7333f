"""The date annotator on letters and diaries: entry headings of every form, month and year
headings, a year's end, weekdays, "inst." and "ult.", and the Julian calendar (Old Style dates,
double dates, the sidecar's julian-until, known Old Style days); invented texts."""
from __future__ import annotations

import random

import pytest

from tei_tools.annotate.dates import annotate_dates
from tei_tools.annotate.dates.context import Found
from tei_tools.annotate.dates.text import longest_first
from tei_tools.model import Block


# ---------------------------------------------------------------- letters and diaries


def entries(*blocks: tuple[str, bool], julian_until: str | None = None) -> list[list[tuple[str, dict, str | None]]]:
    """(text, values, cert) per block; each block is (text, frames_dates)."""
    made = [Block("head" if heading else "p", text, 0, frames_dates=heading) for text, heading in blocks]
    return [[(s.text_in(b.text), {k: v for k, v in s.attrs if k not in ("cert", "resp")}, s.attr("cert"))
             for s in spans] for b, spans in zip(made, annotate_dates(made, julian_until=julian_until))]


def test_entry_headings_of_every_common_form_take_the_month_and_year_of_the_headings_above():
    dates = entries(("Journal. January. 1839", True), ("Jan. 30th.", True), ("We sailed.", False),
                    ("February.", True), ("1st.", True), ("A party.", False), ("2d.", True),
                    ("Sunday — 3d.", True), ("Feb 17th. Sunday afternoon", True), ("Monday", True),
                    ("Ap. 2.d.", True), ("the 9th", True))
    assert dates[0] == [("January. 1839", {"when": "1839-01"}, None)]
    assert dates[1] == [("Jan. 30th", {"when": "1839-01-30"}, "high")]
    assert dates[3] == [("February", {"when": "1839-02"}, "high")]
    assert dates[4] == [("1st", {"when": "1839-02-01"}, "high")]
    assert dates[6] == [("2d", {"when": "1839-02-02"}, "high")]
    assert dates[7] == [("Sunday — 3d", {"when": "1839-02-03"}, "high")]
    assert dates[8] == [("Feb 17th", {"when": "1839-02-17"}, "high")]
    assert dates[9] == [("Monday", {"when": "1839-02-18"}, "medium")]  # the Monday after the 17th
    assert dates[10] == [("Ap. 2.d", {"when": "1839-04-02"}, "high")]
    assert dates[11] == [("9th", {"when": "1839-04-09"}, "high")]


def test_entries_across_a_years_end_move_into_the_next_year():
    dates = entries(("Tuesday, Dec. 31st, 1839.", True), ("Jan. 1st.", True), ("3d.", True))
    assert dates[0][0][1] == {"when": "1839-12-31"}
    assert dates[1] == [("Jan. 1st", {"when": "1840-01-01"}, "high")]
    assert dates[2] == [("3d", {"when": "1840-01-03"}, "high")]


def test_a_wrong_weekday_keeps_the_year_of_the_context_out():
    dates = entries(("February 1839.", True), ("Saturday 2", True), ("Monday 3", True),
                    ("Thursday, Feb. 7th", True), ("Sunday, 9 February 1839", True))
    assert dates[1] == [("Saturday 2", {"when": "1839-02-02"}, "high")]
    # 3 February 1839 was a Sunday: no year, and the month (the context's) is no surer than it
    assert dates[2] == [("Monday 3", {"when": "--02-03"}, "low")]
    assert dates[3] == [("Thursday, Feb. 7th", {"when": "1839-02-07"}, "high")]
    assert dates[4] == [("Sunday, 9 February 1839", {"when": "1839-02-09"}, "low")]  # a Saturday: the text's year stays, unsure
    assert entries(("Friday, 8 February 1839", True)) == [[("Friday, 8 February 1839", {"when": "1839-02-08"}, None)]]


def test_days_in_a_letter_or_entry_take_the_nearest_year_of_its_date():
    """A diary entry of 8 January 1839 that speaks of "the 28th of October" means October 1838."""
    dates = entries(("Louisville, Jan. 8th. 1839.", True),
                    ("I have been here since the 28th of October. Since the 22d December Clarke has been "
                     "here. On Monday Jan 14 we go.", False))
    assert dates[1] == [("28th of October", {"when": "1838-10-28"}, "medium"),
                        ("22d December", {"when": "1838-12-22"}, "medium"),
                        ("Monday Jan 14", {"when": "1839-01-14"}, "high")]


def test_inst_ult_and_prox_count_months_from_the_letters_date():
    dates = entries(("London, 3rd May 1905", True),
                    ("Your letter of the 14th inst. came with the one of the 28th ult.; I write on the 2d prox.", False))
    assert [(t, v) for t, v, _ in dates[1]] == [("14th inst.", {"when": "1905-05-14"}),
                                               ("28th ult.", {"when": "1905-04-28"}),
                                               ("2d prox.", {"when": "1905-06-02"})]


def test_a_day_without_any_month_to_go_by_is_not_marked():
    assert entries(("1st.", True), ("Saturday 2 went well.", False)) == [[], []]


# ---------------------------------------------------------------- Julian and Gregorian


def julian(text: str, **options) -> tuple[str, dict[str, str]]:
    (date,) = entries((text, False), **options)[0]
    return date[0], date[1]


@pytest.mark.parametrize("text, span, values", [
    ("on October 25, 1917 (O.S.) the insurrection", "October 25, 1917 (O.S.)",
     {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}),
    ("on 25 October 1917 O.S., the Bolsheviks", "25 October 1917 O.S.",
     {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}),
    ("on 25 October (7 November) 1917 power passed", "25 October (7 November) 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}),
    ("on October 25 (November 7), 1917 power passed", "October 25 (November 7), 1917",
     {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}),
    ("dated February 1/14, 1918 in Petrograd", "February 1/14, 1918",
     {"when": "1918-02-14", "when-custom": "1918-02-01", "datingMethod": "#julian"}),
    ("the 2 September 1752 (Old Style) was a Wednesday", "2 September 1752 (Old Style)",
     {"when": "1752-09-13", "when-custom": "1752-09-02", "datingMethod": "#julian"}),
    ("and the next day was 14 September 1752 (N.S.)", "14 September 1752 (N.S.)", {"when": "1752-09-14"}),
    ("on 7 November 1917 (N.S.) power passed", "7 November 1917 (N.S.)", {"when": "1917-11-07"}),
    ("in October 1917 O.S. the city", "October 1917 O.S.",
     {"when-custom": "1917-10", "notBefore": "1917-10-14", "notAfter": "1917-11-13", "datingMethod": "#julian"}),
])
def test_old_style_dates_keep_the_julian_reading_beside_the_gregorian(text, span, values):
    """The calendar's mark belongs to the date's words ("October 25, 1917 (O.S.)")."""
    assert julian(text) == (span, values)


def test_a_double_date_whose_readings_disagree_keeps_the_old_style_one_with_low_cert():
    """1 February 1918 (Julian) was 14 February (Gregorian): "1/12" cannot be right in 1918."""
    ((span, values, cert),) = entries(("dated February 1/12, 1918 in Petrograd", False))[0]
    assert (span, values, cert) == ("February 1/12, 1918",
                                    {"when": "1918-02-14", "when-custom": "1918-02-01", "datingMethod": "#julian"},
                                    "low")


def test_a_date_followed_by_its_new_style_day_is_old_style():
    dates = entries(("on October 25, 1917 (November 7, 1917, N.S.) they rose", False))[0]
    assert [(t, v) for t, v, _ in dates] == [
        ("October 25, 1917", {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}),
        ("November 7, 1917, N.S.", {"when": "1917-11-07"})]


def test_the_sidecars_julian_until_makes_earlier_days_old_style_unless_marked():
    options = {"julian_until": "1918-01-31"}
    assert julian("on 5 January 1918 the assembly met", **options)[1] == {
        "when": "1918-01-18", "when-custom": "1918-01-05", "datingMethod": "#julian"}
    assert julian("on 20 February 1918 the Germans advanced", **options)[1] == {"when": "1918-02-20"}
    assert julian("on 7 November 1917 (N.S.) they rose", **options)[1] == {"when": "1917-11-07"}
    assert julian("in 1917 they rose", **options)[1] == {"when": "1917"}  # a year alone is not converted


def test_a_known_old_style_day_in_its_events_words_is_read_as_old_style_with_medium_cert():
    ((span, values, cert),) = entries(("Then, on the night of October 25, 1917, with Lenin back in St. "
                                       "Petersburg, the insurrection began.", False))[0]
    assert values == {"when": "1917-11-07", "when-custom": "1917-10-25", "datingMethod": "#julian"}
    assert cert == "medium"
    assert entries(("On October 25, 1917 it rained in London.", False))[0][0][1] == {"when": "1917-10-25"}
    # the New Style day of the same event is left as it is
    assert entries(("On 7th November, 1917, the insurrection began.", False))[0][0][1] == {"when": "1917-11-07"}


def test_expedition_journal_headings_with_the_weekday_before_the_year_and_old_abbreviations():
    dates = entries(("May 14th Monday 1804", True), ("15th of May Tuesday", True), ("May 17th Thursday 1804.", True),
                    ("Jany. 1st 1805", True), ("Decr. 25th", True), ("May 14th Tuesday 1804", True),
                    ("Monday 1804 was a year.", False))
    assert dates[0] == [("May 14th Monday 1804", {"when": "1804-05-14"}, None)]
    assert dates[1] == [("15th of May", {"when": "1804-05-15"}, "high")]  # the weekday after it agrees
    assert dates[2] == [("May 17th Thursday 1804", {"when": "1804-05-17"}, None)]
    assert dates[3] == [("Jany. 1st 1805", {"when": "1805-01-01"}, None)]
    assert dates[4] == [("Decr. 25th", {"when": "1805-12-25"}, "high")]
    assert dates[5] == [("May 14th Tuesday 1804", {"when": "1804-05-14"}, "low")]  # 14 May 1804 was a Monday
    assert dates[6] == [("1804", {"when": "1804"}, None)]  # a weekday goes with a day, not with a year


def test_the_longest_first_choice_is_the_greedy_one_on_random_candidates():
    """longest_first chooses within clusters of overlapping candidates (linear on long blocks);
    the choice is the global greedy one: longest first, earliest among equals, no overlaps."""
    def greedy(candidates):
        kept = []
        for found in sorted(candidates, key=lambda f: (-f.length, f.start)):
            if all(found.end <= other.start or other.end <= found.start for other in kept):
                kept.append(found)
        return sorted((f.start, f.end) for f in kept)

    generator = random.Random(1)
    for _ in range(2000):
        candidates = []
        for _ in range(generator.randint(0, 25)):
            start = generator.randint(0, 200)
            candidates.append(Found(start, start + generator.randint(1, 30)))
        assert [(f.start, f.end) for f in longest_first(list(candidates))] == greedy(candidates)


def test_a_weekday_that_agrees_makes_a_year_from_the_context_surer_but_one_counted_from_it_does_not():
    made = [Block("p", "In 1845 we lived in Manchester and kept a diary of the winter.", 0),
            Block("p", "On Wednesday, Jan. 1 it snowed. On Friday, Jan. 9 it rained.", 0)]
    (_,), (wednesday, friday) = annotate_dates(made)
    assert (wednesday.attr("when"), wednesday.attr("cert")) == ("1845-01-01", "medium")  # 1 January 1845: a Wednesday
    assert (friday.attr("when"), friday.attr("cert")) == ("--01-09", "low")  # 9 January 1845: a Thursday
    counted = entries(("February 1839.", True), ("Saturday 2", True), ("Monday", True))
    assert counted[2] == [("Monday", {"when": "1839-02-04"}, "medium")]  # as sure as counting on from the 2nd is


@pytest.mark.parametrize("written, values", [
    ("on the night of 14/15 April 1912 the ship sank", {"from": "1912-04-14", "to": "1912-04-15"}),
    ("the fair of March 3/4, 1865 was wet", {"from": "1865-03-03", "to": "1865-03-04"})])
def test_two_days_a_slash_apart_too_near_for_two_calendars_are_two_days(written, values):
    ((_, found, cert),) = entries((written, False))[0]
    assert (found, cert) == (values, None)


def test_a_slash_between_a_day_and_one_that_does_not_exist_is_no_range():
    assert all("from" not in values for _, values, _ in entries(("on April 14/31, 1912 they met", False))[0])


def test_a_full_stop_after_the_days_suffix_and_a_weekday_heading_with_the_time_of_day():
    dates = entries(("Wednesday 3d. Jany 1838.", True), ("Read all the morning.", False),
                    ("Thursday Evening.", True), ("Talked till ten.", False))
    assert dates[0] == [("Wednesday 3d. Jany 1838", {"when": "1838-01-03"}, None)]
    assert dates[2] == [("Thursday", {"when": "1838-01-04"}, "medium")]  # the Thursday after the 3rd
    assert entries(("I have 3. May was cold", False)) == [[]]  # a full stop after a bare number is no suffix's
