"""``studykit handout``: key facts as statements, from the bank or from what a group got wrong."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from skpaths import DATA, MINI_BANK, ROOT
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import SelectionError, StudykitError
from studykit.handout import (
    Fact,
    GradeReportDigest,
    Handout,
    HandoutSection,
    ReportItem,
    build_handout,
    load_report,
    statement,
)
from studykit.model import Bank, Question
from studykit.render import render_handout

GOLDEN = ROOT / "tests" / "golden"
#: Regenerate the golden handouts after an intended change with ``STUDYKIT_UPDATE_GOLDEN=1`` and review the diff.
UPDATE = os.environ.get("STUDYKIT_UPDATE_GOLDEN") == "1"
REPORT = DATA / "handout" / "report.json"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI_BANK)


# -- statements --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "expected"),
    [
        ("intro-01", ("“深入推进省域治理现代化”研讨会在华中师范大学举行。", False)),
        ("intro-02", ("研讨会以“现场会议+云端会议”的形式进行。", False)),
        ("ren-01", ("任剑涛认为，省域治理的重要落点是大都市。", False)),
        ("ren-02", ("任剑涛指出，城市治理是国家治理的重要组成部分。", False)),
        ("tian-01", ("长春市探索的“三长制”包括网格长、楼栋长、单元长。", False)),
        ("tian-02", ("基层是联防联控、群防群治的第一线。", True)),
        ("zhao-01", ("省委十一届七次全会于今年6月召开。", False)),
        ("zhao-02", ("我省出台“1+1+11”一揽子政策措施。", False)),
    ],
)
def test_statement_of_each_type(bank: Bank, qid: str, expected: tuple[str, bool]) -> None:
    """Blank filled, true stem kept, false stem replaced by its source, marker replaced or 'stem：answer'."""
    assert statement(bank.question(qid)) == expected


def _single(stem: str) -> Question:
    return Question("x", "ren-jiantao", "single", stem, ("C",), "", "s", ("县域", "乡村", "大都市", "社区"))


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("（ ）是省域治理的重要落点", "大都市是省域治理的重要落点。"),
        ("省域治理的重要落点", "省域治理的重要落点：大都市。"),
        ("任剑涛认为哪里是重点（ ）", "任剑涛认为大都市是重点。"),
        ("任剑涛认为哪里是重点，哪里是难点（ ）", "任剑涛认为哪里是重点，哪里是难点：大都市。"),
        ("省域治理具有怎样的落点（ ）", "省域治理具有大都市的落点。"),
        ("省域治理以哪种都市为落点？（ ）", "省域治理以大都市为落点。"),
        ("下列属于重要落点的是（ ）", "下列属于重要落点的是：大都市。"),
        ("省级及以下机构关注的是（ ）", "省级及以下机构关注的是大都市。"),
        ("重点是（ ）！", "重点是大都市！"),
    ],
)
def test_choice_stem_forms(stem: str, expected: str) -> None:
    """A declarative stem takes the answer in place of （ ）; so does one question word (怎样的 →
    answer + 的, a word the answer ends with not repeated); a stem with 下列, two question words
    or no （ ） reads 'stem：answer'."""
    assert statement(_single(stem)) == (expected, False)


def test_closing_quote_gets_a_full_stop_unless_the_sentence_ended_inside() -> None:
    """'…“X”' ends with '”。'; '…“X。”' is already a sentence."""
    q = Question("f", "intro", "fill_blank", "形式是“____”", ("现场会议",), "", "现场会议")
    assert statement(q) == ("形式是“现场会议”。", False)
    q2 = dataclasses.replace(q, stem="他说：“是____。”")
    assert statement(q2) == ("他说：“是现场会议。”", False)


def test_true_statement_loses_its_answer_marker() -> None:
    """A true_false stem printed with （ ） states the fact without it."""
    q = Question("t", "intro", "true_false", "城市治理是重要组成部分（ ）", ("true",), "", "s")
    assert statement(q) == ("城市治理是重要组成部分。", False)


# -- the handout -------------------------------------------------------------------------


def test_full_handout_matches_golden(bank: Bank) -> None:
    """Every speech in bank order, curated facts only (derived ones are in the headers), as golden Markdown."""
    handout = build_handout(bank)
    assert (len(handout.sections), handout.facts) == (4, 9)
    if UPDATE:
        (GOLDEN / "mini-handout.md").write_bytes(render_handout(handout, "md"))
    assert render_handout(handout, "md").decode() == (GOLDEN / "mini-handout.md").read_text(encoding="utf-8")


def test_report_handout_matches_golden(bank: Bank) -> None:
    """From a fixed grade report: items below 60 % facility, speeches worst first, facts worst first."""
    handout = build_handout(bank, report=load_report(REPORT))
    assert [(s.speech.id, s.share, [(f.question_id, f.facility) for f in s.facts]) for s in handout.sections] == [
        ("tian-yipeng", pytest.approx(0.4), [("tian-02", 0.2), ("tian-01", 0.4)]),
        ("zhao-xianfu", 0.5, [("zhao-02", 0.2)]),
        ("ren-jiantao", 0.7, [("ren-01", 0.4)]),
    ]
    if UPDATE:
        (GOLDEN / "mini-handout-report.md").write_bytes(render_handout(handout, "md"))
    assert render_handout(handout, "md").decode() == (GOLDEN / "mini-handout-report.md").read_text(encoding="utf-8")


def test_facility_at_the_pass_mark_is_not_kept(bank: Bank) -> None:
    """intro-02 (facility 0.6 = pass mark 60 %) is left out; at pass mark 70 it is kept."""
    report = load_report(REPORT)
    assert "intro" not in [s.speech.id for s in build_handout(bank, report=report).sections]
    higher = build_handout(bank, report=dataclasses.replace(report, pass_mark=70))
    assert [f.question_id for s in higher.sections if s.speech.id == "intro" for f in s.facts] == ["intro-02"]


def test_nothing_below_the_pass_mark_falls_back_to_the_weakest_speeches(bank: Bank) -> None:
    """With pass mark 0 nothing is below it: the handout keeps the 3 weakest speeches' items that not
    everyone got right, worst first, and its intro says so (it printed 0 speeches, 0 facts)."""
    handout = build_handout(bank, report=dataclasses.replace(load_report(REPORT), pass_mark=0))
    assert handout.fallback
    assert [(s.speech.id, [(f.question_id, f.facility) for f in s.facts]) for s in handout.sections] == [
        ("tian-yipeng", [("tian-02", 0.2), ("tian-01", 0.4)]),
        ("zhao-xianfu", [("zhao-02", 0.2), ("zhao-03", 0.8)]),
        ("ren-jiantao", [("ren-01", 0.4)]),
    ]
    assert handout.intro == (
        "据测验 mini-test-3-aaaa 的成绩（5 人）：没有答对率低于及格线 0% 的题目，"
        "以下是得分率最低的 3 个篇目中未被全部答对的题目，按答对率从低到高排列。"
    )
    assert handout.intro in render_handout(handout, "md").decode()


def test_nothing_missed_at_all_prints_a_note(bank: Bank) -> None:
    """Every item answered fully right by everyone: no section, and the document says so."""
    report = load_report(REPORT)
    perfect = dataclasses.replace(report, items=tuple(dataclasses.replace(i, facility=1.0) for i in report.items))
    handout = build_handout(bank, report=perfect)
    assert (handout.sections, handout.fallback) == ((), False)
    assert (
        render_handout(handout, "md")
        .decode()
        .endswith("\n\n每道题的答对率都不低于及格线 60%，没有需要重点复习的要点。\n")
    )


def test_nothing_below_the_pass_mark_in_the_chosen_speeches_falls_back_and_says_so(bank: Bank) -> None:
    """--speech intro: intro has no weak item but the other speeches have 5; the handout keeps intro's
    missed item (intro-02, 60 %) and says the chosen speeches had none below the pass mark, counting the others'."""
    handout = build_handout(bank, ["intro"], load_report(REPORT))
    assert [(s.speech.id, [f.question_id for f in s.facts]) for s in handout.sections] == [("intro", ["intro-02"])]
    assert handout.intro == (
        "据测验 mini-test-3-aaaa 的成绩（5 人）：所选篇目中没有答对率低于及格线 60% 的题目（其他篇目有 5 道题低于及格线），"
        "以下是得分率最低的 1 个篇目中未被全部答对的题目，按答对率从低到高排列。"
    )
    assert (
        handout.empty
        == "所选篇目中每道题的答对率都不低于及格线 60%，没有需要重点复习的要点（其他篇目有 5 道题低于及格线）。"
    )
    report = dataclasses.replace(load_report(REPORT), pass_mark=0)
    assert build_handout(bank, ["intro"], report).empty == (
        "所选篇目中每道题的答对率都不低于及格线 0%，没有需要重点复习的要点。"
    )
    every = [s.id for s in bank.speeches]  # every speech chosen: no narrowing
    assert build_handout(bank, every, report).empty == "每道题的答对率都不低于及格线 0%，没有需要重点复习的要点。"


