"""One source to its edition in memory: read, annotate, serialize (see tei_tools.convert)."""
from __future__ import annotations

from dataclasses import dataclass

from tei_tools import readers, serialize, source_text
from tei_tools.annotate import Annotations, annotate_alone, annotate_together
from tei_tools.convert.sources import SourceError, apply_sidecar
from tei_tools.model import Document, Repair, iter_blocks
from tei_tools.personography import PersonIndex, Personography


# ---------------------------------------------------------------- converting


def convert_text(text: str, name: str, personography: Personography, *, kind: str | None = None,
                 sidecar: dict[str, object] | None = None,
                 schema_href: str | None = None) -> tuple[Document, bytes, dict[str, int]]:
    """Read, annotate and serialize one source text; adds new people to `personography`."""
    prepared = prepare_text(text, name, personography.baseline, kind=kind, sidecar=sidecar)
    return finish_text(prepared, personography, schema_href)


@dataclass
class Prepared:
    """A source as far as it can go on its own (picklable): cut into blocks and annotated, its
    persons recognised but not yet given ids."""

    doc: Document
    annotations: Annotations


def prepare_text(text: str, name: str, known: PersonIndex, *, kind: str | None = None,
                 sidecar: dict[str, object] | None = None) -> Prepared:
    """Step 1 (read-only): `known` is the personography as the batch began (its baseline)."""
    text, repairs = source_text.repair(text)  # characters XML cannot hold, replaced one for one
    doc = readers.read(text, name, kind)
    if repairs:
        doc.omissions = sorted(doc.omissions + repairs, key=lambda omitted: omitted.offset)
    _require_body_text(doc, name)
    _normalise_metadata_date(doc)
    if sidecar:
        apply_sidecar(doc, sidecar)
    return Prepared(doc, annotate_alone(doc, known))


def finish_text(prepared: Prepared, personography: Personography,
                schema_href: str | None = None) -> tuple[Document, bytes, dict[str, int]]:
    """Step 2, in the batch's order: persons' ids (new people added to `personography`), TEI."""
    counts = annotate_together(prepared.doc, prepared.annotations, personography)
    return prepared.doc, serialize.to_bytes(prepared.doc, schema_href), counts


# A new person's id as a worker writes it, until step 2 gives the real one: of one width, so

def _require_body_text(doc: Document, name: str) -> None:
    """TEI needs a body with something in it; a source with no text for one is refused, not faked."""
    if any(True for _ in iter_blocks(doc.body)):
        return
    left_out = sorted({o.reason for o in doc.omissions if not isinstance(o, Repair)})
    why = f" (all it has was left out: {', '.join(left_out)})" if left_out else ""
    raise SourceError(f"{name}: has no text to encode{why}")


def _normalise_metadata_date(doc: Document) -> None:
    """A date the reader found as text (an episode's date line) gets its ISO value."""
    from tei_tools.annotate.dates import annotate_dates
    from tei_tools.model import Block

    if doc.meta.date_text and not doc.meta.date:
        spans = annotate_dates([Block("date", doc.meta.date_text, 0)])[0]
        if spans and spans[0].attr("when"):
            doc.meta.date = spans[0].attr("when")

