"""The personography: reading, looking up name forms, adding people, writing back the same bytes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import EDITIONS, REPO
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS, XML_NS, parse_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(),
                                  reason="../shared (gold/corpus/schemas) is not beside this clone")
SHIPPED = EDITIONS / "persons.xml"
TEST_DATA = REPO / "tests" / "data" / "valid" / "persons.xml"
T = {"t": TEI_NS}


@pytest.fixture(scope="module")
def project_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(REPO / "schema" / "tei-tools.rng")))


def persons_of(data: bytes) -> list[etree._Element]:
    return parse_bytes(data).getroot().findall(".//t:listPerson/t:person", T)


# ---------------------------------------------------------------- reading and writing


@pytest.mark.parametrize("path", [SHIPPED, TEST_DATA], ids=["shipped", "test-data"])
def test_loading_and_saving_gives_back_the_same_bytes(path, tmp_path):
    personography = Personography.load(path)
    assert personography.to_bytes() == path.read_bytes()
    personography.save(tmp_path / "persons.xml")
    assert Personography.load(tmp_path / "persons.xml").to_bytes() == path.read_bytes()


def test_the_same_additions_give_the_same_bytes():
    def build() -> bytes:
        personography = Personography.load(TEST_DATA)
        personography.add("Anna Wexler", ("Anna M. Wexler",))
        personography.add("Ivo Brankovic")
        return personography.to_bytes()

    assert build() == build()


def test_an_empty_personography_is_a_valid_document(project_schema):
    data = Personography.empty().to_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert project_schema.validate(parse_bytes(data)), project_schema.error_log
    assert len(Personography.from_bytes(data)) == 0


def test_an_empty_personography_takes_its_first_person(project_schema):
    personography = Personography.empty()
    person_id = personography.add("Anna Wexler")
    data = personography.to_bytes()
    assert project_schema.validate(parse_bytes(data)), project_schema.error_log
    assert [p.get(f"{{{XML_NS}}}id") for p in persons_of(data)] == [person_id] == ["anna-wexler"]
    assert b"No persons yet" not in data
    assert Personography.from_bytes(data).find("Anna Wexler") == ["anna-wexler"]


def test_the_shipped_personography_is_valid_against_the_project_schema(project_schema):
    assert project_schema.validate(parse_bytes(SHIPPED.read_bytes())), project_schema.error_log


@needs_shared
@pytest.mark.slow
def test_the_shipped_personography_is_valid_tei():
    schema = etree.RelaxNG(etree.parse(str(SHARED / "schemas" / "tei_all.rng")))
    assert schema.validate(parse_bytes(SHIPPED.read_bytes())), schema.error_log


def test_the_shipped_entries_are_well_formed():
    people = persons_of(SHIPPED.read_bytes())
    ids = [p.get(f"{{{XML_NS}}}id") for p in people]
    assert len(ids) == len(set(ids)) > 50
    for person in people:
        names = person.findall("t:persName", T)
        assert names and names[0].get("type") == "main", person.get(f"{{{XML_NS}}}id")
        for idno in person.findall("t:idno[@type='wikidata']", T):
            assert re.fullmatch(r"Q[1-9]\d*", idno.text)
        # reviewed by hand, or added by the converter and marked for review
        assert (person.get("resp"), person.get("cert")) in ((None, None), ("#tei-tools", "low"))
    reviewed = [p for p in people if p.get("resp") is None]
    assert len(reviewed) > 100 and people[:len(reviewed)] == reviewed  # the converter appends


def test_an_external_entity_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    data = Personography.empty().to_bytes().decode().replace(
        "<TEI ", f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n<TEI ', 1)
    data = data.replace("<p>No persons yet.</p>",
                        '<listPerson><person xml:id="x"><persName>A &x; B</persName></person></listPerson>')
    path = tmp_path / "persons.xml"
    path.write_text(data, encoding="utf-8")
    personography = Personography.load(path)
    assert "SECRET" not in personography.person("x").main_name
    assert b"SECRET" not in personography.to_bytes()


def test_a_file_without_a_body_is_refused(tmp_path):
    path = tmp_path / "persons.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"><teiHeader/></TEI>', encoding="utf-8")
    with pytest.raises(ValueError):
        Personography.load(path)


# ---------------------------------------------------------------- looking up


@pytest.fixture()
def nurses() -> Personography:
    return Personography.load(TEST_DATA)


def test_find_ignores_case_accents_and_dots(nurses):
    nurses.add("Zoë D. Ramírez")
    assert nurses.find("Florence Nightingale") == ["nightingale"]
    assert nurses.find("miss NIGHTINGALE") == ["nightingale"]
    assert nurses.find("Zoe D Ramirez") == ["zoe-d-ramirez"]
    assert nurses.find("Nightingale") == []  # not a form of its own


def test_find_word_knows_surnames_given_names_and_one_word_forms(nurses):
    nurses.add("Koba")
    assert nurses.find_word("Nightingale", "surname") == ["nightingale"]
    assert nurses.find_word("Florence", "given") == ["nightingale"]
    assert nurses.find_word("Sidney", "given") == ["herbert"]
    assert nurses.find_word("Koba", "form") == ["koba"]
    assert nurses.find_word("Herbert", "given") == []


def test_find_containing_needs_one_form_with_all_words_and_the_same_given_name():
    personography = Personography.empty()
    lev = personography.add("Lev Markovich Adler")
    personography.add("David Adler")
    assert personography.find_containing(frozenset({"lev", "adler"}), "lev") == [lev]
    assert personography.find_containing(frozenset({"lev", "markovich"}), "lev") == [lev]
    assert personography.find_containing(frozenset({"adler"}), None) == [lev, "david-adler"]
    assert personography.find_containing(frozenset({"sara", "adler"}), "sara") == []


def test_double_barrelled_surnames_are_found_by_either_half():
    personography = Personography.empty()
    person_id = personography.add("Vladimir Orlov-Davydov")
    for word in ("Orlov-Davydov", "Orlov", "Davydov"):
        assert personography.find_word(word, "surname") == [person_id]


# ---------------------------------------------------------------- adding


def test_new_people_get_readable_unique_ids_and_are_marked_for_review(nurses):
    first = nurses.add("Mary Seacole")  # the id "seacole" is taken, this slug is not
    second = nurses.add("Mary Seacole")
    third = nurses.add("Ramón Núñez")
    assert (first, second, third) == ("mary-seacole", "mary-seacole-2", "ramon-nunez")
    element = persons_of(nurses.to_bytes())[-1]
    assert element.get("resp") == "#tei-tools" and element.get("cert") == "low"
    assert element.find("t:persName", T).text == "Ramón Núñez"
    assert nurses.person(third).automatic and not nurses.person("herbert").automatic


def test_an_id_never_starts_with_a_digit():
    assert Personography.empty().add("1st Baron") == "p-1st-baron"


def test_variants_are_written_after_the_main_name():
    personography = Personography.empty()
    person_id = personography.add("Anna Wexler", ("Anna M. Wexler", "anna wexler"))
    names = persons_of(personography.to_bytes())[0].findall("t:persName", T)
    assert [(n.get("type"), n.text) for n in names] == [("main", "Anna Wexler"), ("variant", "Anna M. Wexler")]
    assert personography.find("Anna M. Wexler") == [person_id]


def test_add_name_extends_only_automatic_entries(nurses):
    person_id = nurses.add("Anna Wexler")
    assert nurses.add_name(person_id, "Anna Maria Wexler")
    assert not nurses.add_name(person_id, "anna maria wexler")  # known already
    assert not nurses.add_name("nightingale", "Flo Nightingale")  # reviewed by an editor
    assert nurses.find("Anna Maria Wexler") == [person_id]
    assert nurses.find("Flo Nightingale") == []


def test_adding_to_a_file_without_the_tools_respstmt_declares_it(tmp_path):
    data = TEST_DATA.read_bytes().replace(b' xml:id="tei-tools"', b"")
    path = tmp_path / "persons.xml"
    path.write_bytes(data)
    personography = Personography.load(path)
    personography.add("Anna Wexler")
    root = parse_bytes(personography.to_bytes()).getroot()
    assert root.xpath("//t:titleStmt/t:respStmt[@xml:id='tei-tools']", namespaces=T)


# ---------------------------------------------------------------- relations

FAMILY = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>P</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>
<text><body><listPerson>
  <person xml:id="ada" sex="F"><persName type="main">Ada Lind</persName></person>
  <person xml:id="per" sex="M"><persName type="main">Per Lind</persName></person>
  <person xml:id="oskar" sex="1"><persName type="main">Oskar Holm</persName></person>
  <person xml:id="vera"><persName type="main">Vera Holm</persName></person>
  <listRelation>
    <relation name="parent" active="#ada #per" passive="#oskar"/>
    <relation name="child" active="#vera" passive="#ada"/>
    <relation name="friend" mutual="#per #vera"/>
  </listRelation>
</listPerson></body></text></TEI>""".encode()


