"""How long rendering takes: starting Saxon, compiling each stylesheet once, then each file.

Prints the processor start, the compile time of each stylesheet (once per run, whatever the
number of files), then per file: size, loading (safe lxml parse + handing the tree to Saxon),
the HTML page and the plain text (best of N runs, transformation only), and the throughput.
Ends with the site pages (index, register) and the totals.

    python benchmarks/render_bench.py [PATH ...] [--runs 3]

PATHs are TEI files or folders; default: editions/ and, when it is there, ../shared/corpus/.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tei_tools.render import Renderer, expand_paths, split_personography

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def best_of(runs: int, step) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times)


def default_paths() -> list[Path]:
    paths = [p for p in (REPO / "editions").glob("*.xml")]
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*/*.xml"))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sources, personography = split_personography(expand_paths(args.paths or default_paths()), None)

    started = time.perf_counter()
    renderer = Renderer(personography=personography)
    print(f"Saxon processor started in {(time.perf_counter() - started) * 1000:.0f} ms")
    for name in ("edition-html", "edition-text", "index", "persons"):
        renderer._executable(name)
        print(f"compiled {name:<13} {renderer.timings.compile[name] * 1000:7.0f} ms  (once per run)")

    print(f"\n{'file':<42} {'kB':>7} {'load ms':>8} {'html ms':>8} {'text ms':>8} {'MB/s':>6}")
    totals = {"bytes": 0, "load": 0.0, "html": 0.0, "text": 0.0}
    for source in sources:
        size = source.stat().st_size
        load = best_of(args.runs, lambda: renderer._load(source))
        document = renderer._load(source)
        html = best_of(args.runs, lambda: renderer._transform(source, "edition-html", document=document,
                                                               personography=personography))
        text = best_of(args.runs, lambda: renderer._transform(source, "edition-text", document=document))
        whole = load + html + text
        print(f"{source.name[:42]:<42} {size / 1024:7.0f} {load * 1000:8.1f} {html * 1000:8.1f} "
              f"{text * 1000:8.1f} {size / whole / 1e6:6.2f}")
        totals["bytes"] += size
        totals["load"] += load
        totals["html"] += html
        totals["text"] += text

    with tempfile.TemporaryDirectory() as out:
        site = best_of(1, lambda: renderer.render_site(sources, Path(out), personography))
    whole = totals["load"] + totals["html"] + totals["text"]
    print(f"\n{len(sources)} files, {totals['bytes'] / 1e6:.1f} MB: load {totals['load']:.2f} s, "
          f"html {totals['html']:.2f} s, text {totals['text']:.2f} s "
          f"({totals['bytes'] / whole / 1e6:.2f} MB/s overall)")
    print(f"whole site (every page, index, register, assets) in {site:.2f} s")


if __name__ == "__main__":
    main()
