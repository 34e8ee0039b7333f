"""The letter reader: datelines, salutations, closings, postscripts, address panels, several
letters in a file, and the header's correspDesc (CMIF), on invented letters with variations
(tests/data/sources/letter_*.txt) and on the real ones of ../shared/eval/real when present."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_tools.convert import convert_text
from tei_tools.model import Block
from tei_tools.personography import Personography
from tei_tools.readers import detect_kind, letter, read

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tests" / "data" / "sources"
REAL = REPO.parent / "shared" / "eval" / "real" / "texts"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
LETTERS = sorted(SOURCES.glob("letter_*.txt"))


def source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def tree(nodes) -> list:
    """(tag, text or children) of each node, for comparing structure."""
    return [(n.tag, n.text) if isinstance(n, Block) else (n.tag, tree(n.children)) for n in nodes]


def edition(text: str, name: str = "letter.txt", **options) -> etree._Element:
    _, data, _ = convert_text(text, name, Personography.empty(), **options)
    return etree.fromstring(data)


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_invented_letters_are_detected_as_letters(path):
    assert detect_kind(path.read_text(encoding="utf-8")) == "letter"


def test_a_letter_with_dateline_salutation_closing_postscripts_and_address_panel():
    doc = letter.read(source("letter_postscript_panel.txt"), "x")
    assert doc.meta.title == "A letter from Cheltenham"
    (div,) = doc.body
    assert div.attrs == {"type": "letter", "xml_id": "letter1", "n": "1"}
    parts = tree(div.children)
    assert parts[0] == ("opener", [("dateline", "Cheltenham, 3rd May 1823."), ("salute", "My dear Brother,")])
    assert [tag for tag, _ in parts] == ["opener", "p", "p", "closer", "postscript", "postscript", "address"]
    assert parts[3] == ("closer", [("salute", "Believe me ever your affectionate sister,"), ("signed", "Harriet Mallory")])
    assert parts[6] == ("address", [("addrLine", "To Mr. Edmund Mallory"), ("addrLine", "King's College"),
                                    ("addrLine", "Cambridge")])
    (facts,) = doc.correspondence
    assert (facts.sender.text, facts.addressee.text, facts.place.text) == ("Harriet Mallory", "Mr. Edmund Mallory",
                                                                         "Cheltenham")


def test_a_file_of_two_letters_becomes_two_letter_divisions():
    doc = letter.read(source("letter_two_letters_old_style.txt"), "x")
    assert [div.attrs["xml_id"] for div in doc.body] == ["letter1", "letter2"]
    assert [tree(div.children)[0] for div in doc.body] == [("head", "Letter I"), ("head", "Letter II")]
    assert [tree(div.children)[-1][1][-1] for div in doc.body] == [("signed", "A. Petrov")] * 2
    assert [f.place.text for f in doc.correspondence] == ["St Petersburg", "Moscow"]


def test_a_closing_at_the_end_of_the_last_paragraph_and_a_dateline_without_a_date():
    (div,) = letter.read(source("letter_signature_same_line.txt"), "x").body
    parts = tree(div.children)
    assert parts[0] == ("opener", [("dateline", "Tuesday night"), ("salute", "My dearest Kate,")])
    assert parts[-2] == ("p", "Kiss the baby for me.")
    assert parts[-1] == ("closer", [("salute", "Ever thine most lovingly"), ("signed", "Jane.")])


def test_what_follows_a_signed_close_is_a_postscript_and_what_follows_a_bare_close_more_letter():
    """Writers add a paragraph after signing without "P.S." (real letters do); a close without
    a signature that the letter goes on after was no close."""
    text = "London, 3rd May 1905\n\nDear Tom,\n\nAll well.\n\nYours ever,\nJ. Smith\n\nThe rain has stopped since I wrote that, and we go out."
    (div,) = letter.read(text, "x").body
    assert tree(div.children)[1:] == [("p", "All well."), ("closer", [("salute", "Yours ever,"), ("signed", "J. Smith")]),
                                      ("postscript", [("p", "The rain has stopped since I wrote that, and we go out.")])]
    bare = text.replace("Yours ever,\nJ. Smith", "Always yours.")
    (div,) = letter.read(bare, "x").body
    assert tree(div.children)[1:] == [("p", "All well."), ("p", "Always yours."),
                                      ("p", "The rain has stopped since I wrote that, and we go out.")]


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_every_word_of_an_invented_letter_is_kept_in_order(path):
    text = path.read_text(encoding="utf-8")
    blocks = read(text, path.name, "letter").blocks()
    assert all(text[b.offset:b.end] == b.text for b in blocks)
    assert [b.offset for b in blocks] == sorted(b.offset for b in blocks)
    covered = "".join(text[b.offset:b.end] for b in blocks)
    assert "".join(text.split()) == "".join(covered.split())


def test_the_header_names_sender_place_date_and_addressee_as_cmif_has_them():
    root = edition(source("letter_postscript_panel.txt"))
    (desc,) = root.findall(".//t:profileDesc/t:correspDesc", TEI)
    assert desc.get("ref") == "#letter1"
    sent, received = desc.findall("t:correspAction", TEI)
    assert sent.get("type") == "sent" and received.get("type") == "received"
    assert [(e.tag.split("}")[1], e.text) for e in sent] == [("persName", "Harriet Mallory"),
                                                            ("placeName", "Cheltenham"), ("date", "3rd May 1823")]
    assert sent.find("t:date", TEI).get("when") == "1823-05-03"
    assert [e.text for e in received] == ["Mr. Edmund Mallory"]


FOOT_ADDRESS = ("Bath, 14th April 1812.\n\nMy dear Sister,\n\nI write in haste, for the post goes at four.\n\n"
                "Your ever affectionate sister,\nAnne\n\n{address}\n")


def test_an_address_line_with_the_place_after_the_name_gives_the_addressee_and_the_place():
    root = edition(FOOT_ADDRESS.format(address="To Miss Mary Musgrove, Uppercross."))
    sent, received = root.findall(".//t:correspAction", TEI)
    assert received.get("type") == "received" and [e.text for e in received] == ["Miss Mary Musgrove"]
    (line,) = root.findall(".//t:address/t:addrLine", TEI)
    assert "".join(line.itertext()) == "To Miss Mary Musgrove, Uppercross."  # the words as they were
    assert [e.text for e in line.findall("t:placeName", TEI)] == ["Uppercross"]
    assert not [e for e in line.findall("t:persName", TEI) if "Uppercross" in "".join(e.itertext())]


@pytest.mark.parametrize("address", ["To Mr. Smith, 12 High Street, London.", "To the Editor, London."])
def test_a_street_address_or_an_untitled_addressee_is_not_read_as_a_name_and_a_place(address):
    root = edition(FOOT_ADDRESS.format(address=address))
    assert not root.findall(".//t:address//t:placeName", TEI)


NUMBERED_COLLECTION = """Letters of Eliza Fenwick

