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
from functools import cache
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
