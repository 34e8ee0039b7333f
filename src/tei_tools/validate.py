"""Validation of TEI documents: RELAX NG (jing or lxml) plus Schematron, with jing-style messages.

    >>> from tei_tools.validate import Validator
    >>> validator = Validator("project")                    # compiled once ...
    >>> messages = validator.validate_files(paths)          # ... for any number of files  # doctest: +SKIP
    >>> print("\\n".join(map(str, messages)))                # file:line:col: error: message  # doctest: +SKIP

A schema is one or more checks: the project schema is `schema/tei-tools.rng` (grammar) plus
`schema/tei-tools.sch` (Schematron); `tei-all` is the official tei_all.rng. Every file is first
parsed with the safe parser of `tei_tools.xml` (no DTD, no external entities, no network), so a
malformed file or a DOCTYPE that would fetch something is reported at its position and never
resolved. RELAX NG runs in one of two engines:

- lxml (libxml2), in process: compiles the project schema in milliseconds, tei_all in ~10 s;
- jing, the reference validator, as one process for a whole batch of files (~1 s for tei_all).

`engine="auto"` uses lxml for the project schema (tests prove its verdicts equal jing's) and jing
for every other grammar when it is installed. Schematron runs in process with XPath 3.1
(elementpath) over the same lxml trees, so its messages point at real line numbers.

Positions follow jing: the line and column just after the start tag of the element concerned.
"""
from __future__ import annotations

import bisect
import copy
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.resources import schema_dir
from tei_tools.xml import TEI_NS, XML_NS, XMLInputError, external_references, parse_bytes, parse_file

PROJECT_RNG = "tei-tools.rng"
PROJECT_SCH = "tei-tools.sch"
TEI_ALL_ENV = "TEI_TOOLS_TEI_ALL"
ENGINES = ("auto", "jing", "lxml")
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
# Schematron asserts with this flag repeat a grammar check; the grammar's message wins.
GRAMMAR_FLAG = "grammar"

# How many times each schema was compiled in this process ("lxml:/path/x.rng" -> n). Tests and
# benchmarks read it to prove that a schema is compiled once however many files are validated.
COMPILATIONS: Counter[str] = Counter()


class UnusableInputError(Exception):
    """The validation cannot run as asked (missing file, unreadable schema, no tei_all): exit 2."""


@dataclass(frozen=True)
class Message:
    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str
    rule: str | None = None  # Schematron assert id

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}{rule}"

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "severity": self.severity,
                "message": self.message, "rule": self.rule}


# ================================================================ source documents


# Markup in document order; start tags are the ones that do not begin with </, <!, <?.
_MARKUP = re.compile(
    r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*'|\[.*?\])*>"""
    r"""|</[^>]*>|<[^\s/>!?][^\s/>]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""",
    re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>\"']|\"[^\"]*\"|'[^']*'|\[.*?\])*>", re.S)


@dataclass
class Source:
    """A parsed input file and where its elements are in the text."""

    path: Path
    data: bytes
    tree: etree._ElementTree
    _positions: dict | None = field(default=None, repr=False)
    _end_positions: dict = field(default_factory=dict, repr=False)

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
            return found
        return element.sourceline or 1, 1

    def end_position(self, element: etree._Element | None) -> tuple[int, int]:
        """(line, column) just after the element's end tag (or its empty-element tag), where jing
        reports what is missing from an element's content: it knows only when the element ends."""
        if element is None:
            return 1, 1
        if self._positions is None:
            self._positions = self._index_start_tags()
        return self._end_positions.get(element) or self.position(element)

    def _index_start_tags(self) -> dict:
        text = self.data.decode(self.tree.docinfo.encoding or "utf-8", errors="replace")
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        tags = [m for m in _MARKUP.finditer(text) if text[m.start() + 1] not in "!?"]
        starts = [m for m in tags if text[m.start() + 1] != "/"]
        elements = [e for e in self.tree.getroot().iter() if isinstance(e.tag, str)]
        if len(starts) != len(elements):
            return {}  # markup the scanner does not understand: fall back to lxml's line numbers

        def line_and_column(end: int) -> tuple[int, int]:
            line = bisect.bisect_right(line_starts, end - 1)
            return line, end - line_starts[line - 1] + 1

        positions, open_elements, next_element = {}, [], iter(elements)
        for tag in tags:
            if text[tag.start() + 1] == "/":  # an end tag closes the innermost open element
                if open_elements:
                    self._end_positions[open_elements.pop()] = line_and_column(tag.end())
                continue
            element = next(next_element)
            positions[element] = line_and_column(tag.end())
            if text[tag.end() - 2] == "/":
                self._end_positions[element] = positions[element]
            else:
                open_elements.append(element)
        return positions

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


# ================================================================ what a grammar allows (for messages)


_DATATYPE_WORDS = {
    "date": "an ISO date (YYYY-MM-DD)", "gYearMonth": "a year and month (YYYY-MM)", "gYear": "a year (YYYY)",
    "dateTime": "a date and time (YYYY-MM-DDThh:mm:ss)", "time": "a time (hh:mm:ss)",
    "gMonth": "a month (--MM)", "gDay": "a day (---DD)", "gMonthDay": "a month and day (--MM-DD)",
    "ID": "an XML name (no spaces; letters, digits, '-', '_', '.'; not starting with a digit)",
    "NCName": "an XML name (no spaces; letters, digits, '-', '_', '.'; not starting with a digit)",
    "Name": "an XML name", "anyURI": "a URI reference", "language": 'a language code such as "en" or "de-AT"',
    "nonNegativeInteger": "a whole number of 0 or more", "positiveInteger": "a whole number of 1 or more",
    "integer": "a whole number", "boolean": '"true" or "false"', "double": "a number", "decimal": "a number",
    "token": "a word without spaces", "string": "any text", "NMTOKEN": "a word without spaces",
}


