"""What a branch secretary sees in the grade reports: the HTML page on a phone and on paper, the
text report's columns with Chinese names, and every report in one language (Chinese) whatever the
session's language, while the console speaks the session's."""

from __future__ import annotations

import csv
import gzip
import io
import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import MINI
from studykit.cli import main
from studykit.errors import Problem
from studykit.grade.report.text import display_widths, padded
from studykit.i18n import Message, _, join, os_reason, retell, retellable, speaking
from studykit.typography import display_width

HEADER = "姓名,1,2,3,4,5,6,7,8\n"
ROWS = (
    "张三,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"  # 18/18 on the mini key
    "欧阳建国,B,A,AB,ABC,对,对,现场会议,1+1+11\n"  # 9/18: 2, 3, 6 and 7 missed
    "Li Na,A,C,ABC,ABC,对,错,现场会议+云端会议,?\n"  # 14/18: 1 wrong, 8 unreadable
    "张三,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"  # the name twice
)


def run(folder: Path, key_file: Path, out: str, lang: str = "en") -> tuple[int, str, str, str]:
    """``studykit grade branch.csv --key KEY -o OUT`` in a ``lang`` session: exit code, stdout, stderr, report."""
    table = folder / "branch.csv"
    table.write_text(HEADER + ROWS, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["grade", "branch.csv", "--key", str(key_file), "-o", out], env={"STUDYKIT_LANG": lang}
    )
    report = (folder / out).read_text(encoding="utf-8-sig")
    return result.exit_code, result.stdout, result.stderr, report


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


WARNINGS_EN = [
    "branch.csv:1: warning: the table has no 版本 column; assuming every row answered version A (add a 版本 column"
    " if the branch wrote several versions)",
    "branch.csv:4: warning: Li Na, question 8: cannot read answer '?': expected the text of the blank; scored 0",
    "branch.csv:5: warning: 张三: this name was graded before (branch.csv:2); both are reported",
]
WARNINGS_ZH = [
    "branch.csv:1: 警告：汇总表没有“版本”列；按每一行都答的是 A 卷处理（支部如果用了几种卷，请加上“版本”列）",
    "branch.csv:4: 警告：Li Na，第 8 题：无法识别答案 '?'：应为所填的文字；记 0 分",
    "branch.csv:5: 警告：张三：这个姓名前面已评过分（branch.csv:2）；两份都列入成绩",
]


# -- one language: the report's ----------------------------------------------------------------
def test_english_session_console_english_report_chinese(folder: Path, key_file: Path) -> None:
    """STUDYKIT_LANG=en: the warnings are English on stderr and Chinese in the text report, as the rest of it."""
    code, _out, err, report = run(folder, key_file, "成绩.txt")
    assert code == 0
    assert err.splitlines() == [*WARNINGS_EN, "成绩.txt: 4 graded"]
    assert report.endswith("\n警告（3）\n" + "".join(f"  {w}\n" for w in WARNINGS_ZH))
    assert "warning" not in report


def test_chinese_session_console_and_report_chinese(folder: Path, key_file: Path) -> None:
    """STUDYKIT_LANG=zh: the same Chinese lines on stderr and in the report."""
    code, _out, err, report = run(folder, key_file, "成绩.txt", lang="zh")
    assert code == 0
    assert err.splitlines()[:3] == WARNINGS_ZH
    assert report.endswith("\n警告（3）\n" + "".join(f"  {w}\n" for w in WARNINGS_ZH))


def test_json_and_html_warnings_chinese_in_english_session(folder: Path, key_file: Path) -> None:
    """The JSON report's warnings (text lines, beside its Chinese bank note and labels) and the HTML page's."""
    assert json.loads(run(folder, key_file, "成绩.json")[3])["warnings"] == WARNINGS_ZH
    page = run(folder, key_file, "成绩.html")[3]
    items = "".join(f"<li>{w}</li>\n".replace("'", "&#x27;") for w in WARNINGS_ZH)
    assert f"<h2>警告（3）</h2><ul>\n{items}</ul>\n</body>" in page


