"""Transcripts in speaker turns: labels ("TOBIAS WRENFIELD:", "HOST (Ingrid Halvorsen):") become
`sp` with `speaker` and `p`, later paragraphs without a label continue the turn, the
transcriber's asides ("[Break]") stand between turns, and `sp/@who` names the speaker only where
the persons marked vouch for it. Invented transcript: tests/data/sources/transcript_interview_speakers.txt."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import converted_tei
from tei_tools.convert import convert_text
from tei_tools.model import Block, Container
from tei_tools.personography import Personography
from tei_tools.readers import detect_kind, transcript
from tei_tools.readers.common import RawBlock
from tei_tools.readers.speakers import recurring_labels, speaker_label

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "tests" / "data" / "sources" / "transcript_interview_speakers.txt"
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def turns(nodes) -> list[tuple[str, list[str]]]:
    """(tag, texts of its blocks) of each node of the body's divisions."""
    found = []
    for div in nodes:
        for node in div.children:
            if isinstance(node, Container):
                found.append((node.tag, [b.text[:20] for b in node.children]))
            else:
                found.append((node.tag, [node.text[:20]]))
    return found


def test_a_transcript_in_capital_speaker_labels_is_detected_as_a_transcript():
    assert detect_kind(text()) == "transcript"


def test_each_labelled_paragraph_is_a_turn_and_unlabelled_ones_continue_it():
    doc = transcript.read(text(), "x")
    assert turns(doc.body) == [
        ("p", ["[Theme music]"]),
        ("sp", ["HOST (Ingrid Halvors", "Welcome to the archi"]),
        ("sp", ["TOBIAS WRENFIELD:", "Well, Ingrid, the wa", "It took the pumps ni"]),
        ("sp", ["INGRID HALVORSEN:", "And the owners?"]),
        ("sp", ["TOBIAS WRENFIELD:", "The owners blamed th"]),
        ("p", ["[Break]"]),
        ("sp", ["HOST:", "We'll be right back "]),
        ("sp", ["INGRID HALVORSEN:", "Thanks, Tobias."]),
    ]
    assert doc.front and doc.meta.title.startswith("THE SOUND ARCHIVE")
    assert not any(isinstance(n, Container) and n.tag == "argument" for n in doc.front), "a turn is no summary"


def edition() -> etree._Element:
    _, data, _ = convert_text(text(), "interview.txt", Personography.empty())
    return etree.fromstring(data)


def test_who_speaks_is_the_person_named_in_the_label_or_named_so_in_the_text():
    root = edition()
    whos = [(sp.findtext("t:speaker", namespaces=TEI) or "".join(sp.find("t:speaker", TEI).itertext()), sp.get("who"))
            for sp in root.iterfind(".//t:sp", TEI)]
    ingrid = root.xpath("string(.//t:speaker//t:persName[. = 'Ingrid Halvorsen']/@ref)", namespaces=TEI)
    tobias = root.xpath("string(.//t:p//t:persName[. = 'Tobias Wrenfield']/@ref)", namespaces=TEI)
    assert ingrid and tobias and ingrid != tobias
    labels = [label for label, _ in whos]
    assert labels[0] == "HOST ("  # the text before the marked name; the name is in persName
    # "HOST:" alone is the host the first label names ("HOST (Ingrid Halvorsen):")
    assert [who for _, who in whos] == [ingrid, tobias, ingrid, tobias, ingrid, ingrid]


def test_every_word_is_kept_and_the_edition_is_valid(tmp_path):
    from tei_tools.fidelity import compare, tei_text_words, words
    from tei_tools.validate import Validator, is_valid

    (tmp_path / "interview.xml").write_bytes(etree.tostring(edition()))
    root = etree.parse(str(tmp_path / "interview.xml")).getroot()
    assert compare(words(text()), tei_text_words(root)) == []
    tei_all = REPO.parent / "shared" / "schemas" / "tei_all.rng"
    if tei_all.exists():
        messages = Validator("tei-all", tei_all=tei_all).validate_file(tmp_path / "interview.xml")
        assert is_valid(messages), [str(m) for m in messages[:5]]


def test_the_project_schema_accepts_turns(tmp_path):
    from tei_tools.convert import convert_files
    from tei_tools.validate import Validator, is_valid

    (result,) = convert_files([SOURCE], tmp_path)
    assert result.status == "written" and result.kind == "transcript"
    messages = Validator("project").validate_files([tmp_path / f"{SOURCE.stem}.xml"])
    assert is_valid(messages), [str(m) for m in messages[:5]]


