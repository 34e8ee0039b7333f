"""Running the compiled Schematron: one saxonche processor per process, each schema compiled once.

Saxon reads each input again (it cannot share lxml's tree): straight from the file when the file
has no DOCTYPE (nothing then for a parser to expand or fetch), otherwise from the lxml tree with
the DOCTYPE and its entity references left out. The processor refuses any DOCTYPE and reads
only local files, so nothing reaches Saxon's parser that the safe parser has not seen. What
fn:doc() returns comes from `DocumentLoader`, through the safe parser too.
"""
from __future__ import annotations

import json
import re
import threading
from copy import deepcopy
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from tei_tools.validate.compiled import COMPILATIONS, cache
from tei_tools.validate.messages import Message
from tei_tools.validate.schematron_compiler import (DOCUMENTS_PARAMETER, CompiledSchematron, SchematronError,
                                                   compile_to_xslt)
from tei_tools.validate.sources import Source
from tei_tools.xml import XMLInputError, parse_file

# Schematron asserts with this flag repeat a grammar check; the grammar's message wins.
GRAMMAR_FLAG = "grammar"
# Each new document that fn:doc() asks for costs one more run of the stylesheet on that file.
_MAX_DOCUMENT_ROUNDS = 64

_SAXON_SETTINGS = {
    # Saxon's parser sees only what the safe parser accepted; refuse any DOCTYPE all the same.
    "http://saxon.sf.net/feature/parserFeature?uri=http%3A//apache.org/xml/features/disallow-doctype-decl": "true",
    # document(), unparsed-text(), collection(): local files only, never the network.
    "http://saxon.sf.net/feature/allowedProtocols": "file",
}
# The JDK parser's own limits (an element depth of 100, for one) would refuse documents that the
# safe parser, which guards against hostile input, has already accepted; it is the gate.
for _limit in ("maxElementDepth", "elementAttributeLimit", "maxXMLNameLimit"):
    _SAXON_SETTINGS["http://saxon.sf.net/feature/parserProperty?uri="
                    f"http%3A//www.oracle.com/xml/jaxp/properties/{_limit}"] = "0"

_saxon_lock = threading.RLock()
_saxon: dict[str, object] = {}


def saxon_processor():
    """The process's one saxonche processor for validation (created on first use)."""
    with _saxon_lock:
        if "processor" not in _saxon:
            from saxonche import PySaxonProcessor

            processor = PySaxonProcessor(license=False)
            for name, value in _SAXON_SETTINGS.items():
                processor.set_configuration_property(name, value)
            _saxon["processor"] = processor
            _saxon["compiler"] = processor.new_xslt30_processor()
            _saxon["builder"] = processor.new_document_builder()
        return _saxon["processor"]


def _first_line(error: Exception) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)


class Schematron:
    """An ISO Schematron schema compiled once to XSLT 3.0 and to a Saxon executable."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.compiled: CompiledSchematron = compile_to_xslt(self.path)
        saxon_processor()
        try:
            self.executable = _saxon["compiler"].compile_stylesheet(stylesheet_text=self.compiled.stylesheet)
        except Exception:  # PySaxonApiError: a rule that is not XPath 3.1 / not a pattern
            # compiled again without the rules' filters, whose errors Saxon would report at the
            # rule's context rather than at the let or test they come from
            self.compiled = compile_to_xslt(self.path, prefilter=False)
            try:
                self.executable = _saxon["compiler"].compile_stylesheet(stylesheet_text=self.compiled.stylesheet)
            except Exception as exc:
                where = self.compiled.origin_of(str(exc))
                raise SchematronError(f"{self.path}: {where + ': ' if where else ''}cannot compile: "
                                      f"{_saxon_error(exc)}") from None
        COMPILATIONS[f"schematron:{self.path.resolve()}"] += 1

    @property
    def assertions(self):
        return self.compiled.assertions

    def check(self, source: Source, documents: "DocumentLoader") -> list[tuple[Message, str | None]]:
        """(message, flag) for every failed assert and fired report, in the order of the rules."""
        with _saxon_lock:  # one saxonche processor per process: one transformation at a time
            document, problem = _saxon_document(source)
            if document is None:
                return [(Message(source.name, 1, 1, "error", f"Schematron rules could not run: {problem}"), None)]
            outcome = self._run(document, documents)
        if "fatal" in outcome:
            return [(Message(source.name, 1, 1, "error", f"Schematron rule failed to run: {outcome['fatal']}"), None)]
        return self._messages(outcome["failures"], source)

    def _run(self, document, documents: "DocumentLoader") -> dict:
        for _ in range(_MAX_DOCUMENT_ROUNDS):
            self.executable.set_parameter(DOCUMENTS_PARAMETER, documents.as_map())
            try:
                result = json.loads(self.executable.transform_to_string(xdm_node=document))
            except Exception as exc:
                return {"fatal": _saxon_error(exc)}
            if isinstance(result, list):
                return {"failures": result}
            if "need" in result:
                documents.load(result["need"])
                continue
            return {"fatal": f"{result.get('fatal', '')} ({result.get('code', '')})".strip()}
        return {"fatal": f"fn:doc() asked for more than {_MAX_DOCUMENT_ROUNDS} documents"}

    def _messages(self, failures: list[dict], source: Source) -> list[tuple[Message, str | None]]:
        found = []
        for failure in failures:
            line, column = source.position(source.element_at(failure.get("p", "-")))
            text = " ".join(str(failure.get("m", "")).split())
            if "a" in failure:
                assertion = self.compiled.assertions[failure["a"]]
                found.append((assertion.rule, Message(source.name, line, column, assertion.severity, text,
                                                      assertion.rule_id), assertion.flag))
            else:
                found.append((failure["r"], Message(source.name, line, column, "error",
                                                    f"Schematron rule failed to run: {text}"), None))
        found.sort(key=lambda entry: entry[0])  # stable: document order within each rule
        return [(message, flag) for _, message, flag in found]


def _saxon_error(exc: Exception) -> str:
    """Saxon's message without its location noise: 'XPST0003 Unexpected token ...'."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    coded = [line for line in lines if re.match(r"[A-Z]{4}\d{4}\b", line)]
    return " ".join((coded or lines or [type(exc).__name__])[0].split())


