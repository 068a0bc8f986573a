"""studykit draft: the draft defects left after round 6 (round 7's list), each pinned by its exact output.

Each test writes a small realistic article (or file), drafts it through the CLI as a secretary runs
``studykit draft``, and asserts the exact message, stems, keys or 出处 that come of it."""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from click.testing import CliRunner

from draftkit import draft_questions
from studykit.bank import load_bank
from studykit.cli import main

ORCHARD = "村里果园有了新帮手\n\n今年以来，村党支部组织农技人员深入果园，手把手教果农修剪、施肥、防治病虫害。\n"


def test_two_megabytes_of_random_bytes_named_txt_is_not_text(tmp_path: Path) -> None:
    """Random bytes named ``.txt`` are said to be no text, naming the file, before their size is
    weighed (2 MB said "more than one article", as if it were a collection of articles); 100 KB of them
    says the same (it said "cannot tell the text encoding")."""
    for size in (2_000_000, 100_000):
        data = random.Random(7).randbytes(size)
        assert b"\x00" in data[:8000]
        article = tmp_path / f"材料{size}.txt"
        article.write_bytes(data)
        result = CliRunner().invoke(main, ["draft", str(article), "-o", str(tmp_path / "out")])
        assert (result.exit_code, result.output) == (
            1,
            f"Error: {article}: this is not text (binary data such as a picture or a program; expected .docx or .txt)\n",
        )
        assert not (tmp_path / "out").exists()


def test_the_bank_id_is_the_output_folders_name_as_the_readme_says(tmp_path: Path) -> None:
    """``-o 2026-11`` gives the id ``2026-11``, ``-o 十一月学习`` its pinyin initials ``syyxx`` (README,
    "The bank's id")."""
    ids = []
    for name in ("2026-11", "十一月学习"):
        draft_questions(tmp_path, ORCHARD, out_name=name)
        bank = yaml.safe_load((tmp_path / name / "question_bank.yaml").read_text(encoding="utf-8"))
        ids.append(bank["bank"]["id"])
    assert ids == ["2026-11", "syyxx"]


SPEECH = """在全县基层党建工作推进会上的讲话
县委常委、组织部部长 王建华

同志们：
今天召开全县基层党建工作推进会，主要任务是总结上半年工作，部署下半年任务。

一、充分肯定上半年工作成效
上半年，全县新建党群服务中心12个。全县各级党组织坚持“三会一课”制度。

二、扎实做好下半年重点工作
抓好这些工作，关键在于狠抓落实。一抓班子，二抓队伍，三抓阵地，四抓制度。
"""


def test_a_speech_with_one_byline_over_numbered_sections_is_that_speakers(tmp_path: Path) -> None:
    """One byline under the title, then 一、二、 subheadings: one speech of 王建华 (its sections were
    parts of nobody, every stem 《…》指出 and 出处 文章“一、…”部分), its stems naming him and a run of
    points named by the subheading it stands under."""
    output, questions = draft_questions(tmp_path, SPEECH, check=True)
    assert output.splitlines()[:2] == [
        f"{tmp_path / 'bank' / 'question_bank.yaml'}: 1 part (layout: heading, name and post), 9 drafts to review",
        "  wang-jianhua: 王建华 在全县基层党建工作推进会上的讲话 — 9",
    ]
    bank = load_bank(tmp_path / "bank" / "question_bank.yaml", cache=False)
    assert [(s.id, s.speaker, s.position, s.heading) for s in bank.speeches] == [
        ("wang-jianhua", "王建华", "县委常委、组织部部长", "在全县基层党建工作推进会上的讲话")
    ]
    assert [(q["type"], q["stem"], q["answer"]) for q in questions][:3] == [
        ("fill_blank", "王建华指出，全县各级党组织坚持“____”制度。", ["三会一课"]),
        ("single", "王建华在谈到“扎实做好下半年重点工作”时指出，一抓（ ）", "A"),
        ("single", "王建华在谈到“扎实做好下半年重点工作”时指出，二抓（ ）", "B"),
    ]
    assert (
        questions[0]["explanation"]
        == "见王建华的发言《在全县基层党建工作推进会上的讲话》：“全县各级党组织坚持‘三会一课’制度。”"
    )
    assert bank.speeches[0].where == "王建华《在全县基层党建工作推进会上的讲话》"  # the paper's 出处


