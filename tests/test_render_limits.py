"""Rendering at the edges: deep nesting the safe parser accepts, and paragraphs of any length
(the plain text is filled greedily, a line at a time, in time linear in the paragraph)."""
from __future__ import annotations

import random

import pytest

from tei_tools.render import Renderer

HEADER = ("<teiHeader><fileDesc><titleStmt><title>Edge</title></titleStmt><publicationStmt><p>x</p>"
          "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>")


def tei(body: str) -> str:
    return f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body>{body}</body></text></TEI>'


def greedy(words: list[str], width: int) -> list[str]:
    """Lines of at most `width` characters, as many words on each as fit; a longer word alone."""
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) <= width:
            line += " " + word
        elif line:
            lines.append(line)
            line = word
        else:
            line = word
    return lines + [line] if line else lines


@pytest.fixture(scope="module")
def renderer():
    return Renderer()


def test_elements_nested_deeper_than_the_jdk_parser_allows_render(renderer, tmp_path):
    """Saxon's parser stops at a depth of 100 by default; the safe parser (the gate) allows 2048."""
    edition = tmp_path / "deep.xml"
    edition.write_text(tei("<p>" + "<hi>" * 300 + "deep words" + "</hi>" * 300 + "</p>"), encoding="utf-8")
    page = renderer.render_html(edition, tmp_path / "out")
    text = renderer.render_text(edition, tmp_path / "out")
    assert page.read_text("utf-8").count("deep words") == 1
    assert "deep words" in text.read_text("utf-8")


@pytest.mark.parametrize("width", ["72", "20", "33"])
def test_a_long_paragraph_is_filled_greedily(tmp_path, width):
    rng = random.Random(int(width))
    vocabulary = ["a", "of", "the", "river", "Mississippi", "incomprehensibilities", "x" * 90, "and", "so"]
    words = [rng.choice(vocabulary) for _ in range(30_000)]  # about 200 kB on one line
    edition = tmp_path / "long.xml"
    edition.write_text(tei("<p>" + " ".join(words) + "</p>"), encoding="utf-8")
    text = Renderer(params={"line-width": width}).render_text(edition, tmp_path / "out").read_text("utf-8")
    rule = "\n" + "=" * max(3, int(width)) + "\n\n"  # the title block ends with a rule
    body = text.split(rule, 1)[1].strip("\n").split("\n")
    assert body == greedy(words, int(width))
    assert max(len(line) for line in body) == 90  # the long word alone on its line, never cut
