"""Messages a fresh Chinese user still met in English (issue 14, round 2), pinned in Chinese and,
where the English changed shape in the code, in English too: type names (单选, not single), lists
joined with 、, and libyaml's reasons for a syntax error."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skpaths import DATA, MINI_BANK
from studykit.cli import main
from studykit.i18n import join, type_name

ZH = {"STUDYKIT_LANG": "zh"}
EN = {"STUDYKIT_LANG": "en"}


def run(args: list[str], env: dict[str, str]) -> Result:
    unset: dict[str, str | None] = dict.fromkeys(("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    return CliRunner().invoke(main, args, env={**unset, **env}, prog_name="studykit")


def test_check_summary_names_types_in_chinese_and_lists_with_dun_hao() -> None:
    result = run(["check", "--bank", str(MINI_BANK)], ZH)
    assert result.exit_code == 0
    assert result.output == (
        f"{MINI_BANK}：没有问题，共 17 道题（题库里写的 9 道，按署名自动生成的 8 道），分 4 个部分 —— "
        "intro 2、ren-jiantao 4、tian-yipeng 5、zhao-xianfu 6；单选 11 道、多选 2 道、判断 2 道、填空 2 道\n"
    )


def test_check_summary_in_english_is_unchanged() -> None:
    result = run(["check", "--bank", str(MINI_BANK)], EN)
    assert result.output == (
        f"{MINI_BANK}: OK, 17 questions (9 curated, 8 derived) in 4 parts — "
        "intro 2, ren-jiantao 4, tian-yipeng 5, zhao-xianfu 6; single 11, multiple 2, true_false 2, fill_blank 2\n"
    )


def test_mix_asking_too_many_names_the_type_in_chinese(tmp_path: Path) -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--mix", "multiple=5", "-o", str(tmp_path / "q.md")], ZH)
    assert result.exit_code == 1
    assert result.output == (
        f"错误：{MINI_BANK} 中多选题只有 2 道；题型配比要求 5 道（请少要几道，例如 --mix multiple=2，或放宽筛选条件）\n"
    )
    english = run(["quiz", "--bank", str(MINI_BANK), "--mix", "multiple=5", "-o", str(tmp_path / "q.md")], EN)
    assert english.output == (
        f"Error: only 2 multiple questions in {MINI_BANK}; the mix asks for 5 "
        "(ask for fewer, e.g. --mix multiple=2, or widen the filters)\n"
    )


def test_filter_criteria_name_the_type_in_chinese(tmp_path: Path) -> None:
    args = ["quiz", "--bank", str(MINI_BANK), "--type", "fill_blank", "--count", "5", "-o", str(tmp_path / "q.md")]
    result = run(args, ZH)
    assert result.exit_code == 1
    assert result.output == (
        f"错误：{MINI_BANK} 中符合条件（题型 填空）的题只有 2 道；要求 5 道（请少要几道，或放宽筛选条件）\n"
    )


def test_standard_paper_shortfall_note_in_chinese(tmp_path: Path) -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--seed", "1", "-o", str(tmp_path / "q.md")], ZH)
    assert result.exit_code == 0
    assert (
        "提示：符合条件的题少于标准试卷的要求（多选题只有 2 道（要 4 道）、判断题只有 2 道（要 4 道）、"
        "填空题只有 2 道（要 4 道））；可用 --mix 设定各题型的题数"
    ) in result.output.splitlines()


def test_unknown_tag_lists_the_tags_with_dun_hao(tmp_path: Path) -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--tag", "nope", "-o", str(tmp_path / "q.md")], ZH)
    assert result.exit_code == 1
    assert result.output == (
        "错误：没有题目带标签 'nope'（题库中的标签：会议文件、原文出处、发言标题、归属、数字表述、研讨会、职务、观点）\n"
    )


@pytest.mark.parametrize("command", ["anki", "handout"])
def test_unknown_speech_lists_the_speeches_with_dun_hao(command: str) -> None:
    result = run([command, "--bank", str(MINI_BANK), "--speech", "nope"], ZH)
    assert result.exit_code == 1
    assert result.output == "错误：没有发言 'nope'（应为以下之一：intro、ren-jiantao、tian-yipeng、zhao-xianfu）\n"


def test_unknown_article_in_chinese() -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--article", "nope"], ZH)
    assert result.exit_code == 1
    assert result.output == "错误：没有文章 'nope'（应为题库 id：mini-test）\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "bank:\n  id: x\n  title: [a, b\n",
            "b.yaml:4: YAML 语法错误，第 1 列：解析方括号列表 [ ] 时，找不到应有的半角逗号 ',' 或右方括号 ']'",
        ),
        (
            'bank:\n  id: "x\n',
            "b.yaml:3: YAML 语法错误，第 1 列：读取带引号的文字时，文件意外结束（多半是引号没有配对）",
        ),
        (
            "bank:\n  id: x: y\n",
            "b.yaml:2: YAML 语法错误，第 8 列：这里不能出现“键: 值”"
            "（多半是文字里有半角冒号加空格，请给整段文字加引号；或是缩进不对）",
        ),
        ("bank: *nope\n", "b.yaml:1: YAML 语法错误，第 7 列：遇到没有定义的别名（* 后面的名字没有用 & 定义过）"),
        (
            "bank:\n  id: x\n\tti: y\n",
            "b.yaml:3: YAML 语法错误，第 1 列：读取文字时，遇到破坏缩进的 Tab 字符（提示：缩进要用空格，不能用 Tab——请用空格缩进）",
        ),
    ],
)
def test_yaml_syntax_errors_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, problem: str
) -> None:
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(["check", "--bank", "b.yaml"], ZH)
    assert result.exit_code == 1
    assert result.output == f"{problem}\n错误：b.yaml 不是有效的 YAML\n"


def test_yaml_syntax_error_in_english_keeps_libyaml_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "b.yaml").write_text('bank:\n  id: "x\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(["check", "--bank", "b.yaml"], EN)
    assert result.output == (
        "b.yaml:3: YAML syntax error, column 1: while scanning a quoted scalar found unexpected end of stream\n"
        "Error: b.yaml is not valid YAML\n"
    )


def test_type_names_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    assert [type_name(t) for t in ("single", "multiple", "true_false", "fill_blank", "essay")] == [
        "单选",
        "多选",
        "判断",
        "填空",
        "essay",
    ]
    assert join(["a", "b", "c"]) == "a、b、c"
    monkeypatch.setenv("STUDYKIT_LANG", "en")
    assert type_name("true_false") == "true_false"
    assert join(["a", "b", "c"]) == "a, b, c"


def test_mix_that_is_not_type_equals_count_in_chinese() -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--mix", "single"], ZH)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "错误：'--mix' 的取值无效：'single' 不是“题型=题数”的写法（例如 single=8,multiple=4）"
    )


def test_answer_key_of_another_format_keeps_the_file_line_shape(tmp_path: Path) -> None:
    """FILE:LINE: then the field, as every other located message (not FILE:LINE：)."""
    made = run(["quiz", "--bank", str(MINI_BANK), "--seed", "1", "-o", str(tmp_path / "q.md")], EN)
    assert made.exit_code == 0
    key = tmp_path / "q.key.yaml"
    key.write_text(key.read_text(encoding="utf-8").replace("studykit_key: 1", "studykit_key: 9"), encoding="utf-8")
    (tmp_path / "a.answers.txt").write_text("姓名：甲\n1. A\n", encoding="utf-8")
    result = run(["grade", str(tmp_path / "a.answers.txt"), "--key", str(key)], ZH)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"错误：{key}:1: 字段 'studykit_key'：答案文件的格式版本是 '9'（应为 1）"


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        (
            "bool_answer",
            "bool_answer.yaml:15: 题目 'q1'，字段 'answer'：'yes' 不是 true 或 false"
            "（判断题的答案写 true 表示“对”，写 false 表示“错”）",
        ),
        ("no_questions", "no_questions.yaml:10: 题目列表 questions：应为题目的列表，至少要有一道题"),
    ],
)
def test_bank_errors_a_secretary_can_act_on(case: str, problem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "bad")
    result = run(["check", "--bank", f"{case}.yaml"], ZH)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == problem


def test_system_reasons_in_chinese_by_errno(monkeypatch: pytest.MonkeyPatch) -> None:
    """An OSError's reason comes from its errno in Chinese; in English it is the system's own words."""
    import errno

    from studykit.i18n import os_reason

    denied = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    assert os_reason(denied) == "没有权限（文件可能是只读的，或正被其他程序打开）"
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "没有这个文件或文件夹"
    # an errno without a translation keeps the system's own words
    assert os_reason(OSError(errno.ENOTEMPTY, "Directory not empty")) == "Directory not empty"
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "读写出错（磁盘或 U 盘可能有故障）"
    monkeypatch.setenv("STUDYKIT_LANG", "en")
    assert os_reason(denied) == "Permission denied"


def test_unwritable_output_says_why_in_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import studykit._output

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(studykit._output.os, "replace", refuse)
    out = tmp_path / "h.md"
    result = run(["handout", "--bank", str(MINI_BANK), "-o", str(out)], ZH)
    assert result.exit_code == 1
    assert result.output == f"错误：无法写入 {out}：没有权限（文件可能是只读的，或正被其他程序打开）\n"
    assert not out.exists()


def test_a_folder_given_for_a_file_is_named_in_chinese(tmp_path: Path) -> None:
    """click names the path kind at import time in English (File 'x'); the CLI shows 文件 'x'."""
    args = ["grade", str(MINI_BANK), "--key", str(tmp_path)]
    assert run(args, ZH).output.splitlines()[-1] == f"错误：'--key' 的取值无效：文件 '{tmp_path}' 是文件夹。"
    assert (
        run(args, EN).output.splitlines()[-1] == f"Error: Invalid value for '--key': File '{tmp_path}' is a directory."
    )


def test_draft_summary_counts_each_part_in_chinese(tmp_path: Path) -> None:
    article = tmp_path / "文章.txt"
    article.write_text(
        "关于学习的体会\n"
        "张三 某某大学教授\n"
        "基层治理要“以人民为中心”。张三指出，网格化是基层治理的重要抓手。\n"
        "要把矛盾纠纷化解在基层，做到小事不出村、大事不出镇。\n",
        encoding="utf-8",
    )
    zh = run(["draft", str(article), "-o", str(tmp_path / "zh")], ZH)
    en = run(["draft", str(article), "-o", str(tmp_path / "en")], EN)
    assert zh.exit_code == en.exit_code == 0
    zh_parts = [line for line in zh.output.splitlines() if line.startswith("  ")]
    en_parts = [line for line in en.output.splitlines() if line.startswith("  ")]
    assert len(zh_parts) == len(en_parts) >= 1
    for zh_line, en_line in zip(zh_parts, en_parts, strict=True):
        part, _, rest = en_line.strip().partition(": ")
        label, _, count = rest.rpartition(" — ")
        assert zh_line == f"  {part}：{label}（{count} 道）"
