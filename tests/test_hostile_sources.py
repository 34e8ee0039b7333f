"""Hostile and broken source texts, as `tei-tools convert` and `tei-tools build` meet them.

Every source is generated here. Each one either converts into an edition that is valid against
the project schema and holds exactly the source's words (a repair declared in the header and
reported on stderr), or fails with one line naming the file, exit 1, and no output at all.
"""
from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_tools import fidelity, source_text
from tei_tools.cli import cli
from tei_tools.convert import SourceError, read_source
from tei_tools.model import Repair
from tei_tools.validate import Validator, is_valid
from tei_tools.xml import TEI_NS

TEI = {"t": TEI_NS}
TEXT = ("Anna Petrova wrote to Ivan Sergeyevich Turgenev in May 1917.\n\n"
        "He answered at once: “I shall come, whatever they say.\n\n"  # an unbalanced quotation mark
        "Nobody came.\tThe end.\n")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def convert(tmp_path: Path, name: str, data: bytes, *options: str):
    source = tmp_path / "sources" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    out = tmp_path / "out"
    result = run("convert", str(source), "-o", str(out), "--personography", str(tmp_path / "persons.xml"), *options)
    return source, out, result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "error" in line]


def assert_failed_cleanly(result, source: Path, out: Path, expected: str) -> None:
    assert result.exit_code == 1, result.output
    errors = error_lines(result)
    assert len(errors) == 1 and errors[0].startswith(f"tei-tools: error: {source}: ") and expected in errors[0]
    assert "Traceback" not in result.output
    assert not list(out.glob("*.xml")) or [p.name for p in out.glob("*.xml")] == ["persons.xml"]
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]


def not_for_xml(character: str) -> bool:
    """A control character other than tab and line breaks, or a noncharacter (U+FDD0-FDEF, U+xFFFE/F)."""
    code = ord(character)
    return ((unicodedata.category(character) == "Cc" and character not in "\t\n\r")
            or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)


def edition_words(edition: Path) -> list[str]:
    return fidelity.tei_text_words(etree.parse(str(edition)).getroot())


# ------------------------------------------------------------------ sources that cannot be converted

@pytest.mark.parametrize("name, data, expected", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \n\t\n\r\n  \n", "is empty"),
    ("blank-utf16.txt", "  \n\n".encode("utf-16"), "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("utf16-no-bom.txt", TEXT.encode("utf-16-le"), "--encoding utf-16-le"),
    ("latin1.txt", "Caf\u00e9 cr\u00e8me in 1913.".encode("latin-1"), "not valid utf-8 (byte 0xe9 at offset 3)"),
    ("truncated-utf16.txt", codecs.BOM_UTF16_LE + "Odd".encode("utf-16-le") + b"\x41", "not valid utf-16"),
], ids=lambda value: value if isinstance(value, str) and value.endswith(".txt") else None)
def test_an_unusable_source_fails_with_one_line_and_no_output(tmp_path, name, data, expected):
    source, out, result = convert(tmp_path, name, data)
    assert_failed_cleanly(result, source, out, expected)


