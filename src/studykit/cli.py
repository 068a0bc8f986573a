"""The ``studykit`` command line: a thin layer over the library.

Each command parses its options, calls one or two library functions and writes
the result.  User mistakes (:class:`~studykit.errors.StudykitError`) become
``Error: …`` on stderr and exit status 1; anything else is a bug and keeps its
traceback.  Heavy libraries are imported inside the commands that need them.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from ._clihelp import TranslatedGroup, click_language
from .errors import StudykitError
from .formats import MAX_TIMESTAMP
from .i18n import _, ngettext

if TYPE_CHECKING:
    from .library import Library
    from .model import Bank

#: model.QUESTION_TYPES, spelled out so that startup does not import the model (a test keeps them equal).
QUESTION_TYPE_CHOICES = ("single", "multiple", "true_false", "fill_blank")

BANK_OPTION = click.option(
    "--bank",
    "bank_paths",
    type=click.Path(path_type=Path),
    multiple=True,
    help="Question bank YAML, or a folder of banks (one sub-folder per article); repeat for several articles. "
    "Default: ./question_bank.yaml, else the bank shipped with studykit.",
)


INCLUDE_DRAFTS_OPTION = click.option(
    "--include-drafts",
    is_flag=True,
    help="Also use questions still marked draft: true (by default they wait for review).",
)


def _reviewed(library: Library, include_drafts: bool) -> Library:
    """The banks a command works on: without unreviewed drafts unless ``--include-drafts``."""
    return library if include_drafts else library.without_drafts()


class StudykitGroup(TranslatedGroup):
    """A group that turns :class:`StudykitError` into ``Error: …`` and exit 1, with click's
    messages and every help text in the interface language (``错误：…`` in Chinese)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with click_language():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StudykitError as exc:
            for line in exc.details:
                click.echo(line, err=True)
            raise click.ClickException(exc.message) from None
        except OSError as exc:
            if exc.errno not in _FULL:
                raise
            from .i18n import _

            _drop_stdout()  # what is still buffered would fail again, with a traceback, at exit
            raise click.ClickException(
                _("cannot write the output: {reason}").format(reason=exc.strerror or exc)
            ) from None


#: A full disk, a quota, a file too large, an I/O error: file outputs report them through
#: StudykitError, so here they come from writing to the standard output.
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _drop_stdout() -> None:
    """Point the standard output at the null device (the recipe of Python's signal docs for EPIPE)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


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
    from .library import load_banks, summarize_banks

    library = load_banks(bank_paths, strict=strict)
    for warning in library.warnings:
        click.echo(warning, err=True)
    click.echo(summarize_banks(library))


def _file_name(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``-o PATH``: refuse a path without a file name (``''``, ``.``) as a usage error."""
    if value is not None and value.name in ("", ".", ".."):
        shown = "" if str(value) == "." else str(value)  # click turns '' into Path('.')
        raise click.BadParameter(_("{name!r} is not a file name").format(name=shown))
    return value


def _output_target(
    output: Path | None, fmt: str | None, default: Path | None = None, *, publish: bool = False
) -> tuple[Path, str]:
    """:func:`studykit.render.output_target`, with an ``-o`` name and ``--format`` that disagree
    a usage error (exit 2), as for ``grade``."""
    from .render import DEFAULT_OUTPUT, output_target

    try:
        return output_target(output, fmt, default or DEFAULT_OUTPUT, publish=publish)
    except StudykitError as exc:
        raise click.UsageError(exc.message) from None


def _bank_inputs(bank: Bank) -> dict[Path, str]:
    """The bank's own files, which no output may overwrite (not even through a symbolic link)."""
    inputs = {bank.path: _("the bank")}
    inputs.update((bank.root / s.material, _("a material file of the bank")) for s in bank.speeches)
    inputs.update((bank.root / rel, _("a file of the bank")) for rel in bank.files if bank.root / rel not in inputs)
    return inputs


