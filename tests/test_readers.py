"""Readers: detection of the kind of source and the structure each reader builds.

The texts here are invented, in the shape of each kind of source, so that the tests show the
readers work on documents they have never seen.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_tools import fidelity, serialize
from tei_tools.model import Block, Container, iter_blocks
from tei_tools.readers import common, detect_kind, read

BOOK = """What did Anna Petrova know of the plan?

Article continues after advertisement

She arrived in Lisbon in 1931. The city was “a furnace of rumours,” her diary says.

I remember the harbour at dawn; I remember the gulls and my own fear. Nobody met me.

*

Years later she wrote again.

__________________________________

From The Harbour Years by Maria Keller. Published by Northway Press, an imprint of Big House. Copyright © 2024 by Maria Keller.

Article continues after advertisement

Maria Keller

Maria Keller

Maria Keller is a historian who lives in Porto.
"""

BIOGRAPHY = """Anna Petrova

Anna Petrova was born in Tver on 3rd March, 1890. She later recalled: "We were poor." (1)

Anna Petrova
Anna Petrova

Early Years

In 1905 she moved to Moscow. (2) She met Ivan Orlov there.

A photograph of Anna Petrova and
friends in Moscow (1910)

Primary Sources

(1) Anna Petrova, My Years (1950)

We were poor, but we were happy.

The winters were long.

(2) Ivan Orlov, letter to a friend (1912)

She is the bravest person I know.

(3) Anna Petrova, quotations (1890-1970)

Courage is a habit.

Fear is a rumour.
"""

TRANSCRIPT = """Mar. 3, 2024

The Night the Bridge Fell

The Night the Bridge Fell

March 3, 1921. A bridge collapses and a city holds its breath.


Cold Open

It’s March 1921 in a river town.

A crowd gathers on the bank.


From Riverside Audio, I’m Sam Host and this is Yesterday Daily.

Today is March 3rd, 1921: The Night the Bridge Fell.

Act One: The Crossing

The bridge was old.

Act Two: The Fall

It fell at night.


Next on Yesterday Daily. A ship sinks.

From Riverside Audio, this is Yesterday Daily, hosted and produced by me, Sam Host.

Audio editing by Kim Editor.

