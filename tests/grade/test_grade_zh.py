"""The answer key, grading, YAML, output and handout messages in Chinese (STUDYKIT_LANG=zh or a
Chinese LANG): the same shape as the English ones, FILE:LINE: where：what (what was expected)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit._output import refuse_overwrite, write_files
from studykit._yaml import load_text_yaml
from studykit.cli import main
from studykit.errors import KeyFileError, StudykitError, YamlError
from studykit.grade import GroupReport, grade_files
from studykit.grade.report import output_format
from studykit.handout import load_report
from studykit.key import AnswerKey, dump_key, load_key
from studykit.review import ReviewSummary


@pytest.fixture(autouse=True)
def chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDYKIT_LANG", "zh")


def problems(report: GroupReport) -> list[str]:
    return [str(p) for p in (*report.failures, *report.warnings)]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_key_in_chinese(tmp_path: Path) -> None:
    """A key that is not there is named in Chinese."""
    with pytest.raises(KeyFileError) as caught:
        load_key(tmp_path / "测验.key.yaml")
    assert str(caught.value) == f"找不到答案文件 {tmp_path / '测验.key.yaml'}"


def test_key_with_a_letter_beyond_the_options_in_chinese(tmp_path: Path, key: AnswerKey) -> None:
    """An answer letter that is no option: file:line, 第 N 题，字段 'answer', and what was expected."""
    path = write(tmp_path / "q.key.yaml", dump_key(key).replace("answer:\n  - B", "answer:\n  - E", 1))
    with pytest.raises(KeyFileError) as caught:
        load_key(path)
    assert str(caught.value) == (
        f"{path}:23: 第 1 题，字段 'answer'：'E' 不是本题的选项字母（应为一个大写字母（A–D）：本题有 4 个选项）"
    )


def test_key_with_letters_run_together_in_chinese(tmp_path: Path, key: AnswerKey) -> None:
    """'BC' for a single item says a single item has one letter, in Chinese."""
    path = write(tmp_path / "q.key.yaml", dump_key(key).replace("answer:\n  - B\n", "answer: BC\n", 1))
    with pytest.raises(KeyFileError) as caught:
        load_key(path)
    assert str(caught.value) == (
        f"{path}:22: 第 1 题，字段 'answer'：'BC' 是含 2 个字母的一段文字：单选题只有一个正确字母"
        "（应为一个字母（A–D），或写成字母列表 [B, C] 并改为 type: multiple）"
    )


def test_sheet_of_another_quiz_and_unreadable_answers_in_chinese(tmp_path: Path, key: AnswerKey) -> None:
    """A sheet of another quiz fails alone; an answer that is no option and a question the quiz
    lacks are warnings naming the member and the question; the others are graded."""
    other = write(tmp_path / "a.txt", "姓名：甲\n测验：other\n版本：A\n1. B\n")
    sheet = write(tmp_path / "b.txt", "姓名：乙\n测验：mini-test-7-abc\n版本：A\n1. E\n2. 1-5\n9. A\n")
    report = grade_files([other, sheet, tmp_path / "c.txt"], key)
    assert [(m.name, m.score) for m in report.members] == [("乙", 0)]
    assert problems(report) == [
        f"{other}:2: 答题卡是测验 'other' 的，而答案文件是 'mini-test-7-abc' 的（请用那份测验的答案文件评分）",
        f"{tmp_path / 'c.txt'}: 找不到文件",
        f"{sheet}:6: 警告：乙，第 9 题：测验里没有第 9 题（题号为 1–8）；已忽略答案 'A'",
        f"{sheet}:4: 警告：乙，第 1 题：无法识别答案 'E'：E 不是本题的选项（本题为 A–D）；记 0 分",
        f"{sheet}:5: 警告：乙，第 2 题：无法识别答案 '1-5'：应为字母 A–D 或选项文字；记 0 分",
    ]


def test_table_rows_of_another_version_in_chinese(tmp_path: Path, key: AnswerKey) -> None:
    """A table's row says 这一行 and its 版本 column (not 答题卡) in Chinese, as 'the row' in English."""
    text = (
        "姓名,测验,版本,1,2,3,4,5,6,7,8\n甲,mini-test-7-abc,A,B,,,,,,,\n乙,mini-test-7-abc,B,B,,,,,,,\n丙,,,B,C,,,,,,\n"
    )
    path = write(tmp_path / "t.csv", text)
    report = grade_files([path], key)
    assert [(m.name, m.score) for m in report.members] == [("甲", 2)]
    assert problems(report) == [
        f"{path}:3: 乙：这一行的版本是 'B'，而答案文件是 'A' 卷的（请用该卷的答案文件评分）",
        f"{path}:4: 丙：这一行没有写明版本；答案文件是 A 卷的——请在这一行的“版本”列填写 A，或换用对应的答案文件",
    ]


