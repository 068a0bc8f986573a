"""Issue 11: answers as members really send them grade to the hand-counted score, or are not graded."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.grade import GroupReport, grade_files
from studykit.i18n import retell
from studykit.key import AnswerKey, KeyItem, dump_key

OPTS4 = ("甲方案", "乙方案", "丙方案", "丁方案")


def _item(
    number: int, type_: str, points: float, answer: tuple[str, ...], options: tuple[str, ...] = (), stem: str = ""
) -> KeyItem:
    stem = stem or f"第{number}题的题干"
    return KeyItem(number, f"q-{number:02d}", type_, "s1", points, stem, answer, options)  # type: ignore[arg-type]


def key40(version: str = "") -> AnswerKey:
    """The issue's 40-point paper: 1–5 single 2, 6–8 multiple 4 (8 has six options), 9–11 single 2,
    12–17 true_false 1, 18–20 fill_blank 2."""
    singles = "DCBAD"
    items = [_item(n, "single", 2, (singles[n - 1],), OPTS4) for n in range(1, 6)]
    items += [
        _item(6, "multiple", 4, ("B", "C", "D"), OPTS4),
        _item(7, "multiple", 4, ("B", "C"), OPTS4),
        _item(8, "multiple", 4, ("A", "B", "C", "E", "F"), ("一", "二", "三", "四", "五", "六")),
    ]
    items += [_item(n, "single", 2, ("ABC"[n - 9],), OPTS4) for n in range(9, 12)]
    items += [_item(n, "true_false", 1, ("true" if n % 2 == 0 else "false",)) for n in range(12, 18)]
    items += [_item(18, "fill_blank", 2, ("线路图",)), _item(19, "fill_blank", 2, ("控制在市域",))]
    items += [_item(20, "fill_blank", 2, ("最先一公里",))]
    return AnswerKey("q40", version, "四十分卷", "b", "f", tuple(items))


HEAD = "测验：q40\n"
TAIL = "18. 线路图\n19. 控制在市域\n20. 最先一公里\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def scores(report: GroupReport) -> list[tuple[str, float]]:
    return [(m.name, m.score) for m in report.members]


def problems(report: GroupReport) -> list[str]:
    return [str(p) for p in (*report.failures, *report.warnings)]


def test_key40_totals_forty() -> None:
    """The hand-made key is worth 40 points."""
    assert key40().total_points == 40


# -- 1. runs, several answers a line, a name alone --------------------------------
@pytest.mark.parametrize("dash", ["-", "—", "~", "至", "－", "～", "——"])
def test_ranges_with_runs_read_exactly(tmp_path: Path, dash: str) -> None:
    """``1-5 DCBAD`` and ``12-17 对错对错对错`` (any dash, 至, full-width) give every item its answer: 40/40."""
    text = f"姓名：张三\n{HEAD}1{dash}5 DCBAD\n6. BCD\n7. BC\n8. ABCEF\n9{dash}11 ABC\n12{dash}17 对错对错对错\n{TAIL}"
    report = grade_files([write(tmp_path / "a.txt", text)], key40())
    assert scores(report) == [("张三", 40)]
    assert problems(report) == []


def test_range_with_wrong_answers_scores_the_hand_count(tmp_path: Path) -> None:
    """A run with two wrong answers (5: A for D; 13: 对 for 错) and a spaced multiple run: 40 − 2 − 1 = 37."""
    text = f"姓名：张三\n{HEAD}1-5 DCBAA\n6-8 BCD BC ABCEF\n9-11 A B C\n12-17 对对对错对错\n18-20 线路图 控制在市域 最先一公里\n"
    report = grade_files([write(tmp_path / "a.txt", text)], key40())
    assert scores(report) == [("张三", 37)]
    assert [r.number for r in report.members[0].items if r.status != "correct"] == [5, 13]
    assert problems(report) == []


def test_several_numbered_answers_a_line(tmp_path: Path) -> None:
    """``1D 2C 3B 4A 5D`` / ``6BCD 7BC 8ABCEF`` / ``12对 13错 14对``: read pair by pair; the one wrong answer
    (16: 错 for 对) costs 1 point: 39."""
    text = (
        f"姓名：李四\n{HEAD}1D 2C 3B 4A 5D\n6BCD 7BC 8ABCEF\n9A 10B 11C\n12对 13错 14对\n15错 16错 17错\n"
        "18线路图 19控制在市域 20最先一公里\n"
    )
    report = grade_files([write(tmp_path / "b.txt", text)], key40())
    assert scores(report) == [("李四", 39)]
    assert [r.number for r in report.members[0].items if r.status != "correct"] == [16]
    assert problems(report) == []


def test_numbered_pairs_with_separators(tmp_path: Path) -> None:
    """``1. D 2. C`` and ``1、D，2、C`` are pairs too; a wrong 2 (B for C) costs 2 points: 38."""
    text = f"姓名：李四\n{HEAD}1. D 2. B 3. B\n4、A，5、D\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
    report = grade_files([write(tmp_path / "b.txt", text)], key40())
    assert scores(report) == [("李四", 38)]
    assert problems(report) == []


def test_fill_in_answer_with_a_number_inside_is_one_answer(tmp_path: Path) -> None:
    """``18. 线路 3 张`` is one answer to 18 (3 does not follow 18), wrong; every other right: 38."""
    text = f"姓名：李四\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n18. 线路 3 张\n19. 控制在市域\n20. 最先一公里\n"
    report = grade_files([write(tmp_path / "b.txt", text)], key40())
    assert scores(report) == [("李四", 38)]
    assert report.members[0].items[17].given == "线路 3 张"


def test_a_blank_beginning_with_the_next_number_is_not_guessed(tmp_path: Path) -> None:
    """``18线路图 191控制在市域``: an answer to 18 holding 191…, or 19 with a blank that begins with 1?
    Neither reading is read silently: the member is 无法评分 with the line named; ``18. 线路 3 张``
    (3 does not follow 18) stays one answer."""
    text = f"姓名：李四\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n18线路图 191控制在市域\n20. 最先一公里\n"
    report = grade_files([write(tmp_path / "b.txt", text)], key40())
    assert scores(report) == []
    (failure,) = report.failures
    assert str(failure).startswith(
        f"{tmp_path / 'b.txt'}:7: 李四: 无法评分 (not graded): line 7: the line may hold the answers to questions "
        "18 and 19 (the text after 191 begins with a digit); put each answer on a line of its own"
    )


def test_name_alone_on_the_first_line(tmp_path: Path) -> None:
    """A first line holding only ``赵六`` is the member's name; no warning about the name."""
    text = f"赵六\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
    report = grade_files([write(tmp_path / "sheet.txt", text)], key40())
    assert scores(report) == [("赵六", 40)]
    assert problems(report) == []


UNNUMBERED = "姓名：王五\n测验：q40\nDCBAD BCD BC ABCEF ABC 对错对错对错 线路图 控制在市域 最先一公里\n"


def test_unnumbered_answers_are_not_graded(tmp_path: Path) -> None:
    """A line of answers without numbers cannot be matched to questions: 王五 is 无法评分 (a failure naming the
    sheet and the member), never 0 分; the other sheet is graded."""
    bad = write(tmp_path / "王五.txt", UNNUMBERED)
    good = write(
        tmp_path / "张三.txt", f"姓名：张三\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
    )
    report = grade_files([bad, good], key40())
    assert scores(report) == [("张三", 40)]
    assert problems(report) == [
        f"{bad}:3: 王五: 无法评分 (not graded): line 3: answers without question numbers "
        "('DCBAD BCD BC ABCEF ABC 对错对错对错 线路图 控制在市域…'): such answers are read in paper order only on a "
        "paper whose every question takes one letter or 对/错 mark (单选, 判断), and this paper has questions 6–8 "
        "(多选), 18–20 (填空); which answer belongs to which question cannot be told — number each answer (1. D, or "
        "1D 2C 3B) or give ranges (1-5 DCBAD)"
    ]


