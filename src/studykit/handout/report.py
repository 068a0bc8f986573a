"""The grade report a handout reads: :func:`load_report` takes the JSON of ``studykit grade`` to a
:class:`GradeReportDigest` (every problem a :class:`~studykit.errors.StudykitError` naming the file)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StudykitError
from ..formats import REPORT_FORMAT
from ..i18n import _


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
        text = Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise StudykitError(_("grade report {name} not found").format(name=name)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StudykitError(_("cannot read grade report {name}: {reason}").format(name=name, reason=exc)) from None
    try:
        data = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise StudykitError(
            _(
                "{name}:{line}: not valid JSON ({reason}, column {column}); "
                "expected the JSON report of studykit grade (--format json)"
            ).format(name=name, line=exc.lineno, reason=exc.msg, column=exc.colno)
        ) from None
    except (ValueError, RecursionError) as exc:  # NaN, 1e999, 5,000 digits, [[[[…]]]] nested 10,000 deep
        why = _("nested too deeply") if isinstance(exc, RecursionError) else str(exc)
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

    def need(obj: Any, field: str, kind: Any, where: str) -> Any:
        value = obj.get(field) if isinstance(obj, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            raise StudykitError(
                _("{name}: {where}field {field!r}: missing or not {kind}").format(
                    name=name, where=where, field=field, kind=_kind_name(kind)
                )
            )
        return value

    quiz = need(data, "quiz", dict, "")
    summary = need(data, "summary", dict, "")
    items = []
    for n, q in enumerate(need(data, "questions", list, ""), 1):
        where = f"questions[{n}], "
        facility = q.get("facility") if isinstance(q, dict) else None
        if facility is not None and (not isinstance(facility, int | float) or isinstance(facility, bool)):
            raise StudykitError(_("{name}: {where}field 'facility': not a number").format(name=name, where=where))
        if facility is not None and not 0 <= facility <= 1:
            raise StudykitError(
                _("{name}: {where}field 'facility': {value} is not a share (expected 0 to 1)").format(
                    name=name, where=where, value=facility
                )
            )
        items.append(
            ReportItem(
                need(q, "number", int, where),
                need(q, "question_id", str, where),
                need(q, "speech", str, where),
                None if facility is None else float(facility),
            )
        )
    shares: dict[str, float | None] = {}
    for n, s in enumerate(need(data, "speeches", list, ""), 1):
        share = s.get("share") if isinstance(s, dict) else None
        shares[need(s, "speech", str, f"speeches[{n}], ")] = (
            float(share) if isinstance(share, int | float) and 0 <= share <= 1 else None
        )
    pass_mark = need(quiz, "pass_mark", int | float, "quiz, ")
    if not 0 <= pass_mark <= 100:
        raise StudykitError(
            _("{name}: quiz, field 'pass_mark': {value} is not a percentage (expected 0 to 100)").format(
                name=name, value=pass_mark
            )
        )
    title = quiz.get("title")
    fingerprint = quiz.get("bank_fingerprint")
    return GradeReportDigest(
        path=name,
        quiz_id=need(quiz, "quiz_id", str, "quiz, "),
        title=title if isinstance(title, str) else "",
        bank_id=need(quiz, "bank_id", str, "quiz, "),
        bank_fingerprint=fingerprint if isinstance(fingerprint, str) else "",
        pass_mark=float(pass_mark),
        members=need(summary, "members", int, "summary, "),
        items=tuple(items),
        shares=shares,
    )


def _no_constant(word: str) -> float:
    """``NaN`` and ``Infinity`` are no JSON (Python reads them): no report of studykit holds one."""
    raise ValueError(_("{word} is not a number a report holds").format(word=word))


def _finite(text: str) -> float:
    """A JSON number as a float, refused when it overflows (``1e999`` would read as infinity)."""
    value = float(text)
    if math.isinf(value):
        raise ValueError(_("{number} is too large a number").format(number=text[:20]))
    return value


def _kind_name(kind: Any) -> str:
    names: dict[Any, str] = {dict: _("an object"), list: _("a list"), str: _("text"), int: _("an integer")}
    return names.get(kind, _("a number"))
