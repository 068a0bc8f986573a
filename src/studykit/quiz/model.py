"""A quiz as data: :class:`Paper` of :class:`Section` of :class:`Item`, the default points and
mix, and the point and seed rules (:func:`format_points`, :func:`parse_points`, :func:`pick_seed`)."""

from __future__ import annotations

import decimal
import secrets
from dataclasses import dataclass

from ..errors import OptionError
from ..i18n import _
from ..key import AnswerKey, KeyItem
from ..mix import DEFAULT_MIX, halfwidth, type_pair
from ..model import (
    LETTERS,
    QUESTION_TYPES,
    TRUE_FALSE_TEXT,
    TYPE_TITLES,
    Question,
    QuestionType,
    Speech,
    add_points,
    source_line,
)
from ..typography import for_print

#: Questions on a paper when no count is given (or all that match, if fewer).
DEFAULT_COUNT = sum(DEFAULT_MIX.values())


#: Points per item by type when ``points`` does not say otherwise: 8×5 + 4×6 + 4×4 + 4×5 = 100.
DEFAULT_POINTS: dict[QuestionType, float] = {"single": 5, "multiple": 6, "true_false": 4, "fill_blank": 5}


#: The standard paper's total (满分).
DEFAULT_TOTAL = 100


#: Share of a paper that byline items (speaker, post, "who said") may fill by default: they
#: test the page's bylines, not the speeches, so they stay a small part of a paper (issue 15).
MAX_BYLINE_SHARE = 0.15


#: The scoring rule of multiple-choice items, as printed in the section heading.
MULTIPLE_RULE = "多选、少选、错选均不得分"


#: Chinese ordinals for section headings.
ORDINALS = "一二三四五六七八九十"


#: The most points one item can carry (``--points``).
MAX_POINTS = 100
#: The most a paper may total (``quiz --total``, ``build_papers(total=…)``).
MAX_TOTAL = 10000


#: Seeds picked when none is given are below this (short enough to retype).
SEED_LIMIT = 1_000_000


def format_points(points: float) -> str:
    """``2.0`` → ``"2"``, ``1.5`` → ``"1.5"``, ``0.1 + 0.2`` → ``"0.3"``: points as printed,
    to at most 2 decimals and never with an exponent."""
    return f"{points:.2f}".rstrip("0").rstrip(".")


def pick_seed() -> int:
    """A fresh seed in ``[0, SEED_LIMIT)`` for a paper asked for without one."""
    return secrets.randbelow(SEED_LIMIT)


def parse_points(text: str) -> tuple[QuestionType, float]:
    """Parse ``TYPE=N`` (e.g. ``"multiple=4"``, ``"single=1.5"``) into ``(type, points)``.

    Raises :class:`~studykit.errors.OptionError` (a ``ValueError``) with a message saying what was expected when the
    type is unknown or N is not a number with 0 < N ≤ :data:`MAX_POINTS` and at
    most 2 decimals.  Full-width ``＝`` and digits are read as their ASCII forms.
    """
    text = halfwidth(text)
    name, value = type_pair(text, _("{text!r} is not TYPE=N (e.g. multiple=4)").format(text=text))
    try:
        exact = decimal.Decimal(value)
    except decimal.InvalidOperation:
        raise OptionError(
            _("{value!r} in {text!r} is not a number of points (e.g. {name}=2)").format(
                value=value, text=text, name=name
            )
        ) from None
    if not (exact.is_finite() and 0 < exact <= MAX_POINTS and exact == exact.quantize(decimal.Decimal("0.01"))):
        raise OptionError(
            _(
                "{value!r} in {text!r}: points must be above 0 and at most {most}, with at most 2 decimals (e.g. 1.5)"
            ).format(value=value, text=text, most=MAX_POINTS)
        )
    return name, float(exact)


