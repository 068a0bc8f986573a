"""click in the interface language: its own messages, and studykit's help texts at render time.

click translates its own messages (``Usage:``, ``Options:``, ``Error: No such option: …``)
with the standard library's global :func:`gettext.gettext` (``from gettext import gettext as
_`` in each click module), i.e. the catalog of the current text domain, in the language
that :func:`gettext.find` reads from ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.
:func:`click_language` points that domain at studykit's own catalog (which holds zh
translations of click's msgids) and sets ``LANGUAGE`` to the language studykit's rules
chose (:func:`studykit.i18n.language`, so ``STUDYKIT_LANG`` overrides), for the length of
one run of the CLI; nothing depends on a system locale being installed.

Help texts stay English in the decorators; :class:`TranslatedHelp` passes a command's
help, its short help (the first sentence, as click shortens it), each parameter's help and
metavar, and the usage line's placeholders through :func:`studykit.i18n._` when help is
formatted.  :func:`help_messages` lists those msgids for the catalog
(``tools/extract_messages.py``).  In Chinese, help is wrapped by display width (a Chinese
character takes two columns); English help is click's own, byte for byte.
"""

from __future__ import annotations

import copy
import gettext
import inspect
import os
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import click

from .i18n import DOMAIN, LOCALE_DIR, _, either, join, language, ngettext

#: Follows each double-width character while click wraps a text, so that click's length
#: counts it twice; :meth:`WidthFormatter.write` removes it again.
_PAD = "\x00"
#: click's help text of ``--help`` (its own msgid, translated when help is shown).
_HELP = "Show this message and exit."


@contextmanager
def click_language() -> Iterator[None]:
    """Within the block, click's own messages come from studykit's catalog in studykit's language.

    Sets the global text domain (:func:`gettext.textdomain`, bound to ``studykit/locale``) and
    the ``LANGUAGE`` variable, and restores both on leaving (also on ``SystemExit``).
    """
    domain = gettext.textdomain()
    before = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language()
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if before is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = before


def help_text(text: str | None) -> str:
    """A help text as click shows it (docstring indentation removed, cut at a form feed): its msgid."""
    return inspect.cleandoc(text).partition("\f")[0] if text else ""


def first_sentence(text: str) -> str:
    """The first sentence of a help's first paragraph, spaces collapsed — click's short help
    before it is shortened to fit (a period ends a sentence unless a lowercase word follows)."""
    words = text.partition("\n\n")[0].split()
    if words and words[0] == "\b":
        words = words[1:]
    for i, word in enumerate(words):
        if word.endswith(".") and (i == len(words) - 1 or not words[i + 1][0].islower()):
            return " ".join(words[: i + 1])
    return " ".join(words)


def _metavar(param: click.Parameter, ctx: click.Context) -> str | None:
    """The parameter's metavar as click shows it, or ``None`` for a flag (which shows none)."""
    if isinstance(param, click.Option) and (param.is_flag or param.count):
        return None
    return param.make_metavar(ctx)


def _choices(param: click.Parameter) -> bool:
    """Whether the metavar lists values to type (``[md|html|docx]``), which stay as they are."""
    return isinstance(param.type, click.Choice) and param.metavar is None


def _translated_param(param: click.Parameter, ctx: click.Context) -> click.Parameter:
    twin = copy.copy(param)
    help = getattr(param, "help", None)
    if help:
        twin.help = _(help)
    metavar = _metavar(param, ctx)
    if metavar is not None and not _choices(param):
        twin.metavar = _(metavar)
    return twin


