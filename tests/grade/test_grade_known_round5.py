"""Round 5: the grading defects fresh-user testers found and left open, each through the CLI on a paper
made with ``studykit quiz`` from the shipped bank, each score worked out by hand from the key.

The standard paper (``--seed 7``): 1–8 single 5 points (B A D A C D B C), 9–12 multiple 6 points
(CD, ABCE, ABD, ACD), 13–16 true_false 4 points (错 对 对 对), 17–20 fill_blank 5 points (大都市,
人民利益至上, 依法治理, 可复制)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import SEED7_RIGHT, grade_cli
from studykit.cli import main

QUIZ = "szzl-hubei-daily-7-0b3cb86e"


@pytest.fixture()
def folder(paper_folder: Path) -> Path:
    """The shipped bank's standard paper, its key and 答题卡 in the working folder (conftest)."""
    return paper_folder


grade = grade_cli  # studykit grade ARGS --format json: exit code, scores, stderr


def sheet(folder: Path, *lines: str, name: str = "s.txt") -> str:
    """Write a typed sheet of 张三 for the paper, its answers ``lines``; its file name."""
    (folder / name).write_text("\n".join(["姓名：张三", f"测验：{QUIZ}", *lines, ""]), encoding="utf-8")
    return name


def test_the_key_is_the_one_worked_by_hand(folder: Path) -> None:
    """The paper the scores below were worked out on."""
    key = (folder / "测验.key.yaml").read_text(encoding="utf-8")
    assert f"quiz_id: {QUIZ}" in key and "total_points: 100" in key
    code, scores, err = grade(sheet(folder, "1-8 BADACDBC", "9-12 CD ABCE ABD ACD", "13-16 错对对对",
                                    "17-20 大都市 人民利益至上 依法治理 可复制"), "--key", "测验.key.yaml")  # fmt: skip
    assert (code, scores, err) == (0, {"张三": 100}, "")


# 1. A range counting down ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "first", "last"),
    [
        ("8-1 BCABCXYZ", 8, 1),
        ("20-17 可复制 依法治理 人民利益至上 大都市", 20, 17),
        ("1-8 BADACDBC 12-9 A B C D", 12, 9),
    ],
)
def test_a_range_counting_down_is_not_graded_and_says_why(folder: Path, line: str, first: int, last: int) -> None:
    """``8-1 BCABCXYZ`` was item 8's answer ``-1 BCABCXYZ`` (and ``20-17 …`` a wrong blank for 20, silently):
    8 down to 1, or 1 to 8? The sheet is 无法评分, naming the file, the line and the range."""
    code, scores, err = grade(sheet(folder, line), "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.startswith(
        f"s.txt:3: 张三: 无法评分 (not graded): line 3: {first}-{last} counts down (write the lower number first, "
        f"e.g. {last}-{first}, with the answers in that order); "
    )


@pytest.mark.parametrize(
    ("line", "number", "count"),
    [
        (" ".join(f"{n}. A" for n in [*range(1, 21), *range(1, 21)]), 1, 40),  # the answers typed twice
        ("1. B 2. A 3. D 1. C", 1, 4),  # question 1 answered again at the end
    ],
)
def test_a_line_answering_a_question_twice_is_not_graded(folder: Path, line: str, number: int, count: int) -> None:
    """``1. A … 20. A 1. A …`` on one line was question 1's answer (all of the rest of the line, a 0 with one
    warning) and questions 2–20 unanswered, exit 0: which answer counts? The sheet is 无法评分 (found by
    the final fresh-clone check)."""
    code, scores, err = grade(sheet(folder, line), "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.startswith(
        f"s.txt:3: 张三: 无法评分 (not graded): line 3: the line answers question {number} more than once (it numbers "
        f"{count} answers); which answer counts cannot be told: keep one answer per question"
    )


def test_a_range_of_one_question_is_that_question(folder: Path) -> None:
    """``8-8 C``: question 8's answer C (it was ``-8 C``, unreadable); ``17-17`` with nothing after it is 17's
    answer ``17`` after a dash (a wrong blank, graded), not a range of one left without an answer."""
    assert grade(sheet(folder, "8-8 C", "1-2 BA 3-3 D"), "--key", "测验.key.yaml") == (0, {"张三": 20}, "")
    assert grade(sheet(folder, "17-17", "18-人民利益至上"), "--key", "测验.key.yaml") == (0, {"张三": 5}, "")


