"""studykit draft on tricky list shapes (issue 13: no draft's key is false to the article).

A made-up article holds a list whose members share an ending (四下基层), a first member after a
verb inside a word (落实走访慰问), members with inner 、 inside quotes, lists closed by 等, numbered
points with lists inside, and a list broken over a line.  Each test pins the exact drafted
question, or that none is drafted where a member's cut would be a guess."""

from __future__ import annotations

from studykit.draft.candidates import Draft, draft_questions
from studykit.draft.candidates.lists import find_lists
from studykit.draft.candidates.text import sentences
from studykit.draft.split import Part

SUFFIX = (
    "近年来，我们坚持宣传党的路线方针政策下基层、调查研究下基层、信访接待下基层、现场办公下基层，推动干部作风持续转变。"
)
QUOTED = "全县上下围绕“抓党建、促发展、保稳定”、“强基础、补短板”、“惠民生、暖民心”等目标，扎实开展各项工作。"
POINTS = (
    "我们重点抓好三件事：一是完善组织体系，健全村、组、户三级网络；二是加强队伍建设，选优配强党组织书记、"
    "村委会主任、妇联主席等骨干；三是强化制度保障，落实议事规则、财务公开、民主评议。"
)
CARE = (
    "一是抓好学习教育，组织党员学习党章党规、系列讲话、英雄模范事迹；二是抓好监督管理，推行积分管理、星级评定、"
    "亮诺践诺；三是抓好关心关爱，落实走访慰问、困难帮扶、健康体检等措施。"
)
BROKEN = "我们把服务群众、凝聚人心、促进和谐、维护稳定\n作为基层党组织的重要任务。"
TEXT = "\n\n".join(
    [
        "扎实推进基层治理现代化",
        SUFFIX,
        QUOTED,
        POINTS,
        "在产业发展方面，全县培育了茶叶、中药材、食用菌、乡村旅游等特色产业。",
        CARE,
        BROKEN,
    ]
)
PART = Part("part-1", "扎实推进基层治理现代化", TEXT, "", "")
WHERE = "见文章“扎实推进基层治理现代化”部分："  # a Part built without its article: a heading, no title


def _drafts() -> list[Draft]:
    return draft_questions([PART])


def test_a_list_whose_members_share_an_ending_gets_no_guessed_first_member() -> None:
    """宣传党的路线方针政策下基层、调查研究下基层…: where the first member starts is not shown (a cut
    at 方针政策下基层 was drafted as a key), so no multiple choice is made of the list; only the
    fill-in of its exact second member."""
    drafts = _drafts()
    assert [d for d in drafts if d.source == SUFFIX] == [
        Draft(
            "part-1", "fill_blank",
            "文章指出，近年来，我们坚持宣传党的路线方针政策下基层、____、信访接待下基层、现场办公下基层，推动干部作风持续转变。",
            ("调查研究下基层",), WHERE + "“" + SUFFIX + "”", SUFFIX, "lists", tags=("列举",), fact="part-1/list-0-fill",
        )
    ]  # fmt: skip
    assert not any("方针政策下基层" in o and "宣传" not in o for d in drafts for o in d.options)


def test_a_verb_inside_a_word_does_not_cut_a_first_member() -> None:
    """落实走访慰问: 走 is a marker only at a word boundary; the option was 访慰问 and the stem 落实走（ ）."""
    drafts = _drafts()
    assert ("走访慰问", "困难帮扶", "健康体检") in [li.members for li in find_lists(sentences(PART))]
    assert not any(d.type == "multiple" and "落实（ ）等措施" in d.stem for d in drafts)  # 等: an open list
    assert not any("访慰问" in o and "走访慰问" not in o for d in drafts for o in d.options)


def test_every_multiple_key_is_a_member_the_text_lists_in_that_place() -> None:
    """Each key of each multiple choice, put in the stem's （ ）, is in its source sentence."""
    for d in _drafts():
        if d.type != "multiple" or "（ ）" not in d.stem:
            continue
        for k in d.answer:
            option = d.options["ABCDE".index(k)]
            assert option in d.source, (d.stem, option)


def test_drafts_of_one_sentence_share_one_fact() -> None:
    """The points' single choices, their true/false, the lists' multiples and fill-ins all come from
    POINTS: one fact, so a paper holds one of them.  (The count 三级 is not asked since round 7:
    ``健全村、组、户（ ）网络`` shows the three it counts.)"""
    of_points = [d for d in _drafts() if d.source == POINTS]
    assert sorted(d.type for d in of_points) == [
        "fill_blank", "fill_blank", "multiple", "single", "single", "single",
        "true_false", "true_false",
    ]  # fmt: skip
    assert {d.fact for d in of_points} == {"part-1/list-1-fill"}  # 骨干 list is open (等): its fill-in first
    facts = {d.fact for d in _drafts()}
    assert len(facts) == len({d.source for d in _drafts()})


def test_a_list_broken_over_a_line_is_not_drafted() -> None:
    """服务群众、凝聚人心、促进和谐、维护稳定⏎作为…: the line break splits the sentence; nothing is drafted."""
    assert not any("维护稳定" in d.source for d in _drafts())


MEETINGS = "各地普遍建立了“两委”班子联席会议、党员大会、村民代表会议等议事机制，推动人财物、责权利向基层倾斜。"
BUILDING = "要统筹推进城市基层党建、农村基层党建、机关党建、国有企业党建和非公有制经济组织党建。"
SECOND = Part("part-1", "坚持不懈加强党的建设", "坚持不懈加强党的建设\n\n" + MEETINGS + "\n\n" + BUILDING, "", "")


def test_deng_closes_a_last_member_longer_than_the_others() -> None:
    """村民代表会议等: the one middle member 党员大会 is no shared ending (it cut 村民代表会 at its 会)."""
    assert ("联席会议", "党员大会", "村民代表会议") in [li.members for li in find_lists(sentences(SECOND))]
    fill = next(d for d in draft_questions([SECOND]) if d.source == MEETINGS and d.rule == "lists")
    assert (
        fill.stem
        == "文章指出，各地普遍建立了“两委”班子联席会议、____、村民代表会议等议事机制，推动人财物、责权利向基层倾斜。"
    )


def test_members_sharing_an_ending_give_no_guessed_last_member() -> None:
    """…国有企业党建和非公有制经济组织党建: the last member ends at the shared 党建 or is unclear
    (a word-boundary guess keyed 非公有制经济 in 统筹推进（ ）组织党建); only the fill-in is drafted."""
    drafts = [d for d in draft_questions([SECOND]) if d.source == BUILDING]
    assert [(d.type, d.stem, d.answer) for d in drafts] == [
        ("fill_blank", "文章指出，要统筹推进城市基层党建、____、机关党建、国有企业党建和非公有制经济组织党建。", ("农村基层党建",))
    ]  # fmt: skip
