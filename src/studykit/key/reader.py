"""Reading a key's mapping into an :class:`~studykit.key_model.AnswerKey`, collecting every problem."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._yaml import YList, YMap
from .._yaml import show_value as _show
from ..fieldrules import Invalid
from ..i18n import _, join
from ..key_model import AnswerKey, KeyItem
from ..model import CHOICE_TYPES, QuestionType, add_points
from .answers import AnswerReader
from .fields import (
    DECIMAL_RE,
    ITEM_FIELDS,
    ITEM_TABLE,
    KEY_TABLE,
    MAX_ITEM_POINTS,
    MAX_POINT_DECIMALS,
    NUMBER_RE,
    SCORING_TABLE,
    answer_hint,
    missing_message,
    required_hint,
)


class KeyReader(AnswerReader):
    """Reads a key's mapping into an :class:`AnswerKey`, collecting every problem it finds.

    Every check names the line of the offending field (of the entry, for one entry of a list);
    a check that depends on a field found wrong is skipped, so one mistake gives one message.
    """

    def read(self, data: YMap) -> AnswerKey | None:
        checks: dict[str, Callable[..., Any]] = {"scoring": self.scoring, "items": self.items, "total": self.total}
        key = self.walk(data, KEY_TABLE, "", checks)
        if self.problems:
            return None
        return AnswerKey(
            quiz_id=key["quiz_id"],
            version=key["version"],
            title=key["title"],
            bank_id=key["bank_id"],
            bank_fingerprint=key["bank_fingerprint"],
            items=tuple(key["items"]),
            multiple_scoring=key["scoring"],
        )

    def scoring(self, data: YMap, where: str, values: dict[str, Any]) -> str | None:
        scoring = data.get("scoring")
        if scoring is None:
            return "all-or-nothing"
        if not isinstance(scoring, YMap):
            self.error(
                data.key_lines["scoring"],
                "field 'scoring'",
                _("{scoring} (expected a mapping such as scoring: {{multiple: all-or-nothing}})").format(
                    scoring=_show(scoring)
                ),
            )
            return None
        return str(self.walk(scoring, SCORING_TABLE, "", {})["multiple"])

    def items(self, data: YMap, where: str, values: dict[str, Any]) -> list[KeyItem] | None:
        raw_items = data.get("items")
        line = data.key_lines.get("items", data.line)
        if raw_items is None:
            self.error(line, "field 'items'", missing_message(required_hint("items")))
            return None
        if not isinstance(raw_items, YList):
            self.error(
                line,
                "field 'items'",
                _("{raw_items} (expected {value})").format(raw_items=_show(raw_items), value=required_hint("items")),
            )
            return None
        if not raw_items:
            self.error(
                line,
                "field 'items'",
                _("no items (expected {value}; studykit quiz writes them)").format(value=required_hint("items")),
            )
            return None
        items: list[KeyItem] = []
        numbers: dict[int, int] = {}  # item number → line of its number field
        checks: dict[str, Callable[..., Any]] = {
            "number": lambda value, line: self.number(value, line, numbers),
            "points": points,
            "answers": self.answers,
        }
        complete = True
        for position, (raw, item_line) in enumerate(zip(raw_items, raw_items.item_lines, strict=True), 1):
            if not isinstance(raw, YMap):
                self.error(
                    item_line,
                    f"entry {position} of 'items'",
                    _("{raw} (expected an item: a mapping of {items})").format(raw=_show(raw), items=join(ITEM_FIELDS)),
                )
                complete = False
                continue
            written = raw.get("number")
            label = f"item {written}, " if isinstance(written, str) and written else f"entry {position} of 'items', "
            errors = len(self.problems)
            item = self.walk(raw, ITEM_TABLE, label, checks)
            if len(self.problems) > errors:
                complete = False
                continue
            options, answer, correct = item["answers"]
            items.append(
                KeyItem(
                    number=item["number"],
                    question_id=item["question_id"],
                    type=item["type"],
                    speech=item["speech"],
                    points=item["points"],
                    stem=item["stem"],
                    answer=answer,
                    options=options,
                    correct=correct,
                )
            )
        return items if complete else None

    def answers(self, raw: YMap, where: str, values: dict[str, Any]) -> tuple[Any, Any, Any]:
        """``(options, answer, correct)`` of an item, read by its type (``None`` for one found wrong)."""
        qtype: QuestionType | None = values["type"]
        if qtype is None:
            return (), None, ()
        options = self.options(raw, where, qtype)
        answer: tuple[str, ...] | None = None
        if raw.get("answer") is None:
            self.error(
                raw.key_lines.get("answer", raw.line), f"{where}field 'answer'", missing_message(answer_hint(qtype))
            )
        elif qtype in CHOICE_TYPES:
            answer = self.letters(raw, where, qtype, options) if options is not None else None
        elif qtype == "true_false":
            answer = self.truth(raw, where)
        else:
            answer = self.blank(raw, where)
        return options, answer, self.correct(raw, where, qtype, options, answer)

    @staticmethod
    def number(value: Any, line: int, numbers: dict[int, int]) -> int:
        """An item's number: a whole number, 1 or more, no other item's."""
        if not isinstance(value, str) or not NUMBER_RE.fullmatch(value) or len(value) > 9 or int(value) < 1:
            raise Invalid(
                _("{value} is not an item number (expected a whole number, 1 or more, as printed on the paper)").format(
                    value=_show(value)
                )
            )
        number = int(value)
        if number in numbers:
            raise Invalid(
                _(
                    "{number} is also the number of the item at line {value} (expected each item's own number, as printed on the paper)"
                ).format(number=number, value=numbers[number])
            )
        numbers[number] = line
        return number

    def total(self, data: YMap, where: str, values: dict[str, Any]) -> None:
        items: list[KeyItem] | None = values["items"]
        if items is None or data.get("total_points") is None:
            return
        value = data["total_points"]
        line = data.key_lines["total_points"]
        total = add_points(i.points for i in items)
        shown = f"{total:.2f}".rstrip("0").rstrip(".")
        if not isinstance(value, str) or not DECIMAL_RE.fullmatch(value):
            self.error(
                line,
                "field 'total_points'",
                _("{value} is not a number (expected {shown}, the sum of the items' points)").format(
                    value=_show(value), shown=shown
                ),
            )
        elif abs(float(value) - total) >= 0.005:
            self.error(
                line,
                "field 'total_points'",
                _(
                    "{value} is not the sum of the items' points, {shown} (expected the two to agree: correct total_points or the items' points)"
                ).format(value=value, shown=shown),
            )


def points(value: Any, line: int) -> float:
    """An item's points: more than 0, at most :data:`MAX_ITEM_POINTS`, at most :data:`MAX_POINT_DECIMALS` decimals."""
    points = float(value) if isinstance(value, str) and DECIMAL_RE.fullmatch(value) else None
    if points is None or not 0 < points <= MAX_ITEM_POINTS:
        raise Invalid(
            _(
                "{value} is not a number of points (expected more than 0, at most {limit}, as studykit quiz writes)"
            ).format(value=_show(value), limit=MAX_ITEM_POINTS)
        )
    decimals = len(value.partition(".")[2].rstrip("0"))
    if decimals > MAX_POINT_DECIMALS:
        raise Invalid(
            _("{value} has {decimals} decimals (expected at most {limit} decimals, as studykit quiz writes)").format(
                value=_show(value), decimals=decimals, limit=MAX_POINT_DECIMALS
            )
        )
    return points
