"""Words of the curated lists (src/tei_tools/data) as they act in running text: feast days that
date a letter are no persons, hyphenated military and legal titles are titles. Sentences of our own."""
from __future__ import annotations

import pytest

from tei_tools.annotate.persons import annotate_persons
from tei_tools.model import Block
from tei_tools.personography import Personography


def marked(text: str) -> list[tuple[str, str]]:
    """(tag, text) of every persName and roleName, in order."""
    block = Block("p", text, 0)
    (spans,) = annotate_persons([block], Personography.empty())
    return [(s.tag, text[s.start:s.end]) for s in sorted(spans, key=lambda s: (s.start, -s.end))]


@pytest.mark.parametrize("feast", ["Candlemas", "Michaelmas", "Whitsun", "Martinmas", "Lammas"])
def test_a_feast_day_is_no_person(feast):
    assert marked(f"The roads have been impassable since {feast}, and Anna Kessler writes that they will stay so.") \
        == [("persName", "Anna Kessler")]


@pytest.mark.parametrize("title", ["Vice-Admiral", "Major-General", "Lieutenant-Colonel", "Field-Marshal"])
def test_a_hyphenated_title_is_the_title_of_the_name_after_it(title):
    assert marked(f"The letter reached {title} Oskar Brandstetter at Trieste.") == [
        ("persName", f"{title} Oskar Brandstetter"), ("roleName", title)]


@pytest.mark.parametrize("mark", ["P.S.", "P.P.S.", "N.B."])
def test_a_letters_postscript_or_nota_bene_mark_is_no_ones_initials(mark):
    assert marked(f"{mark} Remember me to Anna Kessler.") == [("persName", "Anna Kessler")]


def test_initials_before_a_surname_are_still_a_name():
    assert marked("The paper was signed by J. R. Kessler at Leeds.") == [("persName", "J. R. Kessler")]


@pytest.mark.parametrize("salutation", ["Dearest", "Honoured", "Esteemed"])
def test_a_salutations_adjective_is_not_part_of_the_name(salutation):
    assert marked(f"{salutation} Charlotte Kessler, your letter came today.") == [("persName", "Charlotte Kessler")]


@pytest.mark.parametrize("name", ["John Couch Adams", "Julia Ward Howe"])
def test_a_middle_name_that_is_an_ordinary_word_keeps_the_name_whole(name):
    assert marked(f"When {name} heard of it, the work was done.") == [("persName", name)]



@pytest.mark.parametrize("sentence", ["Anna Kessler was born in Dunwarrow, the daughter of a surveyor.",
                                      "Anna Kessler died at Pellinore in 1872.",
                                      "Anna Kessler lay at anchor off Grimsholt till noon.",
                                      "Anna Kessler watched Neptune through the glass."])
def test_a_place_of_a_life_or_a_planet_is_no_person(sentence):
    assert marked(sentence) == [("persName", "Anna Kessler")]


@pytest.mark.parametrize("name", ["Dr. Holland", "Mr. Paris", "Mrs. Florence"])
def test_a_title_makes_a_place_name_a_surname(name):
    found = marked(f"Yesterday {name} came and stayed an hour.")
    assert found[0] == ("persName", name)


def test_a_titled_surname_makes_the_word_a_name_of_the_document():
    # "Holmes" is frequent enough to be read as an ordinary word; "Mr. Holmes" says it is a surname
    found = [text for tag, text in marked("I have come to you, Mr. Holmes. Then Sherlock Holmes placed a chair, "
                                          "and Holmes sat down.") if tag == "persName"]
    assert found == ["Mr. Holmes", "Sherlock Holmes", "Holmes"]


@pytest.mark.parametrize("sentence", ["Anna Kessler took the place in life Providence had given her.",
                                      "Anna Kessler said it was as simple as Scripture history.",
                                      "Anna Kessler smelt the Oriental dust of the shop.",
                                      "Anna Kessler told the Chief Steward that the food was cold."])
def test_words_of_providence_scripture_peoples_and_ships_offices_are_no_persons(sentence):
    assert marked(sentence) == [("persName", "Anna Kessler")]


@pytest.mark.parametrize("text, names", [("P. S. Remember me to your brother.", []),
                                         ("P. S. Anna Kessler sends her love.", [("persName", "Anna Kessler")]),
                                         ("P. P. S. Burn this letter.", []),
                                         ("Then J. R. Kessler came.", [("persName", "J. R. Kessler")])])
def test_a_postscript_mark_in_spaced_initials_is_no_part_of_a_name(text, names):
    assert marked(text) == names


