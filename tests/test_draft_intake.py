"""studykit draft on what a secretary is actually sent: files that are not a text article, a whole
collection instead of one article, and long or repetitive articles drafted in reasonable time."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from skpaths import DATA
from studykit.cli import main
from studykit.draft import draft_bank, read_article
from studykit.draft.candidates import lists
from studykit.draft.reading import MAX_ARTICLE_CHARS
from studykit.errors import DraftError

DRAFT = DATA / "draft"


@pytest.mark.parametrize(
    ("name", "raw", "what"),
    [
        (
            "材料.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
            "an old Word .doc or WPS file (expected .docx or .txt: open it in Word or WPS and save it as .docx)",
        ),
        (
            "材料.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            "a PDF (expected .docx or .txt: copy the article's text into a .txt file)",
        ),
        (
            "材料.txt",
            b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}",
            "an RTF file (expected .docx or .txt: open it in Word or WPS and save it as .docx)",
        ),
        (
            "材料.html",
            "\ufeff<!DOCTYPE html>\n<html><body><p>产业兴旺是乡村振兴的重点。</p></body></html>".encode(),
            "a web page, HTML (expected .docx or .txt: copy the article's text into a .txt file)",
        ),
    ],
)
def test_a_file_of_another_format_is_named_not_misread(tmp_path: Path, name: str, raw: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(DraftError) as caught:
        read_article(path)
    assert str(caught.value) == f"{path}: this is {what}"


def test_a_text_mentioning_html_is_still_an_article(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("<html>标签的用法\n产业兴旺是乡村振兴的重点。\n", encoding="utf-8")
    with pytest.raises(DraftError, match="web page"):
        read_article(path)  # a line starting <html> is a page's first line, whatever follows
    path.write_text("网页以 <html> 开头。\n产业兴旺是乡村振兴的重点。\n", encoding="utf-8")
    assert read_article(path).text.startswith("网页以 <html>")


def test_an_article_over_the_limit_is_refused_in_characters_and_in_bytes(tmp_path: Path) -> None:
    gbk = tmp_path / "合订本.txt"  # GBK: 2 bytes a character, under the byte guard, over the character limit
    gbk.write_bytes(("产业兴旺是乡村振兴的重点。" * 7693 + "完").encode("gbk"))
    assert len("产业兴旺是乡村振兴的重点。" * 7693 + "完") == MAX_ARTICLE_CHARS + 10
    with pytest.raises(DraftError) as caught:
        read_article(gbk)
    assert str(caught.value) == (
        f"{gbk}: 100,010 characters is more than one article "
        "(expected at most 100,000: draft each article of the file on its own)"
    )
    huge = tmp_path / "huge.txt"
    huge.write_bytes(("重点。" * 1_000_000).encode("utf-8"))
    result = CliRunner().invoke(main, ["draft", str(huge), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {huge}: 9,000,000 bytes is more than one article "
        "(expected at most 100,000 characters: draft each article of the file on its own)\n"
    )
    assert not (tmp_path / "out").exists()


def test_an_article_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "长文.txt"
    path.write_text("产" * MAX_ARTICLE_CHARS, encoding="utf-8")
    assert len(read_article(path).text) == MAX_ARTICLE_CHARS


def test_distractors_of_a_repetitive_one_line_article_are_searched_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long article on one line (one part) once took minutes: every list tried every member of
    every other list against the whole part.  Members are now tried once each and only until the
    options are full, so the number of searches grows with the lists, not with their square."""
    text = (
        "以高质量党建引领高质量发展。要增强“四个意识”、坚定“四个自信”、做到“两个维护”。"
        "严格落实“三会一课”、组织生活会、民主评议党员等制度。"
        "大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部。"
        "把考核结果作为干部选拔任用、评先奖优、问责追责的重要依据。"
    )
    calls = 0
    real = lists._said_nearby

    def counting(*args: str) -> bool:
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(lists, "_said_nearby", counting)
    counts = []
    for copies in (5, 20):
        path = tmp_path / f"x{copies}.txt"
        path.write_text(text * copies, encoding="utf-8")
        calls = 0
        result = CliRunner().invoke(main, ["draft", str(path), "-o", str(tmp_path / f"out{copies}")])
        assert result.exit_code == 0, result.output
        counts.append(calls)
    assert counts[1] <= 4 * counts[0] + 40  # linear: four times the article, about four times the searches