I.

To Mary Hays.

Barbados, 4th March 1814.

My dear Friend,

Your letter reached me only yesterday.

Ever your affectionate
E. Fenwick

II.

To the same.

Barbados, 20th June 1814.

Dear Mary,

The fever has been very bad this season.

Yours ever,
E. F.
"""


def test_a_number_alone_over_the_address_heads_each_letter_of_a_collection():
    root = edition(NUMBERED_COLLECTION, "letters.txt")
    letters = root.findall(".//t:body/t:div[@type='letter']", TEI)
    assert [d.findtext("t:head", namespaces=TEI) for d in letters] == ["I.", "II."]
    assert [len(d.findall("t:p", TEI)) for d in letters] == [1, 1]  # the body's paragraph alone: all else has its place
    first = letters[0]
    assert first.find("t:closer/t:salute", TEI).text == "Ever your affectionate"  # the signature on the next line
    assert "".join(first.find("t:closer/t:signed", TEI).itertext()) == "E. Fenwick"
    descs = root.findall(".//t:correspDesc", TEI)
    assert [d.get("ref") for d in descs] == ["#letter1", "#letter2"]
    assert [d.find("t:correspAction[@type='sent']/t:date", TEI).get("when") for d in descs] == ["1814-03-04", "1814-06-20"]
    assert [d.findtext("t:correspAction[@type='received']/t:persName", namespaces=TEI) for d in descs] == [
        "Mary Hays", "Mary Hays"]  # "To the same."


def test_a_number_alone_in_a_letters_body_heads_nothing():
    (div,) = letter.read("Bath, 2 June 1810\n\nMy dear Sir,\n\nI have your letter.\n\n2.\n\nThe second point is "
                         "this.\n\nYours truly,\nW. Hunt\n", "x").body
    assert [tag for tag, _ in tree(div.children)].count("head") == 0


SUPERSCRIBED = """London, the 12th of March 1664/5.

Sir,

I received yours of the 2d instant.

I am, Sir, your most humble servant,
Tho. Hervey.

