"""A member's answers sent back in Word: the 答题卡 (``X.card.docx``) or the paper (``X.docx``)
filled in and saved, read back with python-docx and graded to the exact score."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from studykit.cli import main
from studykit.key import AnswerKey, load_key
from studykit.workflows import write_quiz

BANK = Path(__file__).resolve().parents[2] / "question_bank.yaml"


@pytest.fixture()
def paper(tmp_path: Path) -> tuple[Path, AnswerKey]:
    """The standard paper of the shipped bank (seed 11) as .docx: paper, card, 参考答案, key."""
    write_quiz([BANK], tmp_path / "p.docx", "docx", seed=11)
    return tmp_path, load_key(tmp_path / "p.key.yaml")


def _written(key: AnswerKey, number: int) -> str:
    """The right answer of item ``number`` as a member writes it: letters, 对/错, the blank's text."""
    item = next(it for it in key.items if it.number == number)
    if item.type == "true_false":
        return "对" if item.answer == ("true",) else "错"
    return "".join(item.answer) if item.type in ("single", "multiple") else item.answer[0]


def _grade(*paths: Path, key: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *map(str, paths), "--key", str(key), "--format", "csv"])
    return result.exit_code, result.stdout, result.stderr


def _fill_card(card: Path, out: Path, name: str, answers: dict[int, str]) -> None:
    """``card`` with ``name`` after 姓名： and ``answers`` (number → text) in the grid and 填空 rows."""
    document = Document(str(card))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", f"姓名：{name}", 1)
    table = document.tables[0]
    rows = list(table.rows)
    for i, row in enumerate(rows):
        first = row.cells[0].text.strip()
        if first == "题号":
            for c, cell in enumerate(row.cells):
                if cell.text.strip().isdigit() and int(cell.text) in answers:
                    rows[i + 1].cells[c].text = answers[int(cell.text)]
        elif first.rstrip(".").isdigit() and int(first.rstrip(".")) in answers:
            row.cells[1].text = answers[int(first.rstrip("."))]
    document.save(str(out))


def test_a_filled_card_is_graded_exactly(paper: tuple[Path, AnswerKey]) -> None:
    """All 20 right: 100 (also with a blank's row written ``18. answer``, its number again); items
    1, 9 and 17 wrong and 13 blank: 100 − 5 − 6 − 5 − 4 = 80."""
    folder, key = paper
    right = {it.number: _written(key, it.number) for it in key.items}
    _fill_card(folder / "p.card.docx", folder / "张三.docx", "张三", right)
    _fill_card(
        folder / "p.card.docx", folder / "周九.docx", "周九", {**right, 18: f"18. {right[18]}"}
    )  # its number again
    wrong = {**right, 1: "D" if right[1] != "D" else "C", 9: "A", 17: "不对的字"}
    del wrong[13]
    _fill_card(folder / "p.card.docx", folder / "李四.docx", "李四", wrong)
    code, out, err = _grade(folder / "张三.docx", folder / "周九.docx", folder / "李四.docx", key=folder / "p.key.yaml")
    assert code == 0, err
    rows = [line.split(",")[:5] for line in out.splitlines()[1:]]
    assert [(r[1], r[4]) for r in rows] == [("张三", "100"), ("周九", "100"), ("李四", "80")]
    assert [it.points for it in key.items if it.number in (1, 9, 13, 17)] == [5, 6, 4, 5]


