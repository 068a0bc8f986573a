"""What a member sees on the printed paper, checked in the files themselves: blanks and answer
brackets that no line break can split or cut short (DOCX as LibreOffice and WPS set it, HTML as
Chromium sets it), and the 答题卡 telling members to write where the card has room.

Each defect was found looking at the shipped bank's papers (DOCX → LibreOffice → PDF → PNG,
HTML → headless Chromium), see the commit messages."""

from __future__ import annotations

import dataclasses
import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Mm

from skpaths import DATA, MINI2_BANK, MINI_BANK, SHIPPED_BANK
from studykit.bank import load_bank
from studykit.cli import main
from studykit.handout import build_handout, load_report
from studykit.model import Bank, source_line
from studykit.quiz import PRINTED_MARKER, Paper, Section, build_papers
from studykit.render import render, render_card, render_handout
from studykit.render._common import (
    NO_LINE_END,
    NO_LINE_START,
    StemPiece,
    blank_em,
    card_line_height,
    glued_segments,
)
from studykit.render.docx import ANSWER_BRACKET, BLANK

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def shipped() -> Bank:
    return load_bank(SHIPPED_BANK)


@pytest.fixture(scope="module")
def papers(shipped: Bank) -> list[Paper]:
    """The standard paper (seed 7) and the --mix single=10,true_false=10 --total 100 paper (seed 7), on
    which LibreOffice printed item 14's bracket as ``（`` at a line's end and ``）`` alone on the next."""
    (standard,) = build_papers(shipped, seed=7)
    (mix,) = build_papers(shipped, seed=7, mix={"single": 10, "true_false": 10}, total=100)
    return [standard, mix]


# -- DOCX: no-break spaces in blanks and brackets ------------------------------------------------


@pytest.mark.parametrize("solutions", [False, True])
def test_docx_blanks_and_brackets_hold_no_breakable_space(papers: list[Paper], solutions: bool) -> None:
    """Every answer bracket is （ + 8 no-break spaces + ）, every blank underlined no-break spaces,
    and no stem holds an ideographic space (U+3000), which LibreOffice breaks after and hangs past
    the margin: a blank at a line's end printed a third of its length."""
    for paper in papers:
        doc = docx.Document(io.BytesIO(render(paper, "docx", solutions=solutions)))
        stems = {p.text.split(". ", 1)[0]: p for p in doc.paragraphs if re.match(r"\d+\. ", p.text)}
        assert sorted(map(int, stems)) == [item.number for item in paper.items]
        for item in paper.items:
            para = stems[str(item.number)]
            assert "\u3000" not in para.text, item.number
            brackets = para.text.count(ANSWER_BRACKET)
            assert brackets == item.stem.count(PRINTED_MARKER) == (0 if item.type == "fill_blank" else 1)
            blanks = [r for r in para.runs if r.text == NBSP * 4 * blank_em(paper)]
            assert len(blanks) == len(re.findall(r"_{4,}", item.question.stem)), item.number
            assert all(r.underline for r in blanks)
    assert ANSWER_BRACKET == "（" + NBSP * 8 + "）" and BLANK == NBSP * 24


def test_docx_header_fields_are_unbreakable_blanks(papers: list[Paper]) -> None:
    """姓名 / 支部 / 日期 / 得分 are each followed by an underlined blank of no-break spaces."""
    doc = docx.Document(io.BytesIO(render(papers[0], "docx")))
    runs = doc.paragraphs[1].runs
    fields = [r.text.strip("\u3000") for r in runs]
    assert fields == [text for name in ("姓名", "支部", "日期", "得分") for text in (f"{name}：", BLANK)]
    assert [bool(r.underline) for r in runs] == [False, True] * 4


# -- HTML: punctuation glued to a blank ----------------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "pieces"),
    [
        (
            "省域治理应该是也必须是____。",
            [StemPiece("省域治理应该是也必须是"), StemPiece("", True, "", "。")],
        ),
        (
            "将抗疫中彰显的“____”的核心价值",
            [StemPiece("将抗疫中彰显的"), StemPiece("", True, "“", "”"), StemPiece("的核心价值")],
        ),
        ("而____是落点", [StemPiece("而"), StemPiece("", True), StemPiece("是落点")]),
        (
            "“____”、“____”。",
            [StemPiece("", True, "“", "”、"), StemPiece("", True, "“", "”。")],
        ),
        ("（____）", [StemPiece("", True, "（", "）")]),
    ],
)
def test_glued_segments(stem: str, pieces: list[StemPiece]) -> None:
    """The opening marks before a blank and the closing marks after it travel with it."""
    assert glued_segments(stem) == pieces
    assert "".join(p.lead + ("____" if p.blank else p.text) + p.trail for p in pieces) == stem


