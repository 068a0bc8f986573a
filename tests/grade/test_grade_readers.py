"""Every input form, read and graded to exact scores; every way a file can fail."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from studykit.errors import AnswerFileError
from studykit.grade import GroupReport, detect_encoding, grade_files, read_answers
from studykit.key import AnswerKey, no_question, render_answer_sheet

FULL = ["B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11"]


def grade(paths: list[Path], key: AnswerKey, **options: str) -> GroupReport:
    return grade_files(paths, key, **options)  # type: ignore[arg-type]


def scores(report: GroupReport) -> list[tuple[str, float]]:
    return [(m.name, m.score) for m in report.members]


def problems(report: GroupReport) -> list[str]:
    return [str(p) for p in (*report.failures, *report.warnings)]


def no_version_column(path: Path) -> str:
    """The warning for a table without a 版本 column graded with version A's key."""
    return (
        f"{path}:1: warning: the table has no 版本 column; assuming every row answered version A "
        "(add a 版本 column if the branch wrote several versions)"
    )


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# -- sheets --------------------------------------------------------------------
def test_blank_sheet_filled_in_grades_exactly(tmp_path: Path, key: AnswerKey) -> None:
    """The sheet render_answer_sheet writes, filled in as people type, scores exactly."""
    sheet = render_answer_sheet(key).replace("姓名：", "姓名：张三")
    answers = ["Ｂ", "c", "A、B", "a，b，c", "√", "×", "“现场会议 + 云端会议”。", "１＋１＋１１"]
    for number, answer in enumerate(answers, 1):
        sheet = sheet.replace(f"\n{number}. \n", f"\n{number}. {answer}\n")
    path = write(tmp_path / "zs.answers.txt", sheet)
    before = path.read_bytes()
    report = grade([path], key)
    assert scores(report) == [("张三", 14)]
    assert problems(report) == []
    assert path.read_bytes() == before


def test_sheet_line_forms(tmp_path: Path, key: AnswerKey) -> None:
    """Numbers with 、 ： ) or no separator, full-width digits and English header names are read."""
    text = "name: Li\nquiz: mini-test-7-abc\nversion: A\n１．B\n2、C\n3：ABC\n4)ABC\n5对\n第6题 错\n"
    text += "7 现场会议+云端会议\n8.\n"
    report = grade([write(tmp_path / "li.txt", text)], key)
    assert scores(report) == [("Li", 16)]


def test_sheet_without_name_uses_file_name(tmp_path: Path, key: AnswerKey) -> None:
    """A sheet with an empty 姓名 is graded under its file name, with a warning."""
    path = write(tmp_path / "王五.answers.txt", "姓名：\n测验：mini-test-7-abc\n版本：A\n1. B\n")
    report = grade([path], key)
    assert scores(report) == [("王五", 2)]
    assert problems(report) == [f"{path}: warning: no name on the sheet (姓名：); graded as '王五', from the file name"]


def test_sheet_stray_number_and_line_are_warnings(tmp_path: Path, key: AnswerKey) -> None:
    """An answer to a number the quiz lacks and a line that is no answer are warnings; the rest counts."""
    path = write(tmp_path / "a.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n1. B\n9. A\n我不会\n")
    report = grade([path], key)
    assert scores(report) == [("甲", 2)]
    assert problems(report) == [
        f"{path}:5: warning: 甲, question 9: the quiz has no question 9 (its questions are 1–8); answer 'A' ignored",
        f"{path}:6: warning: line ignored: '我不会' (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)",
    ]


def test_yaml_sheet(tmp_path: Path, key: AnswerKey) -> None:
    """A YAML sheet with a mapping of answers (letters as text or list) scores exactly."""
    text = "姓名: 赵六\n测验: mini-test-7-abc\n版本: A\nanswers:\n  1: B\n  3: [A, B, C]\n  5: 对\n  8: 1+1+11\n"
    report = grade([write(tmp_path / "z.yaml", text)], key)
    assert scores(report) == [("赵六", 9)]


