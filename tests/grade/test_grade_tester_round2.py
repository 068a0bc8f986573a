"""What a tester threw at ``studykit grade`` (second round): answer forms, files caught by a glob,
paths that are no file, sheets that do not name their quiz — through the CLI, exact stderr, exit and score."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.grade.normalize import read_answer
from studykit.key import AnswerKey, KeyItem, dump_key

#: Three items of the real bank, options as printed on a version B: 8 points.
PAPER = (
    KeyItem(
        1, "intro-04", "single", "intro", 2,
        "导语指出，推进省域治理现代化，是……的（　　）", ("C",), ("理论要求", "根本保证", "实践要求", "必然选择"),
        ("实践要求",),
    ),
    KeyItem(
        2, "tian-yipeng-01", "single", "tian-yipeng", 2, "田毅鹏在研讨会上的发言题目是（　　）", ("D",),
        ("把大数据融入智慧社区建设", "社会治理重心在城乡社区", "把握城市社会治理的关键要素", "以网格化推进社会治理精细化"),
        ("以网格化推进社会治理精细化",),
    ),
    KeyItem(
        3, "tian-yipeng-06", "multiple", "tian-yipeng", 4, "田毅鹏介绍，长春市积极探索的“三长制”包括（　　）",
        ("A", "C", "D"), ("楼栋长", "片区长", "网格长", "单元长"), ("楼栋长", "网格长", "单元长"),
    ),
)  # fmt: skip
QUIZ = "szzl-hubei-daily-7-3f2a9c1d"
FULL = ["C", "D", "ACD"]


@pytest.fixture()
def paper(key: AnswerKey) -> AnswerKey:
    return replace(key, quiz_id=QUIZ, version="", title="第一次测验", items=PAPER)


@pytest.fixture()
def folder(tmp_path: Path, paper: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "第一次测验.key.yaml").write_text(dump_key(paper), encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *args])
    return result.exit_code, result.stdout, result.stderr


def write_sheet(folder: Path, name: str, answers: list[str], head: str = f"测验：{QUIZ}\n") -> str:
    (folder / f"{name}.txt").write_text(
        f"姓名：{name}\n{head}" + "".join(f"{n}. {a}\n" for n, a in enumerate(answers, 1)), encoding="utf-8"
    )
    return f"{name}.txt"


def graded(*files: str) -> tuple[int, list[str], list[tuple[str, float]]]:
    """``(exit code, stderr lines, [(member, score)])`` of grading ``files`` with the paper's key."""
    code, out, err = run(*files, "--key", "第一次测验.key.yaml", "--format", "json")
    members = [(m["name"], m["score"]) for m in json.loads(out)["members"]] if out else []
    return code, err.splitlines(), members


# -- 1. a letter with a shortened option text; option texts joined by 、 -----------
@pytest.mark.parametrize(
    "answer",
    ["C 实践", "C 实践…", "C 实践要", "C实践要求", "C、实践要求", "C. 实践...", "C 实践。", "c 实践要求", "C 实…"],
)
def test_letter_with_its_option_text_cut_short_is_that_letter(folder: Path, answer: str) -> None:
    """`C 实践`, `C 实践…`, `C 实践要`, `C实践要求` on an item whose C is 实践要求 are C (they scored 0 as unreadable)."""
    sheet = write_sheet(folder, "甲", [answer, "D", "ACD"])
    assert graded(sheet) == (0, [], [("甲", 8)])


@pytest.mark.parametrize("answer", ["D 以网格化", "D 网格化", "D 以网格化推进…", "D以网格化推进社会治理精细化"])
def test_letter_with_an_abbreviation_of_its_option_is_that_letter(folder: Path, answer: str) -> None:
    """A text whose characters are the option's, in order (`网格化` for 以网格化推进社会治理精细化), confirms the letter."""
    sheet = write_sheet(folder, "甲", ["C", answer, "ACD"])
    assert graded(sheet) == (0, [], [("甲", 8)])


@pytest.mark.parametrize(
    ("answer", "shown", "named", "score"),
    [
        ("A 实践", "实践", "C", 8),
        ("A实践要求", "实践要求", "C", 8),
        ("C 理论…", "理论...", "A", 6),
        ("B 必然选择", "必然选择", "D", 6),
    ],
)
def test_letter_with_another_options_text_warns_and_counts_the_text(
    folder: Path, answer: str, shown: str, named: str, score: float
) -> None:
    """A letter followed by (the start of) another option's text: the text's option counts, with the doubt warning."""
    sheet = write_sheet(folder, "甲", [answer, "D", "ACD"])
    letter = answer[0]
    assert graded(sheet) == (
        0,
        [
            f"甲.txt:3: warning: 甲, question 1: the letter {letter} and the text {shown!r} name different options; "
            f"counted as {named}, the option the text names"
        ],
        [("甲", score)],
    )


