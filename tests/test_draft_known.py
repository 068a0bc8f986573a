"""studykit draft: the draft defects fresh-user testers found last round (round 5's list).

Each test writes a small realistic article, drafts it through the CLI (``studykit draft``), reads
the bank back and pins the exact stems, keys and counts drafted of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from draftkit import draft_questions
from studykit.cli import main


def _draft(tmp_path: Path, text: str, out_name: str = "bank") -> tuple[str, list[dict[str, Any]]]:
    """Draft ``text`` through the CLI into ``tmp_path / out_name``; the command's output and the bank's questions."""
    return draft_questions(tmp_path, text, out_name=out_name)


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
        ("multiple", "《村里果园有了新帮手》一文指出，今年以来，村党支部组织农技人员深入果园，手把手教果农（ ），全村果品产量提高了两成",
         ["修剪", "施肥", "防治病虫害", "浇水"], "ABC"),
        ("fill_blank", "《村里果园有了新帮手》一文指出，今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、____、防治病虫害，全村果品产量提高了两成。",
         None, ["施肥"]),
        ("multiple", "《村里果园有了新帮手》一文指出，农技员还教大家（ ）的技术，群众很欢迎", ["防治病虫害", "修剪枝条", "施肥", "浇水"], "BCD"),
        ("fill_blank", "《村里果园有了新帮手》一文指出，农技员还教大家修剪枝条、____、浇水的技术，群众很欢迎。", None, ["施肥"]),
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
    first, second = (
        "《抓实基层党建 助力乡村振兴》一文在“县委坚持抓党建促乡村振兴”之后列举的几点中，",
        "《抓实基层党建 助力乡村振兴》一文在“我们也深刻体会到”之后列举的几点中，",
    )
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
        "《扎实推进作风建设》一文在谈到“要把握好三个方面”时，列举的",
        "《扎实推进作风建设》一文在谈到“今年支部重点做好四件事”时，列举的",
        "《扎实推进作风建设》一文在谈到“村里的做法可以概括为”时，列举的",
    )
    three = ["要坚定理想信念", "要密切联系群众", "要严守纪律规矩"]
    assert _asked(questions) == [
        ("fill_blank", "《扎实推进作风建设》一文指出，今年支部重点做好四件事：（1）开展主题党日活动；（2）落实“____”制度；（3）推进党员积分管理；（4）建好党员活动阵地。",
         None, ["三会一课"]),
        ("single", aspects + "第一个方面是（ ）", three, "A"),
        ("single", aspects + "第二个方面是（ ）", three, "B"),
        ("single", aspects + "第三个方面是（ ）", three, "C"),
        ("true_false", aspects + "第二个方面是“要密切联系群众”。", None, True),
        ("true_false", aspects + "第一个方面是“要密切联系群众”。", None, False),
        ("true_false", "《扎实推进作风建设》一文列举的几点中，以“另一方面”引出的一点是“要善于作为”。", None, True),
        ("true_false", "《扎实推进作风建设》一文列举的几点中，以“一方面”引出的一点是“要善于作为”。", None, False),
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
        ("single", "《扎实推进作风建设》一文指出，加强作风建设，要把握好（ ）方面", ["两个", "四个", "三个", "五个"], "C"),
        ("true_false", "《扎实推进作风建设》一文指出，加强作风建设，要把握好三个方面。", None, True),
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


SPEECH = """在全镇党建工作会议上的讲话

今天召开会议，主要是总结上半年工作，部署下半年任务。

一、进一步提高政治站位和思想认识，切实增强做好新时代基层党建工作的责任感使命感紧迫感
第一，认清形势任务
当前，基层党建工作面临新的形势，我们必须增强责任感和紧迫感。
第二，明确目标要求
全镇要在年底前实现村级党组织标准化建设全覆盖。

