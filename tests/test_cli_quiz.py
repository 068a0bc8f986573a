"""``studykit quiz`` through click's CliRunner: exact output, files written, errors, nothing half-written."""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from studykit.cli import QUESTION_TYPE_CHOICES, main
from studykit.model import QUESTION_TYPES

MINI = Path(__file__).parent / "data" / "mini" / "question_bank.yaml"
GOLDEN = Path(__file__).parent / "golden"
FILES = ("quiz.md", "quiz.key.yaml", "quiz.solutions.md", "quiz.answers.txt")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["quiz", "--bank", str(MINI), *map(str, args)])


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_quiz_writes_paper_key_solutions_and_answer_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default names in the current folder; one summary line and the files written; the golden content."""
    monkeypatch.chdir(tmp_path)
    result = run("--count", "10", "--seed", "7")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "quiz mini-test-7-f77a784c: 10 questions, 50 points\n"
        "wrote quiz.md, quiz.key.yaml, quiz.solutions.md, quiz.answers.txt\n"
    )
    assert result.stderr == ""
    assert listing(tmp_path) == sorted(FILES)
    for name in FILES:
        golden = GOLDEN / name.replace("quiz", "mini-seed7")
        assert (tmp_path / name).read_bytes() == golden.read_bytes()


def test_versions_get_lettered_files(tmp_path: Path) -> None:
    """--versions 2 writes <stem>-A.* and <stem>-B.*, each with key, solutions and answer sheet."""
    result = run("--count", "6", "--seed", "3", "--versions", "2", "-o", tmp_path / "out" / "第一次测验.html")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    suffixes = (".html", ".key.yaml", ".solutions.html", ".answers.txt", ".card.html")
    names = [f"第一次测验-{v}{s}" for v in "AB" for s in suffixes]
    assert listing(out) == sorted(names)
    assert result.stdout.splitlines()[0].endswith(": 6 questions, 30 points, versions A, B")
    assert result.stdout.splitlines()[1] == "wrote " + ", ".join(str(out / n) for n in names)
    assert "版本：B" in (out / "第一次测验-B.answers.txt").read_text(encoding="utf-8")
    assert "version: B\n" in (out / "第一次测验-B.key.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "paper"),
    [
        (("-o", "t.docx"), "t.docx"),
        (("--format", "html"), "quiz.html"),
        (("--format", "docx", "-o", "2024.10测验"), "2024.10测验.docx"),
    ],
)
def test_format_from_extension_or_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], paper: str
) -> None:
    """-o's extension picks the format; --format picks it (and the extension) otherwise; HTML
    and DOCX papers get their printable 答题卡 beside them."""
    monkeypatch.chdir(tmp_path)
    assert run("--seed", "1", *args).exit_code == 0
    stem, ext = paper.rsplit(".", 1)
    expected = [paper, f"{stem}.key.yaml", f"{stem}.solutions.{ext}", f"{stem}.answers.txt", f"{stem}.card.{ext}"]
    assert listing(tmp_path) == sorted(expected)


def test_no_seed_prints_one_that_reproduces_the_files(tmp_path: Path) -> None:
    """Without --seed the seed is printed; rerunning with it gives byte-identical files (DOCX too)."""
    first = run("--count", "8", "-o", tmp_path / "a" / "q.docx")
    assert first.exit_code == 0, first.output
    match = re.fullmatch(r"seed: (\d+) — rerun with --seed \1", first.stdout.splitlines()[0])
    assert match
    second = run("--count", "8", "--seed", match.group(1), "-o", tmp_path / "b" / "q.docx")
    assert second.exit_code == 0
    assert not second.stdout.startswith("seed:")
    assert listing(tmp_path / "a") == listing(tmp_path / "b")
    for name in listing(tmp_path / "a"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--count", "30"), "Error: only 17 questions in {bank}; 30 asked for (ask for fewer)\n"),
        (
            ("--speech", "ren"),
            "Error: unknown speech id 'ren' (expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu)\n",
        ),
    ],
)
def test_errors_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    """A selection or output error prints Error: …, exits 1 and writes no file."""
    monkeypatch.chdir(tmp_path)
    result = run("--seed", "1", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message.format(bank=MINI))
    assert listing(tmp_path) == []


def test_output_name_and_format_that_disagree_are_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o q.md --format docx: exit 2 with click's usage lines, as grade does; no file."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(MINI), "-o", "q.md", "--format", "docx"], prog_name="studykit"
    )
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "Usage: studykit quiz [OPTIONS]\nTry 'studykit quiz --help' for help.\n\n"
        "Error: output q.md is a .md name but --format is docx (make them agree)\n"
    )
    assert listing(tmp_path) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--points", "essay=2"),
            "unknown type 'essay' in 'essay=2' (expected one of: single, multiple, true_false, fill_blank)",
        ),
        (
            ("--points", "single=-1"),
            "'-1' in 'single=-1': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
        (
            ("--points", "single=99999999999999999999999"),
            "'99999999999999999999999' in 'single=99999999999999999999999': points must be above 0 and at most 100, "
            "with at most 2 decimals (e.g. 1.5)",
        ),
        (
            ("--points", "single=1e-9"),
            "'1e-9' in 'single=1e-9': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
        (
            ("--points", "fill_blank=nan"),
            "'nan' in 'fill_blank=nan': points must be above 0 and at most 100, with at most 2 decimals (e.g. 1.5)",
        ),
        (("--points", "single=two"), "'two' in 'single=two' is not a number of points (e.g. single=2)"),
        (("--type", "essay"), "'essay' is not one of 'single', 'multiple', 'true_false', 'fill_blank'."),
        (("--difficulty", "4"), "4 is not in the range 1<=x<=3."),
        (("--count", "0"), "0 is not in the range x>=1."),
        (("--title", "   "), "the title is blank (give some text, or leave --title out for the bank's title)"),
        (
            ("--title", "第一次\x01测验"),
            "'第一次\\x01测验' contains the control character U+0001 (delete it; often a paste)",
        ),
        (("--title", "第一次测验\n1. A"), "'第一次测验\\n1. A' has a line break or tab (a title is one line)"),
        (("--title", "第一次\t测验"), "'第一次\\t测验' has a line break or tab (a title is one line)"),
    ],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], message: str
) -> None:
    """Bad option values are click usage errors (exit 2) naming the option; nothing is written."""
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    option = args[0]
    assert result.stderr.splitlines()[-1] == f"Error: Invalid value for '{option}': {message}"
    assert listing(tmp_path) == []


def test_points_option(tmp_path: Path) -> None:
    """--points multiple=4 changes the heading, the total and the key."""
    result = run("--seed", "2", "--type", "multiple", "--points", "multiple=4", "-o", tmp_path / "q.md")
    assert result.exit_code == 0
    assert "## 一、多项选择题（每题4分，共8分。多选、少选、错选均不得分）" in (tmp_path / "q.md").read_text(
        encoding="utf-8"
    )
    assert "total_points: 8\n" in (tmp_path / "q.key.yaml").read_text(encoding="utf-8")


def test_fractional_points_print_without_exponent(tmp_path: Path) -> None:
    """--points single=0.25 prints 每题0.25分 and a total of 0.5 (two decimals at most, never 2.5e-01)."""
    result = run("--seed", "2", "--type", "single", "--count", "2", "--points", "single=0.25", "-o", tmp_path / "q.md")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].endswith(": 2 questions, 0.5 points")
    assert "## 一、单项选择题（每题0.25分，共0.5分）" in (tmp_path / "q.md").read_text(encoding="utf-8")


def test_bad_bank_gives_the_check_errors_and_writes_nothing(tmp_path: Path) -> None:
    """A broken bank prints exactly what studykit check prints, exits 1 and writes nothing."""
    shutil.copytree(MINI.parent, tmp_path / "bank")
    bank = tmp_path / "bank" / "question_bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("    answer: C\n", "    answer: E\n"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    quiz = runner.invoke(main, ["quiz", "--bank", str(bank), "--seed", "1", "-o", str(out / "q.md")])
    check = runner.invoke(main, ["check", "--bank", str(bank)])
    assert quiz.exit_code == check.exit_code == 1
    assert quiz.stderr == check.stderr
    assert quiz.stderr == (
        f"{bank}:50: question 'ren-01', field 'answer': 'E' is not one of the options A–D\nError: {bank}: 1 error(s)\n"
    )
    assert quiz.stdout == ""
    assert listing(out) == []


def test_existing_files_are_replaced_only_after_a_successful_run(tmp_path: Path) -> None:
    """A failed run leaves an earlier quiz untouched; a successful one replaces it — with --force, as it replaces
    the earlier answer key (issue 11: without --force the key is never lost)."""
    target = tmp_path / "q.md"
    assert run("--seed", "1", "--count", "4", "-o", target).exit_code == 0
    before = {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)}
    assert run("--seed", "2", "--count", "99", "-o", target).exit_code == 1
    assert {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)} == before
    refused = run("--seed", "2", "--count", "4", "-o", target)
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        1,
        "",
        f"Error: {tmp_path / 'q.key.yaml'} exists: it is the answer key of papers that may be handed out already; "
        "refusing to overwrite it (give --force to replace it, or choose another -o)\n",
    )
    assert {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)} == before
    assert run("--seed", "1", "--count", "4", "-o", target).exit_code == 0  # the same key again: nothing lost
    assert run("--seed", "2", "--count", "4", "--force", "-o", target).exit_code == 0
    assert (tmp_path / "q.md").read_bytes() != before["q.md"]
    assert listing(tmp_path) == sorted(before)


def test_type_choices_are_the_models_types() -> None:
    """--type offers exactly the bank's question types, in section order."""
    assert QUESTION_TYPE_CHOICES == QUESTION_TYPES


