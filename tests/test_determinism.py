"""The same sources give byte-identical editions, personography and site in every process,
whatever the hash seed: set and dict-of-set order, `hash()` and id()-keyed caches cannot leak
into the output. Two runs inside one process share a hash seed and cannot show that.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EDITIONS, SEEDS

HASH_SEEDS = ["0", "4242"]  # two processes per personography: ~5 s each
CONVERT_AND_RENDER = """
import sys
from pathlib import Path
import tei_tools
from tei_tools.convert import convert_files
from tei_tools.render import render_paths
seeds, out = Path(sys.argv[1]), Path(sys.argv[2])
editions = out / "editions"
editions.mkdir(parents=True)
(editions / "persons.xml").write_bytes(Path(sys.argv[3]).read_bytes())
results = convert_files(sorted(seeds.glob("*.txt")), editions)
assert all(r.ok for r in results), [r.message for r in results]
render_paths([editions], "html", out / "site")
render_paths([p for p in editions.glob("*.xml") if p.name != "persons.xml"], "text", out / "text")
"""


def outputs(folder: Path) -> dict[str, bytes]:
    """Every output file, but Pagefind's search index: its file names and bytes carry hashes that
    change from run to run whatever tei-tools does (a third-party tool's output, excluded by name
    as the site's own determinism test does; its pages are the same bytes)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "pagefind" not in p.relative_to(folder).parts}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    results = {}
    # A personography with no people: every person found is new, so id allocation is exercised.
    empty = tmp_path_factory.mktemp("persons") / "persons.xml"
    from tei_tools.personography import Personography

    empty.write_bytes(Personography.empty().to_bytes())
    for hash_seed in HASH_SEEDS:
        for start, personography in (("shipped", EDITIONS / "persons.xml"), ("empty", empty)):
            out = tmp_path_factory.mktemp(f"hash{hash_seed}-{start}")
            env = {**os.environ, "PYTHONHASHSEED": hash_seed}
            run = subprocess.run([sys.executable, "-c", CONVERT_AND_RENDER, str(SEEDS), str(out), str(personography)],
                                 env=env, capture_output=True, text=True)
            assert run.returncode == 0, run.stderr[-2000:]
            results[f"{hash_seed}/{start}"] = outputs(out)
    return results


@pytest.mark.slow
@pytest.mark.parametrize("start", ["shipped", "empty"])
def test_every_output_file_is_byte_identical_whatever_the_hash_seed(runs, start):
    reference = runs[f"{HASH_SEEDS[0]}/{start}"]
    assert any(name.startswith("editions/") for name in reference)
    assert any(name.endswith(".html") for name in reference) and any(name.endswith(".txt") for name in reference)
    for hash_seed in HASH_SEEDS[1:]:
        other = runs[f"{hash_seed}/{start}"]
        assert sorted(other) == sorted(reference)
        differing = [name for name in reference if other[name] != reference[name]]
        assert differing == [], f"PYTHONHASHSEED={hash_seed} changes {differing}"
