"""A sheet's answers written without question numbers (``BADACDBC``), read in paper order when that is
certain.

A member who types only ``BADACDBC`` (or ``B A D A C D B C``, ``BADAC 对错对``, several such lines) means the
paper's questions in order.  The sheet is read so only when nothing else on it is numbered, every question of
the paper takes one character — a **单选**'s letter or a **判断**'s 对/错 mark (``对错``, ``√×``; ``正确`` standing
apart counts as one) — and the sheet holds exactly as many as the paper has questions.  A paper holding a
多选 or 填空 question is never read so: where one multiple choice's letters end and the next answer's begin,
or which text fills which blank, is a guess (``DCBAD BCD BC ABCEF …`` stays 无法评分, issue 11).  Anything
else raises :class:`~studykit.grade.sheet_lines.RunError` saying why, with the counts when they differ: no
answer is guessed onto a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..i18n import _, join, ngettext
from ..key import AnswerKey
from .model import GivenAnswer
from .reading import FALSE_MARKS, TRUE_MARKS
from .sheet_lines import RunError, one_char_run, run_pieces

#: A section's label before its answers without numbers (after NFKC): ``单选：BADACDBC``, ``二、多选 CD ABCE``.
_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.]\s*)?(单选|單選|多选|多選|判断|判斷|填空)[题題]?\s*:?\s*(?=\S)"
)
_SECTION_TYPES = {"单选": "single", "單選": "single", "多选": "multiple", "多選": "multiple", "判断": "true_false",
                  "判斷": "true_false", "填空": "fill_blank"}  # fmt: skip


def section_answers(
    line: str,
    number: int,
    key: AnswerKey,
    warn: Callable[[int, str, str], None],
    answers: list[GivenAnswer],
    unread: list[tuple[int, str]],
) -> bool:
    """The answers of ``line`` (cleaned; at ``number``) when it is a section's label then its answers without
    numbers — ``单选：BADACDBC``, ``多选：CD ABCE ABD ACD``, ``判断 错对对对``, ``填空：大都市 人民利益至上`` — read
    as that section's questions in paper order, with a warning saying so: a 单选's or 判断's answers one
    character each (or apart by spaces), a 多选's or 填空's apart by spaces — added to ``answers``.  When their
    count is not the paper's questions of that kind, the line is added to ``unread`` with why.  Whether ``line``
    is such a line (a heading such as ``单选题（每题5分）`` is none)."""
    m = _SECTION.match(line)
    if m is None:
        return False
    label, kind, pieces = m.group(1), _SECTION_TYPES[m.group(1)], run_pieces(line[m.end() :])
    if kind == "fill_blank":
        if any(c.isdigit() or c in "()" for c in line[m.end() :]):
            return False
        given = pieces
    elif all(one_char_run(p) or p.casefold() in _WHOLE for p in pieces):
        given = [a for p in pieces for a in (p if one_char_run(p) and p.casefold() not in _WHOLE else [p])]
        given = given if kind != "multiple" else pieces
    else:
        return False
    items = sorted((it for it in key.items if it.type == kind), key=lambda it: it.number)
    numbers = _ranges([it.number for it in items])
    if len(given) != len(items):
        unread.append((number, _(
            "the answers after {label} without question numbers ({line!r}): the paper has {count} {label} "
            "questions ({numbers}) but the line holds {found} answers"
        ).format(label=label, line=_cut(line), count=len(items), numbers=numbers or "-", found=len(given))))  # fmt: skip
        return True
    warn(number, "", _(
        "the answers after {label} without question numbers read in paper order as its questions {numbers} — "
        "number them to be sure"
    ).format(label=label, numbers=numbers))  # fmt: skip
    answers.extend(GivenAnswer(it.number, a, number) for it, a in zip(items, given, strict=True))
    return True


def read_in_paper_order(
    bare: list[tuple[int, str]], key: AnswerKey, warn: Callable[[int, str, str], None]
) -> tuple[list[GivenAnswer], list[tuple[int, str]]]:
    """``(answers, unread)`` of a sheet whose only answers are the ``bare`` lines ``(line, text)`` without question
    numbers: read in paper order when that is certain (:func:`in_paper_order`), with a
    warning saying so; else the first line left unread, with why."""
    try:
        pairs = in_paper_order([text for _n, text in bare], key)
    except RunError as exc:
        return [], [(bare[0][0], str(exc))]
    lines = join(str(n) for n, _text in bare)
    warn(
        bare[0][0],
        "",
        ngettext(
            "answers without question numbers (line {lines}) read in paper order: {count} answers for questions "
            "1–{last}, as many as the paper has — number them to be sure",
            "answers without question numbers (lines {lines}) read in paper order: {count} answers for questions "
            "1–{last}, as many as the paper has — number them to be sure",
            len(bare),
        ).format(lines=lines, count=len(pairs), last=pairs[-1][0]),
    )
    return [GivenAnswer(n, a, bare[at][0]) for n, a, at in pairs], []


def in_paper_order(lines: list[str], key: AnswerKey) -> list[tuple[int, str, int]]:
    """The ``(number, answer, index of its line)`` of ``lines`` (cleaned, holding answers without numbers) read
    in the order of the paper's questions (see the module); raises :class:`RunError` when they cannot be."""
    items = sorted(key.items, key=lambda it: it.number)
    unnumbered = _("answers without question numbers ({line!r})").format(line=_cut(" ".join(lines)))
    others = [it for it in items if it.type not in ("single", "true_false")]
    if others:
        kinds = join(
            _("{numbers} ({kind})").format(numbers=_ranges([it.number for it in others if it.type == kind]), kind=name)
            for kind, name in (("multiple", "多选"), ("fill_blank", "填空"))
            if any(it.type == kind for it in others)
        )
        raise RunError(
            _(
                "{unnumbered}: such answers are read in paper order only on a paper whose every question takes one "
                "letter or 对/错 mark (单选, 判断), and this paper has questions {kinds}"
            ).format(unnumbered=unnumbered, kinds=kinds)
        )
    answers = [
        (answer, i)
        for i, line in enumerate(lines)
        for piece in run_pieces(line)
        for answer in (piece if one_char_run(piece) and piece.casefold() not in _WHOLE else [piece])
    ]
    if len(answers) != len(items):
        raise RunError(
            _(
                "{unnumbered}: the paper has {count} questions but the sheet holds {found} answers, which read in "
                "paper order do not come out even"
            ).format(unnumbered=unnumbered, count=len(items), found=len(answers))
        )
    return [(item.number, answer, i) for item, (answer, i) in zip(items, answers, strict=True)]


#: Marks of a 判断题 longer than one character (``正确``, ``错误``): a piece of its own, not a run of marks.
_WHOLE = frozenset(mark for mark in TRUE_MARKS | FALSE_MARKS if len(mark) > 1)


def _ranges(numbers: list[int]) -> str:
    """``[9, 10, 11, 12, 17]`` as ``9–12, 17``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}–{b}" if b > a else str(a) for a, b in spans)


def _cut(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width].rstrip() + "…"
