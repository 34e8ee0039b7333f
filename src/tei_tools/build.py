"""The main job: seeds/*.txt -> editions/*.xml (validated) -> site/ (HTML and plain text).

Each step is the same API the single commands use; `build` only strings them together and
stops before rendering if any edition or the personography is invalid.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tei_tools.convert import PERSONOGRAPHY_NAME, ConversionResult, convert_files


class BuildError(Exception):
    """The project cannot be built as asked (no seeds folder, nothing to convert)."""


@dataclass
class BuildReport:
    conversions: list[ConversionResult] = field(default_factory=list)
    messages: list = field(default_factory=list)  # validation messages (tei_tools.validate.Message)
    pages: list[Path] = field(default_factory=list)

    @property
    def failed_conversions(self) -> list[ConversionResult]:
        return [r for r in self.conversions if r.status == "failed"]

    @property
    def kept_editions(self) -> list[ConversionResult]:
        return [r for r in self.conversions if r.status == "refused"]

    @property
    def invalid(self) -> bool:
        return any(m.severity == "error" for m in self.messages)

    @property
    def ok(self) -> bool:
        return not self.failed_conversions and not self.invalid


def build(seeds: Path = Path("seeds"), editions: Path = Path("editions"), site: Path | None = Path("site"), *,
          force: bool = False, tei_all: Path | None = None,
          echo: Callable[[str], None] = lambda message: None) -> BuildReport:
    """Convert every seed, validate every edition and the personography, render the site."""
    sources = sorted(Path(seeds).glob("*.txt"))
    if not sources:
        raise BuildError(f"{seeds}: no *.txt sources to convert")
    report = BuildReport()
    echo(f"convert: {len(sources)} source(s) from {seeds}/ into {editions}/")
    report.conversions = convert_files(sources, editions, force=force, on_result=_conversion_echo(echo))
    targets = sorted(p for p in Path(editions).glob("*.xml"))
    report.messages = _validate(targets, tei_all, echo)
    if report.invalid or site is None:
        return report
    report.pages = _render(targets, Path(editions) / PERSONOGRAPHY_NAME, Path(site), echo)
    return report


def _conversion_echo(echo: Callable[[str], None]) -> Callable[[ConversionResult], None]:
    def tell(result: ConversionResult) -> None:
        if result.status == "refused":
            echo(f"  kept {result.output}: edited by hand since it was generated (build --force replaces it)")
        elif result.status == "failed":
            echo(f"  error: {result.message}")
        else:
            echo(f"  {result.status} {result.output}")
    return tell


def _validate(targets: list[Path], tei_all: Path | None, echo: Callable[[str], None]) -> list:
    from tei_tools.validate import Validator

    messages = []
    schemas = [("project", Validator("project"))]
    if tei_all:
        schemas.append(("tei-all", Validator("tei-all", tei_all=tei_all)))
    for name, validator in schemas:
        found = validator.validate_files(targets)  # one jing process / compilation for the batch
        errors = sum(m.severity == "error" for m in found)
        echo(f"validate ({name}): {len(targets)} file(s), {errors} error(s)")
        messages += found
    return messages


def _render(targets: list[Path], personography: Path, site: Path, echo: Callable[[str], None]) -> list[Path]:
    from tei_tools.render import Renderer

    editions = [p for p in targets if p.name != PERSONOGRAPHY_NAME]
    renderer = Renderer()
    # pages, plain texts, TEI copies, register, chronology, search page and search index
    pages = renderer.render_site(editions, site, personography if personography.is_file() else None)
    searchable = " with a search index" if any(p.parent.name == "pagefind" for p in pages) else ""
    echo(f"render: {len(pages)} file(s) into {site}/{searchable} (open {site}/index.html; "
         f"search needs a web server: python -m http.server -d {site})")
    return pages
