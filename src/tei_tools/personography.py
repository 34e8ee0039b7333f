"""The personography: a TEI file whose body holds one listPerson (docs/edition-format.md).

`Personography` reads one through the safe parser, indexes every person's name forms so the
person recogniser can link a mention to an xml:id, adds entries for people it did not know
(`resp="#tei-tools"`, `cert="low"`, for an editor to review) and writes the file back.

The loaded XML tree is kept as it is: whatever an editor wrote (notes, occupations, comments) is
written back unchanged, and new people are appended at the end of the listPerson in the order
they were met, so the same conversions always give the same bytes.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tei_tools.annotate.names import Lexicon, NameParts, name_key, name_parts, slug
from tei_tools.xml import TEI_NS, XML_NS, parse_bytes, parse_file, tei

XML_ID = f"{{{XML_NS}}}id"
TOOL_ID = "tei-tools"
TOOL_POINTER = f"#{TOOL_ID}"
EMPTY_BODY_TEXT = "No persons yet."
INDENT = "  "

EMPTY_DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:lang="en" xml:id="persons">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Personography</title>
        <respStmt xml:id="{TOOL_ID}"><resp>Automatic entries</resp><name>tei-tools</name></respStmt>
      </titleStmt>
      <publicationStmt>
        <publisher>tei-tools</publisher>
        <availability><p>Compiled automatically from the editions that point to it.</p></availability>
      </publicationStmt>
      <sourceDesc><p>Entries with resp="#tei-tools" and cert="low" were added by tei-tools for names it
        did not know; an editor should review them.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <listPerson/>
    </body>
  </text>
</TEI>
"""

# How a word of a name form can stand for the person when it is used alone.
WORD_ROLES = ("form", "surname", "given", "word")
# relation/@name values that say @active is a parent of @passive, and those that say the reverse.
PARENT_RELATIONS = frozenset({"parent", "father", "mother"})
CHILD_RELATIONS = frozenset({"child", "son", "daughter"})
# person/@sex (TEI: M, F, or ISO 5218 codes 1 and 2) as "m" or "f".
SEXES = {"m": "m", "male": "m", "1": "m", "f": "f", "female": "f", "2": "f"}


@dataclass
class Person:
    """One person of the personography: id, name forms (text, type) in file order, provenance."""

    id: str
    names: list[tuple[str, str | None]] = field(default_factory=list)
    automatic: bool = False  # added by tei-tools, not yet reviewed
    evidence: str = ""  # what tei-tools made the entry from (its note type="evidence")
    sex: str = ""  # "m", "f" or "" (from @sex)

    @property
    def main_name(self) -> str:
        mains = [text for text, kind in self.names if kind == "main"]
        return (mains or [text for text, _ in self.names] or [self.id])[0]


