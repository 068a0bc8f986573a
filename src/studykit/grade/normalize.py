"""Reading answers as people really type them.

Every answer goes through :func:`clean` first: Unicode NFKC (full-width ``Ａ``,
``１．``, ``，`` and the ideographic space U+3000 become ``A``, ``1.``, ``,`` and a
space; the no-break space too), zero-width characters removed, whitespace
collapsed.  Then, by item type:

* choice items (:func:`read_choice`): letters in either case, with separators
  ``、，,;；/`` or none (``ACD`` = ``A、C、D``), inside brackets or followed by
  punctuation (``(A)``, ``[B]``, ``（B）``, ``D。``); or the option's text, several
  joined by ``┋`` as survey tools export them; ``其他〖…〗`` is a free-text
  choice that is never an option.  A letter followed by text (``A. 武汉大学``,
  ``A 将抗疫经验…`` — the text may be cut short with ``…``) counts the option the
  *text* names when it names one: letters change between versions of a paper,
  option texts do not.  When the letter names another option the reading carries
  a warning;
* true_false (:func:`read_truth`): 对/错 (and traditional 對/錯), 正确/错误
  (正確/錯誤), √/×, ✓/✗ (and ✔/✘), T/F, true/false, 是/否;
* fill_blank (:func:`read_blank`): any text, compared by :func:`blank_form`
  (NFKC, no whitespace, no quotes, no trailing punctuation, no enclosing
  brackets, case-folded) with each accepted text of the key.

``(跳过)``, ``(空)`` and empty cells are unanswered.  What cannot be read (``？``,
``E`` on a four-option item, ``maybe`` on a true_false) is *unreadable*: the
caller scores it 0 and warns, showing it as written (``？``, not ``?``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ..key import KeyItem
from ..model import LETTERS

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
_WS = re.compile(r"\s+")
#: What survey tools and people write for "no answer" (after :func:`clean`).
UNANSWERED = frozenset({"", "(跳过)", "(空)", "跳过", "(未答)", "未答", "(未作答)", "未作答", "-", "--", "/"})
_LETTER_SEPS = re.compile(r"[\s、,;/|.]+")
_OTHER = re.compile(r"^其[他它]\s*[〖\[【](.*)[〗\]】]$", re.S)
_LETTER_PREFIX = re.compile(r"^([A-Za-z])\s*[.、:)\s]\s*(.+)$", re.S)
_QUOTES = dict.fromkeys(map(ord, "\"'“”‘’「」『』﹁﹂﹃﹄`"), None)
_TRAILING = re.compile(r"[\s.。,、;:!?！？…~]+$")
_TRUE = frozenset({"对", "對", "正确", "正確", "√", "✓", "✔", "t", "true", "是", "y", "yes", "☑"})
_FALSE = frozenset({"错", "錯", "错误", "錯誤", "×", "✗", "✘", "x", "f", "false", "否", "n", "no", "╳"})
#: Enclosing brackets (after NFKC) stripped from a blank's text and a choice's letters.
_BRACKETS = {"(": ")", "[": "]", "{": "}", "【": "】", "〔": "〕", "〖": "〗", "<": ">"}
#: What may surround a choice's letters: ``(A)``, ``[B]``, ``D。``.
_LETTER_WRAP = " .。,、;:!?！？…~" + "".join(_BRACKETS) + "".join(_BRACKETS.values())
#: Joins several chosen options in a survey tool's export.
SURVEY_JOIN = "┋"


def clean(text: str) -> str:
    """``text`` in NFKC, without zero-width characters, whitespace collapsed and stripped."""
    if text.isprintable() and unicodedata.is_normalized("NFKC", text):
        # no control, format (zero-width) or separator character but the plain space
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return _WS.sub(" ", text).strip()
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return _WS.sub(" ", text).strip()


def blank_form(text: str) -> str:
    """The form fill_blank answers are compared in: NFKC, no whitespace, no quote
    marks, no trailing punctuation, no enclosing brackets, case-folded.
    ``“现场会议+云端会议”。``, ``（现场会议+云端会议）`` and ``现场会议 + 云端会议``
    give the same form; a different character does not."""
    text = _TRAILING.sub("", _WS.sub("", clean(text)).translate(_QUOTES))
    while len(text) >= 2 and _BRACKETS.get(text[0]) == text[-1] and text[-1] not in text[1:-1]:
        text = _TRAILING.sub("", text[1:-1])
    return text.casefold()


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


OTHER = "其他"


@lru_cache(maxsize=1 << 16)
def read_answer(text: str, item: KeyItem) -> Reading:
    """Read ``text`` as an answer to ``item`` (dispatching on its type).

    Cached: a branch's answers repeat (``A``, ``ABC``, ``对``), and readings are immutable."""
    cleaned = clean(text)
    if cleaned in UNANSWERED:
        return Reading("unanswered")
    if item.type in ("single", "multiple"):
        reading = read_choice(cleaned, item)
    elif item.type == "true_false":
        reading = read_truth(cleaned)
    else:
        reading = read_blank(cleaned)
    if reading.kind == "unreadable":  # shown as the member wrote it, not in its NFKC form
        return replace(reading, shown=_WS.sub(" ", text).strip())
    return reading


