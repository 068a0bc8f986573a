"""A fourth fresh-user round on ``studykit grade``: papers made from the shipped bank with
``studykit quiz``, members' sheets typed as on phones, each score worked out by hand from the key.

The standard paper (``--seed 11``): 1–8 single 5 points (A A D B C D B C), 9–12 multiple 6 points
(AC, ABCD, ABCDF, ACD), 13–16 true_false 4 points (错 对 对 错), 17–20 fill_blank 5 points (科技硬核,
主网, 城乡社区, 控制在市域).  The versioned paper (``--seed 5 --versions 2``, 14 items): item 14 is a
blank whose accepted texts are 五大体系 and 5大体系."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import grade_cli
from studykit.cli import main

BANK = Path(__file__).resolve().parents[2] / "question_bank.yaml"
#: (Its 判断题 10–12 were all 对 until a paper drew both answers: item 12 is now a 错 one, so the sheets
#: answer it 对 where they answered it wrong.)
#: The versioned paper's mix at the points the scores were worked out on: 7, 8.5, 5.5 and 8 (100), which
#: ``--total 100`` gave until it chose whole points first (now 7, 8, 6, 8); set with --points, the paper
#: and its quiz id are the ones these sheets were scored on.
MIX = [
    "--mix",
    "single=6,multiple=3,true_false=3,fill_blank=2",
    *("--points", "single=7", "--points", "multiple=8.5", "--points", "true_false=5.5", "--points", "fill_blank=8"),
]


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    runner = CliRunner()
    for out, args in (("测验.md", ["--seed", "11"]), ("卷.md", ["--seed", "5", "--versions", "2", *MIX])):
        result = runner.invoke(main, ["quiz", "--bank", str(BANK), *args, "-o", str(folder / out)])
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture()
def folder(tmp_path: Path, papers: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in papers.glob("*.key.yaml"):
        (tmp_path / key.name).write_bytes(key.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


grade = grade_cli  # studykit grade ARGS --format json: exit code, scores, stderr


def test_the_keys_are_the_ones_worked_by_hand(folder: Path) -> None:
    """The papers the scores below were worked out on."""
    key = (folder / "测验.key.yaml").read_text(encoding="utf-8")
    assert "quiz_id: szzl-hubei-daily-11-0b3cb86e" in key and "total_points: 100" in key
    b = (folder / "卷-B.key.yaml").read_text(encoding="utf-8")
    assert "quiz_id: szzl-hubei-daily-5-726ecb7d" in b and "- 5大体系" in b


@pytest.mark.parametrize(
    ("sheet", "name", "points"),
    [
        ("姓名：周八 1-5 AADBC\n6-8 DBC\n", "周八", 40),
        ("姓名: 周九  1.A 2.A\n", "周九", 10),
        ("姓名：周十，1-5 AADBC\n", "周十", 25),
        ("名字：周一 9.AC 10.ABCD\n13-16 错对对错\n", "周一", 28),
    ],
)
def test_a_name_line_holding_answers_gives_the_name_and_the_answers(
    folder: Path, sheet: str, name: str, points: int
) -> None:
    """``姓名：周八 1-5 AADBC``: the member 周八 and the answers after the name (they were part of the
    name, and the sheet scored 0 with "no answers on the sheet")."""
    (folder / "s.txt").write_text(sheet, encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {name: points})
    assert "no answers" not in err


def test_a_name_line_with_answers_that_have_no_numbers_is_not_graded(folder: Path) -> None:
    """``姓名：周七 DCBAD AC``: answers that cannot be put on their questions — 无法评分, never a 0 for 周七."""
    (folder / "s.txt").write_text("姓名：周七 DCBAD AC\n", encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:1: 周七: 无法评分 (not graded): line 1: answers without question numbers ('DCBAD AC'); which "
        "answer belongs to which question cannot be told — number each answer (1. D, or 1D 2C 3B) or give "
        "ranges (1-5 DCBAD)"
    )


def test_a_version_letter_after_the_name_stays_in_the_name(folder: Path) -> None:
    """``姓名：周六 B``: one letter may be a version, not answers — the sheet is graded as before (5 points)."""
    (folder / "s.txt").write_text("姓名：周六 B\n1.A\n", encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml")[:2] == (0, {"周六 B": 5})


@pytest.mark.parametrize(
    "line", ["13 华中师范大学 14 5大体系", "12 对 13 华中师范大学 14 5大体系", "13、华中师范大学，14 5大体系"]
)
def test_a_blank_beginning_with_a_digit_after_its_number_and_a_space_is_not_guessed(folder: Path, line: str) -> None:
    """``13 华中师范大学 14 5大体系`` was read as one answer to 13 (0 of 8) and 14 unanswered (0 of 8), without
    a warning; the line is ambiguous (14's answer may be ``45大体系``), so the sheet is 无法评分."""
    (folder / "s.txt").write_text(f"姓名：甲\n版本：A\n1-6 CABCDA\n{line}\n", encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "卷-A.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:4: 甲: 无法评分 (not graded): line 4: the line may hold the answers to questions 13 and 14 (the "
        "text after 14 begins with a digit); put each answer on a line of its own; which answer belongs to "
        "which question cannot be told — number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
    )


def test_the_same_answers_on_lines_of_their_own_score_exactly(folder: Path) -> None:
    """The same answers one a line: 6 singles × 7 + 2 blanks × 8 = 58 (and ``3. 6月 5 个`` stays one answer)."""
    (folder / "s.txt").write_text("姓名：甲\n版本：A\n1-6 CABCDA\n13 华中师范大学\n14 5大体系\n", encoding="utf-8")
    assert grade("s.txt", "--key", "卷-A.key.yaml")[:2] == (0, {"甲": 58})


@pytest.mark.parametrize(
    ("sheet", "line", "first", "second"),
    [
        ("姓名：戊\n版本：B\n1-6 CABCDA\n版本：A\n", 4, "'B' (line 2)", "'A' (line 4)"),
        ("姓名：己\n版本：A\n版本：B\n1-6 CABCDA\n", 3, "'A' (line 2)", "'B' (line 3)"),
    ],
)
def test_a_sheet_giving_two_versions_is_not_graded(
    folder: Path, sheet: str, line: int, first: str, second: str
) -> None:
    """Two 版本 lines that disagree: the last one won, silently (戊 42 as A, 己 14 as B, for the same answers);
    now the sheet is named with both lines and not graded."""
    (folder / "s.txt").write_text(sheet, encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "卷-A.key.yaml", "--key", "卷-B.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        f"s.txt:{line}: the sheet gives 版本 twice, {first} and {second}; which one holds cannot be told — keep one"
    )


def test_a_version_written_twice_alike_or_left_blank_again_is_graded(folder: Path) -> None:
    """``版本：B`` and ``版本：b卷`` are one version; a blank ``版本：`` after it changes nothing: 42 as version B."""
    (folder / "s.txt").write_text("姓名：庚\n版本：B\n版本：b卷\n版本：\n1-6 CDACBB\n", encoding="utf-8")
    assert grade("s.txt", "--key", "卷-A.key.yaml", "--key", "卷-B.key.yaml")[:2] == (0, {"庚": 42})


def test_two_names_on_a_sheet_are_not_graded(folder: Path) -> None:
    """``姓名：周四`` … ``姓名：王四``: whose answers they are cannot be told (the last name was taken)."""
    (folder / "s.txt").write_text("姓名：周四\n1.A\n姓名：王四\n", encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.txt:3: the sheet gives 姓名 twice, '周四' (line 1) and '王四' (line 3); which one holds cannot be told — keep one"
    )


def test_a_yaml_sheet_giving_version_and_banben_differently_is_not_graded(folder: Path) -> None:
    """``version: A`` and ``版本: B`` on a YAML sheet: ``version`` won whatever the order; now an error."""
    (folder / "s.yaml").write_text("name: 庚\nversion: A\n版本: B\nanswers: {1: C, 2: A}\n", encoding="utf-8")
    code, scores, err = grade("s.yaml", "--key", "卷-A.key.yaml", "--key", "卷-B.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "s.yaml:3: the sheet gives 版本 twice, 'A' (line 2) and 'B' (line 3); which one holds cannot be told — keep one"
    )


def test_a_table_with_two_version_columns_is_not_graded(folder: Path) -> None:
    """A table headed 版本 and 试卷版本: which column is a row's version cannot be told (the last one won)."""
    header = "姓名,版本,试卷版本," + ",".join(map(str, range(1, 15)))
    (folder / "t.csv").write_text(f"{header}\n甲,A,B,C,A,B,C,D,A\n", encoding="utf-8")
    code, scores, err = grade("t.csv", "--key", "卷-A.key.yaml", "--key", "卷-B.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "t.csv:1: column 3 ('试卷版本'): the table already has column 2 ('版本') for the same field; keep one"
    )


KEY11 = ["A", "A", "D", "B", "C", "D", "B", "C", "AC", "ABCD", "ABCDF", "ACD", "错", "对", "对", "错"]
KEY11 += ["科技硬核", "主网", "城乡社区", "控制在市域"]


def test_a_workbook_with_group_labels_merged_above_the_question_numbers(folder: Path) -> None:
    """姓名 merged over two rows, 单选题/多选题/判断题/填空题 merged above 1 … 20: a header of two rows.
    It was not graded (``no column matches a question``); now 刘备 100 (判断 as Excel's TRUE/FALSE)
    and 关羽 100 − 5 (1: B) − 4 (13: TRUE) = 91."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "单选题", *[None] * 7, "多选题", *[None] * 3, "判断题", *[None] * 3, "填空题"])
    ws.append([None, *range(1, 21)])
    for cells in ("A1:A2", "B1:I1", "J1:M1", "N1:Q1", "R1:U1"):
        ws.merge_cells(cells)
    ws.append(["刘备", *KEY11[:12], False, True, True, False, *KEY11[16:]])
    ws.append(["关羽", "B", *KEY11[1:12], True, True, True, False, *KEY11[16:]])
    wb.save(folder / "支部.xlsx")
    code, scores, err = grade("支部.xlsx", "--key", "测验.key.yaml")
    assert (code, scores) == (0, {"刘备": 100, "关羽": 91})
    assert err == (
        "支部.xlsx:2: warning: the header is rows 1 and 2: the question numbers are in row 2, the labels above "
        "them in row 1 (a merged cell above several questions is read as no question)\n"
    )


def test_a_gbk_csv_with_a_title_and_a_header_of_two_rows(folder: Path) -> None:
    """The same layout saved as CSV by Excel on Chinese Windows (GBK), a title row above it: with partial
    credit 张三 100, 李四 100 − 3 (10: ABC, half of 6) − 5 (20: 控制在县域) = 92."""
    rows = [
        ["第三支部十月测验", *[""] * 21],
        ["姓名", "支部", "单选题", *[""] * 7, "多选题", *[""] * 3, "判断题", *[""] * 3, "填空题", "", "", ""],
        ["", "", *map(str, range(1, 21))],
        ["张三", "三支部", *KEY11],
        ["李四", "三支部", *KEY11[:9], "ABC", *KEY11[10:19], "控制在县域"],
    ]
    (folder / "支部.csv").write_bytes("".join(",".join(r) + "\r\n" for r in rows).encode("gbk"))
    code, scores, err = grade("支部.csv", "--key", "测验.key.yaml", "--multiple-scoring", "partial")
    assert (code, scores) == (0, {"张三": 100, "李四": 92})
    assert err.splitlines() == [
        "支部.csv:3: warning: the header is rows 2 and 3: the question numbers are in row 3, the labels above "
        "them in row 2 (a merged cell above several questions is read as no question)",
        "支部.csv:3: warning: the header is row 3; row 1 above it ignored",
    ]


def test_a_header_naming_no_question_over_a_member_row_is_still_refused(folder: Path) -> None:
    """A row below the name header that is a member's answers, not question numbers: no header of two rows."""
    (folder / "t.csv").write_text("姓名,甲题,乙题\n张三,A,B\n", encoding="utf-8")
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        "t.csv:1: no column matches a question of the key (the columns are: '姓名', '甲题', '乙题'); not an answer table"
    )


