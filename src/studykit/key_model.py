"""The answer key as data: :class:`AnswerKey` and its :class:`KeyItem` (frozen dataclasses).

In the base layer, beside :mod:`studykit.model`, so the grader reads answers against key items
without importing the key file's reader and writer (:mod:`studykit.key`, which re-exports both).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import BANK_SEPARATOR, QuestionType, add_points

#: The rules for scoring a multiple-choice item (:attr:`AnswerKey.multiple_scoring`): all the
#: correct letters and no other, or partial credit.
MULTIPLE_SCORING = ("all-or-nothing", "partial")


@dataclass(frozen=True)
class KeyItem:
    """One item of a printed paper: where it stands, what it is worth, what is right.

    ``points`` is in points (a float so that half credit is exact); ``answer`` as in
    :class:`~studykit.model.Question` but with letters as printed on this version.
    """

    number: int
    question_id: str
    type: QuestionType
    speech: str
    points: float
    stem: str
    answer: tuple[str, ...]
    options: tuple[str, ...] = ()
    correct: tuple[str, ...] = ()

    @property
    def bank(self) -> str:
        """The bank id of an item of a quiz on several banks (``question_id`` ``bank/id``), else ``""``."""
        return self.question_id.rpartition(BANK_SEPARATOR)[0]


@dataclass(frozen=True)
class AnswerKey:
    """The key of one version of one quiz; ``total_points`` is the sum of the items' points."""

    quiz_id: str
    version: str
    title: str
    bank_id: str
    bank_fingerprint: str
    items: tuple[KeyItem, ...]
    multiple_scoring: str = "all-or-nothing"

    @property
    def total_points(self) -> float:
        """The items' points added (:func:`~studykit.model.add_points`)."""
        return add_points(i.points for i in self.items)

    def item(self, number: int) -> KeyItem:
        """The item printed as ``number``; raises ``KeyError`` if the paper has none."""
        for it in self.items:
            if it.number == number:
                return it
        raise KeyError(number)
