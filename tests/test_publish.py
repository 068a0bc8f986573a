"""The publish formats of ``studykit quiz``: 腾讯问卷 and 问卷星 text, Moodle GIFT and Moodle XML.

Each is the same paper as the Markdown one (same seed, draw, option order, points):
checked against the golden files of the mini bank with seed 7, line by line against
the syntax each platform documents, and — GIFT and XML — read back with a parser.
Regenerate the golden files after an intended change with
``STUDYKIT_UPDATE_GOLDEN=1 pytest tests/test_publish.py`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from giftparse import parse as parse_gift
from skpaths import MINI2_BANK, MINI_BANK
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import StudykitError
from studykit.key import KeyItem, load_key
from studykit.library import load_banks
from studykit.model import LETTERS, Bank
from studykit.quiz import Paper, build_papers
from studykit.render import PUBLISH_FORMATS, output_target, quiz_files, render
from studykit.render.gift import escape as gift_escape
from studykit.typography import for_print

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("STUDYKIT_UPDATE_GOLDEN") == "1"
#: Moodle's grade list (question_bank::fraction_options_full), in percent.
MOODLE_GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
                 12.5, 11.11111, 10, 5, 0]  # fmt: skip
TEXT_FORMATS = {"html", "moodle_auto_format", "plain_text", "markdown"}

NASTY_STEM = "谁说“{a} = ~b # c: d\\e”[注]，何时？（ ）"
NASTY_OPTIONS = ("甲~乙", "丙=丁", "戊#己:庚", "{辛} [壬], 癸\\")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI_BANK)


@pytest.fixture(scope="module")
def paper(bank: Bank) -> Paper:
    (p,) = build_papers(bank, count=10, seed=7)
    return p


@pytest.fixture(scope="module")
def nasty(bank: Bank) -> Paper:
    """A paper whose bank text holds every character GIFT, the survey DSLs and XML give a meaning."""
    q1 = dataclasses.replace(
        bank.question("intro-01"), stem=NASTY_STEM, options=NASTY_OPTIONS, explanation="解析 {x}\n第二行 <b>&amp;</b>"
    )
    q2 = dataclasses.replace(bank.question("zhao-02"), answer=("1+1+11", "{1,1,11}", "a=b", "2*3"))
    q3 = dataclasses.replace(bank.question("tian-01"), stem="包括[多选]\n（ ）", options=("a:b", "c#d", "e~f", "g"))
    (p,) = build_papers(dataclasses.replace(bank, questions=(q1, q2, q3)), seed=1)
    return p


def text_of(paper: Paper, fmt: str) -> str:
    return render(paper, fmt).decode("utf-8")


# -- golden files -------------------------------------------------------------------


def test_golden_files(paper: Paper) -> None:
    """The 10-question paper of the mini bank, seed 7, in each publish format as checked in; the key
    beside each is the Markdown paper's key, byte for byte."""
    written: dict[str, bytes] = {}
    for fmt, ext in PUBLISH_FORMATS.items():
        files = quiz_files([paper], GOLDEN / f"mini-seed7{ext}", fmt)
        extra = [".wjx-answers.txt"] if fmt == "wjx" else []
        assert sorted(p.name for p in files) == sorted(f"mini-seed7{s}" for s in (ext, ".key.yaml", *extra))
        for path, data in files.items():
            written[path.name] = data
    for name, data in written.items():
        path = GOLDEN / name
        if UPDATE and name != "mini-seed7.key.yaml":
            path.write_bytes(data)
        assert data.decode("utf-8") == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


# -- 腾讯问卷 ---------------------------------------------------------------------------

#: A question line of 腾讯问卷's exam text (wj.qq.com's "考试场景语法": ``标题[题型][答案：…][分数：…][全部]``).
TENCENT_QUESTION = re.compile(
    r"^(?P<stem>[^\[\]\n]+)\[(?P<tag>单选题|多选题|判断题|多项填空题)\]"
    r"\[答案：(?P<answer>[^\[\]]+)\]\[分数：(?P<score>\d+(?:\.\d+)?)\](?P<rule>\[全部\]|\[按空\])$"
)


