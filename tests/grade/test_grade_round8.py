"""Round 8: grading leftovers, each through the CLI on a paper made with ``studykit quiz`` from the shipped
bank, each score worked out by hand.

The standard paper (``--seed 7``): 1–8 single 5 points (B A D A C D B C; option B of 1 is 实践要求, option A
of 2 is 党员生活), 9–12 multiple 6 points (CD, ABCE, ABD, ACD), 13–16 true_false 4 points (错 对 对 对), 17–20
fill_blank 5 points (大都市, 人民利益至上, 依法治理, 可复制)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import SEED7_RIGHT, grade_cli
from studykit.cli import main

QUIZ = "szzl-hubei-daily-7-0b3cb86e"
HEAD = f"姓名：张三\n测验：{QUIZ}\n"


@pytest.fixture()
def folder(paper_folder: Path) -> Path:
    """The shipped bank's standard paper, its key and 答题卡 in the working folder (conftest)."""
    return paper_folder


def grade(folder: Path, data: str | bytes, name: str = "s.txt") -> tuple[int, dict[str, float], str]:
    """Write ``data`` (text as UTF-8) as ``name`` and grade it against the paper's key."""
    (folder / name).write_bytes(data.encode() if isinstance(data, str) else data)
    return grade_cli(name, "--key", "测验.key.yaml")


# 1. A note before an answer ----------------------------------------------------------------------------


def test_a_note_before_an_answer_is_taken_off_scored_and_warned(folder: Path) -> None:
    """``（不确定）大都市`` was a wrong blank and ``(猜的)B`` unreadable: each is read without its note and scored
    whether right or wrong (1 B right 5, 2 C wrong 0, 13 错 right 4, 17 大都市 right 5, 18 right 5), each note
    warned of: 19."""
    code, scores, err = grade(
        folder,
        HEAD + "1. (猜的)B\n2. （不确定）C\n13. (猜的)错\n17. （不确定）大都市\n18. 【?】人民利益至上\n",
    )
    assert (code, scores) == (0, {"张三": 19})
    notes = [line for line in err.splitlines() if "has a note" in line]
    assert notes == [
        "s.txt:3: warning: 张三, question 1: the answer '(猜的)B' has a note before it ('猜的'), which is not "
        "graded: read as 'B'",
        "s.txt:4: warning: 张三, question 2: the answer '(不确定)C' has a note before it ('不确定'), which is not "
        "graded: read as 'C'",
        "s.txt:5: warning: 张三, question 13: the answer '(猜的)错' has a note before it ('猜的'), which is not "
        "graded: read as '错'",
        "s.txt:6: warning: 张三, question 17: the answer '(不确定)大都市' has a note before it ('不确定'), which is "
        "not graded: read as '大都市'",
        "s.txt:7: warning: 张三, question 18: the answer '【?】人民利益至上' has a note before it ('?'), which is not "
        "graded: read as '人民利益至上'",
    ]


def test_a_bracketed_letter_before_an_options_text_is_no_note(folder: Path) -> None:
    """``(B)党员生活`` names option B by its letter and option A by its text: no note taken off (that would
    silently choose A), the answer is not read and scores 0."""
    code, scores, err = grade(folder, HEAD + "2. (B)党员生活\n")
    assert (code, scores) == (0, {"张三": 0})
    assert "has a note" not in err
    assert "s.txt:3: warning: 张三, question 2: cannot read answer '(B)党员生活'" in err


# 2. .md named among the files grade reads ----------------------------------------------------------------


def test_grade_help_names_markdown_sheets() -> None:
    """``grade --help`` lists .md among the answer sheets it reads (it listed .txt, .yaml, .docx only)."""
    result = CliRunner().invoke(main, ["grade", "--help"], terminal_width=80)
    assert result.exit_code == 0
    assert (
        "  Grade completed quizzes: answer sheets (.txt, .md, .yaml, .docx) or branch\n"
        "  tables (.csv, .xlsx), or folders of them.\n"
    ) in result.output


