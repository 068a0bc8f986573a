"""All-or-nothing writing of output files (studykit._output)."""

from __future__ import annotations

from pathlib import Path

import pytest

from studykit._output import write_files
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