UNTITLED = """今年以来，县委坚持把抓基层、打基础作为长远之计。全县新建党群服务中心12个。

一、强化政治引领
各级党组织坚持“三会一课”制度，推行“主题党日+”模式。

二、建强干部队伍
全县培训村干部860人次，选派第一书记120名。
"""


def test_an_untitled_texts_opening_is_cited_as_its_opening_not_a_title(tmp_path: Path) -> None:
    """A text that prints no title: the bank (and the paper) is titled by the file's name, not its first
    words; the opening before 一、 is 文章 in stems and 文章开头 in 解析, 出处, 重读 and the handout (it was
    导语《今年以来》, its first words in 《》 as if they were a title); a text without sections is 文章."""
    from studykit.grade.group import Reread
    from studykit.handout.model import HandoutSection
    from studykit.quiz import build_papers

    _, questions = draft_questions(tmp_path, UNTITLED, article="十一月学习材料.txt", check=True)
    bank = load_bank(tmp_path / "bank" / "question_bank.yaml", cache=False)
    assert (bank.title, bank.speeches[0].heading, bank.speeches[0].untitled) == ("十一月学习材料", "今年以来", True)
    opening = [(q["stem"], q["explanation"]) for q in questions if q["speech"] == "intro"]
    assert opening == [
        ("文章指出，全县新建党群服务中心（ ）", "见文章开头：“全县新建党群服务中心12个。”"),
        ("文章指出，全县新建党群服务中心12个。", "正确。见文章开头：“全县新建党群服务中心12个。”"),
    ]
    paper = build_papers(bank, count=1, seed=1, speeches=("intro",), types=("single",))[0]
    assert (paper.title, [item.source_line for item in paper.items]) == (
        "十一月学习材料",
        ["文章开头：“全县新建党群服务中心12个。”"],
    )
    intro, section = bank.speeches[:2]
    reread = Reread("intro-d01", "", "", intro.heading, "全县新建党群服务中心12个。", True, "", intro.untitled)
    assert reread.where == "文章开头：“全县新建党群服务中心12个。”"
    assert [HandoutSection(s, ()).header for s in (intro, section)] == ["文章开头", "一、强化政治引领"]
    assert (section.untitled, section.where) == (False, "文章“一、强化政治引领”部分")

    draft_questions(tmp_path, "全县新建党群服务中心12个，培训村干部860人次。\n", out_name="whole")
    whole = load_bank(tmp_path / "whole" / "question_bank.yaml", cache=False)
    assert (whole.title, whole.speeches[0].heading, whole.speeches[0].where) == (
        "article",
        "全县新建党群服务中心12个",
        "文章",
    )


HE = """东湖村党建工作见闻

村党支部书记陈建国介绍了村里的产业发展情况。
镇党委书记王刚到村调研。他要求，全村要重点发展茶叶、蔬菜、水果等特色产业。
驻村第一书记张晓红和村委会主任李强走访了困难户。她表示，全村低保户今年已有28户实现脱贫。
党员们纷纷表示，他们将带头做到学习、服务、奉献。
"""


def test_he_is_drafted_by_name_only_where_the_person_is_certain(tmp_path: Path) -> None:
    """``镇党委书记王刚到村调研。他要求，…``: 他 is 王刚, the one person the sentence before names in its
    paragraph, so the stem names him and the source stays verbatim (it was dropped); 她 after a sentence
    naming 张晓红 and 李强 (a post and a name it cannot read as one) and a plural 他们 stay undrafted."""
    _, questions = draft_questions(tmp_path, HE, check=True)
    said = "《东湖村党建工作见闻》一文指出，王刚要求，全村要重点发展"
    assert [(q["type"], q["stem"], q.get("options"), q["answer"]) for q in questions] == [
        ("fill_blank", said + "茶叶、____、水果等特色产业。", None, ["蔬菜"]),
    ]
    assert {q["source"] for q in questions} == {"他要求，全村要重点发展茶叶、蔬菜、水果等特色产业。"}


