"""convert, render and build in worker processes: byte for byte what one process makes.

Batches this small would run in the calling process (starting workers costs more than they
save), so the tests lower the thresholds to send them to a pool of two workers.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EDITIONS, REPO, seed_paths
from tei_tools import batch
from tei_tools.build import Workers, build
from tei_tools.cli import cli
from tei_tools.convert import convert_files
from tei_tools.render import RenderError, render_paths

SOURCES = sorted((REPO / "tests" / "data" / "sources").glob("*.txt"))
RENDER = REPO / "tests" / "data" / "render"
SMALL_SEEDS = [p for p in seed_paths() if p.stat().st_size < 100_000]  # the biography seed takes seconds


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(batch, "runs_here", lambda *args, **kwargs: False)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, but Pagefind's index (its files come out in another order each run)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")}


def converted(tmp_path: Path, name: str, jobs: int) -> tuple[Path, list]:
    """The test sources and the small seeds converted against a copy of the project's personography."""
    out = tmp_path / name
    out.mkdir()
    shutil.copy(EDITIONS / "persons.xml", out / "persons.xml")
    reports = []
    results = convert_files(SMALL_SEEDS + SOURCES, out, jobs=jobs, on_batch=reports.append)
    return out, results + reports


def test_parallel_conversion_writes_the_same_editions_and_personography(tmp_path, always_parallel):
    one, serial = converted(tmp_path, "one", 1)
    two, parallel = converted(tmp_path, "two", 2)
    assert serial[-1].executor == "serial" and parallel[-1].executor == "local" and parallel[-1].jobs == 2
    assert [r.status for r in serial[:-1]] == [r.status for r in parallel[:-1]]
    assert all(r.status == "written" for r in serial[:-1])
    # the comparison means something: known people linked, new people added to the personography
    assert (one / "persons.xml").read_bytes() != (EDITIONS / "persons.xml").read_bytes()
    assert b'ref="persons.xml#' in (one / f"{SMALL_SEEDS[0].stem}.xml").read_bytes()
    assert files_of(one) == files_of(two)


def test_a_source_that_fails_in_a_worker_is_reported_as_in_one_process(tmp_path, always_parallel):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    results = {}
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        results[jobs] = convert_files([SOURCES[0], empty, tmp_path / "missing.txt", SOURCES[1]], out, jobs=jobs)
    assert [(r.status, r.message) for r in results[1]] == [(r.status, r.message) for r in results[2]]
    assert results[2][1].message == f"{empty}: is empty"
    assert results[2][2].message == f"{tmp_path / 'missing.txt'}: no such file"


def test_a_parallel_site_is_the_site_one_process_makes(tmp_path, always_parallel):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    editions = [RENDER / "engine.xml", broken, RENDER / "episode.xml", RENDER / "notes.xml"]
    made, failures, reports = {}, {}, []
    for jobs in (1, 2):
        failures[jobs] = []
        render_paths(editions, "html", tmp_path / f"site{jobs}", personography=RENDER / "persons.xml", jobs=jobs,
                     search=False, on_error=failures[jobs].append, on_batch=reports.append)
        made[jobs] = files_of(tmp_path / f"site{jobs}")
    assert reports[0].executor == "serial" and reports[-1].executor == "local"
    assert [str(f) for f in failures[1]] == [str(f) for f in failures[2]]
    assert [f.path for f in failures[2]] == [broken]  # named as given, wherever the worker read it
    assert "rel=\"next\" href=\"episode.html\"" in made[2]["engine.html"].decode()  # linked past the broken one
    assert {"engine.html", "engine.txt", "persons.html", "chronology.html", "index.html"} <= set(made[2])
    assert made[1] == made[2]


