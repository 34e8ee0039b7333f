"""The date annotator on forms found in letters, journals and biographies written for this test
(none from a seed or the shared eval set): days named by their weekday ("Friday last"), days
of a month named after them ("the 3d and 4th of May"), open ranges whose year is at their end
("12 June to 30 September 1979"), double dates without a year, short years ("the winter of
'62"), old weekday abbreviations, and what looks like a day but is none ("the 4th of Hebrews")."""
from __future__ import annotations

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block


def dates(*blocks: tuple[str, bool]) -> list[tuple[str, dict]]:
    """(text, values) of every date, in order; each block is (text, frames_dates)."""
    made = [Block("head" if heading else "p", text, 0, frames_dates=heading) for text, heading in blocks]
    return [(span.text_in(block.text), dict(span.attrs))
            for block, spans in zip(made, annotate_dates(made)) for span in spans]


HIGH = {"cert": "high", "resp": "#tei-tools"}
MEDIUM = {"cert": "medium", "resp": "#tei-tools"}


# ---------------------------------------------------------------- what is no day


def test_a_chapter_or_a_stage_after_of_is_no_day_of_the_entrys_month():
    found = dates(("March 1856.", True), ("Sunday 9th.", True),
                  ("He preached from the 4th of Hebrews, on the 3d of his journey.", False))
    assert found == [("March 1856", {"when": "1856-03"}), ("Sunday 9th", {"when": "1856-03-09", **HIGH})]


def test_of_last_month_and_of_this_month_count_from_the_letters_month():
    found = dates(("Burlington, 3d May 1790.", True),
                  ("Thine of the 18th of last month came safe, and mine of the 2d of this month.", False))
    assert found[1:] == [("18th of last month", {"when": "1790-04-18", **HIGH}),
                         ("2d of this month", {"when": "1790-05-02", **HIGH})]


# ---------------------------------------------------------------- days named by what follows


def test_the_first_of_two_days_is_in_the_month_named_after_the_second():
    found = dates(("New York, April 10th, 1776.", True),
                  ("I was there on the 3d and 4th of May, and from the 5th to the 8th of June 1777.", False))
    assert found[1:] == [("3d", {"when": "1776-05-03", **HIGH}), ("4th of May", {"when": "1776-05-04", **HIGH}),
                         ("5th", {"when": "1777-06-05"}), ("8th of June 1777", {"when": "1777-06-08"})]


def test_a_day_after_yesterday_evening_or_after_or_is_a_day_of_the_letters_month():
    found = dates(("Head Quarters, July 10th, 1776.", True),
                  ("It was read yesterday evening, the 9th. We shall not see land before the 20th or 21st.", False))
    # days after the letter's are this month's unless past (the month before's): medium
    assert found[1:] == [("9th", {"when": "1776-07-09", **HIGH}), ("20th", {"when": "1776-07-20", **MEDIUM}),
                         ("21st", {"when": "1776-07-21", **MEDIUM})]


def test_a_weekday_last_or_next_is_counted_from_the_letters_date():
    # 14 August 1793 was a Wednesday
    found = dates(("Philadelphia, Augt. 14th. 1793.", True),
                  ("Yours came on Friday last; I go on Wednesday next, not Monday last week.", False))
    assert found[1:] == [("Friday last", {"when": "1793-08-09", **MEDIUM}),
                         ("Wednesday next", {"when": "1793-08-21", **MEDIUM})]
    assert dates(("Yours came on Friday last.", False)) == []  # no letter's date to count from


def test_a_weekday_last_under_an_old_style_dateline_is_counted_in_that_calendar():
    # 3 January 1855 (Old Style) was a Monday (15 January New Style)
    found = dates(("St Petersburg, 3/15 January 1855.", True), ("We met on Sunday last.", False))
    assert found[1] == ("Sunday last", {"when": "1855-01-14", "when-custom": "1855-01-02",
                                        "datingMethod": "#julian", **MEDIUM})


def test_old_abbreviations_of_weekdays_head_entries():
    found = dates(("Sept. 1838.", True), ("Sunday 2d.", True), ("Mond. 3d.", True), ("Frid. 7th.", True))
    assert found[2:] == [("Mond. 3d", {"when": "1838-09-03", **HIGH}), ("Frid. 7th", {"when": "1838-09-07", **HIGH})]


# ---------------------------------------------------------------- ranges and double dates


def test_an_open_range_takes_the_year_written_at_its_end():
    found = dates(("She died in 1879.", False),
                  ("A retrospective held from 12 June to 30 September 1979 restored her. From May to August "
                   "1812 he was ill. Between 3 December and 2 March 1790 it snowed.", False))
    assert found[1:] == [("12 June to 30 September 1979", {"from": "1979-06-12", "to": "1979-09-30"}),
                         ("May to August 1812", {"from": "1812-05", "to": "1812-08"}),
                         ("3 December and 2 March 1790", {"from": "1789-12-03", "to": "1790-03-02"})]


