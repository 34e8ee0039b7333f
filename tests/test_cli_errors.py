"""The console script never shows a traceback: an unexpected error is one line and a meaningful exit code.

These run `tei_tools.cli.main` (what the installed `tei-tools` runs) in a subprocess with a fault
injected; the other tests call `cli` through click's CliRunner, where a bug still raises.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

FAULTS = {
    "bug": "raise RuntimeError('boom\\nsecond line')",
    "permission": "raise PermissionError(13, 'Permission denied', '/srv/editions/persons.xml')",
    "memory": "raise MemoryError()",
}


def run_with_fault(fault: str, folder, *, debug: bool = False) -> subprocess.CompletedProcess:
    program = ("import sys\nimport tei_tools.cli.convert as command\n"
               f"def broken(*args, **kwargs):\n    {FAULTS[fault]}\n"
               "command._check_usage = broken\n"
               "from tei_tools.cli import main\nsys.argv = ['tei-tools', 'convert', 'x.txt', '-o', 'out']\nmain()\n")
    environment = {k: v for k, v in os.environ.items() if k != "TEI_TOOLS_DEBUG"}
    if debug:
        environment["TEI_TOOLS_DEBUG"] = "1"
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, timeout=120, cwd=folder)


@pytest.mark.parametrize("fault, code, line", [
    ("bug", 3, "tei-tools: internal error: RuntimeError: boom (a bug in tei-tools: please report it; "
               "TEI_TOOLS_DEBUG=1 shows the traceback)"),
    ("permission", 1, "tei-tools: error: /srv/editions/persons.xml: Permission denied"),
    ("memory", 1, "tei-tools: error: out of memory (the input is too large for this machine)"),
])
def test_an_unexpected_error_is_one_line_and_an_exit_code(fault, code, line, tmp_path):
    result = run_with_fault(fault, tmp_path)
    assert result.returncode == code
    assert result.stderr.splitlines() == [line] and result.stdout == ""


def test_the_traceback_is_there_for_whoever_asks(tmp_path):
    result = run_with_fault("bug", tmp_path, debug=True)
    assert result.returncode == 1 and "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: boom" in result.stderr
