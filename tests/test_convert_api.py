"""tei_tools.convert as a notebook user or the CLI meets it: sources in any line-ending and BOM,
sidecars in both formats and spellings, where the editions point for their schema, which
personography a batch starts from, and what a batch reports and writes.

Black-box: `read_source`, `convert_text`, `convert_files` and the files they write.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import EDITIONS, REPO
from tei_tools.convert import SourceError, convert_files, convert_text, read_source
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS

T = {"t": TEI_NS}
TEXT = "A Short Account\n\nAnna Petrova came to Vienna in May 1913.\n\nShe stayed.\n"
TRANSCRIPT = REPO / "tests" / "data" / "sources" / "transcript_five_acts.txt"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def edition_of(out: Path, stem: str) -> etree._Element:
    return etree.parse(str(out / f"{stem}.xml")).getroot()


# ---------------------------------------------------------------- sources


@pytest.mark.parametrize("variant", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"),
])
def test_a_bom_and_any_line_endings_give_the_same_edition(tmp_path, variant):
    source = write(tmp_path, "account.txt", variant)
    assert read_source(source) == TEXT
    reference = convert_text(TEXT, "account.txt", Personography.empty())[1]
    assert convert_text(read_source(source), "account.txt", Personography.empty())[1] == reference


def test_a_folder_given_as_a_source_is_a_one_line_error(tmp_path):
    with pytest.raises(SourceError, match="is a directory, not a text file"):
        read_source(tmp_path)
    result = convert_files([tmp_path], tmp_path / "out", personography=tmp_path / "p.xml")[0]
    assert result.status == "failed" and "is a directory" in result.message and result.output is None


def test_an_unknown_encoding_is_named(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    with pytest.raises(SourceError, match="unknown encoding 'klingon'"):
        read_source(source, "klingon")


def test_a_wrong_encoding_names_the_byte_and_the_remedy(tmp_path):
    source = write(tmp_path, "a.txt", "Caf\u00e9".encode("cp1252"))
    with pytest.raises(SourceError) as error:
        read_source(source)
    assert "byte 0xe9 at offset 3" in str(error.value)
    assert str(error.value).endswith("; give the right --encoding, e.g. --encoding cp1252")


def test_binary_files_are_told_by_a_nul_byte_anywhere_with_the_remedy_for_wide_encodings(tmp_path):
    """A NUL byte cannot be carried into XML, so a file holding one (past the first 8 kB too) is
    refused as binary unless it is UTF-16/32 text; the message names that remedy."""
    for name, data in [("a.bin", b"x" * 8191 + b"\x00"), ("b.txt", b"x" * 8192 + b"\x00")]:
        with pytest.raises(SourceError) as error:
            read_source(write(tmp_path, name, data))
        assert str(error.value) == (f"{tmp_path / name}: looks like a binary file (it contains NUL bytes), not plain "
                                    "text; if it is UTF-16 or UTF-32 text without a byte-order mark, give e.g. "
                                    "--encoding utf-16-le")
    assert read_source(write(tmp_path, "c.txt", "x\u00e9".encode("utf-16-le")), "utf-16-le") == "x\u00e9"


def test_json_wins_over_toml_when_both_are_there(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    write(tmp_path, "a.json", '{"title": "From JSON"}')
    write(tmp_path, "a.toml", 'title = "From TOML"\n')
    convert_files([source], tmp_path / "out", personography=tmp_path / "p.xml")
    assert edition_of(tmp_path / "out", "a").xpath("string(//t:titleStmt/t:title[@type='main'])",
                                                   namespaces=T) == "From JSON"


@pytest.mark.parametrize("suffix, content, complaint", [
    (".json", "{not json", "unreadable metadata sidecar"),
    (".toml", "title = ", "unreadable metadata sidecar"),
    (".json", '["a", "list"]', "must be a table/object of keys"),
    (".json", '{"titel": "x", "autor": "y"}', "unknown metadata key(s) autor, titel; known: author, authors, calendar, date, "),
    (".json", b'{"title": "\xff"}', "unreadable metadata sidecar"),
])
def test_a_bad_sidecar_fails_its_source_with_one_line_and_no_edition(tmp_path, suffix, content, complaint):
    source = write(tmp_path, "a.txt", TEXT)
    write(tmp_path, f"a{suffix}", content)
    result = convert_files([source], tmp_path / "out", personography=tmp_path / "p.xml")[0]
    assert result.status == "failed" and complaint in result.message and "\n" not in result.message
    assert f"a{suffix}" in result.message
    assert not (tmp_path / "out" / "a.xml").exists()


def test_an_episode_date_line_gives_the_source_its_iso_date():
    doc, data, _ = convert_text(TRANSCRIPT.read_text(encoding="utf-8"), TRANSCRIPT.name, Personography.empty())
    assert doc.kind == "transcript"
    date = etree.fromstring(data).xpath("//t:sourceDesc//t:date", namespaces=T)
    assert len(date) == 1 and (date[0].get("when"), date[0].text) == ("2023-07-04", "Jul. 4, 2023")


# ---------------------------------------------------------------- where editions point


def test_editions_in_a_project_point_at_its_own_schema_folder(tmp_path):
    project = tmp_path / "project"
    (project / "schema").mkdir(parents=True)
    (project / "schema" / "tei-tools.rng").write_text("<grammar/>", encoding="utf-8")
    source = write(tmp_path, "a.txt", TEXT)
    convert_files([source], project / "editions" / "deep", personography=tmp_path / "p.xml")
    data = (project / "editions" / "deep" / "a.xml").read_bytes()
    assert b'<?xml-model href="../../schema/tei-tools.rng"' in data
    assert b'<?xml-model href="../../schema/tei-tools.sch"' in data


def test_editions_elsewhere_point_at_the_schema_that_ships_with_tei_tools(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    out = tmp_path / "elsewhere"
    convert_files([source], out, personography=tmp_path / "p.xml")
    pi = etree.parse(str(out / "a.xml")).xpath("/processing-instruction('xml-model')")[0]
    target = (out / pi.get("href")).resolve()
    assert target.name == "tei-tools.rng" and target.is_file()


# ---------------------------------------------------------------- the personography of a batch


def shipped_ids() -> set[str]:
    return set(Personography.load(EDITIONS / "persons.xml").ids())


def test_a_new_folder_starts_an_empty_personography_beside_the_editions(tmp_path):
    """Nothing is shipped as known: a new project's persons are only those its own texts name."""
    source = write(tmp_path, "a.txt", TEXT)
    out = tmp_path / "new"
    convert_files([source], out)
    assert (out / "persons.xml").is_file()
    ids = set(Personography.load(out / "persons.xml").ids())
    assert ids and any("petrova" in i for i in ids) and not (shipped_ids() & ids)


