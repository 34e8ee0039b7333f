"""Annotators: each returns spans over the unchanged text of a document's blocks.

`annotate` runs them all and adds their spans to the blocks; it never edits text, so the
serializer's output keeps every word of the source whatever an annotator does.

For a batch it runs in two phases (tei_tools.convert): `annotate_alone` does everything that
needs only the document and the personography as the batch began (in parallel workers);
`annotate_together` then, one document at a time in the batch's order, gives the persons their
ids and adds every annotator's spans, in the same order as `annotate`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from tei_tools.model import Document, Span

if TYPE_CHECKING:
    from tei_tools.annotate.persons import Recognition
    from tei_tools.personography import PersonIndex, Personography


@dataclass
class Annotations:
    """What the annotators found in one document on its own (picklable): the persons recognised
    (ids still to be given) and the other annotators' spans, per block."""

    recognition: "Recognition"
    dates: list[list[Span]]
    quotations: list[list[Span]]


def annotate(doc: Document, personography: "Personography") -> dict[str, int]:
    """Add person, date and quotation spans to every block; return the count of each."""
    return annotate_together(doc, annotate_alone(doc, personography.baseline), personography)


def annotate_alone(doc: Document, known: "PersonIndex") -> Annotations:
    """Phase 1, read-only: `known` is the personography as the batch began (its baseline)."""
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.annotate.persons import recognise
    from tei_tools.annotate.quotes import annotate_quotes

    blocks = doc.blocks()
    dates = annotate_dates(blocks, julian_until=doc.meta.julian_until or None)
    return Annotations(recognise(blocks, known, doc.source_name), dates, annotate_quotes(blocks))


def annotate_together(doc: Document, found: Annotations, personography: "Personography") -> dict[str, int]:
    """Phase 2: the persons' ids (new people added to `personography`), then every span added."""
    from tei_tools.annotate.persons import person_ids

    return add_spans(doc, found, person_ids(found.recognition, personography))


def add_spans(doc: Document, found: Annotations, ids: Sequence[str]) -> dict[str, int]:
    """Every annotator's spans added to the blocks, persons' under `ids` (one per person found)."""
    from tei_tools.annotate.persons import person_spans
    from tei_tools.annotate.speakers import ascribe_turns

    blocks = doc.blocks()
    results = {
        "persons": person_spans(found.recognition, ids),
        "dates": found.dates,
        "quotations": found.quotations,
    }
    results["persons"] = _without_names_in_dates_or_places(blocks, results["persons"], results["dates"])
    for spans_per_block in results.values():
        for block, spans in zip(blocks, spans_per_block):
            block.spans.extend(spans)
    ascribe_turns(doc)  # a transcript's turns: who speaks, from the names just marked
    return {name: sum(map(len, spans)) for name, spans in results.items()}


def _without_names_in_dates_or_places(blocks, persons, dates):
    """A name inside a date ("Sunday Ev. Jan. 13th") or on a place a reader marked (a dateline's
    "Bertram House") is not a person's name; TEI allows no persName inside a date either."""
    kept = []
    for block, names, found in zip(blocks, persons, dates):
        places = [(s.start, s.end) for s in block.spans if s.tag == "placeName"]
        if not places and not found:
            kept.append(names)
            continue
        starts = [date.start for date in found]  # dates never overlap: sorted by start, bisect
        kept.append([name for name in names
                     if not _inside(name, found, starts)
                     and not any(name.start < end and start < name.end for start, end in places)])
    return kept


def _inside(name, dates, starts) -> bool:
    index = bisect.bisect_right(starts, name.start) - 1
    return index >= 0 and name.end <= dates[index].end
