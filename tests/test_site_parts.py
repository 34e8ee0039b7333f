"""tei_tools.render.site_parts: the site's own pages made in parts (each edition's rendered where
the edition is, spooled to disk here), the frames rendered once with markers where they go."""
from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from lxml import etree
from lxml import html as lxml_html

from tei_tools.render import Renderer
from tei_tools.render.search import pagefind_command
from tei_tools.render.site_parts import (DatePart, EditionParts, PersonPart, SiteParts, assemble, new_marker,
                                         parse_parts, read_parts)

DATA = Path(__file__).resolve().parent / "data" / "render"


def _parts(entry: str, persons=(), dates=()) -> EditionParts:
    return EditionParts(entry, [PersonPart(*p) for p in persons], [DatePart(*d) for d in dates])


def test_assemble_puts_the_parts_where_the_markers_are_and_ends_with_a_newline():
    marker = new_marker()
    frame = f"<ul>{marker}:a;</ul><p>{marker}:missing;</p>{marker}:b;"
    parts = {"a": [b"<li>1</li>", b"<li>2</li>"], "b": [b"x", b"y"]}
    page = b"".join(assemble(frame + f"{marker}:b;", marker, parts, lambda stored: stored, b", "))
    assert page == b"<ul><li>1</li>, <li>2</li></ul><p></p>x, yx, y\n", "a key standing twice gets its parts twice"
    assert b"".join(assemble("done\n", marker, {}, lambda stored: stored)) == b"done\n"


def test_markers_differ_from_run_to_run():
    assert new_marker() != new_marker()


def test_parts_are_put_in_in_the_order_of_the_site_whatever_order_they_come_in():
    with SiteParts() as parts:
        parts.add(2, _parts("<li>third</li>", [("ada", 1, "<div>ada in 3</div>", "{3}")]))
        parts.add(0, _parts("<li>first</li>", [("ada", 2, "<div>ada in 1</div>", "{1}"),
                                               ("bob", 1, "<div>bob in 1</div>", "{b}")]))
        parts.add(1, _parts("<li>second</li>"))
        parts.add(2, _parts("<li>again</li>", [("ada", 5, "<div>again</div>", "{x}")]))  # rendered again: ignored
        assert [parts.read(s) for s in sorted(parts.entries, key=lambda s: s.position)] == [
            b"<li>first</li>", b"<li>second</li>", b"<li>third</li>"]
        assert [parts.read(s) for s in sorted(parts.registers["ada"], key=lambda s: s.position)] == [
            b"<div>ada in 1</div>", b"<div>ada in 3</div>"]
        summary = etree.fromstring(parts.summary([], False))
        ada = summary.find("{urn:tei-tools:site}person[@id='ada']")
        assert (summary.get("editions"), ada.get("mentions"), ada.get("editions")) == ("3", "3", "2")


def test_the_chronology_sorts_by_start_then_end_with_ties_in_site_and_text_order():
    with SiteParts() as parts:
        parts.add(1, _parts("", dates=[("101905-00-00", "101905-99-99", True, "1905", "e1-year"),
                                       ("101905-10-26", "101905-10-26", True, "1905", "e1-day"),
                                       ("100000-10-26", "100000-10-26", False, "", "e1-yearless")]))
        parts.add(0, _parts("", dates=[("101905-10-26", "101905-10-26", True, "1905", "e0-day"),
                                       ("099955-03-15", "099955-03-15", True, "44 BCE", "e0-bce"),
                                       ("100000-01-01", "100000-01-01", False, "", "e0-yearless")]))
        years, yearless = parts.chronology()
        assert [(year, [parts.read(d).decode() for d in dates]) for year, dates in years] == [
            ("44 BCE", ["e0-bce"]), ("1905", ["e1-year", "e0-day", "e1-day"])]
        assert [parts.read(d).decode() for d in yearless] == ["e0-yearless", "e1-yearless"]
        summary = etree.fromstring(parts.summary([y for y, _ in years], bool(yearless)))
        assert (summary.get("dates"), summary.get("dated-editions"), summary.get("yearless")) == ("6", "2", "yes")


def test_an_editions_parts_come_from_its_index(tmp_path):
    renderer = Renderer()
    result = renderer.render_edition(DATA / "engine.xml", tmp_path, DATA / "persons.xml")
    parts = result.parts
    assert parts.entry.startswith('<li class="edition-entry"><h2><a href="engine.html">The Analytical Engine</a>')
    lovelace = next(p for p in parts.persons if p.person == "lovelace")
    assert lovelace.mentions == sum(m.person == "lovelace" for m in result.index.mentions)
    assert lovelace.card == f'{{"page": "engine.html", "title": "The Analytical Engine", "count": {lovelace.mentions}}}'
    links = lxml_html.fragment_fromstring(lovelace.register).xpath(".//a[@class='mention']/@href")
    assert links == [f"engine.html#{m.id}" for m in result.index.mentions if m.person == "lovelace"]
    assert [d.start for d in parts.dates] == [d.start for d in result.index.dates]
    assert all(d.entry.startswith('<li class="event"') for d in parts.dates)