def _apkg_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``-o PATH.apkg``: a file name ending in .apkg (``.apkg`` alone is a hidden name without a suffix)."""
    if value is None:
        return None
    if str(value) == ".":  # click turns '' into Path('.'); a real '.' is refused by click as a folder
        raise click.BadParameter(_("'' is empty (expected NAME.apkg, e.g. 省域治理.apkg)"))
    if value.name.lower() == ".apkg":
        raise click.BadParameter(
            _("'{value}' is not a file name, only the suffix (expected NAME.apkg, e.g. 省域治理.apkg)").format(
                value=value
            )
        )
    if value.suffix.lower() != ".apkg":
        raise click.BadParameter(
            _("'{value}' does not end in .apkg (Anki imports only .apkg packages)").format(value=value)
        )
    return value


def _timestamp(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    """``--timestamp T``: finite seconds since 1970, 0 ≤ T < 2**32 (what Anki packages can store)."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        raise click.BadParameter(_("{value!r} is not a number of seconds").format(value=value)) from None
    if not (math.isfinite(number) and 0 <= number < MAX_TIMESTAMP):
        raise click.BadParameter(
            _(
                "{value!r} is not a time Anki can store (expected seconds since 1970 from 0 to below {limit}, "
                "i.e. before 2106-02-07)"
            ).format(value=value, limit=MAX_TIMESTAMP)
        )
    return number


@main.command()
@BANK_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_apkg_path,
    help="The Anki package to write (PATH.apkg). Default: <bank id>.apkg here.",
)
@click.option(
    "--speech",
    "speeches",
    multiple=True,
    metavar="ID",
    help="Only this part of the article (a speech id, or intro); repeat for several. Default: all.",
)
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
    from ._output import refuse_inputs
    from .anki import write_deck
    from .library import load_banks

    library = load_banks(bank_paths)
    for warning in library.warnings:
        click.echo(warning, err=True)
    bank = library.merged()
    path = output if output is not None else Path(f"{bank.id}.apkg")
    refuse_inputs([path], _bank_inputs(bank))
    click.echo(
        write_deck(_reviewed(library, include_drafts), path, speeches=speeches, timestamp=timestamp).report(path)
    )


