"""ISO Schematron compiled to one XSLT 3.0 stylesheet, for saxonche.

The compiler follows the ISO skeleton's plan (one mode per pattern, one template rule per rule,
priorities so that the first matching rule of a pattern fires), with three changes for speed and
for tei-tools' messages:

- each pattern visits only the nodes its rule contexts can select (`//(context)` for each
  alternative of each context, in document order), not every node of the document; a rule run
  in a for-each of its own (see _write_pattern) selects in one XPath filter the nodes it fails
  on, and only those run its instructions (on an error in the filter, every node does, each in
  its own try: the messages are the same);
- the stylesheet returns its failures as JSON: `{"a": N, "p": PATH, "m": TEXT}` for assertion N
  (schema order) that failed or report N that fired on the node at PATH, and `{"r": N, "p":
  PATH, "m": TEXT}` for rule N that could not be evaluated there. PATH is the node's element
  path in child-element positions from the root element ("" the root element, "2.5" the fifth
  element child of its second element child, "-" the document node); the caller maps it to the
  lxml tree, whose line numbers and start-tag ends make jing-style positions;
- `doc()` and `doc-available()` are answered from the map parameter `{urn:tei-tools:schematron}
  documents` (absolute URI -> document, or empty when not available). A URI not in the map makes
  the stylesheet return `{"need": URI}` instead of failures; the caller loads that document with
  the safe parser, adds it to the map and runs again, so every document is read safely and once
  per process, however many files point at it.

Schema, pattern and rule `let`s are local variables (schema and pattern ones travel as tunnel
parameters), so that an error in any of them is caught and reported rather than aborting the run.

Supported: ns, let (schema, pattern and rule level), phase (the default one), pattern (abstract
patterns with is-a and param), rule (abstract rules with extends), assert and report with id,
role, flag and diagnostics, name (with or without path) and value-of in messages, include, and
the XSLT query binding's `xsl:key` and `xsl:function` at the top of the schema, copied into the
stylesheet (a key over a document that fn:doc() returns, such as the personography, is indexed
once per process, since that document is loaded once: not once per file validated).
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.validate.messages import UnusableInputError
from tei_tools.validate.xpath_text import (COMPILER_FUNCTIONS, candidates_expression, disjoint, route_document_calls,
                                          selects_exactly, uses_focus)
from tei_tools.xml import XMLInputError, parse_file

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
TT_NS = "urn:tei-tools:schematron"
ERR_NS = "http://www.w3.org/2005/xqt-errors"
MAP_NS = "http://www.w3.org/2005/xpath-functions/map"
XS_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# The stylesheet parameter that holds the documents fn:doc() may return.
DOCUMENTS_PARAMETER = f"{{{TT_NS}}}documents"

_TT = COMPILER_FUNCTIONS  # EQNames for the compiler's own names (Q{TT_NS}): they never clash with a schema's prefixes
_ERR = f"Q{{{ERR_NS}}}"
_MAP = f"Q{{{MAP_NS}}}"
_XS = f"Q{{{XS_NS}}}"


class SchematronError(UnusableInputError):
    pass


@dataclass(frozen=True)
class CompiledAssertion:
    rule: int  # number of its rule in schema order: messages are sorted by it, as the rules come
    rule_id: str | None
    severity: str  # "error" | "warning"
    flag: str | None
    is_report: bool


@dataclass
class CompiledSchematron:
    path: Path
    stylesheet: str  # the XSLT 3.0 text
    assertions: list[CompiledAssertion] = field(default_factory=list)
    # line of the stylesheet -> what of the .sch it comes from, to say where a compile error is
    origins: dict[int, str] = field(default_factory=dict)

    def origin_of(self, error: str) -> str | None:
        """The .sch construct a Saxon error message ("... on line N ...") points into."""
        match = re.search(r"on line (\d+)", error)
        if not match:
            return None
        line = int(match.group(1))
        known = [number for number in self.origins if number <= line]
        return self.origins[max(known)] if known else None


# ================================================================ reading the schema


def read_schema(path: Path) -> etree._Element:
    try:
        root = _resolve_includes(parse_file(path).getroot(), path)
    except XMLInputError as exc:
        raise SchematronError(f"{path}: not a usable Schematron schema: {exc}") from None
    if root.tag != f"{{{SCH_NS}}}schema":
        raise SchematronError(f"{path}: not an ISO Schematron schema (root element {root.tag})")
    return root


def _resolve_includes(root, path: Path):
    for include in list(root.iter(f"{{{SCH_NS}}}include")):
        target = (path.parent / include.get("href", "")).resolve()
        included = _resolve_includes(parse_file(target).getroot(), target)
        include.getparent().replace(include, included)
    return root


def _active_patterns(root) -> list:
    patterns = [p for p in root.iterfind(f"{{{SCH_NS}}}pattern") if p.get("abstract") != "true"]
    phase_id = root.get("defaultPhase")
    phase = next((p for p in root.iterfind(f"{{{SCH_NS}}}phase") if p.get("id") == phase_id), None)
    if phase is None or phase_id == "#ALL":
        return patterns
    active = {a.get("pattern") for a in phase.iterfind(f"{{{SCH_NS}}}active")}
    return [p for p in patterns if p.get("id") in active]


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


def _rule_parts(rule, abstract: dict, seen: frozenset = frozenset()) -> tuple[list, list]:
    """(lets, assertions) of a rule, with those of the abstract rules it extends in their place."""
    lets, assertions = [], []
    for child in rule:
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        if name == "let":
            lets.append(child)
        elif name in ("assert", "report"):
            assertions.append(child)
        elif name == "extends" and child.get("rule") in abstract and child.get("rule") not in seen:
            more_lets, more = _rule_parts(abstract[child.get("rule")], abstract, seen | {child.get("rule")})
            lets += more_lets
            assertions += more
    return lets, assertions


def _string_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# ================================================================ writing the stylesheet


class _Writer:
    """Builds the stylesheet tree; remembers what each instruction was compiled from."""

    def __init__(self, namespaces: dict[str, str], base: str):
        prefix = "xsl"
        while prefix in namespaces and namespaces[prefix] != XSL_NS:
            prefix += "_"
        nsmap = {k: v for k, v in namespaces.items() if k and k != "xml"}
        nsmap[prefix] = XSL_NS
        nsmap_tt = next((p for p in ("tt", "tt_", "tt__") if p not in nsmap), "tei-tools")
        nsmap[nsmap_tt] = TT_NS
        self.root = etree.Element(f"{{{XSL_NS}}}stylesheet", nsmap=nsmap, version="3.0",
                                  attrib={"exclude-result-prefixes": "#all", f"{{{XML_NS}}}base": base})

    def add(self, parent, instruction: str, origin: str | None = None, **attributes) -> etree._Element:
        element = etree.SubElement(parent, f"{{{XSL_NS}}}{instruction}")
        for key, value in attributes.items():
            element.set(key.rstrip("_").replace("_", "-"), value)
        if origin:
            element.set(f"{{{TT_NS}}}origin", origin)
        return element


def compile_to_xslt(path: Path, prefilter: bool = True) -> CompiledSchematron:
    """The ISO Schematron at `path` as the text of an XSLT 3.0 stylesheet (see the module's doc).

    prefilter=False: no rule selects first the nodes it fails on (see _write_pattern), so that
    a rule that does not compile is reported at its let, assert or report."""
    root = read_schema(path)
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in root.iterfind(f"{{{SCH_NS}}}ns")}
    writer = _Writer(namespaces, Path(path).resolve().as_uri())
    compiled = CompiledSchematron(Path(path), "")
    diagnostics = {d.get("id"): d for d in root.iter(f"{{{SCH_NS}}}diagnostic")}
    abstract_rules = {r.get("id"): r for r in root.iter(f"{{{SCH_NS}}}rule") if r.get("abstract") == "true"}
    schema_lets = [(let.get("name"), let.get("value") or "()") for let in root.iterfind(f"{{{SCH_NS}}}let")]

    stylesheet = writer.root
    writer.add(stylesheet, "output", method="json")
    for element in root:  # the query binding's own declarations, as they are (doc() routed)
        if isinstance(element.tag, str) and etree.QName(element).namespace == XSL_NS \
                and etree.QName(element).localname in ("key", "function"):
            copied = copy.deepcopy(element)
            for descendant in copied.iter():
                for attribute in ("match", "use", "select", "test"):
                    if descendant.get(attribute):
                        descendant.set(attribute, route_document_calls(descendant.get(attribute)))
            stylesheet.append(copied)
    writer.add(stylesheet, "param", name=DOCUMENTS_PARAMETER.replace("{", "Q{", 1), as_="map(*)",
               select="map{}")
    _write_helpers(writer)

    main = writer.add(stylesheet, "template", match="/")
    attempt = writer.add(main, "try")
    for name, value in schema_lets:
        writer.add(attempt, "variable", f'let "{name}"', name=name, select=route_document_calls(value))
    failures = writer.add(attempt, "variable", name=f"{_TT}failures", as_="map(*)*")
    rule_number = 0
    for pattern_number, pattern in enumerate(_active_patterns(root)):
        pattern = _instantiate(pattern, root)
        call = writer.add(failures, "call-template", name=f"{_TT}pattern-{pattern_number}")
        for name, _ in schema_lets:
            writer.add(call, "with-param", name=name, select=f"${name}", tunnel="yes")
        rule_number = _write_pattern(writer, compiled, pattern, pattern_number, rule_number, schema_lets,
                                     abstract_rules, diagnostics, prefilter)
    writer.add(attempt, "sequence", select=f"array{{${_TT}failures}}")
    needed = writer.add(attempt, "catch", errors=f"{_TT}need-document")
    writer.add(needed, "sequence", select=f"map{{'need': ${_ERR}description}}")
    broken = writer.add(attempt, "catch", errors="*")
    writer.add(broken, "sequence", select=f"map{{'fatal': string(${_ERR}description), "
                                          f"'code': string(${_ERR}code)}}")

    text = etree.tostring(stylesheet, pretty_print=True, encoding="unicode")
    for element in etree.fromstring(text).iter():
        if element.get(f"{{{TT_NS}}}origin"):
            compiled.origins[element.sourceline] = element.get(f"{{{TT_NS}}}origin")
    compiled.stylesheet = text
    return compiled


def _write_pattern(writer: _Writer, compiled: CompiledSchematron, pattern, pattern_number: int,
                   rule_number: int, schema_lets: list, abstract_rules: dict, diagnostics: dict,
                   prefilter: bool = True) -> int:
    """A named template per pattern; its rules as template rules in a mode of their own, or,
    for a pattern of one rule whose context selects exactly what it matches, inline in a loop."""
    mode = f"{_TT}pattern-{pattern_number}"
    stylesheet = writer.root
    template = writer.add(stylesheet, "template", name=mode)
    for name, _ in schema_lets:
        writer.add(template, "param", name=name, tunnel="yes")
    pattern_lets = [(let.get("name"), let.get("value") or "()") for let in pattern.iterfind(f"{{{SCH_NS}}}let")]
    for name, value in pattern_lets:
        writer.add(template, "variable", f'let "{name}"', name=name, select=route_document_calls(value))
    rules = [r for r in pattern.iterfind(f"{{{SCH_NS}}}rule") if r.get("abstract") != "true"]
    contexts = [rule.get("context") or "/" for rule in rules]
    if not rules:
        return rule_number
    if all(selects_exactly(c) for c in contexts):
        # no template matching, no tunnel parameters: each rule's body runs in a loop of its own
        # over the nodes it fires on, those its context selects that no earlier rule of the
        # pattern matches (the first matching rule fires). The order of the loops is free: the
        # caller sorts the failures by rule, and each loop keeps document order within its rule.
        for index, (rule, context) in enumerate(zip(rules, contexts)):
            fired_on = _fired_on(context, contexts[:index])
            failing = _failing(rule, abstract_rules) if prefilter else None
            if failing is None:
                loop = writer.add(template, "for-each", f'rule context "{context}"', select=fired_on)
                _write_rule_body(writer, compiled, loop, rule, rule_number, abstract_rules, diagnostics)
            else:
                # the nodes where an assert fails or a report fires, in one XPath filter: the rule's
                # instructions then run for those alone. If the filter raises an error (at some
                # node, as a test may), the rule runs over all its nodes as before, each in its
                # own try, and gives the same messages as if the filter were not there.
                attempt = writer.add(template, "try")
                loop = writer.add(attempt, "for-each", f'rule context "{context}"', select=f"({fired_on})[{failing}]")
                _write_rule_body(writer, compiled, loop, rule, rule_number, abstract_rules, diagnostics)
                _rethrow_needed_document(writer, attempt)
                every_node = copy.deepcopy(loop)
                every_node.set("select", fired_on)
                writer.add(attempt, "catch", errors="*").append(every_node)
            rule_number += 1
        return rule_number
    select = " | ".join(f"({candidates_expression(c)})" for c in contexts)
    writer.add(stylesheet, "mode", name=mode, on_no_match="deep-skip")
    origin = (f'rule context "{contexts[0]}"' if len(contexts) == 1 else
              f'the rule contexts of pattern "{pattern.get("id") or pattern_number + 1}"')
    apply = writer.add(template, "apply-templates", origin, select=select, mode=mode)
    for name, _ in pattern_lets:
        writer.add(apply, "with-param", name=name, select=f"${name}", tunnel="yes")
    visible = list(dict.fromkeys([name for name, _ in schema_lets] + [name for name, _ in pattern_lets]))
    for index, (rule, context) in enumerate(zip(rules, contexts)):
        rule_template = writer.add(writer.root, "template", f'rule context "{context}"', match=context, mode=mode,
                                   priority=str(len(rules) - index))
        for name in visible:
            writer.add(rule_template, "param", name=name, tunnel="yes")
        _write_rule_body(writer, compiled, rule_template, rule, rule_number, abstract_rules, diagnostics)
        rule_number += 1
    return rule_number


def _fired_on(context: str, earlier: list[str]) -> str:
    """The nodes a rule with an exact `context` fires on: those it selects, less those that an
    earlier rule of its pattern may also select (none when their names tell them apart)."""
    select = candidates_expression(context)
    overlapping = [candidates_expression(c) for c in earlier if not disjoint(c, context)]
    return f"({select}) except ({' | '.join(overlapping)})" if overlapping else select


def _failing(rule, abstract_rules: dict) -> str | None:
    """An XPath predicate true of a node where one of the rule's asserts fails or one of its
    reports fires, with the rule's lets bound as they are for its instructions; None for a rule
    without assertions or one that uses current(), position() or last()."""
    lets, assertions = _rule_parts(rule, abstract_rules)
    if not assertions:
        return None
    expressions = [let.get("value") or "()" for let in lets] + [a.get("test") or "true()" for a in assertions]
    if any(uses_focus(e) for e in expressions):
        return None
    terms = []
    for element in assertions:
        test = route_document_calls(element.get("test") or "true()")
        terms.append(f"({test})" if etree.QName(element).localname == "report" else f"not(({test}))")
    condition = " or ".join(terms)
    if lets:
        bindings = ", ".join(f"${let.get('name')} := ({route_document_calls(let.get('value') or '()')})"
                             for let in lets)
        condition = f"let {bindings} return ({condition})"
    return condition


def _rethrow_needed_document(writer: _Writer, attempt) -> None:
    needed = writer.add(attempt, "catch", errors=f"{_TT}need-document")
    writer.add(needed, "sequence", select=f"error(${_ERR}code, ${_ERR}description)")


def _write_rule_body(writer: _Writer, compiled: CompiledSchematron, parent, rule, rule_number: int,
                     abstract_rules: dict, diagnostics: dict) -> None:
    """The rule's lets and assertions for the context node, in a try that reports a failure
    to evaluate them as one message at that node."""
    attempt = writer.add(parent, "try")
    lets, assertions = _rule_parts(rule, abstract_rules)
    for let in lets:
        value = let.get("value") or "()"
        writer.add(attempt, "variable", f'let "{let.get("name")}"', name=let.get("name"),
                   select=route_document_calls(value))
    for element in assertions:
        test = element.get("test") or "true()"
        is_report = etree.QName(element).localname == "report"
        role = (element.get("role") or rule.get("role") or "error").lower()
        compiled.assertions.append(CompiledAssertion(
            rule_number, element.get("id") or rule.get("id"),
            "warning" if role in ("warning", "warn", "info", "information") else "error",
            element.get("flag"), is_report))
        routed = route_document_calls(test)
        condition = writer.add(attempt, "if", f'{"report" if is_report else "assert"} test "{test}"',
                               test=f"({routed})" if is_report else f"not(({routed}))")
        parts = _message_parts(element)
        for diagnostic_id in (element.get("diagnostics") or "").split():
            if diagnostic_id in diagnostics:
                parts += [_string_literal(" ")] + _message_parts(diagnostics[diagnostic_id])
        message = "string-join((" + ", ".join(parts or ["''"]) + "), '')"
        writer.add(condition, "sequence", f'the message of "{element.get("id") or test}"',
                   select=f"map{{'a': {len(compiled.assertions) - 1}, 'p': {_TT}path(.), 'm': {message}}}")
    _rethrow_needed_document(writer, attempt)
    broken = writer.add(attempt, "catch", errors="*")
    writer.add(broken, "sequence", select=f"map{{'r': {rule_number}, 'p': {_TT}path(.), "
                                          f"'m': string(${_ERR}description), 'code': string(${_ERR}code)}}")


def _message_parts(element) -> list[str]:
    """The message as XPath expressions whose string values, joined, are its text."""
    parts = [_string_literal(element.text)] if element.text else []
    for child in element:
        if isinstance(child.tag, str) and child.tag == f"{{{SCH_NS}}}value-of":
            select = route_document_calls(child.get("select") or ".")
            parts.append(f"string-join(for ${_TT}item in ({select}) return string(${_TT}item), ' ')")
        elif isinstance(child.tag, str) and child.tag == f"{{{SCH_NS}}}name":
            path = child.get("path")
            parts.append(f"name({route_document_calls(path)})" if path else f"{_TT}name(.)")
        elif isinstance(child.tag, str):
            parts += _message_parts(child)
        if child.tail:
            parts.append(_string_literal(child.tail))
    return parts


def _write_helpers(writer: _Writer) -> None:
    """tt:path, tt:name, tt:doc, tt:doc-available."""
    stylesheet = writer.root
    path = writer.add(stylesheet, "function", name=f"{_TT}path", as_=f"{_XS}string")
    writer.add(path, "param", name=f"{_TT}node", as_="node()")
    writer.add(path, "sequence", select=(
        f"let $e := ${_TT}node/ancestor-or-self::*[1] return "
        "if (empty($e)) then '-' else "
        "string-join($e/ancestor-or-self::*[parent::*]/string(count(preceding-sibling::*) + 1), '.')"))

    name = writer.add(stylesheet, "function", name=f"{_TT}name", as_=f"{_XS}string")
    writer.add(name, "param", name=f"{_TT}node", as_="node()")
    writer.add(name, "sequence", select=(
        f"if (namespace-uri(${_TT}node) = '{XML_NS}') then concat('xml:', local-name(${_TT}node)) "
        f"else local-name(${_TT}node)"))

    documents = f"${_TT}documents"
    for function, found, missing in (
            ("doc", f"let $d := {documents}($u) return if (exists($d)) then $d else "
                    f"error(QName('{ERR_NS}', 'FODC0002'), concat('cannot read the document ', $u))", "()"),
            ("doc-available", f"exists({documents}($u))", "false()")):
        definition = writer.add(stylesheet, "function", name=f"{_TT}{function}")
        writer.add(definition, "param", name=f"{_TT}uri", as_=f"{_XS}string?")
        writer.add(definition, "sequence", select=(
            f"if (empty(${_TT}uri)) then {missing} else "
            f"let $u := string(resolve-uri(${_TT}uri, static-base-uri())) return "
            f"if ({_MAP}contains({documents}, $u)) then {found} "
            f"else error(QName('{TT_NS}', 'need-document'), $u)"))
