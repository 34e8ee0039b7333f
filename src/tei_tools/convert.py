"""Plain-text source -> TEI edition: read, annotate, serialize, write safely.

`convert_files` is what `tei-tools convert` and `tei-tools build` call; `convert_text` is the
pure core for notebooks and tests. A source that cannot be read produces a one-line
`SourceError` and no output file; an edition edited by a person since tei-tools wrote it is
never overwritten without `force`, and with `force` it is kept beside as `<stem>.xml.bak-<digest>`.
Runs that share a personography take turns (`tei_tools.locking`); every write is atomic
(`tei_tools.atomic`).

Many sources convert in parallel (`jobs`, tei_tools.batch) with the same editions, byte for
byte, as one at a time. Each source goes through two steps:

1. `prepare_text`, in a worker: read, cut into blocks, dates and quotations found, persons
   recognised against the personography *as it was when the batch began* (every worker gets
   the same bytes of it, loaded once per worker), so that what a worker finds does not depend
   on which worker it is or what else it has converted;
   The worker also writes the edition (`draft_edition`), each person the personography
   already knows under its id and each new person under a stand-in id, since only step 2 can
   give those;
2. in this process, one source at a time in the order given: the new persons get their ids
   (`person_ids`: matched against the people earlier sources of the batch added, else added,
   with an id made from the name and numbered past the ids already taken), the stand-ins are
   replaced by them in the draft's bytes (`finish_draft`), and the edition is sealed and written.

Replacing ids in bytes gives what serializing with the ids would give: only a transcript's
speakers (tei_tools.annotate.speakers) and two names marked over the same words depend on which
names share an id, so where such a draft's ids join two people its stand-ins kept apart, or where
a stand-in could be mistaken for the source's own text, the document is serialized here instead. Ids depend only on
the starting personography and the order of the sources, never on timing. One source at a time
(`convert_text`) is exactly these steps in a row.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from tei_tools import readers, serialize, source_text
from tei_tools.annotate import Annotations, add_spans, annotate_alone, annotate_together
from tei_tools.annotate.persons import Recognition, person_ids
from tei_tools.annotate.speakers import has_turns
from tei_tools.atomic import create_atomically, flush_to_disk, write_atomically
from tei_tools.batch import BatchReport, Document as BatchDocument, Outcome, ProgressCallback, run_batch
from tei_tools.locking import holding_lock_on
from tei_tools.model import Document, Omission, Repair, iter_blocks
from tei_tools.personography import PersonIndex, Personography
from tei_tools.resources import schema_dir


SIDECAR_SUFFIXES = (".json", ".toml")
SIDECAR_KEYS = {"title", "authors", "author", "publisher", "pub_place", "date", "date_text", "series",
                "source_url", "url", "licence", "license", "language", "edition_authority", "calendar"}
CALENDAR_KEYS = {"julian-until"}  # "calendar": {"julian-until": "1918-02-13"}: earlier days are Old Style
PERSONOGRAPHY_NAME = "persons.xml"
# Above this size a source is refused unless the caller lifts the limit (--max-size): conversion
# keeps a source and its annotations in memory, about 100 times the file's size.
DEFAULT_MAX_SIZE = 20_000_000


class SourceError(Exception):
    """A source that cannot be converted; str() is the one-line message for the user."""


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


# ---------------------------------------------------------------- reading sources


def read_source(path: Path, encoding: str = "utf-8", max_size: int | None = DEFAULT_MAX_SIZE) -> str:
    """The source's text, decoded (a UTF-8/16/32 byte-order mark wins over `encoding`) with line
    endings as LF; SourceError if unusable. Characters XML cannot hold are left for `convert_text`
    to repair (and declare). Sources are only ever read."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if max_size and size > max_size:
            raise SourceError(f"{path}: {_megabytes(size)} is more than the {_megabytes(max_size)} a source may have; "
                              "pass --max-size 0 (no limit) to convert it anyway")
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = source_text.decode(data, encoding)
    except source_text.DecodingError as exc:
        raise SourceError(f"{path}: {exc}") from None
    if not text.strip():
        raise SourceError(f"{path}: is empty")
    return text


def _megabytes(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} kB" if size >= 1000 else f"{size} bytes"


