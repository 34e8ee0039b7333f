"""The Validator: one schema (grammar and/or Schematron), compiled once, for any number of files."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from tei_tools.resources import schema_dir
from tei_tools.validate.messages import Message, UnusableInputError
from tei_tools.validate.relaxng_jing import JingRelaxNG, jing_command
from tei_tools.validate.relaxng_lxml import LxmlRelaxNG
from tei_tools.validate.schematron import GRAMMAR_FLAG, DocumentLoader, compile_schematron
from tei_tools.validate.sources import Source, load_source

PROJECT_RNG = "tei-tools.rng"
PROJECT_SCH = "tei-tools.sch"
TEI_ALL_ENV = "TEI_TOOLS_TEI_ALL"
ENGINES = ("auto", "jing", "lxml")


class Validator:
    """Validates files against one schema; each part of the schema is compiled once.

    schema: "project" (tei-tools.rng + tei-tools.sch), "tei-all" (the official tei_all.rng, from
    `tei_all` or $TEI_TOOLS_TEI_ALL), or the path of a .rng (.rnc with jing) or .sch file.
    personography: the persons.xml that persName/@ref="persons.xml#id" resolves to (default:
    the one beside each edition). engine: "auto", "jing" or "lxml" for RELAX NG.
    """

    def __init__(self, schema: str | Path = "project", *, tei_all: Path | None = None,
                 personography: Path | None = None, engine: str = "auto"):
        if engine not in ENGINES:
            raise UnusableInputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
        self.schema = str(schema)
        self.documents = DocumentLoader(Path(personography) if personography else None)
        if personography is not None and not Path(personography).is_file():
            raise UnusableInputError(f"{personography}: no such personography")
        grammar, schematron = self._schema_files(schema, tei_all)
        self.grammar = self._grammar(grammar, engine, is_project=schema == "project") if grammar else None
        self.schematron = compile_schematron(schematron) if schematron else None

    @staticmethod
    def _schema_files(schema: str | Path, tei_all: Path | None) -> tuple[Path | None, Path | None]:
        if schema == "project":
            folder = schema_dir()
            return folder / PROJECT_RNG, folder / PROJECT_SCH
        if schema == "tei-all":
            location = tei_all or os.environ.get(TEI_ALL_ENV)
            if not location:
                raise UnusableInputError(f"--schema tei-all needs the official tei_all.rng: give --tei-all PATH "
                                         f"or set {TEI_ALL_ENV}")
            path = Path(location)
            if not path.is_file():
                raise UnusableInputError(f"{path}: no such file (tei_all.rng)")
            return path, None
        path = Path(schema)
        if not path.is_file():
            raise UnusableInputError(f"{path}: no such schema file")
        if path.suffix == ".sch":
            return None, path
        if path.suffix in (".rng", ".rnc"):
            return path, None
        raise UnusableInputError(f"{path}: unknown kind of schema: give a .rng, .rnc or .sch file, "
                                 "'project' or 'tei-all'")

    @classmethod
    def check_schema(cls, schema: str | Path = "project", tei_all: str | Path | None = None,
                     personography: str | Path | None = None, engine: str = "auto") -> None:
        """UnusableInputError for what can be seen without compiling (missing files, no jing)."""
        if engine not in ENGINES:
            raise UnusableInputError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
        if personography is not None and not Path(personography).is_file():
            raise UnusableInputError(f"{personography}: no such personography")
        grammar, _ = cls._schema_files(schema, Path(tei_all) if tei_all else None)
        if grammar is not None and cls._uses_jing(grammar, engine, schema == "project") and jing_command() is None:
            raise UnusableInputError("jing is not installed (Debian: apt-get install jing)")

    @classmethod
    def engine_for(cls, schema: str | Path = "project", tei_all: str | Path | None = None,
                   engine: str = "auto") -> str | None:
        """The RELAX NG engine a Validator with these options uses (None: Schematron only)."""
        grammar, _ = cls._schema_files(schema, Path(tei_all) if tei_all else None)
        if grammar is None:
            return None
        return "jing" if cls._uses_jing(grammar, engine, schema == "project") else "lxml"

    @staticmethod
    def _uses_jing(path: Path, engine: str, is_project: bool) -> bool:
        return engine == "jing" or (engine == "auto" and not is_project and jing_command() is not None) \
            or path.suffix == ".rnc"

    @classmethod
    def _grammar(cls, path: Path, engine: str, is_project: bool) -> LxmlRelaxNG | JingRelaxNG:
        command = jing_command()
        if cls._uses_jing(path, engine, is_project):
            if command is None:
                raise UnusableInputError("jing is not installed (Debian: apt-get install jing)"
                                         + ("; or convert the .rnc with trang" if path.suffix == ".rnc" else ""))
            return JingRelaxNG(path, command)
        return LxmlRelaxNG(path)

    @property
    def engine(self) -> str | None:
        return self.grammar.engine if self.grammar else None

    def validate_file(self, path: str | Path) -> list[Message]:
        return self.validate_files([path])

    def validate_files(self, paths: Iterable[str | Path],
                       progress: Callable[[int, int, Path], None] | None = None) -> list[Message]:
        """All messages, file by file in the order given, each file's sorted by position.

        With jing, one jing process validates all the files first; with lxml, a few files at a
        time are parsed, validated and let go. For many files in parallel see `ValidateJob`.
        """
        return [message for messages in self.validate_each(paths, progress) for message in messages]

    def validate_each(self, paths: Iterable[str | Path],
                      progress: Callable[[int, int, Path], None] | None = None) -> list[list[Message]]:
        """The messages of each file, in the order given."""
        paths = [Path(p) for p in paths]
        if isinstance(self.grammar, JingRelaxNG):
            batch = self._jing_batch(paths)
            groups = ([(path, *batch[number]) if number in batch else (path, load_source(path), None)]
                      for number, path in enumerate(paths))
        else:
            groups = self._groups(paths)
        results: list[list[Message]] = []
        for group in groups:
            results += self._validate_group(group)
            if progress:
                for number in range(len(results) - len(group), len(results)):
                    progress(number + 1, len(paths), paths[number])
        return results

    # Files parsed and checked together, each engine in turn over all of them: Saxon's and
    # libxml2's code and data then stay in the processor's caches from one file to the next
    # (about 10% less time than each file through both engines); few enough that memory stays
    # flat however many files are given.
    GROUP_FILES = 16
    GROUP_BYTES = 4_000_000

    def _groups(self, paths: list[Path]) -> Iterator[list[tuple[Path, tuple[Source | None, list[Message]], None]]]:
        group, size = [], 0
        for path in paths:
            loaded = load_source(path)
            group.append((path, loaded, None))
            size += len(loaded[0].data) if loaded[0] is not None else 0
            if len(group) >= self.GROUP_FILES or size >= self.GROUP_BYTES:
                yield group
                group, size = [], 0
        if group:
            yield group

    def _jing_batch(self, paths: list[Path]) -> dict[int, tuple[tuple[Source | None, list[Message]], list[Message]]]:
        """file number -> ((source, load messages), jing's messages), for the files that parse."""
        loaded = {number: load_source(path) for number, path in enumerate(paths)}
        parsed = [(number, source) for number, (source, _) in loaded.items() if source is not None]
        results = self.grammar.check_many([source for _, source in parsed])
        return {number: (loaded[number], results[index]) for index, (number, _) in enumerate(parsed)}

    def _validate_group(self, group: list[tuple[Path, tuple[Source | None, list[Message]], list[Message] | None]]
                        ) -> list[list[Message]]:
        """Each file's messages: the rules over every file of the group, then the grammar; the
        grammar's messages, then the rules' that it did not already say, sorted by position."""
        sources = [source for _, (source, _), _ in group]
        rules = [self.schematron.check(source, self.documents) if source is not None and self.schematron else []
                 for source in sources]
        results = []
        for (path, (source, messages), grammar_messages), found in zip(group, rules):
            if source is not None:
                if grammar_messages is None:
                    grammar_messages = self.grammar.check(source) if self.grammar is not None else []
                messages = messages + grammar_messages + self._not_said_by_grammar(found, grammar_messages)
            results.append(sorted(messages, key=lambda m: (m.line, m.column)))
        return results

    @staticmethod
    def _not_said_by_grammar(found: list[tuple[Message, str | None]], grammar_messages: list[Message]) -> list[Message]:
        said_by_grammar = {(m.line, m.column) for m in grammar_messages if m.severity == "error"}
        kept = []
        for message, flag in found:
            if flag == GRAMMAR_FLAG and (message.line, message.column) in said_by_grammar:
                continue  # the grammar already said it, in its own words
            kept.append(message)
        return kept


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given and every *.xml below each folder (sorted); UnusableInputError if missing."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.xml") if p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            raise UnusableInputError(f"{path}: no such file or folder")
    return found


def validate_paths(paths: Iterable[str | Path], schema: str | Path = "project", **options) -> list[Message]:
    """Validate files and folders (*.xml, recursively) against one schema; see Validator."""
    files = expand_paths(paths)
    progress = options.pop("progress", None)
    return Validator(schema, **options).validate_files(files, progress=progress)

