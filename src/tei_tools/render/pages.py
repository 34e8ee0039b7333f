"""The site's own page names, and page names that would overwrite each other."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from tei_tools.render.errors import RenderSetupError


def site_pages(params: dict[str, str] | None = None) -> dict[str, str]:
    """The site's own pages by stem, as the parameters name them: {"index": "the index page", ...}."""
    params = params or {}
    register = Path(params.get("register-page", "persons.html")).stem
    pages = {Path(params.get("index-page", "index.html")).stem: "the index page",
             register: "the register of persons", f"{register}-data": "the data of the person cards",
             Path(params.get("chronology-page", "chronology.html")).stem: "the chronology",
             "site-index": "the site's index of editions", "pagefind": "the search index"}
    if params.get("search-page", "search.html"):
        pages[Path(params.get("search-page", "search.html")).stem] = "the search page"
    return pages


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
