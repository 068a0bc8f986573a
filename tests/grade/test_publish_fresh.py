"""A branch secretary publishes the shipped bank's 20-item paper (seed 7, 100 points) on 问卷星,
腾讯问卷 and Moodle and grades what comes back: 问卷星's 按文本 and 按序号 downloads (CSV in UTF-8 and
GB18030, XLSX), 腾讯问卷's (CSV with ┋, XLSX with 、 between the chosen options) and Moodle's Responses
report, each built from the import file studykit wrote, so the headers are the platform's ``N、题干`` /
``N.题干`` / ``Response N``; and the downloads that hold no answers (问卷星 按分数, Moodle's Grades
report) or odd cells (a skipped 姓名, per-question points columns).

Hand count (each member's answers are the key's, changed on the items named):

* 赵一: all right, item 10 ticked in another order (E┋C┋B┋A) — 100;
* 钱二: item 1 a wrong single (−5), item 2 ``其他〖…〗`` holding option A's text, never an option (−5),
  item 9 one correct option of two (all-or-nothing: −6), item 13 a wrong 判断 (−4), item 17 skipped
  (−5), item 18 right with a trailing 。 — 100 − 25 = 75;
* 孙三: item 10 every option ticked (−6), item 14 a wrong 判断 (−4), item 19 a wrong blank (−5) —
  100 − 15 = 85.

The paper's items 6 and 8 are single choices whose option texts hold 、 (``…党委书记、教授``): a
腾讯问卷 download joining choices by 、 still reads them as the one option they are.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from skpaths import SHIPPED_BANK
from studykit.cli import main
from studykit.key import AnswerKey, load_key

SCORES = {"赵一": 100.0, "钱二": 75.0, "孙三": 85.0}
LOST = {"赵一": {}, "钱二": {1: 5.0, 2: 5.0, 9: 6.0, 13: 4.0, 17: 5.0}, "孙三": {10: 6.0, 14: 4.0, 19: 5.0}}
OTHER_WARNING = "钱二, question 2: 其他 with the text '{text}' (option A's text, typed under 其他: not counted as choosing A); shown as written"  # fmt: skip


def publish(folder: Path, fmt: str) -> AnswerKey:
    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(SHIPPED_BANK), "--seed", "7", "--format", fmt, "-o", str(folder / "测验")]
    )
    assert result.exit_code == 0, result.output
    key = load_key(folder / "测验.key.yaml")
    assert (len(key.items), key.total_points) == (20, 100)
    return key


def answers(key: AnswerKey) -> dict[str, dict[int, str]]:
    """Each member's answers by item: letters (``ACD``), 对/错, a blank's text, ``""`` skipped, or 其他〖…〗."""
    right = {i.number: i.answer[0] if i.type == "fill_blank" else "".join(i.answer) for i in key.items}
    right |= {i.number: "对" if i.answer == ("true",) else "错" for i in key.items if i.type == "true_false"}
    items = {i.number: i for i in key.items}
    assert [items[n].type for n in (1, 2, 9, 10, 13, 14, 17, 18, 19)] == [
        "single", "single", "multiple", "multiple", "true_false", "true_false", "fill_blank", "fill_blank", "fill_blank"
    ]  # fmt: skip
    assert len(items[9].answer) >= 2 and len(items[10].options) > len(items[10].answer)
    assert "、" in items[6].options[0] and "、" in items[8].options[0]
    wrong = next(letter for letter in "ABCD" if letter != right[1])
    zhao = right | {10: right[10][::-1]}
    qian = right | {
        1: wrong, 2: f"其他〖{items[2].options[0]}〗", 9: right[9][0], 13: "对" if right[13] == "错" else "错",
        17: "", 18: right[18] + "。",
    }  # fmt: skip
    sun = right | {10: "ABCDEF"[: len(items[10].options)], 14: "对" if right[14] == "错" else "错", 19: "依法治国"}
    assert items[2].answer == ("A",) and right[19] != "依法治国"
    return {"赵一": zhao, "钱二": qian, "孙三": sun}


def cell(key: AnswerKey, number: int, answer: str, joiner: str, by_number: bool) -> str:
    """A download's cell: option texts (or 1-based numbers) joined by ``joiner``; 对/错 (1/2)."""
    item = next(i for i in key.items if i.number == number)
    if answer.startswith("其他〖") or item.type == "fill_blank":
        return answer
    if item.type == "true_false":
        return ("1" if answer == "对" else "2") if by_number else answer
    indexes = ["ABCDEF".index(letter) for letter in answer]
    return joiner.join(str(i + 1) if by_number else item.options[i] for i in indexes)


