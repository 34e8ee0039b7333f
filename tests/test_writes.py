"""Writes are atomic: a run killed at any moment leaves every output complete (old or new), a re-run
finishes the job and leaves no temporary file behind, and sources are never written to."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from tei_tools import serialize
from tei_tools.atomic import create_atomically, remove_stale_temporaries, write_atomically
from tei_tools.cli import cli
from tei_tools.xml import parse_file

SOURCES = REPO / "tests" / "data" / "sources"
CLI = [sys.executable, "-c", "from tei_tools.cli import main; main()"]


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def temporaries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp"))


# ------------------------------------------------------------------ one write, killed at the worst moment

PAUSED_WRITER = """
import os, sys, time
from tei_tools import atomic
real_fsync = os.fsync
def fsync_then_wait(fd):
    real_fsync(fd)
    print("complete, not yet renamed", flush=True)
    time.sleep(600)
os.fsync = fsync_then_wait
atomic.write_atomically(sys.argv[1], b"new" * 100_000)
"""


def paused_writer(target: Path) -> subprocess.Popen:
    writer = subprocess.Popen([sys.executable, "-c", PAUSED_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "complete, not yet renamed"
    return writer


def test_a_write_killed_before_its_rename_leaves_the_old_file_and_the_next_write_cleans_up(tmp_path):
    target = tmp_path / "edition.xml"
    target.write_bytes(b"old")
    writer = paused_writer(target)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    assert target.read_bytes() == b"old"  # complete and old
    [stale] = temporaries(tmp_path)
    assert stale.name.startswith(f".edition.xml.{writer.pid}.")
    subprocess.run([sys.executable, "-c", "import sys; from tei_tools.atomic import write_atomically; "
                    "write_atomically(sys.argv[1], b'newer')", str(tmp_path / "other.xml")], check=True)
    assert temporaries(tmp_path) == [] and target.read_bytes() == b"old"


def test_the_temporary_of_a_writer_still_at_work_is_left_alone(tmp_path):
    writer = paused_writer(tmp_path / "edition.xml")
    try:
        assert remove_stale_temporaries(tmp_path) == [] and len(temporaries(tmp_path)) == 1
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert len(remove_stale_temporaries(tmp_path)) == 1 and temporaries(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "edition.xml"
    target.write_bytes(b"old")

    def disk_full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old" and temporaries(tmp_path) == []
    monkeypatch.undo()
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and oct(target.stat().st_mode & 0o777) == "0o644"


def test_create_atomically_never_replaces_a_file(tmp_path):
    target = tmp_path / "backup"
    create_atomically(target, b"first")
    with pytest.raises(FileExistsError):
        create_atomically(target, b"second")
    assert target.read_bytes() == b"first" and temporaries(tmp_path) == []


# ------------------------------------------------------------------ a whole build, killed part-way

def build_command(project: Path, seeds: Path) -> list[str]:
    return [*CLI, "build", "--seeds", str(seeds), "--editions", str(project / "editions"),
            "--site", str(project / "site"), "-q"]


def snapshot(project: Path) -> dict[str, bytes]:
    """Every output file by name; Pagefind's index files, whose bytes differ from run to run (its
    hashes), are checked apart by `assert_search_index_whole`."""
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and not p.name.endswith(".lock") and not _search_index_file(p.relative_to(project))}


def _search_index_file(name: Path) -> bool:
    """Under site/pagefind/, or a killed run's staging folder (a temporary the next run removes)."""
    return len(name.parts) > 2 and (name.parts[1] == "pagefind" or name.parts[1].startswith(".pagefind-staging-"))


def assert_search_index_whole(project: Path) -> None:
    """The search index the entry file names is all there, and no staging folder is left."""
    index = project / "site" / "pagefind"
    if not index.exists():
        return  # not written yet (a build killed before it indexed): the site has no search
    entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        assert (index / f"pagefind.{language['hash']}.pf_meta").is_file(), "the search index is incomplete"


