"""Test-run setup and fixtures shared by the whole suite (paths live in skpaths.py)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Keep the bank cache of this test run apart from the user's (subprocesses inherit it).
os.environ["STUDYKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="studykit-test-cache-")
# Tests pin English messages, also on a machine whose locale is Chinese (tests of the Chinese
# interface set the language themselves).
os.environ["STUDYKIT_LANG"] = "en"

from skpaths import MINI_BANK


@pytest.fixture
def mini_bank_path() -> Path:
    """The small test bank (4 parts, 9 curated questions, every type)."""
    return MINI_BANK
