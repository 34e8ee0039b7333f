#!/bin/sh
# Mutation testing of one core module, outside CI (see tests/mutation/README.md).
#
#   sh tests/mutation/run.sh MODULE [--max-children N] [MUTANT ...]
#   MODULE: serialize | convert | readers | quotes | dates | validate
#   MUTANT: mutmut's names (or patterns) of the mutants to run, e.g. the survivors of an earlier
#   run, retested in a fresh MUTATION_WORK after new tests (default: all of the module's)
#
# Works in a scratch copy ($MUTATION_WORK, default .mutation/MODULE) so the checkout is never
# touched; mutmut's cache there makes a second run cheap. Runs under nice -n 19 with one worker
# by default: the machine's cores are shared. Prints the score and writes the surviving mutants
# (with their diffs) to .mutation/MODULE/survivors.txt.
set -eu
REPO=$(cd "$(dirname "$0")/../.." && pwd)
MODULE=${1:?"usage: $0 serialize|convert|readers|quotes|dates|validate [--max-children N]"}
shift
CHILDREN=1
if [ "${1:-}" = "--max-children" ]; then CHILDREN=${2:?}; shift 2; fi
PY="$REPO/.venv/bin/python"
"$PY" -c "import mutmut" 2>/dev/null || "$PY" -m pip install -q "$REPO[mutation]" 2>/dev/null \
    || "$PY" -m pip install -q "mutmut>=3.3,<4"

# What to mutate (a module, or the package it becomes: both patterns are listed) and the tests
# that matter for it. mutmut runs, for each mutant, only those of these tests that call it,
# fastest first (by call time: a slow module fixture is not counted, so keep such modules out
# where faster tests say the same: serialize and convert take from test_convert.py (three seeds
# converted per mutant) only the fresh-build comparison, which catches any change to the bytes).
case "$MODULE" in
  serialize) ONLY="src/tei_tools/serialize.py"
             TESTS="tests/test_serialize.py tests/test_header.py tests/test_writing.py tests/test_sidecar.py tests/test_convert.py::test_the_committed_editions_equal_a_fresh_build" ;;
  convert)   ONLY="src/tei_tools/convert.py"
             TESTS="tests/test_convert_api.py tests/test_writing.py tests/test_sidecar.py tests/test_header.py tests/test_cli_convert.py tests/test_letters.py tests/test_force_backup.py tests/test_batches.py tests/test_batch_parallel.py tests/test_hostile_sources.py tests/test_convert.py::test_the_committed_editions_equal_a_fresh_build" ;;
  readers)   ONLY="src/tei_tools/readers/*"
             TESTS="tests/test_readers.py tests/test_book_ending.py tests/test_omissions.py tests/test_convert.py::test_no_word_is_lost_or_reordered_whatever_the_text" ;;
  quotes)    ONLY="src/tei_tools/annotate/quotes.py"
             TESTS="tests/test_quotes.py tests/test_quotes_nesting.py tests/test_quotes_cues.py tests/test_quotes_edges.py tests/test_quotes_blocks.py" ;;
  dates)     ONLY="src/tei_tools/annotate/dates.py src/tei_tools/annotate/dates/*"
             TESTS="tests/test_dates.py tests/test_dates_ranges.py tests/test_dates_diaries.py tests/test_dates_calendar_forms.py tests/test_calendars.py" ;;
  validate)  ONLY="src/tei_tools/validate.py src/tei_tools/validate/*"
             TESTS="tests/test_validate.py tests/test_messages.py tests/test_schematron_fixtures.py tests/test_schema.py" ;;
  *) echo "unknown module $MODULE" >&2; exit 2 ;;
esac

WORK=${MUTATION_WORK:-"$REPO/.mutation/$MODULE"}
COPY="$WORK/tei-tools"
mkdir -p "$COPY"
# The working tree as git sees it (tracked and untracked, not ignored), refreshed each run.
(cd "$REPO" && git ls-files -co --exclude-standard -z) | (cd "$REPO" && xargs -0 cp --parents -p -t "$COPY")
# The tests find ../shared beside the project; mutmut runs them in $COPY/mutants.
[ -e "$COPY/shared" ] || { [ -d "$REPO/../shared" ] && ln -s "$(cd "$REPO/../shared" && pwd)" "$COPY/shared"; } || true
[ -e "$COPY/.venv" ] || ln -s "$REPO/.venv" "$COPY/.venv"

# Only this module, only these tests (existing ones: a module may not have all of them yet).
"$PY" - "$COPY/pyproject.toml" "$ONLY" "$TESTS" "$COPY" <<'PYTHON'
import json, re, sys
from pathlib import Path
pyproject, only, tests, copy = Path(sys.argv[1]), sys.argv[2].split(), sys.argv[3].split(), Path(sys.argv[4])
tests = [t for t in tests if (copy / t.split("::")[0]).exists()]
text = pyproject.read_text(encoding="utf-8")
text = re.sub(r"(?ms)^only_mutate = \[.*?^\]", "only_mutate = " + json.dumps(only), text)
text = re.sub(r"(?m)^pytest_add_cli_args_test_selection = .*\n", "", text)
text = text.replace("[tool.mutmut]\n", "[tool.mutmut]\npytest_add_cli_args_test_selection = " + json.dumps(tests) + "\n", 1)
pyproject.write_text(text, encoding="utf-8")
PYTHON

cd "$COPY"
echo "mutation-testing $ONLY with $TESTS (in $COPY)" >&2
nice -n 19 "$REPO/.venv/bin/mutmut" run --max-children "$CHILDREN" "$@" >"$WORK/run.log" 2>&1 || {
    echo "mutmut failed; see $WORK/run.log" >&2; tail -20 "$WORK/run.log" >&2; exit 1; }
"$REPO/.venv/bin/mutmut" export-cicd-stats >/dev/null 2>&1 || true
"$REPO/.venv/bin/mutmut" results --all true >"$WORK/results.txt" 2>/dev/null || "$REPO/.venv/bin/mutmut" results >"$WORK/results.txt"
: >"$WORK/survivors.txt"
for mutant in $(grep -E ': (survived|no tests)$' "$WORK/results.txt" | sed 's/: .*//'); do
    "$REPO/.venv/bin/mutmut" show "$mutant" >>"$WORK/survivors.txt" 2>&1 || true
    echo >>"$WORK/survivors.txt"
done
"$PY" - "$COPY/mutants/mutmut-cicd-stats.json" "$MODULE" "$WORK/results.txt" <<'PYTHON'
import json, sys
from collections import Counter
from pathlib import Path
stats_file, module, results = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
counts = Counter(line.rsplit(": ", 1)[-1].strip() for line in results.read_text().splitlines() if ": " in line)
if stats_file.is_file():
    stats = json.loads(stats_file.read_text())
    killed, total = stats.get("killed", 0), stats.get("total", 0)
else:
    killed, total = counts.get("killed", 0), sum(counts.values())
print(f"{module}: {killed} / {total} mutants killed ({100 * killed / max(total, 1):.1f} %); "
      f"by status: {dict(counts)}")
PYTHON
echo "surviving mutants: $WORK/survivors.txt" >&2
