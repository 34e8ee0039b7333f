"""schema/: the RELAX NG customisation is a strict subset of TEI P5, kept in sync with its source,
and its Schematron rules are documented; libxml2 and jing agree on the project grammar."""
from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, SHARED, needs_shared
from tei_tools.resources import schema_dir
from tei_tools.validate import Validator, is_valid, jing_command

SCHEMA = REPO / "schema"
RNG = SCHEMA / "tei-tools.rng"
RNC = SCHEMA / "tei-tools.rnc"
SCH = SCHEMA / "tei-tools.sch"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TEI_NS = "http://www.tei-c.org/ns/1.0"
needs_jing = pytest.mark.skipif(jing_command() is None, reason="jing is not installed (apt-get install jing)")


def test_the_schema_files_ship_where_the_validator_looks():
    assert {p.name for p in schema_dir().iterdir()} >= {"tei-tools.rnc", "tei-tools.rng", "tei-tools.sch", "README.md"}


@pytest.mark.skipif(shutil.which("trang") is None, reason="trang is not installed (apt-get install trang)")
def test_the_committed_rng_is_generated_from_the_rnc(tmp_path):
    generated = tmp_path / "tei-tools.rng"
    subprocess.run(["trang", str(RNC), str(generated)], check=True)
    assert generated.read_text(encoding="utf-8") == RNG.read_text(encoding="utf-8"), \
        "schema/tei-tools.rng is stale: run  trang schema/tei-tools.rnc schema/tei-tools.rng"


def test_each_element_is_defined_once():
    """One definition per element name: then 'subset of tei_all' holds element by element."""
    names = [e.get("name") for e in etree.parse(str(RNG)).iter(f"{{{RNG_NS}}}element")]
    assert len(names) == len(set(names))


def _rng_kids(node) -> list:
    return [k for k in node if isinstance(k.tag, str) and k.tag.startswith(f"{{{RNG_NS}}}")]


def _attribute_paths(grammar: etree._ElementTree) -> list[tuple[str, str, bool]]:
    """(element, attribute, whether an interleave encloses it) for every attribute pattern that
    each element's own pattern reaches, through refs but not into child elements."""
    defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG_NS}}}define")}
    found = []

    def walk(node, element: str, interleaved: bool, seen: frozenset) -> None:
        for kid in _rng_kids(node):
            kind = etree.QName(kid).localname
            if kind == "attribute":
                found.append((element, kid.get("name"), interleaved))
            elif kind == "ref" and kid.get("name") not in seen:
                walk(defines[kid.get("name")], element, interleaved, seen | {kid.get("name")})
            elif kind != "element":
                walk(kid, element, interleaved or kind == "interleave", seen)

    for element in grammar.iter(f"{{{RNG_NS}}}element"):
        walk(element, element.get("name"), False, frozenset())
    return found


def test_every_attribute_is_in_an_interleave():
    """libxml2 (the lxml engine) keeps two states for each optional attribute of a ',' sequence that
    is present (one that took it, one that skipped it): 2^k states, compared pairwise, for an element
    with k of them (14 attributes on a date took seconds, 18 minutes). In an interleave it keeps one."""
    paths = _attribute_paths(etree.parse(str(RNG)))
    assert len(paths) > 100  # the walk finds the attributes
    assert sorted({f"{element}/@{name}" for element, name, interleaved in paths if not interleaved}) == []


def test_the_grammar_interleaves_attributes_only():
    """Attributes have no order, so for them '&' and ',' are the same pattern: the interleaves
    change no verdict as long as they hold nothing but attributes."""
    grammar = etree.parse(str(RNG))
    defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG_NS}}}define")}

    def contents(node, seen: frozenset) -> set[str]:
        kinds = set()
        for kid in _rng_kids(node):
            kind = etree.QName(kid).localname
            if kind == "ref" and kid.get("name") not in seen:
                kinds |= contents(defines[kid.get("name")], seen | {kid.get("name")})
            elif kind in ("attribute", "element", "text", "data", "value", "list", "mixed"):
                kinds.add(kind)
            elif kind != "ref":
                kinds |= contents(kid, seen)
        return kinds

    interleaves = list(grammar.iter(f"{{{RNG_NS}}}interleave"))
    assert len(interleaves) > 50
    assert {kind for i in interleaves for kind in contents(i, frozenset())} == {"attribute"}


