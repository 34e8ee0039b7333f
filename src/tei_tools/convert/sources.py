"""Reading a source and its metadata sidecar: one-line SourceError for what cannot be used."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

from tei_tools import source_text
from tei_tools.model import Document


SIDECAR_SUFFIXES = (".json", ".toml")
SIDECAR_KEYS = {"title", "authors", "author", "publisher", "pub_place", "date", "date_text", "series",
                "source_url", "url", "licence", "license", "language", "edition_authority", "calendar"}
CALENDAR_KEYS = {"julian-until"}  # "calendar": {"julian-until": "1918-02-13"}: earlier days are Old Style
# Above this size a source is refused unless the caller lifts the limit (--max-size): conversion
# keeps a source and its annotations in memory, about 100 times the file's size.
DEFAULT_MAX_SIZE = 20_000_000


class SourceError(Exception):
    """A source that cannot be converted; str() is the one-line message for the user."""



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

