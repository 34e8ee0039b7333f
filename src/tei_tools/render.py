"""Reading editions: TEI documents to an HTML site and plain-text versions, by XSLT 3.0.

One saxonche processor per `Renderer`; each stylesheet in `xslt/` is compiled the first time it
is needed and reused for every document after that. Input is parsed by `tei_tools.xml`
(no external entities, no DTD, no network) and handed to Saxon as serialized text without its
DOCTYPE, so Saxon never resolves anything either.

    xslt/html/edition.xsl   one TEI document -> DIR/<stem>.html
    xslt/html/index.xsl     the editions -> DIR/index.html
    xslt/html/persons.xsl   the personography + the editions -> DIR/persons.html
    xslt/text/edition.xsl   one TEI document -> DIR/<stem>.txt
    xslt/site.css, site.js  copied beside the pages

The fidelity helpers at the end (`reading_words`, `html_reading_words`, `text_reading_words`)
state what "every word of the TEI text, in order" means for the two outputs; the tests use them
and so can anyone checking a hand-edited edition.
"""
from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from lxml import etree

from tei_tools.atomic import write_atomically
from tei_tools.resources import xslt_dir
from tei_tools.xml import TEI_NS, XMLInputError, parse_file, tei_namespace_problem

FORMATS = ("html", "text")
PERSONOGRAPHY_NAME = "persons.xml"
SITE_ASSETS = ("site.css", "site.js")
STYLESHEETS = {
    "edition-html": Path("html/edition.xsl"),
    "index": Path("html/index.xsl"),
    "persons": Path("html/persons.xsl"),
    "edition-text": Path("text/edition.xsl"),
}
# Parameters tei-tools sets itself; they hold documents, not strings.
INTERNAL_PARAMETERS = {"personography", "personography-file", "editions"}


class RenderError(Exception):
    """One document could not be rendered (not well-formed, or the transformation failed)."""

    def __init__(self, path: Path | str, message: str, position: str = ""):
        super().__init__(f"{path}:{position}: {message}" if position else f"{path}: {message}")
        self.path, self.message, self.position = Path(path), message, position


class RenderSetupError(Exception):
    """Rendering cannot start as asked: unknown parameter, missing file, clashing page names."""


OnError = Callable[[RenderError], None]


