"""Per-document work over many documents: in this process, in a local process pool, or on Dask.

    >>> from tei_tools.batch import run_batch
    >>> from tei_tools.validate import ValidateJob
    >>> report = run_batch(ValidateJob(), paths, jobs=2)              # doctest: +SKIP
    >>> report.documents, report.mb_per_second, report.failures       # doctest: +SKIP

A job is a small picklable description of the work (which schema, which options); each worker
process turns it into its state once (`job.setup()`: compiled schemas, stylesheets, word lists)
and keeps that state for every later chunk of the same job. Documents go to the workers in
chunks, each with an optional picklable `context` of its own (an edition's neighbours in a
site); results come back in input order, so the output is the same whatever the number of
workers or the executor. `consume` sees each outcome in input order as soon as the outcomes
before it are in (a conversion reconciles and writes each document while later ones are still
being read), and what it returns is kept instead, so a batch need not hold every result at once;
no more than a few chunks per worker are ever out at a time for the same reason.

Worker processes outlive a batch: the next batch with the same number of workers (a build's
convert, validate and render) reuses them and the states they hold (`shutdown()` ends them; it
runs at exit).

Executors:
- `jobs=1`: in this process, no pool;
- `executor="local"`: a pool of `jobs` worker processes (default: the machine's cores), started
  by a fork server so that no worker inherits a running Saxon or a half-held lock;
- `executor="dask"`: a Dask distributed cluster, `scheduler="tcp://host:8786"` for an existing one
  or a `LocalCluster` of `jobs` single-threaded workers; needs `pip install 'tei-tools[dask]'`.
  Workers read the documents by absolute path, so they must see the same file system.
"""
from __future__ import annotations

import atexit
import dataclasses
import gc
import multiprocessing
import os
import time
import traceback
from collections import OrderedDict
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Hashable, Iterable, Protocol, Sequence

EXECUTORS = ("local", "dask")
# A local batch goes to worker processes only when they save more time than starting them
# costs (see runs_here): a fork server and its imports, the workers forked from it. Measured on
# a 2-core machine: the point where `--jobs 2` overtakes `--jobs 1` was 0.35-0.4 MB of sources
# for convert, 1.2 MB of editions for render and 4.5-5 MB for validate, each of evenly sized
# files; a pool already running costs nothing more to use.
POOL_START_SECONDS = 0.45
# Handing a batch to workers already running (documents and outcomes pickled, workers woken):
# a small batch stays here even then.
POOL_DISPATCH_SECONDS = 0.05
# A job that says nothing of its own cost: about what rendering costs (seconds per MB on one core).
DEFAULT_SECONDS_PER_MB = 0.8
# Chunks out at a time per worker: enough to keep every worker busy, few enough that results
# waiting for an earlier, slower chunk never pile up.
CHUNKS_IN_FLIGHT_PER_WORKER = 4
# Worker states kept per process (job key -> state): a build's convert, validate and render.
STATES_KEPT = 4
# What the fork server imports once, so that each worker starts with it loaded (no Saxon is
# started by importing these).
PRELOAD = ["tei_tools.batch", "lxml.etree", "tei_tools.validate", "tei_tools.render", "tei_tools.convert",
           "tei_tools.annotate.persons", "tei_tools.annotate.dates", "tei_tools.annotate.quotes"]


class BatchSetupError(Exception):
    """The batch cannot run as asked (unknown executor, Dask not installed or not reachable)."""


@dataclass(frozen=True)
class Document:
    path: Path  # as the user gave it: what messages and reports name
    location: Path  # absolute: what a worker reads, wherever its working directory is
    context: Any = None  # what the job needs to know of this document besides its file (picklable)


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

    # Optional: `preload`, the modules a fork server started for this job imports (default
    # PRELOAD); `largest_first = True`, the chunks with the most bytes go out first when nothing
    # consumes the outcomes in order (no worker is then left with a big file at the end);
    # `seconds_per_mb`, what a MB of its input costs on one core, and `setup_seconds`, what a
    # worker's setup costs (see runs_here).

