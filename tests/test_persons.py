"""The person annotator: which stretches are names of persons, and who each one is.

The texts are invented (people, places and papers that appear in no seed), so that passing
shows general rules at work rather than knowledge of the seeds.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import EDITIONS, REPO
from tei_tools.annotate.persons import annotate_persons
from tei_tools.model import Block
from tei_tools.personography import Personography

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(),
                                  reason="../shared (gold/corpus/schemas) is not beside this clone")


def annotate(*paragraphs: str, personography: Personography | None = None) -> list[tuple[str, str]]:
    """(name as written, person id) for every persName, in document order; a title marked as
    roleName at the start of the persName is left out of the name."""
    personography = personography if personography is not None else Personography.empty()
    blocks = [Block("p", text, 0) for text in paragraphs]
    found = []
    for block, spans in zip(blocks, annotate_persons(blocks, personography)):
        roles = {span.start: span.end for span in spans if span.tag == "roleName"}
        for span in sorted(s for s in spans if s.tag == "persName"):
            start = roles.get(span.start, span.start)
            found.append((block.text[start:span.end].strip(), span.attr("ref").removeprefix("persons.xml#")))
    return found


def marked(text: str) -> list[tuple[str, str | None]]:
    """(persName text, roleName text inside it or None) for every persName of one paragraph."""
    block = Block("p", text, 0)
    spans = annotate_persons([block], Personography.empty())[0]
    roles = {span.start: span for span in spans if span.tag == "roleName"}
    return [(span.text_in(text), roles[span.start].text_in(text) if span.start in roles else None)
            for span in sorted(s for s in spans if s.tag == "persName")]


def names(*paragraphs: str, personography: Personography | None = None) -> list[str]:
    return [text for text, _ in annotate(*paragraphs, personography=personography)]


def ref_of(found: list[tuple[str, str]], text: str) -> str:
    refs = {ref for name, ref in found if name == text}
    assert len(refs) == 1, (text, found)
    return refs.pop()


# ---------------------------------------------------------------- the forms of a name


def test_full_names_and_a_surname_alone():
    found = annotate("Anna Wexler arrived in Danzig in 1921. Three years later Wexler left for Riga.")
    assert [n for n, _ in found] == ["Anna Wexler", "Wexler"]
    assert ref_of(found, "Anna Wexler") == ref_of(found, "Wexler") == "anna-wexler"


def test_a_given_name_alone_joins_the_full_name():
    found = annotate("Tomasz Kowalczyk grew up on a farm near the river.", "Tomasz never forgot the farm.")
    assert [n for n, _ in found] == ["Tomasz Kowalczyk", "Tomasz"]
    assert len({ref for _, ref in found}) == 1


def test_a_patronymic_form_joins_the_full_name():
    found = annotate("Ivan Petrovich Sorokin was born in a village on the Kama.",
                     "Years later Ivan Petrovich still wrote to his mother.")
    assert [n for n, _ in found] == ["Ivan Petrovich Sorokin", "Ivan Petrovich"]
    assert len({ref for _, ref in found}) == 1


@pytest.mark.parametrize("written", ["K.B. Voronin-Dashkov", "C. L. R. Thornbury", "Bertrand K. Holloway",
                                     "J. R. Hollis"])
def test_initials_are_part_of_the_name(written):
    assert names(f"The next witness, {written}, told the court nothing new.") == [written]


def test_bare_initials_are_a_name_only_when_the_personography_knows_them():
    personography = reviewed_personography(
        '<person xml:id="tarkhanov"><persName type="main">Osip Tarkhanov</persName>'
        '<persName type="alias">O.T.</persName></person>')
    person_id = "tarkhanov"
    assert names("The letter was signed O.T. and nothing more.") == []
    assert annotate("The letter was signed O.T. and nothing more.", personography=personography) == [
        ("O.T.", person_id)]


def reviewed_personography(*entries: str) -> Personography:
    """A personography holding hand-made <person> entries (not marked as tei-tools' own)."""
    data = Personography.empty().to_bytes().decode().replace(
        "<p>No persons yet.</p>", f"<listPerson>{''.join(entries)}</listPerson>")
    return Personography.from_bytes(data.encode())


def test_nicknames_and_pseudonyms_link_through_the_personography():
    personography = reviewed_personography(
        '<person xml:id="lenz"><persName type="main">Karl Lenz</persName>'
        '<persName type="variant">Jan Smit</persName><persName type="alias">Wolf</persName></person>')
    found = annotate("Jan Smit took a room in the old town. Nobody knew that Wolf was back.",
                     "Karl Lenz had been in hiding for a year.", personography=personography)
    assert found == [("Jan Smit", "lenz"), ("Wolf", "lenz"), ("Karl Lenz", "lenz")]
    assert names("A wolf, and then a Wolf Cub.", personography=personography) == []


def test_names_inside_titles_of_works_and_citations():
    found = annotate("Otto Kessler died in 1931.",
                     "(3) Bertrand K. Holloway, The Death of Kessler: A Life in Exile (1952)")
    assert [n for n, _ in found] == ["Otto Kessler", "Bertrand K. Holloway", "Kessler"]
    assert ref_of(found, "Kessler") == ref_of(found, "Otto Kessler")


def test_a_surname_before_its_full_name_joins_it():
    found = annotate("The Trial of Halvorsen", "Erik Halvorsen was arrested in the spring of 1937.")
    assert [n for n, _ in found] == ["Halvorsen", "Erik Halvorsen"]
    assert len({ref for _, ref in found}) == 1


@pytest.mark.parametrize("text, expected", [
    ("Tsar Boris III signed the decree.", "Boris III"),
    ("Comrade Zelenko spoke for an hour.", "Zelenko"),
    ("Mr. Hollis was not at home.", "Hollis"),
    ("General Anton Vrba ordered a retreat.", "Anton Vrba"),
    ("The reply came from Grand Duke Kirill Tarasov himself.", "Kirill Tarasov"),
    ("Father Grigol Tsereteshvili blessed the crowd.", "Grigol Tsereteshvili"),
])
def test_a_title_before_the_name_is_a_role_name_inside_it(text, expected):
    [(name, role)] = marked(text)
    assert name.endswith(expected) and role == name.removesuffix(expected).strip()
    assert names(text) == [expected]


def test_a_possessive_is_left_out():
    found = annotate("Anna Wexler's first book sold badly; Wexler’s second did better.")
    assert [n for n, _ in found] == ["Anna Wexler", "Wexler"]


@pytest.mark.parametrize("text, expected", [
    ("Josh Ireland wrote the book.", ["Josh Ireland"]),  # a given name makes a place a surname
    ("President Woodrow Wilson read the report.", ["Woodrow Wilson"]),
    ("The producer was Charles Lauriat Jr. of Boston.", ["Charles Lauriat Jr."]),
    ("They admired Charles de Gaulle and later de Gaulle alone.", ["Charles de Gaulle", "de Gaulle"]),
    ("Ludwig van Halteren composed it.", ["Ludwig van Halteren"]),
    ("Pyotr Volkonsky-Barsky resigned; Barsky was replaced within a week.",
     ["Pyotr Volkonsky-Barsky", "Barsky"]),
    ("According to her biographer, June Hannam, she was the more radical.", ["June Hannam"]),
    ("Nobody trusted Professor Ilmar Kask.", ["Ilmar Kask"]),
    ("Poor Caroline. Henrietta never refused Caroline anything.", ["Caroline", "Henrietta", "Caroline"]),
])
def test_name_shapes(text, expected):
    assert names(text) == expected


# ---------------------------------------------------------------- what is not a person


@pytest.mark.parametrize("text", [
    "He said that she would come. I doubted it, and They agreed.",  # pronouns
    "The tsar and the war commissar met the Emperor.",  # roles and titles alone
    "The Bolsheviks and the Mensheviks split; the Fabians watched.",  # groups
    "A Marxist critique of Kesslerism and of Stalinist methods.",  # adjectives and -isms
    "She was born in Ustrava and grew up in the town of Ilmsk, near Vienna.",  # places
    "The Ilmsk Commission, the Red Army and the Vrba Institute were closed.",  # organisations
    "The cruiser Varyag sailed at dawn; the battleship Zaporog followed.",  # ships
    "He wrote for the newspaper Zarnitsa and for the Morning Courier.",  # newspapers
    "In Ustrava, Pelsk, Kovar and Irbina the strikes spread.",  # a list of places
    "The Siberian winter and the Argentine wheat were discussed in Parliament.",  # demonyms
    "The Siege of Przemysl ended; the people of Vorkuta starved.",  # "<place noun> of X"
    "The Whites captured Gatchina and then reached Okhotny Ryad.",  # verbs of taking places
    "The airship came down at Lakehurst, New Jersey, in May 1937.",  # "X, <place>"
    "He wrote “Tovarisch (which means Comrade)” on the card.",  # a word explained
    "It was published by Dutton, an imprint of Penguin.",  # a publisher
    "Frank discussions followed. Grant them that.",  # given names that are also ordinary words
    "Jan. 31, 2023",  # a date
])
def test_no_person_in(text):
    assert names(text) == []


def test_a_word_used_as_a_place_somewhere_is_a_place_everywhere():
    found = names("They moved to the town of Ostrava-Lisen in 1890.", "Ostrava-Lisen had two schools.")
    assert found == []


def test_a_word_shown_to_be_a_person_somewhere_is_a_person_everywhere():
    found = annotate("Gnyeditch wrote the translation.", "It was the hexameter of Gnyeditch.")
    assert [n for n, _ in found] == ["Gnyeditch", "Gnyeditch"]


def test_persons_listed_beside_a_person_are_persons():
    found = names("He ranked Halvard Moen with Aristarchus, Vossberg and Teodorescu.")
    assert found == ["Halvard Moen", "Aristarchus", "Vossberg", "Teodorescu"]


def test_a_title_case_heading_is_not_a_name():
    assert names("The Great Retreat", "Chapter Two: Winter Quarters") == []


# ---------------------------------------------------------------- who is who


def test_two_people_with_one_surname_get_two_ids():
    found = annotate("David Voss farmed near Odessa. His daughter Lena Voss became a journalist.",
                     "Lena Voss wrote for the local paper. Voss was soon famous.",
                     "David Voss never read her articles.")
    david, lena = ref_of(found, "David Voss"), ref_of(found, "Lena Voss")
    assert david != lena
    assert [ref for name, ref in found if name == "Voss"] == [lena]  # the most recent Voss


def test_a_relative_is_not_the_person_named_beside_them():
    found = annotate("Anton Hrabal came home.", "Anton Hrabal and Marta, with their son Anton, left Brno.")
    refs = [ref for _, ref in found]
    assert [n for n, _ in found] == ["Anton Hrabal", "Anton Hrabal", "Marta", "Anton"]
    assert refs[0] == refs[1] != refs[3]


def test_a_misspelt_full_name_joins_the_person():
    found = annotate("Sergei Ostapenko was appointed. Later Sergi Ostapenko resigned.")
    assert len({ref for _, ref in found}) == 1


def test_initials_must_fit_the_given_name():
    found = annotate("Emil Lurie was tried first. N. D. Lurie was tried a week later.")
    assert ref_of(found, "Emil Lurie") != ref_of(found, "N. D. Lurie")


def test_two_surnames_side_by_side_are_two_people():
    found = annotate("Piotr Zamoyski and Jan Kordecki agreed.", "Later Zamoyski Kordecki trusted less.")
    assert [n for n, _ in found][-2:] == ["Zamoyski", "Kordecki"]


def test_the_personography_links_people_across_documents():
    personography = Personography.empty()
    first = annotate("Anna Wexler arrived in Danzig.", personography=personography)
    second = annotate("Wexler never returned.", personography=personography)
    assert first[0][1] == second[0][1] == "anna-wexler"
    assert len(personography) == 1


def test_the_shipped_personography_links_known_people():
    personography = Personography.load(EDITIONS / "persons.xml")
    found = annotate("Koba met Lev Bronstein in Vienna; L.D. was not impressed.", personography=personography)
    assert found == [("Koba", "stalin"), ("Lev Bronstein", "trotsky"), ("L.D.", "trotsky")]


# ---------------------------------------------------------------- new entries and output


def test_new_people_are_added_for_review_under_their_fullest_name():
    personography = Personography.empty()
    annotate("Halvorsen was arrested.", "Erik Magnus Halvorsen was released.", "Erik Halvorsen left.",
             personography=personography)
    assert personography.ids() == ["erik-magnus-halvorsen"]
    person = personography.person("erik-magnus-halvorsen")
    assert person.automatic
    assert [text for text, _ in person.names] == ["Erik Magnus Halvorsen", "Erik Halvorsen"]


def test_spans_carry_ref_cert_and_resp_and_one_list_per_block():
    blocks = [Block("head", "Erik Halvorsen", 0), Block("p", "", 0), Block("p", "Halvorsen left.", 0)]
    spans = annotate_persons(blocks, Personography.empty())
    assert [len(s) for s in spans] == [1, 0, 1]
    span = spans[0][0]
    assert (span.start, span.end, span.tag) == (0, 14, "persName")
    assert span.attr("ref") == "persons.xml#erik-halvorsen"
    assert span.attr("resp") == "#tei-tools"
    assert span.attr("cert") in ("high", "medium", "low")


def test_the_same_text_gives_the_same_spans_and_personography():
    text = ["Anna Wexler met Ivo Brankovic and Tomasz Kowalczyk.", "Brankovic said: “Tomasz, wait.”"]
    runs = []
    for _ in range(2):
        personography = Personography.empty()
        runs.append((annotate(*text, personography=personography), personography.to_bytes()))
    assert runs[0] == runs[1]


# ---------------------------------------------------------------- against the gold


def _benchmark():
    spec = importlib.util.spec_from_file_location("score_persons", REPO / "benchmarks" / "score_persons.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


SEED_GOLD = sorted((SHARED / "eval" / "gold").glob("*.json")) if SHARED.is_dir() else []


@pytest.fixture(scope="module")
def bench():
    return _benchmark()


@needs_shared
@pytest.mark.parametrize("gold_path", SEED_GOLD, ids=lambda p: p.stem)
@pytest.mark.parametrize("start", ["shipped", "empty"])
def test_agreement_with_the_seed_gold(bench, gold_path, start):
    """Strict F1 and pairwise coreference against ../shared/eval/gold, scored as score.py does.
    With an empty personography (a new project) the documents' own evidence must do."""
    [source] = bench.sources([gold_path.stem])
    personography = Personography.empty() if start == "empty" else Personography.load(EDITIONS / "persons.xml")
    strict, _ = bench.scorer_keys()
    result = bench.evaluate(source, bench.predictions(source, personography)[0], strict)
    assert result.f1 >= (0.99 if start == "shipped" else 0.98)
    assert result.coref_precision >= 0.99
    assert result.coref_recall >= (0.99 if start == "shipped" else 0.95)


@needs_shared
def test_agreement_with_the_real_gold(bench):
    """Letters and a journal marked up by public TEI projects, title-blind (micro-averaged)."""
    _, title_blind = bench.scorer_keys()
    total = bench.Result()
    for source in bench.sources():
        if source.real:
            total.add(bench.evaluate(source, bench.predictions(source, Personography.empty())[0], title_blind))
    assert total.gold > 200
    assert total.f1 >= 0.85
    assert total.coref_precision >= 0.93 and total.coref_recall >= 0.93


# ---------------------------------------------------------------- work that grows with the document, not its square

def test_a_new_full_name_is_compared_only_with_persons_who_share_its_initials(monkeypatch):
    """The clusterer looks people up in indexes: with 120 persons of distinct initials, no full
    name is compared letter by letter with another (a scan would compare each with all before it)."""
    from tei_tools.annotate.persons.cluster import full_names as cluster  # where the clusterer looks it up
    given = ["Anna", "Boris", "Clara", "David", "Emil", "Frida", "Gustav", "Hilda", "Ivan", "Julia", "Karl", "Lena"]
    surnames = ["Varro", "Wendt", "Xanthe", "Yorick", "Zeller", "Quist", "Ruhl", "Sorel", "Tamm", "Ulmer"]
    sentences = [f"{g} {s} spoke." for g in given for s in surnames]
    compared = []
    real = cluster.similar_full_names
    monkeypatch.setattr(cluster, "similar_full_names", lambda *args: compared.append(args) or real(*args))
    found = annotate_persons([Block("p", " ".join(sentences), 0)], Personography.empty())[0]
    assert len({s.attr("ref") for s in found if s.tag == "persName"}) == 120
    assert compared == []  # each pair of initials is one person's: nobody to compare a new name with