def test_persons_are_read_by_post_and_name_and_an_unreadable_one_is_unknown() -> None:
    """The names a 他/她 may stand for: after a post, 2–3 characters from a common surname, never an
    everyday word (党员于是); a name not read, or printed with another (和, 等), makes the count uncertain —
    a reporter too (记者周敏: 她 after it may be the reporter)."""
    from studykit.draft.candidates.referents import persons

    assert [
        persons(text)
        for text in (
            "培训会上，镇党委书记李红梅作动员讲话。",
            "县委书记欧阳红主持会议，书记王刚说：",
            "——记东湖村党支部书记李德民\n",
            "驻村第一书记张晓红和村委会主任李强走访了困难户。",
            "全镇党员要做到三个带头，党员于是纷纷响应。",
            "村党支部书记陈建国带记者周敏走进果园。",
        )
    ] == [["李红梅"], ["欧阳红", "王刚"], ["李德民"], ["张晓红", "?"], [], ["陈建国", "?"]]


QUOTED = """东湖村：党员带头闯新路

本报记者 周敏

近日，记者走进东湖村，村党支部书记陈建国正在村口和村民商量修路的事。
陈建国告诉记者：“我们村今年有186名党员，每人联系5户群众。去年村集体收入达到2.3万元。”
镇党委书记王刚到村调研。他说：“全镇今年要建成12个示范村。”
"""


def test_numbers_in_a_speakers_words_are_drafted_as_theirs(tmp_path: Path) -> None:
    """A number inside the quotation after ``陈建国告诉记者：`` was never drafted (inside “…” it was taken
    for a name such as “十四五”); it is the speaker's words, quoted as theirs with the words before the
    quotation as printed, one sentence of the quotation at a time, two numbers a sentence; 2.3万 has
    near values 2.2万, 2.4万 …; 他说 after 镇党委书记王刚 is 王刚说."""
    _, questions = draft_questions(tmp_path, QUOTED, check=True)
    chen = "《东湖村：党员带头闯新路》一文中，陈建国告诉记者："
    wang = "《东湖村：党员带头闯新路》一文中，王刚说："
    assert [(q["type"], q["stem"], q.get("options"), q["answer"]) for q in questions] == [
        ("single", chen + "“我们村今年有（ ）党员，每人联系5户群众。”", ["186名", "176名", "196名", "166名"], "A"),
        ("true_false", chen + "“我们村今年有186名党员，每人联系5户群众。”", None, True),
        ("single", chen + "“我们村今年有186名党员，每人联系（ ）群众。”", ["4户", "5户", "6户", "3户"], "B"),
        ("true_false", chen + "“我们村今年有186名党员，每人联系4户群众。”", None, False),
        ("single", chen + "“去年村集体收入达到（ ）元。”", ["2.2万", "2.4万", "2.3万", "2.1万"], "C"),
        ("true_false", chen + "“去年村集体收入达到2.3万元。”", None, True),
        ("single", wang + "“全镇今年要建成（ ）示范村。”", ["11个", "13个", "10个", "12个"], "D"),
        ("true_false", wang + "“全镇今年要建成11个示范村。”", None, False),
    ]
    assert questions[4]["explanation"] == (
        "见《东湖村：党员带头闯新路》：“陈建国告诉记者：‘我们村今年有186名党员，每人联系5户群众。去年村集体收入达到2.3万元。’”"
    )


SHAPES = Path(__file__).parent / "data" / "draft_known2"
PINGLUN = "《以钉钉子精神抓好基层党建任务落实》一文"
DAJIZHE = "《市委组织部负责人就〈关于加强村党组织书记队伍建设的若干措施〉答记者问》一文指出，"


def _stems(tmp_path: Path, name: str) -> list[tuple[str, str, object]]:
    text = (SHAPES / f"{name}.txt").read_text(encoding="utf-8")
    _, questions = draft_questions(tmp_path, text, article=f"{name}.txt", out_name=name, check=True)
    return [(q["type"], q["stem"], q["answer"]) for q in questions]


