"""The compact view the report renderers use for large groups: members a chunk at a time,
with one column of result codes per key item (see :class:`~studykit.grade.model.ResultTable`).

Everything here is exactly what the :class:`~studykit.grade.model.MemberResult` properties
give, computed per distinct value or a column at a time instead of per member.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import add, attrgetter, itemgetter
from typing import TypeVar

from ...model import POINT_DECIMALS
from ..group import GroupReport
from ..model import CompactItems, MemberResult, ResultTable, code_columns

_NAME, _SOURCE, _LINE = (attrgetter(a) for a in ("name", "source", "line"))
K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``f(value)`` per distinct value, computed once: ``memo[value]`` (C-speed lookups in ``map``)."""

    def __init__(self, f: Callable[[K], V]) -> None:
        super().__init__()
        self.f = f

    def __missing__(self, value: K) -> V:
        text = self[value] = self.f(value)
        return text


def coded_members(report: GroupReport) -> tuple[ResultTable, list[Sequence[int]]]:
    """Each member's items as codes into one :class:`ResultTable` (read order).

    Members graded from a table already hold codes; others are encoded (cached on the report).
    """
    cached: tuple[ResultTable, list[Sequence[int]]] | None = report.__dict__.get("_coded")
    if cached is None:
        coded = report.coded()
        if coded is not None and coded[0].key is report.key:  # one table: the codes as they are
            cached = coded
        else:
            table = next(
                (
                    m.items.table
                    for m in report.members
                    if type(m.items) is CompactItems and m.items.table.key is report.key
                ),
                None,
            )
            if table is None:
                table = ResultTable(report.key)
            cached = table, [table.encode(m.items) for m in report.members]
        report.__dict__["_coded"] = cached  # the report is frozen, so this never goes stale
    return cached


@dataclass(frozen=True)
class Chunk:
    """Consecutive members of the ranking, with what the renderers print of them:
    ``ranks``, ``members``, ``scores``, ``totals`` and ``percents`` (as the
    :class:`MemberResult` properties give them) and one column of codes per key item."""

    ranks: list[int]
    members: list[MemberResult]
    scores: list[float]
    totals: list[float]
    percents: list[float]
    columns: list[Sequence[int]]
    unreadable: list[int] = field(default_factory=list)

    def flags(self, n_items: int) -> list[str]:
        """Per member, :func:`unreadable_flag` of its unreadable items out of ``n_items``."""
        if not any(self.unreadable):  # no member with an unreadable item (checked at C speed)
            return [""] * len(self.members)
        return [unreadable_flag(u, n_items) for u in self.unreadable]

    @property
    def names(self) -> list[str]:
        """Each member's name (as :class:`Rows` gives it)."""
        return list(map(_NAME, self.members))

    @property
    def sources(self) -> list[str]:
        """Each member's source."""
        return list(map(_SOURCE, self.members))

    @property
    def lines(self) -> list[int]:
        """Each member's row (0 for none)."""
        return list(map(_LINE, self.members))


def unreadable_flag(unreadable: int, items: int) -> str:
    """What the ranking shows beside a member more than half of whose ``items`` could not be read
    (``unreadable`` of them): ``过半答案无法识别（5/8 题），请核对原卷``; ``""`` otherwise — such a
    score says more about the sheet than about the member."""
    return f"过半答案无法识别（{unreadable}/{items} 题），请核对原卷" if unreadable * 2 > items else ""


def ranked_chunks(report: GroupReport, size: int = 4096) -> Iterator[Chunk]:
    """The ranking, ``size`` members at a time."""
    order, ranks = report.rank_order()
    return _chunks(report, order, ranks, size)


def read_chunks(report: GroupReport, size: int = 4096) -> Iterator[Chunk]:
    """The members in the order read, ``size`` at a time (``ranks`` still each one's rank)."""
    order, ranks = report.rank_order()
    rank_of = [0] * len(order)
    for at, rank in zip(order, ranks, strict=True):
        rank_of[at] = rank
    return _chunks(report, range(len(order)), rank_of, size)


