"""Chinese messages a secretary still met half in English or with English punctuation (round 3):
each pinned exactly in Chinese, with its English twin unchanged where the code path changed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from skpaths import DATA, MINI_BANK, ROOT
from studykit.cli import main

ZH = {"STUDYKIT_LANG": "zh"}
EN = {"STUDYKIT_LANG": "en"}
KEY = ROOT / "tests" / "golden" / "mini-seed7.key.yaml"
BAD_KEYS = DATA / "bad_keys"


def run(args: list[str], env: dict[str, str]) -> Result:
    unset: dict[str, str | None] = dict.fromkeys(("STUDYKIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"))
    return CliRunner().invoke(main, args, env={**unset, **env}, prog_name="studykit")


def test_unknown_command_suggestion_has_no_space_after_the_full_stop() -> None:
    """click's "No such command 'qiuz'. Did you mean 'quiz'?" reads as one Chinese sentence pair."""
    result = run(["qiuz"], ZH)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "错误：没有命令 'qiuz'。是不是要用 'quiz'？"
    assert run(["qiuz"], EN).stderr.splitlines()[-1] == "Error: No such command 'qiuz'. Did you mean 'quiz'?"


def test_unknown_option_with_two_close_names_offers_them_as_alternatives() -> None:
    """Two suggestions are 'a' 或 'b' in Chinese, not click's English ', ' list."""
    result = run(["quiz", "--cout", "3"], ZH)
    assert result.stderr.splitlines()[-1] == "错误：没有选项 '--cout'。是不是要用 '--count' 或 '--output'？"
    english = run(["quiz", "--cout", "3"], EN)
    assert english.stderr.splitlines()[-1] == (
        "Error: No such option '--cout'. (Did you mean one of: '--count', '--output'?)"
    )


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (
            ["handout", "--format", "pdf"],
            "错误：'--format' 的取值无效：'pdf' 不是 'md'、'html'、'docx' 之一。",
            "Error: Invalid value for '--format': 'pdf' is not one of 'md', 'html', 'docx'.",
        ),
        (
            ["grade", "x.txt", "--key", "k.key.yaml", "--multiple-scoring", "half"],
            "错误：'--multiple-scoring' 的取值无效：'half' 不是 'all-or-nothing'、'partial' 之一。",
            "Error: Invalid value for '--multiple-scoring': 'half' is not one of 'all-or-nothing', 'partial'.",
        ),
    ],
)
def test_a_bad_choice_lists_the_choices_with_dun_hao(args: list[str], chinese: str, english: str) -> None:
    """click's list of choices is joined with 、 in Chinese; English keeps click's ', '."""
    assert run(args, ZH).stderr.splitlines()[-1] == chinese
    assert run(args, EN).stderr.splitlines()[-1] == english


def test_unknown_type_in_the_mix_lists_the_types_with_dun_hao() -> None:
    result = run(["quiz", "--bank", str(MINI_BANK), "--mix", "essay=3"], ZH)
    assert result.stderr.splitlines()[-1] == (
        "错误：'--mix' 的取值无效：'essay=3' 中的题型 'essay' 未知（应为以下之一：single、multiple、true_false、fill_blank）"
    )
    english = run(["quiz", "--bank", str(MINI_BANK), "--mix", "essay=3"], EN)
    assert english.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--mix': unknown type 'essay' in 'essay=3' "
        "(expected one of: single, multiple, true_false, fill_blank)"
    )


@pytest.mark.parametrize(
    ("case", "chinese"),
    [
        ("number_fraction", "第 1.5 题，字段 'number'：'1.5' 不是题号（应为 1 或更大的整数，与试卷上印的一致）"),
        ("number_text", "第 abc 题，字段 'number'：'abc' 不是题号（应为 1 或更大的整数，与试卷上印的一致）"),
    ],
)
def test_a_key_item_numbered_wrongly_is_named_in_chinese(case: str, chinese: str, tmp_path: Path) -> None:
    """An answer key's item whose number is not a whole number is 第 1.5 题 in Chinese, not 'item 1.5'."""
    sheet = tmp_path / "甲.txt"
    sheet.write_text("姓名：甲\n1. A\n", encoding="utf-8")
    key = BAD_KEYS / f"{case}.key.yaml"
    result = run(["grade", str(sheet), "--key", str(key)], ZH)
    assert result.exit_code == 1
    assert result.stderr == f"错误：{key}:26: {chinese}\n"
    english = (BAD_KEYS / f"{case}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert (
        run(["grade", str(sheet), "--key", str(key)], EN).stderr
        == f"Error: {key}{english.split(case + '.key.yaml', 1)[1]}\n"
    )


