"""Formatting shared by the report renderers."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from typing import Any, TextIO

from ...errors import Problem
from ...i18n import speaking
from ...key import AnswerKey, KeyItem
from ...model import POINT_DECIMALS
from ...text import pts as pts  # points as printed: its home is studykit.text
from ..group import GroupReport, ItemStats
from ..model import ItemResult, MemberResult
from ..scoring import member_speech_scores
from .chunks import Chunk as Chunk
from .chunks import Memo as Memo
from .chunks import coded_members as coded_members
from .chunks import column_sums as column_sums
from .chunks import in_table as in_table
from .chunks import ranked_chunks as ranked_chunks
from .chunks import read_chunks as read_chunks
from .chunks import speech_items as speech_items
from .chunks import speech_sums as speech_sums
from .chunks import unreadable_flag as unreadable_flag

TYPE_NAMES = {"single": "单选", "multiple": "多选", "true_false": "判断", "fill_blank": "填空"}
STATUS_NAMES = {
    "correct": "正确",
    "partial": "部分得分",
    "wrong": "错误",
    "unanswered": "未答",
    "unreadable": "无法识别",
}
NO_BANK = "（未加载出题所用的题库，错题不附解析和重读位置；可用 --bank 指定题库。）"
RULE_NAMES = {"all-or-nothing": "多选题全对才得分", "partial": "多选题少选得一半分、错选不得分"}


_TENTH = Decimal("0.1")


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """Each of ``problems`` (a report's warnings or failures) as the report prints it, in the
    report's language, Chinese, in an English session too (``FILE:LINE: 警告：…``): the messages
    grading made (inside :func:`studykit.i18n.retellable`) said again from the zh catalog,
    while the console showed them in the session's language."""
    with speaking("zh"):
        return [str(p) for p in problems]


def ungraded_members(report: GroupReport) -> list[Problem]:
    """The failures that are a member not graded (a sheet 无法评分, a table row of another version):
    those naming a member (``where``), listed in the ranking after the members graded."""
    return [p for p in report.failures if p.where]


def count_part(report: GroupReport) -> str:
    """The summary's count: ``共 20 人``, and ``（另 2 人无法评分）`` when the ranking lists members
    not graded after them (so the lines of the ranking add up)."""
    ungraded = len(ungraded_members(report))
    return f"共 {report.member_count} 人" + (f"（另 {ungraded} 人无法评分）" if ungraded else "")


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
    """A percentage (0–100) with one decimal, rounded half up (``66.7``, ``82.25`` → ``82.3``) — or as many more as it takes for the
    printed value to fall on the same side of the pass ``mark`` as the value itself: 61.29
    against a 61.3 mark prints ``61.29``, never a failing ``61.3``."""
    exact = Decimal(repr(value))
    text = format(exact.quantize(_TENTH, ROUND_HALF_UP), "f")  # 四舍五入, as the means: 82.25 → 82.3
    for digits in range(2, 8):
        if mark is None or (float(text) >= mark - 1e-9) == (value >= mark - 1e-9):
            break
        text = format(exact.quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP), "f")
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
    return " · ".join(distribution_parts(stats))


def distribution_parts(stats: ItemStats) -> list[str]:
    """The parts of :func:`distribution`: ``["A 1", "B 2", "其他 0", "未答 1"]``."""
    parts = [f"{truth(label)} {count}" for label, count in stats.choices[:8]]
    if len(stats.choices) > 8:
        parts.append(f"另 {len(stats.choices) - 8} 种")
    if stats.other:
        parts.append(f"其他 {stats.other}")
    if stats.unanswered:
        parts.append(f"未答 {stats.unanswered}")
    if stats.unreadable:
        parts.append(f"无法识别 {stats.unreadable}")
    return parts


def missed(member: MemberResult) -> list[ItemResult]:
    """Items that did not earn full points."""
    return [r for r in member.items if r.status != "correct"]


def short_label(report: GroupReport, speech: str) -> str:
    """The speaker (or the heading of the introduction), else the speech id."""
    label = report.speech_label(speech)
    return label.split(" ", 1)[0]


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
        # per item, per code: the result's line and its item's hint, joined once
        self.parts = [
            self._per_code(results, lambda r: line(r, key.item(r.number)) + self.hint[r.number])
            for results in table.results
        ]

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
        parts = [map(self.parts[k].__getitem__, column) for k, column in enumerate(columns)]
        return list(map("".join, zip(*parts, strict=True)))


def first_code(texts: Memo[int, str], codes: tuple[int, ...]) -> str:
    """``texts`` of the one code in ``codes`` (a speech of one item, an item alone)."""
    return texts[codes[0]]


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
        self.codes_memo: dict[tuple[int, ...], Memo[tuple[int, ...], str]] = {}

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

    def _by_codes(self, ks: list[int], memo: Memo[tuple[float, float], str]) -> Memo[tuple[int, ...], str]:
        """The part of a speech of the items ``ks`` per their codes: its sums of earned and of
        points, each added in key order from 0.0 and rounded as :func:`column_sums` adds them."""
        cached = self.codes_memo.get(tuple(ks))
        if cached is None:
            earned, points = self.earned, self.points

            def part(codes: tuple[int, ...]) -> str:
                e = p = 0.0
                for k, code in zip(ks, codes, strict=True):
                    e += earned[k][code]
                    p += points[k][code]
                return memo[round(e, POINT_DECIMALS), round(p, POINT_DECIMALS)]

            cached = self.codes_memo[tuple(ks)] = Memo(part)
        return cached

    def by_codes(self) -> list[tuple[list[int], Callable[[tuple[int, ...]], str]]]:
        """Per speech, in order: its items ``ks`` and its part from a member's codes of them (as
        :meth:`coded` joins them)."""
        parts: list[tuple[list[int], Callable[[tuple[int, ...]], str]]] = []
        for ks, memo in self.speeches:
            if len(ks) == 1:
                parts.append((ks, partial(first_code, self.by_code[ks[0]])))
            else:
                parts.append((ks, self._by_codes(ks, memo).__getitem__))
        return parts

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
            else:  # per distinct codes of the speech's items
                parts.append(map(self._by_codes(ks, memo).__getitem__, zip(*(columns[k] for k in ks), strict=True)))
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
    compact = report.compact()
    own = compact is not None and compact[0] is table  # every member's codes are its own
    for chunk in chunks:
        members, n = chunk.members, len(chunk.members)
        breakdowns = speeches.coded(chunk.columns, n)
        missed = wrong.coded(chunk.columns, n)
        for i, m in enumerate(() if own else members):
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


class DecodingWriter(io.RawIOBase):
    """A binary stream writing what it is given, UTF-8 decoded, to a text ``stream`` (for the
    writers that write UTF-8 bytes, called with a text stream)."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.stream.write(bytes(data).decode("utf-8"))
        return len(data)