def _chunks(report: GroupReport, order: Sequence[int], ranks: list[int], size: int) -> Iterator[Chunk]:
    """The members ``order`` lists (``ranks``: their ranks, in the same order), ``size`` at a time."""
    table, codes = coded_members(report)
    scores = report.scores()
    n_items = len(report.key.items)
    unread = [[r.status == "unreadable" for r in results] for results in table.results]
    flagged = [k for k, flags in enumerate(unread) if any(flags)]  # items some member could not be read on
    total = table.total
    # every member graded from the table: one total, and a percentage per distinct score
    compact = report.compact()
    same = compact is not None and compact[0] is table
    percent: Memo[float, float] = Memo(lambda s: 100.0 * s / total if total else 0.0)
    for start in range(0, len(order), size):
        at = order[start : start + size]
        members = list(map(report.members.__getitem__, at))
        chunk_scores = list(map(scores.__getitem__, at))
        if same:
            totals = [total] * len(at)
            percents = list(map(percent.__getitem__, chunk_scores))
        else:
            totals = [table.total if in_table(m, table) else m.total for m in members]
            percents = [100.0 * s / t if t else 0.0 for s, t in zip(chunk_scores, totals, strict=True)]
        columns = code_columns(list(map(codes.__getitem__, at)), n_items)
        chunk = Chunk(ranks[start : start + size], members, chunk_scores, totals, percents, columns)
        yield replace(chunk, unreadable=_unreadable_counts(unread, flagged, columns, len(at)))


def _unreadable_counts(unread: list[list[bool]], flagged: list[int], columns: list[Sequence[int]], n: int) -> list[int]:
    """Per each of ``n`` members: how many of its items could not be read (``unread[k][code]``), from
    ``columns`` of codes; only the ``flagged`` items, those with an unreadable code, are looked at."""
    if not flagged:
        return [0] * n
    marks: list[Sequence[int]] = []
    for k in flagged:
        column = columns[k]
        if type(column) is bytes and len(unread[k]) <= 256:  # a byte per code: one C-speed translate
            marks.append(column.translate(bytes(unread[k]) + bytes(256 - len(unread[k]))))
        else:
            marks.append(list(map(unread[k].__getitem__, column)))
    return list(map(sum, zip(*marks, strict=True)))


@dataclass(frozen=True)
class Rows:
    """Members of the ranking (:func:`ranked_rows`) or in the order read (:func:`read_rows`), all
    graded from one table, without their objects: ``at`` their indices into ``report.members``,
    ``rank_of`` each score's rank, ``names``, ``sources``, ``lines`` and ``scores`` (as the
    :class:`MemberResult` properties give them), one column of codes per key item, each member's
    count of unreadable items and the table's ``total``."""

    at: Sequence[int]
    rank_of: dict[float, int]
    names: list[str]
    sources: list[str]
    lines: list[int]
    scores: list[float]
    columns: list[Sequence[int]]
    unreadable: list[int]
    #: the table's total, every member's (they are all graded from it)
    total: float = 0.0

    def flags(self, n_items: int) -> list[str]:
        """Per member, :func:`unreadable_flag` of its unreadable items out of ``n_items``."""
        if not any(self.unreadable):
            return [""] * len(self.names)
        return [unreadable_flag(u, n_items) for u in self.unreadable]

    @property
    def ranks(self) -> list[int]:
        """Each member's competition rank (``rank_of`` its score)."""
        return list(map(self.rank_of.__getitem__, self.scores))

    @property
    def totals(self) -> list[float]:
        """Each member's total (as :class:`Chunk` gives it): the table's."""
        return [self.total] * len(self.scores)

    @property
    def percents(self) -> list[float]:
        """Each member's percentage, as :attr:`~studykit.grade.model.MemberResult.percent` computes it."""
        total = self.total
        percent: Memo[float, float] = Memo(lambda s: 100.0 * s / total if total else 0.0)
        return list(map(percent.__getitem__, self.scores))


def ranked_members(report: GroupReport, size: int = 4096) -> Iterator[Rows | Chunk]:
    """The ranking a chunk at a time: :func:`ranked_rows` when every member is graded from one
    table (no member object made), else :func:`ranked_chunks`.  Both give ``ranks``, ``names``,
    ``sources``, ``lines``, ``scores``, ``totals``, ``percents``, ``columns`` and ``flags()``."""
    return ranked_rows(report, size) if report.coded() is not None else ranked_chunks(report, size)


def members_read(report: GroupReport, size: int = 4096) -> Iterator[Rows | Chunk]:
    """The members in the order read a chunk at a time, as :func:`ranked_members` gives the ranking."""
    return read_rows(report, size) if report.coded() is not None else read_chunks(report, size)


