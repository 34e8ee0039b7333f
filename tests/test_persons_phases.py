"""The two phases of person annotation: recognise (read-only, per document) and reconcile
(serial, in the batch's order), and what a conversion starts from.

The texts are invented; no seed or real document is quoted.
"""
from __future__ import annotations

import pickle

from tei_tools.annotate.persons import annotate_persons, recognise, reconcile
from tei_tools.convert import convert_files, convert_text, load_personography
from tei_tools.model import Block
from tei_tools.personography import Personography

FIRST = ["Halvard Brekke came to Tromsø in the spring of 1921.", "Brekke opened a bookshop there."]
SECOND = ["Years later Ingrid Solheim bought the shop from Halvard Brekke.", "Solheim kept the name."]
THIRD = ["Brekke wrote to Solheim every winter.", "Tore Vik, alias Brekke's clerk, read the letters."]


def blocks_of(paragraphs: list[str]) -> list[Block]:
    return [Block("p", text, 0) for text in paragraphs]


def refs(spans: list[list]) -> list[str]:
    return [span.attr("ref") for per_block in spans for span in per_block if span.tag == "persName"]


def reviewed(*entries: str) -> Personography:
    data = Personography.empty().to_bytes().decode().replace(
        "<p>No persons yet.</p>", f"<listPerson>{''.join(entries)}</listPerson>")
    return Personography.from_bytes(data.encode())


def test_recognise_changes_nothing_and_its_result_pickles():
    personography = reviewed('<person xml:id="brekke"><persName type="main">Halvard Brekke</persName></person>')
    before = personography.to_bytes()
    recognition = recognise(blocks_of(SECOND), personography.baseline, "second.txt")
    assert personography.to_bytes() == before and len(personography) == 1
    assert pickle.loads(pickle.dumps(recognition)) == recognition
    [brekke] = [p for p in recognition.persons if p.known_id]
    assert brekke.known_id == "brekke" and brekke.evidence == "form"
    assert any(p.known_id is None and "Ingrid Solheim" in p.entity.forms for p in recognition.persons)


def test_documents_one_after_the_other_equal_reconciling_recognitions_made_apart():
    documents = [blocks_of(FIRST), blocks_of(SECOND), blocks_of(THIRD)]
    serial = Personography.empty()
    one_after_the_other = [annotate_persons(blocks, serial, f"d{n}.txt") for n, blocks in enumerate(documents)]

    batch = Personography.empty()
    recognitions = [recognise(blocks, batch.baseline, f"d{n}.txt") for n, blocks in enumerate(documents)]
    recognitions = [pickle.loads(pickle.dumps(r)) for r in reversed(recognitions)][::-1]  # as from workers
    reconciled = [reconcile(recognition, batch) for recognition in recognitions]

    assert reconciled == one_after_the_other
    assert batch.to_bytes() == serial.to_bytes()
    assert refs(reconciled[0])[0] == refs(reconciled[1])[1] == refs(reconciled[2])[0]  # Brekke throughout
    assert refs(reconciled[1])[0] == refs(reconciled[2])[1]  # Solheim, by her surname, in the third


def test_a_new_person_carries_the_evidence_it_was_made_from():
    personography = Personography.empty()
    annotate_persons(blocks_of(FIRST), personography, "first.txt")
    data = personography.to_bytes().decode()
    assert 'type="evidence"' in data and "“Halvard Brekke”" in data and "first.txt" in data


def test_a_given_name_alone_does_not_link_to_a_stranger_of_another_document():
    personography = Personography.empty()
    annotate_persons(blocks_of(["Ingrid Solheim sold books in Bergen."]), personography, "a.txt")
    spans = annotate_persons(blocks_of(["Next morning Ingrid went to the harbour alone."]), personography, "b.txt")
    [span] = [s for s in spans[0] if s.tag == "persName"]
    assert span.attr("ref") != "persons.xml#ingrid-solheim"
    assert span.attr("cert") == "low"


def test_a_new_project_starts_with_an_empty_personography(tmp_path):
    personography, target = load_personography(tmp_path / "out", None)
    assert len(personography) == 0 and target == tmp_path / "out" / "persons.xml"
    source = tmp_path / "note.txt"
    source.write_text("A note\n\nHalvard Brekke came to Tromsø. Brekke stayed.\n", encoding="utf-8")
    [result] = convert_files([source], tmp_path / "out")
    assert result.ok
    written = Personography.load(tmp_path / "out" / "persons.xml")
    assert [written.person(i).main_name for i in written.ids()] == ["Halvard Brekke"]


def test_convert_text_is_one_call_for_notebooks():
    personography = Personography.empty()
    _, data, counts = convert_text("A note\n\nHalvard Brekke came to Tromsø.\n", "note.txt", personography)
    assert counts["persons"] == 1 and b'ref="persons.xml#halvard-brekke"' in data
    assert personography.ids() == ["halvard-brekke"]


def test_reconcile_needs_no_word_frequencies_the_recogniser_noted(monkeypatch):
    """Reconciling runs serially in the batch's one process: the frequencies of the words used
    alone travel with the recognition (picklable), so that process need not load wordfreq; the
    second document meets the first's Brekke through the surname alone, a frequency question."""
    import importlib

    identify_module = importlib.import_module("tei_tools.annotate.persons.identify")
    personography = Personography.empty()
    first = pickle.loads(pickle.dumps(recognise(blocks_of(FIRST), personography.baseline, "first.txt")))
    third = pickle.loads(pickle.dumps(recognise(blocks_of(THIRD), personography.baseline, "third.txt")))
    brekke = next(p for p in third.persons if "brekke" in p.entity.alone)
    assert brekke.entity.frequencies["brekke"] == identify_module.zipf("brekke")

    def no_wordfreq(word):
        raise AssertionError(f"reconcile asked wordfreq about {word!r}")
    monkeypatch.setattr(identify_module, "zipf", no_wordfreq)
    first_refs, third_refs = refs(reconcile(first, personography)), refs(reconcile(third, personography))
    assert set(third_refs) & set(first_refs)  # the same Brekke, found by the surname alone
