"""`--force` over a hand-edited edition keeps the editor's file beside it and says where."""
from __future__ import annotations

import hashlib
import json

from click.testing import CliRunner

from conftest import REPO
from tei_tools import serialize
from tei_tools.cli import cli
from tei_tools.convert import convert_files

SOURCE = REPO / "tests" / "data" / "sources" / "book_plain_no_credit.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def backup_name(data: bytes) -> str:
    return f"{SOURCE.stem}.xml.bak-{hashlib.sha256(data).hexdigest()[:16]}"


def backups(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("*.bak-*"))


def converted(tmp_path):
    out = tmp_path / "editions"
    assert run("convert", str(SOURCE), "-o", str(out)).exit_code == 0
    return out, out / f"{SOURCE.stem}.xml"


def test_force_keeps_the_edited_file_as_a_backup_and_says_where(tmp_path):
    out, edition = converted(tmp_path)
    edited = edition.read_bytes().replace(b"</body>", b"<!-- checked against the print edition --></body>")
    edition.write_bytes(edited)
    refused = run("convert", str(SOURCE), "-o", str(out))
    assert refused.exit_code == 1 and "use --force to replace it" in refused.stderr and backups(out) == []
    forced = run("convert", str(SOURCE), "-o", str(out), "--force", "-q")  # said even with --quiet
    assert forced.exit_code == 0
    backup = out / backup_name(edited)
    assert forced.stderr.strip() == (f"tei-tools: kept the hand-edited {edition.name} as {backup} before "
                                     "replacing it (--force)")
    assert backup.read_bytes() == edited and serialize.is_untouched(edition.read_bytes()) is True
    assert backups(out) == [backup.name]


def test_forcing_the_same_edit_again_keeps_one_backup_and_a_new_edit_another(tmp_path):
    out, edition = converted(tmp_path)
    first = edition.read_bytes().replace(b"</body>", b"<!-- first --></body>")
    second = edition.read_bytes().replace(b"</body>", b"<!-- second --></body>")
    for edited in (first, first, second):
        edition.write_bytes(edited)
        assert run("convert", str(SOURCE), "-o", str(out), "--force").exit_code == 0
    assert backups(out) == sorted([backup_name(first), backup_name(second)])
    assert (out / backup_name(first)).read_bytes() == first and (out / backup_name(second)).read_bytes() == second


def test_an_earlier_file_under_the_backup_name_is_never_overwritten(tmp_path):
    out, edition = converted(tmp_path)
    edited = edition.read_bytes().replace(b"</body>", b"<!-- edited --></body>")
    edition.write_bytes(edited)
    squatter = out / backup_name(edited)
    squatter.write_bytes(b"someone else's file")
    result = convert_files([SOURCE], out, force=True)[0]
    assert squatter.read_bytes() == b"someone else's file"
    assert result.backup == out / f"{squatter.name}-2" and result.backup.read_bytes() == edited
    edition.write_bytes(edited)  # the same edit forced again is not kept twice
    assert convert_files([SOURCE], out, force=True)[0].backup == result.backup
    assert backups(out) == [squatter.name, result.backup.name]


def test_an_edition_without_a_digest_is_refused_then_kept_when_forced(tmp_path):
    out, edition = converted(tmp_path)
    foreign = b'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><!-- not ours --></TEI>\n'
    edition.write_bytes(foreign)
    assert convert_files([SOURCE], out)[0].status == "refused" and edition.read_bytes() == foreign
    report = json.loads(run("convert", str(SOURCE), "-o", str(out), "--force", "--format", "json").stdout)["results"]
    assert report[0]["status"] == "written" and report[0]["backup"] == str(out / backup_name(foreign))
    assert (out / backup_name(foreign)).read_bytes() == foreign


def test_an_untouched_edition_is_regenerated_without_a_backup(tmp_path):
    out, edition = converted(tmp_path)
    result = convert_files([SOURCE], out, force=True)[0]
    assert result.status in ("written", "unchanged") and result.backup is None and backups(out) == []
    assert not list(out.glob("*.xml.bak-*")) and sorted(p.name for p in out.glob("*.xml")) == [
        f"{SOURCE.stem}.xml", "persons.xml"]


def test_build_force_keeps_backups_too(tmp_path):
    seeds, editions = tmp_path / "seeds", tmp_path / "editions"
    seeds.mkdir()
    (seeds / SOURCE.name).write_bytes(SOURCE.read_bytes())
    args = ["build", "--seeds", str(seeds), "--editions", str(editions), "--site", str(tmp_path / "site")]
    assert run(*args).exit_code == 0
    edition = editions / f"{SOURCE.stem}.xml"
    edited = edition.read_bytes().replace(b"</body>", b"<!-- edited --></body>")
    edition.write_bytes(edited)
    kept = run(*args)
    assert kept.exit_code == 0 and "kept" in kept.stderr and edition.read_bytes() == edited
    forced = run(*args, "--force")
    assert forced.exit_code == 0 and f"as {editions / backup_name(edited)}" in forced.stderr
    assert (editions / backup_name(edited)).read_bytes() == edited
