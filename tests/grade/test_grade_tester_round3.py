"""A branch secretary's third round on ``studykit grade``: answers as members type them on phones
(option texts apart by spaces, letters with texts, section labels), through the CLI, exact score."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_grade_tester_round2 import PAPER, QUIZ

from studykit.cli import main
from studykit.key import AnswerKey, dump_key


@pytest.fixture()
def folder(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    paper = replace(key, quiz_id=QUIZ, version="", title="第一次测验", items=PAPER)
    (tmp_path / "k.key.yaml").write_text(dump_key(paper), encoding="utf-8")
    return tmp_path


def grade(folder: Path, text: str) -> tuple[int, str, str]:
    (folder / "s.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", "s.txt", "--format", "json"])
    return result.exit_code, result.stdout, result.stderr


def score(stdout: str) -> float:
    import json

    return float(json.loads(stdout)["members"][0]["score"])


@pytest.mark.parametrize(
    "answer",
    ["楼栋长 网格长 单元长", "A.楼栋长 C.网格长 D.单元长", "楼栋长 C.网格长 单元长", "A 楼栋长  C 网格长  D 单元长"],
)
def test_multiple_as_option_texts_apart_by_spaces_scores_full(folder: Path, answer: str) -> None:
    """Option texts (or letters with their texts) apart by white space read as those options: 8/8, no warning."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n1. C\n2. D\n3. {answer}\n")
    assert (code, err) == (0, "")
    assert score(out) == 8


def test_spaced_pieces_that_are_no_option_stay_unreadable(folder: Path) -> None:
    """A piece that is no option's whole text (``楼栋 网格长``) is not guessed: unreadable, 0 for the item."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n1. C\n2. D\n3. 楼栋 片长 单元长\n")
    assert (code, score(out)) == (0, 4)
    assert "cannot read answer '楼栋 片长 单元长'" in err


@pytest.mark.parametrize(
    "lines",
    [
        "单选：1.C 2.D\n多选：3.ACD\n",
        "一、单选题 1-2 CD\n二、多选题 3. ACD\n",
        "单选1-2：CD\n多選 3.ACD\n",
        "答案：1-2 CD\n3. ACD\n",
        "我的答案：1.C 2.D 3.ACD\n",
    ],
)
def test_section_labels_before_answers_are_read(folder: Path, lines: str) -> None:
    """A section's label before numbered answers or a range (``多选：9.BD``, ``单选1-2：CD``) is no answer: 8/8."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n{lines}")
    assert (code, err) == (0, "")
    assert score(out) == 8


