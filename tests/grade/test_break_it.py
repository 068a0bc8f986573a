"""Hostile and careless inputs against this round's new reading paths (the break-it round):
each case gives one clear line naming the file and where, exits non-zero when anything was not
graded, and fails in a moment on hostile sizes."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import main

HEADER = "姓名,1,2,3,4,5,6,7,8\n"
FULL = "张三,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"  # 18/18 on the mini key


def run(key_file: Path, *paths: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *map(str, paths), "--key", str(key_file)], env={"STUDYKIT_LANG": "en"})
    return result.exit_code, result.stdout, result.stderr


def test_a_line_of_megabytes_fails_at_that_line_without_reading_it_whole(tmp_path: Path, key_file: Path) -> None:
    """A sparse file given as a table (one 'line' of NUL bytes, 2 GB read whole took 28 s and
    2 GB of memory): the reader stops a MiB into the line and names it; a long line after the
    header is named the same way, after the header's own warning."""
    alone = tmp_path / "sparse.csv"
    with open(alone, "wb") as f:
        f.truncate(64 << 20)
    later = tmp_path / "later.csv"
    later.write_text(HEADER + "张三," + "A" * (1 << 20) + "\n" + FULL, encoding="utf-8")
    code, _out, err = run(key_file, alone, later)
    limit = "far longer than a row of answers); the rest of the file is not graded"
    assert code == 1
    assert err.splitlines() == [
        f"{alone}:1: not a readable CSV table (line 1 goes on past 1,048,576 bytes, {limit}",
        f"{later}:1: warning: the table has no 版本 column; assuming every row answered version A (add a 版本 column"
        " if the branch wrote several versions)",
        f"{later}:2: not a readable CSV table (line 2 goes on past 1,048,576 bytes, {limit}",
        "Error: no answers could be graded",
    ]
    assert os.path.getsize(alone) == 64 << 20


def test_lines_ending_in_a_carriage_return_alone_are_rows(tmp_path: Path, key_file: Path) -> None:
    table = tmp_path / "cr.csv"
    table.write_text((HEADER + FULL + FULL.replace("张三,B", "李四,A")).replace("\n", "\r"), encoding="utf-8")
    code, out, _err = run(key_file, table)
    assert code == 0
    assert "    1. 张三  18/18  100.0%  及格" in out
    assert "    2. 李四  16/18   88.9%  及格" in out  # percentages right-aligned


QUOTE = 'not a readable CSV table (a quote (") opened in a cell of row {row} (line {line}) is not closed, so '


def test_a_quote_left_open_in_the_last_row_is_named_and_that_row_not_graded(tmp_path: Path, key_file: Path) -> None:
    """``李四,B,C,"ABC,ABC,…`` as the last row: Python's reader took the rest of the file as one cell, and
    李四 was graded 4/18 on it (two warnings, exit 0).  Now the row is named, 张三 before it is graded,
    exit 1 — with or without a final line break, with \\r\\n or \\r line ends, the quote in the last cell."""
    broken = '李四,B,C,"ABC,ABC,对,错,x,1+1+11'
    cases = {
        "lf.csv": HEADER + FULL + broken + "\n",
        "none.csv": HEADER + FULL + broken,
        "crlf.csv": (HEADER + FULL + broken + "\n").replace("\n", "\r\n"),
        "cr.csv": (HEADER + FULL + broken + "\n").replace("\n", "\r"),
        "cell.csv": HEADER + FULL + '李四,B,C,ABC,ABC,对,错,x,"1+1+11\n',
    }
    rest = (
        "the rest of the file was read into that cell; close or remove the quote); the rest of the file is not graded"
    )
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
        code, out, err = run(key_file, tmp_path / name)
        assert code == 1, name
        assert f"张三（{tmp_path / name}:2）：18/18 分，100.0%，及格" in out and "李四" not in out, name
        assert err.splitlines()[1] == f"{tmp_path / name}:3: " + QUOTE.format(row=3, line=3) + rest, name


def test_a_quote_left_open_in_the_header_is_named(tmp_path: Path, key_file: Path) -> None:
    """``…,8,"备注`` in the header took every member's row into its last cell: the table was 'a header but no
    member rows' (or of the wrong number of questions) — the quote is now named."""
    table = tmp_path / "t.csv"
    table.write_text('姓名,1,2,3,4,5,6,7,8,"备注\n' + FULL + FULL, encoding="utf-8")
    code, _out, err = run(key_file, table)
    assert code == 1
    assert err.splitlines()[0] == f"{table}:1: " + QUOTE.format(row=1, line=1) + (
        "the 2 lines after it — rows of members — were read into that cell; close or remove the quote); the rest of "
        "the file is not graded"
    )