def write_table(path: Path, rows: list[list[str | int]], encoding: str = "utf-8-sig") -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding=encoding, newline="") as f:
            csv.writer(f).writerows(rows)
        return
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def grade(folder: Path, table: Path, *warnings: str) -> dict[str, float]:
    report = folder / "成绩.json"
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(folder / "测验.key.yaml"), "-o", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    # the warnings as stderr says them (the session's language; the report's are Chinese)
    warned = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert (data["failures"], warned, len(data["warnings"])) == ([], list(warnings), len(warnings))
    lost = {m["name"]: {i["number"]: i["points"] - i["earned"] for i in m["items"] if i["earned"] < i["points"]}
            for m in data["members"]}  # fmt: skip
    assert lost == LOST
    return {m["name"]: m["score"] for m in data["members"]}


@pytest.mark.parametrize(
    ("name", "by_number", "encoding"),
    [("按文本.csv", False, "utf-8-sig"), ("按文本.csv", False, "gb18030"), ("按文本.xlsx", False, ""),
     ("按序号.csv", True, "utf-8-sig"), ("按序号.xlsx", True, "")],
)  # fmt: skip
def test_wjx_downloads_of_the_shipped_paper(tmp_path: Path, name: str, by_number: bool, encoding: str) -> None:
    """问卷星 按文本 (option texts joined by ┋, ``(跳过)``) and 按序号 (option numbers, ``-3`` skipped), CSV
    and XLSX: 100, 75 and 85, exactly as counted by hand."""
    key = publish(tmp_path, "wjx")
    blocks = (tmp_path / "测验.wjx.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [re.fullmatch(r"\d+\. (.*)\[(?:单选题|多选题|判断题|填空题)\]", b.split("\n")[0])[1] for b in blocks]  # type: ignore[index]
    assert titles[0] == "姓名" and len(titles) == 21
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "总分"]
    rows: list[list[str | int]] = [header + [f"{n}、{t}" for n, t in enumerate(titles, 1)]]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        skipped = "-3" if by_number else "(跳过)"
        cells = [cell(key, i, a, "┋", by_number) if a else skipped for i, a in sorted(given.items())]
        rows.append([n, f"2026/12/7 20:0{n}:13", f"{300 + n}秒", "微信", "N/A", f"10.0.0.{n}", 0, member, *cells])
    table = tmp_path / f"问卷星{name}"
    write_table(table, rows, encoding or "utf-8")
    expected = [f"{table}:3: warning: {OTHER_WARNING.format(text=key.items[1].options[0])}"]
    if by_number:
        expected.insert(
            0,
            f"{table}:1: warning: the choice cells hold option numbers (a 问卷星 download by option number, "
            "按选项序号): read 1 as A, 2 as B, … (a true-or-false item's 1 as 对, 2 as 错); -3 (skipped) and -2 "
            "(not shown) as unanswered",
        )
    assert grade(tmp_path, table, *expected) == SCORES