def test_run_of_the_wrong_length_is_not_graded(tmp_path: Path) -> None:
    """``1-5 DCBA`` holds four answers for five questions: the sheet is not graded (no answer is shifted)."""
    text = f"姓名：张三\n{HEAD}1-5 DCBA\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
    path = write(tmp_path / "a.txt", text)
    report = grade_files([path], key40())
    assert scores(report) == []
    assert problems(report) == [
        f"{path}:3: 张三: 无法评分 (not graded): line 3: 1-5 names 5 questions but 'DCBA' holds 4 answers "
        "(write one answer per question, e.g. 1-5 DCBAD or 6-8 BCD BC ABCEF); which answer belongs to which "
        "question cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
    ]


def test_cli_exits_non_zero_naming_the_unreadable_sheet(tmp_path: Path) -> None:
    """On the command line the unreadable sheet makes the exit status 1 and is named; the report covers 张三."""
    (tmp_path / "k.key.yaml").write_text(dump_key(key40()), encoding="utf-8")
    bad = write(tmp_path / "王五.txt", UNNUMBERED)
    good = write(
        tmp_path / "张三.txt",
        f"姓名：张三\n{HEAD}1D 2C 3B 4A 5D\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}",
    )
    result = CliRunner().invoke(main, ["grade", str(bad), str(good), "--key", str(tmp_path / "k.key.yaml")])
    assert result.exit_code == 1
    assert f"\n张三（{good}）：40/40 分，100.0%，及格\n" in result.stdout
    assert "王五" not in result.stdout.split("未评分")[0]
    assert (
        f"\n未评分（1）\n  {bad}:3: 王五：无法评分：第 3 行：" in result.stdout
        and "分不清哪个答案属于哪道题" in result.stdout  # the reason's new words are translated after the merge
    )  # the report is Chinese
    assert result.stderr.splitlines()[0].startswith(f"{bad}:3: 王五: 无法评分 (not graded): line 3:")
    assert result.stderr.splitlines()[-1] == (
        f"Error: not everything could be graded: {bad} (see above); the report covers the rest"
    )


FULL_SHEET = f"{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
FLAG = "过半答案无法识别（12/20 题），请核对原卷"


def mostly_unreadable(tmp_path: Path) -> GroupReport:
    """张三 40/40; 钱七 right on 1–8 (22 points) and ``？`` on 9–20: 12 of 20 unreadable."""
    good = write(tmp_path / "张三.txt", "姓名：张三\n" + FULL_SHEET)
    marks = "".join(f"{n}. ？\n" for n in range(9, 21))
    bad = write(tmp_path / "钱七.txt", f"姓名：钱七\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n{marks}")
    return grade_files([good, bad], key40())


def test_mostly_unreadable_sheet_is_flagged_in_every_ranking(tmp_path: Path) -> None:
    """A sheet with more than half its items unreadable is flagged in the ranking of the text, CSV, JSON and
    HTML reports (not only among the warnings); its score stays the hand count, 22."""
    from studykit.grade import render_report

    report = mostly_unreadable(tmp_path)
    assert scores(report) == [("张三", 40), ("钱七", 22)]
    text = render_report(report, "text")
    assert f"    2. 钱七  22/40   55.0%  不及格  {FLAG}\n" in text
    assert f"钱七（{tmp_path / '钱七.txt'}）：22/40 分，55.0%，不及格，{FLAG}\n" in text
    assert "    1. 张三  40/40  100.0%  及格\n" in text
    csv_rows = render_report(report, "csv").splitlines()
    assert csv_rows[2].split(",")[:8] == [
        "2",
        "钱七",
        str(tmp_path / "钱七.txt"),
        "",
        "22",
        "40",
        "55.0",
        f"不及格；{FLAG}",
    ]
    assert csv_rows[1].split(",")[7] == "及格"
    import json

    members = json.loads(render_report(report, "json"))["members"]
    assert [m.get("flag") for m in members] == [None, FLAG]
    html = render_report(report, "html")
    assert f'<td class="fail">不及格；{FLAG}</td>' in html
    assert f'，<span class="fail">{FLAG}</span></p>' in html


def test_half_unreadable_is_not_flagged(tmp_path: Path) -> None:
    """Exactly half (10 of 20) unreadable is not "more than half": no flag."""
    from studykit.grade import render_report

    marks = "".join(f"{n}. ？\n" for n in range(11, 21))
    path = write(tmp_path / "a.txt", f"姓名：钱七\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9. A\n10. B\n{marks}")
    report = grade_files([path], key40())
    assert scores(report) == [("钱七", 26)]
    assert "过半" not in render_report(report, "text")


# -- 2. GBK tables charset-normalizer finds nothing in ---------------------------------
DATA = Path(__file__).resolve().parents[1] / "data" / "issue11"


def wjx5_key() -> AnswerKey:
    """The key of wjx_gbk_5.csv: two singles (2 points), two multiples (4 points) — 12 points."""
    items = (
        _item(
            1,
            "single",
            2,
            ("C",),
            ("“1+1+10”", "“1+11”", "“1+1+11”", "“1+N”"),
            "赵显富介绍，我省出台的一揽子政策措施是（ ）",
        ),
        _item(
            2,
            "single",
            2,
            ("A",),
            ("法治", "德治", "自治", "科技"),
            "戴小明认为，国家治理体系和治理能力的重要依托是（ ）",
        ),
        _item(
            3,
            "multiple",
            4,
            ("A", "C", "D", "E"),
            ("宜业", "宜商", "宜居", "宜乐", "宜游"),
            "姜晓萍提出，城市规划建设要努力创造的良好环境包括（ ）",
        ),
        _item(
            4,
            "multiple",
            4,
            ("A", "C", "E", "F"),
            ("治安", "安居", "安定", "安康", "安宁", "安乐"),
            "姜晓萍认为，城市社会安全的构成要素包括（ ）",
        ),
    )
    return AnswerKey("wjx", "", "", "b", "f", items, "partial")


def test_five_row_gbk_survey_csv_with_survey_join_is_read(tmp_path: Path) -> None:
    """A 5-row 问卷星 GBK CSV of ┋-joined option texts, in which charset-normalizer finds no encoding at all,
    decodes strictly as GB18030 and is read without --encoding.  Hand count (multiple: partial): 张三 0 (B, 自治,
    every option twice); 李四 0; 王五 2+2 (3: every option, 4: 安居 is wrong) = 4; 赵六 0; 周九 2 + 0 + 0 + 2
    (4: 安乐 安宁 安定 = F E C, a proper subset of A C E F) = 4."""
    from charset_normalizer import from_bytes

    from studykit.grade import detect_encoding
    from studykit.grade.readers import CANDIDATE_ENCODINGS

    path = DATA / "wjx_gbk_5.csv"
    data = path.read_bytes()
    assert not from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS, threshold=1.0)  # the detector alone fails
    assert detect_encoding(path) == "gb18030"
    report = grade_files([path], wjx5_key())
    assert scores(report) == [("张三", 0), ("李四", 0), ("王五", 4), ("赵六", 0), ("周九", 4)]
    assert problems(report) == []


