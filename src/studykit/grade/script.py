"""Traditional Chinese characters read as Simplified, one character at a time.

Members in Hong Kong, Taiwan or on a phone set to Traditional write ``網格化`` for ``网格化``.
:func:`fold` maps each character on its own through OpenCC's Traditional → Simplified
character table (the ``t2s`` configuration of the ``opencc`` package, which ships its
dictionaries; nothing is downloaded).  Character by character, never phrase by phrase: a
phrase table "corrects" ``显着`` to ``显著``, which would score a wrong character right.  So a
text identical to the key in either script matches it, and a different character stays
different.  Source: OpenCC (https://github.com/BYVoid/OpenCC), ``TSCharacters`` table.
"""

from __future__ import annotations

from functools import cache
from typing import Any


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
