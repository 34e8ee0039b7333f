"""Regular-expression fragments of English dates, built from the vocabulary (data/dates.toml)."""
from __future__ import annotations

import re
from typing import Sequence

from tei_tools.annotate.dates.vocabulary import Vocabulary

FIRST_YEAR, LAST_YEAR = 1000, 2099  # a four-digit number without an era is a year only here
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
DASH = f"[{DASHES}]"
ALONE = rf"(?<![\w$£€#@/])(?<!\d[{DASHES}.,:])"  # a number not inside a larger one, nor money
NOT_BEFORE_NUMBER = rf"(?![{DASHES}/]\d)"  # a year not followed by more of a range or date

# "Feb. 11, 1731-2": a double year written with a dash, read so only up to Britain's reform (1752),
# after which "January 1914-15" is a range
DOUBLE_YEAR_DASH = rf"(?<=1[0-6]\d\d|17[0-4]\d|175[0-2]){DASH}(?P<dyd>\d{{1,2}})\b(?![{DASHES}/]\d)"

WORD = re.compile(r"[a-z]+")
FOLLOWING_WORDS = re.compile(r"(?:-| )([a-z]+|%)(?: ([a-z]+))?")
PARTITIVE = frozenset({"them", "whom", "which", "these", "those", "his", "her", "their", "its", "our", "the"})
MORE_AFTER_YEAR = DASHES + "/s'’"  # what may follow a year that starts a range or decade


# ---------------------------------------------------------------- the grammar


def alternation(words: Sequence[str], flags: str = "") -> str:
    """A regex alternation, longest words first so that "March" wins over "Mar"."""
    body = "|".join(re.escape(w).replace(r"\ ", " ").replace(" ", r"\s+")
                    for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


class Pieces:
    """Regular-expression fragments built from the vocabulary, shared by the rules."""

    def __init__(self, v: Vocabulary) -> None:
        month_forms = [form for name in v.months for form in (name.capitalize(), name.upper())]
        full_forms = [form for name in v.full_months for form in (name.capitalize(), name.upper())]
        abbreviations = [form for form in month_forms if form.lower() not in v.full_months]
        self.month_names = alternation(month_forms)
        self.any_month = rf"(?:{alternation(full_forms)}\b|{alternation(abbreviations)}\b\.?)"
        self.month = rf"(?P<m>{self.any_month})"
        self.full_month = rf"(?P<m>{alternation(full_forms)})\b"
        # "17th", and the older "22d", "2.d" of diaries and letters
        suffix = r"(?:\.?(?i:st|nd|rd|th|d)(?![a-z]))?"
        # a day, or a range of days: "17", "17th", "17-19"
        self.day = rf"(?P<d>[12]\d|3[01]|0?[1-9]){suffix}\b(?:\s*{DASH}\s*(?P<d2>[12]\d|3[01]|0?[1-9]){suffix}\b)?"
        self.year = r"(?P<y>\d{4})\b(?!['’]?s\b)"
        # "-06", "–1940", "/15"; "-6" by its last digit right after a dash only ("1795-6": "1665/6"
        # is one year, written with its legal and its historical number)
        self.second_year = rf"(?:\s?(?:{DASH}|/)\s?(?P<y2>\d{{4}}|\d{{2}}|(?<={DASH})\d(?![.,]\d))\b)"
        self.eras = alternation(sorted(v.before_christ | v.anno_domini))
        self.eras_before = alternation(sorted(v.anno_domini))  # "AD 79"
        # after a month, a year may carry an era ("15 March 44 BC", "October 1066 AD")
        # "10th January 1665/6": the legal year, which began on 25 March, and the historical one
        self.year_or_era = (rf"(?:(?P<ey>\d{{1,4}})\s?(?P<era>{self.eras})(?!\w)|{self.year}"
                            rf"(?:/(?P<dy>\d{{1,2}})\b(?!/)|{DOUBLE_YEAR_DASH})?)")
        # "May 17, 1917", "Jan. 22d. 1839" (a period after the day, as diaries write it)
        # and a weekday between day and year, as diaries write it ("May 14th Monday 1804")
        weekdays = alternation([form for name in v.weekdays for form in (name.capitalize(), name.upper())])
        # "the 4th day of July, in the year 1776", "in the year of our Lord 1776"
        self.optional_year = (rf"(?:(?:[,.]?\s+(?P<wd>{weekdays})(?!\w))?[,.]?\s+"
                              rf"(?:in\s+the\s+[Yy]ear\s+(?:of\s+our\s+Lord\s+)?)?{self.year_or_era}(?!{DASH}\d))?")
        self.relative = rf"(?P<rel>{alternation(list(v.relative_years), 'i')})\b"
        self.relative_prefix = alternation([r.rsplit(" ", 1)[0] for r in v.relative_years], "i")
        self.ordinal_word = alternation(list(v.ordinals), "i")
        self.ordinal = rf"(?i:{self.ordinal_word}|\d{{1,2}}(?:st|nd|rd|th))"
        self.seasons = alternation(list(v.seasons), "i")
        self.parts_of = alternation([p for p in v.parts_of_year if p not in ("early", "mid", "late")], "i")
        self.heads = alternation([*v.seasons, *v.parts_of_year], "i")
        self.decade_words = alternation(list(v.decade_words), "i")
        self.decade_modifiers = alternation(sorted(v.decade_modifiers), "i")
