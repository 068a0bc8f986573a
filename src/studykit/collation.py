"""The order a Chinese reader expects for a list of names: 汉语拼音 order, as a roster (花名册) or
a file manager on a Chinese system lists them — not the order of their character codes, which puts
张 (U+5F20) before 李 (U+674E) and 阿 (U+963F) last.

Pinyin comes from pypinyin (its dictionaries ship in the wheel; nothing is downloaded); its
import (about a quarter of a second) happens only when a name holds a Han character.  A name's
surname is read as a surname (曾 zeng, 单 shan, 区 ou, …; the compound surnames 欧阳, 长孙 …),
after the usual lists of 复姓 and 多音字姓氏 (GB/T 28039-2011 writes the surname apart from the
given name); :mod:`studykit.draft.names` spells speaker ids from the same lists.

:func:`name_key` compares, piece by piece: runs of digits by value (``党员2`` before
``党员10``, as Windows Explorer), then other characters (Latin letters case-folded, punctuation),
then Han characters by toneless pinyin (each character's common reading, but a surname's), tone
(1–4, neutral 5) and the character itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from ._lazy import lazy_pattern

#: Compound surnames (复姓), written as one word.
COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "端木", "独孤", "南宫", "西门", "万俟", "闻人", "轩辕", "澹台", "公冶", "申屠",
)  # fmt: skip
#: Surnames read otherwise than their common reading.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha",
    "翟": "zhai", "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "秘": "bi", "种": "chong",
    "重": "chong", "尉": "wei", "纪": "ji", "燕": "yan", "华": "hua", "过": "guo", "冼": "xian",
    "员": "yun", "句": "gou", "阚": "kan", "柏": "bai", "宿": "su", "折": "she", "召": "shao",
    "长孙": "zhangsun", "万俟": "moqi", "尉迟": "yuchi", "澹台": "tantai",
}  # fmt: skip

#: A piece of a name: a run of digits, a run of Han characters (the CJK blocks and extensions), one other character.
#: (Compiled at first use: a class over the CJK blocks costs ~1 ms to compile, paid by every command otherwise.)
_PIECE = lazy_pattern(r"(\d+)|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+)|(.)", re.S)

#: One piece's place: its class (0 digits, 1 other, 2 Han), the text compared (case-folded, or toneless
#: pinyin), a number (the digits' value, or the tone) and the piece as written.
Piece = tuple[int, str, int, str]
T = TypeVar("T")


def name_key(name: str) -> tuple[Piece, ...]:
    """The sort key of ``name`` (NFKC-normalised first: full-width ``２`` is ``2``) in 汉语拼音
    order, as the module describes; the first Han characters of ``name`` are read as a surname
    when ``name`` starts with them."""
    text = unicodedata.normalize("NFKC", name)
    pieces: list[Piece] = []
    for m in _PIECE().finditer(text):
        digits, han, other = m.groups()
        if digits:
            pieces.append((0, "", int(digits), digits))
        elif han:
            pieces += _han(han, surname=m.start() == 0)
        else:
            pieces.append((1, other.casefold(), 0, other))
    return tuple(pieces)


def by_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` sorted by :func:`name_key` of ``name(item)``, names of one key (``A`` and ``a``) by
    their characters' codes, the same names in the order given."""
    return sorted(items, key=lambda item: (name_key(name(item)), name(item)))


def _han(run: str, *, surname: bool) -> list[Piece]:
    """The pieces of ``run``, Han characters only: one per character (a compound surname read
    otherwise, 长孙 zhangsun, one piece)."""
    head: list[Piece] = []
    if surname:
        first = next((s for s in COMPOUND_SURNAMES if run.startswith(s)), run[0])
        if first in SURNAME_READINGS:
            head = [(2, SURNAME_READINGS[first], 0, first)]
            run = run[len(first) :]
    readings = list(map(_reading, run))
    pieces = head
    for char, reading in zip(run, readings, strict=True):
        tone = reading[-1] if reading[-1:].isdigit() else "0"
        pieces.append((2, reading.rstrip("0123456789"), int(tone), char))
    return pieces


@functools.cache
def _reading(char: str) -> str:
    """The common reading of the Han character ``char`` with its tone digit (``zhang1``, neutral ``de5``);
    the character itself when pypinyin has none.  A character alone, once: names share most of theirs."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.TONE3, neutral_tone_with_five=True)[0]
