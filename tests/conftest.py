"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Keep the bank cache of this test run apart from the user's (subprocesses inherit it).
os.environ["STUDYKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="studykit-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MINI_BANK = DATA / "mini" / "question_bank.yaml"
SHIPPED_BANK = ROOT / "question_bank.yaml"


@pytest.fixture
def mini_bank_path() -> Path:
    """The small test bank (4 parts, 9 curated questions, every type)."""
    return MINI_BANK
