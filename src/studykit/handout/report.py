"""The grade report a handout reads: :func:`load_report` takes the JSON of ``studykit grade`` to a
:class:`GradeReportDigest` (every problem a :class:`~studykit.errors.StudykitError` naming the file)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import _cache
from ..errors import Problem, StudykitError
from ..fieldrules import Record, Rule, Slot, Style, Table, collect
from ..formats import REPORT_FORMAT
from ..i18n import _, decode_reason, language, os_reason, pgettext


@dataclass(frozen=True)
class ReportItem:
    """One question of a grade report: printed ``number``, id, speech and facility (0–1 or ``None``)."""

    number: int
    question_id: str
    speech: str
    facility: float | None


@dataclass(frozen=True)
class GradeReportDigest:
    """What a handout needs of a ``studykit grade`` JSON report (format ``studykit_grade_report: 1``).

    ``pass_mark`` is a percentage (0–100); ``shares`` maps a speech id to the
    group's mean share of its points (0–1 or ``None``).
    """

    path: str
    quiz_id: str
    title: str
    bank_id: str
    bank_fingerprint: str
    pass_mark: float
    members: int
    items: tuple[ReportItem, ...]
    shares: dict[str, float | None]


def load_report(path: str | Path) -> GradeReportDigest:
    """Read the JSON report ``studykit grade --format json`` wrote.

    Raises :class:`~studykit.errors.StudykitError` naming the file (and the line
    for invalid JSON, the field for a missing or mistyped one) when it is
    missing, not JSON, another format version, or not a grade report.
    """
    name = str(path)
    try:
        raw = _cache.read_regular(Path(path))  # a FIFO given as the report must not hang handout
    except FileNotFoundError:
        raise StudykitError(_("grade report {name} not found").format(name=name)) from None
    except OSError as exc:
        raise StudykitError(
            _("cannot read grade report {name}: {reason}").format(name=name, reason=os_reason(exc))
        ) from None
    if raw is None:
        raise StudykitError(
            _("cannot read grade report {name}: not a regular file (a pipe or a device)").format(name=name)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from .._yaml import document_kind

        if kind := document_kind(raw):  # the report saved as .docx, or a table, given by mistake
            raise StudykitError(
                _("{name}: this is {what}, not a grade report (expected the JSON report of studykit grade, "
                  "-o REPORT.json)").format(name=name, what=kind)
            ) from None  # fmt: skip
        raise StudykitError(
            _("cannot read grade report {name}: not UTF-8 text (byte {byte}: {reason})").format(
                name=name, byte=f"0x{raw[exc.start]:02X}", reason=decode_reason(exc.reason)
            )
        ) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise StudykitError(
            _(
                "{name}:{line}: not valid JSON ({reason}, column {column}); "
                "expected the JSON report of studykit grade (--format json)"
            ).format(name=name, line=exc.lineno, reason=_json_reason(exc.msg), column=exc.colno)
        ) from None
    except (ValueError, RecursionError) as exc:  # NaN, 1e999, 5,000 digits, [[[[…]]]] nested 10,000 deep
        why = _("nested too deeply") if isinstance(exc, RecursionError) else str(exc)
        if why.startswith("Exceeds the limit") and language() != "en":  # Python's int() on 4,300+ digits
            why = _("a number with more digits than any report holds")
        raise StudykitError(
            _("{name}: not a grade report studykit wrote ({why}); expected the JSON report of studykit grade "
              "(--format json)").format(name=name, why=why)
        ) from None  # fmt: skip
    if not isinstance(data, dict) or "studykit_grade_report" not in data:
        raise StudykitError(
            _("{name} is not a studykit grade report (expected the output of studykit grade -o REPORT.json)").format(
                name=name
            )
        )
    if data["studykit_grade_report"] != REPORT_FORMAT:
        raise StudykitError(
            _("{name}: grade report format {format!r} (expected {expected})").format(
                name=name, format=data["studykit_grade_report"], expected=REPORT_FORMAT
            )
        )

    problems: list[Problem] = []
    top = _walk(data, REPORT_TABLE, problems, name, "")
    items = []
    seen: dict[int, int] = {}
    for n, q in enumerate(top["questions"], 1):
        item = _walk(q, QUESTION_TABLE, problems, name, _at(f"questions[{n}]"))
        if (first := seen.setdefault(item["number"], n)) != n:  # the handout would print either's facility
            raise StudykitError(
                _(
                    "{name}: {where}field 'number': question {value} is listed twice (first as questions[{first}])"
                ).format(name=name, where=_at(f"questions[{n}]"), value=item["number"], first=first)
            )
        facility = item["facility"]
        items.append(
            ReportItem(
                item["number"], item["question_id"], item["speech"], None if facility is None else float(facility)
            )
        )
    shares: dict[str, float | None] = {}
    for n, s in enumerate(_walk(data, SPEECHES_TABLE, problems, name, "")["speeches"], 1):
        speech = _walk(s, SPEECH_TABLE, problems, name, _at(f"speeches[{n}]"))
        shares[speech["speech"]] = None if speech["share"] is None else float(speech["share"])
    quiz = _walk(top["quiz"], QUIZ_TABLE, problems, name, _at("quiz"))
    title = top["quiz"].get("title")
    fingerprint = top["quiz"].get("bank_fingerprint")
    return GradeReportDigest(
        path=name,
        quiz_id=quiz["quiz_id"],
        title=title if isinstance(title, str) else "",
        bank_id=quiz["bank_id"],
        bank_fingerprint=fingerprint if isinstance(fingerprint, str) else "",
        pass_mark=float(quiz["pass_mark"]),
        members=_walk(top["summary"], SUMMARY_TABLE, problems, name, _at("summary"))["members"],
        items=tuple(items),
        shares=shares,
    )


def _at(record: str) -> str:
    """A record of the report as the start of a problem's ``where``: ``quiz, `` (``quiz，`` in Chinese)."""
    return _("{where}, {part}").format(where=record, part="")


