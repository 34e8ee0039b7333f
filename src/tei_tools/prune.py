"""Removing the personography's automatic entries that no edition cites any more.

Why: `convert` adds a person (resp="#tei-tools") for each new name it cannot match; when a
source is corrected and converted again, or an edition is deleted, the entries only it cited
stay behind and the register lists people no text names. Pruning removes them, and only them:

- only automatic entries (`person/@resp` names the tool): an entry an editor wrote, or took over
  by removing the tool's @resp, always stays;
- an entry any edition points at stays: every attribute token "FILE#ID" whose FILE is the
  personography's name ("persons.xml#trotsky", "../editions/persons.xml#trotsky") cites ID;
- an entry a relation of the personography names stays (the family ties are its own knowledge);
- if an edition cannot be read, nothing is removed: what it cites is unknown.

The personography is rewritten atomically under its lock, as `convert` writes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from tei_tools.xml import TEI_NS, XMLInputError, parse_file

TOOL_POINTER = "#tei-tools"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class PruneError(Exception):
    """The personography cannot be pruned safely (an edition or the personography unreadable)."""


@dataclass
class PruneReport:
    personography: Path
    editions: int  # how many editions were read for their citations
    cited: int  # distinct persons of the personography they cite
    removed: list[str] = field(default_factory=list)  # ids of the automatic entries removed
    kept_for_relations: list[str] = field(default_factory=list)  # uncited, but a relation names them
    written: bool = False  # False on a dry run or when nothing was removed

    def summary(self) -> str:
        verb = "removed" if self.written or not self.removed else "would remove"
        kept = f"; {len(self.kept_for_relations)} uncited kept (a relation names them)" if self.kept_for_relations else ""
        return (f"prune: {self.editions} edition(s) cite {self.cited} person(s); {verb} {len(self.removed)} "
                f"automatic entr{'y' if len(self.removed) == 1 else 'ies'} from {self.personography}{kept}")

    def as_json(self) -> dict:
        return {"personography": str(self.personography), "editions": self.editions, "cited": self.cited,
                "removed": self.removed, "kept_for_relations": self.kept_for_relations, "written": self.written}


def cited_ids(editions: Iterable[Path], personography_name: str) -> tuple[set[str], int]:
    """The ids the editions cite in a file named `personography_name`, and how many were read."""
    cited: set[str] = set()
    count = 0
    for path in editions:
        try:
            tree = parse_file(path)
        except (XMLInputError, OSError) as error:
            raise PruneError(f"{path}: cannot be read, so what it cites is unknown; nothing was removed "
                             f"({str(error).splitlines()[0] if str(error) else type(error).__name__})") from None
        count += 1
        for element in tree.iter():
            for value in element.attrib.values():
                for token in value.split():
                    file, hash_, fragment = token.partition("#")
                    if hash_ and fragment and file and Path(file).name == personography_name:
                        cited.add(fragment)
    return cited, count


def prune_personography(personography: Path, editions: Iterable[Path], *, dry_run: bool = False) -> PruneReport:
    """Remove the automatic entries of `personography` that none of `editions` cites."""
    from tei_tools.locking import held
    from tei_tools.personography import Personography

    personography = Path(personography)
    editions = [p for p in editions if Path(p).resolve() != personography.resolve()]
    with held(personography):
        try:
            tree = parse_file(personography)
        except (XMLInputError, OSError) as error:
            raise PruneError(f"{personography}: not a readable personography: "
                             f"{str(error).splitlines()[0] if str(error) else type(error).__name__}") from None
        cited, count = cited_ids(editions, personography.name)
        persons = {p.get(_XML_ID): p for p in tree.getroot().iter(f"{{{TEI_NS}}}person") if p.get(_XML_ID)}
        in_relations = _named_in_relations(tree)
        report = PruneReport(personography, count, len(cited & set(persons)))
        for person_id, element in persons.items():
            if person_id in cited or TOOL_POINTER not in (element.get("resp") or "").split():
                continue
            if person_id in in_relations:
                report.kept_for_relations.append(person_id)
                continue
            report.removed.append(person_id)
            if not dry_run:
                _remove_keeping_layout(element)
        if report.removed and not dry_run:
            Personography(tree).save(personography)
            report.written = True
    return report


def _named_in_relations(tree: etree._ElementTree) -> set[str]:
    from tei_tools.personography import _local_ids

    return {person_id for relation in tree.getroot().iter(f"{{{TEI_NS}}}relation")
            for attribute in ("active", "passive", "mutual") for person_id in _local_ids(relation.get(attribute))}


def _remove_keeping_layout(element: etree._Element) -> None:
    """Remove an element and the whitespace before it, so the indentation stays as it was."""
    parent = element.getparent()
    previous = element.getprevious()
    if element.getnext() is None:  # the last child: its tail indents the parent's end tag
        if previous is not None:
            previous.tail = element.tail
        else:
            parent.text = element.tail
    parent.remove(element)
