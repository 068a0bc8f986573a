"""Selection, option shuffling and the answer key of quiz papers (studykit.quiz)."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from skpaths import SHIPPED_BANK
from studykit.bank import load_bank
from studykit.errors import SelectionError
from studykit.key import dump_key, load_key
from studykit.model import LETTERS, QUESTION_TYPES, Bank, Question
from studykit.quiz import build_papers, format_points, giveaway_pairs, is_catch_all, parse_points

MINI = Path(__file__).parent / "data" / "mini" / "question_bank.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(MINI)


def with_questions(bank: Bank, questions: list[Question]) -> Bank:
    return dataclasses.replace(bank, questions=tuple(questions))


def ids(paper_items: object) -> set[str]:
    return {i.question.id for i in paper_items}  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", [0, 7, 12345])
def test_key_letters_point_at_the_banks_correct_options(bank: Bank, seed: int, tmp_path: Path) -> None:
    """In every version, the options under the key's letters are exactly the bank's correct options."""
    papers = build_papers(bank, count=17, seed=seed, versions=4)
    assert [p.version for p in papers] == ["A", "B", "C", "D"]
    for paper in papers:
        path = tmp_path / f"{paper.version}.key.yaml"
        path.write_text(dump_key(paper.key()), encoding="utf-8")
        key = load_key(path)  # through the file grade reads
        assert len(key.items) == 17
        for item in key.items:
            q = bank.question(item.question_id)
            assert item.type == q.type
            if q.is_choice:
                assert sorted(item.options) == sorted(q.options)
                under_letters = [item.options[LETTERS.index(a)] for a in item.answer]
                assert sorted(under_letters) == sorted(q.correct_options)
                assert sorted(item.correct) == sorted(q.correct_options)
                assert list(item.answer) == sorted(item.answer)
            else:
                assert item.answer == q.answer
                assert item.options == ()


def test_versions_share_the_selection_but_not_the_option_order(bank: Bank) -> None:
    """Versions A and B hold the same questions in the same order; their options are shuffled differently."""
    a, b = build_papers(bank, count=17, seed=7, versions=2)
    assert [i.question.id for i in a.items] == [i.question.id for i in b.items]
    assert a.quiz_id == b.quiz_id
    assert [i.options for i in a.items] != [i.options for i in b.items]


def test_same_seed_same_papers(bank: Bank) -> None:
    """The same bank, options and seed give equal papers."""
    assert build_papers(bank, count=10, seed=3, versions=3) == build_papers(bank, count=10, seed=3, versions=3)


def test_quiz_id_names_bank_seed_and_options(bank: Bank) -> None:
    """The quiz id is <bank id>-<seed>-<8 hex>; it changes with the options, and a versioned quiz has its own."""
    (one,) = build_papers(bank, count=10, seed=7)
    assert one.quiz_id == "mini-test-7-f77a784c"
    assert one.version == ""
    versioned = build_papers(bank, count=10, seed=7, versions=3)
    assert len({p.quiz_id for p in versioned}) == 1  # A, B, C share one id; the version tells them apart
    assert versioned[0].quiz_id != one.quiz_id  # so an unversioned sheet can never match a version's key
    assert build_papers(bank, count=10, seed=7, points={"single": 1})[0].quiz_id != one.quiz_id
    assert build_papers(bank, count=9, seed=7)[0].quiz_id != one.quiz_id
    assert re.fullmatch(r"mini-test-8-[0-9a-f]{8}", build_papers(bank, count=10, seed=8)[0].quiz_id)


def test_no_seed_picks_one_that_regenerates_the_paper(bank: Bank) -> None:
    """Without a seed a seed is picked and recorded; passing it back gives the same paper."""
    (paper,) = build_papers(bank, count=6)
    assert 0 <= paper.seed < 1_000_000
    assert build_papers(bank, count=6, seed=paper.seed) == [paper]


@pytest.mark.parametrize(
    ("count", "expected"),
    [(4, [1, 1, 1, 1]), (8, [1, 2, 2, 3]), (12, [2, 3, 3, 4]), (17, [2, 4, 5, 6])],
)
def test_questions_spread_across_speeches(bank: Bank, count: int, expected: list[int]) -> None:
    """Questions are drawn speech by speech, fewest first: none left out (intro has only 2).  At 8
    byline items may fill one place (15 %): 田毅鹏's “who said” item, drawn first, rules out his
    two items on its sentence, so his speech has one item and 赵显富's three."""
    (paper,) = build_papers(bank, count=count, seed=11)
    per_speech = Counter(i.question.speech for i in paper.items)
    assert sorted(per_speech.values()) == expected
    assert per_speech["intro"] == min(2, count // 4)


def test_items_grouped_by_type_numbered_on_in_article_order(bank: Bank) -> None:
    """Sections follow 单选, 多选, 判断, 填空; numbers run on; inside a section items follow the article."""
    (paper,) = build_papers(bank, count=17, seed=5)
    assert [s.type for s in paper.sections] == list(QUESTION_TYPES)
    assert [s.ordinal for s in paper.sections] == ["一", "二", "三", "四"]
    assert [i.number for i in paper.items] == list(range(1, 18))
    for section in paper.sections:
        assert all(i.type == section.type for i in section.items)
        order = [bank.speech(i.question.speech).number for i in section.items]
        assert order == sorted(order)
    assert [i.question.id for i in paper.sections[2].items] == ["ren-02", "tian-02"]
    assert [i.question.id for i in paper.sections[3].items] == ["intro-02", "zhao-02"]


def test_sections_renumber_when_types_are_filtered(bank: Bank) -> None:
    """With only 判断题 and 填空题 they become sections 一 and 二."""
    (paper,) = build_papers(bank, seed=1, types=("fill_blank", "true_false"))
    assert [s.heading for s in paper.sections] == ["一、判断题（每题4分，共8分）", "二、填空题（每题5分，共10分）"]
    assert paper.instruction == "本卷共4题。判断题正确的填“对”、错误的填“错”；填空题在横线上填写原文。"


def test_true_false_key_is_printed_as_members_write_it(bank: Bank) -> None:
    """The 参考答案 and the Anki/review cards give a true_false key as 对/错, the words the paper asks for."""
    (paper,) = build_papers(bank, seed=1, types=("true_false",))
    assert [(i.question.id, i.answer_text) for i in paper.items] == [("ren-02", "对"), ("tian-02", "错")]
    assert [bank.question(q).answer_text for q in ("ren-02", "tian-02")] == ["对", "错"]
    assert "判断题正确的填“对”、错误的填“错”" in paper.instruction


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"types": ("true_false",)}, {"ren-02", "tian-02"}),
        ({"tags": ("数字表述",)}, {"tian-01", "zhao-02", "zhao-03"}),
        ({"difficulties": (3,)}, {"zhao-03"}),
        ({"speeches": ("zhao-xianfu",), "types": ("multiple",)}, {"zhao-03"}),
        ({"speeches": ("intro", "tian-yipeng"), "difficulties": (2,)}, {"intro-02", "tian-01", "tian-02"}),
        (
            {"types": ("multiple", "fill_blank"), "tags": ("研讨会", "数字表述")},
            {"tian-01", "zhao-03", "intro-02", "zhao-02"},
        ),
    ],
)
def test_filters(bank: Bank, filters: dict[str, tuple[str, ...]], expected: set[str]) -> None:
    """Filters combine with AND; the values of one filter with OR; no count means every match (fewer than 20)."""
    (paper,) = build_papers(bank, seed=2, **filters)  # type: ignore[arg-type]
    assert ids(paper.items) == expected


