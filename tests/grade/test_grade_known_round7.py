"""Round 7: grading defects found and left by earlier rounds, and sheets new members wrote, each through
the CLI on a paper made with ``studykit quiz`` from the shipped bank, each score worked out by hand.

The standard paper (``--seed 7``): 1–8 single 5 points (B A D A C D B C), 9–12 multiple 6 points
(CD, ABCE, ABD, ACD), 13–16 true_false 4 points (错 对 对 对), 17–20 fill_blank 5 points (大都市,
人民利益至上, 依法治理, 可复制)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import SEED7_RIGHT, grade_cli
from gradekit import SHIPPED as BANK
from studykit.cli import main

QUIZ = "szzl-hubei-daily-7-0b3cb86e"
HEAD = f"姓名：张三\n测验：{QUIZ}\n"


@pytest.fixture()
def folder(paper_folder: Path) -> Path:
    """The shipped bank's standard paper, its key and 答题卡 in the working folder (conftest)."""
    return paper_folder


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


# 1. Options ticked on a text copy of the paper -----------------------------------------------------------

_TICKS = {1: "C", 2: "A", 3: "D", 4: "A", 5: "C", 6: "D", 7: "B", 8: "C", 9: "CD", 10: "ABCE", 11: "ABD", 12: "ACD"}


def _paper_text(folder: Path, *, markdown: bool) -> list[str]:
    """The paper ``studykit quiz`` wrote (``测验.md``) as its lines: as written, or as the .docx's text pasted
    (no Markdown escapes, no ``#``)."""
    text = (folder / "测验.md").read_text(encoding="utf-8")
    if not markdown:
        text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace("\\\n", "\n").replace("# ", "").replace("#", "")
    return text.splitlines()


def _ticked(lines: list[str], tick: str, ticks: dict[int, str]) -> str:
    """``lines`` (the paper) with 姓名 filled, each option of ``ticks`` marked in the style ``tick``, the
    判断题 13 bracket filled with 对 and 17's blank with 大都市."""
    out: list[str] = []
    number = 0
    for line in lines:
        head = re.match(r"^(\d+)\\?\. ", line)
        number = int(head.group(1)) if head else number
        if line.startswith("姓名："):
            line = line.replace(line.split("　")[0], "姓名：张三")
        elif head and number == 13:
            line = line.replace("（　　）", "（ 对 ）")
        elif head and number == 17:
            line = re.sub(r"(\\_){8}|_{8}", "大都市", line)
        elif re.match(r"^[A-E]\. ", line) and number in ticks:
            escaped = line.endswith("\\")
            pieces = [p for p in re.split(r"　", line.removesuffix("\\")) if p]
            marked = []
            for piece in pieces:
                letter = piece[0]
                chosen = letter in ticks[number]
                marked.append(
                    {
                        "pre": "√" + piece if chosen else piece,
                        "post": piece + " √" if chosen else piece,
                        "box": ("[x] " if chosen else "[ ] ") + piece,
                        "square": ("■" if chosen else "□") + piece,
                        "after-letter": letter + "✔" + piece[1:] if chosen else piece,
                        "bracket": piece + "（√）" if chosen else piece,
                    }[tick]
                )
            line = "　".join(marked) + ("\\" if escaped else "")
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("markdown", [True, False], ids=["quiz.md", "docx-pasted"])
@pytest.mark.parametrize("tick", ["pre", "post", "box", "square", "after-letter", "bracket"])
def test_options_ticked_on_a_text_copy_of_the_paper_are_the_answers(folder: Path, tick: str, markdown: bool) -> None:
    """The paper copied as text with the chosen options marked in place (``√A. …``, ``A. … √``, ``[x] B. …``,
    ``■B``, ``B✔``, ``B. …（√）``) was scored 0 for every choice. The ticks are the answers: 1 wrong (C), 2–8
    right 35, 9–12 right 24, 13 filled 对 (wrong), 14–16 left empty, 17 filled right 5, 18–20 left empty
    → 64, with no warning."""
    text = _ticked(_paper_text(folder, markdown=markdown), tick, _TICKS)
    code, scores, err = grade(folder, text)
    assert (code, scores, err) == (0, {"张三": 64}, "")