def test_parallel_plain_texts_are_the_same(tmp_path, always_parallel):
    editions = sorted(RENDER.glob("*.xml"))
    for jobs in (1, 2):
        render_paths(editions, "text", tmp_path / f"text{jobs}", jobs=jobs)
    assert files_of(tmp_path / "text1") == files_of(tmp_path / "text2")
    assert len(files_of(tmp_path / "text2")) == 3  # persons.xml is the personography, not an edition


def test_a_worker_failure_of_the_text_batch_raises_without_on_error(tmp_path, always_parallel):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>", encoding="utf-8")
    with pytest.raises(RenderError, match="not well-formed") as raised:
        render_paths([RENDER / "engine.xml", bad], "text", tmp_path / "out", jobs=2)
    assert raised.value.path == bad


def project(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    (folder / "seeds").mkdir(parents=True)
    for source in SMALL_SEEDS + SOURCES[:4]:
        shutil.copy(source, folder / "seeds" / source.name)
    return folder


@pytest.mark.slow
def test_a_parallel_build_gives_the_same_editions_and_site(tmp_path, always_parallel):
    reports = {}
    for jobs in (1, 2):
        folder = project(tmp_path, f"p{jobs}")
        reports[jobs] = build(folder / "seeds", folder / "editions", folder / "site", workers=Workers(jobs))
        assert reports[jobs].ok, reports[jobs].summary()
    assert {step: figures.executor for step, figures in reports[2].steps.items()} == {
        "convert": "local", "validate": "local", "render": "local"}
    assert reports[2].figures.documents == len(SMALL_SEEDS) + 4 and reports[2].figures.failures == 0
    for part in ("editions", "site"):
        assert files_of(tmp_path / "p1" / part) == files_of(tmp_path / "p2" / part), part
    assert (tmp_path / "p2" / "site" / "pagefind" / "pagefind-entry.json").is_file()


# ---------------------------------------------------------------- the commands' figures


def run(*arguments: str):
    return CliRunner().invoke(cli, [str(a) for a in arguments])


def test_every_command_gives_its_figures_in_json(tmp_path):
    converted_run = run("convert", *SOURCES[:2], "-o", tmp_path / "e", "--format", "json", "--jobs", "1")
    report = json.loads(converted_run.stdout)
    assert [r["status"] for r in report["results"]] == ["written", "written"]
    assert report["summary"]["documents"] == 2 and report["summary"]["failures"] == 0
    assert report["summary"]["bytes"] == sum(p.stat().st_size for p in SOURCES[:2])
    for to in ("html", "text"):
        rendered = json.loads(run("render", RENDER, "--to", to, "-o", tmp_path / to, "--no-search",
                                  "--format", "json").stdout)
        assert rendered["summary"]["documents"] == 3 and rendered["summary"]["seconds"] > 0
    folder = project(tmp_path, "p")
    built = run("build", "--seeds", folder / "seeds", "--editions", folder / "editions", "--site", folder / "site",
                "--format", "json", "--jobs", "1")
    summary = json.loads(built.stdout)["summary"]
    assert summary["documents"] == len(SMALL_SEEDS) + 4 and set(summary["steps"]) == {"convert", "validate", "render"}
    assert summary["steps"]["validate"]["documents"] == len(SMALL_SEEDS) + 4 + 1  # and the personography
    assert summary["seconds"] >= summary["steps"]["render"]["seconds"]


def test_stats_close_every_command_with_one_line_of_figures(tmp_path):
    converted_run = run("convert", SOURCES[0], "-o", tmp_path / "e", "--stats")
    assert converted_run.stderr.splitlines()[-1].startswith("convert: 1 document(s), ")
    rendered = run("render", RENDER, "-o", tmp_path / "site", "--no-search", "--stats")
    last = rendered.stderr.splitlines()[-1]
    assert last.startswith("render: 3 document(s), ") and "MB/s" in last and last.endswith("0 failure(s)")
    quiet = run("render", RENDER, "-o", tmp_path / "site", "--no-search")  # not a terminal: no figures
    assert "MB/s" not in quiet.stderr
