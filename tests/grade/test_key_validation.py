"""A hand-edited answer key never grades wrongly or shows a traceback (issue: key validation).

The refused keys and their exact ``studykit grade`` errors are pairs in
tests/data/bad_keys (walked by test_bad_keys.py): each edits lines of the key
:func:`gradekit.make_key` dumps, whose lines are pinned in
``test_the_base_key_is_as_the_cases_assume``. Here: the edits that must load, the
library's KeyFileError, and round trips of keys written at test time.
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


def test_a_multiple_with_one_letter_still_loads(folder: Path) -> None:
    """One correct option on a multiple item is a key that grades (the bank requires two; a key need not)."""
    key = load_key(edit(folder, {54: None, 55: None, 57: "  - 网格长", 58: None, 59: None}))
    assert key.item(3).answer == ("A",)


def test_correct_texts_may_come_in_any_order(folder: Path) -> None:
    key = load_key(edit(folder, {57: "  - 单元长", 59: "  - 网格长"}))
    assert key.item(3).correct == ("单元长", "楼栋长", "网格长")


# -- options -------------------------------------------------------------------------------------


# -- 2. true_false -------------------------------------------------------------------------------


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


# -- 4. unknown fields ---------------------------------------------------------------------------


def test_the_known_fields_are_those_dump_key_writes(key: AnswerKey) -> None:
    data = yaml.safe_load(dump_key(key))
    assert tuple(data) == KEY_FIELDS
    assert tuple(data["scoring"]) == SCORING_FIELDS
    assert tuple(data["items"][0]) == ITEM_FIELDS


# -- 5. total_points -----------------------------------------------------------------------------


def test_total_points_as_floats_add_up_loads(folder: Path, key: AnswerKey) -> None:
    """Points of 0.1 add up to 0.30000000000000004 in floats: the key's total is 0.3 (sums of
    points are rounded), and a hand-written 0.30000000000000004 is accepted too."""
    tenths = replace(key, items=tuple(replace(i, points=0.1) for i in key.items[:3]))
    (folder / "k.key.yaml").write_text(dump_key(tenths), encoding="utf-8")
    assert tenths.total_points == 0.3 and "total_points: 0.3\n" in dump_key(tenths)
    assert load_key(folder / "k.key.yaml") == tenths
    assert load_key(edit(folder, {9: "total_points: 0.30000000000000004"})) == tenths


# -- 8. points -----------------------------------------------------------------------------------


@pytest.mark.parametrize("points", ["2.55", "2.50", "2.500", "2.", "100.00"])
def test_points_with_at_most_2_decimals_load(folder: Path, points: str) -> None:
    """Trailing zeros are no decimals: 2.500 is 2.5, as `quiz --points single=2.500` allows."""
    edit(folder, {15: f"  points: {points}", 9: None})  # total_points removed: it would be wrong
    assert load_key(folder / "bad.key.yaml").items[0].points == float(points)


# -- 9. encoding ---------------------------------------------------------------------------------


def test_a_key_with_a_utf8_bom_loads(folder: Path, key: AnswerKey) -> None:
    path = folder / "bom.key.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + dump_key(key).encode("utf-8"))
    assert load_key(path) == key


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
