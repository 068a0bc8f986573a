"""The text and JSON reports joined from cached fragments (report.fragments) write exactly
what the reference paths write: the JSON of report_data, the text of members' own items."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import random
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from studykit.grade import CompactItems, GroupReport, grade_files, render_report, stream_report
from studykit.grade.report import json as json_report
from studykit.grade.report import text as text_report
from studykit.grade.report.chunks import Chunk, ranked_chunks, read_chunks
from studykit.grade.report.fragments import LIMIT, CodedFragments, ScoreFragments
from studykit.grade.report.json import report_data
from studykit.grade.report.text import write_text
from studykit.key import AnswerKey
from studykit.model import Bank

#: Per item type of gradekit.make_key: a cell that cannot be read.
GARBAGE = {"single": "？？", "multiple": "XYZ", "true_false": "maybe", "fill_blank": ""}


def table(path: Path, key: AnswerKey, rows: int, seed: int) -> Path:
    """A seeded table whose later rows give hundreds of distinct blanks (codes beyond a byte only
    from row ~300 on), with names that JSON escapes or a spreadsheet would run, and rows more
    than half unreadable."""
    rng = random.Random(seed)
    names = ['"引号"', "=1+1", "a\\b", "制表\t符", "＠张三", "-5"]
    cells = {
        "single": ["A", "B", "C", "D", "", "？？"],
        "multiple": ["A、C", "ABC", "AB", "ABCD", "", "XYZ"],
        "true_false": ["对", "错", "", "maybe"],
        "fill_blank": ["现场会议+云端会议", "1+1+11", "", "会议"],
    }
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", *(f"第{it.number}题" for it in key.items)])
        for i in range(rows):
            name = names[i % len(names)] + str(i) if i % 7 == 0 else f"党员{i:04d}"
            if i % 23 == 5:  # more than half the answers unreadable
                answers = [GARBAGE[it.type] if k < 6 else "" for k, it in enumerate(key.items)]
            else:
                answers = []
                for it in key.items:
                    if it.type == "fill_blank" and i > 300 and rng.random() < 0.7:
                        answers.append(f"答案{rng.randrange(3000)}")
                    else:
                        answers.append(rng.choice(cells[it.type]))
            writer.writerow([name, *answers])
    return path


def plain(report: GroupReport) -> GroupReport:
    """``report`` with every member's items a tuple: the reports then take the reference paths
    (report_data's dicts; each member's text from its own items)."""
    return dataclasses.replace(
        report, members=tuple(dataclasses.replace(m, items=tuple(m.items)) for m in report.members)
    )


@pytest.fixture()
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 40 members, so one report has chunks of byte codes and chunks of wider codes."""
    for module in (text_report, json_report):
        monkeypatch.setattr(module, "ranked_chunks", partial(ranked_chunks, size=40), raising=False)
        monkeypatch.setattr(module, "read_chunks", partial(read_chunks, size=40), raising=False)


@pytest.mark.parametrize("rule", ["all-or-nothing", "partial"])
def test_text_and_json_equal_the_reference_paths(
    tmp_path: Path, key: AnswerKey, mini_bank: Bank, small_chunks: None, rule: str
) -> None:
    """Over chunks of byte codes, of codes beyond a byte (a table of more than 256 distinct
    results), partial credit, speeches of several items, flagged members and names JSON escapes,
    the text and JSON reports equal what the reference paths write."""
    path = table(tmp_path / "t.csv", key, 700, 1)
    fast = grade_files([path], key, multiple_scoring=rule, bank=mini_bank)
    assert all(type(m.items) is CompactItems for m in fast.members)
    codes = [m.items.codes for m in fast.members if isinstance(m.items, CompactItems)]
    assert type(codes[0]) is bytes and max(map(max, codes)) >= 256  # both kinds of chunk
    assert any(r.status == "partial" for m in fast.members for r in m.items) == (rule == "partial")
    slow = plain(fast)
    assert slow.compact() is None and fast.rereads
    expected_json = json.dumps(report_data(fast), ensure_ascii=False, indent=2) + "\n"
    assert render_report(fast, "json") == expected_json
    text = render_report(fast, "text")
    assert text == render_report(slow, "text")
    assert "过半答案无法识别（6/8 题），请核对原卷" in text and '"\\"引号\\"0"' in expected_json
    assert f"\n=1+17（{path}:9）：" in text


