"""tei_tools.batch and `validate --jobs/--executor`: the same output whatever N and wherever the workers run."""
from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, SHARED, needs_shared
from tei_tools import batch
from tei_tools.batch import BatchSetupError, Document, Outcome, _chunks, parallel_saving, run_batch, runs_here
from tei_tools.convert import ConvertJob
from tei_tools.render.site import RenderJob
from tei_tools.cli.validate import command
from tei_tools.validate import UnusableInputError, ValidateJob, Validator
from tei_tools.validate.jobs import messages_of

DATA = REPO / "tests" / "data"
CORPUS = SHARED / "corpus"


def run(*arguments: str):
    return CliRunner().invoke(command, [str(a) for a in arguments])


def _mixed_folder(folder: Path) -> list[Path]:
    """Valid and broken editions, with the personography they point into, in a fixed order."""
    for source in sorted((DATA / "broken").glob("*.xml")) + sorted((DATA / "valid").glob("*.xml")):
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    shutil.copy(DATA / "broken" / "persons.xml", folder / "persons.xml")
    return sorted(folder.glob("*.xml"))


# ---------------------------------------------------------------- the engine, in this process


@dataclass(frozen=True)
class LengthJob:
    """A toy job: the size of each file; files named bad* fail; files named boom* raise."""

    def key(self):
        return "length"

    def setup(self):
        return {"setups": 1}

    def run(self, state, documents: list[Document]) -> list[Outcome]:
        for document in documents:
            if document.path.name.startswith("boom"):
                raise RuntimeError("exploded")
        return [Outcome(document.location.stat().st_size, failed=document.path.name.startswith("bad"))
                for document in documents]


def test_outcomes_come_back_in_input_order_with_the_figures(tmp_path):
    paths = []
    for number, name in enumerate(["c.txt", "bad-a.txt", "b.txt", "boom.txt", "a.txt"]):
        path = tmp_path / name
        path.write_text("x" * (number + 1) * 10)
        paths.append(path)
    report = run_batch(LengthJob(), paths, jobs=1, chunk_size=2)
    assert [o.value for o in report.outcomes] == [10, 20, 30, None, 50]
    assert [o.failed for o in report.outcomes] == [False, True, False, True, False]
    assert "exploded" in report.outcomes[3].error  # one bad document does not sink its chunk
    assert report.documents == 5 and report.bytes == 150 and report.failures == 2
    figures = report.as_json()
    assert figures["megabytes"] == 0.0 and figures["failures"] == 2 and figures["executor"] == "serial"
    assert figures["seconds"] >= 0 and set(figures) >= {"mb_per_second", "documents_per_second"}


def test_progress_reports_every_document_once(tmp_path):
    paths = [tmp_path / f"{n}.txt" for n in range(7)]
    for path in paths:
        path.write_text("abc")
    seen = []
    run_batch(LengthJob(), paths, jobs=1, chunk_size=3, progress=lambda done, total, size: seen.append((done, total, size)))
    assert seen == [(3, 7, 9), (6, 7, 18), (7, 7, 21)]


def test_chunks_cover_every_document_once():
    for count in (0, 1, 5, 64, 1001):
        for jobs in (1, 2, 8):
            chunks = _chunks(count, jobs, None)
            assert [i for chunk in chunks for i in chunk] == list(range(count))
            assert all(len(chunk) <= 16 for chunk in chunks)


def test_an_unknown_executor_is_a_setup_error(tmp_path):
    with pytest.raises(BatchSetupError, match="unknown executor"):
        run_batch(LengthJob(), [], executor="threads")


# ---------------------------------------------------------------- validation in worker processes


def test_a_local_pool_gives_the_serial_messages_in_the_serial_order(tmp_path):
    paths = _mixed_folder(tmp_path)
    serial = Validator("project").validate_files(paths)
    assert len({m.path for m in serial}) > 10  # the comparison means something
    report = run_batch(ValidateJob(), paths, jobs=2, chunk_size=3, min_parallel_bytes=0)
    assert report.executor == "local" and report.jobs == 2
    assert messages_of(paths, report.outcomes) == serial
    assert report.failures == len({m.path for m in serial if m.severity == "error"})


def test_an_unusable_schema_stops_a_parallel_batch(tmp_path):
    schema = tmp_path / "rules.sch"
    schema.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern>'
                      '<rule context="p["/></pattern></schema>')
    with pytest.raises(UnusableInputError, match="cannot compile"):
        run_batch(ValidateJob(str(schema)), sorted((DATA / "valid").glob("*.xml")), jobs=2, chunk_size=1,
                  min_parallel_bytes=0)


