"""studykit draft on the numbered points of speeches and 党课 texts: 第一，…第二，…, 其一，其二，
一要…二要… (一靠, 一抓), 首先…其次…最后, and such points written as heading lines.

Each test pins the exact drafted stems, keys and sources, or that nothing is drafted where the
text shows no list (a 首先 with no 其次, 第一书记, 再次强调).  The two speeches under
tests/data/draft_points/ (a 党课讲稿 and a 讲话稿) are drafted end to end through the CLI."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from skpaths import DATA
from studykit.bank import load_bank
from studykit.cli import main
from studykit.draft.candidates import Draft, draft_questions
from studykit.draft.candidates.lists import find_lists
from studykit.draft.candidates.points import draft_points, runs
from studykit.draft.candidates.text import sentences, tidy
from studykit.draft.split import Part, split_article

POINTS = DATA / "draft_points"
WHERE = "见李明的发言《压实责任抓落实》："


def _part(body: str) -> Part:
    return Part("li-ming", "压实责任抓落实", "压实责任抓落实\n\n李明 县委副书记\n\n" + body, "李明", "县委副书记")


def _points(body: str) -> list[Draft]:
    return draft_points(sentences(_part(body)), itertools.count())


def _asked(drafts: list[Draft]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...], str]]:
    return [(d.type, d.stem, d.options, d.answer, d.source) for d in drafts]


def test_di_yi_di_er_points_give_order_questions() -> None:
    """第一，…。第二，…。第三，…。 → a single choice per point (options: the points, key: its
    own), each sourced by its sentence, and a true and a false statement of the second point."""
    drafts = _points("下面，我讲三点意见。第一，提高思想认识。第二，突出工作重点。第三，加强组织领导。")
    said = "李明在谈到“我讲三点意见”时，列举的"
    options = ("提高思想认识", "突出工作重点", "加强组织领导")
    assert _asked(drafts) == [
        ("single", said + "第一点是（ ）", options, ("A",), "第一，提高思想认识。"),
        ("single", said + "第二点是（ ）", options, ("B",), "第二，突出工作重点。"),
        ("single", said + "第三点是（ ）", options, ("C",), "第三，加强组织领导。"),
        ("true_false", said + "第二点是“突出工作重点”。", (), ("true",), "第二，突出工作重点。"),
        ("true_false", said + "第一点是“突出工作重点”。", (), ("false",), "第一，提高思想认识。"),
    ]
    assert drafts[0].explanation == WHERE + "“第一，提高思想认识。”"
    assert drafts[4].explanation == (
        "错误。“突出工作重点”是第二点，第一点是“提高思想认识”。" + WHERE + "“第一，提高思想认识。”"
    )
    assert {d.fact for d in drafts} == {"li-ming/points-0", "li-ming/points-0-tf"}


def test_di_yi_shi_and_qi_yi_are_numbered_points() -> None:
    """第一是… and 其一，… in one sentence are points too; the stem asks for the 第N点 the text prints."""
    drafts = _points("要把握好三个关系：其一，党建与业务的关系；其二，继承与创新的关系；其三，点与面的关系。")
    source = "要把握好三个关系：其一，党建与业务的关系；其二，继承与创新的关系；其三，点与面的关系。"
    assert _asked(drafts)[1] == (
        "single", "李明在谈到“要把握好三个关系”时，列举的第二点是（ ）",
        ("党建与业务的关系", "继承与创新的关系", "点与面的关系"), ("B",), source,
    )  # fmt: skip
    shi = _points("做好下半年工作，要把握好以下几点。第一是突出政治功能。第二是建强组织体系。第三是抓实队伍建设。")
    assert [(d.stem, d.options, d.answer) for d in shi if d.type == "single"][2] == (
        "李明在谈到“要把握好以下几点”时，列举的第三点是（ ）",
        ("突出政治功能", "建强组织体系", "抓实队伍建设"),
        ("C",),
    )


def test_yi_kao_er_kao_mirrors_the_text_after_its_topic() -> None:
    """加强党员队伍建设，一靠教育，二靠制度，三靠监督。 → ``二靠（ ）`` after the topic clause; the
    false statement swaps the first two points."""
    drafts = _points("加强党员队伍建设，一靠教育，二靠制度，三靠监督。")
    source = "加强党员队伍建设，一靠教育，二靠制度，三靠监督。"
    said = "李明在谈到“加强党员队伍建设”时指出，"
    assert _asked(drafts) == [
        ("single", said + "一靠（ ）", ("教育", "制度", "监督"), ("A",), source),
        ("single", said + "二靠（ ）", ("教育", "制度", "监督"), ("B",), source),
        ("single", said + "三靠（ ）", ("教育", "制度", "监督"), ("C",), source),
        ("true_false", said + "二靠制度。", (), ("true",), source),
        ("true_false", said + "一靠制度。", (), ("false",), source),
    ]
    assert drafts[4].explanation == "错误。“制度”由“二靠”引出，“一靠”引出的是“教育”。" + WHERE + "“" + source + "”"


def test_a_topic_leading_in_with_shi_is_quoted_without_it() -> None:
    """我们的主要做法是：一抓班子… → the stem quotes “我们的主要做法”, not “我们的主要做法是”."""
    drafts = _points("我们的主要做法是：一抓班子，二抓队伍，三抓阵地。")
    assert drafts[1].stem == "李明在谈到“我们的主要做法”时指出，二抓（ ）"
    assert drafts[1].source == "我们的主要做法是：一抓班子，二抓队伍，三抓阵地。"


def test_yi_yao_and_yi_zhua_without_a_topic_name_their_marker() -> None:
    """一要… drops its 要 from the options; a run with no topic clause asks for the point 以“二抓”引出."""
    yao = _points("我们支部今年要重点抓好几件事，一要抓好学习教育，二要抓好作风建设，三要抓好制度落实。")
    assert [(d.stem, d.options) for d in yao][1] == (
        "李明在谈到“我们支部今年要重点抓好几件事”时指出，二要（ ）",
        ("抓好学习教育", "抓好作风建设", "抓好制度落实"),
    )
    zhua = _points("关键在于落实。一抓班子，二抓队伍，三抓阵地，四抓制度，一环扣一环地推进。")
    assert [(d.stem, d.answer) for d in zhua] == [
        ("李明列举的几点中，以“一抓”引出的一点是（ ）", ("A",)),
        ("李明列举的几点中，以“二抓”引出的一点是（ ）", ("B",)),
        ("李明列举的几点中，以“三抓”引出的一点是（ ）", ("C",)),
        ("李明列举的几点中，以“四抓”引出的一点是（ ）", ("D",)),
        ("李明列举的几点中，以“二抓”引出的一点是“队伍”。", ("true",)),
        ("李明列举的几点中，以“一抓”引出的一点是“队伍”。", ("false",)),
    ]


def test_shou_xian_qi_ci_zui_hou_name_the_word_not_a_number() -> None:
    """首先…其次…最后 in paragraphs of their own → ``以“其次”引出的一点是（ ）``: the stem uses the
    text's word, never a 第N the text does not print."""
    drafts = _points("我再强调几点要求。\n\n首先，要压实责任。\n\n其次，要强化督导。\n\n最后，要严格考核。")
    said = "李明在谈到“我再强调几点要求”时，"
    options = ("要压实责任", "要强化督导", "要严格考核")
    assert _asked(drafts) == [
        ("single", said + "以“首先”引出的一点是（ ）", options, ("A",), "首先，要压实责任。"),
        ("single", said + "以“其次”引出的一点是（ ）", options, ("B",), "其次，要强化督导。"),
        ("single", said + "以“最后”引出的一点是（ ）", options, ("C",), "最后，要严格考核。"),
        ("true_false", said + "以“其次”引出的一点是“要强化督导”。", (), ("true",), "其次，要强化督导。"),
        ("true_false", said + "以“首先”引出的一点是“要强化督导”。", (), ("false",), "首先，要压实责任。"),
    ]
    assert not any(re.search("第[一二三四]点", d.stem) for d in drafts)