# ---------------------------------------------------------------------------------------------
# Stylesheet parameters, documented in the stylesheets themselves
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# The renderer
# ---------------------------------------------------------------------------------------------

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
        self._compiler = self._processor.new_xslt30_processor()
        self._builder = self._processor.new_document_builder()
        self._executables: dict[str, object] = {}
        self._personographies: dict[Path, object] = {}

    # -- public API ---------------------------------------------------------------------------

    def render_html(self, edition: Path, out_dir: Path) -> Path:
        """DIR/<stem>.html for one TEI document (plus the site's CSS and script beside it)."""
        edition, out_dir = Path(edition), Path(out_dir)
        personography = self._personography_for([edition])
        page, _ = self._render_page(edition, out_dir, personography)
        self._copy_assets(out_dir)
        return page

    def render_text(self, edition: Path, out_dir: Path) -> Path:
        """DIR/<stem>.txt for one TEI document."""
        edition, out_dir = Path(edition), Path(out_dir)
        started = time.perf_counter()
        document = self._load(edition)
        text = self._transform(edition, "edition-text", document=document)
        return self._write(out_dir / f"{edition.stem}.txt", text, started=started)

    def render_site(self, editions: Sequence[Path], out_dir: Path, personography: Path | None = None,
                    *, on_error: OnError | None = None) -> list[Path]:
        """One page per edition, index.html, persons.html and the CSS/script: the whole site.

        A document that fails raises RenderError, or, with `on_error`, is reported there and left
        out of the index and the register.
        """
        editions, out_dir = [Path(p) for p in editions], Path(out_dir)
        check_page_names(editions, site_pages(self.params))
        personography = Path(personography) if personography else self._personography_for(editions)
        personography_node = self._load_personography(personography)
        pages: list[Path] = []
        rendered: list[tuple[Path, object]] = []
        for edition in editions:
            try:
                page, document = self._render_page(edition, out_dir, personography)
                pages.append(page)
                rendered.append((edition, document))
            except RenderError as error:
                if on_error is None:
                    raise
                on_error(error)
        documents = self._sequence(document for _, document in rendered)
        site_parameters = {"editions": documents}
        pages.append(self._render_site_page("index", out_dir / self._page_name("index-page", "index.html"),
                                            site_parameters, personography, personography_node))
        if self._register_on():
            pages.append(self._render_site_page("persons", out_dir / self._page_name("register-page", "persons.html"),
                                                site_parameters, personography, personography_node))
        pages += self._copy_assets(out_dir)
        return pages

    # -- loading ------------------------------------------------------------------------------

    def _load(self, path: Path):
        """Parse safely with lxml, then give Saxon the serialized root (no DOCTYPE)."""
        try:
            tree = parse_file(path)
        except XMLInputError as error:
            raise RenderError(path, f"not well-formed XML: {error.message}", f"{error.line}:{error.column}") from None
        if problem := tei_namespace_problem(tree):
            raise RenderError(path, problem)
        text = etree.tostring(prepare_tree(tree).getroot(), encoding="unicode")
        self._builder.set_base_uri(path.resolve().as_uri())
        try:
            return self._builder.parse_xml(xml_text=text, encoding="UTF-8")
        except Exception as error:  # saxonche raises PySaxonApiError; keep the first line
            raise RenderError(path, f"Saxon could not read it: {_first_line(error)}") from None

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
                self._personographies[key] = self._load(path)
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

    def _transform(self, source: Path, name: str, *, document, personography: Path | None = None) -> str:
        executable = self._prepare(name, self._personography_parameters(personography))
        try:
            result = executable.transform_to_string(xdm_node=document)
        except Exception as error:
            raise RenderError(source, f"transformation failed: {_first_line(error)}") from None
        if result is None:
            raise RenderError(source, "transformation produced no output")
        return result

    def _personography_parameters(self, personography: Path | None) -> dict[str, object]:
        node = self._load_personography(personography)
        if node is None:
            return {}
        return {"personography": node,
                "personography-file": self._processor.make_string_value(personography.name)}

    def _render_page(self, edition: Path, out_dir: Path, personography: Path | None) -> tuple[Path, object]:
        """The edition's page, and its Saxon document (the index and the register read it too)."""
        started = time.perf_counter()
        document = self._load(edition)
        html = self._transform(edition, "edition-html", document=document, personography=personography)
        return self._write(out_dir / f"{edition.stem}.html", html, started=started), document

    def _render_site_page(self, name: str, target: Path, parameters: dict[str, object],
                          personography: Path | None, personography_node) -> Path:
        started = time.perf_counter()
        extra = dict(parameters)
        if personography_node is not None:
            extra["personography"] = personography_node
            extra["personography-file"] = self._processor.make_string_value(personography.name)
        executable = self._prepare(name, extra)
        try:
            html = executable.call_template_returning_string()
        except Exception as error:
            raise RenderError(target, f"transformation failed: {_first_line(error)}") from None
        return self._write(target, html or "", started=started)

    def _write(self, target: Path, content: str, *, started: float | None) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        if not content.endswith("\n"):
            content += "\n"
        write_atomically(target, content.encode("utf-8"))  # a killed run never leaves half a page
        if started is not None:
            self.timings.render.append((target, time.perf_counter() - started))
        return target

    def _copy_assets(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        copied = []
        for asset in SITE_ASSETS:
            source = xslt_dir() / asset
            if source.is_file():
                write_atomically(out_dir / asset, source.read_bytes())
                copied.append(out_dir / asset)
        return copied

    def _register_on(self) -> bool:
        return self.params.get("show-register", "yes") in ("yes", "true", "1")

    def _page_name(self, parameter: str, default: str) -> str:
        return self.params.get(parameter, default)


def _first_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else type(error).__name__


def site_pages(params: dict[str, str] | None = None) -> dict[str, str]:
    """The site's own pages by stem, as the parameters name them: {"index": "the index page", ...}."""
    params = params or {}
    return {Path(params.get("index-page", "index.html")).stem: "the index page",
            Path(params.get("register-page", "persons.html")).stem: "the register of persons"}


def check_page_names(editions: Sequence[Path], reserved: dict[str, str] | None = None) -> None:
    """Two editions with one stem, or an edition named like a site page, would overwrite a page."""
    reserved = reserved or {}
    seen: dict[str, Path] = {}
    for edition in editions:
        stem = Path(edition).stem
        if stem in reserved:
            raise RenderSetupError(f"{edition}: its page {stem}.html would replace {reserved[stem]}; rename the file")
        if stem in seen:
            raise RenderSetupError(f"{edition}: same page name {stem} as {seen[stem]}; rename one of them")
        seen[stem] = Path(edition)


# ---------------------------------------------------------------------------------------------
# Many paths at once (the command line and build)
# ---------------------------------------------------------------------------------------------

def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; folders become their *.xml files, sorted. Missing paths are an error."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(path.glob("*.xml"))
            if not inside:
                raise RenderSetupError(f"{path}: no *.xml files in this folder")
            found += inside
        elif path.is_file():
            found.append(path)
        else:
            raise RenderSetupError(f"{path}: no such file or folder")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def split_personography(paths: Sequence[Path], personography: Path | None) -> tuple[list[Path], Path | None]:
    """The personography is not an edition: take it out of the list (and use it if none given)."""
    editions = []
    for path in paths:
        is_given = personography is not None and path.resolve() == Path(personography).resolve()
        if is_given or path.name == PERSONOGRAPHY_NAME:
            personography = personography or path
            continue
        editions.append(path)
    return editions, personography


def render_paths(paths: Iterable[Path | str], to: str, out_dir: Path | str, *,
                 params: dict[str, str] | None = None, personography: Path | None = None,
                 on_error: OnError | None = None, renderer: Renderer | None = None) -> list[Path]:
    """Render files and folders of TEI to `to` ("html": the whole site; "text": one .txt each)."""
    if to not in FORMATS:
        raise RenderSetupError(f"unknown output format {to!r}; choose one of {', '.join(FORMATS)}")
    editions, personography = split_personography(expand_paths(paths), personography)
    if not editions:
        raise RenderSetupError("no editions to render (only a personography was given)")
    renderer = renderer or Renderer(params=params, personography=personography)
    out_dir = Path(out_dir)
    if to == "html":
        return renderer.render_site(editions, out_dir, personography, on_error=on_error)
    check_page_names(editions)
    pages = []
    for edition in editions:
        try:
            pages.append(renderer.render_text(edition, out_dir))
        except RenderError as error:
            if on_error is None:
                raise
            on_error(error)
    return pages


# ---------------------------------------------------------------------------------------------
# Preparing the tree, and what "every word in order" means
# ---------------------------------------------------------------------------------------------

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


def _collect(element: etree._Element, out: list[str], notes: list[etree._Element]) -> None:
    """Text of `element` in order, with the outermost notes set aside into `notes`."""
    if element.tag == _tei("note"):
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