@pytest.mark.parametrize("name", ["G.A. Henty", "P.A. Kessler"])
def test_initials_that_spell_an_abbreviation_of_the_lists_are_still_initials(name):
    # "Ga" (Georgia) and "Pa" are abbreviations that are never names, but with dots they are initials
    assert marked(f"Then {name} came to the house.") == [("persName", name)]


@pytest.mark.parametrize("name", ["Frederick Fleet", "Robert Plant", "Veronica Lake", "Freddie Mercury"])
def test_a_cue_word_that_is_also_a_surname_is_one_after_a_given_name(name):
    assert marked(f"In the dark, {name} leaned forward and listened.") == [("persName", name)]


@pytest.mark.parametrize("sentence", ["The Baltic Fleet sailed at dawn.", "They walked down to Lake Ladoga.",
                                      "Walter Kessler ran the Putilov Plant for a year."])
def test_the_same_cue_word_still_makes_a_fleet_a_lake_or_a_works(sentence):
    assert [text for _, text in marked(sentence)] == (["Walter Kessler"] if "Kessler" in sentence else [])


@pytest.mark.parametrize("name", ["Cary Mills", "Todd Fields", "Megan Brooks", "Wayne Marsh"])
def test_a_modern_given_name_makes_an_ordinary_word_after_it_a_surname(name):
    assert marked(f"Research and writing by {name}.") == [("persName", name)]


def test_a_possessive_in_an_apposition_is_whose_not_what_the_name_is():
    from conftest import persons_marked

    [(name, _, cert)] = persons_marked([Block("p", "Thomas Andrews, the ship's designer, walked the decks.", 0)])
    assert name == "Thomas Andrews" and cert == "high"  # not read as a ship's name ("Anmer, the King's horse")
    assert marked("Anmer, the King's horse, fell at the corner.") == []


def test_a_copy_of_a_name_is_a_book_not_its_author():
    assert marked("Miss Kessler gave her a copy of Amelia Thornbury as a going-away present.") == [
        ("persName", "Miss Kessler"), ("roleName", "Miss")]
    assert [text for _, text in marked("A copy of Kessler's sonnets lay on the table.")] == ["Kessler"]


@pytest.mark.parametrize("sentence", ["“There's a ship on the rocks,” he said. “The Mary Ellen, out of Grimsholt.”",
                                      "We put in at the Anna Maria, the only inn of the place."])
def test_given_names_after_the_name_a_ship_or_an_inn_and_out_of_leads_to_a_port(sentence):
    assert marked(sentence) == []


def test_a_person_with_given_names_only_is_still_one_without_the_article():
    assert [text for _, text in marked("Mary Ellen came home at six, and our Mary Ellen was tired.")] \
        == ["Mary Ellen", "Mary Ellen"]


@pytest.mark.parametrize("sentence", ["Walked to Grimsholt with Anna Kessler.", "In 1820 the family removed to Grimsholt.",
                                      "Anna Kessler rode to Grimsholt on Monday."])
def test_walking_riding_or_removing_to_a_name_goes_to_a_place(sentence):
    assert [text for _, text in marked(sentence)] == (["Anna Kessler"] if "Kessler" in sentence else [])


@pytest.mark.parametrize("title", ["Serjeant", "Serjt.", "Serjt"])
def test_the_old_spellings_of_sergeant_are_titles(title):
    # "Serjeant Talfourd", "Serjt. N. Pryor": the title of the name after it, not a name word
    assert marked(f"The letter reached {title} Oskar Brandstetter at Trieste.") == [
        ("persName", f"{title} Oskar Brandstetter"), ("roleName", title)]


@pytest.mark.parametrize("salutation, name", [("Dear Tom,", "Tom"), ("My dearest Frank,", "Frank")])
def test_a_given_name_a_salutation_addresses_is_a_person(salutation, name):
    (spans,) = annotate_persons([Block("salute", salutation, 0)], Personography.empty())
    assert [salutation[s.start:s.end] for s in spans if s.tag == "persName"] == [name]


@pytest.mark.parametrize("salutation", ["My dear Friend,", "Dear Sir,", "Dearest Mother,"])
def test_a_salutations_common_noun_is_no_person(salutation):
    (spans,) = annotate_persons([Block("salute", salutation, 0)], Personography.empty())
    assert not [s for s in spans if s.tag == "persName"]


@pytest.mark.parametrize("verb", ["played", "dined", "preached", "stayed", "talked"])
def test_a_given_name_before_a_verb_people_do_is_a_person(verb):
    assert [text for _, text in marked(f"In the garden Julian {verb} all the afternoon.")] == ["Julian"]