WECHAT = (
    "某某组工 2026-11-20 08:30 发表于湖北\n"
    "点击上方蓝字关注我们\n"
    "“四下基层”：新时代党的群众路线的生动实践\n"
    "“四下基层”是习近平同志在福建宁德工作期间大力倡导并身体力行的工作制度。\n"
    "党员干部要真正做到问需于民、问计于民、问效于民。\n"
    "今年以来，全市共组织1.3万名党员干部下沉一线，开展调查研究2100余次。\n"
    "责任编辑：王小明\n"
    "阅读原文\n"
    "扫码关注我们\n"
    "点赞\n"
    "在看\n"
)


def test_a_wechat_copy_in_gbk_with_crlf_drops_the_dateline_and_keeps_the_title(tmp_path: Path) -> None:
    """WeChat prints account, date and province above the title; that line is furniture, so the
    title becomes the part's heading and the bank's title (it once was '某某组工 2026-11-20 …')."""
    article = tmp_path / "公众号.txt"
    article.write_bytes(WECHAT.replace("\n", "\r\n").encode("gbk"))
    result = CliRunner().invoke(main, ["draft", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    # 1.3万 is asked since round 7 (1.2万, 1.4万 …: 2 drafts more)
    assert result.output.splitlines()[:2] == [
        f"{out / 'question_bank.yaml'}: 1 part (layout: one part), 5 drafts to review",
        "  part-1: “四下基层”：新时代党的群众路线的生动实践 — 5",
    ]  # not the fill-in “____”是… keyed 四下基层: the stem's 《“四下基层”：…》一文 printed its key
    assert (out / "material" / "00-part-1.txt").read_text(encoding="utf-8") == (
        "“四下基层”：新时代党的群众路线的生动实践\n"
        "“四下基层”是习近平同志在福建宁德工作期间大力倡导并身体力行的工作制度。\n"
        "党员干部要真正做到问需于民、问计于民、问效于民。\n"
        "今年以来，全市共组织1.3万名党员干部下沉一线，开展调查研究2100余次。\n"
    )
    sources = yaml.safe_load((out / "material" / "sources.yaml").read_text(encoding="utf-8"))
    assert sources["title"] == "“四下基层”：新时代党的群众路线的生动实践"
    assert sources["dropped_lines"] == [
        "某某组工 2026-11-20 08:30 发表于湖北",
        "点击上方蓝字关注我们",
        "责任编辑：王小明",
        "阅读原文",
        "扫码关注我们",
        "点赞",
        "在看",
    ]


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("某某组工 2026-11-20 08:30 发表于湖北", True),
        ("原创 学习强国 2026-11-20", True),
        ("2026-11-20 08:30", True),
        ("2026年11月20日，全市召开党建工作会议 2026-11-20", False),
        ("会议于2026-11-20召开。", False),
    ],
)
def test_the_wechat_dateline_is_furniture_only_as_a_whole_line(line: str, furniture: bool) -> None:
    from studykit.draft.furniture import is_furniture

    assert is_furniture(line) is furniture


def test_a_quoted_first_member_is_cut_whole_never_inside_its_quotation_marks(tmp_path: Path) -> None:
    """严格落实“三会一课”、组织生活会、…: the first member is “三会一课” (it was 三会一课” with the
    stem 严格落实“（ ）, an option and a stem with unbalanced quotation marks).  等三项 counts the members:
    the list is closed, so it gives a multiple."""
    article = tmp_path / "党建.txt"
    article.write_text(
        "以高质量党建引领高质量发展\n\n"
        "严格落实“三会一课”、组织生活会、民主评议党员等三项制度，推动党员当先锋、作表率。\n"
        "大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部。\n",
        encoding="utf-8",
    )
    draft_bank(article, tmp_path / "out")
    bank = yaml.safe_load((tmp_path / "out" / "question_bank.yaml").read_text(encoding="utf-8"))
    (item,) = [q for q in bank["questions"] if q["type"] == "multiple" and "三会一课" in q["source"]]
    assert item["stem"] == "《以高质量党建引领高质量发展》一文指出，严格落实（ ）等三项制度，推动党员当先锋、作表率"
    assert sorted(item["options"]) == sorted(["“三会一课”", "组织生活会", "民主评议党员", "敢于负责", "勇于担当"])
    assert sorted(item["options"][ord(c) - 65] for c in item["answer"]) == sorted(
        ["“三会一课”", "组织生活会", "民主评议党员"]
    )
    for q in bank["questions"]:
        for text in [q["stem"], *q.get("options", [])]:
            assert text.count("“") == text.count("”"), text


