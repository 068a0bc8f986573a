"""Survey downloads that hold option numbers or ticks instead of option texts.

问卷星 offers its results "按选项序号" (by option number) as well as by text:

* a choice cell holds the option's number, ``4`` for the fourth option, ``2┋3┋4`` for a
  multiple choice; ``-3`` marks a question skipped and ``-2`` one not shown (logic jumps) —
  both are unanswered, a 填空题's too.  :class:`OptionNumbers` decides once per table, from the first row
  that answers a choice item, whether its choice cells are numbers (every answered choice
  cell of that row a number form, and not all of them an option's own text, as ``3`` may be);
  from then on number forms are read 1 → A, 2 → B, … (letters and texts still read as such),
  and a true_false item's ``1``/``2`` as 对/错 (问卷星 asks it as a choice of 对 and 错);
* a multiple (or single) choice is spread over one column per option, headed
  ``3(网格长)``, ``3、<stem>(网格长)``, ``3:网格长``, ``Q3_1`` or ``3(1)`` — the item's number
  and the option's text, number or letter — each cell ``1`` (chosen) or ``0``/empty
  (:func:`option_column`, :func:`ticked`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set

from ..i18n import _
from ..key import KeyItem
from ..model import LETTERS
from .normalize import SURVEY_JOIN, UNANSWERED, blank_form, clean

#: ``3(网格长)``, ``3、<stem>(网格长)``, ``3:网格长``, ``Q3_1``, ``3(1)`` (after NFKC): number, then label.
_OPTION_HEADER = re.compile(
    r"^(?:[Qq]\s*)?(\d+)(?:\s*[、.]\s*(.*?))?\s*(?:[(\[]\s*([^()\[\]]+?)\s*[)\]]|[:|_]\s*([^:|_]+?))$", re.S
)
_NUMBERS = re.compile(r"\d+(?:\s*" + SURVEY_JOIN + r"\s*\d+)*")
#: 问卷星's codes, in a download by number, for a question skipped (-3) or not shown (-2).
SKIPPED = frozenset({"-3", "-2"})
_TRUTH = {"1": "对", "2": "错", "-3": "", "-2": ""}
_TICKED = frozenset({"1", "1.0", "√", "✓", "✔", "是", "true", "选中"})
_UNTICKED = frozenset({"", "0", "0.0", "-3", "-2", "×", "否", "false", "未选中"})


def option_column(
    header: str, items: dict[int, KeyItem], by_stem: Callable[[str], KeyItem | None]
) -> tuple[int, int, bool] | None:
    """``(item number, option index, named by text)`` of a column holding one option of a choice item
    (``header`` already :func:`clean`-ed), ``None`` when it is no such column.  The item is the
    one whose stem the header holds (``3、<stem>(网格长)``: a survey numbers its questions its own
    way, a name question first), found by ``by_stem``, else the one of that number in ``items``;
    it must be a single or multiple item, and the label one of its options — by text, by number
    (1 is the first) or by letter."""
    m = _OPTION_HEADER.match(header)
    if not m:
        return None
    stem = (m.group(2) or "").strip()
    item = by_stem(stem) if stem else items.get(int(m.group(1)))
    if item is None or item.type not in ("single", "multiple") or not item.options:
        return None
    label = (m.group(3) or m.group(4) or "").strip()
    forms = [blank_form(o) for o in item.options]
    if blank_form(label) in forms:
        return item.number, forms.index(blank_form(label)), True
    if label.isdigit() and 1 <= int(label) <= len(item.options):
        return item.number, int(label) - 1, False
    if len(label) == 1 and label.upper() in LETTERS[: len(item.options)]:
        return item.number, LETTERS.index(label.upper()), False
    return None


def ticked(values: Sequence[tuple[int, str]], options: Sequence[str] = ()) -> str:
    """An item's answer from its option columns, ``values`` being ``(option index, cell)``:
    the letters ticked (``"AC"``), ``""`` when none is.  A cell holding its column's own option
    text (of ``options``, the item's options as printed: 腾讯问卷 writes the chosen option's text,
    an empty cell for one not chosen) is ticked too.  A cell neither ``1``, its option's text nor
    ``0``/empty makes the answer that cell as written (so it is reported unreadable, never guessed)."""
    letters: list[str] = []
    for index, cell in values:
        value = clean(cell).casefold()
        if value in _TICKED or (index < len(options) and value and blank_form(cell) == blank_form(options[index])):
            letters.append(LETTERS[index])
        elif value not in _UNTICKED:
            return f"{LETTERS[index]}={cell.strip()}"
    return "".join(sorted(letters))


def survey_offset(headers: Sequence[str], items: dict[int, KeyItem]) -> int:
    """How many questions a survey asks before the key's first (its name question …): ``d`` such that
    every option column headed by a number and an option's text alone (``10(技术治理的有效支撑)``,
    ``headers`` :func:`clean`-ed) names an option of key item ``number - d``; 0 to 3, the smallest that
    fits every such column, 0 when none does or there is no such column.  问卷星 numbers its questions
    its own way, a name question first, and its 按选项序号 download heads a multiple's columns so."""
    labelled: list[tuple[int, str]] = []
    for header in headers:
        m = _OPTION_HEADER.match(header)
        if m is None or (m.group(2) or "").strip() or len(m.group(1)) > 6:
            continue
        label = blank_form((m.group(3) or m.group(4) or "").strip())
        if label and not label.isdigit() and len(label) > 1:
            labelled.append((int(m.group(1)), label))

    def fits(shift: int) -> bool:
        for number, label in labelled:
            item = items.get(number - shift)
            if item is None or item.type not in ("single", "multiple"):
                return False
            if label not in (blank_form(o) for o in item.options):
                return False
        return True

    return next((d for d in range(4) if labelled and fits(d)), 0)