@pytest.mark.parametrize("element, attribute, value", [
    ("p", "cert", "very"), ("date", "when", "1917-13"), ("language", "ident", "0.5"), ("application", "version", "x y")])
def test_a_bad_attribute_in_an_interleave_is_reported_in_jings_words(tmp_path, element, attribute, value):
    """libxml2 says "Invalid sequence in interleave" beside (or instead of) a bad attribute's message."""
    edition = REPO / "tests" / "data" / "valid" / "biography.xml"
    tree = etree.parse(str(edition))
    next(tree.getroot().iter(f"{{{TEI_NS}}}{element}")).set(attribute, value)
    path = tmp_path / edition.name
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    messages = [m.message for m in Validator(RNG, engine="lxml").validate_files([path])]
    assert messages and not [m for m in messages if "interleave" in m]
    # libxml2 names no attribute for a pattern facet (application/@version): its pattern is asked
    assert any(f'value of attribute "{attribute}" is invalid: "{value}"' in m for m in messages), messages
    assert not [m for m in messages if "has invalid attributes" in m or "label" in m], messages


def _as_groups(grammar: Path, target: Path) -> Path:
    """The grammar with each interleave a group: the shape it had before (the same language)."""
    tree = etree.parse(str(grammar))
    for interleave in list(tree.iter(f"{{{RNG_NS}}}interleave")):
        interleave.tag = f"{{{RNG_NS}}}group"
    tree.write(str(target), encoding="utf-8", xml_declaration=True)
    return target


# ---------------------------------------------------------------- a strict subset of tei_all


