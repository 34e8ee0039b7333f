"""What the Schematron compiler reads in XPath text, without parsing XPath: the alternatives of a
match pattern, the nodes it can match, whether two patterns can match the same node, which calls
go to the compiler's own fn:doc(), and whether an expression depends on the focus."""
from __future__ import annotations

import re

# The namespace of the compiler's own functions (an EQName prefix: it never clashes with a
# schema's prefixes)
COMPILER_FUNCTIONS = "Q{urn:tei-tools:schematron}"


def split_union(pattern: str) -> list[str]:
    """'a | b[c | d]' -> ['a', 'b[c | d]']: the top-level alternatives of a match pattern."""
    return [part.strip() for part in _top_level_split(pattern, "|") if part.strip()]


_KIND_TESTS = {"node", "text", "comment", "processing-instruction", "element", "attribute", "document-node",
               "namespace-node", "schema-element", "schema-attribute"}


def candidates_expression(context: str) -> str:
    """An XPath that selects every node the match pattern can match, in document order.

    `//a/b[1]` means `//(a/b[1])`; without the parentheses Saxon scans by element name, which is
    several times faster, so they are kept only where the alternative does not start with a step.
    """
    expressions = []
    for part in split_union(context):
        if part.startswith("/"):
            expressions.append(part)
        elif _starts_with_step(part):
            expressions.append(f"//{part}")
        else:
            expressions.append(f"//({part})")
    return " | ".join(expressions)


def _starts_with_step(part: str) -> bool:
    call = re.match(r"(?:Q\{[^}]*\})?([\w.:-]+)\s*\(", part)
    if call:
        return call.group(1).split(":")[-1] in _KIND_TESTS
    return bool(re.match(r"[@*\w]", part)) and not part[0].isdigit()


# String literals and comments are copied as they are; calls of doc() / doc-available() outside
# them go to the compiler's own functions, which read through the caller's safe loader.
_LITERAL_OR_CALL = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|\(:.*?:\)"""
                              r"""|(?<![\w.\-:$}])(?:fn:)?(?P<name>doc-available|doc)(?=\s*\()""", re.S)


def route_document_calls(expression: str) -> str:
    def replace(match):
        name = match.group("name")
        if name is None:
            return match.group()
        return f"{COMPILER_FUNCTIONS}{name}"
    return _LITERAL_OR_CALL.sub(replace, expression)


def disjoint(first: str, second: str) -> bool:
    """Whether two match patterns can never match the same node: every alternative of each
    ends in a name test that differs from each of the other's in kind (attribute or element)
    or in local name. Unsure (wildcards, kind tests, axes, functions) is False."""
    tests = [[_final_name_test(part) for part in split_union(pattern)] for pattern in (first, second)]
    if any(test is None for side in tests for test in side):
        return False
    return all(a != b for a in tests[0] for b in tests[1])


_NAME_TEST = re.compile(r"(@?)(?:[\w.-]+:)?([\w.-]+)")


def _final_name_test(part: str) -> tuple[bool, str] | None:
    """(is an attribute, local name) of the last step of a path pattern, predicates left out;
    None when that step is not a plain name test."""
    steps = _top_level_split(part, "/")
    last = steps[-1] if steps else ""
    bracket = _top_level_split(last, "[")[0].strip()
    match = _NAME_TEST.fullmatch(bracket)
    return (match.group(1) == "@", match.group(2)) if match else None


def _top_level_split(text: str, separator: str) -> list[str]:
    """`text` split at each `separator` outside brackets, parentheses and string literals (for
    "[", at the first one only: what comes before the predicates)."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
            if separator == "[":
                break
        if not quote and char in "([{":
            depth += 1
        elif not quote and char in ")]}":
            depth -= 1
    parts.append(text[start:])
    return parts


def selects_exactly(context: str) -> bool:
    """Whether `candidates_expression(context)` selects exactly the nodes the pattern matches:
    true of path patterns (XSLT 3.0 defines their matching so), not of predicate patterns
    (`.[...]`), variable-rooted or function-rooted ones (`id()`, `key()`, `doc()`)."""
    return all(part.startswith("/") or _starts_with_step(part) for part in split_union(context))


# Whose values inside a rule's for-each differ from their values in its select: rules using them
# are not filtered (see the compiler's _failing).
_FOCUS_FUNCTION = re.compile(r"(?<![\w.\-:$}])(?:fn:)?(?:current|position|last)\s*\(")
_LITERAL_OR_COMMENT = re.compile(r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|\(:.*?:\)""", re.S)


def uses_focus(expression: str) -> bool:
    """Whether the expression calls current(), position() or last() outside its literals and comments."""
    return bool(_FOCUS_FUNCTION.search(_LITERAL_OR_COMMENT.sub(" ", expression)))