For my honoured friend Mr. John Evelyn, at Says Court, Deptford.
"""


def test_an_older_letters_superscription_names_the_addressee_and_the_place_and_the_dateline_its_place():
    root = edition(SUPERSCRIBED)
    sent, received = root.findall(".//t:correspAction", TEI)
    assert [(e.tag.split("}")[1], e.text) for e in sent][:2] == [("persName", "Tho. Hervey"), ("placeName", "London")]
    assert [e.text for e in received] == ["Mr. John Evelyn"]
    (line,) = root.findall(".//t:address/t:addrLine", TEI)
    assert "".join(line.itertext()) == "For my honoured friend Mr. John Evelyn, at Says Court, Deptford."
    assert [e.text for e in line.findall("t:placeName", TEI)] == ["Says Court, Deptford"]
    assert not root.findall(".//t:postscript", TEI)


def test_a_sentence_that_opens_with_the_before_a_date_names_no_place():
    from tei_tools.readers.common import place_before_date
    assert place_before_date("It’s the winter of 1901; ten years on.") is None
    assert place_before_date("Bath, this 3d of May 1801") == (0, 4)


def test_a_salutation_is_not_taken_for_the_addressees_name():
    root = edition("Bath, 2 June 1810\n\nMy dear Sir,\n\nI have your letter.\n\nYours truly,\nW. Hunt\n")
    actions = root.findall(".//t:correspAction", TEI)
    assert [a.get("type") for a in actions] == ["sent"]
    assert "Sir" not in etree.tostring(actions[0], encoding="unicode")


def body_refs(root: etree._Element, text: str) -> list[tuple[str, str]]:
    return [(e.get("ref"), e.get("cert")) for e in root.findall(".//t:text//t:persName", TEI)
            if "".join(e.itertext()) == text]


def test_a_salutation_that_names_someone_gives_the_addressee_where_nothing_else_does():
    root = edition("Down, Kent\nApril 7th 1871\n\nMy dear Hooker,\n\nMany thanks for the seeds. "
                   "Huxley was here on Sunday.\n\nYours ever,\nC. Darwin\n")
    sent, received = root.findall(".//t:correspAction", TEI)
    assert (sent.get("type"), received.get("type")) == ("sent", "received")
    [addressee] = received.findall("t:persName", TEI)
    assert addressee.text == "Hooker"
    assert [(addressee.get("ref"), addressee.get("cert"))] == body_refs(root, "Hooker")  # as the salute marks him
    assert (sent.find("t:persName", TEI).get("ref"), sent.find("t:persName", TEI).get("cert")) \
        == body_refs(root, "C. Darwin")[0]


def test_a_salutation_naming_two_persons_gives_both_and_an_address_wins_over_it():
    root = edition("Bath, 2 June 1810\n\nDear Thomas and Jane Ruddle,\n\nI have your letter.\n\n"
                   "Yours truly,\nWilliam Hunt\n")
    names = root.findall(".//t:correspAction[@type='received']/t:persName", TEI)
    assert [n.text for n in names] == ["Thomas", "Jane Ruddle"] and len({n.get("ref") for n in names}) == 2
    addressed = edition("Bath, 2 June 1810\n\nMy dear Tom,\n\nI have your letter.\n\nYours truly,\n"
                        "William Hunt\n\nMr. Thomas Ruddle,\nWells.\n")
    assert [n.text for n in addressed.findall(".//t:correspAction[@type='received']/t:persName", TEI)] \
        == ["Mr. Thomas Ruddle"]


DARWIN = ("Down, Kent\nApril 7th 1871\n\nMy dear Hooker,\n\nMany thanks for the seeds.\n\n"
          "Yours ever,\nC. Darwin\n")


def test_an_untitled_letter_is_titled_dated_and_authored_from_its_own_facts():
    root = edition(DARWIN)
    assert root.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=TEI) \
        == "Letter from C. Darwin to Hooker, April 7th 1871"
    assert root.findtext(".//t:titleStmt/t:author", namespaces=TEI) == "C. Darwin"
    bibl = root.find(".//t:sourceDesc/t:bibl", TEI)
    assert (bibl.findtext("t:author", namespaces=TEI), bibl.find("t:date", TEI).get("when")) == ("C. Darwin", "1871-04-07")
    assert "author" not in bibl.findtext("t:note[@type='not-given']", namespaces=TEI)


def test_a_letters_own_title_and_a_collection_of_letters_are_left_as_they_are():
    titled = edition("A note to the gardener\n\n" + DARWIN)
    assert titled.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=TEI) == "A note to the gardener"
    assert titled.findtext(".//t:titleStmt/t:author", namespaces=TEI) == "C. Darwin"
    two = edition(DARWIN + "\nDown, Kent\nApril 9th 1871\n\nMy dear Huxley,\n\nCome on Sunday.\n\n"
                  "Yours ever,\nC. Darwin\n", name="two.txt")
    assert len(two.findall(".//t:correspDesc", TEI)) == 2
    assert two.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=TEI) == "two"
    assert two.find(".//t:titleStmt/t:author", TEI) is None


def test_old_style_datelines_give_both_calendars_and_the_header_declares_them():
    root = edition(source("letter_two_letters_old_style.txt"))
    dates = root.findall(".//t:correspAction/t:date", TEI)
    assert [(d.get("when"), d.get("when-custom"), d.get("datingMethod")) for d in dates] == [
        ("1916-11-07", "1916-10-25", "#julian"), ("1917-02-14", "1917-02-01", "#julian")]
    assert [c.get("{http://www.w3.org/XML/1998/namespace}id")
            for c in root.findall(".//t:calendarDesc/t:calendar", TEI)] == ["gregorian", "julian"]
    # "the 20th ult." in a letter dated 25 October O.S. is 20 September O.S.
    ult = next(d for d in root.iter("{http://www.tei-c.org/ns/1.0}date") if d.text == "20th ult.")
    assert (ult.get("when-custom"), ult.get("when"), ult.get("cert")) == ("1916-09-20", "1916-10-03", "high")


def test_calendar_desc_is_there_exactly_when_a_date_is_old_style():
    assert edition(source("letter_postscript_panel.txt")).find(".//t:calendarDesc", TEI) is None
    assert edition(source("letter_two_letters_old_style.txt")).find(".//t:calendarDesc", TEI) is not None


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/eval/real (real letters) is not beside this clone")
@pytest.mark.parametrize("name, sender, addressee, place, when", [
    ("mitford_letter_to_webb", "M.R. Mitford", "Miss Webb", "Bertram House", "1819-01-10"),
    ("mitford_letter_to_elford", "M. R. Mitford", "Sir W. Elford", "Bertram House", "1819-03-13"),
])
def test_the_real_letters_are_read_as_letters_with_their_correspondence(name, sender, addressee, place, when):
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    assert detect_kind(text) == "letter"
    root = edition(text, f"{name}.txt")
    sent, received = root.findall(".//t:correspAction", TEI)
    assert [sent.findtext("t:persName", namespaces=TEI), received.findtext("t:persName", namespaces=TEI),
            sent.findtext("t:placeName", namespaces=TEI), sent.find("t:date", TEI).get("when")] == [
        sender, addressee, place, when]


def test_the_editions_of_invented_letters_and_journals_are_valid_and_keep_every_word(tmp_path):
    from tei_tools.convert import convert_files
    from tei_tools.fidelity import compare, tei_text_words, words
    from tei_tools.validate import Validator, is_valid

    sources = LETTERS + sorted(SOURCES.glob("journal_*.txt"))
    results = convert_files(sources, tmp_path)
    assert [r.status for r in results] == ["written"] * len(sources)
    assert [r.kind for r in results] == ["letter"] * len(LETTERS) + ["journal"] * (len(sources) - len(LETTERS))
    messages = Validator("project").validate_files(sorted(tmp_path.glob("*.xml")))
    assert is_valid(messages), [str(m) for m in messages[:5]]
    for source in sources:
        edition = etree.parse(str(tmp_path / f"{source.stem}.xml")).getroot()
        assert compare(words(source.read_text(encoding="utf-8")), tei_text_words(edition)) == [], source.name


def test_julian_leap_days_are_valid_where_the_gregorian_calendar_has_none(tmp_path):
    from tei_tools.validate import Validator, is_valid

    text = (REPO / "tests" / "data" / "broken" / "date-custom-disagrees.xml").read_text(encoding="utf-8")
    good = text.replace('when="1917-10-25" when-custom="1917-10-25"', 'when="1900-03-13" when-custom="1900-02-29"')
    assert good != text
    (tmp_path / "persons.xml").write_bytes((REPO / "tests" / "data" / "broken" / "persons.xml").read_bytes())
    (tmp_path / "leap.xml").write_text(good, encoding="utf-8")
    messages = Validator("project").validate_files([tmp_path / "leap.xml"])
    assert is_valid(messages), [str(m) for m in messages]


def test_the_sidecar_calendar_key_makes_earlier_days_old_style(tmp_path):
    from tei_tools.convert import convert_files

    text = ("Petrograd, 5 January 1918\n\nDear Sir,\n\nThe Assembly met today. On 20 February 1918 (N.S.) we "
            "shall know more, and on 16 February 1918 too.\n\nYours truly,\nA. Petrov\n")
    (tmp_path / "petrov.txt").write_text(text, encoding="utf-8")
    (tmp_path / "petrov.json").write_text('{"calendar": {"julian-until": "1918-02-13"}}', encoding="utf-8")
    (result,) = convert_files([tmp_path / "petrov.txt"], tmp_path / "out")
    assert result.status == "written", result.message
    root = etree.parse(str(tmp_path / "out" / "petrov.xml")).getroot()
    dates = [(d.text, d.get("when"), d.get("when-custom")) for d in root.iterfind(".//t:text//t:date", TEI)]
    assert dates == [("5 January 1918", "1918-01-18", "1918-01-05"), ("20 February 1918 (N.S.)", "1918-02-20", None),
                     ("16 February 1918", "1918-02-16", None)]
    paragraph = root.find(".//t:encodingDesc//t:p[3]", TEI)
    assert "Days up to 1918-02-13 are read as Old Style" in "".join(paragraph.itertext())


@pytest.mark.parametrize("calendar, message", [
    ('{"julian-until": "1918-02-30"}', '"julian-until" must be a day written YYYY-MM-DD'),
    ('{"julian_until": "1918-02-13"}', 'sidecar key "calendar" must be a table'),
    ('"1918-02-13"', 'sidecar key "calendar" must be a table'),
])
def test_a_bad_sidecar_calendar_is_a_one_line_error(tmp_path, calendar, message):
    from tei_tools.convert import convert_files

    (tmp_path / "x.txt").write_text("London, 3rd May 1905\n\nDear Tom,\n\nAll well.\n", encoding="utf-8")
    (tmp_path / "x.json").write_text(f'{{"calendar": {calendar}}}', encoding="utf-8")
    (result,) = convert_files([tmp_path / "x.txt"], tmp_path / "out")
    assert result.status == "failed" and message in result.message and "\n" not in result.message
    assert not (tmp_path / "out" / "x.xml").exists()


def test_letters_and_journals_render_with_every_word_and_both_days_of_an_old_style_date(tmp_path):
    """HTML and text keep every word of the TEI text in order; an Old Style date shows its
    Gregorian day after it, as generated text ("October 25, 1917 (O.S.) = 7 November 1917")."""
    from tei_tools.convert import convert_files
    from tei_tools.render import (GENERATED_END, GENERATED_START, Renderer, html_reading_words, reading_words,
                                  text_reading_words)
    from tei_tools.xml import parse_file

    (tmp_path / "os.txt").write_text("St Petersburg, 25 October (7 November) 1916\n\nDear Sir,\n\nOn October 25, "
                                     "1917 (O.S.) the insurrection began.\n\nYours faithfully,\nA. Petrov\n",
                                     encoding="utf-8")
    sources = [tmp_path / "os.txt", SOURCES / "letter_postscript_panel.txt", SOURCES / "journal_year_end_months.txt"]
    convert_files(sources, tmp_path / "ed")
    editions = [tmp_path / "ed" / f"{s.stem}.xml" for s in sources]
    plain, marked = Renderer(), Renderer(params={"generated-start": GENERATED_START, "generated-end": GENERATED_END})
    for edition in editions:
        expected = reading_words(parse_file(edition))
        html = plain.render_html(edition, tmp_path / "html").read_text("utf-8")
        assert html_reading_words(html) == expected, edition.name
        text = marked.render_text(edition, tmp_path / "marked").read_text("utf-8")
        assert text_reading_words(text) == expected, edition.name
    html = (tmp_path / "html" / "os.html").read_text("utf-8")
    assert 'calendar-equivalent"' in html and "October 25, 1917 (O.S.)</time>" in html
    assert "> = 7 November 1917</span>" in html
    assert html.count("calendar-equivalent") == 1  # the double date writes both days already
    text = plain.render_text(editions[0], tmp_path / "text").read_text("utf-8")
    assert "October 25, 1917 (O.S.) = 7 November 1917" in " ".join(text.split())


OLDER_FORMS = """London, 10th January 1665/6

