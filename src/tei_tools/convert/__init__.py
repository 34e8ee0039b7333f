"""Plain-text source -> TEI edition: read, annotate, serialize, write safely.

`convert_files` is what `tei-tools convert` and `tei-tools build` call; `convert_text` is the
pure core for notebooks and tests. A source that cannot be read produces a one-line
`SourceError` and no output file; an edition edited by a person since tei-tools wrote it is
never overwritten without `force`, and with `force` it is kept beside as `<stem>.xml.bak-<digest>`.
Runs that share a personography take turns (`tei_tools.locking`); every write is atomic
(`tei_tools.atomic`).

Many sources convert in parallel (`jobs`, tei_tools.batch) with the same editions, byte for
byte, as one at a time. Each source goes through two steps:

1. `prepare_text`, in a worker: read, cut into blocks, dates and quotations found, persons
   recognised against the personography *as it was when the batch began* (every worker gets
   the same bytes of it, loaded once per worker), so that what a worker finds does not depend
   on which worker it is or what else it has converted;
   The worker also writes the edition (`draft_edition`), each person the personography
   already knows under its id and each new person under a stand-in id, since only step 2 can
   give those;
2. in this process, one source at a time in the order given: the new persons get their ids
   (`person_ids`: matched against the people earlier sources of the batch added, else added,
   with an id made from the name and numbered past the ids already taken), the stand-ins are
   replaced by them in the draft's bytes (`finish_draft`), and the edition is sealed and written.

Replacing ids in bytes gives what serializing with the ids would give: only a transcript's
speakers (tei_tools.annotate.speakers) and two names marked over the same words depend on which
names share an id, so where such a draft's ids join two people its stand-ins kept apart, or where
a stand-in could be mistaken for the source's own text, the document is serialized here instead. Ids depend only on
the starting personography and the order of the sources, never on timing. One source at a time
(`convert_text`) is exactly these steps in a row.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from tei_tools.atomic import flush_to_disk, write_atomically
from tei_tools.batch import BatchReport, Document as BatchDocument, Outcome, ProgressCallback, run_batch
from tei_tools.convert.drafts import STAND_IN, Draft, draft_edition, finish_draft
from tei_tools.convert.jobs import ConvertJob, _ConvertState
from tei_tools.convert.outputs import (PERSONOGRAPHY_NAME, ConversionResult, _convert_one, _personography_file,
                                       keep_backup, load_personography, schema_href_for)
from tei_tools.convert.pipeline import Prepared, convert_text, finish_text, prepare_text
from tei_tools.convert.sources import (DEFAULT_MAX_SIZE, SourceError, apply_sidecar, read_sidecar,
                                       read_source)
from tei_tools.locking import holding_lock_on

__all__ = ["DEFAULT_MAX_SIZE", "PERSONOGRAPHY_NAME", "STAND_IN", "ConversionResult", "ConvertJob", "Draft",
           "Prepared", "SourceError", "apply_sidecar", "convert_files", "convert_text", "draft_edition",
           "finish_draft", "finish_text", "keep_backup", "load_personography", "prepare_text", "read_sidecar",
           "read_source", "schema_href_for"]


@holding_lock_on(_personography_file)  # one run at a time from loading the personography to writing it
def convert_files(sources: Iterable[Path], out_dir: Path, *, kind: str | None = None, encoding: str = "utf-8",
                  force: bool = False, personography: Path | None = None,
                  on_result: Callable[[ConversionResult], None] | None = None,
                  max_size: int | None = DEFAULT_MAX_SIZE, jobs: int | None = 1, executor: str = "local",
                  scheduler: str | None = None, progress: ProgressCallback | None = None,
                  on_batch: Callable[[BatchReport], None] | None = None) -> list[ConversionResult]:
    """Convert each source into out_dir/<stem>.xml; one bad source does not stop the others.

    Sources larger than `max_size` bytes are refused (None or 0: no limit). Another run converting
    into the same personography is waited for (a message on stderr says so). `jobs`, `executor`,
    `scheduler`: where the sources are read and annotated (tei_tools.batch; jobs None: one
    worker per core); the editions are the same wherever. `on_result` gets each result in the
    order of `sources`; `progress` (done, total, bytes) as sources are read; `on_batch` the
    batch's figures.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    persons, persons_path = load_personography(out_dir, personography)
    before = persons.to_bytes()
    href = schema_href_for(out_dir)
    sources = [Path(source) for source in sources]
    results: list[ConversionResult] = []

    def finish(number: int, document: BatchDocument, outcome: Outcome) -> Outcome:
        result = _convert_one(sources[number], out_dir, persons, kind, encoding, force, href, max_size, persons_path,
                              prepared=outcome)
        results.append(result)
        if on_result:
            on_result(result)
        return Outcome(None, failed=result.status == "failed")

    job = ConvertJob(before, kind, encoding, max_size, href)
    report = run_batch(job, sources, jobs=jobs, executor=executor, scheduler=scheduler, progress=progress,
                       consume=finish, local_state=_ConvertState(persons.baseline, job.drafts_allowed))
    if on_batch:
        on_batch(report)
    flush_to_disk()  # the editions, written without a flush each
    after = persons.to_bytes()
    if after != before or not persons_path.exists():
        persons_path.parent.mkdir(parents=True, exist_ok=True)  # --personography people/new.xml
        write_atomically(persons_path, after)
    return results