def raw(*texts: str) -> list[RawBlock]:
    return [RawBlock(t, 0, 1) for t in texts]


@pytest.mark.parametrize("line", ["Note: the recording breaks off here.", "Act One: The Flood",
                                  "Update: this episode was corrected.", "Journalism: The paper began in 1901."])
def test_a_title_case_label_used_once_is_no_speaker(line):
    blocks = raw(line, "Some prose follows here.")
    assert speaker_label(blocks[0], recurring_labels(blocks)) is None


def test_a_title_case_label_that_recurs_is_a_speaker():
    blocks = raw("Maria Lopez: Thank you for coming.", "Tom Reyes: Glad to be here.", "Maria Lopez: So, 1968?")
    assert [speaker_label(b, recurring_labels(blocks)) is not None for b in blocks] == [True, False, True]


def test_a_capitals_label_needs_two_letters_or_is_q_or_a():
    recurring = frozenset()
    assert speaker_label(RawBlock("Q: And then?", 0, 1), recurring)
    assert speaker_label(RawBlock("A: We left.", 0, 1), recurring)
    assert speaker_label(RawBlock("X: nothing.", 0, 1), recurring) is None


def test_a_first_name_or_a_role_alone_gives_no_who():
    from tei_tools.annotate.speakers import ascribe_turns
    from tei_tools.model import Document, Span

    speech = Block("p", "Anna Berg spoke first.", 0, spans=[Span.make(0, 9, "persName", ref="persons.xml#anna-berg")])
    doc = Document("x", "", "transcript")
    doc.body = [Container("div", [speech,
                                  Container("sp", [Block("speaker", "ANNA BERG:", 0), Block("p", "Yes.", 0)]),
                                  Container("sp", [Block("speaker", "ANNA:", 0), Block("p", "No.", 0)]),
                                  Container("sp", [Block("speaker", "HOST:", 0), Block("p", "Hm.", 0)])])]
    assert ascribe_turns(doc) == 1
    assert [n.attrs.get("who") for n in doc.body[0].children[1:]] == ["persons.xml#anna-berg", None, None]


ORAL_HISTORY = """Oral History Interview with Dorothy Mae Jenkins

Interviewer: Thomas Reilly
Date: March 14, 1978

REILLY: Mrs. Jenkins, let's start with where you were born and what your family did.

JENKINS: I was born in Madison County in 1901, the youngest of nine children of a tenant farmer.

REILLY: And when did you come to Asheville to work?

JENKINS: In 1924, I believe. I went to work at the Grove Park Inn as a maid that spring.
"""


def converted(source: str, name: str = "oral-history.txt") -> etree._Element:
    _, data, _ = convert_text(source, name, Personography.empty())
    return etree.fromstring(data)


def speakers_and_whos(source: str) -> list[tuple[str, str | None]]:
    root = converted(source)
    return [("".join(sp.find("t:speaker", TEI).itertext()), sp.get("who")) for sp in root.iterfind(".//t:sp", TEI)]


def test_a_surname_label_is_the_person_named_in_full_before_the_turns():
    whos = speakers_and_whos(ORAL_HISTORY)
    assert [label for label, _ in whos] == ["REILLY:", "JENKINS:", "REILLY:", "JENKINS:"]
    reilly, jenkins = whos[0][1], whos[1][1]
    assert reilly and jenkins and reilly != jenkins
    assert [who for _, who in whos] == [reilly, jenkins, reilly, jenkins]


def test_a_surname_label_that_two_persons_bear_or_named_only_later_gives_no_who():
    shared = ORAL_HISTORY.replace("the youngest of nine children of a tenant farmer",
                                  "the youngest child of my father, the farmer Samuel Reilly")
    assert [who for label, who in speakers_and_whos(shared) if label == "REILLY:"] == [None, None]
    later = ORAL_HISTORY.replace("Interviewer: Thomas Reilly\n", "Interviewer: T. R.\n")
    assert all(who is None for label, who in speakers_and_whos(later) if label == "REILLY:")


TIME_CODED = """The History Hour, Episode 212

[00:00:00] Maria Gonzalez: Welcome back to The History Hour. I'm Maria Gonzalez, and with me today is Alan Whitfield.

[00:00:12] Alan Whitfield: Thanks. Happy to be here, and happy to talk about the dial painters.

[00:00:15] Maria Gonzalez: So let's set the scene. It's 1917, in Newark, New Jersey.

(00:01:40) Alan Whitfield: Right. The studio opened that spring and hired young women to paint the dials.
"""