def _digest(bank: Bank, facilities: dict[str, float]) -> GradeReportDigest:
    items = tuple(ReportItem(n, qid, bank.question(qid).speech, f) for n, (qid, f) in enumerate(facilities.items(), 1))
    return GradeReportDigest("r.json", "q", "", bank.id, bank.fingerprint, 60, 5, items, {})


def test_missed_attribution_questions_give_one_line_per_speech(bank: Bank) -> None:
    """Heading and post misses give one 'whose speech' fact; a missed quote gives its sentence, quoted."""
    handout = build_handout(
        bank,
        report=_digest(
            bank, {"attr-zhao-xianfu-heading": 0.2, "attr-zhao-xianfu-position": 0.4, "attr-zhao-xianfu-quote": 0.4}
        ),
    )
    (section,) = handout.sections
    quote = "实行城市社区党组织书记事业岗位管理,全面推行城市社区工作者“三化”建设,壮大社区志愿者服务队伍"
    assert section.facts == (
        Fact(
            "attr-zhao-xianfu-heading",
            "“社会治理重心在城乡社区”是湖北省民政厅党组成员、副厅长赵显富的发言。",
            "社会治理重心在城乡社区 赵显富 湖北省民政厅党组成员、副厅长",
            facility=0.2,
        ),
        Fact("attr-zhao-xianfu-quote", quote, quote, True, 0.4),
    )


