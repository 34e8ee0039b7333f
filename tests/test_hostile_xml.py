"""Hostile XML as validate, render, convert and build meet it: nothing external is read or fetched.

Every file is generated here, around a real edition: external entities (file and http), an
external parameter entity and DTD, the billion laughs, a quadratic blowup, an entity loop,
XInclude, 100,000-deep nesting, a text node larger than libxml2's 10 MB default, a stylesheet
PI, a wrong and a missing TEI namespace. A loopback HTTP server counts what anyone asks of it (it
must be nothing), and a local "secret" file must never show in any output or message.
Peak memory and time of the large cases at full size: benchmarks/hostile_bench.py.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHARED
from tei_tools.cli import cli
from tei_tools.convert import convert_text
from tei_tools.personography import Personography
from tei_tools.validate import jing_command

SECRET = "TOPSECRET-4f1b"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"
TEI_DECLARATION = ' xmlns="http://www.tei-c.org/ns/1.0"'


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def server():
    """A loopback HTTP server that would serve the secret and records every request."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            requests.append(self.path)
            body = f'<!ENTITY x "{SECRET}">'.encode() if self.path.endswith(".dtd") else SECRET.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    httpd.shutdown()
    httpd.server_close()


def base_edition() -> str:
    """A real tei-tools edition (valid against the project schema), without PIs or persons."""
    _, data, _ = convert_text("A plain line of prose that names nobody at all.\n", "base.txt", Personography.empty())
    return data.decode("utf-8")


def hostile_edition(base: str, *, doctype: str = "", inside: str = "", before_root: str = "") -> str:
    head, root = base.split("<TEI", 1)
    body_start = root.index("<p>", root.index("<body>")) + len("<p>")
    return f"{head}{before_root}{doctype}<TEI{root[:body_start]}{inside}{root[body_start:]}"


def lol_bomb() -> str:
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return f'<!DOCTYPE TEI [<!ENTITY lol0 "lol">{levels}]>\n'


