"""How well the date annotator agrees with the gold dates, per seed, and how long it takes.

Each seed is cut into blocks at blank lines (or by the project's readers with --reader), the
blocks go through `annotate_dates`, and the spans are compared with the gold JSON within its
scope, the way ../shared/eval/score.py compares dates:
- strict: spans overlap and their texts agree after trimming surrounding whitespace,
  quotation marks and punctuation (one-to-one, largest overlap first);
- values: among strict matches, the share whose when/from/to/notBefore/notAfter set equals
  the gold one (from == to counts as when). The gold normalises dates *as written*
  (../shared/eval/GUIDELINES.md: "do not convert Julian to Gregorian"), while an edition's @when
  is always Gregorian and keeps an Old Style reading in @when-custom; so the values compared are
  the ones as written (@when-custom where @datingMethod="#julian"). `gregorian` is the share
  that agrees on @when itself, as ../shared/eval/score.py reads it.

    python benchmarks/score_dates.py [--gold DIR] [--reader] [--show] [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from tei_tools.annotate.dates import annotate_dates
from tei_tools.model import Block

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "gold"
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
EDGE = re.compile(r"^[\s\"'“”‘’.,;:!?()\[\]{}…-]+|[\s\"'“”‘’.,;:!?()\[\]{}…-]+$")


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
    return EDGE.sub("", re.sub(r"\s+", " ", text))


def as_written(values: dict[str, str]) -> dict[str, str]:
    """The values as the text writes them: an Old Style date's Julian reading (@when-custom)."""
    if values.get("datingMethod") != "#julian":
        return values
    return {name[:-len("-custom")]: value for name, value in values.items() if name.endswith("-custom")}


def normalised(values: dict[str, str]) -> dict[str, str]:
    values = {k: v for k, v in values.items() if k in DATE_ATTRS and v}
    if values.keys() == {"from", "to"} and values["from"] == values["to"]:
        return {"when": values["from"]}
    return values


def predictions(source: str, blocks: list[Block]) -> list[dict]:
    found = []
    for block, spans in zip(blocks, annotate_dates(blocks)):
        for span in spans:
            start, end = block.offset + span.start, block.offset + span.end
            found.append({"start": start, "end": end, "text": source[start:end], **dict(span.attrs)})
    return found


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0 and strict_key(g["text"]) == strict_key(p["text"]):
                candidates.append((-overlap, gi, pi))
    pairs, used_gold, used_pred = [], set(), set()
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def show_differences(gold: list[dict], pred: list[dict], pairs: list[tuple[int, int]], agree: list[bool]) -> None:
    """Print the gold dates missed, the predictions that match none, and the values that differ."""
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            print(f"  missed   {g['start']:>7} {g['text']!r} {normalised(g)}")
    for pi, p in enumerate(pred):
        if pi not in matched_pred:
            print(f"  spurious {p['start']:>7} {p['text']!r} {normalised(p)}")
    for (gi, pi), same in zip(pairs, agree):
        if not same:
            print(f"  value    {gold[gi]['start']:>7} {gold[gi]['text']!r} gold {normalised(gold[gi])} "
                  f"got {normalised(as_written(pred[pi]))} cert {pred[pi].get('cert')}")


def score(source_path: Path, gold_path: Path, use_reader: bool, show: bool, runs: int) -> dict:
    source = source_path.read_text(encoding="utf-8")
    gold_data = json.loads(gold_path.read_text(encoding="utf-8"))
    scope = [tuple(r) for r in gold_data.get("scope", [[0, len(source)]])]
    blocks = reader_blocks(source, source_path.name) if use_reader else paragraph_blocks(source)

    def in_scope(item: dict) -> bool:
        return any(s < item["end"] and item["start"] < e for s, e in scope)

    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        pred = [p for p in predictions(source, blocks) if in_scope(p)]
        timings.append(time.perf_counter() - began)
    gold = gold_data.get("date", [])
    pairs = match(gold, pred)
    agree = [normalised(gold[gi]) == normalised(as_written(pred[pi])) for gi, pi in pairs]
    gregorian = [normalised(gold[gi]) == normalised(pred[pi]) for gi, pi in pairs]
    precision = len(pairs) / len(pred) if pred else 0.0
    recall = len(pairs) / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"seed": source_path.stem, "gold": len(gold), "predicted": len(pred), "matched": len(pairs),
              "precision": precision, "recall": recall, "f1": f1,
              "values": sum(agree) / len(agree) if agree else 0.0,
              "gregorian": sum(gregorian) / len(gregorian) if gregorian else 0.0,
              "agree": sum(agree), "old_style": sum(1 for p in pred if p.get("datingMethod")),
              "ms": min(timings) * 1000,
              "kB": len(source.encode()) / 1024}
    if show:
        show_differences(gold, pred, pairs, agree)
        for p in pred:
            if p.get("datingMethod"):
                print(f"  old style {p['start']:>6} {p['text']!r} written {normalised(as_written(p))} "
                      f"Gregorian {normalised(p)}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--reader", action="store_true", help="cut blocks with tei_tools.readers")
    parser.add_argument("--show", action="store_true", help="list misses, spurious dates and value disagreements")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for gold_path in sorted(args.gold.glob("*.json")):
        source_path = REPO / "seeds" / f"{gold_path.stem}.txt"
        if not source_path.is_file():
            continue
        print(f"{gold_path.stem}:")
        r = score(source_path, gold_path, args.reader, args.show, args.runs)
        print(f"  gold {r['gold']:3}  predicted {r['predicted']:3}  matched {r['matched']:3}   "
              f"strict P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}   "
              f"values {r['values']:.3f} ({r['agree']}/{r['matched']}, as written)   "
              f"gregorian {r['gregorian']:.3f} ({r['old_style']} Old Style)   "
              f"annotate {r['ms']:.1f} ms ({r['kB']:.0f} kB)")


if __name__ == "__main__":
    main()
