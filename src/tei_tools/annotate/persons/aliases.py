"""Names the text itself declares to be another name of someone it names.

"Lev Bronstein (he assumed the name Leon Trotsky in 1902)", "born Lev Davidovich Bronstein",
"under the pseudonym Koba", "known as Soso", "Frank Jacson, alias Jacques Mornard", "Jacson was
in fact Ramón Mercader", "“Leon Trotsky” - Lev’s pseudonym". Each statement ties the alias (the
mention the cue leads to) to its owner: the nearest name before the cue in the same sentence, or,
where the sentence names nobody before the cue ("when he was still known as X"), the person in
focus, the one the document named last before the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from tei_tools.annotate.persons.judge import Candidate

FOCUS = -1  # the owner is the person in focus before the sentence
# A cue that leads to the alias written right after it (quotation marks allowed between).
CUE_BEFORE_ALIAS = re.compile(
    r"(?:\b(?:born|née|nee|known (?:[a-z]+ ){0,4}as|a\.k\.a\.|aka|alias|nicknamed|dubbed|"
    r"(?:was|is|were|be|being) (?:called|named)|called (?:himself|herself|him|her)|calling (?:himself|herself)|"
    r"went by(?: the name(?: of)?)?|"
    r"under the (?:[a-z]+ ){0,2}(?:pseudonym|name|alias|pen[- ]name|nom de plume|nom de guerre)(?: of)?|"
    r"(?:assumed|took|adopted|used|chose|taken|given) the (?:[a-z]+ ){0,2}(?:name|pseudonym|alias)(?: of)?|"
    r"(?:pseudonym|pen[- ]name|alias|nickname|nom de guerre|nom de plume|real name|birth name|maiden name)"
    r"(?: (?:was|is|of))?|"
    r"(?:was|is) (?:in fact|really|actually)|turned out to be|in reality))"
    r"[\s,:]*[\"“‘']?\s*$", re.IGNORECASE)
# "X - Y's pseudonym": the owner's possessive before the cue word, the alias before the owner.
CUE_AFTER_OWNER = re.compile(r"\s*(?:pseudonym|pen[- ]name|alias|nickname|nom de guerre|nom de plume)\b",
                             re.IGNORECASE)
BETWEEN_ALIAS_AND_OWNER = re.compile(r"^[\"”’'\s]*(?:[-–—,:]|\bwas\b|\bis\b)[\s\"“‘']*$")
# The last words a cue of CUE_BEFORE_ALIAS can end with: the regular expression is tried only where
# the text before a mention ends with one of them (it is slow to search, being anchored at the end).
CUE_ENDINGS = ("born", "née", "nee", "as", "a.k.a.", "aka", "alias", "named", "dubbed", "called", "himself",
               "herself", "him", "her", "by", "name", "of", "pseudonym", "plume", "guerre", "nickname", "was", "is", "fact",
               "really", "actually", "be", "reality")
QUOTES_BEFORE_ALIAS = "\"“‘'"
# A personal pronoun, and the sex it tells: "when he was still known as X" (see the clusterer)
PRONOUN = re.compile(r"\b(?:(?P<m>he|him|his|himself)|she|her|herself)\b", re.IGNORECASE)
# Before a cue with no name before it in the sentence: what is named is a thing or a body of people
# ("a group of advisers that became known as ExComm", "the plan, which was called Barbarossa")
THING_NAMED = re.compile(r"\b(?:group|committee|council|party|movement|society|club|circle|union|league|team|"
                         r"band|organi[sz]ation|association|company|firm|ship|vessel|house|village|town|city|"
                         r"river|book|plan|operation|which|that)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…]\s")
CUE_REACH = 80  # characters between the owner and the cue at most


@dataclass(frozen=True)
class AliasStatement:
    alias: int  # index of the alias mention
    owner: int  # index of the owner mention, or FOCUS


def alias_statements(mentions: Sequence[Candidate], texts: Sequence[str]) -> list[AliasStatement]:
    """The alias statements among the mentions (document order), as indexes into `mentions`."""
    found: list[AliasStatement] = birth_name_statements(mentions, texts)
    for n, mention in enumerate(mentions):
        text = texts[mention.block]
        start = mention.title_start if mention.title_start >= 0 else mention.start
        before = text[max(0, start - CUE_REACH):start]
        cue = CUE_BEFORE_ALIAS.search(before) if _may_end_with_cue(before) else None
        if cue and not mention.words[-1].possessive:
            cue_start = start - len(before) + cue.start()
            owner = _owner_before(mentions, n, texts, cue_start)
            if owner is not None:
                found.append(AliasStatement(n, owner))
            continue
        if mention.words[-1].possessive and CUE_AFTER_OWNER.match(text, mention.end + 2) and n > 0:
            previous = mentions[n - 1]
            if previous.block == mention.block and BETWEEN_ALIAS_AND_OWNER.match(text[previous.end:start]):
                found.append(AliasStatement(n - 1, n))
    return found


def _may_end_with_cue(before: str) -> bool:
    """Whether `before`, less the spaces, commas, colons and one quotation mark that may follow a
    cue, ends with a word a cue can end with (a test CUE_BEFORE_ALIAS passes only if this does)."""
    stripped = before.rstrip()
    if stripped[-1:] and stripped[-1] in QUOTES_BEFORE_ALIAS:
        stripped = stripped[:-1]
    stripped = stripped.rstrip()
    while stripped and stripped[-1] in ",:":
        stripped = stripped[:-1].rstrip()
    return stripped[-12:].lower().endswith(CUE_ENDINGS)


def _owner_before(mentions: Sequence[Candidate], n: int, texts: Sequence[str], cue_start: int) -> int | None:
    """The nearest mention before the cue in its sentence, else FOCUS when a pronoun stands
    between the sentence's start and the cue."""
    mention = mentions[n]
    text = texts[mention.block]
    for k in range(n - 1, -1, -1):
        other = mentions[k]
        if other.block != mention.block or cue_start - other.end > CUE_REACH:
            break
        if other.end <= cue_start and not SENTENCE_END.search(text, other.end, cue_start):
            return k
        break
    starts = [m.end() for m in SENTENCE_END.finditer(text, max(0, cue_start - 2 * CUE_REACH), cue_start)]
    if THING_NAMED.search(text, starts[-1] if starts else max(0, cue_start - 2 * CUE_REACH), cue_start):
        return None  # "a group of advisers that became known as ExComm": a thing's name, nobody's alias
    return FOCUS  # "when he was still known as X", "it was under the name of X"


