"""studykit: quizzes, Anki decks and grading from party-study material.

The public API (run from the repository root, beside the shipped ``question_bank.yaml``)::

    from pathlib import Path
    from studykit import (
        build_papers, dump_key, export_deck, grade_files, grade_to_files, load_bank, load_banks, load_key,
        make_handout, save_report, summarize_banks, write_deck, write_practice, write_quiz, write_review_decks,
    )

    bank = load_bank("question_bank.yaml")            # a frozen Bank, or BankError
    papers = build_papers(bank, count=20, seed=7)      # quiz papers; papers[0].key() -> AnswerKey
    write_deck(bank, "deck.apkg")                      # an Anki package, written atomically
    library = load_banks(["question_bank.yaml"])       # banks by file or folder ("2025/"); library.merged() -> Bank
    run = write_quiz([], Path("测验.md"), "md", seed=7)  # what `studykit quiz` does: run.files, run.notes
    Path("答卷").mkdir(exist_ok=True)                   # a member fills in the 答题卡 测验.answers.txt:
    Path("答卷/张三.answers.txt").write_text("姓名：张三\\n1. B\\n2. C\\n", encoding="utf-8")
    report = grade_files(["答卷/张三.answers.txt"], load_key("测验.key.yaml"), bank=bank)  # a GroupReport
    run = grade_to_files(["答卷/"], ["测验.key.yaml"], output=Path("成绩.html"))  # `studykit grade`
    run = make_handout([], Path("学习要点.docx"), "docx")  # `studykit handout`
    run = write_practice([], Path("自测.html"), count=20)  # `studykit practice`
    run = export_deck([], Path("省域治理.apkg"))          # `studykit anki`: run.summary
    print(summarize_banks(load_banks([])))             # `studykit check`
    save_report(report, "成绩.csv", "csv")              # a grade report: csv, json, text or html
    write_review_decks(report, bank, "错题本")          # 错题本: one .apkg per member
    dump_key(papers[0].key())                          # an answer key as .key.yaml text

Every user's mistake (a missing file, a bank with errors, an unknown speech id, an output that
is one of the inputs) raises a :class:`~studykit.errors.StudykitError` subclass naming the file.

Names are imported lazily (PEP 562) so that ``studykit --help`` does not pay for
PyYAML, genanki or python-docx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .anki import write_deck
    from .bank import default_bank_path, load_bank, summarize, without_drafts
    from .draft import draft_bank
    from .errors import (
        AnswerFileError,
        BankError,
        DraftError,
        KeyFileError,
        OptionError,
        Problem,
        SelectionError,
        StudykitError,
    )
    from .grade import grade_files
    from .grade.report import render_report, save_report
    from .handout import build_handout, load_report
    from .key import AnswerKey, dump_key, load_key
    from .library import Library, load_banks, summarize_banks
    from .model import Bank, Provenance, Question, QuestionType, Speech
    from .practice import build_practice, render_practice
    from .quiz import build_papers
    from .review import write_review_decks
    from .workflows import export_deck, grade_to_files, make_handout, write_practice, write_quiz

#: public name -> module that defines it
_EXPORTS = {
    "write_deck": "anki",
    "grade_files": "grade",
    "render_report": "grade.report",
    "save_report": "grade.report",
    "build_handout": "handout",
    "load_report": "handout",
    "AnswerKey": "key",
    "dump_key": "key",
    "load_key": "key",
    "build_practice": "practice",
    "render_practice": "practice",
    "write_review_decks": "review",
    "build_papers": "quiz",
    "export_deck": "workflows",
    "grade_to_files": "workflows",
    "make_handout": "workflows",
    "write_practice": "workflows",
    "write_quiz": "workflows",
    "Library": "library",
    "load_banks": "library",
    "summarize_banks": "library",
    "default_bank_path": "bank",
    "load_bank": "bank",
    "summarize": "bank",
    "without_drafts": "bank",
    "draft_bank": "draft",
    "DraftError": "errors",
    "AnswerFileError": "errors",
    "BankError": "errors",
    "KeyFileError": "errors",
    "OptionError": "errors",
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
