"""The cyclic garbage collector held off while a document's persons are recognised.

Recognising allocates hundreds of thousands of small container objects per megabyte (a tuple
per word, the candidates, their cue sets) and keeps most of them until the document is done,
so the collector's generations fill again and again and each collection walks objects that are
all still alive: measured on 200 generated sources, a sixth of the conversion's processor time.
Nothing the recogniser makes depends on the collector: what it frees is freed by reference
counting, and whatever reference cycles it leaves are collected as soon as the collector runs
again, after the document. The collector's state as it was is restored, whatever happens.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off cyclic garbage collection inside the block (if it was on), then restore it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
