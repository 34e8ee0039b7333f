"""Two spellings of one name ("Sergi Witte", "Sergei Witte"; "Kollantai", "Kollontai")."""
from __future__ import annotations

from difflib import SequenceMatcher

from tei_tools.annotate.names import NameParts, generation_mark, name_key

SIMILAR_NAMES = 0.85  # SequenceMatcher ratio above which two spellings are one name (Sergi/Sergei)
MISSPELLING_MIN_LENGTH = 6


def similar_spelling(a: str, b: str) -> bool:
    """SequenceMatcher's ratio at least SIMILAR_NAMES, its cheap upper bounds tried first."""
    matcher = SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= SIMILAR_NAMES and matcher.quick_ratio() >= SIMILAR_NAMES \
        and matcher.ratio() >= SIMILAR_NAMES


def similar_full_names(parts: NameParts, text: str, other: NameParts, other_text: str) -> bool:
    """Two spellings of one full name: same initials of given name and surname, nearly the same
    letters, and either the same given name, the same surname or a long surname."""
    if not (parts.given and other.given and parts.surname and other.surname):
        return False
    if parts.given[0] != other.given[0] or parts.surname[0] != other.surname[0]:
        return False
    if generation_mark(text) != generation_mark(other_text):
        return False  # "Josiah Wedmore III" is not his grandfather Josiah Wedmore spelt otherwise
    if not similar_spelling(name_key(text), name_key(other_text)):
        return False
    return parts.given == other.given or parts.surname == other.surname \
        or min(len(parts.surname), len(other.surname)) >= MISSPELLING_MIN_LENGTH
