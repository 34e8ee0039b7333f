"""The dates' quick scans find what their patterns would find scanning every character."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from tei_tools.annotate.dates.recogniser import default_recogniser

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ODD = ["On the 3rd, the 21st. and 1.st", "12/3rd 4,5th 6:7th 8.9th", "1٣th ٣1st 1٣", "05th 0th 32nd 31st",
       "x1st 1stx 2nd\n3rd 4d 22d.", "the 1st2nd 11th12th", "", "no digits at all", "1", "9th" * 50]


def _texts() -> list[str]:
    texts = list(ODD)
    for seed in sorted(SEEDS.glob("*.txt")):
        texts += seed.read_text(encoding="utf-8").split("\n\n")
    rng = random.Random(13)
    pieces = ["1", "2", "3", "0", "٣", "st", "nd", "d", "th", ".", ",", ":", "/", " ", "a", "\n", "rd"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    return texts


def test_ordinals_are_found_where_digit_runs_start_as_finditer_finds_them():
    diary = default_recogniser().diary
    for text in _texts():
        quick = [m.span() for m in diary._ordinals(text, diary.number_positions(text))]
        assert quick == [m.span() for m in diary.ordinal_trigger.finditer(text)], text


def _fields(found):
    return [(f.start, f.end, f.values, f.year, f.month, f.day, f.weekday, f.style, f.sets_context) for f in found]


@pytest.mark.parametrize("text", ODD)
def test_a_block_finds_the_same_dates_with_or_without_the_numbers_given(text):
    diary = default_recogniser().diary
    assert _fields(diary.find(text, True, None, diary.number_positions(text))) == _fields(diary.find(text, True))


def test_the_seeds_dates_are_those_the_full_scan_finds(monkeypatch):
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.model import Block

    blocks = [Block("p", text, 0) for text in _texts()[:len(ODD) + 400]]
    quick = annotate_dates(blocks)
    diary = type(default_recogniser().diary)
    monkeypatch.setattr(diary, "_ordinals", lambda self, text, numbers: self.ordinal_trigger.finditer(text))
    assert annotate_dates(blocks) == quick
    assert sum(map(len, quick)) > 50
