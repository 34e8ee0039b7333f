"""One run at a time per personography: an OS file lock beside it.

The ids a conversion gives new people depend on what the personography already holds, and each
run writes the personography back whole. Two runs that loaded it at once would give different
people the same id, and the one that saved last would drop the other's new people, leaving the
other's editions pointing at no one. A merge after the fact would have to renumber editions
already written, so runs take turns instead: each holds the lock from loading the personography
to writing it (all of `convert_files`), and a second run waits, saying so on stderr.

The lock is `.persons.xml.lock` beside `persons.xml`, held with the operating system's file lock
(by the `filelock` library: flock on POSIX, LockFileEx on Windows). The OS releases it when the
holder ends in any way, SIGKILL included, so no stale lock ever needs removing by hand. The
lock file itself stays (removing it would race with a run about to lock it) and holds nothing.
"""
from __future__ import annotations

import functools
import inspect
import multiprocessing
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout


class LockTimeout(Exception):
    """Another run held the lock for longer than the caller was willing to wait."""


def lock_file_for(path: Path) -> Path:
    """The lock of a file: .<name>.lock beside it."""
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def _tell(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class StartingWorkerError(RuntimeError):
    """tei-tools was called while one of its worker processes was starting."""


def _refuse_in_a_starting_worker() -> None:
    """A worker process (or the fork server that makes them) starts by importing the caller's
    main script as `__mp_main__`; a script that calls tei-tools outside `if __name__ ==
    "__main__":` would run again there and wait for the lock its own parent holds, for ever. It
    gets this error instead."""
    # set while a worker or the fork server imports the main script (the flag the standard
    # library's own check, multiprocessing.spawn._check_not_importing_main, reads)
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise StartingWorkerError("tei-tools was called while a worker process was starting: the script calls it "
                                  "on import; call it under `if __name__ == \"__main__\":`")


@contextmanager
def held(path: Path, *, timeout: float | None = None,
         on_wait: Callable[[str], None] = _tell) -> Iterator[Path]:
    """Hold the lock of `path` for the block; if another process holds it, say so and wait.

    `timeout` is how many seconds to wait at most (None: as long as it takes), then LockTimeout.
    """
    _refuse_in_a_starting_worker()
    lock_path = lock_file_for(path)
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path, is_singleton=True)  # re-entrant within a thread; other threads wait
    try:
        lock.acquire(timeout=0)
    except Timeout:
        on_wait(f"tei-tools: waiting for {path}: another tei-tools run is writing it "
                f"(it holds {lock_path}; this run goes on when that one ends)")
        try:
            lock.acquire(timeout=-1 if timeout is None else timeout)
        except Timeout:
            raise LockTimeout(f"{path}: another tei-tools run kept it locked for more than {timeout:g} s "
                              f"({lock_path})") from None
    try:
        yield lock_path
    finally:
        lock.release()


def holding_lock_on(target: Callable[..., Path]):
    """Decorator: run the function holding the lock of the file `target(**arguments)` names."""
    def decorate(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def locked(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            with held(target(**bound.arguments)):
                return function(*args, **kwargs)
        return locked
    return decorate
