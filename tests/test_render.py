"""tei_tools.render and `tei-tools render`: the HTML site, the plain text, the engine, the CLI,
and the word-order fidelity of both outputs on the editions and on real TEI from elsewhere.

Fidelity, as checked here: the letters and digits of the TEI <text> (header excluded), in
document order with each document's notes moved to its end, equal those of the output's reading
text: in HTML everything inside div.tt-reading except elements of class "gen" (note numbers,
back links, labels the stylesheet adds); in plain text everything except what the stylesheet
wraps in its generated-start/-end marks (title block, note numbers, the Notes heading).
Comparing the stream of word characters (not the word list) keeps word division out of it:
<lb/> inside a word or <w>/<pc> tokens glued without spaces read the same in every output.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import time
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from tei_tools.cli import cli
from tei_tools.render import (GENERATED_END, GENERATED_START, Renderer, RenderError, RenderSetupError,
                              html_reading_words, reading_words, render_paths, strip_generated_marks,
                              stylesheet_parameters, text_reading_words, words)
from tei_tools.render.search import pagefind_command
from tei_tools.xml import parse_file

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "render"
EDITIONS = REPO / "editions"
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (gold/corpus/schemas) is not beside this clone")
MARKS = {"generated-start": GENERATED_START, "generated-end": GENERATED_END}


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def page(path: Path):
    return lxml_html.document_fromstring(path.read_text("utf-8"))


def tei(body: str, *, header: str = "<title>A test</title>", lang: str = "en", tei_tools: bool = False) -> str:
    app = ('<encodingDesc><appInfo><application ident="tei-tools" version="0"><label>tei-tools</label>'
           '</application></appInfo></encodingDesc>') if tei_tools else ""
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc><titleStmt>{header}'
            f'</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>'
            f'{app}</teiHeader><text><body>{body}</body></text></TEI>')


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def first_difference(expected: list[str], found: list[str]) -> str:
    matcher = SequenceMatcher(a=expected, b=found, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag != "equal":
            return (f"{tag} at word {a1}: TEI {expected[max(0, a1 - 3):a2 + 3][:12]} "
                    f"vs output {found[max(0, b1 - 3):b2 + 3][:12]}")
    return "word division only"


def assert_same_words(expected: list[str], found: list[str], what: str) -> None:
    if "".join(expected) != "".join(found):
        pytest.fail(f"{what}: words lost, added or moved: {first_difference(expected, found)}")


# ---------------------------------------------------------------------------------------------
# The site made from the hand-made editions in tests/data/render
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer()


SITE_EDITIONS = [DATA / "engine.xml", DATA / "episode.xml", DATA / "notes.xml"]


@pytest.fixture(scope="module")
def site(tmp_path_factory, renderer) -> Path:
    out = tmp_path_factory.mktemp("site")
    renderer.render_site(SITE_EDITIONS, out, DATA / "persons.xml", search=False)
    return out


def test_the_site_has_per_edition_a_page_its_text_and_its_tei_and_the_site_pages(site):
    names = sorted(p.name for p in site.iterdir())
    assert names == ["chronology.html", "engine.html", "engine.txt", "engine.xml", "episode.html", "episode.txt",
                     "episode.xml", "index.html", "notes.html", "notes.txt", "notes.xml", "persons-data.js",
                     "persons.html", "search.html", "site-search.js", "site.css", "site.js"]
    for edition in SITE_EDITIONS:
        assert (site / edition.name).read_bytes() == edition.read_bytes(), "the TEI is copied byte for byte"
    for name in ("engine.html", "index.html", "persons.html", "chronology.html", "search.html"):
        document = page(site / name)
        assert document.xpath('//link[@rel="stylesheet"]/@href') == ["site.css"]
        assert document.xpath('//meta[@name="viewport"]')
        assert (site / name).read_text("utf-8").startswith("<!DOCTYPE HTML>")


def test_an_edition_page_shows_the_header_metadata(site):
    document = page(site / "engine.html")
    assert document.xpath("string(//h1)") == "The Analytical Engine"
    assert document.xpath("string(//title)") == "The Analytical Engine"
    assert "by Test Author" in document.xpath("string(//p[@class='byline'])")
    facts = dict(zip(document.xpath("//dl[@class='metadata']/dt/text()"),
                     [d.text_content() for d in document.xpath("//dl[@class='metadata']/dd")]))
    assert "An Encyclopedia Site" in facts["Source"] and "2021" in facts["Source"]
    assert facts["Credit"] == "Written for the tests by Test Author."
    assert facts["Conversion to TEI and automatic markup"] == "tei-tools 0.1.0"
    assert facts["Notes"] == "Test Editor"
    assert facts["Published by"] == "The tei-tools test society" and facts["Date of this edition"] == "2026-01-02"
    assert document.xpath("//dl[@class='metadata']/dd/a[@href='https://creativecommons.org/licenses/by/4.0/']")
    assert document.xpath("//details[@class='edition-facts']/summary")
    assert document.xpath("//details[@class='edition-facts']/div[@class='about']")
    assert document.xpath("string(//p[@class='facets'])").split() == ["Biography", "·", "2021"]


def test_credits_and_unknown_facts_of_a_generated_edition_read_cleanly(tmp_path):
    render_paths([EDITIONS], "html", tmp_path, params={"search-page": ""})
    transcript = page(tmp_path / "002_bf42027c87447ce1.html")
    facts = dict(zip(transcript.xpath("//dl[@class='metadata']/dt/text()"),
                     [d.text_content() for d in transcript.xpath("//dl[@class='metadata']/dd")]))
    assert facts["Host, Editor, Executive producer, Music"] == "Lindsay Graham"
    assert facts["Executive Producers"] in ("Steven Walters (for Airship)", "Pascal Hughes (for Noiser)")
    assert not any(" ,  " in value or value.startswith(",") for value in facts.values())
    assert "Host" not in facts["Source"], "credits are listed on their own, not glued into the source line"
    biography = page(tmp_path / "001_025703152d1661b8.html")
    facts = dict(zip(biography.xpath("//dl[@class='metadata']/dt/text()"),
                     [d.text_content() for d in biography.xpath("//dl[@class='metadata']/dd")]))
    assert "publisher" in facts["Not known"] and "tei-tools" not in facts["Published by"]


def test_the_table_of_contents_reaches_every_section_and_labels_untitled_ones_as_generated(site):
    document = page(site / "engine.html")
    links = document.xpath("//nav[@class='toc']//a")
    assert [a.text_content() for a in links] == ["Early years", "Later life", "Section 3", "Primary Sources",
                                                 "Source 1", "Source 2", "Colophon"]
    for link in links:
        target = document.get_element_by_id(link.get("href")[1:])
        if link.xpath("span[@class='generated-label']"):
            assert target.tag == "div" and not target.xpath("h2"), "only untitled sections get a made-up label"
        else:
            assert target.tag == "section" and target.xpath("string(h2)") == link.text_content()
    assert len(document.xpath("//div[@class='tt-reading']//*[contains(@class, 'div')]")) == len(links)


def test_a_repeated_line_is_shown_once_more_only_as_a_marked_repetition(site):
    engine, episode = page(site / "engine.html"), page(site / "episode.html")
    caption = engine.xpath("//figure/figcaption")[0]
    heads = caption.xpath("./*[contains(@class, 'head')]")
    assert [h.get("class") for h in heads] == ["head", "head repetition t-repeated"]
    assert heads[1].xpath("string(span[contains(@class, 'gen')])") == "Repeated in the source: "
    assert not episode.xpath("//h1[contains(@class, 'titlePart')] | //h2[contains(@class, 'repetition')]")
    assert "(repeated in the source) The Difference Engine" in (site / "episode.txt").read_text("utf-8")


def test_a_figure_without_an_image_says_so_beside_its_caption(site):
    figure = page(site / "engine.html").xpath("//figure")[0]
    assert "no-image" in figure.get("class")
    assert figure.xpath("string(p[contains(@class, 'image-missing')])") == "Image not reproduced"
    assert "  | [Image not reproduced]\n  | Ada Lovelace (c. 1840)" in (site / "engine.txt").read_text("utf-8")


def test_a_section_break_is_visible_in_html_and_text(site):
    assert page(site / "engine.html").xpath("//div[@class='tt-reading']//hr[contains(@class, 'milestone')]")
    assert "\n*   *   *\n" in (site / "engine.txt").read_text("utf-8")


def test_structure_headings_paragraphs_figures_quotations(site):
    document = page(site / "engine.html")
    reading = document.xpath("//div[@class='tt-reading']")[0]
    assert [h.text_content() for h in reading.xpath(".//h2[@class='head']")] == [
        "Early years", "Later life", "Primary Sources"]
    figure = reading.xpath(".//figure/figcaption")[0]
    assert "Ada Lovelace (c. 1840)" in figure.text_content() and "watercolour" in figure.text_content()
    block = reading.xpath(".//blockquote")[0]
    assert block.text_content().strip().startswith("“The Analytical Engine weaves")
    cit = reading.xpath(".//div[contains(@class, 'cit')]")[0]
    assert cit.xpath("./p[contains(@class, 'source')]")[0].text_content().startswith("(1) Ada Lovelace, a letter")
    assert len(cit.xpath("./blockquote")) == 2
    assert reading.xpath(".//hr[contains(@class, 'milestone')]")


def test_inline_quotations_keep_their_own_marks_and_css_adds_none(site):
    document = page(site / "engine.html")
    quotes = document.xpath("//div[@class='tt-reading']//q")
    assert quotes and all(q.text_content().startswith("“") for q in quotes)
    assert not document.xpath("//q[contains(@class, 'tt-marks')]")
    css = (site / "site.css").read_text("utf-8")
    assert "q { quotes: none; }" in css


def test_a_person_links_to_the_register_with_name_and_dates_on_hover(site):
    document = page(site / "engine.html")
    mention = document.xpath("//a[contains(@class, 'persName')]")[0]
    assert mention.text_content() == "Ada Lovelace"
    assert mention.get("href") == "persons.html#lovelace"
    assert mention.get("title") == "Ada Lovelace (1815–1852)"
    assert mention.get("id") == "tt-m-1"
    uncertain = document.xpath("//a[@href='persons.html#menabrea']")[0]
    assert "cert-low" in uncertain.get("class") and uncertain.get("title") == "Luigi Menabrea (b. 1809)"


def test_the_register_lists_every_person_and_links_back_to_each_mention(site):
    register = page(site / "persons.html")
    entries = register.xpath("//article[@class='person']")
    assert [e.get("id") for e in entries] == ["babbage", "lovelace", "menabrea", "unmentioned", "somerville"]
    assert [h.text_content() for h in register.xpath("//section[@class='letter']/h2")] == ["B", "L", "M", "S"]
    lovelace = register.get_element_by_id("lovelace")
    assert "Augusta Ada Byron (birth name)" in lovelace.text_content()
    assert lovelace.xpath(".//a[@href='https://www.wikidata.org/wiki/Q7259']")
    back = [a.get("href") for a in lovelace.xpath(".//a[@class='mention']")]
    assert back == ["engine.html#tt-m-1", "engine.html#tt-m-6", "engine.html#tt-m-7", "engine.html#tt-m-9",
                    "episode.html#tt-m-2", "notes.html#tt-m-2"]
    for href in back:  # each link lands on a mention of this very person
        name, fragment = href.split("#")
        target = page(site / name).get_element_by_id(fragment)
        assert target.get("href") == "persons.html#lovelace"
    assert "Not mentioned" in register.get_element_by_id("unmentioned").text_content()
    assert "not yet reviewed" in register.get_element_by_id("menabrea").text_content()
    groups = lovelace.xpath(".//div[@class='mentions-in']")
    assert [g.xpath("string(.//a[@class='edition'])") for g in groups] == [
        "The Analytical Engine", "The Difference Engine Is Demonstrated", "Mary Somerville's Connexion"]
    context = lovelace.xpath(".//ol[@class='mentions']/li")[0].text_content()
    assert context.startswith("Ada Lovelace was born on 10th December, 1815. Her tutor") and "Early years" in context


def test_dates_become_time_elements(site):
    document = page(site / "engine.html")
    times = {t.text_content(): t for t in document.xpath("//time[contains(@class, 'date')]")}
    assert times["10th December, 1815"].get("datetime") == "1815-12-10"
    assert times["June 1833"].get("datetime") == "1833-06"
    assert times["1842 and 1843"].get("datetime") == "1842"
    assert times["1842 and 1843"].get("title") == "from 1842 to 1843"


def test_note_markers_whose_notes_are_not_in_the_text_link_nowhere(site):
    document = page(site / "engine.html")
    markers = document.xpath("//sup[@class='noteanchor']/*")
    assert [m.text_content() for m in markers] == ["(1)", "(2)"]
    for marker in markers:
        assert marker.tag == "span" and "unlinked" in marker.get("class") and marker.get("href") is None
        assert "not part of this edition" in marker.get("title")
    assert not document.xpath("//a[starts-with(@href, '#tt-d-')][not(contains(@class, 'permalink'))][ancestor::div[@class='tt-reading']]"), \
        "no marker leads to a Primary Source that happens to carry the same number"


def test_note_markers_link_to_the_notes_the_source_carries(site):
    document = page(site / "notes.html")
    markers = document.xpath("//sup[@class='noteanchor']/a")
    assert [m.text_content() for m in markers] == ["(1)", "(2)"]
    for marker in markers:
        note = document.get_element_by_id(marker.get("href")[1:])
        assert "endnote" in note.get("class") and note.text_content().startswith(marker.text_content())
    assert not document.xpath("//section[@class='footnotes']"), "the source's own notes stay where it has them"


def test_notes_become_footnotes_with_back_links(site):
    document = page(site / "engine.html")
    marker = document.xpath("//a[@role='doc-noteref']")[0]
    assert marker.get("href") == "#tt-fn-1" and marker.get("id") == "tt-fnref-1"
    footnote = document.get_element_by_id("tt-fn-1")
    assert "her mother's letters" in footnote.text_content()
    assert footnote.xpath(".//a[@href='#tt-fnref-1']")
    assert footnote.xpath("ancestor::section[@class='footnotes']")


def test_the_index_lists_the_editions_with_their_metadata(site):
    index = page(site / "index.html")
    links = index.xpath("//ul[@class='editions']//h2/a")
    assert [(a.get("href"), a.text_content()) for a in links] == [
        ("engine.html", "The Analytical Engine"), ("episode.html", "The Difference Engine Is Demonstrated"),
        ("notes.html", "Mary Somerville's Connexion")]
    assert "Host" in index.xpath("string(//li[2]//dl)")
    assert index.xpath("//a[@href='persons.html']") and index.xpath("//a[@href='chronology.html']")
    assert index.xpath("string(//li[1]//p[@class='facets'])") == "Biography · 2021"


def test_the_text_version_has_title_block_headings_paragraphs_quotations_and_endnotes(site):
    text = (site / "engine.txt").read_text("utf-8")
    assert text.startswith("=====================\nThe Analytical Engine\n=====================\n")
    assert "\nEarly years\n===========\n\n" in text
    assert "\n\nAda Lovelace was born on 10th December, 1815." in text
    assert "\n    “The Analytical Engine weaves algebraical patterns just as the\n    Jacquard loom" in text
    assert "\n    (1) Ada Lovelace, a letter (1841)\n\n    “I hope to bequeath" in text
    assert "Charles Babbage in June 1833[1], and" in text
    assert text.rstrip().endswith("Notes\n-----\n\n[1] The month is given by her mother's letters.")
    assert "called her “a most promising pupil,”" in text  # the source's marks, none added
    assert max(len(line) for line in text.splitlines()) <= 72


def test_rendering_is_deterministic(tmp_path, site):
    """Every file of the site, byte for byte, except Pagefind's index (pagefind/), whose filter
    files and entry list come out in a different order on each run (Pagefind 1.5)."""
    again = tmp_path / "again"
    render_paths([DATA], "html", again)
    made = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file()
                  and not p.relative_to(again).as_posix().startswith("pagefind/"))
    assert made == sorted(p.name for p in site.iterdir())
    for name in made:
        assert (again / name).read_bytes() == (site / name).read_bytes(), name


def test_the_person_index_finds_the_persons_the_key_over_the_personography_finds(tmp_path, monkeypatch):
    """The personography's persons by id (common/person-index.xsl, made once per run) stand for
    key() over the personography (the safe parser refuses a personography with an id twice)."""
    with_index = Renderer().render_html(DATA / "engine.xml", tmp_path / "index").read_bytes()
    monkeypatch.setattr(Renderer, "_person_index", lambda self, path, node: None)  # the key, as before
    with_key = Renderer().render_html(DATA / "engine.xml", tmp_path / "key").read_bytes()
    assert with_index == with_key
    assert with_index.count(b"data-person-name=") >= 2, "the edition's registered mentions found their persons"


def test_each_stylesheet_is_compiled_once_for_many_documents(tmp_path):
    renderer = Renderer()
    for _ in range(3):
        renderer.render_site([DATA / "engine.xml", DATA / "episode.xml"], tmp_path, DATA / "persons.xml", search=False)
        renderer.render_text(DATA / "engine.xml", tmp_path)
    assert sorted(renderer.timings.compile) == ["chronology", "edition-html", "edition-text", "index", "person-index",
                                                "persons", "persons-data", "search", "site-parts"]
    assert len(renderer.timings.render) == 3 * (2 * 2 + 5 + 1)  # page + text per edition, site pages, a text


# ---------------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------------

def test_parameters_are_documented_in_the_stylesheets():
    parameters = stylesheet_parameters()
    for name in ("css", "show-register", "toc", "line-width", "notes-heading", "add-quotation-marks"):
        assert name in parameters and len(parameters[name].description) > 20, name
    assert parameters["line-width"].default == "72"
    assert "personography" not in parameters and "editions" not in parameters


def test_parameters_change_the_output(tmp_path):
    out = tmp_path / "site"
    params = {"show-register": "no", "css": "style/main.css", "toc": "no", "line-width": "40"}
    render_paths([DATA], "html", out, params=params)
    render_paths([DATA], "text", out, params=params)
    assert not (out / "persons.html").exists()
    document = page(out / "engine.html")
    assert document.xpath('//link[@rel="stylesheet"]/@href') == ["style/main.css"]
    assert not document.xpath("//nav[@class='toc']")
    mention = document.xpath("//*[contains(@class, 'persName')]")[0]
    assert mention.tag == "span" and mention.get("title") == "Ada Lovelace (1815–1852)"
    assert max(len(line) for line in (out / "engine.txt").read_text("utf-8").splitlines() if " " in line.strip()) <= 40


def test_an_unknown_parameter_is_refused():
    with pytest.raises(RenderSetupError, match="unknown stylesheet parameter no-such-thing"):
        Renderer(params={"no-such-thing": "1"})


# ---------------------------------------------------------------------------------------------
# Any TEI: other roots, languages, quotation marks, broken and hostile input
# ---------------------------------------------------------------------------------------------

def test_blocks_inside_inline_elements_still_make_valid_nesting(tmp_path):
    edition = write(tmp_path, "nested.xml", tei(
        '<p>He said <q>“<lg><l>first line</l><l>second line</l></lg>”</q> and <hi rend="italic">left'
        '<list><item>one</item></list></hi>.<note><p>A note with <q>a quote</q>.</p></note></p>'
        '<p><ref target="#x">a link around <persName ref="https://example.org/p">a name</persName></ref></p>'))
    out = render_paths([edition], "html", tmp_path / "out")
    document = page(tmp_path / "out" / "nested.html")
    assert not document.xpath("//p//div | //p//blockquote | //span//div | //q//div"), "blocks inside phrasing"
    assert not document.xpath("//a//a"), "links inside links"
    assert document.xpath("//blockquote//div[contains(@class, 'l')]")
    assert out


def test_tei_from_elsewhere_gets_quotation_marks_only_where_it_has_none(tmp_path):
    body = ('<p>She said <q>no</q>, then “<q>perhaps</q>” and <q>“yes”</q>.</p>'
            '<p xml:lang="de">Er sagte <q>nein</q>.</p>')
    foreign = write(tmp_path, "foreign.xml", tei(body))
    ours = write(tmp_path, "ours.xml", tei(body, tei_tools=True))
    render_paths([foreign, ours], "html", tmp_path / "html")
    render_paths([foreign, ours], "text", tmp_path / "text")
    classes = [q.get("class") for q in page(tmp_path / "html" / "foreign.html").xpath("//q")]
    assert classes == ["q tt-marks", "q", "q", "q tt-marks"]
    assert not page(tmp_path / "html" / "ours.html").xpath("//q[contains(@class, 'tt-marks')]")
    text = (tmp_path / "text" / "foreign.txt").read_text("utf-8")
    assert "She said “no”, then “perhaps” and “yes”." in text and "Er sagte „nein“." in text
    assert "She said no, then “perhaps” and “yes”." in (tmp_path / "text" / "ours.txt").read_text("utf-8")


def test_language_codes_become_valid_html_and_rtl_text_gets_its_direction(tmp_path):
    edition = write(tmp_path, "langs.xml", tei(
        '<p xml:lang="lat">Gallia est</p><p xml:lang="syc">ܫܠܡܐ</p><p xml:lang="mp">?</p>'
        '<p xml:lang="sr-Cryl">x</p><p xml:lang="grc-Grek">λόγος</p>', lang="eng"))
    render_paths([edition], "html", tmp_path)
    document = page(tmp_path / "langs.html")
    assert document.xpath("/html/@lang") == ["en"]
    paragraphs = document.xpath("//div[@class='tt-reading']//p")
    assert [(p.get("lang"), p.get("dir")) for p in paragraphs] == [
        ("la", "ltr"), ("syc", "rtl"), ("", None), ("sr", "ltr"), ("grc-Grek", "ltr")]


def test_other_roots_and_corpora_render(tmp_path):
    surface = write(tmp_path, "surface.xml",
                    '<surface xmlns="http://www.tei-c.org/ns/1.0"><zone><line>a line on a page</line></zone></surface>')
    corpus = write(tmp_path, "corpus.xml", (
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Both</title>'
        '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
        + tei("<p>first member</p>", header="<title>One</title>").replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")
        + tei("<p>second member<note>its note</note></p>", header="<title>Two</title>")
        .replace(' xmlns="http://www.tei-c.org/ns/1.0"', "") + "</teiCorpus>"))
    render_paths([surface, corpus], "html", tmp_path / "out")
    render_paths([surface, corpus], "text", tmp_path / "out")
    document = page(tmp_path / "out" / "corpus.html")
    assert document.xpath("string(//h1)") == "Both"
    assert [h.text_content() for h in document.xpath("//h2[contains(@class, 'unit-title')]")] == ["One", "Two"]
    assert "a line on a page" in (tmp_path / "out" / "surface.txt").read_text("utf-8")
    assert page(tmp_path / "out" / "surface.html").xpath("string(//h1)") == "surface"


def test_a_broken_document_fails_alone_and_names_itself(tmp_path):
    good = write(tmp_path, "good.xml", tei("<p>fine</p>"))
    bad = write(tmp_path, "bad.xml", "<TEI><text>unclosed</TEI>")
    failures: list[RenderError] = []
    pages = render_paths([bad, good], "html", tmp_path / "out", on_error=failures.append)
    assert [f.path for f in failures] == [bad]
    assert "not well-formed" in failures[0].message and str(failures[0]).startswith(f"{bad}:1:")
    assert tmp_path / "out" / "good.html" in pages
    assert "bad.html" not in (tmp_path / "out" / "index.html").read_text("utf-8")
    with pytest.raises(RenderError):
        render_paths([bad], "text", tmp_path / "out")


def test_external_entities_are_never_resolved(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-CONTENT")
    hostile = write(tmp_path, "hostile.xml", (
        f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}"><!ENTITY y "inner">]>'
        + tei("<p>before &x; &y; after</p>")))
    render_paths([hostile], "html", tmp_path / "out")
    render_paths([hostile], "text", tmp_path / "out")
    for output in ("hostile.html", "hostile.txt"):
        content = (tmp_path / "out" / output).read_text("utf-8")
        assert "TOP-SECRET" not in content and "before" in content and "inner" in content


def test_page_names_must_not_collide(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = write(tmp_path / "a", "same.xml", tei("<p>1</p>"))
    two = write(tmp_path / "b", "same.xml", tei("<p>2</p>"))
    index = write(tmp_path, "index.xml", tei("<p>3</p>"))
    with pytest.raises(RenderSetupError, match="same page name"):
        render_paths([one, two], "html", tmp_path / "out")
    with pytest.raises(RenderSetupError, match="would replace the index page"):
        render_paths([index], "html", tmp_path / "out")


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------

def test_help_teaches_the_outputs_and_the_exit_codes():
    result = run("render", "--help")
    assert result.exit_code == 0
    for expected in ("--to", "--param", "--personography", "--list-params", "Examples:", "persons.html",
                     "Exit status"):
        assert expected in result.output


def test_list_params_shows_names_defaults_and_descriptions():
    result = run("render", "--list-params")
    assert result.exit_code == 0
    assert "line-width  [default: 72]" in result.output and "show-register" in result.output


def test_render_a_folder_to_html_and_text(tmp_path):
    result = run("render", str(DATA), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "render: " in result.stderr and not (tmp_path / "persons.txt").exists()
    assert (tmp_path / "engine.html").is_file() and (tmp_path / "engine.txt").is_file() and (tmp_path / "engine.xml").is_file()
    result = run("render", str(DATA), "--to", "text", "-o", str(tmp_path), "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["ok"]
    assert sorted(Path(p).name for p in report["pages"]) == ["engine.txt", "episode.txt", "notes.txt"]


def test_a_failing_document_exits_1_with_one_line_and_the_others_render(tmp_path):
    bad = write(tmp_path, "bad.xml", "<TEI>")
    result = run("render", str(bad), str(DATA / "engine.xml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith(f"tei-tools: error: {bad}:1:")
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / "engine.html").is_file()


@pytest.mark.parametrize("args, message", [
    (["nope.xml"], "nope.xml: no such file or folder"),
    ([str(DATA), "--param", "nonsense"], "expected NAME=VALUE"),
    ([str(DATA), "--param", "nope=1"], "unknown stylesheet parameter nope"),
    ([str(DATA), "--personography", "missing.xml"], "missing.xml: no such file"),
])
def test_unusable_input_exits_2_with_one_line(tmp_path, args, message):
    result = run("render", *args, "-o", str(tmp_path))
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------
# The editions and the corpus of real TEI: rendered once per session
# ---------------------------------------------------------------------------------------------

def edition_paths() -> list[Path]:
    return sorted(p for p in EDITIONS.glob("*.xml") if p.name != "persons.xml")


def corpus_paths() -> list[Path]:
    return sorted(CORPUS.glob("*/*.xml")) if CORPUS.is_dir() else []


class Rendered:
    """A whole site (pages, plain texts, search index) and the plain text with generated-text
    marks, for a list of documents."""

    def __init__(self, sources: list[Path], out: Path, personography: Path | None):
        self.sources, self.out = sources, out
        self.failures: list[RenderError] = []
        started = time.perf_counter()
        plain, marked = Renderer(), Renderer(params=MARKS)
        self.pages = plain.render_site(sources, out / "html", personography, on_error=self.failures.append)
        for source in sources:
            try:
                marked.render_text(source, out / "marked")
            except RenderError as error:
                self.failures.append(error)
        self.seconds = time.perf_counter() - started
        self.timings = plain.timings

    def check_fidelity(self, source: Path) -> None:
        expected = reading_words(parse_file(source))
        html = (self.out / "html" / f"{source.stem}.html").read_text("utf-8")
        assert_same_words(expected, html_reading_words(html), f"{source.name} -> HTML")
        marked = (self.out / "marked" / f"{source.stem}.txt").read_text("utf-8")
        assert_same_words(expected, text_reading_words(marked), f"{source.name} -> text")
        plain = (self.out / "html" / f"{source.stem}.txt").read_text("utf-8")
        assert words(strip_generated_marks(marked)) == words(plain), "the marks change nothing but the marks"


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory) -> Rendered:
    if not corpus_paths():
        pytest.skip("../shared/corpus is not beside this clone")
    return Rendered(corpus_paths(), tmp_path_factory.mktemp("corpus"), None)


@pytest.fixture(scope="session")
def editions_site(tmp_path_factory) -> Rendered:
    if not edition_paths():
        pytest.skip("editions/ holds no editions yet (run tei-tools build)")
    personography = EDITIONS / "persons.xml"
    return Rendered(edition_paths(), tmp_path_factory.mktemp("editions"),
                    personography if personography.is_file() else None)


def test_the_hand_made_editions_keep_every_word_in_order(site, tmp_path):
    marked = tmp_path / "marked"
    for edition in (DATA / "engine.xml", DATA / "episode.xml"):
        Renderer(params=MARKS).render_text(edition, marked)
        expected = reading_words(parse_file(edition))
        assert len(expected) > 50 and expected[:3] != expected[-3:]
        assert_same_words(expected, html_reading_words((site / f"{edition.stem}.html").read_text("utf-8")), "html")
        assert_same_words(expected, text_reading_words((marked / f"{edition.stem}.txt").read_text("utf-8")), "text")


def test_the_fidelity_check_notices_a_lost_word(site):
    edition = DATA / "engine.xml"
    html = (site / "engine.html").read_text("utf-8").replace("brass", "").replace("watercolour", "")
    with pytest.raises(pytest.fail.Exception, match="watercolour"):
        assert_same_words(reading_words(parse_file(edition)), html_reading_words(html), "html")


@pytest.mark.slow
def test_every_edition_renders_and_keeps_every_word_in_order(editions_site):
    assert not editions_site.failures, [str(f) for f in editions_site.failures]
    for edition in editions_site.sources:
        editions_site.check_fidelity(edition)


@pytest.mark.slow
@needs_shared
def test_every_corpus_document_renders_to_html_and_text_without_error(corpus_site):
    assert not corpus_site.failures, [str(f) for f in corpus_site.failures]
    for source in corpus_site.sources:
        assert (corpus_site.out / "html" / f"{source.stem}.html").stat().st_size > 500
        assert (corpus_site.out / "html" / f"{source.stem}.txt").stat().st_size > 10
    assert (corpus_site.out / "html" / "pagefind" / "pagefind.js").is_file() or pagefind_command() is None
    print(f"\ncorpus: {len(corpus_site.sources)} documents, html+text+marked text in {corpus_site.seconds:.1f}s; "
          f"compile {corpus_site.timings.compile}")


@pytest.mark.slow
@needs_shared
@pytest.mark.parametrize("name", [p.relative_to(CORPUS).as_posix() for p in corpus_paths()] or ["(none)"])
def test_corpus_documents_keep_every_word_in_order(corpus_site, name):
    corpus_site.check_fidelity(CORPUS / name)


# ---------------------------------------------------------------------------------------------
# The Nu HTML checker
# ---------------------------------------------------------------------------------------------

def vnu_command() -> list[str] | None:
    """java -jar vnu.jar, from tests/install-test-deps.sh's .venv/vnu, $VNU_JAR, or a vnu on PATH."""
    import os

    candidates = [os.environ.get("VNU_JAR", ""), str(REPO / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar")]
    java = shutil.which("java")
    for jar in candidates:
        if jar and Path(jar).is_file() and java:
            return [java, "-jar", jar]
    return [shutil.which("vnu")] if shutil.which("vnu") else None


VNU = vnu_command()
needs_vnu = pytest.mark.skipif(VNU is None, reason="the Nu HTML checker is not installed (java and npm package "
                               "vnu-jar; tests/install-test-deps.sh puts it in .venv/vnu)")


def vnu_errors(pages: list[Path]) -> list[str]:
    result = subprocess.run([*VNU, "--errors-only", "--format", "gnu", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.slow
@needs_vnu
def test_the_pages_are_valid_html5(site, request):
    """Our site, the editions' site and the corpus's site in one run: every page, the register,
    chronology and search page too, but (for CI time) not the largest corpus pages, unless
    TEI_TOOLS_NU_ALL=1 asks for all of them."""
    import os

    limit = float("inf") if os.environ.get("TEI_TOOLS_NU_ALL") == "1" else 500_000
    pages = sorted(site.glob("*.html"))
    for fixture in ("editions_site", "corpus_site"):
        try:
            rendered: Rendered = request.getfixturevalue(fixture)
        except pytest.skip.Exception:
            continue
        pages += sorted(p for p in (rendered.out / "html").glob("*.html") if p.stat().st_size < limit)
    errors = vnu_errors(pages)
    assert not errors, "\n".join(errors[:20])


def test_the_site_pages_stylesheets_compile_ahead_and_a_missing_personography_is_reported_later(tmp_path):
    """render_site compiles the site pages' stylesheets while workers render the editions
    (prepare_site_pages); what cannot be set up then is reported where the pages are written."""
    from tei_tools.render.site_parts import SiteParts

    renderer = Renderer(params={"show-register": "no"})
    renderer.prepare_site_pages(tmp_path / "missing.xml")
    assert {"index", "chronology", "search"} <= set(renderer.timings.compile)
    assert not {"persons", "persons-data"} & set(renderer.timings.compile), "no register, no register pages"
    with SiteParts() as parts, pytest.raises(RenderSetupError, match="no such personography"):
        renderer.write_site_pages(parts, tmp_path, tmp_path / "missing.xml")
