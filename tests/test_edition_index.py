"""tei_tools.render.edition_index: the compact index each edition's render yields, and the site
pages made from the merged indexes alone (never from the editions themselves)."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from tei_tools.render import EditionIndex, Renderer, gather, site_document
from tei_tools.render.edition_index import sort_key

DATA = Path(__file__).resolve().parent / "data" / "render"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The three test editions rendered one at a time, each by a renderer of its own (as worker
    processes would), and their indexes."""
    out = tmp_path_factory.mktemp("indexed")
    indexes = []
    names = ["engine", "episode", "notes"]
    for position, name in enumerate(names):
        result = Renderer().render_edition(
            DATA / f"{name}.xml", out, DATA / "persons.xml",
            previous=f"{names[position - 1]}.html" if position else "",
            following=f"{names[position + 1]}.html" if position + 1 < len(names) else "")
        indexes.append(result.index)
    return out, indexes


def test_the_index_has_the_mentions_with_context_and_the_dates_with_their_sentence(rendered):
    _, (engine, episode, notes) = rendered
    assert (engine.title, engine.kind, engine.year, engine.authors) == (
        "The Analytical Engine", "Biography", "2021", ["Test Author"])
    first = engine.mentions[0]
    assert (first.person, first.id, first.cert, first.text) == ("lovelace", "tt-m-1", "high", "Ada Lovelace")
    assert first.before == "" and first.after.startswith(" was born on 10th December, 1815.")
    assert first.section == "Early years"
    medium = [m for m in engine.mentions if m.cert == "medium"]
    assert {m.person for m in medium} == {"somerville", "lovelace"}
    assert [m.section for m in engine.mentions if m.text == "Ada"] == ["Section 3"]
    died = next(d for d in engine.dates if d.values == {"when": "1852-11-27"})
    assert died.sentence == "Lovelace died on 27th November, 1852." and died.text == "27th November, 1852"
    summer = next(d for d in engine.dates if "not-before" in d.values)
    assert (summer.start, summer.end) == ("101843-07-00", "101843-09-99")
    assert episode.kind == "Podcast transcript" and notes.year == "1834"


def test_an_index_travels_between_processes(rendered):
    _, indexes = rendered
    for index in indexes:
        assert pickle.loads(pickle.dumps(index)) == index
        assert EditionIndex.from_dict(json.loads(json.dumps(index.as_dict()))) == index


def test_the_site_pages_are_made_from_the_indexes_alone(rendered, tmp_path):
    _, indexes = rendered
    pages = Renderer().render_site_pages(indexes, tmp_path, DATA / "persons.xml")
    assert sorted(p.name for p in pages) == ["chronology.html", "index.html", "persons-data.js", "persons.html",
                                             "search.html"]
    register = lxml_html.parse(str(tmp_path / "persons.html")).getroot()
    links = register.xpath("//article[@id='lovelace']//a[@class='mention']/@href")
    assert links == [f"{i.page}#{m.id}" for i in indexes for m in i.mentions if m.person == "lovelace"]
    chronology = lxml_html.parse(str(tmp_path / "chronology.html")).getroot()
    assert len(chronology.xpath("//li[@class='event']")) == sum(len(i.dates) for i in indexes)
    assert site_document(indexes) == site_document(indexes), "merging is deterministic"


def test_pages_link_to_their_neighbours(rendered):
    out, _ = rendered
    middle = lxml_html.parse(str(out / "episode.html")).getroot()
    assert middle.xpath("//a[@rel='prev']/@href") == ["engine.html"]
    assert middle.xpath("//a[@rel='next']/@href") == ["notes.html"]
    assert not lxml_html.parse(str(out / "engine.html")).getroot().xpath("//a[@rel='prev']")


