"""The renderer: one saxonche processor, each stylesheet compiled the first time it is needed.

Input is parsed by `tei_tools.xml` (no external entities, no DTD, no network) and handed to
Saxon as serialized text without its DOCTYPE, so Saxon never resolves anything either.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from tei_tools.render.edition_index import EditionIndex, gather, site_document
from tei_tools.render.errors import OnError, RenderError, RenderSetupError
from tei_tools.render.parameters import stylesheet_parameters
from tei_tools.render.site_parts import (EditionParts, RegisterData, SiteParts, assemble, edition_parts,
                                         new_marker, read_entry)
from tei_tools.render.tree import prepare_tree
from tei_tools.resources import xslt_dir
from tei_tools.atomic import write_atomically
from tei_tools.xml import TEI_NS, XMLInputError, parse_bytes, tei_namespace_problem

PERSONOGRAPHY_NAME = "persons.xml"
# The JDK parser inside Saxon refuses elements deeper than 100 (and limits attributes per element
# and name lengths) with a cryptic message; the safe parser of tei_tools.xml, which every input
# passes first, is the gate (it refuses depth > 2048), so Saxon's own limits are lifted, as for
# validation (tei_tools.validate.schematron). Saxon never parses anything the safe parser has not.
SAXON_SETTINGS = {
    "http://saxon.sf.net/feature/parserProperty?uri="
    f"http%3A//www.oracle.com/xml/jaxp/properties/{limit}": "0"
    for limit in ("maxElementDepth", "elementAttributeLimit", "maxXMLNameLimit")}
SAXON_SETTINGS["http://saxon.sf.net/feature/allowedProtocols"] = "file"  # document(): local files only
# Saxon reads a file itself only when the safe parser found no DOCTYPE in it; one that has one
# since (the file changed in between) is refused, never expanded.
SAXON_SETTINGS["http://saxon.sf.net/feature/parserFeature?uri="
               "http%3A//apache.org/xml/features/disallow-doctype-decl"] = "true"
SITE_ASSETS = ("site.css", "site.js")
_POSITION = operator.attrgetter("position")  # of a stored part: its edition's place in the site
SEARCH_SCRIPT = "site-search.js"
STYLESHEETS = {
    "edition-html": Path("html/edition.xsl"),
    "index": Path("html/index.xsl"),
    "persons": Path("html/persons.xsl"),
    "persons-data": Path("html/persons-data.xsl"),
    "chronology": Path("html/chronology.xsl"),
    "search": Path("html/search.xsl"),
    "site-parts": Path("html/site-parts.xsl"),
    "edition-text": Path("text/edition.xsl"),
    "person-index": Path("common/person-index.xsl"),
}


@dataclass
class LoadedEdition:
    """A TEI document as Saxon holds it, with its teiHeader (serialized), the digest of the file
    and the file's bytes (its copy beside the page is written from them: the file is read once)."""

    document: object
    header: str
    digest: str
    data: bytes = b""


@dataclass
class EditionResult:
    """What rendering one edition for a site gives: its files (page first), its index, and its
    parts of the site's own pages (made from the index; see tei_tools.render.site_parts)."""

    files: list[Path]
    index: EditionIndex | None
    parts: EditionParts | None = None

    @property
    def page(self) -> Path:
        return self.files[0]


@dataclass
class Timings:
    """Where the time went: compiling (per stylesheet) and rendering (per output file)."""

    compile: dict[str, float] = field(default_factory=dict)
    render: list[tuple[Path, float]] = field(default_factory=list)


