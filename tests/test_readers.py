"""Readers: detection of the kind of source and the structure each reader builds.

The texts here are invented, in the shape of each kind of source, so that the tests show the
readers work on documents they have never seen.
"""
from __future__ import annotations

import pytest

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


def test_every_block_is_a_slice_of_the_source():
    for source in (BOOK, BIOGRAPHY, TRANSCRIPT):
        doc = read(source, "x.txt")
        for block in doc.blocks():
            assert source[block.offset:block.end] == block.text


def test_book_excerpt_structure_and_credit_line():
    doc = read(BOOK, "book.txt", "book")
    assert [o.reason for o in doc.omissions] == ["advertisement", "advertisement"]
    assert [o.line for o in doc.omissions] == [3, 17]
    assert [n.attrs["n"] for n in doc.body] == ["1", "2"]  # the "*" break starts a second section
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
        ("noteAnchor", "1", "(1)")]
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
            ("Executive Producers", "Lee Boss (Riverside)"), ("Executive Producers", "Ann Chief (Audio House)")} <= roles


@pytest.mark.parametrize("text, heading", [("Early Years", True), ("Act One: The Crossing", True),
                                           ("It fell at night.", False), ("A long line\nof two", False),
                                           ("He said (12)", False), ("lowercase start", False)])
def test_is_heading_like(text, heading):
    assert common.is_heading_like(text) is heading
