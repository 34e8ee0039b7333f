"""Many tei-tools processes writing into one editions folder: no person lost, no reference dangling.

Runs take turns on the personography (tei_tools.locking): a second run says "waiting for ..."
and goes on when the first ends, however it ends.
"""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from lxml import etree

from conftest import REPO, seed_paths
from tei_tools.locking import LockTimeout, held, lock_file_for
from tei_tools.validate import Validator, is_valid
from tei_tools.xml import TEI_NS, XML_NS

NS = {"t": TEI_NS, "xml": XML_NS}
SOURCES = sorted((REPO / "tests" / "data" / "sources").glob("*.txt"))
CLI = [sys.executable, "-c", "from tei_tools.cli import main; main()"]


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL)


def wait_for_line(stream, wanted: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = stream.readline()
        if wanted in line:
            return line
        if not line:
            time.sleep(0.05)
    raise AssertionError(f"no line with {wanted!r} within {seconds} s")


@pytest.mark.slow
def test_processes_converting_into_one_folder_at_once_lose_no_person(tmp_path):
    out = tmp_path / "editions"
    groups = [SOURCES[0::4], SOURCES[1::4], SOURCES[2::4], SOURCES[3::4] + [seed_paths()[-1]]]
    processes = [start("convert", *map(str, group), "-o", str(out), "-q") for group in groups]
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
    editions = sorted(p for p in out.glob("*.xml") if p.name != "persons.xml")
    assert len(editions) == sum(len(group) for group in groups)
    persons = etree.parse(str(out / "persons.xml"))
    ids = set(persons.xpath("//t:person/@xml:id", namespaces=NS))
    refs = {ref.split("#", 1)[1] for edition in editions
            for ref in etree.parse(str(edition)).xpath("//t:text//t:persName/@ref", namespaces=NS)}
    assert len(refs) > 20 and refs <= ids  # every person of every source is there
    automatic = persons.xpath("//t:person[@resp='#tei-tools']/@xml:id", namespaces=NS)
    assert len(automatic) == len(set(automatic))
    assert is_valid(Validator("project").validate_files(editions + [out / "persons.xml"]))


def test_a_second_run_says_it_waits_and_goes_on_when_the_first_ends(tmp_path):
    out = tmp_path / "editions"
    source = SOURCES[0]
    with held(out / "persons.xml", on_wait=pytest.fail):  # this test process is "the first run"
        second = start("convert", str(source), "-o", str(out))
        line = wait_for_line(second.stderr, "waiting for")
        assert line.strip() == (f"tei-tools: waiting for {out / 'persons.xml'}: another tei-tools run is writing it "
                                f"(it holds {lock_file_for(out / 'persons.xml')}; this run goes on when that one ends)")
        time.sleep(0.5)
        assert second.poll() is None and not (out / f"{source.stem}.xml").exists()
    second.communicate(timeout=120)
    assert second.returncode == 0 and (out / f"{source.stem}.xml").is_file()


def test_a_killed_holder_releases_the_lock(tmp_path):
    target = tmp_path / "persons.xml"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom tei_tools.locking import held\n"
        f"with held({str(target)!r}):\n    print('locked', flush=True)\n    time.sleep(600)\n")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockTimeout, match="kept it locked for more than 0.2 s"):
            with held(target, timeout=0.2, on_wait=lambda message: None):
                pass
        holder.kill()  # SIGKILL: no cleanup code runs, the OS drops the lock
        holder.wait(timeout=30)
        with held(target, timeout=10, on_wait=pytest.fail):
            pass
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_the_lock_is_reentrant_within_a_run(tmp_path):
    target = tmp_path / "persons.xml"
    with held(target, on_wait=pytest.fail):
        with held(target, on_wait=pytest.fail):  # e.g. a notebook's convert_files inside a callback
            assert lock_file_for(target) == tmp_path / ".persons.xml.lock"


def test_a_script_that_converts_on_import_gets_an_error_instead_of_waiting_for_ever(tmp_path):
    """Worker processes import the caller's script: one without `if __name__ == "__main__":`
    would convert again in them and wait for the lock its own run holds."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for copy in range(3):  # enough text for the batch to go to worker processes
        for seed in seed_paths():
            (sources / f"{copy}-{seed.name}").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    script = tmp_path / "convert_all.py"
    script.write_text("from pathlib import Path\nfrom tei_tools.convert import convert_files\n"
                      f"convert_files(sorted(Path({str(sources)!r}).glob('*.txt')), Path({str(tmp_path / 'out')!r}), "
                      "jobs=2)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=240,
                          stdin=subprocess.DEVNULL)
    assert done.returncode != 0
    assert 'call it under `if __name__ == "__main__":`' in done.stderr
    assert "waiting for" not in done.stderr
