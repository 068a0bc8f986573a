"""The one family of user errors studykit raises.

Every mistake a user can make (a broken bank, an unreadable answer sheet, a bad
option) raises a subclass of :class:`StudykitError`.  The library knows nothing of
click; ``studykit.cli`` turns these into ``Error: …`` on stderr and exit status 1.
Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        loc = f"{self.file}:{self.line}" if self.line else self.file
        label = "" if self.severity == "error" else f"{self.severity}: "
        where = f"{self.where}: " if self.where else ""
        return f"{loc}: {label}{where}{self.message}"


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
