"""`tei-tools validate` and tei_tools.validate: messages, exit codes, engines, compile-once, corpus."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EDITIONS, REPO, SHARED, needs_shared
from tei_tools import validate as validation
from tei_tools.cli.validate import command
from tei_tools.validate import (COMPILATIONS, Message, Validator, expand_paths, is_valid, jing_command,
                                validate_paths)

DATA = REPO / "tests" / "data"
BROKEN = DATA / "broken"
VALID = DATA / "valid"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
CORPUS = SHARED / "corpus"
needs_jing = pytest.mark.skipif(jing_command() is None, reason="jing is not installed (apt-get install jing)")

# Each deliberately broken edition and the one message it must yield: (line, column, message).
EXPECTED = {
    "unknown-element.xml": (26, 49, 'element "bold" not allowed anywhere; the schema has no element "bold"'),
    "unknown-attribute.xml": (26, 26, 'attribute "type" not allowed here; expected attribute "cert", "n", "rend", '
                                      '"resp", "xml:id" or "xml:lang"'),
    "bad-date.xml": (25, 47, 'value of attribute "when" is invalid: "1820-13-12"; must be an ISO date (YYYY-MM-DD), '
                             "a year and month (YYYY-MM), a year (YYYY), a month and day (--MM-DD) or a month (--MM)"),
    "missing-element.xml": (14, 16, 'element "fileDesc" incomplete; missing required element "sourceDesc"'),
    "wrong-namespace.xml": (3, 56, 'element "TEI" in namespace "http://www.tei-c.org/ns/2.0" not allowed here; '
                                   'expected element "TEI" in namespace "http://www.tei-c.org/ns/1.0"'),
    "malformed.xml": (25, 67, "not well-formed XML: Opening and ending tag mismatch: date line 25 and dat"),
    "external-entity.xml": (2, 1, 'DOCTYPE declares external entity "secret" ("file:///etc/passwd"): tei-tools never '
                                  "loads external DTDs or entities (TEI P5 needs no DTD; remove the DOCTYPE)"),
    "dangling-ref.xml": (24, 81, 'persName/@ref "persons.xml#nightingal" points to no person: persons.xml has no '
                                 'person with xml:id "nightingal" (correct the id, or add the person to the '
                                 "personography) [ref-resolves]"),
    "dangling-who.xml": (24, 42, 'sp/@who "persons.xml#nightingal" points to no person: the personography beside '
                                 "this file has no such person (correct the pointer, or add the person to the "
                                 "personography) [who-resolves]"),
    "missing-personography.xml": (24, 81, 'persName/@ref "people.xml#nightingale" points into "people.xml", which '
                                          "is not there: the personography is looked for beside this file [ref-file]"),
    "local-ref.xml": (24, 71, 'persName/@ref "#nightingale" points to no person: this file has no person with '
                              'xml:id "nightingale" (correct the id, or add the person to the personography) '
                              "[ref-resolves]"),
    "ref-form.xml": (24, 70, 'persName/@ref "nightingale" is not a pointer to a person: write "persons.xml#ID" '
                             '(a person in the personography) or "#ID" (a person listed in this file) [ref-form]'),
    "duplicate-id.xml": (22, 46, 'xml:id "tei-tools" is already used by an earlier element; every xml:id in a '
                                 "file must be unique [id-unique]"),
    "dangling-resp.xml": (24, 82, '@resp "#tei-toolz" points to nothing: this file has no xml:id "tei-toolz" '
                                  "(declare it, e.g. on a respStmt in the header, or correct the pointer) "
                                  "[pointer-resolves]"),
    "dangling-relation.xml": (43, 80, 'relation "parent": @passive "#herbert-junior" points to no person: this file '
                                      'has no person with xml:id "herbert-junior" (add the person, or correct the '
                                      "pointer) [relation-resolves]"),
    "empty-persname.xml": (24, 82, "persName is empty: it must hold the words of the text it marks up (remove the "
                                   "element if there are none) [not-empty]"),
    "empty-quote.xml": (26, 25, "q is empty: it must hold the words of the text it marks up (remove the element if "
                                "there are none) [not-empty]"),
    "date-order.xml": (26, 74, 'date: @from "1856-03" is after @to "1854" [date-order]'),
    "date-timezone.xml": (25, 48, '@when "1820-05-12Z" is not an ISO 8601 date as the project writes them: '
                                  "YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date, four-digit year, \"-\" before "
                                  "years BCE, no time zone), or --MM-DD, --MM for a day or month without its year "
                                  "[date-iso]"),
    "date-combination.xml": (26, 73, "date: @when cannot be combined with @from, @to, @notBefore or @notAfter; give "
                                     "either one date or a range [date-when-alone]"),
    "undeclared-language.xml": (3, 56, 'the text\'s language xml:lang="fr" is not declared in the header: add '
                                       '<language ident="fr"> to profileDesc/langUsage [language-declared]'),
    "tag-usage.xml": (20, 90, "the header declares 2 <persName> element(s) (tagUsage/@occurs) but the text has 1 "
                              "[tag-usage-count]"),
    "date-uncertain-order.xml": (26, 85, 'date: @notBefore "1856-03" is after @notAfter "1854" [date-uncertain-order]'),
    "date-range-kind.xml": (26, 78, "date: @from cannot be combined with @notBefore, nor @to with @notAfter; use "
                                    "@from/@to for a known span, @notBefore/@notAfter for an uncertain date "
                                    "[date-range-kind]"),
    "tag-usage-ids.xml": (20, 101, "the header declares 1 <persName> element(s) with an xml:id (tagUsage/@withId) "
                                   "but the text has 0 [tag-usage-ids]"),
    "born-after-death.xml": (32, 34, 'person "herbert": birth (1810-09-16) is after death (1801-08) '
                                     "[born-before-death]"),
    "date-custom-method.xml": (31, 92, 'date: @when-custom gives a date in another calendar but no @datingMethod '
                                       'says which: add datingMethod="#julian" (or the id of its calendar in '
                                       "calendarDesc) [date-custom-method]"),
    "date-custom-invalid.xml": (31, 115, 'date: @when-custom "1917-10-32" is not a day of the Julian calendar '
                                         'written YYYY-MM-DD, YYYY-MM or YYYY (as @datingMethod="#julian" says it '
                                         "is) [date-custom-valid]"),
    "date-custom-disagrees.xml": (31, 115, 'date: the Julian day @when-custom="1917-10-25" is not the Gregorian day '
                                           '@when="1917-10-25" (they are 13 day(s) apart): one of them is wrong '
                                           "[date-custom-agrees]"),
    "calendar-undeclared.xml": (26, 115, '@datingMethod "#julian" points at no calendar of the header: declare it '
                                         'as <calendar xml:id="julian"> in profileDesc/calendarDesc '
                                         "[calendar-declared]"),
}


def run(*arguments: str):
    return CliRunner().invoke(command, [str(a) for a in arguments])


# ---------------------------------------------------------------- broken and valid editions


def test_every_broken_edition_has_an_expectation():
    helpers = {"persons.xml"}  # the personography the broken editions point into
    assert {p.name for p in BROKEN.glob("*.xml")} - helpers == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_broken_edition_yields_exactly_its_message_and_exit_1(name):
    path = BROKEN / name
    line, column, text = EXPECTED[name]
    result = run(path, "--quiet")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [f"{path}:{line}:{column}: error: {text}"]


def test_the_personography_beside_the_broken_editions_is_valid():
    assert run(BROKEN / "persons.xml").exit_code == 0


def test_valid_editions_print_nothing_but_the_summary_and_exit_0():
    result = run(VALID)
    assert result.exit_code == 0
    assert result.output.splitlines() == ["validate (project, lxml): 3 file(s), all valid; 0 error(s), 0 warning(s)"]


def test_reasonable_hand_edits_stay_valid(tmp_path):
    """note, hi, emph, lb, pb, foreign, title, placeName, orgName, name, said, milestone in the text."""
    book = (VALID / "book.xml").read_text(encoding="utf-8")
    for element in ("note", "hi", "emph", "lb", "pb", "foreign", "title", "placeName", "orgName", "name"):
        assert f"<{element}" in book
    assert is_valid(validate_paths([VALID / "book.xml"]))


def test_a_warning_alone_does_not_fail(tmp_path):
    edition = tmp_path / "edition.xml"
    shutil.copy(BROKEN / "persons.xml", tmp_path / "persons.xml")
    text = (BROKEN / "date-order.xml").read_text(encoding="utf-8")
    edition.write_text(text.replace('from="1856-03" to="1854"', 'from="1854" to="1856"')
                       .replace("<head>One</head>", '<head>One <foreign xml:lang="la">sic</foreign></head>'),
                       encoding="utf-8")
    result = run(edition, "-q")
    assert result.exit_code == 0
    assert "warning:" in result.output and "[language-declared-in-text]" in result.output


# ---------------------------------------------------------------- the command line


def test_json_output_is_a_machine_readable_verdict():
    result = run(BROKEN / "bad-date.xml", BROKEN / "persons.xml", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False and report["schema"] == "project"
    assert [f["valid"] for f in report["files"]] == [False, True]
    assert report["messages"][0]["line"] == 25 and report["messages"][0]["rule"] is None


@pytest.mark.parametrize("arguments, complaint", [
    (["no-such-file.xml"], "no such file or folder"),
    ([str(VALID), "--schema", "tei-all", "--tei-all", "/nonexistent/tei_all.rng"], "no such file"),
    ([str(VALID), "--schema", "schema.txt"], "no such schema file"),
    ([str(VALID), "--engine", "xerces"], "Invalid value for '--engine'"),
    ([str(VALID), "--format", "yaml"], "Invalid value for '--format'"),
])
def test_unusable_input_exits_2_with_one_line(arguments, complaint):
    result = run(*arguments)
    assert result.exit_code == 2
    assert complaint in result.output
    assert "Traceback" not in result.output


def test_tei_all_without_a_location_is_a_usage_error(monkeypatch):
    monkeypatch.delenv("TEI_TOOLS_TEI_ALL", raising=False)
    result = run(VALID, "--schema", "tei-all")
    assert result.exit_code == 2 and "--tei-all PATH" in result.output


@pytest.mark.parametrize("engine", ["lxml", pytest.param("jing", marks=needs_jing)])
@pytest.mark.parametrize("content, suffix", [(b"<not-closed", ".rng"), (b"<grammar/>", ".rng"),
                                             (b"<schema/>", ".sch"), (b"<not-closed", ".sch"),
                                             (b'<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern>'
                                              b'<rule context="p["/></pattern></schema>', ".sch")])
def test_an_unreadable_schema_exits_2(tmp_path, content, suffix, engine):
    schema = tmp_path / f"broken{suffix}"
    schema.write_bytes(content)
    result = run(VALID / "book.xml", "--schema", schema, "--engine", engine)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"tei-tools: error: {schema}")


def test_help_teaches_with_examples():
    result = run("--help")
    assert result.exit_code == 0
    for words in ("Examples:", "--schema tei-all", "FILE:LINE:COLUMN: error:", "Exit status"):
        assert words in result.output


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize("engine", ["lxml", pytest.param("jing", marks=needs_jing)])
def test_external_entities_are_reported_never_resolved(tmp_path, engine):
    (tmp_path / "payload.xml").write_text("<bogus>SECRET-PAYLOAD</bogus>", encoding="utf-8")
    edition = tmp_path / "edition.xml"
    text = (VALID / "book.xml").read_text(encoding="utf-8")
    doctype = f'<!DOCTYPE TEI [<!ENTITY payload SYSTEM "{(tmp_path / "payload.xml").as_uri()}">]>\n'
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    edition.write_text(text.replace(declaration, declaration + doctype)
                       .replace("<head>One</head>", "<head>One &payload;</head>"), encoding="utf-8")
    for schema in ("project", REPO / "schema" / "tei-tools.rng"):
        messages = Validator(schema, engine=engine).validate_file(edition)
        assert any("DOCTYPE declares external entity" in m.message for m in messages)
        assert not any("bogus" in m.message or "SECRET" in m.message for m in messages)


def _position_samples() -> list[Path]:
    samples = sorted(VALID.glob("*.xml")) + sorted(BROKEN.glob("*.xml"))
    if CORPUS.is_dir():
        samples += [CORPUS / "teic-tei" / "testchinese.xml", CORPUS / "pta" / "pta0040.pta001.pta-grc1.xml",
                    CORPUS / "sga" / "ox-ms_abinger_c57-0117.xml", CORPUS / "teic-stylesheets" / "test32.xml"]
    return samples


@pytest.mark.parametrize("path", _position_samples(), ids=lambda p: p.name)
def test_positions_are_on_the_line_lxml_reports(path):
    """The start-tag scanner agrees with libxml2 on every element's line (and so points right)."""
    source, _ = validation.load_source(path)
    if source is None:
        pytest.skip("not well-formed")
    elements = [e for e in source.tree.getroot().iter() if isinstance(e.tag, str)]
    assert [source.position(e)[0] for e in elements] == [e.sourceline for e in elements]
    assert all(source.position(e)[1] > 1 for e in elements)