def test_wjx_by_number_skipped_blank_is_unanswered(folder: Path) -> None:
    """问卷星 按选项序号 writes ``-3`` for every skipped question: a 填空题's ``-3`` is unanswered (it was read
    as the text ``-3``, 错误 in the report and 你的答案 ``-3`` in the 错题本), 100 − 5 = 95 either way."""
    import yaml

    stems = [it["stem"] for it in yaml.safe_load((folder / "测验.key.yaml").read_text(encoding="utf-8"))["items"]]
    header = [
        "序号",
        "提交答卷时间",
        "所用时间",
        "总分",
        "1、姓名",
        *(f"{n}、{stem}" for n, stem in enumerate(stems, 2)),
    ]
    numbers = ["1", "1", "4", "2", "3", "4", "2", "3", "1┋3", "1┋2┋3┋4", "1┋2┋3┋4┋6", "1┋3┋4", "2", "1", "1", "2"]
    row = ["1", "2026/10/18 9:00:00", "125秒", "0", "陈二", *numbers, "-3", *KEY11[17:]]
    (folder / "wjx.csv").write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8-sig")
    result = CliRunner().invoke(main, ["grade", "wjx.csv", "--key", "测验.key.yaml", "--format", "json"])
    member = json.loads(result.stdout)["members"][0]
    assert (result.exit_code, member["score"]) == (0, 95)
    assert [(i["number"], i["status"], i["given"]) for i in member["items"] if i["status"] != "correct"] == [
        (17, "unanswered", "")
    ]