def tencent_stem(item: KeyItem) -> str:
    """An item's stem as 腾讯问卷's text gives it: a fill-in's ``____`` written as the bracket ``（　　）``."""
    return re.sub(r"_{4,}", "（\u3000\u3000）", item.stem) if item.type == "fill_blank" else item.stem


def test_tencent_exact_text(paper: Paper) -> None:
    """The title, the name question, the first item, both multiples, both true/false items and the last,
    exactly as 腾讯问卷's Chinese exam syntax writes them: tags 单选题 多选题 判断题 多项填空题, answers
    ``[答案：A、B]``, ``[分数：5]``, options without letters, a blank's ``____`` on the line under it."""
    text = text_of(paper, "tencent")
    blocks = text.split("\n\n")
    assert blocks[:2] == ["省域治理现代化小测", "姓名[单行文本题][必答]"]
    assert blocks[2] == (
        "“深入推进省域治理现代化”研讨会在哪里举行？（\u3000\u3000）[单选题][答案：D][分数：5][全部]\n"
        "华中科技大学\n湖北大学\n武汉大学\n华中师范大学"
    )
    assert blocks[6] == (
        "长春市探索的“三长制”包括（\u3000\u3000）[多选题][答案：A、B、C][分数：6][全部]\n网格长\n单元长\n楼栋长\n小区长"
    )
    assert blocks[7] == (
        "赵显富所说的“三支队伍”建设包括（\u3000\u3000）[多选题][答案：B、C、D][分数：6][全部]\n"
        "组建社区网格员专职队伍\n全面推行城市社区工作者“三化”建设\n"
        "实行城市社区党组织书记事业岗位管理\n壮大社区志愿者服务队伍"
    )
    assert (
        blocks[8]
        == "任剑涛指出，城市治理是国家治理的重要组成部分。（\u3000\u3000）[判断题][答案：A][分数：4][全部]\n对\n错"
    )
    assert blocks[9] == (
        "田毅鹏指出，基层是联防联控、群防群治的最后一道防线。（\u3000\u3000）[判断题][答案：B][分数：4][全部]\n对\n错"
    )
    # the stem's own blank is the paper's bracket: ____ marks an input in 腾讯问卷's text, given on the next line
    assert blocks[11] == "我省出台“（\u3000\u3000）”一揽子政策措施。[多项填空题][答案：1.1+1+11][分数：5][按空]\n____\n"
    assert len(blocks) == 12 and text.endswith("]\n____\n")


def test_tencent_every_line_follows_the_documented_syntax(paper: Paper) -> None:
    """Each block: a question line of stem, type tag, [答案：…], [分数：…] and [全部] (choice and
    true/false) or [按空] (a blank), then its options as plain lines in the paper's order (a blank: the
    line ``____``); answers and scores are the key's."""
    key = paper.key()
    blocks = text_of(paper, "tencent").rstrip("\n").split("\n\n")[2:]
    assert len(blocks) == len(key.items)
    for block, item in zip(blocks, key.items, strict=True):
        first, *options = block.split("\n")
        m = TENCENT_QUESTION.match(first)
        assert m, first
        assert m["stem"] == tencent_stem(item)
        assert float(m["score"]) == item.points
        assert m["rule"] == ("[按空]" if item.type == "fill_blank" else "[全部]")
        if item.type in ("single", "multiple"):
            assert m["tag"] == ("单选题" if item.type == "single" else "多选题")
            assert tuple(options) == item.options
            assert m["answer"].split("、") == list(item.answer)
        elif item.type == "true_false":
            assert (m["tag"], options) == ("判断题", ["对", "错"])
            assert m["answer"] == ("A" if item.answer == ("true",) else "B")
        else:
            assert (m["tag"], options) == ("多项填空题", ["____"])
            assert m["answer"] == f"1.{item.answer[0]}"


