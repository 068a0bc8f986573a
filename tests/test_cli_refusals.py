"""Options given twice or files given in the wrong place: a clear message naming what was
given and what was expected, never a silent choice or a pile of beside-the-point errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import MINI_BANK
from studykit.cli import main

GOLDEN = Path(__file__).resolve().parent / "golden"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="studykit")
    return result.exit_code, result.stdout, result.stderr


def usage(command: str, message: str) -> str:
    return f"Usage: studykit {command} [OPTIONS]{' ANSWERS...' if command == 'grade' else ''}\n" + (
        f"Try 'studykit {command} --help' for help.\n\nError: {message}\n"
    )


# -- an option given twice --------------------------------------------------------


def test_handout_refuses_a_second_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--from-report A.json --from-report B.json` used only B: refused as grade refuses a
    second --key, before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("handout", "--bank", str(MINI_BANK), "--from-report", "A.json", "--from-report", "B.json")
    message = (
        "Invalid value for '--from-report': give one report, not 2 "
        "(a handout keeps what the group of one graded quiz got wrong)"
    )
    assert (code, out, err) == (2, "", usage("handout", message))
    assert list(tmp_path.iterdir()) == []


def test_quiz_refuses_points_for_a_type_given_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--points single=2 --points single=3` kept the last silently: refused, naming both."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("quiz", "--bank", str(MINI_BANK), "--points", "single=2", "--points", "single=3")
    message = "Invalid value for '--points': single given twice (single=2, then single=3; give each type once)"
    assert (code, out, err) == (2, "", usage("quiz", message))
    assert list(tmp_path.iterdir()) == []


def test_quiz_points_for_different_types_are_kept(tmp_path: Path) -> None:
    code, _, _ = run("quiz", "--bank", str(MINI_BANK), "--seed", "2", "--type", "single", "--type", "multiple",
                       "--points", "single=1.5", "--points", "multiple=4", "-o", str(tmp_path / "q.md"))  # fmt: skip
    assert code == 0
    text = (tmp_path / "q.md").read_text(encoding="utf-8")
    assert "每题1.5分" in text and "每题4分" in text


# -- anki -o without a file name -----------------------------------------------------


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (".apkg", "'.apkg' is not a file name, only the suffix (expected NAME.apkg, e.g. 省域治理.apkg)"),
        ("decks/.apkg", "'decks/.apkg' is not a file name, only the suffix (expected NAME.apkg, e.g. 省域治理.apkg)"),
        ("", "'' is empty (expected NAME.apkg, e.g. 省域治理.apkg)"),
        ("d.zip", "'d.zip' does not end in .apkg (Anki imports only .apkg packages)"),
    ],
)
def test_anki_output_without_a_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str,
                                    message: str) -> None:  # fmt: skip
    """`-o .apkg` said it did not end in .apkg, `-o ''` that '.' did not: each says what it is."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run("anki", "--bank", str(MINI_BANK), "-o", output)
    assert (code, out, err) == (2, "", usage("anki", f"Invalid value for '-o' / '--output': {message}"))
    assert list(tmp_path.iterdir()) == []


# -- a file given in another's place -----------------------------------------------


@pytest.mark.parametrize("command", [["check"], ["anki"], ["quiz"], ["handout"]])
def test_an_answer_key_given_as_the_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         command: list[str]) -> None:  # fmt: skip
    """--bank X.key.yaml listed 12 'unknown top-level key' errors: one line says what it is."""
    monkeypatch.chdir(tmp_path)
    key = GOLDEN / "mini-seed7.key.yaml"
    assert run(*command, "--bank", str(key)) == (
        1,
        "",
        f"Error: {key}: this is a studykit answer key, not a question bank (give it with grade --key)\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_a_grade_report_given_as_the_bank(tmp_path: Path) -> None:
    report = tmp_path / "成绩.json"
    report.write_text('{\n  "studykit_grade_report": 1,\n  "quiz": {}\n}\n', encoding="utf-8")
    assert run("check", "--bank", str(report)) == (
        1,
        "",
        f"Error: {report}: this is a studykit grade report, not a question bank (give it with handout --from-report)\n",
    )


SHEETS = {
    # ASCII colons: YAML reads a mapping, then fails on the answers
    "ascii": "姓名: 张三\n测验: mini-test-7-f77a784c\n1. B\n2. ACD\n",
    # full-width colons: YAML reads one text
    "fullwidth": "姓名：张三\n测验：mini-test-7-f77a784c\n1. B\n",
    # the blank 答题卡 as studykit quiz writes it
    "blank": (GOLDEN / "mini-seed7.answers.txt").read_text(encoding="utf-8"),
    # a YAML sheet
    "yaml": "name: 张三\nquiz: mini-test-7-f77a784c\nanswers: {1: B, 2: ACD}\n",
}


@pytest.mark.parametrize("sheet", SHEETS)
def test_an_answer_sheet_given_as_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheet: str) -> None:
    """`grade --key s1.txt` said 'YAML syntax error' (or 'not a studykit answer key'): it says
    the file is an answer sheet, and where each belongs."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s1.txt").write_text(SHEETS[sheet], encoding="utf-8")
    assert run("grade", "s1.txt", "--key", "s1.txt") == (
        1,
        "",
        "Error: s1.txt: this is an answer sheet, not an answer key (give it as an answer file; "
        "--key takes the *.key.yaml written by studykit quiz)\n",
    )


def test_other_files_given_as_the_key_keep_their_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that is neither a key nor a sheet is still 'not a studykit answer key'; broken
    YAML that does not begin as a sheet is still a YAML error."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    (tmp_path / "broken.key.yaml").write_text("studykit_key: 1\nitems: [\n", encoding="utf-8")
    assert run("grade", "notes.txt", "--key", "notes.txt") == (
        1,
        "",
        "Error: notes.txt is not a studykit answer key (expected the *.key.yaml written by studykit quiz)\n",
    )
    code, out, err = run("grade", "notes.txt", "--key", "broken.key.yaml")
    assert (code, out) == (1, "")
    assert err.endswith("Error: answer key broken.key.yaml is not valid YAML\n")
