"""One paper model, three renderers: Markdown, HTML and DOCX (and the handout in the same three).

Each renderer turns a :class:`~studykit.quiz.Paper` into a document: the paper
itself, or with ``solutions=True`` the 参考答案 (answer, 解析 and 出处 per item).
:func:`quiz_files` renders everything one quiz writes, keyed by path::

    quiz.md  quiz.key.yaml  quiz.solutions.md  quiz.answers.txt
    # with versions: quiz-A.md  quiz-A.key.yaml  …  quiz-B.answers.txt
    # in HTML and DOCX also the printable answer card (答题卡): quiz.card.html

Renderer modules are imported only when used (python-docx is slow to import).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from ..errors import StudykitError
from ..handout import Handout
from ..i18n import _
from ..key import dump_key, render_answer_sheet
from ..quiz import Paper

Format = Literal["md", "html", "docx"]
#: Format name → file extension.
FORMATS: dict[str, str] = {"md": ".md", "html": ".html", "docx": ".docx"}
#: File extensions that name a format in ``-o``.
SUFFIX_FORMATS: dict[str, str] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
DEFAULT_OUTPUT = Path("quiz.md")
#: Formats with a printable answer card (答题卡), written as ``<stem>.card.<ext>``.
CARD_FORMATS = ("html", "docx")
#: A suffix that looks like a file format's extension (``.pdf``, ``.doc``, ``.txt``): ASCII, starting
#: with a letter, at most 5 characters.  ``-o`` ending in one studykit does not write is refused;
#: other dots (``2024.10测验``, ``第1.5期``) are part of the name.
_EXTENSION_RE = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}")
#: Where ``studykit handout`` writes without ``-o``.
HANDOUT_OUTPUT = Path("handout.md")


def render(paper: Paper, fmt: str, *, solutions: bool = False) -> bytes:
    """``paper`` (or its solutions) in format ``fmt`` (``md``, ``html``, ``docx``) as bytes (text in UTF-8)."""
    if fmt not in FORMATS:
        raise StudykitError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = importlib.import_module(f".{'markdown' if fmt == 'md' else fmt}", __name__)
    result = module.render(paper, solutions=solutions)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def render_card(paper: Paper, fmt: str) -> bytes:
    """The printable answer card (答题卡) of ``paper`` in format ``fmt`` (``html`` or ``docx``)
    as bytes (text in UTF-8).  Raises :class:`~studykit.errors.StudykitError` for another format."""
    if fmt not in CARD_FORMATS:
        raise StudykitError(
            _("no answer card in format {fmt!r} (expected one of: {formats})").format(
                fmt=fmt, formats=", ".join(CARD_FORMATS)
            )
        )
    result = importlib.import_module(f".{fmt}", __name__).render_card(paper)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def render_handout(handout: Handout, fmt: str) -> bytes:
    """The review handout (学习要点) in format ``fmt`` (``md``, ``html``, ``docx``) as bytes (text in UTF-8)."""
    if fmt not in FORMATS:
        raise StudykitError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    module = importlib.import_module(f".{'markdown' if fmt == 'md' else fmt}", __name__)
    result = module.render_handout(handout)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def output_target(path: Path | None, fmt: str | None, default: Path = DEFAULT_OUTPUT) -> tuple[Path, str]:
    """The document's path and format from ``-o`` and ``--format``.

    ``-o`` ending in a format's extension (``.md``, ``.markdown``, ``.html``, ``.htm``,
    ``.docx``) sets the format; a name without an extension (``2024.10测验``) gets the
    format's extension added (``md`` by default).  No path: ``default`` (``quiz``) with the
    format's extension.  Raises :class:`~studykit.errors.StudykitError` when ``-o`` and
    ``--format`` disagree, ``-o`` has no file name, or ``-o`` ends in another format's
    extension (``测验.pdf``), listing the supported ones.
    """
    if path is not None and path.name in ("", ".", ".."):
        raise StudykitError(f"output {str(path)!r} is not a file name")
    if path is None:
        fmt = fmt or "md"
        return default.with_suffix(FORMATS[fmt]), fmt
    named = SUFFIX_FORMATS.get(path.suffix.lower())
    if named is None and _EXTENSION_RE.fullmatch(path.suffix):
        raise StudykitError(
            _("output {path}: studykit does not write {suffix} files (supported: {formats})").format(
                path=path, suffix=path.suffix, formats=", ".join(SUFFIX_FORMATS)
            )
        )
    if named is None:
        fmt = fmt or "md"
        return path.with_name(path.name + FORMATS[fmt]), fmt
    if fmt is not None and fmt != named:
        raise StudykitError(f"output {path} is a .{named} name but --format is {fmt} (make them agree)")
    return path, named


def paper_stem(path: Path, paper: Paper) -> Path:
    """``quiz.md`` → ``quiz`` for an unlettered paper, ``quiz-A`` for version A (same folder)."""
    stem = path.with_suffix("")
    return stem.with_name(f"{stem.name}-{paper.version}") if paper.version else stem


def quiz_files(papers: Sequence[Paper], path: Path, fmt: str) -> dict[Path, bytes]:
    """Every file of a quiz, rendered: per paper the paper, key, solutions and answer sheet,
    and in HTML and DOCX the printable answer card (答题卡).

    ``path`` is the paper's path as from :func:`output_target`; the other files
    sit beside it with the same stem (``<stem>.key.yaml``, ``<stem>.solutions.<ext>``,
    ``<stem>.answers.txt``, ``<stem>.card.<ext>``).  Nothing is written.
    """
    ext = path.suffix
    files: dict[Path, bytes] = {}
    for paper in papers:
        stem = paper_stem(path, paper)
        key = paper.key()
        files[stem.with_name(stem.name + ext)] = render(paper, fmt)
        files[stem.with_name(stem.name + ".key.yaml")] = dump_key(key).encode("utf-8")
        files[stem.with_name(stem.name + ".solutions" + ext)] = render(paper, fmt, solutions=True)
        files[stem.with_name(stem.name + ".answers.txt")] = render_answer_sheet(key).encode("utf-8")
        if fmt in CARD_FORMATS:
            files[stem.with_name(stem.name + ".card" + ext)] = render_card(paper, fmt)
    return files
