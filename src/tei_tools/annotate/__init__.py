"""Annotators: each returns spans over the unchanged text of a document's blocks.

`annotate` runs them all and adds their spans to the blocks; it never edits text, so the
serializer's output keeps every word of the source whatever an annotator does.

For a batch it runs in two phases (tei_tools.convert): `annotate_alone` does everything that
needs only the document and the personography as the batch began (in parallel workers);
`annotate_together` then, one document at a time in the batch's order, gives the persons their
ids and adds every annotator's spans, in the same order as `annotate`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    return Annotations(recognise(blocks, known, doc.source_name), annotate_dates(blocks), annotate_quotes(blocks))


def annotate_together(doc: Document, found: Annotations, personography: "Personography") -> dict[str, int]:
    """Phase 2: the persons' ids (new people added to `personography`), then every span added."""
    from tei_tools.annotate.persons import reconcile

    blocks = doc.blocks()
    results = {
        "persons": reconcile(found.recognition, personography),
        "dates": found.dates,
        "quotations": found.quotations,
    }
    for spans_per_block in results.values():
        for block, spans in zip(blocks, spans_per_block):
            block.spans.extend(spans)
    return {name: sum(map(len, spans)) for name, spans in results.items()}