def test_a_filled_paper_is_graded_exactly(paper: tuple[Path, AnswerKey]) -> None:
    """The paper itself filled in Word: a letter or 对/错 typed into the brackets of items 1–16 but
    5 and 14, and item 17's answer typed into its blank (the spaces around it kept); 18–20 left
    blank: 100 − 5 (item 5) − 4 (14) − 3 × 5 (18–20) = 76, the items left blank unanswered."""
    folder, key = paper
    document = Document(str(folder / "p.docx"))
    filled = {n for n in range(1, 18) if n not in (5, 14)}
    for paragraph in document.paragraphs:
        head, dot, rest = paragraph.text.partition(". ")
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", "姓名：王五", 1)
        elif dot and head.isdigit() and int(head) in filled:
            item = next(it for it in key.items if it.number == int(head))
            if item.type == "fill_blank":  # typed into the blank, the spaces around it kept
                text = rest.replace("\u00a0" * 3, item.answer[0], 1)
            else:
                text = (
                    paragraph.text.rsplit("（", 1)[0]
                    + f"（{_written(key, int(head))}）"
                    + paragraph.text.rsplit("）", 1)[1]
                )
                text = text.partition(". ")[2]
            paragraph.text = f"{head}. {text}"
    document.save(str(folder / "王五.docx"))
    code, out, err = _grade(folder / "王五.docx", key=folder / "p.key.yaml")
    assert code == 0, err
    expected = sum(it.points for it in key.items if it.number in filled)
    row = out.splitlines()[1].split(",")
    assert (row[1], row[4]) == ("王五", f"{expected:g}")
    assert expected == 76
    report = CliRunner().invoke(
        main, ["grade", str(folder / "王五.docx"), "--key", str(folder / "p.key.yaml"), "--format", "json"]
    )
    items = json.loads(report.stdout)["members"][0]["items"]
    assert {i["number"]: i["status"] for i in items if i["status"] != "correct"} == dict.fromkeys(
        (5, 14, 18, 19, 20), "unanswered"
    )


def test_the_quiz_s_own_documents_in_the_folder_are_left_out(paper: tuple[Path, AnswerKey]) -> None:
    """``grade FOLDER`` beside the paper: the 参考答案 quiz wrote beside the key is passed over, the
    blank paper and cards (.docx and .txt) are named and left out, the member's card is graded;
    given by name, the 参考答案 is left out with a warning too."""
    folder, key = paper
    right = {it.number: _written(key, it.number) for it in key.items}
    _fill_card(folder / "p.card.docx", folder / "赵六.docx", "赵六", right)
    code, out, err = _grade(folder, key=folder / "p.key.yaml")
    assert code == 0, err
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["赵六"]
    blank = "warning: a blank answer sheet (no 姓名 and no answer filled in); left out"
    assert sorted(line for line in err.splitlines() if "left out" in line) == [
        f"{folder / 'p.answers.txt'}: {blank}",
        f"{folder / 'p.card.docx'}: {blank}",
        f"{folder / 'p.docx'}: {blank}",
    ]
    code, out, err = _grade(folder / "p.solutions.docx", folder / "赵六.docx", key=folder / "p.key.yaml")
    assert code == 0, err
    assert err.splitlines() == [
        f"{folder / 'p.solutions.docx'}:1: warning: this is the quiz's 参考答案 (its answers for people to read), "
        "not members' answers; left out",
    ]


def test_a_card_filled_and_saved_in_place_is_graded_in_its_folder(paper: tuple[Path, AnswerKey]) -> None:
    """A member who fills p.card.docx and saves it under that name, beside the key: ``grade FOLDER``
    grades it (it was passed over as the quiz's own card, and the run said only that nothing could
    be graded; found by the final fresh-clone check)."""
    folder, key = paper
    _fill_card(
        folder / "p.card.docx",
        folder / "p.card.docx",
        "王小明",
        {it.number: _written(key, it.number) for it in key.items},
    )
    code, out, err = _grade(folder, key=folder / "p.key.yaml")
    assert code == 0, err
    assert [(r.split(",")[1], r.split(",")[4]) for r in out.splitlines()[1:]] == [("王小明", "100")]


def test_a_broken_or_hostile_document_fails_alone(paper: tuple[Path, AnswerKey]) -> None:
    """A .docx that is no zip, and one packing a 200 MiB part (a zip bomb), each fail with one line
    naming the file, at once; the member beside them is graded."""
    folder, key = paper
    (folder / "坏.docx").write_bytes(b"not a zip at all")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (200 << 20))
    (folder / "炸.docx").write_bytes(bomb.getvalue())
    _fill_card(folder / "p.card.docx", folder / "钱七.docx", "钱七", {1: _written(key, 1)})
    code, out, err = _grade(folder / "坏.docx", folder / "炸.docx", folder / "钱七.docx", key=folder / "p.key.yaml")
    assert code == 1
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == ["钱七"]
    assert err.splitlines()[:2] == [
        f"{folder / '坏.docx'}: not a Word .docx document (expected one saved by Word or WPS)",
        f"{folder / '炸.docx'}: the document holds 1 files unpacking to 209,715,200 bytes, far more than an answer "
        "sheet does (at most 1,000 files, 67,108,864 bytes); not read",
    ]


