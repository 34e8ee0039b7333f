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
from tei_tools.render.edition_index import DatedPassage, EditionIndex, Mention
from tei_tools.render.site_parts import (DatePart, EditionParts, PersonPart, RegisterData, SiteParts, assemble,
                                         edition_parts, html_attribute, html_text, html_uri_attribute, new_marker,
                                         read_entry, year_of)

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


def test_assemble_hands_a_long_page_on_in_blocks_of_bounded_size():
    """A register of tens of thousands of parts is written in blocks of about a megabyte: not a
    write per part, and never the whole page in memory."""
    marker = new_marker()
    parts = {"p": [f"<li>{n}</li>".encode() * 50 for n in range(5000)]}
    blocks = list(assemble(f"<ol>{marker}:p;</ol>", marker, parts, lambda stored: stored, b"\n"))
    assert b"".join(blocks) == b"<ol>" + b"\n".join(parts["p"]) + b"</ol>\n"
    assert len(blocks) > 1 and max(map(len, blocks)) < 2 * 2 ** 20


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


def test_the_records_come_back_whole_from_the_parts_stylesheets_output():
    from urllib.parse import quote

    records = ['"o\'brien & <co> 100%"', '{"page": "a b.html", "title": "Ünïcode > x"}']
    head = " ".join("." + quote(r, safe="") for r in records)  # as encode-for-uri() writes them
    assert read_entry(f"<?M-records {head}><li>e</li>", "M") == (records, "<li>e</li>")
    with pytest.raises(ValueError):
        read_entry("<li>no records</li>", "M")


def _index(mentions=(), dates=(), page="a.html", title="A") -> EditionIndex:
    return EditionIndex(stem=page.removesuffix(".html"), page=page, title=title, kind="Letter", year="",
                        mentions=list(mentions), dates=list(dates))


def test_an_editions_register_parts_list_each_persons_mentions_in_the_order_of_their_first():
    ada = [Mention("ada", f"tt-m-{n}", cert, "… before ", "Ada", " after", section)
           for n, cert, section in ((1, "high", "Early"), (3, "medium", ""), (4, "low", "Late"))]
    bob = Mention("bob", "tt-m-2", "", "", "Bob & <co>", "", "")
    parts = edition_parts(_index([ada[0], bob, ada[1], ada[2]], title='T "x" & y'), "<li>entry</li>", '"a.html"',
                          '"T \\"x\\" & y"', RegisterData({"ada": "Ada Lovelace"}, 12))
    assert parts.entry == "<li>entry</li>" and [(p.person, p.mentions) for p in parts.persons] == [("ada", 3), ("bob", 1)]
    assert parts.persons[0].card == '{"page": "a.html", "title": "T \\"x\\" & y", "count": 3}'
    assert parts.persons[0].register == (
        '<div class="mentions-in"><h4><a class="edition" href="a.html">T "x" &amp; y</a> '
        '<span class="count">(3 mentions)</span></h4>'
        '<ol class="mentions" aria-label="Mentions of Ada Lovelace in T &#34;x&#34; &amp; y">'
        '<li><a class="mention" href="a.html#tt-m-1"><span class="context">… before <mark>Ada</mark> after</span></a>'
        '<span class="section"> — Early</span></li>'
        '<li><a class="mention" href="a.html#tt-m-3"><span class="context">… before <mark>Ada</mark> after</span></a> '
        '<span class="cert cert-medium" title="identified by the tool with medium certainty">medium</span></li>'
        '<li><a class="mention" href="a.html#tt-m-4"><span class="context">… before <mark>Ada</mark> after</span></a> '
        '<span class="cert cert-low" title="identified by the tool with low certainty">low</span>'
        '<span class="section"> — Late</span></li></ol></div>')
    # a person the personography does not name goes by the id; past the open limit, folded
    folded = edition_parts(_index([bob]), "", '"a.html"', '"A"', RegisterData({}, 0)).persons[0].register
    assert folded == ('<div class="mentions-in"><details><summary><cite>A</cite> (1 mention)</summary>'
                      '<ol class="mentions" aria-label="Mentions of bob in A"><li><a class="mention" href="a.html#tt-m-2">'
                      '<span class="context"><mark>Bob &amp; &lt;co&gt;</mark></span></a></li></ol></details></div>')


