"""List members of round 7's new articles (tests/data/fresh_article/): a verb governing the whole list
stays in the stem, not in the first member; a last member keeps the noun its 的 leads to."""

from __future__ import annotations

from pathlib import Path

from studykit.draft.candidates import draft_questions
from studykit.draft.candidates.lists import find_lists
from studykit.draft.candidates.model import Draft
from studykit.draft.candidates.text import sentences
from studykit.draft.reading import read_article
from studykit.draft.split import Part, split_article

FRESH = Path(__file__).parent / "data" / "fresh_article"
DANGKE = "《赓续红色血脉　争做新时代合格党员》"
TONGXUN = "《“小院议事”议出乡村好光景》"


def _parts(name: str) -> list[Part]:
    return list(split_article(read_article(FRESH / name).text).parts)


def _members(name: str) -> dict[str, tuple[str, ...]]:
    """Each list of the article by its second member: its members."""
    found = [s for p in _parts(name) for s in sentences(p)]
    return {li.members[1]: li.members for li in find_lists(found)}


def _multiple(name: str, words: str) -> Draft:
    (item,) = [d for d in draft_questions(_parts(name)) if d.type == "multiple" and words in d.stem]
    return item


def _keys(item: Draft) -> list[str]:
    return sorted(item.options["ABCDE".index(k)] for k in item.answer)


def test_a_verb_governing_the_whole_list_is_no_part_of_its_first_member() -> None:
    """解决道路硬化、自来水入户、垃圾清运 and 分管过民政、社会保障、信访: 解决 and 分管过 govern the list (the other
    members open with no verb), so the first members are 道路硬化 and 民政."""
    assert _members("tongxun.txt")["自来水入户"] == ("道路硬化", "自来水入户", "垃圾清运")
    assert _members("tihui.txt")["社会保障"] == ("民政", "社会保障", "信访")


def test_zuodao_stays_in_the_stem_before_the_blank() -> None:
    """就是要做到政治合格、执行纪律合格、…: the option was 做到政治合格 beside 品德合格; 做到 is the stem's."""
    item = _multiple("dangke.txt", "新时代合格党员，就是要")
    assert item.stem == f"{DANGKE}一文写道：“我理解，新时代合格党员，就是要做到（ ）”"
    assert item.options == ("执行纪律合格", "品德合格", "长征精神", "延安精神", "政治合格")
    assert _keys(item) == ["品德合格", "执行纪律合格", "政治合格"]


def test_a_preposition_every_member_has_in_its_shape_stays_with_the_first() -> None:
    """对党忠诚、听党指挥、为党尽责: every member is X党Y, so 对 is the first member's (the option read 党忠诚
    under the stem 做到对（ ））."""
    item = _multiple("dangke.txt", "更加坚定地做到")
    assert item.stem == (f"{DANGKE}一文指出，作为机关党员，我们要从党的历史中汲取智慧和力量，更加坚定地做到（ ）")
    assert item.options == ("为党尽责", "政治合格", "品德合格", "对党忠诚", "听党指挥")
    assert _keys(item) == ["为党尽责", "听党指挥", "对党忠诚"]


def test_a_last_member_keeps_the_noun_its_de_leads_to() -> None:
    """村民代表和利益相关的群众参加: the members are people (代表, 成员), so 的 is inside the last one; it was
    利益相关 with the stem （ ）的群众参加."""
    assert _members("tongxun.txt")["党员代表"] == ("村“两委”成员", "党员代表", "村民代表", "利益相关的群众")
    item = _multiple("tongxun.txt", "由村党支部书记主持")
    assert item.stem == f"{TONGXUN}一文指出，议事时，由村党支部书记主持，（ ）参加，议事结果当场公示"
    assert item.options == ("党员代表", "村民代表", "村集体资产处置", "自来水入户", "村“两委”成员")
    assert _keys(item) == ["党员代表", "村“两委”成员", "村民代表"]


