"""Hostile and careless inputs against this round's new reading paths (the break-it round):
each case gives one clear line naming the file and where, exits non-zero when anything was not
graded, and fails in a moment on hostile sizes."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from studykit.cli import main

HEADER = "姓名,1,2,3,4,5,6,7,8\n"
FULL = "张三,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"  # 18/18 on the mini key


def run(key_file: Path, *paths: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", *map(str, paths), "--key", str(key_file)], env={"STUDYKIT_LANG": "en"})
    return result.exit_code, result.stdout, result.stderr


def test_a_line_of_megabytes_fails_at_that_line_without_reading_it_whole(tmp_path: Path, key_file: Path) -> None:
    """A sparse file given as a table (one 'line' of NUL bytes, 2 GB read whole took 28 s and
    2 GB of memory): the reader stops a MiB into the line and names it; a long line after the
    header is named the same way, after the header's own warning."""
    alone = tmp_path / "sparse.csv"
    with open(alone, "wb") as f:
        f.truncate(64 << 20)
    later = tmp_path / "later.csv"
    later.write_text(HEADER + "张三," + "A" * (1 << 20) + "\n" + FULL, encoding="utf-8")
    code, _out, err = run(key_file, alone, later)
    limit = "far longer than a row of answers); the rest of the file is not graded"
    assert code == 1
    assert err.splitlines() == [
        f"{alone}:1: not a readable CSV table (line 1 goes on past 1,048,576 characters, {limit}",
        f"{later}:1: warning: the table has no 版本 column; assuming every row answered version A (add a 版本 column"
        " if the branch wrote several versions)",
        f"{later}:2: not a readable CSV table (line 2 goes on past 1,048,576 characters, {limit}",
        "Error: no answers could be graded",
    ]
    assert os.path.getsize(alone) == 64 << 20


def test_lines_ending_in_a_carriage_return_alone_are_rows(tmp_path: Path, key_file: Path) -> None:
    table = tmp_path / "cr.csv"
    table.write_text((HEADER + FULL + FULL.replace("张三,B", "李四,A")).replace("\n", "\r"), encoding="utf-8")
    code, out, _err = run(key_file, table)
    assert code == 0
    assert "    1. 张三  18/18  100.0%  及格" in out
    assert "    2. 李四  16/18  88.9%  及格" in out
