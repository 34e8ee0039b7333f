"""Annotators: each returns spans over the unchanged text of a document's blocks.

`annotate` runs them all and adds their spans to the blocks; it never edits text, so the
serializer's output keeps every word of the source whatever an annotator does.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from tei_tools.model import Document

if TYPE_CHECKING:
    from tei_tools.personography import Personography


def annotate(doc: Document, personography: "Personography") -> dict[str, int]:
    """Add person, date and quotation spans to every block; return the count of each."""
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.annotate.persons import annotate_persons
    from tei_tools.annotate.quotes import annotate_quotes

    blocks = doc.blocks()
    results = {
        "persons": annotate_persons(blocks, personography, doc.source_name),
        "dates": annotate_dates(blocks, julian_until=doc.meta.julian_until or None),
        "quotations": annotate_quotes(blocks),
    }
    results["persons"] = _without_names_in_dates_or_places(blocks, results["persons"], results["dates"])
    for spans_per_block in results.values():
        for block, spans in zip(blocks, spans_per_block):
            block.spans.extend(spans)
    return {name: sum(map(len, found)) for name, found in results.items()}


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
