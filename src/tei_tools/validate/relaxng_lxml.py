"""RELAX NG in process with lxml (libxml2), its terse messages rewritten in jing's words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_tools.validate.compiled import COMPILATIONS, cache
from tei_tools.validate.grammar_index import GrammarIndex, _display_name, _join_or, _quoted_list
from tei_tools.validate.lxml_grammar import grammar_for_libxml2
from tei_tools.validate.messages import Message, UnusableInputError
from tei_tools.validate.sources import Source
from tei_tools.xml import TEI_NS, XMLInputError, parse_file


@dataclass
class _CompiledRng:
    schema: etree.RelaxNG  # compiled from grammar_for_libxml2(grammar): the same verdicts, faster
    grammar: etree._ElementTree  # as written: what messages describe
    _index: GrammarIndex | None = None

    @property
    def index(self) -> GrammarIndex:
        if self._index is None:
            self._index = GrammarIndex(self.grammar)
        return self._index


def _compile_lxml(path: Path) -> _CompiledRng:
    """Compile once per process and file version: tei_all costs ~10 s in libxml2."""
    compiled = cache("_LXML_CACHE")
    key = (str(path.resolve()), path.stat().st_mtime_ns)
    if key not in compiled:
        try:
            grammar = parse_file(path)
            schema = etree.RelaxNG(grammar_for_libxml2(grammar))
        except XMLInputError as exc:
            raise UnusableInputError(f"{path}: not a usable schema: {exc}") from None
        except etree.RelaxNGParseError as exc:
            raise UnusableInputError(f"{path}: not a usable RELAX NG schema: {exc}") from None
        COMPILATIONS[f"lxml:{key[0]}"] += 1
        compiled[key] = _CompiledRng(schema, grammar)
    return compiled[key]


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
        entries = list(schema.error_log)
        failed = {e.line for e in entries if e.type_name == "RELAXNG_ERR_ATTRVALID"}
        # "Invalid sequence in interleave" comes with the ATTRVALID error that names the element
        entries = [e for e in entries if not (e.type_name == "RELAXNG_ERR_INTERSEQ" and e.line in failed)]
        translated = [self._translate(entry, source) for entry in entries]
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
        elif kind in ("RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_INTERSEQ") and element is not None:
            element = _named_ancestor(element, re.match(r"Element (\S+) failed", text))
            # INTERSEQ, "Invalid sequence in interleave": the project grammar interleaves attributes
            # only (schema/README.md), so it says what ATTRVALID says
            missing = sorted(self.compiled.index.required(_local(element), "attribute") -
                             {_display_name(a) for a in element.attrib})
            wrong = None if missing else self._first_bad_value(element)
            generic = not missing and wrong is None
            message = (f'element "{_local(element)}" missing required attribute {_quoted_list(missing)}' if missing
                       else self._bad_attribute(element, wrong.split("}")[-1]) if wrong
                       else f'element "{_local(element)}" has invalid attributes')
        else:
            generic = kind in ("RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_DATATYPE", "RELAXNG_ERR_VALUE",
                               "RELAXNG_ERR_LIST", "RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_INTEREXTRA")
            message = text
        where = source.end_position if kind == "RELAXNG_ERR_NOELEM" else source.position
        line, column = where(element) if element is not None else (entry.line or 1, 1)
        return Message(source.name, line, column, "error", message), generic

    def _first_bad_value(self, element: etree._Element) -> str | None:
        """The first attribute (as written) whose value its pattern refuses, if one does."""
        allowed = self.compiled.index.attributes(_local(element))
        for attribute, value in element.attrib.items():
            pattern = allowed.get(_display_name(attribute))
            if pattern is not None and not self.compiled.index.value_fits(pattern, value):
                return attribute
        return None

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


def _named_ancestor(element: etree._Element, named: re.Match | None) -> etree._Element:
    """The element libxml2's message names: its path may point at the element's first child."""
    if named is None:
        return element
    found = next((e for e in element.iterancestors() if _local(e) == named.group(1)), None)
    return element if _local(element) == named.group(1) or found is None else found


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _drop_generic(translated: list[tuple[Message, bool]]) -> list[Message]:
    """Keep libxml2's catch-all messages only where nothing more specific was said."""
    specific = [m for m, generic in translated if not generic]
    generic = [m for m, is_generic in translated if is_generic]
    return specific if specific else generic[:1]