def _saxon_document(source: Source):
    """(Saxon document, None) for the source, or (None, why Saxon cannot read it)."""
    builder = _saxon["builder"]
    tree = source.tree
    if not tree.docinfo.doctype and tree.docinfo.internalDTD is None:
        try:
            return builder.parse_xml(xml_file_name=str(source.path.resolve())), None
        except Exception:
            pass  # e.g. the file changed since: read what the safe parser saw
    builder.set_base_uri(source.path.resolve().as_uri())
    try:
        return builder.parse_xml(xml_text=serialize_for_saxon(tree), encoding="UTF-8"), None
    except Exception as exc:
        return None, f"Saxon cannot read the document: {_saxon_error(exc)}"


def serialize_for_saxon(tree: etree._ElementTree) -> str:
    """The document without its DOCTYPE and without entity references (never expanded here)."""
    root = tree.getroot()
    if any(True for _ in root.iter(etree.Entity)):
        root = _without_entity_references(root)
    before = []
    sibling = tree.getroot().getprevious()
    while sibling is not None:  # comments and processing instructions before the root element
        before.insert(0, etree.tostring(sibling, encoding="unicode", with_tail=False))
        sibling = sibling.getprevious()
    return "".join(before) + etree.tostring(root, encoding="unicode", with_tail=False)


def _without_entity_references(root: etree._Element) -> etree._Element:
    root = deepcopy(root)
    for entity in list(root.iter(etree.Entity)):
        parent, tail = entity.getparent(), entity.tail or ""
        previous = entity.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(entity)
    return root


def compile_schematron(path: Path) -> Schematron:
    """Compile once per process and file version, like the grammars."""
    compiled = cache("_SCHEMATRON_CACHE")
    key = (str(Path(path).resolve()), Path(path).stat().st_mtime_ns)
    if key not in compiled:
        compiled[key] = Schematron(Path(path))
    return compiled[key]


class DocumentLoader:
    """What fn:doc() may read: local files only, parsed safely, each once per validator.

    With a personography given, any request for a file of that name (persons.xml) reads it, so
    editions can be checked against one personography wherever they are. A file that changes
    on disk is read again.
    """

    def __init__(self, personography: Path | None = None):
        self.personography = personography
        self._documents: dict[str, tuple[object, object | None]] = {}  # uri -> (version, Saxon node)
        self._map = None

    def load(self, uri: str) -> None:
        path = self._path_for(uri)
        version = _version(path)
        node = None
        if path is not None and version is not None:
            try:
                tree = parse_file(path, tolerate_id_errors=True)
                builder = _saxon["builder"]
                builder.set_base_uri(uri)
                if not tree.docinfo.doctype and tree.docinfo.internalDTD is None and path.resolve().as_uri() == uri:
                    # as for the files validated: what the safe parser accepted, from the file
                    # (whose URI is the document's base URI either way)
                    node = builder.parse_xml(xml_file_name=str(path.resolve()))
                else:
                    node = builder.parse_xml(xml_text=serialize_for_saxon(tree), encoding="UTF-8")
            except (XMLInputError, OSError):
                node = None
            except Exception:  # Saxon cannot read what lxml could: not available either
                node = None
        self._documents[uri] = (version, node)
        self._map = None

    def as_map(self):
        """The stylesheet parameter: uri -> document (or the empty sequence when not available)."""
        for uri, (version, _) in list(self._documents.items()):
            if _version(self._path_for(uri)) != version:
                self.load(uri)  # changed on disk since it was read
        if self._map is None:
            processor = saxon_processor()
            entries = {uri: (node if node is not None else processor.empty_sequence())
                       for uri, (_, node) in self._documents.items()}
            # make_map2({}) gives None, which would leave the previous run's map in place
            entries.setdefault("urn:tei-tools:no-document", processor.empty_sequence())
            self._map = processor.make_map2(entries)
        return self._map

    def _path_for(self, uri: str) -> Path | None:
        parsed = urlparse(uri)
        if parsed.scheme not in ("", "file") or parsed.netloc not in ("", "localhost"):
            return None  # no network, ever
        path = Path(unquote(parsed.path))
        if self.personography is not None and path.name == self.personography.name:
            return self.personography
        return path if path.is_file() else None


def _version(path: Path | None):
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
