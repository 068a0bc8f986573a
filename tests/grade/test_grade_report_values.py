"""What the grade reports print: points with half credit, the multiple-choice rule, and the
order of a member's speeches in JSON — exact values, through ``studykit grade``."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import MINI
from studykit.cli import main
from studykit.grade import grade_files
from studykit.grade.report._common import pts
from studykit.grade.report.json import report_data
from studykit.key import AnswerKey, dump_key

#: 张三 earns half of item 3 (1.25 points → 0.625) and of item 4 (3.75 → 1.875);
#: 李四 half of item 3 only.  Scores 4.5 and 2.625, mean and median 3.5625.
ZHANG = "姓名：张三\n版本：A\n1. B\n3. AB\n4. AB\n"
LI = "姓名：李四\n版本：A\n1. B\n3. AB\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def half_credit(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key whose multiples are worth 1.25 and 3.75 points, scored with half credit."""
    monkeypatch.chdir(tmp_path)
    items = list(key.items)
    items[2] = replace(items[2], points=1.25)
    items[3] = replace(items[3], points=3.75)
    key = replace(key, items=tuple(items), multiple_scoring="partial")
    (tmp_path / "q.key.yaml").write_text(dump_key(key), encoding="utf-8")
    (tmp_path / "张三.answers.txt").write_text(ZHANG, encoding="utf-8")
    (tmp_path / "李四.answers.txt").write_text(LI, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "—"),
        (2.0, "2"),
        (1.5, "1.5"),
        (0.625, "0.625"),
        (1.875, "1.875"),
        (0.1 + 0.2, "0.3"),
        (3.5625, "3.563"),  # a mean: rounded half up, not to the even 3.562
        (0.0005, "0.001"),
        (0.0004, "0"),
        (1234.875, "1234.875"),
    ],
)
def test_points_print_with_up_to_three_decimals(value: float | None, shown: str) -> None:
    """Points (≤ 2 decimals, half credit adds a third) print exactly, means rounded half up
    to 3 decimals; trailing zeros dropped."""
    assert pts(value) == shown


def test_text_report_prints_half_credit_exactly(half_credit: Path) -> None:
    """0.625 and 1.875 print as such (not 0.62 beside 1.88) in every line holding points; means one decimal."""
    code, out, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml")
    assert code == 0
    lines = out.splitlines()
    assert "共 2 人 · 平均 3.6 分 · 中位数 3.563 分 · 最高 4.5 分 · 最低 2.625 分 · 及格 0 人" in lines
    assert "    2. 李四  2.625/15   17.5%  不及格" in lines  # scores and percentages right-aligned
    assert "  tian-yipeng：0.6/2.25 分（27.8%）  ← 建议重学" in lines
    assert "  zhao-xianfu：0.9/5.75 分（16.3%）  ← 建议重学" in lines
    assert "  各篇：intro 2/4 · ren-jiantao 0/3 · tian-yipeng 0.625/2.25 · zhao-xianfu 1.875/5.75" in lines
    assert "    3. [多选 1.25分] 部分得分：作答 A、B，正确答案 A、B、C，得 0.625 分" in lines
    assert "    4. [多选 3.75分] 部分得分：作答 A、B，正确答案 A、B、C，得 1.875 分" in lines
    assert "  第4题 多选 3.75分  通过率 0.00  区分度 +0.00  A 1 · B 1 · C 0 · D 0 · 未答 1" in lines


def test_csv_report_prints_half_credit_exactly(half_credit: Path) -> None:
    code, out, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "--format", "csv")
    assert code == 0
    assert out.splitlines()[1:] == [
        "1,张三,张三.answers.txt,,4.5,15,30.0,不及格,2,0,0.625,1.875,2,0,0.625,1.875,0,0,0,0,2、3、4、5、6、7、8",
        "2,李四,李四.answers.txt,,2.625,15,17.5,不及格,2,0,0.625,0,2,0,0.625,0,0,0,0,0,2、3、4、5、6、7、8",
    ]


