"""Put known, realistic defects into a scratch copy of the project, one at a time, and say which
tests catch each (issue 10). Run by hand, outside CI:

    nice -n 19 .venv/bin/python tests/mutation/defects.py            # each defect, its tests only
    nice -n 19 .venv/bin/python tests/mutation/defects.py --full     # each defect, the whole suite
    .venv/bin/python tests/mutation/defects.py --list                # what the defects are
    .venv/bin/python tests/mutation/defects.py --only lang-forced-en --full

Each defect is a small textual patch (`old` -> `new`, `old` must occur exactly once, so a defect
whose code has moved is reported as "cannot apply" instead of silently testing nothing). The
scratch copy is the working tree (tracked and untracked, not ignored files) in a temporary
folder that also holds a `shared` link to ../shared, so the tests that use the gold and the
corpus run as in CI; `.venv` is linked in so the Nu checker is found. The README's test command
(`python -m pytest`) runs in the copy with PYTHONPATH pointing at the copy's src/, so the copy's
code is what is imported, not the editable install's.

A defect that no test catches makes the exit status 1: that is the point of the script.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


@dataclass(frozen=True)
class Defect:
    name: str
    what: str  # what a user would notice
    path: str  # the file patched, relative to the repository (a package's module: its new path)
    old: str
    new: str
    tests: tuple[str, ...]  # where the tests that should catch it live (quick mode runs these)


DEFECTS = [
    Defect("hand-edit-guard", "an existing edition without a tei-tools digest is silently overwritten",
           "src/tei_tools/convert.py",
           "if serialize.is_untouched(existing) is not True:",
           "if serialize.is_untouched(existing) is False:",
           ("tests/test_convert.py", "tests/test_cli_convert.py", "tests/test_writing.py",
            "tests/test_force_backup.py")),
    Defect("plain-write", "the atomic write replaced by a plain write_bytes (a failed write truncates the edition)",
           "src/tei_tools/atomic.py",
           '    """Write `data` to `path` through a temporary file and a rename (0644, like any edition)."""\n',
           '    """Write `data` to `path` through a temporary file and a rename (0644, like any edition)."""\n'
           "    Path(path).write_bytes(data)\n    return\n",
           ("tests/test_convert.py", "tests/test_writing.py", "tests/test_writes.py")),
    Defect("jing-column", "every column of jing's messages shifted by one",
           "src/tei_tools/validate/relaxng_jing.py",
           'int(match["line"]), int(match["column"]),',
           'int(match["line"]), int(match["column"]) + 1,',
           ("tests/test_validate.py", "tests/test_messages.py")),
    Defect("schematron-always-true", "the Schematron rule date-uncertain-order made always true",
           "schema/tei-tools.sch",
           'test="empty($notBefore-start) or empty($notAfter-end) or $notBefore-start le $notAfter-end"',
           'test="true()"',
           ("tests/test_validate.py", "tests/test_schematron_fixtures.py")),
    Defect("lang-forced-en", "TEI/@xml:lang is 'en' whatever the sidecar says",
           "src/tei_tools/serialize.py",
           'xml_lang=doc.meta.language or "en")',
           'xml_lang="en")',
           ("tests/test_convert.py", "tests/test_serialize.py", "tests/test_sidecar.py", "tests/test_header.py")),
    Defect("month-range-end", "a month range ends one month late (May–June 1917 -> to 1917-07)",
           "src/tei_tools/annotate/dates/recogniser.py",
           '{"from": iso_month(year, first), "to": iso_month(year, last)}',
           '{"from": iso_month(year, first), "to": iso_month(year, min(last + 1, 12))}',
           ("tests/test_dates.py", "tests/test_dates_ranges.py")),
    Defect("nested-quote", "an outer quotation ends at the first closing mark of a quotation inside it",
           "src/tei_tools/annotate/quotes.py",
           "stretches.append((open_marks.pop(), position + 1))",
           "stretches.append((open_marks.pop(0), position + 1))",
           ("tests/test_quotes.py", "tests/test_quotes_nesting.py")),
    Defect("surname-earliest", "a surname alone is linked to the first person of that surname, not the one in play",
           "src/tei_tools/annotate/persons/cluster.py",
           'return self._most_plausible(seen, key, mention), "word"',
           'return min(seen, key=lambda e: e.last_seen), "word"',
           ("tests/test_persons.py", "tests/test_persons_identity.py", "tests/test_persons_phases.py")),
    Defect("same-new-id", "two new people with names of the same slug get one xml:id",
           "src/tei_tools/personography.py",
           "        self._taken_ids.add(candidate)\n        return candidate",
           "        return candidate",
           ("tests/test_personography.py", "tests/test_persons_identity.py", "tests/test_person_ids.py")),
    Defect("footnote-backlink", "a footnote has no link back to the text",
           "xslt/html/edition.xsl",
           '<a class="backlink gen" href="#tt-fnref-{$n}" aria-label="Back to the text">↩</a>',
           "",
           ("tests/test_render.py", "tests/test_render_html.py")),
    Defect("unknown-text", "the text of elements the stylesheets do not know is dropped from the HTML",
           "xslt/html/unknown.xsl",
           '<xsl:template match="*">\n    <xsl:call-template name="f:inline">',
           '<xsl:template match="*"/>\n  <xsl:template name="unused">\n    <xsl:call-template name="f:inline">',
           ("tests/test_render.py", "tests/test_render_html.py")),
    Defect("credit-last-paragraph", "the last paragraph before a book's credit line is dropped",
           "src/tei_tools/readers/book.py",
           "if is_credit(block.text) and index > len(blocks) // 2:\n            return blocks[:index], blocks[index:]",
           "if is_credit(block.text) and index > len(blocks) // 2:\n            return blocks[:index - 1], blocks[index:]",
           ("tests/test_readers.py", "tests/test_convert.py", "tests/test_book_ending.py")),
    Defect("omission-lines", "the header declares left-out lines one line too early",
           "src/tei_tools/readers/common.py",
           "blocks.append(RawBlock(stripped, offset, lines.line_at(offset)))",
           "blocks.append(RawBlock(stripped, offset, lines.line_at(offset) - 1))",
           ("tests/test_convert.py", "tests/test_readers.py", "tests/test_omissions.py")),
    Defect("quote-closing-mark", "a quotation's closing mark is left outside its q",
           "src/tei_tools/annotate/quotes.py",
           "stretches.append((open_marks.pop(), position + 1))",
           "stretches.append((open_marks.pop(), position))",
           ("tests/test_quotes.py", "tests/test_quotes_nesting.py")),
]


def tree_files(repo: Path) -> list[str]:
    """The working tree's files as git sees them: tracked, plus untracked that are not ignored."""
    listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-co", "--exclude-standard", "-z"],
                            capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (repo / name).is_file()]


