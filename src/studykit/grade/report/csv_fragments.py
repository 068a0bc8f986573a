"""The CSV report's rows from cached fragments: a row is a dozen pieces joined, not 49 cells.

Past 结果, a member's row is a function of its result codes alone: its 各篇 cells (points per
speech), its 第N题 cells (points per item) and its 错题 cell (the numbers of the items not
earning full points).  Each item's codes fall into a few *classes* — the distinct
``(points earned, earned full points)`` of its results, all a cell can show — so the classes
of a few consecutive items (or speeches) fit in one byte.  :class:`RowTails` packs them a
whole column at a time (:meth:`bytes.translate` to ``class × place``, the columns added as
big integers so every byte adds at once, as :func:`~studykit.grade.table_grader.unit_sums`
adds scores) and keeps one text per distinct packed byte: ``,5,0,5,5`` for four items,
``3、4、`` for their 错题 part.  Each text is made the first time its byte is met, from a code
of each class, with the very functions the cell-by-cell writer uses, so the bytes written
are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat

from ..model import ResultTable
from ._common import Memo, pts
from .csv_lines import speech_cell

#: Distinct values one packed byte holds.
_BYTE = 256
#: A fragment's text from the items ``ks`` of one unit (a speech, or an item) and their codes.
_Text = Callable[[list[int], Sequence[int]], str]


@dataclass(frozen=True)
class _Group:
    """Consecutive units (speeches or items) whose classes pack into one byte: ``ks`` their
    items, ``tables[i]`` the :meth:`bytes.translate` table of item ``ks[i]`` (code → class ×
    place), ``texts`` the fragment per packed byte.  A ``wide`` group (one speech whose classes
    do not fit a byte) keys its texts by the tuple of its items' codes instead."""

    ks: list[int]
    tables: list[bytes]
    places: list[int]
    texts: Memo[int, str] | Memo[tuple[int, ...], str]
    wide: bool = False

    def packed(self, columns: Sequence[bytes]) -> bytes:
        """Each member's packed byte, from ``columns`` of codes (one ``bytes`` per key item)."""
        tables = self.tables
        if len(tables) == 1:
            return columns[self.ks[0]].translate(tables[0])
        n = len(columns[self.ks[0]])
        total = 0
        for k, table in zip(self.ks, tables, strict=True):  # each sum stays below 256: no carry
            total += int.from_bytes(columns[k].translate(table), "little")
        return total.to_bytes(n, "little")

    def pieces(self, columns: Sequence[bytes], packed: bytes | None = None) -> Iterator[str]:
        """Each member's fragment (``packed``: :meth:`packed`'s bytes when already made)."""
        if self.wide:
            return map(self.texts.__getitem__, zip(*(columns[k] for k in self.ks), strict=True))  # type: ignore[arg-type]
        return map(self.texts.__getitem__, self.packed(columns) if packed is None else packed)  # type: ignore[arg-type]


