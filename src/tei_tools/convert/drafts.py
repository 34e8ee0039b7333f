"""Editions written by the workers before the persons have their ids (see tei_tools.convert)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tei_tools import serialize
from tei_tools.annotate import add_spans
from tei_tools.annotate.persons import Recognition
from tei_tools.annotate.speakers import has_turns
from tei_tools.convert.pipeline import Prepared
from tei_tools.model import Omission


STAND_IN = "tei-tools-id-to-come-"
_STAND_IN_PATTERN = re.compile(re.escape(STAND_IN).encode() + rb"([0-9]{7})")


def _stand_in(person: int) -> str:
    return f"{STAND_IN}{person:07d}"


@dataclass
class Draft:
    """A source as its edition, written by a worker with a stand-in id for each new person
    (picklable, and much smaller than the Document it replaces)."""

    recognition: Recognition  # its persons only: the mentions are in `data` already
    data: bytes  # unsealed (serialize.unsealed_bytes): seal() comes after the ids are in
    mentioned: frozenset[int]  # the persons (indexes into recognition.persons) the edition marks
    compares_ids: bool  # whether the edition depends on which of its persons share an id
    kind: str
    counts: dict[str, int]
    omissions: list[Omission]


def draft_edition(prepared: Prepared, schema_href: str | None = None) -> Draft | None:
    """Step 1's edition (see the module's docstring); None where the document's own text holds
    something a stand-in id could be mistaken for (it is then serialized in step 2)."""
    doc = prepared.doc
    if any(STAND_IN in text for text in (doc.source_text, doc.source_name, repr(doc.meta), schema_href or "")):
        return None
    recognition = prepared.annotations.recognition
    ids = [person.known_id or _stand_in(number) for number, person in enumerate(recognition.persons)]
    counts = add_spans(doc, prepared.annotations, ids)
    places = [(mention.block, mention.start, mention.end) for mention in recognition.mentions]
    compares_ids = has_turns(doc) or len(set(places)) != len(places)
    # the mentions stay here: a third of what would travel back, and nothing step 2 needs
    persons_only = Recognition(recognition.document, recognition.block_count, [], recognition.persons)
    return Draft(persons_only, serialize.unsealed_bytes(doc, schema_href),
                 frozenset(mention.person for mention in recognition.mentions), compares_ids, doc.kind, counts,
                 doc.omissions)


def finish_draft(draft: Draft, ids: list[str]) -> bytes | None:
    """The draft sealed with the persons' final `ids` (from `person_ids`); None where the draft
    compares ids and two people it kept apart are one now, so that it is not the edition."""
    if draft.compares_ids:
        persons = draft.recognition.persons
        drafted = {persons[number].known_id or _stand_in(number) for number in draft.mentioned}
        if len(drafted) != len({ids[number] for number in draft.mentioned}):
            return None
    data = _STAND_IN_PATTERN.sub(lambda match: ids[int(match[1])].encode(), draft.data)
    return serialize.seal(data)

