"""Making a safely parsed tree self-contained before Saxon reads it."""
from __future__ import annotations

from lxml import etree


def prepare_tree(tree: etree._ElementTree) -> etree._ElementTree:
    """Make a safely parsed tree self-contained for Saxon: entity references (kept unexpanded
    by the safe parser) become their internal definition's text, or stay visible as &name;."""
    root = tree.getroot()
    entities = list(root.iter(etree.Entity))
    if not entities:
        return tree
    definitions = {}
    if tree.docinfo.internalDTD is not None:
        definitions = {e.name: e.content for e in tree.docinfo.internalDTD.iterentities()
                       if e.content is not None and not getattr(e, "system_url", None)}
    for entity in entities:
        _replace_with_text(entity, definitions.get(entity.name, entity.text))
    return tree


def _replace_with_text(node: etree._Element, text: str) -> None:
    parent = node.getparent()
    previous = node.getprevious()
    tail = node.tail or ""
    if previous is not None:
        previous.tail = (previous.tail or "") + text + tail
    else:
        parent.text = (parent.text or "") + text + tail
    parent.remove(node)