My Lord,

I received your Lordship's of the 2d instant, and have laid it before Sir William Coventry, who
promises an answer by the next post.

I am, my Lord, your Lordship's most humble and obedient servant,

Samuel Pepys

To the Right Honourable the Earl of Sandwich, at Madrid.
"""


def test_older_forms_of_address_closing_and_an_address_line_after_the_signature():
    (div,) = letter.read(OLDER_FORMS, "x").body
    parts = tree(div.children)
    assert parts[0] == ("opener", [("dateline", "London, 10th January 1665/6"), ("salute", "My Lord,")])
    assert [tag for tag, _ in parts] == ["opener", "p", "closer", "address"]
    assert parts[2] == ("closer", [("salute", "I am, my Lord, your Lordship's most humble and obedient servant,"),
                                   ("signed", "Samuel Pepys")])
    assert parts[3] == ("address", [("addrLine", "To the Right Honourable the Earl of Sandwich, at Madrid.")])


@pytest.mark.parametrize("salutation", ["My Lord,", "Reverend Sir,", "Your Grace,", "My Lady"])
def test_older_salutations_open_the_letter(salutation):
    assert letter.SALUTE.match(salutation)


@pytest.mark.parametrize("line", ["My Lord Byron came to dinner and stayed until the evening was over.",
                                  "Your Grace's horses were sold at Newmarket last week by the steward."])
def test_a_sentence_that_begins_like_a_salutation_is_not_one(line):
    assert not letter.SALUTE.match(line)


def test_a_sentence_after_the_signature_that_begins_with_to_is_no_address():
    text = OLDER_FORMS.replace("To the Right Honourable the Earl of Sandwich, at Madrid.",
                               "To the best of my knowledge the ship sailed for Lisbon on the 4th of this month.")
    (div,) = letter.read(text, "x").body
    assert "address" not in [tag for tag, _ in tree(div.children)]


COLLECTION = """LETTER I.