ProgressCallback = Callable[[int, int, int], None]  # (documents done, total, bytes done)
Consumer = Callable[[int, Document, Outcome], Outcome | None]  # in input order; returns what to keep


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

    def overall(self, seconds: float, failures: int | None = None) -> "BatchReport":
        """These figures for a whole command: its own seconds (the batch and what came after it:
        a site's pages, its search index) and failures."""
        whole = dataclasses.replace(self, outcomes=[], seconds=seconds)
        whole.failures = self.failures if failures is None else failures
        return whole

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
              chunk_size: int | None = None, min_parallel_bytes: int | None = None,
              contexts: Sequence[Any] | None = None, consume: Consumer | None = None,
              local_state: Any = None) -> BatchReport:
    """Run `job` over `paths`; the outcomes come back in the order of `paths`.

    `contexts`: one per path, handed to the job with its document. `consume`: called with each
    outcome in the order of `paths`, as soon as every earlier one is in; what it returns is kept
    in the report instead (None: the outcome without its value). A local batch that workers
    would not make faster (see runs_here; with `min_parallel_bytes`, one whose workers would
    take fewer bytes than that off this process's share) runs in this process (same output),
    with `local_state` as the job's state when given (a renderer or validator this process has
    already set up)."""
    if executor not in EXECUTORS:
        raise BatchSetupError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    paths = [Path(p) for p in paths]
    contexts = list(contexts) if contexts is not None else [None] * len(paths)
    if len(contexts) != len(paths):
        raise ValueError("one context per path")
    # absolute, symbolic links kept: a source's sidecar is looked for beside the name given
    documents = [Document(p, Path(os.path.abspath(p)), c) for p, c in zip(paths, contexts)]
    sizes = [_size(d.location) for d in documents]
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    chunks = _chunks(len(documents), jobs, chunk_size or getattr(job, "chunk_size", lambda n, j: None)(
        len(documents), jobs), sizes)
    started = time.perf_counter()
    collector = _Collector(documents, sizes, progress, consume)
    if executor == "dask":
        used = "dask"
        _run_dask(job, documents, chunks, jobs, scheduler, collector)
    elif jobs == 1 or len(chunks) <= 1 or runs_here(job, sizes, jobs, local_state is not None, min_parallel_bytes):
        used = "serial"
        state = local_state if local_state is not None else worker_state(job)
        for chunk in chunks:
            collector.collect(chunk, run_chunk(job, [documents[i] for i in chunk], state))
    else:
        used = "local"
        if getattr(job, "largest_first", False) and consume is None:
            chunks = sorted(chunks, key=lambda chunk: -sum(sizes[i] for i in chunk))
        _run_local(job, documents, chunks, jobs, collector)
    seconds = time.perf_counter() - started
    return BatchReport(collector.outcomes(), len(documents), sum(sizes), seconds,
                       1 if used == "serial" else jobs, used)


def parallel_saving(sizes: Sequence[int], jobs: int) -> int:
    """The bytes `jobs` workers take off what one process would work through: all of them less
    the share of the busiest worker, which is at least the largest document (a batch of one big
    file and a few small ones gains next to nothing)."""
    total = sum(sizes)
    return int(total - max(max(sizes, default=0), total / jobs))


def runs_here(job: Job, sizes: Sequence[int], jobs: int, has_local_state: bool = False,
              min_parallel_bytes: int | None = None) -> bool:
    """Whether a local batch is quicker in this process than in `jobs` workers: what the workers
    save (parallel_saving, at the job's `seconds_per_mb`) against what they cost, starting the
    pool (unless one of that size is running), handing the documents over and, when this process
    already holds the job's state, setting it up in the workers (the job's `setup_seconds`)."""
    saving = parallel_saving(sizes, jobs)
    if min_parallel_bytes is not None:
        return saving < min_parallel_bytes
    cost = POOL_DISPATCH_SECONDS + (0.0 if jobs in _POOLS else POOL_START_SECONDS) + (
        getattr(job, "setup_seconds", 0.0) if has_local_state else 0.0)
    return saving / 1_000_000 * getattr(job, "seconds_per_mb", DEFAULT_SECONDS_PER_MB) < cost


