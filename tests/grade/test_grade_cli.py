"""``studykit grade`` on the command line: exact output and exit codes."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import MINI
from studykit.cli import main
from studykit.key import AnswerKey, dump_key

ZHANG = "姓名：张三\n测验：mini-test-7-abc\n版本：A\n1. B\n2. A\n3. AB\n5. 对\n6. 错\n7. 现场会议+云端会议\n8. ?\n"
LI = "姓名：李四\n测验：mini-test-7-abc\n版本：A\n1. B\n2. C\n3. ABC\n4. ABC\n"

ZHANG_REPORT = """\
测验成绩 · 省域治理现代化小测
测验 mini-test-7-abc · 版本 A · 满分 18 分 · 多选题全对才得分 · 及格线 60%

个人成绩

张三（张三.answers.txt）：6/18 分，33.3%，不及格
  各篇：导语 4/4 · 任剑涛 1/3 · 田毅鹏 1/5 · 赵显富 0/6
  错题：
    2. [单选 2分] 错误：作答 A，正确答案 C
       解析：任剑涛指出大都市是省域治理的重要落点。
       重读：任剑涛《大都市是省域治理重要落点》：“而大都市是省域治理的重要落点”
    3. [多选 4分] 错误：作答 A、B，正确答案 A、B、C
       解析：长春市在网格长的基础上又开发出楼栋长和单元长。
       重读：田毅鹏《以网格化推进社会治理精细化》：“长春市积极探索‘三长制’，在网格长的基础上又开发出楼栋长和单元长”
    4. [多选 4分] 未答：作答 （未答），正确答案 A、B、C
       解析：原文列出书记事业岗位管理、社区工作者“三化”建设和壮大社区志愿者服务队伍。
       重读：赵显富《社会治理重心在城乡社区》：“实行城市社区党组织书记事业岗位管理，全面推行城市社区工作者‘三化’建设，壮大社区志愿者服务队伍”
    8. [填空 2分] 无法识别：作答 ?，正确答案 1+1+11
       解析：赵显富介绍我省出台“1+1+11”一揽子政策措施。
       重读：赵显富《社会治理重心在城乡社区》：“我省出台‘1+1+11’一揽子政策措施”

警告（1）
  张三.answers.txt:10: 警告：张三，第 8 题：无法识别答案 '?'：应为所填的文字；记 0 分
