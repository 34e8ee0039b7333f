"""Validation messages point where jing points: `--engine jing` and `--engine lxml` give the same
`file:line:col` on every broken fixture, and the grammar's messages are where jing itself, run
by hand, puts them. An editor jumps to that line and column: one column off is a wrong place.
"""
from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from tei_tools.cli.validate import command
from tei_tools.validate import jing_command, load_source

BROKEN = REPO / "tests" / "data" / "broken"
GRAMMAR = REPO / "schema" / "tei-tools.rng"
POSITION = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<text>.*)$")
JING = jing_command()
needs_jing = pytest.mark.skipif(JING is None, reason="jing is not installed (apt-get install jing)")
# Fixtures jing must not read by hand: one declares an external entity (jing would resolve it).
NOT_FOR_RAW_JING = {"external-entity.xml"}
# jing reports this problem in its own words and at its own place; tei-tools' parser reports it first.
NOT_WELL_FORMED = {"malformed.xml"}


def fixtures() -> list[Path]:
    return sorted(p for p in BROKEN.glob("*.xml") if p.name != "persons.xml")


def positions(path: Path, engine: str) -> list[tuple[int, int, str]]:
    """(line, column, severity) of each message `tei-tools validate --engine ENGINE` prints."""
    if path.parent == BROKEN:
        return _all_fixtures(engine).get(str(path), [])
    return _validate([path], engine).get(str(path), [])


@functools.cache
def _all_fixtures(engine: str) -> dict[str, list[tuple[int, int, str]]]:
    return _validate(fixtures(), engine)  # one jing process for the lot, as users run it


def _validate(paths: list[Path], engine: str) -> dict[str, list[tuple[int, int, str]]]:
    result = CliRunner().invoke(command, [*map(str, paths), "--engine", engine, "--quiet"])
    assert result.exit_code in (0, 1), result.output
    found: dict[str, list[tuple[int, int, str]]] = {}
    for line in result.output.splitlines():
        match = POSITION.match(line)
        assert match, line
        found.setdefault(match["path"], []).append((int(match["line"]), int(match["column"]), match["severity"]))
    return found


def raw_jing(path: Path) -> list[tuple[int, int]]:
    """Where jing itself, run by hand on the project grammar, reports each problem."""
    if path.parent == BROKEN:
        return _raw_jing_all().get(str(path), [])
    return _raw_jing([path]).get(str(path), [])


@functools.cache
def _raw_jing_all() -> dict[str, list[tuple[int, int]]]:
    # jing stops at the first file it cannot parse: the malformed fixture is left out.
    return _raw_jing([p for p in fixtures() if p.name not in NOT_FOR_RAW_JING | NOT_WELL_FORMED])


def _raw_jing(paths: list[Path]) -> dict[str, list[tuple[int, int]]]:
    run = subprocess.run([JING, str(GRAMMAR), *map(str, paths)], capture_output=True, text=True,
                         stdin=subprocess.DEVNULL)
    found: dict[str, list[tuple[int, int]]] = {}
    for line in (run.stdout + run.stderr).splitlines():
        match = POSITION.match(line)
        if match:
            found.setdefault(match["path"], []).append((int(match["line"]), int(match["column"])))
    return found


@needs_jing
@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_both_engines_point_at_the_same_place(path):
    lxml, jing = positions(path, "lxml"), positions(path, "jing")
    assert lxml, "a broken fixture that yields no message"
    if path.name in NOT_FOR_RAW_JING:
        # jing, given the file with its DOCTYPE blanked out, adds "entity not declared" after the
        # DOCTYPE message; the message the fixture is about is first in both and at one place.
        assert jing[0] == lxml[0]
    else:
        assert jing == lxml


@needs_jing
@pytest.mark.parametrize("path", [p for p in fixtures() if p.name not in NOT_FOR_RAW_JING | NOT_WELL_FORMED],
                         ids=lambda p: p.name)
def test_grammar_messages_are_where_jing_itself_reports_them(path):
    by_hand = raw_jing(path)
    for engine in ("lxml", "jing"):
        ours = [(line, column) for line, column, _ in positions(path, engine)]
        # Schematron messages come after the grammar's; jing by hand knows only the grammar.
        assert ours[:len(by_hand)] == by_hand, engine


@needs_jing
def test_the_missing_element_fixture_is_reported_at_the_end_of_the_incomplete_element():
    path = BROKEN / "missing-element.xml"
    line, column = raw_jing(path)[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1][:column - 1].endswith("</fileDesc>")
    assert positions(path, "lxml") == [(line, column, "error")]


def test_an_element_missing_from_a_self_closing_element_is_reported_after_its_tag(tmp_path):
    """<fileDesc/>: the end of the element is the end of its one tag (checked against jing below)."""
    text = (BROKEN / "missing-element.xml").read_text(encoding="utf-8")
    start = text.index("<fileDesc>")
    end = text.index("</fileDesc>") + len("</fileDesc>")
    edition = tmp_path / "empty-filedesc.xml"
    edition.write_text(text[:start] + "<fileDesc/>" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    column = start - text.rfind("\n", 0, start) + len("<fileDesc/>")
    found = positions(edition, "lxml")
    assert found[0][:2] == (line, column)
    if JING:
        assert raw_jing(edition)[0] == (line, column)


def test_positions_are_just_after_each_start_tag_whatever_markup_comes_before(tmp_path):
    """Tags inside comments, CDATA and processing instructions are no start tags; ">" and quotes
    inside attribute values end none; a start tag may span lines; the text is long enough (many
    blocks of lines) that line numbers are counted in pieces."""
    pieces = ['<?xml version="1.0" encoding="UTF-8"?>\n<!-- <fake a="1"> -->\n<?pi <fake/> ?>\n',
              ("root", '<root a="x>y" b=\'q"\'\n   c="&gt;">'), '<![CDATA[<fake b="2">]]>é\n',
              ("child", '<child\n  x="1"\n/>'), "text > more\n" * 7000, ("child", "<child>"), "ü > ö",
              "</child>", "<!--\n<fake>\n-->", ("child", '<child y="/>"/>'), "\n</root>\n"]
    text, expected = "", []
    for piece in pieces:
        tag = piece[1] if isinstance(piece, tuple) else piece
        text += tag
        if isinstance(piece, tuple):
            expected.append((text.count("\n") + 1, len(text) - text.rfind("\n")))
    path = tmp_path / "tricky.xml"
    path.write_text(text, encoding="utf-8")
    source, _ = load_source(path)
    assert [source.position(e) for e in source.tree.iter("root", "child")] == expected