def read_sidecar(source: Path) -> dict[str, object]:
    """Metadata the text cannot give, from <stem>.json or <stem>.toml beside the source."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = source.with_suffix(suffix)
        if sidecar.is_file():
            return _parse_sidecar(sidecar)
    return {}


def _parse_sidecar(sidecar: Path) -> dict[str, object]:
    try:
        text = sidecar.read_text(encoding="utf-8")
        if sidecar.suffix == ".json":
            data = json.loads(text)
        else:
            data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise SourceError(f"{sidecar}: unreadable metadata sidecar: {exc}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{sidecar}: a metadata sidecar must be a table/object of keys")
    unknown = sorted(set(data) - SIDECAR_KEYS)
    if unknown:
        raise SourceError(f"{sidecar}: unknown metadata key(s) {', '.join(unknown)}; "
                          f"known: {', '.join(sorted(SIDECAR_KEYS))}")
    return data


def apply_sidecar(doc: Document, data: dict[str, object]) -> None:
    meta = doc.meta
    authors = data.get("authors", data.get("author"))
    if authors:
        meta.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
    for key in ("title", "publisher", "pub_place", "series", "source_url", "language"):
        if key in data:
            setattr(meta, key, str(data[key]))
    if "url" in data:
        meta.source_url = str(data["url"])
    if "licence" in data or "license" in data:
        meta.licence = str(data.get("licence", data.get("license")))
    if "date" in data:
        meta.date = str(data["date"])
        meta.date_text = str(data.get("date_text", data["date"]))
    if "edition_authority" in data:
        meta.extra["edition_authority"] = str(data["edition_authority"])
    if "calendar" in data:
        meta.julian_until = _julian_until(data["calendar"])


def _julian_until(calendar: object) -> str:
    """The sidecar's "calendar" table: {"julian-until": "YYYY-MM-DD"}, checked."""
    from tei_tools.calendars import is_valid, parse_iso_day

    if not isinstance(calendar, dict) or set(calendar) - CALENDAR_KEYS:
        raise SourceError('sidecar key "calendar" must be a table such as {"julian-until": "1918-02-13"}; '
                          f"known keys: {', '.join(sorted(CALENDAR_KEYS))}")
    value = str(calendar.get("julian-until", ""))
    day = parse_iso_day(value)
    if not value or day is None or len(value) != 10 or not is_valid(day.year, day.month, day.day):
        raise SourceError(f'sidecar "calendar": "julian-until" must be a day written YYYY-MM-DD, not {value!r}')
    return value


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
# that none is the start of another, and made of what an XML attribute holds unescaped.
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


@holding_lock_on(_personography_file)  # one run at a time from loading the personography to writing it
def convert_files(sources: Iterable[Path], out_dir: Path, *, kind: str | None = None, encoding: str = "utf-8",
                  force: bool = False, personography: Path | None = None,
                  on_result: Callable[[ConversionResult], None] | None = None,
                  max_size: int | None = DEFAULT_MAX_SIZE, jobs: int | None = 1, executor: str = "local",
                  scheduler: str | None = None, progress: ProgressCallback | None = None,
                  on_batch: Callable[[BatchReport], None] | None = None) -> list[ConversionResult]:
    """Convert each source into out_dir/<stem>.xml; one bad source does not stop the others.

    Sources larger than `max_size` bytes are refused (None or 0: no limit). Another run converting
    into the same personography is waited for (a message on stderr says so). `jobs`, `executor`,
    `scheduler`: where the sources are read and annotated (tei_tools.batch; jobs None: one
    worker per core); the editions are the same wherever. `on_result` gets each result in the
    order of `sources`; `progress` (done, total, bytes) as sources are read; `on_batch` the
    batch's figures.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    persons, persons_path = load_personography(out_dir, personography)
    before = persons.to_bytes()
    href = schema_href_for(out_dir)
    sources = [Path(source) for source in sources]
    results: list[ConversionResult] = []

    def finish(number: int, document: BatchDocument, outcome: Outcome) -> Outcome:
        result = _convert_one(sources[number], out_dir, persons, kind, encoding, force, href, max_size, persons_path,
                              prepared=outcome)
        results.append(result)
        if on_result:
            on_result(result)
        return Outcome(None, failed=result.status == "failed")

    job = ConvertJob(before, kind, encoding, max_size, href)
    report = run_batch(job, sources, jobs=jobs, executor=executor, scheduler=scheduler, progress=progress,
                       consume=finish, local_state=_ConvertState(persons.baseline, job.drafts_allowed))
    if on_batch:
        on_batch(report)
    flush_to_disk()  # the editions, written without a flush each
    after = persons.to_bytes()
    if after != before or not persons_path.exists():
        persons_path.parent.mkdir(parents=True, exist_ok=True)  # --personography people/new.xml
        write_atomically(persons_path, after)
    return results


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

    # converting costs about 4 s per MB of source on one core: workers pay for their start
    # (about a second) from a fifth of a MB on
    min_parallel_bytes = 200_000

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
        if prepared is None:
            text = read_source(source, encoding, max_size)
            doc, data, counts = convert_text(text, source.name, persons, kind=kind,
                                             sidecar=read_sidecar(source), schema_href=href)
        else:
            done = _prepared_or_raise(prepared)
            if isinstance(done, Draft):
                kind_found, data, counts, omissions = _finish_drafted(done, source, persons, kind, encoding, href)
            else:
                doc, data, counts = finish_text(done, persons, href)
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
    if prepared is None or not isinstance(prepared.value, Draft):
        kind_found, omissions = doc.kind, doc.omissions
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
