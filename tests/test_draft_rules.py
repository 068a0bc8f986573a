"""studykit draft's drafting rules: each rule on a made-up speech, with the exact question it drafts."""

from __future__ import annotations

import itertools

from studykit.draft.candidates import Draft, draft_questions
from studykit.draft.candidates.judgements import draft_judgements
from studykit.draft.candidates.lists import draft_lists, find_lists
from studykit.draft.candidates.numbers import draft_numbers
from studykit.draft.candidates.points import draft_points
from studykit.draft.candidates.quotes import draft_quotes
from studykit.draft.candidates.text import Sentence, sentences
from studykit.draft.split import Part

BODY = (
    "我们坚持“一村一品”，打造“金山银山”品牌。县委出台《乡村振兴十条》，用好“三张清单”。\n\n"
    "各村修订了《村规民约》，制定了《三年行动方案》。\n\n"
    "全县大力发展茶叶、柑橘、蔬菜等特色产业。全县培育了合作社、家庭农场和龙头企业。\n\n"
    "近年来主要做了三件事。一是修通道路，二是建好学校，三是办好医院。\n\n"
    "产业是发展的根基，人才是振兴的关键。\n\n"
    "11月5日，县里召开了推进会。\n"
)
PART = Part("zhang-san", "产业兴旺是重点", "产业兴旺是重点\n\n张三 青山县委书记\n\n" + BODY, "张三", "青山县委书记")
WHERE = "见张三的发言《产业兴旺是重点》："


def _sentences(part: Part = PART) -> list[Sentence]:
    return sentences(part)


def _by(drafts: list[Draft], kind: str, stem_start: str) -> Draft:
    return next(d for d in drafts if d.type == kind and d.stem.startswith(stem_start))


def test_sentences_are_whole_and_skip_heading_and_byline() -> None:
    """Sentences are the part's own, verbatim, without its heading and byline lines."""
    assert [s.text for s in _sentences()][:3] == [
        "我们坚持“一村一品”，打造“金山银山”品牌。",
        "县委出台《乡村振兴十条》，用好“三张清单”。",
        "各村修订了《村规民约》，制定了《三年行动方案》。",
    ]


def test_quoted_formulation_gives_fill_blank_and_single() -> None:
    """“…” → a fill-in of the quoted words, and a single choice among the article's other formulations."""
    drafts = draft_quotes(_sentences(), itertools.count())
    source = "我们坚持“一村一品”，打造“金山银山”品牌。"
    assert drafts[0] == Draft(
        "zhang-san", "fill_blank", "张三指出，我们坚持“____”，打造“金山银山”品牌。", ("一村一品",),
        WHERE + "“我们坚持‘一村一品’，打造‘金山银山’品牌。”", source, "quotes", tags=("引语",),
        fact="zhang-san/quotes-0-0",
    )  # fmt: skip
    single = _by(drafts, "single", "张三指出，县委出台《乡村振兴十条》")
    assert single == Draft(
        "zhang-san", "single", "张三指出，县委出台《乡村振兴十条》，用好（ ）", ("A",),
        WHERE + "“县委出台《乡村振兴十条》，用好‘三张清单’。”", "县委出台《乡村振兴十条》，用好“三张清单”。",
        "quotes", ("“三张清单”", "“一村一品”", "“金山银山”"), ("引语",), "zhang-san/quotes-1-0",
    )  # fmt: skip


def test_document_title_gives_single_among_the_articles_titles() -> None:
    """《…》 → a single choice whose distractors are the article's other titles (and a fill-in if short)."""
    drafts = draft_quotes(_sentences(), itertools.count())
    single = _by(drafts, "single", "张三指出，县委出台（ ）")
    assert (single.stem, single.options, single.answer) == (
        "张三指出，县委出台（ ），用好“三张清单”",
        ("《三年行动方案》", "《乡村振兴十条》", "《村规民约》"),
        ("B",),
    )
    fill = _by(drafts, "fill_blank", "张三指出，县委出台《____》")
    assert (fill.stem, fill.answer, fill.rule) == (
        "张三指出，县委出台《____》，用好“三张清单”。",
        ("乡村振兴十条",),
        "titles",
    )


