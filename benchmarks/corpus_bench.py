"""Corpus scale: every step of tei-tools on one corpus, against the floors measured in the same run.

    python benchmarks/corpus_bench.py [--documents 1000] [--build-documents 150] [--jobs 1,2]
        [--memory 100,1000] [--steps convert,validate,...] [--work DIR] [--no-shared] [--no-linear]
    python benchmarks/corpus_bench.py --copies 60 --no-shared   # issue 13's corpus: 60 copies of
                                                                # editions/*.xml
    python benchmarks/corpus_bench.py --editions DIR --steps render,anchor --jobs 2
                                        # editions converted before (DIR/*.xml and DIR/persons.xml):
                                        # no convert or build figure

What it does, in one run:
1. generates DOCUMENTS source texts from seeds/ (each a stretch of a seed's paragraphs, with its
   names changed and its years shifted, so no two are alike) and converts them with each --jobs
   value (the editions must come out the same): the *convert* figures; the editions are the
   corpus, with ../shared/corpus/*.xml added when it is there;
2. measures the floors on that corpus: lxml (the safe parser) parse + serialize, and a saxonche
   identity transformation (parse + copy + serialize), each in this one process, each the best
   of FLOOR_RUNS passes (the least a pass costs: this makes every ratio harder, never easier);
3. measures each step on the same files, for each --jobs value, in MB/s and documents/s and as
   a ratio to the floors: validate (project schema), render HTML + text (the site: every
   edition's page, plain text and TEI copy, and the site's pages; without the search index),
   the search index (Pagefind) alone, render text alone;
4. the whole build (convert, validate, render with the search index) of the first
   BUILD_DOCUMENTS sources with each --jobs value, checking that the editions and the site are
   the same (Pagefind's index aside: its files come out in another order on each run);
5. the anchor: `tei-tools render` of ../shared/corpus/ (44 files) to HTML and to text, as a user
   runs it (default --jobs), with and without the search index;
6. linear cost: converting a 10 MB source of each kind against a 1 MB one, and rendering the
   editions made (also of the biography as one paragraph without line breaks);
7. peak memory (RSS of a fresh process and its workers) of validate and rendering for each
   --memory count of documents;
and prints issue 13's "Must show" figures with their floors, ratios and limits.

Ratios are time(step) / time(floor) on the same bytes: 4x means the step takes four times as
long as parsing and serializing the files in one process. Run it with `nice` on a quiet machine
(`uptime`: other work stretches the wall-clock figures, and steps with two workers most).
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
TEI_TOOLS = Path(sys.executable).with_name("tei-tools")

# Names put in place of the seeds' own: given names and surnames, combined at random.
GIVEN = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Felix", "Greta", "Hugo", "Irina", "Jakob", "Katya",
         "Leo", "Marta", "Nikolai", "Olga", "Pavel", "Rosa", "Sergei", "Tanya", "Viktor", "Wanda", "Yuri"]
SURNAMES = ["Abramov", "Belinsky", "Chernov", "Dolgorukov", "Ermolov", "Fedin", "Gorbunov", "Herzen", "Ilyin",
            "Kamensky", "Lavrov", "Martov", "Nekrasov", "Orlov", "Plekhanov", "Radek", "Sokolov", "Tarasov",
            "Uritsky", "Volkov", "Zasulich"]
YEAR = re.compile(r"\b(1[5-9]\d\d)\b")
CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})\b")
# Each floor is measured this many times in a row and the fastest pass kept.
FLOOR_RUNS = 3


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


def long_source(kind_seed: Path, size: int) -> str:
    """A source of `size` bytes of one kind: the seed's paragraphs repeated."""
    head, _, body = kind_seed.read_text(encoding="utf-8").partition("\n\n")
    text = head + "\n\n"
    while len(text.encode("utf-8")) < size:
        text += body + "\n\n"
    return text