def _big_editions(folder: Path) -> list[Path]:
    """Two editions of 3 MB each: enough input for a local pool of two to pay for its start
    (tei_tools.batch.runs_here; one big file among small ones would not be)."""
    text = (DATA / "valid" / "biography.xml").read_bytes().replace(
        b"</body>", b"<p>" + b"words " * 500_000 + b"</p></body>")
    for name in ("big-1.xml", "big-2.xml"):
        (folder / name).write_bytes(text)
    return [folder / "big-1.xml", folder / "big-2.xml"]


def test_the_command_gives_the_same_output_whatever_the_jobs(tmp_path):
    _mixed_folder(tmp_path)
    _big_editions(tmp_path)
    one, two = run(tmp_path, "--jobs", "1", "--format", "json"), run(tmp_path, "--jobs", "2", "--format", "json")
    assert one.exit_code == two.exit_code == 1
    first, second = json.loads(one.output), json.loads(two.output)
    assert second["summary"]["executor"] == "local" and first["summary"]["executor"] == "serial"
    assert first["messages"] == second["messages"] and first["files"] == second["files"]
    assert len(first["messages"]) > 10
    assert run(tmp_path, "--jobs", "1").output == run(tmp_path, "--jobs", "2").output


def test_json_carries_the_batch_figures():
    result = run(DATA / "valid", "--format", "json", "--jobs", "2")
    report = json.loads(result.output)
    summary = report["summary"]
    assert summary["documents"] == 3 and summary["failures"] == 0
    assert summary["bytes"] == sum(p.stat().st_size for p in (DATA / "valid").glob("*.xml"))
    assert summary["seconds"] > 0 and summary["mb_per_second"] > 0
    # three small files: starting workers would cost more than it saves
    assert summary["executor"] == "serial" and summary["jobs"] == 1


def test_a_large_batch_goes_to_the_workers(tmp_path):
    paths = _mixed_folder(tmp_path)
    big = _big_editions(tmp_path)
    report = run_batch(ValidateJob(), paths + big, jobs=2)
    assert report.executor == "local" and report.bytes > 6_000_000
    assert messages_of(paths + big, report.outcomes) == Validator("project").validate_files(paths + big)


def test_stats_print_the_closing_figures():
    result = run(DATA / "valid", "--stats", "--jobs", "1")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "validate (project, lxml): 3 file(s), all valid; 0 error(s), 0 warning(s)"
    assert lines[1].startswith("validate: 3 document(s), ") and "MB/s" in lines[1] and "0 failure(s)" in lines[1]


def test_dask_missing_is_a_usage_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as if not installed
    result = run(DATA / "valid", "--executor", "dask")
    assert result.exit_code == 2
    assert "pip install 'tei-tools[dask]'" in result.output and "Traceback" not in result.output


@needs_shared
@pytest.mark.slow
def test_the_corpus_gives_the_same_messages_with_two_workers():
    one, two = run(CORPUS, "--jobs", "1", "-q"), run(CORPUS, "--jobs", "2", "-q")
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output and one.output.count("\n") > 100