def test_members_without_a_row_take_their_source_alone(tmp_path: Path, key: AnswerKey) -> None:
    """Members graded from one table but without a row number print ``（file）``, as the reference does."""
    path = table(tmp_path / "t.csv", key, 30, 2)
    report = grade_files([path], key)
    members = tuple(dataclasses.replace(m, line=0) if i % 3 == 0 else m for i, m in enumerate(report.members))
    fast = dataclasses.replace(report, members=members)
    assert fast.compact() is not None
    text = render_report(fast, "text")
    assert text == render_report(plain(fast), "text")
    assert f"\n党员0001（{path}:3）：" in text and f"\n党员0003（{path}）：" in text
    assert render_report(fast, "json") == json.dumps(report_data(fast), ensure_ascii=False, indent=2) + "\n"


def test_write_text_to_a_text_stream(tmp_path: Path, key: AnswerKey) -> None:
    """write_text writes to a text stream what stream_report writes, UTF-8 encoded, to a binary one."""
    report = grade_files([table(tmp_path / "t.csv", key, 50, 3)], key)
    buf, raw = io.StringIO(), io.BytesIO()
    write_text(report, buf)
    stream_report(report, "text", raw)
    assert buf.getvalue().encode("utf-8") == raw.getvalue() and "个人成绩" in buf.getvalue()


def _members(fragments: CodedFragments, columns: list[bytes] | list[tuple[int, ...]]) -> list[bytes]:
    return [b"".join(texts) for texts in zip(*fragments.pieces(columns), strict=True)]


def _part(name: str, codes: tuple[int, ...]) -> bytes:
    return f"{name}{codes};".encode()


def test_coded_fragments_group_columns_and_fall_back_beyond_a_byte() -> None:
    """Parts are grouped up to four columns and LIMIT distinct keys; each member's text is its
    parts' texts in order, whether the codes are bytes, beyond a byte, or one part spans five columns."""
    rng = random.Random(5)
    sizes = [3, 3, 2, 4, 300, 5, 5, 2, 3, 200]
    parts = [([0], "a"), ([1, 2], "b"), ([3], "c"), ([2, 0], "d"), ([5, 6, 7, 8, 9], "e"), ([4], "f"), ([9], "g")]
    fragments = CodedFragments([(ks, partial(_part, name)) for ks, name in parts], sizes)
    assert [cols for cols, _, _ in fragments.groups] == [[0, 1, 2, 3], [5, 6, 7, 8, 9], [4], [9]]
    assert 3 * 3 * 2 * 4 <= LIMIT < 5 * 5 * 2 * 3 * 200
    rows = [[rng.randrange(min(s, 256)) for s in sizes] for _ in range(50)]
    wide = [[rng.randrange(s) for s in sizes] for _ in range(50)]
    for members in (rows, wide):
        expected = [b"".join(_part(name, tuple(row[k] for k in ks)) for ks, name in parts) for row in members]
        columns = [tuple(row[k] for row in members) for k in range(len(sizes))]
        assert _members(fragments, columns) == expected
        if members is rows:  # a byte a code: the keyed path
            assert _members(fragments, [bytes(c) for c in columns]) == expected


def _chunk(scores: list[float], totals: list[float]) -> Chunk:
    percents = [100.0 * s / t if t else 0.0 for s, t in zip(scores, totals, strict=True)]
    return Chunk(list(range(1, len(scores) + 1)), [], scores, totals, percents, [])


def test_score_fragments_with_one_total_and_with_several() -> None:
    """A chunk of one total gives one fragment per member, of several totals two; both print
    the score, the total and the percentage each member has (0 for a total of 0)."""
    scores = ScoreFragments(lambda s, t: f"{s}/{t} ", lambda p: f"{p:.2f}%")

    def texts(chunk: Chunk) -> Iterator[bytes]:
        return map(b"".join, zip(*scores.pieces(chunk), strict=True))

    one = _chunk([3.0, 1.5, 3.0], [6.0, 6.0, 6.0])
    assert len(scores.pieces(one)) == 1
    assert list(texts(one)) == [b"3.0/6.0 50.00%", b"1.5/6.0 25.00%", b"3.0/6.0 50.00%"]
    several = _chunk([3.0, 1.0, 0.0], [6.0, 4.0, 0.0])
    assert len(scores.pieces(several)) == 2
    assert list(texts(several)) == [b"3.0/6.0 50.00%", b"1.0/4.0 25.00%", b"0.0/0.0 0.00%"]
    assert list(texts(_chunk([0.0, 0.0], [0.0, 0.0]))) == [b"0.0/0.0 0.00%"] * 2  # an empty key
