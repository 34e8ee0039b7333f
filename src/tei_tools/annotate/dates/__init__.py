"""Dates: spans over calendar expressions in English prose, with ISO values in TEI style.

The parts, each a module:
- `vocabulary`: the word lists of data/dates.toml (months, weekdays, cues, Old Style events);
- `recogniser`: finds the dates of one block of text, with the fragments of `grammar` and the
  look-arounds of `text` (the word before a date, the choice among overlapping candidates);
  `diary`: the forms letters and diaries add, days without their month and double dates;
- `context`: what the text so far says about the date, and how sure a value taken from it is;
- `styles`: Old Style and New Style, and the weekday beside a date;
- `values`: ISO values as TEI writes them, and their conversion from the Julian calendar;
- `annotator`: `annotate_dates`, which reads a document's blocks in order.

Values follow the gold guidelines: `when` for a day, month or year; `from`/`to` for ranges;
`notBefore`/`notAfter` for seasons, parts of years, decades and centuries; always the proleptic
Gregorian reading, with `@when-custom` and `@datingMethod="#julian"` for a day the text gives in
the Julian calendar. A value with anything taken from the context carries `@cert` and
`@resp="#tei-tools"`; where nothing fixes the year, the value has none ("--01-08").

Context rules (why: a year is implied by the narrative, but only so far):
- a day and month without a year take the year of the nearest context that fixes it: a
  dateline or entry heading (cert high), else the last year named, if it was named at most
  RECENT_YEAR_DISTANCE characters before (cert medium in the same or previous sentence, else
  low); of the years around that context, the one that puts the day nearest it;
- a bare month ("In April") takes that year only if it was named in the same block, since a
  month alone is weak evidence and narration moves on between paragraphs; else "--04";
- "February of that year" and "the summer of that year" take the last year named, however far;
- years given in parentheses alone ("My Life (1930)") are publication years of cited works and
  years inside a name ("the 1905 Revolution") look back: neither sets the narrative year;
  decades and centuries do not either.
"""
from tei_tools.annotate.dates.annotator import annotate_dates
from tei_tools.annotate.dates.context import RECENT_YEAR_DISTANCE, Context, Found, Reading
from tei_tools.annotate.dates.recogniser import FIRST_YEAR, LAST_YEAR, Recogniser, default_recogniser
from tei_tools.annotate.dates.styles import CalendarPolicy
from tei_tools.annotate.dates.values import (Values, as_julian, iso_day, iso_month, iso_year, is_real_day,
                                             month_span, year_span)
from tei_tools.annotate.dates.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

__all__ = ["annotate_dates", "Recogniser", "default_recogniser", "load_vocabulary", "Vocabulary", "Context",
           "Found", "Reading", "CalendarPolicy", "Values", "as_julian", "iso_day", "iso_month", "iso_year",
           "is_real_day", "month_span", "year_span", "FIRST_YEAR", "LAST_YEAR", "RECENT_YEAR_DISTANCE",
           "VOCABULARY_FILE"]