# 2. Control characters in a member's name ---------------------------------------------------------------


def test_control_characters_in_a_sheets_name_are_removed_with_a_warning(folder: Path) -> None:
    """``姓名：张\\x1b三\\x07``: the ESC and BEL were kept in the report; now removed, with a warning. (A NUL
    fails a .txt sheet as binary or damaged since round 8: test_grade_round8.py.)"""
    (folder / "s.txt").write_text(f"姓名：张\x1b三\x07\n测验：{QUIZ}\n1-8 BADACDBC\n", encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 40})
    assert err == (
        "s.txt:1: warning: 张三: the name '张\\x1b三\\x07' holds characters no name has (U+0007, U+001B); "
        "removed: read as '张三'\n"
    )


def test_control_characters_in_a_tables_name_are_removed_with_a_warning(folder: Path) -> None:
    """A CSV row named ``张\\x00三\\x1b[31m`` (an ANSI colour a terminal would obey): read as ``张三[31m``."""
    row = ",".join([*"BADACDBC", "CD", "ABCE", "ABD", "ACD", "错", "对", "对", "对", "x", "x", "x", "x"])
    header = ",".join(["姓名", *map(str, range(1, 21))])
    (folder / "t.csv").write_text(f"{header}\n张\x00三\x1b[31m,{row}\n李四,{row}\n", encoding="utf-8")
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三[31m": 80, "李四": 80})
    assert err == (
        "t.csv:2: warning: 张三[31m: the name '张\\x00三\\x1b[31m' holds characters no name has (U+0000, U+001B); "
        "removed: read as '张三[31m'\n"
    )


# 3. A UTF-8 header, GBK rows, no byte-order mark ----------------------------------------------------------

HEADER = ",".join(["姓名", *(f"第{i}题" for i in range(1, 21))]) + "\n"
ROW = ",".join([*"BADACDBC", "CD", "ABCE", "ABD", "ACD", "错", "对", "对", "对", "大都市", "x", "x", "x"]) + "\n"


def test_a_utf8_header_with_gbk_rows_says_which_lines_are_in_which_encoding(folder: Path) -> None:
    """The header as a survey download writes it (UTF-8, no mark), the rows typed in Excel (GBK): "cannot tell
    the encoding" and its hint --encoding gb18030 (which garbles the header) were not true; the message now
    says which lines decode in which encoding, and the UTF-8 rows before the GBK ones are graded."""
    data = HEADER.encode() + f"王五,{ROW}".encode() + f"张三,{ROW}李四,{ROW}".encode("gbk")
    (folder / "t.csv").write_bytes(data)
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"王五": 85})
    assert err == (
        "t.csv: not readable as utf-8 (invalid continuation byte); rows after row 2 not graded; up to line 2 the "
        "file is UTF-8 and from line 3 on GB18030: it mixes two encodings (lines typed or pasted in another "
        "program?), so no --encoding reads it whole; a program opening it shows one part garbled (乱码): retype "
        "that part, save, and grade the file again\n"
        "Error: not everything could be graded: t.csv (see above); the report covers the rest\n"
    )


def test_a_utf8_sheet_with_gbk_lines_says_which_lines_are_in_which_encoding(folder: Path) -> None:
    """A .txt sheet begun in UTF-8 (姓名：张三), its answers in GBK: the same message, the sheet not graded."""
    data = f"姓名：张三\n测验：{QUIZ}\n1-8 BADACDBC\n".encode() + "13. 错\n".encode("gbk")
    (folder / "s.txt").write_bytes(data)
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.startswith(
        "s.txt: not readable as utf-8-sig (byte 70); up to line 3 the file is UTF-8 and from line 4 on GB18030: "
    )


def test_lines_in_utf8_again_after_gbk_ones_keep_the_old_message(folder: Path) -> None:
    """UTF-8, a GBK row, UTF-8 again: which line is in which encoding would be a guess, so the message is the
    one it was (the file cannot be read; the encoding cannot be told)."""
    data = HEADER.encode() + f"张三,{ROW}".encode("gbk") + f"王五,{ROW}".encode()
    (folder / "t.csv").write_bytes(data)
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.startswith("t.csv: cannot tell the text encoding (not UTF-8, GB18030, Big5, UTF-16 or UTF-32; ")


# 6. The Chinese encoding message names the file once -----------------------------------------------------