def test_a_commentary_without_a_byline_drafts_true_items(tmp_path: Path) -> None:
    """A 本报评论员 article (no byline naming anyone): every item read against the text and true."""
    assert _stems(tmp_path, "pinglun") == [
        ("fill_blank", f"{PINGLUN}指出，要坚持“____”，深入开展调查研究，把问题找准、把措施定实。", ["四下基层"]),
        ("fill_blank", f"{PINGLUN}指出，各级党组织书记要切实履行第一责任人职责，做到重要工作亲自部署、____、"
         "重点环节亲自协调。", ["重大问题亲自过问"]),
        ("single", f"{PINGLUN}列举的几点中，第一点是（ ）", "A"),
        ("single", f"{PINGLUN}列举的几点中，第二点是（ ）", "B"),
        ("single", f"{PINGLUN}列举的几点中，第三点是（ ）", "C"),
        ("true_false", f"{PINGLUN}列举的几点中，第二点是“推进党建引领基层治理”。", True),
        ("true_false", f"{PINGLUN}列举的几点中，第一点是“推进党建引领基层治理”。", False),
        ("true_false", f"{PINGLUN}指出，基层党组织是党的全部工作和战斗力的基础。", True),
        ("single", f"{PINGLUN}指出，全市现有基层党组织（ ），每一个都是一座战斗堡垒", "D"),
        ("true_false", f"{PINGLUN}指出，全市现有基层党组织4862个，每一个都是一座战斗堡垒。", True),
    ]  # fmt: skip


def test_a_speech_with_tongzhimen_and_numbered_points(tmp_path: Path) -> None:
    """A 讲话 (byline post first, 同志们：, 第一，第二，第三，): no half statement ``刘志强指出，主要任务是
    总结去年工作。`` of ``主要任务是总结去年工作，安排部署今年任务`` (a subject naming several things
    whose predicate runs on after ，); the date line gives no year."""
    assert _stems(tmp_path, "jianghua") == [
        ("fill_blank", "刘志强指出，要抓好干部队伍建设、____、人才队伍建设等重点工作。", ["基层组织建设"]),
        ("single", "刘志强在谈到“我讲三点意见”时，列举的第一点是（ ）", "A"),
        ("single", "刘志强在谈到“我讲三点意见”时，列举的第二点是（ ）", "B"),
        ("single", "刘志强在谈到“我讲三点意见”时，列举的第三点是（ ）", "C"),
        ("true_false", "刘志强在谈到“我讲三点意见”时，列举的第二点是“要突出工作重点”。", True),
        ("true_false", "刘志强在谈到“我讲三点意见”时，列举的第一点是“要突出工作重点”。", False),
        ("true_false", "刘志强指出，组织部门是管党治党的重要部门。", True),
        ("single", "刘志强指出，刚才，（ ）单位作了交流发言，讲得很好", "D"),
        ("true_false", "刘志强指出，刚才，5个单位作了交流发言，讲得很好。", True),
        ("single", "刘志强指出，全市各级组织部门要把学习贯彻党的（ ）精神作为首要政治任务，全年举办专题培训班36期，"
         "实现党员干部全覆盖", "B"),
        ("true_false", "刘志强指出，全市各级组织部门要把学习贯彻党的二十届三中全会精神作为首要政治任务，"
         "全年举办专题培训班36期，实现党员干部全覆盖。", True),
        ("single", "刘志强指出，去年全市共选派驻村第一书记（ ），整顿软弱涣散村党组织58个", "C"),
        ("true_false", "刘志强指出，去年全市共选派驻村第一书记410名，整顿软弱涣散村党组织58个。", False),
        ("single", "刘志强指出，去年全市共选派驻村第一书记420名，整顿软弱涣散村党组织（ ）", "D"),
        ("true_false", "刘志强指出，去年全市共选派驻村第一书记420名，整顿软弱涣散村党组织58个。", True),
    ]  # fmt: skip


def test_an_interview_drafts_the_answers_in_plain_stems(tmp_path: Path) -> None:
    """An 答记者问 with 问：/答：: the title's own 《措施》 is 〈〉 inside the stem's 《》 (it printed
    《…就《…》答记者问》); no stem opens ``答：``; a question (问：…) is not drafted from; the count
    ``选、育、管、用（ ）方面`` is not asked (its stem shows the four); a fill-in's window ends at a ；, not
    at ``；在管理方面。``."""
    assert _stems(tmp_path, "dajizhe") == [
        ("fill_blank", f"{DAJIZHE}村党组织书记是党在农村全部工作的“____”。", ["领头雁"]),
        ("fill_blank", f"{DAJIZHE}在选拔方面，拓宽选人渠道，注重从致富能手、____、返乡大学生中选拔；在培育方面，"
         "每年对村党组织书记轮训一遍。", ["退役军人"]),
        ("true_false", f"{DAJIZHE}村党组织书记是党在农村全部工作的“领头雁”。", True),
        ("single", f"{DAJIZHE}《措施》共（ ），主要包括选、育、管、用四个方面", "A"),
        ("true_false", f"{DAJIZHE}《措施》共15条，主要包括选、育、管、用四个方面。", True),
    ]  # fmt: skip


