"""How long the persons annotator takes here against other revisions of it, measured in the same run.

Each revision given with --baseline (a commit, branch or tag of this repository) is taken with
`git archive` (its `src/` and `editions/persons.xml`) into a temporary folder; this working tree is
the revision measured. Every measurement runs in a fresh Python process, the revisions in turn
round after round, so a machine that gets busier or quieter during the run touches them alike.

A measurement is the processor time of `annotate_persons` over one source, with the revision's own
readers cutting the blocks and its own `editions/persons.xml` as the personography (as `tei-tools
build` runs it): `cold` is the first call in the process (the word caches empty, the word
frequency table already loaded), `warm` the best of two more calls. Printed per revision: the best
and the median of --rounds, and their ratios to the first baseline's (a shared, busy machine
moves single figures by a fifth; the median of many rounds moves less).

With --corpus DIR a measurement is instead one batch: the first --documents sources of DIR (in
name order, e.g. the 1,000 that benchmarks/corpus_bench.py generates) annotated one after the other
into one personography that starts empty, as `tei-tools convert` into a fresh folder does (`cold`:
the first batch in the process; `warm`: the best of two more, each with a new empty personography);
the figures are CPU seconds for the whole batch, and MB/s of source per CPU second is printed too.

With --scale MB [MB ...] it measures instead how the time grows with the size of a source: this
tree's annotator on sources of those sizes made from --source (its text repeated), once as one
single-line block (a source without line breaks) and once as the paragraphs of the source, each
size in a fresh process; printed with the ratio to the first size (issue 13 wants 10 MB within 12x
of 1 MB).

    python benchmarks/persons_speed.py [--baseline REV ...] [--source seeds/X.txt] [--rounds 5]
    python benchmarks/persons_speed.py --baseline main --corpus /work/ref/sources --documents 200
With --floor it measures instead, in this tree only, what pure Python costs at the least on the
first --documents sources of --corpus, against what the annotator and the whole conversion cost:
cutting every block at white space; one Python tuple per piece (the least any tokeniser that makes
an object per word pays); the annotator's tokeniser, its blocks (words, runs, sentence starts),
`recognise` and `annotate_persons` (all with the garbage collector paused, as `recognise` runs);
then `convert_files(..., jobs=1)` into a temporary folder,
split into the CPU inside the persons annotator and the rest (readers, dates, quotations,
serializer). Printed: CPU seconds (best of --rounds), MB/s, and the persons annotator's budget if
the conversion is to reach --target MB/s (issue 13: 1 MB/s on one core).

    python benchmarks/persons_speed.py --scale 1 10 [--source seeds/X.txt]
    python benchmarks/persons_speed.py --floor --corpus /work/ref/sources --documents 200
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO / "seeds" / "001_025703152d1661b8.txt"  # the largest seed, 258 kB

CHILD = r"""
import json, sys, time
from pathlib import Path
from tei_tools import readers
from tei_tools.annotate.persons import annotate_persons
from tei_tools.personography import Personography
try:
    from wordfreq import zipf_frequency
    zipf_frequency("the", "en")  # the table loads once per process, whatever the annotator
except ImportError:
    pass
source, people = Path(sys.argv[1]), Path(sys.argv[2])
blocks = readers.read(source.read_text(encoding="utf-8"), source.name).blocks()
times = []
for _ in range(3):
    personography = Personography.load(people)
    started = time.process_time()
    annotate_persons(blocks, personography)
    times.append(time.process_time() - started)
print(json.dumps({"cold": times[0], "warm": min(times[1:])}))
"""


CORPUS_CHILD = r"""
import json, sys, time
from pathlib import Path
from tei_tools import readers
from tei_tools.annotate.persons import annotate_persons
from tei_tools.personography import Personography
try:
    from wordfreq import zipf_frequency
    zipf_frequency("the", "en")
except ImportError:
    pass
sources = sorted(Path(sys.argv[1]).glob("*.txt"))[:int(sys.argv[2])]
documents = [(s.stem, readers.read(s.read_text(encoding="utf-8"), s.name).blocks()) for s in sources]
times = []
for _ in range(3):
    personography = Personography.empty()
    started = time.process_time()
    for name, blocks in documents:
        annotate_persons(blocks, personography, name)
    times.append(time.process_time() - started)
print(json.dumps({"cold": times[0], "warm": min(times[1:])}))
"""


SCALE_CHILD = r"""
import json, sys, time
from pathlib import Path
from tei_tools.annotate.persons import annotate_persons
from tei_tools.model import Block
from tei_tools.personography import Personography
try:
    from wordfreq import zipf_frequency
    zipf_frequency("the", "en")