class RandomDocuments:
    """Random documents from a RELAX NG grammar in XML syntax (the shapes trang writes)."""

    VALUES = {
        "token": ["main", "section", "v1", "x-y"], "anyURI": ["#a", "persons.xml#b", "https://example.org/c"],
        "date": ["1917-05-17", "-0044-03-15", "2024-02-29"], "gYearMonth": ["1917-05", "0800-12"],
        "gYear": ["1917", "-0044", "0001"], "dateTime": ["2026-11-23T10:00:00Z"],
        "gMonthDay": ["--05-24", "--02-29"], "gMonth": ["--10"],
        "language": ["en", "fr", "de-AT", "grc"], "Name": ["persName", "p"], "nonNegativeInteger": ["0", "3"],
        "boolean": ["true", "false"], "string": ["s"],
    }

    def __init__(self, grammar: Path, seed: int):
        root = etree.parse(str(grammar)).getroot()
        self.start = root.find(f"{{{RNG_NS}}}start")
        self.namespace = root.get("ns", "")
        self.defines = {d.get("name"): d for d in root.iter(f"{{{RNG_NS}}}define")}
        self.random = random.Random(seed)
        self.ids = itertools.count()
        self.generated: set[str] = set()
        self._cost: dict[str, int] = {}
        self._node_cost: dict = {}
        self._kid_cache: dict = {}

    def document(self, depth: int = 12) -> etree._Element:
        holder = etree.Element("holder")
        self._children(self.start, holder, depth)
        return holder[0]

    def _kids(self, node) -> list:
        if node not in self._kid_cache:
            self._kid_cache[node] = [k for k in node if isinstance(k.tag, str) and k.tag.startswith(f"{{{RNG_NS}}}")]
        return self._kid_cache[node]

    def cost(self, node, seen: frozenset = frozenset()) -> int:
        """How deep the shallowest instance of a pattern is (to end recursion in time)."""
        if seen:
            return self._compute_cost(node, seen)
        if node not in self._node_cost:
            self._node_cost[node] = self._compute_cost(node, seen)
        return self._node_cost[node]

    def _compute_cost(self, node, seen: frozenset) -> int:
        kind = etree.QName(node).localname
        if kind == "ref":
            name = node.get("name")
            if name in seen:
                return 99
            if name not in self._cost:
                self._cost[name] = 99
                self._cost[name] = max([self.cost(k, seen | {name}) for k in self._kids(self.defines[name])] or [0])
            return self._cost[name]
        if kind == "element":
            return 1 + max([self.cost(k, seen) for k in self._kids(node)] or [0])
        if kind in ("optional", "zeroOrMore", "text", "empty", "data", "value", "attribute", "list"):
            return 0
        if kind == "choice":
            return min(self.cost(k, seen) for k in self._kids(node))
        return max([self.cost(k, seen) for k in self._kids(node)] or [0])

    def _children(self, pattern, parent, budget: int) -> None:
        for kid in self._kids(pattern):
            self._generate(kid, parent, budget)

    def _generate(self, node, parent, budget: int) -> None:
        kind = etree.QName(node).localname
        if kind == "ref":
            self._children(self.defines[node.get("name")], parent, budget)
        elif kind == "element":
            self.generated.add(node.get("name"))
            self._children(node, etree.SubElement(parent, f"{{{self.namespace}}}{node.get('name')}"), budget - 1)
        elif kind == "attribute":
            name = node.get("name")
            parent.set(f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name, self._value(node))
            self.generated.add("@" + name)
        elif kind == "optional":
            if self.cost(node) < budget and self.random.random() < 0.6:
                self._children(node, parent, budget)
        elif kind in ("zeroOrMore", "oneOrMore"):
            extra = self.random.choice([0, 0, 1, 2]) if self.cost(node) < budget else 0
            for _ in range((kind == "oneOrMore") + extra):
                self._children(node, parent, budget)
        elif kind == "choice":
            options = [k for k in self._kids(node) if self.cost(k) < budget] or [min(self._kids(node), key=self.cost)]
            self._generate(self.random.choice(options), parent, budget)
        elif kind in ("group", "interleave"):  # the grammar interleaves attributes only: order is moot
            self._children(node, parent, budget)
        elif kind == "text":
            self._text(parent, self.random.choice(["some text", "Anna", " 1917 "]))
        elif kind in ("data", "value", "list"):
            self._text(parent, self._value_of(node))

    @staticmethod
    def _text(parent, text: str) -> None:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def _value(self, attribute) -> str:
        kids = self._kids(attribute)
        return self._value_of(kids[0]) if kids else "text"

    def _value_of(self, node) -> str:
        kind = etree.QName(node).localname
        if kind == "ref":
            return self._value_of(self._kids(self.defines[node.get("name")])[0])
        if kind == "value":
            return node.text or ""
        if kind == "choice":
            return self._value_of(self.random.choice(self._kids(node)))
        if kind == "list":
            return " ".join(self._value_of(self._kids(node)[0]) for _ in range(self.random.choice([1, 2])))
        if kind in ("oneOrMore", "zeroOrMore", "group"):
            return self._value_of(self._kids(node)[0])
        datatype = node.get("type")
        if datatype in ("ID", "NCName"):
            return f"id{next(self.ids)}"
        pattern = node.findtext(f"{{{RNG_NS}}}param") or ""
        if datatype == "token" and "\\d" in pattern:
            return "0.1.0"
        return self.random.choice(self.VALUES[datatype])


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> tuple[list[Path], set[str], set[str]]:
    """At least 200 random documents, and as many more as it takes to use every element and
    attribute of the grammar (deterministic): (files, what was generated, what the grammar has)."""
    folder = tmp_path_factory.mktemp("samples")
    grammar = etree.parse(str(RNG))
    wanted = {e.get("name") for e in grammar.iter(f"{{{RNG_NS}}}element")} | \
             {"@" + a.get("name") for a in grammar.iter(f"{{{RNG_NS}}}attribute")}
    validator = etree.RelaxNG(grammar)
    documents = RandomDocuments(RNG, seed=7)
    paths = []
    for number in range(600):
        if number >= 200 and wanted <= documents.generated:
            break
        document = documents.document(depth=11)
        assert validator.validate(document), (number, validator.error_log.last_error)  # the sampler is right
        path = folder / f"sample{number:04}.xml"
        etree.ElementTree(document).write(str(path), encoding="utf-8", xml_declaration=True)
        paths.append(path)
    return paths, documents.generated, wanted


def test_random_documents_exercise_every_element_and_attribute(samples):
    _, generated, wanted = samples
    assert sorted(wanted - generated) == []


@needs_shared
@pytest.mark.slow
def test_what_the_project_schema_accepts_tei_all_accepts(samples):
    """Random documents valid against tei-tools.rng are all valid against tei_all."""
    paths, _, _ = samples
    messages = Validator("tei-all", tei_all=TEI_ALL).validate_files(paths)
    assert [str(m) for m in messages[:5]] == []


# ---------------------------------------------------------------- lxml and jing agree


