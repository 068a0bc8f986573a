"""Hand-edited answer keys in tests/data/bad_keys give exactly the error lines in their .txt (issue 12).

Each ``<case>.key.yaml`` is the key :func:`gradekit.make_key` dumps from the mini bank with a few lines
edited (the base key's lines are pinned in test_key_validation.py); ``<case>.txt`` holds the exact
``studykit grade`` stderr. ``num.csv`` is a valid answer sheet for that key: a case's only fault is its key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from skpaths import DATA
from studykit.cli import main
from studykit.key import AnswerKey, dump_key

BAD_KEYS = DATA / "bad_keys"
BAD_KEY_CASES = sorted(p.name.removesuffix(".key.yaml") for p in BAD_KEYS.glob("*.key.yaml"))


@pytest.mark.parametrize("case", BAD_KEY_CASES)
def test_broken_key_reports_exact_message(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`studykit grade num.csv --key <case>.key.yaml`: exit 1, nothing graded, exactly <case>.txt on stderr."""
    monkeypatch.chdir(BAD_KEYS)
    result = CliRunner().invoke(main, ["grade", "num.csv", "--key", f"{case}.key.yaml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (BAD_KEYS / f"{case}.txt").read_text(encoding="utf-8")


def test_every_bad_key_has_its_message_and_the_sheet_grades() -> None:
    """69 cases, each with its .txt, and no stray file."""
    assert len(BAD_KEY_CASES) == 69
    names = {p.name for p in BAD_KEYS.iterdir()}
    assert names == {"num.csv"} | {f"{c}.key.yaml" for c in BAD_KEY_CASES} | {f"{c}.txt" for c in BAD_KEY_CASES}


def test_the_sheet_grades_with_the_unedited_key(
    key: AnswerKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """num.csv with the key the cases were edited from grades: each case's exit 1 comes from its key alone."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(BAD_KEYS / "num.csv", tmp_path / "num.csv")
    (tmp_path / "k.key.yaml").write_text(dump_key(key), encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", "num.csv", "--key", "k.key.yaml", "--format", "json"])
    assert result.exit_code == 0, result.output