def test_parent_relations_and_sex_are_read():
    family = Personography.from_bytes(FAMILY)
    assert family.baseline.children("ada") == ["oskar", "vera"]  # parent, and child the other way round
    assert family.baseline.children("per") == ["oskar"] and family.baseline.children("vera") == []
    assert family.person("oskar").sex == "m" and family.person("ada").sex == "f" and family.person("vera").sex == ""


def test_new_persons_go_before_the_closing_relations_and_the_file_stays_valid(project_schema):
    family = Personography.from_bytes(FAMILY)
    family.add("Nils Berg")
    data = family.to_bytes()
    assert project_schema.validate(parse_bytes(data)), project_schema.error_log
    listing = parse_bytes(data).getroot().find(".//t:listPerson", T)
    assert [etree.QName(child).localname for child in listing][-2:] == ["person", "listRelation"]
    assert Personography.from_bytes(data).baseline.children("ada") == ["oskar", "vera"]


def test_saving_is_atomic_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import os

    path = tmp_path / "persons.xml"
    path.write_bytes(Personography.empty().to_bytes())
    before = path.read_bytes()
    people = Personography.load(path)
    people.add("Anna Petrova")

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        people.save(path)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["persons.xml"]
    monkeypatch.undo()
    people.save(path)
    assert "Anna Petrova" in path.read_text(encoding="utf-8") and path.read_bytes() != before