def test_an_unknown_kind_of_file_is_told_that_markdown_is_read(folder: Path) -> None:
    """A PDF given by name fails, and one in a folder is warned of, with a message naming .md among the
    sheets grade reads; the folder's .txt sheet is graded (1 B right: 5)."""
    (folder / "s.pdf").write_bytes(b"%PDF-1.4\n")
    code, _scores, err = grade_cli("s.pdf", "--key", "测验.key.yaml")
    expected = "unknown kind of file (expected .txt, .md, .yaml or .docx answer sheets, .csv or .xlsx tables)"
    assert code == 1
    assert f"s.pdf: {expected}\n" in err
    answers = folder / "答卷"
    answers.mkdir()
    (answers / "s.txt").write_text(HEAD + "1. B\n", encoding="utf-8")
    (answers / "s.pdf").write_bytes(b"%PDF-1.4\n")
    code, scores, err = grade_cli(str(answers), "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 5})
    assert f"{answers / 's.pdf'}: warning: {expected}\n" in err


# 3. A NUL byte in a .txt sheet ----------------------------------------------------------------------------

NUL_MESSAGE = (
    "a NUL byte (\\0), which no text answer sheet holds: the file is binary or damaged, not text; not read "
    "(save the answers again as text, or send the sheet again)"
)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("1. B\n2. A\n3. D\x00\n", 5),  # was: question 3's answer 'D\x00' unreadable, scored 0, exit 0
        ("1. B\nBADA\x00\x00CDBC\n", 4),  # was: only a warning (line ignored), its answers lost
    ],
)
def test_a_nul_byte_in_a_txt_sheet_is_named_at_its_line(folder: Path, body: str, line: int) -> None:
    """A NUL in a ``.txt`` sheet fails the file at the line holding it, saying the file is binary or
    damaged; the other sheet of the folder is graded (1 B, 2 A right: 10)."""
    answers = folder / "答卷"
    answers.mkdir()
    (answers / "坏.txt").write_bytes((HEAD + body).encode())
    (answers / "好.txt").write_text(f"姓名：李四\n测验：{QUIZ}\n1. B\n2. A\n", encoding="utf-8")
    code, scores, err = grade_cli(str(answers), "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"李四": 10})
    assert f"{answers / '坏.txt'}:{line}: {NUL_MESSAGE}\n" in err


# 4. UTF-16 without a byte-order mark -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_utf16_sheet_without_a_byte_order_mark_is_read(folder: Path, encoding: str, newline: str) -> None:
    """A UTF-16 sheet without its mark was refused ('cannot tell the text encoding'): its ASCII characters'
    NUL bytes all on one side tell the byte order — 1 B, 2 A, 17 大都市 right: 15, no warning."""
    text = newline.join(["姓名：张三", f"测验：{QUIZ}", "1. B", "2. A", "17. 大都市", ""])
    code, scores, err = grade(folder, text.encode(encoding))
    assert (code, scores, err) == (0, {"张三": 15}, "")


def test_a_utf16_ascii_table_without_a_byte_order_mark_is_read(folder: Path) -> None:
    """A table of ASCII only in UTF-16 LE without its mark was taken for UTF-8 holding NULs: read as UTF-16
    (1 B, 2 A right, 3 C wrong: 10)."""
    header = ",".join(["name", *map(str, range(1, 21))])
    text = f"{header}\r\nZhang San,B,A,C{',' * 17}\r\n"
    code, scores, _err = grade(folder, text.encode("utf-16-le"), "t.csv")
    assert (code, scores) == (0, {"Zhang San": 10})


def test_a_utf16_sheet_of_chinese_text_mostly_is_still_refused(folder: Path) -> None:
    """A UTF-16 text without a mark holding few ASCII characters is not told from other bytes for certain:
    still refused, naming --encoding."""
    text = "姓名：张三\n测验：省域治理现代化学习测验第七次测验卷甲乙丙丁戊己庚辛壬癸\n十七：大都市人民利益至上依法治理可复制\n"
    code, scores, err = grade(folder, text.encode("utf-16-le"))
    assert (code, scores) == (1, {})
    assert err.startswith("s.txt: cannot tell the text encoding (not UTF-8, GB18030, Big5, UTF-16 or UTF-32; ")


# 5. A sheet far larger than any paper's ---------------------------------------------------------------------

SIZE_MESSAGE = (
    "{size:,} bytes, far more than an answer sheet holds (at most 1,048,576 bytes: a member's sheet is a few "
    "hundred lines); not read — is it the right file?"
)


@pytest.mark.parametrize(
    "body",
    [
        "# 这是注释 comment line\n" * 50_000,  # 20 MB of these took 16 s and 790 MB
        "".join(f"{n}. B\n" for n in range(1, 200_001)),  # 2 M numbered answers took 10.5 s
    ],
)
def test_a_sheet_far_larger_than_any_papers_is_refused_by_its_size(folder: Path, body: str) -> None:
    """A ``.txt`` sheet of more than 1 MiB (the shipped bank's whole 180-question paper is 38 KB) fails
    naming its size and the limit, before it is read whole; the folder's other sheet is graded (1 B: 5)."""
    answers = folder / "答卷"
    answers.mkdir()
    data = (HEAD + body).encode()
    (answers / "大.txt").write_bytes(data)
    (answers / "好.txt").write_text(HEAD + "1. B\n", encoding="utf-8")
    code, scores, err = grade_cli(str(answers), "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"张三": 5})
    assert f"{answers / '大.txt'}: {SIZE_MESSAGE.format(size=len(data))}\n" in err


def test_a_table_saved_as_txt_larger_than_a_sheet_is_still_read(folder: Path) -> None:
    """A tab-separated table (Excel's Unicode text) of 2,000 members, 1.2 MB, is no sheet: each row graded (the
    first all right: 100; the last 1–8 only: 40)."""
    header = "\t".join(["姓名", *map(str, range(1, 21)), "备注"])
    right = list(SEED7_RIGHT)
    note = "很长的备注" * 30
    rows = [f"党员{n}\t" + "\t".join([*right, note]) for n in range(1, 2000)]
    rows.append("党员2000\t" + "\t".join([*right[:8], *[""] * 12, note]))
    data = "\n".join([header, *rows, ""]).encode()
    assert len(data) > 1 << 20
    code, scores, _err = grade(folder, data, "t.txt")
    assert code == 0
    assert (len(scores), scores["党员1"], scores["党员2000"]) == (2000, 100, 40)


# 6. A range's run of singles run together, then multiples apart ----------------------------------------------


def test_a_ranges_singles_run_together_then_its_multiples_apart(folder: Path) -> None:
    """``6-10 DBC CD ABCE`` (6–8 single, 9–10 multiple) was 无法评分 ('holds 9 answers'): by the key's item
    types it is 6 D, 7 B, 8 C, 9 CD, 10 ABCE; ``11-14 ABD,ACD 错对`` likewise. 1–5 25 + 6–8 15 + 9–12 24 + 13–14
    8 = 72, no warning."""
    code, scores, err = grade(folder, HEAD + "1-5 BADAC\n6-10 DBC CD ABCE\n11-14 ABD,ACD 错对\n")
    assert (code, scores, err) == (0, {"张三": 72}, "")


def test_a_ranges_multiple_begun_inside_a_piece_is_not_graded(folder: Path) -> None:
    """``6-10 DB CCD ABCE``: question 9's answer would begin inside ``CCD`` — which letters are 8's and which
    9's is a guess: 无法评分 as before, naming the line."""
    code, scores, err = grade(folder, HEAD + "6-10 DB CCD ABCE\n")
    assert (code, scores) == (1, {})
    assert err.startswith(
        "s.txt:3: 张三: 无法评分 (not graded): line 3: 6-10 names 5 questions but 'DB CCD ABCE' holds 9 answers"
    )


@pytest.mark.parametrize(
    "head", [b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"], ids=["jpeg", "png"]
)
def test_a_picture_renamed_txt_is_named_as_no_text(folder: Path, head: bytes) -> None:
    """A photo or screenshot of the 答题卡 saved as ``.txt`` was told "cannot tell the text encoding … give
    --encoding", sending the secretary after an encoding (a new user's report); it is named as binary data, not
    text, with what an answer sheet is (a UTF-16 text without its mark, NULs and all, still gets the encoding
    message)."""
    data = head + bytes(range(256)) * 40
    code, scores, err = grade(folder, data, "照片.txt")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "照片.txt: this is a picture, not text; an answer sheet is typed as text (.txt), filled in Word (.docx) or a "
        "table (.csv, .xlsx) — type the answers from the photo into a .txt"
    )
