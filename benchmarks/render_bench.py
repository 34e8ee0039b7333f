"""How long rendering takes, against a baseline measured in the same run.

Two measures:

  site   the whole site (every page, its plain text and TEI copy, index, register, chronology,
         search page, person data), as `tei-tools render --to html` makes it, against the same
         work done by the stylesheets of a baseline git revision (default: main): their edition
         page and plain text per document, then their index and register. The search index
         (Pagefind) is timed apart: the baseline had none.
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


def baseline_stylesheets(revision: str, into: Path) -> Path:
    """The xslt/ folder of a git revision, unpacked into `into`."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "xslt"], capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / "xslt"


class BaselineSite:
    """The baseline's work for a site, with its own stylesheets and the same safe loading: an
    edition page and a plain text per document, then the index and the register, which took
    every edition as a parameter."""

    def __init__(self, xslt: Path, personography: Path | None):
        self.renderer = Renderer(personography=personography)
        self.xslt, self.personography = xslt, personography
        compiler = self.renderer._compiler
        self.sheets = {name: compiler.compile_stylesheet(stylesheet_file=str(xslt / path))
                       for name, path in (("html", "html/edition.xsl"), ("text", "text/edition.xsl"),
                                          ("index", "html/index.xsl"), ("persons", "html/persons.xsl"))}

    def render(self, sources: list[Path], out: Path) -> None:
        processor = self.renderer._processor
        persons = self.renderer._load_personography(self.personography)
        documents = []
        for source in sources:
            document = self.renderer._load(source).document
            for name, suffix in (("html", "html"), ("text", "txt")):
                sheet = self.sheets[name]
                sheet.clear_parameters()
                if persons is not None and name == "html":
                    sheet.set_parameter("personography", persons)
                (out / f"{source.stem}.{suffix}").write_text(sheet.transform_to_string(xdm_node=document) or "",
                                                             encoding="utf-8")
            documents.append(document)
        sequence = self.renderer._sequence(documents)
        for name in ("index", "persons"):
            sheet = self.sheets[name]
            sheet.clear_parameters()
            sheet.set_parameter("editions", sequence)
            if persons is not None:
                sheet.set_parameter("personography", persons)
            (out / f"{name}.html").write_text(sheet.call_template_returning_string() or "", encoding="utf-8")


def timed(step) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def compare_sites(sources: list[Path], personography: Path | None, runs: int, revision: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        baseline = BaselineSite(baseline_stylesheets(revision, scratch / "baseline"), personography)
        current = Renderer(personography=personography)
        old_times, new_times, search_times = [], [], []
        for run in range(runs):
            old_out, new_out = scratch / f"old{run}", scratch / f"new{run}"
            old_out.mkdir()
            old_times.append(timed(lambda: baseline.render(sources, old_out)))
            new_times.append(timed(lambda: current.render_site(sources, new_out, personography, search=False)))
            from tei_tools.render.search import index_for_search

            search_times.append(timed(lambda: index_for_search(new_out)))
        old, new, search = min(old_times), min(new_times), min(search_times)
        size = sum(p.stat().st_size for p in sources) / 1e6
        print(f"{len(sources)} files, {size:.1f} MB, best of {runs} run(s) each, alternating")
        print(f"baseline ({revision}) site: pages + plain text + index + register   {old:7.2f} s")
        print(f"current site: pages + text + TEI copies + index + register +\n"
              f"              chronology + search page + person data             {new:7.2f} s")
        print(f"ratio current / baseline                                          {new / old:7.2f}x")
        print(f"search index (pagefind, not in the baseline)                      {search:7.2f} s")
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
