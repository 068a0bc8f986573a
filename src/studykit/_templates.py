"""The Jinja2 environment every HTML output of studykit is rendered with: templates are
files in ``studykit/templates/`` (package data), autoescaping is on, and an undefined
name is an error.

Values are escaped as :func:`html.escape` escapes them (``&`` ``<`` ``>`` ``"`` as
``&amp;`` ``&lt;`` ``&gt;`` ``&quot;``, ``'`` as ``&#x27;``), the form the HTML outputs
have always had, so a page is byte-for-byte what it was before it came from a template
(markupsafe's own escape writes ``&#34;`` and ``&#39;``).  Markup (a macro's output, a
value passed through ``|safe``) is left as it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import repeat
from typing import Any

import jinja2
from markupsafe import Markup


def _escaped(value: Any) -> Any:
    """``value`` escaped by :func:`html.escape` as :class:`~markupsafe.Markup` (autoescaping
    then leaves it alone); Markup and other objects with ``__html__`` unchanged.

    A number, and a string without ``"`` or ``'``, is returned as it is: autoescaping then
    escapes it exactly as :func:`html.escape` would (the two differ only in those quotes),
    without building a Markup here first (a large report has millions of such cells)."""
    kind = type(value)
    if kind is int or kind is float or (kind is str and '"' not in value and "'" not in value):
        return value
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


@cache
def environment() -> jinja2.Environment:
    """The shared environment: package templates, autoescape on, :func:`html.escape`'s entities,
    ``trim_blocks`` and ``lstrip_blocks`` (a line holding only a block tag prints nothing), the
    final newline kept, undefined names an error."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studykit", "templates"),
        autoescape=True,
        finalize=_escaped,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, **context: Any) -> str:
    """Template ``name`` (a path under ``templates/``) filled with ``context``."""
    return environment().get_template(name).render(**context)


def macros(name: str) -> Any:
    """The module of template ``name``: its macros, callable from Python, each returning Markup."""
    return environment().get_template(name).module


#: What :func:`html.escape` (and so :func:`_escaped`) changes in a string.
_SPECIAL = ("&", "<", ">", '"', "'")
_MARK = re.compile("\x00([0-9]+)\x00")


def escaped_column(values: Sequence[str]) -> Sequence[str]:
    """``values`` (text) each as a ``{{ value }}`` of the environment prints it (:func:`html.escape`):
    the same list when no value holds ``& < > " '`` (checked once over all of them), else a new one."""
    joined = "".join(values)
    if not any(c in joined for c in _SPECIAL):
        return values
    return list(map(html.escape, values))


class Stamp:
    """A *flat* macro — one that prints each of its ``n`` arguments exactly once, in order, with
    no condition or filter but ``|safe`` depending on them — filled for many rows at C speed.

    The macro is rendered once with placeholder arguments; the text around them is kept as
    ``n + 1`` pieces, and :meth:`rows` joins them with each row's arguments.  So the HTML is the
    template's, byte for byte, and a large report (a section per member of 100,000) is not a
    macro call and ``n`` autoescape calls per row.  The caller escapes: each column is text
    already escaped (:func:`escaped_column`) or Markup.

    Raises :class:`ValueError` when the macro is not flat (an argument printed twice, never, or
    out of order, or text that depends on the arguments' values): a template defect.
    """

    def __init__(self, macro: Callable[..., Any], n: int) -> None:
        name = getattr(macro, "name", macro)
        pieces = _MARK.split(str(macro(*(f"\x00{i}\x00" for i in range(n)))))
        if pieces[1::2] != [str(i) for i in range(n)]:
            raise ValueError(f"macro {name!r} does not print its {n} arguments once each, in order")
        # the same text around other values (a condition on an argument would change it)
        other = str(macro(*(f"\x01{i}" for i in range(n))))
        if other != "".join(p if k % 2 == 0 else f"\x01{p}" for k, p in enumerate(pieces)):
            raise ValueError(f"macro {name!r} prints text that depends on its arguments")
        self.pieces: list[str] = pieces[0::2]

    @property
    def n(self) -> int:
        """How many arguments the macro takes."""
        return len(self.pieces) - 1

    def rows(self, *columns: Sequence[str]) -> list[str]:
        """The macro's text for each row: row ``i`` takes ``columns[j][i]`` (text) as argument ``j``."""
        if len(columns) != self.n:
            raise TypeError(f"expected {self.n} columns, got {len(columns)}")
        if len(set(map(len, columns))) > 1:
            raise ValueError(f"columns of different lengths: {[len(c) for c in columns]}")
        parts: list[Iterable[str]] = [repeat(self.pieces[0])]
        for column, piece in zip(columns, self.pieces[1:], strict=True):
            parts += (column, repeat(piece))
        return list(map("".join, zip(*parts, strict=False))) if columns else []  # the pieces repeat endlessly

    def row(self, *values: str) -> str:
        """The macro's text for one row of arguments (text)."""
        return self.rows(*([v] for v in values))[0] if values else self.pieces[0]

    def __add__(self, other: Stamp) -> Stamp:
        """The stamp printing this one's text, then ``other``'s (arguments: this one's, then ``other``'s)."""
        joined = Stamp.__new__(Stamp)
        joined.pieces = [*self.pieces[:-1], self.pieces[-1] + other.pieces[0], *other.pieces[1:]]
        return joined


@cache
def stamp(name: str, macro: str, n: int) -> Stamp:
    """The :class:`Stamp` of ``macro`` (``n`` arguments) of template ``name``, made once."""
    return Stamp(getattr(macros(name), macro), n)
