"""How long lxml (libxml2) takes to validate against the project grammar, and proof that the way the
grammar is written changes nothing it accepts.

The baseline, measured in the same run, is the same grammar with every <interleave> turned back
into a <group>: the shape schema/tei-tools.rng had before its attributes were interleaved. In
RELAX NG both mean the same for attributes (they have no order; the grammar interleaves nothing
else, which tests/test_schema.py checks), but libxml2 keeps, for each optional attribute present
in a group, a state that skipped it beside the one that took it, and compares those states
pairwise: 2^k states and ~4^k work for an element with k attributes.

    python benchmarks/schema_bench.py [--documents 60] [--baseline-documents 20] [--timeout 60]
        [--baseline-rng OLD.rng] [--no-verdicts]

Prints, for random documents valid against the grammar (tests/test_schema.py's sampler, seed 7,
depth 11, the shapes of its `samples` fixture), lxml's time per document with the grammar and
with the baseline (each baseline document in its own process, stopped after --timeout seconds),
the same for one <date> carrying k of its attributes, and the verdicts of jing and lxml with both
grammars on the random documents, mutants of them and tests/data (they must all agree).
--baseline-rng compares with another grammar file instead (e.g. `git show OLD:schema/tei-tools.rng`).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
RNG = REPO / "schema" / "tei-tools.rng"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
sys.path.insert(0, str(REPO / "tests"))

from test_schema import RandomDocuments, _as_groups, _mutants  # noqa: E402  (the sampler, grouping and mutants the tests use)

_TIME_ONE = ("import sys, time\nfrom lxml import etree\n"
             "schema = etree.RelaxNG(etree.parse(sys.argv[1])); document = etree.parse(sys.argv[2])\n"
             "start = time.perf_counter(); valid = schema.validate(document)\n"
             "print(time.perf_counter() - start, valid)\n")


def time_in_process(grammar: Path, document: Path, timeout: float) -> float | None:
    """lxml's validation time in a fresh process, or None when it ran past `timeout` seconds."""
    try:
        done = subprocess.run([sys.executable, "-c", _TIME_ONE, str(grammar), str(document)],
                              capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    seconds, valid = done.stdout.split()
    if valid != "True":
        raise SystemExit(f"{document}: the baseline grammar rejects a valid document")
    return float(seconds)


def time_here(schema: etree.RelaxNG, document: Path) -> float:
    tree = etree.parse(str(document))
    start = time.perf_counter()
    if not schema.validate(tree):
        raise SystemExit(f"{document}: {schema.error_log.last_error}")
    return time.perf_counter() - start


def random_documents(count: int, folder: Path) -> list[Path]:
    sampler = RandomDocuments(RNG, seed=7)
    paths = []
    for number in range(count):
        path = folder / f"sample{number:04}.xml"
        etree.ElementTree(sampler.document(depth=11)).write(str(path), encoding="utf-8", xml_declaration=True)
        paths.append(path)
    return paths


def date_with_attributes(count: int, folder: Path) -> Path:
    """A small valid edition whose one <date> carries `count` of the attributes a date may have."""
    values = [("{%s}id" % XML_NS, "d1"), ("{%s}lang" % XML_NS, "en"), ("n", "1"), ("rend", "r"), ("resp", "#r"),
              ("cert", "high"), ("type", "t"), ("when", "1917"), ("notBefore", "1917"), ("notAfter", "1918"),
              ("when-custom", "1917"), ("from-custom", "1917"), ("to-custom", "1918"),
              ("notBefore-custom", "1917"), ("notAfter-custom", "1918"), ("datingMethod", "#julian"),
              ("from", "1917"), ("to", "1918")]
    tei = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>'
        '<text><body><p>On <date>a day</date>.</p></body></text></TEI>')
    date = tei.find(f".//{{{TEI_NS}}}date")
    for name, value in values[:count]:
        date.set(name, value)
    path = folder / f"date{count:02}.xml"
    etree.ElementTree(tei).write(str(path), encoding="utf-8", xml_declaration=True)
    return path


