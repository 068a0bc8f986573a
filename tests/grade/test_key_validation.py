"""A hand-edited answer key never grades wrongly or shows a traceback (issue: key validation).

Every case edits lines of the key :func:`gradekit.make_key` dumps (its lines are
listed in ``test_the_base_key_is_as_the_cases_assume``) and asserts the exact
``studykit grade`` error: file, the line of the offending field, the item and
field, what was expected; exit 1 and nothing graded.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from skpaths import SHIPPED_BANK
from studykit.bank import load_bank
from studykit.cli import main
from studykit.errors import KeyFileError
from studykit.key import ITEM_FIELDS, KEY_FIELDS, SCORING_FIELDS, AnswerKey, dump_key, load_key
from studykit.model import Bank
from studykit.quiz import build_papers

BRANCH = "姓名,版本,1,2,3,4,5,6,7,8\n甲,A,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"
ITEMS = "number, question_id, type, speech, points, stem, options, answer, correct"


@pytest.fixture()
def folder(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "k.key.yaml").write_text(dump_key(key), encoding="utf-8")
    (tmp_path / "num.csv").write_text(BRANCH, encoding="utf-8")
    return tmp_path


def edit(folder: Path, lines: dict[int, str | None]) -> Path:
    """Write ``bad.key.yaml``: the key with line N replaced by ``lines[N]`` (``None`` deletes it)."""
    old = (folder / "k.key.yaml").read_text(encoding="utf-8").splitlines()
    new = [lines.get(n, text) for n, text in enumerate(old, 1)]
    path = folder / "bad.key.yaml"
    path.write_text("".join(f"{text}\n" for text in new if text is not None), encoding="utf-8")
    return path


def grade_with(key_file: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", "num.csv", "--key", key_file])
    return result.exit_code, result.stdout, result.stderr


def refused(folder: Path, lines: dict[int, str | None]) -> str:
    """The one error line ``studykit grade`` prints for the edited key (it must exit 1, print nothing else)."""
    edit(folder, lines)
    code, out, err = grade_with("bad.key.yaml")
    assert (code, out) == (1, "")
    assert err.startswith("Error: ") and err.endswith("\n") and err.count("\n") == 1, err
    return err.removeprefix("Error: ").removesuffix("\n")


def test_the_base_key_is_as_the_cases_assume(folder: Path) -> None:
    """The line numbers below are those of this key; unedited, it grades."""
    lines = (folder / "k.key.yaml").read_text(encoding="utf-8").splitlines()
    assert [lines[n - 1] for n in (2, 5, 7, 8, 9, 10, 11, 15, 17, 22, 23, 24, 25)] == [
        "quiz_id: mini-test-7-abc", "bank_id: mini-test", "scoring:", "  multiple: all-or-nothing",
        "total_points: 18", "items:", "- number: 1", "  points: 2", "  options:", "  answer:", "  - B",
        "  correct:", "  - 华中师范大学",
    ]  # fmt: skip
    assert [lines[n - 1] for n in (26, 52, 53, 54, 55, 79, 86, 95, 101, 102)] == [
        "- number: 2", "  answer:", "  - A", "  - B", "  - C", "- number: 5", "  - 'true'", "- number: 7",
        "  answer:", "  - 现场会议+云端会议",
    ]  # fmt: skip
    assert grade_with("k.key.yaml")[0] == 0


# -- 1. choice answers ---------------------------------------------------------------------------
LETTER_CASES = {
    "a letter beyond the options": (
        {23: "  - Z"},
        "bad.key.yaml:23: item 1, field 'answer': 'Z' is not an option letter of this item "
        "(expected one capital letter A–D: the item has 4 options)",
    ),
    "a lowercase letter": (
        {23: "  - b"},
        "bad.key.yaml:23: item 1, field 'answer': 'b' is not an option letter of this item "
        "(expected one capital letter A–D: the item has 4 options)",
    ),
    "two letters run together in a list": (
        {53: "  - AB", 54: None},
        "bad.key.yaml:53: item 3, field 'answer': 'AB' is one entry of 2 letters "
        "(expected a list of letters, one per entry: [A, B, C])",
    ),
    "a multiple's letters as one text": (
        {52: "  answer: ABC", 53: None, 54: None, 55: None},
        "bad.key.yaml:52: item 3, field 'answer': 'ABC' is one text (expected a list of letters: [A, B, C])",
    ),
    "a multiple's letters as one text with commas": (
        {52: "  answer: A, C、D", 53: None, 54: None, 55: None},
        "bad.key.yaml:52: item 3, field 'answer': 'A, C、D' is one text (expected a list of letters: [A, C, D])",
    ),
    "a single's letters as one text": (
        {22: "  answer: BC", 23: None},
        "bad.key.yaml:22: item 1, field 'answer': 'BC' is one text of 2 letters: a single item has exactly one "
        "correct letter (expected one letter A–D, or a list of letters [B, C] and type: multiple)",
    ),
    "letters run together beyond the options": (
        {52: "  answer: ABZ", 53: None, 54: None, 55: None},
        "bad.key.yaml:52: item 3, field 'answer': 'ABZ' is not an option letter of this item "
        "(expected capital letters A–D: the item has 4 options)",
    ),
    "lowercase letters run together": (
        {52: "  answer: abc", 53: None, 54: None, 55: None},
        "bad.key.yaml:52: item 3, field 'answer': 'abc' is not an option letter of this item "
        "(expected capital letters A–D: the item has 4 options)",
    ),
    "a single with two letters": (
        {23: "  - B\n  - C"},
        "bad.key.yaml:22: item 1, field 'answer': B、C: a single item has exactly one correct letter "
        "(expected one letter A–D, or type: multiple)",
    ),
    "a single with none": (
        {22: "  answer: []", 23: None},
        "bad.key.yaml:22: item 1, field 'answer': empty (expected one letter A–D)",
    ),
    "a multiple with none": (
        {52: "  answer: []", 53: None, 54: None, 55: None},
        "bad.key.yaml:52: item 3, field 'answer': empty (expected letters A–D, e.g. [A, C])",
    ),
    "a letter twice": (
        {55: "  - A"},
        "bad.key.yaml:55: item 3, field 'answer': 'A' is written twice (expected each letter once)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), LETTER_CASES.values(), ids=LETTER_CASES.keys())
def test_a_choice_answer_that_is_not_the_items_letters_is_refused(
    folder: Path, lines: dict[int, str | None], error: str
) -> None:
    """`- Z` on a four-option item made everyone lose it silently; now it is an error at its line."""
    assert refused(folder, lines) == error


def test_a_multiple_with_one_letter_still_loads(folder: Path) -> None:
    """One correct option on a multiple item is a key that grades (the bank requires two; a key need not)."""
    key = load_key(edit(folder, {54: None, 55: None, 57: "  - 网格长", 58: None, 59: None}))
    assert key.item(3).answer == ("A",)


def test_a_letter_changed_without_its_correct_text_is_refused(folder: Path) -> None:
    """Changing the answer but not `correct` (or the reverse) leaves the key disagreeing with itself."""
    assert refused(folder, {23: "  - C"}) == (
        "bad.key.yaml:24: item 1, field 'correct': ['华中师范大学'] is not the text of the options at the "
        "answer's letters C (expected ['武汉大学'], the options' texts)"
    )
    assert refused(folder, {25: "  - 武汉大学"}) == (
        "bad.key.yaml:24: item 1, field 'correct': ['武汉大学'] is not the text of the options at the "
        "answer's letters B (expected ['华中师范大学'], the options' texts)"
    )


def test_correct_texts_may_come_in_any_order(folder: Path) -> None:
    key = load_key(edit(folder, {57: "  - 单元长", 59: "  - 网格长"}))
    assert key.item(3).correct == ("单元长", "楼栋长", "网格长")


# -- options -------------------------------------------------------------------------------------
OPTION_CASES = {
    "not a list": (
        {17: "  options: 华中科技大学", 18: None, 19: None, 20: None, 21: None},
        "bad.key.yaml:17: item 1, field 'options': '华中科技大学' is not a list "
        "(expected the option texts as printed, a list of 2 to 26)",
    ),
    "missing on a choice item": (
        {17: None, 18: None, 19: None, 20: None, 21: None},
        "bad.key.yaml:11: item 1, field 'options': missing "
        "(expected the option texts as printed, a list of 2 to 26; studykit quiz writes them)",
    ),
    "an empty option": (
        {20: "  - ''"},
        "bad.key.yaml:20: item 1, field 'options': option 3 is empty (expected the option's text)",
    ),
    "two options that read the same": (
        {21: "  - “华中师范大学”。"},
        "bad.key.yaml:21: item 1, field 'options': option 4 '“华中师范大学”。' reads the same as option 2 "
        "(expected different texts: an answer given as the option's text could not tell them apart)",
    ),
    "options on a true_false item": (
        {86: "  - 'true'\n  options: [对, 错]"},
        "bad.key.yaml:87: item 5, field 'options': a true_false item has no options (only single and multiple do)",
    ),
    "correct on a fill_blank item": (
        {102: "  - 现场会议+云端会议\n  correct: [现场会议+云端会议]"},
        "bad.key.yaml:103: item 7, field 'correct': a fill_blank item has no correct option texts "
        "(only single and multiple do)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), OPTION_CASES.values(), ids=OPTION_CASES.keys())
def test_options_that_cannot_be_graded_against_are_refused(
    folder: Path, lines: dict[int, str | None], error: str
) -> None:
    assert refused(folder, lines) == error


# -- 2. true_false -------------------------------------------------------------------------------
@pytest.mark.parametrize("written", ["'yes'", "'True'", "对"])
def test_a_true_false_answer_other_than_true_or_false_is_refused(folder: Path, written: str) -> None:
    """`'yes'` marked everyone wrong: only what studykit quiz writes, true or false, is an answer."""
    shown = written if written.startswith("'") else f"'{written}'"
    assert refused(folder, {86: f"  - {written}"}) == (
        f"bad.key.yaml:86: item 5, field 'answer': {shown} is not true or false (expected [true] or [false])"
    )


def test_a_true_false_with_two_answers_is_refused(folder: Path) -> None:
    assert refused(folder, {86: "  - 'true'\n  - 'false'"}) == (
        "bad.key.yaml:85: item 5, field 'answer': 2 answers (expected [true] or [false])"
    )


def test_a_true_false_answer_written_plainly_loads(folder: Path) -> None:
    """`answer: true` (not a list) is the one answer it plainly is."""
    key = load_key(edit(folder, {85: "  answer: true", 86: None}))
    assert key.item(5).answer == ("true",)


# -- 3. fill_blank -------------------------------------------------------------------------------
def test_a_blank_answer_written_as_one_text_is_one_accepted_text(folder: Path) -> None:
    """`answer: 现场会议+云端会议` was split into characters: `现` scored full marks. Now it is one text."""
    path = edit(folder, {101: "  answer: 现场会议+云端会议", 102: None})
    assert load_key(path).item(7).answer == ("现场会议+云端会议",)
    head = "姓名,版本,1,2,3,4,5,6,7,8\n"
    (folder / "one.csv").write_text(head + "甲,A,,,,,,,现,\n乙,A,,,,,,,现场会议+云端会议,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "one.csv", "--key", "bad.key.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(m["name"], m["score"]) for m in json.loads(result.stdout)["members"]] == [("乙", 2), ("甲", 0)]


BLANK_CASES = {
    "an empty accepted text": (
        {102: "  - ''"},
        "bad.key.yaml:102: item 7, field 'answer': accepted text 1 is empty "
        "(expected the blank's text, or a list of accepted texts)",
    ),
    "a list in the list": (
        {102: "  - [a, b]"},
        "bad.key.yaml:102: item 7, field 'answer': accepted text 1 is not text "
        "(expected the blank's text, or a list of accepted texts)",
    ),
    "punctuation only": (
        {102: "  - “。”"},
        "bad.key.yaml:102: item 7, field 'answer': accepted text 1 '“。”' has no text once spaces, quotes and "
        "punctuation are ignored, so no answer could match it (expected the blank's text)",
    ),
    "an empty list": (
        {101: "  answer: []", 102: None},
        "bad.key.yaml:101: item 7, field 'answer': empty (expected the blank's text, or a list of accepted texts)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), BLANK_CASES.values(), ids=BLANK_CASES.keys())
def test_a_blank_answer_no_one_could_match_is_refused(folder: Path, lines: dict[int, str | None], error: str) -> None:
    assert refused(folder, lines) == error


# -- 4. unknown fields ---------------------------------------------------------------------------
UNKNOWN_CASES = {
    "in an item": (
        {15: "  points: 2\n  pionts: 3"},
        f"bad.key.yaml:16: item 1, field 'pionts': unknown field (expected one of: {ITEMS})",
    ),
    "at the top": (
        {4: "titel: 小测"},
        "bad.key.yaml:4: field 'titel': unknown field (expected one of: studykit_key, quiz_id, version, title, "
        "bank_id, bank_fingerprint, scoring, total_points, items)",
    ),
    "in scoring": (
        {8: "  multiple: all-or-nothing\n  single: partial"},
        "bad.key.yaml:9: field 'scoring.single': unknown field (expected one of: multiple)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), UNKNOWN_CASES.values(), ids=UNKNOWN_CASES.keys())
def test_an_unknown_field_is_refused_with_the_known_ones(
    folder: Path, lines: dict[int, str | None], error: str
) -> None:
    """`pionts: 3` was silently ignored (the item kept its 2 points)."""
    assert refused(folder, lines) == error


def test_a_misspelt_field_gives_every_error_it_causes(folder: Path) -> None:
    """`pionts:` instead of `points:`: the missing field and the unknown one, each at its line, then a summary."""
    edit(folder, {15: "  pionts: 2"})
    assert grade_with("bad.key.yaml") == (
        1,
        "",
        "bad.key.yaml:11: item 1, field 'points': missing "
        "(expected the item's points, more than 0 and at most 100; studykit quiz writes it)\n"
        f"bad.key.yaml:15: item 1, field 'pionts': unknown field (expected one of: {ITEMS})\n"
        "Error: answer key bad.key.yaml: 2 errors (listed above)\n",
    )


def test_the_known_fields_are_those_dump_key_writes(key: AnswerKey) -> None:
    data = yaml.safe_load(dump_key(key))
    assert tuple(data) == KEY_FIELDS
    assert tuple(data["scoring"]) == SCORING_FIELDS
    assert tuple(data["items"][0]) == ITEM_FIELDS


# -- 5. total_points -----------------------------------------------------------------------------
@pytest.mark.parametrize(("total", "message"), [("20", "20 is not the sum"), ("18.01", "18.01 is not the sum")])
def test_total_points_other_than_the_items_sum_is_refused(folder: Path, total: str, message: str) -> None:
    assert refused(folder, {9: f"total_points: {total}"}) == (
        f"bad.key.yaml:9: field 'total_points': {message} of the items' points, 18 "
        "(expected the two to agree: correct total_points or the items' points)"
    )


def test_total_points_that_is_not_a_number_is_refused(folder: Path) -> None:
    assert refused(folder, {9: "total_points: 十八"}) == (
        "bad.key.yaml:9: field 'total_points': '十八' is not a number (expected 18, the sum of the items' points)"
    )


def test_total_points_as_floats_add_up_loads(folder: Path, key: AnswerKey) -> None:
    """Points of 0.1 add up to 0.30000000000000004 in floats: the key's total is 0.3 (sums of
    points are rounded), and a hand-written 0.30000000000000004 is accepted too."""
    tenths = replace(key, items=tuple(replace(i, points=0.1) for i in key.items[:3]))
    (folder / "k.key.yaml").write_text(dump_key(tenths), encoding="utf-8")
    assert tenths.total_points == 0.3 and "total_points: 0.3\n" in dump_key(tenths)
    assert load_key(folder / "k.key.yaml") == tenths
    assert load_key(edit(folder, {9: "total_points: 0.30000000000000004"})) == tenths


# -- 6. scoring ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lines", "line"),
    [({8: "  multiple: sometimes"}, 8), ({7: "scoring: {multiple: sometimes}", 8: None}, 7)],
)
def test_an_unknown_scoring_rule_is_refused(folder: Path, lines: dict[int, str | None], line: int) -> None:
    """`multiple: sometimes` gave a ten-frame traceback from check_rule."""
    assert refused(folder, lines) == (
        f"bad.key.yaml:{line}: field 'scoring.multiple': 'sometimes' is not a scoring rule for multiple-choice "
        "items (expected all-or-nothing or partial)"
    )


def test_scoring_that_is_not_a_mapping_is_refused(folder: Path) -> None:
    assert refused(folder, {7: "scoring: partial", 8: None}) == (
        "bad.key.yaml:7: field 'scoring': 'partial' (expected a mapping such as scoring: {multiple: all-or-nothing})"
    )


# -- 7. item numbers -----------------------------------------------------------------------------
def test_a_duplicate_item_number_is_refused(folder: Path) -> None:
    """Two items numbered 1 were blamed on the answer table; the key names both lines."""
    assert refused(folder, {26: "- number: 1"}) == (
        "bad.key.yaml:26: item 1, field 'number': 1 is also the number of the item at line 11 "
        "(expected each item's own number, as printed on the paper)"
    )


@pytest.mark.parametrize("number", ["-20", "0", "1.5", "abc", "'２'"])
def test_an_item_number_that_is_not_1_or_more_is_refused(folder: Path, number: str) -> None:
    shown = number.strip("'")
    assert refused(folder, {26: f"- number: {number}"}) == (
        f"bad.key.yaml:26: item {shown}, field 'number': '{shown}' is not an item number "
        "(expected a whole number, 1 or more, as printed on the paper)"
    )


# -- 8. points -----------------------------------------------------------------------------------
@pytest.mark.parametrize("points", ["abc", "true", ".nan", "-.inf", "1e1", "２"])
def test_points_that_are_not_a_number_name_the_points_line(folder: Path, points: str) -> None:
    """`points: abc` said "number and points must be numbers" at the item's first line."""
    assert refused(folder, {15: f"  points: {points}"}) == (
        f"bad.key.yaml:15: item 1, field 'points': '{points}' is not a number of points "
        "(expected more than 0, at most 100, as studykit quiz writes)"
    )


