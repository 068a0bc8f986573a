"""The platforms' downloads as they really come, beyond the layouts of ``test_publish_fresh``: Moodle's
Responses report downloaded from a Moodle in Chinese, and 腾讯问卷's download with every field it writes.

Sources of the column names:

* Moodle's language packs: zh_cn ``quiz_responses`` ``responsex`` = ``回答{$a}``, ``rightanswerx`` =
  ``标准答案{$a}``; zh_cn ``quiz`` ``grade`` = ``成绩``, ``attemptstate`` = ``状态``, ``startedon`` =
  ``开始时间``, ``timecompleted`` = ``完成时间``, ``attemptduration`` = ``用时``, ``statefinished`` = ``完成``,
  ``stateoverdue`` = ``逾期`` (projectestac/moodle-langpacks, zh_cn/quiz_responses.php, zh_cn/quiz.php);
  zh_tw ``responsex`` = ``作答紀錄{$a}``, ``rightanswerx`` = ``正確答案{$a}`` (kiang/moodle_lang_zh_tw),
  zh_tw ``quiz`` ``startedon`` 開始於, ``stateinprogress`` 進行中, ``attemptduration`` 花費時間.
* 腾讯问卷: the header of wj.qq.com downloads as scripts reading them list it — ``"编号","开始答题时间",
  "结束答题时间","答题时长","地理位置国家和地区","地理位置省","地理位置市","自定义字段","1.…",`` (each line
  ending in a comma: an empty last column), and 语言, 清洗数据结果, 智能清洗数据无效概率, 用户类型, 用户标识,
  昵称, IP, UA, Referrer, 中奖时间, 中奖金额, 审核状态; a multiple choice one column per option
  ``21.<stem>:<option>``, a blank of a 多项填空题 ``3.<stem>_填空1``.

Scores as hand-counted in ``test_publish_fresh``: 赵一 100, 钱二 75, 孙三 85.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_publish_fresh import OTHER_WARNING, SCORES, answers, cell, grade, publish, wjx_rows, write_table

from skpaths import SHIPPED_BANK
from studykit.cli import main
from studykit.key import AnswerKey, load_key

#: Moodle's Responses report columns in Chinese: name halves, identity and attempt fields, then per question
#: its text, response and right answer; the state of a finished attempt and of one never submitted.
MOODLE_ZH = {
    "zh_cn": (["姓", "名", "电子邮件地址", "状态", "开始时间", "完成时间", "用时", "成绩/100.00"],
              ("试题 {n}", "回答{n}", "标准答案{n}"), "完成", "逾期"),
    "zh_tw": (["姓", "名", "狀態", "開始於", "完成於", "花費時間", "成績/100.00"],
              ("試題 {n}", "作答紀錄{n}", "正確答案{n}"), "已經完成", "進行中"),
}  # fmt: skip


def moodle_rows(key: AnswerKey, lang: str) -> list[list[str | int]]:
    head, kinds, finished, unsubmitted = MOODLE_ZH[lang]
    header: list[str | int] = [*head, *(kind.format(n=n) for n in range(1, 21) for kind in kinds)]
    rows = [header]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        given[2] = given[2] if not given[2].startswith("其他") else "B"  # Moodle has no 其他
        row: list[str | int] = [member[0], member[1:], *([f"m{n}@example.org"] if "电子邮件地址" in head else [])]
        row += [finished, "2026年12月7日 20:00", "2026年12月7日 20:10", "10 分钟", "0.00"]
        for i, a in sorted(given.items()):
            response = cell(key, i, a, "; ", False) if a else "-"  # 对/错 as the zh packs' True/False
            row += [key.items[i - 1].stem, response, "-"]
        rows.append(row)
    late = list(rows[1])
    late[:2] = ["李", "四"]
    late[len(head) - 5] = unsubmitted
    rows.append(late)
    return rows


@pytest.mark.parametrize(("lang", "suffix"), [("zh_cn", ".csv"), ("zh_cn", ".xlsx"), ("zh_tw", ".csv")])
def test_moodle_responses_report_in_chinese(tmp_path: Path, lang: str, suffix: str) -> None:
    """Moodle's Responses report downloaded from a Moodle in Chinese heads item N's response ``回答N``
    (zh_tw ``作答紀錄N``): it was no question column, so the first member's row was taken for the header
    and the file failed ("cannot tell which column holds the member's name"). Now 100, 75 and 85 as counted
    by hand; 标准答案N, 试题 N, 成绩/100.00 and the attempt's times passed over; an attempt 逾期 (zh_tw 進行中)
    left out, as Moodle grades it not; the e-mail column, whose Chinese name no source gave, named in a warning."""
    key = publish(tmp_path, "moodle-xml")
    table = tmp_path / f"回答{suffix}"
    write_table(table, moodle_rows(key, lang))
    state = MOODLE_ZH[lang][3]
    expected = [
        f"{table}:5: warning: 李四: row skipped: this Moodle attempt was not submitted (state '{state}'; Moodle "
        "grades finished attempts only)"
    ]
    if lang == "zh_cn":
        expected.insert(
            0,
            f"{table}:1: warning: column 3 ('电子邮件地址') ignored (not a question of the key, the name or a known "
            "survey field)",
        )
    assert grade(tmp_path, table, *expected) == SCORES


def tencent_download(folder: Path, key: AnswerKey, table: Path, encoding: str) -> None:
    """腾讯问卷's download with every field it writes (see the module docstring), multiple choices one column
    per option holding the chosen option's text, blanks headed ``…_填空1``; a CSV's lines end in a comma."""
    _title, *blocks = (folder / "测验.tencent.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [b.split("[", 1)[0] for b in blocks]
    fields = ["编号", "开始答题时间", "结束答题时间", "答题时长", "语言", "清洗数据结果", "智能清洗数据无效概率",
              "地理位置国家和地区", "地理位置省", "地理位置市", "用户类型", "用户标识", "昵称", "自定义字段", "IP",
              "UA", "Referrer", "中奖时间", "中奖金额", "审核状态"]  # fmt: skip
    header: list[str | int] = [*fields, f"1.{titles[0]}"]
    for item in key.items:
        title = f"{item.number + 1}.{titles[item.number]}"
        if item.type == "multiple":
            header += [f"{title}:{option}" for option in item.options]
        else:
            header.append(f"{title}_填空1" if item.type == "fill_blank" else title)
    rows = [header]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        row: list[str | int] = [str(n), "2026-12-07 20:00:00", f"2026-12-07 20:0{n}:00", str(60 * n), "中文"]
        row += ["有效", "0.01", "中国", "湖北", "武汉", "微信用户", f"oX{n}", f"昵称{n}", "", f"10.0.0.{n}"]
        row += ["Mozilla/5.0", "", "", "", "通过", member]
        for item in key.items:
            a = given[item.number]
            if item.type == "multiple":
                row += [o if letter in a else "" for letter, o in zip("ABCDEF", item.options, strict=False)]
            else:
                row.append(cell(key, item.number, a, "┋", False))
        rows.append(row)
    if table.suffix == ".xlsx":
        write_table(table, rows)
        return
    with table.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_ALL).writerows([*row, ""] for row in rows)


@pytest.mark.parametrize(("suffix", "encoding"), [(".csv", "utf-8-sig"), (".csv", "gbk"), (".xlsx", "")])
def test_tencent_download_with_every_field(tmp_path: Path, suffix: str, encoding: str) -> None:
    """腾讯问卷's download as wj.qq.com writes it: its 19 fields before the answers (地理位置…, 自定义字段,
    用户标识, UA, 审核状态 …) are known fields, passed over without 14 warnings of columns "ignored"; the
    empty column every line's last comma makes is no column; multiple choices spread over their options'
    columns and ``_填空1`` blanks are read: 100, 75 and 85 as counted by hand."""
    key = publish(tmp_path, "tencent")
    table = tmp_path / f"腾讯问卷{suffix}"
    tencent_download(tmp_path, key, table, encoding)
    expected = f"{table}:3: warning: {OTHER_WARNING.format(text=key.items[1].options[0])}"
    assert grade(tmp_path, table, expected) == SCORES


def test_moodle_grades_report_in_chinese_is_named(tmp_path: Path) -> None:
    """Moodle's Grades report from a Moodle in Traditional Chinese heads a question's mark ``Q:1 /5.00`` (zh_tw
    ``qbrief`` = ``Q:{$a}``): it holds no answers, and the failure names the report to download instead (it
    said only that no column matches a question of the key)."""
    publish(tmp_path, "moodle-xml")
    table = tmp_path / "成績.csv"
    header = ["姓", "名", "狀態", "成績/100.00", *(f"Q:{n} /5.00" for n in range(1, 21))]
    write_table(table, [header, ["赵", "一", "已經完成", "100.00", *["5.00"] * 20]])
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{table}:1: this is Moodle's Grades report (the marks per question, 'Q. 1 /5.00'), not the members' "
        "answers: download the Responses report (Results → Responses) and grade that\n"
        "Error: no answers could be graded\n"
    )


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_first_member_skipping_every_choice_in_a_download_by_number(tmp_path: Path, suffix: str) -> None:
    """A 问卷星 按选项序号 download whose first member skipped every choice and 判断 item (``-3`` in each; a
    blank answered): his 16 skipped items are unanswered, not 16 warnings "cannot read answer '-3'" and
    answers '-3' in the report's counts (the table was not yet known to hold numbers on his row); he scores
    his 4 blanks, 20, and 赵一 100 — each as counted by hand."""
    key = publish(tmp_path, "wjx")
    given = answers(key)["赵一"]
    blanks = {i.number for i in key.items if i.type == "fill_blank"}
    first = [cell(key, i, a, "┋", True) if i in blanks else "-3" for i, a in sorted(given.items())]
    table = tmp_path / f"按序号{suffix}"
    write_table(
        table,
        wjx_rows(
            tmp_path, key, {"吴六": first, "赵一": [cell(key, i, a, "┋", True) for i, a in sorted(given.items())]}
        ),
    )
    report = tmp_path / "成绩.json"
    result = CliRunner().invoke(
        main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml"), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        f"{table}:1: warning: the choice cells hold option numbers (a 问卷星 download by option number, 按选项序号): "
        "read 1 as A, 2 as B, … (a true-or-false item's 1 as 对, 2 as 错); -3 (skipped) and -2 (not shown) as "
        "unanswered"
    ]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {m["name"]: m["score"] for m in data["members"]} == {"吴六": 20.0, "赵一": 100.0}
    assert [q["unanswered"] for q in data["questions"]] == [1] * 16 + [0] * 4


def test_a_download_by_number_of_another_version_is_not_graded(tmp_path: Path) -> None:
    """Version B published on 问卷星, its 按选项序号 download (a multiple choice one column per option, named by
    its text; single choices and 判断 as option numbers) graded with version A's key by mistake: the numbers
    are B's option order, so 赵一, all right, scored 56 with one warning; now the option columns' order shows
    the download is of another version, and the file is not graded.  With B's key: 100."""
    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(SHIPPED_BANK), "--seed", "7", "--versions", "2", "--format", "wjx",
               "-o", str(tmp_path / "测验")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    key = load_key(tmp_path / "测验-B.key.yaml")
    blocks = (tmp_path / "测验-B.wjx.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [b.split("\n")[0].split(". ", 1)[1].rsplit("[", 1)[0] for b in blocks]
    header: list[str | int] = ["序号", "总分", "1、姓名"]
    cells: list[str | int] = [1, 0, "赵一"]
    for item in key.items:
        number = item.number + 1
        if item.type == "multiple":
            header += [f"{number}({option})" for option in item.options]
            cells += [int(letter in item.answer) for letter in "ABCDEF"[: len(item.options)]]
            continue
        header.append(f"{number}、{titles[item.number]}")
        if item.type == "fill_blank":
            cells.append(item.answer[0])
        else:
            cells.append(
                1 if item.answer == ("true",) else 2 if item.type == "true_false" else "ABCD".index(item.answer[0]) + 1
            )
    table = tmp_path / "问卷星按序号.xlsx"
    write_table(table, [header, cells])
    first = next(i.number for i in key.items if i.type == "multiple")
    wrong = CliRunner().invoke(main, ["grade", str(table), "--key", str(tmp_path / "测验-A.key.yaml")])
    assert wrong.exit_code == 1
    assert wrong.stderr.splitlines()[1:] == [
        f"{table}:1: the option columns of question {first} name its options in another order than this key's: the "
        "download is of another version of the paper, and its option numbers would be read as this version's "
        "options; grade it with the key of its version",
        "Error: no answers could be graded",
    ]
    report = tmp_path / "成绩.json"
    right = CliRunner().invoke(
        main, ["grade", str(table), "--key", str(tmp_path / "测验-B.key.yaml"), "-o", str(report)]
    )
    assert right.exit_code == 0, right.output
    assert [(m["name"], m["score"]) for m in json.loads(report.read_text(encoding="utf-8"))["members"]] == [
        ("赵一", 100.0)
    ]
