"""Peak memory and time of each entity bomb and huge input, against ordinary input in the same run.

Every input is generated in a scratch folder: the billion laughs, a quadratic blowup, external
entities and DTDs (file and http, served by a loopback server that counts requests), XInclude,
100,000-deep nesting, a 50 MB text node, a stylesheet PI, a wrong and a missing namespace, and
the sources: a single 10 MB line, a 100 MB file, UTF-16, form feeds. Each case is one
`tei-tools` process (as a user runs it); its wall time and peak resident memory (getrusage of the
child, jing's JVM included) are printed with their ratios to the baseline: the same command on
an ordinary seed edition (or, for convert, the smallest seed).

    nice python benchmarks/hostile_bench.py                 # everything (several minutes)
    nice python benchmarks/hostile_bench.py --only bomb     # cases whose name contains "bomb"
    python benchmarks/hostile_bench.py --timeout 120 --keep /tmp/hostile   # keep the inputs

The huge cases are here and not in the test suite: CI keeps each test fast (tests/test_hostile_*.py
use the same inputs at small sizes).
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from tei_tools.cli import main; main()"]
SECRET = "TOPSECRET-bench-7c2e"
TEI_NS = "http://www.tei-c.org/ns/1.0"
TEI_ALL = REPO.parent / "shared" / "schemas" / "tei_all.rng"


@dataclass
class Outcome:
    seconds: float
    peak_mb: float
    exit_code: int | str
    message: str
    leaked: bool = False  # the local secret appeared in a message


def measure(command: list[str], timeout: float) -> Outcome:
    """Run one process; its wall time, peak RSS (it and the children it waited for), exit, first message."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=err, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        err.seek(0)
        messages = err.read().decode("utf-8", "replace")
        lines = [line for line in messages.splitlines() if line.strip()]
    timed_out = process.returncode == -signal.SIGKILL and seconds >= timeout
    message = next((line for line in lines if "error:" in line), lines[-1] if lines else "")
    message = message.split(": error: ", 1)[-1].removeprefix("tei-tools: error: ")
    return Outcome(seconds, usage.ru_maxrss / 1024, "timeout" if timed_out else process.returncode, message,
                   SECRET in messages)


# ---------------------------------------------------------------------------------------------- inputs

def edition_around(body: str, *, doctype: str = "", before_root: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{before_root}{doctype}<TEI xmlns="{TEI_NS}" xml:lang="en">'
            "<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt><publicationStmt><p>None.</p>"
            "</publicationStmt><sourceDesc><p>Generated.</p></sourceDesc></fileDesc></teiHeader>"
            f"<text><body><p>{body}</p></body></text></TEI>\n")


XML_CASES = ("billion-laughs bomb", "quadratic-blowup bomb", "external-entity file", "external-entity http",
             "external-dtd http", "external-dtd file", "xinclude file+http", "deep-nesting 100k",
             "huge text-node 50MB", "stylesheet PI", "missing namespace", "wrong namespace")
SOURCE_CASES = ("single line 10MB", "file 100MB", "utf-16 1MB", "form feeds 1MB")


def file_name(case: str, suffix: str) -> str:
    return case.replace(" ", "-").replace("+", "-") + suffix


def input_paths(folder: Path, cases: tuple[str, ...], suffix: str) -> dict[str, Path]:
    return {case: folder / file_name(case, suffix) for case in cases}


