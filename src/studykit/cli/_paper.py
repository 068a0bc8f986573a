"""The commands that write papers and pages from a bank: ``quiz``, ``practice`` and ``handout``
(registered on the ``studykit`` group by :mod:`studykit.cli`)."""

from __future__ import annotations

from pathlib import Path

import click

from .._clihelp import TranslatedHelp
from ..errors import StudykitError
from ..i18n import _
from ._group import warn
from ._options import (
    BANK_OPTION,
    INCLUDE_DRAFTS_OPTION,
    QUESTION_TYPE_CHOICES,
    FloatRange,
    IntRange,
    TypeChoice,
    at_most_one,
    format_option,
    mix_value,
    output_option,
    paper_target,
    points_value,
    speech_option,
    title_value,
)


@click.command(cls=TranslatedHelp)
@BANK_OPTION
@output_option(
    "The paper's file; key, solutions and answer sheet (and for .html/.docx the printable 答题卡 "
    "<stem>.card.*) go beside it. Default: quiz.md (.html, .docx; .tencent.txt, .wjx.txt, .gift, .xml for "
    "the publish formats, which write the import file and key)."
)
@click.option(
    "--count",
    type=IntRange(min=1),
    default=None,
    help="Questions on the paper, of any type. Default: the standard paper (see --mix); with --type 20, or every "
    "matching question if fewer match.",
)
@click.option(
    "--seed",
    type=IntRange(min=0),
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
    "--type", "types", multiple=True, type=TypeChoice(QUESTION_TYPE_CHOICES), help="Only this type (repeatable)."
)
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable).")
@click.option(
    "--difficulty",
    "difficulties",
    multiple=True,
    type=IntRange(1, 3),
    help="Only this difficulty, 1–3 (repeatable).",
)
@click.option(
    "--versions",
    type=IntRange(1, 26),
    default=1,
    show_default=True,
    help="Papers A, B, … with options shuffled differently, each with its own key.",
)
@format_option(
    ["md", "html", "docx", "tencent", "wjx", "gift", "moodle-xml"],
    "Output format: a paper (md, html, docx) or an import file for 腾讯问卷 (tencent), 问卷星 (wjx) or "
    "Moodle (gift, moodle-xml). Default: from -o's extension, else md.",
)
@click.option(
    "--title", default=None, callback=title_value, help="Title printed on the paper. Default: the bank's title."
)
@click.option(
    "--points",
    multiple=True,
    metavar="TYPE=N",
    callback=points_value,
    help="Points per item of a type, e.g. multiple=4 (repeatable). Default: single=5 multiple=6 true_false=4 "
    "fill_blank=5.",
)
@click.option(
    "--mix",
    multiple=True,
    metavar="TYPE=N,…",
    callback=mix_value,
    help="Items per type, e.g. single=10,true_false=10 (types not named get none). Default without --count "
    "or --type: single=8,multiple=4,true_false=4,fill_blank=4 (20 items, 100 points).",
)
@click.option(
    "--total",
    type=FloatRange(min=0, min_open=True, max=10000),
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
      studykit quiz --seed 7 --format wjx -o 第一次测验
      studykit quiz --bank 2025/ --count 50 --total 100 --title 年终知识竞赛 -o 年终竞赛.docx
    """
    from ..workflows import write_quiz

    path, fmt = paper_target(output, fmt, publish=True)
    run = write_quiz(
        bank_paths, path, fmt, count=count, seed=seed, versions=versions, articles=articles, speeches=speeches,
        types=types, tags=tags, difficulties=difficulties, title=title, points=points, mix=mix, total=total,
        include_drafts=include_drafts, force=force, warn=warn,
    )  # fmt: skip
    for line in run.summary:
        click.echo(line)


@click.command(cls=TranslatedHelp)
@BANK_OPTION
@output_option("The page to write (.html added if missing). Default: practice.html.")
@click.option("--count", type=IntRange(min=1), default=None, help="Questions, as for quiz. Default: 20.")
@click.option("--seed", type=IntRange(min=0), default=None, help="Seed of the draw, as for quiz.")
@click.option(  # the help texts of quiz's --article and --title: one catalog entry each
    "--article",
    "articles",
    multiple=True,
    metavar="BANK_ID",
    help="With several banks: only questions of this article, by its bank id (repeatable). Default: all.",
)
@speech_option("Only questions on this speech (repeatable).")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable).")
@click.option(
    "--title", default=None, callback=title_value, help="Title printed on the paper. Default: the bank's title."
)
def practice(
    bank_paths: tuple[Path, ...],
    output: Path | None,
    count: int | None,
    seed: int | None,
    articles: tuple[str, ...],
    speeches: tuple[str, ...],
    tags: tuple[str, ...],
    title: str | None,
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
    from ..practice import practice_path
    from ..workflows import write_practice

    try:
        path = practice_path(output)
    except StudykitError as exc:  # -o 自测.pdf: a usage error, as for quiz
        raise click.UsageError(exc.message) from None
    run = write_practice(
        bank_paths,
        path,
        count=count,
        seed=seed,
        articles=articles,
        speeches=speeches,
        tags=tags,
        title=title,
        warn=warn,
    )
    for line in run.summary:
        click.echo(line)


@click.command(cls=TranslatedHelp)
@BANK_OPTION
@speech_option("Only this speech (repeatable). Default: all.")
@click.option(
    "--from-report",
    "report_path",
    multiple=True,
    callback=at_most_one(lambda: _("report"), lambda: _("a handout keeps what the group of one graded quiz got wrong")),
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

    path, fmt = paper_target(output, fmt, HANDOUT_OUTPUT)
    run = make_handout(
        bank_paths, path, fmt, speeches=speeches, report_path=report_path, include_drafts=include_drafts, warn=warn
    )
    click.echo(run.summary)
