"""studykit draft, reading and splitting: each layout on a small made-up article, and the seed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from skpaths import DATA, ROOT
from studykit.draft.furniture import drop_furniture, is_furniture
from studykit.draft.names import name_slug, text_slug
from studykit.draft.reading import read_article
from studykit.draft.split import Part, split_article
from studykit.errors import DraftError

DRAFT = DATA / "draft"
SEED = ROOT.parent / "shared" / "seed" / "000_f97e59c8b30fcc71.txt"
#: The first two speeches of the seed, as printed (layout 1), with its furniture at the end.
SEED_EXCERPT = (
    "党员生活\n\n全方位多层次深入推进省域治理现代化\n\n推进省域治理现代化,是立足省域坚持和完善中国特色社会主义制度、"
    "推进国家治理体系和治理能力现代化的实践要求。本版现摘编刊发部分与会专家发言。\n\n"
    "大都市是省域治理重要落点\n\n任剑涛 清华大学社会科学学院教授\n\n"
    "资源中心、文教重镇、科技硬核、辐射之源等都是现代大都市的鲜明特点。\n\n"
    "以网格化推进社会治理精细化\n\n田毅鹏 吉林大学哲学社会学院院长、教授\n\n"
    "基层是联防联控、群防群治的第一线,也是社会治理的第一线。(文字整理/湖北日报全媒记者 周磊)\n\n"
    "精彩推荐\n\n下载安装手机客户端"
)


def _parts(name: str) -> list[Part]:
    return list(split_article(read_article(DRAFT / name).text).parts)


def test_layout_1_heading_then_byline_then_paragraphs() -> None:
    """Heading line, '姓名 职务' line, paragraphs: intro + one part per speaker, furniture dropped."""
    split = split_article(read_article(DRAFT / "layout1.txt").text)
    assert (split.layout, split.title, split.dropped) == (1, "凝心聚力推进乡村振兴", ("精彩推荐", "下载安装手机客户端"))
    assert list(split.parts) == [
        Part("intro", "凝心聚力推进乡村振兴",
             "学习园地\n\n凝心聚力推进乡村振兴\n\n11月5日，“乡村振兴大家谈”座谈会在县委党校举行。本版摘编部分发言。\n"),
        Part("li-minghua", "产业兴旺是重点",
             "产业兴旺是重点\n\n李明华 青山县委书记\n\n产业兴旺是乡村振兴的重点。我县坚持“一村一品”，发展茶叶、柑橘、蔬菜等特色产业。\n",
             "李明华", "青山县委书记"),
        Part("ouyang-hong", "生态宜居是关键",
             "生态宜居是关键\n\n欧阳红 绿水乡党委副书记、乡长\n\n生态宜居是乡村振兴的关键。一是整治人居环境，二是保护青山绿水。\n",
             "欧阳红", "绿水乡党委副书记、乡长"),
    ]  # fmt: skip


def test_layout_2_post_and_name_colon_then_heading() -> None:
    """'职务姓名：' line, heading, paragraphs, '（本报记者 …采访整理）' kept; CRLF read as LF; 责任编辑 dropped."""
    split = split_article(read_article(DRAFT / "layout2.txt").text)
    assert (split.layout, split.title, split.dropped) == (2, "代表之声", ("责任编辑：周阳",))
    assert list(split.parts) == [
        Part("intro", "代表之声", "代表之声\n"),
        Part("zhang-xiaohong", "让村民过上好日子",
             "全国人大代表、石桥村党支部书记张小红：\n让村民过上好日子\n过去五年，村里修了3条路。我们要让村民过上好日子。\n"
             "（本报记者 王立采访整理）\n", "张小红", "全国人大代表、石桥村党支部书记"),
        Part("liu-dawei", "办好人民满意的教育",
             "全国人大代表、江城市第一中学校长刘大伟：\n办好人民满意的教育\n教育是国之大计、党之大计。\n（本报记者 赵敏采访整理）\n",
             "刘大伟", "全国人大代表、江城市第一中学校长"),
    ]  # fmt: skip


def test_layout_3_one_author_numbered_subheadings() -> None:
    """One author under '一、…' subheadings: intro (title, byline, lead) and part-1, part-2, each
    named by the article's title line (stems say 《扎实推进基层治理现代化》一文指出)."""
    split = split_article(read_article(DRAFT / "layout3.txt").text)
    assert (split.layout, split.title, split.dropped) == (3, "扎实推进基层治理现代化", ("扫码关注我们",))
    title = "扎实推进基层治理现代化"
    assert list(split.parts) == [
        Part("intro", title, "扎实推进基层治理现代化\n王建国\n基层治理是国家治理的基石。\n", article=title),
        Part("part-1", "一、坚持党建引领", "一、坚持党建引领\n党建引领是基层治理的根本。要把党的领导贯穿基层治理全过程。\n",
             article=title),
        Part("part-2", "二、夯实基层基础", "二、夯实基层基础\n要健全网格、队伍、平台等基础。\n", article=title),
    ]  # fmt: skip