def test_yaml_list_of_answers_in_order_or_numbered(tmp_path: Path, key: AnswerKey) -> None:
    """A YAML list of answers is read in order (``- B``); entries that each carry their number —
    ``- 1: B`` (one-entry mappings) or ``- 1：B`` as a Chinese keyboard types it — are read by
    that number, in any order.  An entry like ``1+1+11`` or ``1.5`` is an answer, not a number,
    so ``- 1.5`` then ``- 2：C`` mixes the two forms and is refused, as ``- 1: B`` then ``- C`` is."""
    head = "测验: mini-test-7-abc\n版本: A\nanswers:\n"
    in_order = write(
        tmp_path / "a.yaml", "姓名: 甲\n" + head + "  - B\n  - C\n  - [A, B, C]\n  -\n  - 对\n  - 错\n  -\n  - 1+1+11\n"
    )
    mapped = write(tmp_path / "b.yaml", "姓名: 乙\n" + head + "  - 8: 1+1+11\n  - 1: B\n  - 5: 对\n")
    typed = write(tmp_path / "c.yaml", "姓名: 丙\n" + head + "  - 1：B\n  - 2、C\n  - 第3题：ABC\n  - 6: 错\n")
    fills = write(tmp_path / "d.yaml", "姓名: 丁\n" + head + "  - 1.5\n  - 2：C\n")
    report = grade([in_order, mapped, typed, fills], key)
    assert sorted(scores(report)) == [("丙", 9), ("乙", 5), ("甲", 12)]
    either = "a list gives its answers either in order (- B) or each with its number (- 1: B), one per entry, not both"
    assert problems(report) == [f"{fills}:5: field 'answers': {either}"]  # - 1.5 then - 2：C: mixed


def test_yaml_list_mixing_numbered_and_plain_entries_is_refused(tmp_path: Path, key: AnswerKey) -> None:
    """``- 1: B`` then ``- C``: which item ``C`` answers is a guess, so the sheet is not graded; the
    failure names the entry's line.  A mapping entry with two numbers is refused the same way."""
    mixed = write(tmp_path / "m.yaml", "姓名: 甲\nanswers:\n  - 1: B\n  - C\n")
    two = write(tmp_path / "t.yaml", "姓名: 乙\nanswers:\n  - {1: B, 2: C}\n")
    word = write(tmp_path / "w.yaml", "姓名: 丙\nanswers:\n  - 第一题: B\n")
    either = "a list gives its answers either in order (- B) or each with its number (- 1: B), one per entry, not both"
    assert problems(grade([mixed, two, word], key)) == [
        f"{mixed}:4: field 'answers': {either}",
        f"{two}:3: field 'answers': {either}",
        f"{word}:3: field 'answers': '第一题' is not a question number",
    ]


def test_gbk_sheet_is_detected(tmp_path: Path, key: AnswerKey) -> None:
    """A short GBK sheet (what Notepad on Chinese Windows may save) is decoded as GB18030."""
    path = write(
        tmp_path / "g.txt",
        "姓名：钱七\r\n测验：mini-test-7-abc\r\n版本：A\r\n1. B\r\n5. 对\r\n7. 现场会议+云端会议\r\n",
        "gbk",
    )
    assert scores(grade([path], key)) == [("钱七", 5)]


# -- tables --------------------------------------------------------------------
TABLE = (
    "序号,姓名,1,2,3,4,5,6,7,8\n"
    "1,甲,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"
    "2,乙,B,C,AB,ABC,对,对,现场会议+云端会议,\n"
    "3,丙,A,C,ABD,AB,错,错,现场会议,1+1+11\n"
    "4,丁,B,,ABCD,A,对,,,\n"
)
TABLE_SCORES = [("甲", 18), ("乙", 11), ("丙", 5), ("丁", 3)]


def test_gbk_csv(tmp_path: Path, key: AnswerKey) -> None:
    """A GBK CSV (Excel on Chinese Windows) is detected and graded exactly."""
    path = write(tmp_path / "branch.csv", TABLE, "gbk")
    assert detect_encoding(path) == "gb18030"
    report = grade([path], key)
    assert scores(report) == TABLE_SCORES
    assert problems(report) == [no_version_column(path)]