def test_zui_hou_closes_a_di_yi_or_qi_yi_run_as_its_last_point() -> None:
    """第一…第二…最后 and 其一…其三…最后: 最后 is the run's 最后一点 (never given a number), even after
    a lone 首先 that thanked the audience."""
    di = _points("首先，感谢大家。我提三点要求。第一，要压实责任。第二，要强化督导。最后，要严格考核。")
    assert [(d.stem, d.answer, d.source) for d in di if d.type == "single"] == [
        ("李明在谈到“我提三点要求”时，列举的第一点是（ ）", ("A",), "第一，要压实责任。"),
        ("李明在谈到“我提三点要求”时，列举的第二点是（ ）", ("B",), "第二，要强化督导。"),
        ("李明在谈到“我提三点要求”时，列举的最后一点是（ ）", ("C",), "最后，要严格考核。"),
    ]
    qi = _points("我提几点要求。其一，要压实责任。其二，要强化督导。其三，要加强宣传。最后，要严格考核。")
    assert [d.stem.removeprefix("李明在谈到“我提几点要求”时，列举的") for d in qi if d.type == "single"] == [
        "第一点是（ ）", "第二点是（ ）", "第三点是（ ）", "最后一点是（ ）",
    ]  # fmt: skip
    assert qi[3].options == ("要压实责任", "要强化督导", "要加强宣传", "要严格考核")