def test_time_coded_turns_are_a_transcript_with_the_time_code_in_the_speaker():
    assert detect_kind(TIME_CODED) == "transcript"
    whos = speakers_and_whos(TIME_CODED)
    assert [label for label, _ in whos] == ["[00:00:00] Maria Gonzalez:", "[00:00:12] Alan Whitfield:",
                                            "[00:00:15] Maria Gonzalez:", "(00:01:40) Alan Whitfield:"]
    maria, alan = whos[0][1], whos[1][1]
    assert maria and alan and maria != alan and [who for _, who in whos] == [maria, alan, maria, alan]


def test_a_speaker_label_after_a_time_code_names_its_speaker():
    source = ("The Hour, Episode 2\n\n[00:00:00] KATE MORRIS: Welcome back. I'm Kate Morris.\n\n"
              "[00:00:04] DAVID CHEN: And I'm David Chen.\n\n(00:12) KATE MORRIS: Grace Fryer was one of them.\n\n"
              "[00:00:25] HOST: Thank you.\n")
    root = converted_tei(source, "hour.txt", kind="transcript")
    turns = [(sp.findtext("t:speaker", namespaces=TEI), sp.get("who")) for sp in root.iterfind(".//t:sp", TEI)]
    assert turns == [("[00:00:00] KATE MORRIS:", "persons.xml#kate-morris"),
                     ("[00:00:04] DAVID CHEN:", "persons.xml#david-chen"),
                     ("(00:12) KATE MORRIS:", "persons.xml#kate-morris"), ("[00:00:25] HOST:", None)]


def test_numbered_speakers_and_a_role_once_are_turns_but_a_record_of_fields_is_not():
    source = ("Focus group, session 3\n\nInterviewer: Thomas Reilly\nDate: March 14, 1987\n\n"
              "Speaker 1: The library should stay open later.\n\nSpeaker 2: Agreed. My daughter studies there.\n\n"
              "Moderator: Let's come back to transport.\n\nSpeaker 1: The bus stops at eight.\n")
    assert detect_kind(source) == "transcript"
    root = converted_tei(source, "group.txt")
    assert [sp.findtext("t:speaker", namespaces=TEI) for sp in root.iterfind(".//t:sp", TEI)] == [
        "Speaker 1:", "Speaker 2:", "Moderator:", "Speaker 1:"]
    assert all(sp.get("who") is None for sp in root.iterfind(".//t:sp", TEI))  # roles name no one
    assert "Interviewer: " in "".join(root.find(".//t:body", TEI).itertext())  # kept, not a turn
    assert not any((sp.findtext("t:speaker", namespaces=TEI) or "").startswith(("Interviewer", "Date"))
                   for sp in root.iterfind(".//t:sp", TEI))


def test_a_role_is_the_one_person_a_label_ties_it_to_and_no_one_where_two_share_it():
    one_host = ("The Archive Hour\n\nHOST (Priya Natarajan): Welcome. My guest is Tom Barker.\n\n"
                "TOM BARKER: Thanks.\n\nHOST: So who was she?\n\nTOM BARKER: A photographer.\n")
    whos = speakers_and_whos(one_host)
    assert whos[2][1] == whos[0][1] and whos[0][1] and whos[0][1] != whos[1][1]
    two_hosts = ("The Archive Hour\n\nHOST (Priya Natarajan): Welcome.\n\nHOST (Dev Anand): And welcome from me."
                 "\n\nTOM BARKER: Thanks.\n\nHOST: So who was she?\n\nTOM BARKER: A photographer.\n")
    assert speakers_and_whos(two_hosts)[3][1] is None


def test_initials_label_the_one_person_named_in_full_before_the_turns_with_them():
    source = ("Oral History Interview with Walter Pennington\n\nInterviewer: Susan Mayhew\nDate: 9 June 1987\n\n"
              "SM: Can you tell me about your father?\n\nWP: My father was Harold Pennington, a collier.\n\n"
              "SM: And your mother?\n\nWP: Mother was Lizzie.\n")
    whos = speakers_and_whos(source)
    assert [label for label, _ in whos] == ["SM:", "WP:", "SM:", "WP:"]
    assert whos[0][1] == whos[2][1] and whos[1][1] == whos[3][1] and None not in (whos[0][1], whos[1][1])
    assert whos[0][1] != whos[1][1] and "mayhew" in whos[0][1] and "pennington" in whos[1][1]