def test_name_then_answers_on_the_first_line(folder: Path) -> None:
    """``秦一 单选1-2:CD`` on the first line: the member 秦一 and two answers (they were ignored: 4/8, exit 0)."""
    (folder / "s.txt").write_text(f"秦一 单选1-2:CA\n测验：{QUIZ}\n3. ACD\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", "s.txt", "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert score(result.stdout) == 6
    assert '"name": "秦一"' in result.stdout or "秦一" in result.stdout


def test_first_line_with_a_range_no_form_reads_is_not_graded(folder: Path) -> None:
    """A first line ``秦一 单选1-2:CDX`` (a run too long) leaves the sheet ungraded, exit 1 — never a lower score."""
    (folder / "s.txt").write_text(f"秦一 单选1-2:CDX\n测验：{QUIZ}\n3. ACD\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", "s.txt"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "s.txt:1: 秦一: 无法评分 (not graded): line 1: 1-2 names 2 questions but 'CDX' holds 3 answers"
    )


def _table(folder: Path, name: str, rows: list[list[str]], encoding: str = "utf-8-sig") -> tuple[int, str, str]:
    import csv
    import io

    buf = io.StringIO(newline="")
    csv.writer(buf).writerows(rows)
    (folder / name).write_bytes(buf.getvalue().encode(encoding))
    result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", name, "--format", "json"])
    return result.exit_code, result.stdout, result.stderr


def _scores(stdout: str) -> list[tuple[str, float]]:
    import json

    return [(m["name"], m["score"]) for m in json.loads(stdout)["members"]]


def test_wjx_by_number_option_columns_after_a_name_question(folder: Path) -> None:
    """问卷星 按选项序号 heads a multiple's columns ``4(楼栋长)`` by its own numbering (the name question is 1):
    read as item 3's options — 8 and 2 by hand (it was "no column for question 3", nobody graded)."""
    stems = [f"{n}、{it.stem.replace('（　　）', '（ ）')}" for n, it in enumerate(PAPER[:2], 2)]
    head = ["序号", "提交答卷时间", "1、您的姓名：", *stems, "4(楼栋长)", "4(片区长)", "4(网格长)", "4(单元长)"]
    rows = [head, ["1", "2026/12/5", "甲", "3", "4", "1", "0", "1", "1"], ["2", "2026/12/5", "乙", "3", "1", *"1111"]]
    code, out, err = _table(folder, "wjx.csv", rows, "gbk")
    assert code == 0
    assert _scores(out) == [("甲", 8), ("乙", 2)]
    assert err == (
        "wjx.csv:1: warning: the choice cells hold option numbers (a 问卷星 download by option number, 按选项序号): "
        "read 1 as A, 2 as B, … (a true-or-false item's 1 as 对, 2 as 错); -3 (skipped) and -2 (not shown) "
        "as unanswered\n"
    )


def test_tencent_option_columns_holding_the_option_text(folder: Path) -> None:
    """腾讯问卷 spreads a multiple over one column per option holding the option's text when chosen: ticked
    (it read 'A=楼栋长', unreadable, 0 for a right answer)."""
    stems = [f"{n}.{it.stem}" for n, it in enumerate(PAPER, 2)]
    head = ["编号", "1.您的姓名", *stems[:2], *(f"{stems[2]}:{o}" for o in PAPER[2].options)]
    rows = [
        head,
        ["1", "丙", "实践要求", "以网格化推进社会治理精细化", "楼栋长", "", "网格长", "单元长"],
        ["2", "丁", "根本保证", "以网格化推进社会治理精细化", "楼栋长", "", "", "单元长"],
    ]
    code, out, err = _table(folder, "tencent.csv", rows)
    assert (code, err) == (0, "")
    assert _scores(out) == [("丙", 8), ("丁", 2)]


def test_workbook_with_a_note_sheet_before_the_answers(folder: Path) -> None:
    """A workbook whose first worksheet is a note (说明) and whose second holds the answers: the second is
    graded, 8/8, with one warning naming the sheet passed over (it was "no column matches", nobody graded)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本表为第一次测验成绩导出"])
    ws = wb.create_sheet("答卷数据")
    ws.append(["姓名", "1", "2", "3"])
    ws.append(["赵一", "C", "D", "ACD"])
    wb.save(folder / "b.xlsx")
    result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", "b.xlsx", "--format", "json"])
    assert (result.exit_code, result.stderr) == (
        0,
        "b.xlsx: warning: worksheet '说明' holds no table of the key's questions; reading worksheet '答卷数据'\n",
    )
    assert _scores(result.stdout) == [("赵一", 8)]


@pytest.mark.parametrize("version", ["B卷", "b 卷", "Ｂ", "卷B", "B版"])
def test_version_written_with_juan(
    tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch, version: str
) -> None:
    """``版本：B卷`` (and ``b 卷``, ``Ｂ``, ``卷B``, ``B版``) is version B, with one key or the keys of A and B:
    8/8 (it was "the sheet is version 'B卷' but the keys are for versions A, B", not graded)."""
    monkeypatch.chdir(tmp_path)
    for v in "AB":
        paper = replace(key, quiz_id=QUIZ, version=v, title="第一次测验", items=PAPER)
        (tmp_path / f"{v}.key.yaml").write_text(dump_key(paper), encoding="utf-8")
    (tmp_path / "s.txt").write_text(
        f"姓名：张三\n测验：{QUIZ}\n版本：{version}\n1. C\n2. D\n3. ACD\n", encoding="utf-8"
    )
    for keys in (["--key", "B.key.yaml"], ["--key", "A.key.yaml", "--key", "B.key.yaml"]):
        result = CliRunner().invoke(main, ["grade", *keys, "s.txt", "--format", "json"])
        assert result.exit_code == 0, result.stderr
        assert _scores(result.stdout) == [("张三", 8)]


def test_traditional_true_false_marks_give_no_note(folder: Path) -> None:
    """``對``/``錯`` for a 判断题 are marks read as written: no "read in Simplified characters" note per item
    (four notes on a sheet in Traditional script were noise); a blank's folding is still noted."""
    from studykit.grade.normalize import read_answer

    truth = replace(PAPER[0], type="true_false", answer=("true",), options=(), correct=())
    blank = replace(PAPER[0], type="fill_blank", answer=("网格化",), options=(), correct=())
    assert read_answer("對", truth).warning == ""
    assert read_answer("對", truth).choices == ("true",)
    assert read_answer("網格化", blank).warning == "read in Simplified characters: '網格化' as '网格化'"


def test_answer_on_the_line_under_its_number(folder: Path) -> None:
    """``1.`` then ``C`` on the next line (a phone's line break): C is question 1's answer, 8/8 (the sheet was
    left ungraded: "answers without question numbers ('C')"); a remark under a choice's number is not taken."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n1.\nC\n2.\nD\n3.\nA、C、D\n")
    assert (code, err) == (0, "")
    assert score(out) == 8
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n1. C\n2. D\n3.\n以上是我的答案\n")
    assert (code, score(out)) == (0, 4)
    assert (
        err == "s.txt:6: warning: line ignored: '以上是我的答案' (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)\n"
    )


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("A.对", "true"), ("B. 错", "false"), ("✔️", "true"), ("✅", "true"), ("❌", "false"),
        ("对的", "true"), ("不对", "false"), ("不正确", "false"), ("错的", "false"), ("是的", "true"),
    ],
)  # fmt: skip
def test_true_false_as_typed_on_phones(text: str, read: str) -> None:
    """A survey's ``A.对``, a phone's ``✔️`` (with its emoji selector), ``✅``/``❌`` and ``对的``/``不对`` are read
    (each was unreadable, 0 for a right answer)."""
    from studykit.grade.normalize import read_answer

    truth = replace(PAPER[0], type="true_false", answer=("true",), options=(), correct=())
    assert read_answer(text, truth).choices == (read,)


@pytest.mark.parametrize("text", ["A", "B", "at", "A.对错", "不"])
def test_true_false_letters_alone_stay_unreadable(text: str) -> None:
    """A letter alone, or a letter before no single mark, is not guessed to be 对 or 错."""
    from studykit.grade.normalize import read_answer

    truth = replace(PAPER[0], type="true_false", answer=("true",), options=(), correct=())
    assert read_answer(text, truth).kind == "unreadable"


def test_run_of_emoji_marks(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> None:
    """``1-3 ✔️✔️❌`` (phone emoji, each with its selector U+FE0F) is a run of three marks: 3 of 3 right
    (it was "1-3 names 3 questions but '✔️✔️❌' holds 1 answers", the sheet not graded)."""
    monkeypatch.chdir(tmp_path)
    items = tuple(
        replace(PAPER[0], number=n, type="true_false", answer=(a,), options=(), correct=(), points=1)
        for n, a in ((1, "true"), (2, "true"), (3, "false"))
    )
    paper = replace(key, quiz_id=QUIZ, version="", title="判断", items=items)
    (tmp_path / "k.key.yaml").write_text(dump_key(paper), encoding="utf-8")
    for run in ("✔️✔️❌", "✅✅❎"):
        (tmp_path / "s.txt").write_text(f"姓名：张三\n测验：{QUIZ}\n1-3 {run}\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["grade", "--key", "k.key.yaml", "s.txt", "--format", "json"])
        assert (result.exit_code, result.stderr) == (0, "")
        assert _scores(result.stdout) == [("张三", 3)]


@pytest.mark.parametrize(
    "lines",
    [
        "1. 导语指出，推进省域治理现代化，是……的（C）\n2. 田毅鹏在研讨会上的发言题目是（ D ）\n"
        "3. 田毅鹏介绍，长春市积极探索的“三长制”包括（ACD）。\n",
        "1. 导语指出推进省域治理现代化是的(c)\n2. D\n3. “三长制”包括（A、C、D）\n",
    ],
)
def test_stem_copied_with_the_answer_in_its_brackets(folder: Path, lines: str) -> None:
    """A member who copies each stem and writes the letter in its brackets scores what the letters score:
    8/8 (each was unreadable, 0)."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n{lines}")
    assert (code, err) == (0, "")
    assert score(out) == 8