@pytest.mark.parametrize(
    ("line", "points"),
    [
        ("9.AC 10.ABCD 11-12 ABCDF ACD", 24),
        ("13错14对15-16对错", 16),
        ("1.A 2.A 3-5 DBC", 25),
        ("17.科技硬核 18至20 主网 城乡社区 控制在市域", 20),
    ],
)
def test_numbered_answers_then_a_range_on_one_line(folder: Path, line: str, points: int) -> None:
    """``9.AC 10.ABCD 11-12 ABCDF ACD``: the range's ``-`` was read as 11's answer (11 unanswered, no warning)
    and 12 got ``ABCDF ACD`` (unreadable): 12 of 24.  Numbered answers, then a range whose numbers follow
    them, are read as both: every answer right."""
    (folder / "s.txt").write_text(f"姓名：甲\n{line}\n", encoding="utf-8")
    unsaid = (
        "s.txt: warning: 甲: the sheet does not say which quiz it is (no 测验： line); graded with the key of "
        "quiz szzl-hubei-daily-11-0b3cb86e\n"
    )
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"甲": points}, unsaid)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (
            "13错14对15-17对错",
            "the line holds numbered answers, then the range '15-17对错'; put the range on a line of its own",
        ),
        (
            "9.AC 10-11 ABCD ABCDF 12.ACD",
            "the line holds answers to questions 9, 10, 12 that cannot be told apart (put an answer holding a space "
            "on a line of its own)",
        ),
    ],
)
def test_numbered_answers_then_a_range_that_does_not_fit_are_not_graded(folder: Path, line: str, why: str) -> None:
    """A range after numbered answers whose run does not fit it, or followed by more numbered answers: 无法评分."""
    (folder / "s.txt").write_text(f"姓名：甲\n{line}\n", encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {})
    assert err.splitlines()[0] == (
        f"s.txt:2: 甲: 无法评分 (not graded): line 2: {why}; which answer belongs to which question cannot be told "
        "— number each answer (1. D, or 1D 2C 3B) or give ranges (1-5 DCBAD)"
    )


