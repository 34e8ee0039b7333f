"""The HTML reading edition as a reader uses it, checked in the HTML itself (lxml.html, no
browser): every footnote reference leads to its note and every note leads back to its
reference; and no word of the text is lost, whatever element it stands in, known to the
stylesheets or not.

Black-box: `tei_tools.render.Renderer` / `tei_tools.render_paths` on small TEI documents.
"""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tei_tools.render import Renderer, html_reading_words, reading_words
from tei_tools.xml import parse_file

HEADER = """<teiHeader><fileDesc><titleStmt><title>Notes and strangers</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Invented.</p></sourceDesc></fileDesc></teiHeader>"""


def edition(folder: Path, body: str, name: str = "doc") -> Path:
    path = folder / f"{name}.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" '
                    f'xmlns:x="urn:example:other" xml:lang="en">{HEADER}<text><body>{body}</body></text></TEI>',
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="module")
def footnoted(tmp_path_factory, renderer):
    folder = tmp_path_factory.mktemp("notes")
    body = "".join(
        f'<div><head>Part {n}</head><p>Paragraph {n} has a claim<note place="bottom">Source for claim {n}.</note> '
        f'and another<note place="foot">Second note of part {n}.</note>.</p></div>' for n in range(1, 4))
    page = renderer.render_html(edition(folder, body), folder / "site")
    return lxml.html.fromstring(page.read_bytes())


def test_every_note_reference_leads_to_its_note(footnoted):
    references = footnoted.xpath("//a[@role='doc-noteref']")
    assert len(references) == 6
    for number, reference in enumerate(references, start=1):
        target = reference.get("href")
        assert target.startswith("#")
        notes = footnoted.xpath("//*[@id=$id]", id=target[1:])
        assert len(notes) == 1, target
        assert reference.text_content().strip() == str(number)
        claim = (number + 1) // 2
        expected = f"Source for claim {claim}." if number % 2 else f"Second note of part {claim}."
        assert expected in notes[0].text_content()


def test_every_note_leads_back_to_its_reference(footnoted):
    notes = footnoted.xpath("//section[@role='doc-endnotes']//li")
    assert len(notes) == 6
    for note in notes:
        back = note.xpath(".//a[@class and contains(concat(' ', @class, ' '), ' backlink ')]")
        assert len(back) == 1, lxml.html.tostring(note)
        target = back[0].get("href")
        references = footnoted.xpath("//*[@id=$id]", id=target.lstrip("#"))
        assert len(references) == 1 and references[0].get("role") == "doc-noteref"
        assert references[0].get("href") == f"#{note.get('id')}"  # and it is this note's reference
        assert back[0].get("aria-label")  # a screen reader says where it goes


def test_ids_on_the_page_are_unique(footnoted):
    ids = footnoted.xpath("//@id")
    assert len(ids) == len(set(ids))


UNKNOWN = ('<p>Known words, then <x:gloss>foreign namespace words</x:gloss>, then '
           '<measure quantity="3" unit="ell">three ells</measure> of cloth, '
           '<x:outer>outer <x:inner>inner nested</x:inner> tail</x:outer>, and '
           '<geogName>the Salt Valley</geogName> <metamark>marginal sign</metamark> at the end.</p>')


def test_the_text_of_elements_without_a_template_is_kept_in_order(tmp_path, renderer):
    source = edition(tmp_path, f"<div>{UNKNOWN}</div>")
    page = renderer.render_html(source, tmp_path / "site")
    html = page.read_text(encoding="utf-8")
    expected = reading_words(parse_file(source))
    assert "foreign" in expected and "nested" in expected
    assert html_reading_words(html) == expected
    paragraph = " ".join(lxml.html.fromstring(html).xpath("string(//main//p[contains(., 'Known words')])").split())
    assert "foreign namespace words" in paragraph and "outer inner nested tail" in paragraph


def test_the_text_of_unknown_elements_is_in_the_plain_text_too(tmp_path, renderer):
    source = edition(tmp_path, f"<div>{UNKNOWN}</div>")
    text = renderer.render_text(source, tmp_path / "text").read_text(encoding="utf-8")
    for words in ("foreign namespace words", "outer inner nested tail", "marginal sign"):
        assert words in " ".join(text.split())
