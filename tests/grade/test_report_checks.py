"""What a secretary gets back from grade and quiz (round 7, report-checks): a key graded with another
article's bank, members' order in the reports, A/B labels on papers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from skpaths import DATA
from studykit.cli import main


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


# -- a key graded with another article's bank ------------------------------------------------------


def _october(tmp_path: Path) -> tuple[Path, Path]:
    """十月's paper (4 items, intro-d01 first) and 张三's sheet; 九月's bank beside it, which has an
    intro-d01 too (another question: 导语指出，基层党组织是党的全部工作和战斗力的基础)."""
    shutil.copytree(DATA / "year" / "10-pinglun", tmp_path / "九月")
    shutil.copytree(DATA / "year" / "12-tongzhi", tmp_path / "十月")
    result = run("quiz", "--bank", tmp_path / "十月", "--count", "4", "--seed", "1", "-o", tmp_path / "十月.md")
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "张三.txt"
    sheet.write_text("姓名：张三\n测验：12-xxtz-1-67682040\n1. A\n2. 错\n3. 错\n4. 错\n", encoding="utf-8")
    return tmp_path / "十月.key.yaml", sheet


def test_another_articles_bank_gives_no_hints_and_says_so(tmp_path: Path) -> None:
    """grade --key 十月.key.yaml --bank 九月/: the key's ids (intro-d01) are in 九月's bank for other
    questions, so no 解析, 重读 or speech label comes from it; the member is graded from the key alone
    (4/17), exit 0, and the console and the report say why the hints are missing."""
    key, sheet = _october(tmp_path)
    result = run("grade", sheet, "--key", key, "--bank", tmp_path / "九月")
    assert result.exit_code == 0, result.output
    bank = tmp_path / "九月" / "question_bank.yaml"
    note = (
        f"题库 {bank} 是 '10-plywz'，而测验出自 '12-xxtz'；它的解析和重读位置会是别的题目的，所以不列出"
        "（得分只按答案文件计算）"
    )
    assert result.stderr == (
        f"warning: the bank {bank} is '10-plywz' but the quiz was made from '12-xxtz'; its 解析 and reread hints "
        "are left out, as they would be another question's (scores come from the key alone)\n"
    )
    assert result.stdout == (
        "测验成绩 · 关于认真学习贯彻全市组织工作会议精神的通知\n"
        "测验 12-xxtz-1-67682040 · 满分 17 分 · 及格线 60%\n"
        f"注意：{note}\n"
        "（未加载出题所用的题库，错题不附解析和重读位置；可用 --bank 指定题库。）\n"
        "\n"
        "个人成绩\n"
        "\n"
        f"张三（{sheet}）：4/17 分，23.5%，不及格\n"
        "  各篇：intro 0/5 · part-2 4/8 · part-4 0/4\n"
        "  错题：\n"
        "    1. [单选 5分] 错误：作答 A，正确答案 D\n"
        "    2. [判断 4分] 错误：作答 错，正确答案 对\n"
        "    4. [判断 4分] 错误：作答 错，正确答案 对\n"
    )
    assert "基层党组织" not in result.stdout  # 九月's intro-d01
    data = json.loads(run("grade", sheet, "--key", key, "--bank", tmp_path / "九月", "--format", "json").stdout)
    assert [(q["question_id"], "explanation" in q, "reread" in q) for q in data["questions"]][:1] == [
        ("intro-d01", False, False)
    ]


def test_the_quiz_s_own_bank_still_gives_its_hints(tmp_path: Path) -> None:
    """The same sheet graded with 十月's own bank: 十月's 解析 of intro-d01 under item 1, no note."""
    key, sheet = _october(tmp_path)
    result = run("grade", sheet, "--key", key, "--bank", tmp_path / "十月")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (
        "    1. [单选 5分] 错误：作答 A，正确答案 D\n"
        "       解析：见导语《关于认真学习贯彻全市组织工作会议精神的通知》：“12月1日，全市组织工作会议召开。”\n"
    ) in result.stdout


# -- members' order ------------------------------------------------------------------------------

#: The answers of the mini key (tests/grade/conftest.py's make_key), all right.
RIGHT = ["B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11"]
#: A folder's sheets in 汉语拼音 order of their names: 曾 and 单 read as surnames (zeng, shan), 党员2 before 党员10.
PINYIN = ["阿依古丽", "党员2", "党员10", "李四", "欧阳明", "单丽", "王五", "曾红", "张三"]


def _folder(tmp_path: Path) -> Path:
    """A folder of 9 sheets, all right but 王五's item 1 (16/18) and 党员10's item 3 (14/18)."""
    folder = tmp_path / "答卷"
    folder.mkdir()
    for name in reversed(PINYIN):
        answers = list(RIGHT)
        if name == "王五":
            answers[0] = "A"
        if name == "党员10":
            answers[2] = "AB"
        lines = [f"姓名：{name}", "测验：mini-test-7-abc", "版本：A", *(f"{n}. {a}" for n, a in enumerate(answers, 1))]
        (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_a_folder_is_read_in_pinyin_order_of_its_file_names(tmp_path: Path, key_file: Path) -> None:
    """grade 答卷/: the text and HTML reports' 个人成绩 list the members in 拼音 order of their files
    (阿 first, 张 last — in character-code order 张 U+5F20 came before 李 U+674E and 阿 U+963F last);
    the ranking stays by score, its ties (18/18) in that order, in every format."""
    folder = _folder(tmp_path)
    text = run("grade", folder, "--key", key_file).stdout
    sections = [line.split("（", 1)[0] for line in text.split("个人成绩\n", 1)[1].splitlines() if "分，" in line]
    assert sections == PINYIN
    ranking = [line.split()[1] for line in text.split("排名\n", 1)[1].split("\n\n", 1)[0].splitlines()]
    tied = ["阿依古丽", "党员2", "李四", "欧阳明", "单丽", "曾红", "张三"]
    assert ranking == [*tied, "王五", "党员10"]
    csv_rows = run("grade", folder, "--key", key_file, "--format", "csv").stdout.splitlines()[1:]
    assert [(row.split(",")[0], row.split(",")[1], row.split(",")[4]) for row in csv_rows] == [
        *(("1", name, "18") for name in tied),
        ("8", "王五", "16"),
        ("9", "党员10", "14"),
    ]
    data = json.loads(run("grade", folder, "--key", key_file, "--format", "json").stdout)
    assert [(m["rank"], m["name"], m["score"]) for m in data["members"]] == [
        *((1, name, 18) for name in tied),
        (8, "王五", 16),
        (9, "党员10", 14),
    ]
    page = run("grade", folder, "--key", key_file, "--format", "html").stdout
    members = page.split("个人成绩", 1)[1]
    assert sorted(PINYIN, key=members.index) == PINYIN


def test_name_key_orders_names_as_a_roster() -> None:
    """collation.by_name: 汉语拼音 (ü after u: 卢 lu, 吕 lü), tone (妈 ma1 before 马 ma3), digits by
    value, Latin before Han, the compound surname 长孙 read zhangsun (after 张 zhang)."""
    from studykit.collation import by_name

    names = ["长孙无忌", "张三", "马丽", "妈妈", "吕布", "卢三", "党员10", "党员2", "Zhou", "li"]
    assert by_name(names, str) == ["li", "Zhou", "党员2", "党员10", "卢三", "吕布", "妈妈", "马丽", "张三", "长孙无忌"]


# -- A卷 / B卷 ------------------------------------------------------------------------------------

SHIPPED = Path(__file__).resolve().parents[2] / "question_bank.yaml"
TITLE = "全方位多层次深入推进省域治理现代化"


def _versions(tmp_path: Path, fmt: str) -> Path:
    """The standard paper of the shipped bank (seed 11) in two versions, as ``fmt``: ``p-A.*``, ``p-B.*``."""
    from studykit.workflows import write_quiz

    write_quiz([SHIPPED], tmp_path / f"p.{fmt}", fmt, seed=11, versions=2)
    return tmp_path


def _paragraphs(path: Path, n: int) -> list[str]:
    from docx import Document

    return [p.text for p in Document(str(path)).paragraphs[:n]]


def test_each_version_s_documents_say_a_or_b_under_the_title(tmp_path: Path) -> None:
    """quiz --versions 2: the paper, the 答题卡 and the 参考答案 of version B print 「B卷」 on a line of
    its own right under the title (the title line stays the key's title), in .docx, .html and .md,
    and the .txt 答题卡's first line ends in · B卷; version A's say A卷."""
    folder = _versions(tmp_path, "docx")
    assert _paragraphs(folder / "p-B.docx", 3)[:2] == [TITLE, "B卷"]
    assert _paragraphs(folder / "p-B.docx", 3)[2].startswith("姓名：")
    assert _paragraphs(folder / "p-A.docx", 2) == [TITLE, "A卷"]
    assert _paragraphs(folder / "p-B.solutions.docx", 3) == [
        f"{TITLE} · 参考答案",
        "B卷",
        "测验编号：szzl-hubei-daily-11-1c4be77c　版本：B　满分：100分",
    ]
    assert _paragraphs(folder / "p-B.card.docx", 3) == ["答题卡", TITLE, "B卷"]
    assert (folder / "p-B.answers.txt").read_text(encoding="utf-8").splitlines()[0] == (
        f"# studykit 答题卡 · {TITLE} · B卷"
    )
    html = _versions(tmp_path / "html", "html")
    assert f'<h1>{TITLE}</h1>\n<p class="version">B卷</p>\n' in (html / "p-B.html").read_text(encoding="utf-8")
    assert f'<h1>{TITLE} · 参考答案</h1>\n<p class="version">B卷</p>\n' in (html / "p-B.solutions.html").read_text(
        encoding="utf-8"
    )
    assert f'<p class="subtitle">{TITLE}</p>\n<p class="version">B卷</p>\n' in (html / "p-B.card.html").read_text(
        encoding="utf-8"
    )
    md = _versions(tmp_path / "md", "md")
    assert (md / "p-B.md").read_text(encoding="utf-8").startswith(f"# {TITLE}\n\nB卷\n\n姓名：")
    assert (
        (md / "p-B.solutions.md").read_text(encoding="utf-8").startswith(f"# {TITLE} · 参考答案\n\nB卷\n\n测验编号：")
    )


def test_a_paper_of_one_version_has_no_version_line(tmp_path: Path) -> None:
    """quiz without --versions: the title, then the 姓名 line, as before."""
    from studykit.workflows import write_quiz

    write_quiz([SHIPPED], tmp_path / "p.docx", "docx", seed=11)
    assert _paragraphs(tmp_path / "p.docx", 2)[0] == TITLE
    assert _paragraphs(tmp_path / "p.docx", 2)[1].startswith("姓名：")
    assert _paragraphs(tmp_path / "p.card.docx", 3)[2].startswith("姓名：")


def test_a_filled_version_b_paper_and_card_are_graded_exactly(tmp_path: Path) -> None:
    """Version B's .docx paper and 答题卡 filled in Word: the title still read as the paper's (no line
    ignored, no warning for 「B卷」), graded with B's key: all 20 right on the card (100),
    the paper with items 1–16 answered right and 17–20 left blank (100 − 4 × 5 = 80)."""
    from docx import Document

    from studykit.key import load_key

    folder = _versions(tmp_path, "docx")
    key = load_key(folder / "p-B.key.yaml")
    right = {it.number: _right(it) for it in key.items}
    card = Document(str(folder / "p-B.card.docx"))
    for paragraph in card.paragraphs:
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", "姓名：张三", 1)
    rows = list(card.tables[0].rows)
    for i, row in enumerate(rows):
        first = row.cells[0].text.strip()
        if first == "题号":
            for c, cell in enumerate(row.cells):
                if cell.text.strip().isdigit():
                    rows[i + 1].cells[c].text = right[int(cell.text)]
        elif first.rstrip(".").isdigit():
            row.cells[1].text = right[int(first.rstrip("."))]
    card.save(str(folder / "张三.docx"))
    paper = Document(str(folder / "p-B.docx"))
    for paragraph in paper.paragraphs:
        head, dot, _rest = paragraph.text.partition(". ")
        if paragraph.text.startswith("姓名："):
            paragraph.text = paragraph.text.replace("姓名：", "姓名：李四", 1)
        elif dot and head.isdigit() and int(head) <= 16:
            text = paragraph.text.rsplit("（", 1)[0] + f"（{right[int(head)]}）" + paragraph.text.rsplit("）", 1)[1]
            paragraph.text = text
    paper.save(str(folder / "李四.docx"))
    result = run(
        "grade", folder / "张三.docx", folder / "李四.docx", "--key", folder / "p-B.key.yaml", "--format", "json"
    )
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert [(m["name"], m["score"]) for m in data["members"]] == [("张三", 100), ("李四", 80)]
    assert data["warnings"] == []


def _right(item: object) -> str:
    """The right answer of a key item as a member writes it: letters, 对/错, the blank's text."""
    from studykit.key import KeyItem

    assert isinstance(item, KeyItem)
    if item.type == "true_false":
        return "对" if item.answer == ("true",) else "错"
    return "".join(item.answer) if item.type in ("single", "multiple") else item.answer[0]