class GrammarIndex:
    """Per element name: the attributes, children and required parts a RELAX NG grammar allows.

    libxml2's messages name little more than the element; this index lets the lxml engine say
    what jing says (which attribute, what value is expected, which child is missing).
    """

    def __init__(self, grammar: etree._ElementTree):
        root = grammar.getroot()
        self.defines: dict[str, list] = {}
        for define in root.iter(f"{{{RNG_NS}}}define"):
            self.defines.setdefault(define.get("name"), []).append(define)
        self.elements: dict[str, list] = {}
        for element in root.iter(f"{{{RNG_NS}}}element"):
            if element.get("name"):
                self.elements.setdefault(element.get("name").split(":")[-1], []).append(element)
        # tei_all has ~600 elements behind ~1,200 defines: walk each element's patterns once.
        self._attributes: dict[str, dict[str, etree._Element]] = {}
        self._children: dict[str, tuple[list[str], bool]] = {}

    def _walk(self, pattern, seen: set, visit: Callable) -> None:
        for node in pattern:
            if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            kind = etree.QName(node).localname
            if visit(kind, node):
                continue
            if kind == "ref" or kind == "parentRef":
                name = node.get("name")
                if name not in seen:
                    seen.add(name)
                    for define in self.defines.get(name, []):
                        self._walk(define, seen, visit)
            elif kind not in ("element", "attribute"):
                self._walk(node, seen, visit)

    def attributes(self, element: str) -> dict[str, etree._Element]:
        """Attribute name -> its pattern, for every attribute the element may carry."""
        if element not in self._attributes:
            self._attributes[element] = self._find_attributes(element)
        return self._attributes[element]

    def _find_attributes(self, element: str) -> dict[str, etree._Element]:
        found: dict[str, etree._Element] = {}

        def visit(kind, node):
            if kind == "attribute":
                name = node.get("name") or ""
                found.setdefault(name, node)
                return True
            return kind == "element"
        for definition in self.elements.get(element, []):
            self._walk(definition, set(), visit)
        return found

    def children(self, element: str) -> tuple[list[str], bool]:
        """Names of the child elements allowed somewhere inside, and whether text is allowed."""
        if element not in self._children:
            self._children[element] = self._find_children(element)
        return self._children[element]

    def _find_children(self, element: str) -> tuple[list[str], bool]:
        names, text = set(), False

        def visit(kind, node):
            nonlocal text
            if kind == "element":
                names.add(node.get("name") or "*")
                return True
            if kind in ("text", "mixed", "data", "value"):
                text = True
            return kind == "attribute"
        for definition in self.elements.get(element, []):
            self._walk(definition, set(), visit)
        return sorted(names), text

    def required(self, element: str, kind: str) -> set[str]:
        """Children (kind='element') or attributes (kind='attribute') every valid instance has."""
        results = [self._required(definition, kind, set()) for definition in self.elements.get(element, [])]
        return set.intersection(*results) if results else set()

    def _required(self, pattern, kind: str, seen: set) -> set[str]:
        found: set[str] = set()
        for node in pattern:
            if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            found |= self._required_node(node, kind, seen)
        return found

    def _required_node(self, node, kind: str, seen: set) -> set[str]:
        tag = etree.QName(node).localname
        if tag in ("element", "attribute"):
            return {node.get("name") or "*"} if tag == kind else set()
        if tag in ("optional", "zeroOrMore", "empty", "text", "data", "value", "notAllowed", "name", "anyName",
                   "nsName", "param", "except"):
            return set()
        if tag == "choice":
            branches = [self._required_node(k, kind, seen) for k in node if isinstance(k.tag, str)
                        and k.tag.startswith(f"{{{RNG_NS}}}")]
            return set.intersection(*branches) if branches else set()
        if tag == "ref":
            name = node.get("name")
            if name in seen:
                return set()
            return set().union(*[self._required(d, kind, seen | {name}) for d in self.defines.get(name, [])])
        return self._required(node, kind, seen)

    def describe(self, pattern) -> str:
        """A datatype or value pattern in words: 'an ISO date (YYYY-MM-DD) or a year (YYYY)'."""
        words = self._describe(pattern, set())
        return _join_or(list(dict.fromkeys(words)))

    def _describe(self, pattern, seen: set) -> list[str]:
        words: list[str] = []
        for node in pattern:
            if not isinstance(node.tag, str) or not node.tag.startswith(f"{{{RNG_NS}}}"):
                continue
            tag = etree.QName(node).localname
            if tag == "value":
                words.append(f'"{node.text or ""}"')
            elif tag == "data":
                words.append(_DATATYPE_WORDS.get(node.get("type"), f"a value of type {node.get('type')}"))
            elif tag == "list":
                inner = _join_or(list(dict.fromkeys(self._describe(node, seen))))
                words.append(f"a space-separated list of {inner}")
            elif tag == "text":
                words.append("any text")
            elif tag == "ref" and node.get("name") not in seen:
                for define in self.defines.get(node.get("name"), []):
                    words += self._describe(define, seen | {node.get("name")})
            elif tag in ("choice", "group", "oneOrMore", "zeroOrMore", "optional"):
                words += self._describe(node, seen)
        return words or ["any text"]


