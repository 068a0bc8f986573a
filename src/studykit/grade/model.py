"""Frozen records of grading: what a member wrote, how each item scored, how a member did.

Readers (:mod:`studykit.grade.readers`) build :class:`Submission`;
:func:`~studykit.grade.scoring.grade_submission` turns one into a
:class:`MemberResult`; :func:`~studykit.grade.scoring.summarize_group` turns
many into a :class:`~studykit.grade.group.GroupReport`, which the renderers in
:mod:`studykit.grade.report` print.  Points are floats (half credit is exact);
shares are floats in 0–1; percentages are floats in 0–100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter, getitem
from typing import Literal, overload

from ..errors import Problem
from ..key import AnswerKey
from ..model import POINT_DECIMALS, add_points

#: How one item of one member scored.
Status = Literal["correct", "partial", "wrong", "unanswered", "unreadable"]
STATUSES: tuple[Status, ...] = ("correct", "partial", "wrong", "unanswered", "unreadable")


@dataclass(frozen=True, slots=True)
class GivenAnswer:
    """One answer as written: the item ``number``, the cell or line ``text`` (stripped),
    and the 1-based ``line`` of a sheet or row of a table it came from (0 when unknown)."""

    number: int
    text: str
    line: int = 0


@dataclass(frozen=True)
class Submission:
    """One member's completed paper, as read from a sheet or a table row.

    ``source`` is the file as the user named it; ``line`` the table row (1-based,
    the header being row 1) or 0 for a one-member sheet.  ``quiz_id`` and
    ``version`` are what the sheet says ("" when it does not say); readers have
    already checked them against the key.
    """

    name: str
    source: str
    answers: tuple[GivenAnswer, ...]
    line: int = 0
    quiz_id: str = ""
    version: str = ""

    @property
    def where(self) -> str:
        """``"file"`` or ``"file:row"`` — how messages locate this member."""
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(frozen=True, slots=True)
class ItemResult:
    """How one item scored for one member.

    ``given`` is the answer as read, in a canonical form: letters ``"A、C"``
    (plus ``"其他"`` for a survey's free-text choice), ``"正确"``/``"错误"``, the
    blank's text; the raw text when unreadable; ``""`` when unanswered.
    ``choices`` are the letters chosen (choice items), ``("true",)``/``("false",)``,
    or the normalised blank text — what the option counts tally.  ``earned`` and
    ``points`` are in points.
    """

    number: int
    question_id: str
    status: Status
    given: str
    choices: tuple[str, ...]
    earned: float
    points: float


class ResultTable:
    """The distinct :class:`ItemResult` of each key item met in one group, numbered.

    A branch's answers repeat (``A``, ``ABC``, ``对``): instead of one
    :class:`ItemResult` per member and item, members keep one small integer *code*
    per item into ``results[k]`` (``k`` the item's index in ``key.items``).  The
    table only grows; a code, once given, always means the same result.
    ``earned[k][code]`` and ``correct[k][code]`` mirror ``results[k][code].earned``
    and ``.status == "correct"`` for fast sums.  ``total`` is the key's points,
    added in key order (as :attr:`MemberResult.total` adds them).
    """

    __slots__ = ("_codes", "correct", "earned", "key", "results", "total")

    def __init__(self, key: AnswerKey) -> None:
        self.key = key
        n = len(key.items)
        self.results: list[list[ItemResult]] = [[] for _ in range(n)]
        self.earned: list[list[float]] = [[] for _ in range(n)]
        self.correct: list[list[bool]] = [[] for _ in range(n)]
        self._codes: list[dict[ItemResult, int]] = [{} for _ in range(n)]
        self.total: float = key.total_points

    def code(self, k: int, result: ItemResult) -> int:
        """The code of ``result`` for the ``k``-th item (0-based), adding it if new."""
        codes = self._codes[k]
        code = codes.get(result)
        if code is None:
            code = codes[result] = len(self.results[k])
            self.results[k].append(result)
            self.earned[k].append(result.earned)
            self.correct[k].append(result.status == "correct")
        return code

    def encode(self, items: Sequence[ItemResult]) -> Sequence[int]:
        """The codes of a member's ``items`` (one per key item, in key order)."""
        if type(items) is CompactItems and items.table is self:
            return items.codes
        return pack_codes([self.code(k, r) for k, r in enumerate(items)])


def pack_codes(codes: list[int]) -> Sequence[int]:
    """``codes`` as compact as they fit: ``bytes`` (all below 256), else an ``array('I')``."""
    try:
        return bytes(codes)
    except ValueError:
        from array import array

        return array("I", codes)


def code_columns(rows: Sequence[Sequence[int]], width: int, joined: bytes | None = None) -> list[Sequence[int]]:
    """``rows`` (each ``width`` codes, one member's) turned into ``width`` columns (one item's).

    When every row is ``bytes`` the columns are ``bytes`` too, cut from one joined
    buffer (no per-code work; ``joined``: ``b"".join(rows)`` when already made); otherwise tuples."""
    if not width:
        return []
    if not rows:
        return [b"" for _ in range(width)]
    flat = b"".join(rows) if joined is None else joined  # type: ignore[arg-type]  # an array('I') row: 4 bytes a code
    if len(flat) == width * len(rows):  # so every row was bytes: none is shorter than width
        return [flat[k::width] for k in range(width)]
    return list(zip(*rows, strict=True))


def code_counts(column: Sequence[int], n_codes: int) -> dict[int, int]:
    """How many times each code below ``n_codes`` occurs in ``column`` (codes never met are left out)."""
    if type(column) is bytes:
        counts = {code: column.count(code) for code in range(n_codes)}
        return {code: count for code, count in counts.items() if count}
    return dict(Counter(column))


class CompactItems(Sequence[ItemResult]):
    """A member's item results as codes into a shared :class:`ResultTable`.

    Behaves as the tuple of :class:`ItemResult` it stands for (indexing,
    iteration, ``len``, equality with that tuple, hashing), at a byte or so per
    item.  ``score`` is the sum of the items' points earned, in key order.
    """

    __slots__ = ("codes", "score", "table")

    def __init__(self, codes: Sequence[int], table: ResultTable, score: float | None = None) -> None:
        self.codes = codes
        self.table = table
        if score is None:  # as add_points, inlined: this runs once per member of a table
            score = round(sum(map(getitem, table.earned, codes), 0.0), POINT_DECIMALS)
        self.score: float = score

    def __len__(self) -> int:
        return len(self.codes)

    @overload
    def __getitem__(self, index: int) -> ItemResult: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ItemResult, ...]: ...
    def __getitem__(self, index: int | slice) -> ItemResult | tuple[ItemResult, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += len(self.codes)
        return self.table.results[index][self.codes[index]]

    def __iter__(self) -> Iterator[ItemResult]:
        return map(getitem, self.table.results, self.codes)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CompactItems):
            if other.table is self.table:
                return bool(other.codes == self.codes)
            return tuple(self) == tuple(other)
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))