二、狠抓工作落实
第一，压实工作责任
各村党组织书记要切实履行第一责任人职责。
第二，强化督查考核
镇党委将定期开展督查，考核结果与评先评优挂钩。
"""


def test_a_numbered_heading_with_its_first_point_right_under_it_opens_its_section(tmp_path: Path) -> None:
    """一、… (45 characters, no sentence end) then 第一，… on the next line: the heading opens part-1
    (it was too long for a subheading, so the short lines were read as headings and 一、… with 第一，
    went into the 导语); each section's points are named by its heading."""
    output, questions = _draft(tmp_path, SPEECH)
    assert output.splitlines()[:4] == [
        f"{tmp_path / 'bank' / 'question_bank.yaml'}: 3 parts (layout: subheadings), 4 drafts to review",
        "  intro: 在全镇党建工作会议上的讲话 — 0",
        "  part-1: 一、进一步提高政治站位和思想认识，切实增强做好新时代基层党建工作的责任感使命感紧迫感 — 2",
        "  part-2: 二、狠抓工作落实 — 2",
    ]
    intro = (tmp_path / "bank" / "material" / "00-intro.txt").read_text(encoding="utf-8")
    assert intro == "在全镇党建工作会议上的讲话\n\n今天召开会议，主要是总结上半年工作，部署下半年任务。\n"
    said = "《在全镇党建工作会议上的讲话》在谈到“{}”时，列举的"
    one, two = said.format("进一步提高政治站位和思想认识"), said.format("狠抓工作落实")
    assert _asked(questions) == [
        ("true_false", one + "第二点是“明确目标要求”。", None, True),
        ("true_false", one + "第一点是“明确目标要求”。", None, False),
        ("true_false", two + "第二点是“强化督查考核”。", None, True),
        ("true_false", two + "第一点是“强化督查考核”。", None, False),
    ]


def test_unnumbered_headings_with_point_subheadings_are_the_sections() -> None:
    """提高思想认识 / 第一，认清形势任务 (a heading and its first point, no numbers): the heading opens
    the section, and 第二，… between paragraphs stays in it."""
    from studykit.draft.split import split_article

    text = SPEECH.replace(
        "一、进一步提高政治站位和思想认识，切实增强做好新时代基层党建工作的责任感使命感紧迫感", "提高思想认识"
    )
    split = split_article(text.replace("二、狠抓工作落实", "狠抓工作落实"))
    assert [(p.id, p.heading, p.text.count("\n")) for p in split.parts] == [
        ("intro", "在全镇党建工作会议上的讲话", 3),
        ("part-1", "提高思想认识", 5),
        ("part-2", "狠抓工作落实", 5),
    ]


PAGE = """基层党建

党员先锋岗亮出新风采
本报记者　周敏
今年以来，东湖村设立党员先锋岗12个，党员带头参与环境整治、矛盾调解、志愿服务。

小积分激发治理大活力
本报记者　黄磊
西山社区推行积分制管理，把垃圾分类、邻里互助、文明养犬等内容纳入积分项目，居民参与热情高涨。
"""


def test_the_articles_of_a_page_are_named_in_their_stems(tmp_path: Path) -> None:
    """A page of two news items (one bank, several articles): each stem names its article, as the
    explanation does; 文章指出 left only the 出处 to say which article a distractor belonged to."""
    _, questions = _draft(tmp_path, PAGE)
    one, two = "《党员先锋岗亮出新风采》一文指出，", "《小积分激发治理大活力》一文指出，"
    assert _asked(questions) == [
        ("multiple", one + "今年以来，东湖村设立党员先锋岗12个，党员带头参与（ ）",
         ["环境整治", "矛盾调解", "志愿服务", "垃圾分类", "邻里互助"], "ABC"),
        ("fill_blank", one + "今年以来，东湖村设立党员先锋岗12个，党员带头参与环境整治、____、志愿服务。", None, ["矛盾调解"]),
        ("single", one + "今年以来，东湖村设立党员先锋岗（ ），党员带头参与环境整治、矛盾调解、志愿服务",
         ["11个", "13个", "12个", "10个"], "C"),
        ("true_false", one + "今年以来，东湖村设立党员先锋岗12个，党员带头参与环境整治、矛盾调解、志愿服务。", None, True),
        # 垃圾分类、邻里互助、文明养犬等 is an open list: no multiple (环境整治 may be one of its 等)
        ("fill_blank", two + "西山社区推行积分制管理，把垃圾分类、____、文明养犬等内容纳入积分项目，居民参与热情高涨。", None,
         ["邻里互助"]),
    ]  # fmt: skip
    assert questions[0]["explanation"] == (
        "见《党员先锋岗亮出新风采》：“今年以来，东湖村设立党员先锋岗12个，党员带头参与环境整治、矛盾调解、志愿服务。”"
    )