class _Collector:
    """Outcomes as chunks come in (in any order); handed on in input order."""

    def __init__(self, documents: list[Document], sizes: list[int], progress: ProgressCallback | None,
                 consume: Consumer | None):
        self.documents, self.sizes, self.progress, self.consume = documents, sizes, progress, consume
        self._outcomes: list[Outcome | None] = [None] * len(documents)
        self.consumed = 0  # documents handed on so far, in input order
        self.done = self.done_bytes = 0

    def collect(self, chunk: range, results: list[Outcome]) -> None:
        for index, outcome in zip(chunk, results):
            self._outcomes[index] = outcome
        self.done += len(chunk)
        self.done_bytes += sum(self.sizes[i] for i in chunk)
        while self.consumed < len(self._outcomes) and self._outcomes[self.consumed] is not None:
            if self.consume is not None:
                outcome = self._outcomes[self.consumed]
                kept = self.consume(self.consumed, self.documents[self.consumed], outcome)
                self._outcomes[self.consumed] = kept if kept is not None else Outcome(
                    None, outcome.failed, outcome.error)
            self.consumed += 1
        if self.progress:
            self.progress(self.done, len(self.documents), self.done_bytes)

    def outcomes(self) -> list[Outcome]:
        return [o if o is not None else Outcome(failed=True, error="no result") for o in self._outcomes]


# ---------------------------------------------------------------- in a worker


# per process: job key -> state (compiled once, kept for later chunks and batches; the least
# recently used goes when more than STATES_KEPT are held)
_STATES: OrderedDict[Hashable, Any] = OrderedDict()


# Converting makes millions of small tracked objects (words, spans) that live as long as one
# document; with CPython's default thresholds (700, 10, 10) the collector runs thousands of times
# a document and its full passes walk the loaded word lists each time: ~10% of a conversion's
# processor time (measured on 120 generated sources: 7.5-7.9 s -> 6.9 s, the same peak memory).
COLLECTOR_THRESHOLDS = (50_000, 20, 100)


_OWN_PROCESS = False  # set in processes tei-tools owns: its command line and its pool's workers


