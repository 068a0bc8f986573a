"""Text rules every layer shares: how a typed answer is cleaned and the form fill_blank
answers are compared in.

* :func:`clean`: Unicode NFKC (full-width ``Ａ``, ``１．``, ``，`` and the ideographic space
  U+3000 become ``A``, ``1.``, ``,`` and a space), zero-width characters removed, whitespace
  collapsed and stripped.
* :func:`fold`: Traditional characters read as Simplified, one character at a time, through
  OpenCC's Traditional → Simplified character table (the ``t2s`` configuration of the
  ``opencc`` package, which ships its dictionaries; nothing is downloaded).  Character by
  character, never phrase by phrase: a phrase table "corrects" ``显着`` to ``显著``, which would
  score a wrong character right.  Source: OpenCC (https://github.com/BYVoid/OpenCC),
  ``TSCharacters`` table.
* :func:`blank_form`: the form the bank, the key, the grader and the practice page compare
  fill_blank answers in.
* :func:`reads_as_letters`: whether an option's text typed as an answer would read as letters.

They sit in the base layer so that the bank and key readers use the grader's rules without
importing the grader (:mod:`studykit.grade.normalize` reads answers with them).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from .model import LETTERS

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
#: A run of whitespace.
WHITESPACE = re.compile(r"\s+")
#: What separates the letters of a choice answer (after :func:`clean`): ``A、C``, ``A,C``, ``A C``.
LETTER_SEPARATORS = re.compile(r"[\s、,;/|.]+")
#: Quote marks, dropped from a blank's text (a ``str.translate`` table).
QUOTES = dict.fromkeys(map(ord, "\"'“”‘’「」『』﹁﹂﹃﹄`"), None)
#: Punctuation at the end of a blank's text, dropped.
TRAILING = re.compile(r"[\s.。,、;:!?！？…~]+$")
#: Enclosing brackets (after NFKC) stripped from a blank's text and a choice's letters.
BRACKETS = {"(": ")", "[": "]", "{": "}", "【": "】", "〔": "〕", "〖": "〗", "<": ">", "《": "》"}
#: What may surround a choice's letters: ``(A)``, ``[B]``, ``D。``.
LETTER_WRAP = " .。,、;:!?！？…~" + "".join(BRACKETS) + "".join(BRACKETS.values())


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


class _Table(dict[int, str]):
    """``str.translate`` table, filled one character at a time as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = char if code < 0x2E80 else str(_converter().convert(char)) or char
        self[code] = folded
        return folded


_TABLE = _Table()


def fold(text: str) -> str:
    """``text`` with each Traditional character replaced by its Simplified one (``網格化`` →
    ``网格化``, ``顯著`` → ``显著``, ``显着`` unchanged); ASCII text is returned as it is."""
    return text if text.isascii() else text.translate(_TABLE)


def clean(text: str) -> str:
    """``text`` in NFKC, without zero-width characters, whitespace collapsed and stripped."""
    if text.isprintable() and unicodedata.is_normalized("NFKC", text):
        # no control, format (zero-width) or separator character but the plain space
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return WHITESPACE.sub(" ", text).strip()
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    return WHITESPACE.sub(" ", text).strip()


def blank_form(text: str) -> str:
    """The form fill_blank answers are compared in: NFKC, Traditional characters as
    Simplified (:func:`fold`), no whitespace, no quote marks, no trailing punctuation, no
    enclosing brackets (also a title's 《》: ``《习近平谈治国理政》`` written into ``精读了《____》``),
    case-folded.  ``“现场会议+云端会议”。``, ``（现场会议+云端会议）`` and
    ``现场会议 + 云端会议`` give the same form; a different character does not."""
    text = TRAILING.sub("", WHITESPACE.sub("", fold(clean(text))).translate(QUOTES))
    while len(text) >= 2 and BRACKETS.get(text[0]) == text[-1] and text[-1] not in text[1:-1]:
        text = TRAILING.sub("", text[1:-1])
    return text.casefold()


def reads_as_letters(text: str, n_options: int) -> bool:
    """Whether ``text`` (an option's text) written as an answer to an item of ``n_options``
    options could be read as its letters (``A``, ``(b)``, ``AC``; not ``DNA`` on four options):
    an answer ``A`` would then be taken for the option whose text is ``A``."""
    squeezed = LETTER_SEPARATORS.sub("", clean(text).strip(LETTER_WRAP)).upper()
    return bool(squeezed) and all(c in LETTERS[:n_options] for c in squeezed)


_MILLI = Decimal("0.001")


def pts(value: float | None) -> str:
    """Points as printed: ``2``, ``1.5``, ``0.625``; ``—`` for none.

    A key's points have at most 2 decimals and half credit adds a third, so points print
    with up to 3 decimals, trailing zeros dropped: every score, sum and half credit exactly.
    A mean or median with more is rounded half up (四舍五入) to 3 decimals: ``3.5625`` →
    ``3.563`` (``f"{3.5625:.3f}"`` would round it to the even ``3.562``)."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    text = format(Decimal(repr(value)).quantize(_MILLI, ROUND_HALF_UP), "f")
    return text.rstrip("0").rstrip(".")
