"""Per-document work over many documents: in this process, in a local process pool, or on Dask.

    >>> from tei_tools.batch import run_batch
    >>> from tei_tools.validate import ValidateJob
    >>> report = run_batch(ValidateJob(), paths, jobs=2)              # doctest: +SKIP
    >>> report.documents, report.mb_per_second, report.failures       # doctest: +SKIP

A job is a small picklable description of the work (which schema, which options); each worker
process turns it into its state once (`job.setup()`: compiled schemas, stylesheets, word lists)
and keeps that state for every later chunk of the same job. Documents go to the workers in
chunks; results come back in input order, so the output is the same whatever the number of
workers or the executor.

Executors:
- `jobs=1`: in this process, no pool;
- `executor="local"`: a pool of `jobs` worker processes (default: the machine's cores), started
  by a fork server so that no worker inherits a running Saxon or a half-held lock;
- `executor="dask"`: a Dask distributed cluster, `scheduler="tcp://host:8786"` for an existing one
  or a `LocalCluster` of `jobs` single-threaded workers; needs `pip install 'tei-tools[dask]'`.
  Workers read the documents by absolute path, so they must see the same file system.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Protocol

EXECUTORS = ("local", "dask")
# Below this much input a local pool costs more to start (a fork server, an import and a schema
# compilation per worker: about a second) than it saves; such batches run in this process.
MIN_PARALLEL_BYTES = 1_000_000


class BatchSetupError(Exception):
    """The batch cannot run as asked (unknown executor, Dask not installed or not reachable)."""


@dataclass(frozen=True)
class Document:
    path: Path  # as the user gave it: what messages and reports name
    location: Path  # absolute: what a worker reads, wherever its working directory is


@dataclass(frozen=True)
class Outcome:
    """What a job made of one document. `failed`: the document did not pass (invalid, not converted)."""

    value: Any = None
    failed: bool = False
    error: str | None = None  # an unexpected problem, in one line


class Job(Protocol):
    """Per-document work. Must be picklable (a frozen dataclass of plain values is)."""

    def key(self) -> Hashable: ...  # equal keys share one worker state

    def setup(self) -> Any: ...  # once per worker process

    def run(self, state: Any, documents: list[Document]) -> list[Outcome]: ...  # a chunk, in order


ProgressCallback = Callable[[int, int, int], None]  # (documents done, total, bytes done)


@dataclass
class BatchReport:
    outcomes: list[Outcome]
    documents: int
    bytes: int
    seconds: float
    jobs: int
    executor: str  # "serial", "local" or "dask"
    failures: int = field(init=False)

    def __post_init__(self):
        self.failures = sum(outcome.failed for outcome in self.outcomes)

    @property
    def megabytes(self) -> float:
        return self.bytes / 1_000_000

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.seconds if self.seconds > 0 else 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def as_json(self) -> dict:
        return {"documents": self.documents, "bytes": self.bytes, "megabytes": round(self.megabytes, 3),
                "seconds": round(self.seconds, 3), "mb_per_second": round(self.mb_per_second, 3),
                "documents_per_second": round(self.documents_per_second, 2), "failures": self.failures,
                "jobs": self.jobs, "executor": self.executor}


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(job: Job, paths: Iterable[str | Path], *, jobs: int | None = None, executor: str = "local",
              scheduler: str | None = None, progress: ProgressCallback | None = None,
              chunk_size: int | None = None, min_parallel_bytes: int = MIN_PARALLEL_BYTES) -> BatchReport:
    """Run `job` over `paths`; the outcomes come back in the order of `paths`.

    A local batch smaller than `min_parallel_bytes` runs in this process (same output)."""
    if executor not in EXECUTORS:
        raise BatchSetupError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    documents = [Document(Path(p), Path(p).resolve()) for p in paths]
    sizes = [_size(d.location) for d in documents]
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    chunks = _chunks(len(documents), jobs, chunk_size or getattr(job, "chunk_size", lambda n, j: None)(
        len(documents), jobs))
    started = time.perf_counter()
    outcomes: list[Outcome | None] = [None] * len(documents)
    done = [0, 0]

    def collect(chunk: range, results: list[Outcome]) -> None:
        for index, outcome in zip(chunk, results):
            outcomes[index] = outcome
        done[0] += len(chunk)
        done[1] += sum(sizes[i] for i in chunk)
        if progress:
            progress(done[0], len(documents), done[1])

    if executor == "dask":
        used = "dask"
        _run_dask(job, documents, chunks, jobs, scheduler, collect)
    elif jobs == 1 or len(chunks) <= 1 or sum(sizes) < min_parallel_bytes:
        used = "serial"
        for chunk in chunks:
            collect(chunk, run_chunk(job, [documents[i] for i in chunk]))
    else:
        used = "local"
        _run_local(job, documents, chunks, jobs, collect)
    seconds = time.perf_counter() - started
    return BatchReport([o if o is not None else Outcome(failed=True, error="no result") for o in outcomes],
                       len(documents), sum(sizes), seconds, 1 if used == "serial" else jobs, used)


# ---------------------------------------------------------------- in a worker


_STATES: dict[Hashable, Any] = {}  # per process: job key -> state (compiled once, kept for later chunks)


def worker_state(job: Job) -> Any:
    key = job.key()
    if key not in _STATES:
        _STATES[key] = job.setup()
    return _STATES[key]


def run_chunk(job: Job, documents: list[Document]) -> list[Outcome]:
    """One chunk, in a worker (or in this process). Setup errors propagate: the batch cannot run."""
    state = worker_state(job)
    try:
        return job.run(state, documents)
    except Exception as error:  # a bug, not a verdict: say so per document, keep the batch going
        if isinstance(error, getattr(job, "fatal_errors", ())):
            raise  # the job cannot run at all (an unusable schema): the whole batch stops
        if len(documents) > 1:
            return [outcome for document in documents for outcome in run_chunk(job, [document])]
        return [Outcome(failed=True, error=f"{type(error).__name__}: {error} "
                                           f"({traceback.extract_tb(error.__traceback__)[-1].name})")]


# ---------------------------------------------------------------- executors


def _chunks(count: int, jobs: int, size: int | None) -> list[range]:
    """Chunks small enough to balance the workers, large enough that each costs one message."""
    if size is None:
        size = max(1, min(16, math.ceil(count / (jobs * 4)))) if count else 1
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _pool_context():
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        # the fork server imports these once (no Saxon is started by importing them); each
        # worker forked from it starts with them loaded
        context.set_forkserver_preload(["tei_tools.batch", "lxml.etree", "tei_tools.validate"])
    return context


def _run_local(job: Job, documents: list[Document], chunks: list[range], jobs: int,
               collect: Callable[[range, list[Outcome]], None]) -> None:
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=_pool_context()) as pool:
        pending = {pool.submit(run_chunk, job, [documents[i] for i in chunk]): chunk for chunk in chunks}
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    collect(pending.pop(future), future.result())
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _run_dask(job: Job, documents: list[Document], chunks: list[range], jobs: int, scheduler: str | None,
              collect: Callable[[range, list[Outcome]], None]) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchSetupError("--executor dask needs Dask: pip install 'tei-tools[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise BatchSetupError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {error}") from None
    try:
        futures = {client.submit(run_chunk, job, [documents[i] for i in chunk], pure=False): chunk
                   for chunk in chunks}
        for future in as_completed(futures):
            collect(futures[future], future.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
