"""The lines of a typed answer sheet that hold more than one answer, and those that cannot be read.

Members type answers on phones as they please.  Besides ``NUMBER. ANSWER`` (one a line,
read by :mod:`studykit.grade.readers`) these forms are unambiguous and read exactly:

* a **range** then a **run**: ``1-5 DCBAD``, ``1—5``, ``1~5``, ``1至5``, ``12-17 对错对错对错``,
  ``6-8 BCD BC ABCEF``, ``18-20 线路图 控制在市域 最先一公里``.  The run is split at spaces
  (and ``,`` ``;`` ``、`` ``/``) when that gives one piece per question, else — when every
  character is a letter or a 对/错 mark — one character per question.  A run of another
  length is an error (:class:`RunError`): no answer is guessed onto a question;
* several **numbered answers** on one line: ``1D 2C 3B 4A 5D``, ``6BCD 7BC 8ABCEF``,
  ``12对 13错 14对``, ``1. A 2. B`` — at least two, numbered one after another (``3. 网格长 5 个``
  is one fill-in answer, not two);
* a **name alone** on the first line (``赵六``): two to six Chinese characters (``·`` allowed),
  none of 题/答/卷/测/验/对/错 only.

What is *not* readable: a line of answers without numbers (``DCBAD BCD BC …``) — which
answer belongs to which question is a guess.  :func:`holds_answers` tells such a line
from a remark, so the sheet can be left ungraded instead of scored 0.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..i18n import _

#: ``1-5 DCBAD``: a range (hyphen, en/em dash, tilde, 至 or 到) and its run (after NFKC).
_RANGE = re.compile(r"^(?:第\s*)?(\d+)\s*(?:[-‐‑–—―~〜]+|至|到)\s*(?:第\s*)?(\d+)\s*[题題]?\s*[.、:)\]]?\s*(.*)$")
#: One ``number answer`` pair of a line of several; the answer holds no digit.
_PAIR = re.compile(r"(?:第\s*)?(\d+)\s*[题題]?\s*[.、:)\]]?\s*([^\d\s,;]+)[\s,;]*")
_RUN_SEPS = re.compile(r"[\s,;、/|]+")
#: Answers of one character that a run may hold glued together (letters, 对/错 marks).
_ONE_CHAR = re.compile(r"[A-Za-z对错對錯√×✓✗✔✘]+")
_LETTER_RUN = re.compile(r"[A-H]+")
_MARK_RUN = re.compile(r"[对错對錯√×✓✗✔✘]+")
_NAME = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]+(?:·[\u3400-\u9fff\U00020000-\U0002ffff]+)?")
_NOT_IN_NAMES = set("题題答卷测測验驗")


class RunError(ValueError):
    """A range whose run does not hold one answer per question; ``str()`` says why."""


def range_answers(line: str) -> tuple[int, list[str]] | None:
    """``(first number, answers)`` of a range line (``1-5 DCBAD`` → ``(1, ["D", "C", "B", "A", "D"])``),
    ``None`` when ``line`` (already :func:`~studykit.grade.normalize.clean`-ed) is no range line.
    Raises :class:`RunError` when the run cannot be split into one answer per question."""
    m = _RANGE.match(line)
    if not m:
        return None
    first, last, run = int(m.group(1)), int(m.group(2)), m.group(3).strip()
    if last <= first:
        return None
    count = last - first + 1
    pieces = [p for p in _RUN_SEPS.split(run) if p]
    if len(pieces) == count:
        return first, pieces
    squeezed = "".join(pieces)
    if _ONE_CHAR.fullmatch(squeezed) and len(squeezed) == count:
        return first, list(squeezed)
    held = len(squeezed) if _ONE_CHAR.fullmatch(squeezed or "-") else len(pieces)
    raise RunError(
        _(
            "{first}-{last} names {count} questions but {run!r} holds {held} answers "
            "(write one answer per question, e.g. 1-5 DCBAD or 6-8 BCD BC ABCEF)"
        ).format(first=first, last=last, count=count, run=run[:40], held=held)
    )


def numbered_answers(line: str) -> list[tuple[int, str]] | None:
    """The ``(number, answer)`` pairs of a line of several numbered answers (``1D 2C 3B``), ``None``
    when ``line`` is not wholly such pairs, holds fewer than two, or their numbers do not follow
    one another (then it is one answer, read as ``NUMBER. ANSWER``)."""
    pairs: list[tuple[int, str]] = []
    position = 0
    while position < len(line):
        m = _PAIR.match(line, position)
        if not m:
            return None
        pairs.append((int(m.group(1)), m.group(2)))
        position = m.end()
    if len(pairs) < 2 or any(b[0] != a[0] + 1 for a, b in pairwise(pairs)):
        return None
    return pairs


def is_name(line: str) -> bool:
    """Whether a sheet's first line (cleaned) is a member's name alone: ``赵六``, ``阿依古丽·买买提``."""
    return (
        bool(_NAME.fullmatch(line))
        and 2 <= len(line) <= 12
        and not _NOT_IN_NAMES & set(line)
        and not _MARK_RUN.fullmatch(line)
    )


def holds_answers(line: str) -> bool:
    """Whether a line no form reads (cleaned) still holds answers: a piece of capital letters
    A–H (``DCBAD``, ``BCD``) or of 对/错 marks (``对错对错``) — answers without numbers."""
    return any(_LETTER_RUN.fullmatch(p) or _MARK_RUN.fullmatch(p) for p in _RUN_SEPS.split(line) if p)