def _join_or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _quoted_list(names: Iterable[str], limit: int = 30) -> str:
    names = [f'"{n}"' for n in names]
    if len(names) > limit:
        names = names[:limit] + [f"... ({len(names) - limit} more)"]
    return _join_or(names)


def _display_name(qualified: str) -> str:
    """'{http://www.w3.org/XML/1998/namespace}id' -> 'xml:id'; other namespaces keep Clark form."""
    if qualified.startswith(f"{{{XML_NS}}}"):
        return "xml:" + qualified.split("}", 1)[1]
    return qualified


# ================================================================ RELAX NG in lxml (libxml2)


@dataclass
class _CompiledRng:
    schema: etree.RelaxNG
    grammar: etree._ElementTree
    _index: GrammarIndex | None = None

    @property
    def index(self) -> GrammarIndex:
        if self._index is None:
            self._index = GrammarIndex(self.grammar)
        return self._index


_LXML_CACHE: dict[tuple[str, int], _CompiledRng] = {}


def _compile_lxml(path: Path) -> _CompiledRng:
    """Compile once per process and file version: tei_all costs ~10 s in libxml2."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _LXML_CACHE:
        try:
            grammar = parse_file(path)
            schema = etree.RelaxNG(grammar)
        except XMLInputError as exc:
            raise UnusableInputError(f"{path}: not a usable schema: {exc}") from None
        except etree.RelaxNGParseError as exc:
            raise UnusableInputError(f"{path}: not a usable RELAX NG schema: {exc}") from None
        COMPILATIONS[f"lxml:{key[0]}"] += 1
        _LXML_CACHE[key] = _CompiledRng(schema, grammar)
    return _LXML_CACHE[key]


class LxmlRelaxNG:
    """RELAX NG with libxml2; libxml2's terse messages are rewritten in jing's words."""

    engine = "lxml"

    def __init__(self, path: Path):
        self.path = path
        self.compiled = _compile_lxml(path)

    def check(self, source: Source) -> list[Message]:
        schema = self.compiled.schema
        if schema.validate(source.tree):
            return []
        translated = [self._translate(entry, source) for entry in schema.error_log]
        return list(dict.fromkeys(_drop_generic([t for t in translated if t])))  # libxml2 repeats itself

    def _translate(self, entry, source: Source) -> tuple[Message, bool] | None:
        """(message, is_generic) for one libxml2 error; generic ones yield to specific ones."""
        element = _element_at(source.tree, entry.path)
        kind, text = entry.type_name, entry.message
        generic = False
        if kind == "RELAXNG_ERR_ELEMWRONG" and element is not None:
            message = self._not_allowed(element)
        elif kind == "RELAXNG_ERR_EXTRACONTENT" and element is not None:
            # "Element P has extra content: X"; the path names P, or sometimes X itself
            extra = text.rsplit(": ", 1)[-1]
            child = next((c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == extra), None)
            element = child if child is not None else element
            message = self._not_allowed(element) if _local(element) == extra else \
                f'element "{_local(element)}" has unexpected content "{extra}"'
        elif kind == "RELAXNG_ERR_ELEMNAME" and element is not None:
            expected = re.match(r"Expecting element (\S+), got", text)
            message = f'element "{_local(element)}" not allowed here' + \
                (f'; expected element "{expected.group(1)}"' if expected else "")
        elif kind == "RELAXNG_ERR_NOELEM" and element is not None:
            message = self._incomplete(element, re.match(r"Expecting an element (\S*), got nothing", text))
        elif kind in ("RELAXNG_ERR_TEXTWRONG", "RELAXNG_ERR_NOTELEM") and element is not None:
            message = f'text not allowed here; element "{_local(element)}" may only contain elements'
        elif kind == "RELAXNG_ERR_INVALIDATTR" and element is not None:
            name = re.match(r"Invalid attribute (\S+) for element", text)
            message = self._bad_attribute(element, name.group(1) if name else "")
        elif kind == "RELAXNG_ERR_TYPEVAL" and element is not None:
            value = re.search(r"doesn't allow value '(.*)'$", text)
            message = self._bad_value(element, value.group(1) if value else None)
        elif kind in ("RELAXNG_ERR_ELEMWRONGNS", "RELAXNG_ERR_ELEMNONS", "RELAXNG_ERR_ELEMEXTRANS") \
                and element is not None:
            message = self._wrong_namespace(element, text)
        elif kind == "RELAXNG_ERR_ATTRVALID" and element is not None:
            missing = sorted(self.compiled.index.required(_local(element), "attribute") -
                             {_display_name(a) for a in element.attrib})
            generic = not missing
            message = (f'element "{_local(element)}" missing required attribute {_quoted_list(missing)}' if missing
                       else f'element "{_local(element)}" has invalid attributes')
        else:
            generic = kind in ("RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_DATATYPE", "RELAXNG_ERR_VALUE",
                               "RELAXNG_ERR_LIST", "RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_INTEREXTRA")
            message = text
        where = source.end_position if kind == "RELAXNG_ERR_NOELEM" else source.position
        line, column = where(element) if element is not None else (entry.line or 1, 1)
        return Message(source.name, line, column, "error", message), generic

    def _not_allowed(self, element: etree._Element) -> str:
        name = _local(element)
        if name not in self.compiled.index.elements:
            return f'element "{name}" not allowed anywhere; the schema has no element "{name}"'
        parent = element.getparent()
        if parent is None:
            return f'element "{name}" not allowed here'
        allowed, text = self.compiled.index.children(_local(parent))
        contents = (["text"] if text else []) + [f'"{n}"' for n in allowed]
        if not contents:
            return f'element "{name}" not allowed here; "{_local(parent)}" must be empty'
        if name in allowed:
            return f'element "{name}" not allowed here (not in this position inside "{_local(parent)}")'
        shown = contents if len(contents) <= 30 else contents[:30] + [f"... ({len(contents) - 30} more)"]
        return f'element "{name}" not allowed here; "{_local(parent)}" may contain {_join_or(shown)}'

    def _incomplete(self, element: etree._Element, expected) -> str:
        name = _local(element)
        missing = expected.group(1) if expected and expected.group(1) else None
        if not missing:
            present = {_local(c) for c in element if isinstance(c.tag, str)}
            candidates = sorted(self.compiled.index.required(name, "element") - present)
            missing = candidates[0] if candidates else None
        if missing:
            return f'element "{name}" incomplete; missing required element "{missing}"'
        return f'element "{name}" incomplete; it needs more content (see the schema)'

    def _bad_attribute(self, element: etree._Element, local_name: str) -> str:
        attribute = next((a for a in element.attrib if a.split("}")[-1] == local_name), local_name)
        shown = _display_name(attribute)
        allowed = self.compiled.index.attributes(_local(element))
        if shown not in allowed:
            names = sorted(allowed)
            expected = f"; expected attribute {_quoted_list(names)}" if names else "; no attributes are allowed"
            return f'attribute "{shown}" not allowed here{expected}'
        return (f'value of attribute "{shown}" is invalid: "{element.get(attribute)}"; '
                f"must be {self.compiled.index.describe(allowed[shown])}")

    def _bad_value(self, element: etree._Element, value: str | None) -> str:
        for attribute, actual in element.attrib.items():
            if value is not None and actual == value:
                return self._bad_attribute(element, attribute.split("}")[-1])
        return f'element "{_local(element)}" has an invalid value "{value}"'

    def _wrong_namespace(self, element: etree._Element, text: str) -> str:
        expected = re.search(r"expecting (\S+)", text)
        actual = etree.QName(element).namespace
        where = f'in namespace "{actual}"' if actual else "in no namespace"
        wanted = f'"{expected.group(1)}"' if expected else f'"{TEI_NS}"'
        return f'element "{_local(element)}" {where} not allowed here; expected element "{_local(element)}" ' \
               f"in namespace {wanted}"


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _drop_generic(translated: list[tuple[Message, bool]]) -> list[Message]:
    """Keep libxml2's catch-all messages only where nothing more specific was said."""
    specific = [m for m, generic in translated if not generic]
    generic = [m for m, is_generic in translated if is_generic]
    return specific if specific else generic[:1]


