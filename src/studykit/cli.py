"""The ``studykit`` command line: a thin layer over the library.

Each command parses its options, calls one or two library functions and writes
the result.  User mistakes (:class:`~studykit.errors.StudykitError`) become
``Error: …`` on stderr and exit status 1; anything else is a bug and keeps its
traceback.  Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .errors import StudykitError

BANK_OPTION = click.option(
    "--bank",
    "bank_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Question bank YAML. Default: ./question_bank.yaml, else the bank shipped with studykit.",
)


class StudykitGroup(click.Group):
    """A group that turns :class:`StudykitError` into ``Error: …`` and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StudykitError as exc:
            for line in exc.details:
                click.echo(line, err=True)
            raise click.ClickException(exc.message) from None


def _version() -> str:
    import studykit

    return str(studykit.__version__)


@click.group(cls=StudykitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="studykit", prog_name="studykit", message="%(prog)s %(version)s")
def main() -> None:
    """Quizzes, Anki decks and grading from party-study material.

    Reads a question bank (question_bank.yaml) whose every answer is traceable
    to a verbatim sentence of the study material.

    \b
    Example:
      studykit check
      studykit quiz --count 20 --seed 7 -o 第一次测验.md
    """


@main.command()
@BANK_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(bank_path: Path | None, strict: bool) -> None:
    """Validate a question bank and its material files.

    Reports every problem in one run as FILE:LINE: question ID, field F: what is
    wrong (what was expected). Exits 1 on any error (and on warnings with
    --strict); otherwise prints warnings and a one-line summary.

    \b
    Example:
      studykit check --bank question_bank.yaml --strict
    """
    from .bank import load_bank, summarize

    bank = load_bank(bank_path, strict=strict)
    for warning in bank.warnings:
        click.echo(warning, err=True)
    click.echo(summarize(bank))


def _percentage(ctx: click.Context, param: click.Parameter, value: str) -> float:
    try:
        number = float(value.strip().removesuffix("%"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a percentage (expected e.g. 60 or 60%)") from None
    if not 0 <= number <= 100:
        raise click.BadParameter(f"{value!r} is not between 0 and 100")
    return number


@main.command()
@click.argument("answers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--key",
    "key_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The answer key written by studykit quiz (*.key.yaml).",
)
@click.option(
    "--bank",
    "bank_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Bank for 解析 and reread hints. Default: the default bank, if the key was made from it.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here (atomically) instead of to stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json", "html"]),
    help="Report format. Default: from the -o suffix (.csv .json .html), else text.",
)
@click.option(
    "--multiple-scoring",
    type=click.Choice(["all-or-nothing", "partial"]),
    help="Rule for multiple-choice items. Default: the rule printed on the paper (in the key).",
)
@click.option(
    "--pass-mark",
    default="60",
    callback=_percentage,
    show_default=True,
    metavar="P",
    help="Pass mark, percent of the total; speeches whose group mean is below it are to be revisited.",
)
@click.option(
    "--name-column",
    metavar="COL",
    help="A table's name column (header text or 1-based number) when it cannot be guessed.",
)
@click.option(
    "--encoding", metavar="ENC", help="Text encoding of .txt/.csv files (default: detected; UTF-8 or GB18030)."
)
def grade(
    answers: tuple[Path, ...],
    key_path: Path,
    bank_path: Path | None,
    output: Path | None,
    fmt: str | None,
    multiple_scoring: str | None,
    pass_mark: float,
    name_column: str | None,
    encoding: str | None,
) -> None:
    """Grade completed quizzes: answer sheets (.txt, .yaml) or branch tables (.csv, .xlsx).

    Prints warnings and files that cannot be graded on stderr; the rest are
    graded. Exits 1 if any file or row could not be graded.

    \b
    Example:
      studykit grade answers/*.answers.txt --key 第一次测验.key.yaml
      studykit grade 支部问卷.xlsx --key 第一次测验.key.yaml -o 成绩.html
    """
    import contextlib
    import sys

    from .errors import AnswerFileError
    from .grade import choose_bank, format_for, grade_files, render_report, write_report
    from .key import load_key

    key = load_key(key_path)
    bank, note = choose_bank(key, bank_path)
    if note:
        click.echo(f"warning: {note}", err=True)
    with contextlib.ExitStack() as stack:
        on_file = None
        if sys.stderr.isatty() and len(answers) > 20:
            bar = stack.enter_context(click.progressbar(length=len(answers), label="Grading", file=sys.stderr))
            on_file = lambda _: bar.update(1)  # noqa: E731
        report = grade_files(
            answers,
            key,
            multiple_scoring=multiple_scoring,
            pass_mark=pass_mark,
            bank=bank,
            bank_note=note,
            name_column=name_column,
            encoding=encoding,
            on_problem=lambda p: click.echo(str(p), err=True),
            on_file=on_file,
        )
    if not report.members:
        raise AnswerFileError("no answers could be graded")
    fmt = format_for(output, fmt)
    text = render_report(report, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_report(text, output, fmt)
        except OSError as exc:
            raise StudykitError(f"cannot write {output}: {exc.strerror or exc}") from None
        click.echo(f"{output}: {len(report.members)} graded", err=True)
    if report.failures:
        files = list(dict.fromkeys(p.file for p in report.failures))
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        raise click.ClickException(f"not everything could be graded: {shown} (see above); the report covers the rest")
