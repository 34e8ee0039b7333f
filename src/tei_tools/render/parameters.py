"""Stylesheet parameters: every `<xsl:param>` a user may set, documented where it is declared
(`<!-- PARAMETER name: ... -->`), found by reading the stylesheets."""
from __future__ import annotations

import re
from dataclasses import dataclass

from tei_tools.resources import xslt_dir

# Parameters tei-tools sets itself; they hold documents, not strings.
INTERNAL_PARAMETERS = {"personography", "personography-file", "editions", "site", "summary", "part-marker",
                       "person-index"}


@dataclass(frozen=True)
class StylesheetParameter:
    name: str
    default: str
    description: str
    stylesheets: tuple[str, ...]


_PARAMETER_DOC = re.compile(r"<!--\s*PARAMETER\s+([\w.-]+):\s*(.*?)-->\s*<xsl:param\s+name=\"([^\"]+)\"([^>]*)>",
                            re.S)


def stylesheet_parameters() -> dict[str, StylesheetParameter]:
    """Every parameter a user may set, with its default and the comment that documents it."""
    found: dict[str, StylesheetParameter] = {}
    root = xslt_dir()
    for path in sorted(root.rglob("*.xsl")):
        relative = path.relative_to(root).as_posix()
        for documented, description, name, attributes in _PARAMETER_DOC.findall(path.read_text("utf-8")):
            if name in INTERNAL_PARAMETERS or documented != name:
                continue
            select = re.search(r"select=\"'([^']*)'\"", attributes)
            text = " ".join(description.split()).replace("(dash-dash)", "--")
            previous = found.get(name)
            sheets = (previous.stylesheets if previous else ()) + (relative,)
            found[name] = StylesheetParameter(name, select.group(1) if select else "", text, sheets)
    return dict(sorted(found.items()))
