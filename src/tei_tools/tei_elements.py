"""Making TEI elements with lxml, and the names and pointers every part of an edition shares
(used by the serializer's text and by the header)."""
from __future__ import annotations

from lxml import etree

from tei_tools.xml import TEI_NS, XML_NS

TOOL_ID = "tei-tools"
JULIAN_POINTER = "#julian"  # @datingMethod of a date the text gives in the Julian calendar
DIGEST_TYPE = "tei-tools-digest"
DIGEST_PLACEHOLDER = "sha256:" + "0" * 64
LANGUAGES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
             "ru": "Russian", "la": "Latin"}


def E(tag: str, *children, **attrs) -> etree._Element:
    """A TEI element; string children become text, attrs with None values are skipped."""
    element = etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS})
    for name, value in attrs.items():
        if value is not None:
            element.set(_attribute_name(name), str(value))
    for child in children:
        if isinstance(child, str):
            _append_text(element, child)
        elif child is not None:
            element.append(child)
    return element


def _attribute_name(name: str) -> str:
    if name.startswith("xml_"):
        return f"{{{XML_NS}}}{name[4:]}"
    return name.rstrip("_")  # from_ -> from


def _append_text(element: etree._Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text
