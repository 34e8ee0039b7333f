"""What this process has compiled: one entry per schema, so that each is compiled once.

The caches themselves are attributes of the `tei_tools.validate` package (`_LXML_CACHE`,
`_SCHEMATRON_CACHE`), where tests and benchmarks clear or replace them; `cache()` looks them up
there at the moment of use.
"""
from __future__ import annotations

import sys
from collections import Counter

# How many times each schema was compiled in this process ("lxml:/path/x.rng" -> n). Tests and
# benchmarks read it to prove that a schema is compiled once however many files are validated.
COMPILATIONS: Counter[str] = Counter()


def cache(name: str) -> dict:
    """The package-level cache called `name` (looked up each time: it may have been replaced)."""
    return getattr(sys.modules["tei_tools.validate"], name)
