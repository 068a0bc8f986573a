"""Grading a table's rows fast: each distinct cell read once, a row kept as a byte per item.

:class:`TableGrader` is the fast path of :func:`~studykit.grade.scoring.grade_submission` for
rows of a table (see :mod:`studykit.grade.readers.table`): results, scores and warnings are
exactly those of that function on the same row.  :meth:`TableGrader.grade_block` grades a
whole :class:`~studykit.grade.readers.table.RowBlock` of rows at once when every cell of it
has been met before and scored without a warning (``None`` otherwise: the caller then grades
its rows one by one, so every warning still comes where and when it did).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator, Sequence
from itertools import chain, cycle, repeat
from operator import getitem
from typing import Any

from ..errors import Problem
from ..key import AnswerKey
from ..model import POINT_DECIMALS
from .group import compact_members as compact_members
from .model import CompactItems, MemberResult, ResultTable, pack_codes
from .scoring import check_rule, item_result


class TableGrader:
    """Grades rows of a table against one key.

    A table's cells repeat, so each item keeps a map from raw cell text to a code
    in a shared :class:`~studykit.grade.model.ResultTable`; a row becomes a
    :class:`~studykit.grade.model.MemberResult` whose ``items`` are those codes
    (:class:`~studykit.grade.model.CompactItems`).
    """

    def __init__(self, key: AnswerKey, multiple_scoring: str | None = None) -> None:
        self.key = key
        self.rule = check_rule(multiple_scoring or key.multiple_scoring)
        self.table = ResultTable(key)
        n = len(key.items)
        #: raw cell text → code, for answers that score without a warning and fit a byte
        self._fast: list[dict[str, int]] = [{} for _ in range(n)]
        #: stripped cell text → (code, warning message or "")
        self._seen: list[dict[str, tuple[int, str]]] = [{} for _ in range(n)]
        #: the table's sizes when :func:`exact_units` was last found, what it found, and the score
        #: of each sum in whole units met since
        self._units: tuple[tuple[int, ...], tuple[float, list[bytes]] | None, dict[int, float]] | None = None

    def grade(self, name: str, source: str, line: int, cells: Sequence[str]) -> MemberResult:
        """Grade one row: ``cells`` are the raw answer cells in key order (``line`` the row)."""
        table = self.table
        try:
            codes: Sequence[int] = bytes(map(dict.__getitem__, self._fast, cells))
        except KeyError:
            return self._grade_slow(name, source, line, cells)
        if len(codes) != len(self._fast):
            return self._grade_slow(name, source, line, cells)
        return MemberResult(name, source, line, CompactItems(codes, table))

    def grade_block(
        self, names: Sequence[str], source: str, lines: Sequence[int], rows: Sequence[Sequence[str]]
    ) -> list[MemberResult] | None:
        """Grade rows at once (``rows[i]``: member ``names[i]``'s raw answer cells in key order, from
        row ``lines[i]``): the results :meth:`grade` gives each, when every cell is one met before
        that scored without a warning; else ``None`` (nothing graded, nothing remembered)."""
        coded = self.code_block(rows)
        if coded is None:
            return None
        return compact_members(names, source, lines, coded[0], self.table, coded[2])

    def code_block(
        self, rows: Sequence[Sequence[str]], *, sized: bool = False
    ) -> tuple[list[bytes], bytes, list[float]] | None:
        """What :meth:`grade_block` gives of ``rows``, as each row's codes (``bytes``), all of them
        joined, and each row's score; ``None`` when it gives ``None``.  ``sized``: every row is
        known to hold one cell per key item (a :class:`~studykit.grade.readers.table.RowBlock`'s rows)."""
        fast = self._fast
        width = len(fast)
        if not rows or not width:
            return None
        if not sized and set(map(len, rows)) != {width}:
            return None
        try:  # bytes(map(dict.__getitem__, fast, row)) for each row, as grade() does, in one pass
            flat = bytes(map(dict.__getitem__, cycle(fast), chain.from_iterable(rows)))
        except KeyError:  # a cell not met before: the rows are graded one by one
            return None
        codes = list(map(flat.__getitem__, _row_slices(width, len(rows))))
        return codes, flat, self._scores(codes, flat, width)

    def _scores(self, codes: list[bytes], flat: bytes, width: int) -> list[float]:
        """Each row's score as :class:`~studykit.grade.model.CompactItems` adds it: its points earned
        in key order from 0.0, rounded (``flat``: the rows joined).  When every value is a whole number (up to 255) of one unit
        ``2**-j``, every partial sum is exact, so the sums are taken in whole units for all rows at
        once (:func:`unit_sums`) — the very same floats."""
        earned = self.table.earned
        sizes = tuple(map(len, earned))  # the table only grows: the same sizes, the same values
        if self._units is None or self._units[0] != sizes:
            self._units = sizes, exact_units(earned), {}
        _, units, score_of = self._units
        if units is None:
            earned_items: Any = map(map, repeat(getitem), repeat(earned), codes)  # type: ignore[arg-type]
            sums: Iterator[float] = map(sum, earned_items, repeat(0.0))
            return list(map(round, sums, repeat(POINT_DECIMALS)))
        unit, tables = units
        totals = unit_sums(flat, width, tables)
        for total in set(totals).difference(score_of):  # each distinct sum's score, once
            score_of[total] = round(total * unit, POINT_DECIMALS)
        return list(map(score_of.__getitem__, totals))

    def _grade_slow(self, name: str, source: str, line: int, cells: Sequence[str]) -> MemberResult:
        codes: list[int] = []
        warnings: list[Problem] = []
        for k, (item, raw) in enumerate(zip(self.key.items, cells, strict=True)):
            text = raw.strip()
            seen = self._seen[k].get(text)
            if seen is None:
                result, problem = item_result(item, text, self.rule)
                seen = self._seen[k][text] = (self.table.code(k, result), problem)
            code, problem = seen
            if problem:
                warnings.append(Problem(source, line, f"{name}, question {item.number}", problem, "warning"))
            elif code < 256:
                self._fast[k][raw] = code
            codes.append(code)
        return MemberResult(name, source, line, CompactItems(pack_codes(codes), self.table), tuple(warnings))


_SLICES: dict[int, list[slice]] = {}


def _row_slices(width: int, n: int) -> list[slice]:
    """The slices of the first ``n`` rows of ``width`` codes in a joined buffer (kept per width)."""
    slices = _SLICES.setdefault(width, [])
    if len(slices) < n:
        slices += [slice(i * width, (i + 1) * width) for i in range(len(slices), n)]
    return slices if len(slices) == n else slices[:n]


def exact_units(earned: list[list[float]]) -> tuple[float, list[bytes]] | None:
    """``(unit, tables)`` when every value of ``earned`` (per item, per code) is ``m × unit`` for one
    ``unit = 2**-j`` (j ≤ 10) and a whole ``m`` in 0–255, and the largest total is below 2**16 units:
    ``tables[k]`` maps item ``k``'s codes to their ``m`` (a :meth:`bytes.translate` table).  ``None``
    otherwise."""
    for j in range(11):
        unit = 2.0**-j
        tables: list[bytes] = []
        for column in earned:
            whole = [v / unit for v in column]
            if len(column) > 256 or not all(m.is_integer() and 0 <= m <= 255 for m in whole):
                break
            tables.append(bytes(int(m) for m in whole) + bytes(256 - len(column)))
        else:
            if sum(max(t, default=0) for t in tables) < 1 << 16:
                return unit, tables
    return None


def unit_sums(flat: bytes, width: int, tables: list[bytes]) -> list[int]:
    """Per row of ``flat`` (rows of ``width`` codes, one after another), the sum over its items
    ``k`` of ``tables[k][code]``, each total below 2**16: every item's column is translated and
    laid in 16-bit fields of one integer, so the columns add for all rows at once."""
    n = len(flat) // width
    total = 0
    for k, table in enumerate(tables):
        fields = bytearray(2 * n)
        fields[0::2] = flat[k::width].translate(table)
        total += int.from_bytes(fields, "little")
    sums = array("H", total.to_bytes(2 * n, "little"))
    if sys.byteorder != "little":
        sums.byteswap()
    return sums.tolist()
