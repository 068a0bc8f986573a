"""All-or-nothing writing of output files (studykit._output)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from skpaths import MINI_BANK
from studykit._output import write_files
from studykit.cli import main
from studykit.errors import StudykitError


def test_write_files_creates_folders_and_writes_every_file(tmp_path: Path) -> None:
    """Every file lands with its content; missing folders are created; no temporary file remains."""
    write_files({tmp_path / "a.md": b"1", tmp_path / "sub" / "b.txt": "二".encode()})
    assert (tmp_path / "a.md").read_bytes() == b"1"
    assert (tmp_path / "sub" / "b.txt").read_text(encoding="utf-8") == "二"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.md", "b.txt", "sub"]


def test_write_files_failure_writes_nothing(tmp_path: Path) -> None:
    """When one file cannot be written, none is: earlier files keep their old content, temporaries are removed."""
    (tmp_path / "a.md").write_bytes(b"old")
    (tmp_path / "blocker").write_bytes(b"")  # a file where a folder is needed
    with pytest.raises(StudykitError) as err:
        write_files({tmp_path / "a.md": b"new", tmp_path / "blocker" / "b.txt": b"x"})
    assert err.value.message.startswith(f"cannot write {tmp_path / 'blocker' / 'b.txt'}: ")
    assert (tmp_path / "a.md").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "blocker"]


def _failing_replace(monkeypatch: pytest.MonkeyPatch, fail_on: set[int]) -> list[tuple[str, str]]:
    """Make ``os.replace`` fail (disk full) on the calls numbered in ``fail_on`` (1-based); returns the calls."""
    real = os.replace
    calls: list[tuple[str, str]] = []

    def replace(src: Any, dst: Any) -> None:
        calls.append((str(src), str(dst)))
        if len(calls) in fail_on:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _quiz_set(folder: Path, content: bytes) -> dict[Path, bytes]:
    return {
        folder / name: content + name.encode() for name in ("q.md", "q.key.yaml", "q.solutions.md", "q.answers.txt")
    }


def test_failure_mid_way_restores_the_files_already_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the 3rd rename fails, the 2 files already replaced get their old content back: the whole old set stays."""
    old = _quiz_set(tmp_path, b"old ")
    write_files(old)
    calls = _failing_replace(monkeypatch, {3})
    with pytest.raises(StudykitError) as err:
        write_files(_quiz_set(tmp_path, b"new "))
    assert err.value.message == f"cannot write {tmp_path / 'q.solutions.md'}: No space left on device"
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == old
    assert len(calls) == 5  # three replacements, two restores


