"""The table fast path (codes into shared results, columnar statistics, streamed reports)
gives exactly what the reference path gives: grade_submission per row, then plain renderers."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from studykit.errors import AnswerFileError, Problem
from studykit.grade import (
    CompactItems,
    GroupReport,
    MemberResult,
    discrimination_index,
    grade_files,
    grade_submission,
    iter_answers,
    render_report,
    save_report,
    stream_report,
    summarize_group,
)
from studykit.grade.report._common import missed, pts
from studykit.grade.report.json import report_data
from studykit.grade.scoring import member_speech_scores
from studykit.i18n import _, retell, retellable
from studykit.key import AnswerKey
from studykit.model import Bank

#: Cells as people and survey tools write them, per item of gradekit.make_key (2 singles,
#: 2 multiples, 2 true_false, 2 fill_blank); the last of each is right for that item.
CELLS = {
    "single": [" Ｂ ", "b", "A", "C", "E", "？", "", "(跳过)", "其他〖不知道〗", "\u200bB", "A、B", "华中师范大学"],
    "multiple": ["A、C", "ＡＢＣ", "a,b", "ABCD", "E", "", "-", "A┋其他〖街长〗", "网格长┋楼栋长", "AB C", "ABC"],
    "true_false": ["对", "√", "maybe", "T", "false", "", "×", " 错 ", "(空)", "是"],
    "fill_blank": ["现场会议 + 云端会议", "“1+1+11”。", "？？", "", "其他〖现场会议〗", "1+1+11", "现场会议+云端会议"],
}


def messy_table(path: Path, key: AnswerKey, rows: int, seed: int) -> Path:
    """A seeded messy branch table: shuffled question columns, metadata, 测验/版本 columns
    (some rows of another version), rows without names, repeated names, short and blank rows,
    and free-text blanks with hundreds of distinct answers (codes beyond a byte)."""
    rng = random.Random(seed)
    numbers = [it.number for it in key.items]
    order = rng.sample(numbers, len(numbers))
    header = ["序号", "姓名", "测验", "版本", *(f"第{n}题" for n in order), "所用时间"]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for i in range(rows):
            if i % 97 == 50:
                writer.writerow([])
                continue
            name = rng.choice(["", " 张　三 ", f"党员{i}", f"党员{i}", "李四"]) if i % 13 == 0 else f"党员{i}"
            version = rng.choice(["", "A", "A", "B"]) if i % 11 == 0 else key.version
            quiz = rng.choice(["", key.quiz_id]) if i % 7 == 0 else ""
            answers = []
            for n in order:
                item = key.item(n)
                if item.type == "fill_blank" and rng.random() < 0.6:
                    answers.append(f"答案{rng.randrange(5000)}")
                else:
                    answers.append(rng.choice(CELLS[item.type]))
            row = [str(i + 1), name, quiz, version, *answers, f"{rng.randrange(300)}秒"]
            if i % 17 == 3:
                row = row[: rng.randrange(2, len(row))]
            writer.writerow(row)
    return path


@retellable()  # as grade_files: the report says the problems in Chinese
def reference(paths: list[Path], key: AnswerKey, rule: str) -> tuple[list[MemberResult], list[Problem], list[Problem]]:
    """Members, warnings and failures as the reference path gives them: a Submission per row."""
    warnings: list[Problem] = []
    failures: list[Problem] = []

    def sink(p: Problem) -> None:
        (failures if p.severity == "error" else warnings).append(p)

    members: list[MemberResult] = []
    seen: dict[str, str] = {}
    for sub in iter_answers(paths, key, on_problem=sink):
        try:
            result = grade_submission(sub, key, rule)
        except AnswerFileError as exc:
            sink(Problem(sub.source, sub.line, sub.name, exc.message))
            continue
        for w in result.warnings:
            sink(w)
        if sub.name in seen:
            sink(Problem(sub.source, sub.line, sub.name, _("this name was graded before ({where}); both are reported").format(where=seen[sub.name]), "warning"))  # fmt: skip
        else:
            seen[sub.name] = sub.where
        members.append(result)
    return members, warnings, failures


def unreadable_note(m: MemberResult) -> str:
    """The 结果 cell's flag of a member more than half of whose answers could not be read (issue 11)."""
    unread = sum(r.status == "unreadable" for r in m.items)
    return f"；过半答案无法识别（{unread}/{len(m.items)} 题），请核对原卷" if unread * 2 > len(m.items) else ""