def test_a_mark_between_two_options_takes_the_side_of_the_sheets_other_marks(folder: Path) -> None:
    """``A. 理论要求 √ B. 实践要求`` ticks A or B; on a sheet whose other marks stand before their letters
    (``√A. 党员生活``) it ticks B: 1 right, 2 right, 17 right → 15; after their options, A: 17 right → 5."""
    lines = _paper_text(folder, markdown=False)
    text = _ticked(lines, "pre", {2: "A"}).replace("A. 理论要求　B. 实践要求", "A. 理论要求 √ B. 实践要求")
    assert (grade(folder, text)[:2]) == (0, {"张三": 15})
    text = _ticked(lines, "post", {2: "B"}).replace("A. 理论要求　B. 实践要求", "A. 理论要求 √ B. 实践要求")
    assert (grade(folder, text)[:2]) == (0, {"张三": 5})  # marks after their options: 1 is A, 2 is B


def test_a_mark_between_two_options_on_a_sheet_that_does_not_tell_is_not_graded(folder: Path) -> None:
    """The only mark of the sheet stands between A and B: which it ticks cannot be told."""
    text = _ticked(_paper_text(folder, markdown=False), "pre", {}).replace(
        "A. 理论要求　B. 实践要求", "A. 理论要求 √ B. 实践要求"
    )
    code, scores, err = grade(folder, text)
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:12: 无法评分 (not graded): line 12: under question 1 a mark stands between options A and B and the "
        "sheet's other marks do not tell which it ticks — put it right before the letter (√B.) or right after the "
        "option"
    )


def test_a_filled_bracket_and_another_tick_under_it_is_not_graded(folder: Path) -> None:
    """Question 1's bracket says B and C is ticked under it: which is the answer cannot be told."""
    text = _ticked(_paper_text(folder, markdown=False), "pre", {1: "C"}).replace(
        "能力现代化的（　　）", "能力现代化的（ B ）", 1
    )
    code, scores, err = grade(folder, text)
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:12: 无法评分 (not graded): line 12: question 1's bracket holds B but C is ticked under it; "
        "which is the answer cannot be told — keep one"
    )


def test_marks_before_the_letter_on_the_docx_paper(folder: Path) -> None:
    """The .docx paper reads the same marks: ``√B.`` under 1 (B, right), ``[x] A.`` under 2 (A, right), ``■C``
    and ``■D`` under the multiple 9 (CD, right): 5 + 5 + 6 = 16, no warning."""
    from docx import Document

    document = Document(str(folder / "测验.docx"))
    paragraphs = document.paragraphs
    assert paragraphs[6].text.startswith("A. 理论要求\tB. 实践要求") and paragraphs[27].text.startswith("A. 企业自律")
    paragraphs[1].text = "姓名：张三"
    paragraphs[6].text = "A. 理论要求\t√B. 实践要求\tC. 必然选择\tD. 根本保证"
    paragraphs[8].text = "[x] A. 党员生活\t[ ] B. 理论周刊\t[ ] C. 思想者\t[ ] D. 党建之窗"
    paragraphs[27].text = "□A. 企业自律\t□B. 市场调节\t■C. 居民自治\t■D. 社会调节"
    document.save(str(folder / "张三.docx"))
    assert grade_cli("张三.docx", "--key", "测验.key.yaml") == (0, {"张三": 16}, "")


# 2. Answers without question numbers -------------------------------------------------------------------


@pytest.fixture()
def short_paper(folder: Path) -> str:
    """A paper of 6 单选 (5 points: B A A C D C) and 4 判断 (4 points: 对 对 错 对), 46 points; its key's name."""
    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(BANK), "--mix", "single=6,true_false=4", "--seed", "7", "-o", "短.md"]
    )
    assert result.exit_code == 0, result.output
    key = (folder / "短.key.yaml").read_text(encoding="utf-8")
    assert "quiz_id: szzl-hubei-daily-7-dad52ed0" in key and "total_points: 46" in key
    return "短.key.yaml"


@pytest.mark.parametrize(
    ("lines", "score"),
    [
        ("BAACDC对对错对", 46),
        ("B A A C D A\n√√××", 37),  # 6 wrong (A), 10 wrong (×)
        ("baacdc 正确 对 错误 对", 46),
    ],
)
def test_answers_without_numbers_on_a_paper_of_one_character_answers_read_in_paper_order(
    folder: Path, short_paper: str, lines: str, score: int
) -> None:
    """On a paper whose every question takes one letter or 对/错 mark, ``BAACDC对对错对`` (10 answers for its 10
    questions) was 无法评分; it is read in paper order, with a warning saying so."""
    (folder / "s.txt").write_text(f"张三\n测验：szzl-hubei-daily-7-dad52ed0\n{lines}\n", encoding="utf-8")
    code, scores, err = grade_cli("s.txt", "--key", short_paper)
    rows = lines.count("\n") + 1
    said = "line 3" if rows == 1 else "lines 3, 4"
    assert (code, scores) == (0, {"张三": score})
    assert err == (
        f"s.txt:3: warning: answers without question numbers ({said}) read in paper order: 10 answers for "
        "questions 1–10, as many as the paper has — number them to be sure\n"
    )