def test_html_sets_a_blank_and_its_punctuation_unbroken(papers: list[Paper]) -> None:
    """In the HTML paper and 参考答案 no blank touches punctuation outside a ``white-space: nowrap``
    span: Chromium printed item 19's ``。`` alone at the start of a line after its blank."""
    blank = '<span class="blank" aria-label="填空">\u3000</span>'
    for solutions in (False, True):
        out = render(papers[0], "html", solutions=solutions).decode("utf-8")
        assert ".glue, .nobr { white-space: nowrap; }" in out
        # on a 360 px phone the title broke as 全方位多层次深入 … 现代 / 化: a balanced title breaks evenly
        assert "h1 { font-size: 16pt; text-align: center; margin: 0 0 0.6em; text-wrap: balance; }" in out
        # a 360 px phone broke 满分：100 / 分: each part of the id line is kept whole
        id_line = (
            '<span class="nobr">测验编号：szzl-hubei-daily-7-0b3cb86e</span>\u3000<span class="nobr">满分：100分</span>'
        )
        assert f'<p class="meta">{id_line}</p>' in out
        assert f'也必须是<span class="glue">{blank}。</span></p>' in out  # item 19
        assert f'彰显的<span class="glue">“{blank}”</span>的核心价值' in out  # item 18
        assert out.count(blank) == 4 and out.count('<span class="glue">') == 3
        outside = re.sub(f'<span class="glue">[^<]*{blank}[^<]*</span>', "", out)
        assert outside.count(blank) == 1  # item 17's: 而____是
        for mark in NO_LINE_END:
            assert mark + blank not in outside
        for mark in NO_LINE_START:
            assert blank + mark not in outside


# -- the handout from a grade report: a speech's heading and 得分率 stay with its first fact ----------


def test_handout_note_stays_with_the_first_fact() -> None:
    """From a report each speech's heading is followed by ``全支部本篇得分率 N%。``: the heading was kept with
    that note but the note not with the facts, so LibreOffice (DOCX) and Chromium (HTML) left a speech's
    heading and note alone at the foot of page 1 of the shipped bank's 重点复习 handout."""
    handout = build_handout(load_bank(MINI_BANK), report=load_report(DATA / "handout" / "report.json"))
    doc = docx.Document(io.BytesIO(render_handout(handout, "docx")))
    notes = [p for p in doc.paragraphs if p.text.startswith("全支部本篇得分率")]
    assert len(notes) == len(handout.sections) == 3
    assert all(p.paragraph_format.keep_with_next for p in notes)
    headings = [p for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert len(headings) == 3 and all(p.style.paragraph_format.keep_with_next for p in headings)
    out = render_handout(handout, "html").decode("utf-8")
    assert "h2 + .note { break-after: avoid; page-break-after: avoid; }" in out
    assert out.count('</h2>\n<p class="note">全支部本篇得分率') == 3


# -- the HTML 答题卡 printed with the browser's default settings --------------------------------


def test_html_card_keeps_its_shading_when_printed(papers: list[Paper]) -> None:
    """Browsers print no backgrounds unless told (Chromium's 背景图形 is off by default): the cells after
    item 16 of the standard card, hatched on screen, printed as four more empty answer boxes beside
    the 填空 numbers 17–20.  The 题号 cells and the unused cells ask for their colours to be printed."""
    out = render_card(papers[0], "html").decode("utf-8")
    assert "th, td.unused { -webkit-print-color-adjust: exact; print-color-adjust: exact; }" in out
    assert out.count('<td class="unused"></td>') == 4
    # on a 360 px phone 三、判断题 / 13–16 and 满分：100 / 分 broke apart: each part is kept whole
    parts = ["一、单项选择题 1–8", "二、多项选择题 9–12", "三、判断题 13–16", "四、填空题 17–20"]
    assert "\u3000".join(f'<span class="nobr">{p}</span>' for p in parts) in out
    assert '<span class="nobr">满分：100分</span>' in out and ".nobr { white-space: nowrap; }" in out


# -- the DOCX 答题卡 of a long quiz fits one page ---------------------------------------------------


def test_docx_card_of_fifty_items_fits_one_page(shipped: Bank) -> None:
    """`quiz --count 50 --seed 3` (39 choice and 判断 items, 11 填空): with 12 mm 填空 rows LibreOffice put
    item 50's row alone on a second page.  The 填空 rows are 10 mm, so the table's rows (4 × (7 + 12) mm
    + 11 × 10 mm = 186 mm) leave the 55 mm the title, fields and instructions take on the 247 mm of A4
    within its 25 mm margins; a 题号 row is kept with its 答案 row should a longer card need two pages."""
    (paper,) = build_papers(shipped, count=50, seed=3)
    doc = docx.Document(io.BytesIO(render_card(paper, "docx")))
    (table,) = doc.tables
    rows = table.rows
    assert len(rows) == 4 * 2 + 11
    assert [round(r.height.mm) for r in rows] == [7, 12] * 4 + [10] * 11
    assert sum(r.height for r in rows) + Mm(55) <= Mm(297 - 2 * 25)
    for number_row in rows[0:8:2]:
        assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in number_row.cells)
    assert not any(c.paragraphs[0].paragraph_format.keep_with_next for r in rows[1:8:2] for c in r.cells)