def test_a_directory_or_a_missing_file_is_named_in_one_line(tmp_path):
    folder = tmp_path / "sources" / "folder.txt"
    folder.mkdir(parents=True)
    result = run("convert", str(folder), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert error_lines(result)[:2] == [f"tei-tools: error: {folder}: is a directory, not a text file",
                                       f"tei-tools: error: {tmp_path / 'missing.txt'}: no such file"]


def test_a_source_above_the_size_limit_is_refused_until_the_limit_is_lifted(tmp_path):
    data = (TEXT * 40).encode("utf-8")  # ~5 kB, standing in for a 100 MB file (see benchmarks/)
    source, out, result = convert(tmp_path, "big.txt", data, "--max-size", "2kB")
    assert_failed_cleanly(result, source, out, "is more than the 2 kB a source may have; pass --max-size 0")
    _, _, lifted = convert(tmp_path, "big.txt", data, "--max-size", "0")
    assert lifted.exit_code == 0 and (out / "big.xml").is_file()


def test_a_bad_size_or_encoding_is_a_usage_error_before_anything_is_written(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    bad_size = run("convert", str(source), "-o", str(tmp_path / "out"), "--max-size", "lots")
    assert bad_size.exit_code == 2 and "is not a size" in bad_size.output
    bad_encoding = run("convert", str(source), "-o", str(tmp_path / "out"), "--encoding", "klingon")
    assert bad_encoding.exit_code == 2 and "unknown encoding 'klingon'" in bad_encoding.stderr
    assert not (tmp_path / "out").exists()


# ------------------------------------------------------------------ sources that convert, words intact

DECODED = [
    ("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), ()),
    ("utf16le-bom.txt", TEXT.encode("utf-16"), ()),  # Python writes the BOM in native (little) order
    ("utf16be-bom.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), ()),
    ("utf32le-bom.txt", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), ()),
    ("utf32be-bom.txt", codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), ()),
    ("utf16-by-option.txt", TEXT.encode("utf-16-le"), ("--encoding", "utf-16-le")),
    ("bom-beats-option.txt", TEXT.encode("utf-16"), ("--encoding", "cp1252")),
    ("crlf.txt", TEXT.replace("\n", "\r\n").encode("utf-8"), ()),
    ("cr.txt", TEXT.replace("\n", "\r").encode("utf-8"), ()),
    ("tabs.txt", TEXT.replace(" ", "\t").encode("utf-8"), ()),
    ("scripts.txt", "Лев Толстой wrote to Антон Чехов; Σωκράτης and Πλάτων; Jürgen Habermas met Søren "
                    "Kierkegaard and Łukasz Żuławski in 1917.\n".encode("utf-8"), ()),
    ("long-line.txt", ("Anna Petrova wrote a word. " * 700 + "\n").encode("utf-8"), ()),  # 10 MB: benchmarks/
]


@pytest.mark.parametrize("name, data, options", DECODED, ids=[case[0] for case in DECODED])
def test_a_decodable_source_converts_with_every_word(tmp_path, name, data, options):
    source, out, result = convert(tmp_path, name, data, *options)
    assert result.exit_code == 0, result.output
    edition = out / f"{source.stem}.xml"
    expected = fidelity.words(read_source(source, options[1] if options else "utf-8"))
    assert len(expected) > 10 and edition_words(edition) == expected
    assert "\ufeff" not in edition.read_text(encoding="utf-8")
    assert is_valid(Validator("project", personography=tmp_path / "persons.xml").validate_file(edition))


CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))


@pytest.mark.parametrize("name, hostile", [
    ("form-feed.txt", "\f"),
    ("vertical-tab.txt", "\v"),
    ("bell.txt", "\x07"),
    ("escape.txt", "\x1b[31m"),
    ("nul-in-utf16.txt", "\x00"),
    ("c1-and-del.txt", "\x85\x9c\x7f"),
    ("noncharacters.txt", "\ufffe\uffff\ufdd0\U0001fffe"),
    ("every-control.txt", CONTROL),
])
def test_characters_xml_forbids_are_replaced_declared_and_reported(tmp_path, name, hostile):
    text = (f"Anna Petrova{hostile}wrote to Ivan.\n\n{hostile}\n\nIv{hostile}an answered in 1917.{hostile}\n")
    encoding = "utf-16" if "\x00" in hostile else "utf-8"  # NUL bytes only make sense in UTF-16
    source, out, result = convert(tmp_path, name, text.encode(encoding))
    assert result.exit_code == 0, result.output
    edition = out / f"{source.stem}.xml"
    data = edition.read_text(encoding="utf-8")
    assert not [c for c in data if not_for_xml(c)] and any(not_for_xml(c) for c in hostile)
    # the words are the source's: a replaced character separates words exactly as it did before
    assert edition_words(edition) == fidelity.words(text) and "Iv" in fidelity.words(text)
    root = etree.parse(str(edition)).getroot()
    declared = root.xpath("string(//t:normalization/t:p[@n='forbidden-character'])", namespaces=TEI)
    runs = [m.group() for m in source_text.FORBIDDEN.finditer(text)]
    assert f"Replaced {len(runs)} (forbidden-character: " in declared and "at source lines 1, 3, 5, 5." in declared
    reported = [line for line in result.stderr.splitlines() if "replaced (forbidden-character)" in line]
    assert len(reported) == len(runs) and reported[0].startswith(f"{source}:1: replaced")
    assert is_valid(Validator("project", personography=tmp_path / "persons.xml").validate_file(edition))