def test_quote_already_quoted_by_a_kept_fact_is_not_repeated(bank: Bank) -> None:
    """A missed 'who said this?' whose sentence is the source of a kept fact adds nothing."""
    handout = build_handout(bank, report=_digest(bank, {"attr-zhao-xianfu-quote": 0.2, "zhao-03": 0.4}))
    assert [f.question_id for f in handout.sections[0].facts] == ["zhao-03"]


def test_speech_option_filters_both_modes(bank: Bank) -> None:
    """--speech keeps only those speeches, in bank order, with or without a report."""
    assert [s.speech.id for s in build_handout(bank, ["zhao-xianfu", "intro"]).sections] == ["intro", "zhao-xianfu"]
    weak = build_handout(bank, ["ren-jiantao", "tian-yipeng"], load_report(REPORT))
    assert [s.speech.id for s in weak.sections] == ["tian-yipeng", "ren-jiantao"]
    with pytest.raises(SelectionError, match=r"^unknown speech 'nobody' \(expected one of: intro, ren-jiantao,"):
        build_handout(bank, ["nobody"])


def test_report_of_another_bank_is_an_error(bank: Bank) -> None:
    """A report of a quiz on another bank id cannot choose this bank's facts."""
    report = dataclasses.replace(load_report(REPORT), bank_id="other")
    with pytest.raises(StudykitError, match=r"is of a quiz on the bank 'other', but the bank .* is 'mini-test'"):
        build_handout(bank, report=report)


def test_questions_the_bank_lacks_are_listed(bank: Bank) -> None:
    """A report item whose question is not in the bank is skipped and listed in Handout.missing."""
    report = _digest(bank, {"ren-01": 0.2})
    report = dataclasses.replace(report, items=(*report.items, ReportItem(2, "gone-01", "ren-jiantao", 0.0)))
    handout = build_handout(bank, report=report)
    assert handout.missing == ("gone-01",)
    assert [f.question_id for s in handout.sections for f in s.facts] == ["ren-01"]


# -- reading the report ------------------------------------------------------------------


