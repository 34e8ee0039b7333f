"""Many paths at once (the command line and build): folders, the personography, page names."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from tei_tools.render.engine import PERSONOGRAPHY_NAME, Renderer
from tei_tools.render.errors import OnError, RenderSetupError

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
                 search: bool = True, jobs: int | None = 1, executor: str = "local", scheduler: str | None = None,
                 progress=None, on_batch=None) -> list[Path]:
    """Render files and folders of TEI to `to` ("html": the whole site; "text": one .txt each).

    `jobs`, `executor`, `scheduler`: where the editions are rendered (tei_tools.batch; jobs None:
    one worker per core); `progress` gets (done, total, bytes) as they are; `on_batch` the
    batch's figures (tei_tools.batch.BatchReport)."""
    from tei_tools.render.site import BatchOptions, render_site, render_texts

    if to not in FORMATS:
        raise RenderSetupError(f"unknown output format {to!r}; choose one of {', '.join(FORMATS)}")
    editions, personography = split_personography(expand_paths(paths), personography)
    if not editions:
        raise RenderSetupError("no editions to render (only a personography was given)")
    renderer = renderer or Renderer(params=params, personography=personography)
    batch = BatchOptions(jobs, executor, scheduler, progress, on_batch)
    if to == "html":
        return render_site(editions, Path(out_dir), personography, renderer=renderer, on_error=on_error,
                           search=search, batch=batch)
    return render_texts(editions, Path(out_dir), renderer=renderer, on_error=on_error, batch=batch)