def test_full_width_colon_in_yaml_in_chinese() -> None:
    """A YAML syntax error gives libyaml's reason and the hint for a full-width colon, in Chinese."""
    with pytest.raises(YamlError) as caught:
        load_text_yaml("id: x\nanswer：B\n", "q.yaml")
    assert caught.value.message == "q.yaml 不是有效的 YAML"
    assert caught.value.details == (
        "q.yaml:2: YAML 语法错误，第 1 列：读取一个键（冒号前的名称）时，找不到应有的半角冒号 ':'"
        "（提示：第 2 行的键后面是全角冒号“：”；YAML 要求半角冒号 ':'——请改用半角冒号）",
    )


def test_output_refusals_in_chinese(tmp_path: Path) -> None:
    """Writing over a folder, or -o naming an input, is refused in Chinese; nothing is written."""
    with pytest.raises(StudykitError) as caught:
        write_files({tmp_path: b"x"})
    assert str(caught.value) == f"无法写入 {tmp_path}：这是一个文件夹"
    sheet = write(tmp_path / "a.txt", "姓名：甲\n")
    with pytest.raises(StudykitError) as caught:
        refuse_overwrite(sheet, [sheet])
    assert str(caught.value) == f"-o {sheet} 就是输入文件（{sheet}）；拒绝覆盖——请换一个路径"
    assert sheet.read_text(encoding="utf-8") == "姓名：甲\n"


def test_report_format_and_handout_report_in_chinese(tmp_path: Path) -> None:
    """grade -o 成绩.xlsx says what grade writes and what opens in Excel; a missing report is named."""
    with pytest.raises(ValueError) as caught:
        output_format(Path("成绩.xlsx"), None)
    assert (
        str(caught.value)
        == "输出 成绩.xlsx：grade 只写 .txt、.csv、.json 或 .html（.htm）报告，不写 .xlsx（成绩.csv 可以用 Excel 打开）"
    )
    with pytest.raises(StudykitError) as caught:
        load_report(tmp_path / "成绩.json")
    assert str(caught.value) == f"找不到成绩报告 {tmp_path / '成绩.json'}"


def test_review_deck_summary_in_chinese(tmp_path: Path) -> None:
    """The line grade --review-decks prints: counts in Chinese, the folder as given."""
    summary = ReviewSummary(decks=(), without_misses=("甲", "乙"), missing=("gone-01",))
    assert summary.report(tmp_path).splitlines() == [
        "警告：题库中没有题目 'gone-01'；错题本卡组里不收这道题",
        f"{tmp_path}：0 个错题本卡组，0 条笔记；2 位党员没有错题",
    ]


def test_grade_cli_prints_key_errors_in_chinese_and_english(tmp_path: Path, key: AnswerKey) -> None:
    """studykit grade with a broken key: 错误：… under LANG=zh_CN.UTF-8, Error: … under LANG=C; exit 1."""
    path = write(tmp_path / "q.key.yaml", dump_key(key).replace("answer:\n  - B\n", "answer: BC\n", 1))
    sheet = write(tmp_path / "a.txt", "姓名：甲\n1. B\n")
    unset: dict[str, str | None] = dict.fromkeys(("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    expected = {
        "zh_CN.UTF-8": f"错误：{path}:22: 第 1 题，字段 'answer'：'BC' 是含 2 个字母的一段文字：单选题只有一个正确字母"
        "（应为一个字母（A–D），或写成字母列表 [B, C] 并改为 type: multiple）\n",
        "C": f"Error: {path}:22: item 1, field 'answer': 'BC' is one text of 2 letters: a single item has exactly one "
        "correct letter (expected one letter A–D, or a list of letters [B, C] and type: multiple)\n",
    }
    for lang, message in expected.items():
        result = CliRunner().invoke(main, ["grade", "--key", str(path), str(sheet)], env={**unset, "LANG": lang})
        assert (result.exit_code, result.stderr) == (1, message)