def test_a_folder_at_the_key_path_leaves_the_earlier_quiz_untouched(tmp_path: Path) -> None:
    """`y/p.key.yaml/` being a folder: Error naming it, exit 1, and not one file of the earlier quiz replaced."""
    target = tmp_path / "y" / "p.md"
    assert run("--seed", "1", "--count", "4", "-o", target).exit_code == 0
    (tmp_path / "y" / "p.key.yaml").unlink()
    (tmp_path / "y" / "p.key.yaml").mkdir()
    before = {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)}
    result = run("--seed", "2", "--count", "4", "-o", target)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"Error: cannot write {tmp_path / 'y' / 'p.key.yaml'}: it is a folder\n"
    assert {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)} == before


def test_a_rename_failing_mid_way_restores_the_earlier_quiz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the 3rd of the 4 renames fails, the paper and key already replaced are put back: the old set stays."""
    target = tmp_path / "p.md"
    assert run("--seed", "1", "--count", "4", "-o", target).exit_code == 0
    before = {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)}
    real, calls = os.replace, []

    def replace(src: str | Path, dst: str | Path) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise PermissionError(errno.EPERM, "Operation not permitted")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run("--seed", "2", "--count", "4", "--force", "-o", target)
    assert result.stderr == f"Error: cannot write {tmp_path / 'p.solutions.md'}: Operation not permitted\n"
    assert {n: (tmp_path / n).read_bytes() for n in listing(tmp_path)} == before


def test_empty_output_name_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o ''` is `Error: …` naming the problem, not a ValueError traceback; nothing is written."""
    monkeypatch.chdir(tmp_path)
    result = run("--seed", "1", "-o", "")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for '-o' / '--output': '' is not a file name"
    assert listing(tmp_path) == []


