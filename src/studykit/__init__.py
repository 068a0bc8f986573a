"""studykit: quizzes, Anki decks and grading from party-study material.

The public API::

    from studykit import load_bank
    bank = load_bank("question_bank.yaml")   # a frozen Bank, or BankError

Names are imported lazily (PEP 562) so that ``studykit --help`` does not pay for
PyYAML, genanki or python-docx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bank import default_bank_path, load_bank, summarize
    from .errors import AnswerFileError, BankError, KeyFileError, Problem, SelectionError, StudykitError
    from .model import Bank, Provenance, Question, QuestionType, Speech

#: public name -> module that defines it
_EXPORTS = {
    "default_bank_path": "bank",
    "load_bank": "bank",
    "summarize": "bank",
    "AnswerFileError": "errors",
    "BankError": "errors",
    "KeyFileError": "errors",
    "Problem": "errors",
    "SelectionError": "errors",
    "StudykitError": "errors",
    "Bank": "model",
    "Provenance": "model",
    "Question": "model",
    "QuestionType": "model",
    "Speech": "model",
}

__all__ = [*sorted(_EXPORTS), "__version__"]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("studykit")
        except PackageNotFoundError:  # a source tree that is not installed
            return "0+unknown"
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'studykit' has no attribute {name!r}")