# name -> (what validate says, what render says: None renders, text = the expected error)
EXPECTED = {
    "external-file-entity": ('DOCTYPE declares external entity "x" ("file:', None),
    "external-http-entity": ('DOCTYPE declares external entity "x" ("http://127.0.0.1', None),
    "external-parameter-entity": ('DOCTYPE declares external entity "p"', None),
    "external-http-dtd": ("DOCTYPE declares external DTD", None),
    "external-file-dtd": ("DOCTYPE declares external DTD", None),
    "billion-laughs": ("an entity bomb", "an entity bomb"),
    "quadratic-blowup": ("an entity bomb", "an entity bomb"),
    "entity-loop": ("refer to themselves in a loop", "refer to themselves in a loop"),
    "xinclude": ("include", None),
    "deep-nesting": ("nested more than 2048 deep", "nested more than 2048 deep"),
    "missing-namespace": ('element "TEI" in no namespace not allowed here', "in no namespace, not a TEI document"),
    "wrong-namespace": ('in namespace "http://www.tei-c.org/ns/2.0" not allowed',
                        'in the namespace "http://www.tei-c.org/ns/2.0", not a TEI document'),
    "stylesheet-pi": (None, None),
    "huge-text-node": (None, None),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, server):
    url, _ = server
    folder = tmp_path_factory.mktemp("hostile")
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (folder / "evil.dtd").write_text(f'<!ENTITY x "{SECRET}">', encoding="utf-8")
    (folder / "other.xml").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    base = base_edition()
    doc = {
        "external-file-entity": hostile_edition(
            base, doctype=f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n', inside="&x;"),
        "external-http-entity": hostile_edition(
            base, doctype=f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/secret">]>\n', inside="&x;"),
        "external-parameter-entity": hostile_edition(
            base, doctype=f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>\n', inside="&x;"),
        "external-http-dtd": hostile_edition(base, doctype=f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n'),
        "external-file-dtd": hostile_edition(base, doctype=f'<!DOCTYPE TEI SYSTEM "{(folder / "evil.dtd").as_uri()}">\n'),
        "billion-laughs": hostile_edition(base, doctype=lol_bomb(), inside="&lol9;"),
        "quadratic-blowup": hostile_edition(
            base, doctype=f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 50_000}">]>\n', inside="&a;" * 50_000),
        "entity-loop": hostile_edition(base, doctype='<!DOCTYPE TEI [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n',
                                       inside="&a;"),
        "xinclude": hostile_edition(base, inside=(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>'
            '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="other.xml"/>')),
        "deep-nesting": hostile_edition(base, inside="<hi>" * 100_000 + "deep" + "</hi>" * 100_000),
        "missing-namespace": base.replace(TEI_DECLARATION, "", 1),
        "wrong-namespace": base.replace("http://www.tei-c.org/ns/1.0", "http://www.tei-c.org/ns/2.0"),
        "stylesheet-pi": hostile_edition(
            base, before_root=f'<?xml-stylesheet type="text/xsl" href="{url}/evil.xsl"?>\n'),
        # past libxml2's 10 MB limit for one text node; the 50 MB case is in benchmarks/
        "huge-text-node": hostile_edition(base, inside="word " * 2_200_000),
    }
    assert set(doc) == set(EXPECTED)
    for name, content in doc.items():
        (folder / f"{name}.xml").write_text(content, encoding="utf-8")
    return folder


def hostile_files(folder: Path) -> list[str]:
    return [str(folder / f"{name}.xml") for name in EXPECTED]


def assert_nothing_leaked(result, server, *folders: Path) -> None:
    _, requests = server
    assert requests == [], f"something was fetched: {requests}"
    assert SECRET not in result.output and "other.xml" not in result.output  # nothing was included
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and path.name not in ("secret.txt", "evil.dtd", "other.xml"):
                assert SECRET.encode() not in path.read_bytes(), f"{path} holds the secret"
    assert "Traceback" not in result.output


def test_validate_reports_each_hostile_file_in_one_line_and_reads_nothing(hostile, server):
    result = run("validate", *hostile_files(hostile))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for name, (expected, _) in EXPECTED.items():
        path = str(hostile / f"{name}.xml")
        errors = [line for line in lines if line.startswith(f"{path}:") and ": error: " in line]
        if expected is None:
            assert errors == [], errors
        else:
            assert errors and expected in errors[0], (name, errors)
    assert f"{len(EXPECTED)} file(s), {len(EXPECTED) - 2} invalid" in result.stderr.splitlines()[-1]
    assert_nothing_leaked(result, server, hostile)


@pytest.mark.slow
@pytest.mark.skipif(jing_command() is None or not TEI_ALL.is_file(), reason="needs jing and ../shared/schemas")
def test_validate_against_tei_all_with_jing_reads_nothing_either(hostile, server):
    # Debian's jing would process XInclude and Xerces would fetch DTDs and entities: it gets inert copies.
    # (Each file with an undeclared entity makes jing stop and start again: two of them are enough.)
    names = ["xinclude", "external-file-dtd", "external-http-dtd", "external-file-entity", "stylesheet-pi",
             "billion-laughs", "deep-nesting", "missing-namespace"]
    result = run("validate", "--schema", "tei-all", "--tei-all", str(TEI_ALL), *[f"{hostile / n}.xml" for n in names])
    assert result.exit_code == 1
    for name in names:
        errors = [line for line in result.stdout.splitlines() if line.startswith(f"{hostile / name}.xml:")]
        assert bool(errors) == (name != "stylesheet-pi"), (name, errors)
    assert 'error: element "xi:include" not allowed here' in result.stdout
    assert_nothing_leaked(result, server, hostile)


@pytest.mark.parametrize("to", ["html", "text"])
def test_render_renders_the_harmless_refuses_the_rest_and_reads_nothing(hostile, server, tmp_path, to):
    names = [name for name in EXPECTED if to == "html" or name != "huge-text-node"]  # text: see benchmarks/
    out = tmp_path / "out"
    result = run("render", *[str(hostile / f"{name}.xml") for name in names], "--to", to, "-o", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("tei-tools: error: ")]
    suffix = ".html" if to == "html" else ".txt"
    for name in names:
        path, refused = hostile / f"{name}.xml", EXPECTED[name][1]
        mine = [line for line in errors if line.startswith(f"tei-tools: error: {path}:")]
        if refused is None:
            assert mine == [] and (out / f"{name}{suffix}").is_file(), name
        else:
            assert len(mine) == 1 and refused in mine[0], (name, mine)
            assert not (out / f"{name}{suffix}").exists()  # no partial output
    refusals = sum(EXPECTED[name][1] is not None for name in names)
    assert result.stderr.splitlines()[-1].endswith(f"{refusals} document(s) failed (see above)")
    assert_nothing_leaked(result, server, hostile, out)


def test_a_hostile_personography_stops_convert_with_one_line(hostile, tmp_path):
    persons = tmp_path / "persons.xml"
    persons.write_text(lol_bomb() + '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&lol9;</p></TEI>', encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("Anna Petrova wrote.\n", encoding="utf-8")
    result = run("convert", str(source), "-o", str(tmp_path / "out"), "--personography", str(persons))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"tei-tools: error: {persons}: cannot read the personography: {persons}:1:7: error: its entities expand "
        "to far more text than the file holds (an entity bomb); tei-tools does not expand them (remove the "
        "DOCTYPE's entity declarations)"]
    assert not (tmp_path / "out" / "a.xml").exists()


def test_build_reports_a_hostile_edition_renders_the_rest_and_reads_nothing(hostile, server, tmp_path):
    seeds, editions, site = tmp_path / "seeds", tmp_path / "editions", tmp_path / "site"
    seeds.mkdir()
    (seeds / "good.txt").write_text("Anna Petrova wrote to Ivan in 1917.\n", encoding="utf-8")
    editions.mkdir()
    for name in ("external-file-entity", "billion-laughs", "missing-namespace"):
        (editions / f"{name}.xml").write_bytes((hostile / f"{name}.xml").read_bytes())
    result = run("build", "--seeds", str(seeds), "--editions", str(editions), "--site", str(site))
    assert result.exit_code == 1
    for name in ("external-file-entity", "billion-laughs", "missing-namespace"):
        assert f"{editions / name}.xml:" in result.stderr and not (site / f"{name}.html").exists()
    assert (site / "good.html").is_file() and (site / "good.txt").is_file()
    assert result.stderr.splitlines()[-1].startswith("build: incomplete: 1 of 1 source(s) converted; 3 invalid file(s)")
    assert_nothing_leaked(result, server, hostile, editions, site)
