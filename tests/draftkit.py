"""Drafting a small article through the CLI for the draft tests: ``studykit draft`` as a user runs it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from studykit.cli import main


def draft_questions(
    tmp_path: Path, text: str, *, article: str = "article.txt", out_name: str = "bank", check: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Write ``text`` to ``tmp_path / article``, draft it into ``tmp_path / out_name`` (exit 0 asserted;
    with ``check``, ``studykit check`` on the bank too): the command's output and the bank's questions."""
    source = tmp_path / article
    source.write_text(text, encoding="utf-8")
    out = tmp_path / out_name
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    if check:
        checked = CliRunner().invoke(main, ["check", "--bank", str(out / "question_bank.yaml")])
        assert checked.exit_code == 0, checked.output
    bank = yaml.safe_load((out / "question_bank.yaml").read_text(encoding="utf-8"))
    return result.output, list(bank["questions"])
