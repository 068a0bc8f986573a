"""Scores and item statistics, checked against values worked out by hand."""

from __future__ import annotations

import pytest

from studykit.errors import AnswerFileError
from studykit.grade import (
    GivenAnswer,
    MemberResult,
    Submission,
    discrimination_index,
    grade_submission,
    score_item,
    summarize_group,
)
from studykit.grade.scoring import upper_lower_size
from studykit.key import AnswerKey
from studykit.model import Bank

#: name -> answers to items 1..8 (see conftest.make_key: 2, 2, 4, 4, 1, 1, 2, 2 points)
GROUP = {
    "甲": ["B", "C", "ABC", "ABC", "对", "错", "现场会议+云端会议", "1+1+11"],
    "乙": ["B", "C", "AB", "ABC", "对", "对", "现场会议+云端会议", ""],
    "丙": ["A", "C", "ABD", "AB", "错", "错", "现场会议", "1+1+11"],
    "丁": ["B", "", "ABCD", "A", "对", "", "", ""],
}


def submission(name: str, answers: list[str]) -> Submission:
    given = tuple(GivenAnswer(i + 1, text, i + 4) for i, text in enumerate(answers))
    return Submission(name, f"{name}.answers.txt", given)


def grade_group(key: AnswerKey, rule: str) -> list[MemberResult]:
    return [grade_submission(submission(n, a), key, rule) for n, a in GROUP.items()]


@pytest.mark.parametrize(
    ("rule", "scores"),
    [("all-or-nothing", [18, 11, 5, 3]), ("partial", [18, 13, 7, 5])],
)
def test_group_scores_under_both_rules(key: AnswerKey, rule: str, scores: list[float]) -> None:
    """Each member's total is exactly the hand-computed score under each multiple rule."""
    assert [m.score for m in grade_group(key, rule)] == scores


@pytest.mark.parametrize(
    ("chosen", "all_or_nothing", "partial"),
    [
        (("A", "B", "C"), ("correct", 4), ("correct", 4)),
        (("A", "B"), ("wrong", 0), ("partial", 2)),
        (("C",), ("wrong", 0), ("partial", 2)),
        (("A", "D"), ("wrong", 0), ("wrong", 0)),
        (("A", "B", "C", "D"), ("wrong", 0), ("wrong", 0)),
        (("A", "其他"), ("wrong", 0), ("wrong", 0)),
    ],
)
def test_multiple_rules(
    key: AnswerKey, chosen: tuple[str, ...], all_or_nothing: tuple[str, float], partial: tuple[str, float]
) -> None:
    """all-or-nothing needs exactly the key; partial gives half for a proper subset, 0 for any wrong or all options."""
    item = key.item(3)
    assert score_item(item, chosen, "all-or-nothing") == all_or_nothing
    assert score_item(item, chosen, "partial") == partial


def test_choosing_every_option_never_scores_even_when_all_are_correct(key: AnswerKey) -> None:
    """Choosing every option earns 0 even for an item whose key names every option."""
    from dataclasses import replace

    item = replace(key.item(3), answer=("A", "B", "C", "D"))
    assert score_item(item, ("A", "B", "C", "D"), "partial") == ("wrong", 0.0)


def test_key_rule_is_the_default(mini_bank: Bank) -> None:
    """Without a rule, the one printed on the paper (the key's) applies."""
    from gradekit import make_key

    key = make_key(mini_bank, multiple_scoring="partial")
    assert grade_submission(submission("乙", GROUP["乙"]), key).score == 13


def test_item_results_record_given_status_and_points(key: AnswerKey) -> None:
    """Each item result keeps the canonical given answer, its status and the points earned."""
    result = grade_submission(submission("丁", GROUP["丁"]), key, "partial")
    assert [(r.number, r.status, r.given, r.earned) for r in result.items] == [
        (1, "correct", "B", 2),
        (2, "unanswered", "", 0),
        (3, "wrong", "A、B、C、D", 0),
        (4, "partial", "A", 2),
        (5, "correct", "对", 1),
        (6, "unanswered", "", 0),
        (7, "unanswered", "", 0),
        (8, "unanswered", "", 0),
    ]


def test_fill_blank_accepts_every_accepted_text(key: AnswerKey) -> None:
    """A fill_blank answer matching any accepted text of the key scores, a different character does not."""
    for text, earned in [("１＋１＋１１", 2), ("“1+1+11”", 2), ("1 + 1 + 11。", 2), ("1+1+12", 0)]:
        result = grade_submission(Submission("x", "x.txt", (GivenAnswer(8, text),)), key)
        assert result.items[7].earned == earned, text


def test_unreadable_answer_warns_with_file_line_and_question(key: AnswerKey) -> None:
    """An unreadable answer scores 0 and warns naming file, line, member and question, showing it as written."""
    sub = Submission("张三", "张三.answers.txt", (GivenAnswer(1, "E", 4), GivenAnswer(2, "？", 5)))
    result = grade_submission(sub, key)
    assert result.score == 0
    assert [str(w) for w in result.warnings] == [
        "张三.answers.txt:4: warning: 张三, question 1: cannot read answer 'E': "
        "E is not an option of this item (it has A–D); scored 0",
        "张三.answers.txt:5: warning: 张三, question 2: cannot read answer '？': "
        "expected letters A–D or option texts; scored 0",
    ]


