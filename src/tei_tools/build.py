"""The main job: seeds/*.txt -> editions/*.xml (validated) -> site/ (HTML and plain text).

Each step is the same API the single commands use; `build` only strings them together. A bad
file stops only itself: every good source is converted, every edition validated, and every valid
edition rendered; the invalid ones are reported and left out of the site. An invalid
personography stops the rendering (every page links into it).

Every step works document by document on the same engine (tei_tools.batch): `jobs` worker
processes (kept from one step to the next, with their word lists, schemas and stylesheets), or a
Dask cluster; the editions and the site are the same whatever the number of workers.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tei_tools.batch import BatchReport, ProgressCallback
from tei_tools.convert import DEFAULT_MAX_SIZE, PERSONOGRAPHY_NAME, ConversionResult, convert_files

StepProgress = Callable[[str], ProgressCallback | None]  # step name -> its progress callback


class BuildError(Exception):
    """The project cannot be built as asked (no seeds folder, nothing to convert)."""


@dataclass
class BuildReport:
    conversions: list[ConversionResult] = field(default_factory=list)
    messages: list = field(default_factory=list)  # validation messages (tei_tools.validate.Message)
    pages: list[Path] = field(default_factory=list)
    unrendered: list[Path] = field(default_factory=list)  # invalid editions left out of the site
    render_failures: list = field(default_factory=list)  # tei_tools.render.RenderError, one per file
    steps: dict[str, BatchReport] = field(default_factory=dict)  # the figures of each step's batch
    figures: BatchReport | None = None  # the whole build: the sources, its seconds, its failures

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
    def invalid_files(self) -> list[str]:
        return sorted({m.path for m in self.messages if m.severity == "error"})

    @property
    def ok(self) -> bool:
        return not self.failed_conversions and not self.invalid and not self.render_failures

    def summary(self) -> str:
        """One line: what was done and what was not."""
        converted = len(self.conversions) - len(self.failed_conversions)
        parts = [f"{converted} of {len(self.conversions)} source(s) converted"]
        if self.kept_editions:
            parts.append(f"{len(self.kept_editions)} hand-edited edition(s) kept")
        parts.append(f"{len(self.invalid_files)} invalid file(s)")
        parts.append(f"{len(self.pages)} file(s) rendered" +
                     (f", {len(self.unrendered)} invalid edition(s) left out" if self.unrendered else "") +
                     (f", {len(self.render_failures)} failed" if self.render_failures else ""))
        return ("build: " if self.ok else "build: incomplete: ") + "; ".join(parts)


@dataclass(frozen=True)
class Workers:
    """Where each step's documents are worked on (see tei_tools.batch.run_batch)."""

    jobs: int | None = None  # None: one worker per core
    executor: str = "local"
    scheduler: str | None = None


def build(seeds: Path = Path("seeds"), editions: Path = Path("editions"), site: Path | None = Path("site"), *,
          force: bool = False, tei_all: Path | None = None, max_size: int | None = DEFAULT_MAX_SIZE,
          echo: Callable[[str], None] = lambda message: None, workers: Workers = Workers(),
          progress: StepProgress = lambda step: None, quiet_progress: bool = False) -> BuildReport:
    """Convert every seed, validate every edition and the personography, render the valid ones.

    `progress(step)` gives each step ("convert", "validate", "render") its progress callback;
    with `quiet_progress` (a bar shows how far it has got) the steps say only what matters."""
    started = time.perf_counter()
    sources = sorted(Path(seeds).glob("*.txt"))
    if not sources:
        raise BuildError(f"{seeds}: no *.txt sources to convert")
    report = BuildReport()
    try:
        _steps(report, sources, Path(seeds), Path(editions), site, force, tei_all, max_size, echo, workers, progress,
               quiet_progress)
    finally:
        failures = len(report.failed_conversions) + len(report.invalid_files) + len(report.render_failures)
        first = report.steps.get("convert")
        if first is not None:
            report.figures = first.overall(time.perf_counter() - started, failures)
    return report