class Renderer:
    """Renders TEI documents with one Saxon processor and stylesheets compiled once each."""

    def __init__(self, *, params: dict[str, str] | None = None, personography: Path | None = None):
        from saxonche import PySaxonProcessor

        self.params = dict(params or {})
        known = stylesheet_parameters()
        unknown = sorted(set(self.params) - set(known))
        if unknown:
            raise RenderSetupError(f"unknown stylesheet parameter {', '.join(unknown)}; "
                                   f"known: {', '.join(known)}")
        self.personography = Path(personography) if personography else None
        self.timings = Timings()
        self._processor = PySaxonProcessor(license=False)
        for name, value in SAXON_SETTINGS.items():
            self._processor.set_configuration_property(name, value)
        self._compiler = self._processor.new_xslt30_processor()
        self._builder = self._processor.new_document_builder()
        self._executables: dict[str, object] = {}
        self._personographies: dict[Path, object] = {}
        self._person_indexes: dict[Path, object] = {}  # the personography's persons by id (a map)
        self._register_data: dict[Path | None, RegisterData] = {}  # names and the open limit, per personography
        self._part_marker = new_marker()  # between the parts an edition gives the site pages

    # -- public API ---------------------------------------------------------------------------

    def render_html(self, edition: Path, out_dir: Path) -> Path:
        """DIR/<stem>.html for one TEI document (plus the site's CSS and script beside it)."""
        edition, out_dir = Path(edition), Path(out_dir)
        personography = self._personography_for([edition])
        result = self.render_edition(edition, out_dir, personography, with_text=False, copy_tei=False,
                                     with_parts=False)
        self._copy_assets(out_dir)
        return result.page

    def render_text(self, edition: Path, out_dir: Path) -> Path:
        """DIR/<stem>.txt for one TEI document."""
        edition, out_dir = Path(edition), Path(out_dir)
        started = time.perf_counter()
        loaded = self._load(edition, for_text=True)
        return self._render_text(edition, out_dir, loaded, started)

    def render_edition(self, edition: Path, out_dir: Path, personography: Path | None = None, *,
                       previous: str = "", following: str = "", with_text: bool = True,
                       copy_tei: bool = True, with_parts: bool = True) -> EditionResult:
        """One edition's share of the site: its page, its plain text, a copy of its TEI, and the
        compact index and the parts of the site-wide pages made from it. A function of this one edition and the
        personography (and the names of the pages before and after it), so that editions can be
        rendered apart, in any order, in other processes."""
        edition, out_dir = Path(edition), Path(out_dir)
        started = time.perf_counter()
        loaded = self._load(edition)
        page_name = f"{edition.stem}.html"
        parameters = {"previous-page": previous, "next-page": following, "source-digest": loaded.digest,
                      "tei-copy": f"{edition.stem}.xml" if copy_tei else "",
                      "text-copy": f"{edition.stem}.txt" if with_text else ""}
        html = self._transform(edition, "edition-html", document=loaded.document, personography=personography,
                               strings=parameters)
        page = html.encode("utf-8")  # once: written as it is, and the index is read from these bytes
        files = [self._write(out_dir / page_name, page, started=started)]
        index = gather(page, edition.stem, page_name, loaded.header)
        parts = self.site_parts(index, out_dir, personography) if with_parts else None
        if with_text:
            files.append(self._render_text(edition, out_dir, loaded, time.perf_counter()))
        if copy_tei:
            files.append(_copy_source(edition, out_dir / f"{edition.stem}.xml", loaded.data))
        return EditionResult(files, index, parts)

    def render_site(self, editions: Sequence[Path], out_dir: Path, personography: Path | None = None,
                    *, on_error: OnError | None = None, with_text: bool = True, search: bool = True,
                    batch=None) -> list[Path]:
        """The whole site: per edition its page, plain text and TEI copy; then, from the editions'
        indexes, the front page, the register of persons, the chronology, the search page and
        the person cards' data; the CSS and scripts; and the search index (Pagefind).

        A document that fails raises RenderError, or, with `on_error`, is reported there and left
        out of the site (its neighbours then link past it). The editions are rendered by this
        renderer, or, with `batch` (tei_tools.render.site.BatchOptions), in worker processes
        or on a Dask cluster.
        """
        from tei_tools.render.site import render_site

        return render_site(editions, out_dir, personography, renderer=self, on_error=on_error, with_text=with_text,
                           search=search, batch=batch)

    def render_site_pages(self, indexes: Sequence[EditionIndex], out_dir: Path,
                          personography: Path | None = None) -> list[Path]:
        """The site-wide pages, from the editions' indexes (merged in the order given)."""
        out_dir = Path(out_dir)
        with SiteParts() as parts:
            for position, index in enumerate(indexes):
                parts.add(position, self.site_parts(index, out_dir, personography))
            return self.write_site_pages(parts, out_dir, personography)

    def site_parts(self, index: EditionIndex, out_dir: Path, personography: Path | None = None) -> EditionParts:
        """One edition's parts of the site's pages, from its index: its front-page entry
        (xslt/html/site-parts.xsl), the rest written from the index's data
        (tei_tools.render.site_parts.edition_parts)."""
        self._builder.set_base_uri((Path(out_dir).resolve() / "site-index.xml").as_uri())
        facts = dataclasses.replace(index, mentions=[], dates=[])  # the entry needs its facts and header alone
        site = self._builder.parse_xml(xml_text=site_document([facts]).decode("utf-8"), encoding="UTF-8")
        extra = {"site": site, "part-marker": self._processor.make_string_value(self._part_marker),
                 **self._personography_parameters(personography)}
        executable = self._prepare("site-parts", extra)
        try:
            output = executable.call_template_returning_string()
        except Exception as error:
            raise RenderError(Path(index.page), f"transformation failed: {_first_line(error)}") from None
        (page_json, title_json), entry = read_entry(output or "", self._part_marker)
        return edition_parts(index, entry, page_json, title_json, self._register(personography))

    def _register(self, personography: Path | None) -> RegisterData:
        """The personography's display names and the open limit of the register's lists, worked
        out once per personography (site-parts.xsl, f:register-data)."""
        key = personography.resolve() if personography else None
        if key not in self._register_data:
            executable = self._prepare("site-parts", self._personography_parameters(personography))
            executable.set_result_as_raw_value(True)
            try:
                value = executable.call_template_returning_value("{urn:tei-tools:xslt}register-data")
            except Exception as error:
                raise RenderSetupError(f"the register's data: {_first_line(error)}") from None
            finally:
                executable.set_result_as_raw_value(False)
            data = json.loads(value.head.string_value)
            self._register_data[key] = RegisterData(data["names"], int(data["open-limit"]))
        return self._register_data[key]

    def write_site_pages(self, parts: SiteParts, out_dir: Path, personography: Path | None = None) -> list[Path]:
        """The site-wide pages: each page's frame rendered once from the site's summary, the
        editions' parts put in (see tei_tools.render.site_parts)."""
        out_dir = Path(out_dir)
        personography_node = self._load_personography(personography)
        years, yearless = parts.chronology()
        self._builder.set_base_uri((out_dir.resolve() / "site-index.xml").as_uri())
        summary = self._builder.parse_xml(xml_text=parts.summary([y for y, _ in years], bool(yearless)).decode("utf-8"),
                                          encoding="UTF-8")
        marker = new_marker()
        parameters = {"summary": summary, "part-marker": self._processor.make_string_value(marker)}

        def in_site_order(stored: list) -> list:
            return sorted(stored, key=_POSITION)

        pages = [("index", self._page_name("index-page", "index.html"), {"entries": in_site_order(parts.entries)}, b""),
                 ("chronology", self._page_name("chronology-page", "chronology.html"),
                  {**{f"year-{n}": dates for n, (_, dates) in enumerate(years, 1)}, "yearless": yearless}, b"")]
        if self.params.get("search-page", "search.html"):
            pages.append(("search", self._page_name("search-page", "search.html"), {}, b""))
        if self._register_on():
            register = self._page_name("register-page", "persons.html")
            pages += [("persons", register, {p: in_site_order(s) for p, s in parts.registers.items()}, b""),
                      ("persons-data", re.sub(r"\.html?$", "", register) + "-data.js",
                       {p: in_site_order(s) for p, s in parts.cards.items()}, b", ")]
        return [self._render_site_page(name, out_dir / target, parameters, personography, personography_node,
                                       marker, parts_for, parts.read, separator)
                for name, target, parts_for, separator in pages]

    def prepare_site_pages(self, personography: Path | None = None) -> None:
        """Compile now the stylesheets write_site_pages will use (and make the personography's
        person index): called while worker processes render the editions, so that this work
        overlaps theirs instead of following it. A stylesheet that does not compile is left
        for write_site_pages to report."""
        names = ["index", "chronology"]
        if self.params.get("search-page", "search.html"):
            names.append("search")
        if self._register_on():
            names += ["persons", "persons-data"]
        try:
            for name in names:
                self._executable(name)
            self._personography_parameters(personography)
        except RenderSetupError:
            pass

    # -- loading ------------------------------------------------------------------------------

    def _load(self, path: Path, *, for_text: bool = False) -> "LoadedEdition":
        """Parse safely with lxml; then Saxon reads the file itself when it has no DOCTYPE (nothing
        to expand or fetch), otherwise it gets the serialized root, without the DOCTYPE. For the
        plain text alone (`for_text`) the header and digest, which only pages show, are left out."""
        path = Path(path)
        try:
            data = path.read_bytes()
            tree = parse_bytes(data, str(path))
        except XMLInputError as error:
            raise RenderError(path, f"not well-formed XML: {error.message}", f"{error.line}:{error.column}") from None
        except OSError as error:
            raise RenderError(path, f"cannot read it: {error.strerror}") from None
        if problem := tei_namespace_problem(tree):
            raise RenderError(path, problem)
        plain = not tree.docinfo.doctype and tree.docinfo.internalDTD is None
        root = prepare_tree(tree).getroot()
        self._builder.set_base_uri(path.resolve().as_uri())
        document = None
        if plain:
            try:
                document = self._builder.parse_xml(xml_file_name=str(path.resolve()))
            except Exception:  # e.g. the file changed since: give Saxon what the safe parser saw
                document = None
        if document is None:
            try:
                document = self._builder.parse_xml(xml_text=etree.tostring(root, encoding="unicode"), encoding="UTF-8")
            except Exception as error:  # saxonche raises PySaxonApiError; keep the first line
                raise RenderError(path, f"Saxon could not read it: {_first_line(error)}") from None
        if for_text:
            return LoadedEdition(document, "", "")
        header = root.find(f"{{{TEI_NS}}}teiHeader")
        return LoadedEdition(document, etree.tostring(header, encoding="unicode") if header is not None else "",
                             "sha256:" + hashlib.sha256(data).hexdigest(), data)

    def _personography_for(self, editions: Sequence[Path]) -> Path | None:
        """The personography given to the renderer, else persons.xml beside the first edition."""
        if self.personography:
            return self.personography
        for edition in editions:
            candidate = Path(edition).parent / PERSONOGRAPHY_NAME
            if candidate.is_file():
                return candidate
        return None

    def _load_personography(self, path: Path | None):
        if path is None:
            return None
        key = path.resolve()
        if key not in self._personographies:
            if not path.is_file():
                raise RenderSetupError(f"{path}: no such personography")
            try:
                self._personographies[key] = self._load(path).document
            except RenderError as error:
                raise RenderSetupError(f"personography {error}") from None
        return self._personographies[key]

    def _sequence(self, nodes: Iterable[object]):
        from saxonche import PyXdmValue

        value = PyXdmValue(self._processor)
        for node in nodes:
            value.add_xdm_item(node)
        return value

    # -- transforming -------------------------------------------------------------------------

    def _executable(self, name: str):
        if name not in self._executables:
            started = time.perf_counter()
            stylesheet = xslt_dir() / STYLESHEETS[name]
            try:
                self._executables[name] = self._compiler.compile_stylesheet(stylesheet_file=str(stylesheet))
            except Exception as error:
                raise RenderSetupError(f"{stylesheet}: cannot compile: {_first_line(error)}") from None
            self.timings.compile[name] = time.perf_counter() - started
        return self._executables[name]

    def _prepare(self, name: str, extra: dict[str, object]):
        executable = self._executable(name)
        executable.clear_parameters()
        for key, value in self.params.items():
            executable.set_parameter(key, self._processor.make_string_value(value))
        for key, value in extra.items():
            if value is not None:
                executable.set_parameter(key, value)
        return executable

    def _transform(self, source: Path, name: str, *, document, personography: Path | None = None,
                   strings: dict[str, str] | None = None) -> str:
        extra = self._personography_parameters(personography)
        extra.update({key: self._processor.make_string_value(value) for key, value in (strings or {}).items()})
        executable = self._prepare(name, extra)
        try:
            result = executable.transform_to_string(xdm_node=document)
        except Exception as error:
            raise RenderError(source, f"transformation failed: {_first_line(error)}") from None
        if result is None:
            raise RenderError(source, "transformation produced no output")
        return result

    def _render_text(self, edition: Path, out_dir: Path, loaded: "LoadedEdition", started: float) -> Path:
        text = self._transform(edition, "edition-text", document=loaded.document)
        return self._write(out_dir / f"{edition.stem}.txt", text, started=started)

    def _personography_parameters(self, personography: Path | None) -> dict[str, object]:
        node = self._load_personography(personography)
        if node is None:
            return {}
        return {"personography": node, "person-index": self._person_index(personography, node),
                "personography-file": self._processor.make_string_value(personography.name)}

    def _person_index(self, personography: Path, node):
        """The personography's persons by xml:id, an XDM map made once (common/person-index.xsl)
        and passed to every transformation: a key over the personography would be built again
        by each one."""
        key = personography.resolve()
        if key not in self._person_indexes:
            executable = self._prepare("person-index", {"personography": node})
            executable.set_result_as_raw_value(True)
            try:
                value = executable.call_template_returning_value()
            except Exception as error:
                raise RenderSetupError(f"personography {personography}: {_first_line(error)}") from None
            self._person_indexes[key] = value.head
        return self._person_indexes[key]

    def _render_site_page(self, name: str, target: Path, parameters: dict[str, object],
                          personography: Path | None, personography_node, marker: str,
                          parts_for: dict[str, list], read, separator: bytes) -> Path:
        started = time.perf_counter()
        extra = dict(parameters)
        if personography_node is not None:
            extra.update(self._personography_parameters(personography))
        executable = self._prepare(name, extra)
        try:
            frame = executable.call_template_returning_string()
        except Exception as error:
            raise RenderError(target, f"transformation failed: {_first_line(error)}") from None
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, assemble(frame or "", marker, parts_for, read, separator), durable=False)
        self.timings.render.append((target, time.perf_counter() - started))
        return target

    def _write(self, target: Path, content: str | bytes, *, started: float | None) -> Path:
        """`content` (text, or its bytes in UTF-8) with a final newline if it has none."""
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        # a killed run never leaves half a page; the run flushes its pages to disk at its end
        write_atomically(target, data if data.endswith(b"\n") else (data, b"\n"), durable=False)
        if started is not None:
            self.timings.render.append((target, time.perf_counter() - started))
        return target

    def _copy_assets(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        copied = []
        for asset in SITE_ASSETS + (SEARCH_SCRIPT,) * bool(self.params.get("search-page", "search.html")):
            source = xslt_dir() / asset
            if source.is_file():
                write_atomically(out_dir / asset, source.read_bytes(), durable=False)
                copied.append(out_dir / asset)
        return copied

    def _register_on(self) -> bool:
        return self.params.get("show-register", "yes") in ("yes", "true", "1")

    def _page_name(self, parameter: str, default: str) -> str:
        return self.params.get(parameter, default)


def _first_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else type(error).__name__


def _copy_source(source: Path, target: Path, data: bytes | None = None) -> Path:
    """The TEI file itself beside its page, byte for byte (`data`: its bytes as read to render
    it; not when it is already there)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and target.resolve() == source.resolve():
        return target
    write_atomically(target, data if data else source.read_bytes(), durable=False)
    return target