To Mrs. Hannah Pryce.

Philadelphia, Jan. 5, 1843.

Dear Madam,

I thank you for the parcel, which came safe by Captain Ross, and for the news of your family.

Your affectionate friend,
Emily Harte.

LETTER II.

To the same.

Philadelphia, Feb. 12, 1843.

Dear Madam,

Lucy walked to church on Sunday last, and the whole town asked after your health and your book.

Ever yours,
E. H.
"""


def test_to_the_same_heads_a_letter_to_the_previous_letters_addressee_and_initials_sign_for_the_writer():
    root = edition(COLLECTION)
    second = root.find(".//t:div[@xml:id='letter2']", {**TEI, "xml": "http://www.w3.org/XML/1998/namespace"})
    assert [child.tag.split("}")[1] for child in second][:3] == ["head", "address", "opener"]
    received = root.xpath("//t:correspDesc[@ref='#letter2']/t:correspAction[@type='received']/t:persName/@ref",
                          namespaces=TEI)
    first_received = root.xpath("//t:correspDesc[@ref='#letter1']/t:correspAction[@type='received']/t:persName/@ref",
                                namespaces=TEI)
    assert received == first_received and received
    senders = root.xpath("//t:correspDesc/t:correspAction[@type='sent']/t:persName/@ref", namespaces=TEI)
    assert len(senders) == 2 and senders[0] == senders[1]  # "E. H." is Emily Harte


TYPED = """THE WHITE HOUSE
WASHINGTON

June 3, 1942

Dear Mr. Ambassador:

I have your letter of May 28th, and I am glad to know that Mrs. Wynantt and your son reached London
safely. General Marsh tells me that the conferences went well.

Very sincerely yours,

Franklin D. Rooster

The Honorable John G. Wynantt,
American Ambassador,
London, England.
"""


def test_a_typed_letter_with_letterhead_and_the_addressees_address_below_the_signature():
    (div,) = letter.read(TYPED, "x").body
    parts = tree(div.children)
    assert [tag for tag, _ in parts] == ["head", "opener", "p", "closer", "address"]
    assert div.children[0].attrs == {"type": "letterhead"}
    assert parts[1] == ("opener", [("dateline", "June 3, 1942"), ("salute", "Dear Mr. Ambassador:")])
    assert parts[3] == ("closer", [("salute", "Very sincerely yours,"), ("signed", "Franklin D. Rooster")])
    assert parts[4][1][-1] == ("addrLine", "London, England.")
    root = edition(TYPED)
    received = root.xpath("//t:correspAction[@type='received']/t:persName", namespaces=TEI)
    assert [r.text for r in received] == ["The Honorable John G. Wynantt"]
    mrs = root.xpath("//t:body//t:persName[t:roleName = 'Mrs.']/@ref", namespaces=TEI)
    assert mrs and mrs != [received[0].get("ref")]  # Mrs. Wynantt is not John G. Wynantt


ENDING_AFTER_THE_SIGNATURE = """My dear Madam,

Your kind note reached me on Saturday, and I hasten to thank you for the drawing of the mill, which my mother admires.

Pray give my love to your little boy, and believe me, my dear Madam,

Ever your obliged and affectionate

Hester Lane

Bath, Wednesday night.