class RowTails:
    """The end of the CSV report's rows for members graded from ``table`` (every item's codes
    below 256): ``,`` + each 各篇 cell (the speeches' items ``by_speech``, as
    :func:`~studykit.grade.report.chunks.speech_items` gives them), ``,`` + each 第N题 cell, and
    ``,`` + the 错题 cell; :meth:`pieces` gives them a few pieces per member.  The table must not
    grow after this is made."""

    @staticmethod
    def fits(table: ResultTable) -> bool:
        """Whether every item of ``table`` has at most 256 codes (a byte each)."""
        return all(len(results) <= _BYTE for results in table.results)

    def __init__(self, table: ResultTable, by_speech: list[list[int]]) -> None:
        self.earned = earned = table.earned
        self.numbers = [results[0].number if results else 0 for results in table.results]
        self.correct = table.correct
        self.reps: list[list[int]] = []  # per item: a code of each class
        self.class_of: list[list[int]] = []  # per item: each code's class
        for earned_k, correct_k in zip(earned, table.correct, strict=True):
            classes: dict[tuple[float, bool], int] = {}
            self.class_of.append(
                [classes.setdefault(kind, len(classes)) for kind in zip(earned_k, correct_k, strict=True)]
            )
            reps = [0] * len(classes)
            for code in reversed(range(len(earned_k))):
                reps[self.class_of[-1][code]] = code
            self.reps.append(reps)
        self.speeches = self._groups(by_speech, self._speech_text)
        self.items = self._groups([[k] for k in range(len(earned))], self._item_text, end=",")
        self.missed = [
            _Group(g.ks, g.tables, g.places, Memo(self._texts(g.ks, g.places, self._missed_text)), g.wide)
            for g in self.items
        ]

    def _groups(self, units: list[list[int]], text: _Text, end: str = "") -> list[_Group]:
        """``units`` (lists of items), consecutive ones packed into groups of ≤ 256 class
        combinations; the last group's fragments end with ``end``."""
        groups: list[_Group] = []
        run: list[list[int]] = []
        size = 1
        for unit in [*units, []]:
            count = 1
            for k in unit:
                count *= len(self.reps[k])
            if (size * count > _BYTE or not unit) and run:
                groups.append(self._group(run, text))
                run, size = [], 1
            if count > _BYTE:  # a speech of many items: its own cell per distinct codes
                groups.append(_Group(list(unit), [], [], Memo(_wide_text(list(unit), text)), wide=True))
            elif unit:
                run.append(unit)
                size *= count
        if end and groups:
            last = groups[-1]
            texts: Memo[int, str] = last.texts  # type: ignore[assignment]  # items are never wide
            groups[-1] = _Group(last.ks, last.tables, last.places, Memo(lambda value: texts[value] + end))
        return groups

    def _group(self, run: list[list[int]], text: _Text) -> _Group:
        ks = [k for unit in run for k in unit]
        tables: list[bytes] = []
        places: list[int] = []
        place = 1
        for k in ks:
            shifted = bytes(place * c for c in self.class_of[k])
            tables.append(shifted + bytes(_BYTE - len(shifted)))
            places.append(place)
            place *= len(self.reps[k])
        return _Group(ks, tables, places, Memo(self._texts(ks, places, text, [len(unit) for unit in run])))

    def _texts(
        self, ks: list[int], places: list[int], text: _Text, sizes: list[int] | None = None, end: str = ""
    ) -> Callable[[int], str]:
        """The fragment of a packed byte of the items ``ks`` (``places``: each one's class place;
        ``sizes``: how many items each unit has, one each by default), then ``end``.  Each unit's
        text is made once per distinct classes of its items."""
        counts = [len(self.reps[k]) for k in ks]
        spans: list[tuple[int, int, Memo[tuple[int, ...], str]]] = []
        at = 0
        for size in sizes or [1] * len(ks):
            spans.append((at, at + size, Memo(self._unit_text(ks[at : at + size], text))))
            at += size

        def fragment(packed: int) -> str:
            classes = [packed // place % count for place, count in zip(places, counts, strict=True)]
            return "".join([memo[tuple(classes[a:b])] for a, b, memo in spans]) + end

        return fragment

    def _unit_text(self, ks: list[int], text: _Text) -> Callable[[tuple[int, ...]], str]:
        """The text of the unit of the items ``ks``, from the classes of its items."""
        reps = [self.reps[k] for k in ks]
        return lambda classes: text(ks, [r[c] for r, c in zip(reps, classes, strict=True)])

    def _speech_text(self, ks: list[int], codes: Sequence[int]) -> str:
        """``,`` and the 各篇 cell of a speech of the items ``ks`` with ``codes`` (as the cell-by-cell writer)."""
        if len(ks) == 1:
            return "," + pts(self.earned[ks[0]][codes[0]])
        return "," + speech_cell(self.earned, ks)(tuple(codes))

    def _item_text(self, ks: list[int], codes: Sequence[int]) -> str:
        """``,`` and the 第N题 cell of the item ``ks[0]`` with code ``codes[0]``."""
        return "," + pts(self.earned[ks[0]][codes[0]])

    def _missed_text(self, ks: list[int], codes: Sequence[int]) -> str:
        """The 错题 part of the item ``ks[0]`` with code ``codes[0]``: ``3、``, or ``""`` for full points."""
        return "" if self.correct[ks[0]][codes[0]] else f"{self.numbers[ks[0]]}、"

    def pieces(self, columns: Sequence[bytes]) -> list[Iterator[str]]:
        """Per member of ``columns`` (one ``bytes`` of codes per key item): its 各篇 pieces, its
        第N题 pieces, ``,`` and its 错题 pieces — joined, the row's end with a trailing ``、``
        too many (when there is a 错题) for :func:`rows_text` to strip."""
        parts = [g.pieces(columns) for g in self.speeches]
        packed = [None if g.wide else g.packed(columns) for g in self.items]
        parts += [g.pieces(columns, p) for g, p in zip(self.items, packed, strict=True)]  # the last ends in ","
        parts += [g.pieces(columns, p) for g, p in zip(self.missed, packed, strict=True)]
        return parts


def _wide_text(ks: list[int], text: _Text) -> Callable[[tuple[int, ...]], str]:
    """The fragment of a speech of the items ``ks`` from their codes (a tuple)."""
    return lambda codes: text(ks, codes)


def rows_text(heads: Sequence[Iterable[str]], tails: list[Iterator[str]]) -> str:
    """Rows of ``heads`` then ``tails`` pieces, each joined, stripped of a trailing ``、`` and
    ended by CRLF (``""`` for no rows)."""
    joined = map("".join, zip(*heads, *tails, strict=True))
    text = "\r\n".join(map(str.rstrip, joined, repeat("、")))
    return text + "\r\n" if text else ""
