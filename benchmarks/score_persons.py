"""How well the person annotator agrees with the gold persons, per seed, and how long it takes.

Each seed is cut into blocks at blank lines (or by the project's readers with --reader), the
blocks go through `annotate_persons` with the shipped personography (or an empty one with
--empty, which approximates documents about people nobody listed), and the spans are compared
with the gold JSON within its scope the way ../shared/eval/score.py compares persons:
- strict: spans overlap and their texts agree after trimming surrounding whitespace, quotation
  marks, punctuation and a possessive 's (one-to-one, largest overlap first);
- coreference: over the leniently matched mentions, pairs of mentions with the same gold id
  against pairs with the same predicted @ref (precision and recall of pairs).

The time is the processor time of `annotate_persons` alone (best of --runs), which a busy
machine disturbs less than the wall clock.

    python benchmarks/score_persons.py [--gold DIR] [--empty] [--reader] [--show] [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from tei_tools.annotate.persons import annotate_persons
from tei_tools.model import Block
from tei_tools.personography import Personography

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "gold"
SHIPPED = REPO / "editions" / "persons.xml"
BLANK_LINE = re.compile(r"\n[ \t]*\n")
QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f"} | {c: "'" for c in "\u2018\u2019\u02bc"})
EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def paragraph_blocks(source: str) -> list[Block]:
    """Paragraphs separated by blank lines, each with its offset into the source."""
    blocks, position = [], 0
    for match in [*BLANK_LINE.finditer(source), None]:
        end = match.start() if match else len(source)
        chunk = source[position:end]
        if chunk.strip():
            offset = position + chunk.index(chunk.strip())
            blocks.append(Block("p", chunk.strip(), offset))
        position = match.end() if match else end
    return blocks


def reader_blocks(source: str, name: str) -> list[Block]:
    from tei_tools import readers

    return readers.read(source, name).blocks()


def strict_key(text: str) -> str:
    """As score.py: no surrounding punctuation, quotation marks or possessive 's."""
    text, previous = re.sub(r"\s+", " ", text.translate(QUOTES)), None
    while text != previous:
        previous, text = text, re.sub(r"'s$", "", EDGE.sub("", text))
    return text


def predictions(source: str, blocks: list[Block], personography: Personography) -> list[dict]:
    found = []
    for block, spans in zip(blocks, annotate_persons(blocks, personography)):
        for span in spans:
            start, end = block.offset + span.start, block.offset + span.end
            found.append({"start": start, "end": end, "text": source[start:end], "ref": span.attr("ref")})
    return found


def match(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0 and (not strict or strict_key(g["text"]) == strict_key(p["text"])):
                candidates.append((-overlap, abs(g["start"] - p["start"]), gi, pi))
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


def evaluate(source: str, gold_data: dict, pred: list[dict]) -> dict:
    scope = gold_data.get("scope", [[0, len(source)]])
    in_scope = lambda m: any(m["start"] < hi and m["end"] > lo for lo, hi in scope)  # noqa: E731
    gold = [g for g in gold_data["persName"] if in_scope(g)]
    pred = [p for p in pred if in_scope(p)]
    strict = match(gold, pred, True)
    lenient = match(gold, pred, False)
    precision, recall = ratio(len(strict), len(pred)), ratio(len(strict), len(gold))
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    gold_pairs = linked_pairs(gold[g]["person"] for g, _ in lenient)
    pred_pairs = linked_pairs(pred[p]["ref"] for _, p in lenient)
    common = linked_pairs((gold[g]["person"], pred[p]["ref"]) for g, p in lenient)
    hit_gold, hit_pred = {g for g, _ in strict}, {p for _, p in strict}
    return {"gold": len(gold), "predicted": len(pred), "matched": len(strict),
            "precision": precision, "recall": recall, "f1": f1,
            "coref_precision": ratio(common, pred_pairs), "coref_recall": ratio(common, gold_pairs),
            "missed": [g for n, g in enumerate(gold) if n not in hit_gold],
            "spurious": [p for n, p in enumerate(pred) if n not in hit_pred],
            "split": _identity_errors(gold, pred, lenient)}


def _identity_errors(gold: list[dict], pred: list[dict], lenient: list[tuple[int, int]]) -> list[str]:
    """Gold ids spread over several refs, and refs shared by several gold ids."""
    refs_of, ids_of = {}, {}
    for g, p in lenient:
        refs_of.setdefault(gold[g]["person"], Counter())[pred[p]["ref"]] += 1
        ids_of.setdefault(pred[p]["ref"], Counter())[gold[g]["person"]] += 1
    lines = [f"gold {pid} -> {dict(refs)}" for pid, refs in sorted(refs_of.items()) if len(refs) > 1]
    lines += [f"ref {ref} <- {dict(ids)}" for ref, ids in sorted(ids_of.items()) if len(ids) > 1]
    return lines


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold JSON files")
    parser.add_argument("--empty", action="store_true", help="start from an empty personography")
    parser.add_argument("--reader", action="store_true", help="cut blocks with the project's readers")
    parser.add_argument("--show", action="store_true", help="list missed and spurious mentions")
    parser.add_argument("--runs", type=int, default=1, help="time the annotator this many times (best)")
    args = parser.parse_args(argv)
    if not args.gold.is_dir():
        print(f"no gold folder at {args.gold}", file=sys.stderr)
        return 2
    print(f"personography: {'empty' if args.empty else SHIPPED.relative_to(REPO)}")
    print(f"{'seed':<24}{'gold':>5}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7} |{'coref P':>8}{'coref R':>8} |{'cpu ms':>7}")
    for gold_path in sorted(args.gold.glob("*.json")):
        gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
        source_path = REPO / "seeds" / gold_data.get("source", gold_path.stem + ".txt")
        source = source_path.read_text(encoding="utf-8")
        blocks = reader_blocks(source, source_path.name) if args.reader else paragraph_blocks(source)
        best, pred = float("inf"), []
        for _ in range(max(1, args.runs)):
            personography = Personography.empty() if args.empty else Personography.load(SHIPPED)
            started = time.process_time()
            pred = predictions(source, blocks, personography)
            best = min(best, time.process_time() - started)
        r = evaluate(source, gold_data, pred)
        print(f"{gold_path.stem:<24}{r['gold']:>5}{r['predicted']:>6}{fmt(r['precision']):>7}{fmt(r['recall']):>7}"
              f"{fmt(r['f1']):>7} |{fmt(r['coref_precision']):>8}{fmt(r['coref_recall']):>8} |{best * 1000:>7.0f}")
        if args.show:
            for label, items in (("missed", r["missed"]), ("spurious", r["spurious"])):
                for m in items:
                    context = source[max(0, m["start"] - 40):m["end"] + 30].replace("\n", " ")
                    print(f"    {label:<8} {m['text']!r:<28} ...{context}...")
            for line in r["split"]:
                print(f"    identity {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