#: Punctuation that never starts a line, and that never ends one (the Chinese line-breaking rules, 禁则).
_NO_LINE_START = frozenset("，。、；：？！）》」』”’…%,.;:?!)]")
_NO_LINE_END = frozenset("（《「『“‘([")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _padded(text: str) -> str:
    """``text`` with :data:`_PAD` after each wide character, so that click's ``len`` counts it twice."""
    return "".join(c + _PAD if _wide(c) else c for c in text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide (Chinese) character, else one."""
    return sum(2 if _wide(c) else 1 for c in text)


def _units(text: str) -> list[str]:
    """``text`` cut where a line may break: between Chinese characters and at spaces, never inside
    a Latin word or option (``--seed``), never before closing or after opening punctuation."""
    units: list[str] = []
    glue = False  # the previous unit was opening punctuation: the next one joins it
    for char in text:
        space = char.isspace()
        if units and not space and not units[-1].isspace() and (char in _NO_LINE_START or glue):
            units[-1] += char
        elif units and not space and not _wide(char) and not units[-1].isspace() and not _wide(units[-1][-1]):
            units[-1] += char  # a Latin word goes on
        elif units and space and units[-1].isspace():
            continue
        else:
            units.append(" " if space else char)
        glue = char in _NO_LINE_END
    return units


def wrap_width(text: str, width: int) -> list[str]:
    """One paragraph wrapped into lines of at most ``width`` columns (a unit wider than that alone)."""
    lines: list[str] = []
    line, used = "", 0
    for unit in _units(text):
        if unit == " ":
            if line:
                line, used = line + " ", used + 1
            continue
        size = display_width(unit)
        if line and used + size > width:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + unit, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _chinese_extra(help: str) -> str:
    """``help`` with the items of click's bracket at its end (``[默认：1; 1<=x<=26]``) separated by a
    full-width semicolon, as in the Chinese text before it, and no space after a closing 。 or ）."""
    text, bracket, extra = help.rpartition("  [")
    if not bracket or not extra.endswith("]"):
        return help
    gap = "" if text.endswith(("。", "）")) else "  "  # 。[必填], not 。 [必填]
    return f"{text}{gap}[{extra.replace('; ', '；')}"


class WidthFormatter(click.HelpFormatter):
    """click's help formatter, wrapping by display width (a Chinese character is two columns) and
    breaking lines between Chinese characters; a ``\\b`` paragraph stays as written."""

    def _wrap(self, text: str, width: int) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n\n"):
            if lines:
                lines.append("")
            if paragraph.startswith("\b\n"):
                lines.extend(paragraph[2:].splitlines())
            else:
                lines.extend(wrap_width(" ".join(paragraph.split()), width))
        return lines

    def write(self, string: str) -> None:
        super().write(string.replace(_PAD, ""))

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            usage = gettext.gettext("Usage:")  # click's own msgid
            prefix = usage if usage.endswith("：") else f"{usage} "  # a full-width colon needs no space
        super().write_usage(_padded(prog), _padded(args), _padded(prefix))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")  # 选项：, not 选项:

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        self.write("".join(f"{indent}{line}\n" if line else "\n" for line in self._wrap(text, width)))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        # click's "[default: 1; 1<=x<=26]" after an option's help: 默认：1；1<=x<=26 in Chinese
        rows = [(first, _chinese_extra(second)) for first, second in rows]
        first_col = min(max((display_width(first) for first, _second in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = self._wrap(second, max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


class _MissingInChinese(click.MissingParameter):
    """click's missing-parameter error ending in a full stop 。 (click writes ``'--key'.``)."""

    def format_message(self) -> str:
        return super().format_message().replace("'.", "'。", 1)


def _did_you_mean(message: str, possibilities: list[str] | None) -> str:
    """click's "No such option/command" ``message`` with its suggestion, in Chinese: no space after
    the full stop 。 and the close names joined as alternatives ('--count' 或 '--output'), not with ", "."""
    if not possibilities:
        return message
    names = either(repr(p) for p in sorted(possibilities))
    hint = ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", len(possibilities))
    return message + hint.format(possibility=names, possibilities=names)


def _choices_in_chinese(message: str, param: click.Parameter | None) -> str:
    """click's "'pdf' is not one of 'md', 'html'." with the choices joined by 、 (the list separator)."""
    if param is None or not isinstance(param.type, click.Choice):
        return message
    choices = [repr(c) for c in param.type.choices]
    return message.replace(", ".join(choices), join(choices), 1)


class TranslatedContext(click.Context):
    """A context whose help formatter wraps Chinese by display width (English: click's formatter)."""

    def make_formatter(self) -> click.HelpFormatter:
        if language() == "en":
            return super().make_formatter()
        return WidthFormatter(width=self.terminal_width, max_width=self.max_content_width)


class TranslatedHelp(click.Command):
    """Help in the interface language: every text shown in ``--help`` goes through ``_()``.

    The command object keeps its English texts; a shallow twin with translated texts formats
    the help and usage, so parsing never sees a translated parameter.
    """

    context_class = TranslatedContext
    #: Whether this is the translated twin that formats help (its --help option is translated too).
    _shown = False

    def _twin(self, ctx: click.Context) -> TranslatedHelp:
        twin = copy.copy(self)
        twin._shown = True
        twin.help = _(help_text(self.help)) if self.help else self.help
        twin.epilog = _(help_text(self.epilog)) if self.epilog else self.epilog
        if self.options_metavar:
            twin.options_metavar = _(self.options_metavar)
        if isinstance(twin, click.Group):
            twin.subcommand_metavar = _(twin.subcommand_metavar)
        twin.params = [_translated_param(p, ctx) for p in self.params]
        return twin

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super(TranslatedHelp, self._twin(ctx)).format_help(ctx, formatter)

    def get_usage(self, ctx: click.Context) -> str:
        return str(super(TranslatedHelp, self._twin(ctx)).get_usage(ctx))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's parsing; a missing argument is named by its translated metavar (缺少参数 '答卷...')."""
        try:
            return super().parse_args(ctx, args)
        except click.MissingParameter as exc:
            if language() == "en":
                raise
            param = _translated_param(exc.param, ctx) if exc.param is not None else None
            raise _MissingInChinese(exc.message or None, exc.ctx, param, exc.param_hint, exc.param_type) from None
        except click.NoSuchOption as exc:
            if language() == "en" or not exc.possibilities:
                raise
            raise click.NoSuchOption(
                exc.option_name, _did_you_mean(exc.message, exc.possibilities), None, exc.ctx
            ) from None
        except click.BadParameter as exc:
            if language() == "en":
                raise
            path = exc.param.type if exc.param is not None else None
            message = _choices_in_chinese(exc.message, exc.param)
            if isinstance(path, click.Path) and path.name:
                # click names the path kind ("File 'x' is a directory.") in the language of import time
                message = message.replace(path.name.title(), gettext.gettext(path.name), 1)
            # an argument is named by its metavar, translated as on the usage line ('文章', not 'ARTICLE')
            param = _translated_param(exc.param, ctx) if exc.param is not None else None
            raise click.BadParameter(message, exc.ctx, param, exc.param_hint) from None

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's help option, its help kept as click's English msgid: click creates it lazily,
        translated into the language of that moment, and keeps it for later runs."""
        option = super().get_help_option(ctx)
        if option is None:
            return None
        option.help = _HELP
        return _translated_param(option, ctx) if self._shown else option  # type: ignore[return-value]

    def get_short_help_str(self, limit: int = 45) -> str:
        english = inspect.cleandoc(self.short_help) if self.short_help else first_sentence(self.help or "")
        translated = _(english)
        if translated == english:  # English (or no translation): click's own, shortened to the limit
            return super().get_short_help_str(limit)
        return translated


class TranslatedGroup(TranslatedHelp, click.Group):
    """A group whose help, and whose commands' help, is shown in the interface language."""

    command_class = TranslatedHelp

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's; an unknown command's suggestion reads as Chinese (没有命令 'qiuz'。是不是要用 'quiz'？)."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            # click.NoSuchCommand (click 8.4+; before, click suggested no command)
            possibilities = getattr(exc, "possibilities", None)
            if language() == "en" or not possibilities:
                raise
            raise click.UsageError(_did_you_mean(exc.message, possibilities), exc.ctx) from None


def help_messages(command: click.Command, ctx: click.Context | None = None) -> Iterator[tuple[str, str]]:
    """Every help msgid the command tree under ``command`` can show, as ``(msgid, where)``
    pairs: ``where`` names the command and parameter (for the catalog's comments)."""
    # with the command's own context settings: click caches each command's help option from the first
    # context it meets, and one without help_option_names would drop -h from every later --help
    ctx = ctx or click.Context(command, info_name=command.name, **command.context_settings)
    path = ctx.command_path
    if command.help:
        yield help_text(command.help), f"{path}: help"
        yield first_sentence(command.help), f"{path}: short help"
    if command.short_help:
        yield inspect.cleandoc(command.short_help), f"{path}: short help"
    if command.epilog:
        yield help_text(command.epilog), f"{path}: epilog"
    if command.options_metavar:
        yield command.options_metavar, f"{path}: usage"
    if isinstance(command, click.Group):
        yield command.subcommand_metavar, f"{path}: usage"
    for param in command.get_params(ctx):
        name = param.opts[-1] if isinstance(param, click.Option) else (param.name or "")
        help = getattr(param, "help", None)
        if help:
            yield help, f"{path} {name}: help"
        metavar = _metavar(param, ctx)
        if metavar is not None and not _choices(param):
            yield metavar, f"{path} {name}: metavar"
    if isinstance(command, click.Group):
        for sub in command.list_commands(ctx):
            child = command.get_command(ctx, sub)
            if child is not None and not child.hidden:
                yield from help_messages(child, click.Context(child, info_name=sub, parent=ctx))
