"""The paper as branches print it: the standard 满分 100 mix, --mix and --total, compact option
rows, page numbers, the printable 答题卡, DOCX core properties, refused output suffixes."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.oxml.ns import qn

from skpaths import DATA, MINI_BANK, SHIPPED_BANK
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import SelectionError, StudykitError
from studykit.mix import DEFAULT_MIX, parse_mix, scale_points
from studykit.model import Bank
from studykit.quiz import DEFAULT_POINTS, DEFAULT_TOTAL, Paper, build_papers, mix_shortfall
from studykit.render import output_target, render, render_card
from studykit.render._common import card_grid, card_lines, option_rows, options_per_line


@pytest.fixture(scope="module")
def shipped() -> Bank:
    return load_bank(SHIPPED_BANK)


@pytest.fixture(scope="module")
def mini() -> Bank:
    return load_bank(MINI_BANK)


@pytest.fixture(scope="module")
def standard(shipped: Bank) -> Paper:
    (paper,) = build_papers(shipped, seed=7)
    return paper


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["quiz", *map(str, args)])


# -- the standard paper, --mix and --total ----------------------------------------------------


def test_standard_paper_is_twenty_items_of_four_types_totalling_100(standard: Paper) -> None:
    """No count, mix or type: 8 单选 × 5, 4 多选 × 6, 4 判断 × 4, 4 填空 × 5 = 100 points."""
    assert sum(DEFAULT_MIX[t] * DEFAULT_POINTS[t] for t in DEFAULT_MIX) == DEFAULT_TOTAL == 100
    assert Counter(i.type for i in standard.items) == {"single": 8, "multiple": 4, "true_false": 4, "fill_blank": 4}
    assert standard.total_points == 100
    assert [s.heading for s in standard.sections] == [
        "一、单项选择题（每题5分，共40分）",
        "二、多项选择题（每题6分，共24分。多选、少选、错选均不得分）",
        "三、判断题（每题4分，共16分）",
        "四、填空题（每题5分，共20分）",
    ]
    assert standard.id_line.endswith("满分：100分")


def test_mix_sets_the_items_per_type(shipped: Bank) -> None:
    """--mix single=10,true_false=10: only those types, that many each; points stay per type."""
    (paper,) = build_papers(shipped, seed=3, mix={"single": 10, "true_false": 10})
    assert Counter(i.type for i in paper.items) == {"single": 10, "true_false": 10}
    assert paper.total_points == 90
    (same,) = build_papers(shipped, seed=3, mix={"true_false": 10, "single": 10, "multiple": 0})
    assert same == paper


def test_total_scales_the_open_types(shipped: Bank, mini: Bank) -> None:
    """--total scales the points --points leaves open by one factor; the paper totals it exactly."""
    (paper,) = build_papers(mini, count=10, seed=7, total=100)
    assert [s.points_each for s in paper.sections] == [10, 12, 8, 10]
    assert paper.total_points == 100
    (fixed,) = build_papers(shipped, seed=1, mix={"single": 10, "fill_blank": 10}, points={"single": 4}, total=100)
    assert [s.points_each for s in fixed.sections] == [4, 6] and fixed.total_points == 100


def test_a_total_off_the_ratio_gives_whole_points_per_section(shipped: Bank) -> None:
    """10 single + 10 true_false at 5 : 4 would need 50/9 and 40/9 for 100: whole points 6 and 4
    (was 5.5 and 4.5: a secretary writes 每题6分 and 每题4分 where whole points stay within a quarter
    of the ratio); 10 single + 5 multiple + 10 true_false (120) scale by 5/6 to 4.17, 5, 3.33: 4, 6
    and 3 (was 4, 5 and 3.5)."""
    (paper,) = build_papers(shipped, seed=3, mix={"single": 10, "true_false": 10}, total=100)
    assert [s.points_each for s in paper.sections] == [6, 4] and paper.total_points == 100
    assert [s.heading for s in paper.sections] == ["一、单项选择题（每题6分，共60分）", "二、判断题（每题4分，共40分）"]
    (paper,) = build_papers(shipped, seed=3, mix={"single": 10, "multiple": 5, "true_false": 10}, total=100)
    assert [s.points_each for s in paper.sections] == [4, 6, 3] and paper.total_points == 100


def test_a_total_the_nearest_whole_points_miss_is_reached_from_points_near_them(shipped: Bank) -> None:
    """A drafted 办法's paper (4 single, 4 multiple, 3 true_false, 4 fill_blank: 76 at 5/6/4/5) and
    --total 100 got 6.75, 8, 5 and 6.5 (a quarter point per 单选); whole points near the ratio reach it:
    7, 8, 4 and 7 (28 + 32 + 12 + 28)."""
    mix = {"single": 4, "multiple": 4, "true_false": 3, "fill_blank": 4}
    (paper,) = build_papers(shipped, seed=3, mix=mix, total=100)
    assert [s.points_each for s in paper.sections] == [7, 8, 4, 7] and paper.total_points == 100
    assert scale_points(mix, dict(DEFAULT_POINTS), set(), 100, 100) == {
        "single": 7,
        "multiple": 8,
        "true_false": 4,
        "fill_blank": 7,
    }


@pytest.mark.parametrize(
    ("counts", "total", "expected"),
    [
        # --count 25 --total 100 on the shipped bank (seed 7): 4, 5, 3, 4 (125 scaled by 4/5)
        ({"single": 12, "multiple": 3, "true_false": 3, "fill_blank": 7}, 100, [4, 5, 3, 4]),
        # --count 20 --total 100 (99 at 5/6/4/5): 5 each, not 6.5 for 多选
        ({"single": 10, "multiple": 2, "true_false": 3, "fill_blank": 5}, 100, [5, 5, 5, 5]),
        # --count 30 --total 100 (151): 3, 4, 2, 4, not 3.5, 3, 2.5, 3.5
        ({"single": 14, "multiple": 4, "true_false": 3, "fill_blank": 9}, 100, [3, 4, 2, 4]),
        # --count 40 --total 100 (202): whole points cannot stay near the ratio; 2.5 each, not 1.8 for 判断
        ({"single": 17, "multiple": 7, "true_false": 5, "fill_blank": 11}, 100, [2.5, 2.5, 2.5, 2.5]),
        # a year paper (--count 30 --total 100 on the shipped bank and tests/data/year): was 3.35 for 单选
        ({"single": 10, "multiple": 2, "true_false": 9, "fill_blank": 9}, 100, [3.5, 5.5, 2.5, 3.5]),
        # the standard paper and --total 150: 150 is odd and every section even at whole points
        ({"single": 8, "multiple": 4, "true_false": 4, "fill_blank": 4}, 150, [7.5, 9, 6, 7.5]),
        # --count 25 --total 150 on the year banks: was 6.25 for 多选
        ({"single": 8, "multiple": 2, "true_false": 8, "fill_blank": 7}, 150, [6, 6, 6, 6]),
    ],
)
def test_a_total_gives_whole_or_half_points_per_item(counts: dict[str, int], total: int, expected: list[float]) -> None:
    """Every scaled paper's points per item are whole (half at most), the same within a section, a
    type worth more by default never worth less, and the sections add up to the total exactly
    (the last round found 4.1分, 3.35分, 1.8分 and 6.25分 items)."""
    mix = {t: n for t, n in counts.items() if n}
    points = scale_points(mix, dict(DEFAULT_POINTS), set(), total, 100)  # type: ignore[arg-type]
    assert [points[t] for t in mix] == expected  # type: ignore[index]
    assert sum(n * points[t] for t, n in mix.items()) == total  # type: ignore[index]


def test_an_unreachable_total_is_refused(shipped: Bank) -> None:
    """3 single items cannot total 100 with the same whole or half points each (33.33…): the error
    names what to change, --total (99 is reachable at 33 each) or the items."""
    with pytest.raises(SelectionError) as err:
        build_papers(shipped, seed=3, mix={"single": 3}, total=100)
    assert err.value.message == (
        "3 single items cannot total 100 points with the same whole or half points for every item of a "
        "type; change --total (e.g. --total 99) or the items (--count, --mix), or set the points with --points"
    )
    result = run("--bank", SHIPPED_BANK, "--seed", "3", "--mix", "single=3", "--total", "100", "-o", "x.md")
    assert result.exit_code == 1 and "change --total (e.g. --total 99)" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(SelectionError) as err:
        build_papers(shipped, seed=3, mix={"single": 3}, points={"single": 5}, total=100)
    assert err.value.message == "3 single items cannot total 100 points at the points given (15 in all)"


def test_a_mix_asking_more_than_the_facts_says_items_sharing_a_fact_count_once(shipped: Bank) -> None:
    """The shipped bank has 91 single items on 75 facts: --mix single=300 says both, as --type single
    --count 300 does (a paper asks each fact once)."""
    with pytest.raises(SelectionError) as err:
        build_papers(shipped, seed=3, mix={"single": 300})
    assert err.value.message == (
        f"only 75 single questions in {shipped.path} (91 items; items sharing a fact count once); the mix asks "
        "for 300 (ask for fewer, e.g. --mix single=75, or widen the filters)"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"mix": {"multiple": 4}},
            "only 2 multiple questions in {bank}; the mix asks for 4 (ask for fewer, e.g. --mix multiple=2, "
            "or widen the filters)",
        ),
        (
            {"mix": {"single": 1, "true_false": 2}, "speeches": ("zhao-xianfu",)},
            "only 0 true_false questions in {bank} matching speech zhao-xianfu; the mix asks for 2 "
            "(ask for fewer, e.g. --mix true_false=0, or widen the filters)",
        ),
        ({"mix": {"single": 2}, "count": 3}, "count 3 and the mix (2 items) disagree (give one, or make them equal)"),
        ({"mix": {"single": 0}}, "the mix asks for no items (give at least one, e.g. single=8)"),
        (
            {"mix": {"multiple": 1}, "types": ("single",)},
            "the mix asks for multiple items but the type filter keeps only single",
        ),
        (
            {"mix": {"essay": 1}},
            "unknown type 'essay' in the mix (expected one of: single, multiple, true_false, fill_blank)",
        ),
    ],
)
def test_a_mix_that_cannot_be_filled_says_which_type(mini: Bank, kwargs: dict[str, object], message: str) -> None:
    """An asked-for mix with too few questions of a type names the type and how many match."""
    with pytest.raises(SelectionError) as err:
        build_papers(mini, seed=1, **kwargs)  # type: ignore[arg-type]
    assert err.value.message == message.format(bank=MINI_BANK)


def test_the_standard_paper_on_a_small_bank_takes_what_there_is(mini: Bank) -> None:
    """The mini bank has 2 multiple, 2 true_false and 2 fill_blank questions: the standard paper
    takes them all and mix_shortfall names the short types."""
    (paper,) = build_papers(mini, seed=7)
    held = Counter(i.type for i in paper.items)
    assert (held["multiple"], held["true_false"], held["fill_blank"]) == (2, 2, 2)
    assert mix_shortfall(mini) == [("multiple", 2, 4), ("true_false", 2, 4), ("fill_blank", 2, 4)]
    assert mix_shortfall(load_bank(SHIPPED_BANK)) == []


def test_cli_notes_a_short_standard_paper_and_refuses_a_short_mix(tmp_path: Path) -> None:
    """The CLI prints one note for the standard paper, and an error (exit 1) for an explicit mix."""
    result = run("--bank", MINI_BANK, "--seed", "7", "-o", tmp_path / "a.md")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "note: fewer questions match than the standard paper asks (multiple 2 of 4, true_false 2 of 4, "
        "fill_blank 2 of 4); --mix sets the items per type"
    )
    result = run("--bank", MINI_BANK, "--seed", "7", "--mix", "multiple=3", "-o", tmp_path / "b.md")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: only 2 multiple questions in {MINI_BANK}; the mix asks for 3 "
        "(ask for fewer, e.g. --mix multiple=2, or widen the filters)\n"
    )
    assert not (tmp_path / "b.md").exists()


def test_cli_mix_and_total(tmp_path: Path) -> None:
    """--mix (comma-separated or repeated) and --total reach the paper; the summary line shows the total."""
    result = run(
        "--bank", MINI_BANK, "--seed", "1", "--mix", "single=2,true_false=2", "--mix", "fill_blank=1",
        "--total", "46", "-o", tmp_path / "q.md",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(": 5 questions, 46 points")
    text = (tmp_path / "q.md").read_text(encoding="utf-8")
    assert "## 一、单项选择题（每题10分，共20分）" in text and "## 三、填空题（每题10分，共10分）" in text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("single", "'single' is not TYPE=N (e.g. single=8,multiple=4)"),
        ("essay=2", "unknown type 'essay' in 'essay=2' (expected one of: single, multiple, true_false, fill_blank)"),
        ("single=2,single=3", "single given twice in the mix (give each type once)"),
        ("single=two", "'two' in 'single=two' is not a number of items (e.g. single=4)"),
        ("single=-1", "'-1' in 'single=-1' is not a number of items (e.g. single=4)"),
    ],
)
def test_parse_mix_errors(value: str, message: str) -> None:
    """A bad --mix value says what was expected (and is a usage error, exit 2, in the CLI)."""
    with pytest.raises(ValueError) as err:
        parse_mix(value)
    assert str(err.value) == message
    result = run("--bank", MINI_BANK, "--mix", value)
    assert result.exit_code == 2 and message in result.stderr


def test_a_repeated_mix_type_across_options_is_refused() -> None:
    result = run("--bank", MINI_BANK, "--mix", "single=2", "--mix", "single=3")
    assert result.exit_code == 2 and "single given twice in the mix (give each type once)" in result.stderr


# -- output names ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["测验.pdf", "测验.PDF", "q.txt", "quiz.doc", "a.odt"])
def test_an_unsupported_suffix_is_a_usage_error(tmp_path: Path, name: str) -> None:
    """-o 测验.pdf is refused (exit 2) listing the supported formats; nothing is written."""
    result = run("--bank", MINI_BANK, "--seed", "1", "-o", tmp_path / name)
    assert result.exit_code == 2
    suffix = name[name.index(".") :]
    assert (
        f"output {tmp_path / name}: studykit does not write {suffix} files "
        "(supported: .md, .markdown, .html, .htm, .docx, .tencent.txt, .wjx.txt, .gift, .xml)" in result.stderr
    )
    assert list(tmp_path.iterdir()) == []


def test_dots_that_are_not_extensions_stay_part_of_the_name() -> None:
    """2024.10测验 and 第1.5期 have no extension: the format's is added."""
    assert output_target(Path("2024.10测验"), "docx") == (Path("2024.10测验.docx"), "docx")
    assert output_target(Path("第1.5期"), None) == (Path("第1.5期.md"), "md")
    with pytest.raises(StudykitError):
        output_target(Path("测验.pdf"), "md")


