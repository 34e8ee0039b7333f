"""What a RELAX NG grammar allows, per element: the words the lxml engine needs to speak like jing."""
from __future__ import annotations

from copy import deepcopy
from typing import Callable, Iterable

from lxml import etree

from tei_tools.xml import XML_NS

RNG_NS = "http://relaxng.org/ns/structure/1.0"

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
        self._probes: dict[etree._Element, etree.RelaxNG] = {}  # per attribute pattern

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

    def value_fits(self, attribute_pattern: etree._Element, value: str) -> bool:
        """Whether `value` matches an attribute's pattern: libxml2 says only that an element's
        attributes failed, not which. A grammar of that pattern and the defines it uses alone is
        compiled (once per pattern) and asked; only error messages pay for it."""
        probe = self._probes.get(attribute_pattern)
        if probe is None:
            probe = self._probes[attribute_pattern] = self._probe_for(attribute_pattern)
        document = etree.Element("probe", value=value)
        return probe.validate(document)

    def _probe_for(self, attribute_pattern: etree._Element) -> etree.RelaxNG:
        root = attribute_pattern.getroottree().getroot()
        grammar = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        element = etree.SubElement(etree.SubElement(grammar, f"{{{RNG_NS}}}start"), f"{{{RNG_NS}}}element",
                                   name="probe", ns="")  # the grammar's ns would put it in TEI's
        attribute = etree.SubElement(element, f"{{{RNG_NS}}}attribute", name="value")
        attribute.extend(deepcopy(child) for child in attribute_pattern)
        wanted, seen = [attribute_pattern], set()
        while wanted:  # the defines the pattern refers to, and theirs
            for ref in wanted.pop().iter(f"{{{RNG_NS}}}ref"):
                if ref.get("name") not in seen:
                    seen.add(ref.get("name"))
                    for define in self.defines.get(ref.get("name"), []):
                        grammar.append(deepcopy(define))
                        wanted.append(define)
        return etree.RelaxNG(grammar)

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
            elif tag == "data" and (pattern := node.find(f"{{{RNG_NS}}}param[@name='pattern']")) is not None:
                words.append(f'a string matching the regular expression "{pattern.text or ""}"')  # jing's words
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