def test_the_records_of_the_parts_stylesheet_are_read_back():
    parts = parse_parts(["entry", "person", "ada", "2", "{}", "date", "s", "e", "no", "",
                         "<li>e</li><?M><div>ada</div><?M><li>d</li><?M>"], "M")
    assert parts == _parts("<li>e</li>", [("ada", 2, "<div>ada</div>", "{}")], [("s", "e", False, "", "<li>d</li>")])


def test_the_records_come_back_whole_from_the_parts_stylesheets_output():
    from urllib.parse import quote

    records = ["entry", "person", "o'brien & <co> 100%", "3", '{"page": "a b.html", "title": "Ünïcode > x"}',
               "date", "s", "e", "no", ""]
    head = " ".join("." + quote(r, safe="") for r in records)  # as encode-for-uri() writes them
    parts = read_parts(f"<?M-records {head}><li>e</li><?M ><div>p</div><?M ><li>d</li><?M >", "M")
    assert parts == _parts("<li>e</li>", [("o'brien & <co> 100%", 3, "<div>p</div>", records[4])],
                           [("s", "e", False, "", "<li>d</li>")])
    with pytest.raises(ValueError):
        read_parts("<li>no records</li>", "M")


def test_the_site_pages_name_each_person_once_with_all_their_editions(tmp_path):
    renderer = Renderer()
    renderer.render_site([DATA / "engine.xml", DATA / "episode.xml", DATA / "notes.xml"], tmp_path,
                         DATA / "persons.xml", search=False)
    register = lxml_html.parse(str(tmp_path / "persons.html")).getroot()
    ids = register.xpath("//article/@id")
    assert len(ids) == len(set(ids)) and "tt-part-" not in (tmp_path / "persons.html").read_text("utf-8")
    cards = (tmp_path / "persons-data.js").read_text("utf-8")
    assert "tt-part-" not in cards and cards.endswith("};\n")
    # each list of mentions says whose they are, in which edition (a screen reader reads it out)
    for article in register.xpath("//article[.//ol[@class='mentions']]"):
        name = " ".join(article.xpath("string(.//h2|.//h3)").split())
        for listing in article.xpath(".//ol[@class='mentions']"):
            label = listing.get("aria-label")
            assert label.startswith("Mentions of ") and " in " in label and "Mentions of  in" not in label
            assert label[len("Mentions of "):].split(" in ")[0] in name, (label, name)


def test_the_person_cards_hold_each_string_whole_whatever_characters_it_has(tmp_path):
    """persons-data.js writes the strings of all the cards with one serialize() and reads each
    back: quotes, backslashes, slashes, control and other characters must not shift a field."""
    names = {"p1": 'Ada "the \\ Countess" / Lovelace', "p2": "Zo\u00eb \u674e \u2028\u007f\u0085 \u00a0x",
             "p3": "Plain Name"}
    people = "".join(f'<person xml:id="{key}"><persName>{escape(name)}</persName>'
                     f'<note>note of {key}: a\tb "c" \\ / d</note><birth when="1815"/></person>'
                     for key, name in names.items())
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt>' \
          '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>' \
          '<text><body>{}</body></text></TEI>'
    (tmp_path / "persons.xml").write_text(tei.format("Persons", f"<listPerson>{people}</listPerson>"), "utf-8")
    mentions = "".join(f'<p>Of <persName ref="persons.xml#{key}">them</persName>.</p>' for key in names)
    (tmp_path / "a.xml").write_text(tei.format("A", mentions), "utf-8")
    site = tmp_path / "site"
    Renderer().render_site([tmp_path / "a.xml"], site, tmp_path / "persons.xml", search=False)
    script = (site / "persons-data.js").read_text("utf-8")
    cards = json.loads(script[script.index("{"):script.rindex("}") + 1])
    assert sorted(cards) == sorted(names)
    for key, name in names.items():
        assert cards[key]["name"] == name and cards[key]["dates"] == "b. 1815"  # no runs of spaces to normalise
        assert cards[key]["note"] == f'note of {key}: a b "c" \\ / d'
        assert cards[key]["register"] == f"persons.html#{key}" and cards[key]["editions"][0]["page"] == "a.html"


@pytest.mark.skipif(pagefind_command() is None, reason="Pagefind (pagefind[bin]) is not installed")
def test_the_search_index_made_while_the_site_pages_are_written_holds_the_editions_alone(tmp_path):
    """Pagefind starts once the editions' pages are written and runs while the site's own pages
    are made: its index holds the editions' pages, not the register, chronology or front page."""
    editions = [DATA / "engine.xml", DATA / "episode.xml", DATA / "notes.xml"]
    Renderer().render_site(editions, tmp_path, DATA / "persons.xml")
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(editions)
    assert not list(tmp_path.glob(".pagefind-staging-*"))


def test_pagefind_is_pointed_at_the_edition_pages_unless_their_names_cannot_be_globbed():
    from tei_tools.render.search import GLOB_LIMIT, _glob

    assert _glob(["a.html", "b.html"]) == ["--glob", "{a.html,b.html}"]
    assert _glob(["a.html"]) == ["--glob", "a.html"]
    assert _glob(["a.html", "b{1}.html"]) == [] and _glob(["x,y.html"]) == [] and _glob([]) == []
    assert _glob([f"{n:08d}.html" for n in range(GLOB_LIMIT // 10)]) == []