class OptionNumbers:
    """Reads a table's choice cells that are option numbers (see the module docstring).

    ``choice`` holds, per answer cell of a row (key order), the item when it is a choice
    item, else ``None``.  :meth:`convert` returns a row's cells with number forms made
    letters once the table is known to hold numbers; :attr:`note` is the message to give
    once, when that is decided."""

    def __init__(self, items: Sequence[KeyItem], skip: Set[int] = frozenset(), reordered: int = 0) -> None:
        self.choice = [
            it if it.type in ("single", "multiple") and it.options and k not in skip else None
            for k, it in enumerate(items)
        ]
        self.truth = [it.type == "true_false" for it in items]
        self.numbered: bool | None = None if any(self.choice) else False
        self.note = ""
        #: why the table holds no answers at all, once decided (问卷星's download by score, 按分数)
        self.failure = ""
        #: item ``reordered``'s option columns name its options in another order than the key's
        self.reordered = reordered

    def _decide(self, cells: Sequence[str]) -> None:
        answered = [
            (it, clean(c)) for it, c in zip(self.choice, cells, strict=True) if it and clean(c) not in UNANSWERED
        ]
        answered = [(it, c) for it, c in answered if c not in SKIPPED]
        if not answered:
            return
        self.numbered = all(_NUMBERS.fullmatch(c) for _, c in answered) and not all(
            blank_form(c) in (blank_form(o) for o in it.options) for it, c in answered
        )
        # 问卷星's download by score (按分数) holds each question's points: 0 (wrong) or the item's points
        # (5, 6), mostly no option number of the item (a 按选项序号 download skips with -3 and -2); a table
        # of option numbers with a slip or two (5 on a four-option item) is read as one, the slips unreadable
        beyond = [(it, c) for it, c in answered if self.numbered and c.isdigit() and not 1 <= int(c) <= len(it.options)]
        if len(beyond) * 2 > len(answered):
            self.failure = _(
                "the choice cells hold numbers that are no option numbers ({cell!r} on a question of {count} options): "
                "this looks like 问卷星's download by score (按分数), which gives each question's points, not the "
                "answers; download the answers 按文本 (by text) or 按选项序号 (by option number) and grade those"
            ).format(cell=beyond[0][1], count=len(beyond[0][0].options))
        elif self.numbered and self.reordered:
            # the download's option order is another version's: its option numbers are that version's
            self.failure = _(
                "the option columns of question {number} name its options in another order than this key's: the "
                "download is of another version of the paper, and its option numbers would be read as this version's "
                "options; grade it with the key of its version"
            ).format(number=self.reordered)
        elif self.numbered:
            self.note = _(
                "the choice cells hold option numbers (a 问卷星 download by option number, 按选项序号): "
                "read 1 as A, 2 as B, … (a true-or-false item's 1 as 对, 2 as 错); -3 (skipped) and -2 (not shown) "
                "as unanswered"
            )

    def _skipped(self, cells: Sequence[str]) -> Sequence[str]:
        """A row read before the table is known to hold numbers: when a choice cell holds 问卷星's code of a
        question skipped or not shown (``-3``, ``-2``: only its 按选项序号 download writes them; its 按文本 one
        writes ``(跳过)``), every such cell of the row is unanswered — a member who skipped every choice item
        (their row first) was read as answering ``-3`` to each, unreadable."""
        if not any(it is not None and clean(c) in SKIPPED for it, c in zip(self.choice, cells, strict=True)):
            return cells
        return ["" if clean(c) in SKIPPED else c for c in cells]

    def convert(self, cells: Sequence[str]) -> Sequence[str]:
        """``cells`` (one per key item) with option numbers read as letters (``2┋3┋4`` → ``B┋C┋D``)."""
        if self.numbered is None:
            self._decide(cells)
        if self.numbered is None:  # no choice item answered yet
            return self._skipped(cells)
        if not self.numbered:
            return cells
        out = list(cells)
        for k, it in enumerate(self.choice):
            if it is None:
                if self.truth[k]:  # a 判断题 is a choice of 对 (1) and 错 (2) on the survey
                    out[k] = _TRUTH.get(clean(cells[k]), cells[k])
                elif clean(cells[k]) in SKIPPED:  # a 填空题 skipped: unanswered, not the text "-3"
                    out[k] = ""
                continue
            text = clean(cells[k])
            if text in SKIPPED:
                out[k] = ""
            elif _NUMBERS.fullmatch(text):
                numbers = [int(n) for n in text.split(SURVEY_JOIN)]
                if all(1 <= n <= len(it.options) for n in numbers):
                    out[k] = SURVEY_JOIN.join(LETTERS[n - 1] for n in numbers)
        return out
