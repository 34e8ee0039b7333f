"""Plain-text source -> TEI edition: read, annotate, serialize, write safely.

`convert_files` is what `tei-tools convert` and `tei-tools build` call; `convert_text` is the
pure core for notebooks and tests. A source that cannot be read produces a one-line
`SourceError` and no output file; an edition edited by a person since tei-tools wrote it is
never overwritten without `force`.
"""
from __future__ import annotations

import json
import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from tei_tools import readers, serialize
from tei_tools.annotate import annotate
from tei_tools.model import Document, Omission
from tei_tools.personography import Personography
from tei_tools.resources import schema_dir


SIDECAR_SUFFIXES = (".json", ".toml")
SIDECAR_KEYS = {"title", "authors", "author", "publisher", "pub_place", "date", "date_text", "series",
                "source_url", "url", "licence", "license", "language", "edition_authority"}
PERSONOGRAPHY_NAME = "persons.xml"


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

    @property
    def ok(self) -> bool:
        return self.status in ("written", "unchanged")

    def as_json(self) -> dict:
        return {"source": str(self.source), "output": str(self.output) if self.output else None,
                "status": self.status, "message": self.message, "kind": self.kind, "counts": self.counts,
                "omissions": [{"line": o.line, "reason": o.reason, "text": o.text} for o in self.omissions]}


# ---------------------------------------------------------------- reading sources


def read_source(path: Path, encoding: str = "utf-8") -> str:
    """The source's text with a BOM removed and line endings as LF; SourceError if unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, not a text file") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise SourceError(f"{path}: looks like a binary file (it contains NUL bytes), not plain text")
    try:
        text = data.decode(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                          "give the right --encoding, e.g. --encoding cp1252") from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{path}: is empty")
    return text


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


# ---------------------------------------------------------------- converting


def convert_text(text: str, name: str, personography: Personography, *, kind: str | None = None,
                 sidecar: dict[str, object] | None = None,
                 schema_href: str | None = None) -> tuple[Document, bytes, dict[str, int]]:
    """Read, annotate and serialize one source text; adds new people to `personography`."""
    doc = readers.read(text, name, kind)
    _normalise_metadata_date(doc)
    if sidecar:
        apply_sidecar(doc, sidecar)
    counts = annotate(doc, personography)
    return doc, serialize.to_bytes(doc, schema_href), counts


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


def default_personography() -> Path | None:
    """The personography shipped with tei-tools (the seeds' people), if any."""
    from tei_tools.resources import data_dir

    for candidate in (data_dir() / PERSONOGRAPHY_NAME,
                      Path(__file__).resolve().parents[2] / "editions" / PERSONOGRAPHY_NAME):
        if candidate.is_file():
            return candidate
    return None


def load_personography(out_dir: Path, explicit: Path | None) -> tuple[Personography, Path]:
    """(personography, where to save it): the explicit file, else DIR/persons.xml, else the shipped one."""
    target = explicit or out_dir / PERSONOGRAPHY_NAME
    start = target if target.is_file() else (None if explicit else default_personography())
    try:
        return (Personography.load(start) if start else Personography.empty()), target
    except Exception as exc:  # an unreadable personography stops the whole batch
        raise SourceError(f"{start}: cannot read the personography: {exc}") from None


def convert_files(sources: Iterable[Path], out_dir: Path, *, kind: str | None = None, encoding: str = "utf-8",
                  force: bool = False, personography: Path | None = None,
                  on_result: Callable[[ConversionResult], None] | None = None) -> list[ConversionResult]:
    """Convert each source into out_dir/<stem>.xml; one bad source does not stop the others."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    persons, persons_path = load_personography(out_dir, personography)
    before = persons.to_bytes()
    href = schema_href_for(out_dir)
    results = []
    for source in sources:
        result = _convert_one(Path(source), out_dir, persons, kind, encoding, force, href)
        results.append(result)
        if on_result:
            on_result(result)
    after = persons.to_bytes()
    if after != before or not persons_path.exists():
        persons_path.parent.mkdir(parents=True, exist_ok=True)  # --personography people/new.xml
        write_atomically(persons_path, after)
    return results


def _convert_one(source: Path, out_dir: Path, persons: Personography, kind: str | None, encoding: str,
                 force: bool, href: str) -> ConversionResult:
    output = out_dir / f"{source.stem}.xml"
    try:
        text = read_source(source, encoding)
        doc, data, counts = convert_text(text, source.name, persons, kind=kind,
                                         sidecar=read_sidecar(source), schema_href=href)
    except SourceError as exc:
        return ConversionResult(source, None, "failed", str(exc))
    result = ConversionResult(source, output, "written", kind=doc.kind, counts=counts, omissions=doc.omissions)
    if output.exists():
        existing = output.read_bytes()
        if existing == data:
            result.status = "unchanged"
            return result
        if not force and serialize.is_untouched(existing) is not True:
            result.status, result.output = "refused", output
            result.message = (f"{output}: edited since tei-tools wrote it (or not written by tei-tools); "
                              "not overwritten; use --force to replace it")
            return result
    write_atomically(output, data)
    return result


def write_atomically(path: Path, data: bytes) -> None:
    """Never leave a half-written file: write a temporary file beside it, then rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes 0600 files; editions are for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
