"""The command group and the CLI's plumbing: errors to ``Error: …``, warnings to stderr, the
report streamed to stdout, the progress bar and option mistakes found by the library."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import click

from .._clihelp import TranslatedGroup, click_language
from ..errors import OptionError, StudykitError
from ..i18n import _, os_reason


class StudykitGroup(TranslatedGroup):
    """A group that turns :class:`StudykitError` into ``Error: …`` and exit 1, with click's
    messages and every help text in the interface language (``错误：…`` in Chinese)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # a file name that is not UTF-8 (a GBK name unzipped on Linux) is shown escaped, as stderr
        # shows it ('\udcb3\udca4.md'), not a UnicodeEncodeError traceback after the files are written
        if getattr(sys.stdout, "errors", None) == "strict":
            with contextlib.suppress(AttributeError, ValueError):
                sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
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
            _drop_stdout()  # what is still buffered would fail again, with a traceback, at exit
            raise click.ClickException(_("cannot write the output: {reason}").format(reason=os_reason(exc))) from None


#: A full disk, a quota, a file too large, an I/O error: file outputs report them through
#: StudykitError, so here they come from writing to the standard output.
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def _drop_stdout() -> None:
    """Point the standard output at the null device (the recipe of Python's signal docs for EPIPE)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def warn(line: str) -> None:
    """A warning or note line, on stderr."""
    click.echo(line, err=True)


def stream_to_stdout(write: Callable[[BinaryIO], None]) -> None:
    """Run ``write`` on the binary standard output (UTF-8 bytes) and flush it.  A reader that
    stops early (``| head``) ends the command quietly with exit code 1, without a traceback."""
    if sys.stdout is None:  # started with its standard output closed (`>&-`): the report would be lost
        raise click.ClickException(_("cannot write the report: the standard output is closed (give -o FILE)"))
    sys.stdout.flush()  # what was echoed before comes first
    out = sys.stdout.buffer
    try:
        write(out)
        out.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):  # no more writes to the closed pipe at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


@contextlib.contextmanager
def progress(n: int, label: str) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on a terminal's stderr for more than 20 files: the callback to call per file
    (``None`` when no bar is shown)."""
    if not (sys.stderr.isatty() and n > 20):
        yield None
        return
    with click.progressbar(length=n, label=label, file=sys.stderr) as bar:
        yield lambda _file: bar.update(1)


@contextlib.contextmanager
def usage_errors() -> Iterator[None]:
    """An :class:`~studykit.errors.OptionError` of the library (e.g. ``-o`` and ``--format`` that
    disagree) as a usage error: the command's usage, the message and exit 2."""
    try:
        yield
    except OptionError as exc:
        raise click.UsageError(str(exc), ctx=click.get_current_context()) from None