@pytest.mark.parametrize(("points", "decimals"), [("2.555", 3), ("0.001", 3), ("1.23450", 4)])
def test_points_with_more_than_2_decimals_are_refused(folder: Path, points: str, decimals: int) -> None:
    """`points: 2.555` was accepted (quiz --points allows 2 decimals) and reports printed 满分 39.55 beside JSON's 39.555."""
    assert refused(folder, {15: f"  points: {points}"}) == (
        f"bad.key.yaml:15: item 1, field 'points': '{points}' has {decimals} decimals "
        "(expected at most 2 decimals, as studykit quiz writes)"
    )


@pytest.mark.parametrize("points", ["2.55", "2.50", "2.500", "2.", "100.00"])
def test_points_with_at_most_2_decimals_load(folder: Path, points: str) -> None:
    """Trailing zeros are no decimals: 2.500 is 2.5, as `quiz --points single=2.500` allows."""
    edit(folder, {15: f"  points: {points}", 9: None})  # total_points removed: it would be wrong
    assert load_key(folder / "bad.key.yaml").items[0].points == float(points)


def test_points_that_are_a_list_are_refused(folder: Path) -> None:
    assert refused(folder, {15: "  points: [2]"}) == (
        "bad.key.yaml:15: item 1, field 'points': a list is not a number of points "
        "(expected more than 0, at most 100, as studykit quiz writes)"
    )