def _title(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--title``: one line, not blank, and no character a document cannot hold (as ``check``
    requires of the bank)."""
    if value is None:
        return None
    from .bank import control_problem

    if not value.strip():
        raise click.BadParameter(_("the title is blank (give some text, or leave --title out for the bank's title)"))
    problem = control_problem(value)
    if problem:
        raise click.BadParameter(_("{value!r} {problem}").format(value=value, problem=problem))
    if len(value.split("\n")) > 1 or any(c in value for c in "\r\t\v\f\x85\u2028\u2029"):
        raise click.BadParameter(_("{value!r} has a line break or tab (a title is one line)").format(value=value))
    return value.strip()


def _parse_points(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, float]:
    """``--points multiple=4 --points single=1.5`` → ``{"multiple": 4.0, "single": 1.5}``;
    a type given twice is refused (a dict would silently keep the last)."""
    from .quiz import parse_points

    points: dict[str, float] = {}
    given: dict[str, str] = {}
    for value in values:
        try:
            name, number = parse_points(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
        if name in given:
            raise click.BadParameter(
                _("{name} given twice ({first}, then {second}; give each type once)").format(
                    name=name, first=given[name], second=value.strip()
                ),
                ctx=ctx,
                param=param,
            )
        points[name], given[name] = number, value.strip()
    return points


def _parse_mix(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, int] | None:
    """``--mix single=8,multiple=4`` (repeatable) → ``{"single": 8, "multiple": 4}``; ``None`` if not given."""
    from .mix import parse_mix

    if not values:
        return None
    try:
        mix: dict[str, int] = {}
        for value in values:
            for name, n in parse_mix(value).items():
                if name in mix:
                    raise ValueError(_("{name} given twice in the mix (give each type once)").format(name=name))
                mix[name] = n
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return mix


@main.command()
@BANK_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_file_name,
    default=None,
    help="The paper's file; key, solutions and answer sheet (and for .html/.docx the printable 答题卡 "
    "<stem>.card.*) go beside it. Default: quiz.md (.html, .docx; .tencent.txt, .wjx.txt, .gift, .xml for "
    "the publish formats, which write the import file and key).",
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
@click.option(
    "--speech",
    "speeches",
    multiple=True,
    metavar="ID",
    help="Only questions on this speech (repeatable); with several banks ID or BANK_ID/ID.",
)
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "docx", "tencent", "wjx", "gift", "moodle-xml"]),
    default=None,
    help="Output format: a paper (md, html, docx) or an import file for 腾讯问卷 (tencent), 问卷星 (wjx) or "
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
    from ._output import refuse_inputs, write_files
    from .key import refuse_key_overwrite
    from .library import load_banks
    from .mix import shortfall_note
    from .quiz import build_papers, default_count, format_points, giveaway_pairs, mix_shortfall
    from .render import quiz_files, replaced_keys

    path, fmt = _output_target(output, fmt, publish=True)
    library = load_banks(bank_paths)
    for warning in library.warnings:
        click.echo(warning, err=True)
    bank, speeches = _reviewed(library, include_drafts).narrow(articles, speeches)
    papers = build_papers(
        bank, count=count, seed=seed, versions=versions, speeches=speeches, types=types, tags=tags,
        difficulties=difficulties, points=points, title=title, mix=mix, total=total,
    )  # fmt: skip
    files = quiz_files(papers, path, fmt)
    refuse_inputs(files, _bank_inputs(bank))
    if not force:
        refuse_key_overwrite(files)
    replaced = replaced_keys(files, papers[0].quiz_id)
    write_files(files)
    for warning in replaced:
        click.echo(warning, err=True)
    pairs = giveaway_pairs(bank, papers[0])
    if pairs:
        a, b = pairs[0]
        if len(pairs) > 1:
            message = _(
                "{pairs} pairs of items, e.g. items {a} and {b} ({a_id}, {b_id}) may give each other "
                "away: no draw of {count} tried for this seed avoids it (ask for fewer)"
            )
        else:
            message = _(
                "items {a} and {b} ({a_id}, {b_id}) may give each other "
                "away: no draw of {count} tried for this seed avoids it (ask for fewer)"
            )
        message = message.format(
            pairs=len(pairs), a=a.number, b=b.number, a_id=a.question.id, b_id=b.question.id, count=count
        )
        click.echo(_("warning: {message}").format(message=message), err=True)
    shown = len(papers[0].items)
    aimed = default_count(bank, speeches, types, tags, difficulties)
    shortfall = mix_shortfall(bank, speeches, tags, difficulties) if count is None and mix is None and not types else []
    if shortfall:
        click.echo(shortfall_note(shortfall), err=True)
    if count is None and mix is None and shown < aimed:
        click.echo(
            _(
                "note: {shown} questions, not {aimed}: "
                "no draw tried for this seed gave more without two that give each other away "
                "(another --seed may; --count forces the number)"
            ).format(shown=shown, aimed=aimed),
            err=True,
        )
    if seed is None:
        click.echo(_("seed: {seed} — rerun with --seed {seed}").format(seed=papers[0].seed))
    paper = papers[0]
    lettered = _(", versions {versions}").format(versions=", ".join(p.version for p in papers)) if paper.version else ""
    click.echo(
        _("quiz {quiz_id}: {n} questions, {points} points{versions}").format(
            quiz_id=paper.quiz_id, n=len(paper.items), points=format_points(paper.total_points), versions=lettered
        )
    )
    click.echo(_("wrote {files}").format(files=", ".join(str(p) for p in files)))


@main.command()
@BANK_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_file_name,
    default=None,
    help="The page to write (.html added if missing). Default: practice.html.",
)
@click.option("--count", type=click.IntRange(min=1), default=None, help="Questions, as for quiz. Default: 20.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed of the draw, as for quiz.")
@click.option("--speech", "speeches", multiple=True, metavar="ID", help="Only questions on this speech (repeatable).")
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
    from ._output import refuse_inputs, write_files
    from .i18n import _
    from .library import load_banks
    from .practice import build_practice, practice_path, render_practice

    try:
        path = practice_path(output)
    except StudykitError as exc:  # -o 自测.pdf: a usage error, as for quiz
        raise click.UsageError(exc.message) from None
    library = load_banks(bank_paths)
    for warning in library.warnings:
        click.echo(warning, err=True)
    bank, speeches = library.narrow((), speeches)
    page = build_practice(bank, count=count, seed=seed, speeches=speeches, tags=tags)
    refuse_inputs([path], _bank_inputs(bank))
    write_files({path: render_practice(page).encode("utf-8")})
    if seed is None:
        click.echo(_("seed: {seed} — rerun with --seed {seed}").format(seed=page.seed))
    click.echo(_("wrote {path}: {n} questions ({quiz_id})").format(path=path, n=len(page.items), quiz_id=page.quiz_id))


def _percentage(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """A percentage 0–100 (``60`` or ``60%``); a bare value in (0, 1] looks like a share
    (``0.6`` for 60 %) and is refused rather than taken as 0.6 %."""
    text = value.strip()
    try:
        number = float(text.removesuffix("%"))
    except ValueError:
        raise click.BadParameter(
            _("{value!r} is not a percentage (expected e.g. 60 or 60%)").format(value=value)
        ) from None
    if not 0 <= number <= 100:
        raise click.BadParameter(_("{value!r} is not between 0 and 100").format(value=value))
    if 0 < number <= 1 and not text.endswith("%"):
        raise click.BadParameter(
            _(
                "{value!r} looks like a share; give the pass mark in percent, e.g. {percent:g} "
                "(write {written} if you mean {value} percent)"
            ).format(value=value, percent=number * 100, written=f"{value}%")
        )
    return number


def _at_most_one(
    noun: Callable[[], str], why: Callable[[], str]
) -> Callable[[click.Context, click.Parameter, tuple[Path, ...]], Path | None]:
    """A callback for an option declared ``multiple=True`` only so that a repeat can be refused
    (click would silently keep the last): ``give one NOUN, not N (WHY)``; the one path, or ``None``.
    ``noun`` and ``why`` give their texts in the interface language of the run."""

    def callback(ctx: click.Context, param: click.Parameter, values: tuple[Path, ...]) -> Path | None:
        if len(values) > 1:
            message = _("give one {noun}, not {n} ({why})").format(noun=noun(), n=len(values), why=why())
            raise click.BadParameter(message, ctx=ctx, param=param)
        return values[0] if values else None

    return callback


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
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_file_name,
    help="Write the report here (atomically) instead of to stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json", "html"]),
    help="Report format. Default: from the -o suffix (.txt .csv .json .html .htm), which must agree; else text.",
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

    from ._output import Content, write_files
    from .errors import AnswerFileError
    from .grade import choose_bank, grade_files, report_writer, stream_report
    from .grade.readers import answer_files
    from .grade.report import output_format
    from .grade.versions import key_set
    from .key import load_key

    if output is not None:
        from ._output import refuse_overwrite

        refuse_overwrite(output, map(Path, answer_files(answers)), _("one of the files given to grade"))
        refuse_overwrite(output, key_paths, _("the answer key"))
        refuse_overwrite(output, bank_paths, _("the bank"))
    try:  # before anything is read: a report in 成绩.xlsx would not open in Excel
        fmt = output_format(output, fmt)
    except ValueError as exc:
        raise click.UsageError(str(exc), ctx=click.get_current_context()) from None
    key = key_set([load_key(path) for path in key_paths])
    bank, note = choose_bank(key, bank_paths)
    if output is not None:  # the bank picked without --bank, and the article, are inputs too
        from ._output import refuse_overwrite
        from .bank import default_bank_path

        refuse_overwrite(output, [bank.path if bank else default_bank_path()], _("the bank"))
        if bank is not None:
            refuse_overwrite(output, [bank.root / s.material for s in bank.speeches], _("a material file"))
            refuse_overwrite(output, [bank.root / rel for rel in bank.files], _("a file of the bank"))
    if note:
        click.echo(_("warning: {message}").format(message=note), err=True)
    if review_dir is not None:
        from .review import check_review_bank

        check_review_bank(key, bank)
    with contextlib.ExitStack() as stack:
        on_file = None
        if sys.stderr.isatty() and len(answers) > 20:
            bar = stack.enter_context(click.progressbar(length=len(answers), label=_("Grading"), file=sys.stderr))
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
        raise AnswerFileError(_("no answers could be graded"))
    outputs: dict[Path, Content] = {}
    if output is not None:
        outputs[output] = report_writer(report, fmt)
    decks_written = ""
    if review_dir is not None and bank is not None:
        from ._output import same_file
        from .review import review_deck_files

        summary, decks = review_deck_files(report, bank, review_dir)
        for deck in summary.decks:
            if output is not None and same_file(output, review_dir / deck.file):
                raise StudykitError(
                    _(
                        "-o {output} is the review deck of {member!r}; refusing to overwrite it — choose another path"
                    ).format(output=output, member=deck.member)
                )
        outputs.update(decks)
        decks_written = summary.report(review_dir)
    # the report and the decks in one all-or-nothing write: a deck that cannot be written
    # leaves the earlier report (and decks) as they were; to stdout, the decks come first
    if outputs:
        write_files(outputs)
    if output is None:  # streamed as to a file: memory stays what the report holds
        _stream_to_stdout(lambda out: stream_report(report, fmt, out))
    else:
        click.echo(_("{output}: {n} graded").format(output=output, n=len(report.members)), err=True)
    if decks_written:
        click.echo(decks_written, err=True)
    if report.failures:
        files = list(dict.fromkeys(p.file for p in report.failures))
        shown = ", ".join(files[:3]) + (_(" and {n} more").format(n=len(files) - 3) if len(files) > 3 else "")
        raise click.ClickException(
            _("not everything could be graded: {files} (see above); the report covers the rest").format(files=shown)
        )


def _stream_to_stdout(write: Callable[[BinaryIO], None]) -> None:
    """Run ``write`` on the binary standard output (UTF-8 bytes) and flush it.  A reader that
    stops early (``| head``) ends the command quietly with exit code 1, without a traceback."""
    sys.stdout.flush()  # what was echoed before comes first
    out = sys.stdout.buffer
    try:
        write(out)
        out.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):  # no more writes to the closed pipe at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


@main.command()
@BANK_OPTION
@click.option("--speech", "speeches", multiple=True, metavar="ID", help="Only this speech (repeatable). Default: all.")
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "docx"]),
    default=None,
    help="Output format. Default: from -o's extension, else md.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=_file_name,
    default=None,
    help="The handout's file. Default: handout.md (.html, .docx).",
)
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
    from ._output import refuse_inputs, write_files
    from .handout import build_handout, load_report
    from .i18n import _
    from .library import load_banks
    from .render import HANDOUT_OUTPUT, render_handout

    path, fmt = _output_target(output, fmt, HANDOUT_OUTPUT)
    library = load_banks(bank_paths)
    for warning in library.warnings:
        click.echo(warning, err=True)
    report = load_report(report_path) if report_path is not None else None
    # a report's questions were on a paper, reviewed or not: its drafts are the ones to reread
    reviewed = _reviewed(library, include_drafts or report is not None)
    bank, speeches = reviewed.narrow((), speeches, like=report.bank_id if report else "")
    if (
        report is not None
        and report.bank_id == bank.id  # another bank altogether is an error of build_handout's
        and report.bank_fingerprint
        and report.bank_fingerprint != bank.fingerprint
    ):
        click.echo(
            _("warning: {message}").format(
                message=_("the bank {path} changed since the quiz of {report}; facts come from it").format(
                    path=bank.path, report=report_path
                )
            ),
            err=True,
        )
    result = build_handout(bank, speeches, report)
    if result.fallback:
        click.echo(
            _("note: no item is below the pass mark; the handout keeps the weakest speeches' missed items"), err=True
        )
    for qid in result.missing:
        message = _("question {id!r} of {report} is not in the bank; left out").format(id=qid, report=report_path)
        click.echo(_("warning: {message}").format(message=message), err=True)
    inputs = _bank_inputs(bank)
    if report_path is not None:
        inputs[report_path] = _("the grade report")
    refuse_inputs([path], inputs)
    write_files({path: render_handout(result, fmt)})
    n, m = len(result.sections), result.facts
    speeches_text = ngettext("{n} speech", "{n} speeches", n).format(n=n)
    facts_text = ngettext("{n} fact", "{n} facts", m).format(n=m)
    click.echo(_("wrote {path}: {speeches}, {facts}").format(path=path, speeches=speeches_text, facts=facts_text))


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
    from .draft import draft_bank

    click.echo(draft_bank(article, out).report())