def size_of(files: list[Path]) -> int:
    return sum(f.stat().st_size for f in files)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` but Pagefind's index, whose files come out in another order each run."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")
            and not p.name.endswith(".lock")}


# ================================================================ measuring


@dataclass
class Figure:
    step: str
    jobs: int | str
    documents: int
    bytes: int
    seconds: float
    failures: int = 0
    cpu: float | None = None  # CPU seconds of this process (steps run in it; not its workers)
    floor: str = ""  # the floor the step is compared with: "lxml", "saxon" or ""

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


def floor_lxml(files: list[Path]) -> int:
    from tei_tools.xml import parse_bytes

    for path in files:
        etree.tostring(parse_bytes(path.read_bytes(), str(path), tolerate_id_errors=True))
    return 0


_IDENTITY = """<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0">
  <xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>"""
_SAXON: dict = {}


def floor_saxon(files: list[Path]) -> int:
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
    from tei_tools.batch import run_batch, shutdown
    from tei_tools.validate import ValidateJob

    shutdown()  # cold, as a user's run: workers start, import, compile the schema
    return run_batch(ValidateJob(), files, jobs=jobs, min_parallel_bytes=0).failures


def _render(files: list[Path], to: str, out: Path, jobs: int, search: bool = False) -> int:
    from tei_tools.batch import shutdown
    from tei_tools.render import render_paths

    shutdown()
    failures = []
    shutil.rmtree(out, ignore_errors=True)
    render_paths(files, to, out, on_error=failures.append, jobs=jobs, search=search)
    return len(failures)


def step_site(files: list[Path], jobs: int, out: Path) -> int:
    return _render(files, "html", out / f"site-{jobs}", jobs)


def step_search(files: list[Path], jobs: int, out: Path) -> int:
    from tei_tools.render import index_for_search

    site = out / f"site-{jobs}"
    if not site.is_dir():
        step_site(files, jobs, out)
    index_for_search(site)
    return 0


def step_text(files: list[Path], jobs: int, out: Path) -> int:
    return _render(files, "text", out / f"text-{jobs}", jobs)


@dataclass
class Step:
    name: str
    run: Callable[[list[Path], int, Path], int]
    floor: str  # "lxml" or "saxon": the floor of its ratio
    parallel: bool = True


STEPS = [
    Step("validate (project schema)", step_validate, "lxml"),
    Step("render HTML + text (site, no search)", step_site, "saxon"),
    Step("search index (Pagefind) of that site", step_search, "saxon", parallel=False),
    Step("render text", step_text, "saxon"),
]


def convert(sources: list[Path], editions: Path, jobs: int) -> tuple[float, int, float]:
    from tei_tools.batch import shutdown
    from tei_tools.convert import convert_files

    shutdown()
    shutil.rmtree(editions, ignore_errors=True)
    return timed(lambda: sum(r.status == "failed" for r in convert_files(sources, editions, force=True, jobs=jobs)))


def whole_build(sources: list[Path], work: Path, jobs: int) -> tuple[float, int, float]:
    from tei_tools.batch import shutdown
    from tei_tools.build import Workers, build

    shutdown()
    project = work / f"build-{jobs}"
    shutil.rmtree(project, ignore_errors=True)
    (project / "seeds").mkdir(parents=True)
    for source in sources:
        shutil.copy(source, project / "seeds" / source.name)

    def run() -> int:
        report = build(project / "seeds", project / "editions", project / "site", force=True, workers=Workers(jobs))
        if not report.ok:  # build stops before rendering: the figure would not be a whole build
            print(f"  build did not finish: {report.summary()}")
        return 0 if report.ok else 1
    return timed(run)


def anchor(work: Path) -> dict[str, float]:
    """`tei-tools render` of ../shared/corpus/ to HTML and to text, as a user runs it (wall seconds)."""
    corpus = sorted(str(p) for p in SHARED_CORPUS.rglob("*.xml"))
    seconds = {}
    for label, options in (("html, no search", ["--to", "html", "--no-search"]), ("html with search", ["--to", "html"]),
                           ("text", ["--to", "text"])):
        out = work / f"anchor-{label.replace(' ', '-').replace(',', '')}"
        shutil.rmtree(out, ignore_errors=True)
        started = time.perf_counter()
        result = subprocess.run([str(TEI_TOOLS), "render", *corpus, *options, "-o", str(out), "-q"],
                                capture_output=True, text=True)
        seconds[label] = time.perf_counter() - started
        seconds[f"{label} failures"] = result.stderr.count("tei-tools: error:") + (result.returncode != 0)
    return seconds


def linear_cost(work: Path) -> dict[str, tuple[float, float]]:
    """CPU seconds to convert a 1 MB and a 10 MB source of each kind (one process, no workers),
    and to render each edition made to HTML and text (Saxon runs in this process); plus the
    biography as one paragraph of 1 and 10 MB (a source without line breaks), where work per name
    that reads its whole paragraph would grow with the square of the size."""
    from tei_tools.convert import convert_text
    from tei_tools.personography import Personography
    from tei_tools.render import Renderer

    folder = work / "linear"
    folder.mkdir(parents=True, exist_ok=True)
    renderer = Renderer()
    found = {}
    sources = [(seed.stem, seed, False) for seed in sorted(SEEDS.glob("*.txt"))]
    sources += [(f"{seed.stem}, one paragraph", seed, True) for seed in sorted(SEEDS.glob("001_*.txt"))]
    for name, seed, one_paragraph in sources:
        converting, rendering = [], []
        for size in (1_000_000, 10_000_000):
            text = long_source(seed, size)
            if one_paragraph:
                head, _, body = text.partition("\n\n")
                text = head + "\n\n" + " ".join(body.split())
            persons = Personography.empty()
            started = time.process_time()
            _, data, _ = convert_text(text, f"{seed.stem}-{size}.txt", persons)
            converting.append(time.process_time() - started)
            edition, personography = folder / f"{seed.stem}-{size}.xml", folder / "persons.xml"
            edition.write_bytes(data)
            persons.save(personography)
            started = time.process_time()
            renderer.render_edition(edition, folder / "site", personography)
            rendering.append(time.process_time() - started)
        found[f"convert, {name}"] = (converting[0], converting[1])
        found[f"render HTML + text, {name}"] = (rendering[0], rendering[1])
        print(f"  linear, {name}: convert {converting[0]:.1f} / {converting[1]:.1f} s, "
              f"render {rendering[0]:.1f} / {rendering[1]:.1f} s CPU", flush=True)
    return found


# ================================================================ memory


MEMORY_STEPS = {"validate": step_validate, "render HTML + text": step_site, "render text": step_text}


def peak_memory(step: str, files: list[Path], work: Path, jobs: int) -> float:
    """Peak RSS in MB of a fresh process and its workers running one step over `files`."""
    listing = work / f"memory-{len(files)}.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    run = subprocess.run([sys.executable, __file__, "--measure-memory", step, str(listing), str(work), str(jobs)],
                         capture_output=True, text=True, check=True)
    return float(run.stdout.strip().splitlines()[-1])


def measure_memory_here(step: str, listing: Path, work: Path, jobs: int) -> None:
    """Prints the peak of the resident memory of this process and all its descendants together
    (the workers are the fork server's children), sampled every 20 ms; without psutil, the
    largest of this process's and its children's peaks."""
    import threading

    files = [Path(line) for line in listing.read_text(encoding="utf-8").splitlines()]
    peak, running = [0], [True]
    try:
        import psutil
    except ImportError:
        psutil = None

    def sample() -> None:
        me = psutil.Process()
        while running[0]:
            try:
                total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))
            except psutil.Error:
                continue
            peak[0] = max(peak[0], total)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True) if psutil else None
    if sampler:
        sampler.start()
    MEMORY_STEPS[step](files, jobs, work / f"memory-out-{step.replace(' ', '-')}")
    running[0] = False
    if sampler:
        sampler.join()
        print(peak[0] / 1e6)
        return
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024)  # kB on Linux


# ================================================================ report


def print_table(figures: list[Figure], floors: dict[str, Figure]) -> None:
    print(f"\n{'step':<40} {'jobs':>4} {'docs':>6} {'MB':>7} {'s':>8} {'MB/s':>7} {'docs/s':>7} "
          f"{'x floor':>8} {'cpu s':>7} {'fail':>5}")
    for figure in figures:
        floor = floors.get(figure.floor)
        ratio = f"{figure.seconds / floor.seconds:.2f}" if floor and floor.bytes == figure.bytes else "-"
        cpu = f"{figure.cpu:.2f}" if figure.cpu is not None else "-"
        print(f"{figure.step:<40} {figure.jobs!s:>4} {figure.documents:>6} {figure.bytes / 1e6:>7.2f} "
              f"{figure.seconds:>8.2f} {figure.mb_per_second:>7.2f} {figure.documents_per_second:>7.1f} "
              f"{ratio + (' ' + figure.floor if ratio != '-' else ''):>8} {cpu:>7} {figure.failures:>5}")


def must_show(figures: list[Figure], floors: dict[str, Figure], jobs_values: list[int], extra: dict) -> list[str]:
    """Issue 13's floors, one line each: the figure, what it is compared with, the limit, and ok or NOT."""
    by = {(f.step, f.jobs): f for f in figures}
    lines = []

    def say(label: str, value: float | None, limit: float, unit: str, at_most: bool, detail: str = "") -> None:
        if value is None:
            lines.append(f"  {label}: not measured")
            return
        ok = value <= limit if at_most else value >= limit
        lines.append(f"  {label}: {value:.2f}{unit} ({'<=' if at_most else '>='} {limit:g}{unit}) "
                     f"{'ok' if ok else 'NOT MET'}{'; ' + detail if detail else ''}")

    def ratio(step: str, jobs, floor: str) -> float | None:
        figure, base = by.get((step, jobs)), floors.get(floor)
        return figure.seconds / base.seconds if figure and base and base.seconds else None

    most = jobs_values[-1]
    say(f"validate, --jobs {most}, x lxml parse + serialize", ratio(STEPS[0].name, most, "lxml"), 4, "x", True)
    say(f"render HTML + text, --jobs {most}, x saxonche identity", ratio(STEPS[1].name, most, "saxon"), 4, "x", True)
    say("render HTML + text, --jobs 1, x saxonche identity", ratio(STEPS[1].name, 1, "saxon"), 4, "x", True,
        "one process against the one-process floor")
    one = by.get(("convert", 1))
    say("annotate (read + annotate + serialize) on one core, MB/s", one.bytes / 1e6 / one.cpu if one and one.cpu
        else None, 1, " MB/s", False, "CPU time of the one process")
    build_two, build_one = by.get(("build", 2)), by.get(("build", 1))
    say("whole build, --jobs 2, MB/s", build_two.mb_per_second if build_two else None, 2, " MB/s", False)
    if build_one and build_two:
        say("build, --jobs 2 against --jobs 1", build_one.seconds / build_two.seconds, 1.6, "x", False,
            "editions and site identical" if extra.get("build identical") else "editions or site DIFFER")
    for step, row in extra.get("memory", {}).items():
        counts = sorted(row)
        if len(counts) > 1:
            say(f"peak memory of {step}, {counts[-1]} against {counts[0]} documents", row[counts[-1]] / row[counts[0]],
                1.3, "x", True, ", ".join(f"{n}: {mb:.0f} MB" for n, mb in row.items()))
    if "anchor" in extra:
        a = extra["anchor"]
        failures = a["html, no search failures"] + a["text failures"]
        say("corpus render (HTML + text), s", a["html, no search"] + a["text"], 9.7, " s", True,
            f"{failures} failure(s); with the search index {a['html with search'] + a['text']:.2f} s")
    for kind, (small, large) in extra.get("linear", {}).items():
        say(f"10 MB against 1 MB: {kind}", large / small, 12, "x", True, f"{small:.1f} s and {large:.1f} s CPU")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="sources to generate and convert")
    parser.add_argument("--build-documents", type=int, default=150, help="sources for the whole-build figure")
    parser.add_argument("--jobs", default="1,2", help="--jobs values to compare, e.g. 1,2")
    parser.add_argument("--memory", default="100,1000", help="document counts for peak memory ('' to skip)")
    parser.add_argument("--steps", default="", help="only the steps whose names start with these (comma-separated): "
                        "convert, validate, render, search, build, anchor, linear")
    parser.add_argument("--work", type=Path, help="keep the corpus and outputs here (default: a temporary folder)")
    parser.add_argument("--no-shared", action="store_true", help="leave ../shared/corpus/ out")
    parser.add_argument("--no-linear", action="store_true", help="skip the 1 MB against 10 MB conversions")
    parser.add_argument("--copies", type=int, default=0,
                        help="instead of generating a corpus, use COPIES copies of editions/*.xml (with their "
                             "personography); no convert or build figure")
    parser.add_argument("--editions", type=Path,
                        help="instead of generating and converting a corpus, use the editions in this folder "
                             "(with its persons.xml); no convert or build figure")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--measure-memory", nargs=4, metavar=("STEP", "LIST", "WORK", "JOBS"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure_memory:
        step, listing, work, jobs = options.measure_memory
        return measure_memory_here(step, Path(listing), Path(work), int(jobs))

    work = options.work or Path(tempfile.mkdtemp(prefix="tei-tools-corpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)  # --editions and --copies write their outputs (memory lists) here too
    jobs_values = [int(j) for j in options.jobs.split(",") if j]
    wanted = [s.strip() for s in options.steps.split(",") if s.strip()]

    def chosen(name: str) -> bool:
        return not wanted or any(name.startswith(w) for w in wanted)

    figures: list[Figure] = []
    extra: dict = {}
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    if options.editions:
        sources = []
        editions = sorted(p for p in options.editions.glob("*.xml") if p.name != "persons.xml")
        personography = options.editions / "persons.xml"
        print(f"corpus: {len(editions)} editions from {options.editions} ({size_of(editions) / 1e6:.1f} MB)")
    elif options.copies:
        sources = []
        editions = copy_editions(options.copies, work / "editions")
        personography = work / "editions" / "persons.xml"
        print(f"corpus: {options.copies} copies of {len(editions) // options.copies} editions ({size_of(editions) / 1e6:.1f} MB)")
    else:
        sources = generate_sources(options.documents, work / "sources", random.Random(1917))
        print(f"corpus: {len(sources)} sources generated from seeds/ ({size_of(sources) / 1e6:.1f} MB) in {work}")
        made = {}
        for jobs in (jobs_values if chosen("convert") else jobs_values[:1]):
            seconds, failures, cpu = convert(sources, work / f"editions-{jobs}", jobs)
            figures.append(Figure("convert", jobs, len(sources), size_of(sources), seconds, failures, cpu))
            made[jobs] = files_of(work / f"editions-{jobs}")
            print(f"  convert (jobs {jobs}): {seconds:.2f} s, {failures} failure(s)", flush=True)
        if len(made) > 1:
            extra["convert identical"] = all(m == made[jobs_values[0]] for m in made.values())
            print(f"  editions identical whatever the jobs: {extra['convert identical']}")
        folder = work / f"editions-{jobs_values[0]}"
        editions = sorted(p for p in folder.glob("*.xml") if p.name != "persons.xml")
        personography = folder / "persons.xml"
    corpus = editions + [personography]
    if SHARED_CORPUS.is_dir() and not options.no_shared:
        corpus += sorted(SHARED_CORPUS.rglob("*.xml"))
    total = size_of(corpus)
    print(f"corpus for the other steps: {len(corpus)} files, {total / 1e6:.1f} MB")

    floors: dict[str, Figure] = {}
    # the floors the chosen steps are compared with (both when no step has a floor of its own)
    needed = {step.floor for step in STEPS if chosen(step.name.split()[0].lower())} or {"lxml", "saxon"}
    for name, run in (("lxml", floor_lxml), ("saxon", floor_saxon)):
        if name not in needed:
            continue
        run(corpus[:1])  # warm: imports, Saxon started
        # the best of FLOOR_RUNS, the least a pass costs: a burst of other work on the shared
        # cores during the floor would otherwise flatter every ratio of the run
        seconds, failures, cpu = min((timed(lambda: run(corpus)) for _ in range(FLOOR_RUNS)), key=lambda r: r[0])
        floors[name] = Figure(f"floor: {'lxml parse + serialize' if name == 'lxml' else 'saxonche identity'}", 1,
                              len(corpus), total, seconds, failures, cpu)
        figures.append(floors[name])
    for step in STEPS:
        if not chosen(step.name.split()[0].lower()):
            continue
        for jobs in (jobs_values if step.parallel else jobs_values[-1:]):
            seconds, failures, cpu = timed(lambda: step.run(corpus, jobs, work / "out"))
            figures.append(Figure(step.name, jobs, len(corpus), total, seconds, failures,
                                  cpu if jobs == 1 else None, step.floor))
            print(f"  {step.name} (jobs {jobs}): {seconds:.2f} s", flush=True)

    if sources and options.build_documents and chosen("build"):
        subset = sources[:options.build_documents]
        for jobs in jobs_values:
            seconds, failures, cpu = whole_build(subset, work, jobs)
            figures.append(Figure("build", jobs, len(subset), size_of(subset), seconds, failures))
            print(f"  build (jobs {jobs}): {seconds:.2f} s", flush=True)
        first = work / f"build-{jobs_values[0]}"
        extra["build identical"] = all(
            files_of(first / part) == files_of(work / f"build-{jobs}" / part)
            for jobs in jobs_values[1:] for part in ("editions", "site"))
    if SHARED_CORPUS.is_dir() and chosen("anchor"):
        extra["anchor"] = anchor(work)
        print(f"  anchor: {json.dumps({k: round(v, 2) for k, v in extra['anchor'].items()})}", flush=True)
    if not options.no_linear and chosen("linear"):
        extra["linear"] = linear_cost(work)

    print_table(figures, floors)
    by = {(f.step, f.jobs): f for f in figures}
    for name in ["convert", "build"] + [s.name for s in STEPS if s.parallel]:
        if len(jobs_values) > 1 and (name, jobs_values[0]) in by and (name, jobs_values[-1]) in by:
            first, last = by[(name, jobs_values[0])], by[(name, jobs_values[-1])]
            print(f"{name}: --jobs {jobs_values[-1]} is {first.seconds / last.seconds:.2f}x as fast as "
                  f"--jobs {jobs_values[0]}")

    counts = [int(c) for c in options.memory.split(",") if c]
    if counts:
        print(f"\npeak memory (RSS, MB) of a fresh process and its workers (--jobs {jobs_values[-1]}) "
              "over the first N editions:")
        extra["memory"] = {}
        for step in (s for s in MEMORY_STEPS if chosen(s.split()[0])):  # as --steps says
            row = {n: peak_memory(step, editions[:n], work, jobs_values[-1]) for n in counts if n <= len(editions)}
            extra["memory"][step] = row
            print(f"  {step}: " + ", ".join(f"{n} documents {mb:.0f} MB" for n, mb in row.items()))

    print(f"\nissue 13, must show (load average now {os.getloadavg()[0]:.2f}):")
    print("\n".join(must_show(figures, floors, jobs_values, extra)))
    if options.json:
        options.json.write_text(json.dumps({"figures": [vars(f) | {"mb_per_second": f.mb_per_second} for f in figures],
                                            "extra": extra}, indent=2, default=str))
    if not options.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
