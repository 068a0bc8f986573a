"""The CLI's option callbacks (each refuses a bad value as a usage error, exit 2) and the
option decorators several commands share."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..errors import StudykitError
from ..formats import MAX_TIMESTAMP
from ..i18n import _

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class IntRange(click.IntRange):
    """click's :class:`~click.IntRange` whose type name, which click's errors print
    (``'abc' is not a valid integer range.``), is in the interface language (``整数``)."""

    @property
    def name(self) -> str:  # type: ignore[override]
        """The type's name in the interface language; ``integer range`` as click has it in English."""
        return _("integer range")


class FloatRange(click.FloatRange):
    """click's :class:`~click.FloatRange` with its type name in the interface language (``数``)."""

    @property
    def name(self) -> str:  # type: ignore[override]
        """The type's name in the interface language; ``float range`` as click has it in English."""
        return _("float range")


def file_name(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``-o PATH``: refuse a path without a file name (``''``, ``.``) as a usage error."""
    if value is not None and value.name in ("", ".", ".."):
        shown = "" if str(value) == "." else str(value)  # click turns '' into Path('.')
        raise click.BadParameter(_("{name!r} is not a file name").format(name=shown))
    return value


def paper_target(
    output: Path | None, fmt: str | None, default: Path | None = None, *, publish: bool = False
) -> tuple[Path, str]:
    """:func:`studykit.render.output_target`, with an ``-o`` name and ``--format`` that disagree
    a usage error (exit 2), as for ``grade``."""
    from ..render import DEFAULT_OUTPUT, output_target

    try:
        return output_target(output, fmt, default or DEFAULT_OUTPUT, publish=publish)
    except StudykitError as exc:
        raise click.UsageError(exc.message) from None


def apkg_path(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
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


def timestamp_value(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
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


def title_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--title``: one line, not blank, and no character a document cannot hold (as ``check``
    requires of the bank)."""
    if value is None:
        return None
    from ..bank import control_problem

    if not value.strip():
        raise click.BadParameter(_("the title is blank (give some text, or leave --title out for the bank's title)"))
    problem = control_problem(value)
    if problem:
        raise click.BadParameter(_("{value!r} {problem}").format(value=value, problem=problem))
    if any("\ud800" <= c <= "\udfff" for c in value):  # bytes the terminal's encoding (UTF-8) cannot read
        raise click.BadParameter(_("{value!r} is not UTF-8 text (type the title again, or set the terminal to UTF-8)")
                                 .format(value=value))  # fmt: skip
    if len(value.split("\n")) > 1 or any(c in value for c in "\r\t\v\f\x85\u2028\u2029"):
        raise click.BadParameter(_("{value!r} has a line break or tab (a title is one line)").format(value=value))
    return value.strip()


def points_value(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, float]:
    """``--points multiple=4 --points single=1.5`` → ``{"multiple": 4.0, "single": 1.5}``;
    a type given twice is refused (a dict would silently keep the last)."""
    from ..quiz import parse_points

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


def mix_value(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, int] | None:
    """``--mix single=8,multiple=4`` (repeatable) → ``{"single": 8, "multiple": 4}``; ``None`` if not given."""
    from ..mix import parse_mix

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


def percentage(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """A percentage 0–100 (``60`` or ``60%``); a bare value in (0, 1] looks like a share
    (``0.6`` for 60 %) and is refused rather than taken as 0.6 %.  ``６０％`` (full-width) reads as 60%."""
    text = unicodedata.normalize("NFKC", value).strip()
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


def at_most_one(
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


#: model.QUESTION_TYPES, spelled out so that startup does not import the model (a test keeps them equal).
QUESTION_TYPE_CHOICES = ("single", "multiple", "true_false", "fill_blank")


class TypeChoice(click.Choice[str]):
    """``--type``: one of :data:`QUESTION_TYPE_CHOICES`, or its Chinese name as papers print it
    (``单选`` or ``单选题``), as ``--mix`` takes it."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from ..mix import CHINESE_TYPE_NAMES

        if isinstance(value, str):
            text = unicodedata.normalize("NFKC", value).strip()
            value = CHINESE_TYPE_NAMES.get(text.removesuffix("题"), value)
        return str(super().convert(value, param, ctx))


def bank_option(help: str) -> Decorator:
    """``--bank PATH`` (repeatable), as the tuple ``bank_paths``."""
    return click.option("--bank", "bank_paths", type=click.Path(path_type=Path), multiple=True, help=help)


BANK_OPTION = bank_option(
    "Question bank YAML, or a folder of banks (one sub-folder per article); repeat for several articles. "
    "Default: ./question_bank.yaml, else the bank shipped with studykit."
)

INCLUDE_DRAFTS_OPTION = click.option(
    "--include-drafts",
    is_flag=True,
    help="Also use questions still marked draft: true (by default they wait for review).",
)


def output_option(help: str, callback: Callable[..., Any] = file_name) -> Decorator:
    """``-o/--output PATH``: a file (not a folder), checked by ``callback`` (default: a file name)."""
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=callback, default=None, help=help
    )


def format_option(choices: Sequence[str], help: str) -> Decorator:
    """``--format FMT`` among ``choices``; ``None`` when not given (the caller takes it from ``-o``)."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=None, help=help)


def speech_option(help: str) -> Decorator:
    """``--speech ID`` (repeatable), as the tuple ``speeches``."""
    return click.option("--speech", "speeches", multiple=True, metavar="ID", help=help)