def test_the_chinese_encoding_message_names_the_file_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``u16.txt: u16.txt：无法判断文本编码…``: the Chinese message began with the path and "：", which the
    reader did not take off (only ": "); the file is named once."""
    monkeypatch.setenv("STUDYKIT_LANG", "zh_CN")
    # Chinese mostly: a UTF-16 text without BOM whose byte order the few NULs do not tell for certain (round 8)
    (folder / "u16.txt").write_bytes("姓名：陈文同志测验第一次\n".encode("utf-16-le"))
    result = CliRunner().invoke(main, ["grade", "u16.txt", "--key", "测验.key.yaml"])
    assert (result.exit_code, result.stderr) == (
        1,
        "u16.txt: 无法判断文本编码（不是 UTF-8、GB18030、Big5、UTF-16 或 UTF-32；请用 --encoding 指定，例如 "
        "--encoding gb18030）\n错误：没有可以评分的答卷\n",
    )


# 4. An answer typed into the 答题卡's 题号 row ------------------------------------------------------------


def fill_card(folder: Path, cells: dict[tuple[int, int], str | list[str]], name: str = "张三") -> str:
    """The 答题卡 ``测验.card.docx`` with 姓名 ``name`` and ``cells`` ((row, column) of its grid → text, a
    list for a cell of several paragraphs) written in; its file name."""
    from docx import Document

    document = Document(str(folder / "测验.card.docx"))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("姓名："):
            paragraph.text = f"姓名：{name}"
    grid = document.tables[0]
    assert [c.text for c in grid.rows[0].cells][:3] == ["题号", "1", "2"] and grid.rows[1].cells[0].text == "答案"
    for (row, column), text in cells.items():
        cell = grid.rows[row].cells[column]
        paragraphs = [text] if isinstance(text, str) else text
        cell.text = paragraphs[0]
        for more in paragraphs[1:]:
            cell.add_paragraph(more)
    document.save(str(folder / f"{name}.docx"))
    return f"{name}.docx"


def test_an_answer_typed_into_the_number_cell_is_read(folder: Path) -> None:
    """``1B`` and ``2 A`` in the 题号 cells, the 答案 cells under them empty: they were unanswered without a
    word; now questions 1 and 2 answered B and A (right: 10 points), ``3`` over ``D`` as printed (5 more)."""
    card = fill_card(folder, {(0, 1): "1B", (0, 2): "2 A", (1, 3): "D"})
    assert grade(card, "--key", "测验.key.yaml") == (0, {"张三": 15}, "")


def test_a_number_cell_written_with_a_point_keeps_its_answer(folder: Path) -> None:
    """``1.`` and ``(2)`` in the 题号 cells over B and A: their answers were lost without a word; 10 points."""
    card = fill_card(folder, {(0, 1): "1.", (1, 1): "B", (0, 2): "(2)", (1, 2): "A"})
    assert grade(card, "--key", "测验.key.yaml") == (0, {"张三": 10}, "")


def test_a_number_cell_and_its_answer_cell_that_differ_are_warned_of(folder: Path) -> None:
    """``4C`` in the 题号 cell over ``A`` in the 答案 cell: the 答案 cell is read (A, right), with a warning;
    a 题号 cell whose number was typed over (``C`` for 5) is warned of and read as nothing."""
    card = fill_card(folder, {(0, 4): "4C", (1, 4): "A", (0, 5): "C"})
    assert grade(card, "--key", "测验.key.yaml") == (
        0,
        {"张三": 5},
        "张三.docx: warning: question 4: the 题号 cell of the 答题卡 reads '4C' and the 答案 cell under it 'A'; "
        "the 答案 cell is read\n"
        "张三.docx: warning: a 题号 cell of the 答题卡 reads 'C', which holds no question number; not read\n",
    )


# 5. Two options on a single-choice item -------------------------------------------------------------------

TWO = "on a single-choice item, which has one answer; scored 0"


def test_two_letters_on_a_single_choice_txt_sheet_are_warned_of(folder: Path) -> None:
    """``1. AB``, ``2. A B``, ``3. A、D`` on single-choice items scored 0 without a word; now each is warned of."""
    code, scores, err = grade(sheet(folder, "1. AB", "2. A B", "3. A、D", "4. A"), "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 5})
    assert err == (
        f"s.txt:3: warning: 张三, question 1: 2 options chosen (A、B) {TWO}\n"
        f"s.txt:4: warning: 张三, question 2: 2 options chosen (A、B) {TWO}\n"
        f"s.txt:5: warning: 张三, question 3: 2 options chosen (A、D) {TWO}\n"
    )


def test_two_paragraphs_in_a_single_choice_card_cell_are_warned_of(folder: Path) -> None:
    """A 答案 cell of two paragraphs ``A`` and ``B`` (question 1, key B): A、B, scored 0 — with a warning."""
    code, scores, err = grade(fill_card(folder, {(1, 1): ["A", "B"], (1, 2): "A"}), "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 5})
    assert err == f"张三.docx:7: warning: 张三, question 1: 2 options chosen (A、B) {TWO}\n"


def test_a_line_break_in_a_single_choice_xlsx_cell_is_warned_of(folder: Path) -> None:
    """An .xlsx cell ``A⏎B`` (Alt+Enter) for question 1: A、B, scored 0 — with a warning naming the row."""
    from openpyxl import Workbook

    book = Workbook()
    grid = book.active
    assert grid is not None
    grid.append(["姓名", *map(str, range(1, 21))])
    grid.append(["张三", "A\nB", "A", *[""] * 18])
    book.save(folder / "t.xlsx")
    code, scores, err = grade("t.xlsx", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 5})
    assert err == f"t.xlsx:2: warning: 张三, question 1: 2 options chosen (A、B) {TWO}\n"


# 7. One archive guard for .xlsx and .docx -------------------------------------------------------------------


def test_the_shared_guard_names_the_first_limit_broken(tmp_path: Path) -> None:
    """:func:`studykit.grade.archive.breach`: too many files, then too many bytes, then a file packed too
    tightly, each with its numbers; within the limits, ``None``."""
    import zipfile

    from studykit.grade.archive import Breach, ZipLimits, breach

    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("small.xml", b"<a/>")
        archive.writestr("zeros.xml", b"\0" * (2 << 20))
    with zipfile.ZipFile(path) as archive:
        packed = archive.getinfo("zeros.xml").compress_size
        assert breach(archive, ZipLimits(members=1, unpacked=1)) == Breach(
            "members", 2, 4 + (2 << 20), "zeros.xml", 2 << 20
        )
        assert breach(archive, ZipLimits(members=2, unpacked=1 << 20)) == Breach(
            "unpacked", 2, 4 + (2 << 20), "zeros.xml", 2 << 20
        )
        assert breach(archive, ZipLimits(members=2, unpacked=4 << 20)) == Breach(
            "ratio", 2, 4 + (2 << 20), "zeros.xml", 2 << 20, (2 << 20) // packed
        )
        assert breach(archive, ZipLimits(members=2, unpacked=4 << 20, ratio=(2 << 20) // packed + 1)) is None


def test_a_docx_packing_a_part_too_tightly_is_refused_in_its_own_words(folder: Path) -> None:
    """A .docx of one 2 MiB part of zeros (within the 64 MiB a document may unpack to, but packed about
    1,000 to 1): refused by the shared guard with the 答题卡's own message, the ratio worked out from the zip."""
    import io
    import zipfile

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (2 << 20))
    (folder / "炸.docx").write_bytes(bomb.getvalue())
    with zipfile.ZipFile(folder / "炸.docx") as archive:
        ratio = (2 << 20) // archive.getinfo("word/document.xml").compress_size
    assert ratio > 100
    result = CliRunner().invoke(main, ["grade", "炸.docx", "--key", "测验.key.yaml"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"炸.docx: word/document.xml unpacks {ratio:,} times larger than it is packed — a zip bomb? not read\n"
        "Error: no answers could be graded\n",
    )


# Ways of typing not tried before ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "points"),
    [
        (["17-大都市", "18—人民利益至上", "13-错", "14=对"], 18),  # a blank read as "-大都市": 0 without a word
        (["17-大都市 18-人民利益至上"], 10),
        (["1-B 2-A 3-D"], 15),  # each "-B" unreadable, 0
        (["17→大都市", "1.答：B", "19 答:依法治理"], 15),
        (["17.答案是大都市", "2.答案为A", "18 答案：人民利益至上"], 15),
        (["1.A 2.- 3.D", "4. -"], 5),  # a dash alone is still unanswered
        (["9.CD 10.ABCE 11-12 ABD ACD"], 24),  # a range after numbered answers, as before
    ],
)
def test_a_dash_arrow_or_答_between_number_and_answer_is_no_part_of_the_answer(
    folder: Path, lines: list[str], points: int
) -> None:
    """``17-大都市``: the blank was read as ``-大都市`` and scored 0 without a warning (a choice's ``-B`` was
    unreadable); a dash, equals sign, arrow or 答： between a question's number and its answer is a separator."""
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": points}, "")