def test_an_interviews_particulars_give_the_source_its_date_and_interviewer_and_stay_in_the_text():
    source = ("Oral History Interview with Walter Pennington\n\nInterviewer: Susan Mayhew\nDate: 9 June 1987\n"
              "Location: Barnsley, South Yorkshire\n\nSM: Can you tell me about your father?\n\n"
              "WP: My father was Harold Pennington, a collier.\n\nSM: And your mother?\n\nWP: Mother was Lizzie.\n")
    root = converted(source)
    bibl = root.find(".//t:sourceDesc/t:bibl", TEI)
    assert bibl.find("t:date", TEI).get("when") == "1987-06-09" and bibl.findtext("t:date", namespaces=TEI) == "9 June 1987"
    assert [(r.findtext("t:resp", namespaces=TEI), r.findtext("t:name", namespaces=TEI))
            for r in bibl.findall("t:respStmt", TEI)] == [("Interviewer", "Susan Mayhew")]
    assert "date" not in bibl.findtext("t:note[@type='not-given']", namespaces=TEI)
    assert "Location: Barnsley, South Yorkshire" in "".join(root.find(".//t:text", TEI).itertext())


def test_labelled_lines_that_are_not_an_interviews_particulars_give_no_date():
    source = ("The Archive Hour\n\nNote: Date: unknown\nWarning: strong language\n\n"
              "HOST: Welcome.\n\nGUEST: Thanks.\n\nHOST: So.\n\nGUEST: Yes.\n")
    assert converted(source, "episode.txt").find(".//t:sourceDesc/t:bibl/t:date", TEI) is None


def test_initials_that_two_full_names_share_give_no_who():
    source = ("Oral History Interview with Walter Pennington\n\nInterviewer: Susan Mayhew\nDate: 9 June 1987\n\n"
              "SM: Can you tell me about your father?\n\nWP: My father was William Pennington, a collier.\n\n"
              "SM: And your mother?\n\nWP: Mother was Lizzie.\n")
    assert [who for _, who in speakers_and_whos(source)][1::2] == [None, None]


def test_a_surname_label_is_the_guest_the_host_names_in_full_before_the_guest_first_speaks():
    source = ("Panel Discussion\n\nMODERATOR (Dr. Fiona Kerr): Our panellists are Professor Amara Okafor and "
              "Mr. Henrik Sjöberg. Amara, can I start with you?\n\nOKAFOR: Thank you, Fiona.\n\n"
              "SJÖBERG: That's very familiar.\n\nMODERATOR: Henrik, how did that happen?\n\nSJÖBERG: Nobody asked.\n")
    whos = speakers_and_whos(source)
    assert [label for label, _ in whos] == ["MODERATOR (Dr. Fiona Kerr):", "OKAFOR:", "SJÖBERG:", "MODERATOR:",
                                            "SJÖBERG:"]
    refs = [who for _, who in whos]
    assert refs[0] == refs[3] and refs[2] == refs[4] and len({refs[0], refs[1], refs[2]}) == 3 and None not in refs
    assert "okafor" in refs[1] and "sjoberg" in refs[2]


def test_a_given_name_a_few_turns_after_the_full_name_is_that_person_speaker_labels_not_counted():
    source = ("Panel Discussion\n\nMODERATOR (Dr. Fiona Kerr): Our panellists are Professor Amara Okafor and "
              "Mr. Henrik Sjöberg.\n\nOKAFOR: Thank you, Fiona.\n\nSJÖBERG: That's very familiar.\n\n"
              "MODERATOR: Henrik, how did that happen?\n\nSJÖBERG: Nobody asked.\n")
    root = converted(source, "panel.txt")
    refs = {"".join(e.itertext()): e.get("ref") for e in root.iterfind(".//{*}text//{*}persName")}
    # three turns (six blocks, three of them labels) after "Mr. Henrik Sjöberg": him, not a new Henrik
    assert refs["Henrik"] == refs["Mr. Henrik Sjöberg"] and refs["Henrik"].endswith("#henrik-sjoberg")


def test_a_surname_label_named_in_full_only_after_its_first_turn_gives_no_who():
    source = ("Panel Discussion\n\nOKAFOR: Thank you.\n\nHOST: And our guest is Professor Amara Okafor.\n\n"
              "OKAFOR: Yes.\n")
    assert [who for _, who in speakers_and_whos(source)] == [None, None, None]