def _walk(obj: Any, table: Table, problems: list[Problem], name: str, where: str) -> Record:
    """``obj`` read against ``table``; the first problem found is raised (a report is written by
    studykit, so one problem means the file is not what it should be)."""
    record = collect(obj if isinstance(obj, dict) else {}, table, problems, name, where)
    if problems:
        raise StudykitError(problems[0].message)
    return record


def _json_reason(reason: str) -> str:
    """Python's reason for invalid JSON (``json.JSONDecodeError.msg``) in the interface language;
    one the catalog does not know comes back unchanged.  Source: CPython's Lib/json/decoder.py."""
    if language() == "en":
        return reason
    reasons = {
        "Expecting value": pgettext("json", "Expecting value"),
        "Expecting property name enclosed in double quotes": pgettext(
            "json", "Expecting property name enclosed in double quotes"
        ),
        "Expecting ':' delimiter": pgettext("json", "Expecting ':' delimiter"),
        "Expecting ',' delimiter": pgettext("json", "Expecting ',' delimiter"),
        "Unterminated string starting at": pgettext("json", "Unterminated string starting at"),
        "Extra data": pgettext("json", "Extra data"),
        "Invalid \\uXXXX escape": pgettext("json", "Invalid \\uXXXX escape"),
    }
    if reason.startswith("Invalid control character"):
        return pgettext("json", "Invalid control character at")
    if reason.startswith("Invalid \\escape"):
        return pgettext("json", "Invalid \\escape")
    return reasons.get(reason, reason)


def _no_constant(word: str) -> float:
    """``NaN`` and ``Infinity`` are no JSON (Python reads them): no report of studykit holds one."""
    raise ValueError(_("{word} is not a number a report holds").format(word=word))


def _finite(text: str) -> float:
    """A JSON number as a float, refused when it overflows (``1e999`` would read as infinity)."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(_("{number} is too large a number").format(number=text[:20]))
    return value


def _kind_name(kind: str) -> str:
    names = {"map": _("an object"), "list": _("a list"), "text": _("text"), "int": _("an integer")}
    return names.get(kind, _("a number"))


def _missing(slot: Slot) -> str:
    return _("{name}: {where}field {field!r}: missing or not {kind}").format(
        name=slot.file, where=slot.where, field=slot.rule.name, kind=_kind_name(slot.rule.kind)
    )


#: How a grade report's problems read: one message naming the file and the field (JSON has no lines here).
_STYLE = Style(missing=_missing, wrong_kind=_missing, unknown=lambda name, known: "", empty_when="none")


def _table(record: str, *rules: Rule) -> Table:
    return Table(record, rules, _STYLE, closed=False)  # a report holds more than a handout reads


#: What a handout reads of a report (source: studykit.grade.report.json, which writes it), in the
#: order it is checked: the top level, each question, the speeches, the quiz, the summary.
REPORT_TABLE = _table(
    "report", Rule("quiz", True, "map"), Rule("summary", True, "map"), Rule("questions", True, "list")
)
QUESTION_TABLE = _table(
    "question",
    Rule(
        "facility",
        kind="number",
        span=(0, 1),
        wrong_kind=lambda s: _("{name}: {where}field 'facility': not a number").format(name=s.file, where=s.where),
        invalid=lambda s: _("{name}: {where}field 'facility': {value} is not a share (expected 0 to 1)").format(
            name=s.file, where=s.where, value=s.value
        ),
    ),
    Rule("number", True, "int"),
    Rule("question_id", True),
    Rule("speech", True),
)
SPEECHES_TABLE = _table("report", Rule("speeches", True, "list"))
SPEECH_TABLE = _table(
    "speech",
    Rule("speech", True),
    Rule(
        "share",
        kind="number",
        span=(0, 1),
        wrong_kind=lambda s: _("{name}: {where}field 'share': not a number").format(name=s.file, where=s.where),
        invalid=lambda s: _("{name}: {where}field 'share': {value} is not a share (expected 0 to 1)").format(
            name=s.file, where=s.where, value=s.value
        ),
    ),
)  # a share may be null (a speech no member was graded on); else a number from 0 to 1, as facility
QUIZ_TABLE = _table(
    "quiz",
    Rule(
        "pass_mark",
        True,
        "number",
        span=(0, 100),
        invalid=lambda s: _("{name}: quiz, field 'pass_mark': {value} is not a percentage (expected 0 to 100)").format(
            name=s.file, value=s.value
        ),
    ),
    Rule("quiz_id", True),
    Rule("bank_id", True),
)
SUMMARY_TABLE = _table("summary", Rule("members", True, "int"))
