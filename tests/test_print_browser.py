"""Printed pages as Chromium lays them out: HTML files printed to PDF (A4, the page's own @page
margins) and the pages counted, where the layout itself is the point.

Each defect was found printing the shipped bank's files from headless Chromium (PDF → PNG).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from browserkit import chromium, pdf_pages, print_pdf, require_chromium
from skpaths import SHIPPED_BANK
from studykit.bank import load_bank
from studykit.quiz import build_papers
from studykit.render import render, render_card

require_chromium()


@pytest.fixture(scope="module")
def browser() -> Any:
    with chromium() as driver:
        yield driver


def open_as_printed(browser: Any, page: Path) -> None:
    """Open ``page`` with print styles at the printed A4 text width (210 mm less 2 × 18 mm margins, at 96 px
    an inch), so its layout can be measured as it prints."""
    browser.get(page.resolve().as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": round(174 / 25.4 * 96), "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )


def test_html_card_of_fifty_items_prints_on_one_page(browser: Any, tmp_path: Path) -> None:
    """`quiz --count 50 --seed 5 -o 测验.html` (4 grid rows, 13 填空): with 11 mm 填空 lines the card
    printed on two pages, item 48's rule cut off at the foot of page 1 and drawn again at the top
    of page 2.  Its 填空 lines are lowered to 8.5 mm and it prints on one page; no line is split."""
    (paper,) = build_papers(load_bank(SHIPPED_BANK), count=50, seed=5)
    html = render_card(paper, "html").decode()
    assert ".lines td { border: none; text-align: left; height: 8.5mm; vertical-align: bottom; }" in html
    assert ".lines tr { break-inside: avoid; page-break-inside: avoid; }" in html
    page = tmp_path / "测验.card.html"
    page.write_text(html, encoding="utf-8")
    assert pdf_pages(print_pdf(browser, page)) == 1
    # the standard paper's card keeps its 11 mm lines
    (standard,) = build_papers(load_bank(SHIPPED_BANK), seed=7)
    assert "height: 11mm; vertical-align: bottom;" in render_card(standard, "html").decode()


def test_html_card_sets_its_four_fields_on_one_line(browser: Any, tmp_path: Path) -> None:
    """姓名 / 支部 / 日期 / 得分 share the card's first line when printed (at 8 em a field, 得分 wrapped
    alone onto a second line)."""
    (paper,) = build_papers(load_bank(SHIPPED_BANK), seed=7)
    page = tmp_path / "测验.card.html"
    page.write_text(render_card(paper, "html").decode(), encoding="utf-8")
    open_as_printed(browser, page)
    tops = browser.execute_script(
        "return Array.from(document.querySelectorAll('.fields > span')).map(s => s.getBoundingClientRect().top)"
    )
    assert len(tops) == 4 and len(set(tops)) == 1, tops


def test_html_long_option_wraps_under_its_text(browser: Any, tmp_path: Path) -> None:
    """Printed, a long option's second line started under its ``A.`` (the mini bank with item 1's
    options lengthened); it now starts under the option's first character (within 0.1 em: ``.options li``
    hangs 1.3 em, and ``A. `` is 1.22–1.31 em wide in the CJK serif), and a one-line option is unmoved."""
    from test_print_layout import long_option_paper

    page = tmp_path / "测验.html"
    page.write_bytes(render(long_option_paper(), "html"))
    open_as_printed(browser, page)
    lines = browser.execute_script(
        """return Array.from(document.querySelectorAll('.options li')).slice(0, 4).map(li => {
             const text = li.firstChild, range = document.createRange(), em = parseFloat(getComputedStyle(li).fontSize);
             range.setStart(text, 3); range.setEnd(text, 4);
             const start = range.getClientRects()[0].left;
             range.setStart(text, 0); range.setEnd(text, text.length);
             const rects = Array.from(range.getClientRects());
             return [text.data.slice(0, 2), new Set(rects.map(r => r.top)).size, (rects[rects.length - 1].left - start) / em,
                     (start - li.getBoundingClientRect().left) / em];
           })"""
    )
    assert [(label, rows) for label, rows, _, _ in lines] == [("A.", 2), ("B.", 1), ("C.", 2), ("D.", 1)]
    for label, rows, wrapped, text_start in lines:
        if rows == 2:
            assert abs(wrapped) <= 0.1, (label, wrapped)  # the second line starts under the text
        assert 1.1 <= text_start <= 1.4, (label, text_start)


def test_html_card_keeps_each_number_row_with_its_answer_row(browser: Any, tmp_path: Path) -> None:
    """`quiz --count 129 --seed 5 --type single --type multiple --type true_false` (13 grid rows): the
    printed card broke page 1 after the 题号 row 111–120, its 答案 row heading page 2, so a member
    wrote 111–120's letters under 121–129.  Each 题号 row and its 答案 row are one ``tbody`` kept
    whole (``break-inside: avoid``): page 2 opens with 题号 111 (checked with poppler's pdftotext
    where it is installed; the structure and rule always)."""
    from html.parser import HTMLParser

    (paper,) = build_papers(load_bank(SHIPPED_BANK), count=129, seed=5, types=("single", "multiple", "true_false"))
    html = render_card(paper, "html").decode()
    assert ".grid tbody, .lines tr { break-inside: avoid; page-break-inside: avoid; }" in html

    class Pairs(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.pairs: list[list[str]] = []
            self.cell = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "tbody":
                self.pairs.append([])
            self.cell = tag in ("th", "td") and ("class", "label") in attrs

        def handle_data(self, data: str) -> None:
            if self.cell and data.strip():
                self.pairs[-1].append(data.strip())
                self.cell = False

    parser = Pairs()
    parser.feed(html)
    assert parser.pairs == [["题号", "答案"]] * 13
    page = tmp_path / "测验.card.html"
    page.write_text(html, encoding="utf-8")
    pdf = print_pdf(browser, page)
    assert pdf_pages(pdf) == 2
    if shutil.which("pdftotext"):
        (tmp_path / "card.pdf").write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", "2", "-l", "2", str(tmp_path / "card.pdf"), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert text.split()[:3] == ["题号", "111", "112"], text[:80]