def test_bom_crlf_csv(tmp_path: Path, key: AnswerKey) -> None:
    """A UTF-8 CSV with BOM and CRLF line ends is graded exactly; rows name their line."""
    path = write(tmp_path / "branch.csv", TABLE.replace("\n", "\r\n"), "utf-8-sig")
    assert detect_encoding(path) == "utf-8-sig"
    report = grade([path], key, multiple_scoring="partial")
    assert scores(report) == [("甲", 18), ("乙", 13), ("丙", 7), ("丁", 5)]
    assert [m.line for m in report.members] == [2, 3, 4, 5]


def test_semicolon_and_numbered_headers(tmp_path: Path, key: AnswerKey) -> None:
    """第1题 / Q2 / 3. headers, a ; delimiter and a name column not first are read."""
    header = "第1题;Q2;3.;题4;5;6;7;8;名字;提交时间"
    row = "B;C;ABC;ABC;对;错;x;1+1+11;孙八;2024-10-17"
    path = write(tmp_path / "t.csv", f"{header}\n{row}\n")
    assert scores(grade([path], key)) == [("孙八", 16)]


def test_encoding_option_overrides_detection(tmp_path: Path, key: AnswerKey) -> None:
    """--encoding gb18030 reads a GBK table; a wrong --encoding fails the file with its reason."""
    path = write(tmp_path / "branch.csv", TABLE, "gbk")
    assert scores(grade([path], key, encoding="gb18030")) == TABLE_SCORES
    report = grade([path], key, encoding="utf-8")
    assert report.members == ()
    assert problems(report) == [f"{path}: not readable as utf-8 (invalid continuation byte); give the right --encoding"]


SURVEY = (
    "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的姓名：【填空题】,"
    "2、“深入推进省域治理现代化”研讨会在哪里举行？（ ）【单选题】,"
    "3、任剑涛认为，省域治理的重要落点是【单选题】,"
    "4、长春市探索的“三长制”包括（ ）【多选题】,"
    "5、赵显富所说的“三支队伍”建设包括【多选题】,"
    "6、任剑涛指出，城市治理是国家治理的重要组成部分。【判断题】,"
    "7、田毅鹏指出，基层是联防联控、群防群治的最后一道防线。【判断题】,"
    "8、研讨会以“____”的形式进行。【填空题】,"
    "9、我省出台“____”一揽子政策措施。【填空题】\n"
    "1,2024/10/20 9:01:02,95秒,微信,N/A,1.2.3.4(湖北-武汉),周九,华中师范大学,大都市,网格长┋楼栋长┋单元长,"
    "实行城市社区党组织书记事业岗位管理┋全面推行城市社区工作者“三化”建设┋壮大社区志愿者服务队伍,"
    "对,错,现场会议+云端会议,1+1+11\n"
    "2,2024/10/20 9:03:10,120秒,微信,N/A,1.2.3.5(湖北-武汉),吴十,武汉大学,(跳过),网格长┋其他〖街长〗,"
    "实行城市社区党组织书记事业岗位管理┋全面推行城市社区工作者“三化”建设,正确,(空),"
    "其他〖现场会议+云端会议〗,(跳过)\n"
)


def test_survey_export(tmp_path: Path, key: AnswerKey) -> None:
    """A survey export: stems as headers, option texts, ┋ joins, (跳过)/(空), 其他〖…〗, metadata ignored."""
    path = write(tmp_path / "survey.csv", SURVEY, "utf-8-sig")
    report = grade([path], key, multiple_scoring="partial")
    assert scores(report) == [("周九", 18), ("吴十", 5)]
    assert problems(report) == [
        no_version_column(path),
        f"{path}:3: warning: 吴十, question 3: 其他 with the text '街长', which is not one of the options; "
        "shown as written",
    ]
    wu = report.members[1]
    assert [(r.number, r.status, r.given) for r in wu.items] == [
        (1, "wrong", "C"),
        (2, "unanswered", ""),
        (3, "wrong", "A、其他：街长"),
        (4, "partial", "A、B"),
        (5, "correct", "对"),
        (6, "unanswered", ""),
        (7, "correct", "现场会议+云端会议"),
        (8, "unanswered", ""),
    ]
    assert report.items[2].other == 1