def test_and_without_between_joins_no_range():
    found = dates(("In 1840, in June and 30 September 1979.", False))
    assert [text for text, _ in found] == ["1840", "June", "30 September 1979"]


def test_a_double_date_without_its_year_takes_the_old_style_days_year_from_the_letter():
    found = dates(("St Petersburg, 3/15 January 1855.", True),
                  ("I received your letter of the 20th December (1st January) yesterday, and of the "
                   "5 January (9 January).", False))
    # 20 December 1854 (Old Style) was 1 January 1855: one day; 5 and 9 January are no such pair
    assert found[1:] == [("20th December (1st January)", {"when": "1855-01-01", "when-custom": "1854-12-20",
                                                          "datingMethod": "#julian", **MEDIUM})]
    assert dates(("Your letter of the 20th December (1st January) came.", False)) == [
        ("20th December (1st January)", {"when": "--01-01"})]  # the New Style day: no Julian reading without a year


# ---------------------------------------------------------------- short years


def test_a_season_of_a_short_year_is_in_the_century_of_the_narrative():
    found = dates(("It was planted in the spring of 1851 by Mrs. Fairchild, who died in the winter of '62. "
                   "The funeral was in February.", False))
    assert found == [("spring of 1851", {"notBefore": "1851-03", "notAfter": "1851-05"}),
                     ("winter of '62", {"notBefore": "1861-12", "notAfter": "1862-02", **MEDIUM}),
                     ("February", {"when": "1862-02", **MEDIUM})]
    assert dates(("She died in the winter of '62.", False)) == []  # no century to go by


# ---------------------------------------------------------------- days in the body of a letter


def test_an_ordinal_before_a_noun_is_no_day_but_the_4th_day_of_july_is_a_date():
    found = dates(("Monticello, Septr. 3d. 1805.", True),
                  ("On the 3d time of asking, on the 4th day we reached it, of the 20th regiment. Signed this "
                   "4th day of July, in the year of our Lord 1776, and the fourth day of May, 1777.", False))
    assert found[1:] == [("4th day of July, in the year of our Lord 1776", {"when": "1776-07-04"}),
                         ("fourth day of May, 1777", {"when": "1777-05-04"})]


def test_a_day_after_the_letters_day_is_less_sure_and_one_its_month_lacks_is_the_month_befores():
    found = dates(("Monticello, Septr. 3d. 1805.", True),
                  ("Yours of the 31st is here; I go on the 2d to Richmond, and about the 25th to Washington.",
                   False))
    assert found[1:] == [("31st", {"when": "1805-08-31", "cert": "low", "resp": "#tei-tools"}),
                         ("2d", {"when": "1805-09-02", **HIGH}), ("25th", {"when": "1805-09-25", **MEDIUM})]


# ---------------------------------------------------------------- Old Style years


JULIAN = {"datingMethod": "#julian"}
LOW = {"cert": "low", "resp": "#tei-tools"}


def test_a_double_year_written_with_a_dash_is_one_day_up_to_the_reform():
    assert dates(("Boston, Feb. 11, 1731-2. The ship came in.", False)) == [
        ("Feb. 11, 1731-2", {"when": "1732-02-22", "when-custom": "1732-02-11", **JULIAN})]
    assert dates(("He was born on the 11th of February, 1731-2.", False)) == [
        ("11th of February, 1731-2", {"when": "1732-02-22", "when-custom": "1732-02-11", **JULIAN})]
    # after 1752 a dash joins two years
    assert dates(("On June 3, 1914-15.", False))[1] == ("1914-15", {"from": "1914", "to": "1915"})


def test_an_old_style_day_before_lady_day_written_with_one_year_may_give_the_legal_year():
    found = dates(("Born February 22, 1732 [O.S. February 11, 1731], and 3 May 1731 O.S. at sea.", False))
    assert found == [("February 22, 1732", {"when": "1732-02-22"}),
                     # O.S. before the date marks it too; the year may be the legal one (1732 by ours)
                     ("February 11, 1731", {"when": "1731-02-22", "when-custom": "1731-02-11", **JULIAN, **LOW}),
                     ("3 May 1731 O.S.", {"when": "1731-05-14", "when-custom": "1731-05-03", **JULIAN})]


# ---------------------------------------------------------------- two-digit years


def test_a_day_of_a_two_digit_year_is_in_the_century_of_the_narrative():
    found = dates(("In 1943 he trained; he landed on June 6, '44, and on 3d May '45 it ended.", False))
    assert found[1:] == [("June 6, '44", {"when": "1944-06-06", **MEDIUM}),
                         ("3d May '45", {"when": "1945-05-03", **MEDIUM})]
    assert dates(("He landed on June 6, '44.", False)) == [("June 6, '44", {"when": "--06-06"})]


