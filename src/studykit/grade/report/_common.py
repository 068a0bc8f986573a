"""Formatting shared by the report renderers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from operator import add
from typing import TypeVar

from ...key import AnswerKey, KeyItem
from ...model import POINT_DECIMALS
from ..model import CompactItems, GroupReport, ItemResult, ItemStats, MemberResult, ResultTable, code_columns
from ..scoring import member_speech_scores

TYPE_NAMES = {"single": "单选", "multiple": "多选", "true_false": "判断", "fill_blank": "填空"}
STATUS_NAMES = {
    "correct": "正确",
    "partial": "部分得分",
    "wrong": "错误",
    "unanswered": "未答",
    "unreadable": "无法识别",
}
NO_BANK = "（未加载出题所用的题库，错题不附解析和重读位置；可用 --bank 指定题库。）"
_MILLI = Decimal("0.001")
RULE_NAMES = {"all-or-nothing": "多选题全对才得分", "partial": "多选题少选得一半分、错选不得分"}


def pts(value: float | None) -> str:
    """Points as printed: ``2``, ``1.5``, ``0.625``; ``—`` for none.

    A key's points have at most 2 decimals and half credit adds a third, so points print
    with up to 3 decimals, trailing zeros dropped: every score, sum and half credit exactly.
    A mean or median with more is rounded half up (四舍五入) to 3 decimals: ``3.5625`` →
    ``3.563`` (``f"{3.5625:.3f}"`` would round it to the even ``3.562``)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(value)).quantize(_MILLI, ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".")


_TENTH = Decimal("0.1")


def mean_pts(value: float | None) -> str:
    """A mean of points as printed: one decimal, rounded half up (四舍五入): ``5.85`` → ``5.9``,
    ``6`` → ``6.0``; ``—`` for none."""
    if value is None:
        return "—"
    return format(Decimal(repr(value)).quantize(_TENTH, ROUND_HALF_UP), "f")


def rule_part(report: GroupReport) -> list[str]:
    """The header's part naming the multiple-choice scoring rule (``多选题全对才得分``),
    as a list of one; none when the paper has no multiple-choice item to apply it to."""
    if not any(it.type == "multiple" for it in report.key.items):
        return []
    return [RULE_NAMES.get(report.multiple_scoring, report.multiple_scoring)]


def pct(value: float | None, mark: float | None = None) -> str:
    """A percentage (0–100) as :func:`percent_number` prints it, with ``%``: ``66.7%``; ``—`` for none."""
    return "—" if value is None else f"{percent_number(value, mark)}%"


def percent_number(value: float, mark: float | None = None) -> str:
    """A percentage (0–100) with one decimal (``66.7``) — or as many more as it takes for the
    printed value to fall on the same side of the pass ``mark`` as the value itself: 61.29
    against a 61.3 mark prints ``61.29``, never a failing ``61.3``."""
    text = f"{value:.1f}"
    for digits in range(2, 8):
        if mark is None or (float(text) >= mark - 1e-9) == (value >= mark - 1e-9):
            break
        text = f"{value:.{digits}f}"
    return text


def share(value: float | None) -> str:
    """A share (0–1) with two decimals: ``0.67``."""
    return "—" if value is None else f"{value:.2f}"


def signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def truth(value: str) -> str:
    return {"true": "对", "false": "错"}.get(value, value)


def distribution(stats: ItemStats) -> str:
    """``A 1 · B 2 · 其他 0 · 未答 1`` — how often each option or blank was chosen."""
    parts = [f"{truth(label)} {count}" for label, count in stats.choices[:8]]
    if len(stats.choices) > 8:
        parts.append(f"另 {len(stats.choices) - 8} 种")
    if stats.other:
        parts.append(f"其他 {stats.other}")
    if stats.unanswered:
        parts.append(f"未答 {stats.unanswered}")
    if stats.unreadable:
        parts.append(f"无法识别 {stats.unreadable}")
    return " · ".join(parts)


def missed(member: MemberResult) -> list[ItemResult]:
    """Items that did not earn full points."""
    return [r for r in member.items if r.status != "correct"]


