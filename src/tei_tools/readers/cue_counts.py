"""Counting a kind's cues in a source fast, with exactly the counts `re.findall` gives.

Most cues are absent from most sources, and Python's `re` finds that out slowly: a cue that
starts with `\\b`, `^` or an ignore-case letter has no prefix the engine can scan for, so it is
tried at every character. Every cue, though, contains words every match of it must contain
("permission", "yours" or "your", "sources"): its *needles*, read off the parsed pattern. A
source in which no needle occurs (a plain substring search, much faster) cannot match the cue,
so the cue is run only on sources where one does. The counts are the same either way; the
needles only decide when the count is certainly 0.

A cue anchored at the start of a line (`(?m)^X`, most of them) is tried at every character
too. It is run instead as `\nX` over the text with a line feed put before it: a literal
prefix the engine scans for, so X is tried only where lines start (see `line_start_form`).

Ignore-case needles are looked for in the source lowered. That is exact for needles of ASCII
characters: `re` matches an ASCII letter, ignoring case, only with its other ASCII case and
with the four characters of IGNORECASE_ODD_ONES; a source holding one of those is searched with
the cue itself.
"""
from __future__ import annotations

import itertools
import re
from re import _constants as sre, _parser as sre_parse

# The only non-ASCII characters `re` matches to an ASCII character when ignoring case (İ ı ſ,
# the Kelvin sign); tests/test_readers_cue_counts.py recomputes them from every code point.
IGNORECASE_ODD_ONES = "\u0130\u0131\u017f\u212a"
_ODD_ONES = [odd.encode() for odd in IGNORECASE_ODD_ONES]
# flags under which a needle is not a plain substring (LOCALE: case by the locale)
_UNSUPPORTED_FLAGS = re.LOCALE


class Cue:
    """One cue: its compiled pattern and its needles (each tuple: one of its strings is in every
    match), the most telling first."""

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern)
        self.ignore_case = bool(self.pattern.flags & re.IGNORECASE)
        self.needles = tuple(tuple(sorted({n.lower().encode() for n in alternatives})) if self.ignore_case
                             else alternatives for alternatives in needles_of(pattern))
        line_start = line_start_form(pattern)
        self.at_line_starts = re.compile(line_start) if line_start else None

    def count(self, source: "Source", most: int) -> int:
        """min(len(re.findall(pattern, source.text)), most)."""
        if self.needles and not self._may_match(source):
            return 0
        if self.at_line_starts is not None:
            return self._count_at_line_starts(source.after_line_feed, most)
        return sum(1 for _ in itertools.islice(self.pattern.finditer(source.text), most))

    def _count_at_line_starts(self, padded: str, most: int) -> int:
        """The matches findall finds, from `\nX` over "\n" + text: index i of `padded` is a line
        feed exactly where i is a line start of the text, and X follows it there as it follows
        the line start in the text. After a match of X ending at e in the text, findall goes on
        from e: from index e of `padded`, the line feeds of line starts from e on."""
        count, position = 0, 0
        while count < most:
            match = self.at_line_starts.search(padded, position)
            if match is None:
                break
            count += 1
            position = match.end() - 1  # where X's match ends, in the text
        return count

    def _may_match(self, source: "Source") -> bool:
        if self.ignore_case:
            if source.has_odd_ones:
                return True
            haystack = source.lowered
        else:
            haystack = source.text
        return all(any(needle in haystack for needle in alternatives) for alternatives in self.needles)


class Source:
    """A source text with what the needles are looked for in, each made once and only if needed."""

    def __init__(self, text: str):
        self.text = text
        self._lowered: bytes | None = None
        self._has_odd_ones: bool | None = None
        self._after_line_feed: str | None = None

    @property
    def after_line_feed(self) -> str:
        """The text after a line feed: a line feed before each of its line starts."""
        if self._after_line_feed is None:
            self._after_line_feed = "\n" + self.text
        return self._after_line_feed

    @property
    def lowered(self) -> bytes:
        """The text in UTF-8 with its ASCII letters lowered (all an ASCII needle needs, and much
        faster than str.lower())."""
        if self._lowered is None:
            self._lowered = self.text.encode("utf-8", "surrogatepass").lower()
        return self._lowered

    @property
    def has_odd_ones(self) -> bool:
        if self._has_odd_ones is None:
            self._has_odd_ones = any(odd in self.lowered for odd in _ODD_ONES)
        return self._has_odd_ones


# ---------------------------------------------------------------- cues anchored at line starts

_LEADING_FLAGS_AND_CARET = re.compile(r"(\(\?[aiLmsux]+\))?\^")


