"""One paper model, three renderers: Markdown, HTML and DOCX (and the handout in the same three);
four more publish the same paper where branches take quizzes online.

Each renderer turns a :class:`~studykit.quiz.Paper` into a document: the paper
itself, or with ``solutions=True`` the 参考答案 (answer, 解析 and 出处 per item).
:func:`quiz_files` renders everything one quiz writes, keyed by path::

    quiz.md  quiz.key.yaml  quiz.solutions.md  quiz.answers.txt
    # with versions: quiz-A.md  quiz-A.key.yaml  …  quiz-B.answers.txt
    # in HTML and DOCX also the printable answer card (答题卡): quiz.card.html

The publish formats (:data:`PUBLISH_FORMATS`, ``quiz`` only) write the platform's import
file and the answer key, which grades the platform's result download::

    quiz.tencent.txt  quiz.key.yaml            # 腾讯问卷 (answers and points inside)
    quiz.wjx.txt  quiz.wjx-answers.txt  quiz.key.yaml   # 问卷星 (+ the answers to set)
    quiz.gift  quiz.key.yaml                   # Moodle GIFT
    quiz.xml  quiz.key.yaml                    # Moodle XML

Renderer modules are imported only when used (python-docx is slow to import).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from ..errors import StudykitError
from ..handout import Handout
from ..i18n import _, join
from ..key import dump_key, render_answer_sheet
from ..quiz import Paper

Format = Literal["md", "html", "docx"]
#: Format name → file extension.
FORMATS: dict[str, str] = {"md": ".md", "html": ".html", "docx": ".docx"}
#: File extensions that name a format in ``-o``.
SUFFIX_FORMATS: dict[str, str] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
#: Publish formats (``studykit quiz`` only) → file extension; the extension names the format in ``-o``.
PUBLISH_FORMATS: dict[str, str] = {
    "tencent": ".tencent.txt",
    "wjx": ".wjx.txt",
    "gift": ".gift",
    "moodle-xml": ".xml",
}
#: The file beside a 问卷星 paper that lists the answers and points to set after importing it.
WJX_ANSWERS_SUFFIX = ".wjx-answers.txt"
#: Format name → renderer module, where they differ.
_MODULES = {"md": "markdown", "moodle-xml": "moodle_xml"}
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
    """``paper`` (or its solutions) in format ``fmt`` (``md``, ``html``, ``docx``, or a publish
    format of :data:`PUBLISH_FORMATS`, which has no solutions document) as bytes (text in UTF-8)."""
    if fmt in PUBLISH_FORMATS and not solutions:
        return str(importlib.import_module(f".{_MODULES.get(fmt, fmt)}", __name__).render(paper)).encode("utf-8")
    if fmt not in FORMATS:
        known = join([*FORMATS, *PUBLISH_FORMATS]) if not solutions else join(FORMATS)
        raise StudykitError(_("unknown format {fmt!r} (expected one of: {known})").format(fmt=fmt, known=known))
    module = importlib.import_module(f".{_MODULES.get(fmt, fmt)}", __name__)
    result = module.render(paper, solutions=solutions)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def render_card(paper: Paper, fmt: str) -> bytes:
    """The printable answer card (答题卡) of ``paper`` in format ``fmt`` (``html`` or ``docx``)
    as bytes (text in UTF-8).  Raises :class:`~studykit.errors.StudykitError` for another format."""
    if fmt not in CARD_FORMATS:
        raise StudykitError(
            _("no answer card in format {fmt!r} (expected one of: {formats})").format(
                fmt=fmt, formats=join(CARD_FORMATS)
            )
        )
    result = importlib.import_module(f".{fmt}", __name__).render_card(paper)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def render_handout(handout: Handout, fmt: str) -> bytes:
    """The review handout (学习要点) in format ``fmt`` (``md``, ``html``, ``docx``) as bytes (text in UTF-8)."""
    if fmt not in FORMATS:
        raise StudykitError(_("unknown format {fmt!r} (expected one of: {known})").format(fmt=fmt, known=join(FORMATS)))
    module = importlib.import_module(f".{'markdown' if fmt == 'md' else fmt}", __name__)
    result = module.render_handout(handout)
    return result.encode("utf-8") if isinstance(result, str) else bytes(result)


def output_target(
    path: Path | None, fmt: str | None, default: Path = DEFAULT_OUTPUT, *, publish: bool = False
) -> tuple[Path, str]:
    """The document's path and format from ``-o`` and ``--format``.

    ``-o`` ending in a format's extension (``.md``, ``.markdown``, ``.html``, ``.htm``,
    ``.docx``; with ``publish``, also ``.tencent.txt``, ``.wjx.txt``, ``.gift``, ``.xml``)
    sets the format; a name without an extension (``2024.10测验``) gets the format's
    extension added (``md`` by default).  No path: ``default`` (``quiz``) with the
    format's extension.  Raises :class:`~studykit.errors.StudykitError` when ``-o`` and
    ``--format`` disagree, ``-o`` has no file name (or is an extension alone, ``.gift``), or ``-o`` ends in another format's
    extension (``测验.pdf``), listing the supported ones, and for a ``fmt`` it does not know.
    """
    if path is not None and path.name in ("", ".", ".."):
        raise StudykitError(_("output {path!r} is not a file name").format(path=str(path)))
    extensions = {**FORMATS, **PUBLISH_FORMATS} if publish else FORMATS
    if fmt is not None and fmt not in extensions:  # the library's callers pass any string
        raise StudykitError(
            _("unknown format {fmt!r} (expected one of: {known})").format(fmt=fmt, known=join(extensions))
        )
    if path is not None and path.name.lower() in {*SUFFIX_FORMATS, *(PUBLISH_FORMATS.values() if publish else ())}:
        # -o .gift: no name before the extension (it wrote hidden files .gift.md, …)
        raise StudykitError(
            _("output {path}: give a file name before {ext} (e.g. 测验{ext})").format(path=path, ext=path.name)
        )
    if path is None:
        fmt = fmt or "md"
        return default.with_name(default.stem + extensions[fmt]), fmt
    named = _named_format(path.name, publish)
    if named is None and _EXTENSION_RE.fullmatch(path.suffix):
        supported = [*SUFFIX_FORMATS, *(PUBLISH_FORMATS.values() if publish else ())]
        raise StudykitError(
            _("output {path}: studykit does not write {suffix} files (supported: {formats})").format(
                path=path, suffix=path.suffix, formats=join(supported)
            )
        )
    if named is None:
        fmt = fmt or "md"
        return path.with_name(path.name + extensions[fmt]), fmt
    if fmt is not None and fmt != named:
        if named in PUBLISH_FORMATS:
            raise StudykitError(
                _("output {path} is a {named} name ({ext}) but --format is {fmt} (make them agree)").format(
                    path=path, named=named, ext=PUBLISH_FORMATS[named], fmt=fmt
                )
            )
        raise StudykitError(
            _("output {path} is a .{named} name but --format is {fmt} (make them agree)").format(
                path=path, named=named, fmt=fmt
            )
        )
    return path, named


def _named_format(name: str, publish: bool) -> str | None:
    """The format a file name's extension names (``quiz.wjx.txt`` → ``wjx``), or ``None``."""
    lowered = name.lower()
    if publish:
        for fmt, ext in PUBLISH_FORMATS.items():
            if lowered.endswith(ext) and len(lowered) > len(ext):
                return fmt
    return SUFFIX_FORMATS.get(Path(lowered).suffix)