def short_label(report: GroupReport, speech: str) -> str:
    """The speaker (or the heading of the introduction), else the speech id."""
    label = report.speech_label(speech)
    return label.split(" ", 1)[0]


# -- the compact view renderers use for large groups ------------------------------
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
        return [unreadable_flag(u, n_items) for u in self.unreadable] or [""] * len(self.members)


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
    for start in range(0, len(order), size):
        at = order[start : start + size]
        members = list(map(report.members.__getitem__, at))
        chunk_scores = list(map(scores.__getitem__, at))
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
    return [round(x, POINT_DECIMALS) for x in sums]


class MissedItems:
    """Members' missed items (results not earning full points) as the text and HTML reports
    list them: per such result, in key order, ``line(result, item)`` then ``hint(item)``
    (``item`` the key item of the result's number).  For members graded from a table the line
    is computed once per item and code, and the hint once per item and shared, not copied, by
    every code of it: what is kept grows with the distinct results the report holds, not with
    the members.  ``KeyError`` for a result whose number the key has no item for."""

    def __init__(
        self,
        report: GroupReport,
        line: Callable[[ItemResult, KeyItem], str],
        hint: Callable[[KeyItem], str],
    ) -> None:
        key = self.key = report.key
        self.line = line
        self.hint: Memo[int, str] = Memo(lambda number: hint(key.item(number)))  # per item number
        table = coded_members(report)[0]
        self.lines = [self._per_code(results, lambda r: line(r, key.item(r.number))) for results in table.results]
        self.hints = [self._per_code(results, lambda r: self.hint[r.number]) for results in table.results]

    @staticmethod
    def _per_code(results: list[ItemResult], f: Callable[[ItemResult], str]) -> Memo[int, str]:
        """``f`` of the result a code stands for; ``""`` for a result earning full points."""
        return Memo(lambda code: "" if results[code].status == "correct" else f(results[code]))

    def member(self, member: MemberResult) -> str:
        """One member's missed items, from its own items (``""`` when there are none)."""
        return "".join(
            self.line(r, self.key.item(r.number)) + self.hint[r.number] for r in member.items if r.status != "correct"
        )

    def coded(self, columns: list[Sequence[int]], n: int) -> list[str]:
        """The missed items of ``n`` of the report's members, from ``columns`` of their codes
        (one per key item, as :func:`coded_members` gives them)."""
        if not columns:
            return [""] * n
        parts: list[Iterator[str]] = []
        for k, column in enumerate(columns):
            parts.append(map(self.lines[k].__getitem__, column))
            parts.append(map(self.hints[k].__getitem__, column))
        return list(map("".join, zip(*parts, strict=True)))


class SpeechScores:
    """Members' speech breakdowns as the text and HTML reports print them: per speech of the
    key, in the order of ``report.speeches`` (the article's, as the group's 各篇 section)
    ``label earned/points``,
    `` · ``-joined; each part computed once per speech and distinct ``(earned, points)``, and
    for a speech of one item looked up once per code of that item.  ``label`` gives the printed
    label of a speech id."""

    def __init__(self, report: GroupReport, label: Callable[[str], str]) -> None:
        self.key = report.key
        table = coded_members(report)[0]  # every code the report's members hold is in it from here on
        self.earned = table.earned
        self.points = [[r.points for r in results] for results in table.results]
        items_of = dict(key_speeches(report.key))
        self.order = [s.speech for s in report.speeches if s.speech in items_of]
        self.speeches = [(items_of[sid], Memo(self._part(label(sid)))) for sid in self.order]
        self.by_code = {ks[0]: self._by_code(ks[0], memo) for ks, memo in self.speeches if len(ks) == 1}

    @staticmethod
    def _part(label: str) -> Callable[[tuple[float, float]], str]:
        def part(scores: tuple[float, float]) -> str:
            return f"{label} {pts(scores[0])}/{pts(scores[1])}"

        return part

    def _by_code(self, k: int, memo: Memo[tuple[float, float], str]) -> Memo[int, str]:
        """The part of a speech whose only item is the ``k``-th, per code of that item
        (its sums: ``0.0`` plus the item's earned and points)."""
        earned, points = self.earned[k], self.points[k]
        return Memo(lambda code: memo[0.0 + earned[code], 0.0 + points[code]])

    def member(self, member: MemberResult) -> str:
        """One member's breakdown, from its items."""
        scores = {sid: (e, p) for sid, e, p in member_speech_scores(member, self.key)}
        return " · ".join(memo[scores[sid]] for sid, (_, memo) in zip(self.order, self.speeches, strict=True))

    def coded(self, columns: list[Sequence[int]], n: int) -> list[str]:
        """The breakdowns of ``n`` of the report's members, from ``columns`` of their codes
        (one per key item, as :func:`coded_members` gives them)."""
        if not self.speeches:
            return [""] * n
        parts: list[Iterator[str]] = []
        for ks, memo in self.speeches:
            if len(ks) == 1:
                parts.append(map(self.by_code[ks[0]].__getitem__, columns[ks[0]]))
            else:
                earned = column_sums(self.earned, ks, columns, n)
                points = column_sums(self.points, ks, columns, n)
                parts.append(map(memo.__getitem__, zip(earned, points, strict=True)))
        return list(map(" · ".join, zip(*parts, strict=True)))