def test_answers_without_numbers_of_another_count_are_not_graded(folder: Path, short_paper: str) -> None:
    """Six letters for a paper of ten questions: 无法评分, saying how many were expected and found."""
    (folder / "s.txt").write_text("姓名：张三\n测验：szzl-hubei-daily-7-dad52ed0\nBAACDC\n", encoding="utf-8")
    code, scores, err = grade_cli("s.txt", "--key", short_paper)
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:3: 张三: 无法评分 (not graded): line 3: answers without question numbers ('BAACDC'): the paper has 10 "
        "questions but the sheet holds 6 answers, which read in paper order do not come out even; which answer "
        "belongs to which question cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges "
        "(1-5 DCBAD)"
    )


def test_answers_without_numbers_on_a_paper_with_multiples_and_blanks_are_not_graded(folder: Path) -> None:
    """The standard paper has 多选 and 填空: where one multiple's letters end cannot be told, even when the pieces
    come out even (the issue-11 rule) — 无法评分, naming the questions that take more than one character."""
    code, scores, err = grade(folder, HEAD + "BADACDBC CD ABCE ABD ACD 错对对对 大都市 人民利益至上 依法治理 可复制\n")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:3: 张三: 无法评分 (not graded): line 3: answers without question numbers ('BADACDBC CD ABCE ABD ACD "
        "错对对对 大都市 人民利益至上…'): such answers are read in paper order only on a paper whose every question "
        "takes one letter or 对/错 mark (单选, 判断), and this paper has questions 9–12 (多选), 17–20 (填空); which "
        "answer belongs to which question cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges "
        "(1-5 DCBAD)"
    )


# New members' sheets -----------------------------------------------------------------------------------

ALL = list(SEED7_RIGHT)


def _quiet(err: str) -> list[str]:
    """``err``'s lines but the note that the sheet does not say its quiz (a phone note never does)."""
    return [line for line in err.splitlines() if "does not say which quiz" not in line]


@pytest.mark.parametrize(
    "first", ["张三的答案", "张三答题卡", "张三（第一党支部）", "张三 一支部", "姓名张三", "张三的答案如下："]
)
def test_a_phone_notes_first_line_gives_the_name(folder: Path, first: str) -> None:
    """``张三的答案`` (then ``答案：`` and the answers) was ignored and the sheet graded as its file name; it is
    the member's name, and the heading ``答案：`` holds nothing to warn of. All right: 100."""
    lines = "\n".join(f"{i}.{a}" for i, a in enumerate(ALL, 1))
    code, scores, err = grade(folder, f"{first}\n答案：\n{lines}\n")
    assert (code, scores, _quiet(err)) == (0, {"张三": 100}, [])


@pytest.mark.parametrize(
    "heads",
    [
        ("张三 14:32", "张三 14:33"),
        ("张三 2026/12/7 14:32", "张三 昨天 下午2:33"),
        ("【张三】 2026-12-07 14:32:10", "【张三】 2026-12-07 14:33:01"),
        ("张三(12345678) 14:32:10", "张三(12345678) 14:33:01"),
    ],
)
def test_chat_messages_copied_with_their_heads_give_the_sender_as_the_name(
    folder: Path, heads: tuple[str, str]
) -> None:
    """WeChat's ``张三 14:32`` and QQ's ``【张三】 2026-12-07 14:32:10`` between the answers were each a line
    ignored, and the sheet graded as its file name; the heads are passed over and their sender is the name.
    1-5 right 25, 6-8 right 15, 9-12 right 24, 13-16 13 wrong 12, 17-20 right 20: 96."""
    text = (
        f"{heads[0]}\n1-5 BADAC\n{heads[1]}\n6-8 DBC\n9.CD 10.ABCE 11.ABD 12.ACD\n{heads[1]}\n13-16 对对对对\n"
        "17.大都市 18.人民利益至上 19.依法治理 20.可复制\n"
    )
    code, scores, err = grade(folder, text)
    assert (code, scores, _quiet(err)) == (0, {"张三": 96}, [])