def _mutants(folder: Path, count: int, seed: int, sources: list[Path] | None = None) -> list[Path]:
    """Valid documents (by default the test editions) with one or two random edits (delete,
    insert, rename, move, attributes)."""
    sources = sources or sorted((REPO / "tests" / "data" / "valid").glob("*.xml"))
    generator = random.Random(seed)
    paths = []
    for number in range(count):
        tree = etree.parse(str(generator.choice(sources)))
        for _ in range(generator.choice([1, 1, 2])):
            _mutate(tree, generator)
        path = folder / f"mutant{number:04}.xml"
        tree.write(str(path), encoding="utf-8", xml_declaration=True)
        paths.append(path)
    return paths


def _mutate(tree, generator: random.Random) -> None:
    elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)][1:]
    element = generator.choice(elements)
    names = ["p", "bold", "persName", "div", "head", "note", "quote", "list", "item", "date", "seg", "title"]
    kind = generator.choice(["delete", "insert", "rename", "attribute", "value", "move"])
    if kind == "delete":
        element.getparent().remove(element)
    elif kind == "insert":
        new = etree.Element(f"{{{TEI_NS}}}{generator.choice(names)}")
        new.text = "x"
        element.insert(generator.randrange(len(element) + 1), new)
    elif kind == "rename":
        element.tag = f"{{{TEI_NS}}}{generator.choice(names)}"
    elif kind == "attribute":
        element.set(generator.choice(["type", "when", "ref", "foo", "rend", "n", "from", "level", "cert", "unit"]),
                    generator.choice(["x", "1917", "a b", "#x", "high", ""]))
    elif kind == "value" and element.attrib:
        element.set(generator.choice(sorted(element.attrib)),
                    generator.choice(["", "1917-13", "a b", "very", "#x y", "0.5", "m", "1917-02-29"]))
    elif kind == "move":
        target = generator.choice(elements)
        if target is not element and element not in target.iterancestors():
            target.append(element)


@needs_jing
@pytest.mark.slow
def test_interleaved_attributes_change_no_verdict(samples, tmp_path):
    """jing gives the same verdicts with the grammar and with its interleaves made groups, on
    random documents, mutants of them (attributes added, dropped, given bad values) and the test
    editions; and lxml agrees, in the time of a test (with groups, some of these took minutes)."""
    paths, _, _ = samples
    sources = paths[:60] + sorted((REPO / "tests" / "data" / "valid").glob("*.xml"))
    generator = random.Random(5)
    checked = list(sources)
    for number in range(140):
        tree = etree.parse(str(generator.choice(sources)))
        for _ in range(generator.choice([1, 2])):
            _mutate(tree, generator)
        checked.append(tmp_path / f"mutant{number:04}.xml")
        tree.write(str(checked[-1]), encoding="utf-8", xml_declaration=True)
    verdicts = {}
    for label, grammar, engine in (("groups", _as_groups(RNG, tmp_path / "groups.rng"), "jing"),
                                   ("jing", RNG, "jing"), ("lxml", RNG, "lxml")):
        invalid = {m.path for m in Validator(grammar, engine=engine).validate_files(checked) if m.severity == "error"}
        verdicts[label] = [str(p) not in invalid for p in checked]
    assert verdicts["groups"] == verdicts["jing"] == verdicts["lxml"]
    assert 0.2 < verdicts["jing"].count(False) / len(checked) < 0.8  # valid and invalid files both


@needs_jing
def test_lxml_and_jing_give_the_same_verdicts_on_the_project_grammar(tmp_path):
    paths = _mutants(tmp_path, 400, seed=11)
    verdicts = {}
    for engine in ("lxml", "jing"):
        messages = Validator(RNG, engine=engine).validate_files(paths)
        invalid = {m.path for m in messages if m.severity == "error"}
        verdicts[engine] = [str(p) not in invalid for p in paths]
    assert verdicts["lxml"] == verdicts["jing"]
    assert 0.3 < verdicts["jing"].count(False) / len(paths) < 0.95  # the mutants test something


# ---------------------------------------------------------------- the Schematron