def test_bracket_after_other_text_is_not_read_as_the_answer(folder: Path) -> None:
    """A bracket after words that are not the stem's (``我选的是（C）``? ``不确定(C)``) is not taken."""
    code, out, err = grade(folder, f"姓名：张三\n测验：{QUIZ}\n1. 完全不确定(C)\n2. D\n3. ACD\n")
    assert (code, score(out)) == (0, 6)
    assert "question 1: cannot read answer '完全不确定(C)'" in err


def test_blank_written_out_in_its_sentence() -> None:
    """``来自省内外的多位专家学者围绕主题进行了深入研讨。`` (the stem written out, the blank filled) reads as
    省内外; ``来自省外的……`` as 省外; a bare answer is read as it is."""
    from studykit.grade.normalize import read_answer

    blank = replace(
        PAPER[0], type="fill_blank", stem="来自____的多位专家学者围绕主题进行了深入研讨。", answer=("省内外",),
        options=(), correct=(),
    )  # fmt: skip
    assert read_answer("来自省内外的多位专家学者围绕主题进行了深入研讨。", blank).choices == ("省内外",)
    assert read_answer("来自__省内外__的多位专家学者围绕主题进行了深入研讨", blank).choices == ("省内外",)
    assert read_answer("来自省外的多位专家学者围绕主题进行了深入研讨。", blank).choices == ("省外",)
    assert read_answer("省内外", blank).choices == ("省内外",)
