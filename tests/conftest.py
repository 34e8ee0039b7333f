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
