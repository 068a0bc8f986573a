"""Frozen records of grading: what a member wrote, how each item scored, what the group did.

Readers (:mod:`studykit.grade.readers`) build :class:`Submission`;
:func:`~studykit.grade.scoring.grade_submission` turns one into a
:class:`MemberResult`; :func:`~studykit.grade.scoring.summarize_group` turns
many into a :class:`GroupReport`, which the renderers in
:mod:`studykit.grade.report` print.  Points are floats (half credit is exact);
shares are floats in 0–1; percentages are floats in 0–100.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Problem
from ..key import AnswerKey
from ..model import QuestionType

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


@dataclass(frozen=True)
class MemberResult:
    """One member's graded paper: an :class:`ItemResult` per key item, in key order."""

    name: str
    source: str
    line: int
    items: tuple[ItemResult, ...]
    warnings: tuple[Problem, ...] = ()

    @property
    def score(self) -> float:
        return sum(i.earned for i in self.items)

    @property
    def total(self) -> float:
        return sum(i.points for i in self.items)

    @property
    def percent(self) -> float:
        """Score as a percentage of the total (0–100; 0 for an empty key)."""
        return 100.0 * self.score / self.total if self.total else 0.0

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source


@dataclass(frozen=True)
class Reread:
    """Where to reread a question, from the bank: its 解析, speaker, heading and source sentence."""

    question_id: str
    explanation: str
    speaker: str
    heading: str
    source: str


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
        ordered = sorted(self.members, key=lambda m: -m.score)
        ranked: list[tuple[int, MemberResult]] = []
        for i, m in enumerate(ordered):
            rank = ranked[-1][0] if ranked and ranked[-1][1].score == m.score else i + 1
            ranked.append((rank, m))
        return ranked

    def speech_label(self, speech: str) -> str:
        return self.speech_labels.get(speech) or speech or "（未注明）"
