"""Writing a command's output files all-or-nothing, as a set.

Every writer of studykit (quiz papers, Anki packages, review decks, the
handout, grade reports, the bank cache) goes through :func:`write_files`:

1. every target is checked first: an empty name, a folder where a file is to
   go, or something other than a regular file (a device such as ``/dev/null``, a
   pipe) is an error before anything is written; a symbolic link is followed, so
   the file it points to gets the content and the link stays;
2. every file is written in full to a temporary file in its own folder
   (created if missing); a failure removes every temporary file;
3. each existing target is hard-linked (else copied) to a backup name, then
   every temporary file is moved over its target with :func:`os.replace`
   (atomic on one file system); a failure part-way moves every backup back
   and removes the files that did not exist before;
4. the backups are removed.

So after an error each target holds exactly what it held before, and after
success each holds its new content: never half of one set and half of the other.

A process killed part-way (``kill -9``, a power cut of the terminal) runs no clean-up,
so before step 3 a *journal* naming every target, backup and temporary file is written
into each target's folder, and removed after the last move.  Temporary files, backups
and journals carry studykit's name and the writer's process id
(``.NAME.skPID-XXXXXXXX.tmp``/``.bak``, ``.studykit.PID-XXXXXXXX.journal``): the next
write into that folder (:func:`recover`) rolls back what a dead process's journal names
— each target gets its previous content back, or is removed if it was new — and
removes the dead process's leftovers.  Until then :func:`interrupted` names the journal,
and ``grade`` refuses a key in that folder (its set may be half old, half new).
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from .errors import StudykitError
from .i18n import _, os_reason

#: A file's content: the bytes, or a function that writes them to a binary stream
#: (for output too large to hold in memory, e.g. a 100,000-member grade report).
Content = bytes | Callable[[BinaryIO], None]


def write_files(files: Mapping[Path, Content]) -> None:
    """Write ``files`` (path → content) all-or-nothing, creating missing folders.

    New files get the usual permissions (0666 less the umask), a file replaced keeps
    its permission bits (a report locked to 0640 stays so), and a symbolic link is
    written through (its target gets the content).  Raises
    :class:`~studykit.errors.StudykitError` naming the path when a file cannot
    be written (the path names a folder, a device or a pipe, its folder cannot be
    created, the disk is full, …); then every target keeps its previous content,
    or stays absent.
    """
    for given in files:
        if Path(given).name in ("", ".", ".."):
            raise StudykitError(_("cannot write {path!r}: not a file name").format(path=str(given)))
        if os.path.islink(given) and not os.path.exists(given) and _loops(Path(given)):
            raise StudykitError(
                _("cannot write {path}: it is a symbolic link that leads back to itself").format(path=given)
            )
    targets = [Path(os.path.realpath(p)) if os.path.islink(p) else Path(p) for p in files]
    for given, path in zip(files, targets, strict=True):
        try:
            os.stat(path)  # is_dir() and exists() raise only some errors, e.g. not ENAMETOOLONG
        except FileNotFoundError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.ENOTDIR, errno.ELOOP):
                raise _error(Path(given), exc) from None
        if path.is_dir():
            raise StudykitError(_("cannot write {path}: it is a folder").format(path=given))
        if path.exists() and not path.is_file():
            raise StudykitError(
                _("cannot write {path}: it is not a regular file (a device or a pipe); give a file name").format(
                    path=given
                )
            )
        folder = next((p for p in path.parents if os.path.lexists(p)), None)
        if folder is not None and not folder.is_dir():
            raise StudykitError(
                _("cannot write {path}: {folder} is a file, not a folder").format(path=path, folder=folder)
            )
    folders = list(dict.fromkeys(path.parent for path in targets))
    for folder in folders:
        recover(folder)
    staged: dict[Path, Path] = {}  # target → its temporary file
    made: list[Path] = []  # every temporary file, named before it is created (see _write_temp)
    backups: dict[Path, Path | None] = {}  # target → its backup (None: it did not exist)
    replaced: list[Path] = []
    journals: list[Path] = []
    try:
        for path, data in zip(targets, files.values(), strict=True):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                staged[path] = _write_temp(path, data, made)
            except OSError as exc:
                raise _error(path, exc) from None
        for path in targets:
            try:
                backups[path] = _backup(path)
            except OSError as exc:
                raise _error(path, exc) from None
        try:
            journals = _write_journals(folders, [(path, backups[path], staged[path]) for path in targets])
        except OSError as exc:
            raise _error(targets[0], exc) from None
        for path in targets:
            try:
                os.replace(staged[path], path)
            except OSError as exc:
                raise _error(path, exc) from None
            replaced.append(path)
    except StudykitError as exc:
        lost = _restore(replaced, backups)
        if lost:
            kept = ", ".join(
                _("{path} (its previous content is in {backup})").format(path=path, backup=backup)
                for path, backup in lost
            )
            raise StudykitError(
                _("{message}; and could not restore {files}").format(message=exc.message, files=kept)
            ) from None
        raise
    finally:
        for temp in made:  # a replaced one is gone already; one an interrupt left is removed here
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        for journal in journals:
            with contextlib.suppress(OSError):
                journal.unlink(missing_ok=True)
    for backup in backups.values():
        if backup is not None:
            with contextlib.suppress(OSError):
                backup.unlink(missing_ok=True)


def _loops(path: Path) -> bool:
    """Whether following the symbolic link ``path`` never ends (ELOOP)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _error(path: Path, exc: OSError) -> StudykitError:
    return StudykitError(_("cannot write {path}: {reason}").format(path=path, reason=os_reason(exc)))


