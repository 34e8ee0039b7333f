"""Surname-first authors of reference lists claim no wrong name (tei_tools.annotate.persons.references)."""
from __future__ import annotations

import pytest

from tei_tools.annotate.persons import annotate_persons
from tei_tools.annotate.persons.references import in_inverted_author
from tei_tools.model import Block
from tei_tools.personography import Personography


def names(*texts: str) -> list[list[str]]:
    blocks = [Block("note", text, 0) for text in texts]
    return [[b.text[s.start:s.end] for s in spans if s.tag == "persName"]
            for b, spans in zip(blocks, annotate_persons(blocks, Personography.empty()))]


@pytest.mark.parametrize("entry, given", [("1. Toole, Betty Alexandra (1998). Numbers.", "Betty Alexandra"),
                                          ("Stein, Dorothy (1985). A Life.", "Dorothy"),
                                          ("[3] Menabrea, L. F. (1842). Sketch of the Engine.", "L. F")])
def test_the_given_names_of_a_surname_first_author_are_no_name_of_their_own(entry, given):
    start = entry.index(given)
    assert in_inverted_author(entry, start, start + len(given))
    assert given not in names(entry)[0]


def test_a_name_in_running_text_after_a_comma_is_still_a_name():
    assert names("In Leeds, Dorothy Stein wrote the life in 1985.") == [["Dorothy Stein"]]
    assert names("Yesterday, Anna Kessler came (1998).")[0] == ["Anna Kessler"]


def test_a_greeting_before_a_comma_is_no_surname_of_an_author():
    # "Thanks, Elena." opens like "Toole, Betty." but thanks no one's surname
    assert names("Our guest is Elena Varga.", "Thanks, Elena. Happy to be here.") == [["Elena Varga"], ["Elena"]]


def test_the_given_names_of_a_dictionary_heading_before_its_peerage_are_no_name_of_their_own():
    """"Ashcombe, Henry Fitzalan, 3rd Baron": the given names of the subject, read alone, were a
    person of their own ("Henry Fitzalan", high); as in a reference list, no name is claimed there."""
    heading = "Wrexley, Henry Fitzalan, 3rd Baron"
    start = heading.index("Henry")
    assert in_inverted_author(heading, start, start + len("Henry Fitzalan"))
    assert "Henry Fitzalan" not in names(heading)[0]
    assert names("In Leeds, Henry Fitzalan, the baron's son, was born.")[0] == ["Henry Fitzalan"]