@pytest.mark.parametrize(("answer", "letter", "score"), [("C 实际要求", "C", 8), ("A 实行", "A", 6)])
def test_letter_with_a_text_of_no_option_is_the_letter_with_a_warning(
    folder: Path, answer: str, letter: str, score: float
) -> None:
    """A letter followed by a text that is no option's (a typo, another wording): the letter counts, and a warning
    says the text was not recognised (it scored 0 as unreadable)."""
    sheet = write_sheet(folder, "甲", [answer, "D", "ACD"])
    text = answer[2:]
    assert graded(sheet) == (
        0,
        [
            f"甲.txt:3: warning: 甲, question 1: the text {text!r} after the letter {letter} is not the text of any "
            f"option; counted as {letter}, the letter written"
        ],
        [("甲", score)],
    )


def test_letter_with_a_text_fitting_several_other_options(folder: Path) -> None:
    """`A 要求` fits A (理论要求) and C: the letter is confirmed.  `B 要求` fits A and C but not B: the letter counts,
    with a warning naming the options the text fits."""
    sheet = write_sheet(folder, "甲", ["B 要求", "D", "ACD"])
    assert graded(sheet) == (
        0,
        [
            "甲.txt:3: warning: 甲, question 1: the text '要求' after the letter B fits options A、C, not B; "
            "counted as B, the letter written"
        ],
        [("甲", 6)],
    )
    assert read_answer("A 要求", PAPER[0]).choices == ("A",)


def test_letters_are_never_read_as_a_letter_and_a_text(folder: Path) -> None:
    """`A、C、D`, `A. C. D`, `A C D` stay three letters; `A 和 C` (a letter in the text) stays unreadable."""
    sheet = write_sheet(folder, "甲", ["C", "D", "A、C、D"])
    other = write_sheet(folder, "乙", ["C", "D", "A. C. D"])
    third = write_sheet(folder, "丙", ["C", "D", "A 和 C"])
    code, err, members = graded(sheet, other, third)
    assert (code, members) == (0, [("甲", 8), ("乙", 8), ("丙", 4)])
    assert err == [
        "丙.txt:5: warning: 丙, question 3: cannot read answer 'A 和 C': expected letters A–D or option texts; scored 0"
    ]


@pytest.mark.parametrize("answer", ["楼栋长、网格长、单元长", "网格长，楼栋长，单元长", "“楼栋长”、“网格长”、“单元长”"])
def test_multiple_choice_as_option_texts_joined(folder: Path, answer: str) -> None:
    """Option texts joined by 、 (or ，) are read as those options when every part is exactly one option's text."""
    sheet = write_sheet(folder, "甲", ["C", "D", answer])
    assert graded(sheet) == (0, [], [("甲", 8)])


@pytest.mark.parametrize("answer", ["楼栋长、网格", "楼栋长、网格长、组长"])
def test_option_texts_joined_with_a_part_of_no_option_are_unreadable(folder: Path, answer: str) -> None:
    """A joined part that is no option's whole text is not guessed at: unreadable, scored 0 with a warning."""
    sheet = write_sheet(folder, "甲", ["C", "D", answer])
    assert graded(sheet) == (
        0,
        [f"甲.txt:5: warning: 甲, question 3: cannot read answer {answer!r}: expected letters A–D or option texts; "
         "scored 0"],
        [("甲", 4)],
    )  # fmt: skip


# -- 2. the key and earlier reports caught by a glob ------------------------------
def test_the_key_caught_by_a_glob_is_left_out_with_a_warning(folder: Path) -> None:
    """`grade *.yaml 甲.txt --key 第一次测验.key.yaml`: the key is named and left out; exit 0 (it exited 1)."""
    sheet = write_sheet(folder, "甲", FULL)
    assert graded("第一次测验.key.yaml", sheet) == (
        0,
        [
            "第一次测验.key.yaml:1: warning: this is a studykit answer key (studykit_key), not members' answers; "
            "left out (give it with --key)"
        ],
        [("甲", 8)],
    )


@pytest.mark.parametrize(("report", "line"), [("成绩.csv", 1), ("成绩.txt", 1)])
def test_an_earlier_report_caught_by_a_glob_is_left_out_with_a_warning(folder: Path, report: str, line: int) -> None:
    """The CSV or text report of an earlier run, caught by a glob, is named and left out; exit 0 (it exited 1)."""
    sheet = write_sheet(folder, "甲", FULL)
    assert run(sheet, "--key", "第一次测验.key.yaml", "-o", report)[0] == 0
    what = "columns 名次, 得分, 满分, 百分比, 结果" if report.endswith(".csv") else "the text report, headed 测验成绩"
    assert graded(report, sheet) == (
        0,
        [f"{report}:{line}: warning: this is a studykit grade report ({what}), not members' answers; left out"],
        [("甲", 8)],
    )


def test_only_the_key_is_still_an_error(folder: Path) -> None:
    """Nothing graded at all (only the key was given) is still an error."""
    code, _, err = run("第一次测验.key.yaml", "--key", "第一次测验.key.yaml")
    assert code == 1
    assert err.splitlines()[-1] == "Error: no answers could be graded"


