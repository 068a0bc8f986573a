"""Run every studykit benchmark and print a table of ratios against same-run baselines.

Absolute times drift on a shared machine, so every figure is a ratio against a
baseline measured in the same run on the same files, **interleaved**: run by run,
studykit and its baseline take turns (who goes first alternates), so a slow patch of
the machine hits both sides, not one.  Each side's figure is the median of ``--runs``
runs (at least 5 by default) of its **CPU time** (user + system, ``getrusage``),
which other processes on the machine move far less than wall time.  The targets are
ratios of CPU times, taken **pair by pair**: each run of studykit over the baseline run
beside it, and the median of those ratios is the row's ratio (a slow patch that hits
one pair moves one ratio, where it could move one side's median alone).  The ratio of
the two medians and the wall-time ratio are shown beside it.

* startup: ``studykit --help`` vs ``python -c "import click"`` (subprocesses);
* cold load: ``load_bank`` without cache vs ``yaml.load(text, Loader=yaml.CSafeLoader)``
  (in this process, the cyclic collector on, as a user runs it);
* warm load: ``load_bank`` with the cache filled vs the same CSafeLoader load;
* quiz: ``studykit quiz --count 50`` end to end (subprocess) vs the CSafeLoader load;
* anki: ``studykit anki`` writing a new file (subprocess; the target row) vs a script doing
  the same load plus a bare genanki write of the same notes (subprocess), and the ``.apkg``'s
  size against the bare genanki package (which genanki stores uncompressed); for context, two
  re-exports onto the package already at the path: with a later ``--timestamp`` (the previous
  collection is read and compared note by note) and with the same one (recognised whole);
* grade: ``studykit grade --format csv`` on an M-member × K-item CSV (subprocess) vs
  ``bare_report.py`` — one ``csv.reader`` pass plus a ``csv.writer`` pass writing a
  report of the same shape, without grading (the report's I/O floor) — on two tables:
  the synthetic one (2–3 distinct cells a column) and a messy one made from the
  shipped bank's real items as members type them (20–30 spellings a column, quoted
  cells); with peak RSS (``os.wait4`` through ``_peak.py``), the bare ``csv.reader``
  pass for context, and the text, JSON and HTML reports against the CSV report.

``--scale`` prints a scale table instead: ``check`` and ``quiz`` on 1k / 10k / 100k
questions and ``grade`` on 1k / 10k / 100k / 1M members (time and peak RSS, one run).

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

from generate import make_bank, make_messy_table, make_table

PY = sys.executable
PEAK = Path(__file__).with_name("_peak.py")
SHIPPED_BANK = Path(__file__).resolve().parent.parent / "question_bank.yaml"
#: The groups of rows ``--only`` picks from.
PARTS = ("startup", "load", "quiz", "anki", "grade")


@dataclass(frozen=True)
class Sample:
    """One run: wall and CPU (user + system) seconds, peak RSS in KiB (0 when not measured)."""

    wall: float
    cpu: float
    rss_kib: int = 0


@dataclass(frozen=True)
class Figure:
    """The medians of several runs of one side, and the largest peak RSS seen; ``cpus``: each
    run's CPU seconds in the order run (pair ``i`` of :func:`paired` is ``cpus[i]`` of both sides)."""

    wall: float
    cpu: float
    rss_kib: int
    cpus: tuple[float, ...] = ()

    @classmethod
    def of(cls, samples: list[Sample]) -> Figure:
        return cls(
            statistics.median(s.wall for s in samples),
            statistics.median(s.cpu for s in samples),
            max(s.rss_kib for s in samples),
            tuple(s.cpu for s in samples),
        )