def test_load_report_reads_what_grade_wrote() -> None:
    """The fixed report's quiz, pass mark, members, facilities and speech shares."""
    r = load_report(REPORT)
    assert (r.quiz_id, r.bank_id, r.pass_mark, r.members) == ("mini-test-3-aaaa", "mini-test", 60.0, 5)
    assert [(i.number, i.question_id, i.facility) for i in r.items][:3] == [
        (1, "intro-01", 1.0), (2, "ren-01", 0.4), (3, "tian-01", 0.4),
    ]  # fmt: skip
    assert r.shares["zhao-xianfu"] == 0.5


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"quiz": 1,\n  oops}',
            r"^r\.json:2: not valid JSON \(Expecting property name enclosed in double quotes, column 3\)",
        ),
        (
            "[1, 2]",
            r"^r\.json is not a studykit grade report \(expected the output of studykit grade -o REPORT\.json\)$",
        ),
        ('{"studykit_grade_report": 2}', r"^r\.json: grade report format 2 \(expected 1\)$"),
        ('{"studykit_grade_report": 1, "quiz": {}}', r"^r\.json: field 'summary': missing or not an object$"),
    ],
)
def test_bad_report_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str) -> None:
    """Invalid JSON (with its line), another file, another format version, a missing field: each named."""
    monkeypatch.chdir(tmp_path)
    Path("r.json").write_text(text, encoding="utf-8")
    with pytest.raises(StudykitError, match=message):
        load_report("r.json")


def test_missing_field_names_the_question(tmp_path: Path) -> None:
    """A question without question_id is named by its position."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    del data["questions"][2]["question_id"]
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StudykitError, match=r"r\.json: questions\[3\], field 'question_id': missing or not text$"):
        load_report(tmp_path / "r.json")


@pytest.mark.parametrize(
    ("share", "message"),
    [
        ("x", r"r\.json: speeches\[2\], field 'share': not a number$"),
        (1.5, r"r\.json: speeches\[2\], field 'share': 1\.5 is not a share \(expected 0 to 1\)$"),
        (True, r"r\.json: speeches\[2\], field 'share': not a number$"),
    ],
)
def test_hand_edited_speech_share_is_named(tmp_path: Path, share: object, message: str) -> None:
    """A speech share that is not a number from 0 to 1 is an error naming it (it orders the handout's
    speeches: read as missing, it would silently put the speech last)."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["speeches"][1]["share"] = share
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StudykitError, match=message):
        load_report(tmp_path / "r.json")


