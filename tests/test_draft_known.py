"""studykit draft: the draft defects fresh-user testers found last round (round 5's list).

Each test writes a small realistic article, drafts it through the CLI (``studykit draft``), reads
the bank back and pins the exact stems, keys and counts drafted of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from studykit.cli import main


def _draft(tmp_path: Path, text: str, name: str = "article.txt") -> tuple[str, list[dict[str, Any]]]:
    """Draft ``text`` through the CLI; the command's output and the bank's questions."""
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "bank"
    result = CliRunner().invoke(main, ["draft", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    bank = yaml.safe_load((out / "question_bank.yaml").read_text(encoding="utf-8"))
    return result.output, bank["questions"]


def _check(tmp_path: Path) -> str:
    result = CliRunner().invoke(main, ["check", "--bank", str(tmp_path / "bank" / "question_bank.yaml")])
    assert result.exit_code == 0, result.output
    return result.output


def _asked(questions: list[dict[str, Any]], rule: str = "") -> list[tuple[Any, ...]]:
    return [(q["type"], q["stem"], q.get("options"), q["answer"]) for q in questions if rule in q["stem"]]


ORCHARD = """村里果园有了新帮手

今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、施肥、防治病虫害，全村果品产量提高了两成。
农技员还教大家修剪枝条、施肥、浇水的技术，群众很欢迎。
"""


def test_a_list_of_tasks_keeps_the_last_verb_with_its_object(tmp_path: Path) -> None:
    """修剪、施肥、防治病虫害: the last member is 防治病虫害, not 防治 (a key cut inside a verb-object
    phrase); 修剪枝条、施肥、浇水: the first is 修剪枝条, not 枝条."""
    _, questions = _draft(tmp_path, ORCHARD)
    assert _asked(questions) == [
        ("multiple", "文章指出，今年以来，村党支部组织农技人员深入果园，手把手教果农（ ），全村果品产量提高了两成",
         ["修剪", "施肥", "防治病虫害", "浇水"], "ABC"),
        ("fill_blank", "文章指出，今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、____、防治病虫害，全村果品产量提高了两成。",
         None, ["施肥"]),
        ("multiple", "文章指出，农技员还教大家（ ）的技术，群众很欢迎", ["防治病虫害", "修剪枝条", "施肥", "浇水"], "BCD"),
        ("fill_blank", "文章指出，农技员还教大家修剪枝条、____、浇水的技术，群众很欢迎。", None, ["施肥"]),
    ]  # fmt: skip
    options = [o for q in questions for o in q.get("options", [])]
    assert "防治" not in options and "枝条" not in options


TWO_RUNS = """抓实基层党建 助力乡村振兴

近年来，县委坚持抓党建促乡村振兴。
一是建强村级班子，选优配强村党组织书记；二是壮大集体经济，盘活闲置资产；三是完善服务体系，打通联系群众最后一公里。
在工作中，我们也深刻体会到，一是必须坚持党的领导；二是必须坚持群众路线；三是必须坚持实事求是。
"""


FIRST, SECOND = (
    ["建强村级班子", "壮大集体经济", "完善服务体系"],
    ["必须坚持党的领导", "必须坚持群众路线", "必须坚持实事求是"],
)


def test_two_runs_nothing_introduces_get_distinct_true_stems(tmp_path: Path) -> None:
    """Two 一是…二是…三是 runs in one part, neither announced: each is named by the clause printed
    before it (both were 文章列举的几点中，第一点是（ ）, each item false of the other run, and
    check warned of 3 duplicate stems); no ；-list of 二是… clauses is drafted as a multiple."""
    _, questions = _draft(tmp_path, TWO_RUNS)
    assert len(questions) == 10
    first, second = "文章在“县委坚持抓党建促乡村振兴”之后列举的几点中，", "文章在“我们也深刻体会到”之后列举的几点中，"
    assert _asked(questions) == [
        ("single", first + "第一点是（ ）", FIRST, "A"),
        ("single", first + "第二点是（ ）", FIRST, "B"),
        ("single", first + "第三点是（ ）", FIRST, "C"),
        ("true_false", first + "第二点是“壮大集体经济”。", None, True),
        ("true_false", first + "第一点是“壮大集体经济”。", None, False),
        ("single", second + "第一点是（ ）", SECOND, "A"),
        ("single", second + "第二点是（ ）", SECOND, "B"),
        ("single", second + "第三点是（ ）", SECOND, "C"),
        ("true_false", second + "第二点是“必须坚持群众路线”。", None, True),
        ("true_false", second + "第一点是“必须坚持群众路线”。", None, False),
    ]
    assert "same stem" not in _check(tmp_path)


SECTIONS = """认真做好下半年工作