def test_thirty_row_gbk_survey_csv_reads_as_its_utf8_twin(tmp_path: Path, key: AnswerKey) -> None:
    """A 30-row GBK 问卷星 CSV with ┋ is read without --encoding and scores exactly as the same table in UTF-8;
    the first two rows hand-counted: 张三0 0 (every answer wrong), 李四1 4 (1: B 2, 5: 对 1, 6: 错 1)."""
    from dataclasses import replace

    from studykit.grade import detect_encoding

    path = DATA / "wjx_gbk_30.csv"
    assert detect_encoding(path) == "gb18030"
    twin = write(tmp_path / "utf8.csv", path.read_bytes().decode("gbk"))
    unversioned = replace(key, version="")
    report = grade_files([path], unversioned)
    assert len(report.members) == 30
    assert scores(report)[:2] == [("张三0", 0), ("李四1", 4)]
    assert scores(report) == scores(grade_files([twin], unversioned))
    assert problems(report) == []


def test_cli_grades_gbk_survey_csv_without_encoding(tmp_path: Path) -> None:
    """``studykit grade wjx_gbk_5.csv --key …`` exits 0 and prints the five members' scores."""
    (tmp_path / "k.key.yaml").write_text(dump_key(wjx5_key()), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["grade", str(DATA / "wjx_gbk_5.csv"), "--key", str(tmp_path / "k.key.yaml"), "--format", "csv"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    rows = [line.split(",")[:5] for line in result.stdout.splitlines()[1:]]
    assert [(r[1], r[4]) for r in rows] == [("王五", "4"), ("周九", "4"), ("张三", "0"), ("李四", "0"), ("赵六", "0")]


# -- 3. 问卷星 按选项序号 downloads -------------------------------------------------------
NUMBERED_NOTE = (
    "warning: the choice cells hold option numbers (a 问卷星 download by option number, 按选项序号): "
    "read 1 as A, 2 as B, … (a true-or-false item's 1 as 对, 2 as 错); -3 (skipped) and -2 (not shown) as unanswered"
)


def test_option_numbers_in_a_csv(tmp_path: Path, key: AnswerKey) -> None:
    """``4`` is the fourth option and ``2┋3┋4`` a multiple choice; 判断 1/2 is 对/错; -3 is skipped.  Hand count
    (mini key, 18 points): 甲 all right 18; 乙 2 (q2) + 1 (q6) + 2 (q8) = 5; 丙 4 (q3) + 1 (q5) + 2 (q8) = 7.
    The note comes once, for the table, not per row."""
    from dataclasses import replace

    text = (
        "序号,提交答卷时间,您的姓名,1,2,3,4,5,6,7,8\n"
        "1,2026/10/20 10:00:00,甲,2,3,1┋2┋3,1┋2┋3,1,2,现场会议+云端会议,1+1+11\n"
        "2,2026/10/20 10:01:00,乙,1,3,2┋3,1┋2┋3┋4,2,2,现场会议,1+1+11\n"
        "3,2026/10/20 10:02:00,丙,-3,4,1┋2┋3,1┋3,1,-3,(跳过),1+1+11\n"
    )
    path = write(tmp_path / "按序号.csv", text, "gbk")
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 18), ("乙", 5), ("丙", 7)]
    assert [r.given for r in report.members[2].items] == ["", "D", "A、B、C", "A、C", "对", "", "", "1+1+11"]
    assert problems(report) == [f"{path}:1: {NUMBERED_NOTE}"]


def test_option_number_tables_need_every_answered_choice_a_number(tmp_path: Path, key: AnswerKey) -> None:
    """A table by text whose single 2 is an unreadable cell stays a table by text: ``2`` is not read as B."""
    from dataclasses import replace

    text = "姓名,1,2,3,4,5,6,7,8\n甲,华中师范大学,2,网格长┋楼栋长┋单元长,A┋B┋C,对,错,现场会议+云端会议,1+1+11\n"
    path = write(tmp_path / "按文本.csv", text)
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 16)]
    assert problems(report) == [
        f"{path}:2: warning: 甲, question 2: cannot read answer '2': expected letters A–D or option texts; scored 0"
    ]


def test_one_column_per_option_xlsx(tmp_path: Path, key: AnswerKey) -> None:
    """An .xlsx 按序号 download: singles and 判断 as numbers, each multiple spread over one 0/1 column per option
    (``3(网格长)`` by text, ``4(1)`` by number).  Hand count: 甲 18; 乙 2 + 1 + 2 = 5 (q3 BC and q4 ABCD wrong);
    丙 2 + 4 + 1 + 2 = 9 (q4 ticks none: unanswered; q8 blank)."""
    from dataclasses import replace

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "1", "2", "3(网格长)", "3(楼栋长)", "3(单元长)", "3(小区长)", "4(1)", "4(2)", "4(3)", "4(4)",
               "5", "6", "7", "8"])  # fmt: skip
    ws.append(["甲", 2, 3, 1, 1, 1, 0, 1, 1, 1, 0, 1, 2, "现场会议+云端会议", "1+1+11"])
    ws.append(["乙", 1, 3, 0, 1, 1, 0, 1, 1, 1, 1, 2, 2, "现场会议", "1+1+11"])
    ws.append(["丙", 2, 4, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, "现场会议+云端会议", None])
    path = tmp_path / "按序号.xlsx"
    wb.save(path)
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 18), ("乙", 5), ("丙", 9)]
    assert [r.given for r in report.members[1].items][:4] == ["A", "C", "B、C", "A、B、C、D"]
    assert report.members[2].items[3].status == "unanswered"
    assert problems(report) == [f"{path}:1: {NUMBERED_NOTE}"]


def test_one_column_per_option_csv_by_text(tmp_path: Path, key: AnswerKey) -> None:
    """Option columns also read in a CSV by text (``3、<stem>(网格长)``, ``4:A``); a tick cell that is neither 1 nor
    0 makes the answer unreadable, never guessed.  甲 18; 乙: q3 unreadable, rest right: 14."""
    from dataclasses import replace

    stem = key.items[2].stem
    heads = [f"3、{stem}({o})" for o in key.items[2].options] + [f"4:{c}" for c in "ABCD"]
    text = "姓名,1,2," + ",".join(heads) + ",5,6,7,8\n"
    text += "甲,B,C,1,1,1,0,1,1,1,0,对,错,现场会议+云端会议,1+1+11\n"
    text += "乙,B,C,1,2,1,0,1,1,1,0,对,错,现场会议+云端会议,1+1+11\n"
    path = write(tmp_path / "分列.csv", text)
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 18), ("乙", 14)]
    assert problems(report) == [
        f"{path}:3: warning: 乙, question 3: cannot read answer 'B=2': expected letters A–D or option texts; scored 0"
    ]


# -- 4. Traditional script -------------------------------------------------------------
def traditional_key() -> AnswerKey:
    """Three fill-ins (2 points each) and a multiple (4): 网格化, 显著, a key written in Traditional (樓棟長), and
    the 三长制 options."""
    items = (
        _item(1, "fill_blank", 2, ("网格化",)),
        _item(2, "fill_blank", 2, ("显著",)),
        _item(3, "fill_blank", 2, ("樓棟長",)),
        _item(4, "multiple", 4, ("A", "B", "C"), ("网格长", "楼栋长", "单元长", "小区长")),
    )
    return AnswerKey("trad", "", "", "b", "f", items)