# "born" in the sentence that opens a life: "Emmeline Goulden, the daughter of ..., was born in ..."
BORN = re.compile(r"\bborn\b", re.IGNORECASE)


def birth_name_statements(mentions: Sequence[Candidate], texts: Sequence[str]) -> list[AliasStatement]:
    """A biography titled with its subject's name ("Emmeline Pankhurst") that opens with the
    subject's birth ("Emmeline Goulden, the daughter of ..., was born in Manchester"): the name
    that opens the first sentence, with the title's given name and another surname, is the
    subject's name before marriage or a change of name. So is a longer formal name holding the
    title's given name whose sentence gives the title's surname ("Augusta Ada King, Countess of
    Lovelace" under "Ada Lovelace"), and the title's name with more given names ("Patrick
    Branwell Brontë" under "Branwell Brontë"). Only the first full name of the text after the title, opening
    its paragraph; nothing else is read so."""
    if len(mentions) < 2:
        return []
    title = mentions[0]
    if title.block != 0 or title.is_single_word or texts[0].strip() != title.text:
        return []
    opening = next((n for n, m in enumerate(mentions) if m.block > 0), None)
    if opening is None:
        return []
    first = mentions[opening]
    text = texts[first.block]
    start = first.title_start if first.title_start >= 0 else first.start
    if first.is_single_word or first.words[-1].possessive or text[:start].strip():
        return []
    given, surname = title.words[0].key, title.words[-1].key
    keys = [word.key for word in first.words]
    if keys[-1] == surname and {word.key for word in title.words} <= set(keys) and len(keys) > len(title.words):
        return [AliasStatement(opening, 0)]  # "Patrick Branwell Brontë, the only son of ..." under "Branwell Brontë"
    if surname in keys:
        return []
    end = SENTENCE_END.search(text, first.end)
    sentence = text[first.end:end.start() if end else len(text)]
    born = first.words[0].key == given and BORN.search(sentence)
    # "Augusta Ada King, Countess of Lovelace (née Byron; ...) was" under the title "Ada Lovelace"
    titled = given in {word.key for word in first.words[:-1]} and re.search(
        rf"\b{re.escape(title.words[-1].text)}\b", sentence)
    return [AliasStatement(opening, 0)] if born or titled else []