def ranked_rows(report: GroupReport, size: int = 4096) -> Iterator[Rows]:
    """The ranking, ``size`` members at a time, as :class:`Rows` — for a report whose members
    are all graded from one table (:meth:`~studykit.grade.group.GroupReport.coded`; ``ValueError``
    otherwise).  The member objects are never made."""
    order = report.score_order()
    return _rows(report, (order[start : start + size] for start in range(0, len(order), size)))


def read_rows(report: GroupReport, size: int = 4096) -> Iterator[Rows]:
    """The members in the order read, ``size`` at a time, as :class:`Rows` (``ranks`` each one's
    rank), as :func:`ranked_rows` gives the ranking: the member objects are never made."""
    n = len(report.scores())
    return _rows(report, (range(start, min(start + size, n)) for start in range(0, n, size)))


def _rows(report: GroupReport, chunks: Iterator[Sequence[int]]) -> Iterator[Rows]:
    """:class:`Rows` of the members at each of ``chunks`` (indices into ``report.members``)."""
    coded = report.coded()
    if coded is None:
        raise ValueError("the report's members are not all graded from one table")
    table, codes = coded
    rank_of = report.score_ranks()
    scores = report.scores()
    names, sources, lines = report.member_fields()
    n_items = len(report.key.items)
    unread = [[r.status == "unreadable" for r in results] for results in table.results]
    flagged = [k for k, flags in enumerate(unread) if any(flags)]
    one_source = sources[0] if sources and sources.count(sources[0]) == len(sources) else None
    for at in chunks:
        if type(at) is range:  # consecutive members: slices
            pick: Callable[[Sequence[V]], list[V]] = _slicer(at)
        else:
            pick = _picker(list(at))
        columns = code_columns(pick(codes), n_items)
        chunk_scores = pick(scores)
        yield Rows(
            at,
            rank_of,
            pick(names),
            pick(sources) if one_source is None else [one_source] * len(at),
            pick(lines),
            chunk_scores,
            columns,
            _unreadable_counts(unread, flagged, columns, len(at)),
            table.total,
        )


def _slicer(at: range) -> Callable[[Sequence[V]], list[V]]:
    """A function taking the items at the consecutive indices ``at`` out of a list, as a list."""
    start, stop = at.start, at.stop
    return lambda seq: list(seq[start:stop])


def _picker(at: list[int]) -> Callable[[Sequence[V]], list[V]]:
    """A function taking the items at ``at`` out of a list, as a list (one C call for several)."""
    if len(at) == 1:
        return lambda seq: [seq[at[0]]]
    get = itemgetter(*at)
    return lambda seq: list(get(seq))


def in_table(member: MemberResult, table: ResultTable) -> bool:
    """Whether ``member``'s items are :class:`CompactItems` of ``table`` (so its codes are its own)."""
    return type(member.items) is CompactItems and member.items.table is table


def speech_items(report: GroupReport) -> list[list[int]]:
    """Per speech of ``report.speeches``: the indices of its items in ``report.key.items``."""
    return [[k for k, it in enumerate(report.key.items) if it.speech == s.speech] for s in report.speeches]


def speech_sums(table: ResultTable, ks: list[int], columns: list[Sequence[int]], n: int) -> list[float]:
    """Points each of ``n`` members earned on the items ``ks``, added in key order from 0.0
    (exactly as :func:`~studykit.grade.scoring.member_speech_scores` adds them)."""
    return column_sums(table.earned, ks, columns, n)


def column_sums(values: list[list[float]], ks: list[int], columns: list[Sequence[int]], n: int) -> list[float]:
    """Per each of ``n`` members: ``values[k][code]`` of its code for each item ``k`` of ``ks``,
    added in key order from 0.0."""
    sums: list[float] = [0.0] * n
    for k in ks:
        sums = list(map(add, sums, map(values[k].__getitem__, columns[k])))
    return list(map(round, sums, repeat(POINT_DECIMALS)))


def passed_count(report: GroupReport) -> int:
    """How many members passed (:meth:`~studykit.grade.group.GroupReport.passed`): counted per
    distinct score when every member is graded from one table (one total for all)."""
    coded = report.coded()  # never makes the member objects of a MemberStore
    if coded is None:
        return sum(report.passed(m) for m in report.members)
    total, mark = coded[0].total, report.pass_mark - 1e-9
    counts = Counter(report.scores())
    return sum(count for score, count in counts.items() if (100.0 * score / total if total else 0.0) >= mark)