@dataclass
class Row:
    name: str
    studykit: Figure
    baseline: Figure
    baseline_name: str
    target: str
    limit: float | None  # CPU-time ratio limit, None if the target is not a ratio
    note: str = ""
    seconds: float | None = None  # an absolute wall-time limit too, None if none
    rss_mib: float | None = None  # a peak-RSS limit for studykit's side (MiB), None if none

    @property
    def ratio(self) -> float:
        """The median over the runs of studykit's CPU time over its paired baseline run's (the
        target's ratio); :attr:`median_ratio` when the two sides were not run in pairs."""
        a, b = self.studykit.cpus, self.baseline.cpus
        if not a or len(a) != len(b):
            return self.median_ratio
        return statistics.median(x / y if y else float("inf") for x, y in zip(a, b, strict=True))

    @property
    def median_ratio(self) -> float:
        """studykit's median CPU time over the baseline's."""
        return self.studykit.cpu / self.baseline.cpu if self.baseline.cpu else float("inf")

    @property
    def wall_ratio(self) -> float:
        return self.studykit.wall / self.baseline.wall if self.baseline.wall else float("inf")

    @property
    def met(self) -> bool | None:
        """Whether every limit holds (``None`` when the row has no target)."""
        if self.limit is None:
            return None
        return (
            self.ratio <= self.limit
            and (self.seconds is None or self.studykit.wall <= self.seconds)
            and (self.rss_mib is None or self.studykit.rss_kib / 1024 <= self.rss_mib)
        )


def _studykit_cmd() -> list[str]:
    script = Path(PY).parent / "studykit"
    return [str(script)] if script.exists() else [PY, "-m", "studykit"]


def run_child(cmd: list[str], env: dict[str, str] | None = None) -> Sample:
    """Run ``cmd`` under the small ``_peak.py`` wrapper; return its wall and CPU time and peak RSS.

    Raises ``RuntimeError`` with the command's stderr if it fails.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak.json"
        proc = subprocess.run([PY, str(PEAK), str(out), *cmd], capture_output=True, env=env)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return Sample(float(data["seconds"]), float(data["cpu_seconds"]), int(data["peak_kib"]))


def child(cmd: list[str], env: dict[str, str] | None = None) -> Callable[[], Sample]:
    return lambda: run_child(cmd, env)


def in_process(fn: Callable[[], object]) -> Callable[[], Sample]:
    """A run of ``fn`` in this process, timed by the wall clock and by this process's CPU time."""

    def run() -> Sample:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        return Sample(time.perf_counter() - wall, time.process_time() - cpu)

    return run


def paired(a: Callable[[], Sample], b: Callable[[], Sample], runs: int) -> tuple[Figure, Figure]:
    """Run ``a`` and ``b`` ``runs`` times each, interleaved (a b, b a, a b, …); their figures."""
    first: list[Sample] = []
    second: list[Sample] = []
    for n in range(runs):
        if n % 2 == 0:
            first.append(a())
            second.append(b())
        else:
            second.append(b())
            first.append(a())
    return Figure.of(first), Figure.of(second)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=None, help="bank size (default 10,000; at least 60)")
    parser.add_argument("--members", type=int, default=None, help="table rows (default 100,000; at least 1)")
    parser.add_argument("--items", type=int, default=None, help="items per contest paper (default 20; 1–50)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure, the median is shown (default 5)")
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, 1 run: a smoke test (sizes given still count)")
    parser.add_argument("--scale", action="store_true", help="print the scale table (1k–100k questions, 1k–1M members)")
    parser.add_argument("--workdir", type=Path, default=None, help="keep the files here (default: a temporary folder)")
    parser.add_argument("--only", action="append", choices=PARTS, default=None,
                        help="run only these rows (repeatable; default: all)")  # fmt: skip
    args = parser.parse_args(argv)
    args.only = set(args.only or PARTS)
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
    task = _scale if args.scale else _run
    if args.workdir is not None:
        return task(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="studykit-bench-") as tmp:
        return task(args, Path(tmp))


def _environment(work: Path) -> dict[str, str]:
    env = {**os.environ, "STUDYKIT_CACHE_DIR": str(work / "cache")}
    os.environ["STUDYKIT_CACHE_DIR"] = env["STUDYKIT_CACHE_DIR"]
    return env


def _contest_key(sk: list[str], bank: Path, items: int, out: Path, env: dict[str, str]) -> Path:
    """Draw a contest paper of ``items`` items from ``bank`` (seed 2); the path of its key."""
    out.parent.mkdir(parents=True, exist_ok=True)
    run_child([*sk, "quiz", "--bank", str(bank), "--count", str(items), "--seed", "2", "-o", str(out)], env)
    return out.with_name(out.stem + ".key.yaml")


def _grade_cmd(sk: list[str], table: Path, key: Path, fmt: str, out: Path) -> list[str]:
    return [*sk, "grade", str(table), "--key", str(key), "--format", fmt, "-o", str(out)]