def test_an_editions_chronology_parts_give_each_date_its_place_in_time_and_its_sentence():
    def date(id, values, text, sentence, start, has_year=True, cert="", section=""):
        return DatedPassage(id, values, cert, text, sentence, section, start, start, has_year)

    dates = [date("tt-t-1", {"when": "1905-10-26"}, "26 October", "On 26 October 1905 & after.", "101905-10-26",
                  section="Part 1"),
             date("tt-t-2", {"from": "1889", "to": "1914"}, "then", "No sentence here.", "101889-00-00", cert="medium"),
             date("tt-t-3", {"not-before": "-0044-03"}, "", "Caesar.", "099955-03-00"),
             date("tt-t-4", {"when": "--10-26"}, "26 Oct", "", "100000-10-26", has_year=False, cert="low")]
    parts = edition_parts(_index(dates=dates, page="é.html"), "", '"é.html"', '"A"', RegisterData({}, 12)).dates
    assert [(d.start, d.has_year, d.year) for d in parts] == [
        ("101905-10-26", True, "1905"), ("101889-00-00", True, "1889"), ("099955-03-00", True, "44 BCE"),
        ("100000-10-26", False, "")]
    assert parts[0].entry == (
        '<li class="event" data-start="101905-10-26"><a class="when" href="%C3%A9.html#tt-t-1">1905-10-26</a> '
        '<span class="sentence">On <mark>26 October</mark> 1905 &amp; after.</span> '
        '<span class="source">— <cite>A</cite>, Part 1</span></li>')
    assert '>1889 to 1914</a> <span class="sentence">No sentence here.</span>' in parts[1].entry
    assert parts[1].entry.endswith('</span> <span class="cert cert-medium">medium certainty</span></li>')
    assert '>not before -0044-03</a> <span class="sentence">Caesar.</span>' in parts[2].entry
    assert [year_of("101905-00-00"), year_of("099998-01-01"), year_of("100000-00-00")] == ["1905", "1 BCE", "0"]


def test_the_parts_are_escaped_as_saxons_html_serializer_escapes_them():
    """Every character XML allows, in text, in an attribute and in an href, written by Python as
    Saxon's HTML5 serializer (as the site's stylesheets use it) writes it."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    executable = processor.new_xslt30_processor().compile_stylesheet(stylesheet_text=r"""
        <xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0" expand-text="yes">
          <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>
          <xsl:param name="s"/>
          <xsl:template name="xsl:initial-template">
            <xsl:for-each select="tokenize($s, '\|')"><span title="{.}"><a href="{.}">{.}</a></span><hr/></xsl:for-each>
          </xsl:template>
        </xsl:stylesheet>""")
    allowed = [code for code in range(0x110000) if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF
               or 0xE000 <= code <= 0xFFFD or 0x10000 <= code]
    strings = [chr(code) for code in allowed[:0xF000] + allowed[0xF000::251] if code != ord("|")]
    strings += ["a&{b", "&&{", "x y", "%41", "e\u0301x", "a\u0340b", "<&>\"'", "Zoë & co é.html#tt-m-1"]
    executable.set_parameter("s", processor.make_string_value("|".join(strings)))
    written = executable.call_template_returning_string().split("<hr>")[:-1]
    ours = [f'<span title="{html_attribute(s)}"><a href="{html_uri_attribute(s)}">{html_text(s)}</a></span>'
            for s in strings]
    assert len(written) == len(strings)
    assert [(s, w) for s, w, o in zip(strings, written, ours) if w != o] == []


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