def test_tencent_brackets_and_separators_never_read_as_syntax(nasty: Paper, bank: Bank) -> None:
    """ASCII [ ] in bank text become ［ ］: every question line still has exactly its tags, and every stem
    and option keeps its other characters; a blank's 腾讯问卷 answer is its first accepted text without
    the separator 、 (else the first with 、 written ，)."""
    text = text_of(nasty, "tencent")
    assert "谁说“{a} = ~b # c: d\\e”［注］，何时？（\u3000\u3000）[单选题]" in text
    assert re.search(r"^\{辛\} ［壬］, 癸\\$", text, re.M)
    assert "包括［多选］ （\u3000\u3000）[多选题]" in text  # the line break is a space
    assert "[答案：1.1+1+11]" in text
    for block in text.rstrip("\n").split("\n\n")[2:]:
        assert TENCENT_QUESTION.match(block.split("\n")[0]), block
    starred = dataclasses.replace(bank.question("intro-01"), stem="**重点**是（ ）", options=("a**b", "c", "d", "e"))
    (p,) = build_papers(dataclasses.replace(bank, questions=(starred,)), seed=1)
    assert text_of(p, "tencent").split("\n\n")[2].startswith("＊＊重点＊＊是（\u3000\u3000）[单选题]")
    assert "\na＊＊b\n" in text_of(p, "tencent")  # never 腾讯问卷's highlighting
    for answer, written in ((("共建、共治", "共建共治"), "1.共建共治"), (("共建、共治",), "1.共建，共治")):
        blank = dataclasses.replace(bank.question("zhao-02"), answer=answer)
        (p,) = build_papers(dataclasses.replace(bank, questions=(blank,)), seed=1)
        assert f"[答案：{written}][分数：5][按空]" in text_of(p, "tencent")


# -- 问卷星 ----------------------------------------------------------------------------

WJX_QUESTION = re.compile(r"^(?P<number>\d+)\. (?P<title>[^\[\]\n]+)\[(?P<tag>单选题|多选题|判断题|填空题)\]$")


def test_wjx_every_block_follows_the_import_syntax(paper: Paper) -> None:
    """Question 1 asks the name; question n + 1 is the paper's item n: ``N. stem[题型]``, then its options
    one per line in the paper's order (对/错 for a 判断题, none for a 填空题)."""
    key = paper.key()
    blocks = text_of(paper, "wjx").rstrip("\n").split("\n\n")
    assert blocks[0] == "1. 姓名[填空题]"
    tags = {"single": "单选题", "multiple": "多选题", "true_false": "判断题", "fill_blank": "填空题"}
    for block, item in zip(blocks[1:], key.items, strict=True):
        first, *options = block.split("\n")
        m = WJX_QUESTION.match(first)
        assert m, first
        assert (int(m["number"]), m["title"], m["tag"]) == (item.number + 1, item.stem, tags[item.type])
        expected = {"true_false": ("对", "错"), "fill_blank": ()}.get(item.type, item.options)
        assert tuple(options) == expected
    assert blocks[2] == "3. 任剑涛认为，省域治理的重要落点是（\u3000\u3000）[单选题]\n社区\n大都市\n县域\n乡村"


def test_wjx_answers_list_every_key(paper: Paper) -> None:
    """The list to set after importing names each 问卷星 question with its paper number, points and key."""
    lines = render_answers_lines(paper)
    assert lines[0] == "问卷星考试答案设置 · 省域治理现代化小测"
    assert lines[1] == "测验编号：mini-test-7-f77a784c　满分：50分"
    items = [line for line in lines if line.startswith("第")]
    assert items == [
        "第2题[单选题]（试卷第1题，5分）：D. 华中师范大学",
        "第3题[单选题]（试卷第2题，5分）：B. 大都市",
        "第4题[单选题]（试卷第3题，5分）：C. 清华大学社会科学学院教授",
        "第5题[单选题]（试卷第4题，5分）：A. 今年6月",
        "第6题[多选题]（试卷第5题，6分）：A. 网格长；B. 单元长；C. 楼栋长",
        "第7题[多选题]（试卷第6题，6分）：B. 全面推行城市社区工作者“三化”建设；C. 实行城市社区党组织书记事业岗位管理；"
        "D. 壮大社区志愿者服务队伍",
        "第8题[判断题]（试卷第7题，4分）：对",
        "第9题[判断题]（试卷第8题，4分）：错",
        "第10题[填空题]（试卷第9题，5分）：现场会议+云端会议",
        "第11题[填空题]（试卷第10题，5分）：1+1+11；１＋１＋１１",
    ]


