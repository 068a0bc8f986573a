"""The CSV report's cells a chunk of members at a time, and its rows joined with ``str.join``
where :mod:`csv` would write the very same bytes.

:func:`csv.writer` (excel dialect, minimal quoting) writes a row of several cells as the
cells joined by ``,`` and ended by CRLF, quoting only a cell that holds a comma, a double
quote, CR or LF.  A report's cells are mostly numbers and points, which never do; only the
text cells — names, sources, results — might.  The writer checks those once per chunk
(:func:`plain`) and, when none needs quoting, joins the rows itself (:func:`joined_rows`,
about twice as fast as ``writerows`` for 49 cells a row); otherwise it uses :mod:`csv`.
:func:`neutralised`, :func:`row_numbers` and :func:`speech_cell` give a chunk's name, 行
and 各篇 cells without a Python call per member.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from ...model import POINT_DECIMALS
from ._common import pts

#: A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What makes :func:`csv.writer` quote a cell (excel dialect).
_QUOTED = (",", '"', "\r", "\n")


def neutralise(cell: object) -> object:
    """``cell`` with a ``'`` in front when it is text a spreadsheet would run as a formula
    (``=HYPERLINK(…)`` as a member's name), per OWASP's CSV injection guidance."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def neutralised(cells: list[str]) -> list[str]:
    """``cells`` (text) each through :func:`neutralise`: the same list when none starts a
    formula (checked over the whole list at once), else a new one."""
    joined = "\0" + "\0".join(cells)
    if joined.count("\0") == len(cells) and not any("\0" + start in joined for start in FORMULA_STARTS):
        return cells
    return [str(neutralise(cell)) for cell in cells]


def row_numbers(lines: list[int]) -> list[str]:
    """The 行 cells of rows ``lines``: the number, ``""`` for none (0)."""
    return list(map(str, lines)) if 0 not in lines else [str(line) if line else "" for line in lines]


def plain(cells: Iterable[str]) -> bool:
    """Whether no cell of ``cells`` needs quoting in a CSV row (no comma, double quote, CR or LF)."""
    joined = "".join(cells)
    return not any(c in joined for c in _QUOTED)


def joined_rows(rows: Iterable[Sequence[str]]) -> str:
    """``rows`` of text cells (none needing quoting, see :func:`plain`; at least two cells a
    row) as :func:`csv.writer` writes them: cells joined by ``,``, each row ended by CRLF."""
    text = "\r\n".join(map(",".join, rows))
    return text + "\r\n" if text else ""


def speech_cell(earned: list[list[float]], ks: list[int]) -> Callable[[tuple[int, ...]], str]:
    """The 各篇 cell of a speech whose items are ``ks`` (indices into the key's items), from the
    codes of those items: the points earned (``earned[k][code]``) added in key order from 0.0 and
    rounded, as :func:`~studykit.grade.report.chunks.speech_sums` adds them, printed by ``pts``."""

    def cell(codes: tuple[int, ...]) -> str:
        total = 0.0
        for k, code in zip(ks, codes, strict=True):
            total += earned[k][code]
        return pts(round(total, POINT_DECIMALS))

    return cell