def reference_csv(report: GroupReport) -> str:
    """The CSV report written member by member from the public records (the renderer before the fast path)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    key = report.key
    speeches = [s.speech for s in report.speeches]
    writer.writerow(
        ["名次", "姓名", "来源", "行", "得分", "满分", "百分比", "结果"]
        + [report.speech_label(s) for s in speeches]
        + [f"第{it.number}题" for it in key.items]
        + ["错题"]
    )
    for rank, m in report.ranking():
        per_speech = {sid: e for sid, e, _ in member_speech_scores(m, key)}
        writer.writerow(
            [rank, m.name, m.source, m.line or "", pts(m.score), pts(m.total), f"{m.percent:.1f}",
             ("及格" if report.passed(m) else "不及格") + unreadable_note(m)]
            + [pts(per_speech.get(s, 0.0)) for s in speeches]
            + [pts(r.earned) for r in m.items]
            + ["、".join(str(r.number) for r in missed(m))]
        )  # fmt: skip
    for p in report.failures:  # members not graded close the table (issue 11)
        if p.where:
            message = retell(p.message, "zh")  # the CSV's language
            reason = message if message.startswith("无法评分") else f"无法评分：{message}"
            writer.writerow(["", p.where, p.file, p.line or "", "", pts(key.total_points), "", reason]
                            + [""] * (len(speeches) + len(key.items) + 1))  # fmt: skip
    return buf.getvalue()


def check_statistics(report: GroupReport) -> None:
    """Facility, discrimination, mean points and option counts, recomputed member by member."""
    members = report.members
    scores = [m.score for m in members]
    n = len(members)
    for k, stats in enumerate(report.items):
        results = [m.items[k] for m in members]
        flags = [r.status == "correct" for r in results]
        earned = 0.0
        for r in results:
            earned += r.earned
        counts = Counter(c for r in results for c in r.choices)
        assert stats.facility == sum(flags) / n
        assert stats.discrimination == discrimination_index(flags, scores)
        assert stats.mean_points == earned / n
        assert stats.unanswered == sum(r.status == "unanswered" for r in results)
        assert stats.unreadable == sum(r.status == "unreadable" for r in results)
        assert all(counts[label] == count for label, count in stats.choices)


@pytest.mark.parametrize(("rule", "rows", "seed"), [("all-or-nothing", 800, 1), ("partial", 800, 2)])
def test_table_fast_path_equals_reference(
    tmp_path: Path, key: AnswerKey, mini_bank: Bank, rule: str, rows: int, seed: int
) -> None:
    """On a messy table, members, problems, statistics and all four reports equal the reference path's."""
    path = messy_table(tmp_path / "branch.csv", key, rows, seed)
    fast = grade_files([path], key, multiple_scoring=rule, bank=mini_bank)
    members, warnings, failures = reference([path], key, rule)
    assert all(type(m.items) is CompactItems for m in fast.members)
    assert max(max(m.items.codes) for m in fast.members if isinstance(m.items, CompactItems)) >= 256
    assert len(fast.members) > rows * 0.8 and len(failures) > 5 and len(warnings) > 50
    assert fast.members == tuple(members)
    assert (fast.warnings, fast.failures) == (tuple(warnings), tuple(failures))
    slow = summarize_group(members, key, bank=mini_bank, multiple_scoring=rule, warnings=warnings, failures=failures)
    assert fast == slow
    check_statistics(fast)
    for fmt in ("text", "html", "csv", "json"):
        assert render_report(fast, fmt) == render_report(slow, fmt), fmt
    assert render_report(fast, "csv") == reference_csv(slow)
    assert render_report(fast, "json") == json.dumps(report_data(slow), ensure_ascii=False, indent=2) + "\n"


