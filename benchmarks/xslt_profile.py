"""Where a stylesheet spends its time on one edition: Saxon's own timing profile (-TP).

    python benchmarks/xslt_profile.py EDITION [--stylesheet html|text] [--personography FILE]
        [--repeat 20] [--top 30]

saxonche has no profiler, so this runs the same stylesheet in Saxon-HE for Java (the Debian
package libsaxonhe-java, 9.9; `apt-get install -y libsaxonhe-java`), which writes a profile of
every template, function and global variable: how often it ran and its time, gross (with what it
called) and net (its own). The transformation is repeated (--repeat) so that the JIT has warmed
up, and the profile is that of the last run. Read the net column for hot spots and the counts
for work that grows faster than the document (a function called once per element, or a global
variable costing as much as the whole page).

Caveats: Saxon 9.9 is not the Saxon 12 inside saxonche: its optimizer differs (it evaluates
`//(a | b)` as a union per node, Saxon 12 does not), and profiling inflates every instruction's
time several times. Confirm a finding with saxonche before and after the change: the CPU time of
the transformation alone, alternating the two stylesheets, best of several runs (one run of a
corpus varies by 10% on a shared machine).
"""
from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAXON_JARS = (Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon9he.jar"))
STYLESHEETS = {"html": REPO / "xslt" / "html" / "edition.xsl", "text": REPO / "xslt" / "text" / "edition.xsl"}


def saxon_jar() -> Path | None:
    return next((jar for jar in SAXON_JARS if jar.is_file()), None)


def profile_rows(report: str) -> list[list[str]]:
    """The rows of the last run in Saxon's -TP report (an HTML table per run): module, line,
    instruction, count, average and total gross time, average and total net time (ms)."""
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", report.rsplit("<table", 1)[-1], re.S):
        cells = [html.unescape(re.sub(r"<.*?>", "", cell)).strip() for cell in re.findall(r"<td.*?>(.*?)</td>", row, re.S)]
        if len(cells) >= 8:
            rows.append(cells)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edition", type=Path)
    parser.add_argument("--stylesheet", choices=sorted(STYLESHEETS), default="html")
    parser.add_argument("--personography", type=Path, help="default: persons.xml beside the edition, if there")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    options = parser.parse_args()
    jar, java = saxon_jar(), shutil.which("java")
    if jar is None or java is None:
        print("xslt_profile: needs Java and Saxon-HE for Java (apt-get install -y libsaxonhe-java)", file=sys.stderr)
        return 2
    personography = options.personography or options.edition.with_name("persons.xml")
    with tempfile.TemporaryDirectory() as work:
        report = Path(work) / "profile.html"
        command = [java, "-cp", str(jar), "net.sf.saxon.Transform", f"-s:{options.edition}",
                   f"-xsl:{STYLESHEETS[options.stylesheet]}", f"-o:{Path(work) / 'out'}",
                   f"-repeat:{options.repeat}", f"-TP:{report}"]
        if options.stylesheet == "html" and personography.is_file():
            command.append(f"+personography={personography}")
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0 or not report.is_file():
            lines = [line for line in run.stderr.splitlines() if "rror" in line] or run.stderr.splitlines()[-3:]
            print(f"xslt_profile: Saxon failed: {' '.join(lines)[:300]}", file=sys.stderr)
            return 1
        rows = profile_rows(report.read_text(encoding="utf-8"))
    average = re.search(r"Average execution time over last \d+ runs: ([\d.]+)ms", run.stderr)
    print(f"{options.edition.name}, {options.stylesheet} stylesheet: "
          f"{average.group(1) + ' ms a run (without profiling)' if average else 'one run'}; the last run profiled")
    print(f"{'module':<20} {'line':>5}  {'instruction':<48} {'count':>7} {'net ms':>8} {'gross ms':>9}")
    rows.sort(key=lambda cells: -float(cells[7].replace(",", "")))
    for module, line, instruction, count, _, gross, _, net in (cells[:8] for cells in rows[:options.top]):
        print(f"{module:<20} {line:>5}  {instruction[:48]:<48} {count:>7} {net:>8} {gross:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
