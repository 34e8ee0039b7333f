"""How well the person annotator agrees with gold persons, how sure its @cert is, and how long it takes.

Two gold sets, both in ../shared/eval:
- the seeds' gold (`gold/`), annotated with the repository's personography `editions/persons.xml`
  (as `tei-tools build` does) or, with --empty, with an empty one (a new project);
- the real letters and journal (`real/texts`, `real/gold`) marked up by public TEI projects,
  always with an empty personography, as `real/run.py` converts them. Their projects keep titles
  inside the name ("Mrs. Dickinson"), so their spans are compared title-blind, as run.py's tbF1.

Each source goes through the project's readers (the blocks `tei-tools convert` annotates) and
`annotate_persons`; the spans are compared with the gold the way ../shared/eval/score.py does:
- strict: spans overlap and their texts agree after trimming quotation marks, punctuation, a
  possessive 's and a roleName at the edge of the name (one-to-one, largest overlap first);
- coreference: over the leniently matched mentions, pairs with the same gold id against pairs
  with the same predicted @ref (precision and recall of pairs).

The @cert table counts, per level, the mentions marked and the share that are right: a right
mention matches a gold mention strictly and is linked right: its @ref is the one most of that gold
person's mentions carry, and that gold person is the one most of the @ref's mentions name.

The time is the processor time of `annotate_persons` alone (best of --runs), which a busy
machine disturbs less than the wall clock; it is printed beside the time `str.split` takes over
the same text in the same run, so figures from different machines compare as ratios.

    python benchmarks/score_persons.py [--empty] [--only NAME ...] [--show] [--runs 3] [--json FILE]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tei_tools import readers
from tei_tools.annotate.names import zipf
from tei_tools.annotate.persons import annotate_persons
from tei_tools.personography import Personography

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_GOLD = SHARED / "eval" / "gold"
REAL = SHARED / "eval" / "real"
SHIPPED = REPO / "editions" / "persons.xml"
CERTS = ("high", "medium", "low")


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def scorer_keys():
    """(strict key, title-blind key) exactly as ../shared/eval/score.py and real/run.py make them."""
    run = _load("score_persons_run", REAL / "run.py")
    _, strict, title_blind = run.load_scorer()
    return strict, title_blind


@dataclass
class Source:
    name: str
    text: str
    gold: dict
    real: bool  # a document of the real set: empty personography, title-blind spans


def sources(only: list[str] | None = None) -> list[Source]:
    found = []
    for gold_path in sorted(SEED_GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (REPO / "seeds" / gold.get("source", gold_path.stem + ".txt")).read_text(encoding="utf-8")
        found.append(Source(gold_path.stem, text, gold, False))
    for gold_path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (REAL / "texts" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        found.append(Source(gold_path.stem, text, gold, True))
    return [s for s in found if not only or s.name in only]


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the name as scored: without a roleName at its edge
    ref: str = ""
    cert: str = ""
    person: str = ""  # gold id


def predictions(source: Source, personography: Personography) -> tuple[list[Mention], float]:
    """The persName spans over the source (offsets into it), and the processor time it took."""
    blocks = readers.read(source.text, source.name + ".txt").blocks()
    started = time.process_time()
    per_block = annotate_persons(blocks, personography)
    elapsed = time.process_time() - started
    found = []
    for block, spans in zip(blocks, per_block):
        roles = [s for s in spans if s.tag == "roleName"]
        for span in spans:
            if span.tag != "persName":
                continue
            start, end = span.start, span.end
            for role in roles:  # a roleName at the edge is not part of the name (score.py)
                if role.start == start and role.end < end:
                    start = role.end
                elif role.end == end and role.start > start:
                    end = role.start
            found.append(Mention(block.offset + start, block.offset + end, block.text[start:end],
                                 span.attr("ref") or "", span.attr("cert") or ""))
    return found, elapsed


def match(gold: list[Mention], pred: list[Mention], key=None) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs of overlapping spans, largest overlap first; with `key`,
    only pairs whose keys are equal (strict)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and (key is None or key(g.text) == key(p.text)):
                candidates.append((-overlap, abs(g.start - p.start), gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def linked_pairs(keys) -> int:
    return sum(n * (n - 1) // 2 for n in Counter(keys).values())


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


@dataclass
class Result:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    common_pairs: int = 0
    seconds: float = 0.0
    split_seconds: float = 0.0
    certs: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0] for c in CERTS})  # [marked, right]
    missed: list[Mention] = field(default_factory=list)
    spurious: list[Mention] = field(default_factory=list)
    wrong_links: list[tuple[Mention, str]] = field(default_factory=list)
    identity: list[str] = field(default_factory=list)

    def add(self, other: "Result") -> None:
        for name in ("gold", "predicted", "matched", "gold_pairs", "predicted_pairs", "common_pairs",
                     "seconds", "split_seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for cert, (marked, right) in other.certs.items():
            self.certs[cert][0] += marked
            self.certs[cert][1] += right

    @property
    def precision(self): return ratio(self.matched, self.predicted)
    @property
    def recall(self): return ratio(self.matched, self.gold)
    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else 0.0
    @property
    def coref_precision(self): return ratio(self.common_pairs, self.predicted_pairs)
    @property
    def coref_recall(self): return ratio(self.common_pairs, self.gold_pairs)


def evaluate(source: Source, pred: list[Mention], key) -> Result:
    scope = source.gold.get("scope", [[0, len(source.text)]])
    in_scope = lambda m: any(m.start < hi and m.end > lo for lo, hi in scope)  # noqa: E731
    gold = [Mention(g["start"], g["end"], g["text"], person=g["person"]) for g in source.gold["persName"]]
    gold = [g for g in gold if in_scope(g)]
    pred = [p for p in pred if in_scope(p)]
    strict = match(gold, pred, key)
    lenient = match(gold, pred)
    result = Result(len(gold), len(pred), len(strict))
    result.gold_pairs = linked_pairs(gold[g].person for g, _ in lenient)
    result.predicted_pairs = linked_pairs(pred[p].ref for _, p in lenient)
    result.common_pairs = linked_pairs((gold[g].person, pred[p].ref) for g, p in lenient)
    # The @ref each gold person mostly gets, and the gold person each @ref mostly names.
    refs_of, persons_of = {}, {}
    for g, p in lenient:
        refs_of.setdefault(gold[g].person, Counter())[pred[p].ref] += 1
        persons_of.setdefault(pred[p].ref, Counter())[gold[g].person] += 1
    main_ref = {person: _most(refs) for person, refs in refs_of.items()}
    main_person = {ref: _most(persons) for ref, persons in persons_of.items()}
    strict_gold = dict((p, g) for g, p in strict)
    for n, mention in enumerate(pred):
        cert = mention.cert if mention.cert in result.certs else "low"
        result.certs[cert][0] += 1
        if n not in strict_gold:
            result.spurious.append(mention)
            continue
        person = gold[strict_gold[n]].person
        if main_ref[person] == mention.ref and main_person[mention.ref] == person:
            result.certs[cert][1] += 1
        else:
            result.wrong_links.append((mention, person))
    hit = {g for g, _ in strict}
    result.missed = [g for n, g in enumerate(gold) if n not in hit]
    result.identity = [f"gold {person} -> {dict(refs)}" for person, refs in sorted(refs_of.items()) if len(refs) > 1]
    result.identity += [f"ref {ref} <- {dict(ps)}" for ref, ps in sorted(persons_of.items()) if len(ps) > 1]
    return result


def _most(counter: Counter) -> str:
    """The most frequent key; ties go to the smallest, so the figure is the same every run."""
    return min(counter, key=lambda k: (-counter[k], k))


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def split_time(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(max(1, runs)):
        started = time.process_time()
        for _ in range(10):
            text.split()
        best = min(best, (time.process_time() - started) / 10)
    return best


def run(selected: list[Source], empty: bool, runs: int, show: bool) -> dict[str, Result]:
    strict, title_blind = scorer_keys()
    zipf("the")  # the word frequency table loads once per process: not part of the first document's time
    results: dict[str, Result] = {}
    print(f"personography for the seeds: {'empty' if empty else SHIPPED.relative_to(REPO)}; "
          f"for the real documents: empty")
    print(f"{'document':<26}{'gold':>5}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7} |{'coref P':>8}{'coref R':>8} |"
          f"{'cpu ms':>8}{'x split':>9}")
    for source in selected:
        best, pred = float("inf"), []
        for _ in range(max(1, runs)):
            personography = Personography.empty() if empty or source.real else Personography.load(SHIPPED)
            pred, seconds = predictions(source, personography)
            best = min(best, seconds)
        result = evaluate(source, pred, title_blind if source.real else strict)
        result.seconds, result.split_seconds = best, split_time(source.text, runs)
        results[source.name] = result
        label = source.name + (" (tb)" if source.real else "")
        print(f"{label:<26}{result.gold:>5}{result.predicted:>6}{fmt(result.precision):>7}{fmt(result.recall):>7}"
              f"{fmt(result.f1):>7} |{fmt(result.coref_precision):>8}{fmt(result.coref_recall):>8} |"
              f"{best * 1000:>8.0f}{best / max(result.split_seconds, 1e-9):>9.0f}")
        if show:
            _show(source, result)
    for group, real in (("seeds", False), ("real", True)):
        total = Result()
        for source in selected:
            if source.real == real:
                total.add(results[source.name])
        if total.gold:
            print(f"{'micro ' + group:<26}{total.gold:>5}{total.predicted:>6}{fmt(total.precision):>7}"
                  f"{fmt(total.recall):>7}{fmt(total.f1):>7} |{fmt(total.coref_precision):>8}"
                  f"{fmt(total.coref_recall):>8} |")
    print_cert_table(results, selected)
    return results


def print_cert_table(results: dict[str, Result], selected: list[Source]) -> None:
    print(f"\n@cert {'':<8}" + "".join(f"{label:>22}" for label in ("seeds", "real", "all")))
    for cert in CERTS:
        cells = []
        for chosen in ((s for s in selected if not s.real), (s for s in selected if s.real), iter(selected)):
            marked = right = 0
            for source in chosen:
                marked += results[source.name].certs[cert][0]
                right += results[source.name].certs[cert][1]
            cells.append(f"{marked:>6} {fmt(ratio(right, marked)):>6} right")
        print(f"{cert:<14}" + "".join(f"{c:>22}" for c in cells))


def _show(source: Source, result: Result) -> None:
    def context(m: Mention) -> str:
        return source.text[max(0, m.start - 45):m.end + 35].replace("\n", " ")
    for label, items in (("missed", result.missed), ("spurious", result.spurious)):
        for m in items:
            extra = f" {m.cert}" if m.cert else ""
            print(f"    {label:<8} {m.text!r:<26}{extra:<7} ...{context(m)}...")
    for m, person in result.wrong_links:
        print(f"    link     {m.text!r:<26} {m.cert:<6} {m.ref.removeprefix('persons.xml#')} (gold {person})"
              f"  ...{context(m)}...")
    for line in result.identity:
        print(f"    identity {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--empty", action="store_true", help="the seeds too start from an empty personography")
    parser.add_argument("--only", nargs="*", help="names of the documents to score (gold file stems)")
    parser.add_argument("--show", action="store_true", help="list missed, spurious and wrongly linked mentions")
    parser.add_argument("--runs", type=int, default=1, help="time the annotator this many times (best)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    if not SEED_GOLD.is_dir():
        print(f"no gold at {SEED_GOLD} (../shared is not beside this clone)", file=sys.stderr)
        return 2
    results = run(sources(args.only), args.empty, args.runs, args.show)
    if args.json:
        figures = {name: {"gold": r.gold, "predicted": r.predicted, "precision": r.precision, "recall": r.recall,
                          "f1": r.f1, "coref_precision": r.coref_precision, "coref_recall": r.coref_recall,
                          "cpu_seconds": r.seconds, "certs": r.certs} for name, r in results.items()}
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
