"""Field rules as data, and the one collector that walks a record against them.

pre-commit declares its config schema as data (``cfgv.Map('Hook', 'id', cfgv.Required('id',
cfgv.check_string), ...)``) and one walker checks it; studykit does the same here, with its own
small module because no library both keeps *every* problem (cfgv stops at the first) and keeps
studykit's pinned messages (in English and Chinese, through :func:`studykit.i18n._`).

A file format declares, per record kind, a :class:`Table` of :class:`Rule` s and the
:class:`Style` its messages take — the bank's in :mod:`studykit.bank.fields`, the answer key's in
:mod:`studykit.key.fields`, the YAML answer sheet's in :mod:`studykit.grade.readers.sheet`, the
grade report's (read by ``handout --from-report``) in :mod:`studykit.handout.report`; :func:`collect` walks one
mapping against a table, in the table's order, and appends every problem found to a list of
:class:`~studykit.errors.Problem` (file, line, ``where``, message), returning the checked values.

Shapes: a mapping is a ``dict`` (from :func:`studykit._yaml.load_text_yaml` a ``YMap`` carrying
``line``, the 1-based line of the record, and ``key_lines``, field → line; a mapping without them,
such as a JSON object, has line 0).  A value is text, ``None`` (written empty), a list, a mapping
or :data:`REFUSED` (a tag the YAML reader refused and already reported: never reported twice).

Checks that need more than one field's value (an answer key against the options, a source found
verbatim in its material) stay functions of the loader; a table names them as ``check`` s, so the
table still lists every field in the order it is checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from .errors import Problem

#: What a rule asks of a value: ``text`` (a ``str``), ``map``, ``list``, ``int``, ``number`` (an
#: int or float; a bool is neither), ``any`` (left to ``allowed`` and ``check``), or ``record``
#: (the rule's ``check`` reads the whole record itself: a cross-field check).
Kind = Literal["text", "map", "list", "int", "number", "any", "record"]

#: What a format counts as a field written empty: ``none`` — only ``null``/nothing; ``never`` —
#: nothing (an empty value is a value); ``blank text`` — also text of only whitespace in a text
#: field (the bank); ``empty text`` — also ``""`` in a required field (the answer key).
EmptyWhen = Literal["none", "never", "blank text", "empty text"]

#: The Python types of each kind (a bool, an ``int`` to Python, is no ``int`` nor ``number``).
_TYPES: dict[str, type | tuple[type, ...]] = {
    "text": str,
    "map": dict,
    "list": list,
    "int": int,
    "number": (int, float),
    "any": object,
}


class Refused:
    """Stands for a value whose YAML tag was refused (the problem is already reported)."""

    def __repr__(self) -> str:
        return "<refused>"


#: The single :class:`Refused` value (made here so the collector can pass it over; re-exported
#: by :mod:`studykit._yaml`, which gives it for a refused tag).
REFUSED = Refused()


class Invalid(Exception):
    """Raised by a value check (:attr:`Rule.check`) with the message(s) for the value it refuses
    (several: each reported, in order, at the field's line)."""

    def __init__(self, message: str, *more: str) -> None:
        super().__init__(message)
        self.messages = (message, *more)


@dataclass(frozen=True)
class Slot:
    """A field being checked, as a message sees it: the file's name, the record's ``where``
    (``"question 'ren-01'"``, ``"item 3"``; ``""`` at a file's top level), the rule and the value."""

    file: str
    where: str
    rule: Rule
    value: Any = None


#: A message of a :class:`Style` or :class:`Rule`: the text (already through ``_()``) for a slot.
Message = Callable[[Slot], str]


@dataclass(frozen=True)
class Rule:
    """One field of a record kind (or, with ``kind="record"``, one cross-field check).

    ``required`` — absent (or written empty) is a problem; else ``default`` stands for it, as it
    does for a value found wrong.  ``kind`` — see :data:`Kind`; a value of another kind gets
    ``wrong_kind`` (default: the style's).  ``pattern`` (``re.match``), ``allowed`` (the values the
    field may hold) and ``span`` (an inclusive ``(low, high)`` for a number): a value failing one
    gets ``invalid`` and reads as ``default``, unless ``keep_invalid`` (a bank id still names its
    record).  ``check`` — the name of a function the loader supplies: for a ``record`` rule
    ``check(mapping, where, values) -> value``, reporting its own problems; else ``check(value,
    line) -> value`` raising :class:`Invalid`, reported at the field's line.
    ``missing_at_record`` — a value written empty is reported at the record's line, not the key's.
    ``aliases`` — other names of the field (``答案`` for ``answers``), read when ``name`` is not written.
    """

    name: str
    required: bool = False
    kind: Kind = "text"
    pattern: re.Pattern[str] | None = None
    allowed: tuple[str, ...] = ()
    span: tuple[float, float] | None = None
    invalid: Message | None = None
    keep_invalid: bool = False
    check: str = ""
    default: Any = None
    missing_at_record: bool = False
    wrong_kind: Message | None = None
    aliases: tuple[str, ...] = ()


def _field_label(where: str, field: str) -> str:
    return f"{where}, field {field!r}" if where else f"field {field!r}"


@dataclass(frozen=True)
class Style:
    """How one file format words and places its field problems (each message through ``_()``).

    ``missing`` — a required field absent; ``empty`` — written empty (``None``: the ``missing``
    message); ``wrong_kind`` — a value of another kind; ``unknown`` — a field the table does not
    know, given its name and the known names; ``control`` — the problem of text no document can hold, or
    ``None``; ``strip`` — text is read stripped; ``empty_when`` — what counts as written empty
    (see :data:`EmptyWhen`); ``label`` — ``(where, field) -> where`` of a problem.
    """

    missing: Message
    wrong_kind: Message
    unknown: Callable[[str, tuple[str, ...]], str]
    empty_when: EmptyWhen
    empty: Message | None = None
    control: Callable[[str], str | None] | None = None
    strip: bool = False
    label: Callable[[str, str], str] = _field_label


@dataclass(frozen=True)
class Table:
    """The rules of one record kind, in the order they are checked (and problems reported).

    ``record`` names the kind (``"question"``); with ``named_by``, once that field is read the
    record is called ``"<record> '<value>'"`` in the problems after it.  ``fields`` — the known
    field names in the order messages list them (default: the rules' names); a field not among
    them is reported after the rule ``unknown_after`` (``""``: before every rule), unless
    ``closed`` is false (a JSON report holds more than a reader needs).  ``prefix`` goes before each
    field's name in a problem (``scoring.`` for ``field 'scoring.multiple'``).
    """

    record: str
    rules: tuple[Rule, ...]
    style: Style
    fields: tuple[str, ...] = ()
    named_by: str = ""
    unknown_after: str = ""
    closed: bool = True
    prefix: str = ""

    @cached_property
    def known(self) -> tuple[str, ...]:
        """The field names a record of this kind may hold."""
        return self.fields or tuple(r.name for r in self.rules)

    @cached_property
    def known_set(self) -> frozenset[str]:
        """:attr:`known` as a set."""
        return frozenset(self.known)

    @cached_property
    def plan(self) -> tuple[tuple[Rule, bool, bool, bool], ...]:
        """Per rule, as :func:`collect` walks it: the rule, whether a value of its kind may still
        be refused, whether it names the record, whether unknown fields are reported after it."""
        return tuple(
            (
                r,
                bool(r.pattern or r.allowed or r.span or r.check),
                r.name == self.named_by,
                self.closed and r.name == self.unknown_after,
            )
            for r in self.rules
        )


@dataclass
class Record:
    """What :func:`collect` read: each rule's checked value (its ``default`` where absent, refused
    or found wrong), by rule name, and the record's ``where`` as its last problems named it."""

    values: dict[str, Any]
    where: str

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


Checks = Mapping[str, Callable[..., Any]]


def collect(
    mapping: Mapping[str, Any],
    table: Table,
    problems: list[Problem],
    file: str,
    where: str = "",
    checks: Checks | None = None,
) -> Record:
    """Walk ``mapping`` against ``table``, appending every problem to ``problems`` (in the table's
    order, each a :class:`~studykit.errors.Problem` at the line of its field, or of the record for
    a missing one), and return the checked values.

    ``where`` names the record (``"question #3"``; ``""`` at a file's top level); ``checks`` maps
    the names the table's rules give as ``check`` to the loader's functions (see :class:`Rule`).
    Raises ``KeyError`` for a check the table names and ``checks`` lacks (a bug, not a user's mistake).
    """
    style = table.style
    record_line: int = getattr(mapping, "line", 0)
    key_lines: Mapping[str, int] = getattr(mapping, "key_lines", {})
    found = Record({}, where)
    values = found.values
    if table.closed and not table.unknown_after:
        _unknown(mapping, table, problems, file, where, key_lines)
    for rule, restricts, names, unknown_after in table.plan:
        if rule.kind == "record":
            values[rule.name] = (checks or {})[rule.check](mapping, found.where, values)
        else:
            value, problem, line = _read(mapping, rule, style, file, found.where, record_line, key_lines)
            if problem is not None:
                problems.append(Problem(file, line, style.label(found.where, table.prefix + rule.name), problem))
                value = None
            elif value is REFUSED:
                value = None
            if names and value:
                found.where = f"{table.record} {value!r}"
            if unknown_after:
                _unknown(mapping, table, problems, file, found.where, key_lines)
            if restricts and value is not None:
                value = _valid(value, rule, problems, file, found.where, table, line, checks)
            values[rule.name] = rule.default if value is None else value
            continue
        if unknown_after:
            _unknown(mapping, table, problems, file, found.where, key_lines)
    return found


def _unknown(
    mapping: Mapping[str, Any],
    table: Table,
    problems: list[Problem],
    file: str,
    where: str,
    key_lines: Mapping[str, int],
) -> None:
    known = table.known
    for name in mapping:
        if name not in table.known_set:
            label = table.style.label(where, table.prefix + name)
            problems.append(Problem(file, key_lines.get(name, 0), label, table.style.unknown(name, known)))


def _read(
    mapping: Mapping[str, Any],
    rule: Rule,
    style: Style,
    file: str,
    where: str,
    record_line: int,
    key_lines: Mapping[str, int],
) -> tuple[Any, str | None, int]:
    """The field's value (text stripped where the style strips), or ``None`` with the problem of
    its presence, emptiness, kind or characters (``None`` when there is none) and its line."""
    name = rule.name
    if name not in mapping:
        name = next((alias for alias in rule.aliases if alias in mapping), "")
        if not name:
            return None, style.missing(Slot(file, where, rule)) if rule.required else None, record_line
    value = mapping[name]
    line = key_lines.get(name, record_line)
    if value is REFUSED:  # already reported
        return REFUSED, None, line
    if value is None:
        blank = style.empty_when != "never"
    elif isinstance(value, str) and style.empty_when in ("blank text", "empty text"):
        blank = (rule.kind == "text" and not value.strip()) if style.empty_when == "blank text" else not value
        blank = blank and (rule.required or style.empty_when == "blank text")
    else:
        blank = False
    if blank:
        if not rule.required:
            return None, None, line
        message = (style.empty or style.missing)(Slot(file, where, rule, value))
        return None, message, record_line if rule.missing_at_record else line
    if not isinstance(value, _TYPES[rule.kind]) or (value.__class__ is bool and rule.kind in ("int", "number")):
        return None, (rule.wrong_kind or style.wrong_kind)(Slot(file, where, rule, value)), line
    if rule.kind == "text" and isinstance(value, str):
        problem = style.control(value) if style.control is not None else None
        if problem:
            return None, problem, line
        if style.strip:
            value = value.strip()
    return value, None, line


def _valid(
    value: Any,
    rule: Rule,
    problems: list[Problem],
    file: str,
    where: str,
    table: Table,
    line: int,
    checks: Checks | None,
) -> Any:
    """``value`` past the rule's ``pattern``, ``allowed``, ``span`` and value ``check``; each
    problem appended at ``line``; ``None`` for a value found wrong."""
    outside = (
        (rule.pattern is not None and not rule.pattern.match(value))
        or (rule.allowed and value not in rule.allowed)
        or (rule.span is not None and not rule.span[0] <= value <= rule.span[1])
    )
    if outside:
        assert rule.invalid is not None, f"rule {rule.name!r} restricts its values but has no invalid message"
        label = table.style.label(where, table.prefix + rule.name)
        problems.append(Problem(file, line, label, rule.invalid(Slot(file, where, rule, value))))
        if not rule.keep_invalid:
            return None
    if rule.check:
        try:
            return (checks or {})[rule.check](value, line)
        except Invalid as exc:
            label = table.style.label(where, table.prefix + rule.name)
            problems.extend(Problem(file, line, label, message) for message in exc.messages)
            return None
    return value
