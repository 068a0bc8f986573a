"""Paths of the test data, importable by every test module (``from skpaths import …``)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MINI_BANK = DATA / "mini" / "question_bank.yaml"
#: A second small bank (id mini-village, 2 speeches) for several banks together.
MINI2_BANK = DATA / "mini2" / "question_bank.yaml"
SHIPPED_BANK = ROOT / "question_bank.yaml"