# -- blanks wide enough to write the key by hand ---------------------------------------------------


def test_blanks_leave_room_to_write_the_longest_key_by_hand(papers: list[Paper]) -> None:
    """The standard paper's keys run to 人民利益至上 (6 characters): its 6 em blanks gave a member 3.7 mm a
    character.  Every blank is now 1.5 × the paper's longest key: 9 em, 36 no-break spaces in the DOCX,
    ``min-width: 9em`` in the HTML; a paper without blanks keeps 6 em, and no blank exceeds 16 em."""
    standard, mix = papers
    assert max(len(i.answer[0]) for i in standard.items if i.type == "fill_blank") == 6
    assert blank_em(standard) == 9
    assert blank_em(mix) == 6  # no fill_blank item on it
    doc = docx.Document(io.BytesIO(render(standard, "docx")))
    blanks = [r for p in doc.paragraphs for r in p.runs if r.underline and r.text.strip(NBSP) == ""]
    assert [len(r.text) for r in blanks] == [24] * 4 + [36] * 4  # the header's four fields, then the items'
    html = render(standard, "html").decode("utf-8")
    assert ".blank { display: inline-block; min-width: 9em; border-bottom: 1px solid #000; }" in html
    item = next(i for i in standard.items if i.type == "fill_blank")
    long_key = dataclasses.replace(item, answer=("中国特色社会主义制度" * 2,))
    two_blanks = dataclasses.replace(item, stem="____、____", answer=("中国特色社会主义制度",))
    assert blank_em(dataclasses.replace(standard, sections=(Section("一", "fill_blank", 5, (long_key,)),))) == 16
    assert blank_em(dataclasses.replace(standard, sections=(Section("一", "fill_blank", 5, (two_blanks,)),))) == 8


def test_html_solutions_labels_are_bold_as_in_docx(papers: list[Paper]) -> None:
    """The HTML 参考答案 sets 答案：/解析：/出处： in bold, as the DOCX does, so the eye finds each item's answer."""
    out = render(papers[0], "html", solutions=True).decode("utf-8")
    for label in ("答案", "解析", "出处"):
        assert out.count(f"<p><strong>{label}：</strong>") == 20
    doc = docx.Document(io.BytesIO(render(papers[0], "docx", solutions=True)))
    labels = [p.runs[0] for p in doc.paragraphs if p.runs and p.runs[0].text in ("答案：", "解析：", "出处：")]
    assert len(labels) == 60 and all(r.bold for r in labels)


def test_html_handout_keeps_a_facility_whole() -> None:
    """A fact's （答对率 33%） broke after 答 in Chromium (（答 / 对率 33%）); it is one unbroken span now."""
    handout = build_handout(load_bank(MINI_BANK), report=load_report(DATA / "handout" / "report.json"))
    out = render_handout(handout, "html").decode("utf-8")
    rates = re.findall(r'<span class="nobr">（答对率 (\d+)%）</span></p>', out)
    assert rates == [f"{f.facility * 100:.0f}" for s in handout.sections for f in s.facts] == ["20", "40", "20", "40"]
    assert "（答对率" not in re.sub(r'<span class="nobr">（答对率 \d+%）</span>', "", out)
    assert 'class="nobr"' not in render_handout(build_handout(load_bank(MINI_BANK)), "html").decode("utf-8")


