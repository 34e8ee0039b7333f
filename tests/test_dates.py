"""The date annotator: every form the gold guidelines name, the negatives, context, and the gold.

Texts are invented in the style of the three kinds of source (biography, podcast transcript,
book excerpt), so that the tests show the rules work beyond the seeds.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from tei_tools.annotate.dates import Recogniser, annotate_dates, load_vocabulary
from tei_tools.model import Block, Span
from tei_tools.resources import data_dir

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(),
                                  reason="../shared (gold/corpus/schemas) is not beside this clone")


def found(*paragraphs: str) -> list[list[tuple[str, dict[str, str]]]]:
    """(text, values) of each date, per paragraph; the paragraphs form one document. How sure a
    value from context is (@cert, @resp) is left out here and tested on its own (`certs`)."""
    blocks = [Block("p", text, 0) for text in paragraphs]
    return [[(span.text_in(block.text), {k: v for k, v in span.attrs if k not in ("cert", "resp")})
             for span in spans]
            for block, spans in zip(blocks, annotate_dates(blocks))]


def certs(*paragraphs: str) -> list[list[tuple[str, str | None]]]:
    """(text, @cert) of each date, per paragraph; a @cert always comes with @resp="#tei-tools"."""
    blocks = [Block("p", text, 0) for text in paragraphs]
    result = []
    for block, spans in zip(blocks, annotate_dates(blocks)):
        for span in spans:
            assert (span.attr("cert") is None) == (span.attr("resp") is None), span
            assert span.attr("resp") in (None, "#tei-tools"), span
        result.append([(span.text_in(block.text), span.attr("cert")) for span in spans])
    return result


def only(text: str) -> tuple[str, dict[str, str]]:
    """The one date of a one-paragraph text."""
    dates = found(text)[0]
    assert len(dates) == 1, dates
    return dates[0]


# ---------------------------------------------------------------- forms


@pytest.mark.parametrize("text, expected, values", [
    ("He first met Lenin in 1907, in London.", "1907", {"when": "1907"}),
    ("1904 was a bad year for the workers.", "1904", {"when": "1904"}),
    ("Copyright © 2026 by Anna Keller.", "2026", {"when": "2026"}),
    ("the author of The Traitors (2017), a book", "2017", {"when": "2017"}),
    ("where in February 1917 he learned of the rising", "February 1917", {"when": "1917-02"}),
    ("Bloody Sunday (May, 1905)", "May, 1905", {"when": "1905-05"}),
    ("In October, 1917, the Bolsheviks struck.", "October, 1917", {"when": "1917-10"}),
    ("in May of 1905 the strikes resumed", "May of 1905", {"when": "1905-05"}),
    ("He arrived on May 17, 1917.", "May 17, 1917", {"when": "1917-05-17"}),
    ("born in Yanovka on 7th November, 1879.", "7th November, 1879", {"when": "1879-11-07"}),
    ("born in Yanovka on 7th November 1879.", "7th November 1879", {"when": "1879-11-07"}),
    ("exiled on January 31st, 1928.", "January 31st, 1928", {"when": "1928-01-31"}),
    ("Jan. 31, 2023", "Jan. 31, 2023", {"when": "2023-01-31"}),
    ("Sept. 3, 1939 was a Sunday.", "Sept. 3, 1939", {"when": "1939-09-03"}),
    ("He died on 20 August 1940 in Coyoacán.", "20 August 1940", {"when": "1940-08-20"}),
    ("It's August 20th, 1940 in Mexico City.", "August 20th, 1940", {"when": "1940-08-20"}),
    ("The trial opened on 19th August 1936.", "19th August 1936", {"when": "1936-08-19"}),
    ("on the 17th of May, 1917, he spoke", "17th of May, 1917", {"when": "1917-05-17"}),
    ("the twenty-second of January, 1905, was", "twenty-second of January, 1905", {"when": "1905-01-22"}),
    ("dated 1917-05-17 in the archive", "1917-05-17", {"when": "1917-05-17"}),
    ("SIGNED JULY 4, 1776", "JULY 4, 1776", {"when": "1776-07-04"}),
    ("on the Ides, 15 March 44 BC, Caesar fell", "15 March 44 BC", {"when": "-0044-03-15"}),
    ("Caesar crossed the Rubicon in 49 BC.", "49 BC", {"when": "-0049"}),
    ("Vesuvius erupted in AD 79.", "AD 79", {"when": "0079"}),
    ("the battle of October 1066 AD", "October 1066 AD", {"when": "1066-10"}),
])
def test_each_written_form_gets_its_span_and_value(text, expected, values):
    assert only(text) == (expected, values)


@pytest.mark.parametrize("text, expected, values", [
    ("Leon Trotsky (1879-1940) was", "1879-1940", {"from": "1879", "to": "1940"}),
    ("Leon Trotsky (1879–1940) was", "1879–1940", {"from": "1879", "to": "1940"}),
    ("the Social Democratic leaders of 1905-06, he", "1905-06", {"from": "1905", "to": "1906"}),
    ("the famines of 1921-1922, directly caused", "1921-1922", {"from": "1921", "to": "1922"}),
    ("the campaign of 1914/15 was", "1914/15", {"from": "1914", "to": "1915"}),
    ("the reforms of 1899-00 were", "1899-00", {"from": "1899", "to": "1900"}),
    ("(7 November 1879 – 21 August 1940)", "7 November 1879 – 21 August 1940",
     {"from": "1879-11-07", "to": "1940-08-21"}),
    ("the congress met on 17–19 May 1917", "17–19 May 1917", {"from": "1917-05-17", "to": "1917-05-19"}),
    ("the congress met May 17-19, 1917", "May 17-19, 1917", {"from": "1917-05-17", "to": "1917-05-19"}),
    ("the offensive of May–June 1917 failed", "May–June 1917", {"from": "1917-05", "to": "1917-06"}),
])
def test_ranges_get_from_and_to(text, expected, values):
    assert only(text) == (expected, values)


@pytest.mark.parametrize("text, expected, values", [
    ("It's the winter of 1918; the war", "winter of 1918", {"notBefore": "1917-12", "notAfter": "1918-02"}),
    ("in the spring of 1927 Trotsky", "spring of 1927", {"notBefore": "1927-03", "notAfter": "1927-05"}),
    ("escape in the summer of 1902.", "summer of 1902", {"notBefore": "1902-06", "notAfter": "1902-08"}),
    ("The autumn of 1902 was marked", "autumn of 1902", {"notBefore": "1902-09", "notAfter": "1902-11"}),
    ("by the fall of 1917 the army", "fall of 1917", {"notBefore": "1917-09", "notAfter": "1917-11"}),
    ("during the winter of 1917-18 the", "winter of 1917-18", {"notBefore": "1917-12", "notAfter": "1918-02"}),
    ("In early 1917 the tsar", "early 1917", {"notBefore": "1917-01", "notAfter": "1917-04"}),
    ("by mid-1918 the Whites", "mid-1918", {"notBefore": "1918-05", "notAfter": "1918-08"}),
    ("Early in 1936, about forty", "Early in 1936", {"notBefore": "1936-01", "notAfter": "1936-04"}),
    ("towards the end of 1937 Sedov", "end of 1937", {"notBefore": "1937-09", "notAfter": "1937-12"}),
    ("in the first half of 1917 the", "first half of 1917", {"notBefore": "1917-01", "notAfter": "1917-06"}),
])
def test_seasons_and_parts_of_years_get_month_bounds(text, expected, values):
    assert only(text) == (expected, values)


@pytest.mark.parametrize("text, expected, values", [
    ("art of the 1920s was bold", "1920s", {"notBefore": "1920", "notAfter": "1929"}),
    ("in the 1920's, jazz", "1920's", {"notBefore": "1920", "notAfter": "1929"}),
    ("the mid-1800s saw", "1800s", {"notBefore": "1800", "notAfter": "1899"}),
    ("in the 2000s, phones", "2000s", {"notBefore": "2000", "notAfter": "2009"}),
    ("the twentieth century was", "twentieth century", {"notBefore": "1901", "notAfter": "2000"}),
    ("a 19th-century novel", "19th-century", {"notBefore": "1801", "notAfter": "1900"}),
    ("in the fifth century BC, Athens", "fifth century BC", {"notBefore": "-0500", "notAfter": "-0401"}),
])
def test_decades_and_centuries_get_year_bounds(text, expected, values):
    assert only(text) == (expected, values)


def test_a_decade_word_takes_its_century_from_the_narrative():
    text = ("Born in 1879, he grew up during the crisis of the eighties, and in the nineties he was "
            "a student.")
    assert found(text)[0][1:] == [("eighties", {"notBefore": "1880", "notAfter": "1889"}),
                                  ("nineties", {"notBefore": "1890", "notAfter": "1899"})]
    # written from 1905, "the eighties" are behind the narrator, not ahead
    assert found("By 1905 he remembered the 'eighties fondly.")[0][1] == (
        "'eighties", {"notBefore": "1880", "notAfter": "1889"})


# ---------------------------------------------------------------- not dates


@pytest.mark.parametrize("text", [
    "He spent two years behind bars.",
    "Over the following decade, they worked together.",
    "Today is a good day; tomorrow may be worse.",
    "The 48-year-old commissar resigned.",
    "The meeting began at 10:30 and ended at 5.00 p.m.",
    "a 250 acre farm with 1,000 men and 13,000 workers",
    "Some 4000 men and 1500 troops crossed the river.",
    "an army of 1200 soldiers",
    "He was wounded with 1500 of them.",
    "See page 1917 of the report, and pp. 1905-1910.",
    "It cost $1905 or £1917.",
    "The rate rose by 1905% in a year.",
    "He worked for equals. (12)",
    "At the 1st Congress and the 2nd Congress he spoke.",
    "Trotsky and the April Theses; Red October; the October Manifesto.",
    "How had the February revolution affected the workers?",
    "the crowd marched towards the Winter Palace",
    "whatever the future may have in store, the march of progress",
    "a novel by April Smith",
    "She was in her eighties, and he in his twenties.",
    "He had spent a quarter of a century there; this century is ours.",
    "Jan Smuts and Dec Lawson met.",
])
def test_what_is_not_a_date_is_left_alone(text):
    assert found(text) == [[]]


def test_a_year_before_a_plural_noun_is_still_a_year_after_a_strong_cue():
    assert found("In 1905 workers struck; the 1917 elections followed.")[0] == [
        ("1905", {"when": "1905"}), ("1917", {"when": "1917"})]


def test_capitals_are_read_like_lower_case():
    assert found("THE 4TH OF JULY: JULY 4, 1776")[0] == [("4TH OF JULY", {"when": "--07-04"}),
                                                        ("JULY 4, 1776", {"when": "1776-07-04"})]


def test_lists_of_years_are_each_a_date():
    assert [t for t, _ in found("In 1932, 1933 and 1934 I kept in touch.")[0]] == ["1932", "1933", "1934"]


def test_named_events_keep_their_year():
    assert found("the 1905 Revolution and the February 1917 Revolution")[0] == [
        ("1905", {"when": "1905"}), ("February 1917", {"when": "1917-02"})]


# ---------------------------------------------------------------- context


def test_that_year_takes_the_last_year_named():
    text = ("They returned in 1917 after the tsar had abdicated following the revolution in February "
            "of that year. Trotsky arrived in Russia on May 17, 1917.")
    assert found(text)[0] == [("1917", {"when": "1917"}),
                              ("February of that year", {"when": "1917-02"}),
                              ("May 17, 1917", {"when": "1917-05-17"})]


def test_relative_years_count_forwards_and_backwards():
    assert found("In 1917 he left; in the summer of the following year he came back.")[0][1] == (
        "summer of the following year", {"notBefore": "1918-06", "notAfter": "1918-08"})
    assert found("In 1917 he left; in March of the previous year he had married.")[0][1] == (
        "March of the previous year", {"when": "1916-03"})


def test_a_day_and_month_inherit_the_year_across_blocks():
    dates = found("By the 3rd January 1905, all workers were on strike.",
                  "The strike spread. By the 8th January over 110,000 workers were out.",
                  "On 26th October a meeting took place.")
    assert dates[1] == [("8th January", {"when": "1905-01-08"})]
    assert dates[2] == [("26th October", {"when": "1905-10-26"})]


def test_a_bare_month_takes_the_year_of_its_own_paragraph_only():
    dates = found("1904 was a bad year. Workers were dismissed in December, and Gapon intervened.",
                  '"In April, when we had to leave our house, the violets were blooming."')
    assert dates[0][1] == ("December", {"when": "1904-12"})
    assert dates[1] == [("April", {"when": "--04"})]


def test_without_any_year_before_a_day_gets_a_yearless_value():
    assert found("On the twenty-second of January the strike began.") == [
        [("twenty-second of January", {"when": "--01-22"})]]


def test_a_year_named_long_before_no_longer_frames_a_day():
    far = "x" * 7000
    dates = found("He was born in 1879.", far, "On 8th January he left.")
    assert dates[2] == [("8th January", {"when": "--01-08"})]


def test_a_cited_works_year_does_not_set_the_narrative_year():
    dates = found("In 1904 the strikes began. He recalled in My Life (1930) that in December they spread.")
    assert dates[0][-1] == ("December", {"when": "1904-12"})


# ---------------------------------------------------------------- calendar validity


@pytest.mark.parametrize("text, expected", [
    ("on February 30, 1917, nothing happened", ("February 30, 1917", {"when": "1917"})),
    ("on 31st June 1917 the", ("31st June 1917", {"when": "1917"})),
    ("born on 29th February 1916 in", ("29th February 1916", {"when": "1916-02-29"})),
    ("on 29 February 1900 (no leap day in the Gregorian calendar)", ("29 February 1900", {"when": "1900"})),
])
def test_impossible_days_keep_only_their_year(text, expected):
    assert found(text)[0][0] == expected


def test_a_day_that_exists_in_no_year_is_not_marked_and_a_leap_day_falls_back_to_no_year():
    dates = found("In 1917 the congress met.", "On 30th February it closed; on February 29th it reopened.")
    assert dates[1] == [("February 29th", {"when": "--02-29"})]


# ---------------------------------------------------------------- the API


def test_one_list_per_block_with_offsets_into_each_blocks_text():
    blocks = [Block("head", "Chapter 1", 0), Block("p", "He left\non 7th November 1879.", 10),
              Block("p", "", 40)]
    spans = annotate_dates(blocks)
    assert len(spans) == 3 and spans[0] == [] and spans[2] == []
    (span,) = spans[1]
    assert isinstance(span, Span) and span.tag == "date"
    assert span.text_in(blocks[1].text) == "7th November 1879" and span.attr("when") == "1879-11-07"


def test_a_date_across_a_line_break_is_one_span():
    assert only("the 28th of April,\n     1882 was") == ("28th of April,\n     1882", {"when": "1882-04-28"})


def test_output_is_deterministic():
    text = "In 1905-06, on 22nd January, 1905, and in the winter of 1918 he wrote."
    assert found(text) == found(text)


def test_a_metadata_date_line_alone_gets_its_value():
    (span,) = annotate_dates([Block("date", "Jan. 31, 2023", 0)])[0]
    assert span.attr("when") == "2023-01-31"


def test_users_can_extend_the_vocabulary(tmp_path):
    data = (data_dir() / "dates.toml").read_text(encoding="utf-8")
    custom = tmp_path / "dates.toml"
    custom.write_text(data.replace("[seasons]\n", "[seasons]\nmidwinter = [12, 1]\n"), encoding="utf-8")
    blocks = [Block("p", "in the midwinter of 1917 the", 0)]
    assert [span.text_in(blocks[0].text) for span in annotate_dates(blocks)[0]] == ["1917"]
    (span,) = annotate_dates(blocks, Recogniser(load_vocabulary(custom)))[0]
    assert span.text_in(blocks[0].text) == "midwinter of 1917"
    assert dict(span.attrs) == {"notBefore": "1916-12", "notAfter": "1917-01"}


# ---------------------------------------------------------------- seeds and gold


def _benchmark():
    spec = importlib.util.spec_from_file_location("score_dates", REPO / "benchmarks" / "score_dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
@pytest.mark.parametrize("gold", sorted((SHARED / "eval" / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_gold_dates_are_found_with_their_values(gold):
    source = REPO / "seeds" / f"{gold.stem}.txt"
    if not source.is_file():
        pytest.skip(f"no seed {source.name} for this gold file")
    result = _benchmark().score(source, gold, use_reader=False, show=False, runs=1)
    assert result["f1"] >= 0.95, result
    assert result["values"] >= 0.95, result


# Speed: benchmarks/convert_bench.py prints the date annotator's time on the largest seed against
# its goal (< 0.1 s); a timed unit test would be flaky on a busy 2-core CI.


def test_the_gold_files_use_only_the_attributes_the_annotator_writes():
    """If the gold grows a new kind of value, this says so before the F1 drops silently."""
    if not SHARED.is_dir():
        pytest.skip("../shared (gold/corpus/schemas) is not beside this clone")
    attributes = {key for gold in (SHARED / "eval" / "gold").glob("*.json")
                  for date in json.loads(gold.read_text(encoding="utf-8")).get("date", []) for key in date}
    assert attributes <= {"start", "end", "text", "when", "from", "to", "notBefore", "notAfter"}


# ---------------------------------------------------------------- how sure a value from context is


def test_a_year_from_the_same_or_previous_sentence_is_medium_and_from_further_back_low():
    dates = certs("In 1905 the strikes began. On 8th January the workers marched. It was cold. "
                  "On 9th January they reached the palace.",
                  "On 26th October a meeting took place.")
    assert dates[0] == [("1905", None), ("8th January", "medium"), ("9th January", "low")]
    assert dates[1] == [("26th October", "low")]


def test_a_value_the_text_gives_whole_has_no_cert():
    assert certs("He arrived on May 17, 1917.") == [[("May 17, 1917", None)]]
    assert certs("On the twenty-second of January the strike began.") == [[("twenty-second of January", None)]]


def test_narration_moves_forward_across_a_years_end():
    """ "towards the end of 1937 ... On 9th February" is February 1938, as a reader takes it."""
    dates = found("Towards the end of 1937 he fell ill.", "On 9th February he was taken to the clinic; "
                  "until the night of 13-14 February he seemed to recover.")
    assert dates[1] == [("9th February", {"when": "1938-02-09"}),
                        ("13-14 February", {"from": "1938-02-13", "to": "1938-02-14"})]


def test_a_year_inside_a_name_or_looking_back_does_not_move_the_narrative():
    dates = found("In the summer of 1927 the opposition met. At the plenum in October he said: "
                  '"Between 1904 and the February 1917 Revolution he sided with the Mensheviks."',
                  "They organised demonstrations on November 7.")
    assert dates[0][1] == ("October", {"when": "1927-10"})
    assert dates[1] == [("November 7", {"when": "1927-11-07"})]
    assert found("After the 1905 Revolution ended, on 3rd March nothing happened.")[0][1] == (
        "3rd March", {"when": "--03-03"})


@pytest.mark.parametrize("text", [
    "Yesterday he came; next week he leaves.",
    "The following year was worse.",
    "We met last Monday and again on Tuesday.",
    "He was 1st in his class and 2d in Latin.",
])
def test_relative_expressions_stay_unmarked(text):
    assert found(text) == [[]]
