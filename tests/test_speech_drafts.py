"""--speech naming a speech whose questions are all drafts, or that has none: quiz, anki,
handout and practice say so and write nothing (they wrote an empty deck and handout)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import MINI_BANK
from studykit.cli import main

COMMANDS = {
    "quiz": ["quiz", "-o", "out/q.md"],
    "anki": ["anki", "-o", "out/d.apkg"],
    "handout": ["handout", "-o", "out/h.md"],
    "practice": ["practice", "-o", "out/p.html"],
}


def _bank(tmp_path: Path, edit: str) -> Path:
    """The mini bank (with its material) copied to ``tmp_path``, its intro's two questions
    marked as drafts (``edit="draft"``) or removed (``edit="remove"``)."""
    folder = tmp_path / "bank"
    shutil.copytree(MINI_BANK.parent, folder)
    path = folder / "question_bank.yaml"
    text = path.read_text(encoding="utf-8")
    if edit == "draft":
        text, n = re.subn(r"(\n    speech: intro\n)", r"\1    draft: true\n", text)
    else:
        text, n = re.subn(r"(?m)^  - id: intro-0[12]\n    speech: intro\n(?:    .*\n)*", "", text)
    assert n == 2
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_a_speech_of_drafts_only_is_refused_with_the_reason(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _bank(tmp_path, "draft")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*COMMANDS[command], "--bank", str(bank), "--speech", "intro"])
    reason = (
        "is a draft; a practice page needs finished ones"
        if command == "practice"
        else "is still a draft: review them (delete each 'draft: true' line you accept) or pass --include-drafts"
    )
    assert result.exit_code != 0
    assert result.output.splitlines()[-1] == f"Error: every question of speech intro in {bank} {reason}"
    assert not (tmp_path / "out").exists()
    # another speech of the same bank still works, and so does --include-drafts (not for practice)
    done = CliRunner().invoke(main, [*COMMANDS[command], "--bank", str(bank), "--speech", "ren-jiantao"])
    assert done.exit_code == 0, done.output
    if command != "practice":
        monkeypatch.chdir(bank.parent)  # a new out/: quiz keeps the key it wrote
        drafts = [*COMMANDS[command], "--bank", str(bank), "--speech", "intro", "--include-drafts"]
        assert CliRunner().invoke(main, drafts).exit_code == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_a_speech_without_questions_is_refused(tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = _bank(tmp_path, "remove")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*COMMANDS[command], "--bank", str(bank), "--speech", "intro"])
    assert result.exit_code != 0
    assert result.output.splitlines()[-1] == f"Error: no question in {bank} matches speech intro"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_speech_beside_a_speech_of_drafts_is_named_as_unknown(
    tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--speech intro --speech nosuch`` (intro all drafts): practice said every question of
    'intro, nosuch' was a draft; every command names the unknown id, as for nosuch alone."""
    bank = _bank(tmp_path, "draft")
    monkeypatch.chdir(tmp_path)
    args = [*COMMANDS[command], "--bank", str(bank), "--speech", "intro", "--speech", "nosuch"]
    result = CliRunner().invoke(main, args)
    known = "(expected one of: intro, ren-jiantao, tian-yipeng, zhao-xianfu)"
    assert result.exit_code != 0
    assert result.output.splitlines()[-1] in (
        f"Error: unknown speech id 'nosuch' {known}",
        f"Error: unknown speech 'nosuch' {known}",
    )
    assert not (tmp_path / "out").exists()