def test_a_section_number_before_answers_is_a_label(folder: Path) -> None:
    """``一、1-8 BADACDBC``: the sheet was 无法评分 ("answers without question numbers"); the section's number
    is a label before the answers, as ``一、单选题 1-8 …`` was: 40 + 12 + 16 + 5 = 73."""
    lines = ["一、1-8 BADACDBC", "二、9.CD 10.ABCE", "三、13-16 错对对对", "四、17.大都市"]
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": 73}, "")


@pytest.mark.parametrize(
    ("lines", "points"),
    [
        (["1．B 2．A 3．D"], 15),
        (["1。B", "2。A", "3。D"], 15),
        (["第1题 B", "第2题 A"], 10),
        (["① B", "② A", "③ D"], 15),
        (["⑪ABD", "⑫ACD"], 12),
        (["13.错误", "14.正确", "15.T", "16.F"], 12),
        (["13 ✗", "14 ✓", "15 √", "16 ×"], 12),
        (["13-16 ✗✓✓✓"], 16),
    ],
)
def test_ways_of_typing_that_were_already_read(folder: Path, lines: list[str], points: int) -> None:
    """Full-width points, 。, 第N题, circled numbers, 正确/错误/T/F and ✓/✗/√/× marks: read exactly."""
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": points}, "")