def key_speeches(key: AnswerKey) -> list[tuple[str, list[int]]]:
    """Each speech id of ``key`` with the indices of its items, in the order its first item comes."""
    by_speech: dict[str, list[int]] = {}
    for k, it in enumerate(key.items):
        by_speech.setdefault(it.speech, []).append(k)
    return list(by_speech.items())


def report_speeches(report: GroupReport) -> list[tuple[str, list[int]]]:
    """Each speech id of ``report.key`` with the indices of its items, in the order of
    ``report.speeches`` (the article's), then any speech it lacks in key order."""
    by_speech = dict(key_speeches(report.key))
    order = [s.speech for s in report.speeches if s.speech in by_speech]
    order += [sid for sid in by_speech if sid not in order]
    return [(sid, by_speech[sid]) for sid in order]


@dataclass(frozen=True)
class MemberParts:
    """What the text and HTML reports print of a chunk of members (:func:`member_parts`):
    the chunk, each member's score and percentage texts, speech breakdown and missed items."""

    chunk: Chunk
    scores: list[str]
    percents: list[str]
    passed: list[bool]
    breakdowns: list[str]
    missed: list[str]

    def rows(self) -> Iterator[tuple[MemberResult, str, str, bool, str, str]]:
        """Per member: ``(member, score, percent, passed, breakdown, missed)``."""
        return zip(
            self.chunk.members, self.scores, self.percents, self.passed, self.breakdowns, self.missed, strict=True
        )


def member_parts(
    report: GroupReport,
    chunks: Iterator[Chunk],
    label: Callable[[str], str],
    line: Callable[[ItemResult, KeyItem], str],
    hint: Callable[[KeyItem], str],
) -> Iterator[MemberParts]:
    """Per chunk of ``chunks`` (e.g. :func:`read_chunks`), its members' parts as the text and
    HTML reports print them: the breakdown from :class:`SpeechScores` (``label`` a speech's
    printed label) and the missed items from :class:`MissedItems` (``line`` and ``hint``), each
    computed once per distinct result for members graded from the table, or from a member's
    own items for the others (so equal results never stand in for a member's own)."""
    table = coded_members(report)[0]
    points: Memo[float, str] = Memo(pts)
    percent: Memo[float, str] = Memo(lambda p: pct(p, report.pass_mark))
    pass_mark = report.pass_mark - 1e-9
    speeches = SpeechScores(report, label)
    wrong = MissedItems(report, line, hint)
    for chunk in chunks:
        members, n = chunk.members, len(chunk.members)
        breakdowns = speeches.coded(chunk.columns, n)
        missed = wrong.coded(chunk.columns, n)
        for i, m in enumerate(members):
            if not in_table(m, table):
                breakdowns[i] = speeches.member(m)
                missed[i] = wrong.member(m)
        yield MemberParts(
            chunk,
            list(map(points.__getitem__, chunk.scores)),
            list(map(percent.__getitem__, chunk.percents)),
            [p >= pass_mark for p in chunk.percents],
            breakdowns,
            missed,
        )