def test_a_dash_after_a_numbered_answers_separator_is_a_skipped_answer(folder: Path) -> None:
    """``1.A 2.- 3.D``, ``1A 2- 3D``, ``1.A 2 - 3.D``: question 2 left out (no range: a ``.`` or a space stands
    between the dash and the next number), as before: 10."""
    for line in ("1.A 2.- 3.D", "1A 2- 3D", "1.A 2 - 3.D"):
        (folder / "s.txt").write_text(f"姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n{line}\n", encoding="utf-8")
        assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"甲": 10}, ""), line


def test_a_blank_written_out_after_punctuation_reads_as_its_blank(folder: Path) -> None:
    """``…文教重镇、科技硬核、辐射之源等…`` for ``…文教重镇、____、辐射之源等…`` was read as ``、科技硬核`` (the
    、 before the blank taken into it): 0 of 5, no warning.  Now 5 (and 20's ``市域、控制在市域，为…`` too)."""
    sheet = (
        "姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n"
        "17. 任剑涛指出，资源中心、文教重镇、科技硬核、辐射之源等都是现代大都市的鲜明特点。\n"
        "20. 魏月明提出，立足省内市域社会治理的实践与经验，推进市域社会治理现代化，要聚焦突出问题，在提升市域防范化解"
        "重大矛盾风险的能力水平上下功夫，坚决把重大矛盾风险解决在市域、控制在市域，为省域治理现代化奠定坚实基础。\n"
        "19. 赵显富认为，社会治理的核心是人，重心在________。\n"
    )
    (folder / "s.txt").write_text(sheet, encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "s.txt", "--key", "测验.key.yaml", "--format", "json"])
    items = {i["number"]: (i["status"], i["given"]) for i in json.loads(result.stdout)["members"][0]["items"]}
    assert (result.exit_code, result.stderr) == (0, "")
    assert (items[17], items[19], items[20]) == (("correct", "科技硬核"), ("unanswered", ""), ("correct", "控制在市域"))