def test_a_points_number_and_the_editors_note_label_are_not_in_stems(tmp_path: Path) -> None:
    """（一）一体推进（ ） read as two blanks; 导语指出，编者按：… is not Chinese. Sources keep them."""
    article = tmp_path / "反腐.txt"
    article.write_text(
        "驰而不息正风肃纪反腐\n\n"
        "编者按：连日来，代表们认真审议报告，结合各自岗位谈体会、话发展、提建议。\n\n"
        "一、坚持正风肃纪\n"
        "（一）锲而不舍落实中央八项规定精神。作风建设永远在路上。\n"
        "（二）一体推进不敢腐、不能腐、不想腐。\n",
        encoding="utf-8",
    )
    draft_bank(article, tmp_path / "out")
    bank = yaml.safe_load((tmp_path / "out" / "question_bank.yaml").read_text(encoding="utf-8"))
    TITLE = "《驰而不息正风肃纪反腐》一文指出，"  # the article named: a paper may mix articles
    stems = {q["stem"]: q["source"] for q in bank["questions"]}
    assert stems[TITLE + "锲而不舍落实中央（ ）规定精神"] == "（一）锲而不舍落实中央八项规定精神。"
    assert stems[TITLE + "一体推进不敢腐、____、不想腐。"] == "（二）一体推进不敢腐、不能腐、不想腐。"
    assert stems[TITLE + "连日来，代表们认真审议报告，结合各自岗位谈体会、____、提建议。"] == (
        "编者按：连日来，代表们认真审议报告，结合各自岗位谈体会、话发展、提建议。"
    )
    assert not [s for s in stems if "（一）" in s or "（二）" in s or "编者按" in s]


def test_handout_from_a_report_of_a_paper_with_drafts_covers_them(tmp_path: Path) -> None:
    """A paper made with --include-drafts is graded as usual; the handout of what the branch got
    wrong then covers those questions (it once warned 'question … is not in the bank; left out'
    for each of them, though they were, and wrote an empty handout)."""
    runner = CliRunner()
    article = tmp_path / "材料.txt"
    article.write_text(
        "以高质量党建引领高质量发展\n\n"
        "严格落实“三会一课”、组织生活会、民主评议党员等三项制度，推动党员当先锋、作表率。\n"
        "大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部。\n"
        "全市共有基层党组织4862个，党员9.7万名。\n",
        encoding="utf-8",
    )
    bank = str(tmp_path / "out" / "question_bank.yaml")
    assert runner.invoke(main, ["draft", str(article), "-o", str(tmp_path / "out")]).exit_code == 0
    paper = tmp_path / "测验.md"
    made = runner.invoke(
        main, ["quiz", "--bank", bank, "--include-drafts", "--count", "3", "--seed", "1", "-o", str(paper)]
    )
    assert made.exit_code == 0, made.output
    sheet = tmp_path / "测验.answers.txt"  # the blank sheet: every answer wrong
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("姓名：", "姓名：张三"), encoding="utf-8")
    report = tmp_path / "成绩.json"
    graded = runner.invoke(main, ["grade", str(sheet), "--key", str(tmp_path / "测验.key.yaml"), "-o", str(report)])
    assert graded.exit_code == 0, graded.output
    handout = tmp_path / "复习.md"
    result = runner.invoke(main, ["handout", "--bank", bank, "--from-report", str(report), "-o", str(handout)])
    assert result.exit_code == 0, result.output
    assert "not in the bank" not in result.output
    assert result.output.splitlines()[-1] == f"wrote {handout}: 1 part, 3 facts"


