"""README's sample outputs are what studykit prints for the shipped bank (not the test bank)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import ROOT, SHIPPED_BANK
from studykit.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> list[str]:
    """The lines of README's fenced block that starts with the line ``marker``."""
    match = re.search(rf"```\n({re.escape(marker)}\n.*?)```", README, re.DOTALL)
    assert match, f"no README block starting {marker!r}"
    return match.group(1).splitlines()


def test_anki_sample_output_is_the_shipped_banks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line of README's `studykit anki` sample (but the … ) is printed, in order, for the shipped bank."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["anki", "--bank", str(SHIPPED_BANK), "-o", "省域治理.apkg"])
    assert result.exit_code == 0, result.output
    printed = result.stdout.splitlines()
    sample = [line for line in _block_after(printed[0]) if line.strip() != "…"]
    assert [line for line in printed if line in sample] == sample


def test_handout_sample_is_a_fact_of_the_shipped_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's handout sample (a numbered fact and its 原文) is a fact of the shipped bank's handout."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["handout", "--bank", str(SHIPPED_BANK), "-o", "h.md"])
    assert result.exit_code == 0, result.output
    statement, source = _block_after(next(line for line in README.splitlines() if re.match(r"\d+\. 任剑涛", line)))
    n, text = statement.split(". ", 1)
    markdown = (tmp_path / "h.md").read_text(encoding="utf-8")
    assert f"{n}\\. {text}\\\n{source.strip()}\n" in markdown
