"""What a title or a given name tells of a person's sex, and of a woman's married standing."""
from __future__ import annotations

from tei_tools.annotate.names import Lexicon
from tei_tools.annotate.persons.cluster.entity import Entity


def gender_of(title: str, lexicon: Lexicon) -> str | None:
    if title in lexicon.female_titles:
        return "f"
    if title in lexicon.male_titles:
        return "m"
    return None


MARRIED_TITLES = frozenset({"mrs", "mistress", "madame", "mme", "frau", "señora", "senora"})
UNMARRIED_TITLES = frozenset({"miss", "mademoiselle", "mlle", "fräulein", "fraulein", "señorita", "senorita"})


def same_standing(entity: Entity, title: str) -> bool:
    """"Miss Jellyby" is not "Mrs. Jellyby": a woman called by one of the married and unmarried
    titles is not one the document calls only by the other (mother and daughter, as a rule)."""
    if title in UNMARRIED_TITLES:
        return not (entity.titles & MARRIED_TITLES) or bool(entity.titles & UNMARRIED_TITLES)
    if title in MARRIED_TITLES:
        return not (entity.titles & UNMARRIED_TITLES) or bool(entity.titles & MARRIED_TITLES)
    return True


def gender_of_given(given: str | None, lexicon: Lexicon) -> str | None:
    """The gender a given name tells ("Ada": a woman), where the name is given to one sex only."""
    if given in lexicon.female_given:
        return "f"
    if given in lexicon.male_given:
        return "m"
    return None


def titles_fit_a_woman(entity: Entity, gender: str | None, key: str, lexicon: Lexicon) -> bool:
    """"Mrs. Collins" is not "Sergeant Collins": a woman called by a woman's title is not a person
    the document has called only by titles that tell no sex (ranks, offices, "Dr."), who in the
    letters and histories editions hold are as a rule men (her husband, her father); nor one it
    has called only by the bare surname, with no title nor given name ("a heavy man named
    Gosling" ... "Mrs. Gosling has kept you some mutton": his wife). Not "Miss Eliza" after
    "Eliza", a woman's given name."""
    if gender != "f" or entity.genders:
        return True
    if entity.titles:
        return False
    return bool(entity.forms) or key in lexicon.female_given


def rank_fits(entity: Entity, title: str, lexicon: Lexicon) -> bool:
    """"Captain Penrose" is not the "Mrs. Penrose" (nor the "Amy Penrose") the document has
    named: a rank, held by a man as a rule in the papers editions hold, does not join a person
    known only as a woman, unless the document has given her a rank before ("Lieutenant Ellen
    Ripley" ... "Lieutenant Ripley")."""
    if title not in lexicon.rank_titles or entity.genders != {"f"}:
        return True
    return bool(entity.titles & lexicon.rank_titles)