@pytest.mark.parametrize(("suffix", "joiner"), [(".csv", "┋"), (".xlsx", "、")])
def test_tencent_download_of_the_shipped_paper(tmp_path: Path, suffix: str, joiner: str) -> None:
    """腾讯问卷's download of the exam imported from the Chinese exam text: the title line is no column,
    the name question is; 100, 75 and 85, exactly as counted by hand."""
    key = publish(tmp_path, "tencent")
    title, *blocks = (tmp_path / "测验.tencent.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    assert title == "全方位多层次深入推进省域治理现代化"
    tags = r"\[(?:单行文本题|单选题|多选题|判断题|多项填空题)\]"
    titles = [re.match(rf"(.*?){tags}", b)[1] for b in blocks]  # type: ignore[index]
    assert titles[0] == "姓名" and len(titles) == 21
    rows: list[list[str | int]] = [["编号", "开始答题时间", "结束答题时间", "答题时长", "总分"]]
    rows[0] += [f"{n}.{t}" for n, t in enumerate(titles, 1)]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        cells = [cell(key, i, a, joiner, False) for i, a in sorted(given.items())]
        rows.append([str(n), "2026-12-07 20:00:00", f"2026-12-07 20:0{n}:00", str(60 * n), "0", member, *cells])
    table = tmp_path / f"腾讯问卷{suffix}"
    write_table(table, rows)
    expected = f"{table}:3: warning: {OTHER_WARNING.format(text=key.items[1].options[0])}"
    assert grade(tmp_path, table, expected) == SCORES


@pytest.mark.parametrize(
    ("suffix", "names"),
    [(".csv", ("Surname", "First name")), (".xlsx", ("Last name", "First name")), (".csv", ("姓", "名"))],
)
def test_moodle_responses_report_of_the_shipped_paper(tmp_path: Path, suffix: str, names: tuple[str, str]) -> None:
    """Moodle's Responses report (quiz_responses) of the quiz imported from the Moodle XML: the name in two
    columns (Surname, First name; 姓, 名 in Chinese) read as one, 姓 then 名; ``Response N`` columns holding
    the chosen options' texts joined by ``; `` (qtype_multichoice ``summarise_response``), True/False, the
    typed blank, ``-`` unanswered; the report's other columns (e-mail, state, times, ``Grade/100.00``,
    ``Question N``, ``Right answer N``) are passed over without a warning; an attempt never submitted
    (State ``In progress``, 进行中) is left out with a warning, as Moodle gives it no grade.  100, 75 and 85
    as counted by hand (钱二's item 2 is option B here: Moodle has no 其他)."""
    key = publish(tmp_path, "moodle-xml")
    header = [*names, "Email address", "State", "Started on", "Completed", "Time taken", "Grade/100.00"]
    header += [f"{kind} {n}" for n in range(1, 21) for kind in ("Question", "Response", "Right answer")]
    rows: list[list[str | int]] = [header]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        given[2] = given[2] if not given[2].startswith("其他") else "B"
        row: list[str | int] = [member[0], member[1:], f"m{n}@example.org", "Finished", "7 December 2026  8:00 PM"]
        row += ["7 December 2026  8:10 PM", "10 mins", "0.00"]
        for i, a in sorted(given.items()):
            truth = {"对": "True", "错": "False"}.get(a, a)
            response = cell(key, i, truth, "; ", False) if a else "-"
            row += [key.items[i - 1].stem, response, "-"]
        rows.append(row)
    state = "In progress" if names[0] != "姓" else "进行中"
    rows.append(["李", "四", "m4@example.org", state, "7 December 2026  8:00 PM", "", "", "-", *rows[1][8:]])
    table = tmp_path / f"moodle-responses{suffix}"
    write_table(table, rows)
    skipped = (
        f"{table}:5: warning: 李四: row skipped: this Moodle attempt was not submitted (state '{state}'; Moodle grades "
        "finished attempts only)"
    )
    scores = grade(tmp_path, table, skipped)
    assert scores == {"赵一": 100.0, "钱二": 75.0, "孙三": 85.0}


def test_moodle_grades_report_is_named(tmp_path: Path) -> None:
    """Moodle's Grades report (marks per question, ``Q. 1 /5.00``) holds no answers: not graded, and the
    failure says which report to download instead."""
    publish(tmp_path, "moodle-xml")
    table = tmp_path / "grades.csv"
    header = [
        "Surname",
        "First name",
        "Email address",
        "State",
        "Grade/100.00",
        *(f"Q. {n} /5.00" for n in range(1, 21)),
    ]
    write_table(table, [header, ["赵", "一", "m@example.org", "Finished", "100.00", *["5.00"] * 20]])
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{table}:1: this is Moodle's Grades report (the marks per question, 'Q. 1 /5.00'), not the members' "
        "answers: download the Responses report (Results → Responses) and grade that\n"
        "Error: no answers could be graded\n"
    )