def test_traditional_answers_fold_character_by_character(tmp_path: Path) -> None:
    """``網格化`` is 网格化 and ``顯著`` is 显著 (right, each with a note that it was read in Simplified characters);
    ``显着`` is not 显著 (wrong: no phrase conversion); a key in Traditional matches a Simplified answer; option
    texts in Traditional pick their options.  Hand count: 甲 2 + 2 + 2 + 4 = 10; 乙 2 + 0 + 2 + 4 = 8."""
    a = write(tmp_path / "甲.txt", "姓名：甲\n测验：trad\n1. 網格化\n2. 顯著\n3. 楼栋长\n4. 網格長┋樓棟長┋單元長\n")
    b = write(tmp_path / "乙.txt", "姓名：乙\n测验：trad\n1. 网格化\n2. 显着\n3. 樓棟長\n4. ABC\n")
    report = grade_files([a, b], traditional_key())
    assert scores(report) == [("甲", 10), ("乙", 8)]
    assert [r.status for r in report.members[1].items] == ["correct", "wrong", "correct", "correct"]
    assert [r.given for r in report.members[0].items] == ["網格化", "顯著", "楼栋长", "A、B、C"]
    assert problems(report) == [
        f"{a}:3: warning: 甲, question 1: read in Simplified characters: '網格化' as '网格化'",
        f"{a}:4: warning: 甲, question 2: read in Simplified characters: '顯著' as '显著'",
        f"{a}:6: warning: 甲, question 4: read in Simplified characters: '網格長┋樓棟長┋單元長' as '网格长┋楼栋长┋单元长'",
    ]


def test_fold_is_per_character() -> None:
    """OpenCC's phrase table would make 显着 显著; folding one character at a time keeps it."""
    from studykit.grade.script import fold

    assert fold("显着") == "显着"
    assert fold("顯著") == "显著"
    assert fold("華中師範大學") == "华中师范大学"
    assert fold("ABC 1+1+11") == "ABC 1+1+11"


# -- 5. 其他〖…〗 free text ----------------------------------------------------------------
def test_other_free_text_is_shown_as_written(tmp_path: Path, key: AnswerKey) -> None:
    """``其他〖华中科技大学〗`` is shown as ``其他：华中科技大学`` in the report, scores 0, and gives one warning naming
    the row.  Hand count: 甲 18 − 2 (q2) = 16; 乙 all right, 18."""
    from dataclasses import replace

    from studykit.grade import render_report

    text = (
        "序号,您的姓名,1,2,3,4,5,6,7,8\n"
        "1,甲,华中师范大学,其他〖华中科技大学〗,网格长┋楼栋长┋单元长,A┋B┋C,对,错,现场会议+云端会议,1+1+11\n"
        "2,乙,华中师范大学,大都市,网格长┋楼栋长┋单元长,A┋B┋C,对,错,现场会议+云端会议,1+1+11\n"
    )
    path = write(tmp_path / "问卷.csv", text)
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 16), ("乙", 18)]
    assert report.members[0].items[1].given == "其他：华中科技大学"
    assert problems(report) == [
        f"{path}:2: warning: 甲, question 2: 其他 with the text '华中科技大学', which is not one of the options; "
        "shown as written"
    ]
    assert "    2. [单选 2分] 错误：作答 其他：华中科技大学，正确答案 C\n" in render_report(report, "text")
    assert report.items[1].other == 1


# -- 8. no noise ------------------------------------------------------------------------
def test_sheets_without_quiz_line_give_one_note_for_the_batch(tmp_path: Path) -> None:
    """Five sheets without ``测验：`` graded against the one key give one note, naming the first three and the count;
    every sheet is graded (40 each)."""
    body = "1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n" + TAIL
    paths = [write(tmp_path / f"{n}.txt", f"姓名：{n}\n{body}") for n in ("甲", "乙", "丙", "丁", "戊")]
    report = grade_files(paths, key40())
    assert scores(report) == [(n, 40) for n in ("甲", "乙", "丙", "丁", "戊")]
    assert problems(report) == [
        f"{paths[0]}: warning: 5 sheets do not say which quiz they are (no 测验： line): "
        f"{paths[0]}, {paths[1]}, {paths[2]} and 2 more; each is graded with the key of quiz q40"
    ]


