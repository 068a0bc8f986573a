"""The answer key's fields as data (which exist, what a missing one should hold) and the
:class:`Collector` of problems the key reader builds on."""

from __future__ import annotations

import re
from typing import Any

from .._yaml import YList, YMap
from .._yaml import show_value as _show
from ..errors import Problem
from ..i18n import _
from ..model import QUESTION_TYPES

MULTIPLE_SCORING = ("all-or-nothing", "partial")


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
        "type": _("one of: {types}").format(types=", ".join(QUESTION_TYPES)),
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


def list_entries(raw: Any) -> list[tuple[Any, int]]:
    """``(entry, line)`` of a list field, a single text standing for a one-entry list."""
    if isinstance(raw, YList):
        return list(zip(raw, raw.item_lines, strict=True))
    return [(raw, 0)]


class Collector:
    """Collects a key's problems (:class:`~studykit.errors.Problem`, each with its line) and reads
    its plain fields; :class:`~studykit.key.reader.KeyReader` builds on it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, where, message))

    def missing(self, line: int, label: str, expected: str) -> None:
        """A required field is missing: ``missing (expected EXPECTED; studykit quiz writes it)``."""
        self.error(line, label, _("missing (expected {value}; studykit quiz writes it)").format(value=expected))

    def unknown_fields(self, m: YMap, known: tuple[str, ...], where: str, parent: str = "") -> None:
        for f in m:
            if f not in known:
                self.error(
                    m.key_lines[f],
                    f"{where}field {parent + f!r}",
                    _("unknown field (expected one of: {items})").format(items=", ".join(known)),
                )

    def text(self, m: YMap, f: str, where: str, *, required: bool) -> str | None:
        """The text of field ``f``: ``""`` when optional and absent, ``None`` after an error."""
        value = m.get(f)
        label = f"{where}field {f!r}"
        if value is None or value == "":
            if required:
                self.missing(m.key_lines.get(f, m.line), label, required_hint(f))
                return None
            return ""
        if not isinstance(value, str):
            self.error(m.key_lines[f], label, _("{value} (expected text)").format(value=_show(value)))
            return None
        return value