def render_answers_lines(paper: Paper) -> list[str]:
    from studykit.render.wjx import render_answers

    return render_answers(paper).splitlines()


def test_wjx_brackets_never_read_as_a_type_tag(nasty: Paper) -> None:
    """A bank's [注] prints as ［注］: each question line ends in its one type tag."""
    for block in text_of(nasty, "wjx").rstrip("\n").split("\n\n"):
        assert WJX_QUESTION.match(block.split("\n")[0]), block
    assert "{辛} ［壬］, 癸\\\n" in text_of(nasty, "wjx")


# -- Moodle GIFT -----------------------------------------------------------------------


def test_gift_reads_back_every_stem_option_and_key(paper: Paper) -> None:
    """Parsed back, the GIFT file gives each item's category, name, stem, options in order, key,
    accepted texts, weights summing to 100 and the 解析 as general feedback."""
    key = paper.key()
    questions = parse_gift(text_of(paper, "gift"))
    assert len(questions) == len(key.items)
    for q, item, printed in zip(questions, key.items, paper.items, strict=True):
        assert q.category == f"$course$/mini-test/{printed.speech.label}"
        assert q.name == f"{item.number:02d} {item.question_id} ({item.points:g}分)"
        assert q.text == item.stem
        assert q.general_feedback.startswith(f"解析：{printed.question.explanation}\n出处：")
        if item.type == "true_false":
            assert (q.kind, q.truth) == ("truefalse", item.answer == ("true",))
            continue
        texts = tuple(a.text for a in q.answers)
        if item.type == "fill_blank":
            assert texts == item.answer and all(a.correct for a in q.answers)
            continue
        assert texts == item.options
        assert tuple(LETTERS[i] for i, a in enumerate(q.answers) if a.correct) == item.answer
        if item.type == "multiple":
            weights = [a.weight for a in q.answers]
            assert sum(w for w in weights if w and w > 0) == pytest.approx(100, abs=1e-4)
            assert [w for w in weights if w is not None and w <= 0] == [-100.0] * (len(weights) - len(item.answer))


def test_gift_escapes_every_special_character(nasty: Paper) -> None:
    """~ = # { } : and \\ in stems, options, answers and feedback are escaped, and read back unchanged."""
    assert gift_escape("a~b=c#d{e}f:g\\h\nI") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nI"
    text = text_of(nasty, "gift")
    questions = {q.text: q for q in parse_gift(text)}
    first = questions[NASTY_STEM.replace("（ ）", "（\u3000\u3000）")]
    assert tuple(a.text for a in first.answers) == next(i.options for i in nasty.items if i.number == 1)
    assert {for_print(o) for o in NASTY_OPTIONS} == {a.text for a in first.answers}  # 己:庚 printed 己：庚
    assert first.general_feedback.startswith("解析：解析 {x} 第二行 <b>&amp;</b>\n出处：")
    blank = next(q for q in questions.values() if q.text.startswith("我省出台"))
    assert [a.text for a in blank.answers] == ["1+1+11", "{1,1,11}", "a=b", "2\\*3"]  # * is no wildcard
    multi = questions["包括[多选] （\u3000\u3000）"]
    assert {a.text for a in multi.answers} == {"a:b", "c#d", "e~f", "g"}


def test_gift_text_is_plain_so_moodle_shows_markup_as_typed(bank: Bank) -> None:
    """Every GIFT question starts ``[plain]``: Moodle reads a question without a format prefix as
    moodle_auto_format (HTML), where ``<b>`` in bank text would turn bold and ``<script>`` vanish;
    the options and feedback take the question's format.  A stem starting ``[html]`` is then text too."""
    q = dataclasses.replace(
        bank.question("intro-01"),
        stem="[html]<script>x</script>在哪里举行？（ ）",
        options=("华中科技大学</p><b>", "华中师范大学", "武汉 & 大学", "湖北大学"),
    )
    (p,) = build_papers(dataclasses.replace(bank, questions=(q,)), seed=1)
    text = text_of(p, "gift")
    assert "::01 intro-01 (5分)::[plain][html]<script>x</script>在哪里举行？（\u3000\u3000）{" in text
    (parsed,) = parse_gift(text)
    assert parsed.text_format == "plain"
    assert parsed.text == "[html]<script>x</script>在哪里举行？（\u3000\u3000）"
    assert sorted(a.text for a in parsed.answers) == sorted(p.items[0].options)
    assert all(question.text_format == "plain" for question in parse_gift(text_of(bank_paper(bank), "gift")))