# -- 7. a key is never lost ---------------------------------------------------------------
def test_quiz_refuses_to_overwrite_an_answer_key(tmp_path: Path) -> None:
    """A second ``studykit quiz`` of another draw onto the same -o refuses, naming the key, and writes nothing;
    ``--force`` replaces it."""
    from gradekit import MINI

    def quiz(*args: str) -> tuple[int, str]:
        result = CliRunner().invoke(main, ["quiz", "--bank", str(MINI), "--count", "4", "--versions", "2", *args])
        return result.exit_code, result.stderr

    target = str(tmp_path / "第一次测验.md")
    assert quiz("--seed", "1", "-o", target) == (0, "")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert len(before) == 8
    assert quiz("--seed", "2", "-o", target) == (
        1,
        f"Error: {tmp_path / '第一次测验-A.key.yaml'} exists: it is the answer key of papers that may be handed out "
        "already; refusing to overwrite it (give --force to replace it, or choose another -o)\n",
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert quiz("--seed", "2", "--force", "-o", target) == (
        0,
        "".join(
            f"warning: {tmp_path / f'第一次测验-{v}.key.yaml'} held the key of quiz mini-test-1-48fdfe66 and is "
            "replaced; to grade that quiz, make its key again with --seed 1 and the options it was made with\n"
            for v in "AB"
        ),
    )
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after.keys() == before.keys() and after["第一次测验-A.key.yaml"] != before["第一次测验-A.key.yaml"]


# -- 6. versions A and B in one run ----------------------------------------------------------
def ab_keys() -> tuple[AnswerKey, AnswerKey]:
    """Versions A and B of one 9-point quiz: the options of 1 (single, 2) and 2 (multiple, 4) in another order;
    3 true_false (1) and 4 fill_blank (2) alike.  A: 1 B (乙), 2 ABC; B: 1 D (乙), 2 BCD (网格长 楼栋长 单元长)."""
    tail = (_item(3, "true_false", 1, ("true",)), _item(4, "fill_blank", 2, ("网格化",)))
    a = (
        _item(1, "single", 2, ("B",), ("甲", "乙", "丙", "丁")),
        _item(2, "multiple", 4, ("A", "B", "C"), ("网格长", "楼栋长", "单元长", "小区长")),
    )
    b = (
        _item(1, "single", 2, ("D",), ("丙", "甲", "丁", "乙")),
        _item(2, "multiple", 4, ("B", "C", "D"), ("小区长", "单元长", "网格长", "楼栋长")),
    )
    return AnswerKey("ab", "A", "", "b", "f", (*a, *tail)), AnswerKey("ab", "B", "", "b", "f", (*b, *tail))


def ab_folder(tmp_path: Path) -> Path:
    """Sheets of versions A and B and a table with a 版本 column, in one folder (keys beside them)."""
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    a, b = ab_keys()
    (sheets / "A.key.yaml").write_text(dump_key(a), encoding="utf-8")
    (sheets / "B.key.yaml").write_text(dump_key(b), encoding="utf-8")
    write(sheets / "甲.txt", "姓名：甲\n测验：ab\n版本：A\n1. B\n2. ABC\n3. 对\n4. 网格化\n")
    write(sheets / "乙.txt", "姓名：乙\n测验：ab\n版本：B\n1. D\n2. BCD\n3. 对\n4. 网格化\n")
    write(sheets / "丙.txt", "姓名：丙\n测验：ab\n版本：b\n1. B\n2. CD\n3. 错\n4. 网格化\n")
    write(sheets / "支部.csv", "姓名,版本,1,2,3,4\n丁,A,A,ABC,对,网格\n戊,B,D,BCD,对,网格化\n")
    return sheets


def test_versions_a_and_b_in_one_report(tmp_path: Path) -> None:
    """Each sheet and row is graded with the key of its 版本; one report covers everyone.  Hand count: 甲 (A, all
    right) 9; 乙 (B, all right in B's letters) 9; 丙 (B: 1 B is 甲, wrong; 2 CD is 网格长 楼栋长, too few; 3 错
    wrong; 4 right) 2; 丁 (A: 1 wrong; 2, 3 right; 4 网格 wrong) 5; 戊 (B, all right) 9.  B members are shown in
    A's letters, said once; the option counts add up in A's letters."""
    from studykit.grade import render_report

    folder = ab_folder(tmp_path)
    report = grade_files([folder], list(ab_keys()))
    assert sorted(scores(report)) == sorted([("甲", 9), ("乙", 9), ("丙", 2), ("丁", 5), ("戊", 9)])
    by_name = {m.name: m for m in report.members}
    assert [r.given for r in by_name["乙"].items] == ["B", "A、B、C", "对", "网格化"]
    assert [r.given for r in by_name["丙"].items] == ["A", "A、B", "错", "网格化"]
    assert report.items[0].choices == (("A", 2), ("B", 3), ("C", 0), ("D", 0))
    assert problems(report) == [
        f"{folder / '丙.txt'}: warning: members of versions after the first are shown in the first version's option "
        "letters (the same option texts, shuffled; scores are each version's own)"
    ]
    assert report.key.version == "A、B"
    assert "测验 ab · 版本 A、B · 满分 9 分" in render_report(report, "text")


def test_a_sheet_of_a_third_version_fails_naming_the_versions(tmp_path: Path) -> None:
    """版本：C against keys A and B is not graded (the letters of no key fit it); a table without 版本 column fails
    too; the rest is graded."""
    folder = ab_folder(tmp_path)
    c = write(folder / "己.txt", "姓名：己\n测验：ab\n版本：C\n1. B\n2. ABC\n3. 对\n4. 网格化\n")
    plain = write(tmp_path / "无版本.csv", "姓名,1,2,3,4\n庚,B,ABC,对,网格化\n")
    report = grade_files([c, plain, folder / "甲.txt"], list(ab_keys()))
    assert scores(report) == [("甲", 9)]
    assert problems(report) == [
        f"{c}:3: the sheet is version 'C' but the keys are for versions A, B — write 版本：A (or another of them) on "
        "the sheet or give the key of its version",
        f"{plain}:1: the table has no 版本 column but the keys are for versions A, B; add a 版本 column so that each "
        "row is graded with the key of its version",
    ]


def test_cli_grades_a_folder_with_two_keys(tmp_path: Path) -> None:
    """``studykit grade sheets/ --key A.key.yaml --key B.key.yaml``: exit 0, one CSV report ranking all five,
    the three tied at 9 in the order the folder is read: 拼音 order of the file names, 甲.txt (jia), 乙.txt (yi),
    then 戊's row of 支部.csv (zhi) (report-checks; it was character-code order, 乙 U+4E59 first)."""
    folder = ab_folder(tmp_path)
    args = ["grade", str(folder), "--key", str(folder / "A.key.yaml"), "--key", str(folder / "B.key.yaml")]
    result = CliRunner().invoke(main, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    assert [(r[0], r[1], r[4]) for r in rows] == [
        ("1", "甲", "9"), ("1", "乙", "9"), ("1", "戊", "9"), ("4", "丁", "5"), ("5", "丙", "2")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("b_change", "message"),
    [
        ({"quiz_id": "other"}, "the keys are of different quizzes (ab and other); grade each quiz in its own run"),
        ({"version": ""}, "the key of quiz ab has no version; several keys must be versions (A, B, …) of one quiz"),
        ({"version": "a"}, "version A is given twice (give each version's key once)"),
    ],
)
def test_keys_that_are_not_versions_of_one_quiz_are_refused(b_change: dict[str, str], message: str) -> None:
    """Several keys must be distinct versions of one quiz."""
    from dataclasses import replace

    from studykit.errors import KeyFileError

    a, b = ab_keys()
    with pytest.raises(KeyFileError) as caught:
        grade_files([], [a, replace(b, **b_change)])  # type: ignore[arg-type]
    assert caught.value.message == message


# -- 1, more forms ------------------------------------------------------------------------------
def test_two_ranges_on_a_line_and_bracketed_numbers(tmp_path: Path) -> None:
    """``1-5 DCBAD 6-8 BCD BC ABCEF`` holds two ranges; ``(9) A (10) B (11) C`` and ``⑫对 ⑬错 ⑭对`` are numbered
    answers.  Every answer right but 10 (A for B): 38."""
    text = f"姓名：张三\n{HEAD}1-5 DCBAD 6-8 BCD BC ABCEF\n(9) A (10) A (11) C\n⑫对 ⑬错 ⑭对\n15-17 错对错\n{TAIL}"
    report = grade_files([write(tmp_path / "a.txt", text)], key40())
    assert scores(report) == [("张三", 38)]
    assert [r.number for r in report.members[0].items if r.status != "correct"] == [10]
    assert problems(report) == []


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (
            "1-5 DCBAD 6BCD 7BC 8ABCEF",
            "the run of 1-5 holds '6BCD', a question number (put numbered answers or another range after a space, "
            "e.g. 1-5 DCBAD 6-8 BCD BC ABCEF)",
        ),
        (
            "1D 2C 3-5 BAD 6BCD 7BC 8ABCEF",
            "the line holds answers to questions 1, 2, 3, 6, 7, 8 that cannot be told apart (put an answer holding "
            "a space on a line of its own)",
        ),
    ],
)
def test_lines_that_would_shift_answers_are_not_graded(tmp_path: Path, line: str, why: str) -> None:
    """A run holding a question number, or numbered answers that do not split into pairs, would put answers on
    the wrong questions: the sheet is 无法评分, naming the line."""
    text = f"姓名：张三\n{HEAD}{line}\n9-11 ABC\n12-17 对错对错对错\n{TAIL}"
    path = write(tmp_path / "a.txt", text)
    report = grade_files([path], key40())
    assert scores(report) == []
    assert problems(report) == [
        f"{path}:3: 张三: 无法评分 (not graded): line 3: {why}; which answer belongs to which question cannot be "
        "told — number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
    ]


def test_fill_in_answers_with_spaces_on_one_line_run_to_the_next_number(tmp_path: Path) -> None:
    """``18线路图 19控制在 市域 20最先一公里``: 19's answer runs to the next number, space and all (a blank compares
    without spaces): 40/40."""
    text = f"姓名：张三\n{HEAD}1-5 DCBAD\n6-8 BCD BC ABCEF\n9-11 ABC\n12-17 对错对错对错\n18线路图 19控制在 市域 20最先一公里\n"
    report = grade_files([write(tmp_path / "a.txt", text)], key40())
    assert scores(report) == [("张三", 40)]
    assert report.members[0].items[18].given == "控制在 市域"
    assert problems(report) == []


def test_hostile_lines_read_in_linear_time(tmp_path: Path) -> None:
    """A line of 20,000 、 between two answers, or 20,000 pairs, is read in well under a second."""
    import time

    from studykit.grade.sheet_lines import numbered_answers

    started = time.perf_counter()
    assert numbered_answers("1A" + "、" * 20000 + "B") is None
    assert numbered_answers(" ".join(f"{i}A" for i in range(1, 20001))) == [(i, "A") for i in range(1, 20001)]
    assert time.perf_counter() - started < 1.0