# -- compact options -----------------------------------------------------------------------


def _with_options(paper: Paper, *options: str) -> Paper:
    item = dataclasses.replace(paper.items[0], options=options, answer=("A",))
    section = dataclasses.replace(paper.sections[0], items=(item,))
    return dataclasses.replace(paper, sections=(section,))


@pytest.mark.parametrize(
    ("options", "per_line"),
    [
        (("9月17日", "11月17日", "10月7日", "10月17日"), 4),
        (("八个汉字八个汉字", "甲", "乙", "丙"), 4),  # 16 columns
        (("九个汉字九个汉字九", "甲", "乙", "丙"), 2),  # 18 columns
        (("一", "二", "三", "四", "五"), 3),
        (("一", "二", "三", "四", "五", "六"), 3),
        (("十二个汉字十二个汉字十二", "甲", "乙", "丙", "丁"), 3),  # 24 columns
        (("“现场会议+云端会议”", "“线上直播+线下座谈”", "乙", "丙"), 2),
        (("十八个汉字十八个汉字十八个汉字十八个", "乙", "丙", "丁"), 2),  # 36 columns
        (("十九个汉字十九个汉字十九个汉字十九个字", "乙", "丙", "丁"), 1),
        (("一", "二", "三", "四", "五", "六", "七"), 4),  # 4 + 3
    ],
)
def test_options_per_line_by_display_width(standard: Paper, options: tuple[str, ...], per_line: int) -> None:
    """Four to a line up to 16 display columns (CJK = 2), three up to 24, two up to 36, else one."""
    assert options_per_line(_with_options(standard, *options).items[0]) == per_line