def test_default_count_is_twenty() -> None:
    """With no count a paper holds 20 questions when at least 20 match (the shipped bank)."""

    (paper,) = build_papers(load_bank(SHIPPED_BANK), seed=1)
    assert len(paper.items) == 20


def test_default_count_shrinks_rather_than_print_a_give_away(bank: Bank) -> None:
    """25 copies of one question (one source sentence) all give each other away: without a
    count the paper takes the most it can without such a pair; an explicit count is met."""
    many = [dataclasses.replace(bank.questions[2], id=f"ren-x{n}") for n in range(25)]
    crowded = with_questions(bank, many)
    (paper,) = build_papers(crowded, seed=1)
    assert not giveaway_pairs(crowded, paper) and len(paper.items) == 1
    (full,) = build_papers(crowded, seed=1, count=20)
    assert len(full.items) == 20 and giveaway_pairs(crowded, full)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"count": 30}, "only 17 questions in {bank}; 30 asked for (ask for fewer)"),
        (
            {"count": 3, "types": ("true_false",)},
            "only 2 questions in {bank} match type true_false; 3 asked for (ask for fewer or widen the filters)",
        ),
        ({"speeches": ("intro",), "types": ("multiple",)}, "no question in {bank} matches speech intro; type multiple"),
        (
            {"speeches": ("ren",)},
            "unknown speech id 'ren' (expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu)",
        ),
        (
            {"tags": ("无此标签",)},
            "no question has the tag '无此标签' "
            "(tags in the bank: 会议文件, 原文出处, 发言标题, 归属, 数字表述, 研讨会, 职务, 观点)",
        ),
        (
            {"types": ("essay",)},
            "unknown question type 'essay' (expected one of: single, multiple, true_false, fill_blank)",
        ),
        ({"count": 0}, "count must be at least 1, not 0"),
        ({"versions": 27}, "versions must be 1–26, not 27"),
        ({"points": {"single": 0}}, "points for single must be positive, not 0"),
    ],
)
def test_selection_errors(bank: Bank, kwargs: dict[str, object], message: str) -> None:
    """Impossible selections raise SelectionError saying what matches or what was expected."""
    with pytest.raises(SelectionError) as err:
        build_papers(bank, seed=1, **kwargs)  # type: ignore[arg-type]
    assert err.value.message == message.format(bank=MINI)