# ================================================================ RELAX NG in jing


_JING_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|fatal): "
                        r"(?P<message>.*)$")
_ARGUMENTS_PER_RUN = 100_000  # characters of file names per jing process (well under ARG_MAX)


def jing_command() -> str | None:
    return shutil.which("jing")


class JingRelaxNG:
    """RELAX NG with jing: one process (one schema compilation) per batch of files.

    jing stops at the first file it cannot parse, so every batch ends with a sentinel file that
    is always invalid: when the sentinel's message is missing, jing stopped early, and the files
    after the last one it reported on go into a new batch.
    """

    engine = "jing"
    SENTINEL = b'<tei-tools-sentinel xmlns="urn:tei-tools:sentinel"/>'

    def __init__(self, path: Path, command: str):
        self.path = path
        self.command = command

    def check_many(self, sources: list[Source]) -> dict[int, list[Message]]:
        """Messages per index of `sources`; jing reads what the safe parser accepted."""
        results: dict[int, list[Message]] = {i: [] for i in range(len(sources))}
        with tempfile.TemporaryDirectory(prefix="tei-tools-jing-") as scratch:
            sentinel = Path(scratch) / "sentinel.xml"
            sentinel.write_bytes(self.SENTINEL)
            inputs = [self._input_file(source, i, Path(scratch)) for i, source in enumerate(sources)]
            for batch in _batches(list(range(len(sources))), inputs):
                self._run_until_done(batch, inputs, str(sentinel.resolve()), sources, results)
        return results

    def _input_file(self, source: Source, index: int, scratch: Path) -> str:
        # jing (Xerces) would fetch external DTDs and entities: it gets a copy without the DOCTYPE.
        if not external_references(source.tree):
            return str(source.path.resolve())
        copy_path = scratch / f"{index}-{source.path.name}"
        copy_path.write_bytes(source.without_doctype())
        return str(copy_path)

    def _run_until_done(self, batch: list[int], inputs: list[str], sentinel: str, sources: list[Source],
                        results: dict) -> None:
        pending = list(batch)
        while pending:
            reported, stray, finished = self._run(pending, inputs, sentinel, sources, results)
            if finished:
                return
            last = max((pending.index(i) for i in reported), default=None)
            if last is None:  # jing stopped on the first file without naming it
                reason = stray[0].removeprefix("fatal: ") if stray else "jing stopped on this file"
                results[pending[0]].append(Message(sources[pending[0]].name, 1, 1, "error", reason))
                last = 0
            pending = pending[last + 1:]

    def _run(self, batch: list[int], inputs: list[str], sentinel: str, sources: list[Source],
             results: dict) -> tuple[set[int], list[str], bool]:
        """One jing process: (files it reported on, lines naming no file, whether it reached the end)."""
        arguments = [self.command] + (["-c"] if self.path.suffix == ".rnc" else []) + [str(self.path)]
        COMPILATIONS[f"jing:{self.path.resolve()}"] += 1
        try:
            run = subprocess.run(arguments + [inputs[i] for i in batch] + [sentinel], capture_output=True,
                                 text=True, encoding="utf-8", errors="replace", stdin=subprocess.DEVNULL)
        except OSError as exc:
            raise UnusableInputError(f"cannot run jing ({self.command}): {exc.strerror}") from None
        by_input = {inputs[i]: i for i in batch}
        reported, stray, finished = set(), [], False
        for line in run.stdout.splitlines() + run.stderr.splitlines():
            match = _JING_LINE.match(line)
            if match and match["path"] == sentinel:
                finished = True
            elif match and match["path"] in by_input:
                index = by_input[match["path"]]
                reported.add(index)
                severity = "warning" if match["severity"] == "warning" else "error"
                results[index].append(Message(sources[index].name, int(match["line"]), int(match["column"]),
                                              severity, match["message"]))
            elif match or (line.strip() and not reported and not finished and self._about_schema(line)):
                raise UnusableInputError(f"{self.path}: jing cannot use this schema: {line}")
            elif line.strip():
                stray.append(line)
        return reported, stray, finished

    def _about_schema(self, line: str) -> bool:
        return str(self.path.resolve()) in line or str(self.path) in line