def test_a_double_date_with_the_new_style_day_alone_in_parentheses():
    assert dates(("Moscow, 12 (24) March 1855. We arrived.", False)) == [
        ("12 (24) March 1855", {"when": "1855-03-24", "when-custom": "1855-03-12", **JULIAN})]
    assert dates(("Moscow, March 12th (24th), 1855.", False)) == [
        ("March 12th (24th), 1855", {"when": "1855-03-24", "when-custom": "1855-03-12", **JULIAN})]


def test_a_quakers_numbered_month_is_that_month_from_1752_and_left_alone_before():
    found = dates(("Burlington, 3d of 5th Month, 1790.", True),
                  ("Thine of the 18th of last month came; I set out on the 10th instant, and on 6th mo. 2d.", False))
    assert found == [("3d of 5th Month, 1790", {"when": "1790-05-03"}),
                     ("18th of last month", {"when": "1790-04-18", **HIGH}),
                     ("10th instant", {"when": "1790-05-10", **HIGH}),
                     ("6th mo. 2d", {"when": "1790-06-02", **HIGH})]
    # before 1752 Friends counted from March: the year alone
    assert dates(("Written 5th mo. 3d, 1740. He stayed 6 months 3 days.", False)) == [("1740", {"when": "1740"})]


def test_a_day_or_month_with_last_or_next_is_the_one_before_or_after_the_letters_date():
    found = dates(("London, February 10th, 1820.", True),
                  ("I wrote on the 3rd of March last, again in October last, and shall see you in June next "
                   "or on the 1st of February next.", False))
    assert found[1:] == [("3rd of March last", {"when": "1819-03-03", **MEDIUM}),
                         ("October last", {"when": "1819-10", **MEDIUM}),
                         ("June next", {"when": "1820-06", **HIGH}),
                         ("1st of February next", {"when": "1821-02-01", **MEDIUM})]


def test_seasons_and_parts_of_the_year_written_with_the_year():
    found = dates(("Early in the year 1918 he returned; in the summer of the year 1920, at the end of the year "
                   "1921, in the latter part of 1922 and the early part of 1923.", False))
    assert found == [("Early in the year 1918", {"notBefore": "1918-01", "notAfter": "1918-04"}),
                     ("summer of the year 1920", {"notBefore": "1920-06", "notAfter": "1920-08"}),
                     ("end of the year 1921", {"notBefore": "1921-09", "notAfter": "1921-12"}),
                     ("latter part of 1922", {"notBefore": "1922-07", "notAfter": "1922-12"}),
                     ("early part of 1923", {"notBefore": "1923-01", "notAfter": "1923-04"})]


def test_a_day_before_an_editors_bracketed_year_takes_it_and_frames_the_letter():
    found = dates(("Three Mile Cross, Septr 20th [1825].", True), ("Yours of the 14th inst. came.", False))
    assert found == [("Septr 20th", {"when": "1825-09-20"}), ("1825", {"when": "1825"}),
                     ("14th inst.", {"when": "1825-09-14", **HIGH})]
    assert dates(("Reading, March 3d [1820?].", True)) == [("March 3d", {"when": "1820-03-03", **LOW}),
                                                           ("1820", {"when": "1820", **LOW})]


def test_a_feast_with_last_or_next_is_the_one_before_or_after_the_letters_date():
    found = dates(("London, 2d Jany. 1847.", True),
                  ("It expires at Lady Day next and was signed at Michaelmas last, or at Christmas Day last.", False))
    assert found[1:] == [("Lady Day next", {"when": "1847-03-25", **HIGH}),
                         ("Michaelmas last", {"when": "1846-09-29", **MEDIUM}),
                         ("Christmas Day last", {"when": "1846-12-25", **MEDIUM})]


def test_between_two_days_of_a_month_is_one_range():
    assert dates(("Between 1 and 15 May 1890 it rained; between the 12th and 15th of March 1891 it snowed; "
                  "between 3 and 4 o'clock on 5 June 1890.", False)) == [
        ("1 and 15 May 1890", {"from": "1890-05-01", "to": "1890-05-15"}),
        ("12th and 15th of March 1891", {"from": "1891-03-12", "to": "1891-03-15"}),
        ("5 June 1890", {"when": "1890-06-05"})]


def test_a_day_in_a_past_clause_after_the_letters_day_is_the_month_befores_and_a_future_one_before_it_the_next():
    # from the lead's unseen business letter (dateline March 3, 1897), in other words
    found = dates(("Meriden, March 20, 1897.", True),
                  ("The goods ordered on the 25th were not shipped. Our Mr. Wilcox will call on the 2d. "
                   "Your favor of the 12th is at hand.", False))
    assert found[1:] == [("25th", {"when": "1897-02-25", **MEDIUM}), ("2d", {"when": "1897-04-02", **MEDIUM}),
                         ("12th", {"when": "1897-03-12", **HIGH})]