def test_xlsx_table(tmp_path: Path, key: AnswerKey) -> None:
    """An XLSX workbook written with openpyxl is graded exactly; numeric cells are read as text."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "所用时间"])
    ws.append(["甲", "B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11", "95秒"])
    ws.append(["乙", "b", "c", "A B", None, True, False, "现场会议", 5, "60秒"])
    path = tmp_path / "branch.xlsx"
    wb.save(path)
    report = grade([path], key)
    assert scores(report) == [("甲", 18), ("乙", 6)]
    assert report.members[1].items[7].given == "5"


def test_name_column_option(tmp_path: Path, key: AnswerKey) -> None:
    """Without a name-like header the table fails; --name-column by header or number picks it."""
    text = "成员,1,2,3,4,5,6,7,8\n甲,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"
    path = write(tmp_path / "t.csv", text)
    report = grade([path], key)
    assert problems(report) == [
        f"{path}:1: cannot tell which column holds the member's name: no column is headed 姓名 or name "
        "(give --name-column; the columns are: '成员', '1', '2', '3', '4', '5', '6', '7', '8')"
    ]
    assert scores(grade([path], key, name_column="成员")) == [("甲", 18)]
    assert scores(grade([path], key, name_column="1")) == [("甲", 18)]
    report = grade([path], key, name_column="姓名")
    assert problems(report)[0].startswith(f"{path}:1: no column '姓名' for --name-column")


def test_unreadable_cell_warns_with_row_and_question(tmp_path: Path, key: AnswerKey) -> None:
    """An unreadable cell scores 0 and warns naming file, row, member and question."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7,8\n甲,E,C,,,,,,\n")
    report = grade([path], key)
    assert scores(report) == [("甲", 2)]
    assert problems(report) == [
        no_version_column(path),
        f"{path}:2: warning: 甲, question 1: cannot read answer 'E': "
        "E is not an option of this item (it has A–D); scored 0",
    ]


def test_unknown_column_is_a_warning_and_row_without_name_is_named_by_row(tmp_path: Path, key: AnswerKey) -> None:
    """An unknown extra column is ignored with a warning; a row without a name is graded as its row."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7,8,心得\n,B,,,,,,,,好\n")
    report = grade([path], key)
    assert scores(report) == [("（第2行）", 2)]
    assert problems(report) == [
        f"{path}:1: warning: column 10 ('心得') ignored (not a question of the key, the name or a known survey field)",
        no_version_column(path),
        f"{path}:2: warning: no name in this row; graded as （第2行）",
    ]


# -- failures ------------------------------------------------------------------
def test_quiz_and_version_mismatch_fail_the_sheet(tmp_path: Path, key: AnswerKey) -> None:
    """A sheet naming another quiz or version fails with the reason and its line; others are graded."""
    other_quiz = write(tmp_path / "a.txt", "姓名：甲\n测验：other-quiz\n1. B\n")
    other_version = write(tmp_path / "b.txt", "姓名：乙\n测验：mini-test-7-abc\n版本：B\n1. B\n")
    good = write(tmp_path / "c.txt", "姓名：丙\n测验：mini-test-7-abc\n版本：A\n1. B\n")
    report = grade([other_quiz, other_version, good], key)
    assert scores(report) == [("丙", 2)]
    assert problems(report) == [
        f"{other_quiz}:2: the sheet is for quiz 'other-quiz' but the key is for 'mini-test-7-abc' "
        "(grade it with that quiz's key)",
        f"{other_version}:3: the sheet is version 'B' but the key is for version 'A' "
        "(grade it with the key of its version)",
    ]


def test_version_column_checked_per_row(tmp_path: Path, key: AnswerKey) -> None:
    """In a table with 版本 and 测验 columns, a row of another version, or of none, fails alone; b is B."""
    text = (
        "姓名,测验,版本,1,2,3,4,5,6,7,8\n甲,mini-test-7-abc,A,B,,,,,,,\n乙,mini-test-7-abc,B,B,,,,,,,\n丙,,,B,C,,,,,,\n"
        "丁,,a,B,C,ABC,,,,,\n"
    )
    path = write(tmp_path / "t.csv", text)
    report = grade([path], key)
    assert scores(report) == [("甲", 2), ("丁", 8)]
    assert problems(report) == [
        f"{path}:3: 乙: the row is version 'B' but the key is for version 'A' (grade it with the key of its version)",
        f"{path}:4: 丙: the row does not say its version (版本); the key is version A — "
        "write 版本：A in its 版本 column or use the right key",
    ]


def test_table_with_fewer_questions_fails(tmp_path: Path, key: AnswerKey) -> None:
    """A table lacking columns for some of the key's questions is an error, never a wrong score."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7\n甲,B,C,ABC,ABC,对,错,x\n")
    assert problems(grade([path], key)) == [
        f"{path}:1: the table has 7 question columns but the key has 8 questions (no column for question 8); "
        "a table with a different number of questions cannot be graded with this key"
    ]
    one = write(tmp_path / "one.csv", "姓名,1\n甲,B\n")
    assert problems(grade([one], key)) == [
        f"{one}:1: the table has 1 question column but the key has 8 questions (no column for question "
        "2, 3, 4, 5, 6, 7, 8); a table with a different number of questions cannot be graded with this key"
    ]