def _temp_name(path: Path, kind: str) -> Path:
    return path.with_name(f".{path.name}.sk{os.getpid()}-{os.urandom(4).hex()}.{kind}")


#: studykit's temporary files and backups, and its journals (see the module's description).
_LEFTOVER = re.compile(r"^\..+\.sk(\d+)-[0-9a-f]{8}\.(?:tmp|bak)$")
_JOURNAL = re.compile(r"^\.studykit\.(\d+)-[0-9a-f]{8}\.journal$")


def _dead(pid: int) -> bool:
    """Whether no process ``pid`` runs (on Windows, where ``os.kill`` would end it, never)."""
    if os.name == "nt" or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # PermissionError: it runs, as another user
        return False
    return False


def _write_journals(folders: list[Path], moves: list[tuple[Path, Path | None, Path]]) -> list[Path]:
    """A journal of ``moves`` (target, backup or ``None``, temporary file) written and synced
    into each of ``folders``; their paths."""
    name = f".studykit.{os.getpid()}-{os.urandom(4).hex()}.journal"
    entries = [[str(target), None if backup is None else str(backup), str(temp)] for target, backup, temp in moves]
    # ASCII escapes: a name that is not UTF-8 (a GBK name unzipped on Linux) is kept as its surrogates
    data = json.dumps({"studykit_journal": 1, "moves": entries}).encode("ascii")
    written: list[Path] = []
    try:
        for folder in folders:
            journal = folder / name
            fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            written.append(journal)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        for journal in written:
            with contextlib.suppress(OSError):
                journal.unlink(missing_ok=True)
        raise
    return written


def interrupted(folder: Path) -> list[Path]:
    """The journals in ``folder`` of writes whose process died before finishing (see the
    module's description): the files they name may be half old, half new."""
    found: list[Path] = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _JOURNAL.match(entry.name)
            if match and _dead(int(match.group(1))):
                found.append(Path(entry.path))
    return sorted(found)


def interrupted_write(path: Path) -> Path | None:
    """The journal of a dead writer (see :func:`interrupted`) that names ``path`` among its
    targets, or ``None``: then ``path`` and the files written with it may be half old, half new."""
    for journal in interrupted(path.parent):
        try:
            moves = json.loads(journal.read_bytes())["moves"]
            targets = [Path(move[0]) for move in moves]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue  # cut short while being written: nothing had been moved
        if any(same_file(target, path) for target in targets):
            return journal
    return None


