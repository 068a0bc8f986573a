"""The interface speaks Chinese under a Chinese locale (or STUDYKIT_LANG=zh) and English otherwise:
studykit's help texts, click's own messages, the error line and located problems."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skpaths import DATA
from studykit.cli import main
from studykit.errors import Problem

ZH = {"LANG": "zh_CN.UTF-8"}
EN = {"LANG": "C"}
BAD = DATA / "bad"


def run(args: list[str], env: dict[str, str]) -> Result:
    """``studykit ARGS`` with only the given locale variables set (the rest unset)."""
    unset: dict[str, str | None] = dict.fromkeys(("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    return CliRunner().invoke(main, args, env={**unset, **env}, prog_name="studykit")


HELP_STARTS = {
    "": (
        ["用法：studykit [选项] 命令 [参数]...", "", "  用党支部的学习材料出测验、做 Anki 卡组、统计成绩。"],
        [
            "Usage: studykit [OPTIONS] COMMAND [ARGS]...",
            "",
            "  Quizzes, Anki decks and grading from party-study material.",
        ],
    ),
    "check": (
        ["用法：studykit check [选项]", "", "  检查题库及其学习材料文件。"],
        ["Usage: studykit check [OPTIONS]", "", "  Validate a question bank and its material files."],
    ),
    "quiz": (
        ["用法：studykit quiz [选项]", "", "  出一份测验试卷，连同答案文件、参考答案和空白答题卡。"],
        [
            "Usage: studykit quiz [OPTIONS]",
            "",
            "  Write a quiz paper, its answer key, 参考答案 and blank answer sheet.",
        ],
    ),
}


@pytest.mark.parametrize("command", sorted(HELP_STARTS))
@pytest.mark.parametrize(
    ("env", "chinese"),
    [
        (ZH, True),
        (EN, False),
        ({"LANG": "zh_CN.UTF-8", "STUDYKIT_LANG": "en"}, False),
        ({"LANG": "C", "STUDYKIT_LANG": "zh"}, True),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, False),
    ],
)
def test_help_starts_in_the_interface_language(command: str, env: dict[str, str], chinese: bool) -> None:
    """--help's usage line and first help line are Chinese under LANG=zh_CN.UTF-8 (or
    STUDYKIT_LANG=zh), English under LANG=C (or STUDYKIT_LANG=en, or LC_ALL=C over LANG)."""
    result = run([*command.split(), "--help"], env)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == HELP_STARTS[command][0 if chinese else 1]


def test_chinese_help_translates_options_sections_and_click_texts() -> None:
    """Option help, metavars, section headings and click's own --help text are Chinese; choices stay."""
    lines = run(["quiz", "--help"], ZH).stdout.splitlines()
    assert "选项：" in lines
    assert "  --count 整数                    试卷上的题数，不分题型。默认：标准试卷（见" in lines
    assert "  --type [single|multiple|true_false|fill_blank]" in lines
    assert "  -h, --help                      显示本帮助并退出。" in lines
    assert "                                  案文件。[默认：1；1<=x<=26]" in lines  # not 。 [默认：1; 1<=x
    top = run(["--help"], ZH).stdout.splitlines()
    assert "命令：" in top
    assert "  quiz      出一份测验试卷，连同答案文件、参考答案和空白答题卡。" in top
    assert "  --version   显示版本号并退出。" in top


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_chinese_help_fits_80_columns(name: str) -> None:
    """Chinese help is wrapped by display width: no wrapped line is wider than 80 columns
    (a Chinese character takes two); example command lines are shown as written."""
    result = run([name, "--help"], ZH)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"用法：studykit {name} [选项]")
    assert "选项：" in result.stdout.splitlines()
    wide = [line for line in result.stdout.splitlines() if _columns(line) > 80 and "studykit " not in line]
    assert wide == []
    assert not any(line.startswith(" " * 34 + "，") for line in result.stdout.splitlines())