def test_duplicate_ids_do_not_stop_the_parser():
    messages = validate_paths([BROKEN / "duplicate-id.xml"])
    assert [m.rule for m in messages] == ["id-unique"]


# ---------------------------------------------------------------- the Python API


def test_message_prints_like_jing():
    message = Message("e.xml", 3, 7, "error", "something is wrong", "rule-id")
    assert str(message) == "e.xml:3:7: error: something is wrong [rule-id]"
    assert str(Message("e.xml", 1, 1, "warning", "advice")) == "e.xml:1:1: warning: advice"


def test_validate_paths_takes_files_and_folders():
    files = expand_paths([VALID, BROKEN / "bad-date.xml"])
    assert files[-1].name == "bad-date.xml" and VALID / "book.xml" in files
    messages = validate_paths([VALID, BROKEN / "bad-date.xml"])
    assert {Path(m.path).name for m in messages} == {"bad-date.xml"}


def test_a_given_personography_replaces_the_one_beside_the_edition(tmp_path):
    edition = tmp_path / "edition.xml"
    shutil.copy(BROKEN / "dangling-ref.xml", edition)  # no persons.xml in tmp_path
    messages = Validator("project", personography=BROKEN / "persons.xml").validate_file(edition)
    assert [m.rule for m in messages] == ["ref-resolves"]
    other = tmp_path / "persons.xml"
    other.write_text((BROKEN / "persons.xml").read_text(encoding="utf-8")
                     .replace('xml:id="nightingale"', 'xml:id="nightingal"'), encoding="utf-8")
    assert Validator("project", personography=other).validate_file(edition) == []