def test_csv_reason_not_graded_chinese_in_english_session(folder: Path, key_file: Path) -> None:
    """A row of another version closes the CSV with 无法评分 and the reason, in Chinese as the CSV's header."""
    full = "B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"
    (folder / "v.csv").write_text(
        HEADER.replace("姓名,", "姓名,版本,") + f"张三,A,{full}李四,B,{full}", encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["grade", "v.csv", "--key", str(key_file), "-o", "成绩.csv"], env={"STUDYKIT_LANG": "en"}
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "v.csv:3: 李四: the row is version 'B' but the key is for version 'A' (grade it with the key of its version)"
    )
    rows = list(csv.reader(io.StringIO((folder / "成绩.csv").read_text(encoding="utf-8-sig"))))
    assert rows[-1][:8] == ["", "李四", "v.csv", "3", "", "18", "",
                            "无法评分：这一行的版本是 'B'，而答案文件是 'A' 卷的（请用该卷的答案文件评分）"]  # fmt: skip


def test_messages_made_retellable_say_themselves_in_either_language() -> None:
    """Inside retellable, _() gives a str in the session's language that retell says in another; format, +
    and join keep that; outside, _() gives a plain str."""
    assert type(_("no answers could be graded")) is str
    with retellable():
        msg = _("this name was graded before ({where}); both are reported").format(where="a.csv:2")
        joined = join([msg, _("no answers could be graded")])
        added = "「" + msg + "」"
    assert isinstance(msg, Message) and msg == "this name was graded before (a.csv:2); both are reported"
    assert retell(msg, "zh") == "这个姓名前面已评过分（a.csv:2）；两份都列入成绩"
    assert retell(joined, "zh") == "这个姓名前面已评过分（a.csv:2）；两份都列入成绩、没有可以评分的答卷"
    assert retell(added, "zh") == "「这个姓名前面已评过分（a.csv:2）；两份都列入成绩」"
    assert retell("a plain str", "zh") == "a plain str"
    problem = Problem("a.csv", 3, "张三", msg, "warning")
    assert str(problem) == "a.csv:3: warning: 张三: this name was graded before (a.csv:2); both are reported"
    with speaking("zh"):
        assert str(problem) == "a.csv:3: 警告：张三：这个姓名前面已评过分（a.csv:2）；两份都列入成绩"


def test_os_reason_retold() -> None:
    """Why a file could not be read: the system's words in English, the errno's Chinese in the report."""
    exc = FileNotFoundError(2, "No such file or directory")
    with retellable():
        reason = os_reason(exc)
    assert (reason, retell(reason, "zh")) == ("No such file or directory", "没有这个文件或文件夹")


# -- the text report's columns ----------------------------------------------------------------
def test_ranking_columns_line_up_with_chinese_and_latin_names(folder: Path, key_file: Path) -> None:
    """Names padded by display width (欧阳建国 8 columns, Li Na 5), scores and percentages right-aligned."""
    report = run(folder, key_file, "成绩.txt")[3]
    assert (
        "\n排名\n"
        + (
            "    1. 张三      18/18  100.0%  及格\n"
            "    1. 张三      18/18  100.0%  及格\n"
            "    3. Li Na     14/18   77.8%  及格\n"
            "    4. 欧阳建国   9/18   50.0%  不及格\n"
        )
        in report
    )


def test_item_lines_line_up_past_nine_items(tmp_path: Path) -> None:
    """第9题 and 第10题, 2分 and 10分: padded so 通过率 starts in one column."""
    from studykit.grade import render_report, summarize_group
    from studykit.grade.model import ItemResult, MemberResult
    from studykit.key import AnswerKey, KeyItem

    items = tuple(
        KeyItem(n, f"q{n}", "true_false", "s", 10 if n == 10 else 2, f"题{n}（ ）", ("true",)) for n in range(1, 11)
    )
    key = AnswerKey(quiz_id="q", version="", title="", bank_id="b", bank_fingerprint="f", items=items)
    results = tuple(
        ItemResult(n, f"q{n}", "correct", "对", ("true",), p, p)
        for n, p in zip(range(1, 11), [2] * 9 + [10], strict=True)
    )
    members = [MemberResult(name, "t.csv", i + 2, results) for i, name in enumerate(("甲", "乙"))]
    lines = render_report(summarize_group(members, key), "text").splitlines()
    assert "  第9题  判断 2分   通过率 1.00  区分度 +0.00  对 2 · 错 0" in lines
    assert "  第10题 判断 10分  通过率 1.00  区分度 +0.00  对 2 · 错 0" in lines


