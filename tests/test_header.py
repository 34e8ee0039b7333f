"""The teiHeader as a cataloguer or another TEI tool reads it: every piece of metadata a sidecar
gives lands in the element TEI defines for it, the header says what the tool did and to which
file, and the edition is valid. Fast (small sources), so that it runs first under mutmut.

Black-box: `convert_files` / `convert_text` and XPath over the edition.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from lxml import etree

from tei_tools import __version__, serialize
from tei_tools.convert import convert_files, convert_text
from tei_tools.personography import Personography
from tei_tools.validate import Validator
from tei_tools.xml import TEI_NS, XML_NS

T = {"t": TEI_NS}
SOURCE = ("A Winter in Vienna\n\nAnna Petrova came to Vienna in May 1913 and stayed until the spring of 1914.\n\n"
          "Article continues after advertisement\n\n"
          "She wrote to her brother, \u201cThe city is loud,\u201d and went on working.\n")
SIDECAR = {"title": "A Winter in Vienna", "authors": ["Ann Writer", "Ben Scribe"], "publisher": "Northway Press",
           "pub_place": "Leeds", "date": "1921-03", "date_text": "March 1921", "series": "Letters Quarterly",
           "source_url": "https://example.org/winter", "licence": "CC BY 4.0", "language": "de",
           "edition_authority": "The Vienna Letters Project"}
KIND_LABELS = {"book": "book excerpt", "biography": "biography", "transcript": "podcast transcript"}
SOURCE_TITLE_LEVELS = {"book": "m", "biography": "a", "transcript": "a"}
SERIES_LEVELS = {"book": "j", "biography": "j", "transcript": "s"}


def xpath(root, path: str):
    return root.xpath(path, namespaces=T)


def text(root, path: str) -> str:
    return " ".join(root.xpath(f"string({path})", namespaces=T).split())


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator("project")


def convert_with(tmp_path: Path, kind: str, sidecar: dict | None) -> tuple[Path, etree._Element]:
    source = tmp_path / "winter.txt"
    source.write_text(SOURCE, encoding="utf-8")
    if sidecar is not None:
        source.with_suffix(".json").write_text(json.dumps(sidecar), encoding="utf-8")
    out = tmp_path / "out"
    result = convert_files([source], out, kind=kind, personography=out / "persons.xml")[0]
    assert result.status == "written", result.message
    return out / "winter.xml", etree.parse(str(out / "winter.xml")).getroot()


@pytest.mark.parametrize("kind", sorted(KIND_LABELS))
def test_every_sidecar_field_lands_where_tei_puts_it(tmp_path, kind, validator):
    path, root = convert_with(tmp_path, kind, SIDECAR)
    title_stmt = "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt"
    assert text(root, f"{title_stmt}/t:title[@type='main']") == "A Winter in Vienna"
    assert text(root, f"{title_stmt}/t:title[@type='sub']") == f"A TEI edition of the {KIND_LABELS[kind]}"
    assert [" ".join(a.text.split()) for a in xpath(root, f"{title_stmt}/t:author")] == ["Ann Writer", "Ben Scribe"]
    tool = xpath(root, f"{title_stmt}/t:respStmt[@xml:id='tei-tools']")
    assert len(tool) == 1 and text(tool[0], "t:name") == f"tei-tools {__version__}"
    assert "persons, dates and quotations" in text(tool[0], "t:resp")

    publication = "/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt"
    assert text(root, f"{publication}/t:authority") == "The Vienna Letters Project"
    assert text(root, f"{publication}/t:availability/t:licence") == "CC BY 4.0"
    assert xpath(root, f"{publication}/t:idno[@type='tei-tools-digest']")

    bibl = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl"
    assert text(root, f"{bibl}/t:title[@level='{SOURCE_TITLE_LEVELS[kind]}']") == "A Winter in Vienna"
    assert text(root, f"{bibl}/t:title[@level='{SERIES_LEVELS[kind]}']") == "Letters Quarterly"
    assert [" ".join(a.text.split()) for a in xpath(root, f"{bibl}/t:author")] == ["Ann Writer", "Ben Scribe"]
    assert text(root, f"{bibl}/t:publisher") == "Northway Press"
    assert text(root, f"{bibl}/t:pubPlace") == "Leeds"
    assert xpath(root, f"{bibl}/t:date/@when") == ["1921-03"] and text(root, f"{bibl}/t:date") == "March 1921"
    assert xpath(root, f"{bibl}/t:ref/@target") == ["https://example.org/winter"]
    assert text(root, f"{bibl}/t:ref") == "https://example.org/winter"
    digest = "sha256:" + hashlib.sha256(SOURCE.encode("utf-8")).hexdigest()
    assert text(root, f"{bibl}/t:note[@type='file']") == f"Plain-text file winter.txt, {digest}."

    assert root.get(f"{{{XML_NS}}}lang") == "de"
    assert xpath(root, "//t:profileDesc/t:langUsage/t:language/@ident") == ["de"]
    assert text(root, "//t:profileDesc/t:langUsage/t:language") == "German"
    change = xpath(root, "//t:revisionDesc/t:change")
    assert len(change) == 1 and change[0].get("who") == "#tei-tools" and change[0].get("type") == "generated"
    assert "winter.txt" in text(change[0], ".") and digest in text(change[0], ".")
    assert validator.validate_file(path) == []


def test_without_a_sidecar_the_header_says_what_it_knows_and_no_more(tmp_path, validator):
    path, root = convert_with(tmp_path, "book", None)
    # the heading the text opens with is its title; nothing says it is the title of a book
    assert text(root, "//t:titleStmt/t:title[@type='main']") == "A Winter in Vienna"
    assert not xpath(root, "//t:sourceDesc//t:title")
    assert not xpath(root, "//t:titleStmt/t:author") and not xpath(root, "//t:sourceDesc//t:publisher")
    # issue 9: the software is never the publisher; without a sidecar the header says none was named
    assert text(root, "//t:publicationStmt/t:authority") == "No publisher or authority was named for this edition"
    assert "tei-tools" not in text(root, "//t:publicationStmt/t:authority")
    assert not xpath(root, "//t:licence")
    assert "rights remain with its rights holders" in text(root, "//t:availability/t:p")
    assert not xpath(root, "//t:sourceDesc//t:date") and not xpath(root, "//t:sourceDesc//t:ref")
    assert root.get(f"{{{XML_NS}}}lang") == "en" and text(root, "//t:langUsage/t:language") == "English"
    assert validator.validate_file(path) == []


@pytest.mark.parametrize("opening, title", [
    ("Summers at Larkfield\n\n", "Summers at Larkfield"),
    ("Margaret Ellen Howard, 1931\u20132019\n\n", "Margaret Ellen Howard, 1931\u20132019"),
    ("Chapter 3\n\n", "winter"),  # a part's label is no title of the whole: the file's stem
    ("", "winter"),  # the text opens with a paragraph
])
def test_a_text_without_metadata_is_titled_by_its_opening_heading_or_else_its_file(tmp_path, opening, title):
    source = tmp_path / "winter.txt"
    source.write_text(opening + "Anna Petrova came to Vienna in May 1913 and stayed a year.\n\n"
                      "She wrote to her brother every week.\n", encoding="utf-8")
    convert_files([source], tmp_path / "out", kind="book", personography=tmp_path / "out" / "persons.xml")
    root = etree.parse(str(tmp_path / "out" / "winter.xml")).getroot()
    assert text(root, "//t:titleStmt/t:title[@type='main']") == title
    if opening:  # the heading stays in the text as it was
        assert text(root, "//t:body//t:head") == opening.strip()


def test_an_unknown_language_code_is_declared_by_its_code(tmp_path, validator):
    path, root = convert_with(tmp_path, "book", {"language": "grc"})
    assert xpath(root, "//t:langUsage/t:language/@ident") == ["grc"] and root.get(f"{{{XML_NS}}}lang") == "grc"
    assert text(root, "//t:langUsage/t:language") == "grc"
    assert validator.validate_file(path) == []


def test_the_header_describes_the_conversion_and_what_was_left_out(tmp_path):
    _, root = convert_with(tmp_path, "book", None)
    application = xpath(root, "//t:encodingDesc/t:appInfo/t:application")
    assert len(application) == 1 and application[0].get("ident") == "tei-tools"
    assert application[0].get("version") == __version__ and text(application[0], "t:label") == "tei-tools"
    paragraphs = [" ".join(p.split()) for p in xpath(root, "//t:editorialDecl/t:p/text()")]
    assert len(paragraphs) == 4
    assert "words of the source are kept unchanged and in order" in paragraphs[0]
    assert "@cert" in paragraphs[1] and "@resp" in paragraphs[1] and "ISO 8601" in paragraphs[2]
    normalization = xpath(root, "//t:editorialDecl/t:normalization/t:p")
    assert len(normalization) == 1 and normalization[0].get("n") == "advertisement"
    declared = " ".join(normalization[0].text.split())
    assert "Removed 1 (advertisement: 'Article continues after advertisement') at source lines 5." in declared


def test_an_edition_with_nothing_left_out_declares_no_normalization(tmp_path):
    source = tmp_path / "plain.txt"
    source.write_text("A Note\n\nNothing to leave out here.\n", encoding="utf-8")
    convert_files([source], tmp_path / "out", personography=tmp_path / "out" / "persons.xml")
    assert not etree.parse(str(tmp_path / "out" / "plain.xml")).getroot().xpath("//t:normalization", namespaces=T)


def test_the_bytes_carry_their_own_digest_and_point_at_both_schemas(tmp_path):
    source = tmp_path / "plain.txt"
    source.write_text("A Note\n\nAnna Petrova wrote in 1913.\n", encoding="utf-8")
    _, data, _ = convert_text(source.read_text(encoding="utf-8"), "plain.txt", Personography.empty(),
                              schema_href="../schema/tei-tools")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="../schema/tei-tools.rng" '
                           b'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                           b'<?xml-model href="../schema/tei-tools.sch" type="application/xml" '
                           b'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n<TEI ')
    assert data.endswith(b"</TEI>\n") and serialize.is_untouched(data) is True
    assert serialize.DIGEST_PLACEHOLDER.encode() not in data
    _, bare, _ = convert_text(source.read_text(encoding="utf-8"), "plain.txt", Personography.empty())
    assert bare.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI ') and b"xml-model" not in bare


TRANSCRIPT = Path(__file__).parent / "data" / "sources" / "transcript_five_acts.txt"
BOOK_WITH_CREDIT = Path(__file__).parent / "data" / "sources" / "book_prologue_permission.txt"


def test_a_transcripts_credits_become_responsibilities_in_the_title_and_the_source(tmp_path, validator):
    people = Personography.empty()
    doc, data, _ = convert_text(TRANSCRIPT.read_text(encoding="utf-8"), TRANSCRIPT.name, people)
    (tmp_path / "persons.xml").write_bytes(people.to_bytes())
    credits = [(r.resp, r.name) for r in doc.meta.responsibilities]
    assert len(credits) >= 5 and ("Music", "Lindsay Graham") in credits
    expected: dict[str, list[str]] = {}  # one respStmt per person, every role they are credited for
    for role, name in credits:
        expected.setdefault(name, []).append(role)
    root = etree.fromstring(data)
    # the source's credits describe the source, not the edition (issue 9): none in titleStmt
    assert not xpath(root, "//t:titleStmt/t:respStmt[not(@xml:id)]")
    found = {text(r, "t:name"): [text(resp, ".") for resp in xpath(r, "t:resp")]
             for r in xpath(root, "//t:sourceDesc/t:bibl/t:respStmt")}
    assert found == expected
    assert all("(" not in name and "," not in name for name in found)  # names only, no affiliation
    path = tmp_path / "episode.xml"
    path.write_bytes(data)
    assert validator.validate_file(path) == []


def test_a_books_credit_line_is_quoted_in_the_source_description(tmp_path, validator):
    source = BOOK_WITH_CREDIT.read_text(encoding="utf-8")
    people = Personography.empty()
    doc, data, _ = convert_text(source, BOOK_WITH_CREDIT.name, people)
    (tmp_path / "persons.xml").write_bytes(people.to_bytes())
    root = etree.fromstring(data)
    credit = text(root, "//t:sourceDesc/t:bibl/t:note[@type='credit']")
    assert credit.startswith("From Winter Ledger") and credit == " ".join(doc.meta.source_statement.split())
    assert text(root, "//t:sourceDesc/t:bibl/t:title[@level='m']") == "Winter Ledger: A Memoir of Two Cities"
    assert text(root, "//t:sourceDesc/t:bibl/t:publisher") == "Northlight Editions"
    assert xpath(root, "//t:sourceDesc/t:bibl/t:date/@when") == ["2022"]
    path = tmp_path / "book.xml"
    path.write_bytes(data)
    assert validator.validate_file(path) == []