def test_gift_text_that_looks_like_a_weight_stays_text(bank: Bank) -> None:
    """A wrong option or an accepted blank text starting like ``%5%`` would be read by Moodle as a 5 %
    weight; studykit writes an explicit weight before it (``~%0%``, ``=%100%``), so Moodle reads
    the text whole and the item scores as on the paper."""
    q1 = dataclasses.replace(
        bank.question("intro-01"), options=("%5%的县", "华中师范大学", "%10%以上", "湖北大学"), answer="B"
    )
    q2 = dataclasses.replace(bank.question("zhao-02"), answer=("%20%增长", "二成"))
    (p,) = build_papers(dataclasses.replace(bank, questions=(q1, q2)), seed=1)
    text = text_of(p, "gift")
    assert "\t~%0%%5%的县\n" in text and "\t=%100%%20%增长\n" in text and "\t=二成\n" in text
    by_id = {q.name.split()[1]: q for q in parse_gift(text)}
    choice = by_id["intro-01"]
    assert [(a.text, a.correct) for a in choice.answers] == [
        (o, o == "华中师范大学") for o in next(i.options for i in p.items if i.question.id == "intro-01")
    ]
    assert [(a.text, a.correct) for a in by_id["zhao-02"].answers] == [("%20%增长", True), ("二成", True)]


def bank_paper(bank: Bank) -> Paper:
    (p,) = build_papers(bank, count=10, seed=7)
    return p


def test_moodle_question_names_carry_the_version(bank: Bank) -> None:
    """Versions A and B imported into one Moodle question bank land in the same categories; their
    question names end in the version letter (``01 ren-01 A``, ``01 ren-01 B``) so they can be told
    apart — in GIFT and Moodle XML, whose names are the same (``01 ren-01 A (5分)``); a paper
    without versions keeps ``01 ren-01 (5分)``."""
    papers = build_papers(bank, count=3, seed=7, versions=2)
    for paper in papers:
        gift = parse_gift(text_of(paper, "gift"))
        assert [q.name for q in gift] == [
            f"{item.number:02d} {item.question.id} {paper.version} ({item.points:g}分)" for item in paper.items
        ]
        root = ET.fromstring(render(paper, "moodle-xml"))
        names = [_text(q, "name/text") for q in root if q.get("type") != "category"]
        assert names == [q.name for q in gift]
    (single,) = build_papers(bank, count=3, seed=7)
    assert parse_gift(text_of(single, "gift"))[0].name == f"01 {single.items[0].question.id} (5分)"
    root = ET.fromstring(render(single, "moodle-xml"))
    assert _text(root[1], "name/text") == f"01 {single.items[0].question.id} (5分)"


def test_moodle_categories_of_a_paper_of_several_articles_are_per_article() -> None:
    """A paper drawn from two banks puts each item under its own article's bank id
    (``$course$/mini-test/…``, ``$course$/mini-village/…``) — the categories a separate import of
    each article gives — not under the joined ``mini-test+mini-village``."""
    merged, _ = load_banks([MINI_BANK, MINI2_BANK]).narrow((), ())
    (paper,) = build_papers(merged, seed=1)
    categories = {q.category for q in parse_gift(text_of(paper, "gift"))}
    assert {c.split("/")[1] for c in categories} == {"mini-test", "mini-village"}
    assert "$course$/mini-village/李明 让书香浸润乡村振兴之路" in categories
    root = ET.fromstring(render(paper, "moodle-xml"))
    xml_categories = {_text(q, "category/text") for q in root if q.get("type") == "category"}
    assert xml_categories == categories


