"""A writer killed with ``kill -9`` (issue 18, items 9 and 10): nothing is left behind for long,
and a half-moved set is either put back or refused by ``grade`` — tested with real kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from studykit._output import interrupted_write, write_files
from studykit.cli import main
from studykit.errors import KeyFileError
from studykit.key import AnswerKey, dump_key, load_key

pytestmark = pytest.mark.skipif(os.name == "nt", reason="kill -9 and process ids as on POSIX")

#: Writes ``files`` (name → text) in the folder argv[1] with write_files, after patching
#: _output so that the write stops where argv[2] says — "stream": inside a streamed file's
#: content, "move": after the first file is moved into place — says "ready" and waits to be killed.
SCRIPT = """
import os, sys, time
from pathlib import Path
from studykit import _output

folder, where = Path(sys.argv[1]), sys.argv[2]
files = {folder / name: text.encode() for name, text in zip(sys.argv[3::2], sys.argv[4::2])}

def wait():
    print("ready", flush=True)
    time.sleep(60)

if where == "stream":
    first = next(iter(files))
    files[first] = lambda handle: (handle.write(b"x" * 100_000), handle.flush(), wait())
else:
    real = os.replace
    def replace(src, dst):
        real(src, dst)
        wait()
    _output.os.replace = replace
_output.write_files(files)
"""


def killed_write(folder: Path, where: str, files: dict[str, str]) -> int:
    """Run SCRIPT, kill it with SIGKILL once it is ready; its process id."""
    args = [arg for pair in files.items() for arg in pair]
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(folder), where, *args], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return proc.pid


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_temp_file_of_a_killed_write_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """kill -9 while a report streams leaves its temporary file (nothing can run then); the
    next write into that folder removes it, and the report was never touched."""
    (tmp_path / "report.json").write_text("old", encoding="utf-8")
    pid = killed_write(tmp_path, "stream", {"report.json": "new"})
    assert [name.split("-")[0] for name in hidden(tmp_path)] == [f".report.json.sk{pid}"]
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == "old"
    write_files({tmp_path / "report.json": b"newer"})
    assert hidden(tmp_path) == []
    assert (tmp_path / "report.json").read_bytes() == b"newer"


def test_a_set_killed_between_moves_is_refused_by_grade_then_put_back(tmp_path: Path, key: AnswerKey) -> None:
    """kill -9 after quiz's first file is moved: the folder holds a new paper beside the old key.
    grade refuses that key with one line; the next write into the folder puts the old set back."""
    old_key = dump_key(key)
    (tmp_path / "q.md").write_text("old paper", encoding="utf-8")
    (tmp_path / "q.key.yaml").write_text(old_key, encoding="utf-8")
    killed_write(tmp_path, "move", {"q.md": "new paper", "q.answers.txt": "new sheet", "q.key.yaml": "new key"})
    assert (tmp_path / "q.md").read_text(encoding="utf-8") == "new paper"  # the mixed set on disk
    journal = interrupted_write(tmp_path / "q.key.yaml")
    assert journal is not None
    with pytest.raises(KeyFileError) as err:
        load_key(tmp_path / "q.key.yaml")
    assert err.value.message == (
        f"{tmp_path / 'q.key.yaml'}: the studykit run that wrote this key was killed before it finished "
        f"({journal} is left), so the key and the files written with it may be half old, half new; "
        "run that command again (studykit first puts the earlier files back)"
    )
    sheet = tmp_path / "甲.txt"
    sheet.write_text("姓名：甲\n1. B\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["grade", str(sheet), "--key", str(tmp_path / "q.key.yaml")])
    assert result.exit_code == 1
    assert result.output == f"Error: {err.value.message}\n"
    write_files({tmp_path / "other.txt": b"x"})  # any write into the folder recovers it first
    assert (tmp_path / "q.md").read_text(encoding="utf-8") == "old paper"
    assert (tmp_path / "q.key.yaml").read_text(encoding="utf-8") == old_key
    assert not (tmp_path / "q.answers.txt").exists()  # it was new: removed again
    assert hidden(tmp_path) == []
    assert load_key(tmp_path / "q.key.yaml") == key


def test_a_live_writer_s_files_are_left_alone(tmp_path: Path) -> None:
    """Temporary files and journals of a process that still runs (this one) are not touched."""
    mine = tmp_path / f".a.md.sk{os.getpid()}-0123abcd.tmp"
    mine.write_bytes(b"busy")
    write_files({tmp_path / "a.md": b"1"})
    assert hidden(tmp_path) == [mine.name]
