"""Choosing a bank's parts by speech id (``--speech``), for every command that narrows to some."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..errors import SelectionError
from ..i18n import _, join
from ..model import Bank, Speech

_T = TypeVar("_T", str, int)


def one_or_many(values: _T | Iterable[_T]) -> tuple[_T, ...]:
    """``values`` (speech ids, types, tags, difficulties) as a tuple, each once, in order; one value
    given alone (``speeches="intro"``, ``difficulties=1``) is that value, not the letters of a name."""
    return (values,) if isinstance(values, (str, int)) else tuple(dict.fromkeys(values))


def select_speeches(bank: Bank, speeches: Sequence[str] = ()) -> tuple[Speech, ...]:
    """The bank's speeches with these ids, in bank order; all of them when ``speeches`` is empty.

    Raises :class:`~studykit.errors.SelectionError` naming an unknown id and the known ones.
    """
    speeches = one_or_many(speeches)
    known = [s.id for s in bank.speeches]
    unknown = [s for s in speeches if s not in known]
    if unknown:
        raise SelectionError(
            _("unknown speech {id!r} (expected one of: {known})").format(id=unknown[0], known=join(known))
        )
    wanted = set(speeches) or set(known)
    return tuple(s for s in bank.speeches if s.id in wanted)
