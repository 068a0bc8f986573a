"""Reading a key's mapping into an :class:`~studykit.key_model.AnswerKey`, collecting every problem."""

from __future__ import annotations

from .._yaml import YList, YMap
from .._yaml import show_value as _show
from ..i18n import _
from ..key_model import AnswerKey, KeyItem
from ..model import CHOICE_TYPES, QUESTION_TYPES, QuestionType, add_points
from .answers import AnswerReader
from .fields import (
    DECIMAL_RE,
    ITEM_FIELDS,
    KEY_FIELDS,
    MAX_ITEM_POINTS,
    MAX_POINT_DECIMALS,
    MULTIPLE_SCORING,
    NUMBER_RE,
    SCORING_FIELDS,
    answer_hint,
    required_hint,
)


class KeyReader(AnswerReader):
    """Reads a key's mapping into an :class:`AnswerKey`, collecting every problem it finds.

    Every check names the line of the offending field (of the entry, for one entry of a list);
    a check that depends on a field found wrong is skipped, so one mistake gives one message.
    """

    def read(self, data: YMap) -> AnswerKey | None:
        self.unknown_fields(data, KEY_FIELDS, "")
        quiz_id = self.text(data, "quiz_id", "", required=True)
        bank_id = self.text(data, "bank_id", "", required=True)
        version = self.text(data, "version", "", required=False)
        title = self.text(data, "title", "", required=False)
        fingerprint = self.text(data, "bank_fingerprint", "", required=False)
        multiple = self.scoring(data)
        items = self.items(data)
        if items is not None:
            self.total(data, items)
        if self.problems:
            return None
        assert quiz_id and bank_id and version is not None and title is not None and fingerprint is not None
        assert multiple is not None and items is not None
        return AnswerKey(
            quiz_id=quiz_id,
            version=version,
            title=title,
            bank_id=bank_id,
            bank_fingerprint=fingerprint,
            items=tuple(items),
            multiple_scoring=multiple,
        )

    def scoring(self, data: YMap) -> str | None:
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
        self.unknown_fields(scoring, SCORING_FIELDS, "", "scoring.")
        rule = scoring.get("multiple")
        if rule is None:
            return "all-or-nothing"
        if rule not in MULTIPLE_SCORING:
            self.error(
                scoring.key_lines["multiple"],
                "field 'scoring.multiple'",
                _("{rule} is not a scoring rule for multiple-choice items (expected {items})").format(
                    rule=_show(rule), items=" or ".join(MULTIPLE_SCORING)
                ),
            )
            return None
        return str(rule)

    def items(self, data: YMap) -> list[KeyItem] | None:
        raw_items = data.get("items")
        line = data.key_lines.get("items", data.line)
        if raw_items is None:
            self.missing(line, "field 'items'", required_hint("items"))
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
        complete = True
        for position, (raw, item_line) in enumerate(zip(raw_items, raw_items.item_lines, strict=True), 1):
            if not isinstance(raw, YMap):
                self.error(
                    item_line,
                    f"entry {position} of 'items'",
                    _("{raw} (expected an item: a mapping of {items})").format(
                        raw=_show(raw), items=", ".join(ITEM_FIELDS)
                    ),
                )
                complete = False
                continue
            item = self.item(raw, position, numbers)
            if item is None:
                complete = False
            else:
                items.append(item)
        return items if complete else None

    def item(self, raw: YMap, position: int, numbers: dict[int, int]) -> KeyItem | None:
        written = raw.get("number")
        where = f"item {written}, " if isinstance(written, str) and written else f"entry {position} of 'items', "
        errors = len(self.problems)
        self.unknown_fields(raw, ITEM_FIELDS, where)
        number = self.number(raw, where, numbers)
        question_id = self.text(raw, "question_id", where, required=True)
        speech = self.text(raw, "speech", where, required=False)
        stem = self.text(raw, "stem", where, required=False)
        points = self.points(raw, where)
        qtype = self.qtype(raw, where)
        options: tuple[str, ...] | None = ()
        answer: tuple[str, ...] | None = None
        correct: tuple[str, ...] | None = ()
        if qtype is not None:
            options = self.options(raw, where, qtype)
            if raw.get("answer") is None:
                self.missing(raw.key_lines.get("answer", raw.line), f"{where}field 'answer'", answer_hint(qtype))
            elif qtype in CHOICE_TYPES:
                answer = self.letters(raw, where, qtype, options) if options is not None else None
            elif qtype == "true_false":
                answer = self.truth(raw, where)
            else:
                answer = self.blank(raw, where)
            correct = self.correct(raw, where, qtype, options, answer)
        if len(self.problems) > errors:
            return None
        assert number is not None and question_id and speech is not None and stem is not None
        assert points is not None and qtype is not None and options is not None and answer is not None
        assert correct is not None
        return KeyItem(
            number=number,
            question_id=question_id,
            type=qtype,
            speech=speech,
            points=points,
            stem=stem,
            answer=answer,
            options=options,
            correct=correct,
        )

    def number(self, raw: YMap, where: str, numbers: dict[int, int]) -> int | None:
        value = raw.get("number")
        label = f"{where}field 'number'"
        if value is None or value == "":
            self.missing(raw.line, label, required_hint("number"))
            return None
        line = raw.key_lines["number"]
        if not isinstance(value, str) or not NUMBER_RE.fullmatch(value) or len(value) > 9 or int(value) < 1:
            self.error(
                line,
                label,
                _("{value} is not an item number (expected a whole number, 1 or more, as printed on the paper)").format(
                    value=_show(value)
                ),
            )
            return None
        number = int(value)
        if number in numbers:
            self.error(
                line,
                label,
                _(
                    "{number} is also the number of the item at line {value} (expected each item's own number, as printed on the paper)"
                ).format(number=number, value=numbers[number]),
            )
            return None
        numbers[number] = line
        return number

    def points(self, raw: YMap, where: str) -> float | None:
        value = raw.get("points")
        label = f"{where}field 'points'"
        if value is None or value == "":
            self.missing(raw.line, label, required_hint("points"))
            return None
        points = float(value) if isinstance(value, str) and DECIMAL_RE.fullmatch(value) else None
        if points is None or not 0 < points <= MAX_ITEM_POINTS:
            self.error(
                raw.key_lines["points"],
                label,
                _(
                    "{value} is not a number of points (expected more than 0, at most {limit}, as studykit quiz writes)"
                ).format(value=_show(value), limit=MAX_ITEM_POINTS),
            )
            return None
        decimals = len(value.partition(".")[2].rstrip("0"))
        if decimals > MAX_POINT_DECIMALS:
            self.error(
                raw.key_lines["points"],
                label,
                _(
                    "{value} has {decimals} decimals (expected at most {limit} decimals, as studykit quiz writes)"
                ).format(value=_show(value), decimals=decimals, limit=MAX_POINT_DECIMALS),
            )
            return None
        return points

    def qtype(self, raw: YMap, where: str) -> QuestionType | None:
        value = raw.get("type")
        label = f"{where}field 'type'"
        if value is None or value == "":
            self.missing(raw.line, label, required_hint("type"))
            return None
        for t in QUESTION_TYPES:
            if value == t:
                return t
        self.error(
            raw.key_lines["type"],
            label,
            _("{value} is not a question type (expected {value2})").format(
                value=_show(value), value2=required_hint("type")
            ),
        )
        return None

    def total(self, data: YMap, items: list[KeyItem]) -> None:
        if data.get("total_points") is None:
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