def test_a_report_that_is_not_json_says_why_in_chinese(tmp_path: Path) -> None:
    """Python's reason for invalid JSON ('Expecting value') is translated; English keeps Python's words."""
    report = tmp_path / "成绩.json"
    report.write_text("# 不是 JSON\n", encoding="utf-8")
    args = ["handout", "--bank", str(MINI_BANK), "--from-report", str(report), "-o", str(tmp_path / "h.md")]
    assert run(args, ZH).stderr == (
        f"错误：{report}:1: 不是有效的 JSON（这里应有一个值，第 1 列）；应为 studykit grade 生成的 JSON 成绩报告（--format json）\n"
    )
    assert run(args, EN).stderr == (
        f"Error: {report}:1: not valid JSON (Expecting value, column 1); "
        "expected the JSON report of studykit grade (--format json)\n"
    )


def test_a_yaml_sheet_without_quiz_names_the_field_in_quotes(tmp_path: Path) -> None:
    """'没有“quiz:”字段', as the text sheet's '没有“测验：”一行' — not '没有quiz: 字段'."""
    sheet = tmp_path / "乙.yaml"
    sheet.write_text("name: 乙\nanswers:\n  1: A\n", encoding="utf-8")
    result = run(["grade", str(sheet), "--key", str(KEY), "--bank", str(MINI_BANK), "-o", str(tmp_path / "r.txt")], ZH)
    assert (
        f"{sheet}: 警告：乙：答题卡没有写明是哪份测验（没有“quiz:”字段）；按测验 mini-test-7-f77a784c 的答案文件评分"
        in (result.stderr.splitlines())
    )


def test_sheets_that_do_not_say_their_quiz_are_listed_with_dun_hao(tmp_path: Path) -> None:
    for name in ("甲", "乙"):
        (tmp_path / f"{name}.txt").write_text(f"姓名：{name}\n1. A\n", encoding="utf-8")
    args = [
        "grade",
        str(tmp_path / "甲.txt"),
        str(tmp_path / "乙.txt"),
        "--key",
        str(KEY),
        "-o",
        str(tmp_path / "r.txt"),
    ]
    result = run(args, ZH)
    assert (
        f"{tmp_path / '甲.txt'}: 警告：2 张答题卡没写是哪次测验（没有“测验：”这一行）：{tmp_path / '甲.txt'}、"
        f"{tmp_path / '乙.txt'}；都按测验 mini-test-7-f77a784c 的答案文件评分"
    ) in result.stderr.splitlines()
    english = run(args, EN)
    assert any(f"{tmp_path / '甲.txt'}, {tmp_path / '乙.txt'}" in line for line in english.stderr.splitlines())


def test_a_table_short_of_question_columns_lists_the_missing_numbers_with_dun_hao(tmp_path: Path) -> None:
    table = tmp_path / "支部.csv"
    table.write_text("姓名,1,2,3,4,5,6,7\n甲,A,B,A,B,对,错,县域\n", encoding="utf-8")
    result = run(["grade", str(table), "--key", str(KEY)], ZH)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{table}:1: 汇总表有 7 个题目列，而答案文件有 10 道题（第 8、9、10 题没有对应的列）；"
        "题数不同的汇总表不能用这份答案文件评分"
    )


def test_the_type_filter_conflict_names_the_types_in_chinese(tmp_path: Path) -> None:
    args = ["quiz", "--bank", str(MINI_BANK), "--type", "single", "--type", "true_false", "--mix", "multiple=1"]
    result = run([*args, "-o", str(tmp_path / "q.md")], ZH)
    assert result.stderr == "错误：题型配比要求出多选题，但题型筛选只保留了单选、判断\n"
    english = run([*args, "-o", str(tmp_path / "q.md")], EN)
    assert (
        english.stderr == "Error: the mix asks for multiple items but the type filter keeps only single, true_false\n"
    )


