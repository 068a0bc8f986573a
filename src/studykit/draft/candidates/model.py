"""The drafted question before it has an id, and the letters of its options."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ...model import LETTERS, QuestionType

#: Option letter → 0-based index.
LETTERS_OF = {letter: i for i, letter in enumerate(LETTERS)}


@dataclass(frozen=True)
class Draft:
    """A drafted question: the fields of a bank question but ``id`` (given when the bank is written).

    ``answer`` is as the bank writes it: letters for choice types, ``("true",)``/``("false",)``, or
    the blank's text; ``rule`` names the drafting rule (quotes, titles, lists, points, judgements,
    numbers); ``fact`` groups drafts that test one fact (a paper takes one of them)."""

    speech: str
    type: QuestionType
    stem: str
    answer: tuple[str, ...]
    explanation: str
    source: str
    rule: str
    options: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    fact: str = ""


def same(a: str, b: str) -> bool:
    """Whether two option texts are the same to a reader (width and spaces aside)."""
    return unicodedata.normalize("NFKC", "".join(a.split())) == unicodedata.normalize("NFKC", "".join(b.split()))


def place(correct: list[str], wrong: list[str], turn: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Options and answer letters: the ``correct`` texts placed among the ``wrong`` ones, starting at
    position ``turn`` modulo the option count (so keys spread over A–D), in a fixed order."""
    n = len(correct) + len(wrong)
    options: list[str | None] = [None] * n
    start = turn % n
    for k, text in enumerate(correct):
        options[(start + k * (n // max(len(correct), 1) or 1)) % n] = text
    rest = iter(wrong)
    for i in range(n):
        if options[i] is None:
            options[i] = next(rest)
    letters = tuple(LETTERS[i] for i, text in enumerate(options) if text in correct)
    return tuple(t for t in options if t is not None), letters
