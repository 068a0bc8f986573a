"""The four report formats carry the numbers worked out by hand."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studykit.grade import GroupReport, render_report, summarize_group, write_report
from studykit.key import AnswerKey
from studykit.model import Bank
from test_grade_scoring import grade_group


@pytest.fixture()
def report(key: AnswerKey, mini_bank: Bank) -> GroupReport:
    return summarize_group(grade_group(key, "all-or-nothing"), key, bank=mini_bank, pass_mark=60)


def test_csv_one_row_per_member_in_rank_order(report: GroupReport) -> None:
    """The CSV has a header and one row per member, ranked, with speech and question points."""
    rows = list(csv.reader(io.StringIO(render_report(report, "csv"))))
    assert rows[0] == [
        "名次", "姓名", "来源", "行", "得分", "满分", "百分比", "结果",
        "导语", "任剑涛 大都市是省域治理重要落点", "田毅鹏 以网格化推进社会治理精细化",
        "赵显富 社会治理重心在城乡社区", "第1题", "第2题", "第3题", "第4题", "第5题", "第6题", "第7题", "第8题", "错题",
    ]  # fmt: skip
    assert rows[2] == [
        "2", "乙", "乙.answers.txt", "", "11", "18", "61.1", "及格", "4", "3", "0", "4",
        "2", "2", "0", "4", "1", "0", "2", "0", "3、6、8",
    ]  # fmt: skip
    assert [r[1] for r in rows[1:]] == ["甲", "乙", "丙", "丁"]


def test_csv_file_has_bom_and_json_none(tmp_path: Path, report: GroupReport) -> None:
    """A CSV written to a file starts with a UTF-8 BOM so Excel opens it; no temp file is left."""
    target = tmp_path / "成绩.csv"
    write_report(render_report(report, "csv"), target, "csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf\xe5\x90\x8d\xe6\xac\xa1")
    assert [p.name for p in tmp_path.iterdir()] == ["成绩.csv"]


def test_json_every_detail(report: GroupReport) -> None:
    """JSON holds per-question statistics with question ids, speeches, and per-member item results."""
    data = json.loads(render_report(report, "json"))
    assert data["studykit_grade_report"] == 1
    assert data["summary"] == {"members": 4, "passed": 2, "mean": 9.25, "median": 8, "min": 3, "max": 18}
    q3 = data["questions"][2]
    assert (q3["question_id"], q3["facility"], q3["discrimination"], q3["choices"]) == (
        "tian-01",
        0.25,
        1.0,
        {"A": 4, "B": 4, "C": 2, "D": 2},
    )
    assert q3["reread"]["speaker"] == "田毅鹏"
    assert data["revisit"] == ["tian-yipeng", "zhao-xianfu"]
    yi = data["members"][1]
    assert (yi["rank"], yi["name"], yi["score"], yi["passed"]) == (2, "乙", 11, True)
    assert yi["items"][2] == {
        "number": 3, "question_id": "tian-01", "status": "wrong", "given": "A、B", "earned": 0, "points": 4,
    }  # fmt: skip
    assert yi["speeches"]["tian-yipeng"] == {"earned": 0, "points": 5}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.styles: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.styles += [v or "" for k, v in attrs if k == "style"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_self_contained_escaped_with_facility_bars(key: AnswerKey, mini_bank: Bank) -> None:
    """The HTML is one page in zh-CN, without scripts, names escaped, one facility bar per question."""
    from dataclasses import replace

    results = grade_group(key, "all-or-nothing")
    results[0] = replace(results[0], name="<script>alert(1)</script>")
    page = render_report(summarize_group(results, key, bank=mini_bank), "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags
    assert "<script>alert(1)</script>" in "".join(parser.text)
    assert parser.styles == [f"width:{w}%" for w in (75.0, 75.0, 25.0, 50.0, 75.0, 50.0, 50.0, 50.0)]


def test_text_report_names_speeches_to_revisit(report: GroupReport) -> None:
    """The text report states the group figures and the speeches to revisit, worst first."""
    text = render_report(report, "text")
    assert "共 4 人 · 平均 9.3 分 · 中位数 8 分 · 最高 18 分 · 最低 3 分 · 及格 2 人" in text
    assert "建议全组重学：田毅鹏 以网格化推进社会治理精细化（30.0%）、赵显富 社会治理重心在城乡社区（50.0%）" in text
    assert "  第3题 多选 4分  通过率 0.25  区分度 +1.00  A 4 · B 4 · C 2 · D 2\n" in text


def test_unknown_format_is_refused(report: GroupReport) -> None:
    """An unknown report format raises ValueError."""
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        render_report(report, "pdf")