P.S. Tell your brother that the dog he admired is grown very fat and idle.
"""


@pytest.mark.parametrize("close", ["Ever your obliged and affectionate", "your most affectionate",
                                   "Your sincere and faithful,", "your very grateful & obedient"])
def test_a_close_that_leaves_the_noun_out_ends_at_its_adjective(close):
    assert letter._is_closing(letter.RawBlock(close, 0, 0))


@pytest.mark.parametrize("line", ["your affectionate letter came yesterday by the coach from town.",
                                  "Ever your obliged servant's wife was here"])
def test_a_sentence_that_goes_on_after_the_adjective_is_no_close(line):
    assert not letter._is_closing(letter.RawBlock(line, 0, 0))


def test_a_dateline_after_the_signature_with_a_postscript_after_it_stays_in_the_letter():
    (div,) = letter.read(ENDING_AFTER_THE_SIGNATURE, "x").body
    parts = tree(div.children)
    assert [tag for tag, _ in parts] == ["opener", "p", "p", "closer", "postscript"]
    assert parts[3] == ("closer", [("salute", "Ever your obliged and affectionate"), ("signed", "Hester Lane"),
                                   ("dateline", "Bath, Wednesday night.")])
    (facts,) = letter.read(ENDING_AFTER_THE_SIGNATURE, "x").correspondence
    assert (facts.sender.text, facts.place.text) == ("Hester Lane", "Bath")


SOLDIERS_LETTER = """Camp near Falmouth Va
Dec 18th 1862

Dear Wife

I take my pen in hand to let you know that I am well at present and hope these few lines will find you the same.

Your affectionate husband until death
John W. Hale

Write soon
"""


@pytest.mark.parametrize("close", ["Your affectionate husband until death", "Yours in haste", "Your sister in Christ",
                                   "your loving son for ever,"])
def test_a_close_may_end_in_a_phrase_after_the_noun(close):
    assert letter._is_closing(letter.RawBlock(close, 0, 0))


def test_a_short_line_after_the_signature_is_a_postscript_not_more_of_the_letter():
    doc = letter.read(SOLDIERS_LETTER, "x")
    (div,) = doc.body
    parts = tree(div.children)
    assert [tag for tag, _ in parts] == ["opener", "p", "closer", "postscript"]
    assert parts[2] == ("closer", [("salute", "Your affectionate husband until death"), ("signed", "John W. Hale")])
    assert parts[3] == ("postscript", [("p", "Write soon")])
    assert doc.correspondence[0].sender.text == "John W. Hale"


PRINTED_COLLECTION = """LETTER XII.

TO THE REV. WILLIAM UNWIN.

Olney, May 1, 1781.

MY DEAR FRIEND,

Your mother says I must write, and I obey. We have had a visitor with us for a week, and the house has been full of his good humour.

Yours, my dear William,

W. C.

LETTER XIII.

TO JOSEPH HILL, ESQ.

Olney, June 8, 1781.

DEAR SIR,

I thank you for the fish, which arrived in perfect order by the Wellingborough coach on Saturday.

I am, dear Sir,
Your affectionate and obliged humble servant,

W. COWPER.
"""


def test_a_printed_collection_in_capitals_with_a_vocative_after_the_close():
    doc = letter.read(PRINTED_COLLECTION, "x")
    first, second = doc.body
    assert [tag for tag, _ in tree(first.children)] == ["head", "address", "opener", "p", "closer"]
    assert tree(first.children)[4] == ("closer", [("salute", "Yours, my dear William,"), ("signed", "W. C.")])
    assert tree(second.children)[1] == ("address", [("addrLine", "TO JOSEPH HILL, ESQ.")])
    assert [(f.sender.text, f.addressee.text, f.place.text) for f in doc.correspondence] == [
        ("W. C", "REV. WILLIAM UNWIN", "Olney"), ("W. COWPER", "JOSEPH HILL, ESQ", "Olney")]


VERSE_LETTER = """Three Mile Cross, June 2, 1820.

My dear Sir,

I send you the lines I promised, though I fear they are not worth the postage:

The primrose on the bank is pale,
The cowslip in the meadow gay,
And every wind that stirs the vale
Brings news of May.

"The rose is red upon the wall,
The lily white beside the stream,
And you and I shall see them all
As in a dream."

Ever yours most truly,
M. R. Mitford

Miss Webb
at Mr. Hunt's
Reading
"""


def test_a_stanza_in_a_letter_is_lines_of_verse_and_a_quoted_one_a_quotation():
    (div,) = letter.read(VERSE_LETTER, "x").body
    parts = tree(div.children)
    assert [tag for tag, _ in parts] == ["opener", "p", "lg", "quote", "closer", "address"]
    assert parts[2] == ("lg", [("l", "The primrose on the bank is pale,"), ("l", "The cowslip in the meadow gay,"),
                               ("l", "And every wind that stirs the vale"), ("l", "Brings news of May.")])
    assert parts[3][1][0][0] == "lg" and parts[3][1][0][1][-1] == ("l", 'As in a dream."')


@pytest.mark.parametrize("block", ["Miss Webb\nat Mr. Hunt's\nReading\nBerks.",  # an address: names and places
                                   "The meeting house at Newington Green where Richard Price preached\n"
                                   "from 1758 until his death in 1791, when it was\nclosed for a time.",  # wrapped prose
                                   "The primrose on the bank is pale,\nThe cowslip gay."])  # two lines
def test_short_lines_that_are_no_stanza_stay_what_they_were(block):
    from tei_tools.readers.common import RawBlock, verse
    assert verse(RawBlock(block, 0, 1)) is None


def test_a_month_in_verse_takes_no_year_from_the_letter_and_the_edition_is_valid(tmp_path):
    from tei_tools.convert import convert_files
    from tei_tools.validate import validate_paths

    source = tmp_path / "letter.txt"
    source.write_text(VERSE_LETTER, encoding="utf-8")
    convert_files([source], tmp_path / "editions")
    root = etree.parse(str(tmp_path / "editions" / "letter.xml")).getroot()
    assert [d.get("when") for d in root.iterfind(".//t:text//t:date", TEI)] == ["1820-06-02"]
    assert root.xpath("count(.//t:body//t:lg/t:l)", namespaces=TEI) == 8
    assert validate_paths([tmp_path / "editions"]) == []


REAL_LIKE_ENDINGS = """9th June, 1819

