"""A block of table rows is graded at once only when each name is already clean.

``readers.table._block`` checks a block's names joined by one space in one call each
(printable, NFKC, no double space) instead of name by name; these tests hold it to the
name-by-name rule on names hypothesis makes from the characters that bend it: combining
marks, Hangul jamo, compatibility forms, full-width letters, spaces, controls and a survey's
mark of a skipped 姓名 (``(跳过)``, ``-3``)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from studykit.grade.readers.table import _NAME_RANGE, _NO_NAME, _block

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
    got = list(enumerate(rows, 2))
    block = _block(got, "t.csv", 0, 3, None if cut else (lambda cells: (cells[1], cells[2])))
    assert (block is not None) == _clean_one_by_one(names)
    if block is None:
        assert rows == before  # the rows as read, for the caller to read one by one
    else:
        assert block.names == [n.strip() for n in names]
        assert [list(r) for r in block.rows] == [["A", "对"]] * len(names)
        assert block.lines == list(range(2, 2 + len(names)))


def test_a_name_with_a_double_space_or_a_control_is_left_to_the_row_by_row_reader() -> None:
    for bad in ("王  刚", "王\x00刚", "", "Ａ", "(跳过)", "-3", "张三 1-8 BADACDBC"):
        rows = [["李明", "A"], [bad, "B"]]
        assert _block(list(enumerate(rows, 2)), "t.csv", 0, 2, None) is None
        assert rows == [["李明", "A"], [bad, "B"]]
    block = _block(list(enumerate([["李明", "A"], [" 王 刚 ", "B"]], 2)), "t.csv", 0, 2, None)
    assert block is not None and block.names == ["李明", "王 刚"] and block.rows == [["A"], ["B"]]