def test_enumeration_gives_multiple_with_members_of_other_lists() -> None:
    """、 list → multiple: members correct, distractors from the other list; a fill-in of the second member.
    A list closed by 等 is open: only its fill-in (a distractor might be one of the members 等 leaves out)."""
    drafts = draft_lists(_sentences(), itertools.count())
    assert drafts[0] == Draft(
        "zhang-san", "fill_blank", "张三指出，全县大力发展茶叶、____、蔬菜等特色产业。", ("柑橘",),
        WHERE + "“全县大力发展茶叶、柑橘、蔬菜等特色产业。”", "全县大力发展茶叶、柑橘、蔬菜等特色产业。", "lists",
        tags=("列举",), fact="zhang-san/list-0-fill",
    )  # fmt: skip
    assert not [d for d in drafts if d.type == "multiple" and "特色产业" in d.stem]
    joined = _by(drafts, "multiple", "张三指出，全县培育了")
    assert (joined.stem, joined.options, joined.answer) == (
        "张三指出，全县培育了（ ）",
        ("茶叶", "合作社", "家庭农场", "龙头企业", "柑橘"),
        ("B", "C", "D"),
    )


def test_a_list_closed_by_deng_is_open_and_never_asked_which_is_not() -> None:
    """A list ending in 等 is marked open; no draft of any rule asks which is NOT a member."""
    lists = find_lists(_sentences())
    assert [(li.members, li.open) for li in lists] == [
        (("茶叶", "柑橘", "蔬菜"), True),
        (("合作社", "家庭农场", "龙头企业"), False),
    ]
    assert not any("不属于" in d.stem or "不是" in d.stem for d in draft_questions([PART]))


def test_unclear_list_ends_are_left_out() -> None:
    """A list whose first member cannot be cut cleanly from its clause gives no draft."""
    part = Part("p", "题", "题\n\n所有这些工作中最重要的事情就是、学习、落实。\n")
    assert find_lists(sentences(part)) == []


def test_numbered_points_give_order_questions() -> None:
    """一是…二是…三是… → a single choice per point (options: the points) and a true and a false order statement."""
    drafts = draft_points(_sentences(), itertools.count())
    source = "一是修通道路，二是建好学校，三是办好医院。"
    assert drafts[1] == Draft(
        "zhang-san", "single", "张三在谈到“近年来主要做了三件事”时，列举的第二点是（ ）", ("B",),
        WHERE + "“" + source + "”", source, "points", ("修通道路", "建好学校", "办好医院"), ("要点",),
        "zhang-san/points-0",
    )  # fmt: skip
    assert [(d.stem, d.answer) for d in drafts if d.type == "true_false"] == [
        ("张三在谈到“近年来主要做了三件事”时，列举的第二点是“建好学校”。", ("true",)),
        ("张三在谈到“近年来主要做了三件事”时，列举的第一点是“建好学校”。", ("false",)),
    ]


def test_judgement_gives_a_true_and_a_checked_false_statement() -> None:
    """X是Y → true as written; false with the sibling subject of the same passage, not said by the text."""
    drafts = draft_judgements(_sentences(), itertools.count())
    source = "产业是发展的根基，人才是振兴的关键。"
    assert drafts[:2] == [
        Draft("zhang-san", "true_false", "张三指出，产业是发展的根基。", ("true",),
              "正确。" + WHERE + "“" + source + "”", source, "judgements", tags=("观点",), fact="zhang-san/judgement-0"),
        Draft("zhang-san", "true_false", "张三指出，人才是发展的根基。", ("false",),
              "错误。张三指出，产业是发展的根基。" + WHERE + "“" + source + "”", source, "judgements", tags=("观点",),
              fact="zhang-san/judgement-0"),
    ]  # fmt: skip
    flat = "".join(PART.text.split())
    for d in drafts:
        assert (d.stem.removeprefix("张三指出，").removesuffix("。") in flat) == (d.answer == ("true",))