@pytest.mark.parametrize(
    ("names", "widths"),
    [
        (["张三", "Li Na", "欧阳建国", "党员000123", "（代）王五"], [4, 5, 8, 10, 10]),
        (["José", "阿依·买买提", "张三"], [4, 11, 4]),  # measured a character at a time
        ([], []),
    ],
)
def test_display_widths(names: list[str], widths: list[int]) -> None:
    """The fast count equals typography.display_width."""
    assert display_widths(names) == widths == [display_width(n) for n in names]


def test_display_widths_fast_count_holds_for_every_plain_character() -> None:
    """Every character the C-speed count takes is 1 column and 1 UTF-8 byte, or 2 columns and 3 bytes."""
    ranges = [(0x20, 0x7E), (0x3000, 0x3029), (0x3030, 0x303E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF01, 0xFF60),
              (0xFFE0, 0xFFE6)]  # fmt: skip
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if unicodedata.category(chr(c)) != "Cn"]
    assert display_widths(chars) == [display_width(c) for c in chars]
    assert {(display_width(c), len(c.encode())) for c in chars} == {(1, 1), (2, 3)}


def test_padded() -> None:
    """To the column by display width; a wider name as it is."""
    assert list(padded(["张三", "Li", "司马相如明"], 6)) == ["张三  ", "Li    ", "司马相如明"]


# -- the HTML page ------------------------------------------------------------------------------
def test_stem_bracket_kept_on_one_line(folder: Path, key_file: Path) -> None:
    """Each stem's answer bracket is printed （　　） as on the paper, in a span that does not wrap."""
    page = run(folder, key_file, "成绩.html")[3]
    assert (
        '<td class="wrap" title="intro-01">“深入推进省域治理现代化”研讨会在哪里举行？<span class="blank">（　　）</span></td>'
        in page
    )
    assert (
        '<td class="wrap" title="ren-01">任剑涛认为，省域治理的重要落点是<span class="blank">（　　）</span></td>'
        in page
    )
    assert '<td class="wrap" title="intro-02">研讨会以“<span class="blank">____</span>”的形式进行。</td>' in page
    assert page.count('<span class="blank">') == 6  # 4 choice and 2 fill_blank stems of the 8 items
    assert ".blank,.nw{white-space:nowrap}" in page


def test_multiple_answers_kept_on_one_line(folder: Path, key_file: Path) -> None:
    """A missed item's answers of several letters do not split after a 、; a single letter needs no span."""
    page = run(folder, key_file, "成绩.html")[3]
    assert (
        '<li class="miss">3. [多选 4分] 错误：作答 <span class="nw">A、B</span>，正确答案 <span class="nw">A、B、C</span>'
        in page
    )
    assert '<li class="miss">2. [单选 2分] 错误：作答 A，正确答案 C' in page


