"""The shared Jinja2 environment escapes every value exactly as html.escape does, whichever
path of its finalize the value takes (plain text and numbers are left to autoescaping)."""

from __future__ import annotations

import html

import pytest
from markupsafe import Markup

from studykit import _templates


@pytest.mark.parametrize(
    "value",
    ["党员 <b>&</b>", 'say "hi"', "it's", "a'b\"c<>&", "", 7, 2.5, -0.0, True, None, ["x'"]],
)
def test_values_escaped_as_html_escape(value: object) -> None:
    page = _templates.environment().from_string("[{{ v }}]").render(v=value)
    assert page == f"[{html.escape(str(value))}]"


def test_markup_left_as_it_is() -> None:
    page = _templates.environment().from_string("[{{ v }}]").render(v=Markup('<i title="a">x</i>'))
    assert page == '[<i title="a">x</i>]'
