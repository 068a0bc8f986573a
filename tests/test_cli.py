"""The command line as a whole: help, version, errors without tracebacks, README coverage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from skpaths import ROOT, SHIPPED_BANK
from studykit.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_a_readme_section(name: str) -> None:
    """`studykit NAME --help` works, shows an example, and the README documents NAME."""
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"### `studykit {name}`" in README
    command = main.commands[name]
    assert isinstance(command, click.Command) and command.help


def test_version_is_printed() -> None:
    """`studykit --version` prints the package version."""
    from importlib.metadata import version

    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"studykit {version('studykit')}\n"


def test_missing_bank_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """A bank path that does not exist gives one Error line and exit 1."""
    result = CliRunner().invoke(main, ["check", "--bank", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: no question bank at {tmp_path / 'nope.yaml'} (give one with --bank PATH)\n"


def test_check_finds_the_shipped_bank_from_any_folder(tmp_path: Path) -> None:
    """Run from a folder without question_bank.yaml, `python -m studykit check` uses the shipped bank."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "studykit", "check"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr
    assert "OK, 201 questions (177 curated, 24 derived) in 9 parts" in proc.stdout
    assert proc.stdout.startswith(str(SHIPPED_BANK)) or "studykit/data/question_bank.yaml" in proc.stdout


def test_check_summary_of_the_shipped_bank() -> None:
    """The one-line summary counts questions per part and per type."""
    result = CliRunner().invoke(main, ["check", "--bank", str(SHIPPED_BANK)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{SHIPPED_BANK}: OK, 201 questions (177 curated, 24 derived) in 9 parts — intro 15, ren-jiantao 20, "
        "tian-yipeng 23, zhao-xianfu 24, zhang-yanguo 28, jiang-xiaoping 24, wei-yueming 22, ouyang-kang 23, "
        "dai-xiaoming 22; single 91, multiple 30, true_false 25, fill_blank 55\n"
    )


def test_readme_starts_with_the_two_commands() -> None:
    """The README's first block is the setup+main-job command and the setup+tests command that CI runs."""
    block = README.split("```sh\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    assert block[0].startswith("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/studykit ")
    assert block[1] == "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert "sed -n 2p" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "name", "target", "what"),
    [
        (["quiz", "--seed", "1"], "q.md", "question_bank.yaml", "the bank"),
        (["quiz", "--seed", "1"], "q.answers.txt", "material/01-ren-jiantao.txt", "a material file of the bank"),
        (["handout"], "h.md", "question_bank.yaml", "the bank"),
        (["anki"], "d.apkg", "material/00-intro.txt", "a material file of the bank"),
    ],
)
def test_no_output_overwrites_the_bank_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], name: str, target: str, what: str
) -> None:
    """-o (or a file written beside it) that is a symbolic link to the bank or its material is
    refused before anything is written (a quiz had replaced question_bank.yaml with the paper)."""
    import shutil

    shutil.copytree(ROOT / "tests" / "data" / "mini", tmp_path / "b")
    monkeypatch.chdir(tmp_path / "b")
    (tmp_path / "b" / name).symlink_to(target)
    before = {p: p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file() and not p.is_symlink()}
    output = "q.md" if command[0] == "quiz" else name
    result = CliRunner().invoke(main, [*command, "--bank", "question_bank.yaml", "-o", output])
    assert result.exit_code == 1
    shown = target if target == "question_bank.yaml" else str(tmp_path / "b" / target)
    assert result.stderr == f"Error: cannot write {name}: it is {what} ({shown}); choose another output path\n"
    assert {p: p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file() and not p.is_symlink()} == before


def test_no_output_overwrites_the_provenance_file_through_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """material/sources.yaml is read by the bank too: a link to it at -o (or beside it) is refused by
    every command, and the bank still loads afterwards."""
    import shutil

    from studykit import load_bank

    shutil.copy(SHIPPED_BANK, tmp_path / "question_bank.yaml")
    shutil.copytree(SHIPPED_BANK.parent / "material", tmp_path / "material")
    monkeypatch.chdir(tmp_path)
    sources = tmp_path / "material" / "sources.yaml"
    before = sources.read_bytes()
    runner = CliRunner()
    assert runner.invoke(main, ["quiz", "--seed", "1", "--count", "5", "-o", "k.md"]).exit_code == 0
    for name, args in [
        ("s.md", ["handout", "-o", "s.md"]),
        ("z.answers.txt", ["quiz", "--seed", "1", "-o", "z.md"]),
        ("s.apkg", ["anki", "-o", "s.apkg"]),
    ]:
        (tmp_path / name).symlink_to(sources)
        result = runner.invoke(main, args)
        assert result.exit_code == 1, args
        assert (
            result.stderr
            == f"Error: cannot write {name}: it is a file of the bank ({sources}); choose another output path\n"
        )
    (tmp_path / "g.txt").symlink_to(sources)
    result = runner.invoke(main, ["grade", "k.answers.txt", "--key", "k.key.yaml", "-o", "g.txt"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: -o g.txt is a file of the bank ({sources}); refusing to overwrite it — choose another path"
    )
    assert sources.read_bytes() == before
    assert load_bank(tmp_path / "question_bank.yaml").provenance.title