def test_a_count_right_after_the_members_it_counts_is_not_asked() -> None:
    """The seed's ``数据收集、数据储存、数据分析、数据应用等（ ）部分`` and ``从“感受”“需求”“发展”（ ）维度``
    showed the count they asked (4 items of the seed); a count of something else in the sentence stays."""
    from studykit.draft.candidates import draft_questions as drafts_of
    from studykit.draft.split import Part

    text = (
        "社区大数据平台分为数据收集、数据储存、数据分析、数据应用等四个部分。\n"
        "要从“感受”“需求”“发展”三个维度设计社区安全治理。\n"
        "全区建成智慧社区36个，覆盖居民12万户。\n"
    )
    found = drafts_of([Part("li-ming", "讲话", "讲话\n李明 区委书记\n" + text, "李明", "区委书记")])
    assert [d.stem for d in found if d.rule == "numbers"] == [
        "李明指出，全区建成智慧社区（ ），覆盖居民12万户",
        "李明指出，全区建成智慧社区36个，覆盖居民12万户。",
        "李明指出，全区建成智慧社区36个，覆盖居民（ ）户",
        "李明指出，全区建成智慧社区36个，覆盖居民11万户。",
    ]


def test_two_rules_stating_one_sentence_alike_give_one_item(tmp_path: Path) -> None:
    """``今年是全面贯彻落实党的二十大精神的关键之年。`` was a judgement's true statement and the number
    二十大's true statement, the same item twice in the bank; it is drafted once."""
    text = "牢记嘱托 奋勇争先\n\n今年是全面贯彻落实党的二十大精神的关键之年。\n"
    _, questions = draft_questions(tmp_path, text, check=True)
    said = "《牢记嘱托 奋勇争先》一文指出，今年是全面贯彻落实党的"
    assert sorted((q["type"], q["stem"]) for q in questions) == [
        ("single", said + "（ ）精神的关键之年"),
        ("true_false", said + "二十大精神的关键之年。"),
    ]


def test_a_four_character_post_before_the_name_is_the_speakers_byline(tmp_path: Path) -> None:
    """``县委书记　张国华`` under a 讲话's title read as the name 县委书记 with the post 张国华 (so no speech,
    every stem 《…讲话》中); it is 张国华's speech.  A villager quoted in it (``王强告诉我：“…”``) speaks
    their own numbers; 1.2万's near values include 1万, never 1.0万."""
    assert _stems(tmp_path, "xiangcun") == [
        ("single", "张国华在发言中谈到，村党支部书记王强告诉我：“我们村去年发展茶园（ ），户均增收1.2万元。”", "A"),
        ("true_false", "张国华在发言中谈到，村党支部书记王强告诉我：“我们村去年发展茶园800亩，户均增收1.2万元。”", True),
        ("single", "张国华在发言中谈到，村党支部书记王强告诉我：“我们村去年发展茶园800亩，户均增收（ ）元。”", "B"),
        ("true_false", "张国华在发言中谈到，村党支部书记王强告诉我：“我们村去年发展茶园800亩，户均增收1.1万元。”", False),
    ]  # fmt: skip
    bank = yaml.safe_load((tmp_path / "xiangcun" / "question_bank.yaml").read_text(encoding="utf-8"))
    assert (bank["speeches"][0]["speaker"], bank["speeches"][0]["position"]) == ("张国华", "县委书记")
    assert bank["questions"][2]["options"] == ["1.1万", "1.2万", "1.3万", "1万"]