def test_english_help_is_clicks_own() -> None:
    """Under LANG=C each help is exactly what click's own Group/Command formatting prints (nothing
    translated or rewrapped)."""
    import click

    for args, command in [([], main), (["quiz"], main.commands["quiz"]), (["grade"], main.commands["grade"])]:
        result = run([*args, "--help"], EN)
        ctx = click.Context(command, info_name=" ".join(["studykit", *args]))
        formatter = click.HelpFormatter(width=80)  # CliRunner forces 80 columns
        (click.Group if command is main else click.Command).format_help(command, ctx, formatter)
        assert result.stdout == formatter.getvalue()


def test_languages_do_not_leak_between_runs() -> None:
    """A Chinese run first, then an English one in the same process: each in its own language
    (click creates the --help option lazily, in the language of the moment)."""
    assert "  -h, --help   显示本帮助并退出。" in run(["check", "--help"], ZH).stdout.splitlines()
    assert "  -h, --help   Show this message and exit." in run(["check", "--help"], EN).stdout.splitlines()
    assert "  -h, --help   显示本帮助并退出。" in run(["check", "--help"], ZH).stdout.splitlines()


def test_usage_error_in_both_languages() -> None:
    """`studykit quiz --nope` is a usage error (exit 2) in click's words, translated under zh."""
    zh = run(["quiz", "--nope"], ZH)
    assert zh.exit_code == 2
    assert zh.stderr == (
        "用法：studykit quiz [选项]\n运行 'studykit quiz --help' 查看帮助。\n\n错误：没有选项 '--nope'。是不是要用 '--force' 或 '--type'？\n"
    )
    en = run(["quiz", "--nope"], EN)
    assert en.exit_code == 2
    assert en.stderr == (
        "Usage: studykit quiz [OPTIONS]\nTry 'studykit quiz --help' for help.\n\n"
        "Error: No such option '--nope'. (Did you mean one of: '--force', '--type'?)\n"
    )


def test_invalid_value_and_missing_argument_in_chinese() -> None:
    """click's 'Invalid value for' and 'Missing argument' read in Chinese: the argument by its Chinese
    metavar, the sentence ending in 。; English as click writes it."""
    assert (
        run(["quiz", "--count", "0"], ZH).stderr.splitlines()[-1] == "错误：'--count' 的取值无效：0 不在范围 x>=1 内。"
    )
    assert run(["grade"], ZH).stderr.splitlines()[-1] == "错误：缺少参数 '答卷...'。"
    assert run(["grade", "a.txt"], ZH).stderr.splitlines()[-1] == "错误：缺少选项 '--key'。"
    assert run(["grade"], EN).stderr.splitlines()[-1] == "Error: Missing argument 'ANSWERS...'."


def test_bank_error_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank error keeps its shape: FILE:LINE: 题目 'q1'，字段 'answer'：… then 错误：…; English as pinned."""
    monkeypatch.chdir(BAD)
    zh = run(["check", "--bank", "answer_out_of_range.yaml"], ZH)
    assert zh.exit_code == 1
    assert zh.stderr == (
        "answer_out_of_range.yaml:16: 题目 'q1'，字段 'answer'：'E' 不在选项 A–D 之中\n"
        "错误：answer_out_of_range.yaml：1 个错误\n"
    )
    en = run(["check", "--bank", "answer_out_of_range.yaml"], EN)
    assert en.stderr == (BAD / "answer_out_of_range.txt").read_text(encoding="utf-8")


def _bank_with_a_warning(tmp_path: Path) -> Path:
    """A valid one-question bank whose provenance file has an unknown key (a warning)."""
    (tmp_path / "m.txt").write_text("大都市是省域治理重要落点\n\n而大都市是省域治理的重要落点。\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("publication: 湖北日报\ndata: 10月17日\n", encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(
        "bank:\n  id: t\n  title: 测试\n  provenance: sources.yaml\nspeeches:\n  - id: s\n"
        "    heading: 大都市是省域治理重要落点\n    material: m.txt\nquestions:\n"
        "  - id: a\n    speech: s\n    type: fill_blank\n    stem: 而____是省域治理的重要落点\n    answer: 大都市\n"
        "    explanation: 见原文。\n    source: 而大都市是省域治理的重要落点\n",
        encoding="utf-8",
    )
    return tmp_path / "bank.yaml"


def test_strict_warning_in_chinese(tmp_path: Path) -> None:
    """A warning is labelled 警告： and --strict's summary counts errors and warnings in Chinese."""
    result = run(["check", "--bank", str(_bank_with_a_warning(tmp_path)), "--strict"], ZH)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'sources.yaml'}:2: 警告：键 'data'：未知的出处键，已忽略（应为以下之一："
        "publication、section、title、event、date、venue、format、series、compiler、"
        "compiler_credit、original_file、original_sha256、dropped_lines、files）",
        f"错误：{tmp_path / 'bank.yaml'}：0 个错误、1 个警告（--strict）",
    ]