def test_strict_decode_fallback_still_tells_big5_by_its_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When charset-normalizer finds nothing, a file that decodes strictly as both GB18030 and Big5 is Big5 when
    only Big5 reads its 姓名/測驗/版本/題 labels; a GBK file stays GB18030; UTF-16 without BOM (NULs) is UTF-16 or refused."""
    import charset_normalizer

    from studykit.errors import AnswerFileError
    from studykit.grade import detect_encoding

    class Nothing(list[object]):
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda *a, **k: Nothing())
    text = "姓名：陳文\n測驗：第一次測驗\n版本：A\n第1題 C\n第2題 D\n"
    assert detect_encoding(write(tmp_path / "big5.txt", text, "big5")) == "big5"
    assert detect_encoding(write(tmp_path / "gbk.txt", "姓名：陈文\n测验：q\n1. C\n", "gbk")) == "gb18030"
    # UTF-16 without BOM: its byte order told by the NULs of its ASCII characters (round 8), never GB18030
    assert detect_encoding(write(tmp_path / "u16.txt", "姓名：陈文\n1. C\n", "utf-16-le")) == "utf-16-le"
    with pytest.raises(AnswerFileError, match="cannot tell the text encoding"):  # too few ASCII characters to tell
        detect_encoding(write(tmp_path / "u16cjk.txt", "姓名：陈文同志测验第一次\n", "utf-16-le"))


def test_real_versions_from_studykit_quiz_grade_in_one_run(tmp_path: Path) -> None:
    """``studykit quiz --versions 2`` then each member fills the 答题卡 of their version with its key's answers
    (a 乙 on B as ranges and pairs): ``grade <folder> --key A --key B`` gives both full marks, 30/30, exit 0."""
    from gradekit import MINI
    from studykit.key import load_key

    runner = CliRunner()
    made = runner.invoke(
        main,
        ["quiz", "--bank", str(MINI), "--count", "6", "--seed", "3", "--versions", "2", "-o", str(tmp_path / "q.md")],
    )
    assert made.exit_code == 0, made.stderr
    sheets = tmp_path / "答卷"
    sheets.mkdir()
    for version, name in (("A", "甲"), ("B", "乙")):
        key = load_key(tmp_path / f"q-{version}.key.yaml")
        right = ["".join(it.answer) if it.type in ("single", "multiple") else
                 {"true": "对", "false": "错"}.get(it.answer[0], it.answer[0]) for it in key.items]  # fmt: skip
        blank = (tmp_path / f"q-{version}.answers.txt").read_text(encoding="utf-8")
        lines = [f"{n}. {a}" for n, a in enumerate(right, 1)]
        if version == "B":  # two per line, as a phone user types them; a blank that begins with a digit
            # (1+1+11) on a line of its own, since 61+1+11 cannot be told from an answer to question 61
            lines = [f"{n}{a} {n + 1}{b}" for n, a, b in zip(range(1, 5, 2), right[:4:2], right[1:4:2], strict=True)]
            lines += [f"{n}. {a}" for n, a in enumerate(right[4:], 5)]
        filled = blank.replace("姓名：", f"姓名：{name}").split("\n1. ")[0] + "\n" + "\n".join(lines) + "\n"
        (sheets / f"{name}.txt").write_text(filled, encoding="utf-8")
    result = runner.invoke(
        main,
        ["grade", str(sheets), "--key", str(tmp_path / "q-A.key.yaml"), "--key", str(tmp_path / "q-B.key.yaml"),
         "--format", "csv"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    assert sorted((r[1], r[4], r[5]) for r in rows) == [("乙", "30", "30"), ("甲", "30", "30")]


def test_yaml_sheet_with_ranges(tmp_path: Path) -> None:
    """A YAML sheet's answers may use ranges as keys (``1-5: DCBAD``); one wrong (13: 对 for 错): 39."""
    text = (
        "姓名: 张三\nquiz: q40\nanswers:\n  1-5: DCBAD\n  6-8: BCD BC ABCEF\n  9-11: ABC\n  12-17: 对对对错对错\n"
        "  18: 线路图\n  19: 控制在市域\n  20: 最先一公里\n"
    )
    report = grade_files([write(tmp_path / "a.yaml", text)], key40())
    assert scores(report) == [("张三", 39)]
    assert problems(report) == []


def test_option_columns_found_by_stem_when_the_survey_numbers_differ(tmp_path: Path, key: AnswerKey) -> None:
    """问卷星 numbers its own questions (1 is 您的姓名): ``4、<stem of item 3>(网格长)`` is an option of key item 3,
    found by its stem, not item 4.  Hand count: 甲 18; 乙 ticks 网格长 and 楼栋长 only on item 3: 18 − 4 = 14."""
    from dataclasses import replace

    items = key.items
    heads = ["1、您的姓名", f"2、{items[0].stem}", f"3、{items[1].stem}"]
    heads += [f"4、{items[2].stem}({o})" for o in items[2].options]
    heads += [f"5、{items[3].stem}({o})" for o in items[3].options]
    heads += [f"{n + 1}、{items[n - 1].stem}" for n in range(5, 9)]
    text = "\n".join(
        [
            ",".join(f'"{h}"' for h in heads),
            "甲,2,3,1,1,1,0,1,1,1,0,1,2,现场会议+云端会议,1+1+11",
            "乙,2,3,1,1,0,0,1,1,1,0,1,2,现场会议+云端会议,1+1+11",
        ]
    )
    path = write(tmp_path / "问卷星.csv", text + "\n")
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == [("甲", 18), ("乙", 14)]
    assert [r.given for r in report.members[1].items][:4] == ["B", "C", "A、B", "A、B、C"]
    assert problems(report) == [f"{path}:1: {NUMBERED_NOTE}"]


def test_output_into_the_folder_never_overwrites_a_sheet_in_it(tmp_path: Path) -> None:
    """``grade sheets/ -o sheets/甲.txt`` is refused: 甲.txt is one of the files the folder gives to grade."""
    folder = ab_folder(tmp_path)
    before = (folder / "甲.txt").read_bytes()
    args = ["grade", str(folder), "--key", str(folder / "A.key.yaml"), "--key", str(folder / "B.key.yaml")]
    result = CliRunner().invoke(main, [*args, "-o", str(folder / "甲.txt")])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: -o {folder / '甲.txt'} is one of the files given to grade ({folder / '甲.txt'}); "
        "refusing to overwrite it — choose another path\n"
    )
    assert (folder / "甲.txt").read_bytes() == before


def test_a_question_with_a_column_and_option_columns_is_refused(tmp_path: Path, key: AnswerKey) -> None:
    """Question 3 as one column and as option columns: which to believe is a guess, so the table is not graded."""
    from dataclasses import replace

    text = "姓名,1,2,3,3(网格长),3(楼栋长),4,5,6,7,8\n甲,B,C,ABC,1,1,ABC,对,错,现场会议+云端会议,1+1+11\n"
    path = write(tmp_path / "t.csv", text)
    report = grade_files([path], replace(key, version=""))
    assert scores(report) == []
    assert problems(report) == [
        f"{path}:1: column 5 ('3(网格长)'): an option of question 3, which already has column 4 ('3')"
    ]