def test_sheets_and_table_graded_together_equal_reference(tmp_path: Path, key: AnswerKey) -> None:
    """A batch of an answer sheet and a table mixes plain and compact members; reports equal the reference."""
    sheet = tmp_path / "甲.answers.txt"
    sheet.write_text("姓名：甲\n版本：A\n1. B\n3. AC\n7. 现场会议\n", encoding="utf-8")
    path = messy_table(tmp_path / "branch.csv", key, 60, 3)
    fast = grade_files([sheet, path], key)
    members, warnings, failures = reference([sheet, path], key, "all-or-nothing")
    assert type(fast.members[0].items) is tuple and type(fast.members[1].items) is CompactItems
    slow = summarize_group(members, key, warnings=warnings, failures=failures)
    assert fast == slow
    for fmt in ("text", "html", "csv", "json"):
        assert render_report(fast, fmt) == render_report(slow, fmt), fmt


def test_points_that_do_not_add_exactly_are_added_in_order(tmp_path: Path, key: AnswerKey) -> None:
    """Points like 0.1 are summed member by member in the order read, as the reference does."""
    items = tuple(dataclasses.replace(it, points=p) for it, p in zip(key.items, (0.1, 0.3, 0.7, 1.1, 0.2, 0.6, 0.1, 0.9), strict=True))  # fmt: skip
    odd = dataclasses.replace(key, items=items)
    path = messy_table(tmp_path / "branch.csv", odd, 400, 4)
    fast = grade_files([path], odd)
    check_statistics(fast)
    members, warnings, failures = reference([path], odd, "all-or-nothing")
    slow = summarize_group(members, odd, warnings=warnings, failures=failures)
    assert render_report(fast, "json") == json.dumps(report_data(slow), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", ["text", "html", "csv", "json"])
def test_streamed_and_saved_reports_equal_rendered(tmp_path: Path, key: AnswerKey, fmt: str) -> None:
    """stream_report writes render_report's text as UTF-8; save_report adds a BOM to CSV only and leaves no temp file."""
    report = grade_files([messy_table(tmp_path / "branch.csv", key, 50, 5)], key)
    buf = io.BytesIO()
    stream_report(report, fmt, buf)
    assert buf.getvalue() == render_report(report, fmt).encode("utf-8")
    out = tmp_path / "out" / f"report.{fmt}"
    out.parent.mkdir()
    save_report(report, out, fmt)
    assert out.read_bytes() == (b"\xef\xbb\xbf" if fmt == "csv" else b"") + buf.getvalue()
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_save_report_refuses_unknown_format_and_writes_nothing(tmp_path: Path, key: AnswerKey) -> None:
    """An unknown format raises ValueError before any file is made."""
    report = grade_files([messy_table(tmp_path / "branch.csv", key, 5, 6)], key)
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        save_report(report, tmp_path / "out" / "r.pdf", "pdf")
    assert not (tmp_path / "out").exists()


def test_compact_items_behave_as_the_tuple(tmp_path: Path, key: AnswerKey) -> None:
    """CompactItems index, slice, iterate, compare and hash as the tuple of ItemResult they stand for."""
    report = grade_files([messy_table(tmp_path / "branch.csv", key, 20, 7)], key)
    m = report.members[0]
    items = m.items
    assert isinstance(items, CompactItems)
    as_tuple = tuple(items)
    assert len(items) == 8 and items == as_tuple and as_tuple == items and items != list(as_tuple)
    assert (items[0], items[-1], items[2:4]) == (as_tuple[0], as_tuple[-1], as_tuple[2:4])
    assert hash(items) == hash(as_tuple) and repr(items) == repr(as_tuple)
    assert m.score == sum(r.earned for r in as_tuple) and m.total == 18
    plain = dataclasses.replace(m, name="乙")
    assert (plain.name, plain.items, plain.score) == ("乙", as_tuple, m.score)
