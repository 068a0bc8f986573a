"""studykit draft on articles the team had never seen (a 评论员文章, a page of 体会, a WeChat post).

Each test holds the few sentences of those articles where a draft went wrong, and pins the exact
drafts made of them now (or that none is made where the article gives no sure key)."""

from __future__ import annotations

from pathlib import Path

from studykit.draft.candidates import Draft, draft_questions
from studykit.draft.candidates.lists import find_lists
from studykit.draft.candidates.text import sentences
from studykit.draft.split import Part

JISHI = "党组织要经常同党员谈心谈话，及时掌握党员的思想动态和工作生活情况，发现苗头性、倾向性问题及时提醒纠正。"
PAIRS = "坚持严管和厚爱结合、激励和约束并重，落实“三个区分开来”，为敢于担当、踏实做事、不谋私利的干部撑腰鼓劲。"
CASES = "要注重用好身边典型案例，以案说德、以案说纪、以案说法、以案说责，让党员干部受警醒、明底线、知敬畏。"
TITLE = "从严管理党员队伍"
WHERE = "见文章“从严管理党员队伍”部分："  # a Part built without its article: a heading, no title


def _drafts(*sentences: str) -> list[Draft]:
    text = "\n\n".join([TITLE, *sentences])
    return draft_questions([Part("part-1", TITLE, text)])


def _cite(sentence: str) -> str:
    return WHERE + "“" + sentence.replace("“", "‘").replace("”", "’") + "”"


def test_ji_inside_jishi_is_no_conjunction() -> None:
    """发现苗头性、倾向性问题及时提醒纠正: 及 of 及时 joined no third member, so the key 时提醒纠正 and
    the option 发现苗头性 are gone; two members with unclear ends give no draft at all."""
    assert _drafts(JISHI) == []


def test_two_phrases_each_with_he_are_not_a_list_of_three() -> None:
    """严管和厚爱结合、激励和约束并重 is two phrases, not the list 结合、激励、约束 (drafted as a multiple
    with key 约束、结合、激励 and a fill-in ____和约束并重 keyed 激励); the sentence's real list and
    its quotation are still drafted."""
    drafts = _drafts(PAIRS, CASES)
    assert [(d.type, d.stem, d.answer, d.options) for d in drafts if d.source == PAIRS] == [
        ("fill_blank", "文章指出，坚持严管和厚爱结合、激励和约束并重，落实“____”，为敢于担当、踏实做事、不谋私利的干部撑腰鼓劲。",
         ("三个区分开来",), ()),
        ("multiple", "文章指出，坚持严管和厚爱结合、激励和约束并重，落实“三个区分开来”，为（ ）的干部撑腰鼓劲",
         ("A", "B", "C"), ("敢于担当", "踏实做事", "不谋私利", "以案说德", "以案说纪")),
        ("fill_blank", "文章指出，坚持严管和厚爱结合、激励和约束并重，落实“三个区分开来”，为敢于担当、____、不谋私利的干部撑腰鼓劲。",
         ("踏实做事",), ()),
    ]  # fmt: skip
    assert all(d.explanation == _cite(PAIRS) for d in drafts if d.source == PAIRS)


def test_a_list_after_de_keeps_its_he_member() -> None:
    """制度创新和政策驱动的一致性、协同性和互动性: the 和 before 的 is no parallel phrase; the list of
    three is drafted as before."""
    sentence = "保持制度创新和政策驱动的一致性、协同性和互动性，鼓励企业进行创新应用研究。"
    fills = [d for d in _drafts(sentence) if d.type == "fill_blank"]
    assert [(d.stem, d.answer) for d in fills] == [
        ("文章指出，保持制度创新和政策驱动的一致性、____和互动性，鼓励企业进行创新应用研究。", ("协同性",))
    ]


FROM = "我们坚持选优配强村党组织书记，从致富能手、退役军人、返乡大学生、外出务工经商人员等群体中选拔村级带头人。"
BY = "我们还成立了由老党员、老干部、乡贤组成的“和事佬”调解队，小事不出网格、大事不出村。"