def test_a_choice_stem_copied_with_the_letter_in_brackets_inside_it(folder: Path) -> None:
    """``…要坚持以（C）为导向。``: the stem's brackets stand inside it, not at its end (it was unreadable): 5."""
    sheet = "姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n5. 姜晓萍提出，紧扣城市社会治理的关键环节，要坚持以（C）为导向。\n"
    (folder / "s.txt").write_text(sheet, encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"甲": 5}, "")


def _copied(paper: str, answers: dict[int, str], name: str, *, markdown: bool) -> str:
    """``paper`` (studykit's Markdown) as a member copies it: rendered (no backslash escapes) or as the file
    holds it, each item's ``（　　）`` filled with its answer and the 姓名 blank with ``name``."""
    import re

    lines = []
    for line in paper.splitlines():
        m = re.match(r"^(\d+)\\?\. ", line)
        if m and int(m.group(1)) in answers:
            line = line.replace("（　　）", f"（{answers[int(m.group(1))]}）")
        lines.append(line.replace("姓名：\\_\\_\\_\\_\\_\\_\\_\\_", f"姓名：{name}"))
    text = "\n".join(lines) + "\n"
    return text if markdown else text.replace("\\", "")


def test_the_whole_paper_copied_with_its_brackets_filled(folder: Path, papers: Path) -> None:
    """A member copies the paper as shown, fills 姓名 and each bracket, leaves the blanks: 测验编号 is the quiz,
    the paper's own lines (instruction, options) are passed over without a warning, 1–16 right: 80 of 100
    (it was 无法评分: ``测验编号：…-11-0b3…`` read as a range of answers)."""
    answers = dict(
        enumerate(["A", "A", "D", "B", "C", "D", "B", "C", "AC", "ABCD", "ABCDF", "ACD", "错", "对", "对", "错"], 1)
    )
    text = _copied((papers / "测验.md").read_text(encoding="utf-8"), answers, "王抄抄", markdown=False)
    (folder / "s.txt").write_text(text, encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"王抄抄": 80}, "")