except ImportError:
    pass
seed, size, layout = Path(sys.argv[1]).read_text(encoding="utf-8"), int(sys.argv[2]), sys.argv[3]
text = (seed * (size // len(seed) + 1))[:size]
if layout == "single-line":
    blocks = [Block("p", " ".join(text.split()), 0)]
else:
    blocks = [Block("p", " ".join(p.split()), 0) for p in text.split("\n\n") if p.strip()]
started = time.process_time()
annotate_persons(blocks, Personography.empty())
print(json.dumps({"seconds": time.process_time() - started}))
"""


def scale(source: Path, sizes: list[float]) -> None:
    print(f"persons annotation of sources made from {source.name}, CPU seconds (empty personography)")
    print(f"{'MB':>6}{'single-line':>14}{'ratio':>8}{'paragraphs':>14}{'ratio':>8}")
    first: dict[str, float] = {}
    for size in sizes:
        line = f"{size:>6g}"
        for layout in ("single-line", "paragraphs"):
            done = subprocess.run([sys.executable, "-c", SCALE_CHILD, str(source), str(int(size * 1_000_000)), layout],
                                  check=True, capture_output=True, text=True)
            seconds = json.loads(done.stdout)["seconds"]
            first.setdefault(layout, seconds)
            line += f"{seconds:>14.2f}{seconds / first[layout]:>8.1f}"
        print(line, flush=True)


def floor(corpus: Path, documents: int, rounds: int, target: float) -> None:
    import shutil
    import time
    from itertools import repeat

    import tei_tools.annotate.persons as persons
    from tei_tools import readers
    from tei_tools.annotate.names import Lexicon
    from tei_tools.annotate.persons.collector import collector_paused
    from tei_tools.annotate.persons.judge import JudgedBlock
    from tei_tools.annotate.persons.words import Word, words_of
    from tei_tools.batch import shutdown
    from tei_tools.convert import convert_files
    from tei_tools.personography import Personography

    sources = sorted(corpus.glob("*.txt"))[:documents]
    megabytes = sum(s.stat().st_size for s in sources) / 1e6
    batch = [(s.name, readers.read(s.read_text(encoding="utf-8"), s.name).blocks()) for s in sources]
    texts = [block.text for _, blocks in batch for block in blocks]
    lexicon = Lexicon.default()

    def one_tuple_per_piece() -> None:
        new = tuple.__new__
        for text in texts:
            found, find, end = [], text.find, 0
            append = found.append
            for piece in text.split():
                start = find(piece, end)
                end = start + len(piece)
                append(new(Word, (piece, start, end, "word", False, False)))

    def annotated(step) -> None:
        personography = Personography.empty()
        for name, blocks in batch:
            step(blocks, personography, name)

    steps = {
        "str.split of every block": lambda: [text.split() for text in texts],
        "one tuple per white-space piece": one_tuple_per_piece,
        "words_of (the tokeniser)": lambda: [words_of(text, lexicon.abbreviations) for text in texts],
        "JudgedBlock (words, runs, starts)": lambda: [JudgedBlock(n, text, lexicon) for n, text in enumerate(texts)],
        "recognise": lambda: annotated(lambda blocks, personography, name: persons.recognise(
            blocks, personography.baseline, name)),
        "annotate_persons": lambda: annotated(persons.annotate_persons),
    }
    print(f"floor: {len(sources)} sources of {corpus} ({megabytes:.2f} MB), CPU seconds, best of {rounds}")
    for label, step in steps.items():
        with collector_paused():  # as `recognise` runs them
            best = min(_cpu(step, time) for _ in range(max(1, rounds)))
        print(f"  {label:<36}{best:>8.3f} s{megabytes / best:>9.2f} MB/s", flush=True)
    inside = [0.0]

    def counted(function):
        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                inside[0] += time.process_time() - started
        return timed

    recognise, reconcile = persons.recognise, persons.reconcile
    persons.recognise, persons.reconcile = counted(recognise), counted(reconcile)  # as tei_tools.annotate calls them
    best_total = best_rest = float("inf")
    try:
        with tempfile.TemporaryDirectory(prefix="persons-floor-") as temporary:
            for _ in repeat(None, max(1, rounds)):
                out = Path(temporary) / "editions"
                shutil.rmtree(out, ignore_errors=True)
                shutdown()  # no worker pool left from an earlier batch
                inside[0] = 0.0
                total = _cpu(lambda: convert_files(sources, out, force=True, jobs=1), time)
                best_total, best_rest = min(best_total, total), min(best_rest, total - inside[0])
    finally:
        persons.recognise, persons.reconcile = recognise, reconcile
    budget = megabytes / target - best_rest
    print(f"  {'convert_files, jobs=1':<36}{best_total:>8.3f} s{megabytes / best_total:>9.2f} MB/s")
    print(f"  {'  of which not persons':<36}{best_rest:>8.3f} s{megabytes / best_rest:>9.2f} MB/s")
    print(f"for {target:g} MB/s the conversion may take {megabytes / target:.3f} s: the persons annotator's budget is "
          + (f"{budget:.3f} s ({megabytes / budget:.2f} MB/s)" if budget > 0 else "nothing: the rest alone is slower"))


def _cpu(step, time) -> float:
    started = time.process_time()
    step()
    return time.process_time() - started


def extract(revision: str, into: Path) -> Path:
    """The revision's src/ and editions/persons.xml under `into`/<revision>."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision, "src", "editions/persons.xml"],
                             check=True, capture_output=True).stdout
    target = into / revision.replace("/", "_")
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def measure(tree: Path, source: Path, documents: int = 0) -> dict[str, float]:
    """One measurement of the tree's annotator: of `source`, or with `documents` of the batch of
    that many sources of the folder `source`."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    arguments = [CORPUS_CHILD, str(source), str(documents)] if documents else \
        [CHILD, str(source), str(tree / "editions" / "persons.xml")]
    done = subprocess.run([sys.executable, "-c", *arguments],
                          check=True, capture_output=True, text=True, env=env, cwd=tree)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", action="append", default=[], metavar="REV",
                        help="a revision to measure beside this working tree (repeatable)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="measure a batch of the sources in DIR instead of one --source (see above)")
    parser.add_argument("--documents", type=int, default=200, help="how many sources of --corpus (default 200)")
    parser.add_argument("--scale", type=float, nargs="+", metavar="MB",
                        help="time this tree on sources of these sizes instead (see above)")
    parser.add_argument("--floor", action="store_true", help="measure what pure Python costs at the least (see above)")
    parser.add_argument("--target", type=float, default=1.0, help="MB/s the conversion should reach (--floor)")
    args = parser.parse_args(argv)
    if args.floor:
        if not args.corpus:
            parser.error("--floor needs --corpus DIR")
        floor(args.corpus.resolve(), args.documents, args.rounds, args.target)
        return 0
    if args.scale:
        scale(args.source.resolve(), args.scale)
        return 0
    with tempfile.TemporaryDirectory(prefix="persons-speed-") as temporary:
        trees = {revision: extract(revision, Path(temporary)) for revision in args.baseline}
        trees["this tree"] = REPO
        times: dict[str, dict[str, list[float]]] = {name: {"cold": [], "warm": []} for name in trees}
        source = (args.corpus or args.source).resolve()
        documents = args.documents if args.corpus else 0
        for _ in range(max(1, args.rounds)):
            for name, tree in trees.items():
                for kind, seconds in measure(tree, source, documents).items():
                    times[name][kind].append(seconds)
    figures = {name: {f"{kind} {how}": summary(values) for kind, values in kinds.items()
                      for how, summary in (("best", min), ("median", statistics.median))}
               for name, kinds in times.items()}
    columns = ("cold best", "cold median", "warm best", "warm median")
    reference = figures[args.baseline[0]] if args.baseline else None
    if args.corpus:
        sources = sorted(args.corpus.glob("*.txt"))[:args.documents]
        megabytes = sum(s.stat().st_size for s in sources) / 1e6
        what = f"a batch of {len(sources)} sources of {args.corpus} ({megabytes:.2f} MB, one personography)"
    else:
        megabytes = args.source.stat().st_size / 1e6
        what = f"{args.source.name} ({args.source.stat().st_size // 1000} kB)"
    print(f"persons annotation of {what}, CPU seconds over {args.rounds} rounds"
          + (f"; ratios to {args.baseline[0]}" if reference else ""))
    print(f"{'revision':<14}" + "".join(f"{c:>13}" for c in columns) + ("".join(f"{'x ' + c:>15}" for c in columns)
                                                                      if reference else ""))
    for name, row in figures.items():
        line = f"{name:<14}" + "".join(f"{row[c]:>13.3f}" for c in columns)
        if reference:
            line += "".join(f"{row[c] / reference[c]:>15.2f}" for c in columns)
        print(line)
    print("MB/s per CPU second, warm best: " + ", ".join(f"{name} {megabytes / row['warm best']:.2f}"
                                                         for name, row in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
