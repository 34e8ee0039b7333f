"""How long rendering takes, against a baseline measured in the same run.

Two measures:

  site   the whole site (every page, its plain text and TEI copy, index, register, chronology,
         search page, person data), as `tei-tools render --to html` makes it, against the site
         a baseline git revision (default: main) makes with its own code and stylesheets (its
         src/, xslt/ and schema/ taken with git archive, run in a process of its own), both
         without the search index; the search index (Pagefind) is timed apart.
  files  per file: size, loading (safe lxml parse + handing the tree to Saxon), the HTML page and
         the plain text (best of N runs, transformation only), and the throughput.

    python benchmarks/render_bench.py [PATH ...] [--runs 3] [--baseline main] [--files]

PATHs are TEI files or folders; default: ../shared/corpus/ (all 44 files) when it is there,
else editions/. The two sites are rendered alternately, best of --runs each, so that a busy
machine slows both alike; the figure to read is the ratio.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

from tei_tools.render import Renderer, expand_paths, split_personography

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def default_paths() -> list[Path]:
    if CORPUS.is_dir():
        return sorted(CORPUS.glob("*/*.xml"))
    return sorted((REPO / "editions").glob("*.xml"))


def baseline_checkout(revision: str, into: Path) -> Path:
    """src/, xslt/ and schema/ of a git revision, unpacked into `into` (its own code and stylesheets:
    a baseline's stylesheets alone may want parameters today's code no longer passes)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "src", "xslt", "schema"],
                             capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


# Run in a fresh process with the baseline's src/ first on the path: its whole site, as its
# `render_site` made it (no search index), timed inside that process (imports and start excluded).
_BASELINE_RUN = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tei_tools.render import Renderer
out, personography = Path(sys.argv[2]), (Path(sys.argv[3]) if sys.argv[3] else None)
sources = [Path(line) for line in sys.stdin.read().splitlines()]
renderer = Renderer(personography=personography)
started = time.perf_counter()
try:
    renderer.render_site(sources, out, personography, search=False)
except TypeError:  # revisions before the search index
    renderer.render_site(sources, out, personography)
print(time.perf_counter() - started)
"""


def baseline_site(checkout: Path, sources: list[Path], out: Path, personography: Path | None) -> float:
    """Seconds the baseline revision's own code takes for the site (in its own process)."""
    run = subprocess.run([sys.executable, "-c", _BASELINE_RUN, str(checkout / "src"), str(out),
                          str(personography or "")], input="\n".join(str(p) for p in sources),
                         capture_output=True, text=True, check=True)
    return float(run.stdout.strip().splitlines()[-1])


def timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def compare_sites(sources: list[Path], personography: Path | None, runs: int, revision: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        checkout = baseline_checkout(revision, scratch / "baseline")
        current = Renderer(personography=personography)
        old_times, new_times, search_times = [], [], []
        for run in range(runs):
            old_out, new_out = scratch / f"old{run}", scratch / f"new{run}"
            old_times.append(baseline_site(checkout, sources, old_out, personography))
            new_times.append(timed(lambda: current.render_site(sources, new_out, personography, search=False)))
            from tei_tools.render.search import index_for_search

            search_times.append(timed(lambda: index_for_search(new_out)))
        old, new, search = min(old_times), min(new_times), min(search_times)
        size = sum(p.stat().st_size for p in sources) / 1e6
        print(f"{len(sources)} files, {size:.1f} MB, best of {runs} run(s) each, alternating")
        print(f"baseline ({revision}) site, its own code, no search index          {old:7.2f} s")
        print(f"current site, no search index                                     {new:7.2f} s")
        print(f"ratio current / baseline                                          {new / old:7.2f}x")
        print(f"search index (pagefind), timed apart                              {search:7.2f} s")
        print(f"current site with its search index                                {new + search:7.2f} s"
              f"  ({(new + search) / old:.2f}x)")


def per_file(sources: list[Path], personography: Path | None, runs: int) -> None:
    renderer = Renderer(personography=personography)
    for name in ("edition-html", "edition-text"):
        renderer._executable(name)
        print(f"compiled {name:<13} {renderer.timings.compile[name] * 1000:7.0f} ms  (once per run)")
    print(f"\n{'file':<42} {'kB':>7} {'load ms':>8} {'html ms':>8} {'text ms':>8} {'MB/s':>6}")
    for source in sources:
        size = source.stat().st_size
        load = min(timed(lambda: renderer._load(source)) for _ in range(runs))
        document = renderer._load(source).document
        html = min(timed(lambda: renderer._transform(source, "edition-html", document=document,
                                                     personography=personography)) for _ in range(runs))
        text = min(timed(lambda: renderer._transform(source, "edition-text", document=document)) for _ in range(runs))
        print(f"{source.name[:42]:<42} {size / 1024:7.0f} {load * 1000:8.1f} {html * 1000:8.1f} "
              f"{text * 1000:8.1f} {size / (load + html + text) / 1e6:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", default="main", help="git revision whose stylesheets are the baseline")
    parser.add_argument("--files", action="store_true", help="also time each file")
    args = parser.parse_args()
    sources, personography = split_personography(expand_paths(args.paths or default_paths()), None)
    compare_sites(sources, personography, args.runs, args.baseline)
    if args.files:
        print()
        per_file(sources, personography, args.runs)


if __name__ == "__main__":
    main()