def test_a_run_closed_by_deng_stays_open_and_its_option_drops_the_deng() -> None:
    """三要抓好制度落实等等: the option is the point (抓好制度落实), no item claims the run is complete
    (only which point comes where is asked); 平等 is a word, not the 等 closing a list."""
    drafts = _points(
        "我们要重点抓好几件事，一要抓好学习，二要抓好作风，三要抓好制度落实等等。首先，要压实责任。其次，要促进平等。"
    )
    assert [(d.stem, d.options) for d in drafts] == [
        ("李明在谈到“我们要重点抓好几件事”时指出，一要（ ）", ("抓好学习", "抓好作风", "抓好制度落实")),
        ("李明在谈到“我们要重点抓好几件事”时指出，二要（ ）", ("抓好学习", "抓好作风", "抓好制度落实")),
        ("李明在谈到“我们要重点抓好几件事”时指出，三要（ ）", ("抓好学习", "抓好作风", "抓好制度落实")),
        ("李明在谈到“我们要重点抓好几件事”时指出，二要抓好作风。", ()),
        ("李明在谈到“我们要重点抓好几件事”时指出，一要抓好作风。", ()),
        ("李明列举的几点中，以“其次”引出的一点是“要促进平等”。", ()),
        ("李明列举的几点中，以“首先”引出的一点是“要促进平等”。", ()),
    ]
    assert not any(w in d.stem for d in drafts for w in ("全部", "都是", "只有", "以下"))


def test_a_shou_xian_without_qi_ci_is_no_list() -> None:
    """首先 thanking the audience and a closing 最后 with no 其次 between them draft nothing."""
    assert _points("首先，我代表县委向大家表示感谢。今年的任务很重。最后，祝大家工作顺利、身体健康！") == []
    assert _points("首先，要压实责任。再次，要强化督导。最后，要严格考核。") == []


def test_a_far_or_sectioned_zui_hou_does_not_join_the_run() -> None:
    """A 最后 more than ten sentences on, or after a heading line, closes the speech, not the run:
    the run keeps its two points (a true and a false statement only)."""
    far = _points(
        "我讲几点意见。首先，要压实责任。其次，要强化督导。" + "这项工作很重要。" * 11 + "最后，祝大家身体健康。"
    )
    assert [(d.stem, d.answer) for d in far] == [
        ("李明在谈到“我讲几点意见”时，以“其次”引出的一点是“要强化督导”。", ("true",)),
        ("李明在谈到“我讲几点意见”时，以“首先”引出的一点是“要强化督导”。", ("false",)),
    ]
    part = _part("我讲几点意见。\n\n首先，要压实责任。\n\n其次，要强化督导。\n\n三、几点希望\n\n最后，祝大家身体健康。")
    assert [[p.marker for p in run] for run in runs(sentences(part))] == [["首先", "其次"]]


def test_words_that_only_look_like_markers_are_no_points() -> None:
    """第一书记, 第一、二批, 再次强调 and 一抓到底 start no point; a broken sequence 第一 … 第三 is no list."""
    assert _points("选派第一书记48名。第一、二批主题教育已经结束。第二，要强化督导。") == []
    assert _points("我再次强调，抓党建要一抓到底。再次强调，二抓不能放松。") == []
    assert [d.answer for d in _points("首先，要压实责任。其次，要强化督导。最后一公里问题得到解决。")] == [
        ("true",),
        ("false",),
    ]  # 最后一公里 is no third point
    assert _points("第一，要压实责任。第三，要强化督导。第四，要严格考核。") == []


