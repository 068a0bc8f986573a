"""The answer files a folder given to ``studykit grade`` holds, and the folders inside it that hold more."""

from __future__ import annotations

import os
from pathlib import Path

from ._common import CSV_SUFFIXES, DOCX_SUFFIXES, SHEET_SUFFIXES, XLSX_SUFFIXES, YAML_SUFFIXES

#: What a folder given as ANSWERS is read for.
ANSWER_SUFFIXES = (*SHEET_SUFFIXES, *YAML_SUFFIXES, *CSV_SUFFIXES, *XLSX_SUFFIXES, *DOCX_SUFFIXES)


def is_answer_file(p: Path) -> bool:
    """Whether ``p``, inside a folder given as ANSWERS, is read: an answer file by its suffix, not an answer
    key, a hidden file or an Office lock file ``~$…``."""
    return (
        p.suffix.lower() in ANSWER_SUFFIXES
        and not p.name.startswith((".", "~$"))
        and not p.name.lower().endswith(".key.yaml")
        and p.is_file()
    )


def unread_folders(folder: Path, given: set[str]) -> list[Path]:
    """The folders inside ``folder`` (not hidden, not given themselves) holding answer files at any depth
    (at most 10,000 entries looked at): a folder given as ANSWERS is read for its own files only."""
    found: list[Path] = []
    for inner in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
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
