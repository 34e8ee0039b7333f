"""A batch with some bad files: every good one is done, every bad one reported, a summary line, exit 1.

The same for convert, validate, render (html and text) and build.
"""
from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import REPO
from tei_tools.cli import cli

SOURCES = sorted((REPO / "tests" / "data" / "sources").glob("*.txt"))[:3]
VALID = REPO / "tests" / "data" / "valid"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("tei-tools: error: ")]


@pytest.fixture
def bad_sources(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "latin1.txt").write_bytes("Caf\u00e9".encode("latin-1"))
    return sorted(folder.iterdir())


@pytest.fixture
def bad_editions(tmp_path):
    folder = tmp_path / "editions"
    shutil.copytree(VALID, folder)
    (folder / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    (folder / "no-namespace.xml").write_text((VALID / "book.xml").read_text(encoding="utf-8").replace(
        ' xmlns="http://www.tei-c.org/ns/1.0"', "", 1), encoding="utf-8")
    return folder


def test_convert_converts_every_good_source_and_reports_every_bad_one(tmp_path, bad_sources):
    out = tmp_path / "out"
    mixed = [bad_sources[0], SOURCES[0], bad_sources[1], SOURCES[1], bad_sources[2], SOURCES[2]]
    result = run("convert", *map(str, mixed), "-o", str(out))
    assert result.exit_code == 1
    assert [line.split(": ")[2] for line in errors(result)] == [str(p) for p in bad_sources]
    assert sorted(p.stem for p in out.glob("*.xml")) == sorted([s.stem for s in SOURCES] + ["persons"])
    assert result.stderr.splitlines()[-1] == "tei-tools: 3 of 6 source(s) not converted"


def test_validate_validates_every_file_and_reports_every_bad_one(bad_editions):
    result = run("validate", str(bad_editions))
    assert result.exit_code == 1
    invalid = {line.split(":", 1)[0] for line in result.stdout.splitlines() if ": error: " in line}
    assert invalid == {str(bad_editions / "broken.xml"), str(bad_editions / "no-namespace.xml")}
    files = len(list(bad_editions.glob("*.xml")))
    assert result.stderr.splitlines()[-1].startswith(f"validate (project, lxml): {files} file(s), 2 invalid; ")


@pytest.mark.parametrize("to, suffix", [("html", ".html"), ("text", ".txt")])
def test_render_renders_every_good_document_and_reports_every_bad_one(tmp_path, bad_editions, to, suffix):
    out = tmp_path / "site"
    result = run("render", str(bad_editions), "--to", to, "-o", str(out))
    assert result.exit_code == 1
    assert sorted(line.removeprefix("tei-tools: error: ").split(":", 1)[0] for line in errors(result)) == [
        str(bad_editions / "broken.xml"), str(bad_editions / "no-namespace.xml")]
    assert (out / f"book{suffix}").is_file() and (out / f"biography{suffix}").is_file()
    assert not (out / f"broken{suffix}").exists() and not (out / f"no-namespace{suffix}").exists()
    assert result.stderr.splitlines()[-1].endswith("; 2 document(s) failed (see above)")
    quiet = run("render", str(bad_editions), "--to", to, "-o", str(out), "-q")
    assert quiet.stderr.splitlines()[-1].endswith("; 2 document(s) failed (see above)")


def test_build_does_every_good_file_and_reports_every_bad_one(tmp_path, bad_sources):
    seeds, editions, site = tmp_path / "seeds", tmp_path / "editions", tmp_path / "site"
    seeds.mkdir()
    for source in [*SOURCES, *bad_sources]:
        shutil.copy(source, seeds / source.name)
    editions.mkdir()
    (editions / "hand-made.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", encoding="utf-8")
    result = run("build", "--seeds", str(seeds), "--editions", str(editions), "--site", str(site))
    assert result.exit_code == 1
    assert sorted(line.split(": ")[2] for line in errors(result)) == sorted(str(seeds / p.name) for p in bad_sources)
    assert f"{editions / 'hand-made.xml'}:" in result.stderr  # invalid: reported, not rendered
    for source in SOURCES:
        assert (site / f"{source.stem}.html").is_file() and (site / f"{source.stem}.txt").is_file()
    assert not (site / "hand-made.html").exists() and (site / "index.html").is_file()
    summary = re.fullmatch(r"build: incomplete: 3 of 6 source\(s\) converted; 1 invalid file\(s\); "
                           r"(\d+) file\(s\) rendered, 1 invalid edition\(s\) left out", result.stderr.splitlines()[-1])
    assert summary, result.stderr.splitlines()[-1]
    assert int(summary.group(1)) == sum(1 for p in site.rglob("*") if p.is_file())
