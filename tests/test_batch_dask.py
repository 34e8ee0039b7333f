"""The whole job on a Dask cluster of two workers: the same editions and the same site, byte for
byte, as one local process makes (Pagefind's index aside: its files come out in a different
order on each run, see test_render.py::test_rendering_is_deterministic)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, seed_paths
from tei_tools.build import Workers, build
from tei_tools.cli import cli

SOURCES = sorted((REPO / "tests" / "data" / "sources").glob("*.txt"))[:4]
SMALL_SEEDS = [p for p in seed_paths() if p.stat().st_size < 100_000]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (pip install 'tei-tools[dask]')")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        with Client(running) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            yield running


def project(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    (folder / "seeds").mkdir(parents=True)
    for source in SMALL_SEEDS + SOURCES:
        shutil.copy(source, folder / "seeds" / source.name)
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).as_posix().startswith("pagefind/")}


def test_a_build_on_dask_makes_the_editions_and_the_site_of_a_local_build(tmp_path, cluster):
    local, remote = project(tmp_path, "local"), project(tmp_path, "dask")
    here = build(local / "seeds", local / "editions", local / "site", workers=Workers(1))
    there = build(remote / "seeds", remote / "editions", remote / "site",
                  workers=Workers(2, "dask", cluster.scheduler_address))
    assert here.ok and there.ok, there.summary()
    assert {step: figures.executor for step, figures in there.steps.items()} == {
        "convert": "dask", "validate": "dask", "render": "dask"}
    editions = files_of(remote / "editions")
    assert len([n for n in editions if n.endswith(".xml")]) == len(SMALL_SEEDS) + len(SOURCES) + 1
    assert "persons.xml" in editions
    assert editions == files_of(local / "editions")
    site = files_of(remote / "site")
    assert {"index.html", "persons.html", "chronology.html", f"{SOURCES[0].stem}.html"} <= set(site)
    assert site == files_of(local / "site")
    assert (remote / "site" / "pagefind" / "pagefind-entry.json").is_file()


def test_the_commands_run_on_the_cluster_they_are_pointed_at(tmp_path, cluster):
    folder = project(tmp_path, "cli")
    result = CliRunner().invoke(cli, ["build", "--seeds", str(folder / "seeds"), "--editions", str(folder / "editions"),
                                      "--site", str(folder / "site"), "--executor", "dask", "--scheduler",
                                      cluster.scheduler_address, "--stats"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1].startswith(f"build: {len(SMALL_SEEDS) + len(SOURCES)} document(s), ")
    assert "(dask)" in result.stderr.splitlines()[-1]
    text = CliRunner().invoke(cli, ["render", str(folder / "editions"), "--to", "text", "-o", str(tmp_path / "text"),
                                    "--executor", "dask", "--scheduler", cluster.scheduler_address])
    assert text.exit_code == 0, text.output
    assert files_of(tmp_path / "text") == {name: data for name, data in files_of(folder / "site").items()
                                           if name.endswith(".txt")}


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    result = CliRunner().invoke(cli, ["render", str(REPO / "tests" / "data" / "render"), "-o", str(tmp_path),
                                      "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output and "Traceback" not in result.output