def renumbered(key: AnswerKey) -> AnswerKey:
    """``key`` with its last item numbered 9: the quiz has questions 1–7 and 9 (a key edited by hand)."""
    return replace(key, items=(*key.items[:-1], replace(key.items[-1], number=9)))


def test_renumbered_key_names_its_numbers_for_a_sheet_answer(tmp_path: Path, key: AnswerKey) -> None:
    """`8. X` against questions 1–7 and 9 said "(it has 8)", which reads as if it had question 8."""
    path = write(tmp_path / "a.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n1. B\n8. X\n")
    assert problems(grade([path], renumbered(key))) == [
        f"{path}:5: warning: 甲, question 8: the quiz has no question 8 (its questions are 1–7, 9); answer 'X' ignored",
    ]


def test_renumbered_key_names_its_numbers_for_a_table_column(tmp_path: Path, key: AnswerKey) -> None:
    """A table numbered 1–8 against questions 1–7 and 9: the same count, so not "a different number"."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7,8\n甲,B,C,ABC,ABC,对,错,x,y\n")
    assert problems(grade([path], renumbered(key))) == [
        f"{path}:1: column 9 ('8'): the quiz has no question 8 (its questions are 1–7, 9); "
        "a table whose question columns are not the key's questions cannot be graded with this key"
    ]


@pytest.mark.parametrize(
    ("numbers", "shown"),
    [
        ([1], "its only question is 1"),
        ([2, 1], "its questions are 1, 2"),
        ([1, 2, 3, 5, 7, 8, 9, 12], "its questions are 1–3, 5, 7–9, 12"),
    ],
)
def test_no_question_names_the_numbers_compactly(numbers: list[int], shown: str) -> None:
    assert no_question(4, numbers) == f"the quiz has no question 4 ({shown})"


def test_table_with_more_questions_fails(tmp_path: Path, key: AnswerKey) -> None:
    """A numbered column beyond the key's questions is an error."""
    path = write(tmp_path / "t.csv", "姓名,1,2,3,4,5,6,7,8,9\n甲,B,C,ABC,ABC,对,错,x,y,z\n")
    assert problems(grade([path], key)) == [
        f"{path}:1: column 10 ('9'): the quiz has no question 9 (its questions are 1–8); "
        "a table whose question columns are not the key's questions cannot be graded with this key"
    ]