def test_a_table_numbering_its_questions_in_chinese_numerals_is_read(folder: Path) -> None:
    """Headers ``第一题`` … ``第二十题``: "no column matches a question of the key"; now read as 1–20 (100)."""
    numerals = "一二三四五六七八九十"
    heads = [
        f"第{numerals[i - 1] if i <= 10 else '十' + numerals[i - 11] if i < 20 else '二十'}题" for i in range(1, 21)
    ]
    row = list(SEED7_RIGHT)
    (folder / "t.csv").write_text(",".join(["姓名", *heads]) + "\n" + ",".join(["张三", *row]) + "\n", encoding="utf-8")
    assert heads[10:12] == ["第十一题", "第十二题"] and heads[-1] == "第二十题"
    assert grade("t.csv", "--key", "测验.key.yaml") == (0, {"张三": 100}, "")


@pytest.mark.parametrize("head", ["姓 名：张三", "姓　名：张三", "姓    名 张三"])
def test_a_name_label_spaced_out_as_a_printed_form_aligns_it_gives_the_name(folder: Path, head: str) -> None:
    """``姓　名：张三`` (a form's label spaced out): the line was ignored and the member graded under the file's
    name; now 张三."""
    (folder / "s.txt").write_text(f"{head}\n测验：{QUIZ}\n1-8 BADACDBC\n", encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"张三": 40}, "")


def test_a_table_of_one_answers_column_reads_each_cell_as_a_typed_sheet(folder: Path) -> None:
    """``序号 | 姓名 | 答案``, each member's answers in one cell as chat replies are pasted into Excel: the
    table was refused ("no column matches a question of the key"); now each cell is read as a typed sheet —
    ranges and numbered answers exactly (张三 100, a cell of three lines), answers without numbers 无法评分
    naming the row (李四), warnings naming the row (王五: 3.AB, 4.E; a row without a name)."""
    from openpyxl import Workbook

    book = Workbook()
    grid = book.active
    assert grid is not None
    grid.append(["序号", "姓名", "答案"])
    grid.append(
        [1, "张三", "1-8 BADACDBC 9-12 CD ABCE ABD ACD\n13-16 错对对对\n17-20 大都市 人民利益至上 依法治理 可复制"]
    )
    grid.append([2, "李四", "BADACDBC"])
    grid.append([3, "王五", "1.B 2.A 3.AB 4.E"])
    grid.append([4, "", "1-8 BADACDBC"])
    book.save(folder / "t.xlsx")
    code, scores, err = grade("t.xlsx", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"张三": 100, "王五": 10, "（第5行）": 40})
    assert err == (
        "t.xlsx:3: 李四: 无法评分 (not graded): line 1: answers without question numbers ('BADACDBC'): such answers "
        "are read in paper order only on a paper whose every question takes one letter or 对/错 mark (单选, 判断), and "
        "this paper has questions 9–12 (多选), 17–20 (填空); which answer belongs to which question cannot be told — "
        "number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)\n"
        f"t.xlsx:4: warning: 王五, question 3: 2 options chosen (A、B) {TWO}\n"
        "t.xlsx:4: warning: 王五, question 4: cannot read answer 'E': E is not an option of this item (it has A–D); "
        "scored 0\n"
        "t.xlsx:5: warning: no name in this row; graded as （第5行）\n"
        "Error: not everything could be graded: t.xlsx (see above); the report covers the rest\n"
    )


