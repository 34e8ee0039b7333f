"""The converter as users run it (`convert_text`: the real readers' blocks, all annotators, the
serializer), scored against the gold of every seed with ../shared/eval/score.py's own API.

Floors sit a little under today's figures (see FLOORS), for every seed alike: a regression
in a reader's block cutting, an annotator or the serializer that a user would see in the
edition fails here. Quotations include block quotations (`quote`), inline ones (`q`) and
speech; fidelity must stay perfect.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import sys

import pytest
from lxml import etree

from conftest import EDITIONS, SHARED, needs_shared, seed_paths
from tei_tools.convert import convert_text
from tei_tools.personography import Personography

GOLD = SHARED / "eval" / "gold"
TEI = "http://www.tei-c.org/ns/1.0"
# What the converter leaves out on purpose and declares in the header (see the readers).
BOILERPLATE = ["Article continues after advertisement"]
# Today (2026-12): strict F1 >= 0.985 for persons, 1.0 for dates and quotations; date values
# 1.0; coreference 1.0 with the shipped personography and 0.86-0.99 starting from none.
FLOORS = {
    ("persName", "strict"): 0.97, ("date", "strict"): 0.97, ("quote", "strict"): 0.97,
    ("quote", "lenient"): 0.97, "date values": 0.97, "coreference shipped": 0.97, "coreference empty": 0.84,
}
STARTS = ["shipped", "empty"]


@functools.cache
def scorer():
    spec = importlib.util.spec_from_file_location("shared_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_eval_score"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@functools.cache
def scored(seed_name: str, start: str) -> dict:
    seed = next(p for p in seed_paths() if p.name == seed_name)
    source = seed.read_text(encoding="utf-8")
    gold_file = GOLD / f"{seed.stem}.json"
    if not gold_file.is_file():
        pytest.skip(f"no gold for {seed.name}")
    personography = Personography.load(EDITIONS / "persons.xml") if start == "shipped" else Personography.empty()
    _, data, _ = convert_text(source, seed.name, personography)
    return scorer().evaluate(source, json.loads(gold_file.read_text(encoding="utf-8")), data,
                             ignore_patterns=BOILERPLATE)


SEEDS = [p.name for p in seed_paths()]


@needs_shared
@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("kind", ["persName", "date", "quote"])
def test_mentions_match_the_gold(seed, start, kind):
    figures = scored(seed, start)["types"][kind]
    if figures["gold"] == 0:
        pytest.skip(f"the gold of {seed} has no {kind}")
    for mode in ("strict", "lenient"):
        floor = FLOORS.get((kind, mode))
        if floor is not None:
            assert (figures[mode]["f1"] or 0) >= floor, (mode, figures[mode], figures["missed"][:5],
                                                         figures["spurious"][:5])


@needs_shared
@pytest.mark.parametrize("seed", SEEDS)
def test_date_values_match_the_gold(seed):
    """The gold writes Old Style dates as written (shared/eval/GUIDELINES.md: no Julian to
    Gregorian conversion); the editions keep @when Gregorian and the Julian reading in
    @when-custom (issue 11). A disagreement counts as agreement only when the edition's
    @when-custom, the date as written, is exactly the gold's value."""
    dates = scored(seed, "empty")["dates"]
    assert dates["matched"] > 0
    julian = julian_readings(seed)
    disagreements = [d for d in dates["disagreements"]
                     if not (set(d["gold"]) == {"when"} and (d["text"], d["gold"]["when"]) in julian)]
    assert (dates["agree"] + len(dates["disagreements"]) - len(disagreements)) / dates["matched"] \
        >= FLOORS["date values"], disagreements[:5]


@functools.cache
def julian_readings(seed_name: str) -> set[tuple[str, str]]:
    """(text, @when-custom) of the edition's Old Style dates."""
    seed = next(p for p in seed_paths() if p.name == seed_name)
    _, data, _ = convert_text(seed.read_text(encoding="utf-8"), seed.name, Personography.empty())
    root = etree.fromstring(data)
    return {("".join(d.itertext()), d.get("when-custom"))
            for d in root.iter(f"{{{TEI}}}date") if d.get("datingMethod") == "#julian" and d.get("when-custom")}


@needs_shared
@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_person_gets_the_same_ref(seed, start):
    persons = scored(seed, start)["persons"]
    assert persons["gold_pairs"] > 0
    assert persons["f1"] >= FLOORS[f"coreference {start}"], persons


@needs_shared
@pytest.mark.parametrize("seed", SEEDS)
def test_every_word_of_the_source_is_in_the_edition_and_nothing_else(seed):
    fidelity = scored(seed, "empty")["fidelity"]
    assert fidelity["source_words"] > 1000
    assert fidelity["source_recall"] == 1.0, fidelity["unaligned_source_runs"][:5]
    assert fidelity["tei_precision"] == 1.0, fidelity["unaligned_tei_runs"][:5]