Wednesday Evening.

Your kind and charming letter, my own kind and charming friend, gave me two pleasures today.

Ever yours M.R.M.

To prove that my Correspondent is at least as courtly as Horace, his landscape is to go to Carlton House.

To
Miss Webb
"""


def test_a_second_dateline_an_unmarked_postscript_and_to_on_a_line_of_its_own():
    doc = letter.read(REAL_LIKE_ENDINGS, "x")
    (div,) = doc.body
    parts = tree(div.children)
    assert parts[0] == ("opener", [("dateline", "9th June, 1819"), ("dateline", "Wednesday Evening.")])
    assert [tag for tag, _ in parts] == ["opener", "p", "closer", "postscript", "address"]
    assert parts[4] == ("address", [("addrLine", "To"), ("addrLine", "Miss Webb")])
    assert doc.correspondence[0].addressee.text == "Miss Webb"  # was: ValueError, substring not found
    dates = edition(REAL_LIKE_ENDINGS).findall(".//t:opener//t:date", TEI)
    assert [d.get("when") for d in dates] == ["1819-06-09"]  # "Wednesday" is that day, not the next


def test_a_close_that_opens_with_and():
    assert letter._is_closing(letter.RawBlock("& I am ever most sincerely & affectionately yours\nM.R. Mitford", 0, 0))


@pytest.mark.parametrize("title", ["Letters of Corporal Edwin Marsh, 1916", "The Correspondence of Ada Kessler (1841-1850)"])
def test_a_collections_title_that_gives_a_year_is_the_title_not_the_first_dateline(title):
    tei = edition(f"{title}\n\nAmiens, 4th July 1916\n\nDear Mother,\n\nWe are out of the line.\n\n"
                  "Your loving son,\nEdwin\n")
    assert "".join(tei.find(".//t:front//t:titlePart", TEI).itertext()) == title
    assert "".join(tei.find(".//t:div[@type='letter']/t:opener/t:dateline", TEI).itertext()) == "Amiens, 4th July 1916"
    assert tei.find(".//t:correspDesc//t:date", TEI).get("when") == "1916-07-04"


def test_an_address_line_in_capitals_opening_the_file_is_the_address_and_its_names_are_persons():
    tei = edition("TO THE REV. EDWIN MARSH.\n\nOlney, May 8, 1780.\n\nMY DEAR FRIEND,\n\n"
                  "My scribbling humour has of late been absorbed in landscape drawing, and Mr. Hill sends a book.\n\n"
                  "Yours affectionately,\nJ. KESSLER.\n")
    letter_div = tei.find(".//t:div[@type='letter']", TEI)
    assert letter_div.find("t:head", TEI) is None
    assert "".join(letter_div.find("t:address/t:addrLine", TEI).itertext()) == "TO THE REV. EDWIN MARSH."
    names = {"".join(p.itertext()): p.get("ref") for p in letter_div.iter(f"{{{TEI['t']}}}persName")}
    assert names["REV. EDWIN MARSH"] == "persons.xml#edwin-marsh" and names["J. KESSLER"] == "persons.xml#j-kessler"
    assert names["Mr. Hill"] == "persons.xml#hill"  # a title makes "Hill" a surname
    sent, received = tei.findall(".//t:correspDesc/t:correspAction", TEI)
    assert sent.find("t:persName", TEI).get("ref") == "persons.xml#j-kessler"
    assert received.find("t:persName", TEI).text == "REV. EDWIN MARSH"


BUSINESS = ("THE MERIDEN BRITANNIA COMPANY\nMERIDEN, CONN.\n\nMarch 3, 1897.\n\nMr. George W. Hale,\n"
            "142 State Street,\nBoston, Mass.\n\nDear Sir:\n\nYour favor of the 27th ult. is at hand.\n\n"
            "Very respectfully, your obedient servants,\nTHE MERIDEN BRITANNIA CO.\nper H. C. Wilcox, Sec'y.\n")


def test_a_business_letter_has_its_inside_address_in_the_opener_and_a_firm_that_signs():
    root = edition(BUSINESS)
    [letter] = root.findall(".//t:body/t:div", TEI)
    opener = letter.find("t:opener", TEI)
    assert [child.tag.split("}")[1] for child in opener] == ["dateline", "address", "salute"]
    assert [line.xpath("string()") for line in opener.findall("t:address/t:addrLine", TEI)] == [
        "Mr. George W. Hale,", "142 State Street,", "Boston, Mass."]
    closer = letter.find("t:closer", TEI)
    assert closer.findtext("t:salute", namespaces=TEI) == "Very respectfully, your obedient servants,"
    assert closer.find("t:signed", TEI).xpath("string()") == "THE MERIDEN BRITANNIA CO.\nper H. C. Wilcox, Sec'y."
    received = root.find(".//t:correspAction[@type='received']/t:persName", TEI)
    assert received.text == "Mr. George W. Hale" and received.get("ref")
    sent = root.find(".//t:correspAction[@type='sent']", TEI)
    # a firm, signed for by its secretary: the firm sent it (CMIF's orgName), no one person
    assert sent.find("t:persName", TEI) is None and sent.findtext("t:orgName", namespaces=TEI) == "THE MERIDEN BRITANNIA CO."
    assert root.findtext(".//t:titleStmt/t:title[@type='main']", namespaces=TEI) == \
        "Letter from THE MERIDEN BRITANNIA CO. to Mr. George W. Hale, March 3, 1897"


FIRM_TO_FIRM = """HARTLEY & SONS, IRONFOUNDERS
LEEDS

