"""Printed pages as Chromium lays them out: HTML files printed to PDF (A4, the page's own @page
margins) and the pages counted, where the layout itself is the point.

Each defect was found printing the shipped bank's files from headless Chromium (PDF → PNG).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browserkit import chromium, pdf_pages, print_pdf, require_chromium
from skpaths import SHIPPED_BANK
from studykit.bank import load_bank
from studykit.quiz import build_papers
from studykit.render import render_card

require_chromium()


@pytest.fixture(scope="module")
def browser() -> Any:
    with chromium() as driver:
        yield driver


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
    browser.get(page.resolve().as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    # the printed A4 text width: 210 mm less 2 × 18 mm margins, at 96 px an inch
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": round(174 / 25.4 * 96), "height": 1000, "deviceScaleFactor": 1, "mobile": False},
    )
    tops = browser.execute_script(
        "return Array.from(document.querySelectorAll('.fields > span')).map(s => s.getBoundingClientRect().top)"
    )
    assert len(tops) == 4 and len(set(tops)) == 1, tops
