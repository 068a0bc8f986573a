"""The CSV report written from cached fragments, with the members kept as columns (issue 17):
the very bytes the member-by-member writer gives, and the member objects made only when read."""

from __future__ import annotations

import csv
import random
import statistics
from dataclasses import replace
from pathlib import Path

import pytest

from studykit.grade import MemberResult, grade_files, render_report, summarize_group
from studykit.grade.group import MemberStore
from studykit.grade.report import csv_fragments
from studykit.grade.scoring import sorted_median
from studykit.key import AnswerKey
from test_grade_fast import reference, reference_csv

#: Cells that read without a warning, a few per item (codes fit a byte).
CELLS = {
    "single": ["B", "A", "C", "", "Ｂ", "b"],
    "multiple": ["ABC", "AB", "A、C", "", "ＡＢＣ", "BC"],
    "true_false": ["对", "错", "√", "", "×"],
    "fill_blank": ["现场会议+云端会议", "1+1+11", "不知道", "", "现场会议"],
}
#: Cells that read with a warning (so their rows are graded one by one): unreadable ones.
UNREADABLE = {"single": "？", "multiple": "E", "true_false": "maybe", "fill_blank": "？？"}


def table(path: Path, key: AnswerKey, rows: int, seed: int, names: dict[int, str] | None = None) -> Path:
    """A seeded table of ``rows`` members, unique names (``names`` replaces some), cells from
    CELLS; every 500th row is unreadable (flagged in 结果)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", *(f"第{it.number}题" for it in key.items)])
        for i in range(rows):
            if i % 500 == 7:
                answers = [UNREADABLE[it.type] for it in key.items]
            else:
                answers = [rng.choice(CELLS[it.type]) for it in key.items]
            writer.writerow([(names or {}).get(i, f"党员{i:05d}"), *answers])
    return path


def one_speech(key: AnswerKey) -> AnswerKey:
    """``key`` with every item in one speech: under partial scoring its classes (2·2·3·3·2·2·2·2)
    do not fit a byte, so the speech's cells are kept per distinct codes of its items."""
    return replace(key, items=tuple(replace(it, speech="intro") for it in key.items))


def own_speeches(key: AnswerKey) -> AnswerKey:
    """``key`` with each item its own speech, in reverse order of the items."""
    speeches = ["intro", "ren-jiantao", "tian-yipeng", "zhao-xianfu"]
    return replace(key, items=tuple(replace(it, speech=speeches[k % 4] if k < 4 else f"s{9 - k}")
                                    for k, it in enumerate(key.items)))  # fmt: skip


