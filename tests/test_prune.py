"""tei_tools.prune and `tei-tools persons prune`: automatic entries no edition cites go, nothing else."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import REPO
from tei_tools.cli import cli
from tei_tools.prune import PruneError, cited_ids, prune_personography
from tei_tools.validate import is_valid, validate_paths

VALID = REPO / "tests" / "data" / "valid"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def automatic_person(person_id: str, name: str) -> str:
    return (f'<person xml:id="{person_id}" resp="#tei-tools" cert="low"><persName type="main">{name}</persName>'
            f"</person>")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """editions/ with the test biography (citing nightingale, herbert, seacole) and a personography
    with two more automatic entries (stale, and one a relation names) and a hand-written one."""
    editions = tmp_path / "editions"
    editions.mkdir()
    shutil.copy(VALID / "biography.xml", editions / "biography.xml")
    text = (VALID / "persons.xml").read_text(encoding="utf-8")
    extra = (automatic_person("stale", "Stale Name") + automatic_person("child", "Child Name") +
             '<person xml:id="editors-own"><persName type="main">Editors Own</persName></person>'
             '<listRelation><relation name="parent" active="#herbert" passive="#child"/></listRelation>')
    (editions / "persons.xml").write_text(text.replace("</listPerson>", extra + "</listPerson>", 1), encoding="utf-8")
    return editions


def ids_in(path: Path) -> set[str]:
    return {p.get(XML_ID) for p in etree.parse(str(path)).iter(f"{TEI}person")}


def test_only_automatic_entries_no_edition_cites_are_removed(project):
    before = ids_in(project / "persons.xml")
    report = prune_personography(project / "persons.xml", [project / "biography.xml"])
    assert report.removed == ["stale"] and report.written
    assert report.kept_for_relations == ["child"]  # uncited, but the personography's relation names it
    assert ids_in(project / "persons.xml") == before - {"stale"}
    assert {"editors-own", "seacole"} <= ids_in(project / "persons.xml")  # hand-written; cited (automatic)
    assert is_valid(validate_paths([project / "persons.xml"]))


def test_pruning_twice_changes_nothing_the_second_time(project):
    prune_personography(project / "persons.xml", [project / "biography.xml"])
    once = (project / "persons.xml").read_bytes()
    again = prune_personography(project / "persons.xml", [project / "biography.xml"])
    assert again.removed == [] and not again.written and (project / "persons.xml").read_bytes() == once


def test_the_layout_of_what_stays_is_kept(project):
    path = project / "persons.xml"
    original = path.read_text(encoding="utf-8")
    prune_personography(path, [project / "biography.xml"])
    assert path.read_text(encoding="utf-8").replace("\n", "") == original.replace(
        automatic_person("stale", "Stale Name"), "").replace("\n", "")


def test_a_dry_run_reports_and_changes_nothing(project):
    before = (project / "persons.xml").read_bytes()
    report = prune_personography(project / "persons.xml", [project / "biography.xml"], dry_run=True)
    assert report.removed == ["stale"] and not report.written
    assert (project / "persons.xml").read_bytes() == before


def test_an_edition_that_cannot_be_read_stops_the_prune(project):
    (project / "broken.xml").write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    before = (project / "persons.xml").read_bytes()
    with pytest.raises(PruneError, match="broken.xml: cannot be read"):
        prune_personography(project / "persons.xml", sorted(project.glob("*.xml")))
    assert (project / "persons.xml").read_bytes() == before


def test_citations_count_through_any_path_to_a_file_of_the_personographys_name(tmp_path):
    edition = tmp_path / "e.xml"
    edition.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><persName ref="../editions/persons.xml#a">A'
                       '</persName><name corresp="persons.xml#b other.xml#c #d">B</name></p></TEI>', encoding="utf-8")
    assert cited_ids([edition], "persons.xml") == ({"a", "b"}, 1)


def test_the_command_prunes_the_folder_given_and_says_what_it_removed(project):
    runner = CliRunner()
    dry = runner.invoke(cli, ["persons", "prune", str(project), "--dry-run", "--format", "json"])
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.stdout)["removed"] == ["stale"] and "stale" in ids_in(project / "persons.xml")
    done = runner.invoke(cli, ["persons", "prune", str(project)])
    assert done.exit_code == 0 and done.stdout.splitlines() == ["removed stale"]
    assert "removed 1 automatic entry" in done.stderr and "stale" not in ids_in(project / "persons.xml")


def test_the_command_fails_in_one_line_on_an_unreadable_edition(project):
    (project / "broken.xml").write_text("<TEI>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["persons", "prune", str(project)])
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("tei-tools: error: ") and "nothing was removed" in result.stderr


def test_the_command_without_a_personography_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["persons", "prune", str(tmp_path)])
    assert result.exit_code == 2 and "no personography there" in result.stderr
