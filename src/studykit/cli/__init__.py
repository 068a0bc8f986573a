"""The ``studykit`` command line: a thin layer over the library.

Each command parses its options, calls one library function (most of them in
:mod:`studykit.workflows`) and writes the result.  User mistakes
(:class:`~studykit.errors.StudykitError`) become ``Error: …`` on stderr and exit status 1;
anything else is a bug and keeps its traceback.  Heavy libraries are imported inside the
commands that need them.
"""

from __future__ import annotations

from pathlib import Path

import click

from .._gc import gc_paused
from ..formats import MAX_TIMESTAMP
from ..i18n import _
from ._group import StudykitGroup, progress, stream_to_stdout, usage_errors, warn
from ._options import (
    BANK_OPTION,
    INCLUDE_DRAFTS_OPTION,
    QUESTION_TYPE_CHOICES,
    apkg_path,
    bank_option,
    format_option,
    output_option,
    percentage,
    speech_option,
    timestamp_value,
)
from ._paper import handout, practice, quiz

__all__ = ["MAX_TIMESTAMP", "QUESTION_TYPE_CHOICES", "main"]  # MAX_TIMESTAMP: a test keeps it equal to anki's


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
      studykit quiz --seed 7 -o 第一次测验.md
    """


@main.command()
@BANK_OPTION
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(bank_paths: tuple[Path, ...], strict: bool) -> None:
    """Validate a question bank and its material files.

    Reports every problem in one run as FILE:LINE: question ID, field F: what is
    wrong (what was expected). Exits 1 on any error (and on warnings with
    --strict); otherwise prints warnings and a one-line summary.

    \b
    Example:
      studykit check --bank question_bank.yaml --strict
      studykit check --bank 2025/
    """
    from ..library import summarize_banks
    from ..workflows import load_library

    click.echo(summarize_banks(load_library(bank_paths, warn, strict=strict)))


@main.command()
@BANK_OPTION
@output_option("The Anki package to write (PATH.apkg). Default: <bank id>.apkg here.", apkg_path)
@speech_option("Only this part of the article (a speech id, or intro); repeat for several. Default: all.")
@click.option(
    "--timestamp",
    callback=timestamp_value,
    metavar="T",
    help="Modification time (seconds since the epoch) of changed notes, for reproducible builds. Default: now.",
)
@INCLUDE_DRAFTS_OPTION
def anki(
    bank_paths: tuple[Path, ...],
    output: Path | None,
    speeches: tuple[str, ...],
    timestamp: float | None,
    include_drafts: bool,
) -> None:
    """Export the bank as an Anki deck (.apkg) for desktop and phone.

    One parent deck named after the bank's title, one subdeck per speech in
    bank order; with several banks (--bank repeated or a folder of banks), one
    such parent deck per article. Importing a newer export into Anki updates the notes in place
    (same GUIDs) and keeps their review history; notes unchanged since the
    package at the output path keep its modification time, so only the notes
    you edited are updated.

    \b
    Example:
      studykit anki -o 省域治理.apkg
      studykit anki --speech ren-jiantao --speech tian-yipeng -o 两篇发言.apkg
      studykit anki --bank 2025/ -o 2025年学习.apkg
    """
    from ..workflows import export_deck

    run = export_deck(
        bank_paths, output, speeches=speeches, timestamp=timestamp, include_drafts=include_drafts, warn=warn
    )
    click.echo(run.summary)


@main.command()
@click.argument("answers", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--key",
    "key_paths",
    required=True,
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The answer key written by studykit quiz (*.key.yaml). Repeat it for the versions of one quiz "
    "(--key A.key.yaml --key B.key.yaml): each sheet or row is graded with the key of its 版本, in one report.",
)
@bank_option(
    "Bank for 解析 and reread hints; repeat, or give a folder of banks, for a quiz drawn from several "
    "articles. Default: the default bank, if the key was made from it."
)
@output_option("Write the report here (atomically) instead of to stdout.")
@format_option(
    ["text", "csv", "json", "html"],
    "Report format. Default: from the -o suffix (.txt .csv .json .html .htm), which must agree; else text.",
)
@click.option(
    "--multiple-scoring",
    type=click.Choice(["all-or-nothing", "partial"]),
    help="Rule for multiple-choice items. Default: the rule printed on the paper (in the key).",
)
@click.option(
    "--pass-mark",
    default="60",
    callback=percentage,
    show_default=True,
    metavar="P",
    help="Pass mark, percent of the total (60 or 60%; 0.6 is refused as a share); speeches whose group mean "
    "is below it are to be revisited.",
)
@click.option(
    "--name-column",
    metavar="COL",
    help="A table's name column (header text or 1-based number) when it cannot be guessed.",
)
@click.option(
    "--encoding",
    metavar="ENC",
    help="Text encoding of .txt/.csv files (default: detected — UTF-8, UTF-16 with BOM, or among GB18030, Big5 and kin as Chinese Office, WPS and survey tools write them).",
)
@click.option(
    "--review-decks",
    "review_dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Also write each member's 错题本 Anki deck (the questions they missed) into DIR, created if missing. "
    "Needs the bank.",
)
@gc_paused()  # to the end: the report's objects, still alive, would be walked by the first collection after grading (0.01 s of 100,000 members)
def grade(
    answers: tuple[Path, ...],
    key_paths: tuple[Path, ...],
    bank_paths: tuple[Path, ...],
    output: Path | None,
    fmt: str | None,
    multiple_scoring: str | None,
    pass_mark: float,
    name_column: str | None,
    encoding: str | None,
    review_dir: Path | None,
) -> None:
    """Grade completed quizzes: answer sheets (.txt, .md, .yaml, .docx) or branch tables (.csv, .xlsx),
    or folders of them.

    Prints warnings and files that cannot be graded on stderr; the rest are
    graded. Exits 1 if any file or row could not be graded.

    \b
    Example:
      studykit grade answers/*.answers.txt --key 第一次测验.key.yaml
      studykit grade 答卷/ --key 第一次测验-A.key.yaml --key 第一次测验-B.key.yaml
      studykit grade 支部问卷.xlsx --key 第一次测验.key.yaml -o 成绩.html
      studykit grade 支部.csv --key 第一次测验.key.yaml --review-decks 错题本/第一次测验
      studykit grade 支部.xlsx --key 年终竞赛.key.yaml --bank 2025/
    """
    from ..grade import stream_report
    from ..workflows import grade_to_files

    output = None if output is not None and str(output) == "-" else output  # -o -: stdout, as Unix tools read it
    with usage_errors(), progress(len(answers), _("Grading")) as on_file:
        run = grade_to_files(
            answers, key_paths, bank_paths=bank_paths, output=output, fmt=fmt, multiple_scoring=multiple_scoring,
            pass_mark=pass_mark, name_column=name_column, encoding=encoding, review_dir=review_dir, warn=warn,
            on_file=on_file,
        )  # fmt: skip
    if output is None:  # streamed as to a file: memory stays what the report holds
        stream_to_stdout(lambda out: stream_report(run.report, run.fmt, out))
    else:
        click.echo(_("{output}: {n} graded").format(output=output, n=run.report.member_count), err=True)
    if run.decks:
        click.echo(run.decks, err=True)
    if run.failed_files:
        raise click.ClickException(run.failure_message())


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The new bank's folder (created; refused if it already holds a bank).",
)
def draft(article: Path, out: Path) -> None:
    """Draft a new bank to review from an article (.txt in UTF-8 or GBK, or .docx).

    Splits the article into its introduction and speeches (or sections), writes
    OUT/question_bank.yaml, OUT/material/NN-<id>.txt and OUT/material/sources.yaml,
    and drafts questions of all four types, each marked draft: true with a verbatim
    source. Review them, then `studykit check`; quiz and anki leave drafts out
    until you accept them (delete the draft: true line) or pass --include-drafts.

    \b
    Example:
      studykit draft 十一月学习材料.txt -o 2026-11
      studykit check --bank 2026-11/question_bank.yaml
    """
    from ..draft import draft_bank

    click.echo(draft_bank(article, out).report())


for _command in (quiz, practice, handout):
    main.add_command(_command)