def test_closed_quotes_holding_line_breaks_and_stray_quotes_in_the_last_row_are_read(
    tmp_path: Path, key_file: Path
) -> None:
    """Not every quote in a last row is left open: a closed cell ending in a line break, or a quote inside an
    unquoted cell (``AB"C``, a warning), are read as before."""
    closed = tmp_path / "closed.csv"
    closed.write_text(HEADER + FULL + '李四,B,C,ABC,ABC,对,错,"现场会议+云端会议\n",1+1+11\n', encoding="utf-8")
    stray = tmp_path / "stray.csv"
    stray.write_text(HEADER + FULL + '李四,B,C,AB"C,ABC,对,错,x,1+1+11\n', encoding="utf-8")
    code, out, err = run(key_file, closed)
    assert code == 0, err
    assert f"张三（{closed}:2）：18/18 分" in out and f"李四（{closed}:3）：18/18 分" in out
    code, out, err = run(key_file, stray)
    assert code == 0, err
    assert f"张三（{stray}:2）：18/18 分" in out and f"李四（{stray}:3）：12/18 分" in out
    assert (
        f"{stray}:3: warning: 李四, question 3: cannot read answer 'AB\"C': expected letters A–D or option texts; scored 0"
        in err
    )


def test_a_workbook_of_200_worksheets_names_ten_and_counts_the_rest(tmp_path: Path, key_file: Path) -> None:
    """199 empty worksheets before the answers, or 199 more tables after the first: the warning (or
    failure) named every worksheet on one line of 2,000 characters; it names ten and counts the rest,
    with the list separator of the language (the failure joined them with ', ' in Chinese too)."""
    import openpyxl

    def book(name: str, tables: bool) -> Path:
        wb = openpyxl.Workbook()
        wb.active.title = "说明"
        for i in range(199):
            ws = wb.create_sheet(f"S{i}")
            if tables:
                ws.append(HEADER.strip().split(","))
                ws.append(FULL.strip().replace("张三", f"李{i}").split(","))
        ws = wb.create_sheet("答卷")
        ws.append(HEADER.strip().split(","))
        ws.append(FULL.strip().split(","))
        if tables:  # 说明, 答卷, then the 199 other tables
            wb.move_sheet("答卷", offset=-199)
        wb.save(tmp_path / name)
        return tmp_path / name

    empty, tables = book("empty.xlsx", False), book("tables.xlsx", True)
    code, _out, err = run(key_file, empty)
    ten = ", ".join(f"'S{i}'" for i in range(9))
    assert code == 0
    assert (
        err.splitlines()[0]
        == f"{empty}: warning: worksheets '说明', {ten} and 190 more are empty; reading worksheet '答卷'"
    )
    code, _out, err = run(key_file, tables)
    assert code == 1
    assert f"{tables}: worksheets {ten}, 'S9' and 189 more also hold tables of the key's questions" in err
    result = CliRunner().invoke(main, ["grade", str(tables), "--key", str(key_file)], env={"STUDYKIT_LANG": "zh"})
    assert (
        f"{tables}: 工作表 {'、'.join(f'{chr(39)}S{i}{chr(39)}' for i in range(10))} 及另外 189 个 也是"
        in result.stderr
    )


def test_a_yaml_list_of_100000_answers_warns_of_ten_and_counts_the_rest(tmp_path: Path, key_file: Path) -> None:
    """``answers:`` holding 100,000 entries (400 KB, within the 1 MiB a sheet may have): a warning a line for
    each answer past question 8 took 4.8 s and 99,992 lines; now ten are named and one line counts the rest.
    Questions 1–8 are graded as given: 张三 answers B to every one, 2 points (question 1)."""
    sheet = tmp_path / "s.yaml"
    sheet.write_text("name: 张三\nversion: A\nquiz: mini-test-7-abc\nanswers:\n" + "- B\n" * 100_000, encoding="utf-8")
    code, out, err = run(key_file, sheet)
    assert code == 0
    assert f"张三（{sheet}）：2/18 分，11.1%，不及格" in out
    lines = [line for line in err.splitlines() if "does not have" in line or "has no question" in line]
    assert len(lines) == 11
    assert lines[0] == (
        f"{sheet}:13: warning: 张三, question 9: the quiz has no question 9 (its questions are 1–8); answer 'B' ignored"
    )
    assert lines[-1] == (
        f"{sheet}:23: warning: 张三: 99,982 more answers to questions the quiz does not have ignored (lines 23–100004)"
    )


