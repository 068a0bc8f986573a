"""Fixtures for grading tests: an answer key built by hand from the mini bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradekit import MINI, make_key
from studykit.bank import load_bank
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