# -- 9. encoding ---------------------------------------------------------------------------------
def test_a_key_saved_as_gbk_says_it_is_not_utf8(folder: Path) -> None:
    text = (folder / "k.key.yaml").read_text(encoding="utf-8")
    (folder / "bad.key.yaml").write_bytes(text.encode("gbk"))
    code, out, err = grade_with("bad.key.yaml")
    assert (code, out) == (1, "")
    assert err == (
        "Error: bad.key.yaml:4: the answer key is not UTF-8 text (byte 0xD3 cannot be read as UTF-8; expected "
        "UTF-8, as studykit quiz writes it — if an editor saved it as GBK or another encoding, save it as UTF-8 "
        "again)\n"
    )


def test_a_key_with_a_utf8_bom_loads(folder: Path, key: AnswerKey) -> None:
    path = folder / "bom.key.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dump_key(key).encode("utf-8"))
    assert load_key(path) == key


# -- missing fields ------------------------------------------------------------------------------
MISSING_CASES = {
    "quiz_id": (
        {2: None},
        "bad.key.yaml:1: field 'quiz_id': missing "
        "(expected the quiz id, e.g. szzl-hubei-daily-7-3f2a9c01; studykit quiz writes it)",
    ),
    "bank_id empty": (
        {5: "bank_id: ''"},
        "bad.key.yaml:5: field 'bank_id': missing "
        "(expected the id of the bank the quiz was made from; studykit quiz writes it)",
    ),
    "studykit_key": (
        {1: None},
        "bad.key.yaml:1: field 'studykit_key': missing (expected studykit_key: 1; studykit quiz writes it)",
    ),
    "items": (
        {n: None for n in range(10, 112)},
        "bad.key.yaml:1: field 'items': missing (expected the list of the paper's items; studykit quiz writes it)",
    ),
    "every item": (
        {10: "items: []", **{n: None for n in range(11, 112)}},
        "bad.key.yaml:10: field 'items': no items (expected the list of the paper's items; studykit quiz writes them)",
    ),
    "an item's number": (
        {11: "- question_id: intro-01", 12: None},
        "bad.key.yaml:11: entry 1 of 'items', field 'number': missing "
        "(expected the item's number as printed on the paper; studykit quiz writes it)",
    ),
    "an item's question_id": (
        {12: None},
        "bad.key.yaml:11: item 1, field 'question_id': missing "
        "(expected the id of the bank's question; studykit quiz writes it)",
    ),
    "an item's type": (
        {13: None},
        "bad.key.yaml:11: item 1, field 'type': missing "
        "(expected one of: single, multiple, true_false, fill_blank; studykit quiz writes it)",
    ),
    "an item's answer": (
        {22: None, 23: None},
        "bad.key.yaml:11: item 1, field 'answer': missing (expected one option letter, e.g. [B]; studykit quiz writes it)",
    ),
    "a blank's answer": (
        {101: "  answer:", 102: None},
        "bad.key.yaml:101: item 7, field 'answer': missing "
        "(expected the blank's text, or a list of accepted texts; studykit quiz writes it)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), MISSING_CASES.values(), ids=MISSING_CASES.keys())
def test_a_missing_field_is_named(folder: Path, lines: dict[int, str | None], error: str) -> None:
    assert refused(folder, lines) == error


OTHER_CASES = {
    "an unknown type": (
        {13: "  type: singel"},
        "bad.key.yaml:13: item 1, field 'type': 'singel' is not a question type "
        "(expected one of: single, multiple, true_false, fill_blank)",
    ),
    "a title that is a list": (
        {4: "title: [a, b]"},
        "bad.key.yaml:4: field 'title': a list (expected text)",
    ),
    "an item that is not a mapping": (
        {n: None for n in range(27, 41)} | {26: "- 2"},
        f"bad.key.yaml:26: entry 2 of 'items': '2' (expected an item: a mapping of {ITEMS})",
    ),
    "another format": (
        {1: "studykit_key: 2"},
        "bad.key.yaml:1: field 'studykit_key': answer key format '2' (expected 1)",
    ),
}


@pytest.mark.parametrize(("lines", "error"), OTHER_CASES.values(), ids=OTHER_CASES.keys())
def test_other_fields_that_cannot_be_read_are_refused(folder: Path, lines: dict[int, str | None], error: str) -> None:
    assert refused(folder, lines) == error


def test_load_key_raises_key_file_error_with_the_message(folder: Path) -> None:
    """The library API raises KeyFileError (a StudykitError) with the same message as the CLI prints."""
    with pytest.raises(KeyFileError) as caught:
        load_key(edit(folder, {23: "  - Z"}).name)
    assert str(caught.value) == (
        "bad.key.yaml:23: item 1, field 'answer': 'Z' is not an option letter of this item "
        "(expected one capital letter A–D: the item has 4 options)"
    )


# -- keys written by studykit quiz load exactly as before ---------------------------------------
@pytest.fixture(scope="module")
def shipped_bank() -> Bank:
    return load_bank(SHIPPED_BANK)


@pytest.mark.parametrize(
    ("seed", "versions", "points"),
    [
        (0, 1, {}),
        (7, 4, {}),
        (12345, 3, {"multiple": 4.0, "single": 1.5}),
        (99, 2, {"single": 0.1, "true_false": 0.25, "fill_blank": 3.33, "multiple": 100.0}),
    ],
)
def test_every_key_studykit_quiz_writes_loads_as_it_was(
    shipped_bank: Bank, tmp_path: Path, seed: int, versions: int, points: dict[str, float]
) -> None:
    """Round trip over the shipped bank: seeds, versions and --points, every type, the whole bank."""
    for count in (20, 100):
        papers = build_papers(shipped_bank, count=count, seed=seed, versions=versions, points=points)
        for paper in papers:
            path = tmp_path / f"{seed}-{count}-{paper.version}.key.yaml"
            path.write_text(dump_key(paper.key()), encoding="utf-8")
            assert load_key(path) == paper.key()


def test_a_key_written_by_the_quiz_command_loads(shipped_bank: Bank, tmp_path: Path) -> None:
    """Through the CLI: `studykit quiz --versions 2 --points …` then load_key on each key file."""
    runner = CliRunner()
    args = ["quiz", "--bank", str(SHIPPED_BANK), "--seed", "3", "--versions", "2", "--points", "single=1.5"]
    result = runner.invoke(main, [*args, "--points", "multiple=0.05", "-o", str(tmp_path / "q.md")])
    assert result.exit_code == 0, result.output
    keys = {p.name: load_key(p) for p in sorted(tmp_path.glob("*.key.yaml"))}
    assert list(keys) == ["q-A.key.yaml", "q-B.key.yaml"]
    expected = {
        f"q-{p.version}.key.yaml": p.key()
        for p in build_papers(shipped_bank, seed=3, versions=2, points={"single": 1.5, "multiple": 0.05})
    }
    assert keys == expected


def test_a_choice_answer_written_as_one_letter_loads(folder: Path, key: AnswerKey) -> None:
    """`answer: B` (not a list) is the one letter it plainly is."""
    assert load_key(edit(folder, {22: "  answer: B", 23: None})) == key


@pytest.mark.parametrize("junk", ["", "[]", "{}", "x", "-1", "0", "[a, [b]]", "{a: b}", "'true'", "Z"])
def test_no_edit_of_one_value_gives_a_traceback(folder: Path, junk: str) -> None:
    """Every line's value replaced by junk: the key loads or KeyFileError says why — nothing else escapes."""
    lines = (folder / "k.key.yaml").read_text(encoding="utf-8").splitlines()
    for n, text in enumerate(lines, 1):
        head = text.split(":", 1)[0] + ":" if ":" in text else text[: text.index("-") + 1]
        with contextlib.suppress(KeyFileError):
            load_key(edit(folder, {n: f"{head} {junk}"}))
