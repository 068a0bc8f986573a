"""Smoke test of the benchmark suite: it runs end to end on tiny sizes (no time is asserted)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from skpaths import ROOT


def test_benchmark_script_runs_on_tiny_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`benchmarks/run.py --tiny` exits 0 and prints one table row per benchmark."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.pop(0)
    assert run.main(["--tiny", "--workdir", str(tmp_path)]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ") and "---" not in line]
    names = [row.split(" | ")[0].removeprefix("| ") for row in rows[1:]]
    assert names == [
        "startup: studykit --help",
        "load + validate (cold)",
        "load (unchanged bank, cached)",
        "quiz --count 50, end to end",
        "anki export (new file)",
        "anki re-export, later --timestamp (context)",
        "anki re-export, same notes and --timestamp (context)",
        "grade 50 × 10 CSV, synthetic table",
        "grade 50 × 10 CSV, messy table",
        "grade, against a bare read (context)",
        "grade report as text",
        "grade report as json",
        "grade report as html",
    ]
    # the floor writes a report of studykit's shape: as many rows, each as many columns
    with open(tmp_path / "report-synthetic.csv", encoding="utf-8-sig", newline="") as f:
        report = list(csv.reader(f))
    with open(tmp_path / "bare-report-synthetic.csv", encoding="utf-8-sig", newline="") as f:
        floor = list(csv.reader(f))
    assert len(report) == len(floor) == 51
    assert {len(row) for row in floor} == {len(row) for row in report} == {len(report[0])}


def test_scale_table_runs_on_tiny_sizes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--scale --tiny` prints check and quiz for 60 and 120 questions and grade for 10 and 20 members."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.pop(0)
    assert run.main(["--scale", "--tiny", "--workdir", str(tmp_path)]) == 0
    rows = [line.split(" | ")[:2] for line in capsys.readouterr().out.splitlines() if line.startswith("| ")][1:]
    assert [(what.removeprefix("| "), size) for what, size in rows] == [
        ("check (cold)", "60 questions"),
        ("quiz --count 50 (cached)", "60 questions"),
        ("check (cold)", "120 questions"),
        ("quiz --count 50 (cached)", "120 questions"),
        ("grade CSV (10 items)", "10 members"),
        ("grade CSV (10 items)", "20 members"),
    ]


def test_messy_table_grades_to_its_expected_scores(tmp_path: Path) -> None:
    """The messy benchmark table (20–30 spellings a column) grades to the generator's own count, with no warning."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import make_messy_table
    finally:
        sys.path.pop(0)
    from studykit import load_bank
    from studykit.grade import grade_files
    from studykit.quiz import build_papers

    key = build_papers(load_bank(ROOT / "question_bank.yaml"), count=20, seed=3)[0].key()
    expected = make_messy_table(tmp_path / "messy.csv", key, 400)
    report = grade_files([tmp_path / "messy.csv"], key, pass_mark=60)
    assert [m.score for m in report.members] == expected
    assert (report.warnings, report.failures) == ((), ())
    with open(tmp_path / "messy.csv", encoding="utf-8-sig", newline="") as f:
        columns = list(zip(*list(csv.reader(f))[1:], strict=True))[1:]
    assert min(len(set(c)) for c in columns) >= 13


def test_generated_bank_is_valid(tmp_path: Path) -> None:
    """The synthetic generator writes a bank that passes check: 60 questions over 20 speeches."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import make_bank
    finally:
        sys.path.pop(0)
    from studykit import load_bank

    bank = load_bank(make_bank(tmp_path / "b", 60), strict=True)
    assert len([q for q in bank.questions if not q.derived]) == 60
    assert len(bank.speeches) == 20


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--questions", "1"], "--questions must be at least 60 (got 1)"),
        (["--members", "0"], "--members and --runs must be at least 1"),
        (["--items", "0"], "--items must be 1–50 (got 0)"),
    ],
)
def test_benchmark_script_refuses_bad_sizes_before_any_work(
    args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Sizes that cannot run are a usage error (exit 2) before anything is generated."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.pop(0)
    with pytest.raises(SystemExit) as exc:
        run.main([*args, "--workdir", str(tmp_path / "w")])
    assert exc.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"benchmarks/run.py: error: {message}"
    assert not (tmp_path / "w").exists()


def test_settle_script_prints_both_sides_and_leaves_nothing() -> None:
    """`benchmarks/settle.py 2 1 0` writes a 2 MB file both ways once, prints one line per side
    and removes its folder (the figures themselves are the README's, not asserted)."""
    import subprocess

    before = sorted(p.name for p in (ROOT / "benchmarks").iterdir())
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "settle.py"), "2", "1", "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["cached   2 MB", "settled  2 MB"]
    assert all(" s median (" in line and line.endswith(" s") for line in lines)
    assert sorted(p.name for p in (ROOT / "benchmarks").iterdir()) == before


def test_ratio_is_the_median_of_the_paired_runs_ratios() -> None:
    """A row's ratio pairs each studykit run with the baseline run beside it: one slow patch that
    hit one side of one pair moves one ratio, not a side's median (here the median ratio would
    be 3.0); a figure without runs falls back to the ratio of the medians."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import run
    finally:
        sys.path.pop(0)
    studykit = run.Figure.of([run.Sample(1.0, c) for c in (1.0, 3.0, 3.0)])
    baseline = run.Figure.of([run.Sample(1.0, c) for c in (1.0, 1.0, 3.0)])
    row = run.Row("grade", studykit, baseline, "floor", "≤ 2×", 2.0)
    assert (row.ratio, row.median_ratio, row.met) == (1.0, 3.0, True)
    unpaired = run.Row("grade", run.Figure(1.0, 3.0, 0), run.Figure(1.0, 1.5, 0), "floor", "≤ 2×", 2.0)
    assert (unpaired.ratio, unpaired.met) == (2.0, True)
    assert run.Row("grade", run.Figure(1.0, 3.1, 0), run.Figure(1.0, 1.5, 0), "floor", "≤ 2×", 2.0).met is False
