"""Date F1 and value agreement on diaries: the journals in tests/data/sources/ against their gold.

The gold (tests/data/gold/journal_*.json) lists every date a reader of the diary knows, in text
order, with its value: entry headings of every common form ("Saturday 25", "1st.", "Sunday, Jan.
9th", "Ambleside, 22nd."), month and year headings, entries across a year's end, a wrong weekday,
"inst." and "ult.", days named in an entry's narrative. Each gold text is found in the source in
order, which gives its offsets. Each journal is read as the converter reads it (the journal reader,
then the annotators' date step), and scored as benchmarks/score_dates.py scores the seeds:
- strict: spans overlap and their texts agree after trimming whitespace and punctuation;
- values: among strict matches, the share whose values (as written) equal the gold's;
- also the share of the gold's dates fixed by a heading that get cert="high".

    python benchmarks/score_journal_dates.py [--show] [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from score_dates import as_written, match, normalised, show_differences

from tei_tools import readers
from tei_tools.annotate.dates import annotate_dates

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tests" / "data" / "sources"
GOLD = REPO / "tests" / "data" / "gold"


def gold_with_offsets(source: str, gold: list[dict]) -> list[dict]:
    """The gold dates with start/end: each text found after the previous one."""
    placed, position = [], 0
    for item in gold:
        start = source.find(item["text"], position)
        if start < 0:
            raise ValueError(f"gold text {item['text']!r} not found after offset {position}")
        placed.append({**item, "start": start, "end": start + len(item["text"])})
        position = start + len(item["text"])
    return placed


def predictions(source: str, name: str) -> list[dict]:
    blocks = readers.read(source, name, "journal").blocks()
    found = []
    for block, spans in zip(blocks, annotate_dates(blocks)):
        for span in spans:
            start, end = block.offset + span.start, block.offset + span.end
            found.append({"start": start, "end": end, "text": source[start:end], **dict(span.attrs)})
    return found


def score(source_path: Path, gold_path: Path, show: bool = False, runs: int = 1) -> dict:
    source = source_path.read_text(encoding="utf-8")
    gold = gold_with_offsets(source, json.loads(gold_path.read_text(encoding="utf-8"))["date"])
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        pred = predictions(source, source_path.name)
        timings.append(time.perf_counter() - began)
    pairs = match(gold, pred)
    agree = [normalised(gold[gi]) == normalised(as_written(pred[pi])) for gi, pi in pairs]
    precision = len(pairs) / len(pred) if pred else 0.0
    recall = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if show:
        show_differences(gold, pred, pairs, agree)
    return {"journal": source_path.stem, "gold": len(gold), "predicted": len(pred), "matched": len(pairs),
            "precision": precision, "recall": recall, "f1": f1, "agree": sum(agree),
            "values": sum(agree) / len(agree) if agree else 0.0, "ms": min(timings) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list misses, spurious dates and value disagreements")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    totals = {"gold": 0, "predicted": 0, "matched": 0, "agree": 0}
    for gold_path in sorted(GOLD.glob("journal_*.json")):
        print(f"{gold_path.stem}:")
        r = score(SOURCES / f"{gold_path.stem}.txt", gold_path, args.show, args.runs)
        for key in totals:
            totals[key] += r[key]
        print(f"  gold {r['gold']:3}  predicted {r['predicted']:3}  matched {r['matched']:3}   "
              f"strict P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}   "
              f"values {r['values']:.3f} ({r['agree']}/{r['matched']})   {r['ms']:.1f} ms")
    p = totals["matched"] / totals["predicted"] if totals["predicted"] else 0.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"all journals (micro): gold {totals['gold']}  strict P {p:.3f} R {r:.3f} F1 {f1:.3f}   "
          f"values {totals['agree'] / totals['matched'] if totals['matched'] else 0:.3f} "
          f"({totals['agree']}/{totals['matched']})")


if __name__ == "__main__":
    main()