"""
WARNING_8 = (
    "张三.answers.txt:10: warning: 张三, question 8: cannot read answer '?': expected the text of the blank; scored 0\n"
)


@pytest.fixture()
def folder(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.key.yaml").write_text(dump_key(key), encoding="utf-8")
    (tmp_path / "张三.answers.txt").write_text(ZHANG, encoding="utf-8")
    (tmp_path / "李四.answers.txt").write_text(LI, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *args])
    return result.exit_code, result.stdout, result.stderr


def test_one_sheet_text_report(folder: Path) -> None:
    """One sheet with --bank: the exact text report on stdout, the warning on stderr, exit 0: in an English
    session the warning is English on stderr and Chinese in the report, which is all Chinese."""
    assert run("张三.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI)) == (0, ZHANG_REPORT, WARNING_8)


def test_batch_with_a_bad_file_grades_the_rest_and_exits_1(folder: Path) -> None:
    """A missing file is named on stderr, the others are graded and reported, and the exit code is 1."""
    code, out, err = run("张三.answers.txt", "缺.txt", "李四.answers.txt", "--key", "q.key.yaml", "--format", "json")
    assert code == 1
    assert err == WARNING_8 + (
        "缺.txt: file not found\n"
        "Error: not everything could be graded: 缺.txt (see above); the report covers the rest\n"
    )
    data = json.loads(out)
    assert [(m["name"], m["score"]) for m in data["members"]] == [("李四", 12), ("张三", 6)]
    assert data["failures"] == ["缺.txt: 找不到文件"]  # the report's language, Chinese


def test_output_file_format_from_suffix(folder: Path) -> None:
    """-o 成绩.csv writes a BOM CSV atomically and says so on stderr; stdout stays empty."""
    code, out, err = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "-o", "成绩.csv")
    assert (code, out, err) == (0, "", WARNING_8 + "成绩.csv: 2 graded\n")
    text = (folder / "成绩.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff名次,姓名,")
    assert text.splitlines()[1].startswith("1,李四,李四.answers.txt,,12,18,66.7,及格,")


def test_output_dash_is_stdout(folder: Path) -> None:
    """-o - prints the report on stdout, as a Unix tool reads it: it wrote a file named '-' and said
    '-: 1 graded' (found by the final fresh-clone check)."""
    assert run("张三.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI), "-o", "-") == (
        0,
        ZHANG_REPORT,
        WARNING_8,
    )
    assert not (folder / "-").exists()


def test_partial_rule_and_pass_mark_options(folder: Path) -> None:
    """--multiple-scoring partial gives half for a proper subset; --pass-mark 30% passes 张三."""
    code, out, _ = run("张三.answers.txt", "--key", "q.key.yaml", "--multiple-scoring", "partial",
                       "--pass-mark", "30%", "--format", "json")  # fmt: skip
    member = json.loads(out)["members"][0]
    assert (code, member["score"], member["passed"]) == (0, 8, True)


def test_html_report_file(folder: Path) -> None:
    """--format html -o NAME (no suffix) writes the HTML page."""
    code, _, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "-o", "r", "--format", "html")
    assert code == 0
    assert (folder / "r").read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="zh-CN">')


def test_missing_key_is_an_error(folder: Path) -> None:
    """A missing answer key is a one-line error, exit 1."""
    assert run("张三.answers.txt", "--key", "nope.key.yaml") == (1, "", "Error: answer key nope.key.yaml not found\n")


def test_nothing_graded_is_an_error(folder: Path) -> None:
    """When no file can be graded there is no report and the exit code is 1."""
    assert run("a.txt", "--key", "q.key.yaml") == (
        1,
        "",
        "a.txt: file not found\nError: no answers could be graded\n",
    )


def test_bad_pass_mark_is_a_usage_error(folder: Path) -> None:
    """A pass mark outside 0–100 is a usage error, exit 2."""
    code, _, err = run("张三.answers.txt", "--key", "q.key.yaml", "--pass-mark", "120")
    assert code == 2
    assert "Invalid value for '--pass-mark': '120' is not between 0 and 100" in err


def test_changed_bank_warns_but_scores_from_key(folder: Path, key: AnswerKey) -> None:
    """A bank whose fingerprint differs from the key's gives a warning; the score is the key's."""
    (folder / "q.key.yaml").write_text(dump_key(replace(key, bank_fingerprint="0" * 64)), encoding="utf-8")
    code, out, err = run("李四.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI), "--format", "json")
    assert code == 0
    assert err == (
        f"warning: the bank {MINI} changed since the quiz was printed (its fingerprint differs from the key's); "
        "解析 and reread hints come from the current bank, scores from the key alone\n"
    )
    data = json.loads(out)
    assert data["members"][0]["score"] == 12
    assert data["questions"][0]["explanation"] == "导语写明研讨会在华中师范大学举行。"


def test_unknown_encoding_is_an_error(folder: Path) -> None:
    """An unknown --encoding is a one-line error."""
    assert run("张三.answers.txt", "--key", "q.key.yaml", "--encoding", "klingon") == (
        1,
        "",
        "Error: unknown encoding 'klingon' (expected e.g. utf-8, gb18030)\n",
    )


def test_grade_is_listed_with_help() -> None:
    """studykit grade has help naming every option."""
    result = CliRunner().invoke(main, ["grade", "--help"])
    for option in ("--key", "--bank", "--output", "--format", "--multiple-scoring", "--pass-mark", "--name-column",
                   "--encoding"):  # fmt: skip
        assert option in result.stdout


def test_stdout_report_stops_quietly_when_the_reader_does(folder: Path, key: AnswerKey) -> None:
    """`studykit grade … | head -1`: the report is streamed to stdout; when the reader closes
    the pipe early the command ends with exit 1 and no traceback."""
    import subprocess
    import sys

    numbers = ",".join(str(it.number) for it in key.items)
    rows = [f"党员{n:05d}," + ",".join("B" for _ in key.items) for n in range(6000)]
    (folder / "big.csv").write_text(f"姓名,{numbers}\n" + "\n".join(rows) + "\n", encoding="utf-8")
    with open(folder / "err.txt", "wb") as err_file:  # a file: warnings never fill a pipe nobody reads
        proc = subprocess.Popen(
            [sys.executable, "-m", "studykit", "grade", "big.csv", "--key", "q.key.yaml"],
            stdout=subprocess.PIPE,
            stderr=err_file,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as head does after its line
        assert proc.wait(timeout=60) == 1
    err = (folder / "err.txt").read_text(encoding="utf-8")
    assert first.decode("utf-8") == "测验成绩 · 省域治理现代化小测\n"
    assert "Traceback" not in err and err.splitlines()[-1].startswith("big.csv")


def test_member_speech_line_follows_the_article_whatever_the_paper_order(folder: Path, key: AnswerKey) -> None:
    """A paper groups items by type, so its speeches come in another order than the article's;
    a member's 各篇 line follows the article, as the group's 各篇得分 section does."""
    backwards = replace(key, items=key.items[::-1])
    (folder / "q.key.yaml").write_text(dump_key(backwards), encoding="utf-8")
    code, out, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI))
    assert code == 0
    lines = out.splitlines()
    assert "  各篇：导语 4/4 · 任剑涛 1/3 · 田毅鹏 1/5 · 赵显富 0/6" in lines
    group = lines[lines.index("各篇得分（全组平均）") + 1 :][:4]
    assert [line.split("：")[0].strip().split(" ")[0] for line in group] == ["导语", "任剑涛", "田毅鹏", "赵显富"]
