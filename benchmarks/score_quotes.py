"""How well the quotation annotator agrees with the gold, seed by seed, and how long it takes.

Inline quotations: each seed is cut into blocks at blank lines (as the readers do), the annotator
runs over all of them, and its spans are compared with the gold's non-block quotes inside the
gold's scope with the shared scorer's own matching (../shared/eval/score.py): strict = overlapping
spans whose texts agree after trimming quotation marks, punctuation and whitespace.

Block quotations: `find_block_quotations` runs over the paragraphs of each book excerpt (page
furniture such as advertisement lines left out, as the book reader does) and the flagged
paragraphs are compared with the gold's block quotes. Biographies and transcripts are not
narratives: their block quotations are found by their readers, not here.

With --reader the blocks are those of the project's reader (tei_tools.readers) instead, which is
what the converter annotates.

    python benchmarks/score_quotes.py [--gold-dir DIR] [--runs 5] [--reader] [--verbose] [SOURCE ...]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from pathlib import Path
from types import ModuleType

from tei_tools.annotate.quotes import annotate_quotes, find_block_quotations
from tei_tools.model import Block

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Lines a literary website puts between paragraphs; they are not the excerpt's paragraphs.
FURNITURE = re.compile(r"(?i)(article|story) continues (after|below) (the )?advertisement|advertisement")
SECTION_BREAK = re.compile(r"(\*\s*){1,3}|#|§")
RULE = re.compile(r"[_\-=*~]{3,}")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["shared_score"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def split_blocks(text: str) -> list[Block]:
    """Paragraphs between blank lines, with their offsets, surrounding whitespace left out."""
    blocks, position = [], 0
    for separator in [*BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        piece = text[position:end]
        if piece.strip():
            blocks.append(Block("p", piece.strip(), position + piece.index(piece.strip())))
        position = separator.end() if separator else end
    return blocks


def reader_blocks(source: str, name: str) -> list[Block]:
    from tei_tools import readers  # imported late: the benchmark also runs while readers change

    return readers.read(source, name).blocks()


def narrative_paragraphs(blocks: list[Block]) -> list[list[Block]]:
    """A book excerpt's body as the book reader sees it: sections of paragraphs up to the rule
    line before the back matter, furniture left out."""
    sections: list[list[Block]] = [[]]
    for block in blocks:
        if RULE.fullmatch(block.text):
            break
        if SECTION_BREAK.fullmatch(block.text):
            sections.append([])
        elif not FURNITURE.fullmatch(block.text):
            sections[-1].append(block)
    return [s for s in sections if s]


def prf(matched: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = matched / predicted if predicted else 1.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def in_scope(start: int, end: int, scope: list[list[int]]) -> bool:
    return any(start < hi and end > lo for lo, hi in scope)


def score_inline(scorer: ModuleType, source: str, gold: dict, blocks: list[Block]) -> dict:
    spans = annotate_quotes(blocks)
    predicted = []
    for block, found in zip(blocks, spans):
        for span in found:
            start, end = block.offset + span.start, block.offset + span.end
            if in_scope(start, end, gold["scope"]):
                mention = scorer.Mention("quote", start, end, source[start:end])
                mention.src, mention.src_text = (start, end), source[start:end]
                predicted.append(mention)
    golds = [scorer.Mention("quote", q["start"], q["end"], q["text"]) for q in gold.get("quote", [])
             if not q.get("block") and in_scope(q["start"], q["end"], gold["scope"])]
    pairs = scorer.match(golds, predicted, True)
    hit_gold, hit_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    return {"matched": len(pairs), "predicted": len(predicted), "gold": len(golds),
            "missed": [golds[k] for k in range(len(golds)) if k not in hit_gold],
            "spurious": [predicted[k] for k in range(len(predicted)) if k not in hit_pred]}


def score_blocks(source: str, gold: dict, blocks: list[Block]) -> dict:
    flagged: list[Block] = []
    for section in narrative_paragraphs(blocks):
        flags = find_block_quotations([b.text for b in section])
        flagged += [b for b, flag in zip(section, flags) if flag]
    flagged = [b for b in flagged if in_scope(b.offset, b.end, gold["scope"])]
    gold_spans = {(q["start"], q["end"]) for q in gold.get("quote", []) if q.get("block")
                  and in_scope(q["start"], q["end"], gold["scope"])}
    predicted = {(b.offset, b.end) for b in flagged}
    return {"matched": len(predicted & gold_spans), "predicted": len(predicted), "gold": len(gold_spans),
            "missed": sorted(gold_spans - predicted), "spurious": sorted(predicted - gold_spans)}


def best_time_ms(runs: int, step) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def is_book_excerpt(source: str) -> bool:
    """Advertisement lines, a rule line and a copyright credit: a literary website's excerpt."""
    return bool(re.search(r"(?im)^(article|story) continues (after|below) advertisement$", source)) \
        and bool(re.search(r"(?i)copyright", source))


def report(name: str, label: str, figures: dict) -> str:
    p, r, f = prf(figures["matched"], figures["predicted"], figures["gold"])
    return (f"{name:<28}{label:<8}gold {figures['gold']:>4}  pred {figures['predicted']:>4}  "
            f"matched {figures['matched']:>4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--gold-dir", type=Path, default=SHARED / "eval" / "gold")
    ap.add_argument("--runs", type=int, default=5, help="timing: best of N runs")
    ap.add_argument("--reader", action="store_true", help="cut blocks with the project's readers")
    ap.add_argument("--verbose", "-v", action="store_true", help="list missed and spurious quotes")
    args = ap.parse_args(argv)
    scorer_path = args.gold_dir.parent / "score.py"
    if not args.gold_dir.is_dir() or not scorer_path.is_file():
        print(f"no gold: {args.gold_dir} (and {scorer_path}) not found", file=sys.stderr)
        return 2
    scorer = load_scorer(scorer_path)
    sources = args.sources or sorted((REPO / "seeds").glob("*.txt"))
    for path in sources:
        gold_path = args.gold_dir / f"{path.stem}.json"
        if not gold_path.is_file():
            print(f"{path.name}: no gold file, skipped")
            continue
        source = path.read_bytes().decode("utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        blocks = reader_blocks(source, path.name) if args.reader else split_blocks(source)
        inline = score_inline(scorer, source, gold, blocks)
        elapsed = best_time_ms(args.runs, lambda: annotate_quotes(blocks))
        print(report(path.name, "inline", inline)
              + f"  ({elapsed:.1f} ms for {len(source.encode()) / 1024:.0f} kB)")
        lines = []
        if is_book_excerpt(source):
            block = score_blocks(source, gold, blocks)
            print(report(path.name, "block", block))
            lines += [f"    missed block [{s}:{e}] {source[s:e][:70]!r}" for s, e in block["missed"]]
            lines += [f"    spurious block [{s}:{e}] {source[s:e][:70]!r}" for s, e in block["spurious"]]
        if args.verbose:
            lines += [f"    missed [{m.start}:{m.end}] {m.text[:90]!r}" for m in inline["missed"]]
            lines += [f"    spurious [{m.start}:{m.end}] {m.text[:90]!r}" for m in inline["spurious"]]
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
