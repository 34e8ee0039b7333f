"""A site as a batch: each edition rendered on its own (in this process, in worker processes or
on a Dask cluster, see tei_tools.batch), then the site-wide pages from the editions' indexes.

    >>> from tei_tools.render.site import render_site
    >>> files = render_site(editions, Path("site"), Path("editions/persons.xml"), jobs=2)  # doctest: +SKIP

Rendering an edition depends on that edition, the personography and the names of the pages
before and after it (its `context` in the batch), so editions render in any order, anywhere,
and the site comes out byte for byte the same whatever the number of workers. Each worker holds
one `Renderer` (one Saxon processor, each stylesheet compiled once) for all its editions, and
renders there, with each edition, its parts of the front page, register, person cards and
chronology (tei_tools.render.site_parts); this process spools those parts to disk as they come
(never an edition's tree or index), renders each site page's frame once and puts the parts in,
then makes the search index.

An edition that fails is reported and left out; the pages before and after it are rendered
again so that they link past it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from tei_tools.atomic import flush_to_disk
from tei_tools.batch import BatchReport, Document, Outcome, ProgressCallback, run_batch
from tei_tools.render.engine import EditionResult, Renderer
from tei_tools.render.errors import OnError, RenderError, RenderSetupError
from tei_tools.render.pages import check_page_names, site_pages
from tei_tools.render.search import index_for_search, start_indexing
from tei_tools.render.site_parts import SiteParts

SITE, TEXT = "site", "text"


@dataclass(frozen=True)
class RenderJob:
    """Per-edition rendering for tei_tools.batch: a site's share of one edition (page, text, TEI
    copy, index) or its plain text alone. Picklable; each worker makes one Renderer of it."""

    params: tuple[tuple[str, str], ...] = ()
    personography: str | None = None  # absolute
    out_dir: str = ""  # absolute: workers may run in another working directory
    kind: str = SITE
    with_text: bool = True

    fatal_errors = (RenderSetupError,)
    # What workers must save to be worth starting (tei_tools.batch.runs_here), measured on 2
    # cores: an edition's share of a site costs about 0.7 s per MB on one core, its plain text
    # alone about 0.2 s; a worker's renderer (Saxon, the stylesheets, the personography) 0.3 s.
    setup_seconds = 0.3

    @property
    def seconds_per_mb(self) -> float:
        return 0.2 if self.kind == TEXT else 0.7

    def key(self):
        return ("render", self.params, self.personography)

    def setup(self) -> Renderer:
        return Renderer(params=dict(self.params), personography=Path(self.personography) if self.personography else None)

    def run(self, renderer: Renderer, documents: list[Document]) -> list[Outcome]:
        return [self._one(renderer, document) for document in documents]

    def _one(self, renderer: Renderer, document: Document) -> Outcome:
        out_dir = Path(self.out_dir)
        try:
            if self.kind == TEXT:
                return Outcome([renderer.render_text(document.location, out_dir).name])
            previous, following = document.context or ("", "")
            result = renderer.render_edition(document.location, out_dir,
                                             Path(self.personography) if self.personography else None,
                                             previous=previous, following=following, with_text=self.with_text)
        except RenderError as error:  # named as the user named the file, wherever the worker read it
            return Outcome(RenderError(document.path, error.message, error.position), failed=True)
        return Outcome(EditionResult([f.name for f in result.files], None, result.parts))


def job_for(renderer: Renderer, out_dir: Path, personography: Path | None, kind: str = SITE,
            with_text: bool = True) -> RenderJob:
    return RenderJob(tuple(sorted(renderer.params.items())),
                     str(Path(personography).resolve()) if personography else None,
                     str(Path(out_dir).resolve()), kind, with_text)


@dataclass
class BatchOptions:
    """Where the editions are rendered (see tei_tools.batch.run_batch)."""

    jobs: int | None = 1
    executor: str = "local"
    scheduler: str | None = None
    progress: ProgressCallback | None = None
    on_batch: Callable[[BatchReport], None] | None = None  # the figures of the batch of editions


def render_site(editions: Sequence[Path], out_dir: Path, personography: Path | None = None, *,
                renderer: Renderer | None = None, on_error: OnError | None = None, with_text: bool = True,
                search: bool = True, batch: BatchOptions | None = None) -> list[Path]:
    """The whole site into `out_dir` (see Renderer.render_site); `renderer` makes the site-wide
    pages and, when the editions are rendered in this process, the editions too."""
    batch = batch or BatchOptions()
    renderer = renderer or Renderer(personography=personography)
    editions, out_dir = [Path(p) for p in editions], Path(out_dir)
    check_page_names(editions, site_pages(renderer.params))
    personography = Path(personography) if personography else renderer._personography_for(editions)
    renderer._load_personography(personography)  # unusable: RenderSetupError before any worker starts
    job = job_for(renderer, out_dir, personography, SITE, with_text)
    with SiteParts() as parts:
        results, failed = _render_editions(job, renderer, editions, editions, out_dir, on_error, batch, parts)
        if failed:  # link past the editions that failed: render the pages beside them again
            order = [e for e in editions if e not in failed]
            again = [e for e in order if failed & set(_beside(editions, e))]
            redone, _ = _render_editions(job, renderer, again, order, out_dir, on_error, batch, None, report=False)
            results.update(redone)
        else:
            order = editions
        files = [f for edition in order for f in results[edition].files]
        indexing = None
        if search and renderer.params.get("search-page", "search.html") and order:
            # the editions' pages are written: Pagefind reads them while the site pages are made
            # (with no edition page it would index the site pages: then it runs after them)
            indexing = start_indexing(out_dir, [results[e].page.name for e in order])
        try:
            files += renderer.write_site_pages(parts, out_dir, personography)
            files += renderer._copy_assets(out_dir)
            flush_to_disk()  # the pages were written without a flush each (they are many, and made again)
        except BaseException:
            if indexing is not None:
                indexing.cancel()
            raise
    if search and renderer.params.get("search-page", "search.html"):
        try:
            files += indexing.finish() if indexing is not None else index_for_search(out_dir)
        except RenderError as error:  # the site works without its search index: say so, go on
            if on_error is None:
                raise
            on_error(error)
    return files


def render_texts(editions: Sequence[Path], out_dir: Path, *, renderer: Renderer | None = None,
                 on_error: OnError | None = None, batch: BatchOptions | None = None) -> list[Path]:
    """DIR/<stem>.txt for each edition."""
    batch = batch or BatchOptions()
    renderer = renderer or Renderer()
    editions, out_dir = [Path(p) for p in editions], Path(out_dir)
    check_page_names(editions)
    job = job_for(renderer, out_dir, renderer.personography, TEXT)
    report = run_batch(job, editions, jobs=batch.jobs, executor=batch.executor, scheduler=batch.scheduler,
                       progress=batch.progress, local_state=renderer)
    if batch.on_batch:
        batch.on_batch(report)
    flush_to_disk()
    files = []
    for edition, outcome in zip(editions, report.outcomes):
        if outcome.failed:
            _fail(edition, outcome, on_error)
        else:
            files += [out_dir / name for name in outcome.value]
    return files


def _render_editions(job: RenderJob, renderer: Renderer, editions: list[Path], order: list[Path], out_dir: Path,
                     on_error: OnError | None, batch: BatchOptions, parts: SiteParts | None,
                     report: bool = True) -> tuple[dict[Path, EditionResult], set[Path]]:
    """Render `editions`, each with its neighbours in `order`; (results, the editions that failed).
    Each edition's parts of the site's pages go into `parts` as they come (in the order of
    `editions`), and are not kept in the results."""
    position = {edition: number for number, edition in enumerate(order)}
    contexts = [_neighbours(order, position[e]) for e in editions]
    waiting = [parts is not None]  # the site pages' stylesheets are still to be compiled

    def spool(number: int, document, outcome: Outcome) -> Outcome:
        if waiting[0]:  # the first outcome is in: while workers render the rest, compile them here
            waiting[0] = False
            renderer.prepare_site_pages(Path(job.personography) if job.personography else None)
        if outcome.failed or not isinstance(outcome.value, EditionResult):
            return outcome
        if parts is not None and outcome.value.parts is not None:
            parts.add(number, outcome.value.parts)
        return Outcome(EditionResult(outcome.value.files, None), outcome.failed, outcome.error)

    outcome_report = run_batch(job, editions, jobs=batch.jobs, executor=batch.executor, scheduler=batch.scheduler,
                               progress=batch.progress if report else None, contexts=contexts,
                               local_state=renderer, consume=spool)
    if report and batch.on_batch:
        batch.on_batch(outcome_report)
    results: dict[Path, EditionResult] = {}
    failed: set[Path] = set()
    for edition, outcome in zip(editions, outcome_report.outcomes):
        if outcome.failed:
            failed.add(edition)
            _fail(edition, outcome, on_error)
        else:
            results[edition] = EditionResult([out_dir / name for name in outcome.value.files], None)
    return results, failed


def _fail(edition: Path, outcome: Outcome, on_error: OnError | None) -> None:
    error = outcome.value if isinstance(outcome.value, RenderError) else RenderError(
        edition, f"tei-tools could not render it ({outcome.error}); please report this")
    if on_error is None:
        raise error
    on_error(error)


def _neighbours(order: list[Path], position: int) -> tuple[str, str]:
    previous = f"{order[position - 1].stem}.html" if position > 0 else ""
    following = f"{order[position + 1].stem}.html" if position + 1 < len(order) else ""
    return previous, following


def _beside(editions: list[Path], edition: Path) -> list[Path]:
    at = editions.index(edition)
    return editions[max(0, at - 1):at + 2]