def test_single_choice_keys_of_a_draft_are_spread_so_check_does_not_warn(tmp_path: Path) -> None:
    """A plain article's nine single choices once had A as the key of four (44 %): the bank draft
    wrote drew check's warning at once. Options are now rotated, order kept, to spread the keys."""
    draft_bank(DRAFT / "plain_integral.txt", tmp_path / "out")
    bank = yaml.safe_load((tmp_path / "out" / "question_bank.yaml").read_text(encoding="utf-8"))
    singles = [q for q in bank["questions"] if q["type"] == "single"]
    assert sorted(Counter(q["answer"] for q in singles).items()) == [("A", 3), ("B", 2), ("C", 2), ("D", 2)]
    for q in singles:  # each key still the text the source says
        assert q["options"][ord(q["answer"]) - 65].strip("“”") in q["source"]
    result = CliRunner().invoke(main, ["check", "--bank", str(tmp_path / "out" / "question_bank.yaml")])
    assert result.exit_code == 0
    assert "single-choice items" not in result.output


def test_balance_keys_leaves_spread_keys_alone_and_rotates_a_crowded_letter() -> None:
    from studykit.draft.candidates import Draft, balance_keys

    def single(answer: str, options: tuple[str, ...]) -> Draft:
        return Draft("p", "single", "X是（ ）", (answer,), "见", "X是甲。", "judgements", options)

    spread = [single(k, ("甲", "乙", "丙", "丁")) for k in "ABCDA"]
    assert balance_keys(spread) == spread
    crowded = [single("A", ("甲", "乙", "丙", "丁")) for _ in range(5)]
    turned = balance_keys(crowded)
    assert [d.answer for d in turned] == [("A",), ("B",), ("C",), ("D",), ("A",)]
    assert [d.options for d in turned][:2] == [("甲", "乙", "丙", "丁"), ("丁", "甲", "乙", "丙")]


def test_a_judgement_someone_else_states_keeps_who_states_it(tmp_path: Path) -> None:
    """报告指出，X是Y: the statement was 欧阳建国指出，X是Y (the report's words put in the
    deputy's mouth); 有关负责人介绍，X是Y became 文章指出，X是Y. The speaker's own 我认为 is his."""
    article = tmp_path / "代表之声.txt"
    article.write_text(
        "代表热议政府工作报告\n\n"
        "省人大代表、东风汽车集团有限公司技术中心首席专家欧阳建国：\n"
        "以科技创新引领产业升级\n"
        "报告指出，科技创新是发展新质生产力的核心要素。我认为，人才是创新的第一资源。\n"
        "（本报记者 陈静采访整理）\n\n"
        "省人大代表、宜昌市夷陵区小溪塔街道社区卫生服务中心主任刘芳：\n"
        "把健康服务送到群众家门口\n"
        "有关负责人介绍，家庭医生是群众健康的守门人。基层医疗卫生机构是守护群众健康的第一道防线。\n"
        "（本报记者 赵磊采访整理）\n",
        encoding="utf-8",
    )
    draft_bank(article, tmp_path / "out")
    bank = yaml.safe_load((tmp_path / "out" / "question_bank.yaml").read_text(encoding="utf-8"))
    statements = {q["stem"] for q in bank["questions"] if q["type"] == "true_false" and q["answer"] is True}
    assert "欧阳建国指出，报告指出，科技创新是发展新质生产力的核心要素。" in statements
    assert "欧阳建国指出，人才是创新的第一资源。" in statements
    assert "刘芳指出，有关负责人介绍，家庭医生是群众健康的守门人。" in statements
    assert "欧阳建国指出，科技创新是发展新质生产力的核心要素。" not in statements
    assert "刘芳指出，家庭医生是群众健康的守门人。" not in statements