def test_answers_typed_with_track_changes_on_are_read(paper: tuple[Path, AnswerKey]) -> None:
    """Word's and WPS's 修订 mode keeps typed text in ``w:ins`` runs (and a deleted letter in
    ``w:delText``), which python-docx's ``.text`` leaves out: the card read as unanswered, 0
    points and no warning (found by the final fresh-clone check).  The inserted text counts,
    the deleted does not: item 1 changed from a wrong letter to the right one scores."""
    from docx.oxml import parse_xml

    folder, key = paper
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    right = _written(key, 1)
    wrong = "D" if right != "D" else "C"
    document = Document(str(folder / "p.card.docx"))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", "姓名：孙八", 1)
    cell = document.tables[0].rows[1].cells[1]  # 答案 under 题号 1
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:del {w} w:id="1" w:author="x" w:date="2026-12-07T00:00:00Z"><w:r><w:delText>{wrong}</w:delText></w:r></w:del>'
    ))  # fmt: skip
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:ins {w} w:id="2" w:author="x" w:date="2026-12-07T00:00:00Z"><w:r><w:t>{right}</w:t></w:r></w:ins>'
    ))  # fmt: skip
    document.save(str(folder / "孙八.docx"))
    code, out, err = _grade(folder / "孙八.docx", key=folder / "p.key.yaml")
    assert code == 0, err
    row = out.splitlines()[1].split(",")
    assert (row[1], row[4]) == ("孙八", f"{next(it.points for it in key.items if it.number == 1):g}")


def test_a_filled_paper_whose_stem_and_options_hold_numbers_is_graded(paper: tuple[Path, AnswerKey]) -> None:
    """A drafted item asks a count: its stem goes on after the bracket with numbers (``每人联系（A）重点项目、
    1家困难企业、1个薄弱村``) and its options start with them (``A. 1个　B. 3个``).  The paper filled in
    Word was 无法评分: ``1家``, ``1个`` and the option line were read as more answers to question 1
    (a new user's report).  The filled bracket is the answer; the paper's own lines are no answers:
    item 1 right, the rest blank — 5 points."""
    import dataclasses

    from studykit.key import dump_key

    folder, key = paper
    first = key.items[0]
    assert first.type == "single" and first.points == 5
    tail = "、1家困难企业、1个薄弱村"
    counted = dataclasses.replace(
        first, stem=first.stem + tail, options=("1个", "3个", "2个", "4个"), answer=("A",), correct=("1个",)
    )
    (folder / "n.key.yaml").write_text(
        dump_key(dataclasses.replace(key, items=(counted, *key.items[1:]))), encoding="utf-8"
    )
    document = Document(str(folder / "p.docx"))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1. "))
    paragraphs[at].text = (
        paragraphs[at].text.rsplit("（", 1)[0] + "（A）" + paragraphs[at].text.rsplit("）", 1)[1] + tail
    )
    paragraphs[at + 1].text = "A. 1个\tB. 3个\tC. 2个\tD. 4个"
    for paragraph in paragraphs:
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", "姓名：陈晨", 1)
    document.save(str(folder / "陈晨.docx"))
    code, out, err = _grade(folder / "陈晨.docx", key=folder / "n.key.yaml")
    assert (code, err) == (0, "")
    row = out.splitlines()[1].split(",")
    assert (row[1], row[4]) == ("陈晨", "5")


def test_a_card_without_a_name_is_named_by_its_file_without_card(paper: tuple[Path, AnswerKey]) -> None:
    """A 答题卡 filled but with 姓名 left empty, saved as ``半张.card.docx``, is the member 半张 (it was
    ``半张.card``): the card's own ``.card`` is no part of a name, as ``.answers`` is not."""
    folder, key = paper
    _fill_card(folder / "p.card.docx", folder / "半张.card.docx", "", {1: _written(key, 1)})
    code, out, err = _grade(folder / "半张.card.docx", key=folder / "p.key.yaml")
    assert code == 0, err
    row = out.splitlines()[1].split(",")
    assert (row[1], row[4]) == ("半张", "5")
