"""What a tester threw at ``studykit grade`` (issue 5): messy real-world files, exact scores and messages."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.grade import GroupReport, detect_encoding, grade_files, render_report
from studykit.grade.normalize import accepted_forms, blank_form, read_answer
from studykit.key import AnswerKey, dump_key
from studykit.model import Bank

FULL = ["B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11"]


def grade(paths: list[Path], key: AnswerKey, **options: str) -> GroupReport:
    return grade_files(paths, key, **options)  # type: ignore[arg-type]


def scores(report: GroupReport) -> list[tuple[str, float]]:
    return [(m.name, m.score) for m in report.members]


def problems(report: GroupReport) -> list[str]:
    return [str(p) for p in (*report.failures, *report.warnings)]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def sheet(name: str, version: str | None, answers: list[str] = FULL) -> str:
    head = f"姓名：{name}\n测验：mini-test-7-abc\n" + (f"版本：{version}\n" if version is not None else "")
    return head + "".join(f"{n}. {a}\n" for n, a in enumerate(answers, 1))


# -- 1. versions ---------------------------------------------------------------
def test_sheet_with_blank_version_fails_against_a_versioned_key(tmp_path: Path, key: AnswerKey) -> None:
    """A sheet whose 版本 line is blank is not graded with version A's key: the reason names the line."""
    path = write(tmp_path / "a.txt", sheet("甲", ""))
    report = grade([path], key)
    assert scores(report) == []
    assert problems(report) == [
        f"{path}:3: the sheet does not say its version (版本); the key is version A — "
        "write 版本：A on the sheet or use the right key"
    ]


def test_sheet_and_yaml_without_version_line_fail(tmp_path: Path, key: AnswerKey) -> None:
    """A .txt or .yaml sheet with no 版本 at all fails against a versioned key; the good sheet is graded."""
    txt = write(tmp_path / "a.txt", sheet("甲", None))
    yml = write(tmp_path / "b.yaml", "姓名: 乙\nanswers:\n  1: B\n")
    good = write(tmp_path / "c.txt", sheet("丙", "A"))
    report = grade([txt, yml, good], key)
    assert scores(report) == [("丙", 18)]
    reason = "the sheet does not say its version (版本); the key is version A — write 版本：A on the sheet or use the right key"
    assert problems(report) == [f"{txt}: {reason}", f"{yml}: {reason}"]


def test_version_compares_case_insensitively(tmp_path: Path, key: AnswerKey) -> None:
    """版本：b on the sheet matches a key of version B."""
    path = write(tmp_path / "a.txt", sheet("甲", "b"))
    report = grade([path], replace(key, version="B"))
    assert scores(report) == [("甲", 18)]
    assert problems(report) == []


def test_unversioned_key_grades_a_sheet_without_version(tmp_path: Path, key: AnswerKey) -> None:
    """A paper printed without versions needs no 版本 line."""
    path = write(tmp_path / "a.txt", sheet("甲", ""))
    report = grade([path], replace(key, version=""))
    assert scores(report) == [("甲", 18)]
    assert problems(report) == []