# ---------------------------------------------------------------- Dask


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_gives_the_same_messages(tmp_path):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed "
                                                    "(pip install 'tei-tools[dask]')")
    from dask.distributed import Client, LocalCluster

    paths = _mixed_folder(tmp_path)
    serial = Validator("project").validate_files(paths)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            report = run_batch(ValidateJob(), paths, executor="dask", scheduler=cluster.scheduler_address,
                               chunk_size=2)
            result = run(tmp_path, "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert report.executor == "dask"
    assert messages_of(paths, report.outcomes) == serial
    assert result.exit_code == 1
    assert result.output == run(tmp_path, "--jobs", "1").output


# ---------------------------------------------------------------- order, contexts, kept workers


@dataclass(frozen=True)
class PidJob:
    """Each document's context, the worker's process id and how many times it set up; files
    named slow* take a while, so later chunks finish first."""

    def key(self):
        return "pid"

    def setup(self):
        import os
        return {"pid": os.getpid(), "setups": 1}

    def run(self, state, documents: list[Document]) -> list[Outcome]:
        import time
        if any(d.path.name.startswith("slow") for d in documents):
            time.sleep(0.5)
        return [Outcome((d.context, state["pid"], state["setups"])) for d in documents]


def test_consume_sees_every_outcome_in_input_order_and_its_answer_is_kept(tmp_path):
    paths = [tmp_path / ("slow.txt" if n == 0 else f"{n}.txt") for n in range(12)]
    for path in paths:
        path.write_text("x")
    seen = []

    def consume(number, document, outcome):
        seen.append((number, document.path, outcome.value[0]))
        return Outcome(f"kept {number}")

    report = run_batch(PidJob(), paths, jobs=2, chunk_size=1, min_parallel_bytes=0, consume=consume,
                       contexts=[f"context {n}" for n in range(12)])
    assert report.executor == "local"
    assert seen == [(n, paths[n], f"context {n}") for n in range(12)]
    assert [o.value for o in report.outcomes] == [f"kept {n}" for n in range(12)]


def test_workers_and_their_states_are_kept_for_the_next_batch(tmp_path):
    paths = [tmp_path / f"{n}.txt" for n in range(8)]
    for path in paths:
        path.write_text("x")
    first = run_batch(PidJob(), paths, jobs=2, chunk_size=1, min_parallel_bytes=0)
    second = run_batch(PidJob(), paths, jobs=2, chunk_size=1, min_parallel_bytes=0)
    # two workers at most across both batches (on a busy machine one may do all of the first):
    # the second batch got no new processes
    pids = {o.value[1] for o in first.outcomes + second.outcomes}
    assert 1 <= len(pids) <= 2 and os.getpid() not in pids
    assert {o.value[2] for o in first.outcomes + second.outcomes} == {1}  # set up once per worker


def test_chunks_hold_about_the_same_bytes():
    sizes = [2_000_000, 100, 1_900_000, 500_000, 500_000] + [100_000] * 30
    chunks = _chunks(len(sizes), 2, None, sizes)
    assert [i for chunk in chunks for i in chunk] == list(range(len(sizes)))
    assert chunks[0] == range(0, 1) and chunks[1] == range(1, 2) and chunks[2] == range(2, 3)  # big files alone
    assert max(sum(sizes[i] for i in chunk) for chunk in chunks[3:]) <= sum(sizes) / 8 + 100_000


def test_what_workers_save_is_bounded_by_the_largest_document():
    assert parallel_saving([300_000] * 4, 2) == 600_000
    assert parallel_saving([258_000, 20_000, 18_000], 2) == 38_000  # the seeds: one big file
    assert parallel_saving([5_000_000, 1_000], 4) == 1_000
    assert parallel_saving([], 2) == 0


def _no_pool_running(monkeypatch):
    monkeypatch.setattr(batch, "_POOLS", {})


def test_a_batch_goes_to_workers_only_when_they_save_more_than_they_cost(monkeypatch):
    _no_pool_running(monkeypatch)
    convert = ConvertJob()
    # converting: 2.1 s a MB; the seeds (one big source and two small ones) stay here, sixty
    # sources of 14 kB (0.84 MB; measured: 2.1 s in workers against 2.7 s here) go out
    assert runs_here(convert, [258_000, 20_000, 18_000], 2)
    assert not runs_here(convert, [14_000] * 60, 2)
    assert runs_here(convert, [14_000] * 20, 2)  # 0.28 MB: measured 1.3 s in workers, 1.2 s here
    # validating with lxml is ten times cheaper a MB: 4 MB of editions stay here, 8 MB go out
    validate = ValidateJob()
    assert runs_here(validate, [29_000] * 140, 2) and not runs_here(validate, [29_000] * 280, 2)
    # the caller's limit, when given, is the bytes the workers must save
    assert not runs_here(convert, [14_000] * 20, 2, min_parallel_bytes=0)
    assert runs_here(convert, [14_000] * 60, 2, min_parallel_bytes=500_000)


def test_workers_already_running_cost_only_the_hand_over(monkeypatch):
    _no_pool_running(monkeypatch)
    validate, sizes = ValidateJob(), [29_000] * 140
    assert runs_here(validate, sizes, 2)
    monkeypatch.setattr(batch, "_POOLS", {2: object()})  # as after a build's conversion
    assert not runs_here(validate, sizes, 2)
    assert runs_here(validate, [2_000] * 3, 2)  # three small files: not worth the hand-over
    # a state this process holds already (a renderer) would have to be made again in each worker
    assert runs_here(RenderJob(), [20_000] * 20, 2, has_local_state=True)
    assert not runs_here(RenderJob(), [20_000] * 20, 2, has_local_state=False)


def test_the_collector_is_tuned_in_the_pools_workers_and_left_alone_in_the_callers_process(tmp_path):
    import gc

    from tei_tools.batch import COLLECTOR_THRESHOLDS

    before = gc.get_threshold()
    paths = [tmp_path / f"{n}.txt" for n in range(4)]
    for path in paths:
        path.write_text("x")
    report = run_batch(CollectorJob(), paths, jobs=2, chunk_size=1, min_parallel_bytes=0)
    assert {tuple(o.value) for o in report.outcomes} == {COLLECTOR_THRESHOLDS}
    assert gc.get_threshold() == before  # a library call does not retune the caller's process


class CollectorJob:
    def key(self):
        return "collector"

    def setup(self):
        return None

    def run(self, state, documents: list[Document]) -> list[Outcome]:
        import gc
        return [Outcome(list(gc.get_threshold())) for _ in documents]
