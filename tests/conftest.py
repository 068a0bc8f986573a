"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MINI_BANK = DATA / "mini" / "question_bank.yaml"
SHIPPED_BANK = ROOT / "question_bank.yaml"


@pytest.fixture
def mini_bank_path() -> Path:
    """The small test bank (4 parts, 9 curated questions, every type)."""
    return MINI_BANK