def test_a_csv_of_one_answers_column_is_read_too(folder: Path) -> None:
    """``姓名,答案`` in a CSV, a quoted cell of two lines (1.B right, 2.C wrong): 张三 40, 李四 5."""
    (folder / "t.csv").write_text('姓名,答案\n张三,1-8 BADACDBC\n李四,"1.B\n2.C"\n', encoding="utf-8")
    assert grade("t.csv", "--key", "测验.key.yaml") == (0, {"张三": 40, "李四": 5}, "")


@pytest.mark.parametrize(
    ("lines", "points"),
    [(["➀B", "➁A"], 10), (["❶B ❷A ❸D"], 15), (["➓ABCE"], 6), (["❶-❽ BADACDBC"], 40)],
)
def test_dingbat_circled_numbers_number_questions(folder: Path, lines: list[str], points: int) -> None:
    """``➀B``, ``❶B ❷A``: circled digits NFKC leaves alone (as a phone's keyboard or a photo's text gives
    them) — each line was ignored and the sheet scored 0 ("no answers on the sheet"); now they number questions."""
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": points}, "")


def test_the_cards_grid_as_text_reads_its_answer_rows(folder: Path) -> None:
    """The 答题卡's grid copied out of Word or a photo as text (``题号 1 2 3 …`` over ``答案 B A D …``): it was
    无法评分 ("answers without question numbers"); each answer is its number's: 40 + 24 + 16 + 5 = 85."""
    lines = ["题号 1 2 3 4 5 6 7 8 9 10", "答案 B A D A C D B C CD ABCE", "题号 11 12 13 14 15 16",
             "答案 ABD ACD 错 对 对 对", "17.大都市"]  # fmt: skip
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": 85}, "")


def test_the_cards_grid_copied_with_tabs_keeps_an_empty_cell(folder: Path) -> None:
    """Word copies a table with tabs: ``答案⇥B⇥⇥D⇥`` leaves 3 and 4 unanswered (1 and 3 right: 10)."""
    assert grade(sheet(folder, "题号\t1\t2\t3\t4", "答案\tB\t\tD\t"), "--key", "测验.key.yaml") == (0, {"张三": 10}, "")


def test_a_grid_answer_row_of_another_length_is_not_graded(folder: Path) -> None:
    """``题号 1 2 3`` over ``答案 B D``: which number lost its answer? 无法评分, naming the line."""
    code, scores, err = grade(sheet(folder, "题号 1 2 3", "答案 B D"), "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.startswith(
        "s.txt:4: 张三: 无法评分 (not graded): line 4: the 题号 row above names 3 questions but the 答案 row holds "
        "2 answers (write one answer under each number); "
    )


# Options ticked on the .docx paper -----------------------------------------------------------------------


def fill_paper(folder: Path, edits: dict[int, str], name: str = "张三") -> str:
    """The paper ``测验.docx`` with 姓名 ``name`` and paragraphs replaced (index → text); its file name."""
    from docx import Document

    document = Document(str(folder / "测验.docx"))
    paragraphs = document.paragraphs
    assert paragraphs[1].text.startswith("姓名：") and paragraphs[6].text.startswith("A. 理论要求\tB. 实践要求")
    paragraphs[1].text = f"姓名：{name}"
    for at, text in edits.items():
        paragraphs[at].text = text
    document.save(str(folder / f"{name}.docx"))
    return f"{name}.docx"