一、抓好学习教育
一是组织专题学习，二是开展研讨交流，三是撰写心得体会。
二、抓好作风建设
一是整治形式主义，二是纠治官僚主义，三是力戒享乐主义。
"""


def test_runs_in_sections_are_named_by_their_headings(tmp_path: Path) -> None:
    """Two unannounced runs under two subheadings (one part each, layout 3, but as one part when a
    text has them under one speaker): each stem names its section's heading."""
    from studykit.draft.candidates import draft_questions
    from studykit.draft.split import Part

    text = SECTIONS.replace("认真做好下半年工作\n\n", "")
    drafts = draft_questions([Part("part-1", "认真做好下半年工作", text)])
    stems = [d.stem for d in drafts if d.rule == "points" and d.type == "single"]
    assert stems == [
        "文章在谈到“抓好学习教育”时，列举的第一点是（ ）",
        "文章在谈到“抓好学习教育”时，列举的第二点是（ ）",
        "文章在谈到“抓好学习教育”时，列举的第三点是（ ）",
        "文章在谈到“抓好作风建设”时，列举的第一点是（ ）",
        "文章在谈到“抓好作风建设”时，列举的第二点是（ ）",
        "文章在谈到“抓好作风建设”时，列举的第三点是（ ）",
    ]


ASPECTS = """扎实推进作风建设

加强作风建设，要把握好三个方面。第一个方面，要坚定理想信念。第二个方面，要密切联系群众。第三个方面，要严守纪律规矩。

抓落实，一方面要敢于担当，另一方面要善于作为，两者缺一不可。

今年支部重点做好四件事：（1）开展主题党日活动；（2）落实“三会一课”制度；（3）推进党员积分管理；（4）建好党员活动阵地。

村里的做法可以概括为：①党员带头示范；②群众广泛参与；③制度长效保障。
"""


def test_aspects_one_hand_and_numbered_items_are_read_as_points(tmp_path: Path) -> None:
    """第一个方面…第二个方面 (asked as 第N个方面, not as the number 第一个 with near values),
    一方面…另一方面 (two points: the true/false pair), （1）（2） and ①② (第N点) are runs of points."""
    _, questions = _draft(tmp_path, ASPECTS)
    aspects, four, done = (
        "文章在谈到“要把握好三个方面”时，列举的",
        "文章在谈到“今年支部重点做好四件事”时，列举的",
        "文章在谈到“村里的做法可以概括为”时，列举的",
    )
    three = ["要坚定理想信念", "要密切联系群众", "要严守纪律规矩"]
    assert _asked(questions) == [
        ("fill_blank", "文章指出，今年支部重点做好四件事：（1）开展主题党日活动；（2）落实“____”制度；（3）推进党员积分管理；（4）建好党员活动阵地。",
         None, ["三会一课"]),
        ("single", aspects + "第一个方面是（ ）", three, "A"),
        ("single", aspects + "第二个方面是（ ）", three, "B"),
        ("single", aspects + "第三个方面是（ ）", three, "C"),
        ("true_false", aspects + "第二个方面是“要密切联系群众”。", None, True),
        ("true_false", aspects + "第一个方面是“要密切联系群众”。", None, False),
        ("true_false", "文章列举的几点中，以“另一方面”引出的一点是“要善于作为”。", None, True),
        ("true_false", "文章列举的几点中，以“一方面”引出的一点是“要善于作为”。", None, False),
        ("single", four + "第一点是（ ）", ["落实“三会一课”制度", "推进党员积分管理", "建好党员活动阵地", "开展主题党日活动"], "D"),
        ("single", four + "第二点是（ ）", ["落实“三会一课”制度", "开展主题党日活动", "推进党员积分管理", "建好党员活动阵地"], "A"),
        ("single", four + "第三点是（ ）", ["开展主题党日活动", "推进党员积分管理", "落实“三会一课”制度", "建好党员活动阵地"], "B"),
        ("single", four + "第四点是（ ）", ["开展主题党日活动", "落实“三会一课”制度", "建好党员活动阵地", "推进党员积分管理"], "C"),
        ("true_false", four + "第二点是“落实‘三会一课’制度”。", None, True),
        ("true_false", four + "第一点是“落实‘三会一课’制度”。", None, False),
        ("single", done + "第一点是（ ）", ["群众广泛参与", "党员带头示范", "制度长效保障"], "B"),
        ("single", done + "第二点是（ ）", ["党员带头示范", "制度长效保障", "群众广泛参与"], "C"),
        ("single", done + "第三点是（ ）", ["制度长效保障", "党员带头示范", "群众广泛参与"], "A"),
        ("true_false", done + "第二点是“群众广泛参与”。", None, True),
        ("true_false", done + "第一点是“群众广泛参与”。", None, False),
        ("single", "文章指出，加强作风建设，要把握好（ ）方面", ["两个", "四个", "三个", "五个"], "C"),
        ("true_false", "文章指出，加强作风建设，要把握好三个方面。", None, True),
    ]  # fmt: skip
    wrong = next(q for q in questions if q["stem"] == aspects + "第一个方面是“要密切联系群众”。")
    assert wrong["explanation"].startswith("错误。“要密切联系群众”是第二个方面，第一个方面是“要坚定理想信念”。")


def test_ascii_brackets_and_full_width_digits_number_points_too() -> None:
    """(1)(2)(3) and （１）（２）（３） are the same numbering as （1）（2）（3）."""
    from studykit.draft.candidates import draft_questions
    from studykit.draft.split import Part

    for one, two, three in (("(1)", "(2)", "(3)"), ("（１）", "（２）", "（３）")):
        text = f"支部要做到三点：{one}学习到位；{two}责任到位；{three}落实到位。"
        stems = [d.stem for d in draft_questions([Part("part-1", "要求", text)]) if d.rule == "points"]
        assert stems[:3] == [f"文章在谈到“支部要做到三点”时，列举的第{n}点是（ ）" for n in "一二三"]