def paper_stem(path: Path, paper: Paper, ext: str | None = None) -> Path:
    """``quiz.md`` → ``quiz`` for an unlettered paper, ``quiz-A`` for version A (same folder);
    ``ext`` is the extension to take off (default: the last suffix; ``.wjx.txt`` takes two)."""
    stem = path.with_name(path.name[: -len(ext)]) if ext and path.name.endswith(ext) else path.with_suffix("")
    return stem.with_name(f"{stem.name}-{paper.version}") if paper.version else stem


def quiz_files(papers: Sequence[Paper], path: Path, fmt: str) -> dict[Path, bytes]:
    """Every file of a quiz, rendered: per paper the paper, key, solutions and answer sheet,
    and in HTML and DOCX the printable answer card (答题卡).

    ``path`` is the paper's path as from :func:`output_target`; the other files
    sit beside it with the same stem (``<stem>.key.yaml``, ``<stem>.solutions.<ext>``,
    ``<stem>.answers.txt``, ``<stem>.card.<ext>``).  A publish format (:data:`PUBLISH_FORMATS`)
    writes per paper the import file and the key, and for ``wjx`` the answers to set
    (:data:`WJX_ANSWERS_SUFFIX`).  Nothing is written.
    """
    if fmt in PUBLISH_FORMATS:
        return _publish_files(papers, path, fmt)
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


