"""Shared fixtures: where the repository, the seeds and ../shared are."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
EDITIONS = REPO / "editions"
SHARED = REPO.parent / "shared"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (gold, corpus, tei_all) is not beside this clone")


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