def test_points_change_headings_and_key(bank: Bank) -> None:
    """--points sets the points per item of a type in the section heading, the totals and the key."""
    (paper,) = build_papers(bank, seed=4, types=("multiple", "true_false"), points={"multiple": 4, "true_false": 1.5})
    assert [s.heading for s in paper.sections] == [
        "一、多项选择题（每题4分，共8分。多选、少选、错选均不得分）",
        "二、判断题（每题1.5分，共3分）",
    ]
    assert paper.total_points == 11
    assert [i.points for i in paper.key().items] == [4, 4, 1.5, 1.5]
    assert paper.id_line == f"测验编号：{paper.quiz_id}　满分：11分"


def test_printed_stems_carry_the_answer_marker(bank: Bank) -> None:
    """Choice stems and true/false statements carry a bracket with room to write in: the bank's
    （ ）, or one appended, printed as （　　） (two ideographic spaces); fill_blank stems keep ____."""
    (paper,) = build_papers(bank, count=17, seed=1)
    by_id = {i.question.id: i.stem for i in paper.items}
    assert by_id["ren-02"] == "任剑涛指出，城市治理是国家治理的重要组成部分。（\u3000\u3000）"
    assert by_id["ren-01"] == "任剑涛认为，省域治理的重要落点是（\u3000\u3000）"
    assert by_id["intro-02"] == "研讨会以“____”的形式进行。"


def test_catch_all_options_stay_last(bank: Bank) -> None:
    """以上都是 / 以上都不对 stay last in every version, and the key follows when one is correct."""
    base = bank.question("ren-01")
    q1 = dataclasses.replace(base, id="c1", options=("县域", "乡村", "大都市", "以上都是"), answer=("D",))
    q2 = dataclasses.replace(base, id="c2", options=("县域", "以上都不对", "大都市", "社区"), answer=("C",))
    q3 = dataclasses.replace(
        bank.question("tian-01"), id="c3", options=("网格长", "楼栋长", "以上都不对", "单元长"), answer=("A", "B", "D")
    )
    for paper in build_papers(with_questions(bank, [q1, q2, q3]), seed=9, versions=8, count=3):
        items = {i.question.id: i for i in paper.items}
        assert items["c1"].options[-1] == "以上都是"
        assert items["c1"].answer == ("D",)
        assert items["c2"].options[-1] == "以上都不对"
        assert items["c2"].correct == ("大都市",)
        assert items["c3"].options[-1] == "以上都不对"
        assert sorted(items["c3"].correct) == ["单元长", "楼栋长", "网格长"]


