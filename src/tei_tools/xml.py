"""The one safe XML parser every command uses.

External entities, DTD loading and network access are off; entity references are kept as
references rather than expanded, so a hostile or merely broken DOCTYPE cannot make us read a
file or fetch a URL. XInclude is never processed. Every command that reads XML goes through
`parse_file` / `parse_bytes`.

libxml2's own limits stay on (`huge_tree` lifts only the size limits of text nodes): entity
expansion beyond a small multiple of the document (billion laughs, quadratic blowup) and nesting
deeper than 2048 elements stop the parse at once, reported in words a user can act on.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
# As long as XINCLUDE_NS, so that a copy with one for the other keeps every line and column.
XINCLUDE_OFF_NS = "urn:x-tei-tools:xinclude-is-off"
NSMAP = {"tei": TEI_NS}


class XMLInputError(Exception):
    """XML that cannot be used, with the jing-style position of the problem."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: error: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def safe_parser(*, remove_blank_text: bool = False, recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=True,  # real editions (novels) exceed libxml2's default text-node limits
        remove_blank_text=remove_blank_text,
        recover=recover,
    )


# libxml2 checks xml:id values while parsing (unique, NCName) and stops on a violation, although
# the document is well-formed. A validator wants the tree and reports these problems itself.
_ID_ERROR_TYPES = {"DTD_ID_REDEFINED", "DTD_XMLID_VALUE", "DTD_XMLID_TYPE"}
_POSITION_SUFFIX = re.compile(r"(, line \d+, column \d+)+$")
# libxml2's words for its safety limits -> what the user should know and do.
_LIMIT_MESSAGES = (
    ("Maximum entity amplification factor exceeded",
     "its entities expand to far more text than the file holds (an entity bomb); tei-tools does not expand "
     "them (remove the DOCTYPE's entity declarations)"),
    ("Detected an entity reference loop",
     "its entities refer to themselves in a loop; tei-tools does not expand them (remove the DOCTYPE)"),
    ("Excessive depth in document",
     "elements are nested more than 2048 deep; tei-tools does not read documents this deep"),
)


def parse_bytes(data: bytes, path: str = "<bytes>", *, tolerate_id_errors: bool = False) -> etree._ElementTree:
    """Parse `data` safely; raise XMLInputError with the position of the first error.

    With `tolerate_id_errors`, duplicate or malformed xml:id values (well-formed XML that
    libxml2 rejects) do not stop parsing; the caller is expected to check ids itself.
    """
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser, base_url=path)
    except etree.XMLSyntaxError as exc:
        if tolerate_id_errors and _only_id_errors(parser.error_log):
            root = etree.fromstring(data, safe_parser(recover=True), base_url=path)
        else:
            line, column = exc.position if exc.position else (exc.lineno or 1, 1)
            message = _POSITION_SUFFIX.sub("", str(exc.msg or exc).split(f" ({path}", 1)[0])
            raise XMLInputError(path, line or 1, column or 1, _plain_words(message)) from None
    return root.getroottree()


def _plain_words(message: str) -> str:
    for libxml2_words, ours in _LIMIT_MESSAGES:
        if libxml2_words in message:
            return ours
    return message


def _only_id_errors(error_log) -> bool:
    return bool(error_log) and all(e.type_name in _ID_ERROR_TYPES and e.level_name == "ERROR" for e in error_log)


def parse_file(path: str | Path, *, tolerate_id_errors: bool = False) -> etree._ElementTree:
    """Read and parse a file safely; I/O failures become XMLInputError at 1:1 too."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XMLInputError(str(path), 1, 1, f"cannot read file: {exc.strerror}") from None
    return parse_bytes(data, str(path), tolerate_id_errors=tolerate_id_errors)


def declares_external_entities(tree: etree._ElementTree) -> bool:
    """True when the DOCTYPE declares external entities (reported, never resolved)."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return False
    return any(getattr(e, "system_url", None) for e in dtd.iterentities())


def external_references(tree: etree._ElementTree) -> list[str]:
    """What the DOCTYPE would make a validating parser fetch: its external DTD and external entities.

    One line each, e.g. 'external DTD "../DTD/tei.dtd"' or 'external entity "ext" ("file:///x")'.
    """
    found = []
    docinfo = tree.docinfo
    if docinfo.system_url or docinfo.public_id:
        found.append(f'external DTD "{docinfo.system_url or docinfo.public_id}"')
    dtd = docinfo.internalDTD
    for entity in dtd.iterentities() if dtd is not None else ():
        url = getattr(entity, "system_url", None)
        if url:
            found.append(f'external entity "{entity.name}" ("{url}")')
    return found


def uses_xinclude(tree: etree._ElementTree) -> bool:
    """True when the document has elements in the XInclude namespace (xi:include, xi:fallback)."""
    return bool(tree.getroot().xpath("boolean(//*[namespace-uri() = $ns])", ns=XINCLUDE_NS))


def xinclude_disabled(data: bytes, tree: etree._ElementTree) -> bytes:
    """The document with XInclude made inert, for tools that would process it (Debian's jing does).

    The XInclude namespace name is swapped for one of the same length, so every position stays
    the same and xi:include is just an element the schema does not allow. A namespace name
    spelt with character references is caught by re-parsing; then the elements are renamed in a
    re-serialized copy instead (positions may shift there, safety first).
    """
    encoding = tree.docinfo.encoding or "UTF-8"
    try:
        text = data.decode(encoding)
        inert = text.replace(XINCLUDE_NS, XINCLUDE_OFF_NS).encode(encoding)
        if not uses_xinclude(parse_bytes(inert)):
            return inert
    except (LookupError, UnicodeError, XMLInputError):
        pass
    copy = parse_bytes(data)
    for element in copy.getroot().xpath("//*[namespace-uri() = $ns]", ns=XINCLUDE_NS):
        element.tag = f"{{{XINCLUDE_OFF_NS}}}{etree.QName(element).localname}"
    etree.cleanup_namespaces(copy)
    return etree.tostring(copy, xml_declaration=True, encoding="UTF-8")


def tei_namespace_problem(tree: etree._ElementTree) -> str | None:
    """Why the document is not TEI, when its root is in no namespace or another one; else None."""
    name = etree.QName(tree.getroot())
    if name.namespace == TEI_NS:
        return None
    where = f'in the namespace "{name.namespace}"' if name.namespace else "in no namespace"
    return (f'the root element {name.localname} is {where}, not a TEI document; TEI P5 elements are in '
            f'xmlns="{TEI_NS}"')


def tei(tag: str) -> str:
    """Clark name of a TEI element: tei('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI_NS}}}{tag}"
