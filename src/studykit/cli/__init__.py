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

from ..errors import StudykitError
from ..formats import MAX_TIMESTAMP
from ..i18n import _
from ._group import StudykitGroup, progress, stream_to_stdout, usage_errors, warn
from ._options import (
    BANK_OPTION,
    INCLUDE_DRAFTS_OPTION,
    QUESTION_TYPE_CHOICES,
    _apkg_path,
    _at_most_one,
    _output_target,
    _parse_mix,
    _parse_points,
    _percentage,
    _timestamp,
    _title,
    format_option,
    output_option,
    speech_option,
)

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
      studykit quiz --count 20 --seed 7 -o 第一次测验.md
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
@output_option("The Anki package to write (PATH.apkg). Default: <bank id>.apkg here.", _apkg_path)
@speech_option("Only this part of the article (a speech id, or intro); repeat for several. Default: all.")
@click.option(
    "--timestamp",
    callback=_timestamp,
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
    from .._output import refuse_inputs
    from ..anki import write_deck
    from ..workflows import bank_inputs, load_library

    library = load_library(bank_paths, warn)
    bank = library.merged()
    path = output if output is not None else Path(f"{bank.id}.apkg")
    refuse_inputs([path], bank_inputs(bank))
    deck_banks = library if include_drafts else library.without_drafts()
    click.echo(write_deck(deck_banks, path, speeches=speeches, timestamp=timestamp).report(path))


@main.command()
@BANK_OPTION
@output_option(
    "The paper's file; key, solutions and answer sheet (and for .html/.docx the printable 答题卡 "
    "<stem>.card.*) go beside it. Default: quiz.md (.html, .docx; .tencent.txt, .wjx.txt, .gift, .xml for "
    "the publish formats, which write the import file and key)."
)
@click.option(
    "--count",
    type=click.IntRange(min=1),
    default=None,
    help="Questions on the paper, of any type. Default: the standard paper (see --mix); with --type 20, or every "
    "matching question if fewer match.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=None,
    help="Seed of the draw and the shuffles. Default: a new one, printed so the quiz can be rerun.",
)
@click.option(
    "--article",
    "articles",
    multiple=True,
    metavar="BANK_ID",
    help="With several banks: only questions of this article, by its bank id (repeatable). Default: all.",
)
@speech_option("Only questions on this speech (repeatable); with several banks ID or BANK_ID/ID.")
@click.option(
    "--type", "types", multiple=True, type=click.Choice(QUESTION_TYPE_CHOICES), help="Only this type (repeatable)."
)
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable).")
@click.option(
    "--difficulty",
    "difficulties",
    multiple=True,
    type=click.IntRange(1, 3),
    help="Only this difficulty, 1–3 (repeatable).",
)
@click.option(
    "--versions",
    type=click.IntRange(1, 26),
    default=1,
    show_default=True,
    help="Papers A, B, … with options shuffled differently, each with its own key.",
)
@format_option(
    ["md", "html", "docx", "tencent", "wjx", "gift", "moodle-xml"],
    "Output format: a paper (md, html, docx) or an import file for 腾讯问卷 (tencent), 问卷星 (wjx) or "
    "Moodle (gift, moodle-xml). Default: from -o's extension, else md.",
)
@click.option("--title", default=None, callback=_title, help="Title printed on the paper. Default: the bank's title.")
@click.option(
    "--points",
    multiple=True,
    metavar="TYPE=N",
    callback=_parse_points,
    help="Points per item of a type, e.g. multiple=4 (repeatable). Default: single=5 multiple=6 true_false=4 "
    "fill_blank=5.",
)
@click.option(
    "--mix",
    multiple=True,
    metavar="TYPE=N,…",
    callback=_parse_mix,
    help="Items per type, e.g. single=10,true_false=10 (types not named get none). Default without --count "
    "or --type: single=8,multiple=4,true_false=4,fill_blank=4 (20 items, 100 points).",
)
@click.option(
    "--total",
    type=click.FloatRange(min=0, min_open=True, max=10000),
    default=None,
    help="Points of the whole paper (满分), reached exactly: the types --points leaves open are scaled in the "
    "ratio of their points (to half points where needed).",
)
@INCLUDE_DRAFTS_OPTION
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing answer key (*.key.yaml) with other content; without it quiz refuses, as papers "
    "handed out with the old key would be graded against the new one.",
)
def quiz(
    bank_paths: tuple[Path, ...],
    output: Path | None,
    count: int | None,
    seed: int | None,
    articles: tuple[str, ...],
    speeches: tuple[str, ...],
    types: tuple[str, ...],
    tags: tuple[str, ...],
    difficulties: tuple[int, ...],
    versions: int,
    fmt: str | None,
    title: str | None,
    points: dict[str, float],
    mix: dict[str, int] | None,
    total: float | None,
    include_drafts: bool,
    force: bool,
) -> None:
    """Write a quiz paper, its answer key, 参考答案 and blank answer sheet.

    By default the standard paper: 8 单选, 4 多选, 4 判断, 4 填空 (20 items, 满分
    100). --mix sets the items per type, --count draws that many of any type, --total
    scales the points. Items are spread across the speeches and grouped by type (一、单项选择题
    二、多项选择题 三、判断题 四、填空题). Same bank, options and seed give byte-identical files.

    \b
    Example:
      studykit quiz --seed 7 -o 第一次测验.docx
      studykit quiz --mix single=10,multiple=5,true_false=10 --total 100
      studykit quiz --versions 2 --type single --type multiple --points multiple=4
      studykit quiz --count 20 --seed 7 --format wjx -o 第一次测验
      studykit quiz --bank 2025/ --count 50 --title 年终知识竞赛 -o 年终竞赛.docx
    """
    from ..workflows import write_quiz

    path, fmt = _output_target(output, fmt, publish=True)
    run = write_quiz(
        bank_paths, path, fmt, count=count, seed=seed, versions=versions, articles=articles, speeches=speeches,
        types=types, tags=tags, difficulties=difficulties, title=title, points=points, mix=mix, total=total,
        include_drafts=include_drafts, force=force, warn=warn,
    )  # fmt: skip
    for line in run.summary:
        click.echo(line)