def scratch_copy(work: Path) -> Path:
    """work/tei-tools: a copy of the tree, with work/shared -> ../shared and .venv linked in."""
    copy = work / "tei-tools"
    for name in tree_files(REPO):
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    if SHARED.is_dir():
        (work / "shared").symlink_to(SHARED)
    if (REPO / ".venv").is_dir():
        (copy / ".venv").symlink_to(REPO / ".venv")
    return copy


def apply(defect: Defect, copy: Path) -> str | None:
    """Patch the copy; None when done, else why it cannot be applied."""
    target = copy / defect.path
    if not target.is_file():
        return f"{defect.path} is not there (moved into a package?): update the defect's path"
    text = target.read_text(encoding="utf-8")
    found = text.count(defect.old)
    if found != 1:
        return f"the code to change occurs {found} times in {defect.path} (expected once): update the defect"
    target.write_text(text.replace(defect.old, defect.new), encoding="utf-8")
    return None


def run_tests(copy: Path, tests: list[str], report: Path) -> tuple[int, list[str], float]:
    """(exit status, the ids of the tests that failed or errored, seconds)."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}", *tests]
    started = time.monotonic()
    run = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - started
    failed = []
    if report.is_file():
        for case in ElementTree.parse(report).iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                module = case.get("classname", "").replace(".", "/")
                failed.append(f"{module}.py::{case.get('name')}")
    elif run.returncode:
        failed.append(f"(pytest exited {run.returncode}: {run.stdout[-300:]}{run.stderr[-300:]})")
    return run.returncode, failed, seconds


def check(defect: Defect, full: bool, only_tests: list[str] | None = None) -> tuple[str, list[str], float]:
    with tempfile.TemporaryDirectory(prefix="tei-tools-defect-") as work:
        copy = scratch_copy(Path(work))
        problem = apply(defect, copy)
        if problem:
            return f"cannot apply: {problem}", [], 0.0
        tests = [] if full else only_tests or [t for t in defect.tests if (copy / t).exists()]
        _, failed, seconds = run_tests(copy, tests, Path(work) / "report.xml")
        return ("caught" if failed else "NOT CAUGHT"), failed, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="run the whole suite for each defect (slow)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="these defects only")
    parser.add_argument("--list", action="store_true", help="list the defects and exit")
    parser.add_argument("--tests", nargs="+", metavar="PATH", help="run these test paths instead (for each defect)")
    options = parser.parse_args(argv)
    # Stopped with kill: leave through the normal path, so the running pytest is killed with it
    # and the scratch copy is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    chosen = [d for d in DEFECTS if not options.only or d.name in options.only]
    if options.list or not chosen:
        for defect in DEFECTS:
            print(f"{defect.name:24} {defect.path:36} {defect.what}")
        return 0 if options.list else 2
    missed = 0
    print(f"| defect | verdict | tests that fail ({'whole suite' if options.full else 'its modules'}) |")
    print("| --- | --- | --- |")
    for defect in chosen:
        verdict, failed, seconds = check(defect, options.full, options.tests)
        missed += verdict != "caught"
        tests = "<br>".join(f"`{t}`" for t in failed) or "-"
        print(f"| {defect.name} | {verdict} ({len(failed)}, {seconds:.0f} s) | {tests} |", flush=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