RIGHT = ["D", "C", "B", "A", "D", "BCD", "BC", "ABCEF", "A", "B", "C", "对", "错", "对", "错", "对", "错", "线路图",
         "控制在市域", "最先一公里"]  # fmt: skip


def answer(rng: random.Random, number: int, wrong: int = 0) -> str:
    """Question ``number``'s right answer (wrong one when it is question ``wrong``) as a member may type it:
    letters in either case or full width, 对 as √, 错 as ×."""
    text = (WRONG if number == wrong else RIGHT)[number - 1]
    if text.isascii():
        return rng.choice([text, text.lower(), "".join(chr(ord(c) + 0xFEE0) for c in text)])
    return rng.choice([text, {"对": "√", "错": "×"}.get(text, text)])


WRONG = ["A", "D", "C", "B", "A", "AB", "CD", "ABC", "B", "C", "D", "错", "对", "错", "对", "错", "对", "路线图",
         "控制在省域", "最后一公里"]  # fmt: skip
CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七",
      "十八", "十九", "二十"]  # fmt: skip
POINTS = [2] * 5 + [4] * 3 + [2] * 3 + [1] * 6 + [2] * 3


def phone_sheet(rng: random.Random, wrong: int = 0) -> str:
    """The 40-point paper answered right but for question ``wrong`` (0: none), typed in a random mix of the
    forms members use."""
    lines: list[str] = []
    n = 1
    while n <= 20:
        form = rng.choice(["line", "line", "pairs", "range"])
        span = rng.randint(2, 5)
        group = list(range(n, min(n + span, 21)))
        glued = all(len(RIGHT[k - 1]) == len(WRONG[k - 1]) == 1 for k in group)
        if form == "range" and len(group) >= 2:
            dash = rng.choice(["-", "—", "~", "至", "－", "～", "——"])
            sep = "" if glued and rng.random() < 0.5 else rng.choice([" ", "  ", "，", "\t"])
            head = rng.choice(["{a}{d}{b} ", "{a}{d}{b}：", "{a}{d}{b}题 ", "第{a}{d}{b}题："])
            lines.append(head.format(a=group[0], d=dash, b=group[-1]) + sep.join(answer(rng, k, wrong) for k in group))
        elif form == "pairs" and len(group) >= 2:
            fmt = rng.choice(["{n}{a}", "{n}.{a}", "{n}、{a}", "({n}) {a}", "{n}. {a}", "第{n}题{a}", "{n}:{a}"])
            joint = rng.choice([" ", "  ", "，", "；", "\t", "、"])
            lines.append(joint.join(fmt.format(n=k, a=answer(rng, k, wrong)) for k in group))
        else:
            group = [n]
            fmt = rng.choice(["{n}. {a}", "{n}、{a}", "第{n}题 {a}", "{n}：{a}", "{n}){a}", "（{n}）{a}", "{n}．{a}",
                              "第{cn}题：{a}"])  # fmt: skip
            lines.append(fmt.format(n=n, cn=CN[n], a=answer(rng, n, wrong)))
        n = group[-1] + 1
    return "\n".join(lines) + "\n"


def test_a_hundred_phone_sheets_each_score_forty(tmp_path: Path) -> None:
    """A hundred sheets, each every answer right in a seeded random mix of lines, pairs and ranges: all 40/40,
    no warning, no failure."""
    rng = random.Random(11)
    paths = [write(tmp_path / f"m{i:03d}.txt", f"姓名：党员{i}\n{HEAD}" + phone_sheet(rng)) for i in range(100)]
    report = grade_files(paths, key40())
    assert [m.score for m in report.members] == [40] * 100, [str(p) for p in report.failures][:3]
    assert problems(report) == []


def test_phone_sheets_with_one_wrong_answer_lose_exactly_its_points(tmp_path: Path) -> None:
    """Sheets typed as above with question k answered wrong (k = 1…20, five sheets each) score 40 minus k's points
    and miss only k: no answer shifts onto another question."""
    rng = random.Random(12)
    cases = [(k, i) for k in range(1, 21) for i in range(5)]
    paths = [
        write(tmp_path / f"m{k:02d}-{i}.txt", f"姓名：党员{k}-{i}\n{HEAD}" + phone_sheet(rng, k)) for k, i in cases
    ]
    report = grade_files(paths, key40())
    assert [m.score for m in report.members] == [40 - POINTS[k - 1] for k, _ in cases]
    assert [[r.number for r in m.items if r.status != "correct"] for m in report.members] == [[k] for k, _ in cases]
    assert problems(report) == []


def test_the_member_not_graded_is_listed_in_the_ranking(tmp_path: Path) -> None:
    """王五's unnumbered sheet: in the text ranking and as the CSV's last row, 无法评分 with where and why — never
    a score."""
    from studykit.grade import render_report

    bad = write(tmp_path / "王五.txt", UNNUMBERED)
    good = [write(tmp_path / f"{n}.txt", f"姓名：{n}\n" + FULL_SHEET) for n in ("张三", "李四")]
    report = grade_files([bad, *good], key40())
    assert scores(report) == [("张三", 40), ("李四", 40)]
    text = render_report(report, "text")
    assert (
        f"    1. 李四  40/40  100.0%  及格\n    —  王五  无法评分（{bad}:3，原因见“未评分”）\n" in text
    )  # names line up
    rows = list(csv.reader(io.StringIO(render_report(report, "csv"))))
    assert len(rows) == 4
    assert rows[3][:8] == ["", "王五", str(bad), "3", "", "40", "", retell(report.failures[0].message, "zh")]
    assert rows[3][7].startswith("无法评分：第 3 行：")  # the CSV's language, in an English session too
    assert rows[3][7].endswith("或写成题号范围（1-5 DCBAD）")
    assert rows[3][8:] == [""] * (len(rows[0]) - 8)


def test_downloads_by_text_by_number_and_by_tick_score_alike(tmp_path: Path, key: AnswerKey) -> None:
    """Sixty seeded members downloaded three ways — option texts joined by ┋, option numbers (CSV), one 0/1 column
    per option (XLSX) — score exactly alike, member by member, and read the same answers.  Hand count of the first
    two: 党员0 = 2 (q2 大都市) + 1 (q6 错) + 2 (q7) = 5 (q3 every option, q4 A only); 党员1 = 2 (q8 １＋１＋１１)."""
    from dataclasses import replace

    from openpyxl import Workbook

    rng = random.Random(5)
    items = key.items
    by_text, by_number, by_tick = [], [], []
    for m in range(60):
        texts, numbers, ticks = [f"党员{m}"], [f"党员{m}"], [f"党员{m}"]
        for it in items:
            if it.type in ("single", "multiple"):
                count = 1 if it.type == "single" else rng.randint(0, len(it.options))
                chosen = sorted(rng.sample(range(len(it.options)), count))
                texts.append("┋".join(it.options[i] for i in chosen) or "(跳过)")
                numbers.append("┋".join(str(i + 1) for i in chosen) or "-3")
                ticks += [int(i in chosen) for i in range(len(it.options))] if it.type == "multiple" else [numbers[-1]]
            elif it.type == "true_false":
                truth = rng.choice(["对", "错", ""])
                texts.append(truth or "(跳过)")
                numbers.append({"对": "1", "错": "2", "": "-3"}[truth])
                ticks.append(numbers[-1])
            else:
                fill = rng.choice([*it.answer, "现场会议", ""])
                texts.append(fill)
                numbers.append(fill)
                ticks.append(fill)
        by_text.append(texts)
        by_number.append(numbers)
        by_tick.append(ticks)
    head = ["姓名", *(str(it.number) for it in items)]
    tick_head = ["姓名"]
    for it in items:
        tick_head += [f"{it.number}({o})" for o in it.options] if it.type == "multiple" else [str(it.number)]
    text_path = write(tmp_path / "按文本.csv", "\n".join(",".join(r) for r in [head, *by_text]) + "\n", "gbk")
    number_path = write(tmp_path / "按序号.csv", "\n".join(",".join(r) for r in [head, *by_number]) + "\n", "gbk")
    wb = Workbook()
    ws = wb.active
    for row in [tick_head, *by_tick]:
        ws.append(row)
    tick_path = tmp_path / "按序号.xlsx"
    wb.save(tick_path)
    unversioned = replace(key, version="")
    reports = [grade_files([p], unversioned) for p in (text_path, number_path, tick_path)]
    assert scores(reports[0])[:2] == [("党员0", 5), ("党员1", 2)]
    assert scores(reports[1]) == scores(reports[0]) == scores(reports[2])
    assert [len(r.members) for r in reports] == [60, 60, 60]
    assert [len(r.failures) for r in reports] == [0, 0, 0]
    firsts = [[r.given for r in m.items] for m in reports[0].members[:5]]
    assert [[r.given for r in m.items] for m in reports[1].members[:5]] == firsts
    assert [[r.given for r in m.items] for m in reports[2].members[:5]] == firsts