def test_short_options_share_one_line_in_all_three_formats(standard: Paper) -> None:
    """A. 9月17日　B. 11月17日　C. 10月7日　D. 10月17日 on one line: Markdown, HTML grid, DOCX tabs."""
    paper = _with_options(standard, "9月17日", "11月17日", "10月7日", "10月17日")
    md = render(paper, "md").decode()
    assert "\\\nA. 9月17日\u3000B. 11月17日\u3000C. 10月7日\u3000D. 10月17日\n" in md
    assert '<ol class="options cols-4">' in render(paper, "html").decode()
    doc = docx.Document(io.BytesIO(render(paper, "docx")))
    (row,) = [p for p in doc.paragraphs if p.text.startswith("A. ")]
    assert row.text == "A. 9月17日\tB. 11月17日\tC. 10月7日\tD. 10月17日"
    assert [round(t.position.mm) for t in row.paragraph_format.tab_stops] == [48, 88, 129]


def test_standard_paper_rows(standard: Paper) -> None:
    """The shipped standard paper (seed 7) prints its 12 choice items' options on 18 lines, not 49."""
    choice = [i for i in standard.items if i.options]
    assert sum(len(i.options) for i in choice) == 49
    assert sum(len(option_rows(i)) for i in choice) == 18


# -- page numbers and core properties ---------------------------------------------------------