@pytest.mark.parametrize("title", ["Canon", "Archdeacon", "Prebendary"])
def test_a_clergymans_style_is_a_title_not_a_given_name(title):
    assert marked(f"The sermon was preached by {title} Ambrose Lindvall of Ripon.") == [
        ("persName", f"{title} Ambrose Lindvall"), ("roleName", title)]


@pytest.mark.parametrize("place", ["Ashby Vale", "the Crown Inn"])
def test_a_vale_or_an_inn_is_a_place(place):
    assert marked(f"The mill at {place} employed two hundred hands under Josiah Crabbe.") == [
        ("persName", "Josiah Crabbe")]


def test_a_baronetcy_is_no_person():
    assert marked("In 1881 she married Sir Hugh Dunmore, 3rd Baronet, a widower.") == [
        ("persName", "Sir Hugh Dunmore"), ("roleName", "Sir")]


@pytest.mark.parametrize("sentence", ["By 1861 the mill belonged to Pryor, Wells & Co., and William Hale ran it.",
                                      "The bales of Hargreaves & Sons came to William Hale.",
                                      "Messrs. Hargreaves & Dunn, of Manchester, wrote to William Hale."])
def test_a_firms_name_is_no_person(sentence):
    assert [text for tag, text in marked(sentence) if tag == "persName"] == ["William Hale"]


def test_an_ampersand_for_and_between_persons_leaves_them_persons():
    assert [text for tag, text in marked("Mr. Dunn & Mrs. Dunn came to tea.") if tag == "persName"] == [
        "Mr. Dunn", "Mrs. Dunn"]


@pytest.mark.parametrize("entry", ["Fair. To Callander. The road beautiful beyond description.",
                                   "To Inverary; rain all day."])
def test_a_journals_stage_to_a_place_is_no_person(entry):
    assert [text for tag, text in marked(entry + " Tea with Mrs. Grant.") if tag == "persName"] == ["Mrs. Grant"]


def test_a_name_after_to_within_a_sentence_is_still_weighed_as_a_name():
    assert [text for tag, text in marked("I wrote to Callander about the lease.") if tag == "persName"] == [
        "Callander"]


@pytest.mark.parametrize("people", ["Scotchman", "Welshman", "Highlander", "Dutchman"])
def test_a_man_of_a_nation_is_no_persons_name(people):
    assert [text for tag, text in marked(f"He was the most silent {people} that Anna Kessler ever knew.")
            if tag == "persName"] == ["Anna Kessler"]


@pytest.mark.parametrize("peer", ["the Earl of Stamford", "the Marquess of Bute", "the Countess of Blessington",
                                  "the Dean of Ripon"])
def test_the_place_of_a_peers_or_a_deans_style_is_no_persons_name(peer):
    assert [text for tag, text in marked(f"The land was leased from {peer} by Anna Kessler.")
            if tag == "persName"] == ["Anna Kessler"]


@pytest.mark.parametrize("name", ["Jean-Paul Sartre", "Mei-Ling Zhao", "Marie-Louise Dubois"])
def test_a_hyphenated_given_name_is_part_of_the_name(name):
    assert [text for tag, text in marked(f"In 1961 {name} wrote to the committee.") if tag == "persName"] == [name]


def certs(text: str) -> list[tuple[str, str]]:
    block = Block("p", text, 0)
    (spans,) = annotate_persons([block], Personography.empty())
    return [(text[s.start:s.end], s.attr("cert")) for s in spans if s.tag == "persName"]


@pytest.mark.parametrize("verb", ["reading", "read", "re-read"])
def test_a_name_that_is_read_may_be_a_work_and_says_so(verb):
    """"I have been reading Jane Eyre": a novel, or (reading Byron) an author for the works."""
    assert certs(f"I have been {verb} Jane Eyre again. Anna Kessler sends her love.") == [
        ("Jane Eyre", "low"), ("Anna Kessler", "high")]


@pytest.mark.parametrize("sentence, name", [("Capt. Heald Called a Council of the chiefs.", "Capt. Heald"),
                                            ("Mr. Kinzie Says they are not to be trusted.", "Mr. Kinzie"),
                                            ("Lieut. Helm Sick with the ague all day.", "Lieut. Helm"),
                                            ("Genl. Hull had given up the place.", "Genl. Hull")])
def test_a_titled_surname_ends_before_a_capitalised_word_of_the_sentence(sentence, name):
    assert [text for tag, text in marked(sentence) if tag == "persName"] == [name]


def test_a_titled_given_name_and_surname_stay_whole():
    assert [text for tag, text in marked("Dr. Oliver Wendell spoke at length.") if tag == "persName"] == [
        "Dr. Oliver Wendell"]