class PersonIndex:
    """The persons and their name forms, indexed for look-up; no XML, so it pickles small.

    The recogniser reads one (`Personography.baseline`, the personography as it was when the
    batch began); the personography keeps its own up to date as people are added.
    """

    def __init__(self, particles: frozenset[str]):
        self._particles = particles
        self._persons: dict[str, Person] = {}
        self._order: dict[str, int] = {}  # person id -> its place in _persons (never removed), for find_containing
        # key -> the persons' ids, in the order they came (a dict as an ordered set: a list's
        # membership test made indexing a corpus's many Smiths quadratic)
        self._by_form: dict[str, dict[str, None]] = {}
        self._by_word: dict[str, dict[str, dict[str, None]]] = {role: {} for role in WORD_ROLES}
        self._listed: dict[str, dict[str, None]] = {}  # one-word forms an editor listed or a text declared an alias
        self._by_form_made: dict[str, dict[str, None]] = {}  # as _by_form, automatic entries with evidence only
        self._children: dict[str, dict[str, None]] = {}  # parent id -> children's ids (listRelation)

    def copy(self) -> "PersonIndex":
        twin = PersonIndex(self._particles)
        twin._persons = {pid: Person(p.id, list(p.names), p.automatic, p.evidence, p.sex)
                         for pid, p in self._persons.items()}
        twin._order = dict(self._order)
        twin._by_form = {key: dict(ids) for key, ids in self._by_form.items()}
        twin._by_word = {role: {key: dict(ids) for key, ids in index.items()} for role, index in self._by_word.items()}
        twin._listed = {key: dict(ids) for key, ids in self._listed.items()}
        twin._by_form_made = {key: dict(ids) for key, ids in self._by_form_made.items()}
        twin._children = {parent: dict(ids) for parent, ids in self._children.items()}
        return twin

    # ------------------------------------------------------------ looking people up

    def __len__(self) -> int:
        return len(self._persons)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self._persons

    def ids(self) -> list[str]:
        return list(self._persons)

    def person(self, person_id: str) -> Person:
        return self._persons[person_id]

    def find(self, name: str) -> list[str]:
        """Ids of the persons one of whose name forms is `name` (case, accents, dots ignored)."""
        return list(self._by_form.get(name_key(name), ()))

    def find_word(self, word: str, role: str) -> list[str]:
        """Ids of the persons with `word` in a name form in that role (see WORD_ROLES)."""
        return list(self._by_word[role].get(name_key(word), ()))

    def find_made_from(self, name: str) -> list[str]:
        """`find`, among the automatic entries whose note says what they were made from."""
        return list(self._by_form_made.get(name_key(name), ()))

    def find_listed_alias(self, word: str) -> list[str]:
        """Ids of the persons for whom `word` alone is a name an editor listed (any one-word form of
        a reviewed entry) or one a text declared their alias (type="alias")."""
        return list(self._listed.get(name_key(word), ()))

    def one_word_forms(self, person_id: str) -> list[str]:
        """The person's names that are a single word: aliases, nicknames, a surname listed alone."""
        return [text for text, _ in self._persons[person_id].names if len(text.split()) == 1]

    def find_containing(self, words: frozenset[str], given: str | None) -> list[str]:
        """Persons one of whose name forms holds all `words` and begins with the same given name.

        So "Lev Bronstein" and "Lev Davidovich" find the person whose form is "Lev Davidovich
        Bronstein", while "David Bronstein" does not.
        """
        if not words:
            return []
        # the persons with the rarest word first, then those of them with every other word: a
        # set of everyone with a common word per look-up grew with the corpus
        pools = sorted((self._pools_of(word) for word in words), key=lambda pools: sum(map(len, pools)))
        common = {pid for pool in pools[0] for pid in pool
                  if all(any(pid in pool for pool in others) for others in pools[1:])}
        found = []
        for person_id in sorted(common, key=self._order.__getitem__):
            for text, _ in self._persons[person_id].names:
                parts = name_parts(text, self._particles)
                if words <= parts.word_set() and (given is None or parts.given == given):
                    found.append(person_id)
                    break
        return found

    def children(self, person_id: str) -> list[str]:
        """The persons the personography's relations make children of `person_id`."""
        return list(self._children.get(person_id, ()))

    def _pools_of(self, word: str) -> list[dict[str, None]]:
        """The persons with `word` in a name form, one pool per role that has any."""
        return [pool for role in WORD_ROLES if (pool := self._by_word[role].get(word))]

    # ------------------------------------------------------------ keeping it up to date

    def add_child(self, parent_id: str, child_id: str) -> None:
        _add_unique(self._children, parent_id, child_id)

    def add_person(self, person: Person) -> None:
        self._persons[person.id] = person
        self._order.setdefault(person.id, len(self._order))
        for text, kind in person.names:
            self._index_name(person, text, kind)

    def add_name(self, person_id: str, name: str, kind: str) -> None:
        """Record a name form (for a person this index may not hold yet: a batch's additions)."""
        person = self._persons.get(person_id)
        if person is None:
            person = self._persons[person_id] = Person(person_id, [], True)
            self._order[person_id] = len(self._order)
        if name_key(name) not in {name_key(t) for t, _ in person.names}:
            person.names.append((name, kind))
            self._index_name(person, name, kind)

    def _index_name(self, person: Person, text: str, kind: str | None) -> None:
        person_id, key = person.id, name_key(text)
        _add_unique(self._by_form, key, person_id)
        if person.automatic and person.evidence:
            _add_unique(self._by_form_made, key, person_id)
        parts: NameParts = name_parts(text, self._particles)
        if len(parts.words) == 1:
            _add_unique(self._by_word["form"], parts.words[0], person_id)
            if not person.automatic or (kind == "alias" and key == parts.words[0]):
                _add_unique(self._listed, parts.words[0], person_id)
            return
        for word in parts.word_set():
            role = "surname" if word in _surname_halves(parts) else "given" if word == parts.given else "word"
            if len(word) > 1 and word not in self._particles:
                _add_unique(self._by_word[role], word, person_id)


