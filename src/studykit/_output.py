"""Writing a command's output files all-or-nothing.

Each file is first written in full to a temporary file in its own folder, and
only when every file is written are they moved into place with
:func:`os.replace` (atomic on one file system).  A failure removes the
temporaries, so no half-written or partial set of outputs is left behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import StudykitError


def write_files(files: Mapping[Path, bytes]) -> None:
    """Write ``files`` (path → content) atomically, creating missing folders.

    New files get the usual permissions (0666 less the umask).  Raises
    :class:`~studykit.errors.StudykitError` naming the path when a file cannot be written.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                staged.append((temp, path))
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise StudykitError(f"cannot write {path}: {exc.strerror or exc}") from None
        for temp, path in staged:
            try:
                os.replace(temp, path)
            except OSError as exc:
                raise StudykitError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)


def same_file(a: Path, b: Path) -> bool:
    """Whether paths ``a`` and ``b`` name one file: :func:`os.path.samefile` when both
    exist (hard links, symlinks, case-insensitive file systems), else equal resolved paths."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def refuse_overwrite(output: Path, inputs: Iterable[Path], what: str = "an input file") -> None:
    """Raise :class:`~studykit.errors.StudykitError` when ``output`` is one of ``inputs``
    (see :func:`same_file`), so writing it would destroy what was read."""
    for path in inputs:
        if same_file(output, path):
            raise StudykitError(f"-o {output} is {what} ({path}); refusing to overwrite it — choose another path")
