"""Shared fixtures: where the repository, the seeds and ../shared are."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
EDITIONS = REPO / "editions"
SHARED = REPO.parent / "shared"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (gold, corpus, tei_all) is not beside this clone")


def pytest_sessionstart(session):
    """Under mutmut (tests/mutation/run.sh), empty tei-tools' caches before a mutant's tests.

    mutmut runs each mutant's tests in a process forked from one that has run the suite once, so
    what tei-tools builds once and caches (the date recogniser, compiled patterns) would come
    from the unmutated code: a mutant in a constructor would never run and would "survive"
    without having been tested. Outside mutmut nothing changes."""
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        _empty_tei_tools_caches()


def pytest_runtest_setup(item):
    """While mutmut records which tests call which function ("stats"), each test builds what it
    needs afresh: else a constructor is recorded for the first test that happened to build the
    cached object only, and its mutants are run against that one test."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        _empty_tei_tools_caches()


def _empty_tei_tools_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "tei_tools" or name.startswith("tei_tools."):
            for value in list(vars(module).values()):
                # A class that defines cache_clear (PerLexicon) is no cache: its instances are.
                if not isinstance(value, type) and callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


# Tests that need "a seed" choose it by what it is, never by where its name sorts, so adding,
# renaming or removing seeds cannot silently change what a test checks.


def smallest_seed() -> Path:
    """The quickest seed to convert (any seed will do for what the test checks)."""
    return min(seed_paths(), key=lambda p: (p.stat().st_size, p.name))


def seed_with_omissions() -> Path:
    """The smallest seed from which the converter leaves something out on purpose (advertisements)."""
    from tei_tools import readers
    from tei_tools.convert import read_source

    for seed in sorted(seed_paths(), key=lambda p: (p.stat().st_size, p.name)):
        if readers.read(read_source(seed), seed.name).omissions:
            return seed
    pytest.skip("no seed has anything the converter leaves out")


def persons_marked(blocks) -> list[tuple[str, str, str]]:
    """(name without a leading roleName, person id, cert) for every persName `annotate_persons`
    marks in `blocks` (with an empty personography), in order."""
    from tei_tools.annotate.persons import annotate_persons
    from tei_tools.personography import Personography

    found = []
    for block, spans in zip(blocks, annotate_persons(blocks, Personography.empty())):
        roles = {s.start: s.end for s in spans if s.tag == "roleName"}
        for span in sorted(s for s in spans if s.tag == "persName"):
            found.append((block.text[roles.get(span.start, span.start):span.end].strip(),
                          span.attr("ref").removeprefix("persons.xml#"), span.attr("cert")))
    return found


def converted_tei(source: str, name: str = "source.txt", kind: str | None = None):
    """The root element of the edition `convert_text` makes of `source` (empty personography)."""
    from lxml import etree

    from tei_tools.convert import convert_text
    from tei_tools.personography import Personography

    return etree.fromstring(convert_text(source, name, Personography.empty(), kind=kind)[1])
