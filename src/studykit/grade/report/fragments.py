"""Members' report text from UTF-8 fragments per distinct codes, several columns at a time.

The text and JSON reports print, per member, a run of parts each depending only on the
member's codes of one or a few key items (:func:`~studykit.grade.report.chunks.coded_members`):
a missed item's line, an item's JSON entry, a speech's points.  :class:`CodedFragments`
computes each part once per distinct codes and, where the codes of a chunk are ``bytes``
columns, looks up the parts of up to four columns at once: the columns' bytes are interleaved
into one 16- or 32-bit key per member (at C speed) and the parts' joined text is kept per
distinct key.  Fewer, longer fragments make the report's join of a member several times
cheaper than a fragment per part.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from math import prod
from typing import Literal

from ._common import MissedItems, SpeechScores, first_code
from .chunks import Chunk, Memo, Rows

#: A part of a member's text: the indices of the columns (key items) it depends on, and its
#: text (UTF-8) from the member's codes of those columns, in that order.
Part = tuple[Sequence[int], Callable[[tuple[int, ...]], bytes]]

#: Most distinct keys a group of columns may stand for: so few texts are kept, and so few computed.
LIMIT = 1024
#: Column widths a key may have: its bytes as an unsigned integer of the machine's order.
_KEYS: tuple[tuple[int, Literal["H", "I"]], ...] = ((2, "H"), (4, "I"))
_FORMATS = {width: fmt for width, fmt in _KEYS if struct.calcsize(fmt) == width}


class CodedFragments:
    """The text of ``parts`` per member, given as a few iterators of fragments per chunk.

    ``sizes[k]`` is how many codes column ``k`` may hold (the table's distinct results of
    item ``k``); consecutive parts are grouped while their columns number at most four and
    could hold at most :data:`LIMIT` distinct codes together.  Texts are computed on first
    use and kept for the next chunks."""

    def __init__(self, parts: Sequence[Part], sizes: Sequence[int]) -> None:
        self.parts = list(parts)
        self.groups: list[tuple[list[int], list[int], Memo[int, bytes]]] = []  # columns, parts, text per key
        self.one: list[Memo[tuple[int, ...], bytes]] = [Memo(f) for _, f in self.parts]  # per part, per codes
        columns: list[int] = []
        members: list[int] = []
        for i, (ks, _) in enumerate(self.parts):
            wider = columns + [k for k in dict.fromkeys(ks) if k not in columns]
            if members and (len(wider) > max(_FORMATS, default=1) or prod(sizes[k] for k in wider) > LIMIT):
                self._group(columns, members)
                columns, members = [], []
                wider = list(dict.fromkeys(ks))
            columns, members = wider, [*members, i]
        if members:
            self._group(columns, members)

    def _group(self, columns: list[int], members: list[int]) -> None:
        at = {k: self._shift(j, len(columns)) for j, k in enumerate(columns)}
        parts = [([at[k] for k in self.parts[i][0]], self.one[i]) for i in members]

        def text(key: int) -> bytes:
            return b"".join(memo[tuple((key >> shift) & 0xFF for shift in shifts)] for shifts, memo in parts)

        self.groups.append((columns, members, Memo(text)))

    @staticmethod
    def _shift(j: int, n: int) -> int:
        """Where the ``j``-th of ``n`` columns' code sits in a key: its byte ``j`` of the key's width."""
        width = _width(n)
        return 8 * (j if sys.byteorder == "little" else width - 1 - j)

    def pieces(self, columns: Sequence[Sequence[int]]) -> list[Iterator[bytes]]:
        """Per group of parts, an iterator of each member's text of them, from ``columns``
        (one per key item, each a member's code; all of one length)."""
        out: list[Iterator[bytes]] = []
        for ks, members, memo in self.groups:
            cols = [columns[k] for k in ks]
            if len(ks) == 1 and type(cols[0]) is bytes:
                out.append(map(memo.__getitem__, cols[0]))
            elif len(ks) in (2, 3, 4) and all(type(c) is bytes for c in cols):
                width = _width(len(ks))
                joined = bytearray(width * len(cols[0]))
                for j, column in enumerate(cols):
                    joined[j::width] = column
                out.append(map(memo.__getitem__, memoryview(joined).cast(_FORMATS[width])))
            else:  # codes beyond a byte: each part per its codes
                for i in members:
                    part_cols = [columns[k] for k in self.parts[i][0]]
                    out.append(map(self.one[i].__getitem__, zip(*part_cols, strict=True)))
        return out


def _width(n: int) -> int:
    """The width in bytes of a key of ``n`` columns (one byte each)."""
    return 1 if n == 1 else 2 if n == 2 else 4


class ScoreFragments:
    """Per member, the UTF-8 text of its score, total and percentage: ``score(score, total)``
    then ``percent(percent)``.  In a chunk whose members share one total (as members graded
    from one table do) the percentage follows from the score (as
    :attr:`~studykit.grade.model.MemberResult.percent` computes it), so the two are one
    fragment per distinct score; otherwise one per distinct score and total, one per percentage."""

    def __init__(self, score: Callable[[float, float], str], percent: Callable[[float], str]) -> None:
        self.score = score
        self.percent = percent
        self.scores: Memo[tuple[float, float], bytes] = Memo(lambda st: score(*st).encode())
        self.percents: Memo[float, bytes] = Memo(lambda p: percent(p).encode())
        self.by_total: dict[float, Memo[float, bytes]] = {}

    def pieces(self, chunk: Chunk | Rows) -> list[Iterator[bytes]]:
        """The fragments of ``chunk``'s members, as one or two iterators."""
        totals = chunk.totals
        if totals and totals.count(totals[0]) == len(totals):
            return [self.by_score(chunk.scores, totals[0])]
        return [
            map(self.scores.__getitem__, zip(chunk.scores, totals, strict=True)),
            map(self.percents.__getitem__, chunk.percents),
        ]

    def by_score(self, scores: Sequence[float], total: float) -> Iterator[bytes]:
        """The fragments of members who scored ``scores`` out of one ``total``, one per distinct score."""
        memo = self.by_total.get(total)
        if memo is None:
            memo = self.by_total[total] = Memo(partial(self._both, total))
        return map(memo.__getitem__, scores)

    def _both(self, total: float, score: float) -> bytes:
        percent = 100.0 * score / total if total else 0.0  # as MemberResult.percent
        return (self.score(score, total) + self.percent(percent)).encode()


def any_missed(missing: list[list[bool]], columns: list[Sequence[int]], n: int) -> bytes:
    """Per each of ``n`` members, 1 when one of its codes (``columns``, one per key item) stands
    for a result not earning full points (``missing[k][code]``), else 0: each column marked at
    C speed and the marks or-ed as one big integer (a byte per member)."""
    marked = 0
    for k, column in enumerate(columns):
        if type(column) is bytes and len(missing[k]) <= 256:
            marks = column.translate(bytes(missing[k]) + bytes(256 - len(missing[k])))
        else:
            marks = bytes(map(missing[k].__getitem__, column))
        marked |= int.from_bytes(marks, "little")
    return marked.to_bytes(n, "little")


def speech_parts(speeches: SpeechScores) -> list[Part]:
    """A member's 各篇 breakdown as parts of its codes, one per speech in :class:`._common.SpeechScores`'
    order, each its text there (UTF-8), the parts after the first starting with `` · ``."""
    return [(ks, partial(_encoded, " · " if at else "", text)) for at, (ks, text) in enumerate(speeches.by_codes())]


def missed_parts(wrong: MissedItems) -> list[Part]:
    """A member's missed items as parts of its codes, one per key item: :class:`._common.MissedItems`'
    text of the item's result (its line and hint, UTF-8; none when it earns full points)."""
    return [([k], partial(_encoded, "", partial(first_code, text))) for k, text in enumerate(wrong.parts)]


def _encoded(prefix: str, text: Callable[[tuple[int, ...]], str], codes: tuple[int, ...]) -> bytes:
    """``prefix`` and ``text(codes)``, UTF-8 encoded."""
    return (prefix + text(codes)).encode()
