"""Pieces the publish formats (腾讯问卷, 问卷星, Moodle GIFT and XML) share.

Every platform gets the paper as printed: the same items, numbers, stems (with their
answer bracket ``（　　）`` and ``____`` blank), option order and points as the Markdown
paper and the key, so that the platform's result download grades with that key.
"""

from __future__ import annotations

import re

from ..model import TRUE_FALSE_TEXT
from ..quiz import Item, Paper, format_points

#: ASCII whitespace runs (a line break would end a platform's question line); the
#: ideographic space U+3000 is kept: it is how a paper spaces its answer bracket （　　）.
_WS_RE = re.compile(r"[^\S\u3000]+")
#: The two options a true/false item is published with, in this order: what the paper
#: tells members to write, and what the grader reads back (对/错).
TRUE_FALSE_OPTIONS: tuple[str, str] = (TRUE_FALSE_TEXT["true"], TRUE_FALSE_TEXT["false"])


def one_line(text: str) -> str:
    """``text`` on one line: every run of ASCII whitespace (line breaks too) one space, stripped."""
    return _WS_RE.sub(" ", text).strip()


def shortanswer_text(text: str) -> str:
    """An accepted text of a blank as a Moodle short answer: on one line, ``*`` written ``\\*``
    (Moodle reads an unescaped ``*`` as a wildcard: ``qtype_shortanswer_question::
    compare_string_with_wildcard`` "breaks the string on non-escaped runs of asterisks")."""
    return one_line(text).replace("*", "\\*")


def truth_index(item: Item) -> int:
    """0 when a true/false ``item`` is true (option 对), 1 when false (option 错)."""
    return 0 if item.answer[0] == "true" else 1


def feedback(item: Item) -> str:
    """The 解析 and 出处 of ``item`` as two lines: ``解析：…`` and ``出处：…``."""
    return f"解析：{one_line(item.question.explanation)}\n出处：{one_line(item.source_line)}"


def item_name(item: Item, version: str = "") -> str:
    """The name a question bank shows for ``item``: ``03 intro-01 (5分)`` (paper number, question
    id, points), ``03 intro-01 B (5分)`` on version B, so that versions imported into one bank can
    be told apart.  The one name of both Moodle formats (GIFT and Moodle XML)."""
    return f"{item.number:02d} {item.question.id}" + (f" {version}" if version else "") + f" ({points(item)}分)"


def category_path(paper: Paper, item: Item) -> str:
    """Moodle's category of ``item``: ``$course$/<bank id>/<speech>`` (the speech's label, e.g.
    ``任剑涛 大都市是省域治理重要落点`` or ``导语``).  A ``/`` inside a name is doubled and a
    name ending in ``/`` gets a space, as Moodle escapes category paths (``question/format.php``,
    ``assemble_category_path`` / ``split_category_path``, which splits at a lone ``/``).
    On a paper of several articles (speech ids ``<bank id>/<speech id>``) the bank id is the
    item's own article's, as a separate import of that article would give."""
    bank_id, sep, _ = item.speech.id.partition("/")
    names = [one_line(n).replace("/", "//") for n in (bank_id if sep else paper.bank_id, item.speech.label)]
    return "/".join(["$course$", *(n + " " if n.endswith("/") else n for n in names)])


def points(item: Item) -> str:
    """``item``'s points as printed (``2``, ``1.5``)."""
    return format_points(item.points)
