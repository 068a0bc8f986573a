"""What each command does, as one library call a Python user can make too.

Each function takes the command's options, applies its policies (inputs never overwritten,
all-or-nothing writes, an empty report refused, notes on what the draw or the bank could
not give) and returns what was done; the CLI only parses, calls and prints.  Warnings are
passed to ``warn`` as they are met (one line each, in the interface language) and kept in
the result's ``notes``.

    >>> run = write_quiz([], Path("quiz.md"), "md", seed=7)   # doctest: +SKIP
    >>> run.files                                             # paper, key, solutions, sheet
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._common import Warn, bank_inputs, load_library

if TYPE_CHECKING:
    from .anki import DeckRun, export_deck
    from .grade import GradeRun, grade_to_files
    from .handout import HandoutRun, make_handout
    from .practice import PracticeRun, write_practice
    from .quiz import QuizRun, write_quiz

#: name -> the module defining it, imported at the name's first use (PEP 562): a command imports
#: its own workflow, not the other four.
_LAZY = {
    "DeckRun": "anki",
    "export_deck": "anki",
    "GradeRun": "grade",
    "grade_to_files": "grade",
    "HandoutRun": "handout",
    "make_handout": "handout",
    "PracticeRun": "practice",
    "write_practice": "practice",
    "QuizRun": "quiz",
    "write_quiz": "quiz",
}

__all__ = [
    "DeckRun",
    "GradeRun",
    "HandoutRun",
    "PracticeRun",
    "QuizRun",
    "Warn",
    "bank_inputs",
    "export_deck",
    "grade_to_files",
    "load_library",
    "make_handout",
    "write_practice",
    "write_quiz",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