#: The ``quiz_id`` line of a key file as :func:`~studykit.key.dump_key` writes it (quoted or not).
_QUIZ_ID_RE = re.compile(r"^quiz_id: *['\"]?([^'\"\r\n]+?)['\"]? *$", re.MULTILINE)
#: The seed inside a quiz id ``<bank id>-<seed>-<8 hex>``.
_SEED_RE = re.compile(r"-(\d+)-[0-9a-f]{8}$")


def replaced_keys(files: Iterable[Path], quiz_id: str) -> list[str]:
    """Warnings, one per ``*.key.yaml`` among ``files`` that exists and holds the key of a quiz
    other than ``quiz_id``: writing replaces it, and the papers of that quiz already handed
    out could no longer be graded.  Each names the file, the old quiz id and its seed::

        warning: quiz.key.yaml held the key of quiz mini-test-1-adbc7d2c and is replaced; to grade
        that quiz, make its key again with --seed 1 and the options it was made with

    Only the file's first 4 KiB are read; a file that cannot be read or shows no quiz id is
    passed over (it is not a key this warning is about)."""
    warnings: list[str] = []
    for path in files:
        if not path.name.endswith(".key.yaml"):
            continue
        try:
            if not path.is_file():  # a FIFO in the key's place must not hang quiz (the writer refuses it)
                continue
            with path.open("rb") as handle:
                head = handle.read(4096).decode("utf-8", "replace")
        except OSError:
            continue
        found = _QUIZ_ID_RE.search(head)
        if found is None or found.group(1) == quiz_id:
            continue
        old = found.group(1)
        seed = _SEED_RE.search(old)
        how = (
            _("make its key again with --seed {seed} and the options it was made with").format(seed=seed.group(1))
            if seed
            else _("make its key again with the seed and options it was made with")
        )
        warnings.append(
            _("warning: {path} held the key of quiz {old} and is replaced; to grade that quiz, {how}").format(
                path=path, old=old, how=how
            )
        )
    return warnings


def _publish_files(papers: Sequence[Paper], path: Path, fmt: str) -> dict[Path, bytes]:
    """Per paper: the platform's import file, the key and (问卷星) the answers to set."""
    ext = PUBLISH_FORMATS[fmt]
    # -o quiz.WJX.txt keeps the name as typed; the other files take the stem before it
    typed = path.name[-len(ext) :] if path.name.lower().endswith(ext) else ext
    files: dict[Path, bytes] = {}
    for paper in papers:
        stem = paper_stem(path, paper, typed)
        files[stem.with_name(stem.name + typed)] = render(paper, fmt)
        if fmt == "wjx":
            from .wjx import render_answers

            files[stem.with_name(stem.name + WJX_ANSWERS_SUFFIX)] = render_answers(paper).encode("utf-8")
        files[stem.with_name(stem.name + ".key.yaml")] = dump_key(paper.key()).encode("utf-8")
    return files