def wjx_rows(folder: Path, key: AnswerKey, cells_of: dict[str, list[str]]) -> list[list[str | int]]:
    blocks = (folder / "测验.wjx.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [re.fullmatch(r"\d+\. (.*)\[(?:单选题|多选题|判断题|填空题)\]", b.split("\n")[0])[1] for b in blocks]  # type: ignore[index]
    rows: list[list[str | int]] = [["序号", "提交答卷时间", "总分", *(f"{n}、{t}" for n, t in enumerate(titles, 1))]]
    rows += [[n, f"2026/12/7 20:0{n}:13", 0, member, *cells] for n, (member, cells) in enumerate(cells_of.items(), 1)]
    return rows


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_wjx_download_by_score_is_refused(tmp_path: Path, suffix: str) -> None:
    """问卷星's download by score (按分数: each question's points, 0 or 5/6/4) is no answers: it was read as
    option numbers (5 → E, unreadable, every member near 0 with a warning per cell); now the file is not
    graded and the failure says which download to take instead."""
    key = publish(tmp_path, "wjx")
    lost = {"赵一": set(), "钱二": {1, 2, 9, 13, 17}}
    table = tmp_path / f"问卷星按分数{suffix}"
    cells = {m: ["0" if i.number in gone else f"{i.points:g}" for i in key.items] for m, gone in lost.items()}
    write_table(table, wjx_rows(tmp_path, key, cells))
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{table}:1: the choice cells hold numbers that are no option numbers ('5' on a question of 4 options): "
        "this looks like 问卷星's download by score (按分数), which gives each question's points, not the answers; "
        "download the answers 按文本 (by text) or 按选项序号 (by option number) and grade those\n"
        "Error: no answers could be graded\n"
    )


