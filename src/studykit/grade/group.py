"""A graded group: its members as graded (:class:`MemberStore`, members kept as columns until their
objects are asked for) and the :class:`GroupReport` the renderers print, with its item and speech
statistics (:class:`ItemStats`, :class:`SpeechStats`) and reread hints (:class:`Reread`).

:func:`~studykit.grade.scoring.summarize_group` makes a :class:`GroupReport`; the per-member
records it summarises are in :mod:`studykit.grade.model`.  Points are floats (half credit is
exact); shares are floats in 0–1; percentages are floats in 0–100.
"""

from __future__ import annotations

from array import array
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter
from typing import Any

from .._gc import gc_paused
from ..errors import Problem
from ..key import AnswerKey
from ..model import QuestionType, source_line
from .model import CODES, SCORE, Compact, CompactItems, MemberResult, ResultTable, compact_items

_NAME, _SOURCE, _LINE = (attrgetter(a) for a in ("name", "source", "line"))


def compact_members(
    names: Sequence[str],
    source: str,
    lines: Sequence[int],
    rows: Sequence[bytes],
    table: ResultTable,
    scores: Sequence[float],
) -> list[MemberResult]:
    """``MemberResult(name, source, line, CompactItems(row, table, score))`` for each member in
    turn — the very objects those constructors give (no warnings), made a block at a time by
    filling their slots (a frozen class refuses ``setattr``, not its slots' own setters)."""
    n = len(names)
    new = object.__new__
    fill = deque[None](maxlen=0).extend
    items: list[CompactItems] = list(map(new, repeat(CompactItems, n)))
    fill(map(_SLOT["codes"].__set__, items, rows))
    fill(map(_SLOT["table"].__set__, items, repeat(table)))
    fill(map(_SLOT["score"].__set__, items, scores))
    members: list[MemberResult] = list(map(new, repeat(MemberResult, n)))
    fill(map(_SLOT["name"].__set__, members, names))
    fill(map(_SLOT["source"].__set__, members, repeat(source)))
    fill(map(_SLOT["line"].__set__, members, lines))
    fill(map(_SLOT["items"].__set__, members, items))
    fill(map(_SLOT["warnings"].__set__, members, repeat(())))
    return members


#: The slot descriptors :func:`compact_members` fills.
_SLOT: dict[str, Any] = {
    **{name: CompactItems.__dict__[name] for name in CompactItems.__slots__},
    **{name: MemberResult.__dict__[name] for name in ("name", "source", "line", "items", "warnings")},
}


