"""``studykit grade -o``: the report's name and --format must agree, as quiz and handout require."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit.cli import main
from studykit.key import AnswerKey, dump_key

SHEET = "姓名：李四\n测验：mini-test-7-abc\n版本：A\n1. B\n2. C\n3. ABC\n4. ABC\n"
USAGE = "Usage: studykit grade [OPTIONS] ANSWERS...\nTry 'studykit grade --help' for help.\n\n"


@pytest.fixture()
def folder(tmp_path: Path, key: AnswerKey, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.key.yaml").write_text(dump_key(key), encoding="utf-8")
    (tmp_path / "李四.answers.txt").write_text(SHEET, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["grade", "李四.answers.txt", "--key", "q.key.yaml", *args], prog_name="studykit")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "mm.csv", "--format", "json"), "output mm.csv is a .csv name but --format is json (make them agree)"),
        (("-o", "r.txt", "--format", "html"), "output r.txt is a .txt name but --format is html (make them agree)"),
        (("-o", "r.HTM", "--format", "text"), "output r.HTM is a .htm name but --format is text (make them agree)"),
        (
            ("-o", "成绩.json", "--format", "csv"),
            "output 成绩.json is a .json name but --format is csv (make them agree)",
        ),
        (
            ("-o", "成绩.xlsx"),
            "output 成绩.xlsx: grade writes .txt, .csv, .json or .html (.htm) reports, not .xlsx "
            "(成绩.csv opens in Excel)",
        ),
        (
            ("-o", "成绩.xlsx", "--format", "csv"),
            "output 成绩.xlsx: grade writes .txt, .csv, .json or .html (.htm) reports, not .xlsx "
            "(成绩.csv opens in Excel)",
        ),
        (("-o", "成绩.docx"), "output 成绩.docx: grade writes .txt, .csv, .json or .html (.htm) reports, not .docx"),
        (
            ("-o", "r.out", "--format", "html"),
            "output r.out: grade writes .txt, .csv, .json or .html (.htm) reports, not .out",
        ),
    ],
)
def test_a_name_disagreeing_with_the_format_is_a_usage_error(folder: Path, args: tuple[str, ...], message: str) -> None:
    """A report suffix naming another format than --format, or a suffix grade does not
    write (a text report in 成绩.xlsx would not open in Excel): exit 2, nothing written,
    before the key is even read."""
    (folder / "q.key.yaml").write_text("not: a key\n", encoding="utf-8")
    assert run(*args) == (2, "", f"{USAGE}Error: {message}\n")
    assert sorted(p.name for p in folder.iterdir()) == ["q.key.yaml", "李四.answers.txt"]


@pytest.mark.parametrize(
    ("args", "name", "start"),
    [
        (("-o", "report"), "report", "测验成绩 · 省域治理现代化小测\n"),
        (("-o", "report", "--format", "json"), "report", '{\n  "studykit_grade_report": 1,'),
        (("-o", "成绩.2024.10.17"), "成绩.2024.10.17", "测验成绩 · 省域治理现代化小测\n"),
        (("-o", "成绩.2024.10.17", "--format", "html"), "成绩.2024.10.17", "<!DOCTYPE html>"),
        (("-o", "成绩.TXT"), "成绩.TXT", "测验成绩 · 省域治理现代化小测\n"),
        (("-o", "成绩.htm", "--format", "html"), "成绩.htm", "<!DOCTYPE html>"),
        (("-o", "成绩.csv", "--format", "csv"), "成绩.csv", "\ufeff名次,姓名,"),
    ],
)
def test_names_that_agree_are_written(folder: Path, args: tuple[str, ...], name: str, start: str) -> None:
    """A name without a suffix (dots of a date are none) takes --format, text by default, as
    before; a report suffix (any case) agreeing with --format is written."""
    assert run(*args) == (0, "", f"{name}: 1 graded\n")
    assert (folder / name).read_text(encoding="utf-8").startswith(start)