def test_two_columns_for_one_question_fail(tmp_path: Path, key: AnswerKey) -> None:
    """Two columns answering the same question are refused."""
    path = write(tmp_path / "t.csv", "姓名,1,第1题,2,3,4,5,6,7,8\n甲,B,A,C,,,,,,\n")
    assert problems(grade([path], key)) == [f"{path}:1: column 3 ('第1题'): question 1 already has column 2 ('1')"]


def test_question_answered_twice_in_sheet_fails(tmp_path: Path, key: AnswerKey) -> None:
    """A sheet answering one question twice fails, naming both lines."""
    path = write(tmp_path / "a.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n1. B\n2. C\n1. A\n")
    assert problems(grade([path], key)) == [f"{path}:6: question 1 is answered twice (first at line 4; keep one)"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "file not found"),
        ("old.xls", b"", "an old Excel .xls workbook (save it as .xlsx or CSV)"),
        ("notes.docx", b"", "not a Word .docx document (expected one saved by Word or WPS)"),
        (
            "notes.pdf",
            b"%PDF",
            "unknown kind of file (expected .txt, .md, .yaml or .docx answer sheets, .csv or .xlsx tables)",
        ),
        ("empty.csv", b"\n\n", "the table is empty (expected a header row, then one row per member)"),
        ("bad.xlsx", b"not a zip", "not a readable .xlsx workbook (File is not a zip file)"),
        ("bad.yaml", "答案: [\n".encode(), None),
        ("list.yaml", b"- 1\n", "expected a mapping with name, quiz, version and answers"),
        ("noanswers.yaml", "姓名: 甲\n".encode(), None),
    ],
)
def test_bad_files_fail_alone(
    tmp_path: Path, key: AnswerKey, name: str, content: bytes | None, reason: str | None
) -> None:
    """Each unreadable file is named with its reason; the good file beside it is still graded."""
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    good = write(tmp_path / "good.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n1. B\n")
    report = grade([bad, good], key)
    assert scores(report) == [("甲", 2)]
    assert len(report.failures) == 1
    failure = str(report.failures[0])
    assert failure.startswith(str(bad))
    if reason is not None:
        assert failure == f"{bad}: {reason}"


def test_yaml_without_answers_names_the_field(tmp_path: Path, key: AnswerKey) -> None:
    """A YAML sheet without answers fails naming the field and line."""
    bad = write(tmp_path / "x.yaml", "姓名: 甲\n")
    assert problems(grade([bad], key)) == [
        f"{bad}:1: field 'answers': missing (expected a mapping from question number to answer)"
    ]


def test_yaml_sheet_with_a_full_width_colon_gets_the_hint(tmp_path: Path, key: AnswerKey) -> None:
    """A YAML sheet typed on a Chinese keyboard: one answer line with ``2：C`` is a syntax error that
    points at that line with the hint; every line so typed makes ``answers`` one text, named too."""
    one = write(tmp_path / "one.yaml", "姓名: 甲\n测验: mini-test-7-abc\nanswers:\n  1: B\n  2：C\n  3: A\n")
    every = write(tmp_path / "every.yaml", "姓名: 乙\n测验: mini-test-7-abc\nanswers:\n  1：B\n  2：C\n")
    run = write(tmp_path / "run.yaml", "姓名: 丙\n测验: mini-test-7-abc\nanswers:\n  1: B\n  2：A\n  3：D\n  4: A\n")
    bare = write(tmp_path / "bare.yaml", "1：B\n2：A\n3：D\n")
    flow = write(tmp_path / "flow.yaml", "姓名: 丁\nanswers: {1: B, 2：A}\n")
    hint = " (hint: the question numbers are followed by a full-width colon '：'; YAML needs ':' — 请改用半角冒号)"
    assert problems(grade([run, bare, flow], key)) == [  # a run of such lines: its first one, so one fix is enough
        f"{run}:5: not valid YAML: YAML syntax error, column 3: while scanning a simple key could not find"
        " expected ':' (hint: line 5 has a full-width colon '：' after its key; YAML needs ':' — 请改用半角冒号)",
        f"{bare}: expected a mapping with name, quiz, version and answers{hint}",
        f"{flow}:2: field 'answers': '2：A' is not a question number{hint}",
    ]
    assert problems(grade([one, every], key)) == [
        f"{one}:5: not valid YAML: YAML syntax error, column 3: while scanning a simple key could not find"
        " expected ':' (hint: line 5 has a full-width colon '：' after its key; YAML needs ':' — 请改用半角冒号)",
        f"{every}:3: field 'answers': expected a mapping from question number to answer (hint: the question"
        " numbers are followed by a full-width colon '：'; YAML needs ':' — 请改用半角冒号)",
    ]