def _batches(indexes: list[int], inputs: list[str]) -> Iterator[list[int]]:
    batch, size = [], 0
    for index in indexes:
        if batch and size + len(inputs[index]) > _ARGUMENTS_PER_RUN:
            yield batch
            batch, size = [], 0
        batch.append(index)
        size += len(inputs[index]) + 1
    if batch:
        yield batch


# ================================================================ Schematron (ISO, XPath 3.1 via elementpath)


@dataclass
class _Assertion:
    test: object  # compiled XPath (boolean)
    is_report: bool
    severity: str
    rule_id: str | None
    flag: str | None
    parts: list  # str or ("value-of", compiled) or ("name", compiled | None)


@dataclass
class _Rule:
    context: object
    lets: list[tuple[str, object]]
    assertions: list[_Assertion]
    # The same context as a libxml2 XPath 1.0 expression, when it is one: ~50x faster to select.
    fast_context: etree.XPath | None = None


@dataclass
class _Pattern:
    lets: list[tuple[str, object]]  # evaluated once per document, at its root
    rules: list[_Rule]


class SchematronError(UnusableInputError):
    pass


class Schematron:
    """An ISO Schematron schema compiled once: rules, lets and tests parsed to XPath 3.1 tokens.

    Supported: ns, let (schema, pattern and rule level), phase (the default one), pattern, rule
    (first matching rule per pattern fires), abstract rules with extends, assert and report with
    id, role, flag and diagnostics, name and value-of in messages, include. fn:doc() reads only
    local files, through the safe parser.
    """

    def __init__(self, path: Path):
        from elementpath.xpath3 import XPath3Parser

        self.path = path
        try:
            root = _resolve_includes(parse_file(path).getroot(), path)
        except XMLInputError as exc:
            raise SchematronError(f"{path}: not a usable Schematron schema: {exc}") from None
        if root.tag != f"{{{SCH_NS}}}schema":
            raise SchematronError(f"{path}: not an ISO Schematron schema (root element {root.tag})")
        namespaces = {ns.get("prefix"): ns.get("uri") for ns in root.iterfind(f"{{{SCH_NS}}}ns")}
        namespaces.setdefault("xml", XML_NS)
        # Codepoint collation, always: elementpath would otherwise take the process locale, which
        # makes results machine-dependent and fails where that locale is not installed.
        self.parser = XPath3Parser(namespaces=namespaces,
                                   default_collation="http://www.w3.org/2005/xpath-functions/collation/codepoint")
        self.diagnostics = {d.get("id"): d for d in root.iter(f"{{{SCH_NS}}}diagnostic")}
        self.lets = self._lets(root)
        self.patterns = [self._pattern(p, root) for p in self._active_patterns(root)]
        COMPILATIONS[f"schematron:{path.resolve()}"] += 1

    # ------------------------------------------------------------ compiling

    def _xpath(self, expression: str, where: str):
        from elementpath.exceptions import ElementPathError

        try:
            return self.parser.parse(expression)
        except (ElementPathError, SyntaxError, ValueError, TypeError) as exc:
            raise SchematronError(f"{self.path}: {where}: cannot compile XPath {expression!r}: {exc}") from None

    def _lets(self, parent) -> list[tuple[str, object]]:
        return [(let.get("name"), self._xpath(let.get("value") or "()", f'let "{let.get("name")}"'))
                for let in parent.iterfind(f"{{{SCH_NS}}}let")]

    def _active_patterns(self, root) -> list:
        patterns = [p for p in root.iterfind(f"{{{SCH_NS}}}pattern") if p.get("abstract") != "true"]
        phase_id = root.get("defaultPhase")
        phase = next((p for p in root.iterfind(f"{{{SCH_NS}}}phase") if p.get("id") == phase_id), None)
        if phase is None or phase_id == "#ALL":
            return patterns
        active = {a.get("pattern") for a in phase.iterfind(f"{{{SCH_NS}}}active")}
        return [p for p in patterns if p.get("id") in active]

    def _pattern(self, pattern, root) -> _Pattern:
        pattern = _instantiate(pattern, root)
        abstract = {r.get("id"): r for r in root.iter(f"{{{SCH_NS}}}rule") if r.get("abstract") == "true"}
        rules = []
        for rule in pattern.iterfind(f"{{{SCH_NS}}}rule"):
            if rule.get("abstract") == "true":
                continue
            context = rule.get("context") or "/"
            rules.append(_Rule(self._xpath(_context_expression(context), f'rule context "{context}"'),
                               self._lets(rule),
                               [self._assertion(a, rule) for a in _assertions(rule, abstract)],
                               _xpath1_context(context, self.parser.namespaces)))
        return _Pattern(self._lets(pattern), rules)

    def _assertion(self, element, rule) -> _Assertion:
        test = element.get("test") or "true()"
        is_report = etree.QName(element).localname == "report"
        role = (element.get("role") or rule.get("role") or "error").lower()
        parts = self._message_parts(element)
        for diagnostic_id in (element.get("diagnostics") or "").split():
            if diagnostic_id in self.diagnostics:
                parts += [" "] + self._message_parts(self.diagnostics[diagnostic_id])
        return _Assertion(self._xpath(f"boolean({test})", f'test "{test}"'), is_report,
                          "warning" if role in ("warning", "warn", "info", "information") else "error",
                          element.get("id") or rule.get("id"), element.get("flag"), parts)

    def _message_parts(self, element) -> list:
        parts: list = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag == f"{{{SCH_NS}}}value-of":
                select = child.get("select") or "."
                parts.append(("value-of", self._xpath(
                    f"string-join(for $item in ({select}) return string($item), ' ')", "value-of")))
            elif isinstance(child.tag, str) and child.tag == f"{{{SCH_NS}}}name":
                path = child.get("path")
                parts.append(("name", self._xpath(f"name({path})", "name") if path else None))
            elif isinstance(child.tag, str):
                parts += self._message_parts(child)
            parts.append(child.tail or "")
        return parts

    # ------------------------------------------------------------ running

    def check(self, source: Source, documents: "DocumentLoader") -> list[tuple[Message, str | None]]:
        """(message, flag) for every failed assert and fired report."""
        from elementpath import XPathContext

        context = XPathContext(source.tree, uri=source.path.resolve().as_uri())
        context.documents = documents.view()
        variables = self._evaluate_lets(self.lets, context, {})
        failures = []
        for pattern in self.patterns:
            pattern_variables = self._evaluate_lets(pattern.lets, context, variables)
            fired: set[int] = set()
            for rule in pattern.rules:
                for node in self._select(rule, context, pattern_variables):
                    if id(node) in fired:
                        continue
                    fired.add(id(node))
                    failures += self._check_node(rule, node, context, pattern_variables, source)
        return failures

    def _select(self, rule: _Rule, context, variables) -> list:
        from elementpath.exceptions import ElementPathError

        if rule.fast_context is not None:
            try:
                return _xpath_nodes(rule.fast_context(context.root.value), context)
            except (etree.XPathError, KeyError):
                rule.fast_context = None  # needs XPath 2 after all: elementpath from now on
        local = copy.copy(context)
        local.variables = dict(variables)
        try:
            return list(rule.context.select(local))
        except ElementPathError as exc:
            raise SchematronError(f"{self.path}: a rule context failed: {exc}") from None

    def _evaluate_lets(self, lets, context, variables: dict) -> dict:
        variables = dict(variables)
        for name, expression in lets:
            local = copy.copy(context)
            local.variables = variables
            value = expression.evaluate(local)
            variables[name] = value if not isinstance(value, list) or len(value) != 1 else value[0]
        return variables

    def _check_node(self, rule: _Rule, node, context, variables: dict, source: Source) -> list:
        from elementpath.exceptions import ElementPathError

        local = copy.copy(context)
        local.item = node
        try:
            local.variables = self._evaluate_lets(rule.lets, local, variables)
            failures = []
            for assertion in rule.assertions:
                if bool(assertion.test.evaluate(local)) == assertion.is_report:
                    failures.append(self._failure(assertion, node, local, source))
            return failures
        except ElementPathError as exc:
            line, column = source.position(_node_element(node))
            return [(Message(source.name, line, column, "error", f"Schematron rule failed to run: {exc}"), None)]

    def _failure(self, assertion: _Assertion, node, context, source: Source):
        text = []
        for part in assertion.parts:
            if isinstance(part, str):
                text.append(part)
            elif part[0] == "value-of":
                text.append(str(part[1].evaluate(context)))
            else:
                text.append(str(part[1].evaluate(context)) if part[1] is not None else _node_name(node))
        line, column = source.position(_node_element(node))
        message = " ".join("".join(text).split())
        return Message(source.name, line, column, assertion.severity, message, assertion.rule_id), assertion.flag