def test_a_false_variant_is_never_what_the_text_says() -> None:
    """Where every sibling would make a statement the text makes, no false variant is drafted."""
    part = Part("p", "题", "题\n\n甲方是乙方的伙伴，丙方是乙方的伙伴。\n")
    drafts = draft_judgements(sentences(part), itertools.count())
    assert [(d.stem, d.answer) for d in drafts] == [
        ("文章指出，甲方是乙方的伙伴。", ("true",)),
        ("文章指出，丙方是乙方的伙伴。", ("true",)),
    ]


def test_date_gives_near_values_and_never_a_year() -> None:
    """11月5日 → 11月4日 / 11月6日 / 10月5日; no option carries a year the article does not print."""
    drafts = draft_numbers(_sentences(), itertools.count())
    source = "11月5日，县里召开了推进会。"
    assert drafts == [
        Draft("zhang-san", "single", "张三指出，（ ），县里召开了推进会", ("A",), WHERE + "“" + source + "”", source,
              "numbers", ("11月5日", "11月4日", "11月6日", "10月5日"), ("数字",), "zhang-san/number-8-1"),
        Draft("zhang-san", "true_false", "张三指出，11月5日，县里召开了推进会。", ("true",),
              "正确。" + WHERE + "“" + source + "”", source, "numbers", tags=("数字",), fact="zhang-san/number-8-1"),
    ]  # fmt: skip
    assert not any("年" in o for d in drafts for o in d.options)


def test_counts_ordinals_and_plenums_get_near_values_in_their_own_spelling() -> None:
    """第三次 → 第二次/第四次/第一次; 十九届四中全会 → 十九届三中/五中, 十八届四中; 2018年 → 2017/2019/2016."""
    text = "题\n\n县里召开了第三次推进会。党的十九届四中全会作出决定。2018年，全县有12个村入选。\n"
    drafts = [d for d in draft_numbers(sentences(Part("p", "题", text)), itertools.count()) if d.type == "single"]
    assert [sorted(d.options) for d in drafts] == [
        sorted(["第三次", "第二次", "第四次", "第一次"]),
        sorted(["十九届四中全会", "十九届三中全会", "十九届五中全会", "十八届四中全会"]),
        sorted(["2018年", "2017年", "2019年", "2016年"]),
        sorted(["12个", "11个", "13个", "10个"]),
    ]


def test_large_counts_get_round_near_values() -> None:
    """2100余名 → 2000余名/2200余名/1900余名 and 318个 → 308个/328个/298个, never 2099余名."""
    text = "题\n\n推动2100余名干部下沉社区。建成服务站318个。\n"
    drafts = [d for d in draft_numbers(sentences(Part("p", "题", text)), itertools.count()) if d.type == "single"]
    assert [sorted(d.options) for d in drafts] == [
        sorted(["2100余名", "2000余名", "2200余名", "1900余名"]),
        sorted(["318个", "308个", "328个", "298个"]),
    ]


def test_a_part_without_lists_gets_a_multiple_of_statements() -> None:
    """No list in a part: a multiple choice of statements read off its single choices (true: keys filled in)."""
    text = "题\n\n11月5日，“乡村振兴大家谈”座谈会在县委党校举行。座谈会以“现场+线上”的形式进行，是第三场。\n"
    other = Part("b", "乙", "乙\n\n我们要用好“三张清单”和“一村一品”。\n")
    drafts = draft_questions([Part("intro", "题", text), other])
    multiple = next(d for d in drafts if d.type == "multiple" and d.speech == "intro")
    assert multiple.stem == "下列说法符合导语的有（ ）"
    assert multiple.source == "11月5日，“乡村振兴大家谈”座谈会在县委党校举行。座谈会以“现场+线上”的形式进行，是第三场。"
    right = {o for o, letter in zip(multiple.options, "ABCDE", strict=False) if letter in multiple.answer}
    assert right == {"11月5日，“乡村振兴大家谈”座谈会在县委党校举行", "座谈会以“现场+线上”的形式进行，是第三场"}
    assert len(multiple.options) == 4
    for option, letter in zip(multiple.options, "ABCD", strict=True):
        assert (option in multiple.source) == (letter in multiple.answer), option


