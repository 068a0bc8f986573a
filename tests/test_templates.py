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


# -- stamps: a flat macro filled per row -------------------------------------------------
HOSTILE = ["党员 <b>&</b>", 'say "hi"', "it's", "{0} {x} }{", "", "\x00", "a\nb", "=1+2"]


def _macro(source: str, name: str = "m") -> object:
    return getattr(_templates.environment().from_string(source).module, name)


def test_stamp_rows_equal_the_macro_for_any_text() -> None:
    macro = _macro('{% macro m(a, b, c) %}<h3 title="{{ a }}">{{ b }}</h3>{{ c|safe }}\n{% endmacro %}')
    stamp = _templates.Stamp(macro, 3)  # type: ignore[arg-type]
    a = list(_templates.escaped_column(HOSTILE))
    b = list(_templates.escaped_column(list(reversed(HOSTILE))))
    c = ["<li>x</li>", "{}", "", "<p>&amp;</p>", "q", "\x01", "}", "{{"]  # |safe: as given
    assert stamp.rows(a, b, c) == [
        str(macro(x, y, Markup(z)))  # type: ignore[operator]
        for x, y, z in zip(HOSTILE, reversed(HOSTILE), c, strict=True)
    ]
    assert stamp.rows(a, b, c)[0] == '<h3 title="党员 &lt;b&gt;&amp;&lt;/b&gt;">=1+2</h3><li>x</li>\n'


def test_escaped_column_keeps_a_plain_column_and_escapes_one_with_markup_characters() -> None:
    plain = ["党员000001", "张三", "branch.csv:2"]
    assert _templates.escaped_column(plain) is plain
    assert _templates.escaped_column(["张三", "it's <x>"]) == ["张三", "it&#x27;s &lt;x&gt;"]


def test_stamps_add_and_fill_one_row() -> None:
    head = _templates.Stamp(_macro("{% macro m(a) %}<b>{{ a }}</b>{% endmacro %}"), 1)  # type: ignore[arg-type]
    tail = _templates.Stamp(_macro("{% macro m() %}<p>全部正确。</p>{% endmacro %}"), 0)  # type: ignore[arg-type]
    assert (head + tail).row("张三") == "<b>张三</b><p>全部正确。</p>"
    with pytest.raises(TypeError, match="expected 1 columns, got 2"):
        head.rows(["a"], ["b"])
    with pytest.raises(ValueError, match=r"columns of different lengths: \[1, 2\]"):
        (head + head).rows(["a"], ["b", "c"])


@pytest.mark.parametrize(
    ("source", "n", "message"),
    [
        ("{% macro m(a, b) %}{{ b }}{{ a }}{% endmacro %}", 2, "does not print its 2 arguments once each, in order"),
        ("{% macro m(a) %}{{ a }}{{ a }}{% endmacro %}", 1, "does not print its 1 arguments once each"),
        ("{% macro m(a, b) %}{{ a }}{% endmacro %}", 2, "does not print its 2 arguments"),
        (
            "{% macro m(a) %}{{ a }}{% if a.startswith('\\x01') %}!{% endif %}{% endmacro %}",
            1,
            "depends on its arguments",
        ),
        ("{% macro m(a) %}{{ a|length }}{% endmacro %}", 1, "does not print its 1 arguments"),
    ],
)
def test_a_macro_that_is_not_flat_is_refused(source: str, n: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _templates.Stamp(_macro(source), n)  # type: ignore[arg-type]


def test_the_report_stamps_are_flat() -> None:
    for name, n in (("ranking_row", 3), ("member_head", 4), ("member_missed", 1), ("member_all_correct", 0)):
        assert _templates.stamp("report.html.j2", name, n).n == n
