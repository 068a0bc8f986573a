"""Run every studykit benchmark and print a table of ratios against same-run baselines.

Absolute times drift on a shared machine, so each figure is the median of
``--runs`` runs (at least 5 by default) divided by the median of a baseline
measured in the same run on the same files:

* startup: ``studykit --help`` vs ``python -c "import click"`` (subprocesses);
* cold load: ``load_bank`` without cache vs ``yaml.load(text, Loader=yaml.CSafeLoader)``;
* warm load: ``load_bank`` with the cache filled vs the same CSafeLoader load;
* quiz: ``studykit quiz --count 50`` end to end (subprocess) vs the CSafeLoader load;
* anki: ``studykit anki`` (subprocess) vs a script doing the same load plus a bare
  genanki write of the same notes (subprocess);
* grade: ``studykit grade`` on an M-member × 20-item CSV (subprocess) vs one bare
  ``csv.reader`` pass over it (subprocess), with each one's peak RSS (``os.wait4``);
  and, for context, vs ``bare_report.py``: that read plus a ``csv.writer`` pass writing
  a report of the same shape without grading (the floor of the report's I/O).

Usage: ``python benchmarks/run.py [--questions 10000] [--members 100000] [--runs 5]``;
``--tiny`` runs everything on tiny sizes (what the smoke test does).  No figure
here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import make_bank, make_table

PY = sys.executable
PEAK = Path(__file__).with_name("_peak.py")


@dataclass
class Row:
    name: str
    studykit: float
    baseline: float
    baseline_name: str
    target: str
    limit: float | None  # ratio limit, None if the target is not a ratio
    note: str = ""
    seconds: float | None = None  # an absolute limit too (seconds), None if none

    @property
    def ratio(self) -> float:
        return self.studykit / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool | None:
        """Whether every limit holds (``None`` when the row has no target)."""
        if self.limit is None:
            return None
        return self.ratio <= self.limit and (self.seconds is None or self.studykit <= self.seconds)


def _studykit_cmd() -> list[str]:
    script = Path(PY).parent / "studykit"
    return [str(script)] if script.exists() else [PY, "-m", "studykit"]


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run ``cmd`` under the small ``_peak.py`` wrapper; return (wall seconds, peak RSS in KiB).

    Raises ``RuntimeError`` with the command's stderr if it fails.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak.json"
        proc = subprocess.run([PY, str(PEAK), str(out), *cmd], capture_output=True, env=env)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return float(data["seconds"]), int(data["peak_kib"])


def median_of(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=None, help="bank size (default 10,000; at least 60)")
    parser.add_argument("--members", type=int, default=None, help="table rows (default 100,000; at least 1)")
    parser.add_argument("--items", type=int, default=None, help="items per contest paper (default 20; 1–50)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure, the median is shown (default 5)")
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, 1 run: a smoke test (sizes given still count)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the files here (default: a temporary folder)")
    args = parser.parse_args(argv)
    sizes = (60, 50, 10, 1) if args.tiny else (10_000, 100_000, 20, 5)
    for name, default in zip(("questions", "members", "items", "runs"), sizes, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, default)
    # the quiz row draws 50 questions; a generated bank of n has at least n items to draw from
    if args.questions < 60:
        parser.error(f"--questions must be at least 60 (got {args.questions})")
    if args.members < 1 or args.runs < 1:
        parser.error("--members and --runs must be at least 1")
    if not 1 <= args.items <= 50:
        parser.error(f"--items must be 1–50 (got {args.items})")
    if args.workdir is not None and args.workdir.exists() and not args.workdir.is_dir():
        parser.error(f"--workdir {args.workdir} is a file, not a folder")
    if args.workdir is not None:
        return _run(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="studykit-bench-") as tmp:
        return _run(args, Path(tmp))


def _run(args: argparse.Namespace, work: Path) -> int:

    import yaml

    from studykit import load_bank

    env = {**os.environ, "STUDYKIT_CACHE_DIR": str(work / "cache")}
    os.environ["STUDYKIT_CACHE_DIR"] = env["STUDYKIT_CACHE_DIR"]
    sk = _studykit_cmd()
    print(f"generating a {args.questions:,}-question bank in {work} …", file=sys.stderr)
    bank_path = make_bank(work / "bank", args.questions)
    rows: list[Row] = []

    def csafe() -> object:
        return yaml.load(bank_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    base_load = median_of(timed(csafe), args.runs)

    # startup
    help_t = median_of(lambda: run_child([*sk, "--help"], env)[0], max(args.runs, 5))
    click_t = median_of(lambda: run_child([PY, "-c", "import click"], env)[0], max(args.runs, 5))
    rows.append(Row("startup: studykit --help", help_t, click_t, "python -c 'import click'", "≤ 2× and ≤ 0.15 s", 2.0,
                    f"{help_t:.3f} s absolute", seconds=0.15))  # fmt: skip

    # cold and warm load
    cold = median_of(timed(lambda: load_bank(bank_path, cache=False)), args.runs)
    rows.append(Row("load + validate (cold)", cold, base_load, "yaml CSafeLoader load", "≤ 1.25×", 1.25))
    load_bank(bank_path)  # fill the cache
    warm = median_of(timed(lambda: load_bank(bank_path)), args.runs)
    rows.append(Row("load (unchanged bank, cached)", warm, base_load, "yaml CSafeLoader load", "≤ 0.1×", 0.1))

    # quiz
    quiz_out = work / "quiz" / "quiz.md"
    quiz_out.parent.mkdir(exist_ok=True)
    quiz_cmd = [*sk, "quiz", "--bank", str(bank_path), "--count", "50", "--seed", "1", "-o", str(quiz_out)]
    quiz_t = median_of(lambda: run_child(quiz_cmd, env)[0], args.runs)
    rows.append(Row("quiz --count 50, end to end", quiz_t, base_load, "yaml CSafeLoader load", "(no target)", None,
                    f"{quiz_t:.3f} s absolute"))  # fmt: skip

    # anki
    apkg = work / "deck.apkg"
    anki_cmd = [*sk, "anki", "--bank", str(bank_path), "-o", str(apkg), "--timestamp", "1700000000"]
    from bare_genanki import dump_notes

    notes_json = work / "notes.json"
    dump_notes(bank_path, notes_json)  # the same notes, prepared outside the timing
    bare = [
        PY,
        str(Path(__file__).with_name("bare_genanki.py")),
        str(bank_path),
        str(notes_json),
        str(work / "bare.apkg"),
    ]
    anki_t = median_of(lambda: run_child(anki_cmd, env)[0], args.runs)
    bare_t = median_of(lambda: run_child(bare, env)[0], args.runs)
    rows.append(Row("anki export", anki_t, bare_t, "same load + bare genanki write", "≤ 1.3×", 1.3))

    # grade
    key_quiz = work / "contest" / "contest.md"
    key_quiz.parent.mkdir(exist_ok=True)
    run_child(
        [*sk, "quiz", "--bank", str(bank_path), "--count", str(args.items), "--seed", "2", "-o", str(key_quiz)], env
    )
    from studykit.key import load_key

    key_path = key_quiz.with_name("contest.key.yaml")
    key = load_key(key_path)
    table = make_table(work / "branch.csv", key, args.members)
    small = make_table(work / "branch-small.csv", key, max(1, args.members // 10))
    bare_csv = [
        PY,
        "-c",
        "import csv,sys\nfor row in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')): pass",
        str(table),
    ]
    grade_cmd = [*sk, "grade", str(table), "--key", str(key_path), "--format", "csv", "-o", str(work / "report.csv")]
    small_cmd = [
        *sk,
        "grade",
        str(small),
        "--key",
        str(key_path),
        "--format",
        "csv",
        "-o",
        str(work / "report-small.csv"),
    ]
    results = [run_child(grade_cmd, env) for _ in range(args.runs)]
    grade_t = statistics.median(r[0] for r in results)
    grade_rss = max(r[1] for r in results)
    small_rss = max(run_child(small_cmd, env)[1] for _ in range(max(1, args.runs // 2)))
    csv_results = [run_child(bare_csv, env) for _ in range(args.runs)]
    csv_t = statistics.median(r[0] for r in csv_results)
    n_speeches = len({it.speech for it in key.items})
    floor_cmd = [PY, str(Path(__file__).with_name("bare_report.py")), str(table), str(work / "bare-report.csv"),
                 str(n_speeches), str(len(key.items))]  # fmt: skip
    floor_t = median_of(lambda: run_child(floor_cmd, env)[0], args.runs)
    rows.append(Row(f"grade {args.members:,} × {args.items} CSV", grade_t, csv_t, "bare csv.reader pass", "≤ 3×", 3.0,
                    f"peak RSS {grade_rss / 1024:.0f} MiB ({small_rss / 1024:.0f} MiB at {max(1, args.members // 10):,} members);"
                    f" csv pass {max(r[1] for r in csv_results) / 1024:.0f} MiB"))  # fmt: skip
    rows.append(Row("grade, against its I/O floor", grade_t, floor_t, "csv read + csv write of the report's shape",
                    "(context)", None, f"the floor alone is {floor_t / csv_t:.2f}× the bare csv pass"))  # fmt: skip

    print(report(rows, args))
    missed = [r for r in rows if r.met is False]
    return 1 if missed and not args.tiny else 0


def report(rows: list[Row], args: argparse.Namespace) -> str:
    from importlib.metadata import version

    import yaml

    head = (
        f"studykit benchmarks — {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__}), "
        f"click {version('click')}, genanki {version('genanki')}; "
        f"{args.questions:,} questions, {args.members:,} members × {args.items} items, "
        f"median of {args.runs} run{'s' if args.runs > 1 else ''}"
    )
    lines = [head, "", "| benchmark | studykit (s) | baseline | baseline (s) | ratio | target | met | notes |",
             "|---|---:|---|---:|---:|---|---|---|"]  # fmt: skip
    for r in rows:
        if r.met is None:
            met = "—"
        elif r.met:
            met = "yes"
        elif r.limit is not None and r.ratio > r.limit:
            met = f"no ({r.ratio / r.limit:.3f}× over)"
        else:
            met = f"no (over {r.seconds} s)"
        # three decimals, so a ratio just over its limit never prints as equal to it
        lines.append(
            f"| {r.name} | {r.studykit:.3f} | {r.baseline_name} | {r.baseline:.3f} | {r.ratio:.3f}× | {r.target} | {met} | {r.note} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
