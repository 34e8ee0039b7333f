"""How long a fidelity check takes to report a difference, before and after the windowed diff.

For texts of several lengths (words of the largest corpus document, or of the largest seed),
one word is changed in the middle and `tei_tools.fidelity.compare` reports it. The old way (one
SequenceMatcher over the whole texts, quadratic) is timed on the shorter lengths only. Every
figure is also given as a ratio to the baseline measured in the same run: comparing the two
word lists with ==, the least any check costs.

    python benchmarks/fidelity_bench.py [--old-up-to 8000] [DOCUMENT.xml]
"""
from __future__ import annotations

import argparse
import time
from difflib import SequenceMatcher
from pathlib import Path

from tei_tools import fidelity
from tei_tools.xml import parse_file

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def old_compare(expected: list[str], found: list[str]) -> int:
    """The diff tei-tools used before: SequenceMatcher over the whole texts."""
    return len(SequenceMatcher(a=expected, b=found, autojunk=False).get_opcodes())


def timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("document", nargs="?", type=Path)
    parser.add_argument("--old-up-to", type=int, default=8000, help="time the old diff up to this many words")
    options = parser.parse_args()
    document = options.document or max(CORPUS.glob("*/*.xml"), key=lambda p: p.stat().st_size, default=None)
    if document is not None:
        words = fidelity.tei_text_words(parse_file(document).getroot())
    else:
        seed = max((REPO / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
        document, words = seed, fidelity.words(seed.read_text(encoding="utf-8"))
    print(f"{document.name}: {len(words):,} words")
    lengths = [n for n in (2000, 4000, 8000, 20_000, 100_000) if n < len(words)] + [len(words)]
    for n in lengths:
        expected = words[:n]
        found = expected[:n // 2] + ["PLANTED"] + expected[n // 2 + 1:]
        baseline = min(timed(lambda: expected == found) for _ in range(5)) or 1e-9
        new = min(timed(lambda: fidelity.compare(expected, found)) for _ in range(3))
        line = f"  {n:>8,} words: windowed {new * 1000:9.1f} ms  x{new / baseline:10.0f} baseline"
        if n <= options.old_up_to:
            old = timed(lambda: old_compare(expected, found))
            line += f"   whole-text diff {old * 1000:10.1f} ms  x{old / baseline:10.0f} baseline  ({old / new:.0f}x slower)"
        print(line, flush=True)


if __name__ == "__main__":
    main()
