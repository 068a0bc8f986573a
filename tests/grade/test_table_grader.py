"""Grading a block of table rows at once gives the very results, scores and objects that
grading them one by one gives (issue 17's fast path)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from gradekit import make_key
from studykit.grade import CompactItems, MemberResult
from studykit.grade.table_grader import TableGrader, exact_units, unit_sums
from studykit.model import Bank

CELLS = [["B", "A", "C", "ｂ", ""], ["C", "A", ""], ["ABC", "AB", "A、C", ""], ["ABC", "B", ""]]
CELLS += [["对", "错", ""], ["错", "√", ""], ["现场会议+云端会议", "不知道", ""], ["1+1+11", "", "x"]]


@pytest.mark.parametrize("rule", ["all-or-nothing", "partial"])
@pytest.mark.parametrize("points", [(2, 4, 1, 2), (1.5, 3.5, 0.25, 2.75), (0.1, 0.3, 1.7, 2.2)])
def test_a_block_grades_as_its_rows_do(mini_bank: Bank, rule: str, points: tuple[float, ...]) -> None:
    """Every result of grade_block equals (and has the score of) grade's result for the same row,
    for points exact in binary (halves, quarters) and not (0.1, 0.3: the row-by-row sums)."""
    key = make_key(mini_bank, multiple_scoring=rule)
    by_type = dict(zip(("single", "multiple", "true_false", "fill_blank"), points, strict=True))
    key = replace(key, items=tuple(replace(it, points=by_type[it.type]) for it in key.items))
    rng = random.Random(3)
    rows = [tuple(rng.choice(cells) for cells in CELLS) for _ in range(500)]
    names = [f"党员{i:03d}" for i in range(500)]
    one, block = TableGrader(key), TableGrader(key)
    expected = [one.grade(name, "t.csv", i + 2, row) for i, (name, row) in enumerate(zip(names, rows, strict=True))]
    assert block.grade_block(names, "t.csv", list(range(2, 502)), rows) is None  # cells never met: one by one
    for i, (name, row) in enumerate(zip(names, rows, strict=True)):
        block.grade(name, "t.csv", i + 2, row)
    got = block.grade_block(names, "t.csv", list(range(2, 502)), rows)
    assert got is not None and len(got) == 500
    for g, e in zip(got, expected, strict=True):
        assert type(g) is MemberResult and type(g.items) is CompactItems
        assert (g.name, g.source, g.line, g.warnings) == (e.name, e.source, e.line, ())
        assert tuple(g.items) == tuple(e.items)
        assert g.score == e.score and repr(g.score) == repr(e.score)
        assert g == replace(e, items=g.items)


def test_exact_units_finds_the_coarsest_unit_and_refuses_inexact_points() -> None:
    """Halves give a unit of 0.5; a tenth has no power-of-two unit; more than 255 units refuse."""
    unit, tables = exact_units([[0.0, 2.0, 1.0], [1.5, 0.0]]) or (0.0, [])
    assert unit == 0.5 and tables[0][:3] == bytes([0, 4, 2]) and tables[1][:2] == bytes([3, 0])
    assert exact_units([[0.1, 0.0]]) is None
    assert exact_units([[300.0, 0.0]]) is None


def test_unit_sums_adds_each_rows_translated_codes() -> None:
    """Rows of codes summed through per-item tables, for 3 rows of 2 items."""
    tables = [bytes([0, 5, 7]) + bytes(253), bytes([1, 2]) + bytes(254)]
    assert unit_sums(bytes([1, 0, 2, 1, 0, 1]), 2, tables) == [6, 9, 2]
