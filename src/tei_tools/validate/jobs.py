"""Validation as per-document work for `tei_tools.batch`: the same messages, in the same order,
whatever the number of workers or the executor."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from tei_tools.batch import Document, Outcome
from tei_tools.validate.messages import Message, UnusableInputError
from tei_tools.validate.validator import ENGINES, Validator


@dataclass(frozen=True)
class ValidateJob:
    """Validate against one schema; see Validator for the options."""

    schema: str = "project"
    tei_all: str | None = None
    personography: str | None = None
    engine: str = "auto"

    def __post_init__(self):
        if self.engine not in ENGINES:
            raise UnusableInputError(f"unknown engine {self.engine!r}: use one of {', '.join(ENGINES)}")

    fatal_errors = (UnusableInputError,)
    # A validating worker needs neither the converter nor the renderer: a fork server started
    # for validation imports only this (a cold `tei-tools validate` starts its workers sooner).
    preload = ("tei_tools.batch", "lxml.etree", "tei_tools.validate")
    # The outcomes are small and nothing consumes them in order: the chunks with the biggest
    # files go out first, so that no worker is left alone with them at the end.
    largest_first = True

    # What workers must save to be worth starting (tei_tools.batch.runs_here), measured on 2
    # cores: lxml and Saxon validate a MB in about 0.2 s; jing starts a JVM and compiles the
    # schema once per chunk (about a second, as long in a worker as here) and then checks a MB
    # in about 0.07 s, so that up to some 13 MB `--jobs 2` was slower than one process.
    setup_seconds = 0.2

    @property
    def seconds_per_mb(self) -> float:
        try:
            uses_jing = Validator.engine_for(self.schema, self.tei_all, self.engine) == "jing"
        except UnusableInputError:
            uses_jing = False  # the batch will say what is wrong, wherever it runs
        return 0.07 if uses_jing else 0.2

    def key(self):
        return ("validate", self.schema, self.tei_all, self.personography, self.engine)

    def setup(self) -> Validator:
        return Validator(self.schema, tei_all=Path(self.tei_all) if self.tei_all else None,
                         personography=Path(self.personography) if self.personography else None, engine=self.engine)

    def chunk_size(self, count: int, jobs: int) -> int | None:
        # jing costs one JVM (and one tei_all compilation) per chunk: one chunk per worker
        try:
            uses_jing = Validator.engine_for(self.schema, self.tei_all, self.engine) == "jing"
        except UnusableInputError:
            return None  # the workers will say what is wrong
        return max(1, -(-count // jobs)) if uses_jing else None

    def run(self, validator: Validator, documents: list[Document]) -> list[Outcome]:
        results = validator.validate_each([d.location for d in documents])
        outcomes = []
        for document, messages in zip(documents, results):
            given = str(document.path)
            messages = [m if m.path == given else dataclasses.replace(m, path=given) for m in messages]
            outcomes.append(Outcome(messages, failed=any(m.severity == "error" for m in messages)))
        return outcomes


def messages_of(paths: list[Path], outcomes: list[Outcome]) -> list[Message]:
    """All messages of a batch, document by document; an unexpected problem becomes a message too."""
    found: list[Message] = []
    for path, outcome in zip(paths, outcomes):
        if outcome.error:
            found.append(Message(str(path), 1, 1, "error", f"tei-tools could not validate this file: {outcome.error}"))
        found += outcome.value or []
    return found