class MemberStore:
    """A group's members in the order read, as :func:`~studykit.grade.batch.grade_files` grades
    them: blocks of table rows kept as names, row numbers, codes into ``table`` and scores, the
    :class:`MemberResult` objects (:func:`compact_members`) made only when :meth:`members` is
    first called; members graded one by one kept as they are.  A :class:`GroupReport` given one
    as ``members`` reads it as that tuple (the CSV report never needs the objects)."""

    def __init__(self, table: ResultTable) -> None:
        self.table = table
        self.names: list[str] = []
        self.sources: list[str] = []
        #: each member's row (0 for none), as machine integers: 100,000 rows need no int object each
        self.lines: array[int] = array("l")
        #: each member's codes into ``table``; ``None`` for one whose items are not of it
        self.codes: list[Sequence[int] | None] = []
        self.scores: list[float] = []
        #: member index → the member, for those added as objects
        self.objects: dict[int, MemberResult] = {}
        #: ``(start, end)`` of each block of members added at once (one source each)
        self.blocks: list[tuple[int, int]] = []
        #: each block's end and its codes joined, by its start
        self.flats: dict[int, tuple[int, bytes]] = {}
        #: how many members' items are not codes into ``table``
        self.loose = 0
        self._members: tuple[MemberResult, ...] | None = None

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[MemberResult]:
        return iter(self.members())

    def add(self, member: MemberResult) -> None:
        """Add one graded member (as it is)."""
        self.objects[len(self.names)] = member
        self.names.append(member.name)
        self.sources.append(member.source)
        self.lines.append(member.line)
        items = member.items
        own = type(items) is CompactItems and items.table is self.table
        self.codes.append(items.codes if own else None)  # type: ignore[attr-defined]
        self.loose += not own
        self.scores.append(member.score)

    def add_block(
        self,
        names: Sequence[str],
        source: str,
        lines: Sequence[int],
        codes: Sequence[bytes],
        flat: bytes,
        scores: Sequence[float],
    ) -> None:
        """Add members graded from a table at once (no warnings): ``names[i]`` of row ``lines[i]``
        of ``source``, with ``codes[i]`` into ``table`` (``flat``: all of them joined) and score
        ``scores[i]``."""
        start = len(self.names)
        self.flats[start] = start + len(names), flat
        self.blocks.append((start, start + len(names)))
        self.names += names
        self.sources += repeat(source, len(names))
        self.lines.extend(lines)
        self.codes += codes
        self.scores += scores

    def where(self, index: int) -> str:
        """:attr:`MemberResult.where` of the ``index``-th member."""
        source, line = self.sources[index], self.lines[index]
        return f"{source}:{line}" if line else source

    def coded(self) -> tuple[ResultTable, list[Sequence[int]], list[float]] | None:
        """``(table, codes, scores)`` when every member's items are codes into ``table`` (as
        :meth:`GroupReport.compact` would find them); ``None`` otherwise or for no members."""
        if not self.names or self.loose:
            return None
        return self.table, self.codes, self.scores  # type: ignore[return-value]

    def joined_codes(self) -> bytes | None:
        """Every member's codes joined in the order read (as ``b"".join(codes)`` would give them),
        from the blocks' joined codes; ``None`` when a member's items are not codes into ``table``."""
        if self.loose:
            return None
        parts: list[bytes] = []
        at, n, flats, codes = 0, len(self.names), self.flats, self.codes
        while at < n:
            block = flats.get(at)
            if block is None:
                parts.append(codes[at])  # type: ignore[arg-type]
                at += 1
            else:
                at, flat = block
                parts.append(flat)
        return b"".join(parts)

    def members(self) -> tuple[MemberResult, ...]:
        """The members as objects, in the order read (made once; the same tuple after)."""
        if self._members is None:
            made: list[MemberResult] = [None] * len(self.names)  # type: ignore[list-item]
            with gc_paused():  # as when grading made them: no collection walks the new objects
                for start, end in self.blocks:
                    made[start:end] = compact_members(
                        self.names[start:end], self.sources[start], self.lines[start:end],
                        self.codes[start:end], self.table, self.scores[start:end],  # type: ignore[arg-type]
                    )  # fmt: skip
            for at, member in self.objects.items():
                made[at] = member
            self._members = tuple(made)
        return self._members


class _Members:
    """:attr:`GroupReport.members`: the tuple given; a :class:`MemberStore` given instead is
    read as its :meth:`MemberStore.members` on first use (and kept as that tuple)."""

    def __get__(self, report: object, owner: type | None = None) -> tuple[MemberResult, ...]:
        if report is None:
            raise AttributeError("members")  # a required field: no default
        members = report.__dict__["_members"]
        if type(members) is MemberStore:
            members = report.__dict__["_members"] = members.members()
        return members  # type: ignore[no-any-return]

    def __set__(self, report: object, members: tuple[MemberResult, ...] | MemberStore) -> None:
        report.__dict__["_members"] = members