def compact_items(members: Sequence[MemberResult], table: ResultTable | None = None) -> list[CompactItems] | None:
    """Each member's ``items`` when every one is :class:`CompactItems` of one table (``table``
    when given), read at C speed; ``None`` otherwise (or for no members)."""
    items = list(map(_ITEMS, members))
    if not items or set(map(type, items)) != {CompactItems}:
        return None
    tables = set(map(_TABLE, items))
    return items if len(tables) == 1 and (table is None or table in tables) else None


_ITEMS, _TABLE, SCORE, CODES = (attrgetter(a) for a in ("items", "table", "score", "codes"))
_NAME, _SOURCE, _LINE = (attrgetter(a) for a in ("name", "source", "line"))
#: A group graded from one table: the table, each member's codes and items (:meth:`~studykit.grade.group.GroupReport.compact`).
Compact = tuple[ResultTable, list[Sequence[int]], list[CompactItems]]


@dataclass(frozen=True, slots=True)
class MemberResult:
    """One member's graded paper: an :class:`ItemResult` per key item, in key order.

    ``items`` is a tuple, or (from :func:`~studykit.grade.batch.grade_files` on a
    table) a :class:`CompactItems` equal to that tuple — a read-only sequence
    that keeps a byte per item instead of an object.
    """

    name: str
    source: str
    line: int
    items: Sequence[ItemResult]
    warnings: tuple[Problem, ...] = ()

    @property
    def score(self) -> float:
        items = self.items
        if type(items) is CompactItems:
            return items.score
        return add_points(i.earned for i in items)

    @property
    def total(self) -> float:
        items = self.items
        if type(items) is CompactItems:
            return items.table.total
        return add_points(i.points for i in items)

    @property
    def percent(self) -> float:
        """Score as a percentage of the total (0–100; 0 for an empty key)."""
        total = self.total
        return 100.0 * self.score / total if total else 0.0

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source