class Personography:
    """Persons with their name forms, backed by a TEI document.

    Three indexes: `index`, everyone now; `baseline`, everyone as the file was loaded (what the
    recogniser of each document of a batch consults, so that documents can be recognised in any
    order or in parallel); `added`, the people and name forms added since (what the batch's
    reconciliation matches a document's new people against).
    """

    def __init__(self, tree: etree._ElementTree):
        self._tree = tree
        self._particles = Lexicon.default().particles
        self.index = PersonIndex(self._particles)
        self._list = self._find_or_make_list()
        self._taken_ids = set(tree.getroot().xpath("//@xml:id"))
        self._next_number: dict[str, int] = {}  # see _free_id
        self._elements: dict[str, etree._Element] | None = None  # person id -> element (see _person_element)
        for element in self._list.iter(tei("person")):
            self._read_person(element)
        for element in self._list.iter(tei("relation")):
            self._read_relation(element)
        self.baseline = self.index.copy()
        self.added = PersonIndex(self._particles)

    # ------------------------------------------------------------ reading and writing

    @classmethod
    def load(cls, path: str | Path) -> "Personography":
        """Read a personography file (any TEI document with a listPerson, or none yet)."""
        return cls(parse_file(path))

    @classmethod
    def from_bytes(cls, data: bytes, path: str = "<bytes>") -> "Personography":
        return cls(parse_bytes(data, path))

    @classmethod
    def empty(cls) -> "Personography":
        return cls.from_bytes(EMPTY_DOCUMENT.encode("utf-8"), "<empty personography>")

    def to_bytes(self) -> bytes:
        """The document as UTF-8 bytes: the same persons always give the same bytes."""
        tree = self._tree
        if len(self._list) == 0:  # TEI wants at least one person in a listPerson
            tree = copy.deepcopy(tree)
            placeholder = next(tree.getroot().iter(tei("listPerson")))
            paragraph = etree.Element(tei("p"))
            paragraph.text, paragraph.tail = EMPTY_BODY_TEXT, placeholder.tail
            placeholder.getparent().replace(placeholder, paragraph)
        root = tree.getroot()
        parts = [b'<?xml version="1.0" encoding="UTF-8"?>']
        if tree.docinfo.doctype:
            parts.append(tree.docinfo.doctype.encode("utf-8"))
        parts += [etree.tostring(node, encoding="UTF-8", with_tail=False)
                  for node in reversed(list(root.itersiblings(preceding=True)))]
        parts.append(etree.tostring(root, encoding="UTF-8", with_tail=False))
        parts += [etree.tostring(node, encoding="UTF-8", with_tail=False) for node in root.itersiblings()]
        return b"\n".join(parts) + b"\n"

    def save(self, path: str | Path) -> None:
        """Write the personography to `path` atomically: readers see the old file or the new one."""
        from tei_tools.atomic import write_atomically

        write_atomically(Path(path), self.to_bytes())

    # ------------------------------------------------------------ looking people up (everyone now)

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, person_id: object) -> bool:
        return person_id in self.index

    def ids(self) -> list[str]:
        return self.index.ids()

    def person(self, person_id: str) -> Person:
        return self.index.person(person_id)

    def find(self, name: str) -> list[str]:
        return self.index.find(name)

    def find_word(self, word: str, role: str) -> list[str]:
        return self.index.find_word(word, role)

    def one_word_forms(self, person_id: str) -> list[str]:
        return self.index.one_word_forms(person_id)

    def find_containing(self, words: frozenset[str], given: str | None) -> list[str]:
        return self.index.find_containing(words, given)

    # ------------------------------------------------------------ adding people

    def add(self, name: str, variants: tuple[str, ...] = (), note: str | None = None, *,
            found: bool = False) -> str:
        """Add a person found by tei-tools (resp="#tei-tools", cert="low"); return the new id.

        `note` says what the entry was made from (the first mention and its document). With
        `found` the person was found by a batch's reconciliation: the batch's later documents
        meet them through `added`, not `baseline`; otherwise the entry is part of what the next
        documents start from, as if it had been in the file."""
        person_id = self._free_id(slug(name))
        element = etree.Element(tei("person"), {XML_ID: person_id, "resp": TOOL_POINTER, "cert": "low"})
        for text, kind in [(name, "main"), *[(v, "variant") for v in variants if name_key(v) != name_key(name)]]:
            etree.SubElement(element, tei("persName"), type=kind).text = text
        if note:
            etree.SubElement(element, tei("note"), type="evidence").text = note
        self._ensure_tool_resp()
        self._append_person(element)
        person = self._read_person(element)
        for text, kind in person.names:
            (self.added if found else self.baseline).add_name(person_id, text, kind or "variant")
        return person_id

    def add_name(self, person_id: str, name: str, kind: str = "variant", *, found: bool = False) -> bool:
        """Record another form of an automatic entry's name; reviewed entries are left alone.
        `found` as for `add`."""
        person = self.index.person(person_id)
        if not person.automatic or name_key(name) in {name_key(t) for t, _ in person.names}:
            return False
        element = self._person_element(person_id)
        name_element = etree.Element(tei("persName"), type=kind)
        name_element.text = name
        last_name = [child for child in element if child.tag == tei("persName")][-1]
        last_name.addnext(name_element)
        name_element.tail = last_name.tail
        last_name.tail = "\n" + INDENT * (len(list(element.iterancestors())) + 1)
        self.index.add_name(person_id, name, kind)
        target = self.added if found else self.baseline
        if person_id not in target:  # an index holds all of a person's names
            for text, known_kind in person.names[:-1]:
                target.add_name(person_id, text, known_kind or "variant")
        target.add_name(person_id, name, kind)
        return True

    def _person_element(self, person_id: str) -> etree._Element:
        """The first person element with that id, from an index of the list made on first use
        (a scan per look-up made adding names to a large personography quadratic)."""
        if self._elements is None:
            self._elements = {}
            for element in self._list.iter(tei("person")):
                self._elements.setdefault(element.get(XML_ID), element)
        return self._elements[person_id]

    def _append_person(self, element: etree._Element) -> None:
        """After the last person, before the relations that close the list (if any)."""
        if self._elements is not None:
            self._elements.setdefault(element.get(XML_ID), element)
        trailing = None
        for child in reversed(self._list):
            if child.tag not in (tei("listRelation"), tei("relation")):
                break
            trailing = child
        if trailing is None:
            _append_indented(self._list, element)
            return
        previous = trailing.getprevious()
        element.tail = previous.tail if previous is not None else self._list.text
        trailing.addprevious(element)
        etree.indent(element, space=INDENT, level=len(list(self._list.iterancestors())) + 1)

    def _free_id(self, wanted: str) -> str:
        # numbered on from the last number this name took (ids are never freed here): counting
        # from 2 each time made the thousandth John Smith of a corpus cost a thousand tries
        n = self._next_number.get(wanted, 2)
        candidate = wanted if n == 2 else f"{wanted}-{n - 1}"
        while candidate in self._taken_ids:
            candidate, n = f"{wanted}-{n}", n + 1
        self._taken_ids.add(candidate)
        self._next_number[wanted] = n
        return candidate

    def _ensure_tool_resp(self) -> None:
        """New entries point at #tei-tools, so the header must hold that respStmt."""
        root = self._tree.getroot()
        if TOOL_ID in self._taken_ids:
            return
        self._taken_ids.add(TOOL_ID)
        title_stmt = next(root.iter(tei("titleStmt")), None)
        if title_stmt is None:
            return
        resp_stmt = etree.Element(tei("respStmt"), {XML_ID: TOOL_ID})
        etree.SubElement(resp_stmt, tei("resp")).text = "Automatic entries"
        etree.SubElement(resp_stmt, tei("name")).text = "tei-tools"
        _append_indented(title_stmt, resp_stmt)

    # ------------------------------------------------------------ the XML

    def _find_or_make_list(self) -> etree._Element:
        root = self._tree.getroot()
        found = next(root.iter(tei("listPerson")), None)
        if found is not None:
            return found
        body = next(root.iter(tei("body")), None)
        if body is None:
            raise ValueError("not a personography: no TEI <body> to hold a listPerson")
        for paragraph in body.findall(tei("p")):  # the placeholder of an empty personography
            if (paragraph.text or "").strip() == EMPTY_BODY_TEXT:
                body.remove(paragraph)
        listing = etree.Element(tei("listPerson"))
        _append_indented(body, listing)
        return listing

    def _read_person(self, element: etree._Element) -> Person | None:
        person_id = element.get(XML_ID)
        if not person_id:
            return None
        names = [("".join(n.itertext()).strip(), n.get("type")) for n in element.findall(tei("persName"))]
        evidence = " ".join("".join(n.itertext()) for n in element.findall(tei("note")) if n.get("type") == "evidence")
        person = Person(person_id, [(t, k) for t, k in names if t], element.get("resp") == TOOL_POINTER, evidence,
                        SEXES.get((element.get("sex") or "").split(" ")[0].lower(), ""))
        self.index.add_person(person)
        return person

    def _read_relation(self, element: etree._Element) -> None:
        """A parent relation (name="parent": @active the parents, @passive the children; or
        name="child" the other way round) between persons of the file."""
        name = (element.get("name") or "").lower()
        active, passive = _local_ids(element.get("active")), _local_ids(element.get("passive"))
        if name in CHILD_RELATIONS:
            active, passive = passive, active
        elif name not in PARENT_RELATIONS:
            return
        for parent in active:
            for child in passive:
                if parent in self.index and child in self.index:
                    self.index.add_child(parent, child)


def _local_ids(pointers: str | None) -> list[str]:
    """The ids of "#a #b" (pointers into this file)."""
    return [p[1:] for p in (pointers or "").split() if p.startswith("#") and len(p) > 1]


def _surname_halves(parts: NameParts) -> set[str]:
    if not parts.surname:
        return set()
    return {parts.surname, *(half for half in parts.surname.split("-") if half)}


def _add_unique(index: dict[str, dict[str, None]], key: str, person_id: str) -> None:
    index.setdefault(key, {})[person_id] = None  # kept where it first came


def _append_indented(parent: etree._Element, child: etree._Element) -> None:
    """Append `child` to `parent`, indented like a pretty-printed file two spaces a level."""
    depth = len(list(parent.iterancestors()))
    inner, outer = "\n" + INDENT * (depth + 1), "\n" + INDENT * depth
    last = next(parent.iterchildren(reversed=True), None)  # len(parent) counts every child: slow in a long list
    if last is not None:
        last.tail = inner
    else:
        parent.text = inner
    parent.append(child)
    child.tail = outer
    if len(child) and not (child.text or "").strip():
        etree.indent(child, space=INDENT, level=depth + 1)