def test_docx_card_lowers_its_blank_rows_to_stay_on_one_page(shipped: Bank) -> None:
    """`quiz --count 50 --seed 5` (37 choice and 判断 items, 13 填空): at 10 mm the 填空 rows took
    4 × 19 + 13 × 10 = 206 mm under the 55 mm head, and LibreOffice put item 50 alone on a second
    page.  They are lowered to 8.5 mm (116 mm left / 13, down to half a mm): 186.5 mm, one page.
    A card whose 填空 would go under 8 mm keeps 10 mm rows: it takes two pages anyway; a card of 129
    choice items and no 填空 (a grid longer than the page) is drawn as before (it divided by zero)."""
    (paper,) = build_papers(shipped, count=50, seed=5)
    doc = docx.Document(io.BytesIO(render_card(paper, "docx")))
    rows = doc.tables[0].rows
    assert len(rows) == 4 * 2 + 13
    assert [r.height.mm for r in rows[8:]] == [pytest.approx(8.5, abs=0.01)] * 13
    assert sum(r.height for r in rows) + Mm(55) <= Mm(297 - 2 * 25)
    (blanks,) = build_papers(shipped, count=30, seed=5, types=("fill_blank",))
    rows = docx.Document(io.BytesIO(render_card(blanks, "docx"))).tables[0].rows
    assert len(rows) == 30 and {round(r.height.mm, 2) for r in rows} == {10.0}
    assert card_line_height(13, 116, 10, 8) == 8.5
    assert card_line_height(11, 116, 10, 8) == 10
    assert card_line_height(15, 116, 10, 8) == 10  # 7.7 mm: too low to write on
    assert card_line_height(0, -20, 10, 8) == 10  # a grid longer than the page and no 填空 (was 1/0)
    (choices,) = build_papers(shipped, count=129, seed=5, types=("single", "multiple", "true_false"))
    rows = docx.Document(io.BytesIO(render_card(choices, "docx"))).tables[0].rows
    assert len(rows) == 13 * 2  # 129 numbers in 13 rows of 10, and no 填空 row
    assert render_card(choices, "html").decode().count('<td class="answer"') == 129


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_card_has_the_papers_four_fields(papers: list[Paper], fmt: str) -> None:
    """The 答题卡 is what a branch collects and files, so it carries 日期 as the paper does:
    姓名 / 支部 / 日期 / 得分, each with its blank (it had no 日期)."""
    out = render_card(papers[0], fmt)
    if fmt == "docx":
        runs = docx.Document(io.BytesIO(out)).paragraphs[2].runs
        assert [r.text.strip("\u3000") for r in runs] == [
            text for name in ("姓名", "支部", "日期", "得分") for text in (f"{name}：", BLANK)
        ]
    else:
        fields = re.findall(r'<span>(\w+)：<span class="field"></span></span>', out.decode())
        assert fields == ["姓名", "支部", "日期", "得分"]


def test_html_grade_report_prints_page_numbers(tmp_path: Path) -> None:
    """The grade report printed from a browser for the branch's records runs to several pages (six for
    six members of the shipped bank's paper) and had no page numbers; its foot now reads
    ``第 1 页 共 6 页`` as the papers' and the 答题卡's do (an @page bottom-center margin box)."""
    runner = CliRunner()
    key = tmp_path / "测验.key.yaml"
    result = runner.invoke(main, ["quiz", "--bank", str(MINI_BANK), "--seed", "7", "-o", str(tmp_path / "测验.md")])
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "张三.answers.txt"
    sheet.write_text((tmp_path / "测验.answers.txt").read_text(encoding="utf-8").replace("姓名：", "姓名：张三"))
    report = tmp_path / "成绩.html"
    result = runner.invoke(main, ["grade", str(sheet), "--key", str(key), "--bank", str(MINI_BANK), "-o", str(report)])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert (
        '@page{size:A4;margin:15mm 12mm 18mm;@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";'
        "font-size:9pt}}"
    ) in html