def test_gift_refuses_more_correct_options_than_moodle_can_weigh(bank: Bank) -> None:
    """11 correct options: no Moodle grade is 100/11, so the GIFT and XML renderers say so."""
    options = tuple(f"选项{i}" for i in range(12))
    q = dataclasses.replace(bank.question("tian-01"), options=options, answer=tuple(LETTERS[:11]))
    (p,) = build_papers(dataclasses.replace(bank, questions=(q,)), seed=1)
    for fmt in ("gift", "moodle-xml"):
        with pytest.raises(StudykitError) as info:
            render(p, fmt)
        assert info.value.message == (
            "item 1 (tian-01) has 11 correct options; Moodle can share 100% among at most 10 "
            "(use another format for this paper)"
        )


# -- Moodle XML ------------------------------------------------------------------------


def _text(element: ET.Element, path: str) -> str:
    node = element.find(path)
    assert node is not None, path
    return node.text or ""


def test_moodle_xml_has_every_element_moodle_requires(paper: Paper) -> None:
    """Parsed with xml.etree: <quiz> of category and question elements; each question has name,
    questiontext (a known format), generalfeedback, defaultgrade (the key's points), penalty, hidden;
    multichoice its single/shuffleanswers/answernumbering and answers with Moodle grades (positives
    adding up to 100); truefalse a true and a false answer; shortanswer every accepted text."""
    source = text_of(paper, "moodle-xml")
    assert source.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(source.encode("utf-8"))
    assert root.tag == "quiz"
    key = paper.key()
    questions = [q for q in root if q.tag == "question" and q.get("type") != "category"]
    categories = [_text(q, "category/text") for q in root if q.get("type") == "category"]
    assert categories == [
        "$course$/mini-test/导语",
        "$course$/mini-test/任剑涛 大都市是省域治理重要落点",
        "$course$/mini-test/赵显富 社会治理重心在城乡社区",
        "$course$/mini-test/田毅鹏 以网格化推进社会治理精细化",
        "$course$/mini-test/赵显富 社会治理重心在城乡社区",
        "$course$/mini-test/任剑涛 大都市是省域治理重要落点",
        "$course$/mini-test/田毅鹏 以网格化推进社会治理精细化",
        "$course$/mini-test/导语",
        "$course$/mini-test/赵显富 社会治理重心在城乡社区",
    ]
    assert len(questions) == len(key.items)
    expected_type = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse",
                     "fill_blank": "shortanswer"}  # fmt: skip
    for q, item in zip(questions, key.items, strict=True):
        assert q.get("type") == expected_type[item.type]
        assert _text(q, "name/text") == f"{item.number:02d} {item.question_id} ({item.points:g}分)"  # as GIFT's
        text = q.find("questiontext")
        assert text is not None and text.get("format") in TEXT_FORMATS
        assert _text(q, "questiontext/text") == item.stem
        assert _text(q, "generalfeedback/text").startswith("解析：")
        assert float(_text(q, "defaultgrade")) == item.points
        assert (_text(q, "penalty"), _text(q, "hidden")) == ("0", "0")
        answers = q.findall("answer")
        fractions = [float(a.get("fraction", "nan")) for a in answers]
        assert all(any(abs(abs(f) - g) < 0.001 for g in MOODLE_GRADES) for f in fractions), fractions
        texts = tuple(_text(a, "text") for a in answers)
        if item.type in ("single", "multiple"):
            assert _text(q, "single") == ("true" if item.type == "single" else "false")
            assert (_text(q, "shuffleanswers"), _text(q, "answernumbering")) == ("false", "ABCD")
            assert texts == item.options
            assert tuple(LETTERS[i] for i, f in enumerate(fractions) if f > 0) == item.answer
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-4)
            wrong = [f for f in fractions if f <= 0]
            assert wrong == ([0.0] if item.type == "single" else [-100.0]) * (len(fractions) - len(item.answer))
        elif item.type == "true_false":
            assert texts == ("true", "false")
            assert fractions == ([100.0, 0.0] if item.answer == ("true",) else [0.0, 100.0])
        else:
            assert _text(q, "usecase") == "0"
            assert texts == item.answer and fractions == [100.0] * len(item.answer)


