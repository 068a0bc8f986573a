"""Fixtures for grading tests: an answer key built by hand from the mini bank, and the shipped bank's
standard paper (``studykit quiz --seed 7``) as members get it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gradekit import MINI, SHIPPED, make_key
from studykit.bank import load_bank
from studykit.cli import main
from studykit.key import AnswerKey, dump_key
from studykit.model import Bank


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return load_bank(MINI)


@pytest.fixture()
def key(mini_bank: Bank) -> AnswerKey:
    return make_key(mini_bank)


@pytest.fixture()
def key_file(tmp_path: Path, key: AnswerKey) -> Path:
    path = tmp_path / "quiz.key.yaml"
    path.write_text(dump_key(key), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def shipped_papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the shipped bank's standard paper (``--seed 7``) as ``测验.md`` and ``测验.docx``,
    each with its key, 参考答案 and 答题卡, as ``studykit quiz`` writes them."""
    folder = tmp_path_factory.mktemp("papers")
    for out in ("测验.md", "测验.docx"):
        result = CliRunner().invoke(main, ["quiz", "--bank", str(SHIPPED), "--seed", "7", "-o", str(folder / out)])
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture()
def paper_folder(tmp_path: Path, shipped_papers: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of :func:`shipped_papers`' files, the working folder of the test."""
    for paper in shipped_papers.iterdir():
        (tmp_path / paper.name).write_bytes(paper.read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path
