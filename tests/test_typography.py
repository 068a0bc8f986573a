"""for_print: ASCII , ; : ( ) between Chinese characters printed full-width, everywhere studykit
prints article text for people — while a source still matches material/ as published."""

from __future__ import annotations

import pytest

from skpaths import MINI_BANK
from studykit.anki import note_fields
from studykit.bank import load_bank
from studykit.model import quoted, source_line
from studykit.quiz import build_papers
from studykit.render import render
from studykit.typography import display_width, for_print

SOURCE = "长春市积极探索“三长制”,在网格长的基础上又开发出楼栋长和单元长"


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("现代化,是立足", "现代化，是立足"),
        ("17日,“深入", "17日，“深入"),
        ("指出:“推进", "指出：“推进"),
        ("能;深", "能；深"),
        ("网格”,由", "网格”，由"),
        ("遵循。(文字整理/湖北日报全媒记者 周磊)", "遵循。（文字整理/湖北日报全媒记者 周磊）"),
        ("增长(GDP)是", "增长（GDP）是"),
        ("1,000 人", "1,000 人"),
        ("3:00", "3:00"),
        ("a, b; c: (d)", "a, b; c: (d)"),
        ("字, b", "字, b"),
        ("f(x)", "f(x)"),
        ("已是全角，；：（）", "已是全角，；：（）"),
        ("指出(原文):要", "指出（原文）：要"),  # a separator after a pair that turns full-width
        ("中(a),文", "中（a），文"),  # once printed ）,文 gave ），文: printing twice differed
        ("市域、____,为", "市域、____，为"),  # a blank stands for the article's words
        ("a_b, c", "a_b, c"),
        ("", ""),
    ],
)
def test_for_print(text: str, printed: str) -> None:
    """Between Chinese characters (ideographs, CJK punctuation, “ ” ‘ ’) only; pairs of parentheses together."""
    assert for_print(text) == printed
    assert for_print(printed) == printed  # idempotent
    assert len(for_print(text)) == len(text)


def test_display_width() -> None:
    """CJK and full-width characters are two columns, ASCII one."""
    assert [display_width(t) for t in ("9月17日", "ABC", "“三长制”", "Ａ，", "")] == [7, 3, 8, 4, 0]


def test_sources_still_match_material_but_print_full_width() -> None:
    """The bank loads (its sources are verbatim, ASCII commas and all); every printer shows them full-width."""
    bank = load_bank(MINI_BANK)
    q = bank.question("tian-01")
    assert q.source == SOURCE and SOURCE in bank.speech("tian-yipeng").text
    assert quoted(q.source) == "“长春市积极探索‘三长制’，在网格长的基础上又开发出楼栋长和单元长”"
    assert source_line("田毅鹏", "以网格化推进社会治理精细化", q.source).endswith(
        "‘三长制’，在网格长的基础上又开发出楼栋长和单元长”"
    )
    fields = note_fields(bank, q)
    assert "‘三长制’" not in fields[5] and "“三长制”，在" in fields[5] and ",在" not in fields[5]
    (paper,) = build_papers(bank, seed=3, speeches=("tian-yipeng",), types=("multiple",))
    for fmt in ("md", "html"):
        text = render(paper, fmt, solutions=True).decode()
        assert "‘三长制’，在" in text and "‘三长制’,在" not in text