def test_moodle_xml_escapes_markup(nasty: Paper) -> None:
    """<, & and quotes in bank text are XML-escaped, and parse back to the very text."""
    root = ET.fromstring(render(nasty, "moodle-xml"))
    feedback = [_text(q, "generalfeedback/text") for q in root if q.get("type") == "multichoice"]
    assert any(f.startswith("解析：解析 {x} 第二行 <b>&amp;</b>\n出处：") for f in feedback)
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;" in render(nasty, "moodle-xml").decode("utf-8")
    (blank,) = [q for q in root if q.get("type") == "shortanswer"]
    assert [_text(a, "text") for a in blank.findall("answer")] == ["1+1+11", "{1,1,11}", "a=b", "2\\*3"]


# -- file names and the command -------------------------------------------------------


@pytest.mark.parametrize(
    ("output", "fmt", "expected"),
    [
        (None, "tencent", (Path("quiz.tencent.txt"), "tencent")),
        (None, "moodle-xml", (Path("quiz.xml"), "moodle-xml")),
        (Path("第一次测验"), "wjx", (Path("第一次测验.wjx.txt"), "wjx")),
        (Path("out/第一次测验.WJX.txt"), None, (Path("out/第一次测验.WJX.txt"), "wjx")),
        (Path("题库.gift"), None, (Path("题库.gift"), "gift")),
        (Path("题库.xml"), "moodle-xml", (Path("题库.xml"), "moodle-xml")),
    ],
)
def test_output_target_knows_the_publish_extensions(
    output: Path | None, fmt: str | None, expected: tuple[Path, str]
) -> None:
    """-o's extension names a publish format (two-part ones too); --format adds its extension."""
    assert output_target(output, fmt, publish=True) == expected


@pytest.mark.parametrize("name", [".gift", ".md", ".wjx.txt", "out/.DOCX", ".tencent.txt"])
def test_an_extension_alone_is_no_file_name(name: str) -> None:
    """-o .gift (an extension with no name before it) is refused asking for a name; it wrote the hidden
    files .gift.md, .gift.key.yaml, … and -o .wjx.txt said .txt was not written, though .wjx.txt is."""
    with pytest.raises(StudykitError) as info:
        output_target(Path(name), None, publish=True)
    ext = Path(name).name
    assert info.value.message == f"output {Path(name)}: give a file name before {ext} (e.g. 测验{ext})"


def test_quiz_with_an_extension_alone_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`studykit quiz -o .gift`: exit 2, the message, no hidden files written."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["quiz", "--bank", str(MINI_BANK), "--seed", "1", "-o", ".gift"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: output .gift: give a file name before .gift (e.g. 测验.gift)\n")
    assert list(tmp_path.iterdir()) == []


def test_handout_names_stay_documents() -> None:
    """Without publish (the handout), .xml is no format it writes: refused, listing the document formats;
    .txt is no publish name either (only .tencent.txt and .wjx.txt are)."""
    with pytest.raises(StudykitError) as info:
        output_target(Path("学习要点.xml"), None)
    assert info.value.message == (
        "output 学习要点.xml: studykit does not write .xml files (supported: .md, .markdown, .html, .htm, .docx)"
    )
    with pytest.raises(StudykitError) as info:
        output_target(Path("说明.txt"), None, publish=True)
    assert info.value.message.startswith("output 说明.txt: studykit does not write .txt files (supported: .md,")


def test_output_and_format_must_agree() -> None:
    """-o quiz.xml with --format gift is refused, naming both."""
    with pytest.raises(StudykitError) as info:
        output_target(Path("quiz.xml"), "gift", publish=True)
    assert info.value.message == "output quiz.xml is a moodle-xml name (.xml) but --format is gift (make them agree)"