def test_a_preposition_and_a_closing_verb_stay_in_the_stem() -> None:
    """从致富能手、… and 由老党员、老干部、乡贤组成: 从 and 由 govern the whole list and 组成 closes it,
    so the options are 致富能手 / 老党员 / 乡贤 (they were 从致富能手, 由老党员 and 乡贤组成, a
    giveaway and a key the article does not say).  The 从…等群体中 list is open: no multiple."""
    multiples = [(d.stem, d.answer, d.options) for d in _drafts(FROM, BY) if d.type == "multiple"]
    assert multiples == [
        ("文章指出，我们还成立了由（ ）组成的“和事佬”调解队，小事不出网格、大事不出村", ("B", "C", "D"),
         ("外出务工经商人员", "老党员", "老干部", "乡贤", "致富能手")),
    ]  # fmt: skip
    found = find_lists(sentences(Part("part-1", TITLE, "\n\n".join([TITLE, FROM]))))
    assert [li.members for li in found] == [("致富能手", "退役军人", "返乡大学生", "外出务工经商人员")]


WECHAT = """点击上方蓝字关注我们

荆楚组工 2026-11-20 08:30 发表于湖北

以严明纪律锻造过硬党员队伍

来源：湖北日报

纪律是党的生命。

（一）学纪知纪，筑牢思想根基

学纪是前提，知纪是基础。

（二）明纪守纪，严守行为底线

明纪是关键，守纪是根本。

END

编辑：张晓雨
责编：刘　洋
审核：陈建平

往期推荐
【学习】党纪学习教育应知应会100题
【组工视点】如何开好组织生活会？这些要点要把握

长按二维码关注我们

阅读原文
"""


def test_a_wechat_posts_source_end_mark_and_links_are_furniture() -> None:
    """来源：…, 责编：…, END and the 往期推荐 heading with the titles under it are dropped and listed;
    they were kept as the article's text (the links closing its last part)."""
    from studykit.draft.split import split_article

    split = split_article(WECHAT)
    assert split.dropped == (
        "点击上方蓝字关注我们", "荆楚组工 2026-11-20 08:30 发表于湖北", "来源：湖北日报", "END", "编辑：张晓雨",
        "责编：刘　洋", "审核：陈建平", "往期推荐", "【学习】党纪学习教育应知应会100题",
        "【组工视点】如何开好组织生活会？这些要点要把握", "长按二维码关注我们", "阅读原文",
    )  # fmt: skip
    assert [p.text for p in split.parts] == [
        "以严明纪律锻造过硬党员队伍\n\n纪律是党的生命。\n",
        "（一）学纪知纪，筑牢思想根基\n\n学纪是前提，知纪是基础。\n",
        "（二）明纪守纪，严守行为底线\n\n明纪是关键，守纪是根本。\n",
    ]


def test_links_end_at_the_first_paragraph_after_them() -> None:
    """Under 相关阅读 only title lines are links: the next sentence is the article's again."""
    from studykit.draft.furniture import drop_furniture

    lines = ["相关阅读", "红色引擎激活乡村振兴新动能", "", "纪律是党的生命。", "学纪知纪"]
    assert drop_furniture(lines) == (
        ["纪律是党的生命。", "学纪知纪"],
        ["相关阅读", "红色引擎激活乡村振兴新动能"],
    )


PAGE = """党建引领 绘就乡村振兴新图景

——基层党组织书记谈抓党建促乡村振兴

编者按：近日，市委组织部召开抓党建促乡村振兴工作交流会。现将部分发言摘编如下。

建强堡垒筑根基
陈晓东　丁司垱镇党委书记

农村基层党组织是党在农村全部工作和战斗力的基础。

产业兴旺靠党员带头
李秋菊　杨家湾村党支部书记

产业振兴是乡村振兴的重中之重。
"""


def test_a_subtitle_under_the_title_is_not_the_title() -> None:
    """The page's title is 党建引领 绘就乡村振兴新图景, not its longer subtitle ——基层党组织书记谈…
    (which became the bank's title and the Anki parent deck's name)."""
    from studykit.draft.split import split_article

    split = split_article(PAGE)
    assert split.title == "党建引领 绘就乡村振兴新图景"
    assert [(p.id, p.heading, p.speaker, p.position) for p in split.parts] == [
        ("intro", "党建引领 绘就乡村振兴新图景", "", ""),
        ("chen-xiaodong", "建强堡垒筑根基", "陈晓东", "丁司垱镇党委书记"),
        ("li-qiuju", "产业兴旺靠党员带头", "李秋菊", "杨家湾村党支部书记"),
    ]


