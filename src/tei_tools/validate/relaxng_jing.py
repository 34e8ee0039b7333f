"""RELAX NG with jing, the reference validator: one process (one compilation) per batch of files."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator

from tei_tools.validate.compiled import COMPILATIONS
from tei_tools.validate.messages import Message, UnusableInputError
from tei_tools.validate.sources import Source
from tei_tools.xml import external_references, uses_xinclude, xinclude_disabled

_JING_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|fatal): "
                        r"(?P<message>.*)$")
_ARGUMENTS_PER_RUN = 100_000  # characters of file names per jing process (well under ARG_MAX)


def jing_command() -> str | None:
    return shutil.which("jing")


class JingRelaxNG:
    """RELAX NG with jing: one process (one schema compilation) per batch of files.

    jing stops at the first file it cannot parse, so every batch ends with a sentinel file that
    is always invalid: when the sentinel's message is missing, jing stopped early, and the files
    after the last one it reported on go into a new batch.
    """

    engine = "jing"
    SENTINEL = b'<tei-tools-sentinel xmlns="urn:tei-tools:sentinel"/>'

    def __init__(self, path: Path, command: str):
        self.path = path
        self.command = command

    def check_many(self, sources: list[Source]) -> dict[int, list[Message]]:
        """Messages per index of `sources`; jing reads what the safe parser accepted."""
        results: dict[int, list[Message]] = {i: [] for i in range(len(sources))}
        with tempfile.TemporaryDirectory(prefix="tei-tools-jing-") as scratch:
            sentinel = Path(scratch) / "sentinel.xml"
            sentinel.write_bytes(self.SENTINEL)
            inputs = [self._input_file(source, i, Path(scratch)) for i, source in enumerate(sources)]
            for batch in _batches(list(range(len(sources))), inputs):
                self._run_until_done(batch, inputs, str(sentinel.resolve()), sources, results)
        return results

    def _input_file(self, source: Source, index: int, scratch: Path) -> str:
        # jing (Xerces) would fetch external DTDs and entities, and Debian's jing processes XInclude:
        # it gets a copy without the DOCTYPE and with XInclude inert (same lines and columns).
        xinclude = uses_xinclude(source.tree)
        if not external_references(source.tree) and not xinclude:
            return str(source.path.resolve())
        copy_path = scratch / f"{index}-{source.path.name}"
        data = source.without_doctype()
        copy_path.write_bytes(xinclude_disabled(data, source.tree) if xinclude else data)
        return str(copy_path)

    def _run_until_done(self, batch: list[int], inputs: list[str], sentinel: str, sources: list[Source],
                        results: dict) -> None:
        pending = list(batch)
        while pending:
            reported, stray, finished = self._run(pending, inputs, sentinel, sources, results)
            if finished:
                return
            last = max((pending.index(i) for i in reported), default=None)
            if last is None:  # jing stopped on the first file without naming it
                reason = stray[0].removeprefix("fatal: ") if stray else "jing stopped on this file"
                results[pending[0]].append(Message(sources[pending[0]].name, 1, 1, "error", reason))
                last = 0
            pending = pending[last + 1:]

    def _run(self, batch: list[int], inputs: list[str], sentinel: str, sources: list[Source],
             results: dict) -> tuple[set[int], list[str], bool]:
        """One jing process: (files it reported on, lines naming no file, whether it reached the end)."""
        arguments = [self.command] + (["-c"] if self.path.suffix == ".rnc" else []) + [str(self.path)]
        COMPILATIONS[f"jing:{self.path.resolve()}"] += 1
        try:
            run = subprocess.run(arguments + [inputs[i] for i in batch] + [sentinel], capture_output=True,
                                 text=True, encoding="utf-8", errors="replace", stdin=subprocess.DEVNULL)
        except OSError as exc:
            raise UnusableInputError(f"cannot run jing ({self.command}): {exc.strerror}") from None
        by_input = {inputs[i]: i for i in batch}
        reported, stray, finished = set(), [], False
        for line in run.stdout.splitlines() + run.stderr.splitlines():
            match = _JING_LINE.match(line)
            if match and match["path"] == sentinel:
                finished = True
            elif match and match["path"] in by_input:
                index = by_input[match["path"]]
                reported.add(index)
                severity = "warning" if match["severity"] == "warning" else "error"
                results[index].append(Message(sources[index].name, int(match["line"]), int(match["column"]),
                                              severity, match["message"]))
            elif match or (line.strip() and not reported and not finished and self._about_schema(line)):
                raise UnusableInputError(f"{self.path}: jing cannot use this schema: {line}")
            elif line.strip():
                stray.append(line)
        return reported, stray, finished

    def _about_schema(self, line: str) -> bool:
        return str(self.path.resolve()) in line or str(self.path) in line


def _batches(indexes: list[int], inputs: list[str]) -> Iterator[list[int]]:
    batch, size = [], 0
    for index in indexes:
        if batch and size + len(inputs[index]) > _ARGUMENTS_PER_RUN:
            yield batch
            batch, size = [], 0
        batch.append(index)
        size += len(inputs[index]) + 1
    if batch:
        yield batch