@main.command()
@BANK_OPTION
@output_option("The page to write (.html added if missing). Default: practice.html.")
@click.option("--count", type=click.IntRange(min=1), default=None, help="Questions, as for quiz. Default: 20.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the draw, as for quiz.")
@speech_option("Only questions on this speech (repeatable).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable).")
def practice(
    bank_paths: tuple[Path, ...],
    output: Path | None,
    count: int | None,
    seed: int | None,
    speeches: tuple[str, ...],
    tags: tuple[str, ...],
) -> None:
    """Write a self-check page (自测): one HTML file to forward in WeChat and drill on a phone.

    The questions quiz draws with the same options (drafts left out), one at a
    time, with the answer, 解析 and 原文 after each; the score and 再练错题 at the
    end. Progress stays in the phone's browser. No network is needed.

    \b
    Example:
      studykit practice --count 20 --seed 7 -o 自测.html
      studykit practice --speech ren-jiantao --tag 观点 -o 任剑涛观点.html
    """
    from .._output import refuse_inputs, write_files
    from ..practice import build_practice, practice_path, render_practice
    from ..workflows import bank_inputs, load_library

    try:
        path = practice_path(output)
    except StudykitError as exc:  # -o 自测.pdf: a usage error, as for quiz
        raise click.UsageError(exc.message) from None
    bank, speeches = load_library(bank_paths, warn).narrow((), speeches)
    page = build_practice(bank, count=count, seed=seed, speeches=speeches, tags=tags)
    refuse_inputs([path], bank_inputs(bank))
    write_files({path: render_practice(page).encode("utf-8")})
    if seed is None:
        click.echo(_("seed: {seed} — rerun with --seed {seed}").format(seed=page.seed))
    click.echo(_("wrote {path}: {n} questions ({quiz_id})").format(path=path, n=len(page.items), quiz_id=page.quiz_id))


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
@click.option(
    "--bank",
    "bank_paths",
    type=click.Path(path_type=Path),
    multiple=True,
    help="Bank for 解析 and reread hints; repeat, or give a folder of banks, for a quiz drawn from several "
    "articles. Default: the default bank, if the key was made from it.",
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
    callback=_percentage,
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
    """Grade completed quizzes: answer sheets (.txt, .yaml) or branch tables (.csv, .xlsx), or folders of them.

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

    with usage_errors(), progress(len(answers), _("Grading")) as on_file:
        run = grade_to_files(
            answers, key_paths, bank_paths=bank_paths, output=output, fmt=fmt, multiple_scoring=multiple_scoring,
            pass_mark=pass_mark, name_column=name_column, encoding=encoding, review_dir=review_dir, warn=warn,
            on_file=on_file,
        )  # fmt: skip
    if output is None:  # streamed as to a file: memory stays what the report holds
        stream_to_stdout(lambda out: stream_report(run.report, run.fmt, out))
    else:
        click.echo(_("{output}: {n} graded").format(output=output, n=len(run.report.members)), err=True)
    if run.decks:
        click.echo(run.decks, err=True)
    if run.failed_files:
        raise click.ClickException(run.failure_message())


@main.command()
@BANK_OPTION
@speech_option("Only this speech (repeatable). Default: all.")
@click.option(
    "--from-report",
    "report_path",
    multiple=True,
    callback=_at_most_one(
        lambda: _("report"), lambda: _("a handout keeps what the group of one graded quiz got wrong")
    ),
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="REPORT.json",
    help="The JSON report of studykit grade: keep only what the group got wrong, worst first.",
)
@format_option(["md", "html", "docx"], "Output format. Default: from -o's extension, else md.")
@output_option("The handout's file. Default: handout.md (.html, .docx).")
@INCLUDE_DRAFTS_OPTION
def handout(
    bank_paths: tuple[Path, ...],
    speeches: tuple[str, ...],
    report_path: Path | None,
    fmt: str | None,
    output: Path | None,
    include_drafts: bool,
) -> None:
    """Write a review handout (学习要点): each speech's key facts as statements with their source.

    Per speech in article order: speaker, post and heading, then the facts its
    questions test, each with the sentence of the material it comes from. With
    --from-report, only the questions whose facility index (share of members
    fully right) is below the report's pass mark, weakest speech and question
    first.

    \b
    Example:
      studykit handout -o 学习要点.docx
      studykit handout --from-report 成绩.json -o 重点复习.md
      studykit handout --bank 2025/ --from-report 年终竞赛成绩.json -o 年终复习.docx
    """
    from ..render import HANDOUT_OUTPUT
    from ..workflows import make_handout

    path, fmt = _output_target(output, fmt, HANDOUT_OUTPUT)
    run = make_handout(
        bank_paths, path, fmt, speeches=speeches, report_path=report_path, include_drafts=include_drafts, warn=warn
    )
    click.echo(run.summary)


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