def line_start_form(pattern: str) -> str | None:
    r"""`(?m)^X` as `(?m)\nX`, when the two find the same matches (the second over the text after
    a line feed, see Cue._count_at_line_starts); else None.

    They do when `^` (multi-line) opens the whole pattern and X never looks at what is before
    where it starts, which is a line feed in one text and perhaps the start in the other: no
    look-behind and no `\A` in X (`\b`, `^` and `$` read the same either way); and X matches
    no empty string (findall treats an empty match apart); nor flags scoped inside it.
    """
    parsed = sre_parse.parse(pattern)
    flags = parsed.state.flags
    written = _LEADING_FLAGS_AND_CARET.match(pattern)
    if (written is None or not flags & re.MULTILINE or flags & _UNSUPPORTED_FLAGS or not parsed.data
            or parsed.data[0] != (sre.AT, sre.AT_BEGINNING)):
        return None
    rest = parsed.data[1:]
    if _looks_before_or_scopes_flags(rest) or sre_parse.SubPattern(parsed.state, rest).getwidth()[0] == 0:
        return None
    return (written.group(1) or "") + "\\n" + pattern[written.end():]


def _looks_before_or_scopes_flags(items) -> bool:
    for op, value in items:
        if op is sre.AT and value == sre.AT_BEGINNING_STRING:
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, content = value
            if direction < 0 or _looks_before_or_scopes_flags(content):
                return True
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, content = value
            if add_flags or del_flags or _looks_before_or_scopes_flags(content):
                return True
        elif op is sre.BRANCH:
            if any(_looks_before_or_scopes_flags(branch) for branch in value[1]):
                return True
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            if _looks_before_or_scopes_flags(value[2]):
                return True
        elif op in (sre.GROUPREF_EXISTS, getattr(sre, "ATOMIC_GROUP", None)):
            return True  # not followed: left to the cue itself
    return False


# ---------------------------------------------------------------- needles from a pattern

# Alternatives of one needle are multiplied out ("(with|by) (the )?permission": four strings)
# up to this many; past it, each part is a needle of its own.
MOST_ALTERNATIVES = 16


def needles_of(pattern: str) -> list[tuple[str, ...]]:
    """Needles of `pattern`: tuples of ASCII strings such that every match of the pattern (as `re`
    matches its characters, under the pattern's flags) holds one string of each tuple; the
    longest first. [] when none can be told."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & _UNSUPPORTED_FLAGS:
        return []
    _exact, needles = _sequence(parsed.data, ascii_only=bool(parsed.state.flags & re.IGNORECASE))
    kept = {tuple(sorted(alternatives)) for alternatives in needles}
    return sorted(kept, key=lambda alternatives: (-min(map(len, alternatives)), alternatives))


Needles = list[frozenset[str]]


def _sequence(items, ascii_only: bool) -> tuple[frozenset[str] | None, Needles]:
    """(the strings the sequence matches, if a few and nothing else; its needles). `ascii_only`:
    strings of ASCII characters only (ignoring case, an ASCII needle is looked for lowered)."""
    needles: Needles = []
    run: frozenset[str] | None = frozenset({""})  # what the characters matched next to each other can be
    exact = True
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # takes no characters: what is either side stays next to each other
        strings, inner = _item(op, value, ascii_only)
        if strings is not None and len(run) * len(strings) <= MOST_ALTERNATIVES:
            run = frozenset(a + b for a in run for b in strings)
            continue
        _keep(needles, run)
        needles.extend(inner)
        if strings is None:
            exact = False
            run = frozenset({""})
        else:  # too many to multiply out: the item starts a new run
            run = strings
    _keep(needles, run)
    return (run if exact else None), needles


def _keep(needles: Needles, run: frozenset[str]) -> None:
    if "" not in run:
        needles.append(run)


def _item(op, value, ascii_only: bool) -> tuple[frozenset[str] | None, Needles]:
    """(the strings the item matches, if a few; needles inside it)."""
    if op is sre.LITERAL:
        return (frozenset({chr(value)}) if value < 128 or not ascii_only else None), []
    if op is sre.IN:  # a set of a few characters, written one by one ([.\"”])
        if len(value) <= MOST_ALTERNATIVES and all(kind is sre.LITERAL and (code < 128 or not ascii_only)
                                                   for kind, code in value):
            return frozenset(chr(code) for _kind, code in value), []
        return None, []
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, content = value
        if add_flags or del_flags:  # (?i:...) inside: not followed
            return None, []
        return _sequence(content, ascii_only)
    if op is sre.BRANCH:
        branches = [_sequence(branch, ascii_only) for branch in value[1]]
        if all(strings is not None for strings, _ in branches):
            strings = frozenset().union(*(strings for strings, _ in branches))
            if len(strings) <= MOST_ALTERNATIVES:
                return strings, []
        # one needle of each branch: together, a needle of the whole
        best = [max(needles, key=lambda n: min(map(len, n)), default=None) if strings is None else strings
                for strings, needles in branches]
        if all(best) and all("" not in b for b in best):
            return None, [frozenset().union(*best)]
        return None, []
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, content = value
        strings, needles = _sequence(content, ascii_only)
        if low == 0 and high == 1 and strings is not None:
            return strings | {""}, []  # optional
        if low == high == 1:
            return strings, needles
        if low >= 1 and strings is not None and len(strings) == 1:  # "_{5,}": at least "_____"
            return None, [frozenset({next(iter(strings)) * low})]
        return None, (needles if low >= 1 else [])
    return None, []
