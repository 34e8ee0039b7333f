"""What "every word of the TEI text, in order" means for the HTML and the plain-text outputs.

The tests use these helpers, and so can anyone checking a hand-edited edition.
"""
from __future__ import annotations

import re
import unicodedata

from lxml import etree

from tei_tools.render.tree import prepare_tree
from tei_tools.xml import TEI_NS

_WORD = re.compile(r"[^\W_]+")


def word_characters(text: str) -> str:
    """Letters and digits only, NFC: what the fidelity check compares."""
    return "".join(_WORD.findall(unicodedata.normalize("NFC", text)))


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def reading_units(root: etree._Element) -> list[etree._Element]:
    """Mirrors f:reading-units: each TEI of a teiCorpus, else the root itself."""
    if root.tag == _tei("teiCorpus"):
        return list(root.iter(_tei("TEI")))
    return [root]


def reading_roots(unit: etree._Element) -> list[etree._Element]:
    """Mirrors f:reading-roots: a TEI's <text> children, else all but the header."""
    if unit.tag != _tei("TEI"):
        return [unit]
    texts = unit.findall(_tei("text"))
    return texts or [child for child in unit if isinstance(child.tag, str) and child.tag != _tei("teiHeader")]


def reading_words(tree: etree._ElementTree) -> list[str]:
    """The words of the TEI text in reading order, as the stylesheets are to give them.

    Each document (each member of a teiCorpus) contributes its text with its notes taken out,
    then the words of those notes in order: notes become footnotes (HTML) or endnotes (text)
    at the end of their document. A note inside a note stays inside it. The teiHeader does not
    count (the pages show it, but as metadata, outside the reading text).
    """
    tree = prepare_tree(tree)
    found: list[str] = []
    for unit in reading_units(tree.getroot()):
        notes: list[etree._Element] = []
        main: list[str] = []
        for reading_root in reading_roots(unit):
            _collect(reading_root, main, notes)
        found += words(" ".join(main))
        for note in notes:
            found += words(" ".join(_note_text(note)))
    return found


# Mirrors f:division-names: a note standing directly in one of these with place="end" is an
# endnote the text collects itself (f:is-endnote), and stays in place.
DIVISION_NAMES = frozenset((
    "TEI", "text", "group", "front", "body", "back", "floatingText", "div", "div1", "div2", "div3", "div4",
    "div5", "div6", "div7", "sp", "spGrp", "lg", "cit", "listBibl", "figure", "argument", "epigraph",
    "titlePage", "castList", "opener", "closer", "postscript", "sourceDoc", "surface", "zone"))


def is_endnote(note: etree._Element) -> bool:
    parent = note.getparent()
    return (note.get("place") == "end" and parent is not None
            and parent.tag.startswith(f"{{{TEI_NS}}}") and etree.QName(parent).localname in DIVISION_NAMES)


def _collect(element: etree._Element, out: list[str], notes: list[etree._Element]) -> None:
    """Text of `element` in order, with the outermost notes set aside into `notes`."""
    if element.tag == _tei("note") and not is_endnote(element):
        notes.append(element)
        return
    if element.tag == _tei("teiHeader") or not isinstance(element.tag, str):
        return
    out.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _collect(child, out, notes)
        out.append(child.tail or "")


def _note_text(note: etree._Element) -> list[str]:
    parts = [note.text or ""]
    for child in note:
        if isinstance(child.tag, str) and child.tag != _tei("teiHeader"):
            parts += _note_text(child)
        parts.append(child.tail or "")
    return parts


GENERATED_CLASS = "gen"


def html_reading_words(html: str) -> list[str]:
    """The words of a page's reading text: everything inside div.tt-reading except elements of
    class "gen" (note numbers, back links, labels the stylesheet adds itself)."""
    from lxml import html as lxml_html

    document = lxml_html.document_fromstring(html)
    parts: list[str] = []
    for reading in document.xpath('//div[contains(concat(" ", @class, " "), " tt-reading ")]'):
        _html_text(reading, parts)
    return words(" ".join(parts))


def _html_text(element, parts: list[str]) -> None:
    classes = (element.get("class") or "").split()
    if GENERATED_CLASS not in classes:
        parts.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                _html_text(child, parts)
            parts.append(child.tail or "")


# The text stylesheet wraps what it adds itself between these two characters when its
# parameters generated-start/generated-end are set to them (see xslt/text/edition.xsl).
GENERATED_START, GENERATED_END = "\ue000", "\ue001"
_GENERATED_SPAN = re.compile(f"{GENERATED_START}[^{GENERATED_END}]*{GENERATED_END}")


def text_reading_words(marked_text: str) -> list[str]:
    """The words of a plain-text version rendered with generated-start/-end marks, without
    the generated parts (title block, note numbers, the Notes heading)."""
    return words(_GENERATED_SPAN.sub(" ", marked_text))


def strip_generated_marks(marked_text: str) -> str:
    return marked_text.replace(GENERATED_START, "").replace(GENERATED_END, "")
