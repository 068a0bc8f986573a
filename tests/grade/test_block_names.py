"""A block of table rows is graded at once only when each name is already clean.

``readers.table._block`` checks a block's names joined by one space in one call each
(printable, NFKC, no double space) instead of name by name; these tests hold it to the
name-by-name rule on names hypothesis makes from the characters that bend it: combining
marks, Hangul jamo, compatibility forms, full-width letters, spaces, controls and a survey's
mark of a skipped 姓名 (``(跳过)``, ``-3``)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.grade import grade_files
from studykit.grade.readers.table import _NAME_RANGE, _NO_NAME, _block
from studykit.key import AnswerKey

_TRICKY = (
    "(-a张王\u0301\u0308\u0327\u1100\u1161\u11a8\uac00\u00b4\u2126\uff21\u3000 \t\n\x00\x7f\u200b\ufb01\u2460"
    "\u0345\u0f73\u093c"
)


def _clean_one_by_one(names: list[str]) -> bool:
    stripped = [n.strip() for n in names]
    return all(
        n
        and n.isprintable()
        and "  " not in n
        and unicodedata.is_normalized("NFKC", n)
        and n not in _NO_NAME
        and not _NAME_RANGE.search(n)  # 张三 1-8 BADACDBC: answers in the name cell, read row by row
        for n in stripped
    )


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.text(st.sampled_from(_TRICKY) | st.characters(), min_size=0, max_size=6) | st.sampled_from(sorted(_NO_NAME)),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
def test_block_takes_exactly_the_names_clean_one_by_one(names: list[str], cut: bool) -> None:
    rows = [[name, "A", "对"] for name in names]
    before = [list(row) for row in rows]
    block = _block(range(2, 2 + len(rows)), rows, "t.csv", 0, 3, None if cut else (lambda cells: (cells[1], cells[2])))
    assert (block is not None) == _clean_one_by_one(names)
    if block is None:
        assert rows == before  # the rows as read, for the caller to read one by one
    else:
        assert block.names == [n.strip() for n in names]
        assert [list(r) for r in block.rows] == [["A", "对"]] * len(names)
        assert list(block.lines) == list(range(2, 2 + len(names)))


def test_a_name_with_a_double_space_or_a_control_is_left_to_the_row_by_row_reader() -> None:
    for bad in ("王  刚", "王\x00刚", "", "Ａ", "(跳过)", "-3", "张三 1-8 BADACDBC"):
        rows = [["李明", "A"], [bad, "B"]]
        assert _block([2, 3], rows, "t.csv", 0, 2, None) is None
        assert rows == [["李明", "A"], [bad, "B"]]
    block = _block([2, 3], [["李明", "A"], [" 王 刚 ", "B"]], "t.csv", 0, 2, None)
    assert block is not None and block.names == ["李明", "王 刚"] and block.rows == [["A"], ["B"]]


def test_a_name_graded_twice_is_warned_of_with_its_first_row_across_blocks(tmp_path: Path, key: AnswerKey) -> None:
    """Names of blocks graded at once are remembered as a set; a name met again — in a later
    block, twice in one block, or after a repeat was met — is warned of with the row of its
    first member, as row-by-row grading does, and every member is graded and reported."""
    names = [f"党员{i:04d}" for i in range(1000)]  # rows 2-257 graded one by one, then blocks of 256
    names[600] = names[256]  # the first name of a block graded at once (rows 258-513)
    names[610] = names[5]  # a name of a row graded alone
    names[800] = names[801] = "王刚"  # twice in one block
    names[900] = names[300]  # after a repeat was met: the names are then kept with their rows
    table = tmp_path / "branch.csv"
    rows = ["姓名,1,2,3,4,5,6,7,8", *(f"{n},B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11" for n in names)]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = grade_files([table], key)
    assert report.member_count == 1000
    assert all(s == key.total_points for s in report.scores())
    assert [str(p) for p in report.warnings] == [
        f"{table}:1: warning: the table has no 版本 column; assuming every row answered version A "
        "(add a 版本 column if the branch wrote several versions)",
        f"{table}:602: warning: 党员0256: this name was graded before ({table}:258); both are reported",
        f"{table}:612: warning: 党员0005: this name was graded before ({table}:7); both are reported",
        f"{table}:803: warning: 王刚: this name was graded before ({table}:802); both are reported",
        f"{table}:902: warning: 党员0300: this name was graded before ({table}:302); both are reported",
    ]


def test_rows_read_past_the_first_block_keep_their_numbers(tmp_path: Path, key: AnswerKey) -> None:
    """Past the rows read with the header, rows come straight from the reader, numbered by a
    range: blank rows, a two-row header and a byte that stops decoding at row 452 of 600 leave
    every member with its own row and every row before the bad one graded."""
    good = "B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11"
    rows = ["姓名,单选题,,多选题", "姓名,1,2,3,4,5,6,7,8", ""]
    rows += [f"党员{i:04d},{good}" if i % 97 else "" for i in range(700)]
    stacked = tmp_path / "stacked.csv"
    stacked.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = grade_files([stacked], key)
    assert report.member_count == 692
    assert report.member_fields()[2][-1] == 703  # 党员0699, on the table's last row
    assert [m.line for m in report.members if m.name in ("党员0001", "党员0098", "党员0600")] == [5, 102, 604]
    header = "姓名,1,2,3,4,5,6,7,8\n"
    lines = [f"党员{i:04d},{good}\n" for i in range(600)]
    broken = tmp_path / "broken.csv"
    broken.write_bytes(
        b"\xef\xbb\xbf"
        + (header + "".join(lines[:450])).encode("utf-8")
        + "党员坏,B,C,A,A,对,对,x,y\n".encode("gbk")
        + "".join(lines[450:]).encode("utf-8")
    )
    report = grade_files([broken], key)
    assert report.member_count == 450 and report.member_fields()[2][-1] == 451
    assert [str(p) for p in report.failures] == [
        f"{broken}: not readable as utf-8 (invalid start byte); rows after row 451 not graded; "
        "give the right --encoding"
    ]