@pytest.mark.parametrize("first", ["赵六", "姓名赵六", "姓名：赵六", "姓名 赵六"])
def test_the_name_line_in_its_forms(tmp_path: Path, first: str) -> None:
    """赵六 alone, glued to 姓名, or after 姓名：: the member is 赵六 (40/40, no warning)."""
    report = grade_files([write(tmp_path / "sheet.txt", f"{first}\n" + FULL_SHEET)], key40())
    assert scores(report) == [("赵六", 40)]
    assert problems(report) == []


def test_option_columns_named_by_text_follow_each_rows_version(tmp_path: Path) -> None:
    """A 0/1 column per option named by its text (``2(网格长)``) means that option on every version: a B row
    ticking 网格长 楼栋长 单元长 has B's letters C D B, right.  Hand count: 甲 (A) 9; 乙 (B) 9; 丙 (B: 1 B is 甲;
    单元长 小区长; 错; 网格) 0."""
    text = (
        "姓名,版本,1,2(网格长),2(楼栋长),2(单元长),2(小区长),3,4\n"
        "甲,A,B,1,1,1,0,对,网格化\n乙,B,D,1,1,1,0,对,网格化\n丙,B,B,0,0,1,1,错,网格\n"
    )
    path = write(tmp_path / "ab.csv", text)
    report = grade_files([path], list(ab_keys()))
    assert scores(report) == [("甲", 9), ("乙", 9), ("丙", 0)]
    assert [r.given for r in report.members[1].items] == ["B", "A、B、C", "对", "网格化"]
    assert [r.given for r in report.members[2].items] == ["A", "C、D", "错", "网格"]
    assert problems(report) == [
        f"{path}: warning: members of versions after the first are shown in the first version's option letters "
        "(the same option texts, shuffled; scores are each version's own)"
    ]


def test_one_run_of_two_versions_scores_as_two_runs(tmp_path: Path) -> None:
    """Forty seeded sheets of versions A and B graded in one run score exactly as when each version's sheets are
    graded alone with its own key."""
    a, b = ab_keys()
    rng = random.Random(21)
    folder = tmp_path / "答卷"
    folder.mkdir()
    by_version: dict[str, list[Path]] = {"A": [], "B": []}
    for m in range(40):
        version = rng.choice("AB")
        one = rng.choice("ABCD")
        two = "".join(sorted(rng.sample("ABCD", rng.randint(1, 4))))
        text = f"姓名：党员{m:02d}\n测验：ab\n版本：{version}\n1-3 {one} {two} {rng.choice('对错')}\n4. 网格化\n"
        by_version[version].append(write(folder / f"党员{m:02d}.txt", text))
    together = dict(scores(grade_files([folder], [a, b])))
    alone = dict(scores(grade_files(by_version["A"], a))) | dict(scores(grade_files(by_version["B"], b)))
    assert len(together) == 40
    assert together == alone


def test_a_utf8_byte_order_mark_declares_the_encoding(tmp_path: Path, key: AnswerKey) -> None:
    """A table starting with the UTF-8 byte-order mark (Excel's "CSV UTF-8", survey downloads) is read as
    UTF-8 without decoding the whole file a first time to check it; a GBK name at row 2,001 of such a
    table is a read error: the rows read before the decoder met it (it reads about 8 KB ahead) are graded
    and the file is named as not readable, where detection used to give up on the whole table ("cannot
    tell the text encoding"); the message names the last row graded.  Every row before the GBK one is
    graded, including those in the 8 KB the decoder had read ahead (once lost with it)."""
    from dataclasses import replace

    from studykit.grade import detect_encoding

    rows = [f"党员{i},B,,,,,,," for i in range(3000)]  # question 1 right (2 points), 2–8 unanswered
    data = "\ufeff姓名,1,2,3,4,5,6,7,8\r\n" + "\r\n".join(rows) + "\r\n"
    path = tmp_path / "bom.csv"
    path.write_bytes(data.encode("utf-8"))
    assert detect_encoding(path) == "utf-8-sig"
    unversioned = replace(key, version="")
    assert scores(grade_files([path], unversioned))[:2] == [("党员0", 2), ("党员1", 2)]
    path.write_bytes(data.encode("utf-8").replace("党员1999,".encode(), "张三,".encode("gbk")))
    assert detect_encoding(path) == "utf-8-sig"
    report = grade_files([path], unversioned)
    # rows 2–2,000 (党员0–党员1998) graded; row 2,001 (张三 in GBK) and the rows after it are not
    assert (len(report.members), report.members[-1].name, report.members[-1].line) == (1999, "党员1998", 2000)
    assert problems(report) == [
        f"{path}: not readable as utf-8 (invalid continuation byte); rows after row 2000 not graded; "
        "give the right --encoding"
    ]


def test_rows_before_an_undecodable_row_spanning_lines_are_all_graded(tmp_path: Path, key: AnswerKey) -> None:
    """Quoted cells spanning lines: the rows before the one holding a GBK byte are graded, one of
    them a two-line cell ending just before it; the row holding the byte — on its cell's second
    line, begun before it — is not graded even in part (a cut row would score a wrong answer)."""
    from dataclasses import replace

    rows = [f"党员{i},B,,,,,,," for i in range(300)]  # question 1 right (2 points), 2–8 unanswered
    rows[150] = '"党员150\r\n（第二行）",B,,,,,,,'  # row 152 of the table: a complete two-line name
    rows[200] = '"党员200\r\n张三",B,,,,,,,'  # row 202: the GBK name on its cell's second line
    data = ("\ufeff姓名,1,2,3,4,5,6,7,8\r\n" + "\r\n".join(rows) + "\r\n").encode("utf-8")
    path = tmp_path / "multi.csv"
    path.write_bytes(data.replace("张三".encode(), "张三".encode("gbk")))
    report = grade_files([path], replace(key, version=""))
    names = [m.name for m in sorted(report.members, key=lambda m: m.line)]
    assert len(names) == 200 and names[150] == "党员150 (第二行)" and names[-1] == "党员199"
    assert {m.score for m in report.members} == {2}
    assert problems(report) == [
        f"{path}: not readable as utf-8 (invalid continuation byte); rows after row 201 not graded; "
        "give the right --encoding"
    ]