def test_failure_mid_way_removes_files_that_did_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failed set leaves no new file behind: targets that were absent are absent again, existing ones kept."""
    (tmp_path / "q.key.yaml").write_bytes(b"old key")
    _failing_replace(monkeypatch, {4})
    with pytest.raises(StudykitError):
        write_files(_quiz_set(tmp_path, b"new "))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {"q.key.yaml": b"old key"}


def test_a_folder_at_a_target_path_is_an_error_before_anything_is_written(tmp_path: Path) -> None:
    """`q.key.yaml/` being a folder stops the set before any file is written or any temporary is made."""
    old = _quiz_set(tmp_path, b"old ")
    write_files(old)
    (tmp_path / "q.key.yaml").unlink()
    (tmp_path / "q.key.yaml").mkdir()
    with pytest.raises(StudykitError) as err:
        write_files(_quiz_set(tmp_path, b"new "))
    assert err.value.message == f"cannot write {tmp_path / 'q.key.yaml'}: it is a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.answers.txt", "q.key.yaml", "q.md", "q.solutions.md"]
    assert (tmp_path / "q.md").read_bytes() == b"old q.md"


def test_an_empty_file_name_is_an_error(tmp_path: Path) -> None:
    """A path without a file name (``-o ''`` gives ``.``) is refused with the path in the message."""
    with pytest.raises(StudykitError) as err:
        write_files({Path(""): b"x"})
    assert err.value.message == "cannot write '.': not a file name"


def test_backups_are_copies_where_hard_links_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system without hard links the backups are copies, and a failure still restores the old set."""

    def no_link(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    old = _quiz_set(tmp_path, b"old ")
    write_files(old)
    monkeypatch.setattr(os, "link", no_link)
    write_files(_quiz_set(tmp_path, b"mid "))
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == _quiz_set(tmp_path, b"mid ")
    _failing_replace(monkeypatch, {4})
    with pytest.raises(StudykitError):
        write_files(_quiz_set(tmp_path, b"new "))
    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == _quiz_set(tmp_path, b"mid ")


def test_a_restore_that_fails_keeps_the_backup_and_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If putting an old file back fails too, the error says where its previous content is kept."""
    write_files(_quiz_set(tmp_path, b"old "))
    calls = _failing_replace(monkeypatch, {2, 3})  # the 2nd replacement fails, then restoring the 1st
    with pytest.raises(StudykitError) as err:
        write_files(_quiz_set(tmp_path, b"new "))
    backup = Path(calls[2][0])
    assert err.value.message == (
        f"cannot write {tmp_path / 'q.key.yaml'}: No space left on device; "
        f"and could not restore {tmp_path / 'q.md'} (its previous content is in {backup})"
    )
    assert backup.read_bytes() == b"old q.md"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["q.md", "q.key.yaml", "q.solutions.md", "q.answers.txt", backup.name]
    )


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    """A written file has mode 0666 less the umask, like any file a program creates."""
    mask = os.umask(0o022)
    try:
        write_files({tmp_path / "a.md": b"x"})
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o644


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    """-o onto a link writes the file it points to; the link stays a link."""
    real = tmp_path / "reports" / "成绩.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    write_files({link: b"new"})
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["latest.csv", "reports", "成绩.csv"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_device_is_refused_and_left_alone(tmp_path: Path) -> None:
    """A named pipe (as a device such as /dev/null would be) is never replaced by a regular file."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    other = tmp_path / "other.txt"
    with pytest.raises(StudykitError) as exc:
        write_files({other: b"x", pipe: b"y"})
    assert exc.value.message == f"cannot write {pipe}: it is not a regular file (a device or a pipe); give a file name"
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert not other.exists()


def test_a_replaced_file_keeps_its_permission_bits(tmp_path: Path) -> None:
    """A report locked down to 0640 (members' scores) is not made world-readable by a rewrite."""
    private = tmp_path / "成绩.txt"
    private.write_bytes(b"old")
    private.chmod(0o640)
    write_files({private: b"new"})
    assert private.read_bytes() == b"new"
    assert stat.S_IMODE(private.stat().st_mode) == 0o640


def test_a_symbolic_link_loop_is_an_error(tmp_path: Path) -> None:
    """-o onto a link that leads back to itself is refused by name; nothing is written."""
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(StudykitError) as exc:
        write_files({tmp_path / "a": b"x"})
    assert exc.value.message == f"cannot write {tmp_path / 'a'}: it is a symbolic link that leads back to itself"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_a_file_name_too_long_for_the_file_system_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    """-o 长长…长.md of 600 bytes (a name over the file system's 255): one error naming the file, nothing
    written — not an OSError traceback from the checks before writing."""
    long = tmp_path / ("长" * 200 + ".md")
    beside = tmp_path / "短.key.yaml"
    with pytest.raises(StudykitError) as info:
        write_files({beside: b"key", long: b"paper"})
    assert info.value.message == f"cannot write {long}: File name too long"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("command", "suffix"), [("quiz", ".md"), ("practice", ".html"), ("anki", ".apkg")])
def test_commands_name_a_file_name_too_long(tmp_path: Path, command: str, suffix: str) -> None:
    """quiz, practice and anki with -o of 600 bytes: `Error: cannot write …: File name too long`, exit 1
    (anki looked for an earlier deck there first and showed an OSError traceback)."""
    long = tmp_path / ("长" * 200 + suffix)
    result = CliRunner().invoke(main, [command, "--bank", str(MINI_BANK), "-o", str(long)])
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot write {long}: File name too long\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["check", "quiz", "practice"])
def test_a_bank_name_too_long_is_an_error(tmp_path: Path, command: str) -> None:
    """--bank of 600 bytes: `Error: cannot read …: File name too long`, exit 1 (Path.is_dir() raised
    an OSError traceback while looking for a folder of banks)."""
    long = tmp_path / ("长" * 200 + ".yaml")
    result = CliRunner().invoke(main, [command, "--bank", str(long)])
    assert (result.exit_code, result.stderr) == (1, f"Error: cannot read {long}: File name too long\n")


