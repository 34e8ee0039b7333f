"""What a sidecar (<stem>.json / <stem>.toml) says reaches the edition, and the edition stays
valid: the language most of all, which readers, screen readers and the project's own
`language-declared` rule rely on."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_tools.cli import cli
from tei_tools.convert import convert_files
from tei_tools.validate import validate_paths
from tei_tools.xml import TEI_NS, XML_NS

T = {"t": TEI_NS}
TEXT = "Ein kurzer Brief\n\nAnna Petrova kam im Mai 1913 nach Wien und blieb dort.\n\nSie schrieb ihrem Bruder.\n"


@pytest.mark.parametrize("language", ["de", "fr", "la", "cs"])
@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_the_sidecars_language_is_the_editions_language_and_the_edition_is_valid(tmp_path, language, suffix):
    source = tmp_path / "brief.txt"
    source.write_text(TEXT, encoding="utf-8")
    sidecar = source.with_suffix(suffix)
    sidecar.write_text(json.dumps({"language": language, "title": "Ein Brief"}) if suffix == ".json"
                       else f'language = "{language}"\ntitle = "Ein Brief"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = convert_files([source], out, personography=out / "persons.xml")[0]
    assert result.status == "written", result.message
    root = etree.parse(str(out / "brief.xml")).getroot()
    assert root.get(f"{{{XML_NS}}}lang") == language
    assert root.xpath("//t:profileDesc/t:langUsage/t:language/@ident", namespaces=T) == [language]
    assert root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=T) == "Ein Brief"
    assert validate_paths([out / "brief.xml"]) == []


def test_without_a_sidecar_the_edition_is_english_and_says_so(tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("A Letter\n\nAnna Petrova came to Vienna in May 1913.\n", encoding="utf-8")
    out = tmp_path / "out"
    convert_files([source], out, personography=out / "persons.xml")
    root = etree.parse(str(out / "letter.xml")).getroot()
    assert root.get(f"{{{XML_NS}}}lang") == "en"
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=T) == ["en"]


def test_an_empty_language_in_the_sidecar_means_english(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("A Note\n\nSome text.\n", encoding="utf-8")
    source.with_suffix(".json").write_text('{"language": ""}', encoding="utf-8")
    out = tmp_path / "out"
    convert_files([source], out, personography=out / "persons.xml")
    root = etree.parse(str(out / "note.xml")).getroot()
    assert root.get(f"{{{XML_NS}}}lang") == "en"
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=T) == ["en"]
    assert validate_paths([out / "note.xml"]) == []


ADVERTISEMENTS_ONLY = "Article continues after advertisement\n\nStory continues below advertisement\n"


@pytest.mark.parametrize("kind", [None, "book", "biography", "transcript", "letter", "journal"])
def test_a_source_of_nothing_but_advertisements_is_refused_and_nothing_is_written(tmp_path, kind):
    # TEI's body must hold something: an edition whose body says nothing would be invalid against
    # the project schema, so the source is refused with one line naming what was left out.
    source = tmp_path / "ads.txt"
    source.write_text(ADVERTISEMENTS_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    result = convert_files([source], out, kind=kind, personography=out / "persons.xml")[0]
    assert result.status == "failed"
    assert result.message == f"{source}: has no text to encode (all it has was left out: advertisement)"
    assert not (out / "ads.xml").exists()
    assert {p.name for p in out.iterdir()} <= {"persons.xml", ".persons.xml.lock"}  # no temporary file either


def test_the_command_refuses_a_source_of_advertisements_with_one_line_and_exit_1(tmp_path):
    source = tmp_path / "ads.txt"
    source.write_text(ADVERTISEMENTS_ONLY, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["convert", str(source), str(good), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [f"tei-tools: error: {source}: has no text to encode (all it has was left out: advertisement)"]
    assert "Traceback" not in result.output
    assert not (out / "ads.xml").exists()
    assert validate_paths([out / "good.xml"]) == []  # the rest of the batch is converted


def test_a_title_and_advertisements_give_a_valid_edition_that_declares_what_was_left_out(tmp_path):
    # The other side of the line: a text with a title line keeps it and stays valid.
    source = tmp_path / "ads.txt"
    source.write_text("A Short Notice\n\n" + ADVERTISEMENTS_ONLY, encoding="utf-8")
    out = tmp_path / "out"
    result = convert_files([source], out, personography=out / "persons.xml")[0]
    assert result.status == "written", result.message
    assert [o.reason for o in result.omissions] == ["advertisement", "advertisement"]
    assert "A Short Notice" in (out / "ads.xml").read_text(encoding="utf-8")
    assert validate_paths([out / "ads.xml"]) == []