def test_a_news_storys_sequence_words_are_no_points() -> None:
    """In a news story, 他首先走访了 (no mark after 首先), a 首先 inside a quotation followed by a
    其次 outside it, and 第一次…第二次 are no list; 一靠…二靠 after 李明表示 is said by him, not a topic."""
    story = (
        "到村第一天，他首先走访了村里的困难户。“群众不认识我，首先要做的就是交朋友。”王强说。"
        "其次，他发现村里的道路是群众最关心的问题。最后，村里还建起了党群服务中心。"
        "第一次开村民大会时，只来了二十多人。第二次，来了一百多人。"
        "村党支部书记李明表示，一靠党建引领，二靠产业带动，村里的日子越过越红火。"
    )
    assert [(d.stem, d.answer) for d in _points(story)] == [
        ("李明指出，村党支部书记李明表示，二靠产业带动。", ("true",)),
        ("李明指出，村党支部书记李明表示，一靠产业带动。", ("false",)),
    ]
    quoted = _points("他说：“首先，要压实责任。其次，要强化督导。最后，要严格考核。”")
    assert [(d.type, d.options, d.answer) for d in quoted][:3] == [
        ("single", ("要压实责任", "要强化督导", "要严格考核"), (letter,)) for letter in "ABC"
    ]  # all three inside one quotation: one run


def test_nested_points_and_a_long_first_clause() -> None:
    """一是…二是… inside 第一 … 第二 are a run of their own; a point whose first clause is longer than
    30 characters keeps the numbering but is neither asked nor an option."""
    nested = runs(sentences(_part(
        "下面讲两点。第一，抓好组织建设。这方面，一是健全组织体系，二是选好带头人。第二，抓好作风建设。"
    )))  # fmt: skip
    assert [[(p.marker, p.text) for p in run] for run in nested] == [
        [("第一", "抓好组织建设"), ("第二", "抓好作风建设")],
        [("一是", "健全组织体系"), ("二是", "选好带头人")],
    ]
    inner = _points("下面讲两点。第一，抓好组织建设。这方面，一是健全组织体系，二是选好带头人。第二，抓好作风建设。")
    assert [d.stem for d in inner] == [  # the inner run is named by the point it lies in
        "李明在谈到“下面讲两点”时，列举的第二点是“抓好作风建设”。",
        "李明在谈到“下面讲两点”时，列举的第一点是“抓好作风建设”。",
        "李明在谈到“抓好组织建设”时，列举的第二点是“选好带头人”。",
        "李明在谈到“抓好组织建设”时，列举的第一点是“选好带头人”。",
    ]
    long = _points(
        "我提四点要求。第一，要把学习贯彻党的二十大精神作为当前和今后一个时期的首要政治任务抓紧抓好。"
        "第二，要强化督导。第三，要严格考核。第四，要加强宣传。"
    )
    assert [(d.stem, d.options, d.answer) for d in long] == [
        ("李明在谈到“我提四点要求”时，列举的第二点是（ ）", ("要强化督导", "要严格考核", "要加强宣传"), ("A",)),
        ("李明在谈到“我提四点要求”时，列举的第三点是（ ）", ("要强化督导", "要严格考核", "要加强宣传"), ("B",)),
        ("李明在谈到“我提四点要求”时，列举的第四点是（ ）", ("要强化督导", "要严格考核", "要加强宣传"), ("C",)),
    ]


HEADING_POINTS = (
    "在全镇党员冬训动员会上的讲话\n\n同志们：\n\n今年冬训的主题是学习贯彻党的二十大精神。下面，我讲三点意见。\n\n"
    "第一，提高思想认识\n\n冬训是加强党员教育管理的重要载体。\n\n"
    "第二，突出冬训重点\n\n要组织党员读原著、学原文、悟原理。\n\n"
    "第三，加强组织领导\n\n各村党组织书记要亲自抓、负总责。\n"
)