def test_chat_messages_of_two_senders_are_not_graded(folder: Path) -> None:
    """Two members' messages in one file: whose answers are these? Not graded, naming both."""
    code, scores, err = grade(folder, "张三 14:32\n1-5 BADAC\n李四 14:33\n6-8 DBC\n")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:3: the sheet holds chat messages of 张三 (line 1) and 李四 (line 3); whose answers they are cannot "
        "be told — save each member's messages as a file of its own"
    )


def test_chat_replies_each_with_the_name_before_them(folder: Path) -> None:
    """``张三：1-5 BADAC`` read only on the first line: the later ``张三：9.CD 10.ABCE …`` made the sheet
    无法评分 ("answers without question numbers"). Each line's name is passed over: 25 + 15 + 24 + 5 = 69
    (13-16 left out). Another name on a later line is another member's: not graded, naming both."""
    code, scores, err = grade(
        folder, "张三：1-5 BADAC\n张三：6-8 DBC\n张三：9.CD 10.ABCE 11.ABD 12.ACD\n张三：17.大都市\n"
    )
    assert (code, scores, _quiet(err)) == (0, {"张三": 69}, [])
    code, scores, err = grade(folder, "张三：1-5 BADAC\n李四：6-8 DBC\n")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:2: the sheet holds the answers of 张三 (line 1) and of 李四 (line 2); whose answers they are cannot "
        "be told — save each member's answers as a file of its own"
    )


def test_a_word_table_of_two_question_and_answer_column_pairs(folder: Path) -> None:
    """A WPS table ``题号 | 答案 | 题号 | 答案`` (1–10 left, 11–20 right) was read a row at a time: question 1's
    answer ``B 11 ABD``, 11–20 unanswered — 30 with a few warnings. Each pair is its question: all right but
    question 5 (A): 95, no warning."""
    from docx import Document

    answers = [*ALL]
    answers[4] = "A"
    document = Document()
    document.add_paragraph("姓名：张三")
    document.add_paragraph(f"测验：{QUIZ}")
    table = document.add_table(rows=11, cols=4)
    for at, head in enumerate(("题号", "答案", "题号", "答案")):
        table.cell(0, at).text = head
    for i in range(10):
        table.cell(i + 1, 0).text, table.cell(i + 1, 1).text = str(i + 1), answers[i]
        table.cell(i + 1, 2).text, table.cell(i + 1, 3).text = str(i + 11), answers[i + 10]
    document.save(str(folder / "张三.docx"))
    assert grade_cli("张三.docx", "--key", "测验.key.yaml") == (0, {"张三": 95}, "")


def test_a_gbk_csv_with_full_width_digits_and_letters(folder: Path) -> None:
    """Excel on Chinese Windows: GBK, headers ``１`` … ``２０``, a member's letters full-width (``ＣＤ``): both
    rows read exactly — 郑一 100, 王二 all right but 1 (Ａ) and 9 (ＡＣＤ): 89."""
    row2 = ["Ａ", *["Ａ", "Ｄ", "Ａ", "Ｃ", "Ｄ", "Ｂ", "Ｃ"], "ＡＣＤ", *ALL[9:]]
    header = ",".join(["姓名", *("".join(chr(0xFF10 + int(c)) for c in str(n)) for n in range(1, 21))])
    text = f"{header}\r\n郑一,{','.join(ALL)}\r\n王二,{','.join(row2)}\r\n"
    (folder / "t.csv").write_bytes(text.encode("gbk"))
    code, scores, err = grade_cli("t.csv", "--key", "测验.key.yaml")
    assert (code, scores, err) == (0, {"郑一": 100, "王二": 89}, "")


