"""Writing one source's edition: where, never over a hand-edited one, never half.

A result says what happened (written, unchanged, refused, failed); an edition edited by a person
since tei-tools wrote it is kept unless forced, and then kept beside as a backup."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from tei_tools import serialize
from tei_tools.annotate import add_spans
from tei_tools.annotate.persons import person_ids
from tei_tools.atomic import create_atomically, write_atomically
from tei_tools.batch import Outcome
from tei_tools.convert.drafts import Draft, finish_draft
from tei_tools.convert.pipeline import Prepared, convert_text, finish_text, prepare_text
from tei_tools.convert.sources import DEFAULT_MAX_SIZE, SourceError, read_sidecar, read_source
from tei_tools.model import Omission
from tei_tools.personography import Personography
from tei_tools.resources import schema_dir


PERSONOGRAPHY_NAME = "persons.xml"


@dataclass
class ConversionResult:
    source: Path
    output: Path | None
    status: str  # written | unchanged | refused | failed
    message: str = ""
    kind: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    omissions: list[Omission] = field(default_factory=list)
    backup: Path | None = None  # where --force kept the hand-edited edition it replaced

    @property
    def ok(self) -> bool:
        return self.status in ("written", "unchanged")

    def as_json(self) -> dict:
        return {"source": str(self.source), "output": str(self.output) if self.output else None,
                "status": self.status, "message": self.message, "kind": self.kind, "counts": self.counts,
                "omissions": [{"line": o.line, "reason": o.reason, "text": o.text} for o in self.omissions],
                "backup": str(self.backup) if self.backup else None}


def schema_href_for(out_dir: Path) -> str:
    """The project schema as the editions' xml-model PIs point at it, relative to the output.

    A project's own schema/ folder (beside or above the output folder) wins over the copy inside
    the installed package, so editions come out the same whether tei-tools runs from a checkout or
    an installed wheel.
    """
    out = out_dir.resolve()
    local = next((folder / "schema" for folder in (out, *out.parents)
                  if (folder / "schema" / "tei-tools.rng").is_file()), None)
    target = (local or schema_dir()) / "tei-tools"
    try:
        return Path(os.path.relpath(target, out)).as_posix()
    except ValueError:  # another drive on Windows
        return target.as_uri()


def load_personography(out_dir: Path, explicit: Path | None) -> tuple[Personography, Path]:
    """(personography, where to save it): the explicit file, else DIR/persons.xml; a file that
    is not there yet starts empty. tei-tools ships no people of its own: a project's
    personography holds only the people its editors and its own documents bring."""
    target = explicit or out_dir / PERSONOGRAPHY_NAME
    try:
        return (Personography.load(target) if target.is_file() else Personography.empty()), target
    except Exception as exc:  # an unreadable personography stops the whole batch
        raise SourceError(f"{target}: cannot read the personography: {exc}") from None


def _personography_file(out_dir: Path, personography: Path | None = None, **_) -> Path:
    """The personography a batch writes (as `load_personography` chooses it): what its lock guards."""
    return Path(personography) if personography else Path(out_dir) / PERSONOGRAPHY_NAME


class _Unforeseen(Exception):
    """A worker met a bug converting a source; str() is 'TypeName: first line'."""


def _prepared_or_raise(outcome: Outcome) -> Prepared | Draft:
    if isinstance(outcome.value, (Prepared, Draft)):
        return outcome.value
    if isinstance(outcome.value, SourceError):
        raise outcome.value
    raise _Unforeseen(str(outcome.value) if outcome.value is not None else (outcome.error or "no result"))


def _convert_one(source: Path, out_dir: Path, persons: Personography, kind: str | None, encoding: str,
                 force: bool, href: str, max_size: int | None = DEFAULT_MAX_SIZE,
                 persons_path: Path | None = None, prepared: Outcome | None = None) -> ConversionResult:
    """One source: read and convert it here, or finish what a worker `prepared`; then write."""
    output = out_dir / f"{source.stem}.xml"
    try:
        _check_output_is_not_an_input(source, output, persons_path)
        kind_found, data, counts, omissions = _edition(source, persons, kind, encoding, href, max_size, prepared)
    except SourceError as exc:
        message = str(exc)
        if message.startswith(f"{source.name}: "):  # convert_text knows the name only: give the path
            message = f"{source}{message[len(source.name):]}"
        return ConversionResult(source, None, "failed", message)
    except _Unforeseen as exc:
        return ConversionResult(source, None, "failed", f"{source}: tei-tools could not convert it "
                                f"({exc}); please report this")
    except Exception as exc:  # a bug on an unforeseen input: report it, convert the rest of the batch
        return ConversionResult(source, None, "failed", f"{source}: tei-tools could not convert it "
                                f"({type(exc).__name__}: {_first_line(exc)}); please report this")
    result = ConversionResult(source, output, "written", kind=kind_found, counts=counts, omissions=omissions)
    try:
        if output.exists():
            existing = output.read_bytes()
            data = serialize.keep_generation_date(existing, data)  # a rebuild on another day changes nothing
            if existing == data:
                result.status = "unchanged"
                return result
            if serialize.is_untouched(existing) is not True:
                if not force:
                    result.status = "refused"
                    result.message = (f"{output}: edited since tei-tools wrote it (or not written by tei-tools); "
                                      "not overwritten; use --force to replace it (the edited file is then "
                                      "kept as a backup beside it)")
                    return result
                result.backup = keep_backup(output, existing)
        # no flush per edition (it cost ~11 ms each, in the parent, one after another): the rename is
        # as atomic, so a killed run leaves every edition whole, and convert_files flushes them all
        # at once before it writes the personography (which, and every backup, is flushed itself)
        write_atomically(output, data, durable=False)
    except OSError as exc:
        result.status, result.message = "failed", f"{output}: cannot write: {exc.strerror or exc}"
    return result


def _edition(source: Path, persons: Personography, kind: str | None, encoding: str, href: str,
             max_size: int | None, prepared: Outcome | None) -> tuple[str, bytes, dict[str, int], list[Omission]]:
    """(kind, edition, counts, omissions): converted here, or finished from what a worker `prepared`."""
    if prepared is None:
        text = read_source(source, encoding, max_size)
        doc, data, counts = convert_text(text, source.name, persons, kind=kind, sidecar=read_sidecar(source),
                                         schema_href=href)
        return doc.kind, data, counts, doc.omissions
    done = _prepared_or_raise(prepared)
    if isinstance(done, Draft):
        return _finish_drafted(done, source, persons, kind, encoding, href)
    doc, data, counts = finish_text(done, persons, href)
    return doc.kind, data, counts, doc.omissions


def _finish_drafted(draft: Draft, source: Path, persons: Personography, kind: str | None, encoding: str,
                    href: str) -> tuple[str, bytes, dict[str, int], list[Omission]]:
    """Step 2 for a worker's draft: (kind, edition, counts, omissions). Where the ids join two of
    the draft's people (finish_draft), the source is read and serialized again here, with the
    same ids: a worker's reading, against the same starting personography, is this one's."""
    ids = person_ids(draft.recognition, persons)
    data = finish_draft(draft, ids)
    if data is None:
        text = read_source(source, encoding, max_size=None)
        again = prepare_text(text, source.name, persons.baseline, kind=kind, sidecar=read_sidecar(source))
        add_spans(again.doc, again.annotations, ids)
        data = serialize.to_bytes(again.doc, href)
    return draft.kind, data, draft.counts, draft.omissions


def _check_output_is_not_an_input(source: Path, output: Path, persons_path: Path | None) -> None:
    """An edition must never replace its own source or the personography (a source named persons.txt)."""
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise SourceError(f"{source}: its edition would be written over the source itself; "
                          "choose another output folder (-o)")
    if persons_path is not None and output.resolve() == Path(persons_path).resolve():
        raise SourceError(f"{source}: its edition {output} would replace the personography; rename the source")


def keep_backup(output: Path, existing: bytes) -> Path:
    """Keep a hand-edited edition as <name>.bak-<digest> beside it; never overwrite an earlier backup.

    The name holds the digest of the kept bytes, so the same edited file is kept once however
    often it is forced, and a different one never replaces it.
    """
    backup = output.with_name(f"{output.name}.bak-{hashlib.sha256(existing).hexdigest()[:16]}")
    candidate, number = backup, 1
    while True:
        if candidate.is_file() and candidate.read_bytes() == existing:
            return candidate  # kept already
        try:
            create_atomically(candidate, existing)
            return candidate
        except FileExistsError:  # a different file under this name: never replace it
            number += 1
            candidate = backup.with_name(f"{backup.name}-{number}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else ""

