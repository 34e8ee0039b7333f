"""How long rendering takes, against a baseline measured in the same run.

Two measures:

  site   the whole site (every page, its plain text and TEI copy, index, register, chronology,
         search page, person data), as `tei-tools render --to html` makes it, against the site
         a baseline git revision (default: main) makes with its own code and stylesheets (its
         src/, xslt/ and schema/ taken with git archive, run in a process of its own), both
         without the search index; the search index (Pagefind) is timed apart.
  files  per file: size, loading (safe lxml parse + handing the tree to Saxon), the HTML page and
         the plain text (best of N runs, transformation only), and the throughput.

  steps  (--steps) where one worker's CPU goes, summed over the files: loading (safe lxml
         parse, the header and digest, Saxon's parse), the HTML page, writing it, reading its
         index back (edition_index.gather), its parts of the site pages, the plain text, the
         TEI copy; then the site pages (their frames, the parts put in). CPU seconds of this
         one process (Saxon runs in it), so a busy machine stretches them far less than wall
         seconds.
  cpu    (--cpu) the same whole per-edition work and site pages, in one process, for the
         baseline revision's code (in a process of its own) and the current code, alternately,
         best of --runs: CPU seconds and their ratio.

    python benchmarks/render_bench.py [PATH ...] [--runs 3] [--baseline main] [--files] [--steps] [--cpu]

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


# Run in a fresh process with a revision's src/ first on the path: CPU seconds of the per-edition
# work of a site (page, text, TEI copy, index, parts) and of its site pages, in this one process.
_CPU_RUN = """
import sys, time
from pathlib import Path
if sys.argv[1]:
    sys.path.insert(0, sys.argv[1])
from tei_tools.render import Renderer
from tei_tools.render.site_parts import SiteParts
out, personography = Path(sys.argv[2]), (Path(sys.argv[3]) if sys.argv[3] else None)
sources = [Path(line) for line in sys.stdin.read().splitlines()]
renderer = Renderer(personography=personography)
started = time.process_time()
with SiteParts() as parts:
    for position, source in enumerate(sources):
        try:
            parts.add(position, renderer.render_edition(source, out, personography).parts)
        except Exception:
            pass  # a document that fails costs what it cost; both revisions see the same ones
    editions = time.process_time() - started
    started = time.process_time()
    renderer.write_site_pages(parts, out, personography)
