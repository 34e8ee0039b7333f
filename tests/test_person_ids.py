"""Identifiers made for people are readable in Latin letters, unique, and valid NCNames."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.annotate.names import slug, transliterate
from tei_tools.convert import convert_text
from tei_tools.personography import Personography
from tei_tools.xml import TEI_NS, XML_NS

NCNAME_OF_ASCII = re.compile(r"^[a-z][a-z0-9-]*$")


@pytest.mark.parametrize("name, expected", [
    ("Лев Толстой", "lev-tolstoy"),
    ("Антон Павлович Чехов", "anton-pavlovich-chekhov"),
    ("Σωκράτης", "sokratis"),
    ("Ἀριστοτέλης", "aristotelis"),
    ("Søren Kierkegaard", "soren-kierkegaard"),
    ("Jürgen Habermas", "jurgen-habermas"),
    ("Łukasz Żuławski", "lukasz-zulawski"),
    ("Ærø Ødegård", "aero-odegard"),
    ("毛泽东", "mao-ze-dong"),  # each ideograph's syllable a word of its own
    ("Lev Davidovich Bronstein", "lev-davidovich-bronstein"),  # ASCII names keep the ids they had
    ("O'Brien", "o-brien"),
    ("1917", "p-1917"),
    ("…", "person"),
])
def test_a_name_in_any_script_gets_a_readable_id(name, expected):
    assert slug(name) == expected


def test_transliteration_leaves_ascii_alone():
    assert transliterate("Anna Petrova") == "Anna Petrova"
    assert transliterate("Щедрин") == "Shchedrin"


def test_people_whose_names_read_alike_still_get_distinct_ids():
    persons = Personography.empty()
    ids = [persons.add(name) for name in ("Сократ", "Sokrat", "Σωκράτης", "Sokratis")]
    assert ids == ["sokrat", "sokrat-2", "sokratis", "sokratis-2"]


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30))
def test_every_id_is_an_ascii_ncname_whatever_the_name(name):
    assert NCNAME_OF_ASCII.match(slug(name))


def test_a_converted_text_in_other_scripts_links_to_readable_persons():
    persons = Personography.empty()
    text = ("Лев Толстой wrote to Антон Чехов in 1890.\n\n"
            "Лев Толстой wrote again.\n\nΣωκράτης and Πλάτων never wrote.\n")
    _, data, counts = convert_text(text, "scripts.txt", persons)
    refs = etree.fromstring(data).xpath("//t:persName/@ref", namespaces={"t": TEI_NS})
    assert counts["persons"] >= 3 and "persons.xml#lev-tolstoy" in refs and "persons.xml#sokratis" in refs
    ids = etree.fromstring(persons.to_bytes()).xpath("//t:person/@xml:id", namespaces={"t": TEI_NS, "xml": XML_NS})
    assert len(ids) == len(set(ids)) and all(NCNAME_OF_ASCII.match(i) for i in ids)
    assert not [i for i in ids if re.fullmatch(r"person(-\d+)?", i)]  # none of the old unreadable ids
