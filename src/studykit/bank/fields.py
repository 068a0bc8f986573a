"""The reporting core every check of a bank shares: problems collected with their line, and
the plain-text field reader (:meth:`FieldChecks.text`)."""

from __future__ import annotations

from pathlib import Path

from .._yaml import REFUSED, YMap
from ..errors import Problem
from ..i18n import _
from .rules import control_problem


class FieldChecks:
    """What every check of a bank shares: the problems found so far and the field reader."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        #: every speech id declared, valid or not (id -> line), so a question citing an
        #: invalid speech is not reported a second time as citing an unknown one
        self.declared_speeches: dict[str, int] = {}
        self.stems: dict[str, str] = {}  # squashed stem -> id of the first question with it
        #: every other file read, as (path relative to the bank's folder, bytes), for the cache
        self.inputs: list[tuple[str, bytes]] = []

    # -- reporting -------------------------------------------------------------
    def error(self, line: int, where: str, message: str) -> None:
        self.errors.append(Problem(self.name, line, where, message))

    def warn(self, line: int, where: str, message: str) -> None:
        self.warnings.append(Problem(self.name, line, where, message, "warning"))

    # -- field helpers ---------------------------------------------------------
    def text(self, item: YMap, name: str, where: str, *, required: bool = False) -> str | None:
        """The field as stripped text, or None (reporting it when required or not text)."""
        if name not in item:
            if required:
                self.error(item.line, f"{where}, field {name!r}", _("missing (required)"))
            return None
        value = item[name]
        if value is REFUSED:  # already reported
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(item.key_lines[name], f"{where}, field {name!r}", _("empty (required)"))
            return None
        if not isinstance(value, str):
            self.error(item.key_lines[name], f"{where}, field {name!r}", _("expected text, not a list or mapping"))
            return None
        problem = control_problem(value)
        if problem:
            self.error(item.key_lines[name], f"{where}, field {name!r}", problem)
            return None
        return value.strip()

    def unknown_fields(self, item: YMap, known: set[str], where: str) -> None:
        for key in item:
            if key not in known:
                self.error(
                    item.key_lines[key],
                    f"{where}, field {key!r}",
                    _("unknown field (expected one of: {known})").format(known=", ".join(sorted(known))),
                )
