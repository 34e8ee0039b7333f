"""What the recogniser asks of the text around a date: the word before it, the parentheses
around it, a name it is part of; and the choice among overlapping candidates."""
from __future__ import annotations

import re
from typing import Iterator

from tei_tools.annotate.dates.context import Found
from tei_tools.annotate.dates.grammar import DASHES



def group_of(match: re.Match[str], group: str) -> str | None:
    """A group's text, None if it did not take part or the pattern has no such group."""
    return match.groupdict().get(group)


def spaced(phrase: str) -> str:
    return re.sub(r"[\s-]+", " ", phrase.strip().lower())


def word_before(text: str, position: int) -> str:
    """The lower-cased word (or mark) just before `position`: "(" for an opening bracket, a dash
    for a dash standing alone, "mid" for "mid-"."""
    before = text[max(0, position - 24):position]
    stripped = before.rstrip()
    if not stripped:
        return ""
    if stripped[-1] == "(":
        return "("
    if stripped[-1] in DASHES:
        if len(stripped) != len(before) or not stripped[-2:-1].isalpha():
            return stripped[-1]
        stripped = stripped[:-1]
    word = stripped.rsplit(None, 1)[-1].lower().lstrip("(\"“‘'[")
    return word if word.endswith(".") and len(word) <= 5 else word.rstrip(",;:.")


EVENT_AFTER = re.compile(r"\s+(?:of\s+)?[A-Z][a-z]{2,}")
THE_BEFORE = re.compile(r"(?i)\bthe\s+(?:[A-Z][a-z]+\.?\s+)?\Z")


def names_an_event(text: str, start: int, end: int) -> bool:
    """Whether a year is part of a name ("the 1905 Revolution", "the February 1917 Revolution"):
    such a year looks back, it does not move the narrative to that year."""
    return bool(EVENT_AFTER.match(text, end)) and bool(THE_BEFORE.search(text, max(0, start - 16), start))


def in_parentheses(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def second_year(first: int, written: str) -> int | None:
    """The end of a range written in full or by its last two digits ("1905-06", "1899-00") or
    its last digit ("1795-6", "1819-0")."""
    if len(written) == 4:
        return int(written)
    if len(written) == 1:
        last = first // 10 * 10 + int(written)
        return last if last > first else last + 10
    last = first // 100 * 100 + int(written)
    if last <= first and first % 100 >= 90 and int(written) < 10:
        last += 100  # "1899-00" crosses into the next century
    return last if last > first else None


def occurrences(text: str, *literals: str) -> Iterator[int]:
    """Where each literal occurs (str.find is far cheaper than a regular expression scan)."""
    for literal in literals:
        position = text.find(literal)
        while position >= 0:
            yield position
            position = text.find(literal, position + 1)


def longest_first(candidates: list[Found]) -> list[Found]:
    """Of overlapping candidates keep the longest (the earliest among equals), in text order.

    Why by clusters: a candidate can only be displaced by candidates it overlaps, so the
    choice is made within each run of overlapping candidates (found in one pass in text order),
    each a handful; comparing every candidate with every date chosen so far made a long block
    (a one-line source) cost the square of its length. Same choice as the global one."""
    chosen: list[Found] = []
    cluster: list[Found] = []
    reach = -1
    for found in sorted(candidates, key=lambda f: (f.start, -f.end)):
        if cluster and found.start >= reach:
            chosen.extend(longest_of(cluster))
            cluster = []
        cluster.append(found)
        reach = max(reach, found.end) if len(cluster) > 1 else found.end
    chosen.extend(longest_of(cluster))
    return chosen


def longest_of(cluster: list[Found]) -> list[Found]:
    """The greedy longest-first choice among a few overlapping candidates, in text order."""
    if len(cluster) <= 1:
        return cluster
    kept: list[Found] = []
    for found in sorted(cluster, key=lambda f: (-f.length, f.start)):
        if all(found.end <= other.start or other.end <= found.start for other in kept):
            kept.append(found)
    return sorted(kept, key=lambda f: f.start)