def test_option_help_extras_are_separated_by_a_full_width_semicolon() -> None:
    """click's '. [default: 1; 1<=x<=26]' is 。[默认：1；1<=x<=26] in Chinese help, unchanged in English."""
    chinese = run(["quiz", "--help"], ZH).stdout
    assert "。[默认：1；1<=x<=26]" in chinese
    assert "（会新建；里面已有题库则拒绝）。[必填]" in run(["draft", "--help"], ZH).stdout
    assert "; " not in chinese
    assert "[default: 1; 1<=x<=26]" in " ".join(run(["quiz", "--help"], EN).stdout.split())


def test_undecodable_table_says_why_in_chinese(tmp_path: Path) -> None:
    """Python's codec reasons ('invalid start byte', 'UTF-16 stream does not start with BOM') are
    translated in Chinese; English keeps them."""
    broken = tmp_path / "支部.csv"
    broken.write_bytes(b"\xff\xfe" + "姓名,1\n甲,A\n".encode())  # the header itself: no row is read
    plain = tmp_path / "名单.csv"
    plain.write_text("姓名,1\n甲,A\n", encoding="utf-8")
    zh_broken = run(["grade", str(broken), "--key", str(KEY), "--encoding", "utf-8"], ZH)
    assert zh_broken.stderr.splitlines()[0] == (
        f"{broken}: 无法按 utf-8 读取（遇到不能作为字符开头的字节）；请用 --encoding 给出正确的编码"
    )
    en_broken = run(["grade", str(broken), "--key", str(KEY), "--encoding", "utf-8"], EN)
    assert (
        en_broken.stderr.splitlines()[0]
        == f"{broken}: not readable as utf-8 (invalid start byte); give the right --encoding"
    )
    zh_plain = run(["grade", str(plain), "--key", str(KEY), "--encoding", "utf-16"], ZH)
    assert zh_plain.stderr.splitlines()[0] == (
        f"{plain}: 无法按 utf-16 读取（文件开头没有 UTF-16 的字节顺序标记 BOM）；请用 --encoding 给出正确的编码"
    )


def test_a_workbook_that_is_no_zip_says_so_in_chinese(tmp_path: Path) -> None:
    """An old .xls renamed .xlsx: zipfile's 'File is not a zip file' in Chinese, with the likely cause
    and what to do (every unreadable workbook gets the same advice)."""
    book = tmp_path / "支部.xlsx"
    book.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert run(["grade", str(book), "--key", str(KEY)], ZH).stderr.splitlines()[0] == (
        f"{book}: 不是可读取的 .xlsx 工作簿（文件不是 zip 格式，而 .xlsx 应是 zip 压缩包；也可能是改了扩展名的其他文件）"
        "——文件可能已损坏，请用 Excel 或 WPS 打开后另存为 .xlsx 再评分"
    )
    assert run(["grade", str(book), "--key", str(KEY)], EN).stderr.splitlines()[0] == (
        f"{book}: not a readable .xlsx workbook (File is not a zip file)"
    )


def test_handout_help_calls_the_facility_index_what_the_handout_prints() -> None:
    """The handout prints 答对率 for a question's facility index; its help says the same, not 难度指数."""
    help_text = "".join(run(["handout", "--help"], ZH).stdout.split())
    assert "只保留答对率（全对党员所占的比例）低于报告及格线的题" in help_text
    assert "难度指数" not in help_text


def test_check_counts_parts_as_draft_does(tmp_path: Path) -> None:
    """check's summary says 分 4 个部分, as draft's 9 个部分 — not the clipped 分 4 部分."""
    result = run(["check", "--bank", str(MINI_BANK)], ZH)
    assert "，分 4 个部分 —— intro 2、" in result.stdout


