"""The JSON report: every detail, the machine-readable form other tools read.

Top level (format ``studykit_grade_report: 1``)::

    quiz:      quiz_id, version, title, bank_id, bank_fingerprint, total_points,
               multiple_scoring (the rule applied), pass_mark (percent)
    summary:   members, passed, mean, median, min, max (points; null when empty)
    questions: per key item — number, question_id, type, speech, points, answer,
               facility (0–1), discrimination (−1…1 or null), mean_points,
               choices {label: members}, other, unanswered, unreadable,
               and with a bank: explanation, reread {speaker, heading, source}
    speeches:  speech, label, points, mean, share (0–1), revisit
    revisit:   speech ids to revisit, worst first
    members:   in ranking order — rank, name, source, line, score, total, percent,
               passed, speeches {id: {earned, points}}, items [{number,
               question_id, status, given, earned, points}]
    bank_note, warnings, failures: text lines
"""

from __future__ import annotations

import json
from typing import Any

from ..model import GroupReport
from ..scoring import member_speech_scores

REPORT_FORMAT = 1


def report_data(report: GroupReport) -> dict[str, Any]:
    """The report as plain JSON-ready data (see the module docstring)."""
    key = report.key
    questions: list[dict[str, Any]] = []
    for s in report.items:
        q: dict[str, Any] = {
            "number": s.number,
            "question_id": s.question_id,
            "type": s.type,
            "speech": s.speech,
            "points": s.points,
            "answer": list(s.answer),
            "facility": s.facility,
            "discrimination": s.discrimination,
            "mean_points": s.mean_points,
            "choices": dict(s.choices),
            "other": s.other,
            "unanswered": s.unanswered,
            "unreadable": s.unreadable,
        }
        hint = report.rereads.get(s.question_id)
        if hint:
            q["explanation"] = hint.explanation
            q["reread"] = {"speaker": hint.speaker, "heading": hint.heading, "source": hint.source}
        questions.append(q)
    members = [
        {
            "rank": rank,
            "name": m.name,
            "source": m.source,
            "line": m.line,
            "score": m.score,
            "total": m.total,
            "percent": round(m.percent, 4),
            "passed": report.passed(m),
            "speeches": {sid: {"earned": e, "points": p} for sid, e, p in member_speech_scores(m, key)},
            "items": [
                {
                    "number": r.number,
                    "question_id": r.question_id,
                    "status": r.status,
                    "given": r.given,
                    "earned": r.earned,
                    "points": r.points,
                }
                for r in m.items
            ],
        }
        for rank, m in report.ranking()
    ]
    return {
        "studykit_grade_report": REPORT_FORMAT,
        "quiz": {
            "quiz_id": key.quiz_id,
            "version": key.version,
            "title": key.title,
            "bank_id": key.bank_id,
            "bank_fingerprint": key.bank_fingerprint,
            "total_points": key.total_points,
            "multiple_scoring": report.multiple_scoring,
            "pass_mark": report.pass_mark,
        },
        "summary": {
            "members": len(report.members),
            "passed": sum(report.passed(m) for m in report.members),
            "mean": report.mean,
            "median": report.median,
            "min": report.minimum,
            "max": report.maximum,
        },
        "questions": questions,
        "speeches": [
            {
                "speech": s.speech,
                "label": s.label,
                "points": s.points,
                "mean": s.mean,
                "share": s.share,
                "revisit": s.revisit,
            }
            for s in report.speeches
        ],
        "revisit": [s.speech for s in report.revisit],
        "members": members,
        "bank_note": report.bank_note,
        "warnings": [str(p) for p in report.warnings],
        "failures": [str(p) for p in report.failures],
    }


def render_json(report: GroupReport) -> str:
    """The report as indented JSON text (UTF-8, non-ASCII kept)."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