def test_control_character_in_the_bank_is_a_check_error_not_a_docx_crash(tmp_path: Path) -> None:
    """A stem with YAML's "\\x01" escape: quiz --format docx prints check's error (file:line, field), writes nothing."""
    shutil.copytree(MINI.parent, tmp_path / "bank")
    bank = tmp_path / "bank" / "question_bank.yaml"
    text = bank.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("    stem: "))
    rows = text.splitlines(keepends=True)
    stem = rows[line - 1].removeprefix("    stem: ").strip()
    rows[line - 1] = f'    stem: "{stem[:3]}\\x01{stem[3:]}"\n'
    bank.write_text("".join(rows), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["quiz", "--bank", str(bank), "--seed", "1", "-o", str(out / "q.docx")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"{bank}:{line}: question '")
    assert result.stderr.splitlines()[0].endswith(
        "field 'stem': contains the control character U+0001 (delete it; often a paste)"
    )
    assert result.stderr.splitlines()[1] == f"Error: {bank}: 1 error(s)"
    assert not out.exists()


def test_answer_sheet_heading_is_one_line_whatever_the_title() -> None:
    """A title with a line break (a bank's YAML can hold one) stays on the sheet's comment line,
    so the next line is not read as an answer."""
    import dataclasses

    from skpaths import MINI_BANK
    from studykit import build_papers, load_bank
    from studykit.key import render_answer_sheet

    (paper,) = build_papers(load_bank(MINI_BANK), count=2, seed=1)
    key = dataclasses.replace(paper.key(), title="第一次测验\n1. A")
    assert render_answer_sheet(key).splitlines()[0] == "# studykit 答题卡 · 第一次测验 1. A"


def test_narrow_selection_shrinks_the_default_paper_and_warns_for_an_explicit_count(tmp_path: Path) -> None:
    """The introduction alone: its items stand on a few sentences, and items on one sentence
    give each other away, and it has fewer true_false items than the standard paper asks.
    Without --count the paper takes what no draw exceeds and says both; with --count 12 it has
    12 and a warning names the pairs.  The two papers have their own ids.  The note counts what
    the standard paper can hold (a fact asked by two types counts once): the 12 different facts
    cut single from 7 to 4 (it counted 7 of 8 until a fact shared across types counted once)."""
    from skpaths import SHIPPED_BANK

    args = ["--bank", str(SHIPPED_BANK), "--speech", "intro", "--seed", "364462"]

    def shipped(*more: str | Path) -> Result:  # the shipped bank alone (run() adds the mini bank; --bank repeats add)
        return CliRunner().invoke(main, ["quiz", *args, *map(str, more)])

    result = shipped("-o", tmp_path / "a.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "quiz szzl-hubei-daily-364462-cacdd2b3: 6 questions, 29 points"
    assert result.stderr == (
        "note: fewer questions match than the standard paper asks (single 4 of 8, multiple 1 of 4, true_false 3 of 4);"
        " --mix sets the items per type\n"
        "note: 6 questions, not 12: no draw tried for this seed gave more without two that give each other "
        "away (another --seed may; --count forces the number)\n"
    )
    result = shipped("--count", "12", "-o", tmp_path / "b.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "quiz szzl-hubei-daily-364462-350b67d2: 12 questions, 59 points"
    assert result.stderr == (
        "warning: 15 pairs of items, e.g. items 1 and 3 (intro-01, intro-03) may give each "
        "other away: no draw of 12 tried for this seed avoids it (ask for fewer)\n"
    )


def test_a_mix_that_cannot_avoid_giveaways_names_the_items_drawn(tmp_path: Path) -> None:
    """--mix multiple=30 on the shipped bank: the warning names the 30 items drawn (it printed
    'no draw of None', the --count that --mix leaves unset; found by a fresh-user run)."""
    from skpaths import SHIPPED_BANK

    result = CliRunner().invoke(
        main, ["quiz", "--bank", str(SHIPPED_BANK), "--mix", "multiple=30", "--seed", "3", "-o", str(tmp_path / "m.md")]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: 7 pairs of items, e.g. items 2 and 3 (ren-jiantao-06, ren-jiantao-07) may give each other "
        "away: no draw of 30 tried for this seed avoids it (ask for fewer)\n"
    )


def test_a_small_selection_gets_no_note(tmp_path: Path) -> None:
    """--type true_false on the mini bank: 2 questions match and the paper has both; no note."""
    result = run("--type", "true_false", "--seed", "1", "-o", tmp_path / "tf.md")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].endswith(": 2 questions, 8 points") and result.stderr == ""


def test_replacing_another_quizs_key_warns_naming_its_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second quiz written to the same -o with --force replaces the first one's key (without it,
    quiz refuses): a warning names the file, the old quiz id and its seed (to make the key again);
    rewriting the same quiz, or a new name, warns nothing."""
    monkeypatch.chdir(tmp_path)
    assert run("--count", "5", "--seed", "1", "-o", "测验.md").stderr == ""
    again = run("--count", "5", "--seed", "1", "-o", "测验.gift")
    assert (again.exit_code, again.stderr) == (0, "")
    assert run("--count", "5", "--seed", "2", "-o", "测验.md").exit_code == 1  # refused without --force
    result = run("--count", "5", "--seed", "2", "--force", "-o", "测验.md")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "warning: 测验.key.yaml held the key of quiz mini-test-1-72d87945 and is replaced; to grade that quiz, "
        "make its key again with --seed 1 and the options it was made with\n"
    )
    assert "quiz_id: mini-test-2-72d87945\n" in (tmp_path / "测验.key.yaml").read_text(encoding="utf-8")
    versions = run("--count", "5", "--seed", "3", "--versions", "2", "-o", "测验.md")
    assert versions.stderr == ""  # 测验-A.key.yaml and 测验-B.key.yaml are new files
