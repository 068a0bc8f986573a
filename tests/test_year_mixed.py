"""A year of banks drafted from three articles of different shapes (a 评论员文章 in numbered
sections, a 座谈会 of several speakers, a 学习贯彻 notice), combined as a folder of banks: a paper
mixing them says which article each item is about, and no section of an article is called 导语."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import DATA
from studykit.cli import main
from studykit.errors import BankError
from studykit.grade import Reread
from studykit.grade.group import GroupReport
from studykit.grade.report._common import short_label
from studykit.handout import build_handout
from studykit.library import load_banks
from studykit.model import name_article, source_line
from studykit.practice import build_practice
from studykit.quiz import build_papers

YEAR = DATA / "year"
PINGLUN = "以学促干 把基层党建抓在日常严在经常"
ZUOTAN = "以乡村振兴实绩检验学习成效"
TONGZHI = "关于认真学习贯彻全市组织工作会议精神的通知"


@pytest.fixture(scope="module")
def items() -> dict[str, object]:
    """Every item of one paper over the three banks, by question id."""
    bank = load_banks([YEAR]).merged()
    paper = build_papers(bank, count=25, seed=1)[0]
    return {i.question.id: i for s in paper.sections for i in s.items}


def test_generic_openings_name_the_article() -> None:
    """导语 / 文章 / 本版 opening a stem (or after 下列说法符合) get the title; other stems stay."""
    assert name_article("文章指出，要坚持“四下基层”。", "T") == "《T》一文指出，要坚持“四下基层”。"
    assert name_article("导语指出，（　　），会议召开", "T") == "《T》导语指出，（　　），会议召开"
    assert name_article("本版发言“X”的发言者是（　　）", "T") == "《T》中的发言“X”的发言者是（　　）"
    assert name_article("本版署名中，李明的身份是（　　）", "T") == "《T》的署名中，李明的身份是（　　）"
    assert (
        name_article("本版发言者中，署名身份为“教授”的是（　　）", "T")
        == "《T》的发言者中，署名身份为“教授”的是（　　）"
    )
    assert name_article("本版刊登在哪个栏目（　　）", "T") == "《T》刊登在哪个栏目（　　）"
    assert name_article("下列说法符合导语的有（　　）", "T") == "下列说法符合《T》导语的有（　　）"
    assert name_article("据导语，本版刊发的内容是（　　）", "T") == "据《T》导语，本版刊发的内容是（　　）"
    assert name_article("李明华指出，做好“____”文章。", "T") == "李明华指出，做好“____”文章。"
    assert name_article("文章指出，…", "") == "文章指出，…"


def test_a_mixed_paper_names_the_article_in_stem_and_source(items: dict[str, object]) -> None:
    """On a paper of three articles, 导语指出 / 文章指出 say whose; 出处 names article and speaker."""
    intro = items["12-xxtz/intro-d01"]
    assert intro.stem == f"《{TONGZHI}》导语指出，（　　），全市组织工作会议召开"  # type: ignore[attr-defined]
    assert intro.source_line == f"导语《{TONGZHI}》：“12月1日，全市组织工作会议召开。”"  # type: ignore[attr-defined]
    section = items["12-xxtz/part-2-d07"]
    assert section.stem == (  # type: ignore[attr-defined]
        f"《{TONGZHI}》一文指出，各支部要在（　　）前召开支部委员会和党员大会，专题传达学习会议精神"
    )
    assert section.source_line == (  # type: ignore[attr-defined]
        f"《{TONGZHI}》二、认真组织学习：“各支部要在12月20日前召开支部委员会和党员大会，专题传达学习会议精神。”"
    )
    speech = items["11-zth/li-minghua-d08"]
    assert speech.stem.startswith("李明华指出，近年来")  # type: ignore[attr-defined]
    assert speech.source_line == (  # type: ignore[attr-defined]
        f"《{ZUOTAN}》李明华《产业兴旺是乡村振兴的重中之重》："
        "“近年来，全市累计培育农业产业化龙头企业126家，带动农户增收的作用明显。”"
    )
    byline = items["11-zth/attr-li-minghua-position"]
    assert byline.stem == f"《{ZUOTAN}》的署名中，李明华的身份是（　　）"  # type: ignore[attr-defined]


def test_one_article_paper_is_unchanged() -> None:
    """One bank: stems and 出处 as before (文章指出), a section as 文章“二、…”部分 (its heading is no title)."""
    bank = load_banks([YEAR / "12-tongzhi"]).merged()
    paper = build_papers(bank, count=1, seed=1, speeches="part-4", types="single")[0]
    (item,) = paper.sections[0].items
    assert item.stem == "文章指出，各支部要于（　　）前将学习贯彻情况书面报送机关党委，报送材料不超过1500字"
    assert item.source_line == (
        "文章“四、及时报送情况”部分：“各支部要于12月25日前将学习贯彻情况书面报送机关党委，报送材料不超过1500字。”"
    )


def test_labels_of_sections_and_introductions_name_their_article() -> None:
    """Per-speech statistics: an introduction or section of a merged bank names its article, whole."""
    bank = load_banks([YEAR]).merged()
    labels = {s.id: s.label for s in bank.speeches}
    assert labels["10-plywz/intro"] == f"《{PINGLUN}》导语"
    assert labels["12-xxtz/part-4"] == f"《{TONGZHI}》四、及时报送情况"
    assert labels["11-zth/wang-xiuying"] == "王秀英 人才振兴要让能人回得来留得住"
    report = GroupReport.__new__(GroupReport)
    object.__setattr__(report, "speech_labels", labels)
    assert short_label(report, "10-plywz/intro") == f"《{PINGLUN}》导语"
    assert short_label(report, "11-zth/wang-xiuying") == "王秀英"
    single = load_banks([YEAR / "10-pinglun"]).merged()
    assert [s.label for s in single.speeches][:2] == ["导语", "一、把理论学习作为首要任务"]


def test_a_section_is_reread_in_its_article_not_in_the_introduction() -> None:
    """The grade report's 重读 of a section says 文章“…”部分 (it said 导语《二、…》, then 文章《二、…》)."""
    hint = Reread("part-2-d07", "", "", "二、认真组织学习", "各支部要在12月20日前。", False)
    assert hint.where == "文章“二、认真组织学习”部分：“各支部要在12月20日前。”"
    assert Reread("intro-d01", "", "", TONGZHI, "12月1日。").where == f"导语《{TONGZHI}》：“12月1日。”"
    assert (
        source_line("", "二、认真组织学习", "x", intro=False, article=TONGZHI) == f"《{TONGZHI}》二、认真组织学习：“x”"
    )