def test_empty_folder_is_no_answer_file(tmp_path: Path, key: AnswerKey) -> None:
    """A folder given as ANSWERS is read for the answer files in it (issue 11); one holding none fails with a
    clear reason."""
    folder = tmp_path / "answers.txt"
    folder.mkdir()
    assert problems(grade([folder], key)) == [
        f"{folder}: is a folder holding no answer file (expected .txt, .yaml, .csv, .xlsx or .docx files in it)"
    ]


def test_unknown_encoding_is_refused(tmp_path: Path, key: AnswerKey) -> None:
    """An unknown --encoding is a user error before any file is read."""
    with pytest.raises(AnswerFileError, match="unknown encoding 'klingon'"):
        read_answers([tmp_path / "a.csv"], key, encoding="klingon")


def test_same_name_twice_is_a_warning(tmp_path: Path, key: AnswerKey) -> None:
    """A member graded twice (two sheets with one name) is reported twice, with a warning."""
    a = write(tmp_path / "a.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n1. B\n")
    b = write(tmp_path / "b.txt", "姓名：甲\n测验：mini-test-7-abc\n版本：A\n2. C\n")
    report = grade([a, b], key)
    assert scores(report) == [("甲", 2), ("甲", 2)]
    assert problems(report) == [f"{b}: warning: 甲: this name was graded before ({a}); both are reported"]


def test_answer_sheet_header_names_only_the_paper_s_kinds(key: AnswerKey) -> None:
    """The .txt 答题卡's instructions name the kinds of question on the paper: a paper of 单选 and
    判断 says nothing of 多选 or 填空 (found looking at a --mix paper); 姓名 stays on line 4."""
    mixed = replace(key, items=tuple(it for it in key.items if it.type in ("single", "true_false")))
    blanks = replace(key, items=tuple(it for it in key.items if it.type == "fill_blank"))
    assert render_answer_sheet(mixed).splitlines()[1:4] == [
        "# 填写姓名，然后在每个题号后写答案：选择题写字母，",
        "# 判断题写 对 或 错。以 # 开头的行不计。",
        "姓名：",
    ]
    assert render_answer_sheet(blanks).splitlines()[1:4] == [
        "# 填写姓名，然后在每个题号后写答案：填空题写所填文字。",
        "# 以 # 开头的行不计。",
        "姓名：",
    ]
    assert render_answer_sheet(key).splitlines()[1:3] == [
        "# 填写姓名，然后在每个题号后写答案：选择题写字母（多选连写，如 ACD），",
        "# 判断题写 对 或 错，填空题写所填文字。以 # 开头的行不计。",
    ]


def test_yaml_list_of_full_width_numbered_and_plain_entries_is_refused(tmp_path: Path, key: AnswerKey) -> None:
    """``- 1：A``, ``- 2：B``, ``- C``: read in order, every numbered entry was unreadable and scored 0
    (found by the final fresh-clone check); refused at the first plain entry, as the README says."""
    mixed = write(tmp_path / "m.yaml", "姓名: 甲\nanswers:\n  - 1：B\n  - 2：C\n  - ABC\n  - 4：ABC\n")
    either = "a list gives its answers either in order (- B) or each with its number (- 1: B), one per entry, not both"
    report = grade([mixed], key)
    assert scores(report) == []
    assert problems(report) == [f"{mixed}:5: field 'answers': {either}"]
