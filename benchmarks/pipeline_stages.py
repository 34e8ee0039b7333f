"""Conversion outside the persons recogniser, stage by stage, against a baseline checkout in the same run.

    python benchmarks/pipeline_stages.py --baseline ../main [--documents 150] [--rounds 2] [--sources DIR]

Converts DOCUMENTS sources (generated from seeds/ as corpus_bench.py generates them, or the .txt
files of --sources) one at a time, the way `convert_files(..., jobs=1)` does, and takes the CPU
seconds of each stage: reading the file, repairing characters, detecting the kind, the reader,
dates, quotations, reconciling persons (annotate_together), serializing, writing. The persons
recogniser runs too (its spans are what the serializer writes) but is not timed: it is issue 13's
other half, measured by benchmarks/persons_speed.py.

This checkout and the baseline (another checkout or worktree, e.g. of main) run alternately,
ROUNDS times each in fresh processes (`python -c` with that checkout's src/ first on sys.path); each
stage's figure is its least time over the rounds, so that other work on the machine stretches
both alike. Prints seconds per stage for both, the ratio, and MB/s outside the recogniser.
Run it with `nice` on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STAGES = ["read file", "repair", "detect kind", "reader", "dates", "quotations", "persons reconcile",
          "serialize", "write"]

# What each process runs: the stages of tei_tools as the checkout on sys.path has them.
MEASURE = r"""
import json, sys, tempfile, time
from pathlib import Path
from tei_tools import convert as C, readers, serialize, source_text
from tei_tools.convert import jobs as convert_jobs, pipeline as convert_pipeline
from tei_tools.annotate import Annotations, annotate_together
from tei_tools.annotate.dates import annotate_dates
from tei_tools.annotate.persons import recognise
from tei_tools.annotate.quotes import annotate_quotes
from tei_tools.atomic import write_atomically
from tei_tools.personography import Personography

sources = [Path(line) for line in Path(sys.argv[1]).read_text().splitlines()]
clock = time.process_time
C.prepare_text(convert_jobs._WARM_UP, "warm-up.txt", Personography.empty().baseline)
found = dict.fromkeys(json.loads(sys.argv[2]), 0.0)
persons = Personography.empty()
out = Path(tempfile.mkdtemp())
for source in sources:
    def timed(stage, work, *args, **kwargs):
        started = clock()
        result = work(*args, **kwargs)
        found[stage] += clock() - started
        return result
    text = timed("read file", C.read_source, source)
    timed("read file", C.read_sidecar, source)
    text, _ = timed("repair", source_text.repair, text)
    kind = timed("detect kind", readers.detect_kind, text)
    doc = timed("reader", readers.READERS[kind].read, text, source.name)
    timed("reader", convert_pipeline._normalise_metadata_date, doc)
    blocks = doc.blocks()
    dates = timed("dates", annotate_dates, blocks, julian_until=doc.meta.julian_until or None)
    quotations = timed("quotations", annotate_quotes, blocks)
    recognition = recognise(blocks, persons.baseline, doc.source_name)  # not timed
    timed("persons reconcile", annotate_together, doc, Annotations(recognition, dates, quotations), persons)
    data = timed("serialize", serialize.to_bytes, doc, "schema/tei-tools")
    timed("write", write_atomically, out / f"{source.stem}.xml", data)
print(json.dumps(found))
"""


def generated_sources(count: int, folder: Path) -> list[Path]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus_bench import generate_sources

    return generate_sources(count, folder, random.Random(13))


def measure(checkout: Path, listing: Path) -> dict[str, float]:
    env_path = str(checkout / "src")
    result = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r})\n" + MEASURE,
                             str(listing), json.dumps(STAGES)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout (e.g. of main)")
    parser.add_argument("--documents", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sources", type=Path, help="convert these .txt files instead of generated ones")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        sources = (sorted(options.sources.glob("*.txt"))[:options.documents] if options.sources
                   else generated_sources(options.documents, work / "sources"))
        listing = work / "sources.txt"
        listing.write_text("\n".join(str(s.resolve()) for s in sources))
        size = sum(s.stat().st_size for s in sources)
        best: dict[str, dict[str, float]] = {"baseline": {}, "this": {}}
        for _ in range(options.rounds):
            for label, checkout in (("baseline", options.baseline.resolve()), ("this", REPO)):
                for stage, seconds in measure(checkout, listing).items():
                    best[label][stage] = min(best[label].get(stage, seconds), seconds)
    print(f"{len(sources)} sources, {size / 1e6:.2f} MB; CPU seconds, least of {options.rounds} rounds")
    print(f"{'stage':20s} {'baseline':>9s} {'this':>9s} {'ratio':>7s}")
    for stage in STAGES:
        before, after = best["baseline"][stage], best["this"][stage]
        print(f"{stage:20s} {before:9.3f} {after:9.3f} {before / after if after else 0:6.2f}x")
    for label, skip in (("all stages", ()), ("without reconcile", ("persons reconcile",))):
        before = sum(v for k, v in best["baseline"].items() if k not in skip)
        after = sum(v for k, v in best["this"].items() if k not in skip)
        print(f"{label:20s} {before:9.3f} {after:9.3f} {before / after:6.2f}x   "
              f"{size / 1e6 / before:.2f} -> {size / 1e6 / after:.2f} MB/s")


if __name__ == "__main__":
    main()