def test_the_marked_markdown_paper_is_graded_and_the_quizs_own_files_are_left_out(folder: Path) -> None:
    """A member sends back ``quiz.md`` itself, marked (``张三.md``): it is graded (a ``.md`` was an unknown kind
    of file), 64 as the ``.txt`` copy. The blank paper and the 参考答案 pasted into ``.txt`` files are left out
    with a warning (a blank paper was a member named after the file with 0/100, the 参考答案 a member with 0
    and a warning per line); in a folder the quiz's own ``测验.md`` and ``测验.solutions.md`` beside its key and a
    README.md are not read, and given by name the paper and 参考答案 are left out with a warning."""
    (folder / "张三.md").write_text(_ticked(_paper_text(folder, markdown=True), "pre", _TICKS), encoding="utf-8")
    (folder / "答案.txt").write_text((folder / "测验.solutions.md").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "空白.txt").write_text((folder / "测验.md").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "README.md").write_text("# 第一次测验\n\n请把答卷放在这里。\n", encoding="utf-8")
    for name in ("测验.docx", "测验.card.docx", "测验.solutions.docx"):
        (folder / name).unlink()
    code, scores, err = grade_cli(".", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 64})
    assert sorted(err.splitlines()) == [
        "测验.answers.txt: warning: a blank answer sheet (no 姓名 and no answer filled in); left out",
        "空白.txt: warning: a blank answer sheet (no 姓名 and no answer filled in); left out",
        "答案.txt:1: warning: this is the quiz's 参考答案 (its answers for people to read), not members' answers; "
        "left out",
    ]
    code, scores, err = grade_cli("测验.md", "测验.solutions.md", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[:2] == [
        "测验.md: warning: a blank answer sheet (no 姓名 and no answer filled in); left out",
        "测验.solutions.md:1: warning: this is the quiz's 参考答案 (its answers for people to read), not members' "
        "answers; left out",
    ]


def test_answers_typed_after_each_copied_stem(folder: Path) -> None:
    """The paper copied with each answer typed after its question's line — ``…的（　　）B``, ``…而________是…落点。
    大都市`` — was 0 with a warning per question (``…的（ ）B`` unreadable; 19's ``____。依法治理`` read as
    ``。依法治理``). Each answer after its stem is read: all right but 2 (C), 100 − 5 = 95, no warning."""
    lines = []
    for line in _paper_text(folder, markdown=False):
        head = re.match(r"^(\d+)\. ", line)
        if head:
            answer = ALL[int(head.group(1)) - 1]
            line += ("C" if head.group(1) == "2" else answer) if int(head.group(1)) <= 16 else " " + answer
        lines.append(line.replace("姓名：________", "姓名：张三"))
    code, scores, err = grade(folder, "\n".join(lines) + "\n")
    assert (code, scores, err) == (0, {"张三": 95}, "")


def test_question_numbers_after_ti(folder: Path) -> None:
    """``题1：B`` (as a table's header ``题1`` is read) numbers question 1; it was a line ignored, and
    ``题10：ABCE`` answers without numbers (无法评分). 5 + 5 + 6 = 16."""
    code, scores, err = grade(folder, HEAD + "题1：B\n题2. A\n题10：ABCE\n")
    assert (code, scores, err) == (0, {"张三": 16}, "")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_one_members_answers_as_rows_of_number_and_answer(folder: Path, suffix: str) -> None:
    """The Excel file a secretary sent, filled by one member: ``姓名 | 张三``, ``题号 | 答案``, then ``1 | B`` …
    a row each. It was refused ("no column matches a question of the key (the columns are: '姓名', '张三')");
    it is that member's sheet: all right but 9 (ABC) and 20 (left empty) → 100 − 6 − 5 = 89."""
    from openpyxl import Workbook

    rows: list[list[object]] = [["姓名", "张三"], ["测验", QUIZ], ["题号", "答案"]]
    rows += [[n, "ABC" if n == 9 else answer] for n, answer in enumerate(ALL, 1) if n != 20]
    rows.append([20, None])
    if suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(folder / "张三.xlsx")
    else:
        text = "".join(",".join("" if c is None else str(c) for c in row) + "\r\n" for row in rows)
        (folder / "张三.csv").write_bytes(text.encode("gbk"))
    assert grade_cli(f"张三{suffix}", "--key", "测验.key.yaml") == (0, {"张三": 89}, "")


def test_an_option_marked_by_formatting_on_the_docx_paper_is_warned_of(folder: Path) -> None:
    """A member highlights option B of question 1 and colours option A of question 2 red in Word, leaving the
    brackets empty: formatting is not read, so both are unanswered — 0 without a word before; now a warning for
    each names the question and says how to mark it."""
    from docx import Document
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import RGBColor

    document = Document(str(folder / "测验.docx"))
    paragraphs = document.paragraphs
    paragraphs[1].text = "姓名：张三"
    for at, marked, rest, how in ((6, "B. 实践要求", "\tC. 必然选择\tD. 根本保证", "highlight"),
                                  (8, "A. 党员生活", "\tB. 理论周刊\tC. 思想者\tD. 党建之窗", "colour")):  # fmt: skip
        paragraph = paragraphs[at]
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        if at == 6:
            paragraph.add_run("A. 理论要求\t")
        run = paragraph.add_run(marked)
        if how == "highlight":
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        else:
            run.font.color.rgb = RGBColor(255, 0, 0)
        paragraph.add_run(rest)
    document.save(str(folder / "张三.docx"))
    code, scores, err = grade_cli("张三.docx", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"张三": 0})
    assert err.splitlines() == [
        f"张三.docx: warning: question {n} is left blank, but an option under it is highlighted, coloured, bold or "
        "underlined — grading does not read formatting: it is graded as unanswered (mark the chosen option with √, "
        "e.g. B. 实践要求 √, or write its letter in the brackets)"
        for n in (1, 2)
    ] + ["张三.docx: warning: 张三: no answers on the sheet; every question scores 0"]


