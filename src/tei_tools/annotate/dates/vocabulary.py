"""The word lists of data/dates.toml, read once and normalised for lookup.

The grammar of dates (which words may follow which) lives in the code; the vocabulary lives in
the data file, so that a user can add a spelling, a unit or a cue word without touching Python.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tei_tools.resources import data_dir

VOCABULARY_FILE = "dates.toml"


@dataclass(frozen=True)
class OldStyleEvent:
    """A day that histories usually give in the Julian calendar without saying so."""

    name: str
    julian: tuple[int, int, int]
    cues: frozenset[str]  # words of which one must be in the date's sentence (lower case)


@dataclass(frozen=True)
class Vocabulary:
    """The word lists of data/dates.toml, normalised for lookup (lower case unless noted)."""

    months: dict[str, int]  # full names and abbreviations
    full_months: dict[str, int]  # names that may stand alone ("in April")
    seasons: dict[str, tuple[int, int]]
    parts_of_year: dict[str, tuple[int, int]]
    ordinals: dict[str, int]  # "twenty-second" and "twenty second" -> 22
    decade_words: dict[str, int]
    decade_modifiers: frozenset[str]
    before_christ: frozenset[str]  # as written ("BC", "B.C.")
    anno_domini: frozenset[str]
    relative_years: dict[str, int]
    year_cues: frozenset[str]
    capitalised_year_cues: frozenset[str]
    not_year_cues: frozenset[str]
    looking_back_cues: frozenset[str]
    month_cues: frozenset[str]
    month_name_risk_cues: frozenset[str]
    not_day_after: frozenset[str]  # "the 3d time", "the 20th regiment": no day of the month
    past_words: frozenset[str]  # the tense of a clause around a day without its month
    future_words: frozenset[str]
    present_words: frozenset[str]
    quantity_nouns: frozenset[str]
    not_plural: frozenset[str]
    weekdays: dict[str, int]  # "sunday", "sun." -> 6 (0 = Monday)
    day_only_cues: dict[str, int]  # "inst." -> 0, "ult." -> -1, "prox." -> +1 (months from the context's)
    old_style_markers: tuple[str, ...]  # as written: "O.S.", "Old Style"
    new_style_markers: tuple[str, ...]
    old_style_events: tuple[OldStyleEvent, ...]
    feasts: dict[str, tuple[int, int]]  # "Christmas Day" -> (12, 25), as written in data/dates.toml


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    data = tomllib.loads((path or data_dir() / VOCABULARY_FILE).read_text(encoding="utf-8"))
    months, full_months = {}, {}
    for number, names in data["months"].items():
        full_months[names[0].lower()] = int(number)
        months.update({name.lower(): int(number) for name in names})
    ordinals = {}
    for n, word in enumerate(data["ordinals"]["words"], start=1):
        ordinals[word.lower()] = ordinals[word.lower().replace("-", " ")] = n
    cues, quantity = data["cues"], data["quantity"]

    def words(items: list[str]) -> frozenset[str]:
        return frozenset(item.lower() for item in items)

    return Vocabulary(
        months=months, full_months=full_months,
        seasons={k.lower(): tuple(v) for k, v in data["seasons"].items()},
        parts_of_year={k.lower(): tuple(v) for k, v in data["parts_of_year"].items()},
        ordinals=ordinals, decade_words={k.lower(): int(v) for k, v in data["decade_words"].items()},
        decade_modifiers=words(data["decade_modifiers"]["words"]),
        before_christ=frozenset(data["eras"]["before_christ"]),
        anno_domini=frozenset(data["eras"]["anno_domini"]),
        relative_years={k.lower(): int(v) for k, v in data["relative_years"].items()},
        year_cues=words(cues["year_before"]), capitalised_year_cues=words(cues["year_before_capitalised"]),
        not_year_cues=words(cues["not_year_before"]), looking_back_cues=words(cues.get("year_looking_back", [])),
        month_cues=words(cues["month_before"]), month_name_risk_cues=words(cues["month_before_name_risk"]),
        not_day_after=words(cues.get("not_day_after", [])),
        past_words=words(data.get("tense", {}).get("past", [])),
        future_words=words(data.get("tense", {}).get("future", [])),
        present_words=words(data.get("tense", {}).get("present", [])),
        quantity_nouns=words(quantity["nouns"]), not_plural=words(quantity["not_plural"]),
        weekdays={name.lower(): number for number, names in enumerate(data["weekdays"]["names"])
                  for name in names},
        day_only_cues={k.lower(): int(v) for k, v in data["day_only_cues"].items()},
        old_style_markers=tuple(data["calendar"]["old_style_markers"]),
        new_style_markers=tuple(data["calendar"]["new_style_markers"]),
        old_style_events=tuple(_event(item) for item in data["calendar"].get("old_style_events", [])),
        feasts={name: tuple(int(part) for part in day.split("-")) for name, day in data.get("feasts", {}).items()})


def _event(item: dict) -> OldStyleEvent:
    year, month, day = (int(part) for part in item["julian"].split("-"))
    return OldStyleEvent(item["name"], (year, month, day), frozenset(c.lower() for c in item["cues"]))