def test_facility_bars_print_without_background_graphics(folder: Path, key_file: Path) -> None:
    """The bars are a border, not a background (a browser prints no backgrounds by default), and the chart
    asks to be printed in its colours."""
    page = run(folder, key_file, "成绩.html")[3]
    assert (
        ".track{background:#eee;height:1em;box-sizing:border-box;border:1px solid #ccc}"
        ".bar{height:0;border-top:calc(1em - 2px) solid #3a7bd5}.bar.low{border-top-color:#d9534f}\n"
        ".chart,.fail{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ) in page
    assert '<div class="track" title="intro-01"><div class="bar" style="width:75.0%"></div></div>' in page


EDGE = Path(__file__).resolve().parents[1] / "data" / "grade_golden"


@pytest.mark.parametrize("fmt", ["txt", "csv", "json", "html"])
def test_report_bytes_same_in_english_and_chinese_sessions(folder: Path, fmt: str) -> None:
    """The golden edge table (odd cells of every kind: 其他 with text, a letter and a text naming two options,
    rows not graded) gives the very same report in an English and a Chinese session."""
    (folder / "edge.csv").write_bytes(gzip.decompress((EDGE / "edge.csv.gz").read_bytes()))
    args = ["grade", "edge.csv", "--key", str(EDGE / "golden-A.key.yaml"), "--bank", str(MINI)]
    reports = []
    for lang in ("en", "zh"):
        result = CliRunner().invoke(main, [*args, "-o", f"{lang}.{fmt}"], env={"STUDYKIT_LANG": lang})
        assert result.exit_code == 1  # rows not graded
        reports.append((folder / f"{lang}.{fmt}").read_bytes())
    assert reports[0] == reports[1]
    line = "警告：孙其他，第 1 题：其他，填的是 '不知道'，不是任何一个选项；按原样显示"
    assert fmt == "csv" or (line.replace("'", "&#x27;") if fmt == "html" else line).encode() in reports[0]


def test_answers_read_before_outside_grading_are_retold(folder: Path, key_file: Path) -> None:
    """An answer read (and cached) outside grade_files, then met while grading: its warning is Chinese in the report."""
    from studykit.grade.normalize import read_answer
    from studykit.key import load_key

    assert read_answer("?", load_key(key_file).item(8)).problem == "expected the text of the blank"
    report = run(folder, key_file, "成绩.txt")[3]
    assert "  branch.csv:4: 警告：Li Na，第 8 题：无法识别答案 '?'：应为所填的文字；记 0 分\n" in report


@pytest.mark.parametrize(
    ("stem", "parts"),
    [
        ("本版刊登在哪个栏目（ ）", [("本版刊登在哪个栏目", False), ("（　　）", True)]),
        ("坚持( )协同互动", [("坚持", False), ("（　　）", True), ("协同互动", False)]),
        ("甲" * 36 + "必须是____。", [("甲" * 36 + "必须是…", False)]),  # cut before the blank, not inside it
        ("甲" * 30 + "（　　）" + "乙" * 10, [("甲" * 30, False), ("（　　）", True), ("乙" * 5 + "…", False)]),
        ("", [("q1", False)]),  # no stem: the question id
    ],
)
def test_stem_parts(stem: str, parts: list[tuple[str, bool]]) -> None:
    """The 各题分析 cell: brackets as on the paper, blanks whole, 40 characters at most."""
    from types import SimpleNamespace

    from studykit.grade.report.html import _stem
    from studykit.key import KeyItem

    item = KeyItem(1, "q1", "single", "s", 2, stem, ("A",), ("甲", "乙"))
    report = SimpleNamespace(key=SimpleNamespace(item=lambda number: item))
    assert _stem(report, 1) == parts  # type: ignore[arg-type]


def test_members_not_graded_are_counted_and_ranked(folder: Path, key_file: Path) -> None:
    """A row of another version: the summary counts it apart (the ranking's lines add up) and the HTML ranking
    lists it after the members graded, as the text and CSV reports do."""
    full = "B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"
    rows = f"张三,A,{full}李四,B,{full}王五,A,{full}"
    (folder / "v.csv").write_text(HEADER.replace("姓名,", "姓名,版本,") + rows, encoding="utf-8")
    args = ["grade", "v.csv", "--key", str(key_file)]
    for out in ("成绩.txt", "成绩.html"):
        assert CliRunner().invoke(main, [*args, "-o", out], env={"STUDYKIT_LANG": "en"}).exit_code == 1
    text = (folder / "成绩.txt").read_text(encoding="utf-8")
    assert "\n共 2 人（另 1 人无法评分） · 平均 18.0 分 · 中位数 18 分 · 最高 18 分 · 最低 18 分 · 及格 2 人\n" in text
    assert (
        "    1. 张三  18/18  100.0%  及格\n    1. 王五  18/18  100.0%  及格\n    —  李四  无法评分（v.csv:3，原因见“未评分”）\n"
        in text
    )
    page = (folder / "成绩.html").read_text(encoding="utf-8")
    assert "<p>共 2 人（另 1 人无法评分） · 平均 18.0 分" in page
    assert (
        "<td>及格</td></tr>\n"
        '<tr><td class="num">—</td><td>李四</td><td colspan="3" class="fail">无法评分（v.csv:3，原因见“未评分”）</td></tr>\n'
        "</table></div>"
    ) in page


def test_the_fast_width_rule_agrees_with_display_width_on_every_character_it_covers() -> None:
    """``display_widths`` counts a name of the characters ``_NOT_PLAIN`` leaves out at C speed, by a
    rule of its own (UTF-8 bytes); it must give :func:`display_width`'s answer for each of them."""
    from studykit.grade.report.text import _NOT_PLAIN

    covered = [chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c < 0xE000 and not _NOT_PLAIN.match(chr(c))]
    assert len(covered) == 28_351  # printable ASCII and the CJK blocks it lists
    assert display_widths(covered) == [display_width(c) for c in covered]
