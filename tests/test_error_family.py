"""Library errors for a user's mistake are StudykitError subclasses (issue 12): an option's value
that cannot be used is an OptionError, still a ValueError for callers that caught those, with the
message it always had."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import studykit
from studykit.errors import OptionError, StudykitError
from studykit.grade.report import output_format, render_report
from studykit.grade.scoring import check_rule
from studykit.mix import parse_mix
from studykit.quiz import parse_points


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: parse_mix("single"), "'single' is not TYPE=N (e.g. single=8,multiple=4)"),
        (lambda: parse_points("multiple"), "'multiple' is not TYPE=N (e.g. multiple=4)"),
        (lambda: check_rule("most"), "unknown multiple scoring rule 'most' (expected all-or-nothing or partial)"),
        (
            lambda: output_format(Path("成绩.xlsx"), None),
            "output 成绩.xlsx: grade writes .txt, .csv, .json or .html (.htm) reports, not .xlsx (成绩.csv opens in Excel)",
        ),
        (lambda: render_report(None, "pdf"), "unknown report format 'pdf' (expected one of text, csv, json, html)"),  # type: ignore[arg-type]
    ],
)
def test_option_mistakes_are_studykit_errors_and_value_errors(call: Callable[[], Any], message: str) -> None:
    """Each raises OptionError — a StudykitError (the CLI prints it, no traceback) and a ValueError —
    with its exact message."""
    with pytest.raises(OptionError) as err:
        call()
    assert isinstance(err.value, StudykitError) and isinstance(err.value, ValueError)
    assert str(err.value) == message


def test_option_error_is_public() -> None:
    """A Python user catches it from the package itself."""
    assert studykit.OptionError is OptionError and "OptionError" in studykit.__all__
