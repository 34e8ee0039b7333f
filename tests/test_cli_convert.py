"""`tei-tools convert` and `tei-tools build` as a user meets them: help, messages, exit codes, JSON."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import seed_with_omissions, smallest_seed
from tei_tools.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_help_teaches_with_examples():
    result = run("convert", "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output and "--encoding" in result.output and "--force" in result.output
    top = run("--help")
    assert "tei-tools build" in top.output


def test_convert_reports_each_file_and_what_was_left_out(tmp_path):
    seed = seed_with_omissions()
    result = run("convert", str(seed), "-o", str(tmp_path), "--personography", str(tmp_path / "p.xml"))
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / seed.stem}.xml" in result.stderr
    assert "left out (advertisement)" in result.stderr


def test_convert_json_is_machine_readable_and_alone_on_stdout(tmp_path):
    seed = smallest_seed()
    result = run("convert", str(seed), "-o", str(tmp_path), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)["results"]
    assert report[0]["status"] == "written" and report[0]["counts"]["persons"] > 0


def test_a_missing_source_exits_1_with_one_line_and_the_rest_converts(tmp_path):
    seed = smallest_seed()
    result = run("convert", str(tmp_path / "nope.txt"), str(seed), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors[0] == f"tei-tools: error: {tmp_path / 'nope.txt'}: no such file"
    assert "Traceback" not in result.output
    assert (tmp_path / "out" / f"{seed.stem}.xml").is_file()


def test_a_hand_edited_edition_is_refused_with_exit_1(tmp_path):
    seed = smallest_seed()
    run("convert", str(seed), "-o", str(tmp_path))
    edition = tmp_path / f"{seed.stem}.xml"
    edition.write_bytes(edition.read_bytes().replace(b"</body>", b"<!-- checked --></body>"))
    result = run("convert", str(seed), "-o", str(tmp_path))
    assert result.exit_code == 1 and "use --force" in result.stderr
    assert run("convert", str(seed), "-o", str(tmp_path), "--force").exit_code == 0


def test_a_bad_option_is_a_usage_error():
    result = run("convert", "x.txt", "-o", "out", "--kind", "novel")
    assert result.exit_code == 2 and "Invalid value for '--kind'" in result.output


def test_build_without_seeds_is_a_usage_error(tmp_path):
    result = run("build", "--seeds", str(tmp_path / "none"), "--editions", str(tmp_path / "e"))
    assert result.exit_code == 2 and "no *.txt sources" in result.stderr