@dataclass(frozen=True)
class Reread:
    """Where to reread a question, from the bank: its 解析, speaker ("" for the introduction), heading and source sentence."""

    question_id: str
    explanation: str
    speaker: str
    heading: str
    source: str
    intro: bool = True  # False: a section of one author's article (文章《一、…》), not 导语
    article: str = ""  # the part's article where several meet (Speech.article)
    untitled: bool = False  # a text printing no title: its heading is only its first words (Speech.untitled)

    @property
    def where(self) -> str:
        """``任剑涛《…》：“…”`` or ``导语《…》：“…”``, as the paper's 参考答案 prints it
        (:func:`studykit.model.source_line`)."""
        return source_line(
            self.speaker, self.heading, self.source, intro=self.intro, article=self.article, untitled=self.untitled
        )


@dataclass(frozen=True)
class ItemStats:
    """Item analysis of one key item over the group.

    ``facility`` is the share of members earning the item's full points (0–1);
    ``discrimination`` the upper-minus-lower index (−1…1, ``None`` with fewer than
    two members; see :func:`~studykit.grade.scoring.discrimination_index`).
    ``choices`` counts members per option letter (choice items; a member choosing
    A and C counts under both), per ``"true"``/``"false"`` (true_false), or per
    normalised text (fill_blank, most frequent first); ``other`` counts survey
    free-text choices (其他〖…〗); ``unanswered`` and ``unreadable`` count members.
    """

    number: int
    question_id: str
    type: QuestionType
    speech: str
    points: float
    answer: tuple[str, ...]
    facility: float | None
    discrimination: float | None
    mean_points: float | None
    choices: tuple[tuple[str, int], ...]
    other: int = 0
    unanswered: int = 0
    unreadable: int = 0


@dataclass(frozen=True)
class SpeechStats:
    """The group's result on one speech: ``points`` per member, the ``mean`` earned
    (points) and ``share`` (0–1) of it; ``revisit`` when ``share`` is below the pass mark."""

    speech: str
    label: str
    points: float
    mean: float | None
    share: float | None
    revisit: bool


