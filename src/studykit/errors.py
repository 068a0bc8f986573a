"""The one family of user errors studykit raises.

Every mistake a user can make (a broken bank, an unreadable answer sheet, a bad
option) raises a subclass of :class:`StudykitError`.  The library knows nothing of
click; ``studykit.cli`` turns these into ``Error: …`` on stderr and exit status 1.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._lazy import lazy_pattern
from .i18n import _, retell

#: One part of a ``where`` ("question 'tian-yipeng-03'", "field 'answer'"): its kind and what it names.
_WHERE_PART = lazy_pattern(
    r"(question|speech|part|field|key|item) ('.*'|\".*\"|#\d+|\d+|(?<=item )[^\s'\"#]\S*)|(bank|speeches|questions)|entry (\d+) of ('\w+')",
    re.DOTALL,
)
#: A ``where`` cut before each part that starts a new kind ("question 'a, b', field 'c'" → 2 parts).
_WHERE_SPLIT = lazy_pattern(
    r", (?=(?:question|speech|part|field|key|item) |bank\b|speeches\b|questions\b|entry \d+ of )"
)


def _where_part(part: str) -> str:
    match = _WHERE_PART().fullmatch(part)
    if not match:
        return part
    kind, name, bank, entry, field = match.groups()
    if bank == "speeches":
        return _("speeches")  # the bank's list of speeches
    if bank == "questions":
        return _("questions")  # the bank's list of questions
    if bank:
        return _("bank")
    if entry:
        return _("entry {number} of {field}").format(number=entry, field=field)
    if kind == "question" and name.isdigit():
        return _("question {number}").format(number=name)
    if kind == "item" and name[0] not in "'\"#":  # a number, or what a key wrote as one ('1.5')
        return _("item {number}").format(number=name)
    return {
        "question": _("question {id}"),
        "speech": _("speech {id}"),
        "part": _("part {id}"),  # a part of the article without a speaker (intro, part-1)
        "field": _("field {name}"),
        "key": _("key {name}"),
        "item": _("item {id}"),
    }[kind].format(id=name, name=name)


def localize_where(where: str) -> str:
    """``where`` ("question 'tian-yipeng-03', field 'answer'") in the interface language
    (Chinese: "题目 'tian-yipeng-03'，字段 'answer'"); parts of another shape (a member's name)
    stay as they are, and English comes back unchanged."""
    parts = _WHERE_SPLIT().split(where)
    text = _where_part(parts[0])
    for part in parts[1:]:
        text = _("{where}, {part}").format(where=text, part=_where_part(part))
    return text


@dataclass(frozen=True)
class Problem:
    """One finding about a file, located to a line.

    ``file`` is the path as the user gave it (a part whose bytes are not UTF-8 shown
    decoded as GB18030, else with ``�``, so it can be printed), ``line`` is 1-based (0 when the
    problem concerns the whole file), ``where`` names the record and field, e.g.
    ``"question 'tian-yipeng-03', field 'answer'"``, and ``message`` says what is
    wrong and, in parentheses, what was expected.
    """

    file: str
    line: int
    where: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        """``FILE:LINE: [warning: ]WHERE: MESSAGE`` in the interface language (Chinese:
        ``FILE:LINE: 警告：题目 'x'，字段 'y'：…``); the message itself is as the finder wrote it,
        or, made inside :func:`studykit.i18n.retellable`, said again in the language of now (a
        grade report's, inside ``speaking("zh")``)."""
        loc = f"{self.file}:{self.line}" if self.line else self.file
        text = retell(self.message)
        if self.where:
            text = _("{where}: {message}").format(where=localize_where(self.where), message=text)
        if self.severity == "warning":
            text = _("warning: {message}").format(message=text)
        elif self.severity != "error":
            text = f"{self.severity}: {text}"
        if len(text) > MAX_SHOWN:  # a value of megabytes (an article pasted into a field) quoted in full
            left_out = _("[{count:,} characters left out]").format(count=len(text) - MAX_SHOWN)
            text = f"{text[: MAX_SHOWN * 2 // 3]} … {left_out} … {text[-(MAX_SHOWN // 3) :]}"
        return f"{loc}: {text}"


#: Longest problem line shown, in characters, before its middle is left out (its start names the
#: record and field, its end says what was expected): a 5 MB answer made 26 MB of `check` output.
#: A number of 5,000 digits, quoted twice, is still shown whole.
MAX_SHOWN = 12_000


class StudykitError(Exception):
    """A user's mistake: bad input, a missing file, an option out of range.

    ``details`` are lines shown before the one-line message (e.g. every problem
    found in a bank), so the CLI can print them all and then ``Error: message``.
    """

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return "\n".join((*self.details, self.message))


class YamlError(StudykitError):
    """A YAML file (a bank, an answer key, a member's YAML answer sheet) cannot be read as
    YAML: a syntax error, a character YAML forbids, an alias bomb or loop, nesting hundreds
    deep.  Raised by :func:`studykit._yaml.load_text_yaml`; each caller re-raises it as its
    own file's error (:class:`BankError`, :class:`KeyFileError`, an answer-sheet failure).

    ``problems`` holds the located problem (file, 1-based line, reason).
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message, tuple(str(p) for p in problems))
        self.problems = problems


class BankError(StudykitError):
    """The question bank (or a material file it names) is invalid.

    ``problems`` holds every error found (and, under ``strict``, every warning),
    each located to file and line.
    """

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message, tuple(str(p) for p in problems))
        self.problems = problems


class AnswerFileError(StudykitError):
    """A completed answer sheet or branch table cannot be graded."""


class KeyFileError(StudykitError):
    """An answer key (``*.key.yaml``) is missing, malformed or does not fit."""


class SelectionError(StudykitError):
    """The quiz options select fewer questions than asked, or none at all."""


class DraftError(StudykitError):
    """An article cannot be drafted into a bank: unreadable, empty, or the output folder holds a bank."""


class OptionError(StudykitError, ValueError):
    """An option's value cannot be used: ``--mix``, ``--points``, a report format or output
    suffix, a pass mark, a multiple-choice scoring rule.  Also a :class:`ValueError`, as these
    errors were before they joined the :class:`StudykitError` family, so ``except ValueError``
    keeps catching them."""