def test_a_sections_answers_typed_in_word_are_not_taken_for_its_heading(folder: Path) -> None:
    """``一、1-8 BADACDBC`` typed in a Word document was passed over as the paper's section heading ``一、…``
    (the 40 points of 1–8 lost without a word); it is the section's answers: 40 + 24 = 64."""
    from docx import Document

    document = Document()
    for text in ("姓名：张三", f"测验：{QUIZ}", "一、1-8 BADACDBC", "二、9-12 CD ABCE ABD ACD"):
        document.add_paragraph(text)
    document.save(str(folder / "张三.docx"))
    assert grade_cli("张三.docx", "--key", "测验.key.yaml") == (0, {"张三": 64}, "")


def test_a_word_answer_list_with_a_form_head_and_a_table_of_stems(folder: Path) -> None:
    """``党员：李四　支部：一支部`` gave the name ``李四 支部:一支部``; a table ``题目 | 答案`` whose 题目 cells hold
    ``1. 导语指出，……`` gave a warning per row about a 答题卡's 题号 cell. The name is 李四 and the rows read
    quietly: all right but 3 (A): 95."""
    from docx import Document

    stems = [line.split("（")[0][:20] for line in _paper_text(folder, markdown=False) if re.match(r"^\d+\. ", line)]
    answers = [*ALL]
    answers[2] = "A"
    document = Document()
    document.add_paragraph("党员：李四　支部：一支部")
    document.add_paragraph(f"测验：{QUIZ}")
    table = document.add_table(rows=21, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "题目", "答案"
    for n, (stem, answer) in enumerate(zip(stems, answers, strict=True), 1):
        table.cell(n, 0).text, table.cell(n, 1).text = stem, answer
    document.save(str(folder / "李四.docx"))
    assert grade_cli("李四.docx", "--key", "测验.key.yaml") == (0, {"李四": 95}, "")


def test_a_sections_label_then_its_answers_without_numbers(folder: Path) -> None:
    """``单选：BADACDBC`` was 无法评分 (answers without numbers), ``填空：大都市 …`` a line ignored: a section's label
    names its questions, read in paper order with a warning each. 16 错 wrong: 100 − 4 = 96."""
    code, scores, err = grade(
        folder,
        HEAD
        + "单选：BADACDBC\n二、多选：CD ABCE ABD ACD\n判断题 错对对错\n填空：大都市 人民利益至上 依法治理 可复制\n",
    )
    assert (code, scores) == (0, {"张三": 96})
    assert err.splitlines() == [
        f"s.txt:{line}: warning: the answers after {label} without question numbers read in paper order as its "
        f"questions {numbers} — number them to be sure"
        for line, label, numbers in (
            (3, "单选", "1–8"),
            (4, "多选", "9–12"),
            (5, "判断", "13–16"),
            (6, "填空", "17–20"),
        )
    ]


def test_a_sections_answers_of_another_count_are_not_graded(folder: Path) -> None:
    """Three answers after 多选 for its four questions: 无法评分, naming the counts; a heading ``一、单选题（每题5分）``
    is no section's answers."""
    code, scores, err = grade(folder, HEAD + "一、单选题（每题5分）\n1-8 BADACDBC\n多选：CD ABCE ABD\n")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:5: 张三: 无法评分 (not graded): line 5: the answers after 多选 without question numbers ('多选:CD ABCE "
        "ABD'): the paper has 4 多选 questions (9–12) but the line holds 3 answers; which answer belongs to which "
        "question cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
    )
