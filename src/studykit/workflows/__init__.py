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

from ._common import Warn, bank_inputs, load_library
from .anki import DeckRun, export_deck
from .grade import GradeRun, grade_to_files
from .handout import HandoutRun, make_handout
from .practice import PracticeRun, write_practice
from .quiz import QuizRun, write_quiz

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