def test_the_markdown_file_of_version_b_copied_with_its_brackets_filled(folder: Path, papers: Path) -> None:
    """``卷-B.md`` as the file holds it (``1\\.``, ``\\_\\_``, a ``\\`` ending lines), version B read from its
    head line: 1–11 right, 12 wrong, 13–14 left: 6 × 7 + 3 × 8.5 + 2 × 5.5 = 78.5 (each was unreadable: 0)."""
    answers = dict(enumerate(["C", "D", "A", "C", "B", "B", "ACD", "CD", "ABCE", "对", "对", "对"], 1))
    text = _copied((papers / "卷-B.md").read_text(encoding="utf-8"), answers, "己丑", markdown=True)
    assert "1\\. " in text and "版本：B" in text
    (folder / "s.txt").write_text(text, encoding="utf-8")
    code, scores, err = grade("s.txt", "--key", "卷-A.key.yaml", "--key", "卷-B.key.yaml")
    assert (code, scores) == (0, {"己丑": 78.5})
    assert err == (
        "s.txt: warning: members of versions after the first are shown in the first version's option letters "
        "(the same option texts, shuffled; scores are each version's own)\n"
    )


def test_the_papers_blank_name_line_is_no_second_name(folder: Path) -> None:
    """``姓名：________　支部：…`` as printed, after ``姓名：张三``: no name, so not 姓名 twice; 5 points."""
    (folder / "s.txt").write_text(
        "姓名：张三\n测验：szzl-hubei-daily-11-0b3cb86e\n姓名：________　支部：三支部　日期：________\n1. A\n",
        encoding="utf-8",
    )
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"张三": 5}, "")


def test_a_percentage_is_rounded_half_up_as_the_means_are(folder: Path) -> None:
    """82.25 of 100 (9: ABC of ABCD, half of 8.5 with partial credit) prints 82.3% in the text report and
    82.3 in the CSV report — 四舍五入, as the means are (it printed 82.2, round-half-even)."""
    header = "姓名,版本," + ",".join(f"第{i}题" for i in range(1, 15))
    row = "甲,A卷,C,A,B,C,D,A,ABD,BC,ABC,对,对,对,华中师大,5大体系"
    (folder / "t.csv").write_text(f"{header}\n{row}\n", encoding="utf-8-sig")
    runner = CliRunner()
    args = ["grade", "t.csv", "--key", "卷-A.key.yaml", "--multiple-scoring", "partial"]
    text = runner.invoke(main, args).stdout
    assert "甲（t.csv:2）：82.25/100 分，82.3%，及格" in text
    csv_report = runner.invoke(main, [*args, "--format", "csv"]).stdout
    assert csv_report.splitlines()[1].startswith("1,甲,t.csv,2,82.25,100,82.3,及格,")


ROW11 = ",".join(KEY11)


def test_an_unclosed_quote_in_a_csv_row_names_the_rows_it_swallowed(folder: Path) -> None:
    """``乙,"B,A,…`` with no closing quote took 丙's and 丁's rows into one cell: 乙 was graded on garbage
    (0, two warnings) and 丙, 丁 vanished from the report without a word.  Now the table fails at that row
    with the reason, 甲 (read before it) is graded, and the exit code is 1."""
    header = "姓名," + ",".join(map(str, range(1, 21)))
    rows = [header, f"甲,{ROW11}", f'乙,"B,{ROW11[2:]}', f"丙,{ROW11}", f"丁,{ROW11}"]
    (folder / "t.csv").write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    code, scores, err = grade("t.csv", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"甲": 100})
    assert err.splitlines()[0] == (
        't.csv:3: not a readable CSV table (a quote (") opened in a cell of row 3 (line 3) is not closed, so the 2 '
        "lines after it — rows of members — were read into that cell; close or remove the quote); the rest of the "
        "file is not graded"
    )