@dataclass(frozen=True)
class Item:
    """One question as printed on one version of a paper.

    ``stem`` and ``options`` are as printed (:func:`~studykit.typography.for_print`:
    ASCII ``, ; : ( )`` between Chinese characters full-width).
    ``stem`` is the printed stem (a choice stem or true/false statement ends with
    ``（ ）``; a fill_blank stem keeps its ``____`` blank for the renderer to
    draw); ``options`` are in printed order; ``answer`` holds the printed letters
    (choice types), ``("true",)``/``("false",)``, or the accepted texts.
    ``points`` is in points.
    """

    number: int
    question: Question
    speech: Speech
    stem: str
    options: tuple[str, ...]
    answer: tuple[str, ...]
    points: float

    @property
    def type(self) -> QuestionType:
        return self.question.type

    @property
    def correct(self) -> tuple[str, ...]:
        """The texts of the correct options in printed order (choice types only, else ``()``)."""
        if not self.question.is_choice:
            return ()
        return tuple(self.options[LETTERS.index(a)] for a in self.answer)

    @property
    def lettered_options(self) -> tuple[tuple[str, str], ...]:
        """``(("A", text), ("B", text), …)`` in printed order."""
        return tuple(zip(LETTERS, self.options, strict=False))

    @property
    def answer_text(self) -> str:
        """The answer as the 参考答案 prints it: ``"B（华中师范大学）"``, ``"对"``/``"错"`` (as the paper
        tells members to write it), the blank's text (:func:`~studykit.typography.for_print`)."""
        if self.question.is_choice:
            return f"{''.join(self.answer)}（{'；'.join(self.correct)}）"
        if self.type == "true_false":
            return TRUE_FALSE_TEXT[self.answer[0]]
        extra = f"（也可答：{'；'.join(self.answer[1:])}）" if len(self.answer) > 1 else ""
        return for_print(self.answer[0] + extra)

    @property
    def explanation(self) -> str:
        """The 解析 as printed (:func:`~studykit.typography.for_print`)."""
        return for_print(self.question.explanation)

    @property
    def source_line(self) -> str:
        """出处: ``任剑涛《大都市是省域治理重要落点》：“…”`` (导语 for the introduction).

        The source is quoted with inner quotation marks turned into ‘ ’, Chinese style.
        """
        s = self.speech
        return source_line(
            s.speaker, s.heading, self.question.source, intro=s.is_intro, article=s.article, untitled=s.untitled
        )


@dataclass(frozen=True)
class Section:
    """The items of one type, e.g. 一、单项选择题（每题2分，共10分）."""

    ordinal: str
    type: QuestionType
    points_each: float
    items: tuple[Item, ...]

    @property
    def title(self) -> str:
        return TYPE_TITLES[self.type]

    @property
    def total_points(self) -> float:
        return add_points(i.points for i in self.items)

    @property
    def heading(self) -> str:
        """``"二、多项选择题（每题3分，共6分。多选、少选、错选均不得分）"``."""
        rule = f"。{MULTIPLE_RULE}" if self.type == "multiple" else ""
        each, total = format_points(self.points_each), format_points(self.total_points)
        return f"{self.ordinal}、{self.title}（每题{each}分，共{total}分{rule}）"


@dataclass(frozen=True)
class Paper:
    """One version of a quiz: header data and sections in print order.

    ``version`` is ``"A"``, ``"B"``, … or ``""`` for a quiz printed in one version.
    ``seed`` is the seed the selection and shuffles were drawn with.
    """

    quiz_id: str
    version: str
    title: str
    bank_id: str
    bank_fingerprint: str
    seed: int
    sections: tuple[Section, ...]

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    @property
    def total_points(self) -> float:
        return add_points(i.points for i in self.items)

    @property
    def id_line(self) -> str:
        """``"测验编号：mini-test-7-1a2b3c4d　版本：A　满分：34分"`` (no 版本 without versions)."""
        parts = [f"测验编号：{self.quiz_id}"]
        if self.version:
            parts.append(f"版本：{self.version}")
        parts.append(f"满分：{format_points(self.total_points)}分")
        return "　".join(parts)

    @property
    def instruction(self) -> str:
        """The one-line instruction under the header, naming only the types on this paper."""
        how = {
            "single": "选择题将正确选项的字母填在括号内",
            "multiple": "",
            "true_false": "判断题正确的填“对”、错误的填“错”",
            "fill_blank": "填空题在横线上填写原文",
        }
        types = {s.type for s in self.sections}
        if "multiple" in types:
            types.add("single")
        parts = [how[t] for t in QUESTION_TYPES if t in types and how[t]]
        return f"本卷共{len(self.items)}题。" + "；".join(parts) + "。"

    def key(self) -> AnswerKey:
        """The answer key of this version (for :func:`~studykit.key.dump_key`)."""
        return AnswerKey(
            quiz_id=self.quiz_id,
            version=self.version,
            title=self.title,
            bank_id=self.bank_id,
            bank_fingerprint=self.bank_fingerprint,
            items=tuple(
                KeyItem(
                    number=i.number,
                    question_id=i.question.id,
                    type=i.type,
                    speech=i.speech.id,
                    points=i.points,
                    stem=i.stem,
                    answer=i.answer,
                    options=i.options,
                    correct=i.correct,
                )
                for i in self.items
            ),
        )
