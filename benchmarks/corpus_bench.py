"""Corpus scale: every step of tei-tools on one corpus, against the floors measured in the same run.

    python benchmarks/corpus_bench.py [--documents 1000] [--build-documents 150] [--jobs 1,2]
        [--memory 100,1000] [--steps floors,validate,...] [--work DIR] [--no-shared]
    python benchmarks/corpus_bench.py --copies 60 --no-shared   # issue 13's corpus: 60 copies of
                                                                # editions/*.xml (10 MB)

What it does, in one run:
1. generates DOCUMENTS source texts from seeds/ (each a stretch of a seed's paragraphs, with its
   names changed and its years shifted, so no two are alike) and converts them: the *convert*
   figure; the editions are the corpus, with ../shared/corpus/*.xml added when it is there;
2. measures the floors on the corpus: lxml (the safe parser) parse + serialize, and a saxonche
   identity transformation (parse + copy + serialize);
3. measures each step on the same files, in MB/s and documents/s and as a ratio to the floors,
   for each --jobs value (steps that do not run in parallel yet are measured once, as they are):
   validate (project schema), render HTML, render text, and the whole build on the first
   BUILD_DOCUMENTS sources;
4. peak memory (RSS of a fresh process and its workers) of validate and render text for each
   --memory count of documents.

Ratios are time(step) / time(floor) on the same bytes: 4x means the step takes four times as
long as parsing and serializing the files. Run it with `nice` on a quiet machine; the CPU columns
(this process only, so for steps that run in it) show the work itself when the machine is busy.

A step is one entry of STEPS: add one with a function (files, jobs) -> (documents, failures).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SEEDS = REPO / "seeds"

# Names put in place of the seeds' own: given names and surnames, combined at random.
GIVEN = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jakob", "Katya",
         "Leo", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tanya", "Viktor", "Wanda", "Yuri"]
SURNAMES = ["Abramov", "Belinsky", "Chernov", "Dolgorukov", "Ermolov", "Fedin", "Gorbunov", "Herzen", "Ilyin",
            "Kamensky", "Lavrov", "Martov", "Nekrasov", "Orlov", "Plekhanov", "Radek", "Sokolov", "Tarasov",
            "Uritsky", "Volkov", "Zasulich"]
YEAR = re.compile(r"\b(1[5-9]\d\d)\b")
CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b")


# ================================================================ the corpus


def generate_sources(count: int, folder: Path, rng: random.Random) -> list[Path]:
    """COUNT sources derived from the seeds: a stretch of paragraphs, names changed, years shifted."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    texts = [seed.read_text(encoding="utf-8") for seed in seeds]
    made = []
    for number in range(count):
        text = texts[number % len(texts)]
        head, _, body = text.partition("\n\n")
        paragraphs = body.split("\n\n")
        length = rng.randint(6, max(7, min(60, len(paragraphs))))
        # from the first half: a stretch of a transcript's closing credits alone has no body text
        start = rng.randint(0, max(0, min(len(paragraphs) - length, len(paragraphs) // 2)))
        stretch = "\n\n".join([head] + paragraphs[start:start + length])
        shift = rng.randint(-40, 40)
        stretch = YEAR.sub(lambda m: str(int(m.group(1)) + shift), stretch)
        names = {}
        stretch = CAPITALISED_PAIR.sub(lambda m: names.setdefault(
            m.group(), f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}") if rng.random() < 0.5 else m.group(), stretch)
        path = folder / f"{number:04d}_{seeds[number % len(seeds)].stem.split('_')[0]}.txt"
        path.write_text(stretch + "\n", encoding="utf-8")
        made.append(path)
    return made


def copy_editions(copies: int, folder: Path) -> list[Path]:
    """COPIES copies of the project's editions, with its personography beside them."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(REPO / "editions" / "persons.xml", folder / "persons.xml")
    made = []
    for number in range(copies):
        for edition in sorted(p for p in (REPO / "editions").glob("*.xml") if p.name != "persons.xml"):
            target = folder / f"{number:03d}-{edition.name}"
            shutil.copy(edition, target)
            made.append(target)
    return made


def size_of(files: list[Path]) -> int:
    return sum(f.stat().st_size for f in files)


# ================================================================ steps


@dataclass
class Figure:
    step: str
    jobs: int | str
    documents: int
    bytes: int
    seconds: float
    failures: int = 0
    cpu: float | None = None  # CPU seconds of this process, for steps that run in it (a busy machine
    #                           stretches wall time; CPU time shows the work itself)

    @property
    def mb_per_second(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds else 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def timed(step: Callable[[], int]) -> tuple[float, int, float]:
    """(wall seconds, failures, CPU seconds of this process)."""
    started, cpu = time.perf_counter(), time.process_time()
    failures = step()
    return time.perf_counter() - started, failures or 0, time.process_time() - cpu


def floor_lxml(files: list[Path], jobs: int, out: Path) -> int:
    from tei_tools.xml import parse_bytes

    for path in files:
        etree.tostring(parse_bytes(path.read_bytes(), str(path), tolerate_id_errors=True))
    return 0


_IDENTITY = """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0">
  <xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>"""


_SAXON: dict = {}


def floor_saxon(files: list[Path], jobs: int, out: Path) -> int:
    if not _SAXON:  # the floor is the least a transformation costs: Saxon started, stylesheet compiled
        from saxonche import PySaxonProcessor

        processor = PySaxonProcessor(license=False)
        _SAXON.update(processor=processor, builder=processor.new_document_builder(),
                      identity=processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=_IDENTITY))
    builder, identity = _SAXON["builder"], _SAXON["identity"]
    failures = 0
    for path in files:
        try:
            identity.transform_to_string(xdm_node=builder.parse_xml(xml_file_name=str(path.resolve())))
        except Exception:
            failures += 1  # e.g. a DOCTYPE Saxon would fetch: counted, not fatal
    return failures


def step_validate(files: list[Path], jobs: int, out: Path) -> int:
    from tei_tools.batch import run_batch
    from tei_tools.validate import ValidateJob

    # cold: each worker (or this process) compiles the schema, as a user's run does
    return run_batch(ValidateJob(), files, jobs=jobs, min_parallel_bytes=0).failures


def _render(files: list[Path], to: str, out: Path) -> int:
    from tei_tools.render import render_paths

    failures = []
    shutil.rmtree(out, ignore_errors=True)
    render_paths(files, to, out, on_error=failures.append)
    return len(failures)


def step_render_html(files: list[Path], jobs: int, out: Path) -> int:
    return _render(files, "html", out / "html")


def step_render_text(files: list[Path], jobs: int, out: Path) -> int:
    return _render(files, "text", out / "text")


@dataclass
class Step:
    name: str
    run: Callable[[list[Path], int, Path], int]
    parallel: bool  # takes --jobs yet; the others are measured once, as they are
    floor: bool = False


STEPS = [
    Step("floor: lxml parse + serialize", floor_lxml, parallel=False, floor=True),
    Step("floor: saxonche identity", floor_saxon, parallel=False, floor=True),
    Step("validate (project schema)", step_validate, parallel=True),
    Step("render HTML", step_render_html, parallel=False),
    Step("render text", step_render_text, parallel=False),
]


def convert(sources: list[Path], editions: Path) -> tuple[float, int, float]:
    from tei_tools.convert import convert_files

    shutil.rmtree(editions, ignore_errors=True)
    return timed(lambda: sum(r.status == "failed" for r in convert_files(sources, editions, force=True)))


def whole_build(sources: list[Path], work: Path) -> tuple[float, int, float]:
    from tei_tools.build import build

    seeds = work / "build-seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    for source in sources:
        shutil.copy(source, seeds / source.name)
    for folder in ("build-editions", "build-site"):
        shutil.rmtree(work / folder, ignore_errors=True)
    def run() -> int:
        report = build(seeds, work / "build-editions", work / "build-site", force=True)
        if not report.ok:  # build stops before rendering: the figure would not be a whole build
            print(f"  build did not finish: {len(report.failed_conversions)} conversion(s) failed, "
                  f"{sum(m.severity == 'error' for m in report.messages)} validation error(s)")
        return 0 if report.ok else 1
    return timed(run)


# ================================================================ memory


def peak_memory(step: str, files: list[Path], work: Path) -> float:
    """Peak RSS in MB of a fresh process (and its workers) running one step over `files`."""
    listing = work / f"memory-{step}-{len(files)}.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    run = subprocess.run([sys.executable, __file__, "--measure-memory", step, str(listing), str(work)],
                         capture_output=True, text=True, check=True)
    return float(run.stdout.strip().splitlines()[-1])


def measure_memory_here(step: str, listing: Path, work: Path) -> None:
    files = [Path(line) for line in listing.read_text(encoding="utf-8").splitlines()]
    chosen = next(s for s in STEPS if s.name.startswith(step))
    chosen.run(files, 1, work / f"memory-out-{step}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(max(own, workers) / 1024)  # kB on Linux


# ================================================================ report


def print_table(figures: list[Figure], floors: dict[str, Figure]) -> None:
    lxml_floor, saxon_floor = floors.get("lxml"), floors.get("saxon")
    print(f"\n{'step':<34} {'jobs':>4} {'docs':>6} {'MB':>7} {'s':>8} {'MB/s':>7} {'docs/s':>7} "
          f"{'x lxml':>7} {'x saxon':>8} {'cpu s':>7} {'cpu x lxml':>10} {'fail':>5}")
    for figure in figures:
        def ratio(floor: Figure | None) -> str:
            if floor is None or not floor.seconds or floor.bytes != figure.bytes:
                return "-"
            return f"{figure.seconds / floor.seconds:.1f}"
        cpu_ratio = "-"
        if figure.cpu is not None and lxml_floor and lxml_floor.cpu and lxml_floor.bytes == figure.bytes:
            cpu_ratio = f"{figure.cpu / lxml_floor.cpu:.1f}"
        cpu = f"{figure.cpu:.2f}" if figure.cpu is not None else "-"
        print(f"{figure.step:<34} {figure.jobs!s:>4} {figure.documents:>6} {figure.bytes / 1e6:>7.2f} "
              f"{figure.seconds:>8.2f} {figure.mb_per_second:>7.2f} {figure.documents_per_second:>7.1f} "
              f"{ratio(lxml_floor):>7} {ratio(saxon_floor):>8} {cpu:>7} {cpu_ratio:>10} {figure.failures:>5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="sources to generate and convert")
    parser.add_argument("--build-documents", type=int, default=150, help="sources for the whole-build figure")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to compare, e.g. 1,2")
    parser.add_argument("--memory", default="100,1000", help="document counts for peak memory ('' to skip)")
    parser.add_argument("--steps", default="", help="only the steps whose names start with these (comma-separated)")
    parser.add_argument("--work", type=Path, help="keep the corpus and outputs here (default: a temporary folder)")
    parser.add_argument("--no-shared", action="store_true", help="leave ../shared/corpus/ out")
    parser.add_argument("--no-build", action="store_true", help="skip the whole-build figure")
    parser.add_argument("--copies", type=int, default=0,
                        help="instead of generating a corpus, use COPIES copies of editions/*.xml (with their "
                             "personography); no convert or build figure")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--measure-memory", nargs=3, metavar=("STEP", "LIST", "WORK"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure_memory:
        step, listing, work = options.measure_memory
        return measure_memory_here(step, Path(listing), Path(work))

    work = options.work or Path(tempfile.mkdtemp(prefix="tei-tools-corpus-bench-"))
    jobs_values = [int(j) for j in options.jobs.split(",") if j]
    wanted = [s.strip() for s in options.steps.split(",") if s.strip()]
    figures: list[Figure] = []
    if options.copies:
        sources = []
        editions = copy_editions(options.copies, work / "editions")
        print(f"corpus: {options.copies} copies of {len(editions) // options.copies} editions of editions/ "
              f"({size_of(editions) / 1e6:.1f} MB) in {work}")
    else:
        rng = random.Random(1917)
        sources = generate_sources(options.documents, work / "sources", rng)
        print(f"corpus: {len(sources)} sources generated from {SEEDS.name}/ ({size_of(sources) / 1e6:.1f} MB) "
              f"in {work}")
        seconds, failures, cpu = convert(sources, work / "editions")
        figures.append(Figure("convert (serial)", 1, len(sources), size_of(sources), seconds, failures, cpu))
        editions = sorted(p for p in (work / "editions").glob("*.xml") if p.name != "persons.xml")
    corpus = editions + [work / "editions" / "persons.xml"]
    if SHARED_CORPUS.is_dir() and not options.no_shared:
        corpus += sorted(SHARED_CORPUS.rglob("*.xml"))
    total = size_of(corpus)
    print(f"editions: {len(editions)} converted; corpus for the other steps: {len(corpus)} files, "
          f"{total / 1e6:.1f} MB (with ../shared/corpus: {SHARED_CORPUS.is_dir() and not options.no_shared})")

    floors: dict[str, Figure] = {}
    for step in STEPS:
        if wanted and not step.floor and not any(step.name.startswith(w) for w in wanted):
            continue
        if step.floor:
            step.run(corpus[:1], 1, work / "out")  # warm: imports, Saxon started
        for jobs in (jobs_values if step.parallel else [1]):
            seconds, failures, cpu = timed(lambda: step.run(corpus, jobs, work / "out"))
            in_process = not step.parallel or jobs == 1
            figure = Figure(step.name, jobs if step.parallel else "-", len(corpus), total, seconds, failures,
                            cpu if in_process else None)
            figures.append(figure)
            if step.floor:
                floors["lxml" if "lxml" in step.name else "saxon"] = figure
            print(f"  {step.name} (jobs {figure.jobs}): {seconds:.2f} s", flush=True)

    if sources and not options.no_build and options.build_documents:
        subset = sources[:options.build_documents]
        seconds, failures, cpu = whole_build(subset, work)
        figures.append(Figure("build (convert+validate+render)", "-", len(subset), size_of(subset), seconds,
                              failures, cpu))
    print_table(figures, floors)
    by_step = {(f.step, f.jobs): f for f in figures}
    for step in STEPS:
        if step.parallel and len(jobs_values) > 1 and (step.name, jobs_values[0]) in by_step:
            first, last = by_step[(step.name, jobs_values[0])], by_step[(step.name, jobs_values[-1])]
            print(f"{step.name}: --jobs {jobs_values[-1]} is {first.seconds / last.seconds:.2f}x as fast as "
                  f"--jobs {jobs_values[0]}")

    memory = {}
    counts = [int(c) for c in options.memory.split(",") if c]
    if counts:
        print("\npeak memory (RSS, MB) of a fresh process over the first N editions:")
        for step in ("validate", "render text"):
            row = {n: peak_memory(step, editions[:n], work) for n in counts if n <= len(editions)}
            memory[step] = row
            shown = ", ".join(f"{n} documents {mb:.0f} MB" for n, mb in row.items())
            ratio = f" (x{row[counts[-1]] / row[counts[0]]:.2f})" if len(row) == len(counts) > 1 else ""
            print(f"  {step}: {shown}{ratio}")
    if options.json:
        options.json.write_text(json.dumps({"figures": [vars(f) | {"mb_per_second": f.mb_per_second}
                                                        for f in figures], "memory": memory}, indent=2))
    if not options.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