def test_a_quoted_csv_cell_holding_a_line_break_is_an_answer(folder: Path) -> None:
    """A 问卷星 blank answered on two lines (``"控制在\\n市域"``, quoted as CSV quotes it) is one cell: 3 × 100."""
    header = "姓名," + ",".join(map(str, range(1, 21)))
    broken = ROW11.replace("控制在市域", '"控制在\n市域"')
    (folder / "t.csv").write_text(f"{header}\n甲,{ROW11}\n乙,{broken}\n丙,{ROW11}\n", encoding="utf-8-sig")
    assert grade("t.csv", "--key", "测验.key.yaml")[:2] == (0, {"甲": 100, "乙": 100, "丙": 100})


def test_a_folder_inside_the_answers_folder_is_named(folder: Path) -> None:
    """``grade 答卷/`` with 答卷/一支部/张三.txt: the inner folder is not read, and is now named (张三 was
    missing from the report without a word); given too, it is graded: 王五 25, 张三 10."""
    quiz = "测验：szzl-hubei-daily-11-0b3cb86e\n"
    (folder / "答卷" / "一支部").mkdir(parents=True)
    (folder / "答卷" / "王五.txt").write_text(f"姓名：王五\n{quiz}1-5 AADBC\n", encoding="utf-8")
    (folder / "答卷" / "一支部" / "张三.txt").write_text(f"姓名：张三\n{quiz}1.A 2.A\n", encoding="utf-8")
    (folder / "答卷" / ".git").mkdir()
    (folder / "答卷" / ".git" / "x.txt").write_text("x", encoding="utf-8")
    assert grade("答卷", "--key", "测验.key.yaml") == (
        0,
        {"王五": 25},
        "答卷/一支部: warning: a folder inside 答卷 holding answer files, not read: only the files directly in a "
        "folder given to grade are read — give this folder too (答卷/一支部) if they are answers\n",
    )
    assert grade("答卷", "答卷/一支部", "--key", "测验.key.yaml") == (0, {"王五": 25, "张三": 10}, "")


@pytest.mark.parametrize("first", ["郑十：1-5 AADBC", "郑十:1-5 AADBC", "郑十，1-5 AADBC"])
def test_a_chat_message_name_colon_answers(folder: Path, first: str) -> None:
    """``郑十：1-5 AADBC`` — a WeChat reply copied as the member wrote it — is the name and the answers (it was
    无法评分: 'answers without question numbers'): 25, 郑十."""
    (folder / "s.txt").write_text(f"{first}\n测验：szzl-hubei-daily-11-0b3cb86e\n", encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"郑十": 25}, "")


def test_answers_after_the_name_label_with_no_name(folder: Path) -> None:
    """``姓名 1-5 AADBC`` (the label, then answers, no name): the answers, and the name from the file (it was
    the name '1-5 AADBC' with 0 points)."""
    (folder / "赵钱.txt").write_text("姓名 1-5 AADBC\n测验：szzl-hubei-daily-11-0b3cb86e\n", encoding="utf-8")
    assert grade("赵钱.txt", "--key", "测验.key.yaml") == (
        0,
        {"赵钱": 25},
        "赵钱.txt: warning: no name on the sheet (姓名：); graded as '赵钱', from the file name\n",
    )


@pytest.mark.parametrize(("line", "points"), [("1-5 A.A.D.B.C", 25), ("13-16 对。错。对。错", 8), ("1-5 D.C.B.A.D", 0)])
def test_a_run_of_one_character_answers_apart_by_points(folder: Path, line: str, points: int) -> None:
    """``1-5 A.A.D.B.C``, ``13-16 对。错。对。错``: one answer a character, points between them (was 无法评分)."""
    (folder / "s.txt").write_text(f"姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n{line}\n", encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"甲": points}, "")