@lru_cache(maxsize=1024)
def _option_forms(options: tuple[str, ...]) -> dict[str, int]:
    return {blank_form(opt): i for i, opt in reversed(list(enumerate(options)))}


def _named_option(text: str, forms: dict[str, int]) -> int | None:
    """The option ``text`` names: its full text, or (four characters or more, cut
    short as ``…`` shows) the start of exactly one option's text."""
    form = blank_form(text)
    index = forms.get(form)
    if index is None and len(form) >= 4:
        starts = {i for f, i in forms.items() if f.startswith(form)}
        index = starts.pop() if len(starts) == 1 else None
    return index


def _option_index(part: str, options: tuple[str, ...]) -> tuple[int | None, str]:
    """``(index of the option part names, warning)``: ``(None, "")`` when it names none."""
    forms = _option_forms(options)
    index = forms.get(blank_form(part))
    if index is not None:
        return index, ""
    prefixed = _LETTER_PREFIX.match(part)
    if not prefixed:
        return None, ""
    index = _named_option(prefixed.group(2), forms)
    letter = prefixed.group(1).upper()
    if index is None or letter == LETTERS[index]:
        return index, ""
    return index, (
        f"the letter {letter} and the text {prefixed.group(2)[:20]!r} name different options; "
        f"counted as {LETTERS[index]}, the option the text names"
    )


def _letters(part: str, n_options: int) -> tuple[list[str], str]:
    """Letters in ``part`` and "" — or [] and why not."""
    squeezed = _LETTER_SEPS.sub("", part).upper()
    if not squeezed or not re.fullmatch(r"[A-Z]+", squeezed):
        return [], "not letters"
    beyond = sorted({c for c in squeezed if LETTERS.index(c) >= n_options})
    if beyond:
        last = LETTERS[n_options - 1]
        return [], f"{'、'.join(beyond)} is not an option of this item (it has A–{last})"
    return sorted(set(squeezed)), ""


def read_choice(cleaned: str, item: KeyItem) -> Reading:
    """Read a cleaned answer to a single or multiple item: letters or option texts."""
    n_options = len(item.options) or len(LETTERS)
    last = LETTERS[n_options - 1]
    expected = f"expected letters A–{last} or option texts"
    parts = [p.strip() for p in cleaned.split(SURVEY_JOIN)] if SURVEY_JOIN in cleaned else [cleaned]
    chosen: set[str] = set()
    other = False
    warnings: list[str] = []
    for part in parts:
        if not part:
            continue
        free = _OTHER.match(part)
        if free:
            other = True
            continue
        index, warning = _option_index(part, item.options) if item.options else (None, "")
        if index is not None:
            chosen.add(LETTERS[index])
            if warning:
                warnings.append(warning)
            continue
        letters, why = _letters(part.strip(_LETTER_WRAP) or part, n_options)
        if not letters:
            return Reading("unreadable", shown=cleaned, problem=expected if why == "not letters" else why)
        chosen.update(letters)
    if not chosen and not other:
        return Reading("unanswered")
    letters_sorted = sorted(chosen)
    choices = (*letters_sorted, OTHER) if other else tuple(letters_sorted)
    return Reading("answer", choices, "、".join(choices), warning="; ".join(warnings))


def read_truth(cleaned: str) -> Reading:
    """Read a cleaned answer to a true_false item."""
    form = _TRAILING.sub("", cleaned.translate(_QUOTES)).replace(" ", "").casefold()
    if form in _TRUE:
        return Reading("answer", ("true",), "对")
    if form in _FALSE:
        return Reading("answer", ("false",), "错")
    return Reading("unreadable", shown=cleaned, problem="expected 对/错, √/×, T/F or true/false")


def read_blank(cleaned: str) -> Reading:
    """Read a cleaned answer to a fill_blank item (``其他〖…〗`` gives its text)."""
    free = _OTHER.match(cleaned)
    if free:
        cleaned = clean(free.group(1))
    form = blank_form(cleaned)
    if not form:
        if cleaned and set(cleaned) <= set("?？"):
            return Reading("unreadable", shown=cleaned, problem="expected the text of the blank")
        return Reading("unanswered")
    if set(form) <= set("?"):
        return Reading("unreadable", shown=cleaned, problem="expected the text of the blank")
    return Reading("answer", (form,), cleaned)


@lru_cache(maxsize=1024)
def accepted_forms(item: KeyItem) -> frozenset[str]:
    """The :func:`blank_form` of every accepted text of a fill_blank ``item``."""
    return frozenset(blank_form(a) for a in item.answer)