def test_table_without_version_column_warns_with_a_versioned_key(tmp_path: Path, key: AnswerKey) -> None:
    """A table without a 版本 column is graded as version A, with a warning saying so."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7,8\n甲," + ",".join(FULL) + "\n")
    report = grade([path], key)
    assert scores(report) == [("甲", 18)]
    assert problems(report) == [
        f"{path}:1: warning: the table has no 版本 column; assuming every row answered version A "
        "(add a 版本 column if the branch wrote several versions)"
    ]
    assert problems(grade([path], replace(key, version=""))) == []


# -- 2. encodings --------------------------------------------------------------
def test_gbk_sheet_with_full_width_letters(tmp_path: Path, key: AnswerKey) -> None:
    """A GBK sheet with Ｄ, ＡＢＣＤ, √ and × is read as GB18030 (it was taken for Thai cp874: 0 points)."""
    answers = ["Ｂ", "Ｄ", "ＡＢＣ", "ＡＢＣＤ", "√", "×", "现场会议＋云端会议", "１＋１＋１１"]
    path = write(tmp_path / "张三.txt", sheet("张三", "Ａ", answers).replace("\n", "\r\n"), "gbk")
    assert detect_encoding(path) == "gb18030"
    report = grade([path], key)
    assert scores(report) == [("张三", 12)]
    assert [r.given for r in report.members[0].items] == [
        "B", "D", "A、B、C", "A、B、C、D", "对", "错", "现场会议+云端会议", "1+1+11"
    ]  # fmt: skip
    assert problems(report) == []


def test_gbk_csv_with_full_width_answers(tmp_path: Path, key: AnswerKey) -> None:
    """A GBK CSV whose cells hold full-width letters and √/× is graded exactly."""
    text = "姓名,版本,1,2,3,4,5,6,7,8\r\n甲,Ａ,Ｂ,Ｃ,ＡＢＣ,ＡＢ,√,×,现场会议,１＋１＋１１\r\n乙,A,Ｄ,Ｃ,Ａ,ＡＢＣ,×,√,,\r\n"
    path = write(tmp_path / "支部.csv", text, "gbk")
    assert detect_encoding(path) == "gb18030"
    report = grade([path], key)
    assert scores(report) == [("甲", 12), ("乙", 6)]
    assert problems(report) == []


def test_gbk_survey_export_with_survey_join(tmp_path: Path, key: AnswerKey) -> None:
    """A GBK survey export with ┋ between chosen options is read (it failed: cannot tell the encoding)."""
    header = "序号,您的姓名,1,2,3、长春市探索的“三长制”包括（ ）【多选题】,4,5,6,7,8\r\n"
    row = "1,周九,B,C,网格长┋楼栋长┋单元长,A┋B┋C,对,错,现场会议+云端会议,1+1+11\r\n"
    path = write(tmp_path / "问卷.csv", header + row, "gbk")
    assert detect_encoding(path) == "gb18030"
    report = grade([path], replace(key, version=""))
    assert scores(report) == [("周九", 18)]
    assert problems(report) == []


def test_utf16_with_bom_is_detected(tmp_path: Path) -> None:
    """A BOM names UTF-16 (Excel's "Unicode text") and UTF-32."""
    assert detect_encoding(write(tmp_path / "a.txt", "姓名\t1\t2\n", "utf-16")) == "utf-16"
    assert detect_encoding(write(tmp_path / "b.txt", "姓名\t1\t2\n", "utf-32")) == "utf-32"


# -- 3. data loss and files that are not answers --------------------------------
BRANCH = "姓名,版本,1,2,3,4,5,6,7,8\n甲,A,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n乙,A,A,C,AB,ABC,对,对,x,\n"


@pytest.fixture()
def folder(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.key.yaml").write_text(dump_key(key), encoding="utf-8")
    (tmp_path / "num.csv").write_text(BRANCH, encoding="utf-8")
    (tmp_path / "old").mkdir()
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("output", "what"),
    [
        ("num.csv", "one of the files given to grade (num.csv)"),
        ("old/../num.csv", "one of the files given to grade (num.csv)"),
        ("k.key.yaml", "the answer key (k.key.yaml)"),
    ],
)
def test_output_never_overwrites_an_input(folder: Path, output: str, what: str) -> None:
    """-o naming an answer file or the key is refused before anything is read or written."""
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert run("num.csv", "--key", "k.key.yaml", "-o", output) == (
        1,
        "",
        f"Error: -o {output} is {what}; refusing to overwrite it — choose another path\n",
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_a_previous_report_is_not_graded_as_members(folder: Path) -> None:
    """The CSV report of an earlier run, picked up by a glob, is left out with a warning (nothing of a member's is
    lost: exit 0); the answers beside it are graded."""
    assert run("num.csv", "--key", "k.key.yaml", "-o", "成绩.csv") == (0, "", "成绩.csv: 2 graded\n")
    code, out, err = run("num.csv", "成绩.csv", "--key", "k.key.yaml", "--format", "json")
    assert code == 0
    assert err == (
        "成绩.csv:1: warning: this is a studykit grade report (columns 名次, 得分, 满分, 百分比, 结果), "
        "not members' answers; left out\n"
    )
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18), ("乙", 7)]


def test_table_without_any_question_column_fails(tmp_path: Path, key: AnswerKey) -> None:
    """A table none of whose columns is a question of the key fails; nobody is graded 0."""
    path = write(tmp_path / "名单.csv", "姓名,部门,电话\n甲,办公室,123\n")
    report = grade([path], key)
    assert scores(report) == []
    assert problems(report) == [
        f"{path}:1: no column matches a question of the key (the columns are: '姓名', '部门', '电话'); "
        "not an answer table"
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not an answer sheet: the file is empty"),
        (
            "会议记录\n今天学习了省域治理。\n".encode(),
            "not an answer sheet: no line is an answer (NUMBER. ANSWER) and none says 姓名：",
        ),
    ],
)
def test_txt_that_is_no_answer_sheet_fails(tmp_path: Path, key: AnswerKey, content: bytes, reason: str) -> None:
    """An empty .txt or one with neither an answer line nor a 姓名 line fails; it is not a member with 0."""
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    report = grade([path], key)
    assert scores(report) == []
    assert problems(report) == [f"{path}: {reason}"]


def test_excel_unicode_text_export_is_read_as_a_table(tmp_path: Path, key: AnswerKey) -> None:
    """A .txt that is UTF-16 LE with BOM and tab-separated (Excel's "Unicode text") is graded as a table."""
    text = BRANCH.replace(",", "\t").replace("\n", "\r\n")
    path = write(tmp_path / "支部.txt", text, "utf-16")
    assert path.read_bytes()[:2] == b"\xff\xfe"
    report = grade([path], key)
    assert scores(report) == [("甲", 18), ("乙", 7)]
    assert [m.line for m in report.members] == [2, 3]
    assert problems(report) == []