def test_points_written_as_heading_lines_are_sourced_by_their_line() -> None:
    """第一，提高思想认识 on a line of its own (each a part of the split): a point per part, its source
    the heading line, the context the sentence before the first (下面，我讲三点意见。)."""
    split = split_article(HEADING_POINTS)
    drafts = [d for d in draft_questions(split.parts) if d.rule == "points"]
    said = "《在全镇党员冬训动员会上的讲话》在谈到“我讲三点意见”时，列举的"  # the article named
    options = ("提高思想认识", "突出冬训重点", "加强组织领导")
    assert [(d.speech, d.type, d.stem, d.options, d.answer, d.source) for d in drafts] == [
        ("part-1", "single", said + "第一点是（ ）", options, ("A",), "第一，提高思想认识"),
        ("part-1", "true_false", said + "第一点是“突出冬训重点”。", (), ("false",), "第一，提高思想认识"),
        ("part-2", "single", said + "第二点是（ ）", options, ("B",), "第二，突出冬训重点"),
        ("part-2", "true_false", said + "第二点是“突出冬训重点”。", (), ("true",), "第二，突出冬训重点"),
        ("part-3", "single", said + "第三点是（ ）", options, ("C",), "第三，加强组织领导"),
    ]
    statements = [d.stem for d in draft_questions(split.parts) if d.rule == "statements" and d.type == "true_false"]
    assert statements == [said + "第三点是加强组织领导。", said + "第三点是提高思想认识。"]


def test_shou_xian_heading_lines_close_with_zui_hou() -> None:
    """首先，… / 其次，… / 最后，… as heading lines: three points, the last 以“最后”引出."""
    TITLED = "《在全镇党员冬训动员会上的讲话》在谈到“我讲三点意见”时，"
    text = HEADING_POINTS.replace("第一，", "首先，").replace("第二，", "其次，").replace("第三，", "最后，")
    drafts = [d for d in draft_questions(split_article(text).parts) if d.rule == "points" and d.type == "single"]
    assert [(d.speech, d.stem, d.answer, d.source) for d in drafts] == [
        ("part-1", TITLED + "以“首先”引出的一点是（ ）", ("A",), "首先，提高思想认识"),
        ("part-2", TITLED + "以“其次”引出的一点是（ ）", ("B",), "其次，突出冬训重点"),
        ("part-3", TITLED + "以“最后”引出的一点是（ ）", ("C",), "最后，加强组织领导"),
    ]


def test_heading_lines_inside_one_speech_are_points_of_that_speech() -> None:
    """首先，压实工作责任 … as heading lines inside one speaker's part: the speech's own items, named
    by the speaker, the byline line no point."""
    part = _part(
        "我再强调几点要求。\n\n首先，压实工作责任\n\n各乡镇党委书记要认真履行第一责任人职责。\n\n"
        "其次，强化督促检查\n\n县委组织部要牵头组建督导组。\n\n最后，严格考核问效\n\n要把考核结果作为评价使用干部的重要依据。\n"
    )
    drafts = [d for d in draft_questions([part]) if d.rule == "points"]
    assert [(d.type, d.stem, d.answer, d.source) for d in drafts] == [
        ("single", "李明在谈到“我再强调几点要求”时，以“首先”引出的一点是（ ）", ("A",), "首先，压实工作责任"),
        ("single", "李明在谈到“我再强调几点要求”时，以“其次”引出的一点是（ ）", ("B",), "其次，强化督促检查"),
        ("single", "李明在谈到“我再强调几点要求”时，以“最后”引出的一点是（ ）", ("C",), "最后，严格考核问效"),
        (
            "true_false",
            "李明在谈到“我再强调几点要求”时，以“其次”引出的一点是“强化督促检查”。",
            ("true",),
            "其次，强化督促检查",
        ),
        (
            "true_false",
            "李明在谈到“我再强调几点要求”时，以“首先”引出的一点是“强化督促检查”。",
            ("false",),
            "首先，压实工作责任",
        ),
    ]
    assert {d.options for d in drafts if d.type == "single"} == {("压实工作责任", "强化督促检查", "严格考核问效")}