def test_quiz_command_writes_the_import_file_and_its_key(tmp_path: Path) -> None:
    """quiz --format wjx writes the import text, the answers to set and the key — the Markdown paper's key."""
    run = CliRunner().invoke
    args = ["quiz", "--bank", str(MINI_BANK), "--count", "10", "--seed", "7"]
    result = run(main, [*args, "--format", "wjx", "-o", str(tmp_path / "测验")])
    assert result.exit_code == 0, result.output
    names = ["测验.wjx.txt", "测验.wjx-answers.txt", "测验.key.yaml"]
    assert result.stdout.splitlines() == [
        "quiz mini-test-7-f77a784c: 10 questions, 50 points",
        "wrote " + ", ".join(str(tmp_path / n) for n in names),
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    assert (tmp_path / "测验.key.yaml").read_bytes() == (GOLDEN / "mini-seed7.key.yaml").read_bytes()
    bad = run(main, [*args, "--format", "gift", "-o", str(tmp_path / "x.xml")])
    assert bad.exit_code == 2
    assert "is a moodle-xml name (.xml) but --format is gift (make them agree)" in bad.output


def test_versions_get_one_import_file_and_key_each(tmp_path: Path) -> None:
    """--versions 2 -o 测验.tencent.txt: 测验-A.tencent.txt and 测验-B.tencent.txt, each with the options
    in its own order and its own key."""
    result = CliRunner().invoke(
        main,
        ["quiz", "--bank", str(MINI_BANK), "--count", "10", "--seed", "7", "--versions", "2",
         "-o", str(tmp_path / "测验.tencent.txt")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"测验-{v}{s}" for v in "AB" for s in (".tencent.txt", ".key.yaml")
    )
    choices: dict[str, list[str]] = {}
    for v in "AB":
        key = load_key(tmp_path / f"测验-{v}.key.yaml")
        text = (tmp_path / f"测验-{v}.tencent.txt").read_text(encoding="utf-8")
        assert text.startswith(f"省域治理现代化小测（{v}卷）\n\n姓名[单行文本题][必答]\n\n")
        answers = re.findall(r"\[答案：([A-Z、]+)\]", text)  # the choice and true/false items (对 is A)
        assert [i.type for i in key.items].count("fill_blank") == 2 and len(answers) == 8
        assert answers == [
            "、".join(i.answer) if i.type != "true_false" else "AB"[i.answer != ("true",)]
            for i in key.items
            if i.type != "fill_blank"
        ]
        choices[v] = answers[:6]  # the four single and two multiple choice items
    assert choices == {"A": ["C", "D", "A", "B", "A、B、C", "B、C、D"], "B": ["D", "A", "C", "B", "A、C、D", "A、C、D"]}


# -- the shipped bank's default paper ---------------------------------------------------


@pytest.mark.parametrize("fmt", list(PUBLISH_FORMATS))
def test_default_paper_of_the_shipped_bank_in_every_format(fmt: str) -> None:
    """The shipped bank's default paper (20 items, versions A and B) in each format: every question
    reads back — by the documented line syntax (腾讯问卷, 问卷星), the GIFT reader or the XML parser —
    with the stem and key of its version."""
    from skpaths import SHIPPED_BANK

    for paper in build_papers(load_bank(SHIPPED_BANK), seed=2024, versions=2):
        key = paper.key()
        text = text_of(paper, fmt)
        if fmt in ("tencent", "wjx"):
            pattern = TENCENT_QUESTION if fmt == "tencent" else WJX_QUESTION
            blocks = text.rstrip("\n").split("\n\n")[2 if fmt == "tencent" else 1 :]
            found = [pattern.match(block.split("\n")[0]) for block in blocks]
            stems = [tencent_stem(i) if fmt == "tencent" else i.stem for i in key.items]
            assert [m["stem" if fmt == "tencent" else "title"] for m in found if m] == stems
        elif fmt == "gift":
            questions = parse_gift(text)
            assert [q.text for q in questions] == [i.stem for i in key.items]
            chosen = [tuple(LETTERS[n] for n, a in enumerate(q.answers) if a.correct) for q in questions]
            assert [c for c, i in zip(chosen, key.items, strict=True) if i.type in ("single", "multiple")] == [
                i.answer for i in key.items if i.type in ("single", "multiple")
            ]
        else:
            root = ET.fromstring(text.encode("utf-8"))
            stems = [_text(q, "questiontext/text") for q in root if q.get("type") != "category"]
            assert stems == [i.stem for i in key.items]
        assert len(key.items) == 20