def recover(folder: Path) -> None:
    """Undo in ``folder`` what dead writers left: roll back each set a journal names (each
    target gets its previous content back, or is removed if it was new), then remove their
    temporary files and backups.  Best effort: what cannot be undone stays, and is still
    named by :func:`interrupted`."""
    for journal in interrupted(folder):
        _roll_back(journal)
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _LEFTOVER.match(entry.name)
            if match and _dead(int(match.group(1))) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _confined(journal: Path, target: Path, backup: Path | None, temp: Path) -> bool:
    """Whether a journal's move is one studykit could have written: its temporary file and backup
    carry studykit's names beside the target, in a folder holding this journal.  A crafted journal
    (in a zip of answer sheets) named any file to delete or to move over another."""
    beside = temp.parent == target.parent and (backup is None or backup.parent == target.parent)
    named = _LEFTOVER.match(temp.name) and (backup is None or _LEFTOVER.match(backup.name))
    return bool(beside and named) and (target.parent / journal.name).is_file()


def _roll_back(journal: Path) -> None:
    """Put back the set ``journal`` names, then remove the journal (here and in the other
    folders it was written to).  A journal that cannot be read was cut short while being
    written: nothing had been moved yet."""
    try:
        moves = json.loads(journal.read_bytes())["moves"]
        entries = [(Path(t), None if b is None else Path(b), Path(m)) for t, b, m in moves]
    except (OSError, ValueError, KeyError, TypeError):
        entries = []
    if not all(_confined(journal, *entry) for entry in entries):
        return  # not as studykit writes one (a journal in a folder unzipped from others): left alone
    try:
        for target, backup, temp in entries:
            if os.path.lexists(temp):  # not moved yet: the target is as it was
                temp.unlink(missing_ok=True)
                if backup is not None:
                    backup.unlink(missing_ok=True)
            elif backup is not None:
                if os.path.lexists(backup):
                    os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
    except OSError:
        return  # the journal stays: interrupted() keeps naming the set
    for folder in dict.fromkeys(target.parent for target, _backup, _temp in entries):
        with contextlib.suppress(OSError):
            (folder / journal.name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        journal.unlink(missing_ok=True)


#: Bytes written between two settlings of a large file (see :class:`_Settling`).
SETTLE_EVERY = 64 << 20


class _Settling(io.FileIO):
    """A file opened for writing that, every :data:`SETTLE_EVERY` bytes, syncs what was
    written (``fdatasync``) and tells the kernel it will not be read back soon
    (``posix_fadvise(POSIX_FADV_DONTNEED)``), so its page cache is freed as the file grows.

    Why: a file's pages stay cached until memory is needed, so a 560 MB grade report
    took 560 MB of fresh memory, and replacing last run's report freed 560 MB more.  On a
    virtual machine whose host takes freed memory back (a balloon's free page reporting)
    and faults it in again on next use, writing those 560 MB cost 0.5–1.3 s of system time
    in most runs, 0.12 s in the others; settled, the same pages are reused every 64 MiB:
    0.17–0.19 s, every run (measured 2026-12-07, ``benchmarks/README.md``).  Where memory
    is never taken back that is about 0.05 s dearer for such a file.  It syncs nothing the
    final ``fsync`` of :func:`_write_temp` would not, only earlier; a file smaller than
    :data:`SETTLE_EVERY` is written exactly as before.  Where ``posix_fadvise`` is
    missing (Windows, macOS) nothing is settled; a file system refusing the advice is
    no error, a failing sync is the write's error (as the final ``fsync``'s would be)."""

    def __init__(self, fd: int) -> None:
        super().__init__(fd, "wb")
        self._written = 0
        self._settled = 0

    def write(self, data: Any) -> int:
        n = super().write(data)
        if n:
            self._written += n
            if self._written - self._settled >= SETTLE_EVERY and _CAN_SETTLE:
                os.fdatasync(self.fileno())
                with contextlib.suppress(OSError):  # advice a file system may refuse
                    os.posix_fadvise(self.fileno(), 0, self._written, os.POSIX_FADV_DONTNEED)
                self._settled = self._written
        return n


_CAN_SETTLE = hasattr(os, "posix_fadvise") and hasattr(os, "fdatasync")


def _write_temp(path: Path, data: Content, made: list[Path]) -> Path:
    """``data`` written (or streamed) and synced to a new temporary file beside ``path``; its path.

    The file's name goes into ``made`` before the file is created, so a Ctrl-C arriving at any
    point after (before this function's own cleanup is set up, or between its return and the
    caller's bookkeeping) leaves it named for the caller to remove: one such run in about 130
    left a hidden ``.NAME.skPID-….tmp`` behind."""
    while True:
        temp = _temp_name(path, "tmp")
        made.append(temp)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            made.remove(temp)  # not ours (a name of this process id left by another run long ago)
            continue
        break
    try:
        # 128 KiB (Python 3.14's default): a writer's larger chunks (a grade report's
        # 0.5 MB batches) go straight to the file instead of being copied into the buffer
        with io.BufferedWriter(_Settling(fd), buffer_size=1 << 17) as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):  # a file replaced keeps its permission bits
            os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _backup(path: Path) -> Path | None:
    """A second name for the file at ``path`` (a hard link, else a copy); ``None`` if there is none."""
    if not os.path.lexists(path):
        return None
    backup = _temp_name(path, "bak")
    try:
        os.link(path, backup, follow_symlinks=False)
    except OSError:  # a file system without hard links: copy
        import shutil

        shutil.copy2(path, backup, follow_symlinks=False)
    return backup