def test_what_other_rules_make_of_point_sentences() -> None:
    """第一是突出政治功能 is no judgement (第一 is no subject); a stem starts after a point's marker
    (第一，发展茶叶种植…) and a stem cut after a lone marker (…；其三) ends before it; a 、 piece holding
    等 closes its list; 在 starting every member stays in the first."""
    drafts = draft_questions([_part("第一是突出政治功能。第二是建强组织体系。")])
    assert [d.rule for d in drafts] == ["points", "points"]
    tea = draft_questions([_part("第一，发展茶叶种植，全乡茶园面积达到2万亩。")])
    assert [(d.stem, d.options, d.answer) for d in tea] == [
        ("李明指出，发展茶叶种植，全乡茶园面积达到（ ）亩", ("2万", "1万", "3万", "4万"), ("A",)),
        ("李明指出，发展茶叶种植，全乡茶园面积达到2万亩。", (), ("true",)),
    ]
    assert tidy("其次，要强化督导") == "要强化督导"
    assert (
        tidy("做学懂弄通的表率；其二，带头担当，做攻坚克难的表率；其三，")
        == "做学懂弄通的表率；其二，带头担当，做攻坚克难的表率"
    )
    jobs = find_lists(sentences(_part("要聚焦群众急难愁盼问题，在就业、教育、医疗、养老等方面多办实事、多解难题。")))
    assert [(li.members, li.open) for li in jobs] == [(("就业", "教育", "医疗", "养老"), True)]
    party = find_lists(sentences(_part("党员干部要严守政治纪律和政治规矩，做到在党言党、在党忧党、在党为党。")))
    assert [li.members for li in party] == [("在党言党", "在党忧党", "在党为党")]


def _bank_questions(path: Path) -> list[dict[str, Any]]:
    questions: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return questions


def test_cli_drafts_the_two_speeches_points_from_their_own_words(tmp_path: Path) -> None:
    """studykit draft on a 讲话稿 and a 党课讲稿 (2,000+ characters each): the exact report, a bank
    that checks, and every point item's key (and every option) a point printed in its source.  The
    intros' 下面，我讲三点意见 and …我谈（ ）认识 items are gone: the speaker announcing the text is no fact.
    A list closed by 等 gives no multiple (李明's 就业…养老等方面, the 党课's …等问题 and …等优秀共产党员)."""
    expected = {
        "jianghua": (
            # one speech under one byline (县委副书记　李明), its 一、二、三、 sections inside it
            "{out}: 1 part (layout: heading, name and post), 68 drafts to review\n"
            "  li-ming: 李明 在全县基层党建工作推进会上的讲话 — 68\n",
            27,
        ),
        "dangke": (
            "{out}: 4 parts (layout: subheadings), 83 drafts to review\n"
            "  intro: 坚定理想信念　锤炼过硬党性 — 2\n"
            "  part-1: 一、深刻认识坚定理想信念的重大意义 — 26\n"
            "  part-2: 二、准确把握锤炼党性的主要途径 — 19\n"
            "  part-3: 三、切实把理想信念转化为实际行动 — 36\n",
            27,
        ),
    }
    for name, (report, count) in expected.items():
        article = POINTS / f"{name}.txt"
        assert 2000 <= len(article.read_text(encoding="utf-8")) <= 4000
        out = tmp_path / name
        result = CliRunner().invoke(main, ["draft", str(article), "-o", str(out)])
        assert result.exit_code == 0, result.output
        bank = out / "question_bank.yaml"
        then = (
            f"next: review {bank} (delete the 'draft: true' line of each question you accept, edit or delete"
            f" the rest), then run: studykit check --bank {bank}\n"
        )
        assert result.output == report.format(out=bank) + then
        load_bank(out / "question_bank.yaml", cache=False)
        points = [q for q in _bank_questions(out / "question_bank.yaml") if q.get("tags") == ["要点"]]
        assert len(points) == count
        said: dict[object, str] = {}
        for q in points:
            said[q["fact"]] = said.get(q["fact"], "") + str(q["source"])
        for q in points:
            if q["type"] == "single":
                options = [str(o) for o in q["options"]]
                assert options[ord(str(q["answer"])) - ord("A")] in str(q["source"]), q["id"]
                assert all(o in said[q["fact"]] for o in options), q["id"]
            elif q["answer"] is True:
                point = str(q["stem"]).rstrip("。”").rsplit("“", 1)[-1].split("，")[-1]
                assert point[-4:] in str(q["source"]), q["id"]
