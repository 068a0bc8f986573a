"""The round trip of a published quiz: ``quiz --format wjx|tencent`` → members answer on the platform →
the platform's result download → ``studykit grade`` with the paper's key, to the exact score.

The downloads are built from the import file studykit wrote (so the question columns are
headed by what the platform was given), in the layouts the platforms export:

* 问卷星 (CSV and XLSX, 按文本): one row per member; leading columns 序号, 提交答卷时间,
  所用时间, 来源, 来源详情, 来自IP, 总分; then one column per question headed ``N、题干``
  (N counts the 姓名 question first); a choice cell holds the option text, several joined
  by ``┋``; an unanswered one ``(跳过)``.
* 腾讯问卷 (CSV and XLSX): one row per member; 编号, then the answer's times and score
  (its OpenAPI answer record documents ``started_at`` "用户开始回答的时间", ``ended_at``
  "用户提交答案的时间", ``score``; https://wj.qq.com/docs/openapi/survey/get_answer — the
  export's own column list is not documented where we could read it, so the headers
  开始答题时间, 结束答题时间, 答题时长, 总分 are assumed); then one column per question
  headed ``N.题干``, holding the chosen options' texts (the record's ``options[].text``),
  several joined by ``┋`` or by ``、``.

Hand-counted scores of the mini paper (seed 7, 50 points: items 1–4 single choice of 5, items 5–6
multiple choice of 6, items 7–8 true/false of 4, items 9–10 blanks of 5): 张三 50 (all right, the first
multiple ticked in another order than printed, the second blank in its accepted full-width form);
李四 30 = 50 − 5 (item 1, a wrong single) − 6 (item 5, one option short) − 4 (item 7, 错 for a true
statement) − 5 (item 9 skipped), his item 10 typed half-width and right; 王五 39 = 50 − 6 (item 5, one
option too many) − 5 (item 10, a wrong blank).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from gradekit import MINI
from studykit.cli import main

#: Each member's answers to the paper's items 1–10, as the platform stores the choices (option texts).
ANSWERS: dict[str, list[str]] = {
    "张三": ["华中师范大学", "大都市", "清华大学社会科学学院教授", "今年6月", "楼栋长┋网格长┋单元长",
             "全面推行城市社区工作者“三化”建设┋实行城市社区党组织书记事业岗位管理┋壮大社区志愿者服务队伍",
             "对", "错", "现场会议+云端会议", "１＋１＋１１"],
    "李四": ["武汉大学", "大都市", "清华大学社会科学学院教授", "今年6月", "网格长┋单元长",
             "全面推行城市社区工作者“三化”建设┋实行城市社区党组织书记事业岗位管理┋壮大社区志愿者服务队伍",
             "错", "错", "(跳过)", "1+1+11"],
    "王五": ["华中师范大学", "大都市", "清华大学社会科学学院教授", "今年6月", "网格长┋单元长┋楼栋长┋小区长",
             "全面推行城市社区工作者“三化”建设┋实行城市社区党组织书记事业岗位管理┋壮大社区志愿者服务队伍",
             "对", "错", "现场会议+云端会议", "1+1+12"],
}  # fmt: skip
#: The points each member lost, by item number, hand-counted from the key's points (see above):
#: 李四 50 − 5 (1) − 6 (5) − 4 (7) − 5 (9) = 30; 王五 50 − 6 (5) − 5 (10) = 39.
LOST: dict[str, dict[int, float]] = {"张三": {}, "李四": {1: 5, 5: 6, 7: 4, 9: 5}, "王五": {5: 6, 10: 5}}
SCORES = {"张三": 50.0, "李四": 30.0, "王五": 39.0}


def publish(folder: Path, fmt: str, *extra: str) -> None:
    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(MINI), "--count", "10", "--seed", "7", "--format", fmt,
               "-o", str(folder / "测验"), *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output


def titles(import_text: str, pattern: str) -> list[str]:
    """The question titles of an import file, in order (the name question first)."""
    blocks = import_text.rstrip("\n").split("\n\n")
    found = [re.match(pattern, block.split("\n")[0]) for block in blocks]
    assert all(found), blocks
    return [m["title"] for m in found if m]


def write_table(path: Path, rows: list[list[str | int]], encoding: str = "utf-8-sig") -> None:
    """``rows`` as CSV in ``encoding`` or, for ``.xlsx``, as a workbook (numbers stay numbers)."""
    if path.suffix == ".csv":
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows(rows)
        return
    wb = Workbook()
    sheet = wb.active
    for row in rows:
        sheet.append(row)
    wb.save(path)


def grade(folder: Path, table: Path, key: Path, *warnings: str) -> dict[str, float]:
    """``studykit grade TABLE --key KEY`` through the CLI; every member's score from the JSON report,
    after checking that nothing failed and nothing was doubtful but ``warnings``, and that each member
    lost exactly the points :data:`LOST` counts, on those items."""
    report = folder / "成绩.json"
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(key), "-o", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["failures"], data["warnings"]) == ([], list(warnings))
    lost = {m["name"]: {i["number"]: i["points"] - i["earned"] for i in m["items"] if i["earned"] < i["points"]}
            for m in data["members"]}  # fmt: skip
    assert lost == LOST
    return {m["name"]: m["score"] for m in data["members"]}


@pytest.mark.parametrize(("suffix", "encoding"), [(".csv", "utf-8-sig"), (".csv", "gb18030"), (".xlsx", "")])
def test_wjx_download_grades_exactly(tmp_path: Path, suffix: str, encoding: str) -> None:
    """问卷星's download (按文本) of the imported paper — CSV in UTF-8 or as Excel on Chinese Windows
    saves it (GB18030), or XLSX with 序号 and 总分 as numbers — grades to 50, 30 and 39."""
    publish(tmp_path, "wjx")
    names = titles(
        (tmp_path / "测验.wjx.txt").read_text(encoding="utf-8"),
        r"^\d+\. (?P<title>.*)\[(?:单选题|多选题|判断题|填空题)\]$",
    )
    assert names[0] == "姓名" and len(names) == 11
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分"]
    header += [f"{n}、{title}" for n, title in enumerate(names, 1)]
    rows: list[list[str | int]] = [list(header)]
    for n, (member, answers) in enumerate(ANSWERS.items(), 1):
        rows.append([n, f"2026/12/7 20:0{n}:13", f"{200 + n}秒", "微信", "N/A", f"10.0.0.{n}(湖北-武汉)", 0,
                     member, *answers])  # fmt: skip
    table = tmp_path / f"问卷星答卷{suffix}"
    write_table(table, rows, encoding or "utf-8")
    assert grade(tmp_path, table, tmp_path / "测验.key.yaml") == SCORES


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_tencent_download_grades_exactly(tmp_path: Path, suffix: str) -> None:
    """腾讯问卷's download of the imported exam grades to 50, 30 and 39 (a multiple choice joined by ┋ or 、)."""
    publish(tmp_path, "tencent")
    tags = r"\[(?:单行文本题|单选题|多选题|判断题|多项填空题)\]"
    title, text = (tmp_path / "测验.tencent.txt").read_text(encoding="utf-8").split("\n\n", 1)
    assert title == "省域治理现代化小测"  # the survey's title, first line of the import text
    names = titles(text, rf"^(?P<title>.*?){tags}")
    assert names[0] == "姓名" and len(names) == 11
    header = ["编号", "开始答题时间", "结束答题时间", "答题时长", "总分", *(f"{n}.{t}" for n, t in enumerate(names, 1))]
    rows: list[list[str | int]] = [list(header)]
    for n, (member, answers) in enumerate(ANSWERS.items(), 1):
        cells = [a.replace("┋", "、") if member == "王五" else a for a in answers]
        cells = ["" if a == "(跳过)" else a for a in cells]
        rows.append([str(n), "2026-12-07 20:00:00", f"2026-12-07 20:0{n}:00", f"{60 * n}", "0", member, *cells])
    table = tmp_path / f"腾讯问卷答卷{suffix}"
    write_table(table, rows)
    assert grade(tmp_path, table, tmp_path / "测验.key.yaml") == SCORES


