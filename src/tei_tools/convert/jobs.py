"""Step 1 of a conversion as per-document work for tei_tools.batch (see tei_tools.convert)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from tei_tools.batch import Document as BatchDocument, Outcome
from tei_tools.convert.drafts import STAND_IN, draft_edition
from tei_tools.convert.outputs import _Unforeseen, _first_line
from tei_tools.convert.pipeline import prepare_text
from tei_tools.convert.sources import DEFAULT_MAX_SIZE, SourceError, read_sidecar, read_source
from tei_tools.personography import PersonIndex, Personography


@dataclass(frozen=True)
class ConvertJob:
    """Step 1 of each source (see the module's docstring) for tei_tools.batch. Every worker
    recognises persons against `personography`, the bytes of the personography when the batch
    began, parsed once per worker."""

    personography: bytes = b""
    kind: str | None = None
    encoding: str = "utf-8"
    max_size: int | None = DEFAULT_MAX_SIZE
    schema_href: str | None = None

    # What workers must save to be worth starting (tei_tools.batch.runs_here): converting costs
    # about 2.1 s per MB of source on one core (0.48 MB/s on 150 generated sources); a worker's
    # setup (the personography, a warm-up loading the word lists) costs what this process pays
    # for the same on its first source, so it does not count against the workers.
    seconds_per_mb = 2.1
    setup_seconds = 0.0

    def key(self):
        return ("convert", hashlib.sha256(self.personography).hexdigest())

    @property
    def drafts_allowed(self) -> bool:
        """Workers write drafts unless a stand-in id could be mistaken for one of the personography's."""
        return STAND_IN.encode() not in self.personography

    def setup(self) -> "_ConvertState":
        known = (Personography.from_bytes(self.personography, "<the batch's personography>") if self.personography
                 else Personography.empty()).baseline
        # the word lists and tables load on first use: once per worker, here, not in a document
        prepare_text(_WARM_UP, "warm-up.txt", known)
        return _ConvertState(known, self.drafts_allowed)

    def run(self, state: "_ConvertState", documents: list[BatchDocument]) -> list[Outcome]:
        return [self._one(state, document) for document in documents]

    def _one(self, state: "_ConvertState", document: BatchDocument) -> Outcome:
        given, location = document.path, document.location
        try:
            text = read_source(location, self.encoding, self.max_size)
            prepared = prepare_text(text, given.name, state.known, kind=self.kind, sidecar=read_sidecar(location))
            return Outcome((draft_edition(prepared, self.schema_href) if state.drafts else None) or prepared)
        except SourceError as exc:  # named as the user named the file, wherever the worker read it
            message = str(exc)
            if message.startswith(str(location.parent)):
                message = str(given.parent / message[len(str(location.parent)):].lstrip("/\\"))
            return Outcome(SourceError(message), failed=True)
        except Exception as exc:  # a bug on an unforeseen input: said in the parent's words
            return Outcome(_Unforeseen(f"{type(exc).__name__}: {_first_line(exc)}"), failed=True)


@dataclass(frozen=True)
class _ConvertState:
    known: PersonIndex  # the personography as the batch began
    drafts: bool  # write drafts (ConvertJob.drafts_allowed)


_WARM_UP = ("A short text\n\nOn 3 May 1901 Anna Smith wrote to Dr. John Brown: “Come soon.” "
            "He came in June.\n")