Executive Producers are Lee Boss for Riverside and Ann Chief for Audio House.
"""


def tags(nodes) -> list[str]:
    return [n.tag for n in nodes]


def test_split_blocks_keeps_exact_offsets():
    source = "  First block\nstill first\n\n\n  Second\n"
    blocks = common.split_blocks(source)
    assert [b.text for b in blocks] == ["First block\nstill first", "Second"]
    assert all(source[b.offset:b.offset + len(b.text)] == b.text for b in blocks)
    assert [b.line for b in blocks] == [1, 5]


@pytest.mark.parametrize("text, kind", [(BOOK, "book"), (BIOGRAPHY, "biography"), (TRANSCRIPT, "transcript"),
                                        ("Just some prose.\n\nMore prose.", "book")])
def test_detect_kind(text, kind):
    assert detect_kind(text) == kind


ENCYCLOPEDIA = ("Ada Wong (botanist)\n\nAda Wong (4 June 1902 – 17 November 1981) was a botanist known for her "
                "ferns.\n\nEarly life\n\nWong was born in Portland, Oregon.\n")
QUESTIONS = ("Interview with Helena Sorensen, 12 May 2009\n\nQ: When did you first meet him?\n\n"
             "A: In 1962, in Hellebaek.\n\nQ: What was he like?\n\nA: Demanding.\n")


@pytest.mark.parametrize("text, kind", [
    (ENCYCLOPEDIA, "biography"), (ENCYCLOPEDIA.replace("Ada Wong (4", "Ada Wong (born 4").replace(
        " – 17 November 1981", ""), "biography"),
    # the life's dates must open the text: a novel's aside later on is no encyclopedia's first sentence
    ("The Mill\n\nWe moved to Lowell.\n\nThe widow next door was kind.\n\nOld Greeley (1790–1860) was the "
     "watchman.\n", "book"),
    (QUESTIONS, "transcript"),
    # a birth name and what she was known as between the dates and "was"
    ("Dorothy Wynne\n\nDorothy Wynne (n\u00e9e Pryce; 12 March 1874 \u2013 3 January 1951), known to her "
     "students as \"Miss Dot\", was a Welsh botanist.\n\nEarly life\n\nWynne was born in Aberystwyth.\n", "biography"),
    ("Florence Nightingale\n\nFlorence Nightingale was born in Florence on 12 May 1820.\n\nShe died in 1910.\n",
     "biography"),
    ("Chapter One\n\nI was born in a small town. Nobody there was born rich.\n", "book")])
def test_detect_kind_of_encyclopedia_articles_and_question_and_answer_interviews(text, kind):
    assert detect_kind(text) == kind


def test_every_block_is_a_slice_of_the_source():
    for source in (BOOK, BIOGRAPHY, TRANSCRIPT):
        doc = read(source, "x.txt")
        for block in doc.blocks():
            assert source[block.offset:block.end] == block.text


def test_book_excerpt_structure_and_credit_line():
    doc = read(BOOK, "book.txt", "book")
    assert [o.reason for o in doc.omissions] == ["advertisement", "advertisement"]
    assert [o.line for o in doc.omissions] == [3, 17]
    # the "*" break starts a second section, and stays in the text as a milestone between them
    assert [(n.tag, n.attrs.get("n"), n.attrs.get("rend")) for n in doc.body] == [
        ("div", "1", None), ("milestone", None, "*"), ("div", "2", None)]
    assert doc.meta.title == "The Harbour Years" and doc.meta.authors == ["Maria Keller"]
    assert doc.meta.publisher.startswith("Northway Press") and doc.meta.date == "2024"
    colophon, about = doc.back
    assert colophon.attrs["type"] == "colophon"
    heads = [b for b in about.children if isinstance(b, Block) and b.tag == "head"]
    assert [h.attrs.get("type") for h in heads] == [None, "repeated"]


def test_book_excerpt_first_person_extract_is_a_block_quotation():
    doc = read(BOOK, "book.txt", "book")
    quotes = [n for n in doc.body[0].children if isinstance(n, Container) and n.tag == "quote"]
    assert len(quotes) == 1 and quotes[0].children[0].text.startswith("I remember the harbour")


def test_biography_title_sections_figures_and_note_markers():
    doc = read(BIOGRAPHY, "bio.txt", "biography")
    assert doc.meta.title == "Anna Petrova"
    opening, early, sources = doc.body
    assert tags(opening.children) == ["p", "figure"]
    figure = opening.children[1]
    assert [h.attrs.get("type") for h in figure.children] == [None, "repeated"]
    assert early.children[0].text == "Early Years"
    marker = [s for s in opening.children[0].spans if s.tag == "ref"]
    assert [(s.attr("type"), s.attr("n"), s.text_in(opening.children[0].text)) for s in marker] == [
        ("noteref", "1", "(1)")]
    caption = early.children[-1]
    assert caption.tag == "figure" and len(caption.children) == 1  # a wrapped caption is one unit


def test_biography_primary_sources_become_cited_extracts_and_a_quotation_list():
    doc = read(BIOGRAPHY, "bio.txt", "biography")
    sources = doc.body[-1]
    assert sources.attrs["type"] == "sources" and sources.children[0].text == "Primary Sources"
    first, second, third = sources.children[1:]
    assert [d.attrs["n"] for d in (first, second, third)] == ["1", "2", "3"]
    cit = first.children[0]
    assert cit.tag == "cit" and tags(cit.children) == ["bibl", "quote", "quote"]
    assert third.children[1].tag == "list" and third.children[1].attrs["type"] == "quotations"
    assert [i.children[0].text for i in third.children[1].children] == ["Courage is a habit.", "Fear is a rumour."]


def test_transcript_front_acts_and_credits():
    doc = read(TRANSCRIPT, "ep.txt", "transcript")
    title_page, argument = doc.front
    assert [b.tag for b in iter_blocks([title_page])] == ["docDate", "titlePart", "titlePart"]
    assert [b.attrs.get("type") for b in iter_blocks([title_page])][1:] == ["main", "repeated"]
    assert argument.tag == "argument"
    assert [(d.attrs.get("type"), d.attrs.get("n")) for d in doc.body] == [
        ("section", None), ("intro", None), ("act", "1"), ("act", "2")]
    assert [d.attrs["type"] for d in doc.back] == ["next-episode", "credits"]
    meta = doc.meta
    assert meta.title == "The Night the Bridge Fell" and meta.series == "Yesterday Daily"
    assert meta.authors == ["Sam Host"] and meta.publisher == "Riverside Audio"
    roles = {(r.resp, r.name) for r in meta.responsibilities}
    assert {("Host", "Sam Host"), ("Producer", "Sam Host"), ("Audio editing", "Kim Editor"),
            ("Executive Producers", "Lee Boss"), ("Executive Producers", "Ann Chief")} <= roles


@pytest.mark.parametrize("text, heading", [("Early Years", True), ("Act One: The Crossing", True),
                                           ("It fell at night.", False), ("A long line\nof two", False),
                                           ("He said (12)", False), ("lowercase start", False)])
def test_is_heading_like(text, heading):
    assert common.is_heading_like(text) is heading


# ---------------------------------------------------------------- invented documents on disk
# tests/data/sources/ holds whole invented documents of each kind, written to vary the way real
# pages vary (chapters, epigraphs, captions of one to three lines, question headings, sponsor
# messages, other credit phrasings ...). The tests below pin the structure each reader builds.

SOURCES = Path(__file__).resolve().parent / "data" / "sources"


def source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def find(nodes, tag: str, **attrs) -> list:
    """Every node below `nodes` (depth first) with this tag and these attributes."""
    found = []
    for node in nodes:
        if node.tag == tag and all(node.attrs.get(k) == v for k, v in attrs.items()):
            found.append(node)
        if isinstance(node, Container):
            found.extend(find(node.children, tag, **attrs))
    return found


def texts(nodes) -> list[str]:
    return [b.text for b in iter_blocks(nodes)]


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.stem)
def test_invented_document_kind_is_detected(path):
    assert detect_kind(path.read_text(encoding="utf-8")) == path.stem.split("_")[0]


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.stem)
def test_invented_document_keeps_every_word_in_order(path):
    """Fidelity: the edition's words are the source's words minus the declared omissions."""
    text = path.read_text(encoding="utf-8")
    doc = read(text, path.name)
    for block in doc.blocks():
        assert text[block.offset:block.end] == block.text
    kept = list(text)
    for omitted in doc.omissions:
        assert text[omitted.offset:omitted.offset + len(omitted.text)] == omitted.text
        kept[omitted.offset:omitted.offset + len(omitted.text)] = " " * len(omitted.text)
    edition = etree.fromstring(serialize.to_bytes(doc))
    assert fidelity.compare(fidelity.words("".join(kept)), fidelity.tei_text_words(edition)) == []


def test_book_chapters_subtitles_and_epigraph():
    doc = read(source("book_chapters_epigraph.txt"), "b.txt", "book")
    assert [(d.attrs["type"], d.attrs["n"]) for d in doc.body] == [("chapter", "1"), ("chapter", "2")]
    first = doc.body[0]
    assert [(h.text, h.attrs.get("type")) for h in first.children[:2]] == [("Chapter 1", None), ("The Salt Road", "sub")]
    epigraph = first.children[2]
    assert epigraph.tag == "epigraph"
    cit = epigraph.children[0]
    assert tags(cit.children) == ["quote", "bibl"]
    assert cit.children[1].text == "—Hester Vane, The Long Accounts"
    assert texts(doc.body[1].children[:2]) == ["Chapter 2", "The Well"]


def test_book_advertisement_glued_to_a_paragraph_is_cut_out():
    text = source("book_chapters_epigraph.txt")
    doc = read(text, "b.txt", "book")
    assert [o.line for o in doc.omissions] == [12, 17, 28, 36]
    paragraphs = texts(doc.body)
    assert any(p.endswith("crossed the line out.") for p in paragraphs)
    assert "Nobody spoke of the well at Taghaza. Everyone thought of it." in paragraphs
    assert not any("advertisement" in p for p in paragraphs)


@pytest.mark.parametrize("name, title, authors, publisher, year", [
    ("book_chapters_epigraph.txt", "The Salt Road", ["Amara Okafor"], "Harbor & Finch Books", "2023"),
    ("book_prologue_permission.txt", "Winter Ledger: A Memoir of Two Cities", ["Tomas Lindqvist"],
     "Northlight Editions", "2022"),
    ("book_numbered_upper.txt", "THE NAMING OF VALLEYS", ["Lucía Fernández Ortega"], "Tidewater Books", "2024"),
])
def test_book_credit_line_phrasings(name, title, authors, publisher, year):
    doc = read(source(name), name, "book")
    assert (doc.meta.title, doc.meta.authors, doc.meta.publisher, doc.meta.date) == (title, authors, publisher, year)
    assert doc.back[0].attrs["type"] == "colophon"


def test_book_author_note_without_a_name_line_or_with_a_repeated_one():
    single = read(source("book_prologue_permission.txt"), "b.txt", "book").back[1]
    assert single.attrs["type"] == "about-author" and tags(single.children) == ["p"]
    twice = read(source("book_numbered_upper.txt"), "b.txt", "book").back[1]
    assert [(n.tag, n.attrs.get("type")) for n in twice.children] == [("head", None), ("head", "repeated"), ("p", None)]


def test_book_numbered_and_prologue_headings_start_divisions():
    numbered = read(source("book_numbered_upper.txt"), "b.txt", "book")
    assert [d.children[0].text for d in numbered.body] == ["1.", "2."]
    prologue = read(source("book_prologue_permission.txt"), "b.txt", "book")
    assert prologue.body[0].children[0].text == "Prologue"
    assert [d.attrs.get("type", d.tag) for d in prologue.body] == ["chapter", "milestone", "section"]  # "* * *" starts the second
    assert find(prologue.body, "quote", type="block")[0].children[0].text.startswith("I cannot tell you")


def test_book_without_credit_line_has_no_back_and_asterisks_are_a_break_not_a_rule():
    doc = read(source("book_plain_no_credit.txt"), "b.txt", "book")
    assert [n.tag for n in doc.body] == ["div", "milestone", "div"] and doc.back == [] and doc.meta.title == ""
    assert doc.body[0].children[0].tag == "p"  # an opening question is a paragraph, not a heading


def test_book_credit_above_the_rule_and_editorial_note_before_the_excerpt():
    text = ("The following is excerpted from Tide Tables by Noor Haddad.\n\nThe boats came in at noon.\n\n"
            "They left again at dusk, as they always had, and nobody on the quay said a word.\n\n"
            "Excerpted from Tide Tables by Noor Haddad. Copyright © 2021 by Noor Haddad. "
            "Reprinted by permission of Saltmarsh Press.\n\n__________\n\nNoor Haddad\n\nNoor Haddad lives in Beirut.\n")
    doc = read(text, "b.txt", "book")
    assert doc.front[0].attrs["type"] == "editorial-note"
    assert [d.attrs["type"] for d in doc.back] == ["colophon", "about-author"]
    assert (doc.meta.title, doc.meta.publisher, doc.meta.date) == ("Tide Tables", "Saltmarsh Press", "2021")
    assert texts(doc.body) == ["The boats came in at noon.",
                               "They left again at dusk, as they always had, and nobody on the quay said a word."]


def test_book_dialogue_with_dashes_is_not_an_epigraph():
    text = "Chapter 3\n\nHe opened the door.\n\n—Come in, she said. You are late.\n\nHe came in.\n"
    doc = read(text, "b.txt", "book")
    assert find(doc.body, "epigraph") == []


def test_biography_question_and_colon_headings_without_captions():
    doc = read(source("biography_no_captions.txt"), "bio.txt", "biography")
    heads = [d.children[0].text for d in doc.body if d.children and d.children[0].tag == "head"]
    assert heads[:3] == ["Why did she leave Memphis?", "Journalism: The Free Press Years", "Later Life"]
    assert find(doc.body, "figure") == []
    markers = [s.attr("n") for b in iter_blocks(doc.body[0].children) for s in b.spans if s.tag == "ref"]
    assert markers == ["1", "2"]  # "(1)" stands in the middle of its paragraph


def test_biography_sources_with_a_sentence_as_bibl_lettered_lines_and_quotations():
    doc = read(source("biography_no_captions.txt"), "bio.txt", "biography")
    sources = doc.body[-1]
    assert sources.attrs["type"] == "sources"
    divs = sources.children[1:]
    assert [d.attrs["n"] for d in divs] == ["1", "2", "3", "4", "5"]
    assert find([divs[1]], "bibl")[0].text.startswith("(2) In her autobiography")
    letter = texts(find([divs[3]], "quote", type="block"))
    assert [t[:3] for t in letter[1:]] == ["(a)", "(b)", "(c)"]
    quotations = find([divs[4]], "list", type="quotations")[0]
    assert len(quotations.children) == 3


@pytest.mark.parametrize("name, captions", [
    ("biography_captions.txt", [["Mary Wollstonecraft by John Opie (c. 1797)"],
                                ["Mary Wollstonecraft", "Mary Wollstonecraft"],
                                ["Newington Green Unitarian Church",
                                 "The meeting house at Newington Green where Richard Price preached\n"
                                 "from 1758 until his death in 1791."],
                                ["Title page of A Vindication of the Rights of Woman (1792)"]]),
    ("biography_short_sources.txt", [["Kwame Nkrumah", "Kwame Nkrumah in London in 1945."]]),
])
def test_biography_captions_of_one_two_and_three_lines(name, captions):
    doc = read(source(name), name, "biography")
    assert [texts([f]) for f in find(doc.body, "figure")] == captions


def test_biography_without_primary_sources_and_with_a_question_heading():
    doc = read(source("biography_captions.txt"), "bio.txt", "biography")
    assert find(doc.body, "div", type="sources") == []
    heads = [d.children[0].text for d in doc.body if d.children[0].tag == "head"]
    assert heads == ["The School at Newington Green", "A Vindication of the Rights of Woman",
                     "What did her critics say?", "Death"]


def test_biography_bibl_followed_by_its_extract_without_a_blank_line():
    doc = read(source("biography_short_sources.txt"), "bio.txt", "biography")
    first = find(doc.body, "div", type="source")[0]
    assert find([first], "bibl")[0].text == "(1) Kwame Nkrumah, Ghana: The Autobiography of Kwame Nkrumah (1957)"
    assert texts(find([first], "quote"))[0].startswith("At Achimota")
    assert find(doc.body, "div", type="sources")[0].children[0].text == "Original Sources"


def test_transcript_without_cold_open_or_repeated_title_and_with_numbered_acts():
    doc = read(source("transcript_four_acts_no_cold_open.txt"), "ep.txt", "transcript")
    title_page, argument = doc.front
    assert [b.tag for b in iter_blocks([title_page])] == ["docDate", "titlePart"]
    assert len(argument.children) == 1  # the host's introduction is not part of the summary
    assert [(d.attrs.get("type"), d.attrs.get("n")) for d in doc.body] == [
        ("intro", None), ("act", "1"), ("act", "2"), ("act", "3"), ("act", "4")]


def test_transcript_sponsor_message_is_kept_as_an_advertisement_note():
    mid_act = read(source("transcript_four_acts_no_cold_open.txt"), "ep.txt", "transcript")
    notes = find(mid_act.body, "note", type="advertisement")
    assert len(notes) == 1 and notes[0] in mid_act.body[2].children  # inside Act 2, between paragraphs
    assert mid_act.body[2].children[-1].text.startswith("A wall of molasses")
    two_parts = read(source("transcript_two_acts_sponsor.txt"), "ep.txt", "transcript")
    note, = find(two_parts.body, "note", type="advertisement")
    assert len(note.children) == 2 and "promo code" in note.children[1].text
    assert mid_act.omissions == [] and two_parts.omissions == []


@pytest.mark.parametrize("name, expected", [
    ("transcript_four_acts_no_cold_open.txt", {("Writer", "Sarah Elmwood"), ("Senior producer", "Dana Okoye"),
                                               ("Theme music", "Carl Brandt"), ("Executive producer", "Lindsay Graham"),
                                               ("Executive producers", "Steven Walters"),
                                               ("Executive producers", "Pascal Hughes")}),
    ("transcript_five_acts.txt", {("Host", "Lindsay Graham"), ("Audio editing", "Ravi Menon"),
                                  ("Sound design", "Ravi Menon"), ("Music", "Lindsay Graham"),
                                  ("Writer", "Claire Dunmore"), ("Researcher", "Claire Dunmore"),
                                  ("Fact-checking", "Omar Haddad"), ("Associate producer", "Beth Kwan")}),
    ("transcript_two_acts_sponsor.txt", {("Sound design", "Tess Alder"), ("Mixing", "Tess Alder"),
                                         ("Producer", "Martin Ruiz"), ("Producer", "Jo Park")}),
])
def test_transcript_credit_phrasings_become_responsibilities(name, expected):
    doc = read(source(name), name, "transcript")
    assert expected <= {(r.resp, r.name) for r in doc.meta.responsibilities}
    assert doc.back[-1].attrs["type"] == "credits"


def test_transcript_five_acts_and_a_differently_worded_introduction():
    doc = read(source("transcript_five_acts.txt"), "ep.txt", "transcript")
    assert [d.attrs.get("n") for d in doc.body if d.attrs["type"] == "act"] == ["1", "2", "3", "4", "5"]
    assert doc.meta.series == "History Daily" and doc.meta.publisher == "Airship and Noiser"
    assert doc.back[0].attrs["type"] == "next-episode"


def test_transcript_story_sentence_with_by_is_not_a_credit():
    text = ("The Bridge\n\nA summary.\n\nAct I: Plans\n\nThe plans were old.\n\nAct II: Steel\n\n"
            "It was designed by Isambard Brunel.\n\nWritten by Ana Cole.\n")
    doc = read(text, "ep.txt", "transcript")
    assert [d.attrs.get("n") for d in doc.body] == ["1", "2"]
    assert texts(doc.body[-1].children)[-1] == "It was designed by Isambard Brunel."
    assert {(r.resp, r.name) for r in doc.meta.responsibilities} == {("Writer", "Ana Cole")}


def test_transcript_cold_open_without_its_heading_stays_in_the_body():
    text = ("May 1, 2024\n\nThe Fire\n\nMay 1, 1871. A city burns.\n\nIt’s a windy night.\n\nA lamp tips over.\n\n"
            "From Noiser and Airship, I’m Lindsay Graham and this is History Daily.\n\nAct One: Smoke\n\nThe bells ring.\n")
    doc = read(text, "ep.txt", "transcript")
    assert texts([doc.front[1]]) == ["May 1, 1871. A city burns."]
    assert [d.attrs["type"] for d in doc.body] == ["section", "intro", "act"]
    assert texts([doc.body[0]]) == ["It’s a windy night.", "A lamp tips over."]


def test_biography_with_encyclopedia_note_markers_and_a_numbered_reference_list():
    text = source("biography_encyclopedia_brackets.txt")
    assert detect_kind(text) == "biography"
    doc = read(text, "bio.txt")
    assert [find([d], "head")[0].text for d in doc.body[1:]] == ["Early life", "Expeditions"]
    refs = [(s.attr("n"), s.attr("target"), s.text_in(b.text)) for b in doc.blocks() for s in b.spans if s.tag == "ref"]
    assert refs == [(str(n), f"#note-{n}", f"[{n}]") for n in range(1, 6)]
    (notes,) = doc.back
    assert [n.attrs["n"] for n in find([notes], "note")] == ["1", "2", "3", "4", "5"]
    assert find([notes], "note", n="3")[0].text == "3. Ström, K. A. (1911). The Stockholm School of Drawing."
