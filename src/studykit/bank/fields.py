"""The bank's fields as data (:data:`BANK_TABLE`, :data:`SPEECH_TABLE`, :data:`QUESTION_TABLE`,
walked by :func:`studykit.fieldrules.collect`) and the reporting core every check of a bank shares."""

from __future__ import annotations

from pathlib import Path

from .._yaml import YMap
from .._yaml import show_value as _show
from ..errors import Problem
from ..fieldrules import Checks, Record, Rule, Style, Table, collect
from ..i18n import _, join
from ..model import QUESTION_TYPES
from .rules import BANK_FIELDS, ID_RE, QUESTION_FIELDS, SLUG_RE, SPEECH_FIELDS, TOP_FIELDS, control_problem

#: How the bank words a field's problem (messages since studykit 0.1; pinned by tests/data/bad).
BANK_STYLE = Style(
    missing=lambda s: _("missing (required)"),
    empty=lambda s: _("empty (required)"),
    wrong_kind=lambda s: _("expected text, not a list or mapping"),
    unknown=lambda name, known: _("unknown field (expected one of: {known})").format(known=join(sorted(known))),
    empty_when="blank text",
    control=control_problem,
    strip=True,
)

#: The bank file's top level: each key must be there (checked before any record in it).
TOP_TABLE = Table(
    "bank file",
    tuple(Rule(name, required=True, kind="any") for name in sorted(TOP_FIELDS)),
    Style(
        missing=lambda s: _("missing top-level key {key!r}").format(key=s.rule.name),
        wrong_kind=lambda s: "",  # kind "any": never
        unknown=lambda name, known: _("unknown top-level key {key!r} (expected bank, speeches, questions)").format(
            key=name
        ),
        empty_when="never",
        label=lambda where, field: "",
    ),
)

#: The ``bank:`` header; its id's form is checked after the title (the order of its messages).
BANK_TABLE = Table(
    "bank",
    (
        Rule("id", required=True),
        Rule("title", required=True),
        Rule("id", kind="record", check="bank_id"),  # its form: lowercase, digits, hyphens
        Rule("provenance"),
    ),
    BANK_STYLE,
    fields=tuple(BANK_FIELDS),
)


#: A speech; its ``id`` must be a slug and unique (check ``speech_id``), ``speaker`` and ``position``
#: go together (check ``pair``); its material is read by the validator.
SPEECH_TABLE = Table(
    "speech",
    (
        Rule(
            "id",
            required=True,
            pattern=SLUG_RE,
            invalid=lambda s: _(
                "{id!r} is not a valid id (expected lowercase letters, digits and hyphens, e.g. ren-jiantao)"
            ).format(id=s.value),
            keep_invalid=True,
            check="speech_id",
        ),
        Rule("heading", required=True),
        Rule("speaker"),
        Rule("position"),
        Rule("pair", kind="record", check="pair"),  # speaker and position: both or neither
        Rule("material", required=True),
    ),
    BANK_STYLE,
    fields=tuple(SPEECH_FIELDS),
    named_by="id",
    unknown_after="id",
)

#: A question; ``options`` and ``answer`` are checks of :class:`~studykit.bank.questions.QuestionChecks`
#: (they depend on the type), as are ``question_id`` (unique), ``speech`` (declared), ``tags`` and ``draft``.
QUESTION_TABLE = Table(
    "question",
    (
        Rule(
            "id",
            required=True,
            pattern=ID_RE,
            invalid=lambda s: _("expected letters, digits, '-', '_' or '.'"),
            keep_invalid=True,
            check="question_id",
        ),
        Rule("speech", required=True, check="speech"),
        Rule(
            "type",
            required=True,
            allowed=QUESTION_TYPES,
            invalid=lambda s: _("unknown type {type!r} (expected one of: {types})").format(
                type=s.value, types=join(QUESTION_TYPES)
            ),
        ),
        Rule("stem", required=True, default=""),
        Rule("explanation", required=True, default=""),
        Rule("source", required=True, default=""),
        Rule("fact", default=""),
        Rule("options", kind="record", check="options"),
        Rule("answer", kind="record", check="answer"),
        Rule("tags", kind="any", check="tags", default=()),
        Rule(
            "difficulty",
            kind="any",
            allowed=("1", "2", "3"),
            invalid=lambda s: _("{value} (expected 1, 2 or 3)").format(value=_show(s.value)),
            default="2",
        ),
        Rule("draft", kind="any", check="draft", default=False),
    ),
    BANK_STYLE,
    fields=tuple(QUESTION_FIELDS),
    named_by="id",
    unknown_after="id",
)


class FieldChecks:
    """What every check of a bank shares: the problems found so far and the field walker."""

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

    def walk(self, item: YMap, table: Table, where: str, checks: Checks | None = None) -> Record:
        """``item`` read against ``table`` (:func:`~studykit.fieldrules.collect`), its problems among the errors."""
        return collect(item, table, self.errors, self.name, where, checks)
