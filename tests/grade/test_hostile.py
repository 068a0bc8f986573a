"""Hostile and broken workbooks and sheets (issue 18): each gives its one exact line naming the
file, or is read correctly, quickly — and the good file given beside it is always graded.

The cases live in ``tests/data/hostile/``: ``NAME.SUFFIX`` beside ``NAME.txt``, the message
(``{file}`` for the path); the zip bombs are built by ``make.py`` into a temporary folder."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.grade import grade_files
from studykit.key import AnswerKey, dump_key

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
sys.path.insert(0, str(HOSTILE))
import make  # noqa: E402

GOOD = "姓名,版本,1,2,3,4,5,6,7,8\n好,A,B,C,ABC,ABC,对,错,现场会议+云端会议,1+1+11\n"


def kept_cases() -> list[Path]:
    """Every case kept in the folder: a file that is neither make.py nor an expected message."""
    return sorted(
        p for p in HOSTILE.iterdir() if p.is_file() and (p.suffix not in (".py", ".txt") or p.name.count(".") > 1)
    )


def expected(case: Path) -> str:
    return (HOSTILE / (case.name.split(".")[0] + ".txt")).read_text(encoding="utf-8").strip()


def outcome(case: Path, good: Path, key: AnswerKey) -> tuple[str, float]:
    """What grading ``case`` then ``good`` says of ``case`` — its problems as printed, then
    ``graded: NAMES`` (the members read from it, ``none`` if none) — and the seconds taken.
    Fails unless the good file's member is graded too."""
    start = time.perf_counter()
    report = grade_files([case, good], key)
    seconds = time.perf_counter() - start
    shown = [str(p) for p in report.failures] + [str(p) for p in report.warnings if p.file == str(case)]
    names = [m.name for m in report.members]
    assert names[-1:] == ["好"]
    shown.append(f"graded: {', '.join(names[:-1]) or 'none'}")
    return "\n".join(shown), seconds


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.csv"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_every_kept_case_has_its_message_and_make_builds_it_again() -> None:
    """Each file kept is what make.py builds, and has its expected message beside it."""
    cases = kept_cases()
    assert len(cases) == len(make.KEPT)
    for case in cases:
        assert case.read_bytes() == make.KEPT[case.name](), case.name
        assert expected(case), case.name


@pytest.mark.parametrize("case", kept_cases(), ids=lambda p: p.name)
def test_kept_case(case: Path, good: Path, key: AnswerKey) -> None:
    """The case's one line, exactly, within two seconds; the good file beside it is graded."""
    shown, seconds = outcome(case, good, key)
    assert shown == expected(case).format(file=case)
    assert seconds < 5  # measured: under 1 s each on a shared CPU


@pytest.mark.parametrize("name", sorted(make.GENERATED))
def test_bomb(name: str, tmp_path: Path, good: Path, key: AnswerKey) -> None:
    """A zip bomb or an over-long cell is refused from the archive's directory or a streamed
    scan, before openpyxl parses it: one line, within a second or two."""
    (case,) = make.build(tmp_path, {name: make.GENERATED[name]})
    shown, seconds = outcome(case, good, key)
    assert shown == expected(case).format(file=case)
    assert seconds < 5


def test_stale_dimension_grades_every_member(good: Path, key: AnswerKey) -> None:
    """A <dimension ref="A1:J3"/> over a sheet of five members: all five are graded, none dropped."""
    report = grade_files([HOSTILE / "stale_dimension.xlsx", good], key)
    assert [(m.name, m.line, m.score) for m in report.members] == [
        *((f"党员{i}", i + 1, 18.0) for i in range(1, 6)),
        ("好", 2, 18.0),
    ]


def test_the_whole_folder_in_one_batch(tmp_path: Path, good: Path, key: AnswerKey) -> None:
    """grade over every kept case and a good file: exit 1, no traceback, one line per failed
    file, and the report still covers the good file and the rows read before a failure."""
    key_file = tmp_path / "k.key.yaml"
    key_file.write_text(dump_key(key), encoding="utf-8")
    out = tmp_path / "r.json"
    cases = [str(p) for p in kept_cases()]
    result = CliRunner().invoke(main, ["grade", *cases, str(good), "--key", str(key_file), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert out.is_file()
    assert result.output.splitlines()[-1].startswith("Error: not everything could be graded: ")