def test_a_workbook_with_a_worksheet_per_branch_names_the_ones_not_graded(folder: Path) -> None:
    """Worksheets 一支部 (张三) and 二支部 (李四, 王五): only the first is read, and 李四 and 王五 were missing
    from the report without a word (exit 0).  Now the file fails naming 二支部, after 张三 is graded; a
    summary worksheet (姓名, 总分) is no table of answers and is not named."""
    import openpyxl

    wb = openpyxl.Workbook()
    first = wb.active
    assert first is not None
    first.title = "一支部"
    first.append(["姓名", *range(1, 21)])
    first.append(["张三", *KEY11])
    second = wb.create_sheet("二支部")
    second.append(["姓名", *range(1, 21)])
    second.append(["李四", *KEY11])
    summary = wb.create_sheet("汇总")
    summary.append(["姓名", "总分"])
    summary.append(["张三", 100])
    wb.save(folder / "支部.xlsx")
    code, scores, err = grade("支部.xlsx", "--key", "测验.key.yaml")
    assert (code, scores) == (1, {"张三": 100})
    assert err.splitlines()[0] == (
        "支部.xlsx: worksheet '二支部' also holds a table of the key's questions and is not graded: only worksheet "
        "'一支部' is read — save each worksheet as a file of its own and grade them together"
    )


def test_a_csv_table_saved_as_txt_is_read_as_a_table(folder: Path) -> None:
    """``支部.txt`` holding ``姓名,1,2,…,20`` and a row per member (a CSV saved as text) was one member's sheet,
    无法评分 ('answers without question numbers'); its first line names the key's questions, so it is the
    table it is: 张三 100, 李四 100 − 5 (1: B) = 95."""
    header = "姓名," + ",".join(map(str, range(1, 21)))
    (folder / "支部.txt").write_text(f"{header}\n张三,{ROW11}\n李四,B{ROW11[1:]}\n", encoding="utf-8")
    assert grade("支部.txt", "--key", "测验.key.yaml") == (0, {"张三": 100, "李四": 95}, "")


@pytest.mark.parametrize("line", ["1-5题答案：AADBC", "1-5题的答案是AADBC", "第1-5题：AADBC", "1到5题 AADBC"])
def test_words_between_a_range_and_its_run(folder: Path, line: str) -> None:
    """``1-5题答案：AADBC``, ``1-5题的答案是AADBC``: the words before the run are no answer (was 无法评分): 25."""
    (folder / "s.txt").write_text(f"姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n{line}\n", encoding="utf-8")
    assert grade("s.txt", "--key", "测验.key.yaml") == (0, {"甲": 25}, "")


def test_an_option_line_alone_on_a_sheet_that_is_no_copied_paper_is_still_named(folder: Path) -> None:
    """``A. 清华大学社会科学学院教授`` under ``1.A`` on a sheet that shows none of the paper's own lines may be an
    answer written without its number: it keeps its warning (only a copied paper's option lines pass silently)."""
    (folder / "s.txt").write_text(
        "姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n1.A\nA. 清华大学社会科学学院教授\n", encoding="utf-8"
    )
    assert grade("s.txt", "--key", "测验.key.yaml") == (
        0,
        {"甲": 5},
        "s.txt:4: warning: line ignored: 'A. 清华大学社会科学学院教授' (expected NUMBER. ANSWER, or 姓名：/测验：/版本：)\n",
    )


def test_a_blank_beginning_with_da_in_a_run_keeps_its_first_character(folder: Path) -> None:
    """``17-18 答辩 主网``: 答 before the run is a label only as ``答：`` or ``答案``; 17's answer stays 答辩."""
    (folder / "s.txt").write_text("姓名：甲\n测验：szzl-hubei-daily-11-0b3cb86e\n17-18 答辩 主网\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "s.txt", "--key", "测验.key.yaml", "--format", "json"])
    items = {i["number"]: i["given"] for i in json.loads(result.stdout)["members"][0]["items"]}
    assert (items[17], items[18]) == ("答辩", "主网")
