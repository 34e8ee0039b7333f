"""Many paths at once (the command line and build): folders, the personography, page names."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from tei_tools.render.engine import PERSONOGRAPHY_NAME, Renderer
from tei_tools.render.errors import OnError, RenderError, RenderSetupError
from tei_tools.render.pages import check_page_names

FORMATS = ("html", "text")


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
                 on_error: OnError | None = None, renderer: Renderer | None = None,
                 search: bool = True) -> list[Path]:
    """Render files and folders of TEI to `to` ("html": the whole site; "text": one .txt each)."""
    if to not in FORMATS:
        raise RenderSetupError(f"unknown output format {to!r}; choose one of {', '.join(FORMATS)}")
    editions, personography = split_personography(expand_paths(paths), personography)
    if not editions:
        raise RenderSetupError("no editions to render (only a personography was given)")
    renderer = renderer or Renderer(params=params, personography=personography)
    out_dir = Path(out_dir)
    if to == "html":
        return renderer.render_site(editions, out_dir, personography, on_error=on_error, search=search)
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
