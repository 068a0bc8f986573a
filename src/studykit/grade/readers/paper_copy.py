"""A member's copy of the paper with the chosen options marked on it, as a sheet's lines: shared by the
``.docx`` reader (:mod:`.docx_sheet`, the paper filled in Word or WPS) and the ``.txt`` reader (the paper
``studykit quiz`` wrote as Markdown, or pasted from the ``.docx``, saved as text).

Under a choice question whose bracket was left empty, an option line whose pieces are that question's
options letter by letter (``A. 理论要求　B. 实践要求``) gives the letters marked on it:

* a mark after the option's text or in it: ``B. 实践要求 √``, ``B. 实践要求（√）``, ``B. 实践要求✓``;
* a mark right before the letter: ``√B. 实践要求``, ``■B. …``, a ticked box ``[x] B. …`` / ``☑ B. …``
  (an empty box ``[ ]`` / ``□`` / ``☐`` is no mark), or right after it: ``B✔. 实践要求``.

A mark between two options belongs to the option on the other side of the paper's own space between them
(U+3000, or the .docx's tab: ``理论周刊 √　C.`` ticks B, ``理论周刊　√ C.`` C).  A mark standing between two options otherwise — glued to both (``理论要求√B.``) or to neither (``理论要求 √ B.``) — may
tick either: it takes the side every other mark of the sheet takes (all before their letters, or all after
their options), and when the sheet's other marks do not tell, the sheet is not graded (:class:`Fail`,
naming the line).  So is a question whose filled bracket (``（ B ）``) says other letters than its ticks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...i18n import _
from ...key import AnswerKey
from ...text import blank_form, clean
from ._common import Fail

#: Marks a member types at the option they choose (after NFKC).
MARKS = "✓✔√☑✅■☒"
#: The space the paper prints between two options on a line (U+3000, ideographic space; the .docx's tab is read
#: as one).
SEPARATOR = "\u3000"
#: A question's line on the paper: its number, then its stem (and options).
NUMBERED = re.compile(r"^(\d{1,3})[.．]\s*(.+)$")
#: A blank as a paper or key prints it: underscores, empty brackets.
BLANKS = re.compile(r"_{2,}|[（(][\s\u3000]*[）)]")
#: A question line :func:`as_sheet_line` made a comment: printed with its blank left empty.
LEFT_BLANK = re.compile(r"^# (\d{1,3})[.．]")
#: The paper's and 答题卡's own lines: a section heading (一、单项选择题…, not a section's answers 一、1-8 BADACDBC),
#: the instructions, the version (B卷).
_OURS = re.compile(
    r"^(?:#+\s*)?(?:[一二三四五六七八九十]+、(?!\s*(?:第\s*)?[\d０-９])|本卷共|(?:选择|判断)题在题号下|填空题在题号后|[A-Z]卷$)"
)
#: A bracket of the paper filled with letters (``（ B D ）``).
_FILLED = re.compile(r"[（(]\s*([A-Ha-h](?:[\s、,，]*[A-Ha-h])*)\s*[）)]")
#: A ticked box or square before an option's letter (after NFKC): read as a mark glued to the letter.
_BOX_TICKED = re.compile(r"(?:^|(?<=\s))(?:\[\s*[xX√✓✔]\s*\]|[☑☒■])\s*(?=[A-H]\s*[" + MARKS + r"]*\s*\.)")
#: An empty box before an option's letter: no mark.
_BOX_EMPTY = re.compile(r"(?:^|(?<=\s))(?:\[\s*\]|[□☐])\s*(?=[A-H]\s*\.)")
#: A mark in brackets (``(√)``): the mark.
_BRACKETED_MARK = re.compile(r"\(\s*([" + MARKS + r"])\s*\)")
#: An option's head on an option line: its letter (at the start, after a space or a mark), marks glued after
#: the letter, the point.
_HEAD = re.compile(r"(?:^|(?<=[\s" + MARKS + r"]))([A-H])([" + MARKS + r"]*)\s*\.\s*")
_TAIL = re.compile(r"^(.*?)([\s" + MARKS + r"]*)$", re.S)


def bare(stem: str) -> str:
    """``stem`` without its blanks, in :func:`~studykit.text.blank_form`: the paper's line of a
    question left unanswered reads the same."""
    return blank_form(BLANKS.sub("", stem))


def as_sheet_line(line: str, stems: dict[int, str], ours: tuple[str, ...]) -> str:
    """``line`` of the paper as a sheet line: the paper's own headings and instructions as comments,
    and a question printed with its blank left empty (unanswered: no line for it)."""
    text = line.strip()
    if text in ours or _OURS.match(text):
        return "# " + text
    m = NUMBERED.match(text)
    if m and stems.get(int(m.group(1))) == bare(m.group(2)) and bare(m.group(2)):
        return "# " + text
    return line


@dataclass
class _Marked:
    """What an option line says: the letters surely marked, the sides the sheet's marks surely take
    (``"before"`` the letter, ``"after"`` the option), and the marks that stand between two options
    (the letters before and after them)."""

    letters: list[str]
    sides: list[str]
    between: list[tuple[str, str]]


def _marked(raw: str, options: tuple[str, ...]) -> _Marked | None:
    """What ``raw`` marks, when it is an option line of a question of ``options`` (each piece its letter's
    option, once the marks are taken off), else ``None``.  The paper's own space between two options (U+3000 in
    its Markdown, a tab in its .docx) is kept through NFKC: a mark on one side of it belongs to the option on the other (``理论周刊 √　C.``: B)."""
    line = SEPARATOR.join(clean(piece) for piece in raw.replace("\t", SEPARATOR).split(SEPARATOR)).strip()
    line = _BRACKETED_MARK.sub(r"\1", _BOX_EMPTY.sub("", _BOX_TICKED.sub("✓", line)))
    heads = list(_HEAD.finditer(line))
    lead = line[: heads[0].start()] if heads else line
    if not heads or lead.strip(MARKS + " " + SEPARATOR):
        return None
    found = _Marked([], [], [])
    if any(c in lead for c in MARKS):
        found.letters.append(heads[0].group(1))
        found.sides.append("before")
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        letter = head.group(1)
        at = ord(letter) - ord("A")
        body, tail = _TAIL.match(line[head.end() : after.start() if after else len(line)]).groups()  # type: ignore[union-attr]
        text = BLANKS.sub("", "".join(c for c in body if c not in MARKS))
        if at >= len(options) or blank_form(text) != blank_form(options[at]):
            return None
        if head.group(2):  # B✔. 实践要求
            found.letters.append(letter)
        if any(c in body for c in MARKS):  # 实践要求（√）, 实践√要求
            found.letters.append(letter)
        if not any(c in tail for c in MARKS):
            continue
        glued_before, glued_after = tail[:1] in MARKS, tail[-1:] in MARKS
        if SEPARATOR in tail:  # the paper's own space between the options: the mark is on one side of it
            glued_before = not any(c in tail.split(SEPARATOR)[-1] for c in MARKS)
            glued_after = not any(c in tail.split(SEPARATOR)[0] for c in MARKS)
        if after is None or (glued_before and not glued_after):  # 实践要求√ C. / 实践要求 √ at the end
            found.letters.append(letter)
            found.sides.append("after")
        elif glued_after and not glued_before:  # 理论要求 √B.
            found.letters.append(after.group(1))
            found.sides.append("before")
        else:  # 理论要求√B., 理论要求 √ B.
            found.between.append((letter, after.group(1)))
    return found


def ticked_options(
    sheet: list[str], key: AnswerKey, where: Callable[[int], int] = lambda i: i + 1
) -> tuple[list[str], set[int]]:
    """``sheet`` with the options a member ticked on the paper (see the module) as that question's answer
    line (``1. B``; several ticks of a multiple, ``9. CD``) in place of the first line ticked, every other
    option line of the paper as a comment (ticked or not: an option such as ``1个`` is no answer to question
    1), and the numbers of the questions ticked.  A tick under a bracket filled with
    the same letters is passed over (a comment).  ``where`` gives the line a failure names for the index of a
    line of ``sheet``.  Raises :class:`Fail` for a mark whose option cannot be told or a filled bracket that
    says other letters than the ticks under it."""
    items = {it.number: it for it in key.items}
    out = list(sheet)
    read: list[tuple[int, int, _Marked, str | None]] = []  # (line, question, what it marks, its filled bracket)
    current: int | None = None  # the question the lines follow
    filled: str | None = None  # what its bracket holds (letters), None when it was left empty
    for i, line in enumerate(sheet):
        left, numbered = LEFT_BLANK.match(line), NUMBERED.match(line.strip())
        if left is not None:
            current, filled = int(left.group(1)), None
            continue
        if numbered is not None:
            bracket = _FILLED.findall(line)
            current, filled = int(numbered.group(1)), "".join(sorted(set(bracket[-1].upper()))) if bracket else ""
            continue
        item = items.get(current) if current is not None else None
        if item is None or item.type not in ("single", "multiple"):
            continue
        found = _marked(line, item.options)
        if found is not None:
            read.append((i, item.number, found, filled))
    sides = {side for _i, _n, found, _f in read for side in found.sides}
    ticked: dict[int, tuple[int, list[str]]] = {}  # question → (its first ticked line, letters)
    for i, number, found, filled in read:
        letters = list(found.letters)
        for before, after in found.between:
            if len(sides) != 1:
                raise Fail(where(i), _between_message(where(i), number, before, after))
            letters.append(before if sides == {"after"} else after)
        if not letters:
            continue
        if filled is not None:  # the bracket was filled in: a tick saying the same is passed over
            if filled and "".join(sorted(set(letters))) != filled:
                raise Fail(
                    where(i),
                    _(
                        "无法评分 (not graded): line {line}: question {number}'s bracket holds {filled} but {ticked} "
                        "is ticked under it; which is the answer cannot be told — keep one"
                    ).format(line=where(i), number=number, filled=filled, ticked="".join(sorted(set(letters)))),
                )
            if filled:
                out[i] = "# " + sheet[i]
            continue
        ticked.setdefault(number, (i, []))[1].extend(letters)
    for i, _number, _found, _filled in read:  # the paper's own option lines: nothing but their ticks to read
        out[i] = "# " + sheet[i]  # (an option 1个 or 30% read as answers to questions 1 and 30)
    for number, (i, letters) in ticked.items():
        out[i] = f"{number}. {''.join(dict.fromkeys(letters))}"
    return out, set(ticked)


def answered_stems(sheet: list[str], stems: dict[int, str]) -> list[str]:
    """``sheet`` with each question line of the paper whose bracket the member filled (``2. …每人联系（A）重点
    项目、1家困难企业、1个薄弱村``) as that question's answer line (``2. A``), when the line is the question's
    stem (``stems``: :func:`bare` stems by number) but for the letters: the stem's own words after the bracket
    (``1家``, ``1个``) are no answers to questions 1 and 1 again."""
    out: list[str] = []
    for line in sheet:
        m = NUMBERED.match(line.strip())
        if m is not None:
            number, body = int(m.group(1)), m.group(2)
            filled = _FILLED.findall(body)
            if len(filled) == 1 and stems.get(number) and bare(_FILLED.sub("（）", body)) == stems[number]:
                letters = re.sub(r"[\s、,，]", "", filled[0]).upper()
                line = f"{number}. {letters}"
        out.append(line)
    return out


def _between_message(line: int, number: int, before: str, after: str) -> str:
    return _(
        "无法评分 (not graded): line {line}: under question {number} a mark stands between options {before} and "
        "{after} and the sheet's other marks do not tell which it ticks — put it right before the letter "
        "(√{after}.) or right after the option"
    ).format(line=line, number=number, before=before, after=after)


def marked_paper(text: str, key: AnswerKey) -> str:
    """``text``, a ``.txt`` or ``.md`` sheet, as the ``.docx`` paper is read (:mod:`.docx_sheet`): when it is a copy of
    the paper (a question's line printed with its blank left empty, the paper's title or its 测验编号 line), the
    options ticked on it as answer lines
    (:func:`ticked_options`), the paper's headings and its questions left blank as comments — each such question
    a bare ``N.`` line after the rest (unanswered; a blank paper is then a blank answer sheet) — a Markdown
    copy's escapes undone, line for line; else ``text`` as it is.  Raises :class:`Fail` as :func:`ticked_options`
    does."""
    from .sheet_head import MARKDOWN_ESCAPE

    lines = [MARKDOWN_ESCAPE().sub(r"\1", line).removesuffix("\\") for line in text.splitlines()]
    stems = {item.number: bare(item.stem) for item in key.items}
    sheet = [as_sheet_line(line, stems, ("答题卡", key.title.strip())) for line in lines]
    left = [m for m in map(LEFT_BLANK.match, sheet) if m]
    title = key.title.strip()
    if not left and not any(line.strip() == title or line.startswith("测验编号") for line in lines):
        return text  # no copy of the paper: its headings, if any, are warned of as lines ignored
    sheet, ticked = ticked_options(sheet, key)
    sheet = answered_stems(sheet, stems)
    return "\n".join([*sheet, *(f"{m.group(1)}." for m in left if int(m.group(1)) not in ticked)])