def test_a_yaml_list_numbering_a_question_twice_is_refused_as_a_mapping_is(tmp_path: Path, key_file: Path) -> None:
    """``- 1：B`` then ``- 1：A``: the list was read in order, so '1：A' answered question 2 and every entry
    scored 0 as unreadable (three warnings, exit 0); ``- 1: B`` twice was already refused.  Both now say so."""
    head = "name: 甲\nversion: A\nquiz: mini-test-7-abc\nanswers:\n"
    typed = tmp_path / "typed.yaml"
    typed.write_text(head + "- 1：B\n- 1：A\n- 3：ABC\n", encoding="utf-8")
    mapped = tmp_path / "mapped.yaml"
    mapped.write_text(head + "- 1: B\n- 1: A\n- 3: ABC\n", encoding="utf-8")
    code, _out, err = run(key_file, typed, mapped)
    assert code == 1
    assert err.splitlines() == [
        f"{typed}:6: question 1 is answered twice (first at line 5; keep one)",
        f"{mapped}:6: question 1 is answered twice (first at line 5; keep one)",
        "Error: no answers could be graded",
    ]


def test_a_copied_stem_with_its_brackets_left_empty_is_unanswered(tmp_path: Path, key_file: Path) -> None:
    """The paper copied whole, some brackets left empty (``…在哪里举行？（　　）``): each was 'cannot read
    answer …' with the whole stem quoted (a warning per question, 无法识别 in the report); it is 未答."""
    from studykit.key import load_key

    key = load_key(key_file)
    stems = {it.number: it.stem.replace("（ ）", "（　　）") for it in key.items}
    assert stems[1].endswith("在哪里举行？（　　）") and stems[2].endswith("的重要落点是（　　）")
    sheet = tmp_path / "甲.txt"
    lines = [
        "姓名：甲",
        "版本：A",
        "测验：mini-test-7-abc",
        f"1. {stems[1]}",
        f"2. {stems[2].replace('（　　）', '（C）')}",
    ]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(key_file, sheet)
    assert code == 0
    assert err == ""
    assert f"甲（{sheet}）：2/18 分，11.1%，不及格" in out
    assert "    1. [单选 2分] 未答：作答 （未答），正确答案 B" in out


def test_a_yaml_answer_that_is_a_mapping_is_refused_at_its_line(tmp_path: Path, key_file: Path) -> None:
    """``- 1: {a: b}`` or ``2: {x: y}``: refused with no line ('s.yaml: an answer must be …'); now at its line."""
    head = "name: 甲\nversion: A\nanswers:\n"
    listed = tmp_path / "listed.yaml"
    listed.write_text(head + "- 1: B\n- 3: {a: b}\n", encoding="utf-8")
    mapped = tmp_path / "mapped.yaml"
    mapped.write_text(head + "  1: B\n  2: {x: y}\n", encoding="utf-8")
    code, _out, err = run(key_file, listed, mapped)
    assert code == 1
    assert err.splitlines() == [
        f"{listed}:5: an answer must be text or a list of letters, not a mapping",
        f"{mapped}:5: an answer must be text or a list of letters, not a mapping",
        "Error: no answers could be graded",
    ]


def test_a_csv_header_of_more_than_4096_columns_is_refused_at_once(tmp_path: Path, key_file: Path) -> None:
    """A header of 500,009 cells (under a MiB a line): a warning for each column not of the key, 500,001
    lines, 20 s and 540 MB; a worksheet is limited to 4,096 columns, and a CSV table now is too."""
    table = tmp_path / "wide.csv"
    table.write_text(HEADER.strip() + ",x" * 4088 + "\n" + FULL, encoding="utf-8")
    code, _out, err = run(key_file, table)
    assert code == 1
    assert err.splitlines() == [
        f"{table}:1: not a readable CSV table (the header has 4,097 columns; a table of answers has at most 4,096); "
        "the rest of the file is not graded",
        "Error: no answers could be graded",
    ]


def test_a_tab_separated_txt_table_of_more_than_4096_columns_is_refused(tmp_path: Path, key_file: Path) -> None:
    table = tmp_path / "wide.txt"
    table.write_text(
        HEADER.strip().replace(",", "\t") + "\tx" * 4088 + "\n" + FULL.replace(",", "\t"), encoding="utf-8"
    )
    code, _out, err = run(key_file, table)
    assert code == 1
    assert err.splitlines() == [
        f"{table}:1: the header has 4,097 columns; a table of answers has at most 4,096",
        "Error: no answers could be graded",
    ]