def test_single_choice_keys_are_balanced_over_letters(bank: Bank) -> None:
    """Even when the bank puts every key at A, each paper spreads single-choice keys evenly over A–D."""
    base = bank.question("ren-01")
    singles = [
        dataclasses.replace(base, id=f"s{n}", options=(f"对{n}", "甲", "乙", "丙"), answer=("A",)) for n in range(22)
    ]
    for paper in build_papers(with_questions(bank, singles), count=22, seed=13, versions=5):
        letters = Counter(i.answer[0] for i in paper.items)
        assert set(letters) == {"A", "B", "C", "D"}
        assert max(letters.values()) - min(letters.values()) <= 1
        assert sum(letters.values()) == 22


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("multiple=4", ("multiple", 4.0)),
        ("single=1.5", ("single", 1.5)),
        (" fill_blank = 3 ", ("fill_blank", 3.0)),
        ("single=100", ("single", 100.0)),
        ("single=0.01", ("single", 0.01)),
        ("single=1.50", ("single", 1.5)),
    ],
)
def test_parse_points(text: str, expected: tuple[str, float]) -> None:
    """TYPE=N parses to the type and a number of points with 0 < N ≤ 100 and at most 2 decimals."""
    assert parse_points(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("single", "'single' is not TYPE=N (e.g. multiple=4)"),
        ("essay=2", "unknown type 'essay' in 'essay=2' (expected one of: single, multiple, true_false, fill_blank)"),
        ("single=two", "'two' in 'single=two' is not a number of points (e.g. single=2)"),
        ("single=0", "'0' in 'single=0': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)"),
        (
            "single=nan",
            "'nan' in 'single=nan': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
        (
            "single=100.01",
            "'100.01' in 'single=100.01': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
        (
            "single=1.125",
            "'1.125' in 'single=1.125': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
    ],
)
def test_parse_points_errors(text: str, message: str) -> None:
    """A bad TYPE=N says what was expected."""
    with pytest.raises(ValueError) as err:
        parse_points(text)
    assert str(err.value) == message


def test_helpers() -> None:
    """Points print without a needless .0, an exponent or float noise; catch-alls are recognised whitespace aside."""
    assert [format_points(2.0), format_points(1.5), format_points(10)] == ["2", "1.5", "10"]
    assert [format_points(0.1 + 0.2), format_points(0.01), format_points(2000.0)] == ["0.3", "0.01", "2000"]
    assert is_catch_all("以上都是") and is_catch_all("以上 都不对") and is_catch_all("都对")
    assert not is_catch_all("以上海为例")


def test_no_paper_holds_two_items_of_one_fact() -> None:
    """Across 30 seeds of 60-item papers, items sharing a fact (e.g. ren-jiantao/heading) never meet."""
    bank = load_bank(SHIPPED_BANK)
    for seed in range(30):
        (paper,) = build_papers(bank, count=60, seed=seed)
        facts = Counter(item.question.fact for item in paper.items if item.question.fact)
        assert max(facts.values(), default=1) == 1, seed


def test_items_sharing_a_fact_count_once_toward_the_count() -> None:
    """The shipped bank has 201 items but 180 distinct facts: asking for 181 is an error saying 180."""
    bank = load_bank(SHIPPED_BANK)
    assert len(build_papers(bank, count=180, seed=1)[0].items) == 180
    with pytest.raises(
        SelectionError,
        match=r"^only 180 questions in .* \(201 items; items sharing a fact count once\); 181 asked for \(ask for fewer\)$",
    ):
        build_papers(bank, count=181, seed=1)


def test_byline_items_fill_at_most_15_percent_of_100_default_papers() -> None:
    """Over 100 default papers of the shipped bank (seeds 1–100), byline items — derived "whose speech /
    whose post / who said" items and the curated ones sharing their fact — fill at most 15 % (3 of 20)."""
    from studykit.quiz import MAX_BYLINE_SHARE, byline_ids

    bank = load_bank(SHIPPED_BANK)
    byline = byline_ids(bank)
    assert len(byline) == 40  # 24 derived + 8 heading and 8 post items restating them
    most = 0
    for seed in range(1, 101):
        (paper,) = build_papers(bank, seed=seed)
        share = sum(i.question.id in byline for i in paper.items)
        most = max(most, share)
        assert share <= MAX_BYLINE_SHARE * len(paper.items), seed
    assert most == 3
    # a 40-item paper (a fifth of it were byline items before issue 15): at most 6
    assert (
        max(sum(i.question.id in byline for i in build_papers(bank, count=40, seed=s)[0].items) for s in range(1, 101))
        == 6
    )


def test_byline_share_can_be_changed_and_a_byline_only_selection_still_fills() -> None:
    """byline_share=0 leaves byline items out; a selection of only byline items (tag 归属) still fills."""
    from studykit.quiz import byline_ids

    bank = load_bank(SHIPPED_BANK)
    (paper,) = build_papers(bank, seed=4, byline_share=0)
    assert len(paper.items) == 20 and not [i for i in paper.items if i.question.id in byline_ids(bank)]
    assert paper.quiz_id != build_papers(bank, seed=4)[0].quiz_id  # other items, another quiz
    (paper,) = build_papers(bank, seed=4, count=8, tags=("归属",))
    assert len(paper.items) == 8 and all(i.question.derived for i in paper.items)
    with pytest.raises(SelectionError, match=r"^byline_share must be from 0 to 1, not 1\.5$"):
        build_papers(bank, seed=4, byline_share=1.5)


def test_a_paper_s_judgements_are_not_all_one_answer() -> None:
    """判断题 drawn all 对 (or all 错) let a member who writes 对 throughout score the whole section (a new
    user's standard paper had 对 对 对 对).  Where the bank holds both answers, every paper of two or more
    判断题 has both: here 40 seeds of 4 判断题 from the shipped bank, and the paper of ``--seed 5`` whose
    three were all 对 before."""
    from studykit.bank import load_bank
    from studykit.quiz import build_papers

    bank = load_bank(SHIPPED_BANK)
    papers = [build_papers(bank, seed=seed, mix={"single": 2, "true_false": 4})[0] for seed in range(40)]
    judged = [{it.answer for it in paper.items if it.type == "true_false"} for paper in papers]
    assert judged == [{("true",), ("false",)}] * 40
    mix = {"single": 6, "multiple": 3, "true_false": 3, "fill_blank": 2}
    paper = build_papers(bank, seed=5, versions=2, mix=mix)[0]
    assert [it.answer for it in paper.items if it.type == "true_false"] == [("true",), ("true",), ("false",)]