@pytest.mark.parametrize("rule", ["all-or-nothing", "partial"])
@pytest.mark.parametrize("shape", ["speeches of several items", "one speech", "own speeches"])
def test_fragments_write_the_reference_csv_without_making_members(
    tmp_path: Path, key: AnswerKey, rule: str, shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over two chunks (5,000 members), with partial credit, speeches of several items, a speech
    too wide for a byte, flagged members and a name that starts a formula: the CSV is byte for
    byte the reference writer's, written from fragments, and no member object is made for it."""
    key = {"one speech": one_speech, "own speeches": own_speeches}.get(shape, lambda k: k)(key)
    path = table(tmp_path / "t.csv", key, 5000, 11, {3: "+86 张三", 4: "@李四", 5: "=王五"})
    pieces = []
    original = csv_fragments.RowTails.pieces
    monkeypatch.setattr(csv_fragments.RowTails, "pieces", lambda self, c: pieces.append(len(c[0])) or original(self, c))
    fast = grade_files([path], key, multiple_scoring=rule)
    assert type(fast.__dict__["_members"]) is MemberStore and fast.member_count == 5000
    text = render_report(fast, "csv")
    assert type(fast.__dict__["_members"]) is MemberStore  # the CSV report read no member object
    assert pieces == [4096]  # the first chunk from fragments; the flagged members, ranked last, cell by cell
    assert "+86 张三" in text and ",'@李四," in text and ",'=王五," in text and "过半答案无法识别" in text
    members, warnings, failures = reference([path], key, rule)
    slow = summarize_group(members, key, multiple_scoring=rule, warnings=warnings, failures=failures)
    assert text == render_report(slow, "csv")  # written cell by cell (the members' items are tuples)
    assert text.replace(",'", ",") == reference_csv(slow)  # the reference, but for the formula guard's quote
    assert fast.members == tuple(members) and fast == slow  # made now, equal to the reference's
    assert all(type(m) is MemberResult for m in fast.members) and fast.members is fast.members


def test_a_name_that_needs_quoting_writes_its_chunk_through_csv(tmp_path: Path, key: AnswerKey) -> None:
    """A name with a comma and a double quote: its chunk is written by csv.writer (quoted), the
    others from fragments; the whole is the reference writer's."""
    path = table(tmp_path / "t.csv", key, 5000, 12, {10: '张,"三"'})
    fast = grade_files([path], key)
    text = render_report(fast, "csv")
    assert ',"张,""三""",' in text
    members, warnings, failures = reference([path], key, "all-or-nothing")
    assert text == reference_csv(summarize_group(members, key, warnings=warnings, failures=failures))


def test_codes_beyond_a_byte_write_cell_by_cell(tmp_path: Path, key: AnswerKey) -> None:
    """A fill_blank item with 300 distinct answers (codes beyond a byte): no fragments, no member
    objects, the same CSV."""
    path = table(tmp_path / "t.csv", key, 600, 13)
    rows = path.read_text(encoding="utf-8-sig").splitlines()
    blank = next(k for k, it in enumerate(key.items) if it.type == "fill_blank") + 1
    lines = [rows[0]]
    for i, row in enumerate(rows[1:]):
        cells = row.split(",")
        cells[blank] = f"答案{i % 300}"
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    fast = grade_files([path], key)
    text = render_report(fast, "csv")
    assert type(fast.__dict__["_members"]) is MemberStore  # written from the store's fields
    members, warnings, failures = reference([path], key, "all-or-nothing")
    assert text == reference_csv(summarize_group(members, key, warnings=warnings, failures=failures))


def test_member_store_reads_as_the_tuple_of_members(tmp_path: Path, key: AnswerKey) -> None:
    """A report from grade_files: members is a tuple of MemberResult (made once), its count, names
    and codes known before; a report built from a list keeps the tuple it was given."""
    fast = grade_files([table(tmp_path / "t.csv", key, 1500, 14)], key)
    names, sources, lines = fast.member_fields()
    assert (names[0], sources[0], lines[0], len(names)) == ("党员00000", str(tmp_path / "t.csv"), 2, 1500)
    coded = fast.coded()
    assert coded is not None and len(coded[1]) == 1500 and all(type(c) is bytes for c in coded[1])
    members = fast.members
    assert type(members) is tuple and len(members) == fast.member_count == 1500 and fast.members is members
    assert [m.name for m in members[:2]] == ["党员00000", "党员00001"] and members[0].line == 2
    assert fast.member_fields()[0] == names and fast.coded() == coded
    again = summarize_group(list(members), key, warnings=fast.warnings, failures=fast.failures)
    assert again.members == members and again == fast and again.member_count == 1500


def test_sorted_median_is_statistics_median() -> None:
    """The median read from the members' order by score is statistics.median's, odd and even counts."""
    rng = random.Random(5)
    for _ in range(500):
        values = [rng.choice([0.0, 0.5, 1.0, 2.5, 3.25, 7.0, 0.1, 0.2]) for _ in range(rng.randint(1, 12))]
        order = sorted(range(len(values)), key=values.__getitem__, reverse=rng.random() < 0.5)
        assert repr(sorted_median(values, order)) == repr(statistics.median(values))