def test_tasks_each_led_by_a_verb_keep_their_verbs() -> None:
    """盘活闲置农房、发展乡村旅游、引进社会资本 and 学习不深入、标准不高、作风不实: no verb governs these lists."""
    assert _members("tihui.txt")["发展乡村旅游"] == ("盘活闲置农房", "发展乡村旅游", "引进社会资本")
    assert _members("tihui.txt")["打满补丁的军被"] == ("磨破的草鞋", "打满补丁的军被", "手写的支前名册")


def test_a_stem_starts_from_the_speaker_its_sentence_names() -> None:
    """《…》一文指出，赵德明说，… stacked two reporting verbs: a sentence naming who says it starts the stem
    (the 出处 names the article); 会议强调 and a speech's own lead (张丽萍指出，讲解员说，) stay as they were."""
    drafts = draft_questions(_parts("tongxun.txt"))
    stems = [d.stem for d in drafts if "赵德明说" in d.stem or "吴春梅表示" in d.stem]
    assert stems[:2] == [
        "赵德明说，入党（ ）了，能为乡亲们做点事，心里踏实",
        "赵德明说，入党49年了，能为乡亲们做点事，心里踏实。",
    ]
    assert "吴春梅表示，下一步，镇里将继续完善议事、____、评事各环节，推动基层治理从“村里管”向“大家议”转变。" in stems
    assert not any("一文指出，赵德明" in d.stem or "一文指出，吴春梅" in d.stem for d in drafts)
    speech = [d.stem for d in draft_questions(_parts("tihui.txt")) if "讲解员说" in d.stem]
    assert speech == [
        "张丽萍指出，讲解员说，当年红岭村几乎家家户户都参加了支前，全村先后有（ ）参军参战",
        "张丽萍指出，讲解员说，当年红岭村几乎家家户户都参加了支前，全村先后有42人参军参战。",
    ]


def test_an_open_list_gives_only_its_fill_in() -> None:
    """解决道路硬化、自来水入户、垃圾清运等民生问题: 等 leaves members out, so the distractor 环境整治 may be one
    of them and a multiple's key would depend on the list being closed; only the fill-in is drafted."""
    drafts = [d for d in draft_questions(_parts("tongxun.txt")) if "民生问题" in d.stem and d.rule == "lists"]
    assert [(d.type, d.stem, d.answer) for d in drafts] == [
        (
            "fill_blank",
            f"{TONGXUN}一文指出，解决道路硬化、____、垃圾清运等民生问题142件，群众满意度从2020年的81.5%提高到98.6%。",
            ("自来水入户",),
        )
    ]


def test_deng_with_the_members_count_closes_the_list() -> None:
    """…数据分析、数据应用等四个部分 counts its four members: closed, so it keeps its multiple; 等 alone is open."""
    text = "大数据\n\n社区大数据平台主要组成模块分为数据收集、数据储存、数据分析、数据应用等四个部分。"
    (closed,) = find_lists(sentences(Part("part-1", "大数据", text)))
    assert (closed.members, closed.open) == (("数据收集", "数据储存", "数据分析", "数据应用"), False)
    (three,) = find_lists(sentences(Part("part-1", "大数据", text.replace("、数据应用", ""))))
    assert (three.members, three.open) == (("数据收集", "数据储存", "数据分析"), True)  # 等四个 counts more
    (plain,) = find_lists(sentences(Part("part-1", "大数据", text.replace("等四个部分", "等部分"))))
    assert plain.open


def test_a_modal_before_the_list_is_no_part_of_its_first_member() -> None:
    """通过省域改革试点,可积累改革经验、防范改革风险、降低改革成本 (the seed's 戴小明): 可 governs all three
    (the option read 可积累改革经验 beside 防范改革风险)."""
    text = "省域治理\n\n通过省域改革试点,可积累改革经验、防范改革风险、降低改革成本,探索可复制、可推广的治理体制机制和样本。"
    (found,) = find_lists(sentences(Part("part-1", "省域治理", text)))
    assert found.members == ("积累改革经验", "防范改革风险", "降低改革成本")
