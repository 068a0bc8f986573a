"""Grading completed quizzes: one member's sheet or a whole branch's table.

The public API::

    from studykit.key import load_key
    from studykit.grade import grade_files, render_report

    key = load_key("第一次测验.key.yaml")
    report = grade_files(["answers/张三.answers.txt", "支部.csv"], key, pass_mark=60)
    print(render_report(report, "text"))

    # versions A and B of one quiz, a folder of sheets, one report
    keys = [load_key("第一次测验-A.key.yaml"), load_key("第一次测验-B.key.yaml")]
    report = grade_files(["答卷/"], keys)

Step by step: :func:`read_answers` (files → :class:`Submission`),
:func:`grade_submission` (one → :class:`MemberResult`), :func:`summarize_group`
(many → :class:`GroupReport`: ranking, facility and discrimination indices,
option counts, per-speech means), then :func:`render_report`.
"""

from __future__ import annotations

from .batch import choose_bank, grade_files
from .group import GroupReport, ItemStats, Reread, SpeechStats
from .model import CompactItems, GivenAnswer, ItemResult, MemberResult, Submission
from .readers import detect_encoding, iter_answers, read_answers
from .report import FORMATS, format_for, render_report, report_writer, save_report, stream_report, write_report
from .scoring import discrimination_index, grade_submission, score_item, summarize_group
from .versions import KeySet, key_set

__all__ = [
    "FORMATS",
    "CompactItems",
    "GivenAnswer",
    "GroupReport",
    "ItemResult",
    "ItemStats",
    "KeySet",
    "MemberResult",
    "Reread",
    "SpeechStats",
    "Submission",
    "choose_bank",
    "detect_encoding",
    "discrimination_index",
    "format_for",
    "grade_files",
    "grade_submission",
    "iter_answers",
    "key_set",
    "read_answers",
    "render_report",
    "report_writer",
    "save_report",
    "score_item",
    "stream_report",
    "summarize_group",
    "write_report",
]