_SCHEMATRON_CACHE: dict[tuple[str, int], Schematron] = {}


def _compile_schematron(path: Path) -> Schematron:
    """Compile once per process and file version, like the grammars."""
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in _SCHEMATRON_CACHE:
        _SCHEMATRON_CACHE[key] = Schematron(path)
    return _SCHEMATRON_CACHE[key]


def _context_expression(context: str) -> str:
    """An XSLT match pattern as an XPath that selects every node it matches."""
    context = context.strip()
    if context.startswith("/"):
        return context
    return f"//({context})"


def _xpath1_context(context: str, namespaces: dict) -> etree.XPath | None:
    """The match pattern as an lxml XPath (each alternative from the root), if libxml2 can compile it."""
    if "$" in context or context.strip() == "/":
        return None
    alternatives = _split_union(context)
    expression = " | ".join(a if a.startswith("/") else f"//{a}" for a in alternatives)
    try:
        return etree.XPath(expression, namespaces={k: v for k, v in namespaces.items() if k and k != "xml"})
    except etree.XPathSyntaxError:
        return None


def _split_union(pattern: str) -> list[str]:
    """'a | b[c | d]' -> ['a', 'b[c | d]']: the top-level alternatives of a match pattern."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(pattern):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index].strip())
            start = index + 1
    parts.append(pattern[start:].strip())
    return parts


def _xpath_nodes(results, context) -> list:
    """lxml XPath results as the elementpath nodes of the same document."""
    if not isinstance(results, list):
        raise etree.XPathError("not a node-set")
    nodes = []
    for result in results:
        if isinstance(result, etree._Element) and isinstance(result.tag, str):
            nodes.append(context.root.elements[result])
        elif getattr(result, "is_attribute", False):
            owner = context.root.elements[result.getparent()]
            nodes.append(next(a for a in owner.attributes if a.name == result.attrname))
        else:
            raise etree.XPathError("selects nodes other than elements and attributes")
    return nodes


def _assertions(rule, abstract: dict) -> list:
    found = []
    for child in rule:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name in ("assert", "report"):
            found.append(child)
        elif name == "extends" and child.get("rule") in abstract:
            found += _assertions(abstract[child.get("rule")], abstract)
    return found


def _instantiate(pattern, root):
    """An abstract pattern's instance (is-a) with its $params replaced."""
    base_id = pattern.get("is-a")
    if not base_id:
        return pattern
    base = next((p for p in root.iterfind(f"{{{SCH_NS}}}pattern") if p.get("id") == base_id), None)
    if base is None:
        raise SchematronError(f'pattern "{pattern.get("id")}" is-a unknown abstract pattern "{base_id}"')
    params = {p.get("name"): p.get("value") for p in pattern.iterfind(f"{{{SCH_NS}}}param")}
    instance = copy.deepcopy(base)
    for element in instance.iter():
        for attribute in ("context", "test", "select", "value", "path"):
            if element.get(attribute):
                value = element.get(attribute)
                for name in sorted(params, key=len, reverse=True):
                    value = value.replace(f"${name}", params[name])
                element.set(attribute, value)
    return instance