def test_layout_3_short_heading_lines_and_parenthesised_numbers() -> None:
    """Without 一、: （一） subheadings, else short lines without end punctuation between paragraphs."""
    paren = "标题\n导语。\n（一）第一部分\n甲。\n（二）第二部分\n乙。\n"
    assert [(p.id, p.heading) for p in split_article(paren).parts] == [
        ("intro", "标题"), ("part-1", "（一）第一部分"), ("part-2", "（二）第二部分"),
    ]  # fmt: skip
    plain = "大标题\n\n导语一段。\n\n守正创新\n\n第一段。\n\n担当作为\n\n第二段。\n"
    split = split_article(plain)
    assert split.layout == 3
    assert [(p.id, p.heading, p.text) for p in split.parts] == [
        ("intro", "大标题", "大标题\n\n导语一段。\n"),
        ("part-1", "守正创新", "守正创新\n\n第一段。\n"),
        ("part-2", "担当作为", "担当作为\n\n第二段。\n"),
    ]


def test_layout_4_none_is_one_part() -> None:
    """No structure: one part, every character kept (leading spaces too), heading its first phrase."""
    split = split_article(read_article(DRAFT / "layout4.txt").text)
    assert (split.layout, split.title) == (4, "学习贯彻全会精神的几点体会")
    assert list(split.parts) == [
        Part("part-1", "学习贯彻全会精神的几点体会",
             "   学习贯彻全会精神的几点体会。全会审议通过了重要文件。\n我们要认真学习、深刻领会、抓好落实。\n"),
    ]  # fmt: skip


def test_a_sentence_introducing_a_quote_is_not_a_layout_2_byline() -> None:
    """'习近平总书记指出：' before a short line is a saying, not post + name."""
    assert split_article("题目\n习近平总书记指出：\n江山就是人民\n正文。\n").layout == 4


def test_seed_excerpt_layout_1_reproduces_the_shipped_split() -> None:
    """The seed's shape (an excerpt, always run): intro with section line, speeches, furniture dropped."""
    split = split_article(SEED_EXCERPT)
    assert split.dropped == ("精彩推荐", "下载安装手机客户端")
    assert [(p.id, p.speaker, p.position, p.heading) for p in split.parts] == [
        ("intro", "", "", "全方位多层次深入推进省域治理现代化"),
        ("ren-jiantao", "任剑涛", "清华大学社会科学学院教授", "大都市是省域治理重要落点"),
        ("tian-yipeng", "田毅鹏", "吉林大学哲学社会学院院长、教授", "以网格化推进社会治理精细化"),
    ]
    assert split.parts[2].text.endswith("(文字整理/湖北日报全媒记者 周磊)\n")
    assert (
        "\n\n".join(p.text.removesuffix("\n") for p in split.parts) + "\n\n精彩推荐\n\n下载安装手机客户端"
        == SEED_EXCERPT
    )


@pytest.mark.skipif(not SEED.exists(), reason="original seed file not beside the repository")
def test_seed_reproduces_the_shipped_banks_nine_parts() -> None:
    """On the seed, the 9 parts equal the shipped bank's speeches and material/ files exactly."""
    split = split_article(read_article(SEED).text)
    speeches = yaml.safe_load((ROOT / "question_bank.yaml").read_text(encoding="utf-8"))["speeches"]
    assert [(p.id, p.speaker, p.position, p.heading) for p in split.parts] == [
        (s["id"], s.get("speaker", ""), s.get("position", ""), s["heading"]) for s in speeches
    ]
    assert [p.text for p in split.parts] == [(ROOT / s["material"]).read_text(encoding="utf-8") for s in speeches]
    assert split.dropped == ("精彩推荐", "下载安装手机客户端")


def test_gbk_text_is_read_as_gbk(tmp_path: Path) -> None:
    """A GBK file (Excel/Notepad on Chinese Windows) is decoded by its encoding, checked strictly."""
    path = tmp_path / "文章.txt"
    path.write_bytes((DRAFT / "layout1.txt").read_text(encoding="utf-8").encode("gbk"))
    article = read_article(path)
    assert article.encoding in ("gb18030", "gbk", "gb2312")
    assert article.text == (DRAFT / "layout1.txt").read_text(encoding="utf-8")


