"""The grammar libxml2 is given: the schema less the pattern facets that can never fail.

libxml2 compiles a datatype's pattern facet into an automaton anew for every value it checks
(xmlRelaxNGSchemaFacetCheck builds, compiles and frees the facet each time): on the project's
editions, whose every persName carries @resp and @ref, that was a third of the grammar's time.

Some of those checks are certain to pass. Inside a <list>, libxml2 splits the value at XML blanks
(space, tab, line feed, carriage return) and hands each datatype one non-empty token at a time;
once the tokens run out it hands it no value at all, which every datatype refuses before any
facet is looked at. A pattern that matches every non-empty run of non-blanks ("\\S+", as TEI's
teidata.pointer has it) therefore holds for everything it is ever asked about there, and taking it
out changes no verdict and no message: the checks libxml2 makes, and the errors it logs, are the
same ones, less facet checks that returned "yes".

A define used both inside and outside lists (data.pointer: in data.pointers' list, and alone as
@target's value, where " " can reach the pattern) is copied for its uses inside lists; the copy
sits beside the original, so it inherits the same datatypeLibrary and ns. Grammars that include
or refer to other files, or nest grammars, are given to libxml2 as they are.
"""
from __future__ import annotations

import copy

from lxml import etree

from tei_tools.validate.grammar_index import RNG_NS

# Patterns (XML Schema regular expressions) that every non-empty string without XML blanks
# matches: "\S" is any character but the four blanks.
LIST_TOKEN_TAUTOLOGIES = frozenset({r"\S+", r"[^\s]+"})
_COPY_SUFFIX = ".in-list"


def grammar_for_libxml2(grammar: etree._ElementTree) -> etree._ElementTree:
    """`grammar`, or a copy without the list-token tautologies if it has any (see the module)."""
    root = grammar.getroot()
    if any(root.iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef", f"{{{RNG_NS}}}parentRef")) \
            or any(True for _ in root.iterdescendants(f"{{{RNG_NS}}}grammar")):
        return grammar
    rewritten = copy.deepcopy(grammar)
    if not _ListRewriter(rewritten.getroot()).rewrite():
        return grammar
    return rewritten


class _ListRewriter:
    def __init__(self, root: etree._Element):
        self.root = root
        self.defines: dict[str, list] = {}
        for define in root.iter(f"{{{RNG_NS}}}define"):
            self.defines.setdefault(define.get("name"), []).append(define)
        self.copies: dict[str, str] = {}  # define name -> the name of its copy for lists
        self.changed = False

    def rewrite(self) -> bool:
        for value_list in list(self.root.iter(f"{{{RNG_NS}}}list")):
            self._in_list(value_list)
        return self.changed

    def _in_list(self, pattern: etree._Element) -> None:
        """Take the tautologies out of what `pattern` (inside a list) holds; its refs go to copies."""
        for node in list(pattern.iter(f"{{{RNG_NS}}}param", f"{{{RNG_NS}}}ref")):
            if node.tag == f"{{{RNG_NS}}}param":
                if node.get("name") == "pattern" and (node.text or "") in LIST_TOKEN_TAUTOLOGIES:
                    node.getparent().remove(node)
                    self.changed = True
            elif self._holds_tautology(node.get("name"), set()):
                node.set("name", self._copy_for_lists(node.get("name")))

    def _holds_tautology(self, name: str, seen: set) -> bool:
        if name in seen or name not in self.defines:
            return False
        seen.add(name)
        for define in self.defines[name]:
            for node in define.iter(f"{{{RNG_NS}}}param", f"{{{RNG_NS}}}ref"):
                if node.tag == f"{{{RNG_NS}}}param":
                    if node.get("name") == "pattern" and (node.text or "") in LIST_TOKEN_TAUTOLOGIES:
                        return True
                elif self._holds_tautology(node.get("name"), seen):
                    return True
        return False

    def _copy_for_lists(self, name: str) -> str:
        if name in self.copies:
            return self.copies[name]
        new_name = name + _COPY_SUFFIX
        while new_name in self.defines:
            new_name += _COPY_SUFFIX
        self.copies[name] = new_name
        made = []
        for define in self.defines[name]:
            twin = copy.deepcopy(define)
            twin.set("name", new_name)
            twin.tail = define.tail
            define.addnext(twin)
            made.append(twin)
        self.defines[new_name] = made
        for twin in made:
            self._in_list(twin)
        return new_name