def test_handout_and_practice_name_a_section_as_a_section() -> None:
    """The handout's header of a section is its heading (was 导语：二、…); practice's 原文 line too."""
    bank = load_banks([YEAR / "12-tongzhi"]).merged()
    headers = [s.header for s in build_handout(bank).sections]
    assert headers == [f"导语：{TONGZHI}", "二、认真组织学习", "四、及时报送情况"]
    merged = load_banks([YEAR]).merged()
    headers = [s.header for s in build_handout(merged).sections]
    assert headers[-2:] == [f"《{TONGZHI}》二、认真组织学习", f"《{TONGZHI}》四、及时报送情况"]
    page = build_practice(bank, count=4, seed=1)
    where = {i.speech.id: i.speech.where for i in page.items}
    assert where == {
        "intro": f"导语《{TONGZHI}》",
        "part-2": "文章“二、认真组织学习”部分",
        "part-4": "文章“四、及时报送情况”部分",
    }


def test_check_names_every_clash_and_every_broken_bank_in_one_run(tmp_path: Path) -> None:
    """Two banks sharing an id and a bank whose material file is missing: all three, one run."""
    year = tmp_path / "2026"
    shutil.copytree(YEAR, year)
    shutil.copytree(YEAR / "10-pinglun", year / "13-copy")
    (year / "11-zuotan" / "material" / "02-wang-xiuying.txt").unlink()
    with pytest.raises(BankError) as err:
        load_banks([year])
    assert err.value.message == "2 of 4 banks have errors (see above)"
    assert err.value.details == (
        f"{year / '11-zuotan' / 'question_bank.yaml'}:21: speech 'wang-xiuying', field 'material': "
        "file 'material/02-wang-xiuying.txt' not found (paths are relative to the bank's folder)",
        f"{year / '11-zuotan' / 'question_bank.yaml'}: 1 error(s)",
        f"{year / '10-pinglun' / 'question_bank.yaml'} and {year / '13-copy' / 'question_bank.yaml'} have the same "
        "bank id '10-plywz' (expected each article its own id: change bank.id in one of them)",
    )
    result = CliRunner().invoke(main, ["check", "--bank", str(year)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "Error: 2 of 4 banks have errors (see above)"


def test_practice_takes_a_title_and_articles_as_quiz_does(tmp_path: Path) -> None:
    """practice --article keeps those articles and --title replaces the four joined titles."""
    out = tmp_path / "自测.html"
    args = ["practice", "--bank", str(YEAR), "--article", "12-xxtz", "--title", "年终竞赛自测", "--seed", "3"]
    result = CliRunner().invoke(main, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out}: 4 questions (12-xxtz-3-4e3cd090)\n"
    assert "<title>年终竞赛自测 · 自测</title>" in out.read_text(encoding="utf-8")


def test_a_years_deck_in_real_anki_keeps_each_articles_notes_and_names_sections(tmp_path: Path) -> None:
    """One article's deck, then the year's: the article's 42 notes are left alone (same GUIDs from
    bank id + question id), the other two add theirs; intro-d01 of three banks is three notes; a
    section's subdeck is 第N部分, a speech's 第N篇."""
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from studykit.anki import write_deck

    one, year = tmp_path / "one.apkg", tmp_path / "year.apkg"
    write_deck(load_banks([YEAR / "11-zuotan"]), one, timestamp=1700000000)
    result = write_deck(load_banks([YEAR]), year, timestamp=1700000000)
    assert [d.name for d in result.decks][1:4] == [
        f"{PINGLUN}::00 导语",
        f"{PINGLUN}::01 第1部分",
        f"{PINGLUN}::02 第2部分",
    ]
    assert f"{ZUOTAN}::01 第1篇" in [d.name for d in result.decks]
    col = Collection(str(tmp_path / "c.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=True)
        log = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(one), options=options)).log
        assert (len(log.new), len(log.updated)) == (42, 0)
        log = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(year), options=options)).log
        assert (len(log.new), len(log.updated), len(log.duplicate)) == (23 + 12, 0, 42)
        assert len(col.find_notes('"QuestionID:intro-d01"')) == 3
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert {f"{TONGZHI}::02 第2部分", f"{TONGZHI}::04 第4部分", f"{ZUOTAN}::03 第3篇"} <= names
    finally:
        col.close()