def assert_complete(project: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    """Every output present is whole: byte for byte what it was before the run, or what it is after."""
    for name, data in snapshot(project).items():
        if name.endswith(".tmp"):
            continue  # a killed writer's temporary: a name nothing reads; the next run removes it
        assert data in (old.get(name), new[name]), f"{name} is neither complete and old nor complete and new"
        if name.endswith(".xml") and "persons" not in name:
            assert serialize.is_untouched(data) is True
            parse_file(project / name)


@pytest.mark.slow
def test_a_build_killed_with_sigkill_leaves_no_partial_file_and_the_next_build_completes(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in sorted(SOURCES.glob("*.txt"))[::3]:
        (seeds / source.name).write_bytes(source.read_bytes())
    # Start where a build is at rest: the personography already knows these sources' people (a first
    # build adds them, which changes the certainty of the second build's identifications).
    warm = tmp_path / "warm"
    subprocess.run(build_command(warm, seeds), check=True, stdin=subprocess.DEVNULL)
    start = {"editions/persons.xml": (warm / "editions" / "persons.xml").read_bytes()}

    def new_project(name: str) -> Path:  # siblings, so relative schema paths come out the same
        (tmp_path / name / "editions").mkdir(parents=True)
        (tmp_path / name / "editions" / "persons.xml").write_bytes(start["editions/persons.xml"])
        return tmp_path / name

    reference_project = new_project("reference")
    began = time.monotonic()
    subprocess.run(build_command(reference_project, seeds), check=True, stdin=subprocess.DEVNULL)
    duration = time.monotonic() - began
    reference = snapshot(reference_project)
    assert reference["editions/persons.xml"] == start["editions/persons.xml"]
    assert any(n.endswith(".html") for n in reference) and temporaries(reference_project) == []

    project = new_project("killed")
    interrupted = []
    for fraction in (0.3, 0.55, 0.8):
        build = subprocess.Popen(build_command(project, seeds), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=60)
        assert_complete(project, start, reference)
        assert_search_index_whole(project)
        interrupted.append(snapshot(project) != reference)
    assert any(interrupted)  # the kills did land part-way
    subprocess.run(build_command(project, seeds), check=True, stdin=subprocess.DEVNULL)
    assert snapshot(project) == reference  # equal to an uninterrupted build, no temporary left
    assert_search_index_whole(project)
    assert not list((project / "site").glob(".pagefind-staging-*"))


# ------------------------------------------------------------------ sources are only ever read

def test_sources_are_never_written_to(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in sorted(SOURCES.glob("*.txt"))[:3]:
        (seeds / source.name).write_bytes(source.read_bytes())
    (seeds / sorted(SOURCES.glob("*.txt"))[0].with_suffix(".json").name).write_text('{"title": "T"}')
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in seeds.iterdir()}
    for source in seeds.glob("*.txt"):
        source.chmod(0o444)  # and a read-only source converts as well
    assert run("convert", *map(str, seeds.glob("*.txt")), "-o", str(tmp_path / "out")).exit_code == 0
    result = run("build", "--seeds", str(seeds), "--editions", str(tmp_path / "e"), "--site", str(tmp_path / "s"),
                 "--force")
    assert result.exit_code == 0, result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in seeds.iterdir()} == before


def test_an_edition_never_replaces_its_own_source_or_the_personography(tmp_path):
    source = tmp_path / "letter.xml"  # a plain-text source that happens to end in .xml
    source.write_text("Anna Petrova wrote this letter in 1917.\n", encoding="utf-8")
    persons_source = tmp_path / "persons.txt"
    persons_source.write_text("A text about persons, written by Anna Petrova.\n", encoding="utf-8")
    result = run("convert", str(source), str(persons_source), "-o", str(tmp_path), "--force")
    assert result.exit_code == 1
    assert (f"tei-tools: error: {source}: its edition would be written over the source itself; "
            "choose another output folder (-o)") in result.stderr
    assert f"tei-tools: error: {persons_source}: its edition {tmp_path / 'persons.xml'} would replace the " \
           "personography; rename the source" in result.stderr
    assert source.read_text(encoding="utf-8") == "Anna Petrova wrote this letter in 1917.\n"


def test_a_full_disk_is_one_line_and_exit_1_and_leaves_no_partial_file(tmp_path, monkeypatch):
    import tei_tools.convert

    def disk_full(path, data, **options):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(tei_tools.convert, "write_atomically", disk_full)  # the personography
    monkeypatch.setattr(tei_tools.convert.outputs, "write_atomically", disk_full)  # the editions
    source = tmp_path / "a.txt"
    source.write_text("Anna Petrova wrote.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("convert", str(source), "-o", str(out), "--personography", str(tmp_path / "p.xml"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        f"tei-tools: error: {out / 'a.xml'}: cannot write: No space left on device",
        f"tei-tools: error: cannot write {tmp_path / 'p.xml'}: No space left on device"]
    assert list(out.iterdir()) == [] and not (tmp_path / "p.xml").exists()


def test_an_output_folder_that_is_a_file_is_a_usage_error(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Anna Petrova wrote.\n", encoding="utf-8")
    result = run("convert", str(source), "-o", str(source))
    assert result.exit_code == 2 and f"Directory '{source}' is a file" in result.stderr


def test_a_batch_flushes_its_editions_once_and_the_personography_and_backups_each(tmp_path, monkeypatch):
    """A flush per edition cost ~11 ms each, one after another in the parent; the editions of a
    run are flushed together before the personography, which (like a backup) is flushed itself."""
    from tei_tools import atomic
    from tei_tools.convert import convert_files

    calls: list[str] = []
    real_fsync, real_sync = os.fsync, atomic.flush_to_disk
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr("tei_tools.convert.flush_to_disk", lambda: (calls.append("sync"), real_sync())[1])
    sources = []
    for number in range(3):
        source = tmp_path / f"s{number}.txt"
        source.write_text(f"Anna Petrova wrote to Ivan Turgenev in May 191{number}.\n", encoding="utf-8")
        sources.append(source)
    results = convert_files(sources, tmp_path / "out", jobs=1)
    assert [r.status for r in results] == ["written"] * 3
    assert calls == ["sync", "fsync"]  # all editions at once, then the personography on its own