def test_an_interviews_we_is_the_answerers_and_a_leaning_answer_states_nothing(tmp_path: Path) -> None:
    """``答：我们建立了流动党员“红色驿站”…`` was ``《…》一文指出，我们建立了…`` (whose 我们?): it is quoted as the
    answerer's, named by the title's words before 就; ``答：主要有三个方面。`` (its subject is the question's)
    gave ``一文指出，主要有（ ）方面`` and ``主要有三个方面。``: not drafted, though it still names the points."""
    stems = _stems(tmp_path, "fangtan")
    name = "《县委组织部负责人就党员教育管理工作答记者问》一文"
    assert stems[:3] == [
        (
            "fill_blank",
            f"{name}中，县委组织部负责人说：“我们建立了流动党员‘____’，让流动党员离乡不离党。”",
            ["红色驿站"],
        ),
        ("fill_blank", f"{name}指出，截至目前，全县共建成“____”18个。", ["红色驿站"]),
        ("single", f"{name}在谈到“主要有三个方面”时，列举的第一点是（ ）", "A"),
    ]
    assert len(stems) == 14
    assert not [s for _, s, _ in stems if s.startswith(f"{name}指出，主要有")]


def test_a_speech_under_a_title_and_its_subtitle_is_headed_by_the_title(tmp_path: Path) -> None:
    """Title, ``——在全市组织工作会议上的讲话``, byline: the speech was headed by the subtitle (cited
    ``见刘志强的发言《——在全市组织工作会议上的讲话》``, a dash inside 《》) and the title was an intro of
    nothing; it is one speech headed by its title."""
    stems = _stems(tmp_path, "fubiaoti")
    bank = load_bank(tmp_path / "fubiaoti" / "question_bank.yaml", cache=False)
    assert [(s.id, s.heading) for s in bank.speeches] == [("liu-zhiqiang", "凝心聚力 真抓实干 奋力开创组织工作新局面")]
    assert bank.questions[0].explanation == (
        "见刘志强的发言《凝心聚力 真抓实干 奋力开创组织工作新局面》：“要选优配强乡镇领导班子，实施‘头雁’工程。”"
    )
    assert stems[:2] == [
        ("fill_blank", "刘志强指出，要选优配强乡镇领导班子，实施“____”工程。", ["头雁"]),
        ("true_false", "刘志强在谈到“扎实做好今年的重点工作”时，列举的第二点是“抓好班子建设”。", True),
    ]


def test_our_town_is_an_institution_not_the_speakers_i(tmp_path: Path) -> None:
    """``今年我镇党员冬训的主题是…`` was quoted as said (``李红梅在发言中说：“今年我镇…”``), 我镇 read as 我; like
    我省, 我县, 我镇/我乡/我村 name an institution, so the stem reports it; （掌声） is in no stem."""
    stems = _stems(tmp_path, "dongxun")
    assert stems[0] == ("fill_blank", "李红梅指出，今年我镇党员冬训的主题是“____”。", ["学思想、强党性、促振兴"])
    assert len(stems) == 14
    assert not [s for _, s, _ in stems if "掌声" in s or "在发言中说" in s]


def test_he_in_a_part_written_of_its_speaker_is_the_speaker(tmp_path: Path) -> None:
    """A 代表之声 part (``王刚代表说，…。他建议，…``): 他 is the part's speaker, named before it and nobody
    else; the stem names him once (``王刚建议，…``, never ``王刚指出，王刚建议，…``), as it names 李芳 once in
    ``李芳委员介绍，…`` (it printed ``李芳指出，李芳委员介绍，…``)."""
    assert _stems(tmp_path, "daibiao") == [
        ("single", "王刚建议，要加大对村级集体经济的扶持，每年安排专项资金（ ）元", "A"),
        ("true_false", "王刚建议，要加大对村级集体经济的扶持，每年安排专项资金3000万元。", True),
        ("single", "李芳委员介绍，青山镇卫生院组建了（ ）家庭医生团队", "B"),
        ("true_false", "李芳委员介绍，青山镇卫生院组建了11支家庭医生团队。", False),
    ]