def test_a_user_schematron_runs_on_its_own(tmp_path):
    rules = tmp_path / "rules.sch"
    rules.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
      <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
      <pattern abstract="true" id="needs"><rule context="$element"><assert id="has-attribute"
        test="@$attribute"><name/> lacks an attribute</assert></rule></pattern>
      <pattern is-a="needs"><param name="element" value="tei:div"/><param name="attribute" value="n"/></pattern>
      <pattern><rule context="tei:p"><let name="words" value="count(tokenize(normalize-space(.), ' '))"/>
        <report id="long" role="warning" test="$words gt 3"><name/> has <value-of select="$words"/> words</report>
      </rule></pattern>
    </schema>""", encoding="utf-8")
    messages = Validator(rules).validate_file(BROKEN / "bad-date.xml")
    assert [(m.line, m.severity, m.message, m.rule) for m in messages] == [
        (22, "error", "div lacks an attribute", "has-attribute"),
        (24, "warning", "p has 8 words", "long"),
        (26, "warning", "p has 5 words", "long"),
    ]


# ---------------------------------------------------------------- compile once


def _small_editions(folder: Path, count: int) -> list[Path]:
    shutil.copy(BROKEN / "persons.xml", folder / "persons.xml")
    text = (BROKEN / "date-order.xml").read_text(encoding="utf-8").replace(
        'from="1856-03" to="1854"', 'from="1854" to="1856"')
    paths = []
    for number in range(count):
        path = folder / f"e{number:04}.xml"
        path.write_text(text.replace("<head>One</head>", f"<head>Edition {number}</head>"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_thousand_files_compile_each_schema_once(tmp_path, monkeypatch):
    monkeypatch.setattr(validation, "_LXML_CACHE", {})
    monkeypatch.setattr(validation, "_SCHEMATRON_CACHE", {})
    _small_editions(tmp_path, 1000)
    before = COMPILATIONS.copy()
    messages = validate_paths([tmp_path])
    assert messages == []
    compiled = COMPILATIONS - before
    assert sorted(compiled.values()) == [1, 1], compiled  # one RELAX NG, one Schematron
    # How long the batch takes is measured by benchmarks/validate_bench.py, not asserted here.


@needs_jing
def test_jing_validates_a_thousand_files_in_one_process(tmp_path):
    paths = _small_editions(tmp_path, 1000)
    before = COMPILATIONS.copy()
    messages = Validator(REPO / "schema" / "tei-tools.rng", engine="jing").validate_files(paths)
    assert messages == []
    assert list((COMPILATIONS - before).values()) == [1]


@needs_jing
def test_jing_goes_on_after_a_file_it_cannot_parse(tmp_path):
    """jing stops at a fatal error; the validator restarts it after that file."""
    undeclared = tmp_path / "a-undeclared-entity.xml"
    undeclared.write_text((VALID / "book.xml").read_text(encoding="utf-8").replace(
        "<head>One</head>", "<head>One &nbsp;</head>"), encoding="utf-8")
    later = tmp_path / "b-later.xml"
    shutil.copy(BROKEN / "unknown-element.xml", later)
    messages = Validator(REPO / "schema" / "tei-tools.rng", engine="jing").validate_files([undeclared, later])
    assert {Path(m.path).name for m in messages} == {undeclared.name, later.name}


# ---------------------------------------------------------------- the editions of the project


def _editions() -> list[Path]:
    return sorted(EDITIONS.glob("*.xml"))


@pytest.mark.skipif(not _editions(), reason="editions/ holds no edition yet (run tei-tools build)")
def test_every_edition_is_valid_against_the_project_schema():
    messages = validate_paths(_editions())
    assert [str(m) for m in messages if m.severity == "error"] == []


@needs_shared
@pytest.mark.slow
@pytest.mark.skipif(not _editions(), reason="editions/ holds no edition yet (run tei-tools build)")
def test_every_edition_is_valid_against_tei_all():
    messages = validate_paths(_editions(), "tei-all", tei_all=TEI_ALL)
    assert [str(m) for m in messages] == []


@needs_shared
@pytest.mark.slow
def test_the_test_editions_are_valid_against_tei_all():
    messages = validate_paths([VALID, BROKEN / "persons.xml"], "tei-all", tei_all=TEI_ALL)
    assert [str(m) for m in messages] == []


# ---------------------------------------------------------------- real TEI from other projects


def _manifest_verdicts() -> dict[str, bool]:
    """MANIFEST.md's 'tei_all jing' column: file -> valid."""
    verdicts = {}
    for line in (CORPUS / "MANIFEST.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 11 and re.fullmatch(r"[\w.-]+/[\w.-]+\.xml", cells[1]):
            verdicts[cells[1]] = cells[10] == "V"
    return verdicts


@needs_shared
@pytest.mark.slow
@pytest.mark.parametrize("engine", ["auto", "lxml"])
def test_the_corpus_runs_through_tei_all_and_agrees_with_jing(engine):
    expected = _manifest_verdicts()
    assert len(expected) == 44 and sum(expected.values()) == 20
    result = run(CORPUS, "--schema", "tei-all", "--tei-all", TEI_ALL, "--engine", engine, "--format", "json")
    assert result.exit_code == 1, result.output[-2000:]
    report = json.loads(result.output)
    verdicts = {str(Path(f["path"]).relative_to(CORPUS)): f["valid"] for f in report["files"]}
    assert verdicts == expected
    # testchinese.xml: jing fails on its missing DTD; we report the DOCTYPE instead of fetching it
    chinese = [m["message"] for m in report["messages"] if m["path"].endswith("testchinese.xml")]
    assert chinese and all("DOCTYPE declares external DTD" in m for m in chinese)


# ---------------------------------------------------------------- the Schematron compiler (ISO -> XSLT 3.0)


def _rules(tmp_path: Path, body: str, namespaces: str = '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>') -> Path:
    rules = tmp_path / "rules.sch"
    rules.write_text(f'<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">{namespaces}'
                     f"{body}</schema>", encoding="utf-8")
    return rules


def _found(rules: Path, edition: Path = BROKEN / "bad-date.xml") -> list[tuple]:
    return [(m.line, m.severity, m.message, m.rule) for m in Validator(rules).validate_file(edition)]


def test_the_first_matching_rule_of_a_pattern_fires_and_messages_follow_the_rules(tmp_path):
    rules = _rules(tmp_path, """
      <pattern><rule context="tei:body//tei:p[1]"><report id="first" test="true()">first p</report></rule>
               <rule context="tei:body//tei:p"><report id="other" test="true()">other p</report></rule>
               <rule context="tei:div/@type"><report id="attribute" test="true()">attribute <name/></report></rule>
               <rule context="tei:div"><report id="element" test="true()">element <name/></report></rule>
      </pattern>""")
    # one message per node, from its first matching rule; at one position (the div and its
    # attribute), in the order of the rules, as the reference engine gave them
    assert _found(rules) == [(22, "error", "attribute type", "attribute"), (22, "error", "element div", "element"),
                             (24, "error", "first p", "first"), (26, "error", "other p", "other")]


def test_a_node_two_prefixes_name_alike_fires_the_first_rule_only(tmp_path):
    """Rules whose contexts differ only in the prefix can match the same nodes: the later rule
    fires on none of the earlier one's (names tell rules apart only by their local names)."""
    rules = _rules(tmp_path, """
      <pattern><rule context="t:head"><report id="first" test="true()">first</report></rule>
               <rule context="tei:head | tei:p[1]"><report id="second" test="true()">second</report></rule>
               <rule context="@type"><report id="attribute" test="true()">attribute</report></rule></pattern>""",
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>')
    found = [rule for *_, rule in _found(rules)]
    (tmp_path / "first-p").mkdir()
    first_p = _rules(tmp_path / "first-p", '<pattern><rule context="tei:p[1]"><report id="p" test="true()">p'
                                           "</report></rule></pattern>")
    assert "first" in found and "attribute" in found
    assert found.count("second") == len(_found(first_p)) > 0  # every head went to the first rule


def test_lets_are_scoped_to_their_pattern_and_rule(tmp_path):
    rules = _rules(tmp_path, """
      <let name="n" value="'schema'"/>
      <pattern><let name="n" value="'first'"/>
        <rule context="tei:head"><report id="a" test="true()"><value-of select="$n"/></report></rule></pattern>
      <pattern><rule context="tei:head"><let name="n" value="'rule'"/>
        <report id="b" test="true()"><value-of select="$n"/></report></rule></pattern>
      <pattern><rule context="tei:head"><report id="c" test="true()"><value-of select="$n"/></report></rule></pattern>""")
    assert [(message, rule) for _, _, message, rule in _found(rules)] == [("first", "a"), ("rule", "b"),
                                                                          ("schema", "c")]


def test_a_rule_that_cannot_be_evaluated_is_one_message_at_its_node(tmp_path):
    rules = _rules(tmp_path, """
      <pattern><rule context="tei:head"><assert id="broken" test="xs:integer(.) gt 0">never said</assert></rule>
               <rule context="tei:p"><report id="fine" test="true()">still checked</report></rule></pattern>""",
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>')
    found = _found(rules)
    broken = [f for f in found if f[3] is None]
    assert len(broken) == 1 and broken[0][2].startswith("Schematron rule failed to run: ") and broken[0][0] == 23
    assert "never said" not in str(found) and any(rule == "fine" for *_, rule in found)


def test_an_error_at_one_node_is_its_message_and_the_other_nodes_are_checked(tmp_path):
    """Each rule first selects the nodes it fails on in one filter; an error there (the second
    date's @when is no integer) runs the rule node by node, as if there were no filter."""
    rules = _rules(tmp_path, """
      <pattern><rule context="tei:date"><let name="year" value="xs:integer(@when)"/>
        <assert id="late" test="$year gt 1900">no year after 1900: <value-of select="@from"/></assert></rule></pattern>""",
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>')
    found = _found(rules)
    assert [(line, rule) for line, _, _, rule in found] == [(25, None), (26, "late")]
    assert found[0][2].startswith("Schematron rule failed to run: ") and found[1][2] == "no year after 1900: 1854"


def test_rules_that_ask_for_their_position_or_current_node_see_them_as_without_a_filter(tmp_path):
    rules = _rules(tmp_path, """
      <pattern><rule context="tei:p"><report id="second" test="position() = 2">second p</report></rule></pattern>
      <pattern><rule context="tei:date"><let name="me" value="current()"/>
        <report id="current" test="$me is .">date</report></rule></pattern>""")
    assert [(line, rule) for line, _, _, rule in _found(rules)] == [(15, "current"), (24, "second"), (25, "current"),
                                                                  (26, "current")]


def test_a_let_that_does_not_compile_is_named_in_the_error(tmp_path):
    rules = _rules(tmp_path, """<pattern><rule context="tei:head"><let name="broken" value="1 +"/>
      <assert id="a" test="$broken">never</assert></rule></pattern>""")
    with pytest.raises(validation.UnusableInputError, match='let "broken": cannot compile: XPST0003'):
        Validator(rules)


def test_abstract_rules_bring_their_lets_and_includes_are_read(tmp_path):
    (tmp_path / "part.sch").write_text(
        '<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="tei:head">'
        '<extends rule="named"/></rule></pattern>', encoding="utf-8")
    rules = _rules(tmp_path, """
      <pattern><rule abstract="true" id="named"><let name="words" value="count(tokenize(normalize-space(.)))"/>
        <report id="words" test="$words ge 1"><name/> has <value-of select="$words"/> word(s) in <name path=".."/></report>
      </rule></pattern>
      <include href="part.sch"/>""")
    assert _found(rules) == [(23, "error", "head has 1 word(s) in div", "words")]


def test_a_schema_prefix_named_xsl_does_not_confuse_the_stylesheet(tmp_path):
    rules = _rules(tmp_path, '<pattern><rule context="xsl:head"><report id="x" test="true()">head</report>'
                             "</rule></pattern>", '<ns prefix="xsl" uri="http://www.tei-c.org/ns/1.0"/>')
    assert [rule for *_, rule in _found(rules)] == ["x"]


def test_documents_are_read_through_the_safe_parser_and_once(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-PAYLOAD", encoding="utf-8")
    (tmp_path / "hostile.xml").write_text(
        f'<!DOCTYPE x [<!ENTITY s SYSTEM "{secret.as_uri()}">]><x>&s;</x>', encoding="utf-8")
    (tmp_path / "plain.xml").write_text("<x>plain</x>", encoding="utf-8")
    rules = _rules(tmp_path, """
      <pattern><rule context="tei:head">
        <report id="plain" test="doc-available('plain.xml')"><value-of select="doc('plain.xml')/*"/></report>
        <report id="hostile" test="true()"><value-of select="if (doc-available('hostile.xml'))
            then string(doc('hostile.xml')) else 'unreadable'"/></report>
        <report id="missing" test="not(doc-available('nowhere.xml'))">missing</report>
      </rule></pattern>""")
    editions = [tmp_path / f"e{n}.xml" for n in range(3)]
    for edition in editions:
        shutil.copy(BROKEN / "bad-date.xml", edition)
    validator = Validator(rules)
    messages = validator.validate_files(editions)
    assert [m.message for m in messages] == ["plain", "", "missing"] * 3
    assert "SECRET" not in str(messages)
    assert len(validator.documents._documents) == 3  # each document read once for all three files


def test_deep_documents_that_the_safe_parser_accepts_reach_the_rules(tmp_path):
    """The JDK parser inside Saxon stops at a depth of 100 unless told otherwise."""
    text = (VALID / "book.xml").read_text(encoding="utf-8")
    nested = "<floatingText><body>" * 120 + "<p><q> </q></p>" + "</body></floatingText>" * 120
    edition = tmp_path / "deep.xml"
    edition.write_text(text.replace("<head>One</head>", f"<head>One</head><p>{nested}</p>", 1), encoding="utf-8")
    rules = _rules(tmp_path, '<pattern><rule context="tei:q"><assert id="q" test="normalize-space()">'
                             "empty q</assert></rule></pattern>")
    assert [(m.message, m.rule) for m in Validator(rules).validate_file(edition)] == [("empty q", "q")]