def _asserts() -> list[etree._Element]:
    schematron = etree.parse(str(SCH))
    return list(schematron.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"))


def test_every_schematron_rule_has_an_id_and_a_message():
    ids = [a.get("id") for a in _asserts()]
    assert all(ids) and len(ids) == len(set(ids))
    for check in _asserts():
        assert len("".join(check.itertext()).split()) >= 5, check.get("id")


def test_every_schematron_rule_is_explained_in_the_readme():
    readme = (SCHEMA / "README.md").read_text(encoding="utf-8")
    assert [a.get("id") for a in _asserts() if f"`{a.get('id')}`" not in readme] == []


def test_the_editions_point_at_both_schemas():
    for edition in (REPO / "tests" / "data" / "valid").glob("*.xml"):
        models = re.findall(rb'<\?xml-model href="([^"]+)"', edition.read_bytes())
        assert [(edition.parent / m.decode()).resolve() for m in models] == [RNG.resolve(), SCH.resolve()]


def test_the_test_editions_are_valid_against_the_project_schema():
    assert is_valid(Validator("project").validate_files(sorted((REPO / "tests" / "data" / "valid").glob("*.xml"))))


@pytest.mark.parametrize("attribute, good, bad", [("version", "2.1b3", "x y"), ("ident", "tei-tools", "a b")])
def test_the_grammar_index_asks_an_attributes_own_pattern_of_a_value(attribute, good, bad):
    """What the lxml engine uses to name the attribute libxml2 does not: the pattern alone, with its defines."""
    from tei_tools.validate.grammar_index import GrammarIndex

    index = GrammarIndex(etree.parse(str(RNG)))
    pattern = index.attributes("application")[attribute]
    assert index.value_fits(pattern, good) and not index.value_fits(pattern, bad)


def test_a_pattern_facet_is_described_in_jings_words():
    from tei_tools.validate.grammar_index import GrammarIndex

    index = GrammarIndex(etree.parse(str(RNG)))
    assert index.describe(index.attributes("application")["version"]).startswith(
        'a string matching the regular expression "[\\d]+')


# ---------------------------------------------------------------- the grammar libxml2 is given


def _libxml2_verdict(schema: etree.RelaxNG, tree) -> tuple:
    valid = schema.validate(tree)
    return valid, [(e.type_name, e.message, e.line, e.path) for e in schema.error_log]


def test_the_grammar_given_to_libxml2_drops_only_patterns_no_list_token_can_fail():
    """data.pointers' tokens lose "\\S+" (a copy of data.pointer, for lists); data.pointer alone
    (@datingMethod, @url: " " reaches its pattern there) and data.words' pattern stay."""
    from tei_tools.validate.lxml_grammar import grammar_for_libxml2

    given = grammar_for_libxml2(etree.parse(str(RNG)))
    defines = {d.get("name"): d for d in given.iter(f"{{{RNG_NS}}}define")}
    patterns = {name: [p.text for p in d.iter(f"{{{RNG_NS}}}param")] for name, d in defines.items()}
    assert patterns["data.pointer"] == [r"\S+"] and patterns["data.pointer.in-list"] == []
    assert [r.get("name") for r in defines["data.pointers"].iter(f"{{{RNG_NS}}}ref")] == ["data.pointer.in-list"]
    assert patterns["data.word"] == [r"[^\p{C}\p{Z}]+"] and "data.word.in-list" not in defines


@pytest.mark.parametrize("attribute", ["resp", "ref", "datingMethod", "rend", "type"])
def test_the_grammar_given_to_libxml2_gives_the_same_verdicts_and_errors(attribute):
    """Each of these values in a list of pointers, a single pointer and a list of words: libxml2
    accepts and refuses the same documents, with the same errors in its log, as with the schema."""
    from tei_tools.validate.lxml_grammar import grammar_for_libxml2

    grammar = etree.parse(str(RNG))
    written, given = etree.RelaxNG(grammar), etree.RelaxNG(grammar_for_libxml2(grammar))
    edition = etree.parse(str(REPO / "tests" / "data" / "valid" / "biography.xml"))
    holders = {"resp": "persName", "ref": "persName", "datingMethod": "date", "rend": "p", "type": "div"}
    element = next(edition.iter(f"{{{TEI_NS}}}{holders[attribute]}"))
    verdicts = []
    for value in ["", " ", "\t", "#a", " #a #b ", "#a\t#b", "#a\n#b", "a\u0085b", "a\u00a0b", "%zz", "x y", "#", "\\",
                  "é", "a\u200bb", "\u3000", "persons.xml#x", "#julian"]:
        element.set(attribute, value)
        tree = etree.fromstring(etree.tostring(edition)).getroottree()
        verdicts.append(_libxml2_verdict(written, tree)[0])
        assert _libxml2_verdict(given, tree) == _libxml2_verdict(written, tree), repr(value)
    assert True in verdicts and False in verdicts
