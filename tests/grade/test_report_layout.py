"""The HTML report on a phone and on A4: tables in their own scrolling boxes, short columns that
never wrap, no empty column, means with one decimal."""

from __future__ import annotations

import re

import pytest

from studykit.grade import GroupReport, render_report, summarize_group
from studykit.grade.report._common import mean_pts
from studykit.key import AnswerKey
from studykit.model import Bank
from test_grade_scoring import grade_group


def _report(key: AnswerKey, bank: Bank, pass_mark: float) -> GroupReport:
    return summarize_group(grade_group(key, "all-or-nothing"), key, bank=bank, pass_mark=pass_mark)


@pytest.mark.parametrize(("value", "shown"), [(9.25, "9.3"), (3.5625, "3.6"), (6, "6.0"), (0.05, "0.1"), (None, "—")])
def test_means_show_one_decimal(value: float | None, shown: str) -> None:
    """Rounded half up (四舍五入), always one decimal."""
    assert mean_pts(value) == shown


def test_every_table_scrolls_on_its_own(key: AnswerKey, mini_bank: Bank) -> None:
    """Each <table> sits in a .scroll box; cells do not wrap except the stem and distribution."""
    out = render_report(_report(key, mini_bank, 60), "html")
    assert out.count("<table>") == out.count('<div class="scroll"><table>') == 3
    assert ".scroll{overflow-x:auto;max-width:100%}td,th{white-space:nowrap}" in out
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in out
    assert "@page{size:A4;" in out and "@media print{" in out
    assert re.search(r"平均 \d+\.\d 分", out)


def test_no_empty_advice_column(key: AnswerKey, mini_bank: Bank) -> None:
    """The 各篇 table has its 建议 column only when some speech needs rereading."""
    flagged = render_report(_report(key, mini_bank, 60), "html")
    assert "<th>得分率</th><th>建议</th></tr>" in flagged and "<th></th>" not in flagged
    clean = render_report(_report(key, mini_bank, 0), "html")
    assert "<th>得分率</th></tr>" in clean and "建议" not in clean and "<td></td></tr>" not in clean
