"""Answers as people type them are read the same way."""

from __future__ import annotations

import pytest

from studykit.grade.normalize import blank_form, clean, read_answer
from studykit.key import AnswerKey


@pytest.mark.parametrize(
    ("text", "choices"),
    [
        ("B", ("B",)),
        ("b", ("B",)),
        ("Ｂ", ("B",)),
        (" B\u3000", ("B",)),
        ("\u200bB\u00a0", ("B",)),
        ("B.", ("B",)),
        ("华中师范大学", ("B",)),
        ("B.华中师范大学", ("B",)),
        ("A、B", ("A", "B")),
    ],
)
def test_single_choice_forms(key: AnswerKey, text: str, choices: tuple[str, ...]) -> None:
    """A letter in any width or case, padded by any space, or the option's text, reads as that letter."""
    reading = read_answer(text, key.item(1))
    assert (reading.kind, reading.choices) == ("answer", choices)


@pytest.mark.parametrize(
    "text",
    ["ACB", "A、B、C", "a,b,c", "Ａ，Ｂ，Ｃ", "A;B;C", "A B C", "A\u3000B\u3000C", "网格长┋楼栋长┋单元长", "A┋B┋C"],
)
def test_multiple_choice_separators(key: AnswerKey, text: str) -> None:
    """Separators 、，,; and spaces, none at all, or survey ┋ joins all read as A、B、C."""
    reading = read_answer(text, key.item(3))
    assert (reading.kind, reading.choices, reading.shown) == ("answer", ("A", "B", "C"), "A、B、C")


def test_survey_other_choice(key: AnswerKey) -> None:
    """A survey's 其他〖…〗 free-text choice is read as the extra choice 其他, never as an option."""
    reading = read_answer("网格长┋其他〖街长〗", key.item(3))
    assert (reading.kind, reading.choices) == ("answer", ("A", "其他"))


@pytest.mark.parametrize("text", ["", "  ", "(跳过)", "（跳过）", "(空)", "-"])
def test_unanswered_forms(key: AnswerKey, text: str) -> None:
    """Empty cells and survey (跳过)/(空) are unanswered, for every type."""
    for number in (1, 3, 5, 7):
        assert read_answer(text, key.item(number)).kind == "unanswered"


@pytest.mark.parametrize(
    ("number", "text", "problem"),
    [
        (1, "？", "expected letters A–D or option texts"),
        (1, "E", "E is not an option of this item (it has A–D)"),
        (3, "ABE", "E is not an option of this item (it has A–D)"),
        (1, "不知道", "expected letters A–D or option texts"),
        (5, "也许", "expected 对/错, √/×, T/F or true/false"),
        (7, "？", "expected the text of the blank"),
    ],
)
def test_unreadable_answers(key: AnswerKey, number: int, text: str, problem: str) -> None:
    """What cannot be read is unreadable, with the reason."""
    reading = read_answer(text, key.item(number))
    assert (reading.kind, reading.problem) == ("unreadable", problem)


@pytest.mark.parametrize(
    ("text", "truth"),
    [("对", "true"), ("正确", "true"), ("√", "true"), ("✓", "true"), ("T", "true"), ("true", "true"),
     ("TRUE", "true"), ("错", "false"), ("错误", "false"), ("×", "false"), ("✗", "false"), ("f", "false"),
     ("False", "false"), ("错。", "false")],
)  # fmt: skip
def test_true_false_forms(key: AnswerKey, text: str, truth: str) -> None:
    """对/错, 正确/错误, √/×, ✓/✗, T/F and true/false in any case read as the truth value."""
    assert read_answer(text, key.item(5)).choices == (truth,)


def test_blank_form_ignores_width_space_quotes_and_trailing_punctuation() -> None:
    """fill_blank comparison ignores width, whitespace, quote style and trailing punctuation."""
    assert blank_form("“现场会议 + 云端会议”。") == blank_form("现场会议+云端会议") == "现场会议+云端会议"
    assert blank_form("１＋１＋１１") == "1+1+11"
    assert blank_form("现场会议+云端会意") != blank_form("现场会议+云端会议")


def test_clean_removes_zero_width_and_collapses_spaces() -> None:
    """clean() applies NFKC, drops zero-width characters and collapses whitespace."""
    assert clean("\ufeff Ａ\u200b\u3000\u00a0Ｃ ") == "A C"
