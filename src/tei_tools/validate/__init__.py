"""Validation of TEI documents: RELAX NG (jing or lxml) plus Schematron, with jing-style messages.

    >>> from tei_tools.validate import Validator
    >>> validator = Validator("project")                    # compiled once ...
    >>> messages = validator.validate_files(paths)          # ... for any number of files  # doctest: +SKIP
    >>> print("\\n".join(map(str, messages)))                # file:line:col: error: message  # doctest: +SKIP

A schema is one or more checks: the project schema is `schema/tei-tools.rng` (grammar) plus
`schema/tei-tools.sch` (Schematron); `tei-all` is the official tei_all.rng. Every file is first
parsed with the safe parser of `tei_tools.xml` (no DTD, no external entities, no network), so a
malformed file or a DOCTYPE that would fetch something is reported at its position and never
resolved. RELAX NG runs in one of two engines:

- lxml (libxml2), in process: compiles the project schema in milliseconds, tei_all in ~10 s;
- jing, the reference validator, as one process for a whole batch of files (~1 s for tei_all).

`engine="auto"` uses lxml for the project schema (tests prove its verdicts equal jing's) and jing
for every other grammar when it is installed. Schematron is compiled to an XSLT 3.0 stylesheet
(`schematron_compiler`) and run by one saxonche processor per process (`schematron`); each failed
node comes back as a path into the lxml tree, so its messages point at real line numbers.

Positions follow jing: the line and column just after the start tag of the element concerned.
For many files at once, in worker processes or on a Dask cluster, see `tei_tools.batch` and
`ValidateJob`.

The parts:
    messages        Message (file:line:col: severity: text [rule]), UnusableInputError, is_valid
    sources         safe loading, and jing's positions of each element
    grammar_index   what a RELAX NG grammar allows (the words of the lxml engine's messages)
    relaxng_lxml    RELAX NG in process (libxml2)
    lxml_grammar    the grammar libxml2 is given: less the pattern facets that can never fail
    relaxng_jing    RELAX NG with jing, one process per batch
    schematron_compiler   ISO Schematron -> XSLT 3.0
    schematron      running the compiled rules in saxonche; fn:doc() through the safe parser
    validator       Validator, validate_paths, expand_paths
    jobs            ValidateJob: validation as per-document work for tei_tools.batch
"""
from __future__ import annotations

# Compiled schemas, per process and file version ((path, mtime) -> compiled). They live here so
# that tests and benchmarks can clear or replace them in one place (see compiled.cache).
_LXML_CACHE: dict = {}
_SCHEMATRON_CACHE: dict = {}

from tei_tools.validate.compiled import COMPILATIONS  # noqa: E402
from tei_tools.validate.grammar_index import RNG_NS, GrammarIndex  # noqa: E402
from tei_tools.validate.messages import Message, UnusableInputError, is_valid  # noqa: E402
from tei_tools.validate.relaxng_jing import JingRelaxNG, jing_command  # noqa: E402
from tei_tools.validate.relaxng_lxml import LxmlRelaxNG  # noqa: E402
from tei_tools.validate.schematron import GRAMMAR_FLAG, DocumentLoader, Schematron, compile_schematron  # noqa: E402
from tei_tools.validate.schematron_compiler import SCH_NS, SchematronError  # noqa: E402
from tei_tools.validate.sources import Source, load_source  # noqa: E402
from tei_tools.validate.validator import (ENGINES, PROJECT_RNG, PROJECT_SCH, TEI_ALL_ENV, Validator,  # noqa: E402
                                          expand_paths, validate_paths)
from tei_tools.validate.jobs import ValidateJob  # noqa: E402

__all__ = [
    "COMPILATIONS", "DocumentLoader", "ENGINES", "GRAMMAR_FLAG", "GrammarIndex", "JingRelaxNG", "LxmlRelaxNG",
    "Message", "PROJECT_RNG", "PROJECT_SCH", "RNG_NS", "SCH_NS", "Schematron", "SchematronError", "Source",
    "TEI_ALL_ENV", "UnusableInputError", "ValidateJob", "Validator", "compile_schematron", "expand_paths", "is_valid",
    "jing_command", "load_source", "validate_paths",
]