def test_repeated_question_number_is_named(tmp_path: Path) -> None:
    """A report listing question 1 twice (a hand edit) is refused: the handout would print either's facility."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["questions"].append({**data["questions"][0], "facility": 0.1})
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    n = len(data["questions"])
    message = rf"r\.json: questions\[{n}\], field 'number': question 1 is listed twice \(first as questions\[1\]\)$"
    with pytest.raises(StudykitError, match=message):
        load_report(tmp_path / "r.json")


def test_null_speech_share_is_read_as_none(tmp_path: Path) -> None:
    """A null share (no member graded on the speech) is still read, as None."""
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["speeches"][1]["share"] = None
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    assert load_report(tmp_path / "r.json").shares[data["speeches"][1]["speech"]] is None


def test_missing_report_is_an_error(tmp_path: Path) -> None:
    """A report path that does not exist says so."""
    with pytest.raises(StudykitError, match=r"^grade report .*nope\.json not found$"):
        load_report(tmp_path / "nope.json")


# -- renderers ---------------------------------------------------------------------------


def _tricky(bank: Bank) -> Handout:
    speech = bank.speech("ren-jiantao")
    fact = Fact("x", "<b>大都市</b> & *重点* 1. #", "源 <i>“引”</i>", facility=1 / 3)
    return Handout("学习要点 · <标题>", "", (HandoutSection(speech, (fact,), 0.5),))


def test_markdown_and_html_escape_bank_text(bank: Bank) -> None:
    """Markup in bank text prints as written in Markdown and HTML."""
    md = render_handout(_tricky(bank), "md").decode()
    assert "1\\. \\<b\\>大都市\\</b\\> \\& \\*重点\\* 1. \\#（答对率 33%）\\\n原文：“源 \\<i\\>‘引’\\</i\\>”" in md
    page = render_handout(_tricky(bank), "html").decode()
    assert (
        '<p class="statement">&lt;b&gt;大都市&lt;/b&gt; &amp; *重点* 1. #<span class="nobr">（答对率 33%）</span></p>'
        in page
    )
    assert '<p class="source">原文：“源 &lt;i&gt;‘引’&lt;/i&gt;”</p>' in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and '"Songti SC"' in page


def test_html_handout_structure(bank: Bank) -> None:
    """One <h2> per speech with the header text, facts as a numbered list."""
    page = render_handout(build_handout(bank, report=load_report(REPORT)), "html").decode()
    assert page.count("<h2>") == 3 and page.count('<li class="fact">') == 4
    assert "<h2>田毅鹏（吉林大学哲学社会学院院长、教授）：以网格化推进社会治理精细化</h2>" in page


def test_docx_handout_reads_back_with_chinese_fonts(bank: Bank) -> None:
    """The .docx holds the title, headers and facts; runs name 宋体/黑体 as East Asian fonts; bytes are reproducible."""
    handout = build_handout(bank, report=load_report(REPORT))
    data = render_handout(handout, "docx")
    assert data == render_handout(handout, "docx")
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[:5] == [
        "学习要点 · 省域治理现代化小测",
        "据测验 mini-test-3-aaaa 的成绩（5 人）：答对率低于及格线 60% 的题目，按得分率从低到高排列。",
        "田毅鹏（吉林大学哲学社会学院院长、教授）：以网格化推进社会治理精细化",
        "全支部本篇得分率 40%。",
        "1.\t（答对率 20%）原文：“基层是联防联控、群防群治的第一线”",
    ]
    assert texts[5:7] == [  # the rate first, where no line break can split it (test_print_layout)
        "2.\t（答对率 40%）长春市探索的“三长制”包括网格长、楼栋长、单元长。",
        "原文：“长春市积极探索‘三长制’，在网格长的基础上又开发出楼栋长和单元长”",
    ]
    # the number hangs in a 7 mm indent: a statement's second line and its 原文 start under its first character
    fact, source = document.paragraphs[5].paragraph_format, document.paragraphs[6].paragraph_format
    indents = (fact.left_indent, fact.first_line_indent, source.left_indent)
    assert [round(i.mm, 1) for i in indents] == [7.0, -7.0, 7.0]  # stored in twips: 7 mm reads back 7.003

    def east_asian(paragraph: docx.text.paragraph.Paragraph) -> str:
        return str(paragraph.runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")))

    assert (east_asian(document.paragraphs[2]), east_asian(document.paragraphs[4])) == ("黑体", "宋体")


def test_docx_handout_uses_heading_styles_and_chinese_language(bank: Bank) -> None:
    """The handout's title is Heading 1, each speech's header Heading 2; East Asian language zh-CN; facts spaced."""
    handout = build_handout(bank)
    document = docx.Document(io.BytesIO(render_handout(handout, "docx")))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styled == [("Heading 1", handout.title)] + [("Heading 2", s.header) for s in handout.sections]
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    sources = [p for p in document.paragraphs if p.text.startswith("原文：")]
    assert sources and {p.paragraph_format.space_after.pt for p in sources} == {5.0}


# -- the command line --------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["handout", "--bank", str(MINI_BANK), *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_default_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without -o the handout is handout.md; stdout says what was written."""
    monkeypatch.chdir(tmp_path)
    assert run() == (0, "wrote handout.md: 4 speeches, 9 facts\n", "")
    assert Path("handout.md").read_text(encoding="utf-8") == (GOLDEN / "mini-handout.md").read_text(encoding="utf-8")


