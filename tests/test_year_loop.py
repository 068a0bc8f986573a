"""A year of banks back to the members: a paper mixing four articles (the shipped bank and the three
of tests/data/year), graded from hand-filled sheets whose scores were counted by hand; per-article
totals in the reports, the key naming each item's own article, the Anki tags, GUIDs and 出处 of the
study deck and of the 错题本, the 判断题 wording, and the handout's 答对率 kept on one line."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import genanki
import pytest
import yaml
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest
from click.testing import CliRunner, Result

from skpaths import DATA, ROOT
from studykit.cli import main

Q = "szzl-hubei-daily+10-plywz+11-zth+12-xxtz-3-908d8e51"
SZZL = "全方位多层次深入推进省域治理现代化"
PINGLUN = "以学促干 把基层党建抓在日常严在经常"
ZUOTAN = "以乡村振兴实绩检验学习成效"
TONGZHI = "关于认真学习贯彻全市组织工作会议精神的通知"

#: The sheets, filled by hand for the paper drawn article by article (3 items from each of the 4
#: articles; the draw round by speeches gave the shipped bank 6 and 12-xxtz 1, so the sheets were
#: filled again).  Keys: 1 B, 2 D, 3 C, 4 C, 5 D, 6 A, 7 A, 8 BCD, 9 对, 10 错, 11 对, 12 风险社会.
#: Item points: 1–7 single 5, 8 multiple 6, 9–11 true_false 4, 12 fill_blank 5 (58).  Articles: 09
#: shipped = items 1, 2, 12 (15 points); 10 = 3, 8, 9 (15); 11 = 4, 5, 10 (14); 12 = 6, 7, 11 (14).
SHEETS = {
    # wrong: 3 (5), 10 (4), 12 unanswered (5) → 44; per article 10/15, 10/15, 10/14, 14/14
    "张三": ["B", "D", "B", "C", "D", "A", "A", "BCD", "对", "对", "对", ""],
    # wrong: 2 (5), 6 (5), 8 BC of BCD (6, all-or-nothing), 11 (4) → 38; per article 10/15, 9/15, 14/14, 5/14
    "李四": ["B", "A", "C", "C", "D", "B", "A", "BC", "对", "错", "错", "风险社会"],
    # wrong: 1 (5), 4 (5), 7 (5), 9 (4), 12 (5) → 34; per article 5/15, 11/15, 9/14, 9/14
    "王五": ["A", "D", "C", "A", "D", "A", "B", "BCD", "错", "错", "对", "风险时代"],
}


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The year's folder (four banks), the mixed paper ``p/年终`` (seed 3, 12 items) and the sheets ``s/``."""
    root = tmp_path_factory.mktemp("year")
    for bank in ("10-pinglun", "11-zuotan", "12-tongzhi"):
        shutil.copytree(DATA / "year" / bank, root / "y" / bank)
    (root / "y" / "09-shipped").mkdir()
    shutil.copy(ROOT / "question_bank.yaml", root / "y" / "09-shipped")
    shutil.copytree(ROOT / "material", root / "y" / "09-shipped" / "material")
    result = invoke(root, "quiz", "--bank", "y", "--count", "12", "--seed", "3", "--title", "年终", "-o", "p/年终.md")
    assert result.exit_code == 0, result.output
    (root / "s").mkdir()
    for name, answers in SHEETS.items():
        lines = [f"姓名：{name}", f"测验：{Q}", *(f"{n}. {a}" for n, a in enumerate(answers, 1))]
        (root / "s" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = ["姓名," + ",".join(map(str, range(1, 13)))] + [f"{n}," + ",".join(a) for n, a in SHEETS.items()]
    (root / "t.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def invoke(root: Path, *args: str) -> Result:
    """``studykit ARGS`` run in the folder ``root``."""
    here = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(here)


def grade(year: Path, *args: str) -> str:
    result = invoke(
        year, "grade", "s/张三.txt", "s/李四.txt", "s/王五.txt", "--key", "p/年终.key.yaml", "--bank", "y", *args
    )
    assert result.exit_code == 0, result.output
    return result.stdout


# -- the key: every item named by its own article ----------------------------------------------


def test_the_mixed_key_names_each_item_by_article_and_id(year: Path) -> None:
    """Items whose bare ids two banks share (intro-d01, intro-d02 are in 10-plywz and 12-xxtz) are keyed
    ``bank/id``, and grading takes each one's 解析 from its own article."""
    key = yaml.safe_load((year / "p" / "年终.key.yaml").read_text(encoding="utf-8"))
    assert [(i["question_id"], i["speech"]) for i in key["items"]] == [
        ("szzl-hubei-daily/ren-jiantao-02", "szzl-hubei-daily/ren-jiantao"),
        ("szzl-hubei-daily/tian-yipeng-04", "szzl-hubei-daily/tian-yipeng"),
        ("10-plywz/intro-d02", "10-plywz/intro"),
        ("11-zth/li-minghua-d02", "11-zth/li-minghua"),
        ("11-zth/wang-xiuying-d12", "11-zth/wang-xiuying"),
        ("12-xxtz/intro-d01", "12-xxtz/intro"),
        ("12-xxtz/part-2-d04", "12-xxtz/part-2"),
        ("10-plywz/part-1-d03", "10-plywz/part-1"),
        ("10-plywz/part-4-d01", "10-plywz/part-4"),
        ("11-zth/zhang-guoqing-d06", "11-zth/zhang-guoqing"),
        ("12-xxtz/part-4-d02", "12-xxtz/part-4"),
        ("szzl-hubei-daily/jiang-xiaoping-14", "szzl-hubei-daily/jiang-xiaoping"),
    ]
    report = json.loads(grade(year, "--format", "json"))
    q6 = report["questions"][5]
    assert q6["explanation"] == f"见导语《{TONGZHI}》：“12月1日，全市组织工作会议召开。”"
    assert report["questions"][2]["reread"]["source"] == "基层党组织是党的全部工作和战斗力的基础。"


# -- per-article totals ----------------------------------------------------------------------


ARTICLE_LINES = [
    "各文章得分（全组平均；通过率：该文章各题通过率的平均）",
    f"  《{SZZL}》：3 题，平均 8.3/15 分（55.6%），通过率 0.56  ← 建议重学",  # below the pass mark 60
    f"  《{PINGLUN}》：3 题，平均 10.0/15 分（66.7%），通过率 0.67",
    f"  《{ZUOTAN}》：3 题，平均 11.0/14 分（78.6%），通过率 0.78",
    f"  《{TONGZHI}》：3 题，平均 9.3/14 分（66.7%），通过率 0.67",
]
MEMBER_ARTICLES = {
    "张三": f"  各文章：《{SZZL}》 10/15 · 《{PINGLUN}》 10/15 · 《{ZUOTAN}》 10/14 · 《{TONGZHI}》 14/14",
    "李四": f"  各文章：《{SZZL}》 10/15 · 《{PINGLUN}》 9/15 · 《{ZUOTAN}》 14/14 · 《{TONGZHI}》 5/14",
    "王五": f"  各文章：《{SZZL}》 5/15 · 《{PINGLUN}》 11/15 · 《{ZUOTAN}》 9/14 · 《{TONGZHI}》 9/14",
}


def test_text_report_gives_each_article_and_each_members_points_on_it(year: Path) -> None:
    """The group's 各文章得分 follows 各篇得分; each member's 各文章 line follows their 各篇 line; the
    hand-counted scores (44, 38, 34) split by article."""
    lines = grade(year).splitlines()
    start = lines.index(ARTICLE_LINES[0])
    assert lines[start - 1 : start + 6] == ["", *ARTICLE_LINES, ""]
    assert lines[start + 6] == "个人成绩"
    for name, score in (("张三", "44/58"), ("李四", "38/58"), ("王五", "34/58")):
        head = next(n for n, line in enumerate(lines) if line.startswith(f"{name}（s/{name}.txt）："))
        assert f"：{score} 分" in lines[head]
        assert lines[head + 1].startswith("  各篇：")
        assert lines[head + 2] == MEMBER_ARTICLES[name]


def test_a_table_of_the_same_answers_gives_the_same_article_totals(year: Path) -> None:
    """Members graded from a CSV (their results as codes, another writer) print the same lines."""
    result = invoke(year, "grade", "t.csv", "--key", "p/年终.key.yaml", "--bank", "y")
    lines = result.stdout.splitlines()
    start = lines.index(ARTICLE_LINES[0])
    assert lines[start : start + 5] == ARTICLE_LINES
    assert [line for line in lines if line.startswith("  各文章：")] == list(MEMBER_ARTICLES.values())


def test_json_report_lists_the_articles(year: Path) -> None:
    """``articles``: bank id, title, item numbers, points, mean, share, facility, revisit."""
    articles = json.loads(grade(year, "--format", "json"))["articles"]
    got = [
        (
            a["article"],
            a["title"],
            a["numbers"],
            a["points"],
            round(a["mean"], 4),
            round(a["facility"], 4),
            a["revisit"],
        )
        for a in articles
    ]
    assert got == [
        ("szzl-hubei-daily", SZZL, [1, 2, 12], 15.0, 8.3333, 0.5556, True),  # 55.6 % is below the pass mark 60
        ("10-plywz", PINGLUN, [3, 8, 9], 15.0, 10.0, 0.6667, False),
        ("11-zth", ZUOTAN, [4, 5, 10], 14.0, 11.0, 0.7778, False),
        ("12-xxtz", TONGZHI, [6, 7, 11], 14.0, 9.3333, 0.6667, False),
    ]
    assert [round(a["share"], 4) for a in articles] == [0.5556, 0.6667, 0.7857, 0.6667]


def test_html_report_has_the_article_table_and_each_members_line(year: Path) -> None:
    """The HTML page: a 各文章得分 table (and a 建议 column when one is below the pass mark), and a
    各文章 paragraph in each member's section — the same for sheets and for a table."""
    page = grade(year, "--format", "html", "--pass-mark", "70")
    assert "<h2>各文章得分（全组平均）</h2>" in page
    assert (
        f'<tr><td>《{ZUOTAN}》</td><td class="num">3</td><td class="num">11.0/14</td><td class="num">78.6%</td>'
        '<td class="num">0.78</td><td></td></tr>'
    ) in page
    assert (
        f'<tr><td>《{TONGZHI}》</td><td class="num">3</td><td class="num">9.3/14</td><td class="num">66.7%</td>'
        '<td class="num">0.67</td><td class="fail">建议重学</td></tr>'
    ) in page
    members = [line for line in page.splitlines() if line.startswith("<p>各文章：")]
    assert members == [f"<p>{text.strip()}</p>" for text in MEMBER_ARTICLES.values()]
    table = invoke(year, "grade", "t.csv", "--key", "p/年终.key.yaml", "--bank", "y", "--format", "html")
    assert [line for line in table.stdout.splitlines() if line.startswith("<p>各文章：")] == members


def test_a_paper_of_one_article_has_no_article_totals(year: Path) -> None:
    """One article's paper (``--article``): no 各文章 section or line, no ``articles`` entry."""
    result = invoke(
        year, "quiz", "--bank", "y", "--article", "11-zth", "--count", "5", "--seed", "1", "-o", "one/一篇.md"
    )
    assert result.exit_code == 0, result.output
    sheet = year / "one" / "一篇.answers.txt"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("姓名：", "姓名：赵六"), encoding="utf-8")
    for fmt in ("text", "html", "json"):
        out = invoke(year, "grade", str(sheet), "--key", "one/一篇.key.yaml", "--bank", "y", "--format", fmt)
        assert "各文章" not in out.stdout and '"articles"' not in out.stdout


# -- Anki: tags, GUIDs, 出处, 判断题 ----------------------------------------------------------


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> None:
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    col.import_anki_package(request)


def test_year_deck_tags_name_the_article_and_guids_stay(year: Path, col: Collection) -> None:
    """In the year's deck the two articles' ``intro`` are two tags (``10-plywz::intro``, ``12-xxtz::intro``),
    and every note's GUID is still ``genanki.guid_for(bank id, question id)``."""
    result = invoke(year, "anki", "--bank", "y", "-o", "year.apkg", "--timestamp", "1700000000")
    assert result.exit_code == 0, result.output
    import_apkg(col, year / "year.apkg")
    assert len(col.find_notes("tag:10-plywz::intro")) == 2
    assert len(col.find_notes("tag:12-xxtz::intro")) == 2
    assert len(col.find_notes("tag:szzl-hubei-daily::intro")) == 15
    assert len(col.find_notes("tag:11-zth")) == 42  # the article's tag holds its parts
    assert len(col.find_notes("tag:intro")) == 0  # no bare speech tag left to collide
    banks = {"以学促干": "10-plywz", "以乡村振兴": "11-zth", "关于认真": "12-xxtz", "全方位": "szzl-hubei-daily"}
    guids = set()
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        deck = col.decks.name(note.cards()[0].did)
        bank = next(b for prefix, b in banks.items() if deck.startswith(prefix))
        assert note.guid == genanki.guid_for(bank, note["QuestionID"]), note["QuestionID"]
        guids.add(note.guid)
    assert len(guids) == 278
    note = col.get_note(col.find_notes("QuestionID:intro-d01 tag:12-xxtz::intro")[0])
    assert note.guid == "FH{ir7&W&$"  # read from the package written before the tags named the article


def test_review_card_names_its_article_and_keeps_the_single_article_guid(year: Path, col: Collection) -> None:
    """李四's 错题本 from the mixed paper: 出处 names the article on the back; tags name bank and speech; the
    GUID is the one a 错题本 of that article's own paper gives the question (bank id + question id)."""
    grade(year, "--review-decks", "rd")
    import_apkg(col, year / "rd" / "李四.apkg")
    by_id = {col.get_note(n)["QuestionID"]: col.get_note(n) for n in col.find_notes("")}
    assert sorted(by_id) == [
        "10-plywz/part-1-d03",
        "12-xxtz/intro-d01",
        "12-xxtz/part-4-d02",
        "szzl-hubei-daily/tian-yipeng-04",
    ]
    section = by_id["10-plywz/part-1-d03"]
    assert section["Speaker"] == f'<span class="label">出处</span>《{PINGLUN}》'
    assert f'<div class="cite"><span class="label">出处</span>《{PINGLUN}》 《一、把理论学习作为首要任务》</div>' in (
        section.cards()[0].answer()
    )
    speech = by_id["szzl-hubei-daily/tian-yipeng-04"]
    assert speech["Speaker"] == f'<span class="label">出处</span>《{SZZL}》 田毅鹏（吉林大学哲学社会学院院长、教授）'
    intro = by_id["12-xxtz/intro-d01"]  # the introduction's heading is the title: named once
    assert intro["Speaker"] == '<span class="label">出处</span>'
    assert sorted(intro.tags) == ["12-xxtz::intro", "single", "数字", "错题本", "难度2"]
    assert intro.guid == genanki.guid_for("12-xxtz", "intro-d01", "review/李四")
    assert speech.guid == genanki.guid_for("szzl-hubei-daily", "tian-yipeng-04", "review/李四")


def test_true_false_card_asks_in_the_words_it_answers(year: Path, col: Collection) -> None:
    """A 判断题 card asks 对还是错？ and answers 对 / 错 — the words the paper asks for and grade reads."""
    grade(year, "--review-decks", "rd2")
    import_apkg(col, year / "rd2" / "张三.apkg")
    (nid,) = col.find_notes('"note:studykit 判断题 (v1)"')
    card = col.get_note(nid).cards()[0]
    assert '<div class="options">对还是错？</div>' in card.question()
    assert "正确还是错误" not in card.question()
    assert '<span class="key">错</span>' in card.answer()
    assert '<span class="label">你的答案</span>对</div>' in card.answer()
    sheet = (year / "p" / "年终.answers.txt").read_text(encoding="utf-8")
    assert "判断题写 对 或 错" in sheet


# -- the handout's 答对率 ---------------------------------------------------------------------


def test_docx_handout_sets_each_rate_first(year: Path) -> None:
    """Each fact of the .docx handout opens with its （答对率 N%）, where no line break can split it; each
    speech's heading names its article.  On the paper drawn article by article the worst item is 12
    (姜晓萍's blank, 33 %: 张三 left it empty, 王五 wrote 风险时代), so the handout holds that one fact
    (the paper drawn by speeches listed three facts of 67 % from two articles)."""
    grade(year, "-o", "r.json")
    result = invoke(year, "handout", "--bank", "y", "--from-report", "r.json", "-o", "h.docx")
    assert result.exit_code == 0, result.output
    paragraphs = docx.Document(io.BytesIO((year / "h.docx").read_bytes())).paragraphs
    texts = [p.text for p in paragraphs]
    assert [p.text for p in paragraphs if p.style.name == "Heading 2"] == [  # a speech names its article too
        f"《{SZZL}》姜晓萍（四川大学公共管理学院党委书记、教授）：把握城市社会治理的关键要素",
    ]
    facts = [t for t in texts if t[:1].isdigit()]
    assert facts == [
        "1.\t（答对率 33%）姜晓萍提出，在“风险社会”特征日益显著的时代背景下，在城市社会安全风险的威胁下，"
        "要全方位应对城市社会安全风险并进行综合治理。",
    ]


def test_a_drafted_swap_correction_is_stated_as_the_stem_set_right() -> None:
    """A false item whose 解析 only names the swapped words (``错误。原文是“80万”，不是“79万”。``, as
    ``studykit draft`` writes it) is stated as its stem with the words set right, not as that correction;
    other corrections stay as written, and a swap the stem does not hold once quotes the source."""
    import dataclasses

    from studykit.handout.statements import statement
    from studykit.library import load_banks

    bank = load_banks([DATA / "year"]).merged()
    assert statement(bank.question("11-zth/intro-d06")) == (
        "导语指出，座谈会采取“主会场+分会场”的方式进行，是今年全市乡村振兴系列座谈会的第三场。",
        False,
    )
    assert statement(bank.question("10-plywz/part-3-d05")) == (
        "文章指出，要坚持“四下基层”，即宣传党的路线方针政策下基层、调查研究下基层、信访接待下基层、现场办公下基层。",
        False,
    )
    assert statement(bank.question("12-xxtz/part-2-d06")) == (
        "“与开展主题党日活动相结合”是第二点，第一点是“与学习党的创新理论相结合”。",
        False,
    )
    twice = dataclasses.replace(bank.question("11-zth/zhang-guoqing-d06"), stem="79万，79万。")
    assert statement(twice) == (
        "村里把党小组建在产业链上，党员带头领办合作社，去年村集体经济收入突破80万元。",
        True,
    )


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler's pdftotext is not installed",
)
def test_docx_handout_rate_is_never_split_in_libreoffice(tmp_path: Path) -> None:
    """Statements of every length from 28 to 45 characters: LibreOffice sets each （答对率 83%） on one
    line (at the statement's end it broke as （答对率 / 83%）)."""
    import dataclasses

    from studykit.bank import load_bank
    from studykit.handout import Fact, Handout, HandoutSection
    from studykit.render import render_handout

    bank = load_bank(DATA / "mini" / "question_bank.yaml")
    text = (
        "要用好三会一课主题党日和谈心谈话等制度推动学习往深里走往心里走往实里走基层党组织是党的全部工作和战斗力的基础"
    )
    facts = tuple(Fact(f"q{n}", text[:n] + "。", "原文。", facility=0.8333) for n in range(28, 46))
    section = HandoutSection(bank.speeches[1], facts, 0.5)
    handout = Handout("学习要点", "", (section,))
    (tmp_path / "h.docx").write_bytes(render_handout(dataclasses.replace(handout), "docx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "h.docx")],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = subprocess.run(["pdftotext", str(tmp_path / "h.pdf"), "-"], check=True, capture_output=True, text=True)
    assert pdf.stdout.count("（答对率 83%）") == 18


# -- an article of one part (draft's one-part layout), among others ---------------------------

YEXIAO = "办好“党员夜校” 让学习走进田间地头"


def test_an_article_of_one_part_is_named_once_where_articles_meet() -> None:
    """An article drafted as one part headed by its title (tests/data/year_new/13-yexiao) is named once:
    ``《…》`` in labels and ``《…》：“…”`` in 出处 — not ``《…》办好…`` nor ``文章“…”部分`` of itself."""
    from studykit.library import load_banks
    from studykit.quiz import build_papers

    bank = load_banks([DATA / "year_new", DATA / "year" / "12-tongzhi"]).merged()
    part = next(s for s in bank.speeches if s.id == "13-yexiao/part-1")
    assert part.label == f"《{YEXIAO}》"
    paper = build_papers(bank, count=15, seed=1)[0]
    items = {i.question.id: i for s in paper.sections for i in s.items}
    assert items["13-yexiao/part-1-d13"].source_line == (
        f"《{YEXIAO}》：“夜校每月开课两次，每次两小时，内容包括理论学习、政策解读和农业技术三个板块。”"
    )
    assert items["14-shuji/part-1-d02"].source_line == (  # a section of a titled article: as before
        "《抓实“三会一课” 提升组织生活质量》让每次支部党员大会都有主题："
        "“去年以来，共召开支部党员大会12次，党员平均参会率达到95%。”"
    )


def test_a_miss_of_a_months_quiz_and_of_the_years_contest_is_one_note(year: Path, col: Collection) -> None:
    """张三 misses 11-zth's zhang-guoqing-d06 on that article's own paper (``--article 11-zth``) and on the
    year's mixed paper: in one collection the two 错题本 decks share that note (10 notes, not 11)."""
    result = invoke(year, "quiz", "--bank", "y", "--article", "11-zth", "--count", "8", "--seed", "5", "-o", "z/z.md")
    assert result.exit_code == 0, result.output
    key = yaml.safe_load((year / "z" / "z.key.yaml").read_text(encoding="utf-8"))
    assert key["items"][5]["question_id"] == "zhang-guoqing-d06"  # a single article's key: bare ids
    (year / "z" / "张三.txt").write_text(f"姓名：张三\n测验：{key['quiz_id']}\n6. 对\n", encoding="utf-8")
    result = invoke(year, "grade", "z/张三.txt", "--key", "z/z.key.yaml", "--bank", "y", "--review-decks", "z/rd")
    assert result.exit_code == 0, result.output
    grade(year, "--review-decks", "rd3")
    import_apkg(col, year / "z" / "rd" / "张三.apkg")  # all 8 missed (7 unanswered)
    import_apkg(col, year / "rd3" / "张三.apkg")  # 3 missed: 10-plywz/intro-d02, zhang-guoqing-d06, jiang-xiaoping-14
    assert len(col.find_notes("")) == 10
    assert len(col.find_notes("tag:11-zth::zhang-guoqing")) == 3  # d06 once, d02 and d04 of the month's paper
    guid = genanki.guid_for("11-zth", "zhang-guoqing-d06", "review/张三")
    assert len([n for n in col.find_notes("") if col.get_note(n).guid == guid]) == 1


def test_reimporting_moves_notes_from_the_bare_speech_tag(
    col: Collection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A collection holding a deck tagged the old way (``ren-jiantao``) takes the new tags on re-import:
    every note updated in place (0 added), none left under the bare tag."""
    from studykit import anki as sk_anki
    from studykit.anki import notes
    from studykit.bank import load_bank

    bank = load_bank(DATA / "mini" / "question_bank.yaml")
    tags = notes.note_tags
    monkeypatch.setattr(notes, "note_tags", lambda question, bank_id="": tags(question))  # as written before
    sk_anki.write_deck(bank, tmp_path / "old.apkg", timestamp=1_700_000_000)
    monkeypatch.setattr(notes, "note_tags", tags)
    sk_anki.write_deck(bank, tmp_path / "new.apkg", timestamp=1_700_003_600)
    import_apkg(col, tmp_path / "old.apkg")
    assert len(col.find_notes("tag:ren-jiantao")) == 4
    request = ImportAnkiPackageRequest(package_path=str(tmp_path / "new.apkg"), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    assert (len(log.new), len(log.updated)) == (0, len(bank.questions))
    assert len(col.find_notes("tag:ren-jiantao")) == 0
    assert len(col.find_notes("tag:mini-test::ren-jiantao")) == 4