NO_SUBJECT = (
    "一些党员干部之所以出现作风问题，归根到底是理想信念动摇、宗旨意识淡薄、党性修养缺失。",
    "一些党员干部之所以走上违纪违法的道路，往往是从收受一张购物卡开始的。",
    "推进作风建设，关键是要抓住突出问题，有的放矢、精准发力。",
    "要弄清楚哪些能做、哪些不能做，哪些是应该提倡的、哪些是必须禁止的，真正把纪律规矩刻印在心上。",
    "作风建设是攻坚战，也是持久战。",
)


def test_a_statement_is_drafted_only_of_a_clause_with_its_own_subject() -> None:
    """归根到底是…, 往往是…, 关键是… after its topic, 哪些是…: the true/false statements
    “文章指出，归根到底是理想信念动摇…” and “文章指出，哪些是应该提倡的…” were half sentences or
    questions; of these sentences only 作风建设是攻坚战 is a statement."""
    statements = [(d.stem, d.answer) for d in _drafts(*NO_SUBJECT) if d.type == "true_false"]
    assert statements == [("文章指出，作风建设是攻坚战。", ("true",))]


def test_a_padded_two_character_name_is_written_without_its_padding_in_stems() -> None:
    """王　刚 (a page pads a two-character name to the width of three) is 王刚 in the stem and the
    解析; the bank's speaker stays as printed."""
    sentence = "乡村治理是乡村振兴的重要内容。"
    part = Part(
        "wang-gang",
        "治理有效聚民心",
        f"治理有效聚民心\n王　刚　石桥村党总支书记\n\n{sentence}\n",
        "王　刚",
        "石桥村党总支书记",
    )
    assert [(d.stem, d.explanation) for d in draft_questions([part])] == [
        (
            "王刚指出，乡村治理是乡村振兴的重要内容。",
            "正确。见王刚的发言《治理有效聚民心》：“乡村治理是乡村振兴的重要内容。”",
        ),
        ("王刚指出，乡村治理是____。", "见王刚的发言《治理有效聚民心》：“乡村治理是乡村振兴的重要内容。”"),
    ]


def test_a_byline_written_post_first_starts_a_speech() -> None:
    """Heading, then 丁司垱镇党委书记　陈晓东 (post first, as many pages print it): the page was one
    part, every draft said 文章指出 and no speaker was kept; now each byline starts a speech."""
    from studykit.draft.split import split_article

    page = PAGE.replace("陈晓东　丁司垱镇党委书记", "丁司垱镇党委书记　陈晓东").replace(
        "李秋菊　杨家湾村党支部书记", "杨家湾村党支部书记 李秋菊"
    )
    split = split_article(page)
    assert split.layout == 1
    assert [(p.id, p.heading, p.speaker, p.position) for p in split.parts] == [
        ("intro", "党建引领 绘就乡村振兴新图景", "", ""),
        ("chen-xiaodong", "建强堡垒筑根基", "陈晓东", "丁司垱镇党委书记"),
        ("li-qiuju", "产业兴旺靠党员带头", "李秋菊", "杨家湾村党支部书记"),
    ]
    assert (
        split.parts[1].text
        == "建强堡垒筑根基\n丁司垱镇党委书记　陈晓东\n\n农村基层党组织是党在农村全部工作和战斗力的基础。\n"
    )


NOTES_PAGE = """党建引领 绘就乡村振兴新图景

编者按：现将部分发言摘编如下。

建强堡垒筑根基
□ 陈晓东

农村基层党组织是党在农村全部工作和战斗力的基础。

（作者系丁司垱镇党委书记）

产业兴旺靠党员带头
文/李秋菊

产业振兴是乡村振兴的重中之重。
"""


def test_a_name_under_the_heading_takes_its_post_from_the_authors_note() -> None:
    """□ 陈晓东 under the heading and （作者系丁司垱镇党委书记） after the text: the page was one
    part; now each is a speech, its post from the note, and a speech without a note keeps no
    speaker (a speaker needs a post printed with it)."""
    from studykit.draft.split import split_article

    split = split_article(NOTES_PAGE)
    assert [(p.id, p.heading, p.speaker, p.position) for p in split.parts] == [
        ("intro", "党建引领 绘就乡村振兴新图景", "", ""),
        ("chen-xiaodong", "建强堡垒筑根基", "陈晓东", "丁司垱镇党委书记"),
        ("part-2", "产业兴旺靠党员带头", "", ""),
    ]