def test_parallel_clauses_give_a_multiple_with_clauses_of_other_parts() -> None:
    """Verb-led clauses after 还需 (the adverb stays in the stem) → multiple; distractors from another part's list."""
    first = Part(
        "a",
        "甲",
        "甲\n\n推进常态化疫情防控，还需修补网格治理的漏洞，增强网格治理的覆盖性，实现网格治理的高度技术化。\n",
    )
    second = Part("b", "乙", "乙\n\n要主动破解难题，提升市域公共服务水平，提升市域社会稳定水平，加强基层队伍建设。\n")
    drafts = [d for d in draft_questions([first, second]) if d.rule == "clauses"]
    source = "推进常态化疫情防控，还需修补网格治理的漏洞，增强网格治理的覆盖性，实现网格治理的高度技术化。"
    assert drafts[0] == Draft(
        "a", "multiple", "文章指出，推进常态化疫情防控，还需（ ）", ("A", "B", "C"), "见文章“甲”部分：“" + source + "”",
        source, "clauses", ("修补网格治理的漏洞", "增强网格治理的覆盖性", "实现网格治理的高度技术化",
                            "加强基层队伍建设", "提升市域公共服务水平"), ("列举",), "a/clauses-0",
    )  # fmt: skip
    assert drafts[1].stem == "文章指出，要主动破解难题，（ ）"


def test_semicolon_list_takes_the_sentence_before_as_context() -> None:
    """A ；-list led by 体现在: its first clauses are the members; the sentence before joins stem and source."""
    text = "甲\n\n全省做出积极努力。体现在加强政策创制，推动工作；健全组织体系，强化引领；夯实基层基础，提升功能。\n"
    other = Part("b", "乙", "乙\n\n要主动破解难题，提升市域公共服务水平，提升市域社会稳定水平，加强基层队伍建设。\n")
    drafts = [d for d in draft_questions([Part("a", "甲", text), other]) if d.rule == "clauses" and d.speech == "a"]
    assert [(d.stem, d.source) for d in drafts] == [
        ("文章指出，全省做出积极努力，体现在（ ）",
         "全省做出积极努力。体现在加强政策创制，推动工作；健全组织体系，强化引领；夯实基层基础，提升功能。"),
    ]  # fmt: skip
    right = [o for o, letter in zip(drafts[0].options, "ABCDE", strict=False) if letter in drafts[0].answer]
    assert sorted(right) == sorted(["加强政策创制", "健全组织体系", "夯实基层基础"])


def test_a_part_without_quotes_gets_its_fill_in_and_single_from_a_judgement() -> None:
    """No quote or title in a part: 'X是____' and 'X是（ ）' (predicates of other judgements as distractors)."""
    parts = [
        Part("a", "甲", "甲\n\n基层医疗是守护群众健康的第一道防线。\n"),
        Part("b", "乙", "乙\n\n科技创新是发展的核心要素。人才是第一资源。\n"),
    ]
    drafts = [d for d in draft_questions(parts) if d.speech == "a" and d.type in ("fill_blank", "single")]
    source = "基层医疗是守护群众健康的第一道防线。"
    assert drafts == [
        Draft("a", "fill_blank", "文章指出，基层医疗是____。", ("守护群众健康的第一道防线",),
              "见文章“甲”部分：“" + source + "”", source, "judgements", tags=("观点",), fact="a/judgement-0"),
        Draft("a", "single", "文章指出，基层医疗是（ ）", ("A",), "见文章“甲”部分：“" + source + "”", source, "judgements",
              ("守护群众健康的第一道防线", "发展的核心要素", "第一资源"), ("观点",), "a/judgement-0"),
    ]  # fmt: skip
