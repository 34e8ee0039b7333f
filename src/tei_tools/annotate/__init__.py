"""Annotators: each returns spans over the unchanged text of a document's blocks.

`annotate` runs them all and adds their spans to the blocks; it never edits text, so the
serializer's output keeps every word of the source whatever an annotator does.
"""
from __future__ import annotations

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
        "dates": annotate_dates(blocks),
        "quotations": annotate_quotes(blocks),
    }
    for spans_per_block in results.values():
        for block, spans in zip(blocks, spans_per_block):
            block.spans.extend(spans)
    return {name: sum(map(len, found)) for name, found in results.items()}