def test_a_folder_with_its_own_personography_keeps_using_it(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    out = tmp_path / "own"
    out.mkdir()
    (out / "persons.xml").write_bytes(Personography.empty().to_bytes())
    convert_files([source], out)
    ids = set(Personography.load(out / "persons.xml").ids())
    assert not (shipped_ids() & ids) and any("petrova" in i for i in ids)


def test_an_explicit_personography_is_created_where_asked_and_nothing_beside_the_editions(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    people = tmp_path / "people" / "of the project" / "p.xml"
    convert_files([source], tmp_path / "out", personography=people)
    assert people.is_file() and not (tmp_path / "out" / "persons.xml").exists()
    assert shipped_ids().isdisjoint(Personography.load(people).ids())


def test_an_unreadable_personography_stops_the_batch_with_one_line(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    broken = write(tmp_path, "p.xml", "<listPerson><person")
    with pytest.raises(SourceError) as error:
        convert_files([source], tmp_path / "out", personography=broken)
    assert "cannot read the personography" in str(error.value) and str(broken) in str(error.value)
    assert "\n" not in str(error.value) and not (tmp_path / "out" / "a.xml").exists()


def test_the_personography_is_not_rewritten_when_nobody_new_was_found(tmp_path):
    source = write(tmp_path, "a.txt", TEXT)
    people = tmp_path / "p.xml"
    convert_files([source], tmp_path / "out", personography=people)  # Anna Petrova is new: added
    before = people.stat().st_mtime_ns, people.read_bytes()
    convert_files([source], tmp_path / "out", personography=people)  # now she is known
    assert (people.stat().st_mtime_ns, people.read_bytes()) == before
    edition = tmp_path / "out" / "a.xml"
    written = edition.stat().st_mtime_ns, edition.read_bytes()
    again = convert_files([source], tmp_path / "out", personography=people)[0]
    assert again.status == "unchanged" and again.ok and again.output == edition
    assert (edition.stat().st_mtime_ns, edition.read_bytes()) == written
    assert (people.stat().st_mtime_ns, people.read_bytes()) == before


def test_a_batch_reports_each_source_as_it_goes_in_order(tmp_path):
    first, second = write(tmp_path, "b.txt", TEXT), write(tmp_path, "a.txt", "")
    seen = []
    results = convert_files([first, second], tmp_path / "out", personography=tmp_path / "p.xml",
                            on_result=seen.append)
    assert seen == results and [r.source for r in seen] == [first, second]
    assert [r.status for r in results] == ["written", "failed"]
    report = results[0].as_json()
    assert set(report) == {"source", "output", "status", "message", "kind", "counts", "omissions", "backup"}
    assert report["source"] == str(first) and results[1].as_json()["source"] == str(second)
    assert report["status"] == "written" and report["output"] == str(tmp_path / "out" / "b.xml")
    assert report["kind"] == results[0].kind == "book" and report["counts"] == results[0].counts
    assert results[1].as_json()["output"] is None and results[1].as_json()["message"].endswith("is empty")


def test_omissions_are_reported_to_the_caller_with_their_lines(tmp_path):
    source = write(tmp_path, "a.txt", TEXT + "\nArticle continues after advertisement\n\nMore text.\n")
    result = convert_files([source], tmp_path / "out", personography=tmp_path / "p.xml")[0]
    assert [(o.line, o.reason) for o in result.omissions] == [(7, "advertisement")]
    assert result.as_json()["omissions"] == [{"line": 7, "reason": "advertisement",
                                              "text": "Article continues after advertisement"}]
