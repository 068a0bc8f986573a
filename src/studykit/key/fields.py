"""The answer key's fields as data (:data:`KEY_TABLE`, :data:`SCORING_TABLE`, :data:`ITEM_TABLE`,
walked by :func:`studykit.fieldrules.collect`; what a missing field should hold) and the
:class:`Collector` of problems the key reader builds on."""

from __future__ import annotations

import re
from typing import Any

from ..errors import Problem
from ..fieldrules import Checks, Record, Rule, Style, Table, collect
from ..i18n import _, either, join
from ..key_model import MULTIPLE_SCORING as MULTIPLE_SCORING  # defined with the key's data: grading needs it
from ..model import QUESTION_TYPES

#: The fields :func:`dump_key` writes, in its order: at the top of the key, in ``scoring``, in an item.
KEY_FIELDS = (
    "studykit_key", "quiz_id", "version", "title", "bank_id", "bank_fingerprint", "scoring", "total_points", "items",
)  # fmt: skip


SCORING_FIELDS = ("multiple",)


ITEM_FIELDS = ("number", "question_id", "type", "speech", "points", "stem", "options", "answer", "correct")


#: Points of one item: more than 0 and at most this (as ``studykit quiz --points`` allows).
MAX_ITEM_POINTS = 100


#: Decimals an item's points may have (as ``studykit quiz --points`` allows; trailing zeros do not count).
MAX_POINT_DECIMALS = 2


def required_hint(field: str) -> str:
    """What a required field holds, for the message when it is missing (in the interface language)."""
    return {
        "quiz_id": _("the quiz id, e.g. szzl-hubei-daily-7-3f2a9c01"),
        "bank_id": _("the id of the bank the quiz was made from"),
        "items": _("the list of the paper's items"),
        "number": _("the item's number as printed on the paper"),
        "question_id": _("the id of the bank's question"),
        "type": _("one of: {types}").format(types=join(QUESTION_TYPES)),
        "points": _("the item's points, more than 0 and at most {limit}").format(limit=MAX_ITEM_POINTS),
    }[field]


def answer_hint(qtype: str) -> str:
    """What an item's answer holds, by type, for messages (in the interface language)."""
    return {
        "single": _("one option letter, e.g. [B]"),
        "multiple": _("the correct option letters, e.g. [A, C]"),
        "true_false": _("[true] or [false]"),
        "fill_blank": _("the blank's text, or a list of accepted texts"),
    }[qtype]


NUMBER_RE = re.compile(r"[0-9]+", re.ASCII)


DECIMAL_RE = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+", re.ASCII)


def _show(value: Any) -> str:
    """:func:`studykit._yaml.show_value`, imported when a message needs it: a key read from the
    cache is never parsed, so grading does not import the YAML reader."""
    from .._yaml import show_value

    return show_value(value)


def list_entries(raw: Any) -> list[tuple[Any, int]]:
    """``(entry, line)`` of a list field, a single text standing for a one-entry list."""
    from .._yaml import YList

    if isinstance(raw, YList):
        return list(zip(raw, raw.item_lines, strict=True))
    return [(raw, 0)]


def missing_message(expected: str) -> str:
    """A required field is missing: ``missing (expected EXPECTED; studykit quiz writes it)``."""
    return _("missing (expected {value}; studykit quiz writes it)").format(value=expected)


#: How the answer key words a field's problem (pinned by tests/data/bad_keys); a field's ``where``
#: ends in ", " (``"item 3, "``) or is ``""`` at the top, so the problem reads ``item 3, field 'points'``.
KEY_STYLE = Style(
    missing=lambda s: missing_message(required_hint(s.rule.name)),
    wrong_kind=lambda s: _("{value} (expected text)").format(value=_show(s.value)),
    unknown=lambda name, known: _("unknown field (expected one of: {items})").format(items=join(known)),
    empty_when="empty text",
    label=lambda where, field: f"{where}field {field!r}",
)

#: The key's top level (``studykit_key``, the format, is checked before: another format is refused whole).
KEY_TABLE = Table(
    "key",
    (
        Rule("quiz_id", required=True),
        Rule("bank_id", required=True),
        Rule("version", default=""),
        Rule("title", default=""),
        Rule("bank_fingerprint", default=""),
        Rule("scoring", kind="record", check="scoring"),
        Rule("items", kind="record", check="items"),
        Rule("total_points", kind="record", check="total"),  # the items' sum
    ),
    KEY_STYLE,
    fields=KEY_FIELDS,
)

#: ``scoring:`` — the rule for multiple-choice items printed on the paper.
SCORING_TABLE = Table(
    "scoring",
    (
        Rule(
            "multiple",
            kind="any",
            allowed=MULTIPLE_SCORING,
            invalid=lambda s: _("{rule} is not a scoring rule for multiple-choice items (expected {items})").format(
                rule=_show(s.value), items=either(MULTIPLE_SCORING)
            ),
            default="all-or-nothing",
        ),
    ),
    KEY_STYLE,
    fields=SCORING_FIELDS,
    prefix="scoring.",
)

#: One item of ``items:``; ``number`` (unique) and ``points`` are checks of the reader, ``answers``
#: reads ``options``, ``answer`` and ``correct`` by the item's type.
ITEM_TABLE = Table(
    "item",
    (
        Rule("number", required=True, kind="any", check="number", missing_at_record=True),
        Rule("question_id", required=True),
        Rule("speech", default=""),
        Rule("stem", default=""),
        Rule("points", required=True, kind="any", check="points", missing_at_record=True),
        Rule(
            "type",
            required=True,
            kind="any",
            allowed=QUESTION_TYPES,
            invalid=lambda s: _("{value} is not a question type (expected {value2})").format(
                value=_show(s.value), value2=required_hint("type")
            ),
            missing_at_record=True,
        ),
        Rule("answers", kind="record", check="answers"),
    ),
    KEY_STYLE,
    fields=ITEM_FIELDS,
)


class Collector:
    """Collects a key's problems (:class:`~studykit.errors.Problem`, each with its line);
    :class:`~studykit.key.reader.KeyReader` builds on it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, where, message))

    def walk(self, mapping: Any, table: Table, where: str, checks: Checks) -> Record:
        """``mapping`` read against ``table`` (:func:`~studykit.fieldrules.collect`), its problems collected."""
        return collect(mapping, table, self.problems, self.name, where, checks)