# -- 3. a folder or an unmatched glob -------------------------------------------
@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("answers", "is a folder holding no answer file (expected .txt, .yaml, .csv, .xlsx or .docx files in it)"),
        ("answers.txt", "is a folder holding no answer file (expected .txt, .yaml, .csv, .xlsx or .docx files in it)"),
        ("乙.txt", "file not found"),
        ("乙.docx", "file not found"),
        ("*.nomatch", "file not found (a pattern that matched nothing?)"),
        ("answers/*.answers.txt", "file not found (a pattern that matched nothing?)"),
        ("s?.txt", "file not found (a pattern that matched nothing?)"),
    ],
)
def test_a_folder_or_a_missing_file_says_so(folder: Path, given: str, reason: str) -> None:
    """A folder or a missing file is named as such (it said `unknown kind of file (expected .txt …)`); the rest
    are graded, exit 1."""
    (folder / "answers").mkdir()
    (folder / "answers.txt").mkdir()
    sheet = write_sheet(folder, "甲", FULL)
    assert graded(given, sheet) == (
        1,
        [
            f"{given}: {reason}",
            f"Error: not everything could be graded: {given} (see above); the report covers the rest",
        ],
        [("甲", 8)],
    )


def test_a_named_pipe_is_not_a_regular_file(folder: Path) -> None:
    """A FIFO named like a table is no file to read (it said `file not found`)."""
    import os

    os.mkfifo(folder / "p.csv")
    sheet = write_sheet(folder, "甲", FULL)
    assert graded("p.csv", sheet)[:2] == (
        1,
        [
            "p.csv: not a regular file",
            "Error: not everything could be graded: p.csv (see above); the report covers the rest",
        ],
    )


# -- 4. a sheet that does not say which quiz it is; Traditional labels ---------------
def test_a_sheet_without_quiz_line_is_graded_with_a_warning(folder: Path) -> None:
    """A sheet with no 测验： line is graded against the key given, with one warning saying so (another quiz's key
    gave 0 with only item warnings); a YAML sheet without quiz likewise; two such sheets give one note for the
    batch (issue 11), not one each."""
    sheet = write_sheet(folder, "甲", FULL, head="")
    (folder / "乙.yaml").write_text("姓名: 乙\nanswers:\n  1: C\n  2: D\n  3: ACD\n", encoding="utf-8")
    assert graded(sheet, "乙.yaml") == (
        0,
        [
            f"甲.txt: warning: 2 sheets do not say which quiz they are (no 测验： line): 甲.txt, 乙.yaml; "
            f"each is graded with the key of quiz {QUIZ}"
        ],
        [("甲", 8), ("乙", 8)],
    )
    assert graded("乙.yaml") == (
        0,
        [f"乙.yaml: warning: 乙: the sheet does not say which quiz it is (no quiz: field); graded with the key of "
         f"quiz {QUIZ}"],
        [("乙", 8)],
    )  # fmt: skip


def test_a_sheet_with_a_blank_quiz_line_warns_too(folder: Path) -> None:
    """`测验：` left blank says no more than no line."""
    sheet = write_sheet(folder, "甲", FULL, head="测验：\n")
    assert graded(sheet) == (
        0,
        [f"甲.txt: warning: 甲: the sheet does not say which quiz it is (no 测验： line); graded with the key of "
         f"quiz {QUIZ}"],
        [("甲", 8)],
    )  # fmt: skip


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_traditional_labels_are_read(folder: Path, encoding: str) -> None:
    """A sheet in Traditional characters (測驗：, 姓名：, 版本：, 第1題) is read like 测验： (its 測驗 line was
    ignored with a warning); the quiz it names is checked."""
    text = f"姓名：陳文\n測驗：{QUIZ}\n版本：\n第1題 C\n第2題 D\n第3題 ACD\n"
    (folder / "陳文.txt").write_bytes(text.encode(encoding))
    (folder / "林.txt").write_bytes(text.replace("陳文", "林").replace(QUIZ, "第二次測驗").encode(encoding))
    code, _, err = run("陳文.txt", "林.txt", "--key", "第一次测验.key.yaml", "--encoding", encoding)
    assert (code, err.splitlines()) == (
        1,
        [
            f"林.txt:2: the sheet is for quiz '第二次測驗' but the key is for {QUIZ!r} (grade it with that quiz's key)",
            "Error: not everything could be graded: 林.txt (see above); the report covers the rest",
        ],
    )
    assert graded("陳文.txt") == (0, [], [("陳文", 8)])


def test_traditional_table_columns_are_read(folder: Path) -> None:
    """A table headed 測驗 and 第1題 … (Traditional) has its quiz column checked per row and its questions matched
    (測驗 was an ignored column and 第1題 no question)."""
    (folder / "支部.csv").write_text(
        f"姓名,測驗,第1題,第2題,第3題\n甲,{QUIZ},C,D,ACD\n乙,第二次測驗,C,D,ACD\n", encoding="utf-8"
    )
    assert graded("支部.csv") == (
        1,
        [
            f"支部.csv:3: 乙: the row is for quiz '第二次測驗' but the key is for {QUIZ!r} (grade it with that quiz's key)",
            "Error: not everything could be graded: 支部.csv (see above); the report covers the rest",
        ],
        [("甲", 8)],
    )