def _steps(report: BuildReport, sources: list[Path], seeds: Path, editions: Path, site: Path | None, force: bool,
           tei_all: Path | None, max_size: int | None, echo: Callable[[str], None], workers: Workers,
           progress: StepProgress, quiet_progress: bool) -> None:
    echo(f"convert: {len(sources)} source(s) from {seeds}/ into {editions}/")
    report.conversions = convert_files(sources, editions, force=force, on_result=_conversion_echo(echo, quiet_progress),
                                       max_size=max_size, jobs=workers.jobs, executor=workers.executor,
                                       scheduler=workers.scheduler, progress=progress("convert"),
                                       on_batch=_keep(report, "convert"))
    targets = sorted(p for p in editions.glob("*.xml"))
    report.messages = _validate(targets, tei_all, echo, workers, progress("validate"), report)
    personography = editions / PERSONOGRAPHY_NAME
    invalid = set(report.invalid_files)
    if site is None or str(personography) in invalid:
        return
    valid = [p for p in targets if str(p) not in invalid]
    report.unrendered = [p for p in targets if str(p) in invalid]
    from tei_tools.render import RenderSetupError

    try:
        report.pages = _render(valid, personography, Path(site), echo, report.render_failures.append, workers,
                               progress("render"), report)
    except RenderSetupError as error:  # clashing page names, a personography Saxon cannot read
        raise BuildError(str(error)) from None


def _keep(report: BuildReport, step: str) -> Callable[[BatchReport], None]:
    def keep(figures: BatchReport) -> None:
        report.steps.setdefault(step, figures)
    return keep


def _conversion_echo(echo: Callable[[str], None], quiet_progress: bool = False) -> Callable[[ConversionResult], None]:
    def tell(result: ConversionResult) -> None:
        if result.status == "refused":
            echo(f"  kept {result.output}: edited by hand since it was generated (build --force replaces it)")
        elif result.status == "failed":
            echo(f"  error: {result.message}")
        else:
            if not quiet_progress:
                echo(f"  {result.status} {result.output}")
            if result.backup:
                echo(f"  kept the hand-edited edition as {result.backup} before replacing it (--force)")
    return tell


def _validate(targets: list[Path], tei_all: Path | None, echo: Callable[[str], None], workers: Workers,
              progress: ProgressCallback | None, report: BuildReport) -> list:
    from tei_tools.batch import run_batch
    from tei_tools.validate import ValidateJob
    from tei_tools.validate.jobs import messages_of

    messages = []
    schemas = [("project", ValidateJob("project"))]
    if tei_all:
        schemas.append(("tei-all", ValidateJob("tei-all", tei_all=str(tei_all))))
    for name, job in schemas:
        batch = run_batch(job, targets, jobs=workers.jobs, executor=workers.executor, scheduler=workers.scheduler,
                          progress=progress if name == "project" else None)
        report.steps.setdefault("validate", batch)
        found = messages_of(targets, batch.outcomes)
        errors = sum(m.severity == "error" for m in found)
        echo(f"validate ({name}): {len(targets)} file(s), {errors} error(s)")
        messages += found
    return messages


def _render(targets: list[Path], personography: Path, site: Path, echo: Callable[[str], None],
            on_error: Callable, workers: Workers, progress: ProgressCallback | None, report: BuildReport) -> list[Path]:
    from tei_tools.render import Renderer
    from tei_tools.render.site import BatchOptions

    editions = [p for p in targets if p.name != PERSONOGRAPHY_NAME]
    renderer = Renderer()
    # pages, plain texts, TEI copies, register, chronology, search page and search index
    pages = renderer.render_site(editions, site, personography if personography.is_file() else None,
                                 on_error=on_error, batch=BatchOptions(workers.jobs, workers.executor, workers.scheduler,
                                                                       progress, _keep(report, "render")))
    searchable = " with a search index" if any(p.parent.name == "pagefind" for p in pages) else ""
    echo(f"render: {len(pages)} file(s) into {site}/{searchable} (open {site}/index.html; "
         f"search needs a web server: python -m http.server -d {site})")
    return pages