# -- 4. header rows --------------------------------------------------------------
def test_xlsx_second_header_row_of_stems_is_skipped(tmp_path: Path, key: AnswerKey) -> None:
    """Numbers in row 1 and stems in row 2 (A1:A2 merged): row 2 is skipped with a warning, not a member with 0."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "版本", *range(1, 9)])
    ws.append([None, None, *(it.stem for it in key.items)])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.append(["甲", "A", *FULL])
    ws.append(["乙", "A", "B", "C"])
    path = tmp_path / "branch.xlsx"
    wb.save(path)
    report = grade([path], key)
    assert scores(report) == [("甲", 18), ("乙", 4)]
    assert [m.line for m in report.members] == [3, 4]
    assert problems(report) == [
        f"{path}:2: warning: row skipped: no name and no readable answer (a second header row?)"
    ]


def test_row_without_name_and_without_readable_answer_is_skipped(tmp_path: Path, key: AnswerKey) -> None:
    """A nameless row holding only unreadable cells is not counted; a nameless row with answers still is."""
    text = "姓名,版本,1,2,3,4,5,6,7,8\n,,？,,,,,,,\n甲,A,B,,,,,,,\n,A,B,C,,,,,,\n"
    path = write(tmp_path / "t.csv", text)
    report = grade([path], key)
    assert scores(report) == [("甲", 2), ("（第4行）", 4)]
    assert problems(report) == [
        f"{path}:2: warning: row skipped: no name and no readable answer (a second header row?)",
        f"{path}:4: warning: no name in this row; graded as （第4行）",
    ]


def test_merged_title_row_above_the_header(tmp_path: Path, key: AnswerKey) -> None:
    """A merged title row above the header is skipped: the header is found on row 2."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["第一党支部“省域治理”学习测验"])
    ws.merge_cells("A1:J1")
    ws.append(["姓名", "版本", *(f"第{n}题" for n in range(1, 9))])
    ws.append(["甲", "A", *FULL])
    path = tmp_path / "branch.xlsx"
    wb.save(path)
    report = grade([path], key)
    assert scores(report) == [("甲", 18)]
    assert [m.line for m in report.members] == [3]
    assert problems(report) == [f"{path}:2: warning: the header is row 2; row 1 above it ignored"]


def test_header_on_row_three_without_a_name_header(tmp_path: Path, key: AnswerKey) -> None:
    """Two title lines above a header whose name column needs --name-column: the question numbers find it."""
    text = "学习测验登记表\n填表日期：2024-10-20,\n成员,版本,1,2,3,4,5,6,7,8\n甲,A," + ",".join(FULL) + "\n"
    path = write(tmp_path / "t.csv", text)
    report = grade([path], key, name_column="成员")
    assert scores(report) == [("甲", 18)]
    assert problems(report) == [f"{path}:3: warning: the header is row 3; rows 1, 2 above it ignored"]


# -- 5. wrong --encoding ---------------------------------------------------------
def test_utf16_encoding_on_a_utf8_table_is_a_clean_failure(folder: Path) -> None:
    """--encoding utf-16 on a UTF-8 CSV names the file and the reason (it was a UnicodeError traceback)."""
    assert run("num.csv", "--key", "k.key.yaml", "--encoding", "utf-16") == (
        1,
        "",
        "num.csv: not readable as utf-16 (UTF-16 stream does not start with BOM); give the right --encoding\n"
        "Error: no answers could be graded\n",
    )


@pytest.mark.parametrize("encoding", ["hex", "rot13"])
def test_codec_that_is_not_a_text_encoding_is_refused(folder: Path, encoding: str) -> None:
    """--encoding hex (a codec, not of text) is a one-line error, not a LookupError traceback."""
    assert run("num.csv", "--key", "k.key.yaml", "--encoding", encoding) == (
        1,
        "",
        f"Error: unknown encoding {encoding!r} (expected e.g. utf-8, gb18030)\n",
    )


