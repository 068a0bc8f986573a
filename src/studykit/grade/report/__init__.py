"""Grade reports: text (terminal), CSV (one row per member), JSON (every detail), HTML.

Each renderer takes a :class:`~studykit.grade.group.GroupReport` and returns
text (:func:`render_report`) or writes it, UTF-8 encoded and a chunk of members at a
time, to a binary stream (:func:`stream_report`);
:func:`save_report` streams it to a file atomically (:func:`report_writer` gives the
function streaming it, to write it with other files), :func:`write_report` writes
rendered text atomically (both: CSV as UTF-8 with BOM so Excel opens it, the rest
as UTF-8).
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO

from ...errors import OptionError
from ...i18n import _
from ..group import GroupReport

FORMATS = ("text", "csv", "json", "html")
#: Output suffix → format, for ``-o`` without ``--format``.
SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}


def render_report(report: GroupReport, fmt: str = "text") -> str:
    """``report`` as ``fmt`` (one of :data:`FORMATS`); raises :class:`~studykit.errors.OptionError` for another."""
    from ..._gc import gc_paused

    with gc_paused():
        return _render(report, fmt)


def _render(report: GroupReport, fmt: str) -> str:
    if fmt == "text":
        from .text import render_text

        return render_text(report)
    if fmt == "csv":
        from .csv import render_csv

        return render_csv(report)
    if fmt == "json":
        from .json import render_json

        return render_json(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    raise OptionError(
        _("unknown report format {fmt!r} (expected one of {items})").format(fmt=fmt, items=", ".join(FORMATS))
    )


def stream_report(report: GroupReport, fmt: str, stream: BinaryIO) -> None:
    """Write ``report`` as ``fmt`` to the binary ``stream``: the text :func:`render_report`
    returns, UTF-8 encoded (no BOM), without holding it all in memory (every format is
    written a chunk of members at a time).  Raises :class:`~studykit.errors.OptionError` for an unknown format."""
    from ..._gc import gc_paused

    with gc_paused():
        if fmt == "json":
            from .json import write_json

            write_json(report, stream)
            return
        if fmt == "text":
            from .text import stream_text

            stream_text(report, stream)
            return
        if fmt == "html":
            from .html import stream_html

            stream_html(report, stream)
            return
        write = _text_writer(fmt)
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        try:
            write(report, text)
            text.flush()
        finally:
            text.detach()


def _text_writer(fmt: str) -> Callable[[GroupReport, TextIO], None]:
    """The function writing ``fmt`` (other than JSON) to a text stream; ``OptionError`` for an unknown format."""
    if fmt == "text":
        from .text import write_text

        return write_text
    if fmt == "csv":
        from .csv import write_csv

        return write_csv
    if fmt == "html":
        from .html import write_html

        return write_html
    raise OptionError(
        _("unknown report format {fmt!r} (expected one of {items})").format(fmt=fmt, items=", ".join(FORMATS))
    )


def report_writer(report: GroupReport, fmt: str) -> Callable[[BinaryIO], None]:
    """The function writing ``report`` as ``fmt`` to a binary stream as :func:`save_report`
    writes the file (streamed; CSV with a UTF-8 BOM): a content for
    :func:`studykit._output.write_files`, to write the report in one all-or-nothing set
    with other files (``studykit grade --review-decks``).  Raises :class:`~studykit.errors.OptionError` for an
    unknown format."""
    if fmt not in FORMATS:
        raise OptionError(
            _("unknown report format {fmt!r} (expected one of {items})").format(fmt=fmt, items=", ".join(FORMATS))
        )

    def write(stream: BinaryIO) -> None:
        if fmt == "csv":
            stream.write(codecs.BOM_UTF8)
        stream_report(report, fmt, stream)

    return write


def save_report(report: GroupReport, path: str | Path, fmt: str) -> None:
    """Write ``report`` as ``fmt`` to ``path`` atomically and streamed, through
    :func:`studykit._output.write_files` (a temporary file in the same folder, then
    ``os.replace``; no partial file on failure).  CSV gets a UTF-8 BOM.  Raises
    :class:`~studykit.errors.OptionError` for an unknown format (before writing anything) and
    :class:`~studykit.errors.StudykitError` naming ``path`` when it cannot be written.

    It writes where it is told: keeping the report off the answer files, the key and the
    bank is :func:`studykit.workflows.grade_to_files`' policy (``studykit grade -o``)."""
    from ..._output import write_files

    write_files({Path(path): report_writer(report, fmt)})


def format_for(path: Path | None, fmt: str | None) -> str:
    """The report format: ``fmt`` if given, else from ``path``'s suffix, else ``"text"``."""
    if fmt:
        return fmt
    return SUFFIX_FORMATS.get(path.suffix.lower(), "text") if path is not None else "text"


#: A suffix naming a file type (``.xlsx``, ``.out``), not the dots of a date (``成绩.2024.10.17``).
_TYPE_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]*")
#: Where a suffix grade does not write has a report that opens in the same program.
_INSTEAD = {".xlsx": (".csv", "Excel"), ".xls": (".csv", "Excel")}


def output_format(path: Path | None, fmt: str | None) -> str:
    """The format of the report written to ``path`` (``None``: stdout) with ``--format fmt``.

    ``path`` ending in a report suffix (:data:`SUFFIX_FORMATS`: ``.txt``, ``.csv``,
    ``.json``, ``.html``, ``.htm``, any case) sets the format, which ``fmt`` must agree
    with; a name without a file-type suffix (``report``, ``成绩.2024.10.17``) takes
    ``fmt``, else text.  Raises :class:`~studykit.errors.OptionError` for a ``fmt`` not in
    :data:`FORMATS`, and saying what to change when ``path``'s
    suffix names another format than ``fmt`` or is one grade does not write (``.xlsx``:
    a text report there would not open in Excel)."""
    if fmt is not None and fmt not in FORMATS:
        raise OptionError(
            _("unknown report format {fmt!r} (expected one of {items})").format(fmt=fmt, items=", ".join(FORMATS))
        )
    suffix = path.suffix.lower() if path is not None else ""
    if path is None or not _TYPE_SUFFIX.fullmatch(suffix):
        return fmt or "text"
    named = SUFFIX_FORMATS.get(suffix)
    if named is None:
        instead = _INSTEAD.get(suffix)
        hint = (
            _(" ({name} opens in {program})").format(name=path.with_suffix(instead[0]).name, program=instead[1])
            if instead
            else ""
        )
        raise OptionError(
            _("output {path}: grade writes .txt, .csv, .json or .html (.htm) reports, not {suffix}{hint}").format(
                path=path, suffix=suffix, hint=hint
            )
        )
    if fmt is not None and fmt != named:
        raise OptionError(
            _("output {path} is a {suffix} name but --format is {format} (make them agree)").format(
                path=path, suffix=suffix, format=fmt
            )
        )
    return named


def write_report(text: str, path: str | Path, fmt: str) -> None:
    """Write ``text`` to ``path`` atomically (:func:`studykit._output.write_files`: a temporary file
    in the same folder, created if missing, then ``os.replace``).  CSV gets a UTF-8 BOM.  Raises
    :class:`~studykit.errors.StudykitError` naming ``path`` when it cannot be written."""
    from ..._output import write_files

    write_files({Path(path): text.encode("utf-8-sig" if fmt == "csv" else "utf-8")})
