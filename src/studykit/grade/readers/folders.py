"""The answer files a folder given to ``studykit grade`` holds, and the folders inside it that hold more."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from operator import attrgetter
from pathlib import Path

from ...errors import Problem
from ._common import (
    CSV_SUFFIXES,
    DOCX_SUFFIXES,
    SHEET_SUFFIXES,
    XLSX_SUFFIXES,
    YAML_SUFFIXES,
    unknown_kind_message,
)

#: What a folder given as ANSWERS is read for.
ANSWER_SUFFIXES = (*SHEET_SUFFIXES, *YAML_SUFFIXES, *CSV_SUFFIXES, *XLSX_SUFFIXES, *DOCX_SUFFIXES)


#: Files a member may send that grade cannot read (an old Word .doc, a PDF, a photo of the paper card):
#: inside a folder given as ANSWERS each is named in a warning rather than passed over without a word.
UNREADABLE_SUFFIXES = (".doc", ".wps", ".pdf", ".jpg", ".jpeg", ".png", ".heic", ".webp", ".bmp")


def is_answer_file(p: Path) -> bool:
    """Whether ``p``, inside a folder given as ANSWERS, is read: an answer file by its suffix, not an answer
    key, a question bank (``question_bank.yaml``), the 参考答案 ``studykit quiz`` wrote beside its key
    (``X.solutions.docx``; a Markdown file only when it is a sheet, see :func:`_paper_copy`; its paper and card are read: a blank one is left out with a warning, one
    filled and saved in place is graded), a hidden file or an Office lock file ``~$…``.  An old Excel ``.xls`` (a 问卷星 download) is read
    too, so that it fails by name (save it as .xlsx) instead of its members missing from the report."""
    return (
        p.suffix.lower() in (*ANSWER_SUFFIXES, ".xls")
        and not p.name.startswith((".", "~$"))
        and not p.name.lower().endswith(".key.yaml")
        and p.name.lower() != "question_bank.yaml"
        # the quiz's own 参考答案; its paper and card are read, as a member may fill and save them in place
        and not (p.name.lower().endswith(".solutions.docx") and _paper(p))
        # not is_file(): a FIFO, a link to a moved file or a loop of links fails by name (its member was
        # missing from the report without a word); only a folder is passed over
        and not p.is_dir()
        # a Markdown file: a sheet, not the quiz's own paper or 参考答案 beside its key (given by name, they are read)
        and (p.suffix.lower() != ".md" or not p.is_file() or (_paper_copy(p) and not _paper(p)))
    )


def _paper_copy(p: Path) -> bool:
    """Whether the Markdown file ``p`` is a sheet: its opening holds ``测验编号：``, ``测验：`` or ``姓名：`` (the
    paper ``studykit quiz`` wrote, or a member's own), not a README or notes left in the folder."""
    try:
        with open(p, "rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return True  # read, to fail by name
    return any(label in head for label in ("测验编号：", "测验：", "姓名："))


def in_name_order(paths: Iterable[Path]) -> list[Path]:
    """``paths`` in 汉语拼音 order of their names (:func:`~studykit.collation.name_key`: 李四 before 张三,
    党员2 before 党员10), as a roster or a file manager on a Chinese system lists them — not in the
    order of their character codes (张 U+5F20 before 李 U+674E)."""
    from ...collation import by_name  # only where a folder is read: not every command's import

    return by_name(paths, attrgetter("name"))


def unread_folders(folder: Path, given: set[str]) -> list[Path]:
    """The folders inside ``folder`` (not hidden, not given themselves) holding answer files at any depth
    (at most 10,000 entries looked at): a folder given as ANSWERS is read for its own files only."""
    found: list[Path] = []
    for inner in in_name_order(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if os.path.realpath(inner) in given:
            continue
        seen = 0
        for root, dirs, files in os.walk(inner):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            seen += len(dirs) + len(files)
            if any(is_answer_file(Path(root, f)) for f in files):
                found.append(inner)
                break
            if seen > 10_000:
                break
    return found


def unreadable_warnings(folder: Path, shown: Callable[[Path], str]) -> list[Problem]:
    """A warning naming each file directly in ``folder`` with an :data:`UNREADABLE_SUFFIXES` suffix (not
    hidden, not an Office lock file ``~$…``, not a paper quiz wrote there: ``X.docx``, ``X.card.docx`` or
    ``X.solutions.docx`` beside ``X.key.yaml``), in 拼音 order of their names (:func:`in_name_order`);
    ``shown`` gives a file's name as reports print it."""
    return [
        Problem(
            shown(p),
            0,
            "",
            unknown_kind_message(),
            "warning",
        )
        for p in in_name_order(folder.iterdir())
        if p.suffix.lower() in UNREADABLE_SUFFIXES and not p.name.startswith((".", "~$")) and p.is_file()
        if not _paper(p)
    ]


def _paper(p: Path) -> bool:
    """Whether ``p`` is a paper, card or solutions that ``studykit quiz`` wrote beside its answer key."""
    stem = p.stem.removesuffix(".card").removesuffix(".solutions")
    return p.with_name(f"{stem}.key.yaml").is_file()