def test_a_drafted_bank_of_an_authors_note_page_checks(tmp_path: Path) -> None:
    """The bank drafted from such a page passes check: 陈晓东 and 作者系丁司垱镇党委书记 both occur
    in the speech's material, which the bank accepts as its speaker and post."""
    from studykit import draft_bank, load_bank

    article = tmp_path / "体会.txt"
    article.write_text(NOTES_PAGE, encoding="utf-8")
    result = draft_bank(article, tmp_path / "2026-12")
    bank = load_bank(result.bank, cache=False)
    assert [(s.id, s.speaker, s.position) for s in bank.speeches] == [
        ("intro", "", ""),
        ("chen-xiaodong", "陈晓东", "丁司垱镇党委书记"),
        ("part-2", "", ""),
    ]
    assert result.dropped == 0


def test_a_post_not_printed_in_an_authors_note_is_still_an_error(tmp_path: Path) -> None:
    """The author's-note rule accepts only 作者系 + the post exactly: a post the note does not print
    (镇党委书记) is the usual located error."""
    import pytest

    from studykit import BankError, load_bank

    (tmp_path / "m.txt").write_text(
        "建强堡垒筑根基\n□ 陈晓东\n\n农村基层党组织是党在农村全部工作和战斗力的基础。\n\n（作者系丁司垱镇党委书记）\n",
        encoding="utf-8",
    )
    speech = (
        "  - id: chen\n    speaker: 陈晓东\n    position: {post}\n    heading: 建强堡垒筑根基\n    material: m.txt\n"
    )
    question = (
        "questions:\n  - id: q\n    speech: chen\n    type: true_false\n    stem: 基层党组织是基础。\n"
        "    answer: true\n    explanation: 见原文。\n    source: 农村基层党组织是党在农村全部工作和战斗力的基础。\n"
    )
    path = tmp_path / "bank.yaml"
    for post in ("丁司垱镇党委书记", "镇党委书记"):
        path.write_text(f"bank:\n  id: t\n  title: 测试\nspeeches:\n{speech.format(post=post)}{question}", "utf-8")
        if post == "丁司垱镇党委书记":
            assert [s.position for s in load_bank(path, cache=False).speeches] == [post]
            continue
        with pytest.raises(BankError) as caught:
            load_bank(path, cache=False)
        assert [str(p) for p in caught.value.problems] == [
            f"{path}:6: speech 'chen', field 'position': '陈晓东 镇党委书记' does not occur in m.txt "
            "(expected speaker and post exactly as written)"
        ]


def test_counts_in_person_times_cases_and_mu_keep_their_unit() -> None:
    """300多人次 is asked whole (it was （ ）次 with options 300多人, 200多人 …), and counts in 起,
    件 and 亩 are asked like any count."""
    sentences = (
        "我们开设种植技术等课程，已培训村民300多人次。",
        "全村茶园面积发展到3600亩。",
        "去年共收集群众诉求1260件。",
    )
    singles = [(d.stem, d.options, d.answer) for d in _drafts(*sentences) if d.type == "single"]
    assert singles == [
        (
            "文章指出，我们开设种植技术等课程，已培训村民（ ）",
            ("300多人次", "200多人次", "400多人次", "100多人次"),
            ("A",),
        ),
        ("文章指出，全村茶园面积发展到（ ）", ("3500亩", "3600亩", "3700亩", "3400亩"), ("B",)),
        ("文章指出，去年共收集群众诉求（ ）", ("1160件", "1360件", "1260件", "1060件"), ("C",)),
    ]