def test_each_version_grades_with_its_own_key(tmp_path: Path) -> None:
    """--versions 2: the download of version B, whose options stand in another order, grades exactly
    with 测验-B.key.yaml (the platform gives option texts, which do not move between versions)."""
    publish(tmp_path, "wjx", "--versions", "2")
    a = (tmp_path / "测验-A.wjx.txt").read_text(encoding="utf-8")
    b = (tmp_path / "测验-B.wjx.txt").read_text(encoding="utf-8")
    assert a != b and sorted(a.splitlines()) == sorted(b.splitlines())  # same lines, other option order
    names = titles(b, r"^\d+\. (?P<title>.*)\[(?:单选题|多选题|判断题|填空题)\]$")
    rows: list[list[str | int]] = [["序号", "总分", *(f"{n}、{t}" for n, t in enumerate(names, 1))]]
    rows += [[str(n), "0", member, *answers] for n, (member, answers) in enumerate(ANSWERS.items(), 1)]
    table = tmp_path / "B.csv"
    write_table(table, rows)
    no_version = (  # as the JSON report (Chinese, as every report) says it
        f"{table}:1: 警告：汇总表没有“版本”列；按每一行都答的是 B 卷处理（支部如果用了几种卷，请加上“版本”列）"
    )
    assert grade(tmp_path, table, tmp_path / "测验-B.key.yaml", no_version) == SCORES


def test_a_glob_leaves_the_import_files_out(tmp_path: Path) -> None:
    """``grade *.txt`` over the quiz's folder: the 问卷星 and 腾讯问卷 import files and the answers to set
    are left out with a warning, never graded as a member's sheet; the one real sheet is."""
    publish(tmp_path, "wjx")
    publish(tmp_path, "tencent")
    sheet = tmp_path / "赵六.txt"
    sheet.write_text(
        "姓名：赵六\n1 D\n2 B\n3 C\n4 A\n5 ABC\n6 BCD\n7 对\n8 错\n9 现场会议+云端会议\n10 1+1+11\n", "utf-8"
    )
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    result = CliRunner().invoke(main, ["grade", *paths, "--key", str(tmp_path / "测验.key.yaml")])
    assert result.exit_code == 0, result.output
    left_out = "warning: this is a quiz written by studykit quiz for 腾讯问卷 or 问卷星 (--format tencent/wjx), " \
        "not members' answers; left out"  # fmt: skip
    for name in ("测验.tencent.txt", "测验.wjx-answers.txt", "测验.wjx.txt"):
        assert f"{tmp_path / name}:1: {left_out}" in result.stderr
    assert f"赵六（{sheet}）：50/50 分" in result.stdout
    assert result.stdout.count("/50 分，") == 1  # nobody else graded