def test_handout_states_a_list_in_the_articles_order_not_the_letters(tmp_path: Path) -> None:
    """A drafted multiple's correct options are spread over the letters; its handout statement
    read 大力发展农产品加工、乡村旅游、特色种植等产业, which the article never says.  (The copy counts
    its three: a list closed by 等 alone is open and gives no multiple.)"""
    runner = CliRunner()
    article = tmp_path / "daibiao.txt"
    text = (DRAFT / "daibiao.txt").read_text(encoding="utf-8")
    article.write_text(text.replace("乡村旅游等产业", "乡村旅游等三大产业"), encoding="utf-8")
    assert runner.invoke(main, ["draft", str(article), "-o", str(tmp_path / "out")]).exit_code == 0
    bank = tmp_path / "out" / "question_bank.yaml"
    items = yaml.safe_load(bank.read_text(encoding="utf-8"))["questions"]
    (item,) = [q for q in items if q["type"] == "multiple" and "特色种植" in q["source"]]
    assert [item["options"][ord(c) - 65] for c in item["answer"]] == ["农产品加工", "乡村旅游", "特色种植"]
    handout = tmp_path / "要点.md"
    result = runner.invoke(main, ["handout", "--bank", str(bank), "--include-drafts", "-o", str(handout)])
    assert result.exit_code == 0, result.output
    text = handout.read_text(encoding="utf-8")
    assert "大力发展特色种植、农产品加工、乡村旅游等三大产业，推动一二三产业融合发展。”\\\n原文" in text  # as said
    assert "农产品加工、乡村旅游、特色种植" not in text


def test_an_output_folder_under_a_file_names_the_file(tmp_path: Path) -> None:
    """-o 材料.txt/十一月: mkdir's own words were 'File exists', about a folder that does not."""
    (tmp_path / "材料.txt").write_text("产业兴旺是乡村振兴的重点。", encoding="utf-8")
    out = tmp_path / "材料.txt" / "十一月"
    result = CliRunner().invoke(main, ["draft", str(DRAFT / "daibiao.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: cannot write {out}: {tmp_path / '材料.txt'} is a file (expected a folder, or a new name)\n"
    )


def test_a_docx_whose_article_is_inside_a_table_is_read(tmp_path: Path) -> None:
    """An article laid out in a one-cell frame (or a two-column table with a merged title row)
    was 'the article is empty'; now its cells' paragraphs are read, a merged cell once."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    title = table.cell(0, 0).merge(table.cell(0, 1))
    title.text = "让“小积分”撬动“大治理”"
    table.cell(1, 0).text = "长胜街村是红安县推行“积分制”管理的一个缩影。"
    table.cell(1, 1).paragraphs[0].text = "村民凭积分可以到“爱心超市”兑换日用品。"
    table.cell(1, 1).add_paragraph("积分制让村民从“旁观者”变成了“参与者”。")
    path = tmp_path / "框.docx"
    document.save(str(path))
    assert read_article(path).text == (
        "让“小积分”撬动“大治理”\n\n长胜街村是红安县推行“积分制”管理的一个缩影。\n\n"
        "村民凭积分可以到“爱心超市”兑换日用品。\n\n积分制让村民从“旁观者”变成了“参与者”。"
    )


def test_a_docx_with_body_text_keeps_its_tables_where_they_stand(tmp_path: Path) -> None:
    """A table in the article's text (a 党课's figures per year) was left out of material/ whole; its
    rows are read in place, as a .txt copy holds them: a line per row, cells a tab apart."""
    import docx

    document = docx.Document()
    document.add_paragraph("产业兴旺是乡村振兴的重点。")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("年份", "发展党员（名）"), ("2021年", "1")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("从表中可以看出，发展党员稳步推进。")
    path = tmp_path / "正文.docx"
    document.save(str(path))
    assert read_article(path).text == (
        "产业兴旺是乡村振兴的重点。\n\n年份\t发展党员（名）\n\n2021年\t1\n\n从表中可以看出，发展党员稳步推进。"
    )


def test_a_page_of_deputies_asks_which_deputy_said_it_not_which_expert(tmp_path: Path) -> None:
    """The derived 'who said …' item read 出自哪位专家的发言 on a 代表之声 page of four deputies."""
    from studykit.bank import load_bank

    draft_bank(DRAFT / "daibiao.txt", tmp_path / "out")
    bank = load_bank(tmp_path / "out" / "question_bank.yaml")
    quote = next(q for q in bank.questions if q.id == "attr-zhang-xiaohong-quote")
    assert quote.stem.endswith("出自哪位代表的发言（ ）")
    shipped = load_bank()
    assert next(q for q in shipped.questions if q.id == "attr-ren-jiantao-quote").stem.endswith(
        "出自哪位专家的发言（ ）"
    )