def _resolve_includes(root, path: Path):
    for include in list(root.iter(f"{{{SCH_NS}}}include")):
        target = (path.parent / include.get("href", "")).resolve()
        included = _resolve_includes(parse_file(target).getroot(), target)
        include.getparent().replace(include, included)
    return root


def _node_element(node) -> etree._Element | None:
    """The lxml element to point at for an elementpath node (attributes: their element)."""
    while node is not None:
        element = getattr(node, "elem", None)
        if isinstance(element, etree._Element):
            return element
        node = getattr(node, "parent", None)
    return None


def _node_name(node) -> str:
    name = getattr(node, "name", None) or ""
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return f"xml:{local}" if namespace == XML_NS else local
    return name


class DocumentLoader:
    """What fn:doc() may read: local files only, parsed safely, each once per validator.

    With a personography given, any request for a file of that name (persons.xml) reads it, so
    editions can be checked against one personography wherever they are.
    """

    def __init__(self, personography: Path | None = None):
        self.personography = personography
        self._trees: dict[str, object] = {}

    def view(self) -> "_LazyDocuments":
        return _LazyDocuments(self)

    def load(self, uri: str):
        from elementpath import get_node_tree

        path = self._path_for(uri)
        if path is None:
            return None
        key = f"{path.resolve()}:{path.stat().st_mtime_ns if path.is_file() else 0}"
        if key not in self._trees:
            try:
                tree = parse_file(path, tolerate_id_errors=True)
                self._trees[key] = get_node_tree(tree, namespaces={}, uri=uri)
            except (XMLInputError, OSError):
                self._trees[key] = None
        return self._trees[key]

    def _path_for(self, uri: str) -> Path | None:
        parsed = urlparse(uri)
        if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
            return None  # no network, ever
        path = Path(unquote(parsed.path))
        if self.personography is not None and path.name == self.personography.name:
            return self.personography
        return path if path.is_file() else None


class _LazyDocuments(dict):
    """elementpath looks documents up by absolute URI; load them on first use."""

    def __init__(self, loader: DocumentLoader):
        super().__init__()
        self.loader = loader

    def __missing__(self, uri: str):
        tree = self.loader.load(uri)
        if tree is None:
            raise KeyError(uri)
        self[uri] = tree
        return tree

    def __bool__(self) -> bool:
        return True


# ================================================================ the validator


