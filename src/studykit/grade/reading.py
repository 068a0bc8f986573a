"""What a written answer says (:class:`Reading`), and reading a true_false answer.

:mod:`studykit.grade.normalize` reads every answer (see its docstring for the rules);
the marks a true_false answer may be written with live here: 对/错 (and traditional
對/錯), 正确/错误, √/×, ✓/✗ (and ✔/✘), T/F, true/false, 是/否, 对的/不对 …, also after the
letter of a survey's two-option 判断题 (``A.对``) and with a phone's emoji variation
selector (``✔️``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..i18n import _
from ..text import QUOTES, TRAILING, fold

TRUE_MARKS = frozenset(
    {
        "对",
        "對",
        "正确",
        "正確",
        "√",
        "✓",
        "✔",
        "t",
        "true",
        "是",
        "y",
        "yes",
        "☑",
        "✅",
        "对的",
        "對的",
        "正确的",
        "是的",
    }
)
FALSE_MARKS = frozenset(
    {"错", "錯", "错误", "錯誤", "×", "✗", "✘", "x", "f", "false", "否", "n", "no", "╳", "❌", "❎", "错的", "錯的",
     "不对", "不對", "不正确", "不正確", "错误的"}
)  # fmt: skip
#: A survey's 判断题 asked as a choice of two: ``A.对``, ``B. 错`` (the letter before a mark).
_TRUTH_LETTER = re.compile(r"^[A-Ba-b]\s*[.、:)]?\s*(?=\S)")
#: Emoji variation selectors a phone adds after a mark (``✔️`` is ✔ U+FE0F).
_SELECTORS = dict.fromkeys((0xFE0E, 0xFE0F), None)

Kind = Literal["answer", "unanswered", "unreadable"]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a written answer says.

    ``kind`` is ``"answer"``, ``"unanswered"`` or ``"unreadable"``; for an answer,
    ``choices`` holds the sorted letters (choice items, ``"其他"`` for a free-text
    choice), ``("true",)``/``("false",)``, or the :func:`blank_form` of the text;
    ``shown`` is how a report prints it (an unreadable answer as written, stripped and its
    whitespace runs made one space); ``problem`` says why it is unreadable;
    ``warning`` (an answer) says what was doubtful in reading it, e.g. a letter and
    a text naming different options.
    """

    kind: Kind
    choices: tuple[str, ...] = ()
    shown: str = ""
    problem: str = ""
    warning: str = ""


def read_truth(cleaned: str) -> Reading:
    """Read a cleaned answer to a true_false item."""
    form = TRAILING.sub("", fold(cleaned).translate(QUOTES).translate(_SELECTORS)).replace(" ", "").casefold()
    if form not in TRUE_MARKS and form not in FALSE_MARKS:
        bare = _TRUTH_LETTER.sub("", form, count=1)  # A.对: the mark is the answer, whatever its letter
        if bare != form and (bare in TRUE_MARKS or bare in FALSE_MARKS) and not bare.isascii():
            form = bare
    if form in TRUE_MARKS:
        return Reading("answer", ("true",), "对")
    if form in FALSE_MARKS:
        return Reading("answer", ("false",), "错")
    return Reading("unreadable", shown=cleaned, problem=_("expected 对/错, √/×, T/F or true/false"))