def test_html_report_prints_half_credit_exactly(half_credit: Path) -> None:
    code, out, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "--format", "html")
    assert code == 0
    for fragment in (
        "<p>共 2 人 · 平均 3.6 分 · 中位数 3.563 分 · 最高 4.5 分 · 最低 2.625 分 · 及格 0 人</p>",
        '<td>李四</td><td class="num">2.625/15</td>',
        '<td>zhao-xianfu</td><td class="num">0.9/5.75</td>',
        "<p>各篇：intro 2/4 · ren-jiantao 0/3 · tian-yipeng 0.625/2.25 · zhao-xianfu 1.875/5.75</p>",
        '<p>2.625/15 分，17.5%，<span class="fail">不及格</span></p>',
        '<li class="miss">4. [多选 3.75分] 部分得分：作答 <span class="nw">A、B</span>，正确答案 <span class="nw">A、B、C</span>，'
        "得 1.875 分</li>",
    ):
        assert fragment in out, fragment
    assert "0.62/" not in out and "1.88" not in out


def single_only(folder: Path, key: AnswerKey, **changes: str) -> None:
    """Write a key of ``key``'s singles, true/false and fill-blank items (no multiple) to q.key.yaml."""
    items = tuple(it for it in key.items if it.type != "multiple")
    (folder / "q.key.yaml").write_text(dump_key(replace(key, items=items, **changes)), encoding="utf-8")


@pytest.mark.parametrize("rule", ["all-or-nothing", "partial"])
def test_no_multiple_items_no_multiple_rule(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch,
                                            rule: str) -> None:  # fmt: skip
    """A paper without multiple-choice items: the text and HTML headers leave the rule out
    (it applies to nothing); JSON keeps its multiple_scoring field."""
    monkeypatch.chdir(tmp_path)
    single_only(tmp_path, key, multiple_scoring=rule)
    (tmp_path / "张三.answers.txt").write_text(ZHANG, encoding="utf-8")
    code, out, _ = run("张三.answers.txt", "--key", "q.key.yaml")
    assert (code, out.splitlines()[1]) == (0, "测验 mini-test-7-abc · 版本 A · 满分 10 分 · 及格线 60%")
    code, out, _ = run("张三.answers.txt", "--key", "q.key.yaml", "--format", "html")
    assert code == 0
    assert "<p>测验 mini-test-7-abc · 版本 A · 满分 10 分 · 及格线 60%</p>" in out
    assert "多选题" not in out
    code, out, _ = run("张三.answers.txt", "--key", "q.key.yaml", "--format", "json")
    assert (code, json.loads(out)["quiz"]["multiple_scoring"]) == (0, rule)


def test_multiple_items_keep_the_rule(half_credit: Path) -> None:
    """With multiple-choice items the header still says how they were scored."""
    _, out, _ = run("张三.answers.txt", "--key", "q.key.yaml")
    assert (
        out.splitlines()[1]
        == "测验 mini-test-7-abc · 版本 A · 满分 15 分 · 多选题少选得一半分、错选不得分 · 及格线 60%"
    )


def test_json_member_speeches_follow_the_article(tmp_path: Path, key: AnswerKey,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """A paper in another order than the article's: a member's ``speeches`` in JSON follow
    the report's ``speeches`` (the article's), as the text report's 各篇 line does — both
    the streamed writer and report_data."""
    monkeypatch.chdir(tmp_path)
    backwards = replace(key, items=key.items[::-1])
    (tmp_path / "q.key.yaml").write_text(dump_key(backwards), encoding="utf-8")
    (tmp_path / "张三.answers.txt").write_text(ZHANG, encoding="utf-8")
    (tmp_path / "李四.answers.txt").write_text(LI, encoding="utf-8")
    article = ["intro", "ren-jiantao", "tian-yipeng", "zhao-xianfu"]
    code, out, _ = run("张三.answers.txt", "李四.answers.txt", "--key", "q.key.yaml", "--bank", str(MINI),
                       "--format", "json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [s["speech"] for s in data["speeches"]] == article
    assert list(data["members"][0]["speeches"].items()) == [
        ("intro", {"earned": 2, "points": 4}),
        ("ren-jiantao", {"earned": 0, "points": 3}),
        ("tian-yipeng", {"earned": 0, "points": 5}),
        ("zhao-xianfu", {"earned": 0, "points": 6}),
    ]
    assert [list(m["speeches"]) for m in data["members"]] == [article, article]
    from studykit.bank import load_bank

    report = grade_files(["张三.answers.txt", "李四.answers.txt"], backwards, bank=load_bank(MINI))
    assert [list(m["speeches"]) for m in report_data(report)["members"]] == [article, article]