def test_option_numbers_with_a_slip_are_still_option_numbers(tmp_path: Path) -> None:
    """A table of option numbers whose first row has one number no option has (5 on a four-option item) is
    read as option numbers, that cell unreadable: 赵一 100 − 5 = 95, not a refused file."""
    key = publish(tmp_path, "wjx")
    given = answers(key)["赵一"]
    cells = [cell(key, i, a, "┋", True) for i, a in sorted(given.items())]
    cells[0] = "5"
    table = tmp_path / "按序号.csv"
    write_table(table, wjx_rows(tmp_path, key, {"赵一": cells}))
    report = tmp_path / "成绩.json"
    result = CliRunner().invoke(
        main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml"), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [(m["name"], m["score"]) for m in data["members"]] == [("赵一", 95.0)]
    assert result.stderr.splitlines()[1] == f"{table}:2: warning: 赵一, question 1: cannot read answer '5': expected letters A–D or option texts; scored 0"  # fmt: skip


@pytest.mark.parametrize(("suffix", "by_number", "skipped"), [(".csv", False, "(跳过)"), (".xlsx", True, "-3")])
def test_a_skipped_name_question_is_no_name(tmp_path: Path, suffix: str, by_number: bool, skipped: str) -> None:
    """A member who skipped the 姓名 question: 问卷星 writes ``(跳过)`` (按文本) or ``-3`` (按选项序号) in the
    name cell.  It was graded as a member named "(跳过)" (two such members as one name twice); it is a row
    without a name, graded as （第3行） with a warning, its score exactly 75 as counted by hand."""
    key = publish(tmp_path, "wjx")
    given = answers(key)
    cells = {
        "赵一": [cell(key, i, a, "┋", by_number) for i, a in sorted(given["赵一"].items())],
        skipped: [cell(key, i, a, "┋", by_number) if a else skipped for i, a in sorted(given["钱二"].items())],
    }
    table = tmp_path / f"问卷星{suffix}"
    write_table(table, wjx_rows(tmp_path, key, cells))
    report = tmp_path / "成绩.json"
    result = CliRunner().invoke(
        main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml"), "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [(m["name"], m["score"]) for m in data["members"]] == [("赵一", 100.0), ("（第3行）", 75.0)]
    assert f"{table}:3: warning: no name in this row; graded as （第3行）" in result.stderr.splitlines()


def tencent_rows(folder: Path, key: AnswerKey, extra: str = "") -> list[list[str | int]]:
    """A 腾讯问卷 download of :func:`answers`, and — with ``extra`` — after the answers one column per
    question headed ``N.<stem>{extra}`` holding its points, as an exam download may add."""
    _title, *blocks = (folder / "测验.tencent.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [re.match(r"(.*?)\[", b)[1] for b in blocks]  # type: ignore[index]
    heads = [f"{n}.{t}" for n, t in enumerate(titles, 1)]
    rows: list[list[str | int]] = [["编号", "总分", *heads, *([f"{h}{extra}" for h in heads[1:]] if extra else [])]]
    for n, (member, given) in enumerate(answers(key).items(), 1):
        cells = [cell(key, i, a, "┋", False) for i, a in sorted(given.items())]
        rows.append([str(n), "0", member, *cells, *(["5"] * len(cells) if extra else [])])
    return rows


@pytest.mark.parametrize("extra", ["(得分)", "_得分", "【分数】"])
def test_score_columns_of_an_exam_download_are_passed_over(tmp_path: Path, extra: str) -> None:
    """An exam download's column of a question's points (``2.<stem>(得分)``) is no second answer column
    for that question: passed over like 总分 (it failed the file: "question 1 already has column …");
    100, 75 and 85 as counted by hand."""
    key = publish(tmp_path, "tencent")
    table = tmp_path / "腾讯问卷.csv"
    write_table(table, tencent_rows(tmp_path, key, extra))
    expected = f"{table}:3: warning: {OTHER_WARNING.format(text=key.items[1].options[0])}"
    assert grade(tmp_path, table, expected) == SCORES


def test_two_columns_for_one_question_are_told_apart(tmp_path: Path) -> None:
    """Two columns whose headers start alike for 30 characters (a long stem, then `` 得分``): the failure
    shows each header's start and end, so the two read differently."""
    key = publish(tmp_path, "tencent")
    table = tmp_path / "腾讯问卷.csv"
    write_table(table, tencent_rows(tmp_path, key, " 得分"))
    result = CliRunner().invoke(main, ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{table}:1: column 24 ('2.导语指出,推进省域治理现代化…理能力现代化的( ) 得分'): question 1 already has "
        "column 4 ('2.导语指出,推进省域治理现代化…系和治理能力现代化的( )')"
    )


def test_review_deck_shows_what_was_typed_under_other(tmp_path: Path) -> None:
    """钱二's 错题本 deck (``--review-decks``), imported into real Anki, holds his 5 missed questions; the
    back of item 2 shows what he typed under 其他 (``其他：党员生活``, as the report shows it), not only
    ``其他（自填）``, and his skipped blank as 未作答."""
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    key = publish(tmp_path, "wjx")
    blocks = (tmp_path / "测验.wjx.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    titles = [re.fullmatch(r"\d+\. (.*)\[(?:单选题|多选题|判断题|填空题)\]", b.split("\n")[0])[1] for b in blocks]  # type: ignore[index]
    rows: list[list[str | int]] = [["序号", "总分", *(f"{n}、{t}" for n, t in enumerate(titles, 1))]]
    given = answers(key)["钱二"]
    rows.append([1, 0, "钱二", *(cell(key, i, a, "┋", False) if a else "(跳过)" for i, a in sorted(given.items()))])
    table = tmp_path / "问卷星.xlsx"
    write_table(table, rows)
    args = ["grade", str(table), "--key", str(tmp_path / "测验.key.yaml"), "--bank", str(SHIPPED_BANK)]
    result = CliRunner().invoke(
        main, [*args, "--review-decks", str(tmp_path / "错题本"), "-o", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 0, result.output
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(tmp_path / "错题本" / "钱二.apkg"))
        request.options.CopyFrom(ImportAnkiPackageOptions())
        col.import_anki_package(request)
        notes = [col.get_note(n) for n in col.find_notes("")]
        yours = {n["QuestionID"]: n["YourAnswer"] for n in notes}
        ids = {i.number: i.question_id for i in key.items}
        assert sorted(yours) == sorted(ids[n] for n in LOST["钱二"])
        assert "其他：党员生活" in yours[ids[2]] and "其他（自填）" not in yours[ids[2]]
        assert yours[ids[17]] == "未作答"
    finally:
        col.close()
