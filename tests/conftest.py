"""Test-run setup and fixtures shared by the whole suite (paths live in skpaths.py)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Keep the bank cache of this test run apart from the user's (subprocesses inherit it), and
# remove it when the run ends (each run used to leave one folder behind in the temp folder).
os.environ["STUDYKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="studykit-test-cache-")
# Tests pin English messages, also on a machine whose locale is Chinese (tests of the Chinese
# interface set the language themselves).
os.environ["STUDYKIT_LANG"] = "en"

from skpaths import MINI_BANK

atexit.register(shutil.rmtree, os.environ["STUDYKIT_CACHE_DIR"], ignore_errors=True)
# CI runs the property tests on hypothesis's fixed examples, so a submission passes or fails the
# same way every time; a developer's run draws new ones (and keeps failures in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def mini_bank_path() -> Path:
    """The small test bank (4 parts, 9 curated questions, every type)."""
    return MINI_BANK
