"""The renderer: one saxonche processor, each stylesheet compiled the first time it is needed.

Input is parsed by `tei_tools.xml` (no external entities, no DTD, no network) and handed to
Saxon as serialized text without its DOCTYPE, so Saxon never resolves anything either.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

from tei_tools.render.errors import OnError, RenderError, RenderSetupError
from tei_tools.render.pages import check_page_names, site_pages
from tei_tools.render.parameters import stylesheet_parameters
from tei_tools.render.tree import prepare_tree
from tei_tools.resources import xslt_dir
from tei_tools.xml import XMLInputError, parse_file

PERSONOGRAPHY_NAME = "persons.xml"
SITE_ASSETS = ("site.css", "site.js")
STYLESHEETS = {
    "edition-html": Path("html/edition.xsl"),
    "index": Path("html/index.xsl"),
    "persons": Path("html/persons.xsl"),
    "edition-text": Path("text/edition.xsl"),
}


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
        target.write_text(content, encoding="utf-8", newline="\n")
        if started is not None:
            self.timings.render.append((target, time.perf_counter() - started))
        return target

    def _copy_assets(self, out_dir: Path) -> list[Path]:
        out_dir.mkdir(parents=True, exist_ok=True)
        copied = []
        for asset in SITE_ASSETS:
            source = xslt_dir() / asset
            if source.is_file():
                copied.append(Path(shutil.copyfile(source, out_dir / asset)))
        return copied

    def _register_on(self) -> bool:
        return self.params.get("show-register", "yes") in ("yes", "true", "1")

    def _page_name(self, parameter: str, default: str) -> str:
        return self.params.get(parameter, default)


def _first_line(error: Exception) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:2]) if lines else type(error).__name__