def test_cached_bank_warnings_follow_the_language(tmp_path: Path) -> None:
    """A bank's warnings are cached as text: a bank loaded in one language, then in the other,
    warns in each run's own language (the cache is kept per language)."""
    bank = str(_bank_with_a_warning(tmp_path))
    labels = []
    for env in (ZH, EN, ZH, EN):
        result = run(["check", "--bank", bank], env)
        assert result.exit_code == 0, result.output
        labels.append(result.stderr.split(": ", 1)[1].split("'", 1)[0])
    assert labels == ["警告：键 ", "warning: key ", "警告：键 ", "warning: key "]


@pytest.mark.parametrize(
    ("problem", "zh", "en"),
    [
        (
            Problem("q.yaml", 42, "question 'tian-yipeng-03', field 'answer'", "…", "warning"),
            "q.yaml:42: 警告：题目 'tian-yipeng-03'，字段 'answer'：…",
            "q.yaml:42: warning: question 'tian-yipeng-03', field 'answer': …",
        ),
        (
            Problem("q.yaml", 7, "speech #2, field 'heading'", "…"),
            "q.yaml:7: 发言 #2，字段 'heading'：…",
            "q.yaml:7: speech #2, field 'heading': …",
        ),
        (
            Problem("成绩.csv", 3, "张三, question 4", "…"),
            "成绩.csv:3: 张三，第 4 题：…",
            "成绩.csv:3: 张三, question 4: …",
        ),
        (Problem("q.yaml", 0, "", "…"), "q.yaml: …", "q.yaml: …"),
        (
            Problem("k.key.yaml", 9, "entry 3 of 'items', field 'answer'", "…"),
            "k.key.yaml:9: 'items' 的第 3 项，字段 'answer'：…",
            "k.key.yaml:9: entry 3 of 'items', field 'answer': …",
        ),
        (
            Problem("k.key.yaml", 5, "item 3, field 'points'", "…", "warning"),
            "k.key.yaml:5: 警告：第 3 题，字段 'points'：…",
            "k.key.yaml:5: warning: item 3, field 'points': …",
        ),
        (
            Problem("s.yaml", 2, "bank, field 'provenance'", "…"),
            "s.yaml:2: 题库，字段 'provenance'：…",
            "s.yaml:2: bank, field 'provenance': …",
        ),
    ],
)
def test_problem_lines_in_both_languages(problem: Problem, zh: str, en: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A located problem: the warning label and its record and field are translated; the shape stays."""
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    assert str(problem) == zh
    monkeypatch.setenv("STUDYKIT_LANG", "en")
    assert str(problem) == en


def test_a_run_leaves_gettext_and_the_environment_as_it_found_them() -> None:
    """click's text domain and LANGUAGE are set for one run of the CLI only."""
    domain, language = gettext.textdomain(), os.environ.get("LANGUAGE")
    run(["quiz", "--nope"], ZH)
    assert gettext.textdomain() == domain
    assert os.environ.get("LANGUAGE") == language
    assert gettext.gettext("Error: {message}") == "Error: {message}"


def test_installed_command_speaks_chinese_without_a_system_locale(tmp_path: Path) -> None:
    """A real process with LANG=zh_CN.UTF-8 (no such locale need be installed) prints Chinese."""
    env = {k: v for k, v in os.environ.items() if k not in ("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    done = subprocess.run(
        [sys.executable, "-m", "studykit", "quiz", "--nope"],
        env={**env, "LANG": "zh_CN.UTF-8", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "错误：没有选项 '--nope'。是不是要用 '--force' 或 '--type'？"


def _first_sh_block(text: str) -> str:
    return text.split("```sh\n", 1)[1].split("```", 1)[0]


def test_chinese_readme_is_linked_first_and_documents_every_command() -> None:
    """README.md links README.zh-CN.md before its two commands; the Chinese README shows the same
    two commands and has a section for every command."""
    from skpaths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert "(README.zh-CN.md)" in readme.split("```sh", 1)[0]
    assert _first_sh_block(chinese) == _first_sh_block(readme)
    assert [name for name in sorted(main.commands) if f"### `studykit {name}`" not in chinese] == []


def test_readme_interface_sample_is_what_studykit_prints() -> None:
    """README's Chinese usage-error sample is the real output of `studykit quiz --nope` under zh."""
    from skpaths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sample = readme.split("$ LANG=zh_CN.UTF-8 studykit quiz --nope\n", 1)[1].split("```", 1)[0]
    assert run(["quiz", "--nope"], ZH).stderr == sample


def test_chinese_lines_break_between_characters_never_inside_words_or_before_closing_marks() -> None:
    """Chinese wraps between characters by display width; an option or Latin word stays whole,
    '，' '。' '）' never start a line and '（' never ends one."""
    from studykit._clihelp import wrap_width

    assert wrap_width("按 --seed 抽出 --count 道题，均匀分布在各篇发言上（一、单项选择题）。", 14) == [
        "按 --seed 抽出",
        "--count 道题，",
        "均匀分布在各篇",
        "发言上（一、单",
        "项选择题）。",
    ]
    assert wrap_width("默认：当前文件夹的 question_bank.yaml，没有则用", 20) == [
        "默认：当前文件夹的",
        "question_bank.yaml，",
        "没有则用",
    ]
    assert wrap_width("一二三四五（六）", 10) == ["一二三四五", "（六）"]


def test_an_invalid_argument_is_named_by_its_chinese_metavar(tmp_path: Path) -> None:
    """A bad path argument reads '文章' in Chinese, as the usage line above it does (it read 'ARTICLE')."""
    assert (
        run(["draft", str(tmp_path), "-o", str(tmp_path / "out")], ZH).stderr.splitlines()[-1]
        == f"错误：'文章' 的取值无效：文件 '{tmp_path}' 是文件夹。"
    )
    assert (
        run(["draft", str(tmp_path), "-o", str(tmp_path / "out")], EN).stderr.splitlines()[-1]
        == f"Error: Invalid value for 'ARTICLE': File '{tmp_path}' is a directory."
    )


def test_a_number_option_names_its_type_in_the_interface_language() -> None:
    """`--seed abc` names the type click expected: 整数 under zh (it was click's English 'integer
    range'), 'integer range' as click has it in English."""
    zh = run(["quiz", "--seed", "abc"], ZH)
    assert zh.exit_code == 2
    assert zh.stderr.splitlines()[-1] == "错误：'--seed' 的取值无效：'abc' 不是有效的数值（整数）。"
    en = run(["quiz", "--seed", "abc"], EN)
    assert en.stderr.splitlines()[-1] == "Error: Invalid value for '--seed': 'abc' is not a valid integer range."