def _floor_cmd(table: Path, out: Path, key_path: Path) -> list[str]:
    from studykit.key import load_key

    key = load_key(key_path)
    speeches = len({it.speech for it in key.items})
    return [
        PY,
        str(Path(__file__).with_name("bare_report.py")),
        str(table),
        str(out),
        str(speeches),
        str(len(key.items)),
    ]


def _run(args: argparse.Namespace, work: Path) -> int:
    env = _environment(work)
    sk = _studykit_cmd()
    runs = args.runs
    print(f"generating a {args.questions:,}-question bank in {work} …", file=sys.stderr)
    bank_path = make_bank(work / "bank", args.questions)
    rows: list[Row] = []
    _compiled()
    if "startup" in args.only:
        rows.extend(_startup(sk, env, runs))
    if "load" in args.only:
        rows.extend(_load(bank_path, runs))
    if "quiz" in args.only:
        rows.extend(_quiz(sk, bank_path, work, env, runs))
    deck_small = True
    if "anki" in args.only:
        anki_rows, deck_small = _anki(sk, bank_path, work, env, runs)
        rows.extend(anki_rows)
    if "grade" in args.only:
        rows.extend(_grade(sk, bank_path, work, env, args))

    print(report(rows, args))
    missed = [r.name for r in rows if r.met is False] + ([] if deck_small else ["anki .apkg size"])
    if missed and not args.tiny:
        print(f"missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed and not args.tiny else 0


def _compiled() -> None:
    """Byte-compile studykit's modules first, as installing it does: a run with
    ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every edited module from source in
    each timed run."""
    import compileall

    import studykit

    compileall.compile_dir(str(Path(studykit.__file__).parent), quiet=1)


def _startup(sk: list[str], env: dict[str, str], runs: int) -> list[Row]:
    help_f, click_f = paired(child([*sk, "--help"], env), child([PY, "-c", "import click"], env), max(runs, 5))
    return [Row("startup: studykit --help", help_f, click_f, "python -c 'import click'", "≤ 2× and ≤ 0.15 s", 2.0,
                f"{help_f.wall:.3f} s wall", seconds=0.15)]  # fmt: skip


def _csafe(bank_path: Path) -> Callable[[], object]:
    import yaml

    return lambda: yaml.load(bank_path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _load(bank_path: Path, runs: int) -> list[Row]:
    """Cold and warm load, in this process with the collector on."""
    from studykit import load_bank

    rows: list[Row] = []
    csafe = _csafe(bank_path)
    cold, base_load = paired(in_process(lambda: load_bank(bank_path, cache=False)), in_process(csafe), runs)
    rows.append(Row("load + validate (cold)", cold, base_load, "yaml CSafeLoader load", "≤ 0.6×", 0.6))
    load_bank(bank_path)  # fill the cache
    warm, base_load = paired(in_process(lambda: load_bank(bank_path)), in_process(csafe), runs)
    rows.append(Row("load (unchanged bank, cached)", warm, base_load, "yaml CSafeLoader load", "≤ 0.1×", 0.1))
    return rows


def _quiz(sk: list[str], bank_path: Path, work: Path, env: dict[str, str], runs: int) -> list[Row]:
    quiz_out = work / "quiz" / "quiz.md"
    quiz_out.parent.mkdir(exist_ok=True)
    quiz_cmd = [*sk, "quiz", "--bank", str(bank_path), "--count", "50", "--seed", "1", "-o", str(quiz_out)]

    def quiz_run() -> Sample:
        for old in quiz_out.parent.iterdir():  # a fresh folder each run (quiz keeps an existing key)
            old.unlink()
        return run_child(quiz_cmd, env)

    quiz_f, base_load = paired(quiz_run, in_process(_csafe(bank_path)), runs)
    return [Row("quiz --count 50, end to end", quiz_f, base_load, "yaml CSafeLoader load", "(no target)", None,
                f"{quiz_f.wall:.3f} s wall")]  # fmt: skip


def _anki(sk: list[str], bank_path: Path, work: Path, env: dict[str, str], runs: int) -> tuple[list[Row], bool]:
    """The anki rows, and whether the .apkg is within 30 % of genanki's stored package."""
    rows: list[Row] = []
    apkg = work / "deck.apkg"
    anki_cmd = [*sk, "anki", "--bank", str(bank_path), "-o", str(apkg), "--timestamp", "1700000000"]
    from bare_genanki import dump_notes

    notes = work / "notes.marshal"
    dump_notes(bank_path, notes)  # the same notes, prepared outside the timing
    bare_apkg = work / "bare.apkg"
    bare = [PY, str(Path(__file__).with_name("bare_genanki.py")), str(bank_path), str(notes), str(bare_apkg)]

    def anki_new() -> Sample:  # a first export: nothing at the path to compare with (as genanki writes)
        apkg.unlink(missing_ok=True)
        return run_child(anki_cmd, env)

    anki_f, bare_f = paired(anki_new, child(bare, env), runs)
    size, bare_size = apkg.stat().st_size, bare_apkg.stat().st_size
    rows.append(Row("anki export (new file)", anki_f, bare_f, "same load + bare genanki write", "≤ 1.3×", 1.3,
                    f".apkg {size / 2**20:.2f} MiB = {size / bare_size:.1%} of genanki's stored package"
                    f" ({bare_size / 2**20:.2f} MiB; target ≤ 30 %)"))  # fmt: skip
    # Re-exports onto the package already there, as a secretary re-exports after editing the bank:
    # with a later --timestamp every note's time differs, so the whole previous collection is read
    # and compared (unchanged notes keep their time); with the same one the package is recognised.
    stamps = iter(range(1_700_000_100, 1_800_000_000, 100))

    def anki_again() -> Sample:
        cmd = [*anki_cmd[:-1], str(next(stamps))]
        return run_child(cmd, env)

    again_f, bare_f = paired(anki_again, child(bare, env), runs)
    rows.append(Row("anki re-export, later --timestamp (context)", again_f, bare_f, "same load + bare genanki write",
                    "(context)", None, "the previous package read and compared note by note"))  # fmt: skip
    same_f, bare_f = paired(child([*anki_cmd[:-1], str(next(stamps) - 100)], env), child(bare, env), runs)
    rows.append(Row("anki re-export, same notes and --timestamp (context)", same_f, bare_f,
                    "same load + bare genanki write", "(context)", None, "recognised without inflating it"))  # fmt: skip
    return rows, size <= 0.3 * bare_size


def _grade(sk: list[str], bank_path: Path, work: Path, env: dict[str, str], args: argparse.Namespace) -> list[Row]:
    """Grade: the synthetic table and the messy one, each against its I/O floor; the other formats."""
    from studykit.key import load_key

    runs = args.runs
    rows: list[Row] = []
    key_path = _contest_key(sk, bank_path, args.items, work / "contest" / "contest.md", env)
    tables = [("synthetic", make_table(work / "branch.csv", load_key(key_path), args.members), key_path)]
    messy_key = _contest_key(sk, SHIPPED_BANK, args.items, work / "messy" / "messy.md", env)
    messy = work / "messy.csv"
    make_messy_table(messy, load_key(messy_key), args.members)
    tables.append(("messy", messy, messy_key))
    csv_grade: dict[str, Figure] = {}
    for label, table, key in tables:
        grade_cmd = _grade_cmd(sk, table, key, "csv", work / f"report-{label}.csv")
        floor_cmd = _floor_cmd(table, work / f"bare-report-{label}.csv", key)
        grade_f, floor_f = paired(child(grade_cmd, env), child(floor_cmd, env), runs)
        csv_grade[label] = grade_f
        rows.append(Row(f"grade {args.members:,} × {args.items} CSV, {label} table", grade_f, floor_f,
                        "csv read + csv write of the report's shape", "≤ 2× and ≤ 100 MiB", 2.0,
                        f"peak RSS {grade_f.rss_kib / 1024:.0f} MiB", rss_mib=100))  # fmt: skip
    table = tables[0][1]
    bare_csv = [PY, "-c", "import csv,sys\nfor row in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')): pass",
                str(table)]  # fmt: skip
    grade_cmd = _grade_cmd(sk, table, key_path, "csv", work / "report-synthetic.csv")
    grade_f, csv_f = paired(child(grade_cmd, env), child(bare_csv, env), runs)
    rows.append(Row("grade, against a bare read (context)", grade_f, csv_f, "bare csv.reader pass", "(context)", None,
                    f"csv pass {csv_f.rss_kib / 1024:.0f} MiB"))  # fmt: skip
    for fmt, suffix in (("text", "txt"), ("json", "json"), ("html", "html")):
        fmt_cmd = _grade_cmd(sk, table, key_path, fmt, work / f"report.{suffix}")
        fmt_f, csv_again = paired(child(fmt_cmd, env), child(grade_cmd, env), runs)
        rows.append(Row(f"grade report as {fmt}", fmt_f, csv_again, "the same grade, CSV report", "≤ 1.5×", 1.5,
                        f"peak RSS {fmt_f.rss_kib / 1024:.0f} MiB"))  # fmt: skip
    return rows


def _scale(args: argparse.Namespace, work: Path) -> int:
    """Time and peak RSS of check, quiz and grade as the bank and the branch grow (one run each)."""
    from studykit.key import load_key

    env = _environment(work)
    sk = _studykit_cmd()
    questions = (60, 120) if args.tiny else (1_000, 10_000, 100_000)
    members = (10, 20) if args.tiny else (1_000, 10_000, 100_000, 1_000_000)
    lines = [_header(args, "scale, one run each"), "",
             "| what | size | wall (s) | CPU (s) | per unit (µs) | peak RSS (MiB) |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    key_path: Path | None = None
    for n in questions:
        bank = make_bank(work / f"bank-{n}", n)
        for what, cmd in (
            ("check (cold)", [*sk, "check", "--bank", str(bank)]),
            ("quiz --count 50 (cached)", [*sk, "quiz", "--bank", str(bank), "--count", "50", "--seed", "1",
                                          "-o", str(work / f"q-{n}.md")]),
        ):  # fmt: skip
            if what.startswith("check"):
                env_cold = {**env, "STUDYKIT_NO_CACHE": "1"}
                s = run_child(cmd, env_cold)
            else:
                s = run_child(cmd, env)
            lines.append(
                f"| {what} | {n:,} questions | {s.wall:.3f} | {s.cpu:.3f} | {s.cpu / n * 1e6:.1f} | {s.rss_kib / 1024:.0f} |"
            )
        if key_path is None:
            key_path = _contest_key(sk, bank, args.items, work / "contest" / "contest.md", env)
    assert key_path is not None
    key = load_key(key_path)
    for m in members:
        table = make_table(work / f"branch-{m}.csv", key, m)
        s = run_child(_grade_cmd(sk, table, key_path, "csv", work / f"report-{m}.csv"), env)
        lines.append(
            f"| grade CSV ({args.items} items) | {m:,} members | {s.wall:.3f} | {s.cpu:.3f} | {s.cpu / m * 1e6:.1f} | {s.rss_kib / 1024:.0f} |"
        )
        table.unlink()
    print("\n".join(lines))
    return 0


def _header(args: argparse.Namespace, what: str) -> str:
    from importlib.metadata import version

    import yaml

    return (
        f"studykit benchmarks — {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__}), "
        f"click {version('click')}, genanki {version('genanki')}; {what}"
    )


def report(rows: list[Row], args: argparse.Namespace) -> str:
    what = (
        f"{args.questions:,} questions, {args.members:,} members × {args.items} items, "
        f"median of {args.runs} interleaved run{'s' if args.runs > 1 else ''}, ratios of CPU time "
        "(ratio: the median of the paired runs' ratios; of medians: the two CPU columns' ratio)"
    )
    lines = [_header(args, what), "",
             "| benchmark | studykit CPU (s) | baseline | baseline CPU (s) | ratio (CPU) | of medians | ratio (wall) "
             "| target | met | notes |",
             "|---|---:|---|---:|---:|---:|---:|---|---|---|"]  # fmt: skip
    for r in rows:
        if r.met is None:
            met = "—"
        elif r.met:
            met = "yes"
        elif r.limit is not None and r.ratio > r.limit:
            met = f"no ({r.ratio / r.limit:.3f}× over)"
        elif r.seconds is not None and r.studykit.wall > r.seconds:
            met = f"no (over {r.seconds} s)"
        else:
            met = f"no (over {r.rss_mib} MiB)"
        # three decimals, so a ratio just over its limit never prints as equal to it
        lines.append(
            f"| {r.name} | {r.studykit.cpu:.3f} | {r.baseline_name} | {r.baseline.cpu:.3f} | {r.ratio:.3f}× "
            f"| {r.median_ratio:.3f}× | {r.wall_ratio:.3f}× | {r.target} | {met} | {r.note} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
