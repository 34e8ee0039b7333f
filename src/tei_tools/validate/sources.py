"""Input documents: parsed safely, and where each element's start tag ends (jing's positions)."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.validate.messages import Message
from tei_tools.xml import XMLInputError, external_references, parse_bytes

# Markup in document order; start tags are the ones that do not begin with </, <!, <?.
_MARKUP = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*'|\[.*?\])*>"""
    r"""|</[^>]*>|<[^\s/>!?][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""",
    re.S)
# The markup _MARKUP finds but end tags, for the start tags alone: an end tag of well-formed XML
# holds no "<", so leaving it out changes no other match. A start tag ends at its first ">"
# outside quotes (written so, the scan is a third faster than with _MARKUP's attributes).
_START_MARKUP = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*'|\[.*?\])*>"""
    r"""|<[^\s/>!?][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""",
    re.S)
_LINE_BLOCK = 1 << 16  # characters per count of line feeds (see Source._line_and_column)
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*'|\[.*?\])*>", re.S)


@dataclass
class Source:
    """A parsed input file and where its elements are in the text."""

    path: Path
    data: bytes
    tree: etree._ElementTree
    # element -> offset (in the decoded text) just after its start tag, and just after its end
    # tag: each indexed on the first question (a valid file is never asked; few ask for ends)
    _positions: dict | None = field(default=None, repr=False)
    _children: dict | None = field(default=None, repr=False)
    _end_positions: dict | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)
    # line feeds before each block of _LINE_BLOCK characters of _text
    _feeds_before_block: list | None = field(default=None, repr=False)

    @property
    def name(self) -> str:
        return str(self.path)

    def position(self, element: etree._Element | None) -> tuple[int, int]:
        """(line, column) just after the element's start tag, as jing reports it."""
        if element is None:
            return 1, 1
        if self._positions is None:
            self._positions = self._index_start_tags()
        found = self._positions.get(element)
        if found:
            return self._line_and_column(found)
        return element.sourceline or 1, 1

    def end_position(self, element: etree._Element | None) -> tuple[int, int]:
        """(line, column) just after the element's end tag (or its empty-element tag), where jing
        reports what is missing from an element's content: it knows only when the element ends."""
        if element is None:
            return 1, 1
        if self._positions is None:
            self._positions = self._index_start_tags()
        if self._end_positions is None:
            self._end_positions = self._index_end_tags() if self._positions else {}
        found = self._end_positions.get(element)
        return self._line_and_column(found) if found else self.position(element)

    def _line_and_column(self, end: int) -> tuple[int, int]:
        """The line and column of the character at `end` - 1 counted from 1 (the column one
        further): line feeds are counted block by block, then within the block."""
        text, last = self._text, end - 1
        block = last // _LINE_BLOCK
        line = 1 + self._feeds_before_block[block] + text.count("\n", block * _LINE_BLOCK, last)
        return line, end - (text.rfind("\n", 0, last) + 1) + 1

    def _elements_and_text(self) -> tuple[list, str]:
        if self._text is None:
            text = self._text = self.data.decode(self.tree.docinfo.encoding or "utf-8", errors="replace")
            feeds = [text.count("\n", start, start + _LINE_BLOCK) for start in range(0, len(text), _LINE_BLOCK)]
            self._feeds_before_block = list(itertools.accumulate(feeds, initial=0))
        return list(self.tree.getroot().iter(etree.Element)), self._text

    def _index_start_tags(self) -> dict:
        """Each element's start tag in the text, in document order: offsets only (lines and
        columns are worked out for the few elements asked about)."""
        elements, text = self._elements_and_text()
        ends = [tag.end() for tag in _START_MARKUP.finditer(text) if text[tag.start() + 1] not in "!?"]
        if len(ends) != len(elements):
            return {}  # markup the scanner does not understand: fall back to lxml's line numbers
        return dict(zip(elements, ends))

    def _index_end_tags(self) -> dict:
        """Where each element ends: its end tag closes the innermost element still open."""
        elements, text = self._elements_and_text()
        ends, open_elements = {}, []
        next_element = iter(elements).__next__
        for tag in _MARKUP.finditer(text):
            start, end = tag.span()
            kind = text[start + 1]
            if kind == "/":
                if open_elements:
                    ends[open_elements.pop()] = end
            elif kind not in "!?":
                element = next_element()
                if text[end - 2] == "/":
                    ends[element] = end
                else:
                    open_elements.append(element)
        return ends

    def element_at(self, path: str) -> etree._Element | None:
        """The element at a path of child-element positions ("" the root, "2.5", "-" none)."""
        if path == "-":
            return None
        element = self.tree.getroot()
        try:
            for step in filter(None, path.split(".")):
                element = self._element_children(element)[int(step) - 1]
        except (IndexError, ValueError):
            return None
        return element

    def _element_children(self, element: etree._Element) -> list:
        if self._children is None:
            self._children = {}
        if element not in self._children:
            self._children[element] = [c for c in element if isinstance(c.tag, str)]
        return self._children[element]

    def doctype_position(self) -> tuple[int, int]:
        match = _DOCTYPE.search(self.data)
        if not match:
            return 1, 1
        before = self.data[:match.start()]
        return before.count(b"\n") + 1, match.start() - (before.rfind(b"\n") + 1) + 1

    def without_doctype(self) -> bytes:
        """The bytes with the DOCTYPE blanked out; line and column numbers stay the same."""
        return _DOCTYPE.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group()), self.data, count=1)


def load_source(path: Path) -> tuple[Source | None, list[Message]]:
    """Parse a file safely. Problems of the file itself come back as messages."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Message(str(path), 1, 1, "error", f"cannot read file: {exc.strerror}")]
    try:
        tree = parse_bytes(data, str(path), tolerate_id_errors=True)
    except XMLInputError as exc:
        return None, [Message(str(path), exc.line, exc.column, "error", f"not well-formed XML: {exc.message}")]
    source = Source(path, data, tree)
    references = external_references(tree)
    if not references:
        return source, []
    line, column = source.doctype_position()
    what = "; ".join(references)
    return source, [Message(str(path), line, column, "error",
                            f"DOCTYPE declares {what}: tei-tools never loads external DTDs or entities "
                            "(TEI P5 needs no DTD; remove the DOCTYPE)")]