def xml_inputs(folder: Path, url: str) -> None:
    secret = folder / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (folder / "evil.dtd").write_text(f'<!ENTITY x "{SECRET}">', encoding="utf-8")
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    cases = {
        "billion-laughs bomb": edition_around("&lol9;", doctype=f'<!DOCTYPE TEI [<!ENTITY lol0 "lol">{levels}]>\n'),
        "quadratic-blowup bomb": edition_around("&a;" * 100_000,
                                                doctype=f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 100_000}">]>\n'),
        "external-entity file": edition_around("&x;", doctype=f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'),
        "external-entity http": edition_around("&x;", doctype=f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{url}/x">]>\n'),
        "external-dtd http": edition_around("&x;", doctype=f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n'),
        "external-dtd file": edition_around("&x;", doctype=f'<!DOCTYPE TEI SYSTEM "{(folder / "evil.dtd").as_uri()}">\n'),
        "xinclude file+http": edition_around(
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>'
            f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/inc.xml"/>'),
        "deep-nesting 100k": edition_around("<hi>" * 100_000 + "deep" + "</hi>" * 100_000),
        "huge text-node 50MB": edition_around("word " * 10_000_000),
        "stylesheet PI": edition_around("fine", before_root=f'<?xml-stylesheet type="text/xsl" href="{url}/x.xsl"?>\n'),
        "missing namespace": edition_around("fine").replace(f' xmlns="{TEI_NS}"', "", 1),
        "wrong namespace": edition_around("fine").replace(TEI_NS, "http://www.tei-c.org/ns/2.0"),
    }
    assert tuple(cases) == XML_CASES
    for name, content in cases.items():
        (folder / file_name(name, ".xml")).write_text(content, encoding="utf-8")


def source_inputs(folder: Path) -> None:
    paragraph = ("Anna Petrova wrote to Ivan Sergeyevich in May 1917 that “the train was late again”, "
                 "and nobody in the village of Lipki could say when the next one would come.\n\n")
    cases = {
        "single line 10MB": ("Anna Petrova wrote a word. " * 370_371 + "\n").encode("utf-8"),
        "file 100MB": (paragraph * (100_000_000 // len(paragraph.encode()) + 1)).encode("utf-8"),
        "utf-16 1MB": (paragraph * 5000).encode("utf-16"),
        "form feeds 1MB": (paragraph.replace("\n\n", "\n\f\n") * 5000).encode("utf-8"),
    }
    assert tuple(cases) == SOURCE_CASES
    for name, data in cases.items():
        (folder / file_name(name, ".txt")).write_bytes(data)


class Recorder(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802
        Recorder.requests.append(self.path)
        body = SECRET.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


# ---------------------------------------------------------------------------------------------- running

LEAKS: list[str] = []


def print_row(case: str, command: str, outcome: Outcome, baseline: Outcome | None) -> None:
    if outcome.leaked:
        LEAKS.append(f"{case} / {command}")
    ratio_t = f"x{outcome.seconds / baseline.seconds:6.1f}" if baseline else "      -"
    ratio_m = f"x{outcome.peak_mb / baseline.peak_mb:5.1f}" if baseline else "     -"
    print(f"{case:<22} {command:<14} {str(outcome.exit_code):>7} {outcome.seconds:8.2f} s {ratio_t} "
          f"{outcome.peak_mb:8.0f} MB {ratio_m}   {outcome.message[:110]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="only cases whose name contains this")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a case is killed")
    parser.add_argument("--keep", type=Path, help="generate the inputs here and keep them")
    parser.add_argument("--convert-100mb", action="store_true",
                        help="also try converting the 100 MB file with --max-size 0 (slow, ~10 GB of memory)")
    parser.add_argument("--generate", nargs=2, metavar=("FOLDER", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:  # in a process of its own: Linux counts a parent's peak into its children's
        xml_inputs(Path(args.generate[0]), args.generate[1])
        source_inputs(Path(args.generate[0]))
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="tei-tools-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        run_all(folder, url, args)
    finally:
        server.shutdown()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def run_all(folder: Path, url: str, args) -> None:
    out = folder / "out"
    subprocess.run([sys.executable, __file__, "--generate", str(folder), url], check=True)
    seed = min((REPO / "seeds").glob("*.txt"), key=lambda p: p.stat().st_size)
    edition = REPO / "editions" / f"{seed.stem}.xml"
    commands = {
        "validate": lambda path: ["validate", str(path)],
        "validate jing": lambda path: ["validate", "--schema", "tei-all", "--tei-all", str(TEI_ALL), str(path)],
        "render html": lambda path: ["render", str(path), "--to", "html", "-o", str(out / "html")],
        "render text": lambda path: ["render", str(path), "--to", "text", "-o", str(out / "text")],
    }
    if not (TEI_ALL.is_file() and shutil.which("jing")):
        del commands["validate jing"]
    print(f"inputs in {folder}; baseline: {edition.name} (validate/render) and {seed.name} (convert)\n")
    print(f"{'case':<22} {'command':<14} {'exit':>7} {'time':>10} {'ratio':>7} {'peak':>11} {'ratio':>6}   message")
    baselines = {}
    for command, make in commands.items():
        baselines[command] = measure([*CLI, *make(edition)], args.timeout)
        print_row("baseline (seed edition)", command, baselines[command], None)
    convert_base = measure([*CLI, "convert", str(seed), "-o", str(out / "convert"), "-q"], args.timeout)
    print_row("baseline (seed source)", "convert", convert_base, None)
    print()
    for case, path in input_paths(folder, XML_CASES, ".xml").items():
        if args.only not in case:
            continue
        for command, make in commands.items():
            print_row(case, command, measure([*CLI, *make(path)], args.timeout), baselines[command])
    for case, path in input_paths(folder, SOURCE_CASES, ".txt").items():
        if args.only not in case:
            continue
        print_row(case, "convert", measure([*CLI, "convert", str(path), "-o", str(out / "convert"), "-q"],
                                           args.timeout), convert_base)
        if case == "file 100MB" and args.convert_100mb:
            print_row(case, "--max-size 0", measure([*CLI, "convert", str(path), "-o", str(out / "convert"), "-q",
                                                     "--max-size", "0"], args.timeout), convert_base)
    leaked = [p for p in out.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    print(f"\nrequests to the loopback server: {len(Recorder.requests)} {Recorder.requests or ''}")
    print(f"outputs holding the local secret: {len(leaked)} {leaked or ''}")
    print(f"messages holding the local secret: {len(LEAKS)} {LEAKS or ''}")


if __name__ == "__main__":
    main()