def test_a_judgement_keeps_its_topic_and_never_swaps_a_whole_for_its_kind(tmp_path: Path) -> None:
    """``坚持大抓基层，组织是保证。`` was stated ``一文指出，组织是保证。`` (保证 of what?): a predicate saying
    what X is to the clause before keeps that clause.  ``基层党组织是…“最后一公里”`` gave the false
    ``农村党支部是…“最后一公里”`` — a 农村党支部 is a 基层党组织, so that may be true: a whole (基层…, 各级…)
    is never swapped with one of its kinds; 农村党支部 and 社区党组织, siblings, still are."""
    stated = [
        s.removeprefix("《让党旗在基层一线高高飘扬》一文指出，")
        for t, s, _ in _stems(tmp_path, "dangqi")
        if t == "true_false"
    ]
    assert stated[:9] == [
        "基层是党的执政之基、力量之源。",
        "坚持大抓基层，组织是保证。",
        "基层党组织是贯彻落实党中央决策部署的“最后一公里”。",
        "农村党支部是团结带领群众的核心。",
        "社区党组织是团结带领群众的核心。",
        "社区党组织是服务群众的前沿。",
        "农村党支部是服务群众的前沿。",
        "坚持大抓基层，人才是关键。",
        "坚持大抓基层，保障是基础。",
    ]


def test_a_stem_starts_after_a_points_yi_shi_marker(tmp_path: Path) -> None:
    """``二是纠治“四风”顽疾。`` gave ``一文指出，二是纠治“____”顽疾。``; a stem starts after the point's
    marker, as after 第二， and 二、 (the seed's 赵显富 stems lose their 四是 the same way)."""
    stems = _stems(tmp_path, "jiwei")
    assert stems[1] == ("fill_blank", "《坚定不移推进全面从严治党》一文指出，纠治“____”顽疾。", ["四风"])
    assert not [s for _, s, _ in stems if "指出，一是" in s or "指出，二是" in s or "指出，三是" in s]


def test_a_stem_leaves_out_the_speakers_vocative(tmp_path: Path) -> None:
    """``同志们，今年全县要重点抓好…`` gave ``张国华指出，同志们，今年全县…``: the speaker's 同志们 is no part
    of what is stated."""
    text = "在全县党建工作会议上的讲话\n县委书记　张国华\n\n同志们：\n\n同志们，今年全县要重点抓好阵地建设、队伍建设、制度建设等工作。\n"
    _, questions = draft_questions(tmp_path, text, check=True)
    assert [q["stem"] for q in questions] == ["张国华指出，今年全县要重点抓好阵地建设、____、制度建设等工作。"]


def test_a_connective_before_x_shi_guanjian_is_no_topic() -> None:
    """``其中，工作作风是关键。``: 其中 is no clause the statement is said of (``一文指出，其中，工作作风是关键。``)."""
    from studykit.draft.candidates import draft_questions as drafts_of
    from studykit.draft.split import Part

    text = "作风建设\n\n加强作风建设，要抓好思想作风、工作作风、生活作风。其中，工作作风是关键。\n"
    stems = [
        d.stem for d in drafts_of([Part("part-1", "作风建设", text, article="作风建设")]) if d.rule == "judgements"
    ]
    assert "《作风建设》一文指出，工作作风是关键。" in stems
    assert not [s for s in stems if "其中" in s]


def test_an_answer_under_its_answerers_name_is_quoted_as_theirs(tmp_path: Path) -> None:
    """A 访谈 whose answers open ``王刚：``: ``一文指出，王刚：我们推出了…`` printed the label inside the stem;
    the answer is quoted as 王刚's; ``120场次`` is one count (it was ``（ ）次`` with ``120场``)."""
    name = "《让党员教育“活”起来》一文中，王刚说："
    assert _stems(tmp_path, "fangwen") == [
        ("fill_blank", name + "“我们推出了‘____’活动，全年开展现场教学120场次。”", ["党课进田间"]),
        ("single", name + "“我们推出了‘党课进田间’活动，全年开展现场教学（ ）。”", "A"),
        ("true_false", name + "“我们推出了‘党课进田间’活动，全年开展现场教学120场次。”", True),
    ]


def test_many_pronouns_are_resolved_in_linear_time() -> None:
    """2,000 paragraphs ``镇党委书记王刚N号到村调研。他要求，…`` (67,000 characters): each 他 read the
    people named in the whole text before it again — 50 s of CPU; the mentions are found once a part."""
    import time

    from studykit.draft.candidates import draft_questions as drafts_of
    from studykit.draft.split import Part

    text = "\n".join(f"镇党委书记王刚{i}号到村调研。他要求，全村要完成{i}个项目。" for i in range(2000))
    start = time.process_time()
    drafts_of([Part("part-1", "标题", "标题\n\n" + text + "\n", article="标题")])
    assert time.process_time() - start < 8.0
