"""An installed wheel works from any directory: schemas, stylesheets and data ship inside it."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, seed_paths


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
                           capture_output=True, text=True)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here (no build backend reachable?): {built.stderr.strip()[-300:]}")
    return next(out.glob("tei_tools-*.whl"))


def test_the_wheel_ships_schema_and_stylesheets_but_no_people(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "tei_tools/data/persons.xml" not in names  # a new project starts an empty personography
    assert any(n.startswith("tei_tools/schema/") and n.endswith(".rng") for n in names)
    assert any(n.startswith("tei_tools/xslt/") and n.endswith(".xsl") for n in names)


def test_the_installed_wheel_converts_from_an_unrelated_directory(wheel, tmp_path):
    target = tmp_path / "site-packages"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    seed = seed_paths()[0]
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import sys, tei_tools.cli as c; assert sys.modules['tei_tools'].__file__.startswith(sys.argv[1]); "
            "sys.argv = ['tei-tools', 'convert', sys.argv[2], '-o', 'out']; c.main()")
    run = subprocess.run([sys.executable, "-c", code, str(target), str(seed)], cwd=elsewhere, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    edition = elsewhere / "out" / f"{seed.stem}.xml"
    assert edition.is_file() and b"<persName" in edition.read_bytes()
    assert (elsewhere / "out" / "persons.xml").is_file()