def test_a_first_member_sharing_a_start_with_the_middle_one_leaves_the_last_end_unguessed() -> None:
    """不该吃的不吃、不该拿的不拿、不该去的地方坚决不去: the members share 不该, so where the last one
    ends is not shown by its length; the multiple keyed 不该去的地方 (stem （ ）坚决不去) is gone and
    only the fill-in of the exact middle member is drafted of that list."""
    sentence = "党员要管住自己的嘴、管住自己的手、管住自己的腿，不该吃的不吃、不该拿的不拿、不该去的地方坚决不去。"
    drafts = [(d.type, d.stem, d.answer) for d in _drafts(sentence, CASES) if d.source == sentence]
    assert drafts == [
        ("multiple", "文章指出，党员要（ ），不该吃的不吃、不该拿的不拿、不该去的地方坚决不去", ("A", "B", "C")),
        ("fill_blank", "文章指出，党员要管住自己的嘴、____、管住自己的腿，不该吃的不吃、不该拿的不拿、不该去的地方坚决不去。",
         ("管住自己的手",)),
        ("fill_blank", "文章指出，党员要管住自己的嘴、管住自己的手、管住自己的腿，不该吃的不吃、____、不该去的地方坚决不去。",
         ("不该拿的不拿",)),
    ]  # fmt: skip


def test_who_said_it_names_the_page_s_speakers_as_they_are() -> None:
    """A page of 书记 asks 出自哪位书记的发言, a page of cadres 哪位同志 (both asked 哪位专家); a
    symposium of professors with one 副厅长 among them still asks 哪位专家."""
    from studykit.attribution import speaker_word
    from studykit.model import Speech

    def page(*posts: str) -> list[Speech]:
        return [Speech(f"s{n}", "题", Path("m.txt"), "", n, f"甲{n}", post, 1) for n, post in enumerate(posts)]

    assert speaker_word(page("丁司垱镇党委书记", "杨家湾村党支部书记", "大河村驻村第一书记")) == "书记"
    assert speaker_word(page("县委组织部部长", "杨家湾村党支部书记", "县农业农村局局长")) == "同志"
    assert speaker_word(page("清华大学教授", "湖北省民政厅副厅长", "中央党校教授")) == "专家"
    assert speaker_word(page("省人大代表、村党支部书记", "省人大代表、教授")) == "代表"


def test_a_post_ending_in_shuji_before_a_two_character_name_keeps_the_name_whole() -> None:
    """省人大代表、石桥村党总支书记王刚： was read as post 省人大代表、石桥村党总支书 (支书 is a post too)
    and speaker 记王刚; the post is now the longest that leaves a name."""
    from studykit.draft.split import split_article

    page = (
        "代表委员谈乡村振兴\n\n省人大代表、浠水县丁司垱镇党委书记陈晓东：\n产业兴则乡村兴\n\n乡村振兴，产业是基础。\n\n"
        "省人大代表、石桥村党总支书记王刚：\n治理有效聚民心\n\n乡村治理是乡村振兴的重要内容。\n"
    )
    split = split_article(page)
    assert [(p.id, p.speaker, p.position) for p in split.parts] == [
        ("intro", "", ""),
        ("chen-xiaodong", "陈晓东", "省人大代表、浠水县丁司垱镇党委书记"),
        ("wang-gang", "王刚", "省人大代表、石桥村党总支书记"),
    ]


def test_a_reporters_credit_starts_a_news_item_without_a_speaker() -> None:
    """浠水：党建引领产业兴 / 本报记者　周敏: the reporter was read as speaker 本报记者 with post 周敏
    (stems 本报记者指出，…); now each item is a part of the article without a speaker."""
    from studykit.draft.split import split_article

    page = (
        "基层党建亮点纷呈\n\n浠水：党建引领产业兴\n本报记者　周敏\n\n全县特色产业面积达到12万亩。\n\n"
        "红安：红色资源育新人\n本报记者　黄磊　通讯员　李华\n\n红安县依托红色资源，开展党性教育。\n"
    )
    split = split_article(page)
    assert [(p.id, p.heading, p.speaker, p.position) for p in split.parts] == [
        ("intro", "基层党建亮点纷呈", "", ""),
        ("part-1", "浠水：党建引领产业兴", "", ""),
        ("part-2", "红安：红色资源育新人", "", ""),
    ]


def test_a_subheading_starting_with_a_prompt_word_is_the_articles_text() -> None:
    """关注民生办实事 and 打开思路谋发展 are subheadings, not 关注/打开 prompts: they were dropped as
    furniture (the section lost, its text run into the one before); 点击上方蓝字关注我们 still is."""
    from studykit.draft.split import split_article

    text = (
        "点击上方蓝字关注我们\n\n做好新时代群众工作\n\n群众工作是党的生命线。\n\n关注民生办实事\n\n"
        "要把群众的小事当作大事。\n\n打开思路谋发展\n\n要在新就业群体中扩大党的组织覆盖。\n"
    )
    split = split_article(text)
    assert split.dropped == ("点击上方蓝字关注我们",)
    assert [(p.id, p.heading) for p in split.parts] == [
        ("intro", "做好新时代群众工作"),
        ("part-1", "关注民生办实事"),
        ("part-2", "打开思路谋发展"),
    ]


