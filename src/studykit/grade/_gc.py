"""Pausing the cyclic garbage collector while a large group is graded or rendered.

Grading 100,000 members keeps hundreds of thousands of small objects alive; each
time enough of them survive, CPython's collector walks them all looking for
reference cycles that grading never makes.  Pausing it for the bulk step saves
about a third of the time; reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector inside the block; restore it after (if it was on)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