14th October 1887.

Messrs. Bramwell & Co.,
Sheffield.

Dear Sirs,

We are in receipt of your order of the 10th inst. Our Mr. Whitaker will call upon you on Monday next.

We are, Gentlemen,
Yours faithfully,
HARTLEY & SONS
per J. Hartley
"""


def test_a_firm_writing_to_a_firm_is_sender_and_addressee_as_orgname_and_no_person():
    root = edition(FIRM_TO_FIRM)
    [letter] = root.findall(".//t:body/t:div", TEI)
    opener, closer = letter.find("t:opener", TEI), letter.find("t:closer", TEI)
    assert [child.tag.split("}")[1] for child in opener] == ["dateline", "address", "salute"]
    assert [child.tag.split("}")[1] for child in closer] == ["salute", "signed"]
    assert closer.findtext("t:salute", namespaces=TEI) == "We are, Gentlemen,\nYours faithfully,"
    sent, received = root.findall(".//t:correspAction", TEI)
    assert [(e.tag.split("}")[1], e.text) for e in sent][0] == ("orgName", "HARTLEY & SONS")
    assert [(e.tag.split("}")[1], e.text) for e in received] == [("orgName", "Messrs. Bramwell & Co.")]
    # neither firm is a person anywhere; the clerk who signed for it is
    names = ["".join(e.itertext()) for e in root.iter("{http://www.tei-c.org/ns/1.0}persName")]
    assert not [n for n in names if "Bramwell" in n or "HARTLEY" in n] and "J. Hartley" in names


def test_a_sentence_opening_like_a_firms_close_is_no_close():
    text = FIRM_TO_FIRM.replace("We are in receipt of your order", "We are, as you know, yours to command for the order")
    [letter] = edition(text).findall(".//t:body/t:div", TEI)
    assert len(letter.findall("t:p", TEI)) == 1


def test_a_clerks_abbreviated_close_and_a_colon_abbreviated_signature_close_the_letter():
    root = edition("Philadelphia, 4th Octr. 1793\n\nSir, —\n\nI have your letter of the 28th ult.\n\n"
                   "I am, Sir, with great respect,\nYr. obt. servt.\nTh: Jefferson\n\n"
                   "P.S. Mr. Randolph desires his compliments.\n")
    [letter] = root.findall(".//t:body/t:div", TEI)
    closer = letter.find("t:closer", TEI)
    assert closer.findtext("t:salute", namespaces=TEI) == "I am, Sir, with great respect,\nYr. obt. servt."
    assert closer.find("t:signed", TEI).xpath("string()") == "Th: Jefferson"
    assert letter.find("t:postscript", TEI) is not None
    assert root.findtext(".//t:correspAction[@type='sent']/t:persName", namespaces=TEI) == "Th: Jefferson"


def test_a_paragraph_that_ends_with_yours_is_not_taken_for_a_close():
    root = edition("Bath, 2 June 1810\n\nMy dear Tom,\n\nWe shall come soon. The house is yours.\n\n"
                   "Yours ever,\nWilliam Hunt\n")
    [letter] = root.findall(".//t:body/t:div", TEI)
    assert [p.text for p in letter.findall("t:p", TEI)] == ["We shall come soon. The house is yours."]


def test_a_formal_letter_to_a_peer_is_read_as_a_letter_with_its_close_and_the_addressee_at_the_foot():
    source = ("Downing Street, 14 March 1806.\n\nMy Lord,\n\nI am directed by Mr. Fox to acquaint your Lordship "
              "that the appointment is approved.\n\nI have the honour to be,\nMy Lord,\nYour Lordship's most "
              "obedient humble servant,\nRobert Adair\n\nThe Earl of Moira.\n")
    assert detect_kind(source) == "letter"
    root = edition(source)
    [letter] = root.findall(".//t:body/t:div", TEI)
    assert letter.find("t:opener/t:salute", TEI).text == "My Lord,"
    assert letter.find("t:closer/t:salute", TEI).text.startswith("I have the honour to be,")
    assert letter.find("t:closer/t:signed", TEI).xpath("string()") == "Robert Adair"
    assert letter.find("t:address/t:addrLine", TEI).xpath("string()") == "The Earl of Moira."
    assert root.findtext(".//t:correspAction[@type='received']/t:persName", namespaces=TEI) == "The Earl of Moira"


def test_an_endorsement_after_the_signature_is_a_note_not_the_place_and_date_of_writing():
    root = edition("Sunday night\n\nMy dearest Boy,\n\nYour father is much better.\n\nYour affectionate mother\n"
                   "E. B.\n\nEndorsed: Recd. 19 Nov. 1877\n")
    [letter] = root.findall(".//t:body/t:div", TEI)
    assert letter.find("t:closer/t:dateline", TEI) is None
    assert letter.find("t:note[@type='endorsement']", TEI).xpath("string()").strip() == "Endorsed: Recd. 19 Nov. 1877"