def test_a_false_judgements_correction_is_a_handout_statement(tmp_path: Path) -> None:
    """产业是基础，党员是关键 → false 党员是基础: its 解析 states the fact with its speaker (it said
    原文说的是产业是基础), and the handout states that fact without the draft's citation (it
    printed 原文说的是产业是基础。见李秋菊的发言《…》：“…” above the same 原文 line)."""
    from studykit import load_bank
    from studykit.handout.statements import statement

    sentence = "乡村要振兴，产业是基础，党员是关键。"
    part = Part("li-qiuju", "产业兴旺靠党员带头", f"产业兴旺靠党员带头\n\n{sentence}\n", "李秋菊", "杨家湾村党支部书记")
    false = [d for d in draft_questions([part]) if d.answer == ("false",)]
    where = "见李秋菊的发言《产业兴旺靠党员带头》：“乡村要振兴，产业是基础，党员是关键。”"
    assert [(d.stem, d.explanation) for d in false] == [
        ("李秋菊指出，乡村要振兴，党员是基础。", "错误。李秋菊指出，乡村要振兴，产业是基础。" + where),
        ("李秋菊指出，乡村要振兴，产业是关键。", "错误。李秋菊指出，乡村要振兴，党员是关键。" + where),
    ]  # round 7: a 是基础 / 是关键 statement keeps the clause it is said of
    (tmp_path / "m.txt").write_text(f"产业兴旺靠党员带头\n李秋菊 杨家湾村党支部书记\n\n{sentence}\n", "utf-8")
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        "bank:\n  id: t\n  title: 测试\nspeeches:\n  - id: li-qiuju\n    speaker: 李秋菊\n    position: 杨家湾村党支部书记\n"
        "    heading: 产业兴旺靠党员带头\n    material: m.txt\nquestions:\n  - id: q\n    speech: li-qiuju\n"
        f"    type: true_false\n    stem: {false[0].stem}\n    answer: false\n    explanation: {false[0].explanation}\n"
        f"    source: {sentence}\n",
        "utf-8",
    )
    question = next(q for q in load_bank(bank, cache=False).questions if q.id == "q")
    assert statement(question) == ("李秋菊指出，乡村要振兴，产业是基础。", False)


def test_more_of_wechats_furniture_is_dropped_and_a_dated_sentence_kept() -> None:
    """The newer WeChat copy's dateline (年月日, time, province without 发表于), 收录于合集, 以下文章来源于,
    credits with ｜ and picture credits were kept as the article's text; a sentence or heading
    opening with a date is still the article's."""
    from studykit.draft.furniture import is_furniture

    furniture = [
        "原创 荆楚组工 荆楚组工 2026年11月20日 08:30 湖北", "收录于合集 #党建 12个", "以下文章来源于学习强国 ，作者张三",
        "图片来源：网络", "文字：张三 图片：李四", "本期编辑：王五", "来源｜人民日报", "来源 | 湖北日报",
    ]  # fmt: skip
    text = ["2026年11月20日，全市召开党建工作会议", "2026年11月20日 全市召开会议", "会议于2026年11月20日召开"]
    assert [is_furniture(line) for line in furniture + text] == [True] * len(furniture) + [False] * len(text)


def test_list_items_marked_like_a_byline_do_not_split_an_article() -> None:
    """● 强组织 under a heading is a list item, not a □ 姓名 byline: without an author's note it
    starts no speech, and the article is split by its numbered headings as before."""
    from studykit.draft.split import split_article

    text = (
        "抓党建促振兴\n\n导语一句。\n\n一、主要做法\n● 强组织\n\n我们建强了村党组织。\n\n"
        "二、主要成效\n● 兴产业\n\n全村茶园面积发展到3600亩。\n"
    )
    split = split_article(text)
    assert (split.layout, [(p.id, p.heading, p.speaker) for p in split.parts]) == (
        3,
        [("intro", "抓党建促振兴", ""), ("part-1", "一、主要做法", ""), ("part-2", "二、主要成效", "")],
    )
