"""What the converter leaves out on purpose is declared with the source lines it came from, and
those lines of the source really hold it: an editor checking the header against the source
finds the advertisement on the line the header names."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, seed_paths
from tei_tools.convert import convert_text
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS

T = {"t": TEI_NS}
SOURCES = sorted((REPO / "tests" / "data" / "sources").glob("*.txt")) + seed_paths()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_each_left_out_piece_is_on_the_source_line_the_header_names(path: Path):
    text = path.read_text(encoding="utf-8")
    doc, data, _ = convert_text(text, path.name, Personography.empty())
    lines = text.split("\n")
    for omitted in doc.omissions:
        assert omitted.text.splitlines()[0] in lines[omitted.line - 1]
        assert text[omitted.offset:omitted.offset + len(omitted.text)] == omitted.text
    declared = etree.fromstring(data).xpath("//t:normalization/t:p", namespaces=T)
    named = [int(n) for p in declared for n in re.findall(r"\d+", p.text.rsplit("source lines", 1)[1])]
    assert sorted(named) == sorted(o.line for o in doc.omissions)


def test_the_sources_exercise_omissions():
    """The test above is not vacuous: most of these sources have something left out."""
    with_omissions = [p for p in SOURCES
                      if convert_text(p.read_text(encoding="utf-8"), p.name, Personography.empty())[0].omissions]
    assert len(with_omissions) >= 3