def test_an_article_not_yet_reviewed_is_named_as_such(tmp_path: Path) -> None:
    """quiz --article of a bank still all drafts says so, naming that bank only (it said
    "no question in … matches " with nothing after it)."""
    year = tmp_path / "2026"
    shutil.copytree(YEAR, year)
    bank = year / "12-tongzhi" / "question_bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("    type: ", "    draft: true\n    type: "), "utf-8")
    for extra in ([], ["--speech", "part-2"]):
        args = [
            "quiz",
            "--bank",
            str(year),
            "--article",
            "12-xxtz",
            *extra,
            "--seed",
            "1",
            "-o",
            str(tmp_path / "q.md"),
        ]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert result.stderr.splitlines()[-1] == (
            f"Error: every question in {bank} is still a draft: review them "
            "(delete each 'draft: true' line you accept) or pass --include-drafts"
        )
    assert not (tmp_path / "q.md").exists()


def test_a_review_deck_of_a_mixed_paper_names_the_article_on_the_front() -> None:
    """A 错题本 note from a merged bank opens 《…》导语指出 / 《…》一文指出 (one deck holds every
    article's misses); the study deck of one bank keeps its stems."""
    from studykit.anki.notes import note_fields

    merged = load_banks([YEAR]).merged()
    fields = note_fields(merged, merged.question("12-xxtz/part-2-d01"), "三项结合")
    assert fields[0] == (
        f"《{TONGZHI}》一文指出，学习要做到“{{{{c1::三个结合}}}}”：一是与学习党的创新理论相结合，"
        "二是与开展主题党日活动相结合，三是与推动本单位中心工作相结合。"
    )
    assert fields[-1] == "三项结合"
    one = load_banks([YEAR / "12-tongzhi"]).merged()
    assert note_fields(one, one.question("part-2-d01"))[0].startswith("文章指出，学习要做到")


def test_a_folder_with_its_own_bank_and_banks_below_reads_them_all(tmp_path: Path) -> None:
    """2026/ holding one article's bank at its top and two below: three banks, the top one first
    (the two below were passed over without a word)."""
    year = tmp_path / "2026"
    shutil.copytree(YEAR / "10-pinglun", year)
    shutil.copytree(YEAR / "11-zuotan", year / "11-zuotan")
    shutil.copytree(YEAR / "12-tongzhi", year / "12-tongzhi")
    assert load_banks([year]).ids == ("10-plywz", "11-zth", "12-xxtz")
    result = CliRunner().invoke(main, ["check", "--bank", str(year)])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "3 banks OK: 77 questions in 14 parts"