def test_a_failed_edition_is_linked_past(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>", encoding="utf-8")
    failures = []
    Renderer().render_site([DATA / "engine.xml", broken, DATA / "notes.xml"], tmp_path / "site", DATA / "persons.xml",
                           on_error=failures.append, search=False)
    assert [f.path for f in failures] == [broken]
    engine = lxml_html.parse(str(tmp_path / "site" / "engine.html")).getroot()
    assert engine.xpath("//a[@rel='next']/@href") == ["notes.html"]


@pytest.mark.parametrize("value, end, expected", [
    ("1905-10-26", False, ("101905-10-26", True)),
    ("1905", False, ("101905-00-00", True)),
    ("1905", True, ("101905-99-99", True)),
    ("1905-10", True, ("101905-10-99", True)),
    ("-0044-03-15", False, ("099955-03-15", True)),
    ("--10-26", False, ("100000-10-26", False)),
])
def test_sort_keys_order_dates_as_time_does(value, end, expected):
    assert sort_key(value, end=end) == expected


def test_sort_keys_put_bce_before_ce_and_earlier_bce_first():
    keys = [sort_key(v, end=False)[0] for v in ("0001", "-0001", "-0044", "1905", "0300")]
    assert sorted(keys) == [sort_key(v, end=False)[0] for v in ("-0044", "-0001", "0001", "0300", "1905")]


def test_gather_on_a_page_without_mentions_or_dates_reads_its_head_only():
    page = ('<!DOCTYPE HTML><html><head><meta name="citation_author" content="A"></head><body><article>'
            '<h1>T</h1><p class="facets"><span class="kind">Prose</span></p><div class="tt-reading"><p>text'
            '</p></div></article></body></html>')
    index = gather(page, "t", "t.html")
    assert (index.title, index.kind, index.authors, index.mentions, index.dates) == ("T", "Prose", ["A"], [], [])


def test_an_index_written_as_text_is_the_tree_it_makes(rendered):
    """to_xml (what workers hand Saxon) parses to what to_element builds, escapes included."""
    _, indexes = rendered
    odd = EditionIndex(stem="x", page="x.html", title='A & B <"c">', kind="", year="", authors=["", "Z\tY"],
                       mentions=[], dates=[])
    for index in [*indexes, odd]:
        made = etree.fromstring(f'<s:site xmlns:s="urn:tei-tools:site">{index.to_xml()}</s:site>')[0]
        assert etree.tostring(made, method="c14n") == etree.tostring(index.to_element(), method="c14n")


def _random_passage(rng) -> str:
    """Words, sentence ends with closing quotes and brackets, runs of white space, long sentences."""
    pieces = []
    for _ in range(rng.randrange(0, 2000)):
        pieces.append(rng.choice(["word", "Anna", "x", "longerword", "1917", "“quoted", "(aside"]))
        pieces.append(rng.choice([" ", " ", " ", "  ", "\n   ", ". ", "!” ", "?) ", "… ", ".", ", ", " \t "]))
    return "".join(pieces)


@pytest.mark.parametrize("window", [2, 16, 100, 1024])
def test_the_context_read_from_a_window_is_the_one_the_whole_passage_gives(monkeypatch, window):
    """The words around a mention and a date's sentence come from a window around it (reading the
    whole passage per mention was quadratic); they must be what the whole text gives, whether
    the first window holds enough (large ones) or must be widened (small ones)."""
    import random

    from tei_tools.render import edition_index
    from tei_tools.render.edition_index import (_context_words, _sentence, _sentence_around, _words_after,
                                                _words_before)

    monkeypatch.setattr(edition_index, "_WINDOW", window)
    rng = random.Random(13)
    checked = 0
    for _ in range(150):
        whole = _random_passage(rng)
        for _ in range(5):
            start = rng.randrange(0, len(whole) + 1)
            end = min(len(whole), start + rng.randrange(0, 12))
            before, text, after = whole[:start], whole[start:end], whole[end:]
            assert _context_words(whole, start, end) == (_words_before(before), _words_after(after))
            assert _sentence_around(whole, start, end) == _sentence(before, text, after)
            checked += len(whole) > 3 * 1024  # windows smaller than the passage were tried
    assert checked > 100
