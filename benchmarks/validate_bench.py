"""How long validation takes: compiling each schema, and validating editions with each engine.

Prints milliseconds (best of N runs) and each figure's ratio to the baseline measured in the same
run: parsing the same files with tei_tools.xml's safe parser, the least any validation costs.

    python benchmarks/validate_bench.py [EDITION ...] [--copies 1000] [--runs 3]
        [--tei-all ../shared/schemas/tei_all.rng]

Without editions it uses editions/*.xml (or the test editions in tests/data/valid). The batch
measurement validates COPIES copies of a small test edition (with its personography beside them)
from a cold start, and counts how often each schema was compiled.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from lxml import etree

from tei_tools import validate as validation
from tei_tools.resources import schema_dir
from tei_tools.validate import COMPILATIONS, JingRelaxNG, LxmlRelaxNG, Validator, jing_command, load_source
from tei_tools.xml import parse_file

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEI_ALL = REPO.parent / "shared" / "schemas" / "tei_all.rng"


def best_of(runs: int, step: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def forget_compiled() -> None:
    validation._LXML_CACHE.clear()
    validation._SCHEMATRON_CACHE.clear()


def row(label: str, ms: float, baseline: float, note: str = "") -> None:
    print(f"  {label:<52} {ms:10.1f} ms   x{ms / baseline:9.1f} baseline   {note}")


def editions(given: list[Path]) -> list[Path]:
    if given:
        return given
    found = sorted((REPO / "editions").glob("*.xml"))
    return found or sorted((REPO / "tests" / "data" / "valid").glob("*.xml"))


def small_editions(count: int, folder: Path) -> list[Path]:
    """`count` copies of the small test biography, with the test personography beside them."""
    test_editions = REPO / "tests" / "data" / "valid"
    shutil.copy(test_editions / "persons.xml", folder / "persons.xml")
    made = []
    for number in range(count):
        target = folder / f"copy{number:04}.xml"
        shutil.copy(test_editions / "biography.xml", target)
        made.append(target)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("editions", nargs="*", type=Path)
    parser.add_argument("--copies", type=int, default=1000, help="files in the batch measurements")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tei-all", type=Path, default=DEFAULT_TEI_ALL)
    options = parser.parse_args()
    files = editions(options.editions)
    runs = options.runs
    size = sum(f.stat().st_size for f in files)

    baseline = best_of(runs, lambda: [parse_file(f) for f in files])
    print(f"{len(files)} file(s), {size / 1024:.0f} kB; baseline: safe parse of all of them {baseline:.2f} ms\n")

    print("compiling (once per run):")
    project_rng, project_sch = schema_dir() / "tei-tools.rng", schema_dir() / "tei-tools.sch"
    row("project grammar, lxml", best_of(runs, lambda: (forget_compiled(), LxmlRelaxNG(project_rng))), baseline)
    row("project Schematron (compiled to XSLT 3.0, saxonche)", best_of(runs, lambda: (forget_compiled(), Validator(project_sch))),
        baseline)
    tei_all = options.tei_all if options.tei_all.is_file() else None
    if tei_all:
        row("tei_all, lxml", best_of(1, lambda: (forget_compiled(), LxmlRelaxNG(tei_all))), baseline, "(1 run)")
    jing = jing_command()
    if jing and tei_all:
        tiny = [load_source(files[0])[0]]
        row("tei_all, jing (JVM start + compile + 1 file)",
            best_of(runs, lambda: JingRelaxNG(tei_all, jing).check_many(tiny)), baseline)

    sources = [load_source(f)[0] for f in files]
    print("\nvalidating these files (schemas already compiled):")
    project = Validator("project")
    row("project grammar, lxml", best_of(runs, lambda: [project.grammar.check(s) for s in sources]), baseline)
    as_written = etree.RelaxNG(project.grammar.compiled.grammar)  # without lxml_grammar's rewriting
    row("  the same grammar as written (each pattern checked)",
        best_of(runs, lambda: [as_written.validate(s.tree) for s in sources]), baseline)
    row("project Schematron", best_of(runs, lambda: [project.schematron.check(s, project.documents)
                                                     for s in sources]), baseline)
    row("project schema, whole (parse + grammar + rules)", best_of(runs, lambda: project.validate_files(files)),
        baseline)
    if tei_all:
        lxml_all = Validator("tei-all", tei_all=tei_all, engine="lxml")
        row("tei_all, lxml", best_of(runs, lambda: lxml_all.validate_files(files)), baseline)
    if jing and tei_all:
        jing_all = Validator("tei-all", tei_all=tei_all, engine="jing")
        row("tei_all, jing (one process, compiles once)", best_of(runs, lambda: jing_all.validate_files(files)),
            baseline)

    with tempfile.TemporaryDirectory() as scratch:
        batch = small_editions(options.copies, Path(scratch))
        batch_baseline = best_of(1, lambda: [parse_file(f) for f in batch])
        print(f"\na batch of {len(batch)} small editions, from a cold start (compiling included); "
              f"baseline: safe parse {batch_baseline:.1f} ms")
        before = COMPILATIONS.copy()
        forget_compiled()
        project_ms = best_of(1, lambda: Validator("project").validate_files(batch))
        row("project schema", project_ms, batch_baseline)
        # Once a timed unit test (test_a_thousand_files_compile_each_schema_once): 1,000 files < 120 s.
        goal_ms = 120_000 * len(batch) / 1000
        print(f"  goal: the project schema under {goal_ms / 1000:.0f} s for {len(batch)} files: "
              f"{'met' if project_ms < goal_ms else 'MISSED'}")
        if jing and tei_all:
            row("tei_all, jing", best_of(1, lambda: Validator("tei-all", tei_all=tei_all).validate_files(batch)),
                batch_baseline)
        if tei_all:
            forget_compiled()
            row("tei_all, lxml", best_of(1, lambda: Validator("tei-all", tei_all=tei_all, engine="lxml")
                                         .validate_files(batch)), batch_baseline)
        compiled = COMPILATIONS - before
        print("  compilations in this batch: " + ", ".join(f"{Path(k.split(':', 1)[1]).name} "
                                                          f"({k.split(':')[0]}) {v}" for k, v in compiled.items()))


if __name__ == "__main__":
    main()
