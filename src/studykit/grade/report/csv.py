"""The CSV report: one row per member, in ranking order (UTF-8 with BOM when written)."""

from __future__ import annotations

import csv
import io

from ..model import GroupReport
from ..scoring import member_speech_scores
from ._common import missed, percent_number, pts

#: A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """``cell`` with a ``'`` in front when it is text a spreadsheet would run as a formula
    (``=HYPERLINK(…)`` as a member's name), per OWASP's CSV injection guidance."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def render_csv(report: GroupReport) -> str:
    """Columns: 名次, 姓名, 来源, 行, 得分, 满分, 百分比, 结果, one per speech (points
    earned), one per question (``第N题``, points earned), 错题 (numbers not earning
    full points, ``、``-joined).  Rows end in CRLF, as Excel writes them.  Text cells
    that would start a formula go through :func:`neutralise`."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    key = report.key
    speeches = [s.speech for s in report.speeches]
    writer.writerow(
        ["名次", "姓名", "来源", "行", "得分", "满分", "百分比", "结果"]
        + [neutralise(report.speech_label(s)) for s in speeches]
        + [f"第{it.number}题" for it in key.items]
        + ["错题"]
    )
    for rank, m in report.ranking():
        per_speech = {sid: e for sid, e, _ in member_speech_scores(m, key)}
        writer.writerow(
            [rank, neutralise(m.name), neutralise(m.source), m.line or "", pts(m.score), pts(m.total),
             percent_number(m.percent, report.pass_mark), "及格" if report.passed(m) else "不及格"]
            + [pts(per_speech.get(s, 0.0)) for s in speeches]
            + [pts(r.earned) for r in m.items]
            + ["、".join(str(r.number) for r in missed(m))]
        )  # fmt: skip
    return buf.getvalue()
