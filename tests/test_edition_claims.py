"""What an edition claims about itself must be true: note markers, section breaks, the header.

The readers and the serializer decide what the TEI says; tests/test_render.py and the browser
tests check that the pages then show it (tests/site/).
"""
from __future__ import annotations

import datetime

from lxml import etree

from tei_tools import serialize
from tei_tools.convert import convert_text
from tei_tools.model import Responsibility
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS, parse_bytes

NS = {"t": TEI_NS}

BIOGRAPHY_WITHOUT_NOTES = """Ada Example

Ada Example was born in a small town in 1815 (1) and moved to the city when she was twelve. (2)

Later life

She wrote about engines all her life. (3)

Primary Sources

(1) Ada Example, a letter to a friend (1833)

The engine is a wonderful thing, and I shall write about it until I die.
"""

BIOGRAPHY_WITH_NOTES = """Ada Example

Ada Example was born in a small town in 1815 (1) and moved to the city when she was twelve. (2)

Notes

(1) Parish register of the town, 1815.

(2) Her own account, written in 1850.
"""


def convert(text: str, name: str = "bio.txt", kind: str | None = "biography", sidecar=None):
    _, data, _ = convert_text(text, name, Personography.empty(), kind=kind, sidecar=sidecar)
    return data, parse_bytes(data).getroot()


def test_markers_whose_notes_the_source_lacks_point_nowhere_and_the_header_says_so():
    _, root = convert(BIOGRAPHY_WITHOUT_NOTES)
    markers = root.findall(".//t:body//t:ref", NS)
    assert [(m.get("type"), m.get("n"), m.text) for m in markers] == [
        ("noteref", "1", "(1)"), ("noteref", "2", "(2)"), ("noteref", "3", "(3)")]
    assert all(m.get("target") is None for m in markers), "no marker may point at a Primary Source"
    declared = " ".join(root.xpath("//t:editorialDecl/t:p/text()", namespaces=NS))
    assert "(1)–(3)" in declared and "not included in this edition" in declared


def test_markers_link_to_the_notes_the_source_carries():
    _, root = convert(BIOGRAPHY_WITH_NOTES)
    markers = root.findall(".//t:body//t:ref", NS)
    notes = root.findall(".//t:back/t:div[@type='notes']/t:note", NS)
    assert [n.get("n") for n in notes] == ["1", "2"] and all(n.get("place") == "end" for n in notes)
    ids = {n.get("{http://www.w3.org/XML/1998/namespace}id"): n for n in notes}
    for marker in markers:
        note = ids[marker.get("target")[1:]]
        assert note.get("n") == marker.get("n")
    assert "".join(ids["note-2"].itertext()).startswith("(2) Her own account")
    assert root.find(".//t:back/t:div[@type='notes']/t:head", NS).text == "Notes"


def test_a_section_break_stays_in_the_book_as_a_milestone():
    _, root = convert("First part of the story goes on for a while.\n\n*\n\nSecond part of the story.\n",
                      "book.txt", "book")
    body = root.find(".//t:body", NS)
    assert [etree.QName(c).localname for c in body] == ["div", "milestone", "div"]
    assert body[1].get("unit") == "section" and body[1].get("rend") == "*"


def test_the_publication_statement_names_no_software_and_gives_date_and_licence(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2025, 3, 4, tzinfo=datetime.timezone.utc)
                                                     .timestamp())))
    _, root = convert(BIOGRAPHY_WITHOUT_NOTES)
    publication = root.find(".//t:publicationStmt", NS)
    assert "tei-tools" not in publication.findtext("t:authority", namespaces=NS)
    assert "No publisher" in publication.findtext("t:authority", namespaces=NS)
    assert publication.find("t:date", NS).get("when") == "2025-03-04"
    assert root.find(".//t:revisionDesc/t:change", NS).get("when") == "2025-03-04"
    assert publication.find("t:availability", NS).get("status") == "unknown"

    _, root = convert(BIOGRAPHY_WITHOUT_NOTES, sidecar={"edition_authority": "The Example Society",
                                                        "licence": "CC BY-SA 4.0"})
    publication = root.find(".//t:publicationStmt", NS)
    assert publication.findtext("t:authority", namespaces=NS) == "The Example Society"
    licence = publication.find("t:availability/t:licence", NS)
    assert licence.text == "CC BY-SA 4.0" and licence.get("target") == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_licence_addresses_only_for_names_that_are_unambiguous():
    assert serialize.licence_url("CC BY 4.0") == "https://creativecommons.org/licenses/by/4.0/"
    assert serialize.licence_url("CC BY-NC-SA 3.0") == "https://creativecommons.org/licenses/by-nc-sa/3.0/"
    assert serialize.licence_url("CC0") == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert serialize.licence_url("All rights reserved") is None
    assert serialize.licence_url("CC BY") is None  # which version? no address is better than a wrong one


def test_the_source_description_says_what_it_does_not_know():
    _, root = convert(BIOGRAPHY_WITHOUT_NOTES)
    bibl = root.find(".//t:sourceDesc/t:bibl", NS)
    assert bibl.get("type") == "biography"
    assert "publisher, date, address" in bibl.findtext("t:note[@type='not-given']", namespaces=NS)


TRANSCRIPT = """Jan. 31, 2023

The Night Of The Storm

A short summary of the episode.

Act One: The Storm

It was a dark night in the harbour, and the boats came in late.

From Riverside Audio, this is Yesterday Daily, hosted, edited, and produced by me, Sam Host.

Audio editing by Kim Editor.

Executive Producers are Lee Boss for Riverside and Ann Chief for Audio House.
"""


def test_credits_are_clean_respstatements_with_names_only():
    _, root = convert(TRANSCRIPT, "episode.txt", "transcript")
    assert not root.findall(".//t:titleStmt/t:respStmt[t:resp='Host']", NS), "the source's credits are not the edition's"
    statements = root.findall(".//t:sourceDesc/t:bibl/t:respStmt", NS)
    credits = {s.findtext("t:name", namespaces=NS): ([r.text for r in s.findall("t:resp", NS)],
                                                   s.findtext("t:note[@type='affiliation']/t:orgName", namespaces=NS))
               for s in statements}
    assert credits["Sam Host"] == (["Host", "Editor", "Producer"], None)
    assert credits["Lee Boss"] == (["Executive Producers"], "Riverside")
    assert credits["Ann Chief"] == (["Executive Producers"], "Audio House")
    assert all("(" not in name for name in credits)


def test_grouped_credits_keep_order_and_affiliations_apart():
    credits = [Responsibility("Host", "A"), Responsibility("Editor", "A"), Responsibility("Producer", "B", "X"),
               Responsibility("Producer", "B")]
    assert serialize._grouped_credits(credits) == [(["Host", "Editor"], "A", ""), (["Producer"], "B", "X"),
                                                   (["Producer"], "B", "")]


def test_a_rebuild_on_another_day_leaves_an_unchanged_edition_as_it_was(monkeypatch):
    def on(day: int) -> bytes:
        moment = datetime.datetime(2025, 1, day, tzinfo=datetime.timezone.utc)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        return convert(BIOGRAPHY_WITHOUT_NOTES)[0]

    first, later = on(1), on(9)
    assert first != later and serialize.recorded_generation_date(later) == "2025-01-09"
    assert serialize.keep_generation_date(first, later) == first
    changed = convert(BIOGRAPHY_WITH_NOTES)[0]
    assert serialize.keep_generation_date(first, changed) == changed, "a real change gets the new date"
    edited = first.replace(b"small town", b"large town")
    assert serialize.keep_generation_date(edited, later) == later, "a hand-edited file is never taken as unchanged"