def test_docx_footer_has_page_and_numpages_fields(standard: Paper) -> None:
    """第 {PAGE} 页 共 {NUMPAGES} 页 as real complex fields in the footer, in both documents."""
    for solutions in (False, True):
        doc = docx.Document(io.BytesIO(render(standard, "docx", solutions=solutions)))
        footer = doc.sections[0].footer._element
        instructions = [e.text.strip() for e in footer.iter(qn("w:instrText"))]
        assert instructions == ["PAGE \\* MERGEFORMAT", "NUMPAGES \\* MERGEFORMAT"]
        kinds = [e.get(qn("w:fldCharType")) for e in footer.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"] * 2
        assert doc.sections[0].footer.paragraphs[0].text == "第 1 页 共 1 页"


def test_html_prints_page_numbers(standard: Paper) -> None:
    """An @page bottom-center margin box counts page and pages."""
    out = render(standard, "html").decode()
    assert '@bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页";' in out


def test_docx_core_properties_name_the_paper(standard: Paper) -> None:
    """Title, subject (测验 id), author and last modified by studykit; no python-docx boilerplate."""
    for data, title in (
        (render(standard, "docx"), standard.title),
        (render(standard, "docx", solutions=True), f"{standard.title} · 参考答案"),
        (render_card(standard, "docx"), f"{standard.title} · 答题卡"),
    ):
        props = docx.Document(io.BytesIO(data)).core_properties
        assert props.title == title
        assert props.subject == f"测验 {standard.quiz_id}"
        assert props.author == props.last_modified_by == "studykit"
        assert "python-docx" not in " ".join((props.comments, props.keywords, props.category, props.subject))


# -- the printable answer card (答题卡) -------------------------------------------------------


def _answer_cells(data: bytes) -> tuple[dict[int, object], list[str]]:
    """Each item's answer cell of the DOCX card (by number), and the card's paragraphs."""
    doc = docx.Document(io.BytesIO(data))
    (table,) = doc.tables
    cells: dict[int, object] = {}
    rows = table.rows
    n = 0
    while n < len(rows):
        first = rows[n].cells[0].text
        if first == "题号":
            for number_cell, answer_cell in zip(rows[n].cells[1:], rows[n + 1].cells[1:], strict=True):
                if number_cell.text:
                    cells[int(number_cell.text)] = answer_cell._tc
            assert rows[n + 1].cells[0].text == "答案"
            n += 2
        else:
            unique = {c._tc for c in rows[n].cells[1:]}
            assert len(unique) == 1  # the answer columns merged into one wide cell
            cells[int(first.rstrip("."))] = unique.pop()
            n += 1
    return cells, [p.text for p in doc.paragraphs]


def test_docx_card_has_one_answer_cell_per_item(standard: Paper) -> None:
    """python-docx reads the 答题卡 table back: one distinct empty cell per item, numbered 1–20."""
    cells, texts = _answer_cells(render_card(standard, "docx"))
    assert sorted(cells) == list(range(1, 21))
    assert len({id(c) for c in cells.values()}) == 20
    assert texts[0] == "答题卡" and texts[1] == standard.title
    assert texts[2].startswith("姓名：") and "支部：" in texts[2]
    assert standard.id_line in texts
    assert "一、单项选择题 1–8\u3000二、多项选择题 9–12\u3000三、判断题 13–16\u3000四、填空题 17–20" in texts


def test_card_grid_and_lines(standard: Paper, mini: Bank) -> None:
    """Choice and 判断 numbers in rows of 10, a line per 填空; a paper of blanks only has no grid."""
    assert card_grid(standard) == [list(range(1, 11)), list(range(11, 17))]
    assert card_lines(standard) == [17, 18, 19, 20]
    (blanks,) = build_papers(mini, seed=1, types=("fill_blank",))
    assert card_grid(blanks) == [] and card_lines(blanks) == [1, 2]
    cells, _ = _answer_cells(render_card(blanks, "docx"))
    assert sorted(cells) == [1, 2]


def test_html_card_has_one_cell_per_item(standard: Paper) -> None:
    """The HTML 答题卡: one labelled cell per item, the fields and the quiz id, escaped text."""
    out = render_card(standard, "html").decode()
    assert re.findall(r'aria-label="第(\d+)题"', out) == [str(n) for n in range(1, 21)]
    assert out.count('<td class="unused"></td>') == 4
    assert "姓名：" in out and "支部：" in out and standard.quiz_id in out
    assert '"SimSun", "宋体"' in out  # CSS font names are not HTML-escaped
    evil = dataclasses.replace(standard, title="<b>第一次</b>")
    assert "&lt;b&gt;第一次&lt;/b&gt;" in render_card(evil, "html").decode()


def test_card_instruction_names_only_the_types_on_the_paper(standard: Paper, mini: Bank) -> None:
    """The 答题卡 tells members how to answer only the types its paper has (as the paper's own line
    does): a paper of blanks says nothing of letters or 对/错, one of single choices nothing of ACD."""
    full = "选择题在题号下的格内写字母（多选连写，如 ACD），判断题写“对”或“错”，填空题在题号后写所填文字。"
    (blanks,) = build_papers(mini, seed=1, types=("fill_blank",))
    (singles,) = build_papers(mini, seed=1, types=("single",))
    (judged,) = build_papers(mini, seed=1, types=("true_false", "fill_blank"))
    expected = {
        standard.quiz_id: full,
        blanks.quiz_id: "填空题在题号后写所填文字。",
        singles.quiz_id: "选择题在题号下的格内写字母。",
        judged.quiz_id: "判断题在题号下的格内写“对”或“错”，填空题在题号后写所填文字。",
    }
    for paper in (standard, blanks, singles, judged):
        _, texts = _answer_cells(render_card(paper, "docx"))
        assert expected[paper.quiz_id] in texts, texts
        assert sum(line in texts for line in expected.values()) == 1
        assert f'<p class="instruction">{expected[paper.quiz_id]}</p>' in render_card(paper, "html").decode()


def test_no_card_for_markdown(standard: Paper) -> None:
    with pytest.raises(StudykitError, match="no answer card in format 'md'"):
        render_card(standard, "md")


def test_mix_reads_full_width_forms_but_no_other_digits() -> None:
    """``单选＝１０，多选＝２`` and ``3、`` are read as typed on a Chinese keyboard; ``1²`` was read as 12 and
    ``⑩`` as 10 (NFKC), ``٣`` as 3: numbers nobody typed, now refused with the value named."""
    from studykit.mix import parse_mix

    assert parse_mix("单选＝１０，多选＝２") == {"single": 10, "multiple": 2}
    assert parse_mix("ｓｉｎｇｌｅ=3、判断=1") == {"single": 3, "true_false": 1}
    for value in ("1²", "⑩", "٣", "𝟑"):
        with pytest.raises(ValueError) as exc:
            parse_mix(f"单选={value}")
        assert str(exc.value) == f"{value!r} in '单选={value}' is not a number of items (e.g. single=4)"


@pytest.mark.parametrize("command", [[], ["quiz"]])
def test_help_examples_make_the_standard_paper(command: list[str], tmp_path: Path) -> None:
    """studykit --help and quiz --help show `quiz --seed 7 …` for the 100-point standard paper: their
    `--count 20` drew 20 items of any type, 99 points on the shipped bank."""
    runner = CliRunner(env={"STUDYKIT_LANG": "en"})
    text = runner.invoke(main, [*command, "--help"]).output
    examples = [line.split() for line in text.splitlines() if line.strip().startswith("studykit quiz --seed 7")]
    assert examples and "--count 20" not in text
    for n, words in enumerate(examples):
        args = [*words[1:-1], str(tmp_path / f"{n}-{words[-1]}"), "--bank", str(SHIPPED_BANK)]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "quiz szzl-hubei-daily-7-0b3cb86e: 20 questions, 100 points\n" in result.output


def test_a_scaled_year_paper_prints_whole_points_in_docx_and_markdown(tmp_path: Path) -> None:
    """quiz --bank shipped --bank tests/data/year --count 25 --total 100 (seed 5): the .docx headings and the
    .md give whole points per item, the sections' 共N分 adding up to 满分 100 (a year paper printed 每题3.35分)."""
    year = DATA / "year"
    common = ["--bank", SHIPPED_BANK, "--bank", year, "--count", "25", "--total", "100", "--seed", "5"]
    for name in ("y.docx", "y.md"):
        result = run(*common, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    headings = [
        "一、单项选择题（每题5分，共40分）",
        "二、多项选择题（每题6分，共6分。多选、少选、错选均不得分）",
        "三、判断题（每题3分，共30分）",
        "四、填空题（每题4分，共24分）",
    ]
    doc = docx.Document(str(tmp_path / "y.docx"))
    assert [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"] == headings
    assert sum(int(re.search(r"共(\d+)分", h).group(1)) for h in headings) == 100  # type: ignore[union-attr]
    assert any(p.text.endswith("满分：100分") for p in doc.paragraphs)
    text = (tmp_path / "y.md").read_text(encoding="utf-8")
    assert [line.removeprefix("## ") for line in text.splitlines() if line.startswith("## ")] == headings
    assert "满分：100分" in text