def test_answer_to_unknown_number_is_a_warning(key: AnswerKey) -> None:
    """An answer to a number the quiz does not have is ignored with a warning."""
    result = grade_submission(Submission("x", "x.txt", (GivenAnswer(1, "B", 4), GivenAnswer(9, "A", 5))), key)
    assert result.score == 2
    assert [str(w) for w in result.warnings] == [
        "x.txt:5: warning: x, question 9: the quiz has no question 9 (its questions are 1–8); answer ignored"
    ]


def test_question_answered_twice_is_an_error(key: AnswerKey) -> None:
    """A submission answering one question twice is refused, never guessed."""
    with pytest.raises(AnswerFileError, match="question 1 is answered twice"):
        grade_submission(Submission("x", "x.txt", (GivenAnswer(1, "B"), GivenAnswer(1, "A"))), key)


def test_group_statistics_by_hand(key: AnswerKey, mini_bank: Bank) -> None:
    """Mean, median, min, max, facility, discrimination, option counts and speech means match the hand values."""
    report = summarize_group(grade_group(key, "all-or-nothing"), key, bank=mini_bank, pass_mark=60)
    assert (report.mean, report.median, report.minimum, report.maximum) == (9.25, 8, 3, 18)
    assert [s.facility for s in report.items] == [0.75, 0.75, 0.25, 0.5, 0.75, 0.5, 0.5, 0.5]
    assert [s.discrimination for s in report.items] == [0, 1, 1, 1, 0, 1, 1, 1]
    assert report.items[2].choices == (("A", 4), ("B", 4), ("C", 2), ("D", 2))
    assert report.items[0].choices == (("A", 1), ("B", 3), ("C", 0), ("D", 0))
    assert report.items[4].choices == (("true", 3), ("false", 1))
    assert report.items[6].choices == (("现场会议+云端会议", 2), ("现场会议", 1))
    assert (report.items[6].unanswered, report.items[1].unanswered) == (1, 1)
    assert [(s.speech, s.mean, s.share, s.revisit) for s in report.speeches] == [
        ("intro", 2.5, 0.625, False),
        ("ren-jiantao", 2.25, 0.75, False),
        ("tian-yipeng", 1.5, 0.3, True),
        ("zhao-xianfu", 3.0, 0.5, True),
    ]
    assert [s.speech for s in report.revisit] == ["tian-yipeng", "zhao-xianfu"]
    assert [report.passed(m) for m in report.members] == [True, True, False, False]
    assert [(rank, m.name) for rank, m in report.ranking()] == [(1, "甲"), (2, "乙"), (3, "丙"), (4, "丁")]


def test_ranking_shares_ranks_on_ties(key: AnswerKey) -> None:
    """Equal totals share a rank (1, 2, 2, 4) and keep the order read."""
    answers = {"a": ["B"], "b": ["A"], "c": ["C"], "d": ["B", "C"]}
    results = [grade_submission(submission(n, a), key) for n, a in answers.items()]
    report = summarize_group(results, key)
    assert [(rank, m.name) for rank, m in report.ranking()] == [(1, "d"), (2, "a"), (3, "b"), (3, "c")]


@pytest.mark.parametrize(("n", "size"), [(1, 1), (2, 1), (4, 1), (5, 1), (6, 2), (10, 3), (50, 14), (150, 41)])
def test_upper_lower_group_size(n: int, size: int) -> None:
    """n = round(0.27·N) rounded half up, at least 1."""
    assert upper_lower_size(n) == size


def test_discrimination_ties_break_by_order_read() -> None:
    """At a tied boundary the earlier-read members join the upper group: D = 0.5 − 0 here."""
    assert discrimination_index([False, True, True, True, False, False], [4, 4, 4, 2, 1, 0]) == 0.5


def test_discrimination_needs_two_members() -> None:
    """With a single member there is no discrimination index."""
    assert discrimination_index([True], [3]) is None


def test_empty_group_has_no_statistics(key: AnswerKey) -> None:
    """An empty group gives None statistics, not a crash."""
    report = summarize_group([], key)
    assert (report.mean, report.median, report.items[0].facility) == (None, None, None)


def test_pass_mark_must_be_a_percentage(key: AnswerKey) -> None:
    """A pass mark outside 0–100 is refused."""
    with pytest.raises(ValueError, match="not a percentage"):
        summarize_group([], key, pass_mark=120)


def test_tenths_that_float_sums_split_rank_equal(key: AnswerKey) -> None:
    """Items of 0.1 and 0.2 points right (0.1 + 0.2 is 0.30000000000000004 in floats) rank
    equal with one item of 0.3 right: scores and the total are rounded sums of points."""
    from dataclasses import replace

    points = (0.1, 0.2, 0.3, 0.7, 0.1, 0.9, 0.6, 0.8)
    tenths = replace(key, items=tuple(replace(it, points=p) for it, p in zip(key.items, points, strict=True)))
    right = GROUP["甲"]
    sheets = {
        "甲": right[:2] + [""] * 6,  # items 1 and 2: 0.1 + 0.2
        "乙": ["", "", right[2]] + [""] * 5,  # item 3: 0.3
        "丙": [""] * 8,
    }
    report = summarize_group([grade_submission(submission(n, a), tenths) for n, a in sheets.items()], tenths)
    assert [m.score for m in report.members] == [0.3, 0.3, 0.0]
    assert [(rank, m.name) for rank, m in report.ranking()] == [(1, "甲"), (1, "乙"), (3, "丙")]
    assert tenths.total_points == 3.7 and report.members[0].total == 3.7