def test_cli_speech_without_weak_items_says_it_is_about_the_chosen_speeches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--from-report r.json --speech intro` printed 0 speeches, 0 facts: now it keeps intro's missed item,
    notes the fallback on stderr and says in the file that the chosen speeches had none below the pass mark."""
    monkeypatch.chdir(tmp_path)
    assert run("--from-report", str(REPORT), "--speech", "intro", "-o", "h.md") == (
        0,
        "wrote h.md: 1 speech, 1 fact\n",
        "note: no item is below the pass mark; the handout keeps the weakest speeches' missed items\n",
    )
    text = Path("h.md").read_text(encoding="utf-8")
    assert (
        "所选篇目中没有答对率低于及格线 60% 的题目（其他篇目有 5 道题低于及格线），以下是得分率最低的 1 个篇目" in text
    )
    assert "研讨会以“现场会议+云端会议”的形式进行。（答对率 60%）" in text


def test_cli_from_report_to_docx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--from-report with -o NAME.docx writes a Word handout of the weak facts."""
    monkeypatch.chdir(tmp_path)
    assert run("--from-report", str(REPORT), "-o", "重点.docx") == (0, "wrote 重点.docx: 3 speeches, 4 facts\n", "")
    assert docx.Document("重点.docx").paragraphs[0].text == "学习要点 · 省域治理现代化小测"


def test_cli_format_without_extension_and_speech(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--format html adds .html to a bare -o name; --speech narrows to one speech."""
    monkeypatch.chdir(tmp_path)
    assert run("--format", "html", "-o", "要点", "--speech", "intro") == (0, "wrote 要点.html: 1 speech, 2 facts\n", "")


def test_cli_changed_bank_and_lost_questions_warn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report from an older bank warns; its questions the bank lacks are named; the rest is written."""
    monkeypatch.chdir(tmp_path)
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["quiz"]["bank_fingerprint"] = "0" * 64
    data["questions"][1]["question_id"] = "gone-01"
    Path("old.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert run("--from-report", "old.json") == (
        0,
        "wrote handout.md: 2 speeches, 3 facts\n",
        f"warning: the bank {MINI_BANK} changed since the quiz of old.json; facts come from it\n"
        "warning: question 'gone-01' of old.json is not in the bank; left out\n",
    )


def test_cli_errors_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing report or an unknown speech: exit 1; -o and --format disagreeing: a usage error
    (exit 2, as for quiz and grade); a message, no file."""
    monkeypatch.chdir(tmp_path)
    assert run("--from-report", "nope.json") == (1, "", "Error: grade report nope.json not found\n")
    assert run("--speech", "nobody")[0:2] == (1, "")
    code, out, err = run("-o", "a.md", "--format", "docx")
    assert (code, out) == (2, "")
    assert err.endswith("\n\nError: output a.md is a .md name but --format is docx (make them agree)\n")
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_bank_is_an_error(tmp_path: Path) -> None:
    """A broken bank prints its problems and writes nothing."""
    shutil.copy(DATA / "bad" / "syntax.yaml", tmp_path / "b.yaml")
    result = CliRunner().invoke(main, ["handout", "--bank", str(tmp_path / "b.yaml"), "-o", str(tmp_path / "h.md")])
    assert result.exit_code == 1 and result.stderr.startswith(f"{tmp_path / 'b.yaml'}:")
    assert not (tmp_path / "h.md").exists()


def test_full_handout_states_each_fact_once_and_no_attribution() -> None:
    """The shipped bank's handout repeats no statement and leaves speech titles to the headings."""
    from skpaths import SHIPPED_BANK
    from studykit import load_bank
    from studykit.handout import build_handout

    handout = build_handout(load_bank(SHIPPED_BANK))
    said = ["".join(f.statement.split()).rstrip("。") for s in handout.sections for f in s.facts]
    assert len(said) == len(set(said))
    ids = {f.question_id for s in handout.sections for f in s.facts}
    assert "ren-jiantao-01" not in ids and "ren-jiantao-02" not in ids
    assert not ({"zhang-yanguo-03", "zhang-yanguo-10"} <= ids)


def test_shipped_handout_states_every_fact_once_in_statements_not_questions() -> None:
    """The shipped handout: 119 facts; a false true_false item states its correction (no fact is only 原文:
    zhang-yanguo-09 says 法律保障); no statement keeps question wording (下列, （ ）, 哪); no kept fact's
    source is stated whole by another kept fact of its speech (intro 4/6/7, zhao 3/8 and 4/9, wei 4/9 repeated)."""
    from skpaths import SHIPPED_BANK
    from studykit import load_bank
    from studykit.handout import build_handout

    handout = build_handout(load_bank(SHIPPED_BANK))
    assert sum(len(s.facts) for s in handout.sections) == 119
    facts = {f.question_id: f for s in handout.sections for f in s.facts}
    assert not [f.question_id for f in facts.values() if f.quoted]
    assert (
        facts["zhang-yanguo-09"].statement
        == "张艳国提出：国家要织牢法律保障这个强大后盾，制定符合我国发展的社区大数据法律规范。"
    )
    assert not [f.statement for f in facts.values() if re.search(r"下列|（\s*）|哪", f.statement)]
    for section in handout.sections:
        bare = [(_bare(f.source), _bare(f.statement), f.question_id) for f in section.facts]
        assert not [(a[2], b[2]) for a in bare for b in bare if a is not b and a[0] in b[1]]
    # the repeated pairs of the audit: one of each pair is left
    assert "wei-yueming-11" not in facts and "zhao-xianfu-11" not in facts and "zhao-xianfu-05" not in facts


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def test_every_statement_built_from_a_list_names_every_member_of_its_source_list() -> None:
    """A multiple-choice item's statement states the whole list its source gives, not the subset one
    paper's options held: every correct option, and every inner member of each 、 or ； list of the source
    that holds a correct option (jiang-xiaoping-06 names 安稳, zhao-xianfu-07 all five efforts)."""
    from skpaths import SHIPPED_BANK
    from studykit import load_bank
    from studykit.handout import statement

    bank = load_bank(SHIPPED_BANK)
    checked = 0
    for q in bank.questions:
        if q.type != "multiple":
            continue
        said = _bare(statement(q)[0])
        options = [_bare(o) for o in q.correct_options]
        assert all(o in said for o in options), q.id
        source = q.source.replace(",", "，").replace(";", "；").replace(":", "：")
        for joint, stops in (("、", "，；。：“”"), ("；", "。")):
            for chunk in re.split(f"[{stops}]", source):
                members = chunk.split(joint)
                if len(members) >= 3 and any(o in _bare(chunk) for o in options):
                    missing = [m for m in members[1:-1] if _bare(m) not in said]
                    assert not missing, (q.id, missing)
                    checked += 1
    assert checked == 15
    assert "治安、安定、安稳、安宁、安乐" in statement(bank.question("jiang-xiaoping-06"))[0]


def test_a_fact_stating_its_whole_sentence_covers_the_others_on_it() -> None:
    """intro-10 states “10月17日，…研讨会在华中师范大学举行” whole: the venue (intro-01) and date
    (intro-03) facts on that sentence add nothing and are left out; alone they stay."""
    from skpaths import SHIPPED_BANK
    from studykit import load_bank
    from studykit.handout import build_handout

    shipped = load_bank(SHIPPED_BANK)
    ids = [f.question_id for f in build_handout(shipped).sections[0].facts]
    assert "intro-10" in ids and "intro-01" not in ids and "intro-03" not in ids
    weak = build_handout(shipped, report=_digest(shipped, {"intro-01": 0.2, "intro-03": 0.3}))
    assert [f.question_id for f in weak.sections[0].facts] == ["intro-01", "intro-03"]


def test_cli_report_of_another_bank_is_only_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another bank id is an error, not first a warning that the bank "changed"; nothing is written."""
    monkeypatch.chdir(tmp_path)
    data = json.loads(REPORT.read_text(encoding="utf-8"))
    data["quiz"]["bank_id"] = "other"
    data["quiz"]["bank_fingerprint"] = "0" * 64
    Path("other.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("--from-report", "other.json")
    assert (code, out) == (1, "")
    assert err.startswith("Error: the grade report other.json is of a quiz on the bank 'other', but the bank ")
    assert "changed since" not in err and len(err.splitlines()) == 1
    assert not Path("handout.md").exists()


def test_missed_curated_attribution_question_gives_the_whose_speech_line() -> None:
    """dai-xiaoming-02 (curated, fact dai-xiaoming/position) reads as its derived twin does: one
    “<heading>”是<post><speaker>的发言 line, not a statement quoting the byline."""
    from skpaths import SHIPPED_BANK
    from studykit import load_bank

    shipped = load_bank(SHIPPED_BANK)
    handout = build_handout(shipped, report=_digest(shipped, {"dai-xiaoming-02": 0.2, "dai-xiaoming-01": 0.4}))
    (section,) = handout.sections
    assert [(f.question_id, f.statement, f.facility) for f in section.facts] == [
        (
            "attr-dai-xiaoming-position",
            "“省域治理是国家治理在地方的延伸”是中央党校教师培训学院院长、教授戴小明的发言。",
            0.2,
        )
    ]
