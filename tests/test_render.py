"""The three renderers (Markdown, HTML, DOCX) and the golden files of a small paper.

Regenerate the golden files after an intended change with
``STUDYKIT_UPDATE_GOLDEN=1 pytest tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import html
import io
import os
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from markdown_it import MarkdownIt

from studykit.bank import load_bank
from studykit.model import Bank
from studykit.quiz import PRINTED_MARKER, Paper, build_papers
from studykit.render import output_target, quiz_files, render
from studykit.render._common import blank_em, option_rows
from studykit.render.docx import ANSWER_BRACKET, FIXED_DATE

HERE = Path(__file__).parent
MINI = HERE / "data" / "mini" / "question_bank.yaml"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("STUDYKIT_UPDATE_GOLDEN") == "1"

NASTY_STEM = "研讨会 *在* <b>哪里</b> 举行 _x_ & **y** `z` [l](u) &amp; # 1. ____ 何时？（ ）"
NASTY_OPTIONS = ("华中*科技*大学", "<i>华中师范大学</i>", "武汉 & 大学", "湖北__大__学")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI)


@pytest.fixture(scope="module")
def paper(bank: Bank) -> Paper:
    return build_papers(bank, count=17, seed=7, versions=2)[1]


@pytest.fixture(scope="module")
def nasty(bank: Bank) -> Paper:
    """A paper whose bank text is full of Markdown and HTML syntax."""
    q1 = dataclasses.replace(
        bank.question("intro-01"), stem=NASTY_STEM, options=NASTY_OPTIONS, explanation="*解析* <u>x</u>"
    )
    q2 = dataclasses.replace(bank.question("intro-02"), stem="研讨会以“____”的形式*进行*<br>。")
    (p,) = build_papers(dataclasses.replace(bank, questions=(q1, q2)), seed=1)
    return p


def blank_filled(stem: str, blank: str) -> str:
    """``stem`` as a paper prints it: blanks drawn as ``blank``, the answer bracket （　　）."""
    return re.sub(r"_{4,}", blank, stem).replace("（ ）", "（\u3000\u3000）")


# -- golden files ---------------------------------------------------------------


@pytest.mark.parametrize("ext", [".md", ".html"])
def test_golden_files(bank: Bank, ext: str) -> None:
    """A 10-question paper of the mini bank, seed 7: paper, solutions, key, answer sheet (and in
    HTML the printable 答题卡) as checked in.

    Changed on purpose (round 7): the 答题卡 has the paper's 日期 field, its fields are 7 em (four to a
    printed line), a 填空 line never splits across pages and a 题号 row stays with its 答案 row (a
    ``tbody`` per pair; test_print_browser); the 参考答案 opens
    with a quick key, 答案速查 (test_print_layout); an option alone on its line hangs its letter (CSS
    ``.options li``, test_print_browser)."""
    files = quiz_files(build_papers(bank, count=10, seed=7), GOLDEN / f"mini-seed7{ext}", ext[1:])
    card = (f".card{ext}",) if ext == ".html" else ()
    assert sorted(p.name for p in files) == sorted(
        f"mini-seed7{suffix}" for suffix in (ext, ".key.yaml", f".solutions{ext}", ".answers.txt", *card)
    )
    for path, data in files.items():
        if UPDATE:
            path.write_bytes(data)
        assert data.decode("utf-8") == path.read_text(encoding="utf-8"), f"{path.name} differs from its golden file"


# -- Markdown ---------------------------------------------------------------------


def _markdown_html(paper: Paper, solutions: bool = False) -> str:
    return str(MarkdownIt("commonmark").render(render(paper, "md", solutions=solutions).decode("utf-8")))


def test_markdown_renders_bank_text_literally(nasty: Paper) -> None:
    """CommonMark of the paper shows *, _, <b>, ` and [..](..) in bank text as written: no emphasis, tags or links."""
    out = _markdown_html(nasty) + _markdown_html(nasty, solutions=True)
    for tag in ("<em>", "<strong>", "<code>", "<a ", "<b>", "<i>", "<u>", "<br>", "<ol", "<ul", "<h3"):
        assert tag not in out
    text = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert blank_filled(NASTY_STEM, "________") in text
    assert "研讨会以“________”的形式*进行*<br>。" in text
    for letter, option in nasty.items[0].lettered_options:
        assert f"{letter}. {option}" in text
    assert "解析：*解析* <u>x</u>" in text


def test_markdown_structure(paper: Paper) -> None:
    """Title, the version (B卷, a paragraph of its own: report-checks), two section levels, one
    paragraph per item with its options on hard-broken lines, short ones sharing a line (separated
    by an ideographic space)."""
    out = _markdown_html(paper)
    assert out.startswith(
        "<h1>省域治理现代化小测</h1>\n<p>B卷</p>\n<p>姓名：________　支部：________　日期：________　得分：________</p>"
    )
    assert re.findall(r"<h2>(.*?)</h2>", out) == [s.heading for s in paper.sections]
    first = paper.items[0]
    options = "<br />\n".join("\u3000".join(f"{letter}. {text}" for letter, text in row) for row in option_rows(first))
    assert f"<p>1. {html.escape(first.stem, quote=False)}<br />\n{options}</p>" in out
    assert "版本：B" in out


def test_markdown_key_letter_shows_the_correct_option(bank: Bank) -> None:
    """In every rendered version, the line under the key's letter holds the bank's correct option."""
    for paper in build_papers(bank, count=17, seed=21, versions=3):
        text = render(paper, "md").decode("utf-8")
        blocks = {int(b.split("\\.", 1)[0]): b for b in text.split("\n\n") if re.match(r"\d+\\\.", b)}
        for item in paper.items:
            q = item.question
            for letter in item.answer if q.is_choice else ():
                pieces = [p for ln in blocks[item.number].split("\\\n") for p in ln.split("\u3000")]
                piece = next(p for p in pieces if p.startswith(f"{letter}. "))
                assert piece.removeprefix(f"{letter}. ") in q.correct_options


# -- HTML ---------------------------------------------------------------------------


def test_html_escapes_bank_text(nasty: Paper) -> None:
    """Every piece of bank text is HTML-escaped: no tag from the bank survives."""
    for solutions in (False, True):
        out = render(nasty, "html", solutions=solutions).decode("utf-8")
        assert "<b>" not in out and "<i>" not in out and "<u>" not in out and "<br>" not in out
        assert "&lt;b&gt;哪里&lt;/b&gt;" in out
        assert "&amp;amp;" in out
    paper_html = render(nasty, "html").decode("utf-8")
    for letter, option in nasty.items[0].lettered_options:
        assert f"<li>{letter}. {html.escape(option)}</li>" in paper_html
    assert (
        '研讨会以<span class="glue">“<span class="blank" aria-label="填空">\u3000</span>”</span>的形式*进行*&lt;br&gt;。'
        in paper_html
    )


def test_html_is_self_contained_a4_chinese(paper: Paper) -> None:
    """One file, lang zh-CN, CJK fonts, A4 print CSS that keeps each question on one page."""
    out = render(paper, "html").decode("utf-8")
    assert out.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    assert "@page {\n  size: A4;" in out
    assert ".item { margin: 0.45em 0; break-inside: avoid; page-break-inside: avoid; }" in out
    assert '"SimSun", "宋体"' in out and '"SimHei", "黑体"' in out
    assert not re.search(r"<link|<script|src=|url\(|https?:", out)
    assert out.count('<div class="item">') == 17


# -- DOCX -----------------------------------------------------------------------------


def docx_stem(paper: Paper, stem: str) -> str:
    """``stem`` as the DOCX prints it: blanks as no-break spaces (4 an em, :func:`blank_em` of them), the
    answer bracket （ + 8 no-break spaces + ）."""
    return blank_filled(stem, "\u00a0" * 4 * blank_em(paper)).replace(PRINTED_MARKER, ANSWER_BRACKET)


def _east_asia(run: object) -> str | None:
    rpr = run._element.rPr  # type: ignore[attr-defined]
    return None if rpr is None or rpr.rFonts is None else rpr.rFonts.get(qn("w:eastAsia"))


def test_docx_text_and_fonts(nasty: Paper, paper: Paper) -> None:
    """Read back with python-docx: A4, every line of the paper (version B's 「B卷」 under the title:
    report-checks), 黑体 headings and 宋体 text as eastAsia fonts."""
    for p in (paper, nasty):
        doc = docx.Document(io.BytesIO(render(p, "docx")))
        section = doc.sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
        texts = [para.text for para in doc.paragraphs]
        assert texts[0] == p.title
        under = [f"{p.version}卷"] if p.version else []
        assert texts[1 : 1 + len(under)] == under
        assert texts[2 + len(under)] == p.id_line and texts[3 + len(under)] == p.instruction
        for s in p.sections:
            assert s.heading in texts
        for item in p.items:
            assert f"{item.number}. {docx_stem(p, item.stem)}" in texts
            pieces = [piece for text in texts for piece in text.split("\t")]
            for letter, option in item.lettered_options:
                assert f"{letter}. {option}" in pieces
        headings = {p.title, *(s.heading for s in p.sections)}
        for para in doc.paragraphs:
            for run in para.runs:
                assert run.font.name == "Times New Roman"
                assert _east_asia(run) == ("黑体" if para.text in headings else "宋体"), para.text
        blank_runs = [r for para in doc.paragraphs for r in para.runs if r.text == "\u00a0" * 4 * blank_em(p)]
        assert blank_runs and all(r.underline for r in blank_runs)


def test_docx_solutions(paper: Paper) -> None:
    """The solutions document gives each item's answer, 解析 and 出处."""
    doc = docx.Document(io.BytesIO(render(paper, "docx", solutions=True)))
    texts = [para.text for para in doc.paragraphs]
    assert texts[0] == f"{paper.title} · 参考答案"
    for item in paper.items:
        at = texts.index(f"{item.number}. {docx_stem(paper, item.stem)}")
        assert texts[at + 1 : at + 4] == [
            f"答案：{item.answer_text}",
            f"解析：{item.question.explanation}",
            f"出处：{item.source_line}",
        ]


def test_docx_is_reproducible(paper: Paper) -> None:
    """No clock in the file: fixed core-property dates and zip entry times, equal bytes on every render."""
    data = render(paper, "docx")
    assert data == render(paper, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.created == props.modified == FIXED_DATE
    assert props.title == paper.title and props.last_modified_by == "studykit"


def test_docx_east_asian_language_is_chinese(paper: Paper) -> None:
    """Defaults say zh-CN for East Asian text (Word sets “” full-width) with explicit, not theme, fonts and
    single spacing; the settings' theme font language is zh-CN too (python-docx's template says ja-JP)."""
    doc = docx.Document(io.BytesIO(render(paper, "docx")))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang, fonts = rpr.find(qn("w:lang")), rpr.find(qn("w:rFonts"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")
    assert {k.split("}")[1]: v for k, v in fonts.attrib.items()} == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "eastAsia": "宋体",
    }
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    assert (spacing.get(qn("w:after")), spacing.get(qn("w:line"))) == ("0", "240")
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    assert theme_lang.get(qn("w:eastAsia")) == "zh-CN"


def test_docx_title_and_sections_are_heading_styles_in_heiti(paper: Paper) -> None:
    """The title is Heading 1 and each section Heading 2 (Word's navigation pane), both styles 黑体, black, bold."""
    doc = docx.Document(io.BytesIO(render(paper, "docx")))
    styled = [(para.style.name, para.text) for para in doc.paragraphs if para.style.name.startswith("Heading")]
    assert styled == [("Heading 1", paper.title)] + [("Heading 2", s.heading) for s in paper.sections]
    for name, size in (("Heading 1", 16), ("Heading 2", 12)):
        style = doc.styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == "黑体" and fonts.get(qn("w:eastAsiaTheme")) is None
        assert style.font.name == "Times New Roman"
        assert (style.font.size.pt, style.font.bold, str(style.font.color.rgb)) == (size, True, "000000")


def test_docx_chinese_runs_carry_the_east_asian_hint(nasty: Paper, paper: Paper) -> None:
    """Every run with Chinese text (ideographs, CJK or full-width punctuation and spaces) has w:hint="eastAsia";
    runs of Latin text, digits and blanks have none."""
    for p in (paper, nasty):
        doc = docx.Document(io.BytesIO(render(p, "docx")))
        runs = [r for para in doc.paragraphs for r in para.runs]
        for run in runs:
            hint = run._element.rPr.rFonts.get(qn("w:hint"))
            chinese = re.search("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", run.text) is not None
            assert hint == ("eastAsia" if chinese else None), run.text
        assert {r.text for r in runs if r._element.rPr.rFonts.get(qn("w:hint")) is None} >= {"1. ", "A. "}


def test_docx_options_are_tight_and_questions_spaced(paper: Paper) -> None:
    """No space after a stem or an option line; 5 pt after each question's last line."""
    doc = docx.Document(io.BytesIO(render(paper, "docx")))
    texts = [para.text for para in doc.paragraphs]
    for item in paper.items:
        at = texts.index(f"{item.number}. {docx_stem(paper, item.stem)}")
        rows = len(option_rows(item)) if item.options else 0
        lines = doc.paragraphs[at : at + 1 + rows]
        assert [para.paragraph_format.space_after.pt for para in lines] == [0.0] * rows + [5.0]


# -- solutions content and output names ----------------------------------------------------


def test_solutions_name_answer_explanation_and_source(bank: Bank) -> None:
    """Each solution gives letters and option text, the 解析 and 出处 with speaker, heading and quote."""
    (p,) = build_papers(bank, seed=3, speeches=("tian-yipeng",), types=("multiple",))
    item = p.items[0]
    text = render(p, "md", solutions=True).decode("utf-8")
    assert f"答案：{item.answer_text}" in text
    assert set(item.answer_text.split("（")[1].rstrip("）").split("；")) == {"网格长", "楼栋长", "单元长"}
    assert (
        "出处：田毅鹏《以网格化推进社会治理精细化》：“长春市积极探索‘三长制’，在网格长的基础上又开发出楼栋长和单元长”"
        in text
    )


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        (None, None, (Path("quiz.md"), "md")),
        (None, "docx", (Path("quiz.docx"), "docx")),
        (Path("out/第一次测验.html"), None, (Path("out/第一次测验.html"), "html")),
        (Path("t.HTM"), None, (Path("t.HTM"), "html")),
        (Path("2024.10测验"), "docx", (Path("2024.10测验.docx"), "docx")),
        (Path("测验"), None, (Path("测验.md"), "md")),
    ],
)
def test_output_target(output: Path | None, fmt: str | None, expected: tuple[Path, str]) -> None:
    """-o's extension sets the format; a name without a known extension gets the format's."""
    assert output_target(output, fmt) == expected
