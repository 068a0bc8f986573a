"""Load and validate a question bank (``question_bank.yaml`` and its ``material/``).

The format is documented in the README.  :func:`load_bank` reads the YAML as
text (see :mod:`studykit._yaml`), checks every rule, reports *every* problem in
one :class:`~studykit.errors.BankError`, and returns a frozen
:class:`~studykit.model.Bank` that also carries the derived attribution
questions (see :mod:`studykit.attribution`).
"""

from .load import default_bank_path, load_bank, summarize, without_drafts
from .rules import (
    BANK_FILENAME,
    BLANK_RE,
    CHOICE_MARKER,
    MAX_LETTER_SHARE,
    MAX_OPTIONS,
    MIN_OPTIONS,
    control_problem,
    is_catch_all,
    squash,
)

__all__ = [
    "BANK_FILENAME",
    "BLANK_RE",
    "CHOICE_MARKER",
    "MAX_LETTER_SHARE",
    "MAX_OPTIONS",
    "MIN_OPTIONS",
    "control_problem",
    "default_bank_path",
    "is_catch_all",
    "load_bank",
    "squash",
    "summarize",
    "without_drafts",
]