def verdicts(grammar: Path, engine: str, paths: list[Path]) -> list[bool]:
    from tei_tools.validate import Validator
    messages = Validator(grammar, engine=engine).validate_files(paths)
    invalid = {m.path for m in messages if m.severity == "error"}
    return [str(p) not in invalid for p in paths]


def summary(times: list[float | None], timeout: float) -> str:
    done = [t for t in times if t is not None]
    stopped = len(times) - len(done)
    text = f"total {sum(done):8.2f} s   max {max(done, default=0):8.3f} s   median {statistics.median(done):7.4f} s"
    return text + (f"   + {stopped} stopped at {timeout:.0f} s" if stopped else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--baseline-documents", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--baseline-rng", type=Path)
    parser.add_argument("--no-verdicts", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="schema-bench-") as scratch:
        folder = Path(scratch)
        baseline = options.baseline_rng or _as_groups(RNG, folder / "baseline.rng")
        schema = etree.RelaxNG(etree.parse(str(RNG)))
        print(f"grammar  {RNG.relative_to(REPO)}\nbaseline {options.baseline_rng or 'the same with interleave -> group'}")

        documents = random_documents(options.documents, folder)
        now = [time_here(schema, d) for d in documents]
        print("\nrandom documents (seed 7, depth 11), lxml validation per document")
        print(f"  grammar,  {len(documents):3} documents: {summary(now, options.timeout)}")
        some = documents[:options.baseline_documents]
        before = [time_in_process(baseline, d, options.timeout) for d in some]
        print(f"  baseline, {len(some):3} documents: {summary(before, options.timeout)}")
        print(f"  grammar,  the same {len(some):3}:    {summary(now[:len(some)], options.timeout)}")
        pairs = [(b, n) for b, n in zip(before, now) if b is not None]
        ratio = sum(b for b, _ in pairs) / max(sum(n for _, n in pairs), 1e-9)
        print(f"  baseline / grammar on the documents the baseline finished: x{ratio:,.0f}"
              f" (worst: {max(b for b, _ in pairs):.2f} s -> {max(now[:len(some)]):.4f} s)")

        print("\none <date> with k attributes in a small edition, lxml validation")
        for count in (4, 8, 10, 12, 14, 16, 18):
            path = date_with_attributes(count, folder)
            old = time_in_process(baseline, path, options.timeout)
            new = time_here(schema, path)
            old_text = f"{old:9.4f} s" if old is not None else f"> {options.timeout:.0f} s  "
            ratio_text = f"x{old / new:,.0f}" if old is not None else f"> x{options.timeout / new:,.0f}"
            print(f"  k={count:2}   baseline {old_text}   grammar {new:9.5f} s   {ratio_text}")

        if options.no_verdicts:
            return
        fixtures = sorted((REPO / "tests" / "data").glob("*/*.xml"))
        fixtures = [f for f in fixtures if f.name != "malformed.xml"]
        valid_editions = sorted((REPO / "tests" / "data" / "valid").glob("*.xml"))
        checked = documents + _mutants(folder, 3 * len(documents), 13, sources=documents + valid_editions) + fixtures
        start = time.perf_counter()
        results = {
            "jing, baseline": verdicts(baseline, "jing", checked),
            "jing, grammar": verdicts(RNG, "jing", checked),
            "lxml, grammar": verdicts(RNG, "lxml", checked),
        }
        print(f"\nverdicts on {len(checked)} files ({len(documents)} random documents, {3 * len(documents)} mutants, "
              f"{len(fixtures)} tests/data files), {time.perf_counter() - start:.1f} s")
        for label, result in results.items():
            print(f"  {label:<16} {result.count(True):5} valid {result.count(False):5} invalid")
        same = len({tuple(r) for r in results.values()}) == 1
        print(f"  identical verdicts: {'yes' if same else 'NO'}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