def test_options_ticked_on_the_paper_are_the_answers(folder: Path) -> None:
    """``B. 实践要求✓`` under question 1 (bracket left empty; key B), ``A. 党员生活（√）`` under 2 (A), ``D. …✔``
    on the second option line of 3 (D), ``C. 居民自治√ D. 社会调节√`` under the multiple 9 (CD): each line was
    ignored or made the paper 无法评分; now 5 + 5 + 5 + 6 = 21.  Two ticks under the single 4: warned, 0."""
    paper = fill_paper(
        folder,
        {
            6: "A. 理论要求\tB. 实践要求✓\tC. 必然选择\tD. 根本保证",
            8: "A. 党员生活（√）\tB. 理论周刊\tC. 思想者\tD. 党建之窗",
            11: "C. 党的十八届三中全会\tD. 党的十九届四中全会 ✔",
            13: "A. 赵显富 ✓\tB. 张艳国 ✓\tC. 姜晓萍\tD. 任剑涛",
            27: "A. 企业自律\tB. 市场调节\tC. 居民自治√\tD. 社会调节√",
        },
    )
    assert grade(paper, "--key", "测验.key.yaml") == (
        0,
        {"张三": 21},
        f"张三.docx:14: warning: 张三, question 4: 2 options chosen (A、B) {TWO}\n",
    )


def test_a_tick_under_a_filled_bracket_agreeing_with_it_is_passed_over(folder: Path) -> None:
    """Question 5's bracket filled ``（C）`` and option C ticked too: C (5 points), no second answer."""
    from docx import Document

    stem = Document(str(folder / "测验.docx")).paragraphs[14].text
    filled = stem.replace("（\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0）", "（C）")
    assert filled != stem
    paper = fill_paper(folder, {14: filled, 16: "C. 人文精神与科学精神 ✓\tD. 线上服务与线下服务"})
    assert grade(paper, "--key", "测验.key.yaml") == (0, {"张三": 5}, "")


@pytest.mark.parametrize(("lines", "points"), [(["Q1 B", "Q2: A"], 10), (["Q1 B Q2 A Q3 D"], 15), (["q1.B,q2.A"], 10)])
def test_questions_numbered_q1_q2(folder: Path, lines: list[str], points: int) -> None:
    """``Q1 B``: a question number after a Q, as a table's header may give it — the sheet was 无法评分
    ("answers without question numbers")."""
    assert grade(sheet(folder, *lines), "--key", "测验.key.yaml") == (0, {"张三": points}, "")


def test_answers_typed_into_a_tables_name_cell_are_warned_of(folder: Path) -> None:
    """``张三 1-8 BADACDBC`` in the 姓名 cell, the answer cells empty: 0 without a word; now warned of (the
    block of rows holding it is read row by row, so the warning comes whatever the table's size)."""
    header = ",".join(["姓名", *map(str, range(1, 21))])
    row = ",".join([*"BADACDBC", "CD", "ABCE", "ABD", "ACD", "错", "对", "对", "对", "x", "x", "x", "x"])
    (folder / "t.csv").write_text(f"{header}\n张三 1-8 BADACDBC{',' * 20}\n李四,{row}\n", encoding="utf-8")
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三 1-8 BADACDBC": 0, "李四": 80})
    assert err == (
        "t.csv:2: warning: 张三 1-8 BADACDBC: the name cell '张三 1-8 BADACDBC' seems to hold the answers and the "
        "row's answer cells are empty: every question scores 0 (put each answer in its question's column)\n"
    )


@pytest.mark.parametrize(
    ("line", "score", "label", "numbers"),
    [("单选：BADACDBC", 40, "单选", "1–8"), ("判断：错对对对", 16, "判断", "13–16")],
)
def test_answers_without_numbers_after_a_label_are_read_by_their_section(
    folder: Path, line: str, score: int, label: str, numbers: str
) -> None:
    """``单选：BADACDBC``: the line was ignored and the sheet scored 0 ("no answers on the sheet"); round 5 made it
    无法评分, and round 7 reads it: the label names its section's questions, in paper order, with a warning (see
    test_grade_known_round7.py).  ``班级：A`` is still a line ignored."""
    code, scores, err = grade(sheet(folder, line), "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": score})
    assert err == (
        f"s.txt:3: warning: the answers after {label} without question numbers read in paper order as its "
        f"questions {numbers} — number them to be sure\n"
    )
    assert grade(sheet(folder, "班级：A", "1.B"), "--key", "测验.key.yaml") == (
        0,
        {"张三": 5},
        "s.txt:3: warning: line ignored: '班级:A' (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)\n",
    )
