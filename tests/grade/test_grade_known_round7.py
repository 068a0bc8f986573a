"""Round 7: grading defects found and left by earlier rounds, and sheets new members wrote, each through
the CLI on a paper made with ``studykit quiz`` from the shipped bank, each score worked out by hand.

The standard paper (``--seed 7``): 1–8 single 5 points (B A D A C D B C), 9–12 multiple 6 points
(CD, ABCE, ABD, ACD), 13–16 true_false 4 points (错 对 对 对), 17–20 fill_blank 5 points (大都市,
人民利益至上, 依法治理, 可复制)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import grade_cli
from studykit.cli import main

BANK = Path(__file__).resolve().parents[2] / "question_bank.yaml"
QUIZ = "szzl-hubei-daily-7-0b3cb86e"
HEAD = f"姓名：张三\n测验：{QUIZ}\n"


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for out in ("测验.md", "测验.docx"):
        result = CliRunner().invoke(main, ["quiz", "--bank", str(BANK), "--seed", "7", "-o", str(folder / out)])
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture()
def folder(tmp_path: Path, papers: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for paper in papers.iterdir():
        (tmp_path / paper.name).write_bytes(paper.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def grade(folder: Path, text: str, name: str = "s.txt", encoding: str = "utf-8") -> tuple[int, dict[str, float], str]:
    """Write ``text`` as ``name`` and grade it against the paper's key."""
    (folder / name).write_bytes(text.encode(encoding))
    return grade_cli(name, "--key", "测验.key.yaml")


# 3. A note inside an answer ----------------------------------------------------------------------------


def test_a_note_after_an_answer_is_taken_off_scored_and_warned(folder: Path) -> None:
    """``大都市（不确定）`` was a wrong blank and ``B（不确定）`` unreadable; ``人民利益至上？`` right without a
    word. Each is read without its note (17 right, 18 right, 19 wrong: 依法治国 ≠ 依法治理, 1 right, 13 right),
    and each note is warned of: 5 + 5 + 0 + 5 + 4 = 19."""
    code, scores, err = grade(
        folder,
        HEAD + "1. B（不确定）\n13. 错(猜的)\n17. 大都市（不确定）\n18. 人民利益至上？\n19. 依法治国（我猜的）\n",
    )
    assert (code, scores) == (0, {"张三": 19})
    notes = [line for line in err.splitlines() if "has a note" in line]
    assert notes == [
        "s.txt:3: warning: 张三, question 1: the answer 'B(不确定)' has a note after it ('不确定'), which is not "
        "graded: read as 'B'",
        "s.txt:4: warning: 张三, question 13: the answer '错(猜的)' has a note after it ('猜的'), which is not "
        "graded: read as '错'",
        "s.txt:5: warning: 张三, question 17: the answer '大都市(不确定)' has a note after it ('不确定'), which is "
        "not graded: read as '大都市'",
        "s.txt:6: warning: 张三, question 18: the answer '人民利益至上?' has a note after it ('?'), which is not "
        "graded: read as '人民利益至上'",
        "s.txt:7: warning: 张三, question 19: the answer '依法治国(我猜的)' has a note after it ('我猜的'), which is "
        "not graded: read as '依法治国'",
    ]


def test_a_copied_stem_with_its_filled_bracket_is_no_note(folder: Path) -> None:
    """``…的（B）`` is the stem copied with its bracket filled: the answer B, no note warned of."""
    code, scores, err = grade(
        folder,
        HEAD + "1. 导语指出，推进省域治理现代化，是立足省域坚持和完善中国特色社会主义制度、推进国家治理体系和"
        "治理能力现代化的（ B ）\n",
    )
    assert (code, scores) == (0, {"张三": 5})
    assert "note" not in err


# 4. ㈠B and the labels of a name -----------------------------------------------------------------------


def test_parenthesised_ideographs_number_the_answers(folder: Path) -> None:
    """``㈠B`` (NFKC ``(一)B``) and ``（十三）错`` are questions 1 and 13; ``（一）单项选择题`` stays a heading:
    5 + 5 + 4 = 14, the heading the only line ignored."""
    code, scores, err = grade(folder, HEAD + "（一）单项选择题\n㈠B ㈡A\n（十三）错\n")
    assert (code, scores) == (0, {"张三": 14})
    assert [line for line in err.splitlines() if "ignored" in line] == [
        "s.txt:3: warning: line ignored: '(一)单项选择题' (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)"
    ]


@pytest.mark.parametrize("label", ["党员", "学员", "答题人", "党员姓名", "填写人", "党 员"])
def test_a_branch_forms_name_label_gives_the_name(folder: Path, label: str) -> None:
    """``党员：张三`` was ignored and the sheet graded as its file name; it is the member's name."""
    code, scores, err = grade(folder, f"{label}：张三\n测验：{QUIZ}\n1. B\n")
    assert (code, scores, err) == (0, {"张三": 5}, "")
