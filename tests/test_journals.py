"""The journal reader: entries dated in every common way, month and year headings that hold the
entries below them (across a year's end), several writers, and what the date annotator makes of
them, on invented diaries (tests/data/sources/journal_*.txt) and on the real one of
../shared/eval/real when present."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import converted_tei
from tei_tools.convert import convert_text
from tei_tools.model import Block, Container
from tei_tools.personography import Personography
from tei_tools.readers import detect_kind, journal, read

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "tests" / "data" / "sources"
GOLD = REPO / "tests" / "data" / "gold"
REAL = REPO.parent / "shared" / "eval" / "real" / "texts"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
JOURNALS = sorted(SOURCES.glob("journal_*.txt"))


def outline(nodes) -> list:
    """Divisions as (type, [first words of their dateline/head, ...children]) for comparing."""
    result = []
    for node in nodes:
        if isinstance(node, Container) and node.tag == "div":
            result.append((node.attrs["type"], outline(node.children)))
        elif isinstance(node, Block) and node.tag in ("dateline", "head", "byline"):
            result.append(node.text)
    return result


@pytest.mark.parametrize("path", JOURNALS, ids=lambda p: p.stem)
def test_invented_journals_are_detected_as_journals(path):
    assert detect_kind(path.read_text(encoding="utf-8")) == "journal"


def test_month_and_year_headings_hold_their_entries_across_a_years_end():
    doc = journal.read((SOURCES / "journal_year_end_months.txt").read_text(encoding="utf-8"), "x")
    assert doc.meta.title == "The Diary of Eliza Penrose, 1852–1853"
    assert outline(doc.body) == [
        ("year", ["1852", ("month", ["December.", ("entry", ["Saturday 25."]), ("entry", ["Sunday 26."]),
                                     ("entry", ["Friday 31st."])])]),
        ("month", ["January 1853.", ("entry", ["1st."]), ("entry", ["Sunday 2."]), ("entry", ["Monday 4."]),
                   ("entry", ["Sunday, Jan. 9th."])]),
        ("entry", ["Feb. 6th."]), ("entry", ["Monday 14th."])]


def test_a_writers_line_heads_the_entries_after_it_and_the_writers_are_the_authors():
    doc = journal.read((SOURCES / "journal_expedition_two_writers.txt").read_text(encoding="utf-8"), "x")
    assert doc.meta.authors == ["Hartley", "Moss"]
    may, june = outline(doc.body)
    assert may[1][1:4] == [("entry", ["[Hartley]", "Thursday May 3d."]), ("entry", ["Sunday 6th."]),
                           ("entry", ["[Moss]", "Sunday 13th."])]
    assert june[1][1] == ("entry", ["[Hartley]", "1st."])


def test_an_entry_dated_at_the_head_of_its_paragraph_gets_a_dateline_with_its_place():
    doc = journal.read((SOURCES / "journal_inline_places.txt").read_text(encoding="utf-8"), "x")
    entries = [div for div in doc.body if div.tag == "div"]
    assert [e.children[0].text for e in entries] == [
        "Keswick, Tuesday, 14 July 1891. —", "July 15.", "Grasmere, July 17th. —", "Sunday 19.",
        "Ambleside, 22nd.", "August 2nd, 1891."]
    first = entries[0].children[0]
    assert first.frames_dates and [s.text_in(first.text) for s in first.spans if s.tag == "placeName"] == ["Keswick"]
    assert entries[0].children[1].text.startswith("Arrived by the evening train")


@pytest.mark.parametrize("path", JOURNALS, ids=lambda p: p.stem)
def test_every_word_of_an_invented_journal_is_kept_in_order(path):
    text = path.read_text(encoding="utf-8")
    blocks = read(text, path.name, "journal").blocks()
    assert all(text[b.offset:b.end] == b.text for b in blocks)
    assert [b.offset for b in blocks] == sorted(b.offset for b in blocks)
    assert "".join(text.split()) == "".join("".join(b.text for b in blocks).split())


def test_a_sentence_that_opens_with_a_date_is_not_an_entry():
    doc = journal.read("Diary\n\nMay 3. Set out at dawn with the mules.\n\nIn 1839 I was at home. "
                       "January 5 was cold.\n\nJanuary 5 was colder still.\n", "x")
    assert outline(doc.body) == [("entry", ["May 3."])]
    assert [b.tag for b in doc.blocks()] == ["titlePart", "dateline", "p", "p", "p"]


def test_entry_dates_in_the_edition_take_the_year_and_month_of_the_headings_with_high_cert():
    _, data, _ = convert_text((SOURCES / "journal_year_end_months.txt").read_text(encoding="utf-8"),
                              "journal_year_end_months.txt", Personography.empty())
    root = etree.fromstring(data)
    datelines = root.findall(".//t:div[@type='entry']/t:dateline/t:date", TEI)
    assert [(d.text, d.get("when"), d.get("cert")) for d in datelines[:5]] == [
        ("Saturday 25", "1852-12-25", "high"), ("Sunday 26", "1852-12-26", "high"),
        ("Friday 31st", "1852-12-31", "high"), ("1st", "1853-01-01", "high"), ("Sunday 2", "1853-01-02", "high")]
    monday = next(d for d in datelines if d.text == "Monday 4")
    # 4 January 1853 was a Tuesday: the year is left out, and the month, the headings', is unsure
    assert monday.get("when") == "--01-04" and monday.get("cert") == "low" and monday.get("resp") == "#tei-tools"


def _benchmark():
    folder = str(REPO / "benchmarks")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("score_journal_dates", REPO / "benchmarks" / "score_journal_dates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("gold", sorted(GOLD.glob("journal_*.json")), ids=lambda p: p.stem)
def test_the_journal_dates_benchmark_finds_the_gold_dates_with_their_values(gold):
    result = _benchmark().score(SOURCES / f"{gold.stem}.txt", gold)
    assert result["gold"] >= 7 and result["f1"] >= 0.9, result
    assert result["values"] == 1.0, result


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/eval/real (a real journal) is not beside this clone")
def test_the_real_journal_is_read_as_a_journal_with_its_entries():
    text = (REAL / "cranch_journal_1839.txt").read_text(encoding="utf-8")
    assert detect_kind(text) == "journal"
    _, data, _ = convert_text(text, "cranch_journal_1839.txt", Personography.empty())
    root = etree.fromstring(data)
    entries = root.findall(".//t:div[@type='entry']", TEI)
    assert len(entries) >= 15
    dates = {d.text: d.get("when") for d in root.findall(".//t:div[@type='entry']/t:dateline/t:date", TEI)}
    assert dates.get("Jan 9th") == "1839-01-09" and dates.get("Sunday — 3d") == "1839-02-03"


# ---------------------------------------------------------------- any order of the parts

PARTS = ["A letter", "To Sir John Smith--", "London, 3rd May 1905", "Bath, Sunday morning", "My dear Sir,", "Dear Tom,",
         "I write in haste; your letter of the 14th inst. came.", "On October 25, 1917 (O.S.) they rose.",
         "Yours faithfully,\nA. Petrov", "Believe me ever your affectionate sister,", "Harriet Mallory",
         "P.S. Do not forget the music.", "To Miss Webb", "Sr Wm Elford Bart\nBickham\nPlymouth", "* * *",
         "Letter II", "[Endorsed: answered 5 June]", "Ever thine most lovingly Jane.", "February.", "1839", "May 1804",
         "1st. Went out.", "Sunday — 3d. Church.", "[Clark]", "Jan 9th. It is a blessing.", "Feb 17th. Sunday afternoon",
         "Cincinnati O. Jan. 22d. 1839.", "The weather was fine and we walked a long way by the river.", "Monday",
         "Entry by M. Lewis", "25 October (7 November) 1916", "February 1/14, 1917", "\"Quoted,\" he said.",
         "Chapter 1", "Lewis:", "June 24th—— I am reading\nJouffroy on it.", "most affectionately yours\nM. R. Mitford",
         "London March Twenty nine\n1819"]


@pytest.mark.parametrize("kind", ["letter", "journal"])
def test_letter_and_journal_parts_in_any_order_give_valid_editions_with_every_word(tmp_path, kind):
    """Random sequences of the parts letters and journals are made of (seeded, so the same every
    run): whatever the order, the reader keeps every word in order and the edition is valid."""
    import random

    from tei_tools.convert import convert_files
    from tei_tools.fidelity import compare, tei_text_words, words
    from tei_tools.validate import Validator, is_valid

    generator = random.Random(20)
    sources = []
    for number in range(40):
        path = tmp_path / f"s{number:02}.txt"
        path.write_text("\n\n".join(generator.choice(PARTS) for _ in range(generator.randint(1, 12))) + "\n",
                        encoding="utf-8")
        sources.append(path)
    results = convert_files(sources, tmp_path / "out", kind=kind)
    assert {r.status for r in results} == {"written"}
    messages = Validator("project").validate_files(sorted((tmp_path / "out").glob("s*.xml")))
    assert is_valid(messages), [str(m) for m in messages[:3]]
    for source in sources:
        edition = etree.parse(str(tmp_path / "out" / f"{source.stem}.xml")).getroot()
        assert compare(words(source.read_text(encoding="utf-8")), tei_text_words(edition)) == [], source.name


@pytest.mark.parametrize("title, author", [("The Diary of Samuel Ware", "Samuel Ware"),
                                           ("Diary of Ellen Birch, 1893", "Ellen Birch"),
                                           ("Journal of a Voyage to California", None),
                                           ("Journal of Commerce", None)])
def test_a_diary_whose_title_names_its_writer_has_that_writer_as_its_author(title, author):
    source = f"{title}\n\nJanuary 1. Dined at my brother's. Very cold.\n\nJanuary 2. At the shop all day.\n"
    root = converted_tei(source, "diary.txt", kind="journal")
    assert root.findtext(".//t:titleStmt/t:author", namespaces=TEI) == author
    assert root.findtext(".//t:sourceDesc/t:bibl/t:author", namespaces=TEI) == author


QUAKER = ("Journal of Hannah Whitall, 1782\n\n1st mo. 5th. {first}. Attended meeting at Haddonfield.\n\n"
          "1st mo. 7th. {second}. Very cold.\n")


def test_a_quakers_numbered_weekday_heads_the_entry_and_is_checked_against_the_date():
    # 5 and 7 January 1782 were a Saturday (Seventh-day) and a Monday (Second-day)
    right = converted_tei(QUAKER.format(first="Seventh-day", second="Second-day"), "journal.txt", kind="journal")
    datelines = right.findall(".//t:body//t:dateline", TEI)
    assert [d.xpath("string()") for d in datelines] == ["1st mo. 5th. Seventh-day.", "1st mo. 7th. Second-day."]
    assert [d.find("t:date", TEI).get("when") for d in datelines] == ["1782-01-05", "1782-01-07"]
    # a weekday the day cannot have: the title's year is not claimed for it
    wrong = converted_tei(QUAKER.format(first="First-day", second="Third-day"), "journal.txt", kind="journal")
    dates = wrong.findall(".//t:body//t:dateline/t:date", TEI)
    assert [(d.get("when"), d.get("cert")) for d in dates] == [("--01-05", "low"), ("--01-07", "low")]


def test_a_paragraph_opened_by_a_weekday_alone_is_that_days_entry_dated_on_from_the_last():
    source = ("Diary of Harriet Lowe, 1838\n\nApril 28th. Saturday. Walked to the village.\n\n"
              "Sunday. Church twice. Mr. Crane preached.\n\nMonday. Rain all day.\n\n"
              "Sunday was fine, she said, and it was.\n")
    root = converted_tei(source, "diary.txt", kind="journal")
    entries = root.findall(".//t:body//t:div[@type='entry']", TEI)
    # the weekday after the first entry's date is its heading's too
    assert [e.find("t:dateline", TEI).xpath("string()") for e in entries] == ["April 28th. Saturday.", "Sunday.",
                                                                             "Monday."]
    assert [e.find("t:dateline/t:date", TEI).get("when") for e in entries] == ["1838-04-28", "1838-04-29", "1838-04-30"]
    # a weekday in a sentence ("Sunday was fine") opens no entry: it is a paragraph of Monday's
    assert entries[-1].findall("t:p", TEI)[-1].text == "Sunday was fine, she said, and it was."
