"""Editions written by the workers with stand-in ids (tei_tools.convert's drafts), then given
the persons' ids in the batch's order: the same bytes as converting one source after another.

The texts are invented; no seed or real document is quoted.
"""
from __future__ import annotations

import pickle

import pytest

import tei_tools.convert as convert
from tei_tools.convert import (STAND_IN, Draft, convert_files, convert_text, draft_edition, finish_draft,
                               prepare_text)
from tei_tools.personography import Personography

LETTERS = {
    "a.txt": "Dear Halvard,\n\nIngrid Solheim came to Tromsø on 3 May 1921. Solheim said: “The shop is ours.”\n\n"
             "Yours, Tore Vik\n",
    "b.txt": "Tromsø, 9 June 1921\n\nHalvard Brekke bought the shop from Ingrid Solheim. Brekke paid well.\n",
    "c.txt": "Solheim and Brekke wrote to Tore Vik every winter. Margit Aas kept the letters.\n",
}
TRANSCRIPT = ("Episode 4: The Shop\n\nHOST: Welcome. Today Ingrid Solheim joins us.\n\n"
              "INGRID SOLHEIM: Thank you. Halvard Brekke sold it to me.\n\nHOST: And Brekke?\n")


def one_after_the_other(texts: dict[str, str], href: str) -> tuple[dict[str, bytes], bytes]:
    personography = Personography.empty()
    editions = {name: convert_text(text, name, personography, schema_href=href)[1] for name, text in texts.items()}
    return editions, personography.to_bytes()


def write_sources(folder, texts: dict[str, str]):
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in texts]


@pytest.mark.parametrize("texts", [LETTERS, {**LETTERS, "d.txt": TRANSCRIPT}], ids=["letters", "with-transcript"])
def test_a_batch_of_drafts_writes_what_converting_one_after_the_other_writes(tmp_path, texts):
    sources = write_sources(tmp_path / "sources", texts)
    out = tmp_path / "editions"
    results = convert_files(sources, out, jobs=1)
    assert [r.status for r in results] == ["written"] * len(texts)
    href = convert.schema_href_for(out)
    editions, persons = one_after_the_other(texts, href)
    for name, data in editions.items():
        assert (out / name.replace(".txt", ".xml")).read_bytes() == data, name
    assert (out / "persons.xml").read_bytes() == persons
    assert b"#halvard-brekke" in (out / "b.xml").read_bytes()  # ids are in, stand-ins gone
    assert not any(STAND_IN.encode() in (out / n.replace(".txt", ".xml")).read_bytes() for n in texts)


def test_a_draft_holds_stand_ins_for_new_people_and_the_known_ids_as_they_are():
    known = Personography.empty()
    known.add("Halvard Brekke")
    draft = draft_edition(prepare_text(LETTERS["b.txt"], "b.txt", known.baseline), "schema/tei-tools")
    assert isinstance(draft, Draft) and not draft.compares_ids
    assert b"persons.xml#halvard-brekke" in draft.data
    assert f"persons.xml#{STAND_IN}".encode() in draft.data  # Ingrid Solheim, new
    assert pickle.loads(pickle.dumps(draft)) == draft


def test_a_transcript_whose_people_the_ids_join_is_not_finished_from_its_draft():
    draft = draft_edition(prepare_text(TRANSCRIPT, "t.txt", Personography.empty().baseline))
    assert draft.compares_ids  # speakers are ascribed by which names share a person
    persons = draft.recognition.persons
    assert len(draft.mentioned) >= 2
    apart = [f"p{number}" for number in range(len(persons))]
    assert finish_draft(draft, apart) is not None
    assert finish_draft(draft, ["same"] * len(persons)) is None


def test_ids_joining_people_of_a_letter_are_written_into_its_draft():
    draft = draft_edition(prepare_text(LETTERS["c.txt"], "c.txt", Personography.empty().baseline))
    assert not draft.compares_ids
    data = finish_draft(draft, ["same"] * len(draft.recognition.persons))
    assert data is not None and STAND_IN.encode() not in data
    assert data.count(b'ref="persons.xml#same"') == data.count(b"<persName ") >= len(draft.mentioned) > 1


def test_where_a_draft_cannot_be_finished_the_source_is_serialized_again_with_the_same_result(tmp_path, monkeypatch):
    texts = {**LETTERS, "d.txt": TRANSCRIPT}
    sources = write_sources(tmp_path / "sources", texts)
    expected = tmp_path / "expected"
    convert_files(sources, expected, jobs=1)
    monkeypatch.setattr(convert.outputs, "finish_draft", lambda draft, ids: None)
    again = tmp_path / "again"
    convert_files(sources, again, jobs=1)
    for name in [*texts, "persons.txt"]:
        xml = name.replace(".txt", ".xml")
        assert (again / xml).read_bytes().replace(b"again", b"expected") == (expected / xml).read_bytes(), xml


def test_a_source_that_holds_a_stand_in_itself_keeps_it_word_for_word(tmp_path):
    text = f"Ingrid Solheim wrote the code {STAND_IN}0000000 on the shop's door. Solheim laughed.\n"
    assert draft_edition(prepare_text(text, "odd.txt", Personography.empty().baseline)) is None
    sources = write_sources(tmp_path / "sources", {"odd.txt": text})
    [result] = convert_files(sources, tmp_path / "editions", jobs=1)
    data = (tmp_path / "editions" / "odd.xml").read_bytes()
    assert result.status == "written" and f"{STAND_IN}0000000 on the shop".encode() in data
    assert b'ref="persons.xml#ingrid-solheim"' in data
