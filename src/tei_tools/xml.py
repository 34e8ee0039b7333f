"""The one safe XML parser every command uses.

External entities, DTD loading and network access are off; entity references are kept as
references rather than expanded, so a hostile or merely broken DOCTYPE cannot make us read a
file or fetch a URL. Every command that reads XML goes through `parse_file` / `parse_bytes`.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"tei": TEI_NS}


class XMLInputError(Exception):
    """XML that cannot be used, with the jing-style position of the problem."""

    def __init__(self, path: str, line: int, column: int, message: str):
        super().__init__(f"{path}:{line}:{column}: error: {message}")
        self.path, self.line, self.column, self.message = path, line, column, message


def safe_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=True,  # real editions (novels) exceed libxml2's default text-node limits
        remove_blank_text=remove_blank_text,
    )


def parse_bytes(data: bytes, path: str = "<bytes>") -> etree._ElementTree:
    """Parse `data` safely; raise XMLInputError with the position of the first error."""
    try:
        root = etree.fromstring(data, safe_parser(), base_url=path)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno or 1, 1)
        message = str(exc.msg or exc).split(f" ({path}", 1)[0]
        raise XMLInputError(path, line or 1, column or 1, message) from None
    return root.getroottree()


def parse_file(path: str | Path) -> etree._ElementTree:
    """Read and parse a file safely; I/O failures become XMLInputError at 1:1 too."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XMLInputError(str(path), 1, 1, f"cannot read file: {exc.strerror}") from None
    return parse_bytes(data, str(path))


def declares_external_entities(tree: etree._ElementTree) -> bool:
    """True when the DOCTYPE declares external entities (reported, never resolved)."""
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return False
    return any(getattr(e, "system_url", None) for e in dtd.iterentities())


def tei(tag: str) -> str:
    """Clark name of a TEI element: tei('p') -> '{http://www.tei-c.org/ns/1.0}p'."""
    return f"{{{TEI_NS}}}{tag}"
