"""Feasts and named days on a fixed day of the year: "Christmas Day 1840", "Michaelmas, 1820",
"Lady Day of 1752", and the feast alone ("Christmas Day." heading a diary entry, "before
Christmas Day" in a letter), whose year is the one its context gives (with @cert, as any day
read from the context), or none ("--12-25").

The names and their days are data (data/dates.toml, [feasts]); a feast without a year in the
running text ("before Christmas Day") takes the year of its context as a day without its year
does ("the 28th"), or none ("--12-25"); "at Christmas" names no day and is left alone.
"""
from __future__ import annotations

import re
from typing import Iterator

from tei_tools.annotate.dates.context import Context, Found, Reading
from tei_tools.annotate.dates.grammar import DASHES, FIRST_YEAR, LAST_YEAR
from tei_tools.annotate.dates.values import iso_day, is_real_day
from tei_tools.annotate.dates.vocabulary import Vocabulary


def _written_forms(name: str) -> str:
    """The name as a pattern: either apostrophe, any space between words, "St.", "St" or "Saint";
    or a hyphen, the next word in lower case, as older letters wrote them ("by Lady-day")."""
    saint = name.startswith("St. ")
    words = [re.escape(word).replace("'", "['’]") for word in (name[4:] if saint else name).split()]
    pattern = words[0] + "".join(rf"(?:\s+{word}|-(?i:{word[0]}){word[1:]})" for word in words[1:])
    return r"(?:St\.?|Saint)\s+" + pattern if saint else pattern


class FeastRecogniser:
    def __init__(self, vocabulary: Vocabulary):
        self.days = {self._key(name).lower(): day for name, day in vocabulary.feasts.items()}
        names = "|".join(_written_forms(name) for name in sorted(vocabulary.feasts, key=len, reverse=True))
        # a cheap test before the pattern: the last word of some name, up to an apostrophe
        # ("Day", "Michaelmas", "Hallowe" of "Hallowe'en"), is in the text
        last_words = {name.split()[-1].split("'")[0] for name in vocabulary.feasts}
        self.keywords = tuple(sorted(last_words | {word.lower() for word in last_words}))  # "Lady-day" too
        self.pattern = re.compile(rf"\b(?P<f>{names})(?![\w'’])(?:(?:,?\s+|\s+of\s+|\s+in\s+)(?P<y>\d{{4}})\b"
                                  rf"(?![{DASHES}/]\d|['’]?s\b))?") if names else None
        self.alone = re.compile(rf"\s*(?:{names})\.?\s*\Z") if names else None

    @staticmethod
    def _key(written: str) -> str:
        """The data's spelling of a name as the text wrote it."""
        key = " ".join(written.replace("’", "'").replace("-", " ").split())
        return re.sub(r"^(?:St\.?|Saint) ", "St. ", key)

    def find(self, text: str, heading: bool = False) -> Iterator[Found]:
        if self.pattern is None or not any(keyword in text for keyword in self.keywords):
            return
        for match in self.pattern.finditer(text):
            month, day = self.days[self._key(match["f"]).lower()]
            if match["y"]:
                year = int(match["y"])
                if FIRST_YEAR <= year <= LAST_YEAR and is_real_day(year, month, day):
                    yield Found(*match.span(), {"when": iso_day(year, month, day)}, year=year, month=month, day=day)
            elif heading and self.alone.match(text) or not heading and not NOT_THE_DAY.match(text, match.end("f")):
                # "Christmas Day." heading an entry, "before Christmas Day": the context's year, as
                # for "the 28th"; else none ("--12-25"); "at Lady Day next", "since Michaelmas last":
                # the next one after the context's day, the last one before it
                end = match.end("f")
                relative = None if heading else LAST_OR_NEXT.match(text, end)
                yield Found(match.start("f"), relative.end() if relative else end,
                            resolve=_from_the_context(month, day, relative[1] if relative else None))


# What a feast's name can name other than its day: "Michaelmas term", "the Lady Day quarter"
NOT_THE_DAY = re.compile(r"\s+(?:term|terms|sittings|sessions?|quarter|goose|daisy|daisies|rent|holidays|vacation)\b")


LAST_OR_NEXT = re.compile(r"\s+(last|next)\b(?!\s+(?:but|one|time|night|week|year|month|term|quarter)\b)")


def _from_the_context(month: int, day: int, relative: str | None = None):
    def resolve(context: Context) -> Reading:
        found = context.year_of_day(month, day, past=relative == "last", future=relative == "next")
        if found is None:  # in no year we know: the day without one
            return Reading({"when": f"--{month:02d}-{day:02d}"}, None, None, month, day)
        year, cert = found
        return Reading({"when": iso_day(year, month, day)}, cert, year, month, day, from_context=True)
    return resolve
