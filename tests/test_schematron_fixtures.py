"""Every rule of the project's Schematron is proved to fire: each assert (and report) id in
schema/tei-tools.sch has a fixture in tests/data/broken/ (errors) or tests/data/broken/warnings/
(rules with role="warning") that yields exactly that one message. A rule added without a
fixture, or a rule that can no longer fail (its test made always true), fails here.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO
from tei_tools.validate import Validator

SCHEMATRON = REPO / "schema" / "tei-tools.sch"
BROKEN = REPO / "tests" / "data" / "broken"
WARNINGS = BROKEN / "warnings"
SCH = {"sch": "http://purl.oclc.org/dsdl/schematron"}
HELPERS = {"persons.xml"}  # the personography the fixtures point into


def rules() -> dict[str, str]:
    """assert/report id -> the severity its message has."""
    schema = etree.parse(str(SCHEMATRON))
    return {test.get("id"): "warning" if test.get("role") in ("warning", "info") else "error"
            for test in schema.xpath("//sch:assert | //sch:report", namespaces=SCH)}


def fixtures(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.xml") if p.name not in HELPERS)


@pytest.fixture(scope="module")
def messages_by_fixture() -> dict[Path, list]:
    validator = Validator("project")
    found: dict[Path, list] = defaultdict(list)
    paths = fixtures(BROKEN) + fixtures(WARNINGS)
    for message in validator.validate_files(paths):
        found[Path(message.path).resolve()].append(message)
    return {path.resolve(): found.get(path.resolve(), []) for path in paths}


def test_every_rule_has_an_id():
    schema = etree.parse(str(SCHEMATRON))
    tests = schema.xpath("//sch:assert | //sch:report", namespaces=SCH)
    assert tests and all(t.get("id") for t in tests)
    assert len(rules()) == len(tests), "two rules share an id"


@pytest.mark.parametrize("rule", sorted(rules()))
def test_each_rule_has_a_fixture_that_yields_exactly_its_message(rule, messages_by_fixture):
    severity = rules()[rule]
    exact = [path.name for path, messages in messages_by_fixture.items()
             if [(m.rule, m.severity) for m in messages] == [(rule, severity)]]
    triggering = sorted(path.name for path, messages in messages_by_fixture.items()
                        if any(m.rule == rule for m in messages))
    assert exact, (f"no fixture yields exactly the {severity} [{rule}] (fixtures that trigger it among others: "
                   f"{triggering or 'none'}); add one to {'tests/data/broken/warnings' if severity == 'warning' else 'tests/data/broken'}")


def test_every_fixture_is_broken_and_every_warning_fixture_only_warns(messages_by_fixture):
    for path, messages in messages_by_fixture.items():
        assert messages, f"{path.name} yields no message"
        if path.parent == WARNINGS.resolve():
            assert {m.severity for m in messages} == {"warning"}, path.name
        else:
            assert "error" in {m.severity for m in messages}, path.name


def test_the_warning_fixtures_are_valid_for_the_command(messages_by_fixture):
    """Warnings alone do not make a file invalid: exit 0, the message still printed."""
    from click.testing import CliRunner

    from tei_tools.cli.validate import command

    result = CliRunner().invoke(command, [str(p) for p in fixtures(WARNINGS)] + ["--quiet"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == len(fixtures(WARNINGS))