def test_repairs_change_no_offset_and_keep_words_apart():
    text = "a\fb\x07c\x1b\x1bd\n\ufffee"
    repaired, repairs = source_text.repair(text)
    assert repaired == "a b\ufffdc\ufffd\ufffdd\n\ufffde" and len(repaired) == len(text)
    assert [(r.text, r.offset, r.line, r.replacement) for r in repairs] == [
        ("\f", 1, 1, " "), ("\x07", 3, 1, "\ufffd"), ("\x1b\x1b", 5, 1, "\ufffd\ufffd"), ("\ufffe", 9, 2, "\ufffd")]
    assert all(isinstance(r, Repair) and r.action == "Replaced" for r in repairs)
    assert fidelity.words(repaired) == fidelity.words(text) == ["a", "b", "c", "d", "e"]
    assert source_text.repair("nothing to do\n") == ("nothing to do\n", [])


def test_decoding_strips_every_byte_order_mark_and_line_ending():
    for encoding in ("utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-be"):
        data = "x\r\ny\rz\n".encode(encoding)
        if encoding.endswith("-be"):
            data = codecs.BOM_UTF16_BE + data if "16" in encoding else codecs.BOM_UTF32_BE + data
        assert source_text.decode(data) == "x\ny\nz\n", encoding
    with pytest.raises(source_text.DecodingError, match="NUL bytes"):
        source_text.decode(b"PK\x03\x04\x00")


def test_a_repaired_source_converts_through_the_python_api_too(tmp_path):
    source = tmp_path / "api.txt"
    source.write_text("Page one.\f\nPage two.\x00\n", encoding="utf-8")
    with pytest.raises(SourceError, match="NUL bytes"):
        read_source(source)  # a NUL byte in a file without a UTF-16/32 mark: binary
    from tei_tools.convert import convert_text
    from tei_tools.personography import Personography

    doc, data, _ = convert_text("Page one.\f\nPage two.\x00\n", "api.txt", Personography.empty())
    assert [o.reason for o in doc.omissions] == ["forbidden-character", "forbidden-character"]
    assert b"\xef\xbf\xbd" in data  # U+FFFD where the NUL was


def test_build_takes_the_same_hostile_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a-utf16.txt").write_bytes(TEXT.encode("utf-16"))
    (seeds / "b-formfeed.txt").write_text(TEXT.replace("\n\n", "\n\f\n", 1), encoding="utf-8")
    (seeds / "c-empty.txt").write_bytes(b"")
    result = run("build", "--seeds", str(seeds), "--editions", str(tmp_path / "editions"),
                 "--site", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert f"tei-tools: error: {seeds / 'c-empty.txt'}: is empty" in result.stderr
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1].startswith("build: incomplete: 2 of 3 source(s) converted")
    assert sorted(p.name for p in (tmp_path / "editions").glob("*.xml")) == ["a-utf16.xml", "b-formfeed.xml",
                                                                             "persons.xml"]
    assert (tmp_path / "site" / "a-utf16.html").is_file() and (tmp_path / "site" / "b-formfeed.txt").is_file()


def test_a_folder_of_sources_stands_for_its_text_files_in_name_order(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ("b.txt", "a.txt"):
        (folder / name).write_text(TEXT, encoding="utf-8")
    (folder / "notes.md").write_text("not a source", encoding="utf-8")
    result = run("convert", str(folder), "-o", str(tmp_path / "out"), "--format", "json")
    assert result.exit_code == 0, result.output
    outputs = [Path(r["output"]).name for r in json.loads(result.stdout)["results"]]
    assert outputs == ["a.xml", "b.xml"]