def test_a_paper_mixing_two_drafted_articles_names_each(tmp_path: Path) -> None:
    """Two drafted banks (one article each) on one paper: every item's stem names its article."""
    banks = []
    for name, text in (("orchard", ORCHARD), ("runs", TWO_RUNS)):
        (tmp_path / name).mkdir()
        _draft(tmp_path / name, text, name)
        banks += ["--bank", str(tmp_path / name / name / "question_bank.yaml")]
    paper = tmp_path / "paper.md"
    args = ["quiz", *banks, "--include-drafts", "--count", "4", "--seed", "3", "-o", str(paper)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    text = paper.read_text(encoding="utf-8")
    counts = [text.count("《村里果园有了新帮手》一文"), text.count("《抓实基层党建 助力乡村振兴》一文")]
    assert sum(counts) == 4 and min(counts) >= 1, counts
    assert "文章指出" not in text and "文章列举" not in text


TIHUI = """在为民服务中践行初心使命
□ 李明
参加这次主题教育，我收获很大。结合工作实际，我谈两点认识。
第一，为民服务要真心实意。群众利益无小事，我们要把群众的急难愁盼当作自己的事来办。去年，村里修通了3公里的产业路，解决了200多户群众的出行难题。
第二，为民服务要持之以恒。我们村坚持每月开展一次“党员服务日”活动，为群众理发、义诊、维修家电。
今后，我将继续扎根基层，努力为群众办更多实事好事。我们支部也将把主题教育成果转化为推动发展的实际行动。
"""


def test_one_byline_article_gets_its_speaker_and_no_first_person_items(tmp_path: Path) -> None:
    """A single 体会 under □ 李明: one part with the speaker 李明 (position 作者, as the byline gives no
    post), stems 李明指出; 我谈两点认识, 我收获很大, 我将继续… give no item (文章指出，…我谈两点认识。
    was drafted as a fact), and the bank checks; 我们村… is quoted as 李明 said it (round 5: 李明指出，
    我们村… read as a claim about 李明).  Round 8 changed its quotation on purpose: a 体会 under □ 李明 is
    written, not a speech, so 我们村… is quoted 李明在文章中写道 (it read 李明在发言中说)."""
    output, questions = _draft(tmp_path, TIHUI)
    assert output.splitlines()[:2] == [
        f"{tmp_path / 'bank' / 'question_bank.yaml'}: 1 part (layout: heading, name and post), 8 drafts to review",
        "  li-ming: 李明 在为民服务中践行初心使命 — 8",
    ]
    bank = yaml.safe_load((tmp_path / "bank" / "question_bank.yaml").read_text(encoding="utf-8"))
    assert bank["speeches"] == [
        {"id": "li-ming", "speaker": "李明", "position": "作者", "heading": "在为民服务中践行初心使命",
         "material": "material/00-li-ming.txt"},
    ]  # fmt: skip
    said = "李明在谈到“我谈两点认识”时，列举的"
    assert _asked(questions) == [
        ("fill_blank", "李明在文章中写道：“我们村坚持每月开展一次‘____’活动，为群众理发、义诊、维修家电。”", None,
         ["党员服务日"]),
        ("fill_blank", "李明在文章中写道：“我们村坚持每月开展一次‘党员服务日’活动，为群众理发、____、维修家电。”", None,
         ["义诊"]),
        ("true_false", said + "第二点是“为民服务要持之以恒”。", None, True),
        ("true_false", said + "第一点是“为民服务要持之以恒”。", None, False),
        ("single", "李明指出，去年，村里修通了（ ）的产业路，解决了200多户群众的出行难题", ["2公里", "3公里", "4公里", "1公里"], "B"),
        ("true_false", "李明指出，去年，村里修通了2公里的产业路，解决了200多户群众的出行难题。", None, False),
        ("single", "李明指出，去年，村里修通了3公里的产业路，解决了（ ）群众的出行难题", ["100多户", "300多户", "200多户", "400多户"],
         "C"),
        ("true_false", "李明指出，去年，村里修通了3公里的产业路，解决了200多户群众的出行难题。", None, True),
    ]  # fmt: skip
    assert "warning" not in _check(tmp_path).replace("warning: speech 'li-ming': 8 drafts", "")


def test_one_byline_with_an_authors_note_takes_its_post(tmp_path: Path) -> None:
    """□ 李明 … （作者系东湖村党支部书记）: the post is the note's; 文章 with no byline stays one part."""
    text = TIHUI + "（作者系东湖村党支部书记）\n"
    _draft(tmp_path, text)
    bank = yaml.safe_load((tmp_path / "bank" / "question_bank.yaml").read_text(encoding="utf-8"))
    assert [(s["speaker"], s["position"]) for s in bank["speeches"]] == [("李明", "东湖村党支部书记")]


def test_first_person_statements_of_a_text_without_speaker_are_left_out() -> None:
    """文章指出，…我谈两点认识。 / 我们将… with no speaker named: no item; a fact in the same words
    (我们要…, 我国将…, 我们村坚持…) is kept."""
    from studykit.draft.candidates.person import first_person

    said = [
        ("结合工作实际，我谈两点认识。", True, True),
        ("下面，我讲三点意见。", True, True),
        ("参加这次主题教育，我收获很大。", True, True),
        ("今后，我将继续扎根基层。", True, True),
        ("我们支部也将把主题教育成果转化为实际行动。", False, True),
        ("群众利益无小事，我们要把群众的急难愁盼当作自己的事来办。", False, False),
        ("我国将加快建设农业强国。", False, False),
        ("我们村坚持每月开展一次活动。", False, False),
        ("李明在谈到“我谈两点认识”时，列举的第二点是“为民服务要持之以恒”。", False, False),
    ]
    assert [(t, first_person(t, named=True), first_person(t, named=False)) for t, _, _ in said] == said


def test_a_docx_article_keeps_text_typed_with_track_changes_on(tmp_path: Path) -> None:
    """An article edited in 修订 mode: the inserted words (a ``w:ins`` run) are in the material and
    drafted, the deleted ones (``w:delText``) are not — python-docx's ``.text`` dropped the insert,
    so 防治病虫害 was missing from the list (draft now reads the text as grade reads a card)."""
    from docx import Document
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = Document()
    document.add_paragraph("村里果园有了新帮手")
    body = document.add_paragraph("今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、施肥、")
    body._p.append(parse_xml(
        f'<w:del {w} w:id="1" w:author="x" w:date="2026-12-07T00:00:00Z"><w:r><w:delText>打药</w:delText></w:r></w:del>'
    ))  # fmt: skip
    body._p.append(parse_xml(
        f'<w:ins {w} w:id="2" w:author="x" w:date="2026-12-07T00:00:00Z"><w:r><w:t>防治病虫害</w:t></w:r></w:ins>'
    ))  # fmt: skip
    body.add_run("，全村果品产量提高了两成。")
    document.add_paragraph("农技员还教大家修剪枝条、施肥、浇水的技术，群众很欢迎。")
    article = tmp_path / "果园.docx"
    document.save(str(article))
    assert "防治病虫害" not in "".join(p.text for p in Document(str(article)).paragraphs)  # what .text gave
    result = CliRunner().invoke(main, ["draft", str(article), "-o", str(tmp_path / "bank")])
    assert result.exit_code == 0, result.output
    material = (tmp_path / "bank" / "material" / "00-part-1.txt").read_text(encoding="utf-8")
    assert material == (
        "村里果园有了新帮手\n\n"
        "今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、施肥、防治病虫害，全村果品产量提高了两成。\n\n"
        "农技员还教大家修剪枝条、施肥、浇水的技术，群众很欢迎。\n"
    )
    questions = yaml.safe_load((tmp_path / "bank" / "question_bank.yaml").read_text(encoding="utf-8"))["questions"]
    assert next(q["options"] for q in questions if q["type"] == "multiple") == ["修剪", "施肥", "防治病虫害", "浇水"]
    assert len(questions) == 4


def test_docx_text_reads_an_insert_once_and_a_drawings_fallback_not_at_all() -> None:
    """The shared extractor: a w:ins run's text is read; a text box written twice (mc:Choice and its
    mc:Fallback copy for older readers) is read once."""
    from docx.oxml import parse_xml

    from studykit._docx import element_text

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent>"
    paragraph = parse_xml(
        f"<w:p {ns}><w:r><w:t>甲</w:t><w:tab/></w:r><w:ins><w:r><w:t>乙</w:t></w:r></w:ins>"
        f"<w:del><w:r><w:delText>丙</w:delText></w:r></w:del>"
        f"<w:r><mc:AlternateContent><mc:Choice>{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent>"
        f"</w:r></w:p>"
    )
    assert element_text(paragraph) == "甲\t乙\n框内"


def test_a_single_articles_title_is_its_title_line_not_the_section_name_above_it() -> None:
    """党员生活 (the page's section) above 全方位多层次深入推进省域治理现代化: the article's title, by which
    its stems name it, is the longer line, as the 导语 of the whole page takes it."""
    from studykit.draft.split import split_article

    split = split_article("党员生活\n\n全方位多层次深入推进省域治理现代化\n\n10月17日，研讨会在华中师范大学举行。\n")
    assert (split.layout, split.title, split.parts[0].heading, split.parts[0].article) == (
        4, "全方位多层次深入推进省域治理现代化", "全方位多层次深入推进省域治理现代化", "全方位多层次深入推进省域治理现代化"
    )  # fmt: skip


NOTICE = Path(__file__).parent / "data" / "draft" / "notice.txt"


def test_a_notice_numbered_in_sections_and_sub_sections(tmp_path: Path) -> None:
    """A 学习贯彻 notice (一、 sections, （一）（二）（三） sub-sections opening paragraphs, signed and
    dated): the sub-sections are a run of points named by their section; stems name the notice as
    a document (《…的通知》指出); the 落款 date under the issuer stays in the material (it was dropped
    as a page's dateline)."""
    output, questions = _draft(tmp_path, NOTICE.read_text(encoding="utf-8"))
    assert output.splitlines()[1:5] == [
        "  intro: 中共某某县委组织部关于认真学习贯彻党的二十届三中全会精神的通知 — 3",
        "  part-1: 一、充分认识学习贯彻全会精神的重大意义 — 1",
        "  part-2: 二、认真抓好学习培训 — 8",
        "  part-3: 三、加强组织领导 — 0",
    ]
    last = (tmp_path / "bank" / "material" / "03-part-3.txt").read_text(encoding="utf-8")
    assert last.endswith("请及时报县委组织部。\n\n中共某某县委组织部\n2024年8月5日\n")
    notice = "《中共某某县委组织部关于认真学习贯彻党的二十届三中全会精神的通知》"
    three = ["抓好党委（党组）理论学习中心组学习", "抓好党员干部集中轮训", "抓好基层党员学习"]
    said = notice + "在谈到“认真抓好学习培训”时，列举的"
    assert [x for x in _asked(questions) if "列举" in x[1]] == [
        ("single", said + "第一点是（ ）", three, "A"),
        ("single", said + "第二点是（ ）", three, "B"),
        ("single", said + "第三点是（ ）", three, "C"),
        ("true_false", said + "第二点是“抓好党员干部集中轮训”。", None, True),
        ("true_false", said + "第一点是“抓好党员干部集中轮训”。", None, False),
    ]
    assert all(q["stem"].startswith(notice) for q in questions) and len(questions) == 12
    # not the two single choices keyed 二十届三中全会: the notice's title in their stems printed it
    assert not [q for q in questions if "二十届三中全会" in "".join(q.get("options", []))]


def test_a_xinhua_story_is_named_by_its_title_not_its_credit_or_subtitle(tmp_path: Path) -> None:
    """A 新华社 通讯: the title line (not the longer 新华社记者　赵军 credit under it) names the article;
    a title line holding its subtitle (“…”——记…) is named by the main title; a quotation by a
    villager or the 书记 is not drafted as the article's claim."""
    story = (
        "小山村走出振兴路\n\n新华社记者　赵军\n\n"
        "“我们坚持支部引领、党员带头、群众参与，一步一个脚印往前走。”村党支部书记王强介绍。\n\n"
        "王强告诉记者，村里今年将新建冷链仓库2座，带动周边5个村共同发展。\n\n"
        "“过去是‘要我干’，现在是‘我要干’。”村民李大姐笑着说。\n"
    )
    _, questions = _draft(tmp_path, story)
    assert _asked(questions) == [
        ("single", "王强告诉记者，村里今年将新建冷链仓库2座，带动周边（ ）村共同发展",
         ["5个", "4个", "6个", "3个"], "A"),
        ("true_false", "王强告诉记者，村里今年将新建冷链仓库2座，带动周边5个村共同发展。", None, True),
    ]  # fmt: skip
    # the sentence names its speaker, so the stem starts from him; the explanation names the article
    assert questions[0]["explanation"].startswith("见《小山村走出振兴路》：")
    titled = "“把群众的事当成自己的事”——记全国优秀共产党员、某某村党支部书记张建国\n\n新华社记者　王磊　李娜\n\n"
    _, questions = _draft(tmp_path, titled + "如今，全村猕猴桃种植面积达到3200亩。\n", "bank2")
    assert [q["stem"] for q in questions][:1] == [
        "《“把群众的事当成自己的事”》一文指出，如今，全村猕猴桃种植面积达到（ ）"
    ]
    assert questions[0]["explanation"] == "见《“把群众的事当成自己的事”》：“如今，全村猕猴桃种植面积达到3200亩。”"


PLAN = Path(__file__).parent / "data" / "draft" / "plan.txt"


def test_a_plan_with_sub_section_headings_checks_without_a_key_warning(tmp_path: Path) -> None:
    """A 实施方案 with （一）… sub-section heading lines: the three are a run named by their section, and
    the 7 single choices' keys are spread so no letter holds more than 40% (A held 3 of 7: the
    3-option items took A, B, C, A … before a 4-option item could take D)."""
    _, questions = _draft(tmp_path, PLAN.read_text(encoding="utf-8"))
    keys = [q["answer"] for q in questions if q["type"] == "single"]
    assert len(keys) == 7 and max(keys.count(k) for k in "ABCD") == 2
    said = "《关于开展“灯塔大课堂”学习活动的实施方案》在谈到“主要内容”时，列举的"
    assert [q["stem"] for q in questions if q["stem"].startswith(said) and q["type"] == "single"] == [
        said + "第一点是（ ）",
        said + "第二点是（ ）",
        said + "第三点是（ ）",
    ]
    assert "warning: questions" not in _check(tmp_path)


def test_two_heading_line_runs_of_one_speech_are_named_by_their_subheadings() -> None:
    """第一，…第二，… heading lines under 一、思想上 and again under 二、行动上, in one speaker's part and
    nothing announcing them: each run is named by its subheading (both were 李明列举的几点中)."""
    from studykit.draft.candidates import draft_questions
    from studykit.draft.split import Part

    text = (
        "县委书记　李明\n一、思想上\n第一，提高认识\n要把思想统一到会议精神上来。\n第二，统一思想\n要凝聚共识。\n"
        "二、行动上\n第一，压实责任\n要层层传导压力。\n第二，强化督查\n要定期通报进展。\n"
    )
    drafts = draft_questions([Part("li-ming", "在全县作风建设大会上的讲话", text, "李明", "县委书记")])
    assert [(d.type, d.stem, d.answer) for d in drafts if d.rule == "points"] == [
        ("true_false", "李明在谈到“思想上”时，列举的第二点是“统一思想”。", ("true",)),
        ("true_false", "李明在谈到“思想上”时，列举的第一点是“统一思想”。", ("false",)),
        ("true_false", "李明在谈到“行动上”时，列举的第二点是“强化督查”。", ("true",)),
        ("true_false", "李明在谈到“行动上”时，列举的第一点是“强化督查”。", ("false",)),
    ]


def test_a_wechat_party_lecture_is_named_without_its_column_and_does_not_ask_its_own_plan(tmp_path: Path) -> None:
    """A 党课讲稿 posted on WeChat under 学思践悟｜…: stems name 《以钉钉子精神抓好作风建设》 (not the
    column); 今天，我围绕“…”这个主题，和大家交流三个问题 gives no item (the count of 问题 the speaker
    will discuss, and the statement of it, are the text announcing itself; the theme is the title)."""
    text = (Path(__file__).parent / "data" / "draft" / "wechat_dangke.txt").read_text(encoding="utf-8")
    _, questions = _draft(tmp_path, text)
    name = "《以钉钉子精神抓好作风建设》一文"
    assert len(questions) == 9 and all(q["stem"].startswith(name) for q in questions)
    # the theme's fill-in keyed 以钉钉子精神抓好作风建设 is gone too: the stem's title printed its key
    assert [q for q in questions if q["speech"] == "intro"] == []


def test_lists_of_tasks_with_longer_objects_keep_them_whole() -> None:
    """走访群众、化解矛盾、解决实际问题 (a set phrase between: the last is 解决实际问题, not 解决实际) and
    收割小麦、修缮房屋、照顾留守老人和儿童 (the object holds 和: not 照顾留守); lists of nouns stay as they were."""
    from studykit.draft.candidates.lists import find_lists
    from studykit.draft.candidates.text import sentences
    from studykit.draft.split import Part

    text = (
        "各级党员干部要深入基层走访群众、化解矛盾、解决实际问题，切实把工作做到群众心坎上。\n"
        "要坚持问题导向、目标导向、结果导向，推动各项任务落地见效。\n"
        "村干部经常帮助群众收割小麦、修缮房屋、照顾留守老人和儿童。\n"
    )
    found = find_lists(sentences(Part("part-1", "以过硬作风推动工作落实", text)))
    assert [li.members for li in found] == [
        ("走访群众", "化解矛盾", "解决实际问题"),
        ("问题导向", "目标导向", "结果导向"),
        ("收割小麦", "修缮房屋", "照顾留守老人和儿童"),
    ]


def test_footnotes_numbered_with_circles_are_no_points() -> None:
    """①参见《…》…第12页。②同上，第15页。 — a theory article's notes: no run of points is drafted of them."""
    from studykit.draft.candidates import draft_questions
    from studykit.draft.split import Part

    text = (
        "推进全面从严治党，必须坚持思想建党和制度治党同向发力。\n\n"
        "①参见《习近平谈治国理政》第四卷，外文出版社2022年版，第12页。②同上，第15页。③《毛泽东选集》第二卷，人民出版社1991年版。\n"
    )
    drafts = draft_questions([Part("part-1", "理论文章", text)])
    assert [d for d in drafts if d.rule == "points"] == []