print(editions, time.process_time() - started)
"""


def cpu_site(src: Path | None, sources: list[Path], out: Path, personography: Path | None) -> tuple[float, float]:
    run = subprocess.run([sys.executable, "-c", _CPU_RUN, str(src or ""), str(out), str(personography or "")],
                         input="\n".join(str(p) for p in sources), capture_output=True, text=True, check=True)
    editions, pages = run.stdout.strip().splitlines()[-1].split()
    return float(editions), float(pages)


def compare_cpu(sources: list[Path], personography: Path | None, runs: int, revision: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        checkout = baseline_checkout(revision, scratch / "baseline")
        old, new = [], []
        for run in range(runs):
            old.append(cpu_site(checkout / "src", sources, scratch / f"old{run}", personography))
            new.append(cpu_site(REPO / "src", sources, scratch / f"new{run}", personography))
        (old_editions, old_pages), (new_editions, new_pages) = min(old), min(new)
        print(f"CPU seconds in one process, best of {runs} run(s) each, alternating")
        print(f"{'':<34} {'editions':>9} {'site pages':>11}")
        print(f"{'baseline (' + revision + ')':<34} {old_editions:9.2f} {old_pages:11.2f}")
        print(f"{'current':<34} {new_editions:9.2f} {new_pages:11.2f}")
        print(f"{'ratio current / baseline':<34} {new_editions / old_editions:8.2f}x {new_pages / old_pages:10.2f}x")


def saxon_document(renderer: Renderer, source: Path, tree):
    """The document as Renderer._load hands it to Saxon: the file itself, or the tree as text."""
    from lxml import etree

    renderer._builder.set_base_uri(source.resolve().as_uri())
    if not tree.docinfo.doctype and tree.docinfo.internalDTD is None:
        try:
            return renderer._builder.parse_xml(xml_file_name=str(source.resolve()))
        except Exception:
            pass
    return renderer._builder.parse_xml(xml_text=etree.tostring(tree.getroot(), encoding="unicode"), encoding="UTF-8")


def steps(sources: list[Path], personography: Path | None) -> None:
    """CPU seconds of each step of render_edition, summed over the files (one pass, warm)."""
    import hashlib
    from collections import defaultdict

    from lxml import etree

    from tei_tools.render.edition_index import gather
    from tei_tools.render.engine import TEI_NS, _copy_source
    from tei_tools.render.tree import prepare_tree
    from tei_tools.xml import parse_bytes

    renderer = Renderer(personography=personography)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        renderer.render_edition(sources[0], out, personography)  # compiled, the personography loaded
        cpu: dict[str, float] = defaultdict(float)

        def step(name: str, work):
            started = time.process_time()
            value = work()
            cpu[name] += time.process_time() - started
            return value

        from tei_tools.render.site_parts import SiteParts

        with SiteParts() as parts:
            for position, source in enumerate(sources):
                try:
                    data = step("load: read, safe lxml parse", lambda: source.read_bytes())
                    tree = step("load: read, safe lxml parse", lambda: prepare_tree(parse_bytes(data, str(source))))
                    element = tree.getroot().find(f"{{{TEI_NS}}}teiHeader")
                    header = step("load: header and digest", lambda: (
                        etree.tostring(element, encoding="unicode") if element is not None else "",
                        hashlib.sha256(data).hexdigest())[0])
                    document = step("load: Saxon parse", lambda: saxon_document(renderer, source, tree))
                except Exception:
                    continue
                strings = {"source-digest": "sha256:", "tei-copy": f"{source.stem}.xml", "text-copy": f"{source.stem}.txt"}
                try:
                    html = step("HTML page (edition.xsl)", lambda: renderer._transform(
                        source, "edition-html", document=document, personography=personography, strings=strings))
                except Exception:
                    continue
                step("write page", lambda: renderer._write(out / f"{source.stem}.html", html, started=None))
                index = step("index read back (gather)", lambda: gather(html, source.stem, f"{source.stem}.html", header))
                parts.add(position, step("site parts (entry + written parts)",
                                         lambda: renderer.site_parts(index, out, personography)))
                text = step("plain text (text/edition.xsl)",
                            lambda: renderer._transform(source, "edition-text", document=document))
                step("write text, copy TEI", lambda: (renderer._write(out / f"{source.stem}.txt", text, started=None),
                                                      _copy_source(source, out / f"{source.stem}.xml", data)))
            step("site pages (frames + parts)", lambda: renderer.write_site_pages(parts, out, personography))
    total = sum(cpu.values())
    print(f"CPU seconds of one process over {len(sources)} files")
    for name, seconds in cpu.items():
        print(f"  {name:<36} {seconds:8.2f} s {100 * seconds / total:5.1f}%")
    print(f"  {'total':<36} {total:8.2f} s")


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
    parser.add_argument("--steps", action="store_true", help="only: CPU seconds per step of rendering, summed")
    parser.add_argument("--cpu", action="store_true", help="only: CPU seconds of the site against the baseline")
    args = parser.parse_args()
    sources, personography = split_personography(expand_paths(args.paths or default_paths()), None)
    if args.steps or args.cpu:
        if args.steps:
            steps(sources, personography)
        if args.cpu:
            compare_cpu(sources, personography, args.runs, args.baseline)
        return
    compare_sites(sources, personography, args.runs, args.baseline)
    if args.files:
        print()
        per_file(sources, personography, args.runs)


if __name__ == "__main__":
    main()