@dataclass(frozen=True)
class GroupReport:
    """Everything a report shows, for one member or a whole branch.

    ``members`` are in the order read; :meth:`ranking` orders them.  ``pass_mark``
    is a percentage (0–100).  ``rereads`` maps question ids to where to reread
    them (empty without a bank).  ``warnings`` and ``failures`` are every problem
    met while reading and grading (failures: files or rows not graded).
    """

    key: AnswerKey
    multiple_scoring: str
    pass_mark: float
    members: tuple[MemberResult, ...]
    items: tuple[ItemStats, ...]
    speeches: tuple[SpeechStats, ...]
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    rereads: dict[str, Reread] = field(default_factory=dict)
    speech_labels: dict[str, str] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    failures: tuple[Problem, ...] = ()
    bank_note: str = ""

    @property
    def revisit(self) -> tuple[SpeechStats, ...]:
        """Speeches whose mean share is below the pass mark, worst first."""
        weak = [s for s in self.speeches if s.revisit]
        return tuple(sorted(weak, key=lambda s: (s.share or 0.0, s.speech)))

    def passed(self, member: MemberResult) -> bool:
        """Whether ``member`` reached the pass mark (percent ≥ ``pass_mark``)."""
        return member.percent >= self.pass_mark - 1e-9

    def ranking(self) -> list[tuple[int, MemberResult]]:
        """Members by score, highest first, with competition ranks (1, 2, 2, 4);
        ties keep the order read."""
        order, ranks = self.rank_order()
        return list(zip(ranks, map(self.members.__getitem__, order), strict=True))

    def scores(self) -> list[float]:
        """Each member's score (points), in the order read."""
        cached: list[float] | None = self.__dict__.get("_scores")
        if cached is None:
            compact = self.compact()
            items = self.members if compact is None else compact[2]
            cached = self.__dict__["_scores"] = [m.score for m in items] if compact is None else list(map(SCORE, items))
        return cached

    def compact(self) -> Compact | None:
        """``(table, codes, items)`` when every member's items are :class:`CompactItems` of one
        table: it, each member's codes and items, in the order read; ``None`` otherwise."""
        if "_compact" not in self.__dict__:
            items = compact_items(self.members)
            self.__dict__["_compact"] = None if items is None else (items[0].table, list(map(CODES, items)), items)
        cached: Compact | None = self.__dict__["_compact"]
        return cached

    def remember(self, scores: list[float], order: list[int], compact: Compact | None) -> None:
        """Keep what :func:`~studykit.grade.scoring.summarize_group` computed as :meth:`scores`, :meth:`compact`
        and :meth:`rank_order` (``order``: by score, highest first, ties in the order read) would."""
        self.__dict__.update(_scores=scores, _order=order, _compact=compact)

    def remember_scores(self, scores: list[float], order: list[int]) -> None:
        """:meth:`remember` without the compact view (left to :meth:`compact` to find when asked)."""
        self.__dict__.update(_scores=scores, _order=order)

    @property
    def member_count(self) -> int:
        """How many members there are: ``len(members)``, without making a :class:`MemberStore`'s objects."""
        return len(self.__dict__["_members"])

    def coded(self) -> tuple[ResultTable, list[Sequence[int]]] | None:
        """``(table, codes)`` of :meth:`compact` (``None`` when it is ``None``), from a
        :class:`MemberStore` without making its member objects."""
        members = self.__dict__["_members"]
        if type(members) is MemberStore and "_compact" not in self.__dict__:
            got = members.coded()
            if got is not None:
                return got[0], got[1]
        compact = self.compact()
        return None if compact is None else (compact[0], compact[1])

    def member_fields(self) -> tuple[list[str], list[str], Sequence[int]]:
        """Each member's ``name``, ``source`` and ``line``, in the order read (from a
        :class:`MemberStore` without making its member objects; its lines are an ``array``)."""
        members = self.__dict__["_members"]
        if type(members) is MemberStore:
            return members.names, members.sources, members.lines
        cached: tuple[list[str], list[str], Sequence[int]] | None = self.__dict__.get("_fields")
        if cached is None:
            got = self.members
            cached = self.__dict__["_fields"] = (list(map(_NAME, got)), list(map(_SOURCE, got)), list(map(_LINE, got)))
        return cached

    def score_order(self) -> list[int]:
        """Indices into ``members`` by score, highest first (ties in the order read): the order of
        :meth:`rank_order`, without the ranks."""
        order: list[int] | None = self.__dict__.get("_order")
        if not order:
            scores = self.scores()
            order = self.__dict__["_order"] = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        return order

    def score_ranks(self) -> dict[float, int]:
        """The competition rank of each distinct score (1 + how many members scored higher), as
        :meth:`rank_order` ranks its members (made once: the same dict after)."""
        cached: dict[float, int] | None = self.__dict__.get("_score_ranks")
        if cached is None:
            counts = Counter(self.scores())
            cached = self.__dict__["_score_ranks"] = {}
            above = 0
            for score in sorted(counts, reverse=True):
                cached[score] = above + 1
                above += counts[score]
        return cached

    def rank_order(self) -> tuple[list[int], list[int]]:
        """``(order, ranks)``: indices into ``members`` by score, highest first (ties in
        the order read), and the competition rank of each, as :meth:`ranking` pairs them."""
        cached: tuple[list[int], list[int]] | None = self.__dict__.get("_rank_order")
        if cached is None:
            scores = self.scores()
            order = self.score_order()
            ordered = list(map(scores.__getitem__, order))
            # runs of equal scores share the first position: the last one written, going backwards
            first = dict(zip(reversed(ordered), range(len(ordered), 0, -1), strict=True))
            cached = order, list(map(first.__getitem__, ordered))
            self.__dict__["_rank_order"] = cached  # the report is frozen, so this never goes stale
        return cached

    def speech_label(self, speech: str) -> str:
        return self.speech_labels.get(speech) or speech or "（未注明）"


# ``members`` read through :class:`_Members` (set after the class is made, so the field keeps its
# type and stays required): a MemberStore given by grade_files becomes the tuple on first read
setattr(GroupReport, "members", _Members())  # noqa: B010
