"""Regular expressions compiled at their first use, not when their module is imported (base layer).

Compiling a pattern costs far more than matching with it once: a character class over a CJK
block (``[\\u2e80-\\u9fff]``) makes :mod:`re` walk every code point of it, about 1 ms each, and
studykit's modules hold a hundred patterns.  A command pays only for the patterns it uses when
each module keeps its rarely used or costly ones as getters::

    _NAME = lazy_pattern(r"[\\u3400-\\u9fff]+")
    ...
    if _NAME().fullmatch(line): ...

The getter returns the very ``re.Pattern`` that ``re.compile`` would (compiled once, then kept),
so what a pattern matches never depends on when it was compiled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["GETTERS", "lazy_pattern"]

#: Every getter made so far, in order (a test compiles them all, so a broken pattern cannot hide
#: in a module until a rare input reaches it).
GETTERS: list[Callable[[], re.Pattern[str]]] = []


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A getter of ``re.compile(pattern, flags)``: the first call compiles it, later calls return
    the same :class:`re.Pattern` object.  An invalid ``pattern`` raises :class:`re.error` at the
    first call (each getter is kept in :data:`GETTERS`, which a test compiles)."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    GETTERS.append(compiled)
    return compiled