def _restore(replaced: list[Path], backups: Mapping[Path, Path | None]) -> list[tuple[Path, Path]]:
    """Put back what was at each of ``replaced``; the (target, backup) pairs that could not be restored."""
    lost: list[tuple[Path, Path]] = []
    for path in reversed(replaced):
        backup = backups.get(path)
        try:
            if backup is None:
                path.unlink(missing_ok=True)
            else:
                os.replace(backup, path)
        except OSError:
            if backup is not None:
                lost.append((path, backup))
    for path, backup in backups.items():
        if backup is not None and path not in replaced:
            with contextlib.suppress(OSError):
                backup.unlink(missing_ok=True)
    return lost  # their backups are kept, and named in the error


def same_file(a: Path, b: Path) -> bool:
    """Whether paths ``a`` and ``b`` name one file: :func:`os.path.samefile` when both
    exist (hard links, symlinks, case-insensitive file systems), else equal resolved paths."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        try:
            return a.resolve() == b.resolve()
        except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
            return False


def refuse_inputs(targets: Iterable[Path], inputs: Mapping[Path, str]) -> None:
    """Raise :class:`~studykit.errors.StudykitError` when one of ``targets`` (files about to
    be written) is one of ``inputs`` (path → what it is, e.g. ``"the bank"``; see
    :func:`same_file`, which follows symbolic links): writing it would destroy what was read."""
    for target in targets:
        for path, what in inputs.items():
            if same_file(target, path):
                raise StudykitError(
                    _("cannot write {target}: it is {what} ({path}); choose another output path").format(
                        target=target, what=what, path=path
                    )
                )


def refuse_overwrite(output: Path, inputs: Iterable[Path], what: str | None = None) -> None:
    """Raise :class:`~studykit.errors.StudykitError` when ``output`` is one of ``inputs``
    (see :func:`same_file`), so writing it would destroy what was read; ``what`` names the
    input in the message (default: "an input file", in the interface language)."""
    for path in inputs:
        if same_file(output, path):
            raise StudykitError(
                _("-o {output} is {what} ({path}); refusing to overwrite it — choose another path").format(
                    output=output, what=what if what is not None else _("an input file"), path=path
                )
            )