def test_persons_are_found_containing_words_in_the_order_they_came():
    """find_containing keeps the personography's order (kept as persons come, not rebuilt per call)."""
    from tei_tools.personography import Personography

    persons = Personography.empty()
    ids = [persons.add(name) for name in ("Lev Davidovich Bronstein", "Anna Bronstein", "Lev Bronstein Petrov")]
    index = persons.index
    assert index.find_containing(frozenset({"bronstein"}), None) == ids
    assert index.find_containing(frozenset({"bronstein", "lev"}), "lev") == [ids[0], ids[2]]
    twin = index.copy()
    twin.add_name("later", "Zed Bronstein", "main")
    assert twin.find_containing(frozenset({"bronstein"}), None) == ids + ["later"]
    assert index.find_containing(frozenset({"bronstein"}), None) == ids  # the copy's additions stay its own


def listing(persons: str) -> Personography:
    """A personography whose listPerson holds `persons` (TEI person elements, as written)."""
    data = Personography.empty().to_bytes().decode().replace("<p>No persons yet.</p>",
                                                             f"<listPerson>{persons}</listPerson>")
    return Personography.from_bytes(data.encode())


def test_the_same_name_many_times_is_numbered_on_past_the_ids_the_file_has():
    persons = listing('<person xml:id="ann-lee"><persName>Ann Lee</persName></person>'
                      '<person xml:id="ann-lee-3"><persName>Ann Lee</persName></person>')
    assert [persons.add("Ann Lee") for _ in range(4)] == ["ann-lee-2", "ann-lee-4", "ann-lee-5", "ann-lee-6"]
    assert persons.add("Ann Lee 7") == "ann-lee-7" and persons.add("Ann Lee") == "ann-lee-8"


def test_listed_aliases_are_an_editors_one_word_forms_and_declared_aliases_only():
    persons = listing('<person xml:id="stalin"><persName>Iosif Dzhugashvili</persName><persName>Koba</persName>'
                      '</person>')
    named = persons.add("Koba")  # automatic, its one word its main name: not a listed alias
    declared = persons.add("Pyotr Orlov")
    persons.add_name(declared, "Koba", "alias")
    assert persons.index.find_word("koba", "form") == ["stalin", named, declared]
    assert persons.index.find_listed_alias("Koba") == ["stalin", declared]
    assert persons.index.copy().find_listed_alias("koba") == ["stalin", declared]


def test_entries_made_from_a_mention_are_found_by_it_for_the_same_document():
    persons = Personography.empty()
    made = persons.add("Orlov", note="Added by tei-tools from the mention “Orlov” in a.txt.")
    persons.add("Orlov")  # no note: nothing to meet again
    again = Personography.from_bytes(persons.to_bytes())
    assert again.baseline.find_made_from("orlov") == [made]
    assert again.baseline.find("orlov") == [made, "orlov-2"]
