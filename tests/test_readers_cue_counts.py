"""Cue counting with needles (readers.cue_counts): always the count `re.findall` gives."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tei_tools.readers import CUES, detect_kind
from tei_tools.readers.cue_counts import IGNORECASE_ODD_ONES, Cue, Source, needles_of

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_the_odd_ones_are_every_non_ascii_character_re_matches_to_an_ascii_one_ignoring_case():
    every = "".join(chr(code) for code in range(0x80, 0x110000) if not 0xD800 <= code < 0xE000)
    assert "".join(re.findall(r"(?i)[\x00-\x7f]", every)) == IGNORECASE_ODD_ONES


@pytest.mark.parametrize("pattern, needles", [
    (r"(?i)copyright ©", [("copyright ",)]),
    (r"(?im)^(primary|original) sources$", [("original sources", "primary sources")]),
    (r"(?i)\b(used|excerpted) (with|by) (the )?permission\b",
     [tuple(sorted(f"{a} {b} {c}permission" for a in ("used", "excerpted") for b in ("with", "by")
                   for c in ("the ", "")))]),
    (r"(?m)^[_]{5,}$", [("_____",)]),
    (r"(?m)\w[.\"”] \(\d", [('" (', ". (", "” (")]),
    (r"(?i)[’'] (?:a|b)", [(" a", " b")]),  # ignoring case: no non-ASCII needle
    (r"(?m)^([A-Z][^\n]{0,60})\n\1$", [("\n",)]),
    (r"x?y*", []),  # an optional part is no needle
    (r"(?i:abc)d", [("d",)]),  # scoped flags inside: not followed
])
def test_needles_are_read_off_the_pattern(pattern, needles):
    assert needles_of(pattern) == needles


UNUSUAL = ["", "P.S. to Mr Brown", "Yours ſincerely", "YOURS TRULY", "Used by permiſſion",
           "USED WITH THE PERMISSION of", "Kopyright © 1990", "copyright © 1990", "\n(12) A note\n",
           "the end.” (3)\nAct One\nCOLD OPEN\n", "_____\n*\nAPRIL\nMay 3rd. went", "Dear John,\n"]


@pytest.mark.parametrize("kind", sorted(CUES))
def test_every_cue_counts_what_findall_counts(kind):
    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))] + UNUSUAL
    texts += [text.upper() for text in texts] + [text.replace("s", "ſ").replace("i", "İ") for text in texts]
    for pattern in CUES[kind]:
        cue = Cue(pattern)
        for text in texts:
            assert cue.count(Source(text), 5) == min(len(re.findall(pattern, text)), 5), (pattern, text[:60])


def test_a_needle_absent_means_no_regex_run_and_a_zero_count():
    cue = Cue(r"(?i)\b(used|reprinted) (with|by) (the )?permission\b")
    assert cue.count(Source("nothing of the kind " * 100), 5) == 0
    assert cue.count(Source("Reprinted by permission. " * 9), 5) == 5
    # re matches İ to i ignoring case: a text with one is searched with the cue itself
    assert cue.count(Source("Reprinted by permİssion"), 5) == 1


def test_detection_follows_a_change_of_the_cues(monkeypatch):
    text = "zzz qqq\n\nplain words\n"
    assert detect_kind(text) == "book"
    monkeypatch.setitem(CUES, "letter", CUES["letter"] + [r"qqq"])
    assert detect_kind(text) == "letter"


@pytest.mark.parametrize("pattern, form", [
    (r"(?m)^\*$", r"(?m)\n\*$"),
    (r"(?im)^(chapter|part) \d+", r"(?im)\n(chapter|part) \d+"),
    (r"(?m)^([A-Z]\w*)\n\1$", r"(?m)\n([A-Z]\w*)\n\1$"),  # a back-reference keeps its group
    (r"^\*$", None),  # not multi-line: the start of the text only
    (r"(?m)^a|b", None),  # the caret opens one branch, not the pattern
    (r"(?m)^(?<=\n)a", None),  # looks before its start
    (r"(?m)^\Aa", None),
    (r"(?m)^a*", None),  # may match nothing
    (r"(?m)^(?i:a)", None),  # flags scoped inside
    (r"(?m)x^a", None),
])
def test_the_line_start_form_is_made_only_where_it_finds_the_same(pattern, form):
    from tei_tools.readers.cue_counts import line_start_form

    assert line_start_form(pattern) == form


def test_line_start_cues_count_what_findall_counts_on_many_texts():
    import random

    rng = random.Random(5)
    pieces = ["\n", "\n\n", " ", "*", "Act One", "act two", "Chapter 3", "PART ONE", "Dear John", "To Mr Brown",
              "P.S.", "Monday", "May 3rd", "1st. ", "_____", "Title", "Title\nTitle", "(12) A", "x", "\u0130", "é"]
    cues = [Cue(pattern) for patterns in CUES.values() for pattern in patterns]
    assert sum(cue.at_line_starts is not None for cue in cues) >= 15
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        for cue in cues:
            for most in (1, 5):
                assert cue.count(Source(text), most) == min(len(re.findall(cue.pattern, text)), most), \
                    (cue.pattern.pattern, text)
