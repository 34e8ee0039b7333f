"""What a user relies on when tei-tools writes an edition: it never overwrites what a person
wrote, and a write that fails leaves the old file as it was, with nothing half-written beside it.

Black-box: through `convert_files` and the CLI, with failures injected at the file-system calls
any implementation must make (io.open for the bytes, os.replace/os.rename for the rename).
"""
from __future__ import annotations

import errno
import io
import os
from pathlib import Path

from click.testing import CliRunner

from tei_tools.cli import cli
from tei_tools.convert import convert_files

SOURCE = ("A Short Account\n\nAnna Petrova came to Vienna in May 1913 and stayed.\n\n"
          "She wrote to her brother, “The city is loud,” and went on working.\n")
HAND_WRITTEN = b"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Mine</title></titleStmt>
<publicationStmt><p>Typed by an editor, not by tei-tools.</p></publicationStmt><sourceDesc><p>-</p></sourceDesc>
</fileDesc></teiHeader><text><body><p>Two weeks of an editor's work.</p></body></text></TEI>
"""


def source(folder: Path, text: str = SOURCE) -> Path:
    path = folder / "account.txt"
    path.write_text(text, encoding="utf-8")
    return path


def convert(path: Path, out: Path, **options):
    return convert_files([path], out, personography=out / "persons.xml", **options)[0]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# ---------------------------------------------------------------- someone else's file


def test_an_existing_edition_without_a_digest_is_refused_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "account.xml").write_bytes(HAND_WRITTEN)
    result = convert(source(tmp_path), out)
    assert result.status == "refused" and not result.ok
    assert "--force" in result.message and "\n" not in result.message
    assert (out / "account.xml").read_bytes() == HAND_WRITTEN


def test_the_command_refuses_a_file_it_did_not_write_with_exit_1(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "account.xml").write_bytes(HAND_WRITTEN)
    runner = CliRunner()
    refused = runner.invoke(cli, ["convert", str(source(tmp_path)), "-o", str(out)])
    assert refused.exit_code == 1 and "--force" in refused.stderr and "Traceback" not in refused.output
    assert (out / "account.xml").read_bytes() == HAND_WRITTEN
    forced = runner.invoke(cli, ["convert", str(source(tmp_path)), "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert b"Anna" in (out / "account.xml").read_bytes()


def test_a_digest_that_no_longer_matches_is_refused_too(tmp_path):
    out = tmp_path / "out"
    assert convert(source(tmp_path), out).status == "written"
    edited = (out / "account.xml").read_bytes().replace(b"stayed.", b"stayed. [Checked against the letter.]")
    (out / "account.xml").write_bytes(edited)
    assert convert(source(tmp_path, SOURCE + "\nA new paragraph.\n"), out).status == "refused"
    assert (out / "account.xml").read_bytes() == edited


def test_an_untouched_edition_is_regenerated_when_its_source_changes(tmp_path):
    out = tmp_path / "out"
    convert(source(tmp_path), out)
    result = convert(source(tmp_path, SOURCE + "\nA new paragraph.\n"), out)
    assert result.status == "written"
    assert b"A new paragraph." in (out / "account.xml").read_bytes()


# ---------------------------------------------------------------- failures while writing


class DiskFull:
    """io.open replacement: writes to files in `folder` stop half-way with ENOSPC."""

    def __init__(self, folder: Path):
        self.folder, self.real_open, self.failures = folder.resolve(), io.open, 0

    def __call__(self, file, mode="r", *args, **kwargs):
        stream = self.real_open(file, mode, *args, **kwargs)
        if "w" in mode or "a" in mode or "+" in mode:
            name = stream.name if isinstance(stream.name, str) else os.readlink(f"/proc/self/fd/{stream.name}")
            if Path(name).resolve().parent == self.folder:
                return _HalfWriter(stream, self)
        return stream


class _HalfWriter:
    def __init__(self, stream, owner: DiskFull):
        self._stream, self._owner = stream, owner

    def write(self, data):
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        self._owner.failures += 1
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stream.close()
        return False

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _attempt(path: Path, out: Path):
    """Convert, accepting either an exception or a failed result: what matters is the disk."""
    try:
        return convert(path, out)
    except OSError:
        return None


def _edition_and_stray_files(out: Path, before: dict[str, bytes]) -> set[str]:
    """Files that appeared since `before` and concern the edition (a temporary copy, a part file)."""
    return {name for name in files_in(out).keys() - before.keys() if "account" in name}


def test_a_write_that_fails_half_way_leaves_the_old_edition_byte_identical(tmp_path, monkeypatch):
    out = tmp_path / "out"
    convert(source(tmp_path), out)
    before = files_in(out)
    disk = DiskFull(out)
    monkeypatch.setattr(io, "open", disk)
    result = _attempt(source(tmp_path, SOURCE + "\nA new paragraph.\n"), out)
    monkeypatch.undo()
    assert disk.failures, "the write was not attempted through the file system"
    assert result is None or not result.ok
    assert (out / "account.xml").read_bytes() == before["account.xml"]
    assert _edition_and_stray_files(out, before) == set()


def test_a_rename_that_fails_leaves_the_old_edition_and_no_temporary_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    convert(source(tmp_path), out)
    before = files_in(out)

    def refuse(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    result = _attempt(source(tmp_path, SOURCE + "\nA new paragraph.\n"), out)
    monkeypatch.undo()
    assert result is None or not result.ok
    assert (out / "account.xml").read_bytes() == before["account.xml"]
    assert _edition_and_stray_files(out, before) == set()


def test_a_new_edition_that_cannot_be_written_leaves_no_file_at_all(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(io, "open", DiskFull(out))
    _attempt(source(tmp_path), out)
    monkeypatch.undo()
    assert _edition_and_stray_files(out, {}) == set()


def test_written_editions_are_readable_by_others(tmp_path):
    out = tmp_path / "out"
    convert(source(tmp_path), out)
    mode = (out / "account.xml").stat().st_mode
    assert mode & 0o444 == 0o444 and mode & 0o111 == 0  # readable by all, executable by none