def test_lookup_error_while_reading_fails_that_file_only(
    tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a LookupError escape the encoding check, it fails the file with its reason, not the run."""
    import studykit.grade.readers.files as readers

    monkeypatch.setattr(readers, "_check_encoding", lambda name: name)
    path = write(tmp_path / "t.csv", BRANCH)
    report = grade([path], key, encoding="hex")
    assert problems(report) == [
        f"{path}: cannot decode with encoding 'hex' ('hex' is not a text encoding; use codecs.open() to handle "
        "arbitrary codecs); give a text encoding, e.g. --encoding gb18030"
    ]


# -- 6. answers as people type them ------------------------------------------------
@pytest.mark.parametrize("text", ["C。", "(C)", "[C]", "（C）", "【C】", "c.", " ( C ) "])
def test_choice_letter_in_brackets_or_with_punctuation(key: AnswerKey, text: str) -> None:
    """A letter inside brackets or followed by 。 reads as that letter."""
    reading = read_answer(text, key.item(2))
    assert (reading.kind, reading.choices, reading.warning) == ("answer", ("C",), "")


def test_multiple_letters_in_brackets_and_question_mark_still_unreadable(key: AnswerKey) -> None:
    """（A、B、C）。 reads as A、B、C; a bare ？ stays unreadable (stripping never empties it)."""
    assert read_answer("（A、B、C）。", key.item(3)).choices == ("A", "B", "C")
    assert read_answer("？", key.item(2)).kind == "unreadable"
    assert read_answer("(?)", key.item(2)).kind == "unreadable"


@pytest.mark.parametrize("text", ["（现场会议+云端会议）", "【现场会议+云端会议】。", "(“现场会议+云端会议”)"])
def test_blank_in_brackets_is_right(key: AnswerKey, text: str) -> None:
    """A blank's text in enclosing brackets is compared without them."""
    reading = read_answer(text, key.item(7))
    assert reading.kind == "answer"
    assert reading.choices[0] in accepted_forms(key.item(7))


def test_blank_brackets_inside_are_kept(key: AnswerKey) -> None:
    """Only an enclosing pair is stripped: (现场会议)+(云端会议) keeps its brackets and is wrong."""
    assert blank_form("(现场会议)+(云端会议)") == "(现场会议)+(云端会议)"
    assert blank_form("（省域治理）") == "省域治理"


@pytest.mark.parametrize(("text", "truth"), [("對", "true"), ("錯", "false"), ("正確", "true"), ("錯誤", "false")])
def test_traditional_true_false(key: AnswerKey, text: str, truth: str) -> None:
    """Traditional 對/錯 and 正確/錯誤 read as true/false."""
    assert read_answer(text, key.item(5)).choices == (truth,)


@pytest.mark.parametrize(
    ("text", "choices", "warning"),
    [
        ("B 华中师范大学", ("B",), ""),
        ("B. 华中师范…", ("B",), ""),
        ("A 华中师范大学", ("B",), "the letter A and the text '华中师范大学' name different options; counted as B, "
         "the option the text names"),
        ("A 华中师范…", ("B",), "the letter A and the text '华中师范...' name different options; counted as B, "
         "the option the text names"),
    ],
)  # fmt: skip
def test_letter_and_text_naming_different_options(
    key: AnswerKey, text: str, choices: tuple[str, ...], warning: str
) -> None:
    """A letter followed by an option's text (whole or cut short with …): the text wins, a conflict warns."""
    reading = read_answer(text, key.item(1))
    assert (reading.kind, reading.choices, reading.warning) == ("answer", choices, warning)


@pytest.mark.parametrize(
    ("text", "choices", "warning"),
    [
        ("A 华中", ("A",), ""),  # the start of A's text (and of B's): it confirms the letter
        ("C 华中", ("C",), "the text '华中' after the letter C fits options A、B, not C; counted as C, the letter written"),
        ("A 北大", ("A",), "the text '北大' after the letter A fits option D, not A; counted as A, the letter written"),
        ("A 北京", ("A",), "the text '北京' after the letter A is not the text of any option; counted as A, "
         "the letter written"),
    ],
)  # fmt: skip
def test_letter_with_text_not_naming_one_option_is_the_letter(
    key: AnswerKey, text: str, choices: tuple[str, ...], warning: str
) -> None:
    """A letter followed by a short text: the letter, confirmed by a text its option starts with; else, when the
    text names no one other option by its start (北大 only abbreviates D, 湖北大学), the letter with a warning
    (it was unreadable, scored 0: `C 实践` for C 实践要求)."""
    reading = read_answer(text, key.item(1))
    assert (reading.kind, reading.choices, reading.warning) == ("answer", choices, warning)


def test_letter_with_text_holding_another_letter_is_unreadable(key: AnswerKey) -> None:
    """A letter followed by text that names no option and holds a letter (`A 或 B`) is not guessed at."""
    reading = read_answer("A 或 B", key.item(1))
    assert (reading.kind, reading.problem) == ("unreadable", "expected letters A–D or option texts")


def test_conflict_warning_names_file_line_and_question(tmp_path: Path, key: AnswerKey) -> None:
    """The conflict is a warning in the report, naming file, line, member and question; the text's option scores."""
    path = write(tmp_path / "a.txt", sheet("甲", "A", ["A 华中师范大学", "C"]))
    report = grade([path], key)
    assert scores(report) == [("甲", 4)]
    assert problems(report) == [
        f"{path}:4: warning: 甲, question 1: the letter A and the text '华中师范大学' name different options; "
        "counted as B, the option the text names"
    ]


def test_short_row_warns(tmp_path: Path, key: AnswerKey) -> None:
    """A CSV row with fewer cells than the header is graded (missing cells unanswered) with a warning naming it."""
    path = write(tmp_path / "t.csv", "姓名,版本,1,2,3,4,5,6,7,8\n甲,A,B,C\n乙,A," + ",".join(FULL) + "\n")
    report = grade([path], key)
    assert scores(report) == [("甲", 4), ("乙", 18)]
    assert problems(report) == [
        f"{path}:2: warning: 甲: the row has 4 cells but the header has 10; the missing ones are read as unanswered"
    ]


# -- 7. formula injection ------------------------------------------------------------
def test_csv_report_neutralises_formulas_and_html_escapes(tmp_path: Path, key: AnswerKey) -> None:
    """Names a spreadsheet would run (=, +, -, @) get a leading ' in the CSV report; HTML escapes markup.
    (``-2+1``, not ``-2``: a name cell ``-2`` or ``-3`` is 问卷星's mark of the name question not shown or
    skipped, a row without a name.)"""
    import csv
    import io

    names = ['=HYPERLINK("http://x.example","点我")', "+1", "-2+1", "@SUM(A1)", "<script>alert(1)</script>"]
    rows = "".join(f'"{n.replace(chr(34), chr(34) * 2)}",A,B\n' for n in names)
    path = write(tmp_path / "t.csv", "姓名,版本,1,2,3,4,5,6,7,8\n" + rows)
    report = grade([path], key)
    table = list(csv.reader(io.StringIO(render_report(report, "csv"))))
    assert [row[1] for row in table[1:]] == [
        '\'=HYPERLINK("http://x.example","点我")',
        "'+1",
        "'-2+1",
        "'@SUM(A1)",
        "<script>alert(1)</script>",
    ]
    html = render_report(report, "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# -- 8. pass mark --------------------------------------------------------------------
def test_pass_mark_given_as_a_share_is_refused(folder: Path) -> None:
    """--pass-mark 0.6 is refused (it meant 60 %, and would have been 0.6 %); 0.6% says what it means."""
    code, _, err = run("num.csv", "--key", "k.key.yaml", "--pass-mark", "0.6")
    assert code == 2
    assert err.endswith(
        "Error: Invalid value for '--pass-mark': '0.6' looks like a share; give the pass mark in percent, e.g. 60 "
        "(write 0.6% if you mean 0.6 percent)\n"
    )
    code, out, _ = run("num.csv", "--key", "k.key.yaml", "--pass-mark", "0.6%", "--format", "json")
    assert (code, json.loads(out)["quiz"]["pass_mark"]) == (0, 0.6)


def test_displayed_percent_never_contradicts_pass_or_fail(tmp_path: Path, key: AnswerKey) -> None:
    """19/31 = 61.29… % against a 61.3 mark prints 61.29% 不及格 (it printed 61.3% 不及格)."""
    points = (4, 4, 8, 8, 1, 2, 2, 2)
    key31 = replace(key, items=tuple(replace(it, points=p) for it, p in zip(key.items, points, strict=True)))
    path = write(tmp_path / "a.txt", sheet("甲", "A", ["B", "C", "ABC", "", "对", "", "现场会议+云端会议"]))
    report = grade([path], key31, pass_mark=61.3)  # type: ignore[arg-type]
    assert scores(report) == [("甲", 19)]
    assert f"甲（{path}）：19/31 分，61.29%，不及格" in render_report(report, "text")
    assert "<p>19/31 分，61.29%，" in render_report(report, "html")
    assert render_report(report, "csv").splitlines()[1].split(",")[4:8] == ["19", "31", "61.29", "不及格"]
    report = grade([path], key31, pass_mark=61.29)  # type: ignore[arg-type]
    assert f"甲（{path}）：19/31 分，61.3%，及格" in render_report(report, "text")


# -- 9. where failures are reported ---------------------------------------------------
def test_failures_are_in_text_json_and_html_reports_not_csv(tmp_path: Path, key: AnswerKey) -> None:
    """As the README says: a failure is listed in the text, JSON and HTML reports; the CSV has members only.
    The reports are Chinese, their failures too; the failure itself says it in the session's language (English)."""
    good = write(tmp_path / "a.txt", sheet("甲", "A"))
    bad = write(tmp_path / "b.txt", sheet("乙", "B"))
    report = grade([good, bad], key)
    line = f"{bad}:3: the sheet is version 'B' but the key is for version 'A' (grade it with the key of its version)"
    assert [str(p) for p in report.failures] == [line]
    line = f"{bad}:3: 答题卡上的版本是 'B'，而答案文件是 'A' 卷的（请用该卷的答案文件评分）"
    assert f"未评分（1）\n  {line}\n" in render_report(report, "text")
    assert json.loads(render_report(report, "json"))["failures"] == [line]
    assert f"<li>{line}</li>".replace("'", "&#x27;") in render_report(report, "html")
    csv_text = render_report(report, "csv")
    assert len(csv_text.splitlines()) == 2 and str(bad) not in csv_text


# -- 10. workbooks ---------------------------------------------------------------------
def test_empty_first_worksheet_is_skipped_with_a_warning(tmp_path: Path, key: AnswerKey) -> None:
    """A workbook whose first worksheet is empty: the first one with data is read, and the warning names both."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "封面"
    wb.create_sheet("说明").append([None, "  "])
    ws = wb.create_sheet("成绩登记")
    ws.append(["姓名", "版本", *range(1, 9)])
    ws.append(["甲", "A", *FULL])
    wb.create_sheet("备用").append(["姓名", "版本", 1])
    path = tmp_path / "branch.xlsx"
    wb.save(path)
    report = grade([path], key)
    assert scores(report) == [("甲", 18)]
    assert problems(report) == [f"{path}: warning: worksheets '封面', '说明' are empty; reading worksheet '成绩登记'"]


def test_workbook_without_data_fails(tmp_path: Path, key: AnswerKey) -> None:
    """A workbook whose worksheets are all empty fails, naming them."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.create_sheet("Sheet2")
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    assert problems(grade([path], key)) == [
        f"{path}: the workbook holds no data (every worksheet is empty: 'Sheet', 'Sheet2')"
    ]


@pytest.mark.parametrize(
    ("output", "what"),
    [
        ("question_bank.yaml", "the bank (question_bank.yaml)"),
        ("material/01-ren-jiantao.txt", "a material file"),
    ],
)
def test_output_never_overwrites_the_bank_picked_without_bank_option(
    folder: Path, output: str, what: str, mini_bank: Bank
) -> None:
    """Without --bank the bank in the current folder is read; -o naming it or its material is refused."""
    shutil.copytree(mini_bank.root, folder, dirs_exist_ok=True)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    code, out, err = run("num.csv", "--key", "k.key.yaml", "-o", output)
    if output.endswith(".yaml"):  # not a report's name to begin with: a usage error before the bank is read
        assert (code, out) == (2, "")
        assert err.endswith(
            f"Error: output {output}: grade writes .txt, .csv, .json or .html (.htm) reports, not .yaml\n"
        )
    else:
        assert (code, out) == (1, "")
        assert err.startswith(f"Error: -o {output} is {what}")
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_the_blank_answer_sheet_is_not_graded_as_a_member(folder: Path, key: AnswerKey) -> None:
    """The 答题卡 as printed (no name, no answer), caught by a glob, is left out with a warning
    (nothing was lost: exit 0); the filled sheet is graded."""
    from studykit.key import render_answer_sheet

    blank = render_answer_sheet(key)
    (folder / "blank.answers.txt").write_text(blank, encoding="utf-8")
    (folder / "甲.answers.txt").write_text(blank.replace("姓名：", "姓名：甲").replace("\n1. \n", "\n1. B\n"), "utf-8")
    code, out, err = run("blank.answers.txt", "甲.answers.txt", "--key", "k.key.yaml", "--format", "json")
    assert code == 0
    assert err.splitlines() == [
        "blank.answers.txt: warning: a blank answer sheet (no 姓名 and no answer filled in); left out"
    ]
    assert [m["name"] for m in json.loads(out)["members"]] == ["甲"]


def test_the_same_version_twice_is_refused_not_silently_the_last(folder: Path) -> None:
    """`--key A --key B` grades versions A and B in one run (issue 11); the same version's key twice is refused
    (click alone would keep only the last)."""
    code, out, err = run("num.csv", "--key", "k.key.yaml", "--key", "k.key.yaml")
    assert (code, out) == (1, "")
    assert err == "Error: version A is given twice (give each version's key once)\n"


@pytest.mark.parametrize("points", ["-2", "0", "nan", "inf", "101"])
def test_a_hand_edited_key_with_impossible_points_is_refused(folder: Path, points: str) -> None:
    """Points ≤ 0, NaN or beyond 100 in a key would give wrong scores: the points line is named, nothing graded."""
    text = (folder / "k.key.yaml").read_text(encoding="utf-8")
    first = text.index("  points: ")
    line = text[:first].count("\n") + 1
    end = text.index("\n", first)
    (folder / "k.key.yaml").write_text(text[:first] + f"  points: {points}" + text[end:], encoding="utf-8")
    item_line = text[: text.rindex("\n- ", 0, first) + 1].count("\n") + 1
    code, out, err = run("num.csv", "--key", "k.key.yaml")
    assert (code, out) == (1, "")
    assert err == (
        f"Error: k.key.yaml:{line}: item 1, field 'points': '{points}' is not a number of points "
        "(expected more than 0, at most 100, as studykit quiz writes)\n"
    )
    assert line > item_line


# -- 11. file names, table shapes and files given twice (the tester's second round) ----
GBK_SHEET = "李四.answers.txt".encode("gbk")  # as a Windows zip unpacked on Linux leaves it
NOT_GB = b"\xff\xfe.answers.txt"  # neither UTF-8 nor GB18030


@pytest.mark.parametrize("suffix", ["txt", "csv", "json", "html"])
def test_file_name_not_in_utf8_is_shown_decoded(folder: Path, suffix: str) -> None:
    """A GBK file name is read by its real path and shown decoded as GB18030 on stderr and in every report;
    a name that is not GB18030 either shows U+FFFD (each was a UnicodeEncodeError traceback)."""
    os.mkdir(b"gbk")
    Path(os.fsdecode(b"gbk/" + GBK_SHEET)).write_text(sheet("李四", "A"), encoding="utf-8")
    Path(os.fsdecode(b"gbk/" + NOT_GB)).write_text("测验：mini-test-7-abc\n版本：A\n1. B\n", encoding="utf-8")
    args = (os.fsdecode(b"gbk/" + GBK_SHEET), os.fsdecode(b"gbk/" + NOT_GB))
    assert run(*args, "--key", "k.key.yaml", "-o", f"r.{suffix}") == (
        0,
        "",
        "gbk/\ufffd\ufffd.answers.txt: warning: no name on the sheet (姓名：); graded as '\ufffd\ufffd', "
        "from the file name\n"
        f"r.{suffix}: 2 graded\n",
    )
    text = (folder / f"r.{suffix}").read_text(encoding="utf-8-sig")
    if suffix == "txt":
        assert "\n李四（gbk/李四.answers.txt）：18/18 分，100.0%，及格\n" in text
        assert "\n\ufffd\ufffd（gbk/\ufffd\ufffd.answers.txt）：2/18 分，11.1%，不及格\n" in text
    elif suffix == "csv":
        assert [row.split(",")[1:4] for row in text.splitlines()[1:]] == [
            ["李四", "gbk/李四.answers.txt", ""],
            ["\ufffd\ufffd", "gbk/\ufffd\ufffd.answers.txt", ""],
        ]
    elif suffix == "json":
        assert [(m["name"], m["source"]) for m in json.loads(text)["members"]] == [
            ("李四", "gbk/李四.answers.txt"),
            ("\ufffd\ufffd", "gbk/\ufffd\ufffd.answers.txt"),
        ]
    else:
        assert "gbk/李四.answers.txt" in text and "gbk/\ufffd\ufffd.answers.txt" in text
    assert sorted(os.listdir(b"gbk")) == sorted([GBK_SHEET, NOT_GB])


def test_file_name_not_in_utf8_on_stdout_and_in_failures(folder: Path) -> None:
    """The text report on stdout and the failure summary show the decoded name too."""
    os.mkdir(b"gbk")
    Path(os.fsdecode(b"gbk/" + GBK_SHEET)).write_text(sheet("李四", "B"), encoding="utf-8")
    code, out, err = run("num.csv", os.fsdecode(b"gbk/" + GBK_SHEET), "--key", "k.key.yaml")
    assert code == 1
    assert err == (
        "gbk/李四.answers.txt:3: the sheet is version 'B' but the key is for version 'A' "
        "(grade it with the key of its version)\n"
        "Error: not everything could be graded: gbk/李四.answers.txt (see above); the report covers the rest\n"
    )
    assert "未评分（1）\n  gbk/李四.answers.txt:3: 答题卡上的版本是 'B'，" in out  # the report is Chinese


def test_row_with_more_cells_than_the_header_is_not_graded(folder: Path, key: AnswerKey) -> None:
    """An unquoted comma in a name shifts the row: it is not graded (it was graded shifted, 4 points, exit 0),
    the cells beyond the header named; the rest of the table is graded; trailing empty cells are no shift."""
    (folder / "k0.key.yaml").write_text(dump_key(replace(key, version="")), encoding="utf-8")
    (folder / "t.csv").write_text(
        "姓名,1,2,3,4,5,6,7,8\n张,三,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n乙," + ",".join(FULL) + ",,\n",
        encoding="utf-8",
    )
    code, out, err = run("t.csv", "--key", "k0.key.yaml", "--format", "json")
    assert code == 1
    assert err.splitlines() == [
        "t.csv:2: 张: the row has 10 cells but the header has 9 ('1+1+11' beyond it): an unquoted comma in the "
        "name or an answer shifts the cells after it, so which answer belongs to which question cannot be told; "
        "quote that cell or remove the comma",
        "Error: not everything could be graded: t.csv (see above); the report covers the rest",
    ]
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("乙", 18)]


def test_xlsx_row_with_cells_beyond_the_header_warns(folder: Path, key: AnswerKey) -> None:
    """In a workbook, a value in a column without a header is named in a warning, not dropped silently."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "版本", *range(1, 9)])
    ws.append(["甲", "A", *FULL, None, "补交"])
    wb.save(folder / "b.xlsx")
    code, out, err = run("b.xlsx", "--key", "k.key.yaml", "--format", "json")
    assert (code, err) == (
        0,
        "b.xlsx:2: warning: 甲: the row has 12 cells but the header has 10; the cells beyond the header are "
        "ignored ('补交') — a column without a header?\n",
    )
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18)]


NO_ROWS = "the table has a header but no member rows (expected one row per member below the header)"


def test_table_with_a_header_but_no_rows_fails(folder: Path, key: AnswerKey) -> None:
    """A CSV or workbook holding only its header fails, naming the file; the rest are still graded
    (it said only "no answers could be graded", and nothing at all beside a good file)."""
    from openpyxl import Workbook

    (folder / "header.csv").write_text("姓名,版本,1,2,3,4,5,6,7,8\n\n", encoding="utf-8")
    wb = Workbook()
    wb.active.append(["姓名", "版本", *range(1, 9)])
    wb.save(folder / "header.xlsx")
    assert run("header.csv", "--key", "k.key.yaml") == (
        1,
        "",
        f"header.csv: {NO_ROWS}\nError: no answers could be graded\n",
    )
    code, out, err = run("header.csv", "num.csv", "header.xlsx", "--key", "k.key.yaml", "--format", "json")
    assert code == 1
    assert err == (
        f"header.csv: {NO_ROWS}\n"
        f"header.xlsx: {NO_ROWS}\n"
        "Error: not everything could be graded: header.csv, header.xlsx (see above); the report covers the rest\n"
    )
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18), ("乙", 7)]


def test_table_whose_only_row_is_skipped_fails(folder: Path) -> None:
    """A header and a second header row of stems, and nothing else: no member rows."""
    stems = ",".join(f'"{s}"' for s in ("", "", "问题一", "问题二", "", "", "", "", "", ""))
    (folder / "t.csv").write_text(f"姓名,版本,1,2,3,4,5,6,7,8\n{stems}\n", encoding="utf-8")
    code, _, err = run("t.csv", "num.csv", "--key", "k.key.yaml", "--format", "json")
    assert (code, err) == (
        1,
        "t.csv:2: warning: row skipped: no name and no readable answer (a second header row?)\n"
        f"t.csv: {NO_ROWS}\n"
        "Error: not everything could be graded: t.csv (see above); the report covers the rest\n",
    )


@pytest.mark.parametrize("title", ["省域治理现代化小测", ""])
@pytest.mark.parametrize("answers", ["num.csv", "one.csv"])
def test_a_previous_text_report_is_not_graded_as_a_sheet(
    folder: Path, key: AnswerKey, title: str, answers: str
) -> None:
    """The text report of an earlier run, caught by `s/*.txt`, is named as a report (it said the sheet was for
    quiz 'mini-test-7-abc · 版本 A · 满分 18 分 · …', or that no line is an answer) and left out with a warning;
    the answers beside it are graded."""
    (folder / "k.key.yaml").write_text(dump_key(replace(key, title=title)), encoding="utf-8")
    (folder / "one.csv").write_text(BRANCH.rsplit("乙", 1)[0], encoding="utf-8")
    (folder / "s").mkdir()
    assert run(answers, "--key", "k.key.yaml", "-o", "s/r.txt")[0] == 0
    heading = f"测验成绩 · {title}" if title else "测验成绩"
    report = (folder / "s" / "r.txt").read_text(encoding="utf-8")
    assert report.startswith(f"{heading}\n测验 mini-test-7-abc · 版本 A · 满分 18 分 · ")
    code, out, err = run("s/r.txt", "num.csv", "--key", "k.key.yaml", "--format", "json")
    assert code == 0
    assert err == (
        "s/r.txt:1: warning: this is a studykit grade report (the text report, headed 测验成绩), "
        "not members' answers; left out\n"
    )
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18), ("乙", 7)]


def test_the_same_file_given_twice_is_graded_once(folder: Path) -> None:
    """Overlapping globs (`*.csv 甲*.csv`), another spelling of the path or a hard link: each file is graded once,
    with a warning for each repeat (it was graded twice, with only "graded before" warnings)."""
    os.link(folder / "num.csv", folder / "old" / "link.csv")
    code, out, err = run(
        "num.csv", "num.csv", "old/../num.csv", "old/link.csv", "--key", "k.key.yaml", "--format", "json"
    )
    assert code == 0
    assert err.splitlines() == [
        f"{p}: warning: skipped: the same file as num.csv (given twice; each file is graded once)"
        for p in ("num.csv", "old/../num.csv", "old/link.csv")
    ]
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18), ("乙", 7)]


def test_unreadable_answer_is_shown_as_written(folder: Path) -> None:
    """An unreadable answer is shown as the member wrote it (？, not its NFKC form ?), in sheets and tables,
    in the warning and the report."""
    (folder / "t.csv").write_text("姓名,版本,1,2,3,4,5,6,7,8\n甲,A,Ｅ,？,,,，,,,\n", encoding="utf-8")
    (folder / "乙.txt").write_text("姓名：乙\n测验：mini-test-7-abc\n版本：A\n１．？？\n2、 Ｅ　Ｆ\n", encoding="utf-8")
    (folder / "丙.yaml").write_text(
        "姓名: 丙\n测验: mini-test-7-abc\n版本: A\nanswers:\n  5: ＂？＂\n", encoding="utf-8"
    )
    code, out, err = run("t.csv", "乙.txt", "丙.yaml", "--key", "k.key.yaml")
    assert code == 0
    assert err.splitlines() == [
        "t.csv:2: warning: 甲, question 1: cannot read answer 'Ｅ': E is not an option of this item (it has A–D); "
        "scored 0",
        "t.csv:2: warning: 甲, question 2: cannot read answer '？': expected letters A–D or option texts; scored 0",
        "t.csv:2: warning: 甲, question 5: cannot read answer '，': expected 对/错, √/×, T/F or true/false; scored 0",
        "乙.txt:4: warning: 乙, question 1: cannot read answer '？？': expected letters A–D or option texts; scored 0",
        "乙.txt:5: warning: 乙, question 2: cannot read answer 'Ｅ Ｆ': E、F is not an option of this item "
        "(it has A–D); scored 0",
        "丙.yaml:5: warning: 丙, question 5: cannot read answer '＂？＂': expected 对/错, √/×, T/F or true/false; "
        "scored 0",
    ]
    assert "    2. [单选 2分] 无法识别：作答 ？，正确答案 C\n" in out
    assert "    1. [单选 2分] 无法识别：作答 ？？，正确答案 B\n" in out
    assert "    2. [单选 2分] 无法识别：作答 Ｅ Ｆ，正确答案 C\n" in out
    assert "    5. [判断 1分] 无法识别：作答 ＂？＂，正确答案 对\n" in out


def test_the_answer_key_caught_by_a_glob_is_named(folder: Path) -> None:
    """The key beside the sheets, caught by `*`, is named as the key (it said "field 'answers': missing") and left
    out with a warning: nothing of a member's is lost (exit 0)."""
    code, out, err = run("k.key.yaml", "num.csv", "--key", "k.key.yaml", "--format", "json")
    assert code == 0
    assert err == (
        "k.key.yaml:1: warning: this is a studykit answer key (studykit_key), not members' answers; "
        "left out (give it with --key)\n"
    )
    assert [(m["name"], m["score"]) for m in json.loads(out)["members"]] == [("甲", 18), ("乙", 7)]


def test_output_onto_a_symbolic_link_loop_is_an_error(folder: Path) -> None:
    """-o onto a link that leads back to itself: one clear error (it was a RuntimeError traceback)."""
    (folder / "loop1.txt").symlink_to("loop2.txt")
    (folder / "loop2.txt").symlink_to("loop1.txt")
    code, out, err = run("num.csv", "--key", "k.key.yaml", "-o", "loop1.txt")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "Error: cannot write loop1.txt: it is a symbolic link that leads back to itself"


def test_json_and_html_reports_caught_by_a_glob_are_left_out_with_a_warning(folder: Path) -> None:
    """`grade s/*` beside an earlier -o r.json (the report handout reads) and r.html: left out with
    a warning naming each, exit 0; any other .json is still an unknown kind of file."""
    assert run("num.csv", "--key", "k.key.yaml", "-o", "r.json")[0] == 0
    assert run("num.csv", "--key", "k.key.yaml", "-o", "r.html")[0] == 0
    code, _, err = run("num.csv", "r.json", "r.html", "--key", "k.key.yaml", "--format", "csv")
    assert code == 0
    assert "r.json:1: warning: this is a studykit grade report (JSON), not members' answers; left out" in err
    assert "r.html:1: warning: this is a studykit grade report (HTML), not members' answers; left out" in err
    (folder / "other.json").write_text('{"a": 1}', encoding="utf-8")
    code, _, err = run("num.csv", "other.json", "--key", "k.key.yaml", "--format", "csv")
    assert code == 1 and "other.json: unknown kind of file" in err