def test_docx_paragraphs_become_lines(tmp_path: Path) -> None:
    """A .docx forwarded by the upper-level committee: its paragraphs, a blank line between."""
    from docx import Document

    document = Document()
    for text in ("凝心聚力推进乡村振兴", "", "产业兴旺是重点", "李明华 青山县委书记", "产业兴旺是乡村振兴的重点。",
                 "生态宜居是关键", "欧阳红 绿水乡党委副书记、乡长", "生态宜居是乡村振兴的关键。"):  # fmt: skip
        document.add_paragraph(text)
    path = tmp_path / "文章.docx"
    document.save(str(path))
    article = read_article(path)
    assert article.encoding == "docx"
    assert article.text.startswith("凝心聚力推进乡村振兴\n\n产业兴旺是重点\n\n李明华 青山县委书记\n\n")
    assert [p.id for p in split_article(article.text).parts] == ["intro", "li-minghua", "ouyang-hong"]


def test_unreadable_articles_are_clear_errors(tmp_path: Path) -> None:
    """A missing file, an empty one, a .docx that is not one, bytes in no known encoding: one line each."""
    with pytest.raises(DraftError, match=r"no such file"):
        read_article(tmp_path / "none.txt")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    with pytest.raises(DraftError, match=r"empty\.txt: the article is empty"):
        read_article(tmp_path / "empty.txt")
    (tmp_path / "fake.docx").write_bytes(b"not a zip")
    with pytest.raises(DraftError, match=r"fake\.docx: not a Word \.docx document"):
        read_article(tmp_path / "fake.docx")
    buf = io.BytesIO(bytes(range(128, 256)) * 4)
    (tmp_path / "binary.txt").write_bytes(buf.getvalue())
    with pytest.raises(DraftError, match=r"cannot tell the text encoding"):
        read_article(tmp_path / "binary.txt")


def test_a_control_character_is_named_with_its_line(tmp_path: Path) -> None:
    """A pasted control character stops the draft with the file and line, before anything is written."""
    (tmp_path / "a.txt").write_text("标题\n正文\x01。\n", encoding="utf-8")
    with pytest.raises(DraftError) as caught:
        read_article(tmp_path / "a.txt")
    assert (
        caught.value.message
        == f"{tmp_path / 'a.txt'}:2: contains the control character U+0001 (delete it; often a paste)"
    )


def test_furniture_lines() -> None:
    """Whole furniture lines go (with the blank line after each); a paragraph starting alike stays."""
    assert is_furniture("精彩推荐") and is_furniture("责任编辑：张三") and is_furniture("  扫码下载客户端")
    assert not is_furniture("点击量不是衡量工作的标准，" + "实" * 40 + "。")
    assert drop_furniture(["甲。", "", "分享到：", "", "乙。"]) == (["甲。", "", "乙。"], ["分享到："])


def test_ids_are_pinyin_of_the_speaker() -> None:
    """Surname apart from the given name; compound and heteronym surnames read as surnames."""
    assert [name_slug(n) for n in ("任剑涛", "欧阳康", "曾国华", "单立新", "吕红")] == [
        "ren-jiantao", "ouyang-kang", "zeng-guohua", "shan-lixin", "lv-hong",
    ]  # fmt: skip
    assert text_slug("2026年11月 学习") == "2026-n-11-yxx"


def test_padded_two_character_names_and_long_posts_are_found() -> None:
    """'王　刚　职务' (a name padded to three characters) and a long deputy's post with a compound surname."""
    padded = "版面\n\n标题甲\n\n王　刚　某县委书记\n\n正文一。\n\n标题乙\n\n李小红 某乡乡长\n\n正文二。\n"
    assert [(p.id, p.speaker, p.position) for p in split_article(padded).parts] == [
        ("intro", "", ""), ("wang-gang", "王　刚", "某县委书记"), ("li-xiaohong", "李小红", "某乡乡长"),
    ]  # fmt: skip
    long_post = (
        "代表之声\n全国人大代表、湖北省某某市某某区某某镇某某村党委书记、村委会主任欧阳小明：\n让日子红火\n正文。\n"
        "全国政协委员、某大学教授刘明：\n科技创新\n正文。\n"
    )
    assert [(p.id, p.speaker, p.position) for p in split_article(long_post).parts] == [
        ("intro", "", ""),
        ("ouyang-xiaoming", "欧阳小明", "全国人大代表、湖北省某某市某某区某某镇某某村党委书记、村委会主任"),
        ("liu-ming", "刘明", "全国政协委员、某大学教授"),
    ]