@pytest.mark.parametrize(
    ("value", "expected"), [("zh_CN", "zh"), ("zh-CN", "zh"), ("zh_CN.UTF-8", "zh"), ("en_US", "en")]
)
def test_studykit_lang_accepts_a_locale_name(value: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """STUDYKIT_LANG=zh_CN (spelt as LANG is) chooses Chinese, as zh does — it used to be ignored."""
    from studykit.i18n import language

    monkeypatch.setenv("STUDYKIT_LANG", value)
    monkeypatch.setenv("LANG", "en_US.UTF-8" if expected == "zh" else "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert language() == expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_handout_refuses_a_pipe_as_the_report_instead_of_waiting(tmp_path: Path) -> None:
    """--from-report naming a FIFO used to wait forever for a writer; now it is refused at once."""
    pipe = tmp_path / "成绩.json"
    os.mkfifo(pipe)
    args = ["handout", "--bank", str(MINI_BANK), "--from-report", str(pipe), "-o", str(tmp_path / "h.md")]
    result = run(args, ZH)
    assert result.exit_code == 1
    assert result.stderr == f"错误：无法读取成绩报告 {pipe}：它不是普通文件（是管道或设备）\n"
    assert run(args, EN).stderr == f"Error: cannot read grade report {pipe}: not a regular file (a pipe or a device)\n"


def test_a_report_that_is_not_utf8_names_the_byte_in_chinese(tmp_path: Path) -> None:
    """Python's "'utf-8' codec can't decode byte 0xff in position 0" no longer reaches a Chinese user."""
    report = tmp_path / "成绩.json"
    report.write_bytes(b"\xff\xfe{}")
    args = ["handout", "--bank", str(MINI_BANK), "--from-report", str(report), "-o", str(tmp_path / "h.md")]
    assert run(args, ZH).stderr == (
        f"错误：无法读取成绩报告 {report}：不是 UTF-8 文本（字节 0xFF：遇到不能作为字符开头的字节）\n"
    )
    assert (
        run(args, EN).stderr
        == f"Error: cannot read grade report {report}: not UTF-8 text (byte 0xFF: invalid start byte)\n"
    )


def test_an_unreadable_key_says_why_without_python_errno_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key the system will not let studykit read: the reason by its errno (Chinese), not
    "[Errno 13] Permission denied: '…'"."""
    import errno

    from studykit import _cache
    from studykit.errors import KeyFileError
    from studykit.key import load_key

    def refuse(path: Path, limit: int | None = None) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(_cache, "read_regular", refuse)
    monkeypatch.setenv("STUDYKIT_LANG", "zh")
    with pytest.raises(KeyFileError) as caught:
        load_key(KEY)
    assert caught.value.message == f"无法读取答案文件 {KEY}：没有权限（文件可能是只读的，或正被其他程序打开）"
    monkeypatch.setenv("STUDYKIT_LANG", "en")
    with pytest.raises(KeyFileError) as caught:
        load_key(KEY)
    assert caught.value.message == f"cannot read answer key {KEY}: Permission denied"


def test_a_true_false_question_with_options_names_the_types_in_chinese(tmp_path: Path) -> None:
    """判断题没有选项（只有单选题和多选题有）, not 'true_false 题没有选项（只有 single 和 multiple 题有）'."""
    shutil.copytree(MINI_BANK.parent, tmp_path / "bank")
    bank = tmp_path / "bank" / "question_bank.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(
        text.replace("    answer: true\n", "    answer: true\n    options: [对, 错]\n", 1), encoding="utf-8"
    )
    result = run(["check", "--bank", str(bank)], ZH)
    assert result.exit_code == 1
    assert (
        f"{bank}:60: 题目 'ren-02'，字段 'options'：判断题没有选项（只有单选题和多选题有）"
        in result.stderr.splitlines()
    )
    english = run(["check", "--bank", str(bank)], EN)
    assert (
        f"{bank}:60: question 'ren-02', field 'options': a true_false question has no options (only single and multiple do)"
        in english.stderr.splitlines()
    )


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_report_onto_a_review_deck_uses_the_catalogs_term_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """错题本卡组, as every other message calls a member's review deck — not 错题卡组."""
    monkeypatch.chdir(tmp_path)
    Path("张三.txt").write_text("姓名：张三\n测验：mini-test-7-f77a784c\n1. D\n", encoding="utf-8")
    Path("成绩.html").symlink_to(Path("错题本", "张三.apkg"))
    args = [
        "grade",
        "张三.txt",
        "--key",
        str(KEY),
        "--bank",
        str(MINI_BANK),
        "-o",
        "成绩.html",
        "--review-decks",
        "错题本",
    ]
    assert run(args, ZH).stderr.splitlines()[-1] == "错误：-o 成绩.html 是 '张三' 的错题本卡组；不予覆盖——请换一个路径"


def _crafted_report(tmp_path: Path, **changes: object) -> Path:
    data = json.loads((DATA / "handout" / "report.json").read_text(encoding="utf-8"))
    data["questions"][0].update(changes)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_crafted_reports_field_is_named_with_a_chinese_comma(tmp_path: Path) -> None:
    """questions[1]，字段 'facility' — not questions[1], 字段 (the record and the field joined in English)."""
    path = _crafted_report(tmp_path, facility=2.5)
    args = ["handout", "--bank", str(MINI_BANK), "--from-report", str(path), "-o", str(tmp_path / "h.md")]
    assert run(args, ZH).stderr == f"错误：{path}：questions[1]，字段 'facility'：2.5 不是比例（应在 0 到 1 之间）\n"
    assert (
        run(args, EN).stderr == f"Error: {path}: questions[1], field 'facility': 2.5 is not a share (expected 0 to 1)\n"
    )


def test_a_report_number_of_thousands_of_digits_is_refused_in_chinese(tmp_path: Path) -> None:
    """Python's 'Exceeds the limit (4300 digits) for integer string conversion…' stays out of Chinese."""
    path = _crafted_report(tmp_path, number=1)
    path.write_text(path.read_text(encoding="utf-8").replace('"number": 1,', '"number": ' + "9" * 5000 + ","), "utf-8")
    args = ["handout", "--bank", str(MINI_BANK), "--from-report", str(path), "-o", str(tmp_path / "h.md")]
    assert run(args, ZH).stderr == (
        f"错误：{path}：不是 studykit 写出的成绩报告（其中有个数字位数太多，成绩报告里不会有这样的数）；"
        "应为 studykit grade 的 JSON 报告（--format json）\n"
    )


@pytest.mark.parametrize("mix", ["single=3，multiple=1", "single＝3、multiple＝1", "ｓｉｎｇｌｅ=3,multiple=1"])
def test_a_mix_typed_on_a_chinese_keyboard_is_read(mix: str, tmp_path: Path) -> None:
    """Full-width ＝ and ， (and the list comma 、) in --mix are what a Chinese IME types: read as = and ,."""
    plain = run(
        ["quiz", "--bank", str(MINI_BANK), "--seed", "1", "--mix", "single=3,multiple=1", "-o", str(tmp_path / "a.md")],
        ZH,
    )
    typed = run(["quiz", "--bank", str(MINI_BANK), "--seed", "1", "--mix", mix, "-o", str(tmp_path / "b.md")], ZH)
    assert typed.exit_code == 0, typed.output
    assert typed.stdout.splitlines()[0] == plain.stdout.splitlines()[0] == "测验 mini-test-1-677230b3：4 道题，21 分"


def test_points_and_pass_mark_typed_full_width_are_read(tmp_path: Path) -> None:
    from studykit.quiz import parse_points

    assert parse_points("multiple＝４") == ("multiple", 4.0)
    sheet = tmp_path / "甲.txt"
    sheet.write_text("姓名：甲\n测验：mini-test-7-f77a784c\n1. B\n", encoding="utf-8")
    result = run(["grade", str(sheet), "--key", str(KEY), "--pass-mark", "８０％"], ZH)
    assert "测验 mini-test-7-f77a784c · 满分 50 分 · 多选题全对才得分 · 及格线 80%" in result.stdout.splitlines()


def test_a_corrupt_workbook_gets_advice_in_chinese() -> None:
    """A workbook whose XML is broken keeps the parser's words as detail, then says what to do."""
    book = DATA / "hostile" / "mismatched_tag.xlsx"
    assert run(["grade", str(book), "--key", str(KEY)], ZH).stderr.splitlines()[0] == (
        f"{book}: 不是可读取的 .xlsx 工作簿（ParseError: mismatched tag: line 2, column 553）"
        "——文件可能已损坏，请用 Excel 或 WPS 打开后另存为 .xlsx 再评分"
    )


def test_mix_and_points_take_the_types_chinese_names(tmp_path: Path) -> None:
    """The names Chinese messages print (多选, 多选题) work in --mix and --points as the YAML values do."""
    english = ["--mix", "single=3,multiple=1", "--points", "multiple=4"]
    chinese = ["--mix", "单选=3、多选题=1", "--points", "多选=4"]
    base = ["quiz", "--bank", str(MINI_BANK), "--seed", "1"]
    plain = run([*base, *english, "-o", str(tmp_path / "a.md")], ZH)
    named = run([*base, *chinese, "-o", str(tmp_path / "b.md")], ZH)
    assert named.exit_code == 0, named.output
    assert named.stdout.splitlines()[0] == plain.stdout.splitlines()[0]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (tmp_path / "b.md").read_text(encoding="utf-8")


def test_type_filter_takes_the_types_chinese_names(tmp_path: Path) -> None:
    """--type 判断 (or 判断题) draws what --type true_false draws."""
    base = ["quiz", "--bank", str(MINI_BANK), "--seed", "1", "--count", "2"]
    plain = run([*base, "--type", "true_false", "-o", str(tmp_path / "a.md")], ZH)
    named = run([*base, "--type", "判断题", "-o", str(tmp_path / "b.md")], ZH)
    assert named.exit_code == 0, named.output
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == (tmp_path / "b.md").read_text(encoding="utf-8")
    assert plain.stdout.splitlines()[0] == named.stdout.splitlines()[0]
    assert run([*base, "--type", "问答"], ZH).stderr.splitlines()[-1] == (
        "错误：'--type' 的取值无效：'问答' 不是 'single'、'multiple'、'true_false'、'fill_blank' 之一。"
    )


def test_an_undecodable_sheet_gives_the_byte_offset_not_an_ordinal(tmp_path: Path) -> None:
    """'byte 18' is an offset (the 19th byte): Chinese said 第 18 个字节, one off; now 文件开头起 18 个字节处."""
    sheet = tmp_path / "甲.txt"
    sheet.write_bytes("姓名：甲\n1. A\n".encode() + b"\xff\n")
    assert run(["grade", str(sheet), "--key", str(KEY), "--encoding", "utf-8"], ZH).stderr.splitlines()[0] == (
        f"{sheet}: 无法按 utf-8 读取（文件开头起 18 个字节处）；请用 --encoding 给出正确的编码"
    )
    assert run(["grade", str(sheet), "--key", str(KEY), "--encoding", "utf-8"], EN).stderr.splitlines()[0] == (
        f"{sheet}: not readable as utf-8 (byte 18); give the right --encoding"
    )


def test_an_unnumbered_answer_line_is_explained_without_spaced_dashes(tmp_path: Path) -> None:
    """Chinese puts no spaces around ——: 分不清哪个答案属于哪道题——请给每个答案编上题号."""
    sheet = tmp_path / "王五.txt"
    sheet.write_text("姓名：王五\n测验：mini-test-7-f77a784c\nDCBAD\n", encoding="utf-8")
    said = run(["grade", str(sheet), "--key", str(KEY)], ZH).stderr.splitlines()[0]
    # between the two, why such a line is not read in paper order (translated when the catalog is next updated)
    assert said.startswith(f"{sheet}:3: 王五：无法评分：第 3 行：答案没有题号（'DCBAD'）")
    assert said.endswith(
        "；分不清哪个答案属于哪道题——请给每个答案编上题号（1. D，或 1D 2C 3B），或写成题号范围（1-5 DCBAD）"
    )


def test_a_nameless_row_is_named_without_a_space_before_the_bracket(tmp_path: Path) -> None:
    """这一行没有姓名；记作（第3行） — the placeholder carries its own full-width brackets."""
    table = tmp_path / "支部.csv"
    header = ",".join(["姓名", *map(str, range(1, 11))])
    table.write_text(f"{header}\n甲,A\n,B\n", encoding="utf-8")
    result = run(["grade", str(table), "--key", str(KEY), "-o", str(tmp_path / "r.txt")], ZH)
    assert f"{table}:3: 警告：这一行没有姓名；记作（第3行）" in result.stderr.splitlines()


def test_a_sheet_of_another_version_written_with_juan_is_not_called_juan_twice(tmp_path: Path) -> None:
    """版本：B卷 graded with the A key: 答题卡上的版本是 'B卷' — it said 答题卡是 'B卷' 卷."""
    made = run(["quiz", "--bank", str(MINI_BANK), "--seed", "3", "--versions", "2", "-o", str(tmp_path / "q.md")], ZH)
    assert made.exit_code == 0, made.output
    quiz_id = made.stdout.split("测验 ", 1)[1].split("：", 1)[0]
    sheet = tmp_path / "丙.txt"
    sheet.write_text(f"姓名：丙\n测验：{quiz_id}\n版本：B卷\n1. A\n", encoding="utf-8")
    result = run(["grade", str(sheet), "--key", str(tmp_path / "q-A.key.yaml")], ZH)
    assert result.stderr.splitlines()[0] == (
        f"{sheet}:3: 答题卡上的版本是 'B卷'，而答案文件是 'A' 卷的（请用该卷的答案文件评分）"
    )