def tune_collector() -> None:
    """Collect less often, and (in workers) leave the loaded state out of later collections: for
    processes tei-tools owns, never for a notebook's process that imports the library."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def worker_state(job: Job) -> Any:
    key = job.key()
    if key in _STATES:
        _STATES.move_to_end(key)
    else:
        _STATES[key] = job.setup()
        while len(_STATES) > STATES_KEPT:
            _STATES.popitem(last=False)
        if _OWN_PROCESS:
            gc.freeze()  # the state lives as long as the process: later collections need not walk it
    return _STATES[key]


def run_chunk(job: Job, documents: list[Document], state: Any = None) -> list[Outcome]:
    """One chunk, in a worker (or in this process). Setup errors propagate: the batch cannot run."""
    if state is None:
        state = worker_state(job)
    try:
        return job.run(state, documents)
    except Exception as error:  # a bug, not a verdict: say so per document, keep the batch going
        if isinstance(error, getattr(job, "fatal_errors", ())):
            raise  # the job cannot run at all (an unusable schema): the whole batch stops
        if len(documents) > 1:
            return [outcome for document in documents for outcome in run_chunk(job, [document], state)]
        return [Outcome(failed=True, error=f"{type(error).__name__}: {error} "
                                           f"({traceback.extract_tb(error.__traceback__)[-1].name})")]


# ---------------------------------------------------------------- executors


def _chunks(count: int, jobs: int, size: int | None, sizes: Sequence[int] | None = None) -> list[range]:
    """Chunks small enough to balance the workers, large enough that each costs one message.

    With `size`, that many documents each; otherwise about the same number of bytes each (a
    quarter of a worker's share, at most 16 documents), so that a corpus sorted with its big
    files together still spreads them over the workers."""
    if size is not None:
        return [range(start, min(start + size, count)) for start in range(0, count, size)]
    sizes = list(sizes) if sizes is not None else [1] * count
    target = max(1, sum(sizes) / (jobs * CHUNKS_IN_FLIGHT_PER_WORKER))
    chunks, start, filled = [], 0, 0
    for index in range(count):
        if index > start and (filled + sizes[index] > target or index - start >= 16):
            chunks.append(range(start, index))
            start, filled = index, 0
        filled += sizes[index]
    if count:
        chunks.append(range(start, count))
    return chunks


def _pool_context(preload: Sequence[str] = PRELOAD):
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        # the fork server imports these once (no Saxon is started by importing them); each
        # worker forked from it starts with them loaded. Only the first pool's list counts: the
        # fork server lives as long as this process
        context.set_forkserver_preload(list(preload))
    return context


_POOLS: dict[int, ProcessPoolExecutor] = {}  # workers -> a pool kept for the next batch
_DASK: dict[str, tuple[Any, Any]] = {}  # 'local:N' -> (client, cluster) of a local cluster we started


def _local_pool(workers: int, preload: Sequence[str] = PRELOAD) -> ProcessPoolExecutor:
    if workers not in _POOLS:
        for other in list(_POOLS):  # one pool at a time: each holds its workers' memory
            _POOLS.pop(other).shutdown(wait=True, cancel_futures=True)
        _POOLS[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(preload),
                                              initializer=tune_collector)
    return _POOLS[workers]


def shutdown() -> None:
    """End the kept worker processes and Dask clients (runs at exit)."""
    for pool in list(_POOLS.values()):
        pool.shutdown(wait=True, cancel_futures=True)
    _POOLS.clear()
    for client, cluster in list(_DASK.values()):
        try:
            client.close()
            if cluster is not None:
                cluster.close()
        except Exception:  # closing down: nothing left to tell
            pass
    _DASK.clear()


atexit.register(shutdown)


def _feed(submit: Callable[[range], Any], chunks: list[range], window: int, collector: _Collector,
          wait_for_some: Callable[[set], tuple[list, set]], result: Callable[[Any], list[Outcome]]) -> None:
    """Submit chunks while fewer than `window` chunks are out beyond what has been handed on."""
    pending: dict[Any, range] = {}
    submitted = first_open = 0  # chunks submitted; the first whose documents are not all handed on
    # outcomes consumed in input order wait for the chunks before them; else count what is out
    in_order = collector.consume is not None

    try:
        while submitted < len(chunks) or pending:
            while first_open < submitted and chunks[first_open].stop <= collector.consumed:
                first_open += 1
            while submitted < len(chunks) and (not pending or (submitted - first_open if in_order
                                                               else len(pending)) < window):
                pending[submit(chunks[submitted])] = chunks[submitted]
                submitted += 1
            finished, _ = wait_for_some(set(pending))
            for future in finished:
                collector.collect(pending.pop(future), result(future))
    except BaseException:
        for future in pending:
            future.cancel()
        raise


def _run_local(job: Job, documents: list[Document], chunks: list[range], jobs: int, collector: _Collector) -> None:
    pool = _local_pool(jobs, getattr(job, "preload", PRELOAD))
    try:
        _feed(lambda chunk: pool.submit(run_chunk, job, [documents[i] for i in chunk]), chunks,
              jobs * CHUNKS_IN_FLIGHT_PER_WORKER, collector,
              lambda pending: wait(pending, return_when=FIRST_COMPLETED), lambda future: future.result())
    except BrokenProcessPool:
        _POOLS.pop(jobs, None)  # a worker died (killed, out of memory): the next batch starts afresh
        raise


def _run_dask(job: Job, documents: list[Document], chunks: list[range], jobs: int, scheduler: str | None,
              collector: _Collector) -> None:
    try:
        from dask.distributed import wait as dask_wait
    except ImportError:
        raise BatchSetupError("--executor dask needs Dask: pip install 'tei-tools[dask]'") from None
    client = _dask_client(scheduler, jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)

        def some(pending: set) -> tuple[list, set]:
            done = dask_wait(pending, return_when="FIRST_COMPLETED")
            return list(done.done), done.not_done

        _feed(lambda chunk: client.submit(run_chunk, job, [documents[i] for i in chunk], pure=False), chunks,
              workers * CHUNKS_IN_FLIGHT_PER_WORKER, collector, some, lambda future: future.result())
    finally:
        if scheduler:  # someone else's cluster: connect per batch (its workers keep their states)
            client.close()


def _dask_client(scheduler: str | None, jobs: int):
    """A client of the scheduler, or of a local cluster of `jobs` workers (kept for later batches)."""
    from dask.distributed import Client, LocalCluster

    key = f"local:{jobs}"
    if not scheduler and key in _DASK:
        return _DASK[key][0]
    try:
        if scheduler:
            return Client(scheduler, timeout="20s")
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise BatchSetupError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {error}") from None
    _DASK[key] = (client, cluster)
    return client


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