class Validator:
    """Validates files against one schema; each part of the schema is compiled once.

    schema: "project" (tei-tools.rng + tei-tools.sch), "tei-all" (the official tei_all.rng, from
    `tei_all` or $TEI_TOOLS_TEI_ALL), or the path of a .rng (.rnc with jing) or .sch file.
    personography: the persons.xml that persName/@ref="persons.xml#id" resolves to (default:
    the one beside each edition). engine: "auto", "jing" or "lxml" for RELAX NG.
    """

    def __init__(self, schema: str | Path = "project", *, tei_all: Path | None = None,
                 personography: Path | None = None, engine: str = "auto"):
        if engine not in ENGINES:
            raise UnusableInputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
        self.schema = str(schema)
        self.documents = DocumentLoader(Path(personography) if personography else None)
        if personography is not None and not Path(personography).is_file():
            raise UnusableInputError(f"{personography}: no such personography")
        grammar, schematron = self._schema_files(schema, tei_all)
        self.grammar = self._grammar(grammar, engine, is_project=schema == "project") if grammar else None
        self.schematron = _compile_schematron(schematron) if schematron else None

    @staticmethod
    def _schema_files(schema: str | Path, tei_all: Path | None) -> tuple[Path | None, Path | None]:
        if schema == "project":
            folder = schema_dir()
            return folder / PROJECT_RNG, folder / PROJECT_SCH
        if schema == "tei-all":
            location = tei_all or os.environ.get(TEI_ALL_ENV)
            if not location:
                raise UnusableInputError(f"--schema tei-all needs the official tei_all.rng: give --tei-all PATH "
                                         f"or set {TEI_ALL_ENV}")
            path = Path(location)
            if not path.is_file():
                raise UnusableInputError(f"{path}: no such file (tei_all.rng)")
            return path, None
        path = Path(schema)
        if not path.is_file():
            raise UnusableInputError(f"{path}: no such schema file")
        if path.suffix == ".sch":
            return None, path
        if path.suffix in (".rng", ".rnc"):
            return path, None
        raise UnusableInputError(f"{path}: unknown kind of schema: give a .rng, .rnc or .sch file, "
                                 "'project' or 'tei-all'")

    @staticmethod
    def _grammar(path: Path, engine: str, is_project: bool) -> LxmlRelaxNG | JingRelaxNG:
        command = jing_command()
        use_jing = engine == "jing" or (engine == "auto" and not is_project and command is not None) \
            or path.suffix == ".rnc"
        if use_jing:
            if command is None:
                raise UnusableInputError("jing is not installed (Debian: apt-get install jing)"
                                         + ("; or convert the .rnc with trang" if path.suffix == ".rnc" else ""))
            return JingRelaxNG(path, command)
        return LxmlRelaxNG(path)

    @property
    def engine(self) -> str | None:
        return self.grammar.engine if self.grammar else None

    def validate_file(self, path: str | Path) -> list[Message]:
        return self.validate_files([path])

    def validate_files(self, paths: Iterable[str | Path],
                       progress: Callable[[int, int, Path], None] | None = None) -> list[Message]:
        """All messages, file by file in the order given, each file's sorted by position.

        With jing, one jing process validates all the files first; with lxml, each file is
        parsed, validated and let go in turn.
        """
        paths = [Path(p) for p in paths]
        batch = self._jing_batch(paths) if isinstance(self.grammar, JingRelaxNG) else {}
        messages: list[Message] = []
        for number, path in enumerate(paths):
            messages += self._validate_one(path, *batch.get(number, (None, None)))
            if progress:
                progress(number + 1, len(paths), path)
        return messages

    def _jing_batch(self, paths: list[Path]) -> dict[int, tuple[tuple[Source | None, list[Message]], list[Message]]]:
        """file number -> ((source, load messages), jing's messages), for the files that parse."""
        loaded = {number: load_source(path) for number, path in enumerate(paths)}
        parsed = [(number, source) for number, (source, _) in loaded.items() if source is not None]
        results = self.grammar.check_many([source for _, source in parsed])
        return {number: (loaded[number], results[index]) for index, (number, _) in enumerate(parsed)}

    def _validate_one(self, path: Path, loaded: tuple[Source | None, list[Message]] | None,
                      grammar_messages: list[Message] | None) -> list[Message]:
        source, messages = loaded if loaded is not None else load_source(path)
        if source is not None:
            if grammar_messages is None:
                grammar_messages = self.grammar.check(source) if self.grammar is not None else []
            messages = messages + grammar_messages
            if self.schematron is not None:
                messages += self._run_schematron(source, grammar_messages)
        return sorted(messages, key=lambda m: (m.line, m.column))

    def _run_schematron(self, source: Source, grammar_messages: list[Message]) -> list[Message]:
        said_by_grammar = {(m.line, m.column) for m in grammar_messages if m.severity == "error"}
        kept = []
        for message, flag in self.schematron.check(source, self.documents):
            if flag == GRAMMAR_FLAG and (message.line, message.column) in said_by_grammar:
                continue  # the grammar already said it, in its own words
            kept.append(message)
        return kept


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given and every *.xml below each folder (sorted); UnusableInputError if missing."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.xml") if p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            raise UnusableInputError(f"{path}: no such file or folder")
    return found


def validate_paths(paths: Iterable[str | Path], schema: str | Path = "project", **options) -> list[Message]:
    """Validate files and folders (*.xml, recursively) against one schema; see Validator."""
    files = expand_paths(paths)
    progress = options.pop("progress", None)
    return Validator(schema, **options).validate_files(files, progress=progress)


def is_valid(messages: Iterable[Message]) -> bool:
    return not any(m.severity == "error" for m in messages)