def test_a_mixed_paper_names_an_introduction_as_its_articles_导语(tmp_path: Path) -> None:
    """On a paper of two articles (`quiz --bank mini --bank mini2 --seed 3`) the mini bank's introduction,
    headed 全方位多层次深入推进省域治理现代化 under the article 省域治理现代化小测, printed in the 参考答案 as
    ``出处：《省域治理现代化小测》全方位多层次深入推进省域治理现代化：“…”`` — a bare heading that reads as a
    subtitle, neither 导语 nor a title in 《》.  It is named 导语, as the one-article paper names it."""
    paper = tmp_path / "混合.md"
    args = ["quiz", "--bank", str(MINI_BANK), "--bank", str(MINI2_BANK), "--seed", "3", "-o", str(paper)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    solutions = (tmp_path / "混合.solutions.md").read_text(encoding="utf-8")
    intro = [line for line in solutions.splitlines() if line.startswith("出处：《省域治理现代化小测》导语")]
    assert intro == [
        "出处：《省域治理现代化小测》导语：“10月17日，‘深入推进省域治理现代化’研讨会在华中师范大学举行。”",
        "出处：《省域治理现代化小测》导语：“研讨会以‘现场会议+云端会议’的形式进行”",
    ]
    assert "全方位多层次深入推进省域治理现代化：" not in solutions
    # a section of one author's article keeps its heading; an introduction headed as its article is 导语《…》
    assert (
        source_line("", "二、认真组织学习", "原文", intro=False, article="关于…的通知")
        == "《关于…的通知》二、认真组织学习：“原文”"
    )
    assert source_line("", "以学促干", "原文", article="以学促干") == "导语《以学促干》：“原文”"


#: The standard paper's (seed 7) quick key, as the 参考答案 prints it in every format.
QUICK_KEY = [
    "一、单项选择题：1. B　2. A　3. D　4. A　5. C　6. D　7. B　8. C",
    "二、多项选择题：9. CD　10. ABCE　11. ABD　12. ACD",
    "三、判断题：13. 错　14. 对　15. 对　16. 对",
    "四、填空题：17. 大都市　18. 人民利益至上　19. 依法治理　20. 可复制",
]


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_solutions_open_with_a_quick_key(papers: list[Paper], fmt: str) -> None:
    """A secretary marking paper copies by hand had only the worked 参考答案 (four pages, each answer
    among its 解析 and 出处); it now opens with 答案速查: per section a line of ``number. answer`` (a choice's
    letters, 对/错, a blank's first text), then the worked answers under their section headings."""
    out = render(papers[0], fmt, solutions=True)
    if fmt == "docx":
        paragraphs = [p.text.replace(NBSP, " ") for p in docx.Document(io.BytesIO(out)).paragraphs]
        start = paragraphs.index("答案速查")
        assert paragraphs[start + 1 : start + 6] == [*QUICK_KEY, "一、单项选择题（每题5分，共40分）"]
    elif fmt == "html":
        text = out.decode()
        lines = re.findall(r'<p class="quick">(.*?)</p>', text)
        assert [re.sub(r"</?span[^>]*>", "", line) for line in lines] == QUICK_KEY
        assert '<span class="nobr">18. 人民利益至上</span>' in text  # a number never parts from its answer
        assert text.index("<h2>答案速查</h2>") < text.index("<h2>一、单项选择题")
    else:
        blocks = out.decode().split("\n\n")
        start = blocks.index("## 答案速查")
        assert blocks[start + 1 : start + 6] == [*QUICK_KEY, "## 一、单项选择题（每题5分，共40分）"]
    paper = render(papers[0], fmt, solutions=False)
    texts = [p.text for p in docx.Document(io.BytesIO(paper)).paragraphs] if fmt == "docx" else [paper.decode()]
    assert not any("答案速查" in text for text in texts)  # the members' paper has none


def test_a_typed_title_prints_with_full_width_punctuation(shipped: Bank) -> None:
    """`quiz --title "第一次测验(5月),支部学习"` printed the title as typed on the paper, 参考答案 and 答题卡
    while every stem beside it has its ASCII ``( ) ,`` full-width; the title is now printed the same
    way (``第一次测验（5月），支部学习``), in every file and in the key the reports take it from."""
    (paper,) = build_papers(shipped, seed=7, title="第一次测验(5月),支部学习")
    title = "第一次测验（5月），支部学习"
    assert paper.title == title and paper.key().title == title
    assert render(paper, "md").decode().startswith(f"# {title}\n")
    assert f"<h1>{title} · 参考答案</h1>" in render(paper, "html", solutions=True).decode()
    assert docx.Document(io.BytesIO(render(paper, "docx"))).paragraphs[0].text == title
    assert docx.Document(io.BytesIO(render_card(paper, "docx"))).paragraphs[1].text == title
    (ascii_only,) = build_papers(shipped, seed=7, title="Quiz (May), part 1")
    assert ascii_only.title == "Quiz (May), part 1"  # no Chinese beside them: left as typed


#: Two options too long to share a line: each wraps on a printed A4 line.
LONG_OPTIONS = (
    "坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，推进国家治理体系和治理能力现代化，不断提高党的执政能力和领导水平",
    "华中师范大学",
    "坚持党的全面领导，坚持和完善中国特色社会主义制度，推进全面依法治国，坚持以人民为中心，坚持以人民为中心的发展思想",
    "湖北大学",
)


def long_option_paper() -> Paper:
    """The mini bank's paper (10 items, seed 7) with item 1's options made :data:`LONG_OPTIONS`."""
    bank = load_bank(MINI_BANK)
    q = dataclasses.replace(bank.question("intro-01"), options=LONG_OPTIONS, answer=("B",))
    bank = dataclasses.replace(bank, questions=tuple(q if x.id == q.id else x for x in bank.questions))
    (paper,) = build_papers(bank, seed=7, count=10)
    assert paper.items[0].question.id == "intro-01"
    return paper


def test_docx_long_option_wraps_under_its_text() -> None:
    """A long option alone on its line wrapped back under its ``A.`` (LibreOffice, the mini bank with
    item 1's options lengthened); it now hangs its letter — left indent 7 mm + 12.8 pt, first line
    −12.8 pt (``A. `` in Times New Roman 五号) — and options sharing a line keep their tab stops."""
    doc = docx.Document(io.BytesIO(render(long_option_paper(), "docx")))
    paragraphs = doc.paragraphs
    first = next(n for n, p in enumerate(paragraphs) if p.text.startswith("1. "))
    options = paragraphs[first + 1 : first + 5]
    assert [p.text[:2] for p in options] == ["A.", "B.", "C.", "D."]
    for p in options:
        # stored in twips (1/20 pt)
        assert p.paragraph_format.left_indent.pt == pytest.approx(Mm(7).pt + 12.8, abs=0.05)
        assert p.paragraph_format.first_line_indent.pt == pytest.approx(-12.8, abs=0.05)
    second = next(n for n, p in enumerate(paragraphs) if p.text.startswith("2. "))
    (row,) = paragraphs[second + 1 : second + 2]
    assert row.text.count("\t") == 3  # four short options on one line
    assert row.paragraph_format.left_indent.pt == pytest.approx(Mm(7).pt, abs=0.05)
    assert row.paragraph_format.first_line_indent is None


def test_every_docx_run_names_its_east_asian_font(papers: list[Paper], shipped: Bank) -> None:
    """WPS and Word set a run's Chinese in its own w:eastAsia font (a style's alone is not always
    honoured): every run of the paper, 参考答案 (its 答案速查 too), 答题卡 (table cells) and handout,
    footers included, names 宋体 — 黑体 in headings."""
    (paper,) = papers[:1]
    files = {
        "paper": render(paper, "docx"),
        "solutions": render(paper, "docx", solutions=True),
        "card": render_card(paper, "docx"),
        "handout": render_handout(build_handout(shipped), "docx"),
    }
    for name, data in files.items():
        doc = docx.Document(io.BytesIO(data))
        paragraphs = list(doc.paragraphs)
        paragraphs += [p for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
        paragraphs += [p for s in doc.sections for p in s.footer.paragraphs]
        runs = [(p, r) for p in paragraphs for r in p.runs if r.text]
        assert len(runs) > 20, name
        for p, run in runs:
            fonts = run._element.rPr.rFonts
            wanted = "黑体" if p.style.name.startswith("Heading") else "宋体"
            assert fonts.get(qn("w:eastAsia")) == wanted, (name, run.text)
