"""Atomic writes: every output is either complete and old or complete and new, never half-written.

A file is written to a temporary file beside it, flushed to disk and renamed over the target
(`os.replace` is atomic on POSIX and Windows). A process killed before the rename (SIGKILL, power
loss) leaves the target as it was and, at worst, its temporary file: the temporary's name carries
the writer's process id, so the next run that writes into the folder removes the temporaries of
processes that are gone, and never those of a run still at work.

`durable=False` leaves out the flush to disk before the rename, for outputs written by the
thousand that can be made again (a site's pages, the editions of a batch: a flush costs
milliseconds per file; a hand-edited edition is never replaced without a durable backup); the
rename is as atomic, so a killed process still leaves every file whole, and the writer flushes
them all at once when it is done (`flush_to_disk`).
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

TEMPORARY_SUFFIX = ".tmp"
# .<target name>.<pid>.<random>.tmp, as mkstemp makes them from the prefix and suffix below.
_TEMPORARY = re.compile(r"^\..+\.(?P<pid>\d+)\.[A-Za-z0-9_]+" + re.escape(TEMPORARY_SUFFIX) + "$")
_swept: set[Path] = set()


def write_atomically(path: Path, data: bytes | Iterable[bytes], *, durable: bool = True) -> None:
    """Write `data` (bytes, or chunks of bytes written as they come) to `path` through a
    temporary file and a rename (0644, like any edition)."""
    temporary = _complete_temporary(Path(path), data, durable)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def create_atomically(path: Path, data: bytes) -> None:
    """Like `write_atomically`, but FileExistsError if `path` exists: an existing file is never replaced."""
    temporary = _complete_temporary(Path(path), data)
    try:
        os.link(temporary, path)  # unlike a rename, a link never replaces an existing name
    finally:
        temporary.unlink(missing_ok=True)


def flush_to_disk() -> None:
    """Everything written so far, on disk (after writes with durable=False)."""
    if hasattr(os, "sync"):
        os.sync()


def _complete_temporary(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> Path:
    """A temporary file beside `path` holding all of `data`, on disk (see the module for its name)."""
    folder = path.parent
    if folder.resolve() not in _swept:
        remove_stale_temporaries(folder)
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in ([data] if isinstance(data, (bytes, bytearray)) else data):
                stream.write(chunk)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())  # the bytes are on disk before a name points at them
        os.chmod(temporary, 0o644)  # mkstemp makes 0600 files; editions are for sharing
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed tei-tools processes left in `folder`; return them.

    Called by the first write into each folder of a process, so a re-run after a crash leaves no
    temporary file behind. A temporary whose writer is still running is left alone.
    """
    folder = Path(folder)
    _swept.add(folder.resolve())
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not _is_running(int(match["pid"])):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass  # another run removed it first, or the folder is read-only: harmless
    return removed


def _is_running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill(pid, 0) would send CTRL_C_EVENT
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, another user's
    except (OverflowError, OSError):
        return False
    return True