def _settle_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record ``fdatasync`` and ``posix_fadvise`` calls (as ("sync", 0) and ("drop", length))."""
    import studykit._output as output

    calls: list[tuple[str, int]] = []
    real_sync, real_advise = os.fdatasync, os.posix_fadvise

    def sync(fd: int) -> None:
        calls.append(("sync", 0))
        real_sync(fd)

    def advise(fd: int, offset: int, length: int, advice: int) -> None:
        assert (offset, advice) == (0, os.POSIX_FADV_DONTNEED)
        calls.append(("drop", length))
        real_advise(fd, offset, length, advice)

    monkeypatch.setattr(output, "SETTLE_EVERY", 1 << 20)
    monkeypatch.setattr(os, "fdatasync", sync)
    monkeypatch.setattr(os, "posix_fadvise", advise)
    return calls


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here (Windows, macOS)")
def test_a_large_file_is_settled_as_it_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SETTLE_EVERY bytes (here 1 MiB) what was written is synced and its cached pages
    dropped, so a 560 MB report does not hold 560 MB of memory; the content is unchanged."""
    calls = _settle_calls(monkeypatch)
    piece = bytes(range(256)) * 4096  # exactly 1 MiB: the buffer passes it straight through

    def content(stream: Any) -> None:
        for n in range(3):
            stream.write(piece[n:] + piece[:n])
        stream.write(b"tail")

    write_files({tmp_path / "big.json": content})
    expected = b"".join(piece[n:] + piece[:n] for n in range(3)) + b"tail"
    assert (tmp_path / "big.json").read_bytes() == expected
    mib = 1 << 20
    assert calls == [("sync", 0), ("drop", mib), ("sync", 0), ("drop", 2 * mib), ("sync", 0), ("drop", 3 * mib)]


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here (Windows, macOS)")
def test_a_small_file_is_not_settled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file under SETTLE_EVERY is written as ever: no early sync, nothing dropped."""
    calls = _settle_calls(monkeypatch)
    write_files({tmp_path / "small.csv": b"x" * ((1 << 20) - 1), tmp_path / "s2.csv": lambda f: f.write(b"y" * 1000)})
    assert calls == []
    assert (tmp_path / "small.csv").stat().st_size == (1 << 20) - 1
    assert (tmp_path / "s2.csv").read_bytes() == b"y" * 1000


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here (Windows, macOS)")
def test_a_refused_drop_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """posix_fadvise is advice: a file system that refuses it (EINVAL) still gets the whole file."""

    def refuse(fd: int, offset: int, length: int, advice: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    _settle_calls(monkeypatch)
    monkeypatch.setattr(os, "posix_fadvise", refuse)
    write_files({tmp_path / "big.txt": lambda f: [f.write(b"z" * (1 << 20)) for _ in range(2)]})
    assert (tmp_path / "big.txt").read_bytes() == b"z" * (2 << 20)


def test_a_failed_sync_is_an_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync that fails part-way (EIO: the disk) is the write's error: the old file stays, no temporary is left."""
    import studykit._output as output

    (tmp_path / "r.json").write_bytes(b"old")

    def fail(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(output, "SETTLE_EVERY", 1 << 20)
    monkeypatch.setattr(output, "_CAN_SETTLE", True)
    monkeypatch.setattr(os, "fdatasync", fail, raising=False)
    with pytest.raises(StudykitError) as err:
        write_files({tmp_path / "r.json": lambda f: [f.write(b"z" * (1 << 20)) for _ in range(2)]})
    assert err.value.message.startswith(f"cannot write {tmp_path / 'r.json'}: ")
    assert (tmp_path / "r.json").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


@pytest.mark.parametrize("when", ["after the file is created", "after it is written"])
def test_a_ctrl_c_right_after_a_temporary_file_is_made_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """A Ctrl-C (KeyboardInterrupt) arriving just after ``os.open`` made the temporary file, before
    ``_write_temp`` set up its own cleanup, or just after ``_write_temp`` returned, before the caller
    noted the file, left a hidden ``.b.md.skPID-….tmp`` beside the target (one run in about 130 of
    SIGINTs into ``grade --review-decks``).  The file is named before it exists, so none is left,
    and the target keeps its old content."""
    import studykit._output as output

    (tmp_path / "b.md").write_bytes(b"old")
    real_open, real_write = os.open, output._write_temp

    def open_then_interrupt(path: Any, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        if str(path).endswith(".tmp"):
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    def write_then_interrupt(path: Path, data: Any, made: list[Path]) -> Path:
        real_write(path, data, made)
        raise KeyboardInterrupt

    if when == "after the file is created":
        monkeypatch.setattr(output.os, "open", open_then_interrupt)
    else:
        monkeypatch.setattr(output, "_write_temp", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_files({tmp_path / "a.md": b"1", tmp_path / "b.md": b"2"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]
    assert (tmp_path / "b.md").read_bytes() == b"old"
