"""Grading reports are byte-identical to those of the code before the speed work of issue 17.

The tables in ``tests/data/grade_golden`` (made by its ``make_inputs.py``: the benchmarks'
synthetic and messy generators, seeded, plus rows of every odd kind) are graded through the
CLI in every report format; the report's bytes, stdout, stderr and exit code must hash to
what the code of 2026-12-07 (main at 9e23e77) gave.  ``STUDYKIT_GOLDEN_WRITE=1`` rewrites
``expected.json`` (only ever from a known-good checkout).  Changed on purpose since: the
``broken csv`` run's stderr named the last row graded (``rows after row 1472``, not 1471),
then every row before the undecodable one at row 1,500 was graded, not only those before the
8 KB the decoder had read ahead (1,498 members, ``rows after row 1499 not graded``); the
``numbered text`` report reads a 填空题's ``-3``/``-2`` in a 问卷星 按选项序号 download as
unanswered (未答), as the download means it, not as the blank's text ``-3`` (错误); the
scores are the same.  Then (branch report-visual) the reports a secretary reads, on purpose: every
HTML report's stylesheet draws the 通过率 bars as borders with ``print-color-adjust: exact`` (they
vanished when printed without background graphics, the browsers' default), each stem's
``（　　）`` and ``____`` is a span kept on one line, and so are a missed item's answers of several
letters (``A、B、C``) and each ``D 0`` of an item's 作答分布 (split at 390 px and on A4); the text, JSON and HTML reports' warnings and failures are in
Chinese as the rest of the report in this English session (``警告：…``; stderr, the console, stays
English: no stderr digest changed; the edge reports' 其他-with-text and letter-against-text warnings,
joined with ``; `` in grade/normalize.py, too), and so is the CSV's 无法评分 reason (only the ``edge`` CSVs,
which have a row not graded, changed; the synthetic and messy CSVs are byte for byte the same);
the text report's ranking pads names by display width and right-aligns scores and percentages, and
its item lines pad 第9题/第10题 and the points, so the columns line up. Members not graded are
counted apart in the summary (``共 20 人（另 2 人无法评分）``) and listed after the HTML ranking too.
Round 5: the ``edge`` runs warn of a single-choice item answered with two
options or more (``AB``, ``A┋B┋C``, ``ABCD``: "2 options chosen (A、B) on a single-choice item,
which has one answer; scored 0"), on stderr and in the text, JSON and HTML reports (the CSV
report is unchanged); the scores are the same.
Round 7 (branch fresh-print): every HTML report's stylesheet numbers its printed pages (``@page``
``@bottom-center`` ``第 1 页 共 N 页``): each HTML run's report is 98 bytes longer, nothing else changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import MINI
from studykit.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "grade_golden"
EXPECTED = DATA / "expected.json"
KEY_A, KEY_B = str(DATA / "golden-A.key.yaml"), str(DATA / "golden-B.key.yaml")
BANK = ["--bank", str(MINI)]
ALL = ("csv", "text", "json", "html")

#: case id → (input table, formats, extra arguments)
CASES: dict[str, tuple[str, tuple[str, ...], list[str]]] = {
    "synthetic": ("synthetic.csv", ALL, ["--key", KEY_A, *BANK]),
    "messy": ("messy.csv", ALL, ["--key", KEY_A, *BANK]),
    "messy-partial": ("messy.csv", ALL, ["--key", KEY_A, "--multiple-scoring", "partial", "--pass-mark", "75"]),
    "edge": ("edge.csv", ALL, ["--key", KEY_A, *BANK]),
    "edge-gbk": ("edge-gbk.csv", ("csv",), ["--key", KEY_A, *BANK]),
    "edge-xlsx": ("edge.xlsx", ("csv", "text"), ["--key", KEY_A, *BANK]),
    "versions": ("versions.csv", ALL, ["--key", KEY_A, "--key", KEY_B, *BANK]),
    "numbered": ("numbered.csv", ("csv", "text"), ["--key", KEY_A, *BANK]),
    "ticks": ("ticks.csv", ("csv", "json"), ["--key", KEY_A, *BANK]),
    # not UTF-8 at row 1,500: the rows before it are graded (a read error inside a block of rows)
    "broken": ("synthetic-broken.csv", ("csv",), ["--key", KEY_A, "--encoding", "utf-8", *BANK]),
}
SUFFIX = {"csv": "csv", "text": "txt", "json": "json", "html": "html"}


def _input(name: str, folder: Path) -> Path:
    """The table ``name`` in ``folder``, unpacked (or converted: ``-gbk`` to GB18030, ``.xlsx`` by openpyxl)."""
    path = folder / name
    if path.exists():
        return path
    stem = name.split(".")[0].removesuffix("-gbk").removesuffix("-broken")
    text = gzip.decompress((DATA / f"{stem}.csv.gz").read_bytes()).decode("utf-8")
    if name.endswith("-broken.csv"):
        lines = text.encode("utf-8").split(b"\r\n")
        lines[1499] = lines[1499].replace("党".encode(), b"\xff\xfe", 1)
        path.write_bytes(b"\r\n".join(lines))
    elif name.endswith("-gbk.csv"):
        path.write_bytes(text.removeprefix("\ufeff").encode("gb18030"))
    elif name.endswith(".xlsx"):
        import csv
        import io

        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")):
            sheet.append(row)
        book.save(path)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _run(case: str, fmt: str, to_stdout: bool, folder: Path) -> dict[str, object]:
    table, _, extra = CASES[case]
    _input(table, folder)
    out = f"report-{case}.{SUFFIX[fmt]}"
    args = ["grade", table, *extra, "--format", fmt] + ([] if to_stdout else ["-o", out])
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    got: dict[str, object] = {
        "exit": result.exit_code,
        "stdout": _digest(result.stdout_bytes),
        "stderr": _digest(result.stderr_bytes),
    }
    if not to_stdout:
        report = (folder / out).read_bytes()
        got["report"] = _digest(report)
        got["bytes"] = len(report)
    return got


def _runs() -> list[tuple[str, str, bool]]:
    runs = [(case, fmt, False) for case, (_, fmts, _) in CASES.items() for fmt in fmts]
    return [*runs, ("edge", "text", True), ("messy", "csv", True)]


@pytest.mark.parametrize(("case", "fmt", "to_stdout"), _runs())
def test_report_bytes_unchanged(
    case: str, fmt: str, to_stdout: bool, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report, stdout, stderr and exit code of each case are byte for byte those of the reference code."""
    folder = tmp_path_factory.getbasetemp() / "grade_golden"
    folder.mkdir(exist_ok=True)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("STUDYKIT_CACHE_DIR", str(folder / "cache"))
    got = _run(case, fmt, to_stdout, folder)
    run_id = f"{case} {fmt}{' stdout' if to_stdout else ''}"
    if os.environ.get("STUDYKIT_GOLDEN_WRITE"):
        expected = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}
        expected[run_id] = got
        EXPECTED.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert got == expected[run_id]


def test_cases_cover_failures_and_warnings() -> None:
    """The golden cases include a run that fails a row (exit 1) and runs that pass (exit 0)."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert {v["exit"] for v in expected.values()} == {0, 1}
    assert len(expected) == len(_runs())